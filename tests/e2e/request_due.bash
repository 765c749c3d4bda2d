# Due dates, overdue lists and reminders, through IMICTL_NOW: the default due
# date, the responder's proposal and the requester's agreement kept apart,
# `request list --overdue`, and `request remind` (cron) mailing the handlers
# who hold a request once a day when it is due within remind_days or overdue.
source "$IMICTL_SOURCE_DIR/tests/e2e/request_lib.sh"
export IMICTL_NOW=2026-03-02T09:00:00Z
setup_request_world
mkdir -p "$XDG_CONFIG_HOME/imictl"
printf '[requests]\ndefault_due_days = 10\nremind_days = 3\n' >"$XDG_CONFIG_HOME/imictl/config.toml"

# --- due dates -------------------------------------------------------------------
expect_rc 6 new_request --due 2026-03-01
expect_rc 6 new_request --due "next week"
expect_sql "$DB" "SELECT count(*) FROM request" "0"
A=$(new_request --due 2026-03-20)
B=$(new_request)
expect_ok as hhendriks imictl request send "$A"
expect_ok as hhendriks imictl request send "$B" --json
expect_json 'j["due_at"]' "2026-03-12T09:00:00Z" # default_due_days after sending
expect_sql "$DB" "SELECT due_at FROM request WHERE reference = '$A'" "2026-03-20T00:00:00Z"

# The responder proposes, the requester agrees; both are kept.
expect_rc 6 as bpeeters imictl request due "$B" --propose 2026-03-01
expect_rc 2 as bpeeters imictl request due "$B"
expect_rc 5 as hhendriks imictl request due "$B" --agree # nothing proposed yet
expect_rc 4 as hhendriks imictl request due "$B" --propose 2026-03-30
expect_ok as bpeeters imictl request due "$B" --propose 2026-03-30 --json
expect_json '[j["due_at"], j["proposed_due_at"], j["agreed_due_at"]]' \
  '["2026-03-12T09:00:00Z", "2026-03-30T00:00:00Z", null]'
expect_rc 4 as bpeeters imictl request due "$B" --agree
expect_ok as hhendriks imictl request due "$B" --agree --json
expect_json '[j["due_at"], j["proposed_due_at"], j["agreed_due_at"]]' \
  '["2026-03-30T00:00:00Z", "2026-03-30T00:00:00Z", "2026-03-30T00:00:00Z"]'

# --- overdue -----------------------------------------------------------------------
expect_ok as bpeeters imictl request list --incoming --overdue --json
expect_json 'len(j)' "0"
export IMICTL_NOW=2026-03-21T08:00:00Z
expect_ok as bpeeters imictl request list --incoming --overdue --json
expect_json '[r["reference"] for r in j]' "[\"$A\"]"
expect_ok as hhendriks imictl request list --outgoing --overdue --json
expect_json '[r["reference"] for r in j]' "[\"$A\"]"
expect_ok as bpeeters imictl request list --outgoing --json
expect_json 'j' "[]"
# Answered requests are no longer overdue.
expect_ok as bpeeters imictl request accept "$A"
expect_ok as bpeeters imictl request answer "$A" --question 1 --text Ja
expect_ok as bpeeters imictl request answer "$A" --question 2 --text Nee
expect_ok as bpeeters imictl request reply "$A"
expect_ok as bpeeters imictl request list --incoming --overdue --json
expect_json 'j' "[]"

# --- remind ---------------------------------------------------------------------------
C=$(new_request --due 2026-03-25)
expect_ok as hhendriks imictl request send "$C"
mails_before=$(sql "$DB" "SELECT count(*) FROM outbox")
# 21 March: C is due in 4 days (> remind_days), B in 9: nothing.
unset IMICTL_USER
expect_ok imictl request remind --json
expect_json 'j' "[]"
# 22 March: C is due within 3 days; allocation off, so every handler holds it.
export IMICTL_NOW=2026-03-22T06:00:00Z
expect_ok imictl request remind --json
expect_json '[r["reference"] for r in j]' "[\"$C\"]"
expect_sql "$DB" "SELECT group_concat(recipient || ' ' || ifnull(cc, '-'), ', ') FROM outbox WHERE id > $mails_before" \
  "b.peeters@antwerpen.be imi@antwerpen.be, g.goossens@antwerpen.be imi@antwerpen.be"
expect_sql "$DB" "SELECT subject FROM outbox WHERE id > $mails_before LIMIT 1" "[IMI] Reminder: request to answer $C"
# Cron runs every hour: once a day per request.
export IMICTL_NOW=2026-03-22T18:00:00Z
expect_ok imictl request remind --json
expect_json 'j' "[]"
# Assigned handlers only, once assigned; overdue requests too.
expect_ok as lleysen imictl authority settings "$BE" --allocation on
expect_ok as tmaes imictl assign "$C" ggoossens
export IMICTL_NOW=2026-03-26T06:00:00Z
mails_before=$(sql "$DB" "SELECT count(*) FROM outbox")
expect_ok imictl request remind --json
expect_json '[r["reference"] for r in j]' "[\"$C\"]"
expect_sql "$DB" "SELECT group_concat(recipient, ', ') FROM outbox WHERE id > $mails_before" "g.goossens@antwerpen.be"
expect_sql "$DB" "SELECT count(*) FROM audit WHERE action = 'request.remind' AND actor = 'system'" "2"
# A reminder is not an action: the version stays, nobody's next action is stale.
expect_sql "$DB" "SELECT version FROM request WHERE reference = '$C'" "3"
finish_suite
