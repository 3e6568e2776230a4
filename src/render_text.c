/* render_text.c — plain text: the title, a blank line, then the body.
 * Paragraph-like blocks are separated by a blank line; consecutive list
 * items and table rows by a single newline. Comments (when kept and asked
 * for) follow under a line of dashes. */
#include "render.h"

static int tight(pith_block_kind k) { return k == PITH_BLOCK_LIST_ITEM || k == PITH_BLOCK_TABLE_ROW; }

static void blocks(const pith_doc *doc, pith_part part, buf *out)
{
    int first = 1;
    pith_block_kind prev = PITH_BLOCK_PARAGRAPH;
    for (size_t i = 0; i < doc->n_blocks; i++) {
        const out_block *b = &doc->blocks[i];
        if (b->part != part)
            continue;
        if (!first)
            buf_puts(out, tight(b->kind) && b->kind == prev ? "\n" : "\n\n");
        first = 0;
        if (b->kind == PITH_BLOCK_LIST_ITEM) {
            for (unsigned l = 1; l < b->level; l++)
                buf_puts(out, "  ");
            buf_puts(out, "- ");
        }
        utf8_repair(out, b->text, b->len);
        prev = b->kind;
    }
    if (!first)
        buf_putc(out, '\n');
}

void render_text(const pith_doc *doc, unsigned flags, buf *out)
{
    const field_value *t = &doc->f[PITH_FIELD_TITLE];
    if (t->v && !(flags & PITH_RENDER_NO_TITLE)) {
        utf8_repair(out, t->v, t->len);
        buf_puts(out, "\n\n");
    }
    blocks(doc, PITH_PART_BODY, out);
    if (flags & PITH_RENDER_COMMENTS) {
        int any = 0;
        for (size_t i = 0; i < doc->n_blocks; i++)
            any |= doc->blocks[i].part == PITH_PART_COMMENTS;
        if (any) {
            buf_puts(out, "\n----\n\n");
            blocks(doc, PITH_PART_COMMENTS, out);
        }
    }
}
