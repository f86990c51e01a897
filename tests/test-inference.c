/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What role inference makes of the kinds of column real exports hold, on small files written
 * here: commas inside single answers, scales and bands in their natural order, a choice with
 * typed-in "Other" answers, and categories with many levels. Counts and order are exact. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "fe-column-correction.h"
#include "fe-quote.h"
#include "fe-study.h"
#include "fe-survey-format.h"
#include "fe-tally.h"
#include "fe-test-util.h"

/* One answer and how many respondents gave it. */
typedef struct
{
  const char *answer;
  guint       count;
} Given;

static void
append_csv_field (GString    *csv,
                  const char *text)
{
  g_string_append_c (csv, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

/* A file of one question "q" (and an id), the answers in @given order, each repeated. */
static char *
write_one_question (const Given *given)
{
  g_autoptr(GString) csv = g_string_new ("id,q\n");
  guint id = 1;

  for (guint i = 0; given[i].answer != NULL; i++)
    for (guint n = 0; n < given[i].count; n++)
      {
        g_string_append_printf (csv, "%u,", id++);
        append_csv_field (csv, given[i].answer);
        g_string_append_c (csv, '\n');
      }
  return fe_test_write_file ("responses.csv", csv->str, -1);
}

static FeStudy *
load_one_question (const Given *given)
{
  g_autofree char *path = write_one_question (given);
  g_autoptr(GError) error = NULL;
  FeStudy *study = fe_study_load (path, NULL, NULL, &error);

  g_assert_no_error (error);
  return study;
}

static FeStudy *
load_text (const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fe_test_write_file ("responses.csv", csv, -1);
  FeStudy *study = fe_study_load (path, NULL, NULL, &error);

  g_assert_no_error (error);
  return study;
}

static FeColumn *
find (FeStudy    *study,
      const char *id)
{
  FeColumn *column = fe_study_find_column (study, id);

  if (column == NULL)
    g_error ("no column “%s”", id);
  return column;
}

static guint
count_of (FeStudy        *study,
          const FeColumn *question,
          const char     *level)
{
  g_autoptr(FeTally) tally = fe_tally_compute (question, fe_study_get_universe (study), NULL);
  int at = fe_column_find_level (question, level);

  if (at < 0)
    g_error ("no level “%s” in %s", level, question->id);
  return tally->counts[at];
}

static void
assert_levels (const FeColumn *column,
               const char     *expected)
{
  g_autoptr(GString) levels = g_string_new (NULL);

  for (guint i = 0; i < fe_column_get_n_levels (column); i++)
    g_string_append_printf (levels, "%s%s", i ? "|" : "", fe_column_get_level (column, i));
  g_assert_cmpstr (levels->str, ==, expected);
}

/* Every answer stays one level with its own count. */
static void
assert_kept_whole (const Given *given)
{
  g_autoptr(FeStudy) study = load_one_question (given);
  FeColumn *q = fe_study_find_column (study, "q");
  guint n = 0;

  g_assert_true (fe_role_is_single_valued (q->role));
  for (; given[n].answer != NULL; n++)
    g_assert_cmpuint (count_of (study, q, given[n].answer), ==, given[n].count);
  g_assert_cmpuint (fe_column_get_n_levels (q), ==, n);
  g_assert_nonnull (q->inferred_because);
}

static void
test_single_answers_with_commas_stay_whole (void)
{
  const Given honest[] = {
    { "It's important for a person to be honest, kind, and loyal.", 31 },
    { "It's important for a person to be honest, kind and loyal.", 12 },
    { NULL, 0 },
  };
  const Given rude[] = {
    { "Yes, somewhat rude", 40 }, { "Yes, very rude", 25 }, { "No", 35 }, { NULL, 0 },
  };
  const Given employment[] = {
    { "Employed, working full-time", 50 }, { "Employed, working part-time", 20 },
    { "Not employed, looking for work", 8 }, { "Not employed, student", 12 }, { "Retired", 10 },
    { NULL, 0 },
  };
  const Given grid[] = {
    { "Yes, at work", 10 }, { "Yes, at home", 12 }, { "No, at work", 7 }, { "No, at home", 9 },
    { NULL, 0 },
  };

  assert_kept_whole (honest);
  assert_kept_whole (rude);
  assert_kept_whole (employment);
  assert_kept_whole (grid);
}

static void
test_comma_joined_choices_split (void)
{
  const Given tools[] = {
    { "Matlab, Microsoft Excel", 6 }, { "Matlab", 3 }, { "Microsoft Excel", 9 },
    { "Python, Microsoft Excel", 5 }, { "Python", 4 }, { "Matlab, Python", 2 },
    { "Python, Matlab, Microsoft Excel", 1 }, { NULL, 0 },
  };
  g_autoptr(FeStudy) study = load_one_question (tools);
  FeColumn *q = fe_study_find_column (study, "q");

  g_assert_cmpint (q->role, ==, FE_ROLE_MULTI);
  /* Matlab and Python tie: the one first given comes first. */
  assert_levels (q, "Microsoft Excel|Matlab|Python");
  g_assert_cmpuint (count_of (study, q, "Microsoft Excel"), ==, 21);
  g_assert_cmpuint (count_of (study, q, "Python"), ==, 12);
  g_assert_cmpuint (count_of (study, q, "Matlab"), ==, 12);
  g_assert_true (strstr (q->inferred_because, "joined by commas") != NULL);
}

/* Whether @answer is one of @answers, or one of them with more after a comma, or the other
 * way round: a list of single choices never offers "Yes, at work" and "Yes, at work, kind",
 * which is what one option chosen with another looks like. */
static gboolean
extends_another (GPtrArray  *answers,
                 const char *answer)
{
  for (guint i = 0; i < answers->len; i++)
    {
      const char *other = g_ptr_array_index (answers, i);
      gsize a = strlen (answer), o = strlen (other);
      const char *shorter = a < o ? answer : other, *longer = a < o ? other : answer;

      if (strcmp (answer, other) == 0
          || (g_str_has_prefix (longer, shorter) && longer[strlen (shorter)] == ','))
        return TRUE;
    }
  return FALSE;
}

/* A random single-choice question whose answers hold commas: a shared opening ("Yes, …"),
 * parts shared between answers ("…, at work"), lists inside one answer. Never split. */
static void
test_random_single_choice_never_split (void)
{
  static const char * const heads[] = { "Yes", "No", "Employed", "Not employed", "Sometimes",
                                        "It is important to be honest" };
  static const char * const tails[] = { "at work", "at home", "kind", "and loyal",
                                        "somewhat rude", "very rude", "full-time",
                                        "part-time", "student", "kind and loyal",
                                        "retired, or otherwise not working" };
  guint runs = g_test_slow () ? 2000 : 300;

  for (guint run = 0; run < runs; run++)
    {
      guint n_options = (guint) g_test_rand_int_range (2, 9);
      g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func (g_free);
      g_autofree Given *given = g_new0 (Given, n_options + 1);
      g_autoptr(FeStudy) study = NULL;
      FeColumn *q;

      while (answers->len < n_options)
        {
          char *answer = g_test_rand_bit ()
            ? g_strdup_printf ("%s, %s", heads[g_test_rand_int_range (0, G_N_ELEMENTS (heads))],
                               tails[g_test_rand_int_range (0, G_N_ELEMENTS (tails))])
            : g_strdup_printf ("%s, %s, %s",
                               heads[g_test_rand_int_range (0, G_N_ELEMENTS (heads))],
                               tails[g_test_rand_int_range (0, G_N_ELEMENTS (tails))],
                               tails[g_test_rand_int_range (0, G_N_ELEMENTS (tails))]);

          if (extends_another (answers, answer))
            g_free (answer);
          else
            g_ptr_array_add (answers, answer);
        }
      for (guint i = 0; i < n_options; i++)
        {
          given[i].answer = g_ptr_array_index (answers, i);
          given[i].count = (guint) g_test_rand_int_range (1, 60);
        }
      study = load_one_question (given);
      q = fe_study_find_column (study, "q");
      if (q->role == FE_ROLE_MULTI)
        g_error ("run %u: a single-choice question was split: %s", run, q->inferred_because);
      if (q->role == FE_ROLE_TEXT)
        continue;
      g_assert_cmpuint (fe_column_get_n_levels (q), ==, n_options);
      for (guint i = 0; i < n_options; i++)
        g_assert_cmpuint (count_of (study, q, given[i].answer), ==, given[i].count);
    }
}

/* Given least often first, so an order by count would be the scale reversed. */
static void
assert_natural_order (const char * const *in_order,
                      FeRole              role,
                      guint               n_on_scale)
{
  g_autofree Given *given = g_new0 (Given, g_strv_length ((char **) in_order) + 1);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(FeStudy) study = NULL;
  FeColumn *q;
  guint n = 0;

  /* Shuffled in the file, so the file's order does not give it away either. */
  for (guint i = 0; in_order[i] != NULL; i++, n++)
    {
      guint from_end = g_strv_length ((char **) in_order) - 1 - i;

      given[from_end].answer = in_order[i];
      given[from_end].count = i + 2;
      g_string_append_printf (expected, "%s%s", i ? "|" : "", in_order[i]);
    }
  study = load_one_question (given);
  q = fe_study_find_column (study, "q");
  g_assert_cmpint (q->role, ==, role);
  assert_levels (q, expected->str);
  g_assert_cmpuint (fe_column_get_n_scale_levels (q), ==, n_on_scale);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (count_of (study, q, in_order[i]), ==, i + 2);
}

static void
test_natural_order (void)
{
  const char *frequency[] = { "Never", "Once in a while", "About half the time", "Usually",
                              "Always", NULL };
  const char *rates[] = { "Never", "Once a year or less", "A few times a year", "Once a month",
                          "A few times per week", "Every day", NULL };
  const char *amount[] = { "Not at all", "Not much", "Some", "A lot", NULL };
  const char *ages[] = { "under 18", "18-24", "25-34", "35-44", "45-54", "55-64", "65 or over",
                         NULL };
  const char *service[] = { "Less than 1 year", "1-5 years", "6-10 years", "11-20 years",
                            "More than 20 years", NULL };
  const char *income[] = { "Under $25,000", "$25,000 to $49,999", "$50,000 - $74,999",
                           "$75,000 or more", "Prefer not to say", NULL };
  const char *satisfaction[] = { "Very dissatisfied", "Dissatisfied",
                                 "Neither satisfied nor dissatisfied", "Satisfied",
                                 "Very satisfied", "N/A", NULL };
  const char *ease[] = { "Very difficult", "Somewhat difficult", "Neither easy nor difficult",
                         "Somewhat easy", "Very easy", NULL };
  const char *comfort[] = { "Very uncomfortable", "Somewhat uncomfortable",
                            "Somewhat comfortable", "Very comfortable", "Don't know", NULL };
  const char *education[] = { "No formal qualifications", "GCSEs", "A levels", "HND",
                              "Bachelor's degree", "Master's degree", "PhD", NULL };
  const char *importance[] = { "Not at all important", "Not too important",
                               "Somewhat important", "Very important", NULL };

  assert_natural_order (frequency, FE_ROLE_ORDINAL, 5);
  assert_natural_order (rates, FE_ROLE_ORDINAL, 6);
  assert_natural_order (amount, FE_ROLE_ORDINAL, 4);
  assert_natural_order (ages, FE_ROLE_ORDINAL, 7);
  assert_natural_order (service, FE_ROLE_ORDINAL, 5);
  assert_natural_order (income, FE_ROLE_ORDINAL, 4);
  assert_natural_order (satisfaction, FE_ROLE_ORDINAL, 5);
  assert_natural_order (ease, FE_ROLE_ORDINAL, 5);
  assert_natural_order (comfort, FE_ROLE_ORDINAL, 4);
  assert_natural_order (importance, FE_ROLE_ORDINAL, 4);
  assert_natural_order (education, FE_ROLE_ORDINAL, 7);
}

/* Words that only look like a scale keep the order of their counts. */
static void
test_no_order_invented (void)
{
  const Given roles[] = {
    { "Police officer", 30 }, { "Police staff", 20 }, { "Very senior officer", 5 },
    { NULL, 0 },
  };
  const Given routes[] = {
    { "Route 66", 3 }, { "A40", 9 }, { "M4 junction 28", 5 }, { NULL, 0 },
  };
  g_autoptr(FeStudy) study = load_one_question (roles);
  g_autoptr(FeStudy) study2 = load_one_question (routes);

  assert_levels (fe_study_find_column (study, "q"),
                 "Police officer|Police staff|Very senior officer");
  g_assert_cmpint (fe_study_find_column (study, "q")->role, ==, FE_ROLE_ATTRIBUTE);
  assert_levels (fe_study_find_column (study2, "q"), "A40|M4 junction 28|Route 66");
}

static void
test_typed_other_folds (void)
{
  const Given education[] = {
    { "College degree", 40 }, { "Master's degree", 30 }, { "High school", 15 }, { "PhD", 10 },
    { "Associate degree", 5 }, { "Some college", 4 },
    { "Trade school in Cardiff after leaving the army", 1 }, { "Self-taught", 1 },
    { "Still studying for my A levels", 1 }, { "Apprenticeship", 1 },
    { "HND in engineering", 1 }, { "Police training college only", 1 },
    { "Open University modules", 1 }, { NULL, 0 },
  };
  g_autoptr(FeStudy) study = load_one_question (education);
  FeColumn *q = fe_study_find_column (study, "q");
  g_autoptr(FeBitset) everyone = fe_bitset_copy (fe_study_get_universe (study));
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GPtrArray) none = NULL;

  g_assert_cmpint (q->role, ==, FE_ROLE_ATTRIBUTE);
  /* The answers most gave keep their own order, a ladder of education here; Other last. */
  assert_levels (q, "High school|Some college|Associate degree|College degree|"
                    "Master's degree|PhD|Other");
  g_assert_cmpint (q->other_level, ==, 6);
  g_assert_cmpuint (q->n_other_values, ==, 7);
  g_assert_cmpuint (count_of (study, q, "Other"), ==, 7);
  g_assert_cmpuint (count_of (study, q, "PhD"), ==, 10);

  /* What they typed is the Other level's quotes; the other levels have none of their own. */
  quotes = fe_study_collect_quotes (study, q, q->other_level, everyone);
  g_assert_cmpuint (quotes->len, ==, 7);
  g_assert_cmpstr (((FeQuote *) g_ptr_array_index (quotes, 0))->text, ==,
                   "Trade school in Cardiff after leaving the army");
  none = fe_study_collect_quotes (study, q, 0, everyone);
  g_assert_cmpuint (none->len, ==, 0);

  /* The researcher promotes one typed answer to a level of its own. */
  {
    g_autoptr(GArray) typed = fe_study_list_typed_answers (study, q);
    g_autoptr(GPtrArray) corrections = fe_column_corrections_new ();
    FeColumnCorrection *correction = fe_column_corrections_ensure (corrections, "q");
    const char *levels[] = { "High school", "Some college", "Associate degree",
                             "College degree", "Master's degree", "PhD", "Self-taught", NULL };
    FeLoadOptions options = { 0 };
    g_autoptr(GError) error = NULL;
    g_autoptr(FeStudy) again = NULL;
    g_autofree char *path = NULL;
    FeColumn *q2;

    g_assert_cmpuint (typed->len, ==, 7);
    g_assert_cmpuint (g_array_index (typed, FeTypedAnswer, 0).count, ==, 1);
    fe_column_correction_set_levels (correction, levels);
    options.corrections = corrections;
    path = write_one_question (education);
    again = fe_study_load_full (path, NULL, NULL, &options, &error);
    g_assert_no_error (error);
    q2 = fe_study_find_column (again, "q");
    assert_levels (q2, "High school|Some college|Associate degree|College degree|"
                       "Master's degree|PhD|Self-taught|Other");
    g_assert_cmpuint (count_of (again, q2, "Self-taught"), ==, 1);
    g_assert_cmpuint (count_of (again, q2, "Other"), ==, 6);
    g_assert_cmpint (q2->other_level, ==, 7);
  }
}

/* Forty-three forces, each repeated: a category to chart and filter by, not open text. */
static void
test_many_repeated_levels_are_categories (void)
{
  g_autofree Given *forces = g_new0 (Given, 44);
  g_autofree Given *employers = g_new0 (Given, 121);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(FeStudy) study = NULL;
  g_autoptr(FeStudy) study2 = NULL;
  FeColumn *q;

  for (guint i = 0; i < 43; i++)
    {
      char *name = g_strdup_printf ("Force %02u Constabulary", i + 1);

      g_ptr_array_add (names, name);
      forces[i].answer = name;
      forces[i].count = 20 + i;
    }
  study = load_one_question (forces);
  q = fe_study_find_column (study, "q");
  g_assert_cmpint (q->role, ==, FE_ROLE_ATTRIBUTE);
  g_assert_cmpuint (fe_column_get_n_levels (q), ==, 43);
  g_assert_cmpuint (count_of (study, q, "Force 43 Constabulary"), ==, 62);
  /* By count, most first. */
  g_assert_cmpstr (fe_column_get_level (q, 0), ==, "Force 43 Constabulary");

  for (guint i = 0; i < 120; i++)
    {
      char *name = g_strdup_printf ("Employer %u", i + 1);

      g_ptr_array_add (names, name);
      employers[i].answer = name;
      employers[i].count = 6;
    }
  study2 = load_one_question (employers);
  q = fe_study_find_column (study2, "q");
  g_assert_cmpint (q->role, ==, FE_ROLE_ATTRIBUTE);
  g_assert_cmpuint (fe_column_get_n_levels (q), ==, 120);
}

/* Four hundred employers, fifteen respondents each, in no order: the loader keeps them as
 * values long enough for inference to see them repeat. */
static void
test_hundreds_of_repeated_levels (void)
{
  g_autoptr(GString) csv = g_string_new ("id,employer\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autofree guint *order = g_new (guint, 6000);
  g_autoptr(FeStudy) study = NULL;
  FeColumn *employer;

  for (guint i = 0; i < 6000; i++)
    order[i] = i % 400;
  for (guint i = 6000; i-- > 1;)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i + 1), t = order[i];

      order[i] = order[j];
      order[j] = t;
    }
  for (guint i = 0; i < 6000; i++)
    g_string_append_printf (csv, "%u,Employer %u\n", i + 1, order[i] + 1);
  study = load_text (csv->str);
  employer = find (study, "employer");
  g_assert_cmpint (employer->role, ==, FE_ROLE_ATTRIBUTE);
  g_assert_cmpuint (fe_column_get_n_levels (employer), ==, 400);
  g_assert_cmpuint (count_of (study, employer, "Employer 400"), ==, 15);
}

/* On request, a long list's answers given by fewer than N respondents fold into "Other", and
 * the project file keeps the request. */
static void
test_long_list_folds_on_request (void)
{
  g_autofree Given *forces = g_new0 (Given, 44);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) corrections = fe_column_corrections_new ();
  FeLoadOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = NULL;
  g_autofree char *path = NULL;
  FeColumn *q;

  for (guint i = 0; i < 43; i++)
    {
      char *name = g_strdup_printf ("Force %02u", i + 1);

      g_ptr_array_add (names, name);
      forces[i].answer = name;
      forces[i].count = i < 40 ? 2 : 50 + i;
    }
  path = write_one_question (forces);
  fe_column_corrections_ensure (corrections, "q")->fold_below = 5;
  options.corrections = corrections;
  study = fe_study_load_full (path, NULL, NULL, &options, &error);
  g_assert_no_error (error);
  q = fe_study_find_column (study, "q");
  assert_levels (q, "Force 43|Force 42|Force 41|Other");
  g_assert_cmpint (q->other_level, ==, 3);
  g_assert_cmpuint (count_of (study, q, "Other"), ==, 80);
  g_assert_cmpuint (q->n_other_values, ==, 40);
}

/* Open answers that happen to repeat a little stay open text. */
static void
test_open_text_stays_text (void)
{
  g_autofree Given *given = g_new0 (Given, 61);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(FeStudy) study = NULL;

  for (guint i = 0; i < 60; i++)
    {
      char *text = g_strdup_printf ("I think the training in area %u could be better", i);

      g_ptr_array_add (names, text);
      given[i].answer = text;
      given[i].count = i % 10 == 0 ? 2 : 1;
    }
  study = load_one_question (given);
  g_assert_cmpint (fe_study_find_column (study, "q")->role, ==, FE_ROLE_TEXT);
}

/* SurveyMonkey's one-header export: "Question - Option" over one column per option, each
 * holding its option or nothing, then what was typed for Other. */
static void
test_option_columns_flattened (void)
{
  g_autoptr(FeStudy) study = load_text (
    "Respondent ID,Which do you eat? Please select all that apply. - Carrots,"
    "Which do you eat? Please select all that apply. - Peas,"
    "Which do you eat? Please select all that apply. - Beans,"
    "Which do you eat? Please select all that apply. - Other (please specify),Age\n"
    "1,Carrots,,Beans,,18-24\n"
    "2,,Peas,,Kale,25-34\n"
    "3,Carrots,Peas,,,18-24\n"
    "4,Carrots,,,,25-34\n");
  FeColumn *eat = find (study, "Which do you eat? Please select all that apply.");
  g_autoptr(GPtrArray) typed = NULL;

  g_assert_cmpint (eat->role, ==, FE_ROLE_MULTI);
  assert_levels (eat, "Carrots|Peas|Beans|Other (please specify)");
  g_assert_cmpuint (count_of (study, eat, "Carrots"), ==, 3);
  g_assert_cmpuint (count_of (study, eat, "Peas"), ==, 2);
  g_assert_cmpuint (count_of (study, eat, "Other (please specify)"), ==, 1);
  typed = fe_study_collect_quotes (study, eat, eat->other_level, fe_study_get_universe (study));
  g_assert_cmpuint (typed->len, ==, 1);
  g_assert_cmpstr (((FeQuote *) g_ptr_array_index (typed, 0))->text, ==, "Kale");
}

/* Qualtrics: Q5_1…Q5_3 holding their option, Q6_1…Q6_3 marked 1 or 0 with the options in the
 * question text row, and what was typed for Q6_3 in Q6_3_TEXT. Never bars called "0" and
 * "1". */
static void
test_option_columns_qualtrics (void)
{
  g_autoptr(FeStudy) study = load_text (
    "StartDate,Finished,ResponseId,Q5_1,Q5_2,Q5_3,Q6_1,Q6_2,Q6_3,Q6_3_TEXT\n"
    "Start Date,Finished,Response ID,Which? - Police,Which? - Health,Which? - Council,"
    "Trained in? - Drugs,Trained in? - Debt,Trained in? - Other,Trained in? - Other - Text\n"
    "2023-01-01,True,R_1,Police,,Council,1,0,0,\n"
    "2023-01-01,True,R_2,,Health,,1,1,1,Knife crime\n"
    "2023-01-01,True,R_3,Police,Health,,0,0,0,\n"
    "2023-01-01,True,R_4,Police,,,0,1,1,County lines\n");
  FeColumn *which = find (study, "Q5");
  FeColumn *trained = find (study, "Q6");
  g_autoptr(GPtrArray) typed = NULL;

  g_assert_cmpint (which->role, ==, FE_ROLE_MULTI);
  assert_levels (which, "Police|Health|Council");
  g_assert_cmpuint (count_of (study, which, "Police"), ==, 3);
  g_assert_cmpint (trained->role, ==, FE_ROLE_MULTI);
  assert_levels (trained, "Drugs|Debt|Other");
  g_assert_cmpuint (count_of (study, trained, "Drugs"), ==, 2);
  g_assert_cmpuint (count_of (study, trained, "Debt"), ==, 2);
  g_assert_cmpuint (count_of (study, trained, "Other"), ==, 2);
  /* Who marked nothing still answered: 0 is an answer. */
  g_assert_cmpuint (fe_bitset_count (trained->answered), ==, 4);
  g_assert_cmpstr (fe_study_get_answer (study, trained, 0), ==, "Drugs");
  typed = fe_study_collect_quotes (study, trained, trained->other_level,
                                   fe_study_get_universe (study));
  g_assert_cmpuint (typed->len, ==, 2);
  g_assert_cmpstr (((FeQuote *) g_ptr_array_index (typed, 1))->text, ==, "County lines");
}

/* Typeform: the options are the column names, the question is nowhere; TRUE/FALSE marks. */
static void
test_option_columns_named (void)
{
  g_autoptr(FeStudy) study = load_text (
    "#,Carrots,Peas,Beans,Likes school,Likes work,Submitted At\n"
    "a1,Carrots,,Beans,TRUE,FALSE,2023-01-01\n"
    "a2,,Peas,,TRUE,TRUE,2023-01-01\n"
    "a3,Carrots,Peas,,FALSE,FALSE,2023-01-01\n");
  FeColumn *veg = find (study, "Carrots, Peas, Beans");

  g_assert_cmpint (veg->role, ==, FE_ROLE_MULTI);
  assert_levels (veg, "Carrots|Peas|Beans");
  g_assert_cmpuint (count_of (study, veg, "Carrots"), ==, 2);
  g_assert_cmpuint (count_of (study, veg, "Beans"), ==, 1);
  /* Yes/no columns of their own are not merged by their names. */
  g_assert_cmpuint (fe_column_get_n_levels (find (study, "Likes school")), ==, 2);
}

/* A Qualtrics export saved again by Excel: no ImportId row, the question texts still under
 * the ids. The texts are labels, not a respondent. */
static void
test_qualtrics_saved_by_excel (void)
{
  g_autoptr(FeStudy) study = load_text (
    "StartDate,EndDate,Status,Progress,Duration (in seconds),Finished,Q1,Q2\n"
    "Start Date,End Date,Response Type,Progress,Duration (in seconds),Finished,"
    "How well prepared do you feel?,Which force?\n"
    "03/02/2023 10:01,03/02/2023 10:11,IP Address,100,600,True,Very well,Gwent Police\n"
    "03/02/2023 10:02,03/02/2023 10:12,IP Address,100,600,True,Slightly well,Gwent Police\n"
    "03/02/2023 10:03,03/02/2023 10:13,IP Address,100,600,True,Very well,Dyfed-Powys Police\n");
  FeColumn *q1 = find (study, "Q1");

  g_assert_cmpstr (fe_study_get_format_name (study), ==, "Qualtrics");
  g_assert_cmpuint (fe_study_get_n_rows (study), ==, 3);
  g_assert_cmpstr (q1->label, ==, "How well prepared do you feel?");
  g_assert_cmpint (q1->role, ==, FE_ROLE_ORDINAL);
  g_assert_cmpint (fe_column_find_level (q1, "How well prepared do you feel?"), ==, -1);
  g_assert_cmpuint (count_of (study, q1, "Very well"), ==, 2);
}

/* A rating is as long as its question says, not as its answers: a 1–5 item nobody rated 5
 * keeps 5 (and its midpoint 3), and "9 = Don't know" stands outside the scale. */
static void
test_rating_scale_stated_by_the_question (void)
{
  g_autoptr(GString) csv = g_string_new ("id,Breaks (1=Strongly disagree ... 5=Strongly agree),"
                                         "\"Trust (1 = Not at all, 5 = Completely, "
                                         "9 = Don't know)\",Recommend (0-10),Age (18-65)\n");
  g_autoptr(FeStudy) study = NULL;
  FeColumn *breaks, *trust, *recommend;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (csv, "%u,%u,%u,%u,%u\n", i + 1, 1 + i % 4, i % 8 == 0 ? 9 : 1 + i % 5,
                            3 + i % 5, 18 + i);
  study = load_text (csv->str);
  breaks = find (study, "Breaks (1=Strongly disagree ... 5=Strongly agree)");
  trust = find (study, "Trust (1 = Not at all, 5 = Completely, 9 = Don't know)");
  recommend = find (study, "Recommend (0-10)");

  g_assert_cmpint (breaks->role, ==, FE_ROLE_ORDINAL);
  assert_levels (breaks, "1|2|3|4|5");
  g_assert_cmpuint (fe_column_get_n_scale_levels (breaks), ==, 5);
  g_assert_cmpuint (count_of (study, breaks, "5"), ==, 0);
  g_assert_cmpstr (fe_column_get_level_description (breaks, 0), ==, "Strongly disagree");

  assert_levels (trust, "1|2|3|4|5|9");
  g_assert_cmpuint (fe_column_get_n_scale_levels (trust), ==, 5);
  g_assert_cmpuint (count_of (study, trust, "9"), ==, 5);
  g_assert_cmpstr (fe_column_get_level_description (trust, 5), ==, "Don't know");
  g_assert_nonnull (strstr (fe_column_describe_role_source (trust), "9 (Don't know)"));

  assert_levels (recommend, "0|1|2|3|4|5|6|7|8|9|10");
  g_assert_cmpuint (count_of (study, recommend, "0"), ==, 0);
  /* "6 = Other" is no point of the scale, nor plainly outside it: the answers decide. */
  g_clear_object (&study);
  study = load_text ("id,\"Overall (1-5, 6 = Other)\"\n1,1\n2,2\n3,3\n4,4\n5,6\n6,2\n");
  g_assert_null (strstr (fe_column_describe_role_source (find (study, "Overall (1-5, 6 = Other)")),
                         "states"));
  g_clear_object (&study);
  study = load_text (csv->str);
  /* Ages are no rating, whatever range the question gives. */
  g_assert_cmpint (find (study, "Age (18-65)")->role, !=, FE_ROLE_ORDINAL);
}

/* "Poor, Fair, Good, Excellent" is a scale of four, not five without "Very good" (which would
 * make "Good" its neutral middle): the known scale that adds the fewest points nobody chose is
 * taken, and a point added to complete one is named. */
static void
test_known_scale_without_an_inner_point (void)
{
  g_autoptr(GString) csv = g_string_new ("id,food,venue\n");
  static const char * const food[] = { "Poor", "Fair", "Good", "Excellent" };
  static const char * const venue[] = { "Poor", "Fair", "Good", "Very good" };
  g_autoptr(FeStudy) study = NULL;
  FeColumn *column;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (csv, "%u,%s,%s\n", i + 1, food[i % 4], venue[i % 4]);
  study = load_text (csv->str);
  column = find (study, "food");
  g_assert_cmpint (column->role, ==, FE_ROLE_ORDINAL);
  assert_levels (column, "Poor|Fair|Good|Excellent");
  column = find (study, "venue");
  assert_levels (column, "Very poor|Poor|Fair|Good|Very good");
  g_assert_nonnull (strstr (fe_column_describe_role_source (column), "“Very poor”"));
}

/* Alchemer (SurveyGizmo) records its own columns, the place it finds from the IP address
 * among them, and says Partial or Disqualified of a response not completed. */
static void
test_alchemer_export (void)
{
  g_autoptr(FeStudy) study = load_text (
    "Response ID,Time Started,Date Submitted,Status,City,Postal,How satisfied are you?\n"
    "1,\"Jan 05, 2024 10:12:00 am\",\"Jan 05, 2024 10:17:00 am\",Complete,Cardiff,CF10,Happy\n"
    "2,\"Jan 05, 2024 10:13:00 am\",\"Jan 05, 2024 10:18:00 am\",Partial,Cardiff,CF10,Sad\n"
    "3,\"Jan 05, 2024 10:14:00 am\",\"Jan 05, 2024 10:19:00 am\",Disqualified,Cardiff,CF10,"
    "Happy\n"
    "4,\"Jan 05, 2024 10:15:00 am\",\"Jan 05, 2024 10:20:00 am\",Complete,Cardiff,CF10,Sad\n");

  g_assert_cmpstr (fe_study_get_format_name (study), ==, "Alchemer");
  g_assert_true (find (study, "Time Started")->metadata);
  g_assert_true (find (study, "City")->metadata);
  g_assert_true (find (study, "Postal")->identifying);
  g_assert_false (find (study, "How satisfied are you?")->metadata);
  g_assert_cmpuint (fe_bitset_count (fe_study_get_universe (study)), ==, 2);
}

/* Two columns of one name are both kept, and the second's new name is said. */
static void
test_repeated_column_name_is_said (void)
{
  g_autoptr(FeStudy) study = load_text ("id,Comments,force,Comments\n1,Fine,Gwent,Slow\n"
                                        "2,Good,North,Quick\n");
  GPtrArray *warnings = fe_study_get_warnings (study);
  gboolean said = FALSE;

  g_assert_nonnull (find (study, "Comments (2)"));
  for (guint i = 0; i < warnings->len; i++)
    said |= strstr (g_ptr_array_index (warnings, i), "column 4: another column is also named "
                                                     "“Comments”, so this one is called "
                                                     "“Comments (2)”") != NULL;
  g_assert_true (said);
}

/* LimeSurvey records when a response was sent, the last page seen, a seed and the language
 * beside the answers: none is a question, and a response never sent (no submitdate) is
 * incomplete. */
static void
test_limesurvey_response_table (void)
{
  g_autoptr(FeStudy) study = load_text (
    "\"id\",\"submitdate\",\"lastpage\",\"startlanguage\",\"seed\",\"gender\",\"q1\"\n"
    "\"1\",\"2024-04-02 11:01:00\",\"3\",\"en\",\"653762\",\"F\",\"A1\"\n"
    "\"2\",\"2024-04-02 11:02:00\",\"3\",\"en\",\"789679\",\"M\",\"A2\"\n"
    "\"3\",\"\",\"1\",\"en\",\"123456\",\"F\",\"A2\"\n"
    "\"4\",\"2024-04-02 11:04:00\",\"3\",\"en\",\"222222\",\"F\",\"A1\"\n");

  g_assert_cmpstr (fe_study_get_format_name (study), ==, "LimeSurvey");
  g_assert_true (find (study, "lastpage")->metadata);
  g_assert_true (find (study, "seed")->metadata);
  g_assert_false (find (study, "q1")->metadata);
  g_assert_cmpuint (fe_bitset_count (fe_study_get_universe (study)), ==, 3);
}

/* Answers the questionnaire numbered are in the order of their numbers, whatever their words
 * or how often they were given: a scale when the words grade (a known wording then completes
 * it at its ends, written as the others) or some answers are bare numbers between labelled
 * ends, a rating's; a numbered list of categories otherwise, never with a midpoint. */
static void
test_numbered_answers (void)
{
  static const Given agree[] = {
    { "4 - Agree", 9 }, { "2 - Disagree", 10 }, { "5 - Strongly agree", 3 },
    { "3 - Neither agree nor disagree", 6 }, { "Don't know", 2 }, { "99 - Refused", 1 },
    { NULL },
  };
  static const Given suffixed[] = {
    { "Agree (4)", 9 }, { "Disagree (2)", 10 }, { "Strongly disagree (1)", 3 },
    { "Neither agree nor disagree (3)", 6 }, { NULL },
  };
  static const Given likely[] = {
    { "10 - Extremely likely", 9 }, { "8", 10 }, { "2", 3 }, { "9", 4 }, { "6", 5 },
    { "5", 4 }, { "7", 6 }, { "3", 2 }, { NULL },
  };
  static const Given crimes[] = {
    { "2. Theft", 9 }, { "4. Assault", 10 }, { "1. Burglary", 3 }, { NULL },
  };
  static const Given years[] = {
    { "1 - 5 years", 9 }, { "11 - 20 years", 10 }, { "6 - 10 years", 3 }, { NULL },
  };
  static const Given promoters[] = {
    { "10 - Extremely likely", 9 }, { "9", 4 }, { "7", 6 }, { "5", 4 }, { "8", 2 }, { NULL },
  };
  static const Given three[] = {
    { "1 - Disagree", 9 }, { "3 - Agree", 4 }, { "2 - Neither agree nor disagree", 6 },
    { "8. Can't choose", 2 }, { NULL },
  };
  static const Given reversed[] = {
    { "1 - Strongly agree", 9 }, { "2 - Agree", 4 }, { "4 - Disagree", 6 },
    { "5 - Strongly disagree", 2 }, { "3 - Neither agree nor disagree", 3 }, { NULL },
  };
  static const Given negative[] = {
    { "-2 - Strongly disagree", 3 }, { "1 - Agree", 4 }, { "-1 - Disagree", 6 },
    { "2 - Strongly agree", 2 }, { "0 - Neither agree nor disagree", 3 }, { NULL },
  };
  static const Given reversed_ends[] = {
    { "1 - Strongly agree", 9 }, { "2", 4 }, { "4", 6 }, { "5 - Strongly disagree", 2 },
    { "3", 3 }, { NULL },
  };
  static const Given list_and_number[] = {
    { "1. Burglary", 9 }, { "2. Theft", 4 }, { "3", 6 }, { NULL },
  };
  static const Given bracketed[] = {
    { "5 (Very confident)", 20 }, { "1 (Not at all confident)", 12 }, { "2", 11 },
    { "4", 11 }, { "3", 6 }, { NULL },
  };
  static const Given bracketed_agree[] = {
    { "4 (Agree)", 9 }, { "2 (Disagree)", 10 }, { "5 (Strongly agree)", 3 },
    { "3 (Neither agree nor disagree)", 6 }, { NULL },
  };
  g_autoptr(FeStudy) study = load_one_question (agree);
  FeColumn *q = find (study, "q");

  g_assert_cmpint (q->role, ==, FE_ROLE_ORDINAL);
  assert_levels (q, "1 - Strongly disagree|2 - Disagree|3 - Neither agree nor disagree|"
                    "4 - Agree|5 - Strongly agree|Don't know|99 - Refused");
  g_assert_cmpuint (count_of (study, q, "1 - Strongly disagree"), ==, 0);
  g_assert_cmpuint (fe_column_get_n_scale_levels (q), ==, 5);
  g_clear_object (&study);

  study = load_one_question (suffixed);
  q = find (study, "q");
  g_assert_cmpint (q->role, ==, FE_ROLE_ORDINAL);
  assert_levels (q, "Strongly disagree (1)|Disagree (2)|Neither agree nor disagree (3)|"
                    "Agree (4)|Strongly agree (5)");
  g_clear_object (&study);

  study = load_one_question (likely);
  q = find (study, "q");
  g_assert_cmpint (q->role, ==, FE_ROLE_ORDINAL);
  assert_levels (q, "2|3|4|5|6|7|8|9|10 - Extremely likely");
  g_assert_cmpuint (count_of (study, q, "4"), ==, 0);
  g_clear_object (&study);

  study = load_one_question (crimes);
  q = find (study, "q");
  g_assert_cmpint (q->role, ==, FE_ROLE_ATTRIBUTE);
  assert_levels (q, "1. Burglary|2. Theft|4. Assault");
  g_clear_object (&study);

  study = load_one_question (years);
  q = find (study, "q");
  assert_levels (q, "1 - 5 years|6 - 10 years|11 - 20 years");
  g_clear_object (&study);

  /* One labelled end of a rating places no wording: the bare numbers are the scale. */
  study = load_one_question (promoters);
  q = find (study, "q");
  assert_levels (q, "5|6|7|8|9|10 - Extremely likely");
  g_clear_object (&study);

  /* Answers numbered from 1 have no point 0: a three-point wording stays three points. */
  study = load_one_question (three);
  q = find (study, "q");
  assert_levels (q, "1 - Disagree|2 - Neither agree nor disagree|3 - Agree|8. Can't choose");
  g_assert_cmpuint (fe_column_get_n_scale_levels (q), ==, 3);
  g_clear_object (&study);

  /* Numbered the other way, a scale is in its words' order, disagreeing first. */
  study = load_one_question (reversed);
  q = find (study, "q");
  g_assert_cmpint (q->role, ==, FE_ROLE_ORDINAL);
  assert_levels (q, "5 - Strongly disagree|4 - Disagree|3 - Neither agree nor disagree|"
                    "2 - Agree|1 - Strongly agree");
  g_clear_object (&study);

  study = load_one_question (negative);
  q = find (study, "q");
  g_assert_cmpint (q->role, ==, FE_ROLE_ORDINAL);
  assert_levels (q, "-2 - Strongly disagree|-1 - Disagree|0 - Neither agree nor disagree|"
                    "1 - Agree|2 - Strongly agree");
  g_clear_object (&study);

  /* Labelled only at its ends, numbered the other way, a rating still runs with its words. */
  study = load_one_question (reversed_ends);
  q = find (study, "q");
  assert_levels (q, "5 - Strongly disagree|4|3|2|1 - Strongly agree");
  g_clear_object (&study);

  /* One bare number among named categories makes no rating. */
  study = load_one_question (list_and_number);
  q = find (study, "q");
  g_assert_cmpint (q->role, ==, FE_ROLE_ATTRIBUTE);
  g_clear_object (&study);

  /* Words in brackets after the number ("1 (Not at all confident)"), as at a rating's ends. */
  study = load_one_question (bracketed);
  q = find (study, "q");
  g_assert_cmpint (q->role, ==, FE_ROLE_ORDINAL);
  assert_levels (q, "1 (Not at all confident)|2|3|4|5 (Very confident)");
  g_assert_cmpuint (count_of (study, q, "5 (Very confident)"), ==, 20);
  g_clear_object (&study);

  /* A known wording in brackets completes its scale, written alike. */
  study = load_one_question (bracketed_agree);
  q = find (study, "q");
  g_assert_cmpint (q->role, ==, FE_ROLE_ORDINAL);
  assert_levels (q, "1 (Strongly disagree)|2 (Disagree)|3 (Neither agree nor disagree)|"
                    "4 (Agree)|5 (Strongly agree)");
  g_assert_cmpuint (count_of (study, q, "1 (Strongly disagree)"), ==, 0);
  g_clear_object (&study);
}

/* Commas as well as dots may group thousands or mark decimals. "£12,322.25" and "1,250,000"
 * can only group thousands with commas; "89,4" and "24.467,98" in a file separated by
 * semicolons only mark decimals with them. "35,094" alone fits both and is kept as written,
 * unless a codebook says the column is numeric: then it is 35,094, and the researcher is told.
 * A column writing decimals both ways is kept as written. */
static void
test_commas_in_numbers (void)
{
  g_autoptr(GString) pounds = g_string_new ("id,spend\n");
  g_autoptr(GString) german = g_string_new ("id;gewicht;betrag\n");
  g_autoptr(GString) unsure = g_string_new ("id,salary\n");
  g_autoptr(GString) mixed = g_string_new ("id,hours\n");
  g_autoptr(FeStudy) study = NULL;
  FeColumn *column;

  for (guint i = 0; i < 30; i++)
    {
      g_string_append_printf (pounds, "%u,\"£%u,%03u.%02u\"\n", i + 1, 1 + i, (i * 37) % 1000,
                              i % 100);
      g_string_append_printf (german, "%u;%u,%u;%u.%03u,%02u\n", i + 1, 50 + i, i % 10, 1 + i,
                              (i * 37) % 1000, i);
      g_string_append_printf (unsure, "%u,\"%u,%03u\"\n", i + 1, 18 + i, (i * 37) % 1000);
      g_string_append_printf (mixed, "%u,\"%u%s%u\"\n", i + 1, i, i % 2 ? "." : ",", i % 10);
    }
  study = load_text (pounds->str);
  column = find (study, "spend");
  g_assert_cmpint (column->role, ==, FE_ROLE_NUMERIC);
  g_assert_cmpfloat (column->numbers[2], ==, 3074.02);
  g_assert_nonnull (strstr (fe_column_describe_role_source (column), "comma between thousands"));
  g_clear_object (&study);

  study = load_text (german->str);
  column = find (study, "gewicht");
  g_assert_cmpint (column->role, ==, FE_ROLE_NUMERIC);
  g_assert_cmpfloat (column->numbers[3], ==, 53.3);
  column = find (study, "betrag");
  g_assert_cmpint (column->role, ==, FE_ROLE_NUMERIC);
  g_assert_cmpfloat (column->numbers[2], ==, 3074.02);
  g_clear_object (&study);

  study = load_text (unsure->str);
  column = find (study, "salary");
  g_assert_cmpint (column->role, !=, FE_ROLE_NUMERIC);
  g_assert_nonnull (strstr (fe_column_describe_role_source (column), "“3,525” could have a comma"));
  g_clear_object (&study);

  /* "45%" is 45 where every number is a percentage; beside "0.45" it may not be. */
  g_string_assign (mixed, "id,rate,share\n");
  for (guint i = 0; i < 30; i++)
    g_string_append_printf (mixed, "%u,%u%%,%s%u%s\n", i + 1, 3 * i, i % 2 ? "" : "0.",
                            10 + 3 * i, i % 2 ? "%" : "");
  study = load_text (mixed->str);
  column = find (study, "rate");
  g_assert_cmpint (column->role, ==, FE_ROLE_NUMERIC);
  g_assert_cmpfloat (column->numbers[5], ==, 15);
  column = find (study, "share");
  g_assert_cmpint (column->role, !=, FE_ROLE_NUMERIC);
  g_assert_nonnull (strstr (fe_column_describe_role_source (column), "percent sign"));
  g_clear_object (&study);

  /* One or two decimals tell decimals less than a mark between thousands ends in 0: "£2,5"
   * among "£1,500", "£2,250" … is a slip, and "1.2" among "14.300" no reading of them all.
   * Amounts in different currencies are no one unit. Written "1.184,24", an amount is no
   * band from 1.184 to 24. */
  g_string_assign (mixed, "id;rent;income;price;gehalt\n");
  for (guint i = 0; i < 30; i++)
    g_string_append_printf (mixed, "%u;\"£%u,%u00\";%u.%u00;%s%u.%02u;%u.%03u,%02u\n", i + 1,
                            1 + i % 9, i % 10, 10 + i, i % 10,
                            i % 3 == 0 ? "$" : i % 3 == 1 ? "£" : "€", 10 + i, i,
                            1 + i % 9, (i * 37) % 1000, i);
  g_string_append (mixed, "31;£2,5;1.2;£1.50;1.184,24\n");
  study = load_text (mixed->str);
  g_assert_cmpint (find (study, "rent")->role, !=, FE_ROLE_NUMERIC);
  g_assert_cmpint (find (study, "income")->role, !=, FE_ROLE_NUMERIC);
  column = find (study, "price");
  g_assert_cmpint (column->role, !=, FE_ROLE_NUMERIC);
  g_assert_nonnull (strstr (fe_column_describe_role_source (column), "currency"));
  column = find (study, "gehalt");
  g_assert_cmpint (column->role, ==, FE_ROLE_NUMERIC);
  g_assert_cmpfloat (column->numbers[30], ==, 1184.24);
  g_clear_object (&study);

  /* "£980" beside "£1,234" tells the comma is between thousands, as "980" does; in a file
   * separated by semicolons, where a comma marks decimals, the two tell opposite ways: kept. */
  g_string_assign (mixed, "id,rent\n");
  g_string_assign (german, "id;rent\n");
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *rent = i % 3 ? g_strdup_printf ("%u,%03u", 1 + i % 4, (i * 37) % 1000)
                                    : g_strdup_printf ("%u", 600 + i);

      g_string_append_printf (mixed, "%u,\"£%s\"\n", i + 1, rent);
      g_string_append_printf (german, "%u;%s\n", i + 1, rent);
    }
  study = load_text (mixed->str);
  column = find (study, "rent");
  g_assert_cmpint (column->role, ==, FE_ROLE_NUMERIC);
  g_assert_cmpfloat (column->numbers[1], ==, 2037);
  g_clear_object (&study);
  study = load_text (german->str);
  g_assert_cmpint (find (study, "rent")->role, !=, FE_ROLE_NUMERIC);
  g_clear_object (&study);

  g_string_assign (mixed, "id,hours\n");
  for (guint i = 0; i < 30; i++)
    g_string_append_printf (mixed, "%u,\"%u%s%u\"\n", i + 1, i, i % 2 ? "." : ",", i % 10);
  study = load_text (mixed->str);
  column = find (study, "hours");
  g_assert_cmpint (column->role, !=, FE_ROLE_NUMERIC);
  g_assert_nonnull (strstr (fe_column_describe_role_source (column), "kept as written"));
  g_clear_object (&study);

  {
    g_autofree char *responses = fe_test_write_file ("salaries.csv", unsure->str, -1);
    g_autofree char *codebook = fe_test_write_file ("salary-codebook.csv",
                                                    "column,role\nid,id\nsalary,numeric\n", -1);
    g_autoptr(GError) error = NULL;
    GPtrArray *warnings;

    study = fe_study_load (responses, codebook, NULL, &error);
    g_assert_no_error (error);
    column = find (study, "salary");
    g_assert_cmpfloat (column->numbers[1], ==, 19037);
    warnings = fe_study_get_warnings (study);
    g_assert_cmpuint (warnings->len, ==, 1);
    g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "read with a comma between "
                              "thousands"));
    g_clear_object (&study);
    g_clear_pointer (&responses, g_free);

    /* One answer "2,5" beside ambiguous commas tells nothing: every comma is kept. */
    g_string_append (unsure, "31,\"2,5\"\n");
    responses = fe_test_write_file ("salaries.csv", unsure->str, -1);
    study = fe_study_load (responses, codebook, NULL, &error);
    g_assert_no_error (error);
    column = find (study, "salary");
    g_assert_true (isnan (column->numbers[1]) && isnan (column->numbers[30]));
    g_assert_cmpint (fe_column_find_level (column, "2,5"), >=, 0);
    warnings = fe_study_get_warnings (study);
    g_assert_cmpuint (warnings->len, ==, 1);
    g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "too few answers tell"));
    g_clear_object (&study);

    /* The researcher says how: "19,037" is 19.037 with a comma before decimals, and nothing
     * is left to warn about. */
    {
      g_autoptr(GPtrArray) corrections = fe_column_corrections_new ();
      FeLoadOptions options = { .corrections = corrections };
      FeColumnCorrection *salary = fe_column_corrections_ensure (corrections, "salary");

      fe_column_correction_set_role (salary, FE_ROLE_NUMERIC);
      fe_column_correction_set_notation (salary, FE_NOTATION_DECIMAL_COMMA);
      study = fe_study_load_full (responses, NULL, NULL, &options, &error);
      g_assert_no_error (error);
      column = find (study, "salary");
      g_assert_cmpfloat_with_epsilon (column->numbers[1], 19.037, 1e-9);
      g_assert_cmpfloat (column->numbers[30], ==, 2.5);
      g_assert_cmpuint (fe_study_get_warnings (study)->len, ==, 0);
      g_clear_object (&study);
    }

    /* Over a notation the answers told, the choice holds, and the reason says so. */
    {
      g_autoptr(GPtrArray) corrections = fe_column_corrections_new ();
      FeLoadOptions options = { .corrections = corrections };
      g_autofree char *amounts = fe_test_write_file ("pounds.csv", pounds->str, -1);

      fe_column_correction_set_notation (fe_column_corrections_ensure (corrections, "spend"),
                                         FE_NOTATION_DECIMAL_COMMA);
      study = fe_study_load_full (amounts, NULL, NULL, &options, &error);
      g_assert_no_error (error);
      column = find (study, "spend");
      g_assert_true (isnan (column->numbers[2]));
      g_assert_nonnull (strstr (fe_column_describe_role_source (column), "chosen in Columns"));
    }
  }
}

/* REDCap keeps a checkbox question in one column per option, "symptoms___2" raw or
 * "Symptoms (choice=Fever)" with labels, ticked 1 or "Checked": one multi-select question,
 * whose base is the records that ticked something (REDCap writes 0 under options nobody saw).
 * Its events, forms' status and survey times are REDCap's records, not questions. */
static void
test_redcap_checkboxes (void)
{
  g_autoptr(FeStudy) raw = load_text (
    "record_id,redcap_event_name,age,symptoms___1,symptoms___2,symptoms___99,"
    "baseline_timestamp,baseline_complete\n"
    "1,visit_1,34,1,0,1,2024-01-02 10:00,2\n"
    "2,visit_1,45,0,1,1,2024-01-02 11:00,2\n"
    "3,visit_1,29,0,0,0,[not completed],0\n"
    "4,visit_1,52,1,1,0,2024-01-03 09:00,2\n");
  g_autoptr(FeStudy) labelled = load_text (
    "Record ID,Age,Symptoms (choice=Cough),Symptoms (choice=Fever),Symptoms (choice=None),"
    "Complete?\n"
    "1,34,Checked,Unchecked,Unchecked,Complete\n"
    "2,45,Checked,Checked,Unchecked,Complete\n"
    "3,29,Unchecked,Unchecked,Checked,Incomplete\n");
  FeColumn *symptoms = find (raw, "symptoms");
  FeColumn *named = find (labelled, "Symptoms");

  g_assert_cmpstr (fe_study_get_format_name (raw), ==, "REDCap");
  g_assert_cmpint (symptoms->role, ==, FE_ROLE_MULTI);
  assert_levels (symptoms, "1|2|99");
  g_assert_cmpuint (count_of (raw, symptoms, "1"), ==, 2);
  g_assert_cmpuint (count_of (raw, symptoms, "99"), ==, 2);
  g_assert_cmpuint (fe_bitset_count (symptoms->answered), ==, 3);
  g_assert_true (find (raw, "redcap_event_name")->metadata);
  g_assert_true (find (raw, "baseline_complete")->metadata);
  g_assert_true (find (raw, "baseline_timestamp")->metadata);
  g_assert_null (fe_study_find_column (raw, "symptoms___1"));

  g_assert_cmpstr (fe_study_get_format_name (labelled), ==, "REDCap");
  g_assert_cmpint (named->role, ==, FE_ROLE_MULTI);
  assert_levels (named, "Cough|Fever|None");
  g_assert_cmpuint (count_of (labelled, named, "Cough"), ==, 2);
  g_assert_cmpuint (count_of (labelled, named, "None"), ==, 1);
  g_assert_true (find (labelled, "Complete?")->metadata);
}

/* An option coded 0 ("q___0") nobody ticked is 0 under every record, never a tick of everyone;
 * a negative code is written with an underscore for its minus. A longitudinal project writes
 * a record once per event: the record id stays the id, and the researcher is told that each
 * row counts as a respondent. */
static void
test_redcap_codes_and_events (void)
{
  g_autoptr(FeStudy) study = load_text (
    "record_id,redcap_event_name,q___0,q___1,q___2,q____9\n"
    "1,baseline_arm_1,0,1,0,0\n"
    "1,followup_arm_1,0,1,1,0\n"
    "2,baseline_arm_1,0,0,1,1\n"
    "3,baseline_arm_1,0,1,1,0\n");
  g_autoptr(FeStudy) not_redcap = load_text ("gender,q___1,q___2\nF,1,0\nM,0,1\nF,1,1\n"
                                             "M,1,0\n");
  FeColumn *q = find (study, "q");
  GPtrArray *warnings = fe_study_get_warnings (study);

  assert_levels (q, "0|1|2|-9");
  g_assert_cmpuint (count_of (study, q, "0"), ==, 0);
  g_assert_cmpuint (count_of (study, q, "1"), ==, 3);
  g_assert_cmpint (find (study, "record_id")->role, ==, FE_ROLE_ID);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "1 id is on more than one row"));
  /* Columns named as checkbox options make no id of a first column that is none. */
  g_assert_cmpint (find (not_redcap, "gender")->role, !=, FE_ROLE_ID);
  g_assert_true (fe_name_is_an_id ("Record ID:") && fe_name_is_an_id ("study_id"));
  g_assert_false (fe_name_is_an_id ("paid") || fe_name_is_an_id ("gender"));
}

/* "-99" and "999" far from every age are the export's codes for a missing answer: answers of
 * their own, never ages in the bins or the median, and the researcher is told. 99 beside ages
 * up to 90 may be an age and stays one. */
static void
test_missing_codes_apart_from_numbers (void)
{
  g_autoptr(GString) csv = g_string_new ("id,age,older\n");
  g_autoptr(FeStudy) study = NULL;
  FeColumn *age, *older;
  GPtrArray *warnings;
  guint named = 0;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *age_text = g_strdup_printf ("%u", 20 + i * 7 % 60);

      g_string_append_printf (csv, "%u,%s,%u\n", i + 1,
                              i == 3 || i == 9 ? "-99" : i == 5 ? "999" : age_text,
                              i == 7 ? 99 : 20 + i * 13 % 70);
    }
  study = load_text (csv->str);
  age = find (study, "age");
  older = find (study, "older");
  g_assert_cmpint (age->role, ==, FE_ROLE_NUMERIC);
  g_assert_true (isnan (age->numbers[3]) && isnan (age->numbers[5]));
  g_assert_cmpuint (count_of (study, age, "-99"), ==, 2);
  g_assert_cmpuint (count_of (study, age, "999"), ==, 1);
  g_assert_cmpfloat (age->bins->edges[age->bins->n_bins], <=, 100);
  g_assert_cmpint (older->role, ==, FE_ROLE_NUMERIC);
  g_assert_cmpfloat (older->numbers[7], ==, 99);
  warnings = fe_study_get_warnings (study);
  for (guint i = 0; i < warnings->len; i++)
    if (strstr (g_ptr_array_index (warnings, i), "“-99” (2), “999” (1) read as codes") != NULL)
      named++;
  g_assert_cmpuint (named, ==, 1);
}

/* "3.525" is 3,525 where only numbers of 1,000 or more have a dot, or in a file separated by
 * semicolons (where the comma marks decimals); with nothing to tell, it is kept as written,
 * never read as 3.525 on a guess. Dots before decimals stay decimals. */
static void
test_dot_between_thousands (void)
{
  g_autoptr(GString) mixed = g_string_new ("id,income\n");
  g_autoptr(GString) semicolons = g_string_new ("id;income\n");
  g_autoptr(GString) unsure = g_string_new ("id,income\n");
  g_autoptr(GString) decimals = g_string_new ("id,hours\n");
  g_autoptr(FeStudy) study = NULL;
  FeColumn *column;

  for (guint i = 0; i < 30; i++)
    {
      g_string_append_printf (mixed, "%u,%s\n", i + 1, i % 2 ? "980" : "");
      if (i % 2 == 0)
        g_string_append_printf (mixed, "%u,%u.%03u\n", i + 101, 1 + i / 3, (i * 37) % 1000);
      g_string_append_printf (semicolons, "%u;%u.%03u\n", i + 1, 1 + i / 3, (i * 37) % 1000);
      g_string_append_printf (unsure, "%u,%u.%03u\n", i + 1, 1 + i / 3, (i * 37) % 1000);
      g_string_append_printf (decimals, "%u,%u.%u\n", i + 1, i, i % 10);
    }
  study = load_text (mixed->str);
  column = find (study, "income");
  g_assert_cmpint (column->role, ==, FE_ROLE_NUMERIC);
  g_assert_cmpfloat (column->numbers[1], ==, 1000);
  g_assert_cmpfloat (column->numbers[2], ==, 980);
  g_clear_object (&study);

  study = load_text (semicolons->str);
  column = find (study, "income");
  g_assert_cmpint (column->role, ==, FE_ROLE_NUMERIC);
  g_assert_cmpfloat (column->numbers[1], ==, 1037);
  g_clear_object (&study);

  study = load_text (unsure->str);
  column = find (study, "income");
  g_assert_cmpint (column->role, !=, FE_ROLE_NUMERIC);
  g_assert_nonnull (strstr (fe_column_describe_role_source (column), "kept as written"));
  g_clear_object (&study);

  study = load_text (decimals->str);
  column = find (study, "hours");
  g_assert_cmpint (column->role, ==, FE_ROLE_NUMERIC);
  g_assert_cmpfloat (column->numbers[3], ==, 3.3);
  g_clear_object (&study);

  /* A dot before other than three digits ("0.125") tells decimals; two dots tell thousands. */
  g_string_assign (decimals, "id,score,population,ambiguous\n");
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *score = i % 3 ? g_strdup_printf ("%u", i)
                                     : g_strdup_printf ("%u.%03u", i, 125 + i);
      g_autofree char *ambiguous = i % 3 ? g_strdup_printf ("%u", i)
                                         : g_strdup_printf ("%u.%03u", i + 1, 125 + i);

      g_string_append_printf (decimals, "%u,%s,%u.%03u.%03u,%s\n", i + 1, score, 1 + i, i,
                              (i * 7) % 1000, ambiguous);
    }
  for (guint i = 0; i < 12; i++)
    g_string_append_printf (decimals, "%u,%u,%u.000.000,%u\n", i + 31, i, i + 40, i + 30);
  study = load_text (decimals->str);
  column = find (study, "score");
  g_assert_cmpint (column->role, ==, FE_ROLE_NUMERIC);
  g_assert_cmpfloat (column->numbers[3], ==, 3.128);
  /* Whole numbers beside numbers with three digits after their dot fit both readings. */
  column = find (study, "ambiguous");
  g_assert_cmpint (column->role, !=, FE_ROLE_NUMERIC);
  g_assert_nonnull (strstr (fe_column_describe_role_source (column), "kept as written"));
  column = find (study, "population");
  g_assert_cmpint (column->role, ==, FE_ROLE_NUMERIC);
  g_assert_cmpfloat (column->numbers[2], ==, 3002014);
  g_clear_object (&study);

  /* A codebook's numeric column writes its dots as inference would read them. */
  {
    g_autofree char *responses = fe_test_write_file ("semicolons.csv", semicolons->str, -1);
    g_autofree char *codebook = fe_test_write_file ("income-codebook.csv",
                                                    "column,role\nid,id\nincome,numeric\n", -1);
    g_autoptr(GError) error = NULL;

    study = fe_study_load (responses, codebook, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (find (study, "income")->numbers[1], ==, 1037);
  }
}

/* A response exported twice is counted twice, as the file has it, but never silently: the
 * column named as the id says which value repeats and on which lines. */
static void
test_repeated_id_is_named (void)
{
  g_autoptr(FeStudy) study = load_text ("Participant ID,Unit\n200,Ward A\n201,Ward B\n"
                                        "202,Ward A\n201,Ward B\n");
  GPtrArray *warnings = fe_study_get_warnings (study);
  gboolean named = FALSE;

  g_autoptr(GString) team_csv = g_string_new ("id,Team ID\n");
  g_autoptr(FeStudy) teams = NULL;
  g_autoptr(GString) visits_csv = g_string_new ("record_id,visit\n");
  g_autoptr(FeStudy) visits = NULL;

  for (guint i = 0; i < 20; i++)
    {
      g_string_append_printf (team_csv, "%u,T%u\n", i + 1, i % 4);
      g_string_append_printf (visits_csv, "%u,%u\n", i / 3 + 1, i % 3 + 1);
    }
  teams = load_text (team_csv->str);
  visits = load_text (visits_csv->str);

  g_assert_cmpuint (fe_study_get_n_rows (study), ==, 4);
  for (guint i = 0; i < warnings->len; i++)
    named |= strstr (g_ptr_array_index (warnings, i), "(“201”, first on lines 3 and 5)") != NULL;
  g_assert_true (named);
  /* Codes that repeat by design are no respondents' ids gone twice; a record's three visits
   * are. */
  g_assert_cmpuint (fe_study_get_warnings (teams)->len, ==, 0);
  g_assert_cmpuint (fe_study_get_warnings (visits)->len, ==, 1);
}

/* A researcher's own preview or test run of a Qualtrics survey is no respondent. */
static void
test_qualtrics_previews_are_no_respondents (void)
{
  g_autoptr(FeStudy) study = load_text (
    "StartDate,Status,Finished,ResponseId,Q1\n"
    "Start Date,Response Type,Finished,Response ID,Which force?\n"
    "2023-02-03,IP Address,True,R_1,Gwent\n"
    "2023-02-03,Survey Preview,True,R_2,Gwent\n"
    "2023-02-03,IP Address,True,R_3,North\n"
    "2023-02-03,Survey Test,True,R_4,North\n");

  g_assert_cmpuint (fe_bitset_count (fe_study_get_universe (study)), ==, 2);
}

/* JISC, Alchemer and SmartSurvey number their responses under "Response ID" too. Their first
 * row is a respondent, not the row of question texts Qualtrics writes under its ids. */
static void
test_response_id_column_is_not_qualtrics (void)
{
  g_autoptr(FeStudy) plain = load_text ("Response ID,Faculty,Satisfied?\n"
                                        "5550000,Arts,Yes\n5550001,Law,No\n5550002,Arts,Yes\n");
  /* Qualtrics ids anonymised to numbers still have the "Response ID" label row. */
  g_autoptr(FeStudy) qualtrics = load_text ("ResponseId,Q1\nResponse ID,Which faculty?\n"
                                            "1,Arts\n2,Law\n");

  g_assert_cmpstr (fe_study_get_format_name (plain), ==, "CSV");
  g_assert_cmpuint (fe_study_get_n_rows (plain), ==, 3);
  g_assert_cmpuint (count_of (plain, find (plain, "Faculty"), "Arts"), ==, 2);
  g_assert_cmpstr (fe_study_get_format_name (qualtrics), ==, "Qualtrics");
  g_assert_cmpuint (fe_study_get_n_rows (qualtrics), ==, 2);
  g_assert_cmpstr (find (qualtrics, "Q1")->label, ==, "Which faculty?");
}

/* A 100,000-character answer that the codebook does not list is quoted by its start. */
static void
test_long_answer_quoted_short (void)
{
  g_autoptr(GString) csv = g_string_new ("id,q\n1,Agree\n2,");
  g_autoptr(GError) error = NULL;
  g_autofree char *responses = NULL;
  g_autofree char *codebook = NULL;
  g_autoptr(FeStudy) study = NULL;
  GPtrArray *warnings;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (csv, 'x');
  g_string_append_c (csv, '\n');
  responses = fe_test_write_file ("long.csv", csv->str, -1);
  codebook = fe_test_write_file ("codebook.csv", "column,role,levels\nq,ordinal,Disagree|Agree\n",
                                 -1);
  study = fe_study_load (responses, codebook, NULL, &error);
  g_assert_no_error (error);
  warnings = fe_study_get_warnings (study);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpuint (strlen (g_ptr_array_index (warnings, 0)), <, 1000);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "xxx…”"));
}

/* Review findings: each a wrong number that a small file showed. */
static void
test_two_spellings_of_a_point (void)
{
  const Given agree[] = {
    { "Strongly agree", 30 }, { "Strongly Agree", 6 }, { "Agree", 12 }, { "Disagree", 9 },
    { "Strongly disagree", 4 }, { "Don't know", 7 }, { NULL, 0 },
  };
  g_autoptr(FeStudy) study = load_one_question (agree);
  FeColumn *q = fe_study_find_column (study, "q");

  /* No scale is claimed that would put one spelling after "Don't know"; every count holds. */
  g_assert_cmpint (q->role, !=, FE_ROLE_ORDINAL);
  for (guint i = 0; agree[i].answer != NULL; i++)
    g_assert_cmpuint (count_of (study, q, agree[i].answer), ==, agree[i].count);
}

static void
test_rare_real_options_keep_their_bars (void)
{
  g_autofree Given *forces = g_new0 (Given, 12);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(FeStudy) study = NULL;
  FeColumn *q;

  forces[0] = (Given) { "Met", 3000 };
  forces[1] = (Given) { "West Midlands", 2000 };
  forces[2] = (Given) { "Thames Valley", 1000 };
  for (guint i = 0; i < 8; i++)
    {
      char *name = g_strdup_printf ("Small force %u", i + 1);

      g_ptr_array_add (names, name);
      forces[3 + i] = (Given) { name, 4 };
    }
  study = load_one_question (forces);
  q = fe_study_find_column (study, "q");
  g_assert_cmpint (q->other_level, ==, -1);
  g_assert_cmpuint (fe_column_get_n_levels (q), ==, 11);
  g_assert_cmpuint (count_of (study, q, "Small force 8"), ==, 4);
}

static void
test_scales_are_not_folded (void)
{
  const Given rating[] = {
    { "0", 1 }, { "1", 2 }, { "2", 30 }, { "3", 30 }, { "4", 30 }, { "5", 30 }, { "6", 30 },
    { "7", 30 }, { "8", 30 }, { "9", 30 }, { "10", 2 }, { NULL, 0 },
  };
  g_autofree char *path = write_one_question (rating);
  g_autoptr(GPtrArray) corrections = fe_column_corrections_new ();
  FeLoadOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = NULL;
  FeColumn *q;

  fe_column_corrections_ensure (corrections, "q")->fold_below = 5;
  options.corrections = corrections;
  study = fe_study_load_full (path, NULL, NULL, &options, &error);
  g_assert_no_error (error);
  q = fe_study_find_column (study, "q");
  g_assert_cmpint (q->role, ==, FE_ROLE_ORDINAL);
  g_assert_cmpuint (fe_column_get_n_levels (q), ==, 11);
  g_assert_cmpint (q->other_level, ==, -1);
}

/* One choice marked 1 or 0 over three columns: whoever marked none did not answer it, so the
 * counts add up to those who answered; a codebook that calls a question whose respondents
 * ticked several "one choice" is corrected, with a warning, rather than counted twice. */
static void
test_option_columns_add_up (void)
{
  g_autoptr(FeStudy) study = load_text (
    "StartDate,Finished,ResponseId,Q7_1,Q7_2,Q7_3\n"
    "Start Date,Finished,Response ID,Role? - Officer,Role? - Staff,Role? - Volunteer\n"
    "2023-01-01,True,R_1,1,0,0\n"
    "2023-01-01,True,R_2,0,1,0\n"
    "2023-01-01,True,R_3,0,0,0\n"
    "2023-01-01,True,R_4,1,0,0\n");
  FeColumn *role = find (study, "Q7");
  g_autoptr(GError) error = NULL;
  g_autofree char *responses = fe_test_write_file ("several.csv",
                                                   "id,Seen - Police,Seen - Health\n"
                                                   "1,Police,Health\n2,Police,\n3,,Health\n",
                                                   -1);
  g_autofree char *codebook = fe_test_write_file ("codebook.csv",
                                                  "column,role\nSeen,attribute\n", -1);
  g_autoptr(FeStudy) several = NULL;

  g_assert_true (fe_role_is_single_valued (role->role));
  g_assert_cmpuint (fe_bitset_count (role->answered), ==, 3);
  g_assert_cmpuint (count_of (study, role, "Officer") + count_of (study, role, "Staff")
                    + count_of (study, role, "Volunteer"), ==, 3);

  several = fe_study_load (responses, codebook, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find (several, "Seen")->role, ==, FE_ROLE_MULTI);
  g_assert_cmpuint (count_of (several, find (several, "Seen"), "Police"), ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (fe_study_get_warnings (several), 0),
                            "some respondents chose several"));
}

/* With the codebook's options known, "1,3" is codes 1 and 3, while an unknown "$25,000"
 * keeps its comma. */
static void
test_numeric_codes_joined_by_commas (void)
{
  g_autofree char *responses = fe_test_write_file ("codes.csv",
                                                   "id,q\n1,\"1,3\"\n2,2\n3,\"1,2,3\"\n"
                                                   "4,\"$25,000\"\n", -1);
  g_autofree char *codebook = fe_test_write_file ("codebook.csv",
                                                  "column,role,levels\nq,multi,1|2|3\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = fe_study_load (responses, codebook, NULL, &error);
  FeColumn *q;

  g_assert_no_error (error);
  q = find (study, "q");
  g_assert_cmpuint (count_of (study, q, "1"), ==, 2);
  g_assert_cmpuint (count_of (study, q, "2"), ==, 2);
  g_assert_cmpuint (count_of (study, q, "3"), ==, 2);
  g_assert_cmpuint (count_of (study, q, "$25,000"), ==, 1);
  g_assert_cmpint (fe_column_find_level (q, "1,3"), ==, -1);
}

/* Without a codebook, "1,3,4" is no number however numbers are written: where answers such as
 * it are several, every comma between the digits of such answers separates numbered options
 * ("2,5" too). Decimal commas, numbers grouped in thousands and one slip among them stay whole. */
static void
test_numbered_options_joined_by_commas (void)
{
  static const Given days[] = {
    { "1,3,4", 3 }, { "2", 2 }, { "1,2", 2 }, { "3,4,5", 1 }, { "1", 2 }, { "2,5", 2 }, { NULL },
  };
  static const Given decimals[] = {
    { "1,5", 3 }, { "2,25", 2 }, { "3,1", 2 }, { "1,2,3", 1 }, { "4,75", 2 }, { NULL },
  };
  static const Given incomes[] = {
    { "1,300,000", 2 }, { "25,000", 3 }, { "2,500,000", 2 }, { "40,000", 1 }, { NULL },
  };
  static const Given two_picks[] = {
    { "1", 3 }, { "2", 3 }, { "3", 3 }, { "4", 3 }, { "5", 3 }, { "1,5", 4 }, { "2,4", 3 },
    { "1,3", 2 }, { "3,4", 2 }, { NULL },
  };
  static const Given two_picks_spaced[] = {
    { "1", 3 }, { "2", 3 }, { "3", 3 }, { "4", 3 }, { "5", 3 }, { "1, 5", 4 }, { "2, 4", 3 },
    { "1, 3", 2 }, { "3, 4", 2 }, { NULL },
  };
  static const Given quarter_hours[] = {
    { "1", 3 }, { "2", 3 }, { "3", 3 }, { "4", 3 }, { "5", 3 }, { "1,25", 4 }, { "2,5", 3 },
    { "3,75", 2 }, { "4,5", 2 }, { NULL },
  };
  static const Given channels[] = {
    { "1", 4 }, { "2", 4 }, { "3", 4 }, { "4", 4 }, { "5", 4 }, { "6", 4 }, { "7", 4 },
    { "8", 4 }, { "9", 4 }, { "10", 4 }, { "11", 4 }, { "12", 4 }, { "13", 4 }, { "1,12", 2 },
    { "7,13", 2 }, { "1,3,4", 2 }, { "2,5,9", 2 }, { NULL },
  };
  /* Hours with decimal commas fall and repeat: no typing slip among them makes them lists. */
  static const Given hours[] = {
    { "6,5", 3 }, { "7,5", 2 }, { "5", 3 }, { "5,5", 2 }, { "6,7,8", 1 }, { "7,8,9", 1 },
    { NULL },
  };
  g_autoptr(FeStudy) study = load_one_question (days);
  FeColumn *q = find (study, "q");

  g_assert_cmpint (q->role, ==, FE_ROLE_MULTI);
  assert_levels (q, "1|2|3|4|5");
  g_assert_cmpuint (count_of (study, q, "1"), ==, 7);
  g_assert_cmpuint (count_of (study, q, "2"), ==, 6);
  g_assert_cmpuint (count_of (study, q, "3"), ==, 4);
  g_assert_cmpuint (count_of (study, q, "4"), ==, 4);
  g_assert_cmpuint (count_of (study, q, "5"), ==, 3);
  g_assert_nonnull (strstr (q->inferred_because, "“1,3,4” is no number"));
  assert_kept_whole (decimals);
  assert_kept_whole (incomes);
  assert_kept_whole (hours);
  g_clear_object (&study);

  /* Two picks at most: lists of two only, every one rising, of numbers each given alone, are
   * options, with a comma or a comma and a space; decimals with a comma are not. */
  study = load_one_question (two_picks);
  q = find (study, "q");
  g_assert_cmpint (q->role, ==, FE_ROLE_MULTI);
  g_assert_cmpuint (count_of (study, q, "1"), ==, 9);
  g_assert_cmpuint (count_of (study, q, "5"), ==, 7);
  g_clear_object (&study);
  study = load_one_question (two_picks_spaced);
  q = find (study, "q");
  g_assert_cmpint (q->role, ==, FE_ROLE_MULTI);
  g_assert_cmpuint (count_of (study, q, "1"), ==, 9);
  assert_levels (q, "1|2|3|4|5");
  g_clear_object (&study);
  study = load_one_question (quarter_hours);
  q = find (study, "q");
  g_assert_cmpint (q->role, !=, FE_ROLE_MULTI);
  g_clear_object (&study);

  /* Thirteen options, most answers one or two of them: "1,12" is options 1 and 12 beside
   * "1,3,4", never the number 1.12. */
  study = load_one_question (channels);
  q = find (study, "q");
  g_assert_cmpint (q->role, ==, FE_ROLE_MULTI);
  g_assert_cmpuint (count_of (study, q, "12"), ==, 6);
}

/* Numbers are a numeric question when a methodologist would chart them as a histogram: ages
 * and salaries, with a few words among them; never a rating of 0 to 10, a set of codes, an id
 * numbered row by row, postcodes with leading zeros or a column named as a code. */
static void
test_numbers (void)
{
  g_autoptr(GString) csv = g_string_new ("id,age,salary,rating,postcode,row,area code,"
                                         "School District,PLZ\n");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = NULL;
  FeColumn *age, *salary;

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (csv, "R%u,%u,%s,%u,0%u,%u,%u,%u,%u\n", i, 18 + (i * 7) % 60,
                            i % 20 == 3 ? "Prefer not to say" : i % 20 == 4 ? ""
                            : i % 2 ? "21500.50" : "34000",
                            i % 11, 1000 + i * 37, i + 1, 100 + i % 30, 1 + i % 32,
                            10115 + i * 997);
  /* Salaries of 30 different values, not just two. */
  for (guint i = 0; i < 30; i++)
    g_string_append_printf (csv, "S%u,40,%u,5,01234,%u,101,2,10115\n", i, 15000 + i * 1000,
                            61 + i);
  path = fe_test_write_file ("numbers.csv", csv->str, -1);
  study = fe_study_load (path, NULL, NULL, &error);
  g_assert_no_error (error);

  age = fe_study_find_column (study, "age");
  g_assert_cmpstr (fe_column_get_role_name (age), ==, "numeric");
  g_assert_nonnull (strstr (age->inferred_because, "every answer is a number"));
  g_assert_cmpfloat (age->numbers[0], ==, 18);
  g_assert_cmpstr (fe_column_get_level (age, 0), ==, "10–19");

  /* 3 of 87 answers are words: the numbers are binned and the words kept after them. */
  salary = fe_study_find_column (study, "salary");
  g_assert_cmpstr (fe_column_get_role_name (salary), ==, "numeric");
  g_assert_nonnull (strstr (salary->inferred_because, "84 of 87 answers are numbers"));
  g_assert_cmpstr (fe_column_get_level (salary, fe_column_get_n_levels (salary) - 1), ==,
                   "Prefer not to say");
  g_assert_cmpuint (fe_bitset_count (salary->answered), ==, 87);
  g_assert_true (isnan (salary->numbers[3]));
  g_assert_true (isnan (salary->numbers[4]));
  g_assert_cmpfloat (salary->numbers[1], ==, 21500.5);

  g_assert_cmpstr (fe_column_get_role_name (fe_study_find_column (study, "rating")), ==,
                   "ordinal");
  g_assert_cmpstr (fe_column_get_role_name (fe_study_find_column (study, "postcode")), !=,
                   "numeric");
  g_assert_cmpstr (fe_column_get_role_name (fe_study_find_column (study, "row")), !=,
                   "numeric");
  g_assert_cmpstr (fe_column_get_role_name (fe_study_find_column (study, "area code")), !=,
                   "numeric");
  /* The fixtures' school districts (1 to 32) and German postcodes were charted as histograms
   * until their names were read. */
  g_assert_cmpstr (fe_column_get_role_name (fe_study_find_column (study, "School District")),
                   !=, "numeric");
  g_assert_cmpstr (fe_column_get_role_name (fe_study_find_column (study, "PLZ")), !=,
                   "numeric");
}

/* A codebook's role numeric is taken as it says; its levels, if any, give way to the bins. */
static void
test_codebook_numeric (void)
{
  g_autofree char *responses = fe_test_write_file ("responses.csv",
                                                   "id,hours\n1,3\n2,7.5\n3,\n4,40\n", -1);
  g_autofree char *codebook = fe_test_write_file ("codebook.csv",
                                                  "column,role\nhours,numeric\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = fe_study_load (responses, codebook, NULL, &error);
  FeColumn *hours;

  g_assert_no_error (error);
  hours = fe_study_find_column (study, "hours");
  g_assert_cmpstr (fe_column_get_role_name (hours), ==, "numeric");
  g_assert_cmpuint (fe_bitset_count (hours->answered), ==, 3);
  g_assert_cmpfloat (hours->numbers[1], ==, 7.5);
  g_assert_cmpuint (hours->values[2], ==, 0);
}

/* The Columns dialog's correction can make a column of few numbers (a count of children, read
 * as a rating) numeric, and the numbers are then binned as any numeric column's. */
static void
test_correction_to_numeric (void)
{
  const Given children[] = { { "0", 30 }, { "1", 20 }, { "2", 25 }, { "3", 10 }, { "4", 3 },
                             { NULL, 0 } };
  g_autofree char *path = write_one_question (children);
  g_autoptr(GPtrArray) corrections = fe_column_corrections_new ();
  FeLoadOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = NULL;
  FeColumn *q;

  fe_column_correction_set_role (fe_column_corrections_ensure (corrections, "q"),
                                 FE_ROLE_NUMERIC);
  options.corrections = corrections;
  study = fe_study_load_full (path, NULL, NULL, &options, &error);
  g_assert_no_error (error);
  q = fe_study_find_column (study, "q");
  g_assert_cmpstr (fe_column_get_role_name (q), ==, "numeric");
  g_assert_cmpint (q->role_source, ==, FE_ROLE_SOURCE_CORRECTION);
  assert_levels (q, "0|1|2|3|4");
  g_assert_cmpuint (count_of (study, q, "2"), ==, 25);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/inference/commas/single-stay-whole",
                   test_single_answers_with_commas_stay_whole);
  g_test_add_func ("/core/inference/commas/joined-split", test_comma_joined_choices_split);
  g_test_add_func ("/core/inference/commas/random-single-choice",
                   test_random_single_choice_never_split);
  g_test_add_func ("/core/inference/order/natural", test_natural_order);
  g_test_add_func ("/core/inference/order/none-invented", test_no_order_invented);
  g_test_add_func ("/core/inference/other/typed", test_typed_other_folds);
  g_test_add_func ("/core/inference/levels/many-repeated",
                   test_many_repeated_levels_are_categories);
  g_test_add_func ("/core/inference/levels/hundreds-repeated", test_hundreds_of_repeated_levels);
  g_test_add_func ("/core/inference/levels/fold-on-request", test_long_list_folds_on_request);
  g_test_add_func ("/core/inference/levels/open-text", test_open_text_stays_text);
  g_test_add_func ("/core/inference/layout/option-columns-flattened",
                   test_option_columns_flattened);
  g_test_add_func ("/core/inference/layout/option-columns-qualtrics",
                   test_option_columns_qualtrics);
  g_test_add_func ("/core/inference/layout/option-columns-named", test_option_columns_named);
  g_test_add_func ("/core/inference/layout/qualtrics-previews-are-no-respondents",
                   test_qualtrics_previews_are_no_respondents);
  g_test_add_func ("/core/inference/layout/qualtrics-saved-by-excel",
                   test_qualtrics_saved_by_excel);
  g_test_add_func ("/core/inference/repeated-id-is-named", test_repeated_id_is_named);
  g_test_add_func ("/core/inference/dot-between-thousands", test_dot_between_thousands);
  g_test_add_func ("/core/inference/layout/alchemer-export", test_alchemer_export);
  g_test_add_func ("/core/inference/layout/repeated-column-name-is-said",
                   test_repeated_column_name_is_said);
  g_test_add_func ("/core/inference/layout/limesurvey-response-table",
                   test_limesurvey_response_table);
  g_test_add_func ("/core/inference/layout/redcap-checkboxes", test_redcap_checkboxes);
  g_test_add_func ("/core/inference/layout/redcap-codes-events", test_redcap_codes_and_events);
  g_test_add_func ("/core/inference/numbers/commas", test_commas_in_numbers);
  g_test_add_func ("/core/inference/scales/numbered", test_numbered_answers);
  g_test_add_func ("/core/inference/missing-codes-apart-from-numbers",
                   test_missing_codes_apart_from_numbers);
  g_test_add_func ("/core/inference/known-scale-without-an-inner-point",
                   test_known_scale_without_an_inner_point);
  g_test_add_func ("/core/inference/rating-scale-stated-by-the-question",
                   test_rating_scale_stated_by_the_question);
  g_test_add_func ("/core/inference/layout/response-id-column-is-not-qualtrics",
                   test_response_id_column_is_not_qualtrics);
  g_test_add_func ("/core/inference/long-answer-quoted-short", test_long_answer_quoted_short);
  g_test_add_func ("/core/inference/review/two-spellings", test_two_spellings_of_a_point);
  g_test_add_func ("/core/inference/review/rare-real-options",
                   test_rare_real_options_keep_their_bars);
  g_test_add_func ("/core/inference/review/scales-not-folded", test_scales_are_not_folded);
  g_test_add_func ("/core/inference/review/option-columns-add-up", test_option_columns_add_up);
  g_test_add_func ("/core/inference/review/numeric-codes", test_numeric_codes_joined_by_commas);
  g_test_add_func ("/core/inference/commas/numbered-options",
                   test_numbered_options_joined_by_commas);
  g_test_add_func ("/core/inference/numbers", test_numbers);
  g_test_add_func ("/core/inference/codebook-numeric", test_codebook_numeric);
  g_test_add_func ("/core/inference/correction-to-numeric", test_correction_to_numeric);
  return g_test_run ();
}
