"""Test helpers: small article pages written for these tests, and a WARC
writer (one gzip member per record, as crawlers write them)."""
import gzip
import io
import os
import uuid

PARAS = [
    'The harbor ferry will run every twenty minutes on weekdays from June, the transport '
    'authority said on Monday, after a year of complaints about crowded boats.',
    'Weekend services will start an hour earlier, at six in the morning, and the last boat '
    'will leave the city pier at half past midnight on Fridays and Saturdays.',
    'The authority said two new boats, ordered last year, would join the fleet in May and '
    'allow the extra trips without cutting the island routes.',
    'Commuters from the island have long asked for later boats. A petition with more than '
    'three thousand names was handed to the city council in the autumn.',
]

COMMENTS = [
    'Finally some good news for those of us who work late shifts downtown and miss the last boat.',
    'Twenty minutes is still too long in the morning rush, the boats are full by seven thirty.',
]


def article(title='Harbor ferry timetable changes for summer', paras=None, *, author='Ann Lee',
            date='2024-05-02T08:30:00Z', comments=None, charset='utf-8', meta_charset=True,
            extra_body=''):
    """An article page as str: navigation, share bar, related links, footer
    and a cookie notice around the body; optional reader comments."""
    paras = PARAS if paras is None else paras
    body = '\n'.join(f'<p>{p}</p>' for p in paras)
    com = ''
    if comments:
        items = '\n'.join(f'<div class="comment"><span class="comment-author">reader{i}</span>'
                          f'<div class="comment-body"><p>{c}</p></div></div>'
                          for i, c in enumerate(comments))
        com = f'<section class="comments" id="comments"><h2>Comments ({len(comments)})</h2>\n{items}\n</section>'
    meta = f'<meta charset="{charset}">' if meta_charset else ''
    return f"""<!DOCTYPE html>
<html lang="en"><head>{meta}
<title>{title} | Harbor Herald</title>
<meta property="og:site_name" content="Harbor Herald">
<meta property="article:published_time" content="{date}">
<meta name="author" content="{author}">
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<main><article>
<h1>{title}</h1>
<div class="byline">By {author}</div>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
{body}
{extra_body}
</article>
<aside class="related"><h3>Read more</h3><ul>
<li><a href="/a1">Bridge repairs delayed again as costs rise sharply</a></li>
<li><a href="/a2">New bike lanes planned for the old town streets</a></li></ul></aside>
{com}
</main>
<footer class="site-footer"><p>Copyright 2024 Harbor Herald. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a></footer>
</body></html>
"""


def http_response(body, content_type='text/html; charset=utf-8', status=200, chunked=False,
                  gzip_body=False):
    """The bytes of an HTTP/1.1 response as a WARC response record holds them."""
    headers = [f'HTTP/1.1 {status} {"OK" if status == 200 else "Not Found"}',
               f'Content-Type: {content_type}']
    if gzip_body:
        body = gzip.compress(body)
        headers.append('Content-Encoding: gzip')
    if chunked:
        headers.append('Transfer-Encoding: chunked')
        out = io.BytesIO()
        for i in range(0, len(body), 100):
            part = body[i:i + 100]
            out.write(b'%x\r\n' % len(part) + part + b'\r\n')
        out.write(b'0\r\n\r\n')
        body = out.getvalue()
    else:
        headers.append(f'Content-Length: {len(body)}')
    return ('\r\n'.join(headers) + '\r\n\r\n').encode('ascii') + body


def warc_record(wtype, block, uri='', date='2024-05-02T10:00:00Z', content_type=None, record_id=None):
    """One WARC/1.1 record (header + block + CRLF CRLF)."""
    rid = record_id or f'<urn:uuid:{uuid.uuid4()}>'
    if content_type is None:
        content_type = {'response': 'application/http; msgtype=response',
                        'request': 'application/http; msgtype=request',
                        'warcinfo': 'application/warc-fields'}.get(wtype, 'text/html')
    head = ['WARC/1.1', f'WARC-Type: {wtype}', f'WARC-Record-ID: {rid}', f'WARC-Date: {date}']
    if uri:
        head.append(f'WARC-Target-URI: {uri}')
    head += [f'Content-Type: {content_type}', f'Content-Length: {len(block)}']
    return ('\r\n'.join(head) + '\r\n\r\n').encode('utf-8') + block + b'\r\n\r\n'


def write_warc(path, records):
    """Write records (bytes from warc_record) as a .warc.gz, one gzip member each."""
    with open(path, 'wb') as f:
        for r in records:
            f.write(gzip.compress(r))
    return path


def sample_warc(path, n_pages=3, seed=0):
    """A WARC with a warcinfo record, n_pages HTML responses (200) each with a
    request record, a 404, an image and an HTML resource record. Returns
    (path, list of the HTML pages' URIs in order)."""
    recs = [warc_record('warcinfo', b'software: pith-tests\r\nformat: WARC File Format 1.1\r\n')]
    uris = []
    for i in range(n_pages):
        uri = f'https://harbor.example/news/{seed}/{i}'
        title = f'Harbor story {seed}-{i}: ferry timetable changes for summer'
        paras = [f'{p} (Report {seed}.{i}.{k}.)' for k, p in enumerate(PARAS)]
        html = article(title, paras).encode('utf-8')
        recs.append(warc_record('request', f'GET /news/{seed}/{i} HTTP/1.1\r\nHost: harbor.example\r\n\r\n'.encode(), uri))
        recs.append(warc_record('response', http_response(html, chunked=(i % 2 == 1), gzip_body=(i % 3 == 2)),
                                uri, date=f'2024-05-0{1 + i % 9}T10:00:00Z'))
        uris.append(uri)
    recs.append(warc_record('response', http_response(b'<html><body>Not found</body></html>', status=404),
                            f'https://harbor.example/missing/{seed}'))
    recs.append(warc_record('response', http_response(b'\x89PNG\r\n\x1a\n' + b'\0' * 64, content_type='image/png'),
                            f'https://harbor.example/logo{seed}.png'))
    res_uri = f'https://harbor.example/archive/{seed}'
    recs.append(warc_record('resource', article(f'Archived story {seed}').encode('utf-8'), res_uri,
                            content_type='text/html'))
    uris.append(res_uri)
    write_warc(path, recs)
    return path, uris


def cli_path():
    """The pith CLI from PITH_CLI (set by tests/run_python.py), or None."""
    p = os.environ.get('PITH_CLI')
    return p if p and os.access(p, os.X_OK) else None
