#!/usr/bin/python3
"""Lists texts a person reads that are not marked for translation.

Looks in lib/ and cli/ for string literals passed straight (or through
fmt::format) to the places that show text: error constructors and hints,
CLI11 descriptions, Renderer::line, prompts and stderr. A line may opt out
with the comment `// i18n: not shown` (e.g. a logic_error for developers).

Usage: find_unmarked.py SOURCE_DIR   (exit 1 and one line per finding)
"""
import pathlib
import re
import sys

SHOWN = [
    # throw NotFoundError("..."), Error(kind, "..."), .hint("..."), hints {"..."}
    (re.compile(r'\b\w*Error\(\s*(ErrorKind::\w+,\s*)?(fmt::format\(\s*)?(std::string\()?"'), 'error message'),
    (re.compile(r'\bhint\(\s*(fmt::format\(\s*)?"'), 'hint'),
    (re.compile(r'\bline\(\s*(fmt::format\(\s*)?"[^"]*[A-Za-z]{2}'), 'output line'),
    (re.compile(r'\bwarn(ing)?\(\s*(fmt::format\(\s*)?"'), 'warning'),
    (re.compile(r'\b(read_secret|prompt|confirm|ask)\w*\(\s*(fmt::format\(\s*)?"[^"]*[A-Za-z]{2}'), 'prompt'),
    (re.compile(r'std::cerr\s*<<\s*(fmt::format\(\s*)?"[^"]*[A-Za-z]{2}'), 'stderr text'),
    (re.compile(r'->description\(\s*"'), 'help text'),
    (re.compile(r'\b(footer|label)\(\s*"[^"]*",\s*"[^"]*[A-Za-z]'), 'help text'),
]
# add_option / add_flag / add_subcommand / add_option_group: a literal with
# a space among the call's own arguments is a description. A literal inside
# a nested call (the marking _("..."), or anything else) is not looked at.
ADD_CALL = re.compile(r'\badd_(option|flag|subcommand|option_group|option_function|flag_callback)\(')
OPT_OUT = '// i18n: not shown'


def call_arguments(text, start):
    """The text of a call's arguments, from the '(' at start to its match."""
    depth = 0
    i = start
    in_str = False
    while i < len(text):
        c = text[i]
        if in_str:
            if c == '\\':
                i += 1
            elif c == '"':
                in_str = False
        elif c == '"':
            in_str = True
        elif c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
            if depth == 0:
                return text[start + 1:i]
        i += 1
    return text[start + 1:]


def unmarked_descriptions(args):
    found = []
    depth = 0
    i = 0
    while i < len(args):
        c = args[i]
        if c == '"':
            j = i + 1
            while j < len(args) and args[j] != '"':
                j += 2 if args[j] == '\\' else 1
            literal = args[i + 1:j]
            if ' ' in literal and depth == 0:
                found.append(literal)
            i = j + 1
            continue
        if c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
        i += 1
    return found


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.')
    findings = []
    for path in sorted(list(root.glob('lib/**/*.[ch]pp')) + list(root.glob('cli/*.[ch]pp'))):
        text = path.read_text(encoding='utf-8')
        lines = text.split('\n')
        rel = path.relative_to(root)
        for n, line in enumerate(lines, 1):
            if OPT_OUT in line or line.lstrip().startswith('//'):
                continue
            for pattern, what in SHOWN:
                if pattern.search(line):
                    findings.append(f'{rel}:{n}: unmarked {what}: {line.strip()}')
        for m in ADD_CALL.finditer(text):
            n = text.count('\n', 0, m.start()) + 1
            if OPT_OUT in lines[n - 1]:
                continue
            for literal in unmarked_descriptions(call_arguments(text, m.end() - 1)):
                findings.append(f'{rel}:{n}: unmarked help text: "{literal}"')
    for f in findings:
        print(f)
    return 1 if findings else 0


if __name__ == '__main__':
    sys.exit(main())
