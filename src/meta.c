/* meta.c — record fields from the page's metadata (minimal first version).
 *
 * Takes the meta items parse.c collected and the node tree; sets doc fields
 * with their sources. This version reads title (og:title, <title>, <h1>),
 * html lang, canonical URL, description and site name; the full precedence
 * rules (JSON-LD, dates, authors) replace it.
 */
#include "internal.h"

#include <string.h>

static const meta_item *find_meta(const page *pg, uint8_t kind, const char *key)
{
    for (uint32_t i = 0; i < pg->n_meta; i++) {
        const meta_item *m = &pg->meta[i];
        if (m->kind == kind && (!key || (m->key && strcmp(m->key, key) == 0)) && m->value && m->value_len)
            return m;
    }
    return NULL;
}

static void trim_set(pith_doc *doc, pith_field f, const char *v, size_t n, const char *src)
{
    while (n && (*v == ' ' || *v == '\n' || *v == '\t' || *v == '\r'))
        v++, n--;
    while (n && (v[n - 1] == ' ' || v[n - 1] == '\n' || v[n - 1] == '\t' || v[n - 1] == '\r'))
        n--;
    if (n)
        doc_set_field(doc, f, v, n, src);
}

void meta_extract(page *pg, pith_doc *doc)
{
    const meta_item *m;
    if ((m = find_meta(pg, MI_META, "og:title")))
        trim_set(doc, PITH_FIELD_TITLE, m->value, m->value_len, "opengraph");
    else if ((m = find_meta(pg, MI_TITLE, NULL)))
        trim_set(doc, PITH_FIELD_TITLE, m->value, m->value_len, "html");
    if ((m = find_meta(pg, MI_HTMLLANG, NULL)))
        trim_set(doc, PITH_FIELD_LANGUAGE, m->value, m->value_len, "html");
    if ((m = find_meta(pg, MI_LINK, "canonical")))
        trim_set(doc, PITH_FIELD_CANONICAL_URL, m->value, m->value_len, "html");
    if ((m = find_meta(pg, MI_META, "og:description")) || (m = find_meta(pg, MI_META, "description")))
        trim_set(doc, PITH_FIELD_LEAD, m->value, m->value_len, m->key[0] == 'o' ? "opengraph" : "meta");
    if ((m = find_meta(pg, MI_META, "og:site_name")))
        trim_set(doc, PITH_FIELD_SITE_NAME, m->value, m->value_len, "opengraph");
}
