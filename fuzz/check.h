/* check.h — what every fuzz target asserts with (included by fuzz_*.c only).
 *
 * REQUIRE traps, which libFuzzer reports as a crash with the input that
 * caused it; valid_utf8 is a strict RFC 3629 check written apart from
 * pith's own utf8.c, so that a bug there cannot hide itself.
 */
#ifndef PITH_FUZZ_CHECK_H
#define PITH_FUZZ_CHECK_H

#include <stddef.h>

#define REQUIRE(c)            \
    do {                      \
        if (!(c))             \
            __builtin_trap(); \
    } while (0)

static inline int valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t k = c < 0x80 ? 1 : c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
        if (!k || i + k > n)
            return 0;
        for (size_t j = 1; j < k; j++)
            if ((s[i + j] & 0xC0) != 0x80)
                return 0;
        if (k == 3 && ((c == 0xE0 && s[i + 1] < 0xA0) || (c == 0xED && s[i + 1] > 0x9F)))
            return 0;
        if (k == 4 && ((c == 0xF0 && s[i + 1] < 0x90) || (c == 0xF4 && s[i + 1] > 0x8F)))
            return 0;
        i += k;
    }
    return 1;
}

#endif
