/* fuzz_json.c — libFuzzer target for json_parse and json_write_string.
 *
 * Parses the input with max_depth 64 and walks the tree iteratively, checking
 * every key and string is NUL-terminated valid UTF-8, counts match the child
 * lists, depth stays within the limit, number texts are valid JSON numbers and
 * every string survives json_write_string -> json_parse unchanged. The raw
 * input is also written as a literal, which must be valid and stable.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json.h"

#define MAX_DEPTH 64

#include "check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?(e-?[0-9]+)? — the normalised form json.c stores. */
static int valid_number(const char *s, size_t n)
{
    size_t i = 0;
    if (i < n && s[i] == '-')
        i++;
    if (i >= n || s[i] < '0' || s[i] > '9')
        return 0;
    if (s[i] == '0' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9')
        return 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i < n && s[i] == '.') {
        if (++i >= n || s[i] < '0' || s[i] > '9')
            return 0;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    if (i < n && s[i] == 'e') {
        if (++i < n && s[i] == '-')
            i++;
        if (i >= n || s[i] < '0' || s[i] > '9')
            return 0;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    return i == n && s[n] == '\0';
}

static void check_text(const char *s, size_t n)
{
    REQUIRE(s != NULL && s[n] == '\0');
    REQUIRE(valid_utf8((const unsigned char *)s, n));
}

/* s -> literal -> parse gives s back. */
static void round_trip(arena *scratch, const char *s, size_t n)
{
    buf b = BUF_INIT;
    json_write_string(&b, s, n);
    REQUIRE(!b.failed && b.len >= 2);
    const json_value *v = json_parse(scratch, b.data, b.len, MAX_DEPTH);
    REQUIRE(v && v->type == JSON_STRING && v->str_len == n && memcmp(v->str, s, n) == 0);
    buf_free(&b);
    arena_reset(scratch);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena a, scratch;
    arena_init(&a, 4096);
    arena_init(&scratch, 4096);
    const json_value *root = json_parse(&a, (const char *)data, size, MAX_DEPTH);

    /* Iterative walk. Popping a node pushes its next sibling, then its first
     * child, so the stack holds one pending node per level: depth + 1 entries. */
    struct item {
        const json_value *v;
        size_t level;
    } stack[MAX_DEPTH + 2];
    size_t sp = 0;
    if (root) {
        REQUIRE(root->next == NULL && root->key == NULL);
        stack[sp++] = (struct item){root, 0};
    }
    while (sp) {
        struct item it = stack[--sp];
        const json_value *v = it.v;
        if (v->key) {
            check_text(v->key, v->key_len);
            round_trip(&scratch, v->key, v->key_len);
        }
        switch (v->type) {
        case JSON_STRING:
            check_text(v->str, v->str_len);
            round_trip(&scratch, v->str, v->str_len);
            break;
        case JSON_NUMBER:
            REQUIRE(v->str && valid_number(v->str, v->str_len));
            break;
        case JSON_NULL:
        case JSON_BOOL:
            break;
        case JSON_ARRAY:
        case JSON_OBJECT: {
            size_t count = 0;
            for (const json_value *c = v->child; c; c = c->next) {
                count++;
                REQUIRE((v->type == JSON_OBJECT) == (c->key != NULL));
            }
            REQUIRE(count == v->count);
            /* json_get finds the first member (unless its key holds a NUL) */
            if (v->type == JSON_OBJECT && v->child && !memchr(v->child->key, 0, v->child->key_len))
                REQUIRE(json_get(v, v->child->key) == v->child);
            /* containers with children: levels 0..63, or 1..64 under the synthetic root */
            if (v->child)
                REQUIRE(it.level < MAX_DEPTH + 1);
            break;
        }
        default:
            REQUIRE(0);
        }
        if (v->next && v != root)
            stack[sp++] = (struct item){v->next, it.level};
        if ((v->type == JSON_ARRAY || v->type == JSON_OBJECT) && v->child) {
            REQUIRE(sp < MAX_DEPTH + 2);
            stack[sp++] = (struct item){v->child, it.level + 1};
        }
    }

    /* The raw input as a literal: valid, and stable through a read/write cycle. */
    buf b = BUF_INIT, b2 = BUF_INIT;
    json_write_string(&b, (const char *)data, size);
    REQUIRE(!b.failed && valid_utf8((const unsigned char *)b.data, b.len));
    const json_value *v = json_parse(&scratch, b.data, b.len, MAX_DEPTH);
    REQUIRE(v && v->type == JSON_STRING);
    json_write_string(&b2, v->str, v->str_len);
    REQUIRE(b2.len == b.len && memcmp(b.data, b2.data, b.len) == 0);
    buf_free(&b);
    buf_free(&b2);

    arena_free(&a);
    arena_free(&scratch);
    return 0;
}
