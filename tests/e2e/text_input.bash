# Invisible and bidirectional characters (zero-width space, right-to-left
# override, other format and control characters) are refused in e-mail
# addresses (exit 6), names and import cells, with a message naming the code
# point; text is stored in Unicode NFC, so that one mailbox is one user however
# its accents were typed.

# u HEX...: the characters with these code points, as UTF-8.
u() { python3 -c 'import sys; sys.stdout.buffer.write("".join(chr(int(h, 16)) for h in sys.argv[1:]).encode())' "$@"; }
# hex TEXT: its UTF-8 bytes in hexadecimal, to compare spellings exactly.
hex() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n'; }

# A digest of the whole database: a refused command must leave it as it was.
digest() {
  local dump
  dump=$(sqlite3 -bail "$IMICTL_DB" .dump) || { fail "sqlite3 .dump failed"; return; }
  [ -n "$dump" ] || fail "empty dump"
  sha256sum <<<"$dump"
}
# expect_refused CODEPOINT_TEXT CMD...: exit 6 naming the code point; nothing written.
expect_refused() {
  local named=$1 before
  shift
  before=$(digest)
  expect_rc 6 "$@"
  expect_contains "$ERR" "$named"
  expect_eq "$(digest)" "$before"
}

ZWSP=$(u 200b) RLO=$(u 202e) NBSP=$(u a0)
e_acute=$(u e9) e_combining=e$(u 301)
expect_eq "$(hex "$ZWSP$RLO")" "e2808be280ae"

export IMICTL_NOW=2026-03-02T09:00:00Z
init_db
add() { imictl user add --first-name "$1" --last-name "$2" --email "$3" --language nl; }

# --- e-mail addresses: every hidden character is refused, by its name -----------
expect_refused "U+200B (ZERO WIDTH SPACE)" add Pieter "de Kort" "p.de${ZWSP}kort@oeteldonk.nl"
expect_contains "$ERR" "e-mail"
expect_refused "U+202E (RIGHT-TO-LEFT OVERRIDE)" add Pieter "de Kort" "p.dekort@${RLO}oeteldonk.nl"
expect_refused "U+00A0 (NO-BREAK SPACE)" add Pieter "de Kort" "p.dekort${NBSP}@oeteldonk.nl"
# fff9 is a format character that is not default-ignorable.
for cp in feff 2060 00ad 200d 2066 061c fff9; do
  expect_refused "U+$(tr a-f A-F <<<"$cp")" add Pieter "de Kort" "p.dekort$(u "$cp")@oeteldonk.nl"
done
# Default-ignorable letters and tags, which are not format characters.
expect_refused "U+3164 (HANGUL FILLER)" add Pieter "de Kort" "p.dekort$(u 3164)@oeteldonk.nl"
expect_refused "U+E0041" add Pieter "de Kort" "p.dekort$(u e0041)@oeteldonk.nl"
expect_refused "control characters" add Pieter "de Kort" "p.dekort$(u 7)@oeteldonk.nl"

# --- names are refused the same way (not silently stripped) ----------------------
expect_refused "first name: contains the invisible or bidirectional character U+200B" \
  add "Pie${ZWSP}ter" "de Kort" p.dekort@oeteldonk.nl
expect_refused "last name: contains the invisible or bidirectional character U+202E" \
  add Pieter "${RLO}troK ed" p.dekort@oeteldonk.nl
expect_refused "U+200F (RIGHT-TO-LEFT MARK)" add Pieter "de Kort$(u 200f)" p.dekort@oeteldonk.nl

# --- one mailbox, one user: the address is stored in NFC --------------------------
expect_ok add Pieter "de Kort" p.dekort@oeteldonk.nl
expect_ok add "Zo${e_combining}" "Lef${e_combining}vre" "zo${e_combining}@oeteldonk.nl"
zoe=$(sqlite3 -bail "$IMICTL_DB" "SELECT username FROM user WHERE last_name LIKE 'Lef%'")
expect_eq "$(hex "$(sqlite3 -bail "$IMICTL_DB" "SELECT email FROM user WHERE username = '$zoe'")")" \
  "$(hex "zo${e_acute}@oeteldonk.nl")"
expect_eq "$(hex "$(sqlite3 -bail "$IMICTL_DB" "SELECT first_name || ' ' || last_name FROM user WHERE username = '$zoe'")")" \
  "$(hex "Zo${e_acute} Lef${e_acute}vre")"
# The same address with the accent typed as one character is the same mailbox.
before=$(digest)
expect_rc 5 add Zoe Anders "zo${e_acute}@oeteldonk.nl"
expect_eq "$(digest)" "$before"
# An address that only looks the same cannot be given to someone else either.
expect_refused "U+200B" add Pieter Kopie "p.dekort${ZWSP}@oeteldonk.nl"
expect_refused "U+200B" imictl user edit "$zoe" --email "zo${e_acute}${ZWSP}@oeteldonk.nl"
expect_refused "U+202E" imictl user edit "$zoe" --last-name "Lef${RLO}vre"

# --- other text fields: free text may hold line breaks, never hidden characters ---
expect_refused "description: contains the invisible or bidirectional character U+202E" \
  imictl authority edit --description "Gemeente${RLO} Oeteldonk"
expect_ok imictl authority edit --description "Gemeente Oeteldonk
Afdeling Publiekszaken"
expect_ok add "Ĳsbrand" "Öçal" i.ocal@oeteldonk.nl
expect_ok imictl authority edit --informal-name "Δήμος Oeteldonk"

# --- import: mailbox, name and department cells ---------------------------------
header='Afdeling;Wetten en regels van toepassing;Voor en achternaam (funct.);Mailbox;Rol(len)'
table() { printf '%s\n' "$header" "$@" >"$TEST_DIR/table.csv"; }
table "Publiekszaken;;Anna de Wit;a.de${ZWSP}wit@oeteldonk.nl;"
expect_refused "table.csv:2: column 'Mailbox': holds the invisible or bidirectional character U+200B" \
  imictl import "$TEST_DIR/table.csv"
table "Publiekszaken;;Anna de ${RLO}Wit;a.dewit@oeteldonk.nl;"
expect_refused "column 'Voor en achternaam (funct.)': holds the invisible or bidirectional character U+202E" \
  imictl import "$TEST_DIR/table.csv"
table "Publieks${ZWSP}zaken;;Anna de Wit;a.dewit@oeteldonk.nl;"
expect_refused "column 'Afdeling'" imictl import "$TEST_DIR/table.csv"
table "Publiekszaken;;Anna de Wit;a.dewit${NBSP}@oeteldonk.nl;"
expect_refused "not a valid e-mail address" imictl import "$TEST_DIR/table.csv"

# The same mailbox and name in two spellings are one user, also against
# existing users, whose names are not "changed" into the other spelling.
table "Publiekszaken;;Anna Lef${e_combining}vre;a.dew${e_combining}@oeteldonk.nl;" \
  "Burgerzaken;;Anna Lef${e_acute}vre;a.dew${e_acute}@oeteldonk.nl;" \
  "Burgerzaken;;Zo${e_combining} Lef${e_combining}vre;zo${e_combining}@oeteldonk.nl;"
users_before=$(sqlite3 -bail "$IMICTL_DB" "SELECT count(*) FROM user")
expect_ok imictl import "$TEST_DIR/table.csv"
expect_eq "$(sqlite3 -bail "$IMICTL_DB" "SELECT count(*) FROM user")" "$((users_before + 1))"
expect_eq "$(sqlite3 -bail "$IMICTL_DB" "SELECT count(*) FROM user WHERE email = 'a.dew${e_acute}@oeteldonk.nl'
  AND last_name = 'Lef${e_acute}vre'")" "1"
expect_eq "$(hex "$(sqlite3 -bail "$IMICTL_DB" "SELECT first_name || ' ' || last_name FROM user WHERE username = '$zoe'")")" \
  "$(hex "Zo${e_acute} Lef${e_acute}vre")"
expect_eq "$(sqlite3 -bail "$IMICTL_DB" "SELECT count(*) FROM user_department m JOIN user u ON u.id = m.user_id
  WHERE u.email = 'a.dew${e_acute}@oeteldonk.nl'")" "2"
expect_eq "$(sqlite3 -bail "$IMICTL_DB" "SELECT count(*) FROM user_department m JOIN user u ON u.id = m.user_id
  WHERE u.username = '$zoe'")" "1"
expect_ok imictl audit verify
