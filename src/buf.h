/* buf.h — growable byte buffer with a sticky error, and a borrowed slice.
 *
 * A buf owns malloc'd memory that is always NUL-terminated once anything has
 * been written. The first allocation failure sets buf->failed; later writes
 * are ignored, so callers check once at the end. A slice points into memory
 * owned by someone else (the page text, a doc arena) and is never freed.
 */
#ifndef PITH_BUF_H
#define PITH_BUF_H

#include <stddef.h>

typedef struct buf {
    char *data;    /* NUL-terminated when len > 0 or after buf_reserve */
    size_t len;    /* bytes written */
    size_t cap;    /* bytes allocated */
    size_t limit;  /* 0 = none; growth beyond this fails */
    int failed;    /* sticky: allocation or limit failure */
} buf;

typedef struct slice {
    const char *ptr;
    size_t len;
} slice;

#define BUF_INIT {NULL, 0, 0, 0, 0}

int buf_reserve(buf *b, size_t extra);           /* 0 on success */
void buf_put(buf *b, const char *s, size_t n);
void buf_puts(buf *b, const char *s);             /* NUL-terminated */
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_clear(buf *b);                            /* len = 0, keeps memory */
void buf_free(buf *b);
/* Hand the data over to the caller (malloc'd, NUL-terminated); b becomes empty. */
char *buf_detach(buf *b, size_t *len);

#endif
