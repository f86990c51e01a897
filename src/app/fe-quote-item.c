/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-quote-item.h"

#include "fe-attribution.h"

struct _FeQuoteItem
{
  GObject  parent_instance;

  FeStudy *study;
  FeQuote *quote;
  char    *attribution;
  gboolean starred;
};

G_DEFINE_FINAL_TYPE (FeQuoteItem, fe_quote_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STARRED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fe_quote_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FeQuoteItem *self = FE_QUOTE_ITEM (object);

  switch (prop_id)
    {
    case PROP_STARRED:
      g_value_set_boolean (value, self->starred);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fe_quote_item_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FeQuoteItem *self = FE_QUOTE_ITEM (object);

  switch (prop_id)
    {
    case PROP_STARRED:
      fe_quote_item_set_starred (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

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
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fe_quote_item_finalize;
  object_class->get_property = fe_quote_item_get_property;
  object_class->set_property = fe_quote_item_set_property;

  /* Starred for the saved view on screen, to show with it when presenting. */
  properties[PROP_STARRED] =
    g_param_spec_boolean ("starred", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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

void
fe_quote_item_set_quote (FeQuoteItem *self,
                         FeStudy     *study,
                         FeQuote     *quote)
{
  g_return_if_fail (FE_IS_QUOTE_ITEM (self));

  g_set_object (&self->study, study);
  g_clear_pointer (&self->quote, fe_quote_free);
  self->quote = quote;
  g_free (self->attribution);
  self->attribution = fe_study_dup_attribution (study, quote->row);
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

gboolean
fe_quote_item_get_starred (FeQuoteItem *self)
{
  g_return_val_if_fail (FE_IS_QUOTE_ITEM (self), FALSE);
  return self->starred;
}

void
fe_quote_item_set_starred (FeQuoteItem *self,
                           gboolean     starred)
{
  g_return_if_fail (FE_IS_QUOTE_ITEM (self));

  if (self->starred == !!starred)
    return;
  self->starred = !!starred;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARRED]);
}
