# SPEC §4 "Visibility", every rule for every kind of actor, through show and
# list: the full request, the request without personal data (personal_data
# null, answers and attachment details null, attachments by name only), or
# a refusal (4; 3 for an unknown name) whose output carries none of it.
source "$IMICTL_SOURCE_DIR/tests/e2e/request_lib.sh"
setup_request_world
# The personal data looked for: provider fields, an answer, the attachment's bytes.
printf 'Qsecret-attachment-content\n' >"$TEST_DIR/consent.txt"
REF=$(new_request --provider-address "Qstraat 1")
expect_ok as hhendriks imictl request attach "$REF" "$TEST_DIR/consent.txt"
expect_ok as hhendriks imictl request send "$REF"
expect_ok as bpeeters imictl request accept "$REF"
expect_ok as bpeeters imictl request answer "$REF" --question 1 --text "Qanswer vergund"
SECRETS=("Qprovider BV" "KVK-Q123" "Qstraat 1" "Qanswer vergund" "Qsecret-attachment-content")
SHA=$(sha256sum "$TEST_DIR/consent.txt" | cut -d' ' -f1)
imictl user lock ttoewijzer >/dev/null || fail "lock"

no_secrets() {
  local s
  for s in "${SECRETS[@]}" "$SHA"; do expect_not_contains "$OUT$ERR" "$s"; done
}

sees_full() { # USER
  expect_ok as "$1" imictl request show "$REF" --json
  expect_json 'j["view"]' "full"
  expect_json 'j["personal_data"]["provider_name"]' "Qprovider BV"
  expect_json 'j["questions"][0]["answer"]' "Qanswer vergund"
  expect_json '[(a["name"], a["sha256"]) for a in j["attachments"]]' "[[\"consent.txt\", \"$SHA\"]]"
  expect_not_contains "$OUT" "Qsecret-attachment-content"
  expect_ok as "$1" imictl request list --json
  expect_json "[r['personal_data']['provider_name'] for r in j if r['reference'] == '$REF']" '["Qprovider BV"]'
}

sees_without_personal_data() { # USER
  expect_ok as "$1" imictl request show "$REF" --json
  expect_json 'j["view"]' "without_personal_data"
  expect_json 'j["personal_data"]' "None"
  expect_json '[q["answer"] for q in j["questions"]]' "[null, null]"
  expect_json 'j["attachments"]' '[{"name": "consent.txt", "size": null, "sha256": null}]'
  expect_json 'j["subject"]' "Loodgietersbedrijf Qprovider"
  no_secrets
  expect_ok as "$1" imictl request show "$REF"
  no_secrets
  expect_ok as "$1" imictl request list --json
  expect_json "[r['personal_data'] for r in j if r['reference'] == '$REF']" "[null]"
  no_secrets
  expect_ok as "$1" imictl request list --format csv
  no_secrets
}

refused() { # CODE USER
  local denied
  denied=$(sql "$DB" "SELECT count(*) FROM audit WHERE action LIKE 'denied:%'")
  expect_rc "$1" as "$2" imictl request show "$REF" --json
  no_secrets
  expect_not_contains "$OUT" "Loodgietersbedrijf"
  expect_sql "$DB" "SELECT count(*) > $denied FROM audit WHERE action LIKE 'denied:%'" "1"
  # Who can act lists without it; who cannot is refused the list too.
  if [ "$1" = 4 ] && [ -n "$2" ] && [ "$2" != ttoewijzer ]; then
    expect_ok as "$2" imictl request list --json
  else
    expect_rc "$1" as "$2" imictl request list --json
  fi
  expect_not_contains "$OUT" "$REF"
}

# --- allocation off ----------------------------------------------------------
# Handlers of the requesting authority, and all handlers of the responder.
for u in hhendriks aadmin bpeeters ggoossens; do sees_full "$u"; done
# Allocators, LDAs and basic users of both authorities.
for u in bbasis lleysen tmaes bwouters; do sees_without_personal_data "$u"; done
# The coordinator of the responder's country, when the responder does not allow it; everyone else.
for u in kjacobs cclaes uweber ddorn; do refused 4 "$u"; done
refused 4 ttoewijzer # locked
refused 3 nosuchuser
refused 4 ""         # nobody named
# The coordinator may view details, never personal data, once the responder allows it.
expect_ok as lleysen imictl authority settings "$BE" --coordinator-can-view on
for u in kjacobs cclaes; do sees_without_personal_data "$u"; done
for u in uweber ddorn; do refused 4 "$u"; done

# --- allocation on: only the assigned handler of the responder sees it all ----
expect_ok as lleysen imictl authority settings "$BE" --allocation on
sees_without_personal_data bpeeters
sees_without_personal_data ggoossens
expect_ok as tmaes imictl assign "$REF" bpeeters
sees_full bpeeters
sees_without_personal_data ggoossens
expect_ok as tmaes imictl assign "$REF" ggoossens --reassign
sees_full ggoossens
sees_without_personal_data bpeeters
# The requesting side is untouched by the responder's allocation.
sees_full hhendriks

# --- a draft is the requesting authority's alone --------------------------------
DRAFT=$(new_request)
expect_ok as hhendriks imictl request show "$DRAFT" --json
expect_json 'j["view"]' "full"
for u in bpeeters ggoossens lleysen tmaes kjacobs uweber; do expect_rc 4 as "$u" imictl request show "$DRAFT"; done
expect_ok as bpeeters imictl request list --json
expect_not_contains "$OUT" "$DRAFT"

# --- blocked: only an LDA of an involved authority who states a reason ----------
sql "$DB" "UPDATE request SET blocked = 1 WHERE reference = '$REF'"
for u in hhendriks ggoossens bbasis kjacobs; do refused 4 "$u"; done
refused 4 aadmin
# Users of the authorities involved are told why; anyone else learns nothing.
expect_rc 4 as hhendriks imictl request show "$REF"
expect_contains "$ERR" "blocked by retention"
expect_rc 4 as uweber imictl request show "$REF"
expect_not_contains "$ERR" "blocked"
expect_rc 6 as aadmin imictl request show "$REF" --reveal-blocked --reason " "
expect_rc 4 as hhendriks imictl request show "$REF" --reveal-blocked --reason "Klacht"
expect_ok as aadmin imictl request show "$REF" --reveal-blocked --reason "Bezwaar van de dienstverrichter" --json
expect_json 'j["personal_data"]["provider_name"]' "Qprovider BV"
expect_sql "$DB" "SELECT summary FROM audit WHERE action = 'request.reveal' AND actor = 'aadmin'" \
  "blocked request shown: Bezwaar van de dienstverrichter"

# Attachment content is never printed, to anyone, in any format.
for f in json table; do
  expect_ok as aadmin imictl request show "$REF" --reveal-blocked --reason x --format "$f"
  expect_not_contains "$OUT" "Qsecret-attachment-content"
done
# CSV cannot carry a request's nested data: refused before the reveal is audited.
expect_refused 2 as aadmin imictl request show "$REF" --reveal-blocked --reason x --format csv
expect_contains "$ERR" "nested data"
finish_suite
