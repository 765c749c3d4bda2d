#!/usr/bin/env bash
# The Debian package as an administrator meets it: made with CPack from a
# build tree, installed with apt into a clean Debian 12 root made by
# mmdebstrap, and used there as the README says; then removed (the conffile
# stays) and purged (it goes, with /var/lib/imictl).
#   tests/package/deb_test.sh SOURCE_DIR BUILD_DIR WORK_DIR
# BUILD_DIR is a configured and built tree; WORK_DIR keeps a tarball of the
# clean root between runs (delete it to start over). Needs root, mmdebstrap, dpkg-dev and the
# host's Debian mirror; exits 77 (skipped) without them, unless
# IMICTL_REQUIRE_ALL=1, where every test must run.
set -u
source=$(cd "$1" && pwd) build_dir=$2 work=$3
status=0 checks=0

skip() {
  if [ "${IMICTL_REQUIRE_ALL:-0}" = 1 ]; then
    echo "FAIL [package.deb] $* (IMICTL_REQUIRE_ALL=1: no test may be skipped)" >&2
    exit 1
  fi
  echo "SKIP: $*"
  exit 77
}
die() {
  echo "FAIL [package.deb] $*" >&2
  exit 1
}
fail() {
  echo "FAIL [package.deb] $*" >&2
  status=1
}

[ "$(id -u)" = 0 ] || skip "needs root (chroot, mmdebstrap)"
for c in mmdebstrap dpkg-shlibdeps cpack ninja; do
  command -v "$c" >/dev/null || skip "$c is not installed"
done
mkdir -p "$work"
work=$(cd "$work" && pwd)

# --- the package ---
# CPack packages the build tree the tests ran on (BUILD_DIR), so CI compiles
# nothing twice; it installs only what cmake/Install.cmake names and strips
# the binary, so neither tests nor debug information reach the package.
build=$(cd "$build_dir" && pwd)
[ -f "$build/CPackConfig.cmake" ] || die "$build has no CPackConfig.cmake: configure it first"
echo "package.deb: packaging $build"
ninja -C "$build" imictl >"$work/build.log" 2>&1 || die "building imictl failed: $work/build.log"
rm -f "$build"/imictl_*.deb
(cd "$build" && cpack -G DEB) >"$work/cpack.log" 2>&1 || die "cpack failed: $work/cpack.log"
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
deb=$build/imictl_${version}_$(dpkg --print-architecture).deb
[ -f "$deb" ] || die "no $(basename "$deb"); cpack made: $(ls "$build"/*.deb 2>/dev/null)"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libsodium libsqlite3 libfmt adduser; do
  [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done
dpkg-deb -c "$deb" | grep ' ./etc/imictl/config.toml$' >/dev/null || fail "the package has no /etc/imictl/config.toml"
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles | grep -qx /etc/imictl/config.toml ||
  fail "/etc/imictl/config.toml is not a conffile"

# --- a clean Debian 12 root, from the host's apt sources ---
tarball=$work/bookworm-apt.tar
if [ ! -s "$tarball" ]; then
  echo "package.deb: making a clean bookworm root (once; kept in $tarball)"
  sources=/etc/apt/sources.list.d/debian.sources
  [ -f "$sources" ] || sources=/etc/apt/sources.list
  # man-db so that `man imictl` is tried as an administrator would.
  mmdebstrap --variant=apt --format=tar --include=man-db bookworm "$tarball.part" "$sources" >"$work/mmdebstrap.log" 2>&1 || {
    grep -qi 'could not resolve\|failed to fetch\|temporary failure' "$work/mmdebstrap.log" &&
      skip "the Debian mirror cannot be reached (see $work/mmdebstrap.log)"
    die "mmdebstrap failed: $work/mmdebstrap.log"
  }
  mv "$tarball.part" "$tarball"
fi
root=$work/root
mounted=()
# Never follows a mount into the host: what cannot be unmounted stays.
remove_root() {
  local m
  for m in "${mounted[@]}"; do umount "$m" || umount -l "$m"; done
  mounted=()
  grep -q " $root/" /proc/self/mounts && { echo "package.deb: still mounted under $root" >&2; return 1; }
  rm -rf --one-file-system "$root"
}
trap remove_root EXIT
[ -d "$root" ] && { remove_root || die "cannot remove the old $root"; }
mkdir -p "$root"
tar --numeric-owner -xf "$tarball" -C "$root" || die "cannot unpack $tarball"
mount -t proc proc "$root/proc" && mounted+=("$root/proc") || die "cannot mount /proc in the root"
if [ ! -c "$root/dev/null" ]; then
  mount --bind /dev "$root/dev" && mounted+=("$root/dev") || die "cannot mount /dev in the root"
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/"

# in_root CMD: runs a shell command in the root as root, with a login's PATH.
in_root() {
  chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 TERM=dumb bash -c "$1"
}
# expect CMD: CMD succeeds in the root.
expect() {
  checks=$((checks + 1))
  local out
  out=$(in_root "$1" 2>&1) || fail "in the root: $1"$'\n'"${out:0:1500}"
}

echo "package.deb: apt-get install ./$(basename "$deb")"
expect "apt-get update -qq"
expect "cd /tmp && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ./$(basename "$deb")"
expect "test \"\$(imictl --version)\" = 'imictl $version'"
expect "test \"\$(command -v imictl)\" = /usr/bin/imictl"
expect "man -P cat imictl 2>/dev/null | grep -q 'imictl'"
expect "man -w imictl-completion"
expect "test -f /usr/share/man/man1/imictl.1.gz"
expect "getent passwd imictl | grep -q ':/var/lib/imictl:'"
expect "getent group imictl"
expect "test \"\$(stat -c '%U:%G %a' /var/lib/imictl)\" = 'imictl:imictl 750'"
expect "test -f /usr/share/bash-completion/completions/imictl"
expect "test -f /usr/share/zsh/vendor-completions/_imictl"
expect "grep -q '^# busy_timeout_ms = 5000' /etc/imictl/config.toml"
expect "test -f /usr/share/doc/imictl/examples/sudoers.imictl"
expect "test -f /usr/share/doc/imictl/examples/oeteldonk.csv"
# Dutch from the installed catalogue, by LANG alone (no Dutch locale here).
expect "test -f /usr/share/locale/nl/LC_MESSAGES/imictl.mo"
expect "LANG=nl_NL.UTF-8 imictl --db /nowhere/imi.db user list 2>&1 | grep -q '^imictl: fout: '"
expect "LANGUAGE=nl imictl help | grep -q '^Opdrachten:'"
# The completion script works as installed.
expect "source /usr/share/bash-completion/completions/imictl
  COMP_WORDS=(imictl us); COMP_CWORD=1; _imictl; test \"\${COMPREPLY[*]}\" = user"

# The README's tour, with the example config in /etc in force.
expect "imictl init --authority 'Gemeente Oeteldonk' --country NL --email imi@oeteldonk.nl \
  --first-name Anna --last-name Admin --user-email a.admin@oeteldonk.nl --service construction | grep -qx aadmin"
expect "export IMICTL_USER=aadmin
  imictl import /usr/share/doc/imictl/examples/oeteldonk.csv --dry-run >/dev/null
  imictl import /usr/share/doc/imictl/examples/oeteldonk.csv >/dev/null
  test \"\$(imictl --json user list | grep -o '\"username\"' | wc -l)\" -gt 5
  imictl authority settings --allocation on >/dev/null
  imictl check >/dev/null; test \$? -le 1
  imictl audit verify >/dev/null"
# Shared mode: the service account owns its database in /var/lib/imictl.
expect "runuser -u imictl -- env HOME=/var/lib/imictl imictl --db /var/lib/imictl/imi.db init \
  --authority 'Gemeente Oeteldonk' --country NL --email imi@oeteldonk.nl --first-name Anna \
  --last-name Admin --user-email a.admin@oeteldonk.nl >/dev/null
  test \"\$(stat -c '%U %a' /var/lib/imictl/imi.db)\" = 'imictl 600'"

echo "package.deb: apt-get remove, then purge"
expect "echo '# edited' >>/etc/imictl/config.toml"
expect "DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq imictl"
expect "! command -v imictl"
expect "grep -q '^# edited' /etc/imictl/config.toml"
expect "dpkg -s imictl | grep -q 'Status: deinstall ok config-files'"
expect "test -f /var/lib/imictl/imi.db"
expect "DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq imictl"
expect "test ! -e /etc/imictl/config.toml"
expect "test ! -e /var/lib/imictl"
expect "! dpkg -s imictl 2>/dev/null | grep -q '^Status: install'"

echo "package.deb: $checks checks, $([ $status = 0 ] && echo passed || echo FAILED)"
exit $status
