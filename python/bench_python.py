#!/usr/bin/env python3
"""bench_python.py — speed of the Python binding (a benchmark, never a test).

    PYTHONPATH=<built package> python3 python/bench_python.py [--speed build/speed]
        [--data ../shared/data] [--rounds 3] [--skip-dask]

Pages: ../shared/data/trafilatura-dev/pages/*.gz and
../shared/data/readability/*/source.html (skips when absent). Measures
 (a) per-page overhead of pith.extract (dict, and JSON str, and JSON parsed
     with json.loads) over the C speed bench (build/speed: pith_extract + JSON
     rendering, same pages, same ref_time), best round of each;
 (b) one Extractor from 2 Python threads vs 1 (target >= 1.8x on 2 cores);
 (0) the machine's own ceiling: two C speed benches at once vs one;
 (c) pith.dask.extract_warcs on a Dask LocalCluster with 2 worker processes
     vs 1, over WARCs built from the pages (target >= 1.6x).
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
import threading
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
REF_TIME = 1700000000  # as bench/speed.c


def load_pages(data):
    pages = []
    for gz in sorted(glob.glob(os.path.join(data, 'trafilatura-dev', 'pages', '*.gz'))):
        with gzip.open(gz, 'rb') as f:
            pages.append(f.read())
    for path in sorted(glob.glob(os.path.join(data, 'readability', '*', 'source.html'))):
        with open(path, 'rb') as f:
            pages.append(f.read())
    return pages


def best(fn, rounds):
    t = float('inf')
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        t = min(t, time.perf_counter() - t0)
    return t


def c_speed(speed, files, rounds):
    """pages/s of build/speed's 'pith end to end' line."""
    out = subprocess.run([speed, '--rounds', str(rounds), *files], capture_output=True, text=True, check=True).stdout
    m = re.search(r'pith end to end\s+([\d.]+) pages/s', out)
    return float(m.group(1))


def bench_overhead(pith, pages, files, speed, rounds):
    import json
    ex = pith.Extractor()
    n = len(pages)

    def run_dict():
        for p in pages:
            ex.extract(p, ref_time=REF_TIME)

    def run_module():
        for p in pages:
            pith.extract(p, ref_time=REF_TIME)

    def run_json():
        for p in pages:
            ex.extract(p, ref_time=REF_TIME, format='json')

    def run_json_loads():
        for p in pages:
            json.loads(ex.extract(p, ref_time=REF_TIME, format='json'))

    # alternate C and Python runs so that clock drift hits both alike
    c_best = 0.0
    t = {'dict': float('inf'), 'module': float('inf'), 'json': float('inf'), 'json_loads': float('inf')}
    for _ in range(2):
        if os.access(speed, os.X_OK):
            c_best = max(c_best, c_speed(speed, files, rounds))
        t['dict'] = min(t['dict'], best(run_dict, rounds))
        t['module'] = min(t['module'], best(run_module, rounds))
        t['json'] = min(t['json'], best(run_json, rounds))
        t['json_loads'] = min(t['json_loads'], best(run_json_loads, rounds))
    print(f'(a) per-page cost, {n} pages, best of {rounds} rounds x 2')
    if c_best:
        print(f'    C speed bench (extract + JSON render)      {c_best:8.1f} pages/s')
    for name, label in (('dict', 'Extractor.extract -> dict'), ('module', 'pith.extract -> dict'),
                        ('json', 'Extractor.extract -> JSON str'),
                        ('json_loads', 'JSON str + json.loads -> dict')):
        rate = n / t[name]
        extra = f'   overhead {100 * (c_best / rate - 1):+5.1f}%' if c_best else ''
        print(f'    {label:<42} {rate:8.1f} pages/s{extra}')


def c_ceiling(speed, files, rounds):
    """What the machine gives two CPU-bound processes: pages/s of one C speed
    bench alone, and the sum of two run at the same time."""
    one = c_speed(speed, files, rounds)
    procs = [subprocess.Popen([speed, '--rounds', str(rounds), *files], stdout=subprocess.PIPE, text=True)
             for _ in range(2)]
    two = 0.0
    for p in procs:
        out = p.communicate()[0]
        two += float(re.search(r'pith end to end\s+([\d.]+) pages/s', out).group(1))
    print(f'(0) machine ceiling: C speed bench 1 process {one:.1f} pages/s, 2 processes at once '
          f'{two:.1f} pages/s in total: {two / one:.2f}x')


def bench_threads(pith, pages, rounds):
    ex = pith.Extractor()

    def run(n_threads):
        def work(k):
            for i in range(k, len(pages), n_threads):
                ex.extract(pages[i], ref_time=REF_TIME)
        threads = [threading.Thread(target=work, args=(k,)) for k in range(n_threads)]
        c0 = time.process_time()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        return time.process_time() - c0

    res = {}
    for n in (1, 2):
        wall, cpu = float('inf'), 0.0
        for _ in range(rounds):
            t0 = time.perf_counter()
            c = run(n)
            t = time.perf_counter() - t0
            if t < wall:
                wall, cpu = t, c
        res[n] = (wall, cpu)
    n = len(pages)
    (t1, c1), (t2, c2) = res[1], res[2]
    print(f'(b) one Extractor, {n} pages: 1 thread {n / t1:.1f} pages/s, 2 threads {n / t2:.1f} pages/s, '
          f'speed-up {t1 / t2:.2f}x (target >= 1.8x)')
    print(f'    CPU per page {1000 * c1 / n:.3f} ms (1 thread) vs {1000 * c2 / n:.3f} ms (2 threads); '
          f'cores kept busy: {c1 / t1:.2f} vs {c2 / t2:.2f}')


def build_warcs(pages, out_dir, n_files):
    paths = []
    for k in range(n_files):
        path = os.path.join(out_dir, f'bench-{k}.warc.gz')
        with open(path, 'wb') as f:
            for i in range(k, len(pages), n_files):
                body = pages[i]
                http = (b'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n' % len(body)) + body
                head = ('WARC/1.1\r\nWARC-Type: response\r\n'
                        f'WARC-Record-ID: <urn:uuid:{uuid.UUID(int=k * 100000 + i)}>\r\n'
                        'WARC-Date: 2023-11-14T22:13:20Z\r\n'
                        f'WARC-Target-URI: https://bench.example/{i}\r\n'
                        'Content-Type: application/http; msgtype=response\r\n'
                        f'Content-Length: {len(http)}\r\n\r\n').encode()
                f.write(gzip.compress(head + http + b'\r\n\r\n', compresslevel=1))
        paths.append(path)
    return paths


def bench_dask(pith, pages, tmp, rounds):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        print('(c) dask/distributed not installed: skipped')
        return
    if not pith.HAVE_WARC:
        print('(c) libpith has no WARC reader yet: skipped')
        return
    from pith.dask import extract_warcs
    paths = build_warcs(pages, tmp, 8)
    times = {}
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            out = os.path.join(tmp, f'out{workers}')
            extract_warcs(paths[:2], client=client, out_dir=out)   # warm up the workers
            times[workers] = best(lambda: extract_warcs(paths, client=client, out_dir=out), rounds)
    n = len(pages)
    print(f'(c) Dask LocalCluster, {len(paths)} WARCs, {n} pages: 1 worker {n / times[1]:.1f} pages/s, '
          f'2 workers {n / times[2]:.1f} pages/s, speed-up {times[1] / times[2]:.2f}x (target >= 1.6x)')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--speed', default=os.path.join(ROOT, 'build', 'speed'))
    ap.add_argument('--data', default=os.path.join(ROOT, '..', 'shared', 'data'))
    ap.add_argument('--rounds', type=int, default=3)
    ap.add_argument('--skip-dask', action='store_true')
    args = ap.parse_args()
    import pith
    pages = load_pages(args.data)
    if not pages:
        print(f'bench_python: no pages under {args.data}: skipped')
        return 0
    tmp = tempfile.mkdtemp(prefix='pith-pybench-')
    try:
        files = []
        for i, p in enumerate(pages):
            files.append(os.path.join(tmp, f'{i}.html'))
            with open(files[-1], 'wb') as f:
                f.write(p)
        print(f'pith {pith.__version__}, {len(pages)} pages, {sum(map(len, pages)) / 1e6:.1f} MB, '
              f'{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.2f} '
              '(scaling figures need idle cores: compare with (0))')
        if os.access(args.speed, os.X_OK):
            c_ceiling(args.speed, files, args.rounds)
        bench_overhead(pith, pages, files, args.speed, args.rounds)
        bench_threads(pith, pages, args.rounds)
        if not args.skip_dask:
            bench_dask(pith, pages, tmp, max(1, args.rounds - 1))
        print(f'load average at the end {os.getloadavg()[0]:.2f}')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
