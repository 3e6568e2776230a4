#!/usr/bin/env python3
"""Batch mode end to end: WARCs and directories in, JSON Lines out.

    tests/batch_test.py --pith build/pith

Builds WARCs with tests/tools/mkwarc.py at test time (gzip per record,
whole-file gzip, plain; chunked and gzip/deflate bodies; non-HTML, 404,
request and warcinfo records; garbage, a corrupt gzip member and a cut
file) and checks that
  - every response/resource/conversion record gives exactly one output line
    (a record or an error record) and every other record one counted skip,
    even with corrupted records in the middle;
  - the output bytes do not depend on --jobs;
  - --resume after a run killed mid-way gives the same bytes as one run;
  - --dedupe flags an exact and a near duplicate, and drops nothing;
  - .gz / .zst outputs decompress to the same lines;
  - every line is valid JSON.
Prints 'N passed, N failed'.
"""
import argparse
import gzip
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, 'tools'))
import mkwarc  # noqa: E402

passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print('FAIL:', what)


def page(i, words):
    rnd = random.Random(i)
    paras = ''.join('<p>' + ' '.join(rnd.choice(words) for _ in range(40)) + '.</p>' for _ in range(6))
    return (f'<html><head><title>Story {i}</title></head><body><nav><a href="/">Home</a> <a href="/n">News</a></nav>'
            f'<article><h1>Story number {i}</h1>{paras}</article><footer>Copyright</footer></body></html>')


WORDS = ('river council bridge winter harbour market school budget train station report mayor farmers weather '
         'storm road museum library police court festival election hospital water energy prices workers').split()


def records(n, extra=True):
    recs = [{'type': 'warcinfo', 'content': 'software: pith tests'}]
    for i in range(n):
        recs.append({'type': 'request', 'uri': f'https://news.example/{i}'})
        r = {'type': 'response', 'uri': f'https://news.example/{i}', 'status': 200,
             'headers': [['Content-Type', 'text/html; charset=utf-8']], 'body': page(i, WORDS)}
        if i % 3 == 1:
            r['chunked'] = True
        if i % 4 == 2:
            r['encoding'] = 'gzip'
        if i % 5 == 3:
            r['encoding'] = 'deflate'
        recs.append(r)
        if extra and i == n // 2:
            recs.append({'type': 'response', 'uri': 'https://news.example/logo.png', 'status': 200,
                         'headers': [['Content-Type', 'image/png']], 'body': 'PNG'})
            recs.append({'type': 'response', 'uri': 'https://news.example/gone', 'status': 404,
                         'headers': [['Content-Type', 'text/html']], 'body': '<p>gone</p>'})
            recs.append({'type': 'resource', 'uri': 'https://news.example/r', 'content_type': 'text/html',
                         'content': page(10_000 + i, WORDS)})
            recs.append({'type': 'conversion', 'uri': 'https://news.example/wet',
                         'content': 'Headline of a text record\n\n' + ' '.join(WORDS * 4) + '.\n'})
    return recs


def run(pith, args, **kw):
    return subprocess.run([pith, *args], capture_output=True, timeout=600, **kw)


def lines_of(path):
    if path.endswith('.gz'):
        data = gzip.open(path).read()
    elif path.endswith('.zst'):
        data = subprocess.run(['zstd', '-dc', path], capture_output=True, check=True).stdout
    else:
        data = open(path, 'rb').read()
    return data.decode('utf-8').split('\n')[:-1] if data else []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--pith', required=True)
    args = ap.parse_args()
    pith = os.path.abspath(args.pith)
    tmp = tempfile.mkdtemp(prefix='pith-batch-')
    try:
        # 1. clean WARCs in three compressions: one line per page record, skips counted
        n = 40
        for comp in ('gzip', 'gzip-file', 'none'):
            w = os.path.join(tmp, f'clean-{comp}.warc' + ('.gz' if comp != 'none' else ''))
            mkwarc.write(w, {'compression': comp, 'records': records(n)})
            out = os.path.join(tmp, f'clean-{comp}.jsonl')
            p = run(pith, [w, '-o', out, '--jobs', '2'])
            check(p.returncode in (0, 1), f'{comp}: exit {p.returncode}: {p.stderr[-300:]!r}')
            lines = lines_of(out)
            check(len(lines) == n + 2, f'{comp}: {len(lines)} lines, want {n + 2} (pages + resource + conversion)')
            recs = [json.loads(x) for x in lines]
            check(all(r['source'] == w for r in recs), f'{comp}: source')
            check(sum(1 for r in recs if r.get('status') == 'ok') == n + 2, f'{comp}: all records ok')
            check(recs[0]['url'] == 'https://news.example/0' and recs[0]['title'] == 'Story number 0',
                  f'{comp}: first record {recs[0].get("url")} {recs[0].get("title")}')
            check(all(r.get('record_id', '').startswith('<urn:uuid:') for r in recs), f'{comp}: record ids')
            err = p.stderr.decode()
            check(re.search(r'skipped:.*request 40', err) and 'warcinfo 1' in err and 'not-html 1' in err
                  and 'http-status 1' in err, f'{comp}: skip counts in summary: {err!r}')

        # 2. faults in the middle: garbage, a corrupt gzip member, a wrong length; then a cut file
        recs = records(30, extra=False)
        recs.insert(20, {'garbage': 'this is not a WARC record\r\n\r\n'})
        recs[31]['corrupt'] = True
        w = os.path.join(tmp, 'faults.warc.gz')
        mkwarc.write(w, {'compression': 'gzip', 'records': recs})
        out = os.path.join(tmp, 'faults.jsonl')
        p = run(pith, [w, '-o', out])
        lines = [json.loads(x) for x in lines_of(out)]
        oks = [r for r in lines if r.get('status') == 'ok']
        errs = [r for r in lines if r.get('error')]
        check(len(errs) >= 2, f'faults: {len(errs)} error records, want >= 2')
        check(len(oks) >= 28, f'faults: {len(oks)} good records after resynchronising, want >= 28')
        check(all(e['error'] == 'PITH_EIO' and 'warc' in e['message'] for e in errs), 'faults: error records say why')
        check(p.returncode == 1, f'faults: exit {p.returncode}, want 1 (error records)')
        cut = os.path.join(tmp, 'cut.warc.gz')
        data = open(w, 'rb').read()
        open(cut, 'wb').write(data[:len(data) * 2 // 3])
        p = run(pith, [cut, '-o', os.path.join(tmp, 'cut.jsonl')])
        lines = [json.loads(x) for x in lines_of(os.path.join(tmp, 'cut.jsonl'))]
        check(lines and lines[-1].get('error') == 'PITH_EIO', 'cut file: last line is an error record')

        # 3. same bytes whatever --jobs
        big = os.path.join(tmp, 'big.warc.gz')
        mkwarc.write(big, {'compression': 'gzip', 'records': records(200)})
        outs = []
        for j in (1, 2, 4):
            o = os.path.join(tmp, f'j{j}.jsonl')
            run(pith, [big, '-o', o, '--jobs', str(j), '--quiet'])
            outs.append(open(o, 'rb').read())
        check(outs[0] == outs[1] == outs[2] and outs[0], '--jobs 1/2/4 give the same bytes')

        # 4. resume after a kill mid-run gives the same bytes
        o = os.path.join(tmp, 'resume.jsonl')
        pr = subprocess.Popen([pith, big, '-o', o, '--jobs', '2', '--quiet'])
        time.sleep(0.15)
        pr.send_signal(signal.SIGKILL)
        pr.wait()
        part = open(o, 'rb').read()
        check(not part or part.endswith(b'\n') or True, 'killed run')  # a partial line is allowed; resume cuts it
        run(pith, [big, '-o', o, '--jobs', '2', '--resume', '--quiet'])
        check(open(o, 'rb').read() == outs[0], 'resume after kill gives the same bytes as one run')

        # 4b. resume recognises files whose names need JSON escapes (quote,
        # backslash, control character, invalid UTF-8): none is extracted twice
        odd = os.path.join(tmp, 'odd')
        os.makedirs(odd)
        names = [b'q"uote.html', b'back\\slash.html', b'tab\there.html', b'bad\xffutf8.html', b'plain.html']
        for i, nm in enumerate(names):
            with open(os.path.join(odd.encode(), nm), 'w') as f:
                f.write(page(900 + i, WORDS))
        o = os.path.join(tmp, 'odd.jsonl')
        run(pith, [odd, '-o', o, '--quiet'])
        first = open(o, 'rb').read()
        r = run(pith, [odd, '-o', o, '--resume'])
        check(open(o, 'rb').read() == first and first.count(b'\n') == len(names),
              'resume skips every done file, whatever its name needs escaped')
        check(b'resumed %d' % len(names) in r.stderr, 'resume summary counts every odd name as resumed')

        # 5. compressed outputs
        for ext in ('.gz', '.zst'):
            if ext == '.zst' and not shutil.which('zstd'):
                continue
            o = os.path.join(tmp, 'c.jsonl' + ext)
            run(pith, [big, '-o', o, '--quiet'])
            check('\n'.join(lines_of(o)) + '\n' == outs[0].decode(), f'{ext} output decompresses to the same lines')

        # 6. duplicates flagged, nothing dropped
        d = os.path.join(tmp, 'dir')
        os.makedirs(os.path.join(d, 'sub'))
        base = page(1, WORDS)
        open(os.path.join(d, 'a.html'), 'w').write(base)
        open(os.path.join(d, 'sub', 'b.html'), 'w').write(base.replace('Copyright', 'Copyright 2024'))
        near = base.replace('river', 'lake', 3)
        open(os.path.join(d, 'sub', 'c.html'), 'w').write(near)
        open(os.path.join(d, 'sub', 'd.html'), 'w').write(page(99, WORDS))
        o = os.path.join(tmp, 'dups.jsonl')
        run(pith, [d, '-o', o, '--dedupe', '--quiet'])
        recs = [json.loads(x) for x in lines_of(o)]
        check(len(recs) == 4, f'dedupe keeps every record ({len(recs)})')
        by = {os.path.basename(r['source']): r for r in recs}
        check(by['b.html'].get('duplicate_of') == by['a.html']['seq'], 'exact duplicate flagged')
        check(by['c.html'].get('near_duplicate_of') == by['a.html']['seq'], 'near duplicate flagged')
        check('duplicate_of' not in by['d.html'] and 'near_duplicate_of' not in by['d.html'], 'distinct page not flagged')

        # 7. inputs listed on stdin; plain files and a gzip-compressed page
        with gzip.open(os.path.join(d, 'e.html.gz'), 'wb') as g:
            g.write(page(7, WORDS).encode())
        listing = '\n'.join([os.path.join(d, 'a.html'), os.path.join(d, 'e.html.gz'), os.path.join(d, 'missing.html')])
        p = run(pith, ['--files-from', '-', '--quiet'], input=listing.encode())
        recs = [json.loads(x) for x in p.stdout.decode().split('\n') if x]
        check(len(recs) == 3, f'--files-from: one line per input ({len(recs)})')
        check(recs[1].get('title') == 'Story number 7', 'gzip-compressed page read')
        check(recs[2].get('error') == 'PITH_EIO', 'missing input gives an error record')
        check(p.returncode == 3, f'missing input: exit {p.returncode}, want 3')

        # 8. furniture learnt across a site's pages (text mode and HTML), single pages unaffected
        sd = os.path.join(tmp, 'site')
        os.makedirs(sd)
        for i in range(6):
            rnd = random.Random(i)
            body = '\n\n'.join(' '.join(rnd.choice(WORDS) for _ in range(35)).capitalize() + '.' for _ in range(5))
            open(os.path.join(sd, f'p{i}.txt'), 'w').write(
                f'Headline number {i} about the harbour\n\n{body}\n\n'
                'The Harbour Gazette is funded by its readers and never by advertisers of any kind.\n')
        texts = lambda out: [json.loads(x)['text'] for x in out.split('\n') if x]
        plain = texts(run(pith, ['--input', 'text', sd, '--quiet']).stdout.decode())
        learnt = texts(run(pith, ['--input', 'text', sd, '--learn-boilerplate', '--quiet']).stdout.decode())
        check(sum('funded by its readers' in t for t in plain) == 6, 'without learning the site line stays')
        check(sum('funded by its readers' in t for t in learnt) == 0, 'learnt site furniture is removed from every page')
        check(len(learnt) == 6 and all('Headline' not in t and len(t) > 500 for t in learnt), 'learning keeps the bodies')
        one = run(pith, ['--input', 'text', '--format', 'json', os.path.join(sd, 'p0.txt')]).stdout.decode()
        check('funded by its readers' in one, 'a single page is untouched')
        p = run(pith, ['--learn-boilerplate', '--files-from', '-'], input=b'x')
        check(p.returncode == 2, 'learning refuses stdin lists (inputs are read twice)')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f'batch: {passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
