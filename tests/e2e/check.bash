# imictl check: every finding, its severity, exit status and JSON shape.
# Users are set up with sqlite3 (as `user add` / `role grant` would leave them).
source "$IMICTL_SOURCE_DIR/tests/smtp/mail_helpers.sh"

export IMICTL_NOW=2026-03-02T09:00:00Z
init_db

# codes: the finding codes of the last `check --json`, space-separated.
# Output that is not a JSON list of findings fails (json records it), so
# expect_no_code cannot pass on an error message or an empty output.
codes() { json '" ".join(f["code"] for f in j) if isinstance(j, list) else j["not a list of findings"]'; }
expect_code() {
  local found
  CHECKS=$((CHECKS + 1))
  found=$(codes) || return 0
  case " $found " in *" $1 "*) ;; *) fail "expected finding $1 in: $found" ;; esac
}
expect_no_code() {
  local found
  CHECKS=$((CHECKS + 1))
  found=$(codes) || return 0
  case " $found " in *" $1 "*) fail "did not expect finding $1" ;; esac
}

# A fresh database: one user, who is the only lda and a handler without services.
expect_rc 1 imictl check --json
expect_json 'sorted(j[0].keys())' '["code", "fix", "guide_section", "message", "severity"]'
expect_code single-user
expect_code single-lda
expect_code handler-without-services
expect_no_code no-authority-email
expect_no_code abbreviated-informal-name
expect_json '[f["severity"] for f in j if f["code"] == "single-user"]' '["warning"]'
expect_json '[f["guide_section"] for f in j if f["code"] == "single-user"]' '["H1.2"]'
expect_json '[f["severity"] for f in j if f["code"] == "handler-without-services"]' '["error"]'
expect_json '[f["fix"] for f in j if f["code"] == "handler-without-services"]' '["imictl role grant aadmin handler --service KEYWORD"]'
expect_json '[f["guide_section"] for f in j if f["code"] == "single-lda"]' '["H5 stap 2.3, H6.2"]'
# Table output: one finding per line with its fix, exit 1 for the error.
expect_rc 1 imictl check
expect_contains "$OUT" "error: handler aadmin has no services selected"
expect_contains "$OUT" "  fix: imictl role grant aadmin handler --service KEYWORD"
expect_rc 1 imictl check --format csv
expect_eq "$(head -1 <<<"$OUT" | tr -d '\r')" "severity,code,message,guide_section,fix"

# Follow the advice: a service, a second user who is lda. Clean: exit 0, no findings.
sql "$IMICTL_DB" "INSERT INTO user_service VALUES ((SELECT id FROM user WHERE username = 'aadmin'), 'construction')"
activate_user aadmin
add_user bpauwels Bram Pauwels b.pauwels@oeteldonk.nl nl 2026-03-02T08:00:00Z lda
activate_user bpauwels
expect_ok imictl check --json
expect_eq "$OUT" "[]"
expect_ok imictl check
expect_contains "$OUT" "no findings"
# A warning alone keeps exit 0; the candidate for a second lda is named.
sql "$IMICTL_DB" "DELETE FROM user_role WHERE role = 'lda' AND user_id = (SELECT id FROM user WHERE username = 'bpauwels')"
expect_ok imictl check --json
expect_json '[(f["code"], f["fix"]) for f in j]' '[["single-lda", "imictl role grant bpauwels lda"]]'
# No lda who can act: an error.
sql "$IMICTL_DB" "UPDATE user SET status = 'locked' WHERE username = 'aadmin'"
expect_rc 1 imictl --as bpauwels check --json
expect_code no-lda
expect_no_code single-lda
sql "$IMICTL_DB" "UPDATE user SET status = 'active' WHERE username = 'aadmin';
  INSERT INTO user_role VALUES ((SELECT id FROM user WHERE username = 'bpauwels'), 'lda')"

# Authority data (H2.2): abbreviation in the informal name, no informal name, no e-mail.
expect_ok imictl authority edit --informal-name "VROM-inspectie"
expect_ok imictl check --json
expect_json '[(f["severity"], f["code"]) for f in j]' '[["warning", "abbreviated-informal-name"]]'
expect_contains "$(json 'j[0]["message"]')" "'VROM'"
expect_json 'j[0]["fix"]' "imictl authority edit --informal-name NAME"
expect_ok imictl authority edit --informal-name "Inspectie voor huisvesting, ruimtelijke ordening en milieu"
expect_ok imictl check --json
expect_eq "$OUT" "[]"
sql "$IMICTL_DB" "UPDATE authority SET email = NULL, informal_name = NULL WHERE is_own = 1"
expect_rc 1 imictl check --json
expect_json '[(f["severity"], f["code"]) for f in j]' '[["error", "no-authority-email"], ["suggestion", "no-informal-name"]]'
expect_json 'j[0]["fix"]' "imictl authority edit --email ADDR"
expect_ok imictl authority edit --email imi@oeteldonk.nl --informal-name "Gemeente Oeteldonk"

# Allocation (B3, H6.3).
expect_ok imictl authority settings --allocation on
expect_rc 1 imictl check --json
expect_json '[(f["severity"], f["code"], f["guide_section"]) for f in j]' '[["error", "allocation-without-allocators", "H6.3, B3"]]'
expect_ok imictl authority settings --allocation off
add_user loket Publieksbalie Loket publieksbalie@oeteldonk.nl nl 2026-03-02T08:00:00Z allocator
activate_user loket
expect_ok imictl check --json
expect_json '[(f["severity"], f["code"]) for f in j]' '[["warning", "allocators-without-allocation"]]'
expect_contains "$(json 'j[0]["message"]')" "loket"
expect_json 'j[0]["fix"]' "imictl authority settings --allocation on"
for i in 1 2 3 4 5; do
  add_user "h$i" Handler "Nummer$i" "h$i@oeteldonk.nl" nl 2026-03-02T08:00:00Z handler
  activate_user "h$i"
  sql "$IMICTL_DB" "INSERT INTO user_service VALUES ((SELECT id FROM user WHERE username = 'h$i'), 'construction')"
done
sql "$IMICTL_DB" "INSERT INTO department (authority_id, name) VALUES (1, 'Bouw en Woningtoezicht'), (1, 'Energie')"
expect_ok imictl check --json
expect_code many-handlers-without-allocation
expect_code departments-without-allocation
expect_json '[f["severity"] for f in j if f["code"].endswith("-without-allocation") and f["code"] != "allocators-without-allocation"]' '["suggestion", "suggestion"]'
expect_contains "$(json '[f["message"] for f in j if f["code"] == "many-handlers-without-allocation"][0]')" "6 handlers"
expect_ok imictl authority settings --allocation on
expect_ok imictl check --json
expect_eq "$OUT" "[]"

# Credentials overdue: pending more than 24 hours without a credentials mail (H6.1).
add_user nieuw Nieuwe Collega nieuw@oeteldonk.nl nl 2026-03-02T09:00:00Z
export IMICTL_NOW=2026-03-03T09:00:00Z
expect_ok imictl check --json
expect_eq "$OUT" "[]"
export IMICTL_NOW=2026-03-03T09:00:01Z
expect_ok imictl check --json
expect_json '[(f["severity"], f["code"], f["fix"]) for f in j]' '[["warning", "credentials-overdue", "imictl user issue-credentials"]]'
expect_contains "$(json 'j[0]["message"]')" "nieuw"
queue_credentials
expect_ok imictl check --json
expect_no_code credentials-overdue

# Mail stuck in the outbox for more than an hour, then failed.
export IMICTL_NOW=2026-03-03T10:00:01Z
expect_ok imictl check --json
expect_no_code mail-stuck
export IMICTL_NOW=2026-03-03T10:00:02Z
expect_ok imictl check --json
expect_json '[(f["severity"], f["code"], f["fix"]) for f in j]' '[["warning", "mail-stuck", "imictl notify send"]]'
sql "$IMICTL_DB" "UPDATE outbox SET state = 'sending'"
expect_ok imictl check --json
expect_code mail-stuck
sql "$IMICTL_DB" "UPDATE outbox SET state = 'failed', last_error = 'x'"
expect_rc 1 imictl check --json
expect_json '[(f["severity"], f["code"], f["fix"]) for f in j]' '[["error", "mail-failed", "imictl notify retry --all-failed"]]'
sql "$IMICTL_DB" "UPDATE outbox SET state = 'sent'"
expect_ok imictl check --json
expect_eq "$OUT" "[]"

# check reads only: no audit entry, the database unchanged. Its findings name
# users, so it needs an acting user of the authority; a refusal is audited.
before=$(db_digest "$IMICTL_DB")
expect_ok imictl check
expect_unchanged "$IMICTL_DB" "$before"
IMICTL_USER= expect_denied check imictl check
expect_audited "$IMICTL_DB" denied:check "(none)"
# expect_no_code itself fails on output that is not a list of findings
# (tried in a subshell that counts its failures apart).
CHECKS=$((CHECKS + 1))
probe=$(
  OUT="imictl: error: database is locked" FAILURES_FILE=$TEST_DIR/.probe
  : >"$FAILURES_FILE"
  expect_no_code mail-failed 2>/dev/null
  failure_count
)
[ "$probe" = 1 ] || fail "expect_no_code passed on output that is not JSON"
# Without a database: unavailable or not found, never a crash.
IMICTL_DB=$TEST_DIR/none.db expect_rc 7 imictl check
