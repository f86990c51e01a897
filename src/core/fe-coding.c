/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-coding.h"

#include <glib/gi18n-lib.h>

#include "fe-csv-table.h"
#include "fe-study-error.h"

static void
coding_line_free (gpointer data)
{
  FeCodingLine *line = data;

  g_free (line->respondent);
  g_free (line->question);
  g_free (line->code);
  g_free (line->excerpt);
  g_free (line->note);
  g_free (line);
}

static char *
cell_or_null (const FeCsvTable *table,
              guint             row,
              int               column)
{
  const char *text;

  if (column < 0)
    return NULL;
  text = fe_csv_table_get_cell (table, row, (guint) column);
  return *text == '\0' ? NULL : g_strdup (text);
}

GPtrArray *
fe_coding_load (const char  *path,
                char       **display_name,
                GError     **error)
{
  g_autoptr(FeCsvTable) table = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  int respondent_col, question_col, code_col, excerpt_col, note_col;

  table = fe_csv_table_load (path, error);
  if (table == NULL)
    return NULL;

  respondent_col = fe_csv_table_find_column (table, "respondent");
  question_col = fe_csv_table_find_column (table, "question");
  code_col = fe_csv_table_find_column (table, "code");
  if (respondent_col < 0 || question_col < 0 || code_col < 0)
    {
      g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CODING,
                   _("%s, line 1, column 1: a coding file needs the columns “respondent”, "
                     "“question” and “code” (and may have “excerpt” and “note”). Check the "
                     "header line."),
                   fe_csv_table_get_name (table));
      return NULL;
    }
  excerpt_col = fe_csv_table_find_column (table, "excerpt");
  note_col = fe_csv_table_find_column (table, "note");

  lines = g_ptr_array_new_with_free_func (coding_line_free);
  for (guint row = 0; row < fe_csv_table_get_n_rows (table); row++)
    {
      FeCodingLine *line = g_new0 (FeCodingLine, 1);
      int missing = -1;

      line->line = fe_csv_table_get_line (table, row);
      line->respondent_column = (guint) respondent_col + 1;
      line->question_column = (guint) question_col + 1;
      line->code_column = (guint) code_col + 1;
      line->respondent = cell_or_null (table, row, respondent_col);
      line->question = cell_or_null (table, row, question_col);
      line->code = cell_or_null (table, row, code_col);
      line->excerpt = cell_or_null (table, row, excerpt_col);
      line->note = cell_or_null (table, row, note_col);
      g_ptr_array_add (lines, line);

      if (line->respondent == NULL)
        missing = respondent_col;
      else if (line->question == NULL)
        missing = question_col;
      else if (line->code == NULL)
        missing = code_col;
      if (missing >= 0)
        {
          g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CODING,
                       _("%s, line %u, column %u: this line has no %s. Every line of a coding "
                         "file names a respondent, a question and a code."),
                       fe_csv_table_get_name (table), line->line, (guint) missing + 1,
                       fe_csv_table_get_header (table, (guint) missing));
          return NULL;
        }
    }

  if (display_name != NULL)
    *display_name = g_strdup (fe_csv_table_get_name (table));
  return g_steal_pointer (&lines);
}
