/* SPDX-License-Identifier: GPL-3.0-or-later */
/* qsort_r */
#define _GNU_SOURCE
#include "config.h"

#include "fe-respondent-list.h"

#include <stdlib.h>

struct _FeRespondentOrder
{
  gatomicrefcount ref_count;
  guint           n_rows;
  guint32        *keys;  /* per row */
  guint32        *rows;  /* every row, by key then row */
};

static int
compare_keyed_rows (const void *a,
                    const void *b,
                    void       *data)
{
  const guint32 *keys = data;
  guint32 row_a = *(const guint32 *) a;
  guint32 row_b = *(const guint32 *) b;

  if (keys[row_a] != keys[row_b])
    return keys[row_a] < keys[row_b] ? -1 : 1;
  return row_a < row_b ? -1 : row_a > row_b;
}

FeRespondentOrder *
fe_respondent_order_new (guint32      *keys,
                         guint         n_rows,
                         GCancellable *cancellable)
{
  FeRespondentOrder *order;

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_free (keys);
      return NULL;
    }
  order = g_new0 (FeRespondentOrder, 1);
  g_atomic_ref_count_init (&order->ref_count);
  order->n_rows = n_rows;
  order->keys = keys;
  order->rows = g_new (guint32, MAX (n_rows, 1));
  for (guint r = 0; r < n_rows; r++)
    order->rows[r] = r;
  qsort_r (order->rows, n_rows, sizeof (guint32), compare_keyed_rows, keys);
  return order;
}

FeRespondentOrder *
fe_respondent_order_ref (FeRespondentOrder *order)
{
  g_atomic_ref_count_inc (&order->ref_count);
  return order;
}

void
fe_respondent_order_unref (FeRespondentOrder *order)
{
  if (order == NULL || !g_atomic_ref_count_dec (&order->ref_count))
    return;
  g_free (order->keys);
  g_free (order->rows);
  g_free (order);
}

/* ---- Items ------------------------------------------------------------------------------- */

struct _FeRespondentRow
{
  GObject           parent_instance;
  FeRespondentList *list;      /* not a reference: the list forgets the item when it goes */
  guint             position;
  guint             row;
};

enum {
  PROP_0,
  PROP_ROW,
  N_PROPS
};

static GParamSpec *row_props[N_PROPS];

G_DEFINE_FINAL_TYPE (FeRespondentRow, fe_respondent_row, G_TYPE_OBJECT)

static void forget_item (FeRespondentList *list,
                         FeRespondentRow  *item);

static void
fe_respondent_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ROW:
      g_value_set_uint (value, FE_RESPONDENT_ROW (object)->row);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fe_respondent_row_finalize (GObject *object)
{
  FeRespondentRow *self = FE_RESPONDENT_ROW (object);

  if (self->list != NULL)
    forget_item (self->list, self);
  G_OBJECT_CLASS (fe_respondent_row_parent_class)->finalize (object);
}

static void
fe_respondent_row_class_init (FeRespondentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = fe_respondent_row_get_property;
  object_class->finalize = fe_respondent_row_finalize;
  row_props[PROP_ROW] = g_param_spec_uint ("row", NULL, NULL, 0, G_MAXUINT, 0,
                                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS
                                           | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, row_props);
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

/* ---- The list ---------------------------------------------------------------------------- */

struct _FeRespondentList
{
  GObject            parent_instance;

  FeBitset          *rows;
  guint              n_items;
  guint             *shown;  /* the first n_shown listed rows, in order */
  guint              n_shown;
  FeRespondentOrder *order;
  gboolean           descending;
  /* position → the FeRespondentRow made for it and still alive (the rows on screen) */
  GHashTable        *items;
  /* The places on screen, told of a change at once; GTK 4.8 keeps two hundred rows made
   * around them, told a few at a time when the main loop is idle (FeRespondentRow → itself). */
  guint              visible_first;
  guint              n_visible;
  GHashTable        *deferred;
  guint              deferred_source;
};

#define DEFERRED_PER_IDLE 16
/* Listed rows found at once, the first time any are asked for. */
#define SHOWN_AT_LEAST 1024
/* Rows either side of the places said to be on screen that are told at once all the same. */
#define VISIBLE_MARGIN 3

static void
forget_item (FeRespondentList *list,
             FeRespondentRow  *item)
{
  if (g_hash_table_lookup (list->items, GUINT_TO_POINTER (item->position)) == item)
    g_hash_table_remove (list->items, GUINT_TO_POINTER (item->position));
}

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

static void
forget_shown (FeRespondentList *self)
{
  g_clear_pointer (&self->shown, g_free);
  self->n_shown = 0;
}

/* The listed rows in order up to @position at least: a filter click asks for the few hundred
 * GTK shows, not for a million. Each time more is asked, at least twice as many are found. */
static void
ensure_shown (FeRespondentList *self,
              guint             position)
{
  guint limit, i = 0;

  if (position < self->n_shown || position >= self->n_items)
    return;
  limit = MIN (self->n_items, MAX (MAX (position + 1, 2 * self->n_shown), SHOWN_AT_LEAST));
  self->shown = g_renew (guint, self->shown, limit);
  self->n_shown = limit;
  if (self->order == NULL)
    {
      for (guint row = fe_bitset_next (self->rows, 0); i < limit;
           row = fe_bitset_next (self->rows, row + 1))
        self->shown[i++] = row;
      return;
    }
  if (!self->descending)
    {
      for (guint k = 0; k < self->order->n_rows && i < limit; k++)
        if (fe_bitset_get (self->rows, self->order->rows[k]))
          self->shown[i++] = self->order->rows[k];
      return;
    }
  /* Backwards by key, but each run of equal keys forwards: the file's order among ties. */
  for (guint end = self->order->n_rows; end > 0 && i < limit;)
    {
      guint32 key = self->order->keys[self->order->rows[end - 1]];
      guint start = end - 1;

      while (start > 0 && self->order->keys[self->order->rows[start - 1]] == key)
        start--;
      for (guint k = start; k < end && i < limit; k++)
        if (fe_bitset_get (self->rows, self->order->rows[k]))
          self->shown[i++] = self->order->rows[k];
      end = start;
    }
}

static gpointer
fe_respondent_list_get_item (GListModel *model,
                             guint       position)
{
  FeRespondentList *self = FE_RESPONDENT_LIST (model);
  FeRespondentRow *item;

  if (position >= self->n_items)
    return NULL;
  item = g_hash_table_lookup (self->items, GUINT_TO_POINTER (position));
  if (item != NULL)
    return g_object_ref (item);
  ensure_shown (self, position);
  item = g_object_new (FE_TYPE_RESPONDENT_ROW, NULL);
  item->list = self;
  item->position = position;
  item->row = self->shown[position];
  g_hash_table_insert (self->items, GUINT_TO_POINTER (position), item);
  return item;
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

static gboolean
tell_deferred (gpointer data)
{
  FeRespondentList *self = data;
  g_autoptr(GPtrArray) told = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->deferred);
  while (told->len < DEFERRED_PER_IDLE && g_hash_table_iter_next (&iter, &item, NULL))
    {
      g_hash_table_iter_steal (&iter);
      g_ptr_array_add (told, item);
    }
  for (guint i = 0; i < told->len; i++)
    g_object_notify_by_pspec (g_ptr_array_index (told, i), row_props[PROP_ROW]);
  if (g_hash_table_size (self->deferred) > 0)
    return G_SOURCE_CONTINUE;
  self->deferred_source = 0;
  return G_SOURCE_REMOVE;
}

/* The items alive are told their new rows, those past the end are let go, and the length
 * changes at the end: GTK 4.8 rebuilds every row a change spans, and looks at every item
 * added over realized rows it removed, a million of them after a filter click. */
static void
show_changes (FeRespondentList *self,
              guint             old_n_items)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer position, value;
  guint common = MIN (old_n_items, self->n_items);
  guint last = 0;
  gboolean any_listed = FALSE;

  forget_shown (self);
  /* Found once, as far as the last item still listed: asked item by item, in the table's
   * order, the rows were found again each time more were needed. */
  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &position, NULL))
    if (GPOINTER_TO_UINT (position) < self->n_items)
      {
        last = MAX (last, GPOINTER_TO_UINT (position));
        any_listed = TRUE;
      }
  if (any_listed)
    ensure_shown (self, last);
  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &position, &value))
    {
      FeRespondentRow *item = value;

      if (GPOINTER_TO_UINT (position) >= self->n_items)
        {
          item->list = NULL;
          g_hash_table_iter_remove (&iter);
        }
      else if (item->row != self->shown[item->position])
        {
          item->row = self->shown[item->position];
          g_ptr_array_add (changed, g_object_ref (item));
        }
    }
  for (guint i = 0; i < changed->len; i++)
    {
      FeRespondentRow *item = g_ptr_array_index (changed, i);

      if (item->position - MIN (item->position, self->visible_first) <= self->n_visible
          && item->position + VISIBLE_MARGIN >= self->visible_first)
        g_object_notify_by_pspec (G_OBJECT (item), row_props[PROP_ROW]);
      else if (!g_hash_table_contains (self->deferred, item))
        g_hash_table_add (self->deferred, g_object_ref (item));
    }
  if (g_hash_table_size (self->deferred) > 0 && self->deferred_source == 0)
    self->deferred_source = g_idle_add_full (G_PRIORITY_LOW, tell_deferred, self, NULL);
  if (old_n_items != self->n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), common, old_n_items - common,
                                self->n_items - common);
}

static void
fe_respondent_list_dispose (GObject *object)
{
  FeRespondentList *self = FE_RESPONDENT_LIST (object);
  GHashTableIter iter;
  gpointer value;

  g_clear_handle_id (&self->deferred_source, g_source_remove);
  g_hash_table_remove_all (self->deferred);
  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    ((FeRespondentRow *) value)->list = NULL;
  g_hash_table_remove_all (self->items);
  forget_shown (self);
  g_clear_pointer (&self->order, fe_respondent_order_unref);
  g_clear_pointer (&self->rows, fe_bitset_free);
  self->n_items = 0;
  G_OBJECT_CLASS (fe_respondent_list_parent_class)->dispose (object);
}

static void
fe_respondent_list_finalize (GObject *object)
{
  g_hash_table_unref (FE_RESPONDENT_LIST (object)->items);
  g_hash_table_unref (FE_RESPONDENT_LIST (object)->deferred);
  G_OBJECT_CLASS (fe_respondent_list_parent_class)->finalize (object);
}

static void
fe_respondent_list_class_init (FeRespondentListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = fe_respondent_list_dispose;
  G_OBJECT_CLASS (klass)->finalize = fe_respondent_list_finalize;
}

static void
fe_respondent_list_init (FeRespondentList *self)
{
  self->items = g_hash_table_new (NULL, NULL);
  self->deferred = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->n_visible = G_MAXUINT;
}

FeRespondentList *
fe_respondent_list_new (void)
{
  return g_object_new (FE_TYPE_RESPONDENT_LIST, NULL);
}

void
fe_respondent_list_set_rows (FeRespondentList *self,
                             const FeBitset   *rows)
{
  guint old_n_items;

  g_return_if_fail (FE_IS_RESPONDENT_LIST (self));

  old_n_items = self->n_items;
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
  /* Another study's order would list rows it does not have. */
  if (self->order != NULL && (rows == NULL || self->order->n_rows != fe_bitset_get_size (rows)))
    g_clear_pointer (&self->order, fe_respondent_order_unref);
  show_changes (self, old_n_items);
}

void
fe_respondent_list_set_order (FeRespondentList  *self,
                              FeRespondentOrder *order,
                              gboolean           descending)
{
  g_return_if_fail (FE_IS_RESPONDENT_LIST (self));

  /* An order of another study would list rows this one does not have. */
  if (order != NULL && (self->rows == NULL || order->n_rows != fe_bitset_get_size (self->rows)))
    order = NULL;
  if (order != NULL)
    fe_respondent_order_ref (order);
  g_clear_pointer (&self->order, fe_respondent_order_unref);
  self->order = order;
  self->descending = descending;
  show_changes (self, self->n_items);
}

void
fe_respondent_list_set_visible (FeRespondentList *self,
                                guint             first,
                                guint             n_visible)
{
  g_return_if_fail (FE_IS_RESPONDENT_LIST (self));
  self->visible_first = first;
  self->n_visible = n_visible + VISIBLE_MARGIN;
}

guint
fe_respondent_list_get_row_at (FeRespondentList *self,
                               guint             position)
{
  g_return_val_if_fail (FE_IS_RESPONDENT_LIST (self), G_MAXUINT);

  if (position >= self->n_items)
    return G_MAXUINT;
  ensure_shown (self, position);
  return self->shown[position];
}
