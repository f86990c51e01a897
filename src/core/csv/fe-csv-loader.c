/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-csv-chunk.h"
#include "fe-csv-table-private.h"

#include "fe-i18n.h"
#include <string.h>

#include "fe-csv-cut.h"
#include "fe-csv-sniff.h"

/* How a file is parsed: libcsv parses it in parts (fe-csv-chunk.c), one thread each.
 *
 * Threads: after the header, the rest of the text is cut into one part per core (at most 8)
 * at line ends that libcsv, reading the records that follow, takes to lie between records.
 * Each part has its own libcsv parser and per-column dictionaries, merged afterwards. A cut is
 * trusted only when the parser of the part before it ends there between records; otherwise
 * that parser parses on over the next part, whose work is dropped, so a wrong guess costs
 * time but never changes a result. */

#define DEFAULT_BLOCK_SIZE (4 * 1024 * 1024)
#define DEFAULT_SPLIT_MIN (4 * 1024 * 1024)


static gsize tuning_block_size = DEFAULT_BLOCK_SIZE;
static gsize tuning_split_min = DEFAULT_SPLIT_MIN;
static guint tuning_dict_values = FE_CSV_DICT_MAX_VALUES;
static guint tuning_n_chunks = 0;

void
fe_csv_table_set_tuning (gsize block_size,
                         gsize split_min,
                         guint dict_values,
                         guint n_chunks)
{
  tuning_block_size = block_size ? MAX (block_size, 16) : DEFAULT_BLOCK_SIZE;
  tuning_split_min = split_min ? split_min : DEFAULT_SPLIT_MIN;
  tuning_dict_values = dict_values ? dict_values : FE_CSV_DICT_MAX_VALUES;
  tuning_n_chunks = MIN (n_chunks, FE_CSV_MAX_CHUNKS);
}

static void
part_thread (gpointer data,
             gpointer user_data)
{
  FeCsvChunk *chunk = data;
  FeCsvLoader *loader = user_data;

  fe_csv_chunk_parse (chunk);
  g_mutex_lock (&loader->lock);
  g_atomic_int_inc (&loader->n_finished);
  g_cond_signal (&loader->cond);
  g_mutex_unlock (&loader->lock);
}

void
fe_csv_loader_start_parts (FeCsvLoader *loader,
                           FeCsvChunk  *chunk)
{
  gsize from = chunk->pos;
  gsize cuts[FE_CSV_MAX_CHUNKS + 1];
  guint n, k = 1;

  n = tuning_n_chunks ? tuning_n_chunks : MIN (g_get_num_processors (), FE_CSV_MAX_CHUNKS);
  n = (guint) MIN ((gsize) n, (loader->length - from) / tuning_split_min);
  if (n < 2)
    return;
  cuts[0] = from;
  for (guint i = 1; i < n; i++)
    {
      gsize target = from + (loader->length - from) / n * i;
      gsize cut;

      if (target <= cuts[k - 1])
        continue;
      cut = fe_csv_find_cut (&loader->table->source, loader->table->delimiter,
                             loader->table->stride, target);
      if (cut > cuts[k - 1] && cut < loader->length)
        cuts[k++] = cut;
    }
  if (k < 2)
    return;
  cuts[k] = loader->length;

  for (guint i = 1; i < k; i++)
    {
      FeCsvChunk *part = &loader->chunks[i];

      /* Without memory for another set of columns, fewer parts. */
      fe_csv_chunk_init (part, loader, cuts[i], cuts[i + 1], FALSE);
      if (!fe_csv_chunk_alloc_columns (part, loader->table->stride))
        {
          fe_csv_chunk_clear (part);
          k = i;
          break;
        }
    }
  if (k < 2)
    return;
  loader->chunks[k - 1].end = loader->length;
  chunk->end = cuts[1];
  loader->n_chunks = k;
  g_debug ("%s: %u parts from byte %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT,
           loader->table->name, k, from, loader->length);
  loader->pool = g_thread_pool_new (part_thread, loader, (gint) k - 1, FALSE, NULL);
  for (guint i = 1; i < k; i++)
    g_thread_pool_push (loader->pool, &loader->chunks[i], NULL);
}

/* Waits for the parts on the pool, reporting progress and passing on a cancellation. */
static void
loader_wait_parts (FeCsvLoader *loader)
{
  if (loader->pool == NULL)
    return;
  g_mutex_lock (&loader->lock);
  while ((guint) g_atomic_int_get (&loader->n_finished) + 1 < loader->n_chunks)
    {
      gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 30;

      g_cond_wait_until (&loader->cond, &loader->lock, until);
      g_mutex_unlock (&loader->lock);
      fe_csv_loader_report_progress (loader, FALSE);
      g_mutex_lock (&loader->lock);
    }
  g_mutex_unlock (&loader->lock);
  g_thread_pool_free (g_steal_pointer (&loader->pool), FALSE, TRUE);
}

/* Checks each cut from the parser of the part before it: where that parser ends inside a
 * record, it parses on over the next part, whose work is dropped. */
static void
loader_check_cuts (FeCsvLoader *loader)
{
  guint i = 0;

  while (i + 1 < loader->n_chunks)
    {
      FeCsvChunk *chunk = &loader->chunks[i];
      FeCsvChunk *next = &loader->chunks[i + 1];

      if (chunk->status != FE_CSV_CHUNK_OK)
        return;
      if (fe_csv_chunk_between_records (chunk))
        {
          i++;
          continue;
        }
      g_debug ("%s: no record ends at byte %" G_GSIZE_FORMAT "; its part is parsed again",
               loader->table->name, chunk->end);
      chunk->end = next->end;
      fe_csv_chunk_clear (next);
      memmove (next, next + 1, (loader->n_chunks - i - 2) * sizeof (FeCsvChunk));
      loader->n_chunks--;
      fe_csv_chunk_parse (chunk);
    }
}

/* Appends the other parts' rows to the first's. */
static void
loader_merge (FeCsvLoader *loader)
{
  FeCsvTable *table = loader->table;
  FeCsvChunk *first = &loader->chunks[0];

  for (guint i = 1; i < loader->n_chunks; i++)
    {
      FeCsvChunk *part = &loader->chunks[i];

      for (guint c = 0; c < table->stride; c++)
        fe_csv_column_merge (&first->columns[c], first->n_rows, &part->columns[c],
                             part->n_rows);
      if (part->n_rows > 0)
        {
          first->row_offsets = g_renew (guint32, first->row_offsets,
                                        (gsize) first->n_rows + part->n_rows);
          memcpy (first->row_offsets + first->n_rows, part->row_offsets,
                  (gsize) part->n_rows * sizeof (guint32));
          first->n_rows += part->n_rows;
        }
      fe_csv_lines_merge (&first->short_rows, &part->short_rows);
      if (part->last_terminator > 0)
        first->last_terminator = part->last_terminator;
      fe_csv_chunk_clear (part);
    }
  loader->n_chunks = 1;
}

/* ---------------------------------------------------------------------------------------- */
/* Parsing a table                                                                           */

/* A quoted answer that never closes, in chunk @index. */
static void
set_unterminated_error (FeCsvLoader  *loader,
                        guint         index,
                        GError      **error)
{
  guint line = 0;

  for (guint i = index + 1; i-- > 0 && line == 0;)
    line = fe_csv_chunk_unterminated_line (&loader->chunks[i]);
  fe_csv_set_unterminated_error (loader->table, line,
                                 loader->chunks[index].n_fields + 1, error);
}

/* Takes the parsed rows from the chunk into the table. */
static void
table_take_rows (FeCsvTable *table,
                 FeCsvChunk *chunk)
{
  table->n_stored = chunk->n_rows;
  table->columns = g_steal_pointer (&chunk->columns);
  table->row_offsets = g_steal_pointer (&chunk->row_offsets);
  for (guint c = 0; c < table->stride; c++)
    {
      FeCsvColumn *column = &table->columns[c];

      if (column->text)
        {
          /* Sorted once, so that whether the numbers are distinct is a look at neighbours. */
          GArray *numbers = column->stats.integers;
          gboolean sorted = TRUE;

          for (guint i = 1; i < numbers->len && sorted; i++)
            sorted = g_array_index (numbers, gint64, i - 1) <= g_array_index (numbers, gint64, i);
          if (!column->stats.not_integers && !sorted)
            g_array_sort (numbers, fe_csv_compare_int64);
        }
      else
        fe_csv_column_build_listing (column, 0, table->n_stored);
    }
}

FeCsvParseResult
fe_csv_parse_source (FeCsvTable          *table,
                     const char          *prefix,
                     gsize                prefix_length,
                     const FeCsvOptions  *options,
                     GError             **error)
{
  FeCsvLoader loader = { 0 };
  FeCsvChunk *first = &loader.chunks[0];
  FeCsvChunkStatus status = FE_CSV_CHUNK_OK;
  FeCsvParseResult result = FE_CSV_PARSE_ERROR;
  guint failed = 0;
  gint64 start = g_get_monotonic_time ();

  loader.table = table;
  loader.options = options;
  loader.length = table->source.length;
  loader.allow_split = TRUE;
  loader.block_size = tuning_block_size;
  loader.dict_values = tuning_dict_values;
  g_mutex_init (&loader.lock);
  g_cond_init (&loader.cond);

  table->delimiter = options != NULL && options->delimiter != '\0'
                     ? options->delimiter : fe_csv_sniff_delimiter (prefix, prefix_length);
  table->numbers_plain = options != NULL && options->numbers_plain;
  fe_csv_chunk_init (first, &loader, 0, loader.length, TRUE);
  loader.n_chunks = 1;
  first->skip_records = fe_csv_sniff_title_records (prefix, prefix_length, table->delimiter);

  fe_csv_chunk_parse (first);
  if (first->status != FE_CSV_CHUNK_OK)
    g_atomic_int_set (&loader.stop, 1);
  loader_wait_parts (&loader);
  g_debug ("%s: parts parsed at %.0f ms", table->name,
           (g_get_monotonic_time () - start) / 1000.0);
  loader_check_cuts (&loader);

  for (guint i = 0; i < loader.n_chunks && status == FE_CSV_CHUNK_OK; i++)
    {
      status = loader.chunks[i].status;
      failed = i;
    }
  switch (status)
    {
    case FE_CSV_CHUNK_UNTERMINATED:
      set_unterminated_error (&loader, failed, error);
      break;
    case FE_CSV_CHUNK_ERROR:
      g_propagate_error (error, g_steal_pointer (&loader.chunks[failed].error));
      break;
    case FE_CSV_CHUNK_STOPPED:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Loading was cancelled."));
      break;
    case FE_CSV_CHUNK_CONVERT:
      result = FE_CSV_PARSE_CONVERT;
      break;
    case FE_CSV_CHUNK_OK:
    default:
      if (!first->header_taken)
        {
          fe_csv_set_no_header_error (table, error);
          break;
        }
      loader_merge (&loader);
      table_take_rows (table, first);
      fe_csv_add_parse_warnings (table, &first->skipped, &first->short_rows);
      fe_csv_loader_report_progress (&loader, TRUE);
      g_debug ("%s: table ready at %.0f ms", table->name,
               (g_get_monotonic_time () - start) / 1000.0);
      result = FE_CSV_PARSE_OK;
      break;
    }

  for (guint i = 0; i < loader.n_chunks; i++)
    fe_csv_chunk_clear (&loader.chunks[i]);
  g_mutex_clear (&loader.lock);
  g_cond_clear (&loader.cond);
  return result;
}
