"""Type stubs for pith._pith, the C extension (re-exported by pith)."""
from __future__ import annotations

import datetime
import os
from typing import Any, Iterator, Literal, Optional, Union

Page = Union[bytes, bytearray, memoryview, str]
RefTime = Union[None, int, float, str, datetime.datetime]
Format = Literal['dict', 'text', 'txt', 'markdown', 'md', 'json', 'jsonl', 'html']
Record = dict[str, Any]

__version__: str
VERSION: int
HAVE_WARC: bool


class Error(Exception):
    """Base of pith's errors."""
    status: int
    name: str
    message: str
    record: Optional[Union[Record, str]]


class OutOfMemoryError(Error, MemoryError): ...
class InvalidArgumentError(Error, ValueError): ...
class TooBigError(Error): ...
class TooDeepError(Error): ...
class ExtractTimeoutError(Error): ...
class CharsetError(Error, LookupError): ...
class NoContentError(Error): ...
class ParseError(Error): ...
class InternalError(Error): ...
class ReadError(Error, OSError): ...


def extract(html: Page, url: Optional[str] = None, *, format: Optional[Format] = 'dict',
            comments: bool = False, ref_time: RefTime = None, charset: Optional[str] = None,
            precision: bool = False, recall: bool = False, metadata: bool = True,
            strict_limits: bool = False, blocks: bool = True, title: bool = True,
            max_bytes: Optional[int] = None, max_depth: Optional[int] = None,
            max_nodes: Optional[int] = None, max_attrs: Optional[int] = None,
            max_formatting: Optional[int] = None, timeout_ms: Optional[int] = None,
            max_memory: Optional[int] = None, raise_on_error: bool = False) -> Any:
    """Extract the article from one HTML page: a dict (format='dict') or a str."""


def extract_text(html: Page, url: Optional[str] = None, *, format: Optional[Format] = 'dict',
                 comments: bool = False, ref_time: RefTime = None, charset: Optional[str] = None,
                 precision: bool = False, recall: bool = False, metadata: bool = True,
                 strict_limits: bool = False, blocks: bool = True, title: bool = True,
                 max_bytes: Optional[int] = None, max_depth: Optional[int] = None,
                 max_nodes: Optional[int] = None, max_attrs: Optional[int] = None,
                 max_formatting: Optional[int] = None, timeout_ms: Optional[int] = None,
                 max_memory: Optional[int] = None, raise_on_error: bool = False) -> Any:
    """Extract the article from the plain text of one page (text mode)."""


def status_name(status: int, /) -> str:
    """The symbolic name of a pith status code."""


def error_json(status: int, message: Optional[str] = None, url: Optional[str] = None) -> str:
    """The library's JSON error record (pith_error_json)."""


def _extractor_from_options(options: dict[str, Any], /) -> Extractor: ...


class Extractor:
    """A reusable, thread-safe extractor with fixed options."""

    def __init__(self, *, comments: bool = False, precision: bool = False, recall: bool = False,
                 metadata: bool = True, strict_limits: bool = False,
                 max_bytes: Optional[int] = None, max_depth: Optional[int] = None,
                 max_nodes: Optional[int] = None, max_attrs: Optional[int] = None,
                 max_formatting: Optional[int] = None, timeout_ms: Optional[int] = None,
                 max_memory: Optional[int] = None, format: Optional[Format] = 'dict',
                 blocks: bool = True, title: bool = True, raise_on_error: bool = False) -> None: ...

    def extract(self, html: Page, url: Optional[str] = None, *, format: Optional[Format] = None,
                ref_time: RefTime = None, charset: Optional[str] = None, blocks: Optional[bool] = None,
                title: Optional[bool] = None, raise_on_error: Optional[bool] = None) -> Any:
        """Extract one HTML page with this extractor's options."""

    def extract_text(self, html: Page, url: Optional[str] = None, *, format: Optional[Format] = None,
                     ref_time: RefTime = None, charset: Optional[str] = None, blocks: Optional[bool] = None,
                     title: Optional[bool] = None, raise_on_error: Optional[bool] = None) -> Any:
        """Extract the plain text of one page with this extractor's options."""

    @property
    def options(self) -> dict[str, Any]: ...
    @property
    def idle(self) -> int: ...


class WarcReader(Iterator[Record]):
    """Iterator over the records of a WARC file."""

    def __init__(self, source: Union[str, bytes, os.PathLike[str], int], max_payload: int = 0) -> None: ...
    def __iter__(self) -> WarcReader: ...
    def __next__(self) -> Record: ...
    def close(self) -> None: ...
    def __enter__(self) -> WarcReader: ...
    def __exit__(self, *exc: object) -> None: ...
    @property
    def bytes_read(self) -> int: ...
