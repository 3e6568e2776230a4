/* arena.c — chunked bump allocator (see arena.h).
 *
 * Chunks are malloc'd; a request larger than half a chunk gets a chunk of its
 * own so that big text buffers do not waste the rest of a regular chunk.
 * Unused space is poisoned under AddressSanitizer so that reads past an
 * allocation are caught.
 */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PITH_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define PITH_ASAN 1
#endif
#ifdef PITH_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

struct arena_chunk {
    arena_chunk *next; /* older chunk */
    size_t size;       /* usable bytes in data[] */
    size_t used;       /* bytes carved so far */
    _Alignas(16) unsigned char data[];
};

#define ALIGN16(n) (((n) + 15u) & ~(size_t)15u)

void arena_init(arena *a, size_t chunk_size)
{
    a->head = NULL;
    a->chunk_size = chunk_size < 1024 ? 1024 : chunk_size;
    a->used_total = 0;
    a->limit = 0;
    a->failed = 0;
}

static arena_chunk *new_chunk(size_t size)
{
    if (size > SIZE_MAX - sizeof(arena_chunk))
        return NULL;
    arena_chunk *c = malloc(sizeof(arena_chunk) + size);
    if (!c)
        return NULL;
    c->next = NULL;
    c->size = size;
    c->used = 0;
    POISON(c->data, size);
    return c;
}

void *arena_alloc(arena *a, size_t n)
{
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX / 2) {
        a->failed = 1;
        return NULL;
    }
    size_t need = ALIGN16(n);
    if (a->limit && a->used_total + need > a->limit) {
        a->failed = 1;
        return NULL;
    }
    arena_chunk *c = a->head;
    if (!c || c->size - c->used < need) {
        if (need > a->chunk_size / 2) {
            /* Big block: its own chunk, linked behind the head so that the
             * head keeps serving small requests. */
            arena_chunk *big = new_chunk(need);
            if (!big) {
                a->failed = 1;
                return NULL;
            }
            big->used = need;
            if (c) {
                big->next = c->next;
                c->next = big;
            } else {
                a->head = big;
            }
            a->used_total += need;
            UNPOISON(big->data, n);
            return big->data;
        }
        arena_chunk *fresh = new_chunk(a->chunk_size);
        if (!fresh) {
            a->failed = 1;
            return NULL;
        }
        fresh->next = c;
        a->head = c = fresh;
        /* Grow chunk size geometrically up to 1 MiB so large pages need few chunks. */
        if (a->chunk_size < (1u << 20))
            a->chunk_size *= 2;
    }
    void *p = c->data + c->used;
    c->used += need;
    a->used_total += need;
    UNPOISON(p, n);
    return p;
}

void *arena_calloc(arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) {
        a->failed = 1;
        return NULL;
    }
    void *p = arena_alloc(a, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void *arena_realloc(arena *a, void *p, size_t old_n, size_t new_n)
{
    if (!p)
        return arena_alloc(a, new_n);
    arena_chunk *c = a->head;
    size_t old_al = ALIGN16(old_n ? old_n : 1), new_al = ALIGN16(new_n ? new_n : 1);
    /* Grow in place when p is the last allocation of the head chunk. */
    if (c && (unsigned char *)p + old_al == c->data + c->used && c->used - old_al + new_al <= c->size &&
        (!a->limit || a->used_total - old_al + new_al <= a->limit)) {
        c->used = c->used - old_al + new_al;
        a->used_total = a->used_total - old_al + new_al;
        UNPOISON(p, new_n);
        return p;
    }
    /* A big block that owns its chunk (arrays that keep growing: nodes, text)
     * grows with realloc, so the old copy does not stay behind until reset. */
    if (new_n > old_n && old_n > a->chunk_size / 2) {
        arena_chunk **link = &a->head;
        while (*link && (*link)->data != (unsigned char *)p)
            link = &(*link)->next;
        arena_chunk *own = *link;
        if (own && own->used == old_al && own != a->head) {
            if (a->limit && a->used_total - old_al + new_al > a->limit) {
                a->failed = 1;
                return NULL;
            }
            arena_chunk *g = realloc(own, sizeof(arena_chunk) + new_al);
            if (!g) {
                a->failed = 1;
                return NULL;
            }
            g->size = g->used = new_al;
            *link = g;
            a->used_total = a->used_total - old_al + new_al;
            UNPOISON(g->data, new_n);
            return g->data;
        }
    }
    void *q = arena_alloc(a, new_n);
    if (!q)
        return NULL;
    memcpy(q, p, old_n < new_n ? old_n : new_n);
    return q;
}

void arena_reset(arena *a)
{
    /* Keep the head chunk (the newest regular one) unless it is huge; free the rest. */
    arena_chunk *keep = a->head;
    arena_chunk *c = keep ? keep->next : NULL;
    while (c) {
        arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    if (keep && keep->size > (4u << 20)) {
        free(keep);
        keep = NULL;
    }
    if (keep) {
        keep->next = NULL;
        keep->used = 0;
        POISON(keep->data, keep->size);
    }
    a->head = keep;
    a->used_total = 0;
    a->failed = 0;
}

void arena_free(arena *a)
{
    arena_chunk *c = a->head;
    while (c) {
        arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
    a->used_total = 0;
}
