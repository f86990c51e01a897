/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Renders the main states of the window to PNG files, for looking at changes and for the
 * README and metainfo screenshots:  fe-screenshot OUTDIR [--dark]  */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "fe-chart-layout.h"
#include "fe-chart-view.h"
#include "fe-quote-browser.h"
#include "fe-window.h"

static void
settle (int milliseconds)
{
  gint64 until = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static void
save_window (GtkWidget  *window,
             const char *dir,
             const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_save_to_png (texture, path);
  g_print ("%s\n", path);
}

static AdwViewStack *
find_view_stack (GtkWidget *widget)
{
  if (ADW_IS_VIEW_STACK (widget))
    return ADW_VIEW_STACK (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwViewStack *stack = find_view_stack (child);

      if (stack != NULL)
        return stack;
    }
  return NULL;
}

static int
find_segment (const FeChartLayout *layout,
              int                  level,
              int                  group)
{
  for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
    {
      const FeChartSegment *segment = fe_chart_layout_get_segment (layout, i);

      if (segment->level == level && segment->group == group)
        return (int) i;
    }
  return -1;
}

int
main (int    argc,
      char **argv)
{
  FeWindow *window;
  FeStudy *study;
  FeChartView *view;
  const FeChartSegment *segment;
  const char *dir;
  int index;

  /* LANGUAGE=cy shows the Welsh window, from FE_LOCALEDIR when not installed. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FE_LOCALEDIR") ? g_getenv ("FE_LOCALEDIR")
                                                               : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  adw_init ();
  {
    /* What GtkApplication would load for the app. */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/findings_explorer/FindingsExplorer/"
                                              "style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  if (argc < 2)
    {
      g_printerr ("usage: fe-screenshot OUTDIR [--dark]\n");
      return 2;
    }
  dir = argv[1];
  if (argc > 2 && g_str_equal (argv[2], "--dark"))
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  window = g_object_new (FE_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  gtk_window_present (GTK_WINDOW (window));
  settle (800);
  save_window (GTK_WIDGET (window), dir, "welcome.png");

  fe_window_open_sample (window);
  while (fe_window_get_study (window) == NULL)
    settle (50);
  study = fe_window_get_study (window);
  fe_window_show_question (window, fe_study_find_column (study, "vulnerabilities"),
                           fe_study_find_column (study, "force"));
  settle (500);
  view = fe_window_get_chart_view (window);
  index = find_segment (fe_chart_view_get_layout (view),
                        fe_column_find_level (fe_study_find_column (study, "vulnerabilities"),
                                              "Substance use"),
                        fe_column_find_level (fe_study_find_column (study, "force"),
                                              "Gwent Police"));
  segment = fe_chart_layout_get_segment (fe_chart_view_get_layout (view), (guint) index);
  fe_chart_view_click_at (view, segment->x + segment->w / 2, segment->y + segment->h / 2);
  settle (500);
  save_window (GTK_WIDGET (window), dir, "quotes.png");
  fe_window_show_question (window, fe_study_find_column (study, "guidance_alignment"),
                           fe_study_find_column (study, "force"));
  settle (500);
  save_window (GTK_WIDGET (window), dir, "likert.png");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-table", NULL);
  settle (300);
  save_window (GTK_WIDGET (window), dir, "table.png");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-table", NULL);

  {
    FeColumn *force = fe_study_find_column (study, "force");

    fe_filter_add_level (fe_window_get_filter (window), force,
                         (guint) fe_column_find_level (force, "Gwent Police"));
    fe_window_filters_changed (window);
  }
  fe_window_show_question (window, fe_study_find_column (study, "barriers"), NULL);
  settle (500);
  save_window (GTK_WIDGET (window), dir, "filtered.png");

  adw_view_stack_set_visible_child_name (find_view_stack (GTK_WIDGET (window)), "respondents");
  settle (500);
  save_window (GTK_WIDGET (window), dir, "respondents.png");

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
