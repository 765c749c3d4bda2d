# imictl notify list|send|retry: delivery to a real SMTP server on 127.0.0.1
# (plain and STARTTLS + AUTH), the sendmail transport, failures that keep
# mail queued, backoff, and the at-most-once guarantee across a crash.
source "$IMICTL_SOURCE_DIR/tests/smtp/mail_helpers.sh"

export IMICTL_NOW=2026-03-02T09:00:00Z
init_db
activate_user aadmin
add_user zdevries Zoë "de Vries" z.devries@oeteldonk.nl nl 2026-03-01T08:00:00Z
add_user jsmith John Smith j.smith@oeteldonk.nl en 2026-03-01T08:30:00Z
add_user late Late Comer late@oeteldonk.nl nl 2026-03-01T12:00:00Z
queue_credentials
expect_sql "$IMICTL_DB" "SELECT count(*) FROM outbox WHERE kind = 'credentials'" "2"

# --- list -------------------------------------------------------------------
expect_ok imictl notify list --json
expect_json 'len(j)' "2"
expect_json 'sorted(j[0].keys())' '["attempts", "cc", "created_at", "id", "kind", "language", "last_error", "next_attempt_at", "recipient", "sent_at", "state", "subject", "username"]'
expect_json '[(m["username"], m["language"], m["cc"], m["state"]) for m in j]' \
  "[[\"zdevries\", \"nl\", \"imi@oeteldonk.nl\", \"pending\"], [\"jsmith\", \"en\", \"imi@oeteldonk.nl\", \"pending\"]]"
expect_ok imictl notify list --format csv
expect_eq "$(head -1 <<<"$OUT" | tr -d '\r')" "id,created_at,kind,state,username,recipient,cc,language,subject,attempts,next_attempt_at,last_error,sent_at"
expect_ok imictl notify list --failed --json
expect_json 'len(j)' "0"
expect_rc 2 imictl notify list --failed --pending

# --- dry run changes nothing --------------------------------------------------
mail_config 'smtp_url = "smtp://127.0.0.1:1"'
expect_ok imictl notify send --dry-run --json
expect_json '[m["outcome"] for m in j]' '["due", "due"]'
expect_sql "$IMICTL_DB" "SELECT count(*) FROM outbox WHERE state = 'pending' AND attempts = 0" "2"
expect_rc 2 imictl notify send --limit -1

# --- plain SMTP delivery ---------------------------------------------------------
start_smtp "$TEST_DIR/plain"
mail_config "smtp_url = \"smtp://127.0.0.1:$SMTP_PORT\""
expect_ok imictl notify send --json
expect_json '[m["outcome"] for m in j]' '["sent", "sent"]'
expect_contains "$ERR" "2 mails handed to smtp://127.0.0.1:$SMTP_PORT"
expect_eq "$(received_count)" "2"
nl_mail=$SMTP_DIR/0001.eml en_mail=$SMTP_DIR/0002.eml
expect_eq "$(mail_field "$nl_mail" 'e["rcpt_tos"]')" '["z.devries@oeteldonk.nl", "imi@oeteldonk.nl"]'
expect_eq "$(mail_field "$nl_mail" 'e["mail_from"]')" "imi@oeteldonk.nl"
expect_eq "$(mail_field "$nl_mail" 'm["To"]')" "Zoë de Vries <z.devries@oeteldonk.nl>"
expect_eq "$(mail_field "$nl_mail" 'm["Cc"]')" "Gemeente Oeteldonk <imi@oeteldonk.nl>"
expect_eq "$(mail_field "$nl_mail" 'm["Subject"]')" "Uw tijdelijke wachtwoord voor IMI (Gemeente Oeteldonk)"
expect_eq "$(mail_field "$nl_mail" 'm["Content-Language"]')" "nl"
expect_contains "$(mail_field "$nl_mail" 'body')" "Beste Zoë de Vries"
expect_contains "$(mail_field "$nl_mail" 'body')" "imictl user activate GEBRUIKERSNAAM"
expect_not_contains "$(mail_field "$nl_mail" 'body')" "zdevries"
expect_eq "$(mail_field "$en_mail" 'm["Subject"]')" "Your temporary password for IMI (Gemeente Oeteldonk)"
expect_contains "$(mail_field "$en_mail" 'body')" "Dear John Smith"
expect_eq "$(mail_field "$en_mail" 'm["Cc"]')" "Gemeente Oeteldonk <imi@oeteldonk.nl>"
expect_sql "$IMICTL_DB" "SELECT count(*) FROM outbox WHERE state = 'sent' AND sent_at = '$IMICTL_NOW' AND attempts = 1" "2"
expect_sql "$IMICTL_DB" "SELECT credentials_issued_at FROM user WHERE username = 'zdevries'" "$IMICTL_NOW"
expect_sql "$IMICTL_DB" "SELECT temp_password_hash LIKE '\$argon2id\$%' FROM user WHERE username = 'zdevries'" "1"
expect_sql "$IMICTL_DB" "SELECT count(*) FROM audit WHERE action = 'mail.sent' AND actor = 'system'" "2"

# The plaintext password is in the mail and nowhere in the database.
pw=$(mail_password "$nl_mail")
expect_eq "${#pw}" "16"
pw2=$(mail_password "$en_mail")
expect_eq "$([ "$pw" != "$pw2" ] && echo different)" "different"
expect_in_files z.devries@oeteldonk.nl "$IMICTL_DB"*
for p in "$pw" "$pw2"; do
  expect_not_in_files "$p" "$IMICTL_DB"*
  expect_not_contains "$(sql "$IMICTL_DB" .dump)" "$p"
done
expect_ok imictl notify list --all --json
expect_not_contains "$OUT" "$pw"
expect_ok imictl audit list --json
expect_not_contains "$OUT" "$pw"

# Nothing is sent twice; the default list hides sent mail.
expect_ok imictl notify send
expect_contains "$OUT" "no mail was due"
expect_eq "$(received_count)" "2"
expect_ok imictl notify list --json
expect_json 'len(j)' "0"
expect_ok imictl notify list --all --json
expect_json '[m["state"] for m in j]' '["sent", "sent"]'
stop_smtp

# --- the server refuses, times out, is absent: mail stays queued, exit 1 ------
queue_message burgerzaken@oeteldonk.nl "Nieuw verzoek" "Er is een nieuw verzoek binnengekomen."
msg=$(sql "$IMICTL_DB" "SELECT max(id) FROM outbox")

start_smtp "$TEST_DIR/refuse" --mode refuse
mail_config "smtp_url = \"smtp://127.0.0.1:$SMTP_PORT\""
expect_rc 1 imictl notify send
expect_contains "$ERR" "mail $msg not delivered"
expect_contains "$ERR" "451"
expect_contains "$ERR" "will retry at 2026-03-02T09:01:00Z"
expect_sql "$IMICTL_DB" "SELECT state || ' ' || attempts || ' ' || next_attempt_at FROM outbox WHERE id = $msg" \
  "pending 1 2026-03-02T09:01:00Z"
expect_eq "$(received_count)" "0"
stop_smtp

# Not due yet: nothing is tried, exit 0.
expect_ok imictl notify send
export IMICTL_NOW=2026-03-02T09:01:00Z
start_smtp "$TEST_DIR/defer" --mode defer
mail_config "smtp_url = \"smtp://127.0.0.1:$SMTP_PORT\""
expect_rc 1 imictl notify send --json
expect_json '[(m["id"], m["outcome"], m["attempts"]) for m in j]' "[[$msg, \"deferred\", 2]]"
expect_contains "$ERR" "451"
expect_sql "$IMICTL_DB" "SELECT next_attempt_at FROM outbox WHERE id = $msg" "2026-03-02T09:06:00Z"
stop_smtp

export IMICTL_NOW=2026-03-02T09:06:00Z
start_smtp "$TEST_DIR/timeout" --mode timeout
mail_config "smtp_url = \"smtp://127.0.0.1:$SMTP_PORT\"" "timeout_seconds = 1"
expect_rc 1 imictl notify send
expect_contains "$ERR" "timed out"
expect_sql "$IMICTL_DB" "SELECT state || ' ' || attempts FROM outbox WHERE id = $msg" "pending 3"
stop_smtp

export IMICTL_NOW=2026-03-02T09:36:00Z
mail_config "smtp_url = \"smtp://127.0.0.1:$(free_port)\"" "max_attempts = 4"
expect_rc 1 imictl notify send
expect_contains "$ERR" "onnect" # "Couldn't connect" / "Failed to connect"
expect_contains "$ERR" "gave up; marked failed"
expect_sql "$IMICTL_DB" "SELECT state || ' ' || attempts FROM outbox WHERE id = $msg" "failed 4"
expect_sql "$IMICTL_DB" "SELECT count(*) FROM audit WHERE action = 'mail.deferred' AND object = 'outbox:$msg'" "3"
expect_sql "$IMICTL_DB" "SELECT count(*) FROM audit WHERE action = 'mail.failed' AND object = 'outbox:$msg'" "1"
expect_ok imictl notify list --failed --json
expect_json '[(m["id"], m["state"]) for m in j]' "[[$msg, \"failed\"]]"
expect_contains "$(json 'j[0]["last_error"]')" "127.0.0.1"
# A failed mail is not tried again by itself.
expect_ok imictl notify send
expect_sql "$IMICTL_DB" "SELECT attempts FROM outbox WHERE id = $msg" "4"

# --- retry: explicit, audited, lda only ----------------------------------------
add_user basic Bas Basis bas@oeteldonk.nl nl 2026-03-01T08:00:00Z handler
activate_user basic
expect_denied notify.retry imictl --as basic notify retry "$msg"
expect_audited "$IMICTL_DB" denied:notify.retry basic
# Cron sends, but only a person decides that failed mail may go out again;
# nobody can name the cron actor to try (the unit tests hold the rule itself).
expect_denied identify imictl --as system notify retry "$msg"
expect_audited "$IMICTL_DB" denied:identify system
expect_sql "$IMICTL_DB" "SELECT state FROM outbox WHERE id = $msg" "failed"
expect_refused 2 imictl notify retry
expect_refused 3 imictl notify retry 999
expect_refused 5 imictl notify retry 1
expect_ok imictl notify retry --all-failed
expect_contains "$OUT" "requeued 1 mail"
expect_sql "$IMICTL_DB" "SELECT state || ' ' || attempts FROM outbox WHERE id = $msg" "pending 0"
expect_sql "$IMICTL_DB" "SELECT actor FROM audit WHERE action = 'mail.retry' AND object = 'outbox:$msg'" "aadmin"

# --- STARTTLS + AUTH ----------------------------------------------------------------
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$TEST_DIR/key.pem" -out "$TEST_DIR/cert.pem" -days 2 \
  -subj /CN=localhost -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2>/dev/null || fail "openssl"
echo "s3cret pass" >"$TEST_DIR/smtp-password"
start_smtp "$TEST_DIR/tls" --starttls --cert "$TEST_DIR/cert.pem" --key "$TEST_DIR/key.pem" --auth "imictl:s3cret pass"
mail_config "smtp_url = \"smtp://127.0.0.1:$SMTP_PORT\"" 'smtp_user = "imictl"' \
  "smtp_password_file = \"$TEST_DIR/smtp-password\"" "ca_file = \"$TEST_DIR/cert.pem\"" \
  'from = "IMI Oeteldonk <no-reply@oeteldonk.nl>"'
# Without trusting the certificate: TLS fails, nothing is sent, mail kept.
mail_config "smtp_url = \"smtp://127.0.0.1:$SMTP_PORT\"" 'smtp_user = "imictl"' \
  "smtp_password_file = \"$TEST_DIR/smtp-password\""
expect_rc 1 imictl notify send
expect_sql "$IMICTL_DB" "SELECT state || ' ' || attempts FROM outbox WHERE id = $msg" "pending 1"
# Wrong password.
echo wrong >"$TEST_DIR/wrong-password"
mail_config "smtp_url = \"smtp://127.0.0.1:$SMTP_PORT\"" 'smtp_user = "imictl"' \
  "smtp_password_file = \"$TEST_DIR/wrong-password\"" "ca_file = \"$TEST_DIR/cert.pem\""
export IMICTL_NOW=2026-03-02T10:00:00Z
expect_rc 1 imictl notify send
expect_contains "$ERR" "Login denied"
expect_eq "$(received_count)" "0"
# Missing password file: a configuration error before anything changes.
mail_config "smtp_url = \"smtp://127.0.0.1:$SMTP_PORT\"" 'smtp_user = "imictl"' \
  "smtp_password_file = \"$TEST_DIR/absent\"" "ca_file = \"$TEST_DIR/cert.pem\""
export IMICTL_NOW=2026-03-02T11:00:00Z
expect_rc 1 imictl notify send
expect_contains "$ERR" "mail.smtp_password_file"
expect_sql "$IMICTL_DB" "SELECT state || ' ' || attempts FROM outbox WHERE id = $msg" "pending 2"
# Right credentials, trusted certificate.
mail_config "smtp_url = \"smtp://127.0.0.1:$SMTP_PORT\"" 'smtp_user = "imictl"' \
  "smtp_password_file = \"$TEST_DIR/smtp-password\"" "ca_file = \"$TEST_DIR/cert.pem\"" \
  'from = "IMI Oeteldonk <no-reply@oeteldonk.nl>"'
expect_ok imictl notify send
expect_eq "$(received_count)" "1"
expect_eq "$(mail_field "$SMTP_DIR/0001.eml" 'e["tls"]')" "True"
expect_eq "$(mail_field "$SMTP_DIR/0001.eml" 'e["login"]')" "imictl"
expect_eq "$(mail_field "$SMTP_DIR/0001.eml" 'e["mail_from"]')" "no-reply@oeteldonk.nl"
expect_eq "$(mail_field "$SMTP_DIR/0001.eml" 'm["From"]')" "IMI Oeteldonk <no-reply@oeteldonk.nl>"
expect_eq "$(mail_field "$SMTP_DIR/0001.eml" 'm["To"]')" "burgerzaken@oeteldonk.nl"
expect_eq "$(mail_field "$SMTP_DIR/0001.eml" 'e["rcpt_tos"]')" '["burgerzaken@oeteldonk.nl", "imi@oeteldonk.nl"]'
expect_contains "$(mail_field "$SMTP_DIR/0001.eml" 'body')" "Er is een nieuw verzoek binnengekomen."
expect_sql "$IMICTL_DB" "SELECT state FROM outbox WHERE id = $msg" "sent"
stop_smtp

# --- the crash guarantee: at most once, never silently twice -----------------------
sql "$IMICTL_DB" "UPDATE user SET password_hash = NULL, status = 'pending', credentials_queued_at = NULL,
  created_at = '2026-03-01T08:00:00Z' WHERE username = 'late'"
export IMICTL_NOW=2026-03-03T09:00:00Z
queue_credentials
crash=$(sql "$IMICTL_DB" "SELECT id FROM outbox WHERE user_id = (SELECT id FROM user WHERE username = 'late')")
start_smtp "$TEST_DIR/crash"
mail_config "smtp_url = \"smtp://127.0.0.1:$SMTP_PORT\""
IMICTL_TEST_CRASH_AFTER_SEND=1 expect_rc 70 imictl notify send
expect_eq "$(received_count)" "1"
expect_sql "$IMICTL_DB" "SELECT state FROM outbox WHERE id = $crash" "sending"
# The password that arrived works: its hash was stored before the hand-off.
crash_pw=$(mail_password "$SMTP_DIR/0001.eml")
expect_eq "${#crash_pw}" "16"
expect_ok imictl notify list --pending --json
expect_json '[m["state"] for m in j]' '["sending"]'
# The next run does not resend it: it reports it and marks it failed.
expect_rc 1 imictl notify send --json
expect_json '[(m["id"], m["outcome"]) for m in j]' "[[$crash, \"interrupted\"]]"
expect_contains "$ERR" "interrupted"
expect_eq "$(received_count)" "1"
expect_sql "$IMICTL_DB" "SELECT state || ': ' || last_error FROM outbox WHERE id = $crash" \
  "failed: delivery interrupted; may or may not have been sent"
expect_sql "$IMICTL_DB" "SELECT count(*) FROM audit WHERE action = 'mail.interrupted' AND object = 'outbox:$crash'" "1"
expect_ok imictl notify send
expect_eq "$(received_count)" "1"
# Requeued explicitly, it goes out again (a new password).
expect_ok imictl notify retry "$crash"
expect_ok imictl notify send
expect_eq "$(received_count)" "2"
expect_eq "$([ "$(mail_password "$SMTP_DIR/0002.eml")" != "$crash_pw" ] && echo new)" "new"
stop_smtp

# --- sendmail transport --------------------------------------------------------------
cat >"$TEST_DIR/fake-sendmail" <<'SH'
#!/bin/sh
# Writes its arguments and the message it reads to files, like a local MTA's queue.
n=$(ls "$FAKE_SENDMAIL_DIR" 2>/dev/null | grep -c '\.msg$')
echo "$@" >"$FAKE_SENDMAIL_DIR/$((n + 1)).args"
cat >"$FAKE_SENDMAIL_DIR/$((n + 1)).msg"
[ -z "$FAKE_SENDMAIL_FAIL" ] || { echo "sendmail: queue directory is full" >&2; exit 75; }
SH
chmod +x "$TEST_DIR/fake-sendmail"
export FAKE_SENDMAIL_DIR=$TEST_DIR/sendmail
mkdir -p "$FAKE_SENDMAIL_DIR"
mail_config 'transport = "sendmail"' "sendmail_command = \"$TEST_DIR/fake-sendmail -t -i\""
queue_message energie@oeteldonk.nl "Verzoek toegewezen" "Regel één
Regel twee"
sm=$(sql "$IMICTL_DB" "SELECT max(id) FROM outbox")
FAKE_SENDMAIL_FAIL=1 expect_rc 1 imictl notify send
expect_contains "$ERR" "exited with status 75 (temporary failure)"
expect_sql "$IMICTL_DB" "SELECT state || ' ' || attempts FROM outbox WHERE id = $sm" "pending 1"
export IMICTL_NOW=2026-03-03T10:00:00Z
expect_ok imictl notify send
expect_eq "$(cat "$FAKE_SENDMAIL_DIR/2.args")" "-t -i"
expect_eq "$(mail_field "$FAKE_SENDMAIL_DIR/2.msg" 'm["To"]')" "energie@oeteldonk.nl"
expect_eq "$(mail_field "$FAKE_SENDMAIL_DIR/2.msg" 'm["Cc"]')" "Gemeente Oeteldonk <imi@oeteldonk.nl>"
expect_eq "$(mail_field "$FAKE_SENDMAIL_DIR/2.msg" 'body')" "Regel één
Regel twee"
CHECKS=$((CHECKS + 1))
if grep -q $'\r' "$FAKE_SENDMAIL_DIR/2.msg"; then fail "sendmail got CRLF line ends"; fi
expect_sql "$IMICTL_DB" "SELECT state FROM outbox WHERE id = $sm" "sent"
mail_config 'transport = "sendmail"' "sendmail_command = \"$TEST_DIR/no-such-program\""
queue_message energie@oeteldonk.nl "x" "y"
expect_rc 1 imictl notify send
expect_contains "$ERR" "no-such-program"

# --- transport none: left queued, said so, exit 0 ------------------------------------
export IMICTL_NOW=2026-03-04T10:00:00Z
mail_config 'transport = "none"'
expect_ok imictl notify send --json
expect_json '[m["outcome"] for m in j]' '["queued"]'
expect_contains "$ERR" "mail.transport is none"
expect_sql "$IMICTL_DB" "SELECT count(*) FROM outbox WHERE state = 'pending'" "1"
expect_ok imictl audit verify
