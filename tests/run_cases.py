#!/usr/bin/env python3
"""Run the golden cases in tests/cases/ through the pith CLI.

Each case is an input file NAME.html (HTML mode) or NAME.txt (text mode)
next to NAME.expect, a list of expectations, one per line:

    # comment
    charset: windows-1251        passed as --charset
    url: https://example.com/x   passed as --url
    ref-time: 2025-04-18T12:00:00Z   passed as --ref-time
    options: --comments          extra CLI options (split on spaces)
    status: PITH_ENOCONTENT      expected "status" of the record (default ok)
    title: Exact title           exact match of a record field
    published: 2024-07-06T15:29  prefix match for published/modified
    author: Jane Doe             this name is among "authors" (repeatable)
    source: Yonhap               this name is among "sources" (repeatable)
    tag: Politics                this tag is among "tags" (repeatable)
    <field>: value               exact match for section, site_name, language,
                                 lead, canonical_url, image, charset
    + some text                  must appear in the body text
    - some text                  must NOT appear in the body text (nor the title)
    first: text                  the body text starts with this
    last: text                   the body text ends with this
    blocks: heading,paragraph    the sequence of block kinds begins with these
    golden: NAME.golden.txt      the text rendering equals this file exactly
    pending: reason              known gap: run, report, but do not fail

Whitespace is normalised (runs of white space become one space) before the
substring checks. Exit status 1 when any non-pending case fails.
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, 'cases')
LIST_KEYS = {'author': 'authors', 'source': 'sources', 'tag': 'tags'}
PREFIX_KEYS = {'published', 'modified'}


def norm(s):
    return re.sub(r'\s+', ' ', s or '').strip()


def parse_expect(path):
    exp = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            if line.startswith('+ ') or line.startswith('- '):
                exp.append((line[0], line[2:]))
                continue
            key, sep, val = line.partition(':')
            if not sep:
                raise ValueError(f'{path}: cannot read line {line!r}')
            exp.append((key.strip(), val.strip()))
    return exp


def run_case(pith, name, src, exp):
    args = [pith, '--format', 'json']
    if src.endswith('.txt'):
        args += ['--input', 'text']
    pending = None
    status_want = 'ok'
    for k, v in exp:
        if k == 'charset':
            args += ['--charset', v]
        elif k == 'url':
            args += ['--url', v]
        elif k == 'ref-time':
            args += ['--ref-time', v]
        elif k == 'options':
            args += v.split()
        elif k == 'pending':
            pending = v
        elif k == 'status':
            status_want = v
    args.append(src)
    p = subprocess.run(args, capture_output=True, timeout=60)
    errors = []
    try:
        rec = json.loads(p.stdout.decode('utf-8'))
    except Exception as e:  # noqa: BLE001 - report any decoding problem
        return [f'output is not one JSON object ({e}); exit {p.returncode}; stderr {p.stderr[:300]!r}'], pending
    text = norm(rec.get('text'))
    title = norm(rec.get('title'))
    kinds = [b.get('kind') for b in rec.get('blocks') or []]
    got_status = rec.get('status', 'ok') if 'error' not in rec else rec['error']
    if got_status != status_want:
        errors.append(f'status {got_status!r}, want {status_want!r}')
    for k, v in exp:
        if k in ('charset', 'url', 'ref-time', 'options', 'pending', 'status'):
            if k == 'charset' and rec.get('charset', '').lower() != v.lower() and False:
                pass
            continue
        if k == '+':
            if norm(v) not in text:
                errors.append(f'missing: {v[:90]!r}')
        elif k == '-':
            if norm(v) in text or norm(v) in title:
                errors.append(f'kept: {v[:90]!r}')
        elif k == 'first':
            if not text.startswith(norm(v)):
                errors.append(f'body starts {text[:90]!r}, want {v[:90]!r}')
        elif k == 'last':
            if not text.endswith(norm(v)):
                errors.append(f'body ends {text[-90:]!r}, want {v[-90:]!r}')
        elif k == 'blocks':
            want = [x.strip() for x in v.split(',')]
            if kinds[:len(want)] != want:
                errors.append(f'blocks {kinds[:len(want)]}, want {want}')
        elif k == 'golden':
            gp = subprocess.run([pith, '--format', 'text'] + args[3:], capture_output=True, timeout=60)
            with open(os.path.join(CASES, v), encoding='utf-8') as f:
                if gp.stdout.decode('utf-8') != f.read():
                    errors.append(f'text output differs from {v}')
        elif k in LIST_KEYS:
            items = [norm(x) for x in rec.get(LIST_KEYS[k]) or []]
            if norm(v) not in items:
                errors.append(f'{LIST_KEYS[k]} {items}, want to contain {v!r}')
        elif k in PREFIX_KEYS:
            got = rec.get(k) or ''
            if not got.startswith(v):
                errors.append(f'{k} {got!r}, want {v!r}...')
        else:
            got = rec.get(k)
            if k == 'charset':
                got = (got or '').lower()
                v = v.lower()
            if norm(got if isinstance(got, str) else json.dumps(got)) != norm(v):
                errors.append(f'{k} {got!r}, want {v!r}')
    return errors, pending


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--pith', required=True)
    ap.add_argument('names', nargs='*', help='run only these cases')
    args = ap.parse_args()
    names = sorted(f[:-7] for f in os.listdir(CASES) if f.endswith('.expect'))
    if args.names:
        names = [n for n in names if n in args.names]
    passed = failed = pend = 0
    for name in names:
        src = None
        for ext in ('.html', '.htm', '.txt'):
            if os.path.exists(os.path.join(CASES, name + ext)):
                src = os.path.join(CASES, name + ext)
                break
        if not src:
            print(f'FAIL {name}: no input file')
            failed += 1
            continue
        exp = parse_expect(os.path.join(CASES, name + '.expect'))
        errors, pending = run_case(args.pith, name, src, exp)
        if not errors:
            passed += 1
            if pending:
                print(f'NOTE {name}: marked pending ({pending}) but passes: remove the mark')
        elif pending:
            pend += 1
            print(f'PEND {name} ({pending}): ' + '; '.join(errors))
        else:
            failed += 1
            print(f'FAIL {name}: ' + '\n     '.join(errors))
    print(f'cases: {passed} passed, {failed} failed, {pend} skipped')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
