/* sources.c — news agencies and outlets credited in the body text.
 *
 * Takes the doc's body blocks and adds to PITH_LIST_SOURCES the names that
 * fixed attribution cues point at: 'як повідомляє X', 'передає X', 'за
 * даними X', 'з посиланням на X', 'как сообщает X', 'по данным X', 'со
 * ссылкой на X', 'according to X', 'X reported', 'told X', '(X) —', 'berichtet
 * X', 'laut X', 'wie X berichtet', 'Джерело: X'. A name is a run of up to four
 * capitalised words (or a quoted title); runs that look like a person's name
 * are refused. No list of outlets: the cue and the shape decide.
 */
#include "sources.h"
#include "lang.h"

#include <string.h>

/* ------------------------------------------------------------ tokens */

typedef struct tok {
    uint32_t off, len;   /* the word in the text */
    uint8_t shape;       /* S_* */
    uint8_t cyr;         /* has Cyrillic letters */
    uint8_t sep;         /* what stands between the previous word and this one: P_* */
    uint8_t qopen;       /* an opening quote right before it */
    uint8_t qclose;      /* a closing quote right after it */
} tok;

enum { S_OTHER = 0, S_TITLE, S_ACRONYM, S_LOWER, S_DIGIT, S_MIXED };
enum { P_SPACE = 0, P_COMMA, P_STOP, P_COLON, P_OPEN, P_CLOSE, P_DASH, P_OTHER };

static int lcase(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? 1 : (c >= 'a' && c <= 'z') ? 2 : 0;
    if (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7)
        return c <= 0xDE ? 1 : 2;
    if (c >= 0x100 && c <= 0x17F)
        return (c & 1) ? 2 : 1;
    if (c >= 0x400 && c <= 0x42F)
        return 1;
    if (c >= 0x430 && c <= 0x45F)
        return 2;
    if (c >= 0x460 && c <= 0x52F)
        return (c & 1) ? 2 : 1;
    if (c >= 0x370 && c <= 0x3FF)
        return c <= 0x3AB ? 1 : 2;
    return 0;
}

/* utf8_decode with the ASCII byte inline: most of a text is ASCII */
static inline uint32_t dec(const unsigned char *u, size_t n, size_t *adv)
{
    if (u[0] < 0x80) {
        *adv = 1;
        return u[0];
    }
    return utf8_decode(u, n, adv);
}

static int is_open_quote(uint32_t c) { return c == '"' || c == 0xAB || c == 0x201E || c == 0x201C || c == 0x2018 || c == 0x201A; }
static int is_close_quote(uint32_t c) { return c == '"' || c == 0xBB || c == 0x201C || c == 0x201D || c == 0x2019; }

/* Split text into words (letters and digits, with inner - & ' ’) and note
 * the punctuation between them. */
static size_t tokenize(const char *s, size_t n, buf *out)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, count = 0;
    uint8_t sep = P_STOP, qopen = 0;
    while (i < n) {
        size_t adv;
        uint32_t c = dec(u + i, n - i, &adv);
        int lc = lcase(c);
        if (!lc && !(c >= '0' && c <= '9')) {
            /* between words */
            if (c == ',' || c == ';')
                sep = sep < P_COMMA ? P_COMMA : sep;
            else if (c == '.' || c == '!' || c == '?' || c == 0x2026)
                sep = P_STOP;
            else if (c == ':')
                sep = sep == P_STOP ? P_STOP : P_COLON;
            else if (c == '(')
                sep = P_OPEN;
            else if (c == ')')
                sep = sep == P_SPACE ? P_CLOSE : sep;
            else if (c == '-' || c == 0x2013 || c == 0x2014)
                sep = sep == P_SPACE ? P_DASH : sep;
            else if (is_open_quote(c) || is_close_quote(c)) {
                if (count && sep == P_SPACE && i > 0 && u[i - 1] != ' ')
                    ((tok *)out->data)[count - 1].qclose = 1;
                else
                    qopen = 1;
            } else if (c != ' ' && c != 0xA0 && c != '\t' && c != '\n')
                sep = sep == P_SPACE ? P_OTHER : sep;
            i += adv;
            continue;
        }
        /* a word */
        tok t;
        memset(&t, 0, sizeof t);
        t.off = (uint32_t)i;
        t.sep = sep;
        t.qopen = qopen;
        unsigned up = 0, low = 0, dig = 0, first = lc ? (unsigned)lc : 3, camel = 0;
        int prev_lc = 0;
        while (i < n) {
            c = dec(u + i, n - i, &adv);
            lc = lcase(c);
            if (lc || (c >= '0' && c <= '9')) {
                up += lc == 1;
                low += lc == 2;
                dig += !lc;
                camel += prev_lc == 2 && lc == 1; /* YouTube, McClatchy (not Tierschutz-Hundeverordnung) */
                prev_lc = lc;
                t.cyr |= c >= 0x400 && c <= 0x52F;
                i += adv;
                continue;
            }
            /* inner connectors: Інтерфакс-Україна, AT&T, O'Neill */
            if ((c == '-' || c == '&' || c == '\'' || c == 0x2019) && i + adv < n) {
                size_t a2;
                uint32_t d = dec(u + i + adv, n - i - adv, &a2);
                if (lcase(d) || (d >= '0' && d <= '9')) {
                    i += adv;
                    prev_lc = 0;
                    continue;
                }
            }
            break;
        }
        t.len = (uint32_t)(i - t.off);
        if (first == 3)
            t.shape = S_DIGIT;
        else if (up >= 2 && !low)
            t.shape = S_ACRONYM;
        else if (first == 1 && (camel || dig))
            t.shape = S_MIXED; /* YouTube, McClatchy, VH1 */
        else if (first == 1)
            t.shape = S_TITLE; /* Reuters, Інтерфакс-Україна, CNN-Reporter */
        else if (!up)
            t.shape = S_LOWER;
        else
            t.shape = S_MIXED; /* iPhone, dpa-AFX */
        buf_put(out, (const char *)&t, sizeof t);
        count++;
        sep = P_SPACE;
        qopen = 0;
    }
    return out->failed ? 0 : count;
}

/* Folded copy of a token for comparisons. */
static size_t fold_tok(const char *s, const tok *t, char *out, size_t cap)
{
    size_t k = utf8_fold(s + t->off, t->len < 60 ? t->len : 60, out, cap - 1);
    out[k] = '\0';
    return k;
}

static int tok_is(const char *s, const tok *t, const char *word)
{
    char f[128];
    fold_tok(s, t, f, sizeof f);
    return strcmp(f, word) == 0;
}

static int tok_in(const char *s, const tok *t, const char *const *list, size_t k)
{
    char f[128];
    fold_tok(s, t, f, sizeof f);
    for (size_t i = 0; i < k; i++)
        if (!strcmp(f, list[i]))
            return 1;
    return 0;
}

static int tok_ends(const char *s, const tok *t, const char *const *list, size_t k)
{
    char f[128];
    size_t l = fold_tok(s, t, f, sizeof f);
    for (size_t i = 0; i < k; i++) {
        size_t e = strlen(list[i]);
        if (l > e + 2 && !memcmp(f + l - e, list[i], e))
            return 1;
    }
    return 0;
}

/* ------------------------------------------------------------ cues */

/* How a cue relates to its name. */
enum {
    K_AFTER = 1,   /* the name follows: 'передає X' */
    K_COLON,       /* the name follows a colon: 'Джерело: X' */
    K_BEFORE,      /* the name precedes: 'X reported' */
    K_WIE          /* German 'wie X berichtet' (cue is the verb) */
};

/* Strength: strong cues take any capitalised name; weak ones refuse single
 * common-noun-shaped words (German 'laut Polizei') and people. */
enum { W_STRONG = 0, W_WEAK, W_GERMAN, W_LAUT, W_TOLD };

typedef struct cue {
    const char *w[4]; /* folded words */
    uint8_t kind, strength;
} cue;

static const cue CUES[] = {
    /* Ukrainian */
    {{"як", "повідомляє"}, K_AFTER, W_STRONG},
    {{"повідомляє"}, K_AFTER, W_STRONG},
    {{"як", "повідомило"}, K_AFTER, W_STRONG},
    {{"як", "пише"}, K_AFTER, W_WEAK},
    {{"пише"}, K_AFTER, W_WEAK},
    {{"як", "передає"}, K_AFTER, W_STRONG},
    {{"передає"}, K_AFTER, W_STRONG},
    {{"за", "даними"}, K_AFTER, W_STRONG},
    {{"за", "інформацією"}, K_AFTER, W_STRONG},
    {{"з", "посиланням", "на"}, K_AFTER, W_WEAK},
    {{"інформує"}, K_AFTER, W_STRONG},
    {{"джерело"}, K_COLON, W_STRONG},
    /* Russian */
    {{"как", "сообщает"}, K_AFTER, W_STRONG},
    {{"сообщает"}, K_AFTER, W_STRONG},
    {{"как", "передает"}, K_AFTER, W_STRONG},
    {{"как", "передаёт"}, K_AFTER, W_STRONG},
    {{"передает"}, K_AFTER, W_STRONG},
    {{"передаёт"}, K_AFTER, W_STRONG},
    {{"как", "пишет"}, K_AFTER, W_WEAK},
    {{"пишет"}, K_AFTER, W_WEAK},
    {{"по", "данным"}, K_AFTER, W_STRONG},
    {{"по", "информации"}, K_AFTER, W_STRONG},
    {{"со", "ссылкой", "на"}, K_AFTER, W_WEAK},
    {{"источник"}, K_COLON, W_STRONG},
    /* English */
    {{"according", "to"}, K_AFTER, W_WEAK},
    {{"told"}, K_AFTER, W_TOLD},
    {{"reported"}, K_BEFORE, W_WEAK},
    /* German: 'wie X berichtet' is tried before 'berichtet X' */
    {{"berichtet"}, K_WIE, W_GERMAN},
    {{"berichtete"}, K_WIE, W_GERMAN},
    {{"meldet"}, K_WIE, W_GERMAN},
    {{"meldete"}, K_WIE, W_GERMAN},
    {{"schreibt"}, K_WIE, W_GERMAN},
    {{"berichtet"}, K_AFTER, W_GERMAN},
    {{"berichtete"}, K_AFTER, W_GERMAN},
    {{"meldet"}, K_AFTER, W_GERMAN},
    {{"meldete"}, K_AFTER, W_GERMAN},
    {{"laut"}, K_AFTER, W_LAUT},
};

/* Words between a cue and the name that say what kind of source follows
 * ('повідомляє агентство Yonhap', 'the news agency', 'die Nachrichtenagentur'). */
static const char *const DESCRIPTORS[] = {
    "агентство", "агенція", "агенції", "агентства", "інформагентство", "інформагенція", "видання", "газета",
    "газети", "телеканал", "телеканалу", "портал", "порталу", "сайт", "сайту", "радіо", "журнал", "новин",
    "издание", "издания", "информагентство", "новостное", "газеты", "телеканала", "портала", "сайта",
    "журнала", "news", "agency", "newspaper", "broadcaster", "outlet", "network", "wire", "service",
    "nachrichtenagentur", "agentur", "zeitung", "magazin", "sender", "nachrichtenmagazin", "fernsehsender",
    "onlineportal", "portal", "wochenzeitung", "tageszeitung", "rundfunksender"};
static const char *const ARTICLES[] = {"the", "der", "die", "das", "den", "dem", "des"};
/* Words that keep a name going ('Voice of America', 'Radio Free Europe/Radio Liberty'). */
static const char *const CONNECTORS[] = {"of", "for", "and", "&", "de", "und", "für"};
/* Words naming an organisation: a capitalised run with one is no person. */
static const char *const ORG_WORDS[] = {
    "news", "press", "times", "post", "journal", "agency", "telegraph", "guardian", "herald", "tribune", "daily",
    "wire", "media", "radio", "tv", "television", "network", "broadcasting", "gazette", "observer", "independent",
    "economist", "magazine", "service", "group", "review", "reporter", "chronicle", "star", "mail", "express",
    "insider", "online", "today", "weekly", "zeitung", "presse", "rundschau", "nachrichten", "allgemeine",
    "правда", "новини", "новости", "інформ", "информ", "радіо", "радио", "тв", "телебачення", "известия",
    "ведомости", "газета", "канал", "associated", "international", "agence", "agencia", "world"};
/* Endings that make a word an outlet's name ('Укрінформ', 'Интерфакс-медиа'). */
static const char *const ORG_ENDS[] = {"інформ", "информ", "медіа", "медиа"};
/* What may follow the outlet in 'told X ...'. */
static const char *const TOLD_NEXT[] = {"on", "in", "last", "this", "earlier", "late", "during", "after", "when",
                                        "via", "by", "at", "ahead", "before"};
/* Honorifics and roles: a person follows. */
static const char *const TITLES[] = {"mr", "mrs", "ms", "dr", "prof", "sir", "herr", "frau", "пан", "пані",
                                     "господин", "госпожа", "president", "minister", "senator", "governor"};
/* Endings of East Slavic surnames (nominative and the case 'на ...' takes). */
static const char *const SURNAME_ENDS[] = {"ський", "цький", "ська", "цька", "ського", "цького", "ській", "енко",
                                           "енка", "чук", "юк", "ук", "вич", "ович", "евич", "ов", "ова", "ев",
                                           "ева", "єв", "єва", "ін", "іна", "ина", "ин", "ський", "ский", "цкий",
                                           "ская", "цкая", "ского", "цкого", "ову", "еву", "іну", "ину", "ченко"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------ names */

typedef struct scan {
    const char *s;
    size_t n;
    const tok *t;
    size_t nt;
    void (*add)(void *ctx, const char *name, size_t len);
    void *ctx;
    size_t found;
    const pith_doc *doc; /* the whole body, to look for a name's other mentions (NULL: s alone) */
} scan;

/* ------------------------------------------------------------ people */

/* The capitalised word that ends right before s[p] (one space between), or
 * starts right after s[q]; its span in *a, *b. */
static int cap_word_before(const char *s, size_t p, size_t *a, size_t *b)
{
    if (p < 2 || s[p - 1] != ' ')
        return 0;
    size_t e = p - 1, k = e;
    while (k > 0) {
        size_t j = k - 1;
        while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80)
            j--;
        size_t adv;
        uint32_t c = utf8_decode((const unsigned char *)s + j, e - j, &adv);
        if (!lcase(c) && c != '-')
            break;
        k = j;
    }
    if (k == e)
        return 0;
    size_t adv;
    if (lcase(utf8_decode((const unsigned char *)s + k, e - k, &adv)) != 1)
        return 0;
    *a = k;
    *b = e;
    return 1;
}

static int cap_word_after(const char *s, size_t n, size_t q, size_t *a, size_t *b)
{
    if (q + 1 >= n || s[q] != ' ')
        return 0;
    size_t k = q + 1, e = k;
    while (e < n) {
        size_t adv;
        uint32_t c = utf8_decode((const unsigned char *)s + e, n - e, &adv);
        if (!lcase(c) && c != '-')
            break;
        e += adv;
    }
    if (e == k)
        return 0;
    size_t adv;
    if (lcase(utf8_decode((const unsigned char *)s + k, e - k, &adv)) != 1)
        return 0;
    *a = k;
    *b = e;
    return 1;
}

/* Verbs of speaking: a name next to one is a person's. */
static const char *const SPEECH[] = {"said", "says", "added", "explained", "noted", "asked", "stressed", "sagte",
                                     "sagt", "erklärte", "betonte", "fügte", "заявив", "заявила", "сказав",
                                     "сказала", "зазначив", "зазначила", "наголосив", "наголосила", "заявил",
                                     "заявила", "сказал", "отметил", "отметила", "подчеркнул"};

static int speech_word(const char *s, size_t a, size_t b)
{
    char f[64];
    if (b <= a || b - a > 30)
        return 0;
    size_t k = utf8_fold(s + a, b - a, f, sizeof f - 1);
    f[k] = '\0';
    for (size_t i = 0; i < sizeof SPEECH / sizeof SPEECH[0]; i++)
        if (!strcmp(f, SPEECH[i]))
            return 1;
    return 0;
}

/* Is the word at s[p..q) next to a verb of speaking (one space apart)? */
static int speech_next_to(const char *s, size_t n, size_t p, size_t q)
{
    if (q + 1 < n && s[q] == ' ') {
        size_t e = q + 1;
        while (e < n && s[e] != ' ' && s[e] != ',' && s[e] != '.' && s[e] != ';')
            e++;
        if (speech_word(s, q + 1, e))
            return 1;
    }
    if (p >= 2 && s[p - 1] == ' ') {
        size_t e = p - 1, a = e;
        while (a > 0 && s[a - 1] != ' ' && s[a - 1] != ',' && s[a - 1] != '"')
            a--;
        if (speech_word(s, a, e))
            return 1;
    }
    return 0;
}

/* A name word that is not a function word or an organisation word. */
static int name_part(const char *s, size_t a, size_t b)
{
    tok t = {(uint32_t)a, (uint32_t)(b - a), 0, 0, 0, 0, 0};
    unsigned w = 0;
    if (b - a < 2 || lang_stopwords(s + a, b - a, &w))
        return 0;
    char f[128];
    fold_tok(s, &t, f, sizeof f);
    for (size_t i = 0; i < sizeof ORG_WORDS / sizeof ORG_WORDS[0]; i++)
        if (!strcmp(f, ORG_WORDS[i]))
            return 0;
    return 1;
}

/* Is the single word w a person's surname (or first name) elsewhere in the
 * text: 'Oprah Winfrey ... Winfrey told', 'Володимир Зеленський ... пише
 * Зеленський'? Outlets are not written next to another name. */
static int person_in(const char *s, size_t n, const char *w, size_t wl)
{
    for (size_t p = 0; p + wl <= n; p++) {
        if (memcmp(s + p, w, wl) != 0)
            continue;
        size_t adv;
        if (p + wl < n && (lcase(utf8_decode((const unsigned char *)s + p + wl, n - p - wl, &adv)) ||
                           s[p + wl] == '-'))
            continue; /* part of a longer word */
        size_t a, b;
        if (cap_word_before(s, p, &a, &b) && name_part(s, a, b))
            return 1;
        if (cap_word_after(s, n, p + wl, &a, &b) && name_part(s, a, b))
            return 1;
        /* people speak: 'Hasib said', 'said Hasib', 'Зеленський заявив' */
        if (speech_next_to(s, n, p, p + wl))
            return 1;
    }
    return 0;
}

static int person_elsewhere(const scan *sc, const char *w, size_t wl)
{
    if (!sc->doc)
        return person_in(sc->s, sc->n, w, wl);
    for (size_t i = 0; i < sc->doc->n_blocks; i++) {
        const out_block *b = &sc->doc->blocks[i];
        if (b->part == PITH_PART_BODY && person_in(b->text, b->len, w, wl))
            return 1;
    }
    return 0;
}

static int is_stopword(const char *s, const tok *t)
{
    unsigned w = 0;
    return lang_stopwords(s + t->off, t->len, &w) > 0;
}

/* A lower-case agency abbreviation: 'dpa', 'afp', 'epd' (two to four Latin
 * letters, at most one vowel, not a function word). */
static int agency_token(const char *s, const tok *t)
{
    if (t->len < 2 || t->len > 4 || t->cyr)
        return 0;
    unsigned vowels = 0;
    for (uint32_t i = 0; i < t->len; i++) {
        char c = s[t->off + i];
        if (c < 'a' || c > 'z')
            return 0;
        vowels += c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }
    return vowels <= 1 && !is_stopword(s, t);
}

/* Does the run t[a..b) name an outlet (rather than a person or a common noun)? */
static int name_ok(const scan *sc, size_t a, size_t b, int strength, int quoted, int described, int had_article)
{
    const char *s = sc->s;
    const tok *t = sc->t;
    size_t words = 0, title = 0, acr = 0, lower = 0, other = 0, org = 0;
    int stop_first = 0;
    if (b <= a || sc->t[b - 1].off + sc->t[b - 1].len - t[a].off > 80)
        return 0;
    if (tok_in(s, &t[a], TITLES, COUNT(TITLES)))
        return 0;
    for (size_t i = a; i < b; i++) {
        if (tok_in(s, &t[i], CONNECTORS, COUNT(CONNECTORS)))
            continue;
        words++;
        org += tok_in(s, &t[i], ORG_WORDS, COUNT(ORG_WORDS)) || tok_ends(s, &t[i], ORG_ENDS, COUNT(ORG_ENDS));
        switch (t[i].shape) {
        case S_TITLE:
            title++;
            break;
        case S_ACRONYM:
            acr++;
            break;
        case S_LOWER:
            lower++;
            break;
        case S_DIGIT:
            break;
        default:
            other++;
        }
        if (i == a && t[i].shape != S_ACRONYM && is_stopword(s, &t[i]))
            stop_first = 1;
    }
    if (!words || (words == 1 && t[a].len < 2))
        return 0;
    if (text_is_furniture_phrase(s + t[a].off, t[b - 1].off + t[b - 1].len - t[a].off))
        return 0; /* 'berichtet Weiterlesen →' */
    /* pronouns and function words ('It reported', 'Він пише', 'Die Welt' needs quotes) */
    if (stop_first && !quoted && !(words > 1 && (org || acr)))
        return 0;
    if (quoted || described)
        return 1;
    if (lower) {
        /* only a short lower-case agency token like 'dpa' */
        return words == 1 && (strength == W_GERMAN || strength == W_LAUT) && agency_token(s, &t[a]);
    }
    if (acr || org || other)
        return 1;
    /* all words plain capitalised (or numbers) from here */
    if (words >= 2)
        return 0; /* 'John Smith', 'Єнс Столтенберг', 'Bericht 523' */
    if (t[a].cyr && tok_ends(s, &t[a], SURNAME_ENDS, COUNT(SURNAME_ENDS)))
        return 0; /* 'пише Зеленський' */
    if (!title || person_elsewhere(sc, s + t[a].off, t[a].len))
        return 0; /* 'Winfrey told', with 'Oprah Winfrey' further up */
    if (strength == W_GERMAN && had_article)
        return 0; /* 'berichtet die Polizei': German nouns are capitalised */
    if (strength == W_LAUT)
        return 0; /* 'laut Polizei', 'laut Angaben' */
    return 1;
}

static void emit(scan *sc, size_t a, size_t b)
{
    size_t from = sc->t[a].off, to = sc->t[b - 1].off + sc->t[b - 1].len;
    sc->add(sc->ctx, sc->s + from, to - from);
    sc->found++;
}

/* Read the name that starts at token j (after a cue); returns the end token or 0. */
static size_t name_after(scan *sc, size_t j, int strength, int colon)
{
    const char *s = sc->s;
    const tok *t = sc->t;
    if (j >= sc->nt)
        return 0;
    if (colon ? t[j].sep != P_COLON : (t[j].sep != P_SPACE))
        return 0;
    int described = 0, had_article = 0;
    /* 'агентство', 'the news agency', 'die Nachrichtenagentur' */
    for (int k = 0; k < 3 && j < sc->nt && t[j].sep == (k == 0 && colon ? P_COLON : P_SPACE) && !t[j].qopen; k++) {
        if (tok_in(s, &t[j], ARTICLES, COUNT(ARTICLES))) {
            had_article = 1;
            j++;
        } else if (tok_in(s, &t[j], DESCRIPTORS, COUNT(DESCRIPTORS))) {
            described = 1;
            j++;
        } else
            break;
    }
    if (j >= sc->nt || (t[j].sep != P_SPACE && !(colon && t[j].sep == P_COLON)))
        return 0;
    size_t a = j;
    if (t[j].qopen) {
        /* «Українська правда», „Bild“ */
        size_t b = j;
        while (b < sc->nt && b < j + 6 && !t[b].qclose && (b == j || t[b].sep == P_SPACE))
            b++;
        if (b < sc->nt && t[b].qclose && (b == j || t[b].sep == P_SPACE)) {
            if (name_ok(sc, a, b + 1, strength, 1, described, had_article))
                emit(sc, a, b + 1);
            return b + 1;
        }
        return 0;
    }
    size_t b = j;
    while (b < sc->nt && b < j + 5) {
        const tok *x = &t[b];
        if (b > j && (x->sep != P_SPACE || x->qopen))
            break;
        if (x->shape == S_LOWER) {
            /* a connector inside a name, or a lone agency token right after the cue */
            if (b > j && b + 1 < sc->nt && tok_in(s, x, CONNECTORS, COUNT(CONNECTORS)) && t[b + 1].sep == P_SPACE &&
                t[b + 1].shape != S_LOWER && t[b + 1].shape != S_DIGIT) {
                b++;
                continue;
            }
            if (b == j && (strength == W_GERMAN || strength == W_LAUT) && !had_article && agency_token(s, x))
                b++; /* 'laut dpa', but not 'laut dem gut informierten ...' */
            break;
        }
        if (x->shape == S_DIGIT && b == j)
            break;
        b++;
        if (x->qclose)
            break;
    }
    if (b == j)
        return 0;
    if (b - j > 4)
        return 0; /* a run this long is a sentence of capitalised words, not a name */
    /* Cyrillic names cut short by a lower-case noun ('Міністерство оборони') */
    if (t[a].cyr && b < sc->nt && t[b].sep == P_SPACE && t[b].shape == S_LOWER && !is_stopword(s, &t[b]))
        return 0;
    /* 'told Reuters.', 'told CNN on Sunday', but not 'told Lute between bites' */
    if (strength == W_TOLD && b - a == 1 && t[a].shape == S_TITLE && !described && b < sc->nt &&
        t[b].sep == P_SPACE && !t[b].qopen && !tok_in(s, &t[b], TOLD_NEXT, COUNT(TOLD_NEXT)))
        return b;
    if (name_ok(sc, a, b, strength, 0, described, had_article))
        emit(sc, a, b);
    return b;
}

/* 'Reuters reported', 'the Associated Press reported' */
static void name_before(scan *sc, size_t cue_at, int strength)
{
    const tok *t = sc->t;
    if (cue_at == 0 || t[cue_at].sep != P_SPACE)
        return;
    size_t b = cue_at, a = cue_at;
    while (a > 0 && cue_at - a < 4) {
        const tok *x = &t[a - 1];
        if (x->shape == S_LOWER) {
            if (a < cue_at && tok_in(sc->s, x, CONNECTORS, COUNT(CONNECTORS)) && x->sep == P_SPACE) {
                a--;
                continue;
            }
            break;
        }
        if (x->shape == S_DIGIT)
            break;
        a--;
        if (x->sep != P_SPACE)
            break;
    }
    while (a < b && (t[a].shape == S_LOWER || tok_in(sc->s, &t[a], ARTICLES, COUNT(ARTICLES))))
        a++;
    if (a < b && name_ok(sc, a, b, strength, 0, 0, 0))
        emit(sc, a, b);
}

/* German 'wie [der] X berichtet': the name between 'wie' and the verb.
 * Returns 0 when there is no 'wie' before the verb. */
static int name_wie(scan *sc, size_t cue_at)
{
    const char *s = sc->s;
    const tok *t = sc->t;
    size_t w = cue_at;
    while (w > 0 && cue_at - w < 7) {
        w--;
        if (t[w + 1].sep != P_SPACE)
            return 0;
        if (tok_is(s, &t[w], "wie"))
            break;
    }
    if (!tok_is(s, &t[w], "wie") || w + 1 >= cue_at)
        return 0;
    size_t a = w + 1;
    int described = 0, had_article = 0;
    while (a < cue_at && (tok_in(s, &t[a], ARTICLES, COUNT(ARTICLES)) || tok_in(s, &t[a], DESCRIPTORS, COUNT(DESCRIPTORS)))) {
        if (tok_in(s, &t[a], DESCRIPTORS, COUNT(DESCRIPTORS)))
            described = 1;
        else
            had_article = 1;
        a++;
    }
    /* the name ends at the first lower-case word ('wie Reuters diesen Montag berichtete') */
    size_t e = a;
    if (t[a].shape == S_LOWER && agency_token(s, &t[a]))
        e = a + 1; /* 'wie die Nachrichtenagentur dpa berichtet' */
    else
        while (e < cue_at && (t[e].shape != S_LOWER || (e > a && tok_in(s, &t[e], CONNECTORS, COUNT(CONNECTORS)))))
            e++;
    if (e == a || e - a > 4)
        return 1;
    int quoted = t[a].qopen && t[e - 1].qclose;
    if (name_ok(sc, a, e, W_GERMAN, quoted, described, had_article))
        emit(sc, a, e);
    return 1;
}

/* '(Reuters) -', 'WASHINGTON (AP) —', '(dpa/AFP)' at the end of a paragraph. */
static void parenthesised(scan *sc)
{
    const char *s = sc->s;
    size_t n = sc->n;
    for (size_t i = 0; i < n; i++) {
        const char *open = memchr(s + i, '(', n - i);
        if (!open)
            break;
        i = (size_t)(open - s);
        size_t k = i + 1;
        while (k < n && k < i + 48 && s[k] != ')' && s[k] != '(')
            k++;
        if (k >= n || s[k] != ')' || k == i + 1)
            continue;
        /* what follows: a dash, or the end of the text */
        size_t m = k + 1;
        while (m < n && (s[m] == ' ' || s[m] == '\t'))
            m++;
        int dash = m < n && (s[m] == '-' || (m + 2 < n && (unsigned char)s[m] == 0xE2 && (unsigned char)s[m + 1] == 0x80 &&
                                              ((unsigned char)s[m + 2] == 0x93 || (unsigned char)s[m + 2] == 0x94)));
        int end = m >= n || (s[m] == '.' && m + 1 >= n);
        /* a dateline opens the paragraph: 'KYIV (AP) —', 'Berlin (dpa) -' (capitalised words only before it) */
        if (dash) {
            int dateline = i <= 40 && !memchr(s + i, ',', k - i);
            for (size_t q = 0; q < i && dateline; q++) {
                if ((q == 0 || s[q - 1] == ' ') && s[q] != ' ') {
                    size_t adv;
                    uint32_t c = utf8_decode((const unsigned char *)s + q, n - q, &adv);
                    dateline = lcase(c) == 1 || (c >= '0' && c <= '9');
                }
                if (s[q] == '!' || s[q] == '?' || s[q] == ':' || s[q] == ';')
                    dateline = 0;
            }
            dash = dateline;
        }
        /* at the end only agencies paired by a slash, '(dpa/AFP)': a lone
         * '(AFP)' could as well be '(PDF)', and '(dpa)' '(gut)' */
        if (end)
            end = memchr(s + i, '/', k - i) != NULL;
        if (!dash && !end)
            continue;
        /* each '/'-separated part is one name of one to three words, and all must be */
        size_t spans[8][2], nspans = 0;
        int all_ok = 1;
        for (size_t a = i + 1; a < k && all_ok; ) {
            size_t b = a;
            while (b < k && s[b] != '/' && s[b] != ',')
                b++;
            buf tb = BUF_INIT;
            size_t nt = tokenize(s + a, b - a, &tb);
            int ok = nt >= 1 && nt <= 3 && !tb.failed && nspans < 8;
            const tok *t = (const tok *)tb.data;
            for (size_t x = 0; x < nt && ok; x++) {
                ok = t[x].shape == S_ACRONYM || t[x].shape == S_MIXED || (t[x].shape == S_TITLE && dash) ||
                     (t[x].shape == S_LOWER && nt == 1 && agency_token(s + a, &t[x]));
                if (x > 0 && t[x].sep != P_SPACE)
                    ok = 0;
                /* photo credits: '(AP Photo/Evan Vucci)' */
                char f[64];
                fold_tok(s + a, &t[x], f, sizeof f);
                if (!strcmp(f, "photo") || !strcmp(f, "foto") || !strcmp(f, "фото") || !strcmp(f, "video"))
                    ok = 0;
            }
            unsigned w = 0;
            if (ok && nt == 1 && t[0].shape != S_ACRONYM && lang_stopwords(s + a + t[0].off, t[0].len, &w))
                ok = 0;
            if (ok) {
                spans[nspans][0] = a + t[0].off;
                spans[nspans][1] = a + t[nt - 1].off + t[nt - 1].len;
                nspans++;
            }
            all_ok = ok;
            buf_free(&tb);
            a = b + 1;
        }
        for (size_t q = 0; all_ok && q < nspans; q++) {
            sc->add(sc->ctx, s + spans[q][0], spans[q][1] - spans[q][0]);
            sc->found++;
        }
        i = k;
    }
}

/* The cues' distinct first words and their byte lengths (prepared once per
 * document), also grouped by length: by_len[at[l] .. at[l + 1]) are the
 * indices of the words of l bytes. */
typedef struct cue_words {
    const char *w[COUNT(CUES)];
    uint8_t wl[COUNT(CUES)];
    size_t n;
    uint16_t by_len[COUNT(CUES)];
    uint16_t at[33];
    uint64_t lens;        /* byte lengths of all the words, bit per length */
    uint64_t ascii_lens;  /* byte lengths of the all-ASCII words */
    uint32_t ascii_first; /* their first letters, bit c - 'a' */
} cue_words;

static void prep_cues(cue_words *cw)
{
    cw->n = 0;
    for (size_t c = 0; c < COUNT(CUES); c++) {
        const char *w = CUES[c].w[0];
        size_t wl = strlen(w);
        if ((c && !strcmp(w, CUES[c - 1].w[0])) || wl >= 32)
            continue;
        cw->w[cw->n] = w;
        cw->wl[cw->n++] = (uint8_t)wl;
    }
    cw->lens = 0;
    cw->ascii_lens = 0;
    cw->ascii_first = 0;
    for (size_t k = 0; k < cw->n; k++) {
        cw->lens |= 1ull << cw->wl[k];
        const unsigned char *w = (const unsigned char *)cw->w[k];
        size_t j = 0;
        while (j < cw->wl[k] && w[j] < 0x80)
            j++;
        if (j == cw->wl[k] && w[0] >= 'a' && w[0] <= 'z') {
            cw->ascii_lens |= 1ull << cw->wl[k];
            cw->ascii_first |= 1u << (w[0] - 'a');
        }
    }
    uint16_t fill[33] = {0};
    for (size_t k = 0; k < cw->n; k++)
        fill[cw->wl[k] + 1]++;
    for (size_t l = 1; l < 33; l++)
        fill[l] = (uint16_t)(fill[l] + fill[l - 1]);
    memcpy(cw->at, fill, sizeof cw->at);
    for (size_t k = 0; k < cw->n; k++)
        cw->by_len[fill[cw->wl[k]]++] = (uint16_t)k;
}

#define R16(v) v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v
static const unsigned char WORD_BYTE[256] = {
    R16(0), R16(0), R16(0),
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,   /* 0-9 */
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* A-O */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,   /* P-Z */
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* a-o */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,   /* p-z */
    R16(1), R16(1), R16(1), R16(1),                    /* 80-BF continuations */
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* C2: Latin-1 punctuation */
    R16(1),
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* E2: general punctuation */
    R16(1),
};
#undef R16

/* Could a cue occur in s at all: is any word of s, case-folded, a cue's
 * first word? One pass over the bytes; only words of a cue word's byte length
 * are folded. Most blocks hold none, and the token scan is skipped for them. */
static int has_cue(const cue_words *cw, const char *s, size_t n)
{
    const uint64_t lens = cw->lens;
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        /* separators: ASCII non-alphanumerics, Latin-1 punctuation (C2 xx),
         * general punctuation such as quotes and dashes (E2 xx xx) */
        unsigned char c = u[i];
        if (c < 0x80 ? !((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && !(c >= '0' && c <= '9') : c == 0xC2 || c == 0xE2 || c < 0xC0) {
            i += c == 0xC2 ? 2 : c == 0xE2 ? 3 : 1;
            continue;
        }
        /* the word: ASCII letters and digits, and every byte of other
         * characters but those led by C2 and E2 (a table, not branches) */
        size_t st = i;
        unsigned seen = 0;
        while (i < n && WORD_BYTE[u[i]])
            seen |= u[i++];
        int ascii = seen < 0x80;
        size_t wl = i - st;
        if (wl >= 32 || !((lens >> wl) & 1))
            continue;
        char f[80];
        size_t fl = wl;
        if (ascii) { /* folds to ASCII: only the ASCII cue words can match */
            unsigned first = u[st] | 0x20u;
            if (!((cw->ascii_lens >> wl) & 1) || first < 'a' || first > 'z' || !((cw->ascii_first >> (first - 'a')) & 1))
                continue;
            for (size_t k = 0; k < wl; k++) /* what utf8_fold() does to ASCII */
                f[k] = (char)(u[st + k] >= 'A' && u[st + k] <= 'Z' ? u[st + k] + 32 : u[st + k]);
        } else if ((fl = utf8_fold(s + st, wl, f, sizeof f - 1)) >= 32)
            continue;
        for (size_t k = cw->at[fl]; k < cw->at[fl + 1]; k++) {
            const char *cand = cw->w[cw->by_len[k]];
            if (cand[0] == f[0] && !memcmp(cand, f, fl))
                return 1;
        }
    }
    return 0;
}

static size_t scan_text(const char *text, size_t n, void (*add)(void *ctx, const char *name, size_t len), void *ctx,
                        const pith_doc *doc, const cue_words *cw)
{
    buf tb = BUF_INIT;
    size_t nt = has_cue(cw, text, n) ? tokenize(text, n, &tb) : 0;
    scan sc = {text, n, (const tok *)tb.data, nt, add, ctx, 0, doc};
    /* the cues' first words' byte lengths (folding keeps the length of the
     * Latin and Cyrillic letters they use): most words are never folded */
    const uint64_t lens = cw->lens;
    for (size_t i = 0; i < nt; i++) {
        if (sc.t[i].len >= 64 || !((lens >> sc.t[i].len) & 1))
            continue;
        char f0[128];
        fold_tok(text, &sc.t[i], f0, sizeof f0);
        for (size_t c = 0; c < COUNT(CUES); c++) {
            const cue *q = &CUES[c];
            if (f0[0] != q->w[0][0] || strcmp(f0, q->w[0]) != 0)
                continue;
            size_t k = 1;
            while (k < 4 && q->w[k] && i + k < nt && sc.t[i + k].sep == P_SPACE && tok_is(text, &sc.t[i + k], q->w[k]))
                k++;
            if (k < 4 && q->w[k])
                continue;
            if (q->kind == K_COLON && (i != 0 || nt > 10))
                continue; /* 'Джерело: Укрінформ' is a line of its own */
            if (q->kind == K_WIE) {
                if (!name_wie(&sc, i))
                    continue; /* no 'wie': try 'berichtet X' */
            } else if (q->kind == K_BEFORE)
                name_before(&sc, i, q->strength);
            else
                name_after(&sc, i + k, q->strength, q->kind == K_COLON);
            i += k - 1; /* 'як повідомляє' is not read again as 'повідомляє' */
            break;
        }
    }
    parenthesised(&sc);
    buf_free(&tb);
    return sc.found;
}

size_t sources_scan(const char *text, size_t n, void (*add)(void *ctx, const char *name, size_t len), void *ctx)
{
    cue_words cw;
    prep_cues(&cw);
    return scan_text(text, n, add, ctx, NULL, &cw);
}

static void add_to_doc(void *ctx, const char *name, size_t len)
{
    doc_list_add((pith_doc *)ctx, PITH_LIST_SOURCES, name, len, "text");
}

void sources_extract(pith_doc *doc)
{
    cue_words cw;
    prep_cues(&cw);
    for (size_t i = 0; i < doc->n_blocks; i++) {
        const out_block *b = &doc->blocks[i];
        if (b->part != PITH_PART_BODY || b->kind == PITH_BLOCK_CODE || b->kind == PITH_BLOCK_TABLE_ROW)
            continue;
        scan_text(b->text, b->len, add_to_doc, doc, doc, &cw);
    }
}
