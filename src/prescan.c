/* prescan.c — bound the nesting an HTML tree builder will see.
 *
 * Takes UTF-8 HTML and gives the same bytes, or a copy without the start
 * and end tags that would nest deeper than the limits. It runs before
 * MyHTML because the WHATWG tree builder is quadratic in nesting depth:
 * every block start tag checks "a p element in button scope" by walking the
 * stack of open elements (measured: 20,000 nested <div>s take 1.2 s, 200,000
 * take 190 s), and every open formatting element is re-checked by the
 * "reconstruct the active formatting elements" step (100,000 nested <b><i>
 * take ~10 s). A page within the limits is passed through untouched (one
 * memchr-driven scan); a page over them is copied once, with the excess tags
 * left out so their content joins the deepest kept ancestor. Tags that the
 * tree builder closes implicitly (p, li, td, option ...) and void elements
 * do not count; raw-text elements (script, style, textarea ...) are skipped.
 */
#include "internal.h"

#include <string.h>

typedef enum tag_kind { K_OTHER, K_VOID, K_AUTO, K_FORMAT, K_RAW } tag_kind;

static int name_is(const char *s, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    if (n != k)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != lit[i])
            return 0;
    }
    return 1;
}

typedef struct tag_entry {
    const char *name;
    uint8_t len;
    uint8_t kind;
} tag_entry;

#define TE(n, k) {n, sizeof(n) - 1, k}
static const tag_entry TAG_KINDS[] = {
    TE("a", K_FORMAT), TE("b", K_FORMAT), TE("i", K_FORMAT), TE("p", K_AUTO), TE("s", K_FORMAT),
    TE("u", K_FORMAT), TE("br", K_VOID), TE("dd", K_AUTO), TE("dt", K_AUTO), TE("em", K_FORMAT),
    TE("hr", K_VOID), TE("li", K_AUTO), TE("rb", K_AUTO), TE("rp", K_AUTO), TE("rt", K_AUTO),
    TE("td", K_AUTO), TE("th", K_AUTO), TE("tr", K_AUTO), TE("tt", K_FORMAT), TE("big", K_FORMAT),
    TE("col", K_VOID), TE("img", K_VOID), TE("rtc", K_AUTO), TE("wbr", K_VOID), TE("xmp", K_RAW),
    TE("area", K_VOID), TE("base", K_VOID), TE("body", K_AUTO), TE("code", K_FORMAT), TE("font", K_FORMAT),
    TE("head", K_AUTO), TE("html", K_AUTO), TE("link", K_VOID), TE("meta", K_VOID), TE("nobr", K_FORMAT),
    TE("embed", K_VOID), TE("frame", K_VOID), TE("image", K_VOID), TE("input", K_VOID), TE("param", K_VOID),
    TE("small", K_FORMAT), TE("style", K_RAW), TE("tbody", K_AUTO), TE("tfoot", K_AUTO), TE("thead", K_AUTO),
    TE("title", K_RAW), TE("track", K_VOID), TE("iframe", K_RAW), TE("keygen", K_VOID), TE("option", K_AUTO),
    TE("script", K_RAW), TE("source", K_VOID), TE("strike", K_FORMAT), TE("strong", K_FORMAT),
    TE("bgsound", K_VOID), TE("caption", K_AUTO), TE("noembed", K_RAW), TE("basefont", K_VOID),
    TE("colgroup", K_AUTO), TE("frameset", K_AUTO), TE("noframes", K_RAW), TE("optgroup", K_AUTO),
    TE("textarea", K_RAW), TE("plaintext", K_RAW),
};
#undef TE

static tag_kind classify(const char *s, size_t n)
{
    char low[10];
    if (n == 0 || n > 9)
        return K_OTHER;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    for (size_t i = 0; i < sizeof TAG_KINDS / sizeof TAG_KINDS[0]; i++) {
        const tag_entry *e = &TAG_KINDS[i];
        if (e->len > n)
            break; /* sorted by length */
        if (e->len == n && e->name[0] == low[0] && memcmp(e->name, low, n) == 0)
            return (tag_kind)e->kind;
    }
    return K_OTHER;
}

static int is_alpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

/* End of a tag starting at s[i] == '<': index just past '>' (quotes respected), or n. */
static size_t tag_end(const char *s, size_t n, size_t i)
{
    char q = 0;
    for (size_t j = i + 1; j < n; j++) {
        char c = s[j];
        if (q) {
            if (c == q)
                q = 0;
        } else if (c == '"' || c == '\'') {
            /* quotes only matter inside attribute values: after '=' */
            size_t k = j;
            while (k > i && (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '\n'))
                k--;
            if (k > i && s[k - 1] == '=')
                q = c;
        } else if (c == '>') {
            return j + 1;
        }
    }
    return n;
}

/* Case-insensitive search for "</name" from i; returns its index or n. */
static size_t find_close(const char *s, size_t n, size_t i, const char *name, size_t nl)
{
    while (i < n) {
        const char *p = memchr(s + i, '<', n - i);
        if (!p)
            return n;
        size_t j = (size_t)(p - s);
        if (j + 2 + nl <= n && s[j + 1] == '/' && name_is(s + j + 2, nl, name)) {
            unsigned char after = j + 2 + nl < n ? (unsigned char)s[j + 2 + nl] : '>';
            if (!is_alpha(after) && !(after >= '0' && after <= '9'))
                return j;
        }
        i = j + 1;
    }
    return n;
}

pith_status prescan_limit(page *pg, const char *s, size_t n, int writable, const char **out, size_t *out_n)
{
    unsigned max_depth = pg->opt->max_depth, max_fmt = pg->opt->max_formatting;
    unsigned depth = 0, fdepth = 0, dropped = 0, fdropped = 0;
    /* The tree builder spends ~470 bytes per node (two per tag: element and
     * text), pith ~120 more; elements beyond what the
     * memory bound (64 MiB + 8 x input; real pages use under a quarter of it)
     * affords, or beyond max_nodes/2, are
     * cut off with the rest of the page (pith_stats.truncated bit 2). */
    uint64_t tags = 0, max_tags = ((uint64_t)64 * 1024 * 1024 + (uint64_t)n * 8) / 1500;
    if (max_tags > pg->opt->max_nodes / 2)
        max_tags = pg->opt->max_nodes / 2;
    size_t cut = n;
    /* the output only ever shrinks: written over the input itself when it is
     * the page's own decoded copy, else into one arena block of its size —
     * never a growing buffer or a second copy */
    char *o = NULL;
    size_t ol = 0;
    size_t copied = 0; /* input bytes up to here are in o (when copying) */
    size_t i = 0;
    *out = s;
    *out_n = n;
    while (i < n) {
        const char *p = memchr(s + i, '<', n - i);
        if (!p)
            break;
        size_t j = (size_t)(p - s);
        if (j + 1 >= n)
            break;
        unsigned char c1 = (unsigned char)s[j + 1];
        if (c1 == '!') {
            if (j + 3 < n && s[j + 2] == '-' && s[j + 3] == '-') {
                const char *e = NULL;
                for (size_t k = j + 4; k + 2 < n; k++)
                    if (s[k] == '-' && s[k + 1] == '-' && s[k + 2] == '>') {
                        e = s + k + 3;
                        break;
                    }
                i = e ? (size_t)(e - s) : n;
            } else {
                const char *e = memchr(s + j, '>', n - j);
                i = e ? (size_t)(e - s) + 1 : n;
            }
            continue;
        }
        int end = c1 == '/';
        size_t ns = j + 1 + (size_t)end, ne = ns;
        if (ne >= n || !is_alpha((unsigned char)s[ne])) {
            i = j + 1;
            continue;
        }
        while (ne < n && s[ne] != ' ' && s[ne] != '>' && s[ne] != '/' && s[ne] != '\t' && s[ne] != '\n' &&
               s[ne] != '\r' && s[ne] != '\f')
            ne++;
        size_t te = tag_end(s, n, j);
        if (te == n && s[n - 1] != '>') {
            /* a tag cut by the end of the input: the HTML5 tokenizer drops it
             * at EOF, and MyHTML instead turns it into text through a path
             * that memcpy()s overlapping ranges (a fuzzer finding) */
            cut = j;
            break;
        }
        tag_kind k = classify(s + ns, ne - ns);
        int drop = 0;
        if (!end && ++tags > max_tags) {
            cut = j;
            pg->truncated |= 2;
            break;
        }
        if (!end) {
            int self_closing = te >= 2 && s[te - 2] == '/';
            if (k == K_RAW) {
                char name[16];
                size_t nl = ne - ns;
                for (size_t x = 0; x < nl; x++)
                    name[x] = (char)(s[ns + x] | 32);
                name[nl] = '\0';
                size_t c = find_close(s, n, te, name, nl);
                i = c; /* continue at the close tag (handled as an end tag) */
                if (i <= j)
                    i = te;
                continue;
            }
            if (k == K_FORMAT && !self_closing) {
                if (fdepth >= max_fmt) {
                    drop = 1;
                    fdropped++;
                } else {
                    fdepth++;
                }
            } else if (k == K_OTHER && !self_closing) {
                if (depth >= max_depth) {
                    drop = 1;
                    dropped++;
                } else {
                    depth++;
                }
            }
        } else {
            if (k == K_FORMAT) {
                if (fdropped) {
                    drop = 1;
                    fdropped--;
                } else if (fdepth) {
                    fdepth--;
                }
            } else if (k == K_OTHER) {
                if (dropped) {
                    drop = 1;
                    dropped--;
                } else if (depth) {
                    depth--;
                }
            }
        }
        if (drop) {
            if (!o && !(o = writable ? (char *)s : arena_alloc(pg->mem, n + 1)))
                return PITH_ENOMEM;
            memmove(o + ol, s + copied, j - copied); /* o + ol <= s + copied */
            ol += j - copied;
            copied = te;
            pg->truncated |= (k == K_FORMAT) ? 16u : 1u;
        }
        i = te > j ? te : j + 1;
        if ((i & 0xFFFFF) < (j & 0xFFFFF) && budget_exceeded(pg))
            break;
    }
    if (!o) {
        *out_n = cut;
        return PITH_OK;
    }
    if (cut > copied) {
        memmove(o + ol, s + copied, cut - copied);
        ol += cut - copied;
    }
    o[ol] = '\0';
    *out = o;
    *out_n = ol;
    return PITH_OK;
}
