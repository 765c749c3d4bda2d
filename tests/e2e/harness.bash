# The test harness itself (run_suite.sh, lib.sh): a suite passes only when
# it ran to its end and every check held. Each case below is a small suite
# that must fail (or skip) for one reason, run the way ctest runs suites.
mkdir -p "$TEST_DIR/suites" "$TEST_DIR/tmp"

# expect_suite RC NAME [VAR=VALUE...] < SUITE: runs the suite text read from
# stdin and expects exit status RC (0 passed, 77 skipped, 1 failed).
expect_suite() {
  local want=$1 name=$2 file=$TEST_DIR/suites/$2.bash
  shift 2
  cat >"$file"
  # Failed inner suites keep their folders; TMPDIR keeps them inside ours.
  expect_rc "$want" env IMICTL_REQUIRE_ALL=0 TMPDIR="$TEST_DIR/tmp" "$@" \
    bash "$IMICTL_SOURCE_DIR/tests/e2e/run_suite.sh" "$file"
  if [ "$want" != 0 ]; then expect_not_contains "$OUT" "checks passed"; fi
}

# --- a suite that holds passes, and says how many checks it made ---
expect_suite 0 passing <<'SUITE'
init_db
expect_ok imictl authority show
expect_contains "$OUT" "Gemeente Oeteldonk"
expect_sql "$IMICTL_DB" "SELECT count(*) FROM user" 1
SUITE
expect_contains "$OUT" "3 checks passed"

# --- the script itself fails ---
expect_suite 1 syntax-error <<'SUITE'
expect_eq 1 1
expect_eq 2 2
expect_eq 3 3
expect_eq 4 4
if then fi
SUITE
expect_contains "$ERR" "does not parse"
expect_contains "$ERR" "line 5"
expect_suite 1 unset-variable <<'SUITE'
expect_eq 1 1
expect_eq "$no_such_variable" ""
SUITE
expect_contains "$ERR" "stopped before its end"
expect_suite 1 last-command-fails <<'SUITE'
expect_eq 1 1
false
SUITE
expect_suite 1 returns-early <<'SUITE'
expect_eq 1 1
return 3
expect_eq 2 2
SUITE
expect_contains "$ERR" "ended with status 3"
expect_suite 1 exits-early <<'SUITE'
expect_eq 1 1
exit 0
SUITE
expect_suite 1 no-checks <<'SUITE'
true
SUITE
expect_suite 1 missing-helper-argument <<'SUITE'
expect_contains "only a haystack"
SUITE

# --- failures are counted wherever they happen ---
expect_suite 1 fail-in-subshell <<'SUITE'
expect_eq 1 1
value=$(fail "inside a command substitution"; echo ignored)
SUITE
expect_contains "$ERR" "inside a command substitution"
expect_suite 1 fail-in-pipeline <<'SUITE'
expect_eq 1 1
echo x | while read -r _; do fail "inside a pipeline"; done
SUITE
expect_suite 1 empty-needle <<'SUITE'
needle=
expect_contains "anything" "$needle"
SUITE
expect_contains "$ERR" "empty needle"
expect_suite 1 empty-needle-not-contains <<'SUITE'
expect_not_contains "anything" ""
SUITE
expect_suite 1 json-not-json <<'SUITE'
OUT="imictl: error: database is locked"
expect_eq "$(json 'j["code"]')" ""
SUITE

# --- sqlite3's failures are failures ---
expect_suite 1 two-failing-queries <<'SUITE'
init_db
expect_sql "$IMICTL_DB" "SELECT count(*) FROM no_such_table" "$(sql "$IMICTL_DB" "SELECT nothing FROM nowhere")"
SUITE
expect_contains "$ERR" "no such table"
expect_suite 1 query-on-missing-database <<'SUITE'
expect_sql "$TEST_DIR/absent/imi.db" "SELECT 1" ""
SUITE

# --- the database checks see what changed ---
expect_suite 1 changed-database <<'SUITE'
init_db
before=$(db_digest "$IMICTL_DB")
sql "$IMICTL_DB" "UPDATE user SET phone = '1'"
expect_unchanged "$IMICTL_DB" "$before"
SUITE
expect_suite 1 changed-outside-audit <<'SUITE'
init_db
before=$(db_digest "$IMICTL_DB" audit)
sql "$IMICTL_DB" "INSERT INTO department (authority_id, name) VALUES (1, 'Nieuw')"
expect_unchanged "$IMICTL_DB" "$before" audit
SUITE
expect_suite 0 audit-left-out <<'SUITE'
init_db
before=$(db_digest "$IMICTL_DB" audit)
expect_denied identify imictl --as system user lock aadmin
expect_unchanged "$IMICTL_DB" "$before" audit
SUITE
expect_suite 1 refusal-that-writes <<'SUITE'
init_db
expect_refused 5 bash -c 'sqlite3 "$IMICTL_DB" "UPDATE user SET phone = 1"; exit 5'
SUITE
expect_suite 1 denial-that-is-not-audited <<'SUITE'
init_db
expect_denied user.manage bash -c 'exit 4'
SUITE
expect_contains "$ERR" "newest audit entry"
expect_suite 1 denial-that-succeeds <<'SUITE'
init_db
imictl user add --first-name Bea --last-name Basis --email bea@oeteldonk.nl >/dev/null
expect_denied user.manage imictl user lock bbasis
SUITE
expect_suite 1 audited-by-someone-else <<'SUITE'
init_db
expect_audited "$IMICTL_DB" init aadmin
SUITE

# --- searching files: unreadable is not "not found" ---
expect_suite 1 search-missing-file <<'SUITE'
expect_not_in_files secret "$TEST_DIR/no-such-file"
SUITE
expect_suite 1 search-finds <<'SUITE'
echo "a secret" >"$TEST_DIR/file"
expect_not_in_files secret "$TEST_DIR/file"
SUITE
expect_suite 1 positive-control <<'SUITE'
echo "nothing" >"$TEST_DIR/file"
expect_in_files secret "$TEST_DIR/file"
SUITE

# --- a missing tool skips the suite, unless every suite must run ---
printf 'require_commands imictl-no-such-tool\nexpect_eq 1 1\n' >"$TEST_DIR/skip.txt"
expect_suite 77 skipped <"$TEST_DIR/skip.txt"
expect_contains "$OUT" "SKIP: imictl-no-such-tool is not installed"
expect_suite 1 required IMICTL_REQUIRE_ALL=1 <"$TEST_DIR/skip.txt"
expect_contains "$ERR" "IMICTL_REQUIRE_ALL"
