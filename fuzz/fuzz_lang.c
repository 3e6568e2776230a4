/* fuzz_lang.c — libFuzzer target for src/lang.c.
 *
 * Feeds arbitrary bytes to lang_detect and lang_stopwords (whole input and
 * a prefix cut at the first byte's value, so truncated sequences at the end
 * are exercised) and aborts if an invariant breaks: stopwords <= words,
 * confidence in [0,1] and 0 without a verdict, tag a short lower-case string.
 * Build: clang -fsanitize=fuzzer,address,undefined -Iinclude -Isrc fuzz/fuzz_lang.c src/lang.c
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const char *text, size_t n)
{
    unsigned words = 0;
    unsigned stop = lang_stopwords(text, n, &words);
    if (stop > words || words > n)
        abort();
    double conf = -1;
    const char *tag = lang_detect(text, n, &conf);
    if (conf < 0.0 || conf > 1.0)
        abort();
    if (!tag && conf != 0.0)
        abort();
    if (tag) {
        size_t len = strlen(tag);
        if (len < 2 || len > 3)
            abort();
        for (size_t i = 0; i < len; i++)
            if (tag[i] < 'a' || tag[i] > 'z')
                abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Exact-size copies so ASan catches any read past the end. */
    char *buf = calloc(1, size ? size : 1);
    if (!buf)
        return 0;
    if (size)
        memcpy(buf, data, size);
    check(buf, size);
    if (size > 1) {
        size_t cut = data[0] % size;
        char *pre = malloc(cut ? cut : 1);
        if (pre) {
            memcpy(pre, data, cut);
            check(pre, cut);
            free(pre);
        }
    }
    free(buf);
    return 0;
}
