/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fe-explore-state.h"

G_BEGIN_DECLS

#define FE_TYPE_QUESTION_LIST (fe_question_list_get_type ())

G_DECLARE_FINAL_TYPE (FeQuestionList, fe_question_list, FE, QUESTION_LIST, GtkBox)

/* The questions of @state's study a chart can show, grouped as Respondents, Closed questions
 * and Themes, each with how many of the filtered respondents answered it; the state's question
 * selected. Selecting a row shows its question in @state. */
void      fe_question_list_set_state      (FeQuestionList *self,
                                           FeExploreState *state);
/* Selects @column's row, as a click on it does. */
void      fe_question_list_select         (FeQuestionList *self,
                                           const FeColumn *column);

G_END_DECLS
