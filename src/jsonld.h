/* jsonld.h — what a page's JSON-LD says about the article it carries.
 *
 * jsonld_read() parses the page's <script type="application/ld+json"> blobs
 * (forgiving json.c, depth 64, at most 4 MB each), resolves "@id" references
 * (Yoast-style @graph), picks the main article-like object (NewsArticle,
 * Article, BlogPosting ...; a WebPage when there is none) and gives its
 * fields as raw strings in the page arena. Cleaning, splitting and
 * precedence against the other sources are meta.c's business.
 */
#ifndef PITH_JSONLD_H
#define PITH_JSONLD_H

#include <stddef.h>

#include "arena.h"
#include "internal.h"

#define JL_MAX_NAMES 24
#define JL_MAX_KEYWORDS 48

typedef struct jl_str {
    const char *s; /* NUL-terminated, decoded UTF-8; NULL when absent */
    size_t n;
} jl_str;

typedef struct jl_info {
    int rank;                  /* 3 article-like object, 2 other creative work, 1 page, 0 none */
    jl_str type;               /* its @type (last path segment) */
    jl_str headline;           /* headline, else alternativeHeadline */
    jl_str name;               /* name (of the main object, or of the page when no headline) */
    jl_str published, modified; /* datePublished (else dateCreated / uploadDate), dateModified */
    int pub_rank;              /* rank of the object published came from (1: a page, not the article) */
    jl_str authors[JL_MAX_NAMES];
    unsigned char author_org[JL_MAX_NAMES]; /* 1 when that author is an organisation */
    unsigned char author_url[JL_MAX_NAMES]; /* 1 when only a URL was given */
    unsigned n_authors;
    jl_str section;            /* articleSection (first) */
    jl_str keywords[JL_MAX_KEYWORDS]; /* keywords as given (strings may hold commas) */
    unsigned n_keywords;
    jl_str publisher;          /* publisher.name (or the WebSite's name) */
    jl_str website;            /* name of a WebSite object */
    jl_str description;
    jl_str body;               /* articleBody (else text) of the main object */
    jl_str image;
    jl_str url;                /* url / mainEntityOfPage @id */
    jl_str lang;               /* inLanguage */
    jl_str crumbs[8];          /* BreadcrumbList item names, in order (first 8) */
    unsigned n_crumbs;
} jl_info;

/* Fill *out from the MI_JSONLD items of pg. title_hint (may be NULL) is the
 * page's og:title or <title>, used to choose between several top-level
 * articles. Allocates in pg->mem. Leaves out->rank == 0 when nothing usable. */
void jsonld_read(page *pg, const char *title_hint, size_t hint_len, jl_info *out);

#endif
