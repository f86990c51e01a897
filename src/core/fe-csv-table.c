/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-csv-table.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "fe-text-decode.h"

G_DEFINE_QUARK (fe-csv-error-quark, fe_csv_error)

/* libcsv's parser state "inside a field" (libcsv.c: FIELD_BEGUN). */
#define LIBCSV_FIELD_BEGUN 2

typedef struct
{
  guint32 offset;
  guint32 length;
} CellRef;

struct _FeCsvTable
{
  char      *name;
  guint      n_columns;
  guint      n_rows;
  GPtrArray *header;
  GString   *arena;
  GArray    *cells;  /* CellRef, n_rows × n_columns */
  GArray    *lines;  /* guint, the line each row starts on */
};

typedef struct
{
  FeCsvTable *table;
  guint       line;            /* the physical line now being fed to the parser */
  guint       last_row_end_line;
  GArray     *row;             /* CellRef of the row being parsed */
  guint       row_start_line;
  GError     *error;
} ParseState;

static guint
count_line_breaks (const char *text,
                   gsize       length)
{
  guint breaks = 0;

  for (gsize i = 0; i < length; i++)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= length || text[i + 1] != '\n')))
      breaks++;
  return breaks;
}

/* Stores a trimmed copy of a field with its line ends made \n, NUL-terminated. */
static CellRef
arena_append_field (GString    *arena,
                    const char *text,
                    gsize       length)
{
  CellRef ref;
  gsize start = 0;
  gsize end = length;

  while (start < end && g_ascii_isspace (text[start]))
    start++;
  while (end > start && g_ascii_isspace (text[end - 1]))
    end--;

  ref.offset = (guint32) arena->len;
  for (gsize i = start; i < end; i++)
    {
      if (text[i] == '\r')
        {
          g_string_append_c (arena, '\n');
          if (i + 1 < end && text[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (arena, text[i]);
    }
  ref.length = (guint32) (arena->len - ref.offset);
  g_string_append_c (arena, '\0');
  return ref;
}

static void
on_field (void   *field,
          size_t  length,
          void   *user_data)
{
  ParseState *state = user_data;

  if (state->error != NULL)
    return;

  if (state->row->len == 0)
    state->row_start_line = state->line - count_line_breaks (field, length);

  if (state->table->arena->len + length + 1 > G_MAXUINT32)
    {
      g_set_error (&state->error, FE_CSV_ERROR, FE_CSV_ERROR_TOO_LARGE,
                   _("%s, line %u: the file is larger than Findings Explorer can hold (4 GiB of "
                     "text). Split it into smaller files."),
                   state->table->name, state->line);
      return;
    }

  {
    CellRef ref = arena_append_field (state->table->arena, field ? field : "", length);
    g_array_append_val (state->row, ref);
  }
}

static gboolean
row_is_blank (FeCsvTable   *table,
              const GArray *row)
{
  return row->len == 1 && g_array_index (row, CellRef, 0).length == 0;
}

static gboolean
header_looks_like_data (FeCsvTable   *table,
                        const GArray *row)
{
  for (guint i = 0; i < row->len; i++)
    {
      CellRef ref = g_array_index (row, CellRef, i);
      const char *text = table->arena->str + ref.offset;
      char *end = NULL;

      if (ref.length == 0)
        continue;
      g_ascii_strtod (text, &end);
      if (end == text || *end != '\0')
        return FALSE;
    }
  return TRUE;
}

static void
take_header (ParseState *state)
{
  FeCsvTable *table = state->table;
  GArray *row = state->row;
  guint n_columns = row->len;

  /* A trailing delimiter on the header line makes an unnamed last column: not a question. */
  while (n_columns > 1 && g_array_index (row, CellRef, n_columns - 1).length == 0)
    n_columns--;

  if (header_looks_like_data (table, row))
    {
      g_set_error (&state->error, FE_CSV_ERROR, FE_CSV_ERROR_NO_HEADER,
                   _("%s, line %u, column 1: the first line holds numbers, not column names. "
                     "Add a header line naming each question, or export the file again with "
                     "column headers."),
                   table->name, state->row_start_line);
      return;
    }

  for (guint i = 0; i < n_columns; i++)
    {
      CellRef ref = g_array_index (row, CellRef, i);
      const char *name = table->arena->str + ref.offset;

      if (ref.length == 0)
        g_ptr_array_add (table->header, g_strdup_printf (_("Column %u"), i + 1));
      else
        g_ptr_array_add (table->header, g_strdup (name));
    }
  table->n_columns = n_columns;
}

static gboolean
extra_fields_are_empty (const GArray *row,
                        guint         from)
{
  for (guint i = from; i < row->len; i++)
    if (g_array_index (row, CellRef, i).length != 0)
      return FALSE;
  return TRUE;
}

static void
on_row_end (int   terminator,
            void *user_data)
{
  ParseState *state = user_data;
  FeCsvTable *table = state->table;
  GArray *row = state->row;

  if (state->error != NULL)
    return;

  state->last_row_end_line = state->line;

  if (row_is_blank (table, row))
    {
      g_array_set_size (row, 0);
      return;
    }

  if (table->n_columns == 0)
    take_header (state);
  else if (row->len < table->n_columns
           || (row->len > table->n_columns && !extra_fields_are_empty (row, table->n_columns)))
    {
      if (row->len > table->n_columns)
        g_set_error (&state->error, FE_CSV_ERROR, FE_CSV_ERROR_RAGGED,
                     _("%s, line %u, column %u: this row has %u fields but the header has %u. "
                       "Is there an unquoted comma in an answer? Put answers that contain the "
                       "delimiter in double quotes."),
                     table->name, state->row_start_line, table->n_columns + 1, row->len,
                     table->n_columns);
      else
        g_set_error (&state->error, FE_CSV_ERROR, FE_CSV_ERROR_RAGGED,
                     _("%s, line %u, column %u: this row has %u fields but the header has %u. "
                       "Is a field missing, or does an answer break across lines without "
                       "quotes?"),
                     table->name, state->row_start_line, row->len + 1, row->len,
                     table->n_columns);
    }
  else
    {
      g_array_append_vals (table->cells, row->data, table->n_columns);
      g_array_append_val (table->lines, state->row_start_line);
      table->n_rows++;
    }

  g_array_set_size (row, 0);
}

/* The delimiter is whichever of comma, semicolon and tab occurs most often outside quotes in the
 * first record; comma when none does. */
static unsigned char
detect_delimiter (const char *text,
                  gsize       length)
{
  static const unsigned char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if ((unsigned char) c == candidates[k])
            counts[k]++;
    }

  for (guint k = 1; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > counts[best])
      best = k;
  return candidates[best];
}

static gsize
next_line_end (const char *text,
               gsize       length,
               gsize       from)
{
  for (gsize i = from; i < length; i++)
    {
      if (text[i] == '\n')
        return i + 1;
      if (text[i] == '\r')
        return (i + 1 < length && text[i + 1] == '\n') ? i + 2 : i + 1;
    }
  return length;
}

static FeCsvTable *
table_new (const char *display_name)
{
  FeCsvTable *table = g_new0 (FeCsvTable, 1);

  table->name = g_strdup (display_name);
  table->header = g_ptr_array_new_with_free_func (g_free);
  table->arena = g_string_new (NULL);
  table->cells = g_array_new (FALSE, FALSE, sizeof (CellRef));
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  return table;
}

static gboolean
text_is_blank (const char *text,
               gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
parse_text (ParseState  *state,
            const char  *text,
            gsize        length)
{
  struct csv_parser parser;
  gsize pos = 0;

  if (csv_init (&parser, 0) != 0)
    g_error ("libcsv could not allocate its parser");
  csv_set_delim (&parser, detect_delimiter (text, length));

  state->line = 1;
  while (pos < length && state->error == NULL)
    {
      gsize end = next_line_end (text, length, pos);

      if (csv_parse (&parser, text + pos, end - pos, on_field, on_row_end, state) != end - pos)
        g_error ("libcsv ran out of memory");
      pos = end;
      state->line++;
    }
  state->line = MAX (state->line - 1, 1);

  /* libcsv only reports an unclosed quote at the end in strict mode, which would also reject
   * the stray quotes real exports contain; its public parser state tells us instead. */
  if (state->error == NULL
      && ((parser.pstate == LIBCSV_FIELD_BEGUN && parser.quoted)
          || csv_fini (&parser, on_field, on_row_end, state) != 0))
    {
      guint start_line = state->row->len > 0 ? state->row_start_line
                                             : state->last_row_end_line + 1;

      g_set_error (&state->error, FE_CSV_ERROR, FE_CSV_ERROR_UNTERMINATED_QUOTE,
                   _("%s, line %u, column %u: a quoted answer starts here but its closing "
                     "double quote is missing, so the rest of the file would become one answer. "
                     "Add the missing quote."),
                   state->table->name, start_line, state->row->len + 1);
    }
  csv_free (&parser);
  return state->error == NULL;
}

FeCsvTable *
fe_csv_table_parse (const char  *display_name,
                    const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(FeCsvTable) table = NULL;
  g_autofree char *converted = NULL;
  g_autoptr(GArray) row = NULL;
  ParseState state = { 0 };
  const char *text;
  gsize text_length = 0;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  text = fe_text_decode (display_name, data ? data : "", length, &text_length, &converted, error);
  if (text == NULL)
    return NULL;

  if (text_is_blank (text, text_length))
    {
      g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_EMPTY,
                   _("%s, line 1, column 1: the file is empty. Export the survey results again "
                     "and check that the export finished."),
                   display_name);
      return NULL;
    }

  table = table_new (display_name);
  row = g_array_new (FALSE, FALSE, sizeof (CellRef));
  state.table = table;
  state.row = row;

  if (!parse_text (&state, text, text_length))
    {
      g_propagate_error (error, state.error);
      return NULL;
    }

  return g_steal_pointer (&table);
}

FeCsvTable *
fe_csv_table_load (const char  *path,
                   GError     **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  display_name = g_path_get_basename (path);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_IO,
                   _("%s, line 1, column 1: this is a folder, not a CSV file. Choose the CSV file "
                     "inside it."),
                   display_name);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_IO,
                   _("%s, line 1, column 1: the file cannot be read (%s). Check that it exists "
                     "and that you may open it."),
                   display_name, local_error->message);
      return NULL;
    }

  return fe_csv_table_parse (display_name, contents, length, error);
}

void
fe_csv_table_free (FeCsvTable *table)
{
  if (table == NULL)
    return;

  g_free (table->name);
  g_ptr_array_unref (table->header);
  g_string_free (table->arena, TRUE);
  g_array_unref (table->cells);
  g_array_unref (table->lines);
  g_free (table);
}

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
  return table->n_rows;
}

const char *
fe_csv_table_get_header (const FeCsvTable *table,
                         guint             column)
{
  g_return_val_if_fail (column < table->n_columns, NULL);
  return g_ptr_array_index (table->header, column);
}

const char *
fe_csv_table_get_cell (const FeCsvTable *table,
                       guint             row,
                       guint             column)
{
  CellRef ref;

  g_return_val_if_fail (row < table->n_rows && column < table->n_columns, NULL);
  ref = g_array_index (table->cells, CellRef, (gsize) row * table->n_columns + column);
  return table->arena->str + ref.offset;
}

guint
fe_csv_table_get_line (const FeCsvTable *table,
                       guint             row)
{
  g_return_val_if_fail (row < table->n_rows, 0);
  return g_array_index (table->lines, guint, row);
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
