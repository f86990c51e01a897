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
  char  *highlight;  /* the coding tool's id of the excerpt (Taguette), or NULL */
  gboolean by_document;  /* @respondent is a document name (Taguette, QualCoder, NVivo) */
  guint  line;
  guint  respondent_column;  /* 1-based positions in the file, for messages */
  guint  question_column;
  guint  code_column;
} FeCodingLine;

/* Reads a coding CSV (respondent,question,code[,excerpt][,note]) into FeCodingLine. Exports of
 * qualitative tools load too: Taguette's highlights (id,document,tag,content, or without id)
 * and files naming the document, file or case instead of the respondent, code or node instead
 * of code, and text, content or quote instead of excerpt. Without a question column, @question
 * is NULL on every line. */
GPtrArray *fe_coding_load (const char  *path,
                           char       **display_name,
                           GError     **error);

G_END_DECLS
