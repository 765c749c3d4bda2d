# The account lifecycle as an administrator meets it (guide H2.1, H6.1),
# through the real commands only: user add, the username sheet, credentials
# 24 hours later by cron, delivery to a real SMTP server, activation with the
# password from the mail, login, lock after five failures, unlock, reset,
# and a second activation. No secret may land in the database files, the
# outbox or the audit log.
source "$IMICTL_SOURCE_DIR/tests/smtp/mail_helpers.sh"
source "$IMICTL_SOURCE_DIR/tests/e2e/login_helpers.sh"

T0=2026-03-02T09:00:00Z
export IMICTL_NOW=$T0
init_db
DB=$IMICTL_DB
start_smtp "$TEST_DIR/mail"
mail_config "smtp_url = \"smtp://127.0.0.1:$SMTP_PORT\""

# --- user add, with roles and services at once ---
expect_ok imictl user add --first-name Zoë --last-name "de Vries" --email z.devries@oeteldonk.nl --language nl \
  --phone "+31 73 111 2222" --department Vergunningen --role handler --service construction
expect_eq "$OUT" "zdevries"
expect_ok imictl user add --first-name John --last-name Smith --email j.smith@oeteldonk.nl --language en \
  --role lda --json
expect_json '[j["username"], j["status"], j["roles"], j["language"]]' '["jsmith", "pending", ["basic", "lda"], "en"]'
expect_sql "$DB" "select u.username, r.role, s.keyword from user u join user_role r on r.user_id = u.id
  join user_service s on s.user_id = u.id where u.username = 'zdevries'" "zdevries|handler|construction"

# --- the username travels outside the system ---
expect_ok imictl user print zdevries jsmith
expect_contains "$OUT" "Gebruikersnaam:  zdevries"
expect_contains "$OUT" "Username:   jsmith"
expect_not_contains "$OUT" "password:"

# --- credentials: nothing before 24 hours, then once ---
export IMICTL_NOW=2026-03-03T08:59:59Z
expect_ok imictl user issue-credentials --json
expect_eq "$OUT" "[]"
# As cron runs it: quiet when nothing is due.
expect_ok imictl -q user issue-credentials
expect_eq "$OUT$ERR" ""
expect_ok imictl user issue-credentials
expect_eq "$OUT" "no user was due for credentials"
expect_sql "$DB" "select count(*) from outbox" "0"
export IMICTL_NOW=2026-03-03T09:00:00Z
expect_ok imictl user issue-credentials --json
expect_json 'sorted(u["username"] for u in j)' '["aadmin", "jsmith", "zdevries"]'
expect_ok imictl user issue-credentials --json
expect_eq "$OUT" "[]"
expect_sql "$DB" "select count(*) from outbox where kind = 'credentials'" "3"
expect_sql "$DB" "select count(*) from outbox where body is not null" "0"
expect_sql "$DB" "select count(*) from user where credentials_queued_at = '$IMICTL_NOW'" "3"
expect_sql "$DB" "select count(*) from audit where action = 'user.issue-credentials' and actor = 'system'" "3"
expect_ok imictl notify list --pending --json
expect_json 'sorted((m["username"], m["recipient"], m["cc"], m["language"]) for m in j)' \
  '[["aadmin", "a.admin@oeteldonk.nl", "imi@oeteldonk.nl", "nl"], ["jsmith", "j.smith@oeteldonk.nl", "imi@oeteldonk.nl", "en"], ["zdevries", "z.devries@oeteldonk.nl", "imi@oeteldonk.nl", "nl"]]'

# --- the mail server is down: nothing lost, exit 1, says why ---
mail_config "smtp_url = \"smtp://127.0.0.1:$(free_port)\""
expect_rc 1 imictl notify send
expect_contains "$ERR" "not delivered"
expect_contains "$ERR" "connect"
expect_sql "$DB" "select count(*) from outbox where state = 'pending' and attempts = 1" "3"
expect_sql "$DB" "select count(*) from user where credentials_issued_at is not null" "0"

# --- delivery, once the retry is due ---
export IMICTL_NOW=2026-03-03T09:01:00Z
mail_config "smtp_url = \"smtp://127.0.0.1:$SMTP_PORT\""
expect_ok imictl notify send --json
expect_json '[m["outcome"] for m in j]' '["sent", "sent", "sent"]'
expect_eq "$(received_count)" "3"
mail_of() { grep -l "^To: .*<$1>" "$SMTP_DIR"/*.eml | tail -1; }
zmail=$(mail_of z.devries@oeteldonk.nl)
jmail=$(mail_of j.smith@oeteldonk.nl)
expect_eq "$(mail_field "$zmail" 'e["rcpt_tos"]')" '["z.devries@oeteldonk.nl", "imi@oeteldonk.nl"]'
expect_eq "$(mail_field "$zmail" 'm["Cc"]')" "Gemeente Oeteldonk <imi@oeteldonk.nl>"
expect_eq "$(mail_field "$zmail" 'm["Subject"]')" "Uw tijdelijke wachtwoord voor IMI (Gemeente Oeteldonk)"
expect_contains "$(mail_field "$zmail" 'body')" "Beste Zoë de Vries"
expect_not_contains "$(mail_field "$zmail" 'body')" "zdevries"
expect_eq "$(mail_field "$jmail" 'm["Cc"]')" "Gemeente Oeteldonk <imi@oeteldonk.nl>"
expect_eq "$(mail_field "$jmail" 'm["Subject"]')" "Your temporary password for IMI (Gemeente Oeteldonk)"
expect_contains "$(mail_field "$jmail" 'body')" "Dear John Smith"
expect_sql "$DB" "select count(*) from user where credentials_issued_at = '$IMICTL_NOW'" "3"
ztemp=$(mail_password "$zmail")
jtemp=$(mail_password "$jmail")
expect_eq "${#ztemp}" "16"

# --- activation with the password from the mail ---
ZPW=ZoeWachtwoord2026
ZCODE='Vr1es#Code!9'
expect_activate 4 zdevries WrongTemporary99 "$ZPW" "$ZCODE"
expect_audited "$DB" user.activate.failed zdevries
expect_activate 0 zdevries "$ztemp" "$ZPW" "$ZCODE"
expect_contains "$OUT" "Activated zdevries"
expect_sql "$DB" "select status, temp_password_hash is null, password_hash like '\$argon2id\$%' from user
  where username = 'zdevries'" "active|1|1"
expect_activate 5 zdevries "$ztemp" "$ZPW" "$ZCODE"
JPW=SmithPassword2026
JCODE='Sm1th&Code%7'
expect_activate 0 jsmith "$jtemp" "$JPW" "$JCODE"

# --- login: password and three positions of the code ---
expect_login 0 zdevries "$ZPW" "$ZCODE"
expect_contains "$PROMPT" "Security code characters"
expect_contains "$OUT" "Logged in as zdevries"
expect_sql "$DB" "select last_login_at from user where username = 'zdevries'" "$IMICTL_NOW"

# --- five failures lock; an lda unlocks ---
for i in 1 2 3 4; do expect_login 4 zdevries WrongPassword"$i" "$ZCODE"; done
expect_sql "$DB" "select status, failed_logins from user where username = 'zdevries'" "active|4"
expect_login 4 zdevries "$ZPW" "$ZCODE" wrong
expect_contains "$OUT" "locked"
expect_sql "$DB" "select status from user where username = 'zdevries'" "locked"
expect_login 4 zdevries "$ZPW" "$ZCODE"
expect_denied user.manage imictl --as zdevries user unlock zdevries
expect_audited "$DB" denied:user.manage zdevries
expect_ok imictl --as jsmith user unlock zdevries --json
expect_json 'j["status"]' "active"
expect_sql "$DB" "select actor from audit where action = 'user.unlock' and object = 'user:zdevries'" "jsmith"
expect_login 0 zdevries "$ZPW" "$ZCODE"

# --- reset: a new temporary password by mail, then activation again ---
export IMICTL_NOW=2026-03-04T10:00:00Z
expect_ok imictl --as jsmith user reset-password zdevries
expect_sql "$DB" "select password_hash is null, security_code_sealed is null from user where username = 'zdevries'" "1|1"
expect_sql "$DB" "select kind || ' ' || state from outbox where id = (select max(id) from outbox)" "password_reset pending"
expect_login 5 zdevries "$ZPW" "$ZCODE"
expect_ok imictl notify send
expect_eq "$(received_count)" "4"
rmail=$(mail_of z.devries@oeteldonk.nl)
expect_eq "$(mail_field "$rmail" 'm["Subject"]')" "Nieuw tijdelijk wachtwoord voor IMI (Gemeente Oeteldonk)"
expect_eq "$(mail_field "$rmail" 'm["Cc"]')" "Gemeente Oeteldonk <imi@oeteldonk.nl>"
expect_contains "$(mail_field "$rmail" 'body')" "opnieuw ingesteld"
rtemp=$(mail_password "$rmail")
expect_activate 4 zdevries "$ztemp" AnderWachtwoord77 'Zz9$yy8%xx7&'
expect_audited "$DB" user.activate.failed zdevries
expect_activate 0 zdevries "$rtemp" AnderWachtwoord77 'Zz9$yy8%xx7&'
expect_login 4 zdevries "$ZPW" 'Zz9$yy8%xx7&'
expect_login 0 zdevries AnderWachtwoord77 'Zz9$yy8%xx7&'
stop_smtp

# --- a reset before the 24 hours counts as the credentials ---
expect_ok imictl user add --first-name Vera --last-name Vroeg --email v.vroeg@oeteldonk.nl --language en
expect_ok imictl user reset-password vvroeg
export IMICTL_NOW=2026-03-05T11:00:00Z
expect_ok imictl user issue-credentials --json
expect_eq "$OUT" "[]"
expect_sql "$DB" "select kind from outbox where user_id = (select id from user where username = 'vvroeg')" "password_reset"
# A corrected address or language: the unsent mail follows it.
expect_ok imictl user edit vvroeg --email vera.vroeg@oeteldonk.nl --language nl
expect_sql "$DB" "select kind, state, recipient, language, subject from outbox
  where user_id = (select id from user where username = 'vvroeg')" \
  "password_reset|pending|vera.vroeg@oeteldonk.nl|nl|Nieuw tijdelijk wachtwoord voor IMI (Gemeente Oeteldonk)"

# --- the audit trail of the whole walk ---
expect_ok imictl audit list --json
expect_json '[e["action"] for e in j if e["object"] == "user:zdevries" and not e["action"].startswith("login")]' \
  '["user.add", "user.issue-credentials", "user.activate.failed", "user.activate", "denied:user.manage", "user.unlock", "user.reset-password", "user.activate.failed", "user.activate"]'
# Five failures before the lock and one after the second activation; the
# attempt on the locked account is refused before any secret is checked.
expect_sql "$DB" "select count(*) from audit where action = 'login.failed' and object = 'user:zdevries'" "6"
expect_sql "$DB" "select count(*) from audit where action = 'mail.sent'" "4"

# --- no plaintext secret in the database files, the outbox or the audit log ---
secrets=("$ztemp" "$jtemp" "$rtemp" "$ZPW" "$ZCODE" "$JPW" "$JCODE" AnderWachtwoord77 'Zz9$yy8%xx7&')
expect_ok imictl notify list --all --json
outbox=$OUT
expect_ok imictl audit list --json
audit=$OUT
dump=$(sql "$DB" .dump)
db_files=("$DB"*) # the database, its WAL and shared memory if present, the key
for secret in "${secrets[@]}"; do
  expect_not_in_files "$secret" "${db_files[@]}"
  expect_not_contains "$dump" "$secret"
  expect_not_contains "$outbox" "$secret"
  expect_not_contains "$audit" "$secret"
done
# The search itself works: what is stored in clear is found.
expect_in_files z.devries@oeteldonk.nl "${db_files[@]}"

# --- on a terminal: prompts without echo, the code's positions asked ---
CHECKS=$((CHECKS + 1))
tty_run "$IMICTL_BIN" login zdevries -- AnderWachtwoord77 'code:Zz9$yy8%xx7&'
[ "$RC" = 0 ] || fail "login on a terminal: exit $RC: $TRANSCRIPT"
expect_contains "$TRANSCRIPT" "Password: <<typed>>"
expect_contains "$TRANSCRIPT" "Security code characters"
expect_contains "$TRANSCRIPT" "Logged in as zdevries"
expect_not_contains "$TRANSCRIPT" "AnderWachtwoord77"
CHECKS=$((CHECKS + 1))
tty_run "$IMICTL_BIN" login zdevries -- AnderWachtwoord77 'code:~~~~~~~~~~~~'
[ "$RC" = 4 ] || fail "wrong code on a terminal: exit $RC: $TRANSCRIPT"
expect_not_contains "$TRANSCRIPT" "~"
