# imictl export result-table: Excel's format by default, and export -> import
# is a no-op round trip.
EX=$IMICTL_SOURCE_DIR/examples/oeteldonk.csv
init_db
imictl import "$EX" --default-service construction >/dev/null || fail "import failed"
printf 'Afdeling;Wetten en regels;Naam;Mailbox;Rol(len)\nMilieu;"Wet milieubeheer\n-Activiteitenbesluit";Bram Pauwels (beleidsmedewerker);b.pauwels@oeteldonk.nl;Behandelaar\nLeeg;Wet op niets;;;\nZorg, Welzijn;;Zoë van der Heijden;zoe@oeteldonk.nl;Toewijzer en LGB\n' >more.csv
imictl import more.csv >/dev/null || fail "second import failed"

expect_ok imictl export result-table table.csv
expect_contains "$ERR" "wrote table.csv"
expect_eq "$(head -c 3 table.csv | od -An -tx1 | tr -d ' ')" "efbbbf"
expect_contains "$(head -1 table.csv | od -c)" '\r  \n'
expect_contains "$(cat table.csv)" 'Afdeling;Wetten en regels van toepassing;Voor en achternaam (funct.);Mailbox;Rol(len)'
expect_contains "$(cat table.csv)" ';;Anna Admin;a.admin@oeteldonk.nl;Behandelaar / Lokale gegevensbeheerder'
expect_contains "$(cat table.csv)" 'Bouw en Woningtoezicht;;Pieter de Kort;p.dekort@oeteldonk.nl;Behandelaar'
expect_contains "$(cat table.csv)" 'Milieu;"Wet milieubeheer'
expect_contains "$(cat table.csv)" '-Activiteitenbesluit";Bram Pauwels (beleidsmedewerker);b.pauwels@oeteldonk.nl;Behandelaar'
# The file is authoritative for the users it lists: Bram moved departments.
expect_contains "$(cat table.csv)" 'Economische Zaken;;;;'
expect_contains "$(cat table.csv)" 'Leeg;Wet op niets;;;'
expect_contains "$(cat table.csv)" 'Zorg, Welzijn;;Zoë van der Heijden;zoe@oeteldonk.nl;Lokale gegevensbeheerder / Toewijzer'

# The round trip changes nothing, in every format: no data, no import entry.
before=$(db_digest "$IMICTL_DB" audit)
imports=$(sql "$IMICTL_DB" "SELECT count(*) FROM audit WHERE action = 'import'")
expect_ok imictl import table.csv --json
expect_json 'j["written"]' False
expect_json '[j["created"], j["updated"]]' '[{"departments": 0, "users": 0}, {"departments": 0, "users": 0}]'
expect_json 'j["unchanged"]' '{"departments": 7, "users": 6}'
for opts in "--delimiter , --encoding windows-1252" "--delimiter tab --no-bom" "--encoding utf-16le"; do
  # shellcheck disable=SC2086
  expect_ok imictl export result-table $opts other.csv
  expect_ok imictl import other.csv --json
  expect_json '[j["unchanged"]["users"], j["updated"]["users"], j["created"]["users"]]' "[6, 0, 0]"
done
expect_unchanged "$IMICTL_DB" "$before" audit
expect_sql "$IMICTL_DB" "SELECT count(*) FROM audit WHERE action = 'import'" "$imports"
expect_eq "$(head -c 2 other.csv | od -An -tx1 | tr -d ' ')" "fffe"

# Standard output, and a character Windows-1252 cannot hold.
expect_ok imictl export result-table
expect_contains "$OUT" "Pieter de Kort"
printf 'Afdeling;Naam;Mailbox;Rol(len)\nNeutraal;=Formule;formule@oeteldonk.nl;\n' >formula.csv
expect_ok imictl import formula.csv
expect_ok imictl export result-table
expect_contains "$OUT" "Neutraal;;'=Formule;formule@oeteldonk.nl;"
imictl export result-table >formula-out.csv
expect_ok imictl import formula-out.csv --json
expect_json 'j["unchanged"]["users"]' 7
sql "$IMICTL_DB" "UPDATE user SET first_name = 'Łukasz' WHERE username = 'pdekort'"
expect_refused 6 imictl export result-table --encoding windows-1252 w.csv
expect_contains "$ERR" "windows-1252 cannot hold"
[ ! -e w.csv ] && [ ! -e w.csv.tmp ] || fail "a failed export left a file behind"
expect_rc 2 imictl export result-table --delimiter '|'
expect_rc 2 imictl export result-table --encoding ebcdic
