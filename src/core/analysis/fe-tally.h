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
  /* A weighted tally's sums of case weights over the same respondents (FeTally.w_counts). */
  double  w_base;
  double  w_answered;
  double *w_counts;
} FeTallyGroup;

struct _FeTally
{
  const FeColumn *question;
  const FeColumn *by;        /* NULL: not split */
  /* The split is a question, not an attribute: only those who answered both count, so every
   * base (and the whole row) is of those who answered both questions, and base == answered. */
  gboolean        both;
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
  /* A weighted tally (fe_tally_compute_weighted()): the respondents' case weights summed over
   * each base, answered and count above, for weighted percentages; NULL when unweighted. The
   * counts themselves stay respondents, so that every n, and every disclosure decision, is of
   * people, never of weights. */
  double          w_base;
  double          w_answered;
  double         *w_counts;
};

/* Counts @question over @rows (a filter's result), split by the levels of @by when given.
 * A split by another question (or by the question itself: a co-occurrence table) counts only
 * the rows that answered both: a cell is those who fall in both, and the base of its
 * percentage those who answered both questions (see FeTally.both). */
FeTally *fe_tally_compute (const FeColumn *question,
                           const FeBitset *rows,
                           const FeColumn *by);
/* The same, with the sums of @weights (one per row, fe_study_get_weights()) beside each count,
 * or unweighted when @weights is NULL. */
FeTally *fe_tally_compute_weighted (const FeColumn *question,
                                    const FeBitset *rows,
                                    const FeColumn *by,
                                    const double   *weights);
FeTally *fe_tally_copy    (const FeTally  *tally);
void     fe_tally_free    (FeTally        *tally);
/* Whether disclosure control at @k withholds anything of @tally: a count, a base or an answered
 * of fewer than @k respondents, and not none. */
gboolean fe_tally_has_small_count (const FeTally *tally,
                                   guint          k);
/* Whether a split by @by is a question's (its bases are those who answered both). */
gboolean fe_tally_split_is_question (const FeColumn *by);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeTally, fe_tally_free)

G_END_DECLS
