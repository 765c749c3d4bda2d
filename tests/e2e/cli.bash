# The CLI contract: help, version, exit codes, error format, renderers.
init_db

expect_ok imictl --version
expect_contains "$OUT" "imictl "
expect_ok imictl --help
for cmd in init authority user role login notify import export check audit config migrate; do
  expect_contains "$OUT" "$cmd"
done
for cmd in "init" "authority" "authority add" "authority list" "authority show" "authority search" \
  "authority edit" "authority competence" "authority keywords" "authority keywords list" "authority settings" \
  "audit" "audit list" "audit verify" "config show" "migrate"; do
  # shellcheck disable=SC2086
  expect_ok imictl $cmd --help
  expect_contains "$OUT" "Usage"
done

# Usage errors are exit 2, with "did you mean".
expect_rc 2 imictl autority list
expect_contains "$ERR" "imictl: error: unknown command 'autority'"
expect_contains "$ERR" "did you mean 'authority'?"
expect_rc 2 imictl authority lst
expect_contains "$ERR" "did you mean 'authority list'?"
expect_rc 2 imictl authority list --bogus
expect_rc 2 imictl --format xml authority list
expect_rc 2 imictl

# --json errors on stderr are JSON; stdout stays empty.
expect_rc 3 imictl --json authority show 12345
expect_eq "$OUT" ""
CHECKS=$((CHECKS + 1))
python3 -c 'import json,sys; e=json.loads(sys.argv[1])["error"]; assert e["code"]=="not_found" and "12345" in e["message"]' "$ERR" \
  || fail "JSON error not parseable: $ERR"

# CSV output neutralises cells that Excel would execute.
expect_ok imictl authority add --name "=HYPERLINK(\"http://evil\")" --country NL --type competent_authority --email e@example.nl
expect_ok imictl authority add --name "+31 Bureau" --country NL --type competent_authority --email f@example.nl
expect_ok imictl authority add --name "@risk, \"quoted\"" --country NL --type competent_authority --email g@example.nl
expect_ok imictl --format csv authority list
expect_contains "$OUT" "\"'=HYPERLINK(\"\"http://evil\"\")\""
expect_contains "$OUT" "'+31 Bureau"
expect_contains "$OUT" "\"'@risk, \"\"quoted\"\"\""
# ...and the CSV parses back with the neutralised values.
CHECKS=$((CHECKS + 1))
python3 -c 'import csv,sys,io; rows=list(csv.reader(io.StringIO(sys.argv[1]))); assert rows[0][1]=="name" and len(rows)==5, rows' "$OUT" \
  || fail "CSV does not parse"

# Table output when piped has stable headers.
expect_ok imictl authority list
expect_eq "$(head -1 <<<"$OUT" | awk '{print $1, $2}')" "ID NAME"

# No colour when piped, even on request of nothing.
expect_not_contains "$OUT" $'\033['

# Output that cannot be written is a failure with the reason, not exit 0.
expect_rc 1 bash -c '"$IMICTL_BIN" authority list >/dev/full'
expect_contains "$ERR" "No space left on device"
