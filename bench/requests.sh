#!/usr/bin/env bash
# Request workflow at national scale, side by side with hand-written sqlite3:
#   [IMICTL_BENCH_DB=FILE] bench/requests.sh [path/to/imictl]
# Builds (bulk SQL, recursive CTEs; not the CLI) a database with 15,000
# authorities, 50,000 users and 1,000,000 requests with their history, then
# times with hyperfine, for the own authority:
#   imictl request list --incoming --overdue --json   vs  sqlite3 -json of the same rows
#   imictl stats --json over a year                   vs  sqlite3 of the same figures
# Targets (issue 8): the list within 2x of sqlite3 and under 100 ms; stats
# over a year under 1 s.
set -euo pipefail
imictl=${1:-build/imictl}
imictl=$(cd "$(dirname "$imictl")" && pwd)/$(basename "$imictl")
keep=${IMICTL_BENCH_DB:-} # keep the generated database there, and reuse it
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=${keep:-$work/requests.db}
export XDG_CONFIG_HOME=$work/config IMICTL_DB=$db IMICTL_USER=aadmin IMICTL_NOW=2026-11-29T09:00:00Z
command -v hyperfine >/dev/null || { echo "bench: hyperfine is not installed" >&2; exit 1; }

if [ ! -s "$db" ]; then
  "$imictl" init --authority "Gemeente Oeteldonk" --country NL --email imi@oeteldonk.nl \
    --first-name Anna --last-name Admin --user-email a.admin@oeteldonk.nl >/dev/null 2>&1
  t0=$(date +%s.%N)
  sqlite3 -bail "$db" <"$(dirname "$0")/requests_data.sql" >/dev/null
  echo "generated in $(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$t0" "$(date +%s.%N)") s:" \
    "$(sqlite3 "$db" "SELECT (SELECT count(*) FROM authority) || ' authorities, ' || (SELECT count(*) FROM user)
      || ' users, ' || (SELECT count(*) FROM request) || ' requests, ' || (SELECT count(*) FROM request_history)
      || ' history rows'")"
fi
# A kept database from an older imictl gets the newer indexes first.
"$imictl" migrate >/dev/null

# The same rows as `request list --incoming --overdue --json` (without the
# fields that need the access layer's judgement, which only add columns).
list_sql="SELECT r.id, r.reference, r.state, qa.name AS requesting_authority, pa.name AS responding_authority,
  r.subject, r.fictitious, r.created_at, r.sent_at, r.due_at, r.version,
  p.provider_name, p.provider_address, p.provider_registration, p.provider_birth_date
  FROM request r JOIN authority qa ON qa.id = r.requesting_authority_id
  JOIN authority pa ON pa.id = r.responding_authority_id
  LEFT JOIN request_personal_data p ON p.request_id = r.id
  WHERE r.responding_authority_id = 1 AND r.state IN ('sent', 'accepted') AND r.due_at < '$IMICTL_NOW'
  ORDER BY r.id DESC"

# The same three indicators as `stats` over 2025-11-30 .. 2026-11-29, written
# directly: received at the last send or forward, accepted and answered at
# the first accept and reply after it.
stats_sql="WITH recv AS (SELECT r.id, coalesce(r.agreed_due_at, r.due_at) AS due_at,
    (SELECT max(at) FROM request_history h WHERE h.request_id = r.id AND h.action IN ('send', 'forward')) AS received_at
    FROM request r WHERE r.responding_authority_id = 1 AND r.state <> 'draft' AND r.fictitious = 0),
  t AS (SELECT received_at, due_at,
    (SELECT min(at) FROM request_history h WHERE h.request_id = recv.id AND h.action = 'accept' AND h.at >= received_at) AS accepted_at,
    (SELECT min(at) FROM request_history h WHERE h.request_id = recv.id AND h.action = 'reply' AND h.at >= received_at) AS answered_at
    FROM recv WHERE received_at >= '2025-11-30T00:00:00Z' AND received_at < '2026-11-30T00:00:00Z')
  SELECT count(*) AS received,
    round(100.0 * sum(accepted_at IS NOT NULL AND julianday(accepted_at) - julianday(received_at) <= 7)
      / sum(accepted_at IS NOT NULL OR julianday('$IMICTL_NOW') - julianday(received_at) > 7), 1) AS accepted_7d,
    round(avg(julianday(answered_at) - julianday(received_at)), 1) AS days,
    round(100.0 * sum(answered_at IS NOT NULL AND answered_at <= due_at)
      / sum(answered_at IS NOT NULL OR due_at < '$IMICTL_NOW'), 1) AS agreed,
    (SELECT count(*) FROM request r WHERE r.requesting_authority_id = 1 AND r.fictitious = 0 AND
      (SELECT min(at) FROM request_history h WHERE h.request_id = r.id AND h.action = 'send')
      BETWEEN '2025-11-30T00:00:00Z' AND '2026-11-30T00:00:00Z') AS sent
  FROM t"

echo "request list: $("$imictl" request list --incoming --overdue --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))') rows (imictl)," \
  "$(sqlite3 "$db" "SELECT count(*) FROM ($list_sql)") rows (sqlite3)"
echo "stats (imictl): $("$imictl" stats --json --from 2025-11-30 --to 2026-11-29 | python3 -c 'import json,sys; r=json.load(sys.stdin)["rows"][0]; print(r["sent"], r["received"], *[r[k]["value"] for k in ("accepted_within_7_days", "average_days_to_answer", "answered_by_agreed_date")])')"
echo "stats (sqlite3): $(sqlite3 -separator ' ' "$db" "SELECT sent, received, accepted_7d, days, agreed FROM ($stats_sql)")"

hyperfine -N --warmup 3 --runs "${RUNS:-30}" --style basic --export-markdown "$work/list.md" \
  -n "imictl request list --incoming --overdue --json" "$imictl request list --incoming --overdue --json" \
  -n "sqlite3 -json (same rows)" "sqlite3 -json $db \"$list_sql\""
hyperfine -N --warmup 3 --runs "${RUNS:-30}" --style basic --export-markdown "$work/stats.md" \
  -n "imictl stats --json (a year)" "$imictl stats --json --from 2025-11-30 --to 2026-11-29" \
  -n "sqlite3 (same figures)" "sqlite3 $db \"$stats_sql\""
echo
cat "$work/list.md" "$work/stats.md"
