/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-csv-table.h"
#include "fe-csv-table-private.h"
#include "fe-csv-table-internal.h"

#include "fe-i18n.h"
#include <string.h>

#include "fe-csv-sniff.h"
#include "fe-text-decode.h"

/* A table is parsed by libcsv (fe-csv-loader.c, fe-csv-chunk.c) from a source (fe-csv-source.c) into columns
 * (fe-csv-column.c); this file opens and finishes tables and reads their cells. */

G_DEFINE_QUARK (fe-csv-error-quark, fe_csv_error)

/* An unnamed column with nothing in it (a trailing delimiter on every line) is not a question.
 * Only trailing ones are left out, so that column numbers stay those of the file. */
static void
drop_empty_trailing_columns (FeCsvTable *table)
{
  table->n_columns = table->stride;
  while (table->n_columns > 1)
    {
      guint c = table->n_columns - 1;

      if (*(const char *) g_ptr_array_index (table->header_cells, c) != '\0'
          || fe_csv_column_has_answers (&table->columns[c], table->n_stored))
        break;
      table->n_columns--;
    }
}

static void
name_columns (FeCsvTable *table)
{
  for (guint c = 0; c < table->n_columns; c++)
    {
      const char *name = g_ptr_array_index (table->header_cells, c);

      if (*name == '\0')
        g_ptr_array_add (table->header, g_strdup_printf (_("Column %u"), c + 1));
      else
        g_ptr_array_add (table->header, g_strdup (name));
    }
}

static FeCsvTable *
table_new (const char *display_name)
{
  FeCsvTable *table = g_new0 (FeCsvTable, 1);

  table->name = g_strdup (display_name);
  table->delimiter = ',';
  table->header = g_ptr_array_new_with_free_func (g_free);
  table->header_cells = g_ptr_array_new_with_free_func (g_free);
  table->warnings = g_ptr_array_new_with_free_func (g_free);
  fe_csv_source_init (&table->source);
  table->cache = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  return table;
}

/* Parses the table's source; with what the header says of its columns once it is parsed. */
static FeCsvParseResult
table_parse (FeCsvTable          *table,
             const char          *prefix,
             gsize                prefix_length,
             const FeCsvOptions  *options,
             GError             **error)
{
  FeCsvParseResult result = fe_csv_parse_source (table, prefix, prefix_length, options, error);

  if (result == FE_CSV_PARSE_OK)
    {
      drop_empty_trailing_columns (table);
      name_columns (table);
    }
  return result;
}

/* Resets a table whose parse must start again on converted text. */
static void
table_reset (FeCsvTable *table)
{
  for (guint c = 0; table->columns != NULL && c < table->stride; c++)
    fe_csv_column_clear (&table->columns[c]);
  g_clear_pointer (&table->columns, g_free);
  g_clear_pointer (&table->row_offsets, g_free);
  g_ptr_array_set_size (table->header, 0);
  g_ptr_array_set_size (table->header_cells, 0);
  g_ptr_array_set_size (table->warnings, 0);
  table->stride = table->n_columns = table->n_stored = 0;
}

/* Decodes @data (any encoding) into text the table owns and parses it. */
static FeCsvTable *
table_decode_and_parse (FeCsvTable          *table_owned,
                        const char          *data,
                        gsize                length,
                        gboolean             data_is_ours,
                        const FeCsvOptions  *options,
                        GError             **error)
{
  g_autoptr(FeCsvTable) table = table_owned;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  char *converted = NULL;
  const char *text;
  gsize text_length = 0;
  char *owned;

  text = fe_text_decode (table->name, data, length, &text_length, &converted, warnings, error);
  if (text == NULL)
    {
      if (data_is_ours)
        g_free ((char *) data);
      return NULL;
    }
  if (text_length > FE_CSV_MAX_TEXT_BYTES)
    {
      g_free (converted);
      if (data_is_ours)
        g_free ((char *) data);
      g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_TOO_LARGE,
                   _("%s, line 1: the file is larger than Findings Explorer can hold (4 GiB of "
                     "text). Split it into smaller files."),
                   table->name);
      return NULL;
    }
  if (converted != NULL)
    owned = converted;
  else if (data_is_ours && text == data)
    owned = (char *) data;
  else
    {
      /* The caller's bytes need not end in a NUL. */
      owned = g_malloc (text_length + 1);
      memcpy (owned, text, text_length);
      owned[text_length] = '\0';
    }
  if (owned != data && data_is_ours)
    g_free ((char *) data);

  table_reset (table);
  table->source.memory = owned;
  table->source.length = text_length;
  {
    FeCsvParseResult result = table_parse (table, owned,
                                           MIN (text_length, (gsize) FE_CSV_PRESCAN_BYTES),
                                           options, error);

    g_assert (result != FE_CSV_PARSE_CONVERT);
    if (result != FE_CSV_PARSE_OK)
      return NULL;
  }
  /* The decoder's repairs come first, as they happened first. */
  for (guint i = 0; i < warnings->len; i++)
    g_ptr_array_insert (table->warnings, (gint) i, g_strdup (g_ptr_array_index (warnings, i)));
  return g_steal_pointer (&table);
}

FeCsvTable *
fe_csv_table_parse_full (const char          *display_name,
                         const char          *data,
                         gsize                length,
                         const FeCsvOptions  *options,
                         GError             **error)
{
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  return table_decode_and_parse (table_new (display_name), data ? data : "", length, FALSE,
                                 options, error);
}

FeCsvTable *
fe_csv_table_parse_take (const char          *display_name,
                         char                *data,
                         gsize                length,
                         const FeCsvOptions  *options,
                         GError             **error)
{
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  return table_decode_and_parse (table_new (display_name), data, length, TRUE, options, error);
}

FeCsvTable *
fe_csv_table_parse (const char  *display_name,
                    const char  *data,
                    gsize        length,
                    GError     **error)
{
  return fe_csv_table_parse_full (display_name, data, length, NULL, error);
}

FeCsvTable *
fe_csv_table_load_full (const char          *path,
                        const FeCsvOptions  *options,
                        GError             **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(FeCsvTable) table = NULL;
  g_autofree char *prefix = NULL;
  FeCsvSource *source;
  gsize size, prefix_length, bom = 0;
  gboolean convert = FALSE;
  int saved_errno;
  FeCsvParseResult result;

  g_return_val_if_fail (path != NULL, NULL);

  display_name = g_path_get_basename (path);
  table = table_new (display_name);
  source = &table->source;
  if (!fe_csv_source_open (source, path, display_name, error))
    return NULL;

  size = (gsize) source->st.st_size;
  prefix_length = MIN (size, (gsize) FE_CSV_PRESCAN_BYTES + 3);
  prefix = g_malloc (prefix_length + 1);
  if (prefix_length > 0 && !fe_csv_source_pread (source, prefix, 0, prefix_length, &saved_errno))
    return saved_errno != 0 ? (fe_csv_set_io_error (error, display_name, saved_errno), NULL)
                            : (fe_csv_set_changed_error (error, display_name), NULL);
  prefix[prefix_length] = '\0';
  if (!fe_text_sniff (display_name, prefix, prefix_length, &bom, &convert, error))
    return NULL;

  if (!convert)
    {
      g_autoptr(GError) local_error = NULL;

      source->base = bom;
      source->length = size - bom;
      result = table_parse (table, prefix + bom, prefix_length - bom, options, &local_error);
      /* What was read is only worth an answer or an error if it is the whole file. */
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          && !fe_csv_source_unchanged (source))
        return (fe_csv_set_changed_error (error, display_name), NULL);
      if (result == FE_CSV_PARSE_OK)
        return g_steal_pointer (&table);
      if (result != FE_CSV_PARSE_CONVERT)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  /* Not UTF-8 as it is: converted once, into one buffer. */
  {
    char *contents = NULL;

    if (!fe_csv_source_read_whole (source, display_name, &contents, error))
      return NULL;
    close (source->fd);
    source->fd = -1;
    source->base = 0;
    return table_decode_and_parse (g_steal_pointer (&table), contents, size, TRUE, options,
                                   error);
  }
}

FeCsvTable *
fe_csv_table_load (const char  *path,
                   GError     **error)
{
  return fe_csv_table_load_full (path, NULL, error);
}

/* ---------------------------------------------------------------------------------------- */
/* Tables built in code                                                                      */

FeCsvTable *
fe_csv_table_new (const char         *display_name,
                  const char * const *header)
{
  FeCsvTable *table;
  guint n;

  g_return_val_if_fail (display_name != NULL && header != NULL, NULL);

  table = table_new (display_name);
  table->built = TRUE;
  table->built_text = g_string_new (NULL);
  table->source.memory = table->built_text->str;
  n = g_strv_length ((char **) header);
  for (guint c = 0; c < n; c++)
    {
      g_autoptr(GString) cell = g_string_new (header[c]);

      fe_csv_tidy_cell (cell, 0);
      g_ptr_array_add (table->header_cells, g_strdup (cell->str));
    }
  table->stride = n;
  table->n_columns = n;
  table->columns = g_new0 (FeCsvColumn, MAX (n, 1));
  for (guint c = 0; c < n; c++)
    fe_csv_column_init_text (&table->columns[c]);
  name_columns (table);
  return table;
}

void
fe_csv_table_append_row (FeCsvTable         *table,
                         const char * const *cells,
                         guint               line)
{
  GString *text;

  g_return_if_fail (table != NULL && cells != NULL);
  g_return_if_fail (table->built);

  text = table->built_text;
  for (guint c = 0; c < table->stride; c++)
    {
      FeCsvColumn *column = &table->columns[c];
      gsize from = text->len;
      FeCsvSpan span;

      g_string_append (text, cells[c]);
      fe_csv_tidy_cell (text, from);
      span.offset = (guint32) from;
      span.length = (guint32) (text->len - from);
      column->spans = g_renew (FeCsvSpan, column->spans, (gsize) table->n_stored + 1);
      column->spans[table->n_stored] = span;
      fe_csv_stats_add (&column->stats, text->str + from, span.length, 1);
    }
  table->source.length = text->len;
  table->source.memory = text->str;
  table->lines = g_renew (guint, table->lines, (gsize) table->n_stored + 1);
  table->lines[table->n_stored] = line;
  table->n_stored++;
}

void
fe_csv_table_free (FeCsvTable *table)
{
  if (table == NULL)
    return;

  g_free (table->name);
  g_ptr_array_unref (table->header);
  g_ptr_array_unref (table->header_cells);
  for (guint c = 0; table->columns != NULL && c < table->stride; c++)
    fe_csv_column_clear (&table->columns[c]);
  g_free (table->columns);
  g_free (table->row_offsets);
  g_free (table->lines);
  g_ptr_array_unref (table->warnings);
  if (table->built_text != NULL)
    g_string_free (table->built_text, TRUE);
  else
    g_free (table->source.memory);
  fe_csv_source_clear (&table->source);
  g_hash_table_unref (table->cache);
  g_free (table);
}

/* ---------------------------------------------------------------------------------------- */
/* Reading cells                                                                             */

const char *
fe_csv_table_get_name (const FeCsvTable *table)
{
  return table->name;
}

guint
fe_csv_table_get_n_columns (const FeCsvTable *table)
{
  return table->n_columns;
}

guint
fe_csv_table_get_n_rows (const FeCsvTable *table)
{
  return table->n_stored - table->first_row;
}

const char *
fe_csv_table_get_header (const FeCsvTable *table,
                         guint             column)
{
  g_return_val_if_fail (column < table->n_columns, NULL);
  return g_ptr_array_index (table->header, column);
}

/* Reads the text of a stored cell into @out. Call with the source's lock held. */
static const char *
read_stored_cell (FeCsvTable *table,
                  guint       stored_row,
                  guint       column,
                  GString    *out)
{
  const FeCsvColumn *col = &table->columns[column];
  FeCsvSpan span;

  if (!col->text)
    return fe_csv_dict_text (&col->dict, col->ids[stored_row]);
  span = col->spans[stored_row];
  g_string_truncate (out, 0);
  if (FE_CSV_SPAN_LENGTH (span.length) == 0)
    return "";
  if ((span.length & FE_CSV_SPAN_DECODE) == 0)
    {
      if (!fe_csv_source_append (&table->source, span.offset, span.length, out))
        g_string_truncate (out, 0);
      return out->str;
    }
  {
    g_autoptr(GString) raw = g_string_new (NULL);

    if (fe_csv_source_append (&table->source, span.offset, FE_CSV_SPAN_LENGTH (span.length),
                              raw))
      fe_csv_decode_field (raw->str, raw->len, table->delimiter, out);
  }
  return out->str;
}

static const char *
get_stored_cell (const FeCsvTable *const_table,
                 guint             stored_row,
                 guint             column)
{
  /* The cache is filled on demand, behind a const table. */
  FeCsvTable *table = (FeCsvTable *) const_table;
  const FeCsvColumn *col = &table->columns[column];
  gpointer key;
  char *text;

  if (!col->text)
    return fe_csv_dict_text (&col->dict, col->ids[stored_row]);
  if (FE_CSV_SPAN_LENGTH (col->spans[stored_row].length) == 0)
    return "";

  key = GSIZE_TO_POINTER ((gsize) stored_row * table->stride + column);
  g_mutex_lock (&table->source.lock);
  text = g_hash_table_lookup (table->cache, key);
  if (text == NULL)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      read_stored_cell (table, stored_row, column, out);
      /* A read that failed (the file changed) is not kept: it is not the answer. */
      if (out->len == 0)
        {
          g_mutex_unlock (&table->source.lock);
          return "";
        }
      text = g_string_free (g_steal_pointer (&out), FALSE);
      g_hash_table_insert (table->cache, key, text);
    }
  g_mutex_unlock (&table->source.lock);
  return text;
}

const char *
fe_csv_table_get_cell (const FeCsvTable *table,
                       guint             row,
                       guint             column)
{
  g_return_val_if_fail (row < fe_csv_table_get_n_rows (table) && column < table->n_columns,
                        NULL);
  return get_stored_cell (table, table->first_row + row, column);
}

const char *
fe_csv_table_read_cell (const FeCsvTable *const_table,
                        guint             row,
                        guint             column,
                        GString          *scratch)
{
  FeCsvTable *table = (FeCsvTable *) const_table;
  const char *text;

  g_return_val_if_fail (row < fe_csv_table_get_n_rows (table) && column < table->n_columns,
                        NULL);
  g_return_val_if_fail (scratch != NULL, NULL);

  if (!table->columns[column].text)
    return fe_csv_dict_text (&table->columns[column].dict,
                      table->columns[column].ids[table->first_row + row]);
  g_mutex_lock (&table->source.lock);
  text = read_stored_cell (table, table->first_row + row, column, scratch);
  g_mutex_unlock (&table->source.lock);
  return text;
}

gboolean
fe_csv_table_check_source (const FeCsvTable  *const_table,
                           GError           **error)
{
  FeCsvTable *table = (FeCsvTable *) const_table;
  gboolean changed;

  g_mutex_lock (&table->source.lock);
  if (!table->source.changed && !fe_csv_source_unchanged (&table->source))
    table->source.changed = TRUE;
  changed = table->source.changed;
  g_mutex_unlock (&table->source.lock);
  if (changed)
    g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_CHANGED,
                 _("%s: the file changed on disk after it was opened, so its open answers can "
                   "no longer be read from it. Open it again (Reload) to see the file as it is "
                   "now."),
                 table->name);
  return !changed;
}

const char *
fe_csv_table_read_cell_checked (const FeCsvTable  *table,
                                guint              row,
                                guint              column,
                                GString           *scratch,
                                GError           **error)
{
  const char *text = fe_csv_table_read_cell (table, row, column, scratch);

  /* An answer that was there when the file was loaded cannot read back empty. */
  if (*text == '\0' && !fe_csv_table_cell_is_empty (table, row, column))
    {
      if (!fe_csv_table_check_source (table, error))
        return NULL;
    }
  return text;
}

gboolean
fe_csv_table_cell_is_empty (const FeCsvTable *table,
                            guint             row,
                            guint             column)
{
  const FeCsvColumn *col;

  g_return_val_if_fail (row < fe_csv_table_get_n_rows (table) && column < table->n_columns,
                        TRUE);
  col = &table->columns[column];
  if (!col->text)
    return col->ids[table->first_row + row] == 0;
  return FE_CSV_SPAN_LENGTH (col->spans[table->first_row + row].length) == 0;
}

guint
fe_csv_table_get_n_values (const FeCsvTable *table,
                           guint             column)
{
  g_return_val_if_fail (column < table->n_columns, 0);
  return table->columns[column].text ? G_MAXUINT : table->columns[column].n_listed;
}

const char *
fe_csv_table_get_value (const FeCsvTable *table,
                        guint             column,
                        guint             value,
                        guint            *count,
                        guint            *first_row)
{
  const FeCsvColumn *col;

  g_return_val_if_fail (column < table->n_columns, NULL);
  col = &table->columns[column];
  g_return_val_if_fail (!col->text && value < col->n_listed, NULL);
  if (count != NULL)
    *count = col->listed_count[value];
  if (first_row != NULL)
    *first_row = col->listed_first[value];
  return fe_csv_dict_text (&col->dict, col->listed[value]);
}

const guint32 *
fe_csv_table_peek_values (const FeCsvTable  *table,
                          guint              column,
                          const guint32    **position)
{
  const FeCsvColumn *col = &table->columns[column];

  g_return_val_if_fail (column < table->n_columns && !col->text, NULL);
  *position = col->position;
  return col->ids + table->first_row;
}

void
fe_csv_table_mark_answered (const FeCsvTable *table,
                            guint             column,
                            guint64          *words)
{
  const FeCsvColumn *col = &table->columns[column];
  guint n_rows = fe_csv_table_get_n_rows (table);

  g_return_if_fail (column < table->n_columns);
  if (!col->text)
    {
      const guint32 *ids = col->ids + table->first_row;

      for (guint r = 0; r < n_rows; r++)
        words[r / 64] |= (guint64) (ids[r] != 0) << (r % 64);
    }
  else
    {
      const FeCsvSpan *spans = col->spans + table->first_row;

      for (guint r = 0; r < n_rows; r++)
        words[r / 64] |= (guint64) (FE_CSV_SPAN_LENGTH (spans[r].length) != 0) << (r % 64);
    }
}

guint
fe_csv_table_get_value_index (const FeCsvTable *table,
                              guint             row,
                              guint             column)
{
  const FeCsvColumn *col = &table->columns[column];
  guint32 id;

  g_return_val_if_fail (row < fe_csv_table_get_n_rows (table) && column < table->n_columns,
                        G_MAXUINT);
  if (col->text)
    return G_MAXUINT;
  id = col->ids[table->first_row + row];
  return id == 0 ? G_MAXUINT : col->position[id];
}

void
fe_csv_table_get_text_stats (const FeCsvTable *table,
                             guint             column,
                             FeCsvTextStats   *out)
{
  const FeCsvColumn *col;
  const FeCsvStats *stats;
  FeCsvStats head;
  gboolean distinct = TRUE;

  memset (out, 0, sizeof *out);
  g_return_if_fail (column < table->n_columns);
  col = &table->columns[column];
  g_return_if_fail (col->text);
  stats = &col->stats;

  /* The head rows that are data rows. */
  fe_csv_stats_init (&head);
  for (guint r = table->first_row; r < FE_CSV_HEAD_ROWS; r++)
    if (col->head[r] != NULL)
      fe_csv_stats_add (&head, col->head[r], strlen (col->head[r]), 1);

  out->n_answered = stats->n_answered + head.n_answered;
  if (!stats->not_integers && !head.not_integers)
    {
      GArray *all = stats->integers;

      out->n_integers = out->n_answered;
      out->min_integer = MIN (stats->min_integer, head.min_integer);
      out->max_integer = MAX (stats->max_integer, head.max_integer);
      for (guint i = 1; i < all->len && distinct; i++)
        distinct = g_array_index (all, gint64, i - 1) != g_array_index (all, gint64, i);
      for (guint i = 0; i < head.integers->len && distinct; i++)
        {
          gint64 value = g_array_index (head.integers, gint64, i);
          guint found = 0;

          distinct = !g_array_binary_search (all, &value, fe_csv_compare_int64, &found);
          for (guint j = 0; j < i && distinct; j++)
            distinct = g_array_index (head.integers, gint64, j) != value;
        }
      out->integers_distinct = distinct;
    }
  out->n_with_semicolon = stats->n_with_semicolon + head.n_with_semicolon;
  out->n_with_comma = MIN (2, stats->n_with_comma + head.n_with_comma);
  out->n_tokens = stats->n_tokens + head.n_tokens;
  if (stats->tokens != NULL && head.tokens != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      out->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_iter_init (&iter, stats->tokens);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (out->tokens, g_strdup (key), value);
      g_hash_table_iter_init (&iter, head.tokens);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (out->tokens, g_strdup (key),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (out->tokens,
                                                                                      key))
                                               + GPOINTER_TO_UINT (value)));
      if (g_hash_table_size (out->tokens) > FE_CSV_MAX_TOKENS)
        g_clear_pointer (&out->tokens, g_hash_table_unref);
    }
  fe_csv_stats_clear (&head);
}

void
fe_csv_text_stats_clear (FeCsvTextStats *stats)
{
  g_clear_pointer (&stats->tokens, g_hash_table_unref);
}

/* Call with the source's lock held. */
static void
count_lines (FeCsvTable *table)
{
  g_autofree gsize *offsets = NULL;

  if (table->lines != NULL)
    return;
  offsets = g_new (gsize, MAX (table->n_stored, 1));
  for (guint r = 0; r < table->n_stored; r++)
    offsets[r] = table->row_offsets[r];
  table->lines = g_new (guint, MAX (table->n_stored, 1));
  fe_csv_source_count_lines (&table->source, offsets, table->lines, table->n_stored);
}

void
fe_csv_table_set_line_map (FeCsvTable  *table,
                           const guint *line_map,
                           guint        n_lines)
{
  g_return_if_fail (table != NULL && (line_map != NULL || n_lines == 0));

  g_mutex_lock (&table->source.lock);
  count_lines (table);
  for (guint r = 0; r < table->n_stored; r++)
    if (table->lines[r] >= 1 && table->lines[r] <= n_lines)
      table->lines[r] = line_map[table->lines[r] - 1];
  g_mutex_unlock (&table->source.lock);
}

void
fe_csv_table_add_warning (FeCsvTable *table,
                          char       *warning)
{
  g_return_if_fail (table != NULL && warning != NULL);

  g_ptr_array_add (table->warnings, warning);
}

guint
fe_csv_table_get_line (const FeCsvTable *const_table,
                       guint             row)
{
  FeCsvTable *table = (FeCsvTable *) const_table;
  guint line;

  g_return_val_if_fail (row < fe_csv_table_get_n_rows (table), 0);

  /* Counted once, when first asked: most loads never need a line number. */
  g_mutex_lock (&table->source.lock);
  count_lines (table);
  line = table->lines[table->first_row + row];
  g_mutex_unlock (&table->source.lock);
  return line;
}

int
fe_csv_table_find_column (const FeCsvTable *table,
                          const char       *name)
{
  for (guint i = 0; i < table->n_columns; i++)
    if (g_strcmp0 (g_ptr_array_index (table->header, i), name) == 0)
      return (int) i;
  return -1;
}

int
fe_csv_table_find_any_column (const FeCsvTable   *table,
                              const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    for (guint c = 0; c < table->n_columns; c++)
      if (g_ascii_strcasecmp (fe_csv_table_get_header (table, c), names[i]) == 0)
        return (int) c;
  return -1;
}

char *
fe_csv_table_dup_cell_or_null (const FeCsvTable *table,
                               guint             row,
                               int               column)
{
  const char *text;

  if (column < 0)
    return NULL;
  text = fe_csv_table_get_cell (table, row, (guint) column);
  return *text == '\0' ? NULL : g_strdup (text);
}

char
fe_csv_table_get_delimiter (const FeCsvTable *table)
{
  return table->delimiter;
}

gboolean
fe_csv_table_numbers_are_plain (const FeCsvTable *table)
{
  return table->numbers_plain;
}

GPtrArray *
fe_csv_table_get_warnings (const FeCsvTable *table)
{
  return table->warnings;
}

void
fe_csv_table_take_header_rows (FeCsvTable *table,
                               guint       n_rows)
{
  g_return_if_fail (n_rows <= fe_csv_table_get_n_rows (table));

  if (n_rows == 0)
    return;
  table->first_row += n_rows;
  for (guint c = 0; c < table->stride; c++)
    if (!table->columns[c].text)
      fe_csv_column_build_listing (&table->columns[c], table->first_row, table->n_stored);
}

guint
fe_csv_table_get_n_header_rows (const FeCsvTable *table)
{
  return table->first_row + 1;
}

const char *
fe_csv_table_get_header_cell (const FeCsvTable *table,
                              guint             header_row,
                              guint             column)
{
  g_return_val_if_fail (header_row <= table->first_row && column < table->n_columns, NULL);

  if (header_row == 0)
    return g_ptr_array_index (table->header_cells, column);
  return get_stored_cell (table, header_row - 1, column);
}
