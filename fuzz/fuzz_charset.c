/* fuzz_charset.c — libFuzzer target for the charset layer (charset.c).
 *
 * The first byte picks the input kind, a BOM to put in front or not, and
 * with the second byte a caller label from every family MyHTML knows (or
 * none, so the meta prescan and the detectors run). The decoded text must be
 * valid UTF-8, empty input must give empty output, and the charset name
 * recorded for the page must be a NUL-terminated string.
 */
#include "internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const labels[] = {
    NULL, "utf-8", "utf-16le", "utf-16be", "utf-16", "windows-1251", "koi8-u", "koi8-r", "iso-8859-5",
    "ibm866", "x-mac-cyrillic", "windows-1252", "iso-8859-1", "iso-8859-2", "iso-8859-7", "iso-8859-8-i",
    "windows-1250", "windows-1253", "windows-1254", "windows-1255", "windows-1256", "windows-1257",
    "windows-1258", "windows-874", "iso-8859-15", "macintosh", "shift_jis", "euc-jp", "iso-2022-jp",
    "gbk", "gb18030", "big5", "euc-kr", "x-user-defined", "replacement", "no-such-charset", "",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    uint8_t sel = data[0];
    const char *label = labels[data[1] % (sizeof labels / sizeof labels[0])];
    data += 2;
    size -= 2;

    /* optional BOM in front of the bytes */
    static const uint8_t boms[4][3] = {{0, 0, 0}, {0xEF, 0xBB, 0xBF}, {0xFF, 0xFE, 0}, {0xFE, 0xFF, 0}};
    static const size_t bom_len[4] = {0, 3, 2, 2};
    unsigned bi = (sel >> 1) & 3;
    uint8_t *bytes = malloc(size + 3 + 1);
    REQUIRE(bytes != NULL);
    memcpy(bytes, boms[bi], bom_len[bi]);
    if (size)
        memcpy(bytes + bom_len[bi], data, size);
    size_t n = size + bom_len[bi];

    pith_options opt;
    pith_options_init(&opt);
    arena mem;
    arena_init(&mem, 4096);
    page pg;
    memset(&pg, 0, sizeof pg);
    pg.mem = &mem;
    pg.opt = &opt;

    pith_input in;
    memset(&in, 0, sizeof in);
    in.data = bytes;
    in.len = n;
    in.kind = (sel & 1) ? PITH_INPUT_TEXT : PITH_INPUT_HTML;
    in.charset = label;

    const char *out = NULL;
    size_t out_len = 0;
    pith_status st = charset_decode(&pg, &in, &out, &out_len);
    if (st == PITH_OK) {
        REQUIRE(out != NULL);
        REQUIRE(utf8_valid_prefix(out, out_len) == out_len);
        REQUIRE(memchr(pg.charset, 0, sizeof pg.charset) != NULL);
        /* a decoder never makes text out of nothing */
        if (n == 0)
            REQUIRE(out_len == 0);
    } else {
        REQUIRE(st == PITH_ECHARSET || st == PITH_ENOMEM);
    }
    arena_free(&mem);
    free(bytes);
    return 0;
}
