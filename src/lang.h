/* lang.h — language identification and stopword lookup.
 *
 * lang_detect names the language of a UTF-8 text from its script and from
 * the frequency of each candidate language's commonest words. The same
 * stopword tables give lang_stopwords(), a cheap per-paragraph signal used
 * by content scoring (jusText's insight: running prose is full of function
 * words, navigation and teasers are not). Tables are static const data
 * generated from data/stopwords/ by tools/gen_tables.py.
 */
#ifndef PITH_LANG_H
#define PITH_LANG_H

#include <stddef.h>

/* Detect the language of text[0..n). Returns a static BCP 47 primary tag
 * ("en", "uk", "ru", "de", ...) or NULL when the text is too short or the
 * evidence too weak. *confidence (when not NULL) gets a value in [0,1]. */
const char *lang_detect(const char *text, size_t n, double *confidence);

/* Count words and stopwords (of any supported language) in text[0..n).
 * Words are maximal runs of letters; case is folded (ASCII, Latin-1,
 * Cyrillic, Greek). Returns the stopword count; *words gets the word count. */
unsigned lang_stopwords(const char *text, size_t n, unsigned *words);

/* 1 when the tag names a language whose numeric dates are month-first (en-US style). */
int lang_month_first(const char *tag);

#endif
