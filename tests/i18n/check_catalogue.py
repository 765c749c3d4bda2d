#!/usr/bin/python3
"""Fails when the interface is not fully Dutch and English.

  1. Every string marked in lib/ and cli/ (extracted by extract.sh) has a
     Dutch translation in po/nl.po that is neither empty nor fuzzy.
  2. Each translation keeps its msgid's fmt placeholders ({} {0} {:>5} ...):
     a translation that loses or invents one would fail at run time.
  3. po/nl.po holds no entry the sources no longer mark.
  4. No text a person reads is left unmarked (find_unmarked.py).
  5. Every record key used in lib/ or cli/ has its table label in
     lib/core/field_labels.cpp (else a Dutch table shows an English header).

Usage: check_catalogue.py SOURCE_DIR [--po FILE]... [--only PATH_PREFIX]...
  --po    catalogues to read (default: SOURCE_DIR/po/nl.po); the first wins
  --only  check only strings marked in these files or folders (skips 3)
"""
import argparse
import collections
import os
import pathlib
import re
import subprocess
import sys
import tempfile

PLACEHOLDER = re.compile(r'\{\{|\}\}|\{[^{}]*\}')
# Record fields ({"key", value}) in files that build records, and column
# lists (begin_list({"a", "b"})): the keys a table may show.
RECORD_FILE = re.compile(r'Record|out\(\)|begin_list|Renderer')
RECORD_KEY = re.compile(r'\{\s*"([a-z][a-z0-9_]*)",\s')
COLUMN_LIST = re.compile(r'(?:begin_list|list)\(\{([^}]*)\}')
FIELD_LABEL = re.compile(r'NC_\("field", "([a-z0-9_]+)"\)')
# Pairs of that shape that are not record fields.
NOT_FIELDS = {'y'}  # cli/runtime.cpp: the answers a confirmation accepts


def unquote(s):
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    body = s[1:-1]
    out = []
    i = 0
    escapes = {'n': '\n', 't': '\t', '"': '"', '\\': '\\', 'r': '\r', 'a': '\a', 'b': '\b', 'f': '\f', 'v': '\v'}
    while i < len(body):
        c = body[i]
        if c == '\\' and i + 1 < len(body):
            out.append(escapes.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def parse_po(path):
    """Entries keyed by (msgctxt, msgid): dict with plural, strs, fuzzy, refs."""
    entries = {}
    cur = None
    field = None

    def finish():
        if cur is not None and 'msgid' in cur:
            key = (cur.get('msgctxt'), cur['msgid'])
            entries.setdefault(key, cur)

    def new():
        return {'refs': [], 'fuzzy': False, 'strs': {}, 'obsolete': False}

    cur = new()
    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.rstrip('\n')
            obsolete = line.startswith('#~')
            if obsolete:
                line = line[2:].lstrip()
            if not line.strip():
                finish()
                cur = new()
                field = None
                continue
            if line.startswith('#:'):
                cur['refs'] += line[2:].split()
            elif line.startswith('#,'):
                cur['fuzzy'] = cur['fuzzy'] or 'fuzzy' in line
            elif line.startswith('#'):
                continue
            else:
                if 'msgid' in cur and field in ('msgstr', 'strs') and line.startswith(('msgctxt', 'msgid ')):
                    finish()
                    cur = new()
                cur['obsolete'] = cur['obsolete'] or obsolete
                m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$', line)
                if m:
                    name, index, value = m.group(1), m.group(2), unquote(m.group(3))
                    if name.startswith('msgstr'):
                        field = 'strs'
                        cur['_idx'] = int(index or 0)
                        cur['strs'][cur['_idx']] = value
                    else:
                        field = name
                        cur[name] = value
                elif line.startswith('"'):
                    if field == 'strs':
                        cur['strs'][cur['_idx']] += unquote(line)
                    elif field:
                        cur[field] += unquote(line)
    finish()
    return entries


def placeholders(text):
    return collections.Counter(p for p in PLACEHOLDER.findall(text) if p not in ('{{', '}}'))


def unlabelled_fields(src):
    root = pathlib.Path(src)
    labels = set(FIELD_LABEL.findall((root / 'lib/core/field_labels.cpp').read_text(encoding='utf-8')))
    missing = {}
    for path in sorted(list(root.glob('lib/**/*.cpp')) + list(root.glob('cli/*.cpp'))):
        text = path.read_text(encoding='utf-8')
        keys = RECORD_KEY.findall(text) if RECORD_FILE.search(text) else []
        for columns in COLUMN_LIST.findall(text):
            keys += re.findall(r'"([a-z0-9_]+)"', columns)
        for key in keys:
            if key not in labels and key not in NOT_FIELDS:
                missing.setdefault(key, path.relative_to(root))
    return [f'{where}: field "{key}" has no label in lib/core/field_labels.cpp' for key, where in missing.items()]


def describe(key):
    ctx, msgid = key
    return (f'[{ctx}] ' if ctx else '') + repr(msgid)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('source')
    ap.add_argument('--po', action='append')
    ap.add_argument('--only', action='append', default=[])
    args = ap.parse_args()
    src = args.source
    here = os.path.dirname(os.path.abspath(__file__))
    po_files = args.po or [os.path.join(src, 'po', 'nl.po')]

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'imictl.pot')
        subprocess.run(['sh', os.path.join(here, 'extract.sh'), src, pot], check=True)
        marked = parse_po(pot)
    marked.pop((None, ''), None)
    catalogue = {}
    for po in po_files:
        for key, entry in parse_po(po).items():
            if not entry['obsolete']:
                catalogue.setdefault(key, entry)
    catalogue.pop((None, ''), None)

    def wanted(entry):
        if not args.only:
            return True
        return any(ref.split(':')[0].startswith(tuple(args.only)) for ref in entry['refs'])

    problems = []
    checked = 0
    for key, entry in marked.items():
        if not wanted(entry):
            continue
        checked += 1
        where = entry['refs'][0] if entry['refs'] else '?'
        have = catalogue.get(key)
        if have is None or not have['strs'] or any(not s for s in have['strs'].values()):
            problems.append(f'{where}: no Dutch translation for {describe(key)}')
            continue
        if have['fuzzy']:
            problems.append(f'{where}: fuzzy (unchecked) Dutch translation for {describe(key)}')
            continue
        plural = entry.get('msgid_plural')
        for i, s in have['strs'].items():
            if plural is None:
                ok = placeholders(s) == placeholders(key[1])
            else:
                allowed = placeholders(key[1]) | placeholders(plural)
                ok = set(placeholders(s)) <= set(allowed)
            if not ok:
                problems.append(f'{where}: the translation of {describe(key)} has placeholders '
                                f'{sorted(placeholders(s).elements())}, the original '
                                f'{sorted(placeholders(key[1]).elements())}: {s!r}')
    if not args.only:
        for key, entry in catalogue.items():
            if key not in marked:
                problems.append(f'{po_files[0]}: {describe(key)} is no longer marked in the sources; remove it')

    finder = subprocess.run([sys.executable, os.path.join(here, 'find_unmarked.py'), src],
                            capture_output=True, text=True)
    for line in finder.stdout.splitlines():
        if not args.only or line.startswith(tuple(args.only)):
            problems.append(line)

    if not args.only:
        problems += unlabelled_fields(src)

    for p in problems:
        print(p)
    print(f'{checked} marked strings checked, {len(problems)} problem(s)', file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
