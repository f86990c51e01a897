/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-stat-file.h"

#include "fe-i18n.h"
#include <math.h>
#include <readstat.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fe-codebook.h"
#include "fe-csv-field.h"
#include "fe-sav-dict.h"
#include "fe-scale-order.h"

G_DEFINE_QUARK (fe-stat-file-error-quark, fe_stat_file_error)

/* A value of a variable, as the file stores it. */
typedef enum
{
  CELL_VALUE,
  CELL_SYSTEM_MISSING,
  CELL_USER_MISSING,
} CellState;

typedef struct
{
  char      *name;
  char      *label;
  char      *format;
  char      *label_set;
  gboolean   is_string;
  readstat_measure_t measure;
  guint      n_missing;
  double     missing_lo[32];
  double     missing_hi[32];
  char      *missing_string[32];
  GArray    *numbers;   /* double per case */
  GPtrArray *strings;   /* char* per case (string variables) */
  GArray    *states;    /* guint8 CellState per case */
  guint      n_user_missing;
  guint      n_system_missing;
  /* Worked out once the file is read: */
  GPtrArray *codes;     /* Code*, its non-missing labelled and observed values in code order */
  gboolean   labelled;  /* some non-missing value has a label */
  guint      n_labels;  /* of @codes, how many a label names */
  int        set;       /* index of the first MR set it belongs to, or -1 */
  gboolean   as_numbers; /* counted as numbers: its labels ("0 = None") are not answers */
} Var;

typedef struct
{
  gboolean  is_string;
  double    number;
  char     *string;
  char     *label;
  gboolean  non_answer;  /* the label says no answer ("Refused"), judged once */
} ValueLabel;

/* One distinct value of a labelled variable and how it reads. */
typedef struct
{
  double  number;
  char   *string;
  char   *text;
} Code;

typedef struct
{
  const char   *display_name;
  FeStatFileKind kind;
  GPtrArray    *vars;        /* Var* */
  GHashTable   *label_sets;  /* name → GPtrArray of ValueLabel* */
  guint         n_rows;
  char         *encoding;
  int           weight;      /* index of the weight variable, or -1 */
  GCancellable *cancellable;
  FeStatProgressFunc progress;
  gpointer      progress_data;
  char         *error_detail;
} ReadContext;

static void
var_free (Var *var)
{
  g_free (var->name);
  g_free (var->label);
  g_free (var->format);
  g_free (var->label_set);
  for (guint i = 0; i < G_N_ELEMENTS (var->missing_string); i++)
    g_free (var->missing_string[i]);
  g_clear_pointer (&var->numbers, g_array_unref);
  g_clear_pointer (&var->strings, g_ptr_array_unref);
  g_clear_pointer (&var->states, g_array_unref);
  g_clear_pointer (&var->codes, g_ptr_array_unref);
  g_free (var);
}

static void
value_label_free (ValueLabel *label)
{
  g_free (label->string);
  g_free (label->label);
  g_free (label);
}

static void
code_free (Code *code)
{
  g_free (code->string);
  g_free (code->text);
  g_free (code);
}

/* Every text that goes into the table must be UTF-8: ReadStat converts from the declared
 * encoding, but a file may lie about it. */
static char *
dup_utf8 (const char *text)
{
  if (text == NULL)
    return NULL;
  if (g_utf8_validate (text, -1, NULL))
    return g_strdup (text);
  return g_utf8_make_valid (text, -1);
}

/* As a CSV cell reads: trimmed, with \n line ends, so that a label is found among the cells. */
static char *
dup_stripped (const char *text)
{
  char *copy = dup_utf8 (text);

  if (copy == NULL)
    return NULL;
  copy[fe_csv_normalize_line_ends (copy, strlen (copy))] = '\0';
  return g_strstrip (copy);
}

/* ---- ReadStat's callbacks ------------------------------------------------------------------ */

static int
on_metadata (readstat_metadata_t *metadata,
             void                *user_data)
{
  ReadContext *ctx = user_data;
  const char *encoding = readstat_get_file_encoding (metadata);

  ctx->encoding = encoding != NULL && *encoding ? g_strdup (encoding) : NULL;
  return READSTAT_HANDLER_OK;
}

static int
on_variable (int                  index,
             readstat_variable_t *variable,
             const char          *val_labels,
             void                *user_data)
{
  ReadContext *ctx = user_data;
  Var *var = g_new0 (Var, 1);
  const char *label = readstat_variable_get_label (variable);
  const char *format = readstat_variable_get_format (variable);
  int n_missing = readstat_variable_get_missing_ranges_count (variable);

  var->name = dup_stripped (readstat_variable_get_name (variable));
  /* A damaged file can leave a variable nameless: it is named by its place, as SPSS does. */
  if (var->name == NULL || *var->name == '\0')
    {
      g_free (var->name);
      var->name = g_strdup_printf ("VAR%05d", readstat_variable_get_index (variable) + 1);
    }
  var->label = label != NULL && *label ? dup_stripped (label) : NULL;
  var->format = g_strdup (format != NULL ? format : "");
  var->label_set = val_labels != NULL && *val_labels ? g_strdup (val_labels) : NULL;
  var->is_string = readstat_variable_get_type_class (variable) == READSTAT_TYPE_CLASS_STRING;
  var->measure = readstat_variable_get_measure (variable);
  var->set = -1;
  for (int i = 0; i < n_missing && var->n_missing < G_N_ELEMENTS (var->missing_lo); i++)
    {
      readstat_value_t lo = readstat_variable_get_missing_range_lo (variable, i);
      readstat_value_t hi = readstat_variable_get_missing_range_hi (variable, i);
      guint m = var->n_missing++;

      if (readstat_value_type_class (lo) == READSTAT_TYPE_CLASS_STRING)
        var->missing_string[m] = dup_stripped (readstat_string_value (lo));
      else
        {
          var->missing_lo[m] = readstat_double_value (lo);
          var->missing_hi[m] = readstat_double_value (hi);
        }
    }
  if (var->is_string)
    var->strings = g_ptr_array_new_with_free_func (g_free);
  else
    var->numbers = g_array_new (FALSE, TRUE, sizeof (double));
  var->states = g_array_new (FALSE, TRUE, sizeof (guint8));

  /* The index is the variable's position; ReadStat reports them in order. */
  if ((guint) index != ctx->vars->len)
    {
      var_free (var);
      return READSTAT_HANDLER_ABORT;
    }
  g_ptr_array_add (ctx->vars, var);
  return READSTAT_HANDLER_OK;
}

static int
on_fweight (readstat_variable_t *variable,
            void                *user_data)
{
  ReadContext *ctx = user_data;

  ctx->weight = readstat_variable_get_index (variable);
  return READSTAT_HANDLER_OK;
}

static gboolean
string_is_missing (const Var  *var,
                   const char *value)
{
  for (guint i = 0; i < var->n_missing; i++)
    if (var->missing_string[i] != NULL && strcmp (var->missing_string[i], value) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
number_is_missing (const Var *var,
                   double     value)
{
  for (guint i = 0; i < var->n_missing; i++)
    if (var->missing_string[i] == NULL && value >= var->missing_lo[i]
        && value <= var->missing_hi[i])
      return TRUE;
  return FALSE;
}

static int
on_value (int                  obs_index,
          readstat_variable_t *variable,
          readstat_value_t     value,
          void                *user_data)
{
  ReadContext *ctx = user_data;
  int index = readstat_variable_get_index (variable);
  Var *var;
  guint8 state = CELL_VALUE;
  guint row;

  if (index < 0 || (guint) index >= ctx->vars->len || obs_index < 0)
    return READSTAT_HANDLER_ABORT;
  var = g_ptr_array_index (ctx->vars, index);
  row = (guint) obs_index;
  if (row >= G_MAXINT32)
    return READSTAT_HANDLER_ABORT;
  ctx->n_rows = MAX (ctx->n_rows, row + 1);
  if (index == 0 && ctx->cancellable != NULL && row % 4096 == 0
      && g_cancellable_is_cancelled (ctx->cancellable))
    return READSTAT_HANDLER_ABORT;

  if (var->is_string)
    {
      char *text = dup_stripped (readstat_string_value (value));

      if (text == NULL)
        text = g_strdup ("");
      if (*text == '\0')
        state = CELL_SYSTEM_MISSING;
      else if (string_is_missing (var, text))
        state = CELL_USER_MISSING;
      if (var->strings->len <= row)
        g_ptr_array_set_size (var->strings, (int) row + 1);
      g_free (g_ptr_array_index (var->strings, row));
      g_ptr_array_index (var->strings, row) = text;
    }
  else
    {
      double number = readstat_double_value (value);

      if (readstat_value_is_tagged_missing (value))
        state = CELL_USER_MISSING;
      else if (readstat_value_is_system_missing (value) || isnan (number))
        state = CELL_SYSTEM_MISSING;
      else if (readstat_value_is_defined_missing (value, variable)
               || number_is_missing (var, number))
        state = CELL_USER_MISSING;
      if (var->numbers->len <= row)
        g_array_set_size (var->numbers, row + 1);
      g_array_index (var->numbers, double, row) = number;
    }
  if (var->states->len <= row)
    g_array_set_size (var->states, row + 1);
  g_array_index (var->states, guint8, row) = state;
  return READSTAT_HANDLER_OK;
}

static int
on_value_label (const char       *val_labels,
                readstat_value_t  value,
                const char       *label,
                void             *user_data)
{
  ReadContext *ctx = user_data;
  GPtrArray *set = g_hash_table_lookup (ctx->label_sets, val_labels);
  ValueLabel *entry;

  /* Labels on Stata's tagged missing values (.a "apple") label answers that are missing. */
  if (readstat_value_is_tagged_missing (value) || label == NULL)
    return READSTAT_HANDLER_OK;
  if (set == NULL)
    {
      set = g_ptr_array_new_with_free_func ((GDestroyNotify) value_label_free);
      g_hash_table_insert (ctx->label_sets, g_strdup (val_labels), set);
    }
  entry = g_new0 (ValueLabel, 1);
  entry->is_string = readstat_value_type_class (value) == READSTAT_TYPE_CLASS_STRING;
  if (entry->is_string)
    entry->string = dup_stripped (readstat_string_value (value));
  else
    entry->number = readstat_double_value (value);
  entry->label = dup_stripped (label);
  entry->non_answer = fe_answer_is_non_substantive (entry->label);
  g_ptr_array_add (set, entry);
  return READSTAT_HANDLER_OK;
}

static int
on_progress (double progress,
             void  *user_data)
{
  ReadContext *ctx = user_data;

  if (ctx->cancellable != NULL && g_cancellable_is_cancelled (ctx->cancellable))
    return READSTAT_HANDLER_ABORT;
  if (ctx->progress != NULL)
    ctx->progress (progress, ctx->progress_data);
  return READSTAT_HANDLER_OK;
}

static void
on_error (const char *message,
          void       *user_data)
{
  ReadContext *ctx = user_data;

  if (ctx->error_detail == NULL && message != NULL)
    ctx->error_detail = g_strstrip (dup_utf8 (message));
}

/* ---- Sniffing ------------------------------------------------------------------------------ */

FeStatFileKind
fe_stat_file_sniff (const char *path)
{
  char head[512];
  GStatBuf st;
  gssize n;
  /* Never waits: a pipe, a socket or a device is refused here, and loading it as CSV says
   * what it is. */
  int fd = fe_csv_open_input (path, "", &st, NULL);

  if (fd < 0)
    return FE_STAT_FILE_NONE;
  n = read (fd, head, sizeof head);
  close (fd);
  if (n < 0)
    return FE_STAT_FILE_NONE;
  if (n >= 4 && (memcmp (head, "$FL2", 4) == 0 || memcmp (head, "$FL3", 4) == 0))
    return FE_STAT_FILE_SAV;
  /* A password-protected .sav: a short header, then ENCRYPTEDSAV. */
  if (n >= 20 && memcmp (head + 8, "ENCRYPTEDSAV", 12) == 0)
    return FE_STAT_FILE_SAV;
  if (n >= 11 && memcmp (head, "<stata_dta>", 11) == 0)
    return FE_STAT_FILE_DTA;
  /* Stata 104–115: a version byte, the byte order (1 or 2), the file type 1. */
  if (n >= 4 && (guint8) head[0] >= 104 && (guint8) head[0] <= 115
      && (head[1] == 1 || head[1] == 2) && head[2] == 1 && g_str_has_suffix (path, ".dta"))
    return FE_STAT_FILE_DTA;
  /* A portable file: 200 bytes of vanity, a 256-byte character table, then SPSSPORT, with
   * line breaks every 80 characters. */
  if (g_strstr_len (head, n, "SPSS PORT FILE") != NULL
      || (strlen (path) >= 4 && g_ascii_strcasecmp (path + strlen (path) - 4, ".por") == 0))
    return FE_STAT_FILE_POR;
  return FE_STAT_FILE_NONE;
}

/* ---- Turning values into text -------------------------------------------------------------- */

static void
append_number (GString *out,
               double   value)
{
  static const char * const float_formats[] = { "%.6g", "%.7g", "%.8g", "%.9g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == floor (value) && fabs (value) < 1e15)
    {
      g_string_append_printf (out, "%.0f", value == 0 ? 0.0 : value);
      return;
    }
  /* A value kept as a 4-byte float (a Stata float, or an SPSS double converted from one) is
   * written with the digits a float holds, as the program that wrote it shows it: 38.4, not
   * 38.4000015258789. A double that is not exactly a float keeps its own digits. */
  if (isfinite (value) && (double) (float) value == value)
    for (guint i = 0; i < G_N_ELEMENTS (float_formats); i++)
      {
        g_ascii_formatd (buffer, sizeof buffer, float_formats[i], value);
        if ((float) g_ascii_strtod (buffer, NULL) == (float) value)
          {
            g_string_append (out, buffer);
            return;
          }
      }
  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

typedef enum
{
  DATE_NONE,
  DATE_DAY,
  DATE_TIME_OF_DAY,
  DATE_DATETIME,
} DateKind;

static DateKind
date_kind (const Var *var,
           gboolean   stata,
           double    *unit)
{
  const char *f = var->format;

  *unit = 1;
  if (var->is_string || f == NULL)
    return DATE_NONE;
  if (stata)
    {
      if (g_str_has_prefix (f, "%td") || g_str_has_prefix (f, "%d"))
        {
          *unit = 86400;
          return DATE_DAY;
        }
      if (g_str_has_prefix (f, "%tc") || g_str_has_prefix (f, "%tC"))
        {
          *unit = 0.001;
          return DATE_DATETIME;
        }
      return DATE_NONE;
    }
  if (g_str_has_prefix (f, "DATETIME") || g_str_has_prefix (f, "YMDHMS"))
    return DATE_DATETIME;
  if (g_str_has_prefix (f, "TIME") || g_str_has_prefix (f, "DTIME") || g_str_has_prefix (f, "MTIME"))
    return DATE_TIME_OF_DAY;
  if (strstr (f, "DATE") != NULL || g_str_has_prefix (f, "QYR") || g_str_has_prefix (f, "MOYR")
      || g_str_has_prefix (f, "WKYR"))
    return DATE_DAY;
  return DATE_NONE;
}

/* Dates are seconds since 14 October 1582 in SPSS, days (or milliseconds) since 1 January
 * 1960 in Stata. */
static gboolean
append_date (GString  *out,
             DateKind  kind,
             gboolean  stata,
             double    unit,
             double    value)
{
  double seconds = value * unit;
  /* Rounded to the second before the day is found: half a second before midnight is the next
   * day's 00:00:00, not 24:00:00 of this one. */
  double days = floor ((kind == DATE_DATETIME ? round (seconds) : seconds) / 86400);
  double in_day = (kind == DATE_DATETIME ? round (seconds) : seconds) - days * 86400;
  GDate epoch;
  double julian;

  if (kind == DATE_TIME_OF_DAY)
    {
      gint64 s = (gint64) llround (seconds);

      if (s < 0)
        return FALSE;
      g_string_append_printf (out, "%02" G_GINT64_FORMAT ":%02d:%02d", s / 3600,
                              (int) (s / 60 % 60), (int) (s % 60));
      return TRUE;
    }
  g_date_clear (&epoch, 1);
  if (stata)
    g_date_set_dmy (&epoch, 1, G_DATE_JANUARY, 1960);
  else
    g_date_set_dmy (&epoch, 14, G_DATE_OCTOBER, 1582);
  julian = g_date_get_julian (&epoch) + days;
  if (!(julian >= 1 && julian < 3000000))
    return FALSE;
  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_julian (&date, (guint32) julian);
    if (!g_date_valid (&date))
      return FALSE;
    g_string_append_printf (out, "%04u-%02u-%02u", (guint) g_date_get_year (&date),
                            (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
  }
  if (kind == DATE_DATETIME)
    {
      gint64 s = (gint64) llround (in_day);

      g_string_append_printf (out, " %02d:%02d:%02d", (int) (s / 3600), (int) (s / 60 % 60),
                              (int) (s % 60));
    }
  return TRUE;
}

static const ValueLabel *
find_value_label (ReadContext *ctx,
                  const Var   *var,
                  double       number,
                  const char  *string)
{
  GPtrArray *set = var->label_set ? g_hash_table_lookup (ctx->label_sets, var->label_set) : NULL;

  for (guint i = 0; set != NULL && i < set->len; i++)
    {
      ValueLabel *label = g_ptr_array_index (set, i);

      if (var->is_string ? (label->is_string && strcmp (label->string, string) == 0)
                         : (!label->is_string && label->number == number))
        return label;
    }
  return NULL;
}

static const char *
find_label (ReadContext *ctx,
            const Var   *var,
            double       number,
            const char  *string)
{
  const ValueLabel *label = find_value_label (ctx, var, number, string);

  return label != NULL ? label->label : NULL;
}

/* How a case's value of @var reads in the table; "" when missing. */
static void
append_cell (ReadContext *ctx,
             const Var   *var,
             guint        row,
             GString     *out)
{
  gboolean stata = ctx->kind == FE_STAT_FILE_DTA;
  const char *label;
  double unit;
  DateKind kind;

  if (row >= var->states->len || g_array_index (var->states, guint8, row) != CELL_VALUE)
    return;
  if (var->is_string)
    {
      const char *text = row < var->strings->len ? g_ptr_array_index (var->strings, row) : NULL;

      if (text == NULL)
        return;
      label = find_label (ctx, var, 0, text);
      g_string_append (out, label != NULL && *label ? label : text);
      return;
    }
  label = find_label (ctx, var, g_array_index (var->numbers, double, row), NULL);
  if (label != NULL && *label)
    {
      g_string_append (out, label);
      return;
    }
  kind = date_kind (var, stata, &unit);
  if (kind != DATE_NONE
      && append_date (out, kind, stata, unit, g_array_index (var->numbers, double, row)))
    return;
  append_number (out, g_array_index (var->numbers, double, row));
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  const Code *x = *(const Code * const *) a;
  const Code *y = *(const Code * const *) b;

  if (x->string != NULL || y->string != NULL)
    return g_strcmp0 (x->string, y->string);
  return (x->number > y->number) - (x->number < y->number);
}

/* More distinct unlabelled values than this, and a variable is not a set of codes: its few
 * labels name special values only. */
#define MAX_CODES 60

/* The non-missing values that have a label, and those that occur, in code order. */
static void
collect_codes (ReadContext *ctx,
               Var         *var)
{
  GPtrArray *set = var->label_set ? g_hash_table_lookup (ctx->label_sets, var->label_set) : NULL;
  g_autoptr(GHashTable) seen_numbers = g_hash_table_new_full (g_double_hash, g_double_equal,
                                                              g_free, NULL);
  g_autoptr(GHashTable) seen_strings = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_unlabelled = 0;

  var->codes = g_ptr_array_new_with_free_func ((GDestroyNotify) code_free);
  for (guint i = 0; set != NULL && i < set->len; i++)
    {
      ValueLabel *label = g_ptr_array_index (set, i);
      Code *code;

      if (label->is_string != var->is_string || *label->label == '\0')
        continue;
      if (var->is_string ? string_is_missing (var, label->string)
                         : number_is_missing (var, label->number))
        continue;
      if (var->is_string ? g_hash_table_contains (seen_strings, label->string)
                         : g_hash_table_contains (seen_numbers, &label->number))
        continue;
      code = g_new0 (Code, 1);
      code->number = label->number;
      code->string = g_strdup (label->string);
      code->text = g_strdup (label->label);
      if (var->is_string)
        g_hash_table_add (seen_strings, code->string);
      else
        g_hash_table_add (seen_numbers, g_memdup2 (&code->number, sizeof (double)));
      g_ptr_array_add (var->codes, code);
    }
  var->labelled = var->codes->len > 0;
  var->n_labels = var->codes->len;
  if (!var->labelled)
    return;

  for (guint row = 0; row < var->states->len && n_unlabelled <= MAX_CODES; row++)
    {
      Code *code;

      if (g_array_index (var->states, guint8, row) != CELL_VALUE)
        continue;
      if (var->is_string)
        {
          const char *text = g_ptr_array_index (var->strings, row);

          if (text == NULL || g_hash_table_contains (seen_strings, text))
            continue;
          code = g_new0 (Code, 1);
          code->string = g_strdup (text);
          code->text = g_strdup (text);
          g_hash_table_add (seen_strings, code->string);
        }
      else
        {
          double number = g_array_index (var->numbers, double, row);
          g_autoptr(GString) text = g_string_new (NULL);

          if (g_hash_table_contains (seen_numbers, &number))
            continue;
          code = g_new0 (Code, 1);
          code->number = number;
          append_cell (ctx, var, row, text);
          code->text = g_strdup (text->str);
          g_hash_table_add (seen_numbers, g_memdup2 (&number, sizeof (double)));
        }
      g_ptr_array_add (var->codes, code);
      n_unlabelled++;
    }
  if (n_unlabelled > MAX_CODES)
    {
      var->labelled = FALSE;
      g_ptr_array_set_size (var->codes, 0);
      return;
    }
  g_ptr_array_sort (var->codes, compare_codes);
}

/* ---- Questions spread over variables ------------------------------------------------------- */

static const char * const selected_words[] = {
  "selected", "checked", "ticked", "chosen", "mentioned", "marked", "x", NULL,
};
static const char * const unselected_words[] = {
  "not selected", "unselected", "not checked", "unchecked", "not ticked", "unticked",
  "not chosen", "not mentioned", "not marked", NULL,
};

static gboolean
word_in (const char         *text,
         const char * const *list)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return g_strv_contains (list, g_strstrip (folded));
}


/* The counted value of a variable whose value labels mark whether an option was selected:
 * "1 Selected" (and "0 Not selected"), or Qualtrics' single label naming the option. */
static const Code *
selected_code (const Var *var)
{
  const Code *counted = NULL, *other = NULL;
  guint n_labelled = 0;

  if (var->is_string || !var->labelled || var->codes->len > 2 || var->set >= 0)
    return NULL;
  for (guint i = 0; i < var->codes->len; i++)
    {
      const Code *code = g_ptr_array_index (var->codes, i);
      gboolean is_number_text = FALSE;
      g_autoptr(GString) number = g_string_new (NULL);

      append_number (number, code->number);
      is_number_text = strcmp (number->str, code->text) == 0;
      n_labelled += !is_number_text;
      if (!is_number_text && word_in (code->text, selected_words))
        counted = code;
      else if (is_number_text || word_in (code->text, unselected_words))
        other = other == NULL ? code : other;
    }
  if (counted != NULL && (var->codes->len == 1 || other != NULL))
    return counted;
  /* One labelled value naming the option, the other (if any) unlabelled. */
  if (n_labelled == 1 && (var->codes->len == 1 || other != NULL))
    for (guint i = 0; i < var->codes->len; i++)
      {
        const Code *code = g_ptr_array_index (var->codes, i);

        if (code != other)
          return code;
      }
  return NULL;
}

/* Q5_1 … Q5_n, each marking its option selected or not, are one question's options. */
static void
find_selection_groups (ReadContext *ctx,
                       GHashTable  *options,
                       GPtrArray   *selected)
{
  for (guint i = 0; i < ctx->vars->len;)
    {
      Var *var = g_ptr_array_index (ctx->vars, i);
      g_autofree char *stem = fe_survey_format_dup_item_stem (var->name);
      g_autofree char *label_stem = NULL;
      guint last = i;

      if (stem == NULL || selected_code (var) == NULL)
        {
          i++;
          continue;
        }
      while (last + 1 < ctx->vars->len)
        {
          Var *next = g_ptr_array_index (ctx->vars, last + 1);
          g_autofree char *next_stem = fe_survey_format_dup_item_stem (next->name);

          if (next_stem == NULL || strcmp (next_stem, stem) != 0 || selected_code (next) == NULL)
            break;
          last++;
        }
      if (last == i)
        {
          i++;
          continue;
        }
      /* The question: the labels' common text before " - ", else the stem. */
      for (guint k = i; k <= last; k++)
        {
          Var *member = g_ptr_array_index (ctx->vars, k);
          const char *sep = member->label ? g_strrstr (member->label, " - ") : NULL;
          g_autofree char *this_stem = sep ? g_strndup (member->label,
                                                        (gsize) (sep - member->label)) : NULL;

          if (k == i)
            label_stem = g_steal_pointer (&this_stem);
          else if (g_strcmp0 (label_stem, this_stem) != 0)
            g_clear_pointer (&label_stem, g_free);
          if (label_stem == NULL)
            break;
        }
      /* Qualtrics labels every option's variable with the question itself. */
      if (label_stem == NULL)
        {
          Var *head = g_ptr_array_index (ctx->vars, i);

          label_stem = g_strdup (head->label);
          for (guint k = i + 1; k <= last && label_stem != NULL; k++)
            if (g_strcmp0 (((Var *) g_ptr_array_index (ctx->vars, k))->label, label_stem) != 0)
              g_clear_pointer (&label_stem, g_free);
        }
      for (guint k = i; k <= last; k++)
        {
          Var *member = g_ptr_array_index (ctx->vars, k);
          const Code *code = selected_code (member);
          FeStatOption *info = g_new0 (FeStatOption, 1);
          const char *sep = member->label ? g_strrstr (member->label, " - ") : NULL;

          info->group = g_strdup (stem);
          info->group_label = g_strdup (label_stem ? label_stem : stem);
          if (!word_in (code->text, selected_words))
            info->option = g_strdup (code->text);
          else if (sep != NULL && sep[3] != '\0')
            info->option = g_strdup (sep + 3);
          else if (member->label != NULL && g_strcmp0 (member->label, label_stem) != 0)
            info->option = g_strdup (member->label);
          else
            info->option = g_strdup (member->name);
          g_hash_table_insert (options, g_strdup (member->name), info);
          g_ptr_array_add (selected, (gpointer) code);
        }
      i = last + 1;
    }
}

static void
option_info_free (FeStatOption *info)
{
  g_free (info->group);
  g_free (info->group_label);
  g_free (info->option);
  g_free (info);
}

/* ---- Multiple-response sets ---------------------------------------------------------------- */

typedef struct
{
  FeSavMrSet *set;
  char       *column;   /* its column's name in the table */
  GArray     *members;  /* guint, variable indices */
  GPtrArray  *options;  /* char*, the levels in order */
  GPtrArray  *member_option;  /* dichotomies: the option of each member */
  GHashTable *labels;   /* categories: double* value → the label any member gives it */
} ResolvedSet;

static void
resolved_set_free (ResolvedSet *resolved)
{
  g_free (resolved->column);
  g_clear_pointer (&resolved->members, g_array_unref);
  g_clear_pointer (&resolved->options, g_ptr_array_unref);
  g_clear_pointer (&resolved->member_option, g_ptr_array_unref);
  g_clear_pointer (&resolved->labels, g_hash_table_unref);
  g_free (resolved);
}

static char *
option_text (const char *text)
{
  /* The set's answers are joined by ';' in the table. */
  char *copy = g_strdup (text);

  g_strdelimit (copy, ";", ',');
  return g_strstrip (copy);
}

static void
add_option_once (GPtrArray  *options,
                 const char *text)
{
  g_autofree char *option = option_text (text);

  if (*option != '\0' && !g_ptr_array_find_with_equal_func (options, option, g_str_equal, NULL))
    g_ptr_array_add (options, g_steal_pointer (&option));
}

static gboolean
value_is_counted (const Var  *var,
                  guint       row,
                  const char *counted)
{
  if (row >= var->states->len || g_array_index (var->states, guint8, row) != CELL_VALUE)
    return FALSE;
  if (var->is_string)
    return g_strcmp0 (g_ptr_array_index (var->strings, row), counted) == 0;
  return g_array_index (var->numbers, double, row) == g_ascii_strtod (counted, NULL);
}

/* A case's value of one member of a category set, as the set reads it: a value its own
 * variable leaves unlabelled takes the label another member gives it, since the members
 * share one list of categories (SPSS labels them often on the first member only). */
static void
append_member_cell (ReadContext       *ctx,
                    const ResolvedSet *r,
                    const Var         *var,
                    guint              row,
                    GString           *out)
{
  double number;
  const char *shared;

  if (var->is_string || row >= var->states->len
      || g_array_index (var->states, guint8, row) != CELL_VALUE)
    {
      append_cell (ctx, var, row, out);
      return;
    }
  number = g_array_index (var->numbers, double, row);
  if (find_label (ctx, var, number, NULL) == NULL
      && (shared = g_hash_table_lookup (r->labels, &number)) != NULL)
    g_string_append (out, shared);
  else
    append_cell (ctx, var, row, out);
}

/* The labels a category set's members give their values, the first member's first. */
static GHashTable *
collect_set_labels (ReadContext       *ctx,
                    const ResolvedSet *r)
{
  GHashTable *labels = g_hash_table_new_full (g_double_hash, g_double_equal, g_free, NULL);

  for (guint m = 0; m < r->members->len; m++)
    {
      const Var *var = g_ptr_array_index (ctx->vars, g_array_index (r->members, guint, m));
      GPtrArray *set = var->label_set ? g_hash_table_lookup (ctx->label_sets, var->label_set)
                                      : NULL;

      for (guint i = 0; !var->is_string && set != NULL && i < set->len; i++)
        {
          ValueLabel *label = g_ptr_array_index (set, i);

          if (!label->is_string && *label->label != '\0'
              && !g_hash_table_contains (labels, &label->number))
            g_hash_table_insert (labels, g_memdup2 (&label->number, sizeof (double)),
                                 label->label);
        }
    }
  return labels;
}

static GPtrArray *
resolve_sets (ReadContext *ctx,
              GPtrArray   *sets,
              GHashTable  *long_names)
{
  GPtrArray *resolved = g_ptr_array_new_with_free_func ((GDestroyNotify) resolved_set_free);
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer short_name, long_name;

  /* Members are named by their long or 8-character short names, in any letter case. */
  for (guint v = 0; v < ctx->vars->len; v++)
    {
      Var *var = g_ptr_array_index (ctx->vars, v);

      g_hash_table_insert (by_name, g_utf8_casefold (var->name, -1), GUINT_TO_POINTER (v + 1));
    }
  g_hash_table_iter_init (&iter, long_names);
  while (g_hash_table_iter_next (&iter, &short_name, &long_name))
    {
      g_autofree char *folded_long = g_utf8_casefold (long_name, -1);
      gpointer v = g_hash_table_lookup (by_name, folded_long);

      if (v != NULL)
        g_hash_table_insert (by_name, g_utf8_casefold (short_name, -1), v);
    }

  for (guint s = 0; s < sets->len; s++)
    {
      FeSavMrSet *set = g_ptr_array_index (sets, s);
      ResolvedSet *r = g_new0 (ResolvedSet, 1);

      r->set = set;
      r->members = g_array_new (FALSE, FALSE, sizeof (guint));
      r->options = g_ptr_array_new_with_free_func (g_free);
      r->member_option = g_ptr_array_new_with_free_func (g_free);
      for (guint m = 0; m < set->members->len; m++)
        {
          g_autofree char *folded = g_utf8_casefold (g_ptr_array_index (set->members, m), -1);
          guint v = GPOINTER_TO_UINT (g_hash_table_lookup (by_name, folded));

          if (v == 0)
            continue;
          v--;
          g_array_append_val (r->members, v);
        }
      if (r->members->len == 0)
        {
          resolved_set_free (r);
          continue;
        }
      r->column = g_strdup (set->name);
      for (guint v = 0; v < ctx->vars->len; v++)
        if (g_ascii_strcasecmp (((Var *) g_ptr_array_index (ctx->vars, v))->name, r->column) == 0)
          {
            g_free (r->column);
            r->column = g_strconcat (set->name, "_set", NULL);
            break;
          }
      for (guint m = 0; m < r->members->len; m++)
        {
          Var *var = g_ptr_array_index (ctx->vars, g_array_index (r->members, guint, m));

          if (var->set < 0)
            var->set = (int) resolved->len;
          if (set->dichotomy)
            {
              const char *counted_label = NULL;
              const char *text;

              if (set->counted_labels)
                counted_label = var->is_string
                                  ? find_label (ctx, var, 0, set->counted)
                                  : find_label (ctx, var, g_ascii_strtod (set->counted, NULL),
                                                NULL);
              text = counted_label != NULL && *counted_label ? counted_label
                     : var->label != NULL ? var->label : var->name;
              g_ptr_array_add (r->member_option, option_text (text));
              add_option_once (r->options, text);
            }
          else
            for (guint c = 0; c < var->codes->len; c++)
              add_option_once (r->options, ((Code *) g_ptr_array_index (var->codes, c))->text);
        }
      if (!set->dichotomy)
        r->labels = collect_set_labels (ctx, r);
      /* Categories: unlabelled values are options too, after the labelled ones. */
      for (guint m = 0; !set->dichotomy && m < r->members->len; m++)
        {
          Var *var = g_ptr_array_index (ctx->vars, g_array_index (r->members, guint, m));
          g_autoptr(GString) text = g_string_new (NULL);

          for (guint row = 0; row < ctx->n_rows && r->options->len <= MAX_CODES; row++)
            {
              g_string_truncate (text, 0);
              append_member_cell (ctx, r, var, row, text);
              if (text->len > 0)
                add_option_once (r->options, text->str);
            }
        }
      g_ptr_array_add (resolved, r);
    }
  return resolved;
}

/* A case's answers to a set, joined by ';' in the order of its options. */
static void
append_set_cell (ReadContext *ctx,
                 ResolvedSet *r,
                 guint        row,
                 GString     *out)
{
  g_autofree gboolean *chosen = g_new0 (gboolean, r->options->len + 1);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean first = TRUE;

  for (guint m = 0; m < r->members->len; m++)
    {
      Var *var = g_ptr_array_index (ctx->vars, g_array_index (r->members, guint, m));
      guint index;

      if (r->set->dichotomy)
        {
          if (!value_is_counted (var, row, r->set->counted))
            continue;
          if (g_ptr_array_find_with_equal_func (r->options, g_ptr_array_index (r->member_option, m),
                                                g_str_equal, &index))
            chosen[index] = TRUE;
          continue;
        }
      g_string_truncate (text, 0);
      append_member_cell (ctx, r, var, row, text);
      if (text->len > 0)
        {
          g_autofree char *option = option_text (text->str);

          if (g_ptr_array_find_with_equal_func (r->options, option, g_str_equal, &index))
            chosen[index] = TRUE;
        }
    }
  for (guint o = 0; o < r->options->len; o++)
    if (chosen[o])
      {
        if (!first)
          g_string_append_c (out, ';');
        g_string_append (out, g_ptr_array_index (r->options, o));
        first = FALSE;
      }
}

/* ---- The codebook -------------------------------------------------------------------------- */

static GPtrArray *
code_texts (const Var *var)
{
  GPtrArray *levels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < var->codes->len; i++)
    {
      const char *text = ((Code *) g_ptr_array_index (var->codes, i))->text;

      if (!g_ptr_array_find_with_equal_func (levels, text, g_str_equal, NULL))
        g_ptr_array_add (levels, g_strdup (text));
    }
  return levels;
}

/* SPSS calls a case number "scale" too: left to inference, which knows an id when it sees
 * one, rather than charted as a histogram of ids. */
static gboolean
names_an_id (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  gsize length = strlen (lower);

  return strcmp (lower, "id") == 0 || g_str_has_suffix (lower, "_id")
         || (g_str_has_suffix (lower, "id") && length <= 6) || strstr (lower, "serial") != NULL
         || strcmp (lower, "caseno") == 0 || strcmp (lower, "case") == 0;
}

static void
add_var_entry (FeStatFile  *result,
               ReadContext *ctx,
               guint        index,
               GHashTable  *options)
{
  Var *var = g_ptr_array_index (ctx->vars, index);
  FeCodebookEntry *entry;
  char *reason;
  double unit;

  if ((int) index == ctx->weight)
    {
      entry = fe_codebook_entry_new (var->name, FE_ROLE_IGNORE, var->label);
      reason = g_strdup (_("the case weight the file declares"));
    }
  else if (var->set >= 0)
    {
      entry = fe_codebook_entry_new (var->name, FE_ROLE_IGNORE, var->label);
      reason = g_strdup (_("one of the variables of a multiple-response set, counted as the set"));
    }
  else if (g_hash_table_contains (options, var->name))
    return;
  /* A scale variable whose labels name a few of its many numbers ("0 = None" on hours) is
   * numbers: the labelled ones count in the bins, the median and the quartiles too. */
  else if (var->labelled && !var->is_string && var->measure == READSTAT_MEASURE_SCALE
           && var->codes->len > 12 && var->codes->len - var->n_labels > var->n_labels)
    {
      entry = fe_codebook_entry_new (var->name, FE_ROLE_NUMERIC, var->label);
      reason = g_strdup (_("a scale variable in the file whose value labels name only a few of "
                           "its numbers: numbers, counted in bins"));
      var->as_numbers = TRUE;
    }
  else if (var->labelled)
    {
      g_autoptr(GPtrArray) levels = code_texts (var);
      FeOrderKind kind = FE_ORDER_NONE;
      FeRole role = fe_scale_order_role (levels, &kind);

      if (var->measure == READSTAT_MEASURE_ORDINAL)
        {
          entry = fe_codebook_entry_new (var->name, FE_ROLE_ORDINAL, var->label);
          reason = g_strdup (_("ordinal in the file, with value labels in the order of their "
                               "codes"));
        }
      else if (role == FE_ROLE_ORDINAL && var->measure != READSTAT_MEASURE_SCALE)
        {
          entry = fe_codebook_entry_new (var->name, FE_ROLE_ORDINAL, var->label);
          reason = g_strdup_printf (_("value labels in the file that form a scale (%s)"),
                                    fe_order_kind_describe (kind));
        }
      else
        {
          entry = fe_codebook_entry_new (var->name, role == FE_ROLE_CHOICE ? FE_ROLE_CHOICE
                                                                           : FE_ROLE_ATTRIBUTE,
                                         var->label);
          reason = g_strdup (_("value labels in the file, in the order of their codes"));
        }
      entry->levels = g_steal_pointer (&levels);
    }
  else if (var->is_string)
    {
      entry = fe_codebook_entry_new (var->name, FE_ROLE_TEXT, var->label);
      reason = g_strdup (_("a string variable in the file: open answers"));
    }
  else if (var->measure == READSTAT_MEASURE_SCALE && !names_an_id (var->name)
           && date_kind (var, ctx->kind == FE_STAT_FILE_DTA, &unit) == DATE_NONE)
    {
      entry = fe_codebook_entry_new (var->name, FE_ROLE_NUMERIC, var->label);
      reason = g_strdup (_("a scale variable in the file, without value labels: numbers, "
                           "counted in bins"));
      var->as_numbers = TRUE;
    }
  else
    return;
  g_hash_table_insert (result->reasons, g_strdup (var->name), reason);
  g_ptr_array_add (result->entries, entry);
}

static void
add_set_entry (FeStatFile  *result,
               ReadContext *ctx,
               ResolvedSet *r)
{
  Var *first = g_ptr_array_index (ctx->vars, g_array_index (r->members, guint, 0));
  FeCodebookEntry *entry = fe_codebook_entry_new (r->column, FE_ROLE_MULTI,
                                      *r->set->label ? r->set->label
                                      : first->label ? first->label : r->set->name);

  entry->levels = g_ptr_array_new_with_free_func (g_free);
  for (guint o = 0; o < r->options->len; o++)
    g_ptr_array_add (entry->levels, g_strdup (g_ptr_array_index (r->options, o)));
  g_ptr_array_add (result->entries, entry);
  g_hash_table_insert (result->reasons, g_strdup (r->column),
                       r->set->dichotomy
                         ? g_strdup_printf (_("a multiple-response set in the file: %u "
                                              "variables, each counting “%s”"),
                                            r->members->len, r->set->counted)
                         : g_strdup_printf (_("a multiple-response set in the file: %u "
                                              "variables of categories"), r->members->len));
}

/* ---- Notes --------------------------------------------------------------------------------- */

static void
add_notes (FeStatFile  *result,
           ReadContext *ctx)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n_vars = 0, n_user = 0, n_system = 0;

  for (guint v = 0; v < ctx->vars->len; v++)
    {
      Var *var = g_ptr_array_index (ctx->vars, v);

      for (guint row = 0; row < var->states->len; row++)
        {
          guint8 state = g_array_index (var->states, guint8, row);

          var->n_user_missing += state == CELL_USER_MISSING;
          var->n_system_missing += state == CELL_SYSTEM_MISSING;
        }
      n_system += var->n_system_missing + (ctx->n_rows - var->states->len);
      if (var->n_user_missing == 0)
        continue;
      n_user += var->n_user_missing;
      if (n_vars < 5)
        g_string_append_printf (names, "%s%s (%u)", n_vars ? ", " : "", var->name,
                                var->n_user_missing);
      n_vars++;
    }
  if (n_vars > 5)
    g_string_append (names, ", …");
  if (n_user > 0)
    g_ptr_array_add (result->notes,
                     g_strdup_printf (ngettext ("%s: %u answer holds a code the file declares "
                                                "missing (%s); it is counted as not answered, "
                                                "not as an answer.",
                                                "%s: %u answers hold codes the file declares "
                                                "missing (%s); they are counted as not "
                                                "answered, not as answers.", n_user),
                                      ctx->display_name, n_user, names->str));
  if (n_system > 0)
    g_ptr_array_add (result->notes,
                     g_strdup_printf (ngettext ("%s: %u answer is system-missing (empty) and is "
                                                "counted as not answered.",
                                                "%s: %u answers are system-missing (empty) and "
                                                "are counted as not answered.", n_system),
                                      ctx->display_name, n_system));
  if (ctx->weight >= 0 && (guint) ctx->weight < ctx->vars->len)
    g_ptr_array_add (result->notes,
                     g_strdup_printf (_("%s declares %s as its case weight. Percentages are "
                                        "unweighted unless weighted ones are asked for, as "
                                        "SPSS and Stata weight them."),
                                      ctx->display_name,
                                      ((Var *) g_ptr_array_index (ctx->vars, ctx->weight))->name));
}

/* ---- The table ----------------------------------------------------------------------------- */

static void
append_field (GString    *csv,
              const char *text,
              gboolean    first)
{
  if (!first)
    g_string_append_c (csv, ',');
  fe_csv_append_quoted (csv, text, NULL);
}

typedef struct
{
  gboolean  is_set;
  guint     index;  /* a variable, or a set */
} TableColumn;

/* Whether @var's value in @row is labelled as no answer ("-9 = Refused") without being
 * declared missing: an answer of its own, never a number of the scale. */
static gboolean
labelled_non_answer (ReadContext *ctx,
                     const Var   *var,
                     guint        row)
{
  const ValueLabel *label = find_value_label (ctx, var, g_array_index (var->numbers, double, row),
                                              NULL);

  return label != NULL && label->non_answer;
}

static void
write_table (ReadContext *ctx,
             GArray      *layout,
             GPtrArray   *sets,
             GHashTable  *selected,
             GString     *csv)
{
  g_autoptr(GString) cell = g_string_new (NULL);

  for (guint c = 0; c < layout->len; c++)
    {
      TableColumn *tc = &g_array_index (layout, TableColumn, c);

      append_field (csv, tc->is_set ? ((ResolvedSet *) g_ptr_array_index (sets, tc->index))->column
                                    : ((Var *) g_ptr_array_index (ctx->vars, tc->index))->name,
                    c == 0);
    }
  g_string_append (csv, "\r\n");
  /* The labels, or the name again where there is none (a row never empty). */
  for (guint c = 0; c < layout->len; c++)
    {
      TableColumn *tc = &g_array_index (layout, TableColumn, c);
      const char *label;

      if (tc->is_set)
        {
          ResolvedSet *r = g_ptr_array_index (sets, tc->index);
          Var *first = g_ptr_array_index (ctx->vars, g_array_index (r->members, guint, 0));

          label = *r->set->label ? r->set->label : first->label ? first->label : r->column;
        }
      else
        {
          Var *var = g_ptr_array_index (ctx->vars, tc->index);

          label = var->label ? var->label : var->name;
        }
      append_field (csv, label, c == 0);
    }
  g_string_append (csv, "\r\n");

  for (guint row = 0; row < ctx->n_rows; row++)
    {
      for (guint c = 0; c < layout->len; c++)
        {
          TableColumn *tc = &g_array_index (layout, TableColumn, c);

          g_string_truncate (cell, 0);
          if (tc->is_set)
            append_set_cell (ctx, g_ptr_array_index (sets, tc->index), row, cell);
          else
            {
              Var *var = g_ptr_array_index (ctx->vars, tc->index);
              const Code *counted = g_hash_table_lookup (selected, var);

              if (counted != NULL)
                {
                  /* An option's variable: 1 selected, 0 not, empty when missing. */
                  if (row < var->states->len
                      && g_array_index (var->states, guint8, row) == CELL_VALUE)
                    g_string_append (cell, g_array_index (var->numbers, double, row)
                                             == counted->number ? "1" : "0");
                }
              else if (var->as_numbers && row < var->states->len
                       && g_array_index (var->states, guint8, row) == CELL_VALUE
                       && !labelled_non_answer (ctx, var, row))
                append_number (cell, g_array_index (var->numbers, double, row));
              else
                append_cell (ctx, var, row, cell);
            }
          append_field (csv, cell->str, c == 0);
        }
      g_string_append (csv, "\r\n");
    }
}

/* ---- Reading ------------------------------------------------------------------------------- */

static const char *
kind_name (FeStatFileKind kind)
{
  switch (kind)
    {
    case FE_STAT_FILE_POR:
      return _("an SPSS portable file");
    case FE_STAT_FILE_DTA:
      return _("a Stata file");
    case FE_STAT_FILE_SAV:
    default:
      return _("an SPSS file");
    }
}

static gboolean
is_encrypted (const char *path)
{
  FILE *file = fopen (path, "rb");
  char head[20] = { 0 };
  size_t n;

  if (file == NULL)
    return FALSE;
  n = fread (head, 1, sizeof head, file);
  fclose (file);
  return n == sizeof head && memcmp (head + 8, "ENCRYPTEDSAV", 12) == 0;
}

static void
set_read_error (GError         **error,
                ReadContext     *ctx,
                const char      *path,
                readstat_error_t code)
{
  const char *what = readstat_error_message (code);

  if (ctx->kind == FE_STAT_FILE_SAV && is_encrypted (path))
    {
      g_set_error (error, FE_STAT_FILE_ERROR, FE_STAT_FILE_ERROR_ENCRYPTED,
                   _("%s is a password-protected SPSS file, which cannot be read without "
                     "SPSS. Open it in SPSS with its password and save it again without "
                     "encryption (File ▸ Save As, leaving “Encrypt file with password” "
                     "unticked), or export it as CSV."),
                   ctx->display_name);
      return;
    }
  switch (code)
    {
    case READSTAT_ERROR_READ:
      /* The file opened and its start was read: it ends before its data does. */
      g_set_error (error, FE_STAT_FILE_ERROR, FE_STAT_FILE_ERROR_PARSE,
                   _("%s is cut short: it ends before all the data %s holds (ReadStat error "
                     "%d: %s). Copy or export the file again."),
                   ctx->display_name, kind_name (ctx->kind), (int) code, what);
      return;
    case READSTAT_ERROR_OPEN:
    case READSTAT_ERROR_SEEK:
      g_set_error (error, FE_STAT_FILE_ERROR, FE_STAT_FILE_ERROR_OPEN,
                   _("%s could not be read (%s). Check that the file is still there and that "
                     "you may read it."),
                   ctx->display_name, what);
      return;
    case READSTAT_ERROR_ROW_COUNT_MISMATCH:
    case READSTAT_ERROR_PARSE:
    default:
      if (ctx->error_detail != NULL)
        g_set_error (error, FE_STAT_FILE_ERROR, FE_STAT_FILE_ERROR_PARSE,
                     _("%s is not %s that can be read: %s (ReadStat error %d: %s). It may "
                       "be cut short or damaged: save or export it again."),
                     ctx->display_name, kind_name (ctx->kind), ctx->error_detail, (int) code,
                     what);
      else
        g_set_error (error, FE_STAT_FILE_ERROR, FE_STAT_FILE_ERROR_PARSE,
                     _("%s is not %s that can be read (ReadStat error %d: %s). It may be "
                       "cut short or damaged: save or export it again."),
                     ctx->display_name, kind_name (ctx->kind), (int) code, what);
      return;
    }
}

/* The weight variable's values, kept aside: its column is ignored as a question, but weighted
 * percentages need every case's weight as a number. */
static void
keep_weights (FeStatFile  *result,
              ReadContext *ctx,
              const Var   *var)
{
  result->weight = g_strdup (var->name);
  if (var->is_string || var->numbers == NULL)
    return;
  result->n_weights = ctx->n_rows;
  result->weights = g_new (double, MAX (ctx->n_rows, 1));
  for (guint row = 0; row < ctx->n_rows; row++)
    result->weights[row] = row < var->states->len
                           && g_array_index (var->states, guint8, row) == CELL_VALUE
                           && row < var->numbers->len
                           ? g_array_index (var->numbers, double, row) : NAN;
}

void
fe_stat_file_free (FeStatFile *file)
{
  if (file == NULL)
    return;
  g_clear_pointer (&file->table, fe_csv_table_free);
  g_clear_pointer (&file->entries, g_ptr_array_unref);
  g_clear_pointer (&file->reasons, g_hash_table_unref);
  g_clear_pointer (&file->options, g_hash_table_unref);
  g_clear_pointer (&file->notes, g_ptr_array_unref);
  g_free (file->weight);
  g_free (file->weights);
  g_free (file);
}

static void
context_clear (ReadContext *ctx)
{
  g_clear_pointer (&ctx->vars, g_ptr_array_unref);
  g_clear_pointer (&ctx->label_sets, g_hash_table_unref);
  g_free (ctx->encoding);
  g_free (ctx->error_detail);
}

FeStatFile *
fe_stat_file_read (const char          *path,
                   GCancellable        *cancellable,
                   FeStatProgressFunc   progress,
                   gpointer             progress_data,
                   GError             **error)
{
  g_autofree char *display_name = g_path_get_basename (path);
  g_autoptr(FeStatFile) result = NULL;
  g_autoptr(GPtrArray) mr_sets = NULL;
  g_autoptr(GHashTable) long_names = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GHashTable) selected = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) selected_codes = g_ptr_array_new ();
  g_autoptr(GArray) layout = g_array_new (FALSE, FALSE, sizeof (TableColumn));
  g_autoptr(GString) csv = g_string_new (NULL);
  ReadContext ctx = { 0 };
  readstat_parser_t *parser;
  readstat_error_t code;
  FeCsvOptions csv_options = { ',', cancellable, NULL, NULL, TRUE };

  ctx.display_name = display_name;
  ctx.kind = fe_stat_file_sniff (path);
  ctx.vars = g_ptr_array_new_with_free_func ((GDestroyNotify) var_free);
  ctx.label_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  ctx.weight = -1;
  ctx.cancellable = cancellable;
  ctx.progress = progress;
  ctx.progress_data = progress_data;

  parser = readstat_parser_init ();
  readstat_set_metadata_handler (parser, on_metadata);
  readstat_set_variable_handler (parser, on_variable);
  readstat_set_fweight_handler (parser, on_fweight);
  readstat_set_value_handler (parser, on_value);
  readstat_set_value_label_handler (parser, on_value_label);
  readstat_set_error_handler (parser, on_error);
  readstat_set_progress_handler (parser, on_progress);
  switch (ctx.kind)
    {
    case FE_STAT_FILE_DTA:
      code = readstat_parse_dta (parser, path, &ctx);
      break;
    case FE_STAT_FILE_POR:
      code = readstat_parse_por (parser, path, &ctx);
      break;
    case FE_STAT_FILE_SAV:
    default:
      ctx.kind = FE_STAT_FILE_SAV;
      code = readstat_parse_sav (parser, path, &ctx);
      break;
    }
  readstat_parser_free (parser);

  if (cancellable != NULL && g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      context_clear (&ctx);
      return NULL;
    }
  if (code != READSTAT_OK)
    {
      set_read_error (error, &ctx, path, code);
      context_clear (&ctx);
      return NULL;
    }
  if (ctx.vars->len == 0 || ctx.n_rows == 0)
    {
      g_set_error (error, FE_STAT_FILE_ERROR, FE_STAT_FILE_ERROR_EMPTY,
                   ctx.vars->len == 0
                     ? _("%s holds no variables. Save the data from SPSS or Stata again.")
                     : _("%s has variables but no cases (respondents). Export the survey "
                         "results again, including the responses."),
                   display_name);
      context_clear (&ctx);
      return NULL;
    }

  result = g_new0 (FeStatFile, 1);
  result->entries = fe_codebook_entries_new ();
  result->reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  result->options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) option_info_free);
  result->notes = g_ptr_array_new_with_free_func (g_free);
  result->format = ctx.kind == FE_STAT_FILE_DTA ? FE_SURVEY_FORMAT_STATA : FE_SURVEY_FORMAT_SPSS;
  if (ctx.weight >= 0 && (guint) ctx.weight < ctx.vars->len)
    keep_weights (result, &ctx, g_ptr_array_index (ctx.vars, ctx.weight));

  for (guint v = 0; v < ctx.vars->len; v++)
    collect_codes (&ctx, g_ptr_array_index (ctx.vars, v));
  if (ctx.kind == FE_STAT_FILE_SAV)
    {
      fe_sav_read_dictionary (path, ctx.encoding, &mr_sets, &long_names);
      sets = resolve_sets (&ctx, mr_sets, long_names);
    }
  else
    sets = g_ptr_array_new_with_free_func ((GDestroyNotify) resolved_set_free);
  find_selection_groups (&ctx, result->options, selected_codes);
  for (guint v = 0, k = 0; v < ctx.vars->len; v++)
    {
      Var *var = g_ptr_array_index (ctx.vars, v);

      if (g_hash_table_contains (result->options, var->name))
        g_hash_table_insert (selected, var, g_ptr_array_index (selected_codes, k++));
    }

  /* Each set where its first member is, before the members (kept, but ignored). */
  for (guint v = 0; v < ctx.vars->len; v++)
    {
      for (guint s = 0; s < sets->len; s++)
        {
          ResolvedSet *r = g_ptr_array_index (sets, s);

          if (g_array_index (r->members, guint, 0) == v)
            {
              TableColumn tc = { TRUE, s };

              g_array_append_val (layout, tc);
              add_set_entry (result, &ctx, r);
            }
        }
      {
        TableColumn tc = { FALSE, v };

        g_array_append_val (layout, tc);
        add_var_entry (result, &ctx, v, result->options);
      }
    }
  add_notes (result, &ctx);
  write_table (&ctx, layout, sets, selected, csv);
  context_clear (&ctx);
  /* The text is the table's to keep: not copied, the whole file's cells held once. */
  {
    gsize length = csv->len;

    result->table = fe_csv_table_parse_take (display_name,
                                             g_string_free (g_steal_pointer (&csv), FALSE),
                                             length, &csv_options, error);
  }
  if (result->table == NULL)
    return NULL;
  fe_csv_table_take_header_rows (result->table, 1);
  return g_steal_pointer (&result);
}
