/* pith.h — turn news web pages into clean, structured article records.
 *
 * This header is the whole public API of libpith, and its specification.
 *
 * Model: build one pith_extractor from a pith_options (defaults from
 * pith_options_init), then call pith_extract() once per page. Each call
 * returns a pith_doc: a read-only record (metadata, body blocks, status) that
 * the caller frees with pith_doc_free(). A doc does not depend on the
 * extractor and may be read from any thread.
 *
 * Threads: there is no global mutable state. An extractor is used by one
 * thread at a time (make one per thread); docs are immutable.
 *
 * Memory: every pointer returned by a pith_doc_* accessor lives as long as
 * the doc. Strings are UTF-8 and NUL-terminated; lengths are in bytes.
 * Buffers returned by pith_render_string() are freed with pith_free().
 */
#ifndef PITH_H
#define PITH_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && defined(PITH_BUILDING)
#define PITH_API __attribute__((visibility("default")))
#else
#define PITH_API
#endif

#define PITH_VERSION_MAJOR 0
#define PITH_VERSION_MINOR 1
#define PITH_VERSION_PATCH 0
#define PITH_VERSION_STRING "0.1.0"

/* Runtime version: (major << 16) | (minor << 8) | patch, and as a string. */
PITH_API unsigned pith_version(void);
PITH_API const char *pith_version_string(void);

/* ---------------------------------------------------------------- status */

/* Every call that can fail returns one of these. The numbers are stable. */
typedef enum pith_status {
    PITH_OK = 0,          /* success */
    PITH_ENOMEM = 1,      /* memory allocation failed (or the memory limit was hit) */
    PITH_EINVAL = 2,      /* invalid argument or option */
    PITH_ETOOBIG = 3,     /* input larger than options.max_bytes */
    PITH_ETOODEEP = 4,    /* limit on nesting, formatting elements, nodes or attributes
                             exceeded (strict mode) */
    PITH_ETIMEOUT = 5,    /* the per-page work budget ran out */
    PITH_ECHARSET = 6,    /* unknown charset named by the caller */
    PITH_ENOCONTENT = 7,  /* the page has no main content (the doc still carries metadata) */
    PITH_EPARSE = 8,      /* the input could not be parsed at all */
    PITH_EINTERNAL = 9,   /* a bug in pith: please report */
    PITH_EIO = 10         /* reading an input failed (used by the WARC reader and CLI) */
} pith_status;

/* Stable symbolic name ("PITH_ETOOBIG") and a short English sentence. Never NULL. */
PITH_API const char *pith_status_name(pith_status s);
PITH_API const char *pith_status_message(pith_status s);

/* --------------------------------------------------------------- options */

/* Flags for pith_options.flags. */
#define PITH_OPT_COMMENTS 0x0001u   /* keep user comments, as blocks with part PITH_PART_COMMENTS */
#define PITH_OPT_PRECISION 0x0002u  /* favour precision: drop borderline blocks */
#define PITH_OPT_RECALL 0x0004u     /* favour recall: keep borderline blocks */
#define PITH_OPT_NO_METADATA 0x0008u /* skip metadata extraction (body only) */
#define PITH_OPT_STRICT_LIMITS 0x0010u /* reject pages over the structural limits instead of
                                          processing them in a bounded, degraded way */

typedef struct pith_options {
    unsigned flags;          /* PITH_OPT_* bits; default 0 */
    size_t max_bytes;        /* largest input accepted, default 64 MiB (hard cap 1 GiB) */
    unsigned max_depth;      /* element nesting kept, default 256: start and end tags nesting
                                deeper are dropped before parsing (the HTML5 tree builder is
                                quadratic in depth); their content joins the deepest kept
                                ancestor. pith_stats.truncated bit 0 */
    unsigned max_nodes;      /* elements + text nodes per page, default 2,000,000; the page is
                                also cut where the parser would pass 64 MiB + 8 x input.
                                The rest of the page is ignored: truncated bit 1 */
    unsigned max_attrs;      /* attributes read per element, default 64 (more are ignored:
                                truncated bit 2) */
    unsigned max_formatting; /* open inline formatting elements (b, i, a, font ...), default 64;
                                deeper ones are dropped before parsing: truncated bit 4 */
    unsigned time_budget_ms; /* per-page work budget, default 10,000 ms; 0 = none */
    size_t max_memory;       /* per-page arena limit, default 0 = 32 x input + 64 MiB */
} pith_options;

/* Fill *opt with the defaults. Always call it before changing fields. */
PITH_API void pith_options_init(pith_options *opt);

/* ------------------------------------------------------------- extractor */

typedef struct pith_extractor pith_extractor;

/* Validate *opt and create an extractor. On PITH_EINVAL, *err_field (when not
 * NULL) names the offending option ("flags" for PRECISION with RECALL). The
 * ranges accepted: max_bytes 1 .. 1 GiB, max_depth 8 .. 4096, max_nodes
 * 16 .. 100,000,000, max_attrs and max_formatting 1 .. 100,000. NULL opt =
 * the defaults. The options are copied. */
PITH_API pith_status pith_extractor_new(const pith_options *opt, pith_extractor **out,
                                        const char **err_field);
/* Release an extractor. Accepts NULL. Docs it produced stay valid. */
PITH_API void pith_extractor_free(pith_extractor *ex);

/* --------------------------------------------------------------- extract */

typedef enum pith_input_kind {
    PITH_INPUT_HTML = 0, /* bytes of an HTML page, any charset */
    PITH_INPUT_TEXT = 1, /* plain text of one page as a scraper or text dump saved it */
    PITH_INPUT_AUTO = 2  /* HTML, unless the first 64 KB hold no tag ("<p", "</", "<!"):
                            then text */
} pith_input_kind;

typedef struct pith_input {
    const void *data;     /* the page bytes (need not be NUL-terminated) */
    size_t len;           /* their length */
    const char *url;      /* the page's URL, or NULL */
    const char *charset;  /* charset hint (HTTP Content-Type), or NULL */
    int64_t ref_time;     /* reference time for relative dates, Unix seconds; 0 = now */
    pith_input_kind kind; /* HTML, text or auto */
    const uint64_t *drop_blocks; /* sorted pith_block_hash() values of blocks to leave out of the
                                    body (furniture learnt across a site's pages), or NULL */
    size_t n_drop_blocks;
} pith_input;

/* Hash of a block's text as furniture learning compares it: case (ASCII and
 * Cyrillic/Latin letters), white space and digits ("вчора, 14:56") folded. */
PITH_API uint64_t pith_block_hash(const char *text, size_t len);

typedef struct pith_doc pith_doc;

/* Run the pipeline on one page. On return *out holds a doc whatever the
 * status (it carries the status, a message and whatever was found), except on
 * PITH_ENOMEM or PITH_EINVAL where it may be NULL. The return value equals
 * pith_doc_status(*out) when *out is not NULL. */
PITH_API pith_status pith_extract(pith_extractor *ex, const pith_input *in, pith_doc **out);

/* Free a doc and everything it points to. Accepts NULL. */
PITH_API void pith_doc_free(pith_doc *doc);

/* ------------------------------------------------------- reading a doc */

PITH_API pith_status pith_doc_status(const pith_doc *doc);
/* Human-readable explanation of a non-OK status ("" when OK). */
PITH_API const char *pith_doc_message(const pith_doc *doc);

/* Single-valued text fields of the record. */
typedef enum pith_field {
    PITH_FIELD_TITLE = 0,
    PITH_FIELD_SECTION,       /* the site's rubric */
    PITH_FIELD_PUBLISHED,     /* ISO 8601, with UTC offset when known, date-only when no time */
    PITH_FIELD_MODIFIED,      /* likewise */
    PITH_FIELD_SITE_NAME,
    PITH_FIELD_LANGUAGE,      /* BCP 47 */
    PITH_FIELD_LEAD,          /* description / standfirst */
    PITH_FIELD_CANONICAL_URL,
    PITH_FIELD_IMAGE,
    PITH_FIELD_URL,           /* the URL given in pith_input */
    PITH_FIELD_CHARSET,       /* the charset the bytes were decoded from */
    PITH_FIELD_COUNT
} pith_field;

/* The field's value, or NULL when absent. *len (when not NULL) gets its length. */
PITH_API const char *pith_doc_field(const pith_doc *doc, pith_field f, size_t *len);
/* Where the value came from: "json-ld", "opengraph", "meta", "microdata",
 * "time-element", "url", "text", "html", "input", or NULL when absent. */
PITH_API const char *pith_doc_field_source(const pith_doc *doc, pith_field f);
/* Stable lower-case name of a field ("title", "published", ...). */
PITH_API const char *pith_field_name(pith_field f);

/* Multi-valued fields. */
typedef enum pith_list {
    PITH_LIST_AUTHORS = 0,
    PITH_LIST_TAGS,
    PITH_LIST_SOURCES,  /* news agencies credited in the text ("Reuters", "Укрінформ") */
    PITH_LIST_COUNT
} pith_list;

PITH_API size_t pith_doc_list_count(const pith_doc *doc, pith_list l);
PITH_API const char *pith_doc_list_item(const pith_doc *doc, pith_list l, size_t i, size_t *len);
PITH_API const char *pith_doc_list_source(const pith_doc *doc, pith_list l);
PITH_API const char *pith_list_name(pith_list l);

/* Body blocks, in reading order. */
typedef enum pith_block_kind {
    PITH_BLOCK_PARAGRAPH = 0,
    PITH_BLOCK_HEADING,     /* level 1..6 */
    PITH_BLOCK_LIST_ITEM,   /* level = nesting depth (1..); ordered lists set PITH_BLOCK_ORDERED */
    PITH_BLOCK_QUOTE,       /* one paragraph of a block quote; level = quote depth */
    PITH_BLOCK_CODE,        /* preformatted text, whitespace kept */
    PITH_BLOCK_TABLE_ROW,   /* cells separated by '\t' in text; header rows set PITH_BLOCK_HEADER */
    PITH_BLOCK_CAPTION,     /* figure or table caption */
    PITH_BLOCK_KIND_COUNT
} pith_block_kind;

#define PITH_BLOCK_ORDERED 0x01u /* list item of an ordered list */
#define PITH_BLOCK_HEADER 0x02u  /* table header row */
#define PITH_BLOCK_TABLE_START 0x04u /* first row of a table */

typedef enum pith_part {
    PITH_PART_BODY = 0,    /* the article */
    PITH_PART_COMMENTS = 1 /* user comments (only with PITH_OPT_COMMENTS) */
} pith_part;

typedef struct pith_block {
    pith_block_kind kind;
    pith_part part;
    unsigned level;   /* heading level, list or quote depth; 0 otherwise */
    unsigned flags;   /* PITH_BLOCK_* */
    const char *text; /* UTF-8, NUL-terminated, whitespace normalised (except code) */
    size_t len;
} pith_block;

PITH_API size_t pith_doc_block_count(const pith_doc *doc);
/* Copy block i into *out; returns PITH_EINVAL when i is out of range. */
PITH_API pith_status pith_doc_block(const pith_doc *doc, size_t i, pith_block *out);

/* The body as plain text (blocks joined by newlines), always valid UTF-8. */
PITH_API const char *pith_doc_text(const pith_doc *doc, size_t *len);

typedef struct pith_stats {
    size_t input_bytes;   /* bytes given */
    size_t nodes;         /* elements and text nodes seen */
    unsigned max_depth;   /* deepest nesting seen in the tree pith built */
    unsigned truncated;   /* bit 0: nesting cut, bit 1: nodes capped, bit 2: attributes capped,
                             bit 3: the time budget ran out, bit 4: formatting elements cut */
    double ms_decode, ms_parse, ms_tree, ms_select, ms_meta, ms_total; /* stage timings */
} pith_stats;

PITH_API void pith_doc_stats(const pith_doc *doc, pith_stats *out);

/* ------------------------------------------------------------ rendering */

typedef enum pith_format {
    PITH_FORMAT_TEXT = 0,   /* plain text: title, then the body */
    PITH_FORMAT_MARKDOWN,   /* Markdown with headings, lists, quotes, tables */
    PITH_FORMAT_JSON,       /* one JSON object: metadata, sources, text, blocks */
    PITH_FORMAT_HTML        /* cleaned, minimal HTML document */
} pith_format;

#define PITH_RENDER_NO_BLOCKS 0x01u  /* JSON: leave out the "blocks" array */
#define PITH_RENDER_NO_TITLE 0x02u   /* text/markdown/html: body only */
#define PITH_RENDER_COMMENTS 0x04u   /* include comment blocks (when kept) */

/* Parse a format name ("text", "markdown", "md", "json", "html"); -1 if unknown. */
PITH_API int pith_format_from_name(const char *name);

/* Output sink: return 0 to continue, non-zero to stop rendering. */
typedef int (*pith_write_fn)(void *ctx, const char *data, size_t len);

/* Stream the doc in the given format. Returns PITH_EIO when the sink stopped. */
PITH_API pith_status pith_render(const pith_doc *doc, pith_format format, unsigned flags,
                                 pith_write_fn write, void *ctx);
/* Render into a new NUL-terminated string (free with pith_free), or NULL on failure. */
PITH_API char *pith_render_string(const pith_doc *doc, pith_format format, unsigned flags,
                                  size_t *len);
/* JSON error record for an input that produced no doc (or a failed doc):
 * {"status":"PITH_E...","error":"PITH_E...","message":...,"url":...} plus
 * extra members given as a JSON fragment (may be NULL). message NULL gives
 * pith_status_message(s). Free with pith_free. */
PITH_API char *pith_error_json(pith_status s, const char *message, const char *url,
                               const char *extra_json_members);
PITH_API void pith_free(void *p);

/* ------------------------------------------------------------ WARC */

/* A streaming WARC 1.0/1.1 reader (plain, gzip per record or whole file,
 * zstd). Response records come with their HTTP payload de-chunked and
 * decompressed. Broken records come back with `error` set and the reader
 * resynchronises at the next record. */
typedef struct pith_warc pith_warc;

typedef struct pith_warc_record {
    const char *type;          /* WARC-Type: "response", "resource", "conversion", ... */
    const char *target_uri;    /* WARC-Target-URI or "" */
    const char *record_id;     /* WARC-Record-ID or "" */
    const char *date;          /* WARC-Date as written, or "" */
    int64_t date_unix;         /* WARC-Date in Unix seconds, 0 if absent */
    int http_status;           /* HTTP status of response records, else 0 */
    const char *content_type;  /* HTTP Content-Type (response) or record Content-Type, or "" */
    const char *charset;       /* charset parameter of content_type, or "" */
    const void *payload;       /* decoded body */
    size_t payload_len;
    uint64_t offset;           /* byte offset of the record in the file */
    int truncated;             /* payload cut at max_payload */
    const char *error;         /* NULL, or why this record is broken */
} pith_warc_record;

/* Open a reader on a file descriptor (not closed by pith_warc_close) or a
 * path ("-" = stdin). max_payload 0 = default (64 MiB). */
PITH_API pith_status pith_warc_open_fd(int fd, size_t max_payload, pith_warc **out);
PITH_API pith_status pith_warc_open_path(const char *path, size_t max_payload, pith_warc **out);
/* Next record: 1 = a record in *rec (valid until the next call), 0 = end,
 * -1 = read error (rec->error says why). */
PITH_API int pith_warc_next(pith_warc *w, pith_warc_record *rec);
/* Take the payload of the record last returned instead of copying it: the
 * buffer that holds rec->payload becomes the caller's (free it with
 * pith_free; rec->payload = buffer + *offset stays valid until then) and the
 * reader reads the next record into a new one. NULL when the payload has no
 * buffer of its own (empty): copy it then. */
PITH_API void *pith_warc_take_payload(pith_warc *w, const pith_warc_record *rec, size_t *offset);
/* Compressed bytes consumed so far. */
PITH_API uint64_t pith_warc_bytes_read(const pith_warc *w);
PITH_API void pith_warc_close(pith_warc *w);

#ifdef __cplusplus
}
#endif
#endif
