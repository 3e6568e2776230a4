/* json.h — a forgiving JSON reader for structured data embedded in pages.
 *
 * JSON-LD in the wild is often broken in ways browsers and search engines
 * shrug off: trailing commas, comments, raw newlines and control characters
 * inside strings, single-quoted strings, unquoted keys, HTML entities or a
 * stray "<!--" around the script, several top-level values in one script,
 * truncated input. json_parse accepts all of these and builds a tree in an
 * arena. It never recurses deeper than max_depth (deeper values are skipped
 * as null) and never reads outside s[0..n).
 */
#ifndef PITH_JSON_H
#define PITH_JSON_H

#include <stddef.h>

#include "arena.h"

typedef enum json_type { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT } json_type;

typedef struct json_value json_value;
struct json_value {
    json_type type;
    json_value *next;   /* next element of the enclosing array/object, or NULL */
    const char *key;    /* member name (decoded UTF-8, NUL-terminated) when inside an object */
    size_t key_len;
    const char *str;    /* JSON_STRING: decoded UTF-8 (escapes undone, invalid bytes -> U+FFFD),
                           NUL-terminated; JSON_NUMBER: the number's text */
    size_t str_len;
    double number;      /* JSON_NUMBER */
    int boolean;        /* JSON_BOOL */
    json_value *child;  /* JSON_ARRAY / JSON_OBJECT: first element or member */
    size_t count;       /* number of children */
};

/* Parse s[0..n). When the text holds several top-level values (or garbage
 * between them), they are returned as the elements of a synthetic JSON_ARRAY.
 * Returns NULL only when nothing usable was found or the arena failed. */
json_value *json_parse(arena *a, const char *s, size_t n, unsigned max_depth);

/* Member of an object by exact key, or NULL (also when obj is not an object). */
const json_value *json_get(const json_value *obj, const char *key);

/* Append s[0..n) as a JSON string literal (with quotes) to out; invalid UTF-8
 * becomes U+FFFD; control characters are escaped; '<', '>' and '&' are kept.
 * Declared here, defined in json.c, used by the JSON renderer. */
struct buf;
void json_write_string(struct buf *out, const char *s, size_t n);

#endif
