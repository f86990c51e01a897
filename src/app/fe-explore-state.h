/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "fe-chart-spec.h"
#include "fe-query.h"
#include "fe-study.h"

G_BEGIN_DECLS

#define FE_TYPE_EXPLORE_STATE (fe_explore_state_get_type ())

G_DECLARE_FINAL_TYPE (FeExploreState, fe_explore_state, FE, EXPLORE_STATE, GObject)

/* What the researcher is looking at: a study, the question, the split asked for, the filter,
 * how the chart draws it and the segment selected. The panels of the window bind to its
 * properties and change it; none of them calls another or the window.
 *
 * Each change recomputes the counts once, into a new FeQuery (the "query" property), and
 * notifies each property that changed once. Whatever shows numbers listens to notify::query
 * alone: the question, split and filter are the query's. The selection follows the query: a
 * filter change keeps it, a new question or split lets it go, and neither notifies "selection"
 * (the query's notification says both). */
FeExploreState *fe_explore_state_new               (void);

FeStudy        *fe_explore_state_get_study         (FeExploreState *self);
/* A new study starts unfiltered, with no question and nothing selected. */
void            fe_explore_state_set_study         (FeExploreState *self,
                                                    FeStudy        *study);
/* The counts now on screen; NULL until a study is set. */
FeQuery        *fe_explore_state_get_query         (FeExploreState *self);
/* The study's respondents changed (incomplete responses counted or not): count again. */
void            fe_explore_state_requery           (FeExploreState *self);

FeColumn       *fe_explore_state_get_question      (FeExploreState *self);
void            fe_explore_state_set_question      (FeExploreState *self,
                                                    FeColumn       *question);
/* The split asked for, which stays while another question is shown; the query's split is the
 * one in effect (none while the question is the split column itself). */
FeColumn       *fe_explore_state_get_split         (FeExploreState *self);
void            fe_explore_state_set_split         (FeExploreState *self,
                                                    FeColumn       *split);
/* Shows @question split by @split in one change. */
void            fe_explore_state_show              (FeExploreState *self,
                                                    FeColumn       *question,
                                                    FeColumn       *split);
/* Shows what @query (of this state's study) counts, its question, split, filter and weighting,
 * in one change and with that very query: a saved view (fe_saved_view_to_query()). */
void            fe_explore_state_show_query        (FeExploreState *self,
                                                    FeQuery        *query);

const FeFilter *fe_explore_state_get_filter        (FeExploreState *self);
/* Replaces the filter with a copy of @filter. */
void            fe_explore_state_set_filter        (FeExploreState *self,
                                                    const FeFilter *filter);
/* Keeps (or stops keeping) the respondents who gave @level of @column. */
void            fe_explore_state_set_filter_level  (FeExploreState *self,
                                                    const FeColumn *column,
                                                    guint           level,
                                                    gboolean        kept);
void            fe_explore_state_clear_filter      (FeExploreState *self);

FeChartKind     fe_explore_state_get_kind          (FeExploreState *self);
void            fe_explore_state_set_kind          (FeExploreState *self,
                                                    FeChartKind     kind);
FeChartMeasure  fe_explore_state_get_measure       (FeExploreState *self);
void            fe_explore_state_set_measure       (FeExploreState *self,
                                                    FeChartMeasure  measure);
FeChartSort     fe_explore_state_get_sort          (FeExploreState *self);
void            fe_explore_state_set_sort          (FeExploreState *self,
                                                    FeChartSort     sort);
/* Whether percentages are weighted by the study's case weight (fe_study_get_weights()): the
 * query's tally then carries the weights. Asking for it without a weight leaves it unweighted;
 * a new study without a weight switches it off. */
gboolean        fe_explore_state_get_weighted      (FeExploreState *self);
void            fe_explore_state_set_weighted      (FeExploreState *self,
                                                    gboolean        weighted);
/* The disclosure threshold in force (0: off). */
guint           fe_explore_state_get_min_cell      (FeExploreState *self);
void            fe_explore_state_set_min_cell      (FeExploreState *self,
                                                    guint           min_cell);

/* The selected segment: an answer of the question (-1: none) and a group of the split (-1:
 * none, or not split). */
int             fe_explore_state_get_selected_level (FeExploreState *self);
int             fe_explore_state_get_selected_group (FeExploreState *self);
void            fe_explore_state_select             (FeExploreState *self,
                                                     int             level,
                                                     int             group);

/* The respondent (a row) whose words the researcher picked, -1 for none: the chart marks the
 * segments they count in. A new query or selection forgets it, within their notification. */
int             fe_explore_state_get_respondent     (FeExploreState *self);
void            fe_explore_state_set_respondent     (FeExploreState *self,
                                                     int             row);

/* The chart as the state asks for it on screen: every number, small ones marked. */
void            fe_explore_state_init_spec         (FeExploreState *self,
                                                    FeChartSpec    *spec);

G_END_DECLS
