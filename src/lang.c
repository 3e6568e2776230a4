/* lang.c — language identification and stopword counting.
 *
 * Takes UTF-8 text (any bytes: invalid sequences are skipped as non-letters,
 * nothing is read outside [text, text+n)). Words are maximal runs of letters,
 * case-folded and looked up in the generated stopword table
 * (src/tables/stopwords.inc, from data/stopwords/ by tools/gen_tables.py).
 * lang_detect decides first by script (CJK, Hangul, Arabic, Hebrew, Thai,
 * Devanagari, Greek, Georgian, Armenian); Latin and Cyrillic text goes to a
 * vote of stopword hits weighed with distinctive letters. No state, no
 * allocation.
 */
#include "lang.h"

#include <stdint.h>
#include <string.h>

#include "tables/stopwords.inc"

_Static_assert(SW_NLANGS <= 32 || sizeof(sw_mask) == 8, "mask too narrow for the languages");

/* ------------------------------------------------------------ scripts */

enum script {
    SC_NONE = 0, /* not a letter: a word boundary */
    SC_MARK,     /* combining mark: continues a word, counts for no script */
    SC_LATIN, SC_CYRILLIC, SC_GREEK, SC_ARMENIAN, SC_HEBREW, SC_ARABIC, SC_DEVANAGARI,
    SC_THAI, SC_GEORGIAN, SC_HANGUL, SC_KANA, SC_HAN,
    SC_OTHER,    /* letters of scripts pith does not name */
    SC_COUNT
};

/* Letter blocks above U+052F, sorted; anything not listed is not a letter. */
static const struct {
    uint32_t lo, hi;
    uint8_t sc;
} ranges[] = {
    {0x0531, 0x0556, SC_ARMENIAN}, {0x0559, 0x0559, SC_ARMENIAN}, {0x0560, 0x0588, SC_ARMENIAN},
    {0x0591, 0x05BD, SC_HEBREW}, {0x05BF, 0x05BF, SC_HEBREW}, {0x05C1, 0x05C2, SC_HEBREW},
    {0x05C4, 0x05C5, SC_HEBREW}, {0x05C7, 0x05C7, SC_HEBREW}, {0x05D0, 0x05EA, SC_HEBREW},
    {0x05EF, 0x05F2, SC_HEBREW},
    {0x0610, 0x061A, SC_MARK}, {0x0620, 0x064A, SC_ARABIC}, {0x064B, 0x065F, SC_MARK},
    {0x066E, 0x066F, SC_ARABIC}, {0x0670, 0x0670, SC_MARK}, {0x0671, 0x06D3, SC_ARABIC},
    {0x06D5, 0x06D5, SC_ARABIC}, {0x06D6, 0x06DC, SC_MARK}, {0x06DF, 0x06E8, SC_MARK},
    {0x06EA, 0x06ED, SC_MARK}, {0x06EE, 0x06EF, SC_ARABIC}, {0x06FA, 0x06FC, SC_ARABIC},
    {0x06FF, 0x06FF, SC_ARABIC}, {0x0750, 0x077F, SC_ARABIC}, {0x08A0, 0x08C9, SC_ARABIC},
    {0x0900, 0x0903, SC_MARK}, {0x0904, 0x0939, SC_DEVANAGARI}, {0x093A, 0x094F, SC_MARK},
    {0x0950, 0x0950, SC_DEVANAGARI}, {0x0951, 0x0957, SC_MARK}, {0x0958, 0x0961, SC_DEVANAGARI},
    {0x0962, 0x0963, SC_MARK}, {0x0971, 0x097F, SC_DEVANAGARI},
    {0x0980, 0x09E5, SC_OTHER}, {0x09F0, 0x09F1, SC_OTHER}, /* Bengali */
    {0x0A00, 0x0A65, SC_OTHER}, {0x0A70, 0x0A75, SC_OTHER}, /* Gurmukhi */
    {0x0A80, 0x0AE5, SC_OTHER}, {0x0B00, 0x0B65, SC_OTHER}, /* Gujarati, Oriya */
    {0x0B80, 0x0BE5, SC_OTHER}, {0x0C00, 0x0C65, SC_OTHER}, /* Tamil, Telugu */
    {0x0C80, 0x0CE5, SC_OTHER}, {0x0D00, 0x0D65, SC_OTHER}, /* Kannada, Malayalam */
    {0x0D80, 0x0DF3, SC_OTHER},                               /* Sinhala */
    {0x0E01, 0x0E2F, SC_THAI}, {0x0E30, 0x0E3A, SC_THAI}, {0x0E40, 0x0E4E, SC_THAI},
    {0x0E81, 0x0EDF, SC_OTHER}, /* Lao */
    {0x0F40, 0x0FBC, SC_OTHER}, /* Tibetan */
    {0x1000, 0x103F, SC_OTHER}, {0x1050, 0x108F, SC_OTHER}, /* Myanmar */
    {0x10A0, 0x10FA, SC_GEORGIAN}, {0x10FC, 0x10FF, SC_GEORGIAN},
    {0x1100, 0x11FF, SC_HANGUL},
    {0x1200, 0x135F, SC_OTHER}, /* Ethiopic */
    {0x1780, 0x17D3, SC_OTHER}, /* Khmer */
    {0x1C80, 0x1C88, SC_CYRILLIC}, {0x1C90, 0x1CBF, SC_GEORGIAN},
    {0x1D00, 0x1DBF, SC_LATIN}, {0x1DC0, 0x1DFF, SC_MARK}, {0x1E00, 0x1EFF, SC_LATIN},
    {0x1F00, 0x1FBC, SC_GREEK}, {0x1FC2, 0x1FCC, SC_GREEK}, {0x1FD0, 0x1FDB, SC_GREEK},
    {0x1FE0, 0x1FEC, SC_GREEK}, {0x1FF2, 0x1FFC, SC_GREEK},
    {0x2C60, 0x2C7F, SC_LATIN}, {0x2D00, 0x2D2D, SC_GEORGIAN}, {0x2DE0, 0x2DFF, SC_CYRILLIC},
    {0x3005, 0x3005, SC_HAN}, {0x3007, 0x3007, SC_HAN}, {0x3041, 0x3096, SC_KANA},
    {0x3099, 0x309F, SC_KANA}, {0x30A1, 0x30FA, SC_KANA}, {0x30FC, 0x30FF, SC_KANA},
    {0x3131, 0x318E, SC_HANGUL}, {0x31F0, 0x31FF, SC_KANA}, {0x3400, 0x4DBF, SC_HAN},
    {0x4E00, 0x9FFF, SC_HAN}, {0xA640, 0xA69F, SC_CYRILLIC}, {0xA720, 0xA7FF, SC_LATIN},
    {0xA960, 0xA97F, SC_HANGUL}, {0xAC00, 0xD7A3, SC_HANGUL}, {0xD7B0, 0xD7FF, SC_HANGUL},
    {0xF900, 0xFAFF, SC_HAN}, {0xFB00, 0xFB06, SC_LATIN}, {0xFB1D, 0xFB4F, SC_HEBREW},
    {0xFB50, 0xFD3D, SC_ARABIC}, {0xFD50, 0xFDFB, SC_ARABIC}, {0xFE70, 0xFEFC, SC_ARABIC},
    {0xFF21, 0xFF3A, SC_LATIN}, {0xFF41, 0xFF5A, SC_LATIN}, {0xFF66, 0xFF9F, SC_KANA},
    {0x20000, 0x3134F, SC_HAN},
};

static int cp_script(uint32_t c)
{
    if (c < 0x80)
        return ((c | 0x20) - 'a' < 26u) ? SC_LATIN : SC_NONE;
    if (c < 0x250) {
        if (c < 0xC0)
            return (c == 0xAA || c == 0xB5 || c == 0xBA) ? SC_LATIN : SC_NONE;
        return (c == 0xD7 || c == 0xF7) ? SC_NONE : SC_LATIN;
    }
    if (c < 0x370) {
        if (c < 0x2B0)
            return SC_LATIN; /* IPA */
        if (c <= 0x2C1 || (c >= 0x2C6 && c <= 0x2D1) || (c >= 0x2E0 && c <= 0x2E4) || c == 0x2EC ||
            c == 0x2EE)
            return SC_LATIN; /* modifier letters, e.g. U+02BC in Ukrainian words */
        return c >= 0x300 ? SC_MARK : SC_NONE;
    }
    if (c < 0x400) {
        if (c == 0x375 || c == 0x37E || c == 0x384 || c == 0x385 || c == 0x387 || c == 0x3F6 ||
            (c >= 0x378 && c <= 0x379) || (c >= 0x380 && c <= 0x383) || c == 0x38B || c == 0x38D ||
            c == 0x3A2)
            return SC_NONE;
        return SC_GREEK;
    }
    if (c < 0x530) {
        if (c == 0x482)
            return SC_NONE;
        return (c >= 0x483 && c <= 0x489) ? SC_MARK : SC_CYRILLIC;
    }
    size_t lo = 0, hi = sizeof ranges / sizeof ranges[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < ranges[mid].lo)
            hi = mid;
        else if (c > ranges[mid].hi)
            lo = mid + 1;
        else
            return ranges[mid].sc;
    }
    return SC_NONE;
}

/* ------------------------------------------------------------ UTF-8 and folding */

/* Decode one code point at s (n > 0). Invalid, overlong, surrogate or
 * truncated sequences give 0xFFFFFFFF with *adv = 1, so the caller skips
 * one byte and resynchronises. */
static uint32_t decode(const unsigned char *s, size_t n, size_t *adv)
{
    uint32_t c = s[0];
    *adv = 1;
    if (c < 0x80)
        return c;
    if (c >= 0xC2 && c < 0xE0) {
        if (n < 2 || (s[1] & 0xC0) != 0x80)
            return 0xFFFFFFFFu;
        *adv = 2;
        return ((c & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if (c >= 0xE0 && c < 0xF0) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0xFFFFFFFFu;
        uint32_t cp = ((c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0xFFFFFFFFu;
        *adv = 3;
        return cp;
    }
    if (c >= 0xF0 && c < 0xF5) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0xFFFFFFFFu;
        uint32_t cp = ((c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
                      ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        if (cp < 0x10000 || cp > 0x10FFFF)
            return 0xFFFFFFFFu;
        *adv = 4;
        return cp;
    }
    return 0xFFFFFFFFu;
}

static size_t encode(uint32_t c, unsigned char *out)
{
    if (c < 0x80) {
        out[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (unsigned char)(0xC0 | (c >> 6));
        out[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (c >> 12));
        out[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (c >> 18));
    out[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

/* Simple lower-case folding for the scripts with stopword tables (plus
 * Latin Extended-B/Additional pairs). Greek also loses its accents (capitals
 * are often written without tonos) and final sigma becomes sigma.
 * tools/gen_tables.py has the same function: keep the two in step. */
static uint32_t fold_cp(uint32_t c)
{
    if (c < 0x80)
        return (c - 'A' < 26u) ? c + 0x20 : c;
    if (c < 0x100)
        return (c >= 0xC0 && c <= 0xDE && c != 0xD7) ? c + 0x20 : c;
    if (c < 0x250) {
        if (c == 0x130)
            return 'i'; /* Turkish dotted capital I */
        if (c <= 0x137 || (c >= 0x14A && c <= 0x177))
            return c | 1;
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E) || (c >= 0x1CD && c <= 0x1DC))
            return (c & 1) ? c + 1 : c;
        if (c == 0x178)
            return 0xFF;
        if ((c >= 0x1DE && c <= 0x1EF) || (c >= 0x1F8 && c <= 0x233))
            return c | 1;
        return c;
    }
    if (c >= 0x386 && c <= 0x3CE) {
        if (c == 0x386)
            c = 0x3AC;
        else if (c >= 0x388 && c <= 0x38A)
            c += 0x25;
        else if (c == 0x38C)
            c = 0x3CC;
        else if (c == 0x38E || c == 0x38F)
            c += 0x3F;
        else if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
            c += 0x20;
        switch (c) {
        case 0x3AC: return 0x3B1;
        case 0x3AD: return 0x3B5;
        case 0x3AE: return 0x3B7;
        case 0x3AF: case 0x3CA: case 0x390: return 0x3B9;
        case 0x3CC: return 0x3BF;
        case 0x3CD: case 0x3CB: case 0x3B0: return 0x3C5;
        case 0x3CE: return 0x3C9;
        case 0x3C2: return 0x3C3;
        default: return c;
        }
    }
    if (c >= 0x400 && c <= 0x52F) {
        if (c <= 0x40F)
            return c + 0x50;
        if (c <= 0x42F)
            return c + 0x20;
        if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || c >= 0x4D0)
            return c | 1;
        if (c == 0x4C0)
            return 0x4CF;
        if (c >= 0x4C1 && c <= 0x4CE)
            return (c & 1) ? c + 1 : c;
        return c;
    }
    if ((c >= 0x1E00 && c <= 0x1E95) || (c >= 0x1EA0 && c <= 0x1EFF))
        return c | 1;
    if (c == 0x1E9E)
        return 0xDF;
    return c;
}

/* ASCII letters folded to lower case; 0 for every non-letter byte. */
static const unsigned char ascii_fold[128] = {
    ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f', ['G'] = 'g',
    ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n',
    ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't', ['U'] = 'u',
    ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y', ['Z'] = 'z',
    ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f', ['g'] = 'g',
    ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n',
    ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't', ['u'] = 'u',
    ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z',
};

/* ------------------------------------------------------------ words */

/* The word being read: its folded bytes (only the first SW_MAXLEN are kept,
 * longer words cannot be stopwords) and their running FNV-1a hash. */
typedef struct word {
    unsigned char b[SW_MAXLEN];
    size_t len;
    uint32_t h;
} word;

static inline void word_add(word *w, unsigned char c)
{
    if (w->len < SW_MAXLEN)
        w->b[w->len] = c;
    w->len++;
    w->h = (w->h ^ c) * SW_FNV_PRIME;
}

static inline void word_add_cp(word *w, uint32_t c)
{
    unsigned char u[4];
    size_t k = encode(c, u);
    for (size_t i = 0; i < k; i++)
        word_add(w, u[i]);
}

/* Languages listing the finished word w, or 0. */
static inline sw_mask word_lookup(const word *w)
{
    if (w->len > SW_MAXLEN)
        return 0;
    uint32_t i = w->h & SW_TABLE_MASK;
    for (;;) {
        uint32_t h = sw_hash[i];
        if (h == 0)
            return 0;
        if (h == w->h && sw_slot[i].len == w->len && memcmp(sw_pool + sw_slot[i].off, w->b, w->len) == 0)
            return sw_slot[i].mask;
        i = (i + 1) & SW_TABLE_MASK;
    }
}

static inline void word_reset(word *w)
{
    w->len = 0;
    w->h = SW_FNV_OFFSET;
}

unsigned lang_stopwords(const char *text, size_t n, unsigned *words)
{
    unsigned nwords = 0, nstop = 0;
    word w;
    word_reset(&w);
    if (words)
        *words = 0;
    if (!text)
        return 0;
    const unsigned char *p = (const unsigned char *)text, *end = p + n;
    while (p < end) {
        unsigned c = *p;
        if (c < 0x80) { /* the common case: one ASCII byte */
            p++;
            unsigned f = ascii_fold[c];
            if (f) {
                word_add(&w, (unsigned char)f);
                continue;
            }
        } else {
            size_t adv;
            uint32_t cp = decode(p, (size_t)(end - p), &adv);
            p += adv;
            int sc = cp_script(cp);
            if (sc > SC_MARK || (sc == SC_MARK && w.len)) {
                word_add_cp(&w, fold_cp(cp));
                continue;
            }
        }
        if (w.len) { /* a non-letter ends the word */
            nwords++;
            if (word_lookup(&w))
                nstop++;
            word_reset(&w);
        }
    }
    if (w.len) {
        nwords++;
        if (word_lookup(&w))
            nstop++;
    }
    if (words)
        *words = nwords;
    return nstop;
}

/* ------------------------------------------------------------ letter evidence */

#define B(l) ((sw_mask)1 << SW_##l)

/* Letters (folded) that speak for (pos) or against (neg) languages sharing a
 * script. Sorted by code point for binary search. A "neg" letter is one the
 * language's orthography does not use, so a steady share of it in the text
 * rules that language out (Russian ы in would-be Ukrainian, Czech ř in
 * would-be Slovak); a stray quoted name is too rare to matter. */
static const struct evidence {
    uint32_t cp;
    sw_mask pos, neg;
} evidence[] = {
    {0x00DF, B(DE), 0},                                     /* ß */
    {0x00E0, B(IT) | B(CA) | B(FR) | B(PT), 0},             /* à */
    {0x00E1, 0, B(FR) | B(IT)},                             /* á */
    {0x00E2, B(RO) | B(FR) | B(PT), 0},                     /* â */
    {0x00E3, B(PT), B(ES) | B(IT) | B(CA)},                 /* ã */
    {0x00E4, B(DE) | B(SV) | B(FI) | B(ET) | B(SK), B(DA) | B(NO) | B(CS)}, /* ä */
    {0x00E5, B(SV) | B(DA) | B(NO), 0},                     /* å */
    {0x00E6, B(DA) | B(NO), B(SV)},                         /* æ */
    {0x00E7, B(FR) | B(PT) | B(CA) | B(TR), B(ES) | B(IT)}, /* ç */
    {0x00E8, B(IT) | B(CA) | B(FR), B(ES) | B(PT)},         /* è */
    {0x00EC, B(IT), B(ES) | B(PT) | B(CA) | B(FR)},         /* ì */
    {0x00ED, 0, B(FR) | B(IT)},                             /* í */
    {0x00EE, B(RO) | B(FR), 0},                             /* î */
    {0x00EF, B(CA) | B(FR), 0},                             /* ï */
    {0x00F1, B(ES), B(PT) | B(IT) | B(CA)},                 /* ñ */
    {0x00F2, B(IT) | B(CA), B(ES) | B(PT) | B(FR)},         /* ò */
    {0x00F3, 0, B(FR)},                                     /* ó */
    {0x00F4, B(SK) | B(FR), B(CS)},                         /* ô */
    {0x00F5, B(PT) | B(ET), B(ES)},                         /* õ */
    {0x00F6, B(DE) | B(SV) | B(FI) | B(ET) | B(HU) | B(TR), B(DA) | B(NO)}, /* ö */
    {0x00F8, B(DA) | B(NO), B(SV)},                         /* ø */
    {0x00F9, B(IT) | B(FR), 0},                             /* ù */
    {0x00FA, 0, B(FR) | B(IT)},                             /* ú */
    {0x00FC, B(DE) | B(HU) | B(TR) | B(ET), 0},             /* ü */
    {0x0101, B(LV), B(LT)},                                 /* ā */
    {0x0103, B(RO), 0},                                     /* ă */
    {0x0105, B(PL) | B(LT), B(LV)},                         /* ą */
    {0x0107, B(PL) | B(HR), B(SL)},                         /* ć */
    {0x010F, B(CS) | B(SK), 0},                             /* ď */
    {0x0111, B(HR), B(SL)},                                 /* đ */
    {0x0113, B(LV), B(LT)},                                 /* ē */
    {0x0117, B(LT), B(LV)},                                 /* ė */
    {0x0119, B(PL) | B(LT), B(LV)},                         /* ę */
    {0x011B, B(CS), B(SK)},                                 /* ě */
    {0x011F, B(TR), 0},                                     /* ğ */
    {0x0123, B(LV), B(LT)},                                 /* ģ */
    {0x012B, B(LV), B(LT)},                                 /* ī */
    {0x012F, B(LT), B(LV)},                                 /* į */
    {0x0131, B(TR), 0},                                     /* ı */
    {0x0137, B(LV), B(LT)},                                 /* ķ */
    {0x013A, B(SK), B(CS)},                                 /* ĺ */
    {0x013C, B(LV), B(LT)},                                 /* ļ */
    {0x013E, B(SK), B(CS)},                                 /* ľ */
    {0x0142, B(PL), 0},                                     /* ł */
    {0x0144, B(PL), 0},                                     /* ń */
    {0x0146, B(LV), B(LT)},                                 /* ņ */
    {0x0151, B(HU), 0},                                     /* ő */
    {0x0155, B(SK), B(CS)},                                 /* ŕ */
    {0x0159, B(CS), B(SK)},                                 /* ř */
    {0x015B, B(PL), 0},                                     /* ś */
    {0x015F, B(TR) | B(RO), 0},                             /* ş */
    {0x0163, B(RO), 0},                                     /* ţ */
    {0x016F, B(CS), B(SK)},                                 /* ů */
    {0x0171, B(HU), 0},                                     /* ű */
    {0x0173, B(LT), B(LV)},                                 /* ų */
    {0x017A, B(PL), 0},                                     /* ź */
    {0x017C, B(PL), 0},                                     /* ż */
    {0x0219, B(RO), 0},                                     /* ș */
    {0x021B, B(RO), 0},                                     /* ț */
    {0x0438, 0, B(BE)},                                     /* и */
    {0x0439, 0, B(SR)},                                     /* й */
    {0x0449, 0, B(BE) | B(SR)},                             /* щ */
    {0x044A, B(BG), B(UK) | B(BE) | B(SR)},                 /* ъ */
    {0x044B, B(RU) | B(BE), B(UK) | B(BG) | B(SR)},         /* ы */
    {0x044C, 0, B(SR)},                                     /* ь */
    {0x044D, B(RU) | B(BE), B(UK) | B(BG) | B(SR)},         /* э */
    {0x044E, 0, B(SR)},                                     /* ю */
    {0x044F, 0, B(SR)},                                     /* я */
    {0x0451, B(RU) | B(BE), B(UK) | B(BG) | B(SR)},         /* ё */
    {0x0452, B(SR), B(RU) | B(UK) | B(BE) | B(BG)},         /* ђ */
    {0x0454, B(UK), B(RU) | B(BE) | B(BG) | B(SR)},         /* є */
    {0x0456, B(UK) | B(BE), B(RU) | B(BG) | B(SR)},         /* і */
    {0x0457, B(UK), B(RU) | B(BE) | B(BG) | B(SR)},         /* ї */
    {0x0458, B(SR), B(RU) | B(UK) | B(BE) | B(BG)},         /* ј */
    {0x0459, B(SR), B(RU) | B(UK) | B(BE) | B(BG)},         /* љ */
    {0x045A, B(SR), B(RU) | B(UK) | B(BE) | B(BG)},         /* њ */
    {0x045B, B(SR), B(RU) | B(UK) | B(BE) | B(BG)},         /* ћ */
    {0x045D, B(BG), B(RU) | B(UK) | B(BE) | B(SR)},         /* ѝ */
    {0x045E, B(BE), B(RU) | B(UK) | B(BG) | B(SR)},         /* ў */
    {0x045F, B(SR), B(RU) | B(UK) | B(BE) | B(BG)},         /* џ */
    {0x0491, B(UK), B(RU) | B(BE) | B(BG) | B(SR)},         /* ґ */
};

#define N_EVIDENCE (sizeof evidence / sizeof evidence[0])

static int evidence_index(uint32_t c)
{
    size_t lo = 0, hi = N_EVIDENCE;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < evidence[mid].cp)
            hi = mid;
        else if (c > evidence[mid].cp)
            lo = mid + 1;
        else
            return (int)mid;
    }
    return -1;
}

/* ------------------------------------------------------------ detection */

#define DETECT_MAX_BYTES 65536 /* enough for a verdict; keeps lang_detect O(64 KB) */
#define MIN_LETTERS 20         /* below this, no verdict */
#define MIN_HITS 3             /* stopword hits the winner needs */
#define MIN_MARGIN 0.10        /* (best - second) / best the winner needs */

typedef struct tally {
    unsigned letters[SC_COUNT]; /* letters per script */
    unsigned hits[SW_NLANGS];   /* stopword hits per language */
    unsigned ev[N_EVIDENCE];    /* occurrences of each evidence letter */
    unsigned fa, ar, ur;        /* Persian-only, Arabic-only, Urdu-only letters */
} tally;

static void count_arabic(tally *t, uint32_t c)
{
    switch (c) {
    case 0x067E: case 0x0686: case 0x0698: case 0x06AF: /* پ چ ژ گ */
        t->fa += 2; /* Persian's own letters: strong */
        break;
    case 0x06A9: case 0x06CC: /* Persian kāf and yā forms */
        t->fa++;
        break;
    case 0x0643: case 0x064A: case 0x0629: case 0x0649: /* ك ي ة ى */
        t->ar++;
        break;
    case 0x0679: case 0x0688: case 0x0691: case 0x06BA: case 0x06D2: case 0x06BE: /* ٹ ڈ ڑ ں ے ھ */
        t->ur++;
        break;
    default:
        break;
    }
}

static void finish_word(tally *t, word *w)
{
    sw_mask m = word_lookup(w);
    for (unsigned k = 0; m; k++, m >>= 1)
        if (m & 1)
            t->hits[k]++;
    word_reset(w);
}

static void scan(const unsigned char *p, const unsigned char *end, tally *t)
{
    word w;
    word_reset(&w);
    while (p < end) {
        size_t adv;
        uint32_t c = decode(p, (size_t)(end - p), &adv);
        p += adv;
        int sc = cp_script(c);
        if (sc == SC_NONE || (sc == SC_MARK && !w.len)) {
            if (w.len)
                finish_word(t, &w);
            continue;
        }
        t->letters[sc]++;
        c = fold_cp(c);
        word_add_cp(&w, c);
        if (c >= 0xDF && c < 0x500) {
            int e = evidence_index(c);
            if (e >= 0)
                t->ev[e]++;
        } else if (sc == SC_ARABIC) {
            count_arabic(t, c);
        }
    }
    if (w.len)
        finish_word(t, &w);
}

/* Latin or Cyrillic text: the language whose stopwords and letters fit best. */
static const char *vote(const tally *t, char script, unsigned script_letters, double *conf)
{
    unsigned maxhits = 0;
    for (int k = 0; k < SW_NLANGS; k++)
        if (sw_lang_script[k] == script && t->hits[k] > maxhits)
            maxhits = t->hits[k];
    if (maxhits < MIN_HITS)
        return NULL;
    /* Distinctive letters add at most a third of the stopword evidence, so
     * they settle close votes between related languages without outvoting
     * the words; forbidden letters divide the score by 1 + their percentage. */
    double cap = 1.0 + maxhits / 3.0;
    double best = -1, second = -1;
    int bi = -1;
    for (int k = 0; k < SW_NLANGS; k++) {
        if (sw_lang_script[k] != script)
            continue;
        unsigned pos = 0, neg = 0;
        for (size_t e = 0; e < N_EVIDENCE; e++) {
            if (!t->ev[e])
                continue;
            if (evidence[e].pos >> k & 1)
                pos += t->ev[e];
            if (evidence[e].neg >> k & 1)
                neg += t->ev[e];
        }
        double s = t->hits[k] + (pos < cap ? pos : cap);
        if (neg >= 2)
            s /= 1.0 + 100.0 * neg / script_letters;
        if (s > best) {
            second = best;
            best = s;
            bi = k;
        } else if (s > second) {
            second = s;
        }
    }
    if (bi < 0 || t->hits[bi] < MIN_HITS)
        return NULL;
    if (second < 0)
        second = 0;
    double margin = (best - second) / best;
    if (margin < MIN_MARGIN || best - second < 1.0)
        return NULL;
    /* Confidence grows with the margin over the runner-up and with the
     * amount of evidence (hits / (hits + 4): 3 hits ~0.4, 40 hits ~0.9). */
    double c = 0.3 + 1.4 * margin;
    if (c > 1.0)
        c = 1.0;
    *conf = c * t->hits[bi] / (t->hits[bi] + 4.0);
    return sw_lang_tag[bi];
}

const char *lang_detect(const char *text, size_t n, double *confidence)
{
    double conf = 0;
    const char *tag = NULL;
    if (confidence)
        *confidence = 0;
    if (!text)
        return NULL;
    if (n > DETECT_MAX_BYTES)
        n = DETECT_MAX_BYTES;
    tally t;
    memset(&t, 0, sizeof t);
    scan((const unsigned char *)text, (const unsigned char *)text + n, &t);

    /* The dominant script decides the family. CJK and Hangul characters
     * carry a syllable or word each, so they weigh double against letters. */
    unsigned total = 0, weight[SC_COUNT] = {0}, wsum = 0;
    for (int s = SC_LATIN; s < SC_COUNT; s++) {
        total += t.letters[s];
        weight[s] = t.letters[s] * ((s == SC_HAN || s == SC_KANA || s == SC_HANGUL) ? 2u : 1u);
        wsum += weight[s];
    }
    if (total < MIN_LETTERS)
        return NULL;
    unsigned cjk = weight[SC_HAN] + weight[SC_KANA];
    int dom = SC_LATIN;
    for (int s = SC_LATIN; s < SC_COUNT; s++)
        if (s != SC_HAN && s != SC_KANA && weight[s] > weight[dom])
            dom = s;
    if (cjk > weight[dom])
        dom = SC_HAN;
    double share = (double)(dom == SC_HAN ? cjk : weight[dom]) / wsum;

    switch (dom) {
    case SC_LATIN:
        tag = vote(&t, 'L', t.letters[SC_LATIN], &conf);
        break;
    case SC_CYRILLIC:
        tag = vote(&t, 'C', t.letters[SC_CYRILLIC], &conf);
        break;
    case SC_GREEK:
        tag = "el";
        conf = share;
        break;
    case SC_HAN: {
        /* Japanese writes its grammar in kana; Chinese has none. */
        unsigned kana = t.letters[SC_KANA], han = t.letters[SC_HAN];
        tag = (kana >= 3 && kana * 20 >= kana + han) ? "ja" : "zh";
        conf = share;
        break;
    }
    case SC_HANGUL: tag = "ko"; conf = share; break;
    case SC_HEBREW: tag = "he"; conf = share; break;
    case SC_THAI: tag = "th"; conf = share; break;
    case SC_DEVANAGARI: tag = "hi"; conf = share; break;
    case SC_GEORGIAN: tag = "ka"; conf = share; break;
    case SC_ARMENIAN: tag = "hy"; conf = share; break;
    case SC_ARABIC: {
        /* Urdu and Persian add letters to the Arabic alphabet; both also
         * prefer their own kāf/yā forms over Arabic's. */
        unsigned a = t.letters[SC_ARABIC];
        if (t.ur >= 3 && t.ur * 100 >= a)
            tag = "ur";
        else if (t.fa >= 4 && (t.fa * 200 >= a * 2 || t.fa > t.ar))
            tag = "fa";
        else
            tag = "ar";
        conf = share;
        break;
    }
    default:
        break;
    }
    if (tag && confidence)
        *confidence = conf;
    return tag;
}

/* ------------------------------------------------------------ date order */

static int lower_ascii(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

int lang_month_first(const char *tag)
{
    if (!tag)
        return 0;
    while (*tag == ' ' || *tag == '\t')
        tag++;
    if (lower_ascii(tag[0]) != 'e' || lower_ascii(tag[1]) != 'n' || (tag[2] != '-' && tag[2] != '_'))
        return 0;
    const char *p = tag + 3;
    size_t len = 0;
    while (((unsigned)lower_ascii(p[len]) - 'a') < 26u)
        len++;
    if (len == 4 && (p[4] == '-' || p[4] == '_')) { /* script subtag: en-Latn-US */
        p += 5;
        len = 0;
        while (((unsigned)lower_ascii(p[len]) - 'a') < 26u)
            len++;
    }
    if (len != 2)
        return 0;
    char end = p[2];
    if (end != '\0' && end != '-' && end != '_' && end != '.' && end != '@' && end != ' ' && end != ',' &&
        end != ';')
        return 0;
    int a = lower_ascii(p[0]), b = lower_ascii(p[1]);
    return (a == 'u' && b == 's') || (a == 'p' && b == 'h');
}
