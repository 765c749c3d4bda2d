# Creating requests and every kind of bad input (issue "Bad input"): unknown
# things are 3, the wrong actor 4, the wrong state 5, invalid data 6, and a
# refused command writes nothing. Also the shipped question sets and
# standard answers, attachments, references, and other authorities with
# their users made through the command line.
source "$IMICTL_SOURCE_DIR/tests/e2e/request_lib.sh"
setup_request_world

# --- other authorities and their users ------------------------------------------------
expect_sql "$DB" "SELECT a.name || ':' || group_concat(r.role) FROM user u JOIN authority a ON a.id = u.authority_id
                  JOIN user_role r ON r.user_id = u.id WHERE u.username = 'lleysen'" "Stad Antwerpen:lda"
# Only that authority's LDA adds its users; the own LDA may not, nor may a handler.
expect_rc 4 as aadmin imictl user add --authority "$BE" --first-name Xavier --last-name Qx --email x@antwerpen.be --language nl
expect_rc 4 as bpeeters imictl user add --authority "$BE" --first-name Xavier --last-name Qx --email x@antwerpen.be --language nl
expect_rc 3 as lleysen imictl user add --authority 99 --first-name Xavier --last-name Qx --email x@antwerpen.be --language nl
expect_sql "$DB" "SELECT count(*) FROM user WHERE last_name = 'Qx'" "0"
# The LDA options go together; an authority and its LDA are written together or not at all.
expect_rc 2 imictl authority add --name "Ville de Liege" --country BE --type competent_authority \
  --email imi@liege.be --lda-first-name Luc
expect_rc 6 imictl authority add --name "Ville de Liege" --country BE --type competent_authority \
  --email imi@liege.be --lda-first-name Luc --lda-last-name Lambert --lda-email not-an-address
expect_rc 4 as lleysen imictl authority add --name "Ville de Liege" --country BE --type competent_authority \
  --email imi@liege.be --lda-first-name Luc --lda-last-name Lambert --lda-email l@liege.be
expect_sql "$DB" "SELECT count(*) FROM authority WHERE name = 'Ville de Liege'" "0"

# --- question sets and standard answers -----------------------------------------------------
expect_ok imictl request question-sets --json
expect_json '[(s["code"], s["fictitious"], len(s["questions"])) for s in j]' \
  '[["services-general", false, 12], ["fictief-practice", true, 3]]'
expect_json 'sorted(j[0].keys())' '["code", "fictitious", "questions", "title"]'
expect_json '[q["number"] for q in j[0]["questions"]][:3]' '[1, 2, 3]'
expect_ok imictl request question-sets services-general --language nl --json
expect_json 'j[0]["questions"][0]["text"]' "Is de dienstverrichter rechtmatig gevestigd in uw lidstaat?"
expect_rc 3 imictl request question-sets no-such-set
expect_ok imictl request standard-answers --json
expect_json '[a for a in j if a["code"] == "data-protection"][0]["nl"]' \
  "Gelet op onze regels inzake gegevensbescherming, kunnen we deze vraag niet beantwoorden"
expect_json '[a for a in j if a["code"] == "data-protection"][0]["en"]' \
  "In view of our data protection rules, we cannot answer this question"

# --- create ------------------------------------------------------------------------------------
audit_before=$(sql "$DB" "SELECT count(*) FROM audit WHERE action NOT LIKE 'denied:%'")
create() { as hhendriks imictl request create --subject "Onderwerp" "$@"; }
expect_rc 6 create --to "$BE" --question-set services-general                  # no motivation
expect_rc 6 create --to "$BE" --motivation "  " --question-set services-general
expect_rc 6 create --to "$BE" --motivation M                                    # no question
expect_rc 6 create --to "$BE" --motivation M --question 2                       # number without set
expect_rc 3 create --to "$BE" --motivation M --question-set no-such-set
expect_rc 3 create --to "$BE" --motivation M --question-set services-general --question 13
expect_rc 3 create --to "Nergens" --motivation M --free-question Q
expect_rc 5 create --to "Gemeente Oeteldonk" --motivation M --free-question Q  # to itself
expect_rc 6 create --to "$BE" --motivation M --free-question Q --provider-birth-date yesterday
expect_rc 2 create --to "$BE" --motivation M --free-question Q --question-set services-general --question x
expect_rc 4 as bbasis imictl request create --to "$BE" --subject S --motivation M --free-question Q
expect_rc 4 as lleysen imictl request create --to "$OWN" --subject S --motivation M --free-question Q
expect_sql "$DB" "SELECT count(*) FROM request" "0"
expect_sql "$DB" "SELECT count(*) FROM audit WHERE action NOT LIKE 'denied:%'" "$audit_before"

expect_ok create --to "$BE" --motivation "Klacht" --question-set fictief-practice --question 2 \
  --free-question "Sinds wanneer?" --language nl
REF=$OUT
expect_eq "$REF" "NL-2026-000001"
expect_ok as hhendriks imictl request show "$REF" --json
expect_json '[j["state"], j["fictitious"], j["language"], j["question_set"], j["version"]]' \
  '["draft", true, "nl", "fictief-practice", 1]'
expect_json '[(q["number"], q["text"]) for q in j["questions"]]' \
  '[[1, "FICTIEF: Heeft de dienstverrichter een geldige vergunning?"], [2, "Sinds wanneer?"]]'
for key in id reference state requesting_authority responding_authority subject fictitious created_at sent_at \
  due_at closed_at archived_at assignees personal_data questions history attachments proposed_due_at blocked version; do
  expect_json "'$key' in j" "True"
done
expect_ok create --to "$BE" --motivation M --free-question Q
expect_eq "$OUT" "NL-2026-000002"
# By id too; an unknown reference is 3.
expect_ok as hhendriks imictl request show 2 --json
expect_json 'j["reference"]' "NL-2026-000002"
expect_rc 3 as hhendriks imictl request show NL-2026-000099
expect_rc 3 as hhendriks imictl request send NL-2026-000099

# --- attachments -------------------------------------------------------------------------------
mkdir -p "$XDG_CONFIG_HOME/imictl"
printf '[requests]\nmax_attachment_mb = 1\n' >"$XDG_CONFIG_HOME/imictl/config.toml"
head -c 1048577 /dev/zero >"$TEST_DIR/big.bin"
head -c 1048576 /dev/zero >"$TEST_DIR/fits.bin"
printf 'x' >"$TEST_DIR/unreadable.txt"
chmod 000 "$TEST_DIR/unreadable.txt"
before=$(request_fingerprint "$REF")
expect_rc 6 as hhendriks imictl request attach "$REF" "$TEST_DIR/big.bin"
expect_contains "$ERR" "over the limit of 1 MB"
expect_rc 3 as hhendriks imictl request attach "$REF" "$TEST_DIR/missing.pdf"
expect_rc 6 as hhendriks imictl request attach "$REF" "$TEST_DIR"
if [ "$(id -u)" != 0 ]; then expect_rc 6 as hhendriks imictl request attach "$REF" "$TEST_DIR/unreadable.txt"; fi
expect_eq "$(request_fingerprint "$REF")" "$before"
expect_ok as hhendriks imictl request attach "$REF" "$TEST_DIR/fits.bin" --json
expect_json 'j["attachments"]' "[{\"name\": \"fits.bin\", \"size\": 1048576, \"sha256\": \"$(sha256sum "$TEST_DIR/fits.bin" | cut -d' ' -f1)\"}]"
expect_sql "$DB" "SELECT length(content), size FROM request_attachment" "1048576|1048576"

# --- actions on a sent request ------------------------------------------------------------------
expect_ok as hhendriks imictl request send "$REF"
before=$(request_fingerprint "$REF")
expect_rc 6 as bpeeters imictl request refuse "$REF"
expect_rc 2 as bpeeters imictl request refuse "$REF" --reason "we have no time"  # not a reason of the guide: a usage error
expect_contains "$ERR" "insufficient-motivation | out-of-scope"
expect_rc 6 as bpeeters imictl request forward "$REF"
expect_rc 3 as bpeeters imictl request forward "$REF" --to "Nergens"
expect_rc 5 as bpeeters imictl request forward "$REF" --to "$BE"   # to itself
expect_rc 5 as bpeeters imictl request forward "$REF" --to "$OWN"  # back to the requester
expect_rc 5 as bpeeters imictl request answer "$REF" --question 1 --text "Ja" # not accepted yet
expect_eq "$(request_fingerprint "$REF")" "$before"
expect_ok as bpeeters imictl request accept "$REF"
before=$(request_fingerprint "$REF")
expect_rc 6 as bpeeters imictl request answer "$REF" --question 3 --text "Ja"  # no such question
expect_rc 6 as bpeeters imictl request answer "$REF" --question 1             # no text
expect_rc 3 as bpeeters imictl request answer "$REF" --question 1 --standard no-such-answer
expect_rc 6 as bpeeters imictl request reply "$REF"                            # unanswered
expect_contains "$ERR" "questions 1, 2"
expect_eq "$(request_fingerprint "$REF")" "$before"
expect_ok as bpeeters imictl request answer "$REF" --question 1 --standard data-protection \
  --text "Alleen de Dienst Justis kan dit beantwoorden"
expect_ok as bpeeters imictl request answer "$REF" --question 2 --text "2024"
expect_ok as bpeeters imictl request reply "$REF" --json
expect_json 'j["questions"][0]["answer"]' \
  $'Gelet op onze regels inzake gegevensbescherming, kunnen we deze vraag niet beantwoorden\nAlleen de Dienst Justis kan dit beantwoorden'
expect_rc 6 as hhendriks imictl request reopen "$REF"                           # reopen needs a comment
expect_ok as hhendriks imictl request reopen "$REF" --comment "Welke vergunning precies?"
expect_sql "$DB" "SELECT state FROM request WHERE reference = '$REF'" "accepted"
expect_ok as bpeeters imictl request reply "$REF"
expect_ok as hhendriks imictl request close "$REF"
expect_sql "$DB" "SELECT state, closed_at IS NOT NULL FROM request WHERE reference = '$REF'" "closed|1"
expect_ok as hhendriks imictl request show "$REF" --json
expect_json '[h["action"] for h in j["history"]]' \
  '["create", "attach", "send", "accept", "answer", "answer", "reply", "reopen", "reply", "close"]'
expect_ok as hhendriks imictl request discard NL-2026-000002 --json
expect_json 'j' '{"reference": "NL-2026-000002", "state": "deleted"}'
expect_sql "$DB" "SELECT count(*) FROM request_question WHERE request_id = 2" "0"
finish_suite
