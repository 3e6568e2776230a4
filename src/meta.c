/* meta.c — the record's metadata fields from every source a page offers.
 *
 * Takes the page (parse.c's meta items, the node tree, the selected region)
 * and the doc with its body blocks; sets title, authors, published/modified,
 * section, tags, site_name, language, lead, canonical_url and image with
 * their sources, in the precedence docs/metadata.md gives (JSON-LD via
 * jsonld.c > OpenGraph > <meta> > microdata > <time> > <title>/<h1> > DOM
 * bylines > URL > text dates). One linear pass over the nodes.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "dates.h"
#include "jsonld.h"
#include "lang.h"

/* ------------------------------------------------------------ strings */

typedef struct sv {
    const char *s;
    size_t n;
} sv;

static sv sv_of(const char *s, size_t n)
{
    sv r = {s, s ? n : 0};
    return r;
}

static int is_sp(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

static sv trim(sv x)
{
    while (x.n && is_sp((unsigned char)x.s[0]))
        x.s++, x.n--;
    while (x.n && is_sp((unsigned char)x.s[x.n - 1]))
        x.n--;
    return x;
}

/* Decode one HTML entity at s (s[0] == '&'): its code point and length, or 0. */
static size_t entity_at(const char *s, size_t n, uint32_t *cp)
{
    static const struct { const char *name; uint32_t cp; } NAMED[] = {
        {"amp", '&'}, {"quot", '"'}, {"apos", '\''}, {"lt", '<'}, {"gt", '>'}, {"nbsp", 0xA0},
        {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"rsquo", 0x2019}, {"lsquo", 0x2018},
        {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"laquo", 0xAB}, {"raquo", 0xBB}, {"bdquo", 0x201E},
    };
    if (n < 3 || s[0] != '&')
        return 0;
    if (s[1] == '#') {
        size_t i = 2;
        uint32_t v = 0;
        int hex = i < n && (s[i] == 'x' || s[i] == 'X');
        if (hex)
            i++;
        size_t d0 = i;
        while (i < n && i - d0 < 7) {
            char c = s[i];
            if (c >= '0' && c <= '9')
                v = v * (hex ? 16 : 10) + (uint32_t)(c - '0');
            else if (hex && ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'))
                v = v * 16 + (uint32_t)((c | 0x20) - 'a' + 10);
            else
                break;
            i++;
        }
        if (i == d0 || i >= n || s[i] != ';' || v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            return 0;
        *cp = v;
        return i + 1;
    }
    for (size_t k = 0; k < sizeof NAMED / sizeof NAMED[0]; k++) {
        size_t l = strlen(NAMED[k].name);
        if (n >= l + 2 && memcmp(s + 1, NAMED[k].name, l) == 0 && s[l + 1] == ';') {
            *cp = NAMED[k].cp;
            return l + 2;
        }
    }
    return 0;
}

/* A cleaned copy in the arena: entities left over from double escaping
 * decoded, control characters, no-break and zero-width spaces made plain,
 * runs of white space collapsed, ends trimmed. Input is cut at 4 KB. */
static sv clean_copy(arena *a, const char *s, size_t n)
{
    sv r = {NULL, 0};
    if (!s || !n)
        return r;
    if (n > 4096)
        n = 4096;
    char *out = arena_alloc(a, n * 2 + 8);
    if (!out)
        return r;
    size_t o = 0;
    int space = 1;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        size_t el;
        if (c == '&' && (el = entity_at(s + i, n - i, &cp))) {
            i += el;
            if (cp == 0xA0 || cp < 0x20) {
                if (!space)
                    out[o++] = ' ';
                space = 1;
            } else {
                o += utf8_encode(cp, out + o);
                space = 0;
            }
            continue;
        }
        if (c < 0x20 || c == 0x7F) {
            if (!space)
                out[o++] = ' ';
            space = 1;
            i++;
            continue;
        }
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xAD) { /* soft hyphen */
            i += 2;
            continue;
        }
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
            if (!space)
                out[o++] = ' ';
            space = 1;
            i += 2;
            continue;
        }
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
            unsigned char d = (unsigned char)s[i + 2];
            if (d == 0x8B || d == 0x8C || d == 0x8D || d == 0x8E || d == 0x8F) { /* zero-width, marks */
                i += 3;
                continue;
            }
            if (d == 0xAF || (d >= 0x80 && d <= 0x8A)) { /* narrow nbsp, en/em/thin spaces */
                if (!space)
                    out[o++] = ' ';
                space = 1;
                i += 3;
                continue;
            }
        }
        if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBB && (unsigned char)s[i + 2] == 0xBF) {
            i += 3;
            continue;
        }
        if (c == ' ') {
            if (!space)
                out[o++] = ' ';
            space = 1;
            i++;
            continue;
        }
        out[o++] = (char)c;
        space = 0;
        i++;
    }
    while (o && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
    r.s = out;
    r.n = o;
    return r;
}

/* Is the code point a letter or digit (roughly: not space, punctuation or symbol)? */
static int cp_word(uint32_t c)
{
    if (c < 0x80)
        return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if (c < 0xC0)
        return c == 0xAA || c == 0xB5 || c == 0xBA;
    if (c == 0xD7 || c == 0xF7)
        return 0;
    if (c >= 0x2000 && c <= 0x2BFF)
        return 0; /* punctuation, symbols, arrows, dingbats */
    if (c >= 0x3000 && c <= 0x303F)
        return 0;
    if (c >= 0xFE30 && c <= 0xFE4F)
        return 0;
    if (c >= 0xFF00 && c <= 0xFF0F)
        return 0;
    if (c == 0xFFFD)
        return 0;
    return 1;
}

/* Upper-case letter: one that case folding changes. */
static int cp_upper(uint32_t c)
{
    char in[4], out[8];
    size_t l = utf8_encode(c, in);
    size_t o = utf8_fold(in, l, out, sizeof out);
    return o != l || memcmp(in, out, l) != 0;
}

/* Lower-case letter in a cased script (Latin, Greek, Cyrillic). */
static int cp_lower(uint32_t c)
{
    if (c >= 'a' && c <= 'z')
        return 1;
    if (c >= 0xDF && c <= 0x24F)
        return c != 0xF7 && !cp_upper(c);
    if ((c >= 0x3AC && c <= 0x3CE) || (c >= 0x430 && c <= 0x45F))
        return 1;
    if (c >= 0x460 && c <= 0x52F)
        return !cp_upper(c);
    return 0;
}

/* Folded key: lower-cased letters and digits only (for comparing names). */
static size_t fold_key(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0, i = 0;
    const unsigned char *u = (const unsigned char *)s;
    while (i < n && o + 8 < cap) {
        if (u[i] < 0x80) { /* ASCII fast path */
            unsigned char ch = u[i++];
            if ((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z'))
                out[o++] = (char)ch;
            else if (ch >= 'A' && ch <= 'Z')
                out[o++] = (char)(ch + 32);
            continue;
        }
        size_t adv;
        uint32_t c = utf8_decode(u + i, n - i, &adv);
        if (cp_word(c)) {
            char tmp[4];
            size_t l = utf8_encode(c, tmp);
            o += utf8_fold(tmp, l, out + o, cap - o);
        }
        i += adv;
    }
    out[o] = '\0';
    return o;
}

static int key_eq(const char *a, size_t an, const char *b, size_t bn)
{
    char ka[256], kb[256];
    size_t la = fold_key(a, an, ka, sizeof ka), lb = fold_key(b, bn, kb, sizeof kb);
    return la && la == lb && memcmp(ka, kb, la) == 0;
}

/* Word tokens as folded-text hashes (for overlap measures). */
#define MAX_TOK 64
typedef struct toks {
    uint32_t h[MAX_TOK];
    unsigned n;
} toks;

/* Words of min_cp+ code points; with stem_cp, a word's hash covers only its
 * first stem_cp code points ("elektronische" = "elektronisches"). */
static void tokenize_stem(const char *s, size_t n, toks *t, unsigned min_cp, unsigned stem_cp)
{
    t->n = 0;
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    uint32_t h = 2166136261u;
    unsigned len = 0;
    int in = 0;
    while (i <= n && t->n < MAX_TOK) {
        uint32_t c = 0;
        size_t adv = 1;
        if (i < n)
            c = utf8_decode(u + i, n - i, &adv);
        if (i < n && cp_word(c)) {
            if (stem_cp && len >= stem_cp) {
                /* past the stem: counted, not hashed */
            } else if (c < 0x80) { /* ASCII fast path */
                unsigned char ch = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
                h = (h ^ ch) * 16777619u;
            } else {
                char tmp[4], f[8];
                size_t l = utf8_encode(c, tmp);
                size_t fl = utf8_fold(tmp, l, f, sizeof f);
                for (size_t k = 0; k < fl; k++)
                    h = (h ^ (unsigned char)f[k]) * 16777619u;
            }
            in = 1;
            len++;
        } else if (in) {
            if (len >= min_cp)
                t->h[t->n++] = h;
            h = 2166136261u;
            in = 0;
            len = 0;
        }
        i += adv;
    }
}

static void tokenize_min(const char *s, size_t n, toks *t, unsigned min_cp) { tokenize_stem(s, n, t, min_cp, 0); }

static void tokenize(const char *s, size_t n, toks *t) { tokenize_min(s, n, t, 1); }

/* Tokens of a that also occur in b (multiset). */
static unsigned overlap(const toks *a, const toks *b)
{
    unsigned char used[MAX_TOK] = {0};
    unsigned c = 0;
    for (unsigned i = 0; i < a->n; i++)
        for (unsigned j = 0; j < b->n; j++)
            if (!used[j] && a->h[i] == b->h[j]) {
                used[j] = 1;
                c++;
                break;
            }
    return c;
}

/* ------------------------------------------------------------ meta keys */

enum slot {
    S_NONE = 0,
    S_OG_TITLE, S_TW_TITLE, S_META_TITLE,
    S_OG_DESC, S_META_DESC, S_TW_DESC,
    S_OG_SITE, S_APP_NAME, S_META_PUBLISHER,
    S_OG_URL, S_OG_IMAGE, S_TW_IMAGE,
    S_OG_LOCALE, S_META_LANG,
    S_OG_PUB, S_OG_MOD, S_META_PUB, S_META_MOD,
    S_OG_AUTHOR, S_META_AUTHOR,
    S_OG_SECTION, S_META_SECTION,
    S_OG_TAG, S_META_KEYWORDS,
    S_OG_TYPE,
    /* <meta itemprop=...> */
    S_MD_HEADLINE, S_MD_PUB, S_MD_MOD, S_MD_AUTHOR, S_MD_SECTION, S_MD_KEYWORDS,
    S_COUNT
};

typedef struct key_slot {
    const char *key; /* separators '.', '_', '-' written as ':' */
    uint8_t slot;
} key_slot;

static const key_slot KEYS[] = {
    {"og:title", S_OG_TITLE}, {"twitter:title", S_TW_TITLE}, {"title", S_META_TITLE},
    {"dc:title", S_META_TITLE}, {"dcterms:title", S_META_TITLE}, {"citation:title", S_META_TITLE},
    {"parsely:title", S_META_TITLE}, {"sailthru:title", S_META_TITLE}, {"headline", S_META_TITLE},
    {"og:description", S_OG_DESC}, {"description", S_META_DESC}, {"dc:description", S_META_DESC},
    {"dcterms:description", S_META_DESC}, {"sailthru:description", S_META_DESC},
    {"twitter:description", S_TW_DESC},
    {"og:site:name", S_OG_SITE}, {"application:name", S_APP_NAME}, {"dc:publisher", S_META_PUBLISHER},
    {"dcterms:publisher", S_META_PUBLISHER}, {"citation:publisher", S_META_PUBLISHER},
    {"og:url", S_OG_URL}, {"og:image", S_OG_IMAGE}, {"og:image:url", S_OG_IMAGE},
    {"og:image:secure:url", S_OG_IMAGE}, {"twitter:image", S_TW_IMAGE}, {"twitter:image:src", S_TW_IMAGE},
    {"og:locale", S_OG_LOCALE}, {"language", S_META_LANG}, {"dc:language", S_META_LANG},
    {"dcterms:language", S_META_LANG}, {"content:language", S_META_LANG},
    {"article:published:time", S_OG_PUB}, {"og:article:published:time", S_OG_PUB},
    {"article:published", S_OG_PUB}, {"og:published:time", S_OG_PUB}, {"published:time", S_OG_PUB},
    {"og:pubdate", S_OG_PUB},
    {"article:modified:time", S_OG_MOD}, {"og:article:modified:time", S_OG_MOD}, {"article:modified", S_OG_MOD},
    {"og:updated:time", S_OG_MOD}, {"article:updated:time", S_OG_MOD}, {"modified:time", S_OG_MOD},
    {"og:modified:time", S_OG_MOD},
    {"date", S_META_PUB}, {"pubdate", S_META_PUB}, {"publishdate", S_META_PUB}, {"publish:date", S_META_PUB},
    {"published:date", S_META_PUB}, {"publication:date", S_META_PUB}, {"dc:date", S_META_PUB},
    {"dc:date:issued", S_META_PUB}, {"dc:date:created", S_META_PUB}, {"dc:created", S_META_PUB},
    {"dcterms:date", S_META_PUB}, {"dcterms:issued", S_META_PUB}, {"dcterms:created", S_META_PUB},
    {"citation:publication:date", S_META_PUB}, {"citation:date", S_META_PUB},
    {"citation:online:date", S_META_PUB}, {"sailthru:date", S_META_PUB}, {"parsely:pub:date", S_META_PUB},
    {"article:date:original", S_META_PUB}, {"original:publish:date", S_META_PUB},
    {"originalpublicationdate", S_META_PUB}, {"displaydate", S_META_PUB}, {"datepublished", S_META_PUB},
    {"datecreated", S_META_PUB}, {"date:published", S_META_PUB}, {"creation:date", S_META_PUB},
    {"release:date", S_META_PUB}, {"pub:date", S_META_PUB}, {"publish:time", S_META_PUB},
    {"prism:publicationdate", S_META_PUB}, {"eprints:date", S_META_PUB}, {"bt:pubdate", S_META_PUB},
    {"cxenseparse:recs:publishtime", S_META_PUB}, {"published:at", S_META_PUB}, {"article:publication:date", S_META_PUB},
    {"mediator:published:time", S_META_PUB}, /* Yandex's "mediator" tags on Russian-language news sites */
    {"last:modified", S_META_MOD}, {"lastmod", S_META_MOD}, {"dcterms:modified", S_META_MOD},
    {"dc:date:modified", S_META_MOD}, {"datemodified", S_META_MOD}, {"date:updated", S_META_MOD},
    {"last:updated", S_META_MOD}, {"revised", S_META_MOD}, {"dc:modified", S_META_MOD},
    {"article:author", S_OG_AUTHOR}, {"og:article:author", S_OG_AUTHOR}, {"book:author", S_OG_AUTHOR},
    {"author", S_META_AUTHOR}, {"dc:creator", S_META_AUTHOR}, {"dcterms:creator", S_META_AUTHOR},
    {"citation:author", S_META_AUTHOR}, {"parsely:author", S_META_AUTHOR}, {"sailthru:author", S_META_AUTHOR},
    {"byl", S_META_AUTHOR}, {"author:name", S_META_AUTHOR}, {"article:author:name", S_META_AUTHOR},
    {"cxenseparse:author", S_META_AUTHOR}, {"authors", S_META_AUTHOR}, {"mediator:author", S_META_AUTHOR},
    {"article:section", S_OG_SECTION}, {"og:article:section", S_OG_SECTION}, {"section", S_META_SECTION},
    {"parsely:section", S_META_SECTION}, {"article:category", S_META_SECTION},
    {"article:tag", S_OG_TAG}, {"og:article:tag", S_OG_TAG}, {"keywords", S_META_KEYWORDS},
    {"news:keywords", S_META_KEYWORDS}, {"parsely:tags", S_META_KEYWORDS}, {"sailthru:tags", S_META_KEYWORDS},
    {"og:type", S_OG_TYPE},
};

/* <meta itemprop=...> keys (lower-cased by parse.c). */
static const key_slot MD_KEYS[] = {
    {"headline", S_MD_HEADLINE}, {"datepublished", S_MD_PUB}, {"datecreated", S_MD_PUB},
    {"datemodified", S_MD_MOD}, {"author", S_MD_AUTHOR}, {"articlesection", S_MD_SECTION},
    {"keywords", S_MD_KEYWORDS}, {"description", S_META_DESC}, {"image", S_OG_IMAGE},
    {"inlanguage", S_META_LANG}, {"name", S_NONE},
};

static uint8_t slot_of_key(const char *key, size_t n, int itemprop)
{
    char k[64];
    if (!n || n > 63)
        return S_NONE;
    if (itemprop) {
        for (size_t i = 0; i < sizeof MD_KEYS / sizeof MD_KEYS[0]; i++)
            if (strlen(MD_KEYS[i].key) == n && !memcmp(MD_KEYS[i].key, key, n))
                return MD_KEYS[i].slot;
        return S_NONE;
    }
    for (size_t i = 0; i < n; i++) {
        char ch = key[i];
        k[i] = (ch == '.' || ch == '_' || ch == '-') ? ':' : ch;
    }
    k[n] = '\0';
    for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++)
        if (KEYS[i].key[0] == k[0] && !strcmp(KEYS[i].key, k))
            return KEYS[i].slot;
    return S_NONE;
}

/* The slot of a <meta>: its name/property (which may list several,
 * space-separated: the first known one counts) or itemprop. */
static uint8_t slot_of(const page *pg, const meta_item *m)
{
    if (!m->key || !m->key_len || m->key_len > 255)
        return S_NONE;
    const node *nd = m->node < pg->n_nodes ? &pg->nodes[m->node] : NULL;
    int itemprop = nd && node_attr(pg, nd, A_ITEMPROP) && !node_attr(pg, nd, A_NAME) &&
                   !node_attr(pg, nd, A_PROPERTY);
    size_t i = 0;
    while (i < m->key_len) {
        while (i < m->key_len && is_sp((unsigned char)m->key[i]))
            i++;
        size_t j = i;
        while (j < m->key_len && !is_sp((unsigned char)m->key[j]))
            j++;
        uint8_t s = slot_of_key(m->key + i, j - i, itemprop);
        if (s)
            return s;
        i = j;
    }
    return S_NONE;
}

/* ------------------------------------------------------------ context */

#define MAX_CAND 32
#define MAX_SITES 8

typedef struct mctx {
    page *pg;
    pith_doc *doc;
    arena *a;
    uint8_t *slot;             /* per meta item */
    uint32_t first[S_COUNT];   /* first meta item per slot, index + 1 */
    jl_info *jl;
    nid rs, re;                /* article region (inclusive) */
    nid zs, ze;                /* article zone: region plus its header */
    nid h1s[MAX_CAND], titleish[MAX_CAND], bylines[MAX_CAND], relauthor[8], leads[8], metas[MAX_CAND];
    nid heads[MAX_CAND];       /* h2..h4 around the region: the headline when there is no h1 */
    unsigned n_h1, n_titleish, n_bylines, n_relauthor, n_leads, n_metas, n_heads;
    nid art_end; /* end of the <article> element holding the region (>= ze), 0 = none */
    nid http_lang;             /* <meta http-equiv=content-language> */
    nid h1;                    /* the headline element, 0 = none */
    nid anchor;                /* where dates are looked for: h1, else a heading equal to the title */
    char site_key[MAX_SITES][96];
    size_t site_len[MAX_SITES];
    unsigned char site_pub[MAX_SITES]; /* the key is a publisher's name (may be a person's) */
    unsigned n_sites;
    sv title;                  /* the chosen title */
    const char *base_url;      /* page URL or canonical, for resolving */
    sv zt;                     /* the zone's text (zone_slice) */
    int zt_done;
    date_value vis[2];         /* text_date_near results, lenient and strict */
    int vis_done[2], vis_found[2];
} mctx;

static sv meta_val(const mctx *c, int slot)
{
    if (!c->first[slot])
        return sv_of(NULL, 0);
    const meta_item *m = &c->pg->meta[c->first[slot] - 1];
    return clean_copy(c->a, m->value, m->value_len);
}

static sv jl_val(const mctx *c, jl_str s) { return clean_copy(c->a, s.s, s.n); }

static nid subtree_end(const page *pg, nid id)
{
    nid e = id;
    unsigned guard = 0;
    while (pg->nodes[e].last && guard++ < 100000)
        e = pg->nodes[e].last;
    return e;
}

/* Visible text of nodes from..end (pre-order ids), a space for block
 * boundaries and hidden elements, at most cap - 1 bytes. */
static sv range_text(const mctx *c, nid from, nid end, size_t cap)
{
    const page *pg = c->pg;
    char *out = arena_alloc(c->a, cap + 1);
    if (!out || from >= pg->n_nodes)
        return sv_of(NULL, 0);
    size_t o = 0;
    nid prev = 0;
    for (nid i = from; i <= end && i < pg->n_nodes && o + 1 < cap; i++) {
        const node *n = &pg->nodes[i];
        if (n->tag != T_TEXT) {
            int hidden = i != from && (n->hints & H_HIDDEN);
            if (hidden || (tag_class(n->tag) & (TC_BLOCK | TC_CONTAINER)) || n->tag == T_BR)
                if (o && out[o - 1] != ' ')
                    out[o++] = ' ';
            if (hidden)
                i = subtree_end(pg, i);
            continue;
        }
        /* a block that closed since the previous text ("<div>Name</div>Hace 13 horas") */
        if (prev && o && out[o - 1] != ' ')
            for (nid a = pg->nodes[prev].parent; a && a >= from && subtree_end(pg, a) < i; a = pg->nodes[a].parent)
                if ((tag_class(pg->nodes[a].tag) & (TC_BLOCK | TC_CONTAINER))) {
                    out[o++] = ' ';
                    break;
                }
        /* digits of two elements are two numbers ("<span>04</span><span>2013</span>") */
        if (prev && o && out[o - 1] >= '0' && out[o - 1] <= '9' && n->text_len &&
            node_text(pg, n)[0] >= '0' && node_text(pg, n)[0] <= '9')
            out[o++] = ' ';
        /* a word of one element and a capitalised word of the next are two
         * words: minified markup "<a>Jane Doe</a><span>Senior Reporter</span>" */
        else if (prev && o && out[o - 1] >= 'a' && out[o - 1] <= 'z' && n->text_len &&
                 node_text(pg, n)[0] >= 'A' && node_text(pg, n)[0] <= 'Z' && pg->nodes[prev].parent != n->parent)
            out[o++] = ' ';
        prev = i;
        size_t l = n->text_len;
        if (l > cap - 1 - o)
            l = cap - 1 - o;
        memcpy(out + o, node_text(pg, n), l);
        o += l;
    }
    out[o] = '\0';
    return clean_copy(c->a, out, utf8_valid_prefix(out, o));
}

/* Visible text of a subtree, spaces between blocks, at most cap - 1 bytes. */
static sv subtree_text(const mctx *c, nid id, size_t cap)
{
    if (id >= c->pg->n_nodes)
        return sv_of(NULL, 0);
    return range_text(c, id, subtree_end(c->pg, id), cap);
}

static int has_ancestor_hint(const page *pg, nid id, uint32_t hints, unsigned max_up)
{
    for (unsigned k = 0; id && k < max_up; k++) {
        if (pg->nodes[id].hints & hints)
            return 1;
        id = pg->nodes[id].parent;
    }
    return 0;
}

/* has_ancestor_hint below the region root: the article's own container may
 * carry "related"-ish words (WordPress "category-popular") that say nothing
 * about a line inside it. */
static int hint_below_region(const mctx *c, nid id, uint32_t hints, unsigned max_up)
{
    const page *pg = c->pg;
    for (unsigned k = 0; id && k < max_up; k++) {
        if (c->rs && id <= c->rs && c->rs <= subtree_end(pg, id))
            return 0; /* the region root or above */
        if (pg->nodes[id].hints & hints)
            return 1;
        id = pg->nodes[id].parent;
    }
    return 0;
}

/* hint_below_region, also stopping at an ancestor that holds the headline:
 * a theme may put the h1 and its date line in a box classed as breadcrumb
 * navigation ("m-intro__breadcrumbNavigation"); that says nothing about them. */
static int hint_below_anchor(const mctx *c, nid id, uint32_t hints, unsigned max_up)
{
    const page *pg = c->pg;
    for (unsigned k = 0; id && k < max_up; k++) {
        if (c->rs && id <= c->rs && c->rs <= subtree_end(pg, id))
            return 0;
        if (c->anchor && id < c->anchor && c->anchor <= subtree_end(pg, id))
            return 0;
        if (pg->nodes[id].hints & hints)
            return 1;
        id = pg->nodes[id].parent;
    }
    return 0;
}

static int in_zone(const mctx *c, nid id) { return c->ze && id >= c->zs && id <= c->ze; }

/* ------------------------------------------------------------ site names */

/* The distinctive label of a URL's host: "www.theguardian.com" -> "theguardian". */
static size_t host_label(const char *url, char *out, size_t cap, char *full, size_t full_cap)
{
    out[0] = full[0] = '\0';
    if (!url)
        return 0;
    const char *p = strstr(url, "://");
    p = p ? p + 3 : (url[0] == '/' && url[1] == '/' ? url + 2 : NULL);
    if (!p)
        return 0;
    const char *at = NULL;
    size_t hl = 0;
    while (p[hl] && p[hl] != '/' && p[hl] != '?' && p[hl] != '#' && p[hl] != ':' && hl < 255) {
        if (p[hl] == '@')
            at = p + hl + 1;
        hl++;
    }
    if (at) {
        hl -= (size_t)(at - p);
        p = at;
    }
    /* labels */
    const char *lab[16];
    size_t ll[16];
    unsigned nl = 0;
    size_t i = 0;
    while (i < hl && nl < 16) {
        size_t j = i;
        while (j < hl && p[j] != '.')
            j++;
        lab[nl] = p + i;
        ll[nl++] = j - i;
        i = j + 1;
    }
    if (nl < 2)
        return 0;
    /* skip a generic second level: co.uk, com.au, gov.ua ... */
    int k = (int)nl - 2;
    static const char *const SLD[] = {"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go", "in", "gv", "info", "biz"};
    if (k > 0 && ll[nl - 1] == 2)
        for (size_t s = 0; s < sizeof SLD / sizeof SLD[0]; s++)
            if (ll[k] == strlen(SLD[s]) && !strncasecmp(lab[k], SLD[s], ll[k])) {
                k--;
                break;
            }
    size_t o = 0;
    for (size_t q = 0; q < ll[k] && o + 1 < cap; q++) {
        char ch = lab[k][q];
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
            out[o++] = ch;
        else if (ch >= 'A' && ch <= 'Z')
            out[o++] = (char)(ch + 32);
    }
    out[o] = '\0';
    /* label plus the rest: "heise.de" -> "heisede" */
    size_t f = 0;
    for (unsigned q = (unsigned)k; q < nl; q++)
        for (size_t r = 0; r < ll[q] && f + 1 < full_cap; r++) {
            char ch = lab[q][r];
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
                full[f++] = ch;
            else if (ch >= 'A' && ch <= 'Z')
                full[f++] = (char)(ch + 32);
        }
    full[f] = '\0';
    return o;
}

static void add_site_key(mctx *c, const char *s, size_t n)
{
    if (!s || !n || c->n_sites >= MAX_SITES)
        return;
    size_t l = fold_key(s, n, c->site_key[c->n_sites], sizeof c->site_key[0]);
    if (l < 2)
        return;
    for (unsigned i = 0; i < c->n_sites; i++)
        if (c->site_len[i] == l && !memcmp(c->site_key[i], c->site_key[c->n_sites], l))
            return;
    c->site_pub[c->n_sites] = 0;
    c->site_len[c->n_sites++] = l;
}

/* A publisher's name: a site key for titles, but a blog's publisher is
 * often its author (a Yoast "Person" publisher, dcterms.publisher). */
static void add_publisher_key(mctx *c, const char *s, size_t n)
{
    unsigned before = c->n_sites;
    add_site_key(c, s, n);
    if (c->n_sites > before)
        c->site_pub[before] = 1;
}

static void add_site_url(mctx *c, const char *url)
{
    char lab[96], full[128];
    if (!url || c->n_sites + 2 > MAX_SITES)
        return;
    size_t l = host_label(url, lab, sizeof lab, full, sizeof full);
    if (l >= 3) {
        add_site_key(c, lab, l);
        add_site_key(c, full, strlen(full));
    }
}

/* Does a part of a title name the site? */
static int is_site_part(const mctx *c, const char *s, size_t n)
{
    char k[256];
    size_t kl = fold_key(s, n, k, sizeof k);
    if (kl < 2)
        return 0;
    /* "heise.de", "Example.com": a domain name is a site name */
    {
        size_t i = 0, dots = 0, ok = 1;
        sv t = trim(sv_of(s, n));
        for (i = 0; i < t.n; i++) {
            char ch = t.s[i];
            if (ch == '.')
                dots++;
            else if (!((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') && !(ch >= '0' && ch <= '9') && ch != '-')
                ok = 0;
        }
        if (ok && dots >= 1 && dots <= 3 && t.n >= 4 && t.s[t.n - 1] != '.') {
            size_t e = t.n;
            size_t b = e;
            int letter = 0; /* a top-level domain has letters: "23.01.2022" is a date */
            while (b && t.s[b - 1] != '.') {
                b--;
                letter |= (t.s[b] | 0x20) >= 'a' && (t.s[b] | 0x20) <= 'z';
            }
            if (e - b >= 2 && e - b <= 6 && letter)
                return 1;
        }
    }
    toks tk;
    tokenize(s, n, &tk);
    if (tk.n > 6)
        return 0;
    for (unsigned i = 0; i < c->n_sites; i++) {
        const char *sk = c->site_key[i];
        size_t sl = c->site_len[i];
        if (sl == kl && !memcmp(sk, k, kl))
            return 1;
        /* containment ("Spiegel" in "spiegelonline"): the shorter must be
         * at least half the longer */
        const char *lng = kl > sl ? k : sk, *sht = kl > sl ? sk : k;
        size_t ln = kl > sl ? kl : sl, sn = kl > sl ? sl : kl;
        if (sn < 3 || sn * 2 < ln) {
            /* "BBC News" for bbc.co.uk: the site key is one of a few words */
            if (tk.n <= 3 && sl >= 3) {
                uint32_t h = 2166136261u;
                for (size_t q = 0; q < sl; q++)
                    h = (h ^ (unsigned char)sk[q]) * 16777619u;
                for (unsigned q = 0; q < tk.n; q++)
                    if (tk.h[q] == h)
                        return 1;
            }
            continue;
        }
        for (size_t p = 0; p + sn <= ln; p++)
            if (!memcmp(lng + p, sht, sn))
                return 1;
    }
    return 0;
}

/* Is s exactly the site's name (og:site_name, the WebSite's name,
 * application-name, the host; compared folded)? */
static int is_site_name(const mctx *c, sv s)
{
    char k[256];
    size_t kl = fold_key(s.s, s.n, k, sizeof k);
    if (kl < 2)
        return 0;
    for (unsigned i = 0; i < c->n_sites; i++)
        if (!c->site_pub[i] && c->site_len[i] == kl && !memcmp(c->site_key[i], k, kl))
            return 1;
    return 0;
}

/* Title parts that name no article: "Blog Archive", "Home" ... 2 for the
 * archive words (the first four), 1 for the rest and for a part that is
 * only a date ("23.01.2022 - Headline"), 0 for none. */
static int generic_part(sv s)
{
    static const char *const GEN[] = {"blogarchive", "blogarchiv", "archive", "archiv", "home", "homepage",
                                      "startseite", "blog", "news", "nachrichten", "aktuelles", "main page"};
    char k[64];
    if (s.n > 40)
        return 0;
    date_value d;
    if (s.n >= 6 && date_has_digit(s.s, s.n) && date_parse(s.s, s.n, NULL, 0, DATE_MACHINE, &d, NULL, NULL))
        return 1;
    size_t kl = fold_key(s.s, s.n, k, sizeof k);
    for (size_t i = 0; i < sizeof GEN / sizeof GEN[0]; i++)
        if (strlen(GEN[i]) == kl && !memcmp(GEN[i], k, kl))
            return i < 4 ? 2 : 1;
    return 0;
}

/* ------------------------------------------------------------ titles */

typedef struct tpart {
    size_t b, e; /* part span in the title */
} tpart;

/* The lead byte of a 3-byte character of U+3000-U+9FFF (CJK punctuation,
 * kana, ideographs) or of the full-width forms. */
static int cjk_lead(char c)
{
    unsigned char u = (unsigned char)c;
    return (u >= 0xE3 && u <= 0xE9) || u == 0xEF;
}

/* Split a title at separators written with spaces around them
 * (" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " « ", " / ",
 * " ~ "), at a bare '|', at the full-width bar '｜' and at '_' or '-' between
 * two CJK characters; a dash between numbers is a range, no separator.
 * Returns the number of parts (max 8). */

static unsigned split_title(sv t, tpart *p)
{
    static const char *const SEPS[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ",
                                       " \xE2\x80\xA2 ", " \xC2\xBB ", " \xC2\xAB ", " / ", " // ", " ~ ",
                                       " \xE2\x80\xBA ", " > ", "|"};
    unsigned np = 0;
    size_t b = 0, i = 0;
    while (i < t.n && np < 7) {
        size_t sl = 0;
        unsigned char ch = (unsigned char)t.s[i];
        /* East Asian titles: the full-width bar "｜", and "_" or "-" between two
         * CJK characters ("标题_新浪网", "标题-中新网") */
        if (ch == 0xEF && i + 2 < t.n && (unsigned char)t.s[i + 1] == 0xBD && (unsigned char)t.s[i + 2] == 0x9C)
            sl = 3;
        else if ((ch == '_' || ch == '-') && i >= 3 && i + 1 < t.n && cjk_lead(t.s[i - 3]) &&
                 cjk_lead(t.s[i + 1]))
            sl = 1;
        if (sl) {
            if (i > b) {
                p[np].b = b;
                p[np].e = i;
                np++;
            }
            b = i + sl;
            i = b;
            continue;
        }
        if (ch != ' ' && ch != '|') { /* every other separator starts so */
            i++;
            continue;
        }
        for (size_t k = 0; k < sizeof SEPS / sizeof SEPS[0]; k++) {
            size_t l = strlen(SEPS[k]);
            if (i + l <= t.n && !memcmp(t.s + i, SEPS[k], l)) {
                sl = l;
                break;
            }
        }
        /* a dash between numbers is a range: "14. - 20. Januar", "1931 – 1945" */
        int dash = (sl == 3 && t.s[i + 1] == '-') ||
                   (sl == 5 && (unsigned char)t.s[i + 1] == 0xE2 && (unsigned char)t.s[i + 2] == 0x80 &&
                    ((unsigned char)t.s[i + 3] == 0x93 || (unsigned char)t.s[i + 3] == 0x94));
        if (dash && i > 0 && i + sl < t.n && t.s[i + sl] >= '0' && t.s[i + sl] <= '9') {
            size_t q = i;
            if (q > 1 && t.s[q - 1] == '.')
                q--;
            if (t.s[q - 1] >= '0' && t.s[q - 1] <= '9')
                sl = 0;
        }
        if (sl && i > b) {
            p[np].b = b;
            p[np].e = i;
            np++;
            b = i + sl;
            i = b;
            continue;
        }
        i++;
    }
    p[np].b = b;
    p[np].e = t.n;
    np++;
    for (unsigned k = 0; k < np; k++) { /* trim */
        while (p[k].b < p[k].e && is_sp((unsigned char)t.s[p[k].b]))
            p[k].b++;
        while (p[k].e > p[k].b && is_sp((unsigned char)t.s[p[k].e - 1]))
            p[k].e--;
    }
    return np;
}

static int word_count(sv s)
{
    toks t;
    tokenize(s.s, s.n, &t);
    return (int)t.n;
}

/* Remove leading / trailing parts that name the site. */
static sv clean_title(const mctx *c, sv t)
{
    tpart p[8];
    unsigned np = split_title(t, p);
    if (np < 2)
        return t;
    unsigned lo = 0, hi = np; /* kept parts [lo, hi) */
    while (hi - lo >= 2) {
        sv last = sv_of(t.s + p[hi - 1].b, p[hi - 1].e - p[hi - 1].b);
        sv first = sv_of(t.s + p[lo].b, p[lo].e - p[lo].b);
        if (is_site_part(c, last.s, last.n) || generic_part(last))
            hi--;
        else if (is_site_part(c, first.s, first.n) || generic_part(first))
            lo++;
        else
            break;
    }
    /* an archive part inside ("Site » Blog Archive » Headline", WordPress's
     * old default) parts the site from the headline: the side with more
     * words is kept ("Post - Date - Blog - Site" is no such title) */
    for (unsigned k = lo + 1; k + 1 < hi; k++)
        if (generic_part(sv_of(t.s + p[k].b, p[k].e - p[k].b)) == 2) {
            int wa = word_count(sv_of(t.s + p[lo].b, p[k - 1].e - p[lo].b));
            int wb = word_count(sv_of(t.s + p[k + 1].b, p[hi - 1].e - p[k + 1].b));
            if (wb >= wa)
                lo = k + 1;
            else
                hi = k;
            break;
        }
    if (lo == 0 && hi == np)
        return t;
    return trim(sv_of(t.s + p[lo].b, p[hi - 1].e - p[lo].b));
}

/* t without its last part when that part equals part (folded):
 * "Headline » Site" -> "Headline". */
static sv cut_last_part(sv t, sv part)
{
    tpart p[8];
    unsigned np = t.n && part.n ? split_title(t, p) : 0;
    if (np < 2 || !key_eq(t.s + p[np - 1].b, p[np - 1].e - p[np - 1].b, part.s, part.n))
        return t;
    return trim(sv_of(t.s + p[0].b, p[np - 2].e - p[0].b));
}

/* Does heading text h match a reference title r? Most of h's words must be
 * in r, and h must cover a good part of r. */
static int heading_matches(sv h, sv r)
{
    if (!h.n || !r.n)
        return 0;
    toks th, tr;
    tokenize(h.s, h.n, &th);
    tokenize(r.s, r.n, &tr);
    if (!th.n || !tr.n)
        return 0;
    unsigned ov = overlap(&th, &tr);
    return ov * 10 >= th.n * 9 && ov * 2 >= tr.n;
}

/* ------------------------------------------------------------ node pass */

/* Byline class names parse.c's English word list misses: "autor",
 * "avtor", "auteur", "autore", "firma" (class is kept on div/span/p). */
/* What the class of an element says to this stage, found in one pass over
 * its first 127 bytes, lower-cased (a page has hundreds of classed nodes):
 * CL_BYLINE  a byline word at a word start: "post-autor", "autor-name",
 *            "autores", not "autorisiert" (the first occurrence of each word
 *            in the first 95 bytes decides);
 * CL_UPDATE  a modification date: "modified", "last-update" ... and not
 *            "publi". hAtom's "updated" alone is not enough: themes put it on
 *            the publication date they show ("entry-meta-date updated",
 *            "entry-date published updated"); an "updated" element that is
 *            also hidden ("updated rich-snippet-hidden") is the machine copy
 *            of the modification date;
 * CL_DATE    a date: "post-date", "itemPostDate", "datum", "fecha",
 *            "submitted" (Drupal), "posted-on", "published", "timestamp" — not
 *            an update, not "reference-accessdate" (when a citation was read). */
enum { CL_BYLINE = 1, CL_UPDATE = 2, CL_DATE = 4 };

static unsigned class_says(const page *pg, const node *n)
{
    const char *cl = node_attr(pg, n, A_CLASS);
    if (!cl || !cl[0])
        return 0;
    enum { BY_CAP = 95 }; /* bytes the byline words are looked for in */
    char low[128];
    size_t l = 0;
    for (; cl[l] && l < sizeof low - 1; l++)
        low[l] = (char)(cl[l] >= 'A' && cl[l] <= 'Z' ? cl[l] + 32 : cl[l]);
    low[l] = '\0';
    enum { W_DATE = 1, W_PUBLI = 2, W_UPD = 4, W_UPDATED = 8, W_HIDDEN = 16, W_ACCESS = 32 };
    unsigned w = 0, r = 0;
    /* first occurrences of the byline words (autor avtor auteur autore firma
     * signature podpis), -1 when none; the first one decides for each word */
    int by_at[7] = {-1, -1, -1, -1, -1, -1, -1};
    size_t by_len[7] = {5, 5, 6, 6, 5, 9, 6};
#define AT(lit) (l - i >= sizeof(lit) - 1 && memcmp(p, lit, sizeof(lit) - 1) == 0)
#define BYW(k, lit) \
    if (by_at[k] < 0 && i + sizeof(lit) - 1 <= BY_CAP && AT(lit)) \
        by_at[k] = (int)i;
    for (size_t i = 0; i < l; i++) {
        const char *p = low + i;
        switch (*p) {
        case 'a':
            if (AT("aktualisiert"))
                w |= W_UPD;
            else if (AT("access"))
                w |= W_ACCESS;
            BYW(0, "autor")
            BYW(1, "avtor")
            BYW(2, "auteur")
            BYW(3, "autore")
            break;
        case 'd':
            if (AT("date") || AT("datum"))
                w |= W_DATE;
            break;
        case 'f':
            if (AT("fecha"))
                w |= W_DATE;
            BYW(4, "firma")
            break;
        case 'h':
            if (AT("hidden"))
                w |= W_HIDDEN;
            break;
        case 'l':
            if (AT("lastmod") || AT("last-update") || AT("lastupdate"))
                w |= W_UPD;
            break;
        case 'm':
            if (AT("modified"))
                w |= W_UPD;
            break;
        case 'p':
            if (AT("publi"))
                w |= W_PUBLI | (AT("published") ? W_DATE : 0);
            else if (AT("posted"))
                w |= W_DATE;
            BYW(6, "podpis")
            break;
        case 's':
            if (AT("submitted"))
                w |= W_DATE;
            BYW(5, "signature")
            break;
        case 't':
            if (AT("timestamp"))
                w |= W_DATE;
            break;
        case 'u':
            if (AT("updated"))
                w |= W_UPDATED;
            break;
        default:
            break;
        }
    }
#undef BYW
#undef AT
    for (size_t k = 0; k < 7; k++) {
        if (by_at[k] < 0)
            continue;
        size_t i = (size_t)by_at[k], e = i + by_len[k];
        char after = e < BY_CAP ? low[e] : '\0';
        if ((i == 0 || !(low[i - 1] >= 'a' && low[i - 1] <= 'z')) &&
            !(after >= 'a' && after <= 'z' && after != 'e' && after != 's'))
            r |= CL_BYLINE;
    }
    if (!(w & W_PUBLI) && ((w & W_UPD) || ((w & W_UPDATED) && (w & W_HIDDEN))))
        r |= CL_UPDATE;
    else if ((w & W_DATE) && !(w & W_ACCESS))
        r |= CL_DATE;
    return r;
}

/* Does the class of id or of its parent say it is a modification date? */
static int update_classed(const page *pg, nid id)
{
    for (int k = 0; k < 2 && id; k++, id = pg->nodes[id].parent)
        if (class_says(pg, &pg->nodes[id]) & CL_UPDATE)
            return 1;
    return 0;
}

/* An "author info" box (H_AUTHORBOX) holding only a short line before the
 * body ends ("header-info__author" under the headline) is a byline, not an
 * author's bio. */
static int short_author_box(const mctx *c, nid id)
{
    return c->re && id < c->re && c->pg->nodes[id].chars <= 120;
}

static void node_pass(mctx *c)
{
    page *pg = c->pg;
    nid nav_end = 0; /* the end of the <nav> element being read: its items are no date lines */
    for (nid i = 1; i < pg->n_nodes; i++) {
        const node *n = &pg->nodes[i];
        if (n->tag == T_TEXT)
            continue;
        if (n->tag == T_NAV && i > nav_end)
            nav_end = subtree_end(pg, i);
        uint32_t h = n->hints;
        if (n->tag == T_META && !c->http_lang) {
            const char *he = node_attr(pg, n, A_HTTP_EQUIV);
            if (he && !strcasecmp(he, "content-language") && node_attr(pg, n, A_CONTENT))
                c->http_lang = i;
            continue;
        }
        if (h & H_HIDDEN)
            continue;
        if ((n->tag == T_H2 || n->tag == T_H3 || n->tag == T_H4) && n->chars >= 10 && n->chars <= 300 &&
            c->n_heads < MAX_CAND && c->rs && i + 400 >= c->rs && i <= c->re)
            c->heads[c->n_heads++] = i;
        if (n->tag == T_H1) {
            if (c->n_h1 < MAX_CAND)
                c->h1s[c->n_h1++] = i;
        } else if ((h & H_TITLEISH) && n->chars >= 10 && n->chars <= 300 &&
                   (!c->rs || (i + 400 >= c->rs && i <= c->re)) &&
                   (n->tag == T_H2 || n->tag == T_H3 || n->tag == T_DIV || n->tag == T_P || n->tag == T_SPAN ||
                    n->tag == T_HEADER)) {
            if (c->n_titleish < MAX_CAND)
                c->titleish[c->n_titleish++] = i;
        }
        unsigned says = 0, said = 0; /* class_says(), once asked */
        if (!(h & H_BYLINE) && n->chars >= 3 && n->chars <= 200 && (!c->rs || (i + 3100 >= c->rs && i <= c->re)) &&
            (n->tag == T_DIV || n->tag == T_SPAN || n->tag == T_P)) {
            says = class_says(pg, n), said = 1;
            if (says & CL_BYLINE)
                h |= H_BYLINE;
        }
        if ((h & H_BYLINE) && !(h & H_COMMENT) && (!(h & H_AUTHORBOX) || short_author_box(c, i)) && n->chars &&
            n->chars <= 400 && c->n_bylines < MAX_CAND)
            c->bylines[c->n_bylines++] = i;
        if (n->chars >= 6 && n->chars <= 200 && c->n_metas < MAX_CAND && !(h & (H_NAV | H_RELATED | H_COMMENT)) &&
            i > nav_end &&
            (!c->rs || i + 400 >= c->rs) && n->tag != T_A &&
            ((h & (H_META | H_BYLINE)) || ((said ? says : class_says(pg, n)) & CL_DATE)))
            c->metas[c->n_metas++] = i;
        if (n->tag == T_A && c->n_relauthor < 8) {
            const char *rel = node_attr(pg, n, A_REL);
            if (rel && strstr(rel, "author"))
                c->relauthor[c->n_relauthor++] = i;
        }
        if ((h & H_LEAD) && !(h & (H_NAV | H_RELATED)) && n->chars >= 40 && n->chars <= 1000 && c->n_leads < 8)
            c->leads[c->n_leads++] = i;
    }
}

static void find_region(mctx *c)
{
    page *pg = c->pg;
    if (pg->n_sel) {
        c->rs = pg->sel[0];
        c->re = 0;
        for (uint32_t i = 0; i < pg->n_sel; i++) {
            nid s = pg->sel[i];
            if (s < c->rs)
                c->rs = s;
            nid e = subtree_end(pg, s);
            if (e > c->re)
                c->re = e;
        }
    } else if (pg->top) {
        c->rs = pg->top;
        c->re = subtree_end(pg, pg->top);
    } else if (pg->body) {
        c->rs = pg->body;
        c->re = subtree_end(pg, pg->body);
    }
}

/* ------------------------------------------------------------ language */

/* Normalise a language tag: "de_DE" -> "de-DE", "EN-us" -> "en-US". 0 if not a tag. */
static size_t norm_lang(const char *s, size_t n, char *out)
{
    sv t = trim(sv_of(s, n));
    size_t o = 0, i = 0, sub = 0;
    if (!t.n || t.n > 35)
        return 0;
    while (i < t.n) {
        size_t j = i;
        while (j < t.n && t.s[j] != '-' && t.s[j] != '_')
            j++;
        size_t l = j - i;
        if (l == 0 || l > 8)
            break;
        for (size_t k = i; k < j; k++)
            if (!((t.s[k] | 0x20) >= 'a' && (t.s[k] | 0x20) <= 'z') && !(t.s[k] >= '0' && t.s[k] <= '9'))
                return sub ? o : 0;
        if (sub == 0 && (l < 2 || l > 3))
            return 0;
        if (sub)
            out[o++] = '-';
        for (size_t k = i; k < j; k++) {
            char ch = t.s[k];
            if (sub && l == 2)
                ch = (char)(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
            else if (sub && l == 4 && k == i)
                ch = (char)(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
            else
                ch = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
            out[o++] = ch;
        }
        sub++;
        if (sub >= 3)
            break;
        i = j + 1;
    }
    out[o] = '\0';
    return o;
}

static void do_language(mctx *c)
{
    page *pg = c->pg;
    char ltag[40];
    size_t tl = 0;
    const char *src = NULL;
    for (uint32_t i = 0; i < pg->n_meta && !tl; i++)
        if (pg->meta[i].kind == MI_HTMLLANG && pg->meta[i].value)
            if ((tl = norm_lang(pg->meta[i].value, pg->meta[i].value_len, ltag)))
                src = "html";
    if (!tl && c->http_lang) {
        const char *v = node_attr(pg, &pg->nodes[c->http_lang], A_CONTENT);
        if (v && (tl = norm_lang(v, strcspn(v, ",;"), ltag)))
            src = "meta";
    }
    if (!tl && c->first[S_OG_LOCALE]) {
        const meta_item *m = &pg->meta[c->first[S_OG_LOCALE] - 1];
        if ((tl = norm_lang(m->value, m->value_len, ltag)))
            src = "opengraph";
    }
    if (!tl && c->jl->lang.s && (tl = norm_lang(c->jl->lang.s, c->jl->lang.n, ltag)))
        src = "json-ld";
    if (!tl && c->first[S_META_LANG]) {
        const meta_item *m = &pg->meta[c->first[S_META_LANG] - 1];
        if ((tl = norm_lang(m->value, strcspn(m->value, ",;"), ltag)))
            src = "meta";
    }
    /* the body text has the last word when it clearly disagrees */
    char sample[2048];
    size_t sn = 0;
    for (size_t b = 0; b < c->doc->n_blocks && sn + 2 < sizeof sample; b++) {
        const out_block *bl = &c->doc->blocks[b];
        if (bl->part != PITH_PART_BODY)
            continue;
        size_t l = bl->len;
        if (l > sizeof sample - 2 - sn)
            l = sizeof sample - 2 - sn;
        memcpy(sample + sn, bl->text, l);
        sn += l;
        sample[sn++] = '\n';
    }
    sn = utf8_valid_prefix(sample, sn);
    double conf = 0;
    const char *det = sn ? lang_detect(sample, sn, &conf) : NULL;
    if (det && tl) {
        size_t pl = strcspn(ltag, "-");
        /* Norwegian and Serbo-Croatian tags name one language several ways */
        int same = strlen(det) == pl && !strncmp(det, ltag, pl);
        if (!same && ((!strcmp(det, "no") || !strcmp(det, "nb") || !strcmp(det, "nn")) &&
                      (!strncmp(ltag, "no", 2) || !strncmp(ltag, "nb", 2) || !strncmp(ltag, "nn", 2))))
            same = 1;
        /* Latin is what placeholder text ("Lorem ipsum") looks like */
        if (!same && conf >= 0.6 && strcmp(det, "la") != 0) {
            tl = strlen(det);
            memcpy(ltag, det, tl + 1);
            src = "text";
        }
    } else if (det && !tl && conf >= 0.2) {
        tl = strlen(det);
        memcpy(ltag, det, tl + 1);
        src = "text";
    }
    if (tl) {
        doc_set_field(c->doc, PITH_FIELD_LANGUAGE, ltag, tl, src);
        pg->lang = c->doc->f[PITH_FIELD_LANGUAGE].v;
    }
}

/* ------------------------------------------------------------ URLs */

/* Resolve u against base into the arena. Absolute stays; NULL when it cannot. */
static sv resolve_url(const mctx *c, sv u)
{
    sv none = {NULL, 0};
    u = trim(u);
    if (!u.n || u.n > 2048)
        return none;
    for (size_t i = 0; i < u.n && i < 12; i++) {
        if (u.s[i] == ':') {
            if (i >= 2 && u.n > i + 2 && u.s[i + 1] == '/' && u.s[i + 2] == '/')
                return u;
            break;
        }
        if (!((u.s[i] | 0x20) >= 'a' && (u.s[i] | 0x20) <= 'z'))
            break;
    }
    if (!strncasecmp(u.s, "data:", 5) || !strncasecmp(u.s, "javascript:", 11))
        return none;
    const char *base = c->base_url;
    if (!base)
        return none;
    const char *hs = strstr(base, "://");
    if (!hs)
        return none;
    size_t scheme_end = (size_t)(hs - base); /* "https" */
    size_t host_end = scheme_end + 3;
    while (base[host_end] && base[host_end] != '/' && base[host_end] != '?' && base[host_end] != '#')
        host_end++;
    buf b = BUF_INIT;
    if (u.n >= 2 && u.s[0] == '/' && u.s[1] == '/') {
        buf_put(&b, base, scheme_end + 1);
        buf_put(&b, u.s, u.n);
    } else if (u.s[0] == '/') {
        buf_put(&b, base, host_end);
        buf_put(&b, u.s, u.n);
    } else {
        size_t path_end = host_end;
        size_t last_slash = 0;
        while (base[path_end] && base[path_end] != '?' && base[path_end] != '#') {
            if (base[path_end] == '/')
                last_slash = path_end;
            path_end++;
        }
        if (last_slash)
            buf_put(&b, base, last_slash + 1);
        else {
            buf_put(&b, base, host_end);
            buf_putc(&b, '/');
        }
        buf_put(&b, u.s, u.n);
    }
    sv r = none;
    if (!b.failed && b.data) {
        char *s = arena_strndup(c->a, b.data, b.len);
        if (s)
            r = sv_of(s, b.len);
    }
    buf_free(&b);
    return r;
}

/* ------------------------------------------------------------ dates */

typedef struct dcand {
    date_value d;
    const char *src;
    int ok;
} dcand;

static int parse_date_str(const mctx *c, sv s, int machine_only, date_value *d)
{
    if (!s.n)
        return 0;
    if (date_parse(s.s, s.n, c->pg->lang, c->pg->ref_time, DATE_MACHINE, d, NULL, NULL) &&
        date_plausible(d, c->pg->ref_time))
        return 1;
    if (machine_only)
        return 0;
    if (s.n <= 200 && date_parse(s.s, s.n, c->pg->lang, c->pg->ref_time, DATE_TEXT, d, NULL, NULL) &&
        date_plausible(d, c->pg->ref_time))
        return 1;
    return 0;
}

/* The first date of a slot's items; *raw (when not NULL) gets its value as written. */
static int first_meta_date_raw(const mctx *c, int slot, date_value *d, sv *raw)
{
    if (!c->first[slot])
        return 0;
    for (uint32_t i = c->first[slot] - 1; i < c->pg->n_meta; i++) {
        if (c->slot[i] != slot)
            continue;
        const meta_item *m = &c->pg->meta[i];
        if (parse_date_str(c, sv_of(m->value, m->value_len), 0, d)) {
            if (raw)
                *raw = sv_of(m->value, m->value_len);
            return 1;
        }
    }
    return 0;
}

static int first_meta_date(const mctx *c, int slot, date_value *d) { return first_meta_date_raw(c, slot, d, NULL); }

/* Does s write its date as two numbers of at most 12 before the year,
 * with slashes or dashes ("11/01/2023", "3-4-2021")? Day and month may then
 * be either way round (dots are always day first). */
static int numeric_day_month(sv s)
{
    size_t i = 0, k[2];
    unsigned v[2];
    while (i < s.n && is_sp((unsigned char)s.s[i]))
        i++;
    for (int p = 0; p < 2; p++) {
        v[p] = 0;
        k[p] = 0;
        while (i < s.n && s.s[i] >= '0' && s.s[i] <= '9' && k[p] < 3)
            v[p] = v[p] * 10 + (unsigned)(s.s[i++] - '0'), k[p]++;
        if (!k[p] || k[p] > 2 || v[p] < 1 || v[p] > 12 || i >= s.n || (s.s[i] != '/' && s.s[i] != '-'))
            return 0;
        i++;
    }
    return i < s.n && s.s[i] >= '0' && s.s[i] <= '9';
}

/* Value of a MI_ITEMPROP item: its content/datetime, else the element's text. */
static sv itemprop_value(const mctx *c, const meta_item *m, size_t cap)
{
    if (m->value && m->value_len)
        return clean_copy(c->a, m->value, m->value_len);
    return subtree_text(c, m->node, cap);
}

static int is_key(const meta_item *m, const char *k) { return m->key && !strcmp(m->key, k); }

/* A microdata date (datePublished / dateModified) in the page body. */
static int microdata_date(const mctx *c, const char *key, const char *key2, date_value *d)
{
    const page *pg = c->pg;
    for (int pass = 0; pass < 2; pass++)
        for (uint32_t i = 0; i < pg->n_meta; i++) {
            const meta_item *m = &pg->meta[i];
            if (m->kind != MI_ITEMPROP || !(is_key(m, key) || (key2 && is_key(m, key2))))
                continue;
            if (pass == 0 && c->ze && !in_zone(c, m->node))
                continue;
            if (hint_below_region(c, m->node, H_COMMENT | H_RELATED, 40))
                continue;
            if (parse_date_str(c, itemprop_value(c, m, 200), 0, d))
                return 1;
        }
    return 0;
}

/* Class-like hints that a <time> is an update, not the publication. */
static int time_is_update(const mctx *c, nid id)
{
    const page *pg = c->pg;
    const char *ip = node_attr(pg, &pg->nodes[id], A_ITEMPROP);
    if (ip && !strcasecmp(ip, "dateModified"))
        return 1;
    /* the text right before the element ("Updated", "Aktualisiert") */
    nid p = pg->nodes[id].parent;
    if (p) {
        sv t = subtree_text(c, p, 120);
        char f[256];
        size_t fl = utf8_fold(t.s ? t.s : "", t.n, f, sizeof f - 1);
        f[fl] = '\0';
        static const char *const UPD[] = {"updated", "update:", "aktualisiert", "modified", "оновлено",
                                          "обновлено", "mis à jour", "actualizado", "aggiornato", "bijgewerkt"};
        for (size_t k = 0; k < sizeof UPD / sizeof UPD[0]; k++)
            if (strstr(f, UPD[k]) && !strstr(f, "publi") && !strstr(f, "опубл"))
                return 1;
    }
    return 0;
}

static int time_element_date(const mctx *c, int want_update, date_value *d)
{
    const page *pg = c->pg;
    if (!c->ze)
        return 0;
    for (uint32_t i = 0; i < pg->n_meta; i++) {
        const meta_item *m = &pg->meta[i];
        if (m->kind != MI_TIME || !in_zone(c, m->node))
            continue;
        if (hint_below_region(c, m->node, H_COMMENT | H_RELATED | H_NAV, 40))
            continue;
        if (time_is_update(c, m->node) != want_update)
            continue;
        date_value v;
        if (parse_date_str(c, sv_of(m->value, m->value_len), 0, &v)) {
            /* datetime="2024-07-06" without time, but the element's text has one */
            *d = v;
            return 1;
        }
    }
    return 0;
}

/* Is the year of d written in s[0..n) (4 digits, or 2 after '.', '/', '-')?
 * Year-less and relative dates ("16 квітня", "yesterday") are resolved
 * against the reference time, which is only right for fresh pages. */
static int year_written(const char *s, size_t n, const date_value *d)
{
    char y[8];
    snprintf(y, sizeof y, "%04d", d->year);
    for (size_t i = 0; i + 4 <= n; i++)
        if (!memcmp(s + i, y, 4) && (i == 0 || s[i - 1] < '0' || s[i - 1] > '9') &&
            (i + 4 == n || s[i + 4] < '0' || s[i + 4] > '9'))
            return 1;
    for (size_t i = 2; i + 2 <= n; i++)
        if (!memcmp(s + i, y + 2, 2) && (s[i - 1] == '.' || s[i - 1] == '/' || s[i - 1] == '-' || s[i - 1] == '\'') &&
            (s[i - 2] >= '0' && s[i - 2] <= '9') && (i + 2 == n || s[i + 2] < '0' || s[i + 2] > '9'))
            return 1;
    return 0;
}

/* Did the caller give the reference time (pith_input.ref_time, --ref-time,
 * WARC-Date)? Year-less and relative dates ("16 квітня", "вчора") count
 * only then: an archived page read today would get today's year. */
static int ref_given(const mctx *c) { return c->pg->ref_given; }

/* Words before a date that make it an update, not the publication. */
static int update_before(const char *s, size_t off)
{
    char f[96];
    size_t b = off > 40 ? off - 40 : 0;
    size_t fl = utf8_fold(s + b, off - b, f, sizeof f - 1);
    f[fl] = '\0';
    static const char *const UPD[] = {"updated", "update", "aktualisiert", "modified", "оновлено", "обновлено",
                                      "mis à jour", "actualizado", "aggiornato", "bijgewerkt", "zaktualizowano",
                                      "edited", "geändert", "last changed", "aktualizacja", "aktualizováno",
                                      "aktualizované", "frissítve", "ažurirano", "uppdaterad", "opdateret",
                                      "oppdatert", "päivitetty", "atualizado", "güncellendi", "ενημερώθηκε"};
    for (size_t k = 0; k < sizeof UPD / sizeof UPD[0]; k++)
        if (strstr(f, UPD[k]))
            return 1;
    return 0;
}

/* A publication date written in a short text: plausible, year written, not an update. */
static int text_date_at(const mctx *c, const char *s, size_t n, int mostly, date_value *d, size_t *offp,
                        size_t *lenp)
{
    size_t off = 0, len = 0;
    date_value v;
    if (!date_has_digit(s, n) && !ref_given(c))
        return 0; /* no digit: at best a relative or year-less date */
    if (!date_parse(s, n, c->pg->lang, c->pg->ref_time, DATE_TEXT, &v, &off, &len) ||
        !date_plausible(&v, c->pg->ref_time) || off + len > n)
        return 0;
    if (mostly && len * 2 < trim(sv_of(s, n)).n)
        return 0; /* a date mentioned in a sentence */
    if ((!year_written(s + off, len, &v) && !ref_given(c)) || update_before(s, off))
        return 0;
    for (size_t i = 0; i + 1 < off; i++)
        if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA9)
            return 0; /* "© Name, 31.05.2013": a copyright or photo credit */
    *d = v;
    if (offp)
        *offp = off, *lenp = len;
    return 1;
}

static int text_date(const mctx *c, const char *s, size_t n, int mostly, date_value *d)
{
    return text_date_at(c, s, n, mostly, d, NULL, NULL);
}

/* A dateline: the date opens the text ("27.1.2022 - Bei der ...", "BERLIN,
 * 12.03.2022: ..."): at most a capitalised place name before it, a dash,
 * colon, bar or the end after it. A date in parentheses that open the text
 * ("(21. November 2022) Verbraucher ...") or one a quotation follows ("01.02.2022 „Der
 * Arbeitsmarkt ...") also sets itself apart from the sentence. */
static int dateline(const char *s, size_t n, size_t off, size_t len)
{
    if (off > 40)
        return 0;
    size_t b = 0;
    while (b < off && s[b] == ' ')
        b++;
    int open = b < off && s[b] == '('; /* the text opens with it */
    for (size_t i = 0; i < off; i++) /* no lower-case word start before it ("Seit dem 1. Oktober") */
        if ((i == 0 || s[i - 1] == ' ') && s[i] >= 'a' && s[i] <= 'z')
            return 0;
    size_t j = off + len;
    int closed = 0;
    while (j < n && (s[j] == ' ' || s[j] == ')'))
        closed |= s[j++] == ')';
    if (j >= n || (open && closed))
        return 1;
    unsigned char ch = (unsigned char)s[j];
    return ch == '-' || ch == ':' || ch == '|' || ch == '/' || ch == '"' ||
           (ch == 0xC2 && j + 1 < n && (unsigned char)s[j + 1] == 0xAB) || /* « */
           (ch == 0xE2 && j + 2 < n && (unsigned char)s[j + 1] == 0x80 &&
            ((unsigned char)s[j + 2] == 0x93 || (unsigned char)s[j + 2] == 0x94 || /* – — */
             (unsigned char)s[j + 2] == 0x9C || (unsigned char)s[j + 2] == 0x9E)); /* “ „ */
}

/* The first date in the text of a line that opens the region: a short line,
 * a dated (meta/byline-classed) one, one that is mostly a date, or a
 * dateline; a date inside a sentence is not the article's. Long paragraphs
 * count by their first bytes, for a dateline only. */
static int region_start_date(const mctx *c, const char *s, size_t n, int dated, date_value *d)
{
    size_t off = 0, len = 0;
    date_value v;
    size_t m = n > 120 ? 120 : n;
    if (!text_date_at(c, s, m, 0, &v, &off, &len))
        return 0;
    if (n <= 250 && (dated || n <= 60 || len * 2 >= n))
        ;
    else if (!dateline(s, m, off, len))
        return 0;
    *d = v;
    return 1;
}

/* Dates written near the headline (c->anchor: the h1, or a heading equal to
 * the title): short texts inside the headline that are mostly a date, short
 * text nodes after it, the date/meta/byline-classed elements of the zone
 * (returns 1), short text nodes before it and lines that open the region
 * (returns 2). Texts classed as a modification date do not count. */
static int text_date_near_scan(const mctx *c, int strict, date_value *d)
{
    const page *pg = c->pg;
    nid starts[3], ends[3];
    unsigned spans[3], ns = 0;
    int region[3];
    /* a heading that is not the h1 may be a teaser's: its dates are fallbacks only */
    int weak = c->anchor && c->anchor != c->h1 ? 2 : 1;
    for (int phase = 0; phase < 2; phase++) {
        ns = 0;
        if (phase == 0 && c->anchor) {
            starts[ns] = c->anchor + 1;
            ends[ns] = subtree_end(pg, c->anchor);
            region[ns] = 0;
            spans[ns] = 80 + (ends[ns] - c->anchor);
            ns++;
        }
        if (phase == 1 && c->anchor) {
            starts[ns] = c->anchor > 50 ? c->anchor - 50 : 1;
            ends[ns] = 0;
            region[ns] = 0;
            spans[ns++] = c->anchor > 50 ? 50 : c->anchor - 1;
        }
        if (phase == 1 && c->rs) {
            /* without a headline, the zone above the region too */
            starts[ns] = c->anchor || c->zs >= c->rs ? c->rs : c->zs;
            ends[ns] = 0;
            region[ns] = 1;
            spans[ns] = 60 + (c->rs - starts[ns]);
            ns++;
        }
        for (unsigned k = 0; k < ns; k++) {
            unsigned seen = 0;
            nid last_par = 0;
            for (nid i = starts[k]; i < pg->n_nodes && seen < spans[k]; i++, seen++) {
                const node *n = &pg->nodes[i];
                if (n->tag != T_TEXT || n->text_len < 2)
                    continue;
                nid par = n->parent;
                if (!par || par == last_par || pg->nodes[par].chars < 6)
                    continue;
                int inside = i <= ends[k]; /* in the headline: its own text must be mostly a date */
                if (inside && n->text_len > 80)
                    continue;
                if (!inside && !region[k] && (n->text_len > 200 || pg->nodes[par].chars > 250))
                    continue; /* running prose */
                if (par == c->anchor) { /* a headline that mentions a date is no date line ... */
                    size_t off = 0, len = 0;
                    const char *ht = pg->text + n->text_off;
                    size_t hn = n->text_len > 120 ? 120 : n->text_len;
                    if (!inside && text_date_at(c, ht, hn, 0, d, &off, &len) && dateline(ht, hn, off, len))
                        return 2; /* ... unless it opens it: "23.01.2022 - Wierer jubelt" */
                    continue;
                }
                last_par = par;
                if (hint_below_anchor(c, i, H_COMMENT | H_RELATED | H_NAV | H_HIDDEN, 12) ||
                    update_classed(pg, par))
                    continue;
                if (inside) {
                    if (text_date(c, pg->text + n->text_off, n->text_len, 1, d))
                        return weak;
                    continue;
                }
                int dated = has_ancestor_hint(pg, i, H_META | H_BYLINE, 4);
                if (region[k] && (pg->nodes[par].chars > 250 || n->text_len > 200)) {
                    /* a long paragraph: a dateline at its start only */
                    if (region_start_date(c, pg->text + n->text_off, n->text_len, 0, d))
                        return 2;
                    continue;
                }
                /* the whole element, so that a label before the date counts ("Updated: ") */
                sv t = subtree_text(c, par, 300);
                if (t.n < 6)
                    continue;
                if (region[k] && !strict) {
                    if (region_start_date(c, t.s, t.n, dated, d))
                        return 2;
                } else if (text_date(c, t.s, t.n, strict && !dated, d)) {
                    return phase ? 2 : dated ? 1 : weak;
                }
            }
        }
        /* date-, meta- and byline-classed elements of the zone */
        if (phase == 0)
            for (unsigned k = 0; k < c->n_metas; k++) {
                nid id = c->metas[k];
                if (!in_zone(c, id) || hint_below_anchor(c, id, H_COMMENT | H_RELATED | H_NAV, 40) ||
                    update_classed(pg, id))
                    continue;
                /* an element only its class names a date: near the headline or the region's start */
                if (!(pg->nodes[id].hints & (H_META | H_BYLINE)) && id > (c->anchor ? c->anchor : c->rs) + 300)
                    continue;
                /* with its parent's text when short: the label may sit in a sibling ("Updated") */
                nid par = pg->nodes[id].parent;
                sv t = subtree_text(c, par && pg->nodes[par].chars <= 120 ? par : id, 300);
                if (t.n >= 6 && text_date(c, t.s, t.n, 0, d))
                    return 1;
            }
    }
    return 0;
}

/* Does the folded text before a date end with a publication label
 * ("Veröffentlicht am", "Erschienen:", "Published on", "Publié le",
 * "Опубліковано")? Connectors ("am", "on", "le", ":") are skipped. */
static int pub_label_before(const char *s, size_t off)
{
    char f[128];
    size_t b = off > 60 ? off - 60 : 0;
    size_t n = utf8_fold(s + b, off - b, f, sizeof f - 1);
    f[n] = '\0';
    static const char *const CONN[] = {"am", "on", "le", "el", "il", "op", "em", "den", "the", "du", "de", "в", "dne", "dana", "di"};
    static const char *const LAB[] = {
        "veröffentlicht", "erschienen", "publiziert", "erstveröffentlichung", "veröffentlichung", "published",
        "publication date", "date published", "date of publication", "first published", "posted", "publié", "publiée",
        "date de publication", "publicado", "publicada", "fecha de publicación", "pubblicato", "pubblicata",
        "data di pubblicazione", "gepubliceerd", "opublikowano", "data publikacji", "опубліковано",
        "опубликовано", "дата публікації", "дата публикации", "публікація", "публикация", "publicerad",
        "publiceret", "publisert", "julkaistu", "publikováno", "publikované", "objavljeno", "közzétéve",
        "publicat", "δημοσιεύθηκε", "δημοσίευση", "yayınlanma tarihi", "yayınlandı", "mise en ligne",
        "mis en ligne", "online seit", "online gestellt", "data de publicação"};
    for (int round = 0; round < 3; round++) {
        while (n && (f[n - 1] == ' ' || f[n - 1] == ':' || f[n - 1] == '-' || f[n - 1] == ',' || f[n - 1] == '|'))
            n--;
        f[n] = '\0';
        for (size_t k = 0; k < sizeof LAB / sizeof LAB[0]; k++) {
            size_t l = strlen(LAB[k]);
            if (n >= l && !memcmp(f + n - l, LAB[k], l) && (n == l || f[n - l - 1] == ' ' || f[n - l - 1] == '>' ||
                                                            f[n - l - 1] == '(' || f[n - l - 1] == '|'))
                return 1;
        }
        int cut = 0;
        for (size_t k = 0; k < sizeof CONN / sizeof CONN[0] && !cut; k++) {
            size_t l = strlen(CONN[k]);
            if (n > l && !memcmp(f + n - l, CONN[k], l) && f[n - l - 1] == ' ')
                n -= l, cut = 1;
        }
        if (!cut)
            return 0;
    }
    return 0;
}

/* The last resort: a date after a publication label anywhere in the
 * article zone or just after it (the end of the body, the article's footer
 * line: "Veröffentlicht am 16.08.2019", "Erschienen am: 01.11.2023"), or a
 * date/meta-classed element in the rest of the element that holds the
 * article (Drupal's "submitted" line after the body). */
/* The end of the article's end matter: the rest of the <article> element,
 * else of the region root's parent, at least 150 nodes after the zone. */
static nid zone_tail(const mctx *c)
{
    const page *pg = c->pg;
    nid tail = c->art_end > c->ze ? c->art_end : c->ze;
    /* the rest of the region root's parent: the article's own end matter */
    nid rp = pg->nodes[c->rs].parent;
    if (rp) {
        nid e = subtree_end(pg, rp);
        if (e > tail && e - c->ze < 400)
            tail = e;
    }
    if (tail - c->ze < 150 && tail + 150 < pg->n_nodes)
        tail = c->ze + 150;
    return tail;
}

static int labelled_date(mctx *c, date_value *d)
{
    const page *pg = c->pg;
    if (!c->ze)
        return 0;
    nid tail = zone_tail(c);
    const uint32_t bad = H_COMMENT | H_RELATED | H_NAV | H_HIDDEN | H_AD | H_LINKY;
    nid prev = 0;
    for (nid i = c->zs; i <= tail && i < pg->n_nodes; i++) {
        const node *n = &pg->nodes[i];
        if (n->tag != T_TEXT || !n->text_len || !trim(sv_of(pg->text + n->text_off, n->text_len)).n)
            continue; /* the space between two elements is not the previous text */
        nid p0 = prev;
        prev = i;
        if (n->text_len > 400 || n->text_len < 4 || hint_below_anchor(c, i, bad, 40))
            continue;
        /* the label may end the previous text ("<b>Veröffentlicht:</b> 12.03.2020") */
        char lb[320];
        size_t bl = 0;
        if (p0) {
            const node *q = &pg->nodes[p0];
            size_t ql = q->text_len > 60 ? 60 : q->text_len;
            memcpy(lb, pg->text + q->text_off + q->text_len - ql, ql);
            bl = ql;
            lb[bl++] = ' ';
        }
        size_t tl = n->text_len > sizeof lb - bl ? sizeof lb - bl : n->text_len;
        memcpy(lb + bl, pg->text + n->text_off, tl);
        size_t off = 0, len = 0;
        date_value v;
        if (text_date_at(c, lb + bl, tl, 0, &v, &off, &len) && pub_label_before(lb, bl + off)) {
            *d = v;
            return 1;
        }
    }
    for (unsigned k = 0; k < c->n_metas; k++) {
        nid id = c->metas[k];
        if (id < c->zs || id > tail || hint_below_region(c, id, bad | H_NEG, 40) || update_classed(pg, id) ||
            !(class_says(pg, &pg->nodes[id]) & CL_DATE))
            continue;
        nid par = pg->nodes[id].parent; /* with a short parent's label ("last edited:") */
        sv t = subtree_text(c, par && pg->nodes[par].chars <= 120 ? par : id, 300);
        if (t.n >= 6 && text_date(c, t.s, t.n, 0, d))
            return 1;
    }
    return 0;
}

static void set_date(mctx *c, pith_field f, const date_value *d, const char *src)
{
    char iso[40];
    size_t l = date_format_iso(d, iso);
    if (l)
        doc_set_field(c->doc, f, iso, l, src);
}

/* text_date_near_scan, computed once per strictness. */
static int text_date_near(mctx *c, int strict, date_value *d)
{
    if (!c->vis_done[strict]) {
        c->vis_done[strict] = 1;
        c->vis_found[strict] = text_date_near_scan(c, strict, &c->vis[strict]);
    }
    if (c->vis_found[strict])
        *d = c->vis[strict];
    return c->vis_found[strict];
}

/* Calendar days from b to a, as each is written (time and offset ignored). */
static int64_t day_diff(const date_value *a, const date_value *b)
{
    date_value x = {a->year, a->month, a->day, 0, 0, 0, 0, 0, 0};
    date_value y = {b->year, b->month, b->day, 0, 0, 0, 0, 0, 0};
    return (date_to_unix(&x) - date_to_unix(&y)) / 86400;
}

static int same_day(const date_value *a, const date_value *b)
{
    return a->year == b->year && a->month == b->month && a->day == b->day;
}

/* The first publication <time> of the article zone that shows its date:
 * visible, its text the same calendar day as its datetime. */
static int shown_time_date(const mctx *c, date_value *d)
{
    const page *pg = c->pg;
    if (!c->ze)
        return 0;
    for (uint32_t i = 0; i < pg->n_meta; i++) {
        const meta_item *m = &pg->meta[i];
        if (m->kind != MI_TIME || !in_zone(c, m->node) || pg->nodes[m->node].chars < 6 ||
            has_ancestor_hint(pg, m->node, H_HIDDEN, 6) ||
            hint_below_region(c, m->node, H_COMMENT | H_RELATED | H_NAV, 40) || time_is_update(c, m->node))
            continue;
        date_value v, w;
        sv t = subtree_text(c, m->node, 80);
        if (parse_date_str(c, sv_of(m->value, m->value_len), 0, &v) &&
            date_parse(t.s, t.n, pg->lang, pg->ref_time, DATE_TEXT, &w, NULL, NULL) && same_day(&v, &w)) {
            *d = v;
            return 1;
        }
        return 0; /* the first one only, as time_element_date */
    }
    return 0;
}

/* See do_dates: *d is a time with an offset; the page may show it in
 * another (a UTC value in local time, or a local value in UTC). */
static void localise(mctx *c, date_value *d)
{
    date_value v;
    int64_t t = date_to_unix(d);
    int utc = d->tz_minutes == 0;
    /* a structured value with a real offset for the same instant */
    if (utc &&
        (first_meta_date(c, S_OG_PUB, &v) || first_meta_date(c, S_META_PUB, &v) || time_element_date(c, 0, &v)) &&
        v.has_time && v.has_tz && v.tz_minutes != 0) {
        int64_t dt = date_to_unix(&v) - t;
        if (dt > -120 && dt < 120) {
            *d = v;
            return;
        }
    }
    if (!text_date_near(c, 0, &v) || same_day(&v, d))
        return;
    int64_t wall = date_to_unix(&v);
    if (v.has_time && !v.has_tz) {
        int64_t diff = wall - t; /* the offset the page's clock shows */
        int64_t q = (diff >= 0 ? diff + 450 : diff - 450) / 900 * 900;
        /* a UTC value shown in local time, or a local value shown in UTC */
        if (diff > -14 * 3600 && diff < 14 * 3600 && (diff - q) > -120 && (diff - q) < 120 &&
            (utc ? q != 0 : q == 0)) {
            v.has_tz = 1;
            v.tz_minutes = (int)(q / 60);
            *d = v;
        }
        return;
    }
    if (!v.has_time && utc) {
        /* the shown day is one off: possible when the UTC hour allows it */
        int64_t day = 86400;
        int64_t vd = date_to_unix(&v) / day, ud = t / day;
        if ((vd == ud - 1 && d->hour < 14) || (vd == ud + 1 && d->hour >= 10))
            *d = v;
    }
}

/* The headline for date finding: the h1, else an h2..h4 around the region
 * whose text is the title. */
static void find_anchor(mctx *c)
{
    c->anchor = c->h1;
    if (c->anchor || !c->title.n)
        return;
    for (unsigned k = 0; k < c->n_heads; k++) {
        sv h = subtree_text(c, c->heads[k], 600);
        if (key_eq(h.s ? h.s : "", h.n, c->title.s, c->title.n)) {
            c->anchor = c->heads[k];
            return;
        }
    }
}

/* Is the publication date from pub_src declared for the page only? */
static int page_level_date(const mctx *c, const char *pub_src)
{
    if (!strcmp(pub_src, "json-ld"))
        return c->jl->pub_rank == 1 && !c->first[S_OG_PUB];
    if (!strcmp(pub_src, "opengraph") || !strcmp(pub_src, "meta")) {
        sv t = meta_val(c, S_OG_TYPE);
        return t.n == 7 && !strncasecmp(t.s, "website", 7) && c->jl->rank < 3;
    }
    return 0;
}

/* Is v the day of d with day and month swapped (3 November vs 11 March)? */
static int swapped_day(const date_value *v, const date_value *d)
{
    return v->year == d->year && v->month == d->day && v->day == d->month;
}

/* Is v within a calendar day of d (a time-zone shift)? */
static int near_day(const date_value *v, const date_value *d)
{
    int64_t dd = day_diff(v, d);
    return dd >= -1 && dd <= 1;
}

/* Does the page show d: near the headline, in a <time> of the zone, after a
 * publication label, or in its URL? */
static int date_shown(mctx *c, const date_value *d)
{
    date_value v;
    const pith_field cu = PITH_FIELD_CANONICAL_URL;
    return (text_date_near(c, 1, &v) && near_day(&v, d)) || (text_date_near(c, 0, &v) && near_day(&v, d)) ||
           (time_element_date(c, 0, &v) && near_day(&v, d)) ||
           (labelled_date(c, &v) && near_day(&v, d)) ||
           (c->pg->url && date_from_url(c->pg->url, strlen(c->pg->url), &v) && near_day(&v, d)) ||
           (c->doc->f[cu].v && date_from_url(c->doc->f[cu].v, c->doc->f[cu].len, &v) && near_day(&v, d));
}

static void do_dates(mctx *c)
{
    find_anchor(c);

    date_value pub, mod, v;
    const char *pub_src = NULL, *mod_src = NULL;
    sv pub_raw = sv_of(NULL, 0); /* the structured value as written */
    /* publication */
    if (c->jl->published.s && parse_date_str(c, sv_of(c->jl->published.s, c->jl->published.n), 0, &pub)) {
        pub_raw = sv_of(c->jl->published.s, c->jl->published.n);
        pub_src = "json-ld";
    } else if (first_meta_date_raw(c, S_OG_PUB, &pub, &pub_raw))
        pub_src = "opengraph";
    else if (first_meta_date_raw(c, S_META_PUB, &pub, &pub_raw))
        pub_src = "meta";
    else if (first_meta_date(c, S_MD_PUB, &pub) || microdata_date(c, "datepublished", "datecreated", &pub))
        pub_src = "microdata";
    else if (time_element_date(c, 0, &pub))
        pub_src = "time-element";
    else if ((c->pg->url && date_from_url(c->pg->url, strlen(c->pg->url), &pub) &&
              date_plausible(&pub, c->pg->ref_time)))
        pub_src = "url";
    else if (c->doc->f[PITH_FIELD_CANONICAL_URL].v &&
             date_from_url(c->doc->f[PITH_FIELD_CANONICAL_URL].v, c->doc->f[PITH_FIELD_CANONICAL_URL].len, &pub) &&
             date_plausible(&pub, c->pg->ref_time))
        pub_src = "url";
    else if (text_date_near(c, 0, &pub) || labelled_date(c, &pub))
        pub_src = "text";
    /* A date only a page-level declaration gives (a JSON-LD WebPage, not an
     * article; og/meta on a page whose og:type is "website") and that the
     * page never shows is the page's own record, not a publication date:
     * CMSs stamp every static page with one. */
    if (pub_src && page_level_date(c, pub_src) && !date_shown(c, &pub)) {
        /* the sources below it that mark a publication date as such still
         * count (microdata, a <time> of the zone); a date merely written
         * near the headline does not: on such pages it is an event's or a
         * teaser's */
        pub_raw = sv_of(NULL, 0);
        if (first_meta_date(c, S_MD_PUB, &pub) || microdata_date(c, "datepublished", "datecreated", &pub))
            pub_src = "microdata";
        else if (time_element_date(c, 0, &pub))
            pub_src = "time-element";
        else
            pub_src = NULL;
    }
    /* A structured value written with a numeric day and month ("11/01/2023")
     * is read in the page's order, but servers often write the US order: the
     * page's own date with the two swapped (01.11.2023 under the headline or
     * after "Erstellt am") settles it. */
    if (pub_src && pub.day != pub.month && numeric_day_month(pub_raw) &&
        ((text_date_near(c, 0, &v) && swapped_day(&v, &pub)) || (labelled_date(c, &v) && swapped_day(&v, &pub)))) {
        int m = pub.month;
        pub.month = pub.day;
        pub.day = m;
    }
    /* A date-only value gains the time of a lower source on the same day. */
    if (pub_src && !pub.has_time) {
        if ((first_meta_date(c, S_OG_PUB, &v) || first_meta_date(c, S_META_PUB, &v) ||
             time_element_date(c, 0, &v)) &&
            v.has_time && v.year == pub.year && v.month == pub.month && v.day == pub.day)
            pub = v;
    }
    /* A UTC timestamp is shown to readers in the site's time zone: take the
     * date the page shows when it is the same instant (or, date-only, the
     * neighbouring day that a time-zone shift explains). A local timestamp
     * that the page shows in UTC (a server that renders in UTC) likewise. */
    if (pub_src && strcmp(pub_src, "text") && pub.has_time && pub.has_tz)
        localise(c, &pub);
    /* modification */
    if (c->jl->modified.s && parse_date_str(c, sv_of(c->jl->modified.s, c->jl->modified.n), 0, &mod))
        mod_src = "json-ld";
    else if (first_meta_date(c, S_OG_MOD, &mod))
        mod_src = "opengraph";
    else if (first_meta_date(c, S_META_MOD, &mod))
        mod_src = "meta";
    else if (first_meta_date(c, S_MD_MOD, &mod) || microdata_date(c, "datemodified", NULL, &mod))
        mod_src = "microdata";
    else if (time_element_date(c, 1, &mod))
        mod_src = "time-element";
    /* A date shown right under the headline (a text that is mostly a date,
     * or a date/byline-classed element) beats structured data that differs
     * by more than a day: those are often a CMS creation date or a
     * re-publication. Not a date more than a day after the structured
     * modification date: nothing is published after its last change (such
     * a date is a comment's, or today's in the site's header). */
    if (pub_src && strcmp(pub_src, "text") && text_date_near(c, 1, &v) == 1) {
        int64_t dd = day_diff(&v, &pub); /* calendar days: 4 Jan 07:29 to 6 Jan is two */
        /* 11/03 vs 3 November: the structured value settles a numeric ambiguity */
        int swapped = v.year == pub.year && v.month == pub.day && v.day == pub.month;
        int after_mod = mod_src && day_diff(&v, &mod) > 1;
        /* the next or previous day with a clock that no time-zone shift of
         * the structured time explains (with or without its offset): another
         * moment the page shows */
        int other_moment = 0;
        if ((dd == 1 || dd == -1) && v.has_time && pub.has_time) {
            int64_t diff = date_to_unix(&v) - date_to_unix(&pub);
            if (v.has_tz && pub.has_tz)
                other_moment = diff < -120 || diff > 120;
            else {
                int64_t r = ((diff % 900) + 900) % 900;
                other_moment = diff <= -14 * 3600 || diff >= 14 * 3600 || (r > 120 && r < 780);
            }
        }
        /* a date-only day one off from a structured time without offset
         * (UTC, or the server's clock: unknown) that a time-zone shift of
         * that time explains: the day readers see */
        int naive_shift = !v.has_time && pub.has_time && !pub.has_tz &&
                          ((dd == 1 && pub.hour >= 10) || (dd == -1 && pub.hour < 14));
        if (((dd > 1 || dd < -1) || other_moment || naive_shift) && !swapped && !after_mod) {
            pub = v;
            pub_src = "text";
        }
    } else if (pub_src && strcmp(pub_src, "text") && strcmp(pub_src, "time-element") && shown_time_date(c, &v)) {
        /* without such a date line, a <time> of the article zone whose text
         * shows its date does the same (the date line may sit past the near
         * scan's reach, behind a menu) */
        int64_t dd = day_diff(&v, &pub);
        if ((dd > 1 || dd < -1) && !(mod_src && day_diff(&v, &mod) > 1)) {
            pub = v;
            pub_src = "time-element";
        }
    }
    if (pub_src)
        set_date(c, PITH_FIELD_PUBLISHED, &pub, pub_src);
    if (mod_src)
        set_date(c, PITH_FIELD_MODIFIED, &mod, mod_src);
}

/* ------------------------------------------------------------ authors */

#define MAX_AUTH 16

typedef struct alist {
    sv name[MAX_AUTH];
    unsigned char org[MAX_AUTH];
    unsigned n;
} alist;

/* Phrases before a name: "By", "Von", "Posted by", "Автор:", "View all posts by" ... */
static const char *const BY_PHRASES[] = {
    "text und fotos", "text & fotos", "text und bilder", "text & bilder", "text und foto", "text & foto",
    "text und bild", "text & bild", "text and photos", "text & photos", "zeige alle beiträge von", "alle beiträge von", "alle artikel von", "view all posts by", "show all articles of",
    "show all articles by", "more articles by", "all posts by", "more from", "mehr von", "articles by", "posts by",
    "written by", "posted by", "published by", "reported by", "story by", "text by", "words by", "created by",
    "compiled by", "edited by", "eingestellt von", "veröffentlicht von", "publiziert von", "erstellt von",
    "geschrieben von", "verfasst von", "gespeichert von", "submitted by", "ein beitrag von", "ein artikel von",
    "ein gastbeitrag von", "text von", "artikel von", "beitrag von", "article by", "reporting by",
    "additional reporting by", "writing by", "责任编辑", "作者", "记者", "编辑",
    "scritto da", "escrito por", "publicado por", "écrit par", "publié par", "опубліковано", "опубликовано",
    "опублікував", "опубликовал", "written", "by", "von", "vom", "text", "autor", "autorin", "autoren", "author",
    "authors", "автор", "авторка", "автори", "авторы", "від", "от", "текст", "par", "por", "door", "af", "av",
    "redakcja", "tekst", "texto", "autore", "autori",
    /* more languages: Indonesian/Malay, Polish, Czech, Slovak, Vietnamese,
     * Belarusian, Greek ("Γράφει ο", "Του/Της" + a name in the genitive),
     * Arabic, Persian, Hebrew, Hindi, Thai, Chinese/Japanese ("文/Name") */
    "oleh", "napisał", "napisała", "napsal", "napsala", "napísal", "napísala", "autorka", "tác giả", "аўтар",
    "γράφει ο", "γράφει η", "γράφει", "του", "της", "συντάκτης", "συντάκτρια", "بقلم", "كتبت", "كتب",
    "الكاتب", "الكاتبة", "به قلم", "نویسنده", "מאת", "लेखक", "द्वारा", "โดย", "記者", "撰文", "文", "責任編輯",
    "編輯",
};

/* Labels that are a byline's only with a colon after them ("Redacción:
 * Name", "Yazar: Name", "Penulis: Name", "Editor: Name"): without one they
 * are a group byline ("Redacción Madrid") or a word of the text ("Haber"
 * is news). */
static const char *const BY_COLON[] = {"redacción", "redação", "redazione", "rédaction", "redactie", "auteur",
                                       "yazar", "yazan", "haber", "muhabir", "penulis", "reporter",
                                       "pewarta", "wartawan", "إعداد", "خبرنگار"};

/* Is s only a by-phrase ("By", "Von:", "Автор")? Its element is a label;
 * the name follows in the next one. */
/* Is f[0..l) one of the words of list (already folded)? */
static int one_of(const char *f, size_t l, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (list[k][0] == (l ? f[0] : '\0') && strlen(list[k]) == l && !memcmp(list[k], f, l))
            return 1;
    return 0;
}

/* Labels that may stand alone, the name following in the next element. */
static const char *const BY_ALONE[] = {"by", "von", "par", "por", "door", "di", "av", "af", "autor", "autorin",
                                       "author", "authors", "автор", "від", "written by", "posted by", "text",
                                       "text von", "texto", "tekst", "auteur", "autore", "text und fotos",
                                       "text & fotos", "text und bilder", "text & bilder", "text und foto",
                                       "text & foto", "text und bild", "text & bild", "text and photos",
                                       "text & photos", "autorka", "tác giả", "συντάκτης", "بقلم", "الكاتب",
                                       "نویسنده", "מאת", "लेखक"};

static int by_alone(sv s)
{
    s = trim(s);
    if (s.n && s.s[s.n - 1] == ':')
        s.n--;
    s = trim(s);
    if (!s.n || s.n > 24)
        return 0;
    char f[64];
    size_t fl = utf8_fold(s.s, s.n, f, sizeof f);
    return one_of(f, fl, BY_ALONE, sizeof BY_ALONE / sizeof BY_ALONE[0]);
}

/* by_alone, but a two-letter word other than "By" only with a colon:
 * "Di" alone is Tuesday more often than Italian "by". */
static int label_alone(sv s)
{
    s = trim(s);
    return by_alone(s) && (s.n >= 3 || (s.s[0] | 0x20) == 'b');
}

/* Is s only a by-phrase of several words ("Geschrieben von", "Posted by:")? */
static int phrase_alone(sv s)
{
    s = trim(s);
    if (s.n && s.s[s.n - 1] == ':')
        s.n--;
    s = trim(s);
    if (s.n < 4 || s.n > 30)
        return 0;
    char f[80];
    size_t fl = utf8_fold(s.s, s.n, f, sizeof f);
    for (size_t k = 0; k < sizeof BY_PHRASES / sizeof BY_PHRASES[0]; k++)
        if (BY_PHRASES[k][0] == f[0] && strlen(BY_PHRASES[k]) == fl && !memcmp(BY_PHRASES[k], f, fl) &&
            memchr(f, ' ', fl))
            return 1;
    return 0;
}

/* Cut a leading by-phrase (followed by a space or ':'), and decorations
 * ("~ ", "- ", "| "). Sets *had when a phrase was cut. */
static sv strip_by(sv s, int *had)
{
    for (int round = 0; round < 3; round++) {
        s = trim(s);
        while (s.n && (s.s[0] == '~' || s.s[0] == '-' || s.s[0] == '|' || s.s[0] == '*' || s.s[0] == ':' ||
                       s.s[0] == ',' || s.s[0] == '/')) {
            s.s++, s.n--;
            s = trim(s);
        }
        if (s.n >= 3 && (unsigned char)s.s[0] == 0xE2 && (unsigned char)s.s[1] == 0x80 &&
            ((unsigned char)s.s[2] == 0x94 || (unsigned char)s.s[2] == 0x93 || (unsigned char)s.s[2] == 0xA2)) {
            s.s += 3, s.n -= 3; /* — – • */
            continue;
        }
        if (s.n >= 3 && (unsigned char)s.s[0] == 0xC2 && (unsigned char)s.s[1] == 0xA9) {
            s.s += 2, s.n -= 2; /* "© Name" */
            continue;
        }
        if (!s.n)
            break; /* nothing left to fold: f[0] would be unset */
        int hit = 0;
        /* the first bytes folded once; phrases are at most 30 bytes */
        char f[80];
        size_t fl = utf8_fold(s.s, s.n < 32 ? s.n : 32, f, sizeof f);
        size_t n_by = sizeof BY_PHRASES / sizeof BY_PHRASES[0];
        for (size_t k = 0; k < n_by + sizeof BY_COLON / sizeof BY_COLON[0] && !hit; k++) {
            const char *p = k < n_by ? BY_PHRASES[k] : BY_COLON[k - n_by];
            if (f[0] != p[0])
                continue;
            size_t l = strlen(p);
            if (l > fl || memcmp(f, p, l) != 0 || l > s.n)
                continue;
            size_t e = l;
            while (e < s.n && s.s[e] == ' ')
                e++;
            int colon = e < s.n && s.s[e] == ':';
            if (colon)
                e++;
            else if (e + 3 <= s.n && !memcmp(s.s + e, "\xEF\xBC\x9A", 3)) /* "：" (责任编辑：Name) */
                e += 3, colon = 1;
            else if (e == l && (unsigned char)p[0] >= 0xE3 && e < s.n && s.s[e] == '/')
                e++, colon = 1; /* a CJK label before a slash: "文/王小明", "记者/Name" */
            else if (e == l && (unsigned char)p[0] >= 0xE3 && e + 3 <= s.n && !memcmp(s.s + e, "\xEF\xBC\x8F", 3))
                e += 3, colon = 1; /* the full-width slash: "文／山田太郎" */
            if (e == l && !(e < s.n && s.s[e] == ' '))
                continue; /* "Bye", "Vonnegut": not a phrase */
            if (e >= s.n || (k >= n_by && !colon))
                continue;
            /* "Oleh" is Indonesian "by" and a Ukrainian given name ("Oleh
             * Sentsov", "Oleh Sentsov and Jane Doe"): written so, only
             * before two capitalised words */
            if (l == 4 && !colon && s.s[0] == 'O' && !memcmp(f, "oleh", 4)) {
                const char *sp = memchr(s.s + e, ' ', s.n - e);
                if (!sp || sp[-1] == ',' || sp + 1 >= s.s + s.n ||
                    !cp_upper(utf8_decode((const unsigned char *)sp + 1, (size_t)(s.s + s.n - sp - 1), &(size_t){0})))
                    continue;
            }
            s.s += e;
            s.n -= e;
            hit = 1;
        }
        /* Romance "de"/"di"/"da" only in lower case ("De Niro" is a name) */
        if (!hit && s.n > 3 && (s.s[0] == 'd') && (s.s[1] == 'e' || s.s[1] == 'i' || s.s[1] == 'a') && s.s[2] == ' ') {
            s.s += 3, s.n -= 3;
            hit = 1;
        }
        if (!hit)
            break;
        if (had)
            *had = 1;
    }
    return trim(s);
}

/* Words that make a string a role or a label, not a person's name. */
static int role_word(const char *f, size_t l)
{
    static const char *const ROLES[] = {
        "staff", "writer", "reporter", "editor", "editors", "correspondent", "contributor", "columnist",
        "journalist", "photographer", "photos", "photo", "senior", "chief", "bureau", "desk", "team", "redaktion",
        "redakteur", "redakteurin", "korrespondent", "korrespondentin", "mitarbeiter", "updated", "published",
        "aktualisiert", "veröffentlicht", "read", "min", "minutes", "comments", "comment", "share", "follow", "email",
        "twitter", "facebook", "more", "about", "view", "all", "posts", "articles", "profile", "opinion",
        "contributing", "associate", "special", "newsroom", "редакція", "редакция", "кореспондент",
        "корреспондент", "journalistin", "autor", "autorin", "autoren", "author", "authors", "auteur", "auteurs",
        "autore", "autori", "by", "von", "posted", "publiziert",
        "eingestellt", "on", "am", "at", "uhr", "gesponserte", "inhalte", "sponsored", "content", "show", "zeige",
        "beiträge", "kommentare", "kommentar", "antworten", "reply", "producer", "host", "anchor", "analyst",
        "director", "manager", "president", "professor", "dr", "prof", "phd", "md", "mph", "jr", "sr", "no",
        "unknown", "anonymous", "anonym", "admin", "administrator", "webmaster", "user", "super", "guest",
        "wordpressadmin", "root", "opublikowano", "veröffentlichung", "기자", "특파원",
    };
    return one_of(f, l, ROLES, sizeof ROLES / sizeof ROLES[0]);
}

/* Are all lower-case words of s name particles ("van", "de", "bin")? */
static int lower_words_are_particles(sv s)
{
    static const char *const PART[] = {"van", "von", "der", "den", "de", "da", "di", "del", "della", "la", "le",
                                       "bin", "ibn", "al", "el", "ten", "ter", "du", "dos", "das", "do", "y", "e",
                                       "zu", "af", "och", "of", "st"};
    size_t i = 0;
    while (i < s.n) {
        while (i < s.n && s.s[i] == ' ')
            i++;
        size_t j = i;
        while (j < s.n && s.s[j] != ' ')
            j++;
        if (j > i && s.s[i] >= 'a' && s.s[i] <= 'z') {
            int ok = 0;
            for (size_t k = 0; k < sizeof PART / sizeof PART[0] && !ok; k++)
                ok = strlen(PART[k]) == j - i && !memcmp(PART[k], s.s + i, j - i);
            if (!ok)
                return 0;
        } else if (j > i && cp_lower(utf8_decode((const unsigned char *)s.s + i, j - i, &(size_t){0}))) {
            return 0; /* a lower-case non-ASCII word ("будинок") */
        }
        i = j;
    }
    return 1;
}

/* Is the second word of s "by" ("Editing by John Roe": a credit)? */
static int second_word_is_by(sv s)
{
    const char *sp = memchr(s.s, ' ', s.n);
    if (!sp)
        return 0;
    size_t r = (size_t)(s.s + s.n - sp - 1);
    return r > 3 && sp[1] == 'b' && sp[2] == 'y' && sp[3] == ' ';
}

/* A name in a script without letter case (Arabic, Hebrew, Persian,
 * Devanagari, Thai, Chinese, Japanese, Korean), where capitals cannot tell
 * a name from text: no word of it is a function word ("في", "של", "में":
 * a sentence's, never a name's), and, strict, at most four words, each
 * short (a Chinese, Japanese or Korean name at most 6 characters, written
 * without spaces: a longer run is a sentence; other words at most 20).
 * Lenient (structured data, after "By"), words of at most 10 and 30. */
static int uncased_name(sv s, int lenient)
{
    static const char *const STOP[] = {
        "في", "من", "على", "إلى", "عن", "مع", "أن", "إن", "هذا", "هذه", "التي", "الذي", "كان", "قد", "لا",
        "ما", "هو", "هي", "ثم", "أو", "حتى", "بعد", "قبل", "كل", "بين", "در", "از", "به", "که", "را", "با",
        "این", "آن", "است", "برای", "تا", "یک", "بر", "می", "کے", "کی", "میں", "سے", "ہے", "اور", "کو", "نے",
        "של", "את", "על", "עם", "זה", "לא", "הוא", "היא", "כי", "אם", "גם", "או", "אל", "כל", "है", "हैं",
        "के", "की", "का", "में", "से", "को", "और", "ने", "पर", "यह", "कि", "था", "भी",
    };
    unsigned words = 0;
    size_t i = 0;
    while (i < s.n) {
        while (i < s.n && s.s[i] == ' ')
            i++;
        size_t j = i, chars = 0, wide = 0;
        while (j < s.n && s.s[j] != ' ') {
            size_t adv;
            uint32_t c = utf8_decode((const unsigned char *)s.s + j, s.n - j, &adv);
            chars++;
            wide += (c >= 0x3040 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF);
            j += adv;
        }
        if (j == i)
            break;
        words++;
        if (!lenient && (chars > (wide ? 6u : 20u) || words > 4))
            return 0;
        if (chars > (wide ? 10u : 30u))
            return 0; /* lenient too: "新华社", "人民日报海外版" are at most 10 */
        if (j - i <= 10 && (unsigned char)s.s[i] >= 0xD7 && one_of(s.s + i, j - i, STOP, sizeof STOP / sizeof STOP[0]))
            return 0;
        i = j;
    }
    return 1;
}

/* Is s plausibly one person's name (after cleaning)? Strict: capitalised
 * words, no digits. Lenient (structured sources, author links, text after
 * "By"): also a user name ("marc", "freeman1984") or an agency ("AFP/The Local"). */
static int name_like(sv s, int lenient)
{
    if (s.n < 2 || s.n > 80)
        return 0;
    const unsigned char *u = (const unsigned char *)s.s;
    unsigned words = 0, caps_words = 0, lower_words = 0, letters = 0, digits = 0, cased = 0;
    int in = 0, first = 0, tok_letters = 0, tok_digits = 0;
    for (size_t i = 0; i < s.n;) {
        size_t adv;
        uint32_t c = utf8_decode(u + i, s.n - i, &adv);
        if (c == ',' || c == '!' || c == '?' || c == ';' || c == ':' || c == '"' || c == '(' || c == ')' ||
            c == '|' || c == '@' || c == 0x201C || c == 0x201D || c == 0xAB || c == 0xBB || c == '#' ||
            c == '<' || c == '>' || c == '=' || c == '{' || c == '}' || c == '[' || c == ']' || c == 0x2026 ||
            c == 0x3002 || c == 0xFF1A || c == 0xFF1B || c == 0xFF01 || c == 0xFF1F) /* 。：；！？ */
            return 0;
        if (c == '/' && !lenient)
            return 0;
        if (c == '.' && !in) {
            if (!lenient)
                return 0; /* '.' only after an initial ("J. Smith") */
        }
        if (c >= '0' && c <= '9')
            digits++, tok_digits++;
        int w = cp_word(c) && !(c >= '0' && c <= '9');
        tok_letters += w;
        if (c == ' ') {
            if (tok_digits && !tok_letters)
                return 0; /* a number alone ("Oktober 2008", "IFZ 2019") is no part of a name */
            tok_letters = tok_digits = 0;
        }
        if (w) {
            letters++;
            int up = cp_upper(c), lo = cp_lower(c);
            if (up || lo)
                cased++;
            if (!in) {
                words++;
                first = up ? 1 : lo ? 2 : 0;
                if (first == 1)
                    caps_words++;
                else if (first == 2)
                    lower_words++;
            }
            in = 1;
        } else if (c == ' ' || c == '/') {
            in = 0;
        } else if (c != '-' && c != '\'' && c != 0x2019 && c != '.' && !(c >= '0' && c <= '9')) {
            in = 0;
        }
        i += adv;
    }
    if (!letters || words > 6 || (digits && (!lenient || words > 1)) || (tok_digits && !tok_letters))
        return 0;
    if (!cased && !uncased_name(s, lenient))
        return 0;
    if (cased && !lenient) {
        /* particles (van, de, von, bin, da) may be lower case; other words not */
        if (!caps_words || lower_words > caps_words || (words == 1 && lower_words))
            return 0;
        if (lower_words && !lower_words_are_particles(s))
            return 0;
    }
    if (cased && lenient && words > 2 && lower_words > caps_words)
        return 0; /* lower-case phrases are text, not names */
    if (lenient && words > 2 && second_word_is_by(s))
        return 0; /* a credit ("Editing by John Roe", "Graphics by ..."), not a name */
    return 1;
}

/* Cut trailing "| date", ", Staff Writer", "- Updated ...", "am 26/10/13",
 * emails, handles and URLs. */
static sv strip_tail(sv s)
{
    static const char *const CUTS[] = {" | ", " \xE2\x80\xA2 ", " \xC2\xB7 ", " \xE2\x80\x94 ", " \xE2\x80\x93 ",
                                       " - ", "\n", " on ", " am ", " at ", " um ", " le ", " el ", " il ",
                                       " updated", " published", " posted", " aktualisiert", " veröffentlicht",
                                       " оновлено", " опубліковано", " обновлено", " опубликовано", " in ",
                                       " under ", " alle artikel", " alle beiträge", " all articles", " all posts",
                                       " more articles", " view profile"};
    enum { FIRST_LABEL_CUT = 14, LAST_LABEL_CUT = 22 }; /* " updated" ... " опубликовано" */
    for (size_t k = 0; k < sizeof CUTS / sizeof CUTS[0]; k++) {
        size_t l = strlen(CUTS[k]);
        for (size_t i = 1; i + l <= s.n; i++) {
            int hit;
            if ((unsigned char)CUTS[k][1] >= 0xC0 && CUTS[k][0] == ' ' && CUTS[k][2] != '\x80') {
                char f[64];
                size_t fl = utf8_fold(s.s + i, l, f, sizeof f);
                hit = fl == l && !memcmp(f, CUTS[k], l);
            } else if (CUTS[k][0] == ' ' && CUTS[k][1] >= 'a' && CUTS[k][1] <= 'z')
                hit = !strncasecmp(s.s + i, CUTS[k], l);
            else
                hit = !memcmp(s.s + i, CUTS[k], l);
            if (hit) {
                /* "Last Updated: ...", "Zuletzt aktualisiert: ...": one word
                 * before a date label with its colon is the label's, not a name */
                if (k >= FIRST_LABEL_CUT && k <= LAST_LABEL_CUT && i + l < s.n && s.s[i + l] == ':' &&
                    !memchr(s.s, ' ', i))
                        i = 0;
                s.n = i;
                break;
            }
        }
    }
    /* a credit after the name: "X Illustration von Y", "X Fotos: Y" */
    static const char *const CREDIT[] = {" illustrationen", " illustration", " fotos", " foto", " photos", " photo",
                                         " bilder", " bild", " grafik", " pictures", " images"};
    for (size_t k = 0; k < sizeof CREDIT / sizeof CREDIT[0]; k++) {
        size_t l = strlen(CREDIT[k]);
        for (size_t i = 1; i + l < s.n; i++)
            if (!strncasecmp(s.s + i, CREDIT[k], l) &&
                (s.s[i + l] == ':' || !strncasecmp(s.s + i + l, " von ", 5) || !strncasecmp(s.s + i + l, " by ", 4) ||
                 !strncasecmp(s.s + i + l, " & ", 3))) {
                s.n = i;
                break;
            }
    }
    /* email, URL, @handle */
    for (size_t i = 0; i < s.n; i++) {
        if (s.s[i] == '@' || (i + 3 <= s.n && !memcmp(s.s + i, "://", 3)) ||
            (i + 4 <= s.n && !strncasecmp(s.s + i, "www.", 4))) {
            size_t b = i;
            while (b && s.s[b - 1] != ' ')
                b--;
            s.n = b;
            break;
        }
    }
    s = trim(s);
    while (s.n && (s.s[s.n - 1] == ',' || s.s[s.n - 1] == '-' || s.s[s.n - 1] == ':' || s.s[s.n - 1] == '|' ||
                   s.s[s.n - 1] == '/'))
        s.n--;
    if (s.n > 3 && !memcmp(s.s + s.n - 3, "\xE3\x80\x82", 3))
        s.n -= 3; /* "王小明。": the full stop ending a CJK line */
    return trim(s);
}

static int has_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return 1;
    return 0;
}

/* Cut a date and what follows: "Tomas Spahn Fr, 18. Oktober 2019" -> "Tomas Spahn". */
static sv strip_date(const mctx *c, sv s)
{
    size_t off, len;
    date_value d;
    /* a written date has a number: "Miami Today" is a name, not a relative date */
    if (s.n > 6 && date_parse(s.s, s.n, c->pg->lang, c->pg->ref_time, DATE_TEXT, &d, &off, &len) && off > 0 &&
        has_digit(s.s + off, len))
        s.n = off;
    s = trim(s);
    for (;;) {
        if (s.n && (s.s[s.n - 1] == ',' || s.s[s.n - 1] == '-' || s.s[s.n - 1] == '|'))
            s.n--;
        else if (s.n >= 3 && !memcmp(s.s + s.n - 3, "\xE2\x80\xA2", 3))
            s.n -= 3; /* "Name•15 January 2020" */
        else if (s.n >= 2 && !memcmp(s.s + s.n - 2, "\xC2\xB7", 2))
            s.n -= 2;
        else
            break;
    }
    s = trim(s);
    /* a weekday abbreviation left before the date */
    static const char *const WD[] = {"mo", "di", "mi", "do", "fr", "sa", "so", "mon", "tue", "wed", "thu", "fri",
                                     "sat", "sun", "lun", "mar", "mer", "jeu", "ven", "sam", "dim"};
    size_t b = s.n;
    while (b && s.s[b - 1] != ' ')
        b--;
    if (b && s.n - b <= 3)
        for (size_t k = 0; k < sizeof WD / sizeof WD[0]; k++)
            if (strlen(WD[k]) == s.n - b && !strncasecmp(s.s + b, WD[k], s.n - b)) {
                s.n = b;
                break;
            }
    return trim(s);
}

/* A newsroom signing as a group: "Redaktion", "Staff Writer", "Support
 * Team", "Newsdesk". Readers (and annotators) take that as the byline. */
static int collective_word(const char *f, size_t l)
{
    static const char *const COLL[] = {"staff", "team", "redaktion", "newsdesk", "newsroom", "webteam",
                                       "editorial", "redaktionsteam", "редакція", "редакция", "redacción",
                                       "rédaction", "redazione", "redactie"};
    return one_of(f, l, COLL, sizeof COLL / sizeof COLL[0]);
}

/* Role words that may stand next to a collective word in a group byline. */
static int byline_role_word(const char *f, size_t l)
{
    static const char *const OK[] = {"staff", "writer", "writers", "reporter", "reporters", "editor", "editors",
                                     "team", "redaktion", "desk", "newsroom", "newsdesk", "editorial", "bureau",
                                     "webteam", "redaktionsteam", "редакція", "редакция", "redacción",
                                     "rédaction", "redazione", "redactie"};
    return one_of(f, l, OK, sizeof OK / sizeof OK[0]);
}

/* Where a job title starts in s: a run of role words at its end with a
 * title noun among them ("Staff Writer", "Senior Reporter", "Redakteurin").
 * 0 when s is only a title, s.n when it ends in none. A newsroom's
 * collective word alone ("Redaktion", "Editorial Team") is a group byline,
 * no title. */
static size_t title_at(sv s)
{
    static const char *const TITLE[] = {"writer", "writers", "reporter", "reporters", "editor", "editors",
                                        "correspondent", "columnist", "contributor", "journalist",
                                        "journalistin", "redakteur", "redakteurin", "korrespondent",
                                        "korrespondentin", "기자", "특파원"};
    size_t e = s.n, start = s.n;
    int title = 0;
    while (e) {
        while (e && (s.s[e - 1] == ' ' || s.s[e - 1] == '.' || s.s[e - 1] == ','))
            e--;
        size_t b = e;
        while (b && s.s[b - 1] != ' ')
            b--;
        if (b == e || e - b > 40)
            break;
        char f[96];
        size_t fl = utf8_fold(s.s + b, e - b, f, sizeof f);
        if (!role_word(f, fl) && !byline_role_word(f, fl))
            break;
        title |= one_of(f, fl, TITLE, sizeof TITLE / sizeof TITLE[0]);
        start = b;
        e = b;
    }
    return title ? start : s.n;
}

/* A date before the names: "Posted on September 21, 2020 by Adi Tzlil",
 * "11.12.2019 - Amelie Loevenich". The date must come first (at most two
 * words before it, "Posted on") and be followed by a by-phrase or a
 * separator; the rest is returned (else s unchanged). *by is set when a
 * by-phrase followed the date. */
static sv skip_lead_date(const mctx *c, sv s, int *by)
{
    size_t off, len;
    date_value d;
    size_t lim = s.n < 80 ? s.n : 80;
    if (s.n < 8 || !date_parse(s.s, lim, c->pg->lang, c->pg->ref_time, DATE_TEXT, &d, &off, &len))
        return s;
    unsigned words = 0;
    for (size_t i = 0; i < off; i++)
        words += s.s[i] != ' ' && (i == 0 || s.s[i - 1] == ' ');
    if (words > 2)
        return s;
    sv r = sv_of(s.s + off + len, s.n - off - len);
    /* a time after the date ("um 11:14 Uhr", ", 09:17") */
    r = trim(r);
    while (r.n && (r.s[0] == ',' || (r.s[0] >= '0' && r.s[0] <= '9') || r.s[0] == ':' || r.s[0] == ' '))
        r.s++, r.n--;
    int sep = 0;
    while (r.n && (r.s[0] == '-' || r.s[0] == '|' || r.s[0] == '/' || r.s[0] == ' ')) {
        sep |= r.s[0] != ' ';
        r.s++, r.n--;
    }
    if (r.n >= 3 && (unsigned char)r.s[0] == 0xE2 && (unsigned char)r.s[1] == 0x80) {
        sep = 1; /* — – • */
        r.s += 3, r.n -= 3;
    } else if (r.n >= 2 && (unsigned char)r.s[0] == 0xC2 && (unsigned char)r.s[1] == 0xB7) {
        sep = 1; /* · */
        r.s += 2, r.n -= 2;
    }
    int had = 0;
    sv after = strip_by(r, &had);
    if (had) {
        if (by)
            *by = 1;
        return after;
    }
    return sep && r.n ? trim(r) : s;
}

/* Is s a list of role words ("Posted on", "Read more")? A group byline
 * ("Redaktion", "Staff Writer", "PETA-Team") is not: it has a collective
 * word and no role word other than a newsroom's. */
static int all_roles(sv s)
{
    char f[256];
    size_t fl = utf8_fold(s.s, s.n < 120 ? s.n : 120, f, sizeof f);
    size_t i = 0;
    unsigned w = 0, roles = 0, coll = 0, other_roles = 0;
    while (i < fl) {
        while (i < fl && (f[i] == ' ' || f[i] == '.' || f[i] == ',' || f[i] == '-'))
            i++;
        size_t j = i;
        while (j < fl && f[j] != ' ' && f[j] != '.' && f[j] != ',' && f[j] != '-')
            j++;
        if (j > i) {
            w++;
            int r = role_word(f + i, j - i);
            roles += r;
            coll += collective_word(f + i, j - i);
            other_roles += r && !byline_role_word(f + i, j - i);
        }
        i = j;
    }
    if (coll && !other_roles)
        return 0;
    if (w == 1 && fl >= 3 && !memcmp(f, "red", 3) && (fl == 3 || (fl == 4 && f[3] == '.')))
        return 1; /* "red.": the newsroom's short sign, not a name */
    return w && roles * 2 >= w + (w > 2);
}

static unsigned persons_in(const alist *L)
{
    unsigned p = 0;
    for (unsigned i = 0; i < L->n; i++)
        p += !L->org[i];
    return p;
}

static void alist_add(alist *L, sv s, int org, int lenient)
{
    s = trim(s);
    if (!name_like(s, lenient) || all_roles(s) || L->n >= MAX_AUTH)
        return;
    for (unsigned i = 0; i < L->n; i++)
        if (key_eq(L->name[i].s, L->name[i].n, s.s, s.n))
            return;
    L->name[L->n] = s;
    L->org[L->n] = (unsigned char)org;
    L->n++;
}

/* A job title before a name: "Rechtsanwalt Sebastian Einbock",
 * "FOCUS-Online-Experte Robin Tschöpe", "Chefredakteur X Y": the first
 * word (or its last hyphen part) ends in a role noun and at least two
 * capitalised words follow. Titles of address ("Dr.") stay. */
static sv strip_role(sv s)
{
    static const char *const SUF[] = {"anwalt", "anwältin", "experte", "expertin", "redakteur", "redakteurin",
                                      "korrespondent", "korrespondentin", "reporter", "reporterin", "sprecher",
                                      "sprecherin", "journalist", "journalistin", "fotograf", "fotografin",
                                      "kolumnist", "kolumnistin", "moderator", "moderatorin", "columnist",
                                      "correspondent", "editor", "writer", "contributor"};
    for (int round = 0; round < 2; round++) {
        size_t e = 0;
        while (e < s.n && s.s[e] != ' ')
            e++;
        if (e >= s.n || e > 60)
            return s;
        sv rest = trim(sv_of(s.s + e, s.n - e));
        unsigned words = 1;
        for (size_t i = 0; i < rest.n; i++)
            words += rest.s[i] == ' ';
        if (words < 2 || words > 4 || !cp_upper(utf8_decode((const unsigned char *)rest.s, rest.n, &(size_t){0})))
            return s;
        char f[128];
        size_t fl = utf8_fold(s.s, e, f, sizeof f);
        int hit = 0;
        for (size_t k = 0; k < sizeof SUF / sizeof SUF[0] && !hit; k++) {
            size_t l = strlen(SUF[k]);
            hit = fl >= l && !memcmp(f + fl - l, SUF[k], l) && (fl == l || fl >= l + 3);
        }
        if (!hit)
            return s;
        s = rest;
    }
    return s;
}

/* "Peter Maahn/SP-X": a full name with an agency's short name after a
 * slash; the person is the author. ("APA/AP", "dpa/lno" stay.) */
static sv slash_agency(sv s)
{
    const char *sl = memchr(s.s, '/', s.n);
    if (!sl || sl == s.s || sl[-1] == ' ' || sl + 1 >= s.s + s.n || sl[1] == ' ')
        return s;
    if (!memchr(s.s, ' ', (size_t)(sl - s.s)) || memchr(sl, ' ', (size_t)(s.s + s.n - sl)) ||
        memchr(sl + 1, '/', (size_t)(s.s + s.n - sl - 1)))
        return s;
    return trim(sv_of(s.s, (size_t)(sl - s.s)));
}

/* A note in parentheses after a name is not part of it: "Martin
 * Untersinger (avec Damien Leloup et Morgane Tual)", "Jane Doe (Reuters)"
 * -> the text before it (an unclosed one runs to the end). */
static sv cut_parenthetical(sv s)
{
    const char *o = memchr(s.s, '(', s.n);
    if (!o || o == s.s)
        return s;
    const char *e = memchr(o, ')', (size_t)(s.s + s.n - o));
    if (e && trim(sv_of(e + 1, (size_t)(s.s + s.n - e - 1))).n)
        return s; /* text after it: "Bruno (Henrique) Rodrigues" is left to the name test */
    return strip_tail(trim(sv_of(s.s, (size_t)(o - s.s))));
}

/* Does s start with a letter of a script without case ("홍길동 기자": a
 * one-word name before a job title)? */
static int uncased_word(sv s)
{
    uint32_t c = utf8_decode((const unsigned char *)s.s, s.n, &(size_t){0});
    return c >= 0x590 && cp_word(c) && !cp_upper(c) && !cp_lower(c);
}

/* Split one author string into names and add them. lenient: see name_like
 * (a by-phrase in front of the names makes them lenient too, unless
 * lenient is -1). */
static void add_names(const mctx *c, alist *L, sv raw, int org, int lenient)
{
    sv s = clean_copy(c->a, raw.s, raw.n);
    if (!s.n || s.n > 400)
        return;
    int had = 0;
    s = strip_by(s, &had);
    sv nd = skip_lead_date(c, s, NULL);
    if (nd.s != s.s) {
        had = 1;
        s = strip_by(nd, NULL);
    }
    s = strip_tail(s);
    s = strip_date(c, s);
    s = strip_by(s, &had);
    s = cut_parenthetical(s);
    if (!s.n)
        return;
    lenient = lenient < 0 ? 0 : lenient | had;
    /* separators between names */
    static const char *const AND[] = {", and ", ", & ", ", ", " and ", " und ", " & ", " та ", " і ", " и ", " y ", " et ",
                                      " e ", " och ", " og ", " en ", "; ", " ja ", " és ", " i ", " u. ",
                                      "\xE3\x80\x81", "\xEF\xBC\x8C"}; /* "、", "，" */
    size_t b = 0;
    unsigned parts = 0, n0 = L->n;
    for (size_t i = 0; i <= s.n && parts < MAX_AUTH; i++) {
        size_t sl = 0;
        if (i < s.n && (s.s[i] == ' ' || s.s[i] == ',' || s.s[i] == ';' || (unsigned char)s.s[i] == 0xE3 ||
                        (unsigned char)s.s[i] == 0xEF))
            for (size_t k = 0; k < sizeof AND / sizeof AND[0]; k++) {
                size_t l = strlen(AND[k]);
                if (i + l <= s.n && !strncasecmp(s.s + i, AND[k], l)) {
                    sl = l;
                    break;
                }
            }
        if (i == s.n || sl) {
            /* each name may carry its own note: "Jane Doe (Reuters), John Roe (AP)" */
            sv part = strip_role(slash_agency(cut_parenthetical(strip_by(trim(sv_of(s.s + b, i - b)), NULL))));
            /* a job title after the name is no author: "Jane Doe, Staff Writer",
             * "Jane Doe<br>Staff Writer" (read as "Jane Doe Staff Writer") */
            size_t t = part.n ? title_at(part) : 0;
            if (t == 0 && L->n > n0)
                part.n = 0;
            else if (t < part.n && (word_count(sv_of(part.s, t)) >= 2 || uncased_word(part)))
                part = trim(sv_of(part.s, t));
            if (part.n) {
                alist_add(L, part, org, lenient);
                /* the names follow a by-phrase at once: when another label
                 * comes first ("Auteur : Auteur(s) : ... Destinataire : M.
                 * X, Ministre de la Culture"), the line is a form of fields
                 * and the names after it are not the author's */
                if (had && !parts && L->n == n0 && memchr(part.s, ':', part.n))
                    return;
                parts++;
            }
            if (i == s.n)
                break;
            b = i + sl;
            i = b - 1;
        }
    }
}

/* The name in an author URL: ".../author/jane-doe/" -> "Jane Doe". */
static sv name_from_url(const mctx *c, sv u)
{
    sv none = {NULL, 0};
    size_t e = u.n;
    while (e && (u.s[e - 1] == '/' || u.s[e - 1] == '#'))
        e--;
    size_t b = e;
    while (b && u.s[b - 1] != '/')
        b--;
    if (e - b < 3 || e - b > 60)
        return none;
    char *o = arena_alloc(c->a, e - b + 1);
    if (!o)
        return none;
    size_t k = 0;
    int up = 1;
    for (size_t i = b; i < e; i++) {
        char ch = u.s[i];
        if (ch == '-' || ch == '_' || ch == '+' || ch == '.') {
            o[k++] = ' ';
            up = 1;
        } else if ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') {
            o[k++] = up && ch >= 'a' ? (char)(ch - 32) : ch;
            up = 0;
        } else if (ch >= '0' && ch <= '9') {
            return none;
        } else
            return none;
    }
    o[k] = '\0';
    if (!strchr(o, ' '))
        return none; /* a single token is more often a user id than a name */
    return sv_of(o, k);
}

static void authors_from_slot(const mctx *c, alist *L, int slot)
{
    if (!c->first[slot])
        return;
    for (uint32_t i = c->first[slot] - 1; i < c->pg->n_meta; i++) {
        if (c->slot[i] != slot)
            continue;
        const meta_item *m = &c->pg->meta[i];
        sv v = trim(sv_of(m->value, m->value_len));
        if (!v.n || strstr(v.s, "://") || v.s[0] == '/' || v.s[0] == '@')
            continue;
        add_names(c, L, v, 0, 1);
    }
}

/* Yoast's reading card: <meta name=twitter:label1 content="Written by">
 * <meta name=twitter:data1 content="Jane Doe"> (label and data share the digit). */
static void authors_from_twitter_label(const mctx *c, alist *L)
{
    static const char *const LABELS[] = {"written by", "verfasst von", "geschrieben von", "escrito por",
                                         "écrit par", "scritto da", "geschreven door", "napisane przez",
                                         "автор", "author", "autor", "von", "by"};
    const page *pg = c->pg;
    for (uint32_t i = 0; i < pg->n_meta && !L->n; i++) {
        const meta_item *m = &pg->meta[i];
        if (m->kind != MI_META || m->key_len != 14 || !m->key || memcmp(m->key, "twitter:label", 13) || !m->value)
            continue;
        char f[64];
        sv v = trim(sv_of(m->value, m->value_len));
        if (v.n > 40)
            continue;
        size_t fl = utf8_fold(v.s, v.n, f, sizeof f);
        int ok = 0;
        for (size_t k = 0; k < sizeof LABELS / sizeof LABELS[0] && !ok; k++)
            ok = strlen(LABELS[k]) == fl && !memcmp(LABELS[k], f, fl);
        if (!ok)
            continue;
        for (uint32_t j = 0; j < pg->n_meta; j++) {
            const meta_item *q = &pg->meta[j];
            if (q->kind == MI_META && q->key_len == 13 && q->key && !memcmp(q->key, "twitter:data", 12) &&
                q->key[12] == m->key[13] && q->value) {
                add_names(c, L, sv_of(q->value, q->value_len), 0, 1);
                break;
            }
        }
    }
}

static void authors_from_microdata(const mctx *c, alist *L)
{
    const page *pg = c->pg;
    unsigned n_items = 0;
    for (uint32_t i = 0; i < pg->n_meta; i++)
        n_items += pg->meta[i].kind == MI_ITEMPROP && (is_key(&pg->meta[i], "author") || is_key(&pg->meta[i], "creator"));
    for (int pass = 0; pass < 2 && !L->n; pass++)
        for (uint32_t i = 0; i < pg->n_meta; i++) {
            const meta_item *m = &pg->meta[i];
            if (m->kind != MI_ITEMPROP || !(is_key(m, "author") || is_key(m, "creator")))
                continue;
            if (c->ze && (pass == 0 ? !in_zone(c, m->node) : m->node >= c->zs && n_items > 1))
                continue; /* in the article, else above it, or the page's only one */
            if (hint_below_region(c, m->node, H_COMMENT | H_RELATED, 40))
                continue;
            if (m->value && m->value_len) {
                add_names(c, L, sv_of(m->value, m->value_len), 0, 1);
                continue;
            }
            /* an itemprop=name inside the author element */
            nid end = subtree_end(pg, m->node);
            int found = 0;
            for (uint32_t j = i + 1; j < pg->n_meta; j++) {
                const meta_item *q = &pg->meta[j];
                if (q->node > end)
                    break;
                if (q->kind == MI_ITEMPROP && is_key(q, "name")) {
                    add_names(c, L, itemprop_value(c, q, 200), 0, 1);
                    found = 1;
                    break;
                }
            }
            if (!found)
                add_names(c, L, subtree_text(c, m->node, 200), 0, 0);
            if (L->n >= 8)
                return;
        }
}

/* The nearest block or container element above node i. */
static nid block_of(const page *pg, nid i)
{
    nid b = pg->nodes[i].parent;
    while (b && !(tag_class(pg->nodes[b].tag) & (TC_BLOCK | TC_CONTAINER)))
        b = pg->nodes[b].parent;
    return b;
}

/* The text line that starts at text node i: its text and what follows up
 * to the next block element or <br> (inside i's block). */
static sv line_at(const mctx *c, nid i, size_t cap)
{
    const page *pg = c->pg;
    nid b = block_of(pg, i);
    nid end = b ? subtree_end(pg, b) : i;
    nid stop = i;
    for (nid j = i + 1; j <= end && j < pg->n_nodes && j < i + 40; j++) {
        const node *n = &pg->nodes[j];
        if (n->tag != T_TEXT && ((tag_class(n->tag) & (TC_BLOCK | TC_CONTAINER)) || n->tag == T_BR))
            break;
        stop = j;
    }
    return range_text(c, i, stop, cap);
}

/* Does text node i start a line (first text of its block, or after a
 * block element or <br>)? */
static int line_start(const page *pg, nid i)
{
    nid b = block_of(pg, i);
    for (nid j = i - 1; j > 0 && j + 60 > i; j--) {
        const node *n = &pg->nodes[j];
        if (n->tag == T_TEXT) {
            if (!trim(sv_of(node_text(pg, n), n->text_len)).n)
                continue;
            return block_of(pg, j) != b;
        }
        if ((tag_class(n->tag) & (TC_BLOCK | TC_CONTAINER)) || n->tag == T_BR)
            return 1;
    }
    return 1;
}

static int find_bytes(const char *h, size_t hn, const char *n, size_t nn);

/* How a line starts: 3 = an author label ("Autor:", "Von:", "Text von",
 * "Geschrieben von", "Posted by"), 2 = "Author", "Autorin" without a
 * colon, 1 = a capitalised bare by-word ("Von", "By", "Par"), 0 = neither. */
static int author_label(sv t)
{
    t = trim(t);
    if (!t.n || !cp_word(utf8_decode((const unsigned char *)t.s, t.n, &(size_t){0})))
        return 0; /* ", by June 2016": not a line's label */
    int had = 0;
    sv r = strip_by(t, &had);
    if (!had)
        return 0;
    size_t pl = r.n ? (size_t)(r.s - t.s) : t.n;
    if (memchr(t.s, ':', pl) || find_bytes(t.s, pl, "\xEF\xBC\x9A", 3))
        return 3;
    char f[80];
    size_t fl = utf8_fold(t.s, pl < 48 ? pl : 48, f, sizeof f);
    while (fl && f[fl - 1] == ' ')
        fl--;
    if (memchr(f, ' ', fl))
        return 3; /* "geschrieben von", "posted by" */
    static const char *const LBL[] = {"autor", "autorin", "autoren", "author", "authors", "автор", "авторка",
                                      "autore", "auteur"};
    for (size_t k = 0; k < sizeof LBL / sizeof LBL[0]; k++)
        if (LBL[k][0] == f[0] && strlen(LBL[k]) == fl && !memcmp(LBL[k], f, fl))
            return 2;
    return cp_upper(utf8_decode((const unsigned char *)t.s, t.n, &(size_t){0})) ? 1 : 0;
}

/* The first words of the by-phrases and colon labels, as bits: bit l of
 * w[b] is set when one of them starts with byte b (folded) and is l bytes
 * long (l < 32). Built once per page by authors_from_labels(), it lets
 * label_start() turn away almost every text without reading the lists. */
typedef struct label_index {
    uint32_t w[256];
} label_index;

static void label_index_build(label_index *x)
{
    memset(x, 0, sizeof *x);
    size_t n_by = sizeof BY_PHRASES / sizeof BY_PHRASES[0];
    for (size_t k = 0; k < n_by + sizeof BY_COLON / sizeof BY_COLON[0]; k++) {
        const char *p = k < n_by ? BY_PHRASES[k] : BY_COLON[k - n_by];
        size_t l = 0;
        while (p[l] && p[l] != ' ')
            l++;
        x->w[(unsigned char)p[0]] |= 1u << (l & 31);
    }
    x->w['d'] |= 1u << 2; /* "de", "di", "da" */
}

/* Is the first word of t (up to a space or colon, folded) the first word of
 * a by-phrase or a lone label ("de"/"di"/"da" too)? Only then can
 * label_alone(), phrase_alone() or author_label() accept t: a cheap test
 * before them for every short text of the zone. Folding keeps a letter's
 * byte length, so the index is asked with the first letter folded alone. */
static int label_start(sv t, const label_index *x)
{
    size_t e = 0;
    while (e < t.n && e < 32 && t.s[e] != ' ' && t.s[e] != ':' && t.s[e] != '/' && (unsigned char)t.s[e] != 0xEF)
        e++; /* 0xEF: "：" (责任编辑：) */
    if (!e || e >= 32)
        return 0;
    unsigned char b = (unsigned char)t.s[0];
    size_t cl = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char f[96];
    if (cl > e || utf8_fold(t.s, cl, f, sizeof f) != cl || !((x->w[(unsigned char)f[0]] >> e) & 1))
        return 0;
    size_t fl = utf8_fold(t.s, e, f, sizeof f);
    if (fl == 2 && f[0] == 'd' && (f[1] == 'e' || f[1] == 'i' || f[1] == 'a'))
        return 1;
    /* BY_ALONE's first words are all in these lists ("di" above) */
    for (int list = 0; list < 2; list++) {
        const char *const *L = list ? BY_COLON : BY_PHRASES;
        size_t n = list ? sizeof BY_COLON / sizeof BY_COLON[0] : sizeof BY_PHRASES / sizeof BY_PHRASES[0];
        for (size_t k = 0; k < n; k++)
            if (L[k][0] == f[0] && strcspn(L[k], " ") == fl && !memcmp(L[k], f, fl))
                return 1;
    }
    return 0;
}

/* A line after a bare "Von", "By": strict, and only full names ("Von
 * Sprachregeln, Gender-Politik und Deutsch" is a headline); with max_words,
 * names of at most that many words. */
static void add_full_names(const mctx *c, alist *L, sv line, unsigned max_words)
{
    alist T;
    T.n = 0;
    add_names(c, &T, line, 0, -1);
    unsigned full = 0;
    for (unsigned k = 0; k < T.n; k++) {
        unsigned sp = 0;
        for (size_t i = 0; i < T.name[k].n; i++)
            sp += T.name[k].s[i] == ' ';
        full += sp && (!max_words || sp < max_words);
    }
    if (T.n && full == T.n)
        *L = T;
}

static void add_bare_by(const mctx *c, alist *L, sv line) { add_full_names(c, L, line, 0); }

/* Does t end in the Korean word for reporter or correspondent after one
 * or two words, perhaps before an email ("홍길동 기자", "홍길동 특파원
 * hong@example.kr")? Korean bylines name the reporter first. */
static int reporter_after(sv t)
{
    static const char *const W[] = {" \xEA\xB8\xB0\xEC\x9E\x90", " \xED\x8A\xB9\xED\x8C\x8C\xEC\x9B\x90"};
    if (t.n < 8 || t.n > 80 || !(memchr(t.s, 0xEA, t.n) || memchr(t.s, 0xED, t.n)))
        return 0;
    t = strip_tail(t);
    for (size_t k = 0; k < sizeof W / sizeof W[0]; k++) {
        size_t l = strlen(W[k]);
        if (t.n > l && !memcmp(t.s + t.n - l, W[k], l))
            return word_count(sv_of(t.s, t.n - l)) <= 2;
    }
    return 0;
}

/* A labelled author line anywhere in the article zone or its end matter:
 * "Autor: Fritz Imhof", "<b>Von:</b> Götz Warnke", "Text: <span>Name</span>",
 * "Geschrieben von <a>Cooper</a> am ...", "Gespeichert von rasos am ...".
 * The first one that gives a name wins. */
static int site_only(const mctx *c, alist *L, alist *site);

static void authors_from_labels(const mctx *c, alist *L, alist *site)
{
    const page *pg = c->pg;
    if (!c->ze)
        return;
    nid tail = zone_tail(c);
    const uint32_t bad = H_COMMENT | H_RELATED | H_NAV | H_HIDDEN | H_AD | H_LINKY;
    label_index x;
    label_index_build(&x);
    for (nid i = c->zs; i <= tail && i < pg->n_nodes && !L->n; i++) {
        const node *n = &pg->nodes[i];
        if (n->tag != T_TEXT || n->text_len < 2 || n->text_len > 162) /* the line it starts is at most 160 bytes */
            continue;
        sv t = trim(sv_of(node_text(pg, n), n->text_len));
        if (!label_start(t, &x))
            continue;
        int alone = label_alone(t) || phrase_alone(t);
        int kind = alone ? 3 : author_label(t);
        if (!kind || !line_start(pg, i) || hint_below_anchor(c, i, bad, 40))
            continue;
        sv line;
        if (alone) {
            /* the label alone: the name is the next text */
            nid j = i + 1;
            while (j < pg->n_nodes && j <= i + 12 && (pg->nodes[j].tag != T_TEXT || !trim(sv_of(node_text(pg, &pg->nodes[j]), pg->nodes[j].text_len)).n))
                j++;
            if (j >= pg->n_nodes || j > i + 12 || j > tail || hint_below_anchor(c, j, bad, 40))
                continue;
            line = line_at(c, j, 240);
        } else {
            line = line_at(c, i, 240);
        }
        if (!line.n || line.n > (kind >= 2 ? 160u : 80u))
            continue; /* a sentence, not a byline */
        if (kind >= 2) {
            /* a user name only after "Autor:", "Posted by" ("Autor kontaktieren" is a link) */
            add_names(c, L, line, 0, kind == 3 ? 1 : -1);
            site_only(c, L, site);
            continue;
        }
        add_bare_by(c, L, line);
        site_only(c, L, site);
    }
}

/* The first line of element id: from its first text to the next block or
 * <br> (empty when id has no text in its first nodes). */
static sv first_line(const mctx *c, nid id)
{
    const page *pg = c->pg;
    nid end = subtree_end(pg, id);
    for (nid j = id; j <= end && j < pg->n_nodes && j < id + 12; j++) {
        const node *n = &pg->nodes[j];
        if (n->tag == T_TEXT && trim(sv_of(node_text(pg, n), n->text_len)).n)
            return line_at(c, j, 400);
    }
    return sv_of(NULL, 0);
}

/* The names after a date that opens element id's first line ("11.12.2019 -
 * Amelie Loevenich", "25.10.2022 | Reiner Nagel"): the line ends at the next
 * block or <br>, so a category line below is not read as a name. *by is set
 * when a by-phrase stood between the date and the names ("Posted on May 3,
 * 2021 by jdoe", "06.11.2023 13:30 von Olga"). */
static sv date_led_line(const mctx *c, nid id, int *by)
{
    const page *pg = c->pg;
    sv none = {NULL, 0};
    nid end = subtree_end(pg, id);
    for (nid j = id; j <= end && j < pg->n_nodes && j < id + 12; j++) {
        const node *n = &pg->nodes[j];
        if (n->tag != T_TEXT)
            continue;
        sv t = trim(sv_of(node_text(pg, n), n->text_len));
        if (!t.n)
            continue;
        if (!has_digit(t.s, t.n < 32 ? t.n : 32))
            return none; /* the date has a number, near the start */
        sv line = line_at(c, j, 160);
        if (!line.n || line.n > 80)
            return none;
        sv nd = skip_lead_date(c, line, by);
        return nd.s != line.s ? nd : none;
    }
    return none;
}

/* The names in element id's first line when a job title follows them
 * after a comma: "Jane Doe, Staff Writer", "Max Muster, Redakteur". */
static sv name_title_line(const mctx *c, nid id)
{
    sv none = {NULL, 0};
    sv line = first_line(c, id);
    if (line.n < 8 || line.n > 80)
        return none;
    const char *comma = NULL;
    for (const char *p = line.s; (p = memchr(p, ',', (size_t)(line.s + line.n - p))) != NULL; p++)
        comma = p;
    if (!comma || comma == line.s)
        return none;
    sv rest = trim(sv_of(comma + 1, (size_t)(line.s + line.n - comma - 1)));
    if (!rest.n || title_at(rest) != 0)
        return none;
    return trim(sv_of(line.s, (size_t)(comma - line.s)));
}

/* Are all names in L the site's own name? Then they move to *site (the
 * first such list is kept) and L is emptied. */
static int site_only(const mctx *c, alist *L, alist *site)
{
    if (!L->n)
        return 0;
    for (unsigned i = 0; i < L->n; i++)
        if (!is_site_name(c, L->name[i]))
            return 0;
    if (!site->n)
        *site = *L;
    L->n = 0;
    return 1;
}

/* Is byline element id inside a box that makes it no byline of the article
 * (below the region root, in one walk up): a comment or related-content box,
 * an author's bio box (not a short author line: short_author_box), or a
 * navigation box of more than 100 characters. Small nav-classed boxes do not
 * count: "<div class=news-nav-buttons>« Zurück · von <a>Name</a> ·
 * 02.02.2022</div>" is the article's meta bar; a box of links to other
 * articles is longer. */
static int byline_box_above(const mctx *c, nid id)
{
    const page *pg = c->pg;
    id = pg->nodes[id].parent;
    for (unsigned k = 0; id && k < 40; k++) {
        if (c->rs && id <= c->rs && c->rs <= subtree_end(pg, id))
            return 0;
        uint32_t h = pg->nodes[id].hints;
        if ((h & (H_COMMENT | H_RELATED)) || ((h & H_NAV) && pg->nodes[id].chars > 100) ||
            ((h & H_AUTHORBOX) && !short_author_box(c, id)))
            return 1;
        id = pg->nodes[id].parent;
    }
    return 0;
}

static void authors_from_dom(const mctx *c, alist *L)
{
    const page *pg = c->pg;
    /* <a rel=author> */
    for (unsigned k = 0; k < c->n_relauthor; k++) {
        nid id = c->relauthor[k];
        if (c->ze && !in_zone(c, id))
            continue;
        if (hint_below_region(c, id, H_COMMENT | H_RELATED | H_NAV, 40))
            continue;
        add_names(c, L, subtree_text(c, id, 160), 0, 1);
    }
    /* the site's own name (a blog account named like the site) is kept only
     * when no byline lower down names someone else */
    alist site;
    site.n = 0;
    if (L->n && !site_only(c, L, &site))
        return;
    /* byline elements: the outermost one with a usable text; inner ones when it is too long */
    for (unsigned k = 0; k < c->n_bylines && !L->n; k++) {
        nid id = c->bylines[k];
        if (!c->ze || !(in_zone(c, id) || (id > c->ze && id <= c->art_end)))
            continue;
        if (byline_box_above(c, id))
            continue;
        const node *n = &pg->nodes[id];
        if (n->chars > 200)
            continue;
        /* a link to the author's page makes a user name acceptable */
        int link = n->tag == T_A;
        for (nid j = id + 1; !link && j <= subtree_end(pg, id) && j < id + 8; j++)
            if (pg->nodes[j].tag == T_A && node_attr(pg, &pg->nodes[j], A_HREF) &&
                pg->nodes[j].chars + 2 >= n->chars)
                link = 1;
        /* after the body (an article's footer line) only real names count,
         * not the user handles that blog themes print there */
        if (id > c->re)
            link = 0;
        sv t = subtree_text(c, id, 400);
        /* a by-line ends at its line break ("By Jane Doe<br>Correspondent,
         * Berlin"), unless a credit follows ("Written by A<br>Edited by B") */
        int had = 0;
        strip_by(t, &had);
        if (had) {
            sv fl = first_line(c, id);
            int fl_had = 0;
            if (fl.n && fl.n < t.n && !memcmp(fl.s, t.s, fl.n) && (strip_by(fl, &fl_had), fl_had)) {
                sv rest = trim(sv_of(t.s + fl.n, t.n - fl.n));
                int rest_had = 0;
                strip_by(rest, &rest_had);
                if (!rest_had && !second_word_is_by(rest))
                    t = fl;
            }
        }
        add_names(c, L, t, 0, link);
        site_only(c, L, &site);
    }
    if (L->n)
        return;
    /* a short line that starts with "By", "Von", "Автор:" ... under the
     * headline, in a meta-classed element of the zone, or last, just above
     * the headline (a kicker line "04.02.2022 | 13:10 Uhr | Name") */
    nid from = c->h1 ? subtree_end(pg, c->h1) + 1 : c->rs;
    for (int phase = 0; phase < 3 && !L->n; phase++) {
        unsigned count = phase == 2 ? 10 : phase ? c->n_metas : 40;
        nid last_par = 0;
        for (unsigned k = 0; k < count && !L->n; k++) {
            nid id;
            if (phase == 2) {
                if (!c->h1 || c->h1 <= k + 1)
                    break;
                id = c->h1 - 1 - k;
                if (pg->nodes[id].tag != T_TEXT)
                    continue;
                id = pg->nodes[id].parent;
                if (id == last_par)
                    continue;
                last_par = id;
            } else if (phase) {
                id = c->metas[k];
                if (!in_zone(c, id))
                    continue;
            } else {
                id = from + k;
                if (!from || id >= pg->n_nodes || pg->nodes[id].tag != T_TEXT)
                    continue;
                id = pg->nodes[id].parent;
                if (id == last_par)
                    continue;
                last_par = id;
            }
            if (pg->nodes[id].chars > 200 || hint_below_region(c, id, H_COMMENT | H_RELATED | H_NAV, 40))
                continue;
            sv t = subtree_text(c, id, 400);
            int had = 0;
            strip_by(t, &had);
            if (had) {
                /* the byline ends at a line break ("Von A und B<br>Kakuma /Kenia") */
                sv fl = first_line(c, id);
                int fl_had = 0;
                if (fl.n && fl.n < t.n && (strip_by(fl, &fl_had), fl_had))
                    t = fl;
            }
            sv nd;
            int date_by = 0;
            if (had && author_label(t) == 1)
                add_bare_by(c, L, t);
            else if (had)
                add_names(c, L, t, 0, -1); /* strict: "Von der Leyen will ..." is a headline */
            else if ((nd = date_led_line(c, id, &date_by)).n && date_by && !memchr(nd.s, ' ', nd.n))
                add_names(c, L, nd, 0, 1); /* "Posted on May 3, 2021 by jdoe": one word after "by" may be a user name */
            else if (nd.n)
                add_full_names(c, L, nd, 4); /* "11.12.2019 - Amelie Loevenich": full names only */
            else if (t.n >= 8 && memchr(t.s, ',', t.n) && (nd = name_title_line(c, id)).n)
                add_full_names(c, L, nd, 4); /* "Jane Doe, Staff Writer": full names only */
            else if (reporter_after(t))
                add_names(c, L, t, 0, -1); /* "홍길동 기자": the name before "reporter" */
            else if (!phase && label_alone(t)) {
                /* "<span>By</span><span><a>Name</a></span>": the name is the next sibling */
                nid nx = subtree_end(pg, id) + 1;
                if (nx >= pg->n_nodes || pg->nodes[nx].parent != pg->nodes[id].parent)
                    continue;
                sv nt = pg->nodes[nx].tag == T_TEXT ? clean_copy(c->a, node_text(pg, &pg->nodes[nx]), pg->nodes[nx].text_len)
                                                    : subtree_text(c, nx, 200);
                if (nt.n && nt.n <= 120)
                    add_names(c, L, nt, 0, 0);
            }
        }
    }
    site_only(c, L, &site);
    if (!L->n)
        authors_from_labels(c, L, &site);
    if (!L->n && site.n)
        *L = site;
}


/* Does h[0..hn) contain n[0..nn)? (memchr on the first byte, then compare) */
static int find_bytes(const char *h, size_t hn, const char *n, size_t nn)
{
    if (!nn || nn > hn)
        return 0;
    const char *p = h, *end = h + hn - nn + 1;
    while (p < end) {
        const char *q = memchr(p, n[0], (size_t)(end - p));
        if (!q)
            return 0;
        if (!memcmp(q, n, nn))
            return 1;
        p = q + 1;
    }
    return 0;
}

/* The article zone's text: text nodes are stored in document order, so the
 * zone's text is one slice of pg->text (found once). */
static sv zone_slice(mctx *c)
{
    if (!c->zt_done) {
        c->zt_done = 1;
        const page *pg = c->pg;
        nid first = 0, last = 0;
        for (nid i = c->zs; c->ze && i <= c->ze && i < pg->n_nodes; i++)
            if (pg->nodes[i].tag == T_TEXT) {
                if (!first)
                    first = i;
                last = i;
            }
        if (first) {
            size_t b = pg->nodes[first].text_off, e = pg->nodes[last].text_off + pg->nodes[last].text_len;
            if (e > b && e <= pg->text_len)
                c->zt = sv_of(pg->text + b, e - b);
        }
    }
    return c->zt;
}

/* find_bytes, ASCII letters compared without case. */
static int find_bytes_ci(const char *h, size_t hn, const char *n, size_t nn)
{
    if (!nn || nn > hn)
        return 0;
    for (size_t i = 0; i + nn <= hn; i++)
        if ((h[i] | 0x20) == (n[0] | 0x20) && !strncasecmp(h + i, n, nn))
            return 1;
    return 0;
}

/* Is the name written in the article zone (or, with anywhere, on the page)? */
static int shown_in_zone(mctx *c, sv name, int anywhere)
{
    if (name.n < 2)
        return 0;
    if (anywhere && c->pg->text_len && find_bytes(c->pg->text, c->pg->text_len, name.s, name.n))
        return 1;
    sv z = zone_slice(c);
    return z.n && (find_bytes(z.s, z.n, name.s, name.n) || find_bytes_ci(z.s, z.n, name.s, name.n));
}

/* A user name: one token without capitals ("vpohl", "freeman1984"). */
static int is_handle(sv s)
{
    int upper = 0, letters = 0;
    for (size_t i = 0; i < s.n;) {
        size_t adv;
        uint32_t cp = utf8_decode((const unsigned char *)s.s + i, s.n - i, &adv);
        if (cp == ' ')
            return 0;
        if (cp_upper(cp))
            upper++;
        if (cp_lower(cp))
            letters++;
        i += adv;
    }
    return letters && !upper;
}

/* Are all dot-separated parts of s capitalised words ("Isabella.DiBiase":
 * a user name written as a name; "Spiegel.de", "FAZ.NET" are hosts)? */
static int capitalised_parts(sv s)
{
    size_t i = 0;
    while (i < s.n) {
        size_t j = i;
        int lower = 0;
        while (j < s.n && s.s[j] != '.')
            lower |= s.s[j] >= 'a' && s.s[j] <= 'z', j++;
        if (j - i < 2 || !(s.s[i] >= 'A' && s.s[i] <= 'Z') || !lower)
            return 0;
        i = j + 1;
    }
    return s.n && s.s[s.n - 1] != '.';
}

/* "kath.net", "edilson.la.rosa": a dotted token is a domain or a user id. */
static int dotted_token(sv s)
{
    if (memchr(s.s, ' ', s.n) || capitalised_parts(s))
        return 0;
    for (size_t i = 1; i + 1 < s.n; i++)
        if (s.s[i] == '.' && s.s[i + 1] != ' ' && s.s[i - 1] != ' ' && s.s[i - 1] != '.' &&
            !(i >= 1 && cp_upper((unsigned char)s.s[i - 1]) && (i < 2 || s.s[i - 2] == ' ' || s.s[i - 2] == '.')))
            return 1; /* "J.R.R. Tolkien" initials are fine */
    return 0;
}

/* Does s end in a company's legal form ("Deutsches Weininstitut GmbH",
 * "Bundesverband WindEnergie e.V.", "Acme Inc.")? Such a name is the site's
 * owner or publisher, not a byline. */
static int legal_form(sv s)
{
    static const char *const FORMS[] = {"GmbH", "gGmbH", "mbH", "AG", "KG", "SE", "eG", "e.V.", "e. V.", "eV",
                                        "Ltd", "Ltd.", "Inc", "Inc.", "LLC", "plc", "PLC", "S.A.", "S.L.",
                                        "S.p.A.", "B.V.", "N.V.", "Corp.", "GmbH & Co. KG"};
    s = trim(s);
    if (!memchr(s.s, ' ', s.n))
        return 0; /* the form alone is no name */
    for (size_t k = 0; k < sizeof FORMS / sizeof FORMS[0]; k++) {
        size_t l = strlen(FORMS[k]);
        if (s.n > l && s.s[s.n - l - 1] == ' ' && !memcmp(s.s + s.n - l, FORMS[k], l))
            return 1;
    }
    return 0;
}

/* Drop names no reader would call the author: names from structured data
 * (need_shown) that the page never shows (a site owner in <meta
 * name=author>, a CMS account), user names not shown in the article zone,
 * dotted tokens. Returns how many persons remain (names that are neither
 * organisations nor the site). */
static unsigned filter_authors(mctx *c, alist *L, int need_shown, int no_site)
{
    unsigned k = 0, persons = 0;
    for (unsigned i = 0; i < L->n; i++) {
        sv nm = L->name[i];
        if (dotted_token(nm) || (no_site && is_site_name(c, nm)) || legal_form(nm))
            continue;
        if (is_handle(nm) ? need_shown >= 0 && !shown_in_zone(c, nm, 0) : need_shown > 0 && !shown_in_zone(c, nm, 1))
            continue;
        if (L->org[i] || is_site_part(c, nm.s, nm.n))
            L->org[i] = 1;
        else
            persons++;
        L->name[k] = nm;
        L->org[k] = L->org[i];
        k++;
    }
    L->n = k;
    return persons;
}

static void do_authors(mctx *c)
{
    const jl_info *jl = c->jl;
    /* sources in precedence order; the first with a person wins, else the
     * first with anything (an organisation) */
    alist *best = NULL, *cur = arena_calloc(c->a, 1, sizeof *cur);
    const char *best_src = NULL;
    if (!cur)
        return;
    for (int source = 0; source < 6; source++) {
        const char *src = NULL;
        memset(cur, 0, sizeof *cur);
        switch (source) {
        case 0: /* JSON-LD: names; URL-only authors come last */
            for (unsigned i = 0; i < jl->n_authors; i++)
                if (!jl->author_url[i])
                    add_names(c, cur, sv_of(jl->authors[i].s, jl->authors[i].n), jl->author_org[i], 1);
            src = "json-ld";
            break;
        case 1:
            authors_from_slot(c, cur, S_OG_AUTHOR);
            src = "opengraph";
            break;
        case 2:
            authors_from_slot(c, cur, S_META_AUTHOR);
            if (!cur->n)
                authors_from_twitter_label(c, cur);
            src = "meta";
            break;
        case 3:
            authors_from_slot(c, cur, S_MD_AUTHOR);
            authors_from_microdata(c, cur);
            src = "microdata";
            break;
        case 4:
            authors_from_dom(c, cur);
            src = "html";
            break;
        default:
            for (unsigned i = 0; i < jl->n_authors && !cur->n; i++)
                if (jl->author_url[i]) {
                    sv nm = name_from_url(c, sv_of(jl->authors[i].s, jl->authors[i].n));
                    if (nm.n)
                        alist_add(cur, nm, 0, 0);
                }
            src = "json-ld";
            break;
        }
        unsigned persons = filter_authors(c, cur, source <= 3 ? 1 : source == 4 ? -1 : 0, source <= 3 && source != 1);
        if (!cur->n)
            continue;
        if (!best) {
            best = cur;
            best_src = src;
            cur = arena_calloc(c->a, 1, sizeof *cur);
            if (!cur)
                break;
        }
        if (persons) {
            if (best != cur && best->n && !persons_in(best)) {
                best = cur;
                best_src = src;
            }
            break;
        }
    }
    if (!best)
        return;
    /* the publisher's own name next to persons is not an author */
    unsigned persons = persons_in(best);
    for (unsigned i = 0; i < best->n; i++) {
        if (persons && best->org[i])
            continue;
        doc_list_add(c->doc, PITH_LIST_AUTHORS, best->name[i].s, best->name[i].n, best_src);
    }
}

/* ------------------------------------------------------------ title */

/* Is s[i..] a separator left over from a cut (":", "|", "-", "–", "—",
 * "•", "·", "»")? Returns its length, else 0. */
static size_t separator_at(sv s, size_t i)
{
    unsigned char ch = (unsigned char)s.s[i];
    if (ch == ':' || ch == '|' || ch == '-')
        return 1;
    if (i + 2 < s.n && ch == 0xE2 && (unsigned char)s.s[i + 1] == 0x80 &&
        ((unsigned char)s.s[i + 2] == 0x93 || (unsigned char)s.s[i + 2] == 0x94 ||
         (unsigned char)s.s[i + 2] == 0xA2))
        return 3;
    if (i + 1 < s.n && ch == 0xC2 && ((unsigned char)s.s[i + 1] == 0xB7 || (unsigned char)s.s[i + 1] == 0xBB))
        return 2;
    return 0;
}

/* A title never starts or ends with a separator: what is left after a
 * kicker or an empty site name was cut (": Headline", "Headline |"). */
static sv trim_separators(sv t)
{
    for (int guard = 0; guard < 8; guard++) {
        t = trim(t);
        size_t l;
        if (t.n && (l = separator_at(t, 0)) && l < t.n && t.s[l] == ' ') {
            t.s += l, t.n -= l;
            continue;
        }
        size_t b = t.n ? t.n - 1 : 0;
        while (b && ((unsigned char)t.s[b] & 0xC0) == 0x80)
            b--; /* the last character starts at b */
        if (b > 1 && t.s[b - 1] == ' ' && separator_at(t, b) == t.n - b) {
            t.n = b - 1;
            continue;
        }
        break;
    }
    return t;
}

static sv first_nonempty(sv a, sv b)
{
    return a.n ? a : b;
}

/* The <title>'s last part when it looks like the site's name: short, and
 * not the longest part. {NULL, 0} otherwise. */
static sv title_site_part(sv tt)
{
    sv none = {NULL, 0};
    tpart p[8];
    unsigned np = tt.n ? split_title(tt, p) : 0;
    if (np < 2)
        return none;
    sv last = sv_of(tt.s + p[np - 1].b, p[np - 1].e - p[np - 1].b);
    int wl = word_count(last);
    if (wl > 5)
        return none;
    for (unsigned k = 0; k + 1 < np; k++)
        if (word_count(sv_of(tt.s + p[k].b, p[k].e - p[k].b)) >= wl)
            return last;
    return none;
}

/* Is heading text t the site's name: a site-like string, the <title>'s
 * site part (tsite), or that part followed by more ("ProNATs e.V. Verein ...")? */
static int heading_is_site(const mctx *c, sv t, sv tsite)
{
    if (is_site_part(c, t.s, t.n))
        return 1;
    if (!tsite.n)
        return 0;
    char kt[512], kl[256];
    size_t lt = fold_key(t.s, t.n, kt, sizeof kt), ll = fold_key(tsite.s, tsite.n, kl, sizeof kl);
    if (ll && lt == ll && !memcmp(kt, kl, ll))
        return 1;
    return ll >= 6 && lt > ll && !memcmp(kt, kl, ll);
}

/* Is heading id all link, to the site's home page ("/", "/index.html",
 * "https://host/")? The site's logo, not a headline. */
static int heading_links_home(const page *pg, nid id)
{
    const node *h = &pg->nodes[id];
    if (!h->chars || h->link_chars < h->chars)
        return 0;
    nid end = subtree_end(pg, id);
    for (nid i = id; i <= end && i < id + 16; i++) {
        const char *u = pg->nodes[i].tag == T_A ? node_attr(pg, &pg->nodes[i], A_HREF) : NULL;
        if (!u)
            continue;
        int host = 1;
        if (!strncmp(u, "https://", 8))
            u += 8;
        else if (!strncmp(u, "http://", 7))
            u += 7;
        else if (!strncmp(u, "//", 2))
            u += 2;
        else
            host = 0;
        if (host) { /* past the host: the path, "" for none */
            const char *sl = strchr(u, '/');
            u = sl ? sl : u + strlen(u);
        }
        /* relative paths ("./", "index.html") name the current folder, no home */
        if ((host && !u[0]) || !strcmp(u, "/") || !strncmp(u, "/index.", 7) || !strncmp(u, "/#", 2))
            return 1;
    }
    return 0;
}

/* A heading's text without its kicker: <h1><span class=kicker>Brexit</span>
 * Headline</h1>, <h1><small>Topic</small><br>Headline</h1>. The first
 * child (through single-child wrappers) must be a span/div/p with a class,
 * or a small, or any inline element followed by <br>; it must be short and
 * the rest must have 2+ words. A last child <small> (a subtitle, the date
 * line: <h1>Headline<br><small>02.02.2022 • Press</small></h1>) is cut
 * too. {NULL, 0} when there is neither. */
static int blank_node(const page *pg, nid id)
{
    const node *n = &pg->nodes[id];
    if (n->tag == T_TEXT) {
        for (uint32_t i = 0; i < n->text_len; i++)
            if (!is_sp((unsigned char)node_text(pg, n)[i]))
                return 0;
        return 1;
    }
    return (n->hints & H_HIDDEN) != 0;
}

static sv heading_without_kicker(const mctx *c, nid h)
{
    const page *pg = c->pg;
    sv none = {NULL, 0};
    nid cur = h;
    for (int k = 0; k < 3; k++) {
        nid only = 0;
        unsigned kids = 0;
        for (nid ch = pg->nodes[cur].first; ch && kids < 2; ch = pg->nodes[ch].next)
            if (!blank_node(pg, ch)) {
                kids++;
                only = ch;
            }
        if (kids == 1 && pg->nodes[only].tag != T_TEXT)
            cur = only;
        else
            break;
    }
    nid first = pg->nodes[cur].first;
    while (first && blank_node(pg, first))
        first = pg->nodes[first].next;
    if (!first)
        return none;
    const node *f = &pg->nodes[first];
    nid next = f->next;
    while (next && blank_node(pg, next))
        next = pg->nodes[next].next;
    if (!next)
        return none;
    int br = pg->nodes[next].tag == T_BR;
    int ok = ((f->tag == T_SPAN || f->tag == T_DIV || f->tag == T_P) && node_attr(pg, f, A_CLASS)) ||
             f->tag == T_SMALL || (br && f->tag != T_TEXT && f->tag != T_A);
    if (ok) {
        sv kick = subtree_text(c, first, 200);
        ok = kick.n && kick.n <= 80 && word_count(kick) <= 6;
    }
    /* a trailing <small> after the headline is a subtitle or the date line
     * ("Headline<br><small>02.02.2022 • Press</small>") */
    nid last = next, end = subtree_end(pg, cur);
    for (nid ch = pg->nodes[next].next; ch; ch = pg->nodes[ch].next)
        if (!blank_node(pg, ch))
            last = ch;
    if (pg->nodes[last].tag == T_SMALL && pg->nodes[last].chars <= 200 && (last != next || !ok))
        end = last - 1;
    if (!ok && end == subtree_end(pg, cur))
        return none;
    sv rest = range_text(c, ok ? next : first, end, 800);
    if (word_count(rest) < 2)
        return none;
    return rest;
}


/* A title of one-word parts ("Drucker • Etiketten • Service"): keywords, no
 * headline. */
static int keyword_list(sv t)
{
    tpart p[8];
    unsigned np = t.n ? split_title(t, p) : 0;
    if (np < 3)
        return 0;
    for (unsigned k = 0; k < np; k++)
        if (word_count(sv_of(t.s + p[k].b, p[k].e - p[k].b)) > 1)
            return 0;
    return 1;
}

/* Do two titles share words of 3+ letters: two, or one when one title is
 * short? Words of 5+ letters count by their first five ("elektronische
 * Katzenspielzeug" and "elektronisches Katzenspielzeug"), so inflected
 * forms match. */
static int share_word(sv a, sv b)
{
    toks ta, tb;
    tokenize_stem(a.s, a.n, &ta, 3, 5);
    tokenize_stem(b.s, b.n, &tb, 3, 5);
    unsigned ov = overlap(&ta, &tb), mn = ta.n < tb.n ? ta.n : tb.n;
    return ov >= 2 || (ov >= 1 && ov * 2 >= mn);
}

/* Order for heading candidates: the start of the region first, then
 * upwards from it, then the rest of the region, then below it. */
static uint32_t heading_dist(const mctx *c, nid id)
{
    if (!c->rs)
        return id;
    if (id >= c->rs && id <= c->re)
        return id - c->rs <= 60 ? id - c->rs : 2 * (id - c->rs);
    if (id < c->rs)
        return 2 * (c->rs - id);
    return 0x40000000u + id;
}

/* A text's folded key and word tokens, computed once for many comparisons. */
typedef struct tkey {
    sv k;
    toks t;
} tkey;

static void make_tkey(arena *a, sv s, tkey *out)
{
    char *b = s.n ? arena_alloc(a, 512) : NULL;
    out->k.s = b;
    out->k.n = b ? fold_key(s.s, s.n, b, 512) : 0;
    if (s.n)
        tokenize(s.s, s.n, &out->t);
    else
        out->t.n = 0;
}

static int tkey_eq(const tkey *a, const tkey *b)
{
    return a->k.n && a->k.n == b->k.n && !memcmp(a->k.s, b->k.s, a->k.n);
}

/* "Kicker Headline" vs "Headline": a ends with b, b substantial. */
static int tkey_ends_with(const tkey *a, const tkey *b)
{
    return b->k.n >= 12 && a->k.n > b->k.n && !memcmp(a->k.s + a->k.n - b->k.n, b->k.s, b->k.n);
}

/* heading_matches on precomputed tokens. */
static int tkey_matches(const tkey *h, const tkey *r)
{
    if (!h->t.n || !r->t.n)
        return 0;
    unsigned ov = overlap(&h->t, &r->t);
    return ov * 10 >= h->t.n * 9 && ov * 2 >= r->t.n;
}

typedef struct hcand {
    nid id;
    uint32_t dist;
    sv full, rest; /* rest: without a kicker, or {NULL, 0} */
    tkey kfull, krest;
} hcand;

/* The headline element and its text. refs are the declared and <title>
 * texts (cleaned and raw). Candidates are h1s (nearest the region first),
 * then headline-classed elements around the region (not linked teasers, not
 * in a breadcrumb or menu); a kicker or a trailing <small> inside a heading
 * is dropped. In order of strength: a heading equal to a cleaned ref (or to
 * the leading parts of one), a heading that is a kicker plus a ref (the
 * ref's text is taken, *matched = 2, unless the kicker is an element of its
 * own), a heading a ref or a ref's last part fuzzily matches. Without a
 * match, fallback_h1(); without that, an h2..h4 at the article's start that
 * equals or matches a ref gives the text (*matched = 3, returns 0).
 * Site-name and home-link headings are never the headline; *site_h1 says an
 * h1 read as the <title>'s last part (the logo). */
static nid fallback_h1(mctx *c, const hcand *hc, unsigned n_h1, const sv *refs, int have_decl, sv *out);

static nid pick_heading(mctx *c, const sv *refs, sv tt, int have_decl, sv *out, int *matched, int *site_h1)
{
    *matched = 0;
    *site_h1 = 0;
    out->s = NULL;
    out->n = 0;
    /* prefixes of the titles' parts ("Headline | Section | Site" -> "Headline",
     * "Headline | Section"); their last parts for fuzzy matches ("Tagline -
     * Headline") */
    sv pre[16], last[2] = {{NULL, 0}, {NULL, 0}};
    unsigned npre = 0;
    for (int r = 0; r < 2; r++) {
        tpart p[8];
        if (!refs[r].n)
            continue;
        unsigned np = split_title(refs[r], p);
        for (unsigned k = 1; k < np && npre < 16; k++)
            pre[npre++] = trim(sv_of(refs[r].s + p[0].b, p[k - 1].e - p[0].b));
        if (np >= 2)
            last[r] = sv_of(refs[r].s + p[np - 1].b, p[np - 1].e - p[np - 1].b);
    }
    hcand *hc = arena_alloc(c->a, 2 * MAX_CAND * sizeof *hc);
    tkey *rk = arena_alloc(c->a, 20 * sizeof *rk); /* refs[0..4), then pre[0..npre) */
    unsigned nh = 0, n_h1 = 0;
    if (!hc || !rk)
        return 0;
    for (int r = 0; r < 4; r++)
        make_tkey(c->a, refs[r], &rk[r]);
    for (unsigned r = 0; r < npre; r++)
        make_tkey(c->a, pre[r], &rk[4 + r]);
    tkey lk[2];
    make_tkey(c->a, last[0], &lk[0]);
    make_tkey(c->a, last[1], &lk[1]);
    sv tsite = title_site_part(tt);
    for (int pass = 0; pass < 2; pass++) {
        const nid *cand = pass ? c->titleish : c->h1s;
        unsigned nc = pass ? c->n_titleish : c->n_h1;
        unsigned from = nh;
        for (unsigned k = 0; k < nc; k++) {
            if (pass && c->rs && (cand[k] + 400 < c->rs || cand[k] > c->re))
                continue; /* headline-classed elements only around the article */
            if (pass && n_h1 && c->pg->nodes[cand[k]].link_chars >= c->pg->nodes[cand[k]].chars)
                continue; /* a linked teaser title beside the page's h1s */
            if (pass && (c->pg->nodes[cand[k]].hints & H_NAV))
                continue; /* the page's name in a breadcrumb or menu */
            if (heading_links_home(c->pg, cand[k]))
                continue; /* the site's logo */
            sv t = subtree_text(c, cand[k], 600);
            if (t.n < 2)
                continue;
            if (heading_is_site(c, t, tsite)) {
                if (!pass && !is_site_part(c, t.s, t.n))
                    *site_h1 = 1; /* the <title>'s last part is the logo's text */
                continue;
            }
            hcand *h = &hc[nh++];
            h->id = cand[k];
            h->dist = heading_dist(c, cand[k]);
            h->full = t;
            h->rest = heading_without_kicker(c, cand[k]);
            make_tkey(c->a, h->full, &h->kfull);
            make_tkey(c->a, h->rest, &h->krest);
        }
        /* insertion sort by distance within the pass */
        for (unsigned i = from + 1; i < nh; i++) {
            hcand x = hc[i];
            unsigned j = i;
            while (j > from && hc[j - 1].dist > x.dist) {
                hc[j] = hc[j - 1];
                j--;
            }
            hc[j] = x;
        }
        if (!pass)
            n_h1 = nh;
    }
    for (int level = 0; level < 3; level++)
        for (unsigned k = 0; k < nh; k++) {
            const hcand *h = &hc[k];
            for (int v = 0; v < 2; v++) {
                sv t = v ? h->full : h->rest;
                const tkey *tk = v ? &h->kfull : &h->krest;
                if (!t.n)
                    continue;
                int hit = 0, whole = 0;
                if (level == 0) {
                    for (unsigned r = 0; r < 4 + npre && !hit; r++)
                        if ((hit = tkey_eq(tk, &rk[r])) && v) {
                            sv rt = r < 4 ? refs[r] : pre[r - 4];
                            whole = rt.n == t.n && !memcmp(rt.s, t.s, t.n);
                        }
                } else if (level == 1) {
                    for (int r = 0; r < 2; r++)
                        if (tkey_ends_with(tk, &rk[r])) { /* "Kicker Headline" */
                            /* the heading's own kicker element, when it has
                             * one, says where the headline starts: og:title
                             * may carry part of the kicker ("Nach Corona-
                             * Lockerungen" / "Corona-Lockerungen: Headline") */
                            *out = h->rest.n ? h->rest : refs[r];
                            *matched = h->rest.n ? 1 : 2;
                            return h->id;
                        }
                } else {
                    for (int r = 0; r < 4 && !hit; r++)
                        hit = tkey_matches(tk, &rk[r]);
                    for (int r = 0; r < 2 && !hit; r++)
                        hit = tkey_matches(tk, &lk[r]);
                }
                if (hit) {
                    /* a kicker never belongs to the title, unless a declared
                     * or <title> text reads as the whole heading, kicker and
                     * all, with no separator after it ("Ehezoff der Pochers
                     * eskaliert", not "Klimaschutz: Bohren, bis ...") */
                    *out = h->rest.n && !whole ? h->rest : t;
                    *matched = 1;
                    return h->id;
                }
            }
        }
    /* no match: the h1 that opens the region, or the nearest above it */
    nid id = fallback_h1(c, hc, n_h1, refs, have_decl, out);
    if (id)
        return id;
    /* no headline element: an h2..h4 around the article's start that equals
     * a title or one of its leading parts, or matches one (*matched = 3; its
     * text is the title, it is no h1 for the zone) */
    unsigned nheads = c->n_heads < 8 ? c->n_heads : 8;
    tkey *hk = nheads ? arena_alloc(c->a, nheads * sizeof *hk) : NULL;
    sv *ht = nheads ? arena_alloc(c->a, nheads * sizeof *ht) : NULL;
    if (!hk || !ht)
        return 0;
    for (unsigned k = 0; k < nheads; k++) {
        ht[k] = subtree_text(c, c->heads[k], 400);
        if (ht[k].n < 2 || heading_is_site(c, ht[k], tsite))
            ht[k].n = 0;
        make_tkey(c->a, ht[k], &hk[k]);
    }
    for (int level = 0; level < 2; level++)
        for (unsigned k = 0; k < nheads; k++) {
            if (!ht[k].n)
                continue;
            int hit = 0;
            if (level == 0)
                for (unsigned r = 0; r < 4 + npre && !hit; r++)
                    hit = tkey_eq(&hk[k], &rk[r]);
            else
                for (int r = 0; r < 2 && !hit; r++)
                    hit = tkey_matches(&hk[k], &rk[r]);
            if (hit) {
                *out = ht[k];
                *matched = 3;
                return 0;
            }
        }
    return 0;
}

/* pick_heading without a match: the h1 that opens the region (or the nearest
 * above it, or the page's only h1 inside the region) when it shares words
 * with the cleaned titles (stems) or the <title> says nothing, and is not the
 * site's name in other words. */
static nid fallback_h1(mctx *c, const hcand *hc, unsigned n_h1, const sv *refs, int have_decl, sv *out)
{
    const hcand *best = NULL;
    for (unsigned k = 0; k < n_h1 && c->rs; k++) {
        nid id = hc[k].id;
        if ((id >= c->rs && id <= c->rs + 60 && id <= c->re) || (id < c->rs && id + 400 >= c->rs)) {
            best = &hc[k];
            break;
        }
    }
    if (!best && n_h1 == 1 && c->n_h1 == 1 && !refs[0].n && !refs[1].n)
        best = &hc[0];
    /* the page's only h1, inside the region */
    if (!best && n_h1 == 1 && c->n_h1 == 1 && hc[0].id >= c->rs && hc[0].id <= c->re)
        best = &hc[0];
    if (!best)
        return 0;
    sv t = best->rest.n ? best->rest : best->full;
    if (t.n < 4 || text_is_furniture_phrase(t.s, t.n))
        return 0;
    /* "Minecraft News" on the site "Minecraft Update News": the blog's name */
    sv site = meta_val(c, S_OG_SITE);
    if (site.n) {
        toks th, ts;
        tokenize(t.s, t.n, &th);
        tokenize(site.s, site.n, &ts);
        if (th.n >= 2 && overlap(&th, &ts) == th.n)
            return 0;
    }
    /* an h1 unrelated to the titles is a section or site label, unless the
     * <title> says nothing (one word, the site's name, a keyword list) */
    int weak_tt = !have_decl && (word_count(refs[1]) <= 1 || is_site_part(c, refs[1].s, refs[1].n) ||
                                 keyword_list(refs[1]));
    if (!weak_tt && !share_word(t, refs[0]) && !share_word(t, refs[1]))
        return 0;
    *out = t;
    return best->id;
}

/* Of "A - B - C", the longest side of a split (prefix or suffix of parts,
 * 3+ words) that the article zone shows while the other side it does not. */
static sv title_part_shown(mctx *c, sv t)
{
    sv best = {NULL, 0};
    tpart p[8];
    unsigned np = split_title(t, p);
    for (unsigned k = 1; k < np; k++) {
        sv pre = trim(sv_of(t.s + p[0].b, p[k - 1].e - p[0].b));
        sv suf = trim(sv_of(t.s + p[k].b, p[np - 1].e - p[k].b));
        int a = word_count(pre) >= 3 && shown_in_zone(c, pre, 0);
        int b = word_count(suf) >= 3 && shown_in_zone(c, suf, 0);
        if (a == b)
            continue;
        sv side = a ? pre : suf;
        if (side.n > best.n)
            best = side;
    }
    return best;
}

static void do_title(mctx *c)
{
    const page *pg = c->pg;
    const jl_info *jl = c->jl;
    sv decl = {NULL, 0};
    const char *decl_src = NULL;
    if (jl->rank >= 2 && jl->headline.s) {
        decl = jl_val(c, jl->headline);
        decl_src = "json-ld";
    }
    if (!decl.n && (decl = meta_val(c, S_OG_TITLE)).n)
        decl_src = "opengraph";
    if (!decl.n && (decl = first_nonempty(meta_val(c, S_TW_TITLE), meta_val(c, S_META_TITLE))).n)
        decl_src = "meta";
    if (!decl.n && (decl = meta_val(c, S_MD_HEADLINE)).n)
        decl_src = "microdata";
    if (!decl.n) {
        for (uint32_t i = 0; i < pg->n_meta; i++)
            if (pg->meta[i].kind == MI_ITEMPROP && is_key(&pg->meta[i], "headline") &&
                !hint_below_region(c, pg->meta[i].node, H_RELATED | H_NAV, 40)) {
                decl = itemprop_value(c, &pg->meta[i], 600);
                decl_src = "microdata";
                break;
            }
    }
    if (!decl.n && jl->rank >= 2 && jl->name.s) {
        decl = jl_val(c, jl->name);
        decl_src = "json-ld";
    }
    sv tt = {NULL, 0};
    for (uint32_t i = 0; i < pg->n_meta; i++)
        if (pg->meta[i].kind == MI_TITLE) {
            tt = clean_copy(c->a, pg->meta[i].value, pg->meta[i].value_len);
            break;
        }
    if (!tt.n && jl->rank == 1 && jl->name.s)
        tt = jl_val(c, jl->name);
    sv decl_c = decl.n ? clean_title(c, decl) : decl;
    sv tt_c = tt.n ? clean_title(c, tt) : tt;

    /* the headline element (see pick_heading) */
    sv refs[4] = {decl_c, tt_c, decl, tt};
    sv h1t = {NULL, 0};
    int matched = 0;
    int site_h1 = 0;
    nid h1 = pick_heading(c, refs, tt, decl.n != 0, &h1t, &matched, &site_h1);
    c->h1 = h1;
    if (site_h1) {
        /* an h1 (the logo) reads as the <title>'s last part: that part is
         * the site's name ("Kinder und Arbeit » ProNATs e.V." under the h1
         * "ProNATs e.V. Verein zur ...") */
        sv tsite = title_site_part(tt);
        decl_c = cut_last_part(decl_c, tsite);
        tt_c = cut_last_part(tt_c, tsite);
    }
    /* the zone around the article: from just above the headline to the region's end */
    if (c->rs) {
        nid zs = c->rs;
        if (c->h1 && c->h1 < zs && zs - c->h1 < 3000)
            zs = c->h1;
        c->zs = zs > 40 ? zs - 40 : 1;
        c->ze = c->re;
        if (c->h1 > c->ze) /* headline after the region (rare): include it */
            c->ze = subtree_end(pg, c->h1);
        /* the rest of the <article> element that holds the region: its
         * footer line carries the byline in many blog themes */
        c->art_end = c->ze;
        for (nid a = pg->nodes[c->rs].parent; a; a = pg->nodes[a].parent)
            if (pg->nodes[a].tag == T_ARTICLE) {
                nid end = subtree_end(pg, a);
                if (end > c->ze && end - c->ze < 2000)
                    c->art_end = end;
                break;
            }
        /* without an <article>: the rest of the region root's parent when it
         * is short (<div id=article><div class=text>...</div><div
         * id=meta>Name</div></div>) */
        nid rp = pg->nodes[c->rs].parent;
        if (c->art_end == c->ze && rp && pg->nodes[rp].tag != T_BODY) {
            nid end = subtree_end(pg, rp);
            if (end > c->ze && end - c->ze < 200)
                c->art_end = end;
        }
    }

    sv title = {NULL, 0};
    const char *src = NULL;
    if ((h1 || matched == 3) && h1t.n) {
        title = h1t;
        src = matched == 2 ? decl_src : "html";
        if (matched == 2 && !key_eq(h1t.s, h1t.n, decl_c.s, decl_c.n))
            src = "html";
    } else if (decl_c.n) {
        title = decl_c;
        src = decl_src;
    } else if (tt_c.n) {
        title = tt_c;
        src = "html";
    }
    if (title.n && !h1 && matched != 3) {
        /* "Site - Headline" with nothing naming the site: the part the article shows */
        sv part = title_part_shown(c, title);
        if (part.n)
            title = part;
    }
    title = trim_separators(title);
    if (title.n) {
        if (title.n > 1000)
            title.n = utf8_valid_prefix(title.s, 1000);
        doc_set_field(c->doc, PITH_FIELD_TITLE, title.s, title.n, src);
        c->title = title;
    }
}

/* ------------------------------------------------------------ section, tags */

/* The value of the first itemprop=key element around the article. */
static sv itemprop_text(const mctx *c, const char *key)
{
    for (uint32_t i = 0; i < c->pg->n_meta; i++) {
        const meta_item *m = &c->pg->meta[i];
        if (m->kind == MI_ITEMPROP && is_key(m, key) && (!c->ze || in_zone(c, m->node) || m->node < c->zs) &&
            !hint_below_region(c, m->node, H_RELATED | H_NAV | H_COMMENT, 40))
            return itemprop_value(c, m, 200);
    }
    return sv_of(NULL, 0);
}

/* "СВІТ" -> "Світ", "POLITICS" -> "Politics"; short acronyms stay. */
static sv norm_caps(const mctx *c, sv s)
{
    char *o = arena_alloc(c->a, s.n * 2 + 8);
    if (!o)
        return s;
    size_t k = 0, i = 0;
    const unsigned char *u = (const unsigned char *)s.s;
    while (i < s.n) {
        /* one word */
        size_t j = i;
        unsigned letters = 0, upper = 0, lower = 0;
        while (j < s.n && u[j] != ' ') {
            size_t adv;
            uint32_t cp = utf8_decode(u + j, s.n - j, &adv);
            if (cp_word(cp) && !(cp >= '0' && cp <= '9')) {
                letters++;
                upper += cp_upper(cp) != 0;
                lower += cp_lower(cp) != 0;
            }
            j += adv;
        }
        if (letters >= 4 && upper == letters && !lower) {
            size_t adv;
            utf8_decode(u + i, s.n - i, &adv);
            memcpy(o + k, s.s + i, adv);
            k += adv;
            k += utf8_fold(s.s + i + adv, j - i - adv, o + k, (j - i) * 2 + 8);
        } else {
            memcpy(o + k, s.s + i, j - i);
            k += j - i;
        }
        while (j < s.n && u[j] == ' ')
            o[k++] = (char)u[j++];
        i = j;
    }
    o[k] = '\0';
    return sv_of(o, k);
}

static int section_ok(const mctx *c, sv s)
{
    if (!s.n || s.n > 60 || word_count(s) > 5 || word_count(s) == 0)
        return 0;
    date_value d;
    if (date_parse(s.s, s.n, c->pg->lang, c->pg->ref_time, DATE_TEXT, &d, NULL, NULL))
        return 0;
    for (size_t i = 0; i < s.n; i++)
        if ((s.s[i] == '.' && i + 1 < s.n && s.s[i + 1] == ' ') || s.s[i] == '!' || s.s[i] == '?' || s.s[i] == '|')
            return 0; /* "U.S." is a section, "Read more. Now" is not */
    return 1;
}

static int home_word(sv s)
{
    static const char *const HOME[] = {"home", "start", "startseite", "homepage", "головна", "главная", "accueil",
                                       "inicio", "portada", "strona główna", "news", "home page", "index",
                                       "hauptseite", "forside", "etusivu", "hem", "úvod", "főoldal"};
    char f[64];
    if (s.n > 30)
        return 0;
    size_t fl = utf8_fold(s.s, s.n, f, sizeof f - 1);
    f[fl] = '\0';
    for (size_t k = 0; k < sizeof HOME / sizeof HOME[0]; k++)
        if (!strcmp(f, HOME[k]))
            return 1;
    return 0;
}

/* A short link text right above the headline ("Politics", "СВІТ"). */
static sv section_above_h1(const mctx *c)
{
    sv none = {NULL, 0};
    const page *pg = c->pg;
    if (!c->h1)
        return none;
    unsigned seen = 0;
    for (nid i = c->h1 - 1; i > 0 && seen < 12; i--, seen++) {
        const node *n = &pg->nodes[i];
        if (n->tag == T_H1 || n->tag == T_H2 || n->tag == T_P || n->tag == T_IMG)
            break;
        if (n->tag != T_TEXT || n->text_len < 3)
            continue;
        sv t = clean_copy(c->a, node_text(pg, n), n->text_len);
        if (!t.n)
            continue;
        nid par = n->parent;
        if (!par || pg->nodes[par].tag != T_A || has_ancestor_hint(pg, par, H_NAV | H_RELATED, 6))
            return none;
        if (pg->nodes[par].chars > 40 || !section_ok(c, t))
            return none;
        size_t adv;
        uint32_t cp = utf8_decode((const unsigned char *)t.s, t.n, &adv);
        if (!cp_upper(cp))
            return none;
        return t;
    }
    return none;
}

static void do_section(mctx *c)
{
    const jl_info *jl = c->jl;
    sv s = {NULL, 0};
    const char *src = NULL;
    if (jl->section.s && section_ok(c, (s = jl_val(c, jl->section))))
        src = "json-ld";
    else if (section_ok(c, (s = meta_val(c, S_OG_SECTION))))
        src = "opengraph";
    else if (section_ok(c, (s = meta_val(c, S_META_SECTION))))
        src = "meta";
    else if (section_ok(c, (s = meta_val(c, S_MD_SECTION))) || section_ok(c, (s = itemprop_text(c, "articlesection"))))
        src = "microdata";
    else {
        s.n = 0;
        if (jl->n_crumbs >= 2) {
            /* trail: [Home] > Section > ... > [this article] */
            int last = (int)jl->n_crumbs - 1;
            sv l = jl_val(c, jl->crumbs[last]);
            if (c->title.n && (heading_matches(l, c->title) || heading_matches(c->title, l) || l.n > 60))
                last--;
            if (last >= 1 || (last == 0 && !home_word(jl_val(c, jl->crumbs[0])))) {
                sv t = jl_val(c, jl->crumbs[last]);
                if (!home_word(t) && section_ok(c, t)) {
                    s = t;
                    src = "json-ld";
                }
            }
        }
        if (!s.n) {
            s = section_above_h1(c);
            if (s.n)
                src = "html";
        }
    }
    if (!src || !s.n)
        return;
    s = norm_caps(c, s);
    doc_set_field(c->doc, PITH_FIELD_SECTION, s.s, s.n, src);
}

static void add_tags(mctx *c, sv v, const char *src)
{
    size_t b = 0;
    for (size_t i = 0; i <= v.n; i++) {
        if (i == v.n || v.s[i] == ',' || v.s[i] == ';' || v.s[i] == '|') {
            sv t = trim(sv_of(v.s + b, i - b));
            if (t.n && t.n <= 80 && c->doc->lists[PITH_LIST_TAGS].n < 32) {
                int dup = 0;
                const str_list *L = &c->doc->lists[PITH_LIST_TAGS];
                for (size_t k = 0; k < L->n && !dup; k++)
                    dup = key_eq(L->items[k], L->lens[k], t.s, t.n);
                if (!dup)
                    doc_list_add(c->doc, PITH_LIST_TAGS, t.s, t.n, src);
            }
            b = i + 1;
        }
    }
}

static void tags_from_slot(mctx *c, int slot, const char *src)
{
    if (!c->first[slot])
        return;
    for (uint32_t i = c->first[slot] - 1; i < c->pg->n_meta; i++)
        if (c->slot[i] == slot)
            add_tags(c, clean_copy(c->a, c->pg->meta[i].value, c->pg->meta[i].value_len), src);
}

static void do_tags(mctx *c)
{
    const jl_info *jl = c->jl;
    for (unsigned i = 0; i < jl->n_keywords; i++)
        add_tags(c, jl_val(c, jl->keywords[i]), "json-ld");
    if (!c->doc->lists[PITH_LIST_TAGS].n)
        tags_from_slot(c, S_OG_TAG, "opengraph");
    if (!c->doc->lists[PITH_LIST_TAGS].n)
        tags_from_slot(c, S_META_KEYWORDS, "meta");
    if (!c->doc->lists[PITH_LIST_TAGS].n)
        tags_from_slot(c, S_MD_KEYWORDS, "microdata");
}

/* ------------------------------------------------------------ the rest */

static void set_sv(mctx *c, pith_field f, sv v, const char *src)
{
    if (v.n)
        doc_set_field(c->doc, f, v.s, v.n, src);
}

static void do_site_name(mctx *c)
{
    const jl_info *jl = c->jl;
    sv s;
    if ((s = meta_val(c, S_OG_SITE)).n)
        set_sv(c, PITH_FIELD_SITE_NAME, s, "opengraph");
    else if (jl->publisher.s && (s = jl_val(c, jl->publisher)).n)
        set_sv(c, PITH_FIELD_SITE_NAME, s, "json-ld");
    else if (jl->website.s && (s = jl_val(c, jl->website)).n)
        set_sv(c, PITH_FIELD_SITE_NAME, s, "json-ld");
    else if ((s = meta_val(c, S_APP_NAME)).n || (s = meta_val(c, S_META_PUBLISHER)).n)
        set_sv(c, PITH_FIELD_SITE_NAME, s, "meta");
    else {
        /* the <title> part that names the host */
        for (uint32_t i = 0; i < c->pg->n_meta; i++) {
            if (c->pg->meta[i].kind != MI_TITLE)
                continue;
            sv t = clean_copy(c->a, c->pg->meta[i].value, c->pg->meta[i].value_len);
            tpart p[8];
            unsigned np = split_title(t, p);
            if (np >= 2) {
                sv last = sv_of(t.s + p[np - 1].b, p[np - 1].e - p[np - 1].b);
                sv first = sv_of(t.s + p[0].b, p[0].e - p[0].b);
                if (is_site_part(c, last.s, last.n))
                    set_sv(c, PITH_FIELD_SITE_NAME, last, "html");
                else if (is_site_part(c, first.s, first.n))
                    set_sv(c, PITH_FIELD_SITE_NAME, first, "html");
            }
            break;
        }
    }
}

static void do_lead(mctx *c)
{
    const jl_info *jl = c->jl;
    sv s;
    if (jl->description.s && (s = jl_val(c, jl->description)).n)
        set_sv(c, PITH_FIELD_LEAD, s, "json-ld");
    else if ((s = meta_val(c, S_OG_DESC)).n)
        set_sv(c, PITH_FIELD_LEAD, s, "opengraph");
    else if ((s = meta_val(c, S_META_DESC)).n || (s = meta_val(c, S_TW_DESC)).n)
        set_sv(c, PITH_FIELD_LEAD, s, "meta");
    else {
        for (unsigned k = 0; k < c->n_leads; k++)
            if (!c->ze || in_zone(c, c->leads[k])) {
                s = subtree_text(c, c->leads[k], 2000);
                if (s.n >= 40) {
                    set_sv(c, PITH_FIELD_LEAD, s, "html");
                    break;
                }
            }
    }
}

static void do_urls(mctx *c)
{
    const page *pg = c->pg;
    sv canon = {NULL, 0};
    const char *src = NULL;
    for (uint32_t i = 0; i < pg->n_meta; i++) {
        const meta_item *m = &pg->meta[i];
        if (m->kind == MI_LINK && m->key && !strcasecmp(m->key, "canonical") && m->value_len) {
            canon = resolve_url(c, sv_of(m->value, m->value_len));
            src = "html";
            if (canon.n)
                break;
        }
    }
    if (!canon.n && (canon = resolve_url(c, meta_val(c, S_OG_URL))).n)
        src = "opengraph";
    if (!canon.n && c->jl->url.s && (canon = resolve_url(c, jl_val(c, c->jl->url))).n)
        src = "json-ld";
    if (canon.n)
        set_sv(c, PITH_FIELD_CANONICAL_URL, canon, src);
    sv img;
    if ((img = resolve_url(c, meta_val(c, S_OG_IMAGE))).n)
        set_sv(c, PITH_FIELD_IMAGE, img, "opengraph");
    else if (c->jl->image.s && (img = resolve_url(c, jl_val(c, c->jl->image))).n)
        set_sv(c, PITH_FIELD_IMAGE, img, "json-ld");
    else if ((img = resolve_url(c, meta_val(c, S_TW_IMAGE))).n)
        set_sv(c, PITH_FIELD_IMAGE, img, "meta");
}

/* ------------------------------------------------------------ entry */

void meta_extract(page *pg, pith_doc *doc)
{
    mctx *c = arena_calloc(pg->mem, 1, sizeof *c);
    jl_info *jl = arena_calloc(pg->mem, 1, sizeof *jl);
    if (!c || !jl)
        return;
    c->pg = pg;
    c->doc = doc;
    c->a = pg->mem;
    c->jl = jl;
    c->slot = pg->n_meta ? arena_calloc(pg->mem, pg->n_meta, 1) : NULL;
    if (pg->n_meta && !c->slot)
        return;
    int has_jsonld = 0;
    const meta_item *title_item = NULL;
    for (uint32_t i = 0; i < pg->n_meta; i++) {
        const meta_item *m = &pg->meta[i];
        if (m->kind == MI_JSONLD)
            has_jsonld = 1;
        else if (m->kind == MI_TITLE && !title_item)
            title_item = m;
        if (m->kind != MI_META || !m->value || !m->value_len)
            continue;
        uint8_t s = slot_of(pg, m);
        c->slot[i] = s;
        if (s && !c->first[s])
            c->first[s] = i + 1;
    }
    if (has_jsonld) {
        sv hint = meta_val(c, S_OG_TITLE);
        if (!hint.n && title_item)
            hint = sv_of(title_item->value, title_item->value_len);
        jsonld_read(pg, hint.s, hint.n, jl);
        if (jl->rank >= 2 && jl->body.s) { /* for pith.c's fallback when the DOM held no article */
            pg->ld_body = jl->body.s;
            pg->ld_body_len = jl->body.n;
        }
    }
    find_region(c);
    node_pass(c);
    c->base_url = pg->url;
    do_urls(c);
    if (!c->base_url && doc->f[PITH_FIELD_CANONICAL_URL].v)
        c->base_url = doc->f[PITH_FIELD_CANONICAL_URL].v;

    /* names of the site, for title cleaning and author filtering */
    sv s;
    if ((s = meta_val(c, S_OG_SITE)).n)
        add_site_key(c, s.s, s.n);
    if (jl->publisher.s)
        add_publisher_key(c, jl->publisher.s, jl->publisher.n);
    if (jl->website.s)
        add_site_key(c, jl->website.s, jl->website.n);
    if ((s = meta_val(c, S_APP_NAME)).n)
        add_site_key(c, s.s, s.n);
    if ((s = meta_val(c, S_META_PUBLISHER)).n)
        add_publisher_key(c, s.s, s.n);
    add_site_url(c, pg->url);
    add_site_url(c, doc->f[PITH_FIELD_CANONICAL_URL].v);
    if ((s = meta_val(c, S_OG_URL)).n)
        add_site_url(c, s.s);

    do_language(c);
    do_title(c);
    do_site_name(c);
    do_dates(c);
    do_authors(c);
    do_section(c);
    do_tags(c);
    do_lead(c);
}
