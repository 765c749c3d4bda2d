# First login (imictl user activate) and later logins (imictl login), guide
# H2.1. The temporary password normally arrives by mail (notify send); here
# its argon2id hash is written straight into the database with the argon2
# reference CLI, which produces the same encoded form libsodium verifies.
source "$IMICTL_SOURCE_DIR/tests/e2e/login_helpers.sh"
init_db
DB=$IMICTL_DB
imictl user add --first-name Pieter --last-name "de Kort" --email p.dekort@oeteldonk.nl >/dev/null

TEMP=Tijdelijk7xq2
NEWPW=NieuwWachtwoord42
CODE='Fu0!bar9#Qz1'

# set_temp_password USER PASSWORD: what credential delivery leaves behind.
set_temp_password() {
  local hash
  hash=$(printf '%s' "$2" | argon2 "$(head -c 12 /dev/urandom | base64)" -id -t 1 -k 8192 -p 1 -e) ||
    fail "argon2 CLI missing"
  sql "$DB" "update user set temp_password_hash='$hash' where username='$1'"
}

# --- activation needs a temporary password first ---
before=$(db_digest "$DB")
activate pdekort "$TEMP" "$NEWPW" "$CODE"
CHECKS=$((CHECKS + 1)); [ "$RC" = 5 ] || fail "activate without temporary password: exit $RC"
expect_unchanged "$DB" "$before"
expect_contains "$ERR" "no temporary password"
expect_login 5 pdekort "$NEWPW" "$CODE"
expect_contains "$OUT" "not been activated"

set_temp_password pdekort "$TEMP"

# --- wrong temporary password: exit 4, counted ---
activate pdekort WrongTemp99 "$NEWPW" "$CODE"
CHECKS=$((CHECKS + 1)); [ "$RC" = 4 ] || fail "wrong temporary password: exit $RC"
expect_sql "$DB" "select status, failed_logins from user where username='pdekort'" "pending|1"
expect_audited "$DB" user.activate.failed pdekort

# --- the password policy and the security code rules: exit 6, nothing written ---
before=$(db_digest "$DB")
for bad in "Short1" "nodigitsatallhere" "pdekort" "$TEMP"; do
  activate pdekort "$TEMP" "$bad" "$CODE"
  CHECKS=$((CHECKS + 1)); [ "$RC" = 6 ] || fail "password '$bad' should be refused with 6, got $RC"
  expect_contains "$ERR" "new password"
done
for bad in 'Fu0!bar9#Qz' 'abcdefgh1234' 'abcdefgh!@#$' '12345678!@#$' 'Fu0!bar9#Qz12'; do
  activate pdekort "$TEMP" "$NEWPW" "$bad"
  CHECKS=$((CHECKS + 1)); [ "$RC" = 6 ] || fail "code '$bad' should be refused with 6, got $RC"
  expect_contains "$ERR" "security code"
done
expect_sql "$DB" "select status, password_hash is null, security_code_sealed is null from user where username='pdekort'" "pending|1|1"
expect_unchanged "$DB" "$before"

# --- activation ---
activate pdekort "$TEMP" "$NEWPW" "$CODE"
CHECKS=$((CHECKS + 1)); [ "$RC" = 0 ] || fail "activate: exit $RC: $ERR"
expect_contains "$OUT" "Activated pdekort"
expect_sql "$DB" "select status, failed_logins, temp_password_hash is null from user where username='pdekort'" "active|0|1"
expect_sql "$DB" "select substr(password_hash, 1, 10) from user where username='pdekort'" '$argon2id$'
CHECKS=$((CHECKS + 1))
[ "$(stat -c %a "$DB.key")" = 600 ] || fail "key file $DB.key must have mode 600"
expect_sql "$DB" "select count(*) from audit where action='user.activate' and actor='pdekort'" "1"
activate pdekort "$TEMP" "$NEWPW" "$CODE"
CHECKS=$((CHECKS + 1)); [ "$RC" = 5 ] || fail "second activation: exit $RC"

# --- login: password plus three positions of the code ---
expect_login 0 pdekort "$NEWPW" "$CODE"
expect_contains "$PROMPT" "Security code characters"
expect_contains "$OUT" "Logged in as pdekort"
expect_login 0 p.dekort@oeteldonk.nl "$NEWPW" "$CODE"
expect_sql "$DB" "select last_login_at is not null from user where username='pdekort'" "1"
expect_login 3 pdekrot "$NEWPW" "$CODE"

# --- five consecutive failures lock the account ---
expect_login 4 pdekort WrongPassword1 "$CODE"
expect_audited "$DB" login.failed pdekort
expect_login 4 pdekort "$NEWPW" "$CODE" wrong
expect_audited "$DB" login.failed pdekort
expect_sql "$DB" "select failed_logins from user where username='pdekort'" "2"
expect_login 0 pdekort "$NEWPW" "$CODE"
expect_sql "$DB" "select failed_logins from user where username='pdekort'" "0"
for i in 1 2 3 4; do expect_login 4 pdekort WrongPassword1 "$CODE"; done
expect_sql "$DB" "select status from user where username='pdekort'" "active"
expect_login 4 pdekort WrongPassword1 "$CODE"
expect_contains "$OUT" "locked"
expect_sql "$DB" "select status, failed_logins from user where username='pdekort'" "locked|5"
expect_login 4 pdekort "$NEWPW" "$CODE"
expect_sql "$DB" "select count(*) from audit where action='login.failed' and object='user:pdekort'" "7"
expect_ok imictl user unlock pdekort
expect_login 0 pdekort "$NEWPW" "$CODE"

# --- reset by an lda: activate again with the new temporary password ---
expect_ok imictl user reset-password pdekort
expect_login 5 pdekort "$NEWPW" "$CODE"
set_temp_password pdekort Tijdelijk8yz3
activate pdekort Tijdelijk8yz3 AnderWachtwoord77 'Zz9$yy8%xx7&'
CHECKS=$((CHECKS + 1)); [ "$RC" = 0 ] || fail "activate after reset: exit $RC: $ERR"
expect_login 4 pdekort "$NEWPW" 'Zz9$yy8%xx7&'
expect_login 0 pdekort AnderWachtwoord77 'Zz9$yy8%xx7&'

# --- no plaintext secret anywhere in the database files or the audit log ---
sql "$DB" "pragma wal_checkpoint" >/dev/null
db_files=("$DB"*)
# The search works: what is stored in clear is found in the same files.
expect_in_files p.dekort@oeteldonk.nl "${db_files[@]}"
for secret in "$TEMP" Tijdelijk8yz3 "$NEWPW" AnderWachtwoord77 "$CODE" 'Zz9$yy8%xx7&'; do
  expect_not_in_files "$secret" "${db_files[@]}"
done
expect_ok imictl audit list --json
for secret in "$NEWPW" "$CODE" "$TEMP"; do expect_not_contains "$OUT" "$secret"; done

# --- a copy of the database without the key file cannot check the code ---
mv "$DB.key" "$DB.key.saved"
expect_login 3 pdekort AnderWachtwoord77 'Zz9$yy8%xx7&'
expect_contains "$OUT" "key file"
mv "$DB.key.saved" "$DB.key"
expect_login 0 pdekort AnderWachtwoord77 'Zz9$yy8%xx7&'

# --- locked and deleted users cannot activate ---
imictl user add --first-name Lotte --last-name Slot --email lotte@oeteldonk.nl >/dev/null
set_temp_password lslot Tijdelijk9ab4
imictl user lock lslot >/dev/null
activate lslot Tijdelijk9ab4 "$NEWPW" "$CODE"
CHECKS=$((CHECKS + 1)); [ "$RC" = 4 ] || fail "locked user activates: exit $RC"
expect_sql "$DB" "select status, password_hash is null from user where username='lslot'" "locked|1"
expect_ok imictl user delete lslot --yes
before=$(db_digest "$DB" audit)
activate lslot Tijdelijk9ab4 "$NEWPW" "$CODE"
CHECKS=$((CHECKS + 1)); [ "$RC" = 4 ] || fail "deleted user activates: exit $RC"
expect_contains "$ERR" "deleted"
expect_unchanged "$DB" "$before" audit
