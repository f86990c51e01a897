/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "fe-quote.h"
#include "fe-study.h"

G_BEGIN_DECLS

#define FE_TYPE_QUOTE_ITEM (fe_quote_item_get_type ())

G_DECLARE_FINAL_TYPE (FeQuoteItem, fe_quote_item, FE, QUOTE_ITEM, GObject)

/* One quote in the browser's list model; takes ownership of @quote. */
FeQuoteItem   *fe_quote_item_new             (FeStudy     *study,
                                              FeQuote     *quote);
/* The item stands for another quote (@quote, taken over): a list that keeps the items of the
 * places on screen when its quotes change. */
void           fe_quote_item_set_quote       (FeQuoteItem *self,
                                              FeStudy     *study,
                                              FeQuote     *quote);
const FeQuote *fe_quote_item_get_quote       (FeQuoteItem *self);
FeStudy       *fe_quote_item_get_study       (FeQuoteItem *self);
const char    *fe_quote_item_get_attribution (FeQuoteItem *self);
char          *fe_quote_item_dup_citation    (FeQuoteItem *self);
gboolean       fe_quote_item_get_starred     (FeQuoteItem *self);
void           fe_quote_item_set_starred     (FeQuoteItem *self,
                                              gboolean     starred);

G_END_DECLS
