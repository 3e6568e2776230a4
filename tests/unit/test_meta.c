/* test_meta.c — metadata extraction through the public API.
 *
 * Each test builds a small HTML page, runs pith_extract and checks the
 * record's fields and their sources: JSON-LD (objects, @graph with @id
 * references, broken JSON), OpenGraph, <meta>, microdata, <time>, the
 * <title>/<h1> choice and site-suffix cleaning, DOM bylines, dates in the
 * URL and in the text near the headline, precedence conflicts, section
 * normalisation, language normalisation and the body-text check.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "pith.h"

static pith_extractor *EX;

/* A paragraph long enough to make its container the article. */
#define PARA                                                                                              \
    "<p>The council met on Tuesday evening to discuss the new budget for the coming year, and after a " \
    "long debate the members agreed to spend more on schools, roads and the public library, which had " \
    "been closed for repairs since the spring floods damaged its lower floor and most of its archive.</p>"
#define PARA2                                                                                              \
    "<p>Residents who attended the meeting said they were pleased with the outcome, although several of " \
    "them asked why the decision had taken so long and whether the money would arrive before winter.</p>"

/* 100 nodes of filler: puts what follows past the start of the article. */
#define TEN_B "<b>w</b> <b>w</b> <b>w</b> <b>w</b> <b>w</b> <b>w</b> <b>w</b> <b>w</b> <b>w</b> <b>w</b> "
#define FIFTY_B "<p>" TEN_B TEN_B TEN_B TEN_B TEN_B "</p>"

static pith_doc *run(const char *html, const char *url, int64_t ref)
{
    pith_input in;
    memset(&in, 0, sizeof in);
    in.data = html;
    in.len = strlen(html);
    in.url = url;
    in.ref_time = ref;
    pith_doc *doc = NULL;
    pith_extract(EX, &in, &doc);
    return doc;
}

static const char *F(const pith_doc *d, pith_field f) { return pith_doc_field(d, f, NULL); }
static const char *S(const pith_doc *d, pith_field f) { return pith_doc_field_source(d, f); }

static int has_author(const pith_doc *d, const char *name)
{
    for (size_t i = 0; i < pith_doc_list_count(d, PITH_LIST_AUTHORS); i++)
        if (!strcmp(pith_doc_list_item(d, PITH_LIST_AUTHORS, i, NULL), name))
            return 1;
    return 0;
}

static int has_tag(const pith_doc *d, const char *t)
{
    for (size_t i = 0; i < pith_doc_list_count(d, PITH_LIST_TAGS); i++)
        if (!strcmp(pith_doc_list_item(d, PITH_LIST_TAGS, i, NULL), t))
            return 1;
    return 0;
}

/* Does s start with prefix? (published values may carry a time) */
static int starts(const char *s, const char *prefix) { return s && !strncmp(s, prefix, strlen(prefix)); }

#define REF_2024 ((int64_t)1720300000) /* 2024-07-06T21:06:40Z */

static void test_jsonld_article(void)
{
    const char *html =
        "<html lang=en><head><title>Council approves budget | The Daily Example</title>"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
        "\"headline\":\"Council approves budget\",\"datePublished\":\"2024-07-05T10:30:00+03:00\","
        "\"dateModified\":\"2024-07-06T08:00:00+03:00\",\"articleSection\":[\"Local\",\"Politics\"],"
        "\"keywords\":\"budget, council,schools\",\"description\":\"The council agreed to spend more.\","
        "\"image\":{\"@type\":\"ImageObject\",\"url\":\"https://example.com/img/budget.jpg\"},"
        "\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Doe\"},{\"@type\":\"Person\",\"name\":\"John Smith\"}],"
        "\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Daily Example\"}}</script></head>"
        "<body><article><h1>Council approves budget</h1><p>By Jane Doe and John Smith</p>" PARA PARA2
        "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Council approves budget");
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2024-07-05T10:30:00+03:00");
    CHECK_STR(S(d, PITH_FIELD_PUBLISHED), "json-ld");
    CHECK_STR(F(d, PITH_FIELD_MODIFIED), "2024-07-06T08:00:00+03:00");
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 2);
    CHECK(has_author(d, "Jane Doe"));
    CHECK(has_author(d, "John Smith"));
    CHECK_STR(pith_doc_list_source(d, PITH_LIST_AUTHORS), "json-ld");
    CHECK_STR(F(d, PITH_FIELD_SECTION), "Local");
    CHECK(has_tag(d, "budget") && has_tag(d, "council") && has_tag(d, "schools"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_TAGS), 3);
    CHECK_STR(F(d, PITH_FIELD_SITE_NAME), "The Daily Example");
    CHECK_STR(F(d, PITH_FIELD_LEAD), "The council agreed to spend more.");
    CHECK_STR(F(d, PITH_FIELD_IMAGE), "https://example.com/img/budget.jpg");
    CHECK_STR(F(d, PITH_FIELD_LANGUAGE), "en");
    pith_doc_free(d);
}

/* Yoast-style @graph: the author is a reference to a Person elsewhere. */
static void test_jsonld_graph_refs(void)
{
    const char *html =
        "<html><head><title>Rain expected all week - Example Weather</title>"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
        "{\"@type\":\"WebSite\",\"@id\":\"https://w.example/#website\",\"name\":\"Example Weather\"},"
        "{\"@type\":\"WebPage\",\"@id\":\"https://w.example/rain/\",\"name\":\"Rain expected all week - Example Weather\","
        "\"datePublished\":\"2023-03-01T06:00:00+00:00\"},"
        "{\"@type\":\"Article\",\"@id\":\"https://w.example/rain/#article\",\"headline\":\"Rain expected all week\","
        "\"author\":{\"@id\":\"https://w.example/#/schema/person/42\"},\"datePublished\":\"2023-03-02T06:00:00+00:00\","
        "\"mainEntityOfPage\":{\"@id\":\"https://w.example/rain/\"}},"
        "{\"@type\":\"Person\",\"@id\":\"https://w.example/#/schema/person/42\",\"name\":\"Olga Petrenko\"}]}</script>"
        "</head><body><article><h1>Rain expected all week</h1><p class=byline>Olga Petrenko</p>" PARA PARA2
        "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Rain expected all week");
    CHECK(has_author(d, "Olga Petrenko"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    /* the Article's date, not the WebPage's */
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2023-03-02"));
    CHECK_STR(F(d, PITH_FIELD_SITE_NAME), "Example Weather");
    pith_doc_free(d);
}

/* Trailing commas, a raw newline inside a string, a comment, a stray "<!--". */
static void test_jsonld_broken(void)
{
    const char *html =
        "<html><head><title>Bridge reopens</title><script type=\"application/ld+json\"><!--\n"
        "{ // the article\n \"@type\": \"BlogPosting\", \"headline\": \"Bridge reopens\nafter repairs\",\n"
        " \"author\": [\"Anna Berg\", {\"name\": \"Tom Weiss\",},],\n"
        " \"datePublished\": \"2022-11-03\",\n}\n--></script></head>"
        "<body><article><h2>Bridge</h2>" PARA PARA2 "<p>Anna Berg and Tom Weiss reported.</p></article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2022-11-03");
    CHECK_STR(S(d, PITH_FIELD_PUBLISHED), "json-ld");
    CHECK(has_author(d, "Anna Berg"));
    CHECK(has_author(d, "Tom Weiss"));
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Bridge reopens after repairs");
    pith_doc_free(d);
}

/* JSON-LD says one date, a <time> in the article another: JSON-LD wins. */
static void test_precedence_jsonld_over_time(void)
{
    const char *html =
        "<html><head><title>Harbour plan</title><script type=\"application/ld+json\">"
        "{\"@type\":\"NewsArticle\",\"headline\":\"Harbour plan\",\"datePublished\":\"2021-04-01T09:00:00Z\"}"
        "</script></head><body><article><h1>Harbour plan</h1>"
        "<time datetime=\"2021-05-20T10:00:00+02:00\">May 20</time>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2021-04-01"));
    CHECK_STR(S(d, PITH_FIELD_PUBLISHED), "json-ld");
    pith_doc_free(d);
    /* without JSON-LD the <time> counts */
    const char *html2 = "<html><head><title>Harbour plan</title></head><body><article><h1>Harbour plan</h1>"
                        "<time datetime=\"2021-05-20T10:00:00+02:00\">May 20</time>" PARA PARA2
                        "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2021-05-20T10:00:00+02:00");
    CHECK_STR(S(d, PITH_FIELD_PUBLISHED), "time-element");
    pith_doc_free(d);
}

/* Only a modification date: it is the modified field, never the published one. */
static void test_modified_only(void)
{
    const char *html = "<html><head><title>Timetable changes</title>"
                       "<meta property=\"article:modified_time\" content=\"2020-02-10T12:00:00+01:00\">"
                       "</head><body><article><h1>Timetable changes</h1>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(F(d, PITH_FIELD_PUBLISHED) == NULL);
    CHECK_STR(F(d, PITH_FIELD_MODIFIED), "2020-02-10T12:00:00+01:00");
    CHECK_STR(S(d, PITH_FIELD_MODIFIED), "opengraph");
    pith_doc_free(d);
}

/* OpenGraph and <meta>: site suffix cleaned with og:site_name, authors split. */
static void test_opengraph_and_meta(void)
{
    const char *html =
        "<html><head><title>Storm closes schools | Northern Gazette</title>"
        "<meta property=\"og:title\" content=\"Storm closes schools | Northern Gazette\">"
        "<meta property=\"og:site_name\" content=\"Northern Gazette\">"
        "<meta property=\"og:locale\" content=\"en_GB\">"
        "<meta property=\"article:published_time\" content=\"2019-01-15T07:45:00+00:00\">"
        "<meta name=\"author\" content=\"By Mary Jones, Staff Writer\">"
        "<meta property=\"article:section\" content=\"WEATHER\">"
        "<meta property=\"article:tag\" content=\"storm\"><meta property=\"article:tag\" content=\"schools\">"
        "<link rel=\"canonical\" href=\"/news/storm-closes-schools\">"
        "</head><body><div class=content><h2>Other news</h2>" PARA PARA2
        "<p>Reporting by Mary Jones.</p></div></body></html>";
    pith_doc *d = run(html, "https://www.northern.example/news/storm-closes-schools?ref=home", REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Storm closes schools");
    CHECK_STR(S(d, PITH_FIELD_TITLE), "opengraph");
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2019-01-15T07:45:00+00:00");
    CHECK_STR(S(d, PITH_FIELD_PUBLISHED), "opengraph");
    CHECK(has_author(d, "Mary Jones"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1); /* "Staff Writer" is a role */
    CHECK_STR(pith_doc_list_source(d, PITH_LIST_AUTHORS), "meta");
    CHECK_STR(F(d, PITH_FIELD_SECTION), "Weather");
    CHECK(has_tag(d, "storm") && has_tag(d, "schools"));
    CHECK_STR(F(d, PITH_FIELD_SITE_NAME), "Northern Gazette");
    CHECK_STR(F(d, PITH_FIELD_CANONICAL_URL), "https://www.northern.example/news/storm-closes-schools");
    pith_doc_free(d);
}

/* Title cleaning: the part after " – " is the site (host of the canonical URL). */
static void test_title_suffix_host(void)
{
    const char *html = "<html><head><title>Ferry strike ends – Examplenews</title>"
                       "<link rel=canonical href=\"https://www.examplenews.com/a/ferry\"></head>"
                       "<body><div class=article><h2>Ferry strike ends</h2>" PARA PARA2 "</div></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Ferry strike ends");
    pith_doc_free(d);
}

/* ... and NOT cleaning a " - " whose parts are both headline text. */
static void test_title_real_dash(void)
{
    const char *html = "<html><head><title>Interview - Why the river keeps rising</title></head>"
                       "<body><article><h1>Interview - Why the river keeps rising</h1>" PARA PARA2
                       "</article></body></html>";
    pith_doc *d = run(html, "https://paper.example.org/2020/interview", REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Interview - Why the river keeps rising");
    pith_doc_free(d);
    /* no h1, no site evidence: the <title> stays whole */
    const char *html2 = "<html><head><title>Budget 2021 - What changes for renters</title></head>"
                        "<body><article>" PARA PARA2 "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Budget 2021 - What changes for renters");
    pith_doc_free(d);
}

/* The visible h1 is the headline; its kicker is not. */
static void test_title_h1_kicker(void)
{
    const char *html = "<html><head><title>Brexit: Parliament delays vote | Example Times</title>"
                       "<meta property=\"og:site_name\" content=\"Example Times\"></head><body>"
                       "<article><h1><span class=\"kicker\">Brexit</span> <span class=\"headline\">Parliament "
                       "delays vote</span></h1>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Parliament delays vote");
    pith_doc_free(d);
    /* a site-name h1 in the header does not replace the headline */
    const char *html2 = "<html><head><title>Night train returns | Rail Blog</title></head><body>"
                        "<header><h1>Rail Blog</h1></header><article><h1>Night train returns</h1>" PARA PARA2
                        "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Night train returns");
    pith_doc_free(d);
}

/* A classed first span is no kicker when og:title reads as the whole h1,
 * the span and all; with a separator after it in og:title it still is. */
static void test_title_kicker_in_declared(void)
{
    const char *html = "<html><head><title>Feud of the Millers escalates | Example Stars</title>"
                       "<meta property=\"og:title\" content=\"Feud of the Millers escalates\"></head><body>"
                       "<article><h1><span class=\"mc\">Feud</span> of the Millers escalates</h1>" PARA PARA2
                       "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Feud of the Millers escalates");
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Climate: Drilling until it gets hot | Example Times</title>"
                        "<meta property=\"og:title\" content=\"Climate: Drilling until it gets hot\"></head>"
                        "<body><article><h1><span class=\"kicker\">Climate</span> Drilling until it gets hot"
                        "</h1>" PARA PARA2 "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Drilling until it gets hot");
    pith_doc_free(d);
}

/* An h1 that opens the article and differs from og:title is the headline
 * when the two share words, inflected forms counted ("electronic" and
 * "electronics"); an h1 sharing nothing stays a section label. */
static void test_title_h1_shares_stems(void)
{
    const char *html = "<html><head><title>The best electronic plaything, compared</title>"
                       "<meta property=\"og:title\" content=\"The best electronic plaything, compared\"></head>"
                       "<body><article><h1>Buying guide: electronics and playthings for cats</h1>" PARA PARA2
                       "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Buying guide: electronics and playthings for cats");
    pith_doc_free(d);
    const char *html2 = "<html><head><title>The best electronic plaything, compared</title>"
                        "<meta property=\"og:title\" content=\"The best electronic plaything, compared\"></head>"
                        "<body><article><h1>Health center information</h1>" PARA PARA2 "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "The best electronic plaything, compared");
    pith_doc_free(d);
}

/* "Site » Blog Archive » Headline" (WordPress's old default): the generic
 * part inside parts the site from the headline, and the site's h1 (it
 * shares words only with the cut part) is no headline. */
static void test_title_blog_archive(void)
{
    const char *html = "<html><head><title>Rail Notes &raquo; Blog Archive &raquo; Night train returns to the "
                       "valley</title></head><body><div id=kopf><h1><a href=\"/\">Rail Notes</a></h1></div>"
                       "<div class=post>" PARA PARA2 "</div></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Night train returns to the valley");
    pith_doc_free(d);
    /* the archive part before a longer side: that side is kept */
    const char *html2 = "<html><head><title>Night train returns to the valley | Archive | Rail Notes</title></head>"
                        "<body><div class=post>" PARA PARA2 "</div></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Night train returns to the valley");
    pith_doc_free(d);
    /* "Post - Date - Blog - Site": another generic part inside cuts nothing */
    const char *html3 = "<html><head><title>Letters - 26 October 2010 - Blog - Pictures, news and stories of the "
                        "town</title></head><body><div class=post>" PARA PARA2 "</div></body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Letters - 26 October 2010 - Blog - Pictures, news and stories of the town");
    pith_doc_free(d);
}

/* The logo h1 reads as the <title>'s last part ("Helpers e.V." and the h1
 * "Helpers e.V. Association for working children"): that part is the
 * site's name and is cut, though nothing else names the site. */
static void test_title_site_from_logo_h1(void)
{
    const char *html = "<html><head><title>Children and work &raquo; Helpers e.V.</title></head><body>"
                       "<header><h1>Helpers e.V. Association for working children</h1></header>"
                       "<div class=post>" PARA PARA2 "</div></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Children and work");
    pith_doc_free(d);
}

/* A last <small> in the h1 (a subtitle, the date line) is not the title. */
static void test_title_h1_small_trailer(void)
{
    const char *html = "<html><head><title>Harbour plan approved | Example Times</title>"
                       "<meta property=\"og:title\" content=\"Harbour plan approved\"></head><body><article>"
                       "<h1>Harbour plan approved<br><small>02.02.2022 &bull; Press, General</small></h1>" PARA PARA2
                       "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Harbour plan approved");
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Fish cakes at the harbour, hot and fresh every morning | Tofu</title>"
                        "<meta property=\"og:title\" content=\"Fish cakes at the harbour, hot and fresh every "
                        "morning\"></head><body><article><h1 class=title><span class=hl>Fish cakes at the harbour, "
                        "hot and fresh every morning</span> <small class=sub>Welcome to the flavour capital of the "
                        "north</small></h1>" PARA PARA2 "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Fish cakes at the harbour, hot and fresh every morning");
    pith_doc_free(d);
}

/* A dash between numbers is a range, not a title separator: the date the
 * article shows is not taken for the title's "shown side". */
static void test_title_number_range(void)
{
    const char *html = "<html><head><title>Weekly report 14. - 20. January 2022</title></head><body><article>"
                       "<p class=date>20. January 2022</p>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Weekly report 14. - 20. January 2022");
    pith_doc_free(d);
}

/* Without an h1, an h2 at the article's start that equals or matches the
 * declared title is the headline as the reader sees it; an h2 that matches
 * nothing is not. */
static void test_title_h2_headline(void)
{
    const char *html = "<html><head><title>Vessel Returning To Port With Cargo Intercepted</title>"
                       "<meta property=\"og:title\" content=\"Vessel Returning To Port With Cargo Intercepted\">"
                       "</head><body><article><h2>Vessel Returning to Port with Cargo Intercepted</h2>" PARA PARA2
                       "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Vessel Returning to Port with Cargo Intercepted");
    CHECK_STR(S(d, PITH_FIELD_TITLE), "html");
    pith_doc_free(d);
    const char *html2 = "<html><head><title>The historic somersault (2021/5): Gazette</title>"
                        "<meta property=\"og:title\" content=\"The historic somersault (2021/5)\"></head><body>"
                        "<article><h2>The historic somersault</h2>" PARA PARA2 "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "The historic somersault");
    pith_doc_free(d);
    const char *html3 = "<html><head><title>The historic somersault (2021/5): Gazette</title>"
                        "<meta property=\"og:title\" content=\"The historic somersault (2021/5)\"></head><body>"
                        "<article><h2>Further reading and links</h2>" PARA PARA2 "</article></body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "The historic somersault (2021/5)");
    pith_doc_free(d);
}

/* A headline-classed title that is all link (a slider's teaser) is not the
 * headline beside the page's h1, though it equals the declared headline. */
static void test_title_linked_teaser(void)
{
    const char *html = "<html><head><title>Cell maker raises factory capacity - Battery News</title>"
                       "<meta property=\"og:title\" content=\"Cell maker raises factory capacity\"></head><body>"
                       "<article><h1>Cell maker raises factory capacity in Tennessee</h1>" PARA
                       "<div class=slider><h3 class=\"entry-title\"><a href=\"/cells\">Cell maker raises factory "
                       "capacity</a></h3></div>" PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Cell maker raises factory capacity in Tennessee");
    pith_doc_free(d);
}

/* The page's name in a breadcrumb (a headline-classed span in a nav) is no
 * headline, though it equals og:title; the h1 that opens the article is. */
static void test_title_breadcrumb_title(void)
{
    const char *html = "<html><head><title>Hazard-Service - Qualis</title>"
                       "<meta property=\"og:title\" content=\"Hazard-Service\"></head><body>"
                       "<nav class=breadcrumb><ol><li><a href=\"/\">Home</a></li><li><span "
                       "class=\"breadcrumb-page-title\">Hazard-Service</span></li></ol></nav>"
                       "<div id=content><h1>Hazardous goods management for makers and importers</h1>" PARA PARA2
                       "</div></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Hazardous goods management for makers and importers");
    pith_doc_free(d);
}

/* og:title "Topic: Headline" under an h1 "After the topic | Headline" whose
 * kicker is its own element: the headline is the h1's text after the kicker. */
static void test_title_kicker_element_over_declared(void)
{
    const char *html = "<html><head><title>Reopening: Car dealers expect a slow start | Example Radio</title>"
                       "<meta property=\"og:title\" content=\"Reopening: Car dealers expect a slow start\">"
                       "</head><body><article><h1><span class=\"topline\">After the reopening</span> <span "
                       "class=\"headline\">Car dealers expect a slow start</span></h1>" PARA PARA2
                       "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Car dealers expect a slow start");
    CHECK_STR(S(d, PITH_FIELD_TITLE), "html");
    pith_doc_free(d);
}

/* An h1 that is all link to the home page is the site's logo, though it
 * shares a word with the <title> (the author's name); a link elsewhere is
 * no logo. */
static void test_title_logo_h1_home_link(void)
{
    const char *html = "<html><head><title>Get your code covered | Code | Nicolas Perri</title></head><body>"
                       "<header><h1><a href=\"https://nicolas.example.org/\">Hi, I'm <strong>Nicolas.</strong></a>"
                       "</h1></header><article><h2>Get your code covered</h2>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Get your code covered");
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Night train returns | Rail Blog</title></head><body><article>"
                        "<h1><a href=\"/2024/07/night-train\">Night train returns</a></h1>" PARA PARA2
                        "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Night train returns");
    pith_doc_free(d);
}

/* An unmatched h1 whose words are all in og:site_name is the blog's name. */
static void test_title_h1_words_of_site_name(void)
{
    const char *html = "<html><head><title>Rail 2024 - The night train returns</title>"
                       "<meta property=\"og:title\" content=\"Rail 2024 - The night train returns\">"
                       "<meta property=\"og:site_name\" content=\"Rail Update News\"></head><body><article>"
                       "<h1>Rail News</h1>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Rail 2024 - The night train returns");
    pith_doc_free(d);
}

/* "Tagline - Product name" in og:title: an h1 that most of the last part
 * covers is the headline, though it sits deep in the page. */
static void test_title_h1_matches_last_part(void)
{
    const char *html = "<html><head><title>Save money on trains - Rail Pass Europe Digital Ticket for Students</title>"
                       "<meta property=\"og:title\" content=\"Save money on trains - Rail Pass Europe Digital "
                       "Ticket for Students\"></head><body><article>" PARA FIFTY_B
                       "<h1>Rail Pass Europe for Students</h1>" PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Rail Pass Europe for Students");
    pith_doc_free(d);
}
/* A date opening the <title> ("23.01.2022 - Headline") is cut as a part that
 * names no article, but it is no site name (a domain's last label has letters). */
static void test_title_date_part(void)
{
    const char *html = "<html lang=de><head><title>23.01.2022 - Wierer jubelt beim Abschluss in Antholz</title>"
                       "</head><body><article>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Wierer jubelt beim Abschluss in Antholz");
    CHECK(F(d, PITH_FIELD_SITE_NAME) == NULL);
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Wierer jubelt in Antholz | sport.example.at</title>"
                        "</head><body><article>" PARA PARA2 "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Wierer jubelt in Antholz");
    pith_doc_free(d);
}

/* East Asian sites join title and site name with "_", "-" (no blanks) or the
 * full-width bar "｜"; between other letters "_" and "-" join words. */
static void test_title_cjk_separators(void)
{
    const char *html = "<html lang=zh><head><title>国务院召开常务会议部署防汛工作_新浪新闻</title>"
                       "<meta property=\"og:site_name\" content=\"新浪新闻\"></head><body><article>"
                       "<p>国务院总理主持召开国务院常务会议，部署防汛抗旱工作，要求各地加强监测预警，做好应急准备。</p>"
                       "<p>会议指出，当前已进入主汛期，各地要压实责任，确保人民群众生命财产安全。</p>" PARA
                       "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "国务院召开常务会议部署防汛工作");
    pith_doc_free(d);
    const char *html2 = "<html lang=ja><head><title>大雨で列車に遅れ｜朝日新聞</title>"
                        "<meta property=\"og:site_name\" content=\"朝日新聞\"></head><body><article>"
                        "<p>西日本で大雨が続き、多くの列車に遅れが出ている。気象庁は引き続き警戒を呼びかけている。</p>" PARA PARA2
                        "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "大雨で列車に遅れ");
    pith_doc_free(d);
    const char *html3 = "<html><head><title>Setting up read_only mode - Example Docs</title>"
                        "<meta property=\"og:site_name\" content=\"Example Docs\"></head><body><article>" PARA PARA2
                        "</article></body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Setting up read_only mode");
    pith_doc_free(d);
}

/* A <title> of one-word parts ("Printers • Labels • Service") is a keyword
 * list: the h1 that opens the article is the title though it shares only one
 * word with it; with a real <title> that h1 is a section label. */
static void test_title_keyword_list(void)
{
    const char *html = "<html><head><title>Printers &bull; Labels &bull; Service | Example AG</title>"
                       "<meta property=\"og:site_name\" content=\"Example AG\"></head><body>"
                       "<article><h1>Printing solutions from the printer experts</h1>" PARA PARA2
                       "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Printing solutions from the printer experts");
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Printer makers merge after long talks | Example AG</title>"
                        "<meta property=\"og:site_name\" content=\"Example AG\"></head><body>"
                        "<article><h1>Latest from the printer experts</h1>" PARA PARA2 "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Printer makers merge after long talks");
    pith_doc_free(d);
}

/* The page's only h1, deep inside the article region, sharing words with
 * an SEO og:title, is the headline. */
static void test_title_only_h1_in_region(void)
{
    const char *html = "<html><head><title>Company cars: lease or buy? What pays off?</title>"
                       "<meta property=\"og:title\" content=\"Company cars: lease or buy? What pays off?\"></head>"
                       "<body><article>" PARA FIFTY_B
                       "<h1>Company cars: leasing or buying?</h1>" PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Company cars: leasing or buying?");
    pith_doc_free(d);
}
/* All-caps sections become title case, in Latin and Cyrillic; acronyms stay. */
static void test_section_caps(void)
{
    const char *html = "<html><head><title>X</title><meta property=\"article:section\" content=\"СВІТ\">"
                       "</head><body><article><h1>Вибори у Франції</h1>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_SECTION), "Світ");
    CHECK_STR(S(d, PITH_FIELD_SECTION), "opengraph");
    pith_doc_free(d);
    const char *html2 = "<html><head><title>X</title><meta property=\"article:section\" content=\"US POLITICS\">"
                        "</head><body><article><h1>Senate vote</h1>" PARA PARA2 "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_SECTION), "US Politics");
    pith_doc_free(d);
}

/* Section from a JSON-LD breadcrumb: the item before the article itself. */
static void test_section_breadcrumb(void)
{
    const char *html =
        "<html><head><title>Wolves return to the valley</title><script type=\"application/ld+json\">"
        "{\"@type\":\"BreadcrumbList\",\"itemListElement\":[{\"@type\":\"ListItem\",\"position\":1,\"name\":\"Home\"},"
        "{\"@type\":\"ListItem\",\"position\":2,\"name\":\"Nature\"},{\"@type\":\"ListItem\",\"position\":3,"
        "\"name\":\"Wolves return to the valley\"}]}</script></head><body><article><h1>Wolves return to the valley</h1>"
        PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_SECTION), "Nature");
    pith_doc_free(d);
}

/* A date in the URL path is used when nothing better is there. */
static void test_url_date(void)
{
    const char *html = "<html><head><title>Festival line-up announced</title></head><body><article>"
                       "<h1>Festival line-up announced</h1>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, "https://news.example.com/2018/09/14/festival-line-up/", REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2018-09-14");
    CHECK_STR(S(d, PITH_FIELD_PUBLISHED), "url");
    pith_doc_free(d);
}

/* Persian page: the date under the headline in Persian digits and the solar
 * Hijri calendar (16 Tir 1403); the digit prefilter must let it through. */
static void test_text_date_fa(void)
{
    const char *html =
        "<html lang=fa dir=rtl><head><title>دولت بودجه جدید را تصویب کرد</title></head><body><article>"
        "<h1>دولت بودجه جدید را تصویب کرد</h1><div class=\"post-info\">۱۶ تیر ۱۴۰۳ - ۱۵:۲۹</div>"
        "<p>دولت بودجه سال آینده را پس از بحثی طولانی تصویب کرد و وزیران پذیرفتند که برای مدرسه‌ها، جاده‌ها و "
        "کتابخانه‌های عمومی که پس از سیل بهاری برای تعمیر بسته شده بودند، بیشتر هزینه کنند.</p>"
        "<p>ساکنانی که در جلسه حاضر بودند گفتند از نتیجه راضی هستند، هرچند برخی پرسیدند چرا این تصمیم "
        "این‌قدر دیر گرفته شد و آیا پول پیش از زمستان خواهد رسید یا نه.</p></article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2024-07-06T15:29"));
    CHECK_STR(S(d, PITH_FIELD_PUBLISHED), "text");
    pith_doc_free(d);
}

/* Ukrainian page: the date written under the headline. */
static void test_text_date_uk(void)
{
    const char *html =
        "<html lang=uk><head><title>Уряд ухвалив новий бюджет</title></head><body><article>"
        "<h1>Уряд ухвалив новий бюджет</h1><div class=\"post-info\">06.07.2024, 15:29</div>"
        "<p>Уряд ухвалив новий бюджет на наступний рік, і після довгої дискусії міністри погодилися витратити "
        "більше на школи, дороги та публічні бібліотеки, які були зачинені на ремонт після весняної повені.</p>"
        "<p>Мешканці, які були присутні на засіданні, сказали, що задоволені результатом, хоча дехто з них "
        "запитав, чому рішення ухвалили так пізно і чи надійдуть гроші до зими.</p></article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2024-07-06T15:29"));
    CHECK_STR(S(d, PITH_FIELD_PUBLISHED), "text");
    CHECK_STR(F(d, PITH_FIELD_LANGUAGE), "uk");
    pith_doc_free(d);
}

/* Bylines in the DOM: "By A and B | Updated ..." gives two names. */
static void test_dom_byline(void)
{
    const char *html = "<html><head><title>Old mill to become museum</title></head><body><article>"
                       "<h1>Old mill to become museum</h1><div class=\"byline\">By Jane Doe and John Smith | "
                       "Updated March 5, 2021</div>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 2);
    CHECK(has_author(d, "Jane Doe"));
    CHECK(has_author(d, "John Smith"));
    CHECK_STR(pith_doc_list_source(d, PITH_LIST_AUTHORS), "html");
    pith_doc_free(d);
    const char *html2 = "<html lang=uk><head><title>Новини</title></head><body><article><h1>Новий міст</h1>"
                        "<span class=\"author\">Автор: Олена Коваль</span>" PARA PARA2 "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK(has_author(d, "Олена Коваль"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    pith_doc_free(d);
}

/* Blog themes print the byline in the article's footer, after the body:
 * a name there counts, a user handle there does not. */
static void test_footer_byline(void)
{
    const char *html = "<html><head><title>Parsing JSON quickly</title></head><body><div class=\"site\">"
                       "<article class=\"post\"><header><h1>Parsing JSON quickly</h1></header>"
                       "<div class=\"entry-content\">" PARA PARA2 "</div><footer class=\"entry-footer\">"
                       "<span class=\"byline\"><a href=\"/author/dl/\">Daniel Lamont</a></span> "
                       "<span class=\"cat-links\"><a href=\"/c/\">Programming</a></span></footer></article>"
                       "<div class=\"comments-area\"><p class=\"comment-author\">Petra Sykes says:</p>"
                       "<p>Great read, thanks for the write-up and for the benchmark numbers.</p></div>"
                       "</div></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(has_author(d, "Daniel Lamont"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Parsing JSON quickly</title></head><body><div class=\"site\">"
                        "<article class=\"post\"><header><h1>Parsing JSON quickly</h1></header>"
                        "<div class=\"entry-content\">" PARA PARA2 "</div><footer class=\"entry-footer\">"
                        "<span class=\"byline\"><a href=\"/author/dl/\">dlamont</a></span></footer></article>"
                        "</div></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 0);
    pith_doc_free(d);
    /* without <article>: the rest of the body's own short container */
    const char *html3 = "<html><head><title>Budget</title></head><body><div id=main><div id=article><div "
                        "class=text><h1>Budget</h1>" PARA PARA2 "</div><div id=meta><span class=author><a "
                        "href=/u/lb><img src=a.png> Lars Berg</a></span></div></div></div></body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    CHECK(has_author(d, "Lars Berg"));
    pith_doc_free(d);
}

/* A byline in a small nav-classed box (the article's meta bar with a
 * back link) counts; one in a box of links to other articles does not. */
static void test_byline_nav_box(void)
{
    const char *html = "<html><head><title>Launch</title></head><body><div class=content-holder><h1>Launch</h1>"
                       "<div class=news-nav-container><ul><li><a href=/>Zur\xC3\xBC" "ck</a></li><li><div "
                       "class=author>von <a href=/autor/jz>Juliane Ziegengeist</a></div></li></ul></div>" PARA
                       PARA2 "</div></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    CHECK(has_author(d, "Juliane Ziegengeist"));
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Launch</title></head><body><div class=content-holder><h1>Launch</h1>"
                        PARA PARA2 "<div class=post-navigation><div><a href=/p1>Previous: The council approves "
                        "the budget for the library</a><div class=author>von <a href=/autor/ab>Anna Berg</a></div>"
                        "</div><div><a href=/p2>Next: Residents ask why the decision took so long</a></div></div>"
                        "</div></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 0);
    pith_doc_free(d);
}

/* The publisher's own name next to a person is not an author; a name no
 * page text shows (a site owner in <meta name=author>) is not either. */
static void test_author_filters(void)
{
    const char *html = "<html><head><title>Zoo opens new hall</title><meta property=\"og:site_name\" "
                       "content=\"City Herald\"><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                       "\"headline\":\"Zoo opens new hall\",\"author\":[{\"@type\":\"Organization\",\"name\":"
                       "\"City Herald\"},{\"@type\":\"Person\",\"name\":\"Peter Brown\"}]}</script></head><body>"
                       "<article><h1>Zoo opens new hall</h1><p>Peter Brown, City Herald</p>" PARA PARA2
                       "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    CHECK(has_author(d, "Peter Brown"));
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Opening hours</title><meta name=\"author\" content=\"Karl Huber\">"
                        "</head><body><article><h1>Opening hours</h1>" PARA PARA2 "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 0);
    pith_doc_free(d);
    /* a dotted token is a host ("Spiegel.de") unless every part is a
     * capitalised word (a user name written as a name) */
    const char *html3 = "<html><head><title>Hair</title></head><body><article><h1>Hair</h1><div "
                        "class=group-author>Von <a class=username href=/u/1>Isabella.DiBiase</a> am 19. Oktober "
                        "2019</div>" PARA PARA2 "</article></body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    CHECK(has_author(d, "Isabella.DiBiase"));
    pith_doc_free(d);
    const char *html4 = "<html><head><title>Hair</title></head><body><article><h1>Hair</h1><div "
                        "class=group-author>Von <a href=/u/1>Spiegel.de</a></div>" PARA PARA2
                        "</article></body></html>";
    d = run(html4, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 0);
    pith_doc_free(d);
}

/* Yoast's reading card names the author: twitter:label1 "Verfasst von" +
 * twitter:data1; another label ("Est. reading time") gives nothing. */
static void test_twitter_label_author(void)
{
    const char *html = "<html><head><title>Lost</title><meta name=\"twitter:label1\" content=\"Est. reading time\">"
                       "<meta name=\"twitter:data1\" content=\"4 minutes\"><meta name=\"twitter:label2\" "
                       "content=\"Verfasst von\"><meta name=\"twitter:data2\" content=\"Karo Herr\"></head><body>"
                       "<article><h1>Lost</h1>" PARA PARA2 "<p>Karo Herr</p></article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    CHECK(has_author(d, "Karo Herr"));
    CHECK_STR(pith_doc_list_source(d, PITH_LIST_AUTHORS), "meta");
    pith_doc_free(d);
}

/* The site's own name as the structured author is no author: a byline
 * lower down wins, else there is none. A blog whose publisher is a person
 * keeps that person as author. */
static void test_author_site_name(void)
{
    const char *html = "<html><head><title>Storm hits coast</title><meta property=\"og:site_name\" "
                       "content=\"Coast Courier\"><meta name=\"author\" content=\"Coast Courier\"></head><body>"
                       "<article><h1>Storm hits coast</h1><p>Coast Courier</p>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 0);
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Storm hits coast</title><meta property=\"og:site_name\" "
                        "content=\"Coast Courier\"><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                        "\"headline\":\"Storm hits coast\",\"author\":{\"@type\":\"Organization\",\"name\":"
                        "\"Coast Courier\"}}</script></head><body><article><h1>Storm hits coast</h1>"
                        "<div class=\"byline\">By Maria Lopez</div><p>Coast Courier</p>" PARA PARA2
                        "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    CHECK(has_author(d, "Maria Lopez"));
    pith_doc_free(d);
    const char *html3 = "<html><head><title>Trip notes</title><script type=\"application/ld+json\">{\"@graph\":["
                        "{\"@type\":\"BlogPosting\",\"headline\":\"Trip notes\",\"author\":{\"@id\":\"#p\"},"
                        "\"publisher\":{\"@id\":\"#p\"}},{\"@type\":\"Person\",\"@id\":\"#p\",\"name\":"
                        "\"Karl Jansen\"}]}</script></head><body><article><h1>Trip notes</h1><p>Karl Jansen</p>" PARA
                        PARA2 "</article></body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK(has_author(d, "Karl Jansen"));
    pith_doc_free(d);
}

/* A title does not start or end with a separator left from a cut kicker
 * or an empty site name. */
static void test_title_separators(void)
{
    const char *html = "<html><head><title>About Andre Loibl | </title></head><body><article>" PARA PARA2
                       "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "About Andre Loibl");
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Bioenergy cut - Energy news</title></head><body><article><h1>"
                        "<span class=\"kicker\">Price cap</span>: Bioenergy cut back, industry protests</h1>" PARA
                        PARA2 "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Bioenergy cut back, industry protests");
    pith_doc_free(d);
    const char *html3 = "<html><head><title>Nine - Ten | Site</title></head><body><article><h1>Nine - Ten</h1>" PARA
                        PARA2 "</article></body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Nine - Ten");
    pith_doc_free(d);
}

/* A date before the name: "Posted on September 21, 2020 by Adi Tzlil". */
static void test_byline_date_first(void)
{
    const char *html = "<html><head><title>Things we wanted</title></head><body><article><h1>Things we wanted</h1>"
                       "<div class=\"page-meta--author\">Posted on September 21, 2020 by Adi Tzlil</div>" PARA PARA2
                       "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    CHECK(has_author(d, "Adi Tzlil"));
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Things we wanted</title></head><body><article><h1>Things we wanted</h1>"
                        "<div class=\"author\">12.03.2021 \xE2\x80\x93 Amelie Loevenich</div>" PARA PARA2
                        "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    CHECK(has_author(d, "Amelie Loevenich"));
    pith_doc_free(d);
    /* a plain line under the headline: after "by" one word may be a user
     * name; without "by" only full names count */
    const char *html3 = "<html><head><title>Things we wanted</title></head><body><article><h1>Things we wanted</h1>"
                        "<p>Posted on May 3, 2021 by <a href=/u/jdoe>jdoe</a></p>" PARA PARA2
                        "</article></body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    CHECK(has_author(d, "jdoe"));
    pith_doc_free(d);
    const char *html4 = "<html><head><title>Things we wanted</title></head><body><article><h1>Things we wanted</h1>"
                        "<p>06.11.2023 13:30 von <span>Olga</span> <span>Symbolbild imago</span></p>" PARA PARA2
                        "</article></body></html>";
    d = run(html4, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 0); /* "Olga Symbolbild imago" is no full name */
    pith_doc_free(d);
    const char *html5 = "<html><head><title>Things we wanted</title></head><body><article><h1>Things we wanted</h1>"
                        "<p>12.03.2021 - jdoe</p>" PARA PARA2 "</article></body></html>";
    d = run(html5, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 0);
    pith_doc_free(d);
    /* the line just above the headline, when nothing else names anyone */
    const char *html6 = "<html><head><title>Things we wanted</title></head><body><article><div><small>"
                        "04.02.2022 | 13:10 Uhr | Uta Helkenberg</small><h1>Things we wanted</h1>" PARA PARA2
                        "</div></article></body></html>";
    d = run(html6, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    CHECK(has_author(d, "Uta Helkenberg"));
    pith_doc_free(d);
}

/* A newsroom signing as a group ("Redaktion", "Staff Writer") is the byline;
 * a line of role words ("Posted by Admin", "Read more") is not. */
static void test_group_byline(void)
{
    const char *html = "<html><head><title>Tennis final</title><script type=\"application/ld+json\">{\"@type\":"
                       "\"NewsArticle\",\"headline\":\"Tennis final\",\"author\":{\"@type\":\"Person\","
                       "\"name\":\"Redaktion\"}}</script></head><body><article><h1>Tennis final</h1>"
                       "<span class=\"byline\">von Redaktion</span>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    CHECK(has_author(d, "Redaktion"));
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Tennis final</title></head><body><article><h1>Tennis final</h1>"
                        "<div class=\"author-name\"><span>By Staff Writer</span></div>" PARA PARA2
                        "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    CHECK(has_author(d, "Staff Writer"));
    pith_doc_free(d);
    const char *html3 = "<html><head><title>Tennis final</title></head><body><article><h1>Tennis final</h1>"
                        "<div class=\"author-name\"><span>Posted by Admin</span></div>" PARA PARA2
                        "<div class=\"byline\">Read more</div></article></body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 0);
    pith_doc_free(d);
}

/* A job title after a name is no author: "Jane Doe, Staff Writer", the
 * same across a line break, and as a plain line under the headline. A
 * newsroom named after a person ("Michael Rädel, Redaktion") stays. */
static void test_byline_job_title(void)
{
    const char *html = "<html><head><title>Tennis final</title></head><body><article><h1>Tennis final</h1>"
                       "<p class=byline>By Jane Doe, Staff Writer</p>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    CHECK(has_author(d, "Jane Doe"));
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Tennis final</title></head><body><article><h1>Tennis final</h1>"
                        "<div class=author>Jane Doe<br>Senior Staff Writer</div>" PARA PARA2
                        "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    CHECK(has_author(d, "Jane Doe"));
    pith_doc_free(d);
    /* a by-line ends at its line break: a title or a date follows */
    const char *html5 = "<html><head><title>Tennis final</title></head><body><article><h1>Tennis final</h1>"
                        "<p class=byline>By Jane Doe<br>Chief Political Correspondent, Berlin</p>" PARA PARA2
                        "</article></body></html>";
    d = run(html5, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    CHECK(has_author(d, "Jane Doe"));
    pith_doc_free(d);
    const char *html6 = "<html><head><title>Tennis final</title></head><body><article><h1>Tennis final</h1>"
                        "<p class=byline>By Jane Doe<br>Tuesday 3 May 2022 10:00 BST</p>" PARA PARA2
                        "</article></body></html>";
    d = run(html6, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    CHECK(has_author(d, "Jane Doe"));
    pith_doc_free(d);
    const char *html3 = "<html><head><title>Tennis final</title></head><body><article><h1>Tennis final</h1>"
                        "<p>Jane Doe and John Roe, Staff Writers</p>" PARA PARA2 "</article></body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 2);
    CHECK(has_author(d, "Jane Doe"));
    CHECK(has_author(d, "John Roe"));
    pith_doc_free(d);
    const char *html4 = "<html><head><title>Tennis final</title></head><body><article><h1>Tennis final</h1>"
                        "<p>Berlin, Staff Writer</p><p class=byline>von <a href=/a>Michael R\xC3\xA4" "del</a>, "
                        "<a href=/r>Redaktion</a></p>" PARA PARA2 "</article></body></html>";
    d = run(html4, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 2);
    CHECK(has_author(d, "Michael R\xC3\xA4" "del"));
    CHECK(has_author(d, "Redaktion"));
    pith_doc_free(d);
}

/* Wire-copy credits: "Reporting by A; Editing by B" gives A (also as the
 * article's closing line); "Artikel von:" is an author label. */
static void test_byline_credits(void)
{
    const char *html = "<html><head><title>Tennis final</title></head><body><article><h1>Tennis final</h1>"
                       "<p class=byline>By Jane Doe; Editing by John Roe</p>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    CHECK(has_author(d, "Jane Doe"));
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Tennis final</title></head><body><article><h1>Tennis final</h1>" PARA
                        PARA2 "<p>Reporting by Jane Doe and Ann Poe; Writing by Max Roe; Editing by John Roe</p>"
                        "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 3);
    CHECK(has_author(d, "Jane Doe"));
    CHECK(has_author(d, "Ann Poe"));
    CHECK(has_author(d, "Max Roe"));
    pith_doc_free(d);
    const char *html3 = "<html><head><title>Tennis final</title></head><body><article><h1>Tennis final</h1>"
                        "<div class=meta>Artikel von: <b>Jane Doe</b></div>" PARA PARA2 "</article></body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    CHECK(has_author(d, "Jane Doe"));
    pith_doc_free(d);
}

/* Chinese labels with a full-width colon: "责任编辑：Name", "作者：Name". */
static void test_byline_chinese_label(void)
{
    const char *html = "<html><head><title>Tennis final</title></head><body><article><h1>Tennis final</h1>" PARA
                       PARA2 "<div class=p-tags><span class=p-jc>\xE8\xB4\xA3\xE4\xBB\xBB\xE7\xBC\x96"
                       "\xE8\xBE\x91\xEF\xBC\x9A \xE7\x84\xA6\xE9\xB9\x8F</span></div></article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    CHECK(has_author(d, "\xE7\x84\xA6\xE9\xB9\x8F"));
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Tennis final</title></head><body><article><h1>Tennis final</h1>"
                        "<p class=byline>\xE4\xBD\x9C\xE8\x80\x85\xEF\xBC\x9A\xE5\xB4\x94\xE5\xAE\x81"
                        "</p>" PARA PARA2 "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    CHECK(has_author(d, "\xE5\xB4\x94\xE5\xAE\x81"));
    pith_doc_free(d);
}

/* Lists of names: the serial comma ("A, B, and C"); a photo credit after
 * a slash ("Texto: A / Fotos: B"). */
static void test_byline_lists(void)
{
    const char *html = "<html><head><title>Tennis final</title></head><body><article><h1>Tennis final</h1>"
                       "<p class=byline>By Jane Doe, John Roe, and Ann Poe</p>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 3);
    CHECK(has_author(d, "Ann Poe"));
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Tennis final</title></head><body><article><h1>Tennis final</h1>"
                        "<p class=byline>Texto: Juan P\xC3\xA9rez / Fotos: Ana G\xC3\xB3mez</p>" PARA PARA2
                        "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    CHECK(has_author(d, "Juan P\xC3\xA9rez"));
    pith_doc_free(d);
    /* minified markup: two elements' words are two words */
    const char *html3 = "<html><head><title>Tennis final</title></head><body><article><h1>Tennis final</h1>"
                        "<div class=author><img src=a.jpg><div><a href=/a/jd>Jane Doe</a><span>Senior "
                        "Reporter</span></div></div>" PARA PARA2 "</article></body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    CHECK(has_author(d, "Jane Doe"));
    pith_doc_free(d);
}

/* The authors found on a small news page in language lang with snippet
 * under its headline, joined by '|' ("" for none). */
static const char *authors_of(const char *lang, const char *snippet, char *out, size_t cap)
{
    char html[4096];
    snprintf(html, sizeof html,
             "<html lang=%s><head><title>Headline here</title></head><body><article><h1>Headline here</h1>%s" PARA
             PARA2 "</article></body></html>",
             lang, snippet);
    pith_doc *d = run(html, NULL, REF_2024);
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; d && i < pith_doc_list_count(d, PITH_LIST_AUTHORS); i++)
        o += (size_t)snprintf(out + o, o < cap ? cap - o : 0, "%s%s", i ? "|" : "",
                              pith_doc_list_item(d, PITH_LIST_AUTHORS, i, NULL));
    pith_doc_free(d);
    return out;
}

/* Romance, Dutch and French labels: "Redacción:", "Auteur :" (a label only
 * with its colon: "Redacción Madrid" is a group byline); a sentence that
 * starts with "Por", "De" is no byline. */
static void test_byline_romance(void)
{
    char b[512];
    CHECK_STR(authors_of("es", "<p>Redacción: María López</p>", b, sizeof b), "María López");
    CHECK_STR(authors_of("fr", "<p>Auteur : Jean Dupont</p>", b, sizeof b), "Jean Dupont");
    CHECK_STR(authors_of("es", "<p class=byline>Redacción Madrid</p>", b, sizeof b), "Redacción Madrid");
    CHECK_STR(authors_of("es", "<p>Por la mañana llovió mucho en la ciudad.</p>", b, sizeof b), "");
    CHECK_STR(authors_of("nl", "<p>De nieuwe regering</p>", b, sizeof b), "");
    CHECK_STR(authors_of("fr", "<p>De nombreux habitants sont venus.</p>", b, sizeof b), "");
    CHECK_STR(authors_of("nl", "<p>Door Jan de Vries</p>", b, sizeof b), "Jan de Vries");
    /* a form of labelled fields: the names after a second label are not the author's */
    CHECK_STR(authors_of("fr", "<div class=ft><div class=fb><div class=l>Auteur :</div><div class=l>Auteur(s) :</div>"
                               "<div class=mo-author><strong>Les Membres du Choeur de Radio France</strong></div></div>"
                               "<div class=tb><div class=l>Destinataire(s) : </div><div class=to><strong>M. Franck "
                               "Riester, Ministre de la Culture</strong></div></div></div>", b, sizeof b), "");
}

/* Polish, Czech, Belarusian, Turkish and Greek labels; Greek "Του/Της"
 * takes the name as written (in the genitive), only a full name. */
static void test_byline_europe(void)
{
    char b[512];
    CHECK_STR(authors_of("pl", "<p>Napisał Jan Kowalski</p>", b, sizeof b), "Jan Kowalski");
    CHECK_STR(authors_of("pl", "<p class=author>Autorka: Anna Nowak</p>", b, sizeof b), "Anna Nowak");
    CHECK_STR(authors_of("be", "<p>Аўтар: Іван Шэмет</p>", b, sizeof b), "Іван Шэмет");
    CHECK_STR(authors_of("tr", "<p>Yazar: Ahmet Yılmaz</p>", b, sizeof b), "Ahmet Yılmaz");
    CHECK_STR(authors_of("tr", "<p>Haber: Ahmet Yılmaz</p>", b, sizeof b), "Ahmet Yılmaz");
    CHECK_STR(authors_of("tr", "<p>Haber Merkezi açıklama yaptı</p>", b, sizeof b), "");
    CHECK_STR(authors_of("el", "<p>Του Γιώργου Παπαδόπουλου</p>", b, sizeof b), "Γιώργου Παπαδόπουλου");
    CHECK_STR(authors_of("el", "<p class=author>Της Μαρίας Παπαδοπούλου</p>", b, sizeof b), "Μαρίας Παπαδοπούλου");
    CHECK_STR(authors_of("el", "<p>Γράφει ο Γιώργος Παπαδόπουλος</p>", b, sizeof b), "Γιώργος Παπαδόπουλος");
    CHECK_STR(authors_of("el", "<p>Συντάκτης: Γιώργος Παπαδόπουλος</p>", b, sizeof b), "Γιώργος Παπαδόπουλος");
    CHECK_STR(authors_of("el", "<p>Της Ελλάδας</p>", b, sizeof b), "");
    CHECK_STR(authors_of("ru", "<p>Текст: Иван Петров</p>", b, sizeof b), "Иван Петров");
}

/* Indonesian/Malay "Oleh", "Penulis:", "Reporter:" (not "Editor:"); "Oleh" is
 * also a Ukrainian given name, kept in "Oleh Sentsov"; Vietnamese "Tác giả". */
static void test_byline_indonesian(void)
{
    char b[512];
    CHECK_STR(authors_of("id", "<p>Oleh Budi Santoso</p>", b, sizeof b), "Budi Santoso");
    CHECK_STR(authors_of("id", "<p>Penulis: Budi Santoso</p>", b, sizeof b), "Budi Santoso");
    CHECK_STR(authors_of("id", "<p>Reporter: Budi Santoso</p>", b, sizeof b), "Budi Santoso");
    /* an editor is not an author */
    CHECK_STR(authors_of("id", "<p>Penulis: Budi Santoso</p><p>Editor: Andi Wijaya</p>", b, sizeof b), "Budi Santoso");
    CHECK_STR(authors_of("id", "<p>Editor: Andi Wijaya</p>", b, sizeof b), "");
    CHECK_STR(authors_of("id", "<p>Oleh karena itu, pemerintah akan membangun jalan baru.</p>", b, sizeof b), "");
    CHECK_STR(authors_of("en", "<p class=byline>By Oleh Sentsov</p>", b, sizeof b), "Oleh Sentsov");
    CHECK_STR(authors_of("en", "<p class=byline>Oleh Sentsov and Jane Doe</p>", b, sizeof b), "Oleh Sentsov|Jane Doe");
    CHECK_STR(authors_of("vi", "<p>Tác giả: Nguyễn Văn An</p>", b, sizeof b), "Nguyễn Văn An");
}

/* Scripts without letter case: Arabic, Persian, Hebrew, Hindi. Capitals
 * cannot tell a name from text there: a name has no function word ("إلى")
 * and, unlabelled by a byline element, at most four short words. */
static void test_byline_uncased(void)
{
    char b[512];
    CHECK_STR(authors_of("ar", "<p>بقلم محمد أحمد</p>", b, sizeof b), "محمد أحمد");
    CHECK_STR(authors_of("ar", "<div class=author>بقلم محمد أحمد</div>", b, sizeof b), "محمد أحمد");
    CHECK_STR(authors_of("ar", "<p>كتب محمد أحمد</p>", b, sizeof b), "محمد أحمد");
    CHECK_STR(authors_of("ar", "<p>الكاتب: محمد أحمد</p>", b, sizeof b), "محمد أحمد");
    CHECK_STR(authors_of("ar", "<p>كتب الرئيس رسالة إلى الشعب</p>", b, sizeof b), "");
    CHECK_STR(authors_of("ar", "<div class=byline>في هذا المقال نتحدث عن الاقتصاد</div>", b, sizeof b), "");
    CHECK_STR(authors_of("fa", "<p>نویسنده: علی رضایی</p>", b, sizeof b), "علی رضایی");
    CHECK_STR(authors_of("fa", "<p>خبرنگار: علی رضایی</p>", b, sizeof b), "علی رضایی");
    CHECK_STR(authors_of("fa", "<div class=byline><span>نویسنده:</span> <a href=/a>علی رضایی</a></div>", b, sizeof b),
              "علی رضایی");
    CHECK_STR(authors_of("he", "<p>מאת דני כהן</p>", b, sizeof b), "דני כהן");
    CHECK_STR(authors_of("he", "<div class=byline>מאת דני כהן</div>", b, sizeof b), "דני כהן");
    CHECK_STR(authors_of("hi", "<p>लेखक: राहुल शर्मा</p>", b, sizeof b), "राहुल शर्मा");
    CHECK_STR(authors_of("hi", "<div class=byline>द्वारा राहुल शर्मा</div>", b, sizeof b), "राहुल शर्मा");
}

/* Chinese, Japanese, Korean: names without spaces or capitals. "記者",
 * "文/" and "文／" before the name, "、" between names; the Korean word for
 * reporter after it ("홍길동 기자"). A long run of characters is a
 * sentence ("记者 日前从市政府获悉"), not a name. */
static void test_byline_cjk(void)
{
    char b[512];
    CHECK_STR(authors_of("ja", "<p>記者 山田太郎</p>", b, sizeof b), "山田太郎");
    CHECK_STR(authors_of("zh", "<p>文/王小明</p>", b, sizeof b), "王小明");
    CHECK_STR(authors_of("ja", "<p>文／山田太郎</p>", b, sizeof b), "山田太郎");
    CHECK_STR(authors_of("zh", "<p>记者 王小明、李华</p>", b, sizeof b), "王小明|李华");
    CHECK_STR(authors_of("zh", "<p>记者 日前从市政府获悉</p>", b, sizeof b), "");
    CHECK_STR(authors_of("ja", "<p>記者会見で首相は語った</p>", b, sizeof b), "");
    CHECK_STR(authors_of("ko", "<p>홍길동 기자</p>", b, sizeof b), "홍길동");
    CHECK_STR(authors_of("ko", "<p>홍길동 특파원</p>", b, sizeof b), "홍길동");
    CHECK_STR(authors_of("ko", "<p class=byline>홍길동 기자 hong@example.kr</p>", b, sizeof b), "홍길동");
    CHECK_STR(authors_of("ko", "<p>정부는 오늘 발표했다고 밝혔다 기자</p>", b, sizeof b), "");
    /* CJK sentence punctuation: a line's closing "。" is cut, "：" inside is no name */
    CHECK_STR(authors_of("zh", "<p>记者 王小明。</p>", b, sizeof b), "王小明");
    CHECK_STR(authors_of("zh", "<p>作者/来源：新华社</p>", b, sizeof b), "");
    CHECK_STR(authors_of("zh", "<p class=byline>作者：王小明。今天天气很好</p>", b, sizeof b), "");
    /* after a label in a byline element too, a long run is a sentence */
    CHECK_STR(authors_of("zh", "<div class=byline>记者 王小明 日前从市政府获悉市政府将于下月开放新图书馆</div>", b,
                         sizeof b), "");
}

/* Thai "โดย" (by); Thai writes a sentence without spaces, so a long run
 * after it is no name. */
static void test_byline_thai(void)
{
    char b[512];
    CHECK_STR(authors_of("th", "<p>โดย สมชาย ใจดี</p>", b, sizeof b), "สมชาย ใจดี");
    CHECK_STR(authors_of("th", "<div class=byline>โดย กองบรรณาธิการ</div>", b, sizeof b), "กองบรรณาธิการ");
    CHECK_STR(authors_of("th", "<p>โดย ในกรุงเทพมหานครเมื่อวานนี้ฝนตกหนักมาก</p>", b, sizeof b), "");
}

/* Microdata: headline, author > name, datePublished. */
static void test_microdata(void)
{
    const char *html =
        "<html><head><title>Library | Town site</title></head><body><div itemscope "
        "itemtype=\"https://schema.org/Article\"><h2 itemprop=\"headline\">Library reopens after floods</h2>"
        "<span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\">Text: <span itemprop=\"name\">"
        "Eva Lind</span></span> <meta itemprop=\"datePublished\" content=\"2017-06-02\">" PARA PARA2
        "</div></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Library reopens after floods");
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2017-06-02");
    CHECK_STR(S(d, PITH_FIELD_PUBLISHED), "microdata");
    CHECK(has_author(d, "Eva Lind"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    pith_doc_free(d);
}

/* Language: tags normalised; the body text overrides a wrong declaration. */
static void test_language(void)
{
    const char *html = "<html lang=\"en_us\"><head><title>T</title></head><body><article><h1>Budget</h1>" PARA
                       PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_LANGUAGE), "en-US");
    CHECK_STR(S(d, PITH_FIELD_LANGUAGE), "html");
    pith_doc_free(d);
    const char *html2 =
        "<html lang=\"en\"><head><title>T</title></head><body><article><h1>Haushalt</h1>"
        "<p>Der Gemeinderat hat am Dienstagabend über den neuen Haushalt für das kommende Jahr beraten, und nach "
        "einer langen Debatte haben sich die Mitglieder darauf geeinigt, mehr Geld für die Schulen, die Straßen "
        "und die öffentliche Bibliothek auszugeben, die seit dem Hochwasser im Frühjahr geschlossen ist.</p>"
        "<p>Die Bürger, die an der Sitzung teilgenommen haben, sagten, dass sie mit dem Ergebnis zufrieden "
        "seien, auch wenn einige von ihnen fragten, warum die Entscheidung so lange gedauert hat und ob das "
        "Geld noch vor dem Winter ankommen wird.</p></article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_LANGUAGE), "de");
    CHECK_STR(S(d, PITH_FIELD_LANGUAGE), "text");
    pith_doc_free(d);
    const char *html3 = "<html><head><title>T</title><meta property=\"og:locale\" content=\"de_AT\"></head><body>"
                        "<article><h1>Budget</h1>" PARA PARA2 "</article></body></html>";
    d = run(html3, NULL, REF_2024);
    /* og:locale normalised, but the English text wins over it */
    CHECK_STR(F(d, PITH_FIELD_LANGUAGE), "en");
    pith_doc_free(d);
}

/* Yandex "mediator" tags (Russian-language news sites) give the date and the
 * author (who, as with every meta author, must be shown on the page). */
static void test_mediator_tags(void)
{
    const char *html = "<html lang=ru><head><title>T</title><meta name=\"mediator_published_time\" "
                       "content=\"2024-07-06T15:29:00+03:00\"><meta name=\"mediator_author\" content=\"Иван Петров\">"
                       "</head><body><article><h1>Market day</h1><div>Иван Петров</div>" PARA PARA2
                       "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2024-07-06T15:29:00+03:00");
    CHECK_STR(S(d, PITH_FIELD_PUBLISHED), "meta");
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    CHECK_STR(pith_doc_list_item(d, PITH_LIST_AUTHORS, 0, NULL), "Иван Петров");
    CHECK_STR(pith_doc_list_source(d, PITH_LIST_AUTHORS), "meta");
    pith_doc_free(d);
}

/* Implausible dates are rejected; year-less text dates need a given reference time. */
static void test_date_plausibility(void)
{
    const char *html = "<html><head><title>T</title><meta property=\"article:published_time\" "
                       "content=\"1970-01-01T00:00:00Z\"><meta name=\"date\" content=\"2016-03-04\"></head>"
                       "<body><article><h1>Market day</h1>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2016-03-04");
    CHECK_STR(S(d, PITH_FIELD_PUBLISHED), "meta");
    pith_doc_free(d);
    const char *html2 = "<html lang=uk><head><title>T</title></head><body><article><h1>Новий міст відкрили</h1>"
                        "<div class=\"date\">вчора, 14:56</div>" PARA PARA2 "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2024-07-05T14:56"));
    pith_doc_free(d);
    /* a JSON-LD date in the future of the reference time is rejected */
    const char *html3 = "<html><head><title>T</title><script type=\"application/ld+json\">{\"@type\":\"Article\","
                        "\"headline\":\"Fair\",\"datePublished\":\"2031-01-01\"}</script></head><body><article>"
                        "<h1>Fair</h1>" PARA PARA2 "</article></body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK(F(d, PITH_FIELD_PUBLISHED) == NULL);
    pith_doc_free(d);
}

/* Hostile input: deep JSON, huge strings, garbage: bounded, no crash. */
static void test_hostile(void)
{
    size_t depth = 20000;
    char *html = malloc(depth * 2 + 512);
    if (!html)
        return;
    size_t o = (size_t)sprintf(html, "<html><head><script type=\"application/ld+json\">");
    for (size_t i = 0; i < depth; i++)
        html[o++] = i % 2 ? '[' : '{';
    o += (size_t)sprintf(html + o, "</script><title>Deep</title></head><body><p>x</p></body></html>");
    html[o] = '\0';
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(d != NULL);
    CHECK_STR(F(d, PITH_FIELD_TITLE), "Deep");
    pith_doc_free(d);
    free(html);
    const char *html2 = "<html><head><title> | | - </title><meta name=author content=\",,, and ; &\">"
                        "<meta property=article:published_time content=\"99999999999999999999\"></head>"
                        "<body><h1></h1></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK(d != NULL);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 0);
    CHECK(F(d, PITH_FIELD_PUBLISHED) == NULL);
    pith_doc_free(d);
}

/* A hidden "updated" copy of the modification date before the shown
 * publication date: the shown one counts (a theme's rich-snippet span). */
static void test_text_date_hidden_updated(void)
{
    const char *html = "<html><head><title>Council agrees budget</title></head><body><article>"
                       "<h1>Council agrees budget</h1><div class=\"meta-info\">"
                       "<span class=\"updated rich-snippet-hidden\">2024-03-02T10:10:52+01:00</span>"
                       "<span>25. Dezember 2023</span></div>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2023-12-25");
    pith_doc_free(d);
    /* a theme's visible "entry-meta-date updated" is the publication date */
    const char *html2 = "<html><head><title>Council agrees budget</title></head><body><article>"
                        "<h1>Council agrees budget</h1><p class=\"entry-meta\"><span class=\"entry-meta-date "
                        "updated\">17. September 2019</span></p>" PARA PARA2 "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2019-09-17");
    pith_doc_free(d);
}

/* No h1: the h2 that is the title anchors the dates; a date inside the
 * headline's <small>; a date-classed element ("itemPostDate"). */
static void test_text_date_anchor(void)
{
    const char *html = "<html><head><title>Neue Halle eröffnet</title></head><body><div class=nav>"
                       "<a href=/>Start</a></div><div class=main><h2>Neue Halle eröffnet</h2>"
                       "<div><span class=blue>01.02.2022</span> Kategorie: Verband</div>" PARA PARA2
                       "</div></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2022-02-01");
    CHECK_STR(S(d, PITH_FIELD_PUBLISHED), "text");
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Zuschauer kehren zurück</title></head><body><article>"
                        "<h1>Zuschauer kehren zurück<br><small><span class=icon></span> 02.02.2022 • "
                        "<span>Handball</span></small></h1>" PARA PARA2 "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2022-02-02");
    pith_doc_free(d);
    /* a headline that mentions a date is no date line */
    const char *html3 = "<html><head><title>Was am 3. März 2021 geschah</title></head><body><article>"
                        "<h1>Was am 3. März 2021 geschah</h1>" PARA PARA2 "</article></body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK(F(d, PITH_FIELD_PUBLISHED) == NULL);
    pith_doc_free(d);
}

/* A box classed as breadcrumb navigation that holds the headline says
 * nothing about the date line under it; its own nav list still does. */
static void test_text_date_nav_box(void)
{
    const char *html = "<html><head><title>Unser Tipp im November</title></head><body><div "
                       "class=\"intro intro__breadcrumbNavigation\"><nav><ul><li><a href=/t>Tipps 12.10.2020</a>"
                       "</li></ul></nav><h1>Unser Tipp im November</h1><p class=caption> 01. November 2021 | "
                       "Naturschutz</p></div><div class=main>" PARA PARA2 "</div></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2021-11-01");
    pith_doc_free(d);
}

/* Fifty paragraphs: what follows is far from the headline. */
#define P10 PARA PARA2 PARA PARA2 PARA PARA2 PARA PARA2 PARA PARA2
#define FAR P10 P10 P10 P10 P10

/* The last resort: a date after a publication label at the end of the
 * body or in the article's footer, a "submitted" line after the body; a
 * date in a sentence or after an update label is not one. */
static void test_labelled_date(void)
{
    const char *html = "<html><head><title>Sternfusion</title></head><body><article><h1>Sternfusion</h1>"
                       FAR "<p>Veröffentlicht am 16.08.2019<br>Dauer: 1 Stunde</p></article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2019-08-16");
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Le conseil vote</title></head><body><article><h1>Le conseil "
                        "vote</h1>" FAR "<footer><p class=foot><b>Publié le :</b> 3 mars 2021</p>"
                        "</footer></article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2021-03-03");
    pith_doc_free(d);
    const char *html3 = "<html><head><title>Faircoin</title></head><body><div class=node><h1>Faircoin</h1>"
                        "<div class=content><div class=body>" FAR "</div></div><div class=submitted>"
                        "Gespeichert von rasos am 24. Juli 2017 - 18:55</div></div></body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2017-07-24"));
    pith_doc_free(d);
    const char *html4 = "<html><head><title>Council agrees budget</title></head><body><article><h1>Council "
                        "agrees budget</h1>" FAR "<p>The study was published in a journal on 3 March 2021 and "
                        "read widely.</p>" FAR "<p>Aktualisiert am 4.3.2021</p></article></body></html>";
    d = run(html4, NULL, REF_2024);
    CHECK(F(d, PITH_FIELD_PUBLISHED) == NULL);
    pith_doc_free(d);
    /* "Mise en ligne" in its own element, white space between the two */
    const char *html5 = "<html lang=fr><head><title>Les nuls</title></head><body><article><h1>Les nuls</h1>"
                        FAR "<ul>\n <li>\n <p class=t>Mise en ligne</p>\n <p class=c>23 mai 2019</p>\n </li>\n"
                        "</ul></article></body></html>";
    d = run(html5, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2019-05-23");
    pith_doc_free(d);
}

/* A block that closes before the next text separates them: a byline box's
 * name is not glued to the time after it ("José Miguel WilsonHace 13 horas"). */
static void test_byline_block_end(void)
{
    const char *html = "<html><head><title>La agenda</title></head><body><article><h1>La agenda</h1>"
                       "<div class=byline><div><a href=/autor/a>Isabel Caro</a> y <a href=/autor/b>José Miguel "
                       "Wilson</a></div><b>Hace 13 horas</b></div>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(has_author(d, "Isabel Caro"));
    CHECK(has_author(d, "José Miguel Wilson"));
    pith_doc_free(d);
}

/* "By" alone in its element: the name is in the next sibling. */
static void test_by_alone(void)
{
    const char *html = "<html><head><title>Crews respond</title></head><body><article><h1>Crews respond</h1>"
                       "<div class=x><span class=a>By</span><span><a href=/team/alex-b>Alex Bozarjian</a></span>"
                       "<span><img alt=logo src=l.png></span></div>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(has_author(d, "Alex Bozarjian"));
    pith_doc_free(d);
    /* a "By" label followed by a sentence is no byline */
    const char *html2 = "<html><head><title>Crews respond</title></head><body><article><h1>Crews respond</h1>"
                        "<div class=x><span class=a>By</span><span>the time the crews arrived the fire was "
                        "out.</span></div>" PARA PARA2 "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK(pith_doc_list_count(d, PITH_LIST_AUTHORS) == 0);
    pith_doc_free(d);
}

/* A labelled author line anywhere in the article or its end matter:
 * "Autor:" in a "Label: value" block, "Text:" before a span, "Von:" alone
 * with the name on the next line, "Geschrieben von X am ...". */
static void test_labelled_author_line(void)
{
    const char *html = "<html><head><title>Genderwahn</title></head><body><div class=node><h1>Genderwahn</h1>"
                       "<div class=content>" FAR "<div class=block><span class=l>Datum:</span> "
                       "19.11.2021<br><span class=l>Autor:</span> Fritz Imhof<br><span class=l>Quelle:</span> "
                       "Livenet<br></div></div></div></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(has_author(d, "Fritz Imhof"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Zaubernuss</title></head><body><article><h1>Zaubernuss</h1>"
                        "<div class=body>" FAR "</div><section><div>Text: <span>Ursula Eggers</span>"
                        "</div></section></article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK(has_author(d, "Ursula Eggers"));
    pith_doc_free(d);
    const char *html3 = "<html><head><title>Windrebell</title></head><body><div class=news><h1>Windrebell</h1>"
                        "<div class=body>" FAR "</div><a href=#><b>Von:</b> <br> Götz Warnke</a></div>"
                        "</body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK(has_author(d, "Götz Warnke"));
    pith_doc_free(d);
    const char *html4 = "<html><head><title>Eintracht</title></head><body><div class=news><h1>Eintracht</h1>"
                        "<div class=body>" FAR "</div><div class=info>Geschrieben von <a href=/u?6>Cooper"
                        "</a> am 25.08.2015 22:30</div></div></body></html>";
    d = run(html4, NULL, REF_2024);
    CHECK(has_author(d, "Cooper"));
    pith_doc_free(d);
    /* a bare "Von" before a phrase, a link "Autor kontaktieren", "Di" (Tuesday): no names */
    const char *html5 = "<html><head><title>Sprache</title></head><body><div class=node><h1>Sprache</h1>"
                        "<div class=content>" FAR "<p>Von Sprachregeln, Gender-Politik und Deutsch</p>" PARA2
                        "<p><a href=/k>Autor kontaktieren</a></p><p>Di</p><p>Dienstag</p></div></div>"
                        "</body></html>";
    d = run(html5, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 0);
    pith_doc_free(d);
}

/* A name that ends in a relative date word is not cut there ("Miami
 * Today"); a number alone after a comma is no name ("Oktober 2008"). */
static void test_author_date_words(void)
{
    const char *html = "<html><head><title>Transit tax</title></head><body><article><h1>Transit tax</h1>"
                       "<div class=head>Written by <a href=/author/admin/ rel=author>Miami Today</a> on "
                       "November 7, 2023</div>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(has_author(d, "Miami Today"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Soziale Energie</title></head><body><article><h1>Soziale Energie"
                        "</h1>" FAR "<p>Autorin: Sylvia Grossgasteiger, Oktober 2008</p></article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK(has_author(d, "Sylvia Grossgasteiger"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    pith_doc_free(d);
}

/* Drupal's "Gespeichert von <user> am ..." / "Submitted by": the user name
 * after the label counts, even in the end matter below the body. */
static void test_submitted_by(void)
{
    const char *html = "<html><head><title>Faircoin</title></head><body><div class=node><h1>Faircoin</h1>"
                       "<div class=content><div class=body>" FAR "</div></div><div class=submitted>"
                       "Gespeichert von <span class=username>rasos</span> am 24. Juli 2017 - 18:55</div></div>"
                       "</body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(has_author(d, "rasos"));
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Faircoin</title></head><body><div class=node><h1>Faircoin</h1>"
                        "<div class=content><div class=body>" FAR "</div></div><div class=submitted>"
                        "Submitted by <span class=username>Jane Roe</span> on 24 July 2017</div></div>"
                        "</body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK(has_author(d, "Jane Roe"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    pith_doc_free(d);
}

/* A date opening the line under the headline, then a separator and full
 * names: "11.12.2019 - Amelie Loevenich". A line below (a category) is not
 * read as part of it. */
static void test_date_led_byline(void)
{
    const char *html = "<html><head><title>Variablen</title></head><body><div class=c><h1>Variablen</h1>"
                       "<p class=muted>11.12.2019 - Amelie Loevenich</p>" PARA PARA2 "</div></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(has_author(d, "Amelie Loevenich"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Angst</title></head><body><div class=c><h1>Angst</h1><div>"
                        "<p><span>30/10/23</span> | StarsInsider</p><p>Gesundheit Angst</p></div>" PARA PARA2
                        "</div></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 0);
    pith_doc_free(d);
}

/* An "author info" box with only a short line before the body ends is the
 * byline, not a bio; a long bio box is not read. A date label ("Last
 * Updated:") and an archive link ("Alle Artikel") are not names. */
static void test_author_info_box(void)
{
    const char *html = "<html><head><title>Intestin</title></head><body><article><header><h1>Intestin</h1>"
                       "<div class=header-info><div class=header-info__authors><div class=header-info__author>"
                       "<a class=header-info__author-link href=/page/oo>Oph\xc3\xa9lie Ostermann</a></div></div>"
                       "</div></header>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(has_author(d, "Oph\xc3\xa9lie Ostermann"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Intestin</title></head><body><article><h1>Intestin</h1>" PARA PARA2
                        "<div class=author-info><div class=author-name>Jane Roe</div><p>Jane Roe has written "
                        "about food and health for twenty years, first for a regional paper and then for "
                        "several magazines; she lives in Lyon with her family.</p></div></article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 0);
    pith_doc_free(d);
    const char *html3 = "<html><head><title>Video rules</title></head><body><article><h1>Video rules</h1>"
                        "<div class=byline><em>Last Updated:</em> January 7, 2025</div>"
                        PARA PARA2 "</article></body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 0);
    pith_doc_free(d);
    const char *html4 = "<html><head><title>Konzerte</title></head><body><article><h1>Konzerte</h1>"
                        "<div class=\"teaser author\"><div class=t>Johanna Kropfitsch</div><div class=m><a "
                        "href=/s?a=jk>Alle Artikel</a></div></div>" PARA PARA2 "</article></body></html>";
    d = run(html4, NULL, REF_2024);
    CHECK(has_author(d, "Johanna Kropfitsch"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    pith_doc_free(d);
}

/* A company with its legal form is the site's owner, not an author: a
 * byline lower down is used instead. */
static void test_author_legal_form(void)
{
    const char *html = "<html><head><title>Riesling</title><meta name=author content=\"Deutsches Weininstitut "
                       "GmbH\"></head><body><article><h1>Riesling</h1><p>Deutsches Weininstitut GmbH</p>" PARA
                       PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 0);
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Riesling</title><meta name=author content=\"Windkraft e.V.\"></head>"
                        "<body><article><h1>Riesling</h1><div class=byline>Von Anna Berg</div><p>Windkraft e.V."
                        "</p>" PARA PARA2 "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK(has_author(d, "Anna Berg"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    pith_doc_free(d);
}

/* A byline under the headline ends at its line break: a caption after the
 * <br> is not glued to the last name. */
static void test_byline_line_break(void)
{
    const char *html = "<html><head><title>Feuerholz</title></head><body><article><h1>Feuerholz</h1>"
                       "<p>Von <strong><a href=/a>Roland Brockmann</a></strong> und <strong><a href=/b>Sebastian "
                       "Drescher</a></strong><br><span>Kakuma /Kenia</span></p>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(has_author(d, "Roland Brockmann"));
    CHECK(has_author(d, "Sebastian Drescher"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 2);
    pith_doc_free(d);
}

/* Screen-reader-only text is hidden also under a utility prefix
 * ("u-screen-reader-text"): the byline is not read twice; Tailwind's
 * "not-sr-only" shows its element. */
static void test_byline_screen_reader_prefix(void)
{
    const char *html = "<html><head><title>La voix</title></head><body><article><h1>La voix</h1><p "
                       "class=cover-authors><span class=authors__pre>Un documentaire de <a class=authors__name "
                       "href=/auteurs/kf>Kristen Falc'hon<span class=u-screen-reader-text>Kristen Falc'hon</span>"
                       "</a></span></p>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(has_author(d, "Kristen Falc'hon"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    pith_doc_free(d);
    const char *html2 = "<html><head><title>La voix</title></head><body><article><h1>La voix</h1><div "
                        "class=byline><span class=not-sr-only>Jane Roe</span></div>" PARA PARA2
                        "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK(has_author(d, "Jane Roe"));
    pith_doc_free(d);
}

/* A note in parentheses after a name is cut ("Martin Untersinger (avec
 * ...)"); a label word left alone ("Auteur(s) :") is no name. */
static void test_author_parenthetical(void)
{
    const char *html = "<html><head><title>Renseignement</title></head><body><article><h1>Renseignement</h1>"
                       "<p class=sig><span itemprop=author>Martin Untersinger (avec Damien Leloup et Morgane "
                       "Tual)</span></p>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(has_author(d, "Martin Untersinger"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Choeur</title></head><body><article><h1>Choeur</h1><div "
                        "class=byline><div class=l>Auteur(s) :</div></div>" PARA PARA2 "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 0);
    pith_doc_free(d);
    /* each name of a list may carry its own note */
    const char *html3 = "<html><head><title>Storm</title></head><body><article><h1>Storm</h1><p class=byline>By "
                        "Jane Doe (Reuters), John Roe (AP)</p>" PARA PARA2 "</article></body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK(has_author(d, "Jane Doe"));
    CHECK(has_author(d, "John Roe"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 2);
    pith_doc_free(d);
    const char *html4 = "<html><head><title>Hochzeit</title></head><body><article><h1>Hochzeit</h1>" PARA PARA2
                        "<p><em>Autor: <a href=/s>Samuel Diekmann </a>(Sponsored Post), Redner bei "
                        "example.com</em></p></article></body></html>";
    d = run(html4, NULL, REF_2024);
    CHECK(has_author(d, "Samuel Diekmann"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    pith_doc_free(d);
}

/* A byline naming only the site (a blog account named like the site) gives
 * way to a person named by a later byline or label; alone it is kept. A
 * bullet before a date is no part of the name. */
static void test_site_byline_fallback(void)
{
    const char *html = "<html><head><title>Forests</title><meta property=og:site_name content=\"The Planetary "
                       "Press\"></head><body><article><h1>Forests</h1><div class=td-post-author-name><a "
                       "href=/author/tpp>The Planetary Press</a></div><div class=content><p><em>Written by: <a "
                       "href=https://example.org/a>Julie Mollins</a></em></p>" PARA PARA2
                       "</div></article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(has_author(d, "Julie Mollins"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Forests</title><meta property=og:site_name content=\"The Planetary "
                        "Press\"></head><body><article><h1>Forests</h1><div class=td-post-author-name><a "
                        "href=/author/tpp>The Planetary Press</a></div><div class=content>" PARA PARA2
                        "</div></article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK(has_author(d, "The Planetary Press"));
    pith_doc_free(d);
    const char *html3 = "<html><head><title>Turkey</title></head><body><article><h1>Turkey</h1><div "
                        "class=byline>By Jane Roe\xe2\x80\xa2" "15 January 2020</div>" PARA PARA2
                        "</article></body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK(has_author(d, "Jane Roe"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    pith_doc_free(d);
}

/* A job title before the name ("Rechtsanwalt X", "FOCUS-Online-Experte X")
 * and an agency after a slash ("Peter Maahn/SP-X") are not the name. */
static void test_author_role_prefix(void)
{
    const char *html = "<html><head><title>Wohngeld</title></head><body><div class=news><h1>Wohngeld</h1>"
                       "<div class=body>" FAR "<br>Autor: <a href=/ra/>Rechtsanwalt</a> Sebastian Einbock"
                       "</div></div></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(has_author(d, "Sebastian Einbock"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Leasen</title><script type=application/ld+json>{\"@type\":"
                        "\"NewsArticle\",\"headline\":\"Leasen\",\"author\":{\"@type\":\"Person\",\"name\":"
                        "\"FOCUS-Online-Experte Robin Tschöpe\"}}</script></head><body><article><h1>Leasen</h1>"
                        "<p>FOCUS-Online-Experte Robin Tschöpe</p>" PARA PARA2 "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK(has_author(d, "Robin Tschöpe"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    pith_doc_free(d);
    const char *html3 = "<html><head><title>Skoda</title></head><body><div class=news><h1>Skoda</h1>"
                        "<div class=body>" FAR "</div><div><h5>Autor: </h5>Peter Maahn/SP-X</div></div>"
                        "</body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK(has_author(d, "Peter Maahn"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    pith_doc_free(d);
}

/* A credit after the name ("Illustration von Y") and a leading "©" are not
 * part of it. */
static void test_author_credits(void)
{
    const char *html = "<html><head><title>Purzelbaum</title></head><body><article><h1>Purzelbaum</h1>"
                       "<p><em>Text von Christian Seiler &nbsp; Illustration von Markus Roost</em></p>" PARA PARA2
                       "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(has_author(d, "Christian Seiler"));
    CHECK_INT(pith_doc_list_count(d, PITH_LIST_AUTHORS), 1);
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Waldwege</title></head><body><article><h1>Waldwege</h1>"
                        "<div class=author><span class=copy>&copy; Kathrin F\xc3\xbchres</span></div>" PARA PARA2
                        "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK(has_author(d, "Kathrin F\xc3\xbchres"));
    pith_doc_free(d);
}

/* hAtom / Blogger: the machine date of an <abbr> is in its title attribute. */
static void test_abbr_title_date(void)
{
    const char *html = "<html><head><title>Council agrees budget</title></head><body><article>"
                       "<h1>Council agrees budget</h1>" PARA PARA2
                       "<div class=post-footer>Posted at <abbr class='published' itemprop='datePublished' "
                       "title='2017-09-09T10:52:00+02:00'>10:52</abbr></div></article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2017-09-09"));
    CHECK_STR(S(d, PITH_FIELD_PUBLISHED), "microdata");
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Council agrees budget</title></head><body><article>"
                        "<h1>Council agrees budget</h1><p class=meta><abbr class=\"published\" "
                        "title=\"2013-04-04T18:52:11+00:00\">Permalink</abbr> <abbr title=\"Really Simple "
                        "Syndication\">RSS</abbr></p>" PARA PARA2 "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2013-04-04"));
    CHECK_STR(S(d, PITH_FIELD_PUBLISHED), "time-element");
    pith_doc_free(d);
}

/* The region's first lines: a dateline counts, a date in a sentence does
 * not, a photo credit does not. */
static void test_text_date_region_start(void)
{
    const char *html = "<html><head><title>Branche protestiert</title></head><body><div class=c>"
                       "<p>29.11.2022 – Mehrfach und vehement hatte die Branche die Nachteile des Entwurfs "
                       "kritisiert, doch die Regierung hielt an ihren Plänen fest und legte nun einen neuen "
                       "Vorschlag vor, der die Betreiber von Anlagen noch stärker belastet als bisher "
                       "angenommen, so die Verbände in einer gemeinsamen Erklärung am Dienstag.</p>" PARA PARA2
                       "</div></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2022-11-29");
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Preise steigen</title></head><body><div class=c>"
                        "<p>Seit dem 1. Oktober 2022 gilt für Erdgas ein niedrigerer Steuersatz, und viele "
                        "Kunden fragen sich, was das für sie bedeutet.</p>"
                        "<figure><figcaption><span class=copy>© Jane Doe, 31.05.2013</span></figcaption></figure>"
                        PARA PARA2 "</div></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK(F(d, PITH_FIELD_PUBLISHED) == NULL);
    pith_doc_free(d);
    /* a date in parentheses that open the paragraph, or one a quotation follows */
    const char *html3 = "<html><head><title>Preiserhöhung</title></head><body><div class=c>"
                        "<p>(21. November 2022) Energieverbraucher erhalten eine Preiserhöhung nach der nächsten, "
                        "und viele Haushalte wissen nicht, ob sie sich dagegen wehren können oder ob sie die "
                        "neuen Abschläge einfach hinnehmen müssen, sagt der Verband der Verbraucher.</p>"
                        PARA PARA2 "</div></body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2022-11-21");
    pith_doc_free(d);
    const char *html4 = "<html><head><title>Arbeitsmarkt</title></head><body><div class=c>"
                        "<p><strong>01.02.2022 „Der Arbeitsmarkt ist gut in das Jahr 2022 gestartet. Die Zahl der "
                        "Arbeitslosen ist gesunken, und die Nachfrage nach neuen Mitarbeiterinnen und Mitarbeitern "
                        "bleibt hoch“, sagte der Vorstand am Dienstag in Nürnberg.</strong></p>" PARA PARA2
                        "</div></body></html>";
    d = run(html4, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2022-02-01");
    pith_doc_free(d);
    /* parentheses inside the sentence are no dateline */
    const char *html5 = "<html><head><title>Preise steigen</title></head><body><div class=c>"
                        "<p>Die Preise (Stand 21. November 2022) steigen weiter, und viele Haushalte wissen nicht, "
                        "ob sie sich dagegen wehren können oder ob sie die neuen Abschläge einfach hinnehmen "
                        "müssen, sagt der Verband der Verbraucher in seiner neuen Mitteilung.</p>"
                        PARA PARA2 "</div></body></html>";
    d = run(html5, NULL, REF_2024);
    CHECK(F(d, PITH_FIELD_PUBLISHED) == NULL);
    pith_doc_free(d);
}

/* A date split over elements: the digits of two elements are two numbers
 * ("<span>04</span><span>2013</span>" is "04 2013", not "042013"). */
static void test_text_date_split_digits(void)
{
    const char *html = "<html><head><title>Schulnoten</title></head><body><article><header><h1>Schulnoten</h1>"
                       "<div class=date><span class=month>Apr</span> <span class=day>04</span><span "
                       "class=year>2013</span></div></header>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2013-04-04");
    pith_doc_free(d);
}

#define CAT "<li class=cat-item><a href=/c>Category name</a></li>"
#define CAT8 CAT CAT CAT CAT CAT CAT CAT CAT

/* The items of a <nav> menu (WordPress "cat-item" lists) do not use up the
 * date/meta-classed candidates before the article's own date line. */
static void test_text_date_after_menu(void)
{
    const char *html = "<html><head><title>Schulnoten</title></head><body><nav><ul>" CAT8 CAT8 CAT8 CAT8 CAT8
                       "</ul></nav><article><header><h1>Schulnoten</h1><div class=x><span>Bildung</span>, <span>"
                       "Schule</span> <a href=#c>Add comments</a></div><div class=date><span>Apr</span> "
                       "<span>04,</span> <span>2013</span></div></header>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2013-04-04");
    pith_doc_free(d);
}

/* Without a headline, a date-classed element deep in a large region (a
 * table layout whose region is the whole page) is still the last resort. */
static void test_text_date_classed_deep(void)
{
    const char *html = "<html><head><title>Eintracht stellt Weichen</title></head><body><div class=c>" FAR FAR
                       FAR FAR "<table><tr><td><b>Eintracht stellt Weichen</b><br>Geschrieben von Cooper <span "
                       "class=itemPostDate>am 25.08.2015 22:30</span></td></tr></table>" FAR "</div></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2015-08-25"));
    pith_doc_free(d);
}

/* The shown date beats structured data more than a calendar day away, even
 * when the instants are less than 48 hours apart (4 Jan 07:29Z vs 6 Jan). */
static void test_text_date_calendar_days(void)
{
    const char *html = "<html><head><title>Vanlife in Schweden</title>"
                       "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Vanlife in "
                       "Schweden\",\"datePublished\":\"2022-01-04T07:29:00.000Z\"}</script></head><body><article>"
                       "<h1>Vanlife in Schweden</h1><div class=info>06.01.2022</div>" PARA PARA2
                       "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2022-01-06");
    CHECK_STR(S(d, PITH_FIELD_PUBLISHED), "text");
    pith_doc_free(d);
}

/* The shown date does not beat structured data when it is after the
 * structured modification date: nothing is published after its last change. */
static void test_text_date_after_modified(void)
{
    const char *html = "<html><head><title>Lemon tree care</title>"
                       "<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\",\"headline\":\"Lemon "
                       "tree care\",\"datePublished\":\"2020-04-21T06:44:14+00:00\",\"dateModified\":"
                       "\"2020-04-21T12:11:00+00:00\"}</script></head><body><article><h1>Lemon tree care</h1>"
                       "<div class=post-date>October 30, 2020</div>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2020-04-21"));
    CHECK_STR(S(d, PITH_FIELD_PUBLISHED), "json-ld");
    pith_doc_free(d);
    /* before the modification date it still wins */
    const char *html2 = "<html><head><title>Lemon tree care</title>"
                        "<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\",\"headline\":\"Lemon "
                        "tree care\",\"datePublished\":\"2020-04-21T06:44:14+00:00\",\"dateModified\":"
                        "\"2020-12-21T12:11:00+00:00\"}</script></head><body><article><h1>Lemon tree care</h1>"
                        "<div class=post-date>October 30, 2020</div>" PARA PARA2 "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2020-10-30");
    pith_doc_free(d);
}

/* A local timestamp that the page shows in UTC: the shown day wins; a
 * clock in some other offset is not taken for it. */
static void test_local_time_shown_utc(void)
{
    const char *html = "<html lang=es><head><title>Orion y el senado</title>"
                       "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Orion y "
                       "el senado\",\"datePublished\":\"2022-05-05T21:00:00-05:00\"}</script></head><body>"
                       "<article><h1>Orion y el senado</h1><div class=fecha>6 May 2022 - 2:00 a. m.</div>" PARA PARA2
                       "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2022-05-06T02:00"));
    pith_doc_free(d);
    const char *html2 = "<html lang=es><head><title>Orion y el senado</title>"
                        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Orion y "
                        "el senado\",\"datePublished\":\"2022-05-05T21:00:00-05:00\"}</script></head><body>"
                        "<article><h1>Orion y el senado</h1><div class=fecha>6 May 2022 - 4:00 a. m.</div>" PARA PARA2
                        "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2022-05-05T21:00"));
    pith_doc_free(d);
}

/* The next day with a clock that no time-zone shift explains is another
 * moment the page shows ("Stand: 07.11.2023, 07:30 Uhr"): it beats the
 * structured value; a clock that is the same instant in some offset does not. */
static void test_text_date_next_day_clock(void)
{
    const char *html = "<html lang=de><head><title>Correctiv-Recherche</title>"
                       "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Correctiv-"
                       "Recherche\",\"datePublished\":\"2023-11-06T18:19:00+01:00\"}</script></head><body>"
                       "<article><h1>Correctiv-Recherche</h1><p class=date>Stand: 07.11.2023, 07:30 Uhr</p>" PARA
                       PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2023-11-07"));
    pith_doc_free(d);
    const char *html2 = "<html lang=de><head><title>Correctiv-Recherche</title>"
                        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Correctiv-"
                        "Recherche\",\"datePublished\":\"2023-11-06T18:19:00+01:00\"}</script></head><body>"
                        "<article><h1>Correctiv-Recherche</h1><p class=date>07.11.2023, 01:19 Uhr</p>" PARA PARA2
                        "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2023-11-06T18:19"));
    pith_doc_free(d);
    /* a structured time without offset */
    const char *html3 = "<html lang=de><head><title>Rheinmetall</title><meta name=date "
                        "content=\"2020-04-29T11:52:23\"></head><body><article><h1>Rheinmetall</h1>"
                        "<p class=date>Stand: 28.04.2020 18:00 Uhr</p>" PARA PARA2 "</article></body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2020-04-28"));
    pith_doc_free(d);
}

/* Update labels in more languages: "Aktualizacja" is not the publication. */
static void test_text_date_update_words(void)
{
    const char *html = "<html lang=pl><head><title>Unijne fundusze coraz bliżej</title></head><body><article>"
                       "<h1>Unijne fundusze coraz bliżej</h1><div class=meta><p>Aktualizacja: 05.05.2021, 05:53</p>"
                       "<p>Publikacja: 04.05.2021</p></div>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2021-05-04");
    pith_doc_free(d);
}

/* A date only a page-level declaration gives (a JSON-LD WebPage without an
 * article, no article:published_time; og/meta on an og:type "website") that
 * the page never shows is no publication date; shown near the headline, or
 * declared for an article, it is. */
static void test_page_level_date(void)
{
#define WEBPAGE(date)                                                                                      \
    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":"  \
    "\"WebSite\",\"@id\":\"https://e.example/#website\",\"name\":\"Example\"},{\"@type\":\"WebPage\","   \
    "\"@id\":\"https://e.example/kurse/\",\"name\":\"Kurse\",\"datePublished\":\"" date "\","           \
    "\"dateModified\":\"2020-09-07T15:39:58+00:00\"}]}</script>"
    const char *html = "<html lang=de><head><title>Kurse</title>" WEBPAGE("2014-12-20T14:35:10+00:00")
                       "</head><body><article><h1>Kurse</h1>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(F(d, PITH_FIELD_PUBLISHED) == NULL);
    CHECK(starts(F(d, PITH_FIELD_MODIFIED), "2020-09-07"));
    pith_doc_free(d);
    /* a date the page shows that is another day (an event) does not confirm it */
    const char *html2 = "<html lang=de><head><title>Kurse</title>" WEBPAGE("2014-12-20T14:35:10+00:00")
                        "</head><body><article><h1>Kurse</h1><p class=date>9. Februar 2017</p>" PARA PARA2
                        "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK(F(d, PITH_FIELD_PUBLISHED) == NULL);
    pith_doc_free(d);
    /* the page-level date set aside, a <time> of the article still dates it */
    const char *html2b = "<html lang=de><head><title>Kurse</title>" WEBPAGE("2014-12-20T14:35:10+00:00")
                         "</head><body><article><h1>Kurse</h1><time datetime=\"2017-02-09T10:00:00+01:00\">"
                         "9. Februar 2017</time>" PARA PARA2 "</article></body></html>";
    d = run(html2b, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2017-02-09"));
    CHECK_STR(S(d, PITH_FIELD_PUBLISHED), "time-element");
    pith_doc_free(d);
    /* shown under the headline: kept */
    const char *html3 = "<html lang=de><head><title>Kurse</title>" WEBPAGE("2014-12-20T14:35:10+00:00")
                        "</head><body><article><h1>Kurse</h1><p class=date>20.12.2014</p>" PARA PARA2
                        "</article></body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2014-12-20"));
    CHECK_STR(S(d, PITH_FIELD_PUBLISHED), "json-ld");
    pith_doc_free(d);
    /* an article:published_time declares an article: kept */
    const char *html4 = "<html lang=de><head><title>Kurse</title><meta property=article:published_time "
                        "content=\"2014-12-20T14:35:10+00:00\">" WEBPAGE("2014-12-20T14:35:10+00:00")
                        "</head><body><article><h1>Kurse</h1>" PARA PARA2 "</article></body></html>";
    d = run(html4, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2014-12-20"));
    pith_doc_free(d);
    /* so does a dated Article object */
    const char *html5 = "<html lang=de><head><title>Kurse</title><script type=\"application/ld+json\">"
                        "{\"@type\":\"Article\",\"headline\":\"Kurse\",\"datePublished\":\"2014-12-20\"}</script>"
                        "</head><body><article><h1>Kurse</h1>" PARA PARA2 "</article></body></html>";
    d = run(html5, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2014-12-20");
    pith_doc_free(d);
    /* og:type website: its article:published_time is a page stamp unless shown */
    const char *html6 = "<html lang=de><head><title>Autokredit</title><meta property=og:type content=website>"
                        "<meta property=article:published_time content=\"2015-05-07T06:45:09\"></head><body>"
                        "<article><h1>Autokredit</h1>" PARA PARA2 "</article></body></html>";
    d = run(html6, NULL, REF_2024);
    CHECK(F(d, PITH_FIELD_PUBLISHED) == NULL);
    pith_doc_free(d);
    const char *html7 = "<html lang=de><head><title>Autokredit</title><meta property=og:type content=article>"
                        "<meta property=article:published_time content=\"2015-05-07T06:45:09\"></head><body>"
                        "<article><h1>Autokredit</h1>" PARA PARA2 "</article></body></html>";
    d = run(html7, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2015-05-07"));
    pith_doc_free(d);
#undef WEBPAGE
}

/* A structured date written with a numeric day and month ("11/01/2023") is
 * read in the page's order; the page's own date with the two swapped
 * settles it. A structured ISO date is never swapped. */
static void test_structured_day_month_swap(void)
{
    const char *html = "<html lang=de><head><title>Trinkwasser belastet</title><meta name=date "
                       "content=\"11/01/2023 12:43:42\"></head><body><article><h1>Trinkwasser belastet</h1>" PARA
                       PARA2 "<p>Erstellt am: 01.11.2023</p></article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2023-11-01T12:43"));
    CHECK_STR(S(d, PITH_FIELD_PUBLISHED), "meta");
    pith_doc_free(d);
    const char *html2 = "<html lang=de><head><title>Trinkwasser belastet</title><meta name=date "
                        "content=\"2023-01-11T12:43:42\"></head><body><article><h1>Trinkwasser belastet</h1>" PARA
                        PARA2 "<p>Erstellt am: 01.11.2023</p></article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2023-01-11"));
    pith_doc_free(d);
    /* dots are always day first: no swap */
    const char *html4 = "<html lang=de><head><title>Trinkwasser belastet</title><meta name=date "
                        "content=\"11.01.2023 12:43:42\"></head><body><article><h1>Trinkwasser belastet</h1>" PARA
                        PARA2 "<p>Erstellt am: 01.11.2023</p></article></body></html>";
    d = run(html4, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2023-01-11"));
    pith_doc_free(d);
    /* without the swapped date shown, the page's order stands */
    const char *html3 = "<html lang=de><head><title>Trinkwasser belastet</title><meta name=date "
                        "content=\"11/01/2023 12:43:42\"></head><body><article><h1>Trinkwasser belastet</h1>" PARA
                        PARA2 "</article></body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2023-01-11"));
    pith_doc_free(d);
}

/* A structured time without offset (UTC or the server's clock) and a
 * date-only day under the headline one off that a time-zone shift explains:
 * the shown day wins; one that no shift explains does not. */
static void test_naive_time_shown_day(void)
{
    const char *html = "<html lang=fr><head><title>L'archaisme</title><script type=\"application/ld+json\">"
                       "{\"@type\":\"Article\",\"headline\":\"L'archaisme\",\"datePublished\":"
                       "\"2019-12-09T20:00:49\"}</script></head><body><article><h1>L'archaisme</h1>"
                       "<div class=date-article>mardi 10.12.19</div>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2019-12-10");
    pith_doc_free(d);
    const char *html2 = "<html lang=fr><head><title>L'archaisme</title><script type=\"application/ld+json\">"
                        "{\"@type\":\"Article\",\"headline\":\"L'archaisme\",\"datePublished\":"
                        "\"2019-12-09T06:00:49\"}</script></head><body><article><h1>L'archaisme</h1>"
                        "<div class=date-article>mardi 10.12.19</div>" PARA PARA2 "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2019-12-09T06:00"));
    pith_doc_free(d);
}

#define FLY "<li><span>Wandern und Bergsport</span></li>"
#define FLY10 FLY FLY FLY FLY FLY FLY FLY FLY FLY FLY

/* A <time> of the article zone that shows its date beats structured data
 * more than a day away, like the date line under the headline (here past
 * the near scan's reach, behind a menu); a <time> whose text is another
 * day does not. */
static void test_shown_time_element(void)
{
    const char *html = "<html lang=de><head><title>Schneesport</title><meta property=\"article:published_time\" "
                       "content=\"2022-01-15\"></head><body><div class=stage><h1>Schneesport</h1></div><ul class=fly>"
                       FLY10 FLY10 FLY10 FLY10 "</ul><div class=box><ul><li><span><time datetime=\"2022-01-25\">"
                       "25.01.2022</time></span></li></ul><div class=text>" PARA PARA2 "</div></div></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2022-01-25");
    pith_doc_free(d);
    const char *html2 = "<html lang=de><head><title>Schneesport</title><meta property=\"article:published_time\" "
                        "content=\"2022-01-15\"></head><body><div class=stage><h1>Schneesport</h1></div><ul class=fly>"
                        FLY10 FLY10 FLY10 FLY10 "</ul><div class=box><ul><li><span><time datetime=\"2022-01-25\">"
                        "Event: 12.02.2022</time></span></li></ul><div class=text>" PARA PARA2 "</div></div></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2022-01-15");
    pith_doc_free(d);
}

#define SHARE "<a href=/s><img src=i.svg alt=\"\"></a>"
#define SHARE8 SHARE SHARE SHARE SHARE SHARE SHARE SHARE SHARE

/* A date line above the headline, share buttons between the two. */
static void test_text_date_above_share_bar(void)
{
    const char *html = "<html lang=de><head><title>Bericht zur Lage</title></head><body><div class=beitrag>"
                       "<div class=teaser_text_meta><a href=/autor/g>Gunter Frank</a> / 22.04.2020 / 06:15 / "
                       "<a href=#c>Kommentare</a></div><div class=social>" SHARE8 SHARE8 SHARE SHARE SHARE SHARE "</div><div class=text>"
                       "<h1>Bericht zur Lage</h1>" PARA PARA2 "</div></div></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(starts(F(d, PITH_FIELD_PUBLISHED), "2020-04-22"));
    pith_doc_free(d);
}

/* What an element's class says (meta.c class_says): a byline word at a word
 * start ("post-autor", not "autorisiert"); a date class ("meta-date") beside
 * an update class ("last-update"), which never gives the publication date;
 * a citation's access date ("reference-accessdate") is no date at all. */
static void test_class_words(void)
{
    const char *html = "<html><head><title>Der Rat tagt</title></head><body><article><h1>Der Rat tagt</h1>"
                       "<div class=\"post-autor\">Anna Schmidt</div>" PARA PARA2 "</article></body></html>";
    pith_doc *d = run(html, NULL, REF_2024);
    CHECK(has_author(d, "Anna Schmidt"));
    pith_doc_free(d);
    const char *html2 = "<html><head><title>Der Rat tagt</title></head><body><article><h1>Der Rat tagt</h1>"
                        "<div class=\"autorisiert\">Anna Schmidt</div>" PARA PARA2 "</article></body></html>";
    d = run(html2, NULL, REF_2024);
    CHECK(!has_author(d, "Anna Schmidt"));
    pith_doc_free(d);
    const char *html3 = "<html><head><title>Der Rat tagt</title></head><body><article><h1>Der Rat tagt</h1>"
                        "<div><span class=\"Last-Update\">5. März 2021</span> <span class=\"meta-Date\">3. März "
                        "2021</span></div>" PARA PARA2 "</article></body></html>";
    d = run(html3, NULL, REF_2024);
    CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2021-03-03");
    pith_doc_free(d);
    const char *html4 = "<html><head><title>Der Rat tagt</title></head><body><article><h1>Der Rat tagt</h1>"
                        "<div><span class=\"last-update\">5. März 2021</span></div>" PARA PARA2
                        "</article></body></html>";
    d = run(html4, NULL, REF_2024);
    CHECK(F(d, PITH_FIELD_PUBLISHED) == NULL);
    pith_doc_free(d);
    /* the last resort after the body: a date-classed element counts, an
     * access-date or update-classed one does not */
    static const char *const cls[] = {"Post-Date", "reference-accessdate", "last-update"};
    for (int k = 0; k < 3; k++) {
        char page[65536];
        snprintf(page, sizeof page,
                 "<html><head><title>Der Rat tagt</title></head><body><article><h1>Der Rat tagt</h1>" FAR
                 "<div class=\"%s\">4. März 2021</div></article></body></html>",
                 cls[k]);
        d = run(page, NULL, REF_2024);
        if (k == 0)
            CHECK_STR(F(d, PITH_FIELD_PUBLISHED), "2021-03-04");
        else
            CHECK(F(d, PITH_FIELD_PUBLISHED) == NULL);
        pith_doc_free(d);
    }
}

int main(void)
{
    if (pith_extractor_new(NULL, &EX, NULL) != PITH_OK)
        return 1;
    test_jsonld_article();
    test_jsonld_graph_refs();
    test_jsonld_broken();
    test_precedence_jsonld_over_time();
    test_modified_only();
    test_opengraph_and_meta();
    test_title_suffix_host();
    test_title_real_dash();
    test_title_h1_kicker();
    test_section_caps();
    test_section_breadcrumb();
    test_url_date();
    test_text_date_uk();
    test_text_date_fa();
    test_text_date_hidden_updated();
    test_text_date_anchor();
    test_abbr_title_date();
    test_by_alone();
    test_labelled_author_line();
    test_author_role_prefix();
    test_author_credits();
    test_author_date_words();
    test_submitted_by();
    test_date_led_byline();
    test_author_info_box();
    test_author_legal_form();
    test_byline_line_break();
    test_byline_screen_reader_prefix();
    test_author_parenthetical();
    test_site_byline_fallback();
    test_byline_block_end();
    test_labelled_date();
    test_text_date_split_digits();
    test_text_date_after_menu();
    test_text_date_classed_deep();
    test_text_date_after_modified();
    test_local_time_shown_utc();
    test_text_date_next_day_clock();
    test_text_date_update_words();
    test_shown_time_element();
    test_page_level_date();
    test_structured_day_month_swap();
    test_naive_time_shown_day();
    test_class_words();
    test_text_date_above_share_bar();
    test_text_date_nav_box();
    test_text_date_region_start();
    test_text_date_calendar_days();
    test_dom_byline();
    test_footer_byline();
    test_author_filters();
    test_group_byline();
    test_byline_date_first();
    test_author_site_name();
    test_twitter_label_author();
    test_title_separators();
    test_title_kicker_in_declared();
    test_title_h1_shares_stems();
    test_title_blog_archive();
    test_title_site_from_logo_h1();
    test_title_h1_small_trailer();
    test_title_number_range();
    test_title_h2_headline();
    test_title_linked_teaser();
    test_title_breadcrumb_title();
    test_title_kicker_element_over_declared();
    test_title_logo_h1_home_link();
    test_title_h1_words_of_site_name();
    test_title_h1_matches_last_part();
    test_title_keyword_list();
    test_title_cjk_separators();
    test_title_date_part();
    test_title_only_h1_in_region();
    test_byline_job_title();
    test_byline_credits();
    test_byline_nav_box();
    test_byline_chinese_label();
    test_byline_lists();
    test_byline_romance();
    test_byline_europe();
    test_byline_indonesian();
    test_byline_uncased();
    test_byline_cjk();
    test_byline_thai();
    test_microdata();
    test_language();
    test_date_plausibility();
    test_mediator_tags();
    test_hostile();
    pith_extractor_free(EX);
    return harness_done("test_meta");
}
