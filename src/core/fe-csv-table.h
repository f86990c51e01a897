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
  FE_CSV_ERROR_CHANGED,
} FeCsvError;

GQuark fe_csv_error_quark (void);

/* How to read a CSV file; a zeroed struct (or NULL) detects everything. */
typedef struct
{
  char delimiter;  /* ',', ';', '\t', '|'…; 0 detects comma, semicolon, tab or pipe */
} FeCsvOptions;

/* A CSV file as text cells: the header's names and, per row, one cell per header column. Cells
 * are trimmed, their line ends normalised to \n, and kept in one arena.
 *
 * Loading repairs what it safely can and says so in the warnings: text that is not UTF-8 is read
 * as Windows-1252, NUL bytes are dropped, title lines above the header are skipped, rows with
 * too few fields are padded with empty answers, rows with nothing in them are skipped, and
 * unnamed trailing columns with nothing in them (a trailing delimiter) are left out. */
typedef struct _FeCsvTable FeCsvTable;

FeCsvTable *fe_csv_table_load          (const char   *path,
                                        GError      **error);
FeCsvTable *fe_csv_table_load_full     (const char         *path,
                                        const FeCsvOptions *options,
                                        GError            **error);
FeCsvTable *fe_csv_table_parse         (const char   *display_name,
                                        const char   *data,
                                        gsize         length,
                                        GError      **error);
FeCsvTable *fe_csv_table_parse_full    (const char         *display_name,
                                        const char         *data,
                                        gsize               length,
                                        const FeCsvOptions *options,
                                        GError            **error);
/* A table built in code, row by row (for tables derived from other files). */
FeCsvTable *fe_csv_table_new           (const char         *display_name,
                                        const char * const *header);
void        fe_csv_table_append_row    (FeCsvTable         *table,
                                        const char * const *cells,
                                        guint               line);
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
/* The delimiter the file was read with. */
char        fe_csv_table_get_delimiter (const FeCsvTable *table);
/* What was repaired while loading: char*, one sentence each naming the file and lines. */
GPtrArray  *fe_csv_table_get_warnings  (const FeCsvTable *table);

/* Survey exports put more than one header line above the answers (Qualtrics: question texts and
 * import ids; SurveyMonkey: option labels). This moves the first @n_rows rows out of the data
 * into extra header rows, numbered from 1 (0 is the header itself). */
void        fe_csv_table_take_header_rows (FeCsvTable *table,
                                           guint       n_rows);
guint       fe_csv_table_get_n_header_rows (const FeCsvTable *table);
/* The cell of header row @header_row (0: the header as written, "" for an unnamed column). */
const char *fe_csv_table_get_header_cell (const FeCsvTable *table,
                                          guint             header_row,
                                          guint             column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeCsvTable, fe_csv_table_free)

G_END_DECLS
