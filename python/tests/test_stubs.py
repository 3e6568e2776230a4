"""The type stubs load, cover the extension's public names, and agree with
the runtime signatures (which come from the C docstrings)."""
import importlib.machinery
import importlib.util
import inspect
import os

import pith
from pith import _pith


def load_stub():
    path = os.path.join(os.path.dirname(pith.__file__), '_pith.pyi')
    assert os.path.exists(path), path
    loader = importlib.machinery.SourceFileLoader('pith_stub_under_test', path)
    spec = importlib.util.spec_from_file_location('pith_stub_under_test', path, loader=loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


def params(fn, drop_self=False):
    ps = list(inspect.signature(fn).parameters.values())
    if drop_self:
        ps = ps[1:]
    return [(p.name, p.kind if p.name != 'html' else None, p.default) for p in ps]


def test_stub_covers_public_names():
    stub = load_stub()
    public = [n for n in dir(_pith) if not n.startswith('__') or n == '__version__']
    missing = [n for n in public if not hasattr(stub, n) and n not in stub.__annotations__]
    assert missing == []
    assert os.path.exists(os.path.join(os.path.dirname(pith.__file__), 'py.typed'))


def test_stub_signatures_match_runtime():
    stub = load_stub()
    for name in ('extract', 'extract_text', 'status_name'):
        assert params(getattr(stub, name)) == params(getattr(_pith, name)), name
    for name in ('extract', 'extract_text'):
        assert params(getattr(stub.Extractor, name), True) == params(getattr(_pith.Extractor, name), True), name
    assert params(stub.Extractor.__init__, True) == params(_pith.Extractor)
    assert params(stub.WarcReader.__init__, True) == params(_pith.WarcReader)


def test_stub_error_hierarchy_matches():
    stub = load_stub()
    for name in ('TooBigError', 'CharsetError', 'ReadError', 'OutOfMemoryError', 'InvalidArgumentError'):
        runtime_bases = [b.__name__ for b in getattr(_pith, name).__bases__]
        stub_bases = [b.__name__ for b in getattr(stub, name).__bases__]
        assert stub_bases == runtime_bases, name


def test_everything_documented():
    import pith.dask
    objs = [getattr(pith, n) for n in pith.__all__ if n not in ('HAVE_WARC', '__version__')]
    objs += [pith.Extractor.extract, pith.Extractor.extract_text, pith.WarcReader.close,
             pith.dask.extract_warcs, pith.dask.extract_warc_file, pith.dask.output_name, pith, pith.dask]
    undocumented = [getattr(o, '__name__', o) for o in objs if not (o.__doc__ or '').strip()]
    assert undocumented == []
