/* pith.c — the extractor handle, options, and the pipeline driver.
 *
 * pith_extract() runs the stages in order (see internal.h), enforces the
 * input limits and the per-page work budget, and always hands back a doc
 * that says what happened. It also implements the read-only accessors of
 * pith_doc. No global mutable state: everything lives in the extractor
 * (parser, scratch arena) or in the doc (its own arena).
 */
#include "internal.h"
#include "lang.h"
#include "sources.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

struct pith_extractor {
    pith_options opt;
    parser *parser;
    arena scratch;
};

unsigned pith_version(void)
{
    return (PITH_VERSION_MAJOR << 16) | (PITH_VERSION_MINOR << 8) | PITH_VERSION_PATCH;
}

const char *pith_version_string(void) { return PITH_VERSION_STRING; }

static const char *const STATUS_NAMES[] = {
    "PITH_OK", "PITH_ENOMEM", "PITH_EINVAL", "PITH_ETOOBIG", "PITH_ETOODEEP", "PITH_ETIMEOUT",
    "PITH_ECHARSET", "PITH_ENOCONTENT", "PITH_EPARSE", "PITH_EINTERNAL", "PITH_EIO",
};
static const char *const STATUS_MESSAGES[] = {
    "success",
    "out of memory (or the per-page memory limit was reached)",
    "invalid argument",
    "input is larger than the max-bytes limit",
    "page exceeds a structural limit (nesting depth, nodes or attributes)",
    "the per-page time budget ran out",
    "unknown character set",
    "no main content found",
    "the input could not be parsed",
    "internal error",
    "input/output error",
};

const char *pith_status_name(pith_status s)
{
    return (unsigned)s < sizeof STATUS_NAMES / sizeof STATUS_NAMES[0] ? STATUS_NAMES[s] : "PITH_EUNKNOWN";
}

const char *pith_status_message(pith_status s)
{
    return (unsigned)s < sizeof STATUS_MESSAGES / sizeof STATUS_MESSAGES[0] ? STATUS_MESSAGES[s] : "unknown status";
}

void pith_options_init(pith_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->max_bytes = 64u << 20;
    opt->max_depth = 256;
    opt->max_nodes = 2000000;
    opt->max_attrs = 64;
    opt->max_formatting = 64;
    opt->time_budget_ms = 10000;
    opt->max_memory = 0;
}

#define HARD_MAX_BYTES ((size_t)1 << 30)

pith_status pith_extractor_new(const pith_options *opt, pith_extractor **out, const char **err_field)
{
    if (err_field)
        *err_field = NULL;
    if (!out)
        return PITH_EINVAL;
    *out = NULL;
    pith_options o;
    if (opt)
        o = *opt;
    else
        pith_options_init(&o);
    const char *bad = NULL;
    if (o.max_bytes == 0 || o.max_bytes > HARD_MAX_BYTES)
        bad = "max_bytes";
    else if (o.max_depth < 8 || o.max_depth > 4096)
        bad = "max_depth";
    else if (o.max_nodes < 16 || o.max_nodes > 100000000)
        bad = "max_nodes";
    else if (o.max_attrs < 1 || o.max_attrs > 100000)
        bad = "max_attrs";
    else if (o.max_formatting < 1 || o.max_formatting > 100000)
        bad = "max_formatting";
    else if ((o.flags & PITH_OPT_PRECISION) && (o.flags & PITH_OPT_RECALL))
        bad = "flags";
    if (bad) {
        if (err_field)
            *err_field = bad;
        return PITH_EINVAL;
    }
    pith_extractor *ex = calloc(1, sizeof *ex);
    if (!ex)
        return PITH_ENOMEM;
    ex->opt = o;
    ex->parser = parser_new();
    if (!ex->parser) {
        free(ex);
        return PITH_ENOMEM;
    }
    arena_init(&ex->scratch, 256 * 1024);
    *out = ex;
    return PITH_OK;
}

void pith_extractor_free(pith_extractor *ex)
{
    if (!ex)
        return;
    parser_free(ex->parser);
    arena_free(&ex->scratch);
    free(ex);
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

int budget_exceeded(page *pg)
{
    if (!pg->has_deadline)
        return 0;
    if (pg->timed_out)
        return 1;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    if (ts.tv_sec > pg->deadline.tv_sec || (ts.tv_sec == pg->deadline.tv_sec && ts.tv_nsec > pg->deadline.tv_nsec)) {
        pg->timed_out = 1;
        return 1;
    }
    return 0;
}

static pith_doc *doc_new(void)
{
    pith_doc *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    arena_init(&d->mem, 16 * 1024);
    d->message = "";
    return d;
}

void pith_doc_free(pith_doc *doc)
{
    if (!doc)
        return;
    arena_free(&doc->mem);
    free(doc);
}

static pith_status finish(pith_doc *doc, pith_status s, const char *msg)
{
    doc->status = s;
    if (msg)
        doc->message = msg;
    else if (s != PITH_OK)
        doc->message = pith_status_message(s);
    return s;
}

/* Normalised equality for title de-duplication: case- and space-insensitive. */
static int same_text(const char *a, size_t an, const char *b, size_t bn)
{
    char fa[512], fb[512];
    if (an > 240 || bn > 240)
        return 0;
    size_t la = utf8_fold(a, an, fa, sizeof fa), lb = utf8_fold(b, bn, fb, sizeof fb);
    size_t i = 0, j = 0;
    for (;;) {
        while (i < la && (fa[i] == ' ' || fa[i] == '\n'))
            i++;
        while (j < lb && (fb[j] == ' ' || fb[j] == '\n'))
            j++;
        if (i == la || j == lb)
            return i == la && j == lb;
        if (fa[i] != fb[j])
            return 0;
        i++, j++;
    }
}

/* Drop a leading heading (or short paragraph) that repeats the title. */
static void drop_title_repeat(pith_doc *doc)
{
    const field_value *t = &doc->f[PITH_FIELD_TITLE];
    if (!t->v || !doc->n_blocks)
        return;
    for (size_t i = 0; i < doc->n_blocks && i < 3; i++) {
        out_block *b = &doc->blocks[i];
        if (b->part != PITH_PART_BODY)
            break;
        int repeat = same_text(b->text, b->len, t->v, t->len);
        if (!repeat && b->kind == PITH_BLOCK_HEADING && b->len > t->len && b->len < t->len + 80) {
            /* "Kicker Headline": the title left the kicker out */
            size_t k = b->len - t->len;
            repeat = (b->text[k - 1] == ' ' || b->text[k - 1] == ':' || b->text[k - 1] == '\n') &&
                     same_text(b->text + k, t->len, t->v, t->len);
        }
        if ((b->kind == PITH_BLOCK_HEADING || b->kind == PITH_BLOCK_PARAGRAPH) && repeat) {
            memmove(b, b + 1, (doc->n_blocks - i - 1) * sizeof *b);
            doc->n_blocks--;
            return;
        }
    }
}

uint64_t pith_block_hash(const char *text, size_t len)
{
    char f[1024];
    uint64_t h = 0xcbf29ce484222325ull;
    size_t done = 0;
    int space = 1;
    while (done < len) {
        size_t take = len - done > 480 ? 480 : len - done;
        /* do not cut a UTF-8 sequence between chunks */
        while (take < len - done && take > 0 && ((unsigned char)text[done + take] & 0xC0) == 0x80)
            take--;
        if (!take)
            take = len - done;
        size_t k = utf8_fold(text + done, take, f, sizeof f);
        for (size_t i = 0; i < k; i++) {
            unsigned char c = (unsigned char)f[i];
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                if (space)
                    continue;
                space = 1;
                c = ' ';
            } else {
                space = 0;
                if (c >= '0' && c <= '9')
                    c = '0';
            }
            h = (h ^ c) * 0x100000001b3ull;
        }
        done += take;
    }
    return h;
}

/* Leave out body blocks whose hash the caller learnt as site furniture. */
static void drop_learnt(pith_doc *doc, const uint64_t *set, size_t n)
{
    if (!set || !n)
        return;
    size_t o = 0;
    for (size_t i = 0; i < doc->n_blocks; i++) {
        out_block *b = &doc->blocks[i];
        int drop = 0;
        if (b->part == PITH_PART_BODY) {
            uint64_t h = pith_block_hash(b->text, b->len);
            size_t lo = 0, hi = n;
            while (lo < hi) {
                size_t mid = (lo + hi) / 2;
                if (set[mid] < h)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            drop = lo < n && set[lo] == h;
        }
        if (!drop)
            doc->blocks[o++] = *b;
    }
    doc->n_blocks = o;
}

/* Pages rendered by scripts carry the article only in JSON-LD articleBody:
 * when the DOM gave much less prose than that, the body comes from there
 * (paragraphs split at line breaks). */
static void body_from_jsonld(const page *pg, pith_doc *doc)
{
    if (!pg->ld_body || pg->ld_body_len < 400)
        return;
    size_t have = 0;
    for (size_t i = 0; i < doc->n_blocks; i++)
        if (doc->blocks[i].part == PITH_PART_BODY)
            have += doc->blocks[i].len;
    if (have * 2 >= pg->ld_body_len)
        return;
    /* comments (kept with PITH_OPT_COMMENTS) go back after the new body */
    size_t nc = 0;
    for (size_t i = 0; i < doc->n_blocks; i++)
        nc += doc->blocks[i].part != PITH_PART_BODY;
    out_block *comments = nc ? malloc(nc * sizeof *comments) : NULL;
    if (nc && !comments)
        return;
    for (size_t i = 0, k = 0; i < doc->n_blocks; i++)
        if (doc->blocks[i].part != PITH_PART_BODY)
            comments[k++] = doc->blocks[i];
    doc->n_blocks = 0;
    const char *s = pg->ld_body;
    size_t n = pg->ld_body_len, i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '\n' && s[j] != '\r')
            j++;
        size_t a = i, b = j;
        while (a < b && (s[a] == ' ' || s[a] == '\t'))
            a++;
        while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
            b--;
        if (b > a)
            doc_add_block(doc, PITH_BLOCK_PARAGRAPH, PITH_PART_BODY, 0, 0, s + a, b - a);
        i = j + 1;
    }
    for (size_t k = 0; k < nc; k++)
        doc_add_block(doc, comments[k].kind, comments[k].part, comments[k].level, comments[k].flags,
                      comments[k].text, comments[k].len);
    free(comments);
}

/* PITH_INPUT_AUTO: does the start of the page hold a tag, comment or
 * doctype ('<' then a letter, '/', '!' or '?')? Plain text has none. Read
 * on the raw bytes (any ASCII-compatible charset); a UTF-16 byte order mark
 * counts as HTML (its tags are '<' and a NUL). */
static int has_tag(const void *data, size_t n)
{
    const char *s = data;
    if (!s)
        return 0;
    if (n >= 2 && (((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE) ||
                   ((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF)))
        return 1;
    if (n > 65536)
        n = 65536;
    for (const char *p = s, *end = s + n; (p = memchr(p, '<', (size_t)(end - p))) != NULL && p + 1 < end; p++) {
        unsigned char c = (unsigned char)p[1];
        if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '/' || c == '!' || c == '?')
            return 1;
    }
    return 0;
}

pith_status pith_extract(pith_extractor *ex, const pith_input *in, pith_doc **out)
{
    if (!out)
        return PITH_EINVAL;
    *out = NULL;
    if (!ex || !in || (!in->data && in->len))
        return PITH_EINVAL;
    pith_doc *doc = doc_new();
    if (!doc)
        return PITH_ENOMEM;
    *out = doc;
    double t0 = now_ms();
    doc->stats.input_bytes = in->len;
    if (in->url && *in->url)
        doc_set_field(doc, PITH_FIELD_URL, in->url, strlen(in->url), "input");
    if (in->len > ex->opt.max_bytes) {
        return finish(doc, PITH_ETOOBIG, NULL);
    }
    if (in->kind != PITH_INPUT_HTML && in->kind != PITH_INPUT_TEXT && in->kind != PITH_INPUT_AUTO)
        return finish(doc, PITH_EINVAL, "unknown input kind");
    pith_input auto_in;
    if (in->kind == PITH_INPUT_AUTO) { /* decided on the raw bytes, before the charset */
        auto_in = *in;
        auto_in.kind = has_tag(in->data, in->len) ? PITH_INPUT_HTML : PITH_INPUT_TEXT;
        in = &auto_in;
    }

    arena_reset(&ex->scratch);
    ex->scratch.limit = ex->opt.max_memory ? ex->opt.max_memory : in->len * 32 + ((size_t)64 << 20);
    page pg;
    memset(&pg, 0, sizeof pg);
    pg.mem = &ex->scratch;
    pg.opt = &ex->opt;
    pg.url = in->url;
    pg.ref_time = in->ref_time > 0 ? in->ref_time : (int64_t)time(NULL);
    pg.ref_given = in->ref_time > 0;
    if (ex->opt.time_budget_ms) {
        clock_gettime(CLOCK_MONOTONIC, &pg.deadline);
        pg.deadline.tv_sec += ex->opt.time_budget_ms / 1000;
        pg.deadline.tv_nsec += (long)(ex->opt.time_budget_ms % 1000) * 1000000L;
        if (pg.deadline.tv_nsec >= 1000000000L) {
            pg.deadline.tv_sec++;
            pg.deadline.tv_nsec -= 1000000000L;
        }
        pg.has_deadline = 1;
    }

    const char *utf8;
    size_t utf8_len;
    pith_status st = charset_decode(&pg, in, &utf8, &utf8_len);
    if (st != PITH_OK)
        return finish(doc, st, st == PITH_ECHARSET ? "unknown charset named by the caller" : NULL);
    doc_set_field(doc, PITH_FIELD_CHARSET, pg.charset, strlen(pg.charset), "input");
    double t1 = now_ms();
    doc->stats.ms_decode = t1 - t0;

    if (in->kind == PITH_INPUT_TEXT) {
        st = textmode_extract(&pg, utf8, utf8_len, doc);
        if (st == PITH_OK) {
            drop_learnt(doc, in->drop_blocks, in->n_drop_blocks);
            sources_extract(doc);
            if (!doc->n_blocks)
                st = PITH_ENOCONTENT;
        }
        doc->stats.ms_total = now_ms() - t0;
        if (st == PITH_OK && doc_finish_text(doc))
            st = PITH_ENOMEM;
        return finish(doc, st, NULL);
    }

    /* the decoder returns the caller's bytes when they are valid UTF-8 (never
     * written), else a copy of its own in the page arena (NUL-terminated) */
    uintptr_t d0 = (uintptr_t)in->data, u = (uintptr_t)utf8;
    int borrowed = u >= d0 && u < d0 + in->len;
    /* NUL bytes are never text, and MyHTML's handling of them is where two
     * fuzzer findings lived (a cut UTF-8 sequence, an overlapping memcpy when
     * merging text tokens): they are removed before parsing */
    if (memchr(utf8, '\0', utf8_len)) {
        /* in place when the decoder made its own copy; the caller's bytes are
         * never written */
        char *c = borrowed ? arena_alloc(pg.mem, utf8_len + 1) : (char *)utf8;
        if (!c)
            return finish(doc, PITH_ENOMEM, NULL);
        size_t o = 0;
        for (size_t i = 0; i < utf8_len; i++)
            if (utf8[i])
                c[o++] = utf8[i];
        c[o] = '\0';
        utf8 = c;
        utf8_len = o;
        borrowed = 0;
    }
    st = prescan_limit(&pg, utf8, utf8_len, !borrowed, &utf8, &utf8_len);
    if (st != PITH_OK)
        return finish(doc, st, NULL);
    if ((ex->opt.flags & PITH_OPT_STRICT_LIMITS) && pg.truncated)
        return finish(doc, PITH_ETOODEEP, (pg.truncated & 1) ? "nesting deeper than max-depth"
                                                             : "more open formatting elements than max-formatting");
    pg.html = utf8;
    pg.html_len = utf8_len;
    st = parse_page(ex->parser, &pg);
    double t2 = now_ms();
    doc->stats.ms_parse = t2 - t1;
    if (st != PITH_OK)
        return finish(doc, st, NULL);
    if (pg.timed_out)
        return finish(doc, PITH_ETIMEOUT, "the per-page time budget ran out while building the tree");
    if ((ex->opt.flags & PITH_OPT_STRICT_LIMITS) && pg.truncated)
        return finish(doc, PITH_ETOODEEP, (pg.truncated & 1) ? "nesting deeper than max-depth"
                                          : (pg.truncated & 2) ? "more nodes than max-nodes"
                                                               : "more attributes than max-attrs");
    doc->stats.nodes = pg.n_nodes;
    doc->stats.max_depth = pg.max_depth_seen;

    features_compute(&pg);
    double t3 = now_ms();
    doc->stats.ms_tree = t3 - t2;
    score_select(&pg);
    clean_region(&pg);
    if (pg.mem->failed)
        return finish(doc, PITH_ENOMEM, NULL);
    if (blocks_emit(&pg, doc))
        return finish(doc, PITH_ENOMEM, NULL);
    double t4 = now_ms();
    doc->stats.ms_select = t4 - t3;
    if (!(ex->opt.flags & PITH_OPT_NO_METADATA))
        meta_extract(&pg, doc);
    drop_title_repeat(doc);
    blocks_strip_credits(doc);
    blocks_trim_edges(doc, pg.ref_time);
    body_from_jsonld(&pg, doc);
    drop_learnt(doc, in->drop_blocks, in->n_drop_blocks);
    if (!(ex->opt.flags & PITH_OPT_NO_METADATA))
        sources_extract(doc);
    if (doc_finish_text(doc))
        return finish(doc, PITH_ENOMEM, NULL);
    if (!doc->f[PITH_FIELD_LANGUAGE].v && doc->text_len) {
        const char *l = lang_detect(doc->text, doc->text_len, NULL);
        if (l)
            doc_set_field(doc, PITH_FIELD_LANGUAGE, l, strlen(l), "text");
    }
    double t5 = now_ms();
    doc->stats.ms_meta = t5 - t4;
    doc->stats.ms_total = t5 - t0;
    doc->stats.truncated = pg.truncated | (pg.timed_out ? 8u : 0u);
    if (doc->mem.failed)
        return finish(doc, PITH_ENOMEM, NULL);
    if (pg.timed_out)
        return finish(doc, PITH_ETIMEOUT, "the per-page time budget ran out; the record may be incomplete");
    if (doc->text_len == 0)
        return finish(doc, PITH_ENOCONTENT, NULL);
    return finish(doc, PITH_OK, NULL);
}

/* ------------------------------------------------------------ doc setters */

int doc_set_field(pith_doc *doc, pith_field f, const char *v, size_t len, const char *source)
{
    if ((unsigned)f >= PITH_FIELD_COUNT)
        return -1;
    buf b = BUF_INIT;
    utf8_repair(&b, v, len);
    if (b.failed) {
        buf_free(&b);
        return -1;
    }
    char *s = arena_strndup(&doc->mem, b.data ? b.data : "", b.len);
    size_t n = b.len;
    buf_free(&b);
    if (!s)
        return -1;
    doc->f[f].v = s;
    doc->f[f].len = n;
    doc->f[f].source = source;
    return 0;
}

int doc_list_add(pith_doc *doc, pith_list l, const char *v, size_t len, const char *source)
{
    if ((unsigned)l >= PITH_LIST_COUNT)
        return -1;
    str_list *L = &doc->lists[l];
    for (size_t i = 0; i < L->n; i++)
        if (L->lens[i] == len && memcmp(L->items[i], v, len) == 0)
            return 0;
    if (L->n == L->cap) {
        size_t nc = L->cap ? L->cap * 2 : 4;
        const char **ni = arena_realloc(&doc->mem, L->items, L->cap * sizeof(char *), nc * sizeof(char *));
        if (!ni)
            return -1;
        L->items = ni;
        size_t *nl = arena_realloc(&doc->mem, L->lens, L->cap * sizeof(size_t), nc * sizeof(size_t));
        if (!nl)
            return -1;
        L->lens = nl;
        L->cap = nc;
    }
    buf b = BUF_INIT;
    utf8_repair(&b, v, len);
    char *s = b.failed ? NULL : arena_strndup(&doc->mem, b.data ? b.data : "", b.len);
    size_t n = b.len;
    buf_free(&b);
    if (!s)
        return -1;
    L->items[L->n] = s;
    L->lens[L->n] = n;
    L->n++;
    if (!L->source)
        L->source = source;
    return 0;
}

/* ------------------------------------------------------------ accessors */

pith_status pith_doc_status(const pith_doc *doc) { return doc ? doc->status : PITH_EINVAL; }
const char *pith_doc_message(const pith_doc *doc) { return doc && doc->message ? doc->message : ""; }

const char *pith_doc_field(const pith_doc *doc, pith_field f, size_t *len)
{
    if (!doc || (unsigned)f >= PITH_FIELD_COUNT || !doc->f[f].v) {
        if (len)
            *len = 0;
        return NULL;
    }
    if (len)
        *len = doc->f[f].len;
    return doc->f[f].v;
}

const char *pith_doc_field_source(const pith_doc *doc, pith_field f)
{
    if (!doc || (unsigned)f >= PITH_FIELD_COUNT || !doc->f[f].v)
        return NULL;
    return doc->f[f].source;
}

static const char *const FIELD_NAMES[PITH_FIELD_COUNT] = {
    "title", "section", "published", "modified", "site_name", "language", "lead",
    "canonical_url", "image", "url", "charset",
};

const char *pith_field_name(pith_field f) { return (unsigned)f < PITH_FIELD_COUNT ? FIELD_NAMES[f] : NULL; }

static const char *const LIST_NAMES[PITH_LIST_COUNT] = {"authors", "tags", "sources"};
const char *pith_list_name(pith_list l) { return (unsigned)l < PITH_LIST_COUNT ? LIST_NAMES[l] : NULL; }

size_t pith_doc_list_count(const pith_doc *doc, pith_list l)
{
    return doc && (unsigned)l < PITH_LIST_COUNT ? doc->lists[l].n : 0;
}

const char *pith_doc_list_item(const pith_doc *doc, pith_list l, size_t i, size_t *len)
{
    if (!doc || (unsigned)l >= PITH_LIST_COUNT || i >= doc->lists[l].n) {
        if (len)
            *len = 0;
        return NULL;
    }
    if (len)
        *len = doc->lists[l].lens[i];
    return doc->lists[l].items[i];
}

const char *pith_doc_list_source(const pith_doc *doc, pith_list l)
{
    return doc && (unsigned)l < PITH_LIST_COUNT && doc->lists[l].n ? doc->lists[l].source : NULL;
}

size_t pith_doc_block_count(const pith_doc *doc) { return doc ? doc->n_blocks : 0; }

pith_status pith_doc_block(const pith_doc *doc, size_t i, pith_block *out)
{
    if (!doc || !out || i >= doc->n_blocks)
        return PITH_EINVAL;
    const out_block *b = &doc->blocks[i];
    out->kind = b->kind;
    out->part = b->part;
    out->level = b->level;
    out->flags = b->flags;
    out->text = b->text;
    out->len = b->len;
    return PITH_OK;
}

const char *pith_doc_text(const pith_doc *doc, size_t *len)
{
    if (!doc || !doc->text) {
        if (len)
            *len = 0;
        return "";
    }
    if (len)
        *len = doc->text_len;
    return doc->text;
}

void pith_doc_stats(const pith_doc *doc, pith_stats *out)
{
    if (!out)
        return;
    if (!doc) {
        memset(out, 0, sizeof *out);
        return;
    }
    *out = doc->stats;
}

void pith_free(void *p) { free(p); }
