/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-coding.h"

#include "fe-i18n.h"

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
  g_free (line->highlight);
  g_free (line);
}

GPtrArray *
fe_coding_load (const char  *path,
                char       **display_name,
                GError     **error)
{
  static const char * const respondent_names[] = { "respondent", "participant", NULL };
  static const char * const document_names[] = { "document", "file", "filename", "case",
                                                 "source", NULL };
  static const char * const question_names[] = { "question", "column", NULL };
  static const char * const code_names[] = { "code", "tag", "codename", "code name", "node",
                                             NULL };
  static const char * const excerpt_names[] = { "excerpt", "content", "text", "coded text",
                                                "quote", "selection", NULL };
  static const char * const note_names[] = { "note", "memo", "comment", NULL };
  static const char * const highlight_names[] = { "id", "highlight", NULL };
  g_autoptr(FeCsvTable) table = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  int respondent_col, question_col, code_col, excerpt_col, note_col, highlight_col;
  gboolean by_document = FALSE;

  table = fe_csv_table_load (path, error);
  if (table == NULL)
    return NULL;

  respondent_col = fe_csv_table_find_any_column (table, respondent_names);
  if (respondent_col < 0)
    {
      respondent_col = fe_csv_table_find_any_column (table, document_names);
      by_document = respondent_col >= 0;
    }
  question_col = fe_csv_table_find_any_column (table, question_names);
  code_col = fe_csv_table_find_any_column (table, code_names);
  if (respondent_col < 0 || code_col < 0 || (question_col < 0 && !by_document))
    {
      g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CODING,
                   _("%s, line 1, column 1: a coding file needs the columns “respondent”, "
                     "“question” and “code” (and may have “excerpt” and “note”), or, as "
                     "Taguette exports its highlights, “document”, “tag” and “content”. Check "
                     "the header line."),
                   fe_csv_table_get_name (table));
      return NULL;
    }
  excerpt_col = fe_csv_table_find_any_column (table, excerpt_names);
  note_col = fe_csv_table_find_any_column (table, note_names);
  highlight_col = by_document ? fe_csv_table_find_any_column (table, highlight_names) : -1;

  lines = g_ptr_array_new_with_free_func (coding_line_free);
  for (guint row = 0; row < fe_csv_table_get_n_rows (table); row++)
    {
      FeCodingLine *line = g_new0 (FeCodingLine, 1);
      int missing = -1;

      line->line = fe_csv_table_get_line (table, row);
      line->by_document = by_document;
      line->respondent_column = (guint) respondent_col + 1;
      line->question_column = question_col >= 0 ? (guint) question_col + 1 : 1;
      line->code_column = (guint) code_col + 1;
      line->respondent = fe_csv_table_dup_cell_or_null (table, row, respondent_col);
      line->question = fe_csv_table_dup_cell_or_null (table, row, question_col);
      line->code = fe_csv_table_dup_cell_or_null (table, row, code_col);
      line->excerpt = fe_csv_table_dup_cell_or_null (table, row, excerpt_col);
      line->note = fe_csv_table_dup_cell_or_null (table, row, note_col);
      line->highlight = fe_csv_table_dup_cell_or_null (table, row, highlight_col);
      g_ptr_array_add (lines, line);

      if (line->respondent == NULL)
        missing = respondent_col;
      else if (line->question == NULL && question_col >= 0)
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
