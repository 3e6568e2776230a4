/* internal.h — the structures the pipeline stages share.
 *
 * Pipeline (one file per stage, run in this order by pith.c):
 *   charset.c   bytes -> UTF-8 (BOM, hint, meta prescan, detection)
 *   prescan.c   nesting beyond the limits removed before the tree builder sees it
 *   parse.c     UTF-8 -> MyHTML DOM -> pith's node tree (the only MyHTML user
 *               besides the prescan); collects head metadata on the way
 *   features.c  bottom-up aggregates per node (text, links, punctuation, stopwords)
 *   score.c     main-content selection: marks the chosen region
 *   clean.c     furniture removal inside the region: marks removed nodes
 *   blocks.c    region -> output blocks in reading order (the doc's body)
 *   meta.c      record fields from head, JSON-LD, microdata, byline, URL, text
 *   textmode.c  already-scraped text -> the same doc (no DOM)
 *   render*.c   doc -> text, Markdown, JSON, HTML
 * Everything after parse.c is independent of the HTML parser.
 */
#ifndef PITH_INTERNAL_H
#define PITH_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "pith.h"
#include "arena.h"
#include "buf.h"

/* ------------------------------------------------------------ tags */

/* The element kinds pith distinguishes. Everything else maps to T_OTHER
 * (unknown or custom elements: treated as generic containers). */
typedef enum tag {
    T_NONE = 0, T_TEXT, T_ROOT, T_OTHER,
    /* containers */
    T_DIV, T_SECTION, T_ARTICLE, T_MAIN, T_HEADER, T_FOOTER, T_NAV, T_ASIDE, T_FORM,
    T_BODY, T_HTML, T_CENTER, T_SPAN_BLOCK_UNUSED,
    /* text blocks */
    T_P, T_H1, T_H2, T_H3, T_H4, T_H5, T_H6, T_PRE, T_BLOCKQUOTE, T_ADDRESS,
    T_UL, T_OL, T_LI, T_DL, T_DT, T_DD, T_MENU,
    T_TABLE, T_THEAD, T_TBODY, T_TFOOT, T_TR, T_TD, T_TH, T_CAPTION,
    T_FIGURE, T_FIGCAPTION, T_DETAILS, T_SUMMARY, T_HR, T_BR,
    /* inline */
    T_A, T_SPAN, T_B, T_STRONG, T_I, T_EM, T_U, T_S, T_SMALL, T_SUB, T_SUP, T_MARK,
    T_CODE, T_Q, T_CITE, T_ABBR, T_TIME, T_FONT, T_LABEL, T_INLINE_OTHER, T_IMG,
    T_BUTTON,
    /* dropped with their content */
    T_SCRIPT, T_STYLE, T_NOSCRIPT, T_TEMPLATE, T_SVG, T_MATH, T_IFRAME, T_OBJECT,
    T_SELECT, T_TEXTAREA, T_INPUT, T_HEAD, T_TITLE, T_META, T_LINK, T_CANVAS,
    T_VIDEO, T_AUDIO, T_MAP, T_DIALOG,
    T_COUNT
} tag;

/* Tag classes (tag_class() in parse.c). */
#define TC_BLOCK 0x01u     /* starts a new output block */
#define TC_INLINE 0x02u    /* flows inside a block */
#define TC_DROP 0x04u      /* never visible text */
#define TC_HEADING 0x08u
#define TC_LIST 0x10u
#define TC_TABLE 0x20u     /* table structure */
#define TC_PARA 0x40u      /* paragraph-like text holder (p, pre, td, blockquote, li, dd) */
#define TC_CONTAINER 0x80u /* generic container (div, section, article ...) */

unsigned tag_class(tag t);
const char *tag_name(tag t);

/* ------------------------------------------------------------ hints */

/* What class/id/role/itemprop/attributes say about an element (parse.c). */
#define H_NEG 0x00000001u       /* boilerplate-ish name: sidebar, widget, footer, menu ... */
#define H_POS 0x00000002u       /* content-ish name: article, content, entry, post, story ... */
#define H_COMMENT 0x00000004u   /* comments */
#define H_SHARE 0x00000008u     /* share / social bars */
#define H_RELATED 0x00000010u   /* related, read also, more, recommended, popular */
#define H_AD 0x00000020u        /* ads, sponsored, promo */
#define H_NAV 0x00000040u       /* navigation, menu, breadcrumb, pagination */
#define H_HIDDEN 0x00000080u    /* hidden, display:none, aria-hidden */
#define H_BODY 0x00000100u      /* itemprop=articleBody or articleBody-like names */
#define H_BYLINE 0x00000200u    /* author / byline */
#define H_META 0x00000400u      /* date, meta info line, tags */
#define H_COOKIE 0x00000800u    /* cookie / consent / gdpr */
#define H_SUBSCRIBE 0x00001000u /* newsletter, subscribe, paywall, signup */
#define H_CAPTION 0x00002000u   /* caption, credit */
#define H_TITLEISH 0x00004000u  /* headline / title names */
#define H_LEAD 0x00008000u      /* lead, standfirst, summary, intro */
#define H_SKIPLINK 0x00010000u  /* skip links, screen-reader only text */
#define H_ROLE_MAIN 0x00020000u /* role=main, or <main> */
#define H_ROLE_NAV 0x00040000u  /* role=navigation/banner/contentinfo/complementary */
#define H_TAGS 0x00080000u      /* tag clouds, keywords */
#define H_AUTHORBOX 0x00100000u /* author bio boxes */
#define H_LINKY 0x00200000u     /* element is a link-only teaser (set by features) */
#define H_FURNITURE_TEXT 0x00400000u /* its own text is a furniture phrase (set by features) */
#define H_WEAKNEG 0x00800000u   /* weakly boilerplate names (widget, tools, print): cleaning only */
#define H_MAYBE 0x01000000u     /* names that keep an element a candidate (column, shadow) */
#define H_FOOTER 0x02000000u    /* footer names (also H_NEG): inside an article, its end matter */

/* ------------------------------------------------------------ node tree */

typedef uint32_t nid; /* node index; 0 = none (node 0 is the root) */

typedef struct node {
    nid parent, first, last, next; /* tree links */
    uint16_t tag;                  /* enum tag */
    uint16_t depth;                /* 0 for the root */
    uint32_t hints;                /* H_* */
    uint32_t text_off, text_len;   /* T_TEXT: slice of page->text (whitespace-collapsed) */
    uint32_t attr;                 /* first of this element's kept attributes in page->attrs */
    uint8_t n_attr;                /* how many (0 = none) */
    /* aggregates over the subtree (features.c) */
    uint32_t chars;      /* visible characters (code points) */
    uint32_t link_chars; /* characters inside <a> */
    uint32_t punct;      /* sentence punctuation: . , ; : ! ? and their CJK forms */
    uint32_t words, stopwords;
    uint32_t paras;      /* paragraph-like descendants with real text */
    uint32_t links;      /* <a> elements */
    uint32_t blocks;     /* block-level descendants */
    uint16_t lis, imgs, inputs, ps; /* <li>, <img>, form controls, <p> below (saturating) */
    uint32_t inl_chars, inl_link, inl_punct; /* own inline text: not inside a child block */
    /* selection (score.c / clean.c) */
    float score;
    uint8_t mark;        /* MARK_* */
} node;

#define MARK_NONE 0
#define MARK_REMOVED 1   /* removed by clean.c (with its subtree) */
#define MARK_COMMENTS 2  /* comment region (kept separately with PITH_OPT_COMMENTS) */

/* Attributes pith keeps (for links, images, metadata). */
typedef enum attr_kind {
    A_HREF = 0, A_SRC, A_ALT, A_DATETIME, A_CONTENT, A_NAME, A_PROPERTY, A_ITEMPROP, A_REL,
    A_TYPE, A_LANG, A_CHARSET, A_HTTP_EQUIV, A_ITEMTYPE, A_CLASS, A_ID, A_TITLE, A_COUNT
} attr_kind;

typedef struct attr_entry {
    const char *v;   /* NUL-terminated value in the page arena */
    uint32_t len;
    uint8_t kind;    /* attr_kind */
} attr_entry;

/* Head and structured-data items collected while building the tree. */
typedef struct meta_item {
    uint8_t kind;          /* MI_* */
    const char *key;       /* name/property/itemprop (lower-cased) or rel */
    const char *value;     /* content / href / text */
    uint32_t key_len, value_len;
    nid node;              /* the element it came from */
} meta_item;

#define MI_META 1     /* <meta name|property|itemprop=... content=...> */
#define MI_LINK 2     /* <link rel=... href=...> */
#define MI_JSONLD 3   /* <script type=application/ld+json> text */
#define MI_TITLE 4    /* <title> text */
#define MI_HTMLLANG 5 /* <html lang> */
#define MI_ITEMPROP 6 /* element with itemprop (value = content/datetime/href or text later) */
#define MI_TIME 7     /* <time datetime> */

/* One page being processed: lives in the extractor's scratch arena. */
typedef struct page {
    arena *mem;              /* scratch arena (reset per page) */
    const pith_options *opt;
    /* decoded input */
    const char *html;        /* UTF-8 */
    size_t html_len;
    const char *url;
    int64_t ref_time;
    int ref_given;           /* the caller gave ref_time (else it is the clock) */
    char charset[32];
    /* tree */
    node *nodes;
    uint32_t n_nodes, cap_nodes;
    char *text;              /* all text, whitespace-collapsed, node slices point here */
    size_t text_len, text_cap;
    attr_entry *attrs;       /* kept attributes, each element's in a run */
    uint32_t n_attrs, cap_attrs;
    meta_item *meta;
    uint32_t n_meta, cap_meta;
    nid body;                /* <body> node or the root */
    nid title_node;          /* main h1 if found */
    unsigned max_depth_seen;
    unsigned truncated;      /* pith_stats.truncated bits (1 depth, 2 nodes, 4 attrs, 8 budget, 16 formatting) */
    /* selection result */
    nid top;                 /* chosen region root, 0 = nothing */
    nid *sel;                /* selected roots in document order (top and kept siblings) */
    uint32_t n_sel;
    nid comments;            /* comment region, 0 = none */
    const char *ld_body;     /* JSON-LD articleBody (meta.c), NULL when none */
    size_t ld_body_len;
    uint32_t body_chars;     /* visible characters in <body> */
    const char *lang;        /* language hint (html lang or detected), may be NULL */
    struct hint_slot *hint_slots; /* parse.c's cache of class/id hints (the parser's) */
    /* budget */
    struct timespec deadline;
    int has_deadline;
    int timed_out;
} page;

/* ------------------------------------------------------------ doc */

typedef struct field_value {
    const char *v;
    size_t len;
    const char *source; /* static string */
} field_value;

typedef struct str_list {
    const char **items;
    size_t *lens;
    size_t n, cap;
    const char *source;
} str_list;

typedef struct out_block {
    pith_block_kind kind;
    pith_part part;
    unsigned level, flags;
    const char *text;
    size_t len;
    uint32_t link_bytes;  /* bytes of text that came from inside <a> (HTML mode) */
    uint8_t by_name;      /* a caption recognised by class name (photo credits), not <figcaption> */
} out_block;

struct pith_doc {
    arena mem;                  /* owns everything below */
    pith_status status;
    const char *message;
    field_value f[PITH_FIELD_COUNT];
    str_list lists[PITH_LIST_COUNT];
    out_block *blocks;
    size_t n_blocks, cap_blocks;
    const char *text;           /* joined body text (captions named by class left out) */
    size_t text_len;
    pith_stats stats;
};

/* ------------------------------------------------------------ stage API */

/* charset.c: decode in->data to UTF-8 into the page arena. */
pith_status charset_decode(page *pg, const pith_input *in, const char **out, size_t *out_len);
/* utf8 helpers (utf8.c) */
size_t utf8_valid_prefix(const char *s, size_t n);
/* Append s[0..n) to b replacing invalid sequences by U+FFFD. */
void utf8_repair(buf *b, const char *s, size_t n);
/* Decode one code point at s (n > 0); sets *adv; invalid -> 0xFFFD with *adv = 1. */
uint32_t utf8_decode(const unsigned char *s, size_t n, size_t *adv);
size_t utf8_encode(uint32_t cp, char *out);
/* Number of code points (non-continuation bytes). */
size_t utf8_count(const char *s, size_t n);
/* Lower-case fold into out (ASCII, Latin-1, Cyrillic, Greek); returns bytes written (<= 2*n). */
size_t utf8_fold(const char *s, size_t n, char *out, size_t out_cap);

/* prescan.c: drop tags nesting beyond max_depth / max_formatting before parsing;
 * with writable, html[0..n] (NUL included) is the page's own copy and may be
 * rewritten in place. */
pith_status prescan_limit(page *pg, const char *html, size_t n, int writable, const char **out, size_t *out_n);

/* parse.c: build the node tree from pg->html. The parser handle lives in the extractor. */
typedef struct parser parser;
parser *parser_new(void);
void parser_free(parser *p);
pith_status parse_page(parser *p, page *pg);

/* features.c */
void features_compute(page *pg);
int text_is_furniture_phrase(const char *s, size_t n);

/* score.c */
void score_select(page *pg);

/* clean.c */
void clean_region(page *pg);

/* blocks.c: build doc blocks from the region; returns 0 on success. */
int blocks_emit(page *pg, pith_doc *doc);
/* blocks.c: drop boilerplate blocks at the edges of the body (copyright
 * lines, link lists, furniture phrases, lines without a sentence). */
void blocks_trim_edges(pith_doc *doc, int64_t ref_time);
/* Photo credits cut from captions and short paragraphs (blocks.c). */
void blocks_strip_credits(pith_doc *doc);
int doc_add_block(pith_doc *doc, pith_block_kind kind, pith_part part, unsigned level, unsigned flags,
                  const char *text, size_t len);
int doc_finish_text(pith_doc *doc);

/* meta.c */
void meta_extract(page *pg, pith_doc *doc);
int doc_set_field(pith_doc *doc, pith_field f, const char *v, size_t len, const char *source);
int doc_list_add(pith_doc *doc, pith_list l, const char *v, size_t len, const char *source);

/* textmode.c */
pith_status textmode_extract(page *pg, const char *text, size_t len, pith_doc *doc);

/* render.c */
pith_status render_doc(const pith_doc *doc, pith_format fmt, unsigned flags, buf *out);

/* budget (pith.c) */
int budget_exceeded(page *pg);

/* helpers */
static inline const char *node_text(const page *pg, const node *n) { return pg->text + n->text_off; }
static inline const char *node_attr_len(const page *pg, const node *n, attr_kind k, uint32_t *len)
{
    for (uint32_t i = n->attr; i < n->attr + n->n_attr; i++)
        if (pg->attrs[i].kind == k) {
            if (len)
                *len = pg->attrs[i].len;
            return pg->attrs[i].v;
        }
    return NULL;
}
static inline const char *node_attr(const page *pg, const node *n, attr_kind k)
{
    return node_attr_len(pg, n, k, NULL);
}

#endif
