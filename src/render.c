/* render.c — dispatch to the renderers and the public rendering calls.
 *
 * Each renderer (render_text.c, render_md.c, render_json.c, render_html.c)
 * appends to a buf; pith_render streams the result to the caller's sink in
 * chunks. Renderers read the doc only.
 */
#include "render.h"

#include <stdlib.h>
#include <string.h>

pith_status render_doc(const pith_doc *doc, pith_format fmt, unsigned flags, buf *out)
{
    switch (fmt) {
    case PITH_FORMAT_TEXT: render_text(doc, flags, out); break;
    case PITH_FORMAT_MARKDOWN: render_markdown(doc, flags, out); break;
    case PITH_FORMAT_JSON: render_json(doc, flags, out); break;
    case PITH_FORMAT_HTML: render_html(doc, flags, out); break;
    default: return PITH_EINVAL;
    }
    return out->failed ? PITH_ENOMEM : PITH_OK;
}

int pith_format_from_name(const char *name)
{
    if (!name)
        return -1;
    if (!strcmp(name, "text") || !strcmp(name, "txt"))
        return PITH_FORMAT_TEXT;
    if (!strcmp(name, "markdown") || !strcmp(name, "md"))
        return PITH_FORMAT_MARKDOWN;
    if (!strcmp(name, "json") || !strcmp(name, "jsonl"))
        return PITH_FORMAT_JSON;
    if (!strcmp(name, "html"))
        return PITH_FORMAT_HTML;
    return -1;
}

pith_status pith_render(const pith_doc *doc, pith_format format, unsigned flags, pith_write_fn write, void *ctx)
{
    if (!doc || !write)
        return PITH_EINVAL;
    buf b = BUF_INIT;
    pith_status st = render_doc(doc, format, flags, &b);
    if (st == PITH_OK && b.len) {
        size_t off = 0;
        while (off < b.len) {
            size_t n = b.len - off > 65536 ? 65536 : b.len - off;
            if (write(ctx, b.data + off, n)) {
                st = PITH_EIO;
                break;
            }
            off += n;
        }
    }
    buf_free(&b);
    return st;
}

char *pith_render_string(const pith_doc *doc, pith_format format, unsigned flags, size_t *len)
{
    if (!doc)
        return NULL;
    buf b = BUF_INIT;
    if (render_doc(doc, format, flags, &b) != PITH_OK) {
        buf_free(&b);
        return NULL;
    }
    return buf_detach(&b, len);
}

void render_html_escape(buf *out, const char *s, size_t n, int attr)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = attr ? "&quot;" : NULL; break;
        default: break;
        }
        if (rep) {
            utf8_repair(out, s + run, i - run);
            buf_puts(out, rep);
            run = i + 1;
        }
    }
    utf8_repair(out, s + run, n - run);
}
