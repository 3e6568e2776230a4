/* features.c — per-node evidence for content selection, bottom-up.
 *
 * Takes the node tree from parse.c and fills, for every element, the totals
 * over its subtree: visible characters, characters inside links, sentence
 * punctuation, words and stopwords, paragraph-like descendants, links and
 * blocks. Nodes are stored in pre-order, so one reverse pass over the array
 * sees every child before its parent: no recursion, O(nodes).
 * It also flags short blocks whose own text is a furniture phrase ('Read
 * also', 'Читайте також', 'Share', ...) — a signal for clean.c, not a cut.
 */
#include "internal.h"
#include "lang.h"

#include <string.h>

/* Furniture phrases: lower-case prefixes of short blocks that are site furniture.
 * Kept generic (no site names). Cyrillic entries cover Ukrainian and Russian. */
typedef struct phrase {
    const char *s;
    uint8_t len;
} phrase;
#define PH(x) {x, sizeof(x) - 1}
static const phrase FURNITURE[] = {
    PH("read also"), PH("read more"), PH("see also"), PH("related"), PH("more on this"), PH("more from"),
    PH("you may also like"), PH("you might also like"), PH("recommended"), PH("most read"),
    PH("most popular"), PH("popular"), PH("trending"), PH("editor's choice"), PH("editors' choice"),
    PH("editor’s choice"), PH("share this"), PH("share on"), PH("share:"), PH("share"), PH("subscribe"),
    PH("sign up"), PH("newsletter"), PH("follow us"), PH("advertisement"), PH("sponsored"), PH("ad:"),
    PH("comments"), PH("leave a comment"), PH("leave a reply"), PH("cookie"), PH("we use cookies"),
    PH("this website uses cookies"), PH("accept all"), PH("tags:"), PH("tags"), PH("filed under"),
    PH("categories:"), PH("previous article"), PH("next article"), PH("previous post"), PH("next post"),
    PH("back to top"), PH("skip to"), PH("all rights reserved"), PH("related articles"), PH("related posts"),
    PH("related stories"), PH("more stories"), PH("latest news"), PH("top stories"), PH("print"),
    PH("lesen sie auch"), PH("mehr zum thema"), PH("das könnte sie auch interessieren"), PH("anzeige"),
    PH("teilen"), PH("weitere artikel"), PH("empfohlen"), PH("meistgelesen"), PH("lire aussi"),
    PH("à lire aussi"), PH("voir aussi"), PH("partager"), PH("lee también"), PH("leer más"), PH("compartir"),
    PH("leggi anche"), PH("condividi"), PH("czytaj też"), PH("czytaj także"), PH("zobacz też"),
    PH("udostępnij"), PH("ähnliche beiträge"), PH("ähnliche artikel"), PH("auch interessant"),
    PH("weitere beiträge"), PH("verwandte artikel"), PH("dieser eintrag wurde"), PH("der beitrag wurde"),
    PH("veröffentlicht in"), PH("kategorie:"), PH("kategorien:"), PH("schlagwörter"), PH("schlagworte"),
    PH("this entry was posted"), PH("posted in"), PH("related posts"), PH("recent posts"),
    PH("popular posts"), PH("latest posts"), PH("you may also be interested"), PH("more articles"),
    PH("more news"), PH("further reading"), PH("share this:"), PH("like this:"), PH("gefällt mir"),
    PH("teile diesen"), PH("diesen beitrag teilen"), PH("artikel teilen"), PH("article suivant"),
    PH("articles similaires"), PH("sur le même sujet"), PH("artículos relacionados"),
    PH("noticias relacionadas"), PH("articoli correlati"), PH("podobne artykuły"), PH("powiązane artykuły"),
    PH("czytaj również"), PH("помітили помилку"), PH("нашли ошибку"), PH("заметили ошибку"), PH("found a typo"), PH("spotted a mistake"), PH("load more"), PH("show more"), PH("mehr laden"), PH("mehr anzeigen"), PH("завантажити ще"), PH("завантажити попередні"), PH("оновити стрічку"), PH("загрузить еще"), PH("показать еще"), PH("показати ще"), PH("відкрити на весь екран"), PH("открыть на весь экран"), PH("open in full screen"), PH("view full screen"), PH("full screen"), PH("vollbild"), PH("im vollbild"), PH("plein écran"), PH("pantalla completa"), PH("weiterlesen"), PH("stichworte"), PH("kommentieren"), PH("das könnte dich auch interessieren"), PH("ähnliche themen"), PH("related coverage"), PH("recommended for you"), PH("читайте більше"), PH("читайте больше"), PH("читайте також"), PH("читайте нас"), PH("дивіться також"), PH("вибір редакції"),
    PH("новини партнерів"), PH("головне за день"), PH("головне"), PH("підписуйтесь"), PH("підпишіться"),
    PH("поділитися"), PH("популярне"), PH("останні новини"), PH("новини за темою"), PH("реклама"), PH("теги"),
    PH("коментарі"), PH("читайте также"), PH("смотрите также"), PH("выбор редакции"), PH("новости партнеров"),
    PH("новости партнёров"), PH("главное за день"), PH("подписывайтесь"), PH("подпишитесь"), PH("поделиться"),
    PH("популярное"), PH("последние новости"), PH("новости по теме"), PH("комментарии"),
};
#undef PH

int text_is_furniture_phrase(const char *s, size_t n)
{
    char low[160];
    while (n && (*s == ' ' || *s == '>' || *s == '*' || *s == '-' || *s == '|'))
        s++, n--;
    if (n == 0 || n > 120)
        return 0;
    size_t k = utf8_fold(s, n, low, sizeof low - 1);
    low[k] = '\0';
    for (size_t i = 0; i < sizeof FURNITURE / sizeof FURNITURE[0]; i++) {
        size_t fl = FURNITURE[i].len;
        if (fl <= k && low[0] == FURNITURE[i].s[0] && memcmp(low, FURNITURE[i].s, fl) == 0) {
            /* the phrase must end at a word boundary */
            unsigned char next = fl < k ? (unsigned char)low[fl] : ' ';
            if (next == ' ' || next == ':' || next == '.' || next == '!' || next == '?' || next == ',' ||
                next == '|' || next == '>' ||
                next == 0xc2 || next == 0xe2 || next == '-' || next == '/' || next == ')')
                return 1;
        }
    }
    return 0;
}

void features_compute(page *pg)
{
    node *N = pg->nodes;
    uint32_t n = pg->n_nodes;
    /* Reverse pre-order: children (higher ids) are complete before their parent. */
    for (uint32_t i = n; i-- > 1;) {
        node *x = &N[i];
        unsigned cls = tag_class((tag)x->tag);
        if (x->tag == T_TEXT) {
            unsigned words = 0;
            x->stopwords = lang_stopwords(node_text(pg, x), x->text_len, &words);
            x->words = words;
        } else {
            if (x->tag == T_A) {
                x->link_chars = x->chars;
                x->links++;
            }
            if (cls & TC_BLOCK)
                x->blocks++;
            if (x->tag == T_LI && x->lis < 65535)
                x->lis++;
            if (x->tag == T_IMG && x->imgs < 65535)
                x->imgs++;
            if ((x->tag == T_INPUT || x->tag == T_SELECT || x->tag == T_TEXTAREA) &&
                x->inputs < 65535)
                x->inputs++;
            if (x->tag == T_P && x->ps < 65535)
                x->ps++;
            /* paragraph-like: p/li/td/pre/dd, or a container holding text but no blocks */
            int paraish = (cls & TC_PARA) || ((cls & TC_CONTAINER) && x->blocks <= 1 && x->tag != T_ROOT);
            if (paraish && x->chars >= 25 && x->link_chars * 2 < x->chars) {
                if (x->paras == 0)
                    x->paras = 1;
            }
            if (((cls & TC_BLOCK) || x->tag == T_A) && x->chars && x->chars < 120) {
                /* own text of a short block: is it a furniture phrase? */
                const node *f = x->first ? &N[x->first] : NULL;
                while (f && f->tag != T_TEXT && f->first && !(tag_class((tag)f->tag) & TC_BLOCK))
                    f = &N[f->first];
                if (f && f->tag == T_TEXT && text_is_furniture_phrase(node_text(pg, f), f->text_len))
                    x->hints |= H_FURNITURE_TEXT;
            }
        }
        /* <noscript> is what browsers with scripts do not show: hidden, unless
         * it swallowed real article text (an unclosed element inside it) */
        if (x->tag == T_NOSCRIPT && !(x->paras >= 2 && x->chars >= 300))
            x->hints |= H_HIDDEN;
        node *p = &N[x->parent];
        if (x->inputs && p->inputs < 65535 - x->inputs)
            p->inputs = (uint16_t)(p->inputs + x->inputs); /* forms count even when hidden */
        if (x->hints & H_HIDDEN)
            continue; /* hidden subtrees contribute nothing */
        if ((cls & TC_DROP) && x->tag != T_INPUT && x->tag != T_SELECT && x->tag != T_TEXTAREA)
            continue;
        p->chars += x->chars;
        p->link_chars += x->link_chars;
        p->punct += x->punct;
        p->words += x->words;
        p->stopwords += x->stopwords;
        p->paras += x->paras;
        p->links += x->links;
        p->blocks += x->blocks;
        if (x->tag == T_TEXT) {
            /* text is part of the parent's own inline text ... */
            p->inl_chars += x->chars;
            p->inl_punct += x->punct;
        } else if (!(cls & TC_BLOCK)) {
            /* ... and so is the inline text of inline elements (not blocks nested in them) */
            if (x->tag == T_A)
                x->inl_link = x->inl_chars;
            p->inl_chars += x->inl_chars;
            p->inl_link += x->inl_link;
            p->inl_punct += x->inl_punct;
        }
        p->lis = (uint16_t)(p->lis + x->lis > 65535 ? 65535 : p->lis + x->lis);
        p->imgs = (uint16_t)(p->imgs + x->imgs > 65535 ? 65535 : p->imgs + x->imgs);
        p->ps = (uint16_t)(p->ps + x->ps > 65535 ? 65535 : p->ps + x->ps);
    }
    pg->body_chars = pg->body ? N[pg->body].chars : N[0].chars;
}
