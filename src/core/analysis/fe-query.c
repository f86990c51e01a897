/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-query.h"

#include "fe-query-set.h"
#include "fe-study.h"

struct _FeQuery
{
  FeStudy  *study;
  FeFilter *filter;
  FeColumn *question;
  FeColumn *split;
  FeBitset *rows;
  FeTally  *tally;
  char     *filter_text;
  gboolean  weighted;
};

G_DEFINE_BOXED_TYPE (FeQuery, fe_query, fe_query_ref, fe_query_unref)

FeQuery *
fe_query_new (FeStudy        *study,
              const FeFilter *filter,
              FeColumn       *question,
              FeColumn       *split)
{
  return fe_query_new_weighted (study, filter, question, split, FALSE);
}

FeQuery *
fe_query_new_weighted (FeStudy        *study,
                       const FeFilter *filter,
                       FeColumn       *question,
                       FeColumn       *split,
                       gboolean        weighted)
{
  FeQuery *self;
  const double *weights;

  g_return_val_if_fail (FE_IS_STUDY (study), NULL);

  self = g_rc_box_new0 (FeQuery);
  self->study = g_object_ref (study);
  self->filter = filter != NULL ? fe_filter_copy (filter) : fe_filter_new (study);
  self->question = question;
  self->split = split;
  /* Made now rather than when first asked, so that a query shared between threads is only
   * ever read. */
  self->rows = fe_filter_compute_rows (self->filter);
  weights = weighted ? fe_study_get_weights (study) : NULL;
  self->weighted = weights != NULL;
  if (question != NULL)
    self->tally = fe_tally_compute_weighted (question, self->rows, split, weights);
  self->filter_text = fe_filter_describe (self->filter);
  return self;
}

const char *
fe_query_get_weighted_by (const FeQuery *self)
{
  return self->weighted ? fe_study_get_weight_variable (self->study) : NULL;
}

FeColumn *
fe_query_split_in_effect (FeColumn *question,
                          FeColumn *split)
{
  if (split == NULL || split != question)
    return split;
  return question->role == FE_ROLE_MULTI || question->coded ? split : NULL;
}

FeQuery *
fe_query_ref (FeQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_rc_box_acquire (self);
}

static void
query_clear (FeQuery *self)
{
  g_object_unref (self->study);
  fe_filter_free (self->filter);
  fe_bitset_free (self->rows);
  fe_tally_free (self->tally);
  g_free (self->filter_text);
}

void
fe_query_unref (FeQuery *self)
{
  g_return_if_fail (self != NULL);
  g_rc_box_release_full (self, (GDestroyNotify) query_clear);
}

FeStudy *
fe_query_get_study (const FeQuery *self)
{
  return self->study;
}

const FeFilter *
fe_query_get_filter (const FeQuery *self)
{
  return self->filter;
}

FeColumn *
fe_query_get_question (const FeQuery *self)
{
  return self->question;
}

FeColumn *
fe_query_get_split (const FeQuery *self)
{
  return self->split;
}

const FeBitset *
fe_query_get_rows (const FeQuery *self)
{
  return self->rows;
}

const char *
fe_query_get_filter_text (const FeQuery *self)
{
  return self->filter_text;
}

const FeTally *
fe_query_get_tally (const FeQuery *self)
{
  return self->tally;
}

FeTally *
fe_query_dup_tally (const FeQuery *self)
{
  return self->tally != NULL ? fe_tally_copy (self->tally) : NULL;
}

FeBitset *
fe_query_dup_group_rows (const FeQuery *self,
                         int            group)
{
  FeBitset *rows = fe_bitset_copy (self->rows);

  if (group >= 0 && self->split != NULL && (guint) group < self->split->level_rows->len)
    fe_bitset_and (rows, g_ptr_array_index (self->split->level_rows, (guint) group));
  return rows;
}

FeBitset *
fe_query_dup_segment_rows (const FeQuery *self,
                           guint          level,
                           int            group)
{
  FeBitset *rows;

  g_return_val_if_fail (self->question != NULL, NULL);
  g_return_val_if_fail (level < self->question->level_rows->len, NULL);

  rows = fe_query_dup_group_rows (self, group);
  fe_bitset_and (rows, g_ptr_array_index (self->question->level_rows, level));
  return rows;
}

FeBitset *
fe_query_dup_quoted_rows (const FeQuery *self,
                          int            level,
                          int            group)
{
  FeBitset *rows;

  g_return_val_if_fail (self->question != NULL, NULL);

  if (level >= 0)
    return fe_query_dup_segment_rows (self, (guint) level, group);
  rows = fe_query_dup_group_rows (self, group);
  fe_bitset_and (rows, self->question->answered);
  return rows;
}

gboolean
fe_query_row_in_segment (const FeQuery *self,
                         guint          row,
                         guint          level,
                         int            group)
{
  g_return_val_if_fail (self->question != NULL, FALSE);

  if (level >= self->question->level_rows->len
      || !fe_bitset_get (g_ptr_array_index (self->question->level_rows, level), row))
    return FALSE;
  if (group < 0 || self->split == NULL)
    return TRUE;
  return (guint) group < self->split->level_rows->len
         && fe_bitset_get (g_ptr_array_index (self->split->level_rows, (guint) group), row);
}

gboolean
fe_query_check_query_set (const FeQuery *self,
                          guint          k,
                          GError       **error)
{
  return fe_filter_check_query_set (self->filter, k, error);
}
