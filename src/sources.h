/* sources.h — news agencies and outlets that a text credits.
 *
 * sources_extract() reads the doc's body blocks and adds each credited
 * source ('Як повідомляє Yonhap', 'как сообщает ТАСС', 'according to
 * Reuters', 'WASHINGTON (AP) —', 'berichtet dpa') to PITH_LIST_SOURCES with
 * source "text". Only fixed attribution cues count; names that look like
 * people ('said John Smith', 'пише Зеленський') are left out. It works the
 * same for HTML and text mode and may run after the body is final.
 */
#ifndef PITH_SOURCES_H
#define PITH_SOURCES_H

#include "internal.h"

void sources_extract(pith_doc *doc);

/* The same scan over one text: calls add(ctx, name, len) per source found,
 * in order of appearance (duplicates included). Returns the number found. */
size_t sources_scan(const char *text, size_t n, void (*add)(void *ctx, const char *name, size_t len), void *ctx);

#endif
