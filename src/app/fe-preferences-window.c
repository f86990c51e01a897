/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-preferences-window.h"

struct _FePreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GtkSwitch *incomplete_switch;
  GtkSwitch *percent_switch;
  GtkSwitch *sort_switch;
  GtkSpinButton *min_cell_spin;
  GtkSwitch *fold_switch;
};

G_DEFINE_FINAL_TYPE (FePreferencesWindow, fe_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
fe_preferences_window_class_init (FePreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/findings_explorer/FindingsExplorer/"
                                               "ui/fe-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FePreferencesWindow, incomplete_switch);
  gtk_widget_class_bind_template_child (widget_class, FePreferencesWindow, percent_switch);
  gtk_widget_class_bind_template_child (widget_class, FePreferencesWindow, sort_switch);
  gtk_widget_class_bind_template_child (widget_class, FePreferencesWindow, min_cell_spin);
  gtk_widget_class_bind_template_child (widget_class, FePreferencesWindow, fold_switch);
}

static void
fe_preferences_window_init (FePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static gboolean
measure_to_active (GValue   *value,
                   GVariant *variant,
                   gpointer  data)
{
  g_value_set_boolean (value, g_strcmp0 (g_variant_get_string (variant, NULL), "percent") == 0);
  return TRUE;
}

static GVariant *
active_to_measure (const GValue       *value,
                   const GVariantType *type,
                   gpointer            data)
{
  return g_variant_new_string (g_value_get_boolean (value) ? "percent" : "count");
}

static gboolean
uint_to_double (GValue   *value,
                GVariant *variant,
                gpointer  data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));
  return TRUE;
}

static GVariant *
double_to_uint (const GValue       *value,
                const GVariantType *type,
                gpointer            data)
{
  return g_variant_new_uint32 ((guint32) CLAMP (g_value_get_double (value), 0, G_MAXUINT32));
}

GtkWindow *
fe_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  FePreferencesWindow *self = g_object_new (FE_TYPE_PREFERENCES_WINDOW,
                                            "transient-for", parent,
                                            "modal", TRUE,
                                            NULL);

  if (settings != NULL)
    {
      g_settings_bind (settings, "include-incomplete", self->incomplete_switch, "active",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "sort-by-value", self->sort_switch, "active",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind_with_mapping (settings, "min-cell", self->min_cell_spin, "value",
                                    G_SETTINGS_BIND_DEFAULT, uint_to_double, double_to_uint,
                                    NULL, NULL);
      g_settings_bind (settings, "fold-small-groups", self->fold_switch, "active",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind_with_mapping (settings, "measure", self->percent_switch, "active",
                                    G_SETTINGS_BIND_DEFAULT, measure_to_active,
                                    active_to_measure, NULL, NULL);
    }
  return GTK_WINDOW (self);
}
