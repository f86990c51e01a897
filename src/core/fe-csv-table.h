/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FE_CSV_ERROR (fe_csv_error_quark ())

typedef enum
{
  FE_CSV_ERROR_IO,
  FE_CSV_ERROR_EMPTY,
  FE_CSV_ERROR_NO_HEADER,
  FE_CSV_ERROR_RAGGED,
  FE_CSV_ERROR_BINARY,
  FE_CSV_ERROR_ENCODING,
  FE_CSV_ERROR_UNTERMINATED_QUOTE,
  FE_CSV_ERROR_TOO_LARGE,
} FeCsvError;

GQuark fe_csv_error_quark (void);

/* A CSV file as text cells: the header's names and, per row, one cell per header column. Cells
 * are trimmed, their line ends normalised to \n, and kept in one arena. */
typedef struct _FeCsvTable FeCsvTable;

FeCsvTable *fe_csv_table_load          (const char   *path,
                                        GError      **error);
FeCsvTable *fe_csv_table_parse         (const char   *display_name,
                                        const char   *data,
                                        gsize         length,
                                        GError      **error);
void        fe_csv_table_free          (FeCsvTable   *table);
const char *fe_csv_table_get_name      (const FeCsvTable *table);
guint       fe_csv_table_get_n_columns (const FeCsvTable *table);
guint       fe_csv_table_get_n_rows    (const FeCsvTable *table);
const char *fe_csv_table_get_header    (const FeCsvTable *table,
                                        guint             column);
/* Returns the NUL-terminated cell text; "" for an empty cell. */
const char *fe_csv_table_get_cell      (const FeCsvTable *table,
                                        guint             row,
                                        guint             column);
/* The physical line of the file on which a row starts (1-based; the header is on its own line). */
guint       fe_csv_table_get_line      (const FeCsvTable *table,
                                        guint             row);
/* Returns the column whose header is @name, or -1. */
int         fe_csv_table_find_column   (const FeCsvTable *table,
                                        const char       *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeCsvTable, fe_csv_table_free)

G_END_DECLS
