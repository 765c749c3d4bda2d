# imictl archive (guide H5 stap 3.5, SPEC §4 "Archive"): per request a .docx
# report two independent readers open and whose text matches the database,
# a JSON equal to `request show --json`, the attachments and SHA256SUMS; only
# actors with the full view, blocked requests only for an LDA with a reason;
# nothing outside DIR, nothing replaced without --force.
source "$IMICTL_SOURCE_DIR/tests/e2e/request_lib.sh"
source "$IMICTL_SOURCE_DIR/tests/e2e/archive_lib.sh"
require_docx_readers
setup_request_world

# --- a closed request with a marker in everything personal ------------------
SUBJECT='Qsubject-Zeeland <Loodgieter> & "Zn"'
PROVIDER="Qprovider-Janssen BV"
ADDRESS="Qstraat 7, Oeteldonk"
REGISTRATION="KVK-Q777"
MOTIVATION="Qmotivation klacht over de vergunning"
ANSWER1="Qanswer-vergund sinds 2019"
ANSWER2="Qanswer-aanvulling"
MARKERS=("Qsubject-Zeeland" "$PROVIDER" "$ADDRESS" "$REGISTRATION" "Qmotivation" "$ANSWER1" "$ANSWER2"
  "Qattachment-content")
printf 'Qattachment-content een\n' >"$TEST_DIR/brief.txt"
printf 'Qattachment-content twee\n' >"$TEST_DIR/escape.txt"
printf 'Qattachment-content drie\n' >"$TEST_DIR/hidden.txt"
printf 'Qattachment-content vier\n' >"$TEST_DIR/newline.txt"
REF=$(as hhendriks imictl request create --to "$BE" --subject "$SUBJECT" --motivation "$MOTIVATION" \
  --question-set services-general --question 1 --question 3 --provider-name "$PROVIDER" \
  --provider-address "$ADDRESS" --provider-registration "$REGISTRATION") || fail "create"
for f in brief escape hidden newline; do
  expect_ok as hhendriks imictl request attach "$REF" "$TEST_DIR/$f.txt"
done
# Names as a careless import or an edited database might hold them.
ID=$(sql "$DB" "SELECT id FROM request WHERE reference = '$REF'")
sql "$DB" "UPDATE request_attachment SET name = '../../escape' WHERE request_id = $ID AND name = 'escape.txt';
           UPDATE request_attachment SET name = '.hidden' WHERE request_id = $ID AND name = 'hidden.txt';
           UPDATE request_attachment SET name = 'new' || char(10) || 'line.txt'
             WHERE request_id = $ID AND name = 'newline.txt'"
expect_ok as hhendriks imictl request send "$REF"
expect_ok as bpeeters imictl request accept "$REF"
expect_ok as bpeeters imictl request answer "$REF" --question 1 --text "$ANSWER1"
expect_ok as bpeeters imictl request answer "$REF" --question 2 --standard data-protection --text "$ANSWER2"
expect_ok as bpeeters imictl request reply "$REF"
expect_ok as hhendriks imictl request close "$REF"
expect_ok imictl request standard-answers --json
STANDARD=$(json '[a["en"] for a in j if a["code"] == "data-protection"][0]')
expect_contains "$STANDARD" " "

ARCH=$TEST_DIR/archief
no_archive() { # nothing written, not even the folder
  CHECKS=$((CHECKS + 1))
  [ ! -e "$ARCH" ] || fail "$ARCH was created: $(ls -la "$ARCH")"
}

# --- refusals: nothing written, the database unchanged but for the denial ---
expect_denied request.archive as bbasis imictl archive "$REF" --out "$ARCH"   # no personal data in view
expect_contains "$ERR" "may not archive request $REF"
no_archive
expect_denied request.archive as ttoewijzer imictl archive "$REF" --out "$ARCH"
no_archive
expect_denied request.archive as uweber imictl archive "$REF" --out "$ARCH"   # another authority: not visible
no_archive
expect_rc 3 as hhendriks imictl archive NL-2026-999999 --out "$ARCH"
no_archive
expect_refused 3 as hhendriks imictl archive "$REF" --out "$TEST_DIR/no/such/archief"
expect_rc 2 as hhendriks imictl archive --out "$ARCH"
expect_rc 2 as hhendriks imictl archive "$REF" --all-closed --out "$ARCH"
expect_rc 2 as hhendriks imictl archive "$REF"
expect_rc 2 as hhendriks imictl archive "$REF" --out "$ARCH" --reveal-blocked
no_archive
expect_refused 0 as hhendriks imictl archive "$REF" --out "$ARCH" --dry-run --json
expect_json '[(r["reference"], r["status"], len(r["files"])) for r in j]' "[[\"$REF\", \"would-archive\", 6]]"
no_archive

# --- archive -----------------------------------------------------------------
expect_ok as hhendriks imictl archive "$REF" --out "$ARCH"
expect_contains "$OUT" "$REF"
expect_contains "$OUT" "1 request archived"
expect_audited "$DB" request.archive hhendriks
expect_eq "$(stat -c %a "$ARCH")" 700
expect_eq "$(stat -c %a "$ARCH/$REF.docx")" 600
expect_eq "$(cd "$ARCH" && sha256sum -c SHA256SUMS 2>&1 | grep -vc ': OK$')" 0
expect_eq "$(wc -l <"$ARCH/SHA256SUMS")" 6
# The attachments stay inside DIR/REF under safe names; nothing hidden, nothing else.
expect_eq "$(cd "$ARCH" && find . -type f | LC_ALL=C sort | tr '\n' ' ')" \
  "./$REF.docx ./$REF.json ./$REF/brief.txt ./$REF/escape ./$REF/hidden ./$REF/newline.txt ./SHA256SUMS "
expect_eq "$(find "$TEST_DIR" -name 'escape*' -not -path "$ARCH/$REF/*" | tr '\n' ' ')" "$TEST_DIR/escape.txt "
expect_eq "$(cmp "$ARCH/$REF/escape" "$TEST_DIR/escape.txt" && echo same)" same
expect_eq "$(cmp "$ARCH/$REF/newline.txt" "$TEST_DIR/newline.txt" && echo same)" same
DOCX_SHA=$(sha256sum "$ARCH/$REF.docx" | cut -d' ' -f1)
expect_sql "$DB" "SELECT archived_at, archive_sha256, archive_path FROM request WHERE id = $ID" \
  "2026-03-02T09:00:00Z|$DOCX_SHA|$(realpath "$ARCH")/$REF.docx"
# The audit log outlives the request's content: path and checksum, nothing of the request.
expect_sql "$DB" "SELECT summary FROM audit WHERE action = 'request.archive'" \
  "archived to $(realpath "$ARCH")/$REF.docx, sha256 $DOCX_SHA"
AUDIT=$(sql "$DB" "SELECT group_concat(summary, ' ') FROM audit")
for m in "${MARKERS[@]}"; do expect_not_contains "$AUDIT" "$m"; done

# The JSON is what show prints.
expect_ok as hhendriks imictl request show "$REF" --json
CHECKS=$((CHECKS + 1))
/usr/bin/python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); b=json.loads(sys.stdin.read()); sys.exit(a != b)' \
  "$ARCH/$REF.json" <<<"$OUT" || fail "$REF.json differs from request show --json"
expect_json 'j["personal_data"]["provider_name"]' "$PROVIDER"
expect_json 'j["archived_at"]' "2026-03-02T09:00:00Z"

# --- the report, as python-docx and LibreOffice read it ----------------------
expected_texts() {
  printf '%s\n' "$REF" "$SUBJECT" "$PROVIDER" "$ADDRESS" "$REGISTRATION" "$MOTIVATION" "$ANSWER1" "$ANSWER2" \
    "$STANDARD" "Stad Antwerpen" "Gemeente Oeteldonk"
  sql "$DB" "SELECT text FROM request_question WHERE request_id = $ID"
  sql "$DB" "SELECT DISTINCT action FROM request_history WHERE request_id = $ID"
  sql "$DB" "SELECT sha256 FROM request_attachment WHERE request_id = $ID"
}
mapfile -t EXPECTED < <(expected_texts)
for reader in docx_text_python docx_text_libreoffice; do
  TEXT=$($reader "$ARCH/$REF.docx")
  for e in "${EXPECTED[@]}"; do expect_contains "$TEXT" "$e"; done
  expect_contains "$TEXT" "Volledig rapport met persoonlijke gegevens" # the actor's authority is Dutch
done
TEXT=$(docx_text_python "$ARCH/$REF.docx")
expect_contains "$TEXT" "STYLE:Heading 1"
expect_contains "$TEXT" "STYLE:Title"
HIST=$(sql "$DB" "SELECT count(*) FROM request_history WHERE request_id = $ID")
CHECKS=$((CHECKS + 1))
/usr/bin/python3 - "$ARCH/$REF.docx" "$HIST" <<'PY' || fail "the report's tables are not as expected"
import sys, docx
d = docx.Document(sys.argv[1])
tables = d.tables
# request fields, provider, questions (header + 2), history (header + n), attachments (header + 4)
assert len(tables) == 5, len(tables)
assert [len(t.rows) for t in tables[2:]] == [3, int(sys.argv[2]) + 1, 5], [len(t.rows) for t in tables]
assert tables[4].rows[0].cells[3].text == "SHA-256"
PY

# The responder's authority works in English: so does its report.
expect_ok as bpeeters imictl archive "$REF" --out "$TEST_DIR/antwerpen"
TEXT=$(docx_text_python "$TEST_DIR/antwerpen/$REF.docx")
for e in "Full report with personal data: $REF" "Service provider (personal data)" "$PROVIDER" "$STANDARD"; do
  expect_contains "$TEXT" "$e"
done
expect_audited "$DB" request.archive bpeeters

# --- an existing file: 5, nothing written; --force replaces ------------------
BEFORE=$(sha256sum "$ARCH/$REF.docx" "$ARCH/SHA256SUMS")
expect_refused 5 as hhendriks imictl archive "$REF" --out "$ARCH"
expect_contains "$ERR" "$ARCH/$REF.docx exists"
expect_eq "$(sha256sum "$ARCH/$REF.docx" "$ARCH/SHA256SUMS")" "$BEFORE"
IMICTL_NOW=2026-03-05T10:00:00Z expect_ok as hhendriks imictl archive "$REF" --out "$ARCH" --force --json
expect_json '[(r["reference"], r["status"]) for r in j]' "[[\"$REF\", \"archived\"]]"
DOCX_SHA=$(sha256sum "$ARCH/$REF.docx" | cut -d' ' -f1)
expect_json 'j[0]["sha256"]' "$DOCX_SHA"
expect_sql "$DB" "SELECT archived_at, archive_sha256 FROM request WHERE id = $ID" "2026-03-05T10:00:00Z|$DOCX_SHA"
expect_eq "$(cd "$ARCH" && sha256sum -c SHA256SUMS 2>&1 | grep -vc ': OK$')" 0
expect_eq "$(wc -l <"$ARCH/SHA256SUMS")" 6

# --- blocked: only an LDA of an involved authority, with a reason -----------
REFB=$(request_in_state closed)
sql "$DB" "UPDATE request SET blocked = 1 WHERE reference = '$REFB'"
ARCHB=$TEST_DIR/blocked
expect_denied request.archive as hhendriks imictl archive "$REFB" --out "$ARCHB"
expect_denied request.archive as aadmin imictl archive "$REFB" --out "$ARCHB"
expect_denied request.archive as hhendriks imictl archive "$REFB" --out "$ARCHB" --reveal-blocked --reason "Klacht"
expect_denied request.archive as ddorn imictl archive "$REFB" --out "$ARCHB" --reveal-blocked --reason "Klacht"
expect_refused 6 as aadmin imictl archive "$REFB" --out "$ARCHB" --reveal-blocked --reason " "
CHECKS=$((CHECKS + 1))
[ ! -e "$ARCHB" ] || fail "$ARCHB written by a refused archive"
expect_ok as aadmin imictl archive "$REFB" --out "$ARCHB" --reveal-blocked --reason "Bezwaarprocedure"
expect_audited "$DB" request.archive aadmin
expect_sql "$DB" "SELECT summary FROM audit WHERE action = 'request.reveal' ORDER BY id DESC LIMIT 1" \
  "blocked request archived: Bezwaarprocedure"
expect_in_files "Qprovider BV" "$ARCHB/$REFB.json"
# One more blocked request, not archived yet, for the bulk runs below.
REFB2=$(request_in_state closed)
sql "$DB" "UPDATE request SET blocked = 1 WHERE reference = '$REFB2'"

# --- DIR/REF a link to elsewhere: refused, nothing written there or here -----
REF2=$(new_request --fictitious)
printf 'Qattachment-content vijf\n' >"$TEST_DIR/bijlage.txt"
expect_ok as hhendriks imictl request attach "$REF2" "$TEST_DIR/bijlage.txt"
mkdir "$TEST_DIR/elsewhere"
ln -s "$TEST_DIR/elsewhere" "$ARCH/$REF2"
expect_refused 6 as hhendriks imictl archive "$REF2" --out "$ARCH"
expect_contains "$ERR" "symbolic link"
expect_eq "$(ls -A "$TEST_DIR/elsewhere")" ""
CHECKS=$((CHECKS + 1))
[ ! -e "$ARCH/$REF2.docx" ] || fail "$REF2.docx written next to a linked folder"
# Nor when another request of the batch is fine: the batch is checked first.
REF3=$(request_in_state closed)
expect_refused 6 as hhendriks imictl archive "$REF3" "$REF2" --out "$ARCH"
CHECKS=$((CHECKS + 1))
[ ! -e "$ARCH/$REF3.docx" ] || fail "$REF3.docx written in a refused batch"
rm "$ARCH/$REF2"
# A reference that is not one is never used as a file name.
ID2=$(sql "$DB" "SELECT id FROM request WHERE reference = '$REF2'")
sql "$DB" "UPDATE request SET reference = '../$REF2' WHERE id = $ID2"
expect_refused 6 as hhendriks imictl archive "$ID2" --out "$ARCH"
sql "$DB" "UPDATE request SET reference = '$REF2' WHERE id = $ID2"
CHECKS=$((CHECKS + 1))
[ -z "$(find "$TEST_DIR" -maxdepth 1 -name "$REF2*")" ] || fail "a file escaped DIR"

# --- in bulk: closed and refused requests, others reported, not failed ------
REFR=$(request_in_state refused)
ARCH2=$TEST_DIR/bulk
expect_ok as hhendriks imictl archive --closed-before 2026-03-01 --out "$ARCH2" --json
expect_json 'j' "[]"
expect_ok as bbasis imictl archive --all-closed --out "$ARCH2" --json
expect_json '[r["status"] for r in j]' '["skipped", "skipped", "skipped"]'
CHECKS=$((CHECKS + 1))
[ ! -e "$ARCH2" ] || fail "a bulk archive that archived nothing created $ARCH2"
expect_ok as hhendriks imictl archive --all-closed --out "$ARCH2" --json
# Not yet archived, closed or refused: REF3 and REFR; the blocked one is reported.
expect_json 'sorted(r["reference"] for r in j if r["status"] == "archived")' "$(printf '["%s", "%s"]' \
  "$(printf '%s\n' "$REF3" "$REFR" | sort | head -1)" "$(printf '%s\n' "$REF3" "$REFR" | sort | tail -1)")"
expect_json '[r["reference"] for r in j if r["status"] == "skipped"]' "[\"$REFB2\"]"
expect_json '[r["reason"] for r in j if r["status"] == "skipped"][0].startswith("blocked")' "True"
expect_eq "$(cd "$ARCH2" && sha256sum -c SHA256SUMS 2>&1 | grep -vc ': OK$')" 0
CHECKS=$((CHECKS + 1))
{ [ -f "$ARCH2/$REFR.docx" ] && [ -f "$ARCH2/$REFR.json" ]; } || fail "the refused request was not archived"
expect_ok as hhendriks imictl archive --all-closed --out "$ARCH2" --json
expect_json '[r["status"] for r in j]' '["skipped"]'
expect_ok as hhendriks imictl archive --closed-before 2026-03-03 --out "$ARCH2" --force --json
expect_json '[len([r for r in j if r["status"] == s]) for s in ("archived", "skipped")]' "[3, 2]"
expect_rc 6 as hhendriks imictl archive --closed-before yesterday --out "$ARCH2"
expect_denied request.view as "" imictl archive --all-closed --out "$ARCH2" # nobody named
finish_suite
