/* dates.c — dates and times as pages write them (see dates.h).
 *
 * Takes a byte string (any bytes; UTF-8 is decoded, invalid sequences are
 * non-letters) and gives a date_value. A small set of anchored recognisers
 * (ISO/numeric, day-month-name, month-name-day, year-month-name, relative
 * words, "N units ago", time-then-date) is tried at each word start; every
 * attempt reads a bounded number of bytes, so DATE_TEXT scans are linear.
 * Word tables live in tables/dates_words.inc, their hashed and sorted indexes
 * in tables/dates_index.inc (tools/gen_tables.py). No allocation, no state.
 */
#include "dates.h"

#include <stdio.h>
#include <string.h>

/* A table word: folded UTF-8 text, its byte length, a value and flags. */
typedef struct dword {
    const char *w;
    unsigned char len;
    unsigned short val;
    unsigned char flags;
} dword;

#define DWF_AMBIG 1u   /* month word that is also a common word */
#define DWF_FR_ONLY 2u /* relative word "hier" */
#define DWF_GOD 4u     /* unit "год" */
#define DWF_JALALI 8u  /* month of the Persian solar Hijri calendar */
#define DWF_THAI 16u   /* Thai month name: its year may be of the Buddhist era */

/* A hashed table (tables/dates_index.inc): slot[h & mask] = 1 + entry. */
typedef struct dword_index {
    const dword *tab;
    const uint16_t *slot;
    uint32_t mask;
} dword_index;

/* A phrase table by first byte: tab[order[start[b] .. start[b + 1])]. */
typedef struct dword_phrases {
    const dword *tab;
    const uint8_t *order;
    const uint16_t *start;
} dword_phrases;

#include "tables/dates_words.inc"
#include "tables/dates_index.inc"

#define NOPE ((size_t)-1)
#define MAX_WORD 48                          /* longest word (bytes) we fold and look up */
#define MAX_SPACE 8                          /* most blanks skipped between two tokens */
#define REF_MAX INT64_C(253402300799)        /* 9999-12-31T23:59:59Z */
#define NTAB(t) (sizeof(t) / sizeof((t)[0]))
#define BARE_REL_MAX 80                      /* see ctx.bare_rel_ok */
#define BARE_REL_WORDS 6

typedef struct ctx {
    const unsigned char *s;
    size_t n;
    int64_t ref;     /* reference time, 0 when absent or out of range */
    int month_first; /* en-US: ambiguous numeric dates are month/day/year */
    int lang_fr, lang_uk, lang_hr;
    /* Calendars other than the Gregorian (see cal_of): the page is Persian
     * (lang "fa" or Persian digits) or Thai (lang "th" or Thai digits) */
    int cal_fa, cal_th;
    int machine;     /* whole-string mode: YYYYMMDD is allowed */
    /* A bare relative word ("today", "вчора") with no time attached counts in
     * DATE_MACHINE and in short DATE_TEXT strings (bylines, date labels: at
     * most BARE_REL_MAX bytes and BARE_REL_WORDS words), not in running prose,
     * where "Today, the minister said" is no date. */
    int bare_rel_ok;
    int skip_native; /* digits of other scripts are no digits (and no stop) */
} ctx;

/* What a recogniser found, before relative/year-less resolution. */
typedef struct res {
    date_value d;
    int yearless; /* d.month/d.day known, year to take from ref */
    int ambig;    /* month word is also a common word: needs a year or a time */
    int rel_days; /* >= 0: relative day word, that many days before ref */
    int fr_only;  /* relative word "hier" */
    int cal;      /* CAL_* of the month word */
} res;

enum { CAL_GREG = 0, CAL_FA, CAL_TH };

typedef struct tpart {
    int h, mi, se, has_tz, tz;
} tpart;

/* ------------------------------------------------------------ calendar */

static int is_leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int valid_ymd(int64_t y, int64_t m, int64_t d)
{
    static const unsigned char dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
        return 0;
    return d <= dim[m - 1] + (m == 2 && is_leap(y));
}

/* Days since 1970-01-01 of a proleptic Gregorian date (any int inputs). */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
    if (m <= 2)
        y--;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;                              /* 0..399 */
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* from March 1 */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t mm = mp < 10 ? mp + 3 : mp - 9;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)mm;
    *y = (int)(yoe + era * 400 + (mm <= 2));
}

/* The Persian solar Hijri calendar, arithmetically: months 1-6 have 31 days,
 * 7-11 have 30, the 12th 29 or 30; leap years follow the 33-year cycle, which
 * agrees with the official (astronomical) calendar for 1300-1499. 1 Farvardin
 * 1403 was 20 March 2024. */
static int jalali_leap(int64_t y)
{
    int r = (int)(y % 33);
    return r == 1 || r == 5 || r == 9 || r == 13 || r == 17 || r == 22 || r == 26 || r == 30;
}

static int jalali_valid(int64_t y, int64_t m, int64_t d)
{
    if (m < 1 || m > 12 || d < 1)
        return 0;
    return d <= (m <= 6 ? 31 : m <= 11 ? 30 : 29 + jalali_leap(y));
}

static void jalali_to_civil(date_value *v)
{
    int64_t day = days_from_civil(2024, 3, 20);
    for (int64_t y = 1403; y < v->year; y++)
        day += 365 + jalali_leap(y);
    for (int64_t y = v->year; y < 1403; y++)
        day -= 365 + jalali_leap(y);
    day += (v->month <= 6 ? (v->month - 1) * 31 : 186 + (v->month - 7) * 30) + v->day - 1;
    civil_from_days(day, &v->year, &v->month, &v->day);
}

static int64_t floor_div(int64_t a, int64_t b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* Fill d's date and time of day from Unix seconds t (UTC). */
static void from_unix(int64_t t, date_value *d, int with_time)
{
    int64_t day = floor_div(t, 86400), sec = t - day * 86400;
    civil_from_days(day, &d->year, &d->month, &d->day);
    d->has_time = with_time;
    d->hour = with_time ? (int)(sec / 3600) : 0;
    d->minute = with_time ? (int)(sec / 60 % 60) : 0;
    d->second = with_time ? (int)(sec % 60) : 0;
    d->has_tz = with_time;
    d->tz_minutes = 0;
}

/* ------------------------------------------------------------ bytes, UTF-8, words */

static int at(const ctx *c, size_t i) { return i < c->n ? c->s[i] : -1; }
static int is_digit(int ch) { return ch >= '0' && ch <= '9'; }
static int is_alpha(int ch) { return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z' && ch >= 0; }

/* Decode the code point at i (< n); invalid sequences give U+FFFD, length 1. */
static size_t dec(const unsigned char *s, size_t n, size_t i, uint32_t *cp)
{
    unsigned c0 = s[i];
    if (c0 < 0x80) {
        *cp = c0;
        return 1;
    }
    size_t need;
    uint32_t v, min;
    if (c0 >= 0xC2 && c0 <= 0xDF) {
        need = 1, v = c0 & 0x1F, min = 0x80;
    } else if (c0 >= 0xE0 && c0 <= 0xEF) {
        need = 2, v = c0 & 0x0F, min = 0x800;
    } else if (c0 >= 0xF0 && c0 <= 0xF4) {
        need = 3, v = c0 & 0x07, min = 0x10000;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (n - i <= need) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t k = 1; k <= need; k++) {
        unsigned b = s[i + k];
        if ((b & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = v << 6 | (b & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return need + 1;
}

static int is_thai(uint32_t c) { return (c >= 0xE01 && c <= 0xE3A) || (c >= 0xE40 && c <= 0xE4E); }

/* Letters of the scripts whose month names we know (Latin with Vietnamese,
 * Greek, Cyrillic, Armenian, Hebrew, Arabic with the Persian and Urdu letters,
 * Devanagari, Bengali and Tamil with their vowel signs, Thai, Georgian). */
static int is_letter_cp(uint32_t c)
{
    if (c < 0x80)
        return is_alpha((int)c);
    if (c < 0x900)
        return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x370 && c <= 0x3FF) ||
               (c >= 0x400 && c <= 0x52F) || (c >= 0x531 && c <= 0x587) || (c >= 0x5D0 && c <= 0x5EA) ||
               (c >= 0x620 && c <= 0x64A) || (c >= 0x671 && c <= 0x6D3);
    return (c <= 0x963) || (c >= 0x980 && c <= 0x9E3) || (c >= 0xB80 && c <= 0xBD7) || is_thai(c) ||
           (c >= 0x10D0 && c <= 0x10FF) || (c >= 0x1E00 && c <= 0x1EFF);
}

/* The value of a decimal digit of another script (Arabic-Indic, Persian,
 * Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada,
 * Malayalam, Thai, Lao, Myanmar, Khmer, full-width), else -1. */
static int native_digit(uint32_t c)
{
    static const uint32_t ZERO[] = {0x660, 0x6F0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66,
                                    0xCE6, 0xD66, 0xE50, 0xED0, 0x1040, 0x17E0, 0xFF10};
    if (c < 0x660)
        return -1;
    for (size_t k = 0; k < sizeof ZERO / sizeof ZERO[0]; k++)
        if (c >= ZERO[k] && c <= ZERO[k] + 9)
            return (int)(c - ZERO[k]);
    return -1;
}

/* Greek: lower case without tonos/dialytika, final sigma as sigma, so that
 * "ΙΟΥΛΙΟΥ", "Ιουλίου" and "ιουλίου" are one word. */
static uint32_t fold_greek(uint32_t c)
{
    static const struct { uint16_t from, to; } G[] = {
        {0x386, 0x3B1}, {0x388, 0x3B5}, {0x389, 0x3B7}, {0x38A, 0x3B9}, {0x38C, 0x3BF}, {0x38E, 0x3C5},
        {0x38F, 0x3C9}, {0x390, 0x3B9}, {0x3AA, 0x3B9}, {0x3AB, 0x3C5}, {0x3AC, 0x3B1}, {0x3AD, 0x3B5},
        {0x3AE, 0x3B7}, {0x3AF, 0x3B9}, {0x3B0, 0x3C5}, {0x3C2, 0x3C3}, {0x3CA, 0x3B9}, {0x3CB, 0x3C5},
        {0x3CC, 0x3BF}, {0x3CD, 0x3C5}, {0x3CE, 0x3C9},
    };
    for (size_t k = 0; k < sizeof G / sizeof G[0]; k++)
        if (G[k].from == c)
            return G[k].to;
    if (c >= 0x391 && c <= 0x3A9)
        return c + 32;
    return c;
}

/* Simple case fold: ASCII, Latin-1, Latin Extended-A, Cyrillic. */
static uint32_t fold_cp(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c < 0xC0)
        return c;
    if (c <= 0xDE && c != 0xD7)
        return c + 32;
    if (c >= 0x100 && c <= 0x137)
        return c | 1;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return (c & 1) ? c + 1 : c;
    if (c >= 0x14A && c <= 0x177)
        return c | 1;
    if (c == 0x178)
        return 0xFF;
    if (c >= 0x410 && c <= 0x42F)
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        return c + 80;
    if (c >= 0x460 && c <= 0x4BF) /* even/odd pairs: Ґ U+0490 -> ґ U+0491 */
        return c | 1;
    if (c >= 0x386 && c <= 0x3CE)
        return fold_greek(c);
    if (c >= 0x1E00 && c <= 0x1EFF) /* Latin Extended Additional (Vietnamese): even/odd pairs */
        return c | 1;
    if (c >= 0x531 && c <= 0x556) /* Armenian */
        return c + 0x30;
    return c;
}

static size_t put_utf8(char *out, uint32_t c)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    out[0] = (char)(0xE0 | (c >> 12)); /* letters here are all in the BMP */
    out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[2] = (char)(0x80 | (c & 0x3F));
    return 3;
}

static int letter_at(const ctx *c, size_t i)
{
    if (i >= c->n)
        return 0;
    uint32_t cp;
    dec(c->s, c->n, i, &cp);
    return is_letter_cp(cp);
}

static int alnum_at(const ctx *c, size_t i) { return is_digit(at(c, i)) || letter_at(c, i); }

/* Read the maximal letter run at i into w (folded, NUL-terminated); returns its
 * end, or NOPE when no letter is at i or the word is longer than MAX_WORD-4. */
static size_t read_word(const ctx *c, size_t i, char *w, size_t *wl)
{
    size_t len = 0;
    int thai = 0;
    while (i < c->n) {
        unsigned b = c->s[i];
        if (b < 0x80) { /* ASCII: what the general path below does, faster */
            if (!is_alpha((int)b)) {
                uint32_t nx;
                /* Thai abbreviations are read without their inner dots: "ก.ค." is "กค" */
                if (b == '.' && thai && i + 1 < c->n && dec(c->s, c->n, i + 1, &nx) && is_thai(nx)) {
                    i++;
                    continue;
                }
                break;
            }
            if (len + 4 >= MAX_WORD)
                return NOPE;
            thai = 0;
            w[len++] = (char)(b | 0x20);
            i++;
            continue;
        }
        uint32_t cp;
        size_t l = dec(c->s, c->n, i, &cp);
        if (!is_letter_cp(cp))
            break;
        if (len + 4 >= MAX_WORD)
            return NOPE;
        thai = is_thai(cp);
        len += put_utf8(w + len, fold_cp(cp));
        i += l;
    }
    if (len == 0)
        return NOPE;
    w[len] = '\0';
    *wl = len;
    return i;
}

static const dword *find_word(const dword *tab, size_t count, const char *w, size_t wl)
{
    for (size_t k = 0; k < count; k++)
        if (tab[k].len == wl && tab[k].w[0] == w[0] && memcmp(tab[k].w, w, wl) == 0)
            return &tab[k];
    return NULL;
}

/* find_word() for a hashed table: the same entry, in a probe or two. A slot
 * holds the entry (low 12 bits) and the top 4 bits of its word's hash: most
 * words of a text are in no table, and they are turned away by the slot
 * alone, without reading an entry and its word (cold memory on every page). */
static const dword *find_hashed(const dword_index *x, const char *w, size_t wl)
{
    uint32_t h = 0x811c9dc5u;
    for (size_t k = 0; k < wl; k++)
        h = (h ^ (unsigned char)w[k]) * 0x01000193u;
    unsigned fp = h >> 28, s;
    for (uint32_t i = h & x->mask; (s = x->slot[i]) != 0; i = (i + 1) & x->mask) {
        if (s >> 12 != fp)
            continue;
        const dword *d = &x->tab[(s & 0xFFFu) - 1];
        if (d->len == wl && memcmp(d->w, w, wl) == 0)
            return d;
    }
    return NULL;
}

/* The word at i if it is in tab (or, when x is set, its hashed table): its
 * entry, *end set past it. */
static const dword *word_in_x(const ctx *c, size_t i, const dword *tab, size_t count,
                              const dword_index *x, size_t *end)
{
    char w[MAX_WORD];
    size_t wl, e = read_word(c, i, w, &wl);
    if (e == NOPE)
        return NULL;
    const dword *hit = x ? find_hashed(x, w, wl) : find_word(tab, count, w, wl);
    if (hit)
        *end = e;
    return hit;
}

static const dword *word_in(const ctx *c, size_t i, const dword *tab, size_t count, size_t *end)
{
    return word_in_x(c, i, tab, count, NULL, end);
}

static const dword *word_in_hashed(const ctx *c, size_t i, const dword_index *x, size_t *end)
{
    return word_in_x(c, i, x->tab, 0, x, end);
}

/* Digits at i: returns how many (17 when more than 16), value in *v. */
static int read_num(const ctx *c, size_t i, int64_t *v)
{
    int nd = 0;
    int64_t x = 0;
    while (is_digit(at(c, i + (size_t)nd))) {
        if (nd == 16) {
            *v = x;
            return 17;
        }
        x = x * 10 + (at(c, i + (size_t)nd) - '0');
        nd++;
    }
    *v = x;
    return nd;
}

/* Length of a blank at i: ASCII space/tab/newline, NBSP, U+2000..U+200A, U+202F, U+3000. */
static size_t space_len(const ctx *c, size_t i)
{
    int ch = at(c, i);
    if (ch == ' ' || (ch >= '\t' && ch <= '\r'))
        return 1;
    if (ch == 0xC2 && at(c, i + 1) == 0xA0)
        return 2;
    if (ch == 0xE2 && at(c, i + 1) == 0x80 && ((at(c, i + 2) >= 0x80 && at(c, i + 2) <= 0x8A) ||
                                               at(c, i + 2) == 0xAF))
        return 3;
    if (ch == 0xE3 && at(c, i + 1) == 0x80 && at(c, i + 2) == 0x80)
        return 3;
    return 0;
}

static size_t skip_sp(const ctx *c, size_t i)
{
    for (int k = 0; k < MAX_SPACE; k++) {
        size_t l = space_len(c, i);
        if (!l)
            break;
        i += l;
    }
    return i;
}

/* Length of a separator mark between a date and a time: , | - / @ · – — • */
static size_t punct_len(const ctx *c, size_t i)
{
    int ch = at(c, i);
    if (ch == ',' || ch == '|' || ch == '-' || ch == '/' || ch == '@' || ch == ';')
        return 1;
    if (ch == 0xC2 && at(c, i + 1) == 0xB7)
        return 2;
    if (ch == 0xE2 && at(c, i + 1) == 0x80 &&
        (at(c, i + 2) == 0x93 || at(c, i + 2) == 0x94 || at(c, i + 2) == 0xA2))
        return 3;
    return 0;
}

/* Blanks, one separator mark, blanks, then up to two glue words each followed
 * by a blank ("a las", "o godz."). Returns where the next token starts. */
static size_t skip_glue(const ctx *c, size_t i)
{
    size_t j = skip_sp(c, i);
    size_t p = punct_len(c, j);
    if (p)
        j = skip_sp(c, j + p);
    for (int k = 0; k < 2; k++) {
        size_t we;
        if (!word_in(c, j, glue_words, NTAB(glue_words), &we))
            break;
        if (at(c, we) == '.')
            we++;
        size_t after = skip_sp(c, we);
        if (after == we)
            break;
        j = after;
    }
    return j;
}

/* Phrase (words separated by one space in the table) at i whose first word,
 * already read and folded, is w/wl ending at we. Between input words: blanks,
 * '-', an apostrophe or U+2019. Returns the end or NOPE. */
static size_t match_phrase(const ctx *c, const char *w, size_t wl, size_t we, const dword *ph)
{
    const char *p = ph->w, *pend = ph->w + ph->len;
    const char *sp = memchr(p, ' ', ph->len);
    size_t first = sp ? (size_t)(sp - p) : ph->len;
    if (first != wl || memcmp(p, w, wl) != 0)
        return NOPE;
    size_t j = we;
    p += first;
    while (p < pend) {
        p++; /* the space */
        sp = memchr(p, ' ', (size_t)(pend - p));
        size_t tl = sp ? (size_t)(sp - p) : (size_t)(pend - p);
        size_t k = skip_sp(c, j);
        if (k == j) {
            if (at(c, j) == '-' || at(c, j) == '\'')
                k = j + 1;
            else if (at(c, j) == 0xE2 && at(c, j + 1) == 0x80 && at(c, j + 2) == 0x99)
                k = j + 3;
            else
                return NOPE;
        }
        char w2[MAX_WORD];
        size_t wl2, e = read_word(c, k, w2, &wl2);
        if (e == NOPE || wl2 != tl || memcmp(w2, p, tl) != 0)
            return NOPE;
        j = e;
        p += tl;
    }
    return j;
}

/* First phrase of tab matching at the word w (ending at we); *end past it. */
static const dword *phrase_in(const ctx *c, const char *w, size_t wl, size_t we, const dword_phrases *x,
                              size_t *end)
{
    unsigned b = (unsigned char)w[0];
    for (unsigned k = x->start[b]; k < x->start[b + 1]; k++) {
        const dword *d = &x->tab[x->order[k]];
        size_t e = match_phrase(c, w, wl, we, d);
        if (e != NOPE) {
            *end = e;
            return d;
        }
    }
    return NULL;
}

/* ------------------------------------------------------------ times and zones */

/* UTC offset at i. direct: right after the time ("Z", "+03:00", "+0300",
 * "-05"); otherwise after a blank, where a bare "+HH" is not taken. */
static size_t parse_zone(const ctx *c, size_t i, int direct, int *tz)
{
    int ch = at(c, i);
    int sign = 0;
    size_t j = i;
    if (ch == '+' || ch == '-') {
        sign = ch == '+' ? 1 : -1;
        j = i + 1;
    } else if (ch == 0xE2 && at(c, i + 1) == 0x88 && at(c, i + 2) == 0x92) { /* U+2212 minus */
        sign = -1;
        j = i + 3;
    }
    if (sign) {
        int64_t v, mm = 0;
        int nd = read_num(c, j, &v);
        int64_t hh;
        if (nd == 4) {
            hh = v / 100, mm = v % 100;
            j += 4;
        } else if (nd == 2) {
            hh = v;
            j += 2;
            if (at(c, j) == ':' && read_num(c, j + 1, &mm) == 2)
                j += 3;
            else if (!direct)
                return NOPE;
        } else {
            return NOPE;
        }
        if (hh > 18 || mm > 59)
            return NOPE;
        *tz = sign * (int)(hh * 60 + mm);
        return j;
    }
    /* an upper-case abbreviation: Z, UTC, GMT, EST, CEST, ... */
    size_t e = i;
    while (e - i < 5 && at(c, e) >= 'A' && at(c, e) <= 'Z')
        e++;
    if (e == i || letter_at(c, e))
        return NOPE;
    char w[8];
    memcpy(w, c->s + i, e - i);
    w[e - i] = '\0';
    const dword *z = find_word(zone_words, NTAB(zone_words), w, e - i);
    if (!z || (!direct && e - i == 1))
        return NOPE;
    *tz = (int)z->val - ZONE_BIAS;
    /* "GMT+3", "UTC+03:00", "UTC-5" */
    if (z->val == ZONE_BIAS && e - i >= 2 && (at(c, e) == '+' || at(c, e) == '-')) {
        int s2 = at(c, e) == '+' ? 1 : -1;
        int64_t hh, mm = 0;
        int nd = read_num(c, e + 1, &hh);
        size_t k = e + 1 + (size_t)nd;
        if (nd == 4) {
            mm = hh % 100, hh /= 100;
        } else if (nd >= 1 && nd <= 2 && at(c, k) == ':' && read_num(c, k + 1, &mm) == 2) {
            k += 3;
        } else if (nd < 1 || nd > 2) {
            return e;
        }
        if (hh <= 18 && mm <= 59) {
            *tz = s2 * (int)(hh * 60 + mm);
            return k;
        }
    }
    return e;
}

/* "am", "pm", "a.m.", "p. m." at i; *pm set. */
static size_t parse_ampm(const ctx *c, size_t i, int *pm)
{
    int a = at(c, i) | 0x20;
    if (at(c, i) < 0 || (a != 'a' && a != 'p'))
        return NOPE;
    size_t j = i + 1;
    if (at(c, j) == '.') {
        j++;
        if (at(c, j) == ' ')
            j++;
    }
    if ((at(c, j) | 0x20) != 'm' || at(c, j) < 0)
        return NOPE;
    j++;
    if (at(c, j) == '.')
        j++;
    if (letter_at(c, j) || is_digit(at(c, j)))
        return NOPE;
    *pm = a == 'p';
    return j;
}

/* The bytes of the UTF-8 string b at i: returns the end, or NOPE. */
static size_t bytes_at(const ctx *c, size_t i, const char *b)
{
    size_t l = strlen(b);
    return i + l <= c->n && !memcmp(c->s + i, b, l) ? i + l : NOPE;
}

/* "14時30分", "14时30分", "14点30分", "14시 30분" after the hour ending at j:
 * returns the end and the minutes, or NOPE. */
static size_t cjk_minutes(const ctx *c, size_t j, int64_t *mi)
{
    static const char *const HOUR[] = {"時", "时", "点", "시"}, *const MIN[] = {"分", "分", "分", "분"};
    for (size_t k = 0; k < 4; k++) {
        size_t e = bytes_at(c, j, HOUR[k]);
        if (e == NOPE)
            continue;
        e = skip_sp(c, e);
        int nm = read_num(c, e, mi);
        if (nm < 1 || nm > 2)
            return NOPE;
        return bytes_at(c, e + (size_t)nm, MIN[k]);
    }
    return NOPE;
}

/* Arabic "م" (PM) / "ص" (AM), also written out ("مساءً", "صباحاً"), after a
 * blank at i: returns the end, or NOPE. */
static size_t arabic_ampm(const ctx *c, size_t i, int *pm)
{
    static const char *const W[] = {"مساءً", "مساء", "صباحاً", "صباحا", "صباح", "م", "ص"};
    for (size_t k = 0; k < sizeof W / sizeof W[0]; k++) {
        size_t e = bytes_at(c, i, W[k]);
        if (e != NOPE && !letter_at(c, e)) {
            *pm = W[k][1] == "م"[1] && W[k][0] == "م"[0]; /* starts with mīm */
            return e;
        }
    }
    return NOPE;
}

/* A time of day at i: "15:29", "15:29:05.123", "3:04 pm", "3.04 p.m.",
 * "15.29 Uhr", "15h29", "3 pm", "15 Uhr", "15 год. 29 хв", "14時30分", "2:30 م",
 * then an optional UTC offset or zone name. */
static size_t parse_time(const ctx *c, size_t i, tpart *t)
{
    int64_t h, mi = 0, se = 0;
    int nd = read_num(c, i, &h);
    if (nd < 1 || nd > 2)
        return NOPE;
    size_t j = i + (size_t)nd, e;
    int ch = at(c, j), pm = 0, have_ampm = 0;
    if ((ch == ':' || ch == '.') && read_num(c, j + 1, &mi) == 2) {
        j += 3;
        if (ch == ':' && at(c, j) == ':' && read_num(c, j + 1, &se) == 2) {
            j += 3;
            if ((at(c, j) == '.' || at(c, j) == ',') && is_digit(at(c, j + 1))) {
                int64_t frac;
                int nf = read_num(c, j + 1, &frac);
                if (nf > 9)
                    return NOPE;
                j += 1 + (size_t)nf;
            }
        }
    } else if (ch == 'h' || ch == 'H') {
        if (read_num(c, j + 1, &mi) == 2)
            j += 3;
        else if (!alnum_at(c, j + 1))
            j += 1;
        else
            return NOPE;
    } else if ((e = cjk_minutes(c, j, &mi)) != NOPE) {
        j = e;
    } else {
        size_t k = skip_sp(c, j);
        if (word_in(c, k, hour_words, NTAB(hour_words), &e)) { /* 15 год. 29 хв */
            if (at(c, e) == '.')
                e++;
            k = skip_sp(c, e);
            int nm = read_num(c, k, &mi);
            if (nm < 1 || nm > 2)
                return NOPE;
            k = skip_sp(c, k + (size_t)nm);
            if (!word_in(c, k, minute_words, NTAB(minute_words), &e))
                return NOPE;
            j = at(c, e) == '.' ? e + 1 : e;
        } else if ((e = parse_ampm(c, k, &pm)) != NOPE) { /* 3 pm */
            have_ampm = 1;
            j = e;
        } else {
            char w[MAX_WORD];
            size_t wl;
            e = read_word(c, k, w, &wl);
            if (e == NOPE || wl != 3 || memcmp(w, "uhr", 3) != 0) /* 15 Uhr */
                return NOPE;
            j = e;
        }
    }
    if (!have_ampm) {
        size_t k = at(c, j) == ' ' ? j + 1 : j;
        e = parse_ampm(c, k, &pm);
        /* "15:29 am 6. Juli": German "am" after an hour > 12 is not AM */
        if (e != NOPE && h >= 1 && h <= 12) {
            have_ampm = 1;
            j = e;
        } else if (at(c, j) == ' ' && h >= 1 && h <= 12 && (e = arabic_ampm(c, j + 1, &pm)) != NOPE) {
            have_ampm = 1;
            j = e;
        }
    }
    if (have_ampm) {
        if (h < 1 || h > 12)
            return NOPE;
        h = h % 12 + (pm ? 12 : 0);
    }
    {
        char w[MAX_WORD];
        size_t wl, k = skip_sp(c, j);
        e = read_word(c, k, w, &wl);
        if (e != NOPE && wl == 3 && memcmp(w, "uhr", 3) == 0)
            j = e;
    }
    if (h > 23 || mi > 59 || se > 60)
        return NOPE;
    t->h = (int)h;
    t->mi = (int)mi;
    t->se = se == 60 ? 59 : (int)se;
    t->has_tz = 0;
    t->tz = 0;
    int tz;
    if ((e = parse_zone(c, j, 1, &tz)) != NOPE) {
        t->has_tz = 1, t->tz = tz;
        j = e;
    } else {
        size_t k = skip_sp(c, j);
        if (k > j && (e = parse_zone(c, k, 0, &tz)) != NOPE) {
            t->has_tz = 1, t->tz = tz;
            j = e;
        }
    }
    return j;
}

static void set_time(date_value *d, const tpart *t)
{
    d->has_time = 1;
    d->hour = t->h, d->minute = t->mi, d->second = t->se;
    d->has_tz = t->has_tz, d->tz_minutes = t->tz;
}

/* A time attached after a date ending at i: ISO "T15:29" or separator/glue
 * then a time. Returns the new end (i when there is none). */
static size_t attach_time(const ctx *c, size_t i, date_value *d)
{
    tpart t;
    size_t e;
    if ((at(c, i) == 'T' || at(c, i) == 't') && is_digit(at(c, i + 1))) {
        e = parse_time(c, i + 1, &t);
        if (e == NOPE)
            return i;
        set_time(d, &t);
        return e;
    }
    size_t j = skip_glue(c, i);
    /* Korean writes AM/PM before the time: "2024.07.06. 오후 2:30" */
    size_t ko = bytes_at(c, j, "오후");
    int pm = ko != NOPE;
    if (!pm)
        ko = bytes_at(c, j, "오전");
    if (ko != NOPE && skip_sp(c, ko) > ko)
        j = skip_sp(c, ko);
    else
        ko = NOPE;
    if (j == i || (e = parse_time(c, j, &t)) == NOPE)
        return i;
    if (ko != NOPE) {
        if (t.h < 1 || t.h > 12)
            return i;
        t.h = t.h % 12 + (pm ? 12 : 0);
    }
    set_time(d, &t);
    return e;
}

/* ------------------------------------------------------------ date recognisers */

static int year2(int64_t yy) { return (int)(yy < 70 ? 2000 + yy : 1900 + yy); }

static void set_date(res *r, int64_t y, int64_t m, int64_t d)
{
    r->d.year = (int)y, r->d.month = (int)m, r->d.day = (int)d;
}

/* "6th", "1er", "5.", "1º", "6-го": returns the end (i when none). */
static size_t skip_ordinal(const ctx *c, size_t i)
{
    size_t e;
    if (at(c, i) == '.')
        return i + 1;
    if (at(c, i) == 0xC2 && (at(c, i + 1) == 0xBA || at(c, i + 1) == 0xAA))
        return i + 2;
    if (at(c, i) == '-' && letter_at(c, i + 1)) {
        char w[MAX_WORD];
        size_t wl;
        e = read_word(c, i + 1, w, &wl);
        if (e != NOPE && wl == 4 && memcmp(w, "го", 4) == 0)
            return e;
        return i;
    }
    if (word_in(c, i, ordinal_words, NTAB(ordinal_words), &e))
        return e;
    return i;
}

/* "of", "de", "del" followed by a blank at i: returns past the blank, else i. */
static size_t skip_connector(const ctx *c, size_t i)
{
    size_t e;
    /* Catalan "d'agost", "d’octubre" */
    if ((at(c, i) | 0x20) == 'd' && at(c, i + 1) == '\'' && letter_at(c, i + 2))
        return i + 2;
    if ((at(c, i) | 0x20) == 'd' && at(c, i + 1) == 0xE2 && at(c, i + 2) == 0x80 && at(c, i + 3) == 0x99 &&
        letter_at(c, i + 4))
        return i + 4;
    if (word_in(c, i, connector_words, NTAB(connector_words), &e)) {
        size_t k = skip_sp(c, e);
        if (k > e)
            return k;
    }
    return i;
}

/* "р.", "г.", "року", "roku", "r." after a year ending at i. */
static size_t skip_year_suffix(const ctx *c, size_t i)
{
    size_t e, k = skip_sp(c, i);
    if (!word_in(c, k, year_suffix, NTAB(year_suffix), &e))
        return i;
    return at(c, e) == '.' ? e + 1 : e;
}

/* The calendar of a date with year y: Persian solar Hijri for the years
 * 1300-1499 of a Persian page or of a Jalali month name; the Buddhist era
 * (the Gregorian year + 543) for the years 2400-2699 of a Thai page or of a
 * Thai month name. Neither range holds a plausible Gregorian news date. */
static int cal_of(const ctx *c, int month_cal, int64_t y)
{
    if ((month_cal == CAL_FA || c->cal_fa) && y >= 1300 && y < 1500)
        return CAL_FA;
    if ((month_cal == CAL_TH || c->cal_th) && y >= 2400 && y < 2700)
        return CAL_TH;
    return CAL_GREG;
}

/* valid_ymd in the date's calendar; a Jalali month with a Gregorian year is none */
static int ymd_ok(const ctx *c, int month_cal, int64_t y, int64_t m, int64_t d)
{
    switch (cal_of(c, month_cal, y)) {
    case CAL_FA:
        return jalali_valid(y, m, d);
    case CAL_TH:
        return valid_ymd(y - 543, m, d);
    default:
        return month_cal != CAL_FA && valid_ymd(y, m, d);
    }
}

/* Levantine and Iraqi Arabic name four months with two words: "كانون الثاني"
 * (January), "تشرين الأول" (October), "تشرين الثاني", "كانون الأول". w is the
 * first word, ending at we; returns the month (0 when none) and *end. */
static int arabic_two_word_month(const ctx *c, const char *w, size_t wl, size_t we, size_t *end)
{
    static const char KANUN[] = "كانون", TISHRIN[] = "تشرين";
    int kanun = wl == sizeof KANUN - 1 && !memcmp(w, KANUN, wl);
    if (!kanun && !(wl == sizeof TISHRIN - 1 && !memcmp(w, TISHRIN, wl)))
        return 0;
    size_t k = skip_sp(c, we), e, l2;
    char w2[MAX_WORD];
    if (k == we || (e = read_word(c, k, w2, &l2)) == NOPE)
        return 0;
    static const char *const SECOND[] = {"الثاني", "الثانى"}, *const FIRST[] = {"الأول", "الاول"};
    for (size_t q = 0; q < 2; q++) {
        if (strlen(SECOND[q]) == l2 && !memcmp(w2, SECOND[q], l2))
            return *end = e, kanun ? 1 : 11;
        if (strlen(FIRST[q]) == l2 && !memcmp(w2, FIRST[q], l2))
            return *end = e, kanun ? 12 : 10;
    }
    return 0;
}

static size_t month_at(const ctx *c, size_t i, int *month, int *ambig, int *cal)
{
    size_t e;
    char w[MAX_WORD];
    size_t wl, we = read_word(c, i, w, &wl);
    if (we == NOPE)
        return NOPE;
    if (wl == 6 && !memcmp(w, "th\xc3\xa1ng", 6)) { /* Vietnamese "tháng 7": month 7 */
        int64_t v;
        size_t k = skip_sp(c, we);
        int nm = read_num(c, k, &v);
        if (k == we || nm < 1 || nm > 2 || v < 1 || v > 12)
            return NOPE;
        *month = (int)v;
        *ambig = 0;
        *cal = CAL_GREG;
        return k + (size_t)nm;
    }
    *cal = CAL_GREG;
    if ((*month = arabic_two_word_month(c, w, wl, we, &e)) != 0) {
        *ambig = 0;
        return e;
    }
    const dword *m = word_in_hashed(c, i, &month_words_index, &e);
    if (!m)
        return NOPE;
    *month = m->val;
    *ambig = (m->flags & DWF_AMBIG) != 0;
    *cal = (m->flags & DWF_JALALI) ? CAL_FA : (m->flags & DWF_THAI) ? CAL_TH : CAL_GREG;
    /* "listopad" is November in Polish and Czech, October in Croatian */
    if (c->lang_hr && m->val == 11 && wl >= 8 && !memcmp(w, "listopad", 8))
        *month = 10;
    return e;
}

/* Numeric dates at a digit: 2024-07-06, 2024/07/06, 2024.07.06, 2024年7月6日,
 * 20240706 (DATE_MACHINE), 06.07.2024, 6/7/2024, 06-07-24.
 *
 * Day/month order of D?M?Y: when one of the first two fields is > 12 it must
 * be the day and that decides. When both are <= 12 the order is month-first
 * only for en-US pages (lang "en-US"/"en_US", any case) and only with '/' or
 * '-' (dotted dates are a European convention); everything else is day-first,
 * plain "en" included. */
static size_t parse_numeric(const ctx *c, size_t i, res *r)
{
    int64_t a, b, y;
    int na = read_num(c, i, &a);
    size_t j = i + (size_t)na;
    int sep = at(c, j);
    if (na == 4 && (sep == '-' || sep == '/' || sep == '.')) {
        size_t k = j + 1;
        if (sep == '.' && at(c, k) == ' ')
            k++;
        int nb = read_num(c, k, &b);
        if (nb < 1 || nb > 2 || at(c, k + (size_t)nb) != sep)
            return NOPE;
        k += (size_t)nb + 1;
        if (sep == '.' && at(c, k) == ' ')
            k++;
        int64_t d;
        int nd = read_num(c, k, &d);
        if (nd < 1 || nd > 2 || !ymd_ok(c, CAL_GREG, a, b, d) || a < 1000)
            return NOPE;
        set_date(r, a, b, d);
        k += (size_t)nd;
        if (sep == '.' && at(c, k) == '.' && at(c, k + 1) == ' ') { /* Korean "2024. 7. 6. 오후 2:30" */
            size_t te = attach_time(c, k + 1, &r->d);
            if (te > k + 1)
                return te;
        }
        return attach_time(c, k, &r->d);
    }
    /* Japanese era years: 令和6年 is 2024 (Reiwa 1 = 2019), 平成31年 is 2019 */
    if (na <= 2 && sep == 0xE5 && at(c, j + 1) == 0xB9 && at(c, j + 2) == 0xB4 && i >= 6) {
        int base = !memcmp(c->s + i - 6, "令和", 6) ? 2018 : !memcmp(c->s + i - 6, "平成", 6) ? 1988 : 0;
        if (base && a >= 1) {
            a += base;
            na = 4;
        }
    }
    /* 年 月 日 (Chinese, Japanese) or 년 월 일 (Korean) */
    int cjk = na == 4 && sep == 0xE5 && at(c, j + 1) == 0xB9 && at(c, j + 2) == 0xB4;
    int ko = na == 4 && sep == 0xEB && at(c, j + 1) == 0x85 && at(c, j + 2) == 0x84;
    if (cjk || ko) {
        static const unsigned char MD[2][2][3] = {{{0xE6, 0x9C, 0x88}, {0xE6, 0x97, 0xA5}},
                                                  {{0xEC, 0x9B, 0x94}, {0xEC, 0x9D, 0xBC}}};
        const unsigned char(*u)[3] = MD[ko];
        size_t k = skip_sp(c, j + 3);
        int nb = read_num(c, k, &b);
        k += (size_t)nb;
        if (nb < 1 || nb > 2 || at(c, k) != u[0][0] || at(c, k + 1) != u[0][1] || at(c, k + 2) != u[0][2])
            return NOPE; /* month */
        k = skip_sp(c, k + 3);
        int64_t d;
        int nd = read_num(c, k, &d);
        k += (size_t)nd;
        if (nd < 1 || nd > 2 || at(c, k) != u[1][0] || at(c, k + 1) != u[1][1] || at(c, k + 2) != u[1][2])
            return NOPE; /* day */
        if (!valid_ymd(a, b, d) || a < 1000)
            return NOPE;
        set_date(r, a, b, d);
        k += 3;
        tpart t;
        size_t e = parse_time(c, skip_sp(c, k), &t); /* 2024年7月6日 15:29 */
        if (e != NOPE) {
            set_time(&r->d, &t);
            return e;
        }
        return k;
    }
    /* year-less 7月6日 (the year comes from the reference time, see finish) */
    if (na <= 2 && sep == 0xE6 && at(c, j + 1) == 0x9C && at(c, j + 2) == 0x88 && a >= 1 && a <= 12) {
        size_t k = skip_sp(c, j + 3);
        int64_t d;
        int nd = read_num(c, k, &d);
        k += (size_t)nd;
        if (nd < 1 || nd > 2 || d < 1 || d > 31 || bytes_at(c, k, "日") == NOPE)
            return NOPE;
        r->d.month = (int)a, r->d.day = (int)d, r->yearless = 1;
        k += 3;
        tpart t;
        size_t e = parse_time(c, skip_sp(c, k), &t);
        if (e != NOPE) {
            set_time(&r->d, &t);
            return e;
        }
        return k;
    }
    if (na == 8 && c->machine) { /* 20240706, 20240706T152900Z */
        int64_t d = a % 100, m = a / 100 % 100;
        y = a / 10000;
        if (!valid_ymd(y, m, d) || y < 1000)
            return NOPE;
        set_date(r, y, m, d);
        if ((sep == 'T' || sep == 't') && is_digit(at(c, j + 1))) {
            int64_t hms;
            int nt = read_num(c, j + 1, &hms);
            if (nt == 4 || nt == 6) {
                tpart t = {0, 0, 0, 0, 0};
                if (nt == 6) {
                    t.se = (int)(hms % 100);
                    hms /= 100;
                }
                t.h = (int)(hms / 100), t.mi = (int)(hms % 100);
                if (t.h > 23 || t.mi > 59 || t.se > 59)
                    return j;
                size_t e = j + 1 + (size_t)nt;
                int tz;
                size_t ze = parse_zone(c, e, 1, &tz);
                if (ze != NOPE)
                    t.has_tz = 1, t.tz = tz, e = ze;
                set_time(&r->d, &t);
                return e;
            }
            return j;
        }
        return attach_time(c, j, &r->d);
    }
    if (na >= 1 && na <= 2 && (sep == '.' || sep == '/' || sep == '-')) {
        size_t k = j + 1;
        if (sep == '.' && at(c, k) == ' ')
            k++;
        int nb = read_num(c, k, &b);
        if (nb < 1 || nb > 2 || at(c, k + (size_t)nb) != sep)
            return NOPE;
        k += (size_t)nb + 1;
        if (sep == '.' && at(c, k) == ' ')
            k++;
        int ny = read_num(c, k, &y);
        if (ny == 2) {
            /* two-digit years in free text only as 06.07.24, never 6.7.24 */
            if (!c->machine && (na != 2 || nb != 2))
                return NOPE;
            y = year2(y);
        } else if (ny != 4 || y < 1000) {
            return NOPE;
        }
        int64_t d, m;
        if (a > 12 && b <= 12)
            d = a, m = b;
        else if (b > 12 && a <= 12)
            m = a, d = b;
        else if (c->month_first && sep != '.')
            m = a, d = b;
        else
            d = a, m = b;
        if (!ymd_ok(c, CAL_GREG, y, m, d))
            return NOPE;
        set_date(r, y, m, d);
        return attach_time(c, k + (size_t)ny, &r->d);
    }
    return NOPE;
}

/* After day and month (month word ended at e): an optional year, year suffix
 * and time. dash is '-' or '/' when the date is written 06-Jul-2024. */
static size_t finish_named(const ctx *c, size_t e, int dash, res *r)
{
    int64_t y = 0;
    int ny = 0;
    size_t ye = e;
    if (dash) {
        if (at(c, e) == dash) {
            ny = read_num(c, e + 1, &y);
            ye = e + 1 + (size_t)ny;
        }
    } else {
        size_t q = skip_sp(c, e);
        if (at(c, q) == ',')
            q = skip_sp(c, q + 1);
        q = skip_connector(c, q);
        if (q > e) {
            ny = read_num(c, q, &y);
            ye = q + (size_t)ny;
        }
    }
    if (ny == 4 && y >= 1000) {
        r->d.year = (int)y;
        e = skip_year_suffix(c, ye);
    } else if (ny == 2 && (dash || (c->machine && at(c, ye) != ':' && at(c, ye) != '.' &&
                                     !is_alpha(at(c, ye))))) {
        /* "06-Jul-24"; RFC 822 "Sat, 06 Jul 24 15:29:00 GMT" in DATE_MACHINE only:
         * in text "6 July 15 people" is no year */
        r->d.year = year2(y);
        e = ye;
    } else {
        r->yearless = 1;
    }
    if (dash == '/' && !r->yearless && at(c, e) == ':' && is_digit(at(c, e + 1))) {
        tpart t; /* 06/Jul/2024:15:29:00 +0300 */
        size_t te = parse_time(c, e + 1, &t);
        if (te != NOPE) {
            set_time(&r->d, &t);
            return te;
        }
    }
    size_t te = attach_time(c, e, &r->d);
    if (r->yearless && te > e) { /* ctime: "Jul 6 15:29:00 2024", "Jul 6 15:29:00 UTC 2024" */
        size_t q = skip_sp(c, te);
        if (q > te && read_num(c, q, &y) == 4 && y >= 1000) {
            r->d.year = (int)y;
            r->yearless = 0;
            te = q + 4;
        }
    }
    if (!r->yearless && !ymd_ok(c, r->cal, r->d.year, r->d.month, r->d.day))
        return NOPE;
    return te;
}

/* "6 July 2024", "6th of July 2024", "5. März 2021", "5 de marzo de 2021",
 * "06 липня 2024 р.", "16 квітня, 09:17", "06-Jul-2024". */
static size_t parse_day_month(const ctx *c, size_t i, res *r)
{
    int64_t d;
    int nd = read_num(c, i, &d);
    if (nd < 1 || nd > 2 || d < 1 || d > 31)
        return NOPE;
    size_t j0 = i + (size_t)nd, j = skip_ordinal(c, j0), k;
    int dash = 0;
    if (j == j0 && (at(c, j) == '-' || at(c, j) == '/') && letter_at(c, j + 1)) {
        dash = at(c, j);
        k = j + 1;
    } else {
        k = skip_connector(c, skip_sp(c, j));
        if (k == j0)
            return NOPE;
    }
    int month, ambig, cal;
    size_t e = month_at(c, k, &month, &ambig, &cal);
    if (e == NOPE)
        return NOPE;
    if (at(c, e) == '.')
        e++;
    r->d.day = (int)d, r->d.month = month, r->ambig = ambig, r->cal = cal;
    return finish_named(c, e, dash, r);
}

/* "July 6, 2024", "July 6th, 2024", "Mar 5 2021", "Jan. 5, 2021, 3:04 p.m.",
 * "April 16", "Jul 6 15:29:00 2024"; the month word is at i, ending at we. */
static size_t parse_month_day(const ctx *c, size_t we, int month, int ambig, res *r)
{
    size_t e = we;
    int dash = 0;
    if (at(c, e) == '.')
        e++;
    size_t k = skip_sp(c, e);
    if (k == e) {
        if (at(c, e) == '-' && is_digit(at(c, e + 1)))
            dash = '-', k = e + 1;
        else if (e == we)
            return NOPE;
    }
    int64_t d;
    int nd = read_num(c, k, &d);
    if (nd < 1 || nd > 2 || d < 1 || d > 31)
        return NOPE;
    size_t j0 = k + (size_t)nd, j = skip_ordinal(c, j0);
    if (j > j0 && at(c, j0) == '.' && is_digit(at(c, j))) /* "Mar 5.2021": not a day and a year */
        return NOPE;
    r->d.day = (int)d, r->d.month = month, r->ambig = ambig;
    if (dash && at(c, j) != '-')
        return NOPE;
    return finish_named(c, j, dash, r);
}

/* "2021, March 5", "2021 March 5th", "2024-Jul-06", Hungarian "2024. július
 * 6.", Lithuanian "2024 m. liepos 6 d.". */
static size_t parse_year_month(const ctx *c, size_t i, res *r)
{
    int64_t y, d;
    if (read_num(c, i, &y) != 4 || y < 1000)
        return NOPE;
    size_t j = i + 4, k;
    int dash = 0;
    if (at(c, j) == '-' && letter_at(c, j + 1)) {
        dash = 1;
        k = j + 1;
    } else {
        k = skip_sp(c, at(c, j) == ',' || at(c, j) == '.' ? j + 1 : j);
        if (k == j)
            return NOPE;
        if (at(c, k) == 'm' && at(c, k + 1) == '.' && skip_sp(c, k + 2) > k + 2)
            k = skip_sp(c, k + 2);
    }
    int month, ambig, cal;
    size_t e = month_at(c, k, &month, &ambig, &cal);
    if (e == NOPE)
        return NOPE;
    if (at(c, e) == '.')
        e++;
    r->cal = cal;
    if (dash) {
        if (at(c, e) != '-')
            return NOPE;
        k = e + 1;
    } else {
        k = skip_sp(c, e);
        if (k == e)
            return NOPE;
    }
    int nd = read_num(c, k, &d);
    if (nd < 1 || nd > 2 || !ymd_ok(c, cal, y, month, d))
        return NOPE;
    set_date(r, y, month, d);
    e = k + (size_t)nd;
    size_t o = skip_ordinal(c, e);
    if (o > e && at(c, e) != '.') /* "2021 March 5." keeps its full stop */
        e = o;
    if (at(c, e) == '.' && space_len(c, e + 1)) { /* "2021. március 5. 14:30" */
        size_t te = attach_time(c, e + 1, &r->d);
        if (te > e + 1)
            return te;
    }
    return attach_time(c, e, &r->d);
}

/* "3 hours ago", "vor 3 Stunden", "3 год. тому", "hace 3 horas": the count n
 * ends at j. need_suffix: no prefix word was seen, so "ago" & co. must follow. */
static size_t parse_ago_rest(const ctx *c, int64_t n, size_t j, int need_suffix, res *r)
{
    static const int64_t unit_sec[] = {1, 60, 3600, 86400, 604800};
    size_t e, k = skip_sp(c, j);
    const dword *u = word_in_hashed(c, k, &unit_words_index, &e);
    if (!u || c->ref <= 0)
        return NOPE;
    if (at(c, e) == '.')
        e++;
    size_t se, q = skip_sp(c, e);
    const dword *sfx = word_in(c, q, ago_suffix, NTAB(ago_suffix), &se);
    if (!sfx && need_suffix)
        return NOPE;
    if (sfx) {
        /* Russian "3 год назад" is three years ago, Ukrainian "3 год. тому" three hours */
        if ((u->flags & DWF_GOD) && sfx->val == 1 && !c->lang_uk)
            return NOPE;
        e = se;
    }
    if (n < 0 || n > 100000)
        return NOPE;
    int64_t t = c->ref - n * unit_sec[u->val];
    if (t < 0)
        return NOPE;
    if (u->val <= UNIT_HOUR) {
        from_unix(t, &r->d, 1);
        if (u->val != UNIT_SEC)
            r->d.second = 0;
    } else {
        from_unix(t, &r->d, 0);
    }
    return e;
}

/* Relative day word or phrase at a word (w/wl, ending at we), then a time. */
static size_t parse_relative(const ctx *c, const char *w, size_t wl, size_t we, res *r)
{
    size_t e;
    const dword *rw = phrase_in(c, w, wl, we, &rel_words_phrases, &e);
    if (!rw)
        return NOPE;
    r->rel_days = rw->val;
    r->fr_only = (rw->flags & DWF_FR_ONLY) != 0;
    return attach_time(c, e, &r->d);
}

/* One date (no time-first) at i, a word start. allow_tf: also try a time
 * followed by a date ("15:29, 06.07.2024", "14:56 вчора"). */
static size_t parse_core(const ctx *c, size_t i, res *r, int allow_tf)
{
    res t;
    size_t e;
    if (is_digit(at(c, i))) {
        int64_t n;
        int nd = read_num(c, i, &n);
        memset(&t, 0, sizeof t), t.rel_days = -1;
        if ((e = parse_numeric(c, i, &t)) != NOPE)
            goto found;
        memset(&t, 0, sizeof t), t.rel_days = -1;
        if ((e = parse_year_month(c, i, &t)) != NOPE)
            goto found;
        memset(&t, 0, sizeof t), t.rel_days = -1;
        if ((e = parse_day_month(c, i, &t)) != NOPE)
            goto found;
        memset(&t, 0, sizeof t), t.rel_days = -1;
        if (nd <= 6 && (e = parse_ago_rest(c, n, i + (size_t)nd, 1, &t)) != NOPE)
            goto found;
        if (allow_tf) {
            tpart tp;
            size_t te = parse_time(c, i, &tp);
            if (te == NOPE)
                return NOPE;
            size_t j = skip_glue(c, te);
            if (j == te || (e = parse_core(c, j, &t, 0)) == NOPE)
                return NOPE;
            if (!t.d.has_time)
                set_time(&t.d, &tp);
            goto found;
        }
        return NOPE;
    }
    char w[MAX_WORD];
    size_t wl, we = read_word(c, i, w, &wl);
    if (we == NOPE)
        return NOPE;
    memset(&t, 0, sizeof t), t.rel_days = -1;
    const dword *m = find_hashed(&month_words_index, w, wl);
    if (m) {
        t.cal = (m->flags & DWF_JALALI) ? CAL_FA : (m->flags & DWF_THAI) ? CAL_TH : CAL_GREG;
        if ((e = parse_month_day(c, we, m->val, (m->flags & DWF_AMBIG) != 0, &t)) != NOPE)
            goto found;
    }
    memset(&t, 0, sizeof t), t.rel_days = -1;
    if ((e = parse_relative(c, w, wl, we, &t)) != NOPE)
        goto found;
    memset(&t, 0, sizeof t), t.rel_days = -1;
    size_t pe;
    if (phrase_in(c, w, wl, we, &ago_prefix_phrases, &pe)) { /* vor 3 Stunden */
        size_t k = skip_sp(c, pe), ne;
        int64_t n;
        int nd = read_num(c, k, &n);
        if (k > pe && nd >= 1 && nd <= 6 &&
            (e = parse_ago_rest(c, n, k + (size_t)nd, 0, &t)) != NOPE)
            goto found;
        if (k > pe && word_in(c, k, one_words, NTAB(one_words), &ne) &&
            (e = parse_ago_rest(c, 1, ne, 0, &t)) != NOPE)
            goto found;
    }
    memset(&t, 0, sizeof t), t.rel_days = -1;
    if (find_word(one_words, NTAB(one_words), w, wl) &&
        (e = parse_ago_rest(c, 1, we, 1, &t)) != NOPE)
        goto found; /* an hour ago */
    return NOPE;
found:
    *r = t;
    return e;
}

/* Resolve relative and year-less results against ref; check ranges. */
static int finish(const ctx *c, res *r)
{
    date_value *d = &r->d;
    if (r->rel_days < 0 && !r->yearless) {
        int cal = cal_of(c, r->cal, d->year);
        if (cal == CAL_FA) {
            if (!jalali_valid(d->year, d->month, d->day))
                return 0;
            jalali_to_civil(d);
        } else if (cal == CAL_TH) {
            d->year -= 543;
        } else if (r->cal == CAL_FA) {
            return 0;
        }
    } else if (r->yearless && r->cal == CAL_FA) {
        return 0; /* a Jalali day and month: the year cannot be guessed */
    }
    if (r->rel_days >= 0) {
        if (c->ref <= 0)
            return 0;
        if (!d->has_time && (!c->bare_rel_ok || (r->fr_only && !c->lang_fr)))
            return 0;
        int64_t day = floor_div(c->ref, 86400) - r->rel_days;
        civil_from_days(day, &d->year, &d->month, &d->day);
    } else if (r->yearless) {
        if (c->ref <= 0 || (r->ambig && !d->has_time))
            return 0;
        int dd, mm, ry;
        civil_from_days(floor_div(c->ref, 86400), &ry, &mm, &dd);
        int ok = 0;
        /* the latest year that does not put the date after ref (+1 day slack);
         * 8 years back reaches a Feb 29 */
        for (int y = ry; y >= ry - 8 && !ok; y--) {
            if (!valid_ymd(y, d->month, d->day))
                continue;
            d->year = y;
            ok = date_to_unix(d) <= c->ref + 86400;
        }
        if (!ok)
            return 0;
    }
    if (!valid_ymd(d->year, d->month, d->day))
        return 0;
    if (d->has_time) {
        if (d->hour < 0 || d->hour > 23 || d->minute < 0 || d->minute > 59 || d->second < 0 ||
            d->second > 59)
            return 0;
    } else {
        d->hour = d->minute = d->second = 0;
        d->has_tz = 0;
    }
    if (!d->has_tz)
        d->tz_minutes = 0;
    return 1;
}

/* Try a date at word start i; on success *end is past it. */
static int try_at(const ctx *c, size_t i, date_value *out, size_t *end)
{
    res r;
    size_t e = parse_core(c, i, &r, 1);
    if (e == NOPE || !finish(c, &r))
        return 0;
    /* not glued to more digits or letters: "1.2.2024.5", "2024-07-06T25:00" */
    int ch = at(c, e);
    if (is_digit(ch) || is_alpha(ch) || ((ch == '.' || ch == ':') && is_digit(at(c, e + 1))))
        return 0;
    *out = r.d;
    *end = e;
    return 1;
}

/* The first date at a word start in c->s; -1 at a digit of another script
 * (date_parse then reads a copy with ASCII digits). */
static int scan(const ctx *c, date_value *out, size_t *off, size_t *end)
{
    int prev_alnum = 0;
    size_t i = 0;
    while (i < c->n) {
        uint32_t cp = c->s[i];
        size_t l = cp < 0x80 ? 1 : dec(c->s, c->n, i, &cp);
        if (cp >= 0x660 && !c->skip_native && native_digit(cp) >= 0)
            return -1;
        int digit = cp >= '0' && cp <= '9';
        int alnum = digit || (cp < 0x80 ? is_alpha((int)cp) : is_letter_cp(cp));
        /* a number right after "3." or "12:" continues a number, version or time */
        int cont = digit && i >= 2 && is_digit(c->s[i - 2]) &&
                   (c->s[i - 1] == '.' || c->s[i - 1] == ':' || c->s[i - 1] == '-' ||
                    c->s[i - 1] == '/' || c->s[i - 1] == ',');
        if (alnum && !prev_alnum && !cont && try_at(c, i, out, end)) {
            *off = i;
            return 1;
        }
        prev_alnum = alnum;
        i += l;
    }
    return 0;
}

/* Words (letter runs) in c->s; called only on short strings. */
static int count_words(const ctx *c)
{
    int words = 0, in_word = 0;
    for (size_t i = 0; i < c->n;) {
        uint32_t cp;
        size_t l = dec(c->s, c->n, i, &cp);
        int letter = is_letter_cp(cp);
        words += letter && !in_word;
        in_word = letter;
        i += l;
    }
    return words;
}

static int lang_prefix(const char *lang, const char *p)
{
    size_t k = 0;
    for (; p[k]; k++) {
        int a = (unsigned char)lang[k], b = (unsigned char)p[k];
        if (a == '_')
            a = '-';
        if (a >= 'A' && a <= 'Z')
            a += 32;
        if (a != b)
            return 0;
    }
    return lang[k] == '\0' || lang[k] == '-' || lang[k] == '_';
}

/* A plain number in DATE_MACHINE: YYYYMMDD, Unix seconds (9-10 digits, an
 * optional fraction) or milliseconds (12-13 digits). */
static int parse_plain_number(const unsigned char *s, size_t n, date_value *out)
{
    size_t k = 0;
    int64_t v = 0;
    while (k < n && is_digit(s[k]) && k < 16)
        v = v * 10 + (s[k++] - '0');
    size_t nd = k;
    if (k < n && s[k] == '.' && nd >= 9 && nd <= 10) {
        size_t f = ++k;
        while (k < n && is_digit(s[k]))
            k++;
        if (k == f)
            return 0;
    }
    if (k != n)
        return 0;
    memset(out, 0, sizeof *out);
    if (nd == 8) {
        int64_t y = v / 10000, m = v / 100 % 100, d = v % 100;
        if (!valid_ymd(y, m, d) || y < 1000)
            return 0;
        out->year = (int)y, out->month = (int)m, out->day = (int)d;
        return 1;
    }
    if (nd == 12 || nd == 13)
        v /= 1000;
    else if (nd != 9 && nd != 10)
        return 0;
    from_unix(v, out, 1);
    return 1;
}

/* The date of c->s by flags (see date_parse): 1 found, 0 none, -1 when the
 * text has digits of another script before any date. */
static int parse_run(const ctx *c, unsigned flags, date_value *d, size_t *offp, size_t *endp)
{
    size_t off = 0, end = 0;
    int r;
    if ((flags & DATE_MACHINE) || !(flags & DATE_TEXT)) {
        /* the whole string, less blanks around it, is one date */
        size_t a = 0, b = c->n;
        for (size_t l; a < b && (l = space_len(c, a)) != 0;)
            a += l;
        while (b > a) {
            if (c->s[b - 1] == ' ' || (c->s[b - 1] >= '\t' && c->s[b - 1] <= '\r'))
                b--;
            else if (b - a >= 2 && c->s[b - 2] == 0xC2 && c->s[b - 1] == 0xA0)
                b -= 2;
            else
                break;
        }
        if (a < b && parse_plain_number(c->s + a, b - a, d)) {
            *offp = a, *endp = b;
            return 1;
        }
        ctx m = *c;
        m.s = c->s + a;
        m.n = b - a;
        m.machine = 1;
        m.bare_rel_ok = 1;
        /* words may surround the date ("Saturday, 6 July 2024"), numbers may not */
        if (m.n && (r = scan(&m, d, &off, &end)) != 0) {
            if (r < 0)
                return -1;
            if (!date_has_digit((const char *)m.s, off) && !date_has_digit((const char *)m.s + end, m.n - end)) {
                *offp = off + a, *endp = end + a;
                return 1;
            }
        }
    }
    if (flags & DATE_TEXT) {
        ctx t = *c;
        t.bare_rel_ok = c->n <= BARE_REL_MAX && count_words(c) <= BARE_REL_WORDS;
        if ((r = scan(&t, d, &off, &end)) != 0) {
            if (r < 0)
                return -1;
            *offp = off, *endp = end;
            return 1;
        }
    }
    return 0;
}

#define FOLD_MAX 1024 /* bytes of a text with other digits that are read */

/* s[0..n) with the digits of other scripts as ASCII digits, at most FOLD_MAX
 * bytes, into out; map[k] is the offset in s of out[k] (map[len] the end of
 * what was read). *fa and *th are set when Persian or Thai digits were seen. */
static size_t fold_digits(const unsigned char *s, size_t n, unsigned char *out, uint16_t *map, int *fa, int *th)
{
    size_t o = 0, i = 0;
    while (i < n) {
        uint32_t cp = s[i];
        size_t l = cp < 0x80 ? 1 : dec(s, n, i, &cp);
        int v = cp >= 0x660 ? native_digit(cp) : -1;
        size_t need = v >= 0 ? 1 : l;
        if (o + need > FOLD_MAX)
            break;
        if (v >= 0) {
            *fa |= cp >= 0x6F0 && cp <= 0x6F9;
            *th |= cp >= 0xE50 && cp <= 0xE59;
            map[o] = (uint16_t)i;
            out[o++] = (unsigned char)('0' + v);
        } else {
            for (size_t k = 0; k < l; k++) {
                map[o] = (uint16_t)(i + k);
                out[o++] = s[i + k];
            }
        }
        i += l;
    }
    map[o] = (uint16_t)i;
    return o;
}

int date_parse(const char *s, size_t n, const char *lang, int64_t ref, unsigned flags,
               date_value *out, size_t *match_off, size_t *match_len)
{
    if (!s || !out)
        return 0;
    ctx c;
    memset(&c, 0, sizeof c);
    c.s = (const unsigned char *)s;
    c.n = n;
    c.ref = ref > 0 && ref <= REF_MAX ? ref : 0;
    if (lang) {
        c.month_first = lang_prefix(lang, "en-us");
        c.lang_fr = lang_prefix(lang, "fr");
        c.lang_uk = lang_prefix(lang, "uk");
        c.lang_hr = lang_prefix(lang, "hr");
        c.cal_fa = lang_prefix(lang, "fa");
        c.cal_th = lang_prefix(lang, "th");
    }
    date_value d;
    size_t off = 0, end = 0;
    int r = parse_run(&c, flags, &d, &off, &end);
    if (r < 0) {
        /* "٦ يوليو ٢٠٢٤", "۱۴۰۳/۰۴/۱۶", "２０２４年７月６日": read again with ASCII digits */
        unsigned char f[FOLD_MAX];
        uint16_t map[FOLD_MAX + 1];
        ctx fc = c;
        fc.n = fold_digits(c.s, n, f, map, &fc.cal_fa, &fc.cal_th);
        fc.s = f;
        r = parse_run(&fc, flags, &d, &off, &end);
        if (r > 0) {
            off = map[off], end = map[end];
        } else if (map[fc.n] < n) {
            /* past the copy's 1 KB, the text as it is, those digits skipped:
             * an ASCII date there is still found */
            size_t seen = map[fc.n];
            c.skip_native = 1;
            r = parse_run(&c, flags, &d, &off, &end) > 0 && off >= seen;
        }
    }
    if (r <= 0)
        return 0;
    *out = d;
    if (match_off)
        *match_off = off;
    if (match_len)
        *match_len = end - off;
    return 1;
}

int date_has_digit(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = ones * 0x80;
    for (size_t i = 0; i < n; i++) {
        /* eight ASCII bytes at a time: a byte b < 0x80 is a digit when
         * b + 0x50 reaches 0x80 and b + 0x46 does not (no carries between
         * bytes below 0x80) */
        while (i + 8 <= n) {
            uint64_t x;
            memcpy(&x, u + i, 8);
            if (x & highs)
                break;
            if ((x + ones * 0x50) & ~(x + ones * 0x46) & highs)
                return 1;
            i += 8;
        }
        if (i >= n)
            break;
        unsigned b = u[i];
        if (b - '0' < 10u)
            return 1;
        /* lead bytes of the other scripts' digits: D9 and DB (Arabic-Indic,
         * Persian), E0 (U+0800-0FFF: Devanagari to Lao), E1 (Myanmar, Khmer),
         * EF (full-width) */
        if (b == 0xD9 || b == 0xDB || b == 0xE0 || b == 0xE1 || b == 0xEF) {
            uint32_t cp;
            size_t l = dec(u, n, i, &cp);
            if (native_digit(cp) >= 0)
                return 1;
            i += l - 1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------ URLs */

int date_from_url(const char *url, size_t n, date_value *out)
{
    if (!url || !out)
        return 0;
    ctx c;
    memset(&c, 0, sizeof c);
    c.s = (const unsigned char *)url;
    c.n = n;
    size_t i = 0;
    while (i < n) {
        if (!is_digit(c.s[i])) {
            i++;
            continue;
        }
        int64_t v;
        int nd = read_num(&c, i, &v);
        size_t j = i + (size_t)nd;
        int prev_ok = i == 0 || !alnum_at(&c, i - 1);
        if (prev_ok && nd == 4 && v >= 1995 && v <= 2099) {
            int sep = at(&c, j);
            if (sep == '/' || sep == '-' || sep == '_' || sep == '.') {
                int64_t m, d;
                int nm = read_num(&c, j + 1, &m);
                size_t k = j + 1 + (size_t)nm;
                if (nm >= 1 && nm <= 2 && at(&c, k) == sep) {
                    int ndd = read_num(&c, k + 1, &d);
                    if (ndd >= 1 && ndd <= 2 && valid_ymd(v, m, d)) {
                        memset(out, 0, sizeof *out);
                        out->year = (int)v, out->month = (int)m, out->day = (int)d;
                        return 1;
                    }
                }
            }
        } else if (prev_ok && nd == 8 && !letter_at(&c, j)) {
            int64_t y = v / 10000, m = v / 100 % 100, d = v % 100;
            if (y >= 1995 && y <= 2099 && valid_ymd(y, m, d)) {
                memset(out, 0, sizeof *out);
                out->year = (int)y, out->month = (int)m, out->day = (int)d;
                return 1;
            }
        }
        /* skip the whole digit run */
        while (i < n && is_digit(c.s[i]))
            i++;
    }
    return 0;
}

/* ------------------------------------------------------------ output */

int date_plausible(const date_value *d, int64_t ref)
{
    if (!d || !valid_ymd(d->year, d->month, d->day) || d->year < 1995)
        return 0;
    return ref <= 0 || date_to_unix(d) <= ref + 86400;
}

static int clampi(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

size_t date_format_iso(const date_value *d, char *out)
{
    /* clamped so any input fits the 32 bytes: at most 25 characters */
    int y = clampi(d->year, 0, 9999), mo = clampi(d->month, 0, 99), dd = clampi(d->day, 0, 99);
    int len = snprintf(out, 32, "%04d-%02d-%02d", y, mo, dd);
    if (d->has_time) {
        int h = clampi(d->hour, 0, 99), mi = clampi(d->minute, 0, 99), s = clampi(d->second, 0, 99);
        len += snprintf(out + len, 32 - (size_t)len, "T%02d:%02d:%02d", h, mi, s);
        if (d->has_tz) {
            int tz = clampi(d->tz_minutes, -5999, 5999);
            char sign = tz < 0 ? '-' : '+';
            if (tz < 0)
                tz = -tz;
            len += snprintf(out + len, 32 - (size_t)len, "%c%02d:%02d", sign, tz / 60, tz % 60);
        }
    }
    return (size_t)len;
}

int64_t date_to_unix(const date_value *d)
{
    int64_t t = days_from_civil(d->year, d->month, d->day) * 86400;
    if (d->has_time)
        t += (int64_t)d->hour * 3600 + (int64_t)d->minute * 60 + d->second;
    if (d->has_tz)
        t -= (int64_t)d->tz_minutes * 60;
    return t;
}
