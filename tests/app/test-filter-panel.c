/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Filters page of the sample study: every filter header keeps its own row, whatever its
 * title's length, folded or open, in English and in Welsh; and the page scrolls. */
#include "config.h"

#include <adwaita.h>

#include "fe-app-test-util.h"
#include "fe-explore-state.h"
#include "fe-filter-panel.h"
#include "fe-test-util.h"
#include "fe-window.h"

static void
collect_headers (GtkWidget *widget,
                 GPtrArray *headers)
{
  if (gtk_widget_has_css_class (widget, "filter-header"))
    {
      g_ptr_array_add (headers, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_headers (child, headers);
}

/* The bug gave a folded header one line's height and drew the rest of its wrapped title over
 * the headers below: the title must lie inside its header, and the header inside the panel. */
static void
assert_title_inside (FeFilterPanel   *panel,
                     GtkWidget       *header,
                     graphene_rect_t *header_bounds)
{
  GtkWidget *title = fe_app_test_find_widget (header, GTK_TYPE_LABEL);
  graphene_rect_t title_bounds;

  g_assert_nonnull (title);
  g_assert_true (gtk_widget_compute_bounds (title, GTK_WIDGET (panel), &title_bounds));
  g_assert_true (graphene_rect_contains_rect (header_bounds, &title_bounds));
  g_assert_cmpfloat (header_bounds->origin.x + header_bounds->size.width, <=,
                     gtk_widget_get_width (GTK_WIDGET (panel)));
}

static void
assert_headers_apart (FeFilterPanel *panel,
                      GPtrArray     *headers)
{
  for (guint i = 0; i < headers->len; i++)
    {
      graphene_rect_t a;

      g_assert_true (gtk_widget_compute_bounds (headers->pdata[i], GTK_WIDGET (panel), &a));
      assert_title_inside (panel, headers->pdata[i], &a);
      for (guint j = i + 1; j < headers->len; j++)
        {
          graphene_rect_t b;

          g_assert_true (gtk_widget_compute_bounds (headers->pdata[j], GTK_WIDGET (panel), &b));
          if (graphene_rect_intersection (&a, &b, NULL))
            g_error ("filter headers %u and %u intersect", i, j);
        }
    }
}

static void
check_filters_page (const char *language)
{
  FeWindow *window;
  FeFilterPanel *panel;
  GtkScrolledWindow *scrolled;
  GtkAdjustment *adjustment;
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();

  /* The study's labels follow the locale when it loads. */
  g_setenv ("LANGUAGE", language, TRUE);
  window = fe_app_test_open_window (NULL);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpstr (fe_study_get_language (fe_window_get_study (window)), ==, language);
  panel = fe_window_get_filter_panel (window);
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (panel),
                                                                   GTK_TYPE_STACK)),
                               GTK_WIDGET (panel));
  fe_app_test_settle (300);

  collect_headers (GTK_WIDGET (panel), headers);
  /* The sample's attributes open, and more closed questions folded than fit one screen. */
  g_assert_cmpuint (headers->len, >, 6);
  assert_headers_apart (panel, headers);
  for (guint i = 0; i < headers->len; i++)
    {
      gtk_toggle_button_set_active (headers->pdata[i], TRUE);
      fe_app_test_settle (50);
      assert_headers_apart (panel, headers);
    }

  /* The panel's own scrolled window holds the headers, and its content outgrows the page. */
  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (headers->pdata[0],
                                                           GTK_TYPE_SCROLLED_WINDOW));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (scrolled), GTK_WIDGET (panel)));
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_headers_apart_english (void)
{
  check_filters_page ("en");
}

static void
test_headers_apart_welsh (void)
{
  check_filters_page ("cy");
}

static void
collect_drop_downs (GtkWidget *widget,
                    GPtrArray *lists)
{
  if (GTK_IS_DROP_DOWN (widget))
    g_ptr_array_add (lists, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_drop_downs (child, lists);
}

/* A numeric question filters by a range of its bins: picking "From 20–29 to 30–39" keeps
 * exactly those two bins' respondents, and every count on the page follows at once. */
static void
test_numeric_range (void)
{
  g_autoptr(GString) csv = g_string_new ("id,age,team\n");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  FeWindow *window;
  FeFilterPanel *panel;
  FeExploreState *state;
  FeStudy *study;
  FeColumn *age, *team;
  guint in_range_a = 0;

  for (guint i = 1; i <= 120; i++)
    {
      guint years = 18 + (i * 7) % 60;

      g_string_append_printf (csv, "%u,%u,%s\n", i, years, i % 3 ? "A" : "B");
      in_range_a += years >= 20 && years <= 39 && i % 3 != 0;
    }
  path = fe_test_write_file ("ages.csv", csv->str, -1);
  file = g_file_new_for_path (path);
  window = fe_app_test_open_window (file);
  study = fe_window_get_study (window);
  state = fe_window_get_state (window);
  age = fe_study_find_column (study, "age");
  team = fe_study_find_column (study, "team");
  g_assert_cmpstr (fe_column_get_role_name (age), ==, "numeric");
  panel = fe_window_get_filter_panel (window);
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (panel),
                                                                   GTK_TYPE_STACK)),
                               GTK_WIDGET (panel));
  fe_app_test_settle (300);

  collect_drop_downs (GTK_WIDGET (panel), lists);
  g_assert_cmpuint (lists->len, ==, 2);
  /* Unfiltered, the range is every bin. */
  g_assert_cmpuint (gtk_drop_down_get_selected (lists->pdata[0]), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (lists->pdata[1]), ==, age->bins->n_bins - 1);
  g_assert_true (fe_filter_is_empty (fe_explore_state_get_filter (state)));

  gtk_drop_down_set_selected (lists->pdata[0], 1);
  gtk_drop_down_set_selected (lists->pdata[1], 2);
  fe_app_test_settle (100);
  g_assert_false (fe_filter_has_level (fe_explore_state_get_filter (state), age, 0));
  g_assert_true (fe_filter_has_level (fe_explore_state_get_filter (state), age, 1));
  g_assert_true (fe_filter_has_level (fe_explore_state_get_filter (state), age, 2));
  g_assert_false (fe_filter_has_level (fe_explore_state_get_filter (state), age, 3));
  g_assert_true (gtk_check_button_get_active (fe_filter_panel_get_check_button (panel, age, 1)));
  /* Team A's count is of those aged 20 to 39 now. */
  g_assert_cmpuint (fe_filter_panel_get_count (panel, team, 0), ==, in_range_a);

  /* Clearing the filter elsewhere gives the whole range back. */
  fe_explore_state_clear_filter (state);
  fe_app_test_settle (50);
  g_assert_cmpuint (gtk_drop_down_get_selected (lists->pdata[0]), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (lists->pdata[1]), ==, age->bins->n_bins - 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every level's count is what picking it would give under the filters on the other columns:
 * counted a column at a time, and counted again only when the filter changes, not the question
 * (issue 17). Each count is checked against a plain count of the respondents. */
static void
assert_counts (FeFilterPanel  *panel,
               FeStudy        *study,
               const FeFilter *filter)
{
  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);
      g_autoptr(FeBitset) rows = NULL;

      if (fe_filter_panel_get_check_button (panel, column, 0) == NULL)
        continue;
      rows = fe_filter_compute_rows_except (filter, column);
      for (guint l = 0; l < fe_column_get_n_levels (column); l++)
        {
          guint expected = 0;

          FE_BITSET_FOREACH (rows, row)
            expected += fe_bitset_get (g_ptr_array_index (column->level_rows, l), row);
          g_assert_cmpuint (fe_filter_panel_get_count (panel, column, l), ==, expected);
        }
    }
}

/* The count drawn beside each level of @question, once the Filters page is shown and the
 * question's section unfolded, against a plain count of the respondents. */
static void
assert_counts_shown (FeFilterPanel *panel,
                     FeStudy       *study,
                     FeColumn      *question)
{
  const FeFilter *filter = fe_explore_state_get_filter (fe_window_get_state (
                             FE_WINDOW (gtk_widget_get_root (GTK_WIDGET (panel)))));
  GtkWidget *levels = gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (
                        fe_filter_panel_get_check_button (panel, question, 0))));
  GtkWidget *header = gtk_widget_get_prev_sibling (levels);
  g_autoptr(FeBitset) rows = fe_filter_compute_rows_except (filter, question);

  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (panel),
                                                                   GTK_TYPE_STACK)),
                               GTK_WIDGET (panel));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (header), TRUE);
  fe_app_test_settle (100);
  for (guint l = 0; l < fe_column_get_n_levels (question); l++)
    {
      GtkWidget *check = GTK_WIDGET (fe_filter_panel_get_check_button (panel, question, l));
      GtkWidget *count = gtk_widget_get_last_child (gtk_widget_get_parent (check));
      g_autofree char *expected = g_strdup_printf ("%u", fe_bitset_count_and (rows,
                                                     g_ptr_array_index (question->level_rows,
                                                                        l)));

      g_assert_cmpstr (fe_app_test_get_label_text (count), ==, expected);
    }
}

static void
test_counts_follow_the_filter (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeFilterPanel *panel = fe_window_get_filter_panel (window);
  FeExploreState *state = fe_window_get_state (window);
  FeStudy *study;
  FeColumn *force, *role;

  g_assert_true (fe_test_wait_until (fe_app_test_study_loaded, window));
  study = fe_window_get_study (window);
  force = fe_study_find_column (study, "force");
  role = fe_study_find_column (study, "role");
  assert_counts (panel, study, fe_explore_state_get_filter (state));
  gtk_check_button_set_active (fe_filter_panel_get_check_button (panel, force, 0), TRUE);
  fe_app_test_settle (50);
  assert_counts (panel, study, fe_explore_state_get_filter (state));
  fe_explore_state_show (state, role, NULL);
  fe_app_test_settle (50);
  assert_counts (panel, study, fe_explore_state_get_filter (state));
  gtk_check_button_set_active (fe_filter_panel_get_check_button (panel, role, 1), TRUE);
  fe_app_test_settle (50);
  assert_counts (panel, study, fe_explore_state_get_filter (state));
  g_assert_true (gtk_check_button_get_active (fe_filter_panel_get_check_button (panel, force,
                                                                                0)));
  /* The counts drawn too: those folded, or on another page of the sidebar, are counted when
   * shown. */
  gtk_check_button_set_active (fe_filter_panel_get_check_button (panel, force, 1), TRUE);
  fe_app_test_settle (50);
  assert_counts_shown (panel, study, fe_study_find_column (study, "training"));
  assert_counts_shown (panel, study, role);
  fe_explore_state_clear_filter (state);
  fe_app_test_settle (50);
  assert_counts (panel, study, fe_explore_state_get_filter (state));
  g_assert_false (gtk_check_button_get_active (fe_filter_panel_get_check_button (panel, force,
                                                                                 0)));
  /* Filters clicked again bring back counts made before: the same as counted anew. */
  gtk_check_button_set_active (fe_filter_panel_get_check_button (panel, force, 0), TRUE);
  fe_app_test_settle (50);
  assert_counts (panel, study, fe_explore_state_get_filter (state));
  assert_counts_shown (panel, study, role);
  gtk_check_button_set_active (fe_filter_panel_get_check_button (panel, role, 1), TRUE);
  fe_app_test_settle (50);
  assert_counts (panel, study, fe_explore_state_get_filter (state));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The filter stays, the respondents counted change: responses a platform calls unfinished
 * (Qualtrics' Finished = False) answer the first questions too, and letting them in (the
 * window's action, the menu's check box) changes the counts drawn beside the filters. */
static void
test_counts_follow_incomplete_responses (void)
{
  g_autoptr(GString) csv = g_string_new (
    "StartDate,Progress,Finished,ResponseId,force,role\n"
    "Start Date,Progress,Finished,Response ID,Which force?,Which role?\n"
    "\"{\"\"ImportId\"\":\"\"startDate\"\"}\",\"{\"\"ImportId\"\":\"\"progress\"\"}\","
    "\"{\"\"ImportId\"\":\"\"finished\"\"}\",\"{\"\"ImportId\"\":\"\"_recordId\"\"}\","
    "\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID2\"\"}\"\n");
  static const char * const forces[] = { "Gwent", "Dyfed-Powys", "North Wales" };
  static const char * const roles[] = { "PCSO", "Detective", "Response officer" };
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  FeWindow *window;
  FeFilterPanel *panel;
  FeStudy *study;
  FeColumn *force, *role;
  guint before;

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (csv, "2023-01-01,%s,%s,R_%u,%s,%s\n", i % 4 ? "100" : "40",
                            i % 4 ? "True" : "False", i, forces[i % 3], roles[i / 3 % 3]);
  path = fe_test_write_file ("unfinished.csv", csv->str, -1);
  file = g_file_new_for_path (path);
  window = fe_app_test_open_window (file);
  g_assert_true (fe_test_wait_until (fe_app_test_study_loaded, window));
  panel = fe_window_get_filter_panel (window);
  study = fe_window_get_study (window);
  force = fe_study_find_column (study, "force");
  role = fe_study_find_column (study, "role");
  g_assert_nonnull (fe_filter_panel_get_check_button (panel, role, 0));
  gtk_check_button_set_active (fe_filter_panel_get_check_button (panel, force, 0), TRUE);
  fe_app_test_settle (50);
  assert_counts_shown (panel, study, role);
  before = fe_study_get_n_respondents (study);
  g_action_group_activate_action (G_ACTION_GROUP (window), "include-incomplete", NULL);
  fe_app_test_settle (50);
  g_assert_cmpuint (fe_study_get_n_respondents (study), >, before);
  assert_counts_shown (panel, study, role);
  assert_counts (panel, study, fe_explore_state_get_filter (fe_window_get_state (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app/filter-panel/headers-apart/en", test_headers_apart_english);
  g_test_add_func ("/app/filter-panel/headers-apart/cy", test_headers_apart_welsh);
  g_test_add_func ("/app/filter-panel/numeric-range", test_numeric_range);
  g_test_add_func ("/app/filter-panel/counts-follow-the-filter", test_counts_follow_the_filter);
  g_test_add_func ("/app/filter-panel/counts-follow-incomplete-responses",
                   test_counts_follow_incomplete_responses);
  return g_test_run ();
}
