/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-staged-list.h"

/* Items shown one frame after another: sixteen rows made in a frame, each a few milliseconds
 * under GTK 4.8. */
#define STEP 16
/* Past the two hundred rows GTK 4.8 makes, more items cost it nothing: all are shown. */
#define ALL_FROM 224

struct _FeStagedList
{
  GObject     parent_instance;

  GListModel *model;
  GtkWidget  *view;       /* not a reference: it owns the list, through its selection */
  guint       limit;      /* items shown at most; G_MAXUINT: every one */
  guint       n_shown;
  guint       tick;
  /* The list changed since the last frame: that frame has its own work to draw, and makes no
   * rows besides. */
  gboolean    changed;
};

static GType
fe_staged_list_get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (FE_STAGED_LIST (model)->model);
}

static guint
fe_staged_list_get_n_items (GListModel *model)
{
  return FE_STAGED_LIST (model)->n_shown;
}

static gpointer
fe_staged_list_get_item (GListModel *model,
                         guint       position)
{
  FeStagedList *self = FE_STAGED_LIST (model);

  return position < self->n_shown ? g_list_model_get_item (self->model, position) : NULL;
}

static void
fe_staged_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = fe_staged_list_get_item_type;
  iface->get_n_items = fe_staged_list_get_n_items;
  iface->get_item = fe_staged_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (FeStagedList, fe_staged_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      fe_staged_list_model_init))

/* Shows as many items as the limit lets, telling the view from @position on (the items before
 * it are those it had; G_MAXUINT: only the length changed). */
static void
show_from (FeStagedList *self,
           guint         position)
{
  guint old_n_shown = self->n_shown;

  self->n_shown = MIN (g_list_model_get_n_items (self->model), self->limit);
  position = MIN (position, MIN (old_n_shown, self->n_shown));
  if (old_n_shown != position || self->n_shown != position)
    g_list_model_items_changed (G_LIST_MODEL (self), position, old_n_shown - position,
                                self->n_shown - position);
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  FeStagedList *self = data;

  if (self->changed)
    {
      self->changed = FALSE;
      return G_SOURCE_CONTINUE;
    }
  self->limit += STEP;
  if (self->limit >= ALL_FROM || self->limit >= g_list_model_get_n_items (self->model))
    self->limit = G_MAXUINT;
  show_from (self, G_MAXUINT);
  if (self->limit != G_MAXUINT)
    return G_SOURCE_CONTINUE;
  self->tick = 0;
  return G_SOURCE_REMOVE;
}

static void
grow (FeStagedList *self)
{
  if (self->tick == 0 && self->limit != G_MAXUINT && self->view != NULL)
    self->tick = gtk_widget_add_tick_callback (self->view, on_tick, self, NULL);
}

static void
on_items_changed (FeStagedList *self,
                  guint         position,
                  guint         removed,
                  guint         added)
{
#if !GTK_CHECK_VERSION (4, 12, 0)
  guint n_items = g_list_model_get_n_items (self->model);

  self->changed = self->tick != 0;
  /* Growing from a few rows to many: those shown stay, the others come by steps. */
  if (self->limit == G_MAXUINT && self->n_shown < ALL_FROM && n_items > self->n_shown + STEP)
    self->limit = self->n_shown + STEP;
#endif
  if (removed == added && position < self->n_shown)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position,
                                  MIN (removed, self->n_shown - position),
                                  MIN (added, self->n_shown - position));
      return;
    }
  show_from (self, position);
  grow (self);
}

static void
fe_staged_list_dispose (GObject *object)
{
  FeStagedList *self = FE_STAGED_LIST (object);

  if (self->tick != 0 && self->view != NULL)
    gtk_widget_remove_tick_callback (self->view, self->tick);
  self->tick = 0;
  g_clear_weak_pointer (&self->view);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (fe_staged_list_parent_class)->dispose (object);
}

static void
fe_staged_list_class_init (FeStagedListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = fe_staged_list_dispose;
}

static void
fe_staged_list_init (FeStagedList *self)
{
  self->limit = G_MAXUINT;
}

FeStagedList *
fe_staged_list_new (GListModel *model,
                    GtkWidget  *view)
{
  FeStagedList *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (view), NULL);

  self = g_object_new (FE_TYPE_STAGED_LIST, NULL);
  self->model = g_object_ref (model);
  g_set_weak_pointer (&self->view, view);
  self->n_shown = g_list_model_get_n_items (model);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed), self);
  return self;
}

void
fe_staged_list_restart (FeStagedList *self)
{
  g_return_if_fail (FE_IS_STAGED_LIST (self));

#if !GTK_CHECK_VERSION (4, 12, 0)
  self->limit = STEP;
  show_from (self, G_MAXUINT);
  grow (self);
#endif
}

gboolean
fe_staged_list_get_shown (FeStagedList *self,
                          guint         n_items,
                          guint        *first,
                          guint        *n_shown)
{
  GtkAdjustment *adjustment;
  double upper;

  g_return_val_if_fail (FE_IS_STAGED_LIST (self), FALSE);

  adjustment = self->view != NULL ? gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view))
                                  : NULL;
  upper = adjustment != NULL ? gtk_adjustment_get_upper (adjustment) : 0;
  if (upper <= 0 || n_items == 0)
    return FALSE;
  *first = (guint) (gtk_adjustment_get_value (adjustment) / upper * n_items);
  *n_shown = (guint) (gtk_adjustment_get_page_size (adjustment) / upper * n_items);
  return TRUE;
}
