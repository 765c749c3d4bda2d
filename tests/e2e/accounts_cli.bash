# The command-line surface of user, role, login, notify and check: --help on
# every subcommand, --json on every listing, usage errors exit 2.
init_db

subcommands=(
  "user" "user add" "user list" "user show" "user edit" "user rename" "user delete" "user lock"
  "user unlock" "user restore" "user reset-password" "user print" "user issue-credentials" "user activate"
  "user link" "user unlink"
  "role" "role grant" "role revoke" "role list" "role who"
  "login" "notify" "notify list" "notify send" "notify retry" "check"
)
for sub in "${subcommands[@]}"; do
  # shellcheck disable=SC2086
  expect_ok imictl $sub --help
  expect_contains "$OUT" "Usage: imictl $sub"
  expect_eq "$ERR" ""
done
# Every subcommand of the group is in the list above.
for group in user role notify; do
  expect_ok imictl "$group" --help
  for name in $(sed -n '/^Subcommands:/,/^$/p' <<<"$OUT" | awk 'NR > 1 && NF {print $1}'); do
    CHECKS=$((CHECKS + 1))
    [[ " ${subcommands[*]} " == *" $group $name "* ]] || fail "'$group $name' is not covered by this suite"
  done
done

# Listings print a JSON array, also when empty.
imictl user add --first-name Bea --last-name Basis --email bea@oeteldonk.nl >/dev/null
listings=(
  "user list" "user list --status deleted" "role list" "role list bbasis" "role who lda" "role who allocator"
  "notify list" "notify list --all" "notify list --failed" "notify send --dry-run" "user issue-credentials --dry-run"
  "check"
)
for cmd in "${listings[@]}"; do
  # shellcheck disable=SC2086
  run imictl $cmd --json
  CHECKS=$((CHECKS + 1))
  [ "$RC" = 0 ] || [ "$cmd" = check ] || fail "$cmd --json: exit $RC: $ERR"
  expect_json 'type(j).__name__' "list"
done
# Show and change commands print one object.
for cmd in "user show bbasis" "user edit bbasis --phone 1" "user lock bbasis" "user unlock bbasis" \
  "role grant bbasis lda" "role revoke bbasis lda"; do
  # shellcheck disable=SC2086
  expect_ok imictl $cmd --json
  expect_json 'j["username"]' "bbasis"
done
expect_ok imictl user add --first-name Cas --last-name Csv --email cas@oeteldonk.nl --json
expect_json 'j["username"]' "ccsv"

# Usage errors: exit 2 with the option or argument named.
expect_rc 2 imictl user show
expect_contains "$ERR" "USER"
expect_refused 2 imictl user add --first-name X --email x@oeteldonk.nl
expect_contains "$ERR" "--last-name"
expect_refused 2 imictl role grant bbasis
expect_contains "$ERR" "ROLE"
expect_rc 2 imictl user list --colour
expect_rc 2 imictl user
expect_rc 2 imictl notify send --limit many
expect_rc 2 imictl check extra

# Errors name the field; with --json they are a JSON object on stderr.
expect_refused 6 imictl user edit bbasis --email nonsense --json
expect_contains "$ERR" '"code":'
expect_contains "$ERR" "e-mail"
expect_eq "$OUT" ""
expect_rc 3 imictl user show bbasls --json
expect_contains "$ERR" "bbasis"
