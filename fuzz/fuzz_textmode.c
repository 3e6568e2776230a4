/* fuzz_textmode.c — libFuzzer target for text mode (textmode.c): text that
 * someone already scraped, in any state.
 *
 * The first byte picks the options (reference time given or not, a URL, a
 * charset hint, a list of site-furniture hashes to drop, comments kept); the
 * rest is the text. Every renderer runs; every output must be valid UTF-8
 * and the JSON output must be one valid JSON object (checked by a strict
 * validator below, not by pith's own lenient reader).
 */
#include "pith.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Strict JSON (RFC 8259) validator over s[*i..n); returns 0 on error. */
typedef struct {
    const char *s;
    size_t n, i;
    int depth;
} jv;

static void ws(jv *j)
{
    while (j->i < j->n && (j->s[j->i] == ' ' || j->s[j->i] == '\t' || j->s[j->i] == '\n' || j->s[j->i] == '\r'))
        j->i++;
}

static int lit(jv *j, const char *w)
{
    size_t k = strlen(w);
    if (j->n - j->i < k || memcmp(j->s + j->i, w, k) != 0)
        return 0;
    j->i += k;
    return 1;
}

static int str(jv *j)
{
    if (j->i >= j->n || j->s[j->i] != '"')
        return 0;
    j->i++;
    while (j->i < j->n) {
        unsigned char c = (unsigned char)j->s[j->i++];
        if (c == '"')
            return 1;
        if (c < 0x20)
            return 0;
        if (c == '\\') {
            if (j->i >= j->n)
                return 0;
            c = (unsigned char)j->s[j->i++];
            if (c == 'u') {
                for (int k = 0; k < 4; k++, j->i++)
                    if (j->i >= j->n || !strchr("0123456789abcdefABCDEF", j->s[j->i]) || !j->s[j->i])
                        return 0;
            } else if (!strchr("\"\\/bfnrt", c) || !c) {
                return 0;
            }
        }
    }
    return 0;
}

static int num(jv *j)
{
    size_t st = j->i;
    if (j->i < j->n && j->s[j->i] == '-')
        j->i++;
    if (j->i >= j->n)
        return 0;
    if (j->s[j->i] == '0')
        j->i++;
    else if (j->s[j->i] >= '1' && j->s[j->i] <= '9')
        while (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9')
            j->i++;
    else
        return 0;
    if (j->i < j->n && j->s[j->i] == '.') {
        j->i++;
        size_t d = j->i;
        while (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9')
            j->i++;
        if (j->i == d)
            return 0;
    }
    if (j->i < j->n && (j->s[j->i] == 'e' || j->s[j->i] == 'E')) {
        j->i++;
        if (j->i < j->n && (j->s[j->i] == '+' || j->s[j->i] == '-'))
            j->i++;
        size_t d = j->i;
        while (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9')
            j->i++;
        if (j->i == d)
            return 0;
    }
    return j->i > st;
}

static int value(jv *j)
{
    ws(j);
    if (j->i >= j->n || ++j->depth > 64)
        return 0;
    int ok = 0;
    char c = j->s[j->i];
    if (c == '{' || c == '[') {
        char close = c == '{' ? '}' : ']';
        j->i++;
        ws(j);
        if (j->i < j->n && j->s[j->i] == close) {
            j->i++;
            ok = 1;
        } else {
            for (;;) {
                if (c == '{') {
                    ws(j);
                    if (!str(j))
                        break;
                    ws(j);
                    if (j->i >= j->n || j->s[j->i++] != ':')
                        break;
                }
                if (!value(j))
                    break;
                ws(j);
                if (j->i < j->n && j->s[j->i] == ',') {
                    j->i++;
                    continue;
                }
                if (j->i < j->n && j->s[j->i] == close) {
                    j->i++;
                    ok = 1;
                }
                break;
            }
        }
    } else if (c == '"') {
        ok = str(j);
    } else if (c == 't') {
        ok = lit(j, "true");
    } else if (c == 'f') {
        ok = lit(j, "false");
    } else if (c == 'n') {
        ok = lit(j, "null");
    } else {
        ok = num(j);
    }
    j->depth--;
    return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t sel = data[0];
    pith_options opt;
    pith_options_init(&opt);
    if (sel & 1)
        opt.flags |= PITH_OPT_COMMENTS;
    opt.time_budget_ms = 2000;
    pith_extractor *ex;
    REQUIRE(pith_extractor_new(&opt, &ex, NULL) == PITH_OK);

    pith_input in;
    memset(&in, 0, sizeof in);
    in.data = data + 1;
    in.len = size - 1;
    in.kind = PITH_INPUT_TEXT;
    if (sel & 2)
        in.ref_time = 1720000000; /* relative dates ("вчора, 14:56") resolve against it */
    if (sel & 4)
        in.url = "https://news.example.ua/world/2024/07/06/nato-korea";
    if (sel & 8)
        in.charset = (sel & 16) ? "windows-1251" : "koi8-u";
    /* site furniture to drop: hashes of the first lines of the input itself */
    uint64_t drop[4];
    if (sel & 32) {
        size_t nd = 0, st = 1;
        for (size_t i = 1; i <= size && nd < 4; i++)
            if (i == size || data[i] == '\n') {
                drop[nd++] = pith_block_hash((const char *)data + st, i - st);
                st = i + 1;
            }
        for (size_t a = 1; a < nd; a++) /* sorted, as the API asks */
            for (size_t b = a; b > 0 && drop[b - 1] > drop[b]; b--) {
                uint64_t t = drop[b];
                drop[b] = drop[b - 1];
                drop[b - 1] = t;
            }
        in.drop_blocks = drop;
        in.n_drop_blocks = nd;
    }
    pith_doc *doc = NULL;
    pith_extract(ex, &in, &doc);
    if (doc) {
        for (int f = PITH_FORMAT_TEXT; f <= PITH_FORMAT_HTML; f++) {
            size_t len = 0;
            char *out = pith_render_string(doc, (pith_format)f, PITH_RENDER_COMMENTS, &len);
            if (out) {
                REQUIRE(valid_utf8((const unsigned char *)out, len));
                if (f == PITH_FORMAT_JSON) {
                    jv j = {out, len, 0, 0};
                    REQUIRE(j.n > 0 && out[0] == '{' && value(&j));
                    ws(&j);
                    REQUIRE(j.i == j.n);
                }
            }
            pith_free(out);
        }
        size_t n = pith_doc_block_count(doc);
        for (size_t i = 0; i < n; i++) {
            pith_block b;
            REQUIRE(pith_doc_block(doc, i, &b) == PITH_OK && valid_utf8((const unsigned char *)b.text, b.len));
        }
    }
    pith_doc_free(doc);
    pith_extractor_free(ex);
    return 0;
}
