#!/usr/bin/env bash
# Every top-level command listed by `imictl --help` has a man page, every
# page is clean under `mandoc -T lint -W warning`, imictl(1) refers to every
# page, and all carry one date.
set -u
imictl=$1 mandir=$2 status=0
mandoc -T lint -W warning "$mandir"/*.1 || status=1
commands=$("$imictl" --help | awk '/^Commands:/{on=1; next} on && /^$/{on=0} on && /^  [a-z]/{print $1}')
[ -n "$commands" ] || { echo "no commands found in imictl --help" >&2; exit 1; }
for c in $commands; do
  [ -f "$mandir/imictl-$c.1" ] || { echo "missing man page: man/imictl-$c.1" >&2; status=1; }
  grep -q "Xr imictl-$c 1" "$mandir/imictl.1" || { echo "imictl(1) does not refer to imictl-$c(1)" >&2; status=1; }
done
# SEE ALSO of imictl(1) names every imictl page, and every page carries the
# same date, so the manual reads as one.
see_also=$(sed -n '/^\.Sh SEE ALSO/,$p' "$mandir/imictl.1")
for page in "$mandir"/imictl-*.1; do
  name=$(basename "$page" .1)
  grep -q "^\.Xr $name 1" <<<"$see_also" || { echo "SEE ALSO of imictl(1) lacks $name(1)" >&2; status=1; }
done
dates=$(grep -h '^\.Dd' "$mandir"/*.1 | sort -u)
[ "$(wc -l <<<"$dates")" = 1 ] || { echo "man pages carry different dates:"$'\n'"$dates" >&2; status=1; }
exit $status
