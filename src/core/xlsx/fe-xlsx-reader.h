/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-csv-table.h"

G_BEGIN_DECLS

/* Excel workbooks (.xlsx, Office Open XML): the zip container is read with libarchive, its XML
 * parts with libxml2's streaming reader. A sheet becomes the same table of text cells a CSV
 * file does (FeCsvTable), written as CSV and parsed by the CSV loader, so that header rows,
 * survey layouts and roles are found the same way whatever the file.
 *
 * Cells read as Excel shows them in a CSV it saves: shared and inline strings (rich text runs
 * joined, _xHHHH_ escapes decoded), numbers (whole numbers without ".0", others to 15
 * significant digits; percentage formats as 12.5%), booleans as TRUE and FALSE, dates and times from serial numbers (1900 or
 * 1904 system) whose number format says they are dates, as ISO 8601 text (2024-03-01,
 * 2024-03-01 14:05:00, 14:05). Error values (#N/A, #DIV/0!…) read as empty cells and are
 * counted in a warning. A merged cell of the header row gives its text to every column it
 * spans. Rows with nothing in them are left out; a row's line (fe_csv_table_get_line()) is its
 * row number in the sheet. */

#define FE_XLSX_ERROR (fe_xlsx_error_quark ())

typedef enum
{
  FE_XLSX_ERROR_IO,
  FE_XLSX_ERROR_OLD_FORMAT,   /* an Excel 97–2003 .xls (an OLE compound file) */
  FE_XLSX_ERROR_ENCRYPTED,    /* a password-protected workbook, or encrypted zip entries */
  FE_XLSX_ERROR_CORRUPT,      /* not a readable zip, or XML that is not well-formed */
  FE_XLSX_ERROR_NOT_WORKBOOK, /* a zip without a workbook in it (an .ods, a .docx…) */
  FE_XLSX_ERROR_TOO_LARGE,    /* expands to more than fe_xlsx_get_max_bytes() */
  FE_XLSX_ERROR_NO_SHEET,     /* the sheet asked for is not in the workbook */
  FE_XLSX_ERROR_EMPTY,        /* no sheet (or not the one asked for) holds anything */
} FeXlsxError;

GQuark fe_xlsx_error_quark (void);

typedef enum
{
  FE_XLSX_KIND_NONE,  /* not a workbook: read it as CSV */
  FE_XLSX_KIND_ZIP,   /* a zip container: .xlsx (or something else zipped) */
  FE_XLSX_KIND_OLE,   /* an OLE compound file: .xls, or an encrypted .xlsx */
} FeXlsxKind;

/* What the first bytes of the file at @path say it is. */
FeXlsxKind  fe_xlsx_sniff_path     (const char *path);

/* A sheet of a workbook, in the order of the workbook's tabs. */
typedef struct
{
  char     *name;
  gboolean  hidden;
  gboolean  has_data;  /* some cell holds something */
} FeXlsxSheetInfo;

void        fe_xlsx_sheet_info_free (FeXlsxSheetInfo *info);

/* The sheets of the workbook at @path: a new array of FeXlsxSheetInfo*, or NULL with an error. */
GPtrArray  *fe_xlsx_list_sheets    (const char  *path,
                                    GError     **error);

/* The number (from 1) of the sheet that @sheet names in @sheets: a name (exact, then ignoring
 * case), else a number from 1; 0 when none. */
guint       fe_xlsx_find_sheet     (GPtrArray   *sheets,
                                    const char  *sheet);

/* Reads sheet @sheet (a name or a number from 1, see fe_xlsx_find_sheet(); NULL: the first
 * visible sheet with data) of the workbook at @path into a table. @options give the
 * cancellable and the progress of parsing the table (the delimiter is ignored). When
 * @sheet_name is not NULL it receives the name of the sheet read. */
FeCsvTable *fe_xlsx_load_table     (const char          *path,
                                    const char          *sheet,
                                    const FeCsvOptions  *options,
                                    char               **sheet_name,
                                    GError             **error);

/* For tests: the most bytes a workbook's parts may expand to (0 restores the default, 1 GiB). */
void        fe_xlsx_set_max_bytes  (gsize max_bytes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeXlsxSheetInfo, fe_xlsx_sheet_info_free)

G_END_DECLS
