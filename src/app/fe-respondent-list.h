/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fe-bitset.h"

G_BEGIN_DECLS

#define FE_TYPE_RESPONDENT_ROW (fe_respondent_row_get_type ())

G_DECLARE_FINAL_TYPE (FeRespondentRow, fe_respondent_row, FE, RESPONDENT_ROW, GObject)

/* The study row of the respondent an item of the list stands for. */
guint fe_respondent_row_get_row (FeRespondentRow *self);

#define FE_TYPE_RESPONDENT_LIST (fe_respondent_list_get_type ())

G_DECLARE_FINAL_TYPE (FeRespondentList, fe_respondent_list, FE, RESPONDENT_LIST, GObject)

/* The respondents in a set of rows, in a sorter's order, as a GListModel of FeRespondentRow.
 * Items are made only when asked for and the order only when first needed: a national survey
 * has a million respondents and the screen shows thirty, so changing the filter costs a
 * popcount, not a million objects. */
FeRespondentList *fe_respondent_list_new       (GtkSorter        *sorter);
/* Lists the rows in @rows (a copy is kept); NULL lists none. */
void              fe_respondent_list_set_rows  (FeRespondentList *self,
                                                const FeBitset   *rows);
guint             fe_respondent_list_get_row_at (FeRespondentList *self,
                                                 guint             position);

G_END_DECLS
