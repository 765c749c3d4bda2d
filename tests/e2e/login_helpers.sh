# Helpers for suites that activate accounts and log in (sourced after
# tests/e2e/lib.sh): secrets go in on stdin, as --password-stdin reads them.

# activate USER TEMP NEW CODE: runs user activate with secrets on stdin.
activate() {
  run_stdin "$(printf '%s\n%s\n%s\n' "$2" "$3" "$4")" "$IMICTL_BIN" user activate "$1" --password-stdin
}

# run_stdin INPUT CMD...: like run, with INPUT on stdin.
run_stdin() {
  local input=$1
  shift
  OUT=$(printf '%s' "$input" | "$@" 2>"$TEST_DIR/.stderr")
  RC=$?
  ERR=$(cat "$TEST_DIR/.stderr")
}

# login USER PASSWORD CODE [wrong]: answers the three requested positions of
# CODE as printed on stderr; with "wrong" it answers with wrong characters.
login() {
  local result
  result=$(python3 - "$IMICTL_BIN" "$@" <<'PY'
import re, subprocess, sys
binary, user, password, code = sys.argv[1:5]
wrong = len(sys.argv) > 5
p = subprocess.Popen([binary, "login", user, "--password-stdin"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
try:
    p.stdin.write(password + "\n")
    p.stdin.flush()
except BrokenPipeError:  # refused before reading any secret
    pass
prompt = p.stderr.readline()
positions = [int(n) for n in re.findall(r"\d+", prompt)]
answer = "".join(code[i - 1] for i in positions) if len(positions) == 3 else "???"
if wrong:
    answer = "~~~"
try:
    out, err = p.communicate(answer + "\n")
except BrokenPipeError:
    out, err = p.stdout.read(), p.stderr.read()
    p.wait()
err = prompt + err if len(positions) != 3 else err
print(p.returncode)
print(prompt.strip())
print((out + err).replace("\n", " "))
PY
)
  RC=$(sed -n 1p <<<"$result")
  PROMPT=$(sed -n 2p <<<"$result")
  OUT=$(sed -n 3p <<<"$result")
}

expect_login() {
  local want=$1
  shift
  CHECKS=$((CHECKS + 1))
  login "$@"
  [ "$RC" == "$want" ] || fail "login $*: expected exit $want, got $RC: $PROMPT $OUT"
}

# expect_activate N USER TEMP NEW CODE: activation ends with exit N.
expect_activate() {
  local want=$1
  shift
  CHECKS=$((CHECKS + 1))
  activate "$@"
  [ "$RC" == "$want" ] || fail "activate $1: expected exit $want, got $RC: $OUT $ERR"
}

# tty_run CMD... -- ANSWERS...: runs CMD on a pseudo-terminal, answering each
# prompt (text ending in ": ") with the next answer; for the login prompt
# "Security code characters ..." an answer of the form code:CODE is turned
# into the requested characters. Sets RC and TRANSCRIPT (all the terminal
# showed), so a test can see that no secret was echoed.
tty_run() {
  local result
  result=$(python3 - "$@" <<'PY'
import os, pty, re, select, sys
args = sys.argv[1:]
cut = args.index("--")
cmd, answers = args[:cut], args[cut + 1:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(cmd[0], cmd)
shown = b""
def read_until_prompt():
    global shown
    while True:
        if not select.select([fd], [], [], 10)[0]:
            return False
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            return False
        if not chunk:
            return False
        shown += chunk
        if shown.rstrip(b" ").endswith(b":") and shown.endswith(b": "):
            return True
for answer in answers:
    if not read_until_prompt():
        break
    if answer.startswith("code:"):
        last = shown.decode(errors="replace").splitlines()[-1]
        positions = [int(n) for n in re.findall(r"\d+", last)]
        answer = "".join(answer[5:][i - 1] for i in positions)
    shown += b"<<typed>>"
    os.write(fd, answer.encode() + b"\n")
while True:
    try:
        chunk = os.read(fd, 1024)
    except OSError:
        break
    if not chunk:
        break
    shown += chunk
_, status = os.waitpid(pid, 0)
print(os.waitstatus_to_exitcode(status))
print(shown.decode(errors="replace").replace("\r", "").replace("\n", " | "))
PY
)
  RC=$(sed -n 1p <<<"$result")
  TRANSCRIPT=$(sed -n 2p <<<"$result")
}
