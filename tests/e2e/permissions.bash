# The permission table (lib/users/permissions.cpp): only an lda of the same
# authority manages its users and roles; every refusal is exit 4 and is
# recorded in the audit log as denied:<action>.
init_db
DB=$IMICTL_DB
imictl user add --first-name Bea --last-name Basis --email bea@oeteldonk.nl >/dev/null
imictl user add --first-name Hans --last-name Handler --email hans@oeteldonk.nl --role handler \
  --service construction >/dev/null
imictl user add --first-name Tom --last-name Toewijzer --email tom@oeteldonk.nl --role allocator >/dev/null 2>&1
# A user of another authority, as a shared database would hold it.
sql "$DB" "insert into authority (id, name, country, type, created_at, updated_at)
             values (2, 'Gemeente Elders', 'NL', 'competent_authority', 'x', 'x');
           insert into user (authority_id, username, first_name, last_name, email, language, status, created_at, updated_at)
             values (2, 'eelders', 'Eva', 'Elders', 'eva@elders.nl', 'nl', 'active', 'x', 'x');
           insert into user_role select id, 'lda' from user where username='eelders';"

# command (as words) | audit action it is refused under
table=(
  "user add --first-name X --last-name Y --email xy@oeteldonk.nl|user.manage"
  "user edit bbasis --phone 1|user.manage"
  "user rename bbasis bea|user.manage"
  "user delete bbasis --yes|user.manage"
  "user lock bbasis|user.manage"
  "user unlock bbasis|user.manage"
  "user print bbasis|user.manage"
  "user reset-password bbasis|user.reset-password"
  "role grant bbasis lda|role.manage"
  "role revoke hhandler handler|role.manage"
  "notify retry --all-failed|notify.retry"
  "import $IMICTL_SOURCE_DIR/examples/oeteldonk.csv --dry-run|import"
  "authority edit --phone 1|authority.edit"
  "authority settings --allocation on|authority.edit"
  "authority keywords add construction|authority.edit"
  "authority add --name Elders --country NL --type competent_authority --email e@elders.nl|authority.add"
)

for actor in bbasis hhandler ttoewijzer eelders; do
  for entry in "${table[@]}"; do
    cmd=${entry%%|*}
    action=${entry##*|}
    # Refused: nothing changed but one audit entry, denied:<action> by the actor.
    # shellcheck disable=SC2086
    expect_denied "$action" imictl --as "$actor" $cmd
    expect_audited "$DB" "denied:$action" "$actor"
  done
done

# `system` is the cron actor: nobody can name it.
for entry in "${table[@]}"; do
  cmd=${entry%%|*}
  before=$(sql "$DB" "select count(*) from audit where action='denied:identify' and actor='system'")
  # shellcheck disable=SC2086
  expect_rc 4 imictl --as system $cmd
  expect_contains "$ERR" "built-in actor"
  expect_sql "$DB" "select count(*) - $before from audit where action='denied:identify' and actor='system'" "1"
done

# What was refused changed nothing.
expect_sql "$DB" "select count(*) from user where authority_id = 1" "4"
expect_sql "$DB" "select status, username from user where email='bea@oeteldonk.nl'" "pending|bbasis"
expect_sql "$DB" "select count(*) from user_role where user_id=(select id from user where username='bbasis')" "0"

# The audit log, as imictl shows it, names actor, action and object.
expect_ok imictl audit list --json
expect_json '[e["object"] for e in j if e["action"] == "denied:role.manage" and e["actor"] == "bbasis"]' \
  '["user:bbasis", "user:hhandler"]'

# Any user of the authority may look; an outsider may not.
for actor in bbasis hhandler aadmin; do
  expect_ok imictl --as "$actor" user list --json
  expect_json 'len(j)' "4"
  expect_ok imictl --as "$actor" user show hhandler
  expect_ok imictl --as "$actor" role who lda
done
expect_denied user.view imictl --as eelders user list
expect_denied user.view imictl --as eelders user show hhandler
expect_denied user.view imictl --as eelders role list

# No acting user, an unknown or a locked one.
expect_denied user.manage env -u IMICTL_USER "$IMICTL_BIN" user add --first-name X --last-name Y --email z@oeteldonk.nl
expect_audited "$DB" denied:user.manage "(none)"
expect_contains "$ERR" "--as"
expect_rc 3 imictl --as nobody user list
expect_audited "$DB" denied:user.view nobody
imictl user lock hhandler >/dev/null
expect_denied user.view imictl --as hhandler user list
expect_audited "$DB" denied:user.view hhandler
expect_contains "$ERR" "locked"

# The lda may do each of them.
expect_ok imictl user edit bbasis --phone 1
expect_ok imictl user rename bbasis bea
expect_ok imictl role grant bea lda
expect_ok imictl --as bea role revoke aadmin handler
expect_ok imictl --as bea user reset-password aadmin
expect_ok imictl --as bea notify retry --all-failed
expect_ok imictl --as bea authority edit --phone 1
expect_ok imictl --as bea authority add --name Elders --country NL --type competent_authority --email e@elders.nl

# Cron work needs no --as: it runs as the system actor, whoever starts it.
expect_ok imictl --as bbasis user issue-credentials
expect_ok env -u IMICTL_USER "$IMICTL_BIN" notify send --dry-run
