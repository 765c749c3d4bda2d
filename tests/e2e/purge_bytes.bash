# Nothing survives a purge (SPEC §2 "Retention"): unique markers put into
# every kind of personal data and request content are found in the database
# folder's files before the purge (the positive control) and in none of them,
# byte for byte, after it: the database, its -wal and -shm, the key and lock
# files. secure_delete zeroes what is deleted, the checkpoint empties the WAL.
source "$IMICTL_SOURCE_DIR/tests/e2e/request_lib.sh"
# The database in a folder of its own, so that "every file beside it" means
# the program's files only.
eval "harness_$(declare -f init_db)"
init_db() { harness_init_db "$TEST_DIR/db/imi.db"; }
export IMICTL_NOW=2026-03-02T09:00:00Z
setup_request_world
DBDIR=$TEST_DIR/db

MARKERS=(MRK-PROVNAME-7f3a MRK-PROVADDR-51c0 MRK-PROVREG-9e21 MRK-SUBJECT-2b77 MRK-MOTIV-c4d8
  MRK-FREEQ-0a6e MRK-ANSWER-88f1 MRK-ANSWER2-d3b5 MRK-COMMENT-refuse-6c2e MRK-COMMENT-reopen-f19a
  MRK-COMMENT-forward-3e4d MRK-ATTBODY-aa07 MRK-ATTNAME-5d90 Mrkfirstnamezq mrk-user-7c1e@example.org
  0612873491)

# found_in_db_folder MARKER: how many files of the database folder hold it.
found_in_db_folder() {
  /usr/bin/python3 - "$DBDIR" "$1" <<'PY'
import os, sys
folder, marker = sys.argv[1], sys.argv[2].encode()
hits = [name for name in sorted(os.listdir(folder))
        if os.path.isfile(os.path.join(folder, name))
        and marker in open(os.path.join(folder, name), 'rb').read()]
print(len(hits), *hits)
PY
}

mkdir -p "$TEST_DIR/src"
# An attachment larger than a page, so that its content lives in overflow pages.
ATT=$TEST_DIR/src/MRK-ATTNAME-5d90.txt
{ for i in $(seq 1 400); do printf 'line %04d MRK-ATTBODY-aa07 of the provider file\n' "$i"; done; } >"$ATT"
# Its checksum tells which document it was: it goes with it.
MARKERS+=("$(sha256sum "$ATT" | cut -d' ' -f1)")

# A: closed, with every field, a free question, answers, attachments on both
# sides, a reopen comment; its mails carry the subject.
A=$(as hhendriks imictl request create --to "$BE" --subject "Dossier MRK-SUBJECT-2b77" \
  --motivation "Klacht MRK-MOTIV-c4d8" --question-set services-general --question 1 --question 3 \
  --free-question "Is MRK-FREEQ-0a6e ingeschreven?" --provider-name "MRK-PROVNAME-7f3a BV" \
  --provider-address "Straat 1, MRK-PROVADDR-51c0" --provider-registration "MRK-PROVREG-9e21" \
  --provider-birth-date 1970-01-01)
expect_ok as hhendriks imictl request attach "$A" "$ATT"
expect_ok as hhendriks imictl request send "$A"
expect_ok as bpeeters imictl request forward "$A" --to "$DE" --comment "Voor Koeln MRK-COMMENT-forward-3e4d"
expect_ok as uweber imictl request accept "$A"
expect_ok as uweber imictl request answer "$A" --question 1 --text "Ja, MRK-ANSWER-88f1"
expect_ok as uweber imictl request answer "$A" --question 2 --standard data-protection --text "MRK-ANSWER2-d3b5"
expect_ok as uweber imictl request answer "$A" --question 3 --text "Nee"
expect_ok as uweber imictl request reply "$A"
expect_ok as hhendriks imictl request reopen "$A" --comment "Graag meer: MRK-COMMENT-reopen-f19a"
expect_ok as uweber imictl request reply "$A"
expect_ok as hhendriks imictl request close "$A"
# B: refused with a comment.
B=$(as hhendriks imictl request create --to "$BE" --subject "Tweede MRK-SUBJECT-2b77" \
  --motivation "Klacht" --question-set services-general --question 1)
expect_ok as hhendriks imictl request send "$B"
expect_ok as bpeeters imictl request refuse "$B" --reason out-of-scope --comment "Niet ons: MRK-COMMENT-refuse-6c2e"
# A user who is deleted: name, address and phone go 6 months later.
expect_ok as aadmin imictl user add --first-name Mrkfirstnamezq --last-name Jansen \
  --email mrk-user-7c1e@example.org --phone 0612873491 --language nl --json
GONE=$(json 'j["username"]')
expect_ok as aadmin imictl user delete "$GONE" --yes
# Mail about the requests was queued (and carries the subject).
expect_sql "$DB" "SELECT count(*) > 0 FROM outbox WHERE body LIKE '%MRK-SUBJECT-2b77%'" "1"

# Positive control: every marker is in the files now (in the database or its WAL).
for m in "${MARKERS[@]}"; do
  CHECKS=$((CHECKS + 1))
  got=$(found_in_db_folder "$m")
  [ "${got%% *}" != 0 ] || fail "positive control: $m is nowhere in $DBDIR before the purge"
done
# And still after a checkpoint moves them all into the database file itself.
sql "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
for m in "${MARKERS[@]}"; do
  CHECKS=$((CHECKS + 1))
  got=$(found_in_db_folder "$m")
  [ "${got%% *}" != 0 ] || fail "positive control: $m not in the database file after a checkpoint"
done
# More activity, so that the WAL holds pages with the markers again.
expect_ok as aadmin imictl user edit hhendriks --phone 0201234567

# Another program keeps a connection open, as a running command or service
# does: the WAL is then not removed when purge closes its own connection, so
# only purge's checkpoint can have emptied it.
/usr/bin/python3 - "$DB" "$TEST_DIR/reader.ready" "$TEST_DIR/reader.stop" <<'PY' &
import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
db.execute("SELECT count(*) FROM user").fetchall()
open(sys.argv[2], "w").close()
while not os.path.exists(sys.argv[3]):
    time.sleep(0.05)
db.close()
PY
reader=$!
for _ in $(seq 1 200); do [ -e "$TEST_DIR/reader.ready" ] && break; sleep 0.05; done

export IMICTL_NOW=2026-09-03T09:00:00Z
expect_ok imictl purge --json
expect_json '[j["deleted"], j["users_wiped"], j["checkpointed"]]' '[2, 1, true]'
CHECKS=$((CHECKS + 1))
[ -e "$DB-wal" ] && [ ! -s "$DB-wal" ] || fail "with a reader open the -wal should be there and empty: $(ls -l "$DB-wal" 2>&1)"
for m in "${MARKERS[@]}"; do
  CHECKS=$((CHECKS + 1))
  got=$(found_in_db_folder "$m")
  [ "${got%% *}" = 0 ] || fail "$m survived the purge (a reader open) in: ${got#* }"
done
touch "$TEST_DIR/reader.stop"
wait "$reader"

for m in "${MARKERS[@]}"; do
  CHECKS=$((CHECKS + 1))
  got=$(found_in_db_folder "$m")
  [ "${got%% *}" = 0 ] || fail "$m survived the purge in: ${got#* }"
done
# The tombstones and the users are still there; the folder holds nothing else.
expect_sql "$DB" "SELECT count(*) FROM request WHERE purged_at IS NOT NULL" "2"
expect_sql "$DB" "SELECT username FROM user WHERE purged_at IS NOT NULL" "$GONE"
CHECKS=$((CHECKS + 1))
[ ! -s "$DB-wal" ] || fail "the -wal file is not empty after the purge"
expect_sql "$DB" "PRAGMA integrity_check" "ok"
# The audit log, which purge cannot touch, never held any of it.
for m in "${MARKERS[@]}"; do
  expect_sql "$DB" "SELECT count(*) FROM audit WHERE instr(summary, '$m') OR instr(object, '$m')" "0"
done
finish_suite
