#!/usr/bin/env bash
# Imports a generated result table into an empty database and, side by side,
# loads the same file with sqlite3's .import into a plain table. Prints wall
# time and peak resident memory of both. No assertions.
#   bench/import.sh [ROWS] [IMICTL]     (defaults: 100000, build/imictl)
set -eu
rows=${1:-100000}
bin=${2:-build/imictl}
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/imictl-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# One user per row, 200 departments, roles in Dutch, names with tussenvoegsels.
python3 - "$rows" >"$work/table.csv" <<'PY'
import sys
n = int(sys.argv[1])
w = sys.stdout.write
w("\ufeffAfdeling;Wetten en regels van toepassing;Voor en achternaam (funct.);Mailbox;Rol(len)\r\n")
firsts = ["Anna", "Bram", "Pieter", "Sanne", "Daan", "Eva", "José", "Zoë"]
lasts = ["de Kort", "Pauwels", "van der Berg", "Jansen", "Öztürk", "de Vries"]
roles = ["Behandelaar", "Behandelaar / Toewijzer", "Toewijzer", "Lokale gegevensbeheerder", ""]
for i in range(n):
    d = i % 200
    laws = "\"Wet %d\nRegeling %d\"" % (d, d) if i < 200 else ""
    w("Afdeling %d;%s;%s %s (medewerker %d);user%d@example.nl;%s\r\n"
      % (d, laws, firsts[i % 8], lasts[i % 6], i, i, roles[i % 5]))
PY

measure() { # label command...
  local label=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r secs kb <"$work/time"
  printf '%-34s %8.2f s %8.1f MB\n' "$label" "$secs" "$(echo "$kb / 1024" | bc -l)"
  echo "$secs" >"$work/last"
}

export IMICTL_DB=$work/imi.db IMICTL_HASH_PROFILE=min
"$bin" init --authority "Gemeente Oeteldonk" --country NL --email imi@example.nl --first-name Anna \
  --last-name Admin --user-email admin@example.nl >/dev/null 2>&1
export IMICTL_USER=aadmin

printf '%s rows, %s MB file\n' "$rows" "$(($(stat -c %s "$work/table.csv") / 1048576))"
printf '%-34s %10s %11s\n' "" "wall" "peak RSS"
measure "sqlite3 .import (plain table)" sqlite3 "$work/plain.db" \
  "CREATE TABLE t(afdeling, wetten, naam, mailbox, rollen)" ".mode csv" ".separator ;" ".import --skip 1 $work/table.csv t"
base=$(cat "$work/last")
measure "imictl import --dry-run" "$bin" import "$work/table.csv" --default-service construction --dry-run
measure "imictl import" "$bin" import "$work/table.csv" --default-service construction
full=$(cat "$work/last")
measure "imictl import (again, unchanged)" "$bin" import "$work/table.csv"
printf 'imictl import / sqlite3 .import: %.1fx\n' "$(echo "$full / ($base + 0.001)" | bc -l)"
printf 'users in the database: %s\n' "$(sqlite3 "$IMICTL_DB" 'SELECT count(*) FROM user')"
