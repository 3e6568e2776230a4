/* test_json.c — unit tests for the forgiving JSON reader and json_write_string.
 *
 * Covers standard JSON, every tolerance json.h promises (comments, trailing and
 * missing commas, wrappers, single quotes, bare keys, NaN/undefined, entities,
 * several top-level values, garbage, truncation), depth limiting on 100,000
 * levels, invalid UTF-8 replacement, and writer escaping and round trips.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "harness.h"
#include "json.h"

static arena A;

static const json_value *parse(const char *s) { return json_parse(&A, s, strlen(s), 64); }

/* Element i of an array (or member i of an object). */
static const json_value *nth(const json_value *v, size_t i)
{
    if (!v || (v->type != JSON_ARRAY && v->type != JSON_OBJECT))
        return NULL;
    const json_value *c = v->child;
    while (c && i--)
        c = c->next;
    return c;
}

static const char *get_str(const json_value *obj, const char *key)
{
    const json_value *v = json_get(obj, key);
    return v && v->type == JSON_STRING ? v->str : NULL;
}

static int is_type(const json_value *v, json_type t) { return v && v->type == t; }

/* Strict UTF-8 validation (no overlongs, surrogates or > U+10FFFF). */
static int valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t need;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF)
            need = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            if (c == 0xE0)
                lo = 0xA0;
            if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            if (c == 0xF0)
                lo = 0x90;
            if (c == 0xF4)
                hi = 0x8F;
        } else
            return 0;
        if (n - i <= need)
            return 0;
        for (size_t k = 1; k <= need; k++) {
            if (s[i + k] < lo || s[i + k] > hi)
                return 0;
            lo = 0x80;
            hi = 0xBF;
        }
        i += need + 1;
    }
    return 1;
}

/* A JSON string literal: quotes at both ends, no raw control bytes, valid escapes. */
static int valid_literal(const char *s, size_t n)
{
    if (n < 2 || s[0] != '"' || s[n - 1] != '"')
        return 0;
    for (size_t i = 1; i + 1 < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7F || c == '"')
            return 0;
        if (c == '\\') {
            i++;
            if (i + 1 >= n)
                return 0;
            if (s[i] == 'u') {
                for (int k = 1; k <= 4; k++)
                    if (i + (size_t)k + 1 >= n || !strchr("0123456789abcdef", s[i + (size_t)k]))
                        return 0;
                i += 4;
            } else if (!strchr("\"\\nrtbf", s[i])) {
                return 0;
            }
        }
    }
    return valid_utf8((const unsigned char *)s, n);
}

/* Write s[0..n) as a literal into a fresh buffer (caller frees). */
static char *lit(const char *s, size_t n, size_t *len)
{
    buf b = BUF_INIT;
    json_write_string(&b, s, n);
    return buf_detach(&b, len);
}

/* write(s) parsed back yields exactly s. */
static int round_trips(const char *s, size_t n)
{
    size_t ln;
    char *l = lit(s, n, &ln);
    const json_value *v = json_parse(&A, l, ln, 64);
    int ok = valid_literal(l, ln) && is_type(v, JSON_STRING) && v->str_len == n && memcmp(v->str, s, n) == 0;
    free(l);
    return ok;
}

#define LIT(s, np) lit(s, sizeof(s) - 1, np)
#define ROUND_TRIPS(s) round_trips(s, sizeof(s) - 1)

static void test_standard(void)
{
    const json_value *v = parse("{\"a\": 1, \"b\": [true, false, null, \"x\"], \"c\": {\"d\": -2.5}}");
    CHECK(is_type(v, JSON_OBJECT));
    CHECK_INT(v ? v->count : 0, 3);
    const json_value *b = json_get(v, "b");
    CHECK(is_type(b, JSON_ARRAY));
    CHECK_INT(b ? b->count : 0, 4);
    CHECK(is_type(nth(b, 0), JSON_BOOL) && nth(b, 0)->boolean == 1);
    CHECK(is_type(nth(b, 1), JSON_BOOL) && nth(b, 1)->boolean == 0);
    CHECK(is_type(nth(b, 2), JSON_NULL));
    CHECK_STR(nth(b, 3) ? nth(b, 3)->str : NULL, "x");
    CHECK(nth(b, 3) && nth(b, 3)->key == NULL);
    const json_value *d = json_get(json_get(v, "c"), "d");
    CHECK(is_type(d, JSON_NUMBER) && d->number == -2.5);
    CHECK(json_get(v, "zz") == NULL);
    CHECK(json_get(b, "a") == NULL); /* not an object */
    CHECK(json_get(NULL, "a") == NULL);

    /* first member wins for duplicate keys */
    v = parse("{\"k\": \"first\", \"k\": \"second\"}");
    CHECK_STR(get_str(v, "k"), "first");
    CHECK_INT(v ? v->count : 0, 2);

    v = parse("[]");
    CHECK(is_type(v, JSON_ARRAY) && v->count == 0 && v->child == NULL);
    v = parse("{}");
    CHECK(is_type(v, JSON_OBJECT) && v->count == 0);
    v = parse("42");
    CHECK(is_type(v, JSON_NUMBER) && v->number == 42);
    v = parse("\"solo\"");
    CHECK_STR(is_type(v, JSON_STRING) ? v->str : NULL, "solo");
    CHECK(parse("") == NULL);
    CHECK(parse("   \n\t ") == NULL);
    CHECK(parse("hello world, no json here") == NULL);
    CHECK(json_parse(&A, NULL, 0, 64) == NULL);
}

static void test_graph(void)
{
    const json_value *v = parse("{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"NewsArticle\","
                                "\"headline\":\"X\",\"author\":[{\"@type\":\"Person\",\"name\":\"A\"}]},"
                                "{\"@type\":\"WebPage\",\"url\":\"https://e.com/\"}]}");
    CHECK_STR(get_str(v, "@context"), "https://schema.org");
    const json_value *g = json_get(v, "@graph");
    CHECK(is_type(g, JSON_ARRAY) && g->count == 2);
    const json_value *art = nth(g, 0);
    CHECK_STR(get_str(art, "@type"), "NewsArticle");
    CHECK_STR(get_str(art, "headline"), "X");
    const json_value *au = json_get(art, "author");
    CHECK(is_type(au, JSON_ARRAY) && au->count == 1);
    CHECK_STR(get_str(nth(au, 0), "name"), "A");
    CHECK_STR(get_str(nth(g, 1), "url"), "https://e.com/");
    CHECK(art && art->key == NULL && au && au->key_len == 6);
}

static void test_numbers(void)
{
    const json_value *v = parse("[0, 42, -7, 1.5e3, -2.5E-2, 0.1, 123456789012, 1e400, +3, .5, 007, 12px, 1e, "
                                "-0, 2.]");
    CHECK_INT(v ? v->count : 0, 15);
    CHECK(nth(v, 0) && nth(v, 0)->number == 0 && strcmp(nth(v, 0)->str, "0") == 0);
    CHECK(nth(v, 1) && nth(v, 1)->number == 42);
    CHECK(nth(v, 2) && nth(v, 2)->number == -7);
    CHECK(nth(v, 3) && nth(v, 3)->number == 1500);
    CHECK(nth(v, 4) && nth(v, 4)->number == -0.025);
    CHECK(nth(v, 5) && nth(v, 5)->number == 0.1);
    CHECK(nth(v, 6) && nth(v, 6)->number == 123456789012.0);
    CHECK(nth(v, 7) && isinf(nth(v, 7)->number));
    CHECK_STR(nth(v, 4) ? nth(v, 4)->str : NULL, "-2.5e-2");
    CHECK_STR(nth(v, 8) ? nth(v, 8)->str : NULL, "3");
    CHECK_STR(nth(v, 9) ? nth(v, 9)->str : NULL, "0.5");
    CHECK_STR(nth(v, 10) ? nth(v, 10)->str : NULL, "7");
    CHECK(nth(v, 11) && nth(v, 11)->number == 12); /* "px" dropped */
    CHECK_STR(nth(v, 12) ? nth(v, 12)->str : NULL, "1");
    CHECK(nth(v, 13) && nth(v, 13)->number == 0 && signbit(nth(v, 13)->number));
    CHECK_STR(nth(v, 14) ? nth(v, 14)->str : NULL, "2");
    v = parse("[3.141592653589793, 6.02214076e23, 1e-7]");
    CHECK(nth(v, 0) && nth(v, 0)->number == 3.141592653589793);
    CHECK(nth(v, 1) && fabs(nth(v, 1)->number / 6.02214076e23 - 1) < 1e-15);
    CHECK(nth(v, 2) && nth(v, 2)->number == 1e-7);
}

static void test_strings(void)
{
    const json_value *v = parse("[\"a\\nb\\t\\\"q\\\"\\\\\\/\\b\\f\\r\", \"caf\\u00e9\", \"\\ud83d\\ude00\","
                                "\"x\\ud83dy\", \"\\ude00\", \"\\ud83d\\u0041\", \"\\q\\'\", \"\\u12x\", \"\\u0000z\"]");
    CHECK_INT(v ? v->count : 0, 9);
    CHECK_STR(nth(v, 0) ? nth(v, 0)->str : NULL, "a\nb\t\"q\"\\/\b\f\r");
    CHECK_STR(nth(v, 1) ? nth(v, 1)->str : NULL, "caf\xc3\xa9");
    CHECK_STR(nth(v, 2) ? nth(v, 2)->str : NULL, "\xf0\x9f\x98\x80");
    CHECK_STR(nth(v, 3) ? nth(v, 3)->str : NULL, "x\xef\xbf\xbdy");
    CHECK_STR(nth(v, 4) ? nth(v, 4)->str : NULL, "\xef\xbf\xbd");
    CHECK_STR(nth(v, 5) ? nth(v, 5)->str : NULL, "\xef\xbf\xbd" "A");
    CHECK_STR(nth(v, 6) ? nth(v, 6)->str : NULL, "q'");   /* invalid escapes keep the character */
    CHECK_STR(nth(v, 7) ? nth(v, 7)->str : NULL, "u12x"); /* short \u */
    CHECK(nth(v, 8) && nth(v, 8)->str_len == 2 && nth(v, 8)->str[0] == 0 && nth(v, 8)->str[1] == 'z');
    /* raw newline, tab and control characters are kept */
    v = parse("{\"t\": \"line1\nline2\tx\x01y\"}");
    CHECK_STR(get_str(v, "t"), "line1\nline2\tx\x01y");
    /* keys are decoded too */
    v = parse("{\"caf\\u00e9\": 1}");
    CHECK(json_get(v, "caf\xc3\xa9") != NULL);
    /* raw UTF-8 passes through */
    v = parse("[\"\xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2 \xe2\x80\x94 \xf0\x9f\x98\x80\"]");
    CHECK_STR(nth(v, 0) ? nth(v, 0)->str : NULL, "\xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2 \xe2\x80\x94 \xf0\x9f\x98\x80");
}

static void test_invalid_utf8(void)
{
    const json_value *v = parse("[\"a\xff" "b\", \"\xe2\x82\", \"\xe2\x82" "A\", \"\xed\xa0\x80\", \"\xc0\xaf\","
                                "\"\xf4\x90\x80\x80\", \"\xf0\x9f\x98x\", \"\x80\x80\"]");
    CHECK_INT(v ? v->count : 0, 8);
    CHECK_STR(nth(v, 0) ? nth(v, 0)->str : NULL, "a\xef\xbf\xbd" "b");
    CHECK_STR(nth(v, 1) ? nth(v, 1)->str : NULL, "\xef\xbf\xbd"); /* truncated: one U+FFFD */
    CHECK_STR(nth(v, 2) ? nth(v, 2)->str : NULL, "\xef\xbf\xbd" "A");
    CHECK_STR(nth(v, 3) ? nth(v, 3)->str : NULL, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"); /* surrogate */
    CHECK_STR(nth(v, 4) ? nth(v, 4)->str : NULL, "\xef\xbf\xbd\xef\xbf\xbd");             /* overlong */
    CHECK_STR(nth(v, 5) ? nth(v, 5)->str : NULL,
              "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"); /* > U+10FFFF */
    CHECK_STR(nth(v, 6) ? nth(v, 6)->str : NULL, "\xef\xbf\xbdx");  /* maximal subpart F0 9F 98 */
    CHECK_STR(nth(v, 7) ? nth(v, 7)->str : NULL, "\xef\xbf\xbd\xef\xbf\xbd");
    /* a long run of invalid bytes triples in size */
    size_t n = 100000;
    char *s = malloc(n + 2);
    s[0] = '"';
    memset(s + 1, 0xff, n);
    s[n + 1] = '"';
    v = json_parse(&A, s, n + 2, 64);
    CHECK(is_type(v, JSON_STRING) && v->str_len == 3 * n && valid_utf8((const unsigned char *)v->str, v->str_len));
    free(s);
}

static void test_entities(void)
{
    const json_value *v = parse("[\"Tom &amp; Jerry\", \"&quot;Q&quot; &#39;a&#x27; &apos;b&apos;\", "
                                "\"&lt;p&gt;\", \"a&nbsp;b\", \"&#8217;&#x2019;&#150;\", \"AT&T &unknown; & &#;\","
                                "\"&#0;&#x110000;&#xD800;\", \"&amp;amp;\"]");
    CHECK_STR(nth(v, 0) ? nth(v, 0)->str : NULL, "Tom & Jerry");
    CHECK_STR(nth(v, 1) ? nth(v, 1)->str : NULL, "\"Q\" 'a' 'b'");
    CHECK_STR(nth(v, 2) ? nth(v, 2)->str : NULL, "<p>");
    CHECK_STR(nth(v, 3) ? nth(v, 3)->str : NULL, "a\xc2\xa0" "b");
    CHECK_STR(nth(v, 4) ? nth(v, 4)->str : NULL, "\xe2\x80\x99\xe2\x80\x99\xe2\x80\x93");
    CHECK_STR(nth(v, 5) ? nth(v, 5)->str : NULL, "AT&T &unknown; & &#;");
    CHECK_STR(nth(v, 6) ? nth(v, 6)->str : NULL, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    CHECK_STR(nth(v, 7) ? nth(v, 7)->str : NULL, "&amp;"); /* decoded once only */
    /* an escaped '&' is literal, not an entity start */
    v = parse("[\"\\u0026amp;\"]");
    CHECK_STR(nth(v, 0) ? nth(v, 0)->str : NULL, "&amp;");
}

static void test_tolerances(void)
{
    const json_value *v = parse("[1, 2, 3,]");
    CHECK(is_type(v, JSON_ARRAY) && v->count == 3);
    v = parse("{\"a\": 1, \"b\": 2,}");
    CHECK(is_type(v, JSON_OBJECT) && v->count == 2);
    v = parse("[1,,2]");
    CHECK(v && v->count == 2);

    v = parse("// lead\n{\"a\": /* inline */ 1, // tail\n \"b\": 2 /* unclosed");
    CHECK(is_type(v, JSON_OBJECT) && v->count == 2 && json_get(v, "b") && json_get(v, "b")->number == 2);

    v = parse("<!-- {\"@type\": \"Article\"} -->");
    CHECK_STR(get_str(v, "@type"), "Article");
    v = parse("<![CDATA[{\"@type\": \"Article\", \"k\": [1]}]]>");
    CHECK(is_type(v, JSON_OBJECT) && v->count == 2);
    CHECK_STR(get_str(v, "@type"), "Article");
    v = parse("\n//<![CDATA[\n[[1,2]]\n//]]>\n");
    CHECK(is_type(v, JSON_ARRAY) && v->count == 1 && nth(v, 0) && nth(v, 0)->count == 2);
    v = parse("\xef\xbb\xbf{\"bom\": true}");
    CHECK(is_type(json_get(v, "bom"), JSON_BOOL));

    v = parse("{'name': 'Joe', \"it's\": 'say \"hi\"'}");
    CHECK_STR(get_str(v, "name"), "Joe");
    CHECK_STR(get_str(v, "it's"), "say \"hi\"");
    v = parse("{name: \"n\", @type: \"T\", $x_1: 2, 3: 4}");
    CHECK_STR(get_str(v, "name"), "n");
    CHECK_STR(get_str(v, "@type"), "T");
    CHECK(json_get(v, "$x_1") && json_get(v, "3") && json_get(v, "3")->number == 4);

    v = parse("[NaN, Infinity, -Infinity, undefined, nonsense, 5]");
    CHECK(v && v->count == 5); /* the unknown word is skipped */
    CHECK(is_type(nth(v, 0), JSON_NULL) && is_type(nth(v, 1), JSON_NULL) && is_type(nth(v, 2), JSON_NULL) &&
          is_type(nth(v, 3), JSON_NULL));
    CHECK(nth(v, 4) && nth(v, 4)->number == 5);
    v = parse("{\"a\": NaN, \"b\": undefined, \"c\": bogus, \"d\": 1}");
    CHECK(v && v->count == 4 && is_type(json_get(v, "c"), JSON_NULL) && json_get(v, "d")->number == 1);

    /* missing commas */
    v = parse("[1 2 \"x\" {\"a\":1} {\"b\":2} [3]]");
    CHECK(v && v->count == 6);
    v = parse("{\"a\": 1 \"b\": \"two\"\n \"c\": [1] d: {}}");
    CHECK(v && v->count == 4 && json_get(v, "d") && json_get(v, "d")->type == JSON_OBJECT);
    CHECK_STR(get_str(v, "b"), "two");
    v = parse("{\"a\": \"x\" b: \"y\"}"); /* bare key after a missing comma */
    CHECK_STR(get_str(v, "a"), "x");
    CHECK_STR(get_str(v, "b"), "y");

    /* missing colon, missing value */
    v = parse("{\"a\" 1, \"b\":, \"c\"}");
    CHECK(v && v->count == 3 && json_get(v, "a") && json_get(v, "a")->number == 1);
    CHECK(is_type(json_get(v, "b"), JSON_NULL) && is_type(json_get(v, "c"), JSON_NULL));

    /* a mismatched closer closes the innermost container */
    v = parse("{\"a\": [1}, \"b\": 2}");
    CHECK(v && v->count == 2 && json_get(v, "a") && json_get(v, "a")->count == 1);

    /* unescaped quotes inside a member value */
    v = parse("{\"headline\": \"The \"Best\" Pie\", \"q\": \"Say \"Hi\"\", \"x\": 1}");
    CHECK_STR(get_str(v, "headline"), "The \"Best\" Pie");
    CHECK_STR(get_str(v, "q"), "Say \"Hi\"");
    CHECK(v && v->count == 3 && json_get(v, "x") && json_get(v, "x")->number == 1);
    v = parse("{'name': 'Joe's Diner', 'k': 1}");
    CHECK_STR(get_str(v, "name"), "Joe's Diner");
    CHECK(v && v->count == 2);
}

static void test_top_level(void)
{
    const json_value *v = parse("{\"a\":1}\n{\"b\":2}");
    CHECK(is_type(v, JSON_ARRAY) && v->count == 2);
    CHECK(json_get(nth(v, 0), "a") && json_get(nth(v, 1), "b"));
    CHECK(nth(v, 1) && nth(v, 1)->next == NULL);
    v = parse("var data = {\"a\":1}; window.x = 5; junk [2] trailing, junk");
    CHECK(is_type(v, JSON_ARRAY) && v->count == 2);
    CHECK(is_type(nth(v, 0), JSON_OBJECT) && is_type(nth(v, 1), JSON_ARRAY));
    v = parse("foo{\"a\":1}"); /* a word glued to the value */
    CHECK(is_type(v, JSON_OBJECT) && json_get(v, "a"));
    v = parse("{\"a\":1},{\"b\":2},");
    CHECK(v && v->count == 2);
    v = parse("}}] {\"a\": 1}");
    CHECK(is_type(v, JSON_OBJECT) && v->count == 1);
    v = parse("text <b>bold</b> <![CDATA[ {\"c\": 3} ]]>");
    CHECK(is_type(v, JSON_OBJECT) && json_get(v, "c"));
}

static void test_truncated(void)
{
    const json_value *v = parse("{\"a\": [1, 2, {\"b\": \"hel");
    CHECK(is_type(v, JSON_OBJECT) && v->count == 1);
    const json_value *a = json_get(v, "a");
    CHECK(is_type(a, JSON_ARRAY) && a->count == 3);
    CHECK_STR(get_str(nth(a, 2), "b"), "hel");
    v = parse("{\"a\": 1, \"b\"");
    CHECK(v && v->count == 2 && is_type(json_get(v, "b"), JSON_NULL));
    v = parse("{\"a\": \"x\\");
    CHECK_STR(get_str(v, "a"), "x");
    v = parse("[\"\\ud83d");
    CHECK_STR(nth(v, 0) ? nth(v, 0)->str : NULL, "\xef\xbf\xbd");
    v = parse("[1.5e");
    CHECK(v && v->count == 1 && nth(v, 0)->number == 1.5);
    v = parse("[tru");
    CHECK(is_type(v, JSON_ARRAY) && v->count == 0);
}

static double seconds_since(clock_t t0) { return (double)(clock() - t0) / CLOCKS_PER_SEC; }

static void test_depth(void)
{
    size_t depth = 100000;
    char *s = malloc(2 * depth + 64);
    memset(s, '[', depth);
    clock_t t0 = clock();
    const json_value *v = json_parse(&A, s, depth, 128); /* unclosed */
    CHECK(seconds_since(t0) < 2.0);
    size_t levels = 0;
    const json_value *c = v;
    while (c && c->type == JSON_ARRAY) {
        levels++;
        CHECK_INT(c->count, 1);
        c = c->child;
    }
    CHECK_INT(levels, 128);
    CHECK(is_type(c, JSON_NULL));

    /* closed deep value inside an object: the skip respects structure */
    size_t k = 0;
    k += (size_t)sprintf(s, "{\"deep\": ");
    memset(s + k, '[', depth);
    k += depth;
    s[k++] = '"';
    s[k++] = ']';
    s[k++] = '"';
    memset(s + k, ']', depth);
    k += depth;
    k += (size_t)sprintf(s + k, ", \"after\": 1}");
    t0 = clock();
    v = json_parse(&A, s, k, 128);
    CHECK(seconds_since(t0) < 2.0);
    CHECK(is_type(v, JSON_OBJECT) && v->count == 2);
    CHECK(json_get(v, "after") && json_get(v, "after")->number == 1);
    free(s);

    v = json_parse(&A, "{\"a\":{\"b\":{\"c\":\"]}\"}}, \"z\":1}", 30, 2);
    CHECK(is_type(json_get(json_get(v, "a"), "b"), JSON_NULL));
    CHECK(json_get(v, "z") && json_get(v, "z")->number == 1);
    v = json_parse(&A, "[[1]]", 5, 0); /* 0 acts as 1 */
    CHECK(is_type(v, JSON_ARRAY) && is_type(nth(v, 0), JSON_NULL));
}

static void test_linear(void)
{
    /* one long string and many members; would take minutes if quadratic */
    size_t n = 4u << 20;
    char *s = malloc(n + 16);
    s[0] = '"';
    for (size_t i = 1; i <= n; i++)
        s[i] = (i % 97 == 0) ? '\\' : (i % 89 == 0 ? '&' : 'a');
    s[n + 1] = '"';
    clock_t t0 = clock();
    const json_value *v = json_parse(&A, s, n + 2, 64);
    CHECK(is_type(v, JSON_STRING));
    free(s);
    size_t members = 200000, k = 0;
    s = malloc(members * 16 + 4);
    s[k++] = '{';
    for (size_t i = 0; i < members; i++)
        k += (size_t)sprintf(s + k, "k%zu:%zu,", i, i);
    s[k++] = '}';
    v = json_parse(&A, s, k, 64);
    CHECK(is_type(v, JSON_OBJECT) && v->count == members);
    CHECK(seconds_since(t0) < 3.0);
    free(s);
}

static void test_arena_failure(void)
{
    arena small;
    arena_init(&small, 1024);
    small.limit = 2048;
    const char *s = "[\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", 1, 2, 3, 4, 5, "
                    "6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]";
    CHECK(json_parse(&small, s, strlen(s), 64) == NULL);
    CHECK(small.failed);
    arena_free(&small);
}

static void test_write(void)
{
    size_t n;
    char *l = LIT("a\"b\\c\nd\te\rf\bg\fh\x01i\x1fj\x7fk", &n);
    CHECK_STR(l, "\"a\\\"b\\\\c\\nd\\te\\rf\\bg\\fh\\u0001i\\u001fj\\u007fk\"");
    free(l);
    l = LIT("<a href='x'>&</a> AT&T \xe2\x80\xa8\xe2\x80\xa9 \xc3\xa9", &n);
    CHECK_STR(l, "\"<a href='x'>&</a> AT&T \\u2028\\u2029 \xc3\xa9\"");
    free(l);
    l = LIT("&amp; &#39;", &n); /* entity-like: '&' escaped so the reader keeps it */
    CHECK_STR(l, "\"\\u0026amp; \\u0026#39;\"");
    free(l);
    /* invalid UTF-8: overlong, surrogate, > U+10FFFF, truncated, stray */
    l = LIT("\xc0\xaf|\xed\xa0\x80|\xf4\x90\x80\x80|\xe2\x82|\x80", &n);
    CHECK_STR(l, "\"\xef\xbf\xbd\xef\xbf\xbd|\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|"
                 "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|\xef\xbf\xbd|\xef\xbf\xbd\"");
    free(l);
    l = lit("", 0, &n);
    CHECK_STR(l, "\"\"");
    free(l);
    l = lit("\0x", 2, &n);
    CHECK_STR(l, "\"\\u0000x\"");
    free(l);
    /* appends to what is already there */
    buf b = BUF_INIT;
    buf_puts(&b, "k:");
    json_write_string(&b, "v", 1);
    CHECK_STR(b.data, "k:\"v\"");
    buf_free(&b);
}

static void test_round_trip(void)
{
    CHECK(ROUND_TRIPS("plain text"));
    CHECK(ROUND_TRIPS("quote \" back \\ slash / <script> &amp; &#39; AT&T"));
    CHECK(ROUND_TRIPS("\xf0\x9f\x98\x80 \xe2\x80\xa8 \xd0\x9a\xc3\xa9 \xef\xbf\xbd"));
    char all[128];
    for (int i = 0; i < 127; i++)
        all[i] = (char)(i + 1);
    CHECK(round_trips(all, 127));
    CHECK(round_trips("\0\0", 2));
    /* a long string crossing the 8-byte fast path at every offset */
    char longs[300];
    int ok = 1;
    for (int off = 0; off < 16; off++) {
        memset(longs, 'x', sizeof longs);
        longs[100 + off] = '"';
        longs[200 + off] = '\n';
        ok &= round_trips(longs, sizeof longs);
    }
    CHECK(ok);
}

/* Random bytes (biased toward interesting ones): output is a valid literal and
 * reading it back then writing again gives the same literal. */
static void test_write_random(void)
{
    static const unsigned char pick[] = {0x00, 0x1f, '"', '\\', '&', '#', ';', 'a', 0x7f, 0x80, 0xbf, 0xc0, 0xc2,
                                         0xe0, 0xe2, 0xed, 0xa0, 0x9f, 0xf0, 0xf4, 0x8f, 0x90, 0xf5, 0xff, 'x'};
    uint32_t seed = 12345;
    int all_valid = 1, all_stable = 1;
    unsigned char s[64];
    for (int iter = 0; iter < 20000; iter++) {
        size_t n = (size_t)(iter % 64);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = seed >> 16;
            s[i] = (r & 1) ? pick[(r >> 1) % sizeof pick] : (unsigned char)(r >> 3);
        }
        size_t ln, ln2;
        char *l = lit((const char *)s, n, &ln);
        if (!valid_literal(l, ln))
            all_valid = 0;
        const json_value *v = json_parse(&A, l, ln, 64);
        if (!is_type(v, JSON_STRING)) {
            all_stable = 0;
        } else {
            char *l2 = lit(v->str, v->str_len, &ln2);
            if (ln2 != ln || memcmp(l, l2, ln) != 0)
                all_stable = 0;
            free(l2);
        }
        free(l);
        arena_reset(&A);
    }
    CHECK(all_valid);
    CHECK(all_stable);
}

/* Every string in a parsed tree is valid UTF-8, even from hostile input. */
static int tree_valid(const json_value *v, int depth)
{
    for (; v; v = v->next) {
        if (v->key && !valid_utf8((const unsigned char *)v->key, v->key_len))
            return 0;
        if (v->type == JSON_STRING && !valid_utf8((const unsigned char *)v->str, v->str_len))
            return 0;
        if (depth < 200 && !tree_valid(v->child, depth + 1))
            return 0;
    }
    return 1;
}

static void test_hostile_keys(void)
{
    const json_value *v = parse("{\"\xff\": \"\xc3\", bare\xe2\x82: 1, 'x\\\xff': [\"\xed\xbf\xbf\"]}");
    CHECK(is_type(v, JSON_OBJECT) && v->count == 3);
    CHECK(tree_valid(v, 0));
    CHECK(json_get(v, "\xef\xbf\xbd") != NULL);
}

int main(void)
{
    arena_init(&A, 1 << 16);
    test_standard();
    test_graph();
    test_numbers();
    test_strings();
    test_invalid_utf8();
    test_entities();
    test_tolerances();
    test_top_level();
    test_truncated();
    test_depth();
    test_linear();
    test_arena_failure();
    test_write();
    test_round_trip();
    test_write_random();
    test_hostile_keys();
    arena_free(&A);
    return harness_done("json");
}
