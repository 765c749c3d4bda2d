# imictl authority: add, list, show, edit, search, competence, keywords, settings.
init_db

# add: table and JSON, odd characters round-trip unchanged.
odd="Dienst \"Justis\"; 'x' -- é ö ç €"
expect_ok imictl --json authority add --name "$odd" --country NL --type competent_authority \
  --email justis@example.nl --informal-name "Justis (screening)" --description "Verklaring omtrent gedrag; 'quotes'" --language nl
expect_json 'j["name"]' "$odd"
expect_json 'j["own"]' "False"
justis=$(json 'j["id"]')
expect_sql "$IMICTL_DB" "SELECT name FROM authority WHERE id = $justis" "$odd"

expect_ok imictl authority add --name "SD Gedelegeerde IMI-coördinator" --country NL --type "gedelegeerde IMI-coördinator" \
  --email sd-coordinator@example.nl
expect_contains "$OUT" "delegated_coordinator"
expect_ok imictl authority add --name "Bundesamt" --country DE --type competent_authority --email amt@example.de --language de

# list: table with stable columns, JSON array, CSV.
expect_ok imictl authority list
expect_contains "$(head -1 <<<"$OUT")" "ID  NAME"
expect_contains "$OUT" "Bundesamt"
expect_ok imictl authority list --json
expect_json 'len(j)' "4"
expect_json '[a["country"] for a in j]' '["NL", "NL", "NL", "DE"]'
expect_json 'sorted(j[0].keys())' '["country", "email", "id", "informal_name", "name", "own", "type"]'
expect_ok imictl authority list --format csv
expect_eq "$(head -1 <<<"$OUT" | tr -d '\r')" "id,name,informal_name,country,type,email,own"

# search (guide B1: finding the Dutch delegated IMI coordinator).
expect_ok imictl --json authority search --country NL --type delegated_coordinator
expect_json '[a["name"] for a in j]' '["SD Gedelegeerde IMI-coördinator"]'
expect_ok imictl --json authority search --name "justis"
expect_json 'len(j)' "1"
expect_ok imictl --json authority search --name "100%"
expect_json 'len(j)' "0"
expect_rc 2 imictl authority search --type nonsense
expect_contains "$ERR" "unknown authority type"
expect_rc 6 imictl authority search --country ZZ

# show: every tab, own authority by default, others by id or name.
expect_ok imictl --json authority show
expect_json 'j["own"]' "True"
expect_json 'sorted(j["request_settings"].keys())' '["allocation", "coordinator_approval_needed", "coordinator_can_view", "may_receive", "may_refuse"]'
expect_json 'j["fixed_settings"]' '["coordinator_approval_needed", "may_refuse", "may_receive"]'
expect_json '[u["username"] for u in j["users"]]' '["aadmin"]'
expect_json 'j["competences"]["all_areas"]' "False"
expect_ok imictl authority show "$justis"
expect_contains "$OUT" "Justis (screening)"
expect_ok imictl --json authority show "Bundesamt"
expect_json 'j["language"]' "de"
expect_rc 3 imictl authority show "Bundesamtt"
expect_contains "$ERR" "did you mean 'Bundesamt'"

# edit: informal name/description mark translations stale; formal name is fixed.
expect_ok imictl authority edit --informal-name "Gemeente Oeteldonk (stad)" --phone "+31 73 123 4567" --address "Markt 1
5211 Oeteldonk"
expect_ok imictl --json authority show
expect_json 'j["informal_name"]' "Gemeente Oeteldonk (stad)"
expect_json 'j["translations_stale"]' "True"
expect_json 'j["address"].replace("\n", "|")' "Markt 1|5211 Oeteldonk"
expect_refused 5 imictl authority edit --name "Nieuwe naam"
expect_contains "$ERR" "formal name"
expect_sql "$IMICTL_DB" "SELECT name FROM authority WHERE is_own = 1" "Gemeente Oeteldonk"
expect_refused 6 imictl authority edit --email "imi@oeteldonk"
expect_refused 6 imictl authority edit --phone "call me"
expect_refused 6 imictl authority edit --informal-name "$(printf 'bad\001name')"
expect_contains "$ERR" "control characters"
expect_refused 6 imictl authority edit --description "$(head -c 4001 /dev/zero | tr '\0' x)"
expect_contains "$ERR" "longer than 4000"
expect_refused 6 imictl authority edit --informal-name "$(printf 'bad \xff utf8')"
expect_contains "$ERR" "UTF-8"
expect_sql "$IMICTL_DB" "SELECT informal_name FROM authority WHERE is_own = 1" "Gemeente Oeteldonk (stad)"

# Only an lda of that authority edits it.
expect_denied authority.edit imictl authority edit "$justis" --informal-name "Hijacked"
expect_audited "$IMICTL_DB" denied:authority.edit aadmin
expect_contains "$ERR" "another authority"
expect_denied authority.edit env -u IMICTL_USER "$IMICTL_BIN" authority edit --informal-name "Nobody"
expect_audited "$IMICTL_DB" denied:authority.edit "(none)"
expect_contains "$ERR" "--as"
sql "$IMICTL_DB" "INSERT INTO user (authority_id, username, first_name, last_name, email, language, created_at, updated_at)
  VALUES (1, 'bbasic', 'Bea', 'Basic', 'b@oeteldonk.nl', 'nl', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"
expect_denied authority.edit imictl --as bbasic authority edit --informal-name "By basic"
expect_audited "$IMICTL_DB" denied:authority.edit bbasic
expect_contains "$ERR" "needs role lda"
expect_rc 3 imictl --as nobody authority edit --informal-name "By nobody"
expect_audited "$IMICTL_DB" denied:authority.edit nobody
expect_sql "$IMICTL_DB" "SELECT count(*) FROM audit WHERE action = 'denied:authority.edit'" "4"

# competence
expect_ok imictl --json authority competence --add-sector "Bouw" --add-sector "Horeca" --add-policy-area "Milieu" --all-areas on
expect_json 'j["sectors"]' '["Bouw", "Horeca"]'
expect_json 'j["all_areas"]' "True"
expect_ok imictl --json authority competence --remove-sector "Horeca" --all-areas off
expect_json 'j["sectors"]' '["Bouw"]'
expect_json 'j["all_areas"]' "False"
expect_refused 2 imictl authority competence --all-areas maybe

# keywords
expect_ok imictl --json authority keywords list --all
expect_json 'len(j) > 40' "True"
expect_ok imictl authority keywords add construction "Architectendiensten" "Estate agents"
expect_ok imictl --json authority keywords list
expect_json '[k["keyword"] for k in j]' '["architecture", "construction", "estate-agents"]'
expect_refused 3 imictl authority keywords add constructoin
expect_contains "$ERR" "construction"
expect_ok imictl authority keywords remove architecture
expect_ok imictl --json authority search --keyword construction
expect_json '[a["id"] for a in j]' '[1]'

# settings: two settable, three fixed.
expect_ok imictl --json authority settings --allocation on --coordinator-can-view on
expect_json '{s["setting"]: s["value"] for s in j}["allocation"]' "True"
expect_sql "$IMICTL_DB" "SELECT allocation, coordinator_can_view FROM authority WHERE is_own = 1" "1|1"
expect_refused 5 imictl authority settings --may-refuse off
expect_contains "$ERR" "fixed"
expect_refused 5 imictl authority settings --coordinator-approval-needed on
expect_refused 2 imictl authority settings --allocation sometimes

# Every change is audited, without personal data, and the chain verifies.
expect_ok imictl --json audit list --object authority:1
expect_json '[e["action"] for e in j]' '["init", "authority.edit", "denied:authority.edit", "denied:authority.edit", "denied:authority.edit", "authority.competence", "authority.competence", "authority.keywords", "authority.keywords", "authority.settings"]'
expect_ok imictl audit list
expect_not_contains "$OUT" "+31 73"
expect_not_contains "$OUT" "a.admin@oeteldonk.nl"
expect_ok imictl audit verify

# keywords of another authority, by position or option.
expect_ok imictl --json authority keywords "$justis" list
expect_json 'len(j)' "0"
expect_ok imictl --json authority keywords --authority Bundesamt list
expect_json 'len(j)' "0"
expect_denied authority.edit imictl authority keywords "$justis" add construction
