/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-view-list.h"
#include "fe-compat.h"

#include <adwaita.h>
#include <glib/gi18n.h>

struct _FeViewList
{
  GtkBox      parent_instance;

  GtkStack   *stack;
  GtkListBox *list_box;

  FeProject  *project;
};

G_DEFINE_FINAL_TYPE (FeViewList, fe_view_list, GTK_TYPE_BOX)

enum {
  SIGNAL_VIEW_ACTIVATED,
  SIGNAL_VIEW_DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_row_activated (FeViewList    *self,
                  GtkListBoxRow *row)
{
  g_signal_emit (self, signals[SIGNAL_VIEW_ACTIVATED], 0, gtk_list_box_row_get_index (row));
}

static void
on_delete_clicked (GtkButton  *button,
                   FeViewList *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  g_signal_emit (self, signals[SIGNAL_VIEW_DELETED], 0,
                 gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

static void
fe_view_list_dispose (GObject *object)
{
  FeViewList *self = FE_VIEW_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FE_TYPE_VIEW_LIST);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (fe_view_list_parent_class)->dispose (object);
}

static void
fe_view_list_class_init (FeViewListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fe_view_list_dispose;

  signals[SIGNAL_VIEW_ACTIVATED] =
    g_signal_new ("view-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[SIGNAL_VIEW_DELETED] =
    g_signal_new ("view-deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/findings_explorer/FindingsExplorer/"
                                               "ui/fe-view-list.ui");
  gtk_widget_class_bind_template_child (widget_class, FeViewList, stack);
  gtk_widget_class_bind_template_child (widget_class, FeViewList, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
fe_view_list_init (FeViewList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GtkWidget *
build_row (FeViewList        *self,
           const FeSavedView *view)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  const char *lang = fe_study_language_from_locale ();
  const char *title = fe_saved_view_get_localized (view, "title", lang);
  const char *takeaway = fe_saved_view_get_localized (view, "takeaway", lang);

  /* A researcher's words, not markup: "Police & partners" must show as typed. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : view->question);
  if (takeaway != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), takeaway);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  {
    /* Translators: accessible name of a saved view's delete button: "Delete View “title”" */
    g_autofree char *name = g_strdup_printf (_("Delete View “%s”"), title ? title : view->question);

    fe_compat_name_control (delete, name, _("Delete View"));
  }
  g_signal_connect (delete, "clicked", G_CALLBACK (on_delete_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  return row;
}

void
fe_view_list_refresh (FeViewList *self)
{
  GtkListBoxRow *old;
  guint n = self->project ? fe_project_get_n_views (self->project) : 0;

  g_return_if_fail (FE_IS_VIEW_LIST (self));

  while ((old = gtk_list_box_get_row_at_index (self->list_box, 0)) != NULL)
    gtk_list_box_remove (self->list_box, GTK_WIDGET (old));
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->list_box, build_row (self, fe_project_get_view (self->project, i)));
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

void
fe_view_list_set_project (FeViewList *self,
                          FeProject  *project)
{
  g_return_if_fail (FE_IS_VIEW_LIST (self));
  g_set_object (&self->project, project);
  fe_view_list_refresh (self);
}

void
fe_view_list_select (FeViewList *self,
                     int         index)
{
  GtkListBoxRow *row;

  g_return_if_fail (FE_IS_VIEW_LIST (self));
  row = index >= 0 ? gtk_list_box_get_row_at_index (self->list_box, index) : NULL;
  if (row != NULL)
    gtk_list_box_select_row (self->list_box, row);
  else
    gtk_list_box_unselect_all (self->list_box);
}
