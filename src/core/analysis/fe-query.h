/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "fe-bitset.h"
#include "fe-column.h"
#include "fe-filter.h"
#include "fe-tally.h"
#include "fe-types.h"

G_BEGIN_DECLS

/* What a chart counts: the respondents of a study who pass a filter, tallied by a question and
 * perhaps split by another. Every front end (the window, presenting, the briefing pack, the
 * project audit and every command) counts through one, so that they cannot count apart.
 *
 * A query is made whole and never changes: a new filter or question is a new query. So one can
 * be handed to another thread, and whoever holds one knows what its numbers stand for. */
typedef struct _FeQuery FeQuery;

#define FE_TYPE_QUERY (fe_query_get_type ())
GType fe_query_get_type (void) G_GNUC_CONST;

/* @filter is copied (NULL: everyone); @question may be NULL, for the rows alone; @split NULL
 * for none. */
FeQuery        *fe_query_new              (FeStudy        *study,
                                           const FeFilter *filter,
                                           FeColumn       *question,
                                           FeColumn       *split);
/* The same, its percentages weighted by the study's case weights when @weighted (and the study
 * has them, fe_study_get_weights()): the tally carries the sums of weights beside its counts,
 * worked out once here, never per drawing. Counts, bases and so disclosure stay respondents. */
FeQuery        *fe_query_new_weighted     (FeStudy        *study,
                                           const FeFilter *filter,
                                           FeColumn       *question,
                                           FeColumn       *split,
                                           gboolean        weighted);
/* Whether its percentages are weighted: the variable they are weighted by, or NULL. */
const char     *fe_query_get_weighted_by  (const FeQuery  *self);
/* The split a chart of @question asked to be split by @split is split by: @split, but none
 * for a question split by itself, unless one respondent can give several of its answers (a
 * multi-select or coded question), where the self-split is the co-occurrence of its themes.
 * The window, presenting and saved views all follow this one rule. */
FeColumn       *fe_query_split_in_effect  (FeColumn       *question,
                                           FeColumn       *split);
FeQuery        *fe_query_ref              (FeQuery        *self);
void            fe_query_unref            (FeQuery        *self);

FeStudy        *fe_query_get_study        (const FeQuery  *self);
const FeFilter *fe_query_get_filter       (const FeQuery  *self);
FeColumn       *fe_query_get_question     (const FeQuery  *self);
/* The split in effect, NULL when none. */
FeColumn       *fe_query_get_split        (const FeQuery  *self);
/* The respondents who pass the filter. */
const FeBitset *fe_query_get_rows         (const FeQuery  *self);
/* "force = Gwent Police; role = PCSO", or "". */
const char     *fe_query_get_filter_text  (const FeQuery  *self);
/* The question's counts over the rows, split when the query is; NULL without a question. */
const FeTally  *fe_query_get_tally        (const FeQuery  *self);
/* A copy of them for the caller to keep. */
FeTally        *fe_query_dup_tally        (const FeQuery  *self);
/* The rows of group @group of the split (-1: every row of the query). */
FeBitset       *fe_query_dup_group_rows   (const FeQuery  *self,
                                           int             group);
/* The rows behind a segment: those who gave the question's answer @level and, when @group is
 * not -1, are in group @group of the split. */
FeBitset       *fe_query_dup_segment_rows (const FeQuery  *self,
                                           guint           level,
                                           int             group);
/* Those a list of quotes shown with the chart is known to come from: the segment's when
 * @level is one (and group @group's), else those of group @group (-1: every row of the query)
 * who answered the question. */
FeBitset       *fe_query_dup_quoted_rows  (const FeQuery  *self,
                                           int             level,
                                           int             group);
/* Whether respondent @row counts in that segment (whatever the filter: a quote's author). */
gboolean        fe_query_row_in_segment   (const FeQuery  *self,
                                           guint           row,
                                           guint           level,
                                           int             group);
/* Query-set-size control for the audience-facing paths (fe_filter_check_query_set()). */
gboolean        fe_query_check_query_set  (const FeQuery  *self,
                                           guint           k,
                                           GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeQuery, fe_query_unref)

G_END_DECLS
