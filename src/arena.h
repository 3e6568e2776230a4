/* arena.h — bump allocator used for everything that lives as long as one page.
 *
 * An arena hands out memory from a chain of chunks and frees it all at once.
 * The extractor keeps a scratch arena that is reset before each page; every
 * result (pith_doc) owns an arena of its own, so it outlives the next page.
 * Allocation failure is a value: arena_alloc returns NULL and sets a sticky
 * flag (arena->failed) that the pipeline checks once per stage.
 */
#ifndef PITH_ARENA_H
#define PITH_ARENA_H

#include <stddef.h>

typedef struct arena_chunk arena_chunk;

typedef struct arena {
    arena_chunk *head;   /* chunk being carved from (newest) */
    size_t chunk_size;   /* size of the next regular chunk */
    size_t used_total;   /* bytes handed out since the last reset */
    size_t limit;        /* 0 = none; otherwise max bytes (for memory limits) */
    int failed;          /* sticky: an allocation has failed */
} arena;

/* Initialise an empty arena; no memory is taken until the first allocation. */
void arena_init(arena *a, size_t chunk_size);
/* Memory of at least n bytes aligned to 16, or NULL (and a->failed = 1). */
void *arena_alloc(arena *a, size_t n);
/* Like arena_alloc, zero-filled. */
void *arena_calloc(arena *a, size_t count, size_t size);
/* Copy n bytes into the arena and NUL-terminate; NULL on failure. */
char *arena_strndup(arena *a, const char *s, size_t n);
/* Grow the most recent allocation p (of old_n bytes) to new_n bytes; may move. */
void *arena_realloc(arena *a, void *p, size_t old_n, size_t new_n);
/* Free all chunks but the first, and rewind. Clears a->failed. */
void arena_reset(arena *a);
/* Free everything. The arena can be used again after arena_init. */
void arena_free(arena *a);

#endif
