# Every row of the lifecycle table, read from `request transitions --json`
# (the table in lib/requests/lifecycle.cpp, nothing typed here), is walked:
# from each of its states by the right actor (exit 0, the new state, one more
# history entry, the version up by one), by actors of the wrong side or role
# (4), and from every other state (5, naming the state and the actions
# possible in it). A refusal changes nothing.
source "$IMICTL_SOURCE_DIR/tests/e2e/request_lib.sh"
setup_request_world
printf 'attachment\n' >"$TEST_DIR/note.txt"

expect_ok imictl request transitions --json
TABLE=$OUT
ROWS=$(python3 -c '
import json, sys
for t in json.loads(sys.argv[1]):
    print("|".join([t["action"], " ".join(t["from"]), t["to"] or "", t["side"], t["role"],
                    "1" if t["needs_assignment"] else "0", t["synopsis"]]))' "$TABLE")
expect_eq "$(wc -l <<<"$ROWS" | tr -d ' ')" "15"
STATES="draft sent accepted answered closed refused"

# The command line of a row: the synopsis with its placeholders filled in.
command_of() { # SYNOPSIS REF
  local word out=()
  for word in $1; do
    case $word in
      REQ) out+=("$2") ;;
      REASON) out+=(out-of-scope) ;;
      AUTH) out+=("$COORD") ;;
      TEXT) out+=("Nadere informatie") ;;
      N) out+=(1) ;;
      DATE) out+=(2026-04-30) ;;
      FILE) out+=("$TEST_DIR/note.txt") ;;
      HANDLER) out+=(bpeeters) ;;
      *) out+=("$word") ;;
    esac
  done
  printf '%s\n' "${out[@]}"
}

right_actor() { # SIDE ROLE
  if [ "$1" = requesting ]; then echo hhendriks; elif [ "$2" = allocator ]; then echo tmaes; else echo bpeeters; fi
}
# Actors of the wrong side or the wrong role for a row.
wrong_actors() { # SIDE ROLE
  if [ "$1" = requesting ]; then echo "bpeeters bbasis ttoewijzer uweber"
  elif [ "$2" = allocator ]; then echo "bpeeters lleysen ttoewijzer hhendriks"
  else echo "hhendriks bwouters tmaes kjacobs uweber"; fi
}

# What a row needs in place before it can be taken: a proposal to agree to,
# a handler to take off.
prepare() { # ACTION REF
  case $1 in
    due-agree) as bpeeters imictl request due "$2" --propose 2026-04-30 >/dev/null || fail "propose $2" ;;
    unassign) as tmaes imictl assign "$2" bpeeters >/dev/null || fail "assign $2" ;;
    reply)
      as bpeeters imictl request answer "$2" --question 1 --text Ja >/dev/null || fail "answer $2"
      as bpeeters imictl request answer "$2" --question 2 --standard no >/dev/null || fail "answer $2"
      ;;
  esac
}

while IFS='|' read -r action from to side role needs_assignment synopsis; do
  actor=$(right_actor "$side" "$role")
  for state in $from; do
    ref=$(request_in_state "$state")
    prepare "$action" "$ref"
    mapfile -t cmd < <(command_of "$synopsis" "$ref")
    # Wrong actors: 4, and nothing changes.
    before=$(request_fingerprint "$ref")
    for wrong in $(wrong_actors "$side" "$role"); do
      expect_rc 4 as "$wrong" imictl "${cmd[@]}"
      expect_eq "$(request_fingerprint "$ref")" "$before"
    done
    # The right actor: the new state, one more history entry, version + 1.
    version=$(sql "$DB" "SELECT version FROM request WHERE reference = '$ref'")
    history=$(sql "$DB" "SELECT count(*) FROM request_history h JOIN request r ON r.id = h.request_id
                         WHERE r.reference = '$ref'")
    expect_ok as "$actor" imictl "${cmd[@]}"
    if [ "$to" = deleted ]; then
      expect_sql "$DB" "SELECT count(*) FROM request WHERE reference = '$ref'" "0"
      expect_sql "$DB" "SELECT count(*) FROM request_question q LEFT JOIN request r ON r.id = q.request_id
                        WHERE r.id IS NULL" "0"
    else
      expect_sql "$DB" "SELECT state FROM request WHERE reference = '$ref'" "${to:-$state}"
      expect_sql "$DB" "SELECT version FROM request WHERE reference = '$ref'" "$((version + 1))"
      expect_sql "$DB" "SELECT count(*) || ' ' || (SELECT action FROM request_history h2 WHERE h2.request_id = r.id
                          ORDER BY id DESC LIMIT 1) FROM request_history h JOIN request r ON r.id = h.request_id
                        WHERE r.reference = '$ref'" "$((history + 1)) $action"
    fi
    expect_sql "$DB" "SELECT count(*) FROM audit WHERE action = 'request.$action' AND object = 'request:$ref'" "1"
  done
  # Every state no row of this action starts from: 5 naming the state and
  # what is possible in it.
  all_from=$(python3 -c '
import json, sys
print(" ".join(s for t in json.loads(sys.argv[1]) if t["action"] == sys.argv[2] for s in t["from"]))' "$TABLE" "$action")
  for state in $STATES; do
    case " $all_from " in *" $state "*) continue ;; esac
    ref=$(request_in_state "$state")
    mapfile -t cmd < <(command_of "$synopsis" "$ref")
    before=$(request_fingerprint "$ref")
    if [ "$state" = draft ] && [ "$side" = responding ]; then
      # A draft is the requesting authority's alone: the responder cannot see it.
      expect_rc 4 as "$actor" imictl "${cmd[@]}"
    else
      expect_rc 5 as "$actor" imictl "${cmd[@]}"
      expect_contains "$ERR" "is $state:"
      possible=$(python3 -c '
import json, sys
seen = []
for t in json.loads(sys.argv[1]):
    if sys.argv[2] in t["from"] and t["action"] not in seen: seen.append(t["action"])
print(", ".join(seen))' "$TABLE" "$state")
      [ -n "$possible" ] && expect_contains "$ERR" "possible in state $state: $possible"
    fi
    expect_eq "$(request_fingerprint "$ref")" "$before"
  done
done <<<"$ROWS"

# The man page's table is the same table.
expect_eq "$(python3 "$IMICTL_SOURCE_DIR/scripts/request_transitions_man.py" <<<"$TABLE")" \
  "$(sed -n '/BEGIN TRANSITIONS/,/END TRANSITIONS/p' "$IMICTL_SOURCE_DIR/man/imictl-request.1")"

# Refusals are audited.
expect_sql "$DB" "SELECT count(*) > 10 FROM audit WHERE action LIKE 'denied:request.%'" "1"

# transitions REQ: what this actor may do now, and why not.
ref=$(request_in_state sent)
expect_ok as bpeeters imictl request transitions "$ref" --json
expect_json '[t["action"] for t in j if t["allowed"]]' '["accept", "refuse", "forward", "due-propose"]'
expect_json '[t["reason"] for t in j if t["action"] == "send"][0]' "not possible in state sent"
expect_ok as hhendriks imictl request transitions "$ref" --json
expect_json '[t["action"] for t in j if t["allowed"]]' '["due-agree"]'
expect_rc 4 as uweber imictl request transitions "$ref"
finish_suite
