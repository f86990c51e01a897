/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window at the sizes analysts and projectors have: at 800 × 600 the chart lies inside the
 * window and the quotes are one click away; at 1024 × 700 the sidebar stays beside the chart;
 * at 1600 × 1000 the sidebar, the chart and the quotes lie side by side. */
#include <adwaita.h>
#include <string.h>

#include "fe-app-test-util.h"
#include "fe-chart-layout.h"
#include "fe-chart-view.h"
#include "fe-compat.h"
#include "fe-explore-state.h"
#include "fe-quote-browser.h"
#include "fe-test-util.h"
#include "fe-window-private.h"

/* Whatever animates the panes (AdwFlap's reveal) has finished. */
#define PANE_SETTLE_MS 800

static graphene_rect_t
bounds_in_window (FeWindow *window,
                  gpointer  widget)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds));
  return bounds;
}

/* @widget is on screen, whole, inside the window's @width × @height. */
static void
assert_inside_window (FeWindow *window,
                      gpointer  widget,
                      int       width,
                      int       height)
{
  graphene_rect_t bounds = bounds_in_window (window, widget);

  /* The window kept the size asked for: a minimum wider than the screen would have made it
   * grow past the screen's edge, where nothing inside it can be seen. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, height);
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                     gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                     gtk_widget_get_height (GTK_WIDGET (window)));
  g_assert_cmpfloat (bounds.size.width, >, 0);
  g_assert_cmpfloat (bounds.size.height, >, 0);
}

static gboolean
chart_laid_out (gpointer data)
{
  return fe_chart_view_get_layout (fe_window_get_chart_view (data)) != NULL;
}

static FeWindow *
open_at (int width,
         int height)
{
  FeWindow *window = fe_app_test_open_window_sized (NULL, width, height);
  FeStudy *study = fe_window_get_study (window);

  fe_explore_state_show (fe_window_get_state (window),
                         fe_study_find_column (study, "vulnerabilities"),
                         fe_study_find_column (study, "force"));
  g_assert_true (fe_test_wait_until (chart_laid_out, window));
  fe_app_test_settle (PANE_SETTLE_MS);
  return window;
}

static gboolean
action_state (FeWindow   *window,
              const char *name)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), name);

  return g_variant_get_boolean (state);
}

static void
click_first_segment (FeWindow *window)
{
  FeChartView *view = fe_window_get_chart_view (window);
  const FeChartSegment *segment = fe_chart_layout_get_segment (fe_chart_view_get_layout (view),
                                                               0);

  g_assert_true (fe_chart_view_click_at (view, segment->x + segment->w / 2,
                                         segment->y + segment->h / 2));
}

static void
test_small_window (void)
{
  FeWindow *window = open_at (800, 600);
  FeQuoteBrowser *browser = fe_window_get_quote_browser (window);
  graphene_rect_t chart, quotes;

  /* The chart has the window to itself, whole. */
  assert_inside_window (window, fe_window_get_chart_view (window), 800, 600);
  chart = bounds_in_window (window, fe_window_get_chart_view (window));
  g_assert_cmpfloat (chart.size.width, >=, 500);
  g_assert_true (fe_compat_pane_get_folded (window->sidebar_pane));
  g_assert_true (fe_compat_pane_get_folded (window->quotes_pane));
  g_assert_false (action_state (window, "show-sidebar"));
  g_assert_false (action_state (window, "show-quotes"));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (browser)));

  /* One click on the header bar's button brings the quotes, inside the window. */
  assert_inside_window (window, window->quotes_button, 800, 600);
  g_assert_true (gtk_widget_activate (window->quotes_button));
  fe_app_test_settle (PANE_SETTLE_MS);
  g_assert_true (action_state (window, "show-quotes"));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (window->quotes_button)));
  assert_inside_window (window, browser, 800, 600);
  quotes = bounds_in_window (window, browser);
  g_assert_cmpfloat (quotes.size.width, >=, 300);
  /* Escape (the window's) puts them away, as it does any overlay. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-selection", NULL);
  fe_app_test_settle (PANE_SETTLE_MS);
  g_assert_false (action_state (window, "show-quotes"));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (browser)));
  /* Ctrl+F9's action brings them back, and again puts them away. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-quotes", NULL);
  fe_app_test_settle (PANE_SETTLE_MS);
  assert_inside_window (window, browser, 800, 600);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-quotes", NULL);
  fe_app_test_settle (PANE_SETTLE_MS);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (browser)));

  /* Clicking a bar shows what its respondents wrote, over the chart; Escape puts it away and
   * keeps the bar selected. */
  click_first_segment (window);
  fe_app_test_settle (PANE_SETTLE_MS);
  assert_inside_window (window, browser, 800, 600);
  g_assert_nonnull (fe_quote_browser_get_heading (browser));
  g_assert_cmpuint (g_list_model_get_n_items (fe_quote_browser_get_model (browser)), >, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-selection", NULL);
  fe_app_test_settle (PANE_SETTLE_MS);
  g_assert_false (action_state (window, "show-quotes"));
  g_assert_cmpint (fe_chart_view_get_selected (fe_window_get_chart_view (window)), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-quotes", NULL);
  fe_app_test_settle (PANE_SETTLE_MS);
  g_assert_nonnull (fe_quote_browser_get_heading (browser));
  /* Letting the bar go puts the empty pane away. */
  click_first_segment (window);
  fe_app_test_settle (PANE_SETTLE_MS);
  g_assert_false (action_state (window, "show-quotes"));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (browser)));

  /* F9's action brings the sidebar, inside the window; picking a question there puts it
   * away again, for the chart. */
  assert_inside_window (window, window->sidebar_button, 800, 600);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  fe_app_test_settle (PANE_SETTLE_MS);
  assert_inside_window (window, window->sidebar_box, 800, 600);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-selection", NULL);
  fe_app_test_settle (PANE_SETTLE_MS);
  g_assert_false (action_state (window, "show-sidebar"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  fe_app_test_settle (PANE_SETTLE_MS);
  assert_inside_window (window, window->sidebar_box, 800, 600);
  /* What the question list does with a click on a question. */
  fe_explore_state_set_question (fe_window_get_state (window),
                                 fe_study_find_column (fe_window_get_study (window), "barriers"));
  fe_app_test_settle (PANE_SETTLE_MS);
  g_assert_false (action_state (window, "show-sidebar"));
  g_assert_cmpstr (fe_explore_state_get_question (fe_window_get_state (window))->id, ==,
                   "barriers");
  assert_inside_window (window, fe_window_get_chart_view (window), 800, 600);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
overlap (const graphene_rect_t *a,
         const graphene_rect_t *b)
{
  graphene_rect_t both;

  return graphene_rect_intersection (a, b, &both) && both.size.width > 0.5;
}

static void
test_laptop_window (void)
{
  FeWindow *window = open_at (1024, 700);
  graphene_rect_t sidebar, chart;

  /* The sidebar beside the chart; the quotes a click away. */
  g_assert_false (fe_compat_pane_get_folded (window->sidebar_pane));
  g_assert_true (fe_compat_pane_get_folded (window->quotes_pane));
  assert_inside_window (window, window->sidebar_box, 1024, 700);
  assert_inside_window (window, fe_window_get_chart_view (window), 1024, 700);
  sidebar = bounds_in_window (window, window->sidebar_box);
  chart = bounds_in_window (window, fe_window_get_chart_view (window));
  g_assert_false (overlap (&sidebar, &chart));
  g_assert_cmpfloat (chart.size.width, >=, 600);

  click_first_segment (window);
  fe_app_test_settle (PANE_SETTLE_MS);
  assert_inside_window (window, fe_window_get_quote_browser (window), 1024, 700);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_wide_window (void)
{
  FeWindow *window = open_at (1600, 1000);
  graphene_rect_t sidebar, chart, quotes;

  g_assert_false (fe_compat_pane_get_folded (window->sidebar_pane));
  g_assert_false (fe_compat_pane_get_folded (window->quotes_pane));
  g_assert_true (action_state (window, "show-sidebar"));
  g_assert_true (action_state (window, "show-quotes"));
  assert_inside_window (window, window->sidebar_box, 1600, 1000);
  assert_inside_window (window, fe_window_get_chart_view (window), 1600, 1000);
  assert_inside_window (window, fe_window_get_quote_browser (window), 1600, 1000);
  sidebar = bounds_in_window (window, window->sidebar_box);
  chart = bounds_in_window (window, fe_window_get_chart_view (window));
  quotes = bounds_in_window (window, fe_window_get_quote_browser (window));
  g_assert_false (overlap (&sidebar, &chart));
  g_assert_false (overlap (&chart, &quotes));
  g_assert_cmpfloat (sidebar.origin.x, <, chart.origin.x);
  g_assert_cmpfloat (chart.origin.x, <, quotes.origin.x);

  /* The toggles hide a pane beside the chart too, and the chart takes its room. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  fe_app_test_settle (PANE_SETTLE_MS);
  g_assert_false (gtk_widget_get_mapped (window->sidebar_box));
  g_assert_cmpfloat (bounds_in_window (window, fe_window_get_chart_view (window)).size.width, >,
                     chart.size.width + 200);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The toggles' keys are the window's, and the shortcuts window lists them. */
static void
test_toggles_have_shortcuts (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (
    "/io/github/findings_explorer/FindingsExplorer/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  gboolean f9 = FALSE, control_f9 = FALSE;

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accelerator, NULL);
      f9 |= g_strcmp0 (accelerator, "F9") == 0;
      control_f9 |= g_strcmp0 (accelerator, "<Control>F9") == 0;
    }
  g_assert_true (f9);
  g_assert_true (control_f9);
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app/layout/800x600", test_small_window);
  g_test_add_func ("/app/layout/1024x700", test_laptop_window);
  g_test_add_func ("/app/layout/1600x1000", test_wide_window);
  g_test_add_func ("/app/layout/toggle-shortcuts", test_toggles_have_shortcuts);
  return g_test_run ();
}
