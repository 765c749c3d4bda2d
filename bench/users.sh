#!/usr/bin/env bash
# User onboarding and listing speed, side by side with the sqlite3 CLI.
#   bench/users.sh [path/to/imictl]
# 1. `imictl user add` in a loop of 1,000 (the onboarding script case) against
#    1,000 `sqlite3 DB "insert ..."` invocations of the bare row;
# 2. `imictl user list --json` over 50,000 users against one
#    `sqlite3 -json DB "select ..."` with the same aggregation of roles,
#    services and departments.
set -euo pipefail
imictl=${1:-build/imictl}
imictl=$(cd "$(dirname "$imictl")" && pwd)/$(basename "$imictl")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config IMICTL_USER=aadmin

now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }

new_db() {
  export IMICTL_DB=$1
  "$imictl" init --authority "Gemeente Oeteldonk" --country NL --email imi@oeteldonk.nl \
    --first-name Anna --last-name Admin --user-email a.admin@oeteldonk.nl >/dev/null 2>&1
}

# --- 1,000 single additions ---
n=1000
new_db "$work/add.db"
t0=$(now)
for i in $(seq 1 $n); do
  "$imictl" user add --first-name "Voornaam$i" --last-name "Achternaam" --email "user$i@oeteldonk.nl" \
    --department "Afdeling $((i % 20))" --role handler --service construction >/dev/null 2>&1
done
t1=$(now)
imictl_add=$(elapsed "$t0" "$t1")
[ "$(sqlite3 "$work/add.db" 'select count(*) from user')" = $((n + 1)) ] || { echo "bench: user add failed" >&2; exit 1; }

new_db "$work/raw.db"
t0=$(now)
for i in $(seq 1 $n); do
  sqlite3 "$work/raw.db" "insert into user (authority_id, username, first_name, last_name, email, language,
    created_at, updated_at) values (1, 'vachternaam$i', 'Voornaam$i', 'Achternaam', 'user$i@oeteldonk.nl', 'nl',
    '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"
done
t1=$(now)
sqlite_add=$(elapsed "$t0" "$t1")

# --- listing 50,000 users ---
new_db "$work/list.db"
sqlite3 "$work/list.db" "
  INSERT INTO department (authority_id, name, position)
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
    SELECT 1, 'Afdeling ' || i, i FROM n;
  INSERT INTO user (authority_id, username, first_name, last_name, email, phone, language, status, created_at, updated_at)
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 49999)
    SELECT 1, 'user' || i, 'Voornaam' || i, 'Achternaam', 'user' || i || '@oeteldonk.nl', '+31 73 ' || i, 'nl',
           'active', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n;
  INSERT INTO user_role SELECT id, 'handler' FROM user WHERE id % 3 = 0;
  INSERT INTO user_service SELECT id, 'construction' FROM user WHERE id % 3 = 0;
  INSERT INTO user_department SELECT id, 1 + id % 40 FROM user;"
users=$(sqlite3 "$work/list.db" 'select count(*) from user')

t0=$(now)
"$imictl" user list --json >"$work/imictl.json"
t1=$(now)
imictl_list=$(elapsed "$t0" "$t1")
t0=$(now)
sqlite3 -json "$work/list.db" "
  SELECT u.username, u.first_name, u.last_name, u.email, u.phone, u.language, u.status,
    (SELECT json_group_array(role) FROM user_role WHERE user_id = u.id) AS roles,
    (SELECT json_group_array(keyword) FROM user_service WHERE user_id = u.id) AS services,
    (SELECT json_group_array(d.name) FROM user_department ud JOIN department d ON d.id = ud.department_id
      WHERE ud.user_id = u.id) AS departments,
    a.name AS authority
  FROM user u JOIN authority a ON a.id = u.authority_id WHERE u.status <> 'deleted' ORDER BY u.username" \
  >"$work/sqlite.json"
t1=$(now)
sqlite_list=$(elapsed "$t0" "$t1")
listed=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$work/imictl.json")

printf '%-52s %10s\n' "work" "seconds"
printf '%-52s %10s\n' "imictl user add x $n (roles, service, department)" "$imictl_add"
printf '%-52s %10s\n' "sqlite3 insert x $n (bare row)" "$sqlite_add"
printf '%-52s %10s\n' "imictl user list --json ($listed of $users users)" "$imictl_list"
printf '%-52s %10s\n' "sqlite3 -json select with json_group_array" "$sqlite_list"
