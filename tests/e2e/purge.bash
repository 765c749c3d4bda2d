# imictl purge (retention, SPEC §2 and §4): the stages through IMICTL_NOW
# (the default deletes 6 months after closure; block_after 6 months with
# delete_after 3 years blocks first), a refusal counting as closure, open
# requests never touched, the tombstone and the scoreboard before and after,
# --dry-run, --require-archived, --limit, -q, --json, the audit entry, users
# deleted long ago, and blocked requests left out of every list unless an
# LDA reveals them with a reason.
source "$IMICTL_SOURCE_DIR/tests/e2e/request_lib.sh"
export IMICTL_NOW=2026-03-02T09:00:00Z
setup_request_world

C=$(request_in_state closed)
R=$(request_in_state refused)
O=$(request_in_state accepted)
S=$(request_in_state sent)
D=$(request_in_state draft)
C2=$(request_in_state closed)
C3=$(request_in_state closed)
expect_ok as lleysen imictl user delete bwouters --yes
IMICTL_NOW=2026-05-01T09:00:00Z expect_ok as lleysen imictl user delete tmaes --yes

id_of() { sql "$DB" "SELECT id FROM request WHERE reference = '$1'"; }
# What the tombstone keeps, and what purge must never touch in open requests.
kept() {
  sql "$DB" "SELECT reference, state, requesting_authority_id, responding_authority_id, created_at,
                    ifnull(sent_at, '-'), ifnull(accepted_at, '-'), ifnull(answered_at, '-'),
                    ifnull(closed_at, '-'), ifnull(due_at, '-'), ifnull(refusal_reason, '-'), fictitious,
                    (SELECT count(*) FROM request_history h WHERE h.request_id = r.id),
                    (SELECT group_concat(h.action || h.at, ',') FROM request_history h WHERE h.request_id = r.id),
                    (SELECT count(*) FROM request_question q WHERE q.request_id = r.id)
             FROM request r ORDER BY id"
}
open_rows() {
  sql "$DB" "SELECT r.*, (SELECT group_concat(ifnull(answer_text, '') || text, '|') FROM request_question q
                          WHERE q.request_id = r.id),
                         (SELECT count(*) FROM request_personal_data p WHERE p.request_id = r.id)
             FROM request r WHERE state NOT IN ('closed', 'refused') ORDER BY id"
}
scoreboard() {
  as "$1" imictl stats --json --from 2026-01-01 --to 2026-12-31 | tr -d '\n'
}
KEPT=$(kept)
OPEN=$(open_rows)
expect_sql "$DB" "SELECT state, closed_at FROM request WHERE reference = '$R'" "refused|2026-03-02T09:00:00Z"

# --- 5 months after closure: nothing is due ----------------------------------------
export IMICTL_NOW=2026-08-01T09:00:00Z
expect_ok imictl purge --dry-run
CHECKS=$((CHECKS + 1))
[ ! -e "$DB.purge-lock" ] || fail "--dry-run took the purge lock"
BEFORE=$(db_digest "$DB" audit)
expect_ok imictl purge --json
expect_json '[j["blocked"], j["deleted"], j["users_wiped"], j["skipped"], j["dry_run"]]' '[0, 0, 0, 0, false]'
expect_unchanged "$DB" "$BEFORE" audit
expect_audited "$DB" purge system
expect_sql "$DB" "SELECT summary FROM audit ORDER BY id DESC LIMIT 1" \
  "0 blocked, 0 deleted, 0 user(s) wiped, 0 skipped (not archived)"
# The table form is one line.
expect_ok imictl purge
expect_eq "$OUT" "purge: 0 blocked, 0 deleted, 0 users wiped, 0 skipped (not archived); longest write ${OUT##*longest write }"
expect_contains "$OUT" " ms"

# --- 6 months and a day: closed and refused requests and bwouters are due -----------
export IMICTL_NOW=2026-09-03T09:00:00Z
STATS_BE=$(scoreboard lleysen)
STATS_NL=$(scoreboard aadmin)
expect_contains "$STATS_BE" '"received"'

# --dry-run lists everything and changes nothing, the audit log included.
BEFORE=$(db_digest "$DB")
expect_ok imictl purge --dry-run --json
expect_json '[(i["action"], i["object"]) for i in j["items"]]' \
  "[[\"delete\", \"$C\"], [\"delete\", \"$R\"], [\"delete\", \"$C2\"], [\"delete\", \"$C3\"], [\"wipe-user\", \"bwouters\"]]"
expect_json '[j["deleted"], j["users_wiped"], j["dry_run"], j["transactions"]]' '[4, 1, true, 0]'
expect_ok imictl purge --dry-run
expect_contains "$OUT" "delete"
expect_contains "$OUT" "$C3"
expect_contains "$OUT" "purge --dry-run: 0 to block, 4 to delete, 1 user to wipe, 0 skipped (not archived)"
expect_ok imictl purge --dry-run --limit 2 --json
expect_json '[i["object"] for i in j["items"] if i["action"] == "delete"]' "[\"$C\", \"$R\"]"
expect_unchanged "$DB" "$BEFORE"

# --require-archived: the archived one goes, the others are reported and stay: exit 1.
sql "$DB" "UPDATE request SET archived_at = '2026-04-01T10:00:00Z' WHERE reference = '$C'"
expect_rc 1 imictl purge --require-archived --json
expect_json '[j["deleted"], j["skipped"], j["skipped_references"]]' "[1, 3, [\"$R\", \"$C2\", \"$C3\"]]"
expect_contains "$ERR" "3 requests past delete_after were not deleted because they are not archived"
expect_sql "$DB" "SELECT reference FROM request WHERE purged_at IS NOT NULL" "$C"
expect_sql "$DB" "SELECT summary FROM audit WHERE action = 'purge' ORDER BY id DESC LIMIT 1" \
  "0 blocked, 1 deleted, 1 user(s) wiped, 3 skipped (not archived)"
expect_rc 1 imictl -q purge --require-archived
expect_eq "$OUT" ""
expect_contains "$ERR" "not archived"

# --limit caps the requests handled.
expect_ok imictl purge --limit 1 --json
expect_json '[j["deleted"], j["skipped"]]' '[1, 0]'
expect_sql "$DB" "SELECT count(*) FROM request WHERE purged_at IS NOT NULL" "2"
expect_rc 2 imictl purge --limit -1

# -q: silent; the rest goes.
expect_ok imictl -q purge
expect_eq "$OUT" ""
expect_eq "$ERR" ""
expect_sql "$DB" "SELECT group_concat(reference, ' ') FROM (SELECT reference FROM request WHERE purged_at IS NOT NULL ORDER BY id)" \
  "$C $R $C2 $C3"
expect_ok imictl purge --json
expect_json '[j["blocked"], j["deleted"], j["users_wiped"]]' '[0, 0, 0]'

# The tombstone: reference, authorities, state, every timestamp and the
# history's actions stay; the content is gone.
expect_eq "$(kept)" "$KEPT"
expect_eq "$(open_rows)" "$OPEN"
CID=$(id_of "$C")
RID=$(id_of "$R")
expect_sql "$DB" "SELECT subject, motivation, blocked, purged_at FROM request WHERE id IN ($CID, $RID) ORDER BY id" \
  "||1|2026-09-03T09:00:00Z
||1|2026-09-03T09:00:00Z"
expect_sql "$DB" "SELECT count(*) FROM request_personal_data WHERE request_id IN ($CID, $RID)" "0"
expect_sql "$DB" "SELECT count(*) FROM request_question WHERE request_id = $CID AND (answer_text IS NOT NULL OR standard_answer IS NOT NULL)" "0"
# Questions of the shipped set are the set's text and stay.
expect_sql "$DB" "SELECT count(*) FROM request_question q WHERE request_id = $CID AND text IN (SELECT text_en FROM question_set_question)" "2"
expect_sql "$DB" "SELECT count(*) FROM request_history WHERE request_id IN ($CID, $RID) AND comment IS NOT NULL" "0"
expect_sql "$DB" "SELECT count(*) FROM outbox WHERE request_id = $CID" "$(sql "$DB" "SELECT count(*) FROM outbox WHERE request_id = $CID AND subject = '' AND body IS NULL")"
expect_sql "$DB" "SELECT count(*) > 0 FROM outbox WHERE request_id = $CID" "1"
expect_sql "$DB" "SELECT count(*) FROM outbox WHERE request_id = $(id_of "$O") AND body LIKE '%Qprovider%'" \
  "$(sql "$DB" "SELECT count(*) FROM outbox WHERE request_id = $(id_of "$O")")"
# The scoreboard reads the same.
expect_eq "$(scoreboard lleysen)" "$STATS_BE"
expect_eq "$(scoreboard aadmin)" "$STATS_NL"
# A deleted request is out of sight: no list shows it, show refuses it.
expect_ok as hhendriks imictl request list --json
expect_not_contains "$OUT" "$C"
expect_contains "$OUT" "$O"
expect_rc 4 as hhendriks imictl request show "$C"

# The user deleted in March is wiped, the one deleted in May is not yet.
expect_sql "$DB" "SELECT username, first_name, last_name, email, ifnull(phone, '-'), purged_at FROM user WHERE username = 'bwouters'" \
  "bwouters||||-|2026-09-03T09:00:00Z"
expect_sql "$DB" "SELECT count(*) FROM outbox WHERE recipient LIKE '%b.wouters%' OR body LIKE '%Wouters%'" "0"
expect_sql "$DB" "SELECT first_name, email, purged_at IS NULL FROM user WHERE username = 'tmaes'" "Tom|t.maes@antwerpen.be|1"
IMICTL_NOW=2026-11-02T09:00:00Z expect_ok imictl purge --json
expect_json 'j["users_wiped"]' "1"
expect_sql "$DB" "SELECT first_name, email FROM user WHERE username = 'tmaes'" "|"

# Nothing left in the write-ahead log after a purge.
expect_sql "$DB" "PRAGMA journal_mode" "wal"
[ ! -s "$DB-wal" ] || fail "the -wal file is not empty after purge: $(stat -c %s "$DB-wal") bytes"

# --- two stages: blocked at 6 months, deleted at 3 years ---------------------------
printf '[retention]\nblock_after = "6 months"\ndelete_after = "3 years"\n' >"$TEST_DIR/stages.toml"
export IMICTL_CONFIG=$TEST_DIR/stages.toml
export IMICTL_NOW=2026-10-01T09:00:00Z
B=$(request_in_state closed)
BR=$(request_in_state refused)
BID=$(id_of "$B")
export IMICTL_NOW=2027-03-31T09:00:00Z
expect_ok imictl purge --json
expect_json '[j["blocked"], j["deleted"]]' '[0, 0]'
expect_ok as hhendriks imictl request list --json
expect_contains "$OUT" "$B"
export IMICTL_NOW=2027-04-02T09:00:00Z
expect_ok imictl purge --dry-run --json
expect_json '[(i["action"], i["object"]) for i in j["items"]]' "[[\"block\", \"$B\"], [\"block\", \"$BR\"]]"
expect_ok imictl purge --json
expect_json '[j["blocked"], j["deleted"]]' '[2, 0]'
expect_sql "$DB" "SELECT blocked, purged_at IS NULL, subject FROM request WHERE id = $BID" "1|1|Loodgietersbedrijf Qprovider"
expect_sql "$DB" "SELECT count(*) FROM request_personal_data WHERE request_id = $BID" "1"
expect_ok imictl purge --json
expect_json '[j["blocked"], j["deleted"]]' '[0, 0]'

# Blocked: left out of every list, refused by show, for everyone ...
for who in hhendriks aadmin bbasis ttoewijzer lleysen bpeeters; do
  expect_ok as "$who" imictl request list --json
  expect_not_contains "$OUT" "$B"
  expect_not_contains "$OUT" "$BR"
done
expect_ok as hhendriks imictl request list --state closed --json
expect_not_contains "$OUT" "$B"
expect_rc 4 as hhendriks imictl request show "$B"
# ... but an LDA with a reason, once per list, audited with the reason.
expect_ok as aadmin imictl request list --reveal-blocked --reason "Bezwaarzaak 2027-17" --json
expect_contains "$OUT" "$B"
expect_contains "$OUT" "Qprovider BV"
expect_audited "$DB" request.reveal aadmin
expect_sql "$DB" "SELECT object, summary FROM audit ORDER BY id DESC LIMIT 1" \
  "request:*|blocked requests listed: Bezwaarzaak 2027-17"
expect_sql "$DB" "SELECT count(*) FROM audit WHERE action = 'request.reveal'" "1"
expect_refused 6 as aadmin imictl request list --reveal-blocked --reason "  "
expect_refused 6 as aadmin imictl request list --reveal-blocked
# A handler who is not an LDA may not reveal: 4, audited, nothing else changes.
expect_denied request.reveal as hhendriks imictl request list --reveal-blocked --reason "curious"
expect_rc 4 as hhendriks imictl request show "$B" --reveal-blocked --reason "curious"
# Check and stats name no blocked request.
run as aadmin imictl check --json
expect_contains "$OUT" "severity"
expect_not_contains "$OUT" "$B"
expect_not_contains "$OUT" "Qprovider"

# Three years after closure the blocked request is deleted.
export IMICTL_NOW=2029-10-02T09:00:00Z
expect_ok imictl purge --json
expect_json '[j["blocked"], j["deleted"]]' '[0, 2]'
expect_sql "$DB" "SELECT blocked, purged_at, subject FROM request WHERE id = $BID" "1|2029-10-02T09:00:00Z|"
expect_sql "$DB" "SELECT count(*) FROM request_personal_data WHERE request_id = $BID" "0"
expect_sql "$DB" "SELECT count(*) FROM request WHERE state NOT IN ('closed', 'refused') AND purged_at IS NOT NULL" "0"

# Only cron purges: the system actor's permission, whoever runs it; one entry per run.
expect_sql "$DB" "SELECT count(*) FROM audit WHERE action = 'purge' AND actor <> 'system'" "0"
finish_suite
