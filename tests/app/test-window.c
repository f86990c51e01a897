/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window in-process, as a researcher uses it: open the sample, pick a chart, click a
 * segment, filter, search, copy, and open a broken file. */
#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "fe-app-test-util.h"
#include "fe-chart-layout.h"
#include "fe-chart-view.h"
#include "fe-data-table.h"
#include "fe-presentation.h"
#include "fe-data-check.h"
#include "fe-columns-dialog.h"
#include "fe-filter-panel.h"
#include "fe-grid-cell.h"
#include "fe-question-list.h"
#include "fe-question-row.h"
#include "fe-quote-browser.h"
#include "fe-quote-item.h"
#include "fe-quote-row.h"
#include "fe-preferences-window.h"
#include "fe-respondent-dialog.h"
#include "fe-respondent-view.h"
#include "fe-save-view-dialog.h"
#include "fe-view-list.h"
#include "fe-test-util.h"
#include "fe-window-private.h"
#include "fe-wrap-label.h"

static const char *binary_path;

static gboolean
chart_laid_out (gpointer data)
{
  return fe_chart_view_get_layout (fe_window_get_chart_view (data)) != NULL;
}

static gboolean
load_finished (gpointer data)
{
  return !fe_window_is_loading (data);
}

static void
show_vulnerabilities_by_force (FeWindow *window)
{
  FeStudy *study = fe_window_get_study (window);

  fe_explore_state_show (fe_window_get_state (window),
                         fe_study_find_column (study, "vulnerabilities"),
                         fe_study_find_column (study, "force"));
  g_assert_true (fe_test_wait_until (chart_laid_out, window));
}

static int
segment_of (FeWindow   *window,
            const char *level,
            const char *group)
{
  FeStudy *study = fe_window_get_study (window);
  FeColumn *question = fe_study_find_column (study, "vulnerabilities");
  FeColumn *force = fe_study_find_column (study, "force");
  const FeChartLayout *layout = fe_chart_view_get_layout (fe_window_get_chart_view (window));

  for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
    {
      const FeChartSegment *segment = fe_chart_layout_get_segment (layout, i);

      if (segment->level == fe_column_find_level (question, level)
          && segment->group == fe_column_find_level (force, group))
        return (int) i;
    }
  return -1;
}

static void
click_segment (FeWindow *window,
               int       index)
{
  FeChartView *view = fe_window_get_chart_view (window);
  const FeChartSegment *segment = fe_chart_layout_get_segment (fe_chart_view_get_layout (view),
                                                               (guint) index);

  g_assert_true (fe_chart_view_click_at (view, segment->x + segment->w / 2,
                                         segment->y + segment->h / 2));
}

/* The texts `findings-explorer quotes --json` prints for one segment, in its order. */
static GPtrArray *
run_cli_quote_texts (const char *level,
                     const char *group)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  JsonArray *quotes;
  int status = 0;
  const char *argv[] = { binary_path, "quotes", "--sample", "--question", "vulnerabilities",
                         "--level", level, "--by", "force", "--group", group, "--json", NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  quotes = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (quotes); i++)
    g_ptr_array_add (texts, g_strdup (json_object_get_string_member (
                              json_array_get_object_element (quotes, i), "text")));
  return texts;
}

static void
test_segment_click_lists_its_quotes (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeQuoteBrowser *browser = fe_window_get_quote_browser (window);
  GListModel *model = fe_quote_browser_get_model (browser);
  g_autoptr(GPtrArray) cli = NULL;
  int segment;

  show_vulnerabilities_by_force (window);
  segment = segment_of (window, "Substance use", "Gwent Police");
  g_assert_cmpint (segment, >=, 0);
  click_segment (window, segment);

  g_assert_cmpint (fe_chart_view_get_selected (fe_window_get_chart_view (window)), ==, segment);
  g_assert_cmpstr (fe_quote_browser_get_heading (browser), ==, "Substance use · Gwent Police");

  /* Exactly what `findings-explorer quotes` lists for the same segment. */
  cli = run_cli_quote_texts ("Substance use", "Gwent Police");
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, cli->len);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FeQuoteItem) item = g_list_model_get_item (model, i);

      g_assert_true (g_ptr_array_find_with_equal_func (cli, fe_quote_item_get_quote (item)->text,
                                                       g_str_equal, NULL));
      g_assert_true (g_str_has_suffix (fe_quote_item_get_attribution (item), "Gwent Police"));
    }
  {
    const FeChartSegment *info = fe_chart_layout_get_segment (
      fe_chart_view_get_layout (fe_window_get_chart_view (window)), (guint) segment);
    g_autofree char *respondents = g_strdup_printf ("%u respondents", info->count);

    g_assert_true (g_str_has_prefix (fe_quote_browser_get_summary (browser), respondents));
  }

  /* Clicking the segment again lets it go. */
  click_segment (window, segment);
  g_assert_cmpint (fe_chart_view_get_selected (fe_window_get_chart_view (window)), ==, -1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Issue 16: clicking "No" on the training question, which has no open question of its own,
 * lists every open answer of those 56, open question by open question under headings. */
static void
test_segment_without_open_question_lists_all_text (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeStudy *study = fe_window_get_study (window);
  FeColumn *training = fe_study_find_column (study, "training");
  FeQuoteBrowser *browser = fe_window_get_quote_browser (window);
  GListModel *model = fe_quote_browser_get_model (browser);
  g_autoptr(FeBitset) rows = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GArray) groups = NULL;
  int no = fe_column_find_level (training, "No");
  int segment;
  guint g = 0;

  fe_explore_state_show (fe_window_get_state (window), training, NULL);
  g_assert_true (fe_test_wait_until (chart_laid_out, window));
  segment = fe_chart_layout_find_segment (
    fe_chart_view_get_layout (fe_window_get_chart_view (window)), no, -1);
  g_assert_cmpint (segment, >=, 0);
  click_segment (window, segment);

  g_assert_cmpstr (fe_quote_browser_get_heading (browser), ==, "No");
  g_assert_nonnull (fe_quote_browser_get_note (browser));
  g_assert_nonnull (strstr (fe_quote_browser_get_note (browser), "all the open answers"));
  g_assert_true (g_str_has_prefix (fe_quote_browser_get_summary (browser), "56 respondents, "));

  /* The same quotes as the core gives for those 56, with a heading where each group starts. */
  rows = fe_bitset_copy (g_ptr_array_index (training->level_rows, (guint) no));
  fe_bitset_and (rows, fe_study_get_universe (study));
  quotes = fe_study_collect_text_quotes (study, rows);
  groups = fe_quotes_group_by_question (quotes);
  g_assert_cmpuint (groups->len, >, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, quotes->len);
  for (guint i = 0; i < quotes->len; i++)
    {
      g_autoptr(FeQuoteItem) item = g_list_model_get_item (model, i);
      const FeQuote *quote = g_ptr_array_index (quotes, i);
      const FeColumn *group = fe_quote_browser_get_group (browser, i);

      g_assert_cmpstr (fe_quote_item_get_quote (item)->text, ==, quote->text);
      g_assert_cmpuint (fe_quote_item_get_quote (item)->row, ==, quote->row);
      if (g < groups->len && g_array_index (groups, FeQuoteGroup, g).first == i)
        g_assert_true (group == g_array_index (groups, FeQuoteGroup, g++).column);
      else
        g_assert_null (group);
    }
  g_assert_cmpuint (g, ==, groups->len);

  /* A question with quotes of its own keeps them, and no note. */
  show_vulnerabilities_by_force (window);
  click_segment (window, segment_of (window, "Substance use", "Gwent Police"));
  g_assert_null (fe_quote_browser_get_note (browser));
  g_assert_null (fe_quote_browser_get_group (browser, 0));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_filter_changes_chart_and_counts (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeStudy *study = fe_window_get_study (window);
  FeColumn *force = fe_study_find_column (study, "force");
  FeColumn *training = fe_study_find_column (study, "training");
  FeFilterPanel *panel = fe_window_get_filter_panel (window);
  FeChartView *view = fe_window_get_chart_view (window);
  guint south_wales = (guint) fe_column_find_level (force, "South Wales Police");
  guint no_training = (guint) fe_column_find_level (training, "No");
  guint before;

  show_vulnerabilities_by_force (window);
  g_assert_cmpuint (fe_chart_view_get_tally (view)->base, ==, 95);
  before = fe_filter_panel_get_count (panel, training, no_training);
  g_assert_cmpuint (before, ==, 56);
  g_assert_cmpuint (fe_filter_panel_get_count (panel, force, south_wales), ==, 80);

  gtk_check_button_set_active (fe_filter_panel_get_check_button (panel, force, south_wales),
                               TRUE);
  g_assert_true (fe_filter_has_level (fe_explore_state_get_filter (window->state), force,
                                      south_wales));
  g_assert_cmpuint (fe_chart_view_get_tally (view)->base, ==, 80);
  /* Other columns count under the force filter; the force column itself does not. */
  g_assert_cmpuint (fe_filter_panel_get_count (panel, training, no_training), <, before);
  g_assert_cmpuint (fe_filter_panel_get_count (panel, force, south_wales), ==, 80);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_assert_cmpuint (fe_chart_view_get_tally (view)->base, ==, 95);
  g_assert_false (gtk_check_button_get_active (
    fe_filter_panel_get_check_button (panel, force, south_wales)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A chip read just "No ×": no one could tell which question it filtered. */
static void
test_filter_chip_names_its_question (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeStudy *study = fe_window_get_study (window);
  FeColumn *training = fe_study_find_column (study, "training");
  FeColumn *force = fe_study_find_column (study, "force");
  GtkWidget *chip;
  GtkLabel *label;

  fe_explore_state_set_filter_level (fe_window_get_state (window), training,
                                     (guint) fe_column_find_level (training, "No"), TRUE);
  chip = fe_app_test_find_widget (GTK_WIDGET (window->chips_box), GTK_TYPE_BUTTON);
  label = fe_app_test_find_widget (chip, GTK_TYPE_LABEL);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Have you received any…: No");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (chip), ==,
                   "Remove filter Have you received any training related to sex work?: No");

  /* A question with a short label in the codebook goes by it. */
  fe_explore_state_clear_filter (fe_window_get_state (window));
  fe_explore_state_set_filter_level (fe_window_get_state (window), force,
                                     (guint) fe_column_find_level (force, "Gwent Police"), TRUE);
  chip = fe_app_test_find_widget (GTK_WIDGET (window->chips_box), GTK_TYPE_BUTTON);
  label = fe_app_test_find_widget (chip, GTK_TYPE_LABEL);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Force: Gwent Police");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The chips shown, in order: their buttons (held, so that a chip made again cannot take the
 * address of one let go), and their words joined by " | " into @words. */
static GPtrArray *
shown_chips (FeWindow *window,
             char    **words)
{
  GPtrArray *chips = g_ptr_array_new_with_free_func (g_object_unref);
  GString *text = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window->chips_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *chip = fe_app_test_find_widget (child, GTK_TYPE_BUTTON);

      g_ptr_array_add (chips, g_object_ref (chip));
      g_string_append_printf (text, "%s%s", text->len > 0 ? " | " : "",
                              gtk_label_get_text (fe_app_test_find_widget (chip,
                                                                           GTK_TYPE_LABEL)));
    }
  *words = g_string_free (text, FALSE);
  return chips;
}

/* The chips were made again at every change of question or filter: a chip with the keyboard
 * focus lost it, and every change built widgets for nothing. */
static void
test_filter_chips_stay_while_kept (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeExploreState *state = fe_window_get_state (window);
  FeStudy *study = fe_window_get_study (window);
  FeColumn *force = fe_study_find_column (study, "force");
  FeColumn *training = fe_study_find_column (study, "training");
  FeColumn *role = fe_study_find_column (study, "role");
  guint gwent = (guint) fe_column_find_level (force, "Gwent Police");
  guint no = (guint) fe_column_find_level (training, "No");
  guint pcso = (guint) fe_column_find_level (role, "PCSO");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *words_before = NULL;
  g_autofree char *words_after = NULL;
  g_autofree char *words_again = NULL;

  gtk_window_present (GTK_WINDOW (window));
  fe_explore_state_set_filter_level (state, force, gwent, TRUE);
  fe_explore_state_set_filter_level (state, training, no, TRUE);
  before = shown_chips (window, &words_before);
  g_assert_cmpuint (before->len, ==, 2);
  g_assert_nonnull (strstr (words_before, "Gwent Police"));
  g_assert_nonnull (strstr (words_before, ": No"));

  /* Another question: the same chips, the focused one focused still. */
  gtk_widget_grab_focus (g_ptr_array_index (before, 1));
  fe_question_list_select (window->question_list, fe_study_find_column (study, "barriers"));
  after = shown_chips (window, &words_after);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_true (g_ptr_array_index (after, 0) == g_ptr_array_index (before, 0));
  g_assert_true (g_ptr_array_index (after, 1) == g_ptr_array_index (before, 1));
  g_assert_cmpstr (words_after, ==, words_before);
  g_assert_true (gtk_widget_is_focus (g_ptr_array_index (before, 1)));

  /* Another filter: one chip more, the others the same. */
  g_clear_pointer (&after, g_ptr_array_unref);
  g_clear_pointer (&words_after, g_free);
  fe_explore_state_set_filter_level (state, role, pcso, TRUE);
  after = shown_chips (window, &words_after);
  g_assert_cmpuint (after->len, ==, 3);
  g_assert_true (g_ptr_array_find (after, g_ptr_array_index (before, 0), NULL));
  g_assert_true (g_ptr_array_find (after, g_ptr_array_index (before, 1), NULL));
  g_assert_true (gtk_widget_is_focus (g_ptr_array_index (before, 1)));

  /* A filter let go: its chip alone goes; put back, it comes last, as the latest filter. */
  g_clear_pointer (&after, g_ptr_array_unref);
  fe_explore_state_set_filter_level (state, force, gwent, FALSE);
  after = shown_chips (window, &words_again);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_false (g_ptr_array_find (after, g_ptr_array_index (before, 0), NULL));
  g_assert_true (g_ptr_array_find (after, g_ptr_array_index (before, 1), NULL));
  g_clear_pointer (&after, g_ptr_array_unref);
  g_clear_pointer (&words_again, g_free);
  fe_explore_state_set_filter_level (state, force, gwent, TRUE);
  after = shown_chips (window, &words_again);
  g_assert_cmpuint (after->len, ==, 3);
  g_assert_true (g_str_has_prefix (words_again, "Have you received any…: No | Role: PCSO | "));
  g_assert_true (g_str_has_suffix (words_again, "Gwent Police"));

  /* Every filter let go: no chip, and the bar hidden. */
  g_clear_pointer (&after, g_ptr_array_unref);
  g_clear_pointer (&words_again, g_free);
  fe_explore_state_clear_filter (state);
  after = shown_chips (window, &words_again);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->chips_bar)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* The labels inside @widget, depth first. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* The label a dropdown's button shows, drawn: not cut to "…". */
static GtkLabel *
dropdown_button_label (GtkDropDown *dropdown)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkLabel *shown = NULL;

  fe_app_test_settle (100);
  /* The button also holds the label of an empty choice, unmapped. */
  collect_labels (fe_app_test_find_widget (GTK_WIDGET (dropdown), GTK_TYPE_TOGGLE_BUTTON),
                  labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (labels, i)))
      {
        g_assert_null (shown);
        shown = g_ptr_array_index (labels, i);
      }
  g_assert_nonnull (shown);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (shown)));
  return shown;
}

/* "Split by" read "Which p…", "Which o…", "How lon…": force, role and service could not be
 * told apart, and the chart kind read "Grouped …". */
static void
test_dropdowns_show_whole_names (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeStudy *study = fe_window_get_study (window);
  const char *ids[] = { "force", "role", "service_length" };
  const char *names[] = { "Force", "Role", "Service" };
  GtkPopover *popover;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gboolean role_wraps = FALSE;

  fe_explore_state_show (fe_window_get_state (window),
                         fe_study_find_column (study, "training"), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      FeColumn *column = fe_study_find_column (study, ids[i]);
      GtkLabel *label;

      for (guint c = 0; c < window->split_columns->len; c++)
        if (g_ptr_array_index (window->split_columns, c) == column)
          gtk_drop_down_set_selected (window->split_dropdown, c + 1);
      g_assert_true (fe_window_get_split (window) == column);
      /* The codebook's short name on the button, the whole question in its tooltip. */
      label = dropdown_button_label (window->split_dropdown);
      g_assert_cmpstr (gtk_label_get_text (label), ==, names[i]);
      g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (label)), ==, column->label);
    }

  /* The popup lists every question whole, wrapping the long ones. */
  g_signal_emit_by_name (window->split_dropdown, "activate");
  popover = fe_app_test_find_widget (GTK_WIDGET (window->split_dropdown), GTK_TYPE_POPOVER);
  g_assert_true (fe_test_wait_until (widget_mapped, popover));
  fe_app_test_settle (100);
  collect_labels (fe_app_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_LIST_VIEW), labels);
  g_assert_cmpuint (labels->len, >=, window->split_columns->len + 1);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      g_assert_true (gtk_label_get_wrap (label));
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
      if (strcmp (gtk_label_get_text (label),
                  fe_study_find_column (study, "role")->label) == 0)
        role_wraps = pango_layout_get_line_count (gtk_label_get_layout (label)) > 1;
    }
  g_assert_true (role_wraps);
  gtk_popover_popdown (popover);

  gtk_drop_down_set_selected (window->kind_dropdown, FE_CHART_KIND_GROUPED_BAR);
  g_assert_cmpstr (gtk_label_get_text (dropdown_button_label (window->kind_dropdown)), ==,
                   "Grouped Bars");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The data table's cells are the chart's numbers: "Lack of trust, South Wales" was 13% in the
 * heat map and 12% in the table. */
static void
test_data_table_matches_the_chart (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeStudy *study = fe_window_get_study (window);
  FeColumn *barriers = fe_study_find_column (study, "barriers");
  const FeChartLayout *layout;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_checked = 0;

  gtk_toggle_button_set_active (window->percent_button, TRUE);
  fe_explore_state_show (fe_window_get_state (window),
                         barriers, fe_study_find_column (study, "force"));
  g_assert_true (fe_test_wait_until (chart_laid_out, window));
  layout = fe_chart_view_get_layout (fe_window_get_chart_view (window));
  text = fe_data_table_dup_text (window->data_table);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "Theme\tSouth Wales Police (n = 80)\tGwent Police (n = 12)\t"
                                 "Dyfed-Powys Police (n = 2)\tNorth Wales Police (n = 1)");
  g_assert_true (g_str_has_prefix (lines[1], "Lack of trust\t10 of 80, 13%\t3 of 12, 25%\t"));
  for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
    {
      const FeChartSegment *segment = fe_chart_layout_get_segment (layout, i);
      g_auto(GStrv) cells = g_strsplit (lines[segment->level + 1], "\t", -1);
      g_autofree char *percent = fe_percent_format (segment->count, segment->base);
      g_autofree char *expected = g_strdup_printf ("%u of %u, %s", segment->count,
                                                   segment->base, percent);
      FeShare share = { segment->count, segment->base };
      g_autofree char *described = fe_percent_describe (&share, FE_PERCENT_OF_RESPONDENTS);

      g_assert_cmpstr (cells[0], ==, fe_column_get_display_level (barriers,
                                                                  (guint) segment->level));
      g_assert_cmpstr (cells[segment->group + 1], ==, expected);
      /* Small cells go on: "(fewer than 5: withheld when presenting and in exports)". */
      g_assert_nonnull (strstr (segment->description, described));
      n_checked++;
    }
  g_assert_cmpuint (n_checked, ==, 13 * 4);

  /* Changed while hidden behind the chart, it shows the change when shown. */
  fe_explore_state_show (fe_window_get_state (window), fe_study_find_column (study, "training"),
                         NULL);
  fe_app_test_settle (100);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-table", NULL);
  fe_app_test_settle (300);
  {
    GtkLabel *caption = fe_app_test_find_widget (GTK_WIDGET (window->data_table),
                                                 GTK_TYPE_LABEL);
    const char *label = fe_column_get_display_label (fe_study_find_column (study, "training"));

    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->data_table)));
    g_assert_true (g_str_has_prefix (gtk_label_get_text (caption), label));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
search_done (gpointer browser)
{
  return !fe_quote_browser_is_searching (browser);
}

static void
test_search_quotes (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeStudy *study = fe_window_get_study (window);
  FeQuoteBrowser *browser = fe_window_get_quote_browser (window);
  GListModel *model = fe_quote_browser_get_model (browser);
  GtkEditable *entry;
  guint all;

  fe_explore_state_show (fe_window_get_state (window),
                         fe_study_find_column (study, "vulnerabilities"), NULL);
  g_assert_true (fe_test_wait_until (chart_laid_out, window));
  {
    const FeChartLayout *layout = fe_chart_view_get_layout (fe_window_get_chart_view (window));
    FeColumn *question = fe_study_find_column (study, "vulnerabilities");

    for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
      if (fe_chart_layout_get_segment (layout, i)->level
          == fe_column_find_level (question, "Substance use"))
        click_segment (window, (int) i);
  }
  all = g_list_model_get_n_items (model);
  g_assert_cmpuint (all, >, 5);

  /* Case- and accent-insensitive, found on a worker. */
  fe_quote_browser_set_search (browser, "DRÚG");
  g_assert_true (fe_test_wait_until (search_done, browser));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, all);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FeQuoteItem) item = g_list_model_get_item (model, i);
      g_autofree char *lower = g_utf8_strdown (fe_quote_item_get_quote (item)->text, -1);

      g_assert_nonnull (strstr (lower, "drug"));
    }
  fe_quote_browser_set_search (browser, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);

  /* Escape clears it, */
  fe_quote_browser_set_search (browser, "drug");
  entry = fe_app_test_find_widget (GTK_WIDGET (browser), GTK_TYPE_SEARCH_ENTRY);
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);

  /* and so does the next question: the search was typed for this one's quotes. */
  fe_quote_browser_set_search (browser, "drug");
  fe_question_list_select (window->question_list, fe_study_find_column (study, "barriers"));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  /* With no segment, no count: the search let go after the segment did counted none. */
  g_assert_cmpstr (fe_quote_browser_get_summary (browser), ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* "Split by force", remembered, reached the force question and stayed selected there. */
static void
test_question_is_not_split_by_itself (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeStudy *study = fe_window_get_study (window);
  FeColumn *force = fe_study_find_column (study, "force");
  FeColumn *training = fe_study_find_column (study, "training");
  FeChartView *view = fe_window_get_chart_view (window);
  guint by_force;

  fe_explore_state_show (fe_window_get_state (window), training, force);
  by_force = gtk_drop_down_get_selected (window->split_dropdown);
  g_assert_cmpuint (by_force, >, 0);
  g_assert_true (fe_chart_view_get_tally (view)->by == force);

  fe_question_list_select (window->question_list, force);
  g_assert_true (fe_explore_state_get_question (window->state) == force);
  g_assert_cmpuint (gtk_drop_down_get_selected (window->split_dropdown), ==, 0);
  g_assert_null (fe_chart_view_get_tally (view)->by);

  /* Nor is it kept when picked there. */
  gtk_drop_down_set_selected (window->split_dropdown, by_force);
  g_assert_cmpuint (gtk_drop_down_get_selected (window->split_dropdown), ==, 0);
  g_assert_null (fe_chart_view_get_tally (view)->by);

  /* The split asked for comes back with the next question. */
  fe_question_list_select (window->question_list, training);
  g_assert_cmpuint (gtk_drop_down_get_selected (window->split_dropdown), ==, by_force);
  g_assert_true (fe_chart_view_get_tally (view)->by == force);

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  char     *text;
  gboolean  done;
} ClipboardRead;

static void
on_clipboard_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  ClipboardRead *read = data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static gboolean
clipboard_read_done (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

/* The text on @window's clipboard, once it has been read. */
static char *
read_clipboard (gpointer widget)
{
  ClipboardRead read = { 0 };

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL,
                                 on_clipboard_read, &read);
  g_assert_true (fe_test_wait_until (clipboard_read_done, &read));
  return read.text;
}

static void
test_copy_quote_with_attribution (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeQuoteBrowser *browser = fe_window_get_quote_browser (window);
  g_autofree char *copied = NULL;
  g_autoptr(FeQuoteItem) first = NULL;
  g_autofree char *expected = NULL;

  show_vulnerabilities_by_force (window);
  click_segment (window, segment_of (window, "Substance use", "Gwent Police"));
  fe_quote_browser_select (browser, 0);
  first = g_list_model_get_item (fe_quote_browser_get_model (browser), 0);
  expected = g_strdup_printf ("'%s' (Participant %s)", fe_quote_item_get_quote (first)->text,
                              strstr (fe_quote_item_get_attribution (first), " ") + 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-quote", NULL);
  copied = read_clipboard (window);
  g_assert_cmpstr (copied, ==, expected);
  g_assert_true (g_str_has_suffix (copied, ", Gwent Police)"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A click on a quote's text leaves the focus in its label with nothing selected, and Ctrl+C is
 * then the label's: it must still copy the quote, and only the selection when there is one. */
/* The quote's own text: the one selectable label of a quote row, wherever the row puts it. */
static FeWrapLabel *
find_selectable_label (GtkWidget *widget)
{
  if (FE_IS_WRAP_LABEL (widget) && fe_wrap_label_get_selectable (FE_WRAP_LABEL (widget)))
    return FE_WRAP_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      FeWrapLabel *found = find_selectable_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_copy_after_clicking_quote_text (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeQuoteBrowser *browser = fe_window_get_quote_browser (window);
  GListModel *model = fe_quote_browser_get_model (browser);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  FeWrapLabel *label;
  g_autofree char *copied = NULL;
  g_autofree char *selected = NULL;
  gboolean found = FALSE;

  show_vulnerabilities_by_force (window);
  click_segment (window, segment_of (window, "Substance use", "Gwent Police"));
  fe_app_test_settle (200);
  label = find_selectable_label (fe_app_test_find_widget (GTK_WIDGET (browser),
                                                          FE_TYPE_QUOTE_ROW));
  g_assert_nonnull (label);
  /* As a click leaves it: the focus in the text, nothing selected. */
  gtk_widget_grab_focus (GTK_WIDGET (label));
  fe_wrap_label_select_region (label, 0, 0);
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (label)));

  /* What the label's Ctrl+C binding emits. */
  gdk_clipboard_set_text (clipboard, "not the quote");
  g_signal_emit_by_name (label, "copy-clipboard");
  copied = read_clipboard (window);
  for (guint i = 0; i < g_list_model_get_n_items (model) && !found; i++)
    {
      g_autoptr(FeQuoteItem) item = g_list_model_get_item (model, i);
      g_autofree char *citation = fe_quote_item_dup_citation (item);

      found = g_str_equal (copied, citation);
    }
  g_assert_true (found);
  g_assert_nonnull (strstr (copied, fe_wrap_label_get_text (label)));
  g_clear_pointer (&copied, g_free);

  fe_wrap_label_select_region (label, 0, 5);
  g_signal_emit_by_name (label, "copy-clipboard");
  copied = read_clipboard (window);
  selected = g_utf8_substring (fe_wrap_label_get_text (label), 0, 5);
  g_assert_cmpstr (copied, ==, selected);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gulong
xid_of (FeWindow *window)
{
  gulong xid;

  /* GTK 4.18 deprecates its X11 calls; the test drives the X server it runs under. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  xid = (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));
  G_GNUC_END_IGNORE_DEPRECATIONS
  return xid;
}

/* xdotool's move of the pointer to @x, @y in @window (whose surface has room around it for its
 * shadow). */
static char *
move_to (FeWindow *window,
         double    x,
         double    y)
{
  double surface_x, surface_y;

  gtk_native_get_surface_transform (GTK_NATIVE (window), &surface_x, &surface_y);
  return g_strdup_printf ("mousemove --window %lu %d %d", xid_of (window), (int) (x + surface_x),
                          (int) (y + surface_y));
}

/* Has the X server (Xvfb, under the tests) send @window pointer input: xdotool with @args.
 * The window is raised first: the tests share one X server with no window manager, and another
 * window mapped over this one would take the input (so this test runs alone: meson.build). The
 * events wait in the X connection, stamped with the server's times (a double click stays one),
 * until the main loop takes them after. */
static void
send_pointer (FeWindow   *window,
              const char *args)
{
  g_autofree char *line = g_strdup_printf ("xdotool windowraise %lu %s", xid_of (window), args);
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_command_line_sync (line, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  fe_app_test_settle (150);
}

/* Waits out the double-click time, so that the next press starts a click of its own rather than
 * counting on from the last one (a slowed main loop takes events late, and GTK times the clicks
 * as it takes them). */
static void
let_clicks_end (FeWindow *window)
{
  int double_click_time;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (window)), "gtk-double-click-time",
                &double_click_time, NULL);
  fe_app_test_settle (double_click_time + 100);
}

static char *
selected_text (FeWrapLabel *label)
{
  int start, end;

  if (!fe_wrap_label_get_selection_bounds (label, &start, &end))
    return NULL;
  return g_utf8_substring (fe_wrap_label_get_text (label), start, end);
}

static FeWrapLabel *
first_quote_text (FeWindow *window)
{
  return find_selectable_label (fe_app_test_find_widget (
                                  GTK_WIDGET (fe_window_get_quote_browser (window)),
                                  FE_TYPE_QUOTE_ROW));
}

/* The quote's text is selected with the pointer as a label's is: a drag takes what it passes
 * over, a double click a word, a triple click the whole quote, and the right button opens a menu
 * to copy it or select it all. Real pointer input, from the X server. */
static void
test_quote_text_selected_by_pointer (void)
{
  FeWindow *window;
  FeWrapLabel *label;
  graphene_rect_t bounds;
  g_autofree char *from = NULL, *to = NULL, *on_word = NULL;
  g_autofree char *drag = NULL, *twice = NULL, *thrice = NULL, *menu_click = NULL;
  g_autofree char *dragged = NULL;
  g_autofree char *word = NULL;
  g_autofree char *all = NULL;
  GtkWidget *menu;
  GtkSettings *settings;
  int double_click_time;
  double middle;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("pointer input is sent through the X server");
      return;
    }
  window = fe_app_test_open_window (NULL);
  /* GTK counts a multiple click by a timeout on its main loop: one slowed down (a sanitizer
   * build, a busy machine) can let it lapse between the presses of a triple click. */
  settings = gtk_widget_get_settings (GTK_WIDGET (window));
  g_object_get (settings, "gtk-double-click-time", &double_click_time, NULL);
  g_object_set (settings, "gtk-double-click-time", 1000, NULL);
  show_vulnerabilities_by_force (window);
  click_segment (window, segment_of (window, "Substance use", "Gwent Police"));
  fe_app_test_settle (200);
  label = first_quote_text (window);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (label), GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.size.width, >, 60);
  middle = bounds.origin.y + bounds.size.height / 2;
  from = move_to (window, bounds.origin.x + 2, middle);
  to = move_to (window, bounds.origin.x + bounds.size.width - 2, middle);
  on_word = move_to (window, bounds.origin.x + 8, middle);

  /* The first quote is "Alcohol dependency": from its start to past its end. */
  drag = g_strdup_printf ("%s mousedown 1 %s mouseup 1", from, to);
  send_pointer (window, drag);
  dragged = selected_text (label);
  g_assert_cmpstr (dragged, ==, fe_wrap_label_get_text (label));
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (label)));

  twice = g_strdup_printf ("%s click --repeat 2 --delay 60 1", on_word);
  let_clicks_end (window);
  send_pointer (window, twice);
  word = selected_text (label);
  g_assert_nonnull (word);
  g_assert_true (g_str_has_prefix (fe_wrap_label_get_text (label), word));
  g_assert_null (strchr (word, ' '));
  g_assert_cmpuint (strlen (word), <, strlen (fe_wrap_label_get_text (label)));

  thrice = g_strdup_printf ("%s click --repeat 3 --delay 60 1", on_word);
  let_clicks_end (window);
  send_pointer (window, thrice);
  all = selected_text (label);
  g_assert_cmpstr (all, ==, fe_wrap_label_get_text (label));

  menu_click = g_strdup_printf ("%s click 3", on_word);
  let_clicks_end (window);
  send_pointer (window, menu_click);
  menu = fe_app_test_find_widget (GTK_WIDGET (label), GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_mapped (menu));
  gtk_popover_popdown (GTK_POPOVER (menu));

  /* The row given another quote starts with nothing selected. */
  gtk_widget_activate_action (GTK_WIDGET (label), "selection.select-all", NULL);
  g_assert_true (fe_wrap_label_get_selection_bounds (label, NULL, NULL));
  click_segment (window, segment_of (window, "Exploitation", "South Wales Police"));
  fe_app_test_settle (200);
  g_assert_true (first_quote_text (window) == label);
  g_assert_cmpstr (fe_wrap_label_get_text (label), !=, all);
  g_assert_false (fe_wrap_label_get_selection_bounds (label, NULL, NULL));

  g_object_set (settings, "gtk-double-click-time", double_click_time, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Does what the key @keyval with @modifiers is bound to in @widget's class, as GTK does when
 * the key is pressed in it; FALSE when nothing takes the key. */
static gboolean
press_bound_key (GtkWidget       *widget,
                 guint            keyval,
                 GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

/* The quote's text is selected from the keyboard as a label's is: Shift with the arrows, Home
 * and End, and Ctrl+A; Ctrl+C copies what is selected. Text that is not selectable lets the
 * keys go on (to the list, which moves between rows with them). */
static void
test_quote_text_selected_by_keys (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *label = fe_wrap_label_new (20);
  FeWrapLabel *text = FE_WRAP_LABEL (label);
  g_autofree char *copied = NULL;
  int start, end;

  fe_wrap_label_set_text (text, "Gwent Police · PCSO");
  gtk_window_set_child (GTK_WINDOW (window), label);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (press_bound_key (label, GDK_KEY_Right, GDK_SHIFT_MASK));

  fe_wrap_label_set_selectable (text, TRUE);
  g_assert_true (gtk_widget_get_focusable (label));
  for (guint i = 0; i < 5; i++)
    g_assert_true (press_bound_key (label, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_true (fe_wrap_label_get_selection_bounds (text, &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, 5);
  g_assert_true (press_bound_key (label, GDK_KEY_c, GDK_CONTROL_MASK));
  copied = read_clipboard (window);
  g_assert_cmpstr (copied, ==, "Gwent");
  g_clear_pointer (&copied, g_free);

  g_assert_true (press_bound_key (label, GDK_KEY_Left, GDK_SHIFT_MASK));
  g_assert_true (fe_wrap_label_get_selection_bounds (text, &start, &end));
  g_assert_cmpint (end, ==, 4);
  /* To the end, past the "·" (two bytes, one character). */
  g_assert_true (press_bound_key (label, GDK_KEY_End, GDK_SHIFT_MASK));
  g_assert_true (fe_wrap_label_get_selection_bounds (text, &start, &end));
  g_assert_cmpint (end, ==, (int) g_utf8_strlen ("Gwent Police · PCSO", -1));
  g_assert_true (press_bound_key (label, GDK_KEY_Left, GDK_SHIFT_MASK));
  g_assert_true (press_bound_key (label, GDK_KEY_c, GDK_CONTROL_MASK));
  copied = read_clipboard (window);
  g_assert_cmpstr (copied, ==, "Gwent Police · PCS");
  g_clear_pointer (&copied, g_free);
  g_assert_true (press_bound_key (label, GDK_KEY_Home, GDK_SHIFT_MASK));
  g_assert_false (fe_wrap_label_get_selection_bounds (text, NULL, NULL));

  g_assert_true (press_bound_key (label, GDK_KEY_a, GDK_CONTROL_MASK));
  g_assert_true (press_bound_key (label, GDK_KEY_c, GDK_CONTROL_MASK));
  copied = read_clipboard (window);
  g_assert_cmpstr (copied, ==, "Gwent Police · PCSO");

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
find_alert (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return window;  /* the list of toplevels keeps it alive */
    }
  return NULL;
}

static void
test_broken_file_error_names_the_line (void)
{
  FeWindow *window = g_object_new (FE_TYPE_WINDOW, NULL);
  g_autofree char *path = fe_test_write_file ("broken.csv", "id,force\n1,Gwent\n2,Gwent,extra\n",
                                              -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *alert;

  gtk_window_present (GTK_WINDOW (window));
  fe_window_open_file (window, file);
  g_assert_true (fe_test_wait_until (load_finished, window));
  g_assert_null (fe_window_get_study (window));
  g_assert_nonnull (fe_window_get_last_error (window));
  g_assert_nonnull (strstr (fe_window_get_last_error (window), "broken.csv, line 3, column 3"));

  alert = find_alert ();
  g_assert_nonnull (alert);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (alert)), "line 3"));
  gtk_window_destroy (alert);
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  FeWindow *window;
  gint64    last_tick;
  gint64    longest_gap;
  guint     n_ticks;
  double    highest_fraction;
} LoadWatch;

static gboolean
watch_tick (gpointer data)
{
  LoadWatch *watch = data;
  gint64 now = g_get_monotonic_time ();

  if (!fe_window_is_loading (watch->window))
    return G_SOURCE_CONTINUE;
  watch->longest_gap = MAX (watch->longest_gap, now - watch->last_tick);
  watch->last_tick = now;
  watch->n_ticks++;
  watch->highest_fraction = MAX (watch->highest_fraction,
                                 fe_window_get_load_fraction (watch->window));
  return G_SOURCE_CONTINUE;
}

static void
test_window_keeps_drawing_while_loading (void)
{
  FeWindow *window = g_object_new (FE_TYPE_WINDOW, NULL);
  g_autofree char *path = fe_app_test_generate_survey (200000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LoadWatch watch = { window, 0, 0, 0, 0 };
  guint tick_source;

  gtk_window_present (GTK_WINDOW (window));
  fe_window_open_file (window, file);
  watch.last_tick = g_get_monotonic_time ();
  tick_source = g_timeout_add (1, watch_tick, &watch);
  g_assert_true (fe_test_wait_until (load_finished, window));
  g_source_remove (tick_source);

  g_assert_nonnull (fe_window_get_study (window));
  g_assert_cmpuint (fe_study_get_n_rows (fe_window_get_study (window)), ==, 200000);
  g_test_message ("%u main-loop ticks during the load, longest gap %.1f ms, progress reached "
                  "%.0f%%", watch.n_ticks, watch.longest_gap / 1000.0,
                  watch.highest_fraction * 100);
  g_assert_cmpuint (watch.n_ticks, >, 1);
  g_assert_cmpint (watch.longest_gap, <, 50 * G_TIME_SPAN_MILLISECOND);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_cancel_load (void)
{
  FeWindow *window = g_object_new (FE_TYPE_WINDOW, NULL);
  g_autofree char *path = fe_app_test_generate_survey (200000);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gtk_window_present (GTK_WINDOW (window));
  fe_window_open_file (window, file);
  g_assert_true (fe_window_is_loading (window));
  g_action_group_activate_action (G_ACTION_GROUP (window), "cancel-load", NULL);
  g_assert_true (fe_test_wait_until (load_finished, window));
  g_assert_null (fe_window_get_study (window));
  g_assert_null (fe_window_get_last_error (window));

  /* The window is still good for the next file. */
  fe_window_open_sample (window);
  g_assert_true (fe_test_wait_until (fe_app_test_study_loaded, window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_reload_keeps_the_view (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeStudy *before;
  const FeColumn *question;

  show_vulnerabilities_by_force (window);
  before = fe_window_get_study (window);
  fe_window_reload_project_async (window, NULL, NULL);
  g_assert_true (fe_test_wait_until (fe_app_test_study_loaded, window));
  g_assert_true (fe_test_wait_until (chart_laid_out, window));
  g_assert_true (fe_window_get_study (window) != before);
  question = fe_chart_view_get_tally (fe_window_get_chart_view (window))->question;
  g_assert_cmpstr (question->id, ==, "vulnerabilities");
  g_assert_true (question == fe_study_find_column (fe_window_get_study (window),
                                                   "vulnerabilities"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
copy_sample_file (const char *name,
                  const char *new_name)
{
  g_autofree char *sample_dir = fe_study_find_sample_dir ();
  g_autofree char *from = g_build_filename (sample_dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  return fe_test_write_file (new_name, contents, (gssize) length);
}

/* In the Flatpak sandbox only the chosen files are visible: the codebook and coding export come
 * with the responses, under any names, in any order. */
static void
test_open_files_chosen_together (void)
{
  FeWindow *window = g_object_new (FE_TYPE_WINDOW, NULL);
  g_autofree char *coding = copy_sample_file ("coding.csv", "themes from nvivo.csv");
  g_autofree char *responses = copy_sample_file ("responses.csv", "wave 1.csv");
  g_autofree char *codebook = copy_sample_file ("codebook.csv", "our labels.csv");
  GFile *files[] = { g_file_new_for_path (coding), g_file_new_for_path (responses),
                     g_file_new_for_path (codebook) };
  FeStudy *study;
  FeColumn *vulnerabilities;

  gtk_window_present (GTK_WINDOW (window));
  fe_window_open_files (window, files, G_N_ELEMENTS (files));
  g_assert_true (fe_test_wait_until (load_finished, window));
  study = fe_window_get_study (window);
  g_assert_nonnull (study);
  g_assert_cmpstr (fe_study_find_column (study, "force")->label, ==,
                   "Which police force do you work for?");
  vulnerabilities = fe_study_find_column (study, "vulnerabilities");
  g_assert_nonnull (vulnerabilities);
  g_assert_true (vulnerabilities->coded);
  g_assert_cmpint (fe_column_find_level (vulnerabilities, "Substance use"), >=, 0);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Three bugs found in review: the grid's model lost a reference each time a row was asked for;
 * a smaller study opened after the Respondents page was seen bound old rows to new columns;
 * reopening a project whose threshold differs from the preference redrew with a freed filter
 * (caught under ASan). */
static void
test_respondents_survive_reopening (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  AdwViewStack *stack = ADW_VIEW_STACK (fe_app_test_find_widget (GTK_WIDGET (window),
                                                                 ADW_TYPE_VIEW_STACK));
  g_autofree char *path = fe_test_write_file ("five.csv",
                                              "id,force\n1,Gwent\n2,Gwent\n3,Dyfed\n"
                                              "4,Gwent\n5,Dyfed\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.findings_explorer.FindingsExplorer");
  GListModel *model;

  adw_view_stack_set_visible_child_name (stack, "respondents");
  fe_app_test_settle (200);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (fe_respondent_view_get_row_at (window->respondent_view, i), <, 128);
  model = fe_respondent_view_get_model (window->respondent_view);
  g_assert_true (G_IS_LIST_MODEL (model));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 95);
  adw_view_stack_set_visible_child_name (stack, "chart");
  fe_app_test_settle (100);

  fe_window_open_file (window, file);
  g_assert_true (fe_test_wait_until (fe_app_test_study_loaded, window));
  g_assert_cmpuint (fe_study_get_n_rows (fe_window_get_study (window)), ==, 5);
  adw_view_stack_set_visible_child_name (stack, "respondents");
  fe_app_test_settle (200);
  g_assert_cmpuint (g_list_model_get_n_items (fe_respondent_view_get_model
                                                (window->respondent_view)), ==, 5);

  g_settings_set_uint (settings, "min-cell", 3);
  fe_window_open_sample (window);
  g_assert_true (fe_test_wait_until (fe_app_test_study_loaded, window));
  g_assert_cmpuint (fe_study_get_n_rows (fe_window_get_study (window)), ==, 128);
  g_assert_cmpuint (g_settings_get_uint (settings, "min-cell"), ==, 5);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
chart_has_selection (gpointer view)
{
  return fe_chart_view_get_selected (view) >= 0;
}

/* The first widget under @widget (depth first) whose accessible label GTK's test backend
 * reports as @label; NULL: none. */
static GtkWidget *
find_labelled (GtkWidget  *widget,
               const char *prefix,
               GType       type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type)
          && GTK_IS_LABEL (gtk_widget_get_first_child (child))
          && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (child))),
                               prefix))
        return child;
      if ((found = find_labelled (child, prefix, type)) != NULL)
        return found;
    }
  return NULL;
}

/* The data table opens quotes: activating the row (or, for a screen reader, a cell's action)
 * of a level opens the same quotes as its segment. */
static void
test_data_table_opens_quotes (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeStudy *study = fe_window_get_study (window);
  FeColumn *question = fe_study_find_column (study, "vulnerabilities");
  FeQuoteBrowser *browser = fe_window_get_quote_browser (window);
  FeChartView *view = fe_window_get_chart_view (window);
  int level = fe_column_find_level (question, "Substance use");
  int segment;
  GtkWidget *cell;

  fe_explore_state_show (window->state, question, NULL);
  g_assert_true (fe_test_wait_until (chart_laid_out, window));
  segment = fe_chart_layout_find_segment (fe_chart_view_get_layout (view), level, -1);
  g_assert_cmpint (segment, >=, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-table", NULL);
  g_assert_true (fe_data_table_activate_level (window->data_table, level));
  g_assert_cmpint (fe_chart_view_get_selected (view), ==, segment);
  g_assert_cmpstr (fe_quote_browser_get_heading (browser), ==, "Substance use");

  /* Through a cell's action, as AT-SPI calls it. */
  fe_explore_state_select (window->state, -1, -1);
  fe_app_test_settle (200);
  cell = find_labelled (GTK_WIDGET (window->data_table), "Substance use", GTK_TYPE_WIDGET);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_activate_action (cell, "cell.activate", NULL));
  g_assert_cmpint (fe_chart_view_get_selected (view), ==, segment);
  g_assert_cmpstr (fe_quote_browser_get_heading (browser), ==, "Substance use");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The nth child of @widget, or NULL. */
static GtkWidget *
nth_child (GtkWidget *widget,
           guint      n)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  for (guint i = 0; child != NULL && i < n; i++)
    child = gtk_widget_get_next_sibling (child);
  return child;
}

/* What a screen reader meets: the chart is a group named by its title and described by its
 * summary, and every segment is an object of its own, in reading order, named as the layout
 * describes it, focusable, with its position; activating one does what a click does. */
static void
test_chart_segments_are_accessible (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeStudy *study = fe_window_get_study (window);
  FeColumn *force = fe_study_find_column (study, "force");
  FeChartView *view = fe_window_get_chart_view (window);
  FeQuoteBrowser *browser = fe_window_get_quote_browser (window);
  const FeChartLayout *layout;
  g_autofree char *summary = NULL;
  g_autofree char *position = NULL;
  g_autoptr(GPtrArray) cli = NULL;
  GtkWidget *target;
  guint n, i = 0;
  int segment;

  show_vulnerabilities_by_force (window);
  layout = fe_chart_view_get_layout (view);
  n = fe_chart_layout_get_n_segments (layout);
  g_assert_cmpuint (n, >, 1);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_GROUP);
  summary = fe_chart_layout_describe (layout);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       summary);
  for (target = gtk_widget_get_first_child (GTK_WIDGET (view)); target != NULL;
       target = gtk_widget_get_next_sibling (target), i++)
    {
      g_autofree char *expected = g_strdup_printf ("%u of %u", i + 1, n);

      g_assert_cmpuint (i, <, n);
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_ROLE_BUTTON);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           fe_chart_layout_get_segment (layout, i)->description);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (target),
                                           GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
      gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (target),
                                           GTK_ACCESSIBLE_RELATION_POS_IN_SET, (int) i + 1);
      g_assert_true (gtk_widget_get_focusable (target));
    }
  g_assert_cmpuint (i, ==, n);

  /* Activated as a screen reader does (AT-SPI's "click"), a segment is selected, pressed and
   * focused, and its quotes fill the browser: the same as `quotes` lists. */
  segment = segment_of (window, "Substance use", "Gwent Police");
  target = nth_child (GTK_WIDGET (view), (guint) segment);
  g_assert_true (gtk_widget_activate (target));
  /* A button's activation shows it pressed for a moment, then clicks. */
  g_assert_true (fe_test_wait_until (chart_has_selection, view));
  g_assert_cmpint (fe_chart_view_get_selected (view), ==, segment);
  g_assert_cmpint (fe_chart_view_get_focused (view), ==, segment);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_STATE_PRESSED,
                                    GTK_ACCESSIBLE_TRISTATE_TRUE);
  g_assert_cmpstr (fe_quote_browser_get_heading (browser), ==, "Substance use · Gwent Police");
  cli = run_cli_quote_texts ("Substance use", "Gwent Police");
  g_assert_cmpuint (g_list_model_get_n_items (fe_quote_browser_get_model (browser)), ==, cli->len);

  /* A filter changes the counts: the chart's description says the new ones. */
  gtk_check_button_set_active (
    fe_filter_panel_get_check_button (fe_window_get_filter_panel (window), force,
                                      (guint) fe_column_find_level (force, "Gwent Police")),
    TRUE);
  g_assert_true (fe_test_wait_until (chart_laid_out, window));
  layout = fe_chart_view_get_layout (view);
  g_clear_pointer (&summary, g_free);
  summary = fe_chart_layout_describe (layout);
  g_assert_nonnull (strstr (summary, "12"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       summary);
  /* Its segments are renamed with it. */
  target = gtk_widget_get_first_child (GTK_WIDGET (view));
  g_assert_nonnull (target);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       fe_chart_layout_get_segment (layout, 0)->description);
  position = g_strdup_printf ("1 of %u", fe_chart_layout_get_n_segments (layout));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (target),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, position);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
assert_actions_enabled (FeWindow          *window,
                        const char *const *actions,
                        gboolean           enabled)
{
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_test_message ("win.%s", actions[i]);
      g_assert_cmpint (g_action_group_get_action_enabled (G_ACTION_GROUP (window), actions[i]),
                       ==, enabled);
    }
}

static void
test_study_actions_wait_for_a_study (void)
{
  static const char * const study_actions[] = {
    "present", "save", "save-as", "save-view", "columns", "data-check", "export-chart",
    "export-brief", "show-table", "search-quotes", NULL,
  };
  static const char * const selection_actions[] = { "clear-filters", "star-quote", "copy-quote",
                                                    "undo-delete-view", NULL };
  static const char * const quote_actions[] = { "star-quote", "copy-quote", NULL };
  FeWindow *window = g_object_new (FE_TYPE_WINDOW, NULL);
  FeExploreState *state = fe_window_get_state (window);
  FeColumn *force;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");
  assert_actions_enabled (window, study_actions, FALSE);
  assert_actions_enabled (window, selection_actions, FALSE);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->export_button)));
  /* The way to a study stays open. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "open"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "open-sample"));

  fe_window_open_sample (window);
  g_assert_true (fe_test_wait_until (fe_app_test_study_loaded, window));
  assert_actions_enabled (window, study_actions, TRUE);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->export_button)));
  /* Nothing filtered, no quote picked, no view deleted: nothing for those to act on. */
  assert_actions_enabled (window, selection_actions, FALSE);

  force = fe_study_find_column (fe_window_get_study (window), "force");
  fe_explore_state_set_filter_level (state, force, 0, TRUE);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "clear-filters"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "clear-filters", NULL);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "clear-filters"));

  fe_explore_state_set_respondent (state, 0);
  assert_actions_enabled (window, quote_actions, TRUE);
  fe_explore_state_select (state, -1, -1);
  fe_explore_state_set_respondent (state, -1);
  assert_actions_enabled (window, quote_actions, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The types whose widgets come from a .ui template (gtk_widget_class_set_template_from_resource()),
 * by their type names, read from the sources under src/app: "FeQuoteRow". */
static void
find_templated_types (const char *dir_path,
                      GHashTable *names)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *source = NULL;
      const char *define;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          find_templated_types (path, names);
          continue;
        }
      if (!g_str_has_suffix (name, ".c") || !g_file_get_contents (path, &source, NULL, NULL)
          || strstr (source, "gtk_widget_class_set_template_from_resource") == NULL)
        continue;
      define = strstr (source, "G_DEFINE_FINAL_TYPE (");
      if (define == NULL)
        define = strstr (source, "G_DEFINE_TYPE (");
      g_assert_nonnull (define);
      define = strchr (define, '(') + 1;
      g_hash_table_add (names, g_strndup (define, strcspn (define, ",) ")));
    }
}

/* Every templated type instantiates with its template's children in place, and goes away
 * whole when let go of: no reference cycle through a template child, a signal or a timeout
 * keeps one alive. The list is checked against the sources, so a new template is not
 * forgotten here. */
static void
test_every_template_instantiates (void)
{
  const GType types[] = {
    FE_TYPE_WINDOW, FE_TYPE_QUOTE_BROWSER, FE_TYPE_FILTER_PANEL, FE_TYPE_QUESTION_LIST,
    FE_TYPE_DATA_TABLE, FE_TYPE_RESPONDENT_VIEW, FE_TYPE_VIEW_LIST, FE_TYPE_SAVE_VIEW_DIALOG,
    FE_TYPE_QUOTE_ROW, FE_TYPE_PREFERENCES_WINDOW, FE_TYPE_PRESENTATION, FE_TYPE_DATA_CHECK,
    FE_TYPE_RESPONDENT_DIALOG, FE_TYPE_COLUMNS_DIALOG, FE_TYPE_QUESTION_ROW,
  };
  g_autofree char *app_sources = g_test_build_filename (G_TEST_DIST, "..", "src", "app", NULL);
  g_autoptr(GHashTable) templated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);

  find_templated_types (app_sources, templated);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      const char *name = g_type_name (types[i]);
      GtkWidget *widget;
      GtkWidget *content;

      if (!g_hash_table_remove (templated, name))
        g_error ("%s is listed here but has no template in %s", name, app_sources);
      widget = g_object_ref_sink (g_object_new (types[i], NULL));
      /* The template's children were built and bound. */
      content = GTK_IS_WINDOW (widget) ? gtk_window_get_child (GTK_WINDOW (widget))
                                       : gtk_widget_get_first_child (widget);
      if (content == NULL)
        g_error ("%s has nothing from its template in it", name);
      if (GTK_IS_WINDOW (widget))
        gtk_window_destroy (GTK_WINDOW (widget));
      fe_app_test_settle (10);
      g_assert_finalize_object (widget);
    }
  if (g_hash_table_size (templated) > 0)
    {
      g_autofree const char **missing = (const char **) g_hash_table_get_keys_as_array (
        templated, NULL);
      g_autofree char *names = g_strjoinv (", ", (char **) missing);

      g_error ("templated types not instantiated here: %s", names);
    }
}

static void
assert_no_key_names (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    g_assert_null (strchr (gtk_label_get_text (GTK_LABEL (widget)), '_'));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_no_key_names (child);
}

/* The shortcuts window showed "Page_Down": GTK draws the keys as they are named where its own
 * translations do not rename them. */
static void
test_shortcuts_show_keys (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (
    "/io/github/findings_explorer/FindingsExplorer/gtk/help-overlay.ui");
  GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  assert_no_key_names (GTK_WIDGET (overlay));
  gtk_window_destroy (overlay);
}

/* Beside each question, how many of the filtered respondents answered it: after a filter click
 * made with the Questions page hidden, and once it is shown. */
static void
test_question_counts_follow_the_filter (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  GtkStack *sidebar;
  FeColumn *force;
  const FeBitset *rows;

  g_assert_true (fe_test_wait_until (fe_app_test_study_loaded, window));
  sidebar = GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (window->question_list),
                                                GTK_TYPE_STACK));
  gtk_stack_set_visible_child (sidebar, GTK_WIDGET (window->filter_panel));
  force = fe_study_find_column (fe_window_get_study (window), "force");
  gtk_check_button_set_active (fe_filter_panel_get_check_button (window->filter_panel, force, 0),
                               TRUE);
  fe_app_test_settle (100);
  rows = fe_query_get_rows (fe_explore_state_get_query (window->state));
  g_assert_cmpuint (fe_bitset_count (rows), <, fe_study_get_n_rows (fe_window_get_study (window)));
  for (guint shown = 0; shown < 2; shown++)
    {
      GtkWidget *list;
      guint n_questions = 0;

      if (shown)
        {
          gtk_stack_set_visible_child (sidebar, GTK_WIDGET (window->question_list));
          fe_app_test_settle (100);
        }
      list = gtk_widget_get_parent (fe_app_test_find_widget (GTK_WIDGET (window->question_list),
                                                             FE_TYPE_QUESTION_ROW));
      for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          FeColumn *column;
          g_autofree char *expected = NULL;

          if (!FE_IS_QUESTION_ROW (child))
            continue;
          column = fe_question_row_get_column (FE_QUESTION_ROW (child));
          expected = g_strdup_printf ("%u", fe_bitset_count_and (rows, column->answered));
          g_assert_cmpstr (fe_app_test_get_label_text (fe_app_test_find_widget (
                                                         child, FE_TYPE_GRID_CELL)),
                           ==, expected);
          n_questions++;
        }
      g_assert_cmpuint (n_questions, >, 5);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  /* GTK's test accessibility backend, so that the tests can read what a screen reader would
   * (the suite's GTK_A11Y=none gives widgets no accessible context). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  binary_path = g_getenv ("FE_BINARY");
  g_assert_nonnull (binary_path);

  g_test_add_func ("/app/templates", test_every_template_instantiates);
  g_test_add_func ("/app/shortcuts-show-keys", test_shortcuts_show_keys);
  g_test_add_func ("/app/window/segment-click-lists-its-quotes",
                   test_segment_click_lists_its_quotes);
  g_test_add_func ("/app/window/segment-without-open-question-lists-all-text",
                   test_segment_without_open_question_lists_all_text);
  g_test_add_func ("/app/window/filter-changes-chart-and-counts",
                   test_filter_changes_chart_and_counts);
  g_test_add_func ("/app/window/filter-chip-names-its-question",
                   test_filter_chip_names_its_question);
  g_test_add_func ("/app/window/filter-chips-stay-while-kept", test_filter_chips_stay_while_kept);
  g_test_add_func ("/app/window/dropdowns-show-whole-names", test_dropdowns_show_whole_names);
  g_test_add_func ("/app/window/search-quotes", test_search_quotes);
  g_test_add_func ("/app/window/not-split-by-itself", test_question_is_not_split_by_itself);
  g_test_add_func ("/app/window/data-table-matches-the-chart",
                   test_data_table_matches_the_chart);
  g_test_add_func ("/app/window/copy-quote", test_copy_quote_with_attribution);
  g_test_add_func ("/app/window/quote-text-selected-by-pointer",
                   test_quote_text_selected_by_pointer);
  g_test_add_func ("/app/window/quote-text-selected-by-keys", test_quote_text_selected_by_keys);
  g_test_add_func ("/app/window/copy-after-clicking-quote-text",
                   test_copy_after_clicking_quote_text);
  g_test_add_func ("/app/window/broken-file", test_broken_file_error_names_the_line);
  g_test_add_func ("/app/window/chart-segments-accessible", test_chart_segments_are_accessible);
  g_test_add_func ("/app/window/data-table-opens-quotes", test_data_table_opens_quotes);
  g_test_add_func ("/app/window/study-actions-wait-for-a-study",
                   test_study_actions_wait_for_a_study);
  g_test_add_func ("/app/window/keeps-drawing-while-loading",
                   test_window_keeps_drawing_while_loading);
  g_test_add_func ("/app/window/cancel-load", test_cancel_load);
  g_test_add_func ("/app/window/reload-keeps-the-view", test_reload_keeps_the_view);
  g_test_add_func ("/app/window/question-counts-follow-the-filter",
                   test_question_counts_follow_the_filter);
  g_test_add_func ("/app/window/open-files-chosen-together", test_open_files_chosen_together);
  g_test_add_func ("/app/window/respondents-survive-reopening",
                   test_respondents_survive_reopening);
  return g_test_run ();
}
