/* render_md.c — Markdown (CommonMark): '#' headings, '-' and '1.' lists
 * indented by nesting level, '>' quotes, fenced code, pipe tables with a
 * header separator, captions in italics. Characters that would start Markdown
 * syntax at the beginning of a paragraph are escaped. */
#include "render.h"

static void md_escape_start(buf *out, const char *s, size_t n)
{
    /* escape a leading character that would turn the line into syntax */
    if (n && (s[0] == '#' || s[0] == '>' || s[0] == '-' || s[0] == '+' || s[0] == '*' || s[0] == '=' ||
              s[0] == '|' || s[0] == '`'))
        buf_putc(out, '\\');
    else if (n > 1 && s[0] >= '0' && s[0] <= '9') {
        size_t i = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i < n && (s[i] == '.' || s[i] == ')')) {
            utf8_repair(out, s, i);
            buf_putc(out, '\\');
            s += i;
            n -= i;
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            buf_puts(out, "  \n");
            continue;
        }
        size_t j = i;
        while (j < n && s[j] != '\n')
            j++;
        utf8_repair(out, s + i, j - i);
        i = j - 1;
    }
}

static void md_blocks(const pith_doc *doc, pith_part part, buf *out)
{
    int first = 1;
    pith_block_kind prev = PITH_BLOCK_PARAGRAPH;
    unsigned ordinal[16] = {0};
    for (size_t i = 0; i < doc->n_blocks; i++) {
        const out_block *b = &doc->blocks[i];
        if (b->part != part)
            continue;
        int same_run = (b->kind == PITH_BLOCK_LIST_ITEM || b->kind == PITH_BLOCK_TABLE_ROW) && b->kind == prev &&
                       !(b->flags & PITH_BLOCK_TABLE_START);
        if (!first)
            buf_puts(out, same_run ? "\n" : "\n\n");
        first = 0;
        if (b->kind != PITH_BLOCK_LIST_ITEM)
            for (int k = 0; k < 16; k++)
                ordinal[k] = 0;
        switch (b->kind) {
        case PITH_BLOCK_HEADING: {
            unsigned lvl = b->level < 1 ? 1 : b->level > 6 ? 6 : b->level;
            for (unsigned k = 0; k < lvl; k++)
                buf_putc(out, '#');
            buf_putc(out, ' ');
            utf8_repair(out, b->text, b->len);
            break;
        }
        case PITH_BLOCK_LIST_ITEM: {
            unsigned lvl = b->level ? b->level : 1;
            for (unsigned k = 1; k < lvl; k++)
                buf_puts(out, "   ");
            if (lvl < 16)
                for (unsigned k = lvl + 1; k < 16; k++)
                    ordinal[k] = 0;
            if (b->flags & PITH_BLOCK_ORDERED)
                buf_printf(out, "%u. ", lvl < 16 ? ++ordinal[lvl] : 1u);
            else
                buf_puts(out, "- ");
            md_escape_start(out, b->text, b->len);
            break;
        }
        case PITH_BLOCK_QUOTE:
            for (unsigned k = 0; k < (b->level ? b->level : 1); k++)
                buf_puts(out, "> ");
            md_escape_start(out, b->text, b->len);
            break;
        case PITH_BLOCK_CODE:
            buf_puts(out, "```\n");
            utf8_repair(out, b->text, b->len);
            buf_puts(out, "\n```");
            break;
        case PITH_BLOCK_TABLE_ROW: {
            buf_puts(out, "| ");
            unsigned cells = 1;
            for (size_t k = 0; k < b->len; k++) {
                if (b->text[k] == '\t') {
                    buf_puts(out, " | ");
                    cells++;
                } else if (b->text[k] == '|') {
                    buf_puts(out, "\\|");
                } else if (b->text[k] == '\n') {
                    buf_putc(out, ' ');
                } else {
                    size_t j = k;
                    while (j < b->len && b->text[j] != '\t' && b->text[j] != '|' && b->text[j] != '\n')
                        j++;
                    utf8_repair(out, b->text + k, j - k);
                    k = j - 1;
                }
            }
            buf_puts(out, " |");
            if (b->flags & PITH_BLOCK_TABLE_START || (prev != PITH_BLOCK_TABLE_ROW)) {
                buf_putc(out, '\n');
                for (unsigned k = 0; k < cells; k++)
                    buf_puts(out, k ? " --- |" : "| --- |");
            }
            break;
        }
        case PITH_BLOCK_CAPTION:
            buf_putc(out, '*');
            utf8_repair(out, b->text, b->len);
            buf_putc(out, '*');
            break;
        default:
            md_escape_start(out, b->text, b->len);
            break;
        }
        prev = b->kind;
    }
    if (!first)
        buf_putc(out, '\n');
}

void render_markdown(const pith_doc *doc, unsigned flags, buf *out)
{
    const field_value *t = &doc->f[PITH_FIELD_TITLE];
    if (t->v && !(flags & PITH_RENDER_NO_TITLE)) {
        buf_puts(out, "# ");
        utf8_repair(out, t->v, t->len);
        buf_puts(out, "\n\n");
    }
    md_blocks(doc, PITH_PART_BODY, out);
    if (flags & PITH_RENDER_COMMENTS) {
        for (size_t i = 0; i < doc->n_blocks; i++)
            if (doc->blocks[i].part == PITH_PART_COMMENTS) {
                buf_puts(out, "\n---\n\n## Comments\n\n");
                md_blocks(doc, PITH_PART_COMMENTS, out);
                break;
            }
    }
}
