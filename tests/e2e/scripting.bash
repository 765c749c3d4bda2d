# What scripts rely on (issue: consistency for scripts): one JSON style, CSV
# that never pretends to carry nested data, the spreadsheet guard and
# --csv-raw, -o on every command that writes a file, codes (not prose) in
# action fields, colour only on a terminal.
init_db
DB=$IMICTL_DB
export IMICTL_NOW=2026-03-02T09:00:00Z
imictl user add --first-name Frits --last-name Formule --email f.formule@oeteldonk.nl \
  --phone "+31 40 123 4567" --function "=HYPERLINK(1)" --department "-Loket" >/dev/null || fail "add fformule"

# --- JSON: an object is one line; a list is "[", one element per line, "]" ---
one_object() { # CMD...: stdout is one line holding one JSON object
  expect_ok "$@"
  expect_eq "$(wc -l <<<"$OUT" | tr -d ' ')" "1"
  expect_json 'type(j).__name__' "dict"
}
one_list() { # CMD...: "[" + one element per line + "]"
  expect_ok "$@"
  expect_json 'type(j).__name__' "list"
  expect_eq "$(head -1 <<<"$OUT")" "["
  expect_eq "$(tail -1 <<<"$OUT")" "]"
  local n
  n=$(json 'len(j)')
  expect_eq "$(wc -l <<<"$OUT" | tr -d ' ')" "$((n + 2))"
  # Each element line parses alone, so `grep` and `head` work on lists.
  sed '1d;$d;s/,$//' <<<"$OUT" | python3 -c 'import json,sys; [json.loads(l) for l in sys.stdin]' ||
    fail "an element line of '$*' is not JSON by itself"
}
one_object imictl --json user show fformule
one_object imictl --json authority show
one_object imictl --json stats
one_object imictl --json role grant fformule allocator
one_list imictl --json user list
one_list imictl --json authority list
one_list imictl --json config show
one_list imictl --json audit list
one_list imictl --json role list
expect_ok imictl --json user list --text nobody-matches
expect_eq "$OUT" "[]"

# null, not "", for a value that is not there; numbers and booleans typed.
expect_ok imictl --json user show aadmin
expect_json '[j["phone"], j["function"], j["functional"]]' '[null, null, false]'
expect_ok imictl --json config show
expect_json '{e["key"]: type(e["value"]).__name__ for e in j}["security.password_min_length"]' "int"

# Codes in action fields: user issue-credentials says due/queued.
IMICTL_NOW=2026-03-03T10:00:00Z expect_ok imictl --json user issue-credentials --dry-run
expect_json '[r["action"] for r in j]' '["due"]'
IMICTL_NOW=2026-03-03T10:00:00Z expect_ok imictl --json user issue-credentials
expect_json '[r["action"] for r in j]' '["queued"]'

# --- CSV: nested data is refused, pointing to --json; flat records work ---
expect_refused 2 imictl authority show --format csv
expect_contains "$ERR" "nested data"
expect_contains "$ERR" "--json"
expect_eq "$OUT" ""
expect_ok imictl user show fformule --format csv
header=$(head -1 <<<"$OUT" | tr -d '\r')
row=$(sed -n 2p <<<"$OUT" | tr -d '\r')
expect_eq "$(tr ',' '\n' <<<"$header" | wc -l)" "17"
expect_eq "$(python3 -c 'import csv,sys; print(len(next(csv.reader([sys.argv[1]]))))' "$row")" "17"

# The spreadsheet guard by default; --csv-raw gives the data as stored.
expect_ok imictl user list --format csv
expect_contains "$OUT" "'+31 40 123 4567"
expect_contains "$OUT" "'=HYPERLINK(1)"
expect_ok imictl --csv-raw user list --format csv
expect_contains "$OUT" ",+31 40 123 4567,"
expect_not_contains "$OUT" "'+31"
expect_contains "$OUT" "=HYPERLINK(1)"
expect_not_contains "$OUT" "'=HYPERLINK"
expect_ok imictl export result-table
expect_contains "$OUT" $'\n\'-Loket;'
expect_ok imictl --csv-raw export result-table
expect_contains "$OUT" $'\n-Loket;'
expect_not_contains "$OUT" "'-Loket"

# --- -o writes the file through the safe writer, stdout stays empty ---
expect_ok imictl export result-table -o "$TEST_DIR/table.csv"
expect_eq "$OUT" ""
expect_in_files "Formule" "$TEST_DIR/table.csv"
expect_eq "$(stat -c %a "$TEST_DIR/table.csv")" "600"
expect_ok imictl stats --json -o "$TEST_DIR/stats.json"
expect_eq "$OUT" ""
expect_in_files '"authority": "Gemeente Oeteldonk"' "$TEST_DIR/stats.json"
expect_rc 6 imictl export result-table -o "$DB"

# --- colour: on a terminal only, never with NO_COLOR or --no-color ---
on_terminal() { script -qec "$(printf '%q ' "$@")" /dev/null </dev/null; }
imictl role revoke fformule allocator >/dev/null || fail "revoke"
tty_out=$(on_terminal env IMICTL_DB="$DB" IMICTL_USER=aadmin "$IMICTL_BIN" user list 2>&1)
expect_contains "$tty_out" $'\033[1m'
tty_out=$(on_terminal env NO_COLOR=1 IMICTL_DB="$DB" IMICTL_USER=aadmin "$IMICTL_BIN" user list 2>&1)
expect_not_contains "$tty_out" $'\033['
tty_out=$(on_terminal env IMICTL_DB="$DB" IMICTL_USER=aadmin "$IMICTL_BIN" --no-color user list 2>&1)
expect_not_contains "$tty_out" $'\033['
# A warning (one LDA only) is yellow on a terminal, plain when piped.
tty_out=$(on_terminal env IMICTL_DB="$DB" IMICTL_USER=aadmin "$IMICTL_BIN" role grant fformule allocator 2>&1)
expect_contains "$tty_out" $'\033[33mwarning:'
imictl role revoke fformule allocator >/dev/null || fail "revoke again"
expect_ok imictl role grant fformule allocator
expect_not_contains "$ERR" $'\033['
expect_contains "$ERR" "warning:"
# Errors are red on a terminal, plain when piped.
tty_out=$(on_terminal env IMICTL_DB="$DB" IMICTL_USER=aadmin "$IMICTL_BIN" user show nobody 2>&1)
expect_contains "$tty_out" $'\033[31merror:'
tty_out=$(on_terminal env IMICTL_DB="$DB" IMICTL_USER=aadmin "$IMICTL_BIN" --no-color user show nobody 2>&1)
expect_not_contains "$tty_out" $'\033['
expect_rc 3 imictl user show nobody
expect_not_contains "$ERR" $'\033['
