/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fe-quote-item.h"

G_BEGIN_DECLS

#define FE_TYPE_QUOTE_ROW (fe_quote_row_get_type ())

G_DECLARE_FINAL_TYPE (FeQuoteRow, fe_quote_row, FE, QUOTE_ROW, GtkBox)

GtkWidget *fe_quote_row_new  (void);
/* Shows @item, with the words of @query highlighted. */
void       fe_quote_row_bind (FeQuoteRow  *self,
                              FeQuoteItem *item,
                              const char  *query);
/* The item bound, or NULL; the list may have given it another quote since the row showed it. */
FeQuoteItem *fe_quote_row_get_item (FeQuoteRow *self);
/* Shows the open question @title and its @counts above the quote, as the first of its group;
 * NULL @title shows none. */
void       fe_quote_row_set_group (FeQuoteRow  *self,
                                   const char  *title,
                                   const char  *counts);

G_END_DECLS
