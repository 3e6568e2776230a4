/* render.h — shared pieces of the renderers (render*.c). */
#ifndef PITH_RENDER_H
#define PITH_RENDER_H

#include "internal.h"

void render_text(const pith_doc *doc, unsigned flags, buf *out);
void render_markdown(const pith_doc *doc, unsigned flags, buf *out);
void render_json(const pith_doc *doc, unsigned flags, buf *out);
void render_html(const pith_doc *doc, unsigned flags, buf *out);

/* Append s with &, <, > (and " when attr) escaped; invalid UTF-8 repaired. */
void render_html_escape(buf *out, const char *s, size_t n, int attr);

#endif
