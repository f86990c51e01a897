/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Real exports written by other people's tools (../shared/fixtures, each folder's README says
 * where from and what is odd): each loads with the right rows, questions, roles and levels, or,
 * when it is broken on purpose, fails with the right error. Skipped where the fixtures are
 * absent (a user's clone). */
#include <glib.h>
#include <string.h>

#include "fe-csv-table.h"
#include "fe-quote.h"
#include "fe-study.h"
#include "fe-tally.h"
#include "fe-test-util.h"

static FeStudy *
load_ok (const char *responses,
         const char *codebook)
{
  g_autoptr(GError) error = NULL;
  FeStudy *study = fe_study_load (responses, codebook, NULL, &error);

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

/* Levels in order, "|"-separated. */
static void
assert_levels (FeColumn   *column,
               const char *expected)
{
  g_auto(GStrv) levels = g_strsplit (expected, "|", -1);

  g_assert_cmpuint (fe_column_get_n_levels (column), ==, g_strv_length (levels));
  for (guint i = 0; levels[i] != NULL; i++)
    g_assert_cmpstr (fe_column_get_level (column, i), ==, levels[i]);
}

static guint
count_of (FeStudy    *study,
          FeColumn   *column,
          const char *level)
{
  g_autoptr(FeTally) tally = fe_tally_compute (column, fe_study_get_universe (study), NULL);
  int at = fe_column_find_level (column, level);

  if (at < 0)
    g_error ("“%s” has no level “%s”", column->id, level);
  return tally->counts[at];
}

static gboolean
is_hidden (FeStudy    *study,
           const char *id)
{
  GPtrArray *hidden = fe_study_get_hidden_columns (study);

  for (guint i = 0; i < hidden->len; i++)
    if (g_str_equal (((FeColumn *) g_ptr_array_index (hidden, i))->id, id))
      return TRUE;
  return FALSE;
}

static void
assert_warning_starts (FeStudy    *study,
                       const char *prefix)
{
  GPtrArray *warnings = fe_study_get_warnings (study);

  for (guint i = 0; i < warnings->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (warnings, i), prefix))
      return;
  g_error ("no warning starts “%s”", prefix);
}

/* ropensci-qualtRics: the current three-header-row layout, German row 2. */
static void
test_qualtrics_sample (void)
{
  FE_TEST_FIXTURE_OR_SKIP (path, "ropensci-qualtRics", "sample.csv");
  g_autoptr(FeStudy) study = load_ok (path, NULL);
  g_autofree char *questions = fe_study_list_question_ids (study);
  g_autofree char *notice = fe_study_describe_hidden_columns (study);
  g_autofree char *id = NULL;
  FeColumn *q1, *q2;

  g_assert_cmpstr (fe_study_get_format_name (study), ==, "Qualtrics");
  g_assert_cmpuint (fe_study_get_n_rows (study), ==, 1);
  g_assert_cmpuint (fe_study_get_n_respondents (study), ==, 1);
  g_assert_cmpstr (questions, ==, "Q1, Q2");
  g_assert_true (fe_study_get_id_column (study) == fe_study_find_column (study, "ResponseId"));
  id = fe_study_dup_respondent_id (study, 0);
  g_assert_cmpstr (id, ==, "R_2YPOQ602ER1jkf1");

  /* Metadata is recognised by its row-1 id, never by the (German) row-2 label. */
  for (const char * const *meta = (const char *[]) { "StartDate", "Status", "Progress",
                                                     "Finished", "UserLanguage", NULL };
       *meta != NULL; meta++)
    {
      FeColumn *column = column_with_role (study, *meta, "ignore");

      g_assert_true (column->metadata);
    }
  g_assert_cmpstr (fe_study_find_column (study, "StartDate")->label, ==, "Anfangsdatum");

  q1 = column_with_role (study, "Q1", "attribute");
  g_assert_cmpstr (q1->label, ==, "This is a multiple choice question.");
  assert_levels (q1, "2");
  q2 = column_with_role (study, "Q2", "text");
  g_assert_cmpstr (fe_study_get_answer (study, q2, 0), ==, "Hello World!");
  column_with_role (study, "Q2 - Topics", "ignore");

  /* The real IP address and coordinates are hidden, and said to be. */
  g_assert_true (is_hidden (study, "IPAddress"));
  g_assert_true (is_hidden (study, "LocationLatitude"));
  g_assert_true (is_hidden (study, "LocationLongitude"));
  g_assert_cmpuint (fe_study_get_hidden_columns (study)->len, ==, 3);
  g_assert_nonnull (strstr (notice, "IPAddress"));
  g_assert_null (strchr (notice, '\n'));
}

/* The legacy layout: BOM, V1…V10 then names, a trailing comma on every line. */
static void
test_qualtrics_legacy (void)
{
  FE_TEST_FIXTURE_OR_SKIP (path, "ropensci-qualtRics", "sample_legacy.csv");
  g_autoptr(FeStudy) study = load_ok (path, NULL);
  g_autofree char *questions = fe_study_list_question_ids (study);

  g_assert_cmpstr (fe_study_get_format_name (study), ==, "Qualtrics (legacy export)");
  g_assert_cmpuint (fe_study_get_n_rows (study), ==, 1);
  g_assert_cmpuint (fe_study_get_n_respondents (study), ==, 1);
  g_assert_cmpuint (fe_study_get_n_columns (study), ==, 15);
  g_assert_cmpstr (questions, ==, "Q1, Q2");
  g_assert_true (fe_study_get_id_column (study) == fe_study_find_column (study, "ResponseID"));
  column_with_role (study, "ResponseSet", "ignore");
  column_with_role (study, "Finished", "ignore");
  g_assert_cmpstr (column_with_role (study, "Q2", "text")->label, ==,
                   "This is a free text question.");
  g_assert_true (is_hidden (study, "IPAddress"));
  g_assert_true (is_hidden (study, "Name"));
}

/* EasyQualtrics: imported responses, comma-joined multi-selects, a 10-item matrix. */
static void
test_qualtrics_easy (void)
{
  FE_TEST_FIXTURE_OR_SKIP (path, "ssusnea-EasyQualtrics", "qualtrics_ex_data.csv");
  g_autoptr(FeStudy) study = load_ok (path, NULL);
  g_autoptr(GPtrArray) drivers = NULL;
  FeColumn *elig, *race, *income, *education;

  g_assert_cmpuint (fe_study_get_n_rows (study), ==, 100);
  g_assert_cmpuint (fe_study_get_n_respondents (study), ==, 100);
  g_assert_true (fe_study_get_id_column (study) == fe_study_find_column (study, "ResponseId"));

  /* "YumYum,HelloFresh,Blue Apron": split by the options, every respondent once per option. */
  elig = column_with_role (study, "Elig1", "multi");
  g_assert_cmpuint (fe_column_get_n_levels (elig), ==, 7);
  g_assert_cmpuint (count_of (study, elig, "YumYum"), ==, 100);
  g_assert_cmpuint (count_of (study, elig, "HelloFresh"), ==, 16);
  g_assert_cmpuint (count_of (study, elig, "Some other brand"), ==, 14);
  race = column_with_role (study, "Race", "multi");
  g_assert_cmpuint (fe_column_get_n_levels (race), ==, 6);
  g_assert_cmpuint (count_of (study, race, "Asian"), ==, 16);
  g_assert_cmpuint (count_of (study, race, "Native Hawaiian or Other Pacific Islander"), ==, 6);

  /* Single answers with commas in them are not split, and bands keep their numbers' order. */
  income = column_with_role (study, "Income", "ordinal");
  assert_levels (income, "Less than $25,000|$25,000-$49,999|$50,000-$74,999|$75,000-$99,999|"
                         "$100,000-$149,999|$150,000 or more");
  g_assert_cmpuint (count_of (study, income, "$150,000 or more"), ==, 13);
  education = column_with_role (study, "Education", "ordinal");
  assert_levels (education, "Some high school or less|High school diploma or GED|"
                            "Some college, but no degree|Associates or technical degree|"
                            "Bachelor’s degree|"
                            "Graduate or professional degree (MA, MS, MBA, PhD, JD, MD, DDS)");
  g_assert_cmpuint (count_of (study, education,
                              "Graduate or professional degree (MA, MS, MBA, PhD, JD, MD, DDS)"),
                    ==, 16);
  g_assert_cmpuint (count_of (study, education, "Bachelor’s degree"), ==, 60);

  assert_levels (column_with_role (study, "CSAT", "ordinal"),
                 "Very dissatisfied|Somewhat dissatisfied|Neither satisfied nor dissatisfied|"
                 "Somewhat satisfied|Very satisfied");
  assert_levels (column_with_role (study, "Churn", "ordinal"),
                 "Definitely will not|Probably will not|Might or might not|Probably will|"
                 "Definitely will");
  assert_levels (column_with_role (study, "Household", "ordinal"), "1|2|3|4|5");

  /* The matrix Drivers_1…Drivers_10 is one grid under its stem. */
  drivers = fe_study_get_group_columns (study, "Drivers");
  g_assert_cmpuint (drivers->len, ==, 10);
  for (guint i = 0; i < drivers->len; i++)
    {
      FeColumn *item = g_ptr_array_index (drivers, i);

      g_assert_cmpint (item->role, ==, FE_ROLE_ORDINAL);
      g_assert_cmpstr (item->group_label, ==, "Drivers");
      g_assert_cmpuint (fe_column_get_n_levels (item), ==, 5);
    }
  g_assert_cmpstr (((FeColumn *) g_ptr_array_index (drivers, 0))->label, ==,
                   "Drivers - Time required to cook");

  column_with_role (study, "Gender", "attribute");
  column_with_role (study, "Gender_4_TEXT", "ignore");
  column_with_role (study, "Spanish_Hispanic_Latino", "choice");
  /* ZIP codes lost their leading zeros and are not an id: they identify, so they hide. */
  column_with_role (study, "Zip", "ignore");
  g_assert_true (is_hidden (study, "Zip"));
  /* Imported responses have empty IP and location columns: nothing to hide there. */
  g_assert_false (is_hidden (study, "IPAddress"));
}

/* StarWars: SurveyMonkey's two header rows, Mac Roman stray bytes, option-per-column. */
static void
test_surveymonkey_star_wars (void)
{
  FE_TEST_FIXTURE_OR_SKIP (path, "fivethirtyeight-data", "StarWars.csv");
  g_autoptr(FeStudy) study = load_ok (path, NULL);
  g_autoptr(GPtrArray) ranking = NULL;
  FeColumn *seen, *han;

  g_assert_cmpstr (fe_study_get_format_name (study), ==, "SurveyMonkey");
  g_assert_cmpuint (fe_study_get_n_rows (study), ==, 1186);
  g_assert_true (fe_study_get_id_column (study) == fe_study_find_column (study, "RespondentID"));
  assert_warning_starts (study, "StarWars.csv: the file is not UTF-8");

  column_with_role (study, "Have you seen any of the 6 films in the Star Wars franchise?",
                    "choice");
  seen = column_with_role (study, "Which of the following Star Wars films have you seen? Please "
                                  "select all that apply.", "multi");
  g_assert_nonnull (seen->members);
  g_assert_cmpuint (seen->members->len, ==, 6);
  g_assert_cmpuint (count_of (study, seen, "Star Wars: Episode I  The Phantom Menace"), ==, 673);
  g_assert_cmpuint (count_of (study, seen, "Star Wars: Episode V The Empire Strikes Back"), ==,
                    758);

  ranking = fe_study_get_group_columns (study, "Please rank the Star Wars films in order of "
                                               "preference with 1 being your favorite film in "
                                               "the franchise and 6 being your least favorite "
                                               "film.");
  g_assert_cmpuint (ranking->len, ==, 6);
  assert_levels (g_ptr_array_index (ranking, 0), "1|2|3|4|5|6");

  han = column_with_role (study, "Han Solo", "ordinal");
  assert_levels (han, "Very unfavorably|Somewhat unfavorably|Neither favorably nor unfavorably "
                      "(neutral)|Somewhat favorably|Very favorably|Unfamiliar (N/A)");
  g_assert_cmpuint (count_of (study, han, "Very favorably"), ==, 610);
  g_assert_nonnull (han->group);
  g_assert_cmpuint (count_of (study, column_with_role (study, "Gender", "attribute"), "Female"),
                    ==, 549);
}

/* MIDWEST: single choices spread over one column per option, a states multi-select. */
static void
test_surveymonkey_midwest (void)
{
  FE_TEST_FIXTURE_OR_SKIP (path, "fivethirtyeight-data", "MIDWEST.csv");
  g_autoptr(FeStudy) study = load_ok (path, NULL);
  FeColumn *identify, *states, *age, *region;

  g_assert_cmpuint (fe_study_get_n_rows (study), ==, 2778);
  region = column_with_role (study, "In your own words, what would you call the part of the "
                                    "country you live in now?", "text");
  g_assert_cmpstr (fe_study_get_answer (study, region, 0), !=, "");

  identify = column_with_role (study, "How much, if at all, do you personally identify as a "
                                      "Midwesterner?", "ordinal");
  assert_levels (identify, "Not at all|Not much|Some|A lot");
  g_assert_cmpuint (count_of (study, identify, "A lot"), ==, 770);
  g_assert_cmpuint (count_of (study, identify, "Not at all"), ==, 1075);
  g_assert_cmpstr (fe_study_get_level_label (study, identify, 0), !=, NULL);

  states = column_with_role (study, "Which of the following states do you consider part of the "
                                    "Midwest? Please select all that apply.", "multi");
  g_assert_cmpuint (fe_column_get_n_levels (states), ==, 20);
  g_assert_cmpuint (count_of (study, states, "Illinois"), ==, 1954);
  g_assert_cmpuint (count_of (study, states, "West Virginia"), ==, 114);

  age = column_with_role (study, "Age", "ordinal");
  assert_levels (age, "< 18|18-29|30-44|45-60|> 60");
  g_assert_cmpuint (count_of (study, age, "45-60"), ==, 705);
  assert_levels (column_with_role (study, "Household Income", "ordinal"),
                 "$0 - $24,999|$25,000 - $49,999|$50,000 - $99,999|$100,000 - $149,999|"
                 "$150,000+");

  /* The home ZIP code is an open answer that identifies: hidden. */
  g_assert_cmpuint (fe_study_get_hidden_columns (study)->len, ==, 1);
  g_assert_true (g_str_has_prefix (((FeColumn *) g_ptr_array_index (
                                      fe_study_get_hidden_columns (study), 0))->id,
                                   "In what ZIP code"));
}

static FeColumn *
column_starting (FeStudy    *study,
                 const char *prefix,
                 guint       nth)
{
  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);

      if (g_str_has_prefix (column->id, prefix) && nth-- == 0)
        return column;
    }
  g_error ("no column starts “%s”", prefix);
}

/* Google Forms: full question texts, ", "-joined checkboxes whose options contain ", ". */
static void
test_google_forms (void)
{
  FE_TEST_FIXTURE_OR_SKIP (path, "rstudio-r-community-survey",
                   "2019 Spanish R Community Survey Responses.csv");
  g_autoptr(FeStudy) study = load_ok (path, NULL);
  FeColumn *events, *help, *tools, *learnt, *again, *recommend, *likes;

  g_assert_cmpuint (fe_study_get_n_rows (study), ==, 338);
  g_assert_cmpuint (fe_study_get_n_columns (study), ==, 52);
  column_with_role (study, "Timestamp", "ignore");

  events = column_starting (study, "¿A cuál de los siguientes eventos", 0);
  g_assert_cmpint (events->role, ==, FE_ROLE_MULTI);
  g_assert_cmpuint (count_of (study, events, "R Reuniones de damas (locales, regionales, "
                                             "nacionales o internacionales)"), ==, 52);
  g_assert_cmpuint (count_of (study, events, "Encuentro local o regional de R"), ==, 101);

  help = column_starting (study, "Cuando tienes problemas en R", 0);
  g_assert_cmpint (help->role, ==, FE_ROLE_MULTI);
  g_assert_cmpuint (count_of (study, help, "Redes sociales como blogs, R-bloggers, Twitter, "
                                           "Slack o contactos de GitHub"), ==, 160);
  g_assert_cmpuint (count_of (study, help, "Sitios web de búsqueda general como Google y "
                                           "Yahoo"), ==, 265);

  tools = column_starting (study, "¿Qué herramientas utilizas con tus aplicaciones R?", 0);
  g_assert_cmpint (tools->role, ==, FE_ROLE_MULTI);
  g_assert_cmpuint (count_of (study, tools, "Línea de comandos de R (es decir, la interfaz "
                                            "nativa de la terminal R)"), ==, 90);

  /* The same question asked on two branches keeps two columns. */
  learnt = column_starting (study, "¿Qué opción refleja mejor la razón principal", 0);
  again = column_starting (study, "¿Qué opción refleja mejor la razón principal", 1);
  g_assert_cmpstr (again->id, ==, "¿Qué opción refleja mejor la razón principal por la que "
                                  "aprendiste R? (2)");
  g_assert_cmpuint (fe_bitset_count (learnt->answered), ==, 7);

  assert_levels (column_starting (study, "Comparado con otros temas técnicos", 1), "1|2|3|4|5");
  recommend = column_starting (study, "¿Qué tan probable es que recomiendes R", 0);
  g_assert_cmpint (recommend->role, ==, FE_ROLE_ORDINAL);
  g_assert_cmpuint (count_of (study, recommend, "10"), ==, 212);
  g_assert_cmpstr (fe_column_get_level (recommend, fe_column_get_n_levels (recommend) - 1), ==,
                   "10");

  likes = column_with_role (study, "¿Qué es lo que más te gusta de usar R?", "text");
  g_assert_cmpuint (fe_bitset_count (likes->answered), ==, 285);
  column_with_role (study, "¿Cuál es el nombre de tu cargo laboral (si tienes alguno)?", "text");
}

/* navarral: a Taguette highlights export with its codebook: documents are respondents, tags
 * are codes, and the codebook's highlight counts match. */
static void
test_taguette_highlights (void)
{
  FE_TEST_FIXTURE_OR_SKIP (tags, "navarral-swj2022-usability", "all_tags_20220303.csv");
  FE_TEST_FIXTURE_OR_SKIP (codebook, "navarral-swj2022-usability", "codebook_20220303_8.csv");
  g_autoptr(FeStudy) study = load_ok (tags, codebook);
  FeColumn *highlights = column_with_role (study, "highlights", "coded");
  int additional;
  g_autoptr(GPtrArray) quotes = NULL;
  static const struct
  {
    const char *tag;
    guint highlights;
    guint documents;
  } expected[] = {
    { "Moderator assist", 174, 17 },
    { "Query inputs and elements useful", 191, 17 },
    { "Search information process complex", 32, 9 },
    { "Event concept and approach not clear", 33, 11 },
    { "System issue", 45, 16 },
  };

  g_assert_cmpstr (fe_study_get_format_name (study), ==, "Taguette");
  g_assert_cmpuint (fe_study_get_n_rows (study), ==, 17);
  g_assert_cmpuint (fe_study_get_n_respondents (study), ==, 17);
  /* The loader compares every tag's count with the codebook's and would warn. */
  g_assert_cmpuint (fe_study_get_warnings (study)->len, ==, 0);
  g_assert_cmpuint (fe_column_get_n_levels (highlights), ==, 22);
  g_assert_cmpstr (fe_column_get_level (highlights, 0), ==, "Moderator assist");
  g_assert_cmpstr (fe_column_get_level (highlights, 21), ==, "Navigation complex");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      int level = fe_column_find_level (highlights, expected[i].tag);

      g_assert_cmpint (level, >=, 0);
      g_assert_cmpuint (fe_column_count_codings (highlights, (guint) level), ==,
                        expected[i].highlights);
      g_assert_cmpuint (count_of (study, highlights, expected[i].tag), ==,
                        expected[i].documents);
    }
  g_assert_cmpuint (highlights->codings->len, ==, 1930);

  additional = fe_column_find_level (highlights, "Additional feature suggestion");
  g_assert_nonnull (strstr (fe_column_get_level_description (highlights, (guint) additional),
                            "\nAdd time series"));
  quotes = fe_study_collect_quotes (study, highlights, additional,
                                    fe_study_get_universe (study));
  g_assert_cmpuint (quotes->len, ==, 126);
  g_assert_cmpint (fe_study_find_respondent (study, "P2_GMT20211119.odt"), >=, 0);
}

typedef struct
{
  const char *file;
  guint       rows;
  guint       columns;
} PlainCase;

/* csvkit's odd but sound files: encodings, line ends, quoting, ragged rows that can be
 * repaired. */
static void
test_csvkit_loads (void)
{
  static const PlainCase cases[] = {
    { "blanks.csv", 1, 6 },
    { "dummy.tsv", 1, 3 },
    { "mac_newlines.csv", 2, 3 },
    { "null_byte.csv", 1, 3 },
    { "optional_quote_characters.csv", 1, 3 },
    { "test_extra_header.csv", 1, 4 },
    { "test_header_newline.csv", 1, 3 },
    { "test_latin1.csv", 2, 3 },
    { "test_locale.csv", 1, 3 },
    { "test_skip_lines.csv", 1, 3 },
    { "test_utf16_big.csv", 2, 3 },
    { "test_utf16_little.csv", 2, 3 },
    { "test_utf8_bom.csv", 2, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      FE_TEST_FIXTURE_OR_SKIP (path, "wireservice-csvkit", cases[i].file);
      g_autoptr(FeStudy) study = load_ok (path, NULL);

      g_test_message ("%s", cases[i].file);
      g_assert_cmpuint (fe_study_get_n_rows (study), ==, cases[i].rows);
      g_assert_cmpuint (fe_study_get_n_columns (study), ==, cases[i].columns);
    }
}

static const char *
cell (FeStudy    *study,
      const char *id,
      guint       row)
{
  return fe_study_get_answer (study, fe_study_find_column (study, id), row);
}

static void
test_csvkit_cells (void)
{
  FE_TEST_FIXTURE_OR_SKIP (mac, "wireservice-csvkit", "mac_newlines.csv");
  FE_TEST_FIXTURE_OR_SKIP (latin1, "wireservice-csvkit", "test_latin1.csv");
  FE_TEST_FIXTURE_OR_SKIP (utf16be, "wireservice-csvkit", "test_utf16_big.csv");
  FE_TEST_FIXTURE_OR_SKIP (utf16le, "wireservice-csvkit", "test_utf16_little.csv");
  FE_TEST_FIXTURE_OR_SKIP (bom, "wireservice-csvkit", "test_utf8_bom.csv");
  FE_TEST_FIXTURE_OR_SKIP (locale, "wireservice-csvkit", "test_locale.csv");
  FE_TEST_FIXTURE_OR_SKIP (nul, "wireservice-csvkit", "null_byte.csv");
  FE_TEST_FIXTURE_OR_SKIP (extra, "wireservice-csvkit", "test_extra_header.csv");
  FE_TEST_FIXTURE_OR_SKIP (newline, "wireservice-csvkit", "test_header_newline.csv");
  FE_TEST_FIXTURE_OR_SKIP (skip, "wireservice-csvkit", "test_skip_lines.csv");
  FE_TEST_FIXTURE_OR_SKIP (blanks, "wireservice-csvkit", "blanks.csv");
  g_autoptr(FeStudy) s_mac = load_ok (mac, NULL);
  g_autoptr(FeStudy) s_latin1 = load_ok (latin1, NULL);
  g_autoptr(FeStudy) s_utf16be = load_ok (utf16be, NULL);
  g_autoptr(FeStudy) s_utf16le = load_ok (utf16le, NULL);
  g_autoptr(FeStudy) s_bom = load_ok (bom, NULL);
  g_autoptr(FeStudy) s_locale = load_ok (locale, NULL);
  g_autoptr(FeStudy) s_nul = load_ok (nul, NULL);
  g_autoptr(FeStudy) s_extra = load_ok (extra, NULL);
  g_autoptr(FeStudy) s_newline = load_ok (newline, NULL);
  g_autoptr(FeStudy) s_skip = load_ok (skip, NULL);
  g_autoptr(FeStudy) s_blanks = load_ok (blanks, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FeCsvTable) skip_table = fe_csv_table_load (skip, &error);

  g_assert_cmpstr (cell (s_mac, "a", 1), ==, "Once upon\na time");
  g_assert_cmpstr (cell (s_latin1, "c", 1), ==, "©");
  assert_warning_starts (s_latin1, "test_latin1.csv: the file is not UTF-8");
  g_assert_cmpstr (cell (s_utf16be, "c", 1), ==, "ʤ");
  g_assert_cmpstr (cell (s_utf16le, "c", 1), ==, "ʤ");
  g_assert_nonnull (fe_study_find_column (s_bom, "foo"));
  g_assert_cmpstr (cell (s_bom, "baz", 1), ==, "ʤ");
  g_assert_cmpstr (cell (s_locale, "a", 0), ==, "1,7");
  g_assert_cmpstr (cell (s_locale, "b", 0), ==, "200.000.000");
  g_assert_cmpstr (cell (s_nul, "a", 0), ==, "");
  g_assert_cmpstr (cell (s_nul, "b", 0), ==, "2");
  assert_warning_starts (s_nul, "null_byte.csv, line 2:");
  g_assert_cmpstr (cell (s_extra, "d", 0), ==, "");
  assert_warning_starts (s_extra, "test_extra_header.csv, line 2:");
  g_assert_true (g_str_has_prefix (fe_study_get_column (s_newline, 0)->id, "start"));
  g_assert_true (g_str_has_suffix (fe_study_get_column (s_newline, 0)->id, "end"));
  g_assert_cmpstr (cell (s_newline, "c", 0), ==, "f");
  g_assert_no_error (error);
  g_assert_cmpuint (fe_csv_table_get_line (skip_table, 0), ==, 5);
  g_assert_cmpstr (cell (s_skip, "c", 0), ==, "3");
  /* Null tokens are answers like any other; only an empty field is no answer. */
  g_assert_cmpstr (cell (s_blanks, "b", 0), ==, "NA");
  g_assert_cmpint (fe_study_find_column (s_blanks, "a")->role, ==, FE_ROLE_IGNORE);
}

/* The broken ones fail with a reason and a place. */
static void
test_csvkit_errors (void)
{
  static const struct
  {
    const char *file;
    gboolean    domain;   /* FALSE: FE_CSV_ERROR, TRUE: FE_STUDY_ERROR */
    int         code;
    guint       line;
    guint       column;
  } cases[] = {
    { "bad.csv", 0, FE_CSV_ERROR_RAGGED, 2, 4 },
    { "empty.csv", 0, FE_CSV_ERROR_EMPTY, 1, 1 },
    { "test_empty_columns_long_row.csv", 1, FE_STUDY_ERROR_NO_RESPONSES, 2, 1 },
    { "test_empty_columns_short_row.csv", 1, FE_STUDY_ERROR_NO_RESPONSES, 2, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      FE_TEST_FIXTURE_OR_SKIP (path, "wireservice-csvkit", cases[i].file);
      g_autoptr(GError) error = NULL;
      g_autoptr(FeStudy) study = fe_study_load (path, NULL, NULL, &error);

      g_test_message ("%s", cases[i].file);
      g_assert_null (study);
      GQuark domain = cases[i].domain ? FE_STUDY_ERROR : FE_CSV_ERROR;

      g_assert_error (error, domain, cases[i].code);
      fe_test_assert_error_at (error, cases[i].file, cases[i].line, cases[i].column);
    }
}

/* csv-spectrum's files as studies too (their records are checked by test-csv-spectrum). */
static void
test_csv_spectrum_studies (void)
{
  static const char * const files[] = {
    "comma_in_quotes.csv", "empty.csv", "empty_crlf.csv", "escaped_quotes.csv", "json.csv",
    "location_coordinates.csv", "newlines.csv", "newlines_crlf.csv", "quotes_and_newlines.csv",
    "simple.csv", "simple_crlf.csv", "utf8.csv",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      FE_TEST_FIXTURE_OR_SKIP (path, "max-mapper-csv-spectrum/csvs", files[i]);
      g_autoptr(FeStudy) study = load_ok (path, NULL);

      g_assert_cmpuint (fe_study_get_n_rows (study), >=, 1);
      if (g_str_equal (files[i], "location_coordinates.csv"))
        {
          /* A phone number and coordinates: both identify, both hidden. */
          g_assert_true (is_hidden (study, "Contact Phone Number"));
          g_assert_true (is_hidden (study, "Location Coordinates"));
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/fixtures/qualtrics/sample", test_qualtrics_sample);
  g_test_add_func ("/core/fixtures/qualtrics/legacy", test_qualtrics_legacy);
  g_test_add_func ("/core/fixtures/qualtrics/easy-qualtrics", test_qualtrics_easy);
  g_test_add_func ("/core/fixtures/surveymonkey/star-wars", test_surveymonkey_star_wars);
  g_test_add_func ("/core/fixtures/surveymonkey/midwest", test_surveymonkey_midwest);
  g_test_add_func ("/core/fixtures/google-forms", test_google_forms);
  g_test_add_func ("/core/fixtures/taguette", test_taguette_highlights);
  g_test_add_func ("/core/fixtures/csvkit/loads", test_csvkit_loads);
  g_test_add_func ("/core/fixtures/csvkit/cells", test_csvkit_cells);
  g_test_add_func ("/core/fixtures/csvkit/errors", test_csvkit_errors);
  g_test_add_func ("/core/fixtures/csv-spectrum", test_csv_spectrum_studies);

  return g_test_run ();
}
