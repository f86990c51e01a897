/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-csv-table.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fe-text-decode.h"

G_DEFINE_QUARK (fe-csv-error-quark, fe_csv_error)

/* libcsv's parser state "inside a field" (libcsv.c: FIELD_BEGUN). */
#define LIBCSV_FIELD_BEGUN 2

/* Cells are addressed with 32-bit offsets into one arena. */
#define MAX_TEXT_BYTES ((gsize) G_MAXUINT32 - 1)

/* Delimiter detection and title-line detection look at this much of the file only. */
#define PRESCAN_BYTES (64 * 1024)
#define PRESCAN_RECORDS 20

/* Lines kept for a message; the rest are only counted. */
#define MAX_LISTED_LINES 5

typedef struct
{
  guint32 offset;
  guint32 length;
} CellRef;

struct _FeCsvTable
{
  char      *name;
  guint      n_columns;   /* columns shown: without unnamed, empty trailing ones */
  guint      stride;      /* cells stored per row */
  guint      n_rows;      /* data rows, without those taken as header rows */
  guint      first_row;   /* stored rows taken as header rows */
  char       delimiter;
  GPtrArray *header;      /* char*, a name for each shown column */
  GArray    *header_refs; /* CellRef, the header line as written (stride) */
  GString   *arena;       /* starts with one NUL: the empty cell */
  GArray    *cells;       /* CellRef, stored rows × stride */
  GArray    *lines;       /* guint, the line each stored row starts on */
  GPtrArray *warnings;    /* char* */
};

typedef struct
{
  GArray *lines;
  guint   count;
} LineList;

typedef struct
{
  FeCsvTable *table;
  guint       line;            /* the physical line now being fed to the parser */
  guint       last_row_end_line;
  GArray     *row;             /* CellRef of the row being parsed */
  guint       row_start_line;
  guint       named_columns;   /* header fields up to the last named one */
  guint       skip_records;    /* title lines above the header still to skip */
  LineList    skipped;
  LineList    short_rows;
  gboolean    header_taken;
  GError     *error;
} ParseState;

static const CellRef empty_cell = { 0, 0 };

static void
line_list_add (LineList *list,
               guint     line)
{
  if (list->lines == NULL)
    list->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  if (list->lines->len < MAX_LISTED_LINES)
    g_array_append_val (list->lines, line);
  list->count++;
}

static void
line_list_clear (LineList *list)
{
  g_clear_pointer (&list->lines, g_array_unref);
  list->count = 0;
}

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

/* GLib's g_ascii_isspace() leaves out the vertical tab. */
static inline gboolean
is_blank (char c)
{
  return c == ' ' || (c >= '\t' && c <= '\r');
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

  while (start < end && is_blank (text[start]))
    start++;
  while (end > start && is_blank (text[end - 1]))
    end--;
  if (start == end)
    return empty_cell;

  ref.offset = (guint32) arena->len;
  if (memchr (text + start, '\r', end - start) == NULL)
    g_string_append_len (arena, text + start, (gssize) (end - start));
  else
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

  if (state->table->arena->len + length + 1 > MAX_TEXT_BYTES)
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
row_is_blank (const GArray *row)
{
  for (guint i = 0; i < row->len; i++)
    if (g_array_index (row, CellRef, i).length != 0)
      return FALSE;
  return TRUE;
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

  if (header_looks_like_data (table, row))
    {
      g_set_error (&state->error, FE_CSV_ERROR, FE_CSV_ERROR_NO_HEADER,
                   _("%s, line %u, column 1: the first line holds numbers, not column names. "
                     "Add a header line naming each question, or export the file again with "
                     "column headers."),
                   table->name, state->row_start_line);
      return;
    }

  g_array_append_vals (table->header_refs, row->data, row->len);
  table->stride = row->len;
  state->named_columns = row->len;
  while (state->named_columns > 0
         && g_array_index (row, CellRef, state->named_columns - 1).length == 0)
    state->named_columns--;
  state->header_taken = TRUE;
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

  /* Nothing in it (a blank line, or only delimiters): not a respondent. */
  if (row_is_blank (row))
    {
      g_array_set_size (row, 0);
      return;
    }

  if (state->skip_records > 0)
    {
      state->skip_records--;
      line_list_add (&state->skipped, state->row_start_line);
    }
  else if (!state->header_taken)
    take_header (state);
  else if (row->len > table->stride && !extra_fields_are_empty (row, table->stride))
    g_set_error (&state->error, FE_CSV_ERROR, FE_CSV_ERROR_RAGGED,
                 _("%s, line %u, column %u: this row has %u fields but the header has %u. "
                   "Is there an unquoted comma in an answer? Put answers that contain the "
                   "delimiter in double quotes."),
                 table->name, state->row_start_line, table->stride + 1, row->len,
                 table->stride);
  else
    {
      /* Too few fields: the missing answers are empty. Only worth a warning when a named
       * column goes without; a trailing delimiter on the header line alone is common. */
      if (row->len < state->named_columns)
        line_list_add (&state->short_rows, state->row_start_line);
      while (row->len < table->stride)
        g_array_append_val (row, empty_cell);
      g_array_append_vals (table->cells, row->data, table->stride);
      g_array_append_val (table->lines, state->row_start_line);
      table->n_rows++;
    }

  g_array_set_size (row, 0);
}

/* Walks the records of the first bytes of @text, calling @visit with each record's bounds and
 * whether it was cut short by the end of the prefix. */
typedef void (*RecordVisitor) (const char *text, gsize start, gsize end, gpointer user_data);

static void
prescan_records (const char    *text,
                 gsize          length,
                 RecordVisitor  visit,
                 gpointer       user_data)
{
  gsize limit = MIN (length, PRESCAN_BYTES);
  gboolean quoted = FALSE;
  gsize start = 0;
  guint n_records = 0;

  for (gsize i = 0; i < limit && n_records < PRESCAN_RECORDS; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          if (i > start)
            {
              visit (text, start, i, user_data);
              n_records++;
            }
          start = i + 1;
        }
    }
  if (n_records == 0 && limit > start)
    visit (text, start, limit, user_data);
}

static const char delimiter_candidates[] = { ',', ';', '\t', '|' };

typedef struct
{
  guint  n_records;
  guint  counts[PRESCAN_RECORDS][G_N_ELEMENTS (delimiter_candidates)];
} DelimiterCounts;

static void
count_delimiters (const char *text,
                  gsize       start,
                  gsize       end,
                  gpointer    user_data)
{
  DelimiterCounts *dc = user_data;
  gboolean quoted = FALSE;

  if (dc->n_records >= PRESCAN_RECORDS)
    return;
  for (gsize i = start; i < end; i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (delimiter_candidates); k++)
          if (text[i] == delimiter_candidates[k])
            dc->counts[dc->n_records][k]++;
    }
  dc->n_records++;
}

/* The delimiter is the candidate that splits the most of the first records into the same
 * number of fields (a title line or a ragged row does not count against it), then the one
 * that splits them into the most fields; comma when none occurs. */
static char
detect_delimiter (const char *text,
                  gsize       length)
{
  DelimiterCounts dc = { 0 };
  guint best = 0, best_agree = 0, best_mode = 0;

  prescan_records (text, length, count_delimiters, &dc);

  for (guint k = 0; k < G_N_ELEMENTS (delimiter_candidates); k++)
    {
      guint mode = 0, agree = 0;

      for (guint i = 0; i < dc.n_records; i++)
        {
          guint value = dc.counts[i][k], same = 0;

          if (value == 0)
            continue;
          for (guint j = 0; j < dc.n_records; j++)
            same += dc.counts[j][k] == value;
          if (same > agree || (same == agree && value > mode))
            {
              agree = same;
              mode = value;
            }
        }
      if (agree > best_agree || (agree == best_agree && mode > best_mode))
        {
          best = k;
          best_agree = agree;
          best_mode = mode;
        }
    }
  return delimiter_candidates[best];
}

typedef struct
{
  char   delimiter;
  guint  n_records;
  guint  non_empty[PRESCAN_RECORDS];
} FieldCounts;

static void
count_non_empty_fields (const char *text,
                        gsize       start,
                        gsize       end,
                        gpointer    user_data)
{
  FieldCounts *fc = user_data;
  gboolean quoted = FALSE;
  gboolean has_content = FALSE;
  guint non_empty = 0;

  if (fc->n_records >= PRESCAN_RECORDS)
    return;
  for (gsize i = start; i <= end; i++)
    {
      char c = i < end ? text[i] : fc->delimiter;

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && c == fc->delimiter)
        {
          non_empty += has_content;
          has_content = FALSE;
        }
      else if (!g_ascii_isspace (c))
        has_content = TRUE;
    }
  /* Records with nothing in them are skipped by the parser too. */
  if (non_empty > 0)
    fc->non_empty[fc->n_records++] = non_empty;
}

/* Title lines above the header ("Staff survey 2023", then a blank line): leading records with
 * at most one non-empty field, followed by a record with several. A one-column file has none. */
static guint
count_title_records (const char *text,
                     gsize       length,
                     char        delimiter)
{
  FieldCounts fc = { .delimiter = delimiter };

  prescan_records (text, length, count_non_empty_fields, &fc);
  for (guint i = 0; i < fc.n_records; i++)
    if (fc.non_empty[i] >= 2)
      return i;
  return 0;
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
table_new (const char *display_name,
           gsize       expected_text)
{
  FeCsvTable *table = g_new0 (FeCsvTable, 1);

  table->name = g_strdup (display_name);
  table->delimiter = ',';
  table->header = g_ptr_array_new_with_free_func (g_free);
  table->header_refs = g_array_new (FALSE, FALSE, sizeof (CellRef));
  table->arena = g_string_sized_new (expected_text + 64);
  g_string_append_c (table->arena, '\0');
  table->cells = g_array_new (FALSE, FALSE, sizeof (CellRef));
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  table->warnings = g_ptr_array_new_with_free_func (g_free);
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
  csv_set_delim (&parser, (unsigned char) state->table->delimiter);

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

static const CellRef *
stored_cell (const FeCsvTable *table,
             guint             stored_row,
             guint             column)
{
  return &g_array_index (table->cells, CellRef, (gsize) stored_row * table->stride + column);
}

/* An unnamed column with nothing in it (a trailing delimiter on every line) is not a question.
 * Only trailing ones are left out, so that column numbers stay those of the file. */
static void
drop_empty_trailing_columns (FeCsvTable *table)
{
  guint stored_rows = table->cells->len / MAX (table->stride, 1);

  table->n_columns = table->stride;
  while (table->n_columns > 1)
    {
      guint c = table->n_columns - 1;

      if (g_array_index (table->header_refs, CellRef, c).length != 0)
        break;
      for (guint r = 0; r < stored_rows; r++)
        if (stored_cell (table, r, c)->length != 0)
          return;
      table->n_columns--;
    }
}

static void
name_columns (FeCsvTable *table)
{
  for (guint c = 0; c < table->n_columns; c++)
    {
      CellRef ref = g_array_index (table->header_refs, CellRef, c);

      if (ref.length == 0)
        g_ptr_array_add (table->header, g_strdup_printf (_("Column %u"), c + 1));
      else
        g_ptr_array_add (table->header, g_strdup (table->arena->str + ref.offset));
    }
}

static void
add_parse_warnings (FeCsvTable *table,
                    ParseState *state)
{
  if (state->skipped.count > 0)
    {
      g_autofree char *list = fe_text_describe_lines (state->skipped.lines,
                                                      state->skipped.count);

      g_ptr_array_add (table->warnings,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s, line %s: this line above the column "
                                                     "names looks like a title, so it was "
                                                     "skipped.",
                                                     "%s, lines %s: these lines above the column "
                                                     "names look like a title, so they were "
                                                     "skipped.", state->skipped.count),
                                        table->name, list));
    }
  if (state->short_rows.count > 0)
    {
      g_autofree char *list = fe_text_describe_lines (state->short_rows.lines,
                                                      state->short_rows.count);

      g_ptr_array_add (table->warnings,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s, line %s: this row has fewer fields than "
                                                     "the header has columns; the missing answers "
                                                     "were left empty. Check that no field is "
                                                     "missing and that no answer breaks across "
                                                     "lines without quotes.",
                                                     "%s, lines %s: these rows have fewer fields "
                                                     "than the header has columns; the missing "
                                                     "answers were left empty. Check that no field "
                                                     "is missing and that no answer breaks across "
                                                     "lines without quotes.",
                                                     state->short_rows.count),
                                        table->name, list));
    }
}

FeCsvTable *
fe_csv_table_parse_full (const char          *display_name,
                         const char          *data,
                         gsize                length,
                         const FeCsvOptions  *options,
                         GError             **error)
{
  g_autoptr(FeCsvTable) table = NULL;
  g_autofree char *converted = NULL;
  g_autoptr(GArray) row = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  ParseState state = { 0 };
  const char *text;
  gsize text_length = 0;
  gboolean ok;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  text = fe_text_decode (display_name, data ? data : "", length, &text_length, &converted,
                         warnings, error);
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

  table = table_new (display_name, text_length);
  g_ptr_array_extend_and_steal (table->warnings, g_steal_pointer (&warnings));
  table->delimiter = options != NULL && options->delimiter != '\0'
                     ? options->delimiter : detect_delimiter (text, text_length);
  row = g_array_new (FALSE, FALSE, sizeof (CellRef));
  state.table = table;
  state.row = row;
  state.skip_records = count_title_records (text, text_length, table->delimiter);

  ok = parse_text (&state, text, text_length);
  if (ok && !state.header_taken)
    g_set_error (&state.error, FE_CSV_ERROR, FE_CSV_ERROR_EMPTY,
                 _("%s, line 1, column 1: the file has no column names and no answers, only "
                   "empty fields. Export the survey results again and check that the export "
                   "finished."),
                 display_name);
  if (!ok || state.error != NULL)
    {
      line_list_clear (&state.skipped);
      line_list_clear (&state.short_rows);
      g_propagate_error (error, state.error);
      return NULL;
    }

  drop_empty_trailing_columns (table);
  name_columns (table);
  add_parse_warnings (table, &state);
  line_list_clear (&state.skipped);
  line_list_clear (&state.short_rows);
  return g_steal_pointer (&table);
}

FeCsvTable *
fe_csv_table_parse (const char  *display_name,
                    const char  *data,
                    gsize        length,
                    GError     **error)
{
  return fe_csv_table_parse_full (display_name, data, length, NULL, error);
}

static gboolean
set_io_error (GError     **error,
              const char  *display_name,
              int          saved_errno)
{
  if (saved_errno == EACCES || saved_errno == EPERM)
    g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_IO,
                 _("%s, line 1, column 1: you do not have permission to read this file. Ask "
                   "its owner for access, or copy it somewhere you may open it."),
                 display_name);
  else
    g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_IO,
                 _("%s, line 1, column 1: the file cannot be read (%s). Check that it exists "
                   "and that you may open it."),
                 display_name, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
set_changed_error (GError     **error,
                   const char  *display_name)
{
  g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_CHANGED,
               _("%s, line 1, column 1: the file changed while it was being read. Wait until "
                 "the program writing it (an export, a download or a sync) has finished, then "
                 "open it again."),
               display_name);
  return FALSE;
}

/* Reads a whole regular file, refusing what would not fit or would never end (a folder, a
 * device, a pipe), and noticing a file that grows, shrinks or is rewritten meanwhile. */
static gboolean
read_file (const char  *path,
           const char  *display_name,
           char       **contents_out,
           gsize       *length_out,
           GError     **error)
{
  g_autofree char *contents = NULL;
  struct stat before, after;
  gsize done = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return set_io_error (error, display_name, errno);

  if (fstat (fd, &before) != 0)
    {
      int saved_errno = errno;

      close (fd);
      return set_io_error (error, display_name, saved_errno);
    }
  if (S_ISDIR (before.st_mode))
    {
      close (fd);
      g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_IO,
                   _("%s, line 1, column 1: this is a folder, not a CSV file. Choose the CSV file "
                     "inside it."),
                   display_name);
      return FALSE;
    }
  if (!S_ISREG (before.st_mode))
    {
      close (fd);
      g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_IO,
                   _("%s, line 1, column 1: this is not an ordinary file (it may be a device or a "
                     "pipe). Save the survey results to a CSV file and open that."),
                   display_name);
      return FALSE;
    }
  if ((guint64) before.st_size > MAX_TEXT_BYTES
      || (contents = g_try_malloc ((gsize) before.st_size + 1)) == NULL)
    {
      g_autofree char *size = g_format_size ((guint64) before.st_size);

      close (fd);
      g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_TOO_LARGE,
                   _("%s, line 1, column 1: the file is too large to load (%s). Findings "
                     "Explorer holds up to 4 GiB of text in memory. Split it into smaller files, "
                     "or leave out columns you do not need."),
                   display_name, size);
      return FALSE;
    }

  while (done < (gsize) before.st_size)
    {
      gssize n = read (fd, contents + done, (gsize) before.st_size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          return set_io_error (error, display_name, saved_errno);
        }
      if (n == 0)
        break;
      done += (gsize) n;
    }

  {
    char extra;
    gssize more = read (fd, &extra, 1);
    gboolean changed = done != (gsize) before.st_size || more > 0
                       || fstat (fd, &after) != 0 || after.st_size != before.st_size
                       || after.st_mtim.tv_sec != before.st_mtim.tv_sec
                       || after.st_mtim.tv_nsec != before.st_mtim.tv_nsec;

    close (fd);
    if (changed)
      return set_changed_error (error, display_name);
  }

  contents[done] = '\0';
  *contents_out = g_steal_pointer (&contents);
  *length_out = done;
  return TRUE;
}

FeCsvTable *
fe_csv_table_load_full (const char          *path,
                        const FeCsvOptions  *options,
                        GError             **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  display_name = g_path_get_basename (path);
  if (!read_file (path, display_name, &contents, &length, error))
    return NULL;
  return fe_csv_table_parse_full (display_name, contents, length, options, error);
}

FeCsvTable *
fe_csv_table_load (const char  *path,
                   GError     **error)
{
  return fe_csv_table_load_full (path, NULL, error);
}

FeCsvTable *
fe_csv_table_new (const char         *display_name,
                  const char * const *header)
{
  FeCsvTable *table;
  guint n;

  g_return_val_if_fail (display_name != NULL && header != NULL, NULL);

  table = table_new (display_name, 0);
  n = g_strv_length ((char **) header);
  for (guint c = 0; c < n; c++)
    {
      CellRef ref = arena_append_field (table->arena, header[c], strlen (header[c]));

      g_array_append_val (table->header_refs, ref);
    }
  table->stride = n;
  table->n_columns = n;
  name_columns (table);
  return table;
}

void
fe_csv_table_append_row (FeCsvTable         *table,
                         const char * const *cells,
                         guint               line)
{
  g_return_if_fail (table != NULL && cells != NULL);

  for (guint c = 0; c < table->stride; c++)
    {
      CellRef ref = arena_append_field (table->arena, cells[c], strlen (cells[c]));

      g_array_append_val (table->cells, ref);
    }
  g_array_append_val (table->lines, line);
  table->n_rows++;
}

void
fe_csv_table_free (FeCsvTable *table)
{
  if (table == NULL)
    return;

  g_free (table->name);
  g_ptr_array_unref (table->header);
  g_array_unref (table->header_refs);
  g_string_free (table->arena, TRUE);
  g_array_unref (table->cells);
  g_array_unref (table->lines);
  g_ptr_array_unref (table->warnings);
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
  g_return_val_if_fail (row < table->n_rows && column < table->n_columns, NULL);
  return table->arena->str + stored_cell (table, table->first_row + row, column)->offset;
}

guint
fe_csv_table_get_line (const FeCsvTable *table,
                       guint             row)
{
  g_return_val_if_fail (row < table->n_rows, 0);
  return g_array_index (table->lines, guint, table->first_row + row);
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

char
fe_csv_table_get_delimiter (const FeCsvTable *table)
{
  return table->delimiter;
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
  g_return_if_fail (n_rows <= table->n_rows);

  table->first_row += n_rows;
  table->n_rows -= n_rows;
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
    return table->arena->str + g_array_index (table->header_refs, CellRef, column).offset;
  return table->arena->str + stored_cell (table, header_row - 1, column)->offset;
}
