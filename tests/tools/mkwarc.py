#!/usr/bin/env python3
"""mkwarc.py — write WARC files for tests, with optional damage.

Takes a spec (JSON) and writes a WARC: plain, gzip per record, whole-file
gzip, zstd per record / whole file / per record with a dictionary frame
(the last three need the `zstd` command). Responses can carry chunked and
gzip/deflate/br/zstd-encoded bodies and gzip bombs; faults: truncation,
wrong or missing Content-Length, garbage between records, corrupt members.
Python 3 standard library only (br uses the `brotli` command when present,
else a stored-block encoder written here).

  mkwarc.py OUT SPEC.json      (SPEC "-" = stdin)
  prints "size N" and "offsets O1 O2 ..." (file offset of each record);
  exits 77 when a needed tool is missing (callers skip the case).

As a module: build(spec) -> (bytes, offsets); write(path, spec) -> offsets.

Spec: {"compression": "none|gzip|gzip-file|zstd|zstd-file|zstd-dict",
       "truncate": N (keep N bytes; negative: drop -N), "records": [...]}
Record keys: type, uri, date, id, version, content_type, fields [[k, v]...],
  fold (WARC-Target-URI on a continuation line), content / content_size
  (block of non-response records); for responses: status, reason,
  headers [[k, v]...], body / body_size (HTML-like text), http_raw (block
  verbatim), encoding ("gzip", "x-gzip", "deflate", "deflate-raw", "br",
  "br-stored", "zstd" or a list, applied in order), chunked (true or a chunk
  size), bomb_mb (body: gzip of that many MiB of zeros); faults:
  content_length (number, string, or null = omitted), cl_delta, eol "lf",
  no_trailer, corrupt (flip bytes mid-member, gzip per record), repeat N
  ("{i}" in uri/body/content becomes the copy's index). A record
  {"garbage": "text"} or {"garbage_hex": "..."} writes bytes that are not a
  record (in gzip mode between members, or as a member of its own with
  "gzip_garbage": true).
"""
import gzip
import json
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib


class Unavailable(Exception):
    """A tool the spec needs (zstd) is not installed."""


DEFAULT_CT = {
    "warcinfo": "application/warc-fields",
    "response": "application/http; msgtype=response",
    "request": "application/http; msgtype=request",
    "revisit": "application/http; msgtype=response",
    "metadata": "application/warc-fields",
    "resource": "text/plain",
    "conversion": "text/plain",
}

_WORDS = ("the of and to in a is that for it as was with be by on not he this are or his from at "
          "which but have an they you were her she there been one all we their has would when if "
          "more will about government minister said city council report market police court "
          "election school hospital weather football season company prices energy water").split()


def _pool():
    rnd = random.Random(1234)
    parts = []
    for _ in range(40000):
        n = rnd.randint(8, 40)
        parts.append("<p>" + " ".join(rnd.choice(_WORDS) for _ in range(n)) + ".</p>\n")
    return "".join(parts)


_POOL = None


def html_body(size, seed):
    """Deterministic HTML-like page of about `size` bytes."""
    global _POOL
    if _POOL is None:
        _POOL = _pool()
    rnd = random.Random(seed)
    head = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Page %d</title></head><body>\n" % seed
    tail = "</body></html>\n"
    n = max(0, size - len(head) - len(tail))
    out = []
    while n > 0:
        off = rnd.randrange(0, len(_POOL) - 4096)
        take = min(n, rnd.randint(512, 4096))
        out.append(_POOL[off:off + take])
        n -= take
    return (head + "".join(out) + tail).encode()


def brotli_stored(data):
    """A valid brotli stream made of uncompressed meta-blocks (RFC 7932 9.2)."""
    out = bytearray()
    acc = nbits = 0

    def bits(v, n):
        nonlocal acc, nbits
        acc |= v << nbits
        nbits += n
        while nbits >= 8:
            out.append(acc & 255)
            acc >>= 8
            nbits -= 8

    def align():
        nonlocal acc, nbits
        if nbits:
            out.append(acc & 255)
        acc = nbits = 0

    bits(0, 1)  # WBITS = 16
    for off in range(0, len(data), 65536):
        chunk = data[off:off + 65536]
        bits(0, 1)                # ISLAST = 0
        bits(0, 2)                # MNIBBLES = 4
        bits(len(chunk) - 1, 16)  # MLEN - 1
        bits(1, 1)                # ISUNCOMPRESSED
        align()
        out += chunk
    bits(1, 1)  # ISLAST
    bits(1, 1)  # ISLASTEMPTY
    align()
    return bytes(out)


def _run(cmd, data):
    return subprocess.run(cmd, input=data, stdout=subprocess.PIPE, check=True).stdout


def _need(tool):
    if not shutil.which(tool):
        raise Unavailable(tool)


def encode_body(body, coding):
    if coding in ("gzip", "x-gzip"):
        return gzip.compress(body, 6, mtime=0)
    if coding == "deflate":
        return zlib.compress(body, 6)
    if coding == "deflate-raw":
        c = zlib.compressobj(6, zlib.DEFLATED, -15)
        return c.compress(body) + c.flush()
    if coding == "br":
        if shutil.which("brotli"):
            return _run(["brotli", "-c", "-q", "9"], body)
        return brotli_stored(body)
    if coding == "br-stored":
        return brotli_stored(body)
    if coding == "zstd":
        _need("zstd")
        return _run(["zstd", "-q", "-c"], body)
    raise ValueError("unknown encoding " + coding)


def gzip_zeros(mib):
    """gzip stream of `mib` MiB of zeros, built without holding them: after a
    full flush, deflate turns each further MiB into the same bytes, so one
    piece is repeated (checked; otherwise each MiB is compressed in turn)."""
    if mib <= 0:
        return gzip.compress(b"", 9, mtime=0)
    zeros = bytes(1 << 20)
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    pieces = [co.compress(zeros) + co.flush(zlib.Z_FULL_FLUSH)]
    while len(pieces) < mib:
        if len(pieces) >= 2 and pieces[-1] == pieces[-2]:
            pieces.append(pieces[-1])
        else:
            pieces.append(co.compress(zeros) + co.flush(zlib.Z_FULL_FLUSH))
    crc = 0
    for _ in range(mib):
        crc = zlib.crc32(zeros, crc)
    head = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03"
    return head + b"".join(pieces) + co.flush() + struct.pack("<II", crc, (mib << 20) & 0xFFFFFFFF)


def chunk(body, size):
    out = []
    for off in range(0, len(body), size):
        part = body[off:off + size]
        out.append(b"%x\r\n" % len(part) + part + b"\r\n")
    out.append(b"0\r\n\r\n")
    return b"".join(out)


def _sub(v, i):
    return v.replace("{i}", str(i)) if isinstance(v, str) else v


def http_block(rec, i):
    if "http_raw" in rec:
        return _sub(rec["http_raw"], i).encode("latin-1")
    headers = [list(h) for h in rec.get("headers", [["Content-Type", "text/html; charset=utf-8"]])]
    if "bomb_mb" in rec:
        body = gzip_zeros(int(rec["bomb_mb"]))
        headers.append(["Content-Encoding", "gzip"])
    else:
        if "body_size" in rec:
            body = html_body(int(rec["body_size"]), i + int(rec.get("seed", 0)))
        else:
            body = _sub(rec.get("body", "<html><body>Hello {i}</body></html>"), i).encode()
        enc = rec.get("encoding")
        if enc:
            encs = enc if isinstance(enc, list) else [enc]
            for e in encs:
                body = encode_body(body, e)
            names = ["deflate" if e == "deflate-raw" else "br" if e == "br-stored" else e for e in encs]
            headers.append(["Content-Encoding", ", ".join(names)])
    if rec.get("chunked"):
        size = rec["chunked"] if isinstance(rec["chunked"], int) and rec["chunked"] is not True else 1000
        body = chunk(body, size)
        headers.append(["Transfer-Encoding", "chunked"])
    head = "HTTP/1.1 %d %s\r\n" % (rec.get("status", 200), rec.get("reason", "OK"))
    head += "".join("%s: %s\r\n" % (k, v) for k, v in headers) + "\r\n"
    return head.encode("latin-1") + body


def record_bytes(rec, n, i):
    """One WARC record (uncompressed). n: running record number for ids."""
    typ = rec.get("type", "response")
    if typ == "response":
        block = http_block(rec, i)
    elif typ == "request":
        block = _sub(rec.get("content", "GET /{i} HTTP/1.1\r\nHost: example.com\r\n\r\n"), i).encode()
    else:
        if "content_size" in rec:
            block = html_body(int(rec["content_size"]), i)
        else:
            block = _sub(rec.get("content", "content {i}\n"), i).encode()
    eol = "\n" if rec.get("eol") == "lf" else "\r\n"
    fields = [["WARC-Type", typ]]
    uri = _sub(rec.get("uri", "http://example.com/%d" % n), i)
    if uri is not None and typ != "warcinfo":
        fields.append(["WARC-Target-URI", uri])
    fields.append(["WARC-Date", rec.get("date", "2024-07-06T15:29:00Z")])
    fields.append(["WARC-Record-ID", _sub(rec.get("id", "<urn:uuid:00000000-0000-4000-8000-%012d>" % n), i)])
    fields.append(["Content-Type", rec.get("content_type", DEFAULT_CT.get(typ, "application/octet-stream"))])
    fields += [list(f) for f in rec.get("fields", [])]
    cl = len(block) + int(rec.get("cl_delta", 0))
    if "content_length" in rec:
        cl = rec["content_length"]
    if cl is not None:
        fields.append(["Content-Length", str(cl)])
    lines = ["WARC/%s" % rec.get("version", "1.0")]
    for k, v in fields:
        if rec.get("fold") and k == "WARC-Target-URI":
            lines.append("%s:%s  %s" % (k, eol, v))
        else:
            lines.append("%s: %s" % (k, v))
    head = (eol.join(lines) + eol + eol).encode("latin-1")
    trailer = b"" if rec.get("no_trailer") else (eol + eol).encode()
    return head + block + trailer


def _zstd_dict_frame(samples, tmp):
    _need("zstd")
    paths = []
    for k, s in enumerate(samples):
        p = os.path.join(tmp, "s%05d" % k)
        with open(p, "wb") as f:
            f.write(s)
        paths.append(p)
    dpath = os.path.join(tmp, "dict")
    subprocess.run(["zstd", "-q", "--train", "--maxdict=16384", "-o", dpath] + paths, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(dpath, "rb") as f:
        d = f.read()
    cd = _run(["zstd", "-q", "-c"], d)
    return dpath, b"\x5d\x2a\x4d\x18" + struct.pack("<I", len(cd)) + cd


def build(spec):
    """Returns (file bytes, [offset of each record])."""
    comp = spec.get("compression", "none")
    items = []  # (kind, bytes, rec)
    n = 0
    for rec in spec.get("records", []):
        if "garbage" in rec or "garbage_hex" in rec:
            g = rec["garbage"].encode("latin-1") if "garbage" in rec else bytes.fromhex(rec["garbage_hex"])
            items.append(("garbage", g, rec))
            continue
        for i in range(int(rec.get("repeat", 1))):
            n += 1
            items.append(("record", record_bytes(rec, n, i), rec))
    out = bytearray()
    offsets = []
    if comp in ("none", "gzip-file", "zstd-file"):
        for kind, data, rec in items:
            if kind == "record":
                offsets.append(len(out))
            out += data
        if comp == "gzip-file":
            out = bytearray(gzip.compress(bytes(out), 6, mtime=0))
        elif comp == "zstd-file":
            _need("zstd")
            out = bytearray(_run(["zstd", "-q", "-c"], bytes(out)))
    elif comp in ("gzip", "zstd", "zstd-dict"):
        tmp = tempfile.mkdtemp(prefix="mkwarc.")
        try:
            dpath = None
            if comp == "zstd-dict":
                dpath, frame = _zstd_dict_frame([d for k, d, _ in items if k == "record"], tmp)
                out += frame
            for kind, data, rec in items:
                if kind == "garbage" and not rec.get("gzip_garbage"):
                    out += data
                    continue
                if kind == "record":
                    offsets.append(len(out))
                if comp == "gzip":
                    m = bytearray(gzip.compress(data, 6, mtime=0))
                    if rec.get("corrupt"):
                        mid = len(m) // 2
                        for k in range(mid, min(mid + 4, len(m) - 8)):
                            m[k] ^= 0x55
                    out += m
                else:
                    _need("zstd")
                    cmd = ["zstd", "-q", "-c"] + (["-D", dpath] if dpath else [])
                    out += _run(cmd, data)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    else:
        raise ValueError("unknown compression " + comp)
    t = spec.get("truncate")
    if t is not None:
        out = out[:t] if t >= 0 else out[:len(out) + t]
    return bytes(out), offsets


def write(path, spec):
    data, offsets = build(spec)
    with open(path, "wb") as f:
        f.write(data)
    return len(data), offsets


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: mkwarc.py OUT SPEC.json\n")
        return 2
    src = sys.stdin if argv[2] == "-" else open(argv[2])
    spec = json.load(src)
    try:
        size, offsets = write(argv[1], spec)
    except Unavailable as e:
        print("skip: %s not installed" % e)
        return 77
    print("size %d" % size)
    print("offsets " + " ".join(str(o) for o in offsets))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
