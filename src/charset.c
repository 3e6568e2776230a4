/* charset.c — page bytes to UTF-8.
 *
 * Takes pith_input bytes and gives valid UTF-8 in the page arena. Order, as in
 * the WHATWG "encoding sniffing algorithm"
 * (https://html.spec.whatwg.org/multipage/parsing.html#encoding-sniffing-algorithm):
 *   1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE) wins;
 *   2. the caller's hint (HTTP Content-Type charset);
 *   3. the <meta charset> / http-equiv prescan of the first 16 KiB (MyHTML's
 *      myencoding prescan, which follows the spec's algorithm);
 *   4. otherwise: valid UTF-8 stays UTF-8; UTF-16 without BOM and Cyrillic
 *      single-byte charsets are detected (myencoding's trigram statistics);
 *      the rest falls back to windows-1252, the web's default.
 * One deviation, for corpora of re-saved pages: when a hint or meta names a
 * legacy single-byte charset but the bytes are valid UTF-8 with multi-byte
 * sequences, the bytes are UTF-8 (legacy text almost never validates).
 * Invalid sequences become U+FFFD; the result is never invalid UTF-8.
 */
#include "internal.h"

#include <myencoding/encoding.h>
#include <string.h>

/* Is the text valid UTF-8 with at least a few multi-byte sequences? */
static int looks_utf8(const unsigned char *s, size_t n, size_t *multibyte)
{
    size_t i = 0, mb = 0;
    while (i < n) {
        /* skip ASCII quickly, 8 bytes at a time */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t v = utf8_valid_prefix((const char *)s + i, n - i < 4 ? n - i : 4);
        size_t adv;
        if (v == 0) {
            /* a sequence cut by the end of the input still counts as UTF-8 */
            if (n - i < 4 && s[i] >= 0xC2)
                break;
            *multibyte = mb;
            return 0;
        }
        utf8_decode(s + i, n - i, &adv);
        i += adv;
        mb++;
    }
    *multibyte = mb;
    return 1;
}

static int is_single_byte(myencoding_t e)
{
    switch (e) {
    case MyENCODING_UTF_8:
    case MyENCODING_UTF_16LE:
    case MyENCODING_UTF_16BE:
    case MyENCODING_BIG5:
    case MyENCODING_EUC_JP:
    case MyENCODING_EUC_KR:
    case MyENCODING_GB18030:
    case MyENCODING_GBK:
    case MyENCODING_ISO_2022_JP:
    case MyENCODING_SHIFT_JIS:
        return 0;
    default:
        return 1;
    }
}

/* UTF-16 of either byte order, written here: myencoding's UTF-16 decoders
 * swap the byte orders and lose every second code unit. Unpaired surrogates
 * and an odd last byte become U+FFFD. */
static int decode_utf16(buf *out, const unsigned char *s, size_t n, int big_endian)
{
    if (buf_reserve(out, n + n / 2 + 16))
        return -1;
    char tmp[4];
    size_t i = 0;
    while (i + 1 < n) {
        uint32_t u = big_endian ? ((uint32_t)s[i] << 8 | s[i + 1]) : ((uint32_t)s[i + 1] << 8 | s[i]);
        i += 2;
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n) {
            uint32_t l = big_endian ? ((uint32_t)s[i] << 8 | s[i + 1]) : ((uint32_t)s[i + 1] << 8 | s[i]);
            if (l >= 0xDC00 && l <= 0xDFFF) {
                i += 2;
                u = 0x10000 + ((u - 0xD800) << 10) + (l - 0xDC00);
            } else {
                u = 0xFFFD;
            }
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            u = 0xFFFD;
        }
        buf_put(out, tmp, utf8_encode(u, tmp));
    }
    if (i < n)
        buf_put(out, "\xEF\xBF\xBD", 3);
    return out->failed ? -1 : 0;
}

/* Decode with one of myencoding's byte-at-a-time decoders. */
static int decode_legacy(buf *out, const unsigned char *s, size_t n, myencoding_t enc)
{
    if (enc == MyENCODING_UTF_16LE || enc == MyENCODING_UTF_16BE)
        return decode_utf16(out, s, n, enc == MyENCODING_UTF_16BE);
    myencoding_custom_f fn = myencoding_get_function_by_id(enc);
    if (!fn)
        return -1;
    if (buf_reserve(out, n + n / 2 + 16))
        return -1;
    myencoding_result_t res;
    memset(&res, 0, sizeof res);
    char tmp[8];
    size_t run_start = 0;
    int single = is_single_byte(enc) && enc != MyENCODING_UTF_8;
    for (size_t i = 0; i < n; i++) {
        /* ASCII bytes map to themselves in every single-byte web encoding */
        if (single && s[i] < 0x80) {
            continue;
        }
        if (single && run_start < i)
            buf_put(out, (const char *)s + run_start, i - run_start);
        myencoding_status_t st = fn(s[i], &res);
        /* myencoding's Shift_JIS decoder keeps its lead byte after a character;
         * every decoder but ISO-2022-JP (whose mode lives in the state) starts
         * afresh after a character or an error */
        if (st != MyENCODING_STATUS_CONTINUE && enc != MyENCODING_ISO_2022_JP)
            res.first = 0;
        if (st == MyENCODING_STATUS_OK) {
            unsigned long cp = res.result;
            if (cp == 0 && s[i] != 0)
                cp = 0xFFFD;
            buf_put(out, tmp, utf8_encode((uint32_t)cp, tmp));
            if (res.result_aux) {
                buf_put(out, tmp, utf8_encode((uint32_t)res.result_aux, tmp));
                res.result_aux = 0;
            }
        } else if (st & MyENCODING_STATUS_ERROR) {
            buf_put(out, "\xEF\xBF\xBD", 3);
            unsigned long keep_flag = res.flag; /* UTF-16 byte order */
            memset(&res, 0, sizeof res);
            if (enc == MyENCODING_UTF_16LE || enc == MyENCODING_UTF_16BE)
                res.flag = keep_flag;
            /* An ASCII byte that broke a multi-byte sequence is itself text. */
            if (!single && s[i] < 0x80)
                buf_putc(out, (char)s[i]);
        }
        run_start = i + 1;
    }
    if (single && run_start < n)
        buf_put(out, (const char *)s + run_start, n - run_start);
    if (!single && (res.first || res.second || res.third))
        buf_put(out, "\xEF\xBF\xBD", 3); /* sequence cut by the end */
    return out->failed ? -1 : 0;
}

static void set_name(page *pg, myencoding_t e)
{
    size_t len = 0;
    const char *name = myencoding_name_by_id(e, &len);
    if (!name) {
        name = "unknown";
        len = 7;
    }
    if (len >= sizeof pg->charset)
        len = sizeof pg->charset - 1;
    for (size_t i = 0; i < len; i++) {
        char c = name[i];
        pg->charset[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    pg->charset[len] = '\0';
}

pith_status charset_decode(page *pg, const pith_input *in, const char **out, size_t *out_len)
{
    const unsigned char *s = in->data;
    size_t n = in->len;
    myencoding_t enc = MyENCODING_NOT_DETERMINED;
    int from_declaration = 0;

    /* 1. BOM */
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        enc = MyENCODING_UTF_8;
        s += 3;
        n -= 3;
    } else if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
        enc = MyENCODING_UTF_16LE;
        s += 2;
        n -= 2;
    } else if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
        enc = MyENCODING_UTF_16BE;
        s += 2;
        n -= 2;
    }
    /* 2. caller hint */
    if (enc == MyENCODING_NOT_DETERMINED && in->charset && in->charset[0]) {
        myencoding_t e;
        if (!myencoding_by_name(in->charset, strlen(in->charset), &e))
            return PITH_ECHARSET;
        enc = e;
        from_declaration = 1;
    }
    /* 3. meta prescan */
    if (enc == MyENCODING_NOT_DETERMINED && in->kind == PITH_INPUT_HTML) {
        size_t scan = n < 16384 ? n : 16384;
        char *head = arena_alloc(pg->mem, scan + 8); /* padded, as for the detectors below */
        if (!head)
            return PITH_ENOMEM;
        memcpy(head, s, scan);
        memset(head + scan, 0, 8);
        myencoding_t e = myencoding_prescan_stream_to_determine_encoding(head, scan);
        if (e != MyENCODING_NOT_DETERMINED) {
            enc = e;
            from_declaration = 1;
            /* a page that says utf-16 in ASCII-compatible bytes is UTF-8 (spec) */
            if (enc == MyENCODING_UTF_16LE || enc == MyENCODING_UTF_16BE)
                enc = MyENCODING_UTF_8;
            if (enc == MyENCODING_X_USER_DEFINED)
                enc = MyENCODING_WINDOWS_1252;
        }
    }
    /* 4. detection */
    size_t mb = 0;
    if (enc == MyENCODING_NOT_DETERMINED) {
        myencoding_t e;
        if (looks_utf8(s, n, &mb)) {
            enc = MyENCODING_UTF_8;
        } else {
            /* myencoding's detectors read a few bytes past the length they are
             * given (trigrams): give them a zero-padded copy of the sample */
            size_t sn = n < 65536 ? n : 65536;
            char *sample = arena_alloc(pg->mem, sn + 8);
            if (!sample)
                return PITH_ENOMEM;
            memcpy(sample, s, sn);
            memset(sample + sn, 0, 8);
            if (sn >= 4 && myencoding_detect_unicode(sample, sn, &e))
                enc = e;
            else if (sn >= 4 && myencoding_detect_russian(sample, sn, &e))
                enc = e;
            else
                enc = MyENCODING_WINDOWS_1252;
        }
    } else if (from_declaration && enc != MyENCODING_UTF_8) {
        /* Declared legacy, but the bytes are valid UTF-8 with multi-byte
         * sequences: pages re-saved as UTF-8 keep their old declaration. Legacy
         * text almost never validates as UTF-8 (single-byte: 2 sequences are
         * enough evidence; multi-byte CJK encodings: ask for 16). */
        if (looks_utf8(s, n, &mb) && mb >= (is_single_byte(enc) ? 2u : 16u))
            enc = MyENCODING_UTF_8;
    }
    set_name(pg, enc);

    buf b = BUF_INIT;
    if (enc == MyENCODING_UTF_8) {
        size_t v = utf8_valid_prefix((const char *)s, n);
        if (v == n) {
            *out = (const char *)s; /* borrowed: the caller's bytes stay alive for the call */
            *out_len = n;
            return PITH_OK;
        }
        if (buf_reserve(&b, n + 64))
            return PITH_ENOMEM;
        utf8_repair(&b, (const char *)s, n);
    } else if (is_single_byte(enc)) {
        /* Single-byte charsets: a 256-entry table, the exact output size, one
         * allocation in the page arena (no growing buffer, no second copy) */
        myencoding_custom_f fn = myencoding_get_function_by_id(enc);
        char map[256][4];
        unsigned char mlen[256];
        for (unsigned c = 0; c < 256; c++) {
            myencoding_result_t res;
            memset(&res, 0, sizeof res);
            uint32_t cp = c;
            if (c >= 0x80) {
                cp = fn && fn((unsigned char)c, &res) == MyENCODING_STATUS_OK && res.result ? (uint32_t)res.result
                                                                                          : 0xFFFD;
            }
            mlen[c] = (unsigned char)utf8_encode(cp, map[c]);
        }
        size_t total = 0;
        for (size_t i = 0; i < n; i++)
            total += mlen[s[i]];
        char *p = arena_alloc(pg->mem, total + 1);
        if (!p)
            return PITH_ENOMEM;
        size_t o = 0;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = s[i];
            if (c < 0x80) {
                p[o++] = (char)c;
            } else {
                memcpy(p + o, map[c], mlen[c]);
                o += mlen[c];
            }
        }
        p[o] = '\0';
        *out = p;
        *out_len = o;
        return PITH_OK;
    } else if (decode_legacy(&b, s, n, enc)) {
        buf_free(&b);
        return PITH_ENOMEM;
    }
    if (b.failed) {
        buf_free(&b);
        return PITH_ENOMEM;
    }
    /* Move into the page arena so that the page owns it. */
    char *p = arena_alloc(pg->mem, b.len + 1);
    if (!p) {
        buf_free(&b);
        return PITH_ENOMEM;
    }
    memcpy(p, b.data ? b.data : "", b.len);
    p[b.len] = '\0';
    *out = p;
    *out_len = b.len;
    buf_free(&b);
    return PITH_OK;
}
