/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-study.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fe-codebook.h"
#include "fe-coding.h"
#include "fe-csv-table.h"
#include "fe-role-inference.h"

G_DEFINE_QUARK (fe-study-error-quark, fe_study_error)

struct _FeStudy
{
  GObject     parent_instance;

  char       *name;
  FeCsvTable *responses;
  GPtrArray  *columns;          /* FeColumn* */
  GHashTable *columns_by_id;
  FeColumn   *id_column;
  guint       n_rows;
  FeBitset   *complete;
  FeBitset   *universe;
  gboolean    include_incomplete;
  GHashTable *rows_by_respondent;  /* built on first look-up */
  GPtrArray  *warnings;
};

G_DEFINE_FINAL_TYPE (FeStudy, fe_study, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INCLUDE_INCOMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fe_study_finalize (GObject *object)
{
  FeStudy *self = FE_STUDY (object);

  g_free (self->name);
  g_clear_pointer (&self->responses, fe_csv_table_free);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->columns_by_id, g_hash_table_unref);
  g_clear_pointer (&self->complete, fe_bitset_free);
  g_clear_pointer (&self->universe, fe_bitset_free);
  g_clear_pointer (&self->rows_by_respondent, g_hash_table_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (fe_study_parent_class)->finalize (object);
}

static void
fe_study_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  FeStudy *self = FE_STUDY (object);

  switch (prop_id)
    {
    case PROP_INCLUDE_INCOMPLETE:
      g_value_set_boolean (value, self->include_incomplete);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fe_study_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  FeStudy *self = FE_STUDY (object);

  switch (prop_id)
    {
    case PROP_INCLUDE_INCOMPLETE:
      fe_study_set_include_incomplete (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fe_study_class_init (FeStudyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fe_study_finalize;
  object_class->get_property = fe_study_get_property;
  object_class->set_property = fe_study_set_property;

  properties[PROP_INCLUDE_INCOMPLETE] =
    g_param_spec_boolean ("include-incomplete", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fe_study_init (FeStudy *self)
{
  self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) fe_column_free);
  self->columns_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
}

G_GNUC_PRINTF (2, 3)
static void
add_warning (FeStudy    *self,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Repeated column names (four columns called "Other") stay distinct: "Other (2)", … */
static char *
unique_column_id (FeStudy    *self,
                  const char *name)
{
  if (!g_hash_table_contains (self->columns_by_id, name))
    return g_strdup (name);
  for (guint n = 2;; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s (%u)", name, n);

      if (!g_hash_table_contains (self->columns_by_id, candidate))
        return g_steal_pointer (&candidate);
    }
}

static void
set_levels (FeColumn  *column,
            GPtrArray *labels,
            guint      n_rows)
{
  for (guint i = 0; labels != NULL && i < labels->len; i++)
    if (fe_column_find_level (column, g_ptr_array_index (labels, i)) < 0)
      fe_column_add_level (column, g_ptr_array_index (labels, i), n_rows);
}

/* A value the codebook does not list still counts: it becomes a level of its own, and the
 * researcher is told where it was first seen. */
static guint
level_for_value (FeStudy    *self,
                 FeColumn   *column,
                 GHashTable *lookup,
                 const char *value,
                 guint       row,
                 gboolean    listed_by_codebook)
{
  gpointer found;
  guint level;

  if (g_hash_table_lookup_extended (lookup, value, NULL, &found))
    return GPOINTER_TO_UINT (found);

  level = fe_column_add_level (column, value, self->n_rows);
  g_hash_table_insert (lookup, (gpointer) fe_column_get_level (column, level),
                       GUINT_TO_POINTER (level));
  if (listed_by_codebook)
    add_warning (self,
                 _("%s, line %u, column %u: “%s” is not one of the levels the codebook lists "
                   "for %s; it is counted as a level of its own. Add it to the codebook's "
                   "levels to place it."),
                 fe_csv_table_get_name (self->responses),
                 fe_csv_table_get_line (self->responses, row), column->source_column + 1,
                 value, column->id);
  return level;
}

static GHashTable *
level_lookup (FeColumn *column)
{
  GHashTable *lookup = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < column->levels->len; i++)
    g_hash_table_insert (lookup, g_ptr_array_index (column->levels, i), GUINT_TO_POINTER (i));
  return lookup;
}

static void
store_column_values (FeStudy  *self,
                     FeColumn *column,
                     gboolean  listed_by_codebook)
{
  g_autoptr(GHashTable) lookup = level_lookup (column);
  gboolean single = fe_role_is_single_valued (column->role);

  column->answered = fe_bitset_new (self->n_rows);
  if (single)
    column->values = g_new0 (guint32, self->n_rows);

  for (guint row = 0; row < self->n_rows; row++)
    {
      const char *cell = fe_csv_table_get_cell (self->responses, row, column->source_column);

      if (*cell == '\0')
        continue;
      fe_bitset_set (column->answered, row);

      if (single)
        {
          guint level = level_for_value (self, column, lookup, cell, row, listed_by_codebook);

          column->values[row] = level + 1;
          fe_bitset_set (g_ptr_array_index (column->level_rows, level), row);
        }
      else if (column->role == FE_ROLE_MULTI)
        {
          g_auto(GStrv) tokens = g_strsplit (cell, ";", -1);

          for (guint t = 0; tokens[t] != NULL; t++)
            {
              char *token = g_strstrip (tokens[t]);
              guint level;

              if (*token == '\0')
                continue;
              level = level_for_value (self, column, lookup, token, row, listed_by_codebook);
              fe_bitset_set (g_ptr_array_index (column->level_rows, level), row);
            }
        }
    }
}

static gboolean
build_columns (FeStudy    *self,
               GHashTable *codebook,
               GError    **error)
{
  guint n_columns = fe_csv_table_get_n_columns (self->responses);

  for (guint c = 0; c < n_columns; c++)
    {
      const char *name = fe_csv_table_get_header (self->responses, c);
      g_autofree char *id = unique_column_id (self, name);
      FeColumn *column = fe_column_new (self->columns->len, c, id);
      FeCodebookEntry *entry = codebook ? g_hash_table_lookup (codebook, id) : NULL;
      g_autoptr(GPtrArray) levels = NULL;

      g_ptr_array_add (self->columns, column);
      g_hash_table_insert (self->columns_by_id, column->id, column);

      if (entry != NULL)
        {
          column->role = entry->role;
          if (entry->label != NULL)
            {
              g_free (column->label);
              column->label = g_strdup (entry->label);
            }
          set_levels (column, entry->levels, self->n_rows);
        }
      else
        {
          column->role = fe_role_infer (self->responses, c, self->id_column != NULL, &levels);
          set_levels (column, levels, self->n_rows);
        }

      if (column->role == FE_ROLE_ID && self->id_column == NULL)
        self->id_column = column;
      else if (column->role == FE_ROLE_ID)
        column->role = FE_ROLE_IGNORE;

      store_column_values (self, column, entry != NULL && entry->levels != NULL);
    }
  return TRUE;
}

static char *
list_text_columns (FeStudy *self)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint c = 0; c < self->columns->len; c++)
    {
      FeColumn *candidate = g_ptr_array_index (self->columns, c);

      if (candidate->role == FE_ROLE_TEXT)
        g_string_append_printf (list, "%s%s", list->len ? ", " : "", candidate->id);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static gboolean
apply_codebook_links (FeStudy    *self,
                      GPtrArray  *entries,
                      const char *codebook_name,
                      GError    **error)
{
  for (guint i = 0; i < entries->len; i++)
    {
      FeCodebookEntry *entry = g_ptr_array_index (entries, i);
      FeColumn *column = fe_study_find_column (self, entry->column);
      FeColumn *source;

      if (column == NULL)
        {
          add_warning (self,
                       _("%s, line %u, column 1: the codebook describes “%s”, which %s does not "
                         "have; that line is ignored."),
                       codebook_name, entry->line, entry->column,
                       fe_csv_table_get_name (self->responses));
          continue;
        }
      if (entry->quotes_from == NULL)
        continue;

      source = fe_study_find_column (self, entry->quotes_from);
      if (source == NULL || source->role != FE_ROLE_TEXT)
        {
          g_autofree char *list = list_text_columns (self);

          g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CODEBOOK,
                       _("%s, line %u: quotes_from names “%s”, which is not an open-text "
                         "column of %s. Open-text columns: %s."),
                       codebook_name, entry->line, entry->quotes_from,
                       fe_csv_table_get_name (self->responses), list);
          return FALSE;
        }
      column->quotes_from = source;
    }
  return TRUE;
}

/* A row counts as a response when it answers anything beyond its id and the columns that are
 * not questions (consent, metadata): the study excluded the rest, and so do we by default. */
static void
find_complete_rows (FeStudy *self)
{
  self->complete = fe_bitset_new (self->n_rows);

  for (guint c = 0; c < self->columns->len; c++)
    {
      FeColumn *column = g_ptr_array_index (self->columns, c);

      if (column->role != FE_ROLE_ID && column->role != FE_ROLE_IGNORE)
        fe_bitset_or (self->complete, column->answered);
    }
  self->universe = fe_bitset_copy (self->complete);
}

static int
compare_coding_rows (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const FeCodingEntry *ea = a;
  const FeCodingEntry *eb = b;

  return ea->row < eb->row ? -1 : ea->row > eb->row;
}

/* The same code on the same words of the same answer, listed twice, counts once. */
static gboolean
coding_seen_before (GHashTable     *seen,
                    const FeColumn *column,
                    guint           row,
                    guint           code,
                    const char     *excerpt)
{
  char *key = g_strdup_printf ("%u\x1f%u\x1f%u\x1f%s", column->index, row, code,
                               excerpt ? excerpt : "");

  if (g_hash_table_contains (seen, key))
    {
      g_free (key);
      return TRUE;
    }
  g_hash_table_add (seen, key);
  return FALSE;
}

static gboolean
apply_coding_line (FeStudy      *self,
                   FeCodingLine *line,
                   GHashTable   *seen,
                   const char   *coding_name,
                   GError      **error)
{
  FeColumn *column = fe_study_find_column (self, line->question);
  int row = fe_study_find_respondent (self, line->respondent);
  int code;
  const char *answer;
  FeCodingEntry entry = { 0 };

  if (column == NULL || column->role != FE_ROLE_TEXT)
    {
      g_autofree char *list = list_text_columns (self);

      g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CODING,
                   column == NULL
                   ? _("%s, line %u, column %u: “%s” is not a column of %s. Codes belong to "
                       "open-text columns: %s.")
                   : _("%s, line %u, column %u: “%s” is not an open-text column of %s, so it "
                       "cannot be coded. Open-text columns: %s."),
                   coding_name, line->line, line->question_column, line->question,
                   fe_csv_table_get_name (self->responses), list);
      return FALSE;
    }

  if (row < 0)
    {
      g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CODING,
                   _("%s, line %u, column %u: there is no respondent “%s” in %s. Check the "
                     "respondent ids in the coding file against the id column (%s)."),
                   coding_name, line->line, line->respondent_column, line->respondent,
                   fe_csv_table_get_name (self->responses),
                   self->id_column ? self->id_column->id : _("row numbers"));
      return FALSE;
    }

  code = fe_column_find_level (column, line->code);
  if (code < 0)
    code = (int) fe_column_add_level (column, line->code, self->n_rows);

  answer = fe_study_get_answer (self, column, (guint) row);
  if (line->excerpt != NULL && strstr (answer, line->excerpt) == NULL)
    add_warning (self,
                 _("%s, line %u: the excerpt is not part of respondent %s's answer to %s; it "
                   "is shown as the coding file writes it."),
                 coding_name, line->line, line->respondent, column->id);

  if (coding_seen_before (seen, column, (guint) row, (guint) code, line->excerpt))
    return TRUE;

  entry.row = (guint) row;
  entry.code = (guint) code;
  entry.excerpt = g_strdup (line->excerpt);
  entry.note = g_strdup (line->note);
  g_array_append_val (column->codings, entry);
  fe_bitset_set (g_ptr_array_index (column->level_rows, code), (guint) row);
  fe_bitset_set (column->answered, (guint) row);
  column->coded = TRUE;
  return TRUE;
}

static gboolean
apply_coding (FeStudy    *self,
              const char *coding_path,
              GError    **error)
{
  g_autofree char *coding_name = NULL;
  g_autoptr(GPtrArray) lines = fe_coding_load (coding_path, &coding_name, error);
  g_autoptr(GHashTable) seen = NULL;

  if (lines == NULL)
    return FALSE;

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < lines->len; i++)
    if (!apply_coding_line (self, g_ptr_array_index (lines, i), seen, coding_name, error))
      return FALSE;

  /* Quotes are looked up by respondent; coding-file order is kept within one. */
  for (guint c = 0; c < self->columns->len; c++)
    {
      FeColumn *column = g_ptr_array_index (self->columns, c);

      if (column->coded)
        g_qsort_with_data (column->codings->data, (gint) column->codings->len,
                           sizeof (FeCodingEntry), compare_coding_rows, NULL);
    }
  return TRUE;
}

static GHashTable *
load_codebook (const char  *path,
               GPtrArray  **entries_out,
               char       **name_out,
               GError     **error)
{
  GPtrArray *entries = fe_codebook_load (path, error);
  GHashTable *by_column;

  if (entries == NULL)
    return NULL;

  by_column = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < entries->len; i++)
    {
      FeCodebookEntry *entry = g_ptr_array_index (entries, i);

      g_hash_table_insert (by_column, entry->column, entry);
    }
  *entries_out = entries;
  *name_out = g_path_get_basename (path);
  return by_column;
}

FeStudy *
fe_study_load (const char  *responses_path,
               const char  *codebook_path,
               const char  *coding_path,
               GError     **error)
{
  g_autoptr(FeStudy) self = NULL;
  g_autoptr(GHashTable) codebook = NULL;
  g_autoptr(GPtrArray) codebook_entries = NULL;
  g_autofree char *codebook_name = NULL;

  g_return_val_if_fail (responses_path != NULL, NULL);

  self = g_object_new (FE_TYPE_STUDY, NULL);
  self->responses = fe_csv_table_load (responses_path, error);
  if (self->responses == NULL)
    return NULL;
  self->name = g_strdup (fe_csv_table_get_name (self->responses));
  self->n_rows = fe_csv_table_get_n_rows (self->responses);

  if (self->n_rows == 0)
    {
      g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_NO_RESPONSES,
                   _("%s, line 2, column 1: the file has column names but no responses below "
                     "them. Export the survey results again, including the responses."),
                   self->name);
      return NULL;
    }

  if (codebook_path != NULL)
    {
      codebook = load_codebook (codebook_path, &codebook_entries, &codebook_name, error);
      if (codebook == NULL)
        return NULL;
    }

  if (!build_columns (self, codebook, error))
    return NULL;
  if (codebook_entries != NULL
      && !apply_codebook_links (self, codebook_entries, codebook_name, error))
    return NULL;
  if (coding_path != NULL && !apply_coding (self, coding_path, error))
    return NULL;

  find_complete_rows (self);
  return g_steal_pointer (&self);
}

char *
fe_study_find_sample_dir (void)
{
  const char *from_env = g_getenv ("FE_SAMPLE_DIR");
  const char * const candidates[] = {
    FE_PKGDATADIR G_DIR_SEPARATOR_S "sample",
    FE_SOURCE_SAMPLE_DIR,
  };

  if (from_env != NULL && *from_env != '\0')
    return g_strdup (from_env);

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *responses = g_build_filename (candidates[i], "responses.csv", NULL);

      if (g_file_test (responses, G_FILE_TEST_IS_REGULAR))
        return g_strdup (candidates[i]);
    }
  return NULL;
}

FeStudy *
fe_study_load_sample (GError **error)
{
  g_autofree char *dir = fe_study_find_sample_dir ();
  g_autofree char *responses = NULL;
  g_autofree char *codebook = NULL;
  g_autofree char *coding = NULL;

  if (dir == NULL)
    {
      g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_NO_SAMPLE,
                   _("The sample study is not installed. Reinstall Findings Explorer, or set "
                     "FE_SAMPLE_DIR to the folder that holds its responses.csv."));
      return NULL;
    }

  responses = g_build_filename (dir, "responses.csv", NULL);
  codebook = g_build_filename (dir, "codebook.csv", NULL);
  coding = g_build_filename (dir, "coding.csv", NULL);
  return fe_study_load (responses, codebook, coding, error);
}

const char *
fe_study_get_name (FeStudy *self)
{
  g_return_val_if_fail (FE_IS_STUDY (self), NULL);
  return self->name;
}

guint
fe_study_get_n_rows (FeStudy *self)
{
  g_return_val_if_fail (FE_IS_STUDY (self), 0);
  return self->n_rows;
}

const FeBitset *
fe_study_get_universe (FeStudy *self)
{
  g_return_val_if_fail (FE_IS_STUDY (self), NULL);
  return self->universe;
}

guint
fe_study_get_n_respondents (FeStudy *self)
{
  g_return_val_if_fail (FE_IS_STUDY (self), 0);
  return fe_bitset_count (self->universe);
}

guint
fe_study_get_n_incomplete (FeStudy *self)
{
  g_return_val_if_fail (FE_IS_STUDY (self), 0);
  return self->n_rows - fe_bitset_count (self->complete);
}

guint
fe_study_get_n_excluded (FeStudy *self)
{
  g_return_val_if_fail (FE_IS_STUDY (self), 0);
  return self->n_rows - fe_bitset_count (self->universe);
}

gboolean
fe_study_get_include_incomplete (FeStudy *self)
{
  g_return_val_if_fail (FE_IS_STUDY (self), FALSE);
  return self->include_incomplete;
}

void
fe_study_set_include_incomplete (FeStudy  *self,
                                 gboolean  include)
{
  g_return_if_fail (FE_IS_STUDY (self));

  include = !!include;
  if (self->include_incomplete == include)
    return;

  self->include_incomplete = include;
  if (include)
    fe_bitset_fill (self->universe, TRUE);
  else
    fe_bitset_assign (self->universe, self->complete);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_INCOMPLETE]);
}

guint
fe_study_get_n_columns (FeStudy *self)
{
  g_return_val_if_fail (FE_IS_STUDY (self), 0);
  return self->columns->len;
}

FeColumn *
fe_study_get_column (FeStudy *self,
                     guint    index)
{
  g_return_val_if_fail (FE_IS_STUDY (self), NULL);
  g_return_val_if_fail (index < self->columns->len, NULL);
  return g_ptr_array_index (self->columns, index);
}

FeColumn *
fe_study_find_column (FeStudy    *self,
                      const char *id)
{
  g_return_val_if_fail (FE_IS_STUDY (self), NULL);
  return id ? g_hash_table_lookup (self->columns_by_id, id) : NULL;
}

FeColumn *
fe_study_get_id_column (FeStudy *self)
{
  g_return_val_if_fail (FE_IS_STUDY (self), NULL);
  return self->id_column;
}

char *
fe_study_list_question_ids (FeStudy *self)
{
  g_autoptr(GString) list = g_string_new (NULL);

  g_return_val_if_fail (FE_IS_STUDY (self), NULL);

  for (guint c = 0; c < self->columns->len; c++)
    {
      FeColumn *column = g_ptr_array_index (self->columns, c);

      if (fe_column_is_question (column) || column->role == FE_ROLE_TEXT)
        g_string_append_printf (list, "%s%s", list->len ? ", " : "", column->id);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

char *
fe_study_dup_respondent_id (FeStudy *self,
                            guint    row)
{
  g_return_val_if_fail (FE_IS_STUDY (self), NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);

  if (self->id_column != NULL)
    {
      const char *id = fe_study_get_answer (self, self->id_column, row);

      if (*id != '\0')
        return g_strdup (id);
    }
  return g_strdup_printf ("%u", row + 1);
}

int
fe_study_find_respondent (FeStudy    *self,
                          const char *id)
{
  gpointer row;

  g_return_val_if_fail (FE_IS_STUDY (self), -1);

  if (self->rows_by_respondent == NULL)
    {
      self->rows_by_respondent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint r = self->n_rows; r-- > 0;)
        g_hash_table_insert (self->rows_by_respondent, fe_study_dup_respondent_id (self, r),
                             GUINT_TO_POINTER (r + 1));
    }

  row = g_hash_table_lookup (self->rows_by_respondent, id);
  return row ? (int) GPOINTER_TO_UINT (row) - 1 : -1;
}

const char *
fe_study_get_answer (FeStudy        *self,
                     const FeColumn *column,
                     guint           row)
{
  g_return_val_if_fail (FE_IS_STUDY (self), NULL);
  return fe_csv_table_get_cell (self->responses, row, column->source_column);
}

const char *
fe_study_get_level_label (FeStudy        *self,
                          const FeColumn *column,
                          guint           row)
{
  g_return_val_if_fail (FE_IS_STUDY (self), NULL);
  g_return_val_if_fail (column->values != NULL, NULL);

  if (column->values[row] == 0)
    return NULL;
  return fe_column_get_level (column, column->values[row] - 1);
}

GPtrArray *
fe_study_get_warnings (FeStudy *self)
{
  g_return_val_if_fail (FE_IS_STUDY (self), NULL);
  return self->warnings;
}
