# Logging in to, or activating, a locked or deleted account is refused before
# any secret is read, and every such attempt leaves an audit entry.

# strict_sql DB SQL: a failing sqlite3 is a failure, never an empty answer.
strict_sql() {
  local got
  if ! got=$(sqlite3 -bail -batch -noheader "$1" "$2" 2>&1); then
    fail "sqlite3 failed on $2: $got"
    return 1
  fi
  printf '%s\n' "$got"
}

# attempt N CMD...: runs CMD with two lines of would-be secrets on stdin.
attempt() {
  local want=$1
  shift
  CHECKS=$((CHECKS + 1))
  OUT=$(printf 'Geheim1234567\nGeheim1234567\nGeheim1234567\n' | "$IMICTL_BIN" "$@" 2>"$TEST_DIR/.stderr")
  RC=$?
  ERR=$(cat "$TEST_DIR/.stderr")
  [ "$RC" == "$want" ] || fail "expected exit $want, got $RC: $* ($ERR)"
}

user_row() { strict_sql "$IMICTL_DB" "SELECT status, failed_logins, updated_at FROM user WHERE username = '$1'"; }
entries() { strict_sql "$IMICTL_DB" "SELECT count(*) FROM audit"; }

export IMICTL_NOW=2026-03-02T09:00:00Z
init_db
expect_ok imictl user add --first-name Lotte --last-name Slot --email lotte@oeteldonk.nl --language nl
expect_ok imictl user add --first-name Dirk --last-name Weg --email dirk@oeteldonk.nl --language nl
expect_ok imictl user lock lslot
expect_ok imictl user delete dweg --yes
export IMICTL_NOW=2026-03-02T10:00:00Z

# --- login on a locked account: refused (4), audited, nothing else changed ------
before_row=$(user_row lslot)
before=$(entries)
attempt 4 login lslot --password-stdin
expect_contains "$ERR" "the account 'lslot' is locked"
expect_eq "$(entries)" "$((before + 1))"
expect_eq "$(user_row lslot)" "$before_row"
expect_eq "$(strict_sql "$IMICTL_DB" "SELECT at, actor, action, object FROM audit ORDER BY id DESC LIMIT 1")" \
  "2026-03-02T10:00:00Z|lslot|login.refused|user:lslot"
expect_contains "$(strict_sql "$IMICTL_DB" "SELECT summary FROM audit ORDER BY id DESC LIMIT 1")" "locked"
# By e-mail address too, and every attempt counts.
attempt 4 login lotte@oeteldonk.nl --password-stdin
attempt 4 --json login lslot --password-stdin
expect_eq "$(strict_sql "$IMICTL_DB" "SELECT count(*) FROM audit WHERE action = 'login.refused' AND object = 'user:lslot'")" "3"
expect_eq "$(user_row lslot)" "$before_row"
# No secret was typed into the log.
expect_eq "$(strict_sql "$IMICTL_DB" "SELECT count(*) FROM audit WHERE summary LIKE '%Geheim%'")" "0"

# --- activation of a locked account: the same --------------------------------------
attempt 4 user activate lslot --password-stdin
expect_contains "$ERR" "locked"
expect_eq "$(strict_sql "$IMICTL_DB" "SELECT actor, action, object FROM audit ORDER BY id DESC LIMIT 1")" \
  "lslot|user.activate.refused|user:lslot"
expect_eq "$(user_row lslot)" "$before_row"

# --- a deleted account ----------------------------------------------------------------
before=$(entries)
attempt 4 login dweg --password-stdin
expect_contains "$ERR" "deleted"
expect_eq "$(entries)" "$((before + 1))"
expect_eq "$(strict_sql "$IMICTL_DB" "SELECT actor, action, object FROM audit ORDER BY id DESC LIMIT 1")" \
  "dweg|login.refused|user:dweg"

# --- the entries show in audit list, and the chain holds ---------------------------
expect_ok imictl --json audit list --action login.refused
expect_json '[(e["actor"], e["object"]) for e in j]' \
  '[["lslot", "user:lslot"], ["lslot", "user:lslot"], ["lslot", "user:lslot"], ["dweg", "user:dweg"]]'
expect_ok imictl audit verify

# --- an account that is not locked is not refused this way --------------------------
expect_ok imictl user unlock lslot
before=$(entries)
attempt 5 login lslot --password-stdin
expect_contains "$ERR" "not been activated"
expect_eq "$(entries)" "$before"
# An unknown user is not found, and no entry names them.
attempt 3 login nobody --password-stdin
expect_eq "$(entries)" "$before"
