/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-quote-item.h"

#include "fe-attribution.h"

struct _FeQuoteItem
{
  GObject             parent_instance;

  FeStudy            *study;
  FeQuote            *quote;        /* NULL until made */
  char               *attribution;  /* made with it */
  gboolean            starred;
  FeQuoteItemMakeFunc make;
  gpointer            make_data;
  GDestroyNotify      make_destroy;
  guint               index;
};

G_DEFINE_FINAL_TYPE (FeQuoteItem, fe_quote_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STARRED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
let_maker_go (FeQuoteItem *self)
{
  if (self->make_destroy != NULL)
    self->make_destroy (self->make_data);
  self->make_data = NULL;
  self->make_destroy = NULL;
}

static void
forget_quote (FeQuoteItem *self)
{
  g_clear_pointer (&self->quote, fe_quote_free);
  g_clear_pointer (&self->attribution, g_free);
  let_maker_go (self);
}

/* The starred state comes with the quote, unannounced: a row reads it when it shows the item. */
static void
ensure_made (FeQuoteItem *self)
{
  if (self->quote != NULL)
    return;
  self->quote = self->make (self->make_data, self->index, &self->starred);
  self->attribution = fe_study_dup_attribution (self->study, self->quote->row);
  /* Made once: what made it can go. */
  let_maker_go (self);
}

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
      g_value_set_boolean (value, fe_quote_item_get_starred (self));
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

  forget_quote (self);
  g_clear_object (&self->study);
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
fe_quote_item_new (FeStudy            *study,
                   FeQuoteItemMakeFunc make,
                   gpointer            data,
                   GDestroyNotify      destroy,
                   guint               index)
{
  FeQuoteItem *self = g_object_new (FE_TYPE_QUOTE_ITEM, NULL);

  fe_quote_item_remake (self, study, make, data, destroy, index);
  return self;
}

void
fe_quote_item_remake (FeQuoteItem        *self,
                      FeStudy            *study,
                      FeQuoteItemMakeFunc make,
                      gpointer            data,
                      GDestroyNotify      destroy,
                      guint               index)
{
  g_return_if_fail (FE_IS_QUOTE_ITEM (self));
  g_return_if_fail (make != NULL);

  forget_quote (self);
  g_set_object (&self->study, study);
  self->make = make;
  self->make_data = data;
  self->make_destroy = destroy;
  self->index = index;
}

gboolean
fe_quote_item_is_made (FeQuoteItem *self)
{
  g_return_val_if_fail (FE_IS_QUOTE_ITEM (self), FALSE);
  return self->quote != NULL;
}

const FeQuote *
fe_quote_item_get_quote (FeQuoteItem *self)
{
  g_return_val_if_fail (FE_IS_QUOTE_ITEM (self), NULL);
  ensure_made (self);
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
  ensure_made (self);
  return self->attribution;
}

char *
fe_quote_item_dup_citation (FeQuoteItem *self)
{
  g_return_val_if_fail (FE_IS_QUOTE_ITEM (self), NULL);
  ensure_made (self);
  return fe_quote_dup_citation (self->study, self->quote, G_MAXINT);
}

gboolean
fe_quote_item_get_starred (FeQuoteItem *self)
{
  g_return_val_if_fail (FE_IS_QUOTE_ITEM (self), FALSE);
  ensure_made (self);
  return self->starred;
}

void
fe_quote_item_set_starred (FeQuoteItem *self,
                           gboolean     starred)
{
  g_return_if_fail (FE_IS_QUOTE_ITEM (self));

  ensure_made (self);
  if (self->starred == !!starred)
    return;
  self->starred = !!starred;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARRED]);
}
