# imictl stats: exact figures on a crafted history (stats_lib.sh), the
# Commission's colours, fictitious requests left out unless asked for,
# periods and departments, the formats, and refusals that change nothing.
source "$IMICTL_SOURCE_DIR/tests/e2e/stats_lib.sh"
make_stats_history

ind() { echo "j['rows'][$1]['$2']['value'], j['rows'][$1]['$2']['count'], j['rows'][$1]['$2']['of'], j['rows'][$1]['$2']['rating']"; }

# --- the responder: Antwerpen, seen by its basic user -------------------------------
expect_ok as bwouters imictl stats --json
expect_json '[j["authority"], j["from"], j["to"], j["fictitious"]]' '["Stad Antwerpen", "2025-03-03", "2026-03-02", false]'
expect_json '[len(j["rows"]), j["rows"][0]["department"], j["rows"][0]["sent"], j["rows"][0]["received"], j["rows"][0]["answered"]]' \
  '[1, null, 0, 5, 3]'
# R1 and R3 of R1-R4 within a week (R6's week is not over): 2 of 4.
expect_json "[$(ind 0 accepted_within_7_days)]" '[50.0, 2, 4, "red"]'
# (10 + 30 + 20) / 3 days.
expect_json "[$(ind 0 average_days_to_answer)]" '[20.0, 3, 3, "amber"]'
# R1 and R3 (by its agreed 02-25) of R1-R3; R4 is not due yet.
expect_json "[$(ind 0 answered_by_agreed_date)]" '[66.7, 2, 3, "amber"]'
expect_json 'j["rows"][0]["score"]' "-1"
expect_json '[m for m in j["months"] if m["received"] or m["answered"]]' \
  '[{"month": "2026-01", "received": 2, "answered": 1}, {"month": "2026-02", "received": 3, "answered": 2}]'
expect_json 'len(j["months"])' "13"
# No personal data and no reference anywhere in the figures.
for word in "$R1" "$R2" "$R3" "$R4" "$R5" "$R6" Qprovider KVK-Q123 bpeeters hhendriks; do expect_not_contains "$OUT" "$word"; done

# --- fictitious requests only with --fictitious -------------------------------------
expect_ok as bwouters imictl stats --json --fictitious
expect_json '[j["fictitious"], j["rows"][0]["received"], j["rows"][0]["answered"]]' '[true, 6, 4]'
expect_json "[$(ind 0 accepted_within_7_days)]" '[60.0, 3, 5, "amber"]'
expect_json "[$(ind 0 average_days_to_answer)]" '[15.5, 4, 4, "green"]'
expect_json "[$(ind 0 answered_by_agreed_date)]" '[75.0, 3, 4, "amber"]'
expect_json 'j["rows"][0]["score"]' "1"

# --- a period -------------------------------------------------------------------------
expect_ok as bwouters imictl stats --json --from 2026-02-01 --to 2026-02-28
expect_json '[j["rows"][0]["received"], j["rows"][0]["score"], [m["month"] for m in j["months"]]]' \
  '[3, 0, ["2026-02"]]'
expect_json "[$(ind 0 accepted_within_7_days), $(ind 0 answered_by_agreed_date)]" \
  '[50.0, 1, 2, "red", 100.0, 1, 1, "green"]'
# Requests received in the period, with what became of them since: R2 was
# answered after --to, and counts as answered.
expect_ok as bwouters imictl stats --json --to 2026-01-31
expect_json '[j["from"], j["rows"][0]["received"], j["rows"][0]["answered"]]' '["2025-02-01", 2, 2]'
expect_refused 6 as bwouters imictl stats --from 2026-03-10 --to 2026-03-01
expect_refused 6 as bwouters imictl stats --from 2026-02-30
expect_refused 6 as bwouters imictl stats --to yesterday

# --- the requester: Oeteldonk and its department --------------------------------------
expect_ok as bbasis imictl stats --json
expect_json '[[r["department"], r["sent"], r["received"], r["score"]] for r in j["rows"]]' \
  '[[null, 5, 0, 0], ["Handhaving", 5, 0, 0]]'
expect_json "[$(ind 0 accepted_within_7_days)]" '[null, 0, 0, "none"]'
expect_ok as bbasis imictl stats --json --department handhaving --fictitious
expect_json '[[r["department"], r["sent"]] for r in j["rows"]]' '[["Handhaving", 6]]'
expect_refused 3 as bbasis imictl stats --department Nergens
expect_refused 3 as bbasis imictl stats --authority "Nergens"

# --- table and CSV --------------------------------------------------------------------
expect_ok as bwouters imictl stats
expect_contains "$OUT" "Stad Antwerpen: 2025-03-03 to 2026-03-02"
expect_contains "$OUT" "50.0%"
expect_not_contains "$OUT" $'\033['
# On a terminal each indicator is painted: red 50.0%, amber 20.0 and 66.7%.
script -qec "env IMICTL_USER=bwouters $IMICTL_BIN stats" /dev/null >"$TEST_DIR/tty.out" </dev/null
expect_in_files $'\033[31m50.0%' "$TEST_DIR/tty.out"
expect_in_files $'\033[33m20.0' "$TEST_DIR/tty.out"
expect_in_files $'\033[33m66.7%' "$TEST_DIR/tty.out"
script -qec "env IMICTL_USER=bwouters NO_COLOR=1 $IMICTL_BIN stats" /dev/null >"$TEST_DIR/tty.out" </dev/null
expect_not_in_files $'\033[3' "$TEST_DIR/tty.out"
expect_ok as bwouters imictl stats --format csv
expect_eq "$(head -1 <<<"$OUT" | tr -d '\r')" "authority,department,from,to,sent,received,answered,accepted_within_7_days,accepted_within_7_days_rating,average_days_to_answer,average_days_to_answer_rating,answered_by_agreed_date,answered_by_agreed_date_rating,score"
expect_eq "$(sed -n 2p <<<"$OUT" | tr -d '\r')" "Stad Antwerpen,,2025-03-03,2026-03-02,0,5,3,50.0,red,20.0,amber,66.7,amber,-1" # a number is never guarded as a formula

# html belongs to stats alone; -o writes any format to a file.
expect_refused 2 as bwouters imictl user list --format html
expect_refused 2 as bwouters imictl request list --format html
expect_refused 2 imictl check --format html
expect_ok as bwouters imictl stats -o "$TEST_DIR/s.json" --json
expect_eq "$OUT" ""
OUT=$(cat "$TEST_DIR/s.json")
expect_json 'j["rows"][0]["received"]' "5"
expect_ok as bwouters imictl stats -o "$TEST_DIR/s.csv" --format csv
expect_eq "$(sed -n 2p "$TEST_DIR/s.csv" | tr -d '\r')" "Stad Antwerpen,,2025-03-03,2026-03-02,0,5,3,50.0,red,20.0,amber,66.7,amber,-1"
expect_ok as bwouters imictl stats -o "$TEST_DIR/s.txt"
expect_in_files "ACCEPTED <=7D" "$TEST_DIR/s.txt"
expect_not_in_files $'\033[' "$TEST_DIR/s.txt"

# --- refusals: other authorities' users and no actor, nothing changed but the audit ---
expect_denied stats.view as ddorn imictl stats --authority "$BE"
expect_denied stats.view as hhendriks imictl stats --authority "Stad Antwerpen"
expect_denied stats.view env -u IMICTL_USER "$IMICTL_BIN" stats --authority "$BE"
expect_denied stats.view as lleysen imictl stats --authority "$OWN" --format html -o "$TEST_DIR/x.html"
[ -e "$TEST_DIR/x.html" ] && fail "a refused stats wrote its page"
# Reading figures writes nothing.
before=$(db_digest "$DB")
expect_ok as bwouters imictl stats --format html -o "$TEST_DIR/ok.html"
expect_unchanged "$DB" "$before"
