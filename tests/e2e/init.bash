# imictl init: database, own authority, first user.
export IMICTL_DB=$TEST_DIR/sub/dir/imi.db

expect_ok imictl init --authority "Gemeente Oeteldonk" --country nl --email imi@oeteldonk.nl \
  --first-name "Anna" --last-name "Admin" --user-email a.admin@oeteldonk.nl
expect_eq "$OUT" "aadmin"
expect_eq "$(stat -c %a "$IMICTL_DB")" "600"
expect_sql "$IMICTL_DB" "PRAGMA journal_mode" "wal"
expect_sql "$IMICTL_DB" "SELECT name, country, type, is_own FROM authority" "Gemeente Oeteldonk|NL|competent_authority|1"
expect_sql "$IMICTL_DB" "SELECT group_concat(role) FROM (SELECT role FROM user_role ORDER BY role)" "handler,lda"
expect_sql "$IMICTL_DB" "SELECT username, status FROM user" "aadmin|pending"
expect_sql "$IMICTL_DB" "SELECT actor, action FROM audit" "system|init"

# A second init changes nothing and is a conflict.
expect_refused 5 imictl init --authority "Other" --country NL --email o@example.nl --first-name B --last-name C \
  --user-email b@example.nl
expect_contains "$ERR" "already initialised"

# JSON output of init.
expect_ok imictl --db "$TEST_DIR/second.db" --json init --authority "Provincie Noord" --country NL \
  --email imi@noord.nl --first-name "Jörg" --last-name "van Ôsterhout" --user-email j@noord.nl
expect_json 'j["username"]' "jvanosterhout"
expect_json 'j["roles"]' '["basic", "handler", "lda"]'

# Missing mandatory option: usage error, no file created.
expect_rc 2 imictl --db "$TEST_DIR/none.db" init --authority X --country NL --email x@example.nl
[ ! -e "$TEST_DIR/none.db" ] || fail "init with missing options created a database"

# Invalid values: exit 6 naming the field, nothing created.
expect_rc 6 imictl --db "$TEST_DIR/bad.db" init --authority X --country XX --email x@example.nl \
  --first-name A --last-name B --user-email a@example.nl
expect_contains "$ERR" "country"
expect_rc 6 imictl --db "$TEST_DIR/bad.db" init --authority X --country NL --email "not-an-address" \
  --first-name A --last-name B --user-email a@example.nl
expect_contains "$ERR" "email"
expect_rc 6 imictl --db "$TEST_DIR/bad.db" init --authority "  " --country NL --email x@example.nl \
  --first-name A --last-name B --user-email a@example.nl
expect_contains "$ERR" "name: must not be empty"
[ ! -e "$TEST_DIR/bad.db" ] || fail "invalid init created a database"

# The default database path follows XDG_DATA_HOME.
unset IMICTL_DB
expect_ok imictl init --authority "Gemeente Default" --country NL --email imi@default.nl \
  --first-name A --last-name B --user-email ab@default.nl
[ -f "$XDG_DATA_HOME/imictl/imi.db" ] || fail "no database at the XDG default path"

# init creates the key that seals security codes: 0600, outside the database.
[ -f "$TEST_DIR/sub/dir/imi.db.key" ] || fail "init created no key file"
expect_eq "$(stat -c %a "$TEST_DIR/sub/dir/imi.db.key")" "600"
expect_eq "$(stat -c %s "$TEST_DIR/sub/dir/imi.db.key")" "32"

# The first user's services: known keywords become the handler's services and
# the authority's keywords; an unknown one is exit 3 and leaves no file.
expect_ok imictl --db "$TEST_DIR/svc.db" --json init --authority "Gemeente Svc" --country NL --email imi@svc.nl \
  --first-name Sam --last-name Svc --user-email s@svc.nl --service construction --service "Estate agents"
expect_sql "$TEST_DIR/svc.db" "SELECT group_concat(keyword) FROM (SELECT keyword FROM user_service ORDER BY keyword)" \
  "construction,estate-agents"
expect_sql "$TEST_DIR/svc.db" "SELECT count(*) FROM authority_keyword" "2"
expect_rc 3 imictl --db "$TEST_DIR/nosvc.db" init --authority "Gemeente Svc" --country NL --email imi@svc.nl \
  --first-name Sam --last-name Svc --user-email s@svc.nl --service constructoin
expect_contains "$ERR" "construction"
[ ! -e "$TEST_DIR/nosvc.db" ] || fail "a failed init left a database file"
