# Changes that take something away: --dry-run on user delete, lock,
# reset-password and role revoke; the delete's confirmation (a question on a
# terminal, --yes otherwise); user restore within the retention period; -q
# silencing the changed record, -v saying what the command works on.
init_db
DB=$IMICTL_DB
export IMICTL_NOW=2026-03-02T09:00:00Z
imictl role grant aadmin handler --service construction >/dev/null || fail "grant aadmin"
imictl user add --first-name Pieter --last-name Kort --email p.kort@oeteldonk.nl --role handler \
  --service construction >/dev/null || fail "add pkort"
imictl user add --first-name Bea --last-name Basis --email b.basis@oeteldonk.nl >/dev/null || fail "add bbasis"
imictl user add --first-name Lea --last-name Lid --email l.lid@oeteldonk.nl --role lda >/dev/null || fail "add llid"

# --- --dry-run: the user as the change would leave them; nothing changes ---
dry_run_unchanged() { # CMD... : succeeds, says "dry run", database (audit, outbox) untouched
  local before
  before=$(db_digest "$DB")
  expect_ok "$@"
  expect_contains "$ERR" "dry run"
  expect_unchanged "$DB" "$before"
}
dry_run_unchanged imictl user delete pkort --dry-run --json
expect_json 'j["status"]' "deleted"
expect_json 'j["roles"]' '[]'
dry_run_unchanged imictl user lock pkort -n --json
expect_json 'j["status"]' "locked"
dry_run_unchanged imictl user reset-password pkort --dry-run
dry_run_unchanged imictl role revoke pkort handler --dry-run --json
expect_json 'j["roles"]' '["basic"]'
expect_json 'j["services"]' '[]'
# A dry run still applies every rule: the last-LDA conflict, permissions.
imictl role revoke llid lda >/dev/null || fail "revoke llid"
expect_refused 5 imictl role revoke aadmin lda --dry-run
expect_contains "$ERR" "last local data administrator"
IMICTL_USER=bbasis expect_denied user.manage imictl user delete pkort --dry-run
IMICTL_USER=bbasis expect_denied user.manage imictl user lock pkort --dry-run

# --- delete asks: --yes, a terminal, or a usage error ---
expect_refused 2 imictl user delete pkort
expect_contains "$ERR" "--yes"
expect_refused 2 imictl user delete pkort </dev/null
# On a terminal (script(1) gives one): "n" keeps the user, "y" deletes.
on_terminal() { # ANSWER CMD... : runs CMD on a pseudo-terminal fed ANSWER
  local answer=$1
  shift
  printf '%s\n' "$answer" | script -qec "$(printf '%q ' "$@")" /dev/null
}
before=$(db_digest "$DB")
out=$(on_terminal n "$IMICTL_BIN" user delete pkort 2>&1)
expect_contains "$out" "Delete user pkort (Pieter Kort)?"
expect_contains "$out" "cancelled"
expect_unchanged "$DB" "$before"
out=$(on_terminal y "$IMICTL_BIN" user delete pkort 2>&1)
expect_contains "$out" "Delete user pkort (Pieter Kort)?"
expect_sql "$DB" "SELECT status, deleted_at FROM user WHERE username = 'pkort'" "deleted|2026-03-02T09:00:00Z"
expect_audited "$DB" user.delete aadmin

# --- restore: within delete_after (default 6 months) of the delete ---
expect_refused 5 imictl user restore bbasis
expect_contains "$ERR" "not deleted"
IMICTL_USER=bbasis expect_denied user.manage imictl user restore pkort
dry_run_unchanged imictl user restore pkort --dry-run --json
expect_json 'j["status"]' "pending"
# The address went to someone else in the meantime: conflict until it is free.
imictl user add --first-name Piet --last-name Ander --email p.kort@oeteldonk.nl >/dev/null || fail "reuse address"
expect_refused 5 imictl user restore pkort
expect_contains "$ERR" "now belongs to 'pander'"
imictl user delete pander --yes >/dev/null || fail "delete pander"
IMICTL_NOW=2026-05-01T09:00:00Z expect_ok imictl user restore pkort --json
expect_json 'j["status"]' "pending"
expect_json 'j["roles"]' '["basic"]'
expect_contains "$ERR" "role grant pkort"
expect_sql "$DB" "SELECT status, deleted_at IS NULL, credentials_queued_at IS NULL FROM user WHERE username = 'pkort'" \
  "pending|1|1"
expect_audited "$DB" user.restore aadmin
# The restored user gets a new temporary password from the cron job.
IMICTL_NOW=2026-05-01T10:00:00Z expect_ok imictl user issue-credentials --json
expect_contains "$OUT" '"pkort"'
# Deleted longer ago than delete_after: too late.
imictl user delete bbasis --yes >/dev/null || fail "delete bbasis"
IMICTL_NOW=2026-09-03T09:00:00Z expect_refused 5 imictl user restore bbasis
expect_contains "$ERR" "retention period is over"
IMICTL_NOW=2026-09-01T09:00:00Z expect_ok imictl user restore bbasis -q
# Once purge has wiped a deleted user, there is nothing left to restore.
imictl user delete bbasis --yes >/dev/null || fail "delete bbasis again"
IMICTL_NOW=2027-03-02T09:00:00Z expect_ok imictl purge -q
expect_sql "$DB" "SELECT purged_at IS NOT NULL, email FROM user WHERE username = 'bbasis'" "1|"
IMICTL_NOW=2026-03-02T10:00:00Z expect_refused 5 imictl user restore bbasis
expect_contains "$ERR" "retention period is over"

# --- -q leaves out the changed record; -v says what the command works on ---
expect_ok imictl -q role grant pkort allocator
expect_eq "$OUT" ""
expect_ok imictl role grant pkort handler --service construction
expect_contains "$OUT" "pkort"
expect_ok imictl -q user edit pkort --phone "+31 73 000 0000"
expect_eq "$OUT" ""
expect_ok imictl --json -q user lock pkort
expect_eq "$OUT" ""
expect_ok imictl -v user show aadmin
expect_contains "$ERR" "debug: database $DB"
expect_contains "$ERR" "debug: acting as aadmin (basic, handler, lda)"
expect_ok imictl user show aadmin
expect_not_contains "$ERR" "debug:"

