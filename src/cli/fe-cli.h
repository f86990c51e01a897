/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

/* The headless front end: `findings-explorer VERB …`. It never opens a display. */
typedef enum
{
  FE_CLI_EXIT_OK = 0,
  FE_CLI_EXIT_BAD_DATA = 1,
  FE_CLI_EXIT_USAGE = 2,
  FE_CLI_EXIT_REFUSED = 3,  /* disclosure control refused to let the output leave the screen */
} FeCliExit;

gboolean fe_cli_is_verb  (const char *word);
gboolean fe_cli_is_mistyped_verb (const char *word);
int      fe_cli_run      (int         argc,
                          char      **argv);
void     fe_cli_print_usage (FILE    *out);

G_END_DECLS
