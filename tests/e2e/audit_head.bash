# imictl audit head and audit verify --head: the newest entries cannot vanish
# unnoticed, and every field of an entry is covered by its hash. Tampering is
# done with sqlite3 around the append-only triggers, as someone with write
# access to the database file would.

# strict_sql DB SQL: prints the result; a failing sqlite3 is a failure here,
# never an empty answer that compares equal to another one.
strict_sql() {
  local got
  if ! got=$(sqlite3 -bail -batch -noheader "$1" "$2" 2>&1); then
    fail "sqlite3 failed on $2: $got"
    return 1
  fi
  printf '%s\n' "$got"
}

# tamper NAME SQL: a copy of the database with SQL applied past the triggers;
# sets $COPY to its path.
tamper() {
  COPY=$TEST_DIR/$1.db
  CHECKS=$((CHECKS + 1))
  cp "$IMICTL_DB" "$COPY" || fail "cannot copy the database"
  sqlite3 -bail "$COPY" "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; $2" ||
    fail "tampering failed: $2"
}

# expect_broken NAME SQL ID: after SQL, verify fails and names entry ID.
expect_broken() {
  tamper "$1" "$2"
  expect_rc 1 imictl --db "$COPY" --json audit verify
  expect_json 'j["intact"]' "False"
  expect_json 'j["first_broken"]["id"]' "$3"
}

export IMICTL_NOW=2026-03-02T09:00:00Z
init_db
expect_ok imictl authority edit --informal-name "Gemeente Oeteldonk (stad)"
expect_ok imictl authority settings --allocation on
expect_ok imictl authority keywords add construction

# --- head: COUNT:HASH of the newest entry, on one line ---------------------------
expect_ok imictl audit head
head1=$OUT
count=$(strict_sql "$IMICTL_DB" "SELECT count(*) FROM audit")
last_hash=$(strict_sql "$IMICTL_DB" "SELECT hash FROM audit ORDER BY id DESC LIMIT 1")
expect_eq "$count" "4"
expect_eq "${#last_hash}" "64"
expect_eq "$head1" "4:$last_hash"
expect_ok imictl audit head --json
expect_json '[j["head"], j["entries"], j["hash"], j["id"]]' "[\"4:$last_hash\", 4, \"$last_hash\", 4]"
# Cron runs it without an acting user.
IMICTL_USER= expect_ok imictl audit head

# --- verify --head: present passes, also after the log has grown ---------------
expect_ok imictl audit verify --head "$head1"
expect_contains "$OUT" "intact: 4 entries; head 4 present"
expect_ok imictl audit verify --head "$(tr a-f A-F <<<"$head1")"
expect_ok imictl authority keywords add transport-ancillary
expect_ok imictl user add --first-name Pieter --last-name "de Kort" --email p.dekort@oeteldonk.nl --language nl
expect_ok imictl audit head
head2=$OUT
expect_eq "${head2%%:*}" "6"
expect_ok imictl --json audit verify --head "$head1"
expect_json '[j["intact"], j["head"], j["head_found"]]' "[true, \"$head1\", true]"

# --- the newest entries removed: the chain alone cannot tell, the head can -----
tamper truncated "DELETE FROM audit WHERE id > 4"
expect_ok imictl --db "$COPY" audit verify
expect_rc 1 imictl --db "$COPY" audit verify --head "$head2"
expect_contains "$OUT" "BROKEN"
expect_contains "$OUT" "the log has 4 entries, but the recorded head is entry number 6"
expect_contains "$OUT" "the newest 2 entries are missing"
expect_rc 1 imictl --db "$COPY" --json audit verify --head "$head2"
expect_json '[j["intact"], j["head_found"], j["first_broken"]]' "[false, false, null]"
# The head it still has is fine.
expect_ok imictl --db "$COPY" audit verify --head "$head1"

# --- the newest entry replaced: same count, another hash ------------------------
# The last entry is removed and imictl itself appends a different one, so the
# chain is intact and only the recorded head shows the difference.
tamper replaced "DELETE FROM audit WHERE id = 6"
expect_ok imictl --db "$COPY" authority keywords add energy-installation
expect_ok imictl --db "$COPY" audit verify
expect_eq "$(strict_sql "$COPY" "SELECT count(*) FROM audit")" "6"
expect_rc 1 imictl --db "$COPY" audit verify --head "$head2"
expect_contains "$OUT" "entry number 6 (id 6) has hash"
expect_contains "$OUT" "not ${head2:2:12}"
expect_rc 1 imictl --db "$COPY" --json audit verify --head "$head2"
expect_json '[j["intact"], j["head_found"]]' "[false, false]"

# --- a malformed head is a usage error ------------------------------------------
for bad in "" "4" "4:" ":$last_hash" "x:$last_hash" "-1:$last_hash" "4:${last_hash:1}" "4:${last_hash}0" \
  "4:${last_hash:1}g" "4 :$last_hash"; do
  expect_rc 2 imictl audit verify --head="$bad"
done

# --- every field of an entry is covered by its hash ----------------------------
expect_broken actor "UPDATE audit SET actor = 'system' WHERE id = 2" 2
expect_contains "$(json 'j["problem"]')" "edited"
expect_broken action "UPDATE audit SET action = 'authority.view' WHERE id = 3" 3
expect_broken object "UPDATE audit SET object = 'authority:2' WHERE id = 2" 2
expect_broken at "UPDATE audit SET at = '2026-03-01T09:00:00Z' WHERE id = 4" 4
expect_broken summary "UPDATE audit SET summary = 'nothing happened' WHERE id = 5" 5
# Renumbering the newest entry keeps the chain linked; the hash covers the id.
expect_broken id "UPDATE audit SET id = 60 WHERE id = 6" 60
expect_broken prev "UPDATE audit SET prev_hash = hash WHERE id = 3" 3
expect_contains "$(json 'j["problem"]')" "does not follow"
# A copy with nothing changed passes: the tampering itself breaks nothing else.
tamper untouched "SELECT 1"
expect_ok imictl --db "$COPY" audit verify
expect_ok imictl audit verify --head "$head2"
