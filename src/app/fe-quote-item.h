/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "fe-quote.h"
#include "fe-study.h"

G_BEGIN_DECLS

#define FE_TYPE_QUOTE_ITEM (fe_quote_item_get_type ())

G_DECLARE_FINAL_TYPE (FeQuoteItem, fe_quote_item, FE, QUOTE_ITEM, GObject)

/* Makes the quote at @index of @data, and says whether it is @starred. */
typedef FeQuote *(*FeQuoteItemMakeFunc) (gpointer  data,
                                         guint     index,
                                         gboolean *starred);

/* One quote in the browser's list model, made by @make the first time anything of it is asked
 * for: GTK 4.8 keeps two hundred items, and shows ten. @data is the item's, let go with
 * @destroy. */
FeQuoteItem   *fe_quote_item_new             (FeStudy            *study,
                                              FeQuoteItemMakeFunc make,
                                              gpointer            data,
                                              GDestroyNotify      destroy,
                                              guint               index);
/* The item stands for another quote, made in the same way: a list that keeps the items of the
 * places on screen when its quotes change. */
void           fe_quote_item_remake          (FeQuoteItem        *self,
                                              FeStudy            *study,
                                              FeQuoteItemMakeFunc make,
                                              gpointer            data,
                                              GDestroyNotify      destroy,
                                              guint               index);
/* Whether the quote is made yet. */
gboolean       fe_quote_item_is_made         (FeQuoteItem        *self);
const FeQuote *fe_quote_item_get_quote       (FeQuoteItem        *self);
FeStudy       *fe_quote_item_get_study       (FeQuoteItem        *self);
const char    *fe_quote_item_get_attribution (FeQuoteItem        *self);
char          *fe_quote_item_dup_citation    (FeQuoteItem        *self);
gboolean       fe_quote_item_get_starred     (FeQuoteItem        *self);
void           fe_quote_item_set_starred     (FeQuoteItem        *self,
                                              gboolean            starred);

G_END_DECLS
