/* clean.c — remove page furniture inside the chosen region.
 *
 * Takes pg->sel (from score.c) and marks nodes MARK_REMOVED (or
 * MARK_COMMENTS) in place; blocks.c skips marked subtrees. It never adds.
 *
 * What goes, in order of evidence strength:
 *   - hidden elements, and elements whose names/roles say share bar,
 *     comments, ads, navigation, cookie or subscribe prompt, related or
 *     popular lists, tag clouds, author boxes — unless they hold most of the
 *     region's text (then the name lies: some sites call the whole page
 *     "content-sidebar-wrap");
 *   - nav, aside, form and footer elements, headers without paragraphs;
 *   - Readability's conditional cleaning of containers and lists: negative
 *     score, link density over 0.2 (0.5 for content-named ones) when there
 *     are few sentences, more list items than paragraphs outside lists,
 *     more form controls than a third of the paragraphs, empty shells;
 *   - short blocks opening with a furniture phrase ('Read also', 'Читайте
 *     також', 'Share') and short link-dominated paragraphs (inline teasers);
 *   - headings whose section was entirely removed ('Related articles').
 * PITH_OPT_PRECISION tightens the link-density limits, PITH_OPT_RECALL
 * loosens them and keeps borderline containers.
 */
#include "internal.h"

#define FURNITURE_HINTS (H_SHARE | H_COMMENT | H_AD | H_NAV | H_ROLE_NAV | H_COOKIE | H_SUBSCRIBE | \
                         H_RELATED | H_AUTHORBOX | H_TAGS | H_SKIPLINK | H_NEG)
#define POS_HINTS (H_POS | H_BODY | H_ROLE_MAIN)
#define STRONG_HINTS (H_SHARE | H_COMMENT | H_NAV | H_ROLE_NAV | H_COOKIE | H_SKIPLINK | H_AUTHORBOX | H_FOOTER)
/* subscribe/paywall names also wrap the free preview of paywalled articles,
 * and "ad" tokens turn up in names of ordinary sections */
#define SOFT_HINTS (H_RELATED | H_TAGS | H_NEG | H_SUBSCRIBE | H_AD)

static uint32_t subtree_end(const page *pg, nid r)
{
    const node *N = pg->nodes;
    nid x = r;
    while (N[x].last)
        x = N[x].last;
    return x + 1;
}

static float ld(const node *x) { return x->chars ? (float)x->link_chars / (float)x->chars : 0.0f; }

static int is_heading(tag t) { return t >= T_H1 && t <= T_H6; }

/* Decide for one element of the region. Returns a MARK_* value. */
static int judge(const node *x, uint32_t region_chars, unsigned flags)
{
    tag t = (tag)x->tag;
    unsigned cls = tag_class(t);
    uint32_t h = x->hints;
    int precision = (flags & PITH_OPT_PRECISION) != 0, recall = (flags & PITH_OPT_RECALL) != 0;
    if (cls & TC_DROP)
        return MARK_REMOVED;
    if (h & H_HIDDEN)
        return MARK_REMOVED;
    if (t == T_BUTTON)
        return MARK_REMOVED;
    if (t == T_A && (h & H_FURNITURE_TEXT))
        return MARK_REMOVED; /* "Read more", "Share", "Open full screen" links */
    if (cls & TC_INLINE) {
        /* inside running text only clear furniture goes (a share widget or ad
         * slot made of spans); a link named "meta-org" is still a word of the
         * sentence */
        if ((h & (H_SHARE | H_AD | H_SKIPLINK | H_COOKIE | H_SUBSCRIBE)) && !(h & POS_HINTS) && x->chars < 200)
            return MARK_REMOVED;
        return MARK_NONE;
    }
    int big = x->chars * 2 > region_chars && region_chars > 200;
    if ((h & H_COMMENT) && !(h & POS_HINTS) && !big)
        return MARK_COMMENTS;
    if ((h & STRONG_HINTS) && !(h & (H_BODY | H_ROLE_MAIN)) && !big) {
        /* "post" and "content" also appear in names like "post-share": the
         * furniture word wins on small elements */
        if (!(h & POS_HINTS) || x->chars < 400 || ld(x) > 0.4f)
            return MARK_REMOVED;
    }
    if ((h & SOFT_HINTS) && !(h & (POS_HINTS | H_MAYBE)) && !big) {
        /* related/tags/sidebar names: trust them when the element looks like
         * furniture too (links, or no sentences) */
        if (ld(x) > 0.2f || x->chars < 100 || x->punct < 2)
            return MARK_REMOVED;
    }
    if ((h & (H_BYLINE | H_META)) && x->chars < 200 && !(h & (H_BODY)) && !big && x->paras <= 1 &&
        !(cls & TC_PARA && x->chars > 120))
        return MARK_REMOVED;
    if ((t == T_NAV || t == T_ASIDE) && !big && !(h & (H_BODY | H_ROLE_MAIN)))
        return MARK_REMOVED;
    if (t == T_FORM && !big && x->inputs)
        return MARK_REMOVED;
    if (t == T_FOOTER && !big && x->chars * 10 < region_chars * 3)
        return MARK_REMOVED;
    if (t == T_HEADER && x->paras == 0 && !big)
        return MARK_REMOVED;
    if ((h & H_FURNITURE_TEXT) && x->chars < 120 && !(cls & TC_PARA && x->chars > 60 && ld(x) < 0.3f))
        return MARK_REMOVED;
    if (is_heading(t)) {
        if (ld(x) > 0.5f || ((h & FURNITURE_HINTS) && !(h & POS_HINTS)))
            return MARK_REMOVED;
        return MARK_NONE;
    }
    /* a layout-table column of links (old sites put menus and teasers in side cells) */
    if (t == T_TD && x->chars >= 100 && ld(x) > 0.5f)
        return MARK_REMOVED;
    /* short link-dominated paragraphs: inline teasers */
    if ((t == T_P || t == T_DIV) && x->blocks <= 1 && x->chars < 250 && ld(x) > (precision ? 0.5f : 0.7f) && !recall)
        return MARK_REMOVED;
    /* Readability's conditional cleaning */
    int conditional = t == T_DIV || t == T_SECTION || t == T_UL || t == T_OL || t == T_TABLE || t == T_DL ||
                      t == T_OTHER || t == T_HEADER || t == T_FOOTER || t == T_FIGURE || t == T_MENU ||
                      t == T_CENTER;
    if (!conditional || big)
        return MARK_NONE;
    float weight = 0;
    if (h & POS_HINTS)
        weight += 25;
    if (h & (FURNITURE_HINTS | H_WEAKNEG))
        weight -= 25;
    int prose = x->punct >= 5 && ld(x) < 0.2f && x->chars >= 200;
    /* a negative score from the tag alone (lists start at -3) is no reason */
    if (weight < 0 && weight + x->score < 0 && !prose)
        return MARK_REMOVED;
    if (x->punct >= 10 && ld(x) < 0.5f)
        return MARK_NONE;
    int is_list = t == T_UL || t == T_OL || t == T_DL || t == T_MENU;
    float lim_low = precision ? 0.15f : recall ? 0.35f : 0.2f;
    float lim_high = precision ? 0.4f : recall ? 0.65f : 0.5f;
    float d = ld(x);
    if (is_list) {
        /* a list of links is navigation or teasers; a list of sentences is content */
        if (d > lim_high)
            return MARK_REMOVED;
        return MARK_NONE;
    }
    if (t == T_FIGURE)
        return d > lim_high ? MARK_REMOVED : MARK_NONE;
    if (t == T_TABLE)
        return d > lim_high ? MARK_REMOVED : MARK_NONE;
    unsigned p = x->ps, li = x->lis, img = x->imgs, input = x->inputs;
    if (img > 1 && p * 2 < img && x->chars < 200)
        return MARK_REMOVED;
    if (li > p + 1 && x->chars < 1500 && d > 0.3f)
        return MARK_REMOVED;
    if (input > p / 3 + 1)
        return MARK_REMOVED;
    if (x->chars < 25 && (img == 0 || img > 2) && !recall)
        return MARK_REMOVED;
    if (weight < 25 && d > lim_low && x->chars < 2000 && x->punct < 10)
        return MARK_REMOVED;
    if (weight >= 25 && d > lim_high)
        return MARK_REMOVED;
    return MARK_NONE;
}

void clean_region(page *pg)
{
    node *N = pg->nodes;
    uint32_t region_chars = 0;
    for (uint32_t k = 0; k < pg->n_sel; k++)
        region_chars += N[pg->sel[k]].chars;
    unsigned flags = pg->opt->flags;
    for (uint32_t k = 0; k < pg->n_sel; k++) {
        nid r = pg->sel[k];
        uint32_t end = subtree_end(pg, r);
        if (r != pg->top && !(N[r].hints & H_LEAD)) { /* the standfirst was vetted by score.c */
            /* a sibling joins only if it is not furniture itself */
            int m = judge(&N[r], region_chars, flags);
            if (m != MARK_NONE) {
                N[r].mark = (uint8_t)m;
                continue;
            }
        }
        for (uint32_t i = r + 1; i < end;) {
            node *x = &N[i];
            if (x->tag == T_TEXT) {
                i++;
                continue;
            }
            int m = judge(x, region_chars, flags);
            if (m != MARK_NONE) {
                x->mark = (uint8_t)m;
                i = subtree_end(pg, i);
                continue;
            }
            i++;
        }
        /* headings whose following content was all removed */
        for (uint32_t i = r + 1; i < end; i++) {
            node *x = &N[i];
            if (!is_heading((tag)x->tag) || x->mark)
                continue;
            nid s = x->next;
            int kept = 0, removed = 0;
            for (; s; s = N[s].next) {
                if (is_heading((tag)N[s].tag))
                    break;
                if (N[s].tag == T_TEXT && N[s].chars == 0)
                    continue;
                if (N[s].mark)
                    removed++;
                else if (N[s].chars)
                    kept++;
            }
            if (removed && !kept && x->chars < 80)
                x->mark = MARK_REMOVED;
        }
    }
    /* comments anywhere on the page (for PITH_OPT_COMMENTS): the largest
     * comment-named element outside the region */
    if (flags & PITH_OPT_COMMENTS) {
        nid best = 0;
        for (uint32_t i = 1; i < pg->n_nodes; i++) {
            const node *x = &N[i];
            if ((x->hints & H_COMMENT) && !(x->hints & H_HIDDEN) && x->chars > 0 &&
                (!best || x->chars > N[best].chars)) {
                /* not inside another comment element */
                int nested = 0;
                for (nid a = x->parent; a; a = N[a].parent)
                    if (N[a].hints & H_COMMENT) {
                        nested = 1;
                        break;
                    }
                if (!nested)
                    best = i;
            }
        }
        pg->comments = best;
    }
}
