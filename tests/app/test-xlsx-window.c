/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Excel workbooks in the window: a Microsoft Forms download opens like a CSV file, and a
 * workbook with several sheets with data asks which one first. With FE_SCREENSHOT_DIR set, the
 * window and the question are saved there as PNG files to look at. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "fe-app-test-util.h"
#include "fe-data-check.h"
#include "fe-study.h"
#include "fe-test-util.h"
#include "fe-window.h"

static gboolean
load_finished (gpointer data)
{
  return !fe_window_is_loading (data);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("FE_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL || *dir == '\0')
    return;
  path = g_build_filename (dir, name, NULL);
  /* Only for looking at: a window not drawn yet is no failure. */
  if (fe_app_test_save_png (widget, path))
    g_test_message ("saved %s", path);
  else
    g_test_message ("%s: nothing drawn", path);
}

/* A label in @widget showing @text. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_msforms_opens (void)
{
  g_autofree char *path = fe_test_find_fixture ("xlsx", "msforms_nav-medlemsundersokelse.xlsx");
  g_autoptr(GFile) file = NULL;
  FeWindow *window;
  FeStudy *study;
  gpointer page;

  if (path == NULL)
    {
      g_test_skip ("the shared fixtures are not beside this checkout");
      return;
    }
  file = g_file_new_for_path (path);
  window = fe_app_test_open_window (file);
  study = fe_window_get_study (window);
  g_assert_nonnull (study);
  g_assert_cmpstr (fe_study_get_name (study), ==, "msforms_nav-medlemsundersokelse.xlsx");
  g_assert_cmpstr (fe_study_get_sheet (study), ==, "Sheet1");
  g_assert_cmpuint (fe_study_get_n_respondents (study), ==, 25);
  /* No question about the sheet: it has one. */
  g_assert_null (fe_app_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  fe_explore_state_show (fe_window_get_state (window),
                         fe_study_find_column (study, "Hvor jobber du i NAV?"), NULL);
  /* After the stack's cross-fade from the welcome page. */
  fe_app_test_settle (1000);
  save_screenshot (GTK_WIDGET (window), "xlsx-msforms.png");

  /* The Data check page names the workbook's sheet. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "data-check", NULL);
  g_assert_true (fe_test_wait_until (fe_app_test_toplevel_shown,
                                     GSIZE_TO_POINTER (FE_TYPE_DATA_CHECK)));
  page = fe_app_test_find_toplevel (FE_TYPE_DATA_CHECK);
  g_assert_nonnull (find_label (GTK_WIDGET (page), "Excel workbook, sheet “Sheet1”"));
  fe_app_test_settle (500);
  save_screenshot (GTK_WIDGET (page), "xlsx-data-check.png");
  gtk_window_destroy (GTK_WINDOW (page));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The message dialog on screen (one just answered may still be listed, closed). */
static gboolean
dialog_shown (gpointer data)
{
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();

  g_object_ref (toplevels);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) && gtk_widget_get_mapped (GTK_WIDGET (item)))
        {
          if (data != NULL)
            *(AdwMessageDialog **) data = ADW_MESSAGE_DIALOG (item);
          return TRUE;
        }
    }
  return FALSE;
}

static void
collect_check_buttons (GtkWidget *widget,
                       GPtrArray *buttons)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    g_ptr_array_add (buttons, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_check_buttons (child, buttons);
}

static void
test_sheet_is_asked (void)
{
  g_autofree char *path = fe_test_find_fixture ("xlsx", "readxl_types-1904-booleans-errors.xlsx");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  FeWindow *window;
  AdwMessageDialog *dialog = NULL;
  FeStudy *study;

  if (path == NULL)
    {
      g_test_skip ("the shared fixtures are not beside this checkout");
      return;
    }
  file = g_file_new_for_path (path);
  window = g_object_new (FE_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  fe_window_open_file (window, file);

  /* Seven sheets with data: the window asks before it loads anything. */
  g_assert_true (fe_test_wait_until (dialog_shown, &dialog));
  g_assert_false (fe_window_is_loading (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "7 sheets with data"));
  collect_check_buttons (GTK_WIDGET (dialog), buttons);
  g_assert_cmpuint (buttons->len, ==, 7);
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (buttons, 0)));
  fe_app_test_settle (500);
  save_screenshot (GTK_WIDGET (dialog), "xlsx-choose-sheet.png");

  /* The third, smorgasbord, is chosen. */
  gtk_check_button_set_active (g_ptr_array_index (buttons, 2), TRUE);
  adw_message_dialog_response (dialog, "open");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (fe_test_wait_until (fe_app_test_study_loaded, window));
  study = fe_window_get_study (window);
  g_assert_cmpstr (fe_study_get_sheet (study), ==, "smorgasbord");
  g_assert_cmpuint (fe_study_get_n_rows (study), ==, 19);

  /* Cancelled, nothing is loaded: the study stays. */
  fe_app_test_settle (100);
  g_assert_false (dialog_shown (NULL));
  fe_window_open_file (window, file);
  g_assert_true (fe_test_wait_until (dialog_shown, &dialog));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  fe_app_test_settle (100);
  g_assert_true (load_finished (window));
  g_assert_true (fe_window_get_study (window) == study);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_old_xls_error (void)
{
  static const char ole[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0Workbook";
  g_autofree char *path = fe_test_write_file ("survey.xls", ole, sizeof ole - 1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FeWindow *window = g_object_new (FE_TYPE_WINDOW, NULL);
  GtkWindow *alert;

  gtk_window_present (GTK_WINDOW (window));
  fe_window_open_file (window, file);
  g_assert_true (fe_test_wait_until (load_finished, window));
  g_assert_null (fe_window_get_study (window));
  g_assert_nonnull (strstr (fe_window_get_last_error (window),
                            "survey.xls is an Excel 97–2003 workbook (.xls)"));
  alert = fe_app_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  if (alert != NULL)
    gtk_window_destroy (alert);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app/xlsx/msforms-opens", test_msforms_opens);
  g_test_add_func ("/app/xlsx/sheet-is-asked", test_sheet_is_asked);
  g_test_add_func ("/app/xlsx/old-xls-error", test_old_xls_error);
  return g_test_run ();
}
