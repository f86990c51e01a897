/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bilingual data: a codebook's label_cy and levels_cy, shown when the study's language is
 * Welsh, while the canonical names that filters and projects use stay as they are. */
#include <glib.h>
#include <string.h>

#include "fe-attribution.h"
#include "fe-column-correction.h"
#include "fe-filter.h"
#include "fe-study.h"
#include "fe-tally.h"
#include "fe-test-util.h"

static const char responses_csv[] =
  "participant,force,training,why\n"
  "1,Gwent Police,Yes,Drugs and debt\n"
  "2,South Wales Police,No,Lone working\n"
  "3,Gwent Police,No,Drugs\n";

static const char codebook_csv[] =
  "column,role,label,levels,quotes_from,label_cy,levels_cy\n"
  "participant,id,Participant,,,Cyfranogwr,\n"
  "force,attribute,Which police force do you work for?,"
  "South Wales Police|Gwent Police|North Wales Police,,"
  "I ba heddlu ydych chi'n gweithio?,Heddlu De Cymru|Heddlu Gwent|Heddlu Gogledd Cymru\n"
  "training,choice,Have you had training?,Yes|No,why,,Ydw|Nac ydw\n"
  "why,text,Why?,Risk/Substance use|Lone working,,Pam?,"
  "Risg/Defnyddio sylweddau|Gweithio ar eu pen eu hunain\n";

static const char coding_csv[] =
  "respondent,question,code,excerpt,note\n"
  "1,why,Risk/Substance use,Drugs,\n"
  "2,why,Lone working,,\n"
  "3,why,Risk/Substance use,,\n";

static FeStudy *
load_with (const char          *codebook,
           const FeLoadOptions *options,
           GError             **error)
{
  g_autofree char *responses_path = fe_test_write_file ("responses.csv", responses_csv, -1);
  g_autofree char *codebook_path = fe_test_write_file ("codebook.csv", codebook, -1);
  g_autofree char *coding_path = fe_test_write_file ("coding.csv", coding_csv, -1);

  return fe_study_load_full (responses_path, codebook_path, coding_path, options, error);
}

static FeStudy *
load_study (void)
{
  g_autoptr(GError) error = NULL;
  FeStudy *study = load_with (codebook_csv, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (study);
  return study;
}

static void
test_display_follows_language (void)
{
  g_autoptr(FeStudy) study = load_study ();
  FeColumn *force = fe_study_find_column (study, "force");
  FeColumn *training = fe_study_find_column (study, "training");
  int gwent = fe_column_find_level (force, "Gwent Police");

  g_assert_cmpint (gwent, ==, 1);
  g_assert_null (fe_study_get_language (study));
  g_assert_true (fe_study_has_language (study, "cy"));
  g_assert_false (fe_study_has_language (study, "fr"));

  /* Source text until a language is set. */
  g_assert_cmpstr (fe_column_get_display_label (force), ==, "Which police force do you work for?");
  g_assert_cmpstr (fe_column_get_display_level (force, (guint) gwent), ==, "Gwent Police");

  fe_study_set_language (study, "cy");
  g_assert_cmpstr (fe_study_get_language (study), ==, "cy");
  g_assert_cmpstr (fe_column_get_display_label (force), ==, "I ba heddlu ydych chi'n gweithio?");
  g_assert_cmpstr (fe_column_get_display_level (force, (guint) gwent), ==, "Heddlu Gwent");
  g_assert_cmpstr (fe_column_get_display_level (force, 2), ==, "Heddlu Gogledd Cymru");
  g_assert_cmpstr (fe_column_get_display_level (training, 1), ==, "Nac ydw");
  /* No label_cy: the source label. */
  g_assert_cmpstr (fe_column_get_display_label (training), ==, "Have you had training?");
  /* The canonical names do not change: levels are still found by them. */
  g_assert_cmpstr (force->label, ==, "Which police force do you work for?");
  g_assert_cmpstr (fe_column_get_level (force, (guint) gwent), ==, "Gwent Police");
  g_assert_cmpint (fe_column_find_level (force, "Gwent Police"), ==, gwent);
  g_assert_cmpint (fe_column_find_level (force, "Heddlu Gwent"), ==, -1);
  g_assert_cmpstr (fe_study_get_level_label (study, force, 0), ==, "Gwent Police");
  g_assert_cmpstr (fe_study_get_display_level_label (study, force, 0), ==, "Heddlu Gwent");

  /* A region falls back to its language; "en" has no translation here: the source. */
  fe_study_set_language (study, "cy_GB.UTF-8");
  g_assert_cmpstr (fe_column_get_display_level (force, (guint) gwent), ==, "Heddlu Gwent");
  fe_study_set_language (study, "en");
  g_assert_cmpstr (fe_column_get_display_level (force, (guint) gwent), ==, "Gwent Police");
  fe_study_set_language (study, NULL);
  g_assert_null (fe_study_get_language (study));
  g_assert_cmpstr (fe_column_get_display_label (force), ==, "Which police force do you work for?");
}

/* A codebook's short_label names a question where it would not fit, in the display language;
 * without one, the start of the question in that language, cut at a word. */
static void
test_short_labels (void)
{
  static const char codebook[] =
    "column,role,label,short_label,levels,quotes_from,label_cy,short_label_cy\n"
    "participant,id,Participant,Participant id,,,Cyfranogwr,\n"
    "force,attribute,Which police force do you work for?,Force,,,"
    "I ba heddlu ydych chi'n gweithio?,Heddlu\n"
    "training,choice,Have you received any training related to sex work?,,,why,"
    "Ydych chi wedi cael unrhyw hyfforddiant yn ymwneud â gwaith rhyw?,\n"
    "why,text,Why?,Reasons,,,,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = load_with (codebook, NULL, &error);
  const char *ids[] = { "participant", "force", "training", "why" };
  const char *english[] = { "Participant id", "Force", "Have you received any…", "Reasons" };
  /* A translated question is not named in English; an untranslated one keeps its name. */
  const char *welsh[] = { "Cyfranogwr", "Heddlu", "Ydych chi wedi cael unrhyw…", "Reasons" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      FeColumn *column = fe_study_find_column (study, ids[i]);
      g_autofree char *in_english = fe_column_dup_short_label (column);
      g_autofree char *in_welsh = NULL;

      g_assert_cmpstr (in_english, ==, english[i]);
      fe_study_set_language (study, "cy");
      in_welsh = fe_column_dup_short_label (column);
      g_assert_cmpstr (in_welsh, ==, welsh[i]);
      fe_study_set_language (study, NULL);
    }
  /* The short label only names: the label stays the question. */
  g_assert_cmpstr (fe_study_find_column (study, "force")->label, ==,
                   "Which police force do you work for?");
}

/* Codes "Parent/Child" translate part by part, into the child and the parent levels. */
static void
test_coded_levels (void)
{
  g_autoptr(FeStudy) study = load_study ();
  FeColumn *why = fe_study_find_column (study, "why");
  int risk = fe_column_find_level (why, "Risk");
  int substance = fe_column_find_level (why, "Substance use");
  int lone = fe_column_find_level (why, "Lone working");

  g_assert_true (why->coded);
  g_assert_cmpint (risk, >=, 0);
  g_assert_cmpint (substance, >=, 0);
  g_assert_cmpint (lone, >=, 0);
  fe_study_set_language (study, "cy");
  g_assert_cmpstr (fe_column_get_display_label (why), ==, "Pam?");
  g_assert_cmpstr (fe_column_get_display_level (why, (guint) risk), ==, "Risg");
  g_assert_cmpstr (fe_column_get_display_level (why, (guint) substance), ==,
                   "Defnyddio sylweddau");
  g_assert_cmpstr (fe_column_get_display_level (why, (guint) lone), ==,
                   "Gweithio ar eu pen eu hunain");
}

/* What is shown uses the display names: a filter in words, a quote's attribution. */
static void
test_filter_and_attribution_in_welsh (void)
{
  g_autoptr(FeStudy) study = load_study ();
  FeColumn *force = fe_study_find_column (study, "force");
  g_autoptr(FeFilter) filter = fe_filter_new (study);
  g_autofree char *english = NULL;
  g_autofree char *welsh = NULL;
  g_autofree char *attribution = NULL;
  g_autoptr(FeBitset) rows = NULL;

  fe_filter_add_level (filter, force, (guint) fe_column_find_level (force, "Gwent Police"));
  english = fe_filter_describe (filter);
  g_assert_cmpstr (english, ==, "Which police force do you work for? = Gwent Police");
  fe_study_set_language (study, "cy");
  welsh = fe_filter_describe (filter);
  g_assert_cmpstr (welsh, ==, "I ba heddlu ydych chi'n gweithio? = Heddlu Gwent");
  /* The same respondents either way. */
  rows = fe_filter_compute_rows (filter);
  g_assert_cmpuint (fe_bitset_count (rows), ==, 2);
  attribution = fe_study_dup_attribution (study, 0);
  g_assert_nonnull (strstr (attribution, "Heddlu Gwent"));
}

/* A project's level order and label are laid over the codebook: translations follow the
 * levels, and a label the researcher changed is no longer the one label_cy translated. */
static void
test_corrections_keep_level_translations (void)
{
  g_autoptr(GPtrArray) corrections = fe_column_corrections_new ();
  FeColumnCorrection *correction = fe_column_corrections_ensure (corrections, "force");
  const char * const order[] = { "North Wales Police", "Gwent Police", "South Wales Police",
                                 NULL };
  FeLoadOptions options = { .corrections = corrections };
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = NULL;
  FeColumn *force;

  fe_column_correction_set_levels (correction, order);
  fe_column_correction_set_label (correction, "Force");
  study = load_with (codebook_csv, &options, &error);
  g_assert_no_error (error);
  force = fe_study_find_column (study, "force");
  fe_study_set_language (study, "cy");
  g_assert_cmpstr (fe_column_get_level (force, 0), ==, "North Wales Police");
  g_assert_cmpstr (fe_column_get_display_level (force, 0), ==, "Heddlu Gogledd Cymru");
  g_assert_cmpstr (fe_column_get_display_level (force, 2), ==, "Heddlu De Cymru");
  g_assert_cmpstr (fe_column_get_display_label (force), ==, "Force");
}

/* levels_cy must list as many levels as levels: the error names the file, line and column. */
static void
test_level_count_mismatch (void)
{
  static const char mismatched[] =
    "column,role,label,levels,quotes_from,label_cy,levels_cy\n"
    "participant,id,Participant,,,,\n"
    "force,attribute,Force,South Wales Police|Gwent Police|North Wales Police,,Heddlu,"
    "Heddlu De Cymru|Heddlu Gwent\n";
  static const char untranslatable[] =
    "column,role,levels_cy\n"
    "participant,id,\n"
    "training,choice,Ydw|Nac ydw\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = load_with (mismatched, NULL, &error);

  g_assert_null (study);
  g_assert_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CODEBOOK);
  fe_test_assert_error_at (error, "codebook.csv", 3, 7);
  g_assert_nonnull (strstr (error->message, "levels_cy"));
  g_assert_nonnull (strstr (error->message, "2 levels"));
  g_clear_error (&error);

  /* Levels to translate, but none listed to translate them from. */
  study = load_with (untranslatable, NULL, &error);
  g_assert_null (study);
  fe_test_assert_error_at (error, "codebook.csv", 3, 3);
}

/* Any label_XX is a language; a codes codebook translates its codes in code_XX. */
static void
test_other_languages_and_codes (void)
{
  static const char codebook[] =
    "column,role,label,levels,quotes_from,label_fr,levels_fr\n"
    "participant,id,Participant,,,,\n"
    "force,attribute,Force,South Wales Police|Gwent Police,,Police,Police du sud du Pays de "
    "Galles|Police de Gwent\n";
  static const char codes[] = "code,description,code_cy\nLone working,,Gweithio ar eu pen eu "
                              "hunain\nRisk/Substance use,,Risg/Defnyddio sylweddau\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = load_with (codebook, NULL, &error);
  g_autoptr(FeStudy) coded = NULL;
  g_autofree char *responses_path = NULL;
  g_autofree char *codes_path = NULL;
  g_autofree char *coding_path = NULL;
  FeColumn *force, *why;

  g_assert_no_error (error);
  force = fe_study_find_column (study, "force");
  fe_study_set_language (study, "fr");
  g_assert_cmpstr (fe_column_get_display_label (force), ==, "Police");
  g_assert_cmpstr (fe_column_get_display_level (force, 1), ==, "Police de Gwent");
  fe_study_set_language (study, "cy");
  g_assert_cmpstr (fe_column_get_display_level (force, 1), ==, "Gwent Police");

  responses_path = fe_test_write_file ("responses.csv", responses_csv, -1);
  codes_path = fe_test_write_file ("codes.csv", codes, -1);
  coding_path = fe_test_write_file ("coding.csv", coding_csv, -1);
  coded = fe_study_load (responses_path, codes_path, coding_path, &error);
  g_assert_no_error (error);
  why = fe_study_find_column (coded, "why");
  fe_study_set_language (coded, "cy");
  g_assert_cmpstr (fe_column_get_display_level (why,
                                                (guint) fe_column_find_level (why, "Risk")),
                   ==, "Risg");
  g_assert_cmpstr (fe_column_get_display_level (why, (guint) fe_column_find_level (
                                                  why, "Lone working")),
                   ==, "Gweithio ar eu pen eu hunain");
}

static void
test_language_from_locale (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  g_setenv ("LANGUAGE", "cy", TRUE);
  g_assert_cmpstr (fe_study_language_from_locale (), ==, "cy");
  g_setenv ("LANGUAGE", "cy_GB:en", TRUE);
  g_assert_cmpstr (fe_study_language_from_locale (), ==, "cy");
  g_setenv ("LANGUAGE", "en_GB", TRUE);
  g_assert_cmpstr (fe_study_language_from_locale (), ==, "en");
  /* The tests run with LC_ALL=C.UTF-8: without LANGUAGE, no language. */
  g_unsetenv ("LANGUAGE");
  if (g_strcmp0 (g_getenv ("LC_ALL"), "C.UTF-8") == 0)
    g_assert_null (fe_study_language_from_locale ());
  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
}

/* The sample study's codebook is bilingual. */
static void
test_sample_in_welsh (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = fe_study_load_sample (&error);
  FeColumn *force, *aware;

  g_assert_no_error (error);
  force = fe_study_find_column (study, "force");
  aware = fe_study_find_column (study, "guidance_aware");
  fe_study_set_language (study, "cy");
  for (guint l = 0; l < fe_column_get_n_levels (force); l++)
    g_assert_true (g_str_has_prefix (fe_column_get_display_level (force, l), "Heddlu "));
  g_assert_cmpstr (fe_column_get_display_level (aware, 0), ==, "Ydw");
  /* Every question has its Welsh label, and every level of every question its Welsh name. */
  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);

      if (!fe_column_is_question (column))
        continue;
      g_assert_nonnull (fe_column_get_label_translation (column, "cy"));
      for (guint l = 0; l < fe_column_get_n_levels (column); l++)
        if (fe_column_get_level_translation (column, l, "cy") == NULL)
          g_error ("%s: level “%s” has no Welsh name", column->id,
                   fe_column_get_level (column, l));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/translations/display", test_display_follows_language);
  g_test_add_func ("/core/translations/short-labels", test_short_labels);
  g_test_add_func ("/core/translations/coded", test_coded_levels);
  g_test_add_func ("/core/translations/filter-attribution", test_filter_and_attribution_in_welsh);
  g_test_add_func ("/core/translations/corrections", test_corrections_keep_level_translations);
  g_test_add_func ("/core/translations/level-count", test_level_count_mismatch);
  g_test_add_func ("/core/translations/other-languages", test_other_languages_and_codes);
  g_test_add_func ("/core/translations/from-locale", test_language_from_locale);
  g_test_add_func ("/core/translations/sample", test_sample_in_welsh);

  return g_test_run ();
}
