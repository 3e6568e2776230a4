/* jsonld.c — read the article's fields from a page's JSON-LD.
 *
 * Takes the MI_JSONLD items parse.c collected (raw script text, at most
 * 4 MB each) and gives a jl_info (jsonld.h): the main article-like object's
 * headline, dates, authors, section, keywords, publisher, description,
 * image, url and language, plus the page's breadcrumb trail. Handles @graph,
 * top-level arrays, several scripts, "@id" references between objects,
 * author as string / object / array / URL, and broken JSON (json.c). Walks
 * are bounded by the JSON depth limit (64) and by fixed table sizes.
 */
#include "jsonld.h"

#include <string.h>
#include <strings.h>

#include "json.h"

#define JL_DEPTH 64
#define MAX_IDS 512
#define MAX_CANDS 64

typedef struct cand {
    const json_value *obj;
    int rank;
    int nested; /* reached through a member other than @graph / mainEntity */
} cand;

typedef struct ctx {
    page *pg;
    const json_value *id_obj[MAX_IDS];
    unsigned n_ids;
    cand cands[MAX_CANDS];
    unsigned n_cands;
    const json_value *website;
    const json_value *crumbs;
} ctx;

/* ------------------------------------------------------------ helpers */

static const char *str_of(const json_value *v)
{
    return v && v->type == JSON_STRING && v->str_len ? v->str : NULL;
}

static jl_str mk(const json_value *v)
{
    jl_str r = {NULL, 0};
    if (v && v->type == JSON_STRING && v->str_len) {
        r.s = v->str;
        r.n = v->str_len;
    } else if (v && v->type == JSON_NUMBER && v->str_len) { /* epoch dates */
        r.s = v->str;
        r.n = v->str_len;
    }
    return r;
}

/* Last segment of a type name: "http://schema.org/NewsArticle" -> "NewsArticle". */
static const char *type_tail(const char *s, size_t n, size_t *len)
{
    size_t b = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '/' || s[i] == ':' || s[i] == '#')
            b = i + 1;
    *len = n - b;
    return s + b;
}

static int ends_with(const char *s, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && strncasecmp(s + n - k, suf, k) == 0;
}

static int is_word(const char *s, size_t n, const char *w)
{
    return strlen(w) == n && strncasecmp(s, w, n) == 0;
}

/* Rank of one type name: 3 article-like, 2 other creative work, 1 web page. */
static int rank_name(const char *s, size_t n)
{
    size_t tl;
    const char *t = type_tail(s, n, &tl);
    if (ends_with(t, tl, "Article") || ends_with(t, tl, "Posting") || is_word(t, tl, "Report"))
        return 3;
    static const char *const WORKS[] = {"CreativeWork", "Recipe", "Review", "VideoObject", "HowTo",
                                        "MediaObject", "Episode", "PodcastEpisode", "Event", "Movie",
                                        "Book", "Course", "Dataset", "Thesis", "Chapter"};
    for (size_t i = 0; i < sizeof WORKS / sizeof WORKS[0]; i++)
        if (is_word(t, tl, WORKS[i]))
            return 2;
    if (ends_with(t, tl, "Page"))
        return 1;
    return 0;
}

/* Does any @type of obj satisfy pred-by-name? */
static int has_type(const json_value *obj, const char *name)
{
    const json_value *t = json_get(obj, "@type");
    if (!t)
        return 0;
    if (t->type == JSON_STRING) {
        size_t tl;
        const char *x = type_tail(t->str, t->str_len, &tl);
        return is_word(x, tl, name);
    }
    if (t->type == JSON_ARRAY)
        for (const json_value *e = t->child; e; e = e->next)
            if (e->type == JSON_STRING) {
                size_t tl;
                const char *x = type_tail(e->str, e->str_len, &tl);
                if (is_word(x, tl, name))
                    return 1;
            }
    return 0;
}

static int type_rank(const json_value *obj)
{
    const json_value *t = json_get(obj, "@type");
    int r = 0;
    if (!t)
        return 0;
    if (t->type == JSON_STRING)
        return rank_name(t->str, t->str_len);
    if (t->type == JSON_ARRAY)
        for (const json_value *e = t->child; e; e = e->next)
            if (e->type == JSON_STRING) {
                int x = rank_name(e->str, e->str_len);
                if (x > r)
                    r = x;
            }
    return r;
}

static int is_org(const json_value *obj)
{
    const json_value *t = json_get(obj, "@type");
    if (!t)
        return 0;
    const json_value *e = t->type == JSON_ARRAY ? t->child : t;
    for (; e; e = t->type == JSON_ARRAY ? e->next : NULL) {
        if (e->type != JSON_STRING)
            continue;
        size_t tl;
        const char *x = type_tail(e->str, e->str_len, &tl);
        if (ends_with(x, tl, "Organization") || is_word(x, tl, "Corporation") || is_word(x, tl, "NGO") ||
            is_word(x, tl, "WebSite") || is_word(x, tl, "Brand"))
            return 1;
    }
    return 0;
}

/* ------------------------------------------------------------ walk */

static void walk(ctx *c, const json_value *v, unsigned depth, int nested)
{
    if (!v || depth > JL_DEPTH)
        return;
    if (v->type == JSON_ARRAY) {
        for (const json_value *e = v->child; e; e = e->next)
            if (e->type == JSON_ARRAY || e->type == JSON_OBJECT)
                walk(c, e, depth + 1, nested);
        return;
    }
    if (v->type != JSON_OBJECT)
        return;
    const json_value *id = json_get(v, "@id");
    if (id && id->type == JSON_STRING && id->str_len && v->count > 1 && c->n_ids < MAX_IDS)
        c->id_obj[c->n_ids++] = v;
    int r = type_rank(v);
    if (r && c->n_cands < MAX_CANDS) {
        c->cands[c->n_cands].obj = v;
        c->cands[c->n_cands].rank = r;
        c->cands[c->n_cands].nested = nested;
        c->n_cands++;
    }
    if (!c->website && has_type(v, "WebSite"))
        c->website = v;
    if (!c->crumbs && has_type(v, "BreadcrumbList"))
        c->crumbs = v;
    for (const json_value *m = v->child; m; m = m->next) {
        if (m->type != JSON_ARRAY && m->type != JSON_OBJECT)
            continue;
        int keep = m->key && (!strcmp(m->key, "@graph") || !strcmp(m->key, "mainEntity"));
        walk(c, m, depth + 1, keep ? nested : 1);
    }
}

/* An object that only names another by @id: the object it names (one step). */
static const json_value *deref(const ctx *c, const json_value *v)
{
    if (!v || v->type != JSON_OBJECT)
        return v;
    const json_value *id = json_get(v, "@id");
    if (!id || id->type != JSON_STRING || !id->str_len)
        return v;
    if (json_get(v, "name") || json_get(v, "headline"))
        return v;
    for (unsigned i = 0; i < c->n_ids; i++) {
        const json_value *o = c->id_obj[i];
        const json_value *oid = json_get(o, "@id");
        if (o != v && oid->str_len == id->str_len && memcmp(oid->str, id->str, id->str_len) == 0)
            return o;
    }
    return v;
}

/* ------------------------------------------------------------ fields */

static jl_str name_of(const ctx *c, const json_value *v)
{
    jl_str r = {NULL, 0};
    v = deref(c, v);
    if (!v)
        return r;
    if (v->type == JSON_STRING)
        return mk(v);
    if (v->type == JSON_ARRAY)
        return name_of(c, v->child && v->child->type != JSON_ARRAY ? v->child : NULL);
    if (v->type != JSON_OBJECT)
        return r;
    const json_value *n = json_get(v, "name");
    if (n && n->type == JSON_ARRAY)
        n = n->child;
    if (n && n->type == JSON_OBJECT) /* {"@value": ...} */
        n = json_get(n, "@value");
    return mk(n);
}

static void add_author(jl_info *out, jl_str s, int org, int url)
{
    if (!s.s || out->n_authors >= JL_MAX_NAMES)
        return;
    out->authors[out->n_authors] = s;
    out->author_org[out->n_authors] = (unsigned char)org;
    out->author_url[out->n_authors] = (unsigned char)url;
    out->n_authors++;
}

static int looks_url(const char *s, size_t n)
{
    if (n >= 4 && (strncasecmp(s, "http", 4) == 0 || s[0] == '/'))
        return 1;
    for (size_t i = 0; i + 2 < n; i++)
        if (s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/')
            return 1;
    return 0;
}

static void read_person(ctx *c, jl_info *out, const json_value *v, int in_array)
{
    v = deref(c, v);
    if (!v)
        return;
    if (v->type == JSON_STRING) {
        jl_str s = mk(v);
        if (s.s)
            add_author(out, s, 0, looks_url(s.s, s.n));
        return;
    }
    if (v->type == JSON_ARRAY && !in_array) {
        for (const json_value *e = v->child; e; e = e->next)
            read_person(c, out, e, 1);
        return;
    }
    if (v->type != JSON_OBJECT)
        return;
    int org = is_org(v);
    const json_value *n = json_get(v, "name");
    if (n && n->type == JSON_ARRAY) {
        for (const json_value *e = n->child; e; e = e->next)
            if (str_of(e))
                add_author(out, mk(e), org, 0);
        return;
    }
    jl_str s = name_of(c, v);
    if (s.s) {
        add_author(out, s, org, 0);
        return;
    }
    const char *g = str_of(json_get(v, "givenName")), *f = str_of(json_get(v, "familyName"));
    if (g || f) {
        size_t gl = g ? strlen(g) : 0, fl = f ? strlen(f) : 0;
        char *b = arena_alloc(c->pg->mem, gl + fl + 2);
        if (!b)
            return;
        size_t k = 0;
        if (g) {
            memcpy(b, g, gl);
            k = gl;
        }
        if (g && f)
            b[k++] = ' ';
        if (f) {
            memcpy(b + k, f, fl);
            k += fl;
        }
        b[k] = '\0';
        jl_str r = {b, k};
        add_author(out, r, org, 0);
        return;
    }
    const json_value *u = json_get(v, "url");
    if (!str_of(u))
        u = json_get(v, "@id");
    if (str_of(u))
        add_author(out, mk(u), org, 1);
}

static jl_str image_of(const ctx *c, const json_value *v, unsigned depth)
{
    jl_str r = {NULL, 0};
    v = deref(c, v);
    if (!v || depth > 3)
        return r;
    if (v->type == JSON_STRING)
        return mk(v);
    if (v->type == JSON_ARRAY)
        return image_of(c, v->child, depth + 1);
    if (v->type == JSON_OBJECT) {
        r = mk(json_get(v, "url"));
        if (!r.s)
            r = mk(json_get(v, "contentUrl"));
        if (!r.s) {
            const json_value *id = json_get(v, "@id");
            if (str_of(id) && looks_url(id->str, id->str_len) && !strchr(id->str, '#'))
                r = mk(id);
        }
    }
    return r;
}

static jl_str url_of(const ctx *c, const json_value *v)
{
    jl_str r = {NULL, 0};
    v = deref(c, v);
    if (!v)
        return r;
    if (v->type == JSON_STRING)
        return mk(v);
    if (v->type == JSON_OBJECT) {
        r = mk(json_get(v, "url"));
        if (!r.s)
            r = mk(json_get(v, "@id"));
    }
    return r;
}

static jl_str lang_of(const json_value *v)
{
    if (v && v->type == JSON_OBJECT) {
        jl_str r = mk(json_get(v, "alternateName"));
        return r.s ? r : mk(json_get(v, "name"));
    }
    if (v && v->type == JSON_ARRAY)
        v = v->child;
    return mk(v);
}

static void read_keywords(jl_info *out, const json_value *v)
{
    if (!v)
        return;
    if (v->type == JSON_STRING) {
        if (v->str_len && out->n_keywords < JL_MAX_KEYWORDS)
            out->keywords[out->n_keywords++] = mk(v);
        return;
    }
    if (v->type == JSON_ARRAY)
        for (const json_value *e = v->child; e && out->n_keywords < JL_MAX_KEYWORDS; e = e->next) {
            if (e->type == JSON_OBJECT)
                e = json_get(e, "name");
            if (e && e->type == JSON_STRING && e->str_len)
                out->keywords[out->n_keywords++] = mk(e);
            if (!e)
                break;
        }
}

static void read_crumbs(const ctx *c, jl_info *out)
{
    const json_value *list = json_get(c->crumbs, "itemListElement");
    if (!list || list->type != JSON_ARRAY)
        return;
    for (const json_value *e = list->child; e && out->n_crumbs < 8; e = e->next) {
        const json_value *it = deref(c, e);
        if (!it || it->type != JSON_OBJECT)
            continue;
        jl_str s = mk(json_get(it, "name"));
        if (!s.s) {
            const json_value *item = deref(c, json_get(it, "item"));
            if (item && item->type == JSON_OBJECT)
                s = mk(json_get(item, "name"));
        }
        if (s.s)
            out->crumbs[out->n_crumbs++] = s;
    }
}

/* Case- and punctuation-blind "does hint contain s" for choosing between articles. */
static int fuzzy_in(const char *s, size_t n, const char *hint, size_t hn)
{
    char a[256], b[512];
    size_t la = 0, lb = 0;
    for (size_t i = 0; i < n && la < sizeof a; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || ch >= 0x80)
            a[la++] = (char)ch;
        else if (ch >= 'A' && ch <= 'Z')
            a[la++] = (char)(ch + 32);
    }
    for (size_t i = 0; i < hn && lb < sizeof b; i++) {
        unsigned char ch = (unsigned char)hint[i];
        if ((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || ch >= 0x80)
            b[lb++] = (char)ch;
        else if (ch >= 'A' && ch <= 'Z')
            b[lb++] = (char)(ch + 32);
    }
    if (la < 8 || la > lb)
        return 0;
    for (size_t i = 0; i + la <= lb; i++)
        if (memcmp(b + i, a, la) == 0)
            return 1;
    return 0;
}

/* ------------------------------------------------------------ entry */

void jsonld_read(page *pg, const char *title_hint, size_t hint_len, jl_info *out)
{
    memset(out, 0, sizeof *out);
    ctx *c = arena_calloc(pg->mem, 1, sizeof *c);
    if (!c)
        return;
    c->pg = pg;
    int any = 0;
    for (uint32_t i = 0; i < pg->n_meta; i++) {
        const meta_item *m = &pg->meta[i];
        if (m->kind != MI_JSONLD || !m->value || !m->value_len)
            continue;
        json_value *root = json_parse(pg->mem, m->value, m->value_len, JL_DEPTH);
        if (!root)
            continue;
        any = 1;
        walk(c, root, 0, 0);
    }
    if (!any)
        return;

    /* main object: a top-level article (matching the title when there are
     * several), else a top-level creative work, else a top-level page, else
     * the only nested article */
    const json_value *main = NULL, *pagev = NULL;
    int best = -1;
    unsigned nested_articles = 0;
    const json_value *nested_one = NULL;
    for (unsigned i = 0; i < c->n_cands; i++) {
        const cand *k = &c->cands[i];
        if (k->nested) {
            if (k->rank == 3) {
                nested_articles++;
                nested_one = k->obj;
            }
            continue;
        }
        if (k->rank == 1 && !pagev)
            pagev = k->obj;
        int s = k->rank * 4;
        if (k->rank >= 2 && title_hint) {
            jl_str h = mk(json_get(k->obj, "headline"));
            if (!h.s)
                h = mk(json_get(k->obj, "name"));
            if (h.s && fuzzy_in(h.s, h.n, title_hint, hint_len))
                s += 2;
        }
        if (k->rank >= 2 && json_get(k->obj, "datePublished"))
            s += 1;
        if (s > best) {
            best = s;
            main = k->obj;
        }
    }
    if (!main && nested_articles == 1)
        main = nested_one;
    if (!main && !c->website && !c->crumbs)
        return;
    if (c->crumbs)
        read_crumbs(c, out);
    if (c->website) {
        out->website = mk(json_get(c->website, "name"));
        if (!out->lang.s)
            out->lang = lang_of(json_get(c->website, "inLanguage"));
    }
    if (!main)
        return;
    out->rank = type_rank(main);
    {
        const json_value *t = json_get(main, "@type");
        if (t && t->type == JSON_ARRAY)
            t = t->child;
        if (t && t->type == JSON_STRING)
            out->type.s = type_tail(t->str, t->str_len, &out->type.n);
    }
    /* the page object describing main, for fields main leaves out */
    const json_value *mp = deref(c, json_get(main, "mainEntityOfPage"));
    if (mp && mp->type == JSON_OBJECT && type_rank(mp) == 1)
        pagev = mp;
    if (pagev == main)
        pagev = NULL;

    out->headline = mk(json_get(main, "headline"));
    if (!out->headline.s)
        out->headline = mk(json_get(main, "alternativeHeadline"));
    out->name = name_of(c, json_get(main, "name"));

    out->published = mk(json_get(main, "datePublished"));
    if (!out->published.s)
        out->published = mk(json_get(main, "dateCreated"));
    if (!out->published.s)
        out->published = mk(json_get(main, "uploadDate"));
    out->pub_rank = out->rank;
    if (!out->published.s && pagev) {
        out->published = mk(json_get(pagev, "datePublished"));
        out->pub_rank = 1;
    }
    out->modified = mk(json_get(main, "dateModified"));
    if (!out->modified.s && pagev)
        out->modified = mk(json_get(pagev, "dateModified"));

    const json_value *au = json_get(main, "author");
    if (!au)
        au = json_get(main, "creator");
    if (!au && pagev)
        au = json_get(pagev, "author");
    if (au)
        read_person(c, out, au, 0);

    const json_value *sec = json_get(main, "articleSection");
    if (sec && sec->type == JSON_ARRAY)
        sec = sec->child;
    out->section = mk(sec);

    read_keywords(out, json_get(main, "keywords"));
    if (!out->n_keywords && pagev)
        read_keywords(out, json_get(pagev, "keywords"));

    const json_value *pub = json_get(main, "publisher");
    if (!pub && pagev)
        pub = json_get(pagev, "publisher");
    if (pub && pub->type == JSON_ARRAY)
        pub = pub->child;
    if (pub)
        out->publisher = name_of(c, pub);
    if (!out->publisher.s && pagev) {
        const json_value *ip = deref(c, json_get(pagev, "isPartOf"));
        if (ip && ip->type == JSON_OBJECT && has_type(ip, "WebSite"))
            out->publisher = mk(json_get(ip, "name"));
    }

    out->description = mk(json_get(main, "description"));
    out->body = mk(json_get(main, "articleBody"));
    if (!out->body.s)
        out->body = mk(json_get(main, "text"));
    if (!out->description.s && pagev)
        out->description = mk(json_get(pagev, "description"));

    out->image = image_of(c, json_get(main, "image"), 0);
    if (!out->image.s)
        out->image = mk(json_get(main, "thumbnailUrl"));
    if (!out->image.s && pagev)
        out->image = image_of(c, json_get(pagev, "primaryImageOfPage"), 0);

    out->url = url_of(c, json_get(main, "mainEntityOfPage"));
    if (!out->url.s || !looks_url(out->url.s, out->url.n))
        out->url = mk(json_get(main, "url"));

    jl_str l = lang_of(json_get(main, "inLanguage"));
    if (!l.s && pagev)
        l = lang_of(json_get(pagev, "inLanguage"));
    if (l.s)
        out->lang = l;
}
