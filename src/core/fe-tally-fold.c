/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-tally-fold.h"

static gboolean
is_small (guint count,
          guint k)
{
  return count > 0 && count < k;
}

static void
add_counts (guint       *into,
            const guint *counts,
            guint        n_levels)
{
  for (guint l = 0; l < n_levels; l++)
    into[l] += counts[l];
}

FeTally *
fe_tally_fold_small_groups (const FeTally *tally,
                            guint          k)
{
  FeTally *folded;
  FeTallyGroup *other;
  guint n_small = 0;
  guint n_levels;

  g_return_val_if_fail (tally != NULL, NULL);

  /* In a multi-select split one respondent can be in two small groups: adding the groups up
   * would count them twice. */
  if (k == 0 || tally->by == NULL || !fe_role_is_single_valued (tally->by->role))
    return NULL;
  for (guint g = 0; g < tally->n_groups; g++)
    if (is_small (tally->groups[g].base, k))
      n_small++;
  /* One small group folded alone would be that group under another name. */
  if (n_small < 2)
    return NULL;

  n_levels = tally->n_levels;
  folded = g_new0 (FeTally, 1);
  folded->question = tally->question;
  folded->by = tally->by;
  folded->n_levels = n_levels;
  folded->base = tally->base;
  folded->answered = tally->answered;
  folded->counts = g_memdup2 (tally->counts, sizeof (guint) * MAX (n_levels, 1));
  folded->groups = g_new0 (FeTallyGroup, tally->n_groups - n_small + 1);

  for (guint g = 0; g < tally->n_groups; g++)
    {
      const FeTallyGroup *group = &tally->groups[g];
      FeTallyGroup *copy;

      if (is_small (group->base, k))
        continue;
      copy = &folded->groups[folded->n_groups++];
      *copy = *group;
      copy->counts = g_memdup2 (group->counts, sizeof (guint) * MAX (n_levels, 1));
    }

  other = &folded->groups[folded->n_groups++];
  other->group = FE_TALLY_GROUP_OTHER;
  other->counts = g_new0 (guint, MAX (n_levels, 1));
  for (guint g = 0; g < tally->n_groups; g++)
    {
      const FeTallyGroup *group = &tally->groups[g];

      if (!is_small (group->base, k))
        continue;
      other->base += group->base;
      other->answered += group->answered;
      add_counts (other->counts, group->counts, n_levels);
    }
  return folded;
}

gboolean
fe_tally_group_is_other (const FeTally *folded,
                         guint          index)
{
  g_return_val_if_fail (folded != NULL && index < folded->n_groups, FALSE);

  return folded->groups[index].group == FE_TALLY_GROUP_OTHER;
}
