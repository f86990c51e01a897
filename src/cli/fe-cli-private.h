/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>

#include "fe-catalog.h"
#include "fe-cli.h"
#include "fe-filter.h"
#include "fe-project.h"
#include "fe-query-set.h"
#include "fe-study.h"

G_BEGIN_DECLS

/* --min-cell not given. */
#define FE_CLI_MIN_CELL_UNSET G_MININT
/* What leaves the screen is disclosure-controlled unless --min-cell or a project says
 * otherwise: every verb's threshold when neither gives one. */
#define FE_CLI_DEFAULT_MIN_CELL 5

/* What every verb reads: which study, and which respondents. */
typedef struct
{
  char      *codebook;
  char      *coding;
  char      *sheet;     /* --sheet: of an Excel workbook, a sheet's name or number from 1 */
  gboolean   include_incomplete;
  gboolean   sample;
  char     **filters;
  gboolean   json;
  /* --sample names the sample study's project (sample.findings) rather than its tables. */
  gboolean   sample_is_project;
  int        min_cell;  /* FE_CLI_MIN_CELL_UNSET until fe_cli_check_min_cell() reads --min-cell */
  char      *min_cell_text;  /* --min-cell as given */
  FeProject *project;   /* set by fe_cli_load_study() when STUDY is a .findings project */
  /* --lang (en or cy) as given, for fe_cli_check_lang(): fe_cli_run() applied it already. */
  char      *lang;        /* NULL: the current language */
  gboolean   reports_warnings;  /* the verb prints the study's warnings itself */
} FeCliStudyOptions;

#define FE_CLI_STUDY_OPTIONS_INIT { .min_cell = FE_CLI_MIN_CELL_UNSET }

void      fe_cli_study_options_add_entries (GOptionContext    *context,
                                            FeCliStudyOptions *options);
void      fe_cli_study_options_clear       (FeCliStudyOptions *options);
/* Parses argv with @context; returns the one positional STUDY argument (or NULL with --sample)
 * through @study_path. On failure prints the reason and sets @exit_code. */
gboolean  fe_cli_parse                     (GOptionContext    *context,
                                            FeCliStudyOptions *options,
                                            int               *argc,
                                            char            ***argv,
                                            const char       **study_path,
                                            int               *exit_code);
/* Loads STUDY: a responses file (with --codebook and --coding), the sample, or a .findings
 * project, whose tables, include-incomplete and min-cell become the defaults (the project is
 * kept in @options). */
FeStudy  *fe_cli_load_study                (FeCliStudyOptions *options,
                                            const char        *study_path,
                                            int               *exit_code);
/* Whether @output (given as @option, "-o") may be written: FALSE (a usage error printed) when it
 * is one of the files the study was loaded from (after fe_cli_load_study()). */
gboolean  fe_cli_check_output              (FeCliStudyOptions *options,
                                            const char        *study_path,
                                            const char        *option,
                                            const char        *output,
                                            int               *exit_code);
/* Whether @path names a project (.findings) rather than a table. */
gboolean  fe_cli_is_project_path           (const char        *path);
/* Adds --min-cell K to @context, describing its default. */
void      fe_cli_add_min_cell_entry        (GOptionContext    *context,
                                            FeCliStudyOptions *options,
                                            const char        *description);
/* The catalogue of the run (fe_cli_run() resolves it from --lang LANG, else the session's
 * language, and pushes it before anything is translated): messages, --help, the verb's output
 * and the codebook's labels are in its language. Pass it on to what draws (FeChartSpec,
 * FeBriefOptions). NULL in the C locale without --lang. */
FeCatalog *fe_cli_get_catalog              (void);
/* Adds --lang LANG to @context (fe_cli_run() has applied it already). */
void      fe_cli_add_lang_entry            (GOptionContext    *context,
                                            FeCliStudyOptions *options,
                                            const char        *description);
/* Checks --lang; FALSE (a usage error printed) when it is not en or cy. */
gboolean  fe_cli_check_lang                (FeCliStudyOptions *options);
/* Reads --min-cell before the study is loaded; FALSE (a usage error printed) unless it is a
 * whole number from 0 to 1000. */
gboolean  fe_cli_check_min_cell            (FeCliStudyOptions *options);
/* The disclosure threshold: --min-cell when given, else the project's, else @fallback. */
guint     fe_cli_get_min_cell              (FeCliStudyOptions *options,
                                            guint              fallback);
FeFilter *fe_cli_build_filter              (FeStudy           *study,
                                            char             **filters,
                                            int               *exit_code);
/* Resolves an id given on the command line, printing the valid ones when it is unknown. */
FeColumn *fe_cli_find_question             (FeStudy           *study,
                                            const char        *option,
                                            const char        *id,
                                            int               *exit_code);
int       fe_cli_find_level                (FeColumn          *column,
                                            const char        *label,
                                            int               *exit_code);
/* @text with the characters a terminal would obey rather than show (escape sequences that
 * retitle the window or rewrite the screen, carriage returns…) written out as \u001b; an
 * answer is data, never a command to the reader's terminal. */
char     *fe_cli_escape_terminal           (const char        *text);
/* Prints @text (output, text or JSON) to stdout, escaped. */
void      fe_cli_print                     (const char        *text);
/* Prints "findings-explorer: @message" to stderr, escaped. */
void      fe_cli_print_error               (const char        *message);
/* fe_filter_check_query_set() for output that leaves the screen: on refusal prints why and
 * sets @exit_code. */
gboolean  fe_cli_check_query_set           (const FeFilter    *filter,
                                            guint              k,
                                            int               *exit_code);
/* --weighted of @study: FALSE, saying so and naming the file, when it declares no case weight
 * to weight by. */
gboolean  fe_cli_check_weighted            (FeStudy           *study,
                                            const char        *study_path,
                                            int               *exit_code);
G_GNUC_PRINTF (1, 2)
void      fe_cli_usage_error               (const char        *format,
                                            ...);
/* "--kind pie: choose one of auto, bar, …": every nick of the enum @choices. */
void      fe_cli_usage_error_choices       (const char        *option,
                                            const char        *value,
                                            GType              choices);

int       fe_cli_summary                   (int                argc,
                                            char             **argv);
int       fe_cli_quotes                    (int                argc,
                                            char             **argv);
int       fe_cli_export                    (int                argc,
                                            char             **argv);
int       fe_cli_brief                     (int                argc,
                                            char             **argv);
int       fe_cli_audit                     (int                argc,
                                            char             **argv);
/* Prints what fe_project_audit() finds to @out, after the views it leaves out and why;
 * TRUE when it finds nothing. */
gboolean  fe_cli_print_audit               (FeProject         *project,
                                            FeStudy           *study,
                                            guint              k,
                                            gboolean           fold_small_groups,
                                            FILE              *out);
int       fe_cli_inspect                   (int                argc,
                                            char             **argv);

G_END_DECLS

G_BEGIN_DECLS
/* Appends @text padded with spaces to @width characters (not bytes), on the left when
 * @align_right. */
void      fe_cli_append_padded             (GString           *out,
                                            const char        *text,
                                            guint              width,
                                            gboolean           align_right);
/* Appends "Respondents: @n" and, when some were left out as incomplete, how many and how to
 * count them. */
void      fe_cli_append_respondents        (GString           *out,
                                            guint              n,
                                            guint              excluded);
/* @text as it can be printed to a terminal: control characters from the data (an escape
 * sequence, a carriage return, a line break inside an answer) written as \e, \r, \n, \xNN. */
char     *fe_cli_dup_visible               (const char        *text);
G_END_DECLS
