/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-tally.h"

G_BEGIN_DECLS

/* The group of a folded tally that stands for every group too small to show on its own. */
#define FE_TALLY_GROUP_OTHER G_MAXUINT

/* A copy of @tally in which the groups with fewer than @k respondents (but at least one) are
 * merged into one last group, FE_TALLY_GROUP_OTHER ("Other"), so that a chart split by force
 * shows the large forces and "Other" instead of bars of one or two respondents each. Fold
 * before suppressing: while "Other" has fewer than @k respondents, the next smallest group
 * joins it (South Wales 80, Gwent 12, Dyfed-Powys 2 and North Wales 1 become South Wales 80
 * and "Other" 15), so that nothing small is left to protect but the cells themselves. "Other"
 * always holds at least two groups: one alone would only be renamed. Groups keep their order;
 * empty groups stay as they are. Returns NULL when there is nothing to fold: @k is 0, @tally
 * is not split, no group is small, or the split is by a column where one respondent can be in
 * several groups (their counts cannot simply be added up). The largest group is never
 * folded, so "Other" has fewer than @k respondents when all the others together have. */
FeTally *fe_tally_fold_small_groups (const FeTally *tally,
                                     guint          k);
/* Which groups of @tally fe_tally_fold_small_groups() merges into "Other": sets
 * @in_other[g] (n_groups of them) and returns how many, 0 when nothing is folded. */
guint    fe_tally_fold_plan         (const FeTally *tally,
                                     guint          k,
                                     gboolean      *in_other);
/* Whether group @index of @folded is the merged one. */
gboolean fe_tally_group_is_other    (const FeTally *folded,
                                     guint          index);

G_END_DECLS
