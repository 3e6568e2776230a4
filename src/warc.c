/* warc.c — a streaming WARC 1.0/1.1 reader (see warc.h).
 *
 * Takes a file descriptor and limits; gives records one at a time. Layers: raw
 * read(2) chunks; a decompressed window (plain, multi-member gzip via zlib, zstd
 * frames); the record parser. A corrupt or truncated member is a "break": one
 * error record, then decoding restarts at the next member magic and parsing at
 * the next "WARC/1.n" line. Offsets are those of the gzip member / zstd frame
 * holding the record. Memory: ~1.3 MiB fixed, headers <= 512 KiB, limits.
 */
#include "warc.h"

#include <brotli/decode.h>
#include <errno.h>
#include <libdeflate.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#define READ_MIN ((size_t)4 << 10)    /* first read; doubles up to READ_MAX */
#define READ_MAX ((size_t)256 << 10)
#define LOOKBACK ((size_t)64 << 10)   /* raw bytes kept behind for re-scanning */
#define RAW_CAP (READ_MAX + LOOKBACK)
#define WIN_CAP ((size_t)1 << 20)     /* decompressed window */
#define WIN_SLACK ((size_t)64 << 10)  /* compact the window when less is free */
#define HDR_MAX ((size_t)512 << 10)   /* longest WARC header block */
#define NL_MAX ((size_t)64 << 10)     /* blank bytes looked at after a block */
#define RING 64                       /* member starts remembered for offsets */
#define DEFAULT_LIMIT ((size_t)64 << 20)
#define MAX_CODINGS 8
#define DICT_MAX ((size_t)64 << 20)   /* zstd dictionary frame, compressed or not */
/* gzip fast path: whole members decoded at once by libdeflate (see fast_member) */
#define FAST_RAW ((size_t)2 << 20)      /* raw buffer in gzip mode (plus LOOKBACK) */
#define FAST_AHEAD ((size_t)512 << 10)  /* compressed bytes kept buffered ahead */
#define FAST_IN_MAX ((size_t)4 << 20)   /* largest compressed member decoded at once */
#define FAST_OUT_MAX ((size_t)8 << 20)  /* largest decoded member decoded at once */

enum { MODE_UNKNOWN, MODE_PLAIN, MODE_GZIP, MODE_ZSTD };
enum { BRK_NONE, BRK_CORRUPT, BRK_TRUNC };
enum { DEC_MORE, DEC_END, DEC_ERR };
enum { BND_OK, BND_GARBAGE_AFTER, BND_MISMATCH, BND_CORRUPT };

typedef struct member_start {
    uint64_t dpos; /* position in the decompressed stream */
    uint64_t coff; /* offset of the member in the file */
} member_start;

struct warc_reader {
    int fd;
    warc_limits lim;
    int mode;
    /* raw input: raw[raw_pos..raw_len) unread, raw[0] is file offset raw_off */
    unsigned char *raw;
    size_t raw_pos, raw_len, raw_cap, rd_size;
    uint64_t raw_off, nread;
    int raw_eof, io_errno;
    /* decoders of the stream */
    z_stream zs;
    int zs_ready;
    struct libdeflate_decompressor *ld; /* gzip fast path, NULL when unavailable */
    ZSTD_DStream *zd;
    int in_member;
    uint64_t mem_coff, mem_dstart;
    /* decompressed window: win[wpos..wlen) unread, win[0] is stream position wbase */
    unsigned char *win;
    size_t wpos, wlen, wcap;
    uint64_t wbase;
    int eof;             /* nothing comes after the window */
    int brk;             /* BRK_*: a break follows the window's last byte */
    uint64_t brk_coff, brk_dstart;
    char brk_msg[200];
    member_start ring[RING];
    unsigned ring_head, ring_n;
    /* record parser */
    int resync;          /* an error was reported: skip silently to the next record */
    unsigned char *hdr, *blk, *pay[2];
    size_t hdr_cap, blk_cap, pay_cap[2];
    z_stream cz;         /* content decoding */
    int cz_ready;
    ZSTD_DCtx *czd;
    char ctype[1024], charset[128];
    char err[512];
};

static const unsigned char empty_payload[1] = {0};

/* ------------------------------------------------------------ small helpers */

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* ASCII case-insensitive: s[0..n) equals the NUL-terminated word w. */
static int ieqn(const char *s, size_t n, const char *w)
{
    size_t i = 0;
    for (; i < n && w[i]; i++)
        if (lower((unsigned char)s[i]) != lower((unsigned char)w[i]))
            return 0;
    return i == n && !w[i];
}

static int iprefix(const char *s, size_t n, const char *w)
{
    size_t i = 0;
    for (; w[i]; i++)
        if (i >= n || lower((unsigned char)s[i]) != lower((unsigned char)w[i]))
            return 0;
    return 1;
}

static int is_ws(int c) { return c == ' ' || c == '\t'; }

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Grow *p to hold need bytes: doubling, but never beyond max(need, limit). */
static int grow(unsigned char **p, size_t *cap, size_t need, size_t limit)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 16384;
    while (n < need)
        n = n > SIZE_MAX / 2 ? need : n * 2;
    if (n > limit && need <= limit)
        n = limit;
    unsigned char *q = realloc(*p, n);
    if (!q)
        return -1;
    *p = q;
    *cap = n;
    return 0;
}

static void set_err(warc_reader *r, warc_record *rec, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void set_err(warc_reader *r, warc_record *rec, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err, sizeof r->err, fmt, ap);
    va_end(ap);
    rec->error = r->err;
}

/* ------------------------------------------------------------ raw input */

/* Read more raw bytes. 1 when some arrived; 0 at end of file or on a read
 * error (io_errno set). Keeps up to LOOKBACK consumed bytes for re-scanning. */
static int raw_fill(warc_reader *r)
{
    if (r->raw_eof || r->io_errno)
        return 0;
    if (r->raw_cap - r->raw_len < r->rd_size && r->raw_pos > LOOKBACK) {
        size_t drop = r->raw_pos - LOOKBACK;
        memmove(r->raw, r->raw + drop, r->raw_len - drop);
        r->raw_off += drop;
        r->raw_pos -= drop;
        r->raw_len -= drop;
    }
    size_t room = r->raw_cap - r->raw_len;
    if (room == 0) {
        r->io_errno = ENOBUFS; /* cannot happen: callers consume before refilling */
        return 0;
    }
    if (room > r->rd_size)
        room = r->rd_size;
    for (;;) {
        ssize_t n = read(r->fd, r->raw + r->raw_len, room);
        if (n > 0) {
            r->raw_len += (size_t)n;
            r->nread += (uint64_t)n;
            if (r->rd_size < READ_MAX)
                r->rd_size *= 2;
            return 1;
        }
        if (n == 0) {
            r->raw_eof = 1;
            return 0;
        }
        if (errno == EINTR)
            continue;
        r->io_errno = errno ? errno : EIO;
        return 0;
    }
}

/* Buffer at least `want` unread raw bytes (fewer at the end of the file or
 * on a read error), growing the buffer when it is too small. */
static void raw_topup(warc_reader *r, size_t want)
{
    if (want + LOOKBACK > r->raw_cap) {
        unsigned char *q = realloc(r->raw, want + LOOKBACK);
        if (!q)
            return; /* the caller sees fewer bytes and leaves the member to zlib */
        r->raw = q;
        r->raw_cap = want + LOOKBACK;
    }
    while (r->raw_len - r->raw_pos < want && !r->raw_eof && !r->io_errno) {
        size_t avail = r->raw_len - r->raw_pos;
        if (r->raw_cap - r->raw_len < want - avail && r->raw_pos > LOOKBACK) {
            size_t drop = r->raw_pos - LOOKBACK;
            memmove(r->raw, r->raw + drop, r->raw_len - drop);
            r->raw_off += drop;
            r->raw_pos -= drop;
            r->raw_len -= drop;
        }
        ssize_t n = read(r->fd, r->raw + r->raw_len, r->raw_cap - r->raw_len);
        if (n > 0) {
            r->raw_len += (size_t)n;
            r->nread += (uint64_t)n;
        } else if (n == 0) {
            r->raw_eof = 1;
        } else if (errno != EINTR) {
            r->io_errno = errno ? errno : EIO;
        }
    }
}

/* ------------------------------------------------------------ stream decoders */

static void ring_push(warc_reader *r, uint64_t dpos, uint64_t coff)
{
    if (r->ring_n == RING) {
        r->ring_head = (r->ring_head + 1) % RING;
        r->ring_n--;
    }
    member_start *m = &r->ring[(r->ring_head + r->ring_n) % RING];
    m->dpos = dpos;
    m->coff = coff;
    r->ring_n++;
}

/* File offset for a record starting at stream position p: the start of the
 * gzip member / zstd frame holding p (the position itself for plain input). */
static uint64_t offset_at(warc_reader *r, uint64_t p)
{
    if (r->mode == MODE_PLAIN || r->mode == MODE_UNKNOWN)
        return p;
    while (r->ring_n >= 2 && r->ring[(r->ring_head + 1) % RING].dpos <= p) {
        r->ring_head = (r->ring_head + 1) % RING;
        r->ring_n--;
    }
    return r->ring_n ? r->ring[r->ring_head].coff : 0;
}

static void set_break(warc_reader *r, int kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void set_break(warc_reader *r, int kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->brk_msg, sizeof r->brk_msg, fmt, ap);
    va_end(ap);
    size_t n = strlen(r->brk_msg);
    snprintf(r->brk_msg + n, sizeof r->brk_msg - n, " (%s at offset %llu)",
             r->mode == MODE_GZIP ? "gzip member" : "zstd frame", (unsigned long long)r->mem_coff);
    r->brk = kind;
    r->brk_coff = r->mem_coff;
    r->brk_dstart = r->mem_dstart;
    r->in_member = 0;
}

static int is_member_magic(const warc_reader *r, const unsigned char *p)
{
    if (r->mode == MODE_GZIP) /* gzip, deflate method, no reserved flag bits */
        return p[0] == 0x1f && p[1] == 0x8b && p[2] == 8 && (p[3] & 0xe0) == 0;
    uint32_t m = le32(p);
    return m == 0xFD2FB528u || (m & 0xFFFFFFF0u) == 0x184D2A50u;
}

/* After a corrupt member: position raw_pos at the next member magic at or
 * after file offset `from` (as far back as the kept bytes allow). */
static void raw_resync(warc_reader *r, uint64_t from)
{
    size_t i = from > r->raw_off ? (size_t)(from - r->raw_off) : 0;
    if (i > r->raw_len)
        i = r->raw_len;
    for (;;) {
        for (; i + 4 <= r->raw_len; i++) {
            if (is_member_magic(r, r->raw + i)) {
                r->raw_pos = i;
                return;
            }
        }
        r->raw_pos = i;
        if (!raw_fill(r)) {
            r->raw_pos = r->raw_len;
            if (!r->io_errno)
                r->eof = 1;
            return;
        }
        i = r->raw_pos;
    }
}

static void start_member(warc_reader *r)
{
    r->mem_coff = r->raw_off + r->raw_pos;
    r->mem_dstart = r->wbase + r->wlen;
    ring_push(r, r->mem_dstart, r->mem_coff);
    if (r->mode == MODE_GZIP)
        inflateReset(&r->zs);
    else
        ZSTD_DCtx_reset(r->zd, ZSTD_reset_session_only);
    r->in_member = 1;
}

/* The gzip fast path: decode the whole member at raw_pos into the window in
 * one libdeflate call (about 2.4x zlib's inflate on WARC records, CRC
 * included). A member that does not fit the buffered input (FAST_AHEAD) or
 * the window is tried once more with both at their maximum; a member that is
 * corrupt, truncated, larger than FAST_IN_MAX compressed or FAST_OUT_MAX
 * decoded (a bomb, a whole-file gzip), or has a header CRC is left to zlib's
 * streaming decoder, which then reports exactly what it always did. Memory:
 * the raw buffer grows to FAST_IN_MAX, the window to FAST_OUT_MAX, at most.
 * 1: decoded; 0: use zlib. */
static int fast_member(warc_reader *r)
{
    if (!r->ld)
        return 0;
    if (r->raw_len - r->raw_pos < FAST_AHEAD)
        raw_topup(r, FAST_AHEAD);
    const unsigned char *p = r->raw + r->raw_pos;
    size_t avail = r->raw_len - r->raw_pos;
    /* magic, deflate, no FHCRC (zlib checks it, libdeflate skips it), no reserved flags */
    if (avail < 18 || p[0] != 0x1f || p[1] != 0x8b || p[2] != 8 || (p[3] & 0xe2) != 0)
        return 0;
    if (r->wpos) {
        memmove(r->win, r->win + r->wpos, r->wlen - r->wpos);
        r->wbase += r->wpos;
        r->wlen -= r->wpos;
        r->wpos = 0;
    }
    for (int retry = 0;; retry = 1) {
        size_t used = 0, made = 0;
        enum libdeflate_result res = libdeflate_gzip_decompress_ex(
            r->ld, r->raw + r->raw_pos, avail, r->win + r->wlen, r->wcap - r->wlen, &used, &made);
        if (res == LIBDEFLATE_SUCCESS) {
            r->mem_coff = r->raw_off + r->raw_pos;
            r->mem_dstart = r->wbase + r->wlen;
            ring_push(r, r->mem_dstart, r->mem_coff);
            r->raw_pos += used;
            r->wlen += made;
            return 1;
        }
        /* The member may go on past the buffered input, or decode past the
         * window: one more try with both at their maximum (growing step by
         * step would decode a large member many times over), then zlib. */
        if (retry) {
            /* zlib streams this member through the first MiB of the window:
             * give back the rest, which the try above filled */
            if (r->wcap > WIN_CAP && r->wlen <= WIN_CAP / 2) {
                unsigned char *w = realloc(r->win, WIN_CAP);
                if (w) {
                    r->win = w;
                    r->wcap = WIN_CAP;
                }
            }
            return 0;
        }
        if (res == LIBDEFLATE_BAD_DATA) {
            if (r->raw_eof || r->io_errno)
                return 0; /* all of the input was there: damaged or truncated */
            raw_topup(r, FAST_IN_MAX);
            if (r->raw_len - r->raw_pos <= avail)
                return 0;
            avail = r->raw_len - r->raw_pos;
        }
        if (r->wcap - r->wlen < FAST_OUT_MAX) {
            unsigned char *w = realloc(r->win, r->wlen + FAST_OUT_MAX);
            if (!w)
                return 0;
            r->win = w;
            r->wcap = r->wlen + FAST_OUT_MAX;
        }
    }
}

/* One decoder call over the unread raw bytes into the window's free space. */
static int dec_step(warc_reader *r, size_t *used, size_t *made, const char **why)
{
    if (r->mode == MODE_GZIP) {
        size_t in = r->raw_len - r->raw_pos, out = r->wcap - r->wlen;
        if (out > WIN_CAP)
            out = WIN_CAP; /* the streaming decoders use the first MiB of a grown window */
        r->zs.next_in = r->raw + r->raw_pos;
        r->zs.avail_in = (uInt)in;
        r->zs.next_out = r->win + r->wlen;
        r->zs.avail_out = out > UINT_MAX ? UINT_MAX : (uInt)out;
        uInt out0 = r->zs.avail_out;
        int ret = inflate(&r->zs, Z_NO_FLUSH);
        *used = in - r->zs.avail_in;
        *made = out0 - r->zs.avail_out;
        if (ret == Z_STREAM_END)
            return DEC_END;
        if (ret == Z_OK || ret == Z_BUF_ERROR)
            return DEC_MORE;
        *why = ret == Z_MEM_ERROR ? "out of memory" : r->zs.msg ? r->zs.msg : "corrupt data";
        return DEC_ERR;
    }
    ZSTD_inBuffer in = {r->raw, r->raw_len, r->raw_pos};
    ZSTD_outBuffer out = {r->win, r->wcap - r->wlen > WIN_CAP ? r->wlen + WIN_CAP : r->wcap, r->wlen};
    size_t ret = ZSTD_decompressStream(r->zd, &out, &in);
    *used = in.pos - r->raw_pos;
    *made = out.pos - r->wlen;
    if (ZSTD_isError(ret)) {
        *why = ZSTD_getErrorName(ret);
        return DEC_ERR;
    }
    return ret == 0 ? DEC_END : DEC_MORE;
}

/* Decode until some output, the end of a member (so each member's start can
 * be recorded), a break, or the end of input. */
static void fill_compressed(warc_reader *r)
{
    for (;;) {
        if (!r->in_member) {
            if (r->raw_pos == r->raw_len && !raw_fill(r)) {
                if (!r->io_errno)
                    r->eof = 1;
                return;
            }
            if (r->mode == MODE_GZIP && fast_member(r)) {
                if (r->wlen > r->wpos)
                    return;
                continue;
            }
            start_member(r);
        }
        size_t used = 0, made = 0;
        const char *why = NULL;
        int st = dec_step(r, &used, &made, &why);
        r->raw_pos += used;
        r->wlen += made;
        if (st == DEC_ERR) {
            set_break(r, BRK_CORRUPT, "%s: %s", r->mode == MODE_GZIP ? "gzip" : "zstd", why);
            return;
        }
        if (st == DEC_END) {
            r->in_member = 0;
            if (made)
                return;
            continue;
        }
        if (made || r->wlen == r->wcap)
            return;
        if (used)
            continue;
        /* no progress: the decoder wants input */
        if (r->raw_pos < r->raw_len) {
            set_break(r, BRK_CORRUPT, "%s: decoder stalled", r->mode == MODE_GZIP ? "gzip" : "zstd");
            return;
        }
        if (!raw_fill(r)) {
            if (!r->io_errno)
                set_break(r, BRK_TRUNC, "%s: unexpected end of input",
                          r->mode == MODE_GZIP ? "gzip" : "zstd");
            return;
        }
    }
}

static void fill_plain(warc_reader *r)
{
    size_t room = r->wcap - r->wlen;
    if (r->raw_pos < r->raw_len) {
        size_t n = r->raw_len - r->raw_pos;
        if (n > room)
            n = room;
        memcpy(r->win + r->wlen, r->raw + r->raw_pos, n);
        r->raw_pos += n;
        r->wlen += n;
        return;
    }
    if (r->raw_eof) {
        r->eof = 1;
        return;
    }
    if (room > r->rd_size)
        room = r->rd_size;
    for (;;) {
        ssize_t n = read(r->fd, r->win + r->wlen, room);
        if (n > 0) {
            r->wlen += (size_t)n;
            r->nread += (uint64_t)n;
            if (r->rd_size < READ_MAX)
                r->rd_size *= 2;
            return;
        }
        if (n == 0) {
            r->raw_eof = r->eof = 1;
            return;
        }
        if (errno == EINTR)
            continue;
        r->io_errno = errno ? errno : EIO;
        return;
    }
}

/* A leading zstd skippable frame with magic 0x184D2A5D holds the dictionary
 * of the file (the WARC zstd convention), itself zstd-compressed or raw. */
static void zstd_dictionary(warc_reader *r)
{
    while (r->raw_len - r->raw_pos < 8 && raw_fill(r)) {
    }
    if (r->raw_len - r->raw_pos < 8 || le32(r->raw + r->raw_pos) != 0x184D2A5Du)
        return;
    size_t size = le32(r->raw + r->raw_pos + 4);
    if (size == 0 || size > DICT_MAX)
        return;
    unsigned char *d = malloc(size);
    if (!d)
        return;
    size_t got = 0;
    r->raw_pos += 8;
    while (got < size) {
        if (r->raw_pos == r->raw_len && !raw_fill(r))
            break;
        size_t n = r->raw_len - r->raw_pos;
        if (n > size - got)
            n = size - got;
        memcpy(d + got, r->raw + r->raw_pos, n);
        got += n;
        r->raw_pos += n;
    }
    if (got == size) {
        if (size >= 4 && le32(d) == 0xFD2FB528u) {
            /* the content size may be absent: stream into a growing buffer */
            unsigned char *u = NULL;
            size_t ucap = 0;
            ZSTD_DCtx *dc = ZSTD_createDCtx();
            ZSTD_inBuffer in = {d, size, 0};
            ZSTD_outBuffer out = {NULL, 0, 0};
            size_t ret = 1;
            while (dc && ret != 0 && !ZSTD_isError(ret)) {
                if (out.pos == ucap) {
                    if (ucap >= DICT_MAX || grow(&u, &ucap, ucap ? ucap * 2 : 1 << 16, DICT_MAX) != 0)
                        break;
                    out.dst = u;
                    out.size = ucap;
                }
                size_t pos0 = in.pos, out0 = out.pos;
                ret = ZSTD_decompressStream(dc, &out, &in);
                if (!ZSTD_isError(ret) && ret != 0 && in.pos == pos0 && out.pos == out0 && out.pos < ucap)
                    break; /* truncated dictionary frame */
            }
            if (ret == 0)
                ZSTD_DCtx_loadDictionary(r->zd, u, out.pos);
            ZSTD_freeDCtx(dc);
            free(u);
        } else {
            ZSTD_DCtx_loadDictionary(r->zd, d, size);
        }
    }
    free(d);
}

/* Look at the first bytes and pick the decoder. */
static void detect(warc_reader *r)
{
    while (r->raw_len < 4 && raw_fill(r)) {
    }
    if (r->io_errno)
        return;
    r->mode = MODE_PLAIN;
    if (r->raw_len >= 2 && r->raw[0] == 0x1f && r->raw[1] == 0x8b) {
        memset(&r->zs, 0, sizeof r->zs);
        if (inflateInit2(&r->zs, 15 + 16) != Z_OK) {
            r->io_errno = ENOMEM;
            return;
        }
        r->zs_ready = 1;
        r->mode = MODE_GZIP;
        /* the fast path wants whole members buffered: a larger raw buffer */
        unsigned char *q = realloc(r->raw, FAST_RAW + LOOKBACK);
        if (q) {
            r->raw = q;
            r->raw_cap = FAST_RAW + LOOKBACK;
            r->ld = libdeflate_alloc_decompressor();
        }
    } else if (r->raw_len >= 4 &&
               (le32(r->raw) == 0xFD2FB528u || (le32(r->raw) & 0xFFFFFFF0u) == 0x184D2A50u)) {
        r->zd = ZSTD_createDStream();
        if (!r->zd) {
            r->io_errno = ENOMEM;
            return;
        }
        r->mode = MODE_ZSTD;
        zstd_dictionary(r);
    }
}

static void fill(warc_reader *r)
{
    if (r->mode == MODE_UNKNOWN) {
        detect(r);
        if (r->io_errno)
            return;
    }
    if (r->mode == MODE_PLAIN)
        fill_plain(r);
    else
        fill_compressed(r);
}

/* Make at least `want` unread bytes available in the window, or all there are
 * before a break / the end. Returns the number available. */
static size_t need(warc_reader *r, size_t want)
{
    while (r->wlen - r->wpos < want && !r->brk && !r->eof && !r->io_errno) {
        size_t avail = r->wlen - r->wpos;
        if (r->wpos && (r->wcap - r->wlen < WIN_SLACK || r->wcap - r->wpos < want || r->wlen >= WIN_CAP)) {
            memmove(r->win, r->win + r->wpos, avail);
            r->wbase += r->wpos;
            r->wpos = 0;
            r->wlen = avail;
        }
        if (r->wlen == r->wcap)
            break;
        fill(r);
    }
    return r->wlen - r->wpos;
}

static void consume(warc_reader *r, size_t n) { r->wpos += n; }

/* Drop the rest of the broken member's output and restart the decoder at
 * the next member magic after the broken member's start. */
static void ack_break(warc_reader *r)
{
    int kind = r->brk;
    r->brk = BRK_NONE;
    r->wpos = r->wlen; /* what is left came from the broken member */
    if (kind == BRK_TRUNC)
        r->eof = 1;
    else
        raw_resync(r, r->brk_coff + 1);
}

/* Put the n bytes at p — the bytes just before the read position, now
 * copied out — back in front of it. */
static int pushback(warc_reader *r, const unsigned char *p, size_t n)
{
    size_t avail = r->wlen - r->wpos;
    if (r->wpos >= n) {
        r->wpos -= n;
        memcpy(r->win + r->wpos, p, n);
    } else {
        if (n + avail > r->wcap) {
            unsigned char *w = realloc(r->win, n + avail);
            if (!w)
                return -1;
            r->win = w;
            r->wcap = n + avail;
        }
        memmove(r->win + n, r->win + r->wpos, avail);
        memcpy(r->win, p, n);
        r->wbase = r->wbase + r->wpos - n;
        r->wpos = 0;
        r->wlen = n + avail;
    }
    return 0;
}

/* ------------------------------------------------------------ scanning */

static const char MARK[] = "WARC/1.";
#define MARK_LEN 7
#define VERSION_MAX 16 /* "WARC/1." digits{1,3} blanks{0,4} CR LF */

/* Is p[0..n) the start of a version line "WARC/1.<digits>[blanks]\r?\n"?
 * 1 yes, 0 no, -1 cannot tell from n bytes. */
static int version_at(const unsigned char *p, size_t n)
{
    if (n < MARK_LEN)
        return memcmp(p, MARK, n) == 0 ? -1 : 0;
    if (memcmp(p, MARK, MARK_LEN) != 0)
        return 0;
    size_t i = MARK_LEN;
    while (i < n && i < MARK_LEN + 4 && p[i] >= '0' && p[i] <= '9')
        i++;
    if (i == n)
        return -1;
    if (i == MARK_LEN || i > MARK_LEN + 3)
        return 0;
    size_t d = i;
    while (i < n && i < d + 4 && is_ws(p[i]))
        i++;
    if (i == n)
        return -1;
    if (p[i] == '\n')
        return 1;
    if (p[i] != '\r')
        return 0;
    return i + 1 == n ? -1 : p[i + 1] == '\n';
}

/* Drop bytes until the read position is at a version line (anywhere, not
 * only at a line start: garbage without a final newline must not hide the
 * record after it). 1 found, 0 end of input, 2 a break comes next (the
 * caller reports it: every broken member is an error record of its own),
 * -1 read error. *skipped counts the bytes dropped. */
static int scan_record(warc_reader *r, uint64_t *skipped)
{
    for (;;) {
        size_t a = need(r, VERSION_MAX);
        if (r->io_errno)
            return -1;
        int stopped = a < VERSION_MAX; /* nothing more before a break or the end */
        const unsigned char *b = r->win + r->wpos;
        size_t i = 0;
        while (i < a) {
            const unsigned char *w = memchr(b + i, 'W', a - i);
            if (!w) {
                i = a;
                break;
            }
            i = (size_t)(w - b);
            int v = version_at(b + i, a - i);
            if (v == 1) {
                *skipped += i;
                consume(r, i);
                return 1;
            }
            if (v < 0 && !stopped)
                break; /* keep the candidate, read more */
            i++;
        }
        *skipped += i;
        consume(r, i);
        if (stopped && r->wpos == r->wlen)
            return r->brk ? 2 : 0;
    }
}

/* First position k >= 1 in p[0..n) where a version line starts, or 0. */
static size_t find_mark(const unsigned char *p, size_t n)
{
    for (size_t i = 1; i < n;) {
        const unsigned char *w = memchr(p + i, 'W', n - i);
        if (!w)
            return 0;
        i = (size_t)(w - p);
        if (version_at(p + i, n - i) == 1)
            return i;
        i++;
    }
    return 0;
}

/* ------------------------------------------------------------ WARC headers */

typedef struct fields {
    const char *type, *uri, *id, *date, *ctype, *clen;
} fields;

static void trim(const char *s, size_t *a, size_t *b)
{
    while (*a < *b && is_ws((unsigned char)s[*a]))
        (*a)++;
    while (*b > *a && (is_ws((unsigned char)s[*b - 1]) || s[*b - 1] == '\r'))
        (*b)--;
}

/* Parse the header block h[0..n) (NUL at h[n]) in place: every field becomes
 * "name\0value\0", folded lines join their field with one space. */
static void parse_fields(char *h, size_t n, fields *f)
{
    memset(f, 0, sizeof *f);
    size_t rd = 0, w;
    while (rd < n && h[rd] != '\n')
        rd++;
    rd = rd < n ? rd + 1 : n;
    w = rd;
    size_t prev_val = 0;
    int have_prev = 0;
    while (rd < n) {
        size_t e = rd;
        while (e < n && h[e] != '\n')
            e++;
        size_t next = e < n ? e + 1 : n, le = e;
        if (le > rd && h[le - 1] == '\r')
            le--;
        if (le == rd)
            break; /* blank line: end of headers */
        if (is_ws((unsigned char)h[rd])) {
            size_t a = rd, b = le;
            trim(h, &a, &b);
            if (have_prev && b > a) {
                if (w - 1 > prev_val)
                    h[w - 1] = ' ';
                else
                    w--; /* the value was empty: no joining space */
                memmove(h + w, h + a, b - a);
                w += b - a;
                h[w++] = '\0';
            }
            rd = next;
            continue;
        }
        const char *colon = memchr(h + rd, ':', le - rd);
        if (!colon) {
            have_prev = 0;
            rd = next;
            continue;
        }
        size_t c = (size_t)(colon - h), na = rd, nb = c, va = c + 1, vb = le;
        trim(h, &na, &nb);
        trim(h, &va, &vb);
        size_t name_at = w;
        memmove(h + w, h + na, nb - na);
        w += nb - na;
        h[w++] = '\0';
        size_t nlen = nb - na;
        prev_val = w;
        memmove(h + w, h + va, vb - va);
        w += vb - va;
        h[w++] = '\0';
        const char *name = h + name_at, *val = h + prev_val;
        const char **slot = NULL;
        if (ieqn(name, nlen, "WARC-Type"))
            slot = &f->type;
        else if (ieqn(name, nlen, "WARC-Target-URI"))
            slot = &f->uri;
        else if (ieqn(name, nlen, "WARC-Record-ID"))
            slot = &f->id;
        else if (ieqn(name, nlen, "WARC-Date"))
            slot = &f->date;
        else if (ieqn(name, nlen, "Content-Type"))
            slot = &f->ctype;
        else if (ieqn(name, nlen, "Content-Length"))
            slot = &f->clen;
        if (slot && !*slot)
            *slot = val;
        have_prev = 1;
        rd = next;
    }
}

static int days_in_month(int y, int m)
{
    static const unsigned char d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d[m - 1] + (m == 2 && leap);
}

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int digits(const char *s, int n, int *v)
{
    int x = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return 1;
}

/* W3C-DTF as WARC writes it: YYYY-MM-DD[Thh:mm[:ss[.f+]]][Z|+hh:mm|-hh:mm].
 * Unix seconds (UTC), 0 when absent or invalid. */
static int64_t parse_date(const char *s)
{
    int y, mo = 1, d = 1, h = 0, mi = 0, sec = 0, tz = 0;
    if (!s || !digits(s, 4, &y))
        return 0;
    s += 4;
    if (*s == '-') {
        if (!digits(s + 1, 2, &mo))
            return 0;
        s += 3;
        if (*s == '-') {
            if (!digits(s + 1, 2, &d))
                return 0;
            s += 3;
        }
    }
    if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
        return 0;
    if (*s == 'T' || *s == 't' || *s == ' ') {
        if (!digits(s + 1, 2, &h) || s[3] != ':' || !digits(s + 4, 2, &mi))
            return 0;
        s += 6;
        if (*s == ':') {
            if (!digits(s + 1, 2, &sec))
                return 0;
            s += 3;
            if (*s == '.' || *s == ',') {
                s++;
                if (*s < '0' || *s > '9')
                    return 0;
                while (*s >= '0' && *s <= '9')
                    s++;
            }
        }
        if (*s == 'Z' || *s == 'z') {
            s++;
        } else if (*s == '+' || *s == '-') {
            int th, tm = 0, sign = *s == '-' ? -1 : 1;
            if (!digits(s + 1, 2, &th))
                return 0;
            s += 3;
            if (*s == ':')
                s++;
            if (digits(s, 2, &tm))
                s += 2;
            if (th > 23 || tm > 59)
                return 0;
            tz = sign * (th * 60 + tm);
        }
        if (h > 23 || mi > 59 || sec > 60)
            return 0;
    }
    while (is_ws((unsigned char)*s))
        s++;
    if (*s)
        return 0;
    return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - (int64_t)tz * 60;
}

static warc_type type_of(const char *t)
{
    static const struct {
        const char *name;
        warc_type type;
    } tab[] = {{"warcinfo", WARC_WARCINFO}, {"response", WARC_RESPONSE}, {"resource", WARC_RESOURCE},
               {"request", WARC_REQUEST},   {"metadata", WARC_METADATA}, {"revisit", WARC_REVISIT},
               {"conversion", WARC_CONVERSION}};
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
        if (ieqn(t, strlen(t), tab[i].name))
            return tab[i].type;
    return WARC_OTHER;
}

/* Copy the charset parameter of a Content-Type value into out ("" if none). */
static void charset_of(const char *ct, size_t n, char *out, size_t cap)
{
    out[0] = '\0';
    size_t i = 0;
    while (i < n) {
        const char *semi = memchr(ct + i, ';', n - i);
        if (!semi)
            return;
        i = (size_t)(semi - ct) + 1;
        while (i < n && is_ws((unsigned char)ct[i]))
            i++;
        size_t a = i;
        while (i < n && ct[i] != '=' && ct[i] != ';')
            i++;
        size_t b = i;
        while (b > a && is_ws((unsigned char)ct[b - 1]))
            b--;
        if (i >= n || ct[i] != '=' || !ieqn(ct + a, b - a, "charset"))
            continue;
        i++;
        while (i < n && is_ws((unsigned char)ct[i]))
            i++;
        size_t va = i, vb;
        if (i < n && (ct[i] == '"' || ct[i] == '\'')) {
            char q = ct[i];
            va = ++i;
            while (i < n && ct[i] != q)
                i++;
            vb = i;
        } else {
            while (i < n && ct[i] != ';' && !is_ws((unsigned char)ct[i]) && ct[i] != ',')
                i++;
            vb = i;
        }
        if (vb > va && vb - va < cap) {
            memcpy(out, ct + va, vb - va);
            out[vb - va] = '\0';
        }
        return;
    }
}

/* ------------------------------------------------------------ HTTP payloads */

/* Undo chunked transfer coding in place. Returns the new length; *trunc when
 * the chunks end early or a chunk size is bad; *not_chunked when the very
 * first size line is not one (the body is then left as it was). */
static size_t dechunk(unsigned char *p, size_t n, int *trunc, int *not_chunked)
{
    size_t rd = 0, w = 0;
    int first = 1;
    for (;;) {
        while (first && rd < n && (p[rd] == '\r' || p[rd] == '\n' || is_ws(p[rd])))
            rd++;
        size_t a = rd;
        uint64_t size = 0;
        while (rd < n && rd - a < 16) {
            int c = p[rd], v;
            if (c >= '0' && c <= '9')
                v = c - '0';
            else if (lower(c) >= 'a' && lower(c) <= 'f')
                v = lower(c) - 'a' + 10;
            else
                break;
            size = size * 16 + (uint64_t)v;
            rd++;
        }
        int ok = rd > a;
        while (ok && rd < n && is_ws(p[rd]))
            rd++;
        if (ok && rd < n && p[rd] == ';')
            while (rd < n && p[rd] != '\n')
                rd++;
        if (ok && rd < n && p[rd] == '\r')
            rd++;
        if (!ok || rd >= n || p[rd] != '\n') {
            if (first && ok && rd >= n && size == 0) /* "0" and nothing else */
                return 0;
            if (first) {
                *not_chunked = 1;
                return n;
            }
            *trunc = 1;
            return w;
        }
        rd++;
        first = 0;
        if (size == 0)
            return w;
        size_t take = n - rd;
        if (size < take)
            take = (size_t)size;
        memmove(p + w, p + rd, take);
        w += take;
        rd += take;
        if (take < size || rd >= n) {
            *trunc = 1; /* data cut short, or no last chunk */
            return w;
        }
        if (p[rd] == '\r')
            rd++;
        if (rd < n && p[rd] == '\n')
            rd++;
    }
}

typedef struct decoded {
    int truncated;
    const char *why; /* NULL on success */
} decoded;

/* Output room in pay[o]: the buffer grows toward max_payload. */
static unsigned char *out_room(warc_reader *r, int o, size_t len, size_t *room)
{
    size_t cap = r->lim.max_payload;
    if (r->pay_cap[o] <= len && len < cap) {
        size_t want = len + (len < 65536 ? 65536 : len);
        if (want > cap || want < len)
            want = cap;
        if (grow(&r->pay[o], &r->pay_cap[o], want, cap) != 0 &&
            grow(&r->pay[o], &r->pay_cap[o], len + 1, cap) != 0)
            return NULL;
    }
    size_t end = r->pay_cap[o] < cap ? r->pay_cap[o] : cap;
    *room = end - len;
    return r->pay[o] + len;
}

/* gzip / zlib (auto-detected) or, failing that at the first byte, raw deflate. */
static size_t dec_inflate(warc_reader *r, const unsigned char *in, size_t n, int o, decoded *d)
{
    size_t cap = r->lim.max_payload;
    int raw = 0;
retry:;
    int wbits = raw ? -15 : 15 + 32;
    if (!r->cz_ready) {
        memset(&r->cz, 0, sizeof r->cz);
        if (inflateInit2(&r->cz, wbits) != Z_OK) {
            d->why = "out of memory";
            return 0;
        }
        r->cz_ready = 1;
    } else if (inflateReset2(&r->cz, wbits) != Z_OK) {
        d->why = "zlib reset failed";
        return 0;
    }
    size_t len = 0, pos = 0;
    for (;;) {
        size_t room;
        unsigned char scratch[1];
        unsigned char *out = len < cap ? out_room(r, o, len, &room) : NULL;
        int probing = 0;
        if (len >= cap) { /* at the cap: is there more? */
            out = scratch;
            room = 1;
            probing = 1;
        } else if (!out) {
            d->why = "out of memory";
            return len;
        }
        if (room > UINT_MAX)
            room = UINT_MAX;
        size_t in_now = n - pos > UINT_MAX ? UINT_MAX : n - pos;
        r->cz.next_in = (Bytef *)(uintptr_t)(in + pos);
        r->cz.avail_in = (uInt)in_now;
        r->cz.next_out = out;
        r->cz.avail_out = (uInt)room;
        int ret = inflate(&r->cz, Z_NO_FLUSH);
        size_t used = in_now - r->cz.avail_in, made = room - r->cz.avail_out;
        pos += used;
        if (probing) {
            if (made)
                d->truncated = 1;
            else if (ret != Z_STREAM_END && ret != Z_OK && ret != Z_BUF_ERROR)
                d->truncated = 1;
            return len;
        }
        len += made;
        if (ret == Z_STREAM_END) {
            /* another gzip member may follow; anything else is ignored */
            if (n - pos >= 2 && in[pos] == 0x1f && in[pos + 1] == 0x8b) {
                inflateReset(&r->cz);
                continue;
            }
            return len;
        }
        if (ret == Z_OK || ret == Z_BUF_ERROR) {
            if (used || made)
                continue;
            if (pos >= n) { /* input ended inside the stream */
                d->truncated = 1;
                return len;
            }
            d->why = "decoder stalled";
            return len;
        }
        if (!raw && len == 0 && !(n >= 2 && in[0] == 0x1f && in[1] == 0x8b)) {
            raw = 1;
            goto retry;
        }
        d->why = ret == Z_MEM_ERROR ? "out of memory" : r->cz.msg ? r->cz.msg : "corrupt data";
        return len;
    }
}

static size_t dec_brotli(warc_reader *r, const unsigned char *in, size_t n, int o, decoded *d)
{
    size_t cap = r->lim.max_payload, len = 0;
    BrotliDecoderState *s = BrotliDecoderCreateInstance(NULL, NULL, NULL);
    if (!s) {
        d->why = "out of memory";
        return 0;
    }
    size_t avail_in = n;
    const uint8_t *next_in = in;
    for (;;) {
        size_t room;
        uint8_t scratch[1], *out;
        int probing = len >= cap;
        if (probing) {
            out = scratch;
            room = 1;
        } else if (!(out = out_room(r, o, len, &room))) {
            d->why = "out of memory";
            break;
        }
        size_t avail_out = room;
        BrotliDecoderResult res = BrotliDecoderDecompressStream(s, &avail_in, &next_in, &avail_out, &out, NULL);
        size_t made = room - avail_out;
        if (probing) {
            if (made || res == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT)
                d->truncated = 1;
            else if (res == BROTLI_DECODER_RESULT_ERROR)
                d->truncated = 1;
            break;
        }
        len += made;
        if (res == BROTLI_DECODER_RESULT_SUCCESS)
            break;
        if (res == BROTLI_DECODER_RESULT_ERROR) {
            d->why = BrotliDecoderErrorString(BrotliDecoderGetErrorCode(s));
            break;
        }
        if (res == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) {
            d->truncated = 1;
            break;
        }
    }
    BrotliDecoderDestroyInstance(s);
    return len;
}

static size_t dec_zstd(warc_reader *r, const unsigned char *in, size_t n, int o, decoded *d)
{
    size_t cap = r->lim.max_payload, len = 0;
    if (!r->czd) {
        r->czd = ZSTD_createDCtx();
        if (!r->czd) {
            d->why = "out of memory";
            return 0;
        }
        /* RFC 9659: zstd content coding uses windows of at most 8 MB */
        ZSTD_DCtx_setParameter(r->czd, ZSTD_d_windowLogMax, 23);
    } else {
        ZSTD_DCtx_reset(r->czd, ZSTD_reset_session_only);
    }
    ZSTD_inBuffer ib = {in, n, 0};
    for (;;) {
        size_t room;
        unsigned char scratch[1], *out;
        int probing = len >= cap;
        if (probing) {
            out = scratch;
            room = 1;
        } else if (!(out = out_room(r, o, len, &room))) {
            d->why = "out of memory";
            return len;
        }
        ZSTD_outBuffer ob = {out, room, 0};
        size_t pos0 = ib.pos;
        size_t ret = ZSTD_decompressStream(r->czd, &ob, &ib);
        if (ZSTD_isError(ret)) {
            if (probing)
                d->truncated = 1;
            else
                d->why = ZSTD_getErrorName(ret);
            return len;
        }
        if (probing) {
            if (ob.pos || (ret != 0 && ib.pos < ib.size))
                d->truncated = 1;
            return len;
        }
        len += ob.pos;
        if (ret == 0 && (ib.size - ib.pos < 4 || le32(in + ib.pos) != 0xFD2FB528u))
            return len;
        if (ob.pos || ib.pos > pos0)
            continue;
        if (ib.pos >= ib.size) {
            d->truncated = 1;
            return len;
        }
        d->why = "decoder stalled";
        return len;
    }
}

static const unsigned char *find_eol(const unsigned char *p, const unsigned char *end)
{
    const unsigned char *nl = memchr(p, '\n', (size_t)(end - p));
    return nl ? nl : end;
}

typedef struct span {
    const unsigned char *p;
    size_t n;
} span;

/* Parse the HTTP response in blk[0..n) and decode its payload into rec. */
static void http_payload(warc_reader *r, warc_record *rec, unsigned char *blk, size_t n)
{
    const unsigned char *p = blk, *end = blk + n;
    span ct = {NULL, 0}, codings[MAX_CODINGS];
    span ce[4], te[4];
    int nce = 0, nte = 0, nc = 0;
    const unsigned char *body = end;
    rec->payload = blk;
    rec->payload_len = n;
    while (p < end && (*p == '\r' || *p == '\n' || is_ws(*p)))
        p++;
    for (int hop = 0;; hop++) {
        const unsigned char *eol = find_eol(p, end);
        int status = 0, nd = 0;
        if (!iprefix((const char *)p, (size_t)(end - p), "HTTP/")) {
            set_err(r, rec, "http: malformed status line");
            return;
        }
        const unsigned char *s = p + 5;
        while (s < eol && !is_ws(*s))
            s++;
        while (s < eol && is_ws(*s))
            s++;
        while (s < eol && *s >= '0' && *s <= '9' && nd < 4) {
            status = status * 10 + (*s - '0');
            s++;
            nd++;
        }
        if (nd != 3) {
            set_err(r, rec, "http: malformed status line");
            return;
        }
        rec->http_status = status;
        ct.p = NULL;
        nce = nte = 0;
        body = end;
        p = eol < end ? eol + 1 : end;
        while (p < end) {
            eol = find_eol(p, end);
            const unsigned char *le = eol;
            if (le > p && le[-1] == '\r')
                le--;
            if (le == p) {
                body = eol < end ? eol + 1 : end;
                break;
            }
            const unsigned char *colon = memchr(p, ':', (size_t)(le - p));
            if (colon && !is_ws(*p)) {
                const unsigned char *na = p, *nb = colon, *va = colon + 1, *vb = le;
                while (nb > na && is_ws(nb[-1]))
                    nb--;
                while (va < vb && is_ws(*va))
                    va++;
                while (vb > va && is_ws(vb[-1]))
                    vb--;
                span v = {va, (size_t)(vb - va)};
                const char *name = (const char *)na;
                size_t nl = (size_t)(nb - na);
                if (ieqn(name, nl, "Content-Type") && !ct.p)
                    ct = v;
                else if (ieqn(name, nl, "Content-Encoding") && nce < 4)
                    ce[nce++] = v;
                else if (ieqn(name, nl, "Transfer-Encoding") && nte < 4)
                    te[nte++] = v;
            }
            p = eol < end ? eol + 1 : end;
        }
        /* interim 1xx responses in front of the real one */
        if (status >= 100 && status < 200 && hop < 4 && body < end) {
            const unsigned char *q = body;
            while (q < end && (*q == '\r' || *q == '\n'))
                q++;
            if (iprefix((const char *)q, (size_t)(end - q), "HTTP/")) {
                p = q;
                continue;
            }
        }
        break;
    }
    if (ct.p) {
        size_t m = ct.n < sizeof r->ctype ? ct.n : sizeof r->ctype - 1;
        memcpy(r->ctype, ct.p, m);
        r->ctype[m] = '\0';
        rec->http_content_type = r->ctype;
        charset_of((const char *)ct.p, ct.n, r->charset, sizeof r->charset);
        rec->http_charset = r->charset;
    }
    /* codings in the order applied: content codings, then transfer codings */
    for (int k = 0; k < nce + nte; k++) {
        span v = k < nce ? ce[k] : te[k - nce];
        size_t i = 0;
        while (i < v.n) {
            size_t a = i;
            while (i < v.n && v.p[i] != ',')
                i++;
            size_t b = i++;
            while (a < b && is_ws(v.p[a]))
                a++;
            while (b > a && is_ws(v.p[b - 1]))
                b--;
            if (b == a || ieqn((const char *)v.p + a, b - a, "identity"))
                continue;
            if (nc == MAX_CODINGS) {
                rec->payload = body;
                rec->payload_len = (size_t)(end - body);
                set_err(r, rec, "http: more than %d content codings", MAX_CODINGS);
                return;
            }
            codings[nc].p = v.p + a;
            codings[nc++].n = b - a;
        }
    }
    unsigned char *cur = body == end ? (unsigned char *)(uintptr_t)empty_payload : blk + (body - blk);
    size_t clen = (size_t)(end - body);
    int curbuf = -1, trunc = 0;
    for (int k = nc - 1; k >= 0 && clen > 0; k--) {
        const char *c = (const char *)codings[k].p;
        size_t cn = codings[k].n;
        decoded d = {0, NULL};
        int o = curbuf == 0 ? 1 : 0;
        size_t out_len = 0;
        if (ieqn(c, cn, "chunked")) {
            int not_chunked = 0;
            clen = dechunk(cur, clen, &trunc, &not_chunked);
            continue;
        } else if (ieqn(c, cn, "gzip") || ieqn(c, cn, "x-gzip") || ieqn(c, cn, "deflate")) {
            out_len = dec_inflate(r, cur, clen, o, &d);
        } else if (ieqn(c, cn, "br")) {
            out_len = dec_brotli(r, cur, clen, o, &d);
        } else if (ieqn(c, cn, "zstd")) {
            out_len = dec_zstd(r, cur, clen, o, &d);
        } else {
            rec->payload = cur;
            rec->payload_len = clen;
            set_err(r, rec, "content-encoding %.*s: unsupported", (int)(cn > 40 ? 40 : cn), c);
            return;
        }
        if (d.why) {
            rec->payload = cur;
            rec->payload_len = clen;
            set_err(r, rec, "content-encoding %.*s: corrupt data (%s)", (int)(cn > 40 ? 40 : cn), c, d.why);
            return;
        }
        trunc |= d.truncated;
        cur = out_len ? r->pay[o] : (unsigned char *)(uintptr_t)empty_payload;
        clen = out_len;
        curbuf = o;
    }
    if (clen > r->lim.max_payload) {
        clen = r->lim.max_payload;
        trunc = 1;
    }
    rec->payload = cur;
    rec->payload_len = clen;
    rec->truncated = trunc;
}

/* ------------------------------------------------------------ records */

static void rec_init(warc_record *rec)
{
    memset(rec, 0, sizeof *rec);
    rec->type_name = rec->target_uri = rec->record_id = rec->date = "";
    rec->content_type = rec->http_content_type = rec->http_charset = "";
    rec->payload = empty_payload;
}

static int read_error(warc_reader *r, warc_record *rec)
{
    const char *what = r->io_errno == EIO       ? "I/O error"
                       : r->io_errno == EISDIR  ? "is a directory"
                       : r->io_errno == EBADF   ? "bad file descriptor"
                       : r->io_errno == EAGAIN  ? "would block"
                       : r->io_errno == ENOMEM  ? "out of memory"
                                                : "error";
    set_err(r, rec, "read error: %s (errno %d)", what, r->io_errno);
    return -1;
}

static void fill_fields(warc_record *rec, const fields *f)
{
    if (f->type) {
        rec->type_name = f->type;
        rec->type = type_of(f->type);
    }
    if (f->uri) {
        /* WARC 1.1's example wrote the URI in angle brackets; some writers copy it */
        size_t n = strlen(f->uri);
        if (n >= 2 && f->uri[0] == '<' && f->uri[n - 1] == '>') {
            ((char *)(uintptr_t)f->uri)[n - 1] = '\0';
            rec->target_uri = f->uri + 1;
        } else {
            rec->target_uri = f->uri;
        }
    }
    if (f->id)
        rec->record_id = f->id;
    if (f->date) {
        rec->date = f->date;
        rec->date_unix = parse_date(f->date);
    }
    if (f->ctype)
        rec->content_type = f->ctype;
}

/* Copy n window bytes into the header buffer and parse them. */
static int take_header(warc_reader *r, size_t n, fields *f)
{
    if (grow(&r->hdr, &r->hdr_cap, n + 1, HDR_MAX + 1) != 0)
        return -1;
    memcpy(r->hdr, r->win + r->wpos, n);
    r->hdr[n] = '\0';
    consume(r, n);
    parse_fields((char *)r->hdr, n, f);
    return 0;
}

/* Length of the header block at the read position (through its blank
 * line): > 0 found, 0 input ended first, -1 longer than HDR_MAX. */
static long header_len(warc_reader *r)
{
    size_t from = 0;
    for (;;) {
        size_t a = r->wlen - r->wpos;
        const unsigned char *b = r->win + r->wpos;
        while (from < a) {
            const unsigned char *nl = memchr(b + from, '\n', a - from);
            if (!nl) {
                from = a;
                break;
            }
            size_t i = (size_t)(nl - b);
            if (i + 1 >= a) {
                from = i;
                break;
            }
            if (b[i + 1] == '\n')
                return (long)(i + 2);
            if (b[i + 1] == '\r') {
                if (i + 2 >= a) {
                    from = i;
                    break;
                }
                if (b[i + 2] == '\n')
                    return (long)(i + 3);
            }
            from = i + 1;
        }
        if (a >= HDR_MAX)
            return -1;
        if (need(r, a + 1) <= a)
            return 0;
    }
}

/* What follows a block of `end` (stream position): the next record, the
 * end of input, or something else. */
static int boundary(warc_reader *r, uint64_t end)
{
    size_t i = 0, nl = 0;
    for (;;) {
        size_t a = need(r, i + VERSION_MAX);
        const unsigned char *b = r->win + r->wpos;
        while (i < a && (b[i] == '\r' || b[i] == '\n')) {
            nl += b[i] == '\n';
            i++;
        }
        if (i < a) {
            int v = version_at(b + i, a - i);
            if (v == 1)
                return BND_OK;
            if (v == 0 || r->brk || r->eof || r->io_errno || r->wlen == r->wcap)
                return nl >= 2 ? BND_GARBAGE_AFTER : BND_MISMATCH;
            continue;
        }
        if (r->brk)
            return r->brk == BRK_CORRUPT && r->brk_dstart < end ? BND_CORRUPT : BND_OK;
        if (r->eof || r->io_errno || i >= NL_MAX || r->wlen == r->wcap)
            return BND_OK;
    }
}

/* When the bytes after a block make no sense, finish decoding the current
 * member (as far as the window holds): a corrupt member that produced the end
 * of the block explains them better than a wrong Content-Length. */
static int member_corrupt(warc_reader *r, uint64_t end)
{
    if (r->mode != MODE_GZIP && r->mode != MODE_ZSTD)
        return 0;
    while (r->in_member && !r->brk && !r->eof && !r->io_errno) {
        size_t a = r->wlen - r->wpos;
        if (need(r, a + 1) <= a)
            break;
    }
    return r->brk == BRK_CORRUPT && r->brk_dstart < end;
}

static int read_record(warc_reader *r, warc_record *rec)
{
    fields f;
    long hl = header_len(r);
    if (r->io_errno)
        return read_error(r, rec);
    if (hl < 0) {
        size_t a = r->wlen - r->wpos;
        const unsigned char *nl = memchr(r->win + r->wpos, '\n', a);
        consume(r, nl ? (size_t)(nl - (r->win + r->wpos)) + 1 : MARK_LEN);
        r->resync = 1;
        set_err(r, rec, "record header longer than %zu bytes", HDR_MAX);
        return 1;
    }
    if (hl == 0) {
        if (take_header(r, r->wlen - r->wpos, &f) == 0)
            fill_fields(rec, &f);
        if (r->brk) {
            set_err(r, rec, "%s, inside the record header", r->brk_msg);
            ack_break(r);
        } else {
            set_err(r, rec, "truncated record: end of input inside the header");
        }
        r->resync = 1;
        return 1;
    }
    if (take_header(r, (size_t)hl, &f) != 0) {
        r->resync = 1;
        set_err(r, rec, "out of memory");
        return 1;
    }
    fill_fields(rec, &f);

    /* Content-Length */
    uint64_t len = 0;
    const char *cl = f.clen;
    if (!cl) {
        r->resync = 1;
        set_err(r, rec, "missing Content-Length");
        return 1;
    }
    size_t nd = 0;
    for (; cl[nd] >= '0' && cl[nd] <= '9'; nd++)
        if (nd < 20)
            len = len * 10 + (uint64_t)(cl[nd] - '0');
    if (nd == 0 || cl[nd] != '\0' || nd >= 20) {
        r->resync = 1;
        set_err(r, rec, "bad Content-Length \"%.40s\"", cl);
        return 1;
    }
    if (len > r->lim.max_record) {
        r->resync = 1;
        set_err(r, rec, "record too large: Content-Length %llu > max_record %zu",
                (unsigned long long)len, r->lim.max_record);
        return 1;
    }

    /* the block */
    size_t L = (size_t)len, got = 0;
    if (L && !r->blk) { /* taken by the caller: a new buffer of the block's size */
        r->blk = malloc(L);
        r->blk_cap = r->blk ? L : 0;
    }
    if (L && grow(&r->blk, &r->blk_cap, L, r->lim.max_record) != 0) {
        r->resync = 1;
        set_err(r, rec, "out of memory for a %zu byte block", L);
        return 1;
    }
    while (got < L) {
        size_t a = r->wlen - r->wpos;
        if (a == 0 && (a = need(r, 1)) == 0)
            break;
        size_t take = a < L - got ? a : L - got;
        memcpy(r->blk + got, r->win + r->wpos, take);
        consume(r, take);
        got += take;
    }
    uint64_t end = r->wbase + r->wpos;
    int bnd = BND_OK;
    if (got < L) {
        if (r->io_errno)
            return read_error(r, rec);
    } else {
        bnd = boundary(r, end);
        if (r->io_errno)
            return read_error(r, rec);
    }
    if ((bnd == BND_MISMATCH || bnd == BND_GARBAGE_AFTER) && member_corrupt(r, end))
        bnd = BND_CORRUPT;
    if (got < L || bnd == BND_MISMATCH) {
        /* a Content-Length too large swallows the next record: put it back */
        size_t k = find_mark(r->blk, got);
        r->resync = 1;
        if (k) {
            if (pushback(r, r->blk + k, got - k) != 0) {
                set_err(r, rec, "out of memory");
                return 1;
            }
            rec->payload = r->blk;
            rec->payload_len = k;
            set_err(r, rec, "Content-Length %zu does not match: the next record starts at block byte %zu", L, k);
            return 1;
        }
        rec->payload = got ? r->blk : empty_payload;
        rec->payload_len = got;
        if (got == L)
            set_err(r, rec, "Content-Length %zu does not match: no record boundary after the block", L);
        else if (r->brk) {
            set_err(r, rec, "%s, after %zu of %zu block bytes", r->brk_msg, got, L);
            ack_break(r);
        } else {
            set_err(r, rec, "truncated record: end of input after %zu of %zu block bytes", got, L);
        }
        return 1;
    }
    if (bnd == BND_CORRUPT) {
        rec->payload = L ? r->blk : empty_payload;
        rec->payload_len = L;
        set_err(r, rec, "%s", r->brk_msg);
        ack_break(r);
        r->resync = 1;
        return 1;
    }

    /* a good record */
    const char *ct = rec->content_type;
    size_t ctn = strlen(ct);
    int http = 0;
    if (rec->type == WARC_RESPONSE) {
        if (iprefix(ct, ctn, "application/http")) {
            const char *m = strstr(ct, "msgtype=");
            http = !m || iprefix(m + 8, strlen(m + 8), "response");
        } else if (ctn == 0) {
            http = iprefix((const char *)r->blk, L, "HTTP/");
        }
    }
    if (http) {
        http_payload(r, rec, L ? r->blk : (unsigned char *)(uintptr_t)empty_payload, L);
        return 1;
    }
    rec->payload = L ? r->blk : empty_payload;
    rec->payload_len = L;
    if (L > r->lim.max_payload) {
        rec->payload_len = r->lim.max_payload;
        rec->truncated = 1;
    }
    if (rec->type == WARC_RESOURCE || rec->type == WARC_CONVERSION || rec->type == WARC_RESPONSE) {
        rec->http_content_type = ct;
        charset_of(ct, ctn, r->charset, sizeof r->charset);
        rec->http_charset = r->charset;
    }
    return 1;
}

/* ------------------------------------------------------------ API */

warc_reader *warc_open_fd(int fd, const warc_limits *limits)
{
    warc_reader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->fd = fd;
    r->lim.max_record = limits && limits->max_record ? limits->max_record : DEFAULT_LIMIT;
    r->lim.max_payload = limits && limits->max_payload ? limits->max_payload : DEFAULT_LIMIT;
    r->raw = malloc(RAW_CAP);
    r->raw_cap = RAW_CAP;
    r->win = malloc(WIN_CAP);
    if (!r->raw || !r->win) {
        warc_close(r);
        return NULL;
    }
    r->wcap = WIN_CAP;
    r->rd_size = READ_MIN;
    return r;
}

int warc_next(warc_reader *r, warc_record *rec)
{
    rec_init(rec);
    if (r->io_errno)
        return read_error(r, rec);
    if (r->resync) {
        uint64_t skipped = 0;
        int s = scan_record(r, &skipped);
        if (s < 0)
            return read_error(r, rec);
        if (s == 0)
            return 0;
        r->resync = 0; /* found a record, or a break to report below */
    }
    /* blank lines between records */
    for (;;) {
        size_t a = need(r, 1), i = 0;
        const unsigned char *b = r->win + r->wpos;
        while (i < a && (b[i] == '\r' || b[i] == '\n' || is_ws(b[i])))
            i++;
        consume(r, i);
        if (i < a || a == 0)
            break;
    }
    size_t a = need(r, VERSION_MAX);
    if (r->io_errno)
        return read_error(r, rec);
    uint64_t p = r->wbase + r->wpos;
    if (a == 0) {
        if (!r->brk)
            return 0;
        rec->offset = r->brk_coff;
        set_err(r, rec, "%s", r->brk_msg);
        ack_break(r);
        r->resync = 1;
        return 1;
    }
    rec->offset = offset_at(r, p);
    if (version_at(r->win + r->wpos, a) != 1) {
        uint64_t skipped = 0;
        int s = scan_record(r, &skipped);
        if (s < 0)
            return read_error(r, rec);
        set_err(r, rec, "%llu bytes of garbage %s", (unsigned long long)skipped,
                s == 1 ? "before the next record" : s == 2 ? "before a broken member" : "at the end of input");
        return 1;
    }
    int rc = read_record(r, rec);
    if (rec->payload_len > r->lim.max_payload) { /* raw blocks of error records too */
        rec->payload_len = r->lim.max_payload;
        rec->truncated = 1;
    }
    return rc;
}

unsigned char *warc_take_payload(warc_reader *r, const warc_record *rec, size_t *off)
{
    unsigned char **buf[3] = {&r->blk, &r->pay[0], &r->pay[1]};
    size_t *cap[3] = {&r->blk_cap, &r->pay_cap[0], &r->pay_cap[1]};
    uintptr_t p = (uintptr_t)rec->payload;
    for (int i = 0; i < 3; i++) {
        uintptr_t b = (uintptr_t)*buf[i];
        if (b && p >= b && p < b + *cap[i]) {
            unsigned char *taken = *buf[i];
            *off = (size_t)(p - b);
            *buf[i] = NULL;
            *cap[i] = 0;
            return taken;
        }
    }
    return NULL;
}

uint64_t warc_bytes_read(const warc_reader *r) { return r ? r->nread : 0; }

void warc_close(warc_reader *r)
{
    if (!r)
        return;
    if (r->zs_ready)
        inflateEnd(&r->zs);
    if (r->ld)
        libdeflate_free_decompressor(r->ld);
    if (r->cz_ready)
        inflateEnd(&r->cz);
    ZSTD_freeDStream(r->zd);
    ZSTD_freeDCtx(r->czd);
    free(r->raw);
    free(r->win);
    free(r->hdr);
    free(r->blk);
    free(r->pay[0]);
    free(r->pay[1]);
    free(r);
}
