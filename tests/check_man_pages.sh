#!/usr/bin/env bash
# Every top-level command listed by `imictl --help` has a man page, and every
# page is clean under `mandoc -T lint -W warning`.
set -u
imictl=$1 mandir=$2 status=0
mandoc -T lint -W warning "$mandir"/*.1 || status=1
commands=$("$imictl" --help | awk '/^Commands:/{on=1; next} on && /^$/{on=0} on && /^  [a-z]/{print $1}')
[ -n "$commands" ] || { echo "no commands found in imictl --help" >&2; exit 1; }
for c in $commands; do
  [ -f "$mandir/imictl-$c.1" ] || { echo "missing man page: man/imictl-$c.1" >&2; status=1; }
  grep -q "Xr imictl-$c 1" "$mandir/imictl.1" || { echo "imictl(1) does not refer to imictl-$c(1)" >&2; status=1; }
done
exit $status
