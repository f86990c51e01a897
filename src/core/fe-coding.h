/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One line of a coding file as written, before it is matched to the study. */
typedef struct
{
  char  *respondent;
  char  *question;
  char  *code;
  char  *excerpt;  /* NULL: the whole answer */
  char  *note;     /* NULL: none */
  guint  line;
  guint  respondent_column;  /* 1-based positions in the file, for messages */
  guint  question_column;
  guint  code_column;
} FeCodingLine;

/* Reads a coding CSV (respondent,question,code[,excerpt][,note]) into FeCodingLine. */
GPtrArray *fe_coding_load (const char  *path,
                           char       **display_name,
                           GError     **error);

G_END_DECLS
