/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-quote.h"

#include "fe-study.h"

void
fe_quote_free (FeQuote *quote)
{
  if (quote == NULL)
    return;
  g_free (quote->text);
  g_free (quote->note);
  g_array_unref (quote->codes);
  g_free (quote);
}

static FeQuote *
quote_new (guint           row,
           const FeColumn *column,
           const char     *text,
           const char     *note)
{
  FeQuote *quote = g_new0 (FeQuote, 1);

  quote->row = row;
  quote->column = column;
  quote->text = g_strdup (text);
  quote->note = g_strdup (note);
  quote->codes = g_array_new (FALSE, FALSE, sizeof (guint));
  return quote;
}

/* Index of the first coding entry of @row (entries are sorted by row), or codings->len. */
static guint
first_coding_of_row (const FeColumn *column,
                     guint           row)
{
  guint low = 0;
  guint high = column->codings->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (column->codings, FeCodingEntry, mid).row < row)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

static gboolean
quote_has_code (const FeQuote *quote,
                guint          code)
{
  for (guint i = 0; i < quote->codes->len; i++)
    if (g_array_index (quote->codes, guint, i) == code)
      return TRUE;
  return FALSE;
}

/* Whether the quote carries @code or one of its child codes (a parent code's quotes are its
 * children's). */
static gboolean
quote_has_code_within (const FeColumn *column,
                       const FeQuote  *quote,
                       guint           code)
{
  for (guint i = 0; i < quote->codes->len; i++)
    if (fe_column_level_is_within (column, g_array_index (quote->codes, guint, i), code))
      return TRUE;
  return FALSE;
}

void
fe_study_collect_row_quotes (FeStudy        *study,
                    const FeColumn *column,
                    guint           row,
                    int             code,
                    GPtrArray      *quotes)
{
  /* A copy, not fe_study_get_answer(): a segment may have many thousands of quotes, and the
   * study would keep each one read from the file. */
  g_autofree char *answer = fe_study_dup_answer (study, column, row);
  guint first_new = quotes->len;
  guint i;

  if (!column->coded || (i = first_coding_of_row (column, row)) >= column->codings->len
      || g_array_index (column->codings, FeCodingEntry, i).row != row)
    {
      if (code < 0 && *answer != '\0')
        g_ptr_array_add (quotes, quote_new (row, column, answer, NULL));
      return;
    }

  for (; i < column->codings->len; i++)
    {
      const FeCodingEntry *entry = &g_array_index (column->codings, FeCodingEntry, i);
      const char *text = entry->excerpt ? entry->excerpt : answer;
      FeQuote *quote = NULL;

      if (entry->row != row)
        break;

      for (guint q = first_new; q < quotes->len && quote == NULL; q++)
        if (g_strcmp0 (((FeQuote *) g_ptr_array_index (quotes, q))->text, text) == 0)
          quote = g_ptr_array_index (quotes, q);
      if (quote == NULL)
        {
          quote = quote_new (row, column, text, entry->note);
          g_ptr_array_add (quotes, quote);
        }
      else if (quote->note == NULL && entry->note != NULL)
        quote->note = g_strdup (entry->note);
      if (!quote_has_code (quote, entry->code))
        g_array_append_val (quote->codes, entry->code);
    }

  if (code < 0)
    return;
  for (guint q = quotes->len; q-- > first_new;)
    if (!quote_has_code_within (column, g_ptr_array_index (quotes, q), (guint) code))
      g_ptr_array_remove_index (quotes, q);
}

/* The column a segment's quotes come from, or NULL when its question has none; @level and
 * @code become the answer that selects the respondents and the code their quotes must carry. */
static const FeColumn *
quote_source (const FeColumn *question,
              int            *level,
              int            *code)
{
  *code = -1;
  if (question->role == FE_ROLE_TEXT)
    {
      *code = *level;
      return question;
    }
  if (question->quotes_from == NULL && question->other_level >= 0
      && (*level < 0 || *level == question->other_level)
      && (question->other_quotes != NULL || question->members == NULL))
    {
      /* What respondents typed into "Other" is that level's quotes. */
      *level = question->other_level;
      return question->other_quotes ? question->other_quotes : question;
    }
  return question->quotes_from;
}

gboolean
fe_column_has_quotes (const FeColumn *question,
                      int             level)
{
  int code;

  g_return_val_if_fail (question != NULL, FALSE);
  return quote_source (question, &level, &code) != NULL;
}

const FeColumn *
fe_study_select_quoted (const FeColumn *question,
                        int             level,
                        const FeBitset *rows,
                        FeBitset      **selected,
                        int            *code)
{
  const FeColumn *source;

  *selected = NULL;
  if ((source = quote_source (question, &level, code)) == NULL)
    return NULL;
  *selected = fe_bitset_copy (rows);
  fe_bitset_and (*selected, level >= 0 ? g_ptr_array_index (question->level_rows, (guint) level)
                                       : question->answered);
  return source;
}

GPtrArray *
fe_study_collect_quotes (FeStudy        *study,
                         const FeColumn *question,
                         int             level,
                         const FeBitset *rows)
{
  GPtrArray *quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) fe_quote_free);
  const FeColumn *source;
  g_autoptr(FeBitset) selected = NULL;
  int code;

  g_return_val_if_fail (FE_IS_STUDY (study), quotes);
  g_return_val_if_fail (question != NULL && rows != NULL, quotes);
  g_return_val_if_fail (level < (int) fe_column_get_n_levels (question), quotes);

  if ((source = fe_study_select_quoted (question, level, rows, &selected, &code)) == NULL)
    return quotes;
  FE_BITSET_FOREACH (selected, row)
    fe_study_collect_row_quotes (study, source, row, code, quotes);
  return quotes;
}

GPtrArray *
fe_study_collect_text_quotes (FeStudy        *study,
                              const FeBitset *rows)
{
  GPtrArray *quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) fe_quote_free);

  g_return_val_if_fail (FE_IS_STUDY (study), quotes);
  g_return_val_if_fail (rows != NULL, quotes);

  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      const FeColumn *column = fe_study_get_column (study, c);

      if (column->role != FE_ROLE_TEXT)
        continue;
      FE_BITSET_FOREACH (rows, row)
        fe_study_collect_row_quotes (study, column, row, -1, quotes);
    }
  return quotes;
}

GArray *
fe_quotes_group_by_question (GPtrArray *quotes)
{
  GArray *groups = g_array_new (FALSE, TRUE, sizeof (FeQuoteGroup));
  FeQuoteGroup *group = NULL;
  g_autoptr(GHashTable) authors = g_hash_table_new (g_direct_hash, g_direct_equal);

  g_return_val_if_fail (quotes != NULL, groups);

  for (guint i = 0; i < quotes->len; i++)
    {
      const FeQuote *quote = g_ptr_array_index (quotes, i);

      if (group == NULL || group->column != quote->column)
        {
          g_array_set_size (groups, groups->len + 1);
          group = &g_array_index (groups, FeQuoteGroup, groups->len - 1);
          group->column = quote->column;
          group->first = i;
          g_hash_table_remove_all (authors);
        }
      group->n_quotes++;
      /* A respondent's excerpts need not be next to each other (the anonymous come last). */
      if (g_hash_table_add (authors, GUINT_TO_POINTER (quote->row + 1)))
        group->n_respondents++;
    }
  return groups;
}

GPtrArray *
fe_study_collect_respondent_quotes (FeStudy *study,
                                    guint    row)
{
  GPtrArray *quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) fe_quote_free);

  g_return_val_if_fail (FE_IS_STUDY (study), quotes);
  g_return_val_if_fail (row < fe_study_get_n_rows (study), quotes);

  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      const FeColumn *column = fe_study_get_column (study, c);

      if (column->role == FE_ROLE_TEXT)
        fe_study_collect_row_quotes (study, column, row, -1, quotes);
    }
  return quotes;
}
