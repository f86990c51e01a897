/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>

#include "fe-filter.h"
#include "fe-quote.h"
#include "fe-study.h"
#include "fe-tally.h"
#include "fe-test-util.h"

static const char responses_csv[] =
  "participant,consent,force,training,fit,reasons,themes\n"
  "1,Yes,Gwent Police,Yes,Very,\"Drugs, mostly; and money\",a;b\n"
  "2,Yes,South Wales Police,No,Extremely,Lone working at night,b\n"
  "3,Yes,,,,,\n"
  "4,Yes,Gwent Police,No,Not at all,They are exploited,a;c\n"
  "5,Yes,South Wales Police,No,Slightly,,\n";

static const char codebook_csv[] =
  "column,role,label,levels,quotes_from\n"
  "participant,id,Participant,,\n"
  "consent,ignore,Consent,,\n"
  "force,attribute,Force,South Wales Police|Gwent Police|North Wales Police,\n"
  "training,choice,Trained?,Yes|No,reasons\n"
  "fit,ordinal,How well does it fit?,Not at all|Slightly|Moderately|Very|Extremely,\n"
  "reasons,text,Why?,Substance use|Exploitation,\n"
  "themes,multi,Themes,,\n";

static const char coding_csv[] =
  "respondent,question,code,excerpt,note\n"
  "1,reasons,Substance use,\"Drugs, mostly\",quoted\n"
  "1,reasons,Financial issues,and money,\n"
  "1,reasons,Substance use,\"Drugs, mostly\",\n"
  "4,reasons,Exploitation,,illustrative\n"
  "4,reasons,Lone working,,\n"
  "2,reasons,Lone working,,\n";

static FeStudy *
load_study (const char *codebook,
            const char *coding)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *responses_path = fe_test_write_file ("responses.csv", responses_csv, -1);
  g_autofree char *codebook_path = codebook ? fe_test_write_file ("codebook.csv", codebook, -1)
                                            : NULL;
  g_autofree char *coding_path = coding ? fe_test_write_file ("coding.csv", coding, -1) : NULL;
  FeStudy *study = fe_study_load (responses_path, codebook_path, coding_path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (study);
  return study;
}

static guint
count_of (FeStudy    *study,
          const char *question_id,
          const char *level)
{
  FeColumn *question = fe_study_find_column (study, question_id);
  g_autoptr(FeTally) tally = fe_tally_compute (question, fe_study_get_universe (study), NULL);
  int at = fe_column_find_level (question, level);

  g_assert_cmpint (at, >=, 0);
  return tally->counts[at];
}

static void
test_incomplete_excluded (void)
{
  g_autoptr(FeStudy) study = load_study (codebook_csv, coding_csv);

  g_assert_cmpuint (fe_study_get_n_rows (study), ==, 5);
  g_assert_cmpuint (fe_study_get_n_respondents (study), ==, 4);
  g_assert_cmpuint (fe_study_get_n_excluded (study), ==, 1);
  fe_study_set_include_incomplete (study, TRUE);
  g_assert_cmpuint (fe_study_get_n_respondents (study), ==, 5);
  g_assert_cmpuint (fe_study_get_n_excluded (study), ==, 0);
}

static void
test_codebook_roles_and_order (void)
{
  g_autoptr(FeStudy) study = load_study (codebook_csv, NULL);
  FeColumn *force = fe_study_find_column (study, "force");
  FeColumn *fit = fe_study_find_column (study, "fit");
  FeColumn *training = fe_study_find_column (study, "training");

  g_assert_cmpint (force->role, ==, FE_ROLE_ATTRIBUTE);
  g_assert_cmpstr (force->label, ==, "Force");
  g_assert_cmpstr (fe_column_get_level (force, 0), ==, "South Wales Police");
  g_assert_cmpuint (fe_column_get_n_levels (force), ==, 3);
  g_assert_cmpint (fit->role, ==, FE_ROLE_ORDINAL);
  g_assert_cmpstr (fe_column_get_level (fit, 4), ==, "Extremely");
  g_assert_true (training->quotes_from == fe_study_find_column (study, "reasons"));
  g_assert_cmpuint (count_of (study, "force", "Gwent Police"), ==, 2);
  g_assert_cmpuint (count_of (study, "themes", "b"), ==, 2);
  g_assert_true (fe_study_get_id_column (study) == fe_study_find_column (study, "participant"));
}

static void
test_inferred_roles (void)
{
  g_autoptr(FeStudy) study = load_study (NULL, NULL);

  g_assert_cmpint (fe_study_find_column (study, "participant")->role, ==, FE_ROLE_ID);
  g_assert_cmpint (fe_study_find_column (study, "consent")->role, ==, FE_ROLE_IGNORE);
  g_assert_cmpint (fe_study_find_column (study, "force")->role, ==, FE_ROLE_ATTRIBUTE);
  g_assert_cmpint (fe_study_find_column (study, "training")->role, ==, FE_ROLE_CHOICE);
  g_assert_cmpint (fe_study_find_column (study, "reasons")->role, ==, FE_ROLE_TEXT);
  g_assert_cmpint (fe_study_find_column (study, "themes")->role, ==, FE_ROLE_MULTI);

  /* A recognised Likert wording gets its whole scale, in order, not the order of the data. */
  {
    FeColumn *fit = fe_study_find_column (study, "fit");

    g_assert_cmpint (fit->role, ==, FE_ROLE_ORDINAL);
    g_assert_cmpuint (fe_column_get_n_levels (fit), ==, 5);
    g_assert_cmpstr (fe_column_get_level (fit, 0), ==, "Not at all");
    g_assert_cmpstr (fe_column_get_level (fit, 3), ==, "Very");
  }
}

static void
test_coding_counts_each_respondent_once (void)
{
  g_autoptr(FeStudy) study = load_study (codebook_csv, coding_csv);
  FeColumn *reasons = fe_study_find_column (study, "reasons");

  g_assert_true (reasons->coded);
  g_assert_cmpstr (fe_column_get_role_name (reasons), ==, "coded");
  /* Codebook order first, then codes as the coding file introduces them. */
  g_assert_cmpstr (fe_column_get_level (reasons, 0), ==, "Substance use");
  g_assert_cmpstr (fe_column_get_level (reasons, 2), ==, "Financial issues");
  g_assert_cmpuint (count_of (study, "reasons", "Substance use"), ==, 1);
  g_assert_cmpuint (count_of (study, "reasons", "Lone working"), ==, 2);
}

static void
test_quotes_of_a_code (void)
{
  g_autoptr(FeStudy) study = load_study (codebook_csv, coding_csv);
  FeColumn *reasons = fe_study_find_column (study, "reasons");
  g_autoptr(GPtrArray) quotes = NULL;
  FeQuote *quote;

  quotes = fe_study_collect_quotes (study, reasons, fe_column_find_level (reasons, "Substance use"),
                                    fe_study_get_universe (study));
  g_assert_cmpuint (quotes->len, ==, 1);
  quote = g_ptr_array_index (quotes, 0);
  g_assert_cmpstr (quote->text, ==, "Drugs, mostly");
  g_assert_cmpstr (quote->note, ==, "quoted");
  g_assert_cmpuint (quote->codes->len, ==, 1);

  /* The whole answer is the quote when the coding gives no excerpt; both its codes travel. */
  g_clear_pointer (&quotes, g_ptr_array_unref);
  quotes = fe_study_collect_quotes (study, reasons, fe_column_find_level (reasons, "Exploitation"),
                                    fe_study_get_universe (study));
  g_assert_cmpuint (quotes->len, ==, 1);
  quote = g_ptr_array_index (quotes, 0);
  g_assert_cmpstr (quote->text, ==, "They are exploited");
  g_assert_cmpuint (quote->codes->len, ==, 2);
}

static void
test_quotes_of_a_closed_question (void)
{
  g_autoptr(FeStudy) study = load_study (codebook_csv, coding_csv);
  FeColumn *training = fe_study_find_column (study, "training");
  FeColumn *force = fe_study_find_column (study, "force");
  g_autoptr(FeFilter) filter = fe_filter_new (study);
  g_autoptr(FeBitset) rows = NULL;
  g_autoptr(GPtrArray) quotes = NULL;

  fe_filter_add_level (filter, force, (guint) fe_column_find_level (force, "Gwent Police"));
  rows = fe_filter_compute_rows (filter);
  quotes = fe_study_collect_quotes (study, training, fe_column_find_level (training, "No"), rows);
  g_assert_cmpuint (quotes->len, ==, 1);
  g_assert_cmpstr (((FeQuote *) g_ptr_array_index (quotes, 0))->text, ==, "They are exploited");
}

static void
test_respondent_quotes (void)
{
  g_autoptr(FeStudy) study = load_study (codebook_csv, coding_csv);
  g_autoptr(GPtrArray) quotes = NULL;
  int row = fe_study_find_respondent (study, "1");

  g_assert_cmpint (row, ==, 0);
  quotes = fe_study_collect_respondent_quotes (study, (guint) row);
  g_assert_cmpuint (quotes->len, ==, 2);
  g_assert_cmpint (fe_study_find_respondent (study, "99"), ==, -1);
}

static void
test_filter_or_within_and_across (void)
{
  g_autoptr(FeStudy) study = load_study (codebook_csv, coding_csv);
  FeColumn *force = fe_study_find_column (study, "force");
  FeColumn *training = fe_study_find_column (study, "training");
  g_autoptr(FeFilter) filter = fe_filter_new (study);
  g_autoptr(FeBitset) rows = NULL;
  g_autoptr(FeBitset) except_force = NULL;

  fe_filter_add_level (filter, force, 0);
  fe_filter_add_level (filter, force, 1);
  fe_filter_add_level (filter, training, (guint) fe_column_find_level (training, "No"));
  rows = fe_filter_compute_rows (filter);
  g_assert_cmpuint (fe_bitset_count (rows), ==, 3);
  fe_filter_remove_level (filter, force, 0);
  g_clear_pointer (&rows, fe_bitset_free);
  rows = fe_filter_compute_rows (filter);
  g_assert_cmpuint (fe_bitset_count (rows), ==, 1);
  except_force = fe_filter_compute_rows_except (filter, force);
  g_assert_cmpuint (fe_bitset_count (except_force), ==, 3);
}

static void
assert_study_error (const char *codebook,
                    const char *coding,
                    const char *file,
                    guint       line,
                    guint       column)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *responses_path = fe_test_write_file ("responses.csv", responses_csv, -1);
  g_autofree char *codebook_path = codebook ? fe_test_write_file ("codebook.csv", codebook, -1)
                                            : NULL;
  g_autofree char *coding_path = coding ? fe_test_write_file ("coding.csv", coding, -1) : NULL;
  g_autoptr(FeStudy) study = fe_study_load (responses_path, codebook_path, coding_path, &error);

  g_assert_null (study);
  fe_test_assert_error_at (error, file, line, column);
}

static void
test_errors_name_the_place (void)
{
  assert_study_error ("column,role\nforce,category\n", NULL, "codebook.csv", 2, 2);
  assert_study_error ("label\nx\n", NULL, "codebook.csv", 1, 1);
  assert_study_error (NULL, "respondent,question,code\n1,reasons,A\n77,reasons,B\n",
                      "coding.csv", 3, 1);
  assert_study_error (NULL, "respondent,question,code\n1,nosuch,A\n", "coding.csv", 2, 2);
  assert_study_error (NULL, "question,respondent,code\nreasons,1,\n", "coding.csv", 2, 3);
}

static void
test_error_header_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fe_test_write_file ("headers.csv", "id,force\n", -1);
  g_autoptr(FeStudy) study = fe_study_load (path, NULL, NULL, &error);

  g_assert_null (study);
  g_assert_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_NO_RESPONSES);
  fe_test_assert_error_at (error, "headers.csv", 2, 1);
}

static void
test_unlisted_level_warns (void)
{
  g_autoptr(FeStudy) study = load_study ("column,role,levels\ntraining,choice,Yes\n", NULL);
  GPtrArray *warnings = fe_study_get_warnings (study);

  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0),
                                   "responses.csv, line 3, column 4:"));
  g_assert_cmpuint (count_of (study, "training", "No"), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/study/incomplete-excluded", test_incomplete_excluded);
  g_test_add_func ("/core/study/codebook", test_codebook_roles_and_order);
  g_test_add_func ("/core/study/inferred-roles", test_inferred_roles);
  g_test_add_func ("/core/study/coding-counts-once", test_coding_counts_each_respondent_once);
  g_test_add_func ("/core/study/quotes/code", test_quotes_of_a_code);
  g_test_add_func ("/core/study/quotes/closed-question", test_quotes_of_a_closed_question);
  g_test_add_func ("/core/study/quotes/respondent", test_respondent_quotes);
  g_test_add_func ("/core/study/filter", test_filter_or_within_and_across);
  g_test_add_func ("/core/study/error/place", test_errors_name_the_place);
  g_test_add_func ("/core/study/error/header-only", test_error_header_only);
  g_test_add_func ("/core/study/unlisted-level", test_unlisted_level_warns);

  return g_test_run ();
}
