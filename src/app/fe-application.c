/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-application.h"

#include <glib/gi18n.h>

#include "fe-compat.h"
#include "fe-preferences-window.h"
#include "fe-window.h"

struct _FeApplication
{
  AdwApplication parent_instance;

  gboolean       open_sample;
};

G_DEFINE_FINAL_TYPE (FeApplication, fe_application, ADW_TYPE_APPLICATION)

static FeWindow *
get_window (FeApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (fe_window_new (GTK_APPLICATION (self)));
  return FE_WINDOW (window);
}

static void
fe_application_activate (GApplication *application)
{
  FeApplication *self = FE_APPLICATION (application);
  FeWindow *window = get_window (self);

  gtk_window_present (GTK_WINDOW (window));
  if (self->open_sample)
    {
      self->open_sample = FALSE;
      fe_window_open_sample (window);
    }
}

static void
fe_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  FeWindow *window = get_window (FE_APPLICATION (application));

  gtk_window_present (GTK_WINDOW (window));
  if (n_files > 0)
    fe_window_open_file (window, files[0]);
}

static int
fe_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  FeApplication *self = FE_APPLICATION (application);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("findings-explorer %s\n", PACKAGE_VERSION);
      return 0;
    }
  self->open_sample = g_variant_dict_contains (options, "sample");
  return -1;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       data)
{
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  /* Closed as their close buttons close them, so that a window with unsaved views or stars asks
   * first; the application ends with its last window. Closing changes the application's list. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (data)); l != NULL; l = l->next)
    g_ptr_array_add (windows, g_object_ref (l->data));
  for (guint i = 0; i < windows->len; i++)
    gtk_window_close (g_ptr_array_index (windows, i));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       data)
{
  fe_compat_show_about (gtk_application_get_active_window (GTK_APPLICATION (data)));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (data));
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID,
                                                                                TRUE)
                                             : NULL;
  g_autoptr(GSettings) settings = schema ? g_settings_new (APP_ID) : NULL;

  gtk_window_present (fe_preferences_window_new (parent, settings));
}

static const GActionEntry app_entries[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
};

static void
fe_application_startup (GApplication *application)
{
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.export-chart::png", { "<Control>e", NULL } },
    { "win.copy-chart", { "<Shift><Control>c", NULL } },
    { "win.search-quotes", { "<Control>f", NULL } },
    { "win.fullscreen", { "F11", NULL } },
    { "win.show-table", { "<Control>t", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Shift><Control>s", NULL } },
    { "win.save-view", { "<Control>d", NULL } },
    { "win.present", { "F5", NULL } },
    { "win.data-check", { "<Control>i", NULL } },
    { "win.show-sidebar", { "F9", NULL } },
    { "win.show-quotes", { "<Control>F9", NULL } },
  };

  G_APPLICATION_CLASS (fe_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_entries,
                                   G_N_ELEMENTS (app_entries), application);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application), accels[i].action,
                                           accels[i].accels);
}

static void
fe_application_class_init (FeApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = fe_application_activate;
  app_class->open = fe_application_open;
  app_class->startup = fe_application_startup;
  app_class->handle_local_options = fe_application_handle_local_options;
}

static void
fe_application_init (FeApplication *self)
{
  const GOptionEntry entries[] = {
    { "sample", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open the bundled sample study"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Explore survey findings. Without a verb, opens "
                                              "the window; with one (summary, quotes, export), "
                                              "works headless."));
}

FeApplication *
fe_application_new (void)
{
  /* Without a session bus (a bare X server), there is no instance to share. */
  GApplicationFlags flags = G_APPLICATION_HANDLES_OPEN;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    flags |= G_APPLICATION_NON_UNIQUE;
  return g_object_new (FE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags,
                       "resource-base-path", "/io/github/findings_explorer/FindingsExplorer",
                       NULL);
}
