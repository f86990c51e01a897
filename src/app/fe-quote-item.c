/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-quote-item.h"

#include "fe-attribution.h"

struct _FeQuoteItem
{
  GObject  parent_instance;

  FeStudy *study;
  FeQuote *quote;
  char    *attribution;
};

G_DEFINE_FINAL_TYPE (FeQuoteItem, fe_quote_item, G_TYPE_OBJECT)

static void
fe_quote_item_finalize (GObject *object)
{
  FeQuoteItem *self = FE_QUOTE_ITEM (object);

  g_clear_object (&self->study);
  g_clear_pointer (&self->quote, fe_quote_free);
  g_free (self->attribution);
  G_OBJECT_CLASS (fe_quote_item_parent_class)->finalize (object);
}

static void
fe_quote_item_class_init (FeQuoteItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fe_quote_item_finalize;
}

static void
fe_quote_item_init (FeQuoteItem *self)
{
}

FeQuoteItem *
fe_quote_item_new (FeStudy *study,
                   FeQuote *quote)
{
  FeQuoteItem *self = g_object_new (FE_TYPE_QUOTE_ITEM, NULL);

  self->study = g_object_ref (study);
  self->quote = quote;
  self->attribution = fe_study_dup_attribution (study, quote->row);
  return self;
}

const FeQuote *
fe_quote_item_get_quote (FeQuoteItem *self)
{
  g_return_val_if_fail (FE_IS_QUOTE_ITEM (self), NULL);
  return self->quote;
}

FeStudy *
fe_quote_item_get_study (FeQuoteItem *self)
{
  g_return_val_if_fail (FE_IS_QUOTE_ITEM (self), NULL);
  return self->study;
}

const char *
fe_quote_item_get_attribution (FeQuoteItem *self)
{
  g_return_val_if_fail (FE_IS_QUOTE_ITEM (self), NULL);
  return self->attribution;
}

char *
fe_quote_item_dup_citation (FeQuoteItem *self)
{
  g_return_val_if_fail (FE_IS_QUOTE_ITEM (self), NULL);
  return fe_quote_dup_citation (self->study, self->quote, 0);
}
