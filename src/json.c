/* json.c — forgiving JSON reader and JSON string writer (see json.h).
 *
 * Takes the text of a JSON-LD script (or any JSON) and an arena; gives a tree
 * of json_value in that arena. The parser is iterative: an explicit stack of
 * at most max_depth open containers, so input nesting never touches the C
 * stack; containers nested deeper are skipped by bracket counting and become
 * JSON_NULL. Every string in the tree is valid UTF-8 and NUL-terminated.
 * json_write_string emits a JSON string literal that is always valid UTF-8.
 */
#include "json.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"

typedef struct frame {
    json_value *v;    /* open array or object (frame 0: the synthetic root array) */
    json_value *last; /* its last child, for O(1) append */
} frame;

typedef struct parser {
    arena *a;
    const unsigned char *s;
    size_t n, i;
    int failed;
} parser;

/* ---- character classes and UTF-8 ---- */

static int is_digit(unsigned c) { return c - '0' < 10u; }

static int hex_val(unsigned c)
{
    if (c - '0' < 10u)
        return (int)(c - '0');
    c |= 0x20;
    if (c - 'a' < 6u)
        return (int)(c - 'a' + 10);
    return -1;
}

/* Characters of bare words: unquoted keys, literals, junk we step over. */
static int is_word(unsigned c)
{
    return (c | 0x20) - 'a' < 26u || c - '0' < 10u || c == '_' || c == '$' || c == '@' || c == '-' ||
           c == '.' || c >= 0x80;
}

/* Length of the UTF-8 sequence at s[0..n) (n >= 1, s[0] >= 0x80). When it is
 * valid, *ok = 1 and *cp is the code point. Otherwise *ok = 0 and the length is
 * that of the maximal subpart (lead byte plus the continuation bytes that could
 * still have been valid), which is replaced by one U+FFFD. */
static size_t utf8_seq(const unsigned char *s, size_t n, uint32_t *cp, int *ok)
{
    unsigned c = s[0], lo = 0x80, hi = 0xBF;
    size_t need;
    uint32_t v;
    *ok = 0;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        v = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0; /* no overlong forms */
        else if (c == 0xED)
            hi = 0x9F; /* no UTF-16 surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        v = c & 0x07;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F; /* nothing above U+10FFFF */
    } else {
        return 1;
    }
    size_t i = 1;
    for (; i <= need && i < n; i++) {
        unsigned b = s[i];
        if (b < lo || b > hi)
            return i;
        lo = 0x80;
        hi = 0xBF;
        v = (v << 6) | (b & 0x3F);
    }
    if (i <= need)
        return i; /* truncated */
    *ok = 1;
    *cp = v;
    return i;
}

/* Encode a scalar value (never a surrogate, at most U+10FFFF); returns bytes written. */
static size_t put_utf8(char *d, uint32_t cp)
{
    if (cp < 0x80) {
        d[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        d[0] = (char)(0xC0 | (cp >> 6));
        d[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        d[0] = (char)(0xE0 | (cp >> 12));
        d[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        d[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    d[0] = (char)(0xF0 | (cp >> 18));
    d[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    d[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    d[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* ---- HTML entities ---- */

typedef struct named_entity {
    const char *name;
    uint32_t cp;
} named_entity;

/* The entities CMSes actually emit into JSON-LD; every name is 2+ letters, so
 * "&name;" is never shorter than its UTF-8 (the decoder relies on that). */
static const named_entity entities[] = {
    {"amp", '&'},       {"quot", '"'},      {"apos", '\''},     {"lt", '<'},        {"gt", '>'},
    {"nbsp", 0xA0},     {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019},
    {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"hellip", 0x2026}, {"laquo", 0xAB},    {"raquo", 0xBB},
    {"copy", 0xA9},     {"reg", 0xAE},      {"trade", 0x2122},  {"euro", 0x20AC},   {"middot", 0xB7},
    {"bull", 0x2022},   {"shy", 0xAD},
};

/* &#128;..&#159; mean windows-1252 characters (as in HTML). */
static const uint16_t cp1252[32] = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178,
};

/* If s[0..n) (s[0] == '&') starts an entity we decode, return its length and set
 * *cp; else 0. Named entities need the ';', numeric ones (as in HTML) do not. */
static size_t entity(const unsigned char *s, size_t n, uint32_t *cp)
{
    if (n >= 3 && s[1] == '#') {
        size_t i = 2, digits = 0;
        int hex = 0;
        uint32_t v = 0;
        if (s[i] == 'x' || s[i] == 'X') {
            hex = 1;
            i++;
        }
        for (; i < n; i++) {
            int d = hex ? hex_val(s[i]) : (is_digit(s[i]) ? s[i] - '0' : -1);
            if (d < 0)
                break;
            if (v <= 0x10FFFF) /* saturate: anything larger is invalid anyway */
                v = v * (hex ? 16u : 10u) + (uint32_t)d;
            digits++;
        }
        if (!digits)
            return 0;
        if (i < n && s[i] == ';')
            i++;
        if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            v = 0xFFFD;
        else if (v >= 0x80 && v <= 0x9F)
            v = cp1252[v - 0x80];
        *cp = v;
        return i;
    }
    for (size_t k = 0; k < sizeof entities / sizeof entities[0]; k++) {
        size_t len = strlen(entities[k].name);
        if (n >= len + 2 && memcmp(s + 1, entities[k].name, len) == 0 && s[len + 1] == ';') {
            *cp = entities[k].cp;
            return len + 2;
        }
    }
    return 0;
}

/* ---- lexing helpers ---- */

static json_value *new_value(parser *p, json_type t)
{
    json_value *v = arena_alloc(p->a, sizeof *v);
    if (!v) {
        p->failed = 1;
        return NULL;
    }
    memset(v, 0, sizeof *v);
    v->type = t;
    return v;
}

/* Length of the whitespace character at s[i], or 0. Besides ASCII this takes
 * NBSP, a BOM and U+2028/2029, which turn up in hand-edited scripts. */
static size_t ws_len(const parser *p, size_t i)
{
    const unsigned char *s = p->s;
    unsigned c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        return 1;
    if (c == 0xC2 && i + 1 < p->n && s[i + 1] == 0xA0)
        return 2;
    if (c == 0xEF && i + 2 < p->n && s[i + 1] == 0xBB && s[i + 2] == 0xBF)
        return 3;
    if (c == 0xE2 && i + 2 < p->n && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9))
        return 3;
    return 0;
}

static int at(const parser *p, const char *lit)
{
    size_t k = strlen(lit);
    return p->n - p->i >= k && memcmp(p->s + p->i, lit, k) == 0;
}

/* Skip whitespace and comments; at top level also "<!--", "-->", "<![CDATA["
 * and "]]>", which wrap scripts in old templates. */
static void skip_ws(parser *p, int top)
{
    const unsigned char *s = p->s;
    while (p->i < p->n) {
        size_t k = ws_len(p, p->i);
        if (k) {
            p->i += k;
            continue;
        }
        if (s[p->i] == '/' && p->i + 1 < p->n && s[p->i + 1] == '/') {
            p->i += 2;
            while (p->i < p->n && s[p->i] != '\n' && s[p->i] != '\r')
                p->i++;
            continue;
        }
        if (s[p->i] == '/' && p->i + 1 < p->n && s[p->i + 1] == '*') {
            size_t j = p->i + 2;
            while (j < p->n && !(s[j] == '*' && j + 1 < p->n && s[j + 1] == '/'))
                j++;
            p->i = j < p->n ? j + 2 : p->n; /* an unclosed comment runs to the end */
            continue;
        }
        if (top) {
            if (at(p, "<!--")) {
                p->i += 4;
                continue;
            }
            if (at(p, "-->") || at(p, "]]>")) {
                p->i += 3;
                continue;
            }
            if (at(p, "<![CDATA[")) {
                p->i += 9;
                continue;
            }
        }
        break;
    }
}

static size_t skip_plain_ws(const parser *p, size_t j)
{
    while (j < p->n && (p->s[j] == ' ' || p->s[j] == '\t' || p->s[j] == '\n' || p->s[j] == '\r'))
        j++;
    return j;
}

/* For a quote at q that would end an object member's value: is it more likely
 * an unescaped quote inside the text ("headline": "The "Best" Pie")? Valid
 * JSON always has , } ] : or the end after a closing quote, so this only ever
 * changes how broken input is read. A word is taken as text unless a ':'
 * follows it (then it is an unquoted key after a missing comma); a second
 * quote counts when , } or ] follows it ("a "b"" ends a value). */
static int inner_quote(const parser *p, size_t q, unsigned quote)
{
    const unsigned char *s = p->s;
    size_t j = skip_plain_ws(p, q + 1);
    if (j >= p->n)
        return 0;
    unsigned c = s[j];
    if (c == quote) {
        j = skip_plain_ws(p, j + 1);
        return j < p->n && (s[j] == ',' || s[j] == '}' || s[j] == ']');
    }
    if (is_word(c) && c != '-' && c != '.') {
        while (j < p->n && is_word(s[j]))
            j++;
        j = skip_plain_ws(p, j);
        return j >= p->n || s[j] != ':';
    }
    return 0;
}

/* Index of the quote closing a string whose text starts at i, or n when the
 * input ends first. Backslash escapes are stepped over. */
static size_t string_end(const parser *p, size_t i, unsigned quote, int guess)
{
    const unsigned char *s = p->s;
    size_t n = p->n;
    for (;;) {
        while (i < n && s[i] != quote && s[i] != '\\')
            i++;
        if (i >= n)
            return n;
        if (s[i] == '\\') {
            if (n - i <= 2)
                return n;
            i += 2;
            continue;
        }
        if (!guess || !inner_quote(p, i, quote))
            return i;
        i++;
    }
}

/* Decode raw string text s[b..e) into a new NUL-terminated arena string:
 * backslash escapes, HTML entities, and invalid UTF-8 -> U+FFFD. Output never
 * outgrows input except through U+FFFD (up to 3 bytes for 1), so the buffer
 * starts at the input size and grows only on that path. Invariant:
 * len + (e - i) + 1 <= cap. */
static char *decode(parser *p, size_t b, size_t e, size_t *out_len)
{
    const unsigned char *s = p->s;
    size_t cap = e - b + 1, len = 0, i = b;
    char *d = arena_alloc(p->a, cap);
    if (!d) {
        p->failed = 1;
        return NULL;
    }
    while (i < e) {
        size_t r = i; /* run of plain ASCII and two-byte sequences, copied at once */
        while (r < e) {
            unsigned b0 = s[r];
            if (b0 < 0x80 && b0 != '\\' && b0 != '&')
                r++;
            else if (b0 >= 0xC2 && b0 <= 0xDF && e - r >= 2 && (s[r + 1] & 0xC0) == 0x80)
                r += 2;
            else
                break;
        }
        memcpy(d + len, s + i, r - i);
        len += r - i;
        i = r;
        if (i >= e)
            break;
        unsigned c = s[i];
        uint32_t cp;
        if (c == '\\') {
            if (i + 1 >= e) { /* a lone backslash at the end: dropped */
                i++;
                break;
            }
            c = s[i + 1];
            if (c >= 0x80) { /* "\" before a non-ASCII character: keep the character */
                i++;
            } else if (c == 'u') {
                int h[4] = {-1, -1, -1, -1};
                for (size_t k = 0; k < 4 && i + 2 + k < e; k++)
                    h[k] = hex_val(s[i + 2 + k]);
                if ((h[0] | h[1] | h[2] | h[3]) < 0) { /* not \uXXXX: keep the 'u' */
                    d[len++] = 'u';
                    i += 2;
                    continue;
                }
                cp = (uint32_t)(h[0] << 12 | h[1] << 8 | h[2] << 4 | h[3]);
                i += 6;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    /* high surrogate: needs \uDC00..\uDFFF right after */
                    uint32_t lo = 0;
                    int good = e - i >= 6 && s[i] == '\\' && s[i + 1] == 'u';
                    for (size_t k = 0; good && k < 4; k++) {
                        int hv = hex_val(s[i + 2 + k]);
                        good = hv >= 0;
                        lo = lo << 4 | (uint32_t)(hv < 0 ? 0 : hv);
                    }
                    if (good && lo >= 0xDC00 && lo <= 0xDFFF) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                        i += 6;
                    } else {
                        cp = 0xFFFD;
                    }
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    cp = 0xFFFD;
                }
                len += put_utf8(d + len, cp);
                continue;
            } else {
                switch (c) {
                case 'n': c = '\n'; break;
                case 't': c = '\t'; break;
                case 'r': c = '\r'; break;
                case 'b': c = '\b'; break;
                case 'f': c = '\f'; break;
                default: break; /* \" \\ \/ and invalid escapes: the character itself */
                }
                d[len++] = (char)c;
                i += 2;
                continue;
            }
        } else if (c == '&') {
            size_t k = entity(s + i, e - i, &cp);
            if (k) {
                len += put_utf8(d + len, cp);
                i += k;
            } else {
                d[len++] = '&';
                i++;
            }
            continue;
        }
        /* s[i] >= 0x80 */
        int ok;
        size_t k = utf8_seq(s + i, e - i, &cp, &ok);
        if (ok) {
            memcpy(d + len, s + i, k);
            len += k;
            i += k;
            continue;
        }
        size_t need = len + 3 + (e - i - k) + 1;
        if (need > cap) {
            size_t ncap = cap * 2 > need ? cap * 2 : need;
            char *nd = arena_realloc(p->a, d, cap, ncap);
            if (!nd) {
                p->failed = 1;
                return NULL;
            }
            d = nd;
            cap = ncap;
        }
        memcpy(d + len, "\xEF\xBF\xBD", 3);
        len += 3;
        i += k;
    }
    d[len] = '\0';
    *out_len = len;
    return d;
}

/* Skip the container starting at s[i] ('{' or '[') without building anything:
 * count brackets, step over strings and comments. Iterative, so any nesting
 * depth costs no stack; used beyond max_depth. */
static void skip_container(parser *p)
{
    const unsigned char *s = p->s;
    size_t depth = 0;
    while (p->i < p->n) {
        unsigned c = s[p->i];
        if (c == '"' || c == '\'') {
            size_t e = string_end(p, p->i + 1, c, 0);
            p->i = e < p->n ? e + 1 : p->n;
        } else if (c == '/') {
            size_t before = p->i;
            skip_ws(p, 0);
            if (p->i == before)
                p->i++;
        } else if (c == '{' || c == '[') {
            depth++;
            p->i++;
        } else if (c == '}' || c == ']') {
            p->i++;
            if (--depth == 0)
                return;
        } else {
            p->i++;
        }
    }
}

static const double pow10_tab[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                     1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* Value of the digits int[ib..ie) . frac[fb..fe) e exp[xb..xe). Exact (correctly
 * rounded) for up to 15-16 significant digits and exponents within +-22, which
 * covers what JSON-LD carries; otherwise within a few ulps. Locale-independent,
 * unlike strtod. */
static double number_value(const unsigned char *s, size_t ib, size_t ie, size_t fb, size_t fe, size_t xb,
                           size_t xe, int neg, int xneg)
{
    uint64_t m = 0;
    int nd = 0;
    long e10 = 0, x = 0;
    for (size_t k = ib; k < ie; k++) {
        if (nd < 19) {
            m = m * 10 + (uint64_t)(s[k] - '0');
            nd += m != 0;
        } else if (e10 < 100000) {
            e10++;
        }
    }
    for (size_t k = fb; k < fe && nd < 19; k++) {
        m = m * 10 + (uint64_t)(s[k] - '0');
        nd += m != 0;
        e10--;
    }
    for (size_t k = xb; k < xe; k++)
        if (x < 100000)
            x = x * 10 + (s[k] - '0');
    e10 += xneg ? -x : x;
    double d;
    if (m == 0) {
        d = 0.0;
    } else if (m <= (1ULL << 53) && e10 >= -22 && e10 <= 22) {
        d = e10 >= 0 ? (double)m * pow10_tab[e10] : (double)m / pow10_tab[-e10];
    } else if (e10 > 400) {
        d = HUGE_VAL;
    } else if (e10 < -400) {
        d = 0.0;
    } else {
        d = (double)m;
        for (; e10 > 22; e10 -= 22)
            d *= 1e22;
        for (; e10 < -22; e10 += 22)
            d /= 1e22;
        d = e10 >= 0 ? d * pow10_tab[e10] : d / pow10_tab[-e10];
    }
    return neg ? -d : d;
}

static int number_start(const parser *p)
{
    const unsigned char *s = p->s;
    size_t i = p->i, n = p->n;
    if (is_digit(s[i]))
        return 1;
    if (s[i] == '-' || s[i] == '+') {
        if (i + 1 < n && is_digit(s[i + 1]))
            return 1;
        i++;
    }
    return i + 1 < n && s[i] == '.' && is_digit(s[i + 1]);
}

/* Number at s[i] (number_start holds). The stored text is normalised to valid
 * JSON: no '+', no leading zeros, "0" before a bare fraction, no dangling '.'
 * or 'e'. Letters glued to the number ("12px", "0x1F") are skipped. */
static json_value *number(parser *p)
{
    const unsigned char *s = p->s;
    size_t n = p->n, i = p->i;
    int neg = 0, xneg = 0;
    if (s[i] == '-' || s[i] == '+')
        neg = s[i++] == '-';
    size_t ib = i;
    while (i < n && is_digit(s[i]))
        i++;
    size_t ie = i, fb = i, fe = i;
    if (i + 1 < n && s[i] == '.' && is_digit(s[i + 1])) {
        fb = ++i;
        while (i < n && is_digit(s[i]))
            i++;
        fe = i;
    }
    size_t xb = i, xe = i;
    if (i < n && (s[i] | 0x20) == 'e') {
        size_t j = i + 1;
        int sign = 0;
        if (j < n && (s[j] == '+' || s[j] == '-')) {
            sign = s[j] == '-';
            j++;
        }
        if (j < n && is_digit(s[j])) {
            xneg = sign;
            xb = j;
            while (j < n && is_digit(s[j]))
                j++;
            xe = i = j;
        }
    }
    while (i < n && ((unsigned)(s[i] | 0x20) - 'a' < 26u || is_digit(s[i]) || s[i] == '_'))
        i++;
    p->i = i;

    while (ie - ib > 1 && s[ib] == '0')
        ib++;
    size_t tl = (size_t)neg + (ie > ib ? ie - ib : 1) + (fe > fb ? 1 + fe - fb : 0) +
                (xe > xb ? 1 + (size_t)xneg + xe - xb : 0);
    json_value *v = new_value(p, JSON_NUMBER);
    char *t = v ? arena_alloc(p->a, tl + 1) : NULL;
    if (!t) {
        p->failed = 1;
        return NULL;
    }
    size_t k = 0;
    if (neg)
        t[k++] = '-';
    if (ie > ib) {
        memcpy(t + k, s + ib, ie - ib);
        k += ie - ib;
    } else {
        t[k++] = '0';
    }
    if (fe > fb) {
        t[k++] = '.';
        memcpy(t + k, s + fb, fe - fb);
        k += fe - fb;
    }
    if (xe > xb) {
        t[k++] = 'e';
        if (xneg)
            t[k++] = '-';
        memcpy(t + k, s + xb, xe - xb);
        k += xe - xb;
    }
    t[k] = '\0';
    v->str = t;
    v->str_len = k;
    v->number = number_value(s, ib, ie, fb, fe, xb, xe, neg, xneg);
    return v;
}

static int word_is(const unsigned char *w, size_t len, const char *lit)
{
    return strlen(lit) == len && memcmp(w, lit, len) == 0;
}

enum { SCALAR_NONE, SCALAR_VALUE, SCALAR_WORD };

/* A string, number or literal at s[i]. SCALAR_VALUE: *out is set (NULL only
 * when the arena failed). SCALAR_WORD: an unknown bare word was consumed.
 * SCALAR_NONE: nothing starts here and nothing was consumed. */
static int scalar(parser *p, json_value **out, int member_value)
{
    const unsigned char *s = p->s;
    size_t i = p->i;
    unsigned c = s[i];
    *out = NULL;
    if (c == '"' || c == '\'') {
        size_t e = string_end(p, i + 1, c, member_value), len = 0;
        p->i = e < p->n ? e + 1 : p->n;
        json_value *v = new_value(p, JSON_STRING);
        char *d = v ? decode(p, i + 1, e, &len) : NULL;
        if (d) {
            v->str = d;
            v->str_len = len;
            *out = v;
        }
        return SCALAR_VALUE;
    }
    if (number_start(p)) {
        *out = number(p);
        return SCALAR_VALUE;
    }
    if (!is_word(c))
        return SCALAR_NONE;
    size_t j = i;
    while (j < p->n && is_word(s[j]))
        j++;
    p->i = j;
    const unsigned char *w = s + i;
    size_t len = j - i;
    if (word_is(w, len, "true") || word_is(w, len, "false")) {
        *out = new_value(p, JSON_BOOL);
        if (*out)
            (*out)->boolean = c == 't';
        return SCALAR_VALUE;
    }
    if (word_is(w, len, "null") || word_is(w, len, "undefined") || word_is(w, len, "NaN") ||
        word_is(w, len, "Infinity") || word_is(w, len, "-Infinity")) {
        *out = new_value(p, JSON_NULL);
        return SCALAR_VALUE;
    }
    return SCALAR_WORD;
}

static void attach(frame *f, json_value *v, const char *key, size_t key_len)
{
    v->key = key;
    v->key_len = key_len;
    if (f->last)
        f->last->next = v;
    else
        f->v->child = v;
    f->last = v;
    f->v->count++;
}

/* Parse the value at s[i] into the innermost open container st[*depth]; a '{'
 * or '[' opens a new container (or, at max depth, is skipped as null). Returns
 * 0 when no value was produced (nothing or an unknown word consumed). */
static int value(parser *p, frame *st, size_t *depth, size_t max_depth, const char *key, size_t key_len)
{
    unsigned c = p->s[p->i];
    json_value *v;
    if (c == '{' || c == '[') {
        if (*depth >= max_depth) {
            skip_container(p);
            v = new_value(p, JSON_NULL);
        } else {
            p->i++;
            v = new_value(p, c == '{' ? JSON_OBJECT : JSON_ARRAY);
            if (v) {
                attach(&st[*depth], v, key, key_len);
                ++*depth;
                st[*depth].v = v;
                st[*depth].last = NULL;
            }
            return 1;
        }
    } else if (scalar(p, &v, key != NULL) != SCALAR_VALUE) {
        return 0;
    }
    if (v)
        attach(&st[*depth], v, key, key_len);
    return 1;
}

/* One member of the object st[*depth], starting at s[i] (not ws, ',' or a closer). */
static void member(parser *p, frame *st, size_t *depth, size_t max_depth)
{
    const unsigned char *s = p->s;
    size_t i = p->i, e, key_len = 0;
    unsigned c = s[i];
    char *key;
    if (c == '"' || c == '\'') {
        e = string_end(p, i + 1, c, 0);
        p->i = e < p->n ? e + 1 : p->n;
        key = decode(p, i + 1, e, &key_len);
    } else if (is_word(c)) { /* unquoted key */
        e = i;
        while (e < p->n && is_word(s[e]))
            e++;
        p->i = e;
        key = decode(p, i, e, &key_len);
    } else if (c == '{' || c == '[') { /* a value without a key: drop it */
        skip_container(p);
        return;
    } else { /* stray byte */
        p->i++;
        return;
    }
    if (!key)
        return;
    skip_ws(p, 0);
    if (p->i < p->n && s[p->i] == ':') { /* a missing ':' is tolerated */
        p->i++;
        skip_ws(p, 0);
    }
    if (p->i < p->n && s[p->i] != ',' && s[p->i] != '}' && s[p->i] != ']' &&
        value(p, st, depth, max_depth, key, key_len))
        return;
    json_value *v = new_value(p, JSON_NULL); /* no usable value: key -> null */
    if (v)
        attach(&st[*depth], v, key, key_len);
}

json_value *json_parse(arena *a, const char *s, size_t n, unsigned max_depth)
{
    if (!a || !s || n == 0)
        return NULL;
    parser P = {a, (const unsigned char *)s, n, 0, 0}, *p = &P;
    /* Each level needs its own bracket, so n also bounds the depth. */
    size_t maxd = max_depth ? max_depth : 1;
    if (maxd > n)
        maxd = n;
    frame *st = arena_alloc(a, (maxd + 1) * sizeof *st);
    json_value *root = new_value(p, JSON_ARRAY);
    if (!st || !root)
        return NULL;
    st[0].v = root;
    st[0].last = NULL;
    size_t depth = 0;
    while (!p->failed) {
        if (depth == 0) {
            skip_ws(p, 1);
            if (p->i >= n)
                break;
            size_t before = p->i;
            if (value(p, st, &depth, maxd, NULL, 0))
                continue;
            /* garbage between top-level values (an unknown word was consumed,
             * or a stray byte): on to the next '{' or '[', or a '<' that may
             * start a wrapper */
            if (p->i == before)
                p->i++;
            while (p->i < n && p->s[p->i] != '{' && p->s[p->i] != '[' && p->s[p->i] != '<')
                p->i++;
            continue;
        }
        skip_ws(p, 0);
        if (p->i >= n)
            break; /* truncated: every open container is already linked in */
        unsigned c = p->s[p->i];
        size_t before = p->i;
        if (c == ',') { /* also stands in for missing or doubled commas */
            p->i++;
        } else if (c == '}' || c == ']') { /* closes whatever is open */
            p->i++;
            depth--;
        } else if (st[depth].v->type == JSON_OBJECT) {
            member(p, st, &depth, maxd);
        } else if (!value(p, st, &depth, maxd, NULL, 0) && p->i == before) {
            p->i++; /* a stray byte in an array (unknown words are consumed) */
        }
    }
    if (p->failed || root->count == 0)
        return NULL;
    return root->count == 1 ? root->child : root;
}

const json_value *json_get(const json_value *obj, const char *key)
{
    if (!obj || !key || obj->type != JSON_OBJECT)
        return NULL;
    size_t len = strlen(key);
    for (const json_value *m = obj->child; m; m = m->next)
        if (m->key_len == len && memcmp(m->key, key, len) == 0)
            return m;
    return NULL;
}

/* ---- writer ---- */

/* Are all 8 bytes at p printable ASCII other than '"', '\\' and '&'?
 * (The classic has-zero-byte trick, one test per excluded value.) */
static int ascii8_plain(const unsigned char *p)
{
    const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    uint64_t w, t, bad;
    memcpy(&w, p, 8);
    bad = w & high;
    bad |= (w - ones * 0x20) & ~w & high;
    t = w ^ (ones * '"');
    bad |= (t - ones) & ~t & high;
    t = w ^ (ones * '\\');
    bad |= (t - ones) & ~t & high;
    t = w ^ (ones * '&');
    bad |= (t - ones) & ~t & high;
    t = w ^ (ones * 0x7F);
    bad |= (t - ones) & ~t & high;
    return bad == 0;
}

/* Safe bytes are copied in runs (one buf_put each); everything else is written
 * on its own. '&' is kept except where the reader above would take it for an
 * entity; there it becomes \u0026, so that reading back gives the same text. */
void json_write_string(struct buf *out, const char *str, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0, run = 0;
    buf_putc(out, '"');
    while (i < n) {
        while (n - i >= 8 && ascii8_plain(s + i))
            i += 8;
        if (i >= n)
            break;
        unsigned c = s[i];
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '&') {
            i++;
            continue;
        }
        char esc[8];
        size_t elen = 2, adv = 1;
        const char *rep = esc;
        uint32_t cp;
        if (c >= 0xC3 && c <= 0xDF && n - i >= 2 && (s[i + 1] & 0xC0) == 0x80) {
            i += 2; /* two-byte sequences (Cyrillic, Greek, accents...) are always fine */
            continue;
        }
        if (c >= 0x80) {
            int ok;
            adv = utf8_seq(s + i, n - i, &cp, &ok);
            /* C1 controls (U+0080-U+009F, NEL among them) and the line and
             * paragraph separators are escaped: JSON allows them raw, but line
             * splitters (Python's splitlines, JavaScript) treat them as line
             * ends, which would cut a JSON Lines record */
            int c1 = ok && cp >= 0x80 && cp <= 0x9F;
            if (ok && !c1 && cp != 0x2028 && cp != 0x2029) {
                i += adv;
                continue;
            }
            if (c1) {
                snprintf(esc, sizeof esc, "\\u%04x", (unsigned)cp);
                rep = esc;
            } else {
                rep = !ok ? "\xEF\xBF\xBD" : cp == 0x2028 ? "\\u2028" : "\\u2029";
            }
            elen = !ok ? 3 : 6;
        } else if (c == '&') {
            if (!entity(s + i, n - i, &cp)) {
                i++;
                continue;
            }
            rep = "\\u0026";
            elen = 6;
        } else {
            esc[0] = '\\';
            switch (c) {
            case '"': esc[1] = '"'; break;
            case '\\': esc[1] = '\\'; break;
            case '\n': esc[1] = 'n'; break;
            case '\t': esc[1] = 't'; break;
            case '\r': esc[1] = 'r'; break;
            case '\b': esc[1] = 'b'; break;
            case '\f': esc[1] = 'f'; break;
            default: /* other controls and DEL */
                memcpy(esc + 1, "u00", 3);
                esc[4] = hex[c >> 4];
                esc[5] = hex[c & 15];
                elen = 6;
            }
        }
        buf_put(out, (const char *)s + run, i - run);
        buf_put(out, rep, elen);
        i += adv;
        run = i;
    }
    buf_put(out, (const char *)s + run, i - run);
    buf_putc(out, '"');
}
