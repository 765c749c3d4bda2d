# A table saved by a real LibreOffice Calc with the Dutch CSV filter settings
# (';' separator, '"' quotes, UTF-8, line 1 first) imports as written.
require_commands soffice
init_db

cell() { printf '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' "$1"; }
# A cell whose text wraps over lines, as Alt+Enter makes it in Calc.
cell2() { printf '<table:table-cell office:value-type="string"><text:p>%s</text:p><text:p>%s</text:p></table:table-cell>' "$1" "$2"; }
empty() { printf '<table:table-cell/>'; }
row() { printf '<table:table-row>%s</table:table-row>\n' "$*"; }
{
  cat <<'HEAD'
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="Resultatentabel">
HEAD
  row "$(cell Afdeling)$(cell2 'Wetten en regels van' toepassing)$(cell 'Voor- en achternaam (functie)')$(cell Mailbox)$(cell 'Rol(len)')"
  row "$(cell 'Economische Zaken')$(cell2 'Dienstenwet' 'Winkeltijdenwet')$(cell 'Bram Pauwels (beleidsmedewerker)')$(cell b.pauwels@oeteldonk.nl)$(cell Behandelaar)"
  row "$(cell2 'Bouw en' 'Woningtoezicht')$(cell 'Woningwet; Bouwbesluit')$(cell 'Pieter de Kort')$(cell p.dekort@oeteldonk.nl)$(cell 'Behandelaar')"
  row "$(cell Energie)$(empty)$(cell Energiemarkt)$(cell energie@oeteldonk.nl)$(cell2 'Behandelaar /' 'Toewijzer')"
  row "$(cell Publieksbalie)$(empty)$(cell Publieksbalie)$(cell publieksbalie@oeteldonk.nl)$(cell Toewijzer)"
  row "$(cell 'Zorg &amp; Welzijn')$(cell 'Wet maatschappelijke ondersteuning')$(cell 'Zoë van der Heijden')$(cell z.vanderheijden@oeteldonk.nl)$(cell 'Lokale gegevensbeheerder en Behandelaar')"
  row "$(cell 'Toerisme')$(cell '&quot;Verordening&quot; toeristenbelasting')$(empty)$(empty)$(empty)"
  echo '</table:table></office:spreadsheet></office:body></office:document>'
} >tabel.fods

run soffice -env:UserInstallation="file://$TEST_DIR/lo-profile" --headless \
  --convert-to 'csv:Text - txt - csv (StarCalc):59,34,76,1' --outdir "$TEST_DIR/out" tabel.fods
CSV=$TEST_DIR/out/tabel.csv
[ -s "$CSV" ] || fail "LibreOffice made no CSV: $ERR"
expect_contains "$(cat "$CSV")" '"Bouw en'
expect_contains "$(cat "$CSV")" '"Zorg & Welzijn";'

expect_ok imictl import "$CSV" --default-service construction --json
expect_json 'j["created"]' '{"departments": 6, "users": 5}'
expect_json '[r["line"] for r in j["rows"] if r["kind"]=="user"]' '[3, 5, 7, 9, 10]'
expect_sql "$IMICTL_DB" "SELECT laws FROM department WHERE name = 'Economische Zaken'" "Dienstenwet
Winkeltijdenwet"
expect_sql "$IMICTL_DB" "SELECT laws FROM department WHERE name = 'Toerisme'" '"Verordening" toeristenbelasting'
expect_sql "$IMICTL_DB" "SELECT username || ' ' || last_name FROM user WHERE email = 'z.vanderheijden@oeteldonk.nl'" "zvanderheijden van der Heijden"
expect_sql "$IMICTL_DB" "SELECT count(*) FROM department WHERE name = 'Bouw en Woningtoezicht'" 1
expect_sql "$IMICTL_DB" "SELECT function FROM user WHERE username = 'bpauwels'" "beleidsmedewerker"
expect_ok imictl import "$CSV"
expect_contains "$ERR" "nothing to change"

# The same sheet saved as Windows-1252 with commas (charset 1252 = 1) imports the same.
run soffice -env:UserInstallation="file://$TEST_DIR/lo-profile" --headless \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,1,1' --outdir "$TEST_DIR/out1252" tabel.fods
expect_contains "$(od -c "$TEST_DIR/out1252/tabel.csv")" '353'
expect_ok imictl import "$TEST_DIR/out1252/tabel.csv" --json
expect_json 'j["unchanged"]' '{"departments": 6, "users": 5}'
