# imictl role: grant, revoke, list, who; the lda and allocator advice.
init_db
# init leaves the handler role to --service; this suite's first user handles requests too.
imictl role grant aadmin handler --service construction >/dev/null || fail "grant failed"
DB=$IMICTL_DB
imictl user add --first-name Bea --last-name Behandelaar --email bea@oeteldonk.nl >/dev/null
imictl user add --first-name Lars --last-name Lid --email lars@oeteldonk.nl >/dev/null

# --- grant in Dutch, English or slug ---
expect_ok imictl role grant bbehandelaar Behandelaar --service construction --service "Estate agents" --json
expect_json 'j["roles"]' '["basic", "handler"]'
expect_json 'j["services"]' '["construction", "estate-agents"]'
# The advice follows the roles a command touches; granting a handler is quiet.
expect_eq "$ERR" ""
expect_ok imictl role grant llid "Lokale gegevensbeheerder" --json
expect_json 'j["roles"]' '["basic", "lda"]'
expect_not_contains "$ERR" "local data administrator;"
expect_ok imictl role grant llid toewijzer --json
expect_json 'j["roles"]' '["basic", "allocator", "lda"]'
expect_contains "$ERR" "works without allocation"
expect_sql "$DB" "select count(*) from audit where action='role.grant' and object='user:llid'" "2"
# English names, any case.
expect_ok imictl role grant bbehandelaar "Local Data Administrator" ALLOCATOR "basic user" --json
expect_json 'j["roles"]' '["basic", "allocator", "handler", "lda"]'
expect_ok imictl role revoke bbehandelaar local-data-administrator Toezichthouder --json
expect_json 'j["roles"]' '["basic", "handler"]'
expect_not_contains "$ERR" "local data administrator" # two remain
expect_contains "$ERR" "allocators have no effect" # llid still is one
# With allocation on, an allocator draws no warning.
imictl authority settings --allocation on >/dev/null
expect_ok imictl role grant bbehandelaar Toewijzer
expect_eq "$ERR" ""
imictl role revoke bbehandelaar allocator >/dev/null
imictl authority settings --allocation off >/dev/null

# --- bad input ---
expect_refused 6 imictl role grant llid handler
expect_contains "$ERR" "at least one service"
expect_refused 3 imictl role grant llid handler --service bouwen
# A bad enumeration value on the command line is a usage error (SPEC §1).
expect_refused 2 imictl role grant llid behandelaat
expect_contains "$ERR" "did you mean 'behandelaar'"
expect_refused 2 imictl role revoke llid toewijzr
expect_contains "$ERR" "unknown role 'toewijzr'"
expect_rc 2 imictl role who beheerder
expect_refused 3 imictl role grant nobody lda
expect_refused 6 imictl role grant llid lda --service construction
expect_contains "$ERR" "services belong to handlers"
expect_sql "$DB" "select count(*) from user_service where user_id=(select id from user where username='llid')" "0"
expect_refused 2 imictl role grant llid

# --- list and who ---
expect_ok imictl role list --json
expect_json '[(r["username"], r["role"]) for r in j if r["role"] != "basic"]' \
  '[["aadmin", "handler"], ["aadmin", "lda"], ["bbehandelaar", "handler"], ["llid", "allocator"], ["llid", "lda"]]'
expect_ok imictl role list bbehandelaar --json
expect_json '[r["role"] for r in j]' '["basic", "handler"]'
expect_json 'j[1]["services"]' '["construction", "estate-agents"]'
expect_ok imictl role who lda --json
expect_json '[r["username"] for r in j]' '["aadmin", "llid"]'
expect_ok imictl role who Basisgebruiker --json
expect_json 'len(j)' "3"
expect_ok imictl role who handler
expect_contains "$OUT" "bbehandelaar"
expect_rc 2 imictl role who boss

# --- revoke: handler drops its services; never the last lda ---
expect_ok imictl role revoke bbehandelaar handler --json
expect_json 'j["roles"]' '["basic"]'
expect_json 'j["services"]' "[]"
expect_ok imictl role revoke llid lda allocator --json
expect_json 'j["roles"]' '["basic"]'
expect_contains "$ERR" "1 local data administrator"
expect_refused 5 imictl role revoke aadmin lda
expect_contains "$ERR" "last local data administrator"
expect_sql "$DB" "select count(*) from user_role where role='lda'" "1"
expect_refused 5 imictl role revoke aadmin basic
