/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the first records of a file say of its dialect, each record read by libcsv. Only the
 * first FE_CSV_PRESCAN_BYTES and 20 records are looked at. */
#define FE_CSV_PRESCAN_BYTES (64 * 1024)

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
