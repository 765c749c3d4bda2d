# The cron and systemd examples (examples/imictl.crontab, examples/systemd/):
# every crontab line is an environment assignment or five valid time fields
# and a command whose programs are named by absolute paths; every imictl
# command line in them parses (--help); the four cron jobs are there; and,
# where systemd-analyze exists, every unit passes `systemd-analyze verify`.
EX=$IMICTL_SOURCE_DIR/examples
CRONTAB=$EX/imictl.crontab

run /usr/bin/python3 - "$CRONTAB" <<'PY'
import re, sys
ranges = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)]
def field_ok(f, lo, hi):
    for part in f.split(','):
        m = re.fullmatch(r'(\*|(\d+)(?:-(\d+))?)(?:/(\d+))?', part)
        if not m: return False
        for n in (m.group(2), m.group(3)):
            if n is not None and not lo <= int(n) <= hi: return False
        if m.group(4) is not None and int(m.group(4)) == 0: return False
    return True
bad, commands = [], []
for no, line in enumerate(open(sys.argv[1]), 1):
    line = line.strip()
    if not line or line.startswith('#'): continue
    if re.fullmatch(r'[A-Z_]+=\S+', line):
        name, value = line.split('=', 1)
        if name in ('PATH', 'SHELL', 'IMICTL_CONFIG') and not all(p.startswith('/') for p in value.split(':')):
            bad.append(f'{no}: {name} is not absolute')
        continue
    fields = line.split(None, 5)
    if len(fields) < 6 or not all(field_ok(f, *r) for f, r in zip(fields[:5], ranges)):
        bad.append(f'{no}: not five time fields and a command: {line}'); continue
    for cmd in re.split(r'\|\||&&|\||;', fields[5]):
        prog = cmd.split()[0]
        if not prog.startswith('/'): bad.append(f'{no}: {prog} is not an absolute path')
        if prog == '/usr/bin/imictl': commands.append(' '.join(cmd.split()[1:]))
print('\n'.join(bad) if bad else 'ok')
for c in commands: print('CMD', c)
PY
expect_eq "$(head -1 <<<"$OUT")" "ok"
CMDS=$(grep '^CMD ' <<<"$OUT" | sed 's/^CMD //')
for job in "-q purge" "-q notify send" "-q user issue-credentials" "-q request remind"; do
  expect_contains "$CMDS" "$job"
done
expect_contains "$(cat "$CRONTAB")" "IMICTL_CONFIG=/etc/imictl/config.toml"
# Every imictl command of the crontab and of the units is one imictl knows.
UNIT_CMDS=$(sed -n 's|^ExecStart=/usr/bin/imictl ||p' "$EX"/systemd/*.service)
while read -r cmd; do
  [ -n "$cmd" ] || continue
  # shellcheck disable=SC2086 # the command line is split as cron and systemd split it
  expect_ok imictl $cmd --help
done <<<"$CMDS"$'\n'"$UNIT_CMDS"
expect_eq "$(wc -l <<<"$UNIT_CMDS" | tr -d ' ')" "4"

# Units: each service has its timer, runs as imictl, and may write only /var/lib/imictl.
for svc in "$EX"/systemd/*.service; do
  name=$(basename "$svc" .service)
  CHECKS=$((CHECKS + 1))
  [ -f "$EX/systemd/$name.timer" ] || fail "$name has no timer"
  for line in "User=imictl" "ProtectSystem=strict" "ReadWritePaths=/var/lib/imictl" "NoNewPrivileges=yes" \
    "Environment=IMICTL_CONFIG=/etc/imictl/config.toml" "Type=oneshot"; do
    expect_contains "$(cat "$svc")" "$line"
  done
done
for t in purge notify issue-credentials remind; do
  CHECKS=$((CHECKS + 1))
  [ -f "$EX/systemd/imictl-$t.service" ] || fail "no imictl-$t.service"
done

command -v systemd-analyze >/dev/null || skip_suite "systemd-analyze is not installed (package systemd)"
# verify wants the program to exist: check copies that name the binary under test.
mkdir -p "$TEST_DIR/units"
for f in "$EX"/systemd/*; do
  sed "s|/usr/bin/imictl|$IMICTL_BIN|" "$f" >"$TEST_DIR/units/$(basename "$f")"
done
for svc in "$TEST_DIR"/units/*.service; do
  expect_ok systemd-analyze verify --man=no "$svc" "${svc%.service}.timer"
  expect_eq "$ERR" ""
done
finish_suite
