"""pith.dask — extract many WARC files on a Dask cluster.

One task per WARC file. Each task runs pith.extract_warc on its file and
writes the records next to each other in one output file named after the
input (JSON Lines, or Parquet when pyarrow is installed), then returns a
summary. Every line is exactly the line the single-process
``pith.extract_warc(path, format='json')`` gives — and the line the CLI
(``pith FILE.warc.gz ... -o out.jsonl``) writes — so the outputs of all
tasks, taken in input order, equal a single-process run line for line.

    from dask.distributed import Client, LocalCluster
    from pith.dask import extract_warcs
    with Client(LocalCluster(n_workers=2)) as client:
        summaries = extract_warcs(paths, client=client, out_dir='out')
"""
import os
import time
from typing import Any, Iterable, Optional

import pith

__all__ = ['extract_warcs', 'extract_warc_file', 'output_name', 'warc_lines']

_WARC_SUFFIXES = ('.warc.gz', '.warc.zst', '.warc', '.arc.gz', '.gz', '.zst')
_LOCAL_SCHEDULERS = ('threads', 'processes', 'sync', 'synchronous', 'single-threaded')


def output_name(path: Any, fmt: str = 'jsonl') -> str:
    """The output file name for one input: its base name without the WARC
    and compression suffixes, plus '.jsonl' or '.parquet'."""
    base = os.path.basename(os.fspath(path))
    for suffix in _WARC_SUFFIXES:
        if base.lower().endswith(suffix) and len(base) > len(suffix):
            base = base[:-len(suffix)]
            break
    return base + ('.parquet' if fmt == 'parquet' else '.jsonl')


def _output_paths(paths, out_dir, fmt):
    """One output path per input; inputs with the same base name get -2, -3..."""
    seen = {}
    out = []
    for p in paths:
        name = output_name(p, fmt)
        n = seen.get(name, 0) + 1
        seen[name] = n
        if n > 1:
            stem, ext = os.path.splitext(name)
            name = f'{stem}-{n}{ext}'
        out.append(os.path.join(out_dir, name))
    return out


def _write_parquet(path, lines):
    import json

    import pyarrow as pa
    import pyarrow.parquet as pq
    rows = [json.loads(line) for line in lines]
    table = pa.Table.from_pylist(rows) if rows else pa.table({})
    pq.write_table(table, path)


def _open(path, options):
    """(WarcExtraction or None, iterable of JSON lines) for one input. As the
    CLI does, an input that cannot be opened gives one error record."""
    try:
        run = pith.extract_warc(path, format='json', **options)
        return run, run
    except pith.ReadError as e:
        reason = os.strerror(e.errno) if getattr(e, 'errno', None) else e.message
        line = pith.warc_line_head(path, {}) + ',' + pith.error_json(10, 'cannot open WARC: ' + reason)[1:]
        return None, [line]


def extract_warc_file(path: str, out_path: str, fmt: str = 'jsonl', options: Optional[dict] = None) -> dict:
    """Extract one WARC file into out_path (JSON Lines or Parquet); the task
    that extract_warcs runs on a worker. Written to a temporary name first and
    renamed, so a failed task leaves no partial output. Returns the summary:
    input, output, records (lines written), warc_records, skipped (by
    reason), errors (by name), seconds."""
    t0 = time.perf_counter()
    run, lines = _open(path, options or {})
    tmp = out_path + '.part'
    try:
        if fmt == 'parquet':
            _write_parquet(tmp, list(lines))
        else:
            with open(tmp, 'w', encoding='utf-8', newline='\n') as f:
                for line in lines:
                    f.write(line)
                    f.write('\n')
        os.replace(tmp, out_path)
    except BaseException:
        if run is not None:
            run.close()
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    c = run.counts if run is not None else {'extracted': 1, 'records': 0, 'skipped': {},
                                            'errors': {'PITH_EIO': 1}}
    return {'input': os.fspath(path), 'output': out_path, 'records': c['extracted'],
            'warc_records': c['records'], 'skipped': c['skipped'], 'errors': c['errors'],
            'seconds': round(time.perf_counter() - t0, 6)}


def warc_lines(paths: Iterable[Any], **options: Any) -> 'list[str]':
    """The single-process reference: every JSON line of every input, in input
    order, as extract_warcs writes them (and as ``pith PATHS... -o out.jsonl``
    does)."""
    out = []
    for p in paths:
        out += _open(os.fspath(p), options)[1]
    return out


def _default_client():
    """The current dask.distributed client, or None."""
    try:
        from distributed import get_client
    except ImportError:
        return None
    try:
        return get_client()
    except ValueError:
        return None


def extract_warcs(paths: Iterable[Any], client: Any = None, out_dir: str = 'pith-out', format: str = 'jsonl',
                  **options: Any) -> 'list[dict]':
    """Extract WARC files in parallel on Dask, one task per file.

    paths: WARC files (paths as the workers see them). client: a
    dask.distributed Client; a scheduler address ('tcp://host:8786'); None
    for the current client, else a new LocalCluster (closed afterwards); or
    the name of a local Dask scheduler without distributed ('threads' —
    fine, since extraction releases the GIL — 'processes', 'sync').
    out_dir: where the outputs go (created; must be shared with the workers).
    format: 'jsonl' or 'parquet' (needs pyarrow on the workers).
    options: pith.extract_warc options (comments, max_bytes, ref_time, ...).

    Returns one summary dict per input, in input order: input, output,
    records, warc_records, skipped (by reason), errors (by name), seconds.
    """
    if format not in ('jsonl', 'parquet'):
        raise pith.InvalidArgumentError("format must be 'jsonl' or 'parquet'")
    if format == 'parquet':
        import importlib.util
        if importlib.util.find_spec('pyarrow') is None:   # fail here, not on every worker
            raise ImportError("format='parquet' needs pyarrow")
    paths = [os.fspath(p) for p in paths]
    os.makedirs(out_dir, exist_ok=True)
    outs = _output_paths(paths, os.path.abspath(out_dir), format)
    if not paths:
        return []

    if isinstance(client, str) and client in _LOCAL_SCHEDULERS:
        import dask
        tasks = [dask.delayed(extract_warc_file, pure=False)(p, o, format, options)
                 for p, o in zip(paths, outs)]
        return list(dask.compute(*tasks, scheduler=client))

    own = None
    if client is None:
        client = _default_client()
        if client is None:
            from distributed import Client, LocalCluster
            own = client = Client(LocalCluster())
    elif isinstance(client, str):
        from distributed import Client
        own = client = Client(client)
    try:
        futures = client.map(extract_warc_file, paths, outs, [format] * len(paths),
                             [options] * len(paths), pure=False)
        return client.gather(futures)
    finally:
        if own is not None:
            cluster = getattr(own, 'cluster', None)
            own.close()
            if cluster is not None:
                cluster.close()
