"""pith.dask.extract_warcs on a real LocalCluster (2 worker processes): the
outputs, in input order, equal the single-process extract_warc output line
for line. Skips when dask/distributed are not installed."""
import json
import os
import subprocess

import pytest

import pith
from helpers import cli_path, sample_warc

dask = pytest.importorskip('dask')
distributed = pytest.importorskip('distributed')
pytestmark = [pytest.mark.skipif(not pith.HAVE_WARC, reason='libpith built without its WARC reader'),
              pytest.mark.filterwarnings('ignore:make_current is deprecated:DeprecationWarning')]

from pith.dask import extract_warcs, output_name, warc_lines  # noqa: E402


@pytest.fixture(scope='module')
def warcs(tmp_path_factory):
    d = tmp_path_factory.mktemp('warcs')
    return [sample_warc(str(d / f'crawl-{i}.warc.gz'), n_pages=3 + i, seed=i)[0] for i in range(3)]


@pytest.fixture(scope='module')
def client():
    from distributed import Client, LocalCluster
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def single_process(paths, **options):
    lines = []
    for p in paths:
        lines += pith.extract_warc(p, format='json', **options)
    assert lines == warc_lines(paths, **options)
    return lines


def read_lines(path):
    with open(path, encoding='utf-8') as f:
        data = f.read()
    assert data.endswith('\n')
    return data[:-1].split('\n')


def test_union_equals_single_process(warcs, client, tmp_path):
    summaries = extract_warcs(warcs, client=client, out_dir=str(tmp_path / 'out'))
    assert [s['input'] for s in summaries] == warcs
    assert [os.path.basename(s['output']) for s in summaries] == ['crawl-0.jsonl', 'crawl-1.jsonl', 'crawl-2.jsonl']
    union = []
    for s in summaries:
        union += read_lines(s['output'])
    expected = single_process(warcs)
    assert union == expected
    assert len(union) == (3 + 1) + (4 + 1) + (5 + 1)           # pages + the resource record per file
    assert [s['records'] for s in summaries] == [4, 5, 6]
    for s in summaries:
        assert s['skipped'] == {'warcinfo': 1, 'request': s['records'] - 1, 'http-status': 1, 'not-html': 1}
        assert s['errors'] == {} and s['seconds'] >= 0
    titles = [json.loads(line)['title'] for line in union]
    assert titles[0] == 'Harbor story 0-0: ferry timetable changes for summer'
    assert len({json.loads(line)['record_id'] for line in union}) == len(union)
    ran_on = set(client.run(os.getpid).values())
    assert len(ran_on) == 2 and os.getpid() not in ran_on         # two separate worker processes


def test_options_and_current_client(warcs, client, tmp_path):
    # client=None picks up the current client; options reach the workers
    summaries = extract_warcs(warcs[:2], out_dir=str(tmp_path / 'small'), blocks=False)
    union = read_lines(summaries[0]['output']) + read_lines(summaries[1]['output'])
    assert union == single_process(warcs[:2], blocks=False)
    assert all('"blocks"' not in line for line in union) and len(union) == 9


def test_unreadable_input_gives_an_error_record(warcs, client, tmp_path):
    missing = str(tmp_path / 'missing.warc.gz')
    summaries = extract_warcs([warcs[0], missing], client=client, out_dir=str(tmp_path / 'miss'))
    assert summaries[1]['errors'] == {'PITH_EIO': 1} and summaries[1]['records'] == 1
    line = read_lines(summaries[1]['output'])
    assert line == warc_lines([missing])
    rec = json.loads(line[0])
    assert rec == {'source': missing, 'status': 'PITH_EIO', 'error': 'PITH_EIO',
                   'message': 'cannot open WARC: No such file or directory', 'url': None}


@pytest.mark.filterwarnings('ignore:Running on a single-machine scheduler')
def test_local_scheduler_without_distributed(warcs, tmp_path):
    summaries = extract_warcs(warcs, client='threads', out_dir=str(tmp_path / 'threads'))
    union = []
    for s in summaries:
        union += read_lines(s['output'])
    assert union == single_process(warcs)


def test_output_names(tmp_path):
    assert output_name('/x/CC-MAIN-1.warc.gz') == 'CC-MAIN-1.jsonl'
    assert output_name('a.warc.zst', 'parquet') == 'a.parquet'
    from pith.dask import _output_paths
    outs = _output_paths(['/a/x.warc.gz', '/b/x.warc.gz'], '/o', 'jsonl')
    assert outs == ['/o/x.jsonl', '/o/x-2.jsonl']
    with pytest.raises(pith.InvalidArgumentError):
        extract_warcs([], format='csv')


def test_parquet(warcs, client, tmp_path):
    pq = pytest.importorskip('pyarrow.parquet')
    summaries = extract_warcs(warcs[:1], client=client, out_dir=str(tmp_path / 'pq'), format='parquet')
    table = pq.read_table(summaries[0]['output'])
    assert table.column('url').to_pylist() == [json.loads(line)['url'] for line in single_process(warcs[:1])]


@pytest.mark.skipif(cli_path() is None, reason='PITH_CLI not set')
def test_union_equals_cli_output(warcs, client, tmp_path):
    missing = str(tmp_path / 'missing.warc.gz')
    inputs = warcs + [missing]
    out = str(tmp_path / 'cli.jsonl')
    subprocess.run([cli_path(), '-q', *inputs, '-o', out], capture_output=True)
    if not os.path.exists(out):
        pytest.skip('the CLI has no WARC mode yet')
    cli = read_lines(out)
    if len(cli) == len(inputs) and all('"record_id"' not in line for line in cli):
        pytest.skip('the CLI has no WARC mode yet')
    summaries = extract_warcs(inputs, client=client, out_dir=str(tmp_path / 'dask'))
    union = []
    for s in summaries:
        union += read_lines(s['output'])
    assert union == cli
