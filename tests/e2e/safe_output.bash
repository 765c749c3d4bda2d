# The one safe output writer, as user print -o and export result-table use
# it: temporary file beside the target, no link followed, the database and
# its key refused, "-" is standard output, FIFOs and devices in place.
init_db
DB=$IMICTL_DB
KEY=$DB.key
mkdir out

# device NAME MINOR: a character device to write to. As root a broken writer
# could replace the system's own /dev/NAME, so root writes a node of its own.
device() {
  if [ "$(id -u)" != 0 ]; then echo "/dev/$1"; else mknod "$TEST_DIR/dev-$1" c 1 "$2" && echo "$TEST_DIR/dev-$1"; fi
}
NULLDEV=$(device null 3) || fail "cannot make a null device node"
FULLDEV=$(device full 7) || fail "cannot make a full device node"

# digest FILE...: one line per file; "missing" for a file that is not there.
digest() {
  local f
  for f in "$@"; do
    if [ -e "$f" ]; then sha256sum <"$f" | cut -c1-64; else echo "missing $f"; fi
  done
}
# expect_no_temp DIR: no temporary file of the writer is left in DIR.
expect_no_temp() {
  CHECKS=$((CHECKS + 1))
  local left
  left=$(find "$1" -maxdepth 1 -name '*.tmp' ! -name 'out.pdf.tmp' -printf '%f ')
  [ -z "$left" ] || fail "temporary files left in $1: $left"
}
# expect_mode MODE FILE
expect_mode() {
  CHECKS=$((CHECKS + 1))
  local got
  got=$(stat -c %a "$2" 2>&1) || { fail "cannot stat $2: $got"; return; }
  [ "$got" == "$1" ] || fail "$2: expected mode $1, got $got"
}

# --- a regular file: written whole, private, nothing left over ---
expect_ok imictl user print aadmin -o out/sheet.pdf
expect_eq "$(head -c 5 out/sheet.pdf)" "%PDF-"
expect_mode 600 out/sheet.pdf
expect_ok imictl export result-table out/table.csv
expect_contains "$(cat out/table.csv)" "a.admin@oeteldonk.nl"
expect_ok imictl export result-table -o out/table2.csv
expect_eq "$(digest out/table2.csv)" "$(digest out/table.csv)"
expect_no_temp out
# An existing file is replaced, and gets the private mode too.
printf 'old\n' >out/old.csv
chmod 644 out/old.csv
expect_ok imictl export result-table --output out/old.csv
expect_not_contains "$(cat out/old.csv)" "old"
expect_mode 600 out/old.csv
# Two different names for one output is a usage error.
expect_rc 2 imictl export result-table out/a.csv -o out/b.csv
[ ! -e out/a.csv ] && [ ! -e out/b.csv ] || fail "a refused export wrote a file"

# --- modes: 0600 whatever the umask, --mode when asked ---
(
  umask 000
  imictl export result-table -o out/umask.csv 2>/dev/null
  imictl user print aadmin -o out/umask.pdf 2>/dev/null
)
expect_mode 600 out/umask.csv
expect_mode 600 out/umask.pdf
expect_ok imictl export result-table -o out/shared.csv --mode 0640
expect_mode 640 out/shared.csv
expect_ok imictl export result-table -o out/shared2.csv --mode 444
expect_mode 444 out/shared2.csv
expect_rc 2 imictl export result-table -o out/bad.csv --mode 999
expect_contains "$ERR" "--mode"
expect_rc 2 imictl export result-table -o out/bad.csv --mode 4755
[ ! -e out/bad.csv ] || fail "a refused --mode wrote a file"

# --- symbolic links: at the target, dangling, and at the old temporary name ---
printf 'victim\n' >victim
ln -s ../victim out/link.csv
expect_rc 6 imictl export result-table out/link.csv
expect_contains "$ERR" "out/link.csv"
expect_contains "$ERR" "symbolic link"
expect_rc 6 imictl user print aadmin -o out/link.csv
expect_eq "$(cat victim)" "victim"
[ -L out/link.csv ] || fail "the link at the target was replaced"
ln -s ../nowhere out/dangling.pdf
expect_rc 6 imictl user print aadmin -o out/dangling.pdf
[ ! -e nowhere ] || fail "a dangling link was followed"
# Earlier versions wrote FILE.tmp: a link planted there must not be followed.
ln -s ../victim out/out.pdf.tmp
expect_ok imictl user print aadmin -o out/out.pdf
expect_eq "$(cat victim)" "victim"
[ -f out/out.pdf ] && [ ! -L out/out.pdf ] || fail "out.pdf is not a regular file"
[ -L out/out.pdf.tmp ] || fail "the planted link was touched"
expect_no_temp out

# --- the database, its journals and its key are never written ---
sql "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
before=$(digest "$DB" "$KEY")
mkdir -p sub
ln -s "$(dirname "$DB")" dblink
ln "$DB" hardlink.db
for target in "$DB" "$KEY" "$DB-wal" "$DB-shm" "$DB-journal" "$DB.notify-lock" "sub/../$(basename "$DB")" \
  "dblink/$(basename "$DB")" "dblink/$(basename "$KEY")" hardlink.db; do
  expect_rc 6 imictl export result-table "$target"
  expect_contains "$ERR" "never overwrites"
  expect_rc 6 imictl user print aadmin -o "$target"
done
expect_eq "$(digest "$DB" "$KEY")" "$before"
expect_eq "$(stat -c %s "$KEY")" "32"
[ ! -e "$DB-journal" ] || fail "a refused output created $DB-journal"
expect_ok imictl user show aadmin --json
expect_json 'j["username"]' "aadmin"

# --- FIFOs and devices are written in place ---
mkfifo out/pipe
timeout 20 cat out/pipe >piped.csv &
reader=$!
expect_ok timeout 20 "$IMICTL_BIN" export result-table out/pipe
wait "$reader"
expect_contains "$(cat piped.csv)" "a.admin@oeteldonk.nl"
[ -p out/pipe ] || fail "the FIFO was replaced by a file"
timeout 20 cat out/pipe >piped.pdf &
reader=$!
expect_ok timeout 20 "$IMICTL_BIN" user print aadmin -o out/pipe
wait "$reader"
expect_eq "$(head -c 5 piped.pdf)" "%PDF-"
[ -p out/pipe ] || fail "the FIFO was replaced by a file"
expect_ok imictl export result-table -o "$NULLDEV"
[ -c "$NULLDEV" ] || fail "$NULLDEV is no longer a device"

# --- a full device: the write error with its reason, not success ---
expect_rc 1 imictl export result-table "$FULLDEV"
expect_contains "$ERR" "$FULLDEV"
expect_contains "$ERR" "No space left on device"
expect_rc 1 imictl user print aadmin -o "$FULLDEV"
expect_contains "$ERR" "No space left on device"
expect_rc 1 bash -c '"$IMICTL_BIN" export result-table >"$1"' - "$FULLDEV"
expect_contains "$ERR" "No space left on device"
[ -c "$FULLDEV" ] || fail "$FULLDEV is no longer a device"

# --- "-" is standard output, never a file named "-" ---
expect_ok imictl export result-table -o -
expect_contains "$OUT" "a.admin@oeteldonk.nl"
expect_ok imictl export result-table -
expect_contains "$OUT" "a.admin@oeteldonk.nl"
expect_ok imictl user print aadmin -o -
expect_eq "${OUT:0:5}" "%PDF-"
expect_ok imictl user print aadmin
expect_contains "$OUT" "aadmin"
[ ! -e ./- ] || fail "a file named - was created"

# --- unusable targets: a folder, a missing folder; a failed export leaves nothing ---
expect_rc 6 imictl export result-table -o out
expect_contains "$ERR" "folder"
expect_rc 3 imictl export result-table -o nofolder/x.csv
expect_contains "$ERR" "nofolder"
sql "$DB" "UPDATE user SET first_name = 'Łukasz' WHERE username = 'aadmin'"
expect_rc 6 imictl export result-table --encoding windows-1252 -o out/w.csv
[ ! -e out/w.csv ] || fail "a failed export left the target"
expect_no_temp out
