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
    g_autoptr(FeStudy) again = fe_project_load_study (reopened, NULL, &error);

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

  g_assert_no_error (error);
  fe_project_set_data_files (project, responses, NULL, NULL);
  fe_project_remember_study (project, study);
  g_assert_true (fe_project_save (project, path, &error));

  /* A column went missing. */
  g_free (fe_test_write_file ("changing.csv", "id,answer\n1,Yes\n2,No\n3,Maybe\n", -1));
  reopened = fe_project_load (path, &error);
  g_assert_no_error (error);
  changed = fe_project_load_study (reopened, NULL, &error);
  g_assert_null (changed);
  g_assert_error (error, FE_PROJECT_ERROR, FE_PROJECT_ERROR_CHANGED);
  g_assert_nonnull (strstr (error->message, "force"));
  g_clear_error (&error);

  /* The file moved away. */
  g_remove (responses);
  changed = fe_project_load_study (reopened, NULL, &error);
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
  g_autofree char *gwent_too = NULL;
  g_autoptr(FeAttributionRule) everything = NULL;
  g_autoptr(FeAttributionRule) one = NULL;
  g_autoptr(FeAttributionRule) two = NULL;

  g_assert_no_error (error);
  everything = fe_attribution_rule_new (study, NULL, 0);
  one = fe_attribution_rule_new (study, NULL, 1);
  two = fe_attribution_rule_new (study, NULL, 2);
  open = fe_attribution_rule_dup (everything, 2);
  gwent = fe_attribution_rule_dup (one, 0);
  north = fe_attribution_rule_dup (two, 2);
  /* Gwent (2) named beside North's one respondent unnamed would count North's quotes. */
  gwent_too = fe_attribution_rule_dup (two, 0);
  g_assert_cmpstr (open, ==, "Participant 3, North");
  g_assert_cmpstr (gwent, ==, "Participant 1, Gwent");
  g_assert_cmpstr (north, ==, "a participant");
  g_assert_cmpstr (gwent_too, ==, "a participant");
}

/* A study without attributes names nobody's group, and so needs nobody anonymous. */
static void
test_attribution_without_attributes (void)
{
  g_autofree char *responses = fe_test_write_file ("no-attributes.csv",
                                                   "id,comment\n1,Fine\n2,Slow\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = fe_study_load (responses, NULL, NULL, &error);
  g_autoptr(FeAttributionRule) rule = NULL;
  g_autofree char *first = NULL;

  g_assert_no_error (error);
  rule = fe_attribution_rule_new (study, NULL, 5);
  first = fe_attribution_rule_dup (rule, 0);
  g_assert_cmpstr (first, ==, "Participant 1");
}

/* 150 respondents: a force, a grade and a free-text comment each. */
static char *
write_corrections_survey (const char *name)
{
  static const char * const forces[] = { "Gwent", "North", "South" };
  static const char * const grades[] = { "A", "B", "C" };
  g_autoptr(GString) csv = g_string_new ("id,force,grade,comment\n");

  for (guint i = 0; i < 150; i++)
    g_string_append_printf (csv, "%u,%s,%s,\"Answer number %u, written at some length so that "
                            "it reads as an open answer rather than a category\"\n",
                            i + 1, forces[i % 3], grades[(i / 3) % 3], i + 1);
  return fe_test_write_file (name, csv->str, (gssize) csv->len);
}

static void
assert_levels (FeColumn    *column,
               const char  *expected)
{
  g_autoptr(GString) levels = g_string_new (NULL);

  for (guint l = 0; l < fe_column_get_n_levels (column); l++)
    g_string_append_printf (levels, "%s%s", l ? "|" : "", fe_column_get_level (column, l));
  g_assert_cmpstr (levels->str, ==, expected);
}

static void
test_corrections_round_trip (void)
{
  g_autofree char *responses = write_corrections_survey ("corrected.csv");
  g_autofree char *dir = g_path_get_dirname (responses);
  g_autofree char *path = g_build_filename (dir, "corrected.findings", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) plain = fe_study_load (responses, NULL, NULL, &error);
  g_autoptr(FeProject) project = NULL;
  g_autoptr(FeProject) reopened = NULL;
  g_autoptr(FeStudy) corrected = NULL;
  g_autoptr(GPtrArray) corrections = fe_column_corrections_new ();
  g_autofree char *contents = NULL;
  const char *order[] = { "South", "North", NULL };
  FeColumnCorrection *force, *grade;
  FeColumn *column;

  g_assert_no_error (error);
  g_assert_cmpint (fe_study_find_column (plain, "grade")->role, ==, FE_ROLE_ATTRIBUTE);
  assert_levels (fe_study_find_column (plain, "force"), "Gwent|North|South");

  project = fe_project_new_for_data (responses, NULL, NULL, plain);
  g_assert_true (fe_project_save (project, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fe_project_get_corrections (project)->len, ==, 0);

  force = fe_column_corrections_ensure (corrections, "force");
  fe_column_correction_set_label (force, "Police force");
  fe_column_correction_set_levels (force, order);
  grade = fe_column_corrections_ensure (corrections, "grade");
  fe_column_correction_set_role (grade, FE_ROLE_ORDINAL);
  grade->fold_below = 3;
  fe_column_correction_set_notation (grade, FE_NOTATION_DECIMAL_COMMA);
  fe_column_corrections_ensure (corrections, "comment");  /* empty: left out */
  fe_project_set_corrections (project, corrections);
  g_assert_true (fe_project_get_modified (project));
  g_assert_cmpuint (fe_project_get_corrections (project)->len, ==, 2);
  g_assert_true (fe_project_save (project, path, &error));
  g_assert_no_error (error);

  /* Setting the same corrections again changes nothing. */
  fe_project_set_corrections (project, corrections);
  g_assert_false (fe_project_get_modified (project));

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "column=force"));
  g_assert_nonnull (strstr (contents, "levels=South;North;"));
  g_assert_nonnull (strstr (contents, "role=ordinal"));
  g_assert_nonnull (strstr (contents, "fold-below=3"));
  g_assert_nonnull (strstr (contents, "numbers=1.234,5"));

  reopened = fe_project_load (path, &error);
  g_assert_no_error (error);
  g_assert_true (fe_column_corrections_equal (fe_project_get_corrections (reopened),
                                              fe_project_get_corrections (project)));

  corrected = fe_project_load_study (reopened, NULL, &error);
  g_assert_no_error (error);
  column = fe_study_find_column (corrected, "force");
  g_assert_cmpstr (column->label, ==, "Police force");
  assert_levels (column, "South|North|Gwent");
  /* Each respondent keeps their answer under the new order. */
  g_assert_cmpstr (fe_study_get_level_label (corrected, column, 0), ==, "Gwent");
  g_assert_cmpstr (fe_study_get_level_label (corrected, column, 2), ==, "South");
  g_assert_cmpuint (fe_bitset_count (g_ptr_array_index (column->level_rows, 0)), ==, 50);
  g_assert_true (fe_bitset_get (g_ptr_array_index (column->level_rows, 0), 2));
  g_assert_cmpint (fe_study_find_column (corrected, "grade")->role, ==, FE_ROLE_ORDINAL);

  /* A fold undone in the reopened project stays undone once saved: the loaded file's
   * "fold-below" is the app's own key, never kept as one it does not know. */
  {
    g_autoptr(GPtrArray) unfolded = fe_column_corrections_copy (
      fe_project_get_corrections (reopened));
    g_autoptr(FeProject) saved_again = NULL;

    fe_column_corrections_find (unfolded, "grade")->fold_below = 0;
    fe_project_set_corrections (reopened, unfolded);
    g_assert_true (fe_project_save (reopened, path, &error));
    g_assert_no_error (error);
    saved_again = fe_project_load (path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (fe_column_corrections_find (fe_project_get_corrections (saved_again),
                                                  "grade")->fold_below, ==, 0);
  }

  /* The caller's corrections go over the project's. */
  {
    g_autoptr(GPtrArray) more = fe_column_corrections_new ();
    g_autoptr(FeStudy) again = NULL;
    FeLoadOptions options = { .corrections = more };

    fe_column_correction_set_role (fe_column_corrections_ensure (more, "grade"),
                                   FE_ROLE_CHOICE);
    again = fe_project_load_study (reopened, &options, &error);
    g_assert_no_error (error);
    g_assert_cmpint (fe_study_find_column (again, "grade")->role, ==, FE_ROLE_CHOICE);
    g_assert_cmpstr (fe_study_find_column (again, "force")->label, ==, "Police force");
  }
}

static void
test_bad_corrections (void)
{
  g_autofree char *responses = write_corrections_survey ("bad-corrections.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = fe_study_load (responses, NULL, NULL, &error);
  g_autoptr(FeColumnCorrection) east = fe_column_correction_new ("force");
  g_autoptr(FeColumnCorrection) ordinal = fe_column_correction_new ("comment");
  g_autoptr(FeColumnCorrection) nowhere = fe_column_correction_new ("nowhere");
  g_autoptr(GPtrArray) corrections = fe_column_corrections_new ();
  const char *levels[] = { "North", "East", NULL };
  FeLoadOptions options = { .corrections = corrections };

  g_assert_no_error (error);
  fe_column_correction_set_levels (east, levels);
  fe_column_correction_set_role (ordinal, FE_ROLE_ORDINAL);

  /* Checked against the study on screen... */
  g_assert_false (fe_study_check_correction (study, east, &error));
  g_assert_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CORRECTION);
  g_assert_nonnull (strstr (error->message, "“East”"));
  g_assert_nonnull (strstr (error->message, "Gwent, North, South"));
  g_clear_error (&error);
  g_assert_false (fe_study_check_correction (study, ordinal, &error));
  g_assert_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CORRECTION);
  g_assert_nonnull (strstr (error->message, "comment"));
  g_clear_error (&error);
  g_assert_false (fe_study_check_correction (study, nowhere, &error));
  g_assert_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CORRECTION);
  g_clear_error (&error);

  /* ...and when loading. */
  g_ptr_array_add (corrections, fe_column_correction_copy (east));
  g_assert_null (fe_study_load_full (responses, NULL, NULL, &options, &error));
  g_assert_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CORRECTION);
  g_assert_nonnull (strstr (error->message, "“East”"));
  g_clear_error (&error);
  g_ptr_array_set_size (corrections, 0);
  g_ptr_array_add (corrections, fe_column_correction_copy (ordinal));
  g_assert_null (fe_study_load_full (responses, NULL, NULL, &options, &error));
  g_assert_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CORRECTION);
  g_clear_error (&error);

  /* A column that is gone is only a warning. */
  g_ptr_array_set_size (corrections, 0);
  g_ptr_array_add (corrections, fe_column_correction_copy (nowhere));
  {
    g_autoptr(FeStudy) loaded = fe_study_load_full (responses, NULL, NULL, &options, &error);
    GPtrArray *warnings;

    g_assert_no_error (error);
    warnings = fe_study_get_warnings (loaded);
    g_assert_cmpuint (warnings->len, ==, 1);
    g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "nowhere"));
  }

  /* A project file with a role that is not one. */
  {
    g_autofree char *path = fe_test_write_file ("bad-role.findings",
                                                "[Project]\nresponses=bad-corrections.csv\n\n"
                                                "[Column 1]\ncolumn=force\nrole=category\n", -1);

    g_assert_null (fe_project_load (path, &error));
    g_assert_error (error, FE_PROJECT_ERROR, FE_PROJECT_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "category"));
  }
}

/* Project files and codebooks name roles by these words: they must never change. */
static void
test_role_names (void)
{
  static const char * const names[] = {
    [FE_ROLE_ID] = "id",
    [FE_ROLE_ATTRIBUTE] = "attribute",
    [FE_ROLE_ORDINAL] = "ordinal",
    [FE_ROLE_CHOICE] = "choice",
    [FE_ROLE_MULTI] = "multi",
    [FE_ROLE_TEXT] = "text",
    [FE_ROLE_IGNORE] = "ignore",
  };
  FeRole role;

  for (FeRole r = FE_ROLE_ID; r <= FE_ROLE_IGNORE; r++)
    {
      g_assert_cmpstr (fe_role_to_string (r), ==, names[r]);
      g_assert_true (fe_role_from_string (names[r], &role));
      g_assert_cmpint (role, ==, r);
    }
  /* Written by hand in a codebook's role column. */
  g_assert_true (fe_role_from_string ("Ordinal", &role));
  g_assert_cmpint (role, ==, FE_ROLE_ORDINAL);
  g_assert_false (fe_role_from_string ("category", &role));
}

/* A way of writing numbers the app does not know is refused, with what to write instead. */
static void
test_bad_notation (void)
{
  g_autofree char *responses = fe_test_write_file ("notation.csv", responses_csv, -1);
  g_autofree char *path = fe_test_write_file ("notation.findings",
                                              "[Project]\nversion=1\nresponses=notation.csv\n"
                                              "\n[Column 1]\ncolumn=force\nnumbers=1 234\n",
                                              -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(FeProject) project = fe_project_load (path, &error);

  g_assert_null (project);
  g_assert_error (error, FE_PROJECT_ERROR, FE_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“1 234” is not a way of writing numbers"));
}

static void
test_title_and_translations_kept (void)
{
  /* The data the project names, beside it. */
  g_autofree char *responses = fe_test_write_file ("titled.csv", responses_csv, -1);
  g_autofree char *path = fe_test_write_file (
    "titled.findings",
    "# Kept as it is.\n"
    "[Project]\n"
    "version=1\n"
    "title=Vulnerability and sex work\n"
    "title[cy]=Bregusrwydd a gwaith rhyw\n"
    "responses=titled.csv\n"
    "presenter=Someone\n"
    "min-cell=5\n"
    "\n"
    "[View 1]\n"
    "title=Who said yes\n"
    "title[cy]=Pwy ddywedodd ie\n"
    "question=answer\n"
    "\n"
    "[Column 1]\n"
    "column=force\n"
    "label=Force\n"
    "label[cy]=Heddlu\n"
    "\n"
    "[Later]\n"
    "thing=kept\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(FeProject) project = fe_project_load (path, &error);
  g_autoptr(FeProject) reopened = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));

  g_assert_true (g_file_test (responses, G_FILE_TEST_IS_REGULAR));

  g_assert_no_error (error);
  g_assert_cmpstr (fe_project_get_title (project), ==, "Vulnerability and sex work");
  g_assert_cmpstr (fe_project_get_localized_title (project), ==, "Vulnerability and sex work");
  g_assert_cmpstr (fe_project_get_view (project, 0)->title, ==, "Who said yes");

  fe_project_set_min_cell (project, 3);
  g_assert_true (fe_project_save (project, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "# Kept as it is."));
  g_assert_nonnull (strstr (contents, "title=Vulnerability and sex work\n"));
  g_assert_nonnull (strstr (contents, "title[cy]=Bregusrwydd a gwaith rhyw\n"));
  g_assert_nonnull (strstr (contents, "presenter=Someone\n"));
  g_assert_nonnull (strstr (contents, "title[cy]=Pwy ddywedodd ie\n"));
  g_assert_nonnull (strstr (contents, "label[cy]=Heddlu\n"));
  g_assert_nonnull (strstr (contents, "[Later]\nthing=kept\n"));
  g_assert_nonnull (strstr (contents, "min-cell=3\n"));

  /* In Welsh, the Welsh title. */
  g_setenv ("LANGUAGE", "cy", TRUE);
  reopened = fe_project_load (path, &error);
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  g_assert_no_error (error);
  g_assert_cmpstr (fe_project_get_title (reopened), ==, "Vulnerability and sex work");
  g_assert_cmpstr (fe_project_get_localized_title (reopened), ==, "Bregusrwydd a gwaith rhyw");
  fe_project_set_title (reopened, "Another title");
  g_assert_true (fe_project_get_modified (reopened));
  g_assert_cmpstr (fe_project_get_localized_title (reopened), ==, "Another title");
  fe_project_set_title (reopened, NULL);
  g_assert_true (fe_project_save (reopened, path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_null (strstr (contents, "title=Vulnerability"));
}

/* Saving rewrote version=2 as 1 and dropped the comments inside views. */
static void
test_version_and_view_comments_kept (void)
{
  /* The data the project names, beside it. */
  g_autofree char *responses = fe_test_write_file ("versioned.csv", responses_csv, -1);
  g_autofree char *path = fe_test_write_file (
    "versioned.findings",
    "[Project]\n"
    "version=2\n"
    "responses=versioned.csv\n"
    "\n"
    "[View 1]\n"
    "title=Dropped\n"
    "# About the dropped view.\n"
    "question=answer\n"
    "# Above the kept view.\n"
    "[View 2]\n"
    "title=Kept\n"
    "# Counts, because the groups are tiny.\n"
    "measure=count\n"
    "question=answer\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(FeProject) project = fe_project_load (path, &error);
  g_autoptr(FeStudy) study = NULL;
  g_autofree char *contents = NULL;
  GPtrArray *warnings;

  g_assert_true (g_file_test (responses, G_FILE_TEST_IS_REGULAR));

  g_assert_no_error (error);
  warnings = fe_project_get_warnings (project);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "versioned.findings was saved by a newer Findings Explorer (project version "
                   "2; this one knows version 1). What this one does not know is kept as it is "
                   "but not used; saving keeps version 2.");
  study = fe_project_load_study (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_ptr_array_find_with_equal_func (fe_study_get_warnings (study),
                                                   g_ptr_array_index (warnings, 0),
                                                   g_str_equal, NULL));

  fe_project_remove_view (project, 0);
  g_assert_true (fe_project_save (project, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "version=2\n"));
  g_assert_null (strstr (contents, "version=1"));
  g_assert_nonnull (strstr (contents, "# Above the kept view.\n[View 1]\ntitle=Kept\n"));
  g_assert_nonnull (strstr (contents, "# Counts, because the groups are tiny.\nmeasure=count\n"));
  g_assert_null (strstr (contents, "About the dropped view"));
  g_assert_null (strstr (contents, "[View 2]"));
}

/* A table outside the project's folder is read, with a warning: a shared project must not
 * quietly read any file of its reader's. */
static void
test_tables_outside_the_folder (void)
{
  g_autofree char *outside = fe_test_write_file ("outside.csv", responses_csv, -1);
  g_autofree char *folder = fe_test_temp_path ("project");
  g_autofree char *inside = g_build_filename (folder, "data", "inside.csv", NULL);
  const struct
  {
    const char *name;
    const char *responses;
    const char *warning;
  } cases[] = {
    { "project/inside.findings", "data/inside.csv", NULL },
    { "project/up.findings", "../outside.csv", "outside.csv" },
    { "project/sneaky.findings", "data/../../outside.csv", "outside.csv" },
    { "project/absolute.findings", outside, "outside.csv" },
    { "project/absolute-inside.findings", inside, NULL },
  };

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  {
    g_autofree char *data = g_build_filename (folder, "data", NULL);

    g_assert_cmpint (g_mkdir_with_parents (data, 0700), ==, 0);
    g_assert_true (g_file_set_contents (inside, responses_csv, -1, NULL));
  }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("[Project]\nversion=1\nresponses=%s\n",
                                               cases[i].responses);
      g_autofree char *path = fe_test_write_file (cases[i].name, text, -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(FeProject) project = fe_project_load (path, &error);
      g_autoptr(FeStudy) study = NULL;
      GPtrArray *warnings;

      g_assert_no_error (error);
      warnings = fe_project_get_warnings (project);
      study = fe_project_load_study (project, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (fe_study_get_n_respondents (study), ==, 3);
      if (cases[i].warning == NULL)
        {
          g_assert_cmpuint (warnings->len, ==, 0);
          continue;
        }
      g_assert_cmpuint (warnings->len, ==, 1);
      {
        g_autofree char *base = g_path_get_basename (path);
        g_autofree char *expected = g_strdup_printf (
          "%s reads its responses from %s, outside the project's folder. It is read all the "
          "same, but a copy of the project will not find it: keep the tables beside the "
          "project.", base, outside);

        g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==, expected);
      }
    }
}

/* The sample's views speak Welsh when asked, and English otherwise. */
static void
test_view_translations (void)
{
  g_autofree char *dir = fe_study_find_sample_dir ();
  g_autofree char *path = g_build_filename (dir, "sample.findings", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FeProject) project = fe_project_load (path, &error);
  FeSavedView *view;

  g_assert_no_error (error);
  view = fe_project_get_view (project, 0);
  g_assert_cmpstr (fe_saved_view_get_localized (view, "title", NULL), ==, view->title);
  g_assert_cmpstr (fe_saved_view_get_localized (view, "title", "en"), ==, view->title);
  g_assert_true (g_str_has_prefix (fe_saved_view_get_localized (view, "title", "cy"),
                                   "Nid oedd y rhan fwyaf"));
  g_assert_cmpstr (fe_saved_view_get_localized (view, "title", "cy_GB.UTF-8"), ==,
                   fe_saved_view_get_localized (view, "title", "cy"));
  g_assert_true (g_str_has_prefix (fe_saved_view_get_localized (view, "takeaway", "cy"),
                                   "Nid oedd 56"));
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
  g_test_add_func ("/core/project/attribution-without-attributes",
                   test_attribution_without_attributes);
  g_test_add_func ("/core/project/corrections-round-trip", test_corrections_round_trip);
  g_test_add_func ("/core/project/bad-corrections", test_bad_corrections);
  g_test_add_func ("/core/project/role-names", test_role_names);
  g_test_add_func ("/core/project/bad-notation", test_bad_notation);
  g_test_add_func ("/core/project/title-and-translations", test_title_and_translations_kept);
  g_test_add_func ("/core/project/view-translations", test_view_translations);
  g_test_add_func ("/core/project/version-and-view-comments",
                   test_version_and_view_comments_kept);
  g_test_add_func ("/core/project/tables-outside-the-folder", test_tables_outside_the_folder);
  return g_test_run ();
}
