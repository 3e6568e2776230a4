/* render_json.c — the record as one JSON object on one line.
 *
 * Every key is always present (null or [] when absent) so that consumers
 * see one schema: status, url, title, authors, published, modified, section,
 * tags, site_name, language, lead, canonical_url, image, sources, charset,
 * text, field_sources (where each field came from), blocks (unless
 * PITH_RENDER_NO_BLOCKS), comments (text of the comment blocks, when kept).
 * A failed doc adds "error" (the status name) and "message". Output is valid
 * UTF-8 and valid JSON whatever the page contained (json_write_string).
 */
#include "render.h"
#include "json.h"

#include <string.h>

static const char *const KIND_NAMES[PITH_BLOCK_KIND_COUNT] = {
    "paragraph", "heading", "list_item", "quote", "code", "table_row", "caption",
};

static void key(buf *out, const char *k, int *first)
{
    if (!*first)
        buf_putc(out, ',');
    *first = 0;
    buf_putc(out, '"');
    buf_puts(out, k);
    buf_puts(out, "\":");
}

static void field(const pith_doc *doc, pith_field f, buf *out, int *first)
{
    key(out, pith_field_name(f), first);
    if (doc->f[f].v)
        json_write_string(out, doc->f[f].v, doc->f[f].len);
    else
        buf_puts(out, "null");
}

static void list(const pith_doc *doc, pith_list l, buf *out, int *first)
{
    key(out, pith_list_name(l), first);
    buf_putc(out, '[');
    for (size_t i = 0; i < doc->lists[l].n; i++) {
        if (i)
            buf_putc(out, ',');
        json_write_string(out, doc->lists[l].items[i], doc->lists[l].lens[i]);
    }
    buf_putc(out, ']');
}

void render_json(const pith_doc *doc, unsigned flags, buf *out)
{
    int first = 1;
    buf_putc(out, '{');
    key(out, "status", &first);
    if (doc->status == PITH_OK) {
        buf_puts(out, "\"ok\"");
    } else {
        json_write_string(out, pith_status_name(doc->status), strlen(pith_status_name(doc->status)));
        key(out, "error", &first);
        json_write_string(out, pith_status_name(doc->status), strlen(pith_status_name(doc->status)));
        key(out, "message", &first);
        json_write_string(out, doc->message, strlen(doc->message));
    }
    field(doc, PITH_FIELD_URL, out, &first);
    field(doc, PITH_FIELD_TITLE, out, &first);
    list(doc, PITH_LIST_AUTHORS, out, &first);
    field(doc, PITH_FIELD_PUBLISHED, out, &first);
    field(doc, PITH_FIELD_MODIFIED, out, &first);
    field(doc, PITH_FIELD_SECTION, out, &first);
    list(doc, PITH_LIST_TAGS, out, &first);
    field(doc, PITH_FIELD_SITE_NAME, out, &first);
    field(doc, PITH_FIELD_LANGUAGE, out, &first);
    field(doc, PITH_FIELD_LEAD, out, &first);
    field(doc, PITH_FIELD_CANONICAL_URL, out, &first);
    field(doc, PITH_FIELD_IMAGE, out, &first);
    list(doc, PITH_LIST_SOURCES, out, &first);
    field(doc, PITH_FIELD_CHARSET, out, &first);
    key(out, "text", &first);
    json_write_string(out, doc->text ? doc->text : "", doc->text ? doc->text_len : 0);
    key(out, "field_sources", &first);
    buf_putc(out, '{');
    int ff = 1;
    for (int f = 0; f < PITH_FIELD_COUNT; f++) {
        if (!doc->f[f].v || !doc->f[f].source || f == PITH_FIELD_URL || f == PITH_FIELD_CHARSET)
            continue;
        key(out, pith_field_name((pith_field)f), &ff);
        json_write_string(out, doc->f[f].source, strlen(doc->f[f].source));
    }
    for (int l = 0; l < PITH_LIST_COUNT; l++) {
        if (!doc->lists[l].n || !doc->lists[l].source)
            continue;
        key(out, pith_list_name((pith_list)l), &ff);
        json_write_string(out, doc->lists[l].source, strlen(doc->lists[l].source));
    }
    buf_putc(out, '}');
    if (!(flags & PITH_RENDER_NO_BLOCKS)) {
        key(out, "blocks", &first);
        buf_putc(out, '[');
        int bf = 1;
        for (size_t i = 0; i < doc->n_blocks; i++) {
            const out_block *b = &doc->blocks[i];
            if (b->part != PITH_PART_BODY)
                continue;
            if (!bf)
                buf_putc(out, ',');
            bf = 0;
            buf_puts(out, "{\"kind\":\"");
            buf_puts(out, KIND_NAMES[b->kind]);
            buf_putc(out, '"');
            if (b->level)
                buf_printf(out, ",\"level\":%u", b->level);
            if (b->flags & PITH_BLOCK_ORDERED)
                buf_puts(out, ",\"ordered\":true");
            if (b->flags & PITH_BLOCK_HEADER)
                buf_puts(out, ",\"header\":true");
            buf_puts(out, ",\"text\":");
            json_write_string(out, b->text, b->len);
            buf_putc(out, '}');
        }
        buf_putc(out, ']');
    }
    key(out, "comments", &first);
    buf_putc(out, '[');
    int cf = 1;
    for (size_t i = 0; i < doc->n_blocks; i++) {
        const out_block *b = &doc->blocks[i];
        if (b->part != PITH_PART_COMMENTS)
            continue;
        if (!cf)
            buf_putc(out, ',');
        cf = 0;
        json_write_string(out, b->text, b->len);
    }
    buf_puts(out, "]}");
}

char *pith_error_json(pith_status s, const char *message, const char *url, const char *extra)
{
    buf b = BUF_INIT;
    buf_puts(&b, "{\"status\":");
    json_write_string(&b, pith_status_name(s), strlen(pith_status_name(s)));
    buf_puts(&b, ",\"error\":");
    json_write_string(&b, pith_status_name(s), strlen(pith_status_name(s)));
    buf_puts(&b, ",\"message\":");
    const char *m = message ? message : pith_status_message(s);
    json_write_string(&b, m, strlen(m));
    buf_puts(&b, ",\"url\":");
    if (url)
        json_write_string(&b, url, strlen(url));
    else
        buf_puts(&b, "null");
    if (extra && *extra) {
        buf_putc(&b, ',');
        buf_puts(&b, extra);
    }
    buf_putc(&b, '}');
    return buf_detach(&b, NULL);
}
