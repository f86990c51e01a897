/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-cell-quotes.h"

#include "fe-quote.h"
#include "fe-study.h"

static gboolean
same_quote (const FeQuote *a,
            const FeQuote *b)
{
  return a->row == b->row && a->column == b->column && g_strcmp0 (a->text, b->text) == 0;
}

/* Moves the quotes of @from not already in @into to its end. */
static void
append_new (GPtrArray *into,
            GPtrArray *from)
{
  guint n_before = into->len;

  for (guint i = 0; i < from->len; i++)
    {
      FeQuote *quote = g_ptr_array_index (from, i);
      gboolean seen = FALSE;

      for (guint j = 0; j < n_before && !seen; j++)
        seen = same_quote (g_ptr_array_index (into, j), quote);
      if (seen)
        continue;
      g_ptr_array_add (into, g_steal_pointer (&from->pdata[i]));
    }
}

GPtrArray *
fe_query_collect_cell_quotes (const FeQuery *query,
                              guint          level,
                              int            group)
{
  const FeTally *tally = fe_query_get_tally (query);
  FeColumn *question = fe_query_get_question (query);
  FeColumn *split = fe_query_get_split (query);
  FeStudy *study = fe_query_get_study (query);
  g_autoptr(FeBitset) group_rows = NULL;
  g_autoptr(FeBitset) level_rows = NULL;
  g_autoptr(GPtrArray) of_split = NULL;
  GPtrArray *quotes;

  if (tally == NULL || !tally->both || group < 0 || split == NULL
      || !fe_column_has_quotes (split, group))
    return NULL;

  group_rows = fe_query_dup_group_rows (query, group);
  quotes = fe_column_has_quotes (question, (int) level)
           ? fe_study_collect_quotes (study, question, (int) level, group_rows)
           : g_ptr_array_new_with_free_func ((GDestroyNotify) fe_quote_free);
  /* Those in the cell, by the split's side: who gave @level among the query's rows. */
  level_rows = fe_query_dup_segment_rows (query, level, -1);
  of_split = fe_study_collect_quotes (study, split, group, level_rows);
  append_new (quotes, of_split);
  return quotes;
}
