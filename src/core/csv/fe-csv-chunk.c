/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-csv-chunk.h"

#include <csv.h>
#include "fe-i18n.h"
#include <string.h>

#include "fe-csv-field.h"

/* How a part of a file is parsed.
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
 * one buffer (fe_text_decode()) and parsed the same way. */

/* libcsv's parser states (libcsv.c; csv.h has the field, not the names). */
#define LIBCSV_ROW_NOT_BEGUN 0
#define LIBCSV_FIELD_BEGUN 2

/* How often a thread looks at the cancellable and reports progress, in records. */
#define CHECK_EVERY 4096

static const FeCsvSpan empty_span = { 0, 0 };

void
fe_csv_chunk_init (FeCsvChunk  *chunk,
                   FeCsvLoader *loader,
                   gsize        start,
                   gsize        end,
                   gboolean     first)
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
  chunk->fields = g_new (FeCsvField, chunk->fields_size);
  chunk->texts_size = 1024;
  chunk->texts = g_malloc (chunk->texts_size);
}

/* A header line of millions of delimiters must give an error, not abort. */
gboolean
fe_csv_chunk_alloc_columns (FeCsvChunk *chunk,
                            guint       stride)
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

void
fe_csv_chunk_clear (FeCsvChunk *chunk)
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
chunk_grow_rows (FeCsvChunk *chunk,
                 gsize       parsed)
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
  FeCsvChunk *chunk = data;
  FeCsvField *f;

  if (G_UNLIKELY (chunk->n_fields == chunk->fields_size))
    {
      chunk->fields_size *= 2;
      chunk->fields = g_renew (FeCsvField, chunk->fields, chunk->fields_size);
    }
  if (G_UNLIKELY (chunk->texts_length + length + 1 > chunk->texts_size))
    {
      gsize size = MAX (chunk->texts_size * 2, chunk->texts_length + length + 1);
      char *texts = g_try_realloc (chunk->texts, size);

      /* An answer of gigabytes (a quote that never closes): an error once libcsv returns. */
      if (texts == NULL)
        {
          chunk->out_of_memory = TRUE;
          length = 0;
        }
      else
        {
          chunk->texts = texts;
          chunk->texts_size = size;
        }
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
  FeCsvChunk *chunk = data;

  chunk->record_ended = TRUE;
}

/* The field libcsv just gave ended at @raw_end: its answer is trimmed, and where to read it
 * again is the answer's own bytes if they are there as they are, else the field as written,
 * whose line ends the answer keeps as \n. */
static gboolean
finish_field (FeCsvChunk *chunk,
              gsize       raw_end)
{
  FeCsvField *f = &chunk->fields[chunk->n_fields - 1];
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
field_text (const FeCsvChunk *chunk,
            const FeCsvField *f)
{
  return chunk->texts + f->text;
}

static gboolean
record_is_blank (const FeCsvChunk *chunk,
                 guint             from)
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

static gboolean
take_header (FeCsvChunk *chunk)
{
  FeCsvLoader *loader = chunk->loader;
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
  if (!fe_csv_chunk_alloc_columns (chunk, table->stride))
    {
      fe_csv_set_too_wide_error (table, table->stride, &chunk->error);
      table->stride = 0;
      return FALSE;
    }
  chunk->header_taken = TRUE;
  if (loader->allow_split)
    fe_csv_loader_start_parts (loader, chunk);
  return TRUE;
}

/* Stores the record whose fields are parsed; FALSE with the chunk's error. */
static gboolean
end_record (FeCsvChunk *chunk)
{
  FeCsvLoader *loader = chunk->loader;
  FeCsvTable *table = loader->table;
  gsize record_offset = chunk->fields[0].raw_start;
  guint stride = table->stride;
  guint row = chunk->n_rows;

  /* Nothing in it (a blank line, or only delimiters): not a respondent. */
  if (record_is_blank (chunk, 0))
    return TRUE;
  if (chunk->skip_records > 0)
    {
      chunk->skip_records--;
      fe_csv_lines_add (&chunk->skipped, record_offset);
      return TRUE;
    }
  if (!chunk->header_taken)
    return take_header (chunk);
  if (chunk->n_fields > stride && !record_is_blank (chunk, stride))
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
      const FeCsvField *f = c < chunk->n_fields ? &chunk->fields[c] : NULL;

      if (f == NULL || f->length == 0)
        fe_csv_column_store_empty (&chunk->columns[c], row);
      else
        fe_csv_column_store (&chunk->columns[c], row, field_text (chunk, f), f->length, f->span,
                             chunk->rows_size, chunk->first ? FE_CSV_HEAD_ROWS : 0,
                             chunk->loader->dict_values);
    }
  chunk->row_offsets[chunk->n_rows++] = (guint32) record_offset;
  return TRUE;
}

static gboolean
chunk_should_stop (FeCsvChunk *chunk)
{
  FeCsvLoader *loader = chunk->loader;

  if (!chunk->first && g_atomic_int_get (&loader->stop))
    return TRUE;
  return loader->options != NULL && g_cancellable_is_cancelled (loader->options->cancellable);
}

void
fe_csv_loader_report_progress (FeCsvLoader *loader,
                               gboolean     force)
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
chunk_check (FeCsvChunk *chunk)
{
  if (++chunk->since_check < CHECK_EVERY)
    return TRUE;
  chunk->since_check = 0;
  g_atomic_pointer_set (&chunk->done, chunk->pos - chunk->start);
  if (chunk->first)
    fe_csv_loader_report_progress (chunk->loader, FALSE);
  if (chunk_should_stop (chunk))
    {
      chunk->status = FE_CSV_CHUNK_STOPPED;
      return FALSE;
    }
  return TRUE;
}

/* After a piece (or the end of the text at @field_end): the field and the record libcsv
 * ended there, if any. FALSE with the chunk's status set when it must stop. */
static gboolean
chunk_take_ended (FeCsvChunk *chunk,
                  gsize       field_end)
{
  gboolean stored;

  if (chunk->out_of_memory)
    {
      fe_csv_set_out_of_memory_error (chunk->loader->table, chunk->field_start, &chunk->error);
      chunk->status = FE_CSV_CHUNK_ERROR;
      return FALSE;
    }
  if (chunk->field_ended && !finish_field (chunk, field_end))
    {
      chunk->status = FE_CSV_CHUNK_ERROR;
      return FALSE;
    }
  if (!chunk->record_ended)
    return TRUE;
  stored = end_record (chunk);
  chunk->n_fields = 0;
  chunk->texts_length = 0;
  if (!stored)
    chunk->status = FE_CSV_CHUNK_ERROR;
  return stored;
}

/* Gives libcsv the text from the chunk's position up to @to (within the text at hand), one
 * piece per field. FALSE when the chunk must stop, with its status set. */
static gboolean
chunk_feed (FeCsvChunk *chunk,
            gsize       to)
{
  const guchar delim = (guchar) chunk->loader->table->delimiter;

  while (chunk->pos < MIN (to, chunk->end))
    {
      const guchar *p = chunk->buf + (chunk->pos - chunk->buf_offset);
      const guchar *end = chunk->buf + (MIN (to, chunk->end) - chunk->buf_offset);
      const guchar *cut = fe_csv_find_field_end (p, end, delim);
      gsize n = (gsize) ((cut < end ? cut + 1 : end) - p);

      chunk->field_ended = chunk->record_ended = FALSE;
      /* libcsv stops short when its own buffer cannot grow. */
      if (csv_parse (&chunk->parser, p, n, on_field, on_record, chunk) != n)
        chunk->out_of_memory = TRUE;
      chunk->pos += n;
      if (!chunk_take_ended (chunk, chunk->pos - 1))
        return FALSE;
      if (chunk->field_ended || chunk->parser.pstate == LIBCSV_ROW_NOT_BEGUN)
        chunk->field_start = chunk->pos;
      if (chunk->record_ended)
        {
          chunk->last_terminator = chunk->pos;
          if (!chunk_check (chunk))
            return FALSE;
        }
    }
  return TRUE;
}

/* The end of the text: a quote still open is an error; else the last record ends. */
static void
chunk_finish (FeCsvChunk *chunk)
{
  if (chunk->parser.pstate == LIBCSV_FIELD_BEGUN && chunk->parser.quoted)
    {
      chunk->status = FE_CSV_CHUNK_UNTERMINATED;
      return;
    }
  chunk->field_ended = chunk->record_ended = FALSE;
  csv_fini (&chunk->parser, on_field, on_record, chunk);
  if (chunk_take_ended (chunk, chunk->pos))
    chunk->status = FE_CSV_CHUNK_OK;
}

/* Reads the block from the chunk's position; FALSE with the chunk's error when the file
 * cannot be read as it was. */
static gboolean
chunk_read_block (FeCsvChunk *chunk,
                  gsize      *have)
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

void
fe_csv_chunk_parse (FeCsvChunk *chunk)
{
  FeCsvLoader *loader = chunk->loader;
  FeCsvSource *source = &loader->table->source;

  chunk->status = FE_CSV_CHUNK_OK;
  if (source->fd >= 0 && chunk->block == NULL)
    {
      chunk->block_size = loader->block_size;
      chunk->block = g_malloc (chunk->block_size);
    }
  while (chunk->pos < chunk->end)
    {
      gsize have, to;

      if (chunk_should_stop (chunk))
        {
          chunk->status = FE_CSV_CHUNK_STOPPED;
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
          chunk->status = FE_CSV_CHUNK_ERROR;
          return;
        }
      to = chunk->buf_offset + have;
      if (to < loader->length)
        {
          const guchar *start = chunk->buf + (chunk->pos - chunk->buf_offset);
          const guchar *safe = fe_csv_utf8_safe_end (start,
                                                     chunk->buf + (to - chunk->buf_offset));

          if (safe > start)
            to = chunk->buf_offset + (gsize) (safe - chunk->buf);
        }
      if (!fe_csv_is_utf8 (chunk->buf + (chunk->pos - chunk->buf_offset),
                           chunk->buf + (to - chunk->buf_offset)))
        {
          chunk->status = FE_CSV_CHUNK_CONVERT;
          return;
        }
      if (!chunk_feed (chunk, to))
        return;
      g_atomic_pointer_set (&chunk->done, chunk->pos - chunk->start);
      if (chunk->first)
        fe_csv_loader_report_progress (loader, FALSE);
    }
  if (chunk->end == loader->length)
    chunk_finish (chunk);
}

gboolean
fe_csv_chunk_between_records (const FeCsvChunk *chunk)
{
  return chunk->parser.pstate == LIBCSV_ROW_NOT_BEGUN;
}

guint
fe_csv_chunk_unterminated_line (const FeCsvChunk *chunk)
{
  FeCsvSource *source = &chunk->loader->table->source;

  if (chunk->n_fields > 0)
    return fe_csv_source_line_at (source, chunk->fields[0].raw_start);
  if (chunk->last_terminator > 0)
    return fe_csv_source_line_at (source, chunk->last_terminator - 1) + 1;
  return chunk->first ? 1 : 0;
}
