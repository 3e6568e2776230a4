/* test_stages.c — unit tests for each stage of the HTML pipeline.
 *
 * charset (BOM, hint, meta prescan, detection, repair), prescan (nesting
 * limits), parse (hints, hidden, tree shape), features (aggregates), score
 * and clean (selection and furniture), blocks (structure), renderers (text,
 * Markdown, JSON, HTML), and the public API (options, errors, lifecycle).
 * Pages are small strings written here; each check is one a wrong
 * implementation would fail.
 */
#include "harness.h"
#include "internal.h"
#include "json.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ helpers */

static pith_extractor *make_ex(unsigned flags)
{
    pith_options o;
    pith_options_init(&o);
    o.flags = flags;
    pith_extractor *ex = NULL;
    if (pith_extractor_new(&o, &ex, NULL) != PITH_OK)
        return NULL;
    return ex;
}

static pith_doc *run(pith_extractor *ex, const void *data, size_t len, const char *charset)
{
    pith_input in;
    memset(&in, 0, sizeof in);
    in.data = data;
    in.len = len;
    in.charset = charset;
    in.ref_time = 1720000000;
    pith_doc *doc = NULL;
    pith_extract(ex, &in, &doc);
    return doc;
}

static int contains(const pith_doc *doc, const char *needle)
{
    size_t n;
    const char *t = pith_doc_text(doc, &n);
    return t && strstr(t, needle) != NULL;
}

/* A page with an article among furniture; `body` goes inside the article. */
static char *page_with(const char *head, const char *body)
{
    static const char *const part[] = {
        "<!DOCTYPE html><html><head>",
        "</head><body><header class=\"site-header\"><nav><ul><li><a href=\"/\">Home</a></li>"
        "<li><a href=\"/news\">News</a></li><li><a href=\"/sport\">Sport</a></li></ul></nav></header>"
        "<main><article class=\"story\"><h1>Harbour bridge reopens after repairs</h1>",
        "</article><aside class=\"sidebar\"><h3>Most read</h3><ul><li><a href=\"/1\">Storm closes the coast road</a></li>"
        "<li><a href=\"/2\">Mill reopens as a museum</a></li></ul></aside></main>"
        "<footer><p>Copyright 2024 Harbour Times. All rights reserved.</p></footer></body></html>",
    };
    buf b = BUF_INIT;
    buf_puts(&b, part[0]);
    buf_puts(&b, head);
    buf_puts(&b, part[1]);
    buf_puts(&b, body);
    buf_puts(&b, part[2]);
    return buf_detach(&b, NULL);
}

static const char *PARAS =
    "<p>The harbour bridge reopened on Monday morning after eight months of repairs, and the first buses "
    "crossed it shortly after six o'clock, the city transport office said.</p>"
    "<p>Engineers replaced the worn bearings, repainted the steel arches and resurfaced the road deck, which "
    "had been closed to heavy lorries since a survey found cracks in two of its supports last spring.</p>"
    "<p>Shop owners on both banks said the closure had cost them customers, and several welcomed the reopening "
    "with discounts for people arriving on foot or by bicycle during the first week.</p>";

/* ------------------------------------------------------------ charset */

static void test_charset(void)
{
    pith_extractor *ex = make_ex(0);
    /* windows-1251 declared in meta: "Київ" = CA E8 BF E2 */
    const char w1251[] = "<html><head><meta charset=\"windows-1251\"></head><body><article><p>"
                         "\xCA\xE8\xBF\xE2 \xF1\xFC\xEE\xE3\xEE\xE4\xED\xB3 \xEF\xF0\xE8\xE9\xED\xFF\xE2 "
                         "\xED\xEE\xE2\xE8\xE9 \xE1\xFE\xE4\xE6\xE5\xF2, \xE0 \xE4\xE5\xEF\xF3\xF2\xE0\xF2\xE8 "
                         "\xEF\xEE\xE3\xEE\xE4\xE8\xEB\xE8\xF1\xFF \xE7 \xF3\xF0\xFF\xE4\xEE\xEC.</p></article></body></html>";
    pith_doc *d = run(ex, w1251, sizeof w1251 - 1, NULL);
    CHECK(contains(d, "Київ сьогодні прийняв новий бюджет"));
    CHECK_STR(pith_doc_field(d, PITH_FIELD_CHARSET, NULL), "windows-1251");
    pith_doc_free(d);
    /* the same bytes with an HTTP hint and no meta */
    const char *nometa = strstr(w1251, "<body>");
    d = run(ex, nometa, strlen(nometa), "cp1251");
    CHECK(contains(d, "Київ сьогодні"));
    pith_doc_free(d);
    /* koi8-u via http-equiv: "Київ" in KOI8-U = EB C9 A7 D7 */
    const char koi[] = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-u\"></head>"
                       "<body><p>\xEB\xC9\xA7\xD7 \xD4\xC1 \xEC\xD8\xD7\xA6\xD7 \xD3\xD0\xA6\xD7\xD0\xD2\xC1\xC3\xC0\xC0\xD4\xD8 "
                       "\xD5 \xC7\xC1\xCC\xD5\xDA\xA6 \xD4\xD2\xC1\xCE\xD3\xD0\xCF\xD2\xD4\xD5 \xD4\xC1 \xC5\xCE\xC5\xD2\xC7\xC5\xD4\xC9\xCB\xC9.</p></body></html>";
    d = run(ex, koi, sizeof koi - 1, NULL);
    CHECK(contains(d, "Київ та Львів співпрацюють"));
    pith_doc_free(d);
    /* UTF-16LE with BOM */
    const char *ascii = "<p>Plain words travel well across every encoding that the web has ever used.</p>";
    size_t al = strlen(ascii);
    unsigned char *u16 = malloc(2 + al * 2);
    u16[0] = 0xFF;
    u16[1] = 0xFE;
    for (size_t i = 0; i < al; i++) {
        u16[2 + 2 * i] = (unsigned char)ascii[i];
        u16[3 + 2 * i] = 0;
    }
    d = run(ex, u16, 2 + al * 2, NULL);
    CHECK(contains(d, "Plain words travel well"));
    CHECK_STR(pith_doc_field(d, PITH_FIELD_CHARSET, NULL), "utf-16le");
    pith_doc_free(d);
    /* UTF-16BE with BOM, and a surrogate pair (U+1F600) */
    const char *be_text = "<p>Big-endian words, then an emoji \xF0\x9F\x98\x80 at the end of the line.</p>";
    u16[0] = 0xFE;
    u16[1] = 0xFF;
    size_t o = 2;
    for (size_t i = 0; be_text[i]; i++) {
        unsigned char ch = (unsigned char)be_text[i];
        if (ch == 0xF0) { /* the emoji as a surrogate pair */
            u16[o++] = 0xD8, u16[o++] = 0x3D, u16[o++] = 0xDE, u16[o++] = 0x00;
            i += 3;
            continue;
        }
        u16[o++] = 0;
        u16[o++] = ch;
    }
    d = run(ex, u16, o, NULL);
    CHECK(contains(d, "Big-endian words, then an emoji \xF0\x9F\x98\x80 at the end"));
    CHECK_STR(pith_doc_field(d, PITH_FIELD_CHARSET, NULL), "utf-16be");
    pith_doc_free(d);
    free(u16);
    /* Shift_JIS: 日本 = 93 FA 96 7B */
    const char sjis[] = "<html><head><meta charset=\"shift_jis\"></head><body><p>\x93\xFA\x96\x7B\x82\xCC"
                        "\x90\x56\x95\xB7\x82\xC5\x82\xB7\x81\x42\x93\xFA\x96\x7B\x82\xCC\x90\x56\x95\xB7"
                        "\x82\xC5\x82\xB7\x81\x42</p></body></html>";
    d = run(ex, sjis, sizeof sjis - 1, NULL);
    CHECK(contains(d, "日本の新聞です。"));
    pith_doc_free(d);
    /* invalid UTF-8 becomes U+FFFD, never passes through */
    const char bad[] = "<meta charset=utf-8><p>Before \xC3\x28 and \xED\xA0\x80 and \xF8\x88\x80\x80\x80 after the broken bytes here.</p>";
    d = run(ex, bad, sizeof bad - 1, NULL);
    size_t n;
    const char *t = pith_doc_text(d, &n);
    CHECK(utf8_valid_prefix(t, n) == n);
    CHECK(strstr(t, "\xEF\xBF\xBD") != NULL);
    CHECK(strstr(t, "after the broken bytes") != NULL);
    pith_doc_free(d);
    /* unknown charset named by the caller */
    d = run(ex, "<p>x</p>", 8, "no-such-charset");
    CHECK_INT(pith_doc_status(d), PITH_ECHARSET);
    pith_doc_free(d);
    /* a page declaring windows-1252 whose bytes are UTF-8 is read as UTF-8 */
    const char resaved[] = "<html><head><meta charset=\"windows-1252\"></head><body><p>Grüße aus Köln, "
                           "schöne Straße und überall Menschen, die über das Wetter reden.</p></body></html>";
    d = run(ex, resaved, sizeof resaved - 1, NULL);
    CHECK(contains(d, "Grüße aus Köln"));
    pith_doc_free(d);
    pith_extractor_free(ex);
}

/* ------------------------------------------------------------ prescan */

static void test_prescan(void)
{
    pith_options o;
    pith_options_init(&o);
    o.max_depth = 16;
    o.max_formatting = 8;
    arena a;
    arena_init(&a, 4096);
    page pg;
    memset(&pg, 0, sizeof pg);
    pg.mem = &a;
    pg.opt = &o;
    const char *out;
    size_t n;
    /* within limits: the same pointer comes back */
    const char *ok = "<div><div><p>a</p></div></div>";
    CHECK_INT(prescan_limit(&pg, ok, strlen(ok), 0, &out, &n), PITH_OK);
    CHECK(out == ok && n == strlen(ok));
    CHECK_INT(pg.truncated, 0);
    /* 100 nested divs: only 16 open tags and 16 close tags stay */
    buf b = BUF_INIT;
    for (int i = 0; i < 100; i++)
        buf_puts(&b, "<div class=\"x\">");
    buf_puts(&b, "deep text");
    for (int i = 0; i < 100; i++)
        buf_puts(&b, "</div>");
    CHECK_INT(prescan_limit(&pg, b.data, b.len, 0, &out, &n), PITH_OK);
    int opens = 0, closes = 0;
    for (const char *p = out; (p = strstr(p, "<div")); p++)
        opens++;
    for (const char *p = out; (p = strstr(p, "</div>")); p++)
        closes++;
    CHECK_INT(opens, 16);
    CHECK_INT(closes, 16);
    CHECK(strstr(out, "deep text") != NULL);
    CHECK(pg.truncated & 1);
    /* in place over the page's own copy: the same bytes, no new block */
    char *copy = arena_strndup(&a, b.data, b.len);
    char *expect = arena_strndup(&a, out, n);
    size_t n2 = 0;
    const char *out2 = NULL;
    CHECK_INT(prescan_limit(&pg, copy, b.len, 1, &out2, &n2), PITH_OK);
    CHECK(out2 == copy);
    CHECK(n2 == n && !memcmp(out2, expect, n) && out2[n2] == '\0');
    buf_free(&b);
    /* implicitly closed and void elements do not count */
    buf_clear(&b);
    for (int i = 0; i < 100; i++)
        buf_puts(&b, "<p>para<br><img src=x><li>item");
    pg.truncated = 0;
    CHECK_INT(prescan_limit(&pg, b.data, b.len, 0, &out, &n), PITH_OK);
    CHECK(out == b.data);
    /* formatting elements have their own limit */
    buf_free(&b);
    for (int i = 0; i < 50; i++)
        buf_puts(&b, "<b><i>");
    buf_puts(&b, "bold");
    CHECK_INT(prescan_limit(&pg, b.data, b.len, 0, &out, &n), PITH_OK);
    opens = 0;
    for (const char *p = out; (p = strchr(p, '<')); p++)
        opens++;
    CHECK_INT(opens, 8);
    CHECK(pg.truncated & 16);
    /* tags inside scripts and comments are not counted */
    buf_free(&b);
    buf_puts(&b, "<script>");
    for (int i = 0; i < 100; i++)
        buf_puts(&b, "<div>");
    buf_puts(&b, "</script><!--");
    for (int i = 0; i < 100; i++)
        buf_puts(&b, "<div>");
    buf_puts(&b, "--><p>after</p>");
    pg.truncated = 0;
    CHECK_INT(prescan_limit(&pg, b.data, b.len, 0, &out, &n), PITH_OK);
    CHECK(out == b.data);
    buf_free(&b);
    arena_free(&a);
}

/* ------------------------------------------------------------ parse + features */

static page *parse_only(const char *html, arena *a, pith_options *o, parser **pp)
{
    page *pg = arena_calloc(a, 1, sizeof *pg);
    pg->mem = a;
    pg->opt = o;
    pg->html = html;
    pg->html_len = strlen(html);
    *pp = parser_new();
    parse_page(*pp, pg);
    features_compute(pg);
    return pg;
}

static nid find_tag(const page *pg, tag t, int nth)
{
    for (uint32_t i = 1; i < pg->n_nodes; i++)
        if (pg->nodes[i].tag == t && nth-- == 0)
            return i;
    return 0;
}

static void test_parse_features(void)
{
    pith_options o;
    pith_options_init(&o);
    arena a;
    arena_init(&a, 1 << 16);
    parser *p;
    page *pg = parse_only("<html lang=\"uk\"><head><title>T</title><meta property=\"og:title\" content=\"OG\">"
                          "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script></head><body>"
                          "<div class=\"share-buttons\"><a href=\"#\">Share</a></div>"
                          "<div id=\"comments\">c</div><div style=\"display: none\">hidden words</div>"
                          "<div class=\"sr-only\">Skip</div><div class=\"d-none\">tab text</div>"
                          "<div itemprop=\"articleBody\"><p>One, two. <a href=\"/x\">link text</a></p></div>"
                          "</body></html>",
                          &a, &o, &p);
    nid share = find_tag(pg, T_DIV, 0), comments = find_tag(pg, T_DIV, 1), hidden = find_tag(pg, T_DIV, 2);
    nid sronly = find_tag(pg, T_DIV, 3), dnone = find_tag(pg, T_DIV, 4), body = find_tag(pg, T_DIV, 5);
    CHECK(pg->nodes[share].hints & H_SHARE);
    CHECK(pg->nodes[comments].hints & H_COMMENT);
    CHECK(pg->nodes[hidden].hints & H_HIDDEN);
    CHECK(pg->nodes[sronly].hints & H_HIDDEN);
    CHECK(!(pg->nodes[dnone].hints & H_HIDDEN)); /* script-toggled classes are not hiding */
    CHECK(pg->nodes[body].hints & H_BODY);
    nid para = find_tag(pg, T_P, 0);
    CHECK_INT(pg->nodes[para].link_chars, 8); /* characters, white space not counted */
    CHECK_INT(pg->nodes[para].chars, 16);
    CHECK_INT(pg->nodes[para].punct, 2);
    CHECK_INT(pg->nodes[para].links, 1);
    /* hidden text contributes nothing upwards */
    nid bodyel = pg->body;
    CHECK(pg->nodes[bodyel].chars < 60);
    /* head metadata collected */
    int title = 0, og = 0, jsonld = 0, lang = 0;
    for (uint32_t i = 0; i < pg->n_meta; i++) {
        const meta_item *m = &pg->meta[i];
        title += m->kind == MI_TITLE && !strcmp(m->value, "T");
        og += m->kind == MI_META && !strcmp(m->key, "og:title") && !strcmp(m->value, "OG");
        jsonld += m->kind == MI_JSONLD && strstr(m->value, "NewsArticle") != NULL;
        lang += m->kind == MI_HTMLLANG && !strcmp(m->value, "uk");
    }
    CHECK_INT(title, 1);
    CHECK_INT(og, 1);
    CHECK_INT(jsonld, 1);
    CHECK_INT(lang, 1);
    parser_free(p);
    arena_free(&a);
    /* form controls count for their container (Readability's "more inputs
     * than paragraphs" test), except inside hidden subtrees: a hidden
     * "contact the author" form in an article header is no form a reader sees */
    pith_options_init(&o);
    arena_init(&a, 1 << 16);
    pg = parse_only("<body><div class=\"head\"><p>Lead text.</p><div style=\"display:none\"><form>"
                    "<input name=\"a\"><input name=\"b\"><textarea></textarea></form></div></div>"
                    "<div class=\"box\"><form><input name=\"q\"><select></select></form></div></body>",
                    &a, &o, &p);
    CHECK_INT(pg->nodes[find_tag(pg, T_DIV, 0)].inputs, 0);
    CHECK_INT(pg->nodes[find_tag(pg, T_DIV, 2)].inputs, 2);
    parser_free(p);
    arena_free(&a);
    /* node limit: the rest of the page is ignored, and said so */
    pith_options_init(&o);
    o.max_nodes = 50;
    arena_init(&a, 1 << 16);
    buf b = BUF_INIT;
    for (int i = 0; i < 200; i++)
        buf_puts(&b, "<p>para</p>");
    pg = parse_only(b.data, &a, &o, &p);
    CHECK(pg->n_nodes <= 50);
    CHECK(pg->truncated & 2);
    parser_free(p);
    arena_free(&a);
    buf_free(&b);
}

/* ------------------------------------------------------------ selection and cleaning */

static void test_selection(void)
{
    pith_extractor *ex = make_ex(0);
    char *html = page_with("", PARAS);
    pith_doc *d = run(ex, html, strlen(html), NULL);
    CHECK_INT(pith_doc_status(d), PITH_OK);
    CHECK(contains(d, "The harbour bridge reopened on Monday morning"));
    CHECK(contains(d, "during the first week."));
    CHECK(!contains(d, "Most read"));
    CHECK(!contains(d, "Storm closes"));
    CHECK(!contains(d, "All rights reserved"));
    CHECK(!contains(d, "Sport"));
    pith_doc_free(d);
    free(html);

    /* furniture inside the article */
    char body[8192];
    snprintf(body, sizeof body,
             "<div class=\"share-bar\"><a href=\"#\">Facebook</a> <a href=\"#\">Twitter</a></div>%s"
             "<div class=\"c-block-17\"><strong>Read also:</strong> <a href=\"/x\">Ferry timetable changes for winter</a></div>"
             "<p>The council will review the bridge's condition again in five years, when the next full inspection "
             "of the arches and bearings is due.</p>"
             "<div class=\"newsletter-signup\"><p>Get our morning briefing.</p><form><input type=\"email\"></form></div>"
             "<div class=\"related-posts\"><h3>Related</h3><ul><li><a href=\"/a\">Tunnel plans shelved</a></li>"
             "<li><a href=\"/b\">Ferry fares rise</a></li></ul></div>"
             "<div id=\"comments\" class=\"comments\"><h3>Comments</h3><div class=\"comment\"><p>Finally! It took "
             "them long enough, and the detour through the old town was a nightmare every day.</p></div></div>",
             PARAS);
    html = page_with("", body);
    d = run(ex, html, strlen(html), NULL);
    CHECK(contains(d, "The council will review"));
    CHECK(!contains(d, "Facebook"));
    CHECK(!contains(d, "Read also"));
    CHECK(!contains(d, "Ferry timetable"));
    CHECK(!contains(d, "morning briefing"));
    CHECK(!contains(d, "Tunnel plans"));
    CHECK(!contains(d, "detour through the old town"));
    pith_doc_free(d);
    /* comments kept separately on request */
    pith_extractor *exc = make_ex(PITH_OPT_COMMENTS);
    d = run(exc, html, strlen(html), NULL);
    CHECK(!contains(d, "detour through the old town"));
    int found = 0;
    for (size_t i = 0; i < pith_doc_block_count(d); i++) {
        pith_block bl;
        pith_doc_block(d, i, &bl);
        if (bl.part == PITH_PART_COMMENTS && strstr(bl.text, "detour through the old town"))
            found = 1;
    }
    CHECK(found);
    pith_doc_free(d);
    pith_extractor_free(exc);
    free(html);

    /* the title repeated as the first heading is not in the body */
    html = page_with("<title>Harbour bridge reopens after repairs</title>", PARAS);
    d = run(ex, html, strlen(html), NULL);
    CHECK_STR(pith_doc_field(d, PITH_FIELD_TITLE, NULL), "Harbour bridge reopens after repairs");
    CHECK(!contains(d, "Harbour bridge reopens"));
    pith_doc_free(d);
    free(html);

    /* a script-rendered page: the article only in JSON-LD articleBody */
    buf jb = BUF_INIT;
    buf_puts(&jb, "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
                  "\"Ferry fares\",\"articleBody\":\"");
    for (int k = 0; k < 12; k++)
        buf_puts(&jb, "Ferry fares will rise by four percent in March, the operator said on Friday. ");
    buf_puts(&jb, "\\nThe last sentence stands in a paragraph of its own.\"}</script></head><body><div id=\"app\">"
                  "<p>Loading the story, please wait.</p></div></body></html>");
    d = run(ex, jb.data, jb.len, NULL);
    CHECK(contains(d, "Ferry fares will rise by four percent in March"));
    CHECK(!contains(d, "Loading the story"));
    CHECK(pith_doc_block_count(d) == 2);
    pith_doc_free(d);
    buf_free(&jb);

    /* a name is no substitute for paragraphs: a two-sentence blurb in a
     * "footer_content"-style block must not outrank an article that is one
     * long paragraph in unnamed divs */
    static const char *ONE_PARA =
        "<html><body><div class=\"wrap\"><div class=\"col-md-8\"><h1>Camping vans fill the fair halls</h1>"
        "<h3>Mobile travel is booming, and the fair showed it with more exhibitors than ever before.</h3>"
        "<div class=\"row\"><p>At five days of the fair, the vendor showed three vans fitted with its shelving, "
        "a roof box and a fold-out kitchen, and visitors queued at the stand from the first morning on; the "
        "company said it had taken more orders than in any year before, most of them from private buyers who "
        "want to travel in their own van, and that delivery times for the kitchen units had grown to four "
        "months, while the dealers in the region reported the same, with some models sold out until spring.</p>"
        "</div></div></div><div class=\"bottom\"><div class=\"about-content\"><div class=\"row\"><div class=\"col-md-4\"><p>The Trade Weekly is the "
        "leading magazine for the motor trade in the country. With the Trade Weekly, its technical supplement and "
        "its bodywork magazine you get valuable information for your daily work in the workshop and with your "
        "customers month after month, with a new focus topic in every issue. Researched by professionals, for "
        "professionals.</p><p>Subscribe now and get the first three issues free of charge.</p></div></div></div></div>"
        "</body></html>";
    d = run(ex, ONE_PARA, strlen(ONE_PARA), NULL);
    CHECK(contains(d, "At five days of the fair"));
    CHECK(!contains(d, "Researched by professionals"));
    pith_doc_free(d);

    /* an article cut into sections that sit directly in <body> (landing-page
     * builders): the climb may reach the body when it holds clearly more prose */
    static const char *SECTIONS =
        "<html><body><nav><a href=\"/\">Home</a> <a href=\"/gas\">Gas</a> <a href=\"/news\">News</a></nav>"
        "<section class=\"intro\"><div class=\"container\"><div class=\"row\"><h1>Dimethyl ether as a fuel</h1>"
        "<p>Demand for renewable energy keeps rising; alternatives to fossil fuels are sought in every sector, "
        "including heating, where liquid gas has long played a part.</p></div></div></section>"
        "<div class=\"container-fluid topic\"><div class=\"container\"><div class=\"row\"><div class=\"col-md-8\">"
        "<p>Dimethyl ether burns with little soot and few nitrogen oxides, which makes it a promising carrier of "
        "energy that can help to meet the climate targets of the coming decades.</p>"
        "<p>Made entirely from renewable feedstock, it can cut carbon emissions by up to ninety percent compared "
        "with conventional liquid gas, according to the industry association.</p></div></div></div></div>"
        "<div class=\"container-fluid topic\"><div class=\"container\"><div class=\"row\"><div class=\"col-md-8\">"
        "<p>Consumers in the country can already buy blends of liquid gas and renewable dimethyl ether, and the "
        "share of the new fuel is expected to grow as more plants start production next year.</p>"
        "<p>The prospect that renewable dimethyl ether replaces a large part of fossil liquid gas by the end of the "
        "decade is realistic, the association said, if the plants are built in time.</p></div></div></div></div>"
        "<footer><a href=\"/imprint\">Imprint</a> <a href=\"/privacy\">Privacy</a></footer></body></html>";
    d = run(ex, SECTIONS, strlen(SECTIONS), NULL);
    CHECK(contains(d, "Demand for renewable energy keeps rising"));
    CHECK(contains(d, "Dimethyl ether burns with little soot"));
    CHECK(contains(d, "Consumers in the country can already buy"));
    CHECK(!contains(d, "Imprint"));
    CHECK(!contains(d, "Home"));
    pith_doc_free(d);

    /* the second pass (furniture names not excluded) may find longer text,
     * but not take a region whose own name still says furniture: a short
     * article beside a long login panel */
    buf lb = BUF_INIT;
    buf_puts(&lb, "<html><body><main><article><h1>Ice hockey without fans</h1><p>The league has paused its season for "
                  "three weeks; clubs keep paying their staff, and players give up part of their bonuses.</p>"
                  "</article></main><div class=\"x-login-panel\"><div class=\"inner\">");
    for (int k = 0; k < 8; k++)
        buf_puts(&lb, "<p>With an account you can save videos, follow shows and continue watching on every device, "
                      "wherever you stopped.</p>");
    buf_puts(&lb, "</div></div></body></html>");
    d = run(ex, lb.data, lb.len, NULL);
    CHECK(contains(d, "The league has paused its season"));
    CHECK(!contains(d, "With an account"));
    pith_doc_free(d);
    buf_free(&lb);

    /* a last paragraph that merely mentions a download is prose, not a
     * call to action */
    html = page_with("", "<p>The harbour bridge reopened on Monday morning after eight months of repairs, and the "
                         "first buses crossed it shortly after six o'clock, the city transport office said.</p>"
                         "<p>Engineers replaced the worn bearings, repainted the steel arches and resurfaced the road "
                         "deck, which had been closed to heavy lorries since last spring.</p>"
                         "<p>Drivers can download the new timetable from the transport office's website.</p>");
    d = run(ex, html, strlen(html), NULL);
    CHECK(contains(d, "Drivers can download the new timetable"));
    pith_doc_free(d);
    free(html);

    /* no content at all */
    d = run(ex, "<html><body><nav><a href=/>Home</a></nav></body></html>", 56, NULL);
    CHECK_INT(pith_doc_status(d), PITH_ENOCONTENT);
    pith_doc_free(d);
    pith_extractor_free(ex);
}

/* ------------------------------------------------------------ blocks */

static void test_blocks(void)
{
    pith_extractor *ex = make_ex(0);
    char body[8192];
    snprintf(body, sizeof body,
             "%s<h2>What changed</h2><ul><li>New bearings on both piers.</li><li>Fresh paint on the arches."
             "<ol><li>Primer coat first.</li><li>Two top coats after.</li></ol></li></ul>"
             "<blockquote><p>It is like a new bridge, only older.</p></blockquote>"
             "<pre>  load = 44 t\n  span = 120 m</pre>"
             "<table><tr><th>Part</th><th>Cost</th></tr><tr><td>Bearings</td><td>1.2m</td></tr></table>"
             "<figure><img src=\"b.jpg\"><figcaption>The bridge at dawn.</figcaption></figure>"
             "<div class=\"photo-credit\">Photo: Lena Ortiz for the Harbour Times</div>"
             "<p>Line one<br>line two<br><br>New paragraph after two breaks, which ends this article.</p>",
             PARAS);
    char *html = page_with("", body);
    pith_doc *d = run(ex, html, strlen(html), NULL);
    size_t n = pith_doc_block_count(d);
    int heading = -1, li1 = -1, nested = -1, quote = -1, code = -1, row0 = -1, row1 = -1, cap = -1, lines = -1,
        para2 = -1;
    for (size_t i = 0; i < n; i++) {
        pith_block b;
        pith_doc_block(d, i, &b);
        if (b.kind == PITH_BLOCK_HEADING && !strcmp(b.text, "What changed") && b.level == 2)
            heading = (int)i;
        if (b.kind == PITH_BLOCK_LIST_ITEM && !strcmp(b.text, "New bearings on both piers.") && b.level == 1 &&
            !(b.flags & PITH_BLOCK_ORDERED))
            li1 = (int)i;
        if (b.kind == PITH_BLOCK_LIST_ITEM && !strcmp(b.text, "Primer coat first.") && b.level == 2 &&
            (b.flags & PITH_BLOCK_ORDERED))
            nested = (int)i;
        if (b.kind == PITH_BLOCK_QUOTE && !strcmp(b.text, "It is like a new bridge, only older."))
            quote = (int)i;
        if (b.kind == PITH_BLOCK_CODE && !strcmp(b.text, "  load = 44 t\n  span = 120 m"))
            code = (int)i;
        if (b.kind == PITH_BLOCK_TABLE_ROW && !strcmp(b.text, "Part\tCost") && (b.flags & PITH_BLOCK_HEADER))
            row0 = (int)i;
        if (b.kind == PITH_BLOCK_TABLE_ROW && !strcmp(b.text, "Bearings\t1.2m"))
            row1 = (int)i;
        if (b.kind == PITH_BLOCK_CAPTION && !strcmp(b.text, "The bridge at dawn."))
            cap = (int)i;
        if (b.kind == PITH_BLOCK_PARAGRAPH && !strcmp(b.text, "Line one\nline two"))
            lines = (int)i;
        if (b.kind == PITH_BLOCK_PARAGRAPH && !strncmp(b.text, "New paragraph after two breaks", 30))
            para2 = (int)i;
    }
    CHECK(heading > 0);
    CHECK(li1 > heading);
    CHECK(nested > li1);
    CHECK(quote > nested);
    CHECK(code > quote);
    CHECK(row0 > code);
    CHECK(row1 == row0 + 1);
    CHECK(cap > row1);
    CHECK(lines > cap);
    CHECK(para2 == lines + 1);
    /* figure captions are in the text; caption-named credits only in the blocks */
    CHECK(contains(d, "The bridge at dawn."));
    CHECK(!contains(d, "Photo: Lena Ortiz for the Harbour Times"));
    int credit = 0;
    for (size_t i = 0; i < n; i++) {
        pith_block b;
        pith_doc_block(d, i, &b);
        credit += b.kind == PITH_BLOCK_CAPTION && !strcmp(b.text, "Photo: Lena Ortiz for the Harbour Times");
    }
    CHECK_INT(credit, 1);

    /* renderers */
    char *md = pith_render_string(d, PITH_FORMAT_MARKDOWN, 0, NULL);
    CHECK(md && strstr(md, "## What changed\n"));
    CHECK(md && strstr(md, "- New bearings on both piers.\n"));
    CHECK(md && strstr(md, "   1. Primer coat first.\n   2. Two top coats after."));
    CHECK(md && strstr(md, "> It is like a new bridge, only older."));
    CHECK(md && strstr(md, "```\n  load = 44 t\n  span = 120 m\n```"));
    CHECK(md && strstr(md, "| Part | Cost |\n| --- | --- |\n| Bearings | 1.2m |"));
    CHECK(md && strstr(md, "*The bridge at dawn.*"));
    pith_free(md);
    char *html_out = pith_render_string(d, PITH_FORMAT_HTML, 0, NULL);
    CHECK(html_out && strstr(html_out, "<ul><li>New bearings on both piers.</li><li>Fresh paint on the arches.<ol><li>Primer coat first."));
    CHECK(html_out && strstr(html_out, "<tr><th>Part</th><th>Cost</th></tr>"));
    CHECK(html_out && strstr(html_out, "<pre><code>  load = 44 t"));
    pith_free(html_out);
    char *txt = pith_render_string(d, PITH_FORMAT_TEXT, 0, NULL);
    CHECK(txt && !strncmp(txt, "Harbour bridge reopens after repairs\n\n", 38));
    CHECK(txt && strstr(txt, "The bridge at dawn.")); /* captions are in the rendering */
    pith_free(txt);
    char *js = pith_render_string(d, PITH_FORMAT_JSON, 0, NULL);
    arena a;
    arena_init(&a, 1 << 16);
    json_value *v = js ? json_parse(&a, js, strlen(js), 32) : NULL;
    CHECK(v && v->type == JSON_OBJECT);
    const json_value *blocks = v ? json_get(v, "blocks") : NULL;
    CHECK(blocks && blocks->type == JSON_ARRAY && blocks->count == n);
    const json_value *st = v ? json_get(v, "status") : NULL;
    CHECK(st && st->type == JSON_STRING && !strcmp(st->str, "ok"));
    arena_free(&a);
    pith_free(js);
    pith_doc_free(d);
    free(html);
    pith_extractor_free(ex);
}

/* Photo credits leave the text; captions and ordinary parentheses stay. */
static void test_credits(void)
{
    pith_extractor *ex = make_ex(0);
    char body[8192];
    snprintf(body, sizeof body,
             "%s<figure><img src=\"a.jpg\"><figcaption>The bridge at dawn. Photo: Anna Berg/City Archive</figcaption>"
             "</figure><p>The stoat turns white in winter and hides in the snow. (mlharing / iStock.com)</p>"
             "<figure><img src=\"b.jpg\"><figcaption>The mayor at the opening (REUTERS/Jan Novak)</figcaption></figure>"
             "<figure><img src=\"c.jpg\"><figcaption>© Oli Marsh/Getty Images</figcaption></figure>"
             "<p>Judy Eddy/Outlet.com</p>"
             "<figure><img src=\"d.jpg\"><figcaption>Peacekeepers at a camp on Monday. Amir Salem/Agence "
             "France-Presse — Getty Images</figcaption></figure>"
             "<p>Skaters in Marco Rossi's new show. © AFP / Marco Rossi</p>"
             "<p>The works cost more than planned (see the table below), and took longer (eight months).</p>"
             "<p>The ferry still runs twice a day between Kiel and Oslo (Norway)</p>"
             "<p>Tickets are sold at the pier, online and on board (cash/card)</p>"
             "<p>Ottostrasse 14, Harbour Town / Coast</p>"
             "<p>The last paragraph closes the article, as every article ends somewhere.</p>",
             PARAS);
    char *html = page_with("", body);
    pith_doc *d = run(ex, html, strlen(html), NULL);
    CHECK(contains(d, "The bridge at dawn.\n"));
    CHECK(!contains(d, "Anna Berg"));
    CHECK(contains(d, "hides in the snow.\n"));
    CHECK(!contains(d, "iStock"));
    CHECK(contains(d, "The mayor at the opening\n"));
    CHECK(!contains(d, "REUTERS"));
    CHECK(!contains(d, "Getty"));
    CHECK(!contains(d, "Outlet.com"));
    CHECK(contains(d, "Peacekeepers at a camp on Monday.\n"));
    CHECK(!contains(d, "Amir Salem"));
    CHECK(contains(d, "Skaters in Marco Rossi's new show.\n"));
    CHECK(!contains(d, "AFP"));
    /* not credits */
    CHECK(contains(d, "took longer (eight months)."));
    CHECK(contains(d, "between Kiel and Oslo (Norway)"));
    CHECK(contains(d, "on board (cash/card)"));
    CHECK(contains(d, "Ottostrasse 14, Harbour Town / Coast"));
    /* a block that is only a credit stays in the blocks, as a caption */
    int kept = 0;
    for (size_t i = 0; i < pith_doc_block_count(d); i++) {
        pith_block b;
        pith_doc_block(d, i, &b);
        kept += b.kind == PITH_BLOCK_CAPTION && strstr(b.text, "Getty Images") != NULL;
        CHECK(strlen(b.text) == b.len); /* cut blocks stay NUL-terminated at their length */
    }
    CHECK_INT(kept, 1);
    pith_doc_free(d);
    free(html);
    pith_extractor_free(ex);
}

/* ------------------------------------------------------------ API */

static int stop_after_first(void *ctx, const char *data, size_t len)
{
    (void)data;
    (void)len;
    int *calls = ctx;
    return ++*calls > 0;
}

static void test_api(void)
{
    /* class/id hints are cached per page: a page's output does not depend
     * on the pages extracted before it with the same extractor */
    {
        char *pa = page_with("", "<div class=\"share-bar\"><a href=\"#\">Share this story with friends</a></div>"
                                 "<p>The ferry timetable changes on Monday, the harbour office said in a short statement "
                                 "on its website, and the last boat will leave at ten.</p>");
        char *pb = page_with("", "<div id=\"share-bar\"><p>The share bar here is a real paragraph of the story, long "
                                 "enough to count, about how the town shares its harbour with the navy.</p></div>");
        pith_extractor *e1 = make_ex(0), *e2 = make_ex(0);
        pith_doc *a1 = run(e1, pa, strlen(pa), NULL);
        pith_doc *b1 = run(e1, pb, strlen(pb), NULL);
        pith_doc *b2 = run(e2, pb, strlen(pb), NULL);
        char *j1 = pith_render_string(b1, PITH_FORMAT_JSON, 0, NULL);
        char *j2 = pith_render_string(b2, PITH_FORMAT_JSON, 0, NULL);
        CHECK(j1 && j2 && !strcmp(j1, j2));
        CHECK(!contains(a1, "Share this story"));
        pith_free(j1);
        pith_free(j2);
        pith_doc_free(a1);
        pith_doc_free(b1);
        pith_doc_free(b2);
        pith_extractor_free(e1);
        pith_extractor_free(e2);
        free(pa);
        free(pb);
    }

    pith_options o;
    pith_options_init(&o);
    CHECK(o.max_bytes == (64u << 20) && o.max_depth == 256 && o.time_budget_ms == 10000);
    pith_extractor *ex = NULL;
    const char *field = NULL;
    o.max_depth = 2;
    CHECK_INT(pith_extractor_new(&o, &ex, &field), PITH_EINVAL);
    CHECK_STR(field, "max_depth");
    CHECK(ex == NULL);
    pith_options_init(&o);
    o.flags = PITH_OPT_PRECISION | PITH_OPT_RECALL;
    CHECK_INT(pith_extractor_new(&o, &ex, &field), PITH_EINVAL);
    CHECK_STR(field, "flags");
    pith_options_init(&o);
    o.max_bytes = 100;
    CHECK_INT(pith_extractor_new(&o, &ex, NULL), PITH_OK);
    char big[200];
    memset(big, 'a', sizeof big);
    pith_doc *d = run(ex, big, sizeof big, NULL);
    CHECK_INT(pith_doc_status(d), PITH_ETOOBIG);
    CHECK(strlen(pith_doc_message(d)) > 0);
    char *js = pith_render_string(d, PITH_FORMAT_JSON, 0, NULL);
    CHECK(js && strstr(js, "\"error\":\"PITH_ETOOBIG\""));
    pith_free(js);
    pith_doc_free(d);
    pith_extractor_free(ex);
    /* NULL handling */
    pith_doc_free(NULL);
    pith_extractor_free(NULL);
    CHECK_INT(pith_extract(NULL, NULL, NULL), PITH_EINVAL);
    CHECK(pith_doc_field(NULL, PITH_FIELD_TITLE, NULL) == NULL);
    CHECK_STR(pith_status_name(PITH_ETIMEOUT), "PITH_ETIMEOUT");
    CHECK_STR(pith_status_name((pith_status)99), "PITH_EUNKNOWN");
    CHECK_STR(pith_field_name(PITH_FIELD_CANONICAL_URL), "canonical_url");
    CHECK_INT(pith_format_from_name("md"), PITH_FORMAT_MARKDOWN);
    CHECK_INT(pith_format_from_name("pdf"), -1);
    CHECK_INT(pith_version() >> 16, PITH_VERSION_MAJOR);
    /* a doc outlives its extractor and the next extraction */
    ex = make_ex(0);
    char *html = page_with("", PARAS);
    pith_doc *d1 = run(ex, html, strlen(html), NULL);
    const char *other = "<p>Another page entirely, with a sentence of its own to keep.</p>";
    pith_doc *d2 = run(ex, other, strlen(other), NULL);
    pith_extractor_free(ex);
    CHECK(contains(d1, "harbour bridge reopened"));
    CHECK(contains(d2, "Another page entirely"));
    /* the sink can stop rendering */
    int calls = 0;
    CHECK_INT(pith_render(d1, PITH_FORMAT_TEXT, 0, stop_after_first, &calls), PITH_EIO);
    CHECK_INT(calls, 1);
    pith_doc_free(d1);
    pith_doc_free(d2);
    free(html);
    /* the per-page memory limit gives ENOMEM, not a crash */
    pith_options_init(&o);
    o.max_memory = 4096;
    CHECK_INT(pith_extractor_new(&o, &ex, NULL), PITH_OK);
    html = page_with("", PARAS);
    d = run(ex, html, strlen(html), NULL);
    CHECK(d == NULL || pith_doc_status(d) == PITH_ENOMEM);
    pith_doc_free(d);
    free(html);
    pith_extractor_free(ex);
    /* error record helper */
    char *e = pith_error_json(PITH_EIO, "cannot read \"x\"", NULL, "\"record_id\":\"r1\"");
    CHECK_STR(e, "{\"status\":\"PITH_EIO\",\"error\":\"PITH_EIO\",\"message\":\"cannot read \\\"x\\\"\",\"url\":null,"
                 "\"record_id\":\"r1\"}");
    pith_free(e);
}

int main(void)
{
    test_charset();
    test_prescan();
    test_parse_features();
    test_selection();
    test_blocks();
    test_credits();
    test_api();
    return harness_done("test_stages");
}
