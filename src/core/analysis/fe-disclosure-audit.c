/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-disclosure-audit.h"
#include <string.h>

/* Beyond every count: the sums below never overflow with it. */
#define INF ((gint64) G_MAXINT32 * 1024)

typedef struct
{
  guint            value;
  FeCellDisclosure state;
  gboolean         printed;
  gboolean         guarded;
  gboolean         fixed;    /* printed elsewhere as it is: holding it back here hides nothing */
  guint            floor;
  FeAuditKind      kind;
  gint64           lo;
  gint64           hi;
  gint64           need_lo;  /* the widest it can be kept: see compute_needs() */
  gint64           need_hi;
} Item;

typedef struct
{
  guint total;
  guint first;    /* into parts */
  guint n_parts;
} Sum;

struct _FeAudit
{
  guint   k;
  GArray *items;     /* Item */
  GArray *sums;      /* Sum */
  GArray *parts;     /* guint */
  GArray *at_most;   /* guint pairs: part, whole */
  gboolean needs_valid;
  FeAuditChoice choice;
  guint64 work;      /* bounds visited by narrow(), against WORK_BUDGET */
  /* The sums cannot all hold for the printed numbers (inconsistent input): nothing the attack
   * says can be trusted, so everything that can be is held back. */
  gboolean inconsistent;
};

static Item *
item_at (const FeAudit *audit,
         guint          i)
{
  return &g_array_index (audit->items, Item, i);
}

FeAudit *
fe_audit_new (guint k)
{
  FeAudit *audit = g_new0 (FeAudit, 1);

  audit->k = k;
  audit->items = g_array_new (FALSE, TRUE, sizeof (Item));
  audit->sums = g_array_new (FALSE, TRUE, sizeof (Sum));
  audit->parts = g_array_new (FALSE, TRUE, sizeof (guint));
  audit->at_most = g_array_new (FALSE, TRUE, sizeof (guint));
  audit->choice = FE_AUDIT_CHOICE_SEARCH;
  return audit;
}

void
fe_audit_free (FeAudit *audit)
{
  if (audit == NULL)
    return;
  g_array_unref (audit->items);
  g_array_unref (audit->sums);
  g_array_unref (audit->parts);
  g_array_unref (audit->at_most);
  g_free (audit);
}

guint
fe_audit_add (FeAudit          *audit,
              guint             value,
              FeCellDisclosure  state,
              gboolean          printed,
              gboolean          guarded,
              guint             floor,
              FeAuditKind       kind)
{
  Item item = { .value = value, .state = state, .printed = printed, .guarded = guarded,
                .floor = floor, .kind = kind };

  g_return_val_if_fail (audit != NULL, 0);
  g_array_append_val (audit->items, item);
  audit->needs_valid = FALSE;
  return audit->items->len - 1;
}

void
fe_audit_add_sum (FeAudit     *audit,
                  guint        total,
                  const guint *parts,
                  guint        n_parts)
{
  Sum sum = { .total = total, .first = audit->parts->len, .n_parts = n_parts };

  g_return_if_fail (total < audit->items->len);
  for (guint i = 0; i < n_parts; i++)
    g_return_if_fail (parts[i] < audit->items->len);
  g_array_append_vals (audit->parts, parts, n_parts);
  g_array_append_val (audit->sums, sum);
  audit->needs_valid = FALSE;
}

void
fe_audit_add_at_most (FeAudit *audit,
                      guint    part,
                      guint    whole)
{
  g_return_if_fail (part < audit->items->len && whole < audit->items->len);
  g_array_append_val (audit->at_most, part);
  g_array_append_val (audit->at_most, whole);
  audit->needs_valid = FALSE;
}

void
fe_audit_fix (FeAudit *audit,
              guint    item)
{
  g_return_if_fail (item < audit->items->len);
  item_at (audit, item)->fixed = TRUE;
  audit->needs_valid = FALSE;
}

guint
fe_audit_get_n_items (const FeAudit *audit)
{
  return audit->items->len;
}

FeCellDisclosure
fe_audit_get_state (const FeAudit *audit,
                    guint          item)
{
  g_return_val_if_fail (item < audit->items->len, FE_CELL_HIDDEN);
  return item_at (audit, item)->state;
}

/* What the reader knows before doing any sums. The true value is always inside, whatever the
 * caller's states, so that narrowing can only stop at it. */
static void
set_prior (const FeAudit *audit,
           Item          *item)
{
  gint64 v = item->value;

  if (!item->printed)
    {
      item->lo = 0;
      item->hi = INF;
    }
  else if (item->state == FE_CELL_SHOWN)
    item->lo = item->hi = v;
  else if (item->state == FE_CELL_SMALL)
    {
      item->lo = MIN ((gint64) item->floor, v);
      item->hi = MAX ((gint64) audit->k - 1, v);
    }
  else
    {
      /* A zero held back to keep a total from being a sum is not at least k. */
      item->lo = MIN ((gint64) audit->k, v);
      item->hi = INF;
    }
}

/* Bounds stay within [0, INF]: a count is never negative, and INF is beyond every count, so
 * that no sum of them overflows. They cross only when the sums do not hold for the printed
 * numbers; narrow() then stops. */
static gboolean
raise_lo (Item   *item,
          gint64  lo)
{
  lo = MIN (lo, INF);
  if (lo <= item->lo)
    return FALSE;
  item->lo = lo;
  return TRUE;
}

static gboolean
lower_hi (Item   *item,
          gint64  hi)
{
  hi = MAX (hi, 0);
  if (hi >= item->hi)
    return FALSE;
  item->hi = hi;
  return TRUE;
}

static gboolean
crossed (const FeAudit *audit,
         const guint   *items,
         guint          n_items)
{
  for (guint i = 0; i < n_items; i++)
    if (item_at (audit, items[i])->lo > item_at (audit, items[i])->hi)
      return TRUE;
  return FALSE;
}

static gboolean
narrow_sum (FeAudit   *audit,
            const Sum *sum)
{
  const guint *parts = &g_array_index (audit->parts, guint, sum->first);
  Item *total = item_at (audit, sum->total);
  gint64 sum_lo = 0;
  gint64 sum_hi = 0;
  guint n_unbounded = 0;
  gboolean changed = FALSE;

  for (guint i = 0; i < sum->n_parts; i++)
    {
      const Item *part = item_at (audit, parts[i]);

      sum_lo += part->lo;
      if (part->hi >= INF)
        n_unbounded++;
      else
        sum_hi += part->hi;
    }
  changed |= raise_lo (total, sum_lo);
  if (n_unbounded == 0)
    changed |= lower_hi (total, sum_hi);

  for (guint i = 0; i < sum->n_parts; i++)
    {
      Item *part = item_at (audit, parts[i]);
      gboolean own_unbounded = part->hi >= INF;
      guint others_unbounded = n_unbounded - (own_unbounded ? 1 : 0);

      /* The part is the total less the others: at least the least total less their most. */
      if (others_unbounded == 0)
        changed |= raise_lo (part, total->lo - (sum_hi - (own_unbounded ? 0 : part->hi)));
      if (total->hi < INF)
        changed |= lower_hi (part, total->hi - (sum_lo - part->lo));
    }
  if (changed && (crossed (audit, parts, sum->n_parts) || crossed (audit, &sum->total, 1)))
    audit->inconsistent = TRUE;
  return changed;
}

static void
narrow (FeAudit *audit)
{
  gboolean changed = TRUE;

  audit->inconsistent = FALSE;
  for (guint i = 0; i < audit->items->len; i++)
    set_prior (audit, item_at (audit, i));
  /* Bounds only move towards the true values, which are inside them: this ends. When the sums
   * do not hold for those values, the bounds cross instead and would grow without end: stop. */
  while (changed && !audit->inconsistent)
    {
      changed = FALSE;
      audit->work += audit->parts->len + audit->at_most->len;
      for (guint s = 0; s < audit->sums->len; s++)
        changed |= narrow_sum (audit, &g_array_index (audit->sums, Sum, s));
      for (guint a = 0; a + 1 < audit->at_most->len; a += 2)
        {
          Item *part = item_at (audit, g_array_index (audit->at_most, guint, a));
          Item *whole = item_at (audit, g_array_index (audit->at_most, guint, a + 1));

          changed |= lower_hi (part, whole->hi);
          changed |= raise_lo (whole, part->lo);
          if (part->lo > part->hi || whole->lo > whole->hi)
            audit->inconsistent = TRUE;
        }
    }
}

static gboolean is_maskable_zero (const Item *item);

/* Some of what the reader learns no suppression can take away: a "< 5" printed beside another
 * "< 5" under a total of "< 5" is at most 3 however much else is held back. What each number
 * must keep is what it would keep with every printed number that may be held back held back:
 * protection can always reach that, and nothing wider. */
static void
compute_needs (FeAudit *audit)
{
  g_autofree Item *saved = g_memdup2 (audit->items->data, sizeof (Item) * audit->items->len);

  for (guint i = 0; i < audit->items->len; i++)
    {
      Item *item = item_at (audit, i);

      if (!item->printed || item->state != FE_CELL_SHOWN || item->fixed)
        continue;
      if (is_maskable_zero (item))
        {
          item->state = FE_CELL_SMALL;
          item->floor = 0;
        }
      else if (item->value > 0)
        item->state = FE_CELL_HIDDEN;
    }
  narrow (audit);
  for (guint i = 0; i < audit->items->len; i++)
    {
      Item *item = item_at (audit, i);

      saved[i].need_lo = item->lo;
      saved[i].need_hi = item->hi;
    }
  memcpy (audit->items->data, saved, sizeof (Item) * audit->items->len);
  audit->needs_valid = TRUE;
}

void
fe_audit_solve (FeAudit *audit)
{
  /* Held-back numbers only ever grow in number, so what each must keep is the same at every
   * step of protection. */
  if (!audit->needs_valid)
    compute_needs (audit);
  narrow (audit);
}

void
fe_audit_get_interval (const FeAudit *audit,
                       guint          item,
                       guint         *lo,
                       guint         *hi)
{
  const Item *it;

  g_return_if_fail (item < audit->items->len);
  it = item_at (audit, item);
  if (lo != NULL)
    *lo = (guint) MAX (it->lo, 0);
  if (hi != NULL)
    *hi = it->hi >= INF ? FE_AUDIT_UNBOUNDED : (guint) it->hi;
}

gboolean
fe_audit_is_revealed (const FeAudit *audit,
                      guint          item)
{
  const Item *it;
  gint64 k = audit->k;

  g_return_val_if_fail (item < audit->items->len, FALSE);
  it = item_at (audit, item);
  if (k == 0)
    return FALSE;
  if (it->printed ? it->state == FE_CELL_SHOWN : !it->guarded)
    return FALSE;
  /* Sums that do not hold vouch for nothing: the safe side. */
  if (audit->inconsistent)
    return TRUE;
  if (it->printed && it->state == FE_CELL_HIDDEN)
    return it->hi < INF && it->hi - it->lo < MIN (k, it->need_hi - it->need_lo);
  /* A small number printed nowhere must stay as vague as a "< k" would leave it: 2 to 5 hides
   * 3 as well as 1 to 4 does, 2 to 2 not at all. */
  if (!it->printed)
    return it->hi - it->lo < MIN (k - 2, it->need_hi - it->need_lo);
  /* A "< k": the reader must not be able to rule out any value it could have, from its least
   * to k − 1. */
  return it->lo > MAX (it->need_lo, (gint64) it->floor) || it->hi < MIN (it->need_hi, k - 1);
}

guint
fe_audit_count_revealed (FeAudit *audit)
{
  guint n = 0;

  fe_audit_solve (audit);
  for (guint i = 0; i < audit->items->len; i++)
    n += fe_audit_is_revealed (audit, i);
  return n;
}

/* A zero can be printed as "< k" as well as any small number: it then gives the numbers it
 * adds up with room to move without losing a number worth printing. */
static gboolean
is_maskable_zero (const Item *item)
{
  return item->kind == FE_AUDIT_CELL && item->value == 0;
}

/* Whether @candidate may be held back, and is a better choice than @best: zeros first, then
 * cells before totals, then the smallest, so that as little as possible goes. */
static gboolean
better_candidate (const FeAudit *audit,
                  guint          candidate,
                  int            best)
{
  const Item *c = item_at (audit, candidate);
  const Item *b;

  if (!c->printed || c->fixed || c->state != FE_CELL_SHOWN
      || (c->value == 0 && !is_maskable_zero (c)))
    return FALSE;
  if (best < 0)
    return TRUE;
  b = item_at (audit, (guint) best);
  if (is_maskable_zero (c) != is_maskable_zero (b))
    return is_maskable_zero (c);
  if (c->kind != b->kind)
    return c->kind < b->kind;
  return c->value < b->value;
}

/* Appends every number that @revealed adds up with (the other parts and the total of each
 * sum it is in, the other side of each "at most"), in the order the sums were made; a number
 * in two sums comes twice. */
static void
collect_partners (const FeAudit *audit,
                  guint          revealed,
                  GArray        *partners)
{
  for (guint s = 0; s < audit->sums->len; s++)
    {
      const Sum *sum = &g_array_index (audit->sums, Sum, s);
      const guint *parts = &g_array_index (audit->parts, guint, sum->first);
      gboolean involved = sum->total == revealed;

      for (guint i = 0; !involved && i < sum->n_parts; i++)
        involved = parts[i] == revealed;
      if (!involved)
        continue;
      g_array_append_vals (partners, parts, sum->n_parts);
      g_array_append_val (partners, sum->total);
    }
  for (guint a = 0; a + 1 < audit->at_most->len; a += 2)
    {
      guint part = g_array_index (audit->at_most, guint, a);
      guint whole = g_array_index (audit->at_most, guint, a + 1);

      if (part == revealed)
        g_array_append_val (partners, whole);
      else if (whole == revealed)
        g_array_append_val (partners, part);
    }
}

/* The printed number to hold back next for @revealed: one of those it adds up with. */
static int
choose (const FeAudit *audit,
        guint          revealed)
{
  g_autoptr(GArray) partners = g_array_new (FALSE, FALSE, sizeof (guint));
  int best = -1;

  collect_partners (audit, revealed, partners);
  for (guint i = 0; i < partners->len; i++)
    if (better_candidate (audit, g_array_index (partners, guint, i), best))
      best = (int) g_array_index (partners, guint, i);
  /* Everything it adds up with is held back already, and still it is narrowed: through a
   * chain of sums. Anything printed will do; in the end, with everything held back, only the
   * printed bounds are left and nothing can be narrowed. */
  if (best >= 0)
    return best;
  for (guint i = 0; i < audit->items->len; i++)
    if (better_candidate (audit, i, best))
      best = (int) i;
  return best;
}

static void
hold_back (Item *item)
{
  if (is_maskable_zero (item))
    {
      item->state = FE_CELL_SMALL;
      item->floor = 0;
    }
  else
    item->state = FE_CELL_HIDDEN;
}

/* The first number the attack narrows too far, after fe_audit_solve(), or -1. */
static int
first_revealed (const FeAudit *audit)
{
  for (guint i = 0; i < audit->items->len; i++)
    if (fe_audit_is_revealed (audit, i))
      return (int) i;
  return -1;
}

/* The old rule: for each number narrowed too far, the cheapest printed number it adds up with
 * (see choose()), until none is. Fast and safe, but blind to what the choice achieves: a "< 5"
 * beside 6, 12, 8 and 5 takes all four, where 5 and 12 alone would do. */
static void
protect_greedy (FeAudit *audit,
                GArray  *added)
{
  for (;;)
    {
      int revealed;
      int next;

      fe_audit_solve (audit);
      revealed = first_revealed (audit);
      if (revealed < 0)
        break;
      next = choose (audit, (guint) revealed);
      if (next < 0)
        break;
      hold_back (item_at (audit, (guint) next));
      g_array_append_val (added, next);
    }
}

/* What a table loses by what is held back: a held-back total first (it takes its row's shares
 * with it), then each number held back (a segment not drawn), then the respondents they stand
 * for. */
typedef struct
{
  guint   n_totals;
  guint   n_cells;
  guint64 sum;
} Cost;

static void
cost_add (Cost       *cost,
          const Item *item)
{
  if (item->kind == FE_AUDIT_CELL)
    cost->n_cells++;
  else
    cost->n_totals++;
  cost->sum += item->value;
}

static int
cost_compare (const Cost *a,
              const Cost *b)
{
  if (a->n_totals != b->n_totals)
    return a->n_totals < b->n_totals ? -1 : 1;
  if (a->n_cells != b->n_cells)
    return a->n_cells < b->n_cells ? -1 : 1;
  if (a->sum != b->sum)
    return a->sum < b->sum ? -1 : 1;
  return 0;
}

static Cost
table_cost (const FeAudit *audit)
{
  Cost cost = { 0 };

  for (guint i = 0; i < audit->items->len; i++)
    {
      const Item *item = item_at (audit, i);

      if (item->printed && item->state != FE_CELL_SHOWN)
        cost_add (&cost, item);
    }
  return cost;
}

/* What protection changes of an item, to go back to. */
typedef struct
{
  FeCellDisclosure state;
  guint            floor;
} Saved;

static Saved *
save_states (const FeAudit *audit)
{
  Saved *saved = g_new (Saved, MAX (audit->items->len, 1));

  for (guint i = 0; i < audit->items->len; i++)
    saved[i] = (Saved) { item_at (audit, i)->state, item_at (audit, i)->floor };
  return saved;
}

static void
restore_state (FeAudit     *audit,
               guint        i,
               const Saved *saved)
{
  item_at (audit, i)->state = saved[i].state;
  item_at (audit, i)->floor = saved[i].floor;
}

static void
restore_states (FeAudit     *audit,
                const Saved *saved)
{
  for (guint i = 0; i < audit->items->len; i++)
    restore_state (audit, i, saved);
}

/* The cheapest first, as choose() ranks them. */
static int
compare_candidates (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const FeAudit *audit = user_data;
  guint ca = *(const guint *) a;
  guint cb = *(const guint *) b;

  if (better_candidate (audit, ca, (int) cb))
    return -1;
  if (better_candidate (audit, cb, (int) ca))
    return 1;
  return ca < cb ? -1 : ca > cb;
}

static void
add_candidate (const FeAudit *audit,
               GArray        *candidates,
               guint          item)
{
  if (!better_candidate (audit, item, -1))
    return;
  for (guint i = 0; i < candidates->len; i++)
    if (g_array_index (candidates, guint, i) == item)
      return;
  g_array_append_val (candidates, item);
}

/* Every printed number @revealed adds up with that may be held back (or, as in choose(), any
 * printed number when none is), the cheapest first. */
static void
collect_candidates (const FeAudit *audit,
                    guint          revealed,
                    GArray        *candidates)
{
  g_autoptr(GArray) partners = g_array_new (FALSE, FALSE, sizeof (guint));

  g_array_set_size (candidates, 0);
  collect_partners (audit, revealed, partners);
  for (guint i = 0; i < partners->len; i++)
    add_candidate (audit, candidates, g_array_index (partners, guint, i));
  if (candidates->len == 0)
    for (guint i = 0; i < audit->items->len; i++)
      add_candidate (audit, candidates, i);
  g_array_sort_with_data (candidates, compare_candidates, (gpointer) audit);
}

/* Whether holding back @a (and @b, unless negative) keeps @revealed wide enough. */
static gboolean
try_hold_back (FeAudit     *audit,
               guint        revealed,
               guint        a,
               int          b,
               const Saved *before)
{
  gboolean kept;

  hold_back (item_at (audit, a));
  if (b >= 0)
    hold_back (item_at (audit, (guint) b));
  fe_audit_solve (audit);
  kept = !fe_audit_is_revealed (audit, revealed);
  restore_state (audit, a, before);
  if (b >= 0)
    restore_state (audit, (guint) b, before);
  return kept;
}

/* The search: for the first number narrowed too far, the cheapest of the numbers it adds up
 * with whose holding back keeps it wide enough; failing one, the cheapest such pair of the
 * cheapest few; failing that, the cheapest number, as before, and look again. Each try is a
 * run of the attack, so the tries are bounded (SEARCH_WIDTH, PAIR_WIDTH), and the whole by
 * WORK_BUDGET: past it the search gives up (returns FALSE) and the old rule's choice stands. */
#define SEARCH_WIDTH 12
#define PAIR_WIDTH   6
/* Bounds visited by narrow(), by both rules: a 50 × 50 table's attack visits some 10^4 a
 * round and 10^5 a run; the old rule and its pruning some 5 · 10^6 on such a table at most
 * (some 25 ms), where the search would take some eight times as long and find little more.
 * The sample study's tables take a few thousand. */
#define WORK_BUDGET  ((guint64) 6 * 1000 * 1000)

static gboolean
protect_search (FeAudit     *audit,
                GArray      *added,
                const Saved *start)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));

  for (;;)
    {
      int revealed;
      int pick = -1;
      int partner = -1;
      guint n;
      Cost best = { G_MAXUINT, G_MAXUINT, G_MAXUINT64 };

      fe_audit_solve (audit);
      revealed = first_revealed (audit);
      if (revealed < 0)
        break;
      if (audit->work > WORK_BUDGET)
        return FALSE;
      collect_candidates (audit, (guint) revealed, candidates);
      n = MIN (candidates->len, SEARCH_WIDTH);
      for (guint i = 0; pick < 0 && i < n; i++)
        if (try_hold_back (audit, (guint) revealed, g_array_index (candidates, guint, i), -1,
                           start))
          pick = (int) g_array_index (candidates, guint, i);
      n = pick < 0 ? MIN (candidates->len, PAIR_WIDTH) : 0;
      for (guint i = 0; i < n; i++)
        for (guint j = i + 1; j < n; j++)
          {
            guint a = g_array_index (candidates, guint, i);
            guint b = g_array_index (candidates, guint, j);
            Cost cost = { 0 };

            cost_add (&cost, item_at (audit, a));
            cost_add (&cost, item_at (audit, b));
            if (cost_compare (&cost, &best) < 0
                && try_hold_back (audit, (guint) revealed, a, (int) b, start))
              {
                best = cost;
                pick = (int) a;
                partner = (int) b;
              }
          }
      if (pick < 0 && candidates->len > 0)
        pick = (int) g_array_index (candidates, guint, 0);
      if (pick < 0)
        break;
      hold_back (item_at (audit, (guint) pick));
      g_array_append_val (added, pick);
      if (partner >= 0)
        {
          hold_back (item_at (audit, (guint) partner));
          g_array_append_val (added, partner);
        }
    }
  return TRUE;
}

static int
compare_dearest_first (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  return -compare_candidates (a, b, user_data);
}

/* Either rule can hold back a number that later ones make needless (the 6 held back for a
 * "< 5" before the 12 that alone would have done). Each number it held back is printed again,
 * the dearest first, when the attack still fails without it. */
static void
prune (FeAudit     *audit,
       GArray      *added,
       const Saved *start)
{
  g_autofree Saved *held = save_states (audit);

  /* Ranked as they were printed, so that the dearest goes first. */
  restore_states (audit, start);
  g_array_sort_with_data (added, compare_dearest_first, audit);
  restore_states (audit, held);
  for (guint i = 0; i < added->len && audit->work <= WORK_BUDGET; i++)
    {
      guint item = g_array_index (added, guint, i);

      restore_state (audit, item, start);
      if (fe_audit_count_revealed (audit) > 0)
        restore_state (audit, item, held);
    }
}

static guint
count_added (const FeAudit *audit,
             const Saved   *start)
{
  guint n = 0;

  for (guint i = 0; i < audit->items->len; i++)
    n += item_at (audit, i)->state != start[i].state;
  return n;
}

guint
fe_audit_protect (FeAudit *audit)
{
  g_autofree Saved *start = NULL;
  g_autofree Saved *greedy = NULL;
  g_autoptr(GArray) added = NULL;
  gboolean greedy_passes;
  gboolean search_passes;
  Cost greedy_cost;
  Cost search_cost;

  g_return_val_if_fail (audit != NULL, 0);
  if (audit->k == 0)
    return 0;
  start = save_states (audit);
  added = g_array_new (FALSE, FALSE, sizeof (guint));
  audit->work = 0;
  /* Inconsistent sums: no attack to measure a choice against, so everything goes. */
  fe_audit_solve (audit);
  if (audit->inconsistent)
    {
      for (guint i = 0; i < audit->items->len; i++)
        if (better_candidate (audit, i, -1))
          hold_back (item_at (audit, i));
      fe_audit_solve (audit);
      return count_added (audit, start);
    }
  protect_greedy (audit, added);
  if (audit->choice == FE_AUDIT_CHOICE_GREEDY)
    return count_added (audit, start);

  /* The search is judged against the old rule on every table: whichever of the two loses
   * less, the attack passing first, so that it never holds back more than the old rule. The
   * old rule's pruning, which does most of the good on large tables, is cheap; the search is
   * tried only when the old rule took less than an eighth of the budget. */
  prune (audit, added, start);
  greedy_passes = fe_audit_count_revealed (audit) == 0;
  greedy_cost = table_cost (audit);
  if (audit->work > WORK_BUDGET / 8)
    return count_added (audit, start);
  greedy = save_states (audit);

  restore_states (audit, start);
  g_array_set_size (added, 0);
  if (protect_search (audit, added, start))
    {
      prune (audit, added, start);
      search_passes = fe_audit_count_revealed (audit) == 0;
      search_cost = table_cost (audit);
      if (search_passes && (!greedy_passes || cost_compare (&search_cost, &greedy_cost) <= 0))
        return count_added (audit, start);
    }
  restore_states (audit, greedy);
  fe_audit_solve (audit);
  return count_added (audit, start);
}

void
fe_audit_set_choice (FeAudit       *audit,
                     FeAuditChoice  choice)
{
  g_return_if_fail (audit != NULL);
  audit->choice = choice;
}

/* A tally */

static guint
n_rows (const FeAuditTally *table)
{
  return 1 + table->tally->n_groups;
}

guint
fe_audit_tally_cell (const FeAuditTally *table,
                     int                 group,
                     guint               level)
{
  return (guint) (group + 1) * table->tally->n_levels + level;
}

guint
fe_audit_tally_base (const FeAuditTally *table,
                     int                 group)
{
  return n_rows (table) * table->tally->n_levels + (guint) (group + 1);
}

guint
fe_audit_tally_answered (const FeAuditTally *table,
                         int                 group)
{
  return n_rows (table) * (table->tally->n_levels + 1) + (guint) (group + 1);
}

static const guint *
group_counts (const FeTally *tally,
              int            group)
{
  return group < 0 ? tally->counts : tally->groups[group].counts;
}

static gboolean
is_small (guint count,
          guint k)
{
  return count > 0 && count < k;
}

/* Every row's items, states as the table has them. A "< k" is at least 1 where zeros print as
 * 0, but anything from 0 in a row whose respondents are fewer than k, where every cell is,
 * and where it is a zero printed as "< k" to protect others. */
static void
add_rows (FeAudit            *audit,
          const FeAuditTally *table)
{
  const FeTally *tally = table->tally;
  guint n_levels = tally->n_levels;

  int left_out = table->other_left_out && tally->n_groups > 0 ? (int) tally->n_groups - 1
                 : G_MAXINT;

  for (int r = -1; r < (int) tally->n_groups; r++)
    {
      gboolean printed = r < 0 ? table->whole_printed || table->whole_fixed
                         : table->groups_printed && r != left_out;
      gboolean small_row = table->bases[r + 1] == FE_CELL_SMALL || r == left_out;

      for (guint l = 0; l < n_levels; l++)
        {
          guint count = group_counts (tally, r)[l];
          /* Under a level fewer than k gave in all, a group's zero prints as "< k" too
           * (fe_disclosure_mask_small_levels()): any of its "< k" may be none. */
          gboolean masked = r >= 0 && table->cells[l] == FE_CELL_SMALL;

          fe_audit_add (audit, count, table->cells[(guint) (r + 1) * n_levels + l], printed,
                        r == left_out, small_row || masked || count == 0 ? 0 : 1,
                        FE_AUDIT_CELL);
        }
    }
  /* The whole row's totals are printed with any chart; a group's with its row. */
  for (int r = -1; r < (int) tally->n_groups; r++)
    fe_audit_add (audit, r < 0 ? tally->base : tally->groups[r].base, table->bases[r + 1],
                  r < 0 || (table->groups_printed && r != left_out), r == left_out, 1,
                  FE_AUDIT_BASE);
  for (int r = -1; r < (int) tally->n_groups; r++)
    fe_audit_add (audit, r < 0 ? tally->answered : tally->groups[r].answered,
                  table->answered[r + 1], r < 0 || (table->groups_printed && r != left_out),
                  r == left_out, table->bases[r + 1] == FE_CELL_SMALL || r == left_out ? 0 : 1,
                  FE_AUDIT_ANSWERED);
  if (!table->whole_fixed)
    return;
  for (guint l = 0; l < n_levels; l++)
    fe_audit_fix (audit, fe_audit_tally_cell (table, -1, l));
  fe_audit_fix (audit, fe_audit_tally_base (table, -1));
  fe_audit_fix (audit, fe_audit_tally_answered (table, -1));
}

/* Respondents in no group (no answer to the split-by question): the whole less the groups,
 * printed nowhere, but as easily worked out as a printed group. Returns the first of its
 * items (cells, base, answered), or -1 when there are none. */
static int
add_rest (FeAudit            *audit,
          const FeAuditTally *table)
{
  const FeTally *tally = table->tally;
  guint base = tally->base;
  guint answered = tally->answered;
  gboolean small_row;
  int first = (int) fe_audit_get_n_items (audit);

  for (guint g = 0; g < tally->n_groups; g++)
    {
      base -= MIN (base, tally->groups[g].base);
      answered -= MIN (answered, tally->groups[g].answered);
    }
  if (base == 0)
    return -1;
  small_row = is_small (base, table->k);
  for (guint l = 0; l < tally->n_levels; l++)
    {
      guint count = tally->counts[l];

      for (guint g = 0; g < tally->n_groups; g++)
        count -= MIN (count, tally->groups[g].counts[l]);
      fe_audit_add (audit, count, FE_CELL_SMALL, FALSE, small_row || is_small (count, table->k),
                    small_row ? 0 : 1, FE_AUDIT_CELL);
    }
  fe_audit_add (audit, base, FE_CELL_SMALL, FALSE, small_row, 1, FE_AUDIT_BASE);
  fe_audit_add (audit, answered, FE_CELL_SMALL, FALSE, small_row || is_small (answered, table->k),
                small_row ? 0 : 1, FE_AUDIT_ANSWERED);
  return first;
}

static gboolean
is_printed_exactly (FeAudit *audit,
                    guint    item)
{
  return item_at (audit, item)->printed && item_at (audit, item)->state == FE_CELL_SHOWN;
}

guint
fe_audit_add_difference (FeAudit  *audit,
                         guint     whole,
                         guint     part,
                         guint     value,
                         gboolean  guard)
{
  guint parts[2] = { part, 0 };

  parts[1] = fe_audit_add (audit, value, FE_CELL_SMALL, FALSE,
                           guard && value > 0 && value < audit->k, value > 0 ? 1 : 0,
                           FE_AUDIT_CELL);
  fe_audit_add_sum (audit, whole, parts, 2);
  return parts[1];
}

/* @whole less @part, guarded where the two are printed exactly, for then it is known as
 * exactly as they are. Where either is held back, it is as vague as that one, and a "< k"
 * among them is all it tells. */
static void
add_difference (FeAudit *audit,
                guint    whole,
                guint    part,
                guint    value)
{
  fe_audit_add_difference (audit, whole, part, value,
                           is_printed_exactly (audit, whole) && is_printed_exactly (audit, part));
}

/* Where a respondent may give several answers, each level leaves out those who answered but did
 * not give it ("Drugs 28 of 30 who answered": 2 did not), and a child code those who raised its
 * parent but not it: numbers as telling as the ones printed, and guarded as they are. */
static void
add_differences (FeAudit            *audit,
                 const FeAuditTally *table)
{
  const FeTally *tally = table->tally;
  const FeColumn *question = tally->question;
  gboolean coded = question->levels != NULL && question->levels->len == tally->n_levels;

  for (int r = -1; r < (int) tally->n_groups; r++)
    {
      const guint *counts = group_counts (tally, r);
      guint answered = r < 0 ? tally->answered : tally->groups[r].answered;

      for (guint l = 0; l < tally->n_levels; l++)
        {
          int parent = coded ? fe_column_get_level_parent (question, l) : -1;

          add_difference (audit, fe_audit_tally_answered (table, r),
                          fe_audit_tally_cell (table, r, l),
                          answered - MIN (answered, counts[l]));
          if (parent >= 0)
            add_difference (audit, fe_audit_tally_cell (table, r, (guint) parent),
                            fe_audit_tally_cell (table, r, l),
                            counts[parent] - MIN (counts[parent], counts[l]));
        }
    }
}

FeAudit *
fe_audit_new_for_tally (const FeAuditTally *table)
{
  const FeTally *tally;
  FeAudit *audit;
  guint n_levels;
  gboolean single;
  gboolean by_single;
  g_autofree guint *parts = NULL;
  int rest;

  g_return_val_if_fail (table != NULL && table->tally != NULL, NULL);
  tally = table->tally;
  n_levels = tally->n_levels;
  single = fe_role_is_single_valued (tally->question->role);
  by_single = tally->by != NULL && fe_role_is_single_valued (tally->by->role);
  parts = g_new (guint, MAX (n_levels, tally->n_groups) + 2);
  audit = fe_audit_new (table->k);
  add_rows (audit, table);
  rest = by_single ? add_rest (audit, table) : -1;
  if (!single)
    add_differences (audit, table);

  for (int r = -1; r < (int) tally->n_groups + (rest >= 0 ? 1 : 0); r++)
    {
      gboolean is_rest = r == (int) tally->n_groups;
      guint answered = is_rest ? (guint) rest + n_levels + 1 : fe_audit_tally_answered (table, r);
      guint base = is_rest ? (guint) rest + n_levels : fe_audit_tally_base (table, r);

      for (guint l = 0; l < n_levels; l++)
        {
          parts[l] = is_rest ? (guint) rest + l : fe_audit_tally_cell (table, r, l);
          if (!single)
            fe_audit_add_at_most (audit, parts[l], answered);
        }
      if (single)
        fe_audit_add_sum (audit, answered, parts, n_levels);
      fe_audit_add_at_most (audit, answered, base);
    }

  if (tally->by == NULL)
    return audit;
  for (guint l = 0; l <= n_levels + 1; l++)
    {
      guint n = 0;
      guint whole = l < n_levels ? fe_audit_tally_cell (table, -1, l)
                    : l == n_levels ? fe_audit_tally_base (table, -1)
                    : fe_audit_tally_answered (table, -1);

      for (guint g = 0; g <= tally->n_groups; g++)
        {
          guint part;

          if (g == tally->n_groups)
            {
              if (rest < 0)
                break;
              part = (guint) rest + l;
            }
          else
            part = l < n_levels ? fe_audit_tally_cell (table, (int) g, l)
                   : l == n_levels ? fe_audit_tally_base (table, (int) g)
                   : fe_audit_tally_answered (table, (int) g);
          if (by_single)
            parts[n++] = part;
          else
            fe_audit_add_at_most (audit, part, whole);
        }
      if (by_single)
        fe_audit_add_sum (audit, whole, parts, n);
    }
  return audit;
}

void
fe_audit_tally_store (FeAuditTally  *table,
                      const FeAudit *audit)
{
  const FeTally *tally = table->tally;

  for (int r = -1; r < (int) tally->n_groups; r++)
    {
      for (guint l = 0; l < tally->n_levels; l++)
        table->cells[(guint) (r + 1) * tally->n_levels + l]
          = fe_audit_get_state (audit, fe_audit_tally_cell (table, r, l));
      table->bases[r + 1] = fe_audit_get_state (audit, fe_audit_tally_base (table, r));
      table->answered[r + 1] = fe_audit_get_state (audit, fe_audit_tally_answered (table, r));
    }
}

guint
fe_audit_tally_protect (FeAuditTally  *table,
                        FeAuditChoice  choice)
{
  g_autoptr(FeAudit) audit = fe_audit_new_for_tally (table);
  guint n_more;

  fe_audit_set_choice (audit, choice);
  n_more = fe_audit_protect (audit);

  fe_audit_tally_store (table, audit);
  return n_more;
}
