#!/usr/bin/env python3
"""Adversarial inputs, generated at test time, through the pith CLI.

    tests/pathological.py --pith build/pith [--report]

Each case must give one valid JSON record (valid UTF-8) and a documented
exit status (0 or 1) within a hang guard, with peak RSS under
64 MB + 16 x the input size (the issue's bound; sanitizer builds get 4x
that, as ASan shadows memory). The guard is deliberately loose (60 s + 10 s
per MB): it catches hangs and quadratic blow-ups, not slowness; the actual
seconds and MB/s are printed (--report) as a benchmark, never asserted
tightly. Cases: deep nesting, formatting elements, attribute floods, huge
text nodes, random bytes, NUL bytes, invalid and overlong UTF-8, UTF-16
without BOM, JSON-LD nested 100,000 deep, unclosed script, every charset
label, text mode on the same shapes.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

LABELS = ['utf-8', 'utf8', 'unicode-1-1-utf-8', 'ibm866', 'cp866', 'iso-8859-2', 'latin2', 'iso-8859-3',
          'iso-8859-4', 'iso-8859-5', 'cyrillic', 'iso-8859-6', 'arabic', 'iso-8859-7', 'greek', 'iso-8859-8',
          'hebrew', 'iso-8859-8-i', 'iso-8859-10', 'iso-8859-13', 'iso-8859-14', 'iso-8859-15', 'latin9',
          'iso-8859-16', 'koi8-r', 'koi8', 'koi8-u', 'macintosh', 'mac', 'windows-874', 'windows-1250',
          'windows-1251', 'cp1251', 'windows-1252', 'latin1', 'iso-8859-1', 'ascii', 'us-ascii',
          'windows-1253', 'windows-1254', 'windows-1255', 'windows-1256', 'windows-1257', 'windows-1258',
          'x-mac-cyrillic', 'gbk', 'gb2312', 'gb18030', 'big5', 'big5-hkscs', 'euc-jp', 'iso-2022-jp',
          'shift_jis', 'sjis', 'ms_kanji', 'euc-kr', 'ks_c_5601-1987', 'utf-16be', 'utf-16le', 'utf-16',
          'x-user-defined', 'replacement', 'iso-2022-kr', 'bogus-label']


def cases(rng):
    mb = 1 << 20
    yield 'nested-div-200k', b'<div>' * 200000 + b'deep' + b'</div>' * 200000
    yield 'nested-div-20k-text', (b'<div><p>Some words in a paragraph.</p>' * 20000)
    yield 'nested-bi-100k', b'<b><i>' * 50000 + b'bold'
    yield 'nested-a-100k', b'<a href=x>' * 100000 + b'link'
    yield 'nested-table-20k', b'<table><tr><td>' * 20000 + b'cell'
    yield 'nested-blockquote-50k', b'<blockquote>' * 50000 + b'quote'
    yield 'nested-li-50k', b'<ul><li>' * 50000 + b'item'
    yield 'attrs-200k', b'<div ' + b' '.join(b'a%d="v"' % i for i in range(200000)) + b'>x</div>'
    yield 'class-200k', b'<div class="' + b' '.join(b'c%d' % i for i in range(200000)) + b'">x</div>'
    yield 'text-50mb', b'<p>' + b'word ' * (10 * mb) + b'</p>'
    yield 'text-nospace-50mb', b'<p>' + b'a' * (50 * mb) + b'</p>'
    yield 'random-50mb', rng.randbytes(50 * mb)
    yield 'nul-bytes', b'<p>before\x00after</p>' * 10000 + b'\x00' * mb
    yield 'invalid-utf8', b'<meta charset=utf-8><p>' + b'\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc' * 100000 + b'</p>'
    yield 'overlong-utf8', b'<meta charset=utf-8><p>' + b'\xc0\xaf\xe0\x80\xaf\xf0\x80\x80\xaf\xed\xa0\x80' * 100000
    yield 'utf16-no-bom', ('<html><body><p>' + 'Text without a byte order mark. ' * 20000 + '</p></body></html>').encode('utf-16-le')
    yield 'utf16-odd-length', b'\xff\xfe' + 'abc'.encode('utf-16-le') + b'\x00'
    yield 'jsonld-deep-100k', (b'<script type="application/ld+json">' + b'{"a":' * 100000 + b'1' +
                               b'}' * 100000 + b'</script><p>Body text of the page.</p>')
    yield 'jsonld-unclosed', b'<script type="application/ld+json">{"headline": "x", "author": [' * 10000
    yield 'script-unclosed', b'<p>Visible words before the script.</p><script>' + b'var x = "<div>";' * 100000
    yield 'comment-unclosed', b'<p>Visible words before the comment.</p><!--' + b'<div>' * 100000
    yield 'many-paragraphs', b'<p>Short sentence here, with a comma.</p>' * 200000
    yield 'many-links', b'<a href="/x">link</a> ' * 300000
    yield 'long-attr', b'<a href="' + b'x' * (20 * mb) + b'">y</a>'
    yield 'entity-flood', b'<p>' + b'&amp;&#x41;&#65;&nbsp;&bogus;' * 500000 + b'</p>'
    yield 'select-flood', b'<select>' + b'<option>o' * 200000
    yield 'svg-deep', b'<svg>' + b'<g>' * 100000 + b'</svg><p>After the drawing.</p>'
    yield 'math-deep', b'<math>' + b'<mrow>' * 100000 + b'</math>'
    yield 'template-deep', b'<template>' + b'<div>' * 100000
    yield 'frameset', b'<frameset>' * 10000
    for label in LABELS:
        yield f'charset-{label}', (f'<html><head><meta charset="{label}"></head><body><p>Caf\xe9 na\xefve \u00fc '
                                   f'\u0416\u0438\u0442\u0442\u044f \u65e5\u672c</p></body></html>').encode('utf-8', 'replace') + bytes(range(256))


def valid_utf8(b):
    try:
        b.decode('utf-8')
        return True
    except UnicodeDecodeError:
        return False


def run(pith, path, extra, guard):
    t0 = time.monotonic()
    p = subprocess.Popen([pith, '--format', 'json', '--quiet', *extra, path], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    try:
        out, err = p.communicate(timeout=guard)
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        return None, None, None, time.monotonic() - t0
    dt = time.monotonic() - t0
    return p.returncode, out, err, dt


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--pith', required=True)
    ap.add_argument('--report', action='store_true', help='print seconds and MB/s per case')
    ap.add_argument('--sanitized', action='store_true', help='memory bound x4 (ASan shadow memory)')
    args = ap.parse_args()
    rng = random.Random(20261129)
    passed = failed = 0
    tmp = tempfile.mkdtemp(prefix='pith-patho-')
    try:
        for name, data in cases(rng):
            path = os.path.join(tmp, name)
            with open(path, 'wb') as f:
                f.write(data)
            size_mb = len(data) / 1e6
            guard = 60 + 10 * size_mb
            for mode in ([], ['--input', 'text']) if len(data) < (8 << 20) else ([],):
                label = name + (' (text mode)' if mode else '')
                # ru_maxrss of this child alone: use a fresh wait4 via Popen is not exposed; run under
                # /usr/bin/time when present, else skip the memory bound
                rc, out, err, dt = run(args.pith, path, mode, guard)
                problems = []
                if rc is None:
                    problems.append(f'no result within {guard:.0f} s (hang guard)')
                else:
                    if rc not in (0, 1):
                        problems.append(f'exit {rc}: {err[-400:]!r}')
                    if not valid_utf8(out):
                        problems.append('output is not valid UTF-8')
                    else:
                        lines = out.decode('utf-8').splitlines()
                        if len(lines) != 1:
                            problems.append(f'{len(lines)} output lines, want 1')
                        else:
                            try:
                                rec = json.loads(lines[0])
                                if 'status' not in rec:
                                    problems.append('record without status')
                            except json.JSONDecodeError as e:
                                problems.append(f'not JSON: {e}')
                if problems:
                    failed += 1
                    print(f'FAIL {label}: ' + '; '.join(problems))
                else:
                    passed += 1
                    if args.report:
                        print(f'  {label:<32} {len(data) / 1e6:8.2f} MB {dt:7.2f} s  '
                              f'{(len(data) / 1e6) / max(dt, 1e-6):8.1f} MB/s  exit {rc}')
            os.unlink(path)
        # memory: the biggest cases under /usr/bin/time -f %M, when available
        if os.path.exists('/usr/bin/time'):
            for name, data in cases(random.Random(1)):
                if not name.startswith(('text-50mb', 'random-50mb', 'nested-div-200k', 'attrs-200k', 'many-links', 'many-paragraphs')):
                    continue
                path = os.path.join(tmp, name)
                with open(path, 'wb') as f:
                    f.write(data)
                p = subprocess.run(['/usr/bin/time', '-f', '%M', args.pith, '--format', 'json', '--quiet', path],
                                   capture_output=True, timeout=600)
                kb = int(p.stderr.decode().strip().splitlines()[-1])
                bound = (64 * 1024 + 16 * len(data) / 1024) * (4 if args.sanitized else 1)
                ok = kb <= bound
                passed += ok
                failed += not ok
                print(f'{"  " if ok else "FAIL "}{name:<32} peak RSS {kb / 1024:7.1f} MB (bound {bound / 1024:.0f} MB)')
                os.unlink(path)
    finally:
        for f in os.listdir(tmp):
            os.unlink(os.path.join(tmp, f))
        os.rmdir(tmp)
    print(f'pathological: {passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
