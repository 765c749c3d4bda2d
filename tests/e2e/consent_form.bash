# imictl request consent-form (guide B2, "instemmingsverklaring van de
# betrokkene"): the provider's consent declaration filled in from the
# request, in nl or en, read by python-docx and LibreOffice; only for actors
# who see the personal data; written through the safe writer; audited.
source "$IMICTL_SOURCE_DIR/tests/e2e/request_lib.sh"
source "$IMICTL_SOURCE_DIR/tests/e2e/archive_lib.sh"
require_docx_readers
setup_request_world
imictl authority edit --address "Qraadhuisplein 1, Oeteldonk" >/dev/null || fail "address"

PROVIDER="Qprovider-Pietersen & Zn <BV>"
SUBJECT="Qsubject-vergunning loodgieter"
REF=$(as hhendriks imictl request create --to "$BE" --subject "$SUBJECT" --motivation "Klacht" \
  --question-set services-general --provider-name "$PROVIDER" --provider-address "Qdijk 3, Zeeland" \
  --provider-registration "KVK-Q999" --language nl) || fail "create"
MARKERS=("$PROVIDER" "Qsubject" "Qdijk 3" "KVK-Q999")
FORM=$TEST_DIR/toestemming.docx

# --- refusals: no file, the database unchanged but for the denial -----------
expect_denied request.consent-form as bbasis imictl request consent-form "$REF" -o "$FORM"
expect_denied request.consent-form as uweber imictl request consent-form "$REF" -o "$FORM"
expect_denied request.consent-form as bpeeters imictl request consent-form "$REF" -o "$FORM" # a draft is not theirs
CHECKS=$((CHECKS + 1))
[ ! -e "$FORM" ] || fail "a refused consent form was written"
expect_rc 2 as hhendriks imictl request consent-form "$REF" -o "$FORM" --language fr
expect_rc 2 as hhendriks imictl request consent-form "$REF"
ln -s "$TEST_DIR/elsewhere.docx" "$TEST_DIR/link.docx"
expect_refused 6 as hhendriks imictl request consent-form "$REF" -o "$TEST_DIR/link.docx"
CHECKS=$((CHECKS + 1))
[ ! -e "$TEST_DIR/elsewhere.docx" ] || fail "the consent form followed a link"

# --- in the request's language (nl) ------------------------------------------
expect_ok as hhendriks imictl request consent-form "$REF" -o "$FORM" --json
expect_json 'j["language"]' "nl"
expect_json 'j["sha256"]' "$(sha256sum "$FORM" | cut -d' ' -f1)"
expect_eq "$(stat -c %a "$FORM")" 600
expect_audited "$DB" request.consent-form hhendriks
AUDIT=$(sql "$DB" "SELECT group_concat(summary, ' ') FROM audit")
for m in "${MARKERS[@]}"; do expect_not_contains "$AUDIT" "$m"; done
for reader in docx_text_python docx_text_libreoffice; do
  TEXT=$($reader "$FORM")
  for e in "Instemmingsverklaring van de betrokkene" "$PROVIDER" "Qdijk 3, Zeeland" "KVK-Q999" "$REF" "$SUBJECT" \
    "Gemeente Oeteldonk" "Qraadhuisplein 1, Oeteldonk" "Stad Antwerpen" "2026-03-02" "Handtekening"; do
    expect_contains "$TEXT" "$e"
  done
done

# --- in English, to standard output ------------------------------------------
as hhendriks imictl request consent-form "$REF" -o - --language en >"$TEST_DIR/en.docx" || fail "to stdout"
expect_eq "$(head -c 2 "$TEST_DIR/en.docx")" "PK"
TEXT=$(docx_text_python "$TEST_DIR/en.docx")
expect_contains "$TEXT" "Declaration of consent of the data subject"
expect_contains "$TEXT" "I, the undersigned, $PROVIDER, consent to Gemeente Oeteldonk"
expect_contains "$TEXT" "Signature"
expect_not_contains "$TEXT" "Instemmingsverklaring"
expect_audited "$DB" request.consent-form hhendriks

# A responder who may handle it sees it in full once it is sent.
expect_ok as hhendriks imictl request send "$REF"
expect_ok as bpeeters imictl request consent-form "$REF" -o "$TEST_DIR/responder.docx"
expect_contains "$(docx_text_python "$TEST_DIR/responder.docx")" "$PROVIDER"
finish_suite
