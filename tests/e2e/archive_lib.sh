# Helpers for the archive and consent-form suites (sourced): the text two
# independent readers find in a .docx.

# docx_text_python FILE: paragraphs and every table cell, as python-docx reads
# them (Debian's python3, which has the module), plus the heading styles used.
docx_text_python() {
  /usr/bin/python3 - "$1" <<'PY'
import sys, docx
d = docx.Document(sys.argv[1])
out = [p.text for p in d.paragraphs]
out += ["STYLE:" + p.style.name for p in d.paragraphs if p.style.name.startswith(("Heading", "Title"))]
for t in d.tables:
    for row in t.rows:
        for cell in row.cells:
            out.append(cell.text)
print("\n".join(out))
PY
}

# docx_text_libreoffice FILE: LibreOffice Writer's conversion to plain text,
# with a private profile so runs never share (or wait for) one.
docx_text_libreoffice() {
  local file=$1 out=$TEST_DIR/lo-out.$BASHPID
  rm -rf "$out"
  mkdir -p "$out"
  soffice -env:UserInstallation="file://$TEST_DIR/lo-profile" --headless --convert-to txt:Text \
    --outdir "$out" "$file" >/dev/null 2>&1 || { fail "soffice could not convert $file"; return 1; }
  local txt
  txt=$out/$(basename "${file%.docx}").txt
  [ -s "$txt" ] || { fail "soffice wrote no text for $file"; return 1; }
  cat "$txt"
}

require_docx_readers() {
  require_commands soffice sha256sum
  /usr/bin/python3 -c 'import docx' 2>/dev/null || skip_suite "python3-docx is not installed for /usr/bin/python3"
}
