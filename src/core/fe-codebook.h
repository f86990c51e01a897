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

/* Reads a codebook CSV (column,role,label,levels,quotes_from) into FeCodebookEntry. */
GPtrArray *fe_codebook_load (const char  *path,
                             GError     **error);

G_END_DECLS
