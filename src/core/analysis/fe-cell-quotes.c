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

/* The quotes of @a and then of @b, or, both of one question (a co-occurrence), the two merged
 * respondent by respondent, an answer in both listed once: a respondent's quotes stay next to
 * each other, as fe_quotes_group_by_question() counts them. Both are in respondent order. */
static GPtrArray *
merge_quotes (GPtrArray *a,
              GPtrArray *b)
{
  GPtrArray *merged = g_ptr_array_new_with_free_func ((GDestroyNotify) fe_quote_free);
  guint i = 0, j = 0;
  gboolean one_question = a->len > 0 && b->len > 0
                          && ((FeQuote *) a->pdata[0])->column == ((FeQuote *) b->pdata[0])->column;

  while (i < a->len || j < b->len)
    {
      FeQuote *next;

      if (j >= b->len
          || (i < a->len && (!one_question
                             || ((FeQuote *) a->pdata[i])->row <= ((FeQuote *) b->pdata[j])->row)))
        next = g_steal_pointer (&a->pdata[i++]);
      else
        next = g_steal_pointer (&b->pdata[j++]);
      /* The same answer, coded with both themes, comes from both sides. */
      for (guint k = merged->len; one_question && k-- > 0;)
        {
          FeQuote *earlier = merged->pdata[k];

          if (earlier->row != next->row)
            break;
          if (same_quote (earlier, next))
            g_clear_pointer (&next, fe_quote_free);
          if (next == NULL)
            break;
        }
      if (next != NULL)
        g_ptr_array_add (merged, next);
    }
  return merged;
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
  g_autoptr(GPtrArray) of_question = NULL;
  g_autoptr(GPtrArray) of_split = NULL;

  if (tally == NULL || !tally->both || group < 0 || split == NULL
      || !fe_column_has_quotes (split, group))
    return NULL;

  group_rows = fe_query_dup_group_rows (query, group);
  of_question = fe_column_has_quotes (question, (int) level)
                ? fe_study_collect_quotes (study, question, (int) level, group_rows)
                : g_ptr_array_new_with_free_func ((GDestroyNotify) fe_quote_free);
  /* Those in the cell, by the split's side: who gave @level among the query's rows. */
  level_rows = fe_query_dup_segment_rows (query, level, -1);
  of_split = fe_study_collect_quotes (study, split, group, level_rows);
  return merge_quotes (of_question, of_split);
}
