# imictl import: the guide's result table (Bijlage 4), formats, idempotence,
# atomicity and every kind of bad input.
EX=$IMICTL_SOURCE_DIR/examples/oeteldonk.csv
init_db
users() { sql "$IMICTL_DB" "SELECT count(*) FROM user"; }
audits() { sql "$IMICTL_DB" "SELECT count(*) FROM audit"; }

# --- the guide's table: handlers need a service ---
expect_refused 6 imictl import "$EX"
expect_contains "$ERR" "oeteldonk.csv:3: column 'Rol(len)': 'b.pauwels@oeteldonk.nl' is a handler and needs a service"
expect_contains "$ERR" "oeteldonk.csv:6: column 'Rol(len)'"
expect_eq "$(users)" 1
expect_sql "$IMICTL_DB" "SELECT count(*) FROM department" 0

# --- dry run prints the plan and writes nothing ---
before=$(db_digest "$IMICTL_DB")
expect_ok imictl import "$EX" --default-service construction --dry-run --json
expect_json 'j["dry_run"]' True
expect_json 'j["created"]' '{"departments": 4, "users": 4}'
expect_json '[r["username"] for r in j["rows"] if r["kind"]=="user"]' '["bpauwels", "pdekort", "energiemarkt", "publieksbalie"]'
expect_json '[r["line"] for r in j["rows"] if r["kind"]=="user"]' '[3, 4, 6, 8]'
expect_eq "$(users)" 1
expect_ok imictl import "$EX" --default-service construction --dry-run
expect_contains "$OUT" "would create 4 departments, 4 users"
expect_contains "$OUT" "pdekort"
expect_unchanged "$IMICTL_DB" "$before"

# --- the real import ---
before=$(audits)
expect_ok imictl import "$EX" --default-service construction
expect_contains "$OUT" "created 4 departments, 4 users"
expect_contains "$ERR" "construction"
expect_sql "$IMICTL_DB" "SELECT first_name || '|' || last_name FROM user WHERE username = 'pdekort'" "Pieter|de Kort"
expect_sql "$IMICTL_DB" "SELECT functional || last_name FROM user WHERE username = 'publieksbalie'" "1Publieksbalie"
expect_sql "$IMICTL_DB" "SELECT functional FROM user WHERE username = 'energiemarkt'" "1"
expect_sql "$IMICTL_DB" "SELECT group_concat(role, ',') FROM (SELECT role FROM user_role r JOIN user u ON u.id = r.user_id WHERE username = 'energiemarkt' ORDER BY role)" "allocator,handler"
expect_sql "$IMICTL_DB" "SELECT d.name FROM department d JOIN user_department m ON m.department_id = d.id JOIN user u ON u.id = m.user_id WHERE username = 'pdekort'" "Bouw en Woningtoezicht"
expect_sql "$IMICTL_DB" "SELECT count(*) FROM user_service WHERE keyword = 'construction'" 3
expect_sql "$IMICTL_DB" "SELECT count(*) FROM user_role WHERE role = 'basic'" 0
expect_eq "$(audits)" $((before + 1))
expect_sql "$IMICTL_DB" "SELECT action || ' ' || object FROM audit ORDER BY id DESC LIMIT 1" "import authority:1"

# --- idempotent: the second run changes nothing and says so ---
before=$(db_digest "$IMICTL_DB")
expect_ok imictl import "$EX" --default-service construction
expect_contains "$OUT" "unchanged 4 departments, 4 users"
expect_contains "$ERR" "nothing to change"
expect_unchanged "$IMICTL_DB" "$before"
expect_ok imictl import --json "$EX"
expect_json 'j["written"]' False
expect_json 'j["unchanged"]["users"]' 4

# --- stdin ---
expect_ok imictl import - <"$EX"
expect_contains "$OUT" "unchanged 4 departments, 4 users"

# --- the guide's broken mailbox: wrapped over two lines ---
sed 's/publieksbalie@oeteldonk.nl/"publieksbalie@oeteldon\nk.nl"/' "$EX" >broken.csv
printf 'Extra;;Jan Jansen;jan@@oeteldonk.nl;Behandelaar\r\n' >>broken.csv
expect_refused 6 imictl import broken.csv
expect_contains "$ERR" "broken.csv:8: column 'Mailbox': 'publieksbalie@oeteldon\\nk.nl' is not a valid e-mail address (wrapped over two lines)"
expect_contains "$ERR" "broken.csv:10: column 'Mailbox': 'jan@@oeteldonk.nl'"
expect_contains "$ERR" "2 problems found; nothing was written"
expect_sql "$IMICTL_DB" "SELECT count(*) FROM department WHERE name = 'Extra'" 0
expect_refused 6 imictl import --json broken.csv
expect_json 'j["problems"]' 2
expect_json 'j["errors"][0]["column"]' Mailbox

# --- every invalid row is reported, nothing is written ---
printf 'Afdeling;Naam;Mailbox;Rol(len)\nA;Kees Kok;kees@x.nl;Behandelaar\nB;;leeg@x.nl;Toewijzer\nC;Piet Post;piet@x.nl;Toewyzer\nD;Els Eik;els@x.nl\nE;Ria Ree;ria@x.nl;Lokale gegevensbeheerder;extra\n' >bad.csv
expect_refused 6 imictl import bad.csv --default-service construction
expect_contains "$ERR" "bad.csv:3: column 'Naam': is empty but the row has a mailbox"
expect_contains "$ERR" "bad.csv:4: column 'Rol(len)': unknown role 'Toewyzer'; did you mean 'toewijzer'?"
expect_contains "$ERR" "bad.csv:5: the row has 3 cells where the header has 4"
expect_contains "$ERR" "bad.csv:6: the row has 5 cells where the header has 4"
expect_sql "$IMICTL_DB" "SELECT count(*) FROM user WHERE email = 'kees@x.nl'" 0

# --- formats: Windows-1252, UTF-16 with BOM, comma, tab, LF, English headers in another order ---
printf 'Afdeling;Voor- en achternaam (functie);Mailbox;Rol(len)\r\nB\xe9heer;Jos\xe9 M\xfcller (co\xf6rdinator);jose@x.nl;Lokale gegevensbeheerder\r\n' >cp1252.csv
expect_ok imictl import cp1252.csv
expect_sql "$IMICTL_DB" "SELECT first_name || ' ' || last_name || ' (' || function || ')' FROM user WHERE email = 'jose@x.nl'" "José Müller (coördinator)"
expect_sql "$IMICTL_DB" "SELECT username FROM user WHERE email = 'jose@x.nl'" "jmuller"
printf 'Mailbox\tRole(s)\tName (function)\tDepartment\tNotes\nana@x.nl\tAllocator and LDA\tAna de la Cruz\tSupport\tnew\n' >tab.tsv
expect_ok imictl import tab.tsv
expect_contains "$ERR" "column 'Notes' is not part of a result table and is ignored"
expect_sql "$IMICTL_DB" "SELECT last_name FROM user WHERE email = 'ana@x.nl'" "de la Cruz"
expect_sql "$IMICTL_DB" "SELECT count(*) FROM user_role r JOIN user u ON u.id = r.user_id WHERE email = 'ana@x.nl'" 2
python3 -c 'import sys; sys.stdout.buffer.write("Afdeling,Naam,Mailbox,Rol(len)\r\n\"Zorg, Welzijn\",Örs Öztürk,ors@x.nl,\"handler, allocator\"\r\n".encode("utf-16"))' >u16.csv
expect_ok imictl import u16.csv --default-service construction
expect_sql "$IMICTL_DB" "SELECT d.name FROM department d JOIN user_department m ON m.department_id = d.id JOIN user u ON u.id = m.user_id WHERE email = 'ors@x.nl'" "Zorg, Welzijn"
printf 'Afdeling,Naam,Mailbox,Rol(len)\nX;Y,Kim Ka,kim@x.nl,\n' >forced.csv
expect_ok imictl import forced.csv --delimiter ,
expect_sql "$IMICTL_DB" "SELECT count(*) FROM department WHERE name = 'X;Y'" 1
printf 'Afdeling;Naam;Mailbox;Rol(len)\nW;Caf\xe9 Baas;cafe@x.nl;\n' >forced-utf8.csv
expect_refused 6 imictl import forced-utf8.csv --encoding utf-8
expect_contains "$ERR" "forced-utf8.csv:2: invalid UTF-8"
# The first non-ASCII character decides for the whole file: a later byte
# that is not UTF-8, far beyond the first block read, is an error on its
# line, never a silent switch to Windows-1252 half-way.
{
  printf 'Afdeling;Naam;Mailbox;Rol(len)\nW;Jos\xc3\xa9 Jansen;jose.j@x.nl;\n'
  for i in $(seq 6000); do printf 'Afdeling nummer %s;;;\n' "$i"; done
  printf 'W;Caf\xe9 Baas;cafe@x.nl;\n'
} >mixed.csv
CHECKS=$((CHECKS + 1))
[ "$(stat -c %s mixed.csv)" -gt $((2 * 64 * 1024)) ] || fail "mixed.csv must span more than the first blocks read"
expect_refused 6 imictl import mixed.csv
expect_contains "$ERR" "mixed.csv:6003: invalid UTF-8"

# --- departments first, same mailbox in two rows, laws ---
printf 'Afdeling;Wetten en regels;Naam;Mailbox;Rol(len)\r\nMilieu;"Wet milieubeheer\nActiviteitenbesluit";;;\r\nVergunningen;Wabo;Rita Ros;rita@x.nl;Behandelaar\r\nMilieu;Wet milieubeheer;Rita Ros;RITA@x.nl;Toewijzer\r\n' >multi.csv
expect_ok imictl import multi.csv --default-service environmental-permits --json
expect_json 'j["created"]' '{"departments": 2, "users": 1}'
expect_sql "$IMICTL_DB" "SELECT laws FROM department WHERE name = 'Milieu'" "Wet milieubeheer
Activiteitenbesluit"
expect_sql "$IMICTL_DB" "SELECT count(*) FROM user_department m JOIN user u ON u.id = m.user_id WHERE email = 'rita@x.nl'" 2
expect_sql "$IMICTL_DB" "SELECT count(*) FROM user_role r JOIN user u ON u.id = r.user_id WHERE email = 'rita@x.nl'" 2
expect_sql "$IMICTL_DB" "SELECT keyword FROM user_service s JOIN user u ON u.id = s.user_id WHERE email = 'rita@x.nl'" "environmental-permits"
printf 'Afdeling;Naam;Mailbox;Rol(len)\nA;Rob Rood;rob@x.nl;\nB;Bob Rood;rob@x.nl;\n' >clash.csv
expect_refused 6 imictl import clash.csv
expect_contains "$ERR" "clash.csv:3: column 'Naam': 'Bob Rood' differs from 'Rob Rood' on line 2"

# --- a known mailbox in several rows: the union of its rows is compared ---
expect_ok imictl import multi.csv --json
expect_json 'j["unchanged"]["users"]' 1
expect_json 'j["written"]' False
printf 'Afdeling;Naam;Mailbox;Rol(len)\nVergunningen;Rita Ros;rita@x.nl;Behandelaar\n' >rita-one.csv
expect_ok imictl import rita-one.csv --json
expect_json 'j["rows"][1]["changes"]' '["roles", "departments"]'
expect_sql "$IMICTL_DB" "SELECT count(*) FROM user_department m JOIN user u ON u.id = m.user_id WHERE email = 'rita@x.nl'" 1
expect_ok imictl import multi.csv --json
expect_json 'j["updated"]["users"]' 1
expect_sql "$IMICTL_DB" "SELECT group_concat(role, ',') FROM (SELECT role FROM user_role r JOIN user u ON u.id = r.user_id WHERE email = 'rita@x.nl' ORDER BY role)" "allocator,handler"
printf 'Afdeling;Naam;Mailbox;Rol(len)\nMilieu;Rita Ros;rita@x.nl;\nMilieu;Rita Roos;rita@x.nl;\n' >rita-clash.csv
expect_refused 6 imictl import rita-clash.csv
expect_contains "$ERR" "rita-clash.csv:3: column 'Naam': 'Rita Roos' differs from 'Rita Ros' on line 2 for the same mailbox 'rita@x.nl'"

# --- a new mailbox whose later row makes it a handler gets services; the plan is in file order ---
printf 'Afdeling;Naam;Mailbox;Rol(len)\nMilieu;Tom Tak;tom@x.nl;Toewijzer\nMilieu;Rita Ros;rita@x.nl;Toewijzer\nVergunningen;Rita Ros;rita@x.nl;Behandelaar\nVergunningen;Tom Tak;tom@x.nl;Behandelaar\nMilieu;Uma Uil;uma@x.nl;\n' >order.csv
expect_ok imictl import order.csv --default-service construction --json --dry-run
expect_json '[r["line"] for r in j["rows"] if r["kind"] == "user"]' '[2, 3, 6]'
expect_json '[r["action"] for r in j["rows"] if r["kind"] == "user"]' '["create", "unchanged", "create"]'
expect_json 'j["rows"][2]["roles"]' '["handler", "allocator"]'
expect_ok imictl import order.csv --default-service construction
expect_sql "$IMICTL_DB" "SELECT keyword FROM user_service s JOIN user u ON u.id = s.user_id WHERE email = 'tom@x.nl'" "construction"
expect_sql "$IMICTL_DB" "SELECT count(*) FROM user_department m JOIN user u ON u.id = m.user_id WHERE email = 'tom@x.nl'" 2

# --- changed rows update ---
sed 's/Behandelaar$/Behandelaar \/ Toewijzer/; s/^Economische Zaken;;Bram Pauwels;/Economische Zaken;;Bram Pauwels (beleidsmedewerker);/' "$EX" | sed 's/Behandelaar\r$/Behandelaar \/ Toewijzer\r/' >changed.csv
expect_ok imictl import changed.csv --json
expect_json 'j["updated"]["users"]' 2
expect_sql "$IMICTL_DB" "SELECT function FROM user WHERE username = 'bpauwels'" "beleidsmedewerker"
expect_sql "$IMICTL_DB" "SELECT count(*) FROM user_role r JOIN user u ON u.id = r.user_id WHERE username = 'pdekort' AND role = 'allocator'" 1

# --- prune: needs --yes, never deletes a user with open requests ---
expect_refused 2 imictl import "$EX" --prune </dev/null
sql "$IMICTL_DB" "INSERT INTO request (reference, state, requesting_authority_id, subject, created_at) VALUES ('R-1', 'sent', 1, 's', '2024-01-01T00:00:00Z'); INSERT INTO request_assignee SELECT r.id, u.id FROM request r, user u WHERE u.email = 'rita@x.nl'"
expect_ok imictl import "$EX" --prune --yes
expect_contains "$ERR" "not deleting 'rros'"
expect_sql "$IMICTL_DB" "SELECT status FROM user WHERE email = 'rita@x.nl'" "pending"
expect_sql "$IMICTL_DB" "SELECT status FROM user WHERE email = 'kim@x.nl'" "deleted"
expect_sql "$IMICTL_DB" "SELECT status FROM user WHERE username = 'aadmin'" "pending"

# --- permission and authority ---
expect_denied import env IMICTL_USER=bpauwels "$IMICTL_BIN" import "$EX"
expect_audited "$IMICTL_DB" denied:import bpauwels
expect_refused 3 imictl import "$EX" --authority 99
expect_refused 3 imictl import no-such-file.csv
expect_refused 3 imictl import "$EX" --default-service nosuchkeyword

# --- bad files: binary, 2 GB, unclosed quote, invalid UTF-8, no header, empty ---
n=$(users)
head -c 3000 "$IMICTL_BIN" >binary.csv
expect_refused 6 imictl import binary.csv
expect_contains "$ERR" "binary data"
printf 'Afdeling;Naam;Mailbox;Rol(len)\r\nA;Jan Jaap;jj@x.nl;Toewijzer\r\n' >huge.csv
truncate -s 2G huge.csv
expect_refused 6 imictl import huge.csv
expect_contains "$ERR" "huge.csv:3: binary data (NUL byte)"
rm -f huge.csv
printf 'Afdeling;Naam;Mailbox;Rol(len)\nA;Jan Jaap;jj@x.nl;Toewijzer\nB;"Open quote;x@x.nl;\nC;Els;e@x.nl;\n' >open.csv
expect_refused 6 imictl import open.csv
expect_contains "$ERR" "open.csv:3: the file ends inside a quoted cell that starts on this line"
printf 'Afdeling;Naam;Mailbox;Rol(len)\nA;J\xc3\xa9 Jaap;jj@x.nl;Toewijzer\nB;K\xc3 Kok;kk@x.nl;\n' >badutf8.csv
expect_refused 6 imictl import badutf8.csv
expect_contains "$ERR" "badutf8.csv:3: invalid UTF-8"
printf 'just;some;text\n1;2;3\n' >noheader.csv
expect_refused 6 imictl import noheader.csv
expect_contains "$ERR" "noheader.csv:1: no header row found"
: >empty.csv
expect_refused 6 imictl import empty.csv
expect_contains "$ERR" "empty"
expect_eq "$(users)" "$n"

# --- the larger example, saved by LibreOffice ---
init_db "$TEST_DIR/large.db"
expect_ok imictl import "$IMICTL_SOURCE_DIR/examples/oeteldonk-large.csv" --default-service construction --json
expect_json 'j["created"]["departments"]' 10
expect_json 'j["created"]["users"] > 80' True
expect_ok imictl import "$IMICTL_SOURCE_DIR/examples/oeteldonk-large.csv"
expect_contains "$ERR" "nothing to change"

# --- a name that gives no username is a row error like any other ---
printf 'Afdeling;Naam;Mailbox;Rol(len)\nA;李 王;li@x.nl;\nB;Ok Naam;ok@x.nl;Toewijzr\n' >latin.csv
expect_refused 6 imictl import latin.csv
expect_contains "$ERR" "latin.csv:2: column 'Naam': cannot make a username"
expect_contains "$ERR" "latin.csv:3: column 'Rol(len)': unknown role 'Toewijzr'"

# --- progress bar: on a terminal for a large file, never when stderr is not one ---
python3 - >big.csv <<'PY'
import sys
w = sys.stdout.write
w("Afdeling;Wetten en regels van toepassing;Voor en achternaam (funct.);Mailbox;Rol(len)\r\n")
for i in range(70000):
    w(f"Afdeling {i % 50};;Medewerker{i} Achternaam;m{i}@oeteldonk.nl;Basisgebruiker\r\n")
PY
CHECKS=$((CHECKS + 1))
[ "$(stat -c %s big.csv)" -gt $((4 * 1024 * 1024)) ] || fail "big.csv is not large enough to show progress"
expect_ok imictl import big.csv --dry-run
expect_not_contains "$ERR" "%"
# script(1) gives the command a terminal; its output file records what the terminal showed.
CHECKS=$((CHECKS + 1))
script -q -e -c "$IMICTL_BIN import big.csv --dry-run" tty.log >/dev/null </dev/null || fail "import on a terminal failed"
expect_contains "$(cat tty.log)" "reading ["
expect_contains "$(cat tty.log)" "100%"

# --- never without a local data administrator ---
# The file makes the only lda (the acting user) a handler only: refused,
# nothing written, the lda kept.
init_db "$TEST_DIR/lda.db"
printf 'Afdeling;Naam;Mailbox;Rol(len)\nBeheer;Anna Admin;a.admin@oeteldonk.nl;Behandelaar\n' >demote.csv
# Where the import refuses to demote its own actor unless told to, tell it,
# so that the last-lda rule itself is what must refuse.
allow=()
if "$IMICTL_BIN" import --help | grep -q -- --allow-self-demotion; then allow=(--allow-self-demotion); fi
expect_refused 6 imictl import demote.csv --default-service construction "${allow[@]}"
expect_contains "$ERR" "without a local data administrator"
expect_refused 6 imictl import demote.csv --default-service construction --dry-run "${allow[@]}"
expect_sql "$IMICTL_DB" "SELECT group_concat(role) FROM (SELECT role FROM user_role r JOIN user u ON u.id = r.user_id
  WHERE u.username = 'aadmin' ORDER BY role)" "handler,lda"
# With a second lda in the file the same demotion goes through.
printf 'Beheer;Lea Lid;lea@oeteldonk.nl;Lokale gegevensbeheerder\n' >>demote.csv
expect_ok imictl import demote.csv --default-service construction "${allow[@]}"
expect_sql "$IMICTL_DB" "SELECT group_concat(u.username) FROM user u JOIN user_role r ON r.user_id = u.id
  WHERE r.role = 'lda'" "llid"
