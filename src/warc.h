/* warc.h — a WARC 1.0/1.1 reader that survives real archives.
 *
 * Reads records from a file descriptor: uncompressed, gzip with one member
 * per record, whole-file gzip, or zstd (.warc.zst). For response records the
 * HTTP head is parsed (status, Content-Type charset, Content-Encoding,
 * Transfer-Encoding) and the payload is de-chunked and decompressed (gzip,
 * deflate, br). Corrupt or truncated records come back as error records and
 * the reader resynchronises at the next "WARC/1." line. Memory is bounded by
 * the limits given at open; a decompression bomb is cut off at max_payload.
 */
#ifndef PITH_WARC_H
#define PITH_WARC_H

#include <stddef.h>
#include <stdint.h>

typedef enum warc_type {
    WARC_OTHER = 0, WARC_WARCINFO, WARC_RESPONSE, WARC_RESOURCE, WARC_REQUEST,
    WARC_METADATA, WARC_REVISIT, WARC_CONVERSION
} warc_type;

typedef struct warc_record {
    warc_type type;
    const char *type_name;       /* WARC-Type as written ("response") */
    const char *target_uri;      /* WARC-Target-URI, or "" */
    const char *record_id;       /* WARC-Record-ID, or "" */
    const char *date;            /* WARC-Date as written, or "" */
    int64_t date_unix;           /* WARC-Date as Unix seconds, 0 if absent/invalid */
    const char *content_type;    /* record Content-Type ("application/http; msgtype=response") */
    int http_status;             /* response records: HTTP status, else 0 */
    const char *http_content_type; /* HTTP Content-Type value (response), or the record's
                                    Content-Type for resource/conversion records, or "" */
    const char *http_charset;    /* charset parameter of that Content-Type, or "" */
    const unsigned char *payload; /* the body: HTTP payload decoded, or the record block */
    size_t payload_len;
    uint64_t offset;             /* offset of the record in the (compressed) file */
    int truncated;               /* 1 when the payload was cut at max_payload */
    const char *error;           /* NULL, or why this record is broken (error record) */
} warc_record;

typedef struct warc_limits {
    size_t max_record;   /* largest record block read, default 64 MiB */
    size_t max_payload;  /* largest decoded payload, default 64 MiB */
} warc_limits;

typedef struct warc_reader warc_reader;

/* Open a reader on fd (not closed by the reader). limits may be NULL (defaults).
 * Compression is detected from the first bytes. Returns NULL on ENOMEM. */
warc_reader *warc_open_fd(int fd, const warc_limits *limits);
/* Read the next record into *rec (valid until the next call or close).
 * Returns 1 for a record (check rec->error for an error record), 0 at end of
 * input, -1 on a read error of the fd (rec->error says why). */
int warc_next(warc_reader *r, warc_record *rec);
/* Hand the buffer holding rec->payload (the record last read) to the caller,
 * who frees it with free(); rec->payload is that buffer + *off. The reader
 * allocates a new buffer for the next record. NULL when the payload is not in
 * a buffer of the reader's own (an empty payload): copy it then. */
unsigned char *warc_take_payload(warc_reader *r, const warc_record *rec, size_t *off);
/* Bytes consumed from the fd so far (for progress and MB/s). */
uint64_t warc_bytes_read(const warc_reader *r);
void warc_close(warc_reader *r);

#endif
