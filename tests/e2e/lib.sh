# Helpers for end-to-end suites (sourced by run_suite.sh).
# Each helper records a failure and carries on, so one run shows every
# broken expectation; finish_suite sets the exit status.
FAILURES=0
CHECKS=0

imictl() { "$IMICTL_BIN" "$@"; }

fail() {
  FAILURES=$((FAILURES + 1))
  printf 'FAIL [%s:%s] %s\n' "$(basename "${BASH_SOURCE[2]:-?}")" "${BASH_LINENO[1]:-?}" "$*" >&2
}

# run CMD...: runs CMD, capturing stdout in $OUT, stderr in $ERR, status in $RC.
run() {
  OUT=$("$@" 2>"$TEST_DIR/.stderr")
  RC=$?
  ERR=$(cat "$TEST_DIR/.stderr")
}

# expect_rc N CMD...: runs CMD and expects exit status N.
expect_rc() {
  local want=$1
  shift
  CHECKS=$((CHECKS + 1))
  run "$@"
  if [ "$RC" != "$want" ]; then
    fail "expected exit $want, got $RC: $*"$'\n'"  stdout: ${OUT:0:800}"$'\n'"  stderr: ${ERR:0:800}"
  fi
}

expect_ok() { expect_rc 0 "$@"; }

# expect_contains HAYSTACK NEEDLE
expect_contains() {
  CHECKS=$((CHECKS + 1))
  case "$1" in
    *"$2"*) ;;
    *) fail "expected to find '$2' in: ${1:0:1200}" ;;
  esac
}

expect_not_contains() {
  CHECKS=$((CHECKS + 1))
  case "$1" in
    *"$2"*) fail "did not expect '$2' in: ${1:0:1200}" ;;
  esac
}

expect_eq() {
  CHECKS=$((CHECKS + 1))
  [ "$1" == "$2" ] || fail "expected '$2', got '$1'"
}

# json QUERY: evaluates a Python expression over the JSON in $OUT (bound to j).
json() {
  python3 -c 'import json,sys; j=json.loads(sys.stdin.read()); v=eval(sys.argv[1]); print(v if not isinstance(v,(dict,list)) else json.dumps(v, ensure_ascii=False))' "$1" <<<"$OUT"
}

# expect_json QUERY EXPECTED: the query's value printed as text equals EXPECTED.
expect_json() {
  CHECKS=$((CHECKS + 1))
  local got
  got=$(json "$1" 2>&1) || { fail "JSON query '$1' failed: $got"$'\n'"  on: ${OUT:0:600}"; return; }
  [ "$got" == "$2" ] || fail "JSON $1: expected '$2', got '$got'"
}

# sql DB QUERY: prints the result of a query with the sqlite3 CLI.
sql() { sqlite3 -batch -noheader "$1" "$2"; }

expect_sql() {
  CHECKS=$((CHECKS + 1))
  local got
  got=$(sql "$1" "$2")
  [ "$got" == "$3" ] || fail "SQL $2: expected '$3', got '$got'"
}

# A database with the own authority and its first user ('admin' as actor).
init_db() {
  export IMICTL_DB=${1:-$TEST_DIR/imi.db}
  "$IMICTL_BIN" init --authority "Gemeente Oeteldonk" --informal-name "Gemeente Oeteldonk" \
    --country NL --email imi@oeteldonk.nl --first-name Anna --last-name Admin \
    --user-email a.admin@oeteldonk.nl >/dev/null || fail "init failed"
  export IMICTL_USER=aadmin
}

finish_suite() {
  if [ "$CHECKS" = 0 ]; then
    echo "suite ran no checks" >&2
    exit 1
  fi
  if [ "$FAILURES" != 0 ]; then
    echo "$FAILURES of $CHECKS checks failed; files kept in $TEST_DIR" >&2
    exit 1
  fi
  echo "$CHECKS checks passed"
  rm -rf "$TEST_DIR"
  exit 0
}
