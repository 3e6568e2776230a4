/* warc_api.c — the public WARC reader (pith_warc_* in pith.h) over warc.c.
 *
 * A thin, allocation-light adapter: it owns the file descriptor when opened
 * by path, and translates warc_record into pith_warc_record.
 */
#include "internal.h"
#include "warc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct pith_warc {
    warc_reader *r;
    int fd;      /* closed by pith_warc_close when owned */
    int own_fd;
};

static const char *type_name(warc_type t, const char *written)
{
    if (written && *written)
        return written;
    switch (t) {
    case WARC_WARCINFO: return "warcinfo";
    case WARC_RESPONSE: return "response";
    case WARC_RESOURCE: return "resource";
    case WARC_REQUEST: return "request";
    case WARC_METADATA: return "metadata";
    case WARC_REVISIT: return "revisit";
    case WARC_CONVERSION: return "conversion";
    default: return "other";
    }
}

pith_status pith_warc_open_fd(int fd, size_t max_payload, pith_warc **out)
{
    if (!out || fd < 0)
        return PITH_EINVAL;
    *out = NULL;
    pith_warc *w = calloc(1, sizeof *w);
    if (!w)
        return PITH_ENOMEM;
    warc_limits lim;
    /* a record block up to 64 MiB (or the payload cap, if larger) is read;
     * its payload beyond max_payload is cut, with truncated set */
    lim.max_payload = max_payload ? max_payload : (64u << 20);
    lim.max_record = lim.max_payload > (64u << 20) ? lim.max_payload : (64u << 20);
    w->r = warc_open_fd(fd, &lim);
    if (!w->r) {
        free(w);
        return PITH_ENOMEM;
    }
    w->fd = fd;
    *out = w;
    return PITH_OK;
}

pith_status pith_warc_open_path(const char *path, size_t max_payload, pith_warc **out)
{
    if (!path || !out)
        return PITH_EINVAL;
    int fd = strcmp(path, "-") == 0 ? dup(0) : open(path, O_RDONLY);
    if (fd < 0)
        return PITH_EIO;
    pith_status st = pith_warc_open_fd(fd, max_payload, out);
    if (st != PITH_OK) {
        close(fd);
        return st;
    }
    (*out)->own_fd = 1;
    return PITH_OK;
}

int pith_warc_next(pith_warc *w, pith_warc_record *rec)
{
    if (!w || !rec)
        return -1;
    warc_record r;
    memset(&r, 0, sizeof r);
    int got = warc_next(w->r, &r);
    memset(rec, 0, sizeof *rec);
    if (got == 0)
        return 0;
    rec->type = type_name(r.type, r.type_name);
    rec->target_uri = r.target_uri ? r.target_uri : "";
    rec->record_id = r.record_id ? r.record_id : "";
    rec->date = r.date ? r.date : "";
    rec->date_unix = r.date_unix;
    rec->http_status = r.http_status;
    rec->content_type = r.http_content_type ? r.http_content_type : "";
    rec->charset = r.http_charset ? r.http_charset : "";
    rec->payload = r.payload;
    rec->payload_len = r.payload_len;
    rec->offset = r.offset;
    rec->truncated = r.truncated;
    rec->error = r.error;
    if (got < 0 && !rec->error)
        rec->error = "read error";
    return got;
}

void *pith_warc_take_payload(pith_warc *w, const pith_warc_record *rec, size_t *offset)
{
    if (!w || !rec || !offset)
        return NULL;
    warc_record r;
    memset(&r, 0, sizeof r);
    r.payload = rec->payload;
    return warc_take_payload(w->r, &r, offset);
}

uint64_t pith_warc_bytes_read(const pith_warc *w) { return w ? warc_bytes_read(w->r) : 0; }

void pith_warc_close(pith_warc *w)
{
    if (!w)
        return;
    warc_close(w->r);
    if (w->own_fd)
        close(w->fd);
    free(w);
}
