/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-csv-table-private.h"
#include "fe-csv-table-internal.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "fe-csv-cut.h"
#include "fe-csv-report.h"
#include "fe-csv-field.h"
#include "fe-csv-sniff.h"

/* How a file is parsed.
 *
 * libcsv (not strict: text after a closing quote continues the field, as real exports need)
 * reads every byte. It copies each field through a callback and does not say where the field
 * lies in the text, so the text is fed to it in pieces that end at each delimiter or line end:
 * a field can only end on the last byte of a piece, so after each call the driver knows where
 * the field that just ended was written. Answers too varied to keep as values (free text,
 * ids) keep that place, 8 bytes a cell, and are read again when shown: the bytes themselves
 * when they are the answer, or the field as written, which libcsv reads again alone
 * (fe_csv_decode_field()). A text arena would hold the 160 MB of a million respondents' open
 * answers; the places keep the headless load of such a file under 250 MiB.
 *
 * A UTF-8 file is read in blocks, never held whole; other encodings are converted once into
 * one buffer (fe_text_decode()) and parsed the same way.
 *
 * Threads: after the header, the rest of the text is cut into one part per core (at most 8)
 * at line ends that libcsv, reading the records that follow, takes to lie between records.
 * Each part has its own libcsv parser and per-column dictionaries, merged afterwards. A cut is
 * trusted only when the parser of the part before it ends there between records; otherwise
 * that parser parses on over the next part, whose work is dropped, so a wrong guess costs
 * time but never changes a result. */

/* libcsv's parser states (libcsv.c; csv.h has the field, not the names). */
#define LIBCSV_ROW_NOT_BEGUN 0
#define LIBCSV_FIELD_BEGUN 2

/* How often a thread looks at the cancellable and reports progress, in records. */
#define CHECK_EVERY 4096

#define MAX_CHUNKS 8
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
  tuning_n_chunks = MIN (n_chunks, MAX_CHUNKS);
}

static const FeCsvSpan empty_span = { 0, 0 };

/* ---------------------------------------------------------------------------------------- */
/* Parts of the file and their parsers                                                       */

typedef struct _Loader Loader;

typedef enum
{
  CHUNK_OK,
  CHUNK_ERROR,
  CHUNK_CONVERT,       /* not UTF-8, or NUL bytes: convert the text and parse it again */
  CHUNK_STOPPED,       /* cancelled, or no longer needed */
  CHUNK_UNTERMINATED,  /* a quote never closes: an error, told once all parts are done */
} ChunkStatus;

/* A field of the record being parsed. */
typedef struct
{
  guint32   text;       /* offset of its NUL-terminated text in the chunk's record */
  guint32   length;
  gsize     raw_start;  /* where it is written */
  FeCsvSpan span;       /* where its answer is read again */
} Field;

typedef struct
{
  Loader            *loader;
  gsize              start;
  gsize              end;          /* where this part stops: the next part's start, or the end */
  gsize              pos;          /* the next byte to give libcsv */
  gboolean           first;        /* it holds the header */
  struct csv_parser  parser;
  /* The record being parsed. */
  Field             *fields;
  guint              n_fields;
  guint              fields_size;
  char              *texts;        /* the texts of its fields, each NUL-terminated */
  gsize              texts_length;
  gsize              texts_size;
  gsize              field_start;  /* where the next field is written */
  gboolean           field_ended;  /* by the last piece */
  gboolean           record_ended;
  /* The rows. */
  guint              n_rows;
  gsize              rows_size;
  FeCsvColumn       *columns;
  guint32           *row_offsets;
  FeCsvLines         short_rows;
  FeCsvLines         skipped;
  gsize              last_terminator;  /* + 1, 0 when no record ended yet */
  guint              skip_records;
  gboolean           header_taken;
  guint              since_check;
  ChunkStatus        status;
  GError            *error;
  gsize              done;         /* bytes parsed, read by the thread that reports progress */
  const guchar      *buf;          /* the text at hand, from text offset buf_offset */
  gsize              buf_offset;
  guchar            *block;
  gsize              block_size;
} Chunk;

struct _Loader
{
  FeCsvTable         *table;
  const FeCsvOptions *options;
  gsize               length;
  guint               named_columns;
  Chunk               chunks[MAX_CHUNKS];
  guint               n_chunks;
  GThreadPool        *pool;
  gint                stop;         /* atomic: the other parts are no longer wanted */
  GMutex              lock;
  GCond               cond;
  gint                n_finished;   /* atomic: parts done on the pool */
  gint64              last_report;
  gboolean            allow_split;
};

static void
chunk_init (Chunk    *chunk,
            Loader   *loader,
            gsize     start,
            gsize     end,
            gboolean  first)
{
  memset (chunk, 0, sizeof *chunk);
  chunk->loader = loader;
  chunk->start = chunk->pos = chunk->field_start = start;
  chunk->end = end;
  chunk->first = first;
  chunk->header_taken = !first;
  csv_init (&chunk->parser, 0);
  csv_set_delim (&chunk->parser, (unsigned char) loader->table->delimiter);
  chunk->fields_size = 64;
  chunk->fields = g_new (Field, chunk->fields_size);
  chunk->texts_size = 1024;
  chunk->texts = g_malloc (chunk->texts_size);
}

/* FALSE when the columns do not fit in memory: a header line of millions of delimiters must
 * give an error, not abort. */
static gboolean
chunk_alloc_columns (Chunk *chunk,
                     guint  stride)
{
  /* The first rows of every column in 256 KiB, whatever the width: memory grows with the
   * file, not with its number of columns. */
  chunk->rows_size = CLAMP ((gsize) 65536 / MAX (stride, 1), 16, 1024);
  chunk->columns = g_try_new0 (FeCsvColumn, MAX (stride, 1));
  if (chunk->columns == NULL)
    return FALSE;
  for (guint c = 0; c < stride; c++)
    fe_csv_column_init (&chunk->columns[c], chunk->rows_size);
  chunk->row_offsets = g_new (guint32, chunk->rows_size);
  return TRUE;
}

static void
chunk_clear (Chunk *chunk)
{
  guint stride = chunk->loader->table->stride;

  for (guint c = 0; chunk->columns != NULL && c < stride; c++)
    fe_csv_column_clear (&chunk->columns[c]);
  g_clear_pointer (&chunk->columns, g_free);
  g_clear_pointer (&chunk->row_offsets, g_free);
  fe_csv_lines_clear (&chunk->short_rows);
  fe_csv_lines_clear (&chunk->skipped);
  g_clear_error (&chunk->error);
  if (chunk->fields != NULL)
    csv_free (&chunk->parser);
  g_clear_pointer (&chunk->fields, g_free);
  g_clear_pointer (&chunk->texts, g_free);
  g_clear_pointer (&chunk->block, g_free);
}

static void
chunk_grow_rows (Chunk *chunk,
                 gsize  parsed)
{
  guint stride = chunk->loader->table->stride;
  gsize rows = chunk->rows_size * 2;

  /* Rows to come at the size of those so far, so that the arrays rarely move again. */
  if (parsed > 0)
    rows = MAX (rows, (gsize) ((double) chunk->n_rows * (chunk->end - chunk->start) / parsed
                               * 1.05) + 1024);
  chunk->rows_size = rows;
  for (guint c = 0; c < stride; c++)
    fe_csv_column_grow (&chunk->columns[c], chunk->rows_size);
  chunk->row_offsets = g_renew (guint32, chunk->row_offsets, chunk->rows_size);
}

static void
on_field (void   *text,
          size_t  length,
          void   *data)
{
  Chunk *chunk = data;
  Field *f;

  if (G_UNLIKELY (chunk->n_fields == chunk->fields_size))
    {
      chunk->fields_size *= 2;
      chunk->fields = g_renew (Field, chunk->fields, chunk->fields_size);
    }
  if (G_UNLIKELY (chunk->texts_length + length + 1 > chunk->texts_size))
    {
      chunk->texts_size = MAX (chunk->texts_size * 2, chunk->texts_length + length + 1);
      chunk->texts = g_realloc (chunk->texts, chunk->texts_size);
    }
  f = &chunk->fields[chunk->n_fields++];
  f->text = (guint32) chunk->texts_length;
  f->length = (guint32) length;
  if (length > 0)
    memcpy (chunk->texts + chunk->texts_length, text, length);
  chunk->texts_length += length;
  chunk->field_ended = TRUE;
}

static void
on_record (int   terminator,
           void *data)
{
  Chunk *chunk = data;

  chunk->record_ended = TRUE;
}

/* The field libcsv just gave ended at @raw_end: its answer is trimmed, and where to read it
 * again is the answer's own bytes if they are there as they are, else the field as written,
 * whose line ends the answer keeps as \n. */
static gboolean
finish_field (Chunk *chunk,
              gsize  raw_end)
{
  Field *f = &chunk->fields[chunk->n_fields - 1];
  char *text = chunk->texts + f->text;
  gsize raw_start = chunk->field_start;
  gsize start = 0, length = f->length;

  while (start < length && fe_csv_is_blank ((guchar) text[start]))
    start++;
  while (length > start && fe_csv_is_blank ((guchar) text[length - 1]))
    length--;
  length -= start;
  if (start > 0)
    memmove (text, text + start, length);
  f->raw_start = raw_start;
  if (raw_end - raw_start > FE_CSV_MAX_CELL_BYTES)
    {
      fe_csv_set_too_large_error (chunk->loader->table, raw_start, &chunk->error);
      return FALSE;
    }
  f->span = empty_span;
  if (length > 0 && chunk->buf != NULL && raw_start >= chunk->buf_offset)
    {
      const guchar *p = chunk->buf + (raw_start - chunk->buf_offset);
      const guchar *end = chunk->buf + (raw_end - chunk->buf_offset);

      while (p < end && fe_csv_is_blank (*p))
        p++;
      while (end > p && fe_csv_is_blank (end[-1]))
        end--;
      if ((gsize) (end - p) == length && fe_csv_same_bytes ((const char *) p, text, length))
        {
          f->span.offset = (guint32) (chunk->buf_offset + (gsize) (p - chunk->buf));
          f->span.length = (guint32) length;
        }
    }
  if (length > 0 && f->span.length == 0)
    {
      length = fe_csv_normalize_line_ends (text, length);
      f->span.offset = (guint32) raw_start;
      f->span.length = (guint32) (raw_end - raw_start) | FE_CSV_SPAN_DECODE;
    }
  f->length = (guint32) length;
  text[length] = '\0';
  chunk->texts_length = f->text + length + 1;
  return TRUE;
}

static inline const char *
field_text (const Chunk *chunk,
            const Field *f)
{
  return chunk->texts + f->text;
}

static gboolean
record_fe_csv_is_blank (const Chunk *chunk,
                 guint        from)
{
  for (guint i = from; i < chunk->n_fields; i++)
    if (chunk->fields[i].length > 0)
      return FALSE;
  return TRUE;
}

static gboolean
header_looks_like_data (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const char *text = g_ptr_array_index (cells, i);
      char *end = NULL;

      if (*text == '\0')
        continue;
      g_ascii_strtod (text, &end);
      if (end == text || *end != '\0')
        return FALSE;
    }
  return TRUE;
}

static void loader_start_parts (Loader *loader, Chunk *chunk);

static gboolean
take_header (Chunk *chunk)
{
  Loader *loader = chunk->loader;
  FeCsvTable *table = loader->table;

  for (guint i = 0; i < chunk->n_fields; i++)
    g_ptr_array_add (table->header_cells, g_strdup (field_text (chunk, &chunk->fields[i])));
  if (header_looks_like_data (table->header_cells))
    {
      fe_csv_set_numbers_header_error (table, chunk->fields[0].raw_start, &chunk->error);
      return FALSE;
    }
  table->stride = chunk->n_fields;
  loader->named_columns = chunk->n_fields;
  while (loader->named_columns > 0
         && *(const char *) g_ptr_array_index (table->header_cells,
                                               loader->named_columns - 1) == '\0')
    loader->named_columns--;
  if (!chunk_alloc_columns (chunk, table->stride))
    {
      fe_csv_set_too_wide_error (table, table->stride, &chunk->error);
      table->stride = 0;
      return FALSE;
    }
  chunk->header_taken = TRUE;
  if (loader->allow_split)
    loader_start_parts (loader, chunk);
  return TRUE;
}

/* Stores the record whose fields are parsed; FALSE with the chunk's error. */
static gboolean
end_record (Chunk *chunk)
{
  Loader *loader = chunk->loader;
  FeCsvTable *table = loader->table;
  gsize record_offset = chunk->fields[0].raw_start;
  guint stride = table->stride;
  guint row = chunk->n_rows;

  /* Nothing in it (a blank line, or only delimiters): not a respondent. */
  if (record_fe_csv_is_blank (chunk, 0))
    return TRUE;
  if (chunk->skip_records > 0)
    {
      chunk->skip_records--;
      fe_csv_lines_add (&chunk->skipped, record_offset);
      return TRUE;
    }
  if (!chunk->header_taken)
    return take_header (chunk);
  if (chunk->n_fields > stride && !record_fe_csv_is_blank (chunk, stride))
    {
      fe_csv_set_ragged_error (table, record_offset, chunk->n_fields, stride, &chunk->error);
      return FALSE;
    }

  /* Too few fields: the missing answers are empty. Only worth a warning when a named column
   * goes without; a trailing delimiter on the header line alone is common. */
  if (chunk->n_fields < loader->named_columns)
    fe_csv_lines_add (&chunk->short_rows, record_offset);
  if (G_UNLIKELY (row == chunk->rows_size))
    chunk_grow_rows (chunk, record_offset - chunk->start);
  for (guint c = 0; c < stride; c++)
    {
      const Field *f = c < chunk->n_fields ? &chunk->fields[c] : NULL;

      if (f == NULL || f->length == 0)
        fe_csv_column_store_empty (&chunk->columns[c], row);
      else
        fe_csv_column_store (&chunk->columns[c], row, field_text (chunk, f), f->length, f->span,
                             chunk->rows_size, chunk->first ? FE_CSV_HEAD_ROWS : 0,
                             tuning_dict_values);
    }
  chunk->row_offsets[chunk->n_rows++] = (guint32) record_offset;
  return TRUE;
}

static gboolean
chunk_should_stop (Chunk *chunk)
{
  Loader *loader = chunk->loader;

  if (!chunk->first && g_atomic_int_get (&loader->stop))
    return TRUE;
  return loader->options != NULL && g_cancellable_is_cancelled (loader->options->cancellable);
}

static void
report_progress (Loader   *loader,
                 gboolean  force)
{
  gint64 now;
  gsize done = 0;

  if (loader->options == NULL || loader->options->progress == NULL)
    return;
  now = g_get_monotonic_time ();
  if (!force && now - loader->last_report < G_USEC_PER_SEC / 30)
    return;
  loader->last_report = now;
  for (guint i = 0; i < loader->n_chunks; i++)
    done += (gsize) g_atomic_pointer_get (&loader->chunks[i].done);
  loader->options->progress (loader->length ? MIN (1.0, (double) done / loader->length) : 1.0,
                             loader->options->progress_data);
}

/* After a record: progress, and whether to go on. */
static gboolean
chunk_check (Chunk *chunk)
{
  if (++chunk->since_check < CHECK_EVERY)
    return TRUE;
  chunk->since_check = 0;
  g_atomic_pointer_set (&chunk->done, chunk->pos - chunk->start);
  if (chunk->first)
    report_progress (chunk->loader, FALSE);
  if (chunk_should_stop (chunk))
    {
      chunk->status = CHUNK_STOPPED;
      return FALSE;
    }
  return TRUE;
}

/* Gives libcsv the text from the chunk's position up to @to (within the text at hand), one
 * piece per field. FALSE when the chunk must stop, with its status set. */
static gboolean
chunk_feed (Chunk *chunk,
            gsize  to)
{
  const guchar delim = (guchar) chunk->loader->table->delimiter;

  while (chunk->pos < MIN (to, chunk->end))
    {
      const guchar *p = chunk->buf + (chunk->pos - chunk->buf_offset);
      const guchar *end = chunk->buf + (MIN (to, chunk->end) - chunk->buf_offset);
      const guchar *cut = fe_csv_find_field_end (p, end, delim);
      gsize n = (gsize) ((cut < end ? cut + 1 : end) - p);

      chunk->field_ended = chunk->record_ended = FALSE;
      if (csv_parse (&chunk->parser, p, n, on_field, on_record, chunk) != n)
        {
          fe_csv_set_out_of_memory_error (chunk->loader->table, chunk->field_start,
                                          &chunk->error);
          chunk->status = CHUNK_ERROR;
          return FALSE;
        }
      chunk->pos += n;
      if (chunk->field_ended && !finish_field (chunk, chunk->pos - 1))
        {
          chunk->status = CHUNK_ERROR;
          return FALSE;
        }
      if (chunk->field_ended || chunk->parser.pstate == LIBCSV_ROW_NOT_BEGUN)
        chunk->field_start = chunk->pos;
      if (chunk->record_ended)
        {
          gboolean stored;

          chunk->last_terminator = chunk->pos;
          stored = end_record (chunk);
          chunk->n_fields = 0;
          chunk->texts_length = 0;
          if (!stored)
            {
              chunk->status = CHUNK_ERROR;
              return FALSE;
            }
          if (!chunk_check (chunk))
            return FALSE;
        }
    }
  return TRUE;
}

/* The end of the text: a quote still open is an error; else the last record ends. */
static void
chunk_finish (Chunk *chunk)
{
  if (chunk->parser.pstate == LIBCSV_FIELD_BEGUN && chunk->parser.quoted)
    {
      chunk->status = CHUNK_UNTERMINATED;
      return;
    }
  chunk->field_ended = chunk->record_ended = FALSE;
  csv_fini (&chunk->parser, on_field, on_record, chunk);
  if (chunk->field_ended && !finish_field (chunk, chunk->pos))
    {
      chunk->status = CHUNK_ERROR;
      return;
    }
  if (chunk->record_ended)
    {
      gboolean stored = end_record (chunk);

      chunk->n_fields = 0;
      chunk->texts_length = 0;
      if (!stored)
        {
          chunk->status = CHUNK_ERROR;
          return;
        }
    }
  chunk->status = CHUNK_OK;
}

/* Reads the block from the chunk's position; FALSE with the chunk's error when the file
 * cannot be read as it was. */
static gboolean
chunk_read_block (Chunk *chunk,
                  gsize *have)
{
  FeCsvSource *source = &chunk->loader->table->source;
  gsize want = MIN (chunk->end - chunk->pos, chunk->block_size);
  int saved_errno;

  if (!fe_csv_source_pread (source, (char *) chunk->block, chunk->pos, want, &saved_errno))
    {
      if (saved_errno != 0)
        fe_csv_set_io_error (&chunk->error, chunk->loader->table->name, saved_errno);
      else
        fe_csv_set_changed_error (&chunk->error, chunk->loader->table->name);
      return FALSE;
    }
  chunk->buf = chunk->block;
  chunk->buf_offset = chunk->pos;
  *have = want;
  return TRUE;
}

/* Parses the chunk from its position to its end (and the end of the text, when it is there). */
static void
chunk_parse (Chunk *chunk)
{
  Loader *loader = chunk->loader;
  FeCsvSource *source = &loader->table->source;

  chunk->status = CHUNK_OK;
  if (source->fd >= 0 && chunk->block == NULL)
    {
      chunk->block_size = tuning_block_size;
      chunk->block = g_malloc (chunk->block_size);
    }
  while (chunk->pos < chunk->end)
    {
      gsize have, to;

      if (chunk_should_stop (chunk))
        {
          chunk->status = CHUNK_STOPPED;
          return;
        }
      if (source->fd < 0)
        {
          chunk->buf = (const guchar *) source->memory;
          chunk->buf_offset = 0;
          have = chunk->end;
        }
      else if (!chunk_read_block (chunk, &have))
        {
          chunk->status = CHUNK_ERROR;
          return;
        }
      to = chunk->buf_offset + have;
      if (to < loader->length)
        {
          const guchar *start = chunk->buf + (chunk->pos - chunk->buf_offset);
          const guchar *safe = fe_csv_utf8_safe_end (start, chunk->buf + (to - chunk->buf_offset));

          if (safe > start)
            to = chunk->buf_offset + (gsize) (safe - chunk->buf);
        }
      if (!fe_csv_is_utf8 (chunk->buf + (chunk->pos - chunk->buf_offset),
                    chunk->buf + (to - chunk->buf_offset)))
        {
          chunk->status = CHUNK_CONVERT;
          return;
        }
      if (!chunk_feed (chunk, to))
        return;
      g_atomic_pointer_set (&chunk->done, chunk->pos - chunk->start);
      if (chunk->first)
        report_progress (loader, FALSE);
    }
  if (chunk->end == loader->length)
    chunk_finish (chunk);
}

static void
part_thread (gpointer data,
             gpointer user_data)
{
  Chunk *chunk = data;
  Loader *loader = user_data;

  chunk_parse (chunk);
  g_mutex_lock (&loader->lock);
  g_atomic_int_inc (&loader->n_finished);
  g_cond_signal (&loader->cond);
  g_mutex_unlock (&loader->lock);
}

/* Once the header is read: cuts the rest into parts and starts a thread for each but the
 * first, which the header's chunk parses. */
static void
loader_start_parts (Loader *loader,
                    Chunk  *chunk)
{
  gsize from = chunk->pos;
  gsize cuts[MAX_CHUNKS + 1];
  guint n, k = 1;

  n = tuning_n_chunks ? tuning_n_chunks : MIN (g_get_num_processors (), MAX_CHUNKS);
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
      Chunk *part = &loader->chunks[i];

      /* Without memory for another set of columns, fewer parts. */
      chunk_init (part, loader, cuts[i], cuts[i + 1], FALSE);
      if (!chunk_alloc_columns (part, loader->table->stride))
        {
          chunk_clear (part);
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
loader_wait_parts (Loader *loader)
{
  if (loader->pool == NULL)
    return;
  g_mutex_lock (&loader->lock);
  while ((guint) g_atomic_int_get (&loader->n_finished) + 1 < loader->n_chunks)
    {
      gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 30;

      g_cond_wait_until (&loader->cond, &loader->lock, until);
      g_mutex_unlock (&loader->lock);
      report_progress (loader, FALSE);
      g_mutex_lock (&loader->lock);
    }
  g_mutex_unlock (&loader->lock);
  g_thread_pool_free (g_steal_pointer (&loader->pool), FALSE, TRUE);
}

/* Checks each cut from the parser of the part before it: where that parser ends inside a
 * record, it parses on over the next part, whose work is dropped. */
static void
loader_check_cuts (Loader *loader)
{
  guint i = 0;

  while (i + 1 < loader->n_chunks)
    {
      Chunk *chunk = &loader->chunks[i];
      Chunk *next = &loader->chunks[i + 1];

      if (chunk->status != CHUNK_OK)
        return;
      if (chunk->parser.pstate == LIBCSV_ROW_NOT_BEGUN)
        {
          i++;
          continue;
        }
      g_debug ("%s: no record ends at byte %" G_GSIZE_FORMAT "; its part is parsed again",
               loader->table->name, chunk->end);
      chunk->end = next->end;
      chunk_clear (next);
      memmove (next, next + 1, (loader->n_chunks - i - 2) * sizeof (Chunk));
      loader->n_chunks--;
      chunk_parse (chunk);
    }
}

/* Appends the other parts' rows to the first's. */
static void
loader_merge (Loader *loader)
{
  FeCsvTable *table = loader->table;
  Chunk *first = &loader->chunks[0];

  for (guint i = 1; i < loader->n_chunks; i++)
    {
      Chunk *part = &loader->chunks[i];

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
      chunk_clear (part);
    }
  loader->n_chunks = 1;
}

/* ---------------------------------------------------------------------------------------- */
/* Parsing a table                                                                           */

/* Where a quoted answer that never closes starts: the line of its row when fields come before
 * it in the row, else the line after the last row's end (blank lines may lie between). */
static void
set_unterminated_error (Loader *loader,
                        guint   index,
                        GError **error)
{
  FeCsvTable *table = loader->table;
  Chunk *chunk = &loader->chunks[index];
  gsize last_terminator = 0;
  guint line = 1;

  for (guint i = index + 1; i-- > 0 && last_terminator == 0;)
    last_terminator = loader->chunks[i].last_terminator;
  if (chunk->n_fields > 0)
    line = fe_csv_source_line_at (&table->source, chunk->fields[0].raw_start);
  else if (last_terminator > 0)
    line = fe_csv_source_line_at (&table->source, last_terminator - 1) + 1;
  fe_csv_set_unterminated_error (table, line, chunk->n_fields + 1, error);
}

/* Takes the parsed rows from the chunk into the table. */
static void
table_take_rows (FeCsvTable *table,
                 Chunk      *chunk)
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
  Loader loader = { 0 };
  Chunk *first = &loader.chunks[0];
  ChunkStatus status = CHUNK_OK;
  FeCsvParseResult result = FE_CSV_PARSE_ERROR;
  guint failed = 0;
  gint64 start = g_get_monotonic_time ();

  loader.table = table;
  loader.options = options;
  loader.length = table->source.length;
  loader.allow_split = TRUE;
  g_mutex_init (&loader.lock);
  g_cond_init (&loader.cond);

  table->delimiter = options != NULL && options->delimiter != '\0'
                     ? options->delimiter : fe_csv_sniff_delimiter (prefix, prefix_length);
  chunk_init (first, &loader, 0, loader.length, TRUE);
  loader.n_chunks = 1;
  first->skip_records = fe_csv_sniff_title_records (prefix, prefix_length, table->delimiter);

  chunk_parse (first);
  if (first->status != CHUNK_OK)
    g_atomic_int_set (&loader.stop, 1);
  loader_wait_parts (&loader);
  g_debug ("%s: parts parsed at %.0f ms", table->name,
           (g_get_monotonic_time () - start) / 1000.0);
  loader_check_cuts (&loader);

  for (guint i = 0; i < loader.n_chunks && status == CHUNK_OK; i++)
    {
      status = loader.chunks[i].status;
      failed = i;
    }
  switch (status)
    {
    case CHUNK_UNTERMINATED:
      set_unterminated_error (&loader, failed, error);
      break;
    case CHUNK_ERROR:
      g_propagate_error (error, g_steal_pointer (&loader.chunks[failed].error));
      break;
    case CHUNK_STOPPED:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Loading was cancelled."));
      break;
    case CHUNK_CONVERT:
      result = FE_CSV_PARSE_CONVERT;
      break;
    case CHUNK_OK:
    default:
      if (!first->header_taken)
        {
          fe_csv_set_no_header_error (table, error);
          break;
        }
      loader_merge (&loader);
      table_take_rows (table, first);
      fe_csv_add_parse_warnings (table, &first->skipped, &first->short_rows);
      report_progress (&loader, TRUE);
      g_debug ("%s: table ready at %.0f ms", table->name,
               (g_get_monotonic_time () - start) / 1000.0);
      result = FE_CSV_PARSE_OK;
      break;
    }

  for (guint i = 0; i < loader.n_chunks; i++)
    chunk_clear (&loader.chunks[i]);
  g_mutex_clear (&loader.lock);
  g_cond_clear (&loader.cond);
  return result;
}
