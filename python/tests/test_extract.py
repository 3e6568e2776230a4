"""pith.extract / extract_text on pages written here: fields, furniture,
comments, formats, str vs bytes, charsets, ref_time, errors."""
import datetime
import json
import subprocess

import pytest

import pith
from helpers import COMMENTS, PARAS, article, cli_path

URL = 'https://harbor.example/news/ferry'
KEYS = ['status', 'url', 'title', 'authors', 'published', 'modified', 'section', 'tags', 'site_name',
        'language', 'lead', 'canonical_url', 'image', 'sources', 'charset', 'text', 'field_sources',
        'blocks', 'comments']

UK_PARAS = [
    'Міська рада ухвалила новий розклад руху поромів на літо, повідомили в транспортному '
    'управлінні в понеділок після року скарг.',
    'Перший пором вирушатиме о шостій ранку, а останній залишатиме міський причал о пів на '
    'першу ночі у пятницю та суботу.',
    'Два нові пороми, замовлені минулого року, приєднаються до флоту в травні й дозволять '
    'додаткові рейси.',
]
UK_TITLE = 'Пороми курсуватимуть частіше влітку'


def test_title_body_and_metadata():
    rec = pith.extract(article().encode(), URL, ref_time='2024-05-03')
    assert list(rec) == KEYS
    assert rec['status'] == 'ok'
    assert rec['url'] == URL
    assert rec['title'] == 'Harbor ferry timetable changes for summer'
    assert rec['authors'] == ['Ann Lee']
    assert rec['published'] == '2024-05-02T08:30:00+00:00'
    assert rec['site_name'] == 'Harbor Herald'
    assert rec['language'] == 'en'
    assert rec['charset'] == 'utf-8'
    assert rec['text'] == '\n'.join(PARAS)
    assert [b['kind'] for b in rec['blocks']] == ['paragraph'] * len(PARAS)
    assert [b['text'] for b in rec['blocks']] == PARAS
    assert rec['field_sources']['published'] == 'opengraph'
    assert rec['comments'] == []


def test_furniture_left_out():
    text = pith.extract(article(comments=COMMENTS))['text']
    for furniture in ('cookies', 'Share on Facebook', 'Sport', 'Bridge repairs delayed', 'Privacy policy',
                      'All rights reserved', 'Read more', COMMENTS[0]):
        assert furniture not in text


def test_comments_option():
    page = article(comments=COMMENTS)
    without = pith.extract(page)
    with_c = pith.extract(page, comments=True)
    assert without['comments'] == []
    assert COMMENTS[0] in with_c['comments'] and COMMENTS[1] in with_c['comments']
    assert COMMENTS[0] not in with_c['text']          # comments stay out of the body
    assert with_c['text'] == without['text']
    assert COMMENTS[1] in pith.extract(page, comments=True, format='text')
    assert COMMENTS[1] not in pith.extract(page, format='text')


def test_dict_equals_json_record():
    for page in (article(), article(comments=COMMENTS), '<p>x</p>', article(paras=[])):
        for comments in (False, True):
            d = pith.extract(page, URL, comments=comments, ref_time=1714600000)
            j = pith.extract(page, URL, comments=comments, ref_time=1714600000, format='json')
            assert isinstance(j, str) and '\n' not in j
            assert json.loads(j) == d


@pytest.mark.skipif(cli_path() is None, reason='PITH_CLI not set')
def test_same_record_as_cli():
    page = article(comments=COMMENTS).encode()
    out = subprocess.run([cli_path(), '--format', 'json', '--url', URL, '--ref-time', '2024-05-03T00:00:00Z',
                          '--comments', '-'], input=page, capture_output=True, check=True).stdout
    cli = json.loads(out)
    rec = pith.extract(page, URL, ref_time='2024-05-03T00:00:00Z', comments=True)
    assert rec == cli
    assert list(rec) == list(cli)  # same key order too


@pytest.mark.skipif(cli_path() is None, reason='PITH_CLI not set')
def test_version_matches_cli():
    out = subprocess.run([cli_path(), '--version'], capture_output=True, text=True, check=True).stdout
    assert out.strip() == 'pith ' + pith.__version__


def test_version():
    parts = pith.__version__.split('.')
    assert len(parts) == 3 and all(p.isdigit() for p in parts)


def test_formats():
    page = article()
    text = pith.extract(page, format='text')
    assert text.startswith('Harbor ferry timetable changes for summer\n')
    assert PARAS[2] in text
    md = pith.extract(page, format='markdown')
    assert md.startswith('# Harbor ferry timetable changes for summer')
    assert pith.extract(page, format='md') == md
    html = pith.extract(page, format='html')
    assert '<h1>Harbor ferry timetable changes for summer</h1>' in html and '<p>' + PARAS[0] in html
    body_only = pith.extract(page, format='text', title=False)
    assert not body_only.startswith('Harbor ferry') and body_only.startswith(PARAS[0])
    assert json.loads(pith.extract(page, format='json'))['title'] == 'Harbor ferry timetable changes for summer'
    no_blocks = pith.extract(page, blocks=False)
    assert 'blocks' not in no_blocks and no_blocks['text'] == '\n'.join(PARAS)
    assert 'blocks' not in json.loads(pith.extract(page, format='json', blocks=False))
    with pytest.raises(pith.InvalidArgumentError) as e:
        pith.extract(page, format='yaml')
    assert isinstance(e.value, ValueError) and 'yaml' in str(e.value)


def test_str_bytes_and_buffers_agree():
    page = article(title='Café owners welcome the later ferries – «finally»')
    a = pith.extract(page, URL)
    b = pith.extract(page.encode('utf-8'), URL)
    c = pith.extract(bytearray(page.encode('utf-8')), URL)
    d = pith.extract(memoryview(page.encode('utf-8')), URL)
    assert a['title'] == 'Café owners welcome the later ferries – «finally»'
    assert a == b == c == d
    with pytest.raises(TypeError):
        pith.extract(12345)


def test_windows_1251_bytes():
    page = article(UK_TITLE, UK_PARAS, author='Олена Коваль', charset='windows-1251')
    raw = page.encode('cp1251')
    rec = pith.extract(raw)                      # declared by <meta charset>
    assert rec['title'] == UK_TITLE
    assert rec['charset'] == 'windows-1251'
    assert rec['authors'] == ['Олена Коваль']
    assert rec['text'] == '\n'.join(UK_PARAS)
    bare = article(UK_TITLE, UK_PARAS, meta_charset=False).encode('cp1251')
    hinted = pith.extract(bare, charset='windows-1251')   # as an HTTP header would give it
    assert hinted['title'] == UK_TITLE and hinted['charset'] == 'windows-1251'
    wrong = pith.extract(bare, charset='koi8-r')          # the hint is obeyed
    assert wrong['charset'] == 'koi8-r' and wrong['title'] != UK_TITLE
    as_str = pith.extract(page)                           # str: already decoded, meta ignored
    assert as_str['title'] == UK_TITLE and as_str['charset'] == 'utf-8'
    assert as_str['text'] == rec['text']


def test_unknown_charset():
    rec = pith.extract(b'<p>hello</p>', charset='no-such-charset')
    assert rec['status'] == 'PITH_ECHARSET' and rec['error'] == 'PITH_ECHARSET'
    with pytest.raises(pith.CharsetError) as e:
        pith.extract(b'<p>hello</p>', charset='no-such-charset', raise_on_error=True)
    assert isinstance(e.value, LookupError) and e.value.status == 6


def test_ref_time_forms():
    page = article(extra_body='').replace('<div class="byline">By Ann Lee</div>',
                                          '<div class="byline">By Ann Lee</div><div class="date">Published 3 hours ago</div>')
    page = page.replace('<meta property="article:published_time" content="2024-05-02T08:30:00Z">', '')
    expect = '2024-05-01T09:00:00+00:00'
    utc_noon = datetime.datetime(2024, 5, 1, 12, 0, tzinfo=datetime.timezone.utc)
    forms = [1714564800, 1714564800.7, '1714564800', '2024-05-01T12:00:00Z', '2024-05-01T14:00:00+02:00',
             '2024-05-01 12:00', utc_noon, utc_noon.replace(tzinfo=None),
             utc_noon.astimezone(datetime.timezone(datetime.timedelta(hours=-5)))]
    for form in forms:
        assert pith.extract(page, ref_time=form)['published'] == expect, form
    assert pith.extract(page, ref_time='2024-05-02')['published'] == '2024-05-01T21:00:00+00:00'
    for bad in ('yesterday', '2024-13-01', '2023-02-29', '2024-05-01T25:00'):
        with pytest.raises(pith.InvalidArgumentError):
            pith.extract(page, ref_time=bad)
    with pytest.raises(TypeError):
        pith.extract(page, ref_time=[2024])


def test_too_big_is_a_record_by_default():
    rec = pith.extract(article(), URL, max_bytes=100)
    assert rec['status'] == 'PITH_ETOOBIG' and rec['error'] == 'PITH_ETOOBIG'
    assert rec['message'] and rec['url'] == URL and rec['text'] == ''
    j = json.loads(pith.extract(article(), URL, max_bytes=100, format='json'))
    assert j == rec


def test_raise_on_error():
    with pytest.raises(pith.TooBigError) as e:
        pith.extract(article(), URL, max_bytes=100, raise_on_error=True)
    err = e.value
    assert isinstance(err, pith.Error)
    assert err.status == 3 and err.name == 'PITH_ETOOBIG'
    assert err.message == str(err) and 'max-bytes' in err.message
    assert err.record['error'] == 'PITH_ETOOBIG'
    with pytest.raises(pith.NoContentError) as e:
        pith.extract('<html><head><title>Empty</title></head><body></body></html>', raise_on_error=True)
    assert e.value.record['title'] == 'Empty'
    rec = pith.extract('<html><head><title>Empty</title></head><body></body></html>')
    assert rec['status'] == 'PITH_ENOCONTENT' and rec['title'] == 'Empty'
    ex = pith.Extractor(max_bytes=100, raise_on_error=True)
    with pytest.raises(pith.TooBigError):
        ex.extract(article())
    assert ex.extract(article(), raise_on_error=False)['error'] == 'PITH_ETOOBIG'
    assert pith.extract(article(), raise_on_error=True)['status'] == 'ok'


def test_invalid_options_raise():
    with pytest.raises(pith.InvalidArgumentError) as e:
        pith.extract(article(), max_depth=1)
    assert 'max_depth' in str(e.value) and isinstance(e.value, ValueError) and e.value.status == 2
    with pytest.raises(pith.InvalidArgumentError) as e:
        pith.Extractor(precision=True, recall=True)
    assert 'precision' in str(e.value)
    with pytest.raises(pith.InvalidArgumentError):
        pith.Extractor(max_bytes=0)
    with pytest.raises(pith.InvalidArgumentError):
        pith.extract(article(), max_nodes=-1)
    with pytest.raises(TypeError):
        pith.extract(article(), max_bytes='big')
    with pytest.raises(TypeError):
        pith.Extractor(no_such_option=True)


def test_error_classes():
    pairs = {pith.OutOfMemoryError: 'PITH_ENOMEM', pith.InvalidArgumentError: 'PITH_EINVAL',
             pith.TooBigError: 'PITH_ETOOBIG', pith.TooDeepError: 'PITH_ETOODEEP',
             pith.ExtractTimeoutError: 'PITH_ETIMEOUT', pith.CharsetError: 'PITH_ECHARSET',
             pith.NoContentError: 'PITH_ENOCONTENT', pith.ParseError: 'PITH_EPARSE',
             pith.InternalError: 'PITH_EINTERNAL', pith.ReadError: 'PITH_EIO'}
    for code, (cls, name) in enumerate(pairs.items(), start=1):
        assert issubclass(cls, pith.Error) and cls.__module__ == 'pith'
        assert pith.status_name(code) == name
    assert issubclass(pith.OutOfMemoryError, MemoryError) and issubclass(pith.ReadError, OSError)
    assert not issubclass(pith.ExtractTimeoutError, TimeoutError)


def test_strict_limits_too_deep():
    page = '<html><body>' + '<div>' * 100 + '<p>' + PARAS[0] + '</p>' + '</div>' * 100 + '</body></html>'
    assert pith.extract(page, max_depth=16)['status'] == 'ok'        # flattened, kept
    rec = pith.extract(page, max_depth=16, strict_limits=True)
    assert rec['error'] == 'PITH_ETOODEEP'
    with pytest.raises(pith.TooDeepError):
        pith.extract(page, max_depth=16, strict_limits=True, raise_on_error=True)


def test_extract_text_mode():
    text = 'Harbor ferry timetable changes for summer\n\n' + '\n\n'.join(PARAS) + '\n'
    rec = pith.extract_text(text, URL)
    assert rec['status'] == 'ok'
    assert rec['title'] == 'Harbor ferry timetable changes for summer'
    assert [b['text'] for b in rec['blocks']] == PARAS
    assert rec['field_sources']['title'] == 'text'
    assert pith.extract_text(text.encode(), URL) == rec
    assert pith.Extractor().extract_text(text, URL) == rec
    # the same words read as HTML are one paragraph without a title
    as_html = pith.extract(text, URL)
    assert as_html['title'] is None and len(as_html['blocks']) == 1


def test_extractor_reuse_and_options():
    ex = pith.Extractor(comments=True, format='text', title=False)
    page = article(comments=COMMENTS)
    out = ex.extract(page)
    assert isinstance(out, str) and out.startswith(PARAS[0]) and COMMENTS[0] in out
    assert ex.extract(page, format='dict')['comments']
    opts = ex.options
    assert opts['comments'] is True and opts['format'] == 'text' and opts['max_bytes'] == 64 << 20
    opts['comments'] = False                # a copy: the extractor is unchanged
    assert ex.options['comments'] is True
    assert 'comments' in repr(ex)
    import pickle
    ex2 = pickle.loads(pickle.dumps(ex))
    assert ex2.options == ex.options and ex2.extract(page) == out
