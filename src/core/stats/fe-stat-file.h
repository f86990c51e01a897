/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fe-csv-table.h"
#include "fe-survey-format.h"

G_BEGIN_DECLS

#define FE_STAT_FILE_ERROR (fe_stat_file_error_quark ())

typedef enum
{
  FE_STAT_FILE_ERROR_OPEN,       /* cannot be read at all */
  FE_STAT_FILE_ERROR_PARSE,      /* ReadStat could not read it: damaged, truncated, unsupported */
  FE_STAT_FILE_ERROR_ENCRYPTED,  /* a password-protected .sav */
  FE_STAT_FILE_ERROR_EMPTY,      /* no variables or no cases */
} FeStatFileError;

GQuark fe_stat_file_error_quark (void);

typedef enum
{
  FE_STAT_FILE_NONE,
  FE_STAT_FILE_SAV,   /* SPSS .sav and .zsav (told apart by their bytes, not their name) */
  FE_STAT_FILE_POR,   /* SPSS portable */
  FE_STAT_FILE_DTA,   /* Stata */
} FeStatFileKind;

/* What kind of statistics file @path is, from its first bytes (and, for a portable file, whose
 * signature may sit anywhere in its first lines, its name); FE_STAT_FILE_NONE for anything
 * else, such as a CSV file. */
FeStatFileKind fe_stat_file_sniff (const char *path);

/* An SPSS or Stata data file read into what a CSV export of it would be, plus a codebook made
 * from its dictionary, so that the study is built from it exactly as from a CSV file and a
 * codebook.
 *
 * The table's header is the variable names, with one more header row of variable labels (the
 * name again where there is none). Labelled values are written as their labels, user-defined
 * and system-missing values as empty cells (not answered), dates as ISO 8601 dates. A
 * multiple-response set declared in the file is one more column, before its first member,
 * holding each case's options joined by ';' (its members stay, ignored). */
/* A variable that stands for one option of a question spread over one variable per option. */
typedef struct
{
  char *group;        /* the question's id (the stem of Q5_1 … Q5_n) */
  char *group_label;  /* the question */
  char *option;       /* the option this variable marks */
} FeStatOption;

typedef struct
{
  FeCsvTable     *table;
  GPtrArray      *entries;    /* FeCodebookEntry*, for the variables whose dictionary says
                               * what they are: value labels, strings, sets, the weight */
  GHashTable     *options;    /* variable → FeStatOption*: Q5_1 … Q5_n whose value labels mark
                               * "selected", written as 1 (selected) or 0 (not) */
  GHashTable     *reasons;    /* variable → why it has its entry's role (char*, translated) */
  FeSurveyFormat  format;     /* FE_SURVEY_FORMAT_SPSS or FE_SURVEY_FORMAT_STATA */
  GPtrArray      *notes;      /* char*: what the file declares that the researcher should know
                               * (missing codes, the weight variable), one sentence each */
  char           *weight;     /* the case-weight variable, or NULL */
  double         *weights;    /* its value per case, NaN where missing (user or system); NULL
                               * without a numeric weight variable */
  guint           n_weights;
} FeStatFile;

typedef void (*FeStatProgressFunc) (double   fraction,
                                    gpointer user_data);

FeStatFile *fe_stat_file_read (const char          *path,
                               GCancellable        *cancellable,
                               FeStatProgressFunc   progress,
                               gpointer             progress_data,
                               GError             **error);
void        fe_stat_file_free (FeStatFile *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeStatFile, fe_stat_file_free)

G_END_DECLS
