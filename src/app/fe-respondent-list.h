/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fe-bitset.h"

G_BEGIN_DECLS

/* Every row of a study in one column's order: rows sorted by a key per row, then by row, with
 * the keys kept so that either direction keeps the file's order among equal answers. Made once
 * per column (on a worker: a million keys take a while) and shared. */
typedef struct _FeRespondentOrder FeRespondentOrder;

/* Takes @keys (g_new, one per row); NULL when @cancellable was cancelled while sorting. */
FeRespondentOrder *fe_respondent_order_new   (guint32      *keys,
                                              guint         n_rows,
                                              GCancellable *cancellable);
FeRespondentOrder *fe_respondent_order_ref   (FeRespondentOrder *order);
void               fe_respondent_order_unref (FeRespondentOrder *order);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeRespondentOrder, fe_respondent_order_unref)

#define FE_TYPE_RESPONDENT_ROW (fe_respondent_row_get_type ())

G_DECLARE_FINAL_TYPE (FeRespondentRow, fe_respondent_row, FE, RESPONDENT_ROW, GObject)

/* The study row of the respondent an item of the list stands for. An item stands for a place
 * in the list: when the filter or the order changes, the items on screen stay and their "row"
 * changes (notify::row), so the grid redraws thirty rows instead of rebuilding. */
guint fe_respondent_row_get_row (FeRespondentRow *self);

#define FE_TYPE_RESPONDENT_LIST (fe_respondent_list_get_type ())

G_DECLARE_FINAL_TYPE (FeRespondentList, fe_respondent_list, FE, RESPONDENT_LIST, GObject)

/* The respondents in a set of rows, in the file's order or an FeRespondentOrder, as a
 * GListModel of FeRespondentRow. Items are made only when asked for: a national survey has a
 * million respondents and the screen shows thirty. A change of rows is announced as the change
 * of length alone (items-changed at the end of the list), the items already made told their new
 * rows in place. */
FeRespondentList *fe_respondent_list_new        (void);
/* Lists the rows in @rows (a copy is kept); NULL lists none. */
void              fe_respondent_list_set_rows   (FeRespondentList  *self,
                                                 const FeBitset    *rows);
/* Orders the list by @order (NULL: the file's order), in reverse when @descending. */
void              fe_respondent_list_set_order  (FeRespondentList  *self,
                                                 FeRespondentOrder *order,
                                                 gboolean           descending);
/* The places on screen: told of a change at once, the rows made off screen later. */
void              fe_respondent_list_set_visible (FeRespondentList *self,
                                                  guint             first,
                                                  guint             n_visible);
guint             fe_respondent_list_get_row_at (FeRespondentList  *self,
                                                 guint              position);

G_END_DECLS
