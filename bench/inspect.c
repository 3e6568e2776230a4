/* inspect.c — developer tool: why did pith choose what it chose?
 *
 *   inspect FILE [MAXDEPTH]
 *   inspect FILE --find TEXT   (ancestors of the text node containing TEXT)
 *
 * Runs the HTML stages on FILE and prints the element tree (elements with
 * text only) with features, hints, scores and marks; '*' marks the selected
 * roots. Uses the internal stage API (links against libpith.a). Not installed.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: inspect FILE [MAXDEPTH]\n");
        return 2;
    }
    const char *needle = argc > 3 && strcmp(argv[2], "--find") == 0 ? argv[3] : NULL;
    unsigned maxd = argc > 2 && !needle ? (unsigned)atoi(argv[2]) : 40;
    FILE *f = fopen(argv[1], "rb");
    if (!f)
        return 1;
    static char data[64 << 20];
    size_t len = fread(data, 1, sizeof data, f);
    fclose(f);
    pith_options opt;
    pith_options_init(&opt);
    arena a;
    arena_init(&a, 1 << 20);
    page pg;
    memset(&pg, 0, sizeof pg);
    pg.mem = &a;
    pg.opt = &opt;
    pg.ref_time = 1700000000;
    pith_input in;
    memset(&in, 0, sizeof in);
    in.data = data;
    in.len = len;
    const char *u;
    size_t ul;
    if (charset_decode(&pg, &in, &u, &ul) != PITH_OK)
        return 1;
    pg.html = u;
    pg.html_len = ul;
    parser *p = parser_new();
    if (parse_page(p, &pg) != PITH_OK)
        return 1;
    features_compute(&pg);
    score_select(&pg);
    clean_region(&pg);
    if (needle) {
        size_t nl = strlen(needle) > 24 ? 24 : strlen(needle);
        for (uint32_t i = 1; i < pg.n_nodes; i++) {
            node *x = &pg.nodes[i];
            if (x->tag != T_TEXT || x->text_len < nl)
                continue;
            const char *t = node_text(&pg, x);
            int hit = 0;
            for (size_t k = 0; k + nl <= x->text_len && !hit; k++)
                hit = memcmp(t + k, needle, nl) == 0;
            if (!hit)
                continue;
            printf("text #%u: %.80s\n", i, t);
            for (nid up = x->parent; up; up = pg.nodes[up].parent) {
                node *y = &pg.nodes[up];
                int sel = 0;
                for (uint32_t k = 0; k < pg.n_sel; k++)
                    sel |= pg.sel[k] == up;
                const char *cls = node_attr(&pg, y, A_CLASS), *id = node_attr(&pg, y, A_ID);
                printf("  %s%s #%u chars=%u link=%u punct=%u paras=%u inl=%u score=%.1f hints=%x mark=%d %s%s%s%s\n",
                       sel ? "*" : "", tag_name((tag)y->tag), up, y->chars, y->link_chars, y->punct, y->paras,
                       y->inl_chars, y->score, y->hints, y->mark, cls ? "." : "", cls ? cls : "", id ? "#" : "",
                       id ? id : "");
            }
        }
        return 0;
    }
    for (uint32_t i = 1; i < pg.n_nodes; i++) {
        node *x = &pg.nodes[i];
        if (x->tag == T_TEXT || !x->chars || x->depth > maxd || (tag_class((tag)x->tag) & TC_INLINE))
            continue;
        int sel = 0;
        for (uint32_t k = 0; k < pg.n_sel; k++)
            sel |= pg.sel[k] == i;
        const char *cls = node_attr(&pg, x, A_CLASS), *id = node_attr(&pg, x, A_ID);
        printf("%*s%s%s #%u chars=%u link=%u punct=%u paras=%u sw=%u/%u score=%.1f hints=%x mark=%d %s%s%s%s\n",
               x->depth, "", sel ? "*" : "", tag_name((tag)x->tag), i, x->chars, x->link_chars, x->punct,
               x->paras, x->stopwords, x->words, x->score, x->hints, x->mark, cls ? "." : "", cls ? cls : "",
               id ? "#" : "", id ? id : "");
    }
    parser_free(p);
    arena_free(&a);
    return 0;
}
