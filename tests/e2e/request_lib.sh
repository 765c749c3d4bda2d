# Helpers for the request suites (sourced): a database with the own
# authority (NL) and three others, every one with its users, all made through
# the command line as the guide's roles would (H5: the coordinator registers
# an authority with its first LDA, who adds its users).
#
#   own  Gemeente Oeteldonk (NL): aadmin lda+handler, hhendriks handler,
#        bbasis basic, ttoewijzer allocator
#   $BE  Stad Antwerpen (BE): lleysen lda, bpeeters and ggoossens handlers,
#        tmaes allocator, bwouters basic
#   $COORD IMI-coordinator Belgie (BE, coordinator): cclaes lda, kjacobs handler
#   $DE  Stadt Koeln (DE): ddorn lda, uweber handler
export IMICTL_NOW=${IMICTL_NOW:-2026-03-02T09:00:00Z}

add_authority() { # NAME COUNTRY TYPE EMAIL LDA_FIRST LDA_LAST LDA_EMAIL -> id
  imictl authority add --name "$1" --country "$2" --type "$3" --email "$4" --language en \
    --lda-first-name "$5" --lda-last-name "$6" --lda-email "$7" --json |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}

add_user_of() { # LDA AUTH FIRST LAST EMAIL [ROLE]
  local lda=$1 auth=$2 first=$3 last=$4 email=$5 role=${6:-}
  local extra=()
  [ -n "$role" ] && extra=(--role "$role")
  [ "$role" = handler ] && extra+=(--service accountancy)
  IMICTL_USER=$lda imictl user add --authority "$auth" --first-name "$first" --last-name "$last" \
    --email "$email" --language en "${extra[@]}" >/dev/null 2>&1 || fail "user add $first $last"
}

setup_request_world() {
  init_db
  DB=$IMICTL_DB
  OWN=$(sql "$DB" "SELECT id FROM authority WHERE is_own = 1")
  # init gives the first user lda only; here she also handles requests.
  imictl role grant aadmin handler --service construction >/dev/null 2>&1 || fail "grant aadmin handler"
  add_user_of aadmin "$OWN" Henk Hendriks h.hendriks@oeteldonk.nl handler
  add_user_of aadmin "$OWN" Bea Basis b.basis@oeteldonk.nl
  add_user_of aadmin "$OWN" Toos Toewijzer t.toewijzer@oeteldonk.nl allocator
  BE=$(add_authority "Stad Antwerpen" BE competent_authority imi@antwerpen.be Lode Leysen l.leysen@antwerpen.be)
  add_user_of lleysen "$BE" Bart Peeters b.peeters@antwerpen.be handler
  add_user_of lleysen "$BE" Greet Goossens g.goossens@antwerpen.be handler
  add_user_of lleysen "$BE" Tom Maes t.maes@antwerpen.be allocator
  add_user_of lleysen "$BE" Ben Wouters b.wouters@antwerpen.be
  COORD=$(add_authority "IMI-coordinator Belgie" BE coordinator imi@economie.be Carl Claes c.claes@economie.be)
  add_user_of cclaes "$COORD" Karin Jacobs k.jacobs@economie.be handler
  DE=$(add_authority "Stadt Koeln" DE competent_authority imi@koeln.de Dieter Dorn d.dorn@koeln.de)
  add_user_of ddorn "$DE" Uwe Weber u.weber@koeln.de handler
  expect_sql "$DB" "SELECT group_concat(username, ' ') FROM (SELECT username FROM user ORDER BY id)" \
    "aadmin hhendriks bbasis ttoewijzer lleysen bpeeters ggoossens tmaes bwouters cclaes kjacobs ddorn uweber"
}

# new_request [OPTION...]: a draft from hhendriks to $BE; prints its reference.
new_request() {
  IMICTL_USER=hhendriks imictl request create --to "$BE" --subject "Loodgietersbedrijf Qprovider" \
    --motivation "Klacht van een afnemer over de vergunning" --question-set services-general \
    --question 1 --question 3 --provider-name "Qprovider BV" --provider-registration "KVK-Q123" "$@"
}

as() { local who=$1; shift; IMICTL_USER=$who "$@"; }

# request_in_state STATE: a fresh request brought to STATE through the
# command line by the actors the lifecycle names; prints its reference.
request_in_state() {
  local ref
  ref=$(new_request) || { fail "create"; return; }
  case $1 in
    draft) ;;
    sent) as hhendriks imictl request send "$ref" >/dev/null || fail "send $ref" ;;
    accepted | answered | closed)
      as hhendriks imictl request send "$ref" >/dev/null || fail "send $ref"
      as bpeeters imictl request accept "$ref" >/dev/null || fail "accept $ref"
      if [ "$1" != accepted ]; then
        as bpeeters imictl request answer "$ref" --question 1 --text "Ja" >/dev/null || fail "answer 1"
        as bpeeters imictl request answer "$ref" --question 2 --standard data-protection >/dev/null ||
          fail "answer 2"
        as bpeeters imictl request reply "$ref" >/dev/null || fail "reply $ref"
      fi
      [ "$1" = closed ] && { as hhendriks imictl request close "$ref" >/dev/null || fail "close $ref"; }
      ;;
    refused)
      as hhendriks imictl request send "$ref" >/dev/null || fail "send $ref"
      as bpeeters imictl request refuse "$ref" --reason out-of-scope >/dev/null || fail "refuse $ref"
      ;;
  esac
  echo "$ref"
}

# What an action's refusal must leave alone: the row, its questions,
# assignees, attachments and history.
request_fingerprint() {
  sql "$DB" "SELECT (SELECT group_concat(state || version || ifnull(responding_authority_id, '') ||
                       ifnull(proposed_due_at, '') || ifnull(due_at, ''))
                     FROM request WHERE reference = '$1'),
                    (SELECT count(*) FROM request_history h JOIN request r ON r.id = h.request_id
                     WHERE r.reference = '$1'),
                    (SELECT count(*) FROM request_assignee a JOIN request r ON r.id = a.request_id
                     WHERE r.reference = '$1'),
                    (SELECT count(*) FROM request_attachment a JOIN request r ON r.id = a.request_id
                     WHERE r.reference = '$1'),
                    (SELECT group_concat(ifnull(answer_text, '') || ifnull(standard_answer, ''))
                     FROM request_question q JOIN request r ON r.id = q.request_id WHERE r.reference = '$1'),
                    (SELECT count(*) FROM outbox)"
}
