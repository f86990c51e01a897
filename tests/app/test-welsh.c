/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A Welsh study in the window: the respondent grid and the Columns dialog show the codebook's
 * Welsh labels and levels, as the chart and the quotes do, not the English source. */
#include <adwaita.h>
#include <string.h>

#include "fe-app-test-util.h"
#include "fe-columns-dialog.h"
#include "fe-test-util.h"
#include "fe-window-private.h"

/* Every text shown inside @widget: labels, column headers, rows' titles and subtitles. */
static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  if (fe_app_test_get_label_text (widget) != NULL)
    g_ptr_array_add (texts, g_strdup (fe_app_test_get_label_text (widget)));
  if (ADW_IS_PREFERENCES_ROW (widget))
    g_ptr_array_add (texts, g_strdup (adw_preferences_row_get_title (
                                        ADW_PREFERENCES_ROW (widget))));
  if (ADW_IS_EXPANDER_ROW (widget))
    g_ptr_array_add (texts, g_strdup (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static gboolean
shows (GtkWidget  *widget,
       const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_texts (widget, texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;
  return FALSE;
}

static FeWindow *
open_welsh_window (void)
{
  FeWindow *window;

  /* The study's labels follow the locale when it loads. */
  g_setenv ("LANGUAGE", "cy", TRUE);
  window = fe_app_test_open_window (NULL);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpstr (fe_study_get_language (fe_window_get_study (window)), ==, "cy");
  return window;
}

static void
test_respondent_grid (void)
{
  FeWindow *window = open_welsh_window ();
  GtkWidget *grid = GTK_WIDGET (window->respondent_view);
  GtkColumnView *columns;
  GListModel *model;
  gboolean force_named = FALSE;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (window->content_stack), "respondents");
  fe_app_test_settle (500);

  /* The answers: the forces and the training answers in Welsh, none in English. */
  g_assert_true (shows (grid, "Heddlu De Cymru"));
  g_assert_false (shows (grid, "South Wales Police"));
  g_assert_true (shows (grid, "Ydw") || shows (grid, "Nac ydw"));
  g_assert_false (shows (grid, "Yes"));

  /* The headers: the codebook's Welsh short label, not the column id. */
  columns = fe_app_test_find_widget (grid, GTK_TYPE_COLUMN_VIEW);
  model = gtk_column_view_get_columns (columns);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (model, i);

      g_assert_cmpstr (gtk_column_view_column_get_title (column), !=, "force");
      force_named |= g_strcmp0 (gtk_column_view_column_get_title (column), "Heddlu") == 0;
    }
  g_assert_true (force_named);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
expand_row (GtkWidget  *widget,
            const char *title)
{
  if (ADW_IS_EXPANDER_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    expand_row (child, title);
}

static void
test_columns_dialog (void)
{
  FeWindow *window = open_welsh_window ();
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.columns", NULL);
  g_assert_true (fe_test_wait_until (fe_app_test_toplevel_shown,
                                     GSIZE_TO_POINTER (FE_TYPE_COLUMNS_DIALOG)));
  dialog = fe_app_test_find_toplevel (FE_TYPE_COLUMNS_DIALOG);
  expand_row (dialog, "force");
  expand_row (dialog, "training");
  fe_app_test_settle (300);

  /* The questions under their ids, and the levels to put in order, in Welsh. */
  g_assert_true (shows (dialog, "I ba heddlu ydych chi'n gweithio?"));
  g_assert_false (shows (dialog, "Which police force do you work for?"));
  g_assert_true (shows (dialog, "Heddlu De Cymru"));
  g_assert_true (shows (dialog, "Heddlu Gogledd Cymru"));
  g_assert_false (shows (dialog, "South Wales Police"));
  g_assert_true (shows (dialog, "Nac ydw"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app/welsh/respondent-grid", test_respondent_grid);
  g_test_add_func ("/app/welsh/columns-dialog", test_columns_dialog);
  return g_test_run ();
}
