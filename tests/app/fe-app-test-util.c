/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-app-test-util.h"

#include "fe-test-util.h"

gboolean
fe_app_test_study_loaded (gpointer window)
{
  return !fe_window_is_loading (window) && fe_window_get_study (window) != NULL;
}

FeWindow *
fe_app_test_open_window (GFile *file)
{
  return fe_app_test_open_window_sized (file, 1400, 900);
}

/* What GtkApplication loads for the app, which the tests make no application for: the
 * sidebar's switcher, for one, is narrower with it. */
static void
load_app_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) css = NULL;

  if (loaded)
    return;
  loaded = TRUE;
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/findings_explorer/FindingsExplorer/"
                                            "style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

FeWindow *
fe_app_test_open_window_sized (GFile *file,
                               int    width,
                               int    height)
{
  FeWindow *window;

  load_app_style ();
  window = g_object_new (FE_TYPE_WINDOW, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  if (file != NULL)
    fe_window_open_file (window, file);
  else
    fe_window_open_sample (window);
  g_assert_true (fe_test_wait_until (fe_app_test_study_loaded, window));
  return window;
}

gpointer
fe_app_test_find_widget (GtkWidget *widget,
                         GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = fe_app_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
fe_app_test_press_key (GtkWidget *widget,
                       guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  return handled;
}

gpointer
fe_app_test_find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();

  /* The list is the toolkit's; the reference keeps it for the loop. */
  g_object_ref (toplevels);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type))
        return item;
    }
  return NULL;
}

gboolean
fe_app_test_toplevel_shown (gpointer type)
{
  GtkWidget *toplevel = fe_app_test_find_toplevel ((GType) GPOINTER_TO_SIZE (type));

  return toplevel != NULL && gtk_widget_get_mapped (toplevel);
}

void
fe_app_test_settle (int milliseconds)
{
  gint64 until = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

gboolean
fe_app_test_save_png (GtkWidget  *widget,
                      const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  return gdk_texture_save_to_png (texture, path);
}
