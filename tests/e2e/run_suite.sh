#!/usr/bin/env bash
# Runs one end-to-end suite in a fresh temporary directory with isolated
# HOME/XDG folders, so no test ever sees the user's own config or database.
# The directory is kept when the suite fails.
set -u
suite=$1
: "${IMICTL_BIN:?IMICTL_BIN must point at the imictl binary}"
: "${IMICTL_SOURCE_DIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
export IMICTL_BIN IMICTL_SOURCE_DIR
TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/imictl-e2e.XXXXXX")
export TEST_DIR HOME=$TEST_DIR/home XDG_CONFIG_HOME=$TEST_DIR/config XDG_DATA_HOME=$TEST_DIR/data
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
unset IMICTL_DB IMICTL_CONFIG IMICTL_USER IMICTL_NOW NO_COLOR
export IMICTL_HASH_PROFILE=min
cd "$TEST_DIR" || exit 1
# shellcheck source=tests/e2e/lib.sh
source "$IMICTL_SOURCE_DIR/tests/e2e/lib.sh"
source "$suite"
rc=$?
finish_suite "$rc"
