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

/* The smallest group not yet in "Other" that has anybody in it, or -1. Ties go to the later
 * group, so that of two equal groups the one listed first stays on its own. The last such
 * group is never taken: an "Other" of everybody would be no split at all. */
static int
smallest_outside (const FeTally  *tally,
                  const gboolean *in_other)
{
  int smallest = -1;
  guint n_outside = 0;

  for (guint g = 0; g < tally->n_groups; g++)
    if (!in_other[g] && tally->groups[g].base > 0)
      {
        n_outside++;
        if (smallest < 0 || tally->groups[g].base <= tally->groups[smallest].base)
          smallest = (int) g;
      }
  return n_outside > 1 ? smallest : -1;
}

guint
fe_tally_fold_plan (const FeTally *tally,
                    guint          k,
                    gboolean      *in_other)
{
  guint n_in = 0;
  guint other_base = 0;

  g_return_val_if_fail (tally != NULL && in_other != NULL, 0);

  for (guint g = 0; g < tally->n_groups; g++)
    in_other[g] = FALSE;
  /* In a multi-select split one respondent can be in two small groups: adding the groups up
   * would count them twice. */
  if (k == 0 || tally->by == NULL || !fe_role_is_single_valued (tally->by->role))
    return 0;
  for (guint g = 0; g < tally->n_groups; g++)
    if (is_small (tally->groups[g].base, k))
      {
        in_other[g] = TRUE;
        other_base += tally->groups[g].base;
        n_in++;
      }
  if (n_in == 0)
    return 0;
  /* Fold before suppressing: an "Other" still under k would be one more small group to
   * protect, and "All respondents" less the groups shown would give it away. So the next
   * smallest group joins it until it reaches k; one small group alone would only be renamed,
   * so it always takes a second. */
  while (other_base < k || n_in < 2)
    {
      int next = smallest_outside (tally, in_other);

      if (next < 0)
        break;
      in_other[next] = TRUE;
      other_base += tally->groups[next].base;
      n_in++;
    }
  if (n_in < 2)
    {
      for (guint g = 0; g < tally->n_groups; g++)
        in_other[g] = FALSE;
      return 0;
    }
  return n_in;
}

FeTally *
fe_tally_fold_small_groups (const FeTally *tally,
                            guint          k)
{
  g_autofree gboolean *in_other = NULL;
  FeTally *folded;
  FeTallyGroup *other;
  guint n_in;
  guint n_levels;

  g_return_val_if_fail (tally != NULL, NULL);

  in_other = g_new0 (gboolean, MAX (tally->n_groups, 1));
  n_in = fe_tally_fold_plan (tally, k, in_other);
  if (n_in == 0)
    return NULL;

  n_levels = tally->n_levels;
  /* The whole as it was; only the groups change. */
  folded = g_memdup2 (tally, sizeof *tally);
  folded->counts = g_memdup2 (tally->counts, sizeof (guint) * MAX (n_levels, 1));
  folded->w_counts = g_memdup2 (tally->w_counts, sizeof (double) * MAX (n_levels, 1));
  folded->n_groups = 0;
  folded->groups = g_new0 (FeTallyGroup, tally->n_groups - n_in + 1);

  for (guint g = 0; g < tally->n_groups; g++)
    {
      const FeTallyGroup *group = &tally->groups[g];
      FeTallyGroup *copy;

      if (in_other[g])
        continue;
      copy = &folded->groups[folded->n_groups++];
      *copy = *group;
      copy->counts = g_memdup2 (group->counts, sizeof (guint) * MAX (n_levels, 1));
      copy->w_counts = g_memdup2 (group->w_counts, sizeof (double) * MAX (n_levels, 1));
    }

  other = &folded->groups[folded->n_groups++];
  other->group = FE_TALLY_GROUP_OTHER;
  other->counts = g_new0 (guint, MAX (n_levels, 1));
  if (tally->w_counts != NULL)
    other->w_counts = g_new0 (double, MAX (n_levels, 1));
  for (guint g = 0; g < tally->n_groups; g++)
    {
      const FeTallyGroup *group = &tally->groups[g];

      if (!in_other[g])
        continue;
      other->base += group->base;
      other->answered += group->answered;
      add_counts (other->counts, group->counts, n_levels);
      other->w_base += group->w_base;
      other->w_answered += group->w_answered;
      for (guint l = 0; other->w_counts != NULL && l < n_levels; l++)
        other->w_counts[l] += group->w_counts[l];
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
