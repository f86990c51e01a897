/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-column.h"

G_BEGIN_DECLS

/* One line of a codebook: what a column of the responses file is. */
typedef struct
{
  char      *column;
  FeRole     role;
  char      *label;        /* NULL: keep the column id */
  GPtrArray *levels;       /* NULL: levels as found in the data */
  char      *quotes_from;  /* NULL: none */
  guint      line;
} FeCodebookEntry;

/* One code of a codes codebook (Taguette's tag,description export, or code,description,parent):
 * the codes of coded open questions, their descriptions and their hierarchy. */
typedef struct
{
  char  *code;         /* may be "parent/child" */
  char  *description;  /* NULL: none */
  char  *parent;       /* NULL: top level, or the parent given in the code itself */
  char  *question;     /* NULL: every coded question */
  guint  count;        /* "number of highlights" when the file gives it, else 0 */
  guint  line;
} FeCodebookCode;

/* Reads a codebook CSV (column,role,label,levels,quotes_from) into FeCodebookEntry. */
GPtrArray *fe_codebook_load (const char  *path,
                             GError     **error);
/* Reads either kind of codebook: column entries into *@entries, or codes (a file with a
 * code or tag column) into *@codes; the other is set to an empty array. */
gboolean   fe_codebook_load_full (const char  *path,
                                  GPtrArray  **entries,
                                  GPtrArray  **codes,
                                  GError     **error);

G_END_DECLS
