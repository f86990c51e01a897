/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Data check page: opened from the window, it shows each column's role and the reason for
 * it; its Split button reloads the study with the answers read as multiple choice, and Make a
 * Level takes a typed-in answer out of "Other". */
#include <adwaita.h>
#include <string.h>

#include "fe-app-test-util.h"
#include "fe-data-check.h"
#include "fe-test-sav.h"
#include "fe-test-util.h"
#include "fe-window-private.h"

/* 60 respondents: a frequency scale, a town with rare typed-in answers folded into Other, and
 * answers with commas kept whole though they may be joined choices. */
static char *
write_study (void)
{
  static const char * const often[] = { "Never", "Sometimes", "Often", "Always", "Don't know" };
  static const char * const towns[] = { "Cardiff", "Swansea", "Newport" };
  static const char * const rare[] = { "Rhyl", "Bangor", "Wrexham", "Tenby", "Bala", "Conwy" };
  static const char * const rude[] = { "Yes, somewhat", "Yes, very", "No, not really",
                                       "No, never", "Yes" };
  g_autoptr(GString) csv = g_string_new ("id,often,town,rude\n");

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (csv, "%u,%s,%s,\"%s\"\n", i + 1, often[i % 5],
                            i < 54 ? towns[i % 3] : rare[i - 54], rude[i % 5]);
  return fe_test_write_file ("check.csv", csv->str, -1);
}

static FeDataCheck *
find_page (void)
{
  return fe_app_test_find_toplevel (FE_TYPE_DATA_CHECK);
}

/* Whether a label inside @widget reads @text: what the researcher sees, not what the page
 * was told. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static void
test_template_instantiates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = fe_study_load_sample (&error);
  FeDataCheck *page;

  g_assert_no_error (error);
  page = fe_data_check_new (NULL, study, NULL);
  g_assert_true (FE_IS_DATA_CHECK (page));
  g_assert_nonnull (fe_data_check_get_column_row (page, "force"));
  gtk_window_destroy (GTK_WINDOW (page));
}

/* The case weight the file declares, and the respondents it leaves out of weighted
 * percentages, how many and why: never silently. */
static void
test_weight (void)
{
  g_autofree char *path = fe_test_write_weighted_survey ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = fe_study_load (path, NULL, NULL, &error);
  g_autofree char *said = NULL;
  FeDataCheck *page;

  g_assert_no_error (error);
  said = fe_study_describe_weight (study);
  page = fe_data_check_new (NULL, study, NULL);
  g_assert_true (shows_text (GTK_WIDGET (page), said));
  g_assert_nonnull (strstr (said, "3 respondents weigh nothing in weighted percentages"));
  gtk_window_destroy (GTK_WINDOW (page));
}

typedef struct
{
  FeWindow    *window;
  FeDataCheck *page;
  FeStudy     *before;
} Reload;

static gboolean
reloaded (gpointer data)
{
  Reload *reload = data;

  return !fe_window_is_loading (reload->window)
         && fe_window_get_study (reload->window) != reload->before
         && fe_data_check_get_study (reload->page) == fe_window_get_study (reload->window);
}

static void
test_roles_reasons_and_split (void)
{
  g_autofree char *path = write_study ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FeWindow *window = fe_app_test_open_window (file);
  FeDataCheck *page;
  GtkWidget *row;
  Reload reload;

  g_action_group_activate_action (G_ACTION_GROUP (window), "data-check", NULL);
  g_assert_true (fe_test_wait_until (fe_app_test_toplevel_shown,
                                     GSIZE_TO_POINTER (FE_TYPE_DATA_CHECK)));
  page = find_page ();
  g_assert_true (fe_data_check_get_study (page) == fe_window_get_study (window));

  row = fe_data_check_get_column_row (page, "often");
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  g_assert_true (shows_text (row, "Ordered Scale: a known answer scale · 60 answered"));
  /* The scale's levels in order, "Don't know" after it and said to be outside it. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_assert_true (shows_text (row, "Never"));
  g_assert_true (shows_text (row, "Outside the scale"));

  row = fe_data_check_get_column_row (page, "town");
  g_assert_true (shows_text (row, "6 different answers went into “Other”."));

  row = fe_data_check_get_column_row (page, "rude");
  g_assert_true (shows_text (row, "These answers may be several choices joined by commas: "
                                  "split them?"));

  /* Split: the study loads again with the answers as multiple choice, remembered. */
  reload = (Reload) { window, page, fe_window_get_study (window) };
  g_assert_true (fe_data_check_split (page, "rude"));
  g_assert_true (fe_test_wait_until (reloaded, &reload));
  g_assert_cmpint (fe_study_find_column (fe_window_get_study (window), "rude")->role, ==,
                   FE_ROLE_MULTI);
  g_assert_nonnull (fe_column_corrections_find (fe_project_get_corrections (window->project),
                                                "rude"));
  row = fe_data_check_get_column_row (page, "rude");
  g_assert_true (shows_text (row, "Multiple Choice: set by a correction · 60 answered"));

  /* Make a Level: one typed-in answer leaves "Other" and is counted on its own. */
  row = fe_data_check_get_column_row (page, "town");
  g_assert_true (shows_text (row, "Tenby"));
  reload = (Reload) { window, page, fe_window_get_study (window) };
  fe_data_check_promote (page, "town", "Tenby");
  g_assert_true (fe_test_wait_until (reloaded, &reload));
  {
    FeColumn *town = fe_study_find_column (fe_window_get_study (window), "town");

    g_assert_cmpint (fe_column_find_level (town, "Tenby"), ==, 3);
    g_assert_cmpint (town->other_level, ==, 4);
    g_assert_cmpuint (town->n_other_values, ==, 5);
    /* Split is remembered beside it. */
    g_assert_cmpint (fe_study_find_column (fe_window_get_study (window), "rude")->role, ==,
                     FE_ROLE_MULTI);
  }
  row = fe_data_check_get_column_row (page, "town");
  g_assert_true (shows_text (row, "5 different answers went into “Other”."));

  gtk_window_destroy (GTK_WINDOW (page));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A long list folds its rare answers into "Other" on request, and unfolds again. */
static void
test_fold_long_list (void)
{
  g_autoptr(GString) csv = g_string_new ("id,unit\n");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  FeWindow *window;
  FeDataCheck *page;
  FeColumn *unit;
  GtkWidget *row;
  Reload reload;

  /* Twelve units of five respondents, then four of one each: 16 levels. */
  for (guint i = 0; i < 64; i++)
    g_string_append_printf (csv, "%u,Unit %u\n", i + 1, i < 60 ? i % 12 + 1 : i - 47);
  path = fe_test_write_file ("units.csv", csv->str, -1);
  file = g_file_new_for_path (path);
  window = fe_app_test_open_window (file);
  g_action_group_activate_action (G_ACTION_GROUP (window), "data-check", NULL);
  g_assert_true (fe_test_wait_until (fe_app_test_toplevel_shown,
                                     GSIZE_TO_POINTER (FE_TYPE_DATA_CHECK)));
  page = find_page ();
  g_assert_cmpuint (fe_column_get_n_levels (fe_study_find_column (fe_window_get_study (window),
                                                                  "unit")), ==, 16);
  row = fe_data_check_get_column_row (page, "unit");
  g_assert_true (shows_text (row, "Many different answers: fold the rare ones into “Other”?"));

  reload = (Reload) { window, page, fe_window_get_study (window) };
  fe_data_check_fold (page, "unit", 3);
  g_assert_true (fe_test_wait_until (reloaded, &reload));
  unit = fe_study_find_column (fe_window_get_study (window), "unit");
  g_assert_cmpuint (fe_column_get_n_levels (unit), ==, 13);
  g_assert_cmpint (unit->other_level, ==, 12);
  g_assert_cmpuint (unit->n_other_values, ==, 4);
  row = fe_data_check_get_column_row (page, "unit");
  g_assert_true (shows_text (row, "Answers given by fewer than 3 respondents are folded into "
                                  "“Other”."));

  reload = (Reload) { window, page, fe_window_get_study (window) };
  fe_data_check_fold (page, "unit", 0);
  g_assert_true (fe_test_wait_until (reloaded, &reload));
  g_assert_cmpuint (fe_column_get_n_levels (fe_study_find_column (fe_window_get_study (window),
                                                                  "unit")), ==, 16);

  gtk_window_destroy (GTK_WINDOW (page));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app/data-check/template", test_template_instantiates);
  g_test_add_func ("/app/data-check/weight", test_weight);
  g_test_add_func ("/app/data-check/roles-reasons-split", test_roles_reasons_and_split);
  g_test_add_func ("/app/data-check/fold-long-list", test_fold_long_list);
  return g_test_run ();
}
