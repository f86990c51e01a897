/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The spine of the window: one exploration state that every panel follows, changed once per
 * click and notified once; and one query behind every front end, so that the window,
 * presenting, the briefing pack and the command line count a saved view alike. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "fe-app-test-util.h"
#include "fe-brief.h"
#include "fe-chart-layout.h"
#include "fe-chart-view.h"
#include "fe-filter-panel.h"
#include "fe-presentation.h"
#include "fe-question-list.h"
#include "fe-quote-browser.h"
#include "fe-respondent-view.h"
#include "fe-test-sav.h"
#include "fe-test-util.h"
#include "fe-window-private.h"

/* ---- Each change, one notification ------------------------------------------------------ */

typedef struct
{
  GHashTable *counts;  /* property name → times notified */
} Notified;

static void
on_notify (GObject    *state,
           GParamSpec *pspec,
           Notified   *notified)
{
  const char *name = g_param_spec_get_name (pspec);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (notified->counts, name));

  g_hash_table_insert (notified->counts, (gpointer) name, GUINT_TO_POINTER (n + 1));
}

static guint
times (Notified   *notified,
       const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (notified->counts, name));
}

/* Every property that changed was notified once, and @expected (NULL-terminated) are those. */
static void
assert_notified (Notified   *notified,
                 const char *first,
                 ...)
{
  va_list args;
  guint n_expected = 0;
  GHashTableIter iter;
  gpointer name, count;

  va_start (args, first);
  for (const char *name_ = first; name_ != NULL; name_ = va_arg (args, const char *))
    {
      g_assert_cmpuint (times (notified, name_), ==, 1);
      n_expected++;
    }
  va_end (args);
  g_hash_table_iter_init (&iter, notified->counts);
  while (g_hash_table_iter_next (&iter, &name, &count))
    if (GPOINTER_TO_UINT (count) > 1)
      g_error ("“%s” was notified %u times for one change", (char *) name,
               GPOINTER_TO_UINT (count));
  g_assert_cmpuint (g_hash_table_size (notified->counts), ==, n_expected);
  g_hash_table_remove_all (notified->counts);
}

static gboolean
chart_laid_out (gpointer window)
{
  return fe_chart_view_get_layout (fe_window_get_chart_view (window)) != NULL;
}

static guint
shown_respondents (FeWindow *window)
{
  return g_list_model_get_n_items (fe_respondent_view_get_model (window->respondent_view));
}

static void
test_each_change_notifies_once (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeExploreState *state = fe_window_get_state (window);
  FeStudy *study = fe_window_get_study (window);
  FeColumn *force = fe_study_find_column (study, "force");
  FeColumn *training = fe_study_find_column (study, "training");
  FeColumn *vulnerabilities = fe_study_find_column (study, "vulnerabilities");
  Notified notified = { g_hash_table_new (g_str_hash, g_str_equal) };
  const FeChartLayout *layout;
  const FeTally *before;
  guint base_before, question_count_before;
  guint gwent = (guint) fe_column_find_level (force, "Gwent Police");
  guint no = (guint) fe_column_find_level (training, "No");
  guint split_index = 0;

  fe_question_list_select (window->question_list, training);
  g_signal_connect (state, "notify", G_CALLBACK (on_notify), &notified);

  /* A filter click reaches the core once and comes back as one notification, which every
   * panel shows. */
  before = fe_chart_view_get_tally (window->chart_view);
  base_before = before->base;
  question_count_before = fe_filter_panel_get_count (window->filter_panel, training, no);
  gtk_check_button_set_active (fe_filter_panel_get_check_button (window->filter_panel, force,
                                                                 gwent),
                               TRUE);
  assert_notified (&notified, "query", NULL);
  g_assert_cmpuint (fe_chart_view_get_tally (window->chart_view)->base, ==, 12);
  g_assert_cmpuint (fe_chart_view_get_tally (window->chart_view)->base, <, base_before);
  g_assert_cmpuint (fe_filter_panel_get_count (window->filter_panel, training, no), <,
                    question_count_before);
  g_assert_cmpuint (shown_respondents (window), ==, 12);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->chips_bar)));

  /* A chip's × lets the filter go, the same way. */
  g_signal_emit_by_name (fe_app_test_find_widget (GTK_WIDGET (window->chips_box),
                                                  GTK_TYPE_BUTTON), "clicked");
  assert_notified (&notified, "query", NULL);
  g_assert_cmpuint (fe_chart_view_get_tally (window->chart_view)->base, ==, base_before);
  g_assert_cmpuint (shown_respondents (window), ==, base_before);

  /* Another question: the question and the counts, nothing else. */
  fe_question_list_select (window->question_list, vulnerabilities);
  assert_notified (&notified, "question", "query", NULL);
  g_assert_true (fe_chart_view_get_tally (window->chart_view)->question == vulnerabilities);

  /* A split, from its dropdown. */
  for (guint i = 0; i < window->split_columns->len; i++)
    if (g_ptr_array_index (window->split_columns, i) == force)
      split_index = i + 1;
  g_assert_cmpuint (split_index, >, 0);
  gtk_drop_down_set_selected (window->split_dropdown, split_index);
  assert_notified (&notified, "split", "query", NULL);
  g_assert_true (fe_chart_view_get_tally (window->chart_view)->by == force);

  /* How it is drawn changes the drawing, not the counts. */
  gtk_drop_down_set_selected (window->kind_dropdown, FE_CHART_KIND_HEATMAP);
  assert_notified (&notified, "kind", NULL);
  gtk_toggle_button_set_active (window->percent_button, TRUE);
  assert_notified (&notified, "measure", NULL);
  gtk_drop_down_set_selected (window->sort_dropdown, 1);
  assert_notified (&notified, "sort", NULL);
  g_settings_set_uint (window->settings, "min-cell", 3);
  assert_notified (&notified, "min-cell", NULL);
  gtk_drop_down_set_selected (window->kind_dropdown, FE_CHART_KIND_AUTO);
  g_hash_table_remove_all (notified.counts);
  /* The sample declares no case weight: there is nothing to weight by, and no switch. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->weighted_button)));
  fe_explore_state_set_weighted (state, TRUE);
  g_assert_false (fe_explore_state_get_weighted (state));
  assert_notified (&notified, NULL);

  /* A segment clicked selects it; its quotes fill. */
  g_assert_true (fe_test_wait_until (chart_laid_out, window));
  layout = fe_chart_view_get_layout (window->chart_view);
  g_signal_emit_by_name (window->chart_view, "segment-activated", 0);
  assert_notified (&notified, "selection", NULL);
  g_assert_cmpint (fe_explore_state_get_selected_level (state), ==,
                   fe_chart_layout_get_segment (layout, 0)->level);
  g_assert_cmpuint (g_list_model_get_n_items (fe_quote_browser_get_model (window->quote_browser)),
                    >, 0);

  /* A saved view is one change, however much of the state it sets: the first sample view is
   * another question, not split, counted. */
  fe_window_apply_view (window, 0);
  g_assert_cmpuint (times (&notified, "kind"), <=, 1);
  g_assert_cmpuint (times (&notified, "sort"), <=, 1);
  g_hash_table_remove (notified.counts, "kind");
  g_hash_table_remove (notified.counts, "sort");
  assert_notified (&notified, "query", "question", "split", "measure", NULL);

  g_signal_handlers_disconnect_by_data (state, &notified);
  g_hash_table_unref (notified.counts);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The weighting switch: shown for data that declare a case weight, greyed out (saying why)
 * while the chart shows counts, one query and one notification per switch, and the chart's
 * shares weighted and said to be. */
static void
test_weighted_switch (void)
{
  g_autofree char *path = fe_test_write_weighted_survey ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FeWindow *window = fe_app_test_open_window (file);
  FeExploreState *state = fe_window_get_state (window);
  FeStudy *study = fe_window_get_study (window);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (window), "weighted");
  Notified notified = { g_hash_table_new (g_str_hash, g_str_equal) };
  const FeChartSegment *agree;
  FeSavedView *view;

  fe_question_list_select (window->question_list, fe_study_find_column (study, "agree"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->weighted_button)));
  gtk_toggle_button_set_active (window->percent_button, FALSE);
  g_assert_false (g_action_get_enabled (action));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (window->weighted_button)),
                            "counts are always of respondents"));
  gtk_toggle_button_set_active (window->percent_button, TRUE);
  g_assert_true (g_action_get_enabled (action));

  g_signal_connect (state, "notify", G_CALLBACK (on_notify), &notified);
  g_action_activate (action, NULL);
  assert_notified (&notified, "weighted", "query", NULL);
  g_assert_true (fe_explore_state_get_weighted (state));
  g_assert_true (gtk_toggle_button_get_active (window->weighted_button));
  g_assert_true (fe_test_wait_until (chart_laid_out, window));
  agree = fe_chart_layout_get_segment (fe_chart_view_get_layout (window->chart_view), 0);
  g_assert_cmpuint (agree->count, ==, 1);
  g_assert_cmpuint (agree->percent, ==, 75);
  {
    g_autofree char *described = fe_chart_layout_describe (fe_chart_view_get_layout (
                                                             window->chart_view));

    g_assert_nonnull (strstr (described, "Percentages weighted by wt"));
  }
  /* A saved view of it is weighted. */
  view = fe_window_capture_view (window);
  g_assert_true (view->weighted);
  fe_saved_view_free (view);

  g_action_activate (action, NULL);
  assert_notified (&notified, "weighted", "query", NULL);
  g_assert_false (fe_explore_state_get_weighted (state));

  g_signal_handlers_disconnect_by_data (state, &notified);
  g_hash_table_unref (notified.counts);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- One query behind every front end --------------------------------------------------- */

static void
assert_same_tally (const FeTally *a,
                   const FeTally *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_true (a->question == b->question);
  g_assert_true (a->by == b->by);
  g_assert_cmpuint (a->base, ==, b->base);
  g_assert_cmpuint (a->answered, ==, b->answered);
  g_assert_cmpuint (a->n_levels, ==, b->n_levels);
  for (guint l = 0; l < a->n_levels; l++)
    g_assert_cmpuint (a->counts[l], ==, b->counts[l]);
  g_assert_cmpuint (a->n_groups, ==, b->n_groups);
  for (guint g = 0; g < a->n_groups; g++)
    {
      g_assert_cmpuint (a->groups[g].base, ==, b->groups[g].base);
      for (guint l = 0; l < a->n_levels; l++)
        g_assert_cmpuint (a->groups[g].counts[l], ==, b->groups[g].counts[l]);
    }
}

/* What `summary` prints of @view, every number shown and no group folded. */
static JsonObject *
run_summary (const FeSavedView *view)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  int status;

  g_ptr_array_add (args, g_strdup (g_getenv ("FE_BINARY")));
  g_ptr_array_add (args, g_strdup ("summary"));
  g_ptr_array_add (args, g_strdup ("--sample"));
  g_ptr_array_add (args, g_strdup ("--json"));
  g_ptr_array_add (args, g_strdup ("--min-cell=0"));
  g_ptr_array_add (args, g_strdup ("--no-fold"));
  g_ptr_array_add (args, g_strdup_printf ("--question=%s", view->question));
  if (view->by != NULL)
    g_ptr_array_add (args, g_strdup_printf ("--by=%s", view->by));
  for (guint i = 0; i < view->filters->len; i++)
    {
      const FeViewFilter *clause = g_ptr_array_index (view->filters, i);
      g_autofree char *levels = g_strjoinv (",", (char **) clause->levels);

      g_ptr_array_add (args, g_strdup_printf ("--filter=%s=%s", clause->column, levels));
    }
  g_ptr_array_add (args, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
assert_summary_counts (JsonObject    *summary,
                       const FeTally *tally)
{
  JsonArray *levels = json_object_get_array_member (summary, "levels");

  g_assert_cmpuint (json_object_get_int_member (summary, "base"), ==, tally->base);
  g_assert_cmpuint (json_object_get_int_member (summary, "answered"), ==, tally->answered);
  g_assert_cmpuint (json_array_get_length (levels), ==, tally->n_levels);
  for (guint l = 0; l < tally->n_levels; l++)
    g_assert_cmpuint (json_object_get_int_member (json_array_get_object_element (levels, l),
                                                  "count"), ==, tally->counts[l]);
  if (tally->by != NULL)
    {
      JsonArray *groups = json_object_get_array_member (summary, "groups");

      g_assert_cmpuint (json_array_get_length (groups), ==, tally->n_groups);
      for (guint g = 0; g < tally->n_groups; g++)
        g_assert_cmpuint (json_object_get_int_member (json_array_get_object_element (groups, g),
                                                      "base"), ==, tally->groups[g].base);
    }
}

/* The bases the pack prints, page by page: "Base: 95 respondents, 84 answered." */
static GPtrArray *
read_pack_bases (const char *pdf)
{
  g_autofree char *text = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  GPtrArray *bases = g_ptr_array_new_with_free_func (g_free);

  regex = g_regex_new ("Base:\\s+[0-9]+\\s+respondents(,\\s+[0-9]+\\s+answered)?", 0, 0, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, NULL, NULL));
  for (g_regex_match (regex, text, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *base = g_match_info_fetch (match, 0);
      g_auto(GStrv) words = g_regex_split_simple ("\\s+", base, 0, 0);

      /* Joined again as one line: the page may break it anywhere. */
      g_ptr_array_add (bases, g_strjoinv (" ", words));
    }
  return bases;
}

static void
test_front_ends_count_alike (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeStudy *study = fe_window_get_study (window);
  FeProject *project = window->project;
  FeColumn *force = fe_study_find_column (study, "force");
  FeColumn *role = fe_study_find_column (study, "role");
  g_autoptr(FeFilter) filter = fe_filter_new (study);
  g_autofree char *dir = g_dir_make_tmp ("fe-spine-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "pack.pdf", NULL);
  g_autoptr(GPtrArray) pack_bases = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  FeBriefOptions options = { 0 };

  /* The sample's views have no filter: one that has, split by something else too. */
  fe_filter_add_level (filter, force, (guint) fe_column_find_level (force, "South Wales Police"));
  fe_project_add_view (project, fe_saved_view_new_for (fe_study_find_column (study, "barriers"),
                                                       role, filter, -1, -1));
  g_assert_true (fe_brief_write (project, study, &options, pdf, &error));
  g_assert_no_error (error);
  if (pdftotext != NULL)
    {
      pack_bases = read_pack_bases (pdf);
      g_assert_cmpuint (pack_bases->len, ==, fe_project_get_n_views (project));
    }
  else
    g_test_message ("pdftotext (poppler-utils) missing: the pack's bases are not read");

  for (guint v = 0; v < fe_project_get_n_views (project); v++)
    {
      const FeSavedView *view = fe_project_get_view (project, v);
      g_autoptr(FeQuery) query = NULL;
      g_autoptr(JsonObject) summary = NULL;
      FePresentation *presentation;
      FeChartView *slide;
      const FeTally *tally;
      int level, group;

      query = fe_saved_view_to_query (view, study, &level, &group, &error);
      g_assert_no_error (error);
      tally = fe_query_get_tally (query);

      fe_window_apply_view (window, v);
      assert_same_tally (fe_chart_view_get_tally (window->chart_view), tally);

      presentation = fe_presentation_new (GTK_WINDOW (window), study, project, 0, FALSE, v);
      slide = fe_app_test_find_widget (GTK_WIDGET (presentation), FE_TYPE_CHART_VIEW);
      assert_same_tally (fe_chart_view_get_tally (slide), tally);
      gtk_window_destroy (GTK_WINDOW (presentation));

      summary = run_summary (view);
      assert_summary_counts (summary, tally);

      if (pack_bases != NULL)
        {
          g_autofree char *expected = NULL;

          if (tally->answered != tally->base)
            expected = g_strdup_printf ("%u respondents, %u answered", tally->base,
                                        tally->answered);
          else
            expected = g_strdup_printf ("%u respondents", tally->base);
          g_assert_nonnull (strstr (g_ptr_array_index (pack_bases, v), expected));
        }
    }

  g_unlink (pdf);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
slide_laid_out (gpointer slide)
{
  return fe_chart_view_get_layout (slide) != NULL;
}

static gboolean
described_weighted (const FeChartLayout *layout)
{
  g_autofree char *described = fe_chart_layout_describe (layout);

  return strstr (described, "Percentages weighted by wt") != NULL;
}

/* A weighted saved view shows the same weighted shares, said to be weighted, in the window,
 * presenting and the briefing pack. */
static void
test_weighted_view_everywhere (void)
{
  g_autofree char *path = fe_test_write_weighted_survey ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FeWindow *window = fe_app_test_open_window (file);
  FeStudy *study = fe_window_get_study (window);
  FeProject *project = window->project;
  FeSavedView *view = fe_saved_view_new_for (fe_study_find_column (study, "agree"), NULL, NULL,
                                             -1, -1);
  g_autofree char *dir = g_dir_make_tmp ("fe-spine-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  FeBriefOptions options = { 0 };
  FePresentation *presentation;
  FeChartView *slide;
  guint index;

  g_free (view->measure);
  view->measure = g_strdup ("percent");
  view->weighted = TRUE;
  fe_project_add_view (project, view);
  index = fe_project_get_n_views (project) - 1;

  fe_window_apply_view (window, index);
  g_assert_true (fe_explore_state_get_weighted (fe_window_get_state (window)));
  g_assert_true (gtk_toggle_button_get_active (window->weighted_button));
  g_assert_true (fe_test_wait_until (chart_laid_out, window));
  g_assert_cmpuint (fe_chart_layout_get_segment (fe_chart_view_get_layout (window->chart_view),
                                                 0)->percent, ==, 75);
  g_assert_true (described_weighted (fe_chart_view_get_layout (window->chart_view)));

  presentation = fe_presentation_new (GTK_WINDOW (window), study, project, 0, FALSE, index);
  gtk_window_present (GTK_WINDOW (presentation));
  slide = fe_app_test_find_widget (GTK_WIDGET (presentation), FE_TYPE_CHART_VIEW);
  g_assert_true (fe_test_wait_until (slide_laid_out, slide));
  g_assert_cmpuint (fe_chart_layout_get_segment (fe_chart_view_get_layout (slide), 0)->percent,
                    ==, 75);
  g_assert_true (described_weighted (fe_chart_view_get_layout (slide)));
  gtk_window_destroy (GTK_WINDOW (presentation));

  g_assert_true (fe_brief_write (project, study, &options, pdf, &error));
  g_assert_no_error (error);
  if (pdftotext != NULL)
    {
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
      g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
      g_autofree char *text = NULL;
      g_autofree char *flat = NULL;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   &text, NULL, NULL, NULL));
      /* Joined again as one line: the page may break it anywhere. */
      flat = g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
      g_assert_nonnull (strstr (flat, "Percentages weighted by wt; counts and bases are numbers "
                                      "of respondents, unweighted."));
      g_assert_nonnull (strstr (flat, "75%"));
    }
  g_unlink (pdf);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app/spine/each-change-notifies-once", test_each_change_notifies_once);
  g_test_add_func ("/app/spine/front-ends-count-alike", test_front_ends_count_alike);
  g_test_add_func ("/app/spine/weighted-switch", test_weighted_switch);
  g_test_add_func ("/app/spine/weighted-view-everywhere", test_weighted_view_everywhere);
  return g_test_run ();
}
