/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPSS and Stata files: the shared fixtures (../shared/fixtures/spss, whose README says where
 * each comes from and what it exercises) and small files written here with ReadStat's writer. */
#include <glib.h>
#include <glib/gstdio.h>
#include <readstat.h>
#include <math.h>
#include <string.h>

#include "fe-sav-dict.h"
#include "fe-stat-file.h"
#include "fe-study.h"
#include "fe-tally.h"
#include "fe-test-sav.h"
#include "fe-test-util.h"

static FeStudy *
load_ok (const char *path,
         const char *codebook)
{
  g_autoptr(GError) error = NULL;
  FeStudy *study = fe_study_load (path, codebook, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (study);
  return study;
}

static FeColumn *
column_with_role (FeStudy    *study,
                  const char *id,
                  const char *role)
{
  FeColumn *column = fe_study_find_column (study, id);

  if (column == NULL)
    g_error ("no column “%s”", id);
  g_assert_cmpstr (fe_column_get_role_name (column), ==, role);
  return column;
}

/* The levels, "|"-joined with their counts: "Male 1|Female 2". */
static char *
levels_with_counts (FeColumn *column)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint l = 0; l < fe_column_get_n_levels (column); l++)
    g_string_append_printf (out, "%s%s %u", l ? "|" : "", fe_column_get_level (column, l),
                            fe_bitset_count (g_ptr_array_index (column->level_rows, l)));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
levels_of (FeColumn *column)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint l = 0; l < fe_column_get_n_levels (column); l++)
    g_string_append_printf (out, "%s%s", l ? "|" : "", fe_column_get_level (column, l));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_sample_in_every_format (void)
{
  const char *files[] = { "pyreadstat-sample.sav", "pyreadstat-sample.zsav",
                          "pyreadstat-sample.por", "pyreadstat-sample.dta" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = fe_test_find_fixture ("spss", files[i]);
      g_autoptr(FeStudy) study = NULL;
      gboolean por = g_str_has_suffix (files[i], ".por");
      g_autofree char *labl = NULL, *ord = NULL;
      FeColumn *mychar;

      if (path == NULL)
        {
          g_test_skip ("the shared fixtures are not beside this checkout");
          return;
        }
      study = load_ok (path, NULL);
      g_assert_cmpuint (fe_study_get_n_rows (study), ==, 5);
      g_assert_cmpstr (fe_study_get_format_name (study), ==,
                       g_str_has_suffix (files[i], ".dta") ? "Stata" : "SPSS");
      labl = levels_of (fe_study_find_column (study, por ? "MYLABL" : "mylabl"));
      g_assert_cmpstr (labl, ==, "Male|Female");
      ord = levels_of (fe_study_find_column (study, por ? "MYORD" : "myord"));
      g_assert_cmpstr (ord, ==, "low|medium|high");
      mychar = column_with_role (study, por ? "MYCHAR" : "mychar", "text");
      g_assert_cmpstr (mychar->label, ==, "character");
      g_assert_cmpstr (fe_study_get_answer (study, mychar, 0), ==, "a");
      g_assert_cmpstr (fe_study_get_answer (study, mychar, 4), ==, "e");
      g_assert_cmpstr (fe_study_get_answer (study, fe_study_find_column (study,
                                                por ? "MYNUM" : "mynum"), 2), ==, "-1000.3");
      /* Dates as ISO dates, whether SPSS seconds since 1582 or Stata days since 1960. */
      g_assert_cmpstr (fe_study_get_answer (study, fe_study_find_column (study,
                                                por ? "MYDATE" : "mydate"), 0), ==, "2018-05-06");
      g_assert_cmpstr (fe_study_get_answer (study, fe_study_find_column (study,
                                                por ? "DTIME" : "dtime"), 0), ==,
                       "2018-05-06 10:10:10");
      g_assert_cmpint (fe_study_find_column (study, por ? "MYLABL" : "mylabl")->role_source, ==,
                       FE_ROLE_SOURCE_DICTIONARY);
    }
}

static void
test_missing_values (void)
{
  FE_TEST_FIXTURE_OR_SKIP (path, "spss", "pyreadstat-simple_alltypes.sav");
  g_autoptr(FeStudy) study = load_ok (path, NULL);
  FeColumn *x = column_with_role (study, "x", "attribute");
  g_autofree char *x_levels = levels_of (x);

  /* 7, 8 and 99 are missing: never a level, not answered. The unlabelled 4 and 9 are
   * answers, after the labelled codes in code order. */
  g_assert_cmpstr (x_levels, ==, "red|green|blue|4|9");
  g_assert_cmpstr (x->label, ==, "Numeric variable with value labels");
  g_assert_cmpuint (fe_bitset_count (x->answered), ==, 5);
  g_assert_true (fe_test_any_contains (fe_study_get_warnings (study), "declares missing"));
  /* z: -999..0 and 999 ("skipped") are missing. */
  for (guint l = 0; l < fe_column_get_n_levels (fe_study_find_column (study, "z")); l++)
    g_assert_cmpstr (fe_column_get_level (fe_study_find_column (study, "z"), l), !=, "skipped");
}

static void
test_user_missing_strings (void)
{
  FE_TEST_FIXTURE_OR_SKIP (path, "spss", "pyreadstat-missing_char.sav");
  g_autoptr(FeStudy) study = load_ok (path, NULL);
  FeColumn *mychar = fe_study_find_column (study, "mychar");

  g_assert_nonnull (mychar);
  g_assert_cmpuint (fe_bitset_count (mychar->answered), ==, 1);
  for (guint l = 0; l < fe_column_get_n_levels (mychar); l++)
    g_assert_cmpstr (fe_column_get_level (mychar, l), !=, "Z");
}

static void
test_mr_sets (void)
{
  FE_TEST_FIXTURE_OR_SKIP (path, "spss", "pyreadstat-simple_alltypes.sav");
  g_autoptr(FeStudy) study = load_ok (path, NULL);
  FeColumn *set = column_with_role (study, "mymrset", "multi");
  FeColumn *array = column_with_role (study, "categorical_array", "multi");

  g_assert_cmpstr (set->label, ==, "My multiple response set");
  g_assert_cmpuint (fe_column_get_n_levels (set), ==, 3);
  g_assert_cmpint (set->role_source, ==, FE_ROLE_SOURCE_DICTIONARY);
  g_assert_cmpuint (fe_column_get_n_levels (array), >, 0);
  /* The members, named ca_subva v9_a v10_a in the set, are the set's now. */
  column_with_role (study, "bool1", "ignore");
  column_with_role (study, "ca_subvar_1", "ignore");
  column_with_role (study, "ca_subvar_3", "ignore");
}

static void
test_mr_sets_case_and_weight (void)
{
  FE_TEST_FIXTURE_OR_SKIP (path, "spss", "savreaderwriter-spssio_test.sav");
  g_autoptr(FeStudy) study = load_ok (path, NULL);
  FeColumn *incomes = column_with_role (study, "incomes", "multi");
  const char *members[] = { "Income1", "Income2", "Income3", "Age", "AGE2", "AGE3" };

  FeColumn *ages = column_with_role (study, "ages", "multi");
  static const guint age_counts[] = { 3, 4, 2 };

  g_assert_cmpstr (incomes->label, ==, "three kinds of income");
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    column_with_role (study, members[i], "ignore");
  /* Only the first member labels the ages: the others' 27 is "27 y.o." too, not a "27" of its
   * own beside it. */
  g_assert_cmpuint (fe_column_get_n_levels (ages), ==, 3);
  g_assert_cmpstr (fe_column_get_level (ages, 0), ==, "27 y.o.");
  for (guint l = 0; l < 3; l++)
    g_assert_cmpuint (fe_bitset_count_and (fe_study_get_universe (study),
                                           g_ptr_array_index (ages->level_rows, l)), ==,
                      age_counts[l]);
  column_with_role (study, "V", "multi");
  column_with_role (study, "weightVar", "ignore");
  g_assert_true (fe_test_any_contains (fe_study_get_warnings (study), "weightVar as its case weight"));
}

static void
test_mr_dictionary (void)
{
  FE_TEST_FIXTURE_OR_SKIP (path, "spss", "tpl-YouGov_2020-10-19.sav");
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GHashTable) long_names = NULL;
  g_autoptr(FeStudy) study = NULL;
  FeSavMrSet *insurtype = NULL;

  g_assert_true (fe_sav_read_dictionary (path, "UTF-8", &sets, &long_names));
  g_assert_cmpuint (sets->len, ==, 8);
  for (guint i = 0; i < sets->len; i++)
    if (strcmp (((FeSavMrSet *) g_ptr_array_index (sets, i))->name, "insurtype") == 0)
      insurtype = g_ptr_array_index (sets, i);
  g_assert_nonnull (insurtype);
  g_assert_cmpstr (g_ptr_array_index (insurtype->members, 0), ==, "insurtyp");
  /* The set names it in lower case, the long-names record in upper case. */
  g_assert_cmpstr (g_hash_table_lookup (long_names, "INSURTYP"), ==, "insurtype_1");

  study = load_ok (path, NULL);
  column_with_role (study, "insurtype", "multi");
  column_with_role (study, "insurtype_1", "ignore");
}

static void
test_mr_set_lines (void)
{
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) fe_sav_mr_set_free);
  FeSavMrSet *set;

  fe_sav_parse_mr_sets ("$a=D1 1 5 Label x y\n$b=C 0  p q r\n$c=E 11 3 Yes 2 AB m n\n"
                        "$broken=D9 1\n=C 1 x y\n$d=D1 1 999 too long\n", sets);
  g_assert_cmpuint (sets->len, ==, 3);
  set = g_ptr_array_index (sets, 0);
  g_assert_true (set->dichotomy);
  g_assert_cmpstr (set->counted, ==, "1");
  g_assert_cmpstr (set->label, ==, "Label");
  g_assert_cmpuint (set->members->len, ==, 2);
  set = g_ptr_array_index (sets, 1);
  g_assert_false (set->dichotomy);
  g_assert_cmpstr (set->label, ==, "");
  g_assert_cmpuint (set->members->len, ==, 3);
  set = g_ptr_array_index (sets, 2);
  g_assert_true (set->counted_labels);
  g_assert_cmpstr (set->counted, ==, "Yes");
  g_assert_cmpstr (set->label, ==, "AB");

  /* Damaged dictionaries give what they hold, never a read past their end. */
  for (gsize cut = 0; cut < 600; cut += 7)
    {
      FE_TEST_FIXTURE_OR_SKIP (path, "spss", "pyreadstat-simple_alltypes.sav");
      g_autofree char *contents = NULL;
      gsize length;
      g_autoptr(GPtrArray) some = NULL;
      g_autoptr(GHashTable) names = NULL;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      fe_sav_parse_dictionary ((const guint8 *) contents, MIN (cut, length), NULL, &some,
                               &names);
      g_assert_nonnull (some);
    }
}

static void
test_cross_format_counts (void)
{
  const char *files[] = { "hoffman-gss.sav", "hoffman-gss.dta" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = fe_test_find_fixture ("spss", files[i]);
      g_autoptr(FeStudy) study = NULL;
      g_autofree char *marital = NULL;

      if (path == NULL)
        {
          g_test_skip ("the shared fixtures are not beside this checkout");
          return;
        }
      study = load_ok (path, NULL);
      g_assert_cmpuint (fe_study_get_n_rows (study), ==, 2903);
      marital = levels_with_counts (fe_study_find_column (study, "marital"));
      g_assert_cmpstr (marital, ==, "married 1390|widowed 282|divorced 455|separated 118|"
                                    "never married 658");
      /* sei is a float in the Stata file and a double made from one in the SPSS file: its
       * answers read as the programs show them, 38.4, never 38.4000015258789. */
      {
        FeColumn *sei = fe_study_find_column (study, "sei");
        guint with_38_4 = 0;

        for (guint row = 0; row < fe_study_get_n_rows (study); row++)
          {
            g_autofree char *answer = fe_study_dup_answer (study, sei, row);

            g_assert_null (strstr (answer, "00000"));
            with_38_4 += g_strcmp0 (answer, "38.4") == 0;
          }
        g_assert_cmpuint (with_38_4, ==, 97);
      }
    }
}

static void
test_encodings (void)
{
  FE_TEST_FIXTURE_OR_SKIP (kossda, "spss", "kossda-data.sav");
  FE_TEST_FIXTURE_OR_SKIP (greetings, "spss", "savreaderwriter-greetings.sav");
  FE_TEST_FIXTURE_OR_SKIP (tegulu, "spss", "pyreadstat-tegulu.sav");
  FE_TEST_FIXTURE_OR_SKIP (german, "spss", "savreaderwriter-german.sav");
  g_autoptr(FeStudy) korean = load_ok (kossda, NULL);
  g_autoptr(FeStudy) hello = load_ok (greetings, NULL);
  g_autoptr(FeStudy) telugu = load_ok (tegulu, NULL);
  g_autoptr(FeStudy) umlauts = load_ok (german, NULL);
  FeColumn *sq1 = fe_study_find_column (korean, "SQ1");
  g_autofree char *sexes = levels_with_counts (sq1);
  FeColumn *record;

  g_assert_cmpstr (sq1->label, ==, "응답자 성별");
  g_assert_cmpstr (sexes, ==, "남성 247|여성 253");
  g_assert_cmpstr (fe_study_get_answer (hello, fe_study_find_column (hello, "greeting"), 6), ==,
                   "Здравствуйте");
  g_assert_nonnull (fe_study_find_column (hello, "Bondjoû"));
  record = fe_study_find_column (telugu, "Q16br9oe_Q24br9oe");
  g_assert_nonnull (record);
  g_assert_cmpstr (fe_study_get_answer (telugu, record, 0), ==, "నేను గతంలో వాడిన బ");
  g_assert_nonnull (fe_study_find_column (umlauts, "spaß"));
}

static void
test_misnamed_zsav (void)
{
  FE_TEST_FIXTURE_OR_SKIP (path, "spss", "savreaderwriter-zlib_compressed.zsav");
  FE_TEST_FIXTURE_OR_SKIP (cars, "spss", "readspss-cars.zsav");
  g_autoptr(FeStudy) study = load_ok (path, NULL);
  g_autoptr(FeStudy) pspp = load_ok (cars, NULL);

  g_assert_cmpuint (fe_study_get_n_rows (study), ==, 2);
  g_assert_cmpuint (fe_study_get_n_rows (pspp), ==, 50);
}

static void
test_errors (void)
{
  FE_TEST_FIXTURE_OR_SKIP (encrypted, "spss", "readspss-hotel-encrypted.sav");
  FE_TEST_FIXTURE_OR_SKIP (sample, "spss", "pyreadstat-sample.sav");
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = fe_study_load (encrypted, NULL, NULL, &error);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_null (study);
  g_assert_error (error, FE_STAT_FILE_ERROR, FE_STAT_FILE_ERROR_ENCRYPTED);
  g_assert_true (g_str_has_prefix (error->message, "readspss-hotel-encrypted.sav "));

  /* Cut short anywhere: an error naming the file, never a crash. */
  g_assert_true (g_file_get_contents (sample, &contents, &length, NULL));
  for (gsize cut = 4; cut < length; cut += 97)
    {
      g_autofree char *path = fe_test_write_file ("cut.sav", contents, (gssize) cut);
      g_autoptr(GError) cut_error = NULL;
      g_autoptr(FeStudy) cut_study = fe_study_load (path, NULL, NULL, &cut_error);

      if (cut_study == NULL)
        g_assert_true (g_str_has_prefix (cut_error->message, "cut.sav"));
    }
}

/* ---- Files written here -------------------------------------------------------------------- */

/* A survey: a satisfaction scale whose codes sort unlike its words, a nominal attribute, three
 * options marked Selected / Not selected, two more as Qualtrics marks them (1 labelled with the
 * option, system-missing when not chosen), a long open answer, user-missing 9. */
static char *
write_survey (void)
{
  readstat_writer_t *writer = readstat_writer_init ();
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  readstat_label_set_t *scale, *sex, *selected;
  readstat_variable_t *q1, *gender, *items[3], *contact[2], *comment;
  readstat_label_set_t *email, *phone;
  const char *item_labels[] = { "Sources - Newspapers", "Sources - Television",
                                "Sources - Radio" };
  const double q1_values[] = { 1, 2, 5, 9, 4, 5 };
  const double gender_values[] = { 2, 1, 2, 2, 1, 2 };
  const int chosen[6][3] = { { 1, 0, 0 }, { 1, 1, 0 }, { 0, 0, 1 }, { 0, 1, 1 }, { 1, 0, 0 },
                             { 0, 0, 0 } };
  g_autoptr(GString) long_answer = g_string_new ("“It’s fine,” she said;");
  char *path;

  while (long_answer->len < 600)
    g_string_append (long_answer, " and then some more words");
  readstat_set_data_writer (writer, fe_test_sav_write_bytes);
  scale = readstat_add_label_set (writer, READSTAT_TYPE_DOUBLE, "scale");
  readstat_label_double_value (scale, 5, "Very satisfied");
  readstat_label_double_value (scale, 1, "Very dissatisfied");
  readstat_label_double_value (scale, 2, "Dissatisfied");
  readstat_label_double_value (scale, 3, "Neither satisfied nor dissatisfied");
  readstat_label_double_value (scale, 4, "Satisfied");
  readstat_label_double_value (scale, 9, "Don't know");
  sex = readstat_add_label_set (writer, READSTAT_TYPE_DOUBLE, "sex");
  readstat_label_double_value (sex, 2, "Female");
  readstat_label_double_value (sex, 1, "Male");
  selected = readstat_add_label_set (writer, READSTAT_TYPE_DOUBLE, "selected");
  readstat_label_double_value (selected, 0, "Not selected");
  readstat_label_double_value (selected, 1, "Selected");

  email = readstat_add_label_set (writer, READSTAT_TYPE_DOUBLE, "email");
  readstat_label_double_value (email, 1, "By e-mail");
  phone = readstat_add_label_set (writer, READSTAT_TYPE_DOUBLE, "phone");
  readstat_label_double_value (phone, 1, "By phone");

  q1 = readstat_add_variable (writer, "q1", READSTAT_TYPE_DOUBLE, 0);
  readstat_variable_set_label (q1, "How satisfied are you with the service?");
  readstat_variable_set_label_set (q1, scale);
  readstat_variable_set_measure (q1, READSTAT_MEASURE_NOMINAL);
  readstat_variable_add_missing_double_value (q1, 9);
  gender = readstat_add_variable (writer, "gender", READSTAT_TYPE_DOUBLE, 0);
  readstat_variable_set_label (gender, "Gender");
  readstat_variable_set_label_set (gender, sex);
  readstat_variable_set_measure (gender, READSTAT_MEASURE_NOMINAL);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Q5_%u", i + 1);

      items[i] = readstat_add_variable (writer, name, READSTAT_TYPE_DOUBLE, 0);
      readstat_variable_set_label (items[i], item_labels[i]);
      readstat_variable_set_label_set (items[i], selected);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("Q6_%u", i + 1);

      contact[i] = readstat_add_variable (writer, name, READSTAT_TYPE_DOUBLE, 0);
      readstat_variable_set_label (contact[i], "How may we contact you?");
      readstat_variable_set_label_set (contact[i], i == 0 ? email : phone);
    }
  comment = readstat_add_variable (writer, "comment", READSTAT_TYPE_STRING, 1000);
  readstat_variable_set_label (comment, "Anything else?");

  g_assert_cmpint (readstat_begin_writing_sav (writer, bytes, 6), ==, READSTAT_OK);
  for (guint row = 0; row < 6; row++)
    {
      readstat_begin_row (writer);
      readstat_insert_double_value (writer, q1, q1_values[row]);
      readstat_insert_double_value (writer, gender, gender_values[row]);
      for (guint i = 0; i < 3; i++)
        readstat_insert_double_value (writer, items[i], chosen[row][i]);
      for (guint i = 0; i < 2; i++)
        if (chosen[row][i + 1])
          readstat_insert_double_value (writer, contact[i], 1);
        else
          readstat_insert_missing_value (writer, contact[i]);
      if (row == 0)
        readstat_insert_string_value (writer, comment, long_answer->str);
      else if (row == 3)
        readstat_insert_string_value (writer, comment, "Quicker replies, please.");
      else
        readstat_insert_missing_value (writer, comment);
      readstat_end_row (writer);
    }
  g_assert_cmpint (readstat_end_writing (writer), ==, READSTAT_OK);
  readstat_writer_free (writer);
  path = fe_test_write_file ("survey.sav", (const char *) bytes->data, bytes->len);
  g_assert_cmpint (fe_stat_file_sniff (path), ==, FE_STAT_FILE_SAV);
  return path;
}

/* Hours of a scale variable whose labels name 0 ("None") and -9 ("Refused"): the zeros are
 * hours too, in the bins and the median, not an answer of their own after them; -9 is not. */
static void
test_scale_with_a_labelled_number (void)
{
  readstat_writer_t *writer = readstat_writer_init ();
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  readstat_label_set_t *none;
  readstat_variable_t *hours;
  g_autofree char *path = NULL;
  g_autoptr(FeStudy) study = NULL;
  FeColumn *column;
  guint zeros = 0;

  readstat_set_data_writer (writer, fe_test_sav_write_bytes);
  none = readstat_add_label_set (writer, READSTAT_TYPE_DOUBLE, "none");
  readstat_label_double_value (none, 0, "None");
  readstat_label_double_value (none, -9, "Refused");
  hours = readstat_add_variable (writer, "hours", READSTAT_TYPE_DOUBLE, 0);
  readstat_variable_set_label (hours, "Hours of training");
  readstat_variable_set_label_set (hours, none);
  readstat_variable_set_measure (hours, READSTAT_MEASURE_SCALE);
  g_assert_cmpint (readstat_begin_writing_sav (writer, bytes, 40), ==, READSTAT_OK);
  for (guint row = 0; row < 40; row++)
    {
      readstat_begin_row (writer);
      readstat_insert_double_value (writer, hours, row % 4 == 0 ? 0 : row == 7 ? -9 : (double) row);
      readstat_end_row (writer);
    }
  g_assert_cmpint (readstat_end_writing (writer), ==, READSTAT_OK);
  readstat_writer_free (writer);
  path = fe_test_write_file ("hours.sav", (const char *) bytes->data, bytes->len);
  study = load_ok (path, NULL);
  column = column_with_role (study, "hours", "numeric");
  for (guint row = 0; row < 40; row++)
    zeros += column->numbers[row] == 0;
  g_assert_cmpuint (zeros, ==, 10);
  g_assert_cmpint (fe_column_find_level (column, "None"), ==, -1);
  /* A label that says no answer is one, not the number -9. */
  g_assert_true (isnan (column->numbers[7]));
  g_assert_cmpint (fe_column_find_level (column, "Refused"), >=, 0);
}

/* Half a second before midnight is the next day's 00:00:00, one instant, one level. */
static void
test_datetime_rounds_into_the_next_day (void)
{
  readstat_writer_t *writer = readstat_writer_init ();
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  readstat_variable_t *when;
  g_autofree char *path = NULL;
  g_autoptr(FeStudy) study = NULL;
  g_autofree char *before = NULL;
  /* Seconds since 14 October 1582: 2021-09-03 00:00:00, and 0.4 s before it. */
  const double midnight = 13850006400.0;

  readstat_set_data_writer (writer, fe_test_sav_write_bytes);
  when = readstat_add_variable (writer, "when", READSTAT_TYPE_DOUBLE, 0);
  readstat_variable_set_format (when, "DATETIME20");
  readstat_variable_set_measure (when, READSTAT_MEASURE_NOMINAL);
  g_assert_cmpint (readstat_begin_writing_sav (writer, bytes, 2), ==, READSTAT_OK);
  for (guint row = 0; row < 2; row++)
    {
      readstat_begin_row (writer);
      readstat_insert_double_value (writer, when, row == 0 ? midnight : midnight - 0.4);
      readstat_end_row (writer);
    }
  g_assert_cmpint (readstat_end_writing (writer), ==, READSTAT_OK);
  readstat_writer_free (writer);
  path = fe_test_write_file ("when.sav", (const char *) bytes->data, bytes->len);
  study = load_ok (path, NULL);
  before = fe_study_dup_answer (study, fe_study_find_column (study, "when"), 1);
  g_assert_cmpstr (before, ==, "2021-09-03 00:00:00");
}

static void
test_written_survey (void)
{
  g_autofree char *path = write_survey ();
  g_autoptr(FeStudy) study = load_ok (path, NULL);
  FeColumn *q1 = column_with_role (study, "q1", "ordinal");
  FeColumn *gender = column_with_role (study, "gender", "attribute");
  FeColumn *sources = column_with_role (study, "Q5", "multi");
  FeColumn *comment = column_with_role (study, "comment", "text");
  g_autofree char *q1_levels = levels_with_counts (q1);
  g_autofree char *gender_levels = levels_with_counts (gender);
  g_autofree char *source_levels = levels_with_counts (sources);
  const char *answer;

  g_assert_cmpstr (q1->label, ==, "How satisfied are you with the service?");
  g_assert_cmpstr (q1_levels, ==, "Very dissatisfied 1|Dissatisfied 1|Neither satisfied nor "
                                  "dissatisfied 0|Satisfied 1|Very satisfied 2");
  g_assert_cmpuint (fe_bitset_count (q1->answered), ==, 5);
  g_assert_cmpstr (gender_levels, ==, "Male 2|Female 4");
  g_assert_cmpstr (sources->label, ==, "Sources");
  g_assert_cmpstr (source_levels, ==, "Newspapers 3|Television 2|Radio 2");
  {
    FeColumn *contact = column_with_role (study, "Q6", "multi");
    g_autofree char *contact_levels = levels_with_counts (contact);

    g_assert_cmpstr (contact_levels, ==, "By e-mail 2|By phone 2");
    g_assert_cmpstr (contact->label, ==, "How may we contact you?");
    g_assert_null (fe_study_find_column (study, "Q6_1"));
  }
  answer = fe_study_get_answer (study, comment, 0);
  g_assert_true (g_str_has_prefix (answer, "“It’s fine,” she said; and then"));
  g_assert_cmpuint (strlen (answer), >=, 600);
  g_assert_cmpstr (fe_study_get_answer (study, comment, 3), ==, "Quicker replies, please.");
  g_assert_true (fe_test_any_contains (fe_study_get_warnings (study), "q1 (1)"));
}

static void
test_codebook_overrides (void)
{
  g_autofree char *path = write_survey ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *codebook = g_build_filename (dir, "codebook.csv", NULL);
  g_autoptr(FeStudy) study = NULL;
  FeColumn *gender, *q1;

  g_assert_true (g_file_set_contents (codebook,
                                      "column,role,label,levels\n"
                                      "gender,choice,Which gender are you?,Female|Male\n", -1,
                                      NULL));
  study = load_ok (path, codebook);
  gender = column_with_role (study, "gender", "choice");
  g_assert_cmpstr (gender->label, ==, "Which gender are you?");
  g_assert_cmpstr (fe_column_get_level (gender, 0), ==, "Female");
  g_assert_cmpint (gender->role_source, ==, FE_ROLE_SOURCE_CODEBOOK);
  /* What the codebook does not describe keeps what the file says. */
  q1 = column_with_role (study, "q1", "ordinal");
  g_assert_cmpint (q1->role_source, ==, FE_ROLE_SOURCE_DICTIONARY);
  g_unlink (codebook);
}

/* A scale variable without value labels is numbers: each respondent's own, in round bins; an
 * id and a date, though SPSS calls them scale too, are not. */
static void
test_scale_numbers (void)
{
  FE_TEST_FIXTURE_OR_SKIP (sample, "spss", "pyreadstat-sample.sav");
  FE_TEST_FIXTURE_OR_SKIP (korean, "spss", "kossda-data.sav");
  g_autoptr(FeStudy) study = load_ok (sample, NULL);
  g_autoptr(FeStudy) survey = load_ok (korean, NULL);
  FeColumn *mynum = column_with_role (study, "mynum", "numeric");
  FeColumn *age = column_with_role (survey, "SQ2", "numeric");
  const double expected[] = { 1.1, 1.2, -1000.3, -1.4, 1000.3 };
  g_autofree char *age_levels = levels_with_counts (age);
  g_autoptr(FeBitset) everybody = fe_bitset_new_full (fe_study_get_n_rows (survey));
  g_autoptr(FeTally) tally = fe_tally_compute (age, everybody, NULL);

  g_assert_cmpint (mynum->role_source, ==, FE_ROLE_SOURCE_DICTIONARY);
  for (guint row = 0; row < G_N_ELEMENTS (expected); row++)
    g_assert_cmpfloat (mynum->numbers[row], ==, expected[row]);
  g_assert_cmpuint (fe_bins_find (mynum->bins, -1000.3), ==, 0);
  g_assert_cmpstr (fe_column_get_level (mynum, 0), ==, "-1200–<-1000");
  g_assert_cmpstr (fe_column_get_role_name (fe_study_find_column (study, "mydate")), !=,
                   "numeric");

  /* 응답자 연령 (age): the same counts as its 50 ages added up five years at a time. */
  g_assert_cmpstr (age_levels, ==, "20–24 20|25–29 64|30–34 39|35–39 37|40–44 46|45–49 47|"
                                   "50–54 57|55–59 43|60–64 93|65–69 54");
  g_assert_cmpuint (tally->n_numbers, ==, 500);
  g_assert_cmpfloat (tally->quartiles[0], ==, 35);
  g_assert_cmpfloat (tally->quartiles[1], ==, 49);
  g_assert_cmpfloat (tally->quartiles[2], ==, 61);
  column_with_role (survey, "ID", "id");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/stat-file/sample-in-every-format", test_sample_in_every_format);
  g_test_add_func ("/core/stat-file/missing-values", test_missing_values);
  g_test_add_func ("/core/stat-file/user-missing-strings", test_user_missing_strings);
  g_test_add_func ("/core/stat-file/mr-sets", test_mr_sets);
  g_test_add_func ("/core/stat-file/mr-sets-case-and-weight", test_mr_sets_case_and_weight);
  g_test_add_func ("/core/stat-file/mr-dictionary", test_mr_dictionary);
  g_test_add_func ("/core/stat-file/mr-set-lines", test_mr_set_lines);
  g_test_add_func ("/core/stat-file/cross-format-counts", test_cross_format_counts);
  g_test_add_func ("/core/stat-file/encodings", test_encodings);
  g_test_add_func ("/core/stat-file/misnamed-zsav", test_misnamed_zsav);
  g_test_add_func ("/core/stat-file/errors", test_errors);
  g_test_add_func ("/core/stat-file/written-survey", test_written_survey);
  g_test_add_func ("/core/stat-file/datetime-rounds-into-the-next-day",
                   test_datetime_rounds_into_the_next_day);
  g_test_add_func ("/core/stat-file/scale-with-a-labelled-number",
                   test_scale_with_a_labelled_number);
  g_test_add_func ("/core/stat-file/codebook-overrides", test_codebook_overrides);
  g_test_add_func ("/core/stat-file/scale-numbers", test_scale_numbers);
  return g_test_run ();
}
