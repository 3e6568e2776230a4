"""iter_warc and extract_warc on WARC files written here (gzip member per
record; response records with HTTP headers, chunked and gzip bodies). The
JSON lines follow the CLI's corpus mode (cli/batch.c) and are compared with
it when PITH_CLI has a WARC mode."""
import errno
import gzip
import json
import os
import subprocess

import pytest

import pith
from helpers import PARAS, article, cli_path, http_response, sample_warc, warc_record, write_warc

pytestmark = pytest.mark.skipif(not pith.HAVE_WARC, reason='libpith built without its WARC reader')

UK_TITLE = 'Пороми курсуватимуть частіше влітку'
UK_PARAS = ['Міська рада ухвалила новий розклад руху поромів на літо, повідомили в транспортному '
            'управлінні в понеділок після року скарг.',
            'Два нові пороми, замовлені минулого року, приєднаються до флоту в травні й дозволять '
            'додаткові рейси.']


@pytest.fixture
def warc(tmp_path):
    html = article().encode()
    uk = article(UK_TITLE, UK_PARAS, meta_charset=False).encode('cp1251')
    recs = [
        warc_record('warcinfo', b'software: pith-tests\r\n', record_id='<urn:uuid:0000-info>'),
        warc_record('request', b'GET /a HTTP/1.1\r\nHost: harbor.example\r\n\r\n', 'https://harbor.example/a'),
        warc_record('response', http_response(html), 'https://harbor.example/a',
                    date='2024-05-02T10:00:00Z', record_id='<urn:uuid:0001-a>'),
        warc_record('response', http_response(uk, 'text/html; charset=windows-1251', chunked=True, gzip_body=True),
                    'https://harbor.example/uk', date='2024-05-03T11:30:00Z', record_id='<urn:uuid:0002-uk>'),
        warc_record('response', http_response(b'<html>gone</html>', status=404), 'https://harbor.example/gone'),
        warc_record('response', http_response(b'{"a": 1}', 'application/json'), 'https://harbor.example/api'),
        warc_record('resource', b'<html><head><title>Empty</title></head><body></body></html>',
                    'https://harbor.example/empty', record_id='<urn:uuid:0003-empty>', content_type='text/html'),
    ]
    return write_warc(str(tmp_path / 'sample.warc.gz'), recs), html, uk


def test_iter_warc_records(warc):
    path, html, uk = warc
    recs = list(pith.iter_warc(path))
    assert [r['type'] for r in recs] == ['warcinfo', 'request', 'response', 'response', 'response', 'response',
                                         'resource']
    assert all(r['error'] is None for r in recs)
    a, b = recs[2], recs[3]
    assert a['target_uri'] == 'https://harbor.example/a' and a['record_id'] == '<urn:uuid:0001-a>'
    assert a['date'] == '2024-05-02T10:00:00Z' and a['date_unix'] == 1714644000
    assert a['http_status'] == 200 and a['content_type'].startswith('text/html') and a['charset'] == 'utf-8'
    assert a['payload'] == html
    assert b['payload'] == uk                   # de-chunked and gunzipped
    assert b['charset'].lower() == 'windows-1251'
    assert recs[4]['http_status'] == 404
    assert recs[0]['http_status'] == 0 and recs[0]['record_id'] == '<urn:uuid:0000-info>'
    assert recs[6]['payload'].startswith(b'<html><head><title>Empty')
    offsets = [r['offset'] for r in recs]
    assert offsets[0] == 0 and offsets == sorted(offsets) and len(set(offsets)) == len(offsets)


def test_iter_warc_context_and_fd(warc):
    path = warc[0]
    with pith.iter_warc(path) as reader:
        first = next(reader)
        assert first['type'] == 'warcinfo'
        assert reader.bytes_read > 0
    assert list(reader) == []                   # closed
    fd = os.open(path, os.O_RDONLY)
    try:
        assert len(list(pith.WarcReader(fd))) == 7
    finally:
        os.close(fd)


def test_iter_warc_missing_file(tmp_path):
    with pytest.raises(pith.ReadError) as e:
        pith.iter_warc(str(tmp_path / 'nope.warc.gz'))
    assert isinstance(e.value, OSError) and e.value.name == 'PITH_EIO'
    assert e.value.errno == errno.ENOENT and 'nope.warc.gz' in e.value.message


def limits_warc(tmp_path):
    """A gzip-encoded response that inflates past 4000 bytes (record block
    smaller than that), a plain response larger than 4000 bytes, and a small
    resource."""
    big = article(paras=PARAS * 10).encode()
    assert len(big) > 4000
    recs = [warc_record('response', http_response(big, gzip_body=True), 'https://harbor.example/zip'),
            warc_record('response', http_response(big), 'https://harbor.example/plain'),
            warc_record('resource', b'<p>' + PARAS[0].encode() + b'</p>', 'https://harbor.example/small',
                        content_type='text/html')]
    assert len(recs[0]) < 4000
    return write_warc(str(tmp_path / 'limits.warc.gz'), recs), big


def test_iter_warc_max_payload(tmp_path):
    path, big = limits_warc(tmp_path)
    zipped, plain, small = pith.iter_warc(path, max_payload=4000)
    for rec in (zipped, plain):                                    # payloads cut at max_payload
        assert rec['truncated'] is True and rec['error'] is None and rec['payload'] == big[:4000]
    assert small['truncated'] is False and small['error'] is None
    assert next(iter(pith.iter_warc(path)))['payload'] == big      # default limit: whole


def test_broken_record_then_resync(tmp_path):
    good = warc_record('resource', article().encode(), 'https://harbor.example/ok', content_type='text/html')
    path = str(tmp_path / 'broken.warc')
    with open(path, 'wb') as f:   # uncompressed: a record with a bad header, then a good one
        f.write(b'WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: nonsense\r\n\r\nxx\r\n\r\n')
        f.write(good)
    recs = list(pith.iter_warc(path))
    assert recs[-1]['target_uri'] == 'https://harbor.example/ok' and recs[-1]['error'] is None
    assert any(r['error'] for r in recs[:-1])
    out = list(pith.extract_warc(path))            # a broken record gives an error record
    assert out[-1]['status'] == 'ok' and out[-1]['url'] == 'https://harbor.example/ok'
    bad = [r for r in out if r['status'] != 'ok']
    assert bad and all(r['error'] == 'PITH_EIO' and r['message'].startswith('warc: ') for r in bad)


def test_extract_warc(warc):
    path = warc[0]
    run = pith.extract_warc(path)
    recs = list(run)
    assert [r['url'] for r in recs] == ['https://harbor.example/a', 'https://harbor.example/uk',
                                        'https://harbor.example/empty']
    a, uk, empty = recs
    assert list(a)[:4] == ['source', 'record_id', 'warc_date', 'status']
    assert a['source'] == path
    assert a['record_id'] == '<urn:uuid:0001-a>' and a['warc_date'] == '2024-05-02T10:00:00Z'
    assert a['title'] == 'Harbor ferry timetable changes for summer' and a['text'] == '\n'.join(PARAS)
    assert uk['title'] == UK_TITLE and uk['charset'] == 'windows-1251'   # charset from the HTTP header
    assert empty['error'] == 'PITH_ENOCONTENT'
    assert run.counts == {'records': 7, 'extracted': 3,
                          'skipped': {'warcinfo': 1, 'request': 1, 'http-status': 1, 'not-html': 1},
                          'errors': {'PITH_ENOCONTENT': 1}}


def test_extract_warc_json_lines(warc):
    path = warc[0]
    dicts = list(pith.extract_warc(path))
    lines = list(pith.extract_warc(path, format='json'))
    assert [json.loads(line) for line in lines] == dicts
    assert lines[0].startswith('{"source":%s,"record_id":"<urn:uuid:0001-a>","warc_date":"2024-05-02T10:00:00Z",'
                               '"status":"ok",' % json.dumps(path))
    assert all('\n' not in line for line in lines)
    # the same record as pith.extract with the WARC's URL, charset and date
    ref = pith.extract(warc[1], 'https://harbor.example/a', ref_time='2024-05-02T10:00:00Z', format='json')
    assert lines[0].endswith(ref[1:])
    named = next(iter(pith.extract_warc(path, format='json', source_name='x\ty"z')))
    assert named.startswith('{"source":"x\\u0009y\\"z","record_id"')   # escaped as the CLI does


def test_extract_warc_options(warc):
    path = warc[0]
    nob = next(iter(pith.extract_warc(path, blocks=False)))
    assert 'blocks' not in nob
    with pytest.raises(TypeError):
        pith.extract_warc(path, raise_on_error=True)
    with pytest.raises(pith.InvalidArgumentError):
        pith.extract_warc(path, format='markdown')


def test_extract_warc_reads_up_to_max_bytes(tmp_path):
    # as the CLI: payloads are read up to max_bytes; a longer one is cut and
    # extracted, and its record says "truncated": true
    path, big = limits_warc(tmp_path)
    run = pith.extract_warc(path, max_bytes=4000)
    zipped, plain, small = run
    for rec in (zipped, plain):
        assert rec['truncated'] is True and list(rec)[:5] == ['source', 'record_id', 'warc_date',
                                                               'truncated', 'status']
        assert rec['title'] == 'Harbor ferry timetable changes for summer'
    assert zipped['text'] == plain['text'] and len(zipped['text']) < len(pith.extract(big)['text'])
    assert small['status'] == 'ok' and 'truncated' not in small
    assert run.counts['errors'] == {} and run.counts['extracted'] == 3
    whole = list(pith.extract_warc(path))
    assert [r['status'] for r in whole] == ['ok', 'ok', 'ok'] and 'truncated' not in whole[0]


def test_text_records_use_text_mode(tmp_path):
    text = 'Harbor ferry timetable changes for summer\n\n' + '\n\n'.join(PARAS) + '\n'
    path = write_warc(str(tmp_path / 'text.warc.gz'), [
        warc_record('resource', text.encode(), 'https://harbor.example/t', content_type='text/plain'),
        warc_record('conversion', text.encode(), 'https://harbor.example/wet', content_type='text/plain'),
        warc_record('resource', b'\x89PNG....', 'https://harbor.example/i', content_type='image/png'),
        warc_record('revisit', b'', 'https://harbor.example/t')])
    run = pith.extract_warc(path)
    recs = list(run)
    expected = pith.extract_text(text, 'https://harbor.example/t', ref_time='2024-05-02T10:00:00Z')
    assert recs[0]['title'] == 'Harbor ferry timetable changes for summer'
    assert {k: v for k, v in recs[0].items() if k not in ('source', 'record_id', 'warc_date')} == expected
    assert recs[1]['url'] == 'https://harbor.example/wet' and recs[1]['text'] == expected['text']
    assert run.counts['skipped'] == {'not-html': 1, 'revisit': 1}


def test_record_kind():
    base = {'type': 'response', 'http_status': 200, 'content_type': 'text/html', 'payload': b'<p>'}
    assert pith.record_kind(base) == (None, 'html')
    assert pith.record_kind(dict(base, content_type='')) == (None, 'html')
    assert pith.record_kind(dict(base, content_type='application/xhtml+xml')) == (None, 'html')
    assert pith.record_kind(dict(base, content_type='application/pdf')) == ('not-html', None)
    assert pith.record_kind(dict(base, http_status=301)) == ('http-status', None)
    assert pith.record_kind(dict(base, payload=b'')) == ('empty', None)
    assert pith.record_kind(dict(base, type='resource', content_type='text/plain')) == (None, 'text')
    assert pith.record_kind(dict(base, type='conversion', content_type='')) == (None, 'text')
    assert pith.record_kind(dict(base, type='metadata')) == ('metadata', None)
    assert pith.record_kind(dict(base, type='continuation')) == ('other-record-type', None)


def test_unknown_http_charset_is_ignored(tmp_path):
    html = article().encode()
    path = write_warc(str(tmp_path / 'cs.warc.gz'), [
        warc_record('response', http_response(html, 'text/html; charset=x-no-such'), 'https://harbor.example/cs')])
    rec = next(iter(pith.extract_warc(path)))
    assert rec['status'] == 'ok' and rec['title'] == 'Harbor ferry timetable changes for summer'


def test_relative_dates_use_warc_date(tmp_path):
    html = article().replace('<div class="byline">By Ann Lee</div>',
                             '<div class="byline">By Ann Lee</div><div class="date">Published 3 hours ago</div>')
    html = html.replace('<meta property="article:published_time" content="2024-05-02T08:30:00Z">', '')
    path = write_warc(str(tmp_path / 'rel.warc.gz'), [
        warc_record('response', http_response(html.encode()), 'https://harbor.example/rel',
                    date='2024-05-01T12:00:00Z')])
    assert next(iter(pith.extract_warc(path)))['published'] == '2024-05-01T09:00:00+00:00'
    again = next(iter(pith.extract_warc(path, ref_time='2024-05-02T12:00:00Z')))
    assert again['published'] == '2024-05-02T09:00:00+00:00'


def _cli_warc_lines(cli, path, out, args=()):
    """The CLI's JSON Lines for a WARC, or None when the CLI has no WARC mode."""
    r = subprocess.run([cli, '--format', 'json', '-q', *args, path, '-o', out], capture_output=True)
    if not os.path.exists(out):
        return None
    with open(out, encoding='utf-8') as f:
        lines = [line for line in f.read().split('\n') if line]
    if len(lines) == 1 and json.loads(lines[0]).get('error') in ('PITH_ENOCONTENT', 'PITH_EPARSE'):
        return None   # the WARC was read as one (binary) page: no WARC mode yet
    return lines if r.returncode in (0, 1) else None


@pytest.mark.skipif(cli_path() is None, reason='PITH_CLI not set')
@pytest.mark.parametrize('case', ['sample', 'limits', 'broken', 'comments'])
def test_same_lines_as_cli_warc_mode(tmp_path, case):
    options, args = {}, []
    if case == 'sample':
        path, _ = sample_warc(str(tmp_path / 'cli.warc.gz'), n_pages=4)
    elif case == 'limits':
        path, _ = limits_warc(tmp_path)
        options, args = {'max_bytes': 4000}, ['--max-bytes', '4000']
    elif case == 'broken':
        path = str(tmp_path / 'broken.warc')
        with open(path, 'wb') as f:
            f.write(b'WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: nonsense\r\n\r\nxx\r\n\r\n')
            f.write(warc_record('resource', article().encode(), 'https://harbor.example/ok', content_type='text/html'))
    else:
        from helpers import COMMENTS
        path = write_warc(str(tmp_path / 'c.warc.gz'), [
            warc_record('response', http_response(article(comments=COMMENTS).encode()), 'https://harbor.example/c')])
        options, args = {'comments': True, 'blocks': False}, ['--comments', '--no-blocks']
    cli = _cli_warc_lines(cli_path(), path, str(tmp_path / 'cli.jsonl'), args)
    if cli is None:
        pytest.skip('the CLI has no WARC mode yet')
    mine = list(pith.extract_warc(path, format='json', **options))
    assert len(mine) >= 1
    assert [json.loads(line) for line in cli] == [json.loads(line) for line in mine]   # same records
    assert cli == mine                                                                   # same bytes


def test_gzip_whole_file(tmp_path):
    recs = [warc_record('resource', article().encode(), f'https://harbor.example/{i}', content_type='text/html')
            for i in range(3)]
    path = str(tmp_path / 'whole.warc.gz')
    with open(path, 'wb') as f:
        f.write(gzip.compress(b''.join(recs)))
    assert [r['target_uri'] for r in pith.iter_warc(path)] == [f'https://harbor.example/{i}' for i in range(3)]
