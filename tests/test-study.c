/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <string.h>

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

/* Issue 16: "What did the 56 who had no training say?" Every open answer of a segment, open
 * question by open question, with numbers equal to a recount respondent by respondent. */
static void
test_text_quotes_of_a_segment (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = fe_study_load_sample (&error);
  FeColumn *training;
  g_autoptr(FeBitset) rows = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GArray) groups = NULL;
  int no;
  guint g = 0;

  g_assert_no_error (error);
  training = fe_study_find_column (study, "training");
  no = fe_column_find_level (training, "No");
  /* The training question has no open question of its own; its follow-up does. */
  g_assert_false (fe_column_has_quotes (training, no));
  g_assert_true (fe_column_has_quotes (fe_study_find_column (study, "training_prepared"), 0));
  g_assert_true (fe_column_has_quotes (fe_study_find_column (study, "barriers"), -1));

  rows = fe_bitset_copy (g_ptr_array_index (training->level_rows, (guint) no));
  fe_bitset_and (rows, fe_study_get_universe (study));
  g_assert_cmpuint (fe_bitset_count (rows), ==, 56);
  quotes = fe_study_collect_text_quotes (study, rows);
  groups = fe_quotes_group_by_question (quotes);

  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);
      guint n_quotes = 0;
      guint n_respondents = 0;
      const FeQuoteGroup *group;

      if (column->role != FE_ROLE_TEXT)
        continue;
      FE_BITSET_FOREACH (rows, row)
        {
          g_autoptr(GPtrArray) own = fe_study_collect_respondent_quotes (study, row);
          guint mine = 0;

          for (guint i = 0; i < own->len; i++)
            if (((FeQuote *) g_ptr_array_index (own, i))->column == column)
              mine++;
          n_quotes += mine;
          n_respondents += mine > 0;
        }
      /* Those without training were not asked about it: no group, not an empty one. */
      if (n_quotes == 0)
        continue;
      g_assert_cmpuint (g, <, groups->len);
      group = &g_array_index (groups, FeQuoteGroup, g++);
      g_assert_true (group->column == column);
      g_assert_cmpuint (group->n_quotes, ==, n_quotes);
      g_assert_cmpuint (group->n_respondents, ==, n_respondents);
      g_assert_cmpuint (group->n_respondents, ==, fe_bitset_count_and (rows, column->answered));
      for (guint i = group->first; i < group->first + group->n_quotes; i++)
        {
          const FeQuote *quote = g_ptr_array_index (quotes, i);

          g_assert_true (quote->column == column);
          g_assert_true (fe_bitset_get (rows, quote->row));
        }
    }
  g_assert_cmpuint (g, ==, groups->len);
  g_assert_cmpuint (groups->len, >, 1);
  {
    const FeQuoteGroup *last = &g_array_index (groups, FeQuoteGroup, groups->len - 1);

    g_assert_cmpuint (last->first + last->n_quotes, ==, quotes->len);
  }
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

/* Equal filters pick the same levels of the same columns, in whatever order they were picked;
 * the filter panel counts again only for a filter that is not. */
static void
test_filter_equal (void)
{
  g_autoptr(FeStudy) study = load_study (codebook_csv, coding_csv);
  FeColumn *force = fe_study_find_column (study, "force");
  FeColumn *training = fe_study_find_column (study, "training");
  g_autoptr(FeFilter) a = fe_filter_new (study);
  g_autoptr(FeFilter) b = fe_filter_new (study);
  g_autoptr(FeFilter) copy = NULL;

  g_assert_true (fe_filter_equal (a, b));
  fe_filter_add_level (a, force, 1);
  fe_filter_add_level (a, force, 0);
  fe_filter_add_level (a, training, 0);
  g_assert_false (fe_filter_equal (a, b));
  fe_filter_add_level (b, training, 0);
  fe_filter_add_level (b, force, 0);
  g_assert_false (fe_filter_equal (a, b));
  fe_filter_add_level (b, force, 1);
  g_assert_true (fe_filter_equal (a, b));
  copy = fe_filter_copy (a);
  g_assert_true (fe_filter_equal (copy, a));
  fe_filter_remove_level (b, training, 0);
  fe_filter_add_level (b, training, 1);
  g_assert_false (fe_filter_equal (a, b));
  fe_filter_clear_column (b, training);
  g_assert_false (fe_filter_equal (a, b));
  g_assert_false (fe_filter_equal (b, a));

  /* Apart from what each picks on one column: the filter a level of that column counts under. */
  g_assert_true (fe_filter_equal_except (a, b, training));
  g_assert_true (fe_filter_equal_except (b, a, training));
  g_assert_false (fe_filter_equal_except (a, b, force));
  fe_filter_remove_level (b, force, 1);
  g_assert_false (fe_filter_equal_except (a, b, training));
  g_assert_true (fe_filter_equal_except (copy, a, NULL));
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

static FeStudy *
load_text (const char *responses,
           const char *codebook,
           const char *coding,
           const FeLoadOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *responses_path = fe_test_write_file ("survey.csv", responses, -1);
  g_autofree char *codebook_path = codebook ? fe_test_write_file ("codes.csv", codebook, -1)
                                            : NULL;
  g_autofree char *coding_path = coding ? fe_test_write_file ("tags.csv", coding, -1) : NULL;
  FeStudy *study = fe_study_load_full (responses_path, codebook_path, coding_path, options,
                                       &error);

  g_assert_no_error (error);
  g_assert_nonnull (study);
  return study;
}

/* Qualtrics: Finished = False, or Progress below 100 when Finished is empty, is incomplete. */
static void
test_qualtrics_incomplete (void)
{
  g_autoptr(FeStudy) study = load_text (
    "StartDate,Progress,Finished,ResponseId,Q1,Q2_1,Q2_2\n"
    "Start Date,Progress,Finished,Response ID,Force,How fit - Training,How fit - Policy\n"
    "\"{\"\"ImportId\"\":\"\"startDate\"\"}\",\"{\"\"ImportId\"\":\"\"progress\"\"}\","
    "\"{\"\"ImportId\"\":\"\"finished\"\"}\",\"{\"\"ImportId\"\":\"\"_recordId\"\"}\","
    "\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID2_1\"\"}\","
    "\"{\"\"ImportId\"\":\"\"QID2_2\"\"}\"\n"
    "2023-01-01,100,True,R_a,Gwent,Agree,Disagree\n"
    "2023-01-01,40,False,R_b,Gwent,Agree,\n"
    "2023-01-01,60,,R_c,Dyfed-Powys,Disagree,Agree\n"
    "2023-01-01,100,1,R_d,North Wales,Strongly agree,Agree\n", NULL, NULL, NULL);
  FeColumn *q21 = fe_study_find_column (study, "Q2_1");

  g_assert_cmpuint (fe_study_get_n_rows (study), ==, 4);
  g_assert_cmpuint (fe_study_get_n_respondents (study), ==, 2);
  g_assert_cmpuint (fe_study_get_n_incomplete (study), ==, 2);
  g_assert_cmpint (fe_study_find_respondent (study, "R_d"), ==, 3);
  g_assert_cmpstr (fe_study_find_column (study, "Q1")->label, ==, "Force");
  g_assert_cmpstr (q21->group, ==, "Q2");
  g_assert_cmpstr (q21->group_label, ==, "How fit");
  g_assert_cmpint (q21->role, ==, FE_ROLE_ORDINAL);
  g_assert_true (fe_study_find_column (study, "Progress")->metadata);
  fe_study_set_include_incomplete (study, TRUE);
  g_assert_cmpuint (fe_study_get_n_respondents (study), ==, 4);
}

/* SurveyMonkey: a question over one column per option becomes one question. */
static void
test_surveymonkey_layout (void)
{
  g_autoptr(FeStudy) study = load_text (
    "Respondent ID,IP Address,Which services?,,,,Your force,,Why?\n"
    ",,Police,Health,Outreach,Other (please specify),Gwent,South Wales,Open-Ended Response\n"
    "11,10.0.0.1,Police,Health,,Church,Gwent,,Because\n"
    "12,10.0.0.2,,Health,Outreach,,,South Wales,\n"
    "13,10.0.0.3,Police,,,Food bank,Gwent,,Fine\n", NULL, NULL, NULL);
  FeColumn *services = fe_study_find_column (study, "Which services?");
  FeColumn *force = fe_study_find_column (study, "Your force");

  g_assert_cmpstr (fe_study_get_format_name (study), ==, "SurveyMonkey");
  g_assert_cmpuint (fe_study_get_n_rows (study), ==, 3);
  g_assert_cmpint (services->role, ==, FE_ROLE_MULTI);
  g_assert_cmpuint (count_of (study, "Which services?", "Health"), ==, 2);
  /* The "Other" text after the options is one more option, whose quotes are what was typed;
   * and a question of its own, in the same group, labelled with its question. */
  g_assert_cmpuint (fe_column_get_n_levels (services), ==, 4);
  g_assert_cmpuint (count_of (study, "Which services?", "Other (please specify)"), ==, 2);
  {
    g_autoptr(GPtrArray) quotes = fe_study_collect_quotes (study, services,
                                                           services->other_level,
                                                           fe_study_get_universe (study));

    g_assert_cmpint (services->other_level, ==, 3);
    g_assert_cmpuint (quotes->len, ==, 2);
    g_assert_cmpstr (((FeQuote *) g_ptr_array_index (quotes, 1))->text, ==, "Food bank");
  }
  g_assert_cmpint (fe_study_find_column (study, "Other (please specify)")->role, ==,
                   FE_ROLE_TEXT);
  g_assert_cmpstr (fe_study_find_column (study, "Other (please specify)")->group, ==,
                   "Which services?");
  g_assert_cmpstr (fe_study_find_column (study, "Other (please specify)")->label, ==,
                   "Which services? - Other (please specify)");
  g_assert_cmpint (force->role, ==, FE_ROLE_ATTRIBUTE);
  g_assert_cmpstr (fe_study_get_level_label (study, force, 1), ==, "South Wales");
  g_assert_cmpstr (fe_study_get_answer (study, force, 1), ==, "South Wales");
  g_assert_cmpint (fe_study_find_column (study, "Why?")->role, ==, FE_ROLE_TEXT);
  g_assert_true (fe_study_get_id_column (study) == fe_study_find_column (study, "Respondent ID"));
  g_assert_cmpuint (fe_study_get_hidden_columns (study)->len, ==, 1);
}

/* Options joined with ", " that contain ", " themselves: split by the codebook's options. */
static void
test_comma_options_from_codebook (void)
{
  g_autoptr(FeStudy) study = load_text (
    "id,learnt\n"
    "1,\"Online course (e.g. Coursera, edX), Books\"\n"
    "2,Books\n"
    "3,\"At work, with colleagues, Online course (e.g. Coursera, edX)\"\n"
    "4,\"Something else, entirely\"\n",
    "column,role,levels\nlearnt,multi,\"Online course (e.g. Coursera, edX)|Books|"
    "At work, with colleagues\"\n", NULL, NULL);
  FeColumn *learnt = fe_study_find_column (study, "learnt");
  GPtrArray *warnings = fe_study_get_warnings (study);

  g_assert_cmpint (learnt->role, ==, FE_ROLE_MULTI);
  g_assert_cmpuint (count_of (study, "learnt", "Online course (e.g. Coursera, edX)"), ==, 2);
  g_assert_cmpuint (count_of (study, "learnt", "At work, with colleagues"), ==, 1);
  g_assert_cmpuint (count_of (study, "learnt", "Books"), ==, 2);
  /* What the codebook does not list is its own option, and said to be. */
  g_assert_cmpuint (fe_column_get_n_levels (learnt), ==, 5);
  /* Two answers the codebook does not list: one warning that counts them. */
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0),
                                   "survey.csv: 2 different answers are not among the levels"));
}

/* A coding file whose excerpts do not match: one warning with the count and the first lines,
 * not one per line. */
static void
test_repeated_warnings_collapse (void)
{
  g_autoptr(GString) coding = g_string_new ("respondent,question,code,excerpt,note\n");
  g_autoptr(GString) codebook = g_string_new (codebook_csv);
  g_autoptr(FeStudy) study = NULL;
  GPtrArray *warnings;
  guint n_excerpt = 0, n_codebook = 0;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (coding, "%u,reasons,Substance use,not in the answer %u,\n",
                            1 + i % 2, i);
  for (guint i = 0; i < 7; i++)
    g_string_append_printf (codebook, "gone%u,attribute,Gone,,\n", i);
  study = load_study (codebook->str, coding->str);
  warnings = fe_study_get_warnings (study);

  for (guint i = 0; i < warnings->len; i++)
    {
      const char *warning = g_ptr_array_index (warnings, i);

      if (strstr (warning, "excerpt") != NULL)
        {
          n_excerpt++;
          g_assert_cmpstr (warning, ==,
                           "coding.csv: 40 excerpts are not part of the answers they code "
                           "(lines 2, 3, 4, 5, 6 and 35 more); they are shown as the coding "
                           "file writes them.");
        }
      else if (strstr (warning, "the codebook describes") != NULL)
        {
          n_codebook++;
          g_assert_cmpstr (warning, ==,
                           "codebook.csv: the codebook describes 7 columns that responses.csv "
                           "does not have (lines 9, 10, 11, 12, 13 and 2 more; the first is "
                           "“gone0”); those lines are ignored.");
        }
    }
  g_assert_cmpuint (n_excerpt, ==, 1);
  g_assert_cmpuint (n_codebook, ==, 1);

  /* Alone, a warning keeps its own sentence. */
  g_clear_object (&study);
  study = load_study (codebook_csv, "respondent,question,code,excerpt,note\n"
                                    "1,reasons,Substance use,elsewhere,\n");
  warnings = fe_study_get_warnings (study);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "coding.csv, line 2: the excerpt is not part of respondent 1's answer to "
                   "reasons; it is shown as the coding file writes it.");
}

/* Learned from the answers alone: pieces that always come together are one option. */
static void
test_comma_options_learned (void)
{
  g_autoptr(GString) csv = g_string_new ("id,tools\n");
  g_autoptr(FeStudy) study = NULL;
  static const char * const answers[] = {
    "Excel", "\"Excel, R\"", "\"Stata, SAS or SPSS\"", "\"R, Stata, SAS or SPSS\"",
    "\"Excel, Stata, SAS or SPSS, R\"", "R", "\"Python, R\"", "Python",
  };

  for (guint i = 0; i < 24; i++)
    g_string_append_printf (csv, "%u,%s\n", i + 1, answers[i % G_N_ELEMENTS (answers)]);
  study = load_text (csv->str, NULL, NULL, NULL);
  g_assert_cmpint (fe_study_find_column (study, "tools")->role, ==, FE_ROLE_MULTI);
  g_assert_cmpuint (fe_column_get_n_levels (fe_study_find_column (study, "tools")), ==, 4);
  g_assert_cmpuint (count_of (study, "tools", "Stata, SAS or SPSS"), ==, 9);
  g_assert_cmpuint (count_of (study, "tools", "R"), ==, 15);
}

static const char coded_responses[] =
  "id,force,why\n"
  "1,Gwent,Drugs and debt\n"
  "2,Gwent,Debt and violence\n"
  "3,South Wales,Violence\n";

/* A codes codebook with a parent column: a parent counts each respondent once. */
static void
test_code_hierarchy (void)
{
  g_autoptr(FeStudy) study = load_text (
    coded_responses,
    "code,description,parent\n"
    "Drugs,Substance use,Vulnerability\n"
    "Debt,Financial hardship,Vulnerability\n"
    "Vulnerability,Why they are at risk,\n"
    "Violence,,\n",
    "respondent,question,code,excerpt\n"
    "1,why,Drugs,Drugs\n1,why,Debt,debt\n2,why,Debt,Debt\n2,why,Violence,violence\n"
    "3,why,Harm/Violence,Violence\n", NULL);
  FeColumn *why = fe_study_find_column (study, "why");
  int vulnerability = fe_column_find_level (why, "Vulnerability");
  int drugs = fe_column_find_level (why, "Drugs");
  g_autoptr(GPtrArray) quotes = NULL;

  g_assert_true (why->coded);
  g_assert_cmpint (fe_column_get_level_parent (why, (guint) drugs), ==, vulnerability);
  g_assert_true (fe_column_level_has_children (why, (guint) vulnerability));
  g_assert_cmpuint (fe_column_get_level_depth (why, (guint) drugs), ==, 1);
  g_assert_cmpstr (fe_column_get_level_description (why, (guint) drugs), ==, "Substance use");
  /* Respondent 1 has two of its children but is counted once. */
  g_assert_cmpuint (count_of (study, "why", "Vulnerability"), ==, 2);
  g_assert_cmpuint (count_of (study, "why", "Debt"), ==, 2);
  /* "Harm/Violence" in a coding file is Violence under Harm. */
  g_assert_cmpuint (count_of (study, "why", "Harm"), ==, 1);
  quotes = fe_study_collect_quotes (study, why, vulnerability, fe_study_get_universe (study));
  g_assert_cmpuint (quotes->len, ==, 3);
}

/* Taguette highlights coding a survey: documents named after respondents. */
static void
test_taguette_coding (void)
{
  static const char tags[] =
    "id,document,tag,content\n"
    "1,Participant 1.docx,Drugs,Drugs\n"
    "1,Participant 1.docx,Debt,Drugs\n"
    "2,Participant 003.odt,Violence,Violence\n";
  g_autoptr(FeStudy) study = load_text (coded_responses, NULL, tags, NULL);
  FeLoadOptions options = { .document_pattern = "^Participant 0*(\\d+)" };
  g_autoptr(FeStudy) with_pattern = load_text (coded_responses, NULL, tags, &options);
  g_autoptr(GError) error = NULL;
  g_autofree char *responses = fe_test_write_file ("survey.csv", coded_responses, -1);
  g_autofree char *unmatched = fe_test_write_file ("tags.csv",
                                                   "document,tag,content\nInterview A,X,y\n", -1);
  g_autoptr(FeStudy) failed = fe_study_load (responses, NULL, unmatched, &error);

  g_assert_cmpuint (count_of (study, "why", "Drugs"), ==, 1);
  g_assert_cmpuint (count_of (study, "why", "Violence"), ==, 1);
  g_assert_cmpuint (count_of (with_pattern, "why", "Debt"), ==, 1);
  g_assert_null (failed);
  g_assert_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CODING);
  fe_test_assert_error_at (error, "tags.csv", 2, 1);
}

/* Taguette's older export (no id column) opened on its own; tags written parent/child. */
static void
test_taguette_documents (void)
{
  g_autoptr(FeStudy) study = load_text (
    "document,tag,content\n"
    "Interview 1.odt,Barriers/Cost,It costs too much\n"
    "Interview 1.odt,Barriers/Time,no time\n"
    "Interview 2.odt,Barriers/Cost,Too dear\n"
    "Interview 2.odt,Praise,Lovely\n", NULL, NULL, NULL);
  FeColumn *highlights = fe_study_find_column (study, "highlights");
  int barriers = fe_column_find_level (highlights, "Barriers");

  g_assert_cmpstr (fe_study_get_format_name (study), ==, "Taguette");
  g_assert_cmpuint (fe_study_get_n_respondents (study), ==, 2);
  g_assert_cmpint (barriers, >=, 0);
  g_assert_cmpint (fe_column_get_level_parent (highlights,
                                               (guint) fe_column_find_level (highlights, "Time")),
                   ==, barriers);
  g_assert_cmpuint (count_of (study, "highlights", "Barriers"), ==, 2);
  g_assert_cmpuint (count_of (study, "highlights", "Cost"), ==, 2);
  g_assert_cmpuint (fe_column_count_codings (highlights, (guint) barriers), ==, 0);
}

/* Columns of e-mail or IP addresses are hidden whatever they are called; a codebook role
 * shows one again. */
static void
test_identifying_columns_hidden (void)
{
  static const char responses[] =
    "id,contact,where,force\n"
    "1,a@example.org,192.168.0.1,Gwent\n"
    "2,b@example.org,10.1.2.3,Gwent\n"
    "3,,10.1.2.4,South Wales\n";
  g_autoptr(FeStudy) study = load_text (responses, NULL, NULL, NULL);
  g_autoptr(FeStudy) shown = load_text (responses, "column,role\ncontact,text\n", NULL, NULL);
  g_autofree char *notice = fe_study_describe_hidden_columns (study);
  g_autofree char *questions = fe_study_list_question_ids (study);

  g_assert_cmpuint (fe_study_get_hidden_columns (study)->len, ==, 2);
  g_assert_cmpint (fe_study_find_column (study, "contact")->role, ==, FE_ROLE_IGNORE);
  g_assert_true (fe_study_find_column (study, "where")->identifying);
  g_assert_cmpstr (questions, ==, "force");
  g_assert_nonnull (strstr (notice, "contact and where"));
  g_assert_cmpuint (fe_study_get_hidden_columns (shown)->len, ==, 1);
  g_assert_cmpint (fe_study_find_column (shown, "contact")->role, ==, FE_ROLE_TEXT);
}

/* Loading from memory, with the delimiter given rather than detected; repairs are warnings. */
static void
test_load_data_options (void)
{
  static const char data[] = "Survey of staff\n\nid;force,region;agree\n1;Gwent;Agree\n2;Dyfed\n";
  FeLoadOptions options = { .delimiter = ';' };
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = fe_study_load_data ("pasted.csv", data, sizeof data - 1, &options,
                                                 &error);
  GPtrArray *warnings;

  g_assert_no_error (error);
  g_assert_nonnull (fe_study_find_column (study, "force,region"));
  g_assert_cmpuint (fe_study_get_n_rows (study), ==, 2);
  warnings = fe_study_get_warnings (study);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0), "pasted.csv, line 1:"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 1), "pasted.csv, line 5:"));
}

static FeStudy *
load_pair (const char *responses,
           const char *codebook)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *responses_path = fe_test_write_file ("export.csv", responses, -1);
  g_autofree char *codebook_path = fe_test_write_file ("dictionary.csv", codebook, -1);
  FeStudy *study = fe_study_load (responses_path, codebook_path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (study);
  return study;
}

/* A raw export holds codes: the codebook's codes column says which level each stands for, so
 * "1" counts as "Gwent" and a level nobody chose is still a level. A line without a role gives
 * its question a label and leaves the role to the answers. */
static void
test_codebook_codes (void)
{
  static const char raw[] =
    "id,force,symptoms,agree,job\n"
    "1,1,1;3,4,Constable\n"
    "2,2,2,5,Sergeant\n"
    "3,1,1;2,2,Constable\n"
    "4,2,,1,Inspector\n";
  static const char codebook[] =
    "column,role,label,levels,codes\n"
    "force,attribute,Force,Gwent|North Wales|South Wales,1|2|3\n"
    "symptoms,multi,Symptoms,Fever|Cough|Headache,1|2|3\n"
    "agree,ordinal,Prepared,Strongly disagree|Disagree|Neither|Agree|Strongly agree,1|2|3|4|5\n"
    "job,,What is your job?,,\n";
  g_autoptr(FeStudy) study = load_pair (raw, codebook);
  FeColumn *force = fe_study_find_column (study, "force");
  FeColumn *job = fe_study_find_column (study, "job");

  g_assert_cmpuint (fe_column_get_n_levels (force), ==, 3);
  g_assert_cmpuint (count_of (study, "force", "Gwent"), ==, 2);
  g_assert_cmpuint (count_of (study, "force", "South Wales"), ==, 0);
  g_assert_cmpuint (count_of (study, "symptoms", "Fever"), ==, 2);
  g_assert_cmpuint (count_of (study, "symptoms", "Headache"), ==, 1);
  g_assert_cmpuint (fe_column_get_n_levels (fe_study_find_column (study, "symptoms")), ==, 3);
  g_assert_cmpuint (count_of (study, "agree", "Agree"), ==, 1);
  g_assert_cmpuint (count_of (study, "agree", "Neither"), ==, 0);
  g_assert_cmpstr (job->label, ==, "What is your job?");
  g_assert_cmpint (job->role, ==, FE_ROLE_ATTRIBUTE);
  g_assert_cmpuint (count_of (study, "job", "Constable"), ==, 2);
  g_assert_cmpuint (fe_study_get_warnings (study)->len, ==, 0);
}

/* Codes that are also other levels' names ("0, 1 | 1, 2 | 2, 3"): a raw export's "1" is the
 * code of "2", a labels export's "1" is "1" when every answer names a level; both are said. A
 * codes column that does not match the levels is refused with its place. */
static void
test_codebook_codes_clash (void)
{
  static const char codebook[] =
    "column,role,label,levels,codes\n"
    "score,ordinal,Score,1|2|3,0|1|2\n";
  g_autoptr(FeStudy) raw = load_pair ("id,score\n1,0\n2,1\n3,1\n4,2\n5,2\n6,2\n", codebook);
  g_autoptr(FeStudy) labels = load_pair ("id,score\n1,1\n2,2\n3,2\n4,3\n5,3\n6,3\n", codebook);
  g_autoptr(GError) error = NULL;
  g_autofree char *responses = fe_test_write_file ("scores.csv", "id,score\n1,1\n", -1);
  g_autofree char *uneven = fe_test_write_file ("uneven.csv",
                                                "column,role,levels,codes\n"
                                                "score,ordinal,Low|High,1|2|3\n", -1);

  for (guint i = 0; i < 2; i++)
    {
      FeStudy *study = i == 0 ? raw : labels;

      g_assert_cmpuint (count_of (study, "score", "1"), ==, 1);
      g_assert_cmpuint (count_of (study, "score", "2"), ==, 2);
      g_assert_cmpuint (count_of (study, "score", "3"), ==, 3);
      g_assert_cmpuint (fe_column_get_n_levels (fe_study_find_column (study, "score")), ==, 3);
    }
  g_assert_true (fe_test_any_contains (fe_study_get_warnings (raw), "the answers are read as codes"));
  g_assert_true (fe_test_any_contains (fe_study_get_warnings (labels), "read as names, not codes"));

  g_assert_null (fe_study_load (responses, uneven, NULL, &error));
  fe_test_assert_error_at (error, "uneven.csv", 2, 4);
}

static const char redcap_dictionary[] =
  "\"Variable / Field Name\",\"Form Name\",\"Section Header\",\"Field Type\",\"Field Label\","
  "\"Choices, Calculations, OR Slider Labels\",\"Field Note\","
  "\"Text Validation Type OR Show Slider Number\",\"Text Validation Min\","
  "\"Text Validation Max\",\"Identifier?\",\"Branching Logic (Show field only if...)\","
  "\"Required Field?\",\"Custom Alignment\",\"Question Number (surveys only)\","
  "\"Matrix Group Name\",\"Matrix Ranking?\",\"Field Annotation\"\n"
  "record_id,survey,,text,\"Record ID\",,,,,,,,,,,,,\n"
  "name,survey,,text,\"Your name\",,,,,,y,,,,,,,\n"
  "intro,survey,,descriptive,\"<p>Thank you.</p>\",,,,,,,,,,,,,\n"
  "force,survey,,radio,\"<div class=\"\"rich-text-field-label\"\"><p>Which force do you "
  "work for?</p></div>\",\"1, Gwent | 2, North Wales | 3, South Wales\",,,,,,,,,,,,\n"
  "symptoms,survey,,checkbox,\"Symptoms &amp; signs\",\"1, Fever | 2, Cough | -9, None of "
  "these\",,,,,,,,,,,,\n"
  "agree,survey,,radio,\"I feel prepared\",\"1, Strongly disagree | 2, Disagree | 3, Neither "
  "agree nor disagree | 4, Agree | 5, Strongly agree\",,,,,,,,,,,,\n"
  "trained,survey,,yesno,\"Have you been trained?\",,,,,,,,,,,,,\n"
  "years,survey,,text,\"Years of service\",,,integer,0,50,,,,,,,,\n"
  "job,survey,,text,\"What is your job?\",,,,,,,,,,,,,\n"
  "comments,survey,,notes,\"Anything else?\",,,,,,,,,,,,,\n"
  "race,survey,,checkbox,\"Race\",\"A, Asian | B, Black | C, White\",,,,,,,,,,,,\n";

static void
assert_redcap_counts (FeStudy    *study,
                      const char *force,
                      const char *symptoms,
                      const char *agree,
                      const char *trained)
{
  g_assert_cmpuint (count_of (study, force, "Gwent"), ==, 3);
  g_assert_cmpuint (count_of (study, force, "South Wales"), ==, 0);
  g_assert_cmpuint (count_of (study, symptoms, "Fever"), ==, 2);
  g_assert_cmpuint (count_of (study, symptoms, "None of these"), ==, 1);
  g_assert_cmpuint (count_of (study, agree, "Agree"), ==, 2);
  g_assert_cmpuint (count_of (study, agree, "Neither agree nor disagree"), ==, 0);
  g_assert_cmpuint (count_of (study, trained, "Yes"), ==, 3);
  g_assert_cmpuint (count_of (study, trained, "No"), ==, 1);
}

/* A REDCap data dictionary is the codebook of a REDCap export: a raw export's codes count as
 * their choices ("1" under force is Gwent), a labels export's columns are found by their
 * questions, choices nobody chose are levels, the labels lose their HTML, an identifier field
 * is hidden, a number field is numbers and a notes field open answers. */
static void
test_redcap_dictionary (void)
{
  g_autoptr(FeStudy) raw = load_pair (
    "record_id,name,force,symptoms___1,symptoms___2,symptoms____9,agree,trained,years,job,"
    "comments,race___a,race___b,race___c,survey_complete\n"
    "1,Ann Smith,1,1,0,0,4,1,12,Constable,Good training,1,0,0,2\n"
    "2,Bob Jones,2,0,1,0,5,0,3,Sergeant,,0,1,1,2\n"
    "3,Cat Lee,1,1,1,0,2,1,25,Constable,More support,1,0,1,2\n"
    "4,Dan Wu,1,0,0,1,4,1,7,Inspector,,0,0,1,2\n", redcap_dictionary);
  g_autoptr(FeStudy) labels = load_pair (
    "Record ID,Your name,Which force do you work for?,Symptoms & signs (choice=Fever),"
    "Symptoms & signs (choice=Cough),Symptoms & signs (choice=None of these),I feel prepared,"
    "Have you been trained?,Years of service,What is your job?,Anything else?,Complete?\n"
    "1,Ann Smith,Gwent,Checked,Unchecked,Unchecked,Agree,Yes,12,Constable,Good training,"
    "Complete\n"
    "2,Bob Jones,North Wales,Unchecked,Checked,Unchecked,Strongly agree,No,3,Sergeant,,"
    "Complete\n"
    "3,Cat Lee,Gwent,Checked,Checked,Unchecked,Disagree,Yes,25,Constable,More support,"
    "Complete\n"
    "4,Dan Wu,Gwent,Unchecked,Unchecked,Checked,Agree,Yes,7,Inspector,,Complete\n",
    redcap_dictionary);
  g_autofree char *dictionary = fe_test_write_file ("project_DataDictionary.csv",
                                                    redcap_dictionary, -1);
  FeColumn *force = fe_study_find_column (raw, "force");

  assert_redcap_counts (raw, "force", "symptoms", "agree", "trained");
  assert_redcap_counts (labels, "Which force do you work for?", "Symptoms & signs",
                        "I feel prepared", "Have you been trained?");
  g_assert_cmpstr (force->label, ==, "Which force do you work for?");
  g_assert_cmpint (force->role, ==, FE_ROLE_ATTRIBUTE);
  g_assert_cmpstr (fe_study_find_column (raw, "symptoms")->label, ==, "Symptoms & signs");
  g_assert_cmpint (fe_study_find_column (raw, "agree")->role, ==, FE_ROLE_ORDINAL);
  g_assert_cmpint (fe_study_find_column (raw, "trained")->role, ==, FE_ROLE_CHOICE);
  g_assert_cmpint (fe_study_find_column (raw, "comments")->role, ==, FE_ROLE_TEXT);
  g_assert_cmpint (fe_study_find_column (labels, "Years of service")->role, ==,
                   FE_ROLE_NUMERIC);
  g_assert_cmpint (fe_study_find_column (raw, "record_id")->role, ==, FE_ROLE_ID);
  g_assert_true (fe_study_find_column (raw, "name")->identifying);
  g_assert_cmpint (fe_study_find_column (labels, "Your name")->role, ==, FE_ROLE_IGNORE);
  g_assert_true (fe_study_find_column (labels, "Your name")->identifying);
  g_assert_cmpstr (fe_study_find_column (raw, "job")->label, ==, "What is your job?");
  g_assert_cmpint (fe_data_file_guess_kind (dictionary), ==, FE_DATA_FILE_CODEBOOK);
  /* A checkbox's columns carry its codes in lower case. */
  g_assert_cmpuint (count_of (raw, "race", "White"), ==, 3);
  g_assert_cmpuint (fe_column_get_n_levels (fe_study_find_column (raw, "race")), ==, 3);
}

#define REDCAP_HEADER \
  "Variable / Field Name,Form Name,Section Header,Field Type,Field Label," \
  "\"Choices, Calculations, OR Slider Labels\",Field Note," \
  "Text Validation Type OR Show Slider Number,Text Validation Min,Text Validation Max," \
  "Identifier?\n"

/* A labels export names its columns as REDCap writes a label in a header: tags dropped without
 * a space, every entity read, a repeated label numbered as loading numbers it; a checkbox's
 * columns leave the quotes out of its choices; a question whose codes are other choices'
 * names ("0, 1 | 1, 2 | 2, 3") holds names there. Each field keeps its own line: a second
 * "Comments" marked as an identifier stays hidden, and so does "Child’s school". */
static void
test_redcap_labels_export_by_question (void)
{
  g_autoptr(FeStudy) study = load_pair (
    "Study number,Comments,Comments,Child’s school,Age1,"
    "Reasons (choice=Dont know),Reasons (choice=<b>Side</b> effects),Pain score,Overall rating,"
    "Complete?\n"
    "S1,Fine,Call Jane on 07700 900456,Ysgol Glan Taf,1,Checked,Unchecked,1,Good,Complete\n"
    "S2,Good,Ask Mary at 12 Hill St,Cathays High,2,Checked,Checked,2,Good,Complete\n"
    "S3,,,,2,Unchecked,Checked,1,Poor,Complete\n",
    REDCAP_HEADER
    "study_no,f,,text,Study number,,,,,,\n"
    "bl_comments,f,,notes,Comments,,,,,,\n"
    "nok_comments,f,,notes,Comments,,,,,,y\n"
    "school,f,,text,Child&rsquo;s school,,,,,,y\n"
    "age,f,,radio,Age<sup>1</sup>,\"1, Under 18 | 2, 18 or over\",,,,,\n"
    "reasons,f,,checkbox,Reasons,\"1, Don't know | 2, <b>Side</b> effects\",,,,,\n"
    "pain,f,,radio,Pain score,\"0, 1 | 1, 2 | 2, 3\",,,,,\n"
    "overall,f,,radio,Overall  rating,\"1, Good | 2, Poor\",,,,,\n");
  FeColumn *reasons = fe_study_find_column (study, "Reasons");

  g_assert_cmpint (fe_study_find_column (study, "Study number")->role, ==, FE_ROLE_ID);
  g_assert_cmpint (fe_study_find_column (study, "Comments")->role, ==, FE_ROLE_TEXT);
  g_assert_true (fe_study_find_column (study, "Comments (2)")->identifying);
  g_assert_cmpint (fe_study_find_column (study, "Comments (2)")->role, ==, FE_ROLE_IGNORE);
  g_assert_true (fe_study_find_column (study, "Child’s school")->identifying);
  g_assert_cmpint (fe_study_find_column (study, "Age1")->role, !=, FE_ROLE_TEXT);
  g_assert_cmpuint (count_of (study, "Age1", "18 or over"), ==, 2);
  g_assert_cmpuint (fe_column_get_n_levels (reasons), ==, 2);
  g_assert_cmpuint (count_of (study, "Reasons", "Don't know"), ==, 2);
  g_assert_cmpuint (count_of (study, "Reasons", "Side effects"), ==, 2);
  g_assert_cmpuint (count_of (study, "Pain score", "1"), ==, 2);
  g_assert_cmpuint (count_of (study, "Pain score", "2"), ==, 1);
  g_assert_cmpuint (count_of (study, "Pain score", "3"), ==, 0);
  g_assert_true (fe_test_any_contains (fe_study_get_warnings (study), "as a labels export is, so the answers are read as names"));
  g_assert_cmpint (fe_study_find_column (study, "Complete?")->role, ==, FE_ROLE_IGNORE);
  /* Found by its label as shown, its spaces made one, and not said to be ignored. */
  g_assert_cmpuint (count_of (study, "Overall rating", "Good"), ==, 2);
  g_assert_false (fe_test_any_contains (fe_study_get_warnings (study), "that line is ignored"));
}

/* A raw export of a project without events or checkboxes is REDCap's all the same, as its
 * dictionary says: the first field is the record id whatever its name, a form's status is no
 * question. A checkbox column names its code in lower case with "_" for a dot ("dose___0_5"),
 * and two codes may share a choice ("1, Yes | 2, No | 3, Yes"). */
static void
test_redcap_raw_codes_as_written (void)
{
  g_autoptr(FeStudy) study = load_pair (
    "study_no,attended,dose___0_5,dose___1,dose___1_5,fruit___a,fruit___b,service,"
    "demographics_complete\n"
    "S01,1,1,0,0,1,0,1,2\n"
    "S02,3,0,1,0,1,1,1,2\n"
    "S03,2,0,0,1,0,0,2,0\n"
    "S04,3,1,0,0,0,1,1,2\n",
    REDCAP_HEADER
    "study_no,d,,text,Study number,,,,,,\n"
    "attended,d,,radio,Attended,\"1, Yes | 2, No | 3, Yes\",,,,,\n"
    "dose,d,,checkbox,Dose,\"0.5, Half | 1, One | 1.5, One and a half\",,,,,\n"
    "fruit,d,,checkbox,Fruit,\"A, Apple | B, Banana\",,,,,\n"
    "service,d,,radio,Service,\"1, <1 year | 2, 1 year\",,,,,\n");

  g_assert_cmpstr (fe_study_get_format_name (study), ==, "REDCap");
  g_assert_cmpint (fe_study_find_column (study, "study_no")->role, ==, FE_ROLE_ID);
  g_assert_cmpint (fe_study_find_column (study, "demographics_complete")->role, ==,
                   FE_ROLE_IGNORE);
  g_assert_cmpuint (count_of (study, "attended", "Yes"), ==, 3);
  g_assert_cmpuint (fe_column_get_n_levels (fe_study_find_column (study, "attended")), ==, 2);
  g_assert_cmpuint (count_of (study, "dose", "Half"), ==, 2);
  g_assert_cmpuint (count_of (study, "dose", "One and a half"), ==, 1);
  g_assert_cmpuint (fe_column_get_n_levels (fe_study_find_column (study, "dose")), ==, 3);
  g_assert_cmpuint (count_of (study, "fruit", "Banana"), ==, 2);
  g_assert_cmpuint (fe_column_get_n_levels (fe_study_find_column (study, "fruit")), ==, 2);
  /* A label that starts with "<" keeps it: "<1 year" is not "1 year". */
  g_assert_cmpuint (count_of (study, "service", "<1 year"), ==, 3);
  g_assert_cmpuint (count_of (study, "service", "1 year"), ==, 1);
}

/* A codebook's codes are refused where they would count wrongly or not at all: one code for two
 * levels, codes for a column without levels, levels on a line that leaves its role open. */
static void
test_codebook_codes_refused (void)
{
  static const struct { const char *codebook; guint line, column; } refused[] = {
    { "column,role,levels,codes\nforce,attribute,A|B|C,1|1|2\n", 2, 4 },
    { "column,role,levels,codes\nforce,text,A|B,1|2\n", 2, 4 },
    { "column,role,levels,codes\nforce,numeric,A|B,1|2\n", 2, 4 },
    { "column,role,levels,codes\nforce,,A|B,\n", 2, 2 },
    { "column,role,levels,codes\nforce,,,1|2\n", 2, 4 },
  };
  g_autofree char *responses = fe_test_write_file ("refused.csv", "id,force\n1,1\n2,2\n", -1);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *codebook = fe_test_write_file ("refused-codebook.csv",
                                                      refused[i].codebook, -1);

      g_assert_null (fe_study_load (responses, codebook, NULL, &error));
      fe_test_assert_error_at (error, "refused-codebook.csv", refused[i].line,
                               refused[i].column);
    }
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
  g_test_add_func ("/core/study/quotes/all-text", test_text_quotes_of_a_segment);
  g_test_add_func ("/core/study/filter", test_filter_or_within_and_across);
  g_test_add_func ("/core/study/filter-equal", test_filter_equal);
  g_test_add_func ("/core/study/error/place", test_errors_name_the_place);
  g_test_add_func ("/core/study/error/header-only", test_error_header_only);
  g_test_add_func ("/core/study/unlisted-level", test_unlisted_level_warns);
  g_test_add_func ("/core/study/repeated-warnings", test_repeated_warnings_collapse);
  g_test_add_func ("/core/study/qualtrics-incomplete", test_qualtrics_incomplete);
  g_test_add_func ("/core/study/surveymonkey", test_surveymonkey_layout);
  g_test_add_func ("/core/study/comma-options/codebook", test_comma_options_from_codebook);
  g_test_add_func ("/core/study/comma-options/learned", test_comma_options_learned);
  g_test_add_func ("/core/study/code-hierarchy", test_code_hierarchy);
  g_test_add_func ("/core/study/taguette-coding", test_taguette_coding);
  g_test_add_func ("/core/study/taguette-documents", test_taguette_documents);
  g_test_add_func ("/core/study/identifying-hidden", test_identifying_columns_hidden);
  g_test_add_func ("/core/study/load-data", test_load_data_options);
  g_test_add_func ("/core/study/codebook-codes", test_codebook_codes);
  g_test_add_func ("/core/study/codebook-codes-clash", test_codebook_codes_clash);
  g_test_add_func ("/core/study/redcap-dictionary", test_redcap_dictionary);
  g_test_add_func ("/core/study/redcap-labels-export", test_redcap_labels_export_by_question);
  g_test_add_func ("/core/study/redcap-raw-codes", test_redcap_raw_codes_as_written);
  g_test_add_func ("/core/study/codebook-codes-refused", test_codebook_codes_refused);

  return g_test_run ();
}
