/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-csv-column.h"
#include "fe-csv-table.h"

#include <string.h>

/* A column keeps its values until they take this many bytes in one thread's part. */
#define DICT_MAX_BYTES (4 * 1024 * 1024)

/* A column with more distinct values than this, whose values are not made of a few ';'-joined
 * options and nearly all differ (nine in ten answers new), cannot be anything but open text or
 * an id for role inference: it keeps where its answers are at once, which spares hashing every
 * answer. One whose values repeat is a category however many it has (four hundred employers). */
#define DICT_TEXT_VALUES 256
/* Past this many, values that repeat less than twice each are taken for text too. */
#define DICT_CATEGORY_VALUES 4096

static const FeCsvSpan empty_span = { 0, 0 };

void
fe_csv_column_init (FeCsvColumn *column,
                    gsize        capacity)
{
  memset (column, 0, sizeof *column);
  fe_csv_dict_init (&column->dict);
  column->ids = g_new (guint32, capacity);
}

void
fe_csv_column_init_text (FeCsvColumn *column)
{
  memset (column, 0, sizeof *column);
  column->text = TRUE;
  fe_csv_stats_init (&column->stats);
}

void
fe_csv_column_clear (FeCsvColumn *column)
{
  g_clear_pointer (&column->ids, g_free);
  g_clear_pointer (&column->spans, g_free);
  g_clear_pointer (&column->tokens_seen, g_hash_table_unref);
  fe_csv_dict_clear (&column->dict);
  fe_csv_stats_clear (&column->stats);
  for (guint i = 0; i < FE_CSV_HEAD_ROWS; i++)
    g_clear_pointer (&column->head[i], g_free);
  g_clear_pointer (&column->listed, g_free);
  g_clear_pointer (&column->position, g_free);
  g_clear_pointer (&column->listed_count, g_free);
  g_clear_pointer (&column->listed_first, g_free);
}

/* Turns a column of values into one of text: each row points at where its value was first
 * seen, and what the values say is counted into the stats. Rows below @n_head are header
 * candidates: their answers are kept aside instead. */
static void
column_to_text (FeCsvColumn *column,
                guint        n_rows,
                gsize        capacity,
                guint        n_head)
{
  FeCsvDict *dict = &column->dict;
  g_autofree guint32 *counts = g_new (guint32, dict->n_entries);

  g_assert (!column->text);
  column->spans = g_new (FeCsvSpan, capacity);
  for (guint r = 0; r < n_rows; r++)
    column->spans[r] = column->ids[r] ? dict->entries[column->ids[r]].first : empty_span;

  for (guint e = 0; e < dict->n_entries; e++)
    counts[e] = dict->entries[e].count;
  for (guint r = 0; r < MIN (n_head, n_rows); r++)
    if (column->ids[r] != 0)
      {
        counts[column->ids[r]]--;
        column->head[r] = g_strdup (fe_csv_dict_text (dict, column->ids[r]));
      }
  fe_csv_stats_init (&column->stats);
  for (guint e = 1; e < dict->n_entries; e++)
    fe_csv_stats_add (&column->stats, fe_csv_dict_text (dict, e), dict->entries[e].length, counts[e]);

  g_clear_pointer (&column->ids, g_free);
  g_clear_pointer (&column->tokens_seen, g_hash_table_unref);
  column->tokens_over = TRUE;
  fe_csv_dict_clear (dict);
  column->text = TRUE;
}

/* Notes the options of a new value; FALSE once there are too many for a multi-select. */
static gboolean
note_tokens (FeCsvColumn *column,
             const char  *text,
             gsize        length)
{
  const char *p = text, *end = text + length;

  if (column->tokens_over)
    return FALSE;
  /* Past DICT_TEXT_VALUES values with few options, it is a multi-select: it stays values. */
  if (column->dict.n_entries > 2 * DICT_TEXT_VALUES)
    return TRUE;
  while (p < end)
    {
      const char *stop = memchr (p, ';', (gsize) (end - p));
      const char *start = p;

      if (stop == NULL)
        stop = end;
      p = stop + 1;
      while (start < stop && g_ascii_isspace (*start))
        start++;
      while (stop > start && g_ascii_isspace (stop[-1]))
        stop--;
      if (start >= stop)
        continue;
      /* Made only now: a file may have 100,000 columns with nothing to note. */
      if (column->tokens_seen == NULL)
        column->tokens_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_add (column->tokens_seen, g_strndup (start, (gsize) (stop - start)));
    }
  if (column->tokens_seen == NULL || g_hash_table_size (column->tokens_seen) <= FE_CSV_MAX_TOKENS)
    return TRUE;
  g_clear_pointer (&column->tokens_seen, g_hash_table_unref);
  column->tokens_over = TRUE;
  return FALSE;
}

void
fe_csv_column_grow (FeCsvColumn *column,
                    gsize        capacity)
{
  if (column->text)
    column->spans = g_renew (FeCsvSpan, column->spans, capacity);
  else
    column->ids = g_renew (guint32, column->ids, capacity);
}

void
fe_csv_column_store_empty (FeCsvColumn *column,
                           guint        row)
{
  if (column->text)
    column->spans[row] = empty_span;
  else
    column->ids[row] = 0;
}

static gboolean
dict_is_full (const FeCsvDict *dict,
              guint            max_values)
{
  return dict->n_entries > max_values || dict->strings_length > DICT_MAX_BYTES;
}

void
fe_csv_column_store (FeCsvColumn *column,
                     guint        row,
                     const char  *text,
                     gsize        length,
                     FeCsvSpan    where,
                     gsize        capacity,
                     guint        n_head,
                     guint        max_values)
{
  if (!column->text)
    {
      FeCsvDict *dict = &column->dict;
      gboolean added;
      guint e = fe_csv_dict_intern (dict, text, length, fe_csv_hash_bytes (text, length), row,
                                    where, &added);

      dict->entries[e].count++;
      column->ids[row] = e;
      if (G_UNLIKELY (added)
          && (!note_tokens (column, text, length) || dict_is_full (dict, max_values))
          && (dict_is_full (dict, max_values)
              || (dict->n_entries > DICT_TEXT_VALUES
                  && (guint64) dict->n_entries * 10 > (guint64) (row + 1) * 9)
              || (dict->n_entries > DICT_CATEGORY_VALUES
                  && (guint64) dict->n_entries * 2 > row + 1))
          && row >= n_head)
        column_to_text (column, row + 1, capacity, n_head);
      return;
    }

  column->spans[row] = where;
  /* Nothing more to learn from the text itself: only where it is. */
  if (fe_csv_stats_settled (&column->stats))
    column->stats.n_answered++;
  else
    fe_csv_stats_add (&column->stats, text, length, 1);
}

void
fe_csv_column_merge (FeCsvColumn *into,
                     guint        into_rows,
                     FeCsvColumn *from,
                     guint        from_rows)
{
  if (!into->text && !from->text)
    {
      FeCsvDict *dict = &into->dict;
      g_autofree guint32 *remap = g_new (guint32, from->dict.n_entries);

      remap[0] = 0;
      for (guint e = 1; e < from->dict.n_entries; e++)
        {
          const FeCsvEntry *entry = &from->dict.entries[e];
          gboolean added;

          remap[e] = fe_csv_dict_intern (dict, fe_csv_dict_text (&from->dict, e), entry->length,
                                         entry->hash, into_rows + entry->first_row,
                                         entry->first, &added);
          dict->entries[remap[e]].count += entry->count;
        }
      into->ids = g_renew (guint32, into->ids, (gsize) into_rows + from_rows);
      for (guint r = 0; r < from_rows; r++)
        into->ids[into_rows + r] = remap[from->ids[r]];
      return;
    }

  if (!into->text)
    column_to_text (into, into_rows, into_rows, FE_CSV_HEAD_ROWS);
  if (!from->text)
    column_to_text (from, from_rows, from_rows, 0);
  if (from_rows > 0)
    {
      into->spans = g_renew (FeCsvSpan, into->spans, (gsize) into_rows + from_rows);
      memcpy (into->spans + into_rows, from->spans, (gsize) from_rows * sizeof (FeCsvSpan));
    }
  fe_csv_stats_merge (&into->stats, &from->stats);
}

static int
compare_by_first (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const guint32 *first = user_data;
  guint32 fa = first[*(const guint32 *) a], fb = first[*(const guint32 *) b];

  return fa < fb ? -1 : fa > fb;
}

void
fe_csv_column_build_listing (FeCsvColumn *column,
                             guint        first_row,
                             guint        n_stored)
{
  FeCsvDict *dict = &column->dict;
  g_autofree guint32 *counts = g_new (guint32, dict->n_entries);
  g_autofree guint32 *first = g_new (guint32, dict->n_entries);
  guint pending = 0;

  g_clear_pointer (&column->listed, g_free);
  g_clear_pointer (&column->position, g_free);
  g_clear_pointer (&column->listed_count, g_free);
  g_clear_pointer (&column->listed_first, g_free);

  for (guint e = 0; e < dict->n_entries; e++)
    {
      counts[e] = dict->entries[e].count;
      first[e] = dict->entries[e].first_row;
    }
  for (guint r = 0; r < first_row; r++)
    counts[column->ids[r]]--;
  /* Values first seen in a header row: where do the data rows first give them? */
  for (guint e = 1; e < dict->n_entries; e++)
    if (first[e] < first_row && counts[e] > 0)
      {
        first[e] = G_MAXUINT32;
        pending++;
      }
  for (guint r = first_row; r < n_stored && pending > 0; r++)
    if (first[column->ids[r]] == G_MAXUINT32)
      {
        first[column->ids[r]] = r;
        pending--;
      }

  column->listed = g_new (guint32, dict->n_entries);
  column->position = g_new (guint32, dict->n_entries);
  column->n_listed = 0;
  for (guint e = 1; e < dict->n_entries; e++)
    if (counts[e] > 0)
      column->listed[column->n_listed++] = e;
  g_qsort_with_data (column->listed, (gint) column->n_listed, sizeof (guint32), compare_by_first,
                     first);
  column->listed_count = g_new (guint32, MAX (column->n_listed, 1));
  column->listed_first = g_new (guint32, MAX (column->n_listed, 1));
  for (guint e = 0; e < dict->n_entries; e++)
    column->position[e] = G_MAXUINT32;
  for (guint i = 0; i < column->n_listed; i++)
    {
      guint32 e = column->listed[i];

      column->position[e] = i;
      column->listed_count[i] = counts[e];
      column->listed_first[i] = first[e] - first_row;
    }
}

gboolean
fe_csv_column_has_answers (const FeCsvColumn *column,
                           guint              n_stored)
{
  if (!column->text)
    return column->dict.n_entries > 1;
  if (column->stats.n_answered > 0)
    return TRUE;
  for (guint r = 0; r < n_stored; r++)
    if (FE_CSV_SPAN_LENGTH (column->spans[r].length) != 0)
      return TRUE;
  return FALSE;
}
