/* fuzz_extract.c — libFuzzer target for the whole extraction from bytes.
 *
 * The first byte chooses the options (input kind, comments, precision or
 * recall, small structural limits so the limit paths run); the rest is the
 * page. Every renderer runs, and the JSON and text outputs must be valid
 * UTF-8 — a violation aborts, which the fuzzer reports.
 */
#include "pith.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t sel = data[0];
    pith_options opt;
    pith_options_init(&opt);
    if (sel & 1)
        opt.flags |= PITH_OPT_COMMENTS;
    if (sel & 2)
        opt.flags |= PITH_OPT_PRECISION;
    else if (sel & 4)
        opt.flags |= PITH_OPT_RECALL;
    if (sel & 8) {
        opt.max_depth = 16;
        opt.max_nodes = 256;
        opt.max_attrs = 4;
    }
    opt.time_budget_ms = 2000;
    pith_extractor *ex;
    if (pith_extractor_new(&opt, &ex, NULL) != PITH_OK)
        abort();
    pith_input in;
    memset(&in, 0, sizeof in);
    in.data = data + 1;
    in.len = size - 1;
    in.kind = (sel & 16) ? PITH_INPUT_TEXT : PITH_INPUT_HTML;
    in.ref_time = 1720000000;
    if (sel & 32)
        in.charset = (sel & 64) ? "windows-1251" : "shift_jis";
    if (sel & 128)
        in.url = "https://example.com/2024/07/06/news/story.html";
    pith_doc *doc = NULL;
    pith_extract(ex, &in, &doc);
    if (doc) {
        for (int f = PITH_FORMAT_TEXT; f <= PITH_FORMAT_HTML; f++) {
            size_t len = 0;
            char *out = pith_render_string(doc, (pith_format)f, PITH_RENDER_COMMENTS, &len);
            if (out && !valid_utf8((const unsigned char *)out, len))
                abort();
            pith_free(out);
        }
        size_t n = pith_doc_block_count(doc);
        for (size_t i = 0; i < n; i++) {
            pith_block b;
            if (pith_doc_block(doc, i, &b) != PITH_OK || !valid_utf8((const unsigned char *)b.text, b.len))
                abort();
        }
    }
    pith_doc_free(doc);
    pith_extractor_free(ex);
    return 0;
}
