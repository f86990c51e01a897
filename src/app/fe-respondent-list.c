/* SPDX-License-Identifier: GPL-3.0-or-later */
/* qsort_r */
#define _GNU_SOURCE
#include "config.h"

#include "fe-respondent-list.h"

#include <stdlib.h>

struct _FeRespondentRow
{
  GObject parent_instance;
  guint   row;
};

G_DEFINE_FINAL_TYPE (FeRespondentRow, fe_respondent_row, G_TYPE_OBJECT)

static void
fe_respondent_row_class_init (FeRespondentRowClass *klass)
{
}

static void
fe_respondent_row_init (FeRespondentRow *self)
{
}

guint
fe_respondent_row_get_row (FeRespondentRow *self)
{
  g_return_val_if_fail (FE_IS_RESPONDENT_ROW (self), G_MAXUINT);
  return self->row;
}

static FeRespondentRow *
respondent_row_new (guint row)
{
  FeRespondentRow *item = g_object_new (FE_TYPE_RESPONDENT_ROW, NULL);

  item->row = row;
  return item;
}

struct _FeRespondentList
{
  GObject          parent_instance;

  FeBitset        *rows;
  guint            n_items;
  guint           *order;    /* the listed rows in the sorter's order; NULL until needed */
  GtkSorter       *sorter;
  /* Two items the sorter compares in turn, so sorting makes no objects. */
  FeRespondentRow *probe_a;
  FeRespondentRow *probe_b;
};

static GType
fe_respondent_list_get_item_type (GListModel *model)
{
  return FE_TYPE_RESPONDENT_ROW;
}

static guint
fe_respondent_list_get_n_items (GListModel *model)
{
  return FE_RESPONDENT_LIST (model)->n_items;
}

static int
compare_by_sorter (const void *a,
                   const void *b,
                   void       *data)
{
  FeRespondentList *self = data;

  guint row_a = *(const guint *) a;
  guint row_b = *(const guint *) b;
  int order;

  self->probe_a->row = row_a;
  self->probe_b->row = row_b;
  order = gtk_sorter_compare (self->sorter, self->probe_a, self->probe_b);
  /* Equal keys keep the file's order, so rows do not shuffle when the filter changes. */
  if (order == GTK_ORDERING_EQUAL)
    return row_a < row_b ? -1 : row_a > row_b;
  return order;
}

static void
ensure_order (FeRespondentList *self)
{
  guint i = 0;

  if (self->order != NULL || self->n_items == 0)
    return;

  self->order = g_new (guint, self->n_items);
  FE_BITSET_FOREACH (self->rows, row)
    self->order[i++] = row;
  if (gtk_sorter_get_order (self->sorter) != GTK_SORTER_ORDER_NONE)
    qsort_r (self->order, self->n_items, sizeof (guint), compare_by_sorter, self);
}

static gpointer
fe_respondent_list_get_item (GListModel *model,
                             guint       position)
{
  FeRespondentList *self = FE_RESPONDENT_LIST (model);

  if (position >= self->n_items)
    return NULL;
  ensure_order (self);
  return respondent_row_new (self->order[position]);
}

static void
fe_respondent_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = fe_respondent_list_get_item_type;
  iface->get_n_items = fe_respondent_list_get_n_items;
  iface->get_item = fe_respondent_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (FeRespondentList, fe_respondent_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      fe_respondent_list_model_init))

static void
on_sorter_changed (FeRespondentList *self)
{
  g_clear_pointer (&self->order, g_free);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, self->n_items, self->n_items);
}

static void
fe_respondent_list_dispose (GObject *object)
{
  FeRespondentList *self = FE_RESPONDENT_LIST (object);

  if (self->sorter != NULL)
    g_signal_handlers_disconnect_by_data (self->sorter, self);
  g_clear_object (&self->sorter);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->rows, fe_bitset_free);
  self->n_items = 0;
  G_OBJECT_CLASS (fe_respondent_list_parent_class)->dispose (object);
}

static void
fe_respondent_list_class_init (FeRespondentListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = fe_respondent_list_dispose;
}

static void
fe_respondent_list_init (FeRespondentList *self)
{
  self->probe_a = respondent_row_new (0);
  self->probe_b = respondent_row_new (0);
}

FeRespondentList *
fe_respondent_list_new (GtkSorter *sorter)
{
  FeRespondentList *self = g_object_new (FE_TYPE_RESPONDENT_LIST, NULL);

  g_return_val_if_fail (GTK_IS_SORTER (sorter), self);
  self->sorter = g_object_ref (sorter);
  g_signal_connect_swapped (sorter, "changed", G_CALLBACK (on_sorter_changed), self);
  return self;
}

void
fe_respondent_list_set_rows (FeRespondentList *self,
                             const FeBitset   *rows)
{
  guint old_n_items;

  g_return_if_fail (FE_IS_RESPONDENT_LIST (self));

  old_n_items = self->n_items;
  g_clear_pointer (&self->order, g_free);
  if (rows == NULL)
    g_clear_pointer (&self->rows, fe_bitset_free);
  else if (self->rows != NULL && fe_bitset_get_size (self->rows) == fe_bitset_get_size (rows))
    fe_bitset_assign (self->rows, rows);
  else
    {
      g_clear_pointer (&self->rows, fe_bitset_free);
      self->rows = fe_bitset_copy (rows);
    }
  self->n_items = rows != NULL ? fe_bitset_count (rows) : 0;
  if (old_n_items > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
}

guint
fe_respondent_list_get_row_at (FeRespondentList *self,
                               guint             position)
{
  g_return_val_if_fail (FE_IS_RESPONDENT_LIST (self), G_MAXUINT);

  if (position >= self->n_items)
    return G_MAXUINT;
  ensure_order (self);
  return self->order[position];
}
