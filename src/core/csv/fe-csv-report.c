/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-csv-report.h"

#include "fe-i18n.h"

#include "fe-text-decode.h"

/* Lines kept for a message; the rest are only counted. */
#define MAX_LISTED_LINES 5

void
fe_csv_lines_add (FeCsvLines *list,
                  gsize       offset)
{
  if (list->offsets == NULL)
    list->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  if (list->offsets->len < MAX_LISTED_LINES)
    g_array_append_val (list->offsets, offset);
  list->count++;
}

void
fe_csv_lines_clear (FeCsvLines *list)
{
  g_clear_pointer (&list->offsets, g_array_unref);
  list->count = 0;
}

void
fe_csv_lines_merge (FeCsvLines *into,
                    FeCsvLines *from)
{
  guint count = into->count + from->count;

  for (guint i = 0; from->offsets != NULL && i < from->offsets->len; i++)
    fe_csv_lines_add (into, g_array_index (from->offsets, gsize, i));
  into->count = count;
}

void
fe_csv_set_too_large_error (FeCsvTable  *table,
                            gsize        offset,
                            GError     **error)
{
  g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_TOO_LARGE,
               _("%s, line %u: the file is larger than Findings Explorer can hold (4 GiB "
                 "of text). Split it into smaller files."),
               table->name, fe_csv_source_line_at (&table->source, offset));
}

void
fe_csv_set_out_of_memory_error (FeCsvTable  *table,
                                gsize        offset,
                                GError     **error)
{
  g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_TOO_LARGE,
               _("%s, line %u: an answer that starts here is too long to hold in memory. Check "
                 "that its quotes are closed, or split the file into smaller files."),
               table->name, fe_csv_source_line_at (&table->source, offset));
}

void
fe_csv_set_numbers_header_error (FeCsvTable  *table,
                                 gsize        offset,
                                 GError     **error)
{
  g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_NO_HEADER,
               _("%s, line %u, column 1: the first line holds numbers, not column names. "
                 "Add a header line naming each question, or export the file again with "
                 "column headers."),
               table->name, fe_csv_source_line_at (&table->source, offset));
}

void
fe_csv_set_too_wide_error (FeCsvTable  *table,
                           guint        n_columns,
                           GError     **error)
{
  g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_TOO_LARGE,
               _("%s, line 1: the header names %u columns, more than fit in memory. Export "
                 "only the questions you need, or split the file."),
               table->name, n_columns);
}

void
fe_csv_set_ragged_error (FeCsvTable  *table,
                         gsize        offset,
                         guint        n_fields,
                         guint        n_columns,
                         GError     **error)
{
  g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_RAGGED,
               _("%s, line %u, column %u: this row has %u fields but the header has %u. "
                 "Is there an unquoted comma in an answer? Put answers that contain the "
                 "delimiter in double quotes."),
               table->name, fe_csv_source_line_at (&table->source, offset), n_columns + 1,
               n_fields, n_columns);
}

void
fe_csv_set_unterminated_error (FeCsvTable  *table,
                               guint        line,
                               guint        column,
                               GError     **error)
{
  g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_UNTERMINATED_QUOTE,
               _("%s, line %u, column %u: a quoted answer starts here but its closing "
                 "double quote is missing, so the rest of the file would become one answer. "
                 "Add the missing quote."),
               table->name, line, column);
}

static char *
describe_offsets (FeCsvTable *table,
                  FeCsvLines *list)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));

  g_array_set_size (lines, list->offsets->len);
  fe_csv_source_count_lines (&table->source, (const gsize *) list->offsets->data,
                             (guint *) lines->data, list->offsets->len);
  return fe_text_describe_lines (lines, list->count);
}

typedef struct
{
  gboolean blank;
} BlankCheck;

static void
check_blank (const char *block,
             gsize       length,
             gpointer    user_data)
{
  BlankCheck *bc = user_data;

  for (gsize i = 0; i < length && bc->blank; i++)
    bc->blank = g_ascii_isspace (block[i]);
}

void
fe_csv_set_no_header_error (FeCsvTable  *table,
                            GError     **error)
{
  BlankCheck bc = { TRUE };

  if (!fe_csv_source_visit (&table->source, table->source.length, check_blank, &bc))
    bc.blank = FALSE;
  if (bc.blank)
    g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_EMPTY,
                 _("%s, line 1, column 1: the file is empty. Export the survey results again "
                   "and check that the export finished."),
                 table->name);
  else
    g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_EMPTY,
                 _("%s, line 1, column 1: the file has no column names and no answers, only "
                   "empty fields. Export the survey results again and check that the export "
                   "finished."),
                 table->name);
}

void
fe_csv_add_parse_warnings (FeCsvTable *table,
                           FeCsvLines *skipped,
                           FeCsvLines *short_rows)
{
  if (skipped->count > 0)
    {
      g_autofree char *list = describe_offsets (table, skipped);

      g_ptr_array_add (table->warnings,
                       g_strdup_printf (ngettext (
                                                     "%s, line %s: this line above the column "
                                                     "names looks like a title, so it was "
                                                     "skipped.",
                                                     "%s, lines %s: these lines above the column "
                                                     "names look like a title, so they were "
                                                     "skipped.", skipped->count),
                                        table->name, list));
    }
  if (short_rows->count > 0)
    {
      g_autofree char *list = describe_offsets (table, short_rows);

      g_ptr_array_add (table->warnings,
                       g_strdup_printf (ngettext (
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
                                                     short_rows->count),
                                        table->name, list));
    }
}
