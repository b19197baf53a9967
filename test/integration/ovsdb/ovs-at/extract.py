"""
Extracts the test-ovsdb cases of Open vSwitch's tests/ovsdb-*.at (the command, its JSON arguments,
the test's title and whether it is a positive or negative check) into cases.json, the data of
ovs-at.test.ts. Usage: python3 extract.py DIR_WITH_AT_FILES > cases-list.json (then wrap it with the
source commit as cases.json has it). Arguments are shell words: single-quoted JSON, possibly followed
by a "]" the m4 quote close leaves (the shell joins them).
"""
import json, re, sys, os
CMDS = ['parse-conditions','evaluate-conditions','evaluate-conditions-any','compare-conditions','parse-mutations','execute-mutations',
        'parse-atoms','parse-data','parse-atomic-type','parse-base-type','parse-type','parse-column','parse-table','parse-schema']
out = []
AT_DIR = sys.argv[1]
for f in sorted(os.listdir(AT_DIR)):
    if not re.match(r'ovsdb-(condition|mutation|data|types|column|table|schema)\.at$', f): continue
    text = open(os.path.join(AT_DIR, f)).read()
    # each test: OVSDB_CHECK_*([title], or AT_SETUP([title])
    for m in re.finditer(r'(OVSDB_CHECK_(POSITIVE|NEGATIVE)(?:_CPY|_PY)?\(\[([^\]]*)\]|AT_SETUP\(\[([^\]]*)\]\))', text):
        title = m.group(3) or m.group(4)
        kind = m.group(2) or 'AT'
        start = m.end()
        nxt = re.search(r'(OVSDB_CHECK_|AT_SETUP\(|AT_BANNER)', text[start:])
        body = text[start: start + (nxt.start() if nxt else len(text))]
        cm = re.search(r'(?:test-ovsdb\s+)?\b(' + '|'.join(sorted(CMDS, key=len, reverse=True)) + r')(?=\s)', body)
        if not cm: continue
        cmd = cm.group(1)
        rest = body[cm.end():]
        args = []
        i = 0
        while i < len(rest):
            ch = rest[i]
            if ch in ' \t\n\\': i += 1; continue
            if ch == "'":
                j = rest.index("'", i + 1); args.append(rest[i+1:j]); i = j + 1; continue
            if ch == '-' and rest[i:i+2] == '--': i += 2; continue
            if re.match(r'[A-Za-z0-9_]', ch):  # an unquoted word (a table name)
                m2 = re.match(r'[A-Za-z0-9_]+', rest[i:]); i += m2.end(); continue
            break
        if not args: continue
        try:
            def load(a):
                # A word like '[{"i": 2}']]] : the shell joins the quoted text and the "]" that the m4
                # quote close (]]) leaves after it.
                try: return json.loads(a)
                except Exception: return json.loads(a + ']')
            parsed = [load(a) for a in args]
        except Exception as e:
            print('skip', f, title, e, file=sys.stderr); continue
        out.append({'file': f, 'title': title, 'check': kind, 'command': cmd, 'args': parsed})
print(json.dumps(out, indent=0))
print(len(out), file=sys.stderr)
from collections import Counter
print(Counter(o['command'] for o in out), file=sys.stderr)
