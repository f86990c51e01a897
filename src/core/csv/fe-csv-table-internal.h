/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-csv-column.h"
#include "fe-csv-field.h"
#include "fe-csv-source.h"
#include "fe-csv-table.h"

G_BEGIN_DECLS

struct _FeCsvTable
{
  char        *name;
  guint        n_columns;    /* columns shown: without unnamed, empty trailing ones */
  guint        stride;       /* columns stored */
  guint        n_stored;     /* stored rows, header rows taken from the data included */
  guint        first_row;    /* stored rows taken as header rows */
  char         delimiter;
  gboolean     numbers_plain;
  GPtrArray   *header;       /* char*, a name for each shown column */
  GPtrArray   *header_cells; /* char*, the header line as written (stride) */
  FeCsvColumn *columns;      /* stride */
  guint32     *row_offsets;  /* text offset of each stored row */
  guint       *lines;        /* line of each stored row: given, or counted when first asked */
  gboolean     built;        /* made with fe_csv_table_new() */
  GPtrArray   *warnings;     /* char* */
  FeCsvSource  source;
  GHashTable  *cache;        /* stored row × stride + column → char*, cells read from the file */
  GString     *built_text;   /* the text of a table made with fe_csv_table_new() */
};

typedef enum
{
  FE_CSV_PARSE_OK,
  FE_CSV_PARSE_ERROR,
  FE_CSV_PARSE_CONVERT,  /* not UTF-8, or NUL bytes: convert the text and parse it again */
} FeCsvParseResult;

/* Parses the table's source (a file or text in memory) with libcsv into its columns, whose
 * first @prefix_length bytes of text are at @prefix (for sniffing the dialect). */
FeCsvParseResult fe_csv_parse_source (FeCsvTable          *table,
                                      const char          *prefix,
                                      gsize                prefix_length,
                                      const FeCsvOptions  *options,
                                      GError             **error);

G_END_DECLS
