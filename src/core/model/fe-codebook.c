/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-codebook.h"

#include "fe-i18n.h"
#include <string.h>

#include "fe-csv-table.h"
#include "fe-redcap-dictionary.h"
#include "fe-study-error.h"

static void
translation_free (gpointer data)
{
  FeCodebookTranslation *translation = data;

  g_free (translation->language);
  g_free (translation->label);
  g_free (translation->short_label);
  g_clear_pointer (&translation->levels, g_ptr_array_unref);
  g_free (translation);
}

static FeCodebookTranslation *
ensure_translation (GPtrArray  **translations,
                    const char  *language)
{
  FeCodebookTranslation *translation;

  if (*translations == NULL)
    *translations = g_ptr_array_new_with_free_func (translation_free);
  for (guint i = 0; i < (*translations)->len; i++)
    {
      translation = g_ptr_array_index (*translations, i);
      if (strcmp (translation->language, language) == 0)
        return translation;
    }
  translation = g_new0 (FeCodebookTranslation, 1);
  translation->language = g_strdup (language);
  g_ptr_array_add (*translations, translation);
  return translation;
}

/* The language of a header such as label_cy (@prefix "label_"), or NULL. */
static const char *
header_language (const char *header,
                 const char *prefix)
{
  const char *language;

  if (!g_str_has_prefix (header, prefix))
    return NULL;
  language = header + strlen (prefix);
  return *language != '\0' ? language : NULL;
}

static void
codebook_entry_free (gpointer data)
{
  FeCodebookEntry *entry = data;

  g_clear_pointer (&entry->translations, g_ptr_array_unref);
  g_free (entry->column);
  g_free (entry->also_named);
  g_free (entry->label);
  g_free (entry->short_label);
  g_clear_pointer (&entry->levels, g_ptr_array_unref);
  g_clear_pointer (&entry->codes, g_ptr_array_unref);
  g_clear_pointer (&entry->aliases, g_hash_table_unref);
  g_free (entry->quotes_from);
  g_free (entry);
}

GPtrArray *
fe_codebook_entries_new (void)
{
  return g_ptr_array_new_with_free_func (codebook_entry_free);
}

FeCodebookEntry *
fe_codebook_entry_new (const char *column,
                       FeRole      role,
                       const char *label)
{
  FeCodebookEntry *entry = g_new0 (FeCodebookEntry, 1);

  entry->column = g_strdup (column);
  entry->role = role;
  entry->label = g_strdup (label);
  return entry;
}

/* Split by hand rather than with g_strsplit(), whose strstr() calls measure the rest of the
 * text each time under some C libraries and sanitizers: quadratic on 100,000 levels. */
GPtrArray *
fe_codebook_split_levels (const char *text)
{
  GPtrArray *levels = g_ptr_array_new_with_free_func (g_free);

  for (const char *start = text;;)
    {
      const char *end = strchr (start, '|');
      char *level = g_strstrip (end != NULL ? g_strndup (start, (gsize) (end - start))
                                            : g_strdup (start));

      if (*level != '\0')
        g_ptr_array_add (levels, level);
      else
        g_free (level);
      if (end == NULL)
        break;
      start = end + 1;
    }
  return levels;
}

static void
codebook_code_free (gpointer data)
{
  FeCodebookCode *code = data;

  g_free (code->code);
  g_free (code->description);
  g_free (code->parent);
  g_free (code->question);
  g_clear_pointer (&code->translations, g_ptr_array_unref);
  g_free (code);
}

static GPtrArray *
read_codes (const FeCsvTable *table,
            int               code_col)
{
  static const char * const description_names[] = { "description", "definition", "memo", NULL };
  static const char * const parent_names[] = { "parent", "parent code", "category", "theme",
                                               NULL };
  static const char * const count_names[] = { "number of highlights", "count", "references",
                                              NULL };
  static const char * const question_names[] = { "question", "column", NULL };
  int description_col = fe_csv_table_find_any_column (table, description_names);
  int parent_col = fe_csv_table_find_any_column (table, parent_names);
  int count_col = fe_csv_table_find_any_column (table, count_names);
  int question_col = fe_csv_table_find_any_column (table, question_names);
  GPtrArray *codes = g_ptr_array_new_with_free_func (codebook_code_free);

  for (guint row = 0; row < fe_csv_table_get_n_rows (table); row++)
    {
      const char *name = fe_csv_table_get_cell (table, row, (guint) code_col);
      FeCodebookCode *code;

      if (*name == '\0')
        continue;
      code = g_new0 (FeCodebookCode, 1);
      code->code = g_strdup (name);
      code->description = fe_csv_table_dup_cell_or_null (table, row, description_col);
      code->parent = fe_csv_table_dup_cell_or_null (table, row, parent_col);
      code->question = fe_csv_table_dup_cell_or_null (table, row, question_col);
      if (count_col >= 0)
        code->count = (guint) g_ascii_strtoull (fe_csv_table_get_cell (table, row,
                                                                       (guint) count_col),
                                                NULL, 10);
      code->line = fe_csv_table_get_line (table, row);
      for (guint c = 0; c < fe_csv_table_get_n_columns (table); c++)
        {
          const char *language = header_language (fe_csv_table_get_header (table, c), "code_");
          const char *translated = fe_csv_table_get_cell (table, row, c);
          FeCodebookTranslation *translation;

          if (language == NULL || *translated == '\0')
            continue;
          translation = ensure_translation (&code->translations, language);
          g_free (translation->label);
          translation->label = g_strdup (translated);
        }
      g_ptr_array_add (codes, code);
    }
  return codes;
}

static GPtrArray *read_entries (const FeCsvTable *table, int column_col, int role_col,
                                GError **error);

gboolean
fe_codebook_load_full (const char  *path,
                       GPtrArray  **entries,
                       GPtrArray  **codes,
                       gboolean    *from_redcap,
                       GError     **error)
{
  static const char * const code_names[] = { "code", "tag", "codename", "code name", "node",
                                              NULL };
  g_autoptr(FeCsvTable) table = NULL;
  int column_col, role_col, code_col;

  *entries = NULL;
  *codes = NULL;
  *from_redcap = FALSE;
  table = fe_csv_table_load (path, error);
  if (table == NULL)
    return FALSE;

  column_col = fe_csv_table_find_column (table, "column");
  role_col = fe_csv_table_find_column (table, "role");
  code_col = fe_csv_table_find_any_column (table, code_names);
  if (fe_redcap_dictionary_recognise (table))
    {
      *from_redcap = TRUE;
      *entries = fe_redcap_dictionary_read (table);
      *codes = g_ptr_array_new_with_free_func (codebook_code_free);
      return TRUE;
    }
  if (column_col >= 0 && role_col >= 0)
    {
      *entries = read_entries (table, column_col, role_col, error);
      if (*entries == NULL)
        return FALSE;
      *codes = g_ptr_array_new_with_free_func (codebook_code_free);
      return TRUE;
    }
  if (code_col >= 0)
    {
      *codes = read_codes (table, code_col);
      *entries = g_ptr_array_new_with_free_func (codebook_entry_free);
      return TRUE;
    }

  g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CODEBOOK,
               _("%s, line 1, column 1: a codebook needs the columns “column” and “role” "
                 "(and may have “label”, “levels” and “quotes_from”), or, for the codes of "
                 "open answers, a “code” or “tag” column (and may have “description” and "
                 "“parent”), or is a REDCap data dictionary. Check the header line."),
               fe_csv_table_get_name (table));
  return FALSE;
}

GPtrArray *
fe_codebook_load (const char  *path,
                  GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  gboolean from_redcap;

  if (!fe_codebook_load_full (path, &entries, &codes, &from_redcap, error))
    return NULL;
  return g_steal_pointer (&entries);
}

/* The line's label_XX, short_label_XX and levels_XX columns. */
static gboolean
read_translations (const FeCsvTable  *table,
                   guint              row,
                   FeCodebookEntry   *entry,
                   GError           **error)
{
  for (guint c = 0; c < fe_csv_table_get_n_columns (table); c++)
    {
      const char *header = fe_csv_table_get_header (table, c);
      const char *cell = fe_csv_table_get_cell (table, row, c);
      const char *language;
      g_autoptr(GPtrArray) levels = NULL;
      guint n_source;

      if (*cell == '\0')
        continue;
      if ((language = header_language (header, "label_")) != NULL)
        {
          FeCodebookTranslation *translation = ensure_translation (&entry->translations,
                                                                   language);

          g_free (translation->label);
          translation->label = g_strdup (cell);
          continue;
        }
      if ((language = header_language (header, "short_label_")) != NULL)
        {
          FeCodebookTranslation *translation = ensure_translation (&entry->translations,
                                                                   language);

          g_free (translation->short_label);
          translation->short_label = g_strdup (cell);
          continue;
        }
      if ((language = header_language (header, "levels_")) == NULL)
        continue;

      levels = fe_codebook_split_levels (cell);
      n_source = entry->levels != NULL ? entry->levels->len : 0;
      if (levels->len != n_source)
        {
          g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CODEBOOK,
                       ngettext (
                                    "%s, line %u, column %u: %s lists %u level but “levels” "
                                    "lists %u. Give one translation for each level, in the "
                                    "same order, separated by “|”.",
                                    "%s, line %u, column %u: %s lists %u levels but “levels” "
                                    "lists %u. Give one translation for each level, in the "
                                    "same order, separated by “|”.",
                                    levels->len),
                       fe_csv_table_get_name (table), entry->line, c + 1, header, levels->len,
                       n_source);
          return FALSE;
        }
      {
        FeCodebookTranslation *translation = ensure_translation (&entry->translations,
                                                                 language);

        g_clear_pointer (&translation->levels, g_ptr_array_unref);
        translation->levels = g_steal_pointer (&levels);
      }
    }
  return TRUE;
}

/* Two levels with one code would count as whichever came last. */
static gboolean
codes_are_distinct (const FeCsvTable  *table,
                    FeCodebookEntry   *entry,
                    guint              codes_column,
                    GError           **error)
{
  g_autoptr(GHashTable) first = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < entry->codes->len; i++)
    {
      const char *code = g_ptr_array_index (entry->codes, i);
      gpointer j;

      if (g_hash_table_lookup_extended (first, code, NULL, &j))
        {
          g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CODEBOOK,
                       _("%s, line %u, column %u: the code “%s” is given to “%s” and to “%s”. "
                         "Give each level a code of its own."),
                       fe_csv_table_get_name (table), entry->line, codes_column, code,
                       (const char *) g_ptr_array_index (entry->levels, GPOINTER_TO_UINT (j)),
                       (const char *) g_ptr_array_index (entry->levels, i));
          return FALSE;
        }
      g_hash_table_insert (first, (gpointer) code, GUINT_TO_POINTER (i));
    }
  return TRUE;
}

static GPtrArray *
read_entries (const FeCsvTable  *table,
              int                column_col,
              int                role_col,
              GError           **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  int label_col, short_label_col, levels_col, codes_col, quotes_col;

  label_col = fe_csv_table_find_column (table, "label");
  short_label_col = fe_csv_table_find_column (table, "short_label");
  levels_col = fe_csv_table_find_column (table, "levels");
  codes_col = fe_csv_table_find_column (table, "codes");
  quotes_col = fe_csv_table_find_column (table, "quotes_from");

  g_autoptr(GHashTable) lines = g_hash_table_new (g_str_hash, g_str_equal);
  const FeCodebookEntry *id_entry = NULL;

  entries = g_ptr_array_new_with_free_func (codebook_entry_free);
  for (guint row = 0; row < fe_csv_table_get_n_rows (table); row++)
    {
      const char *column = fe_csv_table_get_cell (table, row, (guint) column_col);
      const char *role = fe_csv_table_get_cell (table, row, (guint) role_col);
      FeCodebookEntry *entry;
      g_autofree char *levels = NULL;
      g_autofree char *codes = NULL;

      if (*column == '\0')
        continue;

      entry = g_new0 (FeCodebookEntry, 1);
      entry->column = g_strdup (column);
      entry->line = fe_csv_table_get_line (table, row);
      g_ptr_array_add (entries, entry);

      /* A line may name a column's question and leave its role to the answers. */
      if (*role == '\0')
        {
          entry->infer_role = TRUE;
          entry->role = FE_ROLE_IGNORE;
        }
      else if (!fe_role_from_string (role, &entry->role))
        {
          g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CODEBOOK,
                       _("%s, line %u, column %u: “%s” is not a role. Use one of id, "
                         "attribute, ordinal, choice, multi, text, numeric or ignore, or leave "
                         "it empty to have the role found from the answers."),
                       fe_csv_table_get_name (table), entry->line, (guint) role_col + 1, role);
          return NULL;
        }
      /* Which of two rows would win is an accident of loading: the researcher decides. */
      if (g_hash_table_contains (lines, entry->column))
        {
          g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CODEBOOK,
                       _("%s, line %u, column %u: “%s” is already described on line %u. Keep "
                         "one row per column."),
                       fe_csv_table_get_name (table), entry->line, (guint) column_col + 1,
                       entry->column,
                       GPOINTER_TO_UINT (g_hash_table_lookup (lines, entry->column)));
          return NULL;
        }
      g_hash_table_insert (lines, entry->column, GUINT_TO_POINTER (entry->line));
      /* One id says whose the answers are; a second would silently be ignored. */
      if (entry->role == FE_ROLE_ID && id_entry != NULL)
        {
          g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CODEBOOK,
                       _("%s, line %u, column %u: “%s” is a second id; “%s” (line %u) is "
                         "already the id. Give one of them another role, such as attribute or "
                         "ignore."),
                       fe_csv_table_get_name (table), entry->line, (guint) role_col + 1,
                       entry->column, id_entry->column, id_entry->line);
          return NULL;
        }
      if (entry->role == FE_ROLE_ID)
        id_entry = entry;
      entry->label = fe_csv_table_dup_cell_or_null (table, row, label_col);
      entry->short_label = fe_csv_table_dup_cell_or_null (table, row, short_label_col);
      entry->quotes_from = fe_csv_table_dup_cell_or_null (table, row, quotes_col);
      levels = fe_csv_table_dup_cell_or_null (table, row, levels_col);
      if (levels != NULL && entry->infer_role)
        {
          g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CODEBOOK,
                       _("%s, line %u, column %u: levels are given in their order for a role "
                         "that has them, and this line gives none. Give the column its role "
                         "(attribute, ordinal, choice or multi)."),
                       fe_csv_table_get_name (table), entry->line, (guint) role_col + 1);
          return NULL;
        }
      if (levels != NULL)
        entry->levels = fe_codebook_split_levels (levels);
      codes = fe_csv_table_dup_cell_or_null (table, row, codes_col);
      if (codes != NULL)
        {
          guint n_levels = entry->levels != NULL ? entry->levels->len : 0;

          entry->codes = fe_codebook_split_levels (codes);
          if (entry->infer_role || entry->role == FE_ROLE_NUMERIC
              || (!fe_role_is_single_valued (entry->role) && entry->role != FE_ROLE_MULTI))
            {
              g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CODEBOOK,
                           _("%s, line %u, column %u: codes name the levels of an attribute, "
                             "ordinal, choice or multi column, not of a column whose role is "
                             "“%s”. Give the column one of those roles, or leave its codes "
                             "empty."),
                           fe_csv_table_get_name (table), entry->line, (guint) codes_col + 1,
                           entry->infer_role ? _("to be found from the answers") : role);
              return NULL;
            }
          if (entry->codes->len != n_levels)
            {
              g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CODEBOOK,
                           _("%s, line %u, column %u: give one code for each level, in the "
                             "order of “levels”, separated by “|” (codes: %u, levels: %u)."),
                           fe_csv_table_get_name (table), entry->line, (guint) codes_col + 1,
                           entry->codes->len, n_levels);
              return NULL;
            }
          if (!codes_are_distinct (table, entry, (guint) codes_col + 1, error))
            return NULL;
        }
      if (!read_translations (table, row, entry, error))
        return NULL;
    }

  return g_steal_pointer (&entries);
}
