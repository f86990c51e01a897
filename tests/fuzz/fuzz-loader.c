/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness for the loader: the bytes are a responses file (an SPSS or Stata file too,
 * read with ReadStat; or, split at "\n##\n", a responses file, a codebook and a coding file;
 * or, when they start as a zip or an OLE file does, an Excel workbook), read as the app reads
 * them (encoding, dialect, platform layout, roles, codes), then counted and quoted as a chart
 * would. The
 * first byte also picks a delimiter override or a document pattern now and then, so that
 * those paths are fuzzed too. */
#include <glib.h>
#include <stdint.h>
#include <string.h>

#include "fe-csv-table.h"
#include "fe-filter.h"
#include "fe-quote.h"
#include "fe-sav-dict.h"
#include "fe-stat-file.h"
#include "fe-study.h"
#include "fe-tally.h"
#include "fe-test-util.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A g_return_if_fail tripped by odd input is a bug, not noise. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_setenv ("G_DEBUG", "fatal-warnings", TRUE);
  return 0;
}

static void
exercise_study (FeStudy *study)
{
  const FeBitset *universe = fe_study_get_universe (study);
  FeColumn *by = NULL;
  g_autofree char *hidden = fe_study_describe_hidden_columns (study);

  g_assert_true ((hidden != NULL) == (fe_study_get_hidden_columns (study)->len > 0));

  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);

      if (column->role == FE_ROLE_ATTRIBUTE && by == NULL)
        by = column;
      if (fe_column_is_question (column) || column->role == FE_ROLE_TEXT)
        {
          g_autoptr(FeTally) tally = fe_tally_compute (column, universe, by);
          g_autoptr(GPtrArray) quotes = fe_study_collect_quotes (study, column,
                                                                 fe_column_get_n_levels (column)
                                                                   ? 0 : -1,
                                                                 universe);
          g_autoptr(FeFilter) filter = fe_filter_new (study);
          g_autoptr(FeBitset) rows = NULL;
          /* Whoever gave a level answered the question, and is one of the respondents. */
          g_assert_cmpuint (tally->answered, <=, tally->base);
          for (guint l = 0; l < tally->n_levels; l++)
            g_assert_cmpuint (tally->counts[l], <=, tally->answered);
          for (guint q = 0; q < quotes->len; q++)
            g_assert_nonnull (((FeQuote *) g_ptr_array_index (quotes, q))->text);
          if (fe_column_get_n_levels (column) > 0)
            fe_filter_add_level (filter, column, fe_column_get_n_levels (column) - 1);
          rows = fe_filter_compute_rows (filter);
          g_assert_cmpuint (fe_bitset_count (rows), <=, fe_study_get_n_rows (study));
        }
      for (guint r = 0; r < MIN (fe_study_get_n_rows (study), 4); r++)
        {
          g_autofree char *id = fe_study_dup_respondent_id (study, r);

          (void) fe_study_get_answer (study, column, r);
          if (column->values != NULL)
            (void) fe_study_get_level_label (study, column, r);
          g_assert_cmpint (fe_study_find_respondent (study, id), >=, 0);
        }
    }
  if (fe_study_get_n_rows (study) > 0)
    {
      g_autoptr(GPtrArray) quotes = fe_study_collect_respondent_quotes (study, 0);

      for (guint q = 0; q < quotes->len; q++)
        g_assert_cmpuint (((FeQuote *) g_ptr_array_index (quotes, q))->row, ==, 0);
    }
  fe_study_set_include_incomplete (study, TRUE);
}

/* Inputs with "\n##\n" in them are up to three files: responses, codebook, coding. */
#define PART_MARKER "\n##\n"

static FeStudy *
load_parts (const uint8_t  *data,
            size_t          size,
            FeLoadOptions  *options,
            GError        **error)
{
  const char *parts[3] = { (const char *) data, NULL, NULL };
  gsize lengths[3] = { size, 0, 0 };
  g_autofree char *responses = NULL;
  g_autofree char *codebook = NULL;
  g_autofree char *coding = NULL;

  for (guint p = 1; p < 3; p++)
    {
      const char *marker = g_strstr_len (parts[p - 1], (gssize) lengths[p - 1], PART_MARKER);

      if (marker == NULL)
        break;
      parts[p] = marker + strlen (PART_MARKER);
      lengths[p] = lengths[p - 1] - (gsize) (parts[p] - parts[p - 1]);
      lengths[p - 1] = (gsize) (marker - parts[p - 1]);
    }
  /* A workbook: read from a file, as libarchive reads a zip. */
  if (size >= 4 && (memcmp (data, "PK\3\4", 4) == 0 || memcmp (data, "\xd0\xcf\x11\xe0", 4) == 0))
    {
      responses = fe_test_write_file ("fuzz.xlsx", (const char *) data, (gssize) size);
      return fe_study_load_full (responses, NULL, NULL, options, error);
    }
  /* An SPSS or Stata file is read from a file, by ReadStat. */
  {
    g_autofree char *whole = fe_test_write_file ("fuzz.csv", (const char *) data, (gssize) size);

    if (fe_stat_file_sniff (whole) != FE_STAT_FILE_NONE)
      return fe_study_load_full (whole, NULL, NULL, options, error);
  }
  if (parts[1] == NULL)
    return fe_study_load_data ("fuzz.csv", (const char *) data, size, options, error);

  responses = fe_test_write_file ("fuzz.csv", parts[0], (gssize) lengths[0]);
  if (lengths[1] > 0)
    codebook = fe_test_write_file ("codebook.csv", parts[1], (gssize) lengths[1]);
  if (parts[2] != NULL)
    coding = fe_test_write_file ("coding.csv", parts[2], (gssize) lengths[2]);
  return fe_study_load_full (responses, codebook, coding, options, error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char delimiters[] = { 0, ',', ';', '\t' };
  FeLoadOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = NULL;

  if (size > 0 && (data[0] & 0xf0) == 0xf0)
    options.delimiter = delimiters[data[0] & 3];
  if (size > 0 && (data[0] & 0xf0) == 0xe0)
    options.document_pattern = (data[0] & 1) ? "^P(\\d+)_" : "Participant (";

  /* The .sav dictionary's own parser (multiple-response sets) on the raw bytes. */
  {
    g_autoptr(GPtrArray) sets = NULL;
    g_autoptr(GHashTable) long_names = NULL;

    fe_sav_parse_dictionary (data, size, NULL, &sets, &long_names);
    g_assert_nonnull (sets);
    g_assert_nonnull (long_names);
  }
  study = load_parts (data, size, &options, &error);
  if (study == NULL)
    {
      /* Every failure explains itself: the file and place, or the pattern at fault. */
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.csv")
                     || g_str_has_prefix (error->message, "fuzz.xlsx")
                     || g_str_has_prefix (error->message, "codebook.csv")
                     || g_str_has_prefix (error->message, "coding.csv")
                     || g_str_has_prefix (error->message, "The document pattern"));
      return 0;
    }
  g_assert_no_error (error);
  exercise_study (study);
  return 0;
}
