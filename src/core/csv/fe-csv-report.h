/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-csv-table-internal.h"

G_BEGIN_DECLS

/* What loading tells the user: each message names the file and the line, and says what to do. */

/* Rows to name in a message: the text offsets of the first few, and how many there are. */
typedef struct
{
  GArray *offsets;  /* gsize */
  guint   count;
} FeCsvLines;

void fe_csv_lines_add                (FeCsvLines  *lines,
                                      gsize        offset);
void fe_csv_lines_clear              (FeCsvLines  *lines);
void fe_csv_lines_merge              (FeCsvLines  *into,
                                      FeCsvLines  *from);

/* The errors, at the line of text offset @offset. */
void fe_csv_set_too_large_error      (FeCsvTable  *table,
                                      gsize        offset,
                                      GError     **error);
void fe_csv_set_out_of_memory_error  (FeCsvTable  *table,
                                      gsize        offset,
                                      GError     **error);
void fe_csv_set_numbers_header_error (FeCsvTable  *table,
                                      gsize        offset,
                                      GError     **error);
void fe_csv_set_too_wide_error       (FeCsvTable  *table,
                                      guint        n_columns,
                                      GError     **error);
void fe_csv_set_ragged_error         (FeCsvTable  *table,
                                      gsize        offset,
                                      guint        n_fields,
                                      guint        n_columns,
                                      GError     **error);
void fe_csv_set_unterminated_error   (FeCsvTable  *table,
                                      guint        line,
                                      guint        column,
                                      GError     **error);
/* No header: an empty file, or one of empty fields only. */
void fe_csv_set_no_header_error      (FeCsvTable  *table,
                                      GError     **error);
/* Warnings for the title lines skipped and the rows padded. */
void fe_csv_add_parse_warnings       (FeCsvTable  *table,
                                      FeCsvLines  *skipped,
                                      FeCsvLines  *short_rows);

G_END_DECLS
