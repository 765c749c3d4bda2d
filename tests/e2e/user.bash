# imictl user: add, list, show, edit, rename, delete, lock, unlock,
# reset-password, print.
init_db
# init leaves the handler role to --service; this suite's first user handles requests too.
imictl role grant aadmin handler --service construction >/dev/null || fail "grant failed"
DB=$IMICTL_DB

# --- add: generated usernames, JSON object, roles and services at once ---
expect_ok imictl user add --first-name Pieter --last-name "de Kort" --email p.dekort@oeteldonk.nl \
  --language nl --phone "+31 73 123 4567" --function Vergunningverlener --department Vergunningen \
  --role handler --service construction --service building-permits
expect_eq "$OUT" "pdekort"
expect_ok imictl user add --first-name Paula --last-name "De Kort" --email paula@oeteldonk.nl --json
expect_json 'j["username"]' "pdekort2"
expect_json 'j["status"]' "pending"
expect_json 'j["roles"]' '["basic"]'
expect_json 'j["phone"]' "None"
expect_json 'j["authority"]' "Gemeente Oeteldonk"
expect_json 'sorted(j.keys())' '["authority", "created_at", "departments", "email", "first_name", "function", "functional", "language", "last_login_at", "last_name", "os_user", "phone", "roles", "services", "status", "updated_at", "username"]'
expect_ok imictl user add --first-name Jürgen --last-name Großmann --email jg@oeteldonk.nl --language de
expect_eq "$OUT" "jgrossmann"
expect_ok imictl user add --first-name Émile --last-name Öztürk --email eo@oeteldonk.nl
expect_eq "$OUT" "eozturk"
expect_ok imictl user add --first-name Emile --last-name Ozturk --email eo2@oeteldonk.nl
expect_eq "$OUT" "eozturk2"
expect_refused 6 imictl user add --first-name 李 --last-name 王 --email li@oeteldonk.nl
expect_contains "$ERR" "last name"
sql "$DB" "delete from user where username like 'eozturk%'"
expect_ok imictl user add --first-name François --last-name Çelik --email fc@oeteldonk.nl --json
expect_json 'j["username"]' "fcelik"
expect_json 'j["first_name"]' "François"
expect_ok imictl user add --functional --last-name Publieksbalie --email balie@oeteldonk.nl
expect_eq "$OUT" "publieksbalie"
expect_sql "$DB" "select functional, first_name from user where username='publieksbalie'" "1|"
expect_ok imictl user show pdekort --json
expect_json 'j["services"]' '["building-permits", "construction"]'
expect_json 'j["departments"]' '["Vergunningen"]'
expect_json 'j["function"]' "Vergunningverlener"
expect_sql "$DB" "select count(*) from department where name='Vergunningen'" "1"
expect_sql "$DB" "select action, object from audit where action='user.add' and object='user:pdekort'" "user.add|user:pdekort"

# --- add: bad input ---
expect_refused 5 imictl user add --first-name Piet --last-name Kort --email P.DEKORT@oeteldonk.nl
expect_contains "$ERR" "already belongs to user 'pdekort'"
expect_refused 6 imictl user add --first-name Piet --last-name Kort --email not-an-address
expect_contains "$ERR" "e-mail"
expect_refused 6 imictl user add --first-name Piet --last-name Kort --email pk@oeteldonk.nl --language xx
expect_contains "$ERR" "language"
expect_refused 2 imictl user add --last-name Kort --email pk@oeteldonk.nl
expect_refused 6 imictl user add --first-name " " --last-name Kort --email pk@oeteldonk.nl
expect_contains "$ERR" "first name"
expect_refused 6 imictl user add --first-name Piet --last-name Kort --email pk@oeteldonk.nl --phone abc
expect_contains "$ERR" "phone"
expect_refused 6 imictl user add --first-name Piet --last-name Kort --email pk@oeteldonk.nl --role handler
expect_contains "$ERR" "needs at least one service"
expect_refused 3 imictl user add --first-name Piet --last-name Kort --email pk@oeteldonk.nl --role handler --service constructoin
expect_contains "$ERR" "construction"
expect_refused 2 imictl user add --first-name Piet --last-name Kort --email pk@oeteldonk.nl --role handlr
expect_contains "$ERR" "did you mean 'handler'"
expect_sql "$DB" "select count(*) from user where email='pk@oeteldonk.nl'" "0"

# --- list and filters ---
expect_ok imictl user list --json
expect_json 'len(j)' "6"
expect_json '[u["username"] for u in j]' '["aadmin", "fcelik", "jgrossmann", "pdekort", "pdekort2", "publieksbalie"]'
expect_ok imictl user list --role Behandelaar --json
expect_json '[u["username"] for u in j]' '["aadmin", "pdekort"]'
expect_ok imictl user list --department vergunningen --json
expect_json '[u["username"] for u in j]' '["pdekort"]'
expect_ok imictl user list --text KORT --json
expect_json '[u["username"] for u in j]' '["pdekort", "pdekort2"]'
expect_ok imictl user list --status active --json
expect_eq "$OUT" "[]"
expect_ok imictl user list
expect_contains "$OUT" "USERNAME"
expect_contains "$OUT" "Pieter de Kort"
expect_ok imictl user list --format csv
expect_contains "$OUT" "username,first_name,last_name,email"
expect_rc 3 imictl user list --department Vergunning
expect_contains "$ERR" "did you mean 'Vergunningen'"
expect_rc 2 imictl user list --status sleeping
expect_contains "$ERR" "unknown user status 'sleeping'"
expect_rc 2 imictl user list --status activ
expect_contains "$ERR" "did you mean 'active'"
expect_rc 2 imictl user list --role kapitein
expect_rc 2 imictl user add --first-name A --last-name B --email a.b@oeteldonk.nl --role kapitein
expect_ok imictl user list --status ACTIVE
expect_ok imictl user list --role Behandelaar

# --- show by e-mail; unknown user ---
expect_ok imictl user show P.Dekort@Oeteldonk.nl --json
expect_json 'j["username"]' "pdekort"
expect_rc 3 imictl user show pdekrot
expect_contains "$ERR" "did you mean 'pdekort'"

# --- edit ---
expect_ok imictl user edit pdekort2 --phone "073 555" --function Jurist --add-department Juridische\ Zaken --json
expect_json 'j["phone"]' "073 555"
expect_json 'j["departments"]' '["Juridische Zaken"]'
expect_ok imictl user edit pdekort2 --phone "" --remove-department "juridische zaken" --json
expect_json 'j["phone"]' "None"
expect_json 'j["departments"]' "[]"
expect_refused 5 imictl user edit pdekort2 --email fc@oeteldonk.nl
expect_refused 6 imictl user edit pdekort2 --first-name ""

# --- rename only while pending ---
expect_ok imictl user rename pdekort2 pauladk --json
expect_json 'j["username"]' "pauladk"
expect_refused 5 imictl user rename pauladk pdekort
expect_contains "$ERR" "taken"
expect_refused 6 imictl user rename pauladk "Paula DK"
sql "$DB" "update user set status='active' where username='pauladk'"
expect_refused 5 imictl user rename pauladk paula
expect_contains "$ERR" "only while the user is pending"

# --- open assigned requests block mandatory fields and deletion ---
sql "$DB" "insert into request (id, reference, state, requesting_authority_id, subject, created_at)
           values (1, 'REQ-1', 'accepted', 1, 'test', '2026-01-01T00:00:00Z'),
                  (2, 'REQ-2', 'closed', 1, 'old', '2026-01-01T00:00:00Z');
           insert into request_assignee select 1, id from user where username='pdekort';
           insert into request_assignee select 2, id from user where username='pdekort';"
expect_refused 5 imictl user edit pdekort --last-name Kort
expect_contains "$ERR" "open assigned request"
for field in "--first-name Piet" "--email piet@oeteldonk.nl" "--language en"; do
  # shellcheck disable=SC2086
  expect_refused 5 imictl user edit pdekort $field
  expect_contains "$ERR" "$(sed 's/^--//; s/-/_/' <<<"${field%% *}") cannot change"
done
expect_sql "$DB" "select first_name, email, language from user where username='pdekort'" "Pieter|p.dekort@oeteldonk.nl|nl"
expect_ok imictl user edit pdekort --phone "073 1" --last-name "de Kort"
expect_refused 5 imictl user delete pdekort --yes
expect_contains "$ERR" "--reassign-to"
expect_refused 5 imictl user delete pdekort --yes --reassign-to jgrossmann
expect_contains "$ERR" "not a handler"
expect_ok imictl user delete pdekort --yes --reassign-to aadmin --json
expect_json 'j["status"]' "deleted"
expect_json 'j["roles"]' '[]' # a deleted user holds no role, not even basic
expect_sql "$DB" "select u.username from request_assignee ra join user u on u.id=ra.user_id where request_id=1" "aadmin"
expect_sql "$DB" "select u.username from request_assignee ra join user u on u.id=ra.user_id where request_id=2" "pdekort"
expect_ok imictl user list --json
expect_not_contains "$OUT" '"pdekort"'
expect_ok imictl user list --all --json
expect_contains "$OUT" '"pdekort"'
expect_refused 5 imictl user delete pdekort --yes
# the e-mail address is free again
expect_ok imictl user add --first-name Pieter --last-name "de Kort" --email p.dekort@oeteldonk.nl
expect_eq "$OUT" "pdekort2" # pdekort2 was renamed, pdekort stays taken

# --- the last lda cannot be deleted ---
expect_refused 5 imictl user delete aadmin --yes
expect_contains "$ERR" "last local data administrator"

# --- lock / unlock ---
expect_ok imictl user lock fcelik --json
expect_json 'j["status"]' "locked"
expect_refused 5 imictl user lock aadmin
expect_ok imictl user unlock fcelik --json
expect_json 'j["status"]' "pending"
sql "$DB" "update user set status='locked', failed_logins=5, last_login_at='2026-01-01T00:00:00Z' where username='jgrossmann'"
expect_ok imictl user unlock jgrossmann --json
expect_json 'j["status"]' "active"
expect_sql "$DB" "select failed_logins from user where username='jgrossmann'" "0"

# --- reset-password: password cleared, mail queued, no secret stored ---
sql "$DB" "update user set password_hash='\$argon2id\$old' where username='jgrossmann'"
expect_ok imictl user reset-password jgrossmann --json
expect_json 'j["status"]' "active"
expect_sql "$DB" "select password_hash is null, temp_password_hash is null from user where username='jgrossmann'" "1|1"
expect_sql "$DB" "select count(*) from outbox o join user u on u.id=o.user_id where u.username='jgrossmann'" "1"
expect_sql "$DB" "select count(*) from outbox where body is not null and user_id=(select id from user where username='jgrossmann')" "0"
expect_sql "$DB" "select count(*) from audit where action='user.reset-password' and object='user:jgrossmann'" "1"
expect_refused 5 imictl user reset-password pdekort

# --- print: text sheet and a PDF a reader opens ---
expect_ok imictl user print fcelik jg@oeteldonk.nl
expect_contains "$OUT" "Gebruikersnaam:  fcelik"
expect_contains "$OUT" "Username:   jgrossmann"
expect_contains "$OUT" "imictl user activate jgrossmann"
expect_ok imictl user print fcelik jgrossmann --output sheets.pdf
CHECKS=$((CHECKS + 1))
if command -v pdftotext >/dev/null; then
  text=$(pdftotext -layout sheets.pdf - 2>&1) || fail "pdftotext could not read the sheet: $text"
  expect_contains "$text" "Gebruikersnaam: fcelik"
  expect_contains "$text" "Naam: François Çelik"
  expect_contains "$text" "Username: jgrossmann"
  expect_eq "$(pdfinfo sheets.pdf | awk '/^Pages:/ {print $2}')" "2"
else
  fail "pdftotext (poppler-utils) is needed to check the PDF"
fi
expect_refused 3 imictl user print fcelik nobody --output none.pdf
CHECKS=$((CHECKS + 1))
[ ! -e none.pdf ] || fail "a failed print must not write the file"
