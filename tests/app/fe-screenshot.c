/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Renders the main states of the window to PNG files, for looking at changes and for the
 * README and metainfo screenshots:  fe-screenshot OUTDIR [--dark] [--size WIDTHxHEIGHT]
 * (1400x860 unless told; run under an X server at least that size, e.g.
 * xvfb-run -s "-screen 0 800x600x24").
 * Or a study of one's own (an SPSS file, say) on one question, and its Data check page:
 *   fe-screenshot OUTDIR --open FILE QUESTION [BY [LEVEL GROUP]]
 * (LEVEL and GROUP: the segment selected, by their labels). */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "fe-app-test-util.h"
#include "fe-filter-panel.h"
#include "fe-chart-layout.h"
#include "fe-chart-view.h"
#include "fe-compat.h"
#include "fe-presentation.h"
#include "fe-quote-browser.h"
#include "fe-window-private.h"

static void
save_window (GtkWidget  *window,
             const char *dir,
             const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  /* A window in the middle of an animation (a pane sliding in) may have nothing to draw
   * between two frames. */
  for (int attempt = 0; attempt < 10; attempt++)
    {
      if (fe_app_test_save_png (window, path))
        {
          g_print ("%s\n", path);
          return;
        }
      fe_app_test_settle (200);
    }
  g_printerr ("%s: nothing drawn\n", path);
}

/* The window on @path's @question (split by @by, segment @level × @group selected), then its
 * Data check page. */
static int
screenshot_file (FeWindow   *window,
                 const char *dir,
                 const char *path,
                 const char *question,
                 const char *by,
                 const char *level,
                 const char *group)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  FeStudy *study;
  GListModel *toplevels;
  g_autofree char *name = NULL;

  fe_window_open_file (window, file);
  for (guint i = 0; i < 400 && fe_window_get_study (window) == NULL; i++)
    fe_app_test_settle (50);
  study = fe_window_get_study (window);
  if (study == NULL)
    {
      g_printerr ("%s did not open\n", path);
      fe_app_test_settle (300);
      save_window (GTK_WIDGET (window), dir, "open-failed.png");
      return 1;
    }
  if (fe_study_find_column (study, question) == NULL)
    {
      g_printerr ("%s has no question %s\n", path, question);
      return 1;
    }
  fe_explore_state_show (fe_window_get_state (window), fe_study_find_column (study, question),
                         by ? fe_study_find_column (study, by) : NULL);
  if (by != NULL && level != NULL && group != NULL)
    fe_explore_state_select (fe_window_get_state (window),
                             fe_column_find_level (fe_study_find_column (study, question), level),
                             fe_column_find_level (fe_study_find_column (study, by), group));
  fe_app_test_settle (800);
  name = g_strdup_printf ("%s.png", question);
  save_window (GTK_WIDGET (window), dir, name);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.data-check", NULL);
  fe_app_test_settle (800);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel != GTK_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        save_window (GTK_WIDGET (toplevel), dir, "data-check.png");
    }
  /* The page may be a view of the window itself. */
  save_window (GTK_WIDGET (window), dir, "window-data-check.png");
  return 0;
}

int
main (int    argc,
      char **argv)
{
  FeWindow *window;  /* its project, for presenting */
  FeStudy *study;
  FeChartView *view;
  const FeChartSegment *segment;
  FeColumn *vulnerabilities, *force;
  const char *dir;
  int index;
  int width = 1400, height = 860;

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
      g_printerr ("usage: fe-screenshot OUTDIR [--dark] [--size WIDTHxHEIGHT]\n");
      return 2;
    }
  dir = argv[1];
  /* --open takes the rest of the arguments as its own. */
  for (int i = 2; i < argc && !g_str_equal (argv[i], "--open"); i++)
    {
      if (g_str_equal (argv[i], "--dark"))
        adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                            ADW_COLOR_SCHEME_FORCE_DARK);
      else if (g_str_equal (argv[i], "--size") && i + 1 < argc
               && sscanf (argv[i + 1], "%dx%d", &width, &height) == 2)
        i++;
      else
        {
          g_printerr ("fe-screenshot: unknown option %s\n", argv[i]);
          return 2;
        }
    }

  window = g_object_new (FE_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  if (argc > 4 && g_str_equal (argv[2], "--open"))
    {
      fe_app_test_settle (300);
      return screenshot_file (window, dir, argv[3], argv[4], argc > 5 ? argv[5] : NULL,
                              argc > 7 ? argv[6] : NULL, argc > 7 ? argv[7] : NULL);
    }
  fe_app_test_settle (800);
  save_window (GTK_WIDGET (window), dir, "welcome.png");

  fe_window_open_sample (window);
  while (fe_window_get_study (window) == NULL)
    fe_app_test_settle (50);
  study = fe_window_get_study (window);
  fe_explore_state_show (fe_window_get_state (window),
                         fe_study_find_column (study, "vulnerabilities"),
                         fe_study_find_column (study, "force"));
  fe_app_test_settle (500);
  save_window (GTK_WIDGET (window), dir, "chart.png");
  view = fe_window_get_chart_view (window);
  vulnerabilities = fe_study_find_column (study, "vulnerabilities");
  force = fe_study_find_column (study, "force");
  index = fe_chart_layout_find_segment (fe_chart_view_get_layout (view),
                                        fe_column_find_level (vulnerabilities, "Substance use"),
                                        fe_column_find_level (force, "Gwent Police"));
  segment = fe_chart_layout_get_segment (fe_chart_view_get_layout (view), (guint) index);
  fe_chart_view_click_at (view, segment->x + segment->w / 2, segment->y + segment->h / 2);
  fe_app_test_settle (500);
  save_window (GTK_WIDGET (window), dir, "quotes.png");
  fe_quote_browser_set_search (fe_window_get_quote_browser (window), "drug");
  fe_app_test_settle (500);
  save_window (GTK_WIDGET (window), dir, "quotes-search.png");
  fe_quote_browser_set_search (fe_window_get_quote_browser (window), NULL);
  /* A question with no open question of its own: every open answer of the segment. */
  {
    FeColumn *training = fe_study_find_column (study, "training");

    fe_explore_state_show (fe_window_get_state (window), training, NULL);
    fe_app_test_settle (500);
    index = fe_chart_layout_find_segment (fe_chart_view_get_layout (view),
                                          fe_column_find_level (training, "No"), -1);
    segment = fe_chart_layout_get_segment (fe_chart_view_get_layout (view), (guint) index);
    fe_chart_view_click_at (view, segment->x + segment->w / 2, segment->y + segment->h / 2);
    fe_app_test_settle (500);
    save_window (GTK_WIDGET (window), dir, "all-text.png");
  }
  fe_explore_state_show (fe_window_get_state (window),
                         fe_study_find_column (study, "guidance_alignment"),
                         fe_study_find_column (study, "force"));
  fe_app_test_settle (500);
  save_window (GTK_WIDGET (window), dir, "likert.png");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-table", NULL);
  fe_app_test_settle (300);
  save_window (GTK_WIDGET (window), dir, "table.png");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-table", NULL);

  fe_explore_state_set_filter_level (fe_window_get_state (window), force,
                                     (guint) fe_column_find_level (force, "Gwent Police"), TRUE);
  fe_explore_state_show (fe_window_get_state (window),
                         fe_study_find_column (study, "barriers"), NULL);
  /* The chips above the chart take a few frames to settle their size. */
  fe_app_test_settle (1000);
  save_window (GTK_WIDGET (window), dir, "filtered.png");

  /* The Filters page, with a closed question's section unfolded: its counts are of the filter. */
  {
    GtkStack *sidebar = GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (window->filter_panel),
                                                            GTK_TYPE_STACK));
    GtkWidget *shown = gtk_stack_get_visible_child (sidebar);
    GtkWidget *levels = gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (
                          fe_filter_panel_get_check_button (window->filter_panel,
                                                            fe_study_find_column (study,
                                                                                  "training"),
                                                            0))));

    gtk_stack_set_visible_child (sidebar, GTK_WIDGET (window->filter_panel));
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_prev_sibling (levels)), TRUE);
    fe_app_test_settle (500);
    save_window (GTK_WIDGET (window), dir, "filters.png");
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_prev_sibling (levels)),
                                  FALSE);
    /* The Questions page: each question's count is of the filter too. */
    gtk_stack_set_visible_child (sidebar, GTK_WIDGET (window->question_list));
    fe_app_test_settle (500);
    save_window (GTK_WIDGET (window), dir, "questions.png");
    gtk_stack_set_visible_child (sidebar, shown);
  }

  adw_view_stack_set_visible_child_name (fe_app_test_find_widget (GTK_WIDGET (window),
                                                                  ADW_TYPE_VIEW_STACK),
                                         "respondents");
  fe_app_test_settle (500);
  save_window (GTK_WIDGET (window), dir, "respondents.png");

  /* In a narrow window, the sidebar brought over the chart (F9). */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (window->content_stack), "chart");
  if (fe_compat_pane_get_folded (window->sidebar_pane))
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
      fe_app_test_settle (800);
      save_window (GTK_WIDGET (window), dir, "sidebar.png");
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
    }

  /* Presentation mode at the window's size (full screen, where a window manager would make
   * it so): the sample's first view, a short chart; its third, a long one; a starred quote. */
  fe_explore_state_clear_filter (fe_window_get_state (window));
  {
    FePresentation *presentation = fe_presentation_new (GTK_WINDOW (window), study,
                                                        window->project, 5, TRUE, 0);

    gtk_window_set_default_size (GTK_WINDOW (presentation), width, height);
    gtk_window_present (GTK_WINDOW (presentation));
    fe_app_test_settle (800);
    save_window (GTK_WIDGET (presentation), dir, "presenting-short.png");

    fe_presentation_next (presentation);
    fe_presentation_next (presentation);
    fe_app_test_settle (500);
    save_window (GTK_WIDGET (presentation), dir, "presenting-chart.png");
    fe_presentation_next_quote (presentation);
    fe_app_test_settle (500);
    save_window (GTK_WIDGET (presentation), dir, "presenting.png");
    gtk_window_destroy (GTK_WINDOW (presentation));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
