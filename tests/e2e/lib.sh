# Helpers for end-to-end suites (sourced by run_suite.sh).
# Each helper records a failure and carries on, so one run shows every
# broken expectation; finish_suite sets the exit status.
#
# Failures are counted in a file, not a variable: a check that fails inside
# $(...) or a pipeline runs in a subshell, and its count would be lost.
FAILURES_FILE=$TEST_DIR/.failures
: >"$FAILURES_FILE"
CHECKS=0

imictl() { "$IMICTL_BIN" "$@"; }

# where: SUITE:LINE of the outermost call in the suite file, so a failure in
# a helper (or in a helper the suite defines) points at the test that failed.
where() {
  local i at=${imictl_e2e_suite:-?} # the suite file, set by run_suite.sh
  at=${at##*/}
  for ((i = 1; i < ${#BASH_SOURCE[@]}; i++)); do
    case "${BASH_SOURCE[i]}" in
      *.bash) at="$(basename "${BASH_SOURCE[i]}"):${BASH_LINENO[i - 1]}" ;;
    esac
  done
  printf '%s' "$at"
}

fail() {
  local at
  at=$(where)
  printf 'FAIL [%s] %s\n' "$at" "$*" >&2
  printf '%s\n' "$at" >>"$FAILURES_FILE"
}

failure_count() { wc -l <"$FAILURES_FILE" | tr -d ' '; }

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

# A needle that is empty matches everything and proves nothing: it is a bug
# in the test (an unset variable, a helper that printed nothing).
needle_ok() {
  if [ "$#" != 2 ]; then
    fail "test bug: expects HAYSTACK NEEDLE, got $# arguments"
    return 1
  fi
  if [ -z "$2" ]; then
    fail "test bug: empty needle (it would match anything)"
    return 1
  fi
}

# expect_contains HAYSTACK NEEDLE
expect_contains() {
  CHECKS=$((CHECKS + 1))
  needle_ok "$@" || return 0
  case "$1" in
    *"$2"*) ;;
    *) fail "expected to find '$2' in: ${1:0:1200}" ;;
  esac
}

expect_not_contains() {
  CHECKS=$((CHECKS + 1))
  needle_ok "$@" || return 0
  case "$1" in
    *"$2"*) fail "did not expect '$2' in: ${1:0:1200}" ;;
  esac
}

expect_eq() {
  CHECKS=$((CHECKS + 1))
  [ "$1" == "$2" ] || fail "expected '$2', got '$1'"
}

# expect_not_in_files NEEDLE FILE...: no byte sequence NEEDLE in the files.
# grep's "could not read" (2) is a failure, never "not found".
expect_not_in_files() {
  local needle=$1
  shift
  CHECKS=$((CHECKS + 1))
  [ -n "$needle" ] || { fail "test bug: empty needle"; return 0; }
  grep -a -F -q -- "$needle" "$@"
  case $? in
    0) fail "'$needle' found in $*" ;;
    1) ;;
    *) fail "could not search $* for '$needle'" ;;
  esac
}

# expect_in_files NEEDLE FILE...: the positive control for the search above.
expect_in_files() {
  local needle=$1
  shift
  CHECKS=$((CHECKS + 1))
  [ -n "$needle" ] || { fail "test bug: empty needle"; return 0; }
  grep -a -F -q -- "$needle" "$@" || fail "'$needle' not found in $* (is the search working?)"
}

# json QUERY: evaluates a Python expression over the JSON in $OUT (bound to j)
# and prints the value. A query that fails (output that is not JSON, a
# missing key) is a failed check, also inside $(...).
json_eval() {
  python3 -c 'import json,sys; j=json.loads(sys.stdin.read()); v=eval(sys.argv[1]); print(v if not isinstance(v,(dict,list)) else json.dumps(v, ensure_ascii=False))' "$1" <<<"$OUT"
}

json() {
  local got
  if ! got=$(json_eval "$1" 2>&1); then
    fail "JSON query '$1' failed: $got"$'\n'"  on: ${OUT:0:600}"
    return 1
  fi
  printf '%s\n' "$got"
}

# expect_json QUERY EXPECTED: the query's value printed as text equals EXPECTED.
expect_json() {
  CHECKS=$((CHECKS + 1))
  local got
  got=$(json_eval "$1" 2>&1) || { fail "JSON query '$1' failed: $got"$'\n'"  on: ${OUT:0:600}"; return 0; }
  [ "$got" == "$2" ] || fail "JSON $1: expected '$2', got '$got'"
}

# sql DB QUERY: prints the result of a query with the sqlite3 CLI. A query
# sqlite3 refuses is a failed check (and status 1), so two failing queries
# can never compare equal.
sql() {
  local errfile=$TEST_DIR/.sql-stderr.$BASHPID rc
  sqlite3 -batch -bail -noheader "$1" "$2" 2>"$errfile"
  rc=$?
  if [ "$rc" != 0 ]; then
    fail "sqlite3 exited $rc on $1: $2"$'\n'"  $(cat "$errfile")"
    rm -f "$errfile"
    return 1
  fi
  cat "$errfile" >&2
  rm -f "$errfile"
}

expect_sql() {
  CHECKS=$((CHECKS + 1))
  local got
  got=$(sql "$1" "$2") || return 0 # sql has recorded the failure
  [ "$got" == "$3" ] || fail "SQL $2: expected '$3', got '$got'"
}

# db_digest DB [TABLE...]: a digest of the database: schema, user_version
# and the content of every table except the named ones (none named: every
# table, exactly as `.dump` shows it).
db_digest() {
  local db=$1 dump
  shift
  local objects=()
  if [ "$#" != 0 ]; then
    local t left_out tables
    tables=$(sql "$db" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\\' ORDER BY name") ||
      return 1
    for t in $tables; do
      for left_out in "$@"; do [ "$t" = "$left_out" ] && continue 2; done
      # .dump takes LIKE patterns with '\' as the escape character.
      objects+=("'${t//_/\\_}'")
    done
    [ "${#objects[@]}" != 0 ] || { fail "db_digest: nothing left to digest in $db"; return 1; }
  fi
  dump=$(sql "$db" ".dump ${objects[*]}") || return 1
  dump+=$(sql "$db" "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name; PRAGMA user_version") ||
    return 1
  sha256sum <<<"$dump" | cut -d' ' -f1
}

# expect_unchanged DB DIGEST [TABLE...]: DB still has DIGEST, computed by
# db_digest with the same tables left out.
expect_unchanged() {
  local db=$1 want=$2 got
  shift 2
  CHECKS=$((CHECKS + 1))
  got=$(db_digest "$db" "$@") || return 0
  [ "$got" == "$want" ] || fail "the database changed${*:+ (outside the tables $*)}: $db"
}

# expect_audited DB ACTION [ACTOR]: the newest audit entry is ACTION (by ACTOR).
expect_audited() {
  local db=$1 action=$2 actor=${3:-}
  CHECKS=$((CHECKS + 1))
  local got
  got=$(sql "$db" "SELECT action || '|' || actor FROM audit ORDER BY id DESC LIMIT 1") || return 0
  if [ "${got%%|*}" != "$action" ] || { [ -n "$actor" ] && [ "${got#*|}" != "$actor" ]; }; then
    # shellcheck disable=SC2016 # the quotes are text inside a double-quoted string
    fail "expected the newest audit entry to be '$action'${actor:+ by '$actor'}, got '${got/|/ by }'"
  fi
}

# expect_denied ACTION CMD...: CMD is refused as not permitted (exit 4), the
# database is unchanged but for one new audit entry, and that entry is
# denied:ACTION. The database is $IMICTL_DB unless CHECK_DB names another.
expect_denied() {
  local action=$1 db=${CHECK_DB:-$IMICTL_DB} before entries
  shift
  before=$(db_digest "$db" audit) || return 0
  entries=$(sql "$db" "SELECT count(*) FROM audit") || return 0
  expect_rc 4 "$@"
  expect_unchanged "$db" "$before" audit
  expect_sql "$db" "SELECT count(*) - $entries FROM audit" 1
  expect_audited "$db" "denied:$action"
}

# expect_refused N CMD...: CMD fails with exit N (a conflict, invalid input,
# not found) and leaves the whole database as it was, audit log included.
expect_refused() {
  local want=$1 db=${CHECK_DB:-$IMICTL_DB} before
  shift
  before=$(db_digest "$db") || return 0
  expect_rc "$want" "$@"
  expect_unchanged "$db" "$before"
}

# A database with the own authority and its first user ('admin' as actor).
init_db() {
  export IMICTL_DB=${1:-$TEST_DIR/imi.db}
  "$IMICTL_BIN" init --authority "Gemeente Oeteldonk" --informal-name "Gemeente Oeteldonk" \
    --country NL --email imi@oeteldonk.nl --first-name Anna --last-name Admin \
    --user-email a.admin@oeteldonk.nl >/dev/null || fail "init failed"
  export IMICTL_USER=aadmin
}

# skip_suite REASON: the suite cannot run on this machine (a tool is
# missing). ctest shows it as skipped (exit 77); where every suite must run
# (IMICTL_REQUIRE_ALL=1, as in CI) it is a failure instead.
skip_suite() {
  if [ "${IMICTL_REQUIRE_ALL:-0}" = 1 ]; then
    CHECKS=$((CHECKS + 1))
    fail "$1 (IMICTL_REQUIRE_ALL=1: no suite may be skipped)"
    finish_suite 0
  fi
  echo "SKIP: $1"
  echo skipped >"$TEST_DIR/.result"
  exit 77
}

# require_commands CMD...: skips the suite unless every CMD is on PATH.
require_commands() {
  local c
  for c in "$@"; do
    command -v "$c" >/dev/null || skip_suite "$c is not installed"
  done
}

# finish_suite STATUS: STATUS is what the suite script itself ended with; a
# suite whose last command failed, or that returned non-zero, has failed.
finish_suite() {
  local status=${1:-0} failures
  if [ "$status" != 0 ]; then
    CHECKS=$((CHECKS + 1))
    fail "the suite script ended with status $status"
  fi
  failures=$(failure_count)
  if [ "$CHECKS" = 0 ]; then
    echo "suite ran no checks" >&2
    echo failed >"$TEST_DIR/.result"
    exit 1
  fi
  if [ "$failures" != 0 ]; then
    echo "$failures failure(s) in $CHECKS checks; files kept in $TEST_DIR" >&2
    echo failed >"$TEST_DIR/.result"
    exit 1
  fi
  echo "$CHECKS checks passed"
  echo passed >"$TEST_DIR/.result"
  exit 0
}
