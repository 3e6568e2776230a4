/* score.c — main-content selection.
 *
 * Takes the node tree with its features and sets pg->sel: the roots of the
 * article region in document order. It never changes the tree.
 *
 * The method follows Readability's candidate scoring, with evidence from
 * boilerpipe and jusText added:
 *   1. Elements whose names or roles say navigation, comments, share bars,
 *      ads, cookie or subscribe prompts (and nav/aside/footer elements) are
 *      "unlikely" and their paragraphs do not vote — unless their name also
 *      says content. If that leaves too little text, selection runs again
 *      without this exclusion.
 *   2. Each paragraph-like element with at least 25 characters gives a score
 *      of 1 + punctuation/2 + min(chars/100, 3), boosted by its stopword
 *      ratio (prose is full of function words, menus and teasers are not),
 *      to its parent (full), grandparent (half) and three more ancestors
 *      (1/(3·level)).
 *   3. A candidate's score starts from its tag (div +5, td/pre/blockquote +3,
 *      lists -3, headings -5) and its class/id weight (±25, +50 for
 *      itemprop=articleBody), and is scaled by (1 - link density).
 *   4. The best candidate may be replaced by an ancestor that holds most of
 *      the other strong candidates, or by a parent that scores higher.
 *   5. Siblings of the winner join when they score at least max(10, 20% of
 *      the winner), or when they are prose paragraphs with few links.
 */
#include "internal.h"

#include <string.h>

#define NEG_HINTS (H_NEG | H_COMMENT | H_SHARE | H_RELATED | H_AD | H_NAV | H_COOKIE | H_SUBSCRIBE | \
                   H_ROLE_NAV | H_TAGS | H_AUTHORBOX | H_SKIPLINK)
#define POS_HINTS (H_POS | H_BODY | H_ROLE_MAIN)
/* as Readability's unlikelyCandidates: not share bars or widgets, which often wrap articles */
#define UNLIKELY_HINTS (H_COMMENT | H_NAV | H_ROLE_NAV | H_COOKIE | H_AD | H_RELATED | H_NEG | H_SKIPLINK)

static float class_weight(const node *x)
{
    float w = 0;
    if (x->hints & POS_HINTS)
        w += 25;
    if (x->hints & (NEG_HINTS | H_WEAKNEG | H_META))
        w -= 25;
    if (x->hints & H_BODY)
        w += 50;
    return w;
}

static float tag_base(tag t)
{
    switch (t) {
    case T_DIV: return 5;
    case T_ARTICLE: return 8;
    case T_SECTION: case T_MAIN: return 3;
    case T_PRE: case T_TD: case T_BLOCKQUOTE: return 3;
    case T_ADDRESS: case T_OL: case T_UL: case T_DL: case T_DD: case T_DT: case T_LI: case T_FORM: return -3;
    case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6: case T_TH: return -5;
    default: return 0;
    }
}

static int is_unlikely(const node *x)
{
    tag t = (tag)x->tag;
    if (t == T_BODY || t == T_HTML || t == T_ROOT)
        return 0;
    if (x->hints & H_HIDDEN)
        return 1;
    if (t == T_NOSCRIPT)
        return 1; /* only when nothing else holds the article (it swallowed the page) */
    if (t == T_NAV || t == T_ASIDE || t == T_FOOTER || t == T_FORM)
        return !(x->hints & (H_BODY | H_ROLE_MAIN));
    if ((x->hints & UNLIKELY_HINTS) && !(x->hints & (POS_HINTS | H_MAYBE)))
        return t != T_ARTICLE && t != T_MAIN;
    return 0;
}

static float link_density(const node *x)
{
    return x->chars ? (float)x->link_chars / (float)x->chars : 0.0f;
}

/* One selection pass. Returns the chosen candidate (0 if none). */
static nid select_pass(page *pg, int exclude, float *scores, float *named, uint8_t *init, uint8_t *excl,
                       uint32_t *good)
{
    node *N = pg->nodes;
    uint32_t n = pg->n_nodes;
    memset(good, 0, n * sizeof *good);
    memset(init, 0, n);
    for (uint32_t i = 0; i < n; i++)
        scores[i] = named[i] = 0;
    excl[0] = 0;
    for (uint32_t i = 1; i < n; i++) {
        const node *x = &N[i];
        unsigned cls = tag_class((tag)x->tag);
        excl[i] = excl[x->parent] || (cls & TC_DROP) || (x->hints & H_HIDDEN) || (exclude && is_unlikely(x));
    }
    for (uint32_t i = 1; i < n; i++) {
        const node *x = &N[i];
        if (excl[i] || x->tag == T_TEXT)
            continue;
        unsigned cls = tag_class((tag)x->tag);
        int paraish = (cls & TC_PARA) || ((cls & TC_CONTAINER) && x->blocks <= 1) ||
                      ((cls & TC_HEADING) && x->chars >= 120 && x->punct >= 2); /* a heading used for prose */
        uint32_t chars, punct;
        nid a;
        if (paraish) {
            if (x->chars < 25)
                continue;
            /* a container's paragraph children vote, not the container itself */
            if ((cls & TC_CONTAINER) && !(cls & TC_PARA) && x->paras > 1)
                continue;
            chars = x->chars;
            punct = x->punct;
            a = x->parent;
        } else if ((cls & TC_BLOCK) && x->inl_chars >= 25 && x->inl_link * 2 < x->inl_chars) {
            /* text runs directly inside a container (old CMS, <br>-separated text):
             * like Readability, treat them as a paragraph child of the container */
            chars = x->inl_chars;
            punct = x->inl_punct;
            a = (nid)i;
        } else {
            continue;
        }
        float s = 1.0f + (float)punct * 0.5f + (chars / 100 < 3 ? (float)(chars / 100) : 3.0f);
        if (x->tag == T_LI || x->tag == T_DD) {
            /* list items do not vote when they are teasers (a
             * headline link over a summary): lists of teasers must not outvote
             * the article (Readability does not let them vote at all) */
            if (link_density(x) > 0.2f)
                continue;
        }
        if (x->words >= 6) {
            float sr = (float)x->stopwords / (float)x->words;
            if (sr > 0.25f)
                s *= 1.25f;
            else if (sr < 0.08f)
                s *= 0.6f;
        }
        /* prose behind every ancestor, for the climb in step 4d */
        if ((x->inl_link > 0 ? (float)x->inl_link / (float)chars : link_density(x)) < 0.5f)
            for (nid g = a; g; g = N[g].parent)
                good[g] += chars;
        for (int level = 0; a && level < 5; level++, a = N[a].parent) {
            if (!init[a]) {
                init[a] = 1;
                /* a content-ish name earns its bonus only with content behind it:
                 * a 27-character "articleMeta" line is not the article */
                float w = class_weight(&N[a]);
                if (w > 0 && N[a].chars < 500)
                    w *= (float)N[a].chars / 500.0f;
                scores[a] = tag_base((tag)N[a].tag) + w;
            }
            float div = level == 0 ? 1.0f : level == 1 ? 2.0f : (float)(level * 3);
            scores[a] += s / div;
        }
    }
    nid best = 0;
    float best_s = 0;
    nid top5[5] = {0};
    float top5s[5] = {0};
    for (uint32_t i = 1; i < n; i++) {
        if (!init[i] || excl[i])
            continue;
        /* a content-ish name at most triples what the paragraphs gave: a
         * "footer_content" blurb of two sentences must not outrank the
         * article's container on its name, nor make a page column climb
         * (articleBody markup is evidence enough). named[] keeps the full
         * bonus for the choice of siblings, where the name is the evidence
         * that a block belongs with the article. */
        float keep = 1.0f - link_density(&N[i]);
        named[i] = scores[i] * keep;
        float w = class_weight(&N[i]);
        if (w > 0 && !(N[i].hints & H_BODY)) {
            if (N[i].chars < 500)
                w *= (float)N[i].chars / 500.0f;
            float votes = scores[i] - tag_base((tag)N[i].tag) - w;
            float cap = 2.0f * (votes > 0 ? votes : 0);
            if (cap < w)
                scores[i] -= w - cap;
        }
        scores[i] *= keep;
        float s = scores[i];
        for (int k = 0; k < 5; k++) {
            if (s > top5s[k]) {
                for (int j = 4; j > k; j--) {
                    top5[j] = top5[j - 1];
                    top5s[j] = top5s[j - 1];
                }
                top5[k] = i;
                top5s[k] = s;
                break;
            }
        }
    }
    best = top5[0];
    best_s = top5s[0];
    if (!best)
        return 0;
    /* 4a. an ancestor holding >= 3 of the other strong candidates */
    int strong = 0;
    for (int k = 1; k < 5; k++)
        if (top5[k] && top5s[k] >= best_s * 0.75f)
            strong++;
    if (strong >= 2) {
        for (nid a = N[best].parent; a && N[a].tag != T_BODY && N[a].tag != T_ROOT; a = N[a].parent) {
            int held = 0;
            for (int k = 1; k < 5; k++) {
                if (!top5[k] || top5s[k] < best_s * 0.75f)
                    continue;
                for (nid b = top5[k]; b; b = N[b].parent)
                    if (b == a) {
                        held++;
                        break;
                    }
            }
            if (held >= (strong < 3 ? strong : 3)) {
                best = a;
                break;
            }
        }
    }
    /* 4b. climb while a parent scores higher */
    float last = scores[best];
    float threshold = last / 3;
    for (nid a = N[best].parent; a && N[a].tag != T_BODY && N[a].tag != T_ROOT; a = N[a].parent) {
        if (!init[a])
            continue;
        if (scores[a] < threshold)
            break;
        if (scores[a] > last) {
            best = a;
            break;
        }
        last = scores[a];
    }
    /* 4c. an only child gives way to its parent */
    while (N[best].parent && N[N[best].parent].tag != T_BODY && N[N[best].parent].tag != T_ROOT) {
        nid p = N[best].parent;
        int elems = 0;
        for (nid c = N[p].first; c; c = N[c].next)
            if (N[c].tag != T_TEXT || N[c].chars)
                elems++;
        if (elems != 1)
            break;
        best = p;
    }
    /* 4d. climb while the parent holds clearly more prose at a similar
     * density: articles split into many sibling blocks (steps, sections,
     * "content" divs) are gathered, while a parent that adds only links
     * and furniture is not taken; up to the body itself when the article is
     * a landing page of body-level sections */
    for (int moved = 1; moved;) {
        moved = 0;
        uint32_t gb = good[best];
        float db = N[best].chars ? (float)gb / (float)N[best].chars : 0;
        nid p = N[best].parent;
        for (int up = 0; up < 4 && p && N[p].tag != T_HTML && N[p].tag != T_ROOT && !excl[p]; up++, p = N[p].parent) {
            uint32_t gp = good[p];
            if (gp < gb + 100 || (float)gp < (float)gb * 1.25f)
                continue;
            /* the body itself only when the article is cut into sections
             * that sit in it directly: at least twice the prose */
            if (N[p].tag == T_BODY && gp < gb * 2)
                break;
            float dp = N[p].chars ? (float)gp / (float)N[p].chars : 0;
            if (dp < db * 0.4f)
                break;
            /* and the ancestor must be a real candidate itself, not a page
             * column that merely also holds a live feed or teasers */
            if (scores[p] < scores[best] * 0.5f && link_density(&N[p]) > 0.2f)
                continue;
            best = p;
            moved = 1;
            break;
        }
    }
    return best;
}

static int ends_sentence(const page *pg, const node *x)
{
    /* last text node of the subtree */
    const node *N = pg->nodes;
    const node *l = x;
    while (l->last)
        l = &N[l->last];
    if (l->tag != T_TEXT || !l->text_len)
        return 0;
    const char *s = node_text(pg, l);
    size_t k = l->text_len;
    while (k && s[k - 1] == ' ')
        k--;
    return k && (s[k - 1] == '.' || s[k - 1] == '!' || s[k - 1] == '?' || s[k - 1] == '"');
}

static uint32_t subtree_last(const node *N, nid r)
{
    while (N[r].last)
        r = N[r].last;
    return r;
}

/* 6. The standfirst often sits in the article header, above the body
 * container that won: an element named lead/intro/standfirst/summary with
 * sentence text, before the region and sharing an ancestor with it within
 * five levels, joins the selection in front. */
static void add_lead(page *pg)
{
    node *N = pg->nodes;
    if (!pg->n_sel || !pg->top)
        return;
    nid first = pg->sel[0];
    nid anc[6];
    int na = 0;
    for (nid a = N[pg->top].parent; a && na < 6 && N[a].tag != T_BODY; a = N[a].parent)
        anc[na++] = a;
    nid lead = 0;
    for (int k = 0; k < na && !lead; k++) {
        /* candidates inside anc[k], before the region, not inside it */
        for (nid i = anc[k] + 1; i < first; i++) {
            const node *x = &N[i];
            if (!(x->hints & H_LEAD) || (x->hints & H_HIDDEN) || x->tag == T_TEXT)
                continue;
            if (x->chars < 40 || x->chars > 1500 || link_density(x) > 0.3f || x->punct == 0)
                continue;
            if ((tag_class((tag)x->tag) & TC_DROP) || (tag_class((tag)x->tag) & TC_HEADING))
                continue;
            if (subtree_last(N, i) >= first)
                continue; /* an ancestor of the region */
            if (!x->paras && x->tag != T_P)
                continue; /* a teaser's headline, not a standfirst */
            int inside_furniture = 0; /* a teaser in a menu, a link, a hidden block */
            for (nid up = x->parent; up && up != anc[k] && !inside_furniture; up = N[up].parent)
                inside_furniture = is_unlikely(&N[up]) || N[up].tag == T_A || (N[up].hints & H_HIDDEN);
            if (inside_furniture)
                continue;
            lead = i; /* keep the last one before the region */
            i = subtree_last(N, i);
        }
    }
    if (!lead)
        return;
    memmove(pg->sel + 1, pg->sel, pg->n_sel * sizeof *pg->sel);
    pg->sel[0] = lead;
    pg->n_sel++;
}

void score_select(page *pg)
{
    uint32_t n = pg->n_nodes;
    pg->top = 0;
    pg->n_sel = 0;
    if (n < 2)
        return;
    float *scores = arena_alloc(pg->mem, n * sizeof(float));
    float *named = arena_alloc(pg->mem, n * sizeof(float));
    uint8_t *init = arena_alloc(pg->mem, n);
    uint8_t *excl = arena_alloc(pg->mem, n);
    uint32_t *good = arena_alloc(pg->mem, n * sizeof(uint32_t));
    pg->sel = arena_alloc(pg->mem, (n + 1) * sizeof(nid));
    if (!scores || !named || !init || !excl || !pg->sel || !good)
        return;
    node *N = pg->nodes;
    nid best = select_pass(pg, 1, scores, named, init, excl, good);
    int excluded_pass = 1;
    if (!best || N[best].chars < 500) {
        nid again = select_pass(pg, 0, scores, named, init, excl, good);
        /* the longer text of the second pass wins, unless its own names
         * still say furniture (a login dialog, a footer blurb) */
        if (again && (!best || (N[again].chars > N[best].chars * 2 && scores[again] > 0))) {
            best = again;
            excluded_pass = 0;
        } else if (best) {
            select_pass(pg, 1, scores, named, init, excl, good); /* restore scores of the first pass */
        }
    }
    if (!best) {
        /* no paragraph anywhere: take the body and let clean.c trim it */
        best = pg->body ? pg->body : 0;
        if (!best)
            return;
        pg->top = best;
        pg->sel[pg->n_sel++] = best;
        return;
    }
    pg->top = best;
    for (uint32_t i = 0; i < n; i++)
        N[i].score = scores[i];

    /* 5. siblings */
    nid parent = N[best].parent;
    if (!parent || N[best].tag == T_BODY) {
        pg->sel[pg->n_sel++] = best;
        return;
    }
    float top_s = named[best];
    float threshold = top_s * 0.2f > 10 ? top_s * 0.2f : 10;
    const char *best_class = node_attr(pg, &N[best], A_CLASS);
    for (nid s = N[parent].first; s; s = N[s].next) {
        if (s == best) {
            pg->sel[pg->n_sel++] = s;
            continue;
        }
        const node *x = &N[s];
        if (x->tag == T_TEXT || (tag_class((tag)x->tag) & TC_DROP) || (x->hints & H_HIDDEN) ||
            (excluded_pass && is_unlikely(x)) || !x->chars)
            continue;
        float bonus = 0;
        const char *cl = node_attr(pg, x, A_CLASS);
        if (best_class && cl && best_class[0] && strcmp(best_class, cl) == 0)
            bonus = top_s * 0.2f;
        int append = 0;
        if (named[s] + bonus >= threshold && named[s] > 0) {
            append = 1;
        } else if (x->tag == T_P || ((tag_class((tag)x->tag) & TC_CONTAINER) && x->blocks <= 1)) {
            float ld = link_density(x);
            if (x->chars > 80 && ld < 0.25f)
                append = 1;
            else if (x->chars < 80 && ld == 0 && ends_sentence(pg, x))
                append = 1;
        }
        if (append)
            pg->sel[pg->n_sel++] = s;
    }
    add_lead(pg);
}
