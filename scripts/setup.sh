#!/usr/bin/env bash
# Set-up on a fresh Debian 12 machine, as root (or with sudo available).
#   scripts/setup.sh run   install what is needed, build, and run the main job:
#                          a database at the default path with the guide's own
#                          example authority and its result table imported
#   scripts/setup.sh test  install what is needed (also for the tests), build
#                          with warnings as errors, run every test, then build
#                          with ASan+UBSan and run every test again
set -euo pipefail
mode=${1:-run}
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

build_packages=(build-essential cmake ninja-build pkg-config ccache
  libcli11-dev libsqlitecpp-dev libsqlite3-dev libfmt-dev libtomlplusplus-dev doctest-dev
  libsodium-dev libutf8proc-dev libzip-dev libcurl4-openssl-dev libcurl4 sqlite3 mandoc python3 gettext)
test_packages=(chromium clang-format python3-aiosmtpd openssl libreoffice-calc-nogui libreoffice-writer-nogui python3-docx poppler-utils argon2 clang libclang-rt-14-dev time
  hyperfine sudo passwd systemd zsh mmdebstrap dpkg-dev)

die() {
  echo "setup: error: $*" >&2
  exit 1
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_packages() {
  local missing=()
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p"); done
  [ ${#missing[@]} = 0 ] && return 0
  echo "setup: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() { # build DIR [cmake options...]
  local dir=$1
  shift
  cmake -S . -B "$dir" -G Ninja "$@" >/dev/null
  ninja -C "$dir"
}

# run_tests DIR [ENV...]: ctest in DIR, after checking that every test this
# tree defines is registered there (unit, man pages, install, each e2e suite).
run_tests() {
  local dir=$1 listed suite
  shift
  listed=$(cd "$dir" && ctest -N) || die "ctest cannot list the tests in $dir"
  for suite in unit man install $(for f in tests/e2e/*.bash; do basename "$f" .bash | sed 's/^/e2e./'; done); do
    grep -q "Test *#[0-9]*: $suite\$" <<<"$listed" || die "$dir has no test '$suite'"
  done
  (cd "$dir" && env "$@" ctest --no-tests=error --output-on-failure -j2)
}

case "$mode" in
run)
  install_packages "${build_packages[@]}"
  build build -DIMICTL_TESTS=OFF
  as_root cmake --install build >/dev/null
  imictl=build/imictl
  if ! "$imictl" authority show >/dev/null 2>&1; then
    "$imictl" init --authority "Gemeente Oeteldonk" --informal-name "Gemeente Oeteldonk" --country NL \
      --email imi@oeteldonk.nl --first-name Anna --last-name Admin --user-email a.admin@oeteldonk.nl \
      --service construction
  fi
  # Act as the first local data administrator of the (possibly existing) database.
  db=$("$imictl" --json config show | python3 -c 'import json,sys; print({e["key"]: e["value"] for e in json.load(sys.stdin)}["database.path"])')
  IMICTL_USER=$(sqlite3 "$db" "SELECT u.username FROM user u JOIN user_role r ON r.user_id = u.id
    WHERE r.role = 'lda' AND u.status IN ('pending', 'active') ORDER BY u.id LIMIT 1")
  export IMICTL_USER
  "$imictl" authority keywords add construction >/dev/null
  "$imictl" import examples/oeteldonk.csv
  "$imictl" user list
  "$imictl" check || true
  ;;
test)
  install_packages "${build_packages[@]}" "${test_packages[@]}"
  # Every step below must run: a suite that would skip itself for a missing
  # tool fails instead, ctest fails when it finds no tests, and the tests are
  # switched on explicitly (`run` leaves build/ configured without them).
  export IMICTL_REQUIRE_ALL=1
  [ -x tests/fuzz/run.sh ] || die "tests/fuzz/run.sh is missing or not executable"
  build build -DIMICTL_WERROR=ON -DIMICTL_TESTS=ON
  ninja -C build check_format
  run_tests build
  mandoc -T lint -W warning man/*.1
  build build-asan -DIMICTL_WERROR=ON -DIMICTL_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug -DIMICTL_TESTS=ON
  run_tests build-asan ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1
  tests/fuzz/run.sh 60
  echo "setup: every test step passed"
  ;;
*)
  echo "usage: scripts/setup.sh run|test" >&2
  exit 2
  ;;
esac
