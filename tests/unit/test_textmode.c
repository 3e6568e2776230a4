/* test_textmode.c — text mode (already-scraped pages) through pith_extract.
 *
 * Dozens of composed pages in the shapes text arrives in: scraper output
 * with the headline twice, WET-style full-page dumps with menus and footers,
 * w3m/lynx dumps (hard-wrapped lines, [12] link numbers, • bullets, bracketed
 * buttons, a References list), cookie banners, teaser lists with dates,
 * 'Читайте також' / 'Lesen Sie auch' / 'Read more' blocks, comment sections.
 * Each checks the record (title, section, published, lead, authors,
 * sources) and the body's first/last words, what must be in it and what
 * must not. The seed page (../shared/seed/) is one more case and is
 * skipped with a note when that file is absent.
 */
#include "harness.h"
#include "internal.h"
#include "sources.h"

#include <stdio.h>
#include <stdlib.h>

/* 2025-04-18T12:00:00Z: the reference time for relative and year-less dates */
#define REF 1744977600

typedef struct tcase {
    const char *name;
    const char *text;
    const char *title;     /* exact, or NULL = not checked */
    const char *section;   /* exact, "" = must be absent */
    const char *published; /* prefix */
    const char *lead;      /* exact, "" = must be absent */
    const char *first;     /* the body text starts with */
    const char *last;      /* the body text ends with */
    const char *has[4];    /* in the body */
    const char *hasnt[8];  /* not in the body (nor in the title) */
    const char *source;    /* among the sources */
    const char *author;    /* among the authors */
} tcase;

static pith_extractor *EX;

static pith_doc *extract(const char *text, size_t len, unsigned flags, pith_status *st)
{
    pith_options o;
    pith_options_init(&o);
    o.flags = flags;
    pith_extractor *ex = EX;
    if (flags && pith_extractor_new(&o, &ex, NULL) != PITH_OK)
        return NULL;
    pith_input in = {.data = text, .len = len, .ref_time = REF, .kind = PITH_INPUT_TEXT};
    pith_doc *doc = NULL;
    *st = pith_extract(ex, &in, &doc);
    if (doc && *st == PITH_OK)
        sources_extract(doc); /* pith.c may call it too: the list keeps no duplicates */
    if (flags)
        pith_extractor_free(ex);
    return doc;
}

static int starts(const char *s, const char *p) { return s && p && strncmp(s, p, strlen(p)) == 0; }

static int ends(const char *s, const char *p)
{
    size_t a = s ? strlen(s) : 0, b = strlen(p);
    return s && a >= b && strcmp(s + a - b, p) == 0;
}

static int in_list(const pith_doc *doc, pith_list l, const char *want)
{
    for (size_t i = 0; i < pith_doc_list_count(doc, l); i++)
        if (!strcmp(pith_doc_list_item(doc, l, i, NULL), want))
            return 1;
    return 0;
}

static void check_field(const pith_doc *doc, pith_field f, const char *want, int prefix, const char *name)
{
    if (!want)
        return;
    const char *got = pith_doc_field(doc, f, NULL);
    int ok = *want ? (got && (prefix ? starts(got, want) : !strcmp(got, want))) : got == NULL;
    if (!ok)
        fprintf(stderr, "  [%s] %s: got '%s' want '%s'\n", name, pith_field_name(f), got ? got : "(null)", want);
    CHECK(ok);
    if (ok && *want)
        CHECK_STR(pith_doc_field_source(doc, f), "text");
}

static void run_case(const tcase *c)
{
    pith_status st;
    pith_doc *doc = extract(c->text, strlen(c->text), 0, &st);
    CHECK(doc != NULL);
    if (!doc)
        return;
    if (st != PITH_OK)
        fprintf(stderr, "  [%s] status %s\n", c->name, pith_status_name(st));
    CHECK_INT(st, PITH_OK);
    const char *text = pith_doc_text(doc, NULL);
    const char *title = pith_doc_field(doc, PITH_FIELD_TITLE, NULL);
    check_field(doc, PITH_FIELD_TITLE, c->title, 0, c->name);
    check_field(doc, PITH_FIELD_SECTION, c->section, 0, c->name);
    check_field(doc, PITH_FIELD_PUBLISHED, c->published, 1, c->name);
    check_field(doc, PITH_FIELD_LEAD, c->lead, 0, c->name);
    if (c->first) {
        int ok = starts(text, c->first);
        if (!ok)
            fprintf(stderr, "  [%s] body starts '%.80s'\n", c->name, text);
        CHECK(ok);
    }
    if (c->last) {
        int ok = ends(text, c->last);
        if (!ok)
            fprintf(stderr, "  [%s] body ends '%s'\n", c->name, strlen(text) > 80 ? text + strlen(text) - 80 : text);
        CHECK(ok);
    }
    for (int i = 0; i < 4 && c->has[i]; i++) {
        int ok = strstr(text, c->has[i]) != NULL;
        if (!ok)
            fprintf(stderr, "  [%s] missing '%s'\n", c->name, c->has[i]);
        CHECK(ok);
    }
    for (int i = 0; i < 8 && c->hasnt[i]; i++) {
        int ok = !strstr(text, c->hasnt[i]) && !(title && strstr(title, c->hasnt[i]));
        if (!ok)
            fprintf(stderr, "  [%s] kept '%s'\n", c->name, c->hasnt[i]);
        CHECK(ok);
    }
    /* the lead is not repeated as a body block, nor the headline */
    const char *lead = pith_doc_field(doc, PITH_FIELD_LEAD, NULL);
    for (size_t i = 0; i < pith_doc_block_count(doc); i++) {
        pith_block b;
        pith_doc_block(doc, i, &b);
        CHECK(!(lead && !strcmp(b.text, lead)));
        CHECK(!(title && !strcmp(b.text, title)));
    }
    if (c->source) {
        int ok = in_list(doc, PITH_LIST_SOURCES, c->source);
        if (!ok)
            fprintf(stderr, "  [%s] sources lack '%s'\n", c->name, c->source);
        CHECK(ok);
    }
    if (c->author) {
        int ok = in_list(doc, PITH_LIST_AUTHORS, c->author);
        if (!ok)
            fprintf(stderr, "  [%s] authors lack '%s'\n", c->name, c->author);
        CHECK(ok);
    }
    pith_doc_free(doc);
}

/* ------------------------------------------------------------ the pages */

static const tcase CASES[] = {
    {"uk-scraper-repeat",
     "Уряд схвалив нові правила бронювання працівників критичних підприємств\n\n"
     "ЕКОНОМІКА\n"
     "12.03.2025, 10:41\n"
     "Уряд схвалив нові правила бронювання працівників критичних підприємств\n\n"
     "Підприємства зможуть бронювати до половини військовозобов'язаних працівників.\n\n"
     "Кабінет міністрів ухвалив постанову, яка змінює порядок бронювання працівників підприємств, що мають статус "
     "критично важливих для економіки. Про це повідомив прем'єр-міністр на засіданні уряду.\n\n"
     "Як повідомляє Укрінформ, нові правила наберуть чинності з першого квітня, а подати документи можна буде "
     "через портал Дія.\n\n"
     "Раніше підприємства скаржилися, що процедура займає кілька тижнів і вимагає паперових довідок від "
     "територіальних центрів комплектування.\n\n"
     "Міністерство економіки обіцяє, що перевірка заявки триватиме не більше десяти робочих днів.\n\n"
     "вибір редакції\n"
     "Читайте також:\n"
     "Економіка\n"
     "Ціни на пальне знову зросли: скільки коштує літр дизелю на заправках.\n"
     "вчора, 18:20\n"
     "Суспільство\n"
     "У школах запровадять новий предмет з медіаграмотності для старшокласників.\n"
     "16 квітня, 09:10\n"
     "Світ\n"
     "Польща посилила контроль на кордоні через спалах хвороби худоби.\n"
     "15 квітня, 12:00\n",
     "Уряд схвалив нові правила бронювання працівників критичних підприємств", "Економіка", "2025-03-12T10:41",
     "Підприємства зможуть бронювати до половини військовозобов'язаних працівників.",
     "Кабінет міністрів ухвалив постанову",
     "не більше десяти робочих днів.",
     {"Як повідомляє Укрінформ, нові правила"},
     {"вибір редакції", "Читайте також", "Ціни на пальне", "вчора, 18:20", "медіаграмотності"},
     "Укрінформ", NULL},

    {"uk-wet-fullpage",
     "Новини Полтавщини\nГоловна\nНовини\nПолітика\nЕкономіка\nСпорт\nКультура\nКонтакти\n"
     "Пошук\nГоловна > Суспільство\n"
     "У Полтаві відкрили перший в області центр реабілітації для ветеранів\n"
     "Суспільство, 14 квітня 2025, 15:30\n"
     "Автор: Олена Коваленко\n"
     "Центр розрахований на сорок пацієнтів одночасно.\n"
     "У Полтаві в понеділок запрацював обласний центр реабілітації для військових, які повернулися з фронту. "
     "Його облаштували в колишньому санаторії на околиці міста за кошти обласного бюджету та міжнародних "
     "донорів.\n"
     "За даними обласної адміністрації, ремонт тривав вісім місяців і коштував понад сто двадцять мільйонів "
     "гривень. У центрі працюватимуть фізичні терапевти, психологи та ерготерапевти.\n"
     "Перших пацієнтів тут прийняли ще минулого тижня в тестовому режимі, передає Суспільне.\n"
     "Записатися на реабілітацію можна через сімейного лікаря або безпосередньо в реєстратурі центру.\n"
     "Поділитися\nFacebook\nTelegram\nViber\n"
     "Популярне\n"
     "На Полтавщині відремонтують сорок кілометрів доріг\n"
     "У Кременчуці відкрили новий укриття в ліцеї\n"
     "© 2025 Новини Полтавщини. Всі права захищені.\n",
     "У Полтаві відкрили перший в області центр реабілітації для ветеранів", "Суспільство", "2025-04-14T15:30",
     "Центр розрахований на сорок пацієнтів одночасно.",
     "У Полтаві в понеділок запрацював",
     "безпосередньо в реєстратурі центру.",
     {"За даними обласної адміністрації"},
     {"Поділитися", "Популярне", "сорок кілометрів доріг", "Всі права захищені", "Головна"},
     "Суспільне", "Олена Коваленко"},

    {"uk-inline-read-also",
     "ВІЙНА\n"
     "вчора, 21:05\n\n"
     "Сили оборони знищили російський склад боєприпасів на півдні\n\n"
     "Удар завдали у ніч на четвер, повідомили у Генштабі.\n\n"
     "Сили оборони України уразили склад боєприпасів російської армії на тимчасово окупованій частині "
     "Запорізької області. Про це повідомляє Генштаб ЗСУ у своєму телеграм-каналі.\n\n"
     "Читайте також: Як працює протиповітряна оборона на півдні країни\n\n"
     "За даними штабу, після удару було зафіксовано вторинну детонацію, яка тривала кілька годин. "
     "Результати ураження уточнюються.\n\n"
     "Раніше повідомлялося, що сили оборони уразили командний пункт ворога поблизу Токмака.\n\n"
     "Теги: Генштаб, ЗСУ, Запорізька область\n"
     "Підписуйтесь на наш канал у Telegram\n",
     "Сили оборони знищили російський склад боєприпасів на півдні", "Війна", "2025-04-17T21:05",
     "Удар завдали у ніч на четвер, повідомили у Генштабі.",
     "Сили оборони України уразили склад",
     "командний пункт ворога поблизу Токмака.",
     {"вторинну детонацію"},
     {"Читайте також", "протиповітряна оборона на півдні", "Теги:", "Підписуйтесь"},
     "Генштаб ЗСУ", NULL},

    {"ru-chitaite-takzhe",
     "Главная Новости Общество Экономика Спорт Культура\n"
     "Общество\n"
     "В Перми открыли новую детскую библиотеку с зоной для настольных игр\n"
     "15 апреля 2025, 12:40\n"
     "Библиотека занимает два этажа бывшего кинотеатра в центре города.\n"
     "Новая детская библиотека открылась в Перми в здании бывшего кинотеатра. Ремонт продолжался почти два "
     "года и обошелся городскому бюджету в сорок миллионов рублей, сообщает ТАСС.\n"
     "Читайте также:\n"
     "В Екатеринбурге построят новый мост через Исеть\n"
     "В Казани запустили электробусы на трех маршрутах\n"
     "Кроме книжного фонда, в библиотеке есть зона для настольных игр, студия звукозаписи и зал для "
     "лекций. По словам директора, в первые выходные сюда пришли более тысячи посетителей.\n"
     "Библиотека работает ежедневно, кроме понедельника, с десяти утра до восьми вечера.\n"
     "Поделиться:\n"
     "ВКонтакте\n"
     "Одноклассники\n"
     "Telegram\n"
     "Новости партнеров\n"
     "Врачи рассказали, сколько кофе можно пить в день\n"
     "© 2025 «Пермский вестник». Все права защищены.\n",
     "В Перми открыли новую детскую библиотеку с зоной для настольных игр", "Общество", "2025-04-15T12:40",
     "Библиотека занимает два этажа бывшего кинотеатра в центре города.",
     "Новая детская библиотека открылась",
     "с десяти утра до восьми вечера.",
     {"студия звукозаписи"},
     {"Читайте также", "новый мост через Исеть", "Поделиться", "Новости партнеров", "кофе", "Все права"},
     "ТАСС", NULL},

    {"ru-relative-date-short-teasers",
     "ПРОИСШЕСТВИЯ\n"
     "Сегодня, 08:15\n"
     "На трассе под Новосибирском столкнулись два грузовика\n"
     "Движение на участке было перекрыто почти на три часа.\n"
     "Авария произошла ранним утром на сорок втором километре трассы. Один из грузовиков выехал на встречную "
     "полосу, предварительно, из-за того что водитель уснул за рулем.\n"
     "По данным ГИБДД, оба водителя госпитализированы, их состояние оценивается как средней тяжести. "
     "Полиция возбудила уголовное дело.\n"
     "На месте работали две бригады спасателей, которые извлекли водителя из кабины.\n"
     "Последние новости\n"
     "В Омске потеплеет до плюс двадцати\n"
     "17 апреля, 19:30\n"
     "Мэрия объявила о ремонте трех мостов\n"
     "17 апреля, 15:05\n"
     "Школьники заняли первое место на олимпиаде\n"
     "16 апреля, 10:00\n",
     "На трассе под Новосибирском столкнулись два грузовика", "Происшествия", "2025-04-18T08:15",
     "Движение на участке было перекрыто почти на три часа.",
     "Авария произошла ранним утром",
     "извлекли водителя из кабины.",
     {"По данным ГИБДД"},
     {"Последние новости", "Омске", "ремонте трех мостов", "17 апреля"},
     "ГИБДД", NULL},

    {"en-wet-wire",
     "Skip to main content\n"
     "The Lakeside Courier\n"
     "Subscribe\nSign in\nNews\nSports\nBusiness\nOpinion\nObituaries\n"
     "BUSINESS\n"
     "Port expansion approved despite objections from fishing groups\n"
     "March 3, 2025 at 4:12 p.m. EST\n"
     "By Rachel Donnelly\n"
     "SEATTLE (AP) — State regulators on Monday approved a $400 million expansion of the city's container port, "
     "rejecting arguments from fishing groups that dredging would harm salmon habitat.\n"
     "The expansion will add two berths and deepen the channel by six feet, allowing larger ships to dock, "
     "according to the port authority.\n"
     "Fishing associations said they would appeal the decision. \"We have been ignored at every step,\" said "
     "Maria Lopez, who leads a coalition of tribal and commercial fishers.\n"
     "Construction is expected to begin next spring and take about four years.\n"
     "Read more\n"
     "City council delays vote on new stadium lease\n"
     "Ferry fares to rise 5 percent in July\n"
     "Most popular\n"
     "Storm knocks out power to 30,000 homes\n"
     "We use cookies to improve your experience. By continuing to browse, you agree to our privacy policy.\n"
     "Accept all\n"
     "Copyright 2025 The Lakeside Courier. All rights reserved.\n",
     "Port expansion approved despite objections from fishing groups", "Business", "2025-03-03T16:12", "",
     "SEATTLE (AP) — State regulators",
     "take about four years.",
     {"said Maria Lopez", "according to the port authority"},
     {"Skip to main content", "Read more", "stadium lease", "Most popular", "cookies", "All rights reserved"},
     "AP", "Rachel Donnelly"},

    {"en-w3m-link-numbers",
     "[1]The Valley Tribune\n"
     "   • [2]Home\n   • [3]Local\n   • [4]State\n   • [5]Sports\n   • [6]Weather\n\n"
     "[7]Local\n\n"
     "Library reopens after two-year renovation with rooftop reading garden\n\n"
     "Published April 11, 2025\n\n"
     "The downtown library reopened on Saturday after a renovation that added a rooftop reading garden, a\n"
     "maker space and a children's wing, ending two years in which patrons had to use a temporary branch in a\n"
     "former bank building.\n\n"
     "Hundreds of residents lined up before the doors opened at 10 a.m. The renovation cost $28 million, most\n"
     "of it raised through a bond measure approved by voters in 2022, the city said in a statement.\n\n"
     "The rooftop garden is open whenever the weather allows and has space for about sixty readers. A\n"
     "[8]full schedule of opening events is posted on the library's website.\n\n"
     "   • [9]Share on Facebook\n   • [10]Share on X\n   • [11]Email\n\n"
     "Related stories\n\n"
     "   • [12]School board approves new bus routes\n"
     "   • [13]Farmers market returns to Main Street\n\n"
     "References\n\n"
     "   1. https://valley.example/\n   2. https://valley.example/\n   3. https://valley.example/local\n"
     "   8. https://valley.example/library-events\n",
     "Library reopens after two-year renovation with rooftop reading garden", "Local", "2025-04-11", "",
     "The downtown library reopened on Saturday",
     "posted on the library's website.",
     {"a children's wing, ending two years", "A full schedule of opening events"},
     {"[8]", "Share on Facebook", "Related stories", "School board", "https://", "References"},
     NULL, NULL},

    {"en-w3m-wrapped-bullets",
     "  • World\n  • Politics\n  • Business\n  • Tech\n\n"
     "Researchers map the deepest known cave system in Europe\n\n"
     "By Tom Hargreaves and Ana Ruiz | June 2, 2024\n\n"
     "An international team of cave divers and geologists has completed a survey of a cave system in the\n"
     "mountains of northern Spain that reaches 2,200 metres below the surface, making it the deepest known in\n"
     "Europe.\n\n"
     "The expedition spent 41 days underground over three seasons. The team said it found several new\n"
     "species of blind beetles in the lowest chambers, which have been sent to a museum in Madrid for study.\n\n"
     "The survey found:\n\n"
     "  • a river that flows for nine kilometres without reaching daylight;\n"
     "  • a chamber large enough to hold a cathedral;\n"
     "  • mineral formations that are at least 90,000 years old.\n\n"
     "The researchers plan to publish their maps next year.\n\n"
     "  • Share\n  • Tweet\n  • Email\n\n"
     "More from World\n\n"
     "  • Volcano erupts in Iceland for the third time this year\n"
     "  • Heatwave grips southern Europe\n",
     "Researchers map the deepest known cave system in Europe", NULL, "2024-06-02", "",
     "An international team of cave divers",
     "publish their maps next year.",
     {"making it the deepest known in Europe.", "a chamber large enough to hold a cathedral;"},
     {"Politics", "Tweet", "More from World", "Volcano erupts"},
     NULL, "Tom Hargreaves"},

    {"en-read-more-teasers-with-dates",
     "NEWS\n"
     "City to plant 10,000 trees in heat-vulnerable neighbourhoods\n"
     "Updated 2 hours ago\n"
     "The city will plant 10,000 trees over the next three years, focusing on neighbourhoods where summer "
     "temperatures run highest, the mayor announced on Thursday.\n"
     "The program will cost $12 million and prioritise streets with little shade near schools and bus stops, "
     "officials said, after a study found that some blocks were up to 8 degrees hotter than leafy suburbs.\n"
     "Residents can request a tree for the strip in front of their homes through the city's website.\n"
     "Read more:\n"
     "Heat alert issued as temperatures climb\n"
     "April 15, 2025\n"
     "New bike lanes open on Harbour Road\n"
     "April 12, 2025\n"
     "Council approves budget for park repairs\n"
     "April 9, 2025\n",
     "City to plant 10,000 trees in heat-vulnerable neighbourhoods", "News", "2025-04-18T10", NULL,
     "The city will plant 10,000 trees",
     "through the city's website.",
     {"up to 8 degrees hotter"},
     {"Read more", "Heat alert", "April 15, 2025", "bike lanes", "park repairs"},
     NULL, NULL},

    {"en-cookie-banner-top",
     "We value your privacy. We and our partners use cookies to store and access information on your device "
     "to personalise content and ads. You can accept or manage your choices.\n"
     "Accept all\nManage settings\n"
     "The Morning Standard\n"
     "Health\n"
     "Study links short daily walks to lower blood pressure in older adults\n"
     "By Priya Natarajan\n"
     "Walking for as little as 20 minutes a day was linked to a measurable drop in blood pressure among adults "
     "over 65, according to a study published on Wednesday.\n"
     "The researchers followed 3,400 people for five years. Those who walked daily had a 12 percent lower risk "
     "of developing hypertension than those who rarely walked, even after accounting for diet and weight.\n"
     "The authors cautioned that the study shows an association rather than cause and effect.\n"
     "Sign up for our health newsletter\n"
     "Get the latest health news in your inbox every Monday.\n"
     "Privacy Policy | Terms of Use | Contact\n",
     "Study links short daily walks to lower blood pressure in older adults", "Health", NULL, NULL,
     "Walking for as little as 20 minutes",
     "rather than cause and effect.",
     {"12 percent lower risk"},
     {"cookies", "Accept all", "newsletter", "Privacy Policy"},
     NULL, "Priya Natarajan"},

    {"en-comments-cut",
     "Home | Blog | About\n"
     "Why I switched my garden to drip irrigation\n"
     "Posted on May 3, 2024 by Ellen\n"
     "Last summer my tomatoes split, my lettuce bolted and my water bill doubled. This year I finally installed "
     "a drip irrigation system, and I want to share what I learned along the way.\n"
     "The kit cost about $80 and took an afternoon to set up. The hardest part was deciding where to run the "
     "main line so that it would not get in the way of the lawnmower.\n"
     "After two months, my water use has dropped by roughly a third and the plants look healthier than they "
     "ever did with the sprinkler.\n"
     "Thanks for reading!\n"
     "12 Comments\n"
     "Mark says:\n"
     "May 4, 2024 at 9:12 am\n"
     "Great post! I have been thinking about doing the same thing for my raised beds, and this convinced me to "
     "finally order a kit for the vegetable patch behind the garage.\n"
     "Reply\n"
     "Leave a Reply\n"
     "Your email address will not be published. Required fields are marked *\n",
     "Why I switched my garden to drip irrigation", NULL, "2024-05-03", NULL,
     "Last summer my tomatoes split",
     "Thanks for reading!",
     {"The kit cost about $80"},
     {"Comments", "Great post", "Leave a Reply", "Reply", "email address"},
     NULL, NULL},

    {"de-lesen-sie-auch",
     "Zum Inhalt springen\n"
     "Rheinische Abendpost\n"
     "Politik Wirtschaft Sport Kultur Region\n"
     "WIRTSCHAFT\n"
     "14.04.2025, 17:05 Uhr\n"
     "Bäckereien kämpfen mit steigenden Energiekosten\n"
     "Viele Betriebe erhöhen die Preise, einige schließen Filialen.\n"
     "Die Bäckereien in der Region stehen unter Druck. Nach Angaben der Handwerkskammer haben die Kosten für "
     "Strom und Gas in den vergangenen zwei Jahren um mehr als ein Drittel zugenommen.\n"
     "Lesen Sie auch: Handwerk sucht dringend Auszubildende\n"
     "Wie die Nachrichtenagentur dpa berichtet, haben bundesweit im vergangenen Jahr rund 500 Bäckereien "
     "aufgegeben. In der Region seien es bislang vor allem kleine Familienbetriebe.\n"
     "Anzeige\n"
     "Die Innung fordert nun Entlastungen bei den Netzentgelten. Ohne Hilfe werde sich das Sterben der "
     "Traditionsbetriebe fortsetzen, sagte der Obermeister.\n"
     "Artikel teilen\nFacebook\nWhatsApp\nE-Mail\n"
     "Mehr zum Thema\n"
     "Metzgereien: Nachwuchs fehlt überall – 10.04.2025\n"
     "Das könnte Sie auch interessieren\n"
     "Die besten Ausflugsziele im Frühling\n"
     "Impressum Datenschutz Kontakt\n"
     "© 2025 Rheinische Abendpost\n",
     "Bäckereien kämpfen mit steigenden Energiekosten", "Wirtschaft", "2025-04-14T17:05",
     "Viele Betriebe erhöhen die Preise, einige schließen Filialen.",
     "Die Bäckereien in der Region stehen unter Druck.",
     "sagte der Obermeister.",
     {"Wie die Nachrichtenagentur dpa berichtet"},
     {"Lesen Sie auch", "Auszubildende", "Anzeige", "Artikel teilen", "Mehr zum Thema", "Metzgereien",
      "Ausflugsziele", "Impressum"},
     "dpa", NULL},

    {"de-wet-dpa-dateline",
     "Nachrichten\nStartseite › Panorama\n"
     "Hochwasser: Pegel am Rhein steigt weiter\n"
     "Von Jonas Albrecht und Miriam Kessler\n"
     "Köln (dpa) - Der Pegel des Rheins ist in der Nacht weiter gestiegen. Am Morgen wurden in Köln 7,80 Meter "
     "gemessen, teilte die Stadt mit. Die Schifffahrt ist zwischen Bonn und Düsseldorf eingestellt.\n"
     "Die Feuerwehr hat in den Uferbereichen Sandsäcke verteilt. Laut Polizei mussten bislang keine Häuser "
     "geräumt werden, die Lage werde aber stündlich neu bewertet.\n"
     "Meteorologen erwarten, dass der Regen am Wochenende nachlässt und der Pegel ab Montag sinkt.\n"
     "Schlagwörter: Hochwasser, Rhein, Köln\n"
     "Meistgelesen\n"
     "Lotto: Jackpot geknackt\n"
     "Wetter: Der Sommer kommt früh\n",
     "Hochwasser: Pegel am Rhein steigt weiter", "Panorama", NULL, NULL,
     "Köln (dpa) - Der Pegel des Rheins",
     "der Pegel ab Montag sinkt.",
     {"Laut Polizei mussten bislang"},
     {"Schlagwörter", "Meistgelesen", "Jackpot", "Startseite"},
     "dpa", "Jonas Albrecht"},

    {"de-blog-kommentare",
     "Mein Garten Blog\nStartseite Über mich Rezepte Kontakt\n"
     "Tomaten im Kübel: meine Erfahrungen nach drei Jahren\n"
     "Veröffentlicht am 12. Mai 2024 von Sabine\n"
     "Seit drei Jahren ziehe ich Tomaten auf dem Balkon, und jedes Jahr lerne ich etwas dazu. Heute möchte ich "
     "meine wichtigsten Erfahrungen mit euch teilen.\n"
     "Am wichtigsten ist ein ausreichend großer Kübel. Unter zwanzig Litern Erde bleiben die Pflanzen klein und "
     "brauchen ständig Wasser, weil die Erde an heißen Tagen schnell austrocknet.\n"
     "Außerdem dünge ich seit letztem Jahr nur noch organisch, und die Früchte schmecken deutlich aromatischer "
     "als früher mit dem blauen Dünger aus dem Baumarkt.\n"
     "Kategorien: Balkon, Gemüse\n"
     "3 Kommentare\n"
     "Petra schreibt:\n"
     "Danke für die Tipps! Ich habe dieses Jahr zum ersten Mal Tomaten auf dem Balkon und bin gespannt, ob sie "
     "bei mir auch so gut wachsen werden wie bei dir im letzten Sommer.\n"
     "Antworten\n",
     "Tomaten im Kübel: meine Erfahrungen nach drei Jahren", NULL, "2024-05-12", NULL,
     "Seit drei Jahren ziehe ich Tomaten",
     "mit dem blauen Dünger aus dem Baumarkt.",
     {"Am wichtigsten ist ein ausreichend großer Kübel."},
     {"Kategorien", "Kommentare", "Petra", "Danke für die Tipps", "Antworten"},
     NULL, NULL},

    {"de-w3m-wrapped-cookie",
     "[Logo]\n\nDiese Website verwendet Cookies. Wenn Sie die Website weiter nutzen, stimmen Sie der Verwendung\n"
     "von Cookies zu. [Akzeptieren] [Einstellungen]\n\n"
     "   • Region\n   • Sport\n   • Kultur\n\n"
     "KULTUR\n\n"
     "Stadttheater zeigt Uraufführung eines Stücks über die Hafenarbeiter\n\n"
     "Das Stadttheater bringt am Samstag ein Stück auf die Bühne, das die Geschichte der Hafenarbeiter in den\n"
     "fünfziger Jahren erzählt. Die Autorin hat dafür zwei Jahre lang mit Zeitzeugen gesprochen und Briefe\n"
     "aus dem Stadtarchiv ausgewertet.\n\n"
     "Die Hauptrolle spielt ein Schauspieler, der selbst als junger Mann im Hafen gearbeitet hat. Karten gibt\n"
     "es an der Theaterkasse und im Internet, die ersten beiden Vorstellungen sind bereits ausverkauft.\n\n"
     "[Drucken] [Teilen]\n\n"
     "Weitere Artikel\n\n"
     "   • Museum verlängert Ausstellung\n   • Chor sucht neue Stimmen\n",
     "Stadttheater zeigt Uraufführung eines Stücks über die Hafenarbeiter", "Kultur", NULL, NULL,
     "Das Stadttheater bringt am Samstag",
     "bereits ausverkauft.",
     {"Hafenarbeiter in den fünfziger Jahren", "Briefe aus dem Stadtarchiv"},
     {"Cookies", "Akzeptieren", "Drucken", "Weitere Artikel", "Museum"},
     NULL, NULL},

    {"en-lynx-references",
     "   [1]Skip to content\n\n"
     "   [2]Riverbend Gazette\n\n"
     "     * [3]News\n     * [4]Schools\n     * [5]Events\n\n"
     "                    Volunteers clear ten tonnes of litter from the river banks\n\n"
     "   More than 300 volunteers spent Saturday morning clearing litter from the\n"
     "   banks of the river, collecting about ten tonnes of rubbish in four hours,\n"
     "   organisers said.\n\n"
     "   The clean-up has become an annual event since 2019. This year the\n"
     "   volunteers found two shopping trolleys, a bicycle and a washing machine\n"
     "   among the usual plastic bottles and bags.\n\n"
     "   The council has promised to install more bins along the riverside path\n"
     "   before the summer.\n\n"
     "References\n\n"
     "   1. https://riverbend.example/#content\n"
     "   2. https://riverbend.example/\n"
     "   3. https://riverbend.example/news\n",
     "Volunteers clear ten tonnes of litter from the river banks", NULL, NULL, NULL,
     "More than 300 volunteers",
     "path before the summer.",
     {"from the banks of the river", "a bicycle and a washing machine"},
     {"Skip to content", "[3]", "https://", "Schools"},
     NULL, NULL},

    {"ru-w3m-nav-dates",
     "[logo] Вечерний Город\n"
     "   • Новости • Афиша • Погода • Спорт\n"
     "Поиск: [                    ] [Найти]\n\n"
     "Главная / Город\n\n"
     "В парке Победы заменят все фонари на светодиодные\n\n"
     "16.04.2025 | Город | Просмотров: 845\n\n"
     "До конца лета в парке Победы установят 240 новых светодиодных фонарей. Старые светильники\n"
     "работают с 1987 года и потребляют в четыре раза больше электроэнергии.\n\n"
     "Работы начнутся в мае и будут вестись по ночам, чтобы не мешать отдыхающим, сообщили в\n"
     "администрации района. Стоимость контракта составила 18 миллионов рублей.\n\n"
     "Кроме фонарей, в парке отремонтируют дорожки и установят двадцать новых скамеек.\n\n"
     "[Печать] [E-mail]\n\n"
     "Последние новости\n\n"
     "   • В городе откроют еще один каток\n"
     "   • Автобус № 12 изменит маршрут\n\n"
     "© 2005–2025 «Вечерний Город». Все права защищены.\n",
     "В парке Победы заменят все фонари на светодиодные", "Город", "2025-04-16", NULL,
     "До конца лета в парке Победы",
     "двадцать новых скамеек.",
     {"Старые светильники работают с 1987 года", "сообщили в администрации района"},
     {"[Печать]", "Последние новости", "каток", "Просмотров", "Все права"},
     NULL, NULL},

    {"en-precise-second-headline-copy",
     "Markets\n"
     "Oil prices fall as supply fears ease\n"
     "Oil prices fall as supply fears ease\n"
     "Brent crude fell 3 percent on Tuesday to its lowest level in two months as traders bet that "
     "production cuts would be offset by higher output elsewhere, Reuters reported.\n"
     "Analysts said demand from China remained the biggest uncertainty for the rest of the year, with "
     "factory data due later this week.\n"
     "The fall came despite a drop in U.S. inventories reported by the Energy Information Administration.\n",
     "Oil prices fall as supply fears ease", "Markets", NULL, NULL,
     "Brent crude fell 3 percent",
     "Energy Information Administration.",
     {"Analysts said demand from China"},
     {NULL},
     "Reuters", NULL},

    {"uk-sources-several",
     "СВІТ\n"
     "10 квітня 2025, 19:45\n"
     "Японія виділить Україні ще мільярд доларів на відновлення енергетики\n"
     "Кошти спрямують на ремонт теплових електростанцій та підстанцій.\n"
     "Уряд Японії ухвалив рішення про новий пакет допомоги Україні на суму один мільярд доларів, пише "
     "Kyodo з посиланням на джерела в уряді.\n"
     "За даними Reuters, значну частину коштів отримає Укренерго для закупівлі трансформаторів та іншого "
     "обладнання, пошкодженого внаслідок російських атак.\n"
     "Як повідомляє агентство NHK, офіційно про пакет оголосять на конференції з відновлення України, яка "
     "відбудеться в травні.\n"
     "Раніше Японія вже передала Україні генератори та обладнання для розмінування.\n",
     "Японія виділить Україні ще мільярд доларів на відновлення енергетики", "Світ", "2025-04-10T19:45",
     "Кошти спрямують на ремонт теплових електростанцій та підстанцій.",
     "Уряд Японії ухвалив рішення",
     "обладнання для розмінування.",
     {"пише Kyodo"},
     {NULL},
     "NHK", NULL},

    {"de-kein-titel-doppelt-agentur",
     "POLITIK\n"
     "Gestern, 19:10 Uhr\n"
     "Bundestag beschließt Reform des Wahlrechts\n"
     "Das Parlament wird von der nächsten Wahl an kleiner.\n"
     "Der Bundestag hat am Donnerstag eine Reform des Wahlrechts beschlossen, die das Parlament dauerhaft "
     "verkleinern soll. Künftig sollen nicht mehr als 630 Abgeordnete im Bundestag sitzen, berichtet die ARD.\n"
     "Die Opposition kündigte an, gegen das Gesetz vor dem Bundesverfassungsgericht zu klagen. Sie sieht die "
     "Chancengleichheit kleinerer Parteien verletzt.\n"
     "Das Gesetz muss noch den Bundesrat passieren, der aber nicht zustimmen muss.\n",
     "Bundestag beschließt Reform des Wahlrechts", "Politik", "2025-04-17T19:10",
     "Das Parlament wird von der nächsten Wahl an kleiner.",
     "Der Bundestag hat am Donnerstag",
     "der aber nicht zustimmen muss.",
     {"630 Abgeordnete"},
     {NULL},
     "ARD", NULL},

    {"uk-direct-speech",
     "ІНТЕРВ'Ю\n"
     "17 квітня 2025, 11:00\n"
     "Директорка музею: «Ми евакуювали понад п'ять тисяч експонатів»\n"
     "Розмова про те, як працює музей під час війни.\n"
     "Ми зустрілися з директоркою обласного художнього музею в її кабінеті, де досі стоять порожні рами від "
     "картин, які вивезли в перші тижні війни.\n"
     "– Скільки експонатів вдалося вивезти?\n"
     "– Понад п'ять тисяч. Найцінніші роботи ми пакували вночі, бо вдень постійно лунали тривоги, а "
     "транспорт нам надали лише на дві доби.\n"
     "– Чи повернулися вони до музею?\n"
     "– Частково. Цієї весни ми відкрили дві зали з графікою, і люди прийшли вже першого дня, хоча "
     "виставка маленька.\n"
     "Поділитися\n",
     "Директорка музею: «Ми евакуювали понад п'ять тисяч експонатів»", "Інтерв'ю", "2025-04-17T11:00",
     "Розмова про те, як працює музей під час війни.",
     "Ми зустрілися з директоркою",
     "хоча виставка маленька.",
     {"– Скільки експонатів вдалося вивезти?", "– Понад п'ять тисяч."},
     {"Поділитися"},
     NULL, NULL},

    {"de-date-at-margin",
     "Vereinsnachrichten\n\n"
     "Jugendmannschaft gewinnt das Hallenturnier\n\n"
     "Unsere B-Jugend hat am Wochenende das Hallenturnier in der Kreissporthalle gewonnen. Im Finale setzte "
     "sich die Mannschaft mit drei zu eins gegen den Gastgeber durch.\n\n"
     "Der Trainer lobte vor allem die Abwehr, die im ganzen Turnier nur vier Gegentore zuließ. Die Siegerprämie "
     "von 300 Euro fließt in die Mannschaftskasse.\n\n"
     "Weitere Meldungen\n\n"
     "5. Juli 2018 weiterlesen\n"
     "Sommerfest am Vereinsheim\n"
     "23. Mai 2018 weiterlesen\n"
     "Neue Trikots für die Damen\n",
     "Jugendmannschaft gewinnt das Hallenturnier", NULL, NULL, NULL,
     "Unsere B-Jugend hat am Wochenende",
     "fließt in die Mannschaftskasse.",
     {"drei zu eins"},
     {"Weitere Meldungen", "Juli 2018", "Sommerfest", "Trikots"},
     NULL, NULL},

    {"en-author-bio-comment-form",
     "Science\n"
     "Bees learn to count to four, experiment suggests\n"
     "By Jane Miller\n"
     "Honeybees trained with sugar rewards learned to pick the card showing four dots over cards with two or "
     "three, researchers reported in a study published on Tuesday.\n"
     "The bees kept choosing the right card after the rewards were removed, which the authors say shows that "
     "they were counting rather than judging the area covered by the dots.\n"
     "Other scientists said the result would need to be repeated with larger numbers before firm conclusions "
     "could be drawn about how insects handle quantities.\n"
     "Jane Miller is a science reporter who covers biology and the environment. She previously worked for a "
     "regional newspaper in Oregon.\n"
     "Leave a comment\n"
     "Your email address will not be published. Required fields are marked *\n"
     "Great story, my kids loved reading about the clever bees and want to try counting with our own garden "
     "bees this summer.\n",
     "Bees learn to count to four, experiment suggests", "Science", NULL, NULL,
     "Honeybees trained with sugar rewards",
     "how insects handle quantities.",
     {"counting rather than judging the area"},
     {"is a science reporter", "Leave a comment", "email address", "Great story"},
     NULL, "Jane Miller"},

    {"en-table-inside-body",
     "Sports\n"
     "Local marathon sets participation record\n"
     "A record 8,412 runners finished the city marathon on Sunday, organisers said, beating the previous mark "
     "set in 2019 by more than a thousand.\n"
     "The top finishers were:\n"
     "Place   Runner            Time\n"
     "1       Daniel Kiprop     2:09:14\n"
     "2       Samuel Otieno     2:09:51\n"
     "3       Luis Moreno       2:11:03\n"
     "Organisers said the cool weather helped, and that next year's race would move to an earlier start to "
     "avoid traffic on the bridge.\n",
     "Local marathon sets participation record", "Sports", NULL, NULL,
     "A record 8,412 runners",
     "avoid traffic on the bridge.",
     {"Daniel Kiprop", "2:11:03"},
     {NULL},
     NULL, NULL},
};

/* ------------------------------------------------------------ special cases */

static void test_seed(void)
{
    const char *path = "../shared/seed/000_bdf201763a9a50ac.txt";
    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("test_textmode: %s absent: seed case skipped\n", path);
        CHECK(1);
        return;
    }
    static char data[1 << 20];
    size_t n = fread(data, 1, sizeof data - 1, f);
    fclose(f);
    pith_status st;
    pith_doc *doc = extract(data, n, 0, &st);
    CHECK_INT(st, PITH_OK);
    if (!doc)
        return;
    CHECK_STR(pith_doc_field(doc, PITH_FIELD_TITLE, NULL),
              "НАТО прагне побудувати практичну співпрацю з Південною Кореєю щодо України");
    CHECK_STR(pith_doc_field(doc, PITH_FIELD_SECTION, NULL), "Світ");
    CHECK(starts(pith_doc_field(doc, PITH_FIELD_PUBLISHED, NULL), "2024-07-06T15:29"));
    CHECK_STR(pith_doc_field(doc, PITH_FIELD_LEAD, NULL),
              "НАТО планує зміцнити співпрацю з Південною Кореєю також щодо кіберпростору та нових технологій.");
    const char *text = pith_doc_text(doc, NULL);
    CHECK(starts(text, "Генеральний секретар НАТО"));
    CHECK(ends(text, "для спільної розробки військової техніки."));
    CHECK(!strstr(text, "НАТО прагне побудувати")); /* the second copy of the headline */
    CHECK(!strstr(text, "вибір редакції"));
    CHECK(!strstr(text, "Читайте також"));
    CHECK(!strstr(text, "шахеди"));
    CHECK(!strstr(text, "вчора"));
    CHECK_INT(pith_doc_block_count(doc), 11);
    CHECK_INT(pith_doc_list_count(doc, PITH_LIST_SOURCES), 1);
    CHECK_STR(pith_doc_list_item(doc, PITH_LIST_SOURCES, 0, NULL), "Yonhap");
    CHECK_STR(pith_doc_field(doc, PITH_FIELD_LANGUAGE, NULL), "uk");
    pith_doc_free(doc);
}

/* Empty, blank and furniture-only inputs give PITH_ENOCONTENT, never a crash. */
static void test_empty(void)
{
    const char *inputs[] = {"", "\n\n\n", "   \t  \r\n  ", "[logo]\n[    ]\n[Search]\n"};
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        pith_status st;
        pith_doc *doc = extract(inputs[i], strlen(inputs[i]), 0, &st);
        CHECK_INT(st, PITH_ENOCONTENT);
        CHECK_INT(pith_doc_block_count(doc), 0);
        pith_doc_free(doc);
    }
}

/* A bare paragraph (what a scraper gives for the body alone) is kept whole. */
static void test_bare_paragraph(void)
{
    const char *t = "The committee will meet again next week to discuss the proposal in more detail.";
    pith_status st;
    pith_doc *doc = extract(t, strlen(t), 0, &st);
    CHECK_INT(st, PITH_OK);
    CHECK_STR(pith_doc_text(doc, NULL), t);
    CHECK(pith_doc_field(doc, PITH_FIELD_LEAD, NULL) == NULL);
    pith_doc_free(doc);
}

/* CRLF line ends, a WARC header block and invalid UTF-8 bytes. */
static void test_crlf_warc_bytes(void)
{
    const char *t = "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://example.org/a\r\n"
                    "Content-Length: 400\r\n\r\n"
                    "Home\r\nNews\r\nWeather\r\n"
                    "Snow closes mountain pass for the first time this year\r\n"
                    "The mountain pass was closed on Monday after heavy snow, and drivers were told to use the "
                    "coastal road instead, which adds about an hour to the trip.\r\n"
                    "Snowploughs are expected to reopen the pass by Wednesday \xff\xfe if the weather improves, the "
                    "roads department said in a statement.\r\n";
    pith_status st;
    pith_doc *doc = extract(t, strlen(t), 0, &st);
    CHECK_INT(st, PITH_OK);
    const char *text = pith_doc_text(doc, NULL);
    CHECK(starts(text, "The mountain pass was closed"));
    CHECK(!strstr(text, "WARC"));
    CHECK(!strstr(text, "\r"));
    CHECK(strstr(text, "\xef\xbf\xbd") != NULL || strstr(text, "Wednesday") != NULL);
    CHECK_STR(pith_doc_field(doc, PITH_FIELD_TITLE, NULL), "Snow closes mountain pass for the first time this year");
    pith_doc_free(doc);
}

/* Lone CR line ends (old Mac exports) and random bytes: no crash, lines split. */
static void test_cr_and_noise(void)
{
    const char *t = "Home\rNews\r\rHarbour crane toppled by storm\r\r"
                    "A crane at the harbour toppled during the storm on Sunday night, damaging two containers and "
                    "a stretch of the quay, the port authority said on Monday morning.\r\r"
                    "Nobody was hurt. Engineers are inspecting the other cranes, and the quay will stay closed "
                    "until the wreckage has been removed, probably by the end of the week.\r";
    pith_status st;
    pith_doc *doc = extract(t, strlen(t), 0, &st);
    CHECK_INT(st, PITH_OK);
    CHECK(starts(pith_doc_text(doc, NULL), "A crane at the harbour"));
    CHECK(!strstr(pith_doc_text(doc, NULL), "Home"));
    CHECK_STR(pith_doc_field(doc, PITH_FIELD_TITLE, NULL), "Harbour crane toppled by storm");
    pith_doc_free(doc);
    /* a deterministic pseudo-random byte soup with line breaks */
    static char noise[200000];
    uint32_t x = 2463534242u;
    for (size_t i = 0; i < sizeof noise; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        noise[i] = (x % 23 == 0) ? '\n' : (x % 31 == 0) ? '\r' : (char)(x >> 24);
    }
    doc = extract(noise, sizeof noise, 0, &st);
    CHECK(doc != NULL);
    CHECK(st == PITH_OK || st == PITH_ENOCONTENT);
    size_t len = 0;
    const char *text = pith_doc_text(doc, &len);
    CHECK(utf8_valid_prefix(text, len) == len);
    pith_doc_free(doc);
}

/* Hard-wrapped CJK text is joined without spaces; Latin text with one. */
static void test_wrap_join(void)
{
    char t[4096];
    snprintf(t, sizeof t,
             "Menu\n\n"
             "The new timetable takes effect on the first of June and adds three trains a day between the two\n"
             "cities, the railway said on Friday, after months of complaints about overcrowded carriages on the\n"
             "morning services and about delays on the single-track section near the river crossing.\n\n"
             "Passengers with season tickets will not pay more under the new timetable, and the railway promised\n"
             "to publish punctuality figures every month from now on, starting with the figures for the month of\n"
             "June, which will be posted at stations and on its website.\n\n"
             "Footer\n");
    pith_status st;
    pith_doc *doc = extract(t, strlen(t), 0, &st);
    CHECK_INT(st, PITH_OK);
    CHECK_INT(pith_doc_block_count(doc), 2);
    CHECK(strstr(pith_doc_text(doc, NULL), "between the two cities, the railway") != NULL);
    pith_doc_free(doc);
    const char *zh = "新闻\n\n"
                     "市政府周五宣布，从六月一日起，两座城市之间每天将增加三趟列车，以缓解早高峰时段车厢拥挤的问题。铁路部门表示，新时刻\n"
                     "表实施后季票价格不变，并将每月公布列车准点率数据，首份数据将于六月底在各车站和官方网站上发布。市民对此普遍表示欢迎，\n"
                     "认为这将大大方便日常通勤。\n\n"
                     "铁路公司还表示，将在明年年底前完成沿线车站的无障碍改造工程，并增加自助售票机的数量。预计改造完成后，车站的通行效率\n"
                     "将提高三成以上，乘客排队购票的时间也会明显缩短。\n";
    doc = extract(zh, strlen(zh), 0, &st);
    CHECK_INT(st, PITH_OK);
    const char *text = pith_doc_text(doc, NULL);
    CHECK(strstr(text, "新时刻表实施后") != NULL);
    CHECK(strstr(text, "通行效率将提高") != NULL);
    pith_doc_free(doc);
}

/* PITH_OPT_NO_METADATA: no fields, the same body without the lead. */
static void test_no_metadata(void)
{
    const tcase *c = &CASES[0];
    pith_status st;
    pith_doc *doc = extract(c->text, strlen(c->text), PITH_OPT_NO_METADATA, &st);
    CHECK_INT(st, PITH_OK);
    CHECK(pith_doc_field(doc, PITH_FIELD_TITLE, NULL) == NULL);
    CHECK(pith_doc_field(doc, PITH_FIELD_PUBLISHED, NULL) == NULL);
    CHECK(starts(pith_doc_text(doc, NULL), c->first));
    pith_doc_free(doc);
}

/* A long page of prose between long menus: linear work, sane output. */
static void test_large(void)
{
    size_t cap = 4u << 20, n = 0;
    char *t = malloc(cap);
    CHECK(t != NULL);
    if (!t)
        return;
    for (int i = 0; i < 2000 && n + 64 < cap; i++)
        n += (size_t)snprintf(t + n, cap - n, "  • Menu item %d\n", i);
    for (int i = 0; i < 3000 && n + 300 < cap; i++)
        n += (size_t)snprintf(t + n, cap - n,
                              "Paragraph %d of the report says that the river has been rising for a week and that the "
                              "council is ready to open the flood gates if it rises any further.\n\n",
                              i);
    pith_status st;
    pith_doc *doc = extract(t, n, 0, &st);
    CHECK_INT(st, PITH_OK);
    CHECK(pith_doc_block_count(doc) >= 2900);
    CHECK(!strstr(pith_doc_text(doc, NULL), "Menu item"));
    pith_doc_free(doc);
    free(t);
}

int main(void)
{
    if (pith_extractor_new(NULL, &EX, NULL) != PITH_OK)
        return 1;
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        int before = harness_fail;
        run_case(&CASES[i]);
        if (harness_fail != before)
            fprintf(stderr, "case %s failed\n", CASES[i].name);
    }
    test_seed();
    test_empty();
    test_bare_paragraph();
    test_crlf_warc_bytes();
    test_cr_and_noise();
    test_wrap_join();
    test_no_metadata();
    test_large();
    pith_extractor_free(EX);
    return harness_done("test_textmode");
}
