# Configuration precedence: flag > environment > user file > system file > default.
init_db
userdb=$TEST_DIR/from-user-file.db
mkdir -p "$XDG_CONFIG_HOME/imictl"

# Default only.
unset IMICTL_DB
expect_ok imictl --json config show
expect_json '{e["key"]: e["source"] for e in j}["database.busy_timeout_ms"]' "default"
expect_json '{e["key"]: e["value"] for e in j}["database.path"]' "$XDG_DATA_HOME/imictl/imi.db"
expect_json '{e["key"]: e["value"] for e in j}["retention.delete_after"]' "6 months"

# The user file beats the default.
cat > "$XDG_CONFIG_HOME/imictl/config.toml" <<TOML
[database]
path = "$userdb"
busy_timeout_ms = 1234
TOML
expect_ok imictl --json config show
expect_json '{e["key"]: e["value"] for e in j}["database.path"]' "$userdb"
expect_json '{e["key"]: e["source"] for e in j}["database.busy_timeout_ms"]' "$XDG_CONFIG_HOME/imictl/config.toml"

# The environment beats the user file; the flag beats the environment.
expect_ok env IMICTL_DB="$TEST_DIR/env.db" "$IMICTL_BIN" --json config show
expect_json '{e["key"]: str(e["value"]) + " " + e["source"] for e in j}["database.path"]' "$TEST_DIR/env.db IMICTL_DB"
expect_ok env IMICTL_DB="$TEST_DIR/env.db" "$IMICTL_BIN" --db "$TEST_DIR/flag.db" --json config show
expect_json '{e["key"]: str(e["value"]) + " " + e["source"] for e in j}["database.path"]' "$TEST_DIR/flag.db --db"

# --config names a file instead of the user file; a missing named file is an error.
cat > "$TEST_DIR/named.toml" <<'TOML'
[requests]
default_due_days = 21
TOML
expect_ok imictl --config "$TEST_DIR/named.toml" --json config show
expect_json '{e["key"]: e["value"] for e in j}["requests.default_due_days"]' "21"
expect_json '{e["key"]: e["source"] for e in j}["database.busy_timeout_ms"]' "default"
expect_ok env IMICTL_CONFIG="$TEST_DIR/named.toml" "$IMICTL_BIN" --json config show
expect_json '{e["key"]: e["value"] for e in j}["requests.default_due_days"]' "21"
expect_rc 3 imictl --config "$TEST_DIR/absent.toml" config show
expect_contains "$ERR" "absent.toml"

# Malformed: exit 2 naming file:line:column. Unknown key: a warning naming it.
printf '[database]\nbusy_timeout_ms = 100\n[mail\n' > "$TEST_DIR/broken.toml"
expect_rc 2 imictl --config "$TEST_DIR/broken.toml" config show
expect_contains "$ERR" "broken.toml:3:"
printf '[database]\nbusy_timeout = 100\n' > "$TEST_DIR/unknown.toml"
expect_ok imictl --config "$TEST_DIR/unknown.toml" config show
expect_contains "$ERR" "unknown key 'database.busy_timeout'"
printf '[database]\nbusy_timeout_ms = "soon"\n' > "$TEST_DIR/wrongtype.toml"
expect_rc 2 imictl --config "$TEST_DIR/wrongtype.toml" config show
printf '[retention]\ndelete_after = "forever"\n' > "$TEST_DIR/badperiod.toml"
expect_rc 2 imictl --config "$TEST_DIR/badperiod.toml" config show
expect_contains "$ERR" "retention.delete_after"

# The configured path is used for real.
expect_ok imictl init --authority "Via config" --country NL --email c@example.nl --first-name C \
  --last-name D --user-email cd@example.nl
[ -f "$userdb" ] || fail "database was not created at the configured path"

# IMICTL_NOW pins the clock; a bad value is a usage error.
expect_ok env IMICTL_NOW=2030-01-02T03:04:05Z "$IMICTL_BIN" --as cd authority edit --informal-name "Pinned"
expect_sql "$userdb" "SELECT updated_at FROM authority WHERE is_own = 1" "2030-01-02T03:04:05Z"
expect_sql "$userdb" "SELECT at FROM audit ORDER BY id DESC LIMIT 1" "2030-01-02T03:04:05Z"
CHECK_DB=$userdb expect_refused 2 env IMICTL_NOW=yesterday "$IMICTL_BIN" --as cd authority edit --informal-name "Bad clock"

# Values are typed: numbers are JSON numbers, a key without a value is null.
# mail.from shows the sender notify send uses: unset, the own authority's
# name and address (null while there is no database to ask).
expect_ok imictl --json config show
expect_json 'type({e["key"]: e["value"] for e in j}["database.busy_timeout_ms"]).__name__' "int"
expect_json '{e["key"]: e["value"] for e in j}["database.busy_timeout_ms"]' "1234"
expect_json '{e["key"]: e["value"] for e in j}["mail.smtp_user"]' "None"
expect_json '{e["key"]: e["value"] for e in j}["retention.delete_after"]' "6 months"
expect_json '{e["key"]: str(e["value"]) + "|" + e["source"] for e in j}["mail.from"]' \
  "Pinned <c@example.nl>|own authority e-mail"
expect_ok imictl --db "$TEST_DIR/none-yet.db" --json config show
expect_json '{e["key"]: e["value"] for e in j}["mail.from"]' "None"
[ -e "$TEST_DIR/none-yet.db" ] && fail "config show created a database"
printf '[mail]\nfrom = "IMI Oeteldonk <imi@oeteldonk.nl>"\n' >"$TEST_DIR/from.toml"
expect_ok imictl --config "$TEST_DIR/from.toml" --json config show
expect_json '{e["key"]: str(e["value"]) + "|" + e["source"] for e in j}["mail.from"]' \
  "IMI Oeteldonk <imi@oeteldonk.nl>|$TEST_DIR/from.toml"
