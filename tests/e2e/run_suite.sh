#!/usr/bin/env bash
# Runs one end-to-end suite in a fresh temporary directory with isolated
# HOME/XDG folders, so no test ever sees the user's own config or database.
# The directory is kept when the suite fails.
#
# Exit status: 0 passed, 77 skipped (ctest's SKIP_RETURN_CODE), else failed.
# A suite passes only when it parses, runs to its end (finish_suite) and
# every check passed: a syntax error, a `set -u` abort, an `exit` half-way
# or a non-zero status of the script itself all fail it.
set -u
suite=$1
: "${IMICTL_BIN:?IMICTL_BIN must point at the imictl binary}"
: "${IMICTL_SOURCE_DIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
export IMICTL_BIN IMICTL_SOURCE_DIR
name=$(basename "$suite")
[ -r "$suite" ] || { echo "FAIL [$name] no such suite: $suite" >&2; exit 1; }
suite=$(realpath "$suite")

# Parse the whole file first: bash would otherwise run the lines before a
# syntax error and stop there.
if ! errors=$(bash -n "$suite" 2>&1); then
  printf 'FAIL [%s] the suite does not parse:\n%s\n' "$name" "$errors" >&2
  exit 1
fi

TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/imictl-e2e.XXXXXX")
export TEST_DIR HOME=$TEST_DIR/home XDG_CONFIG_HOME=$TEST_DIR/config XDG_DATA_HOME=$TEST_DIR/data
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
unset IMICTL_DB IMICTL_CONFIG IMICTL_USER IMICTL_NOW NO_COLOR
# Suites check the English texts; the Dutch interface has suites of its own
# that set LANGUAGE=nl or --lang nl themselves.
unset LANGUAGE LC_MESSAGES
case ${LC_ALL:-} in '' | C | C.* | POSIX | en*) ;; *) export LC_ALL=C.UTF-8 ;; esac
case ${LANG:-} in '' | C | C.* | POSIX | en*) ;; *) export LANG=C.UTF-8 ;; esac
export IMICTL_HASH_PROFILE=min
cd "$TEST_DIR" || exit 1

# The suite runs in a shell of its own, so whatever it does with traps,
# options or `exit` cannot make this script report success: only the result
# finish_suite writes at the very end counts.
bash -c 'set -u
  imictl_e2e_lib=$1 imictl_e2e_suite=$2
  set --
  source "$imictl_e2e_lib"
  source "$imictl_e2e_suite"
  finish_suite "$?"' run_suite "$IMICTL_SOURCE_DIR/tests/e2e/lib.sh" "$suite"
rc=$?
result=$(cat "$TEST_DIR/.result" 2>/dev/null)

case "$rc:$result" in
  0:passed)
    rm -rf "$TEST_DIR"
    exit 0
    ;;
  77:skipped)
    rm -rf "$TEST_DIR"
    exit 77
    ;;
  *:failed) ;;
  *) printf 'FAIL [%s] the suite stopped before its end (exit %s); files kept in %s\n' "$name" "$rc" "$TEST_DIR" >&2 ;;
esac
exit 1 # never 77 here: only skip_suite may report a skip
