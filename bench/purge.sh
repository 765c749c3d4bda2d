#!/usr/bin/env bash
# Retention purge at national scale, side by side with a plain DELETE:
#   bench/purge.sh [N] [path/to/imictl]        (N requests, default 1,000,000)
# Builds (bulk SQL, bench/purge_data.sql; not the CLI) a database with N
# requests of which 70 % closed more than 6 months ago, each with personal
# data, questions and answers, history, a mail, every 50th an attachment.
# Then, on two copies of it:
#   imictl purge --json                       (batches, tombstones, checkpoint)
#   sqlite3 with secure_delete on: one DELETE of the same requests and the
#   rows that hold their content, in one transaction, and the same checkpoint
# and prints wall time, peak memory (/usr/bin/time -v), imictl's longest
# write transaction and the ratio. Targets (issue 9): within 2x of the plain
# DELETE, peak memory under 100 MB, no write transaction near a second.
set -euo pipefail
n=${1:-1000000}
imictl=${2:-build/imictl}
imictl=$(cd "$(dirname "$imictl")" && pwd)/$(basename "$imictl")
data=$(cd "$(dirname "$0")" && pwd)/purge_data.sql
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is not installed (package time)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config IMICTL_NOW=2026-11-29T09:00:00Z
unset IMICTL_DB IMICTL_CONFIG IMICTL_USER
template=$work/template.db
cutoff=2026-05-29T09:00:00Z # six months before IMICTL_NOW

"$imictl" --db "$template" init --authority "Gemeente Oeteldonk" --country NL --email imi@oeteldonk.nl \
  --first-name Anna --last-name Admin --user-email a.admin@oeteldonk.nl >/dev/null 2>&1
t0=$(date +%s.%N)
sqlite3 -bail "$template" ".parameter set @n $n" ".read $data" >/dev/null
expired=$(sqlite3 "$template" "SELECT count(*) FROM request WHERE state IN ('closed', 'refused') AND closed_at <= '$cutoff'")
echo "generated in $(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$t0" "$(date +%s.%N)") s:" \
  "$(sqlite3 "$template" "SELECT count(*) FROM request") requests, $expired expired," \
  "$(du -m "$template" | cut -f1) MB"
cp "$template" "$work/imictl.db"
cp "$template" "$work/sqlite.db"
rm "$template"

seconds() { sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" |
  awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }'; }
peak_mb() { awk '/Maximum resident set size/ { printf "%.1f", $NF / 1024 }' "$1"; }

/usr/bin/time -v -o "$work/imictl.time" "$imictl" --db "$work/imictl.db" purge --json >"$work/purge.json"
/usr/bin/time -v -o "$work/sqlite.time" sqlite3 -bail "$work/sqlite.db" "
  PRAGMA secure_delete = ON;
  BEGIN;
  CREATE TEMP TABLE gone AS SELECT id FROM request WHERE state IN ('closed', 'refused') AND closed_at <= '$cutoff';
  DELETE FROM request_personal_data WHERE request_id IN gone;
  DELETE FROM request_attachment WHERE request_id IN gone;
  DELETE FROM request_question WHERE request_id IN gone;
  DELETE FROM outbox WHERE request_id IN gone;
  DELETE FROM request WHERE id IN gone;
  COMMIT;
  PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null

python3 - "$work/purge.json" "$(seconds "$work/imictl.time")" "$(peak_mb "$work/imictl.time")" \
  "$(seconds "$work/sqlite.time")" "$(peak_mb "$work/sqlite.time")" "$expired" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
ims, imm, sqs, sqm, expired = float(sys.argv[2]), sys.argv[3], float(sys.argv[4]), sys.argv[5], int(sys.argv[6])
assert j["deleted"] == expired, (j["deleted"], expired)
print(f"| | wall | peak memory | longest write transaction |")
print(f"|---|---|---|---|")
print(f"| imictl purge ({j['deleted']} deleted, {j['transactions']} transactions) | {ims:.2f} s | {imm} MB | {j['longest_write_ms']} ms |")
print(f"| sqlite3 DELETE, secure_delete on (one transaction) | {sqs:.2f} s | {sqm} MB | {sqs * 1000:.0f} ms (all of it) |")
print(f"ratio imictl / sqlite3: {ims / sqs:.2f}x (target within 2x); peak {imm} MB (target under 100 MB)")
PY
