/* fuzz_dates.c — libFuzzer target for date_parse and date_from_url.
 *
 * The first input byte picks a language tag (bits 0-2, or 0-1 of a second list
 * with bit 4) and whether a reference time is
 * given; the rest is parsed in DATE_MACHINE, DATE_TEXT and both modes, and as
 * a URL. Every success must be a valid calendar date and time, its span must
 * lie inside the input, date_format_iso must stay under 32 bytes, and the ISO
 * text must parse back (DATE_MACHINE) to the same value.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"

#include "check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int dim(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d[m - 1] + (m == 2 && leap);
}

static void check_value(const date_value *d)
{
    REQUIRE(d->year >= 1 && d->year <= 9999);
    REQUIRE(d->month >= 1 && d->month <= 12);
    REQUIRE(d->day >= 1 && d->day <= dim(d->year, d->month));
    REQUIRE(d->has_time == 0 || d->has_time == 1);
    REQUIRE(d->has_tz == 0 || d->has_tz == 1);
    if (d->has_time) {
        REQUIRE(d->hour >= 0 && d->hour <= 23);
        REQUIRE(d->minute >= 0 && d->minute <= 59);
        REQUIRE(d->second >= 0 && d->second <= 59);
    } else {
        REQUIRE(d->hour == 0 && d->minute == 0 && d->second == 0 && !d->has_tz);
    }
    if (d->has_tz)
        REQUIRE(d->tz_minutes >= -18 * 60 - 59 && d->tz_minutes <= 18 * 60 + 59);
    else
        REQUIRE(d->tz_minutes == 0);

    char iso[64];
    memset(iso, 'x', sizeof iso);
    size_t len = date_format_iso(d, iso);
    REQUIRE(len < 32 && strlen(iso) == len);
    (void)date_plausible(d, 1744977600);
    (void)date_to_unix(d);

    /* ISO output reads back as the same value */
    if (d->year >= 1000) {
        date_value r;
        REQUIRE(date_parse(iso, len, NULL, 0, DATE_MACHINE, &r, NULL, NULL) == 1);
        REQUIRE(r.year == d->year && r.month == d->month && r.day == d->day);
        REQUIRE(r.has_time == d->has_time && r.has_tz == d->has_tz);
        if (d->has_time)
            REQUIRE(r.hour == d->hour && r.minute == d->minute && r.second == d->second);
        if (d->has_tz)
            REQUIRE(r.tz_minutes == d->tz_minutes);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const langs[] = {NULL, "en-US", "uk", "fr", "en", "de-AT", "EN_us", ""};
    if (size == 0)
        return 0;
    static const char *const more[] = {"fa", "th", "hr", "fa-IR"}; /* the calendars and Croatian months */
    const char *lang = (data[0] & 0x10) ? more[data[0] & 3] : langs[data[0] & 7];
    int64_t ref = (data[0] & 8) ? 0 : 1744977600;
    const char *s = (const char *)data + 1;
    size_t n = size - 1;

    /* a heap copy of exactly n bytes, so ASan sees any read past the end */
    char *copy = malloc(n ? n : 1);
    if (!copy)
        return 0;
    if (n)
        memcpy(copy, s, n);

    static const unsigned modes[] = {DATE_MACHINE, DATE_TEXT, DATE_MACHINE | DATE_TEXT};
    for (size_t k = 0; k < 3; k++) {
        date_value d;
        size_t off = 12345, len = 12345;
        if (date_parse(copy, n, lang, ref, modes[k], &d, &off, &len)) {
            check_value(&d);
            REQUIRE(off <= n && len <= n - off && len > 0);
        }
    }
    date_value u;
    if (date_from_url(copy, n, &u)) {
        check_value(&u);
        REQUIRE(u.year >= 1995 && u.year <= 2099 && !u.has_time);
    }
    free(copy);
    return 0;
}
