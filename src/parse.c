/* parse.c — UTF-8 HTML to pith's node tree, in one pass over MyHTML's DOM.
 *
 * Takes pg->html (valid UTF-8) and fills pg->nodes, pg->text, pg->attrs and
 * pg->meta. This is the only file that walks MyHTML's tree: the stages after
 * it see pith's compact node array only. The walk is iterative (no recursion
 * over page nesting). Limits applied here: elements deeper than max_depth
 * are flattened into their ancestor at that depth, the node count stops at
 * max_nodes, at most max_attrs attributes are read per element.
 * Per element it records the tag, hint bits from class/id/role/itemprop, a
 * few attributes; per text node the whitespace-collapsed text and its
 * character and punctuation counts. Head metadata (<meta>, <link>, <title>,
 * JSON-LD scripts, itemprop and <time datetime>) is collected on the way.
 */
#include "internal.h"

#include <myhtml/api.h>
#include <stdlib.h>
#include <strings.h>
#include <stdint.h>
#include <string.h>

/* Hints of class and id values seen on the page: sites repeat the same
 * class strings on hundreds of elements, and tokenising each one again was
 * the costliest part of tree building after MyHTML itself. Direct-mapped by a
 * 64-bit hash of the value (and of which attribute it is); cleared for every
 * page, so a page's output never depends on the pages before it. */
#define HINT_SLOTS 1024
typedef struct hint_slot {
    uint64_t key; /* 0 = empty */
    uint32_t hints;
} hint_slot;

struct parser {
    myhtml_t *mh;
    myhtml_tree_t *tree;
    hint_slot slots[HINT_SLOTS];
};

parser *parser_new(void)
{
    parser *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->mh = myhtml_create();
    if (!p->mh || myhtml_init(p->mh, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0) != MyHTML_STATUS_OK) {
        if (p->mh)
            myhtml_destroy(p->mh);
        free(p);
        return NULL;
    }
    p->tree = myhtml_tree_create();
    if (!p->tree || myhtml_tree_init(p->tree, p->mh) != MyHTML_STATUS_OK) {
        if (p->tree)
            myhtml_tree_destroy(p->tree);
        myhtml_destroy(p->mh);
        free(p);
        return NULL;
    }
    return p;
}

void parser_free(parser *p)
{
    if (!p)
        return;
    myhtml_tree_destroy(p->tree);
    myhtml_destroy(p->mh);
    free(p);
}

/* ------------------------------------------------------------ tag table */

typedef struct tag_info {
    const char *name;
    unsigned cls;
} tag_info;

static const tag_info TAGS[T_COUNT] = {
    [T_NONE] = {"none", 0},
    [T_TEXT] = {"#text", TC_INLINE},
    [T_ROOT] = {"#root", TC_BLOCK | TC_CONTAINER},
    [T_OTHER] = {"other", TC_BLOCK | TC_CONTAINER},
    [T_DIV] = {"div", TC_BLOCK | TC_CONTAINER},
    [T_SECTION] = {"section", TC_BLOCK | TC_CONTAINER},
    [T_ARTICLE] = {"article", TC_BLOCK | TC_CONTAINER},
    [T_MAIN] = {"main", TC_BLOCK | TC_CONTAINER},
    [T_HEADER] = {"header", TC_BLOCK | TC_CONTAINER},
    [T_FOOTER] = {"footer", TC_BLOCK | TC_CONTAINER},
    [T_NAV] = {"nav", TC_BLOCK | TC_CONTAINER},
    [T_ASIDE] = {"aside", TC_BLOCK | TC_CONTAINER},
    [T_FORM] = {"form", TC_BLOCK | TC_CONTAINER},
    [T_BODY] = {"body", TC_BLOCK | TC_CONTAINER},
    [T_HTML] = {"html", TC_BLOCK | TC_CONTAINER},
    [T_CENTER] = {"center", TC_BLOCK | TC_CONTAINER},
    [T_SPAN_BLOCK_UNUSED] = {"unused", TC_BLOCK},
    [T_P] = {"p", TC_BLOCK | TC_PARA},
    [T_H1] = {"h1", TC_BLOCK | TC_HEADING},
    [T_H2] = {"h2", TC_BLOCK | TC_HEADING},
    [T_H3] = {"h3", TC_BLOCK | TC_HEADING},
    [T_H4] = {"h4", TC_BLOCK | TC_HEADING},
    [T_H5] = {"h5", TC_BLOCK | TC_HEADING},
    [T_H6] = {"h6", TC_BLOCK | TC_HEADING},
    [T_PRE] = {"pre", TC_BLOCK | TC_PARA},
    [T_BLOCKQUOTE] = {"blockquote", TC_BLOCK | TC_PARA | TC_CONTAINER},
    [T_ADDRESS] = {"address", TC_BLOCK},
    [T_UL] = {"ul", TC_BLOCK | TC_LIST},
    [T_OL] = {"ol", TC_BLOCK | TC_LIST},
    [T_LI] = {"li", TC_BLOCK | TC_PARA},
    [T_DL] = {"dl", TC_BLOCK | TC_LIST},
    [T_DT] = {"dt", TC_BLOCK},
    [T_DD] = {"dd", TC_BLOCK | TC_PARA},
    [T_MENU] = {"menu", TC_BLOCK | TC_LIST},
    [T_TABLE] = {"table", TC_BLOCK | TC_TABLE},
    [T_THEAD] = {"thead", TC_BLOCK | TC_TABLE},
    [T_TBODY] = {"tbody", TC_BLOCK | TC_TABLE},
    [T_TFOOT] = {"tfoot", TC_BLOCK | TC_TABLE},
    [T_TR] = {"tr", TC_BLOCK | TC_TABLE},
    [T_TD] = {"td", TC_BLOCK | TC_TABLE | TC_PARA | TC_CONTAINER},
    [T_TH] = {"th", TC_BLOCK | TC_TABLE},
    [T_CAPTION] = {"caption", TC_BLOCK},
    [T_FIGURE] = {"figure", TC_BLOCK | TC_CONTAINER},
    [T_FIGCAPTION] = {"figcaption", TC_BLOCK},
    [T_DETAILS] = {"details", TC_BLOCK | TC_CONTAINER},
    [T_SUMMARY] = {"summary", TC_BLOCK},
    [T_HR] = {"hr", TC_BLOCK},
    [T_BR] = {"br", TC_INLINE},
    [T_A] = {"a", TC_INLINE},
    [T_SPAN] = {"span", TC_INLINE},
    [T_B] = {"b", TC_INLINE},
    [T_STRONG] = {"strong", TC_INLINE},
    [T_I] = {"i", TC_INLINE},
    [T_EM] = {"em", TC_INLINE},
    [T_U] = {"u", TC_INLINE},
    [T_S] = {"s", TC_INLINE},
    [T_SMALL] = {"small", TC_INLINE},
    [T_SUB] = {"sub", TC_INLINE},
    [T_SUP] = {"sup", TC_INLINE},
    [T_MARK] = {"mark", TC_INLINE},
    [T_CODE] = {"code", TC_INLINE},
    [T_Q] = {"q", TC_INLINE},
    [T_CITE] = {"cite", TC_INLINE},
    [T_ABBR] = {"abbr", TC_INLINE},
    [T_TIME] = {"time", TC_INLINE},
    [T_FONT] = {"font", TC_INLINE},
    [T_LABEL] = {"label", TC_INLINE},
    [T_INLINE_OTHER] = {"inline", TC_INLINE},
    [T_IMG] = {"img", TC_INLINE},
    [T_BUTTON] = {"button", TC_INLINE},
    [T_SCRIPT] = {"script", TC_DROP},
    [T_STYLE] = {"style", TC_DROP},
    /* MyHTML parses <noscript> content as markup; an unclosed element inside
     * it can swallow the rest of the page, so it is a (suspect) container */
    [T_NOSCRIPT] = {"noscript", TC_BLOCK | TC_CONTAINER},
    [T_TEMPLATE] = {"template", TC_DROP},
    [T_SVG] = {"svg", TC_DROP},
    [T_MATH] = {"math", TC_DROP},
    [T_IFRAME] = {"iframe", TC_DROP},
    [T_OBJECT] = {"object", TC_DROP},
    [T_SELECT] = {"select", TC_DROP},
    [T_TEXTAREA] = {"textarea", TC_DROP},
    [T_INPUT] = {"input", TC_DROP},
    [T_HEAD] = {"head", TC_DROP},
    [T_TITLE] = {"title", TC_DROP},
    [T_META] = {"meta", TC_DROP},
    [T_LINK] = {"link", TC_DROP},
    [T_CANVAS] = {"canvas", TC_DROP},
    [T_VIDEO] = {"video", TC_DROP},
    [T_AUDIO] = {"audio", TC_DROP},
    [T_MAP] = {"map", TC_DROP},
    [T_DIALOG] = {"dialog", TC_DROP},
};

unsigned tag_class(tag t) { return t < T_COUNT ? TAGS[t].cls : 0; }
const char *tag_name(tag t) { return t < T_COUNT && TAGS[t].name ? TAGS[t].name : "?"; }

static tag map_tag(myhtml_tag_id_t id)
{
    switch (id) {
    case MyHTML_TAG_DIV: return T_DIV;
    case MyHTML_TAG_P: return T_P;
    case MyHTML_TAG_A: return T_A;
    case MyHTML_TAG_SPAN: return T_SPAN;
    case MyHTML_TAG_LI: return T_LI;
    case MyHTML_TAG_UL: return T_UL;
    case MyHTML_TAG_OL: return T_OL;
    case MyHTML_TAG_SECTION: return T_SECTION;
    case MyHTML_TAG_ARTICLE: return T_ARTICLE;
    case MyHTML_TAG_MAIN: return T_MAIN;
    case MyHTML_TAG_HEADER: return T_HEADER;
    case MyHTML_TAG_FOOTER: return T_FOOTER;
    case MyHTML_TAG_NAV: return T_NAV;
    case MyHTML_TAG_ASIDE: return T_ASIDE;
    case MyHTML_TAG_FORM: return T_FORM;
    case MyHTML_TAG_BODY: return T_BODY;
    case MyHTML_TAG_HTML: return T_HTML;
    case MyHTML_TAG_CENTER: return T_CENTER;
    case MyHTML_TAG_H1: return T_H1;
    case MyHTML_TAG_H2: return T_H2;
    case MyHTML_TAG_H3: return T_H3;
    case MyHTML_TAG_H4: return T_H4;
    case MyHTML_TAG_H5: return T_H5;
    case MyHTML_TAG_H6: return T_H6;
    case MyHTML_TAG_PRE: case MyHTML_TAG_LISTING: case MyHTML_TAG_XMP: case MyHTML_TAG_PLAINTEXT:
        return T_PRE;
    case MyHTML_TAG_BLOCKQUOTE: return T_BLOCKQUOTE;
    case MyHTML_TAG_ADDRESS: return T_ADDRESS;
    case MyHTML_TAG_DL: return T_DL;
    case MyHTML_TAG_DT: return T_DT;
    case MyHTML_TAG_DD: return T_DD;
    case MyHTML_TAG_MENU: case MyHTML_TAG_DIR: return T_MENU;
    case MyHTML_TAG_TABLE: return T_TABLE;
    case MyHTML_TAG_THEAD: return T_THEAD;
    case MyHTML_TAG_TBODY: return T_TBODY;
    case MyHTML_TAG_TFOOT: return T_TFOOT;
    case MyHTML_TAG_TR: return T_TR;
    case MyHTML_TAG_TD: return T_TD;
    case MyHTML_TAG_TH: return T_TH;
    case MyHTML_TAG_CAPTION: return T_CAPTION;
    case MyHTML_TAG_FIGURE: return T_FIGURE;
    case MyHTML_TAG_FIGCAPTION: return T_FIGCAPTION;
    case MyHTML_TAG_DETAILS: return T_DETAILS;
    case MyHTML_TAG_SUMMARY: return T_SUMMARY;
    case MyHTML_TAG_HR: return T_HR;
    case MyHTML_TAG_BR: return T_BR;
    case MyHTML_TAG_B: return T_B;
    case MyHTML_TAG_STRONG: return T_STRONG;
    case MyHTML_TAG_I: return T_I;
    case MyHTML_TAG_EM: return T_EM;
    case MyHTML_TAG_U: return T_U;
    case MyHTML_TAG_S: case MyHTML_TAG_STRIKE: case MyHTML_TAG_DEL: return T_S;
    case MyHTML_TAG_SMALL: return T_SMALL;
    case MyHTML_TAG_SUB: return T_SUB;
    case MyHTML_TAG_SUP: return T_SUP;
    case MyHTML_TAG_MARK: return T_MARK;
    case MyHTML_TAG_CODE: case MyHTML_TAG_KBD: case MyHTML_TAG_SAMP: case MyHTML_TAG_TT: return T_CODE;
    case MyHTML_TAG_Q: return T_Q;
    case MyHTML_TAG_CITE: return T_CITE;
    case MyHTML_TAG_ABBR: case MyHTML_TAG_ACRONYM: case MyHTML_TAG_DFN: return T_ABBR;
    case MyHTML_TAG_TIME: return T_TIME;
    case MyHTML_TAG_FONT: case MyHTML_TAG_BIG: return T_FONT;
    case MyHTML_TAG_LABEL: return T_LABEL;
    case MyHTML_TAG_IMG: case MyHTML_TAG_IMAGE: return T_IMG;
    case MyHTML_TAG_BUTTON: return T_BUTTON;
    case MyHTML_TAG_INS: case MyHTML_TAG_VAR: case MyHTML_TAG_BDI: case MyHTML_TAG_BDO:
    case MyHTML_TAG_NOBR: case MyHTML_TAG_WBR:
    case MyHTML_TAG_SOURCE: case MyHTML_TAG_OUTPUT: case MyHTML_TAG_METER: case MyHTML_TAG_PROGRESS:
    case MyHTML_TAG_RUBY: case MyHTML_TAG_RB: case MyHTML_TAG_RTC:
        return T_INLINE_OTHER;
    case MyHTML_TAG_RT: case MyHTML_TAG_RP: return T_SCRIPT; /* ruby annotations: not text */
    case MyHTML_TAG_SCRIPT: return T_SCRIPT;
    case MyHTML_TAG_STYLE: return T_STYLE;
    case MyHTML_TAG_NOSCRIPT: case MyHTML_TAG_NOEMBED: case MyHTML_TAG_NOFRAMES: return T_NOSCRIPT;
    case MyHTML_TAG_TEMPLATE: return T_TEMPLATE;
    case MyHTML_TAG_SVG: return T_SVG;
    case MyHTML_TAG_MATH: return T_MATH;
    case MyHTML_TAG_IFRAME: case MyHTML_TAG_FRAME: case MyHTML_TAG_FRAMESET: case MyHTML_TAG_EMBED:
        return T_IFRAME;
    case MyHTML_TAG_OBJECT: case MyHTML_TAG_APPLET: case MyHTML_TAG_PARAM: return T_OBJECT;
    case MyHTML_TAG_SELECT: case MyHTML_TAG_DATALIST: case MyHTML_TAG_OPTGROUP: case MyHTML_TAG_OPTION:
        return T_SELECT;
    case MyHTML_TAG_TEXTAREA: return T_TEXTAREA;
    case MyHTML_TAG_INPUT: case MyHTML_TAG_KEYGEN: return T_INPUT;
    case MyHTML_TAG_HEAD: return T_HEAD;
    case MyHTML_TAG_TITLE: return T_TITLE;
    case MyHTML_TAG_META: return T_META;
    case MyHTML_TAG_LINK: case MyHTML_TAG_BASE: return T_LINK;
    case MyHTML_TAG_CANVAS: return T_CANVAS;
    case MyHTML_TAG_VIDEO: case MyHTML_TAG_TRACK: return T_VIDEO;
    case MyHTML_TAG_AUDIO: return T_AUDIO;
    case MyHTML_TAG_MAP: case MyHTML_TAG_AREA: return T_MAP;
    case MyHTML_TAG_DIALOG: return T_DIALOG;
    case MyHTML_TAG_HGROUP: case MyHTML_TAG_FIELDSET: case MyHTML_TAG_LEGEND:
    case MyHTML_TAG_COLGROUP: case MyHTML_TAG_COL: case MyHTML_TAG_MARQUEE:
        return T_DIV;
    default: return T_OTHER;
    }
}

/* ------------------------------------------------------------ hints */

/* A class/id token that starts with `word` (or equals it when exact) sets `hints`.
 * Tokens are the lower-cased runs of [a-z0-9] in class and id values. */
typedef struct hint_word {
    const char *word;
    uint8_t len;
    uint8_t exact;
    uint32_t hints;
} hint_word;

#define HW(w, e, h) {w, sizeof(w) - 1, e, h}
static const hint_word HINT_WORDS[] = { /* sorted: token_hints searches by first letter */
    HW("ad", 1, H_AD), HW("adbox", 0, H_AD), HW("ads", 1, H_AD), HW("adsense", 0, H_AD), HW("adslot", 0, H_AD),
    HW("adunit", 0, H_AD), HW("adv", 1, H_AD), HW("advert", 0, H_AD), HW("advertisement", 0, H_AD),
    HW("also", 1, H_RELATED), HW("article", 0, H_POS), HW("aside", 1, H_WEAKNEG), HW("author", 0, H_BYLINE),
    HW("banner", 0, H_NEG), HW("blog", 1, H_POS), HW("body", 1, H_POS), HW("bottom", 1, H_WEAKNEG),
    HW("breadcrumb", 0, H_NAV), HW("byline", 0, H_BYLINE), HW("caption", 0, H_CAPTION), HW("cat", 1, H_META),
    HW("categories", 0, H_META), HW("column", 0, H_MAYBE), HW("combx", 0, H_NEG), HW("comment", 0, H_COMMENT),
    HW("community", 0, H_NEG), HW("consent", 0, H_COOKIE), HW("contact", 0, H_WEAKNEG), HW("content", 0, H_POS),
    HW("cookie", 0, H_COOKIE), HW("copyright", 0, H_WEAKNEG), HW("credit", 0, H_CAPTION), HW("date", 0, H_META),
    HW("dateline", 0, H_META), HW("dek", 1, H_LEAD), HW("dfp", 0, H_AD), HW("dialog", 0, H_NEG), HW("discussion", 0, H_COMMENT),
    HW("disqus", 0, H_COMMENT), HW("entry", 0, H_POS), HW("excerpt", 0, H_LEAD),
    HW("foot", 1, H_NEG | H_FOOTER), HW("footer", 0, H_NEG | H_FOOTER), HW("footnote", 0, 0),
    HW("gallery", 0, 0), HW("gdpr", 0, H_COOKIE), HW("header", 0, H_NEG), HW("headline", 0, H_TITLEISH),
    HW("hentry", 0, H_POS), HW("intro", 0, H_LEAD), HW("lead", 0, H_LEAD), HW("lede", 0, H_LEAD),
    HW("login", 0, H_NEG), HW("main", 1, H_POS), HW("masthead", 0, H_NEG), HW("menu", 0, H_NAV),
    HW("meta", 1, H_META), HW("modal", 0, H_NEG), HW("more", 1, H_RELATED), HW("most", 1, H_RELATED),
    HW("nav", 0, H_NAV), HW("newsletter", 0, H_SUBSCRIBE), HW("next", 1, H_NAV), HW("outbrain", 0, H_AD),
    HW("overlay", 0, H_WEAKNEG), HW("pager", 0, H_NAV), HW("pagination", 0, H_NAV), HW("paging", 0, H_NAV),
    HW("paywall", 0, H_SUBSCRIBE), HW("popular", 0, H_RELATED), HW("popup", 0, H_NEG), HW("post", 1, H_POS),
    HW("prev", 1, H_NAV), HW("promo", 0, H_AD), HW("prose", 0, H_POS), HW("rating", 0, H_WEAKNEG),
    HW("read", 1, H_RELATED), HW("recommend", 0, H_RELATED), HW("related", 0, H_RELATED),
    HW("remark", 0, H_COMMENT), HW("replies", 0, H_COMMENT), HW("reply", 0, H_COMMENT),
    HW("respond", 1, H_COMMENT), HW("richtext", 0, H_POS), HW("rss", 1, H_WEAKNEG), HW("search", 0, H_WEAKNEG),
    HW("shadow", 0, H_MAYBE), HW("share", 1, H_SHARE), HW("shareaholic", 0, H_SHARE),
    HW("sharebar", 0, H_SHARE), HW("sharebox", 0, H_SHARE), HW("sharebutton", 0, H_SHARE),
    HW("sharedaddy", 0, H_SHARE), HW("shares", 1, H_SHARE), HW("sharethis", 0, H_SHARE),
    HW("shariff", 0, H_SHARE), HW("sharing", 1, H_SHARE), HW("shoutbox", 0, H_NEG), HW("sidebar", 0, H_NEG),
    HW("signup", 0, H_SUBSCRIBE), HW("skip", 0, H_SKIPLINK), HW("sociable", 0, H_SHARE),
    HW("social", 0, H_SHARE), HW("sponsor", 0, H_AD), HW("sr", 1, H_SKIPLINK), HW("sronly", 0, H_SKIPLINK),
    HW("standfirst", 0, H_LEAD), HW("story", 0, H_POS), HW("subscri", 0, H_SUBSCRIBE),
    HW("subtitle", 0, H_LEAD), HW("summary", 0, H_LEAD), HW("taboola", 0, H_AD), HW("tag", 1, H_TAGS),
    HW("tagcloud", 0, H_TAGS), HW("tags", 1, H_TAGS), HW("teaser", 0, H_WEAKNEG), HW("text", 1, H_POS),
    HW("title", 0, H_TITLEISH), HW("toolbar", 0, H_WEAKNEG), HW("tools", 1, H_WEAKNEG),
    HW("trending", 0, H_RELATED), HW("tweet", 0, H_SHARE), HW("visually", 1, H_SKIPLINK),
    HW("widget", 0, H_WEAKNEG),
};
#undef HW

static uint32_t token_hints(const char *t, size_t n)
{
    uint32_t h = 0;
    size_t lo = 0, hi = sizeof HINT_WORDS / sizeof HINT_WORDS[0];
    while (lo < hi) { /* first word starting with t[0] */
        size_t mid = (lo + hi) / 2;
        if ((unsigned char)HINT_WORDS[mid].word[0] < (unsigned char)t[0])
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < sizeof HINT_WORDS / sizeof HINT_WORDS[0] && HINT_WORDS[i].word[0] == t[0]; i++) {
        const hint_word *w = &HINT_WORDS[i];
        if (w->len > n)
            continue;
        if (w->exact && w->len != n)
            continue;
        if (memcmp(w->word, t, w->len) == 0)
            h |= w->hints;
    }
    /* compound tokens ("textwidget", "postcomments", "footerlinks"): a few
     * unambiguous words also count inside a token */
    static const struct { const char *w; uint32_t h; } INNER[] = {
        {"widget", H_WEAKNEG}, {"sidebar", H_NEG}, {"comment", H_COMMENT}, {"related", H_RELATED},
        {"footer", H_NEG | H_FOOTER}, {"banner", H_NEG}, {"sponsor", H_AD}, {"cookie", H_COOKIE},
        {"newsletter", H_SUBSCRIBE}, {"social", H_SHARE}, {"advert", H_AD}, {"breadcrumb", H_NAV},
        {"pagination", H_NAV}, {"sharing", H_SHARE}, {"metadata", H_META}, {"authorbox", H_AUTHORBOX},
    };
    if (n > 8 && !h) { /* compounds are long; short tokens need no inner search */
        char z[48];
        memcpy(z, t, n < sizeof z - 1 ? n : sizeof z - 1);
        z[n < sizeof z - 1 ? n : sizeof z - 1] = '\0';
        for (size_t i = 0; i < sizeof INNER / sizeof INNER[0]; i++)
            if (strstr(z + 1, INNER[i].w))
                h |= INNER[i].h;
    }
    return h;
}

/* Class words (whole, space-separated) that hide an element in common CSS frameworks. */
static int class_hidden(const char *s, size_t n)
{
    /* Only screen-reader-only classes: "hidden"/"d-none" classes are toggled by
     * scripts (tabs, galleries, "read more") and often hold article text. */
    static const char *const HIDDEN[] = {"visually-hidden", "sr-only", "screen-reader-text", "visuallyhidden",
                                         "element-invisible", "screenreader-only", "sr-only-focusable"};
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
            i++;
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '\n')
            j++;
        for (size_t k = 0; k < sizeof HIDDEN / sizeof HIDDEN[0]; k++) {
            size_t l = strlen(HIDDEN[k]);
            /* also with a utility prefix: "u-screen-reader-text", "a11y-sr-only" */
            if (l <= j - i && (s[j - 1] | 0x20) == HIDDEN[k][l - 1] && !strncasecmp(HIDDEN[k], s + j - l, l) &&
                (l == j - i || ((s[j - l - 1] == '-' || s[j - l - 1] == '_') &&
                                !(j - l - i >= 4 && !strncasecmp(s + j - l - 4, "not", 3)))))
                return 1; /* Tailwind's "not-sr-only" shows the element */
        }
        i = j;
    }
    return 0;
}

static uint32_t name_hints(const char *s, size_t n)
{
    char tok[48];
    uint32_t h = 0;
    size_t i = 0;
    int author = 0, bio = 0, read = 0, also = 0;
    while (i < n) {
        while (i < n && !((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
            i++;
        size_t k = 0;
        while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9'))) {
            if (k < sizeof tok - 1) {
                char c = s[i];
                tok[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            }
            i++;
        }
        if (!k)
            continue;
        tok[k] = '\0';
        uint32_t th = token_hints(tok, k);
        h |= th;
        if (th & H_BYLINE)
            author = 1;
        if (strncmp(tok, "bio", 3) == 0 || strncmp(tok, "about", 5) == 0 || strcmp(tok, "box") == 0 ||
            strncmp(tok, "authorbox", 9) == 0 || strcmp(tok, "profile") == 0 || strcmp(tok, "info") == 0 ||
            strcmp(tok, "description") == 0 || strcmp(tok, "details") == 0 || strcmp(tok, "card") == 0)
            bio = 1;
        if (strcmp(tok, "read") == 0)
            read = 1;
        if (strcmp(tok, "also") == 0 || strcmp(tok, "more") == 0 || strcmp(tok, "next") == 0)
            also = 1;
    }
    if (author && bio)
        h |= H_AUTHORBOX;
    if (read && !also)
        h &= ~H_RELATED; /* "read" alone (e.g. read-time) is not "read also" */
    return h;
}

/* Does a style attribute hide the element? */
static int style_hidden(const char *s, size_t n)
{
    char c[64];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r')
            continue;
        ch = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
        if (k < sizeof c - 1)
            c[k++] = ch;
        if (ch == ';' || i + 1 == n) {
            c[k] = '\0';
            if (strncmp(c, "display:none", 12) == 0 || strncmp(c, "visibility:hidden", 17) == 0)
                return 1;
            k = 0;
        }
    }
    return 0;
}

/* ------------------------------------------------------------ builders */

static int grow(page *pg, void **arr, uint32_t *cap, size_t elem, uint32_t need)
{
    if (need <= *cap)
        return 0;
    uint32_t nc = *cap ? *cap * 2 : 256;
    while (nc < need)
        nc *= 2;
    void *p = arena_realloc(pg->mem, *arr, (size_t)*cap * elem, (size_t)nc * elem);
    if (!p)
        return -1;
    *arr = p;
    *cap = nc;
    return 0;
}

static nid add_node(page *pg, nid parent, tag t)
{
    if (pg->n_nodes >= pg->opt->max_nodes) {
        pg->truncated |= 2;
        return 0;
    }
    if (grow(pg, (void **)&pg->nodes, &pg->cap_nodes, sizeof(node), pg->n_nodes + 1))
        return 0;
    nid id = pg->n_nodes++;
    node *n = &pg->nodes[id];
    memset(n, 0, sizeof *n);
    n->tag = (uint16_t)t;
    n->parent = parent;
    if (parent || id != 0) {
        node *p = &pg->nodes[parent];
        n->depth = (uint16_t)(p->depth + 1);
        if (p->last)
            pg->nodes[p->last].next = id;
        else
            p->first = id;
        p->last = id;
    }
    if (n->depth > pg->max_depth_seen)
        pg->max_depth_seen = n->depth;
    return id;
}

static int text_reserve(page *pg, size_t extra)
{
    if (pg->text_len + extra + 1 <= pg->text_cap)
        return 0;
    size_t nc = pg->text_cap ? pg->text_cap * 2 : 65536;
    while (nc < pg->text_len + extra + 1)
        nc *= 2;
    char *p = arena_realloc(pg->mem, pg->text, pg->text_cap, nc);
    if (!p)
        return -1;
    pg->text = p;
    pg->text_cap = nc;
    return 0;
}

static int is_punct_ascii(unsigned char c)
{
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?';
}

/* Append text, collapsing white space (unless pre), counting chars and punctuation. */
static void add_text(page *pg, nid parent, const char *s, size_t n, int pre)
{
    if (!n || text_reserve(pg, n + 1))
        return;
    nid id = add_node(pg, parent, T_TEXT);
    if (!id)
        return;
    node *nd = &pg->nodes[id];
    char *out = pg->text + pg->text_len;
    size_t o = 0;
    uint32_t chars = 0, punct = 0;
    int space = 0;
    unsigned char high = 0;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = u[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            if (pre) {
                out[o++] = (char)(c == '\r' || c == '\f' || c == '\v' ? '\n' : c);
            } else if (!space) {
                out[o++] = ' ';
                space = 1;
            }
            continue;
        }
        if (c < 0x20 || c == 0x7f)
            continue; /* control characters are not text */
        if (c == 0xC2 && i + 1 < n && u[i + 1] == 0xA0) { /* no-break space */
            i++;
            if (!space || pre) {
                out[o++] = ' ';
                space = 1;
            }
            continue;
        }
        if (c == 0xE2 && i + 2 < n && u[i + 1] == 0x80 &&
            (u[i + 2] == 0x8B || u[i + 2] == 0x8C || u[i + 2] == 0x8D || u[i + 2] == 0xAF)) {
            i += 2; /* zero-width space/joiners; narrow nbsp dropped */
            continue;
        }
        if (c == 0xEF && i + 2 < n && u[i + 1] == 0xBB && u[i + 2] == 0xBF) {
            i += 2; /* stray BOM */
            continue;
        }
        space = 0;
        out[o++] = (char)c;
        high |= c;
        if ((c & 0xC0) != 0x80)
            chars++;
        if (is_punct_ascii(c))
            punct++;
        else if (c == 0xE3 && i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] == 0x81 || u[i + 2] == 0x82))
            punct++; /* 、 。 */
        else if (c == 0xEF && i + 2 < n && u[i + 1] == 0xBC && (u[i + 2] == 0x8C || u[i + 2] == 0x8E || u[i + 2] == 0x9F || u[i + 2] == 0x81))
            punct++; /* ，．？！ */
    }
    /* MyHTML's text is UTF-8 when its input is, but a tree builder is no
     * place to trust with that: repair in place if anything went wrong
     * (repair never grows text here: U+FFFD replaces 1-3 bytes with 3, so
     * it is done into a scratch copy only when needed) */
    if ((high & 0x80) && utf8_valid_prefix(out, o) != o) {
        buf fix = BUF_INIT;
        utf8_repair(&fix, out, o);
        if (!fix.failed && text_reserve(pg, fix.len + 1) == 0) {
            out = pg->text + pg->text_len;
            memcpy(out, fix.data, fix.len);
            o = fix.len;
        }
        buf_free(&fix);
    }
    nd = &pg->nodes[id];
    nd->text_off = (uint32_t)pg->text_len;
    nd->text_len = (uint32_t)o;
    nd->chars = chars;
    nd->punct = punct;
    pg->text_len += o;
    pg->text[pg->text_len] = '\0';
    pg->text_len++; /* keep each slice NUL-terminated */
}

static int add_meta(page *pg, uint8_t kind, const char *key, size_t klen, const char *val, size_t vlen, nid node_id)
{
    if (pg->n_meta >= 4096)
        return -1;
    if (grow(pg, (void **)&pg->meta, &pg->cap_meta, sizeof(meta_item), pg->n_meta + 1))
        return -1;
    meta_item *m = &pg->meta[pg->n_meta++];
    m->kind = kind;
    m->key = key ? arena_strndup(pg->mem, key, klen) : NULL;
    m->key_len = (uint32_t)klen;
    m->value = val ? arena_strndup(pg->mem, val, vlen) : NULL;
    m->value_len = (uint32_t)vlen;
    m->node = node_id;
    if (m->key) {
        char *k = (char *)m->key;
        for (size_t i = 0; i < klen; i++)
            if (k[i] >= 'A' && k[i] <= 'Z')
                k[i] = (char)(k[i] + 32);
    }
    return 0;
}

/* Attributes an element keeps. */
static attr_kind attr_kind_of(const char *k, size_t n)
{
    static const struct { const char *name; uint8_t len; attr_kind kind; } KEYS[] = {
        {"id", 2, A_ID}, {"src", 3, A_SRC}, {"alt", 3, A_ALT}, {"rel", 3, A_REL}, {"href", 4, A_HREF},
        {"name", 4, A_NAME}, {"type", 4, A_TYPE}, {"lang", 4, A_LANG}, {"class", 5, A_CLASS},
        {"content", 7, A_CONTENT}, {"charset", 7, A_CHARSET}, {"datetime", 8, A_DATETIME},
        {"property", 8, A_PROPERTY}, {"itemprop", 8, A_ITEMPROP}, {"itemtype", 8, A_ITEMTYPE},
        {"http-equiv", 10, A_HTTP_EQUIV}, {"title", 5, A_TITLE},
    };
    for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++)
        if (KEYS[i].len == n && memcmp(KEYS[i].name, k, n) == 0)
            return KEYS[i].kind;
    return A_COUNT;
}

/* <abbr class="published" title="2019-03-04T10:52:00+01:00">: the hAtom
 * microformat's publication date (Blogger, older WordPress themes). */
static int abbr_published(const page *pg, const node *nd)
{
    const char *c = node_attr(pg, nd, A_CLASS);
    if (!c)
        return 0;
    for (const char *p = strstr(c, "published"); p; p = strstr(p + 1, "published"))
        if ((p == c || p[-1] == ' ') && (p[9] == '\0' || p[9] == ' '))
            return 1;
    return 0;
}

/* Hints of a class (is_class) or id value, through the page's cache. */
static uint32_t value_hints(const char *v, size_t vl, int is_class)
{
    if (is_class)
        return name_hints(v, vl) | (class_hidden(v, vl) ? H_HIDDEN : 0);
    /* ids of four or more words are heading slugs ("sharing-with-a-
     * single-developer"): any word can appear in them */
    int words = 0;
    for (size_t q = 0; q < vl; q++)
        words += (v[q] == '-' || v[q] == '_') && q + 1 < vl;
    return words < 3 ? name_hints(v, vl) : 0;
}

static uint32_t cached_hints(page *pg, const char *v, size_t vl, int is_class)
{
    hint_slot *slots = pg->hint_slots;
    if (!slots || vl > 512)
        return value_hints(v, vl, is_class);
    uint64_t x = is_class ? 0xcbf29ce484222325ull : 0x84222325cbf29ce4ull;
    for (size_t i = 0; i < vl; i++)
        x = (x ^ (unsigned char)v[i]) * 0x100000001b3ull;
    x = (x ^ vl) * 0x100000001b3ull;
    x |= 1;
    hint_slot *e = &slots[(x >> 17) & (HINT_SLOTS - 1)];
    if (e->key != x) {
        e->key = x;
        e->hints = value_hints(v, vl, is_class);
    }
    return e->hints;
}

/* Read an element's attributes: hints and kept values. Returns hint bits. */
static uint32_t read_attrs(page *pg, myhtml_tree_node_t *dn, nid id, tag t)
{
    uint32_t h = 0;
    unsigned count = 0;
    for (myhtml_tree_attr_t *a = myhtml_node_attribute_first(dn); a; a = myhtml_attribute_next(a)) {
        if (++count > pg->opt->max_attrs) {
            pg->truncated |= 4;
            break;
        }
        size_t kl = 0, vl = 0;
        const char *k = myhtml_attribute_key(a, &kl);
        const char *v = myhtml_attribute_value(a, &vl);
        if (!k)
            continue;
        if (!v) {
            v = "";
            vl = 0;
        }
        if (kl == 5 && !memcmp(k, "class", 5)) {
            h |= cached_hints(pg, v, vl, 1);
        } else if (kl == 2 && !memcmp(k, "id", 2)) {
            h |= cached_hints(pg, v, vl, 0);
        } else if (kl == 4 && !memcmp(k, "role", 4)) {
            if (vl >= 4 && (!memcmp(v, "main", 4) || !memcmp(v, "article", vl < 7 ? vl : 7)))
                h |= H_ROLE_MAIN;
            else if ((vl == 10 && !memcmp(v, "navigation", 10)) || (vl == 6 && !memcmp(v, "banner", 6)) ||
                     (vl == 11 && !memcmp(v, "contentinfo", 11)) || (vl == 13 && !memcmp(v, "complementary", 13)) ||
                     (vl == 4 && !memcmp(v, "menu", 4)) || (vl == 6 && !memcmp(v, "search", 6)) ||
                     (vl == 7 && !memcmp(v, "menubar", 7)) || (vl == 6 && !memcmp(v, "dialog", 6)) ||
                     (vl == 11 && !memcmp(v, "alertdialog", 11)))
                h |= H_ROLE_NAV;
        } else if (kl == 5 && !memcmp(k, "style", 5)) {
            if (style_hidden(v, vl))
                h |= H_HIDDEN;
        } else if (kl == 6 && !memcmp(k, "hidden", 6)) {
            h |= H_HIDDEN;
        } else if (kl == 11 && !memcmp(k, "aria-hidden", 11)) {
            if (vl == 4 && !memcmp(v, "true", 4))
                h |= H_HIDDEN;
        }
        attr_kind ak = attr_kind_of(k, kl);
        if (ak == A_COUNT)
            continue;
        if (ak == A_ITEMPROP) {
            if ((vl == 11 && !strncasecmp(v, "articlebody", 11)) || (vl == 4 && !memcmp(v, "text", 4)))
                h |= H_BODY;
        }
        /* keep values that later stages need */
        int keep = ak == A_HREF || ak == A_SRC || ak == A_DATETIME || ak == A_CONTENT || ak == A_NAME ||
                   ak == A_PROPERTY || ak == A_ITEMPROP || ak == A_REL || ak == A_TYPE || ak == A_LANG ||
                   ak == A_ITEMTYPE || ak == A_ALT || ak == A_HTTP_EQUIV || ak == A_CHARSET ||
                   ((ak == A_CLASS || ak == A_ID) &&
                    (t == T_P || t == T_DIV || t == T_SPAN || t == T_TIME || t == T_A || t == T_SMALL ||
                     t == T_ABBR || (t >= T_H1 && t <= T_H6))) ||
                   (ak == A_TITLE && t == T_ABBR); /* <abbr class=published title="2019-..."> */
        if (!keep)
            continue;
        if (ak == A_ALT && t != T_IMG)
            continue;
        if (pg->nodes[id].n_attr == 255)
            continue;
        if (grow(pg, (void **)&pg->attrs, &pg->cap_attrs, sizeof(attr_entry), pg->n_attrs + 1))
            return h;
        if (!pg->nodes[id].n_attr)
            pg->nodes[id].attr = pg->n_attrs;
        if (vl > 8192)
            vl = 8192; /* a data: URI or a huge attribute is not metadata */
        attr_entry *ae = &pg->attrs[pg->n_attrs++];
        ae->v = arena_strndup(pg->mem, v, vl);
        ae->len = (uint32_t)vl;
        ae->kind = (uint8_t)ak;
        pg->nodes[id].n_attr++;
    }
    return h;
}

/* Collect text of a DROP element's children (title, JSON-LD script). */
static void child_text(myhtml_tree_node_t *dn, const char **s, size_t *n)
{
    *s = NULL;
    *n = 0;
    myhtml_tree_node_t *c = myhtml_node_child(dn);
    if (c && myhtml_node_tag_id(c) == MyHTML_TAG__TEXT)
        *s = myhtml_node_text(c, n);
}

static void note_head_element(page *pg, myhtml_tree_node_t *dn, tag t, nid id)
{
    const node *nd = &pg->nodes[id];
    uint32_t kl = 0, vl = 0;
    if (t == T_META) {
        const char *key = node_attr_len(pg, nd, A_PROPERTY, &kl);
        if (!key)
            key = node_attr_len(pg, nd, A_NAME, &kl);
        if (!key)
            key = node_attr_len(pg, nd, A_ITEMPROP, &kl);
        const char *val = node_attr_len(pg, nd, A_CONTENT, &vl);
        if (key && val)
            add_meta(pg, MI_META, key, kl, val, vl, id);
    } else if (t == T_LINK) {
        const char *rel = node_attr_len(pg, nd, A_REL, &kl), *href = node_attr_len(pg, nd, A_HREF, &vl);
        if (rel && href)
            add_meta(pg, MI_LINK, rel, kl, href, vl, id);
    } else if (t == T_TITLE) {
        const char *s;
        size_t n;
        child_text(dn, &s, &n);
        if (s && n)
            add_meta(pg, MI_TITLE, NULL, 0, s, n > 2048 ? 2048 : n, id);
    } else if (t == T_SCRIPT && node_attr(pg, nd, A_TYPE) && strstr(node_attr(pg, nd, A_TYPE), "ld+json")) {
        const char *s;
        size_t n;
        child_text(dn, &s, &n);
        if (s && n)
            add_meta(pg, MI_JSONLD, NULL, 0, s, n > (4u << 20) ? (4u << 20) : n, id);
    }
}

/* ------------------------------------------------------------ the walk */

pith_status parse_page(parser *p, page *pg)
{
    myhtml_tree_clean(p->tree);
    memset(p->slots, 0, sizeof p->slots);
    pg->hint_slots = p->slots;
    if (myhtml_parse(p->tree, MyENCODING_UTF_8, pg->html, pg->html_len) != MyHTML_STATUS_OK)
        return PITH_EPARSE;

    pg->n_nodes = 0;
    if (text_reserve(pg, pg->html_len / 2 + 1024))
        return PITH_ENOMEM;
    nid root = add_node(pg, 0, T_ROOT);
    (void)root;
    if (!pg->nodes)
        return PITH_ENOMEM;
    pg->body = 0;

    myhtml_tree_node_t *html = myhtml_tree_get_node_html(p->tree);
    if (!html)
        return PITH_OK;
    /* <html lang> */
    for (myhtml_tree_attr_t *a = myhtml_node_attribute_first(html); a; a = myhtml_attribute_next(a)) {
        size_t kl, vl;
        const char *k = myhtml_attribute_key(a, &kl);
        const char *v = myhtml_attribute_value(a, &vl);
        if (k && v && ((kl == 4 && !memcmp(k, "lang", 4)) || (kl == 8 && !memcmp(k, "xml:lang", 8))) && vl)
            add_meta(pg, MI_HTMLLANG, NULL, 0, v, vl > 64 ? 64 : vl, 0);
    }

    unsigned max_depth = pg->opt->max_depth;
    unsigned steps = 0;
    /* Iterative pre-order walk. `cur` is pith's node for the DOM parent of dn.
     * MyHTML's per-node data slot remembers pith's node of each DOM element so
     * the walk can climb back. */
    nid cur = 0;
    unsigned dom_depth = 0;  /* depth of dn's parent in the DOM walk */
    unsigned pre = 0;        /* inside <pre>: depth counter */
    myhtml_tree_node_t *dn = myhtml_node_child(html);
    myhtml_node_set_data(html, (void *)(uintptr_t)0);
    while (dn) {
        if ((++steps & 1023) == 0 && budget_exceeded(pg))
            break;
        myhtml_tag_id_t tid = myhtml_node_tag_id(dn);
        int descend = 0;
        if (tid == MyHTML_TAG__TEXT) {
            size_t n = 0;
            const char *s = myhtml_node_text(dn, &n);
            if (s && n && cur != (nid)-1)
                add_text(pg, cur, s, n, pre > 0);
        } else if (tid == MyHTML_TAG__COMMENT || tid == MyHTML_TAG__DOCTYPE || tid == MyHTML_TAG__UNDEF ||
                   tid == MyHTML_TAG__END_OF_FILE) {
            /* not content */
        } else {
            tag t = map_tag(tid);
            /* MathML is text of its sentence ("when a ≠ 0, ..."): its elements
             * flow inline; <math> itself is not dropped */
            if (myhtml_node_namespace(dn) == MyHTML_NAMESPACE_MATHML)
                t = T_INLINE_OTHER;
            unsigned cls = tag_class(t);
            nid id;
            if (pg->n_nodes >= pg->opt->max_nodes) {
                pg->truncated |= 2;
                break;
            }
            int flatten = dom_depth + 1 > max_depth;
            if (flatten) {
                pg->truncated |= 1;
                id = cur; /* content joins the ancestor at the depth limit */
                if (t == T_BR || t == T_IMG) { /* still worth a node: line breaks */
                    nid b = add_node(pg, cur, t);
                    (void)b;
                }
            } else {
                id = add_node(pg, cur, t);
                if (!id)
                    return pg->mem->failed ? PITH_ENOMEM : PITH_OK;
                uint32_t h = read_attrs(pg, dn, id, t);
                if (t == T_NAV || t == T_MENU)
                    h |= H_NAV;
                if (t == T_ASIDE)
                    h |= H_NEG;
                if (t == T_NOSCRIPT)
                    h |= H_WEAKNEG;
                if (t == T_MAIN)
                    h |= H_ROLE_MAIN;
                if (t == T_BODY || t == T_HTML)
                    h &= ~(uint32_t)H_HIDDEN; /* scripts unhide these; never drop the page */
                pg->nodes[id].hints = h;
                if (t == T_BODY && !pg->body)
                    pg->body = id;
                if (cls & TC_DROP)
                    note_head_element(pg, dn, t, id);
                else {
                    const node *nd = &pg->nodes[id];
                    uint32_t il = 0, cl = 0, dl = 0;
                    const char *ip = node_attr_len(pg, nd, A_ITEMPROP, &il);
                    const char *ct = node_attr_len(pg, nd, A_CONTENT, &cl);
                    const char *dt = node_attr_len(pg, nd, A_DATETIME, &dl);
                    if (t == T_ABBR && !ct && !dt) /* hAtom / Blogger: the machine date in title */
                        dt = node_attr_len(pg, nd, A_TITLE, &dl);
                    if (ip)
                        add_meta(pg, MI_ITEMPROP, ip, il, ct ? ct : dt, ct ? cl : dt ? dl : 0, id);
                    if (t == T_TIME && dt)
                        add_meta(pg, MI_TIME, "datetime", 8, dt, dl, id);
                    else if (t == T_ABBR && dt && !ip && abbr_published(pg, nd))
                        add_meta(pg, MI_TIME, "datetime", 8, dt, dl, id);
                }
            }
            /* <head> is walked for metadata (its children are DROP elements); other
             * DROP elements are not entered. */
            if (!(cls & TC_DROP) || t == T_HEAD) {
                myhtml_node_set_data(dn, (void *)(uintptr_t)id);
                descend = myhtml_node_child(dn) != NULL;
                if (descend) {
                    cur = id;
                    dom_depth++;
                    if (t == T_PRE)
                        pre++;
                }
            }
        }
        if (descend) {
            dn = myhtml_node_child(dn);
            continue;
        }
        /* next sibling, or climb */
        while (dn && !myhtml_node_next(dn)) {
            dn = myhtml_node_parent(dn);
            if (!dn || dn == html)
                break;
            dom_depth--;
            if (map_tag(myhtml_node_tag_id(dn)) == T_PRE && pre)
                pre--;
            myhtml_tree_node_t *pp = myhtml_node_parent(dn);
            cur = pp ? (nid)(uintptr_t)myhtml_node_get_data(pp) : 0;
        }
        if (!dn || dn == html)
            break;
        dn = myhtml_node_next(dn);
    }
    if (!pg->body)
        pg->body = 0;
    if (pg->mem->failed)
        return PITH_ENOMEM;
    return PITH_OK;
}
