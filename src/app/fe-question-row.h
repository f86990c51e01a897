/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fe-column.h"

G_BEGIN_DECLS

#define FE_TYPE_QUESTION_ROW (fe_question_row_get_type ())

G_DECLARE_FINAL_TYPE (FeQuestionRow, fe_question_row, FE, QUESTION_ROW, GtkListBoxRow)

/* A question of the question list: its label (whole in the tooltip and for screen readers)
 * and how many of the filtered respondents answered it. */
GtkWidget *fe_question_row_new        (FeColumn      *column);
FeColumn  *fe_question_row_get_column (FeQuestionRow *self);
void       fe_question_row_set_count  (FeQuestionRow *self,
                                       guint          count);

G_END_DECLS
