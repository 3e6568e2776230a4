#!/usr/bin/env python3
"""Speed bench over the shared corpora: prepares the pages (gunzip) and runs
build/speed on them, single thread, in-process. Skips when the data is absent.

    bench/speed.py [--speed build/speed] [--data ../shared/data] [--rounds 3]
"""
import argparse
import glob
import gzip
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--speed', default=os.path.join(ROOT, 'build', 'speed'))
    ap.add_argument('--data', default=os.path.join(ROOT, '..', 'shared', 'data'))
    ap.add_argument('--rounds', default='3')
    args = ap.parse_args()
    if not os.path.isdir(args.data):
        print(f'speed bench: no data at {args.data}: skipped')
        return 0
    tmp = tempfile.mkdtemp(prefix='pith-speed-')
    try:
        files = []
        for i, gz in enumerate(sorted(glob.glob(os.path.join(args.data, 'trafilatura-dev', 'pages', '*.gz')))):
            dst = os.path.join(tmp, f'{i}.html')
            with gzip.open(gz, 'rb') as f, open(dst, 'wb') as g:
                g.write(f.read())
            files.append(dst)
        files += sorted(glob.glob(os.path.join(args.data, 'readability', '*', 'source.html')))
        if not files:
            print('speed bench: no pages found: skipped')
            return 0
        return subprocess.run([args.speed, '--rounds', args.rounds, *files]).returncode
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
