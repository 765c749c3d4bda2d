# Guide B3 in both modes, with the mails received by a real SMTP server on
# 127.0.0.1: without allocation a new request mails the responding
# authority's address and all its handlers; with allocation its address and
# its allocators, who assign handlers (mailed), and only assigned handlers may
# act. Replies, refusals and forwards mail the handler who sent the request;
# every mail is cc'd to the address of the authority it concerns.
source "$IMICTL_SOURCE_DIR/tests/smtp/mail_helpers.sh"
source "$IMICTL_SOURCE_DIR/tests/e2e/request_lib.sh"
setup_request_world
start_smtp "$TEST_DIR/smtp"
mail_config "smtp_url = \"smtp://127.0.0.1:$SMTP_PORT\"" 'tls = "none"'
SEEN=0

# new_mails: the mails arrived since the last call, one line each:
# "recipients (envelope, sorted)|subject", in arrival order.
new_mails() {
  imictl notify send >/dev/null 2>&1 || fail "notify send"
  local f n=0
  for f in $(find "$SMTP_DIR" -name '*.eml' | sort); do
    n=$((n + 1))
    [ "$n" -le "$SEEN" ] && continue
    printf '%s|%s\n' "$(mail_field "$f" '",".join(sorted(e["rcpt_tos"]))')" "$(mail_field "$f" 'm["Subject"]')"
  done
  SEEN=$n
}
expect_mails() { # EXPECTED (lines)
  new_mails >"$TEST_DIR/mails" # not in a subshell: SEEN must advance
  expect_eq "$(cat "$TEST_DIR/mails")" "$1"
}

# --- allocation off (the default) ---------------------------------------------
REF=$(new_request)
expect_ok as hhendriks imictl request send "$REF"
expect_mails "imi@antwerpen.be|[IMI] New information request $REF
b.peeters@antwerpen.be,imi@antwerpen.be|[IMI] New information request $REF
g.goossens@antwerpen.be,imi@antwerpen.be|[IMI] New information request $REF"
body=$(mail_field "$(find "$SMTP_DIR" -name '*.eml' | sort | tail -1)" body)
expect_contains "$body" "Gemeente Oeteldonk sent an information request to Stad Antwerpen."
expect_contains "$body" "Due: 2026-03-16"
expect_not_contains "$body" "Qprovider BV" # no personal data by mail
# Any handler may act.
expect_ok as ggoossens imictl request accept "$REF"
expect_ok as bpeeters imictl request answer "$REF" --question 1 --text "Ja"
expect_ok as ggoossens imictl request answer "$REF" --question 2 --standard data-protection --text "Dienst Justis"
expect_ok as ggoossens imictl request reply "$REF"
expect_mails "h.hendriks@oeteldonk.nl,imi@oeteldonk.nl|[IMI] Request answered $REF"
expect_sql "$DB" "SELECT count(*) FROM outbox WHERE request_id = (SELECT id FROM request WHERE reference = '$REF')" "4"

# --- allocation on ----------------------------------------------------------------
expect_ok as lleysen imictl authority settings "$BE" --allocation on
REF2=$(new_request)
expect_ok as hhendriks imictl request send "$REF2"
expect_mails "imi@antwerpen.be|[IMI] New information request $REF2
imi@antwerpen.be,t.maes@antwerpen.be|[IMI] New information request $REF2"
expect_ok as tmaes imictl request list --unassigned --json
expect_json '[r["reference"] for r in j]' "[\"$REF2\"]"
# Unassigned handlers may not handle it (B3).
for action in "accept" "refuse --reason out-of-scope" "forward --to $COORD" "due --propose 2026-04-01"; do
  before=$(request_fingerprint "$REF2")
  expect_rc 4 as bpeeters imictl request $action "$REF2"
  expect_contains "$ERR" "not assigned"
  expect_eq "$(request_fingerprint "$REF2")" "$before"
done
# Only an allocator of the responder assigns, and only its handlers.
expect_rc 4 as bpeeters imictl assign "$REF2" bpeeters
expect_rc 4 as ttoewijzer imictl assign "$REF2" bpeeters
expect_rc 3 as tmaes imictl assign "$REF2" nosuchuser
expect_rc 3 as tmaes imictl assign "$REF2" hhendriks # a handler, of the other authority
expect_rc 3 as tmaes imictl assign "$REF2" bwouters  # not a handler
expect_rc 3 as tmaes imictl assign NL-2026-999999 bpeeters
expect_sql "$DB" "SELECT count(*) FROM request_assignee" "0"
expect_ok as tmaes imictl assign "$REF2" bpeeters --json
expect_json 'j["assignees"]' '["bpeeters"]'
expect_mails "b.peeters@antwerpen.be,imi@antwerpen.be|[IMI] Request assigned to you $REF2"
expect_ok as bpeeters imictl request accept "$REF2"
expect_rc 4 as ggoossens imictl request answer "$REF2" --question 1 --text "Ja"
# The assigned handler is away: reassign.
expect_ok as tmaes imictl assign "$REF2" ggoossens --reassign --json
expect_json 'j["assignees"]' '["ggoossens"]'
expect_mails "g.goossens@antwerpen.be,imi@antwerpen.be|[IMI] Request assigned to you $REF2"
expect_rc 4 as bpeeters imictl request answer "$REF2" --question 1 --text "Ja"
expect_ok as ggoossens imictl request answer "$REF2" --question 1 --text "Ja"
expect_rc 5 as tmaes imictl unassign "$REF2" bpeeters
expect_ok as tmaes imictl unassign "$REF2" ggoossens --json
expect_json 'j["assignees"]' '[]'
expect_ok as tmaes imictl assign "$REF2" ggoossens bpeeters --json
expect_json 'j["assignees"]' '["bpeeters", "ggoossens"]'
expect_mails "g.goossens@antwerpen.be,imi@antwerpen.be|[IMI] Request assigned to you $REF2
b.peeters@antwerpen.be,imi@antwerpen.be|[IMI] Request assigned to you $REF2"
# Assigning one who holds it already mails nobody.
expect_ok as tmaes imictl assign "$REF2" ggoossens
expect_mails ""
expect_sql "$DB" "SELECT group_concat(action, ',') FROM request_history WHERE request_id =
                    (SELECT id FROM request WHERE reference = '$REF2')" \
  "create,send,assign,accept,assign,answer,unassign,assign,assign"

# Refusal and forwarding mail the handler who sent the request.
REF3=$(new_request)
expect_ok as hhendriks imictl request send "$REF3"
new_mails >/dev/null
expect_ok as tmaes imictl assign "$REF3" bpeeters
new_mails >/dev/null
expect_ok as bpeeters imictl request refuse "$REF3" --reason insufficient-motivation --comment "Welke vergunning?"
expect_mails "h.hendriks@oeteldonk.nl,imi@oeteldonk.nl|[IMI] Request refused $REF3"
expect_sql "$DB" "SELECT state, refusal_reason, closed_at FROM request WHERE reference = '$REF3'" \
  "refused|insufficient-motivation|$IMICTL_NOW"

REF4=$(new_request)
expect_ok as hhendriks imictl request send "$REF4"
expect_ok as tmaes imictl assign "$REF4" bpeeters
new_mails >/dev/null
expect_ok as bpeeters imictl request forward "$REF4" --to "$COORD" --comment "Niet bevoegd" --json
expect_json 'j' "{\"reference\": \"$REF4\", \"state\": \"sent\"}"
# The coordinator works without allocation: its address and its handlers.
expect_mails "imi@economie.be|[IMI] New information request $REF4
imi@economie.be,k.jacobs@economie.be|[IMI] New information request $REF4
h.hendriks@oeteldonk.nl,imi@oeteldonk.nl|[IMI] Request forwarded $REF4"
expect_sql "$DB" "SELECT responding_authority_id, state, (SELECT count(*) FROM request_assignee WHERE request_id = r.id)
                  FROM request r WHERE reference = '$REF4'" "$COORD|sent|0"
expect_sql "$DB" "SELECT comment FROM request_history WHERE action = 'forward'
                  AND request_id = (SELECT id FROM request WHERE reference = '$REF4')" \
  "to IMI-coordinator Belgie: Niet bevoegd"
# The old responder's handler no longer sees it; the coordinator's does.
expect_rc 4 as bpeeters imictl request show "$REF4"
expect_ok as kjacobs imictl request accept "$REF4"
stop_smtp
finish_suite
