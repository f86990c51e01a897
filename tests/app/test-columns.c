/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Columns dialog in the window: a correction applies at once, the study loads again with it,
 * the project remembers it, and a change the data cannot take is refused or undone. */
#include <adwaita.h>
#include <string.h>

#include "fe-app-test-util.h"
#include "fe-question-row.h"
#include "fe-columns-dialog.h"
#include "fe-test-util.h"
#include "fe-window-private.h"

typedef struct
{
  FeWindow        *window;
  FeColumnsDialog *dialog;
  FeStudy         *before;
} Reload;

/* The window has loaded a new study and handed it to the dialog. */
static gboolean
reloaded (gpointer data)
{
  Reload *reload = data;

  return !fe_window_is_loading (reload->window)
         && fe_window_get_study (reload->window) != reload->before
         && fe_columns_dialog_get_study (reload->dialog) == fe_window_get_study (reload->window);
}

static void
wait_for_reload (FeWindow        *window,
                 FeColumnsDialog *dialog,
                 FeStudy         *before)
{
  Reload reload = { window, dialog, before };

  g_assert_true (fe_test_wait_until (reloaded, &reload));
}

static FeColumnsDialog *
find_dialog (void)
{
  return fe_app_test_find_toplevel (FE_TYPE_COLUMNS_DIALOG);
}

static char *
levels_of (FeStudy    *study,
           const char *id)
{
  FeColumn *column = fe_study_find_column (study, id);
  g_autoptr(GString) levels = g_string_new (NULL);

  for (guint l = 0; l < fe_column_get_n_levels (column); l++)
    g_string_append_printf (levels, "%s%s", l ? "|" : "", fe_column_get_level (column, l));
  return g_string_free (g_steal_pointer (&levels), FALSE);
}

/* Where the question list shows @id (-1: not at all). */
static int
question_list_position (FeWindow   *window,
                        const char *id)
{
  GtkListBox *list = fe_app_test_find_widget (GTK_WIDGET (window->question_list),
                                              GTK_TYPE_LIST_BOX);
  GtkListBoxRow *row;

  g_assert_nonnull (list);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      FeColumn *column = fe_question_row_get_column (FE_QUESTION_ROW (row));

      if (strcmp (column->id, id) == 0)
        return i;
    }
  return -1;
}

static gboolean
has_size (gpointer data)
{
  return gtk_widget_get_width (data) > 0;
}

/* With FE_SCREENSHOT_DIR set, the dialog as drawn, for a person to look at. */
static void
maybe_save_screenshot (GtkWidget  *window,
                       const char *name)
{
  const char *dir = g_getenv ("FE_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  gboolean drawn;

  if (dir == NULL)
    return;
  g_assert_true (fe_test_wait_until (has_size, window));
  fe_app_test_settle (300);
  path = g_build_filename (dir, name, NULL);
  drawn = fe_app_test_save_png (window, path);
  g_test_message ("%s: %d×%d, %s", name, gtk_widget_get_width (window),
                  gtk_widget_get_height (window), drawn ? "drawn" : "nothing drawn");
  if (drawn)
    g_test_message ("saved %s", path);
}

static void
expand_row_of (FeColumnsDialog *dialog,
               const char      *title)
{
  GtkWidget *stack[64];
  guint depth = 0;

  stack[depth++] = GTK_WIDGET (dialog);
  while (depth > 0)
    {
      GtkWidget *widget = stack[--depth];

      if (ADW_IS_EXPANDER_ROW (widget)
          && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);
          return;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL && depth < G_N_ELEMENTS (stack); child = gtk_widget_get_next_sibling (child))
        stack[depth++] = child;
    }
  g_assert_not_reached ();
}

/* The button that the action @name drives inside @widget, or NULL. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *name)
{
  if (GTK_IS_BUTTON (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Reset All pressed: the question it asks. */
static AdwMessageDialog *
ask_to_reset (FeColumnsDialog *dialog)
{
  gtk_widget_activate_action (GTK_WIDGET (dialog), "columns.reset", NULL);
  g_assert_true (fe_test_wait_until (fe_app_test_toplevel_shown,
                                     GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  return fe_app_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

/* As a click on the button of @response does: answers, then closes. */
static void
answer (AdwMessageDialog *question,
        const char       *response)
{
  adw_message_dialog_response (question, response);
  gtk_window_destroy (GTK_WINDOW (question));
}

static void
test_template_instantiates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = fe_study_load_sample (&error);
  FeColumnsDialog *dialog;

  g_assert_no_error (error);
  dialog = fe_columns_dialog_new (NULL, study, NULL);
  g_assert_true (FE_IS_COLUMNS_DIALOG (dialog));
  g_assert_cmpuint (fe_columns_dialog_get_corrections (dialog)->len, ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_corrections_apply_at_once (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeColumnsDialog *dialog;
  FeStudy *before;
  g_autofree char *training = NULL;
  FeColumnCorrection *correction;

  g_assert_false (fe_project_get_modified (window->project));
  g_assert_cmpint (question_list_position (window, "role"), >=, 0);
  g_action_group_activate_action (G_ACTION_GROUP (window), "columns", NULL);
  g_assert_true (fe_test_wait_until (fe_app_test_toplevel_shown,
                                     GSIZE_TO_POINTER (FE_TYPE_COLUMNS_DIALOG)));
  dialog = find_dialog ();
  g_assert_true (fe_columns_dialog_get_study (dialog) == fe_window_get_study (window));

  expand_row_of (dialog, "training");
  expand_row_of (dialog, "service_length");
  maybe_save_screenshot (GTK_WIDGET (dialog), "columns-dialog.png");

  /* "No" before "Yes": the study loads again with the new order. */
  before = fe_window_get_study (window);
  training = levels_of (before, "training");
  g_assert_cmpstr (training, ==, "Yes|No");
  g_assert_true (fe_columns_dialog_move_level (dialog, "training", 0, +1));
  wait_for_reload (window, dialog, before);
  g_clear_pointer (&training, g_free);
  training = levels_of (fe_window_get_study (window), "training");
  g_assert_cmpstr (training, ==, "No|Yes");
  g_assert_true (fe_project_get_modified (window->project));
  correction = fe_column_corrections_find (fe_project_get_corrections (window->project),
                                           "training");
  g_assert_nonnull (correction);
  g_assert_nonnull (correction->levels);
  g_assert_cmpstr (g_ptr_array_index (correction->levels, 0), ==, "No");

  /* Ignoring the role column takes it out of the question list. */
  before = fe_window_get_study (window);
  g_assert_true (fe_columns_dialog_choose_role (dialog, "role", FE_ROLE_IGNORE));
  wait_for_reload (window, dialog, before);
  g_assert_cmpint (fe_study_find_column (fe_window_get_study (window), "role")->role, ==,
                   FE_ROLE_IGNORE);
  g_assert_cmpint (question_list_position (window, "role"), ==, -1);
  /* The earlier correction still holds. */
  g_clear_pointer (&training, g_free);
  training = levels_of (fe_window_get_study (window), "training");
  g_assert_cmpstr (training, ==, "No|Yes");

  /* Length of service as an ordered scale: a closed question now, after the attributes. */
  g_assert_cmpint (question_list_position (window, "service_length"), <,
                   question_list_position (window, "force") + 2);
  before = fe_window_get_study (window);
  g_assert_true (fe_columns_dialog_choose_role (dialog, "service_length", FE_ROLE_ORDINAL));
  wait_for_reload (window, dialog, before);
  g_assert_cmpint (fe_study_find_column (fe_window_get_study (window), "service_length")->role,
                   ==, FE_ROLE_ORDINAL);
  g_assert_cmpint (question_list_position (window, "service_length"), >,
                   question_list_position (window, "force"));
  maybe_save_screenshot (GTK_WIDGET (dialog), "columns-dialog-corrected.png");

  /* A free-text column with 91 different answers is no scale: refused, nothing changes. */
  before = fe_window_get_study (window);
  g_assert_false (fe_columns_dialog_choose_role (dialog, "sex_work_definition",
                                                 FE_ROLE_ORDINAL));
  g_assert_nonnull (fe_columns_dialog_get_error (dialog));
  g_assert_nonnull (strstr (fe_columns_dialog_get_error (dialog), "sex_work_definition"));
  g_assert_false (fe_window_is_loading (window));
  g_assert_true (fe_window_get_study (window) == before);
  g_assert_null (fe_column_corrections_find (fe_project_get_corrections (window->project),
                                             "sex_work_definition"));
  maybe_save_screenshot (GTK_WIDGET (dialog), "columns-dialog-refused.png");

  /* Reset All: back to the codebook. */
  answer (ask_to_reset (dialog), "reset");
  wait_for_reload (window, dialog, before);
  g_assert_cmpuint (fe_project_get_corrections (window->project)->len, ==, 0);
  g_clear_pointer (&training, g_free);
  training = levels_of (fe_window_get_study (window), "training");
  g_assert_cmpstr (training, ==, "Yes|No");
  g_assert_cmpint (fe_study_find_column (fe_window_get_study (window), "role")->role, ==,
                   FE_ROLE_ATTRIBUTE);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Numbers the answers cannot tell how to read ("19,037": 19,037 or 19.037?) are kept as
 * written; made numeric, they are read with commas between thousands and the researcher is
 * told; then the researcher says how they are written, and they are read so. */
static void
test_numbers_written_as (void)
{
  g_autoptr(GString) csv = g_string_new ("id,amount\n");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  FeWindow *window;
  FeColumnsDialog *dialog;
  FeStudy *before;
  FeColumn *amount;
  FeColumnCorrection *correction;

  for (guint i = 0; i < 30; i++)
    g_string_append_printf (csv, "%u,\"%u,%03u\"\n", i + 1, 18 + i, (i * 37) % 1000);
  path = fe_test_write_file ("amounts.csv", csv->str, -1);
  file = g_file_new_for_path (path);
  window = fe_app_test_open_window (file);
  g_assert_cmpint (fe_study_find_column (fe_window_get_study (window), "amount")->role, !=,
                   FE_ROLE_NUMERIC);
  g_action_group_activate_action (G_ACTION_GROUP (window), "columns", NULL);
  g_assert_true (fe_test_wait_until (fe_app_test_toplevel_shown,
                                     GSIZE_TO_POINTER (FE_TYPE_COLUMNS_DIALOG)));
  dialog = find_dialog ();

  before = fe_window_get_study (window);
  g_assert_true (fe_columns_dialog_choose_role (dialog, "amount", FE_ROLE_NUMERIC));
  wait_for_reload (window, dialog, before);
  amount = fe_study_find_column (fe_window_get_study (window), "amount");
  g_assert_cmpint (amount->role, ==, FE_ROLE_NUMERIC);
  g_assert_cmpfloat (amount->numbers[1], ==, 19037);
  g_assert_cmpuint (fe_study_get_warnings (fe_window_get_study (window))->len, ==, 1);
  expand_row_of (dialog, "amount");
  maybe_save_screenshot (GTK_WIDGET (dialog), "columns-dialog-numbers.png");

  before = fe_window_get_study (window);
  fe_columns_dialog_choose_notation (dialog, "amount", TRUE, FE_NOTATION_DECIMAL_COMMA);
  wait_for_reload (window, dialog, before);
  amount = fe_study_find_column (fe_window_get_study (window), "amount");
  g_assert_cmpfloat_with_epsilon (amount->numbers[1], 19.037, 1e-9);
  g_assert_cmpuint (fe_study_get_warnings (fe_window_get_study (window))->len, ==, 0);
  correction = fe_column_corrections_find (fe_project_get_corrections (window->project),
                                           "amount");
  g_assert_true (correction->has_notation);
  g_assert_cmpint (correction->notation, ==, FE_NOTATION_DECIMAL_COMMA);
  maybe_save_screenshot (GTK_WIDGET (dialog), "columns-dialog-numbers-chosen.png");

  /* A way of writing numbers belongs to numbers: another role drops it. */
  {
    g_autoptr(FeColumnCorrection) as_text = NULL;

    as_text = fe_column_correction_with_role (fe_window_get_study (window),
                                              fe_columns_dialog_get_corrections (dialog),
                                              amount, FE_ROLE_TEXT, NULL);
    g_assert_nonnull (as_text);
    g_assert_false (as_text->has_notation);
  }

  /* Back to what the answers tell. */
  before = fe_window_get_study (window);
  fe_columns_dialog_choose_notation (dialog, "amount", FALSE, FE_NOTATION_DECIMAL_DOT);
  wait_for_reload (window, dialog, before);
  amount = fe_study_find_column (fe_window_get_study (window), "amount");
  g_assert_cmpfloat (amount->numbers[1], ==, 19037);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
dialog_has_error (gpointer data)
{
  return fe_columns_dialog_get_error (data) != NULL;
}

static void
test_refused_reload_is_undone (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeColumnsDialog *dialog;
  FeStudy *before;

  g_action_group_activate_action (G_ACTION_GROUP (window), "columns", NULL);
  g_assert_true (fe_test_wait_until (fe_app_test_toplevel_shown,
                                     GSIZE_TO_POINTER (FE_TYPE_COLUMNS_DIALOG)));
  dialog = find_dialog ();

  /* Consent as the respondent id: the coding file's respondents are then nowhere, so the data
   * refuse it; the window says so and the change is undone. */
  before = fe_window_get_study (window);
  g_assert_true (fe_columns_dialog_choose_role (dialog, "consent", FE_ROLE_ID));
  g_assert_true (fe_test_wait_until (dialog_has_error, dialog));
  g_assert_true (fe_window_get_study (window) == before);
  g_assert_cmpuint (fe_project_get_corrections (window->project)->len, ==, 0);
  g_assert_cmpuint (fe_columns_dialog_get_corrections (dialog)->len, ==, 0);
  g_assert_nonnull (strstr (fe_columns_dialog_get_error (dialog), "undone"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static FeColumnsDialog *
open_dialog (FeWindow *window)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), "columns", NULL);
  g_assert_true (fe_test_wait_until (fe_app_test_toplevel_shown,
                                     GSIZE_TO_POINTER (FE_TYPE_COLUMNS_DIALOG)));
  return find_dialog ();
}

static void
test_reset_asks_first (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeColumnsDialog *dialog = open_dialog (window);
  GtkWidget *reset = find_button (GTK_WIDGET (dialog), "columns.reset");
  GtkWidget *focus;
  AdwMessageDialog *question;
  FeStudy *before;

  /* Nothing to reset yet. */
  g_assert_nonnull (reset);
  g_assert_false (gtk_widget_is_sensitive (reset));
  before = fe_window_get_study (window);
  g_assert_true (fe_columns_dialog_choose_role (dialog, "role", FE_ROLE_IGNORE));
  wait_for_reload (window, dialog, before);
  g_assert_true (gtk_widget_is_sensitive (reset));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Opened again with a correction to lose, Reset All is there but has not the focus: a column
   * has. */
  dialog = open_dialog (window);
  reset = find_button (GTK_WIDGET (dialog), "columns.reset");
  g_assert_true (gtk_widget_is_sensitive (reset));
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_nonnull (focus);
  g_assert_false (focus == reset || gtk_widget_is_ancestor (focus, reset));
  g_assert_true (gtk_widget_is_ancestor (focus, fe_app_test_find_widget (
                                                  GTK_WIDGET (dialog),
                                                  ADW_TYPE_PREFERENCES_GROUP)));
  g_assert_null (gtk_window_get_default_widget (GTK_WINDOW (dialog)));

  /* Asked, and cancelled (Escape or Enter do the same): nothing changes. */
  question = ask_to_reset (dialog);
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_close_response (question), ==, "cancel");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (question, "reset"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  maybe_save_screenshot (GTK_WIDGET (question), "columns-reset-question.png");
  answer (question, "cancel");
  fe_app_test_settle (50);
  g_assert_false (fe_window_is_loading (window));
  g_assert_cmpuint (fe_columns_dialog_get_corrections (dialog)->len, ==, 1);
  g_assert_cmpuint (fe_project_get_corrections (window->project)->len, ==, 1);

  /* Asked and confirmed: every column as the codebook says. */
  before = fe_window_get_study (window);
  answer (ask_to_reset (dialog), "reset");
  wait_for_reload (window, dialog, before);
  g_assert_cmpuint (fe_project_get_corrections (window->project)->len, ==, 0);
  g_assert_cmpint (fe_study_find_column (fe_window_get_study (window), "role")->role, ==,
                   FE_ROLE_ATTRIBUTE);
  g_assert_false (gtk_widget_is_sensitive (reset));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app/columns/template", test_template_instantiates);
  g_test_add_func ("/app/columns/apply-at-once", test_corrections_apply_at_once);
  g_test_add_func ("/app/columns/refused-reload-is-undone", test_refused_reload_is_undone);
  g_test_add_func ("/app/columns/reset-asks-first", test_reset_asks_first);
  g_test_add_func ("/app/columns/numbers-written-as", test_numbers_written_as);
  return g_test_run ();
}
