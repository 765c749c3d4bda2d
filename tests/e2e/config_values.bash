# Config values are range-checked when the file is read (exit 2 with
# FILE:LINE:COLUMN), whatever command runs; a config "file" that is a
# folder, FIFO or device is refused at once instead of read or waited on.
init_db
C=$TEST_DIR/bad.toml

# expect_bad SECTION KEY VALUE: the value is refused, naming where and which key.
expect_bad() {
  printf '[%s]\n%s = %s\n' "$1" "$2" "$3" >"$C"
  expect_rc 2 imictl --config "$C" config show
  expect_contains "$ERR" "$C:2:"
  expect_contains "$ERR" "$1.$2"
  expect_eq "$OUT" ""
}
# expect_good SECTION KEY VALUE SHOWN: accepted, and config show has SHOWN.
expect_good() {
  printf '[%s]\n%s = %s\n' "$1" "$2" "$3" >"$C"
  expect_ok imictl --config "$C" --json config show
  expect_json "{e['key']: e['value'] for e in j}['$1.$2']" "$4"
}

# --- numbers out of range, and values of the wrong TOML type ---
expect_bad security password_min_length -5
expect_bad security password_min_length 0
expect_bad security password_min_length 7
expect_bad security password_min_length 100000
expect_bad security password_min_length '"12"'
expect_bad mail max_attempts -3
expect_bad mail max_attempts 0
expect_bad mail max_attempts 101
expect_bad mail timeout_seconds 0
expect_bad mail timeout_seconds 99999999999999999
expect_bad database busy_timeout_ms -1
expect_bad database busy_timeout_ms 3600001
expect_bad database busy_timeout_ms 1.5
expect_bad requests default_due_days 0
expect_bad requests default_due_days 366
# Text keys want strings; required ones must not be empty.
expect_bad database path 5
expect_bad database path '""'
expect_bad database path true
expect_bad mail smtp_url '""'
expect_bad mail sendmail_command '""'
expect_bad mail smtp_user 5
expect_bad security key_file '["a", "b"]'
expect_bad mail transport 5
expect_bad mail transport '"pigeon"'
# Periods: at least a day, at most a century.
expect_bad retention block_after '"0 days"'
expect_bad retention delete_after '"0 months"'
expect_bad retention delete_after '"99999999999 years"'
expect_bad retention delete_after '"101 years"'
expect_bad retention delete_after 6

# The message points at the value: line and column.
printf '[security]\nhash_profile = "min"\npassword_min_length = -5\n' >"$C"
expect_rc 2 imictl --config "$C" config show
expect_contains "$ERR" "$C:3:23:"
expect_contains "$ERR" "from 8 to 256"
expect_contains "$ERR" "'-5'"
# Every command refuses it, not only config show, and nothing is written.
before=$(sqlite3 "$IMICTL_DB" "select count(*) from audit") || fail "sqlite3 failed"
expect_rc 2 imictl --config "$C" user add --first-name Bea --last-name Bos --email bea@oeteldonk.nl
expect_eq "$(sqlite3 "$IMICTL_DB" "select count(*) from audit")" "$before"
expect_eq "$(sqlite3 "$IMICTL_DB" "select count(*) from user where email = 'bea@oeteldonk.nl'")" "0"
# The user's own config file is checked the same way.
mkdir -p "$XDG_CONFIG_HOME/imictl"
printf '[mail]\nmax_attempts = -3\n' >"$XDG_CONFIG_HOME/imictl/config.toml"
expect_rc 2 imictl config show
expect_contains "$ERR" "$XDG_CONFIG_HOME/imictl/config.toml:2:16:"
rm "$XDG_CONFIG_HOME/imictl/config.toml"
# An environment variable names itself.
expect_rc 2 env IMICTL_HASH_PROFILE=fastest "$IMICTL_BIN" config show
expect_contains "$ERR" "IMICTL_HASH_PROFILE"

# --- the limits themselves are accepted ---
expect_good security password_min_length 8 8
expect_good security password_min_length 256 256
expect_good database busy_timeout_ms 0 0
expect_good mail max_attempts 100 100
expect_good mail timeout_seconds 1 1
expect_good requests default_due_days 365 365
expect_good retention block_after '"1 day"' "1 day"
expect_good retention delete_after '"3 years"' "3 years"
expect_good mail smtp_user '""' None # an empty text is null in JSON
unset IMICTL_DB # the environment would win over the file
expect_good database path "\"$TEST_DIR/other.db\"" "$TEST_DIR/other.db"
export IMICTL_DB=$TEST_DIR/imi.db

# --- a config that is not a regular file: exit 2 at once, never a hang ---
expect_rc 2 imictl --config "$TEST_DIR" config show
expect_contains "$ERR" "folder"
mkfifo fifo.toml
expect_rc 2 timeout 10 "$IMICTL_BIN" --config fifo.toml config show
expect_contains "$ERR" "fifo.toml"
expect_rc 2 timeout 10 env IMICTL_CONFIG=fifo.toml "$IMICTL_BIN" --as aadmin user list
[ -p fifo.toml ] || fail "the FIFO was replaced"
mkdir "$XDG_CONFIG_HOME/imictl/config.toml"
expect_rc 2 imictl config show
expect_contains "$ERR" "folder"
rmdir "$XDG_CONFIG_HOME/imictl/config.toml"
# /dev/null is the usual "no config file"; a missing named file is still 3.
expect_ok imictl --config /dev/null --json config show
expect_json "{e['key']: e['source'] for e in j}['database.busy_timeout_ms']" "default"
expect_rc 3 imictl --config "$TEST_DIR/absent.toml" config show
