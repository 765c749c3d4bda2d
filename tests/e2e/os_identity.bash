# Shared mode ([security] identity = "os", SPEC §5) with real OS accounts: a
# service account owns the database, two people run imictl through sudo as
# that account, and neither can act as the other. Needs root (useradd, a
# sudoers drop-in) and sudo; skipped without them unless every test must run.
[ "$(id -u)" = 0 ] || skip_suite "shared-mode test needs root (useradd, a sudoers drop-in)"
require_commands sudo useradd userdel visudo

tag=$(printf '%05d' $((RANDOM % 100000)))
svc=imisvc$tag alice=imialice$tag bob=imibob$tag
# Outside TEST_DIR: the service account must be able to reach its folder.
base=$(mktemp -d /tmp/imictl-os.XXXXXX)
sudoers=/etc/sudoers.d/imictl-test-$tag
cleanup() {
  rm -f "$sudoers"
  for u in "$svc" "$alice" "$bob"; do userdel "$u" 2>/dev/null; done
  rm -rf "$base"
}
trap cleanup EXIT
chmod 755 "$base"
home=$base/svc
useradd --no-create-home --home-dir "$home" --shell /usr/sbin/nologin "$svc" || fail "useradd $svc"
useradd --no-create-home --shell /bin/sh "$alice" || fail "useradd $alice"
useradd --no-create-home --shell /bin/sh "$bob" || fail "useradd $bob"
mkdir -p "$home/.config/imictl"
cat >"$home/.config/imictl/config.toml" <<EOF
[database]
path = "$home/imi.db"
[security]
identity = "os"
hash_profile = "min"
EOF
chown -R "$svc:" "$home"
chmod 700 "$home"
install -m 755 "$IMICTL_BIN" "$base/imictl"
# As examples/sudoers.imictl: each person may run exactly the binary as the
# service account, and nothing else; the environment is reset.
sed -e "s|%imictl-users|$alice, $bob|; s|(imictl)|($svc)|; s|/usr/bin/imictl|$base/imictl|" \
  "$IMICTL_SOURCE_DIR/examples/sudoers.imictl" >"$sudoers"
chmod 440 "$sudoers"
visudo -cf "$sudoers" >/dev/null || fail "sudoers drop-in does not parse"

# The service account itself (cron, the first set-up) is trusted like the
# owner of a personal database: it names the first LDA with --as.
svc_run() { sudo -u "$svc" -- "$base/imictl" "$@"; }
# A person: root becomes them, they run sudo -u SERVICE imictl ...
as_person() {
  local who=$1
  shift
  sudo -u "$who" -- sudo -n -u "$svc" -- "$base/imictl" "$@"
}
digest() { sqlite3 "$home/imi.db" "SELECT * FROM user; SELECT * FROM user_role;" | sha256sum; }
last_audit() { sqlite3 "$home/imi.db" "SELECT actor || ' ' || action FROM audit ORDER BY id DESC LIMIT 1"; }

expect_ok svc_run init --authority "Gemeente Oeteldonk" --country NL --email imi@oeteldonk.nl \
  --first-name Anna --last-name Admin --user-email a.admin@oeteldonk.nl --service construction
expect_eq "$(stat -c '%U %a' "$home/imi.db")" "$svc 600"
expect_ok svc_run --as aadmin user add --first-name Bob --last-name Bakker --email b.bakker@oeteldonk.nl
expect_ok svc_run --as aadmin user link aadmin --os-user "$alice"
expect_ok svc_run --as aadmin --json user link bbakker --os-user "$bob"
expect_json 'j["os_user"]' "$bob"
# One OS account acts as one user; an unknown OS account cannot be linked.
expect_rc 5 svc_run --as aadmin user link bbakker --os-user "$alice"
expect_rc 3 svc_run --as aadmin user link bbakker --os-user "nosuchaccount$tag"

# Alice acts as aadmin without naming herself, or naming herself.
expect_ok as_person "$alice" --json user list
expect_json 'len(j)' "2"
expect_ok as_person "$alice" --as aadmin user show bbakker
expect_ok as_person "$alice" user edit bbakker --phone "073 1"
expect_eq "$(last_audit)" "aadmin user.edit"

# Bob is a basic user: he may look, not change; naming Anna is refused (4),
# audited, and changes nothing.
expect_ok as_person "$bob" user show aadmin
before=$(digest)
expect_rc 4 as_person "$bob" user lock aadmin
expect_eq "$(last_audit)" "bbakker denied:user.manage"
expect_rc 4 as_person "$bob" --as aadmin user lock bbakker
expect_contains "$ERR" "may not act as 'aadmin'"
expect_eq "$(last_audit)" "bbakker denied:identify"
expect_rc 4 as_person "$bob" --as a.admin@oeteldonk.nl role grant bbakker lda
expect_rc 4 as_person "$bob" --as system user lock aadmin
expect_eq "$(digest)" "$before"

# No way around it: another configuration or database is refused, the
# environment does not cross sudo, the files are the service account's.
printf '[security]\nidentity = "personal"\n[database]\npath = "%s"\n' "$home/imi.db" >"$base/mine.toml"
chmod 644 "$base/mine.toml"
expect_rc 4 as_person "$bob" --config "$base/mine.toml" --as aadmin user lock bbakker
expect_contains "$ERR" "--config cannot be chosen through sudo"
expect_rc 4 as_person "$bob" --db "$home/imi.db" --as aadmin user lock bbakker
run sudo -u "$bob" -- sudo -n -u "$svc" IMICTL_USER=aadmin IMICTL_CONFIG="$base/mine.toml" -- "$base/imictl" user lock bbakker
CHECKS=$((CHECKS + 1))
[ "$RC" != 0 ] || fail "sudo let the caller set IMICTL_* variables"
expect_rc 1 sudo -u "$bob" cat "$home/imi.db"
expect_rc 1 sudo -u "$bob" cat "$home/imi.db.key"
expect_eq "$(digest)" "$before"

# Unlinked, Bob is nobody: refused (4) and audited under his OS login.
expect_ok as_person "$alice" user unlink bbakker
expect_rc 4 as_person "$bob" user list
expect_contains "$ERR" "not linked"
expect_eq "$(last_audit)" "os:$bob denied:identify"
# A deleted user's link goes with the account.
expect_ok as_person "$alice" user link bbakker --os-user "$bob"
expect_ok as_person "$alice" user delete bbakker --yes
expect_sql "$home/imi.db" "SELECT count(*) FROM user WHERE os_user IS NOT NULL" "1"
expect_rc 4 as_person "$bob" user list
