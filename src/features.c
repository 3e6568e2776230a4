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
static const phrase FURNITURE[] = { /* sorted by bytes: searched by first byte */
    PH("accept all"), PH("ad:"), PH("advertisement"), PH("all rights reserved"), PH("anzeige"),
    PH("article suivant"), PH("articles similaires"), PH("articoli correlati"), PH("artikel teilen"),
    PH("artículos relacionados"), PH("auch interessant"), PH("back to top"), PH("categories:"),
    PH("comments"), PH("compartir"), PH("condividi"), PH("cookie"), PH("czytaj również"), PH("czytaj także"),
    PH("czytaj też"), PH("das könnte dich auch interessieren"), PH("das könnte sie auch interessieren"),
    PH("der beitrag wurde"), PH("diesen beitrag teilen"), PH("dieser eintrag wurde"), PH("editor's choice"),
    PH("editors' choice"), PH("editor’s choice"), PH("empfohlen"), PH("filed under"), PH("follow us"),
    PH("found a typo"), PH("full screen"), PH("further reading"), PH("gefällt mir"), PH("im vollbild"),
    PH("kategorie:"), PH("kategorien:"), PH("kommentieren"), PH("latest news"), PH("latest posts"),
    PH("leave a comment"), PH("leave a reply"), PH("lee también"), PH("leer más"), PH("leggi anche"),
    PH("lesen sie auch"), PH("like this:"), PH("lire aussi"), PH("load more"), PH("mehr anzeigen"),
    PH("mehr laden"), PH("mehr zum thema"), PH("meistgelesen"), PH("more articles"), PH("more from"),
    PH("more news"), PH("more on this"), PH("more stories"), PH("most popular"), PH("most read"),
    PH("newsletter"), PH("next article"), PH("next post"), PH("noticias relacionadas"),
    PH("open in full screen"), PH("pantalla completa"), PH("partager"), PH("plein écran"),
    PH("podobne artykuły"), PH("popular"), PH("popular posts"), PH("posted in"), PH("powiązane artykuły"),
    PH("previous article"), PH("previous post"), PH("print"), PH("read also"), PH("read more"),
    PH("recent posts"), PH("reklama"), PH("recommended"), PH("recommended for you"), PH("related"), PH("related articles"),
    PH("related coverage"), PH("related posts"), PH("related stories"), PH("schlagworte"), PH("schon gelesen"), PH("schlagwörter"),
    PH("see also"), PH("share"), PH("share on"), PH("share this"), PH("share this:"), PH("share:"),
    PH("show more"), PH("sign up"), PH("skip to"), PH("sponsored"), PH("spotted a mistake"), PH("stichworte"),
    PH("subscribe"), PH("sur le même sujet"), PH("tags"), PH("tags:"), PH("teile diesen"), PH("teilen"),
    PH("this entry was posted"), PH("this website uses cookies"), PH("top stories"), PH("trending"),
    PH("udostępnij"), PH("verwandte artikel"), PH("veröffentlicht in"), PH("view full screen"),
    PH("voir aussi"), PH("vollbild"), PH("we use cookies"), PH("weitere artikel"), PH("weitere beiträge"),
    PH("weiterlesen"), PH("werbung"), PH("you may also be interested"), PH("you may also like"), PH("you might also like"),
    PH("zobacz też"), PH("zum weiterlesen"), PH("à lire aussi"), PH("ähnliche artikel"), PH("ähnliche beiträge"),
    PH("ähnliche themen"), PH("вибір редакції"), PH("выбор редакции"), PH("відкрити на весь екран"),
    PH("главное за день"), PH("головне"), PH("головне за день"), PH("дивіться також"),
    PH("завантажити попередні"), PH("завантажити ще"), PH("загрузить еще"), PH("заметили ошибку"),
    PH("коментарі"), PH("комментарии"), PH("нашли ошибку"), PH("новини за темою"), PH("новини партнерів"),
    PH("новости партнеров"), PH("новости партнёров"), PH("новости по теме"), PH("оновити стрічку"),
    PH("останні новини"), PH("открыть на весь экран"), PH("поделиться"), PH("подписывайтесь"),
    PH("подпишитесь"), PH("поділитися"), PH("показати ще"), PH("показать еще"), PH("помітили помилку"),
    PH("популярне"), PH("популярное"), PH("последние новости"), PH("підписуйтесь"), PH("підпишіться"),
    PH("реклама"), PH("смотрите также"), PH("теги"), PH("читайте больше"), PH("читайте більше"),
    PH("читайте нас"), PH("читайте также"), PH("читайте також"),
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
    size_t lo = 0, hi = sizeof FURNITURE / sizeof FURNITURE[0];
    while (lo < hi) { /* first phrase starting with low[0] */
        size_t mid = (lo + hi) / 2;
        if ((unsigned char)FURNITURE[mid].s[0] < (unsigned char)low[0])
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < sizeof FURNITURE / sizeof FURNITURE[0] && FURNITURE[i].s[0] == low[0]; i++) {
        size_t fl = FURNITURE[i].len;
        if (fl <= k && memcmp(low, FURNITURE[i].s, fl) == 0) {
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
        if (x->hints & H_HIDDEN)
            continue; /* hidden subtrees contribute nothing (a hidden "send to a
                         friend" form must not make its container look like one) */
        if (x->inputs && p->inputs < 65535 - x->inputs)
            p->inputs = (uint16_t)(p->inputs + x->inputs);
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
