# Two people act on one request at once (SPEC §4): both read it, both wait
# for the write lock, one wins and the other gets 5 ("changed by someone
# else"), and the request carries exactly one of the two changes.
source "$IMICTL_SOURCE_DIR/tests/e2e/request_lib.sh"
setup_request_world

# hold_lock SECONDS: keeps the database's write lock, as a long writer would,
# so that both commands have read the request before either may write.
hold_lock() {
  python3 -c '
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[3], "w").close()
time.sleep(float(sys.argv[2]))
c.execute("COMMIT")' "$DB" "$1" "$TEST_DIR/locked" &
  LOCK_PID=$!
  while [ ! -e "$TEST_DIR/locked" ]; do sleep 0.05; done
  rm -f "$TEST_DIR/locked"
}

race() { # REF "CMD A" "CMD B" -> RC_A RC_B
  hold_lock 1.5
  (IMICTL_USER=bpeeters imictl request $2 "$1" >"$TEST_DIR/a.out" 2>"$TEST_DIR/a.err"; echo $? >"$TEST_DIR/a.rc") &
  local pa=$!
  (IMICTL_USER=ggoossens imictl request $3 "$1" >"$TEST_DIR/b.out" 2>"$TEST_DIR/b.err"; echo $? >"$TEST_DIR/b.rc") &
  local pb=$!
  wait "$pa" "$pb" "$LOCK_PID"
  RC_A=$(cat "$TEST_DIR/a.rc") RC_B=$(cat "$TEST_DIR/b.rc")
}

for round in 1 2 3; do
  REF=$(request_in_state sent)
  race "$REF" "accept" "refuse --reason out-of-scope"
  CHECKS=$((CHECKS + 1))
  case "$RC_A$RC_B" in
    05) winner=accepted loser=b ;;
    50) winner=refused loser=a ;;
    *) fail "round $round: expected one 0 and one 5, got $RC_A and $RC_B"; continue ;;
  esac
  expect_contains "$(cat "$TEST_DIR/$loser.err")" "changed by someone else; run show again"
  expect_sql "$DB" "SELECT state, version FROM request WHERE reference = '$REF'" "$winner|3"
  expect_sql "$DB" "SELECT count(*) FROM request_history h JOIN request r ON r.id = h.request_id
                    WHERE r.reference = '$REF' AND h.action IN ('accept', 'refuse')" "1"
  expect_sql "$DB" "SELECT count(*) FROM audit WHERE object = 'request:$REF'
                    AND action IN ('request.accept', 'request.refuse')" "1"
done

# The same action twice at once: one answer, one conflict.
REF=$(request_in_state accepted)
race "$REF" "answer --question 1 --text Eerste" "answer --question 1 --text Tweede"
expect_eq "$(printf '%s\n' "$RC_A" "$RC_B" | sort | tr '\n' ' ')" "0 5 "
expect_sql "$DB" "SELECT version FROM request WHERE reference = '$REF'" "4"
expect_sql "$DB" "SELECT count(*) FROM request_history h JOIN request r ON r.id = h.request_id
                  WHERE r.reference = '$REF' AND h.action = 'answer'" "1"
finish_suite
