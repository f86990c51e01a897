/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-disclosure.h"
#include "fe-disclosure-audit.h"

#include "fe-i18n.h"

struct _FeDisclosure
{
  guint             k;
  guint             n_levels;
  guint             n_rows;      /* the whole row, then one per group */
  FeCellDisclosure *cells;       /* n_rows × n_levels */
  FeCellDisclosure *bases;       /* n_rows */
  FeCellDisclosure *answered;    /* n_rows */
};

/* Row 0 is the whole; row g + 1 is group g. */
static guint
row_of (int group)
{
  return (guint) (group + 1);
}

static const guint *
row_counts (const FeTally *tally,
            guint          row)
{
  return row == 0 ? tally->counts : tally->groups[row - 1].counts;
}

static guint
row_base (const FeTally *tally,
          guint          row)
{
  return row == 0 ? tally->base : tally->groups[row - 1].base;
}

static guint
row_answered (const FeTally *tally,
              guint          row)
{
  return row == 0 ? tally->answered : tally->groups[row - 1].answered;
}

static FeCellDisclosure *
cell (FeDisclosure *d,
      guint         row,
      guint         level)
{
  return &d->cells[row * d->n_levels + level];
}

static gboolean
is_small (guint count,
          guint k)
{
  return count > 0 && count < k;
}

static void
suppress_primary (FeDisclosure  *d,
                  const FeTally *tally)
{
  for (guint row = 0; row < d->n_rows; row++)
    {
      gboolean small_group = is_small (row_base (tally, row), d->k);

      if (small_group)
        {
          d->bases[row] = FE_CELL_SMALL;
          d->answered[row] = FE_CELL_SMALL;
        }
      else if (is_small (row_answered (tally, row), d->k))
        d->answered[row] = FE_CELL_SMALL;

      for (guint level = 0; level < d->n_levels; level++)
        if (small_group || is_small (row_counts (tally, row)[level], d->k))
          *cell (d, row, level) = row_counts (tally, row)[level] > 0 || small_group
                                  ? FE_CELL_SMALL : FE_CELL_SHOWN;
    }
}

/* In a question where each respondent gives one answer, a row's cells add up to its answered
 * total: one hidden cell among printed ones and a printed total gives it away. */
static gboolean
protect_rows (FeDisclosure  *d,
              const FeTally *tally)
{
  gboolean changed = FALSE;

  for (guint row = 0; row < d->n_rows; row++)
    {
      guint n_hidden = 0;
      int smallest = -1;

      if (d->answered[row] != FE_CELL_SHOWN)
        continue;
      for (guint level = 0; level < d->n_levels; level++)
        {
          guint count = row_counts (tally, row)[level];

          if (*cell (d, row, level) != FE_CELL_SHOWN)
            n_hidden++;
          else if (count > 0
                   && (smallest < 0 || count < row_counts (tally, row)[smallest]))
            smallest = (int) level;
        }
      if (n_hidden != 1)
        continue;
      if (smallest >= 0)
        *cell (d, row, (guint) smallest) = FE_CELL_HIDDEN;
      else
        d->answered[row] = FE_CELL_HIDDEN;
      changed = TRUE;
    }
  return changed;
}

/* Groups split the whole: one hidden group cell under a printed whole-row cell gives it away. */
static gboolean
protect_columns (FeDisclosure  *d,
                 const FeTally *tally)
{
  gboolean changed = FALSE;

  for (guint level = 0; level < d->n_levels; level++)
    {
      guint n_hidden = 0;
      int smallest = -1;

      if (*cell (d, 0, level) != FE_CELL_SHOWN)
        continue;
      for (guint row = 1; row < d->n_rows; row++)
        {
          guint count = row_counts (tally, row)[level];

          if (*cell (d, row, level) != FE_CELL_SHOWN)
            n_hidden++;
          else if (count > 0
                   && (smallest < 0 || count < row_counts (tally, (guint) smallest)[level]))
            smallest = (int) row;
        }
      if (n_hidden != 1)
        continue;
      if (smallest >= 0)
        *cell (d, (guint) smallest, level) = FE_CELL_HIDDEN;
      else
        *cell (d, 0, level) = FE_CELL_HIDDEN;
      changed = TRUE;
    }
  return changed;
}

/* Likewise the group bases add up to the whole base. */
static void
protect_bases (FeDisclosure  *d,
               const FeTally *tally)
{
  guint n_hidden = 0;
  int smallest = -1;

  for (guint row = 1; row < d->n_rows; row++)
    {
      if (d->bases[row] != FE_CELL_SHOWN)
        n_hidden++;
      else if (row_base (tally, row) > 0
               && (smallest < 0 || row_base (tally, row) < row_base (tally, (guint) smallest)))
        smallest = (int) row;
    }
  if (n_hidden != 1)
    return;
  if (smallest >= 0)
    d->bases[smallest] = FE_CELL_HIDDEN;
  else
    d->bases[0] = FE_CELL_HIDDEN;
}

FeDisclosure *
fe_disclosure_new (const FeTally *tally,
                   guint          k)
{
  return fe_disclosure_new_split (tally, k, TRUE);
}

FeDisclosure *
fe_disclosure_new_split (const FeTally *tally,
                         guint          k,
                         gboolean       whole_printed)
{
  return fe_disclosure_new_full (tally, k, whole_printed, FE_AUDIT_CHOICE_SEARCH);
}

FeDisclosure *
fe_disclosure_new_full (const FeTally *tally,
                        guint          k,
                        gboolean       whole_printed,
                        FeAuditChoice  choice)
{
  FeDisclosure *d;
  FeAuditTally table;
  gboolean single_valued;
  gboolean by_single;

  g_return_val_if_fail (tally != NULL, NULL);

  d = g_new0 (FeDisclosure, 1);
  d->k = k;
  d->n_levels = tally->n_levels;
  d->n_rows = 1 + tally->n_groups;
  d->cells = g_new0 (FeCellDisclosure, (gsize) d->n_rows * MAX (d->n_levels, 1));
  d->bases = g_new0 (FeCellDisclosure, d->n_rows);
  d->answered = g_new0 (FeCellDisclosure, d->n_rows);
  if (k == 0)
    return d;

  single_valued = fe_role_is_single_valued (tally->question->role);
  by_single = tally->by != NULL && fe_role_is_single_valued (tally->by->role);
  suppress_primary (d, tally);
  fe_disclosure_mask_small_levels (tally, k, d->cells);
  /* A number alone held back in a sum goes first, whatever its interval: with k = 2 a "< 2"
   * is 1 to a reader who knows zeros print as 0, but not which of two it is. */
  for (gboolean changed = TRUE; changed;)
    {
      changed = FALSE;
      if (single_valued)
        changed |= protect_rows (d, tally);
      if (by_single && whole_printed)
        changed |= protect_columns (d, tally);
    }
  if (by_single)
    protect_bases (d, tally);
  /* Held back is not hidden until the interval attack says so: see fe-disclosure-audit.h. */
  table = (FeAuditTally) { .tally = tally, .k = k, .cells = d->cells, .bases = d->bases,
                           .answered = d->answered, .whole_printed = whole_printed,
                           .groups_printed = TRUE };
  fe_audit_tally_protect (&table, choice);
  return d;
}

void
fe_disclosure_mask_small_levels (const FeTally    *tally,
                                 guint             k,
                                 FeCellDisclosure *cells)
{
  guint n_levels = tally->n_levels;

  for (guint l = 0; l < n_levels; l++)
    if (cells[l] == FE_CELL_SMALL)
      for (guint g = 0; g < tally->n_groups; g++)
        if (tally->groups[g].counts[l] == 0)
          cells[(g + 1) * n_levels + l] = FE_CELL_SMALL;
}

void
fe_disclosure_free (FeDisclosure *disclosure)
{
  if (disclosure == NULL)
    return;
  g_free (disclosure->cells);
  g_free (disclosure->bases);
  g_free (disclosure->answered);
  g_free (disclosure);
}

guint
fe_disclosure_get_k (const FeDisclosure *disclosure)
{
  return disclosure->k;
}

FeCellDisclosure
fe_disclosure_get_cell (const FeDisclosure *disclosure,
                        int                 group,
                        guint               level)
{
  g_return_val_if_fail (row_of (group) < disclosure->n_rows, FE_CELL_HIDDEN);
  g_return_val_if_fail (level < disclosure->n_levels, FE_CELL_HIDDEN);
  return disclosure->cells[row_of (group) * disclosure->n_levels + level];
}

FeCellDisclosure
fe_disclosure_get_base (const FeDisclosure *disclosure,
                        int                 group)
{
  g_return_val_if_fail (row_of (group) < disclosure->n_rows, FE_CELL_HIDDEN);
  return disclosure->bases[row_of (group)];
}

FeCellDisclosure
fe_disclosure_get_answered (const FeDisclosure *disclosure,
                            int                 group)
{
  g_return_val_if_fail (row_of (group) < disclosure->n_rows, FE_CELL_HIDDEN);
  return disclosure->answered[row_of (group)];
}

gboolean
fe_disclosure_any (const FeDisclosure *disclosure)
{
  for (guint i = 0; i < disclosure->n_rows * disclosure->n_levels; i++)
    if (disclosure->cells[i] != FE_CELL_SHOWN)
      return TRUE;
  for (guint row = 0; row < disclosure->n_rows; row++)
    if (disclosure->bases[row] != FE_CELL_SHOWN || disclosure->answered[row] != FE_CELL_SHOWN)
      return TRUE;
  return FALSE;
}

char *
fe_disclosure_small_text (const FeDisclosure *disclosure)
{
  /* Translators: shown instead of a number of respondents that is too small to publish */
  return g_strdup_printf (_("< %u"), disclosure->k);
}
