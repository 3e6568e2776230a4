#!/usr/bin/env python3
"""Quality evaluation of pith over the shared corpora, scored by their owners' rules.

    bench/eval.py --pith build/pith [--data ../shared/data] [--check]

Runs the pith CLI (JSON output) over
  - trafilatura-dev: pages/*.html.gz, scored with `score.py segments`
  - readability: */source.html, scored with `score.py readability`
  - metadata: title / author / date against trafilatura-dev's hand annotations,
    and title / byline / published time against Readability.js's own output
    (a tool's answer, used to find misses)
  - text mode (--input text) over `w3m -dump` of trafilatura-dev pages when w3m
    is installed, scored with `score.py segments`
writes predictions as JSON Lines under bench/out/, prints the scores, and
with --check compares them with the floors in bench/floors.json (exit 1 when
any figure is below its floor). A corpus that is absent is skipped with a note.
The URL is never passed to pith: scores come from the HTML alone.
"""
import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


MODE = []  # extra flags for the HTML corpora (--mode)


def run_pith(pith, files, extra=()):
    """Run pith over files in batches; return {path: record}."""
    out = {}
    batch = 200
    for i in range(0, len(files), batch):
        chunk = files[i:i + batch]
        env = dict(os.environ)
        env.setdefault('ASAN_OPTIONS', 'exitcode=86:detect_leaks=1')
        env.setdefault('UBSAN_OPTIONS', 'halt_on_error=1:exitcode=87:print_stacktrace=1')
        p = subprocess.run([pith, '--format', 'json', '--quiet', *extra, *chunk],
                           capture_output=True, timeout=1800, env=env)
        if p.returncode not in (0, 1):
            # a crash or a sanitizer report is a failure of the whole evaluation
            sys.exit(f'pith exited {p.returncode} on a batch starting at {chunk[0]}:\n'
                     f'{p.stderr.decode("utf-8", "replace")[-3000:]}')
        for line in p.stdout.decode('utf-8').splitlines():
            rec = json.loads(line)  # invalid JSON is a bug: let it raise
            out[rec['source']] = rec
    return out


def score(mode, truth, pred_path):
    p = subprocess.run([sys.executable, os.path.join(SHARED, 'tools', 'score.py'), mode, truth, pred_path],
                       capture_output=True, text=True, check=True)
    vals = {}
    for line in p.stdout.splitlines():
        parts = line.split()
        if len(parts) == 2:
            try:
                vals[parts[0]] = float(parts[1])
            except ValueError:
                pass
    return vals, p.stdout


def norm(s):
    s = unicodedata.normalize('NFKC', s or '')
    return re.sub(r'\s+', ' ', s).strip()


def tokens(s):
    return re.findall(r'\w+', norm(s).lower())


def token_f1(a, b):
    ta, tb = tokens(a), tokens(b)
    if not ta and not tb:
        return 1.0
    if not ta or not tb:
        return 0.0
    from collections import Counter
    common = sum((Counter(ta) & Counter(tb)).values())
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def author_set(s):
    if isinstance(s, list):
        items = s
    else:
        items = re.split(r';|,| and | und | & ', s or '')
    return {norm(x).lower() for x in items if norm(x)}


class Meta:
    def __init__(self):
        self.n = {}
        self.sum = {}

    def add(self, key, val):
        self.n[key] = self.n.get(key, 0) + 1
        self.sum[key] = self.sum.get(key, 0.0) + val

    def report(self, name):
        res = {}
        for k in sorted(self.n):
            res[k] = self.sum[k] / self.n[k]
            print(f'  {name} {k:<18} {res[k]:.4f}  (n={self.n[k]})')
        return res


def eval_trafilatura(pith, data, outdir, results, verbose):
    d = os.path.join(data, 'trafilatura-dev')
    ann_path = os.path.join(d, 'annotations.json')
    if not os.path.exists(ann_path):
        print('trafilatura-dev: absent, skipped')
        return
    ann = json.load(open(ann_path, encoding='utf-8'))
    tmp = tempfile.mkdtemp(prefix='pith-eval-')
    try:
        files, by_file = [], {}
        for url, item in ann.items():
            src = os.path.join(d, 'pages', item['file'])
            dst = os.path.join(tmp, item['file'][:-3] if item['file'].endswith('.gz') else item['file'])
            with gzip.open(src, 'rb') as f, open(dst, 'wb') as g:
                g.write(f.read())
            files.append(dst)
            by_file[dst] = url
        recs = run_pith(pith, files, MODE)
        pred = os.path.join(outdir, 'trafilatura-dev.jsonl')
        with open(pred, 'w', encoding='utf-8') as f:
            for path, url in by_file.items():
                rec = recs.get(path, {})
                f.write(json.dumps({'id': url, 'text': rec.get('text'), 'title': rec.get('title'),
                                    'authors': rec.get('authors'), 'published': rec.get('published')},
                                   ensure_ascii=False) + '\n')
        vals, text = score('segments', ann_path, pred)
        print('trafilatura-dev (segments):')
        print('  ' + text.strip().replace('\n', '\n  '))
        results['trafilatura.f1'] = vals.get('F1', 0.0)
        results['trafilatura.precision'] = vals.get('precision', 0.0)
        results['trafilatura.recall'] = vals.get('recall', 0.0)
        # metadata against the owners' hand annotations
        m = Meta()
        for path, url in by_file.items():
            item, rec = ann[url], recs.get(path, {})
            if 'title' in item:
                m.add('title.exact', float(norm(rec.get('title')) == norm(item['title'])))
                m.add('title.token_f1', token_f1(rec.get('title') or '', item['title']))
            if 'author' in item:
                want, got = author_set(item['author']), author_set(rec.get('authors') or [])
                m.add('authors.set_exact', float(want == got))
                m.add('authors.token_f1', token_f1(' '.join(sorted(got)), ' '.join(sorted(want))))
            if 'date' in item:
                got = (rec.get('published') or '')[:10]
                m.add('date.same_day', float(got == item['date']))
        print('trafilatura-dev metadata (hand annotations):')
        for k, v in m.report('').items():
            results['trafilatura.meta.' + k] = v
        if shutil.which('w3m'):
            eval_textmode(pith, files, by_file, ann_path, outdir, results, tmp)
        else:
            print('text mode over w3m dumps: w3m not installed, skipped')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def eval_textmode(pith, files, by_file, ann_path, outdir, results, tmp):
    dumps = []
    for path in files:
        txt = path + '.txt'
        with open(txt, 'wb') as f:
            subprocess.run(['w3m', '-dump', '-T', 'text/html', '-cols', '200', '-O', 'UTF-8', path],
                           stdout=f, stderr=subprocess.DEVNULL, timeout=60)
        dumps.append(txt)
    raw = os.path.join(outdir, 'w3m-raw.jsonl')
    with open(raw, 'w', encoding='utf-8') as f:
        for path in files:
            f.write(json.dumps({'id': by_file[path], 'text': open(path + '.txt', encoding='utf-8',
                                                                   errors='replace').read()},
                               ensure_ascii=False) + '\n')
    recs = run_pith(pith, dumps, ['--input', 'text'])
    pred = os.path.join(outdir, 'textmode-w3m.jsonl')
    with open(pred, 'w', encoding='utf-8') as f:
        for path in files:
            rec = recs.get(path + '.txt', {})
            f.write(json.dumps({'id': by_file[path], 'text': rec.get('text')}, ensure_ascii=False) + '\n')
    rv, _ = score('segments', ann_path, raw)
    vals, text = score('segments', ann_path, pred)
    print(f'text mode on w3m -dump of trafilatura-dev (segments; the raw dump scores F1 {rv.get("F1", 0):.4f}):')
    print('  ' + text.strip().replace('\n', '\n  '))
    results['textmode_w3m.f1'] = vals.get('F1', 0.0)


def eval_readability(pith, data, outdir, results):
    d = os.path.join(data, 'readability')
    if not os.path.isdir(d):
        print('readability: absent, skipped')
        return
    names = sorted(n for n in os.listdir(d) if os.path.exists(os.path.join(d, n, 'source.html')))
    files = [os.path.join(d, n, 'source.html') for n in names]
    recs = run_pith(pith, files, MODE)
    pred = os.path.join(outdir, 'readability.jsonl')
    m = Meta()
    with open(pred, 'w', encoding='utf-8') as f:
        for n, path in zip(names, files):
            rec = recs.get(path, {})
            f.write(json.dumps({'id': n, 'text': rec.get('text')}, ensure_ascii=False) + '\n')
            mp = os.path.join(d, n, 'expected-metadata.json')
            if os.path.exists(mp):
                exp = json.load(open(mp, encoding='utf-8'))
                if exp.get('title'):
                    m.add('title.exact', float(norm(rec.get('title')) == norm(exp['title'])))
                    m.add('title.token_f1', token_f1(rec.get('title') or '', exp['title']))
                if exp.get('byline'):
                    m.add('byline.token_f1', token_f1(' '.join(rec.get('authors') or []), exp['byline']))
                if exp.get('publishedTime'):
                    m.add('published.same_day', float((rec.get('published') or '')[:10] == exp['publishedTime'][:10]))
                if exp.get('lang'):
                    m.add('language.primary', float((rec.get('language') or '').split('-')[0].lower() ==
                                                    exp['lang'].split('-')[0].lower()))
                if exp.get('siteName'):
                    m.add('site_name.exact', float(norm(rec.get('site_name')) == norm(exp['siteName'])))
                if exp.get('excerpt'):
                    m.add('lead.token_f1', token_f1(rec.get('lead') or '', exp['excerpt']))
    vals, text = score('readability', d, pred)
    print('readability (4-word shingles vs expected.html):')
    print('  ' + text.strip().replace('\n', '\n  '))
    results['readability.f1'] = vals.get('F1', 0.0)
    print('readability metadata (vs Readability.js output):')
    for k, v in m.report('').items():
        results['readability.meta.' + k] = v


def main():
    global SHARED
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--pith', default=os.path.join(ROOT, 'build', 'pith'))
    ap.add_argument('--data', default=os.path.join(ROOT, '..', 'shared', 'data'))
    ap.add_argument('--check', action='store_true', help='fail when a score is below bench/floors.json')
    ap.add_argument('--only', choices=['trafilatura', 'readability'])
    ap.add_argument('-v', '--verbose', action='store_true')
    ap.add_argument('--mode', choices=['precision', 'recall'],
                    help='run pith with --precision or --recall (HTML corpora only; floors do not apply)')
    args = ap.parse_args()
    global MODE
    MODE = ['--' + args.mode] if args.mode else []
    if args.mode:
        args.check = False
    SHARED = os.path.dirname(os.path.abspath(args.data))
    if not os.path.isdir(args.data):
        print(f'evaluation data not found at {args.data}: skipped')
        return 0
    outdir = os.path.join(HERE, 'out')
    os.makedirs(outdir, exist_ok=True)
    results = {}
    if args.only in (None, 'trafilatura'):
        eval_trafilatura(args.pith, args.data, outdir, results, args.verbose)
    if args.only in (None, 'readability'):
        eval_readability(args.pith, args.data, outdir, results)
    with open(os.path.join(outdir, 'results.json'), 'w') as f:
        json.dump(results, f, indent=1, sort_keys=True)
    if args.check:
        floors = json.load(open(os.path.join(HERE, 'floors.json')))
        bad = [f'{k}: {results.get(k, 0.0):.4f} < floor {v:.4f}' for k, v in floors.items()
               if k in results and results[k] + 1e-9 < v]
        missing = [k for k in floors if k not in results]
        for k in missing:
            print(f'note: {k} not measured in this run (corpus or tool absent)')
        if bad:
            print('BELOW FLOOR:\n  ' + '\n  '.join(bad))
            return 1
        print(f'eval: {len(floors) - len(missing)} floors held')
    return 0


SHARED = ''
if __name__ == '__main__':
    sys.exit(main())
