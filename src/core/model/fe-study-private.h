/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the study's files share: the object (fe-study.c), building it from a file and a codebook
 * (fe-study-builder.c) and matching a coding export to it (fe-study-coding.c). */
#pragma once

#include "fe-study.h"

#include "fe-csv-table.h"
#include "fe-stat-file.h"
#include "fe-survey-format.h"

G_BEGIN_DECLS

/* Warnings that can come once per line of a file. A wrong coding file or codebook would
 * otherwise bury the researcher in thousands of them: each kind is said once, with how many
 * there were and the lines of the first few. */
typedef enum
{
  REPEATED_UNLISTED_LEVEL,
  REPEATED_EXCERPT_MISMATCH,
  REPEATED_UNKNOWN_COLUMN,
  N_REPEATED
} RepeatedKind;

#define REPEATED_LINES_LISTED 5

typedef struct
{
  char   *file;
  char   *first;       /* the first one's own sentence, said as it is when it is alone */
  char   *example[2];  /* what the first one was about, for the collapsed sentence */
  GArray *lines;       /* guint, the first REPEATED_LINES_LISTED */
  guint   count;
} RepeatedWarning;

struct _FeStudy
{
  GObject     parent_instance;

  char       *name;
  char       *sheet;            /* of a workbook: the sheet read; NULL for a CSV file */
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
  RepeatedWarning repeated[N_REPEATED];  /* while loading */
  FeSurveyFormat format;
  GPtrArray  *hidden;              /* FeColumn*, identifying columns with answers */
  char       *document_pattern;
  char       *coding_question;
  GHashTable *rows_by_document;    /* document name → row + 1 (0: no respondent) */
  GRegex     *document_regex;
  GHashTable *corrections;         /* column id → FeColumnCorrection*, while loading */
  const char *corrected_id;        /* the column a correction makes the id, or NULL */
  const char *language;            /* interned display language, or NULL */
  FeStatFile *stat;               /* an SPSS or Stata file's dictionary, while loading */
  char       *weight;             /* the case weight it declares, or NULL */
  double     *weights;            /* per row, 0 for no weight; NULL without one */
  gboolean    weights_too_large;  /* dropped: their sum overflows a percentage */
  FeUnweighted unweighted;        /* rows of the universe without a weight, by reason */
  GHashTable *stat_entries;        /* its FeCodebookEntry*, while loading (a set) */
  GCancellable      *cancellable;   /* while loading */
  FeLoadProgressFunc progress;
  gpointer           progress_data;
  gint64             last_progress;
};

/* Reading the file is most of loading; building the columns from it is the rest. */
#define READ_SHARE 0.9

/* How a column of one option marks it: by holding the option's text (or anything, once), or
 * by 1 against 0 (TRUE against FALSE), as Qualtrics and spreadsheet exports do. */
typedef enum
{
  MARK_NONE,     /* holds more than a mark: answers of its own */
  MARK_TEXT,     /* its option, or nothing */
  MARK_BINARY,   /* 1 or TRUE chosen, 0 or FALSE not */
} OptionMark;

/* The object (fe-study.c): warnings said once each, and loading's progress and cancelling. */
/* "2 respondents weigh nothing in weighted percentages, as in SPSS: 1 with no weight, 1
 * weighing 0.", or NULL when every respondent has a weight. */
char *fe_study_describe_unweighted (FeStudy *self);
void fe_study_add_warning (FeStudy    *self,
                           const char *format,
                           ...);
void fe_study_add_repeated_warning (FeStudy      *self,
                                    RepeatedKind  kind,
                                    const char   *file,
                                    guint         line,
                                    const char   *example0,
                                    const char   *example1,
                                    const char   *format,
                                    ...);
void fe_study_flush_repeated_warnings (FeStudy *self);
void fe_study_report_progress (FeStudy *self,
                               double   fraction,
                               gboolean force);
gboolean fe_study_load_cancelled (FeStudy  *self,
                                  GError  **error);

/* Building the columns (fe-study-builder.c). */
FeColumn *fe_study_add_column (FeStudy    *self,
                               guint       source_column,
                               const char *name);
void fe_study_set_label (FeColumn   *column,
                         const char *label);
void fe_study_translate_code (FeColumn   *column,
                              const char *language,
                              const char *code,
                              const char *translation);
void fe_study_store_column_values (FeStudy  *self,
                                   FeColumn *column,
                                   gboolean  listed_by_codebook);
char *fe_study_list_text_columns (FeStudy *self);
gboolean fe_study_check_level_count (FeStudy   *self,
                                     FeColumn  *column,
                                     FeRole     role,
                                     GError   **error);
gboolean fe_study_check_level_names (const FeColumn  *column,
                                     GPtrArray       *levels,
                                     GError         **error);
OptionMark fe_study_option_mark (FeStudy    *self,
                                 guint       source,
                                 const char *option);
gboolean fe_study_member_chose (FeStudy    *self,
                                guint       row,
                                guint       source,
                                OptionMark  mark);

/* Matching a coding export (fe-study-coding.c). */
void fe_study_apply_codes (FeStudy    *self,
                           GPtrArray  *codes,
                           gboolean    before_coding);
gboolean fe_study_apply_coding (FeStudy    *self,
                                const char *coding_path,
                                GError    **error);
gboolean fe_study_build_document_study (FeStudy    *self,
                                        GPtrArray  *codes,
                                        GError    **error);
int fe_study_find_or_add_code (FeStudy    *self,
                               FeColumn   *column,
                               const char *code);
void fe_study_finish_code_hierarchy (FeColumn *column);
void fe_study_sort_codings (FeStudy *self);
void fe_study_warn_code_counts (FeStudy    *self,
                                GPtrArray  *codes,
                                const char *codebook_name);

G_END_DECLS
