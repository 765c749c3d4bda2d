# The audit log: one entry per change, hash chain, tamper detection.
init_db
expect_ok imictl authority edit --informal-name "Gemeente Oeteldonk (stad)"
expect_ok imictl authority settings --allocation on
expect_ok imictl authority keywords add construction
expect_ok imictl --json audit list
expect_json 'len(j)' "4"
expect_json '[e["action"] for e in j]' '["init", "authority.edit", "authority.settings", "authority.keywords"]'
expect_json 'all(len(e["hash"]) == 64 for e in j)' "True"
expect_ok imictl --json audit list --actor aadmin --action authority.settings
expect_json '[e["summary"] for e in j]' '["allocation on"]'
expect_ok imictl --json audit list --since 2999-01-01
expect_json 'len(j)' "0"
expect_rc 2 imictl audit list --since "last week"

expect_ok imictl audit verify
expect_contains "$OUT" "intact: 4 entries"

# The log is append-only for imictl's own connection: the triggers refuse
# an UPDATE or DELETE with their own reason.
for change in "UPDATE audit SET actor = 'x' WHERE id = 2" "DELETE FROM audit WHERE id = 2"; do
  CHECKS=$((CHECKS + 1))
  if refused=$(sqlite3 "$IMICTL_DB" "$change" 2>&1); then
    fail "allowed on the audit log: $change"
  else
    expect_contains "$refused" "append-only"
  fi
done
expect_sql "$IMICTL_DB" "SELECT actor FROM audit WHERE id = 2" "aadmin"

# ...and tampering around the triggers, as someone with access to the file
# can, is detected whichever field of an entry is changed.
# tampered NAME CHANGE: a copy of the database with the triggers dropped and
# CHANGE applied; prints the copy's path.
tampered() {
  local copy=$TEST_DIR/$1.db
  sql "$IMICTL_DB" ".backup '$copy'"
  sql "$copy" "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; $2"
  echo "$copy"
}
for edit in "at|2020-01-01T00:00:00Z" "actor|system" "action|authority.edit" "object|authority:2" \
  "summary|nothing happened"; do
  field=${edit%%|*} value=${edit#*|}
  db=$(tampered "edited-$field" "UPDATE audit SET $field = '$value' WHERE id = 3")
  expect_sql "$db" "SELECT $field FROM audit WHERE id = 3" "$value"
  expect_rc 1 imictl --db "$db" --json audit verify
  expect_json 'j["intact"]' "False"
  expect_json 'j["first_broken"]["id"]' "3"
  expect_contains "$(json 'j["problem"]')" "edited"
done
# The newest entry is covered as well as the ones before it.
db=$(tampered edited-newest "UPDATE audit SET actor = 'system' WHERE id = 4")
expect_rc 1 imictl --db "$db" --json audit verify
expect_json 'j["first_broken"]["id"]' "4"

db=$(tampered deleted "DELETE FROM audit WHERE id = 2")
expect_rc 1 imictl --db "$db" audit verify
expect_contains "$OUT" "BROKEN at entry 3"
# Removing an entry and pointing the next one at the entry before it keeps
# the links intact; the hash, which covers the link, still gives it away.
db=$(tampered relinked "DELETE FROM audit WHERE id = 2;
  UPDATE audit SET prev_hash = (SELECT hash FROM audit WHERE id = 1) WHERE id = 3")
expect_rc 1 imictl --db "$db" --json audit verify
expect_json 'j["first_broken"]["id"]' "3"
db=$(tampered reordered "UPDATE audit SET prev_hash = (SELECT prev_hash FROM audit WHERE id = 2) WHERE id = 3")
expect_rc 1 imictl --db "$db" --json audit verify
expect_json 'j["first_broken"]["id"]' "3"

# The original is untouched and still verifies.
expect_ok imictl audit verify
expect_contains "$OUT" "intact: 4 entries"
