/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-tally.h"

G_BEGIN_DECLS

/* The group of a folded tally that stands for every group too small to show on its own. */
#define FE_TALLY_GROUP_OTHER G_MAXUINT

/* A copy of @tally in which the groups with fewer than @k respondents (but at least one) are
 * merged into one last group, FE_TALLY_GROUP_OTHER ("Other"), so that a chart split by force
 * shows two forces and "Other" instead of two forces and two bars of one respondent each.
 * Groups keep their order; empty groups stay as they are. Returns NULL when there is nothing
 * to fold: @k is 0, @tally is not split, fewer than two groups are small (one group alone
 * would only be renamed), or the split is by a column where one respondent can be in several
 * groups (their counts cannot simply be added up). */
FeTally *fe_tally_fold_small_groups (const FeTally *tally,
                                     guint          k);
/* Whether group @index of @folded is the merged one. */
gboolean fe_tally_group_is_other    (const FeTally *folded,
                                     guint          index);

G_END_DECLS
