/* fuzz_warc.c — libFuzzer target for the WARC reader (src/warc.c).
 *
 * The first input byte picks small limits (max_record, max_payload); the rest
 * is written to a memfd (a temp file where memfd_create is missing) and read
 * to the end. Checks: warc_next returns -1, 0 or 1 and 0 stays 0; every string
 * is set and NUL-terminated; payloads are readable and at most max_payload;
 * offsets and warc_bytes_read stay inside the file; record offsets never go
 * backwards.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "warc.h"

#include "check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int input_fd(const uint8_t *data, size_t size)
{
    int fd = -1;
#ifdef MFD_CLOEXEC
    fd = memfd_create("fuzz_warc", MFD_CLOEXEC);
#endif
    if (fd < 0) {
        FILE *f = tmpfile();
        if (!f)
            return -1;
        fd = dup(fileno(f));
        fclose(f);
        if (fd < 0)
            return -1;
    }
    size_t off = 0;
    while (off < size) {
        ssize_t n = write(fd, data + off, size - off);
        if (n <= 0) {
            close(fd);
            return -1;
        }
        off += (size_t)n;
    }
    if (lseek(fd, 0, SEEK_SET) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static void check_str(const char *s)
{
    REQUIRE(s != NULL);
    REQUIRE(strlen(s) < ((size_t)1 << 24));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const size_t recs[4] = {64, 1024, 65536, (size_t)1 << 20};
    static const size_t pays[4] = {1, 100, 4096, (size_t)1 << 20};
    if (size == 0)
        return 0;
    warc_limits lim = {recs[data[0] & 3], pays[(data[0] >> 2) & 3]};
    data++;
    size--;
    int fd = input_fd(data, size);
    if (fd < 0)
        return 0;
    warc_reader *r = warc_open_fd(fd, &lim);
    if (!r) {
        close(fd);
        return 0;
    }
    warc_record rec;
    int rc;
    uint64_t last_off = 0;
    unsigned sum = 0;
    for (long n = 0; n < 200000 && (rc = warc_next(r, &rec)) == 1; n++) {
        check_str(rec.type_name);
        check_str(rec.target_uri);
        check_str(rec.record_id);
        check_str(rec.date);
        check_str(rec.content_type);
        check_str(rec.http_content_type);
        check_str(rec.http_charset);
        if (rec.error)
            check_str(rec.error);
        REQUIRE(rec.payload != NULL);
        REQUIRE(rec.payload_len <= lim.max_payload);
        for (size_t i = 0; i < rec.payload_len; i++)
            sum += rec.payload[i];
        REQUIRE(rec.truncated == 0 || rec.truncated == 1);
        REQUIRE(rec.http_status >= 0 && rec.http_status <= 999);
        REQUIRE(rec.type >= WARC_OTHER && rec.type <= WARC_CONVERSION);
        REQUIRE(rec.offset <= size);
        REQUIRE(rec.offset >= last_off);
        last_off = rec.offset;
        REQUIRE(warc_bytes_read(r) <= size);
    }
    if (rc == 0)
        REQUIRE(warc_next(r, &rec) == 0);
    REQUIRE(warc_bytes_read(r) <= size);
    warc_close(r);
    close(fd);
    return (int)(sum & 0);
}
