/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-codebook.h"

#include <glib/gi18n-lib.h>

#include "fe-csv-table.h"
#include "fe-study-error.h"

static void
codebook_entry_free (gpointer data)
{
  FeCodebookEntry *entry = data;

  g_free (entry->column);
  g_free (entry->label);
  g_clear_pointer (&entry->levels, g_ptr_array_unref);
  g_free (entry->quotes_from);
  g_free (entry);
}

static char *
optional_cell (const FeCsvTable *table,
               guint             row,
               int               column)
{
  const char *text;

  if (column < 0)
    return NULL;
  text = fe_csv_table_get_cell (table, row, (guint) column);
  return *text == '\0' ? NULL : g_strdup (text);
}

static GPtrArray *
split_levels (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "|", -1);
  GPtrArray *levels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *level = g_strstrip (parts[i]);

      if (*level != '\0')
        g_ptr_array_add (levels, g_strdup (level));
    }
  return levels;
}

GPtrArray *
fe_codebook_load (const char  *path,
                  GError     **error)
{
  g_autoptr(FeCsvTable) table = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int column_col, role_col, label_col, levels_col, quotes_col;

  table = fe_csv_table_load (path, error);
  if (table == NULL)
    return NULL;

  column_col = fe_csv_table_find_column (table, "column");
  role_col = fe_csv_table_find_column (table, "role");
  if (column_col < 0 || role_col < 0)
    {
      g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CODEBOOK,
                   _("%s, line 1, column 1: a codebook needs the columns “column” and “role” "
                     "(and may have “label”, “levels” and “quotes_from”). Check the header "
                     "line."),
                   fe_csv_table_get_name (table));
      return NULL;
    }
  label_col = fe_csv_table_find_column (table, "label");
  levels_col = fe_csv_table_find_column (table, "levels");
  quotes_col = fe_csv_table_find_column (table, "quotes_from");

  entries = g_ptr_array_new_with_free_func (codebook_entry_free);
  for (guint row = 0; row < fe_csv_table_get_n_rows (table); row++)
    {
      const char *column = fe_csv_table_get_cell (table, row, (guint) column_col);
      const char *role = fe_csv_table_get_cell (table, row, (guint) role_col);
      FeCodebookEntry *entry;
      g_autofree char *levels = NULL;

      if (*column == '\0')
        continue;

      entry = g_new0 (FeCodebookEntry, 1);
      entry->column = g_strdup (column);
      entry->line = fe_csv_table_get_line (table, row);
      g_ptr_array_add (entries, entry);

      if (!fe_role_from_string (role, &entry->role))
        {
          g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CODEBOOK,
                       _("%s, line %u, column %u: “%s” is not a role. Use one of id, "
                         "attribute, ordinal, choice, multi, text or ignore."),
                       fe_csv_table_get_name (table), entry->line, (guint) role_col + 1, role);
          return NULL;
        }
      entry->label = optional_cell (table, row, label_col);
      entry->quotes_from = optional_cell (table, row, quotes_col);
      levels = optional_cell (table, row, levels_col);
      if (levels != NULL)
        entry->levels = split_levels (levels);
    }

  return g_steal_pointer (&entries);
}
