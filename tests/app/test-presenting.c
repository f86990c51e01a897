/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Presenting safely, in the window: saved views, projects that reopen, presentation mode and
 * what it shows of a respondent in a small group. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fe-app-test-util.h"
#include "fe-application.h"
#include "fe-chart-layout.h"
#include "fe-chart-view.h"
#include "fe-presentation.h"
#include "fe-project.h"
#include "fe-quote.h"
#include "fe-quote-browser.h"
#include "fe-quote-item.h"
#include "fe-quote-row.h"
#include "fe-view-list.h"
#include "fe-test-util.h"
#include "fe-window-private.h"

static void
test_sample_opens_with_its_views (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);

  g_assert_nonnull (window->project);
  g_assert_cmpuint (fe_project_get_n_views (window->project), >=, 5);
  /* The sample is a template: saving it asks where. */
  g_assert_true (window->project_is_template);

  fe_window_apply_view (window, 2);
  g_assert_cmpint (window->active_view, ==, 2);
  g_assert_cmpstr (fe_explore_state_get_question (window->state)->id, ==,
                   fe_project_get_view (window->project, 2)->question);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_saved_view_survives_reopening (void)
{
  g_autofree char *responses = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *project_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) project_file = NULL;
  g_autoptr(GError) error = NULL;
  FeWindow *window;
  FeStudy *study;
  FeColumn *force;
  g_autofree char *sample_dir = fe_study_find_sample_dir ();
  g_autofree char *sample = g_build_filename (sample_dir, "responses.csv", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  /* A copy of the sample's responses in a folder of our own, so that saving is allowed. */
  g_file_get_contents (sample, &contents, &length, &error);
  g_assert_no_error (error);
  responses = fe_test_write_file ("responses.csv", contents, (gssize) length);
  dir = g_path_get_dirname (responses);
  project_path = g_build_filename (dir, "mine.findings", NULL);
  file = g_file_new_for_path (responses);

  window = fe_app_test_open_window (file);
  study = fe_window_get_study (window);
  force = fe_study_find_column (study, "force");
  g_assert_false (fe_project_get_modified (window->project));

  fe_explore_state_set_filter_level (fe_window_get_state (window), force,
                                     (guint) fe_column_find_level (force, "Gwent Police"), TRUE);
  fe_explore_state_show (fe_window_get_state (window),
                         fe_study_find_column (study, "training"), force);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-view", NULL);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWindow *dialog = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GtkWindow) candidate = g_list_model_get_item (toplevels, i);

        if (G_TYPE_CHECK_INSTANCE_TYPE (candidate, g_type_from_name ("FeSaveViewDialog")))
          dialog = candidate;
      }
    g_assert_nonnull (dialog);
    g_signal_emit_by_name (dialog, "save", "Training in Gwent", "Most had none.");
  }
  g_assert_cmpuint (fe_project_get_n_views (window->project), ==, 1);
  g_assert_true (fe_project_get_modified (window->project));
  g_assert_true (fe_window_confirm_close (window));

  g_assert_true (fe_project_save (window->project, project_path, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));

  project_file = g_file_new_for_path (project_path);
  window = fe_app_test_open_window (project_file);
  g_assert_cmpuint (fe_project_get_n_views (window->project), ==, 1);
  fe_window_apply_view (window, 0);
  g_assert_cmpstr (fe_explore_state_get_question (window->state)->id, ==, "training");
  g_assert_true (fe_explore_state_get_split (window->state)
                 == fe_study_find_column (fe_window_get_study (window), "force"));
  g_assert_cmpuint (fe_chart_view_get_tally (fe_window_get_chart_view (window))->base, ==, 12);
  g_assert_false (fe_window_confirm_close (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
chart_laid_out (gpointer data)
{
  return fe_chart_view_get_layout (data) != NULL;
}

static void
test_star_shows_and_toggles (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeChartView *chart = fe_window_get_chart_view (window);
  GListModel *quotes = fe_quote_browser_get_model (fe_window_get_quote_browser (window));
  const FeChartSegment *segment;
  g_autoptr(FeQuoteItem) item = NULL;
  FeSavedView *view;
  guint n_starred;

  fe_window_apply_view (window, 2);
  view = fe_project_get_view (window->project, 2);
  n_starred = view->starred->len;
  g_assert_true (fe_test_wait_until (chart_laid_out, chart));
  segment = fe_chart_layout_get_segment (fe_chart_view_get_layout (chart), 0);
  g_assert_true (fe_chart_view_click_at (chart, segment->x + 1, segment->y + segment->h / 2));
  g_assert_cmpuint (g_list_model_get_n_items (quotes), >, 0);

  item = g_list_model_get_item (quotes, 0);
  g_assert_false (fe_quote_item_get_starred (item) && n_starred == 0);
  if (fe_quote_item_get_starred (item))
    fe_window_toggle_star (window, item);
  n_starred = view->starred->len;

  fe_window_toggle_star (window, item);
  g_assert_true (fe_quote_item_get_starred (item));
  g_assert_cmpuint (view->starred->len, ==, n_starred + 1);
  g_assert_true (fe_project_get_modified (window->project));

  /* Coming back to the view shows its star again. */
  fe_window_apply_view (window, 0);
  fe_window_apply_view (window, 2);
  g_assert_true (fe_test_wait_until (chart_laid_out, chart));
  segment = fe_chart_layout_get_segment (fe_chart_view_get_layout (chart), 0);
  g_assert_true (fe_chart_view_click_at (chart, segment->x + 1, segment->y + segment->h / 2));
  g_clear_object (&item);
  item = g_list_model_get_item (quotes, 0);
  g_assert_true (fe_quote_item_get_starred (item));

  fe_window_toggle_star (window, item);
  g_assert_false (fe_quote_item_get_starred (item));
  g_assert_cmpuint (view->starred->len, ==, n_starred);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A quote row's buttons say what they do in a tooltip asked for when it is shown. One set with
 * the row cost a round trip to the X server (GTK 4.8 asks it where the pointer is): two for each
 * of the two hundred rows a quote list makes, a third of each frame that makes them. */
static void
test_quote_buttons_tooltips_asked_for (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeChartView *chart = fe_window_get_chart_view (window);
  const FeChartSegment *segment;
  GtkWidget *row;

  g_assert_true (fe_test_wait_until (chart_laid_out, chart));
  segment = fe_chart_layout_get_segment (fe_chart_view_get_layout (chart), 0);
  g_assert_true (fe_chart_view_click_at (chart, segment->x + 1, segment->y + segment->h / 2));
  fe_app_test_settle (200);
  row = fe_app_test_find_widget (GTK_WIDGET (fe_window_get_quote_browser (window)),
                                 FE_TYPE_QUOTE_ROW);
  g_assert_nonnull (row);
  for (GtkWidget *button = fe_app_test_find_widget (row, GTK_TYPE_BUTTON); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
      gboolean shown = FALSE;

      g_assert_true (gtk_widget_get_has_tooltip (button));
      g_assert_null (gtk_widget_get_tooltip_text (button));
      g_signal_emit_by_name (button, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
      g_assert_true (shown);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_deleted_view_can_be_undone (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  guint n_views = fe_project_get_n_views (window->project);
  g_autofree char *title = g_strdup (fe_project_get_view (window->project, 1)->title);

  g_signal_emit_by_name (window->view_list, "view-deleted", 1);
  g_assert_cmpuint (fe_project_get_n_views (window->project), ==, n_views - 1);
  g_assert_cmpstr (fe_project_get_view (window->project, 1)->title, !=, title);

  g_action_group_activate_action (G_ACTION_GROUP (window), "undo-delete-view", NULL);
  g_assert_cmpuint (fe_project_get_n_views (window->project), ==, n_views);
  g_assert_cmpstr (fe_project_get_view (window->project, 1)->title, ==, title);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The one North Wales respondent, starred in a view of our own. */
static FeProject *
project_with_north_wales_star (FeStudy *study,
                               char   **text)
{
  FeProject *project = fe_project_new ();
  FeColumn *force = fe_study_find_column (study, "force");
  int north = fe_column_find_level (force, "North Wales Police");
  guint row = fe_bitset_next (g_ptr_array_index (force->level_rows, (guint) north), 0);
  g_autoptr(GPtrArray) quotes = fe_study_collect_respondent_quotes (study, row);
  FeQuote *quote = g_ptr_array_index (quotes, 0);
  g_autofree char *respondent = fe_study_dup_respondent_id (study, row);
  FeSavedView *view = fe_saved_view_new ();

  view->title = g_strdup ("Vulnerabilities by force");
  view->question = g_strdup ("vulnerabilities");
  view->by = g_strdup ("force");
  fe_saved_view_add_star (view, respondent, quote->column->id, quote->text);
  fe_project_add_view (project, view);
  view = fe_saved_view_new ();
  view->question = g_strdup ("training");
  fe_project_add_view (project, view);
  *text = g_strdup (quote->text);
  return project;
}

/* The quote on screen, found by what it is drawn as. */
static GtkLabel *
find_quote_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "presentation-quote"))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_quote_label (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

static void
test_presentation_hides_small_groups (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = fe_study_load_sample (&error);
  g_autofree char *text = NULL;
  g_autoptr(FeProject) project = NULL;
  FePresentation *presentation;

  g_assert_no_error (error);
  project = project_with_north_wales_star (study, &text);

  presentation = fe_presentation_new (NULL, study, project, 5, FALSE, 0);
  gtk_window_present (GTK_WINDOW (presentation));
  g_assert_cmpint (fe_presentation_get_quote (presentation), ==, -1);
  fe_presentation_next_quote (presentation);
  g_assert_cmpint (fe_presentation_get_quote (presentation), ==, 0);
  g_assert_nonnull (strstr (fe_presentation_get_quote_text (presentation), text));
  g_assert_cmpstr (fe_presentation_get_attribution (presentation), ==, "a participant");
  /* A selectable label took the focus and showed the quote selected, blue, on the projector. */
  g_assert_false (gtk_label_get_selectable (find_quote_label (GTK_WIDGET (presentation))));
  fe_presentation_next (presentation);
  g_assert_cmpuint (fe_presentation_get_view (presentation), ==, 1);
  fe_presentation_previous (presentation);
  g_assert_cmpuint (fe_presentation_get_view (presentation), ==, 0);
  gtk_window_destroy (GTK_WINDOW (presentation));

  /* With disclosure control off, the same quote is attributed in full. */
  presentation = fe_presentation_new (NULL, study, project, 0, FALSE, 0);
  fe_presentation_next_quote (presentation);
  g_assert_true (g_str_has_suffix (fe_presentation_get_attribution (presentation),
                                   "North Wales Police"));
  gtk_window_destroy (GTK_WINDOW (presentation));
}

/* A clicker sends Page Down, Space and Page Up, which skipped the starred quotes; Escape went
 * back one quote instead of leaving. */
static void
test_clicker_steps_through_quotes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = fe_study_load_sample (&error);
  g_autofree char *text = NULL;
  g_autoptr(FeProject) project = NULL;
  FePresentation *presentation;
  GtkWidget *widget;

  g_assert_no_error (error);
  project = project_with_north_wales_star (study, &text);
  presentation = fe_presentation_new (NULL, study, project, 5, FALSE, 0);
  widget = GTK_WIDGET (presentation);
  gtk_window_present (GTK_WINDOW (presentation));
  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &presentation);

  /* View 1's chart, its one starred quote, then view 2. */
  g_assert_true (fe_app_test_press_key (widget, GDK_KEY_Page_Down));
  g_assert_cmpuint (fe_presentation_get_view (presentation), ==, 0);
  g_assert_cmpint (fe_presentation_get_quote (presentation), ==, 0);
  g_assert_nonnull (strstr (fe_presentation_get_quote_text (presentation), text));
  g_assert_true (fe_app_test_press_key (widget, GDK_KEY_space));
  g_assert_cmpuint (fe_presentation_get_view (presentation), ==, 1);
  g_assert_cmpint (fe_presentation_get_quote (presentation), ==, -1);

  /* Back the same way: view 1's last quote, then its chart. */
  g_assert_true (fe_app_test_press_key (widget, GDK_KEY_Page_Up));
  g_assert_cmpuint (fe_presentation_get_view (presentation), ==, 0);
  g_assert_cmpint (fe_presentation_get_quote (presentation), ==, 0);
  g_assert_true (fe_app_test_press_key (widget, GDK_KEY_Page_Up));
  g_assert_cmpuint (fe_presentation_get_view (presentation), ==, 0);
  g_assert_cmpint (fe_presentation_get_quote (presentation), ==, -1);

  /* The arrows still move a view, or a quote, at a time. */
  g_assert_true (fe_app_test_press_key (widget, GDK_KEY_Right));
  g_assert_cmpuint (fe_presentation_get_view (presentation), ==, 1);
  g_assert_true (fe_app_test_press_key (widget, GDK_KEY_Left));
  g_assert_true (fe_app_test_press_key (widget, GDK_KEY_Down));
  g_assert_cmpint (fe_presentation_get_quote (presentation), ==, 0);

  /* Escape on a quote leaves the presentation. */
  g_assert_true (fe_app_test_press_key (widget, GDK_KEY_Escape));
  fe_app_test_settle (50);
  g_assert_null (presentation);
}

static GtkWindow *
find_message_dialog (void)
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

/* A view of guidance_aware, counted, under a filter on @column. */
static FeSavedView *
leaky_view (const char        *title,
            const char        *column,
            const char *const *levels)
{
  FeSavedView *view = fe_saved_view_new ();

  view->title = g_strdup (title);
  view->question = g_strdup ("guidance_aware");
  g_free (view->kind);
  view->kind = g_strdup ("bar");
  fe_saved_view_add_filter (view, column, levels);
  return view;
}

/* The pack is written off the main thread: export returns at once, with the pack still being
 * written, and the window goes on drawing meanwhile. Waits for it, up to a minute. */
static void
wait_for_brief (FeWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (g_object_get_data (G_OBJECT (window), "fe-brief-writing") != NULL
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (g_object_get_data (G_OBJECT (window), "fe-brief-writing"));
}

static void
test_brief_asks_when_the_audit_finds_something (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  const char *trained[] = { "Yes", NULL };
  const char *less_than_extremely[] = { "Not at all well", "Slightly well", "Moderately well",
                                        "Very well", NULL };
  g_autofree char *dir = g_dir_make_tmp ("fe-brief-XXXXXX", NULL);
  g_autofree char *clean = g_build_filename (dir, "clean.pdf", NULL);
  g_autofree char *leaky = g_build_filename (dir, "leaky.pdf", NULL);
  GtkWindow *dialog;
  const char *body;

  /* The sample's own views pass the audit: the pack is written without a question. */
  fe_window_export_brief (window, clean);
  g_assert_null (find_message_dialog ());
  /* Returned before the pack was done: it is written on another thread. */
  g_assert_nonnull (g_object_get_data (G_OBJECT (window), "fe-brief-writing"));
  wait_for_brief (window);
  g_assert_true (g_file_test (clean, G_FILE_TEST_EXISTS));

  /* Two views whose respondents differ by one: the only one who found their training
   * extremely good. */
  fe_project_add_view (window->project, leaky_view ("Those trained", "training", trained));
  fe_project_add_view (window->project, leaky_view ("Those less than extremely well prepared",
                                                    "training_prepared",
                                                    less_than_extremely));
  fe_window_export_brief (window, leaky);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Numbers Could Be Worked Out");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, "Those trained"));
  g_assert_nonnull (strstr (body, "Those less than extremely well prepared"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "cancel");
  g_assert_cmpstr (adw_message_dialog_get_close_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "cancel");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                                               "export"),
                   ==, ADW_RESPONSE_DESTRUCTIVE);

  /* Cancel writes nothing. A response given programmatically leaves the dialog open, where a
   * click would close it: it is closed here as the click would. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (dialog);
  fe_app_test_settle (50);
  g_assert_false (g_file_test (leaky, G_FILE_TEST_EXISTS));

  /* Export Anyway writes the pack as asked. */
  fe_window_export_brief (window, leaky);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "export");
  gtk_window_destroy (dialog);
  wait_for_brief (window);
  g_assert_true (g_file_test (leaky, G_FILE_TEST_EXISTS));

  g_unlink (clean);
  g_unlink (leaky);
  g_rmdir (dir);
  /* The views added are not saved: closing asks, so the window is destroyed directly. */
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_message_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      n += ADW_IS_MESSAGE_DIALOG (toplevel);
    }
  return n;
}

/* A weak pointer (at @data) whose object is gone. */
static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_quit_asks_about_unsaved_work (void)
{
  g_autoptr(FeApplication) app = fe_application_new ();
  g_autoptr(GError) error = NULL;
  GtkWindow *welcome;
  FeWindow *window;
  AdwMessageDialog *dialog;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  /* One window with nothing to lose, one with a change to its project. */
  welcome = GTK_WINDOW (fe_window_new (GTK_APPLICATION (app)));
  g_object_add_weak_pointer (G_OBJECT (welcome), (gpointer *) &welcome);
  gtk_window_present (welcome);
  window = fe_window_new (GTK_APPLICATION (app));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  fe_window_open_sample (window);
  g_assert_true (fe_test_wait_until (fe_app_test_study_loaded, window));
  fe_project_set_title (window->project, "Findings for the board");
  g_assert_true (fe_project_get_modified (window->project));

  /* Ctrl+Q: the window without changes closes, the other asks as its close button does. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_true (fe_test_wait_until (fe_app_test_toplevel_shown,
                                     GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  g_assert_null (welcome);
  g_assert_nonnull (window);
  dialog = fe_app_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "save");
  /* Pressed again while it asks: still one question. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_cmpuint (count_message_dialogs (), ==, 1);

  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  fe_app_test_settle (50);
  g_assert_nonnull (window);
  g_assert_cmpuint (count_message_dialogs (), ==, 0);
  g_assert_true (fe_project_get_modified (window->project));

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_true (fe_test_wait_until (fe_app_test_toplevel_shown,
                                     GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  dialog = fe_app_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (fe_test_wait_until (pointer_cleared, &window));
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}


/* The bottom of the lowest thing the chart draws, in the view's pixels. */
static double
chart_drawn_height (const FeChartLayout *layout)
{
  double bottom = 0;

  for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
    {
      const FeChartSegment *segment = fe_chart_layout_get_segment (layout, i);

      bottom = MAX (bottom, segment->y + segment->h);
    }
  for (guint i = 0; i < fe_chart_layout_get_n_labels (layout); i++)
    {
      const FeChartLabel *label = fe_chart_layout_get_label (layout, i);

      bottom = MAX (bottom, label->y + label->h);
    }
  return bottom;
}

static void
check_slide_at (FeWindow *window,
                int       width,
                int       height)
{
  FePresentation *presentation = fe_presentation_new (GTK_WINDOW (window),
                                                      fe_window_get_study (window),
                                                      window->project, 5, TRUE, 0);
  FeChartView *view = fe_presentation_get_chart_view (presentation);
  const FeChartLayout *layout;
  const FeChartSegment *segment;
  g_autoptr(GListModel) controllers = NULL;

  gtk_window_set_default_size (GTK_WINDOW (presentation), width, height);
  gtk_window_present (GTK_WINDOW (presentation));
  fe_app_test_settle (500);
  /* Laid out once the slide has its size, which a loaded machine may give it late. */
  g_assert_true (fe_test_wait_until (chart_laid_out, view));
  layout = fe_chart_view_get_layout (view);
  g_assert_nonnull (layout);

  /* The sample's first view is two bars: scaled to the screen, their type is larger than the
   * slide's 1.5 and the chart fills most of its part of the screen, not its top third. */
  g_assert_cmpfloat (fe_chart_layout_get_text_scale (layout), >, 1.5 * 1.4);
  g_assert_cmpfloat (chart_drawn_height (layout), >=,
                     0.6 * gtk_widget_get_height (GTK_WIDGET (view)));
  /* Bars as thick as a finger at arm's length: a twentieth of the screen. */
  segment = fe_chart_layout_get_segment (layout, 0);
  g_assert_cmpfloat (segment->h, >=, height / 20.0);

  /* "View 1 of 6" reads from the back of the room: its line is at least 20 px high. */
  g_assert_cmpint (gtk_widget_get_height (fe_presentation_get_footer (presentation)), >=, 20);

  /* The pointer over a bar shows nothing on the projected slide: no hover, no hand. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        g_signal_emit_by_name (controller, "motion", segment->x + segment->w / 2,
                               segment->y + segment->h / 2);
    }
  g_assert_null (gtk_widget_get_cursor (GTK_WIDGET (view)));
  g_assert_false (gtk_widget_get_has_tooltip (GTK_WIDGET (view)));
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (view)));
  g_assert_false (fe_chart_view_click_at (view, segment->x + segment->w / 2,
                                          segment->y + segment->h / 2)
                  && fe_chart_view_get_selected (view) >= 0);
  gtk_window_destroy (GTK_WINDOW (presentation));
}

/* Slides at a projector's 1280 × 720 and a screen's 1920 × 1080. */
static void
test_slides_fill_the_screen (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);

  check_slide_at (window, 1280, 720);
  check_slide_at (window, 1920, 1080);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app/presenting/sample-views", test_sample_opens_with_its_views);
  g_test_add_func ("/app/presenting/saved-view-reopens", test_saved_view_survives_reopening);
  g_test_add_func ("/app/presenting/small-groups", test_presentation_hides_small_groups);
  g_test_add_func ("/app/presenting/clicker", test_clicker_steps_through_quotes);
  g_test_add_func ("/app/presenting/slides-fill-the-screen", test_slides_fill_the_screen);
  g_test_add_func ("/app/presenting/quote-buttons-tooltips-asked-for",
                   test_quote_buttons_tooltips_asked_for);
  g_test_add_func ("/app/presenting/star", test_star_shows_and_toggles);
  g_test_add_func ("/app/presenting/undo-delete-view", test_deleted_view_can_be_undone);
  g_test_add_func ("/app/presenting/brief-audit", test_brief_asks_when_the_audit_finds_something);
  g_test_add_func ("/app/presenting/quit-asks", test_quit_asks_about_unsaved_work);
  return g_test_run ();
}
