/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Matching a coding export (respondent or document, question, code, excerpt) to the study's
 * respondents, and studies made of coded documents alone. */
#include "config.h"

#include "fe-study-private.h"

#include "fe-i18n.h"
#include <string.h>

#include "fe-codebook.h"
#include "fe-coding.h"

static int
compare_coding_rows (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const FeCodingEntry *ea = a;
  const FeCodingEntry *eb = b;

  return ea->row < eb->row ? -1 : ea->row > eb->row;
}

/* The same code on the same words of the same answer, listed twice, counts once (unless the
 * coding tool says they are two highlights). */
static gboolean
coding_seen_before (GHashTable     *seen,
                    const FeColumn *column,
                    guint           row,
                    guint           code,
                    const char     *excerpt,
                    const char     *highlight)
{
  char *key = g_strdup_printf ("%u\x1f%u\x1f%u\x1f%s\x1f%s", column->index, row, code,
                               excerpt ? excerpt : "", highlight ? highlight : "");

  if (g_hash_table_contains (seen, key))
    {
      g_free (key);
      return TRUE;
    }
  g_hash_table_add (seen, key);
  return FALSE;
}

/* A code of a coded question, added when new. "Parent/Child" places Child under Parent. */
int
fe_study_find_or_add_code (FeStudy    *self,
                           FeColumn   *column,
                           const char *code)
{
  const char *slash;
  g_autofree char *parent_path = NULL;
  const char *leaf;
  int parent, level;

  level = fe_column_find_level (column, code);
  if (level >= 0)
    return level;

  slash = strrchr (code, '/');
  if (slash == NULL || slash == code || slash[1] == '\0')
    return (int) fe_column_add_level (column, code, self->n_rows);

  parent_path = g_strstrip (g_strndup (code, (gsize) (slash - code)));
  leaf = slash + 1;
  while (g_ascii_isspace (*leaf))
    leaf++;
  if (*parent_path == '\0' || *leaf == '\0')
    return (int) fe_column_add_level (column, code, self->n_rows);

  parent = fe_study_find_or_add_code (self, column, parent_path);
  level = fe_column_find_child_level (column, parent, leaf);
  if (level >= 0)
    return level;
  level = (int) fe_column_add_level (column, leaf, self->n_rows);
  fe_column_set_level_parent (column, (guint) level, parent);
  return level;
}

/* A parent code holds every respondent of its children, each once. */
void
fe_study_finish_code_hierarchy (FeColumn *column)
{
  for (guint l = 0; l < fe_column_get_n_levels (column); l++)
    {
      guint steps = 0;

      for (int p = fe_column_get_level_parent (column, l); p >= 0 && steps++ < column->levels->len;
           p = fe_column_get_level_parent (column, (guint) p))
        fe_bitset_or (g_ptr_array_index (column->level_rows, (guint) p),
                      g_ptr_array_index (column->level_rows, l));
    }
}

static FeColumn *
only_text_column (FeStudy *self)
{
  FeColumn *found = NULL;

  for (guint c = 0; c < self->columns->len; c++)
    {
      FeColumn *column = g_ptr_array_index (self->columns, c);

      if (column->role != FE_ROLE_TEXT)
        continue;
      if (found != NULL)
        return NULL;
      found = column;
    }
  return found;
}

static int
find_respondent_by_number (FeStudy    *self,
                           const char *text)
{
  const char *digits = text;
  g_autofree char *number = NULL;
  gsize length = 0;
  int row;

  while (*digits != '\0' && !g_ascii_isdigit (*digits))
    digits++;
  while (g_ascii_isdigit (digits[length]))
    length++;
  if (length == 0)
    return -1;
  number = g_strndup (digits, length);
  row = fe_study_find_respondent (self, number);
  if (row < 0)
    {
      const char *plain = number;

      while (plain[0] == '0' && plain[1] != '\0')
        plain++;
      row = fe_study_find_respondent (self, plain);
    }
  return row;
}

/* Which respondent a document of a qualitative tool is: by the configured pattern, else the
 * document's name (with or without its extension), else the first number in it. */
static int
match_document (FeStudy     *self,
                const char  *document,
                GError     **error)
{
  gpointer cached;
  int row = -1;

  if (self->rows_by_document == NULL)
    self->rows_by_document = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_lookup_extended (self->rows_by_document, document, NULL, &cached))
    return (int) GPOINTER_TO_UINT (cached) - 1;

  if (self->document_pattern != NULL)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (self->document_regex == NULL)
        self->document_regex = g_regex_new (self->document_pattern, G_REGEX_OPTIMIZE, 0, error);
      if (self->document_regex == NULL)
        return -2;
      if (g_regex_match (self->document_regex, document, 0, &match))
        {
          g_autofree char *id = g_match_info_fetch (match, g_regex_get_capture_count (
                                                             self->document_regex) > 0);

          row = fe_study_find_respondent (self, id);
          if (row < 0)
            row = find_respondent_by_number (self, id);
        }
    }
  else
    {
      row = fe_study_find_respondent (self, document);
      if (row < 0)
        {
          const char *dot = strrchr (document, '.');
          g_autofree char *stem = dot ? g_strndup (document, (gsize) (dot - document)) : NULL;

          if (stem != NULL)
            row = fe_study_find_respondent (self, stem);
        }
      if (row < 0)
        row = find_respondent_by_number (self, document);
    }

  g_hash_table_insert (self->rows_by_document, g_strdup (document),
                       GUINT_TO_POINTER ((guint) (row + 1)));
  return row;
}

static FeColumn *
coding_target (FeStudy       *self,
               FeCodingLine  *line,
               const char    *coding_name,
               GError       **error)
{
  const char *question = line->question ? line->question : self->coding_question;
  FeColumn *column = question ? fe_study_find_column (self, question) : only_text_column (self);
  g_autofree char *list = NULL;

  if (column != NULL && column->role == FE_ROLE_TEXT)
    return column;

  list = fe_study_list_text_columns (self);
  if (question == NULL)
    g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CODING,
                 _("%s, line %u, column 1: the coding file does not say which question it "
                   "codes, and %s has more than one open-text column (or none). Add a "
                   "“question” column naming one of: %s."),
                 coding_name, line->line, fe_csv_table_get_name (self->responses), list);
  else
    g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CODING,
                 column == NULL
                 ? _("%s, line %u, column %u: “%s” is not a column of %s. Codes belong to "
                     "open-text columns: %s.")
                 : _("%s, line %u, column %u: “%s” is not an open-text column of %s, so it "
                     "cannot be coded. Open-text columns: %s."),
                 coding_name, line->line, line->question_column, question,
                 fe_csv_table_get_name (self->responses), list);
  return NULL;
}

static void
add_coding_entry (FeStudy    *self,
                  FeColumn   *column,
                  guint       row,
                  guint       code,
                  const char *excerpt,
                  const char *note)
{
  FeCodingEntry entry = { 0 };

  entry.row = row;
  entry.code = code;
  entry.excerpt = g_strdup (excerpt);
  entry.note = g_strdup (note);
  g_array_append_val (column->codings, entry);
  fe_bitset_set (g_ptr_array_index (column->level_rows, code), row);
  fe_bitset_set (column->answered, row);
  column->coded = TRUE;
}

static gboolean
apply_coding_line (FeStudy      *self,
                   FeCodingLine *line,
                   GHashTable   *seen,
                   const char   *coding_name,
                   GError      **error)
{
  FeColumn *column = coding_target (self, line, coding_name, error);
  int row, code;
  g_autofree char *answer = NULL;

  if (column == NULL)
    return FALSE;

  row = line->by_document ? match_document (self, line->respondent, error)
                          : fe_study_find_respondent (self, line->respondent);
  if (row == -2)
    {
      g_prefix_error (error, _("The document pattern “%s” is not a valid regular expression: "),
                      self->document_pattern);
      return FALSE;
    }
  if (row < 0 && line->by_document)
    {
      g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CODING,
                   _("%s, line %u, column %u: no respondent of %s matches the document “%s”. "
                     "Name each document after a respondent id (%s), or set a document "
                     "pattern whose first group is the id, such as “Participant (\\d+)”."),
                   coding_name, line->line, line->respondent_column,
                   fe_csv_table_get_name (self->responses), line->respondent,
                   self->id_column ? self->id_column->id : _("row numbers"));
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

  code = fe_study_find_or_add_code (self, column, line->code);

  answer = fe_study_dup_answer (self, column, (guint) row);
  if (line->excerpt != NULL && *answer != '\0' && strstr (answer, line->excerpt) == NULL)
    fe_study_add_repeated_warning (self, REPEATED_EXCERPT_MISMATCH, coding_name, line->line, NULL,
                                   NULL,
                                   _("%s, line %u: the excerpt is not part of respondent %s's answer to "
                                     "%s; it is shown as the coding file writes it."),
                                   coding_name, line->line, line->respondent, column->id);

  if (coding_seen_before (seen, column, (guint) row, (guint) code, line->excerpt,
                          line->highlight))
    return TRUE;

  add_coding_entry (self, column, (guint) row, (guint) code, line->excerpt, line->note);
  return TRUE;
}

void
fe_study_sort_codings (FeStudy *self)
{
  /* Quotes are looked up by respondent; coding-file order is kept within one. */
  for (guint c = 0; c < self->columns->len; c++)
    {
      FeColumn *column = g_ptr_array_index (self->columns, c);

      if (column->coded)
        g_qsort_with_data (column->codings->data, (gint) column->codings->len,
                           sizeof (FeCodingEntry), compare_coding_rows, NULL);
    }
}

gboolean
fe_study_apply_coding (FeStudy    *self,
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
  return TRUE;
}

/* The open question that coding files without a question column code. */
static FeColumn *
default_coded_column (FeStudy *self)
{
  if (self->coding_question != NULL)
    return fe_study_find_column (self, self->coding_question);
  return only_text_column (self);
}

/* The columns a codes codebook describes: the one it names, else the question coding files
 * code by default; when there is no such question, after coding, the coded ones. */
void
fe_study_apply_codes (FeStudy    *self,
                      GPtrArray  *codes,
                      gboolean    before_coding)
{
  FeColumn *fallback = default_coded_column (self);

  for (guint i = 0; i < codes->len; i++)
    {
      FeCodebookCode *code = g_ptr_array_index (codes, i);

      for (guint c = 0; c < self->columns->len; c++)
        {
          FeColumn *column = g_ptr_array_index (self->columns, c);
          gboolean described;
          int level;

          if (column->role != FE_ROLE_TEXT)
            continue;
          if (code->question != NULL)
            described = g_strcmp0 (code->question, column->id) == 0;
          else if (before_coding)
            described = column == fallback;
          else
            described = column->coded && column != fallback;
          if (!described)
            continue;

          level = fe_study_find_or_add_code (self, column, code->code);
          if (code->parent != NULL)
            fe_column_set_level_parent (column, (guint) level,
                                        fe_study_find_or_add_code (self, column, code->parent));
          if (code->description != NULL)
            fe_column_set_level_description (column, (guint) level, code->description);
          for (guint t = 0; code->translations != NULL && t < code->translations->len; t++)
            {
              FeCodebookTranslation *translation = g_ptr_array_index (code->translations, t);

              fe_study_translate_code (column, translation->language, code->code,
                                       translation->label);
            }
        }
    }
}

/* A Taguette highlights export opened on its own: each document is a respondent (an interview,
 * a transcript) whose highlights are coded excerpts of one open question. */
gboolean
fe_study_build_document_study (FeStudy    *self,
                               GPtrArray  *codes,
                               GError    **error)
{
  static const char * const header[] = { "document", "highlights", NULL };
  g_autoptr(FeCsvTable) taguette = g_steal_pointer (&self->responses);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = fe_csv_table_get_n_rows (taguette);
  guint document_col = (guint) fe_csv_table_find_column (taguette, "document");
  guint tag_col = (guint) fe_csv_table_find_column (taguette, "tag");
  guint content_col = (guint) fe_csv_table_find_column (taguette, "content");
  int id_col = fe_csv_table_find_column (taguette, "id");
  FeColumn *document, *highlights;

  self->responses = fe_csv_table_new (fe_csv_table_get_name (taguette), header);
  for (guint r = 0; r < n; r++)
    {
      const char *name = fe_csv_table_get_cell (taguette, r, document_col);

      if (*name != '\0' && !g_hash_table_contains (rows, name))
        {
          const char *cells[] = { name, "" };

          g_hash_table_insert (rows, (gpointer) name,
                               GUINT_TO_POINTER (fe_csv_table_get_n_rows (self->responses)));
          fe_csv_table_append_row (self->responses, cells, fe_csv_table_get_line (taguette, r));
        }
    }
  self->n_rows = fe_csv_table_get_n_rows (self->responses);
  if (self->n_rows == 0)
    {
      g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_NO_RESPONSES,
                   _("%s, line 2, column 1: the highlights export names no document. Export "
                     "the highlights from Taguette again."),
                   self->name);
      return FALSE;
    }

  document = fe_study_add_column (self, 0, "document");
  document->role = FE_ROLE_ID;
  fe_study_set_label (document, _("Document"));
  self->id_column = document;
  fe_study_store_column_values (self, document, FALSE);
  highlights = fe_study_add_column (self, 1, "highlights");
  highlights->role = FE_ROLE_TEXT;
  fe_study_set_label (highlights, _("Highlights"));
  fe_study_store_column_values (self, highlights, FALSE);
  /* The codebook's order, not the order tags first occur in. */
  if (codes != NULL)
    fe_study_apply_codes (self, codes, TRUE);

  for (guint r = 0; r < n; r++)
    {
      const char *name = fe_csv_table_get_cell (taguette, r, document_col);
      const char *tag = fe_csv_table_get_cell (taguette, r, tag_col);
      const char *content = fe_csv_table_get_cell (taguette, r, content_col);
      const char *highlight = id_col >= 0 ? fe_csv_table_get_cell (taguette, r, (guint) id_col)
                                          : NULL;
      gpointer row;
      int code;

      if (*name == '\0' || *tag == '\0'
          || !g_hash_table_lookup_extended (rows, name, NULL, &row))
        continue;
      code = fe_study_find_or_add_code (self, highlights, tag);
      if (!coding_seen_before (seen, highlights, GPOINTER_TO_UINT (row), (guint) code,
                               content, highlight))
        add_coding_entry (self, highlights, GPOINTER_TO_UINT (row), (guint) code,
                          *content ? content : NULL, NULL);
    }
  return TRUE;
}

void
fe_study_warn_code_counts (FeStudy    *self,
                           GPtrArray  *codes,
                           const char *codebook_name)
{
  FeColumn *highlights = fe_study_find_column (self, "highlights");
  g_autofree guint *counts = NULL;

  if (self->format != FE_SURVEY_FORMAT_TAGUETTE || highlights == NULL)
    return;
  /* Counted in one pass: a codebook may list 100,000 codes. */
  counts = g_new0 (guint, fe_column_get_n_levels (highlights) + 1);
  for (guint i = 0; i < highlights->codings->len; i++)
    counts[g_array_index (highlights->codings, FeCodingEntry, i).code]++;
  for (guint i = 0; i < codes->len; i++)
    {
      FeCodebookCode *code = g_ptr_array_index (codes, i);
      int level = fe_column_find_level (highlights, code->code);
      guint found = level >= 0 ? counts[level] : 0;

      if (code->count > 0 && found != code->count)
        fe_study_add_warning (self,
                              _("%s, line %u: the codebook counts %u highlights tagged “%s” but %s has "
                                "%u. Were they exported at different times?"),
                              codebook_name, code->line, code->count, code->code, self->name,
                              found);
    }
}
