/* blocks.c — the selected region as output blocks, in reading order.
 *
 * Takes pg->sel with clean.c's marks and appends pith_blocks to the doc:
 * paragraphs, headings (level), list items (nesting level, ordered flag),
 * quote paragraphs, code (whitespace kept), table rows (cells joined by
 * TAB; layout tables whose cells hold paragraphs are read as containers),
 * captions. Inline text is joined with single spaces; <br> is a line break
 * and two of them end a paragraph. The walk is iterative over the node
 * links, with a frame stack bounded by the tree depth.
 */
#include "internal.h"
#include "dates.h"
#include "lang.h"

#include <string.h>

typedef struct frame {
    nid id;
    pith_block_kind kind;
    unsigned level;
    unsigned flags;
    uint8_t cell;      /* a data-table cell: text joins the row */
    uint8_t by_name;   /* caption recognised by class name */
    uint8_t data_row;  /* a table row emitted as one block */
} frame;

typedef struct emitter {
    page *pg;
    pith_doc *doc;
    pith_part part;
    buf cur;           /* inline text of the open block */
    frame *st;
    unsigned depth, cap;
    int brs;           /* consecutive <br> */
    unsigned in_a;     /* open <a> elements */
    nid last_text_parent; /* element of the last text appended */
    size_t link_bytes; /* bytes of cur that came from inside <a> */
    int failed;
} emitter;

int doc_add_block(pith_doc *doc, pith_block_kind kind, pith_part part, unsigned level, unsigned flags,
                  const char *text, size_t len)
{
    if (doc->n_blocks == doc->cap_blocks) {
        size_t nc = doc->cap_blocks ? doc->cap_blocks * 2 : 32;
        out_block *nb = arena_realloc(&doc->mem, doc->blocks, doc->cap_blocks * sizeof(out_block),
                                      nc * sizeof(out_block));
        if (!nb)
            return -1;
        doc->blocks = nb;
        doc->cap_blocks = nc;
    }
    char *t = arena_strndup(&doc->mem, text, len);
    if (!t)
        return -1;
    out_block *b = &doc->blocks[doc->n_blocks++];
    b->kind = kind;
    b->part = part;
    b->level = level;
    b->flags = flags;
    b->text = t;
    b->len = len;
    b->link_bytes = 0;
    b->by_name = 0;
    return 0;
}

/* Trim and collapse spaces around newlines, then add the block. */
static void flush(emitter *e)
{
    if (e->cur.len == 0 || e->failed)
        return;
    frame *f = &e->st[e->depth - 1];
    pith_block_kind kind = f->kind;
    char *s = e->cur.data;
    size_t n = e->cur.len, o = 0;
    if (kind == PITH_BLOCK_CODE) {
        /* keep white space; drop leading/trailing blank lines */
        size_t a = 0;
        while (a < n && (s[a] == '\n' || s[a] == ' ' || s[a] == '\t')) {
            size_t b = a;
            while (b < n && (s[b] == ' ' || s[b] == '\t'))
                b++;
            if (b < n && s[b] != '\n')
                break;
            a = b + 1;
        }
        while (n > a && (s[n - 1] == '\n' || s[n - 1] == ' ' || s[n - 1] == '\t'))
            n--;
        if (n > a && doc_add_block(e->doc, kind, e->part, f->level, f->flags, s + a, n - a))
            e->failed = 1;
        buf_clear(&e->cur);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ') {
            if (o == 0 || s[o - 1] == ' ' || s[o - 1] == '\n' || s[o - 1] == '\t')
                continue;
        } else if (c == '\n' || c == '\t') {
            while (o && s[o - 1] == ' ')
                o--;
            if (o == 0 || s[o - 1] == '\n')
                continue;
        }
        s[o++] = c;
    }
    while (o && (s[o - 1] == ' ' || s[o - 1] == '\n' || s[o - 1] == '\t'))
        o--;
    if (o && doc_add_block(e->doc, kind, e->part, f->level, f->flags, s, o))
        e->failed = 1;
    else if (o) {
        out_block *nb = &e->doc->blocks[e->doc->n_blocks - 1];
        nb->link_bytes = (uint32_t)(e->link_bytes < o ? e->link_bytes : o);
        nb->by_name = f->by_name;
    }
    buf_clear(&e->cur);
    e->link_bytes = 0;
}

static int push(emitter *e, frame f)
{
    if (e->depth == e->cap) {
        unsigned nc = e->cap ? e->cap * 2 : 64;
        frame *ns = arena_realloc(e->pg->mem, e->st, e->cap * sizeof(frame), nc * sizeof(frame));
        if (!ns) {
            e->failed = 1;
            return -1;
        }
        e->st = ns;
        e->cap = nc;
    }
    e->st[e->depth++] = f;
    return 0;
}

static int skip_node(const page *pg, const node *x, pith_part part)
{
    if (x->tag == T_TEXT)
        return 0;
    if (tag_class((tag)x->tag) & TC_DROP)
        return 1;
    if (x->hints & H_HIDDEN)
        return 1;
    if (x->mark == MARK_REMOVED)
        return 1;
    if (x->mark == MARK_COMMENTS && part == PITH_PART_BODY)
        return 1;
    (void)pg;
    return 0;
}

static int is_data_row(const page *pg, const node *tr)
{
    const node *N = pg->nodes;
    int cells = 0;
    for (nid c = tr->first; c; c = N[c].next) {
        const node *x = &N[c];
        if (x->tag == T_TD || x->tag == T_TH) {
            cells++;
            if (x->blocks > 1 || x->chars > 400)
                return 0;
        }
    }
    return cells > 0;
}

static void enter(emitter *e, nid id)
{
    page *pg = e->pg;
    const node *x = &pg->nodes[id];
    tag t = (tag)x->tag;
    if (t == T_TEXT) {
        if (!x->text_len)
            return;
        const char *s = node_text(pg, x);
        size_t n = x->text_len;
        if (e->cur.len && e->cur.data[e->cur.len - 1] == ' ' && s[0] == ' ') {
            s++;
            n--;
        }
        if (n && !(n == 1 && s[0] == ' ' && e->cur.len == 0)) {
            /* a word and a number from neighbouring elements ("СВІТ" in a link,
             * "06.07.2024" in a span) are separate, whatever the CSS did */
            if (e->cur.len && x->parent != e->last_text_parent && s[0] != ' ') {
                unsigned char a = (unsigned char)e->cur.data[e->cur.len - 1], b = (unsigned char)s[0];
                int ad = a >= '0' && a <= '9', bd = b >= '0' && b <= '9';
                int al = (a >= 'A' && a <= 'Z') || (a >= 'a' && a <= 'z') || a >= 0x80;
                int bl = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || b >= 0x80;
                if ((ad && bl) || (al && bd))
                    buf_putc(&e->cur, ' ');
            }
            e->last_text_parent = x->parent;
            buf_put(&e->cur, s, n);
            if (e->in_a)
                e->link_bytes += n;
        }
        if (x->chars)
            e->brs = 0;
        return;
    }
    if (t == T_BR) {
        frame *f = &e->st[e->depth - 1];
        if (f->kind == PITH_BLOCK_CODE) {
            buf_putc(&e->cur, '\n');
        } else if (++e->brs >= 2 && !f->cell) {
            flush(e);
        } else if (!f->cell) {
            buf_putc(&e->cur, '\n');
        } else {
            buf_putc(&e->cur, ' ');
        }
        return;
    }
    unsigned cls = tag_class(t);
    if (t == T_A)
        e->in_a++;
    if (!(cls & TC_BLOCK))
        return;
    frame *parent = &e->st[e->depth - 1];
    frame f = *parent;
    f.id = id;
    f.cell = 0;
    f.data_row = 0;
    if (parent->data_row && (t == T_TD || t == T_TH)) {
        /* a cell of a data row: separate from the previous cell */
        if (e->cur.len)
            buf_putc(&e->cur, '\t');
        f.cell = 1;
        push(e, f);
        return;
    }
    if (parent->cell) {
        buf_putc(&e->cur, ' ');
        f.cell = 1;
        push(e, f);
        return;
    }
    flush(e);
    e->brs = 0;
    if (parent->kind == PITH_BLOCK_CODE) {
        push(e, f);
        return;
    }
    switch (t) {
    case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6:
        f.kind = PITH_BLOCK_HEADING;
        f.level = (unsigned)(t - T_H1 + 1);
        f.flags = 0;
        break;
    case T_PRE:
        f.kind = PITH_BLOCK_CODE;
        f.level = 0;
        f.flags = 0;
        break;
    case T_UL: case T_OL: case T_MENU:
        f.flags = t == T_OL ? PITH_BLOCK_ORDERED : 0;
        f.level = parent->kind == PITH_BLOCK_LIST_ITEM ? parent->level : 0;
        f.kind = parent->kind == PITH_BLOCK_QUOTE ? PITH_BLOCK_QUOTE : parent->kind;
        f.data_row = 0;
        /* remember list type in the frame for the items */
        f.cell = 0;
        if (f.kind != PITH_BLOCK_QUOTE) {
            f.kind = PITH_BLOCK_PARAGRAPH;
            f.level = f.level; /* items add one */
        }
        break;
    case T_LI:
        if (parent->kind != PITH_BLOCK_QUOTE) {
            f.kind = PITH_BLOCK_LIST_ITEM;
            f.level = parent->level + 1;
            f.flags = parent->flags & PITH_BLOCK_ORDERED;
        }
        break;
    case T_BLOCKQUOTE:
        f.kind = PITH_BLOCK_QUOTE;
        f.level = parent->kind == PITH_BLOCK_QUOTE ? parent->level + 1 : 1;
        f.flags = 0;
        break;
    case T_TR:
        if (is_data_row(pg, x)) {
            f.kind = PITH_BLOCK_TABLE_ROW;
            f.level = 0;
            f.flags = 0;
            int header = 1;
            for (nid c = x->first; c; c = pg->nodes[c].next)
                if (pg->nodes[c].tag == T_TD)
                    header = 0;
            if (header)
                f.flags |= PITH_BLOCK_HEADER;
            if (parent->kind != PITH_BLOCK_TABLE_ROW) {
                /* first data row of this table? */
                const node *p = &pg->nodes[x->parent];
                nid first_tr = 0;
                const node *tbl = p->tag == T_TABLE ? p : &pg->nodes[p->parent];
                for (nid c = tbl->first; c && !first_tr; c = pg->nodes[c].next) {
                    if (pg->nodes[c].tag == T_TR)
                        first_tr = c;
                    else if (pg->nodes[c].tag == T_THEAD || pg->nodes[c].tag == T_TBODY)
                        for (nid d = pg->nodes[c].first; d && !first_tr; d = pg->nodes[d].next)
                            if (pg->nodes[d].tag == T_TR)
                                first_tr = d;
                }
                if (first_tr == id)
                    f.flags |= PITH_BLOCK_TABLE_START;
            }
            f.data_row = 1;
        } else {
            f.kind = PITH_BLOCK_PARAGRAPH;
        }
        break;
    case T_CAPTION: case T_FIGCAPTION:
        f.by_name = 0;
        /* fall through */
    caption:
        f.kind = PITH_BLOCK_CAPTION;
        f.level = 0;
        f.flags = 0;
        break;
    case T_TABLE: case T_THEAD: case T_TBODY: case T_TFOOT: case T_TD: case T_TH:
        if (parent->kind == PITH_BLOCK_TABLE_ROW)
            f.kind = PITH_BLOCK_PARAGRAPH;
        break;
    default:
        /* elements named caption/credit (wp-caption-text, figure__text) are captions */
        if ((x->hints & H_CAPTION) && x->chars < 600 && parent->kind != PITH_BLOCK_CODE) {
            f.by_name = 1;
            goto caption;
        }
        /* containers and paragraphs keep the context (quote, list item), else paragraph */
        if (parent->kind == PITH_BLOCK_HEADING || parent->kind == PITH_BLOCK_CAPTION ||
            parent->kind == PITH_BLOCK_TABLE_ROW)
            f.kind = PITH_BLOCK_PARAGRAPH, f.level = 0, f.flags = 0;
        break;
    }
    push(e, f);
}

static void leave(emitter *e, nid id)
{
    const node *x = &e->pg->nodes[id];
    if (x->tag == T_TEXT || x->tag == T_BR)
        return;
    if (x->tag == T_A && e->in_a)
        e->in_a--;
    if (!(tag_class((tag)x->tag) & TC_BLOCK))
        return;
    if (e->depth <= 1)
        return;
    frame *f = &e->st[e->depth - 1];
    if (f->cell) {
        e->depth--;
        return;
    }
    flush(e);
    e->brs = 0;
    e->depth--;
}

static void walk(emitter *e, nid r)
{
    page *pg = e->pg;
    node *N = pg->nodes;
    if (skip_node(pg, &N[r], e->part) && r != pg->comments)
        return;
    enter(e, r);
    nid x = r;
    for (;;) {
        nid c = N[x].first;
        while (c && skip_node(pg, &N[c], e->part))
            c = N[c].next;
        if (c) {
            x = c;
            enter(e, x);
            continue;
        }
        /* leave x and climb until a sibling is found */
        for (;;) {
            leave(e, x);
            if (x == r)
                return;
            nid s = N[x].next;
            while (s && skip_node(pg, &N[s], e->part))
                s = N[s].next;
            if (s) {
                x = s;
                enter(e, x);
                break;
            }
            x = N[x].parent;
        }
        if (e->failed)
            return;
    }
}

int blocks_emit(page *pg, pith_doc *doc)
{
    emitter e;
    memset(&e, 0, sizeof e);
    e.pg = pg;
    e.doc = doc;
    e.part = PITH_PART_BODY;
    frame root = {0, PITH_BLOCK_PARAGRAPH, 0, 0, 0, 0, 0};
    if (push(&e, root))
        return -1;
    for (uint32_t k = 0; k < pg->n_sel; k++) {
        walk(&e, pg->sel[k]);
        flush(&e);
        e.depth = 1;
    }
    if (pg->comments && (pg->opt->flags & PITH_OPT_COMMENTS)) {
        e.part = PITH_PART_COMMENTS;
        walk(&e, pg->comments);
        flush(&e);
    }
    buf_free(&e.cur);
    return e.failed || e.cur.failed ? -1 : 0;
}

int doc_finish_text(pith_doc *doc)
{
    /* The text is the article's prose with its figure and table captions;
     * caption-named elements that are not <figcaption>/<caption> (photo
     * credits, "wp-caption-text") stay in the blocks and renderings but not
     * in the plain text, where they would interrupt it. */
    size_t total = 0;
    for (size_t i = 0; i < doc->n_blocks; i++)
        if (doc->blocks[i].part == PITH_PART_BODY)
            total += doc->blocks[i].len + 1;
    char *t = arena_alloc(&doc->mem, total + 1);
    if (!t)
        return -1;
    size_t o = 0;
    for (size_t i = 0; i < doc->n_blocks; i++) {
        const out_block *b = &doc->blocks[i];
        if (b->part != PITH_PART_BODY || (b->kind == PITH_BLOCK_CAPTION && b->by_name))
            continue;
        if (o)
            t[o++] = '\n';
        memcpy(t + o, b->text, b->len);
        o += b->len;
    }
    t[o] = '\0';
    doc->text = t;
    doc->text_len = o;
    return 0;
}

/* Lower-case ASCII/Cyrillic substring test on a short block. */
static int block_has(const out_block *b, const char *const *needles, size_t k)
{
    char low[512];
    size_t n = utf8_fold(b->text, b->len < 240 ? b->len : 240, low, sizeof low - 1);
    low[n] = '\0';
    for (size_t i = 0; i < k; i++)
        if (strstr(low, needles[i]))
            return 1;
    return 0;
}

static int edge_boilerplate(const out_block *b)
{
    static const char *const LEGAL[] = {
        "©", "(c) 20", "copyright", "all rights reserved", "alle rechte vorbehalten", "tous droits réservés",
        "todos los derechos", "tutti i diritti", "wszelkie prawa", "всі права захищені", "все права защищены",
        "усі права захищені", "written permission", "permission must be obtained", "reproduction",
    };
    if (b->kind == PITH_BLOCK_CODE || b->kind == PITH_BLOCK_TABLE_ROW)
        return 0;
    if (b->len > 300)
        return 0;
    if (b->link_bytes * 10 > b->len * 6 && b->len < 160 && b->kind != PITH_BLOCK_HEADING)
        return 1; /* a link line: "next article", tags, share */
    if (text_is_furniture_phrase(b->text, b->len))
        return 1;
    if (block_has(b, LEGAL, sizeof LEGAL / sizeof LEGAL[0]))
        return 1;
    /* calls to action and paywall prompts that end an article */
    static const char *const CTA[] = {
        "free preview", "to continue reading", "already a subscriber", "subscribers get", "subscribe to read",
        "subscribe now", "sign in to read", "log in to read", "did you make this recipe", "rate this recipe",
        "leave a comment", "leave a note", "rate it ", "let us know in the comments", "share your thoughts",
        "weiterlesen mit",
        "jetzt abonnieren", "abonnenten lesen", "mit abo", "продовжити читання", "передплатіть",
        "оформіть передплату", "оформите подписку", "чтобы продолжить чтение", "pour lire la suite",
        "abonnez-vous", "suscríbete", "para seguir leyendo", "abbonati",
        /* newsletters, apps, channels, memberships */
        "newsletter", "sign up for our", "sign up to our", "signing up to our", "download our", "download the app",
        "download the free", "app for ios", "apps for ios", "straight to your phone", "follow us on", "follow us:",
        "on twitter and", "please subscribe", "subscribers also receive", "support our work", "consider supporting our",
        "if you enjoyed", "do you want to be informed", "help us continue", "submit your letter",
        "nichts mehr verpassen", "nichts mehr versäumen", "folgen sie uns", "folge uns auf", "gefällt dir unser",
        "gefällt ihnen unser", "kennt ihr schon unser", "unterstützen sie unser", "nicht eingeloggt",
        "müssen sich einloggen", "únete", "síguenos", "nuestro canal de", "hazte miembro", "hazte socio",
        "descarga la app", "suivez-nous", "inscrivez-vous", "téléchargez l'application", "seguici",
        "iscriviti alla", "scarica l'app", "siga-nos", "inscreva-se", "obserwuj nas", "zapisz się",
        "pobierz aplikację", "підписуйтесь", "підпишіться", "читайте нас", "приєднуйтесь", "телеграм-канал",
        "telegram-канал", "подписывайтесь", "подпишитесь", "присоединяйтесь",
        /* disclosures of advertising and affiliate links */
        "advertising disclosure", "advertising disclaimer", "may receive compensation", "may earn a commission",
        "affiliate link", "affiliate-link", "für links auf dieser seite", "enthält werbung", "provision vom",
    };
    if (block_has(b, CTA, sizeof CTA / sizeof CTA[0]))
        return 1;
    return 0;
}

/* ------------------------------------------------------------ photo credits */

static int is_alnum_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* A whole word (or phrase) of `low` equal to w. */
static int has_word(const char *low, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (const char *p = low; (size_t)(p - low) + k <= n; p++) {
        p = memchr(p, w[0], n - (size_t)(p - low));
        if (!p || (size_t)(p - low) + k > n)
            return 0;
        if (memcmp(p, w, k) == 0 && (p == low || !is_alnum_byte((unsigned char)p[-1])) &&
            ((size_t)(p - low) + k == n || !is_alnum_byte((unsigned char)p[k])))
            return 1;
    }
    return 0;
}

static unsigned count_words(const char *s, size_t n)
{
    unsigned w = 0;
    for (size_t i = 0; i < n; i++)
        w += s[i] != ' ' && s[i] != '\n' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\n');
    return w;
}

typedef struct folded {
    char low[128];
    size_t n;
} folded;

static void fold_short(const char *s, size_t n, folded *f)
{
    f->n = utf8_fold(s, n, f->low, sizeof f->low - 1);
    f->low[f->n] = '\0';
}

/* Starts with a credit label: "Foto:", "Photo:", "Фото:", "©" ... */
static int credit_label(const folded *f)
{
    static const char *const LABEL[] = {
        "foto:", "fotos:", "foto/", "photo:", "photos:", "photo/", "bild:", "bilder:", "image:", "images:",
        "credit:", "credits:", "crédit:", "crédits:", "crédito:", "créditos:", "fonte:", "fuente:", "quelle:",
        "source:", "фото:", "світлина:", "zdjęcie:", "fot.", "kuva:", "©", "(c) ",
    };
    for (size_t i = 0; i < sizeof LABEL / sizeof LABEL[0]; i++)
        if (!strncmp(f->low, LABEL[i], strlen(LABEL[i])))
            return 1;
    return 0;
}

/* Names a picture agency or stock library (whole words). */
static int credit_agency(const folded *f)
{
    static const char *const AGENCY[] = {
        "getty", "agence france-presse", "istock", "istockphoto", "shutterstock", "reuters", "afp", "dpa", "epa", "imago",
        "picture alliance", "picture-alliance", "keystone", "associated press", "ap", "anadolu", "xinhua",
        "efe", "ansa", "alamy", "unsplash", "pixabay", "adobe stock", "adobestock", "thinkstock",
        "depositphotos", "zuma", "sipa", "tass", "укрінформ", "уніан", "риа новости", "тасс",
    };
    for (size_t i = 0; i < sizeof AGENCY / sizeof AGENCY[0]; i++)
        if (has_word(f->low, f->n, AGENCY[i]))
            return 1;
    return 0;
}

/* "Name Surname/Outlet", "mlharing / Outlet.com": words on both sides of a slash. */
static int credit_slash(const folded *f)
{
    const char *sl = memchr(f->low, '/', f->n);
    if (!sl || sl == f->low || strstr(f->low, "://") || count_words(f->low, f->n) < 2)
        return 0;
    const char *a = sl - 1, *z = sl + 1;
    while (a > f->low && *a == ' ')
        a--;
    while (*z == ' ')
        z++;
    return is_alnum_byte((unsigned char)*a) && !(*a >= '0' && *a <= '9') && is_alnum_byte((unsigned char)*z) &&
           !(*z >= '0' && *z <= '9') && !memchr(f->low, '.', (size_t)(sl - f->low));
}

/* Length of b's text without a photo credit at its end: "(REUTERS/Denis
 * Balibouse)", "(Foto: ABr)", "© AFP / Marco Rossi", ". Foto: Verband/Name";
 * 0 when the whole block is a credit ("Judy Eddy/Outlet.com"); b->len when
 * there is none. Credits are short: at most 8 words, 90 bytes. */
static size_t credit_cut(const out_block *b)
{
    const char *s = b->text;
    size_t n = b->len;
    size_t from = n > 90 ? n - 90 : 0;
    size_t cut = n;
    folded f;
    /* a parenthesis closing the block */
    if (s[n - 1] == ')') {
        size_t o = n - 1;
        while (o > from && s[o - 1] != '(' && s[o - 1] != ')')
            o--;
        if (o > 0 && s[o - 1] == '(' && count_words(s + o, n - 1 - o) <= 8) {
            fold_short(s + o, n - 1 - o, &f);
            if (credit_label(&f) || credit_agency(&f) || credit_slash(&f))
                cut = o - 1;
        }
    }
    /* "©", or a credit label opening a sentence, running to the end */
    for (size_t i = from; i < n && cut == n; i++) {
        int copy = (unsigned char)s[i] == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA9 &&
                   (i == 0 || s[i - 1] == ' ');
        int opens = i == 0 || (i >= 2 && s[i - 1] == ' ' && strchr(".|-)", s[i - 2]));
        if (!copy && !opens)
            continue;
        if (count_words(s + i, n - i) > 8)
            continue;
        fold_short(s + i, n - i, &f);
        /* after a caption's last sentence, "Name/Agency — Agency" alone is a credit too */
        if (copy || credit_label(&f) || (i > 0 && credit_slash(&f) && (credit_agency(&f) || b->kind == PITH_BLOCK_CAPTION)))
            cut = i;
    }
    /* the whole block: a name with its outlet */
    if (cut == n && n <= 60 && count_words(s, n) <= 6) {
        fold_short(s, n, &f);
        if (credit_slash(&f) && (credit_agency(&f) || strchr(f.low, '.')) && !memchr(s, '\n', n))
            cut = 0;
    }
    while (cut > 0 && cut < n && (s[cut - 1] == ' ' || s[cut - 1] == '|' || s[cut - 1] == '-' || s[cut - 1] == ','))
        cut--;
    return cut;
}

/* Photo credits are not article text: cut them from the end of captions and
 * short paragraphs; a block that is only a credit stays in the blocks as a
 * caption but leaves the plain text (as caption-named credits do). */
void blocks_strip_credits(pith_doc *doc)
{
    for (size_t i = 0; i < doc->n_blocks; i++) {
        out_block *b = &doc->blocks[i];
        if (b->part != PITH_PART_BODY || b->len == 0 || b->len > 400 ||
            (b->kind != PITH_BLOCK_PARAGRAPH && b->kind != PITH_BLOCK_CAPTION))
            continue;
        size_t cut = credit_cut(b);
        if (cut == 0) {
            b->kind = PITH_BLOCK_CAPTION;
            b->by_name = 1;
        } else if (cut < b->len) {
            b->len = cut;
            ((char *)b->text)[cut] = '\0'; /* the doc's own copy (doc_add_block): block texts stay NUL-terminated */
        }
    }
}

/* A leading line that is not prose: a date (with a section word or a
 * byline around it), "By ..."/"Von ..."/"Автор:", or a short kicker label
 * without sentence punctuation above a real paragraph. */
static int meta_line(const out_block *b, const out_block *next, int64_t ref_time)
{
    if (b->kind != PITH_BLOCK_PARAGRAPH || b->len > 120)
        return 0;
    size_t off, mlen;
    date_value d;
    if (date_parse(b->text, b->len, NULL, ref_time, DATE_TEXT, &d, &off, &mlen) && mlen * 3 >= b->len)
        return 1;
    static const char *const BY[] = {"by ", "von ", "par ", "por ", "di ", "door ", "автор:", "автор ", "від ",
                                     "written by", "posted by", "text:", "текст:"};
    char low[64];
    size_t k = utf8_fold(b->text, b->len < 40 ? b->len : 40, low, sizeof low - 1);
    low[k] = '\0';
    for (size_t i = 0; i < sizeof BY / sizeof BY[0]; i++)
        if (!strncmp(low, BY[i], strlen(BY[i])) && b->len < 100 &&
            date_parse(b->text, b->len, NULL, ref_time, DATE_TEXT, &d, &off, &mlen))
            return 1;
    /* a kicker: a few words, no sentence end, over a long paragraph */
    unsigned char last = (unsigned char)b->text[b->len - 1];
    if (b->len < 40 && next && next->kind == PITH_BLOCK_PARAGRAPH && next->len > 150 && last != '.' &&
        last != '!' && last != '?' && last != ':' && last != '"' && !memchr(b->text, '.', b->len))
        return 1;
    return 0;
}

void blocks_trim_edges(pith_doc *doc, int64_t ref_time)
{
    /* only bodies with real prose have edges worth judging */
    unsigned prose = 0;
    for (size_t i = 0; i < doc->n_blocks; i++)
        prose += doc->blocks[i].part == PITH_PART_BODY && doc->blocks[i].len >= 80 &&
                 doc->blocks[i].link_bytes * 2 < doc->blocks[i].len;
    if (prose < 2)
        return;
    /* the end of the body: trailing furniture, and a heading left with nothing after it */
    while (doc->n_blocks > 1) {
        size_t last = doc->n_blocks;
        while (last && doc->blocks[last - 1].part != PITH_PART_BODY)
            last--;
        if (!last)
            break;
        out_block *b = &doc->blocks[last - 1];
        /* a short heading left with nothing after it ('Related articles'), or
         * a line that is only a date ('Updated: 05.02.2020') */
        size_t off, mlen;
        date_value d;
        int date_only = b->len < 60 && date_parse(b->text, b->len, NULL, ref_time, DATE_TEXT, &d, &off, &mlen) &&
                        mlen * 2 >= b->len;
        /* a short paragraph without a sentence end and with few function words
         * ('Kuva: A. Becher', 'Themen: Ehrenamt Jugendverbände') */
        int fragment = 0;
        if (b->kind == PITH_BLOCK_PARAGRAPH && b->len < 80) {
            unsigned char e = (unsigned char)b->text[b->len - 1];
            unsigned words = 0, sw = lang_stopwords(b->text, b->len, &words);
            fragment = e != '.' && e != '!' && e != '?' && e != '"' && e != ')' && words >= 2 && sw * 5 < words;
        }
        if (!(edge_boilerplate(b) || (b->kind == PITH_BLOCK_HEADING && b->len < 60) || date_only || fragment))
            break;
        memmove(b, b + 1, (doc->n_blocks - last) * sizeof *b);
        doc->n_blocks--;
    }
    /* the start: link lines, furniture, and the article's meta line (byline,
     * dateline, kicker) before the first paragraph */
    while (doc->n_blocks > 1 && doc->blocks[0].part == PITH_PART_BODY && doc->blocks[0].kind != PITH_BLOCK_HEADING &&
           (edge_boilerplate(&doc->blocks[0]) || meta_line(&doc->blocks[0], &doc->blocks[1], ref_time))) {
        memmove(doc->blocks, doc->blocks + 1, (doc->n_blocks - 1) * sizeof *doc->blocks);
        doc->n_blocks--;
    }
}
