# The command-line surface of request, assign and unassign: --help on every
# subcommand, --json on every listing (an array, also when empty), usage
# errors exit 2, and JSON errors on stderr with stdout left empty.
source "$IMICTL_SOURCE_DIR/tests/e2e/request_lib.sh"
setup_request_world

subcommands=(
  "request" "request create" "request attach" "request send" "request discard" "request accept"
  "request refuse" "request forward" "request answer" "request reply" "request reopen" "request close"
  "request due" "request list" "request show" "request transitions" "request question-sets"
  "request standard-answers" "request remind" "request consent-form" "assign" "unassign"
)
for sub in "${subcommands[@]}"; do
  # shellcheck disable=SC2086
  expect_ok imictl $sub --help
  expect_contains "$OUT" "Usage: imictl $sub"
  expect_eq "$ERR" ""
done
expect_ok imictl request --help
for name in $(sed -n '/^Subcommands:/,/^$/p' <<<"$OUT" | awk 'NR > 1 && NF {print $1}'); do
  CHECKS=$((CHECKS + 1))
  [[ " ${subcommands[*]} " == *" request $name "* ]] || fail "'request $name' is not covered by this suite"
done

listings=(
  "request list" "request list --incoming" "request list --outgoing --state draft" "request list --overdue"
  "request list --mine" "request list --unassigned" "request list --fictitious" "request list --department X"
  "request transitions" "request question-sets" "request standard-answers"
)
for cmd in "${listings[@]}"; do
  # shellcheck disable=SC2086
  expect_ok as hhendriks imictl $cmd --json
  expect_json 'type(j).__name__' "list"
done
REF=$(new_request)
expect_ok as hhendriks imictl request list --format csv
expect_eq "$(head -1 <<<"$OUT" | tr -d '\r')" \
  "reference,state,requesting_authority,responding_authority,subject,due_at,assignees"
expect_contains "$OUT" "$REF,draft,Gemeente Oeteldonk,Stad Antwerpen"
expect_ok as hhendriks imictl request transitions "$REF" --json
expect_json 'type(j).__name__' "list"
for cmd in "request show $REF" "request send $REF"; do
  # shellcheck disable=SC2086
  expect_ok as hhendriks imictl $cmd --json
  expect_json 'j["reference"]' "$REF"
done

# Usage errors.
expect_rc 2 imictl request
expect_rc 2 imictl request show
expect_contains "$ERR" "REQ"
expect_rc 2 as hhendriks imictl request create --subject S --motivation M
expect_contains "$ERR" "--to"
expect_rc 2 as bpeeters imictl request answer "$REF" --text Ja
expect_contains "$ERR" "--question"
expect_rc 2 as bpeeters imictl request due "$REF" --propose 2026-04-01 --agree
expect_rc 2 imictl assign "$REF"
expect_rc 2 imictl unassign "$REF" bpeeters ggoossens
expect_rc 2 as hhendriks imictl request list --state lost
expect_contains "$ERR" "unknown request state 'lost'"
# JSON errors: stdout stays empty, stderr carries the code.
expect_rc 4 as uweber imictl request show "$REF" --json
expect_eq "$OUT" ""
expect_contains "$ERR" '"code": "permission_denied"'
# A request action prints the request, whose nested parts CSV cannot carry:
# refused before the action is taken, so nothing changes.
SENT=$(request_in_state sent)
expect_refused 2 as bpeeters imictl request accept "$SENT" --format csv
expect_contains "$ERR" "nested data"
expect_sql "$DB" "SELECT state FROM request WHERE reference = '$SENT'" "sent"
expect_ok as bpeeters imictl request accept "$SENT" --format table
finish_suite
