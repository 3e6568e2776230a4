/* textmode.c — already-scraped text of one page to a record, from line evidence.
 *
 * Takes the UTF-8 text of one page as a scraper, a WET record, a browser's
 * "save as text" or `w3m -dump`/`lynx -dump` left it, and fills the doc as
 * HTML mode does: body blocks (paragraphs, headings, list items) and the
 * title, section, published time, lead and language fields (source "text").
 * No DOM: lines are joined into units (hard-wrapped lines are re-joined),
 * each unit is classified jusText-style from its length, sentence shape and
 * stopword density, and the body is the highest-scoring contiguous run of
 * units. docs/textmode.md describes the model and its choices.
 */
#include "internal.h"
#include "dates.h"
#include "lang.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ characters */

static int is_space_cp(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == 0xA0 || c == 0x2007 || c == 0x202F ||
           c == 0x3000 || c == 0xFEFF || (c >= 0x2000 && c <= 0x200B);
}

/* 1 upper, 2 lower, 3 letter without case, 0 not a letter. */
static int letter_case(uint32_t c)
{
    if (c < 0x80) {
        if (c >= 'A' && c <= 'Z')
            return 1;
        if (c >= 'a' && c <= 'z')
            return 2;
        return 0;
    }
    if (c < 0xC0)
        return c == 0xAA || c == 0xB5 || c == 0xBA ? 2 : 0;
    if (c <= 0xFF)
        return c == 0xD7 || c == 0xF7 ? 0 : (c <= 0xDE ? 1 : 2);
    if (c <= 0x17F) {
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
            return (c & 1) ? 1 : 2;
        return (c & 1) ? 2 : 1;
    }
    if (c <= 0x24F)
        return 2; /* Latin Extended-B: rare in running text; call it lower */
    if (c >= 0x391 && c <= 0x3AB)
        return 1;
    if (c >= 0x3AC && c <= 0x3FF)
        return 2;
    if (c >= 0x400 && c <= 0x42F)
        return 1;
    if (c >= 0x430 && c <= 0x45F)
        return 2;
    if (c >= 0x460 && c <= 0x52F)
        return (c & 1) ? 2 : 1;
    if (c >= 0x1E00 && c <= 0x1EFF)
        return (c & 1) ? 2 : 1;
    if ((c >= 0x530 && c <= 0x1FFF) || (c >= 0x3040 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3) ||
        (c >= 0xF900 && c <= 0xFAFF) || c >= 0x20000)
        return 3;
    return 0;
}

/* Scripts written without spaces between words: joined without a space. */
static int is_cjk(uint32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0x20000 && c <= 0x2FFFF) || (c >= 0x0E00 && c <= 0x0E7F);
}

static int is_closer(uint32_t c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0xBB || c == 0x201D || c == 0x2019 ||
           c == 0x201C || c == 0x203A || c == '*';
}

static int is_terminal(uint32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002 || c == 0xFF01 || c == 0xFF1F; }

/* Terminal columns a code point takes in a text dump. */
static unsigned cp_width(uint32_t c)
{
    if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
        (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
        (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD))
        return 2;
    if ((c >= 0x300 && c <= 0x36F) || c == 0x200B || c == 0xFEFF)
        return 0;
    return 1;
}

static uint32_t dec(const char *s, size_t n, size_t i, size_t *adv)
{
    return utf8_decode((const unsigned char *)s + i, n - i, adv);
}

/* ------------------------------------------------------------ lines */

/* List markers a text dump puts before list items (w3m, lynx, browsers).
 * *kind: 1 a bullet sign that is nothing else (•, □), 2 a character that
 * also starts ordinary lines ('-', '*', a dash of direct speech), 3 a number. */
static size_t bullet_len(const char *s, size_t n, int *kind)
{
    size_t adv;
    if (!n)
        return 0;
    uint32_t c = dec(s, n, 0, &adv);
    int strong = c == 0x2022 || c == 0x25A1 || c == 0x25E6 || c == 0x25AA || c == 0x25A0 || c == 0x25CF ||
                 c == 0x25CB || c == 0x2023 || c == 0x2043 || c == 0x00B7 || c == 0x25B8 || c == 0x25BA;
    int weak = c == '*' || c == '-' || c == '+' || c == 0x2013;
    if (strong || weak) {
        if (adv == n)
            return adv;
        size_t a2;
        uint32_t d = dec(s, n, adv, &a2);
        if (is_space_cp(d)) {
            *kind = strong ? 1 : 2;
            return adv + a2;
        }
        return 0;
    }
    /* "1. ", "12) ", "a) " */
    size_t i = 0;
    while (i < n && i < 3 && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == 0 && n > 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] == ')')
        i = 1;
    if (i && i + 1 < n && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ') {
        *kind = 3;
        return i + 2;
    }
    return 0;
}

typedef struct tline {
    uint32_t off, len;    /* content after the indent, trailing spaces removed */
    uint32_t body;        /* bytes of the bullet marker at the start of the content */
    uint16_t indent;      /* columns before the content */
    uint16_t width;       /* columns of the whole line */
    uint16_t fw;          /* columns of the first word */
    uint8_t blank;        /* nothing visible */
    uint8_t rule;         /* a separator line (----, ━━━, ***) */
    uint8_t ordered;      /* bullet is a number */
    uint8_t bkind;        /* bullet_len's kind */
    uint8_t multiword;    /* holds a space between words */
    uint8_t gaps;         /* runs of 2+ spaces inside the content (table columns) */
} tline;

static void measure_line(const char *t, size_t a, size_t b, tline *L)
{
    memset(L, 0, sizeof *L);
    unsigned col = 0, w = 0;
    size_t i = a;
    while (i < b) {
        size_t adv;
        uint32_t c = dec(t, b, i, &adv);
        if (c == '\t')
            col = (col / 8 + 1) * 8;
        else if (is_space_cp(c))
            col++;
        else
            break;
        i += adv;
    }
    size_t e = b;
    while (e > i) {
        size_t k = e - 1;
        while (k > i && ((unsigned char)t[k] & 0xC0) == 0x80)
            k--;
        size_t adv;
        uint32_t c = dec(t, b, k, &adv);
        if (!is_space_cp(c) && c != '\r')
            break;
        e = k;
    }
    L->off = (uint32_t)i;
    L->len = (uint32_t)(e - i);
    L->indent = (uint16_t)(col > 65535 ? 65535 : col);
    if (e == i) {
        L->blank = 1;
        return;
    }
    unsigned fw = 0, in_first = 1, symbols = 0, other = 0;
    uint32_t prev = 0;
    unsigned cjk = 0;
    for (size_t k = i; k < e;) {
        size_t adv;
        uint32_t c = dec(t, e, k, &adv);
        unsigned cw = cp_width(c);
        w += cw;
        cjk += is_cjk(c);
        if (is_space_cp(c)) {
            in_first = 0;
            if (prev && !is_space_cp(prev))
                L->multiword = 1;
        } else {
            if (in_first)
                fw += cw;
            if (k >= i + 2 && t[k - 1] == ' ' && t[k - 2] == ' ' && L->gaps < 255)
                L->gaps++;
            if (c == '-' || c == '=' || c == '_' || c == '*' || c == '~' || c == '#' || c == '.' ||
                (c >= 0x2500 && c <= 0x257F) || c == 0x2014 || c == 0x2013 || c == 0x00B7 || c == 0x2022)
                symbols++;
            else
                other++;
        }
        prev = c;
        k += adv;
    }
    if (cjk >= 10)
        L->multiword = 1; /* scripts without spaces */
    L->width = (uint16_t)(col + w > 65535 ? 65535 : col + w);
    L->fw = (uint16_t)(fw > 65535 ? 65535 : fw);
    L->rule = symbols >= 3 && other == 0;
    int kind = 0;
    L->body = (uint32_t)bullet_len(t + i, e - i, &kind);
    L->bkind = (uint8_t)kind;
    L->ordered = kind == 3;
    if (L->body && L->body == L->len)
        L->blank = 1; /* a bare bullet */
}

/* At the left margin, '- ', '* ' and '1. ' start list items only in a run of
 * such lines; a dash there opens direct speech, '5. Juli' is a date. Dumps
 * indent their lists, so indented markers always count. */
static void settle_bullets(tline *L, size_t nl)
{
    for (size_t i = 0; i < nl; i++) {
        if (!L[i].body || L[i].bkind == 1 || L[i].indent > 0)
            continue;
        int run = 0;
        for (int d = -1; d <= 1; d += 2) {
            size_t k = i;
            while ((d < 0 ? k > 0 : k + 1 < nl)) {
                k = (size_t)((long)k + d);
                if (!L[k].blank || L[k].body)
                    break;
            }
            run |= k != i && L[k].body && L[k].bkind == L[i].bkind && L[k].indent == 0 && L[k].body == L[i].body;
        }
        /* an en dash never makes a list at the margin: it is speech */
        if (!run || (L[i].bkind == 2 && L[i].len >= 3 && (unsigned char)L[i].body == 4))
            L[i].body = 0, L[i].bkind = 0, L[i].ordered = 0;
    }
}

/* ------------------------------------------------------------ units */

/* Unit flags. */
#define F_SENT 0x0001u      /* ends like a sentence (. ! ? … and closing quotes) */
#define F_DATE 0x0002u      /* a date or time alone (with a word or two) */
#define F_HASDATE 0x0004u   /* a date somewhere in a short line */
#define F_FURN 0x0008u      /* a furniture phrase ('Read also', 'Share') */
#define F_COPY 0x0010u      /* copyright / legal line */
#define F_MENU 0x0020u      /* items separated by | or · */
#define F_CREDIT 0x0040u    /* photo credit or caption label */
#define F_TEASER 0x0080u    /* part of a teaser list (dates between short texts) */
#define F_ELLIPSIS 0x0100u  /* ends with … (a cut teaser excerpt) */
#define F_BYLINE 0x0200u    /* 'By ...', 'Von ...', 'Автор: ...' */
#define F_COLON 0x0400u     /* ends with ':' */
#define F_CAPS 0x0800u      /* all letters upper case */
#define F_BARRIER 0x1000u   /* furniture followed by teaser-shaped lines */
#define F_MORE 0x2000u      /* ends with 'read more' and the like */
#define F_UPPER0 0x4000u    /* starts with an upper-case letter, digit or quote */
#define F_REPEAT 0x8000u    /* the same text three times or more on the page */
#define F_TABLE 0x10000u    /* a row of a table (columns apart by runs of spaces) */
#define F_INLIST 0x20000u   /* an item of a list that the text introduces ('...:') */
#define F_ENDMARK 0x40000u  /* a comment section starts ('Leave a reply', 'Kommentare') */
#define F_COOKIE 0x80000u   /* a cookie or consent notice */
#define F_CODE 0x100000u    /* a line of program code or a console session */
#define F_CRUMB 0x200000u   /* a breadcrumb trail */
#define F_INLINE 0x400000u  /* 'Read also: <headline>' on one line: a single inline teaser */
#define F_ADLABEL 0x800000u /* 'Advertisement', 'Anzeige': a label over an ad slot */

/* The model's numbers, each chosen on the w3m dumps of trafilatura-dev
 * (bench/eval.py) and the composed pages of tests/unit/test_textmode.c; see
 * docs/textmode.md for what moving them does. */
#define GOOD_DENSITY 0.55  /* good prose: stopword density >= this x the page's typical density */
#define NEAR_DENSITY 0.35  /* near-good prose: >= this x the typical density */
#define LEAD_MAX_CHARS 140 /* a lead inside the body run is one short summary */
#define HEADER_BONUS 80.0  /* weight added to each of the first three paragraphs after a dated headline */
#define EARLIER_SHARE 0.2  /* an earlier run of prose wins with this share of the best run's score ... */
#define EARLIER_MIN 300.0  /* ... and at least this score ... */
#define EARLIER_GOOD 2     /* ... and this many good paragraphs */

/* Classes, jusText-style. */
enum { C_JUNK = 0, C_BAD, C_SHORT, C_NEAR, C_GOOD };

typedef struct unit {
    char *s;             /* normalised text (scratch arena), NUL-terminated */
    uint32_t n;          /* its bytes */
    uint32_t line;       /* first line */
    uint32_t chars, words, stop;
    uint32_t hash;       /* of the folded letters and digits (repeats) */
    uint32_t flags;      /* F_* */
    uint8_t gaps;        /* table-like column gaps in its first line */
    uint8_t item;        /* a list item */
    uint8_t ordered;
    uint8_t level;       /* list nesting */
    uint8_t cls;         /* C_* */
    uint8_t blank_before;
    uint8_t sentences;   /* sentence ends inside */
    uint8_t keep;        /* emitted */
    uint8_t heading;     /* emitted as a heading */
    double score;
} unit;

typedef struct tctx {
    page *pg;
    pith_doc *doc;
    const char *text;
    size_t len;
    tline *L;
    size_t nl;
    unit *u;
    size_t n;
    const char *lang;
    double ref;          /* typical stopword density of prose on this page (0: no signal) */
    unsigned wrap;       /* columns the dump was wrapped at, 0 when not wrapped */
    size_t rs, re;       /* body region [rs, re) */
    long title, section, date, lead; /* unit indexes or -1 */
} tctx;

/* Columns the text was hard-wrapped at: many multi-word lines end within a
 * word's length of the same right margin, and are continued on the next line. */
static unsigned find_wrap(const tctx *t)
{
    /* widths of multi-word lines followed by a line that could continue them,
     * and of all multi-word lines */
    uint16_t hist[1025], all[1026];
    memset(hist, 0, sizeof hist);
    memset(all, 0, sizeof all);
    unsigned total = 0;
    for (size_t i = 0; i < t->nl; i++) {
        const tline *a = &t->L[i];
        if (a->blank || !a->multiword)
            continue;
        unsigned w = a->width > 1025 ? 1025 : a->width;
        if (all[w] < 65535)
            all[w]++;
        if (i + 1 >= t->nl)
            continue;
        const tline *b = &t->L[i + 1];
        if (b->blank || b->body || b->rule || a->width < 30 || a->width > 1024)
            continue;
        /* a paragraph on one line ends a sentence; a wrapped line mostly does not */
        size_t k = a->off + a->len - 1, adv;
        while (k > a->off && ((unsigned char)t->text[k] & 0xC0) == 0x80)
            k--;
        uint32_t last = dec(t->text, a->off + a->len, k, &adv);
        if (is_terminal(last) || is_closer(last))
            continue;
        if (hist[a->width] < 65535)
            hist[a->width]++;
        total++;
    }
    if (total < 2)
        return 0;
    unsigned above = 0; /* multi-word lines wider than the candidate margin */
    int counted = 1025;
    /* the widest margin that most such lines reach: lines ending well short
     * of it would have been continued on the same line */
    for (int w = 1024; w >= 30; w--) {
        if (!hist[w])
            continue;
        unsigned near = 0, short_ = 0, tight = 0;
        for (int k = w; k >= 0 && k > w - 22; k--)
            near += hist[k];
        for (int k = w; k >= 0 && k > w - 6; k--)
            tight += hist[k];
        for (int k = w - 22; k >= w / 2 && k >= 0; k--)
            short_ += hist[k];
        while (counted > w + 3)
            above += all[counted--];
        /* terminals and text exports wrap at 60 columns or more, and no
         * line of words goes past the margin */
        int enough = near >= 3 || (tight >= 2 && w >= 100); /* a short page: two lines at one margin */
        if (enough && 3 * near >= short_ && w >= 60 && above <= 1 + total / 50)
            return (unsigned)w;
        if (enough)
            return 0; /* lines of all lengths are followed by lines: not wrapped */
    }
    return 0;
}

/* Does line b continue line a (hard wrap)? */
static int continues(const tctx *t, const tline *a, const tline *b, unsigned text_col)
{
    if (a->blank || b->blank || a->rule || b->rule || b->body)
        return 0;
    if ((unsigned)b->indent + 1 < text_col || (unsigned)b->indent > text_col + 1)
        return 0;
    if (!t->wrap) {
        /* without a margin: a long line cut mid-sentence, the next one going on in lower case */
        if (a->width < 50 || !a->multiword)
            return 0;
        size_t k = a->off + a->len - 1, adv;
        while (k > a->off && ((unsigned char)t->text[k] & 0xC0) == 0x80)
            k--;
        uint32_t last = dec(t->text, a->off + a->len, k, &adv);
        uint32_t first = dec(t->text, b->off + b->len, b->off, &adv);
        return !is_terminal(last) && !is_closer(last) && last != ':' && letter_case(first) == 2;
    }
    /* the next word did not fit on line a */
    if ((unsigned)a->width + 1 + b->fw + 1 < t->wrap)
        return 0;
    return 1;
}

/* Append line content to the unit text: spaces collapsed, link numbers ([12])
 * dropped, CJK joined without a space. */
static void put_text(buf *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* plain ASCII runs are copied at once */
        size_t r = i;
        while (r < n && (unsigned char)s[r] > ' ' && (unsigned char)s[r] < 0x7F && s[r] != '[')
            r++;
        if (r > i) {
            buf_put(b, s + i, r - i);
            i = r;
            continue;
        }
        if (s[i] == '[') {
            size_t k = i + 1;
            while (k < n && k < i + 6 && s[k] >= '0' && s[k] <= '9')
                k++;
            if (k > i + 1 && k < n && s[k] == ']') {
                i = k + 1;
                continue;
            }
        }
        size_t adv;
        uint32_t c = dec(s, n, i, &adv);
        if (is_space_cp(c) || c == '\r' || c == '\n') {
            if (b->len && b->data[b->len - 1] != ' ')
                buf_putc(b, ' ');
        } else if (c == 0xAD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF) {
            /* invisible */
        } else {
            buf_put(b, s + i, adv);
        }
        i += adv;
    }
}

/* Last code point of b's text (0 when empty). */
static uint32_t last_cp(const buf *b)
{
    if (!b->len)
        return 0;
    size_t k = b->len - 1;
    while (k > 0 && ((unsigned char)b->data[k] & 0xC0) == 0x80)
        k--;
    size_t adv;
    return dec(b->data, b->len, k, &adv);
}

/* Strip leading bracket groups without spaces ('[logo]', '[A]': image alts in
 * w3m dumps) and all-space brackets (empty form fields). Returns the new start. */
static size_t skip_brackets(const char *s, size_t n, size_t i)
{
    for (;;) {
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n || s[i] != '[')
            return i;
        size_t k = i + 1;
        int spaces = 0, other = 0;
        while (k < n && s[k] != ']' && k < i + 120) {
            if (s[k] == ' ')
                spaces++;
            else
                other++;
            k++;
        }
        if (k >= n || s[k] != ']')
            return i;
        if (spaces && other)
            return i;
        i = k + 1;
    }
}

/* Remove bracket groups that hold only spaces or a short token without spaces
 * anywhere in the text, and report whether anything wordy is left. */
static int has_words(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (s[i] == '[') {
            size_t k = i + 1;
            while (k < n && s[k] != ']' && k < i + 200)
                k++;
            if (k < n && s[k] == ']') {
                i = k + 1;
                continue; /* a button, image alt or form field */
            }
        }
        size_t adv;
        uint32_t c = dec(s, n, i, &adv);
        if (letter_case(c) || (c >= '0' && c <= '9'))
            return 1;
        i += adv;
    }
    return 0;
}

static int build_units(tctx *t)
{
    arena *a = t->pg->mem;
    size_t cap = t->nl + 1;
    t->u = arena_calloc(a, cap, sizeof(unit));
    if (!t->u)
        return -1;
    buf b = BUF_INIT;
    size_t i = 0;
    int blank_before = 1;
    while (i < t->nl) {
        tline *L = &t->L[i];
        if (L->blank || L->rule) {
            blank_before = 1;
            i++;
            continue;
        }
        unit *u = &t->u[t->n];
        memset(u, 0, sizeof *u);
        u->line = (uint32_t)i;
        u->gaps = L->gaps;
        u->blank_before = (uint8_t)blank_before;
        blank_before = 0;
        unsigned text_col = L->indent;
        if (L->body) {
            u->item = 1;
            u->ordered = L->ordered;
            u->level = (uint8_t)(L->indent <= 3 ? 1 : L->indent / 4 + 1 > 6 ? 6 : L->indent / 4 + 1);
            /* columns of the marker and its space */
            size_t k = L->off;
            while (k < L->off + L->body) {
                size_t adv;
                text_col += cp_width(dec(t->text, L->off + L->len, k, &adv));
                k += adv;
            }
        }
        buf_clear(&b);
        size_t s0 = skip_brackets(t->text, L->off + L->len, L->off + L->body);
        put_text(&b, t->text + s0, L->off + L->len - s0);
        size_t j = i + 1;
        while (j < t->nl && continues(t, &t->L[j - 1], &t->L[j], text_col)) {
            const tline *M = &t->L[j];
            size_t adv;
            uint32_t first = dec(t->text, M->off + M->len, M->off, &adv);
            if (!(is_cjk(last_cp(&b)) && is_cjk(first)) && b.len && b.data[b.len - 1] != ' ')
                buf_putc(&b, ' ');
            put_text(&b, t->text + M->off, M->len);
            j++;
        }
        while (b.len && b.data[b.len - 1] == ' ')
            b.len--;
        i = j;
        if (b.failed) {
            buf_free(&b);
            return -1;
        }
        if (!b.len || !has_words(b.data, b.len))
            continue; /* an image alt, button or empty form field: nothing to read */
        u->s = arena_strndup(a, b.data, b.len);
        if (!u->s) {
            buf_free(&b);
            return -1;
        }
        u->n = (uint32_t)b.len;
        t->n++;
    }
    buf_free(&b);
    return 0;
}

/* ------------------------------------------------------------ features */

static int starts_with_fold(const char *s, size_t n, const char *const *list, size_t k)
{
    char low[256];
    size_t m = utf8_fold(s, n < 120 ? n : 120, low, sizeof low - 1);
    low[m] = '\0';
    for (size_t i = 0; i < k; i++) {
        size_t l = strlen(list[i]);
        if (l <= m && !memcmp(low, list[i], l)) {
            unsigned char nx = l < m ? (unsigned char)low[l] : ' ';
            if (nx == ' ' || nx == ':' || nx == '.' || nx == ',' || nx == '(' || nx == 0xc2 || nx == 0xe2)
                return 1;
        }
    }
    return 0;
}

static int ends_with_fold(const char *s, size_t n, const char *const *list, size_t k)
{
    char low[96];
    size_t from = n > 40 ? n - 40 : 0;
    while (from < n && ((unsigned char)s[from] & 0xC0) == 0x80)
        from++;
    size_t m = utf8_fold(s + from, n - from, low, sizeof low - 1);
    while (m && (low[m - 1] == ' ' || low[m - 1] == '.' || low[m - 1] == '>' || low[m - 1] == ')' ||
                 low[m - 1] == ']'))
        m--;
    low[m] = '\0';
    for (size_t i = 0; i < k; i++) {
        size_t l = strlen(list[i]);
        if (l <= m && !memcmp(low + m - l, list[i], l) && (l == m || low[m - l - 1] == ' ' || low[m - l - 1] == '['))
            return 1;
    }
    return 0;
}

static const char *const COPYRIGHT[] = {"copyright", "(c) 19", "(c) 20", "all rights reserved",
                                        "alle rechte vorbehalten", "все права защищены", "усі права захищені",
                                        "всі права захищені", "tous droits réservés", "todos los derechos"};
static const char *const CREDIT[] = {"foto", "photo", "bild", "image", "picture", "credit", "quelle: ap", "фото",
                                     "ілюстративне фото", "getty images", "imago", "illustration", "grafik"};
static const char *const BYLINE[] = {"by", "von", "від", "автор", "авторка", "автори", "author", "authors",
                                     "written by", "text:", "текст:", "par", "por", "di", "door", "av", "przez"};
static const char *const ENDMARK[] = {"comments", "kommentare", "kommentar schreiben", "kommentieren",
                                      "leave a reply", "leave a comment", "post a comment", "add a comment",
                                      "write a comment", "join the discussion", "responses", "reactions",
                                      "коментарі", "коментарів", "комментарии", "комментариев", "commentaires",
                                      "comentarios", "commenti", "komentarze", "reageren", "reacties",
                                      "diskussion", "discussion", "leserkommentare", "ihre meinung"};
/* The first line of a comment form. */
static const char *const COMMENT_FORM[] = {"your email address will not be published",
                                           "deine e-mail-adresse wird nicht veröffentlicht",
                                           "ihre e-mail-adresse wird nicht veröffentlicht",
                                           "ваша адреса електронної пошти не буде опублікована",
                                           "ваш адрес email не будет опубликован"};
/* A cookie notice names cookies and asks for consent or explains the site. */
static const char *const CONSENT[] = {"accept", "agree", "consent", "privacy", "website", "browser", "settings",
                                      "akzeptier", "zustimm", "einwillig", "datenschutz", "webseite", "website",
                                      "einstellungen", "accepter", "consentement", "aceptar", "política",
                                      "згод", "погоджу", "сайт", "соглас", "конфиденциальн", "принять", "прийняти",
                                      "zgod", "akceptuj", "accetta", "acconsent"};

static int is_cookie_notice(const char *s, size_t n)
{
    char low[2048];
    /* cheap test first: 'ookie' (any case) or 'уки' */
    int maybe = 0;
    for (size_t i = 0; i + 4 < n && !maybe; i++)
        maybe = ((s[i] | 0x20) == 'o' && (s[i + 1] | 0x20) == 'o' && (s[i + 2] | 0x20) == 'k' &&
                 (s[i + 3] | 0x20) == 'i' && (s[i + 4] | 0x20) == 'e') ||
                (i + 5 < n && !memcmp(s + i, "\xd1\x83\xd0\xba\xd0\xb8", 6));
    if (!maybe)
        return 0;
    size_t m = utf8_fold(s, n < 1000 ? n : 1000, low, sizeof low - 1);
    low[m] = '\0';
    if (!strstr(low, "cookie") && !strstr(low, "куки"))
        return 0;
    for (size_t i = 0; i < sizeof CONSENT / sizeof *CONSENT; i++)
        if (strstr(low, CONSENT[i]))
            return 1;
    return 0;
}

static const char *const ADLABELS[] = {"advertisement", "anzeige", "реклама", "werbung", "sponsored", "ad",
                                       "publicité", "publicidad", "pubblicità", "reklama", "anuncio"};
static const char *const MORE[] = {"read more", "weiterlesen", "mehr lesen", "mehr", "more", "continue reading",
                                   "читати далі", "читать далее", "подробнее", "детальніше", "далі", "далее",
                                   "lire la suite", "leer más", "leggi tutto", "czytaj dalej", "[…]", "[...]"};

/* ------------------------------------------------------------ bylines */

static const char *const BYWORDS[] = {"by", "von", "від", "автор", "авторка", "автори", "автор:", "author",
                                      "authors", "written by", "text:", "текст:", "par", "por", "di", "door", "av",
                                      "przez", "posted by", "reported by", "words by"};
static const char *const PARTICLES[] = {"von", "van", "de", "der", "den", "da", "di", "du", "del", "la", "le",
                                        "bin", "al", "ibn", "zu", "ter", "dos", "das"};
static const char *const AND_WORDS[] = {"and", "und", "та", "і", "й", "и", "y", "e", "et", "i", "&"};

static int word_in_list(const char *w, size_t n, const char *const *list, size_t k)
{
    char low[64];
    if (n >= 30)
        return 0;
    size_t m = utf8_fold(w, n, low, sizeof low - 1);
    low[m] = '\0';
    for (size_t i = 0; i < k; i++)
        if (!strcmp(low, list[i]))
            return 1;
    return 0;
}

/* A person's name: two to four capitalised words (particles allowed), no digits. */
static int person_name(const char *s, size_t n)
{
    unsigned words = 0, caps = 0;
    size_t i = 0;
    if (n < 4 || n > 60)
        return 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t a = i;
        while (i < n && s[i] != ' ')
            i++;
        if (i == a)
            break;
        words++;
        size_t adv;
        uint32_t c = dec(s, n, a, &adv);
        for (size_t k = a; k < i; k++)
            if ((s[k] >= '0' && s[k] <= '9') || s[k] == '@' || s[k] == ':')
                return 0;
        if (letter_case(c) == 1)
            caps++;
        else if (!word_in_list(s + a, i - a, PARTICLES, sizeof PARTICLES / sizeof *PARTICLES))
            return 0;
    }
    return words >= 2 && words <= 4 && caps >= 2;
}

/* Where a byline segment names people: 'By Jane Doe', 'Heute, 09:30 Uhr · Von
 * Hauke Petersen', 'Автор: Андрій Мельничук'. Returns the number of names
 * and their spans (at most 4). */
static unsigned byline_names(const char *s, size_t n, size_t *off, size_t *len)
{
    unsigned found = 0;
    for (size_t i = 0; i < n && !found; i++) {
        /* a segment starts the line or follows a separator */
        if (i > 0) {
            if (s[i - 1] != ' ' || i < 2)
                continue;
            unsigned char p = (unsigned char)s[i - 2];
            int sep = p == '|' || p == '/' || p == ',' || p == 0xB7 /* · */ || p == 0xA2 /* • */ ||
                      p == 0x94 /* — */ || p == 0x93 /* – */;
            if (!sep)
                continue;
        }
        if (!starts_with_fold(s + i, n - i, BYWORDS, sizeof BYWORDS / sizeof *BYWORDS))
            continue;
        size_t k = i;
        while (k < n && s[k] != ' ' && s[k] != ':')
            k++;
        while (k < n && (s[k] == ' ' || s[k] == ':'))
            k++;
        /* the segment ends at the next separator */
        size_t e = k;
        while (e < n && !(e + 2 < n && s[e] == ' ' &&
                          (s[e + 1] == '|' || s[e + 1] == '/' || ((unsigned char)s[e + 1] == 0xC2 && (unsigned char)s[e + 2] == 0xB7) ||
                           ((unsigned char)s[e + 1] == 0xE2 && (unsigned char)s[e + 2] == 0x80))))
            e++;
        /* names apart by commas and 'and' */
        size_t a = k;
        while (a < e && found < 4) {
            size_t b = a, next = e;
            while (b < e) {
                if (s[b] == ',') {
                    next = b + 1;
                    break;
                }
                if (s[b] == ' ') {
                    size_t w = b + 1, we = w;
                    while (we < e && s[we] != ' ')
                        we++;
                    if (we < e && word_in_list(s + w, we - w, AND_WORDS, sizeof AND_WORDS / sizeof *AND_WORDS)) {
                        next = we + 1;
                        break;
                    }
                }
                b++;
            }
            size_t na = a, nb = b;
            while (na < nb && s[na] == ' ')
                na++;
            while (nb > na && (s[nb - 1] == ' ' || s[nb - 1] == '.'))
                nb--;
            if (!person_name(s + na, nb - na))
                return 0; /* 'By the editors', 'by 5 pm': not a byline */
            off[found] = na;
            len[found] = nb - na;
            found++;
            a = next;
        }
    }
    return found;
}

/* Folded hash of letters and digits only: repeats ignore case, spacing and punctuation. */
static uint32_t text_hash(const char *s, size_t n)
{
    char low[1024];
    size_t m = utf8_fold(s, n < 500 ? n : 500, low, sizeof low);
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < m;) {
        size_t adv;
        uint32_t c = dec(low, m, i, &adv);
        if (letter_case(c) || (c >= '0' && c <= '9')) {
            for (size_t k = 0; k < adv; k++)
                h = (h ^ (unsigned char)low[i + k]) * 16777619u;
        }
        i += adv;
    }
    return h;
}


/* A date alone on the line (with at most a couple of words around it). */
static int date_line(const tctx *t, const unit *u, int *any)
{
    *any = 0;
    if (u->chars > 140)
        return 0;
    int digit = 0;
    for (size_t i = 0; i < u->n; i++)
        if (u->s[i] >= '0' && u->s[i] <= '9') {
            digit = 1;
            break;
        }
    if (!digit && u->chars > 30)
        return 0;
    date_value d;
    size_t off = 0, ml = 0;
    if (!date_parse(u->s, u->n, t->lang, t->pg->ref_time, DATE_TEXT, &d, &off, &ml))
        return 0;
    if (!date_plausible(&d, t->pg->ref_time))
        return 0;
    *any = 1;
    if (u->chars > 90)
        return 0;
    unsigned rest = 0;
    lang_stopwords(u->s, off, &rest);
    unsigned r2 = 0;
    if (off + ml <= u->n)
        lang_stopwords(u->s + off + ml, u->n - off - ml, &r2);
    return rest + r2 <= 3;
}

static void features(tctx *t, unit *u)
{
    const char *s = u->s;
    size_t n = u->n;
    unsigned words = 0;
    u->stop = lang_stopwords(s, n, &words);
    u->words = words;
    u->chars = (uint32_t)utf8_count(s, n);
    u->hash = text_hash(s, n);
    /* ending: strip closing quotes and brackets */
    size_t e = n;
    uint32_t last = 0;
    int closers = 0;
    while (e) {
        size_t k = e - 1;
        while (k && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
        size_t adv;
        last = dec(s, n, k, &adv);
        if (!is_closer(last) || closers > 3)
            break;
        closers++;
        e = k;
    }
    if (is_terminal(last))
        u->flags |= F_SENT;
    if (last == 0x2026 || (e >= 3 && !memcmp(s + e - 3, "...", 3)))
        u->flags |= F_ELLIPSIS;
    if (last == ':')
        u->flags |= F_COLON;
    /* sentence ends inside, case, separators */
    unsigned letters = 0, upper = 0, seps = 0, sent = 0, crumbs = 0;
    uint32_t prev = 0;
    int first = 1;
    for (size_t i = 0; i < n;) {
        size_t adv;
        uint32_t c = dec(s, n, i, &adv);
        int lc = letter_case(c);
        if (first && !is_space_cp(c)) {
            if (lc == 1 || lc == 3 || (c >= '0' && c <= '9') || c == '"' || c == 0xAB || c == 0x201E ||
                c == 0x201C || c == '\'' || c == 0x2018)
                u->flags |= F_UPPER0;
            first = 0;
        }
        if (lc) {
            letters++;
            upper += lc == 1;
        }
        if ((c == '|' || c == 0xB7 || c == 0x2022) && i > 0 && i + adv < n && s[i - 1] == ' ' && s[i + adv] == ' ')
            seps++;
        if ((c == '>' || c == 0x203A || c == 0xBB || c == '/' || c == 0x2192) && i > 0 && i + adv < n &&
            s[i - 1] == ' ' && s[i + adv] == ' ')
            crumbs++;
        if (is_terminal(prev) && c == ' ' && i + 1 < n) {
            size_t a2;
            uint32_t nx = dec(s, n, i + 1, &a2);
            int nl = letter_case(nx);
            if (nl == 1 || nl == 3 || nx == 0xAB || nx == '"' || nx == 0x201E || nx == 0x2013 || nx == 0x2014)
                sent++;
        }
        prev = c;
        i += adv;
    }
    if (u->flags & F_SENT)
        sent++;
    u->sentences = (uint8_t)(sent > 255 ? 255 : sent);
    if (letters >= 3 && upper == letters)
        u->flags |= F_CAPS;
    {
        /* code: a console prompt, or brackets and operators among few letters */
        unsigned sym = 0;
        for (size_t i = 0; i < n; i++)
            sym += s[i] == '(' || s[i] == ')' || s[i] == '{' || s[i] == '}' || s[i] == '[' || s[i] == ']' ||
                   s[i] == '=' || s[i] == ';' || s[i] == '<' || s[i] == '>' || s[i] == '_' || s[i] == '#' ||
                   s[i] == '$' || s[i] == '"' || s[i] == '+' || s[i] == '*';
        int prompt = (n >= 4 && (!memcmp(s, ">>> ", 4) || !memcmp(s, "... ", 4))) || (n >= 2 && !memcmp(s, "$ ", 2));
        char endc = s[n - 1];
        int code_end = endc == ';' || endc == '{' || endc == '}' || (endc == ')' && sym >= 4);
        if (prompt || (sym >= 2 && code_end && u->chars < 160) ||
            (sym >= 3 && sym * 8 >= u->chars && (!u->words || u->stop * 3 <= u->words)))
            u->flags |= F_CODE;
    }
    if (seps >= 2)
        u->flags |= F_MENU;
    /* 'Home > News > World', 'Головна > Економіка': short parts between arrows */
    if (crumbs && !(u->flags & F_SENT) && u->words <= 4 * (crumbs + 1) && u->chars <= 120)
        u->flags |= F_MENU | F_CRUMB;
    int any = 0;
    if (date_line(t, u, &any))
        u->flags |= F_DATE;
    if (any)
        u->flags |= F_HASDATE;
    int sentence_like = (u->flags & F_SENT) && u->words >= 6;
    if (u->chars <= 1200 && is_cookie_notice(s, n))
        u->flags |= F_COOKIE;
    if (text_is_furniture_phrase(s, n) && u->words <= 4 + (u->chars <= 50 ? 2 : 0) && !sentence_like)
        u->flags |= F_FURN;
    else if (u->chars <= 300) {
        /* 'Tags: ...', 'Kategorien: ...', 'Read also: <headline>' */
        const char *colon = memchr(s, ':', n < 40 ? n : 40);
        if (colon && text_is_furniture_phrase(s, (size_t)(colon - s) + 1)) {
            u->flags |= F_FURN;
            unsigned after = 0;
            lang_stopwords(colon + 1, n - (size_t)(colon + 1 - s), &after);
            if (after >= 3)
                u->flags |= F_INLINE;
        }
    }
    if ((u->flags & F_FURN) && starts_with_fold(s, n, ADLABELS, sizeof ADLABELS / sizeof *ADLABELS) && u->words <= 3)
        u->flags |= F_ADLABEL;
    if (u->chars <= 200) {
        /* copyright: the sign with a year, or the legal words; the sign alone is a photo credit */
        char low[512];
        size_t m = utf8_fold(s, n < 250 ? n : 250, low, sizeof low - 1);
        low[m] = '\0';
        int sign = strstr(low, "\xc2\xa9") || strstr(low, "(c) ");
        int year = 0;
        for (size_t k = 0; k + 4 <= m && !year; k++)
            year = (low[k] == '1' || low[k] == '2') && (low[k + 1] == '9' || low[k + 1] == '0') &&
                   low[k + 2] >= '0' && low[k + 2] <= '9' && low[k + 3] >= '0' && low[k + 3] <= '9' &&
                   (k == 0 || low[k - 1] < '0' || low[k - 1] > '9') &&
                   (k + 4 == m || low[k + 4] < '0' || low[k + 4] > '9');
        if (starts_with_fold(s, n, COPYRIGHT, sizeof COPYRIGHT / sizeof *COPYRIGHT) || (sign && year))
            u->flags |= F_COPY;
        else if (sign)
            u->flags |= F_CREDIT;
        for (size_t k = 2; k < sizeof COPYRIGHT / sizeof *COPYRIGHT; k++)
            if (strstr(low, COPYRIGHT[k]))
                u->flags |= F_COPY;
        /* '3 Kommentare', 'Comments (12)', 'Leave a Reply' */
        if (u->chars <= 40) {
            size_t d = 0;
            while (d < n && ((s[d] >= '0' && s[d] <= '9') || s[d] == ' '))
                d++;
            if (starts_with_fold(s + d, n - d, ENDMARK, sizeof ENDMARK / sizeof *ENDMARK) && u->words <= 5)
                u->flags |= F_ENDMARK;
        }
        if (u->chars <= 160 && starts_with_fold(s, n, COMMENT_FORM, sizeof COMMENT_FORM / sizeof *COMMENT_FORM))
            u->flags |= F_ENDMARK;
        if (starts_with_fold(s, n, CREDIT, sizeof CREDIT / sizeof *CREDIT) && u->chars <= 120)
            u->flags |= F_CREDIT;
        size_t bo[4], bl[4];
        if ((starts_with_fold(s, n, BYLINE, sizeof BYLINE / sizeof *BYLINE) && u->words <= 10 && !sentence_like) ||
            (u->words <= 16 && byline_names(s, n, bo, bl)))
            u->flags |= F_BYLINE;
        if (ends_with_fold(s, n, MORE, sizeof MORE / sizeof *MORE))
            u->flags |= F_MORE;
    }
}

/* Typical stopword density of this page's prose: the median over long,
 * sentence-shaped units. Tables differ in size per language, so thresholds
 * are relative to it. 0 when the page gives no signal (CJK, Thai ...). */
static double ref_density(const tctx *t)
{
    double v[64];
    size_t k = 0;
    for (size_t i = 0; i < t->n && k < 64; i++) {
        const unit *u = &t->u[i];
        if (u->words >= 15 && (u->flags & F_SENT) && !(u->flags & (F_COPY | F_MENU)))
            v[k++] = (double)u->stop / u->words;
    }
    if (k < 2) {
        unsigned w = 0, s = 0;
        for (size_t i = 0; i < t->n; i++)
            if (t->u[i].words >= 6)
                w += t->u[i].words, s += t->u[i].stop;
        return w >= 30 && s * 20 >= w ? (double)s / w : 0.0;
    }
    for (size_t i = 1; i < k; i++) /* insertion sort: k <= 64 */
        for (size_t j = i; j > 0 && v[j - 1] > v[j]; j--) {
            double x = v[j];
            v[j] = v[j - 1];
            v[j - 1] = x;
        }
    double m = v[k / 2];
    return m < 0.05 ? 0.0 : m;
}

/* ------------------------------------------------------------ page structure */

typedef struct hidx {
    uint32_t hash, idx;
} hidx;

static int cmp_hidx(const void *a, const void *b)
{
    const hidx *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Marks that need the neighbours: text repeated three times or more (share
 * buttons, 'Reply' links, template lines), table rows, and list items that
 * the text introduces with a colon or that read as sentences. */
static int structure(tctx *t)
{
    hidx *h = arena_alloc(t->pg->mem, t->n * sizeof *h);
    if (!h)
        return -1;
    for (size_t i = 0; i < t->n; i++) {
        h[i].hash = t->u[i].hash;
        h[i].idx = (uint32_t)i;
    }
    qsort(h, t->n, sizeof *h, cmp_hidx);
    for (size_t i = 0; i < t->n;) {
        size_t j = i;
        while (j < t->n && h[j].hash == h[i].hash)
            j++;
        if (j - i >= 3)
            for (size_t k = i; k < j; k++)
                if (t->u[h[k].idx].chars >= 4 && t->u[h[k].idx].chars <= 200 && !(t->u[h[k].idx].flags & F_CODE))
                    t->u[h[k].idx].flags |= F_REPEAT;
        i = j;
    }
    /* a line between two lines of code is code ('}' 'else' 'end') */
    for (size_t i = 1; i + 1 < t->n; i++)
        if ((t->u[i - 1].flags & F_CODE) && (t->u[i + 1].flags & F_CODE) && t->u[i].chars < 80 &&
            !(t->u[i].flags & F_SENT))
            t->u[i].flags |= F_CODE;
    for (size_t i = 0; i < t->n; i++) {
        unit *u = &t->u[i];
        if (u->gaps && !u->item && ((i > 0 && t->u[i - 1].gaps) || (i + 1 < t->n && t->u[i + 1].gaps)))
            u->flags |= F_TABLE;
    }
    for (size_t a = 0; a < t->n;) {
        if (!t->u[a].item) {
            a++;
            continue;
        }
        size_t b = a;
        unsigned sent = 0;
        while (b < t->n && t->u[b].item) {
            sent += (t->u[b].flags & F_SENT) && t->u[b].words >= 3;
            b++;
        }
        const unit *intro = a > 0 ? &t->u[a - 1] : NULL;
        int introduced = intro && (intro->flags & F_COLON) && intro->words >= 4 &&
                         !(intro->flags & (F_FURN | F_BYLINE | F_MENU));
        if (introduced || sent * 5 >= (b - a) * 3)
            for (size_t k = a; k < b; k++)
                t->u[k].flags |= F_INLIST;
        a = b;
    }
    return 0;
}

/* ------------------------------------------------------------ classification */

static int prose_density(const tctx *t, const unit *u, double f)
{
    if (t->ref <= 0)
        return u->sentences >= 1 && u->chars >= 25;
    if (!u->words)
        return 0;
    return (double)u->stop / u->words >= f * t->ref;
}

static void classify(tctx *t)
{
    for (size_t i = 0; i < t->n; i++) {
        unit *u = &t->u[i];
        unsigned f = u->flags;
        if (f & (F_COPY | F_FURN | F_DATE | F_MENU | F_REPEAT | F_ENDMARK | F_COOKIE)) {
            u->cls = C_BAD;
            continue;
        }
        int sent = (f & F_SENT) != 0;
        if (u->chars < 50 || (!sent && u->words <= 20 && !(u->chars >= 150 && u->sentences >= 1))) {
            /* too short to judge, or a headline shape */
            u->cls = C_SHORT;
            continue;
        }
        if (f & (F_CREDIT | F_BYLINE)) {
            u->cls = C_BAD;
            continue;
        }
        if (prose_density(t, u, GOOD_DENSITY) && (u->chars >= 150 || (sent && u->words >= 8)))
            u->cls = C_GOOD;
        else if (prose_density(t, u, NEAR_DENSITY))
            u->cls = C_NEAR;
        else if (sent && u->words >= 8 && !(f & (F_ELLIPSIS | F_MORE)))
            u->cls = C_NEAR; /* a whole sentence, whatever its function words */
        else
            u->cls = C_BAD;
        if (u->cls == C_GOOD && (f & (F_ELLIPSIS | F_MORE)) && u->chars < 300)
            u->cls = C_NEAR; /* a cut teaser excerpt */
    }
}

/* Teaser lists: dates alone on their lines, repeated every few units, with
 * short texts between them ('Section / headline / date', 'headline / date /
 * excerpt'). Everything in such a run is a teaser, whatever its shape. */
static void mark_teasers(tctx *t)
{
    size_t i = 0;
    while (i < t->n) {
        if (!(t->u[i].flags & F_DATE)) {
            i++;
            continue;
        }
        /* chain of date lines with gaps of at most 4 units */
        size_t first = i, last = i, count = 1;
        size_t j = i + 1;
        while (j < t->n && j <= last + 5) {
            if (t->u[j].flags & F_DATE) {
                if (t->u[j].chars > 600)
                    break;
                last = j;
                count++;
            } else if (t->u[j].chars > 400) {
                break;
            }
            j++;
        }
        if (count >= 2) {
            size_t gap = (last - first) / (count - 1); /* units per teaser */
            size_t from = first >= gap - 1 ? first - (gap - 1) : 0;
            /* the texts before the first date belong to its teaser */
            for (size_t k = from; k < first; k++)
                if (t->u[k].cls == C_GOOD && t->u[k].chars > 300)
                    from = k + 1;
            size_t to = last + 1;
            for (size_t k = from; k < to && k < t->n; k++)
                t->u[k].flags |= F_TEASER;
            i = last + 1;
        } else {
            i++;
        }
    }
    /* furniture followed by teaser-shaped lines ends the body */
    for (size_t k = 0; k < t->n; k++) {
        if (!(t->u[k].flags & F_FURN) || (t->u[k].flags & (F_INLINE | F_ADLABEL)))
            continue;
        unsigned seen = 0, teaserish = 0, prose = 0, long_prose = 0;
        for (size_t m = k + 1; m < t->n && seen < 12; m++, seen++) {
            const unit *v = &t->u[m];
            if (seen < 6 && (v->flags & (F_TEASER | F_DATE | F_FURN | F_MENU | F_ELLIPSIS | F_MORE) ||
                             (v->cls <= C_SHORT && !(v->flags & F_SENT)) || (v->item && v->chars < 120)))
                teaserish++;
            else if ((v->cls == C_GOOD || (v->cls == C_NEAR && v->chars >= 100 && (v->flags & F_SENT))) &&
                     !(v->flags & (F_TEASER | F_ELLIPSIS | F_MORE))) {
                prose++;
                long_prose += v->chars;
            }
        }
        /* an inline 'Related' box with the text going on after it is no end */
        if (seen && teaserish * 2 >= (seen < 6 ? seen : 6) && long_prose < 600 && prose < 2)
            t->u[k].flags |= F_BARRIER;
    }
}

/* jusText's context rule: short and near-good units take the class of the
 * prose around them (the nearest good or bad unit on each side; two linear
 * passes). */
static void smooth(tctx *t)
{
    int prev = C_BAD;
    for (size_t i = 0; i < t->n; i++) {
        unit *u = &t->u[i];
        if (u->cls == C_GOOD || u->cls == C_BAD)
            prev = u->cls;
        else
            u->keep = (uint8_t)(prev == C_GOOD); /* the left neighbour, for now */
    }
    int next = C_BAD;
    for (size_t i = t->n; i-- > 0;) {
        unit *u = &t->u[i];
        if (u->cls == C_GOOD || u->cls == C_BAD) {
            next = u->cls;
            continue;
        }
        int left_good = u->keep;
        if (u->cls == C_NEAR)
            u->keep = (uint8_t)(left_good || next == C_GOOD);
        else if (u->cls == C_SHORT)
            u->keep = (uint8_t)(left_good && next == C_GOOD);
        else
            u->keep = 0;
    }
}

static double unit_score(const tctx *t, const unit *u)
{
    unsigned f = u->flags;
    double c = u->chars;
    if (f & (F_BARRIER | F_ENDMARK))
        return -600;
    if (f & F_COPY)
        return -300;
    if (f & F_COOKIE)
        return -(100 + c);
    if (f & F_TEASER)
        return -(40 + c);
    if (f & (F_INLINE | F_ADLABEL))
        return -25; /* one line inside the text: cheap to step over */
    if (f & F_FURN)
        return -120;
    if (f & F_DATE)
        return -50;
    if (f & F_REPEAT)
        return -(20 + (c > 200 ? 200 : c) * 0.5);
    if ((f & (F_TABLE | F_INLIST | F_CODE)) && u->cls != C_GOOD)
        return 0;
    switch (u->cls) {
    case C_GOOD:
        return c;
    case C_NEAR:
        return (t->pg->opt->flags & PITH_OPT_RECALL) ? c * 0.6 : c * 0.4;
    case C_SHORT:
        if ((f & F_SENT) && u->words >= 3)
            return 0;
        if (f & F_CREDIT)
            return -20;
        return u->item ? (u->words >= 3 ? -10 : -25) : -12;
    default:
        return -(20 + (c > 400 ? 400 : c) * 0.5);
    }
}

/* The body: the contiguous run of units with the greatest total score.
 * Each unit in a stretch without prose costs more than the one before it
 * (a caption inside the text is cheap to cross, a sidebar is not), and a
 * comment section or furniture followed by teasers cannot be crossed. */
static int is_title_shape(const unit *u);

static void unit_scores(tctx *t)
{
    unsigned gap = 0;
    for (size_t i = 0; i < t->n; i++) {
        unit *u = &t->u[i];
        double s = unit_score(t, u);
        if (s > 0)
            gap = 0;
        else if (!(s == 0 && (u->flags & (F_TABLE | F_INLIST | F_CODE)))) {
            gap++;
            s -= 6.0 * (gap < 12 ? gap : 12);
        }
        u->score = s;
    }
    /* A headline with its date or byline beside it opens the article: the
     * first paragraphs after it weigh more, so that a 'Read also' box after
     * a short first paragraph does not hand the body to what follows. */
    for (size_t i = 0; i < t->n; i++) {
        const unit *u = &t->u[i];
        if (!(u->flags & (F_DATE | F_BYLINE)) || (u->flags & F_TEASER))
            continue;
        int titled = 0;
        for (size_t k = i >= 3 ? i - 3 : 0; k <= i + 2 && k < t->n; k++)
            titled |= k != i && is_title_shape(&t->u[k]) && !(t->u[k].flags & F_SENT) && t->u[k].cls <= C_SHORT;
        if (!titled)
            continue;
        unsigned given = 0;
        for (size_t k = i + 1; k < t->n && k <= i + 8 && given < 3; k++) {
            unit *v = &t->u[k];
            if (v->flags & (F_BARRIER | F_ENDMARK))
                break;
            if (v->cls >= C_NEAR && !(v->flags & F_TEASER) && !v->item) {
                v->score += HEADER_BONUS;
                given++;
            }
        }
        break;
    }
}

static double best_run(const tctx *t, size_t lo, size_t hi, size_t *rs, size_t *re)
{
    double best = 0, cur = 0;
    size_t start = lo;
    *rs = *re = lo;
    for (size_t i = lo; i < hi; i++) {
        const unit *u = &t->u[i];
        if (u->flags & (F_BARRIER | F_ENDMARK)) {
            cur = 0;
            start = i + 1;
            continue;
        }
        if (cur <= 0) {
            cur = u->score;
            start = i;
        } else {
            cur += u->score;
        }
        if (cur > best) {
            best = cur;
            *rs = start;
            *re = i + 1;
        }
    }
    return best;
}

/* A short line that reads like the text's own (a sentence, or words with
 * function words in them) rather than furniture. */
static int benign_tail(const unit *u)
{
    if (u->flags & (F_FURN | F_DATE | F_HASDATE | F_COPY | F_MENU | F_REPEAT | F_ENDMARK | F_COOKIE | F_BARRIER |
                    F_TEASER | F_CREDIT | F_BYLINE | F_MORE | F_COLON))
        return 0;
    if (u->cls != C_SHORT && u->cls != C_NEAR)
        return 0;
    if (u->item && !(u->flags & F_INLIST))
        return 0;
    return (u->flags & F_SENT) && u->words >= 2;
}

/* An author's bio ('Jane Doe is a reporter ...', 'Matthias Weber ist
 * ERP-Experte ...') or a newsletter / follow-us box after the text. */
static const char *const BIO_VERBS[] = {"is", "was", "has", "writes", "works", "lives", "covers", "ist", "war",
                                        "hat", "schreibt", "arbeitet", "lebt", "leitet", "studierte", "є",
                                        "працює", "пише", "живе", "является", "работает", "пишет", "живет"};
static const char *const PROMO[] = {"newsletter", "subscribe", "abonnieren", "sign up", "melden sie sich",
                                    "підпишіться", "подпишитесь", "follow us", "folgen sie uns"};

static int end_matter(const unit *u)
{
    if (u->chars > 500 || u->item)
        return 0;
    /* two capitalised words, then a verb of being or working */
    const char *s = u->s;
    size_t n = u->n, i = 0;
    unsigned caps = 0;
    for (int w = 0; w < 3 && i < n; w++) {
        size_t a = i;
        while (i < n && s[i] != ' ')
            i++;
        if (w < 2) {
            size_t adv;
            caps += letter_case(dec(s, n, a, &adv)) == 1;
        } else if (caps == 2 && word_in_list(s + a, i - a, BIO_VERBS, sizeof BIO_VERBS / sizeof *BIO_VERBS))
            return 1;
        while (i < n && s[i] == ' ')
            i++;
    }
    char low[512];
    size_t m = utf8_fold(s, n < 250 ? n : 250, low, sizeof low - 1);
    low[m] = '\0';
    for (size_t k = 0; k < sizeof PROMO / sizeof *PROMO; k++)
        if (strstr(low, PROMO[k]) && u->chars < 250)
            return 1;
    return 0;
}

/* Articles come before their comments, related stories and sidebars: a
 * strong run of prose earlier on the page wins over a somewhat larger one
 * after it. */
static void find_region(tctx *t)
{
    unit_scores(t);
    double best = best_run(t, 0, t->n, &t->rs, &t->re);
    for (int k = 0; k < 4 && t->rs > 0; k++) {
        size_t a, b;
        double s = best_run(t, 0, t->rs, &a, &b);
        unsigned good = 0;
        for (size_t i = a; i < b; i++)
            good += t->u[i].cls == C_GOOD;
        if (s < EARLIER_MIN || s < EARLIER_SHARE * best || good < EARLIER_GOOD)
            break;
        t->rs = a;
        t->re = b;
        best = s;
    }
    /* end matter caught inside the run: an author's bio, a newsletter box */
    while (t->re > t->rs + 1) {
        size_t k = t->re - 1;
        while (k > t->rs && t->u[k].cls <= C_SHORT && !(t->u[k].flags & F_SENT))
            k--; /* the short lines (names, buttons) around it */
        if (k == t->rs || !end_matter(&t->u[k]))
            break;
        t->re = k;
    }
    /* short closing lines of the text ('Thanks for reading!', a greeting) */
    for (int k = 0; k < 2 && t->re < t->n && benign_tail(&t->u[t->re]); k++)
        t->re++;
}

/* ------------------------------------------------------------ header */

static int is_title_shape(const unit *u)
{
    unsigned f = u->flags;
    if (u->item || (f & (F_DATE | F_HASDATE | F_FURN | F_COPY | F_MENU | F_CREDIT | F_BYLINE | F_COLON | F_TEASER |
                         F_MORE | F_COOKIE)))
        return 0;
    if (u->chars < 10 || u->chars > 250 || u->words < 2 || u->words > 35)
        return 0;
    if (u->sentences > 2)
        return 0;
    return (f & F_UPPER0) != 0;
}

static int repeated(const tctx *t, size_t i)
{
    for (size_t k = 0; k < t->n; k++) {
        if (k == i || t->u[k].hash != t->u[i].hash)
            continue;
        /* copies next to each other are an image alt and its caption */
        size_t lo = k < i ? k : i, hi = k < i ? i : k;
        if (hi - lo >= 2)
            return 1;
    }
    return 0;
}

static int section_shape(const unit *u)
{
    if (u->item || u->chars < 3 || u->chars > 32 || u->words == 0 || u->words > 3)
        return 0;
    if (u->flags & (F_DATE | F_HASDATE | F_FURN | F_COPY | F_MENU | F_BYLINE | F_SENT | F_COLON | F_MORE))
        return 0;
    if (!(u->flags & F_UPPER0))
        return 0;
    for (size_t i = 0; i < u->n; i++) {
        unsigned char c = (unsigned char)u->s[i];
        if ((c >= '0' && c <= '9') || c == ',' || c == '|' || c == '/' || c == '(' || c == '"')
            return 0;
    }
    return 1;
}

/* Section name as a site would print it in running text: 'СВІТ' -> 'Світ'. */
static void set_section_text(tctx *t, const char *s, size_t n)
{
    char out[128];
    size_t o = 0;
    unsigned letters = 0, upper = 0;
    if (n > 60)
        return;
    for (size_t i = 0; i < n;) {
        size_t adv;
        int lc = letter_case(dec(s, n, i, &adv));
        letters += lc != 0;
        upper += lc == 1;
        i += adv;
    }
    if (letters >= 2 && upper == letters) {
        size_t adv;
        dec(s, n, 0, &adv);
        memcpy(out, s, adv);
        o = adv + utf8_fold(s + adv, n - adv, out + adv, sizeof out - adv);
    } else {
        memcpy(out, s, n);
        o = n;
    }
    doc_set_field(t->doc, PITH_FIELD_SECTION, out, o, "text");
}

static void set_section(tctx *t, const unit *u) { set_section_text(t, u->s, u->n); }

/* A rubric written in front of the date or as the last crumb: one to three
 * capitalised words, no digits. */
static int rubric_text(const char *s, size_t n)
{
    unsigned words = 0;
    if (n < 3 || n > 40)
        return 0;
    size_t adv;
    int lc = letter_case(dec(s, n, 0, &adv));
    if (lc != 1)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= '0' && c <= '9') || c == ',' || c == '.' || c == ':' || c == '|' || c == '(')
            return 0;
        if (c == ' ' && i + 1 < n && s[i + 1] != ' ')
            words++;
    }
    return words + 1 <= 3;
}

static const char *const HOME_WORDS[] = {"home", "startseite", "start", "головна", "главная", "accueil", "inicio",
                                         "news", "nachrichten", "новини", "новости", "homepage", "index"};

/* Trim spaces and separators at both ends of s[*a..*b). */
static void trim_seps(const char *s, size_t *a, size_t *b)
{
    while (*a < *b && (s[*a] == ' ' || s[*a] == ',' || s[*a] == '|' || s[*a] == '-' || s[*a] == '>'))
        (*a)++;
    while (*b > *a && (s[*b - 1] == ' ' || s[*b - 1] == ',' || s[*b - 1] == '|' || s[*b - 1] == '-' ||
                       s[*b - 1] == '>' || s[*b - 1] == ':'))
        (*b)--;
    /* '·' and '•' and arrows (multi-byte) */
    while (*b > *a + 1 && (unsigned char)s[*b - 1] >= 0x80) {
        size_t k = *b - 1;
        while (k > *a && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
        size_t adv;
        uint32_t c = dec(s, *b, k, &adv);
        if (c != 0xB7 && c != 0x2022 && c != 0x203A && c != 0xBB && c != 0x2014 && c != 0x2013 && c != 0x2192)
            break;
        *b = k;
        while (*b > *a && s[*b - 1] == ' ')
            (*b)--;
    }
}

static void set_date(tctx *t, const unit *u)
{
    date_value d;
    if (!date_parse(u->s, u->n, t->lang, t->pg->ref_time, DATE_TEXT, &d, NULL, NULL))
        return;
    char iso[40];
    size_t l = date_format_iso(&d, iso);
    if (l)
        doc_set_field(t->doc, PITH_FIELD_PUBLISHED, iso, l, "text");
}

/* A lead: one or two sentences that summarise, shorter than the prose after it. */
static int lead_shape(const tctx *t, size_t i, unsigned max_sentences)
{
    const unit *u = &t->u[i];
    if (u->item || !(u->flags & F_SENT) || (u->flags & (F_TEASER | F_FURN | F_COPY | F_CREDIT | F_ELLIPSIS)))
        return 0;
    if (u->chars < 40 || u->chars > LEAD_MAX_CHARS || u->sentences > max_sentences || u->words < 6)
        return 0;
    /* the next paragraph of the body is longer */
    for (size_t k = i + 1; k < t->re && k < i + 4; k++) {
        const unit *v = &t->u[k];
        if (v->cls >= C_NEAR && !v->item)
            return v->chars >= u->chars + u->chars / 3;
    }
    return 0;
}

static void header(tctx *t)
{
    t->title = t->section = t->date = t->lead = -1;
    size_t rs = t->rs;
    /* the header block: back from the body to a long menu run (share
     * buttons between headline and text are short runs), at most 40 units */
    size_t lo = rs, run = 0;
    while (lo > 0 && rs - lo < 40) {
        const unit *u = &t->u[lo - 1];
        if (u->flags & (F_BARRIER | F_COPY | F_ENDMARK))
            break;
        int menuish = (u->item && u->chars < 80) || (u->flags & F_MENU);
        run = menuish ? run + 1 : 0;
        lo--;
        if (run >= 6) {
            lo += run;
            break;
        }
    }
    /* the date (or byline) nearest above the body: titles sit above it */
    long anchor = -1;
    for (size_t k = rs; k-- > lo;)
        if (t->u[k].flags & (F_DATE | F_BYLINE)) {
            anchor = (long)k;
            break;
        }
    /* title: score candidates in the header block and the first unit of the body */
    double best = -1e9;
    size_t hi = rs + 1 < t->re ? rs + 1 : rs;
    for (size_t k = lo; k < hi && k < t->n; k++) {
        const unit *u = &t->u[k];
        if (!is_title_shape(u))
            continue;
        if (k >= rs && (u->flags & F_SENT))
            continue;
        double s = 0;
        if (repeated(t, k))
            s += 5;
        if (anchor >= 0 && (long)k < anchor)
            s += 1.5;
        /* right above the text (only dates, bylines and pictures between) */
        {
            size_t m = k + 1;
            while (m < rs && (t->u[m].flags & (F_DATE | F_BYLINE | F_CREDIT | F_HASDATE)))
                m++;
            if (m == rs)
                s += 1.5;
        }
        /* a row of capitalised words without a function word is a menu */
        if (u->stop == 0 && u->words >= 4 && !(u->flags & F_SENT)) {
            unsigned caps = 0;
            size_t adv;
            for (size_t i = 0; i < u->n; i++)
                if ((i == 0 || u->s[i - 1] == ' ') && letter_case(dec(u->s, u->n, i, &adv)) == 1)
                    caps++;
            if (caps >= u->words)
                s -= 3;
        }
        if (u->flags & F_SENT)
            s -= u->sentences > 1 ? 4 : 2.5;
        if (u->words < 3)
            s -= 2;
        if (u->chars >= 25 && u->chars <= 200)
            s += 1;
        if (u->flags & F_CAPS)
            s -= 1;
        if (u->cls == C_GOOD)
            s -= 2;
        s -= 0.15 * (double)(rs > k ? rs - k : 0);
        if (s > best) {
            best = s;
            t->title = (long)k;
        }
    }
    if (t->title >= 0) {
        unit *u = &t->u[t->title];
        /* the title's earliest copy in the header block (the headline over its repeat) */
        for (size_t k = lo; k < (size_t)t->title; k++)
            if (t->u[k].hash == u->hash && t->u[k].n == u->n) {
                t->title = (long)k;
                break;
            }
        u = &t->u[t->title];
        if (!(t->pg->opt->flags & PITH_OPT_NO_METADATA))
            doc_set_field(t->doc, PITH_FIELD_TITLE, u->s, u->n, "text");
    }
    if (t->pg->opt->flags & PITH_OPT_NO_METADATA)
        return;
    size_t ti = t->title >= 0 ? (size_t)t->title : rs;
    /* section: a capitalised word or two on its own line next to the title */
    static const int order[] = {1, -1, 2, -2, 3};
    if (t->title >= 0)
        for (size_t k = 0; k < sizeof order / sizeof *order && t->section < 0; k++) {
            long j = (long)ti + order[k];
            if (j < 0 || (size_t)j >= t->n || (size_t)j >= rs + 1)
                continue;
            const unit *u = &t->u[j];
            if (!section_shape(u))
                continue;
            /* everything between it and the title is header furniture */
            int ok = 1;
            long a = j < (long)ti ? j + 1 : (long)ti + 1, b = j < (long)ti ? (long)ti : j;
            for (long m = a; m < b; m++)
                if (!(t->u[m].flags & (F_DATE | F_BYLINE)) && t->u[m].hash != t->u[ti].hash)
                    ok = 0;
            if (ok && u->words <= 2 + ((u->flags & F_CAPS) != 0)) {
                t->section = j;
                set_section(t, u);
            }
        }
    /* published: the first date line near the title (after it, then before it) */
    size_t from = t->title >= 0 ? ti : lo;
    for (size_t k = from; k < rs + 2 && k < t->n && k < from + 12; k++)
        if ((t->u[k].flags & F_DATE) || ((t->u[k].flags & F_HASDATE) && t->u[k].cls <= C_SHORT &&
                                         !(t->u[k].flags & F_TEASER))) {
            t->date = (long)k;
            break;
        }
    for (size_t k = from; t->date < 0 && k-- > lo && from - k <= 4;)
        if (t->u[k].flags & F_DATE)
            t->date = (long)k;
    if (t->date >= 0)
        set_date(t, &t->u[t->date]);
    /* section written in front of the date: 'ЕКОНОМІКА 18 квітня 2024', 'Общество, 02.10.2024' */
    if (t->section < 0 && t->date >= 0) {
        const unit *u = &t->u[t->date];
        date_value d;
        size_t mo = 0, ml = 0;
        if (date_parse(u->s, u->n, t->lang, t->pg->ref_time, DATE_TEXT, &d, &mo, &ml) && mo > 0) {
            size_t a = 0, b = mo;
            trim_seps(u->s, &a, &b);
            if (b > a && rubric_text(u->s + a, b - a) &&
                !word_in_list(u->s + a, b - a, HOME_WORDS, sizeof HOME_WORDS / sizeof *HOME_WORDS)) {
                set_section_text(t, u->s + a, b - a);
                t->section = t->date;
            }
        }
    }
    /* or the last crumb of a breadcrumb trail above the title */
    for (size_t k = lo; t->section < 0 && k < rs && k < ti + 1; k++) {
        const unit *u = &t->u[k];
        if (!(u->flags & F_CRUMB))
            continue;
        size_t e = u->n, b = u->n;
        while (b > 0 && u->s[b - 1] != '>' && !(b >= 3 && (unsigned char)u->s[b - 3] == 0xE2 &&
                                                  (unsigned char)u->s[b - 2] == 0x80 && (unsigned char)u->s[b - 1] == 0xBA) &&
               !(b >= 2 && (unsigned char)u->s[b - 2] == 0xC2 && (unsigned char)u->s[b - 1] == 0xBB) && u->s[b - 1] != '/')
            b--;
        trim_seps(u->s, &b, &e);
        if (e > b && rubric_text(u->s + b, e - b) && text_hash(u->s + b, e - b) != t->u[ti].hash &&
            !word_in_list(u->s + b, e - b, HOME_WORDS, sizeof HOME_WORDS / sizeof *HOME_WORDS)) {
            set_section_text(t, u->s + b, e - b);
            t->section = (long)k;
        }
    }
    /* authors: the first byline in the header block or at the top of the body */
    for (size_t k = lo; k < rs + 3 && k < t->n; k++) {
        const unit *u = &t->u[k];
        if (!(u->flags & F_BYLINE))
            continue;
        size_t bo[4], bl[4];
        unsigned m = byline_names(u->s, u->n, bo, bl);
        for (unsigned q = 0; q < m; q++)
            doc_list_add(t->doc, PITH_LIST_AUTHORS, u->s + bo[q], bl[q], "text");
        if (m)
            break;
    }
}

/* The lead: a short summary after the title, either on its own above the
 * body (byline and pictures between) or as the body's first paragraph. */
static void find_lead(tctx *t)
{
    if (t->title < 0)
        return;
    size_t ti = (size_t)t->title;
    int meta = 0; /* a date or byline line between the headline and the lead */
    for (size_t k = ti + 1; k < t->rs + 1 && k < t->n; k++) {
        const unit *u = &t->u[k];
        if (u->flags & (F_DATE | F_BYLINE | F_HASDATE))
            meta = 1;
        if (u->hash == t->u[ti].hash || (u->flags & (F_DATE | F_BYLINE | F_CREDIT)) || (long)k == t->section)
            continue;
        if (u->cls <= C_SHORT && !(u->flags & F_SENT) && u->chars < 120 && k < t->rs)
            continue; /* header furniture (a picture's alt text, 'Exclusive') */
        int ok = 0;
        if (k < t->rs)
            ok = !u->item && (u->flags & F_SENT) && u->chars >= 40 && u->chars <= 400 && u->sentences <= 3 &&
                 u->words >= 6;
        else
            ok = lead_shape(t, k, meta ? 2 : 1);
        if (ok) {
            t->lead = (long)k;
            if (!(t->pg->opt->flags & PITH_OPT_NO_METADATA))
                doc_set_field(t->doc, PITH_FIELD_LEAD, u->s, u->n, "text");
        }
        break;
    }
}

/* ------------------------------------------------------------ body */

static void choose(tctx *t)
{
    int precision = (t->pg->opt->flags & PITH_OPT_PRECISION) != 0;
    uint32_t th = t->title >= 0 ? t->u[t->title].hash : 0;
    for (size_t i = t->rs; i < t->re; i++) {
        unit *u = &t->u[i];
        unsigned f = u->flags;
        int keep = 0;
        if (f & (F_COPY | F_FURN | F_DATE | F_TEASER | F_MENU | F_BARRIER | F_ENDMARK | F_REPEAT | F_COOKIE))
            keep = 0;
        else if (u->cls == C_GOOD)
            keep = 1;
        else if (u->cls == C_NEAR)
            keep = !precision || u->keep;
        else if (u->cls == C_SHORT)
            keep = !(f & (F_CREDIT | F_BYLINE | F_HASDATE | F_MORE)) &&
                   (u->keep || (f & (F_SENT | F_TABLE | F_INLIST | F_CODE)) || u->item);
        if ((long)i == t->lead || (long)i == t->title || (long)i == t->section || (long)i == t->date)
            keep = 0;
        if (t->title >= 0 && u->hash == th && u->chars <= t->u[t->title].chars + 2)
            keep = 0; /* the headline's second copy */
        u->keep = (uint8_t)keep;
    }
    /* short lines without a full stop right before prose are subheadings */
    for (size_t i = t->rs; i < t->re; i++) {
        unit *u = &t->u[i];
        if (!u->keep || u->item || (u->flags & (F_SENT | F_TABLE | F_CODE)) || u->chars > 120 || u->cls > C_SHORT)
            continue;
        size_t k = i + 1;
        while (k < t->re && !t->u[k].keep)
            k++;
        if (k < t->re && !t->u[k].item && t->u[k].cls >= C_NEAR && (u->flags & F_UPPER0))
            u->heading = 1;
        else if (!(u->flags & F_SENT))
            u->keep = 0;
    }
    /* short items at the body's end that no line introduced are navigation */
    while (t->rs < t->re && t->u[t->re - 1].keep && t->u[t->re - 1].item && t->u[t->re - 1].chars < 80 &&
           !(t->u[t->re - 1].flags & F_INLIST)) {
        t->u[t->re - 1].keep = 0;
        t->re--;
    }
}

static int emit(tctx *t)
{
    for (size_t i = t->rs; i < t->re; i++) {
        const unit *u = &t->u[i];
        if (!u->keep)
            continue;
        pith_block_kind k = u->heading ? PITH_BLOCK_HEADING : u->item ? PITH_BLOCK_LIST_ITEM : PITH_BLOCK_PARAGRAPH;
        unsigned level = u->heading ? 2 : u->item ? u->level : 0;
        unsigned flags = u->item && u->ordered ? PITH_BLOCK_ORDERED : 0;
        if (doc_add_block(t->doc, k, PITH_PART_BODY, level, flags, u->s, u->n))
            return -1;
    }
    return 0;
}

/* ------------------------------------------------------------ input */

/* Skip a WARC header block ("WARC/1.0" ... blank line) at the start. */
static size_t skip_warc_header(const char *s, size_t n)
{
    if (n < 8 || memcmp(s, "WARC/1.", 7) != 0)
        return 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] == '\n' && (s[i + 1] == '\n' || (s[i + 1] == '\r' && i + 2 < n && s[i + 2] == '\n')))
            return i + (s[i + 1] == '\n' ? 2 : 3);
    }
    return n;
}

/* lynx -dump and w3m -o display_link_number list the link targets at the end
 * under 'References': the list is cut off. */
static size_t cut_references(const tctx *t)
{
    for (size_t i = t->nl; i-- > 0;) {
        const tline *L = &t->L[i];
        if (L->blank)
            continue;
        if (L->len == 10 && !memcmp(t->text + L->off, "References", 10))
            return i;
        /* '  12. https://...' lines */
        const char *s = t->text + L->off;
        size_t k = 0;
        while (k < L->len && s[k] >= '0' && s[k] <= '9')
            k++;
        if (!(k && k + 2 < L->len && (s[k] == '.' || s[k] == ']') && s[k + 1] == ' '))
            return t->nl;
    }
    return t->nl;
}

static int read_lines(tctx *t)
{
    /* lines end at LF, CRLF or a lone CR */
    size_t count = 1;
    for (size_t i = 0; i < t->len; i++)
        count += t->text[i] == '\n' || (t->text[i] == '\r' && (i + 1 >= t->len || t->text[i + 1] != '\n'));
    t->L = arena_alloc(t->pg->mem, count * sizeof(tline));
    if (!t->L)
        return -1;
    size_t i = skip_warc_header(t->text, t->len);
    while (i < t->len) {
        size_t j = i;
        while (j < t->len && t->text[j] != '\n' && t->text[j] != '\r')
            j++;
        measure_line(t->text, i, j, &t->L[t->nl++]);
        if (j < t->len && t->text[j] == '\r' && j + 1 < t->len && t->text[j + 1] == '\n')
            j++;
        i = j + 1;
    }
    t->nl = cut_references(t);
    settle_bullets(t->L, t->nl);
    return 0;
}

pith_status textmode_extract(page *pg, const char *text, size_t len, pith_doc *doc)
{
    tctx t;
    memset(&t, 0, sizeof t);
    t.pg = pg;
    t.doc = doc;
    t.text = text;
    t.len = len;
    t.title = t.section = t.date = t.lead = -1;
    if (read_lines(&t))
        return PITH_ENOMEM;
    t.wrap = find_wrap(&t);
    if (build_units(&t))
        return PITH_ENOMEM;
    if (!t.n)
        return PITH_ENOCONTENT;
    /* the page's language (for dates and the record) from its longer lines */
    {
        buf b = BUF_INIT;
        for (size_t i = 0; i < t.n && b.len < 20000; i++)
            if (utf8_count(t.u[i].s, t.u[i].n) >= 40) {
                buf_put(&b, t.u[i].s, t.u[i].n);
                buf_putc(&b, '\n');
            }
        if (b.failed) {
            buf_free(&b);
            return PITH_ENOMEM;
        }
        t.lang = b.len ? lang_detect(b.data, b.len, NULL) : NULL;
        buf_free(&b);
        if (!t.lang)
            t.lang = lang_detect(text, len < 20000 ? len : 20000, NULL);
        pg->lang = t.lang;
    }
    for (size_t i = 0; i < t.n; i++) {
        features(&t, &t.u[i]);
        if ((i & 63) == 63 && budget_exceeded(pg))
            return PITH_ETIMEOUT;
    }
    if (structure(&t))
        return PITH_ENOMEM;
    t.ref = ref_density(&t);
    classify(&t);
    mark_teasers(&t);
    smooth(&t);
    find_region(&t);
    if (t.re <= t.rs) {
        /* nothing reads like prose: keep every line that is not furniture */
        t.rs = 0;
        t.re = t.n;
        for (size_t i = 0; i < t.n; i++)
            if (t.u[i].cls == C_SHORT || t.u[i].cls == C_BAD)
                t.u[i].cls = t.u[i].flags & (F_COPY | F_FURN | F_DATE | F_MENU) ? C_BAD : C_NEAR;
    }
    header(&t);
    find_lead(&t);
    choose(&t);
    if (emit(&t))
        return PITH_ENOMEM;
    if (t.lang && !(pg->opt->flags & PITH_OPT_NO_METADATA))
        doc_set_field(doc, PITH_FIELD_LANGUAGE, t.lang, strlen(t.lang), "text");
    if (pg->mem->failed)
        return PITH_ENOMEM;
    return doc->n_blocks ? PITH_OK : PITH_ENOCONTENT;
}
