/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fe-attribution.h"
#include "fe-project.h"
#include "fe-study.h"
#include "fe-test-util.h"

static const char responses_csv[] =
  "id,force,answer\n"
  "1,Gwent,\"Yes; and more\"\n"
  "2,Gwent,No\n"
  "3,North,Maybe\n";

static void
test_round_trip (void)
{
  g_autofree char *responses = fe_test_write_file ("responses.csv", responses_csv, -1);
  g_autofree char *dir = g_path_get_dirname (responses);
  g_autofree char *path = g_build_filename (dir, "study.findings", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FeProject) project = fe_project_new ();
  g_autoptr(FeProject) reopened = NULL;
  g_autoptr(FeStudy) study = NULL;
  FeSavedView *view = fe_saved_view_new ();
  const char *levels[] = { "Gwent", "North;West", NULL };
  g_autofree char *contents = NULL;

  study = fe_study_load (responses, NULL, NULL, &error);
  g_assert_no_error (error);
  fe_project_set_data_files (project, responses, NULL, NULL);
  fe_project_remember_study (project, study);
  fe_project_set_min_cell (project, 3);
  view->title = g_strdup ("Who said yes");
  view->takeaway = g_strdup ("Gwent, mostly; see the quotes.");
  view->question = g_strdup ("answer");
  view->by = g_strdup ("force");
  fe_saved_view_add_filter (view, "force", levels);
  fe_saved_view_add_star (view, "1", "answer", "Yes; and more");
  fe_project_add_view (project, view);
  g_assert_true (fe_project_get_modified (project));

  g_assert_true (fe_project_save (project, path, &error));
  g_assert_no_error (error);
  g_assert_false (fe_project_get_modified (project));

  /* The data are referred to relatively, so that project and data can move together. */
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "responses=responses.csv"));

  reopened = fe_project_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fe_project_get_responses (reopened), ==, responses);
  g_assert_cmpuint (fe_project_get_min_cell (reopened), ==, 3);
  g_assert_cmpuint (fe_project_get_n_views (reopened), ==, 1);
  view = fe_project_get_view (reopened, 0);
  g_assert_cmpstr (view->title, ==, "Who said yes");
  g_assert_cmpstr (view->takeaway, ==, "Gwent, mostly; see the quotes.");
  g_assert_cmpstr (view->by, ==, "force");
  g_assert_cmpuint (view->filters->len, ==, 1);
  g_assert_cmpstr (((FeViewFilter *) g_ptr_array_index (view->filters, 0))->levels[1], ==,
                   "North;West");
  g_assert_cmpuint (view->starred->len, ==, 1);
  g_assert_cmpstr (((FeStarredQuote *) g_ptr_array_index (view->starred, 0))->text, ==,
                   "Yes; and more");

  {
    g_autoptr(FeStudy) again = fe_project_load_study (reopened, &error);

    g_assert_no_error (error);
    g_assert_nonnull (again);
  }
}

static void
test_changed_data_is_refused (void)
{
  g_autofree char *responses = fe_test_write_file ("changing.csv", responses_csv, -1);
  g_autofree char *dir = g_path_get_dirname (responses);
  g_autofree char *path = g_build_filename (dir, "changing.findings", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FeProject) project = fe_project_new ();
  g_autoptr(FeProject) reopened = NULL;
  g_autoptr(FeStudy) study = fe_study_load (responses, NULL, NULL, &error);
  g_autoptr(FeStudy) changed = NULL;
  g_autofree char *fewer = NULL;

  g_assert_no_error (error);
  fe_project_set_data_files (project, responses, NULL, NULL);
  fe_project_remember_study (project, study);
  g_assert_true (fe_project_save (project, path, &error));

  /* A column went missing. */
  g_free (fe_test_write_file ("changing.csv", "id,answer\n1,Yes\n2,No\n3,Maybe\n", -1));
  reopened = fe_project_load (path, &error);
  g_assert_no_error (error);
  changed = fe_project_load_study (reopened, &error);
  g_assert_null (changed);
  g_assert_error (error, FE_PROJECT_ERROR, FE_PROJECT_ERROR_CHANGED);
  g_assert_nonnull (strstr (error->message, "force"));
  g_clear_error (&error);

  /* The file moved away. */
  g_remove (responses);
  changed = fe_project_load_study (reopened, &error);
  g_assert_null (changed);
  g_assert_error (error, FE_PROJECT_ERROR, FE_PROJECT_ERROR_MISSING_FILE);
  g_assert_nonnull (strstr (error->message, "changing.csv"));
}

static void
test_save_failure_keeps_the_old_file (void)
{
  g_autoptr(FeProject) project = fe_project_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (fe_project_save (project, "/nonexistent-dir/x.findings", &error));
  g_assert_error (error, FE_PROJECT_ERROR, FE_PROJECT_ERROR_INVALID);
}

static void
test_small_group_attribution (void)
{
  g_autofree char *responses = fe_test_write_file ("attribution.csv", responses_csv, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = fe_study_load (responses, NULL, NULL, &error);
  g_autofree char *open = NULL;
  g_autofree char *gwent = NULL;
  g_autofree char *north = NULL;

  g_assert_no_error (error);
  open = fe_study_dup_attribution_k (study, 2, 0);
  gwent = fe_study_dup_attribution_k (study, 0, 2);
  north = fe_study_dup_attribution_k (study, 2, 2);
  g_assert_cmpstr (open, ==, "Participant 3, North");
  g_assert_cmpstr (gwent, ==, "Participant 1, Gwent");
  g_assert_cmpstr (north, ==, "a participant");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/project/round-trip", test_round_trip);
  g_test_add_func ("/core/project/changed-data", test_changed_data_is_refused);
  g_test_add_func ("/core/project/save-failure", test_save_failure_keeps_the_old_file);
  g_test_add_func ("/core/project/small-group-attribution", test_small_group_attribution);
  return g_test_run ();
}
