/* main.c — the pith command: pages in, article records out.
 *
 * A client of include/pith.h only. Reads each FILE (or stdin), extracts one
 * record per input and writes it to stdout in the chosen format; errors and
 * diagnostics go to stderr. With --format json the output is JSON Lines, one
 * object per input, with "source" when it was read from a file. Exit codes are
 * documented in usage() and man/pith.1.
 */
#include "pith.h"
#include "batch.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define EXIT_OK 0
#define EXIT_SOME_FAILED 1 /* at least one input gave an error record (no content, limit, ...) */
#define EXIT_USAGE 2       /* bad command line */
#define EXIT_IO 3          /* an input could not be read or output could not be written */
#define EXIT_INTERNAL 4    /* out of memory or internal error */

static void usage(FILE *f)
{
    fputs(
        "Usage: pith [OPTIONS] [FILE...]\n"
        "Extract the article from web pages (or already-scraped text) as a clean record.\n"
        "Reads each FILE, or standard input when none is given; '-' is standard input.\n"
        "\n"
        "Output:\n"
        "  -f, --format FMT     text (default), markdown, json or html. json: one object per\n"
        "                       input and line, with \"source\" when read from a file\n"
        "      --no-blocks      json: leave out the \"blocks\" array\n"
        "      --no-title       text/markdown/html: body only\n"
        "  -o, --output FILE    write to FILE instead of standard output; in batch mode\n"
        "                       FILE.gz and FILE.zst are compressed\n"
        "\n"
        "Input:\n"
        "      --input KIND     auto (default), html or text. text: plain text of one page\n"
        "                       as a scraper, a WET record or 'w3m -dump' saved it (text\n"
        "                       mode); auto: text when the first 64 KB hold no tag\n"
        "      --url URL        the page's URL (for metadata and dates in the path; not\n"
        "                       used in batch mode)\n"
        "      --charset NAME   the page's charset as the HTTP header gave it; a byte order\n"
        "                       mark still wins, as in browsers (unknown: PITH_ECHARSET;\n"
        "                       in batch mode exit 2 before reading)\n"
        "      --ref-time T     reference time for relative dates ('yesterday', '2 hours ago')\n"
        "                       and year-less dates: ISO 8601 or Unix seconds (default: now)\n"
        "\n"
        "Extraction:\n"
        "      --comments       keep user comments (separately from the body)\n"
        "      --precision      favour precision: drop borderline blocks\n"
        "      --recall         favour recall: keep borderline blocks\n"
        "      --no-metadata    body only, skip metadata extraction\n"
        "\n"
        "Limits (a page over a limit is processed in a bounded way or rejected with an error\n"
        "record, never left to hang; every N takes K, M, G suffixes of 1024):\n"
        "      --max-bytes N    largest input accepted (default 64M; K, M, G suffixes);\n"
        "                       larger inputs give PITH_ETOOBIG\n"
        "      --max-depth N    element nesting kept (default 256); deeper start and end\n"
        "                       tags are dropped before parsing, their content joins the\n"
        "                       deepest kept ancestor (the HTML5 tree builder is quadratic\n"
        "                       in depth)\n"
        "      --max-nodes N    elements and text nodes per page (default 2000000); the rest\n"
        "                       of the page is ignored\n"
        "      --max-attrs N    attributes read per element (default 64)\n"
        "      --max-formatting N  open inline formatting elements (b, i, a, font ...;\n"
        "                       default 64); deeper ones are dropped before parsing\n"
        "      --timeout-ms N   per-page work budget (default 10000; 0 = none); PITH_ETIMEOUT\n"
        "      --strict-limits  reject pages over depth/formatting/node/attribute limits\n"
        "                       (PITH_ETOODEEP) instead of processing them in a degraded way\n"
        "\n"
        "Batch mode (corpora): used when an input is a directory or a WARC file, or with\n"
        "any of the options below. Output is JSON Lines in input order (the same bytes\n"
        "whatever --jobs), one line per page or WARC record: the record, or an error\n"
        "record; other WARC records (requests, non-HTML, non-200, revisits) are skipped\n"
        "and counted. A summary goes to stderr, with a progress line on a terminal.\n"
        "Only --format json (the default here) is accepted.\n"
        "  -j, --jobs N         worker threads (default: all cores; at most 512)\n"
        "      --files-from F   read input paths from F, one per line ('-' = stdin)\n"
        "      --resume         skip inputs already written to the -o file (uncompressed)\n"
        "                       by an earlier run (a cut last line is removed first)\n"
        "      --dedupe         flag exact (\"duplicate_of\") and near duplicates\n"
        "                       (\"near_duplicate_of\", MinHash) by record \"seq\"\n"
        "      --learn-boilerplate  read the inputs twice: first learn the blocks that\n"
        "                       recur on many pages of a site (host, or directory for\n"
        "                       files: on 3+ pages and 30% of them), then leave them out\n"
        "      --no-progress    no progress line\n"
        "WARC: 1.0/1.1, plain, gzip per record or whole file, zstd; response, resource\n"
        "and conversion (WET, read in text mode) records; HTTP chunked and gzip/deflate/\n"
        "br bodies decoded; WARC-Date is the reference time of relative dates.\n"
        "\n"
        "  -q, --quiet          no diagnostics on stderr\n"
        "  -V, --version        print the version and exit\n"
        "  -h, --help           print this help and exit\n"
        "\n"
        "Exit status:\n"
        "  0  every input gave a record\n"
        "  1  at least one input gave an error record (no content, over a limit, bad charset,\n"
        "     a broken WARC record)\n"
        "  2  bad command line\n"
        "  3  an input could not be read, or the output could not be written\n"
        "  4  out of memory or internal error\n"
        "\n"
        "Error records (json) carry \"status\", \"error\" (e.g. PITH_ENOCONTENT) and \"message\".\n"
        "See pith(1) for details.\n",
        f);
}

typedef struct cli {
    pith_options opt;
    pith_format format;
    unsigned render_flags;
    pith_input_kind kind;
    const char *url, *charset, *output;
    int64_t ref_time;
    int quiet;
    int batch;              /* batch-only option seen */
    unsigned jobs;
    const char *files_from;
    int resume, dedupe, progress, learn;
} cli;

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s)
        return -1;
    unsigned long long mul = 1;
    if (*end == 'k' || *end == 'K')
        mul = 1024, end++;
    else if (*end == 'm' || *end == 'M')
        mul = 1024 * 1024, end++;
    else if (*end == 'g' || *end == 'G')
        mul = 1024ull * 1024 * 1024, end++;
    if (*end == 'b' || *end == 'B')
        end++;
    if (*end || v > SIZE_MAX / mul)
        return -1;
    *out = (size_t)(v * mul);
    return 0;
}

static int parse_uint(const char *s, unsigned *out)
{
    size_t v;
    if (parse_size(s, &v) || v > UINT_MAX)
        return -1;
    *out = (unsigned)v;
    return 0;
}

/* ISO 8601 (date, optional time, optional Z/offset) or Unix seconds. */
static int parse_time(const char *s, int64_t *out)
{
    char *end;
    int y, mo, d, h = 0, mi = 0, se = 0, n = 0;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) == 3 && n == 10) {
        const char *p = s + 10;
        if (*p == 'T' || *p == ' ') {
            int k = 0;
            if (sscanf(p + 1, "%2d:%2d%n", &h, &mi, &k) < 2)
                return -1;
            p += 1 + k;
            if (*p == ':') {
                if (sscanf(p + 1, "%2d%n", &se, &k) < 1)
                    return -1;
                p += 1 + k;
            }
            if (*p == '.')
                while (*++p >= '0' && *p <= '9')
                    ;
        }
        long off = 0;
        if (*p == 'Z') {
            p++;
        } else if (*p == '+' || *p == '-') {
            int oh = 0, om = 0;
            if (sscanf(p + 1, "%2d:%2d", &oh, &om) < 1 && sscanf(p + 1, "%2d%2d", &oh, &om) < 1)
                return -1;
            off = (oh * 60 + om) * 60L * (*p == '-' ? -1 : 1);
            p += strlen(p);
        }
        if (*p)
            return -1;
        if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60)
            return -1;
        struct tm tm;
        memset(&tm, 0, sizeof tm);
        tm.tm_year = y - 1900;
        tm.tm_mon = mo - 1;
        tm.tm_mday = d;
        tm.tm_hour = h;
        tm.tm_min = mi;
        tm.tm_sec = se;
        *out = (int64_t)timegm(&tm) - off;
        return 0;
    }
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end || v <= 0)
        return -1;
    *out = v;
    return 0;
}

/* Whole input into memory (stops past limit): 0, -1 on a read error, -2 out of memory. */
static int read_all(FILE *f, size_t limit, unsigned char **data, size_t *len, int *too_big)
{
    size_t cap = 1 << 16, n = 0;
    unsigned char *p = malloc(cap);
    *too_big = 0;
    if (!p)
        return -2;
    for (;;) {
        if (n == cap) {
            if (cap > limit) {
                *too_big = 1;
                break;
            }
            size_t nc = cap * 2;
            unsigned char *q = realloc(p, nc);
            if (!q) {
                free(p);
                return -2;
            }
            p = q;
            cap = nc;
        }
        size_t r = fread(p + n, 1, cap - n, f);
        n += r;
        if (r == 0) {
            if (ferror(f)) {
                free(p);
                return -1;
            }
            break;
        }
    }
    *data = p;
    *len = n;
    return 0;
}

static int write_out(void *ctx, const char *data, size_t len)
{
    return fwrite(data, 1, len, (FILE *)ctx) == len ? 0 : -1;
}

/* Length of the valid UTF-8 sequence at p (0 if invalid). */
static size_t utf8_seq(const unsigned char *p)
{
    if (p[0] < 0x80)
        return 1;
    if (p[0] >= 0xC2 && p[0] < 0xE0)
        return (p[1] & 0xC0) == 0x80 ? 2 : 0;
    if (p[0] >= 0xE0 && p[0] < 0xF0) {
        if ((p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
            return 0;
        if ((p[0] == 0xE0 && p[1] < 0xA0) || (p[0] == 0xED && p[1] > 0x9F))
            return 0;
        return 3;
    }
    if (p[0] >= 0xF0 && p[0] < 0xF5) {
        if ((p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
            return 0;
        if ((p[0] == 0xF0 && p[1] < 0x90) || (p[0] == 0xF4 && p[1] > 0x8F))
            return 0;
        return 4;
    }
    return 0;
}

/* JSON string for the "source" member: file names are bytes; invalid UTF-8
 * becomes U+FFFD so the record stays valid. */
static void put_json_name(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        if (*p == '"' || *p == '\\') {
            fprintf(out, "\\%c", *p++);
        } else if (*p < 0x20 || *p == 0x7f) {
            fprintf(out, "\\u%04x", *p++);
        } else {
            size_t k = utf8_seq(p);
            if (k) {
                fwrite(p, 1, k, out);
                p += k;
            } else {
                fputs("\\ufffd", out);
                p++;
            }
        }
    }
    fputc('"', out);
}

static int process(cli *c, pith_extractor *ex, const char *path, FILE *out, int many, int *first_output)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        if (!c->quiet)
            fprintf(stderr, "pith: %s: %s\n", path, strerror(errno));
        if (c->format == PITH_FORMAT_JSON) {
            char msg[512];
            snprintf(msg, sizeof msg, "cannot read input: %s", strerror(errno));
            char *rec = pith_error_json(PITH_EIO, msg, c->url, NULL);
            if (rec) {
                fputs("{\"source\":", out);
                put_json_name(out, path);
                fprintf(out, ",%s\n", rec + 1);
                pith_free(rec);
            }
        }
        return EXIT_IO;
    }
    unsigned char *data = NULL;
    size_t len = 0;
    int too_big = 0;
    int rc = read_all(f, c->opt.max_bytes, &data, &len, &too_big);
    if (f != stdin)
        fclose(f);
    if (rc) {
        /* a read that failed after the open gets its error record too; running
         * out of memory is an internal failure (exit 4), not an I/O one */
        int nomem = rc == -2;
        const char *why = nomem ? "out of memory while reading the input" : "read error";
        if (!c->quiet)
            fprintf(stderr, "pith: %s: %s\n", path, why);
        if (c->format == PITH_FORMAT_JSON) {
            char *rec = pith_error_json(nomem ? PITH_ENOMEM : PITH_EIO, why, c->url, NULL);
            if (rec) {
                fputs("{\"source\":", out);
                put_json_name(out, path);
                fprintf(out, ",%s\n", rec + 1);
                pith_free(rec);
            }
        }
        return nomem ? EXIT_INTERNAL : EXIT_IO;
    }
    pith_input in;
    memset(&in, 0, sizeof in);
    in.data = data;
    in.len = len;
    in.url = c->url;
    in.charset = c->charset;
    in.ref_time = c->ref_time;
    in.kind = c->kind;
    pith_doc *doc = NULL;
    pith_status st;
    if (too_big) {
        /* reading stopped past the limit: the library would refuse it too */
        st = PITH_ETOOBIG;
    } else {
        st = pith_extract(ex, &in, &doc);
    }
    free(data);
    int ret = EXIT_OK;
    if (st != PITH_OK) {
        if (!c->quiet)
            fprintf(stderr, "pith: %s: %s (%s)\n", path, doc ? pith_doc_message(doc) : pith_status_message(st),
                    pith_status_name(st));
        ret = st == PITH_ENOMEM || st == PITH_EINTERNAL ? EXIT_INTERNAL : EXIT_SOME_FAILED;
    }
    if (c->format == PITH_FORMAT_JSON) {
        char *rec = doc ? pith_render_string(doc, PITH_FORMAT_JSON, c->render_flags, NULL)
                        : pith_error_json(st, NULL, c->url, NULL);
        if (!rec) {
            pith_doc_free(doc);
            return EXIT_INTERNAL;
        }
        if (strcmp(path, "-") != 0) {
            fputs("{\"source\":", out);
            put_json_name(out, path);
            fprintf(out, ",%s\n", rec + 1);
        } else {
            fprintf(out, "%s\n", rec);
        }
        pith_free(rec);
    } else if (doc && (st == PITH_OK || st == PITH_ETIMEOUT)) {
        if (many && !*first_output)
            fputs("\n", out);
        if (many && c->format != PITH_FORMAT_HTML)
            fprintf(out, "==> %s <==\n", path);
        pith_render(doc, c->format, c->render_flags, write_out, out);
    }
    *first_output = 0;
    pith_doc_free(doc);
    return ret;
}

int main(int argc, char **argv)
{
    cli c;
    memset(&c, 0, sizeof c);
    c.progress = -1;
    c.kind = PITH_INPUT_AUTO;
    pith_options_init(&c.opt);
    c.format = PITH_FORMAT_TEXT;
    /* input paths are gathered in place at the front of argv (never ahead of
     * the option being read), so no early return has anything to free */
    const char **files = (const char **)argv + 1;
    const char *stdin_only[1] = {"-"};
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
#define NEEDS_VALUE()                                                        \
    do {                                                                     \
        if (i + 1 >= argc) {                                                 \
            fprintf(stderr, "pith: option %s needs a value\n", a);           \
            return EXIT_USAGE;                                               \
        }                                                                    \
        val = argv[++i];                                                     \
    } while (0)
        if (a[0] != '-' || strcmp(a, "-") == 0) {
            files[nfiles++] = a;
        } else if (!strcmp(a, "--")) {
            while (++i < argc)
                files[nfiles++] = argv[i];
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return EXIT_OK;
        } else if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
            printf("pith %s\n", pith_version_string());
            return EXIT_OK;
        } else if (!strcmp(a, "-f") || !strcmp(a, "--format")) {
            NEEDS_VALUE();
            int f = pith_format_from_name(val);
            if (f < 0) {
                fprintf(stderr, "pith: unknown format '%s' (text, markdown, json, html)\n", val);
                return EXIT_USAGE;
            }
            c.format = (pith_format)f;
        } else if (!strcmp(a, "--input")) {
            NEEDS_VALUE();
            if (!strcmp(val, "html"))
                c.kind = PITH_INPUT_HTML;
            else if (!strcmp(val, "text"))
                c.kind = PITH_INPUT_TEXT;
            else if (!strcmp(val, "auto"))
                c.kind = PITH_INPUT_AUTO;
            else {
                fprintf(stderr, "pith: unknown input kind '%s' (auto, html, text)\n", val);
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "--url")) {
            NEEDS_VALUE();
            c.url = val;
        } else if (!strcmp(a, "--charset")) {
            NEEDS_VALUE();
            c.charset = val;
        } else if (!strcmp(a, "--ref-time")) {
            NEEDS_VALUE();
            if (parse_time(val, &c.ref_time)) {
                fprintf(stderr, "pith: --ref-time: cannot read '%s' (ISO 8601 or Unix seconds)\n", val);
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            NEEDS_VALUE();
            c.output = val;
        } else if (!strcmp(a, "--comments")) {
            c.opt.flags |= PITH_OPT_COMMENTS;
            c.render_flags |= PITH_RENDER_COMMENTS;
        } else if (!strcmp(a, "--precision")) {
            c.opt.flags |= PITH_OPT_PRECISION;
        } else if (!strcmp(a, "--recall")) {
            c.opt.flags |= PITH_OPT_RECALL;
        } else if (!strcmp(a, "--no-metadata")) {
            c.opt.flags |= PITH_OPT_NO_METADATA;
        } else if (!strcmp(a, "--no-blocks")) {
            c.render_flags |= PITH_RENDER_NO_BLOCKS;
        } else if (!strcmp(a, "--no-title")) {
            c.render_flags |= PITH_RENDER_NO_TITLE;
        } else if (!strcmp(a, "--strict-limits")) {
            c.opt.flags |= PITH_OPT_STRICT_LIMITS;
        } else if (!strcmp(a, "--max-bytes")) {
            NEEDS_VALUE();
            if (parse_size(val, &c.opt.max_bytes)) {
                fprintf(stderr, "pith: --max-bytes: bad size '%s'\n", val);
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "--max-depth") || !strcmp(a, "--max-nodes") || !strcmp(a, "--max-attrs") ||
                   !strcmp(a, "--max-formatting") || !strcmp(a, "--timeout-ms")) {
            NEEDS_VALUE();
            unsigned v;
            if (parse_uint(val, &v)) {
                fprintf(stderr, "pith: %s: bad number '%s'\n", a, val);
                return EXIT_USAGE;
            }
            if (!strcmp(a, "--max-depth"))
                c.opt.max_depth = v;
            else if (!strcmp(a, "--max-nodes"))
                c.opt.max_nodes = v;
            else if (!strcmp(a, "--max-attrs"))
                c.opt.max_attrs = v;
            else if (!strcmp(a, "--max-formatting"))
                c.opt.max_formatting = v;
            else
                c.opt.time_budget_ms = v;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            c.quiet = 1;
        } else if (!strcmp(a, "-j") || !strcmp(a, "--jobs")) {
            NEEDS_VALUE();
            if (parse_uint(val, &c.jobs) || c.jobs > 512) {
                fprintf(stderr, "pith: --jobs: bad number '%s'\n", val);
                return EXIT_USAGE;
            }
            c.batch = 1;
        } else if (!strcmp(a, "--files-from")) {
            NEEDS_VALUE();
            c.files_from = val;
            c.batch = 1;
        } else if (!strcmp(a, "--resume")) {
            c.resume = c.batch = 1;
        } else if (!strcmp(a, "--dedupe")) {
            c.dedupe = c.batch = 1;
        } else if (!strcmp(a, "--learn-boilerplate")) {
            c.learn = c.batch = 1;
        } else if (!strcmp(a, "--no-progress")) {
            c.progress = 0;
        } else {
            fprintf(stderr, "pith: unknown option '%s' (see pith --help)\n", a);
            return EXIT_USAGE;
        }
#undef NEEDS_VALUE
    }
    for (int i = 0; i < nfiles && !c.batch; i++)
        c.batch = batch_wants(files[i]);
    if (c.batch) {
        if (c.format != PITH_FORMAT_JSON && c.format != PITH_FORMAT_TEXT) {
            fprintf(stderr, "pith: batch mode writes JSON Lines (--format json)\n");
            return EXIT_USAGE;
        }
        batch_config bc;
        memset(&bc, 0, sizeof bc);
        bc.opt = c.opt;
        bc.render_flags = c.render_flags;
        bc.kind = c.kind;
        bc.charset = c.charset;
        bc.ref_time = c.ref_time;
        bc.output = c.output;
        bc.files_from = c.files_from;
        bc.jobs = c.jobs;
        bc.resume = c.resume;
        bc.dedupe = c.dedupe;
        bc.learn = c.learn;
        bc.quiet = c.quiet;
        bc.progress = c.progress;
        const char *bad_field = NULL;
        pith_extractor *probe = NULL;
        if (pith_extractor_new(&c.opt, &probe, &bad_field) != PITH_OK) {
            fprintf(stderr, "pith: invalid option value: %s\n", bad_field ? bad_field : "?");
            return EXIT_USAGE;
        }
        /* a charset named by the user must be one the decoder knows: in
         * batch mode a bad per-record label is retried without it, which
         * would hide a typo in --charset for the whole run */
        if (c.charset) {
            pith_input ci;
            memset(&ci, 0, sizeof ci);
            ci.data = "";
            ci.charset = c.charset;
            pith_doc *cd = NULL;
            pith_status cs = pith_extract(probe, &ci, &cd);
            pith_doc_free(cd);
            if (cs == PITH_ECHARSET) {
                pith_extractor_free(probe);
                fprintf(stderr, "pith: unknown charset '%s'\n", c.charset);
                return EXIT_USAGE;
            }
        }
        pith_extractor_free(probe);
        if (c.url && !c.quiet)
            fprintf(stderr, "pith: --url is ignored in batch mode (each record has its own URL)\n");
        if (nfiles == 0 && !c.files_from) {
            files = stdin_only;
            nfiles = 1;
        }
        return batch_run(&bc, (const char *const *)files, nfiles);
    }
    if (nfiles == 0) {
        files = stdin_only;
        nfiles = 1;
    }
    const char *bad = NULL;
    pith_extractor *ex = NULL;
    pith_status st = pith_extractor_new(&c.opt, &ex, &bad);
    if (st != PITH_OK) {
        if (st == PITH_EINVAL)
            fprintf(stderr, "pith: invalid option value: %s\n", bad ? bad : "?");
        else
            fprintf(stderr, "pith: %s\n", pith_status_message(st));
        return st == PITH_EINVAL ? EXIT_USAGE : EXIT_INTERNAL;
    }
    FILE *out = stdout;
    if (c.output) {
        out = fopen(c.output, "wb");
        if (!out) {
            fprintf(stderr, "pith: %s: %s\n", c.output, strerror(errno));
            pith_extractor_free(ex);
            return EXIT_IO;
        }
    }
    int worst = EXIT_OK, first_output = 1;
    for (int i = 0; i < nfiles; i++) {
        int r = process(&c, ex, files[i], out, nfiles > 1, &first_output);
        if (r > worst)
            worst = r;
    }
    if (fflush(out) || ferror(out)) {
        fprintf(stderr, "pith: write error: %s\n", strerror(errno));
        worst = EXIT_IO;
    }
    if (out != stdout)
        fclose(out);
    pith_extractor_free(ex);
    return worst;
}
