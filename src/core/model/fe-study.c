/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-study-private.h"

#include "fe-i18n.h"
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "fe-text-decode.h"

G_DEFINE_QUARK (fe-study-error-quark, fe_study_error)

void
fe_study_report_progress (FeStudy *self,
                          double   fraction,
                          gboolean force)
{
  gint64 now;

  if (self->progress == NULL)
    return;
  now = g_get_monotonic_time ();
  if (!force && now - self->last_progress < G_USEC_PER_SEC / 30)
    return;
  self->last_progress = now;
  self->progress (fraction, self->progress_data);
}

gboolean
fe_study_load_cancelled (FeStudy  *self,
                         GError  **error)
{
  return g_cancellable_set_error_if_cancelled (self->cancellable, error);
}

static void
repeated_warning_clear (RepeatedWarning *repeated)
{
  g_clear_pointer (&repeated->file, g_free);
  g_clear_pointer (&repeated->first, g_free);
  g_clear_pointer (&repeated->example[0], g_free);
  g_clear_pointer (&repeated->example[1], g_free);
  g_clear_pointer (&repeated->lines, g_array_unref);
  repeated->count = 0;
}

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
  g_free (self->sheet);
  g_clear_pointer (&self->responses, fe_csv_table_free);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->columns_by_id, g_hash_table_unref);
  g_clear_pointer (&self->complete, fe_bitset_free);
  g_clear_pointer (&self->universe, fe_bitset_free);
  g_clear_pointer (&self->rows_by_respondent, g_hash_table_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  for (guint k = 0; k < N_REPEATED; k++)
    repeated_warning_clear (&self->repeated[k]);
  g_clear_pointer (&self->hidden, g_ptr_array_unref);
  g_clear_pointer (&self->rows_by_document, g_hash_table_unref);
  g_clear_pointer (&self->document_regex, g_regex_unref);
  g_clear_pointer (&self->corrections, g_hash_table_unref);
  g_clear_pointer (&self->stat_entries, g_hash_table_unref);
  g_clear_pointer (&self->stat, fe_stat_file_free);
  g_free (self->weight);
  g_free (self->weights);
  g_free (self->document_pattern);
  g_free (self->coding_question);

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
  self->hidden = g_ptr_array_new ();
}

G_GNUC_PRINTF (2, 3)
void
fe_study_add_warning (FeStudy    *self,
                      const char *format,
                      ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Notes one more warning of @kind, at @line of @file; the sentence (@format) is kept only for
 * the first, in case it stays alone. */
G_GNUC_PRINTF (7, 8)
void
fe_study_add_repeated_warning (FeStudy      *self,
                               RepeatedKind  kind,
                               const char   *file,
                               guint         line,
                               const char   *example0,
                               const char   *example1,
                               const char   *format,
                               ...)
{
  RepeatedWarning *repeated = &self->repeated[kind];

  if (repeated->count == 0)
    {
      va_list args;

      va_start (args, format);
      repeated->first = g_strdup_vprintf (format, args);
      va_end (args);
      repeated->file = g_strdup (file);
      repeated->example[0] = g_strdup (example0);
      repeated->example[1] = g_strdup (example1);
      repeated->lines = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  if (repeated->lines->len < REPEATED_LINES_LISTED)
    g_array_append_val (repeated->lines, line);
  repeated->count++;
}

static char *
describe_repeated (const RepeatedWarning *repeated,
                   RepeatedKind           kind,
                   const char            *responses_name)
{
  g_autofree char *lines = fe_text_describe_lines (repeated->lines, repeated->count);
  guint n = repeated->count;

  switch (kind)
    {
    case REPEATED_UNLISTED_LEVEL:
      return g_strdup_printf (ngettext (
                                           "%s: %u answer is not among the levels the codebook "
                                           "lists (line %s; the first is “%s” in %s); it is "
                                           "counted as a level of its own. Add it to the "
                                           "codebook's levels to place it.",
                                           "%s: %u different answers are not among the levels "
                                           "the codebook lists (lines %s; the first is “%s” in "
                                           "%s); each is counted as a level of its own. Add "
                                           "them to the codebook's levels to place them.", n),
                              repeated->file, n, lines, repeated->example[0],
                              repeated->example[1]);
    case REPEATED_EXCERPT_MISMATCH:
      return g_strdup_printf (ngettext (
                                           "%s: %u excerpt is not part of the answer it codes "
                                           "(line %s); it is shown as the coding file writes it.",
                                           "%s: %u excerpts are not part of the answers they code "
                                           "(lines %s); they are shown as the coding file writes "
                                           "them.", n),
                              repeated->file, n, lines);
    case REPEATED_UNKNOWN_COLUMN:
    case N_REPEATED:
    default:
      return g_strdup_printf (ngettext (
                                           "%s: the codebook describes %u column that %s does "
                                           "not have (line %s: “%s”); that line is ignored.",
                                           "%s: the codebook describes %u columns that %s does "
                                           "not have (lines %s; the first is “%s”); those lines "
                                           "are ignored.", n),
                              repeated->file, n, responses_name, lines, repeated->example[0]);
    }
}

/* Says each kind of repeated warning once, after the study's other warnings. */
void
fe_study_flush_repeated_warnings (FeStudy *self)
{
  for (guint k = 0; k < N_REPEATED; k++)
    {
      RepeatedWarning *repeated = &self->repeated[k];

      if (repeated->count == 1)
        g_ptr_array_add (self->warnings, g_steal_pointer (&repeated->first));
      else if (repeated->count > 1)
        g_ptr_array_add (self->warnings,
                         describe_repeated (repeated, k, fe_csv_table_get_name (self->responses)));
      repeated_warning_clear (repeated);
    }
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
      g_autofree char *id = fe_study_dup_answer (self, self->id_column, row);

      if (*id != '\0')
        return g_steal_pointer (&id);
    }
  return g_strdup_printf ("%u", row + 1);
}

int
fe_study_find_respondent (FeStudy    *self,
                          const char *id)
{
  GHashTable *rows;
  gpointer row;

  g_return_val_if_fail (FE_IS_STUDY (self), -1);

  /* Built on first look-up and published atomically: a briefing pack being written on another
   * thread looks respondents up too, and the two must not build it at once. */
  rows = g_atomic_pointer_get (&self->rows_by_respondent);
  if (rows == NULL)
    {
      GHashTable *built = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint r = self->n_rows; r-- > 0;)
        g_hash_table_insert (built, fe_study_dup_respondent_id (self, r),
                             GUINT_TO_POINTER (r + 1));
      if (g_atomic_pointer_compare_and_exchange (&self->rows_by_respondent, NULL, built))
        rows = built;
      else
        {
          g_hash_table_unref (built);
          rows = g_atomic_pointer_get (&self->rows_by_respondent);
        }
    }

  row = g_hash_table_lookup (rows, id);
  return row ? (int) GPOINTER_TO_UINT (row) - 1 : -1;
}

static int
first_member_chosen (FeStudy        *self,
                     const FeColumn *column,
                     guint           row)
{
  for (guint m = 0; m < column->members->len; m++)
    {
      guint source = g_array_index (column->members, guint, m);

      if (fe_study_member_chose (self, row, source,
                                 fe_study_option_mark (self, source,
                                                       g_ptr_array_index (column->member_options,
                                                                          m))))
        return (int) m;
    }
  return -1;
}

static int
compare_typed_answers (gconstpointer a,
                       gconstpointer b)
{
  const FeTypedAnswer *ta = a, *tb = b;

  return ta->count != tb->count ? (ta->count > tb->count ? -1 : 1) : strcmp (ta->text, tb->text);
}

GArray *
fe_study_list_typed_answers (FeStudy        *self,
                             const FeColumn *column)
{
  GArray *answers = g_array_new (FALSE, FALSE, sizeof (FeTypedAnswer));
  guint n_values;

  g_return_val_if_fail (FE_IS_STUDY (self), answers);
  g_array_set_clear_func (answers, (GDestroyNotify) fe_typed_answer_clear);
  if (column->other_level < 0 || column->members != NULL)
    return answers;
  n_values = fe_csv_table_get_n_values (self->responses, column->source_column);
  for (guint v = 0; n_values != G_MAXUINT && v < n_values; v++)
    {
      FeTypedAnswer answer = { NULL, 0 };
      const char *value = fe_csv_table_get_value (self->responses, column->source_column, v,
                                                  &answer.count, NULL);

      if (fe_column_find_level (column, value) >= 0)
        continue;
      answer.text = g_strdup (value);
      g_array_append_val (answers, answer);
    }
  g_array_sort (answers, compare_typed_answers);
  return answers;
}

void
fe_typed_answer_clear (FeTypedAnswer *answer)
{
  g_clear_pointer (&answer->text, g_free);
}

const char *
fe_study_get_answer (FeStudy        *self,
                     const FeColumn *column,
                     guint           row)
{
  g_return_val_if_fail (FE_IS_STUDY (self), NULL);

  /* A question spread over one column per option: the option picked (the first of them). */
  if (column->members != NULL)
    {
      int m = first_member_chosen (self, column, row);

      return m >= 0 ? g_ptr_array_index (column->member_options, m) : "";
    }
  return fe_csv_table_get_cell (self->responses, row, column->source_column);
}

char *
fe_study_dup_answer (FeStudy        *self,
                     const FeColumn *column,
                     guint           row)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (FE_IS_STUDY (self), NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);

  /* A question spread over one column per option answers with the option picked. */
  if (column->members != NULL)
    return g_strdup (fe_study_get_answer (self, column, row));
  return g_strdup (fe_csv_table_read_cell (self->responses, row, column->source_column, text));
}

char *
fe_study_read_answer (FeStudy         *self,
                      const FeColumn  *column,
                      guint            row,
                      GError         **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *cell;

  g_return_val_if_fail (FE_IS_STUDY (self), NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);

  if (column->members != NULL)
    return g_strdup (fe_study_get_answer (self, column, row));
  cell = fe_csv_table_read_cell_checked (self->responses, row, column->source_column, text,
                                         error);
  return cell != NULL ? g_strdup (cell) : NULL;
}

gboolean
fe_study_check_unchanged (FeStudy  *self,
                          GError  **error)
{
  g_return_val_if_fail (FE_IS_STUDY (self), FALSE);
  return fe_csv_table_check_source (self->responses, error);
}

const char *
fe_study_get_level_label (FeStudy        *self,
                          const FeColumn *column,
                          guint           row)
{
  g_return_val_if_fail (FE_IS_STUDY (self), NULL);
  g_return_val_if_fail (column->values != NULL, NULL);

  return column->values[row] ? fe_column_get_level (column, column->values[row] - 1) : NULL;
}

const char *
fe_study_get_display_level_label (FeStudy        *self,
                                  const FeColumn *column,
                                  guint           row)
{
  g_return_val_if_fail (FE_IS_STUDY (self), NULL);
  g_return_val_if_fail (column->values != NULL, NULL);

  return column->values[row] ? fe_column_get_display_level (column, column->values[row] - 1)
                             : NULL;
}

void
fe_study_set_language (FeStudy    *self,
                       const char *language)
{
  g_return_if_fail (FE_IS_STUDY (self));

  self->language = language != NULL && *language != '\0' ? g_intern_string (language) : NULL;
  for (guint c = 0; c < self->columns->len; c++)
    fe_column_set_language (g_ptr_array_index (self->columns, c), self->language);
}

const char *
fe_study_get_language (FeStudy *self)
{
  g_return_val_if_fail (FE_IS_STUDY (self), NULL);
  return self->language;
}

gboolean
fe_study_has_language (FeStudy    *self,
                       const char *language)
{
  g_return_val_if_fail (FE_IS_STUDY (self), FALSE);

  for (guint c = 0; language != NULL && c < self->columns->len; c++)
    if (fe_column_has_language (g_ptr_array_index (self->columns, c), language))
      return TRUE;
  return FALSE;
}

const char *
fe_study_language_from_locale (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      gsize length = strcspn (names[i], "_-.@");
      g_autofree char *language = NULL;

      if (length == 0 || strcmp (names[i], "C") == 0 || strcmp (names[i], "POSIX") == 0)
        continue;
      language = g_ascii_strdown (names[i], (gssize) length);
      if (strcmp (language, "c") == 0 || strcmp (language, "posix") == 0)
        continue;
      return g_intern_string (language);
    }
  return NULL;
}

gboolean
fe_study_check_correction (FeStudy                   *self,
                           const FeColumnCorrection  *correction,
                           GError                   **error)
{
  FeColumn *column;

  g_return_val_if_fail (FE_IS_STUDY (self), FALSE);
  g_return_val_if_fail (correction != NULL, FALSE);

  column = fe_study_find_column (self, correction->column);
  if (column == NULL)
    {
      g_set_error (error, FE_STUDY_ERROR, FE_STUDY_ERROR_CORRECTION,
                   _("%s has no column “%s” to correct."), self->name, correction->column);
      return FALSE;
    }
  if (correction->has_role && correction->role != column->role
      && !fe_study_check_level_count (self, column, correction->role, error))
    return FALSE;
  /* A new role brings its own levels, known only once the study loads again. */
  if (correction->has_role && correction->role != column->role)
    return TRUE;
  return fe_study_check_level_names (column, correction->levels, error);
}

GPtrArray *
fe_study_get_warnings (FeStudy *self)
{
  g_return_val_if_fail (FE_IS_STUDY (self), NULL);
  return self->warnings;
}

const char *
fe_study_get_weight_variable (FeStudy *self)
{
  g_return_val_if_fail (FE_IS_STUDY (self), NULL);
  return self->weight;
}

const double *
fe_study_get_weights (FeStudy *self)
{
  g_return_val_if_fail (FE_IS_STUDY (self), NULL);
  return self->weights;
}

FeUnweighted
fe_study_count_unweighted (FeStudy *self)
{
  FeUnweighted none = { 0 };

  g_return_val_if_fail (FE_IS_STUDY (self), none);
  return self->unweighted;
}

char *
fe_study_describe_unweighted (FeStudy *self)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *why = NULL;
  FeUnweighted none = self->unweighted;
  guint n_none = none.missing + none.zero + none.negative;

  if (n_none == 0)
    return NULL;
  if (none.missing > 0)
    g_ptr_array_add (reasons, g_strdup_printf (ngettext ("%u with no weight",
                                                         "%u with no weight", none.missing),
                                               none.missing));
  if (none.zero > 0)
    g_ptr_array_add (reasons, g_strdup_printf (ngettext ("%u weighing 0", "%u weighing 0",
                                                         none.zero), none.zero));
  if (none.negative > 0)
    g_ptr_array_add (reasons, g_strdup_printf (ngettext ("%u with a negative weight",
                                                         "%u with a negative weight",
                                                         none.negative), none.negative));
  g_ptr_array_add (reasons, NULL);
  why = g_strjoinv (", ", (char **) reasons->pdata);
  /* Translators: respondents left out of weighted percentages, and why: "2 respondents weigh
   * nothing in weighted percentages, as in SPSS: 1 with no weight, 1 weighing 0." */
  return g_strdup_printf (ngettext ("%u respondent weighs nothing in weighted percentages, as "
                                    "in SPSS: %s.",
                                    "%u respondents weigh nothing in weighted percentages, as "
                                    "in SPSS: %s.", n_none),
                          n_none, why);
}

char *
fe_study_describe_weight (FeStudy *self)
{
  g_autofree char *unweighted = NULL;
  g_autofree char *said = NULL;

  g_return_val_if_fail (FE_IS_STUDY (self), NULL);

  if (self->weight == NULL)
    return NULL;
  if (self->weights_too_large)
    /* Translators: a case weight whose weights sum past what a number holds */
    return g_strdup_printf (_("%s, declared in the file, but its weights are too large to work "
                              "out percentages with: percentages cannot be weighted by it."),
                            self->weight);
  if (self->weights == NULL)
    /* Translators: a case weight that is text, not numbers */
    return g_strdup_printf (_("%s, declared in the file, but it holds no numbers: percentages "
                              "cannot be weighted by it."), self->weight);
  /* Translators: the case weight an SPSS or Stata file declares */
  said = g_strdup_printf (_("%s, declared in the file. Percentages are unweighted unless "
                            "weighted percentages are asked for; counts are always of "
                            "respondents."), self->weight);
  unweighted = fe_study_describe_unweighted (self);
  if (unweighted == NULL)
    return g_steal_pointer (&said);
  return g_strconcat (said, " ", unweighted, NULL);
}

gboolean
fe_study_numbers_are_plain (FeStudy *self)
{
  g_return_val_if_fail (FE_IS_STUDY (self), FALSE);
  return self->responses != NULL && fe_csv_table_numbers_are_plain (self->responses);
}

const char *
fe_study_get_format_name (FeStudy *self)
{
  g_return_val_if_fail (FE_IS_STUDY (self), NULL);
  if (self->sheet != NULL && self->format == FE_SURVEY_FORMAT_PLAIN)
    return _("Excel workbook");
  return fe_survey_format_get_name (self->format);
}

const char *
fe_study_get_sheet (FeStudy *self)
{
  g_return_val_if_fail (FE_IS_STUDY (self), NULL);
  return self->sheet;
}

GPtrArray *
fe_study_get_hidden_columns (FeStudy *self)
{
  g_return_val_if_fail (FE_IS_STUDY (self), NULL);
  return self->hidden;
}

char *
fe_study_describe_hidden_columns (FeStudy *self)
{
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (FE_IS_STUDY (self), NULL);

  if (self->hidden->len == 0)
    return NULL;
  for (guint i = 0; i < self->hidden->len; i++)
    {
      FeColumn *column = g_ptr_array_index (self->hidden, i);

      if (i > 0)
        g_string_append (names, i + 1 == self->hidden->len ? _(" and ") : ", ");
      g_string_append (names, column->id);
    }
  return g_strdup_printf (ngettext (
                                       "Hidden to protect respondents: %s, which could identify "
                                       "them. It is left out of every chart, quote and export; "
                                       "give it a role in the codebook to use it.",
                                       "Hidden to protect respondents: %s, which could identify "
                                       "them. They are left out of every chart, quote and export; "
                                       "give one a role in the codebook to use it.",
                                       self->hidden->len),
                          names->str);
}

GPtrArray *
fe_study_get_group_columns (FeStudy    *self,
                            const char *group)
{
  GPtrArray *columns = g_ptr_array_new ();

  g_return_val_if_fail (FE_IS_STUDY (self), columns);
  for (guint c = 0; c < self->columns->len; c++)
    {
      FeColumn *column = g_ptr_array_index (self->columns, c);

      if (group != NULL && g_strcmp0 (column->group, group) == 0)
        g_ptr_array_add (columns, column);
    }
  return columns;
}

static gboolean
header_has (char       **names,
            const char  *name)
{
  return g_strv_contains ((const char * const *) names, name);
}

FeDataFileKind
fe_data_file_guess_kind (const char *path)
{
  GStatBuf st;
  int fd = fe_csv_open_input (path, "", &st, NULL);
  char buffer[4096];
  gssize length;
  g_autofree char *line = NULL;
  g_auto(GStrv) names = NULL;

  /* A pipe or a device is not waited on here: loading it as responses says what it is. An SPSS
   * or Stata file holds responses. */
  if (fd < 0)
    return FE_DATA_FILE_RESPONSES;
  if (fe_stat_file_sniff (path) != FE_STAT_FILE_NONE)
    {
      close (fd);
      return FE_DATA_FILE_RESPONSES;
    }
  length = read (fd, buffer, sizeof buffer - 1);
  close (fd);
  if (length <= 0)
    return FE_DATA_FILE_RESPONSES;
  buffer[length] = '\0';

  /* The first line, without a byte order mark, quotes or case, split at any usual delimiter. */
  line = g_ascii_strdown (buffer + (g_str_has_prefix (buffer, "\xef\xbb\xbf") ? 3 : 0), -1);
  line[strcspn (line, "\r\n")] = '\0';
  g_strdelimit (line, "\"", ' ');
  g_strdelimit (line, ";\t", ',');
  names = g_strsplit (line, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    g_strstrip (names[i]);

  if (header_has (names, "column") && header_has (names, "role"))
    return FE_DATA_FILE_CODEBOOK;
  /* A REDCap data dictionary: "Variable / Field Name", "Form Name", "Field Type"…, or as the
   * API writes it, field_name, form_name, field_type… */
  if ((header_has (names, "variable / field name") && header_has (names, "field type"))
      || (header_has (names, "field_name") && header_has (names, "field_type")))
    return FE_DATA_FILE_CODEBOOK;
  if ((header_has (names, "respondent") || header_has (names, "participant"))
      && header_has (names, "code"))
    return FE_DATA_FILE_CODING;
  if (header_has (names, "document") && header_has (names, "tag"))
    return FE_DATA_FILE_CODING;
  return FE_DATA_FILE_RESPONSES;
}
