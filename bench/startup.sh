#!/usr/bin/env bash
# Process start-up and listing speed, side by side with the sqlite3 CLI.
#   bench/startup.sh [path/to/imictl]
# Prints mean wall times (hyperfine) for:
#   imictl --version, imictl authority list --json over 15,000 authorities,
#   sqlite3 DB 'select count(*) from authority' (the baseline),
#   sqlite3 -json DB 'select * from authority' (the same listing in sqlite3).
set -euo pipefail
imictl=${1:-build/imictl}
imictl=$(cd "$(dirname "$imictl")" && pwd)/$(basename "$imictl")
command -v hyperfine >/dev/null || { echo "bench: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/imi.db
export IMICTL_DB=$db XDG_CONFIG_HOME=$work/config

"$imictl" init --authority "Gemeente Oeteldonk" --country NL --email imi@oeteldonk.nl \
  --first-name Anna --last-name Admin --user-email a.admin@oeteldonk.nl >/dev/null
sqlite3 "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 14999)
  INSERT INTO authority (name, informal_name, country, type, email, language, created_at, updated_at)
  SELECT 'Authority ' || i, 'Informal name ' || i, 'DE', 'competent_authority', 'a' || i || '@example.de', 'de',
         '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n"
echo "authorities: $(sqlite3 "$db" 'select count(*) from authority')"

hyperfine -N --warmup 5 --runs 50 --export-json "$work/r.json" \
  -n "imictl --version" "$imictl --version" \
  -n "sqlite3 count(*) (baseline)" "sqlite3 $db 'select count(*) from authority'" \
  -n "imictl authority list --json" "$imictl --db $db authority list --json" \
  -n "sqlite3 -json select *" "sqlite3 -json $db 'select * from authority'" >/dev/null
python3 - "$work/r.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base = next(x for x in r if "baseline" in x["command"])["mean"]
print(f"{'command':36} {'mean ms':>9} {'x baseline':>11}")
for x in r:
    print(f"{x['command']:36} {x['mean']*1000:9.2f} {x['mean']/base:11.2f}")
PY
