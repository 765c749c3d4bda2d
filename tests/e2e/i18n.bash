# The Dutch and English interface: the language rule (--lang, LANGUAGE,
# LC_ALL, LC_MESSAGES, LANG), Dutch messages, prompts, help and tables from
# the real catalogue, and what never changes with the language: exit codes,
# JSON keys and codes, CSV headers. Every help page is compared with its
# English twin, so a description left unmarked fails here.
init_db
DB=$IMICTL_DB
imictl user add --first-name Pieter --last-name Kort --email p.kort@oeteldonk.nl --role handler \
  --service construction >/dev/null || fail "user add failed"
unset LANGUAGE LC_ALL LC_MESSAGES LANG

# --- Which language ------------------------------------------------------
# Without any variable: English. The error line names the missing user.
expect_rc 3 imictl user show nobody
english_error=$ERR
expect_contains "$ERR" "imictl: error: "
# LANGUAGE=nl works under the C locale (glibc alone would ignore it there).
expect_rc 3 env LANGUAGE=nl "$IMICTL_BIN" user show nobody
expect_contains "$ERR" "imictl: fout: "
dutch_error=$ERR
expect_not_contains "$dutch_error" "error:"
# ... and with C.UTF-8, the one locale every Debian machine has.
expect_rc 3 env LC_ALL=C.UTF-8 LANGUAGE=nl "$IMICTL_BIN" user show nobody
expect_eq "$ERR" "$dutch_error"
# LANG names the language even when that locale is not generated here.
expect_rc 3 env LANG=nl_NL.UTF-8 "$IMICTL_BIN" user show nobody
expect_eq "$ERR" "$dutch_error"
expect_rc 3 env LC_MESSAGES=nl_BE.UTF-8 "$IMICTL_BIN" user show nobody
expect_eq "$ERR" "$dutch_error"
# LC_ALL=C.UTF-8 before LANG: English, as gettext would have it.
expect_rc 3 env LC_ALL=C.UTF-8 LANG=nl_NL.UTF-8 "$IMICTL_BIN" user show nobody
expect_eq "$ERR" "$english_error"
# --lang wins over the environment, both ways.
expect_rc 3 imictl --lang nl user show nobody
expect_eq "$ERR" "$dutch_error"
expect_rc 3 env LANGUAGE=nl LANG=nl_NL.UTF-8 "$IMICTL_BIN" --lang en user show nobody
expect_eq "$ERR" "$english_error"
expect_rc 3 imictl user show nobody --lang=nl
expect_eq "$ERR" "$dutch_error"
# A language without a catalogue is English; --lang takes only nl and en.
expect_rc 3 env LANG=de_DE.UTF-8 "$IMICTL_BIN" user show nobody
expect_eq "$ERR" "$english_error"
expect_rc 2 imictl --lang de user list
expect_rc 2 env LANGUAGE=nl "$IMICTL_BIN" --lang de user list
expect_contains "$ERR" "fout:"

# --- What the language never changes --------------------------------------
# Exit codes and the JSON error's code; only its message is Dutch.
expect_rc 3 imictl --lang nl --json user show nobody
OUT=$ERR expect_json "j['error']['code']" "not_found"
CHECKS=$((CHECKS + 1))
[ "$(OUT=$ERR json_eval "j['error']['message']")" != "$(imictl --json user show nobody 2>&1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["error"]["message"])')" ] ||
  fail "the JSON error message should be Dutch under --lang nl"
# JSON and CSV carry keys and codes, whatever the language.
expect_ok imictl --lang nl --json user show pkort
expect_json "j['roles']" '["basic", "handler"]'
expect_json "j['status']" "pending"
json_nl=$OUT
expect_ok imictl --json user show pkort
expect_eq "$OUT" "$json_nl"
expect_ok imictl --lang nl --format csv user list
csv_nl=$OUT
expect_ok imictl --format csv user list
expect_eq "$OUT" "$csv_nl"

# --- Tables ----------------------------------------------------------------
expect_ok imictl --lang nl user list
expect_contains "$(head -1 <<<"$OUT")" "GEBRUIKERSNAAM"
expect_contains "$(head -1 <<<"$OUT")" "ROLLEN"
expect_not_contains "$(head -1 <<<"$OUT")" "USERNAME"
expect_contains "$OUT" "Basisgebruiker, Behandelaar"
expect_contains "$OUT" "Lokale gegevensbeheerder"
expect_not_contains "$OUT" "basic, handler"
expect_ok imictl --lang nl user show pkort
expect_contains "$OUT" "gebruikersnaam:"
expect_contains "$OUT" "rollen:"
expect_contains "$OUT" "Basisgebruiker, Behandelaar"
expect_contains "$OUT" "functioneel:"
expect_contains "$OUT" "nee"
expect_not_contains "$OUT" "first_name"
expect_ok imictl --lang nl role list
expect_contains "$OUT" "Behandelaar"
# English tables keep the keys and codes (what --json shows).
expect_ok imictl user list
expect_contains "$(head -1 <<<"$OUT")" "USERNAME"
expect_contains "$OUT" "basic, handler"

# --- Help: every page, compared with its English twin ----------------------
# Each description of the English page (the text after the option or
# command column, at least two words) must be gone from the Dutch page:
# an unmarked help text shows up here as English inside Dutch help.
help_pages() { # prints "help WORDS" for every command and subcommand page
  local cmd sub
  echo ""
  for cmd in $(imictl help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF {print $1}'); do
    echo "$cmd"
    for sub in $(imictl help "$cmd" | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF {print $1}'); do
      echo "$cmd $sub"
    done
  done
}
pages=0
while IFS= read -r page; do
  pages=$((pages + 1))
  # shellcheck disable=SC2086 # the page's words are separate arguments
  english=$(imictl help $page 2>&1)
  # shellcheck disable=SC2086
  dutch=$(imictl --lang nl help $page 2>&1)
  CHECKS=$((CHECKS + 1))
  left=$(python3 - "$english" "$dutch" <<'PY'
import re, sys
english, dutch = sys.argv[1], sys.argv[2]
left = []
for line in english.splitlines():
    m = re.match(r'^\s*\S.*?\s{2,}(\S.*)$', line) or re.match(r'^\s{10,}(\S.*)$', line)
    text = (m.group(1) if m else line).strip()
    if not m and not re.match(r'^[A-Z][a-z]', line):
        continue  # usage lines and option names: the same in both
    # Lists of codes (a|b, "draft, sent, ...") are the same in both languages.
    codes_only = '|' in text or re.fullmatch(r'[a-z-]+(, [a-z-]+)+', text)
    if len(text.split()) >= 2 and not codes_only and text in dutch:
        left.append(text)
print('\n'.join(left))
PY
)
  [ -z "$left" ] || fail "help ${page:-(top)}: English left in the Dutch page:"$'\n'"$left"
done < <(help_pages)
CHECKS=$((CHECKS + 1))
[ "$pages" -gt 40 ] || fail "only $pages help pages found; the page list is broken"

# --- Prompts, and words inside messages -----------------------------------
on_terminal() { # ANSWER CMD... : runs CMD on a pseudo-terminal fed ANSWER
  local answer=$1
  shift
  printf '%s\n' "$answer" | script -qec "$(printf '%q ' "$@")" /dev/null
}
before=$(db_digest "$DB")
out=$(on_terminal n env LANGUAGE=nl "$IMICTL_BIN" user delete pkort 2>&1)
expect_contains "$out" "pkort (Pieter Kort)"
expect_contains "$out" "[j/N]"
expect_not_contains "$out" "Delete user"
expect_unchanged "$DB" "$before"
# Without a terminal, the refusal says what to do, in Dutch.
expect_rc 2 imictl --lang nl user delete pkort </dev/null
expect_contains "$ERR" "--yes"
expect_not_contains "$ERR" "confirm with"
expect_unchanged "$DB" "$before"
# A validation message: the field and the problem, both Dutch.
expect_rc 6 imictl --lang nl user add --first-name " " --last-name Kort --email k@oeteldonk.nl
expect_contains "$ERR" "voornaam"
expect_not_contains "$ERR" "first name"
expect_not_contains "$ERR" "must not"
expect_unchanged "$DB" "$before"
# Refusals name the role the guide's way.
expect_rc 4 imictl --lang nl --as pkort role grant pkort lda
expect_contains "$ERR" "Lokale gegevensbeheerder"
expect_sql "$DB" "SELECT count(*) FROM user_role ur JOIN user u ON u.id = ur.user_id WHERE u.username = 'pkort' AND ur.role = 'lda'" 0
before=$(db_digest "$DB") # the refusal itself is audited
# The import plan: Dutch kinds and actions in the table, codes in JSON.
cat >"$TEST_DIR/table.csv" <<'CSV'
Afdeling,Voor- en achternaam,E-mail,Rol(len)
Burgerzaken,Jan Smit,j.smit@oeteldonk.nl,Behandelaar
CSV
expect_ok imictl --lang nl import "$TEST_DIR/table.csv" --default-service construction --dry-run
expect_contains "$OUT" "afdeling"
expect_contains "$OUT" "aanmaken"
expect_not_contains "$OUT" "create"
expect_ok imictl --lang nl --json import "$TEST_DIR/table.csv" --default-service construction --dry-run
expect_contains "$OUT" '"action": "create"'
expect_unchanged "$DB" "$before"

# init names the first user's roles the guide's way.
expect_ok env LANGUAGE=nl "$IMICTL_BIN" --db "$TEST_DIR/second.db" init --authority "Gemeente Tweede" --country NL \
  --email imi@tweede.nl --first-name Bea --last-name Beheer --user-email b.beheer@tweede.nl --service construction
expect_contains "$ERR" "Lokale gegevensbeheerder en Behandelaar"
# Authority types and where a setting comes from, in Dutch tables.
expect_ok imictl --lang nl authority show
expect_contains "$OUT" "bevoegde autoriteit"
expect_ok imictl --lang nl config show
expect_contains "$OUT" "standaard"
expect_ok imictl --lang nl --json authority show
expect_json "j['type']" "competent_authority"
