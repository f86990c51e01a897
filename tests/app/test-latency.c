/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What keeps every click within a frame at a million respondents (issue 17), on the sample: the
 * Respondents grid follows a filter click without rebuilding, sorts on a worker, and the quote
 * browser counts a segment's quotes without making them all. */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "fe-app-test-util.h"
#include "fe-attribution.h"
#include "fe-chart-layout.h"
#include "fe-chart-view.h"
#include "fe-filter-panel.h"
#include "fe-grid-cell.h"
#include "fe-quote-browser.h"
#include "fe-quote-item.h"
#include "fe-quote-list.h"
#include "fe-quote-row.h"
#include "fe-respondent-list.h"
#include "fe-respondent-view.h"
#include "fe-test-util.h"
#include "fe-text-match.h"
#include "fe-window-private.h"
#include "fe-wrap-label.h"

typedef struct
{
  guint n_changes;
  guint largest;     /* the most items one change removed and added */
  gboolean replaced; /* a change removed and added items at once */
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->n_changes++;
  changes->largest = MAX (changes->largest, removed + added);
  changes->replaced |= removed > 0 && added > 0;
}

/* The texts of the labels in @widget, "|" around each; those shown only, or also those of rows
 * GTK holds off screen, which keep what they were last given. */
static void
collect_texts (GtkWidget *widget,
               GString   *texts,
               gboolean   shown_only)
{
  if (fe_app_test_get_label_text (widget) != NULL
      && (!shown_only || gtk_widget_get_mapped (widget)))
    g_string_append_printf (texts, "|%s|", fe_app_test_get_label_text (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts, shown_only);
}

static void
collect_label_texts (GtkWidget *widget,
                     GString   *texts)
{
  collect_texts (widget, texts, TRUE);
}

static void
show_respondents (FeWindow *window)
{
  adw_view_stack_set_visible_child_name (fe_app_test_find_widget (GTK_WIDGET (window),
                                                                  ADW_TYPE_VIEW_STACK),
                                         "respondents");
  fe_app_test_settle (200);
}

/* A filter click used to replace the whole list, and GTK 4.8 rebuilt every visible row; now the
 * length changes at the end and the rows on screen are told their new respondents. */
static void
test_filter_on_respondents_page_is_a_small_change (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeStudy *study;
  FeColumn *force;
  GListModel *model;
  const FeBitset *rows;
  Changes changes = { 0 };
  g_autoptr(GString) shown = g_string_new (NULL);
  guint before, after, position = 0;

  g_assert_true (fe_test_wait_until (fe_app_test_study_loaded, window));
  study = fe_window_get_study (window);
  force = fe_study_find_column (study, "force");
  show_respondents (window);
  model = fe_respondent_view_get_model (window->respondent_view);
  before = g_list_model_get_n_items (model);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &changes);

  gtk_check_button_set_active (fe_filter_panel_get_check_button (window->filter_panel, force, 0),
                               TRUE);
  fe_app_test_settle (200);

  rows = fe_query_get_rows (fe_explore_state_get_query (window->state));
  after = g_list_model_get_n_items (model);
  g_assert_cmpuint (after, ==, fe_bitset_count (rows));
  g_assert_cmpuint (after, <, before);
  g_assert_cmpuint (changes.n_changes, ==, 1);
  g_assert_false (changes.replaced);
  g_assert_cmpuint (changes.largest, ==, before - after);

  /* The grid lists the filtered respondents, in the file's order, and shows them. */
  collect_label_texts (GTK_WIDGET (window->respondent_view), shown);
  FE_BITSET_FOREACH (rows, row)
    {
      g_autoptr(FeRespondentRow) item = g_list_model_get_item (model, position);

      g_assert_cmpuint (fe_respondent_row_get_row (item), ==, row);
      if (position++ < 3)
        {
          g_autofree char *id = fe_study_dup_respondent_id (study, row);
          g_autofree char *cell = g_strdup_printf ("|%s|", id);

          g_assert_nonnull (strstr (shown->str, cell));
        }
    }
  g_assert_cmpuint (position, ==, after);
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  guint borders;
  guint mixed;        /* borders whose sides differ in colour */
  guint texts;
  guint dark_texts;   /* texts drawn darker than mid-grey */
} Drawn;

/* What the nodes under @node draw. */
static void
count_drawn (GskRenderNode *node,
             Drawn         *drawn)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        count_drawn (gsk_container_node_get_child (node, i), drawn);
      break;
    case GSK_TRANSFORM_NODE:
      count_drawn (gsk_transform_node_get_child (node), drawn);
      break;
    case GSK_CLIP_NODE:
      count_drawn (gsk_clip_node_get_child (node), drawn);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      count_drawn (gsk_rounded_clip_node_get_child (node), drawn);
      break;
    case GSK_OPACITY_NODE:
      count_drawn (gsk_opacity_node_get_child (node), drawn);
      break;
    case GSK_COLOR_MATRIX_NODE:
      count_drawn (gsk_color_matrix_node_get_child (node), drawn);
      break;
    case GSK_DEBUG_NODE:
      count_drawn (gsk_debug_node_get_child (node), drawn);
      break;
    case GSK_BORDER_NODE:
      {
        const GdkRGBA *colors = gsk_border_node_get_colors (node);

        drawn->borders++;
        drawn->mixed += !gdk_rgba_equal (&colors[0], &colors[1])
                        || !gdk_rgba_equal (&colors[0], &colors[2])
                        || !gdk_rgba_equal (&colors[0], &colors[3]);
      }
      break;
    case GSK_TEXT_NODE:
      {
        const GdkRGBA *color = gsk_text_node_get_color (node);

        drawn->texts++;
        drawn->dark_texts += color->red + color->green + color->blue < 1.5;
      }
      break;
    default:
      break;
    }
}

/* The rows of the Respondents grid, under its headers (drawn once, not at each click), as they
 * are drawn now. */
static Drawn
draw_grid_rows (FeWindow *window)
{
  GtkWidget *rows = fe_app_test_find_widget (fe_app_test_find_widget (
                                               GTK_WIDGET (window->respondent_view),
                                               GTK_TYPE_COLUMN_VIEW),
                                             GTK_TYPE_LIST_VIEW);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (rows);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  Drawn drawn = { 0 };

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (rows),
                          gtk_widget_get_height (rows));
  node = gtk_snapshot_free_to_node (snapshot);
  if (node != NULL)
    count_drawn (node, &drawn);
  return drawn;
}

static gboolean
grid_drawn_in_dark (gpointer window)
{
  Drawn drawn = draw_grid_rows (window);

  return drawn.texts > 0 && drawn.dark_texts == 0;
}

static gboolean
grid_drawn_in_light (gpointer window)
{
  Drawn drawn = draw_grid_rows (window);

  return drawn.texts > 0 && drawn.dark_texts == drawn.texts;
}

/* The grid in the light or dark style, once it is drawn in it. */
static Drawn
draw_grid_rows_in (FeWindow *window,
                   gboolean  dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_true (fe_test_wait_until (dark ? grid_drawn_in_dark : grid_drawn_in_light, window));
  return draw_grid_rows (window);
}

/* The grid's separators are a side of every cell's border. GTK 4.8's software renderer draws a
 * border whose sides differ in colour as a gradient mesh, and a screen of them cost milliseconds
 * at every filter click: each one must be of one colour, in light and in dark. */
static void
test_grid_separators_are_plain (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);

  g_assert_true (fe_test_wait_until (fe_app_test_study_loaded, window));
  show_respondents (window);
  for (guint dark = 0; dark < 2; dark++)
    {
      Drawn drawn = draw_grid_rows_in (window, dark);

      /* A separator above each row, and between the cells of each row. */
      g_assert_cmpuint (drawn.borders, >, 100);
      g_assert_cmpuint (drawn.mixed, ==, 0);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The cells of a column that show the same answer draw it once and share what they drew: in the
 * colour of the style, when the style changes too (else the waits time out). */
static void
test_grid_text_follows_the_style (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  Drawn light, dark;

  g_assert_true (fe_test_wait_until (fe_app_test_study_loaded, window));
  show_respondents (window);
  light = draw_grid_rows_in (window, FALSE);
  dark = draw_grid_rows_in (window, TRUE);
  g_assert_cmpuint (light.texts, >, 100);
  g_assert_cmpuint (dark.texts, >, 100);
  draw_grid_rows_in (window, FALSE);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GtkWidget *window;    /* the scrolled window the grid is seen through */
  guint      in_sight;
  guint      out_of_sight;
  guint      missing;   /* cells in sight, not drawn */
  guint      needless;  /* cells out of sight, drawn */
} Sight;

static void
check_cells_in_sight (GtkWidget *widget,
                      Sight     *sight)
{
  if (FE_IS_GRID_CELL (widget) && gtk_widget_get_mapped (widget)
      && *fe_grid_cell_get_text (FE_GRID_CELL (widget)) != '\0')
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      Drawn drawn = { 0 };
      graphene_rect_t bounds;
      gboolean in_sight;

      g_assert_true (gtk_widget_compute_bounds (widget, sight->window, &bounds));
      in_sight = bounds.origin.x + bounds.size.width > 0
                 && bounds.origin.x < gtk_widget_get_width (sight->window);
      gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                              gtk_widget_get_height (widget));
      node = gtk_snapshot_free_to_node (snapshot);
      if (node != NULL)
        count_drawn (node, &drawn);
      if (in_sight)
        sight->in_sight++;
      else
        sight->out_of_sight++;
      sight->missing += in_sight && drawn.texts == 0;
      sight->needless += !in_sight && drawn.texts > 0;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_cells_in_sight (child, sight);
}

static gboolean
cells_in_sight_drawn (gpointer data)
{
  Sight *sight = data;

  *sight = (Sight) { sight->window };
  check_cells_in_sight (sight->window, sight);
  return sight->missing == 0;
}

/* The grid's cells, once the window has drawn what the last change asked for: every one in
 * sight is drawn (within a frame or two of the change, on a busy machine). */
static Sight
look_at_grid (FeWindow *window)
{
  Sight sight = { fe_app_test_find_widget (GTK_WIDGET (window->respondent_view),
                                           GTK_TYPE_SCROLLED_WINDOW) };

  fe_app_test_settle (100);
  g_assert_true (fe_test_wait_until (cells_in_sight_drawn, &sight));
  g_assert_cmpuint (sight.in_sight, >, 20);
  return sight;
}

/* GTK 4.8 draws every cell of the rows on screen, those of the columns scrolled out of sight
 * too; most of the grid is out of its window. Those draw nothing, and each is drawn as
 * soon as it comes into sight: scrolled there, its column moved, after a filter click (cells
 * drawn once keep what they drew when they go out of sight). */
static void
test_grid_draws_what_is_in_sight (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  GtkColumnView *view;
  GtkAdjustment *scroll;
  g_autoptr(GtkColumnViewColumn) last = NULL;
  GListModel *columns;
  GtkCheckButton *check;
  Sight sight;

  g_assert_true (fe_test_wait_until (fe_app_test_study_loaded, window));
  show_respondents (window);
  view = fe_app_test_find_widget (GTK_WIDGET (window->respondent_view), GTK_TYPE_COLUMN_VIEW);
  sight = look_at_grid (window);
  g_assert_cmpuint (sight.out_of_sight, >, sight.in_sight);
  g_assert_cmpuint (sight.needless, ==, 0);

  scroll = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll)
                                    - gtk_adjustment_get_page_size (scroll));
  look_at_grid (window);
  check = fe_filter_panel_get_check_button (window->filter_panel,
                                            fe_study_find_column (fe_window_get_study (window),
                                                                  "force"), 0);
  gtk_check_button_set_active (check, TRUE);
  look_at_grid (window);
  gtk_adjustment_set_value (scroll, 0);
  look_at_grid (window);

  columns = gtk_column_view_get_columns (view);
  last = g_list_model_get_item (columns, g_list_model_get_n_items (columns) - 1);
  gtk_column_view_insert_column (view, 0, last);
  look_at_grid (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
not_sorting (gpointer view)
{
  return !fe_respondent_view_is_sorting (view);
}

static void
sort_by (FeWindow   *window,
         const char *title,
         GtkSortType direction)
{
  GtkColumnView *view = fe_app_test_find_widget (GTK_WIDGET (window->respondent_view),
                                                 GTK_TYPE_COLUMN_VIEW);
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        {
          gtk_column_view_sort_by_column (view, column, direction);
          return;
        }
    }
  g_assert_not_reached ();
}

static gint64
id_at (FeWindow *window,
       guint     position)
{
  g_autofree char *id = fe_study_dup_respondent_id (fe_window_get_study (window),
                                                    fe_respondent_view_get_row_at
                                                      (window->respondent_view, position));

  return g_ascii_strtoll (id, NULL, 10);
}

/* Sorting by a column compared a million rows' texts on the main thread; now the old order
 * stays on screen while a worker makes the new one, and sorting that column again is at
 * once. */
static void
test_sort_runs_on_a_worker (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeRespondentView *view = window->respondent_view;
  FeColumn *force;
  guint first, n;

  g_assert_true (fe_test_wait_until (fe_app_test_study_loaded, window));
  force = fe_study_find_column (fe_window_get_study (window), "force");
  show_respondents (window);
  first = fe_respondent_view_get_row_at (view, 0);
  n = g_list_model_get_n_items (fe_respondent_view_get_model (view));
  g_assert_cmpuint (n, >, 2);

  sort_by (window, _("Respondent"), GTK_SORT_DESCENDING);
  g_assert_true (fe_respondent_view_is_sorting (view));
  g_assert_cmpuint (fe_respondent_view_get_row_at (view, 0), ==, first);
  g_assert_true (fe_test_wait_until (not_sorting, view));
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (id_at (window, i - 1), >, id_at (window, i));

  /* Forwards, from the order already made. */
  sort_by (window, _("Respondent"), GTK_SORT_ASCENDING);
  g_assert_false (fe_respondent_view_is_sorting (view));
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (id_at (window, i - 1), <, id_at (window, i));

  /* By answer, in the order of the levels; the file's order among the same answers. */
  {
    g_autofree char *title = fe_column_dup_short_label (force);

    sort_by (window, title, GTK_SORT_ASCENDING);
  }
  g_assert_true (fe_test_wait_until (not_sorting, view));
  for (guint i = 1; i < n; i++)
    {
      guint a = fe_respondent_view_get_row_at (view, i - 1);
      guint b = fe_respondent_view_get_row_at (view, i);
      guint32 x = force->values[a] ? force->values[a] : G_MAXUINT32;
      guint32 y = force->values[b] ? force->values[b] : G_MAXUINT32;

      g_assert_true (x < y || (x == y && a < b));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static int
compare_descending_by_key (gconstpointer a,
                           gconstpointer b,
                           gpointer      data)
{
  const FeColumn *column = data;
  guint x = *(const guint *) a, y = *(const guint *) b;
  guint32 key_x = column->values[x] ? column->values[x] : G_MAXUINT32;
  guint32 key_y = column->values[y] ? column->values[y] : G_MAXUINT32;

  if (key_x != key_y)
    return key_x > key_y ? -1 : 1;
  return (x > y) - (x < y);
}

/* A filter click found every listed row's place, a million of them, where GTK asks for the few
 * hundred it shows; now the rows are found as far as they are asked for. Those further down, or
 * asked out of order, are still where the sort puts them. */
static void
test_rows_found_as_far_as_asked (void)
{
  g_autofree char *path = fe_app_test_generate_survey (40000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FeWindow *window = fe_app_test_open_window (file);
  FeRespondentView *view = window->respondent_view;
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint));
  const guint asked[] = { 0, 1500, 1499, 5000, 2 };
  FeColumn *force, *role;
  guint n;

  g_assert_true (fe_test_wait_until (fe_app_test_study_loaded, window));
  force = fe_study_find_column (fe_window_get_study (window), "force");
  role = fe_study_find_column (fe_window_get_study (window), "role");
  show_respondents (window);
  {
    g_autofree char *title = fe_column_dup_short_label (force);

    sort_by (window, title, GTK_SORT_DESCENDING);
  }
  g_assert_true (fe_test_wait_until (not_sorting, view));
  gtk_check_button_set_active (fe_filter_panel_get_check_button (window->filter_panel, role, 0),
                               TRUE);
  fe_app_test_settle (200);

  FE_BITSET_FOREACH (fe_query_get_rows (fe_explore_state_get_query (window->state)), row)
    g_array_append_val (expected, row);
  g_array_sort_with_data (expected, compare_descending_by_key, force);
  n = g_list_model_get_n_items (fe_respondent_view_get_model (view));
  g_assert_cmpuint (n, ==, expected->len);
  g_assert_cmpuint (n, >, 5000);
  for (guint i = 0; i < G_N_ELEMENTS (asked); i++)
    g_assert_cmpuint (fe_respondent_view_get_row_at (view, asked[i]), ==,
                      g_array_index (expected, guint, asked[i]));
  for (guint i = n; i-- > 0;)
    g_assert_cmpuint (fe_respondent_view_get_row_at (view, i), ==,
                      g_array_index (expected, guint, i));
  g_assert_cmpuint (fe_respondent_view_get_row_at (view, n), ==, G_MAXUINT);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The chart is laid out again only when it is shown: a filter click on the Respondents page
 * cost the chart's layout too. Shown again, it counts the filtered respondents and keeps its
 * selected segment. */
static void
test_hidden_chart_shown_again (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  const FeChartLayout *layout;
  const FeChartSegment *segment;
  FeColumn *force;
  FeTally *tally;
  int level, group;

  g_assert_true (fe_test_wait_until (fe_app_test_study_loaded, window));
  fe_app_test_settle (200);
  force = fe_study_find_column (fe_window_get_study (window), "force");
  layout = fe_chart_view_get_layout (window->chart_view);
  segment = fe_chart_layout_get_segment (layout, 0);
  fe_explore_state_select (window->state, segment->level, segment->group);
  fe_app_test_settle (100);
  /* Another segment is chosen while the chart is hidden (from a saved view, say). */
  segment = fe_chart_layout_get_segment (layout, 1);
  level = segment->level;
  group = segment->group;

  show_respondents (window);
  gtk_check_button_set_active (fe_filter_panel_get_check_button (window->filter_panel, force, 0),
                               TRUE);
  fe_app_test_settle (100);
  fe_explore_state_select (window->state, level, group);
  fe_app_test_settle (100);
  adw_view_stack_set_visible_child_name (fe_app_test_find_widget (GTK_WIDGET (window),
                                                                  ADW_TYPE_VIEW_STACK),
                                         "chart");
  fe_app_test_settle (200);

  tally = fe_query_dup_tally (fe_explore_state_get_query (window->state));
  layout = fe_chart_view_get_layout (window->chart_view);
  g_assert_cmpint (fe_chart_view_get_selected (window->chart_view), >=, 0);
  segment = fe_chart_layout_get_segment (layout,
                                         (guint) fe_chart_view_get_selected (window->chart_view));
  g_assert_cmpint (segment->level, ==, level);
  g_assert_cmpint (fe_explore_state_get_selected_level (window->state), ==, level);
  g_assert_cmpuint (tally->base, <, fe_study_get_n_rows (fe_window_get_study (window)));
  for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
    {
      const FeChartSegment *shown = fe_chart_layout_get_segment (layout, i);

      g_assert_cmpint (shown->group, <, 0);
      if (shown->count > 0)
        g_assert_cmpuint (shown->count, ==, tally->counts[shown->level]);
    }
  fe_tally_free (tally);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A window on a generated study of 8,000 respondents, showing the closed question "service",
 * whose segments hold every open answer of their respondents: thousands of quotes. */
static FeWindow *
open_on_service (void)
{
  g_autofree char *path = fe_app_test_generate_survey (8000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FeWindow *window = fe_app_test_open_window (file);
  FeColumn *service;

  g_assert_true (fe_test_wait_until (fe_app_test_study_loaded, window));
  service = fe_study_find_column (fe_window_get_study (window), "service");
  g_assert_nonnull (service);
  fe_explore_state_show (window->state, service, NULL);
  fe_app_test_settle (200);
  return window;
}

/* Selecting a segment made every one of its quotes, hundreds of thousands at 1M; now the header
 * counts them from the bitsets and only the quotes on screen are made. */
static void
test_quote_count_without_making_every_quote (void)
{
  FeWindow *window = open_on_service ();
  FeQuoteBrowser *browser = fe_window_get_quote_browser (window);
  FeStudy *study = fe_window_get_study (window);
  GListModel *quotes;
  g_autoptr(FeBitset) segment = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GArray) groups = NULL;
  g_autofree char *count = NULL;
  guint n_made;

  /* A closed question: every open answer of its segment, question by question. */
  fe_explore_state_select (window->state, 0, -1);
  fe_app_test_settle (300);

  segment = fe_query_dup_segment_rows (fe_explore_state_get_query (window->state), 0, -1);
  expected = fe_study_collect_text_quotes (study, segment);
  g_assert_cmpuint (expected->len, >, 1000);
  count = g_strdup_printf ("%u quotes", expected->len);
  g_assert_nonnull (strstr (fe_quote_browser_get_summary (browser), count));
  quotes = fe_quote_browser_get_model (browser);
  n_made = fe_quote_list_get_n_made (FE_QUOTE_LIST (quotes));
  g_assert_cmpuint (n_made, >, 0);
  g_assert_cmpuint (n_made, <, expected->len / 4);

  /* The quotes made are the ones collected, each question's heading on its first. */
  groups = fe_quotes_group_by_question (expected);
  g_assert_cmpuint (groups->len, >, 1);
  for (guint g = 0; g < groups->len; g++)
    {
      const FeQuoteGroup *group = &g_array_index (groups, FeQuoteGroup, g);
      guint last = group->first + group->n_quotes - 1;

      for (guint i = group->first; i <= last; i += last - group->first)
        {
          g_autoptr(FeQuoteItem) item = g_list_model_get_item (quotes, i);
          const FeQuote *made = fe_quote_item_get_quote (item);
          const FeQuote *want = g_ptr_array_index (expected, i);

          g_assert_true (made->column == want->column);
          g_assert_cmpuint (made->row, ==, want->row);
          g_assert_cmpstr (made->text, ==, want->text);
        }
      g_assert_true (fe_quote_browser_get_group (browser, group->first) == group->column);
      g_assert_null (fe_quote_browser_get_group (browser, group->first + 1));
    }
  /* The first row on screen carries its question's heading and numbers. */
  {
    const FeQuoteGroup *group = &g_array_index (groups, FeQuoteGroup, 0);
    g_autoptr(GString) shown = g_string_new (NULL);
    g_autofree char *heading = g_strdup_printf ("|%s|",
                                                fe_column_get_display_label (group->column));
    g_autofree char *numbers = g_strdup_printf ("|%u quotes · %u respondents|",
                                                group->n_quotes, group->n_respondents);

    collect_label_texts (GTK_WIDGET (browser), shown);
    g_assert_nonnull (strstr (shown->str, heading));
    g_assert_nonnull (strstr (shown->str, numbers));
  }
  g_assert_null (g_list_model_get_item (quotes, expected->len));

  /* A filter click with the segment selected: the rows on screen are renewed where they are,
   * and show the quotes of the respondents left. */
  {
    FeColumn *role = fe_study_find_column (study, "role");
    g_autoptr(FeBitset) left = NULL;
    g_autoptr(GPtrArray) after = NULL;
    g_autoptr(GString) shown = g_string_new (NULL);

    /* GTK 4.8 has made its rows for the list. */
    fe_app_test_settle (700);
    gtk_check_button_set_active (fe_filter_panel_get_check_button (window->filter_panel, role,
                                                                   0), TRUE);
    fe_app_test_settle (500);
    left = fe_query_dup_segment_rows (fe_explore_state_get_query (window->state), 0, -1);
    g_assert_cmpuint (fe_bitset_count (left), <, fe_bitset_count (segment));
    after = fe_study_collect_text_quotes (study, left);
    g_assert_cmpuint (g_list_model_get_n_items (quotes), ==, after->len);
    collect_label_texts (GTK_WIDGET (browser), shown);
    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(FeQuoteItem) item = g_list_model_get_item (quotes, i);
        const FeQuote *want = g_ptr_array_index (after, i);
        g_autofree char *text = g_strdup_printf ("|%s|", want->text);

        g_assert_cmpstr (fe_quote_item_get_quote (item)->text, ==, want->text);
        g_assert_nonnull (strstr (shown->str, text));
      }

    /* Those GTK holds off screen are not made by the click, but when asked for, and then are
     * the quotes listed there; one asked for after another segment is chosen is the quote that
     * segment lists at its place. */
    {
      guint n_alive = fe_quote_list_get_n_made (FE_QUOTE_LIST (quotes)), n_quotes_made = 0;
      guint far = MIN (n_alive, after->len) - 1;
      g_autoptr(FeQuoteItem) item = g_list_model_get_item (quotes, far);
      g_autoptr(FeQuoteItem) before = g_list_model_get_item (quotes, far - 1);
      const FeQuote *want = g_ptr_array_index (after, far);
      g_autofree char *attribution = fe_study_dup_attribution (study, want->row);

      for (guint i = 0; i < n_alive; i++)
        {
          g_autoptr(FeQuoteItem) alive = g_list_model_get_item (quotes, i);

          n_quotes_made += fe_quote_item_is_made (alive);
        }
      g_assert_cmpuint (n_quotes_made, <, n_alive / 2);
      g_assert_false (fe_quote_item_is_made (item));
      g_assert_cmpuint (fe_quote_item_get_quote (item)->row, ==, want->row);
      g_assert_cmpstr (fe_quote_item_get_quote (item)->text, ==, want->text);
      g_assert_cmpstr (fe_quote_item_get_attribution (item), ==, attribution);
      g_assert_false (fe_quote_item_is_made (before));
      fe_explore_state_select (window->state, 1, -1);
      fe_app_test_settle (100);
      {
        g_autoptr(FeBitset) other = fe_query_dup_segment_rows (
                                      fe_explore_state_get_query (window->state), 1, -1);
        g_autoptr(GPtrArray) listed = fe_study_collect_text_quotes (study, other);

        g_assert_cmpuint (listed->len, >=, far);
        want = g_ptr_array_index (listed, far - 1);
        g_assert_cmpuint (fe_quote_item_get_quote (before)->row, ==, want->row);
        g_assert_cmpstr (fe_quote_item_get_quote (before)->text, ==, want->text);
      }
    }
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The sample's coded excerpts: several quotes for one respondent, made when the list fills. */
static void
test_quote_list_holds_coded_excerpts (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeQuoteBrowser *browser = fe_window_get_quote_browser (window);
  GListModel *quotes = fe_quote_browser_get_model (browser);
  FeStudy *study;
  FeColumn *vulnerabilities;

  g_assert_true (fe_test_wait_until (fe_app_test_study_loaded, window));
  study = fe_window_get_study (window);
  vulnerabilities = fe_study_find_column (study, "vulnerabilities");
  fe_explore_state_show (window->state, vulnerabilities, NULL);
  fe_app_test_settle (200);
  fe_explore_state_select (window->state, 0, -1);
  fe_app_test_settle (300);
  {
    const FeBitset *rows = fe_query_get_rows (fe_explore_state_get_query (window->state));
    g_autoptr(GPtrArray) coded = fe_study_collect_quotes (study, vulnerabilities, 0, rows);

    g_assert_cmpuint (coded->len, >, 0);
    g_assert_cmpuint (g_list_model_get_n_items (quotes), ==, coded->len);
    for (guint i = 0; i < coded->len; i++)
      {
        g_autoptr(FeQuoteItem) item = g_list_model_get_item (quotes, i);

        g_assert_cmpstr (fe_quote_item_get_quote (item)->text, ==,
                         ((FeQuote *) g_ptr_array_index (coded, i))->text);
      }
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  guint on_screen;
  guint off_screen;
  guint stale_on_screen;   /* rows on screen whose quote is not the one listed at their place */
  guint stale_off_screen;
} RowsShown;

static void
count_rows_shown (GtkWidget *widget,
                  GtkWidget *view,
                  RowsShown *rows)
{
  if (FE_IS_QUOTE_ROW (widget))
    {
      FeQuoteItem *item = fe_quote_row_get_item (FE_QUOTE_ROW (widget));
      g_autoptr(GString) shown = g_string_new (NULL);
      g_autofree char *display = NULL;
      g_autofree char *text = NULL;
      graphene_rect_t bounds;
      gboolean on_screen, stale;

      if (item == NULL || !gtk_widget_compute_bounds (widget, view, &bounds))
        return;
      display = fe_text_for_display (fe_quote_item_get_quote (item)->text);
      text = g_strdup_printf ("|%s|", display);
      collect_texts (widget, shown, FALSE);
      /* Where GTK shows it: it hides a row it lays out at the very edge. */
      on_screen = gtk_widget_get_mapped (widget) && bounds.origin.y < gtk_widget_get_height (view)
                  && bounds.origin.y + bounds.size.height > 0;
      stale = strstr (shown->str, text) == NULL;
      if (on_screen)
        rows->on_screen++, rows->stale_on_screen += stale;
      else
        rows->off_screen++, rows->stale_off_screen += stale;
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_rows_shown (child, view, rows);
}

/* A filter click with a segment selected drew again a margin of rows under those on screen,
 * guessed from the average height; now the rows laid out on screen are drawn again, and any the
 * new heights bring on screen before the frame; the rest as they scroll into view. */
static void
test_quote_click_redraws_rows_on_screen (void)
{
  FeWindow *window = open_on_service ();
  FeQuoteBrowser *browser = fe_window_get_quote_browser (window);
  GtkListView *view = fe_app_test_find_widget (GTK_WIDGET (browser), GTK_TYPE_LIST_VIEW);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  FeColumn *role = fe_study_find_column (fe_window_get_study (window), "role");
  guint stale_off_screen = 0;

  fe_explore_state_select (window->state, 0, -1);
  /* GTK 4.8 has made its rows for the list. */
  fe_app_test_settle (700);
  for (guint click = 0; click < 6; click++)
    {
      GtkCheckButton *level = fe_filter_panel_get_check_button (window->filter_panel, role,
                                                                click / 2);
      RowsShown rows = { 0 };

      gtk_check_button_set_active (level, !gtk_check_button_get_active (level));
      fe_app_test_settle (200);
      count_rows_shown (GTK_WIDGET (view), GTK_WIDGET (view), &rows);
      g_assert_cmpuint (rows.on_screen, >, 1);
      g_assert_cmpuint (rows.off_screen, >, rows.on_screen);
      g_assert_cmpuint (rows.stale_on_screen, ==, 0);
      stale_off_screen += rows.stale_off_screen;
    }
  /* Off screen, rows kept their quotes through the clicks. */
  g_assert_cmpuint (stale_off_screen, >, 0);

  /* Scrolled down a page at a time, each row coming on screen shows the quote at its place. */
  for (guint page = 0; page < 4; page++)
    {
      RowsShown rows = { 0 };

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment)
                                            + gtk_adjustment_get_page_size (adjustment));
      fe_app_test_settle (150);
      count_rows_shown (GTK_WIDGET (view), GTK_WIDGET (view), &rows);
      g_assert_cmpuint (rows.on_screen, >, 1);
      g_assert_cmpuint (rows.stale_on_screen, ==, 0);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
search_done (gpointer browser)
{
  return !fe_quote_browser_is_searching (browser);
}

/* The quotes of @expected that a search for @query lists: those whose words or attribution hold
 * every word of it, in order. */
static GPtrArray *
expect_matches (FeStudy    *study,
                GPtrArray  *expected,
                const char *query)
{
  GPtrArray *matches = g_ptr_array_new ();

  for (guint i = 0; i < expected->len; i++)
    {
      const FeQuote *quote = g_ptr_array_index (expected, i);
      g_autofree char *attribution = fe_study_dup_attribution (study, quote->row);

      if (fe_text_matches (quote->text, query) || fe_text_matches (attribution, query))
        g_ptr_array_add (matches, (gpointer) quote);
    }
  return matches;
}

static void
assert_lists (GListModel *model,
              GPtrArray  *matches)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, matches->len);
  for (guint i = 0; i < matches->len; i++)
    {
      g_autoptr(FeQuoteItem) item = g_list_model_get_item (model, i);
      const FeQuote *want = g_ptr_array_index (matches, i);

      g_assert_cmpuint (fe_quote_item_get_quote (item)->row, ==, want->row);
      g_assert_cmpstr (fe_quote_item_get_quote (item)->text, ==, want->text);
    }
}

/* The quote search went through every quote of the segment on the main thread, a million of
 * them at 1M; now a worker looks, the list keeps what it shows until it has news, a longer
 * query looks among the shorter one's matches, and a query typed over a running search
 * leaves only its own matches. */
static void
test_search_runs_on_a_worker (void)
{
  FeWindow *window = open_on_service ();
  FeQuoteBrowser *browser = fe_window_get_quote_browser (window);
  GListModel *model = fe_quote_browser_get_model (browser);
  FeStudy *study = fe_window_get_study (window);
  g_autoptr(FeBitset) segment = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  guint all;

  fe_explore_state_select (window->state, 0, -1);
  fe_app_test_settle (300);
  segment = fe_query_dup_segment_rows (fe_explore_state_get_query (window->state), 0, -1);
  expected = fe_study_collect_text_quotes (study, segment);
  all = g_list_model_get_n_items (model);
  g_assert_cmpuint (all, ==, expected->len);
  g_assert_cmpuint (all, >, 1000);

  fe_quote_browser_set_search (browser, "the");
  g_assert_true (fe_quote_browser_is_searching (browser));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);
  g_assert_nonnull (strstr (fe_quote_browser_get_summary (browser), "searching"));
  g_assert_true (fe_test_wait_until (search_done, browser));
  {
    g_autoptr(GPtrArray) matches = expect_matches (study, expected, "the");

    g_assert_cmpuint (matches->len, >, 0);
    g_assert_cmpuint (matches->len, <, all);
    assert_lists (model, matches);
  }

  /* Narrower, among the matches of "the". */
  fe_quote_browser_set_search (browser, "the TRAIN");
  g_assert_true (fe_test_wait_until (search_done, browser));
  {
    g_autoptr(GPtrArray) matches = expect_matches (study, expected, "the TRAIN");

    assert_lists (model, matches);
  }

  /* Typed over a running search: only the last query's matches, and those of an attribution. */
  fe_quote_browser_set_search (browser, "e");
  fe_quote_browser_set_search (browser, "participant 1");
  g_assert_true (fe_test_wait_until (search_done, browser));
  fe_app_test_settle (100);
  {
    g_autoptr(GPtrArray) matches = expect_matches (study, expected, "participant 1");

    g_assert_cmpuint (matches->len, >, 0);
    assert_lists (model, matches);
  }

  fe_quote_browser_set_search (browser, NULL);
  g_assert_false (fe_quote_browser_is_searching (browser));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
shown_all (gpointer view)
{
  GtkWidget *browser = gtk_widget_get_ancestor (view, FE_TYPE_QUOTE_BROWSER);

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view)))
         == g_list_model_get_n_items (fe_quote_browser_get_model (FE_QUOTE_BROWSER (browser)));
}

/* GTK 4.8 made the first two hundred rows of a list at once, a third of a second for the quotes
 * of a segment or the respondents grid shown anew; now they come a step after each frame, and
 * soon the view has every item. */
static void
test_long_lists_come_by_steps (void)
{
  FeWindow *window = open_on_service ();
  FeQuoteBrowser *browser = fe_window_get_quote_browser (window);
  GtkListView *view = fe_app_test_find_widget (GTK_WIDGET (browser), GTK_TYPE_LIST_VIEW);
  GListModel *shown;
  guint all;

  fe_explore_state_select (window->state, 0, -1);
  shown = G_LIST_MODEL (gtk_list_view_get_model (view));
  all = g_list_model_get_n_items (fe_quote_browser_get_model (browser));
  g_assert_cmpuint (all, >, 1000);
#if !GTK_CHECK_VERSION (4, 12, 0)
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, 50);
#endif
  g_assert_true (fe_test_wait_until (shown_all, view));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, all);
  {
    g_autoptr(FeQuoteItem) last = g_list_model_get_item (shown, all - 1);
    g_autoptr(FeQuoteItem) same = g_list_model_get_item (fe_quote_browser_get_model (browser),
                                                         all - 1);

    g_assert_true (last == same);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *n_notified)
{
  (*n_notified)++;
}

/* With no segment chosen, a filter click leaves the quote browser as it is: giving its view an
 * empty list again laid the window out for nothing. Choosing a segment and then none still
 * empties it. */
static void
test_no_segment_no_quote_reset (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeQuoteBrowser *browser = fe_window_get_quote_browser (window);
  GtkWidget *view = fe_app_test_find_widget (GTK_WIDGET (browser), GTK_TYPE_LIST_VIEW);
  FeColumn *force;
  guint n_models = 0;

  g_assert_true (fe_test_wait_until (fe_app_test_study_loaded, window));
  force = fe_study_find_column (fe_window_get_study (window), "force");
  g_signal_connect (view, "notify::model", G_CALLBACK (count_notify), &n_models);
  gtk_check_button_set_active (fe_filter_panel_get_check_button (window->filter_panel, force, 0),
                               TRUE);
  fe_app_test_settle (100);
  g_assert_cmpuint (n_models, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (fe_quote_browser_get_model (browser)), ==, 0);

  fe_explore_state_select (window->state, 0, -1);
  fe_app_test_settle (100);
  g_assert_cmpuint (g_list_model_get_n_items (fe_quote_browser_get_model (browser)), >, 0);
  fe_explore_state_select (window->state, -1, -1);
  fe_app_test_settle (100);
  g_assert_cmpuint (g_list_model_get_n_items (fe_quote_browser_get_model (browser)), ==, 0);
  g_assert_cmpstr (fe_quote_browser_get_heading (browser), ==, _("Quotes"));
  g_signal_handlers_disconnect_by_func (view, count_notify, &n_models);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
drawn_at_its_width (gpointer label)
{
  return gtk_widget_get_mapped (label) && gtk_widget_get_width (label) > 0
         && fe_wrap_label_get_n_laid_out (label) > 0;
}

/* How tall @text is laid out by Pango at @width pixels, in @label's font. */
static int
height_at (GtkWidget  *label,
           const char *text,
           int         width)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (label, text);
  int height;

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* A quote row's texts (the quote, who said it, where they work, its codes) change with every
 * filter click while a segment is selected: wrapped in full at the width they have, taller when
 * narrower, and a new text laid out once for each width it is measured at before it is drawn:
 * at its own, and at the one the window measures its minimum at (GTK 4.8's GtkLabel lays it out
 * four times or more). */
static void
test_quote_texts_laid_out_once_a_width (void)
{
  static const char *texts[] = {
    "Gwent Police · Public protection / safeguarding · 11 to 20 years · Sergeant · Wales",
    "Dyfed-Powys Police · Neighbourhood officer · 2 to 5 years · Constable · Rural beat",
  };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = fe_wrap_label_new (20);
  int one_line = height_at (label, "Gwent", 1000);

  gtk_box_append (GTK_BOX (box), label);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 200);
  fe_wrap_label_set_text (FE_WRAP_LABEL (label), texts[0]);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (fe_test_wait_until (drawn_at_its_width, label));
  fe_app_test_settle (100);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      guint laid_out = fe_wrap_label_get_n_laid_out (FE_WRAP_LABEL (label));
      int width = gtk_widget_get_width (label);

      if (i > 0)
        {
          fe_wrap_label_set_text (FE_WRAP_LABEL (label), texts[i]);
          fe_app_test_settle (100);
          g_assert_cmpuint (fe_wrap_label_get_n_laid_out (FE_WRAP_LABEL (label)), <=,
                            laid_out + 2);
        }
      g_assert_cmpstr (fe_wrap_label_get_text (FE_WRAP_LABEL (label)), ==, texts[i]);
      g_assert_cmpint (gtk_widget_get_height (label), ==, height_at (label, texts[i], width));
      g_assert_cmpint (gtk_widget_get_height (label), >=, 2 * one_line);
    }
  {
    int wide = gtk_widget_get_height (label);

    gtk_widget_set_size_request (window, 160, -1);
    gtk_window_set_default_size (GTK_WINDOW (window), 160, 200);
    fe_app_test_settle (200);
    g_assert_cmpint (gtk_widget_get_width (label), <, 200);
    g_assert_cmpint (gtk_widget_get_height (label), >, wide);
    g_assert_cmpint (gtk_widget_get_height (label), ==,
                     height_at (label, texts[1], gtk_widget_get_width (label)));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/app/latency/filter-on-respondents-page-is-a-small-change",
                   test_filter_on_respondents_page_is_a_small_change);
  g_test_add_func ("/app/latency/grid-separators-are-plain", test_grid_separators_are_plain);
  g_test_add_func ("/app/latency/grid-text-follows-the-style", test_grid_text_follows_the_style);
  g_test_add_func ("/app/latency/grid-draws-what-is-in-sight", test_grid_draws_what_is_in_sight);
  g_test_add_func ("/app/latency/sort-runs-on-a-worker", test_sort_runs_on_a_worker);
  g_test_add_func ("/app/latency/rows-found-as-far-as-asked", test_rows_found_as_far_as_asked);
  g_test_add_func ("/app/latency/hidden-chart-shown-again", test_hidden_chart_shown_again);
  g_test_add_func ("/app/latency/quote-count-without-making-every-quote",
                   test_quote_count_without_making_every_quote);
  g_test_add_func ("/app/latency/quote-click-redraws-rows-on-screen",
                   test_quote_click_redraws_rows_on_screen);
  g_test_add_func ("/app/latency/quote-list-holds-coded-excerpts",
                   test_quote_list_holds_coded_excerpts);
  g_test_add_func ("/app/latency/search-runs-on-a-worker", test_search_runs_on_a_worker);
  g_test_add_func ("/app/latency/quote-texts-laid-out-once-a-width",
                   test_quote_texts_laid_out_once_a_width);
  g_test_add_func ("/app/latency/long-lists-come-by-steps", test_long_lists_come_by_steps);
  g_test_add_func ("/app/latency/no-segment-no-quote-reset", test_no_segment_no_quote_reset);
  return g_test_run ();
}
