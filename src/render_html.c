/* render_html.c — a clean, minimal HTML5 document: the title as <h1>, then
 * the blocks as h2..h6, p, ul/ol (nested by level), blockquote, pre,
 * table (consecutive rows grouped, header rows as th), figcaption. Comments,
 * when kept and asked for, follow in <section class="comments">. */
#include "render.h"

#include <string.h>

static void open_lists(buf *out, unsigned *depth, unsigned want, unsigned ordered, unsigned *stack)
{
    while (*depth > want) {
        (*depth)--;
        buf_puts(out, stack[*depth] ? "</li></ol>" : "</li></ul>");
    }
    while (*depth < want && *depth < 32) {
        buf_puts(out, ordered ? "<ol><li>" : "<ul><li>");
        stack[*depth] = ordered;
        (*depth)++;
    }
}

static void html_blocks(const pith_doc *doc, pith_part part, buf *out)
{
    unsigned depth = 0, stack[32] = {0};
    int in_table = 0;
    for (size_t i = 0; i < doc->n_blocks; i++) {
        const out_block *b = &doc->blocks[i];
        if (b->part != part)
            continue;
        if (in_table && (b->kind != PITH_BLOCK_TABLE_ROW || (b->flags & PITH_BLOCK_TABLE_START))) {
            buf_puts(out, "</table>\n");
            in_table = 0;
        }
        if (b->kind == PITH_BLOCK_LIST_ITEM) {
            unsigned want = b->level ? (b->level > 32 ? 32 : b->level) : 1;
            if (depth == want)
                buf_puts(out, "</li><li>");
            else if (depth > want) {
                open_lists(out, &depth, want, 0, stack);
                buf_puts(out, "</li><li>");
            } else
                open_lists(out, &depth, want, (b->flags & PITH_BLOCK_ORDERED) != 0, stack);
            render_html_escape(out, b->text, b->len, 0);
            continue;
        }
        if (depth) {
            open_lists(out, &depth, 0, 0, stack);
            buf_putc(out, '\n');
        }
        switch (b->kind) {
        case PITH_BLOCK_HEADING: {
            unsigned lvl = b->level < 2 ? 2 : b->level > 6 ? 6 : b->level;
            buf_printf(out, "<h%u>", lvl);
            render_html_escape(out, b->text, b->len, 0);
            buf_printf(out, "</h%u>\n", lvl);
            break;
        }
        case PITH_BLOCK_QUOTE:
            buf_puts(out, "<blockquote><p>");
            render_html_escape(out, b->text, b->len, 0);
            buf_puts(out, "</p></blockquote>\n");
            break;
        case PITH_BLOCK_CODE:
            buf_puts(out, "<pre><code>");
            render_html_escape(out, b->text, b->len, 0);
            buf_puts(out, "</code></pre>\n");
            break;
        case PITH_BLOCK_TABLE_ROW: {
            if (!in_table) {
                buf_puts(out, "<table>\n");
                in_table = 1;
            }
            const char *cell = (b->flags & PITH_BLOCK_HEADER) ? "th" : "td";
            buf_printf(out, "<tr><%s>", cell);
            size_t s = 0;
            for (size_t k = 0; k <= b->len; k++) {
                if (k == b->len || b->text[k] == '\t') {
                    render_html_escape(out, b->text + s, k - s, 0);
                    if (k < b->len)
                        buf_printf(out, "</%s><%s>", cell, cell);
                    s = k + 1;
                }
            }
            buf_printf(out, "</%s></tr>\n", cell);
            break;
        }
        case PITH_BLOCK_CAPTION:
            buf_puts(out, "<figure><figcaption>");
            render_html_escape(out, b->text, b->len, 0);
            buf_puts(out, "</figcaption></figure>\n");
            break;
        default:
            buf_puts(out, "<p>");
            for (size_t k = 0; k < b->len; k++) {
                size_t j = k;
                while (j < b->len && b->text[j] != '\n')
                    j++;
                render_html_escape(out, b->text + k, j - k, 0);
                if (j < b->len)
                    buf_puts(out, "<br>");
                k = j;
            }
            buf_puts(out, "</p>\n");
            break;
        }
    }
    if (depth) {
        open_lists(out, &depth, 0, 0, stack);
        buf_putc(out, '\n');
    }
    if (in_table)
        buf_puts(out, "</table>\n");
}

void render_html(const pith_doc *doc, unsigned flags, buf *out)
{
    const field_value *lang = &doc->f[PITH_FIELD_LANGUAGE];
    const field_value *t = &doc->f[PITH_FIELD_TITLE];
    buf_puts(out, "<!DOCTYPE html>\n<html");
    if (lang->v) {
        buf_puts(out, " lang=\"");
        render_html_escape(out, lang->v, lang->len, 1);
        buf_putc(out, '"');
    }
    buf_puts(out, ">\n<head>\n<meta charset=\"utf-8\">\n");
    if (t->v) {
        buf_puts(out, "<title>");
        render_html_escape(out, t->v, t->len, 0);
        buf_puts(out, "</title>\n");
    }
    static const struct { pith_field f; const char *name; } META[] = {
        {PITH_FIELD_PUBLISHED, "article:published_time"}, {PITH_FIELD_MODIFIED, "article:modified_time"},
        {PITH_FIELD_SECTION, "article:section"}, {PITH_FIELD_SITE_NAME, "og:site_name"},
        {PITH_FIELD_LEAD, "description"},
    };
    for (size_t i = 0; i < sizeof META / sizeof META[0]; i++) {
        const field_value *v = &doc->f[META[i].f];
        if (!v->v)
            continue;
        buf_printf(out, "<meta name=\"%s\" content=\"", META[i].name);
        render_html_escape(out, v->v, v->len, 1);
        buf_puts(out, "\">\n");
    }
    for (size_t i = 0; i < doc->lists[PITH_LIST_AUTHORS].n; i++) {
        buf_puts(out, "<meta name=\"author\" content=\"");
        render_html_escape(out, doc->lists[PITH_LIST_AUTHORS].items[i], doc->lists[PITH_LIST_AUTHORS].lens[i], 1);
        buf_puts(out, "\">\n");
    }
    const field_value *c = &doc->f[PITH_FIELD_CANONICAL_URL];
    if (c->v) {
        buf_puts(out, "<link rel=\"canonical\" href=\"");
        render_html_escape(out, c->v, c->len, 1);
        buf_puts(out, "\">\n");
    }
    buf_puts(out, "</head>\n<body>\n<article>\n");
    if (t->v && !(flags & PITH_RENDER_NO_TITLE)) {
        buf_puts(out, "<h1>");
        render_html_escape(out, t->v, t->len, 0);
        buf_puts(out, "</h1>\n");
    }
    html_blocks(doc, PITH_PART_BODY, out);
    buf_puts(out, "</article>\n");
    if (flags & PITH_RENDER_COMMENTS) {
        for (size_t i = 0; i < doc->n_blocks; i++)
            if (doc->blocks[i].part == PITH_PART_COMMENTS) {
                buf_puts(out, "<section class=\"comments\">\n");
                html_blocks(doc, PITH_PART_COMMENTS, out);
                buf_puts(out, "</section>\n");
                break;
            }
    }
    buf_puts(out, "</body>\n</html>\n");
}
