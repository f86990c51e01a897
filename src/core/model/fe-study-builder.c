/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Building a study: a responses file (CSV, a workbook, an SPSS or Stata file) and its codebook
 * into columns with roles, levels and answers, on the loading thread. */
#include "config.h"

#include "fe-study-private.h"

#include "fe-i18n.h"
#include <math.h>
#include <string.h>

#include "fe-codebook.h"
#include "fe-csv-table-private.h"
#include "fe-role-inference.h"
#include "fe-text-decode.h"
#include "fe-xlsx-reader.h"

static void
on_read_progress (double   fraction,
                  gpointer user_data)
{
  FeStudy *self = user_data;

  /* The table's reports are already spaced out. */
  self->last_progress = g_get_monotonic_time ();
  if (self->progress != NULL)
    self->progress (fraction * READ_SHARE, self->progress_data);
}

/* Repeated column names (four columns called "Other") stay distinct: "Other (2)", … */
static char *
unique_column_id (FeStudy    *self,
                  const char *name)
{
  if (!g_hash_table_contains (self->columns_by_id, name))
    return g_strdup (name);
  for (guint n = 2;; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s (%u)", name, n);

      if (!g_hash_table_contains (self->columns_by_id, candidate))
        return g_steal_pointer (&candidate);
    }
}

/* Adds the levels a column lacks; a codebook's code, or another way of writing a level, is a
 * name of its level, not one more. */
static void
set_levels (FeColumn  *column,
            GPtrArray *labels,
            guint      n_rows)
{
  for (guint i = 0; labels != NULL && i < labels->len; i++)
    {
      const char *label = g_ptr_array_index (labels, i);

      if (fe_column_find_level (column, label) < 0
          && (column->level_codes == NULL || !g_hash_table_contains (column->level_codes, label))
          && (column->level_aliases == NULL
              || !g_hash_table_contains (column->level_aliases, label)))
        fe_column_add_level (column, label, n_rows);
    }
}

/* A value the codebook does not list still counts: it becomes a level of its own, and the
 * researcher is told where it was first seen. */
static guint
level_for_value (FeStudy    *self,
                 FeColumn   *column,
                 GHashTable *lookup,
                 const char *value,
                 guint       row,
                 gboolean    listed_by_codebook)
{
  gpointer found;
  guint level;

  if (g_hash_table_lookup_extended (lookup, value, NULL, &found))
    return GPOINTER_TO_UINT (found);
  if (column->other_level >= 0)
    {
      column->n_other_values++;
      return (guint) column->other_level;
    }

  level = fe_column_add_level (column, value, self->n_rows);
  g_hash_table_insert (lookup, (gpointer) fe_column_get_level (column, level),
                       GUINT_TO_POINTER (level));
  if (listed_by_codebook)
    {
      /* An answer can be megabytes long: the message quotes its start. */
      g_autofree char *quoted = fe_text_shorten (value, 80);

      fe_study_add_repeated_warning (self, REPEATED_UNLISTED_LEVEL,
                                     fe_csv_table_get_name (self->responses),
                                     fe_csv_table_get_line (self->responses, row), quoted,
                                     column->id,
                                     _("%s, line %u, column %u: “%s” is not one of the levels the codebook "
                                       "lists for %s; it is counted as a level of its own. Add it to the "
                                       "codebook's levels to place it."),
                                     fe_csv_table_get_name (self->responses),
                                     fe_csv_table_get_line (self->responses, row),
                                     column->source_column + 1, quoted, column->id);
    }
  return level;
}

static GHashTable *
level_lookup (FeColumn *column)
{
  GHashTable *lookup = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < column->levels->len; i++)
    g_hash_table_insert (lookup, g_ptr_array_index (column->levels, i), GUINT_TO_POINTER (i));
  return lookup;
}

/* Other ways of writing a level name it where nothing else has that name. */
static void
add_level_aliases (FeColumn   *column,
                   GHashTable *lookup)
{
  GHashTableIter iter;
  gpointer alias, name;

  if (column->level_aliases == NULL)
    return;
  g_hash_table_iter_init (&iter, column->level_aliases);
  while (g_hash_table_iter_next (&iter, &alias, &name))
    {
      int level = fe_column_find_level (column, name);

      if (level >= 0 && !g_hash_table_contains (lookup, alias))
        g_hash_table_insert (lookup, alias, GUINT_TO_POINTER (level));
    }
}

typedef enum
{
  ANSWERS_NOT_ALL_NAMES,  /* some answer names no level: codes, as the codebook says */
  ANSWERS_NAMES,          /* every answer names a level and some is no code */
  ANSWERS_EITHER,         /* every answer is both a code and a level's name */
} AnswersRead;

/* How the answers of @column read against its levels' names, where some code is also the name
 * of another level ("0, 1 | 1, 2" in a dictionary): a labels export holds names. */
static AnswersRead
read_answers (FeStudy    *self,
              FeColumn   *column,
              GHashTable *names)
{
  guint source = column->source_column;
  guint n_values = fe_csv_table_get_n_values (self->responses, source);
  gboolean some_not_code = FALSE;

  if (column->members != NULL)
    {
      for (guint m = 0; m < column->member_options->len; m++)
        {
          const char *option = g_ptr_array_index (column->member_options, m);

          if (!g_hash_table_contains (names, option))
            return ANSWERS_NOT_ALL_NAMES;
          some_not_code |= !g_hash_table_contains (column->level_codes, option);
        }
      return some_not_code ? ANSWERS_NAMES : ANSWERS_EITHER;
    }
  if (!fe_role_is_single_valued (column->role) || n_values == G_MAXUINT)
    return ANSWERS_NOT_ALL_NAMES;
  for (guint v = 0; v < n_values; v++)
    {
      const char *value = fe_csv_table_get_value (self->responses, source, v, NULL, NULL);

      if (!g_hash_table_contains (names, value))
        return ANSWERS_NOT_ALL_NAMES;
      some_not_code |= !g_hash_table_contains (column->level_codes, value);
    }
  return some_not_code ? ANSWERS_NAMES : ANSWERS_EITHER;
}

/* Whether the answers of @column are its codebook's codes. Where a code is also the name of
 * another level, they are, as the codebook says, unless every answer names a level and some is
 * no code, or every answer may be either and the file is headed by its questions, as a labels
 * export is; either way the researcher is told. */
static gboolean
answers_are_codes (FeStudy    *self,
                   FeColumn   *column,
                   GHashTable *lookup)
{
  GHashTableIter iter;
  gpointer code, name;
  const char *clash = NULL;
  AnswersRead read;

  g_hash_table_iter_init (&iter, column->level_codes);
  while (clash == NULL && g_hash_table_iter_next (&iter, &code, &name))
    if (g_hash_table_contains (lookup, code) && strcmp (code, name) != 0)
      clash = code;
  if (clash == NULL)
    return TRUE;
  read = read_answers (self, column, lookup);
  if (read == ANSWERS_NAMES || (read == ANSWERS_EITHER && column->headed_by_label))
    {
      fe_study_add_warning (self,
                            read == ANSWERS_NAMES
                            ? _("%s, column %u (“%s”): the codebook's code “%s” of “%s” is also the "
                                "name of another of its levels, and every answer is a level's name, "
                                "so the answers are read as names, not codes.")
                            : _("%s, column %u (“%s”): the codebook's code “%s” of “%s” is also the "
                                "name of another of its levels, and the file is headed by its "
                                "questions, as a labels export is, so the answers are read as "
                                "names, not codes."),
                            fe_csv_table_get_name (self->responses), column->source_column + 1,
                            column->id, clash,
                            (const char *) g_hash_table_lookup (column->level_codes, clash));
      return FALSE;
    }
  fe_study_add_warning (self,
                        _("%s, column %u (“%s”): the codebook's code “%s” of “%s” is also the name "
                          "of another of its levels; the answers are read as codes. If the file "
                          "holds the levels' names, take the codes out of the codebook."),
                        fe_csv_table_get_name (self->responses), column->source_column + 1,
                        column->id, clash,
                        (const char *) g_hash_table_lookup (column->level_codes, clash));
  return TRUE;
}

/* The codebook's codes name levels too, where the answers are codes (a raw export's "1" is
 * "Fever"); so do other ways of writing a level. */
static void
add_level_codes (FeStudy    *self,
                 FeColumn   *column,
                 GHashTable *lookup)
{
  if (column->level_codes != NULL && !answers_are_codes (self, column, lookup))
    {
      g_clear_pointer (&column->level_codes, g_hash_table_unref);
      g_clear_pointer (&column->code_of_level, g_hash_table_unref);
    }
  if (column->level_codes != NULL)
    {
      GHashTableIter iter;
      gpointer code, name;

      g_hash_table_iter_init (&iter, column->level_codes);
      while (g_hash_table_iter_next (&iter, &code, &name))
        {
          int level = fe_column_find_level (column, name);

          if (level >= 0)
            g_hash_table_insert (lookup, code, GUINT_TO_POINTER (level));
        }
    }
  add_level_aliases (column, lookup);
}

typedef struct
{
  FeStudy    *self;
  FeColumn   *column;
  GHashTable *lookup;
  guint       row;
  gboolean    listed_by_codebook;
} OptionContext;

static void
add_option (const char *option,
            gpointer    user_data)
{
  OptionContext *ctx = user_data;
  guint level = level_for_value (ctx->self, ctx->column, ctx->lookup, option, ctx->row,
                                 ctx->listed_by_codebook);

  fe_bitset_set (g_ptr_array_index (ctx->column->level_rows, level), ctx->row);
}

/* How option columns mark a tick: 1, true, or REDCap's "Checked". */
static gboolean
is_binary_value (const char *value,
                 gboolean   *chosen)
{
  *chosen = strcmp (value, "1") == 0 || g_ascii_strcasecmp (value, "true") == 0
            || g_ascii_strcasecmp (value, "Checked") == 0;
  return *chosen || strcmp (value, "0") == 0 || g_ascii_strcasecmp (value, "false") == 0
         || g_ascii_strcasecmp (value, "Unchecked") == 0;
}

/* How the column of @option marks it. A column holding only "0" is marked 0 by everyone,
 * unless "0" is the option's own name. */
OptionMark
fe_study_option_mark (FeStudy    *self,
                      guint       source,
                      const char *option)
{
  guint n_values = fe_csv_table_get_n_values (self->responses, source);
  gboolean chosen;

  if (n_values == 0)
    return MARK_TEXT;
  if (n_values == 1)
    {
      const char *value = fe_csv_table_get_value (self->responses, source, 0, NULL, NULL);

      /* REDCap marks every option 0 or 1, an option coded 0 ("q___0") too. */
      return (g_strcmp0 (value, option) != 0 || self->format == FE_SURVEY_FORMAT_REDCAP)
             && is_binary_value (value, &chosen) ? MARK_BINARY : MARK_TEXT;
    }
  if (n_values > 2)
    return MARK_NONE;
  for (guint v = 0; v < n_values; v++)
    if (!is_binary_value (fe_csv_table_get_value (self->responses, source, v, NULL, NULL),
                          &chosen))
      return MARK_NONE;
  return MARK_BINARY;
}

gboolean
fe_study_member_chose (FeStudy    *self,
                       guint       row,
                       guint       source,
                       OptionMark  mark)
{
  gboolean chosen;

  if (fe_csv_table_cell_is_empty (self->responses, row, source))
    return FALSE;
  return mark != MARK_BINARY
         || (is_binary_value (fe_csv_table_get_cell (self->responses, row, source), &chosen)
             && chosen);
}

/* A question spread over one column per option: each member marks its option. */
static void
store_member_values (FeStudy    *self,
                     FeColumn   *column,
                     GHashTable *lookup,
                     gboolean    single)
{
  guint n_members = column->members->len;
  g_autofree guint *member_level = g_new0 (guint, n_members);
  g_autofree OptionMark *marks = g_new0 (OptionMark, n_members);

  for (guint m = 0; m < n_members; m++)
    {
      guint source = g_array_index (column->members, guint, m);

      marks[m] = fe_study_option_mark (self, source, g_ptr_array_index (column->member_options, m));
      member_level[m] = level_for_value (self, column, lookup,
                                         g_ptr_array_index (column->member_options, m), 0,
                                         FALSE);
    }

  for (guint row = 0; row < self->n_rows; row++)
    for (guint m = 0; m < n_members; m++)
      {
        guint source = g_array_index (column->members, guint, m);

        if (fe_csv_table_cell_is_empty (self->responses, row, source))
          continue;
        /* 0 under every option of a multi-select still answered: it chose none of them. A
         * single choice is answered by the option chosen, so its counts add up. REDCap writes
         * 0 under every option nobody ticked, seen or not: only a tick tells an answer, as
         * REDCap's own reports count it. */
        if (!single && self->format != FE_SURVEY_FORMAT_REDCAP)
          fe_bitset_set (column->answered, row);
        if (!fe_study_member_chose (self, row, source, marks[m]))
          continue;
        fe_bitset_set (column->answered, row);
        fe_bitset_set (g_ptr_array_index (column->level_rows, member_level[m]), row);
        if (single && column->values[row] == 0)
          column->values[row] = member_level[m] + 1;
      }
}

typedef struct
{
  GArray *levels;  /* guint */
  OptionContext *ctx;
} OptionList;

static void
list_option (const char *option,
             gpointer    user_data)
{
  OptionList *list = user_data;
  OptionContext *ctx = list->ctx;
  guint level = level_for_value (ctx->self, ctx->column, ctx->lookup, option, ctx->row,
                                 ctx->listed_by_codebook);

  g_array_append_val (list->levels, level);
}

/* A column whose distinct values loading listed: each value is looked up (or split into its
 * options) once, in the order the rows first give them, and each row only follows its value's
 * number. */
static void
store_listed_values (FeStudy    *self,
                     FeColumn   *column,
                     GHashTable *lookup,
                     gboolean    listed_by_codebook)
{
  FeCsvTable *table = self->responses;
  guint source = column->source_column;
  guint n_values = fe_csv_table_get_n_values (table, source);
  gboolean single = fe_role_is_single_valued (column->role);
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autofree guint *starts = g_new (guint, n_values + 1);
  g_autoptr(GArray) levels = g_array_new (FALSE, FALSE, sizeof (guint));
  OptionContext ctx = { self, column, lookup, 0, listed_by_codebook };
  OptionList list = { levels, &ctx };
  FeBitset **level_rows;
  const guint32 *ids, *position;
  guint64 *answered;

  for (guint v = 0; v < n_values; v++)
    {
      const char *value = fe_csv_table_get_value (table, source, v, NULL, &ctx.row);

      starts[v] = levels->len;
      if (single)
        list_option (value, &list);
      else if (column->role == FE_ROLE_MULTI)
        fe_split_options (value, column->separator, lookup, scratch, list_option, &list);
    }
  starts[n_values] = levels->len;

  level_rows = (FeBitset **) column->level_rows->pdata;
  ids = fe_csv_table_peek_values (table, source, &position);
  answered = fe_bitset_peek_words (column->answered);
  if (single)
    {
      /* One level per value: a table from value id to level + 1, then one look-up a row. */
      g_autofree guint32 *level_of_id = NULL;
      g_autofree guint64 **words = g_new (guint64 *, column->levels->len);
      guint n_ids = 0;

      for (guint l = 0; l < column->levels->len; l++)
        words[l] = fe_bitset_peek_words (level_rows[l]);
      for (guint r = 0; r < self->n_rows; r++)
        n_ids = MAX (n_ids, ids[r] + 1);
      level_of_id = g_new0 (guint32, MAX (n_ids, 1));
      for (guint id = 0; id < n_ids; id++)
        if (position[id] != G_MAXUINT32)
          level_of_id[id] = g_array_index (levels, guint, starts[position[id]]) + 1;
      for (guint row = 0; row < self->n_rows; row++)
        {
          guint32 level = level_of_id[ids[row]];

          column->values[row] = level;
          if (level == 0)
            continue;
          answered[row / 64] |= G_GUINT64_CONSTANT (1) << (row % 64);
          words[level - 1][row / 64] |= G_GUINT64_CONSTANT (1) << (row % 64);
        }
      return;
    }
  for (guint row = 0; row < self->n_rows; row++)
    {
      guint32 v = position[ids[row]];

      if (v == G_MAXUINT32)
        continue;
      answered[row / 64] |= G_GUINT64_CONSTANT (1) << (row % 64);
      for (guint i = starts[v]; i < starts[v + 1]; i++)
        fe_bitset_set (level_rows[g_array_index (levels, guint, i)], row);
    }
}

/* A numeric column: each respondent's number, and the bins it falls in as levels. An answer
 * that is not a number ("Prefer not to say") is not dropped: it is a level after the bins. */
/* Whether @number is written as survey tools write a missing-value code: nines, or minus
 * nines (-9, 99, -999, 9999…). */
static gboolean
is_nines (double number)
{
  for (double code = 9; code < 1e7; code = code * 10 + 9)
    if (number == code || number == -code)
      return TRUE;
  return FALSE;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* Nines far from every other answer are the export's codes for a missing answer ("-99",
 * "999"), not ages of 999: read as numbers they would fill the bins between and move the
 * median. They stay answers, of their own after the bins, as "Prefer not to say" does, and
 * the researcher is told. A code no farther from the others than they span (99 beside ages up
 * to 90) may be a real answer and stays a number. */
static void
set_missing_codes_apart (FeStudy  *self,
                         FeColumn *column,
                         GArray   *texts)
{
  double low = INFINITY, high = -INFINITY;
  g_autoptr(GArray) codes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(GString) listed = g_string_new (NULL);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  for (guint row = 0; row < self->n_rows; row++)
    if (!isnan (column->numbers[row]) && !is_nines (column->numbers[row]))
      {
        low = MIN (low, column->numbers[row]);
        high = MAX (high, column->numbers[row]);
      }
  if (!(low < high))
    return;
  for (guint row = 0; row < self->n_rows; row++)
    {
      double number = column->numbers[row];
      guint code;

      if (isnan (number) || !is_nines (number)
          || (number > high ? number - high : low - number) < high - low)
        continue;
      for (code = 0; code < codes->len && g_array_index (codes, double, code) != number; code++)
        ;
      if (code == codes->len)
        {
          g_array_append_val (codes, number);
          g_array_set_size (counts, codes->len);
        }
      g_array_index (counts, guint, code)++;
      column->numbers[row] = NAN;
      g_array_append_val (texts, row);
    }
  if (codes->len == 0)
    return;
  /* The answers that are not numbers become levels in the order they come. */
  g_array_sort (texts, compare_rows);
  for (guint i = 0; i < codes->len; i++)
    g_string_append_printf (listed, "%s“%.0f” (%u)", i > 0 ? ", " : "",
                            g_array_index (codes, double, i), g_array_index (counts, guint, i));
  from = fe_number_format (low);
  to = fe_number_format (high);
  fe_study_add_warning (self,
                        _("%s, column %u (“%s”): %s read as codes for a missing answer, not "
                          "numbers: written in nines, far from every other answer (%s to %s). "
                          "They are answers of their own after the bins, left out of the "
                          "median and the quartiles."),
                        self->name, column->source_column + 1, column->id, listed->str, from,
                        to);
}

/* Reads each answer of @column as a number (NaN when none), written in the column's notation;
 * the rows whose answer is not a number go into @texts. With @marks, counts how the answers
 * write their marks. */
static void
parse_numbers (FeStudy       *self,
               FeColumn      *column,
               GArray        *texts,
               FeNumberMarks *marks)
{
  g_autoptr(GString) cell_text = g_string_new (NULL);
  g_autoptr(GString) digits = g_string_new (NULL);

  for (guint row = 0; row < self->n_rows; row++)
    {
      const char *cell;
      double as_dot, as_comma;

      column->numbers[row] = NAN;
      if (fe_csv_table_cell_is_empty (self->responses, row, column->source_column))
        continue;
      cell = fe_csv_table_read_cell (self->responses, row, column->source_column, cell_text);
      if (*cell == '\0')
        continue;
      fe_bitset_set (column->answered, row);
      if (marks != NULL)
        fe_number_marks_add (marks, cell, 1, digits, &as_dot, &as_comma);
      if (!fe_number_parse_written (cell, column->notation, digits, &column->numbers[row]))
        g_array_append_val (texts, row);
    }
}

/* Says how a column the researcher calls numeric is read when its numbers do not tell how
 * they are written (fe_number_marks_read()). */
static void
warn_unsure_numbers (FeStudy             *self,
                     const FeColumn      *column,
                     const FeNumberMarks *marks)
{
  const char *message;

  if (marks->mixed_units)
    message = _("%s, column %u (“%s”): its numbers are written with different currency or "
                "percent signs; those with a sign are answers of their own. Write them in one "
                "unit in a copy of the file.");
  else if (marks->with_percent > 0 && marks->with_percent < marks->numbers)
    message = _("%s, column %u (“%s”): some numbers have a percent sign (“45%%”) and some not "
                "(“0.45”, “45”), which may not be the same; those with the sign are answers of "
                "their own. Write them one way in a copy of the file.");
  else if (marks->decimal_dot > 0 && marks->decimal_comma > 0)
    message = _("%s, column %u (“%s”): some numbers have a dot before decimals (“3.5”), others "
                "a comma (“3,5”); those with a dot are read as decimals, and the others are "
                "answers of their own. Write them one way in a copy of the file.");
  else if (marks->ambiguous_dot > 0 && marks->ambiguous_comma > 0)
    message = _("%s, column %u (“%s”): numbers such as “3.525” and “3,525” could each have "
                "their mark between thousands or before decimals; those with a dot are read "
                "as decimals, and the others are answers of their own. Write them one way in a "
                "copy of the file.");
  else if (marks->decimal_comma > 0)
    message = _("%s, column %u (“%s”): numbers such as “3,525” could have a comma between "
                "thousands or before decimals, and too few answers tell which; those with a "
                "comma are answers of their own. Write them one way in a copy of the file.");
  else if (marks->ambiguous_dot > 0)
    message = _("%s, column %u (“%s”): numbers such as “3.525” could have a dot between "
                "thousands or before decimals; they are read as decimals. If the dots group "
                "thousands, take them out in a copy of the file.");
  else
    message = _("%s, column %u (“%s”): numbers such as “3,525” could have a comma between "
                "thousands or before decimals; they are read with a comma between thousands. "
                "If the commas mark decimals, write them with dots in a copy of the file.");
  fe_study_add_warning (self, message, self->name, column->source_column + 1, column->id);
}

static void
store_numbers (FeStudy  *self,
               FeColumn *column)
{
  g_autoptr(GString) cell_text = g_string_new (NULL);
  g_autoptr(GHashTable) lookup = NULL;
  g_autoptr(GArray) texts = g_array_new (FALSE, FALSE, sizeof (guint));
  FeNumberMarks marks = FE_NUMBER_MARKS_INIT;
  FeNotation notation;
  FeColumnCorrection *correction = self->corrections != NULL
                                   ? g_hash_table_lookup (self->corrections, column->id) : NULL;
  /* Inference has judged a column's notation already; a column the codebook or a correction
   * makes numeric learns it in the same pass, its numbers read again only when they are
   * written otherwise than "1,234.5". A workbook's or a statistics file's numbers are the
   * app's, "1234.5". */
  gboolean learn = (column->role_source == FE_ROLE_SOURCE_CODEBOOK
                    || column->role_source == FE_ROLE_SOURCE_CORRECTION)
                   && !fe_csv_table_numbers_are_plain (self->responses);

  column->numbers = g_new (double, MAX (self->n_rows, 1));
  if (fe_csv_table_numbers_are_plain (self->responses))
    column->notation = FE_NOTATION_PLAIN;
  /* How the numbers of a CSV file are written is the researcher's to say where the answers do
   * not; the inference's note on it no longer holds. */
  else if (correction != NULL && correction->has_notation)
    {
      column->notation = correction->notation;
      learn = FALSE;
      if (column->inferred_because != NULL)
        {
          g_free (column->inferred_because);
          column->inferred_because = g_strdup_printf (
            _("every answer a number, written as %s says, chosen in Columns: counted in bins"),
            correction->notation == FE_NOTATION_DECIMAL_COMMA ? "1.234,5" : "1,234.5");
        }
    }
  parse_numbers (self, column, texts, learn ? &marks : NULL);
  if (learn)
    {
      if (!fe_number_marks_read (&marks, fe_csv_table_get_delimiter (self->responses),
                                 &notation))
        warn_unsure_numbers (self, column, &marks);
      if (notation != column->notation)
        {
          column->notation = notation;
          g_array_set_size (texts, 0);
          parse_numbers (self, column, texts, NULL);
        }
    }
  set_missing_codes_apart (self, column, texts);

  column->bins = fe_bins_new (column->numbers, self->n_rows);
  for (guint bin = 0; column->bins != NULL && bin < column->bins->n_bins; bin++)
    {
      g_autofree char *label = fe_bins_dup_label (column->bins, bin);

      fe_column_add_level (column, label, self->n_rows);
    }
  for (guint row = 0; column->bins != NULL && row < self->n_rows; row++)
    if (!isnan (column->numbers[row]))
      {
        guint bin = fe_bins_find (column->bins, column->numbers[row]);

        column->values[row] = bin + 1;
        fe_bitset_set (g_ptr_array_index (column->level_rows, bin), row);
      }

  lookup = level_lookup (column);
  for (guint i = 0; i < texts->len; i++)
    {
      guint row = g_array_index (texts, guint, i);
      const char *cell = fe_csv_table_read_cell (self->responses, row, column->source_column,
                                                 cell_text);
      guint level = level_for_value (self, column, lookup, cell, row, FALSE);

      column->values[row] = level + 1;
      fe_bitset_set (g_ptr_array_index (column->level_rows, level), row);
    }
}

void
fe_study_store_column_values (FeStudy  *self,
                              FeColumn *column,
                              gboolean  listed_by_codebook)
{
  g_autoptr(GHashTable) lookup = level_lookup (column);
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(GString) cell_text = g_string_new (NULL);
  gboolean single = fe_role_is_single_valued (column->role);
  OptionContext ctx = { self, column, lookup, 0, listed_by_codebook };

  add_level_codes (self, column, lookup);
  column->answered = fe_bitset_new (self->n_rows);
  if (single)
    column->values = g_new0 (guint32, self->n_rows);

  if (column->role == FE_ROLE_NUMERIC)
    {
      store_numbers (self, column);
      return;
    }
  if (column->members != NULL)
    {
      store_member_values (self, column, lookup, single);
      return;
    }
  if ((single || column->role == FE_ROLE_MULTI)
      && fe_csv_table_get_n_values (self->responses, column->source_column) != G_MAXUINT)
    {
      store_listed_values (self, column, lookup, listed_by_codebook);
      return;
    }

  if (!single && column->role != FE_ROLE_MULTI)
    {
      /* Open answers, ids: only whether there is one. */
      fe_csv_table_mark_answered (self->responses, column->source_column,
                                  fe_bitset_peek_words (column->answered));
      return;
    }
  for (guint row = 0; row < self->n_rows; row++)
    {
      const char *cell;

      if (fe_csv_table_cell_is_empty (self->responses, row, column->source_column))
        continue;
      cell = fe_csv_table_read_cell (self->responses, row, column->source_column, cell_text);
      if (*cell == '\0')
        continue;
      fe_bitset_set (column->answered, row);

      if (single)
        {
          guint level = level_for_value (self, column, lookup, cell, row, listed_by_codebook);

          column->values[row] = level + 1;
          fe_bitset_set (g_ptr_array_index (column->level_rows, level), row);
        }
      else if (column->role == FE_ROLE_MULTI)
        {
          ctx.row = row;
          fe_split_options (cell, column->separator, lookup, scratch, add_option, &ctx);
        }
    }
}

/* A codebook says a column is multi-select, not how its answers are joined: ';' when any of
 * the first answers has one, else ',' (Google Forms, Qualtrics). */
static char
detect_separator (FeStudy  *self,
                  FeColumn *column)
{
  g_autoptr(GString) cell_text = g_string_new (NULL);
  char separator = ';';

  for (guint row = 0, seen = 0; row < MIN (self->n_rows, 20000) && seen < 1000; row++)
    {
      const char *cell;

      if (fe_csv_table_cell_is_empty (self->responses, row, column->source_column))
        continue;
      cell = fe_csv_table_read_cell (self->responses, row, column->source_column, cell_text);
      seen++;
      if (strchr (cell, ';') != NULL)
        return ';';
      if (strchr (cell, ',') != NULL)
        separator = ',';
    }
  return separator;
}

FeColumn *
fe_study_add_column (FeStudy    *self,
                     guint       source_column,
                     const char *name)
{
  g_autofree char *id = unique_column_id (self, name);
  FeColumn *column = fe_column_new (self->columns->len, source_column, id);

  /* Two columns of one name are both kept; which is which must not be a surprise. */
  if (strcmp (id, name) != 0)
    fe_study_add_warning (self,
                          _("%s, column %u: another column is also named “%s”, so this one is "
                            "called “%s” in charts, codebooks and saved views."),
                          self->name, source_column + 1, name, id);
  g_ptr_array_add (self->columns, column);
  g_hash_table_insert (self->columns_by_id, column->id, column);
  return column;
}

void
fe_study_set_label (FeColumn   *column,
                    const char *label)
{
  if (label == NULL)
    return;
  g_free (column->label);
  column->label = g_strdup (label);
}

static void
claim_id_role (FeStudy  *self,
               FeColumn *column)
{
  /* A correction that names the id wins over the codebook's or the file's. */
  if (column->role == FE_ROLE_ID && self->corrected_id != NULL
      && strcmp (column->id, self->corrected_id) != 0)
    column->role = FE_ROLE_IGNORE;
  else if (column->role == FE_ROLE_ID && self->id_column == NULL)
    self->id_column = column;
  else if (column->role == FE_ROLE_ID)
    column->role = FE_ROLE_IGNORE;
}

/* A code's translation: a code "Parent/Child" is stored as Child under Parent, so each part
 * of it translates the part of the translation in the same place, when they have as many. */
void
fe_study_translate_code (FeColumn   *column,
                         const char *language,
                         const char *code,
                         const char *translation)
{
  g_auto(GStrv) parts = g_strsplit (code, "/", -1);
  g_auto(GStrv) translated = g_strsplit (translation, "/", -1);

  if (g_strv_length (parts) != g_strv_length (translated))
    {
      fe_column_set_level_translation (column, language, code, translation);
      return;
    }
  for (guint i = 0; parts[i] != NULL; i++)
    fe_column_set_level_translation (column, language, g_strstrip (parts[i]),
                                     g_strstrip (translated[i]));
}

static void
apply_translations (FeColumn        *column,
                    FeCodebookEntry *entry)
{
  for (guint t = 0; entry->translations != NULL && t < entry->translations->len; t++)
    {
      FeCodebookTranslation *translation = g_ptr_array_index (entry->translations, t);

      if (translation->label != NULL)
        fe_column_set_label_translation (column, translation->language, translation->label);
      if (translation->short_label != NULL)
        fe_column_set_short_label_translation (column, translation->language,
                                               translation->short_label);
      /* A correction of the role may have dropped the levels they translate. */
      if (translation->levels == NULL || entry->levels == NULL
          || translation->levels->len != entry->levels->len)
        continue;
      for (guint i = 0; i < entry->levels->len; i++)
        {
          const char *level = g_ptr_array_index (entry->levels, i);
          const char *translated = g_ptr_array_index (translation->levels, i);

          if (column->role == FE_ROLE_TEXT)
            fe_study_translate_code (column, translation->language, level, translated);
          else
            fe_column_set_level_translation (column, translation->language, level, translated);
        }
    }
}

/* What a codebook's line says of a column whatever its role: its question and names. */
static void
apply_entry_names (FeColumn        *column,
                   FeCodebookEntry *entry)
{
  fe_study_set_label (column, entry->label);
  if (entry->short_label != NULL)
    {
      g_free (column->short_label);
      column->short_label = g_strdup (entry->short_label);
    }
  column->identifying |= entry->identifying;
}

static void
apply_entry (FeStudy         *self,
             FeColumn        *column,
             FeCodebookEntry *entry)
{
  column->role = entry->role;
  apply_entry_names (column, entry);
  apply_translations (column, entry);
  /* A numeric column's levels are its bins, made from its numbers. */
  if (entry->levels == NULL || column->role == FE_ROLE_NUMERIC)
    return;
  if (column->role == FE_ROLE_TEXT)
    for (guint i = 0; i < entry->levels->len; i++)
      fe_study_find_or_add_code (self, column, g_ptr_array_index (entry->levels, i));
  else
    {
      set_levels (column, entry->levels, self->n_rows);
      column->headed_by_label = strcmp (column->id, entry->column) != 0;
      if (entry->codes != NULL)
        {
          column->level_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          column->code_of_level = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         g_free);
          for (guint i = 0; i < entry->codes->len; i++)
            {
              const char *code = g_ptr_array_index (entry->codes, i);
              const char *level = g_ptr_array_index (entry->levels, i);

              g_hash_table_insert (column->level_codes, g_strdup (code), g_strdup (level));
              if (!g_hash_table_contains (column->code_of_level, level))
                g_hash_table_insert (column->code_of_level, g_strdup (level), g_strdup (code));
            }
        }
      if (entry->aliases != NULL)
        column->level_aliases = g_hash_table_ref (entry->aliases);
    }
}

/* A line that leaves the role to the answers gives the column its names only, and is then no
 * line that sets anything else: NULL. Any other line is returned as it is. */
static FeCodebookEntry *
apply_open_line (FeColumn        *column,
                 FeCodebookEntry *entry)
{
  if (entry == NULL || !entry->infer_role)
    return entry;
  apply_entry_names (column, entry);
  apply_translations (column, entry);
  return NULL;
}

/* The codebook's line for a column with the role a correction gives it laid over it (in
 * @scratch, which borrows the codebook's strings), or just the codebook's line. A codebook's
 * levels are kept only while the role keeps the same kind of levels. */
static FeCodebookEntry *
corrected_entry (FeStudy         *self,
                 GHashTable      *codebook,
                 const char      *id,
                 FeCodebookEntry *scratch)
{
  FeCodebookEntry *entry = codebook ? g_hash_table_lookup (codebook, id) : NULL;
  FeColumnCorrection *correction = self->corrections
                                   ? g_hash_table_lookup (self->corrections, id) : NULL;

  if (correction == NULL || !correction->has_role)
    return entry;
  if (entry != NULL)
    *scratch = *entry;
  else
    *scratch = (FeCodebookEntry) { .column = (char *) id };
  scratch->role = correction->role;
  scratch->infer_role = FALSE;
  if (entry != NULL
      && (entry->infer_role
          || (entry->role != correction->role
              && !(fe_role_is_single_valued (entry->role)
                   && fe_role_is_single_valued (correction->role)))))
    {
      scratch->levels = NULL;
      scratch->codes = NULL;
    }
  return scratch;
}

/* How a role with levels reads in a sentence. */
static const char *
role_phrase (FeRole role)
{
  switch (role)
    {
    case FE_ROLE_ATTRIBUTE:
      return _("an attribute");
    case FE_ROLE_ORDINAL:
      return _("an ordered scale");
    case FE_ROLE_CHOICE:
    default:
      return _("a single-choice question");
    }
}

/* A free-text column made single-valued would get a bar per distinct answer. */
gboolean
fe_study_check_level_count (FeStudy   *self,
                            FeColumn  *column,
                            FeRole     role,
                            GError   **error)
{
  guint n_values;

  /* Numbers are counted in bins, however many different ones there are. */
  if (!fe_role_is_single_valued (role) || role == FE_ROLE_NUMERIC || column->members != NULL)
    return TRUE;
  n_values = fe_csv_table_get_n_values (self->responses, column->source_column);
  if (n_values != G_MAXUINT && n_values <= FE_STUDY_MAX_CORRECTED_LEVELS)
    return TRUE;
  if (n_values == G_MAXUINT)
    g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CORRECTION,
                 _("“%s” cannot be read as %s: its answers are too varied to list, and each "
                   "would be a bar of its own. Keep it as open text (or ignore it)."),
                 column->id, role_phrase (role));
  else
    g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CORRECTION,
                 _("“%s” cannot be read as %s: it has %u different answers, and a chart shows "
                   "at most %u. Keep it as open text (or ignore it)."),
                 column->id, role_phrase (role), n_values,
                 (guint) FE_STUDY_MAX_CORRECTED_LEVELS);
  return FALSE;
}

static char *
list_levels (const FeColumn *column)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint l = 0; l < fe_column_get_n_levels (column); l++)
    g_string_append_printf (list, "%s%s", l ? ", " : "", fe_column_get_level (column, l));
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* Every level a correction orders must be one the column has. */
gboolean
fe_study_check_level_names (const FeColumn  *column,
                            GPtrArray       *levels,
                            GError         **error)
{
  for (guint i = 0; levels != NULL && i < levels->len; i++)
    {
      const char *level = g_ptr_array_index (levels, i);
      g_autofree char *list = NULL;

      if (fe_column_find_level (column, level) >= 0)
        continue;
      if (fe_column_get_n_levels (column) == 0)
        {
          g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CORRECTION,
                       _("The order of the answers of “%s” names “%s”, but it is read as %s "
                         "and has no answers to order. Reset its order in Columns."),
                       column->id, level, fe_column_get_role_name (column));
          return FALSE;
        }
      list = list_levels (column);
      g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CORRECTION,
                   _("The order of the answers of “%s” names “%s”, which is not one of its "
                     "answers. Its answers are: %s."),
                   column->id, level, list);
      return FALSE;
    }
  return TRUE;
}

/* The levels a correction names first, in its order, then the others as they were. */
static void
reorder_levels (FeColumn  *column,
                GPtrArray *levels)
{
  guint n = fe_column_get_n_levels (column);
  g_autofree gboolean *placed = g_new0 (gboolean, MAX (n, 1));
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  guint next = 0;

  for (guint i = 0; i < levels->len; i++)
    {
      int level = fe_column_find_level (column, g_ptr_array_index (levels, i));

      if (level >= 0 && !placed[level])
        {
          placed[level] = TRUE;
          order[next++] = (guint) level;
        }
    }
  for (guint l = 0; l < n; l++)
    if (!placed[l])
      order[next++] = l;
  fe_column_reorder_levels (column, order);
}

/* Labels and level orders, once the columns are built and coded. */
static gboolean
apply_corrections (FeStudy  *self,
                   GError  **error)
{
  GHashTableIter iter;
  FeColumnCorrection *correction;

  if (self->corrections == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, self->corrections);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &correction))
    {
      FeColumn *column = fe_study_find_column (self, correction->column);

      if (column == NULL)
        {
          fe_study_add_warning (self,
                                _("The project corrects “%s”, which %s does not have; that correction "
                                  "is ignored."),
                                correction->column, fe_csv_table_get_name (self->responses));
          continue;
        }
      if (correction->has_role && correction->role != column->role
          && self->format == FE_SURVEY_FORMAT_TAGUETTE)
        fe_study_add_warning (self,
                              _("The roles of a highlights export cannot be changed; the correction of "
                                "“%s” keeps only its label and order."),
                              column->id);
      /* The codebook's translations translate the codebook's label, not the researcher's. */
      if (correction->label != NULL && g_strcmp0 (correction->label, column->label) != 0)
        fe_column_clear_label_translations (column);
      fe_study_set_label (column, correction->label);
      if (correction->levels == NULL)
        continue;
      if (!fe_study_check_level_names (column, correction->levels, error))
        return FALSE;
      reorder_levels (column, correction->levels);
    }
  return TRUE;
}

static void
merge_correction (FeColumnCorrection       *into,
                  const FeColumnCorrection *from)
{
  if (from->has_role)
    fe_column_correction_set_role (into, from->role);
  if (from->label != NULL)
    fe_column_correction_set_label (into, from->label);
  if (from->levels != NULL)
    {
      g_clear_pointer (&into->levels, g_ptr_array_unref);
      into->levels = fe_column_correction_copy_levels (from->levels);
    }
  if (from->fold_below > 0)
    into->fold_below = from->fold_below;
  if (from->has_notation)
    fe_column_correction_set_notation (into, from->notation);
}

static void
take_corrections (FeStudy   *self,
                  GPtrArray *corrections)
{
  if (corrections == NULL || corrections->len == 0)
    return;
  self->corrections = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) fe_column_correction_free);
  for (guint i = 0; i < corrections->len; i++)
    {
      const FeColumnCorrection *from = g_ptr_array_index (corrections, i);
      FeColumnCorrection *into = g_hash_table_lookup (self->corrections, from->column);

      if (into == NULL)
        {
          into = fe_column_correction_new (from->column);
          g_hash_table_insert (self->corrections, into->column, into);
        }
      merge_correction (into, from);
      if (into->has_role && into->role == FE_ROLE_ID)
        self->corrected_id = into->column;
    }
}

/* A long list of answers, folded on request: those given by fewer respondents than the
 * correction's fold_below go into "Other", as typed-in answers do, and can be made levels of
 * their own again the same way. */
static void
fold_rare_answers (FeStudy     *self,
                   guint        source,
                   const char  *column_id,
                   FeInference *inference)
{
  FeColumnCorrection *correction = self->corrections
                                   ? g_hash_table_lookup (self->corrections, column_id) : NULL;
  guint n_values = fe_csv_table_get_n_values (self->responses, source);
  g_autoptr(GHashTable) rare = NULL;
  guint n_rare = 0;

  /* A scale's rare points are still points on it: "Other" would have no place on the scale. */
  if (correction == NULL || correction->fold_below == 0 || inference->levels == NULL
      || !fe_role_is_single_valued (inference->role) || inference->role == FE_ROLE_ORDINAL
      || n_values == G_MAXUINT)
    return;
  rare = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint v = 0; v < n_values; v++)
    {
      guint count;
      const char *value = fe_csv_table_get_value (self->responses, source, v, &count, NULL);

      if (count < correction->fold_below)
        g_hash_table_add (rare, (gpointer) value);
    }
  for (guint i = inference->levels->len; i-- > 0;)
    if (g_hash_table_contains (rare, g_ptr_array_index (inference->levels, i))
        && !(inference->other_typed && i + 1 == inference->levels->len))
      {
        g_ptr_array_remove_index (inference->levels, i);
        n_rare++;
      }
  if (n_rare == 0 || inference->levels->len == 0)
    return;
  if (!inference->other_typed)
    g_ptr_array_add (inference->levels, g_strdup (FE_OTHER_LEVEL));
  inference->other_typed = TRUE;
}

/* A typed-in answer that a correction names among the levels is a level of its own, before
 * "Other" (the last of @levels): the researcher promoted it on the Data check page. */
static void
promote_typed_answers (FeStudy    *self,
                       const char *column_id,
                       GPtrArray  *levels)
{
  FeColumnCorrection *correction = self->corrections
                                   ? g_hash_table_lookup (self->corrections, column_id) : NULL;

  for (guint i = 0; correction != NULL && correction->levels != NULL
                    && i < correction->levels->len; i++)
    {
      const char *named = g_ptr_array_index (correction->levels, i);

      if (!g_ptr_array_find_with_equal_func (levels, named, g_str_equal, NULL))
        g_ptr_array_insert (levels, (int) levels->len - 1, g_strdup (named));
    }
}

/* Who gave a column the role of @entry: a correction, the codebook, or the dictionary of an
 * SPSS or Stata file, which says why. */
static void
set_role_source (FeStudy         *self,
                 FeColumn        *column,
                 FeCodebookEntry *entry,
                 FeCodebookEntry *corrected)
{
  if (entry == corrected)
    column->role_source = FE_ROLE_SOURCE_CORRECTION;
  else if (self->stat_entries != NULL && g_hash_table_contains (self->stat_entries, entry))
    {
      column->role_source = FE_ROLE_SOURCE_DICTIONARY;
      g_free (column->inferred_because);
      column->inferred_because = g_strdup (g_hash_table_lookup (self->stat->reasons,
                                                                entry->column));
    }
  else
    column->role_source = FE_ROLE_SOURCE_CODEBOOK;
}

static gboolean
build_one_column (FeStudy              *self,
                  const FeSourceColumn *sc,
                  GHashTable           *codebook,
                  gboolean              id_expected,
                  GError              **error)
{
  FeColumn *column = fe_study_add_column (self, sc->source_column, sc->id);
  FeCodebookEntry corrected;
  FeCodebookEntry *entry = corrected_entry (self, codebook, column->id, &corrected);

  fe_study_set_label (column, sc->label);
  column->group = g_strdup (sc->group);
  column->group_label = g_strdup (sc->group_label);
  column->metadata = sc->metadata;
  column->identifying = sc->identifying;

  if (entry != NULL && !entry->infer_role)
    {
      apply_entry (self, column, entry);
      set_role_source (self, column, entry, &corrected);
    }
  else if (sc->is_id && self->id_column == NULL && self->corrected_id == NULL)
    column->role = FE_ROLE_ID;
  else if (sc->metadata || sc->identifying)
    column->role = FE_ROLE_IGNORE;
  else
    {
      FeInference inference;

      fe_role_infer (self->responses, sc->source_column,
                     self->id_column != NULL || id_expected || self->corrected_id != NULL,
                     &inference);
      column->role = inference.role;
      column->separator = inference.separator;
      column->may_be_joined = inference.may_be_joined;
      column->notation = inference.notation;
      column->inferred_because = g_steal_pointer (&inference.reason);
      fold_rare_answers (self, sc->source_column, column->id, &inference);
      if (inference.other_typed)
        promote_typed_answers (self, column->id, inference.levels);
      set_levels (column, inference.levels, self->n_rows);
      if (inference.meanings != NULL)
        for (guint l = 0; l < column->levels->len; l++)
          {
            const char *meaning = g_hash_table_lookup (inference.meanings,
                                                       g_ptr_array_index (column->levels, l));

            if (meaning != NULL)
              fe_column_set_level_description (column, l, meaning);
          }
      if (inference.other_typed)
        column->other_level = fe_column_find_level (column, FE_OTHER_LEVEL);
      /* Two columns cannot both be the id: the second is counted as the answers it holds,
       * but the researcher should know it was not taken for what it looks like. */
      if (self->id_column != NULL && column->role != FE_ROLE_IGNORE && inference.looks_like_id)
        fe_study_add_warning (self,
                              _("%s, column %u (“%s”): every answer is a different whole number, as in "
                                "an id, but %s is already the id. It is kept as an ordinary column; give "
                                "it the role ignore in a codebook if it is only a number."),
                              self->name, sc->source_column + 1, column->id, self->id_column->id);
      fe_inference_clear (&inference);
    }
  entry = apply_open_line (column, entry);
  if (column->role == FE_ROLE_MULTI && (entry != NULL || column->separator == '\0'))
    column->separator = detect_separator (self, column);

  claim_id_role (self, column);
  if (entry == &corrected && !fe_study_check_level_count (self, column, column->role, error))
    return FALSE;
  fe_study_store_column_values (self, column, entry != NULL && entry->levels != NULL);
  return TRUE;
}

/* Whether an option column holds what was typed for "Other (please specify)". */
static gboolean
is_other_text (const FeSourceColumn *sc)
{
  return sc->option != NULL && g_ascii_strncasecmp (sc->option, "Other", 5) == 0;
}

/* Whether anything but the option's own name was typed into its column. */
static gboolean
holds_typed_text (FeStudy              *self,
                  const FeSourceColumn *sc)
{
  guint n_values = fe_csv_table_get_n_values (self->responses, sc->source_column);

  if (fe_study_option_mark (self, sc->source_column, sc->option) == MARK_BINARY)
    return FALSE;
  return n_values > 1
         || (n_values == 1
             && strcmp (fe_csv_table_get_value (self->responses, sc->source_column, 0, NULL,
                                                NULL), sc->option) != 0);
}

/* How many of the columns first…last of a question spread over columns each mark one option:
 * the leading ones that do are one question, and *@single says whether each respondent picked
 * one of them at most. A grid or a ranking has none. An "Other (please specify)" column right
 * after them, holding what was typed, is one more option: *@other_text says so. */
static guint
count_option_members (FeStudy   *self,
                      GPtrArray *sources,
                      guint      first,
                      guint      last,
                      gboolean  *single,
                      gboolean  *other_text)
{
  guint n = 0;

  *other_text = FALSE;
  for (guint i = first; i <= last; i++, n++)
    {
      FeSourceColumn *sc = g_ptr_array_index (sources, i);

      if (fe_study_option_mark (self, sc->source_column, sc->option) == MARK_NONE
          || (is_other_text (sc) && holds_typed_text (self, sc)))
        break;
    }
  if (n < 2)
    return 0;
  if (first + n <= last && is_other_text (g_ptr_array_index (sources, first + n)))
    *other_text = TRUE;

  *single = TRUE;
  for (guint row = 0; row < self->n_rows && *single; row++)
    {
      guint answered = 0;

      for (guint i = first; i < first + n + *other_text; i++)
        {
          const FeSourceColumn *sc = g_ptr_array_index (sources, i);
          OptionMark mark = i < first + n
                            ? fe_study_option_mark (self, sc->source_column, sc->option)
                            : MARK_TEXT;

          answered += fe_study_member_chose (self, row, sc->source_column, mark);
        }
      *single = answered <= 1;
    }
  return n;
}

/* The column of what was typed for "Other", once every column is built: the option group's
 * other_level takes its answers as quotes. */
typedef struct
{
  FeColumn   *group;
  const char *option;        /* the level whose respondents typed it */
  guint       typed_source;
} OtherLink;

/* Qualtrics keeps what was typed for option Q5_4 in Q5_4_TEXT. */
static int
find_typed_column (GPtrArray            *sources,
                   const FeSourceColumn *member)
{
  g_autofree char *typed = g_strconcat (member->id, "_TEXT", NULL);

  for (guint i = 0; i < sources->len; i++)
    if (strcmp (((FeSourceColumn *) g_ptr_array_index (sources, i))->id, typed) == 0)
      return (int) i;
  return -1;
}

static void
build_option_group (FeStudy    *self,
                    GPtrArray  *sources,
                    guint       first,
                    guint       last,
                    int         other_text,
                    gboolean    single,
                    GHashTable *codebook,
                    GArray     *other_links)
{
  FeSourceColumn *head = g_ptr_array_index (sources, first);
  FeColumn *column = fe_study_add_column (self, head->source_column, head->group);
  FeCodebookEntry corrected;
  FeCodebookEntry *entry = corrected_entry (self, codebook, column->id, &corrected);
  g_autoptr(GPtrArray) ordered = NULL;
  OtherLink link = { column, NULL, G_MAXUINT };

  fe_study_set_label (column, head->group_label);
  column->members = g_array_new (FALSE, FALSE, sizeof (guint));
  column->member_options = g_ptr_array_new_with_free_func (g_free);
  for (guint i = first; i <= last || (other_text >= 0 && i == (guint) other_text); i++)
    {
      FeSourceColumn *sc = g_ptr_array_index (sources, i);
      int typed;

      g_array_append_val (column->members, sc->source_column);
      g_ptr_array_add (column->member_options, g_strdup (sc->option));
      if (other_text >= 0 && i == (guint) other_text)
        link.typed_source = sc->source_column;
      else if ((typed = find_typed_column (sources, sc)) >= 0)
        link.typed_source = ((FeSourceColumn *) g_ptr_array_index (sources, typed))->source_column;
      else
        continue;
      link.option = g_ptr_array_index (column->member_options, column->member_options->len - 1);
    }

  entry = apply_open_line (column, entry);
  if (entry != NULL)
    {
      apply_entry (self, column, entry);
      set_role_source (self, column, entry, &corrected);
    }
  else if (!single)
    {
      column->role = FE_ROLE_MULTI;
      column->inferred_because = self->format == FE_SURVEY_FORMAT_REDCAP
        ? g_strdup (_("a REDCap checkbox question, one column per option; a record with no "
                      "option ticked has not answered it"))
        : g_strdup (_("one column per option, several chosen by some respondents"));
    }
  else
    {
      FeOrderKind order;
      guint n_scale;

      /* One column per option keeps the questionnaire's order unless the words give one. */
      ordered = fe_scale_order (column->member_options, &order, &n_scale);
      column->role = ordered == NULL || order == FE_ORDER_NUMBERED_LIST ? FE_ROLE_ATTRIBUTE
                     : order == FE_ORDER_YES_NO ? FE_ROLE_CHOICE : FE_ROLE_ORDINAL;
      column->inferred_because = ordered != NULL
        ? g_strdup_printf (_("one column per option; %s"), fe_order_kind_describe (order))
        : g_strdup (_("one column per option, in the questionnaire's order"));
    }
  if (column->role != FE_ROLE_MULTI && !fe_role_is_single_valued (column->role))
    column->role = single ? FE_ROLE_ATTRIBUTE : FE_ROLE_MULTI;
  /* Counted as one choice, a respondent who ticked two boxes would count twice and the
   * answers add up to more than everyone. */
  if (fe_role_is_single_valued (column->role) && !single)
    {
      fe_study_add_warning (self,
                            _("%s: “%s” is described as one choice, but some respondents chose several "
                              "of its options; it is counted as multiple choice."),
                            fe_csv_table_get_name (self->responses), column->id);
      column->role = FE_ROLE_MULTI;
    }

  set_levels (column, ordered ? ordered : column->member_options, self->n_rows);
  fe_study_store_column_values (self, column, FALSE);
  if (link.typed_source != G_MAXUINT)
    g_array_append_val (other_links, link);
}

/* Gives each option group the column of what its "Other" option's respondents typed. */
static void
link_typed_others (FeStudy *self,
                   GArray  *other_links)
{
  for (guint i = 0; i < other_links->len; i++)
    {
      OtherLink *link = &g_array_index (other_links, OtherLink, i);

      for (guint c = 0; c < self->columns->len; c++)
        {
          FeColumn *typed = g_ptr_array_index (self->columns, c);

          if (typed->members != NULL || typed->source_column != link->typed_source)
            continue;
          link->group->other_quotes = typed;
          link->group->other_level = fe_column_find_level (link->group, link->option);
          break;
        }
    }
}

/* What an SPSS or Stata file's dictionary says of its columns that its names and labels do not:
 * the options of questions spread over variables. A platform's metadata (a Qualtrics export's
 * ResponseId, StartDate…) and identifying columns are what they are in its CSV export, not the
 * open answers their string type suggests. */
static void
apply_stat_sources (FeStudy    *self,
                    GPtrArray  *sources,
                    GHashTable *codebook)
{
  for (guint i = 0; i < sources->len; i++)
    {
      FeSourceColumn *sc = g_ptr_array_index (sources, i);
      FeStatOption *option = g_hash_table_lookup (self->stat->options, sc->id);
      FeCodebookEntry *entry = codebook ? g_hash_table_lookup (codebook, sc->id) : NULL;

      if (option != NULL)
        {
          g_free (sc->group);
          g_free (sc->group_label);
          g_free (sc->option);
          sc->group = g_strdup (option->group);
          sc->group_label = g_strdup (option->group_label);
          sc->option = g_strdup (option->option);
        }
      if (entry != NULL && g_hash_table_contains (self->stat_entries, entry)
          && (sc->metadata || sc->identifying || sc->is_id) && entry->levels == NULL)
        g_hash_table_remove (codebook, sc->id);
    }
}

static gboolean
build_columns (FeStudy    *self,
               GHashTable *codebook,
               GError    **error)
{
  g_autoptr(GPtrArray) sources = fe_survey_format_describe (self->responses, self->format);
  g_autoptr(GArray) other_links = g_array_new (FALSE, FALSE, sizeof (OtherLink));
  gboolean id_expected = FALSE;

  for (guint i = 0; i < sources->len; i++)
    id_expected |= ((FeSourceColumn *) g_ptr_array_index (sources, i))->is_id;
  if (self->stat != NULL)
    apply_stat_sources (self, sources, codebook);

  for (guint i = 0; i < sources->len;)
    {
      FeSourceColumn *sc = g_ptr_array_index (sources, i);
      guint last = i, n_options;
      gboolean single = FALSE, other_text = FALSE;

      if (fe_study_load_cancelled (self, error))
        return FALSE;
      fe_study_report_progress (self, READ_SHARE + (1.0 - READ_SHARE) * i / sources->len, FALSE);

      if (sc->option != NULL)
        while (last + 1 < sources->len
               && ((FeSourceColumn *) g_ptr_array_index (sources, last + 1))->option != NULL
               && g_strcmp0 (((FeSourceColumn *) g_ptr_array_index (sources, last + 1))->group,
                             sc->group) == 0)
          last++;

      n_options = sc->option != NULL
                    ? count_option_members (self, sources, i, last, &single, &other_text)
                    : 0;
      if (n_options > 0)
        build_option_group (self, sources, i, i + n_options - 1,
                            other_text ? (int) (i + n_options) : -1, single, codebook,
                            other_links);
      for (guint k = i + n_options; k <= last; k++)
        if (!build_one_column (self, g_ptr_array_index (sources, k), codebook, id_expected,
                               error))
          return FALSE;
      i = last + 1;
    }
  link_typed_others (self, other_links);
  return TRUE;
}

char *
fe_study_list_text_columns (FeStudy *self)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint c = 0; c < self->columns->len; c++)
    {
      FeColumn *candidate = g_ptr_array_index (self->columns, c);

      if (candidate->role == FE_ROLE_TEXT)
        g_string_append_printf (list, "%s%s", list->len ? ", " : "", candidate->id);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static gboolean
apply_codebook_links (FeStudy    *self,
                      GPtrArray  *entries,
                      const char *codebook_name,
                      GError    **error)
{
  for (guint i = 0; i < entries->len; i++)
    {
      FeCodebookEntry *entry = g_ptr_array_index (entries, i);
      FeColumn *column = fe_study_find_column (self, entry->column);
      FeColumn *source;

      if (column == NULL && entry->also_named != NULL)
        column = fe_study_find_column (self, entry->also_named);
      if (column == NULL && entry->also_named != NULL && entry->label != NULL)
        column = fe_study_find_column (self, entry->label);

      if (column == NULL)
        {
          fe_study_add_repeated_warning (self, REPEATED_UNKNOWN_COLUMN, codebook_name, entry->line,
                                         entry->column, NULL,
                                         _("%s, line %u, column 1: the codebook describes “%s”, which %s "
                                           "does not have; that line is ignored."),
                                         codebook_name, entry->line, entry->column,
                                         fe_csv_table_get_name (self->responses));
          continue;
        }
      if (entry->quotes_from == NULL)
        continue;

      source = fe_study_find_column (self, entry->quotes_from);
      if (source == NULL || source->role != FE_ROLE_TEXT)
        {
          g_autofree char *list = fe_study_list_text_columns (self);

          g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CODEBOOK,
                       _("%s, line %u: quotes_from names “%s”, which is not an open-text "
                         "column of %s. Open-text columns: %s."),
                       codebook_name, entry->line, entry->quotes_from,
                       fe_csv_table_get_name (self->responses), list);
          return FALSE;
        }
      column->quotes_from = source;
    }
  return TRUE;
}

/* Qualtrics says whether a response was finished (True/False, 1/0) and how far it got. */
static gboolean
row_unfinished (FeStudy *self,
                int      finished,
                int      progress,
                int      submitted,
                int      status,
                guint    row,
                GString *scratch)
{
  /* LimeSurvey dates a response when it is sent, and leaves one never sent undated. */
  if (submitted >= 0 && fe_csv_table_cell_is_empty (self->responses, row, (guint) submitted))
    return TRUE;
  /* Alchemer says of a response stopped part way, or screened out, Partial or Disqualified;
   * Qualtrics of a researcher's own preview or test run, or of spam, what the Status column
   * holds (as text, or its number with "Use numeric values"). */
  if (status >= 0)
    {
      static const char * const not_responses[] = {
        "Partial", "Disqualified", "Survey Preview", "Survey Test", "Spam", NULL,
      };
      const char *cell = fe_csv_table_read_cell (self->responses, row, (guint) status, scratch);

      for (guint i = 0; not_responses[i] != NULL; i++)
        if (g_ascii_strcasecmp (cell, not_responses[i]) == 0)
          return TRUE;
      if (self->format == FE_SURVEY_FORMAT_QUALTRICS
          && (strcmp (cell, "1") == 0 || strcmp (cell, "2") == 0 || strcmp (cell, "8") == 0))
        return TRUE;
    }
  if (finished >= 0)
    {
      const char *cell = fe_csv_table_read_cell (self->responses, row, (guint) finished, scratch);

      if (g_ascii_strcasecmp (cell, "false") == 0 || strcmp (cell, "0") == 0)
        return TRUE;
      if (*cell != '\0')
        return FALSE;
    }
  if (progress >= 0)
    {
      const char *cell = fe_csv_table_read_cell (self->responses, row, (guint) progress, scratch);
      char *end = NULL;
      double value = g_ascii_strtod (cell, &end);

      return *cell != '\0' && end != cell && value < 100.0;
    }
  return FALSE;
}

/* A row counts as a response when it answers anything beyond its id and the columns that are
 * not questions (consent, metadata), and the platform does not call it unfinished: the study
 * excluded the rest, and so do we by default. */
static void
find_complete_rows (FeStudy *self)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  int finished = -1, progress = -1, submitted = -1, status = -1;

  self->complete = fe_bitset_new (self->n_rows);

  for (guint c = 0; c < self->columns->len; c++)
    {
      FeColumn *column = g_ptr_array_index (self->columns, c);

      if (column->role != FE_ROLE_ID && column->role != FE_ROLE_IGNORE)
        fe_bitset_or (self->complete, column->answered);
      if (column->metadata && g_ascii_strcasecmp (column->id, "Finished") == 0)
        finished = (int) column->source_column;
      if (column->metadata && g_ascii_strcasecmp (column->id, "Progress") == 0)
        progress = (int) column->source_column;
      if (column->metadata && self->format == FE_SURVEY_FORMAT_LIMESURVEY
          && g_ascii_strcasecmp (column->id, "submitdate") == 0)
        submitted = (int) column->source_column;
      if (column->metadata && g_ascii_strcasecmp (column->id, "Status") == 0
          && (self->format == FE_SURVEY_FORMAT_ALCHEMER
              || self->format == FE_SURVEY_FORMAT_QUALTRICS))
        status = (int) column->source_column;
    }

  if (finished >= 0 || progress >= 0 || submitted >= 0 || status >= 0)
    FE_BITSET_FOREACH (self->complete, row)
      if (row_unfinished (self, finished, progress, submitted, status, row, scratch))
        fe_bitset_clear_bit (self->complete, row);

  self->universe = fe_bitset_copy (self->complete);
}

static GHashTable *
load_codebook (const char  *path,
               GPtrArray  **entries_out,
               GPtrArray  **codes_out,
               char       **name_out,
               gboolean    *from_redcap,
               GError     **error)
{
  GPtrArray *entries = NULL;
  GHashTable *by_column;

  if (!fe_codebook_load_full (path, &entries, codes_out, from_redcap, error))
    return NULL;

  by_column = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < entries->len; i++)
    {
      FeCodebookEntry *entry = g_ptr_array_index (entries, i);

      g_hash_table_insert (by_column, entry->column, entry);
    }
  /* A labels export names a column by its question where no line names another so. */
  for (guint i = 0; i < entries->len; i++)
    {
      FeCodebookEntry *entry = g_ptr_array_index (entries, i);

      if (entry->also_named != NULL && !g_hash_table_contains (by_column, entry->also_named))
        g_hash_table_insert (by_column, entry->also_named, entry);
      if (entry->also_named != NULL && entry->label != NULL
          && !g_hash_table_contains (by_column, entry->label))
        g_hash_table_insert (by_column, entry->label, entry);
    }
  *entries_out = entries;
  *name_out = g_path_get_basename (path);
  return by_column;
}

static void
collect_hidden_columns (FeStudy *self)
{
  for (guint c = 0; c < self->columns->len; c++)
    {
      FeColumn *column = g_ptr_array_index (self->columns, c);

      if (column->identifying && column->role == FE_ROLE_IGNORE
          && fe_bitset_count (column->answered) > 0)
        g_ptr_array_add (self->hidden, column);
    }
}

/* The codebook an SPSS or Stata file's dictionary makes, with a codebook CSV's lines laid over
 * it: the researcher's codebook says what a column is where it describes it. */
static GHashTable *
merge_stat_codebook (FeStudy    *self,
                     GHashTable *codebook)
{
  GHashTable *merged = g_hash_table_new (g_str_hash, g_str_equal);

  self->stat_entries = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->stat->entries->len; i++)
    {
      FeCodebookEntry *entry = g_ptr_array_index (self->stat->entries, i);

      g_hash_table_insert (merged, entry->column, entry);
      g_hash_table_add (self->stat_entries, entry);
    }
  if (codebook != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, codebook);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          FeCodebookEntry *line = value;
          FeCodebookEntry *described = g_hash_table_lookup (merged, key);

          /* A line that names a question but not its role leaves the role to the file. */
          if (line->infer_role && described != NULL)
            {
              if (line->label != NULL)
                {
                  g_free (described->label);
                  described->label = g_strdup (line->label);
                }
              if (line->short_label != NULL)
                {
                  g_free (described->short_label);
                  described->short_label = g_strdup (line->short_label);
                }
              continue;
            }
          g_hash_table_insert (merged, key, value);
        }
      g_hash_table_unref (codebook);
    }
  return merged;
}

static FeStudy *
study_new (const FeLoadOptions *options)
{
  FeStudy *self = g_object_new (FE_TYPE_STUDY, NULL);

  if (options != NULL)
    {
      self->document_pattern = g_strdup (options->document_pattern);
      self->coding_question = g_strdup (options->coding_question);
      self->cancellable = options->cancellable;
      self->progress = options->progress;
      self->progress_data = options->progress_data;
      take_corrections (self, options->corrections);
    }
  return self;
}

/* The file's case weights, one per row, those SPSS would leave out of weighted figures (missing,
 * zero or negative) as 0 and counted by reason, for the Data check page to say. */
static void
keep_weights (FeStudy *self)
{
  const FeStatFile *stat = self->stat;
  double total = 0;

  self->weight = g_strdup (stat->weight);
  /* The table is the file's cases, one row each: anything else and a weight could land on the
   * wrong respondent, so there are no weighted figures rather than wrong ones. */
  if (stat->weights == NULL || stat->n_weights != self->n_rows)
    return;
  self->weights = g_new (double, MAX (self->n_rows, 1));
  for (guint row = 0; row < self->n_rows; row++)
    {
      double w = stat->weights[row];
      gboolean counted = fe_bitset_get (self->universe, row);

      /* An infinite weight, which no weighting writes, is as good as none. */
      self->weights[row] = isfinite (w) && w > 0 ? w : 0;
      total += self->weights[row];
      if (!counted)
        continue;
      if (isnan (w) || w == INFINITY)
        self->unweighted.missing++;
      else if (w == 0)
        self->unweighted.zero++;
      else if (w < 0)
        self->unweighted.negative++;
    }
  /* Weights whose sum a double cannot hold, a hundred times over (a percentage is 100 × a
   * group's sum over the base's), would give percentages of infinity: none rather than wrong
   * ones. */
  if (!isfinite (total * 100))
    {
      g_clear_pointer (&self->weights, g_free);
      self->weights_too_large = TRUE;
      self->unweighted = (FeUnweighted) { 0 };
      fe_study_add_warning (self,
                            _("The case weights in %s are too large to work out percentages "
                              "with, so there are no weighted percentages."),
                            self->weight);
      return;
    }
  {
    g_autofree char *unweighted = fe_study_describe_unweighted (self);

    if (unweighted != NULL)
      fe_study_add_warning (self, "%s", unweighted);
  }
}

/* A column named as an id that was not taken for the id because values repeat: a response
 * exported twice, or a REDCap record's events, each counted as a respondent. Nothing is
 * dropped on a guess; the researcher is told where. */
static void
warn_repeated_ids (FeStudy *self)
{
  g_autoptr(GString) cell = g_string_new (NULL);

  for (guint c = 0; c < self->columns->len; c++)
    {
      FeColumn *column = g_ptr_array_index (self->columns, c);
      g_autoptr(GHashTable) first_row = NULL;
      g_autofree char *example = NULL;
      guint n_repeated = 0, n_cells = 0, example_rows[2] = { 0, 0 };
      const char *message;

      /* REDCap's record id, written once per event of a longitudinal project (other ids are
       * one per respondent, inferred so or written so by the platform); or, without an id, a
       * column named as one that was not taken for it. */
      if (self->id_column != NULL
          ? column != self->id_column || self->format != FE_SURVEY_FORMAT_REDCAP
          : column->members != NULL || column->role == FE_ROLE_IGNORE
            || !fe_name_is_an_id (column->id))
        continue;
      first_row = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint row = 0; row < self->n_rows; row++)
        {
          const char *value;
          gpointer seen;

          if (fe_csv_table_cell_is_empty (self->responses, row, column->source_column))
            continue;
          value = fe_csv_table_read_cell (self->responses, row, column->source_column, cell);
          n_cells++;
          if (!g_hash_table_lookup_extended (first_row, value, NULL, &seen))
            g_hash_table_insert (first_row, g_strdup (value), GUINT_TO_POINTER (row + 1));
          else if (GPOINTER_TO_UINT (seen) > 0)
            {
              if (n_repeated++ == 0)
                {
                  example = fe_text_shorten (value, 40);
                  example_rows[0] = GPOINTER_TO_UINT (seen) - 1;
                  example_rows[1] = row;
                }
              /* Counted once however often it comes again. */
              g_hash_table_insert (first_row, g_strdup (value), GUINT_TO_POINTER (0));
            }
        }
      /* Codes that repeat ("Team ID": T0…T3) are no respondents' ids; ids given twice or
       * three times over (copies, a record's visits) leave a quarter of them distinct. */
      if (n_repeated == 0
          || (column != self->id_column && g_hash_table_size (first_row) * 4 < n_cells))
        continue;
      message = column == self->id_column
        ? ngettext ("%s, column %u (“%s”): %u id is on more than one row (“%s”, first on lines "
                    "%u and %u), and each row counts as a respondent. If a response was "
                    "exported twice, remove the copy from a copy of the file; if the rows are "
                    "one person's visits or events, keep one row for each.",
                    "%s, column %u (“%s”): %u ids are on more than one row (“%s”, first on lines "
                    "%u and %u), and each row counts as a respondent. If a response was "
                    "exported twice, remove the copy from a copy of the file; if the rows are "
                    "one person's visits or events, keep one row for each.", n_repeated)
        : ngettext ("%s, column %u (“%s”): %u value is on more than one row (“%s”, first on lines "
                    "%u and %u), so it was not taken for the respondents' id, and each row counts "
                    "as a respondent. If a response was exported twice, remove the copy from a "
                    "copy of the file; if the rows are one person's visits or events, keep one "
                    "row for each.",
                    "%s, column %u (“%s”): %u values are on more than one row (“%s”, first on "
                    "lines %u and %u), so it was not taken for the respondents' id, and each row "
                    "counts as a respondent. If a response was exported twice, remove the copy "
                    "from a copy of the file; if the rows are one person's visits or events, keep "
                    "one row for each.", n_repeated);
      fe_study_add_warning (self, message, self->name, column->source_column + 1, column->id,
                            n_repeated, example,
                            fe_csv_table_get_line (self->responses, example_rows[0]),
                            fe_csv_table_get_line (self->responses, example_rows[1]));
    }
}

static FeStudy *
study_build (FeStudy     *self_owned,
             const char  *codebook_path,
             const char  *coding_path,
             GError     **error)
{
  g_autoptr(FeStudy) self = self_owned;
  g_autoptr(GHashTable) codebook = NULL;
  g_autoptr(GPtrArray) codebook_entries = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autofree char *codebook_name = NULL;
  GPtrArray *table_warnings = fe_csv_table_get_warnings (self->responses);

  self->name = g_strdup (fe_csv_table_get_name (self->responses));
  for (guint i = 0; i < table_warnings->len; i++)
    fe_study_add_warning (self, "%s", (const char *) g_ptr_array_index (table_warnings, i));
  self->format = self->stat != NULL ? self->stat->format
                                    : fe_survey_format_detect (self->responses);
  self->n_rows = fe_csv_table_get_n_rows (self->responses);

  if (self->n_rows == 0)
    {
      g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_NO_RESPONSES,
                   _("%s, line %u, column 1: the file has column names but no responses below "
                     "them. Export the survey results again, including the responses."),
                   self->name, fe_csv_table_get_n_header_rows (self->responses) + 1);
      return NULL;
    }

  if (codebook_path != NULL)
    {
      gboolean from_redcap;

      codebook = load_codebook (codebook_path, &codebook_entries, &codes, &codebook_name,
                                &from_redcap, error);
      if (codebook == NULL)
        return NULL;
      /* A REDCap data dictionary says whose export the file is, where its columns do not. */
      if (from_redcap && self->format == FE_SURVEY_FORMAT_PLAIN)
        self->format = FE_SURVEY_FORMAT_REDCAP;
    }
  if (self->stat != NULL)
    codebook = merge_stat_codebook (self, codebook);

  if (self->format == FE_SURVEY_FORMAT_TAGUETTE)
    {
      if (!fe_study_build_document_study (self, codes, error))
        return NULL;
    }
  else if (!build_columns (self, codebook, error))
    return NULL;

  if (codebook_entries != NULL
      && !apply_codebook_links (self, codebook_entries, codebook_name, error))
    return NULL;
  if (codes != NULL)
    fe_study_apply_codes (self, codes, TRUE);
  if (coding_path != NULL && !fe_study_apply_coding (self, coding_path, error))
    return NULL;
  if (codes != NULL)
    {
      fe_study_apply_codes (self, codes, FALSE);
      fe_study_warn_code_counts (self, codes, codebook_name);
    }

  for (guint c = 0; c < self->columns->len; c++)
    fe_study_finish_code_hierarchy (g_ptr_array_index (self->columns, c));
  fe_study_sort_codings (self);
  if (!apply_corrections (self, error))
    return NULL;
  warn_repeated_ids (self);
  fe_study_flush_repeated_warnings (self);
  for (guint i = 0; self->stat != NULL && i < self->stat->notes->len; i++)
    fe_study_add_warning (self, "%s", (const char *) g_ptr_array_index (self->stat->notes, i));
  find_complete_rows (self);
  collect_hidden_columns (self);
  if (fe_study_load_cancelled (self, error))
    return NULL;
  fe_study_report_progress (self, 1.0, TRUE);
  if (self->stat != NULL)
    keep_weights (self);
  /* Only for the load: the caller may free them once it returns. */
  g_clear_pointer (&self->stat_entries, g_hash_table_unref);
  g_clear_pointer (&self->stat, fe_stat_file_free);
  self->corrected_id = NULL;
  g_clear_pointer (&self->corrections, g_hash_table_unref);
  self->cancellable = NULL;
  self->progress = NULL;
  self->progress_data = NULL;
  return g_steal_pointer (&self);
}

FeStudy *
fe_study_load_full (const char           *responses_path,
                    const char           *codebook_path,
                    const char           *coding_path,
                    const FeLoadOptions  *options,
                    GError              **error)
{
  g_autoptr(FeStudy) self = NULL;
  FeCsvOptions csv_options = { 0 };

  g_return_val_if_fail (responses_path != NULL, NULL);

  self = study_new (options);
  if (options != NULL)
    {
      csv_options.delimiter = options->delimiter;
      csv_options.cancellable = options->cancellable;
      csv_options.progress = on_read_progress;
      csv_options.progress_data = self;
    }
  /* An Excel workbook (or an old .xls, which gets an error saying how to save it) becomes the
   * same table of text cells as a CSV file; so does an SPSS or Stata file, read by ReadStat. */
  if (fe_xlsx_sniff_path (responses_path) != FE_XLSX_KIND_NONE)
    self->responses = fe_xlsx_load_table (responses_path, options ? options->sheet : NULL,
                                          &csv_options, &self->sheet, error);
  else if (fe_stat_file_sniff (responses_path) != FE_STAT_FILE_NONE)
    {
      self->stat = fe_stat_file_read (responses_path, csv_options.cancellable,
                                      csv_options.progress, csv_options.progress_data, error);
      if (self->stat == NULL)
        return NULL;
      self->responses = g_steal_pointer (&self->stat->table);
    }
  else
    self->responses = fe_csv_table_load_full (responses_path, &csv_options, error);
  if (self->responses == NULL)
    return NULL;
  return study_build (g_steal_pointer (&self), codebook_path, coding_path, error);
}

FeStudy *
fe_study_load (const char  *responses_path,
               const char  *codebook_path,
               const char  *coding_path,
               GError     **error)
{
  return fe_study_load_full (responses_path, codebook_path, coding_path, NULL, error);
}

FeStudy *
fe_study_load_data (const char           *display_name,
                    const char           *data,
                    gsize                 length,
                    const FeLoadOptions  *options,
                    GError              **error)
{
  g_autoptr(FeStudy) self = NULL;
  FeCsvOptions csv_options = { 0 };

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self = study_new (options);
  if (options != NULL)
    {
      csv_options.delimiter = options->delimiter;
      csv_options.cancellable = options->cancellable;
      csv_options.progress = on_read_progress;
      csv_options.progress_data = self;
    }
  self->responses = fe_csv_table_parse_full (display_name, data, length, &csv_options, error);
  if (self->responses == NULL)
    return NULL;
  return study_build (g_steal_pointer (&self), NULL, NULL, error);
}

char *
fe_study_find_sample_dir (void)
{
  const char *from_env = g_getenv ("FE_SAMPLE_DIR");
  const char * const candidates[] = {
    FE_PKGDATADIR G_DIR_SEPARATOR_S "sample",
    FE_SOURCE_SAMPLE_DIR,
  };

  if (from_env != NULL && *from_env != '\0')
    return g_strdup (from_env);

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *responses = g_build_filename (candidates[i], "responses.csv", NULL);

      if (g_file_test (responses, G_FILE_TEST_IS_REGULAR))
        return g_strdup (candidates[i]);
    }
  return NULL;
}

FeStudy *
fe_study_load_sample (GError **error)
{
  g_autofree char *dir = fe_study_find_sample_dir ();
  g_autofree char *responses = NULL;
  g_autofree char *codebook = NULL;
  g_autofree char *coding = NULL;

  if (dir == NULL)
    {
      g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_NO_SAMPLE,
                   _("The sample study is not installed. Reinstall Findings Explorer, or set "
                     "FE_SAMPLE_DIR to the folder that holds its responses.csv."));
      return NULL;
    }

  responses = g_build_filename (dir, "responses.csv", NULL);
  codebook = g_build_filename (dir, "codebook.csv", NULL);
  coding = g_build_filename (dir, "coding.csv", NULL);
  return fe_study_load (responses, codebook, coding, error);
}
