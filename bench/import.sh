#!/usr/bin/env bash
# Imports a generated result table into an empty database and, side by side,
# loads the same file with sqlite3's .import into a plain table. Prints wall
# time and peak resident memory of both, the ratio, a dry run and a second,
# unchanged import of the same file; then the peak memory of an import of
# LARGE rows (memory must stay flat however long the file). No assertions.
#   bench/import.sh [ROWS] [IMICTL] [LARGE]   (defaults: 100000, build/imictl, 1000000; LARGE 0 skips it)
set -eu
rows=${1:-100000}
bin=${2:-build/imictl}
large=${3:-1000000}
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/imictl-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# One user per row, 200 departments, roles in Dutch, names with tussenvoegsels.
generate() { # ROWS
  python3 - "$1" <<'PY'
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
}
generate "$rows" >"$work/table.csv"

measure() { # label command...
  local label=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r secs kb <"$work/time"
  printf '%-34s %8.2f s %8.1f MB\n' "$label" "$secs" "$(echo "$kb / 1024" | bc -l)"
  echo "$secs" >"$work/last"
}

new_database() { # PATH
  export IMICTL_DB=$1 IMICTL_HASH_PROFILE=min
  unset IMICTL_USER
  "$bin" init --authority "Gemeente Oeteldonk" --country NL --email imi@example.nl --first-name Anna \
    --last-name Admin --user-email admin@example.nl >/dev/null 2>&1
  export IMICTL_USER=aadmin
}
new_database "$work/imi.db"

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

[ "$large" -gt 0 ] || exit 0
generate "$large" >"$work/large.csv"
rm -f "$work/table.csv" "$work/plain.db"
new_database "$work/large.db"
printf '\n%s rows, %s MB file\n' "$large" "$(($(stat -c %s "$work/large.csv") / 1048576))"
measure "imictl import" "$bin" import "$work/large.csv" --default-service construction
printf 'users in the database: %s\n' "$(sqlite3 "$IMICTL_DB" 'SELECT count(*) FROM user')"
