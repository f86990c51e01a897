/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>

#include "fe-cli.h"
#include "fe-filter.h"
#include "fe-study.h"

G_BEGIN_DECLS

/* What every verb reads: which study, and which respondents. */
typedef struct
{
  char     *codebook;
  char     *coding;
  gboolean  include_incomplete;
  gboolean  sample;
  char    **filters;
  gboolean  json;
} FeCliStudyOptions;

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
FeStudy  *fe_cli_load_study                (FeCliStudyOptions *options,
                                            const char        *study_path,
                                            int               *exit_code);
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
G_GNUC_PRINTF (1, 2)
void      fe_cli_usage_error               (const char        *format,
                                            ...);

int       fe_cli_summary                   (int                argc,
                                            char             **argv);
int       fe_cli_quotes                    (int                argc,
                                            char             **argv);
int       fe_cli_export                    (int                argc,
                                            char             **argv);

G_END_DECLS

G_BEGIN_DECLS
/* Appends @text padded with spaces to @width characters (not bytes), on the left when
 * @align_right. */
void      fe_cli_append_padded             (GString           *out,
                                            const char        *text,
                                            guint              width,
                                            gboolean           align_right);
G_END_DECLS
