# Rules that keep an authority administrable and its users' records honest:
# the last usable local data administrator (a locked one administers
# nothing), an import that would take the actor's own lda, the reserved name
# `system`, and `basic` shown for every user. Every refusal leaves the
# database as it was.
init_db
DB=$IMICTL_DB
state() { sqlite3 "$DB" "SELECT * FROM user; SELECT * FROM user_role; SELECT * FROM user_department;" | sha256sum; }
imictl user add --first-name Lia --last-name Slot --email l.slot@oeteldonk.nl --role lda >/dev/null ||
  fail "user add"
imictl user lock lslot >/dev/null || fail "lock"

# --- the last LDA who can act: the locked one does not count ---
before=$(state)
expect_rc 5 imictl role revoke aadmin lda
expect_contains "$ERR" "last local data administrator"
expect_rc 5 imictl user delete aadmin --yes
expect_contains "$ERR" "last local data administrator"
expect_eq "$(state)" "$before"
# Unlocked, she can act: now Anna may step down.
imictl user unlock lslot >/dev/null || fail "unlock"
expect_ok imictl --json role revoke aadmin lda
expect_json '"lda" in j["roles"]' "False"
imictl --as lslot role grant aadmin lda >/dev/null || fail "grant back"

# --- an import that takes the actor's own lda ---
printf 'Afdeling;Wetten en regels van toepassing;Voor en achternaam (funct.);Mailbox;Rol(len)\n' >own.csv
printf 'Burgerzaken;;Anna Admin;a.admin@oeteldonk.nl;Toewijzer\n' >>own.csv
before=$(state)
audits=$(sql "$DB" "SELECT count(*) FROM audit")
expect_rc 5 imictl import own.csv
expect_contains "$ERR" "own.csv:2:"
expect_contains "$ERR" "takes the local data administrator role (lda) from you"
expect_contains "$ERR" "--allow-self-demotion"
expect_eq "$(state)" "$before"
expect_sql "$DB" "SELECT count(*) FROM audit" "$audits"
# The dry run shows it in the plan and warns.
expect_ok imictl import own.csv --dry-run --json
expect_json '[r["changes"] for r in j["rows"] if r["kind"] == "user"]' '[["roles", "self-demotion", "departments"]]'
expect_contains "$ERR" "takes the local data administrator role"
expect_eq "$(state)" "$before"
# Allowed, it still may not leave no usable LDA (with Lia locked): exit 6.
imictl user lock lslot >/dev/null || fail "lock again"
before=$(state)
expect_rc 6 imictl import own.csv --allow-self-demotion
expect_contains "$ERR" "without a local data administrator"
expect_eq "$(state)" "$before"
# With Lia unlocked, Anna may hand over deliberately.
imictl user unlock lslot >/dev/null || fail "unlock"
expect_ok imictl import own.csv --allow-self-demotion --json
expect_sql "$DB" "SELECT group_concat(role) FROM user_role WHERE user_id = (SELECT id FROM user WHERE username = 'aadmin')" \
  "allocator"
expect_sql "$DB" "SELECT actor, action FROM audit ORDER BY id DESC LIMIT 1" "aadmin|import"
export IMICTL_USER=lslot

# --- `system` is reserved ---
before=$(state)
expect_rc 6 imictl user rename lslot system
expect_contains "$ERR" "reserved"
expect_ok imictl --json user add --first-name S --last-name Ystem --email s.ystem@oeteldonk.nl
expect_json 'j["username"]' "system2"
run sqlite3 "$DB" "UPDATE user SET username = 'system' WHERE username = 'system2'"
CHECKS=$((CHECKS + 1))
[ "$RC" != 0 ] || fail "the schema let a user be renamed to system"
expect_contains "$ERR" "reserved"
expect_sql "$DB" "SELECT count(*) FROM user WHERE username = 'system'" "0"

# --- every user is basic: JSON, table, export, import ---
expect_ok imictl --json user show system2
expect_json 'j["roles"]' '["basic"]'
expect_ok imictl user show system2
expect_contains "$OUT" "basic"
expect_ok imictl user list
expect_contains "$(grep '^system2 ' <<<"$OUT")" " basic "
expect_contains "$(grep '^lslot ' <<<"$OUT")" "basic, lda"
expect_ok imictl export result-table -
expect_contains "$OUT" "Ystem;s.ystem@oeteldonk.nl;Basisgebruiker"
printf '%s\n' "$OUT" >exported.csv
before=$(state)
expect_ok imictl import exported.csv --json
expect_json 'j["unchanged"]["users"]' "3"
expect_json 'j["created"]["users"] + j["updated"]["users"]' "0"
expect_eq "$(state)" "$before"
