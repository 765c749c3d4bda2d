# purge is safe to run from cron (SPEC §2): killed (SIGKILL) at 30 points of
# a run it leaves a consistent database, in which every request is purged
# whole or not at all, and the next run ends exactly where an uninterrupted
# run ends; a second purge at the same time waits and gives up with exit 7;
# a writer running beside a long purge is never told the database is locked.
require_commands sqlite3 /usr/bin/python3 flock
init_db "$TEST_DIR/template.db"
export IMICTL_NOW=2026-11-29T09:00:00Z
N=3000
sqlite3 -bail "$IMICTL_DB" ".parameter set @n $N" ".read $IMICTL_SOURCE_DIR/bench/purge_data.sql" >/dev/null ||
  fail "generating $N requests"
TEMPLATE=$IMICTL_DB
EXPIRED=$((N * 7 / 10))
expect_sql "$TEMPLATE" "SELECT count(*) FROM request WHERE state IN ('closed', 'refused') AND closed_at <= '2026-05-29T09:00:00Z'" "$EXPIRED"

fresh() { # fresh NAME: a copy of the template; prints its path
  rm -f "$TEST_DIR/$1.db" "$TEST_DIR/$1.db-wal" "$TEST_DIR/$1.db-shm"
  cp "$TEMPLATE" "$TEST_DIR/$1.db"
  echo "$TEST_DIR/$1.db"
}
now_ms() { date +%s%3N; }
# Every request either keeps all of its content or has none of it left.
half_purged() {
  sql "$1" "SELECT count(*) FROM request r WHERE
              (r.purged_at IS NOT NULL AND (r.subject <> '' OR r.motivation <> ''
                OR EXISTS (SELECT 1 FROM request_personal_data p WHERE p.request_id = r.id)
                OR EXISTS (SELECT 1 FROM request_question q WHERE q.request_id = r.id AND q.answer_text IS NOT NULL)
                OR EXISTS (SELECT 1 FROM request_attachment a WHERE a.request_id = r.id)
                OR EXISTS (SELECT 1 FROM request_history h WHERE h.request_id = r.id AND h.comment IS NOT NULL)
                OR EXISTS (SELECT 1 FROM outbox o WHERE o.request_id = r.id AND o.body IS NOT NULL)))
              OR (r.purged_at IS NULL AND (r.subject = '' OR NOT EXISTS
                (SELECT 1 FROM request_personal_data p WHERE p.request_id = r.id)))"
}

# --- the end state of an uninterrupted run -----------------------------------------
REF=$(fresh reference)
t0=$(now_ms)
IMICTL_DB=$REF expect_ok imictl purge --batch-size 20 --json
CLEAN_MS=$(($(now_ms) - t0))
expect_json '[j["deleted"], j["blocked"], j["transactions"] > 100]' "[$EXPIRED, 0, true]"
END_STATE=$(db_digest "$REF" audit)
expect_sql "$REF" "SELECT count(*) FROM request WHERE purged_at IS NOT NULL" "$EXPIRED"
expect_eq "$(half_purged "$REF")" "0"

# --- killed at 30 points ------------------------------------------------------------
# The delays spread over the time a whole run takes (at least 1 ms apart),
# from just after start to just before the end.
step=$((CLEAN_MS / 32))
[ "$step" -ge 1 ] || step=1
interrupted=0
for k in $(seq 1 30); do
  DB=$(fresh killed)
  IMICTL_DB=$DB "$IMICTL_BIN" purge --batch-size 20 >/dev/null 2>&1 &
  pid=$!
  sleep "$(/usr/bin/python3 -c "print($k * $step / 1000)")"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  done_before=$(sql "$DB" "SELECT count(*) FROM request WHERE purged_at IS NOT NULL")
  [ "$done_before" -gt 0 ] && [ "$done_before" -lt "$EXPIRED" ] && interrupted=$((interrupted + 1))
  expect_sql "$DB" "PRAGMA integrity_check" "ok"
  expect_sql "$DB" "PRAGMA foreign_key_check" ""
  expect_eq "$(half_purged "$DB")" "0"
  IMICTL_DB=$DB expect_ok imictl purge --json
  expect_json 'j["deleted"]' "$((EXPIRED - done_before))"
  expect_unchanged "$DB" "$END_STATE" audit
  [ ! -s "$DB-wal" ] || fail "kill $k: the WAL is not empty after the re-run"
done
# Most of the kills must have hit a run half-way, or the test proved little.
CHECKS=$((CHECKS + 1))
[ "$interrupted" -ge 10 ] || fail "only $interrupted of 30 kills interrupted a purge half-way (whole run: $CLEAN_MS ms)"

# --- two purges at once -------------------------------------------------------------
# The lock held (by flock(1), as a running purge holds it): the second run
# waits up to the busy timeout, then gives up with 7 and changes nothing.
DB=$(fresh twice)
printf '[database]\nbusy_timeout_ms = 300\n' >"$TEST_DIR/impatient.toml"
flock -x "$DB.purge-lock" sleep 3 &
holder=$!
for _ in $(seq 1 100); do flock -n "$DB.purge-lock" true || break; sleep 0.02; done
BEFORE=$(db_digest "$DB")
IMICTL_DB=$DB IMICTL_CONFIG=$TEST_DIR/impatient.toml expect_rc 7 imictl purge
expect_contains "$ERR" "another 'imictl purge' is running"
IMICTL_DB=$DB IMICTL_CONFIG=$TEST_DIR/impatient.toml expect_rc 7 imictl purge --json
expect_contains "$ERR" '"code": "database_unavailable"'
expect_unchanged "$DB" "$BEFORE"
# With the default timeout it waits for the lock and then does the work.
IMICTL_DB=$DB expect_ok imictl purge --json
expect_json 'j["deleted"]' "$EXPIRED"
wait "$holder"
expect_unchanged "$DB" "$END_STATE" audit

# Two real runs started together, on a database big enough to keep the first
# busy: each ends 0 (it waited, or found the work done) or 7; the work is
# done once, whole.
BIG=$TEST_DIR/big.db
init_db "$BIG"
sqlite3 -bail "$BIG" ".parameter set @n 20000" ".read $IMICTL_SOURCE_DIR/bench/purge_data.sql" >/dev/null ||
  fail "generating 20000 requests"
export IMICTL_DB=$TEMPLATE
cp "$BIG" "$TEST_DIR/pair.db"
IMICTL_DB=$TEST_DIR/pair.db "$IMICTL_BIN" purge --batch-size 1 --json >"$TEST_DIR/one.json" 2>&1 &
one=$!
IMICTL_DB=$TEST_DIR/pair.db "$IMICTL_BIN" purge --batch-size 1 --json >"$TEST_DIR/two.json" 2>&1 &
two=$!
wait "$one"
rc1=$?
wait "$two"
rc2=$?
CHECKS=$((CHECKS + 1))
case "$rc1$rc2" in 00 | 07 | 70) ;; *) fail "two purges ended with $rc1 and $rc2: $(cat "$TEST_DIR/one.json" "$TEST_DIR/two.json")" ;; esac
expect_sql "$TEST_DIR/pair.db" "PRAGMA integrity_check" "ok"
expect_sql "$TEST_DIR/pair.db" "SELECT count(*) FROM request WHERE purged_at IS NOT NULL" "14000"
expect_eq "$(half_purged "$TEST_DIR/pair.db")" "0"
expect_sql "$TEST_DIR/pair.db" "SELECT count(*) FROM audit WHERE action = 'purge'" "$(( (rc1 == 0) + (rc2 == 0) ))"

# --- a writer beside a long purge ----------------------------------------------------
DB=$TEST_DIR/busy.db
cp "$BIG" "$DB"
IMICTL_DB=$DB "$IMICTL_BIN" purge --batch-size 1 --json >"$TEST_DIR/long.json" 2>&1 &
long=$!
writes=0
while kill -0 "$long" 2>/dev/null; do
  writes=$((writes + 1))
  IMICTL_DB=$DB expect_ok imictl user edit aadmin --phone "06$(printf '%08d' "$writes")"
  expect_not_contains "$ERR" "locked"
  IMICTL_DB=$DB expect_ok imictl request list --json
done
wait "$long" || fail "the long purge failed: $(cat "$TEST_DIR/long.json")"
CHECKS=$((CHECKS + 1))
[ "$writes" -ge 3 ] || fail "the writer ran only $writes time(s) beside the purge"
OUT=$(cat "$TEST_DIR/long.json")
expect_json '[j["deleted"], j["longest_write_ms"] < 1000]' "[14000, true]"
expect_sql "$DB" "SELECT phone FROM user WHERE username = 'aadmin'" "06$(printf '%08d' "$writes")"
expect_sql "$DB" "PRAGMA integrity_check" "ok"
finish_suite
