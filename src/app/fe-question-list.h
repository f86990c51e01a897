/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fe-study.h"

G_BEGIN_DECLS

#define FE_TYPE_QUESTION_LIST (fe_question_list_get_type ())

G_DECLARE_FINAL_TYPE (FeQuestionList, fe_question_list, FE, QUESTION_LIST, GtkBox)

/* The questions a chart can show, grouped as Respondents, Closed questions and Themes, each with
 * how many of the filtered respondents answered it. Emits "question-selected" (column index). */
void      fe_question_list_set_study      (FeQuestionList *self,
                                           FeStudy        *study);
void      fe_question_list_update_counts  (FeQuestionList *self,
                                           const FeBitset *rows);
void      fe_question_list_select         (FeQuestionList *self,
                                           const FeColumn *column);

G_END_DECLS
