/* textmode.c — already-scraped text of one page to a record (first version).
 *
 * Takes UTF-8 text and emits one paragraph block per non-empty line. The
 * line-level boilerplate model (headline, section, timestamp, teaser lists)
 * replaces this.
 */
#include "internal.h"

pith_status textmode_extract(page *pg, const char *text, size_t len, pith_doc *doc)
{
    (void)pg;
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && text[j] != '\n')
            j++;
        size_t a = i, b = j;
        while (a < b && (text[a] == ' ' || text[a] == '\t' || text[a] == '\r'))
            a++;
        while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == '\r'))
            b--;
        if (b > a && doc_add_block(doc, PITH_BLOCK_PARAGRAPH, PITH_PART_BODY, 0, 0, text + a, b - a))
            return PITH_ENOMEM;
        i = j + 1;
    }
    return doc->n_blocks ? PITH_OK : PITH_ENOCONTENT;
}
