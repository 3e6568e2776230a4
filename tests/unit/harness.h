/* harness.h — a tiny unit-test harness: CHECK records a failure and goes on.
 *
 * Each test file defines main() which calls its test functions and ends with
 * `return harness_done("name");`, printing 'N passed, N failed'.
 */
#ifndef PITH_HARNESS_H
#define PITH_HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_pass, harness_fail;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (cond) {                                                                  \
            harness_pass++;                                                          \
        } else {                                                                     \
            harness_fail++;                                                          \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

#define CHECK_STR(got, want)                                                                     \
    do {                                                                                         \
        const char *g_ = (got), *w_ = (want);                                                    \
        if (g_ && w_ && strcmp(g_, w_) == 0) {                                                   \
            harness_pass++;                                                                      \
        } else {                                                                                 \
            harness_fail++;                                                                      \
            fprintf(stderr, "%s:%d: CHECK_STR failed: %s\n   got: %s\n  want: %s\n", __FILE__, \
                    __LINE__, #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)");                     \
        }                                                                                        \
    } while (0)

#define CHECK_INT(got, want)                                                                       \
    do {                                                                                           \
        long long g_ = (long long)(got), w_ = (long long)(want);                                   \
        if (g_ == w_) {                                                                            \
            harness_pass++;                                                                        \
        } else {                                                                                   \
            harness_fail++;                                                                        \
            fprintf(stderr, "%s:%d: CHECK_INT failed: %s: got %lld want %lld\n", __FILE__, __LINE__, \
                    #got, g_, w_);                                                                 \
        }                                                                                          \
    } while (0)

static inline int harness_done(const char *name)
{
    printf("%s: %d passed, %d failed\n", name, harness_pass, harness_fail);
    return harness_fail ? 1 : 0;
}

#endif
