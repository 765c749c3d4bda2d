# The database layer: refusal of foreign, corrupt and newer files (exit 7),
# read-only commands that never migrate, locking.
init_db

# Not a database at all.
printf 'this is not a database, just text\n%.0s' {1..200} > "$TEST_DIR/text.db"
expect_rc 7 imictl --db "$TEST_DIR/text.db" authority list
expect_contains "$ERR" "$TEST_DIR/text.db"

# A corrupt database: valid header, garbage pages.
cp "$IMICTL_DB" "$TEST_DIR/corrupt.db"
sql "$TEST_DIR/corrupt.db" "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE" >/dev/null
dd if=/dev/urandom of="$TEST_DIR/corrupt.db" bs=1024 seek=1 count=40 conv=notrunc 2>/dev/null
expect_rc 7 imictl --db "$TEST_DIR/corrupt.db" authority list
expect_contains "$ERR" "corrupt.db"

# A database written by a newer imictl.
cp "$IMICTL_DB" "$TEST_DIR/newer.db"
sql "$TEST_DIR/newer.db" "PRAGMA user_version = 999"
expect_rc 7 imictl --db "$TEST_DIR/newer.db" authority list
expect_contains "$ERR" "newer than this imictl"
CHECK_DB=$TEST_DIR/newer.db expect_refused 7 imictl --db "$TEST_DIR/newer.db" authority edit --informal-name X
expect_sql "$TEST_DIR/newer.db" "PRAGMA user_version" "999"

# An older schema: read-only commands refuse and never migrate; migrate does.
cp "$IMICTL_DB" "$TEST_DIR/older.db"
latest=$(sql "$IMICTL_DB" "PRAGMA user_version")
sql "$TEST_DIR/older.db" "DROP TABLE request_personal_data; DROP TABLE request_question;
  DROP TABLE request_attachment; DROP TABLE request_history; DROP TABLE question_set_question;
  DROP TABLE question_set; DROP TABLE standard_answer;
  DROP TABLE request_assignee; DROP TABLE request; DROP INDEX user_os_user; DROP INDEX user_by_email;
  DROP TRIGGER user_name_not_reserved_insert; DROP TRIGGER user_name_not_reserved_update;
  ALTER TABLE user DROP COLUMN os_user; ALTER TABLE user DROP COLUMN deleted_at; CREATE INDEX user_status ON user (status);
  DROP INDEX outbox_by_request; DROP INDEX outbox_by_user; ALTER TABLE user DROP COLUMN purged_at;
  PRAGMA user_version = 4"
expect_rc 7 imictl --db "$TEST_DIR/older.db" authority list
expect_contains "$ERR" "imictl migrate"
expect_sql "$TEST_DIR/older.db" "PRAGMA user_version" "4"
expect_ok imictl --db "$TEST_DIR/older.db" --json migrate
expect_json 'j["schema_version"]' "$latest"
expect_sql "$TEST_DIR/older.db" "SELECT count(*) FROM sqlite_master WHERE name = 'request'" "1"

# Missing database: exit 7 with a hint to init.
expect_rc 7 imictl --db "$TEST_DIR/missing.db" authority list
expect_contains "$ERR" "imictl init"
[ ! -e "$TEST_DIR/missing.db" ] || fail "a read created the database"

# Pragmas on every connection.
expect_sql "$IMICTL_DB" "PRAGMA journal_mode" "wal"

# Locked past the busy timeout: exit 7, nothing written.
cat > "$TEST_DIR/fast.toml" <<'TOML'
[database]
busy_timeout_ms = 200
TOML
before=$(db_digest "$IMICTL_DB")
python3 - "$IMICTL_DB" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[1] + ".locked", "w").close()
time.sleep(4)
c.execute("ROLLBACK")
PY
for _ in $(seq 50); do [ -e "$IMICTL_DB.locked" ] && break; sleep 0.1; done
expect_rc 7 imictl --config "$TEST_DIR/fast.toml" authority edit --informal-name "While locked"
expect_contains "$ERR" "locked"
wait
expect_sql "$IMICTL_DB" "SELECT informal_name FROM authority WHERE is_own = 1" "Gemeente Oeteldonk"
expect_unchanged "$IMICTL_DB" "$before"
