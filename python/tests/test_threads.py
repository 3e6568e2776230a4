"""Extractor from several threads: identical results to sequential runs,
and the GIL is released during extraction (correctness only, no timing)."""
import threading

import pith
from helpers import COMMENTS, PARAS, article


def pages(n=48):
    """n distinct pages: varying titles, bodies, comments and sizes."""
    out = []
    for i in range(n):
        paras = [f'{p} Update {i}.{k}.' for k, p in enumerate(PARAS)] * (1 + i % 4)
        out.append(article(f'Harbor story number {i} about the ferries', paras,
                           comments=COMMENTS if i % 3 == 0 else None).encode())
    return out


def run_threads(ex, docs, n_threads, **kw):
    """Extract docs with n_threads threads (interleaved slices); results in input order."""
    results = [None] * len(docs)
    errors = []

    def work(start):
        try:
            for i in range(start, len(docs), n_threads):
                results[i] = ex.extract(docs[i], f'https://harbor.example/{i}', ref_time=1714600000, **kw)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    return results


def test_four_threads_match_sequential():
    docs = pages()
    ex = pith.Extractor(comments=True)
    sequential = [ex.extract(d, f'https://harbor.example/{i}', ref_time=1714600000) for i, d in enumerate(docs)]
    assert ex.idle == 1                       # one thread: one C extractor, reused
    for _ in range(3):
        assert run_threads(ex, docs, 4) == sequential
    assert sequential[5]['title'] == 'Harbor story number 5 about the ferries'
    assert sequential[3]['comments'] and not sequential[4]['comments']
    texts = run_threads(ex, docs, 4, format='text')
    assert texts == [ex.extract(d, f'https://harbor.example/{i}', ref_time=1714600000, format='text')
                     for i, d in enumerate(docs)]


def test_module_extract_from_threads():
    docs = pages(24)
    sequential = [pith.extract(d, f'https://harbor.example/{i}', ref_time=1714600000) for i, d in enumerate(docs)]

    class Module:
        extract = staticmethod(pith.extract)

    assert run_threads(Module, docs, 4) == sequential


def test_gil_released_during_extraction():
    # If pith_extract ran with the GIL held, one call would take and give back
    # its C extractor without any other thread running in between, and the
    # pool would never hold more than one. Two extractors in the pool prove
    # two calls were inside the C code at the same time.
    big = article('A long page', [p * 8 for p in PARAS] * 60).encode()
    ex = pith.Extractor()
    for _ in range(5):
        run_threads(ex, [big] * 16, 4)
        if ex.idle >= 2:
            break
    assert ex.idle >= 2
