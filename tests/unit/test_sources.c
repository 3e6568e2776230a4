/* test_sources.c — attribution cues in Ukrainian, Russian, English and German.
 *
 * sources_scan() on single sentences (what is found, and what must not be:
 * people, common nouns, lower-case phrases), then sources_extract() on a doc
 * built by hand (body blocks only, duplicates merged, order kept).
 */
#include "harness.h"
#include "sources.h"

#include <stdlib.h>

typedef struct acc {
    char s[512];
    size_t n;
} acc;

static void add(void *ctx, const char *name, size_t len)
{
    acc *a = ctx;
    if (a->n && a->n + 1 < sizeof a->s)
        a->s[a->n++] = '|';
    for (size_t i = 0; i < len && a->n + 1 < sizeof a->s; i++)
        a->s[a->n++] = name[i];
    a->s[a->n] = '\0';
}

/* All names found in text, joined by '|' ("" when none). */
static const char *found(const char *text)
{
    static acc a; /* test-only scratch; the library has no such state */
    a.n = 0;
    a.s[0] = '\0';
    sources_scan(text, strlen(text), add, &a);
    return a.s;
}

static void test_ukrainian(void)
{
    CHECK_STR(found("Як повідомляє Yonhap, про це він сказав на пресконференції."), "Yonhap");
    CHECK_STR(found("Про це повідомляє Укрінформ."), "Укрінформ");
    CHECK_STR(found("Про це передає Укрінформ з посиланням на Reuters."), "Укрінформ|Reuters");
    CHECK_STR(found("Як пише Reuters, переговори тривали до ранку."), "Reuters");
    CHECK_STR(found("За даними Reuters, угоду підпишуть у липні."), "Reuters");
    CHECK_STR(found("Про це повідомляє агентство Bloomberg з посиланням на джерела."), "Bloomberg");
    CHECK_STR(found("Як повідомляє видання «Українська правда», документ уже підписано."), "Українська правда");
    CHECK_STR(found("Як передає УНІАН, вибух пролунав уночі."), "УНІАН");
    CHECK_STR(found("Про це повідомляє Інтерфакс-Україна."), "Інтерфакс-Україна");
    CHECK_STR(found("Джерело: Укрінформ"), "Укрінформ");
    /* not sources */
    CHECK_STR(found("За даними слідства, підозрюваний утік за кордон."), "");
    CHECK_STR(found("Про це пише Зеленський у своєму телеграм-каналі."), "");
    CHECK_STR(found("Про це заявив Єнс Столтенберг на пресконференції."), "");
    CHECK_STR(found("З посиланням на Міністерство оборони видання пише про втрати."), "");
    CHECK_STR(found("Він пише вірші та прозу."), "");
    CHECK_STR(found("Агентство повідомляє, що рішення ще не ухвалено."), "");
}

static void test_russian(void)
{
    CHECK_STR(found("Как сообщает ТАСС, переговоры продолжатся завтра."), "ТАСС");
    CHECK_STR(found("Об этом сообщает Интерфакс."), "Интерфакс");
    CHECK_STR(found("Об этом передает РИА Новости со ссылкой на источники."), "РИА Новости");
    CHECK_STR(found("По данным Bloomberg, сделка оценивается в миллиард долларов."), "Bloomberg");
    CHECK_STR(found("Об этом пишет Reuters со ссылкой на Министерство финансов."), "Reuters");
    CHECK_STR(found("Как пишет газета «Ведомости», решение уже принято."), "Ведомости");
    /* not sources */
    CHECK_STR(found("По данным следствия, злоумышленник скрылся."), "");
    CHECK_STR(found("Об этом сообщает Дмитрий Песков."), "");
    CHECK_STR(found("Об этом пишет Медведев в своем канале."), "");
}

static void test_english(void)
{
    CHECK_STR(found("The deal is worth $2 billion, according to Reuters."), "Reuters");
    CHECK_STR(found("Reuters reported on Monday that talks had stalled."), "Reuters");
    CHECK_STR(found("WASHINGTON (Reuters) - The Senate passed the bill on Tuesday."), "Reuters");
    CHECK_STR(found("KYIV (AP) — Air raid sirens sounded across the country."), "AP");
    CHECK_STR(found("\"We are ready,\" the minister told Reuters."), "Reuters");
    CHECK_STR(found("The fire spread quickly, the Associated Press reported."), "Associated Press");
    CHECK_STR(found("The company is in talks, The New York Times reported."), "New York Times");
    CHECK_STR(found("The talks failed, according to the news agency Yonhap."), "Yonhap");
    /* not sources */
    CHECK_STR(found("\"It is over,\" said John Smith, a local farmer."), "");
    CHECK_STR(found("According to police, the driver fled the scene."), "");
    CHECK_STR(found("The vote was close, according to John Smith of the election board."), "");
    CHECK_STR(found("It reported a loss of $3 million."), "");
    CHECK_STR(found("She told reporters the plan would change."), "");
    CHECK_STR(found("Protesters marched (AP Photo/Evan Vucci) through the city."), "");
    CHECK_STR(found("Prices rose (see chart) in May."), "");
    CHECK_STR(found("Source: U.S. Census Bureau"), "");
    CHECK_STR(found("The report is available as a download (PDF)"), "");
    CHECK_STR(found("Interviewers asked Oprah Winfrey about the show. \"It was hard,\" Winfrey told them."), "");
    CHECK_STR(found("The show ended, Winfrey told Variety."), "Variety");
    CHECK_STR(found("Interviewers asked Oprah Winfrey about the show. Later Winfrey told Variety on Monday."), "Variety");
    CHECK_STR(found("\"The wordchain was fantastic,\" he told Lute between bites of burger."), "");
    CHECK_STR(found("It was a tough year, he told Reuters."), "Reuters");
    CHECK_STR(found("\"We grow our own,\" Hasib said. According to Hasib, his mother started the garden."), "");
    CHECK_STR(found("Alley told People, \"It was hard.\""), "People");
    CHECK_STR(found("The figures come from the ministry's yearly report, source: Eurostat"), "");
}

static void test_german(void)
{
    CHECK_STR(found("Wie die Nachrichtenagentur dpa berichtet, wurde niemand verletzt."), "dpa");
    CHECK_STR(found("Das berichtet dpa unter Berufung auf Polizeikreise."), "dpa");
    CHECK_STR(found("Berlin (dpa) - Die Koalition hat sich geeinigt."), "dpa");
    CHECK_STR(found("Laut dpa gab es keine Verletzten."), "dpa");
    CHECK_STR(found("Wie der SWR berichtet, wurden die Defekte nicht durch Sabotage ausgelöst."), "SWR");
    CHECK_STR(found("Wie Reuters meldet, sinken die Preise."), "Reuters");
    CHECK_STR(found("Die Einigung steht. (dpa/AFP)"), "dpa|AFP");
    /* not sources */
    CHECK_STR(found("Laut Polizei gab es keine Verletzten."), "");
    CHECK_STR(found("Laut Angaben der Feuerwehr brannte das Dach."), "");
    CHECK_STR(found("Wie die Polizei berichtet, wurde niemand verletzt."), "");
    CHECK_STR(found("Das berichtet Polizeisprecher Thomas Müller."), "");
    CHECK_STR(found("Die Musik war sehr laut und die Nachbarn beschwerten sich."), "");
    CHECK_STR(found("Wie die Nachrichtenagentur Reuters diesen Montag berichtete, hatte Apple anders geplant."), "Reuters");
    CHECK_STR(found("Das Bundesministerium des Innern (BMI) – so heißt es – prüft den Fall."), "");
    CHECK_STR(found("Laut Forschungsbericht 523 steigen die Kosten."), "");
    CHECK_STR(found("Der Bericht steht als Download bereit (gut)"), "");
    CHECK_STR(found("AWL (WSV, RW) - Angewandte Wirtschaftslehre"), "");
    CHECK_STR(found("Quelle: Bundesarbeitsministerium"), "");
}

static void test_doc(void)
{
    pith_doc *doc = calloc(1, sizeof *doc);
    CHECK(doc != NULL);
    if (!doc)
        return;
    arena_init(&doc->mem, 4096);
    const char *p1 = "Як повідомляє Yonhap, саміт пройде в липні.";
    const char *p2 = "Про це також пише Reuters. Як повідомляє Yonhap, делегації вже прибули.";
    const char *c1 = "Як повідомляє Bloomberg, це коментар читача.";
    CHECK_INT(doc_add_block(doc, PITH_BLOCK_PARAGRAPH, PITH_PART_BODY, 0, 0, p1, strlen(p1)), 0);
    CHECK_INT(doc_add_block(doc, PITH_BLOCK_PARAGRAPH, PITH_PART_BODY, 0, 0, p2, strlen(p2)), 0);
    CHECK_INT(doc_add_block(doc, PITH_BLOCK_PARAGRAPH, PITH_PART_COMMENTS, 0, 0, c1, strlen(c1)), 0);
    sources_extract(doc);
    CHECK_INT(pith_doc_list_count(doc, PITH_LIST_SOURCES), 2);
    CHECK_STR(pith_doc_list_item(doc, PITH_LIST_SOURCES, 0, NULL), "Yonhap");
    CHECK_STR(pith_doc_list_item(doc, PITH_LIST_SOURCES, 1, NULL), "Reuters");
    CHECK_STR(pith_doc_list_source(doc, PITH_LIST_SOURCES), "text");
    pith_doc_free(doc);
}

int main(void)
{
    test_ukrainian();
    test_russian();
    test_english();
    test_german();
    test_doc();
    return harness_done("test_sources");
}
