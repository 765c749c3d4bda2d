# The database's files: init is all-or-nothing and private, the key lives
# beside the database's real file, a path that is no database file gets an
# exit code of SPEC §1 (and never hangs), and a fresh set-up passes its own
# check.
source "$IMICTL_SOURCE_DIR/tests/e2e/login_helpers.sh"
TEMP=Tijdelijk7xq2
NEWPW=NieuwWachtwoord42
CODE='Fu0!bar9#Qz1'

# init_at DB [OPTION...]: init of the own authority with its first user, aadmin.
init_at() {
  local db=$1
  shift
  "$IMICTL_BIN" --db "$db" init --authority "Gemeente Oeteldonk" --informal-name "Gemeente Oeteldonk" \
    --country NL --email imi@oeteldonk.nl --first-name Anna --last-name Admin \
    --user-email a.admin@oeteldonk.nl "$@"
}
# digest FILE...: one line per file; "missing" for a file that is not there.
digest() {
  local f
  for f in "$@"; do
    if [ -e "$f" ]; then sha256sum <"$f" | cut -c1-64; else echo "missing $f"; fi
  done
}
expect_mode() {
  CHECKS=$((CHECKS + 1))
  local got
  got=$(stat -c %a "$2" 2>&1) || { fail "cannot stat $2: $got"; return; }
  [ "$got" == "$1" ] || fail "$2: expected mode $1, got $got"
}
# set_temp_password DB USER PASSWORD: what credential delivery leaves behind.
set_temp_password() {
  local hash
  hash=$(printf '%s' "$3" | argon2 "$(head -c 12 /dev/urandom | base64)" -id -t 1 -k 8192 -p 1 -e) ||
    fail "argon2 CLI missing"
  sqlite3 "$1" "update user set temp_password_hash='$hash' where username='$2'" || fail "cannot set password"
}

# --- a link at DB.key: refused, never followed, and no database kept without a key ---
ln -s nowhere k1.db.key
expect_rc 1 init_at k1.db
expect_contains "$ERR" "k1.db.key"
expect_contains "$ERR" "symbolic link"
[ ! -e k1.db ] || fail "init kept a database without a key"
[ ! -e nowhere ] && [ -L k1.db.key ] || fail "the link at the key path was followed or replaced"
: >k2.db
ln -s nowhere k2.db.key
expect_rc 1 init_at k2.db
expect_eq "$(stat -c %s k2.db)" "0"
# user activate meets the same link with an error, not a crash.
expect_ok init_at act.db
expect_ok imictl --db act.db --as aadmin user add --first-name Pieter --last-name Kort --email p.kort@oeteldonk.nl
set_temp_password act.db pkort "$TEMP"
rm act.db.key
ln -s nowhere act.db.key
IMICTL_DB=act.db activate pkort "$TEMP" "$NEWPW" "$CODE"
expect_eq "$RC" "1"
expect_contains "$ERR" "symbolic link"
expect_eq "$(sqlite3 act.db "select status from user where username = 'pkort'")" "pending"
[ ! -e nowhere ] || fail "activate followed the link at the key path"

# --- the key file is found from the database's real path ---
mkdir real
expect_ok init_at real/imi.db
ln -s real/imi.db linked.db
key=$(digest real/imi.db.key)
expect_ok imictl --db linked.db --json config show
expect_json '{e["key"]: e["value"] for e in j}["security.key_file"]' "$TEST_DIR/real/imi.db.key"
expect_ok imictl --db linked.db --as aadmin user add --first-name Pieter --last-name Kort \
  --email p.kort@oeteldonk.nl
set_temp_password real/imi.db pkort "$TEMP"
IMICTL_DB=linked.db activate pkort "$TEMP" "$NEWPW" "$CODE"
expect_eq "$RC" "0"
[ ! -e linked.db.key ] || fail "a second key was created beside the link"
expect_eq "$(digest real/imi.db.key)" "$key"
IMICTL_DB=real/imi.db expect_login 0 pkort "$NEWPW" "$CODE"
IMICTL_DB=linked.db expect_login 0 pkort "$NEWPW" "$CODE"

# expect_wal_private DB: while another connection keeps the -wal and -shm
# files, a write by imictl leaves them with the database's mode 0600.
expect_wal_private() {
  python3 - "$1" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1])
c.execute("SELECT count(*) FROM user").fetchone()
open(sys.argv[1] + ".held", "w").close()
time.sleep(5)
PY
  local holder=$! i
  for i in $(seq 50); do [ -e "$1.held" ] && break; sleep 0.1; done
  expect_ok imictl --db "$1" --as aadmin user add --first-name Wal --last-name Check --email "wal$RANDOM@example.nl"
  expect_mode 600 "$1-wal"
  expect_mode 600 "$1-shm"
  kill "$holder" 2>/dev/null
  wait "$holder" 2>/dev/null
}

# --- modes: folders 0700, files 0600, whatever the umask ---
(umask 000 && init_at deep/er/imi.db >/dev/null 2>&1) || fail "init under umask 000 failed"
expect_mode 700 deep
expect_mode 700 deep/er
expect_mode 600 deep/er/imi.db
expect_mode 600 deep/er/imi.db.key
# A umask that takes bits away does not leave a folder imictl cannot use.
(umask 0277 && init_at strict/imi.db >/dev/null 2>&1) || fail "init under umask 0277 failed"
expect_mode 700 strict
expect_mode 600 strict/imi.db
expect_mode 600 strict/imi.db.key
saved_umask=$(umask)
umask 000
expect_wal_private deep/er/imi.db
umask "$saved_umask"
# An existing empty file is made private before the schema goes in; WAL follows.
: >open.db
chmod 666 open.db
expect_ok init_at open.db
expect_mode 600 open.db
expect_wal_private open.db

# --- a failed init writes nothing into an existing file ---
: >empty.db
expect_rc 3 init_at empty.db --service nosuchservice
expect_eq "$(stat -c %s empty.db)" "0"
for f in empty.db-wal empty.db-shm empty.db-journal; do [ ! -e "$f" ] || fail "failed init left $f"; done
sqlite3 other.db "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('mine')" || fail "sqlite3 failed"
other=$(digest other.db)
expect_rc 7 init_at other.db
expect_contains "$ERR" "another program"
expect_eq "$(digest other.db)" "$other"
expect_rc 7 imictl --db other.db --as aadmin user list
expect_eq "$(digest other.db)" "$other"

# --- paths that are no database file: exit 2 or 7, never 1, never a hang ---
long=$(printf 'a%.0s' {1..5000})
expect_rc 2 imictl --db "$long" authority list
expect_contains "$ERR" "too long"
expect_rc 2 init_at "$long.db"
expect_rc 2 init_at "$TEST_DIR/$(printf 'b%.0s' {1..300})/imi.db"
expect_rc 7 imictl --db "$TEST_DIR/real" authority list
expect_contains "$ERR" "folder"
expect_rc 7 init_at real
printf 'plain text\n' >plain
expect_rc 7 init_at plain/imi.db
expect_contains "$ERR" "plain/imi.db"
expect_eq "$(cat plain)" "plain text"
mkfifo fifo.db
expect_rc 7 timeout 10 "$IMICTL_BIN" --db fifo.db authority list
expect_contains "$ERR" "fifo.db"
expect_rc 7 timeout 10 "$IMICTL_BIN" --db fifo.db --as aadmin user list
expect_rc 7 timeout 10 "$IMICTL_BIN" --db fifo.db init --authority X --country NL --email x@example.nl \
  --first-name A --last-name B --user-email ab@example.nl
[ -p fifo.db ] || fail "the FIFO was replaced"
# A device as the database; as root a node of its own, so a broken check
# cannot harm the system's /dev/null.
if [ "$(id -u)" = 0 ]; then
  mknod null.dev c 1 3 || fail "cannot make a device node"
  nulldev=$TEST_DIR/null.dev
else
  nulldev=/dev/null
fi
expect_rc 7 imictl --db "$nulldev" authority list
[ -c "$nulldev" ] || fail "$nulldev is no longer a device"
# A 50,000-character name fragment is invalid input, not SQLite's "too complex".
expect_rc 6 imictl --db real/imi.db --as aadmin authority search --name "$(printf 'x%.0s' {1..50000})"
expect_contains "$ERR" "name"
expect_not_contains "$ERR" "too complex"
expect_ok imictl --db real/imi.db --as aadmin --json authority search --name Oeteldonk
expect_json 'len(j)' "1"

# --- a fresh set-up passes its own check ---
expect_ok init_at fresh.db --json
expect_json 'j["roles"]' '["basic", "lda"]'
expect_ok init_at fresh-table.db
expect_contains "$ERR" "role grant aadmin handler --service"
expect_eq "$(sqlite3 fresh.db "select group_concat(role) from user_role")" "lda"
expect_ok imictl --db fresh.db --as aadmin --json check
expect_json '[f["code"] for f in j if f["severity"] == "error"]' "[]"
# With services the first user is a handler too, and the set-up is as clean.
expect_ok init_at served.db --service construction --json
expect_json 'j["roles"]' '["basic", "handler", "lda"]'
expect_ok imictl --db served.db --as aadmin --json check
expect_json '[f["code"] for f in j if f["severity"] == "error"]' "[]"
# Following the hint keeps it clean.
expect_ok imictl --db fresh.db --as aadmin role grant aadmin handler --service construction
expect_ok imictl --db fresh.db --as aadmin check
