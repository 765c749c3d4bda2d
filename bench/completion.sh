#!/usr/bin/env bash
# What one Tab costs: `imictl completion --values KIND PREFIX` for each kind
# on a database of ROWS users (imported from a generated result table) and
# a few requests, and printing the whole bash script. A Tab should answer
# well within 100 ms. No assertions.
#   bench/completion.sh [ROWS] [IMICTL]   (defaults: 20000, build/imictl)
set -eu
rows=${1:-20000}
bin=$(realpath "${2:-build/imictl}")
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install hyperfine" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/imictl-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config IMICTL_DB=$work/imi.db
export IMICTL_HASH_PROFILE=min IMICTL_NOW=2026-03-02T09:00:00Z
unset IMICTL_CONFIG IMICTL_USER

"$bin" init --authority "Gemeente Oeteldonk" --country NL --email imi@oeteldonk.nl --first-name Anna \
  --last-name Admin --user-email a.admin@oeteldonk.nl --service construction >/dev/null 2>&1
export IMICTL_USER=aadmin
python3 - "$rows" >"$work/table.csv" <<'PY'
import sys
n = int(sys.argv[1])
print("Afdeling;Wetten en regels van toepassing;Voor en achternaam (funct.);Mailbox;Rol(len)")
for i in range(n):
    print("Afdeling %d;;Anna%d Jansen%d;user%d@example.nl;Behandelaar" % (i % 200, i, i, i))
PY
"$bin" import "$work/table.csv" --default-service construction >/dev/null 2>&1
"$bin" role grant aadmin handler --service construction >/dev/null 2>&1
"$bin" authority add --name "Stad Antwerpen" --country BE --type competent_authority --email imi@antwerpen.be \
  --language en --lda-first-name Lode --lda-last-name Leysen --lda-email l.leysen@antwerpen.be >/dev/null 2>&1
for i in $(seq 1 50); do
  "$bin" request create --to "Stad Antwerpen" --subject "Vergunning $i" --motivation "Klacht" \
    --question-set services-general --question 1 >/dev/null 2>&1
done
echo "users: $(sqlite3 "$IMICTL_DB" 'SELECT count(*) FROM user'), requests: $(sqlite3 "$IMICTL_DB" 'SELECT count(*) FROM request')"
hyperfine -N --warmup 3 \
  "$bin completion --values user -- a" \
  "$bin completion --values user -- anna1" \
  "$bin completion --values department -- Afd" \
  "$bin completion --values reference -- NL-" \
  "$bin completion --values keyword -- bouw" \
  "$bin completion bash"
