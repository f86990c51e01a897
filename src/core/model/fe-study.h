/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fe-bitset.h"
#include "fe-column.h"
#include "fe-column-correction.h"
#include "fe-study-error.h"
#include "fe-types.h"

G_BEGIN_DECLS

#define FE_TYPE_STUDY (fe_study_get_type ())

G_DECLARE_FINAL_TYPE (FeStudy, fe_study, FE, STUDY, GObject)

/* Called from the loading thread with the share of the loading done (0 to 1), at most about
 * 30 times a second; it should only pass the number on (g_idle_add(), an atomic). */
typedef void (*FeLoadProgressFunc) (double   fraction,
                                    gpointer user_data);

/* How to read a study's files; a zeroed struct (or NULL) detects everything. */
typedef struct
{
  char        delimiter;         /* of the responses file: ',', ';', '\t'…; 0 detects it */
  const char *document_pattern;  /* coding exports that name documents (Taguette): a regular
                                  * expression whose first group is the respondent id, e.g.
                                  * "Participant (\\d+)"; NULL matches the document name, then
                                  * its first number, against the id column */
  const char *coding_question;   /* the open-text column such exports code; NULL: the only
                                  * open-text column */
  GCancellable       *cancellable;  /* cancelled: loading stops soon with G_IO_ERROR_CANCELLED */
  FeLoadProgressFunc  progress;     /* NULL: no progress reports */
  gpointer            progress_data;
  GPtrArray          *corrections;  /* FeColumnCorrection*, laid over the codebook and the
                                     * inferred roles (a later one for the same column over an
                                     * earlier one); NULL: none */
  const char         *sheet;        /* of an Excel workbook: a sheet's name or its number from
                                     * 1; NULL: the first with data */
} FeLoadOptions;

FeStudy        *fe_study_load                    (const char     *responses_path,
                                                  const char     *codebook_path,
                                                  const char     *coding_path,
                                                  GError        **error);
FeStudy        *fe_study_load_full               (const char          *responses_path,
                                                  const char          *codebook_path,
                                                  const char          *coding_path,
                                                  const FeLoadOptions *options,
                                                  GError             **error);
/* A study from the bytes of a responses file alone (no codebook, no coding). */
FeStudy        *fe_study_load_data               (const char          *display_name,
                                                  const char          *data,
                                                  gsize                length,
                                                  const FeLoadOptions *options,
                                                  GError             **error);
FeStudy        *fe_study_load_sample             (GError        **error);
/* The folder of the bundled sample study: $FE_SAMPLE_DIR, else the installed copy, else the
 * source tree's. */
char           *fe_study_find_sample_dir         (void);

typedef enum
{
  FE_DATA_FILE_RESPONSES,
  FE_DATA_FILE_CODEBOOK,
  FE_DATA_FILE_CODING,
} FeDataFileKind;

/* What a CSV chosen together with others is, from the names in its first line: a codebook
 * (column, role), a coding export (respondent and code, or Taguette's document and tag), else
 * survey responses. In a sandbox the app sees only the files the user chose, not their
 * neighbours, so it cannot find them by name. */
FeDataFileKind  fe_data_file_guess_kind          (const char     *path);

const char     *fe_study_get_name                (FeStudy        *self);
guint           fe_study_get_n_rows              (FeStudy        *self);
/* Respondents counted by default: all rows, or only the complete ones. */
const FeBitset *fe_study_get_universe            (FeStudy        *self);
guint           fe_study_get_n_respondents       (FeStudy        *self);
guint           fe_study_get_n_incomplete        (FeStudy        *self);
guint           fe_study_get_n_excluded          (FeStudy        *self);
gboolean        fe_study_get_include_incomplete  (FeStudy        *self);
void            fe_study_set_include_incomplete  (FeStudy        *self,
                                                  gboolean        include);

guint           fe_study_get_n_columns           (FeStudy        *self);
FeColumn       *fe_study_get_column              (FeStudy        *self,
                                                  guint           index);
FeColumn       *fe_study_find_column             (FeStudy        *self,
                                                  const char     *id);
FeColumn       *fe_study_get_id_column           (FeStudy        *self);
/* The ids of the columns that are questions, comma-separated, for "valid ones are …" messages. */
char           *fe_study_list_question_ids       (FeStudy        *self);

char           *fe_study_dup_respondent_id       (FeStudy        *self,
                                                  guint           row);
/* Returns the row of the respondent with @id, or -1. */
int             fe_study_find_respondent         (FeStudy        *self,
                                                  const char     *id);
/* The open answer (or raw cell) of @row in @column; "" when there is none. Valid as long as the
 * study: an answer read from the file is kept once read, so code that reads many (every row of
 * a column) should use fe_study_dup_answer() instead. */
const char     *fe_study_get_answer              (FeStudy        *self,
                                                  const FeColumn *column,
                                                  guint           row);
/* The same, as a copy, without keeping it. */
char           *fe_study_dup_answer              (FeStudy        *self,
                                                  const FeColumn *column,
                                                  guint           row);
/* The same, or NULL with FE_CSV_ERROR_CHANGED when the responses file changed on disk since
 * loading and the answer can no longer be read from it (instead of an empty answer). */
char           *fe_study_read_answer             (FeStudy         *self,
                                                  const FeColumn  *column,
                                                  guint            row,
                                                  GError         **error);
/* FALSE with FE_CSV_ERROR_CHANGED when the responses file changed on disk since loading, so
 * that open answers not yet read cannot be read: the study must be opened again. Cheap. */
gboolean        fe_study_check_unchanged         (FeStudy         *self,
                                                  GError         **error);
/* The level label of @row in a single-valued @column, or NULL when unanswered. */
const char     *fe_study_get_level_label         (FeStudy        *self,
                                                  const FeColumn *column,
                                                  guint           row);

/* The same in the study's display language (fe_column_get_display_level()). */
const char     *fe_study_get_display_level_label (FeStudy        *self,
                                                  const FeColumn *column,
                                                  guint           row);

/* The language in which labels and levels are shown (fe_column_get_display_label() and
 * fe_column_get_display_level()): "cy" shows the codebook's label_cy and levels_cy where it
 * has them; NULL (or a language the codebook does not translate into, such as "en" for an
 * English codebook) shows the source text. Level names used to look levels up (filters,
 * views, projects) do not change. It is the study's for everyone who reads it: to draw one
 * chart or pack in another language, pass that language's catalogue (FeChartSpec::catalog,
 * FeBriefOptions::catalog) instead. */
void            fe_study_set_language            (FeStudy        *self,
                                                  const char     *language);
const char     *fe_study_get_language            (FeStudy        *self);
/* Whether some column has a translation into @language. */
gboolean        fe_study_has_language            (FeStudy        *self,
                                                  const char     *language);
/* The language the session prefers, from g_get_language_names() ("cy" for LANGUAGE=cy or
 * LANG=cy_GB.UTF-8), or NULL in the C locale: pass it to fe_study_set_language(). */
const char     *fe_study_language_from_locale    (void);

/* Whether @correction can be laid over @study's columns when it loads again: the column
 * exists, a role with levels suits its answers, and the level order names its levels. Fails
 * with FE_STUDY_ERROR_CORRECTION saying why. Loading checks the same. */
gboolean        fe_study_check_correction        (FeStudy                  *self,
                                                  const FeColumnCorrection *correction,
                                                  GError                  **error);
/* The most levels a correction may give a column by making it single-valued. */
#define FE_STUDY_MAX_CORRECTED_LEVELS 60

/* Things that loaded but deserve the researcher's attention: char*, one sentence each. */
GPtrArray      *fe_study_get_warnings            (FeStudy        *self);

/* The case-weight variable an SPSS or Stata file declares, or NULL. Charts count respondents
 * unweighted unless asked for weighted percentages; the Data check page names it. */
const char     *fe_study_get_weight_variable     (FeStudy        *self);
/* Each row's case weight, for weighted percentages (fe_tally_compute_weighted()): NULL when the study
 * declares no numeric weight. As SPSS's WEIGHT BY, a respondent whose weight is missing, zero
 * or negative weighs 0: counted in every n, but in no weighted share. */
const double   *fe_study_get_weights             (FeStudy        *self);
/* How many respondents of the study weigh 0 (fe_study_get_weights()), and why. */
typedef struct
{
  guint missing;
  guint zero;
  guint negative;
} FeUnweighted;

FeUnweighted    fe_study_count_unweighted        (FeStudy        *self);
/* What the Data check page and `inspect` say of the weight: its name, that percentages are
 * weighted only when asked, and how many respondents weigh nothing and why ("2 respondents
 * weigh nothing in weighted percentages, as in SPSS: 1 with no weight, 1 weighing 0."). NULL
 * without a weight. */
char           *fe_study_describe_weight         (FeStudy        *self);

/* The tool that wrote the responses file: "Qualtrics", "SurveyMonkey", "Taguette", "SPSS",
 * "Stata", "CSV" or "Excel workbook". */
const char     *fe_study_get_format_name         (FeStudy        *self);
/* Whether the responses' numbers are written as the app writes them ("1234.5"): a workbook's or
 * a statistics file's, never a CSV file's. */
gboolean        fe_study_numbers_are_plain       (FeStudy        *self);
/* The sheet the responses were read from when they are an Excel workbook, else NULL. */
const char     *fe_study_get_sheet               (FeStudy        *self);
/* An answer typed in beside a choice question's options, folded into its "Other" level. */
typedef struct
{
  char  *text;
  guint  count;  /* rows that gave it, counted before any respondent is excluded */
} FeTypedAnswer;

void            fe_typed_answer_clear            (FeTypedAnswer  *answer);
/* The typed-in answers that went into @column's other_level, most given first: a new array of
 * FeTypedAnswer; empty when there are none. Naming one in a correction's levels makes it a
 * level of its own when the study loads again. */
GArray         *fe_study_list_typed_answers      (FeStudy        *self,
                                                  const FeColumn *column);

/* Columns that could identify respondents (IP addresses, e-mail addresses, locations, names)
 * and hold answers: hidden from every view and export (role ignore). FeColumn*, owned by the
 * study. A codebook line giving such a column a role shows it. */
GPtrArray      *fe_study_get_hidden_columns      (FeStudy        *self);
/* One line for the researcher about the hidden columns, or NULL when there are none. */
char           *fe_study_describe_hidden_columns (FeStudy        *self);
/* The items of grid @group (FeColumn::group), in file order: a new array of FeColumn* owned
 * by the study. */
GPtrArray      *fe_study_get_group_columns       (FeStudy        *self,
                                                  const char     *group);

G_END_DECLS
