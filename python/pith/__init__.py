"""pith — clean article records from news web pages, text dumps and WARC files.

Python bindings of libpith. The record is a dict with exactly the keys of the
``pith --format json`` record: status, url, title, authors, published,
modified, section, tags, site_name, language, lead, canonical_url, image,
sources, charset, text, field_sources, blocks, comments (plus error and
message when the page failed).

    import pith
    rec = pith.extract(html_bytes, "https://example.com/a")
    print(rec["title"], rec["published"])

Everything runs in C with the GIL released, so threads scale; ``Extractor``
is the reusable, thread-safe form. ``iter_warc`` reads WARC files,
``extract_warc`` extracts every page of one as the CLI does, and
``pith.dask`` spreads many WARC files over a Dask cluster.
"""
import json as _json
from typing import Any, Iterator, Optional, Union


def _find_extension():
    """When this source directory comes first on sys.path but the module was
    built elsewhere (setup.py build_ext --build-lib DIR), add DIR/pith to
    the package path."""
    import importlib.machinery
    import os
    import sys
    here = os.path.dirname(os.path.abspath(__file__))
    for entry in sys.path:
        cand = os.path.join(os.path.abspath(entry or '.'), 'pith')
        if cand == here or not os.path.isdir(cand):
            continue
        if any(f.startswith('_pith.') and f.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))
               for f in os.listdir(cand)):
            __path__.append(cand)
            return


try:
    from . import _pith
except ImportError:
    _find_extension()
    from . import _pith
from ._pith import (  # noqa: F401  (re-exported API)
    HAVE_WARC,
    CharsetError,
    Error,
    ExtractTimeoutError,
    Extractor,
    InternalError,
    InvalidArgumentError,
    NoContentError,
    OutOfMemoryError,
    ParseError,
    ReadError,
    TooBigError,
    TooDeepError,
    WarcReader,
    error_json,
    extract,
    extract_text,
    status_name,
)

__version__ = _pith.__version__

__all__ = [
    'extract', 'extract_text', 'Extractor', 'iter_warc', 'WarcReader', 'extract_warc',
    'WarcExtraction', 'status_name', 'error_json', 'record_kind', 'warc_line_head', 'Error',
    'OutOfMemoryError', 'InvalidArgumentError', 'TooBigError', 'TooDeepError', 'ExtractTimeoutError', 'CharsetError', 'NoContentError',
    'ParseError', 'InternalError', 'ReadError', 'HAVE_WARC', '__version__',
]

# Keywords of extract_warc that are Extractor options.
_EXTRACTION_KEYS = frozenset((
    'comments', 'precision', 'recall', 'metadata', 'strict_limits', 'max_bytes',
    'max_depth', 'max_nodes', 'max_attrs', 'max_formatting', 'timeout_ms', 'max_memory',
    'blocks', 'title',
))


def iter_warc(source: Any, max_payload: int = 0) -> WarcReader:
    """Iterate over the records of a WARC file.

    source is a path (str, bytes or os.PathLike; '-' = stdin) or an open
    file descriptor. Plain, gzip (per record or whole file) and zstd WARCs
    are read. Each record is a dict: type, target_uri, record_id, date,
    date_unix, http_status, content_type, charset, payload (bytes: the HTTP
    body de-chunked and decompressed for response records), offset,
    truncated and error (None, or why the record is broken; reading goes on
    at the next record). A read error that stops the reader raises
    ReadError. The reader is also a context manager.
    """
    return WarcReader(source, max_payload)


# JSON strings of the batch members as the CLI writes them (cli/batch.c
# json_str): '"' and '\\' escaped, other controls and DEL as \u00XX, the rest
# raw UTF-8 (invalid bytes become U+FFFD).
_CLI_ESCAPES = {c: '\\u%04x' % c for c in list(range(0x20)) + [0x7f]}
_CLI_ESCAPES.update({ord('"'): '\\"', ord('\\'): '\\\\'})


def _cli_json_str(s: str) -> str:
    s = s.encode('utf-8', 'surrogateescape').decode('utf-8', 'replace')
    return '"' + s.translate(_CLI_ESCAPES) + '"'


def record_kind(rec: dict) -> 'tuple[Optional[str], Optional[str]]':
    """How the CLI's corpus mode treats a WARC record (cli/batch.c): returns
    (skip_reason, None) or (None, 'html' | 'text').

    response: HTTP 200 only ('http-status'), HTML or XML Content-Type or none
    ('not-html'); resource: HTML/XML, or text/plain in text mode; conversion
    (WET): text mode; empty payloads: 'empty'; warcinfo, request, metadata,
    revisit: skipped under their own name; anything else 'other-record-type'.
    """
    t = rec['type']
    ct = (rec['content_type'] or '').lower()
    html = 'html' in ct or 'xml' in ct
    if t == 'response':
        if rec['http_status'] != 200:
            return 'http-status', None
        if ct and not html:
            return 'not-html', None
        kind = 'html'
    elif t == 'resource':
        if html:
            kind = 'html'
        elif 'text/plain' in ct:
            kind = 'text'
        else:
            return 'not-html', None
    elif t == 'conversion':
        kind = 'text'
    elif t in ('revisit', 'warcinfo', 'request', 'metadata'):
        return t, None
    else:
        return 'other-record-type', None
    return ('empty', None) if not rec['payload'] else (None, kind)


def warc_line_head(source: str, rec: dict, truncated: bool = False) -> str:
    """The members a WARC record's JSON line starts with, as the CLI writes
    them: '{"source":...[,"record_id":...][,"warc_date":...][,"truncated":true]'
    (no closing brace). The single place that decides the layout."""
    head = '{"source":' + _cli_json_str(source)
    if rec.get('record_id'):
        head += ',"record_id":' + _cli_json_str(rec['record_id'])
    if rec.get('date'):
        head += ',"warc_date":' + _cli_json_str(rec['date'])
    if truncated:
        head += ',"truncated":true'
    return head


def _source_name(source: Any) -> str:
    import os
    if isinstance(source, int):
        return 'fd:%d' % source
    s = os.fspath(source)
    return os.fsdecode(s) if isinstance(s, bytes) else s


class WarcExtraction:
    """Iterator over the extracted records of one WARC file, with counts.

    Records are chosen and written as ``pith`` writes them for a WARC (its
    corpus mode): see record_kind() for what is extracted (HTML in HTML
    mode; text/plain resources and WET conversion records in text mode) and
    what is skipped. Each record starts with "source" (the path as given, or
    source_name), "record_id" and "warc_date" (when the WARC has them) and
    "truncated": true when the payload was cut at max_bytes; "url" is the
    WARC-Target-URI, the HTTP charset is the hint (ignored when the library
    does not know it, as browsers do) and the WARC-Date anchors relative
    dates unless ref_time is given. A broken record gives an error record
    (PITH_EIO, "warc: ..."); a read error that stops the reader gives one
    and ends the iteration.

    After (or during) iteration: ``records`` (WARC records read),
    ``extracted`` (records yielded), ``skipped`` and ``errors`` (dicts of
    counts by reason and by error name), or all of them as ``counts``.
    """

    def __init__(self, source, *, format='dict', ref_time=None, extractor=None, max_payload=None,
                 source_name=None, **options):
        if format not in ('dict', 'json', 'jsonl'):
            raise InvalidArgumentError("extract_warc: format must be 'dict' or 'json'")
        if extractor is not None and options:
            raise InvalidArgumentError('extract_warc: give an extractor or options, not both')
        unknown = set(options) - _EXTRACTION_KEYS
        if unknown:
            raise TypeError('extract_warc: unknown option(s): ' + ', '.join(sorted(unknown)))
        self.source = source
        self.source_name = source_name if source_name is not None else _source_name(source)
        self.format = 'json' if format == 'jsonl' else format
        self.ref_time = ref_time
        self.extractor = extractor if extractor is not None else Extractor(**options)
        self.records = 0
        self.extracted = 0
        self.skipped = {}
        self.errors = {}
        if max_payload is None:   # as the CLI: payloads are read up to max_bytes
            max_payload = self.extractor.options['max_bytes']
        self._reader = WarcReader(source, max_payload)
        self._it = self._run()

    def __iter__(self) -> 'WarcExtraction':
        return self

    def __next__(self) -> Union[dict, str]:
        return next(self._it)

    def close(self):
        """Stop reading and close the file."""
        self._it.close()
        self._reader.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def counts(self) -> dict:
        """A summary dict: records, extracted, skipped (by reason), errors (by name)."""
        return {'records': self.records, 'extracted': self.extracted,
                'skipped': dict(self.skipped), 'errors': dict(self.errors)}

    def _count(self, table, key):
        table[key] = table.get(key, 0) + 1

    def _emit(self, head, body):
        """One output record from its head members and a JSON record."""
        self.extracted += 1
        line = head + ',' + body[1:]
        return line if self.format == 'json' else _json.loads(line)

    def _warc_error(self, rec, message):
        self._count(self.errors, 'PITH_EIO')
        body = error_json(10, 'warc: ' + message, rec.get('target_uri') or None)
        return self._emit(warc_line_head(self.source_name, rec), body)

    def _run(self) -> Iterator[Union[dict, str]]:
        ex = self.extractor
        with self._reader as reader:
            while True:
                try:
                    rec = next(reader)
                except StopIteration:
                    return
                except ReadError as e:   # the reader cannot go on
                    self.records += 1
                    yield self._warc_error(e.record or {}, (e.record or {}).get('error') or 'read error')
                    return
                self.records += 1
                if rec['error'] is not None:
                    yield self._warc_error(rec, rec['error'])
                    continue
                skip, kind = record_kind(rec)
                if skip:
                    self._count(self.skipped, skip)
                    continue
                fn = ex.extract if kind == 'html' else ex.extract_text
                ref = self.ref_time if self.ref_time is not None else (rec['date_unix'] or None)
                url = rec['target_uri'] or None
                charset = rec['charset'] or None
                out = fn(rec['payload'], url, format='json', ref_time=ref, charset=charset, raise_on_error=False)
                status = _status_of(out)
                if status == 'PITH_ECHARSET' and charset:
                    # an unknown charset label in an HTTP header: sniff instead
                    out = fn(rec['payload'], url, format='json', ref_time=ref, raise_on_error=False)
                    status = _status_of(out)
                if status != 'ok':
                    self._count(self.errors, status)
                yield self._emit(warc_line_head(self.source_name, rec, rec['truncated']), out)


def _status_of(rendered: str) -> str:
    """The status of a JSON record: libpith writes "status" first,
    {"status":"ok",... or {"status":"PITH_E...",..."""
    return rendered[11:rendered.index('"', 11)]


def extract_warc(source: Any, *, format: str = 'dict', ref_time: Any = None,
                 extractor: Optional[Extractor] = None, max_payload: Optional[int] = None,
                 source_name: Optional[str] = None, **options: Any) -> WarcExtraction:
    """Extract every page of a WARC file as the CLI does; returns a WarcExtraction.

    Iterate over it for the records (dicts, or JSON Lines strings with
    format='json', byte for byte the lines ``pith FILE.warc.gz`` writes),
    then read its ``counts`` (records, extracted, skipped by reason, errors
    by name). options are Extractor options (comments, precision,
    max_bytes, ...), or pass a ready ``extractor``. Opening a missing or
    unreadable file raises ReadError. See WarcExtraction.
    """
    return WarcExtraction(source, format=format, ref_time=ref_time, extractor=extractor,
                          max_payload=max_payload, source_name=source_name, **options)
