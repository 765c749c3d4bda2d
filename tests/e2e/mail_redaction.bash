# A failed delivery whose error quotes the message must not put the temporary
# password in the outbox, the audit log, `notify list` or the `notify send`
# report: only the status code and a fixed reason are kept. A permanent
# refusal (SMTP 5xx, sendmail "addressee unknown") is marked failed at once;
# temporary ones and connection failures are retried.
source "$IMICTL_SOURCE_DIR/tests/smtp/mail_helpers.sh"

# expect_secret_nowhere PW: not in the database files, the dump, notify list
# (every format), the audit log, nor the last command's output ($OUT, $ERR).
expect_secret_nowhere() {
  local pw=$1 f rc format
  CHECKS=$((CHECKS + 1))
  if [ "${#pw}" != 16 ]; then
    fail "no temporary password to look for: '$pw'"
    return
  fi
  expect_not_contains "$OUT$ERR" "$pw"
  for f in "$IMICTL_DB" "$IMICTL_DB"-wal; do
    [ -e "$f" ] || continue
    CHECKS=$((CHECKS + 1))
    grep -a -F -q -- "$pw" "$f"
    rc=$?
    [ "$rc" = 1 ] || fail "grep $f for the password: status $rc (0: found, 2: unreadable)"
  done
  local dump
  dump=$(sqlite3 -bail "$IMICTL_DB" .dump) || fail "sqlite3 .dump failed"
  expect_contains "$dump" "CREATE TABLE outbox"
  expect_not_contains "$dump" "$pw"
  for format in json csv table; do
    expect_ok imictl notify list --all --format "$format"
    expect_contains "$OUT" "credentials"
    expect_not_contains "$OUT" "$pw"
  done
  expect_ok imictl audit list --json
  expect_contains "$OUT" "mail."
  expect_not_contains "$OUT" "$pw"
}

# The password as the quoting party saw it: its presence there is the
# positive control that makes "not found" elsewhere mean something.
quoted_password() { # MESSAGE_FILE QUOTE_FILE
  local pw
  pw=$(mail_password "$1")
  CHECKS=$((CHECKS + 1))
  grep -q -F -- "$pw" "$2" || fail "the refusal in $2 does not quote the password '$pw'"
  printf '%s\n' "$pw"
}

mail_state() { sqlite3 -bail "$IMICTL_DB" "SELECT state || ' ' || attempts FROM outbox WHERE id = $1"; }

export IMICTL_NOW=2026-03-02T09:00:00Z
init_db
activate_user aadmin
add_user zdevries Zoë "de Vries" z.devries@oeteldonk.nl nl 2026-03-01T08:00:00Z
queue_credentials
id=$(sqlite3 -bail "$IMICTL_DB" "SELECT id FROM outbox WHERE kind = 'credentials'")
expect_eq "$id" "1"

# --- SMTP 451 quoting the message: deferred, nothing quoted kept -------------------
start_smtp "$TEST_DIR/defer" --mode defer --quote
mail_config "smtp_url = \"smtp://127.0.0.1:$SMTP_PORT\""
expect_rc 1 imictl notify send --json
smtp_out=$OUT smtp_err=$ERR
pw=$(quoted_password "$SMTP_DIR/refused-0001.eml" "$SMTP_DIR/refused-0001.reply")
OUT=$smtp_out ERR=$smtp_err
expect_secret_nowhere "$pw"
OUT=$smtp_out
expect_json '[(m["outcome"], m["attempts"]) for m in j]' '[["deferred", 1]]'
# The whole reason: the URL, the reply code and curl's fixed text, nothing more.
expect_json '__import__("re").sub(r"; [A-Za-z '"'"',]+ \(curl \d+\)$", "; CURL", j[0]["error"])' \
  "smtp://127.0.0.1:$SMTP_PORT: server replied 451 (temporary failure); CURL"
expect_eq "$(mail_state "$id")" "pending 1"
expect_contains "$(sqlite3 -bail "$IMICTL_DB" "SELECT last_error FROM outbox WHERE id = $id")" "server replied 451"
expect_contains "$(sqlite3 -bail "$IMICTL_DB" "SELECT summary FROM audit WHERE action = 'mail.deferred'")" \
  "server replied 451 (temporary failure)"
stop_smtp

# --- SMTP 554 quoting the message: permanent, failed at the first refusal ---------
export IMICTL_NOW=2026-03-02T09:01:00Z
start_smtp "$TEST_DIR/reject" --mode reject --quote
mail_config "smtp_url = \"smtp://127.0.0.1:$SMTP_PORT\""
expect_rc 1 imictl notify send
smtp_err=$ERR
pw=$(quoted_password "$SMTP_DIR/refused-0001.eml" "$SMTP_DIR/refused-0001.reply")
OUT= ERR=$smtp_err
expect_secret_nowhere "$pw"
expect_contains "$smtp_err" "server replied 554 (permanent failure)"
expect_contains "$smtp_err" "gave up; marked failed"
expect_eq "$(mail_state "$id")" "failed 2"
expect_eq "$(sqlite3 -bail "$IMICTL_DB" "SELECT count(*) FROM audit WHERE action = 'mail.failed' AND object = 'outbox:$id'")" "1"
# A failed mail waits for a person; a later run does not touch it.
export IMICTL_NOW=2026-03-03T09:00:00Z
expect_ok imictl notify send
expect_eq "$(mail_state "$id")" "failed 2"
expect_eq "$(find "$SMTP_DIR" -name 'refused-*.eml' | wc -l | tr -d ' ')" "1"
stop_smtp

# --- temporary failures stay retryable: 451 to RCPT, no server at all ------------
expect_ok imictl notify retry "$id"
start_smtp "$TEST_DIR/refuse" --mode refuse
mail_config "smtp_url = \"smtp://127.0.0.1:$SMTP_PORT\""
expect_rc 1 imictl notify send
expect_contains "$ERR" "will retry at"
expect_eq "$(mail_state "$id")" "pending 1"
stop_smtp
export IMICTL_NOW=2026-03-03T09:01:00Z
mail_config "smtp_url = \"smtp://127.0.0.1:$(free_port)\""
expect_rc 1 imictl notify send
expect_contains "$ERR" "Couldn't connect to server (curl 7)"
expect_contains "$ERR" "will retry at"
expect_eq "$(mail_state "$id")" "pending 2"

# --- sendmail that echoes the message in its complaint ----------------------------
cat >"$TEST_DIR/noisy-sendmail" <<'SH'
#!/bin/sh
# Keeps the message it was given, complains on its first line quoting the
# first indented line of the message (where the password is), then quotes all
# of it on stderr, and exits with $FAKE_STATUS.
n=$(ls "$FAKE_DIR" | grep -c '\.msg$')
cat >"$FAKE_DIR/$((n + 1)).msg"
echo "sendmail: line not accepted: $(grep -m 1 '^    ' "$FAKE_DIR/$((n + 1)).msg")"
sed 's/^/> /' "$FAKE_DIR/$((n + 1)).msg" >&2
exit "$FAKE_STATUS"
SH
chmod +x "$TEST_DIR/noisy-sendmail"
export FAKE_DIR=$TEST_DIR/sendmail
mkdir -p "$FAKE_DIR"
mail_config 'transport = "sendmail"' "sendmail_command = \"$TEST_DIR/noisy-sendmail -t -i\""
export IMICTL_NOW=2026-03-03T09:06:00Z
FAKE_STATUS=75 expect_rc 1 imictl notify send
pw=$(mail_password "$FAKE_DIR/1.msg")
expect_secret_nowhere "$pw"
expect_eq "$(mail_state "$id")" "pending 3"
expect_eq "$(sqlite3 -bail "$IMICTL_DB" "SELECT last_error FROM outbox WHERE id = $id")" \
  "$TEST_DIR/noisy-sendmail exited with status 75 (temporary failure)"
# Positive control: the program did echo the password, so its output was there to leak.
CHECKS=$((CHECKS + 1))
mkdir -p "$TEST_DIR/control"
FAKE_STATUS=75 FAKE_DIR=$TEST_DIR/control "$TEST_DIR/noisy-sendmail" <"$FAKE_DIR/1.msg" 2>/dev/null |
  head -n 1 | grep -q -F -- "$pw" || fail "the noisy sendmail does not quote the password on its first line"

export IMICTL_NOW=2026-03-03T09:36:00Z
FAKE_STATUS=67 expect_rc 1 imictl notify send
pw=$(mail_password "$FAKE_DIR/2.msg")
expect_secret_nowhere "$pw"
expect_eq "$(mail_state "$id")" "failed 4"
expect_eq "$(sqlite3 -bail "$IMICTL_DB" "SELECT last_error FROM outbox WHERE id = $id")" \
  "$TEST_DIR/noisy-sendmail exited with status 67 (addressee unknown)"

# --- once accepted, the mail goes out and the chain of entries holds ---------------
expect_ok imictl notify retry "$id"
FAKE_STATUS=0 expect_ok imictl notify send
expect_eq "$(mail_state "$id")" "sent 1"
expect_ok imictl audit verify
