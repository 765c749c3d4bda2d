# The access matrix: every read command that can show personal data, run as
# every kind of actor. A command either shows the data (exit 0) to an actor
# who may see it, or refuses (3 for an unknown name, 4 otherwise) and its
# output, stdout and stderr together, holds no byte of it. Every refusal is
# in the audit log. The expectations are one table per command below;
# lib/access decides, this suite only watches.
export IMICTL_NOW=2026-03-02T09:00:00Z
init_db
DB=$IMICTL_DB
add() { imictl user add --language nl "$@" >/dev/null || fail "user add $*"; }
# Last names and mailboxes are the personal data looked for; they appear in
# no message, hint or column header of the program.
add --first-name Bea --last-name Qbasic --email bea.q@oeteldonk.nl
add --first-name Hans --last-name Qhandler --email hans.q@oeteldonk.nl --role handler --service construction
add --first-name Tom --last-name Qallocator --email tom.q@oeteldonk.nl --role allocator
add --first-name Lia --last-name Qlocked --email lia.q@oeteldonk.nl --role lda
add --first-name Dirk --last-name Qdeleted --email dirk.q@oeteldonk.nl
imictl user lock lqlocked >/dev/null || fail "lock"
imictl user delete dqdeleted --yes >/dev/null || fail "delete"
# Another authority in the same database, with its own local data administrator.
sql "$DB" "INSERT INTO authority (id, name, country, type, created_at, updated_at)
             VALUES (2, 'Gemeente Elders', 'NL', 'competent_authority', 'x', 'x');
           INSERT INTO user (authority_id, username, first_name, last_name, email, language, status,
                             created_at, updated_at)
             VALUES (2, 'eqother', 'Eva', 'Qother', 'eva.q@elders.nl', 'nl', 'active', 'x', 'x');
           INSERT INTO user_role SELECT id, 'lda' FROM user WHERE username = 'eqother';" ||
  fail "second authority"
# Mail in the outbox: credentials for everyone created a day ago.
IMICTL_NOW=2026-03-03T10:00:00Z imictl user issue-credentials >/dev/null || fail "issue-credentials"
expect_sql "$DB" "SELECT count(*) > 0 FROM outbox WHERE recipient LIKE '%.q@oeteldonk.nl'" "1"

own_data=(Qbasic Qhandler Qallocator Qlocked Qdeleted bea.q@ hans.q@ tom.q@ lia.q@ a.admin@)
other_data=(Qother eva.q@)
# Usernames are made from names: an allowed listing that shows only them
# (role list, audit list) still counts as showing the data.
own_usernames=(bqbasic hqhandler tqallocator lqlocked aadmin)
other_usernames=(eqother)

# actor kind | --as value ("" = none)
actors=(
  "none|"
  "unknown|nobody"
  "basic|bqbasic"
  "handler|hqhandler"
  "allocator|tqallocator"
  "lda|aadmin"
  "locked|lqlocked"
  "deleted|dqdeleted"
  "other-lda|eqother"
  "system|system"
)

# command | whose data it shows | actor kinds that may run it
commands=(
  "user list|own|basic handler allocator lda"
  "user show hqhandler|own|basic handler allocator lda"
  "role list|own|basic handler allocator lda"
  "role who handler|own|basic handler allocator lda"
  "check|own|basic handler allocator lda"
  "export result-table|own|lda"
  "export result-table --authority 2|other|other-lda"
  "notify list --all|own|lda"
  "audit list|own|lda"
  "user print bqbasic|own|lda"
)

# The data of the authority a command is about, and the data it must never
# show (the other authority's, whatever the command).
data_of() { if [ "$1" = own ]; then echo "${own_data[@]} ${own_usernames[@]}"; else echo "${other_data[@]} ${other_usernames[@]}"; fi; }
never_of() { if [ "$1" = own ]; then echo "${other_data[@]}"; else echo "${own_data[@]}"; fi; }

for c in "${commands[@]}"; do
  IFS='|' read -r cmd whose may <<<"$c"
  for a in "${actors[@]}"; do
    IFS='|' read -r kind as <<<"$a"
    denied_before=$(sql "$DB" "SELECT count(*) FROM audit WHERE action LIKE 'denied:%'")
    # shellcheck disable=SC2086
    if [ -z "$as" ]; then run env -u IMICTL_USER "$IMICTL_BIN" $cmd; else run "$IMICTL_BIN" --as "$as" $cmd; fi
    shown="$OUT$ERR"
    CHECKS=$((CHECKS + 1))
    if [[ " $may " == *" $kind "* ]]; then
      # check exits 1 when it has error findings: still allowed.
      [ "$RC" = 0 ] || { [ "$cmd" = check ] && [ "$RC" = 1 ]; } ||
        fail "$kind: '$cmd' should be allowed, exit $RC: ${ERR:0:300}"
      # shellcheck disable=SC2046
      for d in $(never_of "$whose"); do expect_not_contains "$shown" "$d"; done
      found=0
      for d in $(data_of "$whose"); do [[ "$shown" == *"$d"* ]] && found=1; done
      [ $found = 1 ] || fail "$kind: '$cmd' was allowed but showed none of the data (positive control)"
    else
      want=4
      [ "$kind" = unknown ] && want=3
      [ "$RC" = "$want" ] || fail "$kind: '$cmd' should be refused with $want, got $RC: ${OUT:0:300}"
      for d in "${own_data[@]}" "${other_data[@]}"; do
        [[ "$shown" == *"$d"* ]] && fail "$kind: '$cmd' refused but leaked '$d'"
      done
      expect_sql "$DB" "SELECT count(*) - $denied_before FROM audit WHERE action LIKE 'denied:%'" "1"
    fi
  done
done

# authority show: the authority's own data is public (the IMI directory), its
# users only for an actor of that authority: null for everyone else.
for a in "${actors[@]}"; do
  IFS='|' read -r kind as <<<"$a"
  for id in 1 2; do
    if [ -z "$as" ]; then
      run env -u IMICTL_USER "$IMICTL_BIN" --json authority show "$id"
    else
      run "$IMICTL_BIN" --as "$as" --json authority show "$id"
    fi
    shown="$OUT$ERR"
    CHECKS=$((CHECKS + 1))
    if [ "$kind" = system ]; then
      [ "$RC" = 4 ] || fail "system: authority show $id: expected 4, got $RC"
      continue
    fi
    [ "$RC" = 0 ] || fail "$kind: authority show $id: exit $RC: ${ERR:0:300}"
    sees=no
    { [ "$id" = 1 ] && [[ " basic handler allocator lda " == *" $kind "* ]]; } && sees=yes
    { [ "$id" = 2 ] && [ "$kind" = other-lda ]; } && sees=yes
    if [ $sees = yes ]; then
      expect_json 'j["users"] is not None' "True"
      [ "$id" = 1 ] && expect_contains "$shown" "Qhandler"
      [ "$id" = 2 ] && expect_contains "$shown" "Qother"
    else
      expect_json 'j["users"]' "None"
      for d in "${own_data[@]}" "${other_data[@]}"; do
        [[ "$shown" == *"$d"* ]] && fail "$kind: authority show $id leaked '$d'"
      done
    fi
  done
done

# Lists that are public carry no personal data for anyone.
for cmd in "authority list" "authority search --country NL" "config show"; do
  # shellcheck disable=SC2086
  run env -u IMICTL_USER "$IMICTL_BIN" $cmd
  expect_eq "$RC" 0
  for d in "${own_data[@]}" "${other_data[@]}"; do expect_not_contains "$OUT$ERR" "$d"; done
done

# The matrix changed nothing but the audit log (and the export entries).
expect_sql "$DB" "SELECT count(*) FROM user" "7"
expect_sql "$DB" "SELECT DISTINCT actor FROM audit WHERE action = 'denied:export' AND object = 'authority:2' ORDER BY 1" \
  "$(printf '%s\n' '(none)' aadmin bqbasic dqdeleted hqhandler lqlocked nobody tqallocator | sort)"
