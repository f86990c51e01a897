/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-save-view-dialog.h"

struct _FeSaveViewDialog
{
  AdwWindow    parent_instance;

  AdwEntryRow *title_row;
  AdwEntryRow *takeaway_row;
};

G_DEFINE_FINAL_TYPE (FeSaveViewDialog, fe_save_view_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_save_clicked (FeSaveViewDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (
                                         GTK_EDITABLE (self->title_row))));
  g_autofree char *takeaway = g_strstrip (g_strdup (gtk_editable_get_text (
                                            GTK_EDITABLE (self->takeaway_row))));

  g_signal_emit (self, signals[SIGNAL_SAVE], 0, title, *takeaway ? takeaway : NULL);
  gtk_window_close (GTK_WINDOW (self));
}

static void
fe_save_view_dialog_class_init (FeSaveViewDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[SIGNAL_SAVE] =
    g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/findings_explorer/FindingsExplorer/"
                                               "ui/fe-save-view-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FeSaveViewDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, FeSaveViewDialog, takeaway_row);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fe_save_view_dialog_init (FeSaveViewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

FeSaveViewDialog *
fe_save_view_dialog_new (GtkWindow  *parent,
                         const char *title)
{
  FeSaveViewDialog *self = g_object_new (FE_TYPE_SAVE_VIEW_DIALOG, "transient-for", parent,
                                         NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title ? title : "");
  return self;
}
