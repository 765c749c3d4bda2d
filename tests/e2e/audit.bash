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

# The log is append-only for imictl's own connection...
CHECKS=$((CHECKS + 1))
sqlite3 "$IMICTL_DB" "UPDATE audit SET actor = 'x' WHERE id = 2" 2>/dev/null && fail "UPDATE of audit was allowed"

# ...and tampering around the triggers with sqlite3 is detected.
cp "$IMICTL_DB" "$TEST_DIR/edited.db"
sqlite3 "$TEST_DIR/edited.db" "DROP TRIGGER audit_no_update; UPDATE audit SET summary = 'nothing happened' WHERE id = 3"
expect_rc 1 imictl --db "$TEST_DIR/edited.db" --json audit verify
expect_json 'j["intact"]' "False"
expect_json 'j["first_broken"]["id"]' "3"
expect_contains "$(json 'j["problem"]')" "edited"

cp "$IMICTL_DB" "$TEST_DIR/deleted.db"
sqlite3 "$TEST_DIR/deleted.db" "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 2"
expect_rc 1 imictl --db "$TEST_DIR/deleted.db" audit verify
expect_contains "$OUT" "BROKEN at entry 3"
