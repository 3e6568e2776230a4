#!/usr/bin/env python3
"""Corpus-scale bench: WARC in, JSON Lines out (issue 5 figures).

    bench/warc_bench.py [--pith build/pith] [--data ../shared/data] [--repeat 20]

Builds a gzip-per-record WARC of the trafilatura-dev and readability pages
(response records with HTTP headers) in a temporary directory, then reports
  - pages/s and MB/s of HTML through `pith WARC -o out.jsonl` with --jobs 1
    and --jobs 2 (best of 3), and the ratio of the two;
  - peak RSS (/usr/bin/time) on the WARC and on the same WARC repeated
    --repeat times (gzip members concatenate), to show memory does not grow
    with the input.
Compare the --jobs 1 figure with `make bench` (in-process, no WARC, no I/O).
Skips when the data is absent. A benchmark, never a test.
"""
import argparse
import glob
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, 'tests', 'tools'))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--pith', default=os.path.join(ROOT, 'build', 'pith'))
    ap.add_argument('--data', default=os.path.join(ROOT, '..', 'shared', 'data'))
    ap.add_argument('--repeat', type=int, default=20)
    args = ap.parse_args()
    if not os.path.isdir(args.data):
        print('warc bench: no data: skipped')
        return 0
    import mkwarc
    pages = [gzip.open(f).read() for f in sorted(glob.glob(os.path.join(args.data, 'trafilatura-dev', 'pages', '*.gz')))]
    pages += [open(f, 'rb').read() for f in sorted(glob.glob(os.path.join(args.data, 'readability', '*', 'source.html')))]
    tmp = tempfile.mkdtemp(prefix='pith-warcbench-')
    try:
        recs = [{'type': 'warcinfo', 'content': 'software: pith bench'}]
        for i, body in enumerate(pages):
            head = f'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(body)}\r\n\r\n'
            recs.append({'type': 'response', 'uri': f'https://bench.example/{i}',
                         'http_raw': head + body.decode('latin-1')})  # bytes as served
        warc = os.path.join(tmp, 'bench.warc.gz')
        mkwarc.write(warc, {'compression': 'gzip', 'records': recs})
        html_mb = sum(len(p) for p in pages) / 1e6
        print(f'WARC: {len(pages)} response records, {html_mb:.1f} MB of HTML, '
              f'{os.path.getsize(warc) / 1e6:.1f} MB gzip per record')
        best = {}
        for jobs in (1, 2):
            times = []
            for _ in range(3):
                t0 = time.monotonic()
                subprocess.run([args.pith, warc, '-o', os.path.join(tmp, 'out.jsonl'), '--jobs', str(jobs), '--quiet'],
                               check=False)
                times.append(time.monotonic() - t0)
            best[jobs] = min(times)
            print(f'--jobs {jobs}: {len(pages) / best[jobs]:7.1f} pages/s  {html_mb / best[jobs]:6.1f} MB/s of HTML '
                  f'(best of 3, {best[jobs]:.2f} s)')
        print(f'scaling 1 -> 2 jobs: {best[1] / best[2]:.2f}x')
        if os.path.exists('/usr/bin/time'):
            big = os.path.join(tmp, 'big.warc.gz')
            with open(big, 'wb') as out, open(warc, 'rb') as src:
                data = src.read()
                for _ in range(args.repeat):
                    out.write(data)
            for path, label in ((warc, '1x'), (big, f'{args.repeat}x')):
                p = subprocess.run(['/usr/bin/time', '-f', '%M', args.pith, path, '-o', os.path.join(tmp, 'o.jsonl'),
                                    '--jobs', '2', '--quiet'], capture_output=True)
                kb = int(p.stderr.decode().strip().splitlines()[-1])
                print(f'peak RSS on {label} ({os.path.getsize(path) / 1e6:.0f} MB compressed, '
                      f'{html_mb * (args.repeat if label != "1x" else 1):.0f} MB of HTML): {kb / 1024:.1f} MB')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
