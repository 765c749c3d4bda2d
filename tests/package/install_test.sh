#!/usr/bin/env bash
# `cmake --install BUILD --prefix P` puts every file in its FHS place under P:
# the binary, every man page, the generated completions and example config
# (equal to what the installed binary prints now), and the examples.
#   tests/package/install_test.sh BUILD_DIR SOURCE_DIR
set -u
build=$1 source=$2 status=0
fail() {
  echo "FAIL [install] $*" >&2
  status=1
}
p=$(mktemp -d)
trap 'rm -rf "$p"' EXIT

cmake --install "$build" --prefix "$p" >/dev/null || { echo "FAIL [install] cmake --install failed" >&2; exit 1; }
"$p/bin/imictl" --version | grep -q '^imictl [0-9]' || fail "bin/imictl --version"

n=$(ls "$source"/man/*.1 | wc -l)
m=$(ls "$p"/share/man/man1/imictl*.1.gz | wc -l)
[ "$n" -gt 0 ] && [ "$n" = "$m" ] || fail "$m of $n man pages installed (compressed)"
for page in "$source"/man/*.1; do
  cmp -s "$page" <(gzip -dc "$p/share/man/man1/$(basename "$page").gz") || fail "share/man/man1/$(basename "$page").gz is not man/$(basename "$page")"
done

# Generated at build time by the built binary: they must be what it prints.
check_generated() { # FILE COMMAND...
  local file=$1
  shift
  [ -f "$file" ] || { fail "missing ${file#"$p"/}"; return; }
  cmp -s "$file" <("$p/bin/imictl" --lang en "$@") || fail "${file#"$p"/} differs from 'imictl $*'"
}
check_generated "$p/share/bash-completion/completions/imictl" completion bash
check_generated "$p/share/zsh/vendor-completions/_imictl" completion zsh
check_generated "$p/etc/imictl/config.toml" config example
bash -n "$p/share/bash-completion/completions/imictl" || fail "the bash completion does not parse"

# The Dutch catalogue, found by the installed binary from its own prefix.
[ -f "$p/share/locale/nl/LC_MESSAGES/imictl.mo" ] || fail "missing share/locale/nl/LC_MESSAGES/imictl.mo"
dutch=$(env -i LANGUAGE=nl "$p/bin/imictl" --db "$p/none/imi.db" user list 2>&1)
grep -q '^imictl: fout: ' <<<"$dutch" || fail "LANGUAGE=nl: the installed binary did not speak Dutch: $dutch"

# The example config names every key `config show` reports, each commented
# out at its default, and is valid TOML that changes nothing when used.
config=$p/etc/imictl/config.toml
keys=$(env -u IMICTL_DB -u IMICTL_CONFIG -u IMICTL_HASH_PROFILE HOME="$p" XDG_CONFIG_HOME="$p/none" "$p/bin/imictl" --config "$config" \
  --json config show | python3 -c 'import json,sys; print("\n".join(e["key"] for e in json.load(sys.stdin)))') ||
  fail "config show with the example config failed"
[ "$(wc -l <<<"$keys")" -gt 10 ] || fail "config show listed too few keys: $keys"
for key in $keys; do
  grep -q "^\[${key%%.*}\]\$" "$config" || fail "config.toml has no section [${key%%.*}]"
  grep -q "^# ${key#*.} = " "$config" || fail "config.toml does not name $key"
done
set_by_file=$(env -u IMICTL_DB -u IMICTL_CONFIG -u IMICTL_HASH_PROFILE HOME="$p" XDG_CONFIG_HOME="$p/none" \
  "$p/bin/imictl" --config "$config" --json config show |
  python3 -c 'import json,sys; print(" ".join(e["key"] for e in json.load(sys.stdin) if e["source"] == sys.argv[1]))' \
    "$config")
[ -z "$set_by_file" ] || fail "the example config sets values: $set_by_file"

for f in "$source"/examples/imictl.crontab "$source"/examples/imictl-*.service "$source"/examples/imictl-*.timer \
  "$source"/examples/sudoers.imictl "$source"/examples/oeteldonk.csv; do
  [ -e "$f" ] || continue
  [ -f "$p/share/doc/imictl/examples/$(basename "$f")" ] || fail "missing share/doc/imictl/examples/$(basename "$f")"
  case $f in *.service | *.timer)
    [ -f "$p/lib/systemd/system/$(basename "$f")" ] || fail "missing lib/systemd/system/$(basename "$f")" ;;
  esac
done
[ -f "$p/share/doc/imictl/examples/sudoers.imictl" ] || fail "missing share/doc/imictl/examples/sudoers.imictl"

# A second install keeps a config the administrator has edited.
echo '# edited' >>"$config"
cmake --install "$build" --prefix "$p" >/dev/null || fail "second cmake --install failed"
grep -q '^# edited$' "$config" || fail "a second install overwrote the edited config.toml"
[ -f "$p/etc/imictl/config.toml.example" ] || fail "a second install did not put config.toml.example beside it"

exit $status
