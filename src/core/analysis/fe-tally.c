/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-tally.h"

#include <math.h>
#include <string.h>

/* The question's level sets and then its answered set, counted together with one pass over the
 * rows (and the group's rows): a chart split 43 ways costs 43 passes, not 43 × (levels + 3),
 * and no set is built per group. */
static void
count_group (const FeColumn *question,
             const FeBitset *rows,
             const FeBitset *group,
             guint          *base,
             guint          *answered,
             guint          *counts)
{
  guint n_levels = question->levels->len;
  g_autofree const FeBitset **sets = g_new (const FeBitset *, n_levels + 1);
  g_autofree guint *all = g_new (guint, n_levels + 1);

  for (guint l = 0; l < n_levels; l++)
    sets[l] = g_ptr_array_index (question->level_rows, l);
  sets[n_levels] = question->answered;
  fe_bitset_count_and_many (rows, group, sets, n_levels + 1, base, all);
  memcpy (counts, all, sizeof (guint) * n_levels);
  *answered = all[n_levels];
}

/* The case weights summed over what count_group() counts. Only asked for when weighted, so a
 * pass over the group's rows, looking each row up in every level, costs nothing otherwise. */
static void
weigh_group (const FeColumn *question,
             const FeBitset *rows,
             const FeBitset *group,
             const double   *weights,
             double         *w_base,
             double         *w_answered,
             double         *w_counts)
{
  guint n_levels = question->levels->len;
  g_autoptr(FeBitset) members = fe_bitset_copy (rows);

  if (group != NULL)
    fe_bitset_and (members, group);
  FE_BITSET_FOREACH (members, row)
    {
      double w = weights[row];

      if (w == 0)
        continue;
      *w_base += w;
      if (!fe_bitset_get (question->answered, row))
        continue;
      *w_answered += w;
      for (guint l = 0; l < n_levels; l++)
        if (fe_bitset_get (g_ptr_array_index (question->level_rows, l), row))
          w_counts[l] += w;
    }
}

gboolean
fe_tally_split_is_question (const FeColumn *by)
{
  return by != NULL && by->role != FE_ROLE_ATTRIBUTE;
}

FeTally *
fe_tally_compute (const FeColumn *question,
                  const FeBitset *rows,
                  const FeColumn *by)
{
  return fe_tally_compute_weighted (question, rows, by, NULL);
}

FeTally *
fe_tally_compute_weighted (const FeColumn *question,
                           const FeBitset *rows,
                           const FeColumn *by,
                           const double   *weights)
{
  g_autoptr(FeBitset) both = NULL;
  FeTally *tally;

  g_return_val_if_fail (question != NULL && rows != NULL, NULL);

  tally = g_new0 (FeTally, 1);
  tally->question = question;
  tally->by = by;
  tally->both = fe_tally_split_is_question (by);
  /* Someone who skipped either question says nothing about how the two go together: counted
   * in a base they would make every share of a cross-question table smaller than it is. */
  if (tally->both)
    {
      both = fe_bitset_copy (rows);
      fe_bitset_and (both, question->answered);
      fe_bitset_and (both, by->answered);
      rows = both;
    }
  tally->n_levels = fe_column_get_n_levels (question);
  tally->counts = g_new0 (guint, MAX (tally->n_levels, 1));
  count_group (question, rows, NULL, &tally->base, &tally->answered, tally->counts);
  if (weights != NULL)
    {
      tally->w_counts = g_new0 (double, MAX (tally->n_levels, 1));
      weigh_group (question, rows, NULL, weights, &tally->w_base, &tally->w_answered,
                   tally->w_counts);
    }
  tally->n_numbers = question->numbers != NULL
                       ? fe_numbers_quartiles (question->numbers, rows, tally->quartiles) : 0;
  if (question->numbers == NULL)
    tally->quartiles[0] = tally->quartiles[1] = tally->quartiles[2] = NAN;

  if (by == NULL)
    return tally;

  tally->n_groups = fe_column_get_n_levels (by);
  tally->groups = g_new0 (FeTallyGroup, MAX (tally->n_groups, 1));
  for (guint g = 0; g < tally->n_groups; g++)
    {
      FeTallyGroup *group = &tally->groups[g];

      group->group = g;
      group->counts = g_new0 (guint, MAX (tally->n_levels, 1));
      count_group (question, rows, g_ptr_array_index (by->level_rows, g), &group->base,
                   &group->answered, group->counts);
      if (weights == NULL)
        continue;
      group->w_counts = g_new0 (double, MAX (tally->n_levels, 1));
      weigh_group (question, rows, g_ptr_array_index (by->level_rows, g), weights,
                   &group->w_base, &group->w_answered, group->w_counts);
    }
  return tally;
}

FeTally *
fe_tally_copy (const FeTally *tally)
{
  FeTally *copy;

  g_return_val_if_fail (tally != NULL, NULL);

  copy = g_memdup2 (tally, sizeof *tally);
  copy->counts = g_memdup2 (tally->counts, sizeof (guint) * MAX (tally->n_levels, 1));
  copy->w_counts = g_memdup2 (tally->w_counts, sizeof (double) * MAX (tally->n_levels, 1));
  copy->groups = g_memdup2 (tally->groups, sizeof (FeTallyGroup) * MAX (tally->n_groups, 1));
  for (guint g = 0; g < tally->n_groups; g++)
    {
      copy->groups[g].counts = g_memdup2 (tally->groups[g].counts,
                                          sizeof (guint) * MAX (tally->n_levels, 1));
      copy->groups[g].w_counts = g_memdup2 (tally->groups[g].w_counts,
                                            sizeof (double) * MAX (tally->n_levels, 1));
    }
  return copy;
}

void
fe_tally_free (FeTally *tally)
{
  if (tally == NULL)
    return;
  for (guint g = 0; g < tally->n_groups; g++)
    {
      g_free (tally->groups[g].counts);
      g_free (tally->groups[g].w_counts);
    }
  g_free (tally->groups);
  g_free (tally->counts);
  g_free (tally->w_counts);
  g_free (tally);
}

static gboolean
is_small (guint count,
          guint k)
{
  return count > 0 && count < k;
}

gboolean
fe_tally_has_small_count (const FeTally *tally,
                          guint          k)
{
  g_return_val_if_fail (tally != NULL, FALSE);

  if (k == 0)
    return FALSE;
  if (is_small (tally->base, k) || is_small (tally->answered, k)
      || is_small (tally->base - tally->answered, k))
    return TRUE;
  for (guint l = 0; l < tally->n_levels; l++)
    if (is_small (tally->counts[l], k))
      return TRUE;
  for (guint g = 0; g < tally->n_groups; g++)
    {
      const FeTallyGroup *group = &tally->groups[g];

      if (is_small (group->base, k) || is_small (group->answered, k)
          || is_small (group->base - group->answered, k))
        return TRUE;
      for (guint l = 0; l < tally->n_levels; l++)
        if (is_small (group->counts[l], k))
          return TRUE;
    }
  return FALSE;
}
