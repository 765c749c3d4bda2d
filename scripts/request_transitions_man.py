#!/usr/bin/env python3
"""Prints the lifecycle table of `imictl request transitions --json` (read
from stdin) as the mdoc table of imictl-request(1), between its TRANSITIONS
markers. The man page is regenerated with this, never edited by hand there:
tests/e2e/request_lifecycle.bash fails when the two differ."""
import json
import sys

rows = json.load(sys.stdin)
print('.\\" BEGIN TRANSITIONS (scripts/request_transitions_man.py)')
print(".Bl -column \"due-propose\" \"sent, accepted\" \"answered\" \"responding\" \"allocator\"")
print(".It Sy action Ta Sy from Ta Sy to Ta Sy side Ta Sy role")
for t in rows:
    to = t["to"] or "(same)"
    role = t["role"] + ("*" if t["needs_assignment"] else "")
    print(f".It Cm {t['action']} Ta {', '.join(t['from'])} Ta {to} Ta {t['side']} Ta {role}")
print(".El")
print('.\\" END TRANSITIONS')
