# Helpers for the mail suites (sourced after tests/e2e/lib.sh): a real SMTP
# server on 127.0.0.1, users and queued mail set up with sqlite3 (to place
# them at chosen instants; tests/e2e/onboarding.bash walks the real path),
# and readers for what arrived.

# A Python that has aiosmtpd (Debian's python3-aiosmtpd installs it for the
# system interpreter, which may not be the first python3 on PATH).
SMTP_PYTHON=
for py in python3 /usr/bin/python3; do
  if "$py" -c 'import aiosmtpd' 2>/dev/null; then SMTP_PYTHON=$py; break; fi
done
[ -n "$SMTP_PYTHON" ] || fail "no python3 with aiosmtpd (install python3-aiosmtpd)"

SMTP_SERVER=$IMICTL_SOURCE_DIR/tests/smtp/smtp_server.py
SMTP_PID=
SMTP_PORT=
SMTP_DIR=

# start_smtp DIR [server options...]: listens on a free port ($SMTP_PORT).
start_smtp() {
  SMTP_DIR=$1
  shift
  rm -rf "$SMTP_DIR" "$SMTP_DIR.port"
  "$SMTP_PYTHON" "$SMTP_SERVER" --dir "$SMTP_DIR" --port-file "$SMTP_DIR.port" "$@" 2>>"$TEST_DIR/smtp.log" &
  SMTP_PID=$!
  local i
  for i in $(seq 100); do
    [ -s "$SMTP_DIR.port" ] && break
    sleep 0.05
  done
  SMTP_PORT=$(cat "$SMTP_DIR.port" 2>/dev/null) || fail "the SMTP server did not start"
}

stop_smtp() {
  if [ -n "$SMTP_PID" ]; then
    kill "$SMTP_PID" 2>/dev/null
    wait "$SMTP_PID" 2>/dev/null
  fi
  SMTP_PID=
}
trap stop_smtp EXIT

# A port nobody listens on.
free_port() {
  "$SMTP_PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# mail_config LINES...: the [mail] section of the config file.
mail_config() {
  mkdir -p "$XDG_CONFIG_HOME/imictl"
  { echo "[mail]"; printf '%s\n' "$@"; } >"$XDG_CONFIG_HOME/imictl/config.toml"
}

received_count() { find "$SMTP_DIR" -name '*.eml' 2>/dev/null | wc -l | tr -d ' '; }

# mail_field FILE EXPR: a Python expression over the parsed message m (email
# package, decoded headers) and its envelope e; body is the decoded text.
mail_field() {
  python3 - "$1" "$2" <<'PY'
import email, email.policy, json, sys, os
path, expr = sys.argv[1], sys.argv[2]
m = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.default)
body = m.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")
meta = os.path.splitext(path)[0] + ".json"
e = json.load(open(meta)) if os.path.exists(meta) else {}
v = eval(expr)
print(v if not isinstance(v, (dict, list)) else json.dumps(v, ensure_ascii=False))
PY
}

# The temporary password in a credentials or reset mail: the indented line.
mail_password() { mail_field "$1" '__import__("re").search(r"\n    ([A-Za-z0-9]{16})\n", body).group(1)'; }

# add_user USERNAME FIRST LAST EMAIL LANGUAGE CREATED_AT [ROLE...]: a pending
# user without credentials, as `user add` leaves it.
add_user() {
  local username=$1 first=$2 last=$3 email=$4 language=$5 created=$6
  shift 6
  sqlite3 "$IMICTL_DB" "INSERT INTO user (authority_id, username, first_name, last_name, email, language,
    created_at, updated_at) VALUES ((SELECT id FROM authority WHERE is_own = 1), '$username', '$first', '$last',
    '$email', '$language', '$created', '$created')" || fail "add_user $username"
  local role
  for role in "$@"; do
    sqlite3 "$IMICTL_DB" "INSERT INTO user_role VALUES ((SELECT id FROM user WHERE username = '$username'), '$role')"
  done
}

# As if the user had activated the account.
activate_user() {
  sqlite3 "$IMICTL_DB" "UPDATE user SET status = 'active', password_hash = 'set' WHERE username = '$1'"
}

# queue_credentials: what cron does 24 hours after `user add`.
queue_credentials() {
  "$IMICTL_BIN" user issue-credentials >/dev/null || fail "user issue-credentials failed"
}

# queue_message RECIPIENT SUBJECT BODY: a plain message, as request mail queues it.
queue_message() {
  local now=${IMICTL_NOW:?}
  sqlite3 "$IMICTL_DB" "INSERT INTO outbox (created_at, kind, recipient, cc, language, subject, body, next_attempt_at)
    VALUES ('$now', 'message', '$1', (SELECT email FROM authority WHERE is_own = 1), 'nl', '$2', '$3', '$now')"
}
