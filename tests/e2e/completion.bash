# Shell completion: `imictl completion bash|zsh` prints scripts generated from
# the command tree; they are driven here the way the shells drive them
# (COMP_WORDS/COMP_CWORD for bash, words/CURRENT for zsh), and the values they
# look up in the database are checked against what each actor may list.
source "$IMICTL_SOURCE_DIR/tests/e2e/request_lib.sh"
require_commands python3 sqlite3

# The scripts run `imictl` by name, as an installed completion would.
mkdir -p "$TEST_DIR/bin"
ln -s "$IMICTL_BIN" "$TEST_DIR/bin/imictl"
export PATH=$TEST_DIR/bin:$PATH

expect_ok imictl completion bash
printf '%s\n' "$OUT" >"$TEST_DIR/imictl.bash"
expect_contains "$OUT" "complete -F _imictl imictl"
expect_ok bash -n "$TEST_DIR/imictl.bash"

# completions WORD...: what bash offers for the last WORD (the one being
# completed, possibly empty) on the line `imictl WORD...`, sorted, one a line.
# A non-interactive bash sources the script, asks `complete -p` for the
# function, and calls it as readline would.
completions() {
  bash -c 'set -u
    source "$1" || exit 1
    shift
    spec=$(complete -p imictl) || exit 1
    fn=${spec#*-F }
    fn=${fn%% *}
    COMP_WORDS=(imictl "$@")
    COMP_CWORD=$#
    COMP_LINE="imictl $*"
    COMP_POINT=${#COMP_LINE}
    "$fn" imictl "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" || exit 1
    ((${#COMPREPLY[@]})) && printf "%s\n" "${COMPREPLY[@]}" | sort' _ "$TEST_DIR/imictl.bash" "$@"
}

# expect_completions "WORD..." EXPECTED...: the offered words are exactly EXPECTED.
expect_completions() {
  local line=$1 got want
  shift
  CHECKS=$((CHECKS + 1))
  read -r -a words <<<"$line"
  [[ $line == *" " ]] && words+=("")
  got=$(completions "${words[@]}" 2>&1)
  want=$( (($#)) && printf '%s\n' "$@" | sort)
  [ "$got" == "$want" ] || fail "completing 'imictl $line': expected [${want//$'\n'/ }], got [${got//$'\n'/ }]"
}

# The commands imictl --help lists under "Commands:" (imictl) or
# "Subcommands:" (a command), up to the blank line that ends the list.
help_commands() {
  "$IMICTL_BIN" "$@" --help | awk '/^(Sub)?[Cc]ommands:/{on=1; next} on && /^$/{on=0} on && /^  [a-z]/{print $1}'
}

# --- the command tree, with no database at all ---
export IMICTL_DB=$TEST_DIR/none.db
mapfile -t top < <(help_commands)
[ "${#top[@]}" -gt 10 ] || fail "imictl --help lists too few commands: ${top[*]}"
expect_completions " " "${top[@]}"
expect_completions "us" user
mapfile -t user_subs < <(help_commands user)
expect_completions "user " "${user_subs[@]}"
expect_completions "--format json user sh" show
expect_completions "--fo" --format
expect_completions "user add --fu" --function --functional
expect_completions "user add --la" --lang --last-name --language
expect_completions "user list --stat" --status
# enum values: the --format option's IsMember set, in each spelling bash splits
expect_completions "--format " table json csv html
expect_completions "--format j" json
expect_completions "--format = c" csv
expect_completions "--format=j" --format=json
expect_completions "role grant aadmin " basic handler lda allocator
expect_completions "authority settings --allocation " on off
expect_completions "request list --state cl" closed
expect_completions "completion " bash zsh
# keywords need no database: slugs, and Dutch or English labels
expect_completions "user add --service constr" construction
expect_completions "user add --service=constr" --service=construction
expect_completions "user add --service bouw" building-permits construction
expect_completions "import --default-service accou" accountancy
# a value that is not a command, after the command path, completes nothing
expect_completions "user rename aadmin " ""
[ -e "$IMICTL_DB" ] && fail "completion created the database $IMICTL_DB"

# --- values from the database ---
setup_request_world
ref=$(request_in_state sent)
[[ $ref == NL-* ]] || fail "unexpected reference '$ref'"
draft=$(request_in_state draft)
as aadmin imictl user edit bbasis --add-department "Bouw en Wonen" >/dev/null 2>&1 ||
  fail "give bbasis a department"
before=$(db_digest "$DB")

expect_completions "user show hh" hhendriks
expect_completions "user show t" ttoewijzer
expect_completions "user lock --as=aad" --as=aadmin
expect_completions "--as " aadmin hhendriks bbasis ttoewijzer
expect_completions "user list --department Bo" 'Bouw\ en\ Wonen'
expect_completions "request show NL-" "$ref" "$draft"
expect_completions "request send $draft" "$draft"
# Another authority's users and requests are not theirs to list.
expect_completions "--as lleysen user show " lleysen bpeeters ggoossens tmaes bwouters
expect_completions "--as lleysen user show hh" ""
as lleysen expect_completions "user show aa" ""
as ddorn expect_completions "request show NL-" ""
# The responder sees the sent request, not the requester's draft.
as bpeeters expect_completions "request show NL-" "$ref"
# Nobody named, an unknown or a locked actor: nothing.
(unset IMICTL_USER; expect_completions "user show a" "")
as nobody expect_completions "user show a" ""
as aadmin imictl user lock ttoewijzer >/dev/null 2>&1 || fail "lock ttoewijzer"
before=$(db_digest "$DB")
as ttoewijzer expect_completions "user show a" ""
as ttoewijzer expect_completions "request show NL-" ""
# Completion only reads: no audit entry for the refusals, nothing changed.
expect_unchanged "$DB" "$before"

# The hidden value command itself: one per line, silent on every error.
expect_ok imictl completion --values user -- hh
expect_eq "$OUT" hhendriks
expect_ok imictl completion --values keyword -- "bouwd"
expect_eq "$OUT" construction
expect_ok imictl --db "$TEST_DIR/missing.db" completion --values user -- a
expect_eq "$OUT$ERR" ""
[ -e "$TEST_DIR/missing.db" ] && fail "completion created $TEST_DIR/missing.db"
printf 'not a database' >"$TEST_DIR/junk.db"
expect_ok imictl --db "$TEST_DIR/junk.db" completion --values reference -- N
expect_eq "$OUT$ERR" ""
expect_ok imictl completion --values no-such-kind -- a
expect_eq "$OUT$ERR" ""
expect_rc 2 imictl completion
expect_rc 2 imictl completion fish

# --- zsh ---
if ! command -v zsh >/dev/null; then
  skip_suite "zsh is not installed"
fi
expect_ok imictl completion zsh
printf '%s\n' "$OUT" >"$TEST_DIR/_imictl"
expect_contains "$OUT" "#compdef imictl"
expect_ok zsh -n "$TEST_DIR/_imictl"
# Found and registered by compinit from fpath, as the package installs it.
expect_ok zsh -f -c 'fpath=("$1" $fpath); autoload -U compinit; compinit -u -d "$1/.zcompdump"
  print -r -- "$_comps[imictl]"' _ "$TEST_DIR"
expect_eq "$OUT" _imictl

# zsh_candidates WORD...: what _imictl hands to compadd for the last WORD,
# with compadd and friends stubbed (they only work inside a completion
# widget); real compadd would filter by the typed prefix, so these are all
# the candidates before filtering.
zsh_candidates() {
  zsh -f -c 'compdef() { : }
    compset() { : }
    _files() { print -r -- "(files)" }
    compadd() {
      if [[ $1 == -a ]]; then print -rl -- ${(P)2}; else [[ $1 == -- ]] && shift; print -rl -- "$@"; fi
    }
    source "$1" || exit 1
    shift
    words=(imictl "$@")
    CURRENT=${#words}
    _imictl
    true' _ "$TEST_DIR/_imictl" "$@" | sort
}
expect_zsh() {
  local line=$1 got want
  shift
  CHECKS=$((CHECKS + 1))
  read -r -a words <<<"$line"
  [[ $line == *" " ]] && words+=("")
  got=$(zsh_candidates "${words[@]}" 2>&1)
  want=$(printf '%s\n' "$@" | sort)
  [ "$got" == "$want" ] || fail "zsh completing 'imictl $line': expected [${want//$'\n'/ }], got [${got//$'\n'/ }]"
}
expect_zsh " " "${top[@]}"
expect_zsh "user " "${user_subs[@]}"
expect_zsh "--format " table json csv html
mapfile -t user_list_options < <(completions user list -)
[ "${#user_list_options[@]}" -gt 8 ] || fail "too few options of user list: ${user_list_options[*]}"
expect_zsh "user list -" "${user_list_options[@]}"
expect_zsh "user show hh" hhendriks
expect_zsh "request show NL-" "$ref" "$draft"
expect_zsh "user add --service bouw" building-permits construction
expect_zsh "import " "(files)"

finish_suite $?
