/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-tally.h"

static void
count_levels (const FeColumn *question,
              const FeBitset *rows,
              guint          *counts)
{
  for (guint l = 0; l < question->levels->len; l++)
    counts[l] = fe_bitset_count_and (rows, g_ptr_array_index (question->level_rows, l));
}

FeTally *
fe_tally_compute (const FeColumn *question,
                  const FeBitset *rows,
                  const FeColumn *by)
{
  FeTally *tally;

  g_return_val_if_fail (question != NULL && rows != NULL, NULL);

  tally = g_new0 (FeTally, 1);
  tally->question = question;
  tally->by = by;
  tally->n_levels = fe_column_get_n_levels (question);
  tally->base = fe_bitset_count (rows);
  tally->answered = fe_bitset_count_and (rows, question->answered);
  tally->counts = g_new0 (guint, MAX (tally->n_levels, 1));
  count_levels (question, rows, tally->counts);

  if (by == NULL)
    return tally;

  tally->n_groups = fe_column_get_n_levels (by);
  tally->groups = g_new0 (FeTallyGroup, MAX (tally->n_groups, 1));
  if (tally->n_groups > 0)
    {
      g_autoptr(FeBitset) group_rows = fe_bitset_new (fe_bitset_get_size (rows));

      for (guint g = 0; g < tally->n_groups; g++)
        {
          FeTallyGroup *group = &tally->groups[g];

          fe_bitset_assign (group_rows, rows);
          fe_bitset_and (group_rows, g_ptr_array_index (by->level_rows, g));
          group->group = g;
          group->base = fe_bitset_count (group_rows);
          group->answered = fe_bitset_count_and (group_rows, question->answered);
          group->counts = g_new0 (guint, MAX (tally->n_levels, 1));
          count_levels (question, group_rows, group->counts);
        }
    }
  return tally;
}

void
fe_tally_free (FeTally *tally)
{
  if (tally == NULL)
    return;
  for (guint g = 0; g < tally->n_groups; g++)
    g_free (tally->groups[g].counts);
  g_free (tally->groups);
  g_free (tally->counts);
  g_free (tally);
}
