/* dates.h — dates and times as pages write them, in many languages.
 *
 * Machine formats (ISO 8601, RFC 2822/1123, Unix epoch in JSON-LD) and human
 * text ("6 липня 2024 р.", "06.07.2024, 15:29", "March 5, 2021 3:04 pm",
 * "5. März 2021", "2024. július 6.", "6 Ιουλίου 2024", "2024년 7월 6일",
 * "вчора, 14:56", "3 hours ago") are parsed into a
 * date_value. Relative and year-less dates are resolved against a reference
 * time and never land in its future. Nothing here allocates.
 */
#ifndef PITH_DATES_H
#define PITH_DATES_H

#include <stddef.h>
#include <stdint.h>

typedef struct date_value {
    int year, month, day;      /* calendar date; month 1..12, day 1..31 */
    int hour, minute, second;  /* valid only when has_time */
    int has_time;              /* 1 when a time of day was given */
    int has_tz;                /* 1 when a UTC offset (or Z) was given */
    int tz_minutes;            /* offset from UTC in minutes, e.g. +180 for +03:00 */
} date_value;

/* How date_parse treats its input. */
#define DATE_MACHINE 0x1u  /* an attribute/metadata value: the whole string is one date */
#define DATE_TEXT 0x2u     /* free text: find the first date written in it */

/* Parse a date from s[0..n). lang is a BCP 47 tag (or its primary subtag, or
 * NULL) used to decide day/month order in numeric dates (en-US: month first)
 * and to prefer month-name tables; all supported languages are tried anyway.
 * ref is the reference time (Unix seconds, > 0) for relative dates ("вчора",
 * "yesterday", "2 hours ago") and for year-less dates ("16 квітня, 09:17"),
 * which take the latest year that does not put them after ref.
 * With DATE_TEXT, *match_off and *match_len (when not NULL) receive the span that
 * was recognised. Returns 1 when a valid calendar date was found, else 0. */
int date_parse(const char *s, size_t n, const char *lang, int64_t ref, unsigned flags,
               date_value *out, size_t *match_off, size_t *match_len);

/* 1 when s[0..n) has a digit: ASCII or of another script ("٦", "۱۴۰۳", "६",
 * "๖", "２"), which date_parse reads too. A cheap test before date_parse. */
int date_has_digit(const char *s, size_t n);

/* Find a date in a URL path: /2024/07/06/, /2024-07-06/, /20240706/, /2024/07/
 * (day 1 is NOT invented: returns 0 unless a day is present). Returns 1 on success. */
int date_from_url(const char *url, size_t n, date_value *out);

/* 1 when d is between 1995-01-01 and ref + 1 day (ref in Unix seconds). */
int date_plausible(const date_value *d, int64_t ref);

/* Write d as ISO 8601 into out (at least 32 bytes): "2024-07-06",
 * "2024-07-06T15:29:00", or "2024-07-06T15:29:00+03:00". Returns the length. */
size_t date_format_iso(const date_value *d, char *out);

/* Unix seconds for d (UTC when has_tz, else treating the wall time as UTC). */
int64_t date_to_unix(const date_value *d);

#endif
