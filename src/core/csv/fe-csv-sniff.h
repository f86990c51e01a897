/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the first records of a file say of its dialect, each record read by libcsv. Only the
 * first FE_CSV_PRESCAN_BYTES and 20 records are looked at. */
#define FE_CSV_PRESCAN_BYTES (64 * 1024)

/* The most records fe_csv_read_shapes() describes. */
#define FE_CSV_MAX_SHAPES 32

/* How the first records of some text split into fields. */
typedef struct
{
  guint n_records;
  guint n_fields[FE_CSV_MAX_SHAPES];
  guint n_non_empty[FE_CSV_MAX_SHAPES];  /* fields with more than blanks in them */
} FeCsvShapes;

/* The first @max_records (at most FE_CSV_MAX_SHAPES) records of @text as libcsv reads them
 * with @delimiter. A record cut off by the end of @text counts only when no record ends
 * before it, so that one long line is still a record. */
void  fe_csv_read_shapes         (const char  *text,
                                  gsize        length,
                                  char         delimiter,
                                  guint        max_records,
                                  FeCsvShapes *shapes);

/* Comma, semicolon, tab or pipe: the one that splits the most of the first records into the
 * same number of fields (a title line or a ragged row does not count against it), then the
 * one that splits them into the most fields; comma when none occurs. */
char  fe_csv_sniff_delimiter     (const char *text,
                                  gsize       length);
/* Title lines above the header ("Staff survey 2023", then a blank line): leading records with
 * at most one non-empty field, followed by a record with several. A one-column file has none. */
guint fe_csv_sniff_title_records (const char *text,
                                  gsize       length,
                                  char        delimiter);

G_END_DECLS
