/* speed.c — single-thread, in-process speed of pith against MyHTML alone.
 *
 *   speed [--rounds N] FILE...
 *
 * Loads every FILE into memory, then times (a) MyHTML parsing each page
 * into a tree (parse only, the floor any MyHTML-based extractor stands on)
 * and (b) pith_extract + JSON rendering of each page, N rounds each, best
 * round kept. Prints pages/s, MB/s, the ratio of the two, and peak RSS.
 * (c) The cost of metadata: each page is extracted with and without
 * metadata back to back (the order alternating), N times; the sum over the
 * pages of each page's fastest time in each mode is compared. A page's
 * fastest time is the least disturbed by whatever else the machine does, and
 * the two modes of a page run under the same conditions, so the figure holds
 * still from run to run where the difference of two whole-corpus rounds
 * moves by a point or two with the load.
 * Speed is a benchmark, never a test: nothing here fails on a slow machine.
 */
#include "pith.h"

#include <myhtml/api.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

typedef struct page_buf {
    char *data;
    size_t len;
} page_buf;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int load(const char *path, page_buf *p)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    if (n < 0) {
        fclose(f);
        return -1;
    }
    p->data = malloc((size_t)n + 1);
    if (!p->data) {
        fclose(f);
        return -1;
    }
    p->len = fread(p->data, 1, (size_t)n, f);
    fclose(f);
    return 0;
}

/* One page through pith (extract and render JSON); its time. */
static double one_page(pith_extractor *ex, const page_buf *pg)
{
    double t0 = now();
    pith_input in;
    memset(&in, 0, sizeof in);
    in.data = pg->data;
    in.len = pg->len;
    in.ref_time = 1700000000;
    pith_doc *doc = NULL;
    pith_extract(ex, &in, &doc);
    size_t len = 0;
    char *js = pith_render_string(doc, PITH_FORMAT_JSON, 0, &len);
    pith_free(js);
    pith_doc_free(doc);
    return now() - t0;
}

/* One pass of pith over the pages (extract and render JSON); its time. */
static double pass_pith(pith_extractor *ex, const page_buf *pages, int n, size_t *ok, size_t *out_bytes)
{
    *ok = 0;
    *out_bytes = 0;
    double t0 = now();
    for (int i = 0; i < n; i++) {
        pith_input in;
        memset(&in, 0, sizeof in);
        in.data = pages[i].data;
        in.len = pages[i].len;
        in.ref_time = 1700000000;
        pith_doc *doc = NULL;
        if (pith_extract(ex, &in, &doc) == PITH_OK)
            (*ok)++;
        size_t len = 0;
        char *js = pith_render_string(doc, PITH_FORMAT_JSON, 0, &len);
        *out_bytes += len;
        pith_free(js);
        pith_doc_free(doc);
    }
    return now() - t0;
}

static pith_extractor *extractor(unsigned flags)
{
    pith_options opt;
    pith_options_init(&opt);
    opt.flags = flags;
    pith_extractor *ex = NULL;
    return pith_extractor_new(&opt, &ex, NULL) == PITH_OK ? ex : NULL;
}

int main(int argc, char **argv)
{
    int rounds = 3, first = 1;
    if (argc > 2 && strcmp(argv[1], "--rounds") == 0) {
        rounds = atoi(argv[2]);
        first = 3;
    }
    int n = argc - first;
    if (n <= 0) {
        fprintf(stderr, "usage: speed [--rounds N] FILE...\n");
        return 2;
    }
    page_buf *pages = calloc((size_t)n, sizeof *pages);
    size_t total = 0;
    for (int i = 0; i < n; i++) {
        if (load(argv[first + i], &pages[i])) {
            fprintf(stderr, "speed: cannot read %s\n", argv[first + i]);
            return 1;
        }
        total += pages[i].len;
    }
    struct rusage ru0;
    getrusage(RUSAGE_SELF, &ru0);

    /* (a) MyHTML parse only */
    myhtml_t *mh = myhtml_create();
    myhtml_init(mh, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0);
    myhtml_tree_t *tree = myhtml_tree_create();
    myhtml_tree_init(tree, mh);
    double best_parse = 1e30;
    for (int r = 0; r < rounds; r++) {
        double t0 = now();
        for (int i = 0; i < n; i++) {
            myhtml_tree_clean(tree);
            myhtml_parse(tree, MyENCODING_UTF_8, pages[i].data, pages[i].len);
        }
        double t = now() - t0;
        if (t < best_parse)
            best_parse = t;
    }
    myhtml_tree_destroy(tree);
    myhtml_destroy(mh);

    /* (b) pith end to end: extract + metadata + JSON; (c) the same without
     * metadata (PITH_OPT_NO_METADATA), for the cost of metadata. The two
     * alternate round by round, so that a change in the machine's load
     * between them does not pass for a cost; the best of each is kept. */
    size_t ok = 0, out_bytes = 0, ok_body = 0, out_body = 0;
    double best_pith = 1e30, best_body = 1e30;
    pith_extractor *ex_full = extractor(0), *ex_body = extractor(PITH_OPT_NO_METADATA);
    if (!ex_full || !ex_body)
        return 1;
    for (int r = 0; r < rounds; r++) {
        double t = pass_pith(ex_full, pages, n, &ok, &out_bytes);
        if (t < best_pith)
            best_pith = t;
        t = pass_pith(ex_body, pages, n, &ok_body, &out_body);
        if (t < best_body)
            best_body = t;
    }
    /* (c) per page, both modes back to back, fastest of the rounds */
    double *min_full = malloc((size_t)n * sizeof *min_full), *min_body = malloc((size_t)n * sizeof *min_body);
    if (!min_full || !min_body)
        return 1;
    for (int i = 0; i < n; i++)
        min_full[i] = min_body[i] = 1e30;
    for (int r = 0; r < rounds; r++)
        for (int i = 0; i < n; i++) {
            int full_first = (r + i) % 2 == 0;
            double a = one_page(full_first ? ex_full : ex_body, &pages[i]);
            double b = one_page(full_first ? ex_body : ex_full, &pages[i]);
            double tf = full_first ? a : b, tb = full_first ? b : a;
            if (tf < min_full[i])
                min_full[i] = tf;
            if (tb < min_body[i])
                min_body[i] = tb;
        }
    double sum_full = 0, sum_body = 0;
    for (int i = 0; i < n; i++)
        sum_full += min_full[i], sum_body += min_body[i];
    free(min_full);
    free(min_body);
    pith_extractor_free(ex_full);
    pith_extractor_free(ex_body);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double mb = (double)total / 1e6;
    size_t maxpage = 0;
    for (int i = 0; i < n; i++)
        if (pages[i].len > maxpage)
            maxpage = pages[i].len;
    printf("pages %d  bytes %zu  (largest %zu)  ok %zu  rounds %d (best kept)\n", n, total, maxpage, ok, rounds);
    printf("myhtml parse only   %8.1f pages/s  %7.1f MB/s\n", n / best_parse, mb / best_parse);
    printf("pith end to end     %8.1f pages/s  %7.1f MB/s\n", n / best_pith, mb / best_pith);
    printf("ratio pith / parse  %.2f\n", best_pith / best_parse);
    printf("pith body only      %8.1f pages/s  %7.1f MB/s  (best rounds: metadata %.1f%% of the time)\n",
           n / best_body, mb / best_body, 100.0 * (1.0 - best_body / best_pith));
    printf("metadata costs      %.1f%% of speed (per page, both modes back to back, fastest of %d: "
           "%.1f vs %.1f ms)\n",
           100.0 * (1.0 - sum_body / sum_full), rounds, sum_full * 1e3, sum_body * 1e3);
    printf("peak RSS            %.1f MB (corpus held in memory: %.1f MB; before work: %.1f MB)\n",
           (double)ru.ru_maxrss / 1024.0, mb, (double)ru0.ru_maxrss / 1024.0);
    for (int i = 0; i < n; i++)
        free(pages[i].data);
    free(pages);
    return 0;
}
