/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fe-explore-state.h"

G_BEGIN_DECLS

#define FE_TYPE_RESPONDENT_VIEW (fe_respondent_view_get_type ())

G_DECLARE_FINAL_TYPE (FeRespondentView, fe_respondent_view, FE, RESPONDENT_VIEW, GtkBox)

/* One row per respondent: id, attributes, closed answers and a snippet of each open answer,
 * sortable by any column. Emits "respondent-activated" (row) when a row is opened. */
/* Lists the respondents @state counts, as it changes. */
void        fe_respondent_view_set_state  (FeRespondentView *self,
                                           FeExploreState   *state);
GListModel *fe_respondent_view_get_model  (FeRespondentView *self);
/* The study row of the respondent at @position of the shown (filtered, sorted) list. */
guint       fe_respondent_view_get_row_at (FeRespondentView *self,
                                           guint             position);

/* Whether the order a header asked for is still being made (the old one is shown meanwhile). */
gboolean    fe_respondent_view_is_sorting (FeRespondentView *self);

G_END_DECLS
