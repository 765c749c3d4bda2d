# Help for people: bare `imictl`, `imictl help [COMMAND...]`, the global
# options on every page, "did you mean" for commands, options and keywords,
# and the command table as the one source of the command list.

# --- Without a database --------------------------------------------------
# Help, usage errors and the keyword vocabulary need no database: none is
# read, none is created.
export IMICTL_DB=$TEST_DIR/nowhere/imi.db

# Bare `imictl`: the help on stderr, then the error; a usage error (2), so a
# script that lost its command does not pass.
expect_rc 2 imictl
expect_eq "$OUT" ""
expect_contains "$ERR" "Usage: imictl"
expect_contains "$ERR" "Commands:"
expect_contains "$ERR" "Global options:"
expect_contains "$ERR" "--db TEXT"
expect_eq "$(tail -1 <<<"$ERR")" "imictl: error: a command is required"
# The commands come before the global options.
CHECKS=$((CHECKS + 1))
commands_at=$(grep -n '^Commands:' <<<"$ERR" | cut -d: -f1)
globals_at=$(grep -n '^Global options:' <<<"$ERR" | cut -d: -f1)
if [ -z "$commands_at" ] || [ -z "$globals_at" ] || [ "$commands_at" -ge "$globals_at" ]; then
  fail "commands ($commands_at) should be listed before the global options ($globals_at)"
fi
# With --json, stderr carries the JSON error alone.
expect_rc 2 imictl --json
CHECKS=$((CHECKS + 1))
python3 -c 'import json,sys; e=json.loads(sys.argv[1])["error"]; assert e["code"]=="usage", e' "$ERR" ||
  fail "bare imictl --json: not a JSON usage error: $ERR"

# `imictl help` is the same help on stdout, exit 0.
expect_ok imictl help
expect_eq "$ERR" ""
bare_help=$OUT
expect_ok imictl --help
expect_eq "$OUT" "$bare_help"
expect_contains "$bare_help" "Run 'imictl help COMMAND'"

# The command list is the command table: same names, same order, same
# summaries as cli/command_table.cpp, and nothing else (a command without a
# row would show up here and fail the comparison).
table=$(python3 - "$IMICTL_SOURCE_DIR/cli/command_table.cpp" <<'EOF'
import re, sys
src = open(sys.argv[1]).read()
literal = r'"(?:[^"\\]|\\.)*"'
for m in re.finditer(r'\{"([a-z-]+)",\s*N_\(\s*((?:' + literal + r'\s*)+)\),\s*setup_\w+\}', src):
    summary = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(2)))
    print(m.group(1) + "\t" + re.sub(r'\\(.)', r'\1', summary))
EOF
)
listed=$(python3 - <<'EOF' "$bare_help"
import re, sys
lines = sys.argv[1].split("\n")
start = lines.index("Commands:") + 1
for line in lines[start:]:
    if not line.strip():
        break
    m = re.match(r"  (\S+)\s+(.*)$", line)
    print(m.group(1) + "\t" + m.group(2).rstrip())
EOF
)
CHECKS=$((CHECKS + 1))
[ "$(wc -l <<<"$table")" -ge 17 ] || fail "test bug: only $(wc -l <<<"$table") rows read from the command table"
expect_eq "$listed" "$table"

# Each command's help starts with its summary from the table, ends with its
# man page and shows the global options; `imictl help X` is `imictl X --help`.
while IFS=$'\t' read -r name summary; do
  expect_ok imictl help "$name"
  expect_eq "$(head -1 <<<"$OUT")" "$summary"
  expect_contains "$OUT" "Usage: imictl $name"
  expect_contains "$OUT" "See 'man imictl-$name'"
  expect_contains "$OUT" "--as TEXT"
  via_help=$OUT
  expect_ok imictl "$name" --help
  expect_eq "$OUT" "$via_help"
done <<<"$table"

# A subcommand's help: its options, then the global options.
expect_ok imictl help user
expect_contains "$OUT" "Subcommands:"
expect_contains "$OUT" "  add "
expect_contains "$OUT" "Global options:"
expect_ok imictl help user add
user_add_help=$OUT
expect_contains "$OUT" "Usage: imictl user add"
expect_contains "$OUT" "--first-name"
expect_contains "$OUT" "Global options:"
expect_contains "$OUT" "--db TEXT"
expect_contains "$OUT" "--json"
expect_contains "$OUT" "See 'man imictl-user'"
expect_ok imictl user add --help
expect_eq "$OUT" "$user_add_help"
expect_ok imictl user --help
expect_contains "$OUT" "Global options:"
expect_contains "$OUT" "--as TEXT"
expect_ok imictl help authority keywords list
expect_contains "$OUT" "Usage: imictl authority keywords list"
expect_contains "$OUT" "--all"

# A command that needs a subcommand shows its help on stderr, exit 2.
expect_rc 2 imictl user
expect_eq "$OUT" ""
expect_contains "$ERR" "Usage: imictl user"
expect_contains "$ERR" "  add "
expect_eq "$(tail -1 <<<"$ERR")" "imictl: error: 'imictl user' needs a subcommand"

# Unknown commands and subcommands: exit 2 and the nearest one.
expect_rc 2 imictl usr
expect_contains "$ERR" "imictl: error: unknown command 'usr'; did you mean 'user'?"
expect_rc 2 imictl usr list
expect_contains "$ERR" "imictl: error: unknown command 'usr'; did you mean 'user'?"
expect_rc 2 imictl req list
expect_contains "$ERR" "unknown command 'req'; did you mean 'request'?"
expect_rc 2 imictl user lst
expect_contains "$ERR" "imictl: error: unknown command 'user lst'; did you mean 'user list'?"
expect_contains "$ERR" "imictl: hint: see 'imictl help user'"
# A command that takes an argument before its subcommand ("authority
# keywords [AUTH] list") took the misspelt subcommand for that argument.
expect_rc 2 imictl authority keywords lst
expect_contains "$ERR" "unknown command 'authority keywords lst'; did you mean 'authority keywords list'?"
expect_rc 2 imictl help usr
expect_contains "$ERR" "imictl: error: unknown command 'usr'; did you mean 'user'?"
expect_rc 2 imictl help user ad
expect_contains "$ERR" "unknown command 'user ad'; did you mean 'user add'?"
expect_eq "$OUT" ""
# Nothing close: said so, nothing suggested.
expect_rc 2 imictl frobnicate
expect_contains "$ERR" "imictl: error: unknown command 'frobnicate'"
expect_not_contains "$ERR" "did you mean"
expect_rc 2 imictl help user zzzzzz
expect_contains "$ERR" "unknown command 'user zzzzzz'"
expect_not_contains "$ERR" "did you mean"
# An argument a command does not take is not a command.
expect_rc 2 imictl config show extra
expect_contains "$ERR" "unexpected argument 'extra' for 'imictl config show'"

# Unknown options: the nearest option of the command or a global one.
expect_rc 2 imictl user add --frist-name Jan --last-name Jansen --email j@example.nl --language nl
expect_contains "$ERR" "imictl: error: unknown option --frist-name; did you mean --first-name?"
expect_rc 2 imictl user add --frist-name=Jan --last-name Jansen --email j@example.nl --language nl
expect_contains "$ERR" "unknown option --frist-name; did you mean --first-name?"
expect_rc 2 imictl --jsn user list
expect_contains "$ERR" "unknown option --jsn; did you mean --json?"
expect_rc 2 imictl user list --stats active
expect_contains "$ERR" "unknown option --stats; did you mean --status?"
expect_rc 2 imictl --json user list --zzzzzz
CHECKS=$((CHECKS + 1))
python3 -c 'import json,sys; e=json.loads(sys.argv[1])["error"]; assert e["code"]=="usage" and e["message"]=="unknown option --zzzzzz", e' "$ERR" ||
  fail "unknown option without a near one, as JSON: $ERR"

# The keyword vocabulary is listed from the binary, without a database.
expect_ok imictl --json authority keywords list --all
shipped=$(grep -c "^  ('" "$IMICTL_SOURCE_DIR/schemas/002_keywords.sql")
expect_json "len(j)" "$shipped"
expect_json "[k['label_nl'] for k in j if k['keyword'] == 'construction'][0]" "Bouwdiensten"
expect_ok imictl authority keywords list --all
expect_contains "$OUT" "building-permits"
# The authority's own keywords still need the database.
expect_rc 7 imictl authority keywords list
CHECKS=$((CHECKS + 1))
[ ! -e "$TEST_DIR/nowhere" ] || fail "help or the vocabulary created $TEST_DIR/nowhere"

# --- With a database -----------------------------------------------------
init_db
# A refused command line changes nothing.
before=$(db_digest "$IMICTL_DB")
expect_rc 2 imictl user add --frist-name Jan --last-name Jansen --email j@example.nl --language nl
expect_unchanged "$IMICTL_DB" "$before"

# An unknown keyword stays "not found" (3) and suggests through the Dutch
# labels and their prefixes: bouw (building) -> construction (Bouwdiensten).
expect_refused 3 imictl user add --first-name Bo --last-name Bouw --email bo@example.nl --language nl \
  --role handler --service bouw
expect_contains "$ERR" "imictl: error: --service: unknown keyword 'bouw'"
expect_contains "$ERR" "imictl: hint: did you mean 'construction' or 'building-permits'?"
expect_refused 3 imictl authority keywords add Bouwdienst
expect_contains "$ERR" "did you mean 'construction'?"
expect_refused 3 imictl authority search --keyword makelaar
expect_contains "$ERR" "--keyword: unknown keyword 'makelaar'"
expect_contains "$ERR" "did you mean 'estate-agents'?"
# The Dutch label itself is accepted.
expect_ok imictl authority keywords add Bouwdiensten
expect_sql "$IMICTL_DB" "SELECT group_concat(keyword) FROM authority_keyword" "construction"
