/* batch.c — the corpus runner (see batch.h).
 *
 * Threads: one reader (this file's reader_main) turns inputs into items and
 * puts them in a ring of CAP slots; N workers extract pending items; the
 * main thread writes finished items strictly in sequence. The ring bounds
 * memory (at most CAP pages in flight, each at most max-bytes), and the
 * sequence order makes the output independent of the number of workers.
 * Locks are held only to move an item between states, never while
 * extracting, reading or writing.
 *
 * Duplicates (--dedupe): the writer sees records in input order and flags a
 * record whose normalised text equals an earlier one ("duplicate_of") or
 * whose MinHash signature agrees with an earlier one on at least 80% of
 * 64 hashes ("near_duplicate_of", estimated Jaccard >= 0.8 over 5-word
 * shingles). Candidates come from LSH with 16 bands of 4 hashes: a pair at
 * Jaccard 0.8 shares a band with probability 1-(1-0.8^4)^16 = 0.9996, a
 * pair at 0.3 with 0.12, which the signature check then rejects. Flags
 * only: nothing is dropped.
 */
#include "batch.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#define MH 64           /* MinHash functions */
#define BANDS 16        /* LSH bands of MH / BANDS rows */
#define ROWS (MH / BANDS)

enum { SLOT_EMPTY = 0, SLOT_PENDING, SLOT_WORKING, SLOT_DONE };

typedef struct item {
    uint64_t seq;
    char *source;         /* file path */
    char *url;            /* WARC-Target-URI */
    char *record_id;      /* WARC-Record-ID */
    char *warc_date;      /* WARC-Date */
    char *charset;
    int64_t ref_time;
    pith_input_kind kind;
    unsigned char *data;  /* the page: data_buf + some offset */
    void *data_buf;       /* what to free */
    size_t len;
    int truncated;
    const char *skip;     /* reason when skipped (static string), else NULL */
    char *error_line;     /* ready-made error record, else NULL */
    /* results */
    char *line;           /* JSON record without its closing '}' */
    size_t line_len;
    pith_status status;
    int has_text;
    uint64_t text_hash;
    uint32_t mh[MH];
    uint64_t site;        /* site key (learning) */
    uint64_t *hashes;     /* learning pass: the page's distinct body block hashes */
    size_t n_hashes;
    struct item *next_work;
    int state;
} item;

typedef struct reason {
    char name[64];
    uint64_t count;
} reason;

typedef struct counters {
    reason r[64];
    int n;
} counters;

static void count(counters *c, const char *name)
{
    for (int i = 0; i < c->n; i++)
        if (!strcmp(c->r[i].name, name)) {
            c->r[i].count++;
            return;
        }
    if (c->n < 64) {
        snprintf(c->r[c->n].name, sizeof c->r[c->n].name, "%s", name);
        c->r[c->n++].count = 1;
    }
}

/* ------------------------------------------------------------ key set (resume) */

typedef struct keyset {
    uint64_t *slots; /* 0 = empty */
    size_t cap, n;
} keyset;

static uint64_t fnv(const void *p, size_t n, uint64_t h)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

static int keyset_add(keyset *k, uint64_t h)
{
    if (!h)
        h = 1;
    if ((k->n + 1) * 2 > k->cap) {
        size_t nc = k->cap ? k->cap * 2 : 1024;
        uint64_t *ns = calloc(nc, sizeof *ns);
        if (!ns)
            return -1;
        for (size_t i = 0; i < k->cap; i++)
            if (k->slots[i]) {
                size_t j = k->slots[i] & (nc - 1);
                while (ns[j])
                    j = (j + 1) & (nc - 1);
                ns[j] = k->slots[i];
            }
        free(k->slots);
        k->slots = ns;
        k->cap = nc;
    }
    size_t j = h & (k->cap - 1);
    while (k->slots[j]) {
        if (k->slots[j] == h)
            return 0;
        j = (j + 1) & (k->cap - 1);
    }
    k->slots[j] = h;
    k->n++;
    return 1;
}

static int keyset_has(const keyset *k, uint64_t h)
{
    if (!k->cap)
        return 0;
    if (!h)
        h = 1;
    size_t j = h & (k->cap - 1);
    while (k->slots[j]) {
        if (k->slots[j] == h)
            return 1;
        j = (j + 1) & (k->cap - 1);
    }
    return 0;
}

static void json_str(char **out, size_t *len, size_t *cap, const char *s);

/* Resume key of an input: a hash of its source and record id exactly as the
 * writer escapes them in the output (json_str), so that any name — quotes,
 * backslashes, control characters, invalid UTF-8 — is recognised as done. */
static uint64_t key_of_escaped(const char *src, size_t sl, const char *rid, size_t rl)
{
    uint64_t h = fnv(src, sl, 0xcbf29ce484222325ull);
    h = fnv("\x1f", 1, h);
    return rid ? fnv(rid, rl, h) : h;
}

static uint64_t item_key(const char *source, const char *record_id)
{
    char *b = NULL;
    size_t n = 0, cap = 0;
    json_str(&b, &n, &cap, source);
    size_t sl = n;
    if (record_id)
        json_str(&b, &n, &cap, record_id);
    if (!b || sl < 2 || (record_id && n < sl + 2)) { /* out of memory: a key that matches nothing */
        free(b);
        return 0;
    }
    uint64_t h = key_of_escaped(b + 1, sl - 2, record_id ? b + sl + 1 : NULL, record_id ? n - sl - 2 : 0);
    free(b);
    return h;
}

/* End of the JSON string body that starts at s (its closing quote or NUL). */
static char *json_body_end(char *s)
{
    while (*s && *s != '"') {
        if (*s == '\\' && s[1])
            s++;
        s++;
    }
    return s;
}

/* ------------------------------------------------------------ dedupe index */

typedef struct dup_entry {
    uint64_t hash;   /* exact-text hash or band hash */
    uint64_t seq;    /* first record with it */
} dup_entry;

typedef struct dup_table {
    dup_entry *e;
    size_t cap, n;
} dup_table;

static int dup_find_or_add(dup_table *t, uint64_t h, uint64_t seq, uint64_t *first)
{
    if (!h)
        h = 1;
    if ((t->n + 1) * 2 > t->cap) {
        size_t nc = t->cap ? t->cap * 2 : 4096;
        dup_entry *ne = calloc(nc, sizeof *ne);
        if (!ne)
            return -1;
        for (size_t i = 0; i < t->cap; i++)
            if (t->e[i].hash) {
                size_t j = t->e[i].hash & (nc - 1);
                while (ne[j].hash)
                    j = (j + 1) & (nc - 1);
                ne[j] = t->e[i];
            }
        free(t->e);
        t->e = ne;
        t->cap = nc;
    }
    size_t j = h & (t->cap - 1);
    while (t->e[j].hash) {
        if (t->e[j].hash == h) {
            *first = t->e[j].seq;
            return 1;
        }
        j = (j + 1) & (t->cap - 1);
    }
    t->e[j].hash = h;
    t->e[j].seq = seq;
    t->n++;
    return 0;
}

/* ------------------------------------------------------------ text signature */

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return x;
}

/* Exact hash of the normalised text and a MinHash signature over 5-word shingles. */
static void signature(const char *t, size_t n, item *it)
{
    uint64_t words[5] = {0};
    int nw = 0;
    uint64_t exact = 0xcbf29ce484222325ull;
    for (int k = 0; k < MH; k++)
        it->mh[k] = UINT32_MAX;
    size_t i = 0;
    int shingles = 0;
    while (i < n) {
        while (i < n && (unsigned char)t[i] <= ' ')
            i++;
        if (i >= n)
            break;
        uint64_t w = 0xcbf29ce484222325ull;
        while (i < n && (unsigned char)t[i] > ' ') {
            unsigned char c = (unsigned char)t[i++];
            if (c >= 'A' && c <= 'Z')
                c = (unsigned char)(c + 32);
            w = (w ^ c) * 0x100000001b3ull;
        }
        exact = (exact ^ w) * 0x100000001b3ull;
        words[nw % 5] = w;
        nw++;
        if (nw >= 5) {
            uint64_t s = 0;
            for (int k = 0; k < 5; k++)
                s = mix64(s ^ words[(nw + k) % 5]);
            shingles++;
            for (int k = 0; k < MH; k++) {
                uint32_t v = (uint32_t)(mix64(s + 0x9e3779b97f4a7c15ull * (uint64_t)(k + 1)) >> 32);
                if (v < it->mh[k])
                    it->mh[k] = v;
            }
        }
    }
    it->text_hash = exact;
    it->has_text = nw > 0;
    if (!shingles)
        it->mh[0] = UINT32_MAX; /* too short for near-duplicate detection */
}

/* ------------------------------------------------------------ site furniture (--learn-boilerplate) */

/* Per site (host of the URL, or the directory of a file): how many learnt
 * pages carry each block hash, and after the learning pass the sorted set
 * of hashes to drop (blocks on >= 3 pages and >= 30% of the site's pages). */
#define LEARN_PAGES 1000 /* pages per site that teach; the rest only benefit */

typedef struct site {
    uint64_t key;
    uint32_t pages;
    dup_table counts;   /* hash -> count (seq field used as the count) */
    uint64_t *drop;
    size_t n_drop;
} site;

typedef struct sites {
    site *s;
    size_t n, cap;
    dup_table index;    /* key -> index + 1 (in the seq field) */
} sites;

static site *site_get(sites *t, uint64_t key, int create)
{
    uint64_t idx = 0;
    if (!key)
        key = 1;
    size_t j = t->index.cap ? key & (t->index.cap - 1) : 0;
    if (t->index.cap)
        while (t->index.e[j].hash) {
            if (t->index.e[j].hash == key) {
                idx = t->index.e[j].seq;
                break;
            }
            j = (j + 1) & (t->index.cap - 1);
        }
    if (idx)
        return &t->s[idx - 1];
    if (!create)
        return NULL;
    if (t->n == t->cap) {
        size_t nc = t->cap ? t->cap * 2 : 64;
        site *ns = realloc(t->s, nc * sizeof *ns);
        if (!ns)
            return NULL;
        t->s = ns;
        t->cap = nc;
    }
    site *st = &t->s[t->n++];
    memset(st, 0, sizeof *st);
    st->key = key;
    uint64_t dummy;
    if (dup_find_or_add(&t->index, key, t->n, &dummy) < 0)
        return NULL;
    return st;
}

/* Site key of an input: the host of its URL, else the directory of the file. */
static uint64_t site_key(const char *url, const char *source)
{
    const char *s = url, *e;
    if (s && (e = strstr(s, "://"))) {
        s = e + 3;
        e = s;
        while (*e && *e != '/' && *e != ':' && *e != '?' && *e != '#')
            e++;
        if (e - s > 4 && !strncasecmp(s, "www.", 4))
            s += 4;
        return fnv(s, (size_t)(e - s), 0x84222325cbf29ce4ull);
    }
    const char *slash = strrchr(source, '/');
    return fnv(source, slash ? (size_t)(slash - source) : 0, 0x84222325cbf29ce4ull);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void sites_finish(sites *t)
{
    for (size_t i = 0; i < t->n; i++) {
        site *st = &t->s[i];
        if (st->pages >= 4) {
            uint64_t need = st->pages * 3 / 10 > 3 ? st->pages * 3 / 10 : 3;
            for (size_t j = 0; j < st->counts.cap; j++)
                if (st->counts.e[j].hash && st->counts.e[j].seq >= need)
                    st->n_drop++;
            st->drop = st->n_drop ? malloc(st->n_drop * sizeof *st->drop) : NULL;
            size_t k = 0;
            for (size_t j = 0; st->drop && j < st->counts.cap; j++)
                if (st->counts.e[j].hash && st->counts.e[j].seq >= need)
                    st->drop[k++] = st->counts.e[j].hash;
            if (!st->drop)
                st->n_drop = 0;
            else
                qsort(st->drop, st->n_drop, sizeof *st->drop, cmp_u64);
        }
        free(st->counts.e);
        memset(&st->counts, 0, sizeof st->counts);
    }
}

static void sites_free(sites *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->s[i].drop);
        free(t->s[i].counts.e);
    }
    free(t->s);
    free(t->index.e);
}

/* ------------------------------------------------------------ shared state */

typedef struct runner {
    const batch_config *cfg;
    pthread_mutex_t mu;
    pthread_cond_t cv_work, cv_done, cv_space;
    item **ring;
    size_t cap;
    uint64_t next_read, next_write;
    item *work_head, *work_tail;
    int reader_done;
    int abort_all;
    int reader_waiting; /* the reader sleeps on cv_space (until half the ring is free) */
    int writer_waiting; /* the writer sleeps on cv_done (until item next_write is done) */
    /* reader-side counters (owned by the reader until reader_done) */
    uint64_t bytes_in;    /* bytes read from inputs (compressed as stored) */
    uint64_t page_bytes;  /* bytes of pages handed to extraction (decompressed) */
    int io_errors;
    keyset done_keys; /* resume */
    uint64_t resumed;
    int learning;     /* the learning pass of --learn-boilerplate: no output */
    sites *sites;     /* learnt furniture per site (read-only in the main pass) */
} runner;

static char *xstrdup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    char *p = malloc(n + 1);
    if (p)
        memcpy(p, s, n + 1);
    return p;
}

static void item_free(item *it)
{
    if (!it)
        return;
    free(it->source);
    free(it->url);
    free(it->record_id);
    free(it->warc_date);
    free(it->charset);
    free(it->data_buf);
    free(it->line);
    free(it->error_line);
    free(it->hashes);
    free(it);
}

/* Hand an item to the ring (blocks while the ring is full). */
static void submit(runner *r, item *it, int needs_work)
{
    if (r->sites)
        it->site = site_key(it->url, it->source ? it->source : "");
    pthread_mutex_lock(&r->mu);
    if (needs_work)
        r->page_bytes += it->len;
    while (r->next_read - r->next_write >= r->cap && !r->abort_all) {
        r->reader_waiting = 1;
        pthread_cond_wait(&r->cv_space, &r->mu);
    }
    r->reader_waiting = 0;
    it->seq = r->next_read++;
    r->ring[it->seq % r->cap] = it;
    if (needs_work) {
        it->state = SLOT_PENDING;
        it->next_work = NULL;
        if (r->work_tail)
            r->work_tail->next_work = it;
        else
            r->work_head = it;
        r->work_tail = it;
        pthread_cond_signal(&r->cv_work);
    } else {
        it->state = SLOT_DONE;
        if (it->seq == r->next_write && r->writer_waiting)
            pthread_cond_signal(&r->cv_done);
    }
    pthread_mutex_unlock(&r->mu);
}

/* ------------------------------------------------------------ JSON helpers */

static void json_str(char **out, size_t *len, size_t *cap, const char *s)
{
    /* append a JSON string literal; invalid UTF-8 bytes become U+FFFD */
    size_t need = *len + strlen(s) * 6 + 3;
    if (need > *cap) {
        size_t nc = need * 2;
        char *p = realloc(*out, nc);
        if (!p)
            return;
        *out = p;
        *cap = nc;
    }
    char *o = *out + *len;
    *o++ = '"';
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        unsigned char c = *p;
        if (c == '"' || c == '\\') {
            *o++ = '\\';
            *o++ = (char)c;
            p++;
        } else if (c < 0x20 || c == 0x7f) {
            o += sprintf(o, "\\u%04x", c);
            p++;
        } else if (c < 0x80) {
            *o++ = (char)c;
            p++;
        } else {
            size_t k = c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
            size_t j = 1;
            while (k && j < k && (p[j] & 0xC0) == 0x80)
                j++;
            if (k && j == k && !(c == 0xE0 && p[1] < 0xA0) && !(c == 0xED && p[1] > 0x9F) &&
                !(c == 0xF0 && p[1] < 0x90) && !(c == 0xF4 && p[1] > 0x8F)) {
                memcpy(o, p, k);
                o += k;
                p += k;
            } else {
                memcpy(o, "\xEF\xBF\xBD", 3);
                o += 3;
                p++;
            }
        }
    }
    *o++ = '"';
    *len = (size_t)(o - *out);
}

/* The members every batch record starts with. */
static char *record_head(const item *it, size_t *len)
{
    size_t cap = 256, n = 0;
    char *s = malloc(cap);
    if (!s)
        return NULL;
    s[n++] = '{';
    memcpy(s + n, "\"source\":", 9);
    n += 9;
    json_str(&s, &n, &cap, it->source);
    if (it->record_id) {
        if (n + 16 > cap && !(s = realloc(s, cap = cap * 2 + 16)))
            return NULL;
        memcpy(s + n, ",\"record_id\":", 13);
        n += 13;
        json_str(&s, &n, &cap, it->record_id);
    }
    if (it->warc_date) {
        if (n + 16 > cap && !(s = realloc(s, cap = cap * 2 + 16)))
            return NULL;
        memcpy(s + n, ",\"warc_date\":", 13);
        n += 13;
        json_str(&s, &n, &cap, it->warc_date);
    }
    if (it->truncated) {
        if (n + 24 > cap && !(s = realloc(s, cap = cap * 2 + 24)))
            return NULL;
        memcpy(s + n, ",\"truncated\":true", 17);
        n += 17;
    }
    *len = n;
    return s;
}

/* ------------------------------------------------------------ workers */

typedef struct worker_arg {
    runner *r;
    pith_extractor *ex;
} worker_arg;

static void process_item(runner *r, pith_extractor *ex, item *it)
{
    const batch_config *cfg = r->cfg;
    pith_input in;
    memset(&in, 0, sizeof in);
    in.data = it->data;
    in.len = it->len;
    in.url = it->url;
    in.charset = it->charset && *it->charset ? it->charset : NULL;
    in.ref_time = it->ref_time;
    in.kind = it->kind;
    site *learnt = r->sites && !r->learning ? site_get(r->sites, it->site, 0) : NULL;
    if (learnt && learnt->n_drop) {
        in.drop_blocks = learnt->drop;
        in.n_drop_blocks = learnt->n_drop;
    }
    pith_doc *doc = NULL;
    pith_status st = pith_extract(ex, &in, &doc);
    if (st == PITH_ECHARSET && in.charset) {
        /* an unknown charset label in an HTTP header: sniff instead */
        pith_doc_free(doc);
        in.charset = NULL;
        st = pith_extract(ex, &in, &doc);
    }
    it->status = st;
    if (r->learning) {
        /* distinct body block hashes of this page */
        size_t nb = doc ? pith_doc_block_count(doc) : 0;
        it->hashes = nb ? malloc(nb * sizeof *it->hashes) : NULL;
        for (size_t i = 0; it->hashes && i < nb; i++) {
            pith_block b;
            pith_doc_block(doc, i, &b);
            if (b.part == PITH_PART_BODY)
                it->hashes[it->n_hashes++] = pith_block_hash(b.text, b.len);
        }
        if (it->n_hashes) {
            qsort(it->hashes, it->n_hashes, sizeof *it->hashes, cmp_u64);
            size_t u = 1;
            for (size_t i = 1; i < it->n_hashes; i++)
                if (it->hashes[i] != it->hashes[u - 1])
                    it->hashes[u++] = it->hashes[i];
            it->n_hashes = u;
        }
        pith_doc_free(doc);
        free(it->data_buf);
        it->data = it->data_buf = NULL;
        return;
    }
    size_t hl = 0;
    char *head = record_head(it, &hl);
    char *body = NULL;
    size_t bl = 0;
    if (doc)
        body = pith_render_string(doc, PITH_FORMAT_JSON, cfg->render_flags, &bl);
    else
        body = pith_error_json(st, NULL, it->url, NULL);
    if (doc && cfg->dedupe && st == PITH_OK) {
        size_t tn;
        const char *t = pith_doc_text(doc, &tn);
        signature(t, tn, it);
    }
    pith_doc_free(doc);
    if (!head || !body) {
        free(head);
        pith_free(body);
        it->status = PITH_ENOMEM;
        return;
    }
    if (!bl)
        bl = strlen(body);
    /* head + ',' + body without its '{' and without its final '}' */
    it->line = malloc(hl + bl + 2);
    if (it->line) {
        memcpy(it->line, head, hl);
        it->line_len = hl;
        if (bl > 2) {
            it->line[it->line_len++] = ',';
            memcpy(it->line + it->line_len, body + 1, bl - 2);
            it->line_len += bl - 2;
        }
    }
    free(head);
    pith_free(body);
    free(it->data_buf);
    it->data = it->data_buf = NULL;
}

static void *worker_main(void *p)
{
    worker_arg *wa = p;
    runner *r = wa->r;
    for (;;) {
        pthread_mutex_lock(&r->mu);
        while (!r->work_head && !r->reader_done && !r->abort_all)
            pthread_cond_wait(&r->cv_work, &r->mu);
        item *it = r->work_head;
        if (!it) {
            pthread_mutex_unlock(&r->mu);
            return NULL;
        }
        r->work_head = it->next_work;
        if (!r->work_head)
            r->work_tail = NULL;
        it->state = SLOT_WORKING;
        pthread_mutex_unlock(&r->mu);

        process_item(r, wa->ex, it);

        pthread_mutex_lock(&r->mu);
        it->state = SLOT_DONE;
        /* wake the writer only for the item it waits for: fewer context switches */
        if (it->seq == r->next_write && r->writer_waiting)
            pthread_cond_signal(&r->cv_done);
        pthread_mutex_unlock(&r->mu);
    }
}

/* ------------------------------------------------------------ reader */

static int has_suffix(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcasecmp(s + a - b, suf) == 0;
}

static int is_warc_name(const char *p)
{
    return has_suffix(p, ".warc") || has_suffix(p, ".warc.gz") || has_suffix(p, ".warc.zst") ||
           has_suffix(p, ".arc.gz") || has_suffix(p, ".wet.gz") || has_suffix(p, ".warc.wet.gz") ||
           has_suffix(p, ".wet");
}

/* Sniff the first bytes: "WARC/" plain, or gzip/zstd whose name says warc. */
static int is_warc_file(const char *path)
{
    if (is_warc_name(path))
        return 1;
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return 0;
    char b[8];
    ssize_t n = read(fd, b, sizeof b);
    close(fd);
    return n >= 5 && memcmp(b, "WARC/", 5) == 0;
}

int batch_wants(const char *path)
{
    struct stat st;
    if (strcmp(path, "-") == 0 || stat(path, &st) != 0)
        return 0;
    if (S_ISDIR(st.st_mode))
        return 1;
    return S_ISREG(st.st_mode) && is_warc_file(path);
}

static int ci_contains(const char *hay, const char *needle)
{
    size_t nl = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, nl) == 0)
            return 1;
    return 0;
}

static const char *record_skip_reason(const pith_warc_record *rec, pith_input_kind *kind)
{
    const char *t = rec->type ? rec->type : "";
    const char *ct = rec->content_type ? rec->content_type : "";
    int html = ci_contains(ct, "html") || ci_contains(ct, "xml");
    if (!strcmp(t, "response")) {
        if (rec->http_status != 200)
            return "http-status";
        if (*ct && !html)
            return "not-html";
        *kind = PITH_INPUT_HTML;
        return rec->payload_len ? NULL : "empty";
    }
    if (!strcmp(t, "resource")) {
        if (html) {
            *kind = PITH_INPUT_HTML;
        } else if (ci_contains(ct, "text/plain")) {
            *kind = PITH_INPUT_TEXT;
        } else {
            return "not-html";
        }
        return rec->payload_len ? NULL : "empty";
    }
    if (!strcmp(t, "conversion")) {
        *kind = PITH_INPUT_TEXT; /* WET: the text of a page */
        return rec->payload_len ? NULL : "empty";
    }
    if (!strcmp(t, "revisit"))
        return "revisit";
    if (!strcmp(t, "warcinfo"))
        return "warcinfo";
    if (!strcmp(t, "request"))
        return "request";
    if (!strcmp(t, "metadata"))
        return "metadata";
    return "other-record-type";
}

static void read_warc(runner *r, const char *path)
{
    const batch_config *cfg = r->cfg;
    pith_warc *w = NULL;
    if (pith_warc_open_path(path, cfg->opt.max_bytes, &w) != PITH_OK) {
        item *it = calloc(1, sizeof *it);
        if (!it)
            return;
        it->source = xstrdup(path);
        char msg[512];
        snprintf(msg, sizeof msg, "cannot open WARC: %s", strerror(errno));
        it->error_line = pith_error_json(PITH_EIO, msg, NULL, NULL);
        r->io_errors++;
        submit(r, it, 0);
        return;
    }
    pith_warc_record rec;
    uint64_t last_bytes = 0;
    for (;;) {
        int got = pith_warc_next(w, &rec);
        uint64_t b = pith_warc_bytes_read(w);
        pthread_mutex_lock(&r->mu);
        r->bytes_in += b - last_bytes;
        pthread_mutex_unlock(&r->mu);
        last_bytes = b;
        if (got == 0)
            break;
        item *it = calloc(1, sizeof *it);
        if (!it)
            break;
        it->source = xstrdup(path);
        it->record_id = rec.record_id && *rec.record_id ? xstrdup(rec.record_id) : NULL;
        it->url = rec.target_uri && *rec.target_uri ? xstrdup(rec.target_uri) : NULL;
        it->warc_date = rec.date && *rec.date ? xstrdup(rec.date) : NULL;
        if (got < 0 || rec.error) {
            char msg[600];
            snprintf(msg, sizeof msg, "warc: %s", rec.error ? rec.error : "read error");
            it->error_line = pith_error_json(PITH_EIO, msg, it->url, NULL);
            if (got < 0)
                r->io_errors++;
            submit(r, it, 0);
            if (got < 0)
                break;
            continue;
        }
        if (r->cfg->resume && keyset_has(&r->done_keys, item_key(path, it->record_id))) {
            it->skip = "resumed";
            submit(r, it, 0);
            continue;
        }
        pith_input_kind kind = PITH_INPUT_HTML;
        it->skip = record_skip_reason(&rec, &kind);
        if (!it->skip) {
            it->kind = kind;
            it->charset = rec.charset && *rec.charset ? xstrdup(rec.charset) : NULL;
            it->ref_time = cfg->ref_time ? cfg->ref_time : rec.date_unix;
            it->truncated = rec.truncated;
            /* the reader's buffer itself, no copy */
            size_t off = 0;
            it->data_buf = pith_warc_take_payload(w, &rec, &off);
            if (it->data_buf) {
                it->data = (unsigned char *)it->data_buf + off;
            } else if ((it->data_buf = malloc(rec.payload_len ? rec.payload_len : 1))) {
                it->data = it->data_buf;
                memcpy(it->data, rec.payload, rec.payload_len);
            } else {
                it->error_line = pith_error_json(PITH_ENOMEM, NULL, it->url, NULL);
                submit(r, it, 0);
                continue;
            }
            it->len = rec.payload_len;
        }
        submit(r, it, it->skip == NULL);
    }
    pith_warc_close(w);
}

/* A plain file (gzip-compressed when it starts with 1f 8b). */
static void read_file(runner *r, const char *path)
{
    const batch_config *cfg = r->cfg;
    item *it = calloc(1, sizeof *it);
    if (!it)
        return;
    it->source = xstrdup(path);
    if (cfg->resume && keyset_has(&r->done_keys, item_key(path, NULL))) {
        it->skip = "resumed";
        submit(r, it, 0);
        return;
    }
    gzFile g = strcmp(path, "-") == 0 ? gzdopen(dup(0), "rb") : gzopen(path, "rb");
    if (!g) {
        char msg[512];
        snprintf(msg, sizeof msg, "cannot read input: %s", strerror(errno));
        it->error_line = pith_error_json(PITH_EIO, msg, NULL, NULL);
        r->io_errors++;
        submit(r, it, 0);
        return;
    }
    size_t cap = 65536, n = 0, limit = cfg->opt.max_bytes;
    unsigned char *p = malloc(cap);
    int too_big = 0, err = 0;
    while (p) {
        if (n == cap) {
            if (cap > limit) {
                too_big = 1;
                break;
            }
            unsigned char *q = realloc(p, cap * 2);
            if (!q) {
                free(p);
                p = NULL;
                break;
            }
            p = q;
            cap *= 2;
        }
        int k = gzread(g, p + n, (unsigned)(cap - n > (1u << 30) ? (1u << 30) : cap - n));
        if (k < 0) {
            err = 1;
            break;
        }
        if (k == 0)
            break;
        n += (size_t)k;
    }
    gzclose(g);
    pthread_mutex_lock(&r->mu);
    r->bytes_in += n;
    pthread_mutex_unlock(&r->mu);
    if (!p || err || too_big) {
        free(p);
        it->error_line = too_big ? pith_error_json(PITH_ETOOBIG, NULL, NULL, NULL)
                         : err  ? pith_error_json(PITH_EIO, "read error (corrupt gzip?)", NULL, NULL)
                                : pith_error_json(PITH_ENOMEM, NULL, NULL, NULL);
        if (err)
            r->io_errors++;
        submit(r, it, 0);
        return;
    }
    it->data = it->data_buf = p;
    it->len = n;
    it->kind = cfg->kind;
    it->charset = cfg->charset ? xstrdup(cfg->charset) : NULL;
    it->ref_time = cfg->ref_time;
    submit(r, it, 1);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int wanted_in_dir(const char *name, pith_input_kind kind)
{
    if (name[0] == '.')
        return 0;
    if (is_warc_name(name))
        return 1;
    static const char *const EXT[] = {".html", ".htm", ".xhtml", ".shtml", ".html.gz", ".htm.gz"};
    for (size_t i = 0; i < sizeof EXT / sizeof EXT[0]; i++)
        if (has_suffix(name, EXT[i]))
            return 1;
    return kind == PITH_INPUT_TEXT && (has_suffix(name, ".txt") || has_suffix(name, ".txt.gz"));
}

static void read_path(runner *r, const char *path, int depth);

static void read_dir(runner *r, const char *path, int depth)
{
    DIR *d = opendir(path);
    if (!d) {
        r->io_errors++;
        fprintf(stderr, "pith: %s: %s\n", path, strerror(errno));
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn)
                break;
            names = nn;
        }
        size_t l = strlen(path) + strlen(e->d_name) + 2;
        names[n] = malloc(l);
        if (!names[n])
            break;
        snprintf(names[n], l, "%s/%s", path, e->d_name);
        n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n && !r->abort_all; i++) {
        struct stat st;
        if (stat(names[i], &st) == 0) {
            if (S_ISDIR(st.st_mode))
                read_path(r, names[i], depth + 1);
            else if (S_ISREG(st.st_mode) && wanted_in_dir(strrchr(names[i], '/') + 1, r->cfg->kind))
                read_path(r, names[i], depth + 1);
        }
        free(names[i]);
    }
    free(names);
}

static void read_path(runner *r, const char *path, int depth)
{
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (depth < 64)
            read_dir(r, path, depth);
        return;
    }
    if (strcmp(path, "-") != 0 && is_warc_file(path))
        read_warc(r, path);
    else
        read_file(r, path);
}

typedef struct reader_arg {
    runner *r;
    const char *const *paths;
    int n;
} reader_arg;

static void *reader_main(void *p)
{
    reader_arg *ra = p;
    runner *r = ra->r;
    const batch_config *cfg = r->cfg;
    for (int i = 0; i < ra->n && !r->abort_all; i++)
        read_path(r, ra->paths[i], 0);
    if (cfg->files_from) {
        FILE *f = strcmp(cfg->files_from, "-") == 0 ? stdin : fopen(cfg->files_from, "r");
        if (!f) {
            fprintf(stderr, "pith: %s: %s\n", cfg->files_from, strerror(errno));
            r->io_errors++;
        } else {
            char *line = NULL;
            size_t cap = 0;
            ssize_t len;
            while (!r->abort_all && (len = getline(&line, &cap, f)) > 0) {
                while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
                    line[--len] = '\0';
                if (len)
                    read_path(r, line, 0);
            }
            free(line);
            if (f != stdin)
                fclose(f);
        }
    }
    pthread_mutex_lock(&r->mu);
    r->reader_done = 1;
    pthread_cond_broadcast(&r->cv_work);
    pthread_cond_broadcast(&r->cv_done);
    pthread_mutex_unlock(&r->mu);
    return NULL;
}

/* ------------------------------------------------------------ output */

typedef struct out {
    int fd;
    gzFile gz;
    ZSTD_CCtx *zs;
    char *buf;
    size_t len, cap;
    int failed;
} out;

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t k = write(fd, p, n);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

/* Whole lines only reach the file: the buffer is flushed at line ends, so a
 * killed run leaves no partial record (uncompressed output). */
static void out_flush(out *o)
{
    if (!o->len || o->failed)
        return;
    if (o->gz) {
        if (gzwrite(o->gz, o->buf, (unsigned)o->len) != (int)o->len)
            o->failed = 1;
    } else if (o->zs) {
        ZSTD_inBuffer in = {o->buf, o->len, 0};
        char tmp[1 << 16];
        while (in.pos < in.size) {
            ZSTD_outBuffer ob = {tmp, sizeof tmp, 0};
            size_t rc = ZSTD_compressStream2(o->zs, &ob, &in, ZSTD_e_continue);
            if (ZSTD_isError(rc) || write_all(o->fd, tmp, ob.pos)) {
                o->failed = 1;
                break;
            }
        }
    } else if (write_all(o->fd, o->buf, o->len)) {
        o->failed = 1;
    }
    o->len = 0;
}

static void out_line(out *o, const char *s, size_t n, const char *tail)
{
    size_t tl = strlen(tail);
    if (o->len + n + tl + 1 > o->cap) {
        out_flush(o);
        if (n + tl + 1 > o->cap) {
            size_t nc = n + tl + 1 + (1 << 20);
            char *p = realloc(o->buf, nc);
            if (!p) {
                o->failed = 1;
                return;
            }
            o->buf = p;
            o->cap = nc;
        }
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    memcpy(o->buf + o->len, tail, tl);
    o->len += tl;
    o->buf[o->len++] = '\n';
    if (o->len > (1 << 20))
        out_flush(o);
}

static int out_close(out *o)
{
    out_flush(o);
    if (o->gz) {
        if (gzclose(o->gz) != Z_OK)
            o->failed = 1;
    } else if (o->zs) {
        char tmp[1 << 16];
        ZSTD_inBuffer in = {NULL, 0, 0};
        size_t rc;
        do {
            ZSTD_outBuffer ob = {tmp, sizeof tmp, 0};
            rc = ZSTD_compressStream2(o->zs, &ob, &in, ZSTD_e_end);
            if (ZSTD_isError(rc) || write_all(o->fd, tmp, ob.pos)) {
                o->failed = 1;
                break;
            }
        } while (rc);
        ZSTD_freeCCtx(o->zs);
        if (o->fd > 1 && close(o->fd))
            o->failed = 1;
    } else if (o->fd > 1 && close(o->fd)) {
        o->failed = 1;
    }
    free(o->buf);
    return o->failed ? -1 : 0;
}

/* Read the keys of complete records of an earlier run and cut a partial last line. */
static int load_resume(runner *r, const char *path)
{
    int fd = open(path, O_RDWR);
    if (fd < 0)
        return errno == ENOENT ? 0 : -1;
    FILE *f = fdopen(fd, "r+");
    if (!f) {
        close(fd);
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    off_t good = 0;
    while ((len = getline(&line, &cap, f)) > 0) {
        if (line[len - 1] != '\n')
            break; /* partial line of a killed run */
        good += len;
        /* {"source":"...","record_id":"..." — the writer puts these first */
        char *s = strstr(line, "\"source\":\"");
        if (!s)
            continue;
        s += 10;
        char *e = json_body_end(s);
        if (!*e)
            continue;
        char *rid = NULL, *re = NULL;
        if (!strncmp(e + 1, ",\"record_id\":\"", 14)) {
            rid = e + 15;
            re = json_body_end(rid);
            if (!*re)
                continue;
        }
        /* the escaped forms, as item_key makes them */
        keyset_add(&r->done_keys, key_of_escaped(s, (size_t)(e - s), rid, rid ? (size_t)(re - rid) : 0));
    }
    free(line);
    fflush(f);
    int rc = ftruncate(fileno(f), good);
    fclose(f);
    return rc;
}

/* ------------------------------------------------------------ the run */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void count_add(dup_table *t, uint64_t h)
{
    uint64_t dummy;
    if (!h)
        h = 1;
    if (dup_find_or_add(t, h, 1, &dummy) == 1) {
        size_t j = h & (t->cap - 1);
        while (t->e[j].hash != h)
            j = (j + 1) & (t->cap - 1);
        t->e[j].seq++;
    }
}

static int run_pass(const batch_config *cfg, const char *const *paths, int n, sites *learnt, int learning)
{
    runner r;
    memset(&r, 0, sizeof r);
    r.cfg = cfg;
    r.sites = learnt;
    r.learning = learning;
    unsigned jobs = cfg->jobs;
    if (!jobs) {
        long c = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = c > 0 ? (unsigned)c : 1;
    }
    if (jobs > 512)
        jobs = 512;
    r.cap = (size_t)jobs * 4 + 8;
    r.ring = calloc(r.cap, sizeof *r.ring);
    pthread_mutex_init(&r.mu, NULL);
    pthread_cond_init(&r.cv_work, NULL);
    pthread_cond_init(&r.cv_done, NULL);
    pthread_cond_init(&r.cv_space, NULL);

    /* output */
    out o;
    memset(&o, 0, sizeof o);
    o.cap = 1 << 20;
    o.buf = malloc(o.cap);
    const char *op = cfg->output && strcmp(cfg->output, "-") ? cfg->output : NULL;
    int gz = op && has_suffix(op, ".gz"), zst = op && has_suffix(op, ".zst");
    if (learning)
        op = NULL, gz = zst = 0;
    if (cfg->resume && !learning) {
        if (!op || gz || zst) {
            fprintf(stderr, "pith: --resume needs an uncompressed output file (-o FILE.jsonl)\n");
            free(r.ring);
            free(o.buf);
            return 2;
        }
        if (load_resume(&r, op)) {
            fprintf(stderr, "pith: %s: cannot resume: %s\n", op, strerror(errno));
            free(r.ring);
            free(o.buf);
            return 3;
        }
    }
    o.fd = learning ? open("/dev/null", O_WRONLY)
           : op    ? open(op, O_WRONLY | O_CREAT | (cfg->resume ? O_APPEND : O_TRUNC), 0644)
                   : 1;
    if (o.fd < 0 || !o.buf || !r.ring) {
        fprintf(stderr, "pith: %s: %s\n", op ? op : "stdout", strerror(errno));
        free(r.ring);
        free(o.buf);
        return 3;
    }
    if (gz)
        o.gz = gzdopen(o.fd, "wb6");
    if (zst) {
        o.zs = ZSTD_createCCtx();
        if (o.zs)
            ZSTD_CCtx_setParameter(o.zs, ZSTD_c_compressionLevel, 6);
    }
    if ((gz && !o.gz) || (zst && !o.zs)) {
        fprintf(stderr, "pith: cannot set up compressed output\n");
        return 4;
    }

    /* threads */
    worker_arg *wa = calloc(jobs, sizeof *wa);
    pthread_t *tw = calloc(jobs, sizeof *tw);
    unsigned started = 0;
    for (unsigned i = 0; wa && tw && i < jobs; i++) {
        wa[i].r = &r;
        if (pith_extractor_new(&cfg->opt, &wa[i].ex, NULL) != PITH_OK)
            break;
        if (pthread_create(&tw[i], NULL, worker_main, &wa[i])) {
            pith_extractor_free(wa[i].ex);
            break;
        }
        started++;
    }
    if (!started) {
        fprintf(stderr, "pith: cannot start workers\n");
        return 4;
    }
    reader_arg ra = {&r, paths, n};
    pthread_t tr;
    if (pthread_create(&tr, NULL, reader_main, &ra)) {
        fprintf(stderr, "pith: cannot start the reader\n");
        return 4;
    }

    /* writer: this thread */
    counters skipped, errors;
    memset(&skipped, 0, sizeof skipped);
    memset(&errors, 0, sizeof errors);
    uint64_t pages = 0, records = 0, dups = 0, near = 0;
    dup_table exact_t, band_t[BANDS];
    memset(&exact_t, 0, sizeof exact_t);
    memset(band_t, 0, sizeof band_t);
    uint32_t (*sigs)[MH] = NULL; /* signature per seq, for near checks (dedupe only) */
    size_t sig_cap = 0;
    int progress = cfg->quiet ? 0 : cfg->progress < 0 ? isatty(2) : cfg->progress;
    double t0 = now_s(), last_prog = 0;
    int worst = 0;
    for (;;) {
        pthread_mutex_lock(&r.mu);
        item *it;
        while (!((it = r.ring[r.next_write % r.cap]) && it->seq == r.next_write && it->state == SLOT_DONE) &&
               !(r.reader_done && r.next_write == r.next_read)) {
            r.writer_waiting = 1;
            pthread_cond_wait(&r.cv_done, &r.mu);
        }
        r.writer_waiting = 0;
        if (r.reader_done && r.next_write == r.next_read) {
            pthread_mutex_unlock(&r.mu);
            break;
        }
        r.ring[r.next_write % r.cap] = NULL;
        r.next_write++;
        /* the reader refills in batches, once half the ring is free */
        if (r.reader_waiting && r.next_read - r.next_write <= r.cap / 2)
            pthread_cond_signal(&r.cv_space);
        uint64_t bytes = r.bytes_in;
        pthread_mutex_unlock(&r.mu);

        if (learning) {
            if (it->n_hashes && learnt) {
                site *st = site_get(learnt, it->site, 1);
                if (st && st->pages < LEARN_PAGES) {
                    st->pages++;
                    for (size_t k = 0; k < it->n_hashes; k++)
                        count_add(&st->counts, it->hashes[k]);
                }
            }
        } else if (it->skip) {
            count(&skipped, it->skip);
        } else if (it->error_line) {
            pages++;
            size_t hl;
            char *head = record_head(it, &hl);
            size_t el = strlen(it->error_line);
            char *line = head ? malloc(hl + el + 2) : NULL;
            if (line) {
                /* the batch members, then the error record's members */
                memcpy(line, head, hl);
                line[hl] = ',';
                memcpy(line + hl + 1, it->error_line + 1, el - 1);
                out_line(&o, line, hl + el, "");
                records++;
            }
            free(line);
            free(head);
            const char *name = strstr(it->error_line, "\"error\":\"");
            char ename[48] = "PITH_EIO";
            if (name) {
                name += 9;
                size_t k = 0;
                while (name[k] && name[k] != '"' && k < sizeof ename - 1) {
                    ename[k] = name[k];
                    k++;
                }
                ename[k] = '\0';
            }
            count(&errors, ename);
            if (worst < 1)
                worst = 1;
        } else {
            pages++;
            char tail[200] = "}";
            if (it->status != PITH_OK) {
                count(&errors, pith_status_name(it->status));
                if (worst < 1)
                    worst = 1;
            } else if (cfg->dedupe && it->has_text) {
                uint64_t first;
                if (dup_find_or_add(&exact_t, it->text_hash, it->seq, &first) == 1) {
                    snprintf(tail, sizeof tail, ",\"duplicate_of\":%llu}", (unsigned long long)first);
                    dups++;
                } else if (it->mh[0] != UINT32_MAX) {
                    /* near duplicates: LSH candidates, verified on the signature */
                    if (it->seq >= sig_cap) {
                        size_t nc = sig_cap ? sig_cap : 1024;
                        while (nc <= it->seq)
                            nc *= 2;
                        void *ns = realloc(sigs, nc * sizeof *sigs);
                        if (ns) {
                            sigs = ns;
                            memset(sigs + sig_cap, 0xff, (nc - sig_cap) * sizeof *sigs);
                            sig_cap = nc;
                        }
                    }
                    int flagged = 0;
                    for (int b = 0; b < BANDS; b++) {
                        uint64_t bh = 0xcbf29ce484222325ull ^ (uint64_t)b;
                        for (int k = 0; k < ROWS; k++)
                            bh = mix64(bh ^ it->mh[b * ROWS + k]);
                        uint64_t cand;
                        if (dup_find_or_add(&band_t[b], bh, it->seq, &cand) == 1 && !flagged && cand < sig_cap) {
                            int agree = 0;
                            for (int k = 0; k < MH; k++)
                                agree += sigs[cand][k] == it->mh[k];
                            if (agree * 10 >= MH * 8) {
                                snprintf(tail, sizeof tail, ",\"near_duplicate_of\":%llu}", (unsigned long long)cand);
                                near++;
                                flagged = 1;
                            }
                        }
                    }
                    if (it->seq < sig_cap)
                        memcpy(sigs[it->seq], it->mh, sizeof it->mh);
                }
            }
            if (it->line) {
                if (cfg->dedupe) {
                    /* "seq" lets duplicate_of point at a record */
                    char seqm[240];
                    snprintf(seqm, sizeof seqm, ",\"seq\":%llu%s", (unsigned long long)it->seq, tail);
                    out_line(&o, it->line, it->line_len, seqm);
                } else {
                    out_line(&o, it->line, it->line_len, tail);
                }
                records++;
            } else {
                count(&errors, "PITH_ENOMEM");
                worst = 4;
            }
        }
        item_free(it);
        if (progress) {
            double t = now_s();
            if (t - last_prog > 0.5) {
                last_prog = t;
                fprintf(stderr, "\rpith: %llu pages, %llu records, %.1f MB in, %.1f MB/s   ",
                        (unsigned long long)pages, (unsigned long long)records, (double)bytes / 1e6,
                        (double)bytes / 1e6 / (t - t0 > 1e-9 ? t - t0 : 1e-9));
            }
        }
    }
    pthread_join(tr, NULL);
    for (unsigned i = 0; i < started; i++) {
        pthread_join(tw[i], NULL);
        pith_extractor_free(wa[i].ex);
    }
    free(wa);
    free(tw);
    int out_failed = out_close(&o);
    double dt = now_s() - t0;
    if (progress)
        fputs("\r\033[K", stderr);
    if (!cfg->quiet && learning) {
        size_t with = 0, total = 0;
        for (size_t i = 0; learnt && i < learnt->n; i++)
            total++;
        (void)with;
        fprintf(stderr, "pith: learning pass: %zu sites, %.2f s\n", total, dt);
    } else if (!cfg->quiet) {
        fprintf(stderr,
                "pith: %llu pages in, %llu records out; %.1f MB read, %.1f MB of pages in %.2f s "
                "(%.1f MB/s of pages), %u jobs\n",
                (unsigned long long)pages, (unsigned long long)records, (double)r.bytes_in / 1e6,
                (double)r.page_bytes / 1e6, dt, (double)r.page_bytes / 1e6 / (dt > 1e-9 ? dt : 1e-9), started);
        if (skipped.n) {
            fprintf(stderr, "pith: skipped:");
            for (int i = 0; i < skipped.n; i++)
                fprintf(stderr, " %s %llu", skipped.r[i].name, (unsigned long long)skipped.r[i].count);
            fputc('\n', stderr);
        }
        if (errors.n) {
            fprintf(stderr, "pith: errors:");
            for (int i = 0; i < errors.n; i++)
                fprintf(stderr, " %s %llu", errors.r[i].name, (unsigned long long)errors.r[i].count);
            fputc('\n', stderr);
        }
        if (cfg->dedupe)
            fprintf(stderr, "pith: duplicates: %llu exact, %llu near\n", (unsigned long long)dups,
                    (unsigned long long)near);
    }
    free(sigs);
    free(exact_t.e);
    for (int b = 0; b < BANDS; b++)
        free(band_t[b].e);
    free(r.done_keys.slots);
    free(r.ring);
    pthread_mutex_destroy(&r.mu);
    pthread_cond_destroy(&r.cv_work);
    pthread_cond_destroy(&r.cv_done);
    pthread_cond_destroy(&r.cv_space);
    if (out_failed) {
        fprintf(stderr, "pith: write error on %s\n", op ? op : "stdout");
        return 3;
    }
    if (r.io_errors && worst < 3)
        worst = 3;
    return worst;
}

int batch_run(const batch_config *cfg, const char *const *paths, int n)
{
    if (!cfg->learn)
        return run_pass(cfg, paths, n, NULL, 0);
    for (int i = 0; i < n; i++)
        if (!strcmp(paths[i], "-")) {
            fprintf(stderr, "pith: --learn-boilerplate reads its inputs twice: not from stdin\n");
            return 2;
        }
    if (cfg->files_from && !strcmp(cfg->files_from, "-")) {
        fprintf(stderr, "pith: --learn-boilerplate reads its inputs twice: --files-from a file, not stdin\n");
        return 2;
    }
    sites learnt;
    memset(&learnt, 0, sizeof learnt);
    int rc = run_pass(cfg, paths, n, &learnt, 1);
    if (rc >= 2) {
        sites_free(&learnt);
        return rc;
    }
    sites_finish(&learnt);
    if (!cfg->quiet) {
        size_t furnished = 0, blocks = 0;
        for (size_t i = 0; i < learnt.n; i++) {
            furnished += learnt.s[i].n_drop > 0;
            blocks += learnt.s[i].n_drop;
        }
        fprintf(stderr, "pith: learnt %zu furniture blocks on %zu of %zu sites\n", blocks, furnished, learnt.n);
    }
    rc = run_pass(cfg, paths, n, &learnt, 0);
    sites_free(&learnt);
    return rc;
}
