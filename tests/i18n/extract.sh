#!/bin/sh
# Extracts every marked string (lib/util/i18n.hpp) of lib/ and cli/ into a
# .pot file, in a stable order so the file diffs cleanly.
# Usage: extract.sh SOURCE_DIR OUTPUT.pot
set -eu
src=$1 out=$2
cd "$src"
find lib cli -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort > "${TMPDIR:-/tmp}/imictl-sources.$$"
xgettext --from-code=UTF-8 --language=C++ --sort-by-file --no-wrap \
  --package-name=imictl --msgid-bugs-address="imictl maintainers" --force-po \
  --keyword= --keyword=_ --keyword=_f --keyword=N_ --keyword=_n:1,2 --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --flag=_:1:no-c-format --flag=_f:1:no-c-format --flag=N_:1:no-c-format \
  --flag=_n:1:no-c-format --flag=_n:2:no-c-format --flag=C_:2:no-c-format --flag=NC_:2:no-c-format \
  --add-comments=TRANSLATORS: \
  -f "${TMPDIR:-/tmp}/imictl-sources.$$" -o "$out"
rm -f "${TMPDIR:-/tmp}/imictl-sources.$$"
