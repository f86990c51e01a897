/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-bitset.h"
#include "fe-column.h"
#include "fe-types.h"

G_BEGIN_DECLS

/* Respondents per level of a question, each respondent counted once per level. */
typedef struct
{
  guint  group;     /* level of the split-by column */
  guint  base;      /* respondents in the group */
  guint  answered;  /* of those, who answered the question */
  guint *counts;    /* per level of the question */
} FeTallyGroup;

struct _FeTally
{
  const FeColumn *question;
  const FeColumn *by;        /* NULL: not split */
  guint           n_levels;
  guint           base;
  guint           answered;
  guint          *counts;
  guint           n_groups;
  FeTallyGroup   *groups;
  /* A numeric question: how many of the respondents counted gave a number, and their lower
   * quartile, median and upper quartile, from the numbers themselves, not the bins (NaN when
   * none did, or the question is not numeric). */
  guint           n_numbers;
  double          quartiles[3];
};

/* Counts @question over @rows (a filter's result), split by the levels of @by when given. */
FeTally *fe_tally_compute (const FeColumn *question,
                           const FeBitset *rows,
                           const FeColumn *by);
FeTally *fe_tally_copy    (const FeTally  *tally);
void     fe_tally_free    (FeTally        *tally);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeTally, fe_tally_free)

G_END_DECLS
