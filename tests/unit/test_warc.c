/* test_warc.c — unit tests for src/warc.c.
 *
 * Fixtures are made at test time in a temporary directory, by
 * tests/tools/mkwarc.py (so the tests run from the repository root) or by
 * writing bytes from C: plain, gzip-per-record, whole-file gzip and zstd
 * archives; chunked/gzip/deflate/br/zstd bodies; damaged files (truncation,
 * garbage, wrong Content-Length, corrupt members, a 1 GiB gzip bomb) where
 * every valid record must still come back and each fault exactly once.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "harness.h"
#include "warc.h"

#define MAXREC 1100

typedef struct got {
    warc_type type;
    char type_name[32], uri[256], id[128], ctype[128], hct[128], cs[64], err[256];
    int status, truncated, has_err;
    int64_t date;
    uint64_t offset;
    unsigned char *payload; /* copy (at most 64 KiB) */
    size_t len;
    uint32_t crc;           /* CRC-32 of the whole payload */
} got;

static got G[MAXREC];
static int NG;                /* records read by the last read_all */
static int END_RC;            /* what warc_next returned at the end */
static uint64_t BYTES;        /* warc_bytes_read at the end */
static char DIR_[64];
static uint64_t OFFS[MAXREC]; /* record offsets printed by mkwarc.py */
static int NOFFS;
static long FSIZE;
static const char *PY = "python3";

static void cpy(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src ? src : "(null)");
}

static void clear_got(void)
{
    for (int i = 0; i < NG; i++)
        free(G[i].payload);
    memset(G, 0, sizeof G);
    NG = 0;
}

/* Read every record of fd; END_RC is the first non-1 return (checked to stay). */
static int read_fd(int fd, size_t max_record, size_t max_payload)
{
    clear_got();
    warc_limits lim = {max_record, max_payload};
    warc_reader *r = warc_open_fd(fd, &lim);
    if (!r)
        return -1;
    warc_record rec;
    int rc;
    while ((rc = warc_next(r, &rec)) == 1 && NG < MAXREC) {
        got *g = &G[NG++];
        g->type = rec.type;
        cpy(g->type_name, sizeof g->type_name, rec.type_name);
        cpy(g->uri, sizeof g->uri, rec.target_uri);
        cpy(g->id, sizeof g->id, rec.record_id);
        cpy(g->ctype, sizeof g->ctype, rec.content_type);
        cpy(g->hct, sizeof g->hct, rec.http_content_type);
        cpy(g->cs, sizeof g->cs, rec.http_charset);
        g->has_err = rec.error != NULL;
        cpy(g->err, sizeof g->err, rec.error ? rec.error : "");
        g->status = rec.http_status;
        g->truncated = rec.truncated;
        g->date = rec.date_unix;
        g->offset = rec.offset;
        g->len = rec.payload_len;
        size_t n = rec.payload_len < 65536 ? rec.payload_len : 65536;
        g->crc = (uint32_t)crc32(0L, rec.payload, (uInt)rec.payload_len);
        g->payload = malloc(n + 1);
        if (g->payload) {
            if (n)
                memcpy(g->payload, rec.payload, n);
            g->payload[n] = '\0';
        }
    }
    END_RC = rc;
    if (rc == 0 && warc_next(r, &rec) != 0) /* the end stays the end */
        END_RC = 99;
    BYTES = warc_bytes_read(r);
    warc_close(r);
    return NG;
}

static int read_path(const char *path, size_t max_record, size_t max_payload)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    int n = read_fd(fd, max_record, max_payload);
    close(fd);
    return n;
}

static int errors(void)
{
    int n = 0;
    for (int i = 0; i < NG; i++)
        n += G[i].has_err;
    return n;
}

static const char *path_of(const char *name)
{
    static char p[256];
    snprintf(p, sizeof p, "%s/%s", DIR_, name);
    return p;
}

/* Write a mkwarc spec (backquotes stand for double quotes) and run it.
 * 0 ok, 77 a tool is missing (skip), -1 failure. */
static int mk(const char *name, const char *spec)
{
    char spath[300], wpath[300], cmd[1024];
    snprintf(spath, sizeof spath, "%s/%s.json", DIR_, name);
    snprintf(wpath, sizeof wpath, "%s/%s", DIR_, name);
    FILE *f = fopen(spath, "w");
    if (!f)
        return -1;
    for (const char *s = spec; *s; s++)
        fputc(*s == '`' ? '"' : *s, f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "%s tests/tools/mkwarc.py %s %s", PY, wpath, spath);
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    char line[65536];
    int skip = 0;
    NOFFS = 0;
    FSIZE = -1;
    while (fgets(line, sizeof line, p)) {
        if (strncmp(line, "size ", 5) == 0)
            FSIZE = atol(line + 5);
        else if (strncmp(line, "skip", 4) == 0)
            skip = 1;
        else if (strncmp(line, "offsets", 7) == 0) {
            char *s = line + 7;
            while (*s && NOFFS < MAXREC) {
                char *e;
                unsigned long long v = strtoull(s, &e, 10);
                if (e == s)
                    break;
                OFFS[NOFFS++] = v;
                s = e;
            }
        }
    }
    int st = pclose(p);
    if (skip)
        return 77;
    if (st != 0 || FSIZE < 0) {
        fprintf(stderr, "mkwarc failed for %s (status %d)\n", name, st);
        return -1;
    }
    return 0;
}

static void write_bytes(const char *name, const void *data, size_t n)
{
    FILE *f = fopen(path_of(name), "wb");
    if (f) {
        fwrite(data, 1, n, f);
        fclose(f);
    }
}

static int payload_is(int i, const char *want)
{
    return i < NG && G[i].payload && G[i].len == strlen(want) && memcmp(G[i].payload, want, G[i].len) == 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------ record types, all containers */

#define BASIC                                                                                            \
    "[{`type`:`warcinfo`,`content`:`software: mkwarc\\r\\nformat: WARC File Format 1.0\\r\\n`},"          \
    "{`type`:`response`,`uri`:`http://a.example/`,`body`:`<html>hello</html>`},"                          \
    "{`type`:`request`,`uri`:`http://a.example/`},"                                                        \
    "{`type`:`metadata`,`uri`:`http://a.example/`,`content`:`via: test\\r\\n`},"                           \
    "{`type`:`resource`,`uri`:`http://r.example/f.txt`,`content_type`:`text/plain; charset=\\`ISO-8859-2\\``," \
    "`content`:`resource text`},"                                                                          \
    "{`type`:`conversion`,`uri`:`http://a.example/`,`date`:`2024-07-06T15:29:00.123456Z`,"                 \
    "`content`:`Plain text of the page.\\n`},"                                                             \
    "{`type`:`revisit`,`uri`:`http://a.example/`,`content`:``},"                                           \
    "{`type`:`response`,`uri`:`http://a.example/missing`,`status`:404,`reason`:`Not Found`,"               \
    "`body`:`gone`,`version`:`1.1`}]"

static void test_basic(const char *comp)
{
    char spec[4096], name[64];
    snprintf(spec, sizeof spec, "{`compression`:`%s`,`records`:" BASIC "}", comp);
    snprintf(name, sizeof name, "basic-%s.warc", comp);
    int m = mk(name, spec);
    if (m == 77) {
        printf("  skip %s (zstd command missing)\n", comp);
        return;
    }
    CHECK(m == 0);
    CHECK_INT(read_path(path_of(name), 0, 0), 8);
    CHECK_INT(errors(), 0);
    CHECK_INT(END_RC, 0);
    CHECK_INT(BYTES, FSIZE);
    static const warc_type types[8] = {WARC_WARCINFO, WARC_RESPONSE, WARC_REQUEST, WARC_METADATA,
                                       WARC_RESOURCE, WARC_CONVERSION, WARC_REVISIT, WARC_RESPONSE};
    int types_ok = 1, dates_ok = 1, offs_ok = NOFFS == 8;
    int whole = strstr(comp, "-file") != NULL;
    for (int i = 0; i < 8 && i < NG; i++) {
        types_ok &= G[i].type == types[i];
        dates_ok &= G[i].date == 1720279740; /* 2024-07-06T15:29:00Z */
        if (i < NOFFS)
            offs_ok &= G[i].offset == (whole ? 0 : OFFS[i]);
    }
    CHECK(types_ok);
    CHECK(dates_ok);
    CHECK(offs_ok);
    CHECK_STR(G[0].type_name, "warcinfo");
    CHECK(payload_is(0, "software: mkwarc\r\nformat: WARC File Format 1.0\r\n"));
    CHECK_STR(G[0].uri, "");
    CHECK_STR(G[1].type_name, "response");
    CHECK_STR(G[1].uri, "http://a.example/");
    CHECK_STR(G[1].id, "<urn:uuid:00000000-0000-4000-8000-000000000002>");
    CHECK_STR(G[1].ctype, "application/http; msgtype=response");
    CHECK_INT(G[1].status, 200);
    CHECK_STR(G[1].hct, "text/html; charset=utf-8");
    CHECK_STR(G[1].cs, "utf-8");
    CHECK(payload_is(1, "<html>hello</html>"));
    CHECK_INT(G[2].status, 0);
    CHECK(payload_is(2, "GET /0 HTTP/1.1\r\nHost: example.com\r\n\r\n"));
    CHECK_STR(G[2].hct, "");
    CHECK_STR(G[4].hct, "text/plain; charset=\"ISO-8859-2\"");
    CHECK_STR(G[4].cs, "ISO-8859-2");
    CHECK(payload_is(4, "resource text"));
    CHECK_STR(G[5].hct, "text/plain");
    CHECK_STR(G[5].cs, "");
    CHECK(payload_is(5, "Plain text of the page.\n"));
    CHECK_INT(G[6].len, 0);
    CHECK_INT(G[7].status, 404);
    CHECK(payload_is(7, "gone"));
}

static void test_zstd_dictionary(void)
{
    int m = mk("dict.warc", "{`compression`:`zstd-dict`,`records`:[{`type`:`response`,`uri`:`http://x/{i}`,"
                            "`body_size`:2000,`repeat`:60}]}");
    if (m == 77) {
        printf("  skip zstd-dict (zstd command missing)\n");
        return;
    }
    CHECK(m == 0);
    CHECK_INT(read_path(path_of("dict.warc"), 0, 0), 60);
    CHECK_INT(errors(), 0);
    CHECK_STR(G[59].uri, "http://x/59");
    CHECK_INT(G[59].len, 2000);
    CHECK(NOFFS == 60 && G[1].offset == OFFS[1]);
}

/* ------------------------------------------------------------ HTTP bodies */

static void test_encodings(void)
{
    static const char *enc[] = {"`gzip`", "`x-gzip`", "`deflate`", "`deflate-raw`", "`br`",
                                "`br-stored`", "[`gzip`,`br`]", "[`deflate`,`gzip`]"};
    char spec[4096];
    size_t n = (size_t)snprintf(spec, sizeof spec, "{`compression`:`gzip`,`records`:[");
    n += (size_t)snprintf(spec + n, sizeof spec - n,
                          "{`uri`:`http://e/chunked`,`chunked`:3,`body`:`<html>chunked body</html>`},"
                          "{`uri`:`http://e/chunked-gzip`,`chunked`:7,`encoding`:`gzip`,"
                          "`body`:`<html>chunked and gzipped</html>`}");
    for (size_t i = 0; i < sizeof enc / sizeof enc[0]; i++)
        n += (size_t)snprintf(spec + n, sizeof spec - n, ",{`uri`:`http://e/%zu`,`encoding`:%s,"
                              "`body`:`<html>encoded %zu</html>`}", i, enc[i], i);
    snprintf(spec + n, sizeof spec - n, "]}");
    CHECK(mk("enc.warc", spec) == 0);
    CHECK_INT(read_path(path_of("enc.warc"), 0, 0), 10);
    CHECK_INT(errors(), 0);
    CHECK(payload_is(0, "<html>chunked body</html>"));
    CHECK(payload_is(1, "<html>chunked and gzipped</html>"));
    int ok = 1, trunc = 0;
    for (int i = 0; i < 8; i++) {
        char want[64];
        snprintf(want, sizeof want, "<html>encoded %d</html>", i);
        if (!payload_is(i + 2, want)) {
            fprintf(stderr, "encoding %s: got '%s' err '%s'\n", enc[i], G[i + 2].payload, G[i + 2].err);
            ok = 0;
        }
        trunc |= G[i + 2].truncated;
    }
    CHECK(ok);
    CHECK_INT(trunc, 0);

    int m = mk("enc-zstd.warc", "{`records`:[{`uri`:`http://e/z`,`encoding`:`zstd`,`chunked`:4,"
                                "`body`:`<html>zstd body</html>`}]}");
    if (m == 77) {
        printf("  skip zstd content-encoding (zstd command missing)\n");
    } else {
        CHECK_INT(read_path(path_of("enc-zstd.warc"), 0, 0), 1);
        CHECK(payload_is(0, "<html>zstd body</html>"));
    }
}

/* warc_take_payload: the caller owns the buffer; the next records are intact. */
static void test_take_payload(void)
{
    static const char *const files[] = {"enc.warc", "basic-gzip.warc"};
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        int n = read_path(path_of(files[f]), 0, 0); /* reference: G */
        int fd = open(path_of(files[f]), O_RDONLY);
        CHECK(fd >= 0 && n > 0);
        if (fd < 0)
            continue;
        warc_reader *r = warc_open_fd(fd, NULL);
        warc_record rec;
        int i = 0, same = 1, taken = 0;
        while (r && warc_next(r, &rec) == 1 && i < n) {
            size_t off = 99;
            unsigned char *buf = warc_take_payload(r, &rec, &off);
            if (buf) {
                taken++;
                same &= buf + off == rec.payload;
            } else {
                same &= rec.payload_len == 0;
            }
            same &= rec.payload_len == G[i].len && !rec.error == !G[i].has_err &&
                    (size_t)(rec.payload_len < 65536 ? rec.payload_len : 65536) <= G[i].len &&
                    memcmp(rec.payload, G[i].payload, rec.payload_len < 65536 ? rec.payload_len : 65536) == 0;
            free(buf); /* the payload is the caller's: gone now, and the reader must not mind */
            i++;
        }
        CHECK_INT(i, n);
        CHECK(same);
        CHECK(taken > 0);
        warc_close(r);
        close(fd);
    }
}

static void test_charsets_and_status(void)
{
    CHECK(mk("cs.warc",
             "{`records`:["
             "{`headers`:[[`Content-Type`,`text/html; charset=\\`ISO-8859-1\\``]]},"
             "{`headers`:[[`Content-Type`,`text/html;charset=windows-1251`]]},"
             "{`headers`:[[`content-type`,`text/html; Charset = 'utf-8'`]]},"
             "{`headers`:[[`Content-Type`,`text/html`]]},"
             "{`headers`:[[`Content-Type`,`text/html; foo=bar; charset=koi8-r`]]},"
             "{`headers`:[]},"
             "{`status`:301,`reason`:`Moved`,`headers`:[[`Location`,`http://b/`]],`body`:``},"
             "{`status`:500,`reason`:`Oops`,`body`:`err`}]}") == 0);
    CHECK_INT(read_path(path_of("cs.warc"), 0, 0), 8);
    CHECK_STR(G[0].cs, "ISO-8859-1");
    CHECK_STR(G[1].cs, "windows-1251");
    CHECK_STR(G[2].cs, "utf-8");
    CHECK_STR(G[2].hct, "text/html; Charset = 'utf-8'");
    CHECK_STR(G[3].cs, "");
    CHECK_STR(G[4].cs, "koi8-r");
    CHECK_STR(G[5].hct, "");
    CHECK_INT(G[6].status, 301);
    CHECK_INT(G[6].len, 0);
    CHECK_INT(G[7].status, 500);
    CHECK(payload_is(7, "err"));
    CHECK_INT(errors(), 0);
}

static void test_wet(void)
{
    CHECK(mk("wet.warc.gz",
             "{`compression`:`gzip`,`records`:[{`type`:`warcinfo`,`content`:`isPartOf: CC\\r\\n`},"
             "{`type`:`conversion`,`uri`:`http://n.example/{i}`,`repeat`:3,"
             "`fields`:[[`WARC-Refers-To`,`<urn:uuid:1>`],[`WARC-Identified-Content-Language`,`eng`]],"
             "`content`:`Headline {i}\\nBody text.\\n`}]}") == 0);
    CHECK_INT(read_path(path_of("wet.warc.gz"), 0, 0), 4);
    CHECK_INT(G[1].type, WARC_CONVERSION);
    CHECK_STR(G[1].type_name, "conversion");
    CHECK_STR(G[2].uri, "http://n.example/1");
    CHECK_STR(G[2].hct, "text/plain");
    CHECK(payload_is(3, "Headline 2\nBody text.\n"));
    CHECK_INT(errors(), 0);
}

/* ------------------------------------------------------------ damage */

#define R2 "{`uri`:`http://ok/{i}`,`body`:`<html>ok {i}</html>`,`repeat`:2}"

/* Records 0,1 fine, record 2 broken (uri http://bad/ when readable), then 3,4 fine. */
static void check_middle_error(const char *what, int want_uri)
{
    int fine = NG == 5 && errors() == 1 && G[2].has_err;
    if (!fine)
        fprintf(stderr, "%s: %d records, %d errors\n", what, NG, errors());
    CHECK(fine);
    CHECK(NG == 5 && payload_is(3, "<html>ok 0</html>") && payload_is(4, "<html>ok 1</html>") &&
          !G[3].has_err && !G[4].has_err && strcmp(G[4].uri, "http://ok/1") == 0);
    if (want_uri)
        CHECK_STR(G[2].uri, "http://bad/");
    CHECK_INT(END_RC, 0);
}

static void test_content_length(void)
{
    static const char *comps[] = {"none", "gzip", "gzip-file"};
    static const struct {
        const char *fault, *msg;
    } faults[] = {{"`cl_delta`:40", "does not match"},
                  {"`cl_delta`:-12", "does not match"},
                  {"`content_length`:null", "missing Content-Length"},
                  {"`content_length`:`12x`", "bad Content-Length"},
                  {"`content_length`:99999999999", "record too large"}};
    for (size_t c = 0; c < 3; c++)
        for (size_t f = 0; f < sizeof faults / sizeof faults[0]; f++) {
            char spec[1024], name[64];
            snprintf(spec, sizeof spec,
                     "{`compression`:`%s`,`records`:[" R2 ",{`uri`:`http://bad/`,%s}," R2 "]}", comps[c],
                     faults[f].fault);
            snprintf(name, sizeof name, "cl-%zu-%zu.warc", c, f);
            CHECK(mk(name, spec) == 0);
            read_path(path_of(name), 0, 0);
            check_middle_error(name, 1);
            CHECK(strstr(G[2].err, faults[f].msg) != NULL);
        }

    /* a Content-Length far too large swallows three records: all come back */
    CHECK(mk("cl-swallow.warc", "{`records`:[{`uri`:`http://bad/`,`cl_delta`:2000},"
                                "{`uri`:`http://ok/{i}`,`repeat`:3}]}") == 0);
    read_path(path_of("cl-swallow.warc"), 0, 0);
    CHECK(NG == 4 && G[0].has_err && errors() == 1 && strcmp(G[3].uri, "http://ok/2") == 0);

    /* over max_record: error, and the next record is intact */
    CHECK(mk("big.warc", "{`compression`:`gzip`,`records`:[{`type`:`resource`,`uri`:`http://big/`,"
                         "`content_size`:5000},{`type`:`resource`,`uri`:`http://small/`,`content`:`s`}]}") == 0);
    read_path(path_of("big.warc"), 1000, 0);
    CHECK(NG == 2 && G[0].has_err && strstr(G[0].err, "max_record") && !G[1].has_err);
    CHECK_STR(G[0].uri, "http://big/");
    CHECK(payload_is(1, "s"));
}

static void test_garbage(void)
{
    static const char *comps[] = {"none", "gzip", "gzip-file"};
    for (size_t c = 0; c < 3; c++)
        for (int member = 0; member < 2; member++) {
            if (member && c != 1)
                continue;
            char spec[1024], name[64];
            snprintf(spec, sizeof spec,
                     "{`compression`:`%s`,`records`:[" R2 ",{`garbage`:`<html>stray bytes\\r\\nWARC junk\\n`%s},"
                     R2 "]}", comps[c], member ? ",`gzip_garbage`:true" : "");
            snprintf(name, sizeof name, "garbage-%zu-%d.warc", c, member);
            CHECK(mk(name, spec) == 0);
            read_path(path_of(name), 0, 0);
            check_middle_error(name, 0);
        }
    /* garbage with no newline before the next record, and a version-like line */
    CHECK(mk("garbage-nonl.warc", "{`records`:[" R2 ",{`garbage`:`xx WARC/1.0 is a format. junk`}," R2 "]}") == 0);
    read_path(path_of("garbage-nonl.warc"), 0, 0);
    check_middle_error("garbage without newline", 0);
    /* garbage first and last */
    CHECK(mk("garbage-ends.warc", "{`records`:[{`garbage`:`GET / HTTP/1.0\\r\\n`}," R2 ",{`garbage`:`\\u0000\\u0000tail`}]}") == 0);
    read_path(path_of("garbage-ends.warc"), 0, 0);
    CHECK(NG == 4 && G[0].has_err && !G[1].has_err && !G[2].has_err && G[3].has_err);
    CHECK(NG == 4 && strstr(G[0].err, "16 bytes of garbage") && strstr(G[3].err, "end of input"));
    CHECK_INT(G[0].offset, 0);
}

static void test_truncation(void)
{
    static const char *comps[] = {"none", "gzip", "gzip-file"};
    for (size_t c = 0; c < 3; c++) {
        char spec[1024], name[64];
        snprintf(spec, sizeof spec, "{`compression`:`%s`,`truncate`:-20,`records`:[" R2 ",{`uri`:`http://last/`,"
                 "`body_size`:3000}]}", comps[c]);
        snprintf(name, sizeof name, "trunc-%zu.warc", c);
        CHECK(mk(name, spec) == 0);
        read_path(path_of(name), 0, 0);
        CHECK(NG == 3 && errors() == 1 && G[2].has_err);
        CHECK_STR(G[2].uri, "http://last/");
        CHECK_INT(END_RC, 0);
    }
    /* cut inside the header of the second record */
    CHECK(mk("trunc-hdr.warc", "{`records`:[" R2 "]}") == 0);
    long cut = (long)OFFS[1] + 40;
    CHECK(truncate(path_of("trunc-hdr.warc"), cut) == 0);
    read_path(path_of("trunc-hdr.warc"), 0, 0);
    CHECK(NG == 2 && !G[0].has_err && G[1].has_err && strstr(G[1].err, "header"));
    CHECK_INT(G[1].offset, OFFS[1]);
    CHECK_INT(END_RC, 0);
}

static void test_corrupt_member(void)
{
    CHECK(mk("corrupt.warc.gz", "{`compression`:`gzip`,`records`:[" R2 ",{`uri`:`http://bad/`,`body_size`:3000,"
                                "`corrupt`:true}," R2 "]}") == 0);
    read_path(path_of("corrupt.warc.gz"), 0, 0);
    check_middle_error("corrupt member", 1);
    CHECK(strncmp(G[2].err, "gzip:", 5) == 0);
    CHECK(NOFFS == 5 && G[2].offset == OFFS[2] && G[3].offset == OFFS[3]);
    /* the raw block of an error record is capped too (found by fuzz_warc) */
    read_path(path_of("corrupt.warc.gz"), 0, 100);
    CHECK(NG == 5 && G[2].has_err && G[2].len == 100 && G[2].truncated == 1);

    /* 1000 records, one corrupt in the middle: exactly 999 + 1 */
    CHECK(mk("corrupt1000.warc.gz", "{`compression`:`gzip`,`records`:[{`uri`:`http://a/{i}`,`repeat`:500},"
                                    "{`uri`:`http://bad/`,`body_size`:20000,`corrupt`:true},"
                                    "{`uri`:`http://b/{i}`,`repeat`:499}]}") == 0);
    read_path(path_of("corrupt1000.warc.gz"), 0, 0);
    CHECK_INT(NG, 1000);
    CHECK_INT(errors(), 1);
    CHECK(NG == 1000 && G[500].has_err && strcmp(G[999].uri, "http://b/498") == 0);

    /* two corrupt members in a row are two error records */
    CHECK(mk("corrupt2.warc.gz", "{`compression`:`gzip`,`records`:[" R2 ",{`uri`:`http://bad/{i}`,`body_size`:3000,"
                                 "`corrupt`:true,`repeat`:2}," R2 "]}") == 0);
    read_path(path_of("corrupt2.warc.gz"), 0, 0);
    CHECK(NG == 6 && errors() == 2 && G[2].has_err && G[3].has_err && strcmp(G[5].uri, "http://ok/1") == 0);
}

static void test_bomb(void)
{
    CHECK(mk("bomb.warc", "{`compression`:`gzip`,`records`:[" R2 ",{`uri`:`http://bomb/`,`bomb_mb`:1024}," R2 "]}") == 0);
    struct rusage ru;
    double t0 = now();
    read_path(path_of("bomb.warc"), 0, (size_t)8 << 20);
    double dt = now() - t0;
    getrusage(RUSAGE_SELF, &ru);
    CHECK_INT(NG, 5);
    CHECK_INT(errors(), 0);
    CHECK_INT(G[2].len, (size_t)8 << 20);
    CHECK_INT(G[2].truncated, 1);
    int zero = G[2].payload != NULL;
    for (size_t i = 0; zero && i < 65536; i++)
        zero = G[2].payload[i] == 0;
    CHECK(zero);
    CHECK_STR(G[4].uri, "http://ok/1");
    CHECK(dt < 10.0);
    CHECK(ru.ru_maxrss < 400 * 1024); /* KiB: far below the 1 GiB the bomb expands to */
    printf("  bomb: 8 MiB cap reached in %.3f s, max RSS %ld MiB\n", dt, ru.ru_maxrss / 1024);
}

static void test_thousand(void)
{
    static const char *comps[] = {"none", "gzip", "gzip-file"};
    for (size_t c = 0; c < 3; c++) {
        char spec[512], name[64];
        snprintf(spec, sizeof spec, "{`compression`:`%s`,`records`:[{`uri`:`http://n/{i}`,"
                 "`body`:`<p>{i}</p>`,`repeat`:1000}]}", comps[c]);
        snprintf(name, sizeof name, "n1000-%zu.warc", c);
        CHECK(mk(name, spec) == 0);
        CHECK_INT(read_path(path_of(name), 0, 0), 1000);
        CHECK_INT(errors(), 0);
        int order = NG == 1000, offs = NOFFS == 1000;
        for (int i = 0; i < NG && i < 1000; i++) {
            char u[32];
            snprintf(u, sizeof u, "http://n/%d", i);
            order &= strcmp(G[i].uri, u) == 0;
            if (c < 2 && i < NOFFS)
                offs &= G[i].offset == OFFS[i];
        }
        CHECK(order);
        CHECK(offs);
    }
    /* through a pipe: no seeking, short reads */
    char cmd[400];
    snprintf(cmd, sizeof cmd, "cat %s", path_of("n1000-1.warc"));
    FILE *p = popen(cmd, "r");
    CHECK(p != NULL);
    if (p) {
        CHECK_INT(read_fd(fileno(p), 0, 0), 1000);
        CHECK_INT(errors(), 0);
        pclose(p);
    }
}

static void test_limits(void)
{
    CHECK(mk("limits.warc", "{`records`:[{`type`:`resource`,`uri`:`http://r/`,`content_size`:100000},"
                            "{`uri`:`http://h/`,`body_size`:5000,`encoding`:`gzip`},"
                            "{`uri`:`http://c/`,`body_size`:5000,`chunked`:100}]}") == 0);
    read_path(path_of("limits.warc"), 0, 1000);
    CHECK(NG == 3 && errors() == 0);
    CHECK(G[0].len == 1000 && G[0].truncated == 1);
    CHECK(G[1].len == 1000 && G[1].truncated == 1);
    CHECK(G[2].len == 1000 && G[2].truncated == 1);
    read_path(path_of("limits.warc"), 0, 0);
    CHECK(G[0].len == 100000 && !G[0].truncated && G[1].len == 5000 && G[2].len == 5000 && !G[2].truncated);
}

/* ------------------------------------------------------------ the gzip fast path (libdeflate) */

/* One resource record as one gzip member (level 0: stored blocks, as large
 * compressed as decoded; hcrc: a header CRC, which only zlib checks). */
static long gz_record(FILE *f, int id, const unsigned char *block, size_t n, int level, int hcrc)
{
    long at = ftell(f);
    char head[256];
    int hn = snprintf(head, sizeof head, "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://big/%d\r\n"
                      "Content-Type: text/plain\r\nContent-Length: %zu\r\n\r\n", id, n);
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, level, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return -1;
    gz_header gh;
    memset(&gh, 0, sizeof gh);
    gh.hcrc = hcrc;
    gh.os = 3;
    if (hcrc)
        deflateSetHeader(&z, &gh);
    size_t cap = deflateBound(&z, (uLong)(n + (size_t)hn + 4)) + 64;
    unsigned char *out = malloc(cap);
    if (!out)
        return -1;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    z.next_in = (Bytef *)head;
    z.avail_in = (uInt)hn;
    deflate(&z, Z_NO_FLUSH);
    z.next_in = (Bytef *)(uintptr_t)block;
    z.avail_in = (uInt)n;
    deflate(&z, Z_NO_FLUSH);
    z.next_in = (Bytef *)"\r\n\r\n";
    z.avail_in = 4;
    int rc = deflate(&z, Z_FINISH);
    fwrite(out, 1, cap - z.avail_out, f);
    deflateEnd(&z);
    free(out);
    return rc == Z_STREAM_END ? at : -1;
}

static void test_fast_path(void)
{
    /* sizes around the fast path's limits: the first window (1 MiB), the
     * input kept ahead (512 KiB), FAST_IN_MAX (4 MiB) / FAST_OUT_MAX (8 MiB) */
    static const struct {
        size_t n;
        int level, hcrc, flat;
    } R[] = {{1000, 6, 0, 0},         /* small */
             {3u << 20, 6, 0, 0},     /* decodes past the first window: tried again, larger */
             {1536u << 10, 0, 0, 0},  /* stored: more compressed bytes than kept ahead */
             {2000, 6, 0, 0},
             {20u << 20, 0, 0, 0},    /* compressed beyond FAST_IN_MAX: zlib streams it */
             {20u << 20, 9, 0, 1},    /* 20 KiB decoding beyond FAST_OUT_MAX: zlib streams it */
             {3000, 6, 1, 0},         /* header CRC: zlib */
             {4000, 6, 0, 0}};
    enum { NR = sizeof R / sizeof R[0] };
    size_t maxn = 20u << 20;
    unsigned char *block = malloc(maxn), *flat = malloc(maxn);
    if (!block || !flat) {
        free(block);
        free(flat);
        CHECK(0);
        return;
    }
    memset(flat, 'x', maxn);
    uint32_t x = 12345;
    for (size_t i = 0; i < maxn; i++) { /* text-like, a little compressible */
        x = x * 1103515245u + 12345u;
        block[i] = (unsigned char)("abcdefghij klmnop\n<>"[(x >> 16) % 21]);
    }
    long offs[NR];
    FILE *f = fopen(path_of("fast.warc.gz"), "wb");
    CHECK(f != NULL);
    if (!f) {
        free(block);
        return;
    }
    for (int i = 0; i < NR; i++)
        offs[i] = gz_record(f, i, R[i].flat ? flat : block, R[i].n, R[i].level, R[i].hcrc);
    long size = ftell(f);
    fclose(f);

    for (int pass = 0; pass < 2; pass++) {
        if (pass == 0) {
            read_path(path_of("fast.warc.gz"), 0, 0);
        } else { /* through a pipe: short reads */
            char cmd[400];
            snprintf(cmd, sizeof cmd, "cat %s", path_of("fast.warc.gz"));
            FILE *p = popen(cmd, "r");
            CHECK(p != NULL);
            if (!p)
                break;
            read_fd(fileno(p), 0, 0);
            pclose(p);
        }
        CHECK_INT(NG, NR);
        CHECK_INT(errors(), 0);
        CHECK_INT(END_RC, 0);
        CHECK_INT(BYTES, (uint64_t)size);
        int ok = NG == NR;
        for (int i = 0; ok && i < NR; i++) {
            char u[32];
            snprintf(u, sizeof u, "http://big/%d", i);
            ok &= G[i].len == R[i].n && G[i].crc == (uint32_t)crc32(0L, R[i].flat ? flat : block, (uInt)R[i].n) &&
                  strcmp(G[i].uri, u) == 0 && G[i].offset == (uint64_t)offs[i];
        }
        CHECK(ok);
    }

    /* damage: a corrupt large member (found only at its CRC, after the input
     * was topped up), a bad header CRC, and a large last member cut short */
    FILE *in = fopen(path_of("fast.warc.gz"), "rb");
    unsigned char *all = malloc((size_t)size);
    CHECK(in && all && fread(all, 1, (size_t)size, in) == (size_t)size);
    if (in)
        fclose(in);
    if (all) {
        all[offs[2] + (offs[3] - offs[2]) / 2] ^= 0x55; /* inside the stored data of record 2 */
        all[offs[6] + 10] ^= 0xff;                      /* the header CRC of record 6 */
        write_bytes("fast-bad.warc.gz", all, (size_t)size);
        read_path(path_of("fast-bad.warc.gz"), 0, 0);
        CHECK_INT(NG, NR);
        CHECK_INT(errors(), 2);
        CHECK(NG == NR && G[2].has_err && strstr(G[2].err, "gzip") && G[2].offset == (uint64_t)offs[2]);
        CHECK(NG == NR && G[6].has_err && strstr(G[6].err, "header crc"));
        CHECK(NG == NR && G[3].len == R[3].n && !G[3].has_err && G[7].len == R[7].n && !G[7].has_err);
        /* cut in the middle of the stored 1.5 MiB member */
        write_bytes("fast-cut.warc.gz", all, (size_t)(offs[2] + (offs[3] - offs[2]) / 2));
        read_path(path_of("fast-cut.warc.gz"), 0, 0);
        CHECK_INT(NG, 3);
        CHECK(NG == 3 && !G[1].has_err && G[2].has_err && strstr(G[2].err, "unexpected end of input"));
        CHECK_INT(END_RC, 0);
    }
    free(all);
    free(block);
    free(flat);
}

/* ------------------------------------------------------------ byte-exact cases written from C */

static void put_record(FILE *f, const char *head, const char *block, size_t n)
{
    fprintf(f, "%sContent-Length: %zu\r\n\r\n", head, n);
    fwrite(block, 1, n, f);
    fputs("\r\n\r\n", f);
}

static void test_handmade(void)
{
    FILE *f = fopen(path_of("hand.warc"), "wb");
    if (!f) {
        CHECK(0);
        return;
    }
    /* LF-only, folded URI, WARC/1.1, angle brackets, odd case, no trailing newlines */
    fputs("WARC/1.1\nwarc-type: Resource\nWARC-Target-URI:\n  <http://fold.example/a>\n"
          "WARC-Date: 2024-07-06T17:29:00+02:00\ncontent-length: 3\n\nabc", f);
    fputs("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://c/badchunk\r\n"
          "WARC-Date: 2024-02-29\r\nContent-Type: application/http;msgtype=response\r\n", f);
    static const char badchunk[] = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\nworld\r\n0\r\n\r\n";
    put_record(f, "", badchunk, sizeof badchunk - 1);
    fputs("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://c/notchunked\r\n"
          "WARC-Date: 2024-13-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n", f);
    static const char notchunked[] = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n<html>plain</html>";
    put_record(f, "", notchunked, sizeof notchunked - 1);
    fputs("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://c/continue\r\n"
          "Content-Type: application/http; msgtype=response\r\n", f);
    static const char cont[] = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Type: text/plain\r\n\r\nmade";
    put_record(f, "", cont, sizeof cont - 1);
    fputs("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://c/badgzip\r\n"
          "Content-Type: application/http; msgtype=response\r\n", f);
    static const char badgz[] = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03garbage!";
    put_record(f, "", badgz, sizeof badgz - 1);
    fputs("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://c/unknown\r\n"
          "Content-Type: application/http; msgtype=response\r\n", f);
    static const char unk[] = "HTTP/1.1 200 OK\r\nContent-Encoding: compress\r\n\r\nxyz";
    put_record(f, "", unk, sizeof unk - 1);
    /* a gzip body cut short: what inflated is kept, marked truncated */
    fputs("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://c/shortgzip\r\n"
          "Content-Type: application/http; msgtype=response\r\n", f);
    static const unsigned char gz_hello[] = { /* gzip of "hello hello hello\n", last 10 bytes dropped */
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xcb, 0x48, 0xcd, 0xc9, 0xc9,
        0x57, 0xc8, 0x40, 0x90};
    char shortgz[256];
    int hn = snprintf(shortgz, sizeof shortgz, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n");
    memcpy(shortgz + hn, gz_hello, sizeof gz_hello);
    put_record(f, "", shortgz, (size_t)hn + sizeof gz_hello);
    fputs("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://c/notwarchttp\r\n"
          "WARC-Date: 2024-07-06T15:29:00.5\r\nContent-Type: text/dns\r\n", f);
    put_record(f, "", "20240706 a.example. 60 IN A 1.2.3.4\n", 36);
    fclose(f);

    read_path(path_of("hand.warc"), 0, 0);
    CHECK_INT(NG, 8);
    CHECK_INT(G[0].type, WARC_RESOURCE);
    CHECK_STR(G[0].type_name, "Resource");
    CHECK_STR(G[0].uri, "http://fold.example/a");
    CHECK_INT(G[0].date, 1720279740);
    CHECK(payload_is(0, "abc") && !G[0].has_err);
    CHECK(payload_is(1, "hello") && G[1].truncated == 1 && !G[1].has_err);
    CHECK_INT(G[1].date, 1709164800); /* 2024-02-29 */
    CHECK(payload_is(2, "<html>plain</html>") && !G[2].truncated);
    CHECK_INT(G[2].date, 0);          /* month 13 */
    CHECK_INT(G[3].status, 201);
    CHECK(payload_is(3, "made"));
    CHECK_STR(G[3].hct, "text/plain");
    CHECK(G[4].has_err && strstr(G[4].err, "content-encoding gzip") != NULL);
    CHECK(G[4].len == 18 && memcmp(G[4].payload, "\x1f\x8b\x08", 3) == 0); /* raw body */
    CHECK(G[5].has_err && strstr(G[5].err, "unsupported") && payload_is(5, "xyz"));
    CHECK(G[6].truncated == 1 && !G[6].has_err && G[6].len > 0 && G[6].len <= 18 &&
          memcmp(G[6].payload, "hello hello hello\n", G[6].len) == 0);
    CHECK_INT(G[7].status, 0);
    CHECK_STR(G[7].hct, "text/dns");
    CHECK_INT(G[7].date, 1720279740);
    CHECK(payload_is(7, "20240706 a.example. 60 IN A 1.2.3.4\n"));
    CHECK_INT(errors(), 2);
}

static void test_odd_inputs(void)
{
    write_bytes("empty.warc", "", 0);
    CHECK_INT(read_path(path_of("empty.warc"), 0, 0), 0);
    CHECK_INT(END_RC, 0);
    write_bytes("notwarc.txt", "hello, this is not a WARC file\n", 31);
    CHECK_INT(read_path(path_of("notwarc.txt"), 0, 0), 1);
    CHECK(G[0].has_err && strstr(G[0].err, "31 bytes of garbage"));
    CHECK_INT(END_RC, 0);
    /* a read error: directories cannot be read */
    int fd = open(".", O_RDONLY);
    CHECK(fd >= 0);
    warc_reader *r = warc_open_fd(fd, NULL);
    warc_record rec;
    CHECK_INT(warc_next(r, &rec), -1);
    CHECK(rec.error && strstr(rec.error, "read error"));
    CHECK_INT(warc_next(r, &rec), -1);
    warc_close(r);
    close(fd);
    /* only a gzip header */
    write_bytes("gzhead.warc.gz", "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
    CHECK_INT(read_path(path_of("gzhead.warc.gz"), 0, 0), 1);
    CHECK(G[0].has_err && strstr(G[0].err, "unexpected end"));
}

static void cleanup(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", DIR_);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", DIR_);
}

int main(void)
{
    const char *py = getenv("PYTHON");
    if (py && *py)
        PY = py;
    else if (access("/usr/bin/python3", X_OK) == 0)
        PY = "/usr/bin/python3"; /* starts faster than a version-manager shim */
    snprintf(DIR_, sizeof DIR_, "/tmp/test_warc.XXXXXX");
    if (!mkdtemp(DIR_)) {
        perror("mkdtemp");
        return 1;
    }
    if (access("tests/tools/mkwarc.py", R_OK) != 0) {
        fprintf(stderr, "test_warc: run from the repository root (tests/tools/mkwarc.py not found)\n");
        CHECK(0);
    } else {
        test_basic("none");
        test_basic("gzip");
        test_basic("gzip-file");
        test_basic("zstd");
        test_basic("zstd-file");
        test_zstd_dictionary();
        test_encodings();
        test_take_payload();
        test_charsets_and_status();
        test_wet();
        test_content_length();
        test_garbage();
        test_truncation();
        test_corrupt_member();
        test_bomb();
        test_fast_path();
        test_thousand();
        test_limits();
        test_handmade();
    }
    test_odd_inputs();
    clear_got();
    cleanup();
    return harness_done("test_warc");
}
