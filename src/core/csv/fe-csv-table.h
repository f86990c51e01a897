/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>

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

/* Called from the loading thread with the share of the file read so far (0 to 1), at most about
 * 30 times a second. */
typedef void (*FeCsvProgressFunc) (double   fraction,
                                   gpointer user_data);

/* How to read a CSV file; a zeroed struct (or NULL) detects everything. */
typedef struct
{
  char              delimiter;     /* ',', ';', '\t', '|'…; 0 detects comma, semicolon, tab or
                                    * pipe */
  GCancellable     *cancellable;   /* cancelled: loading stops with G_IO_ERROR_CANCELLED */
  FeCsvProgressFunc progress;      /* NULL: no progress reports */
  gpointer          progress_data;
  /* The text is the app's own (a workbook's cells, a statistics file's values): its numbers
   * have a dot before decimals only, never between thousands. */
  gboolean          numbers_plain;
} FeCsvOptions;

/* A CSV file as text cells: the header's names and, per row, one cell per header column. Cells
 * are trimmed and their line ends normalised to \n.
 *
 * It is stored by column: a column with few distinct answers keeps each once and a number per
 * row; the others keep where each answer is in the file, which stays open, and read it again
 * when asked (a UTF-8 file is never held in memory whole; other encodings are converted once
 * into one buffer).
 *
 * Loading repairs what it safely can and says so in the warnings: text that is not UTF-8 is read
 * as Windows-1252, Latin-1 or Mac Roman (fe_text_decode()), NUL bytes are dropped, title lines above the header are skipped, rows with
 * too few fields are padded with empty answers, rows with nothing in them are skipped, and
 * unnamed trailing columns with nothing in them (a trailing delimiter) are left out. */
typedef struct _FeCsvTable FeCsvTable;

/* Opens any input file (responses, codebook, coding, project) for reading without ever
 * waiting: a folder, a pipe, a socket or a device fails at once with FE_CSV_ERROR_IO naming
 * @display_name. Returns the descriptor with its status in *@st, or -1. */
int         fe_csv_open_input          (const char   *path,
                                        const char   *display_name,
                                        GStatBuf     *st,
                                        GError      **error);

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
/* The same as fe_csv_table_parse_full(), taking @data (g_malloc()ed, freed with the table or
 * at once) rather than copying it: for text written for the table, such as a workbook's sheet. */
FeCsvTable *fe_csv_table_parse_take    (const char         *display_name,
                                        char               *data,
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
/* Returns the NUL-terminated cell text; "" for an empty cell. The text stays valid as long as the
 * table; cells read from the file are kept once read, so reading every cell of a large table
 * is better done with fe_csv_table_read_cell(). */
const char *fe_csv_table_get_cell      (const FeCsvTable *table,
                                        guint             row,
                                        guint             column);
/* The same text, valid until @scratch is next used or the table is freed, without keeping it.
 * "" when the file has changed since it was loaded. Safe to call from several threads with a
 * scratch each. */
const char *fe_csv_table_read_cell     (const FeCsvTable *table,
                                        guint             row,
                                        guint             column,
                                        GString          *scratch);
/* The same, or NULL with FE_CSV_ERROR_CHANGED when a non-empty answer cannot be read because
 * the file changed since it was loaded. */
const char *fe_csv_table_read_cell_checked (const FeCsvTable  *table,
                                            guint              row,
                                            guint              column,
                                            GString           *scratch,
                                            GError           **error);
/* FALSE with FE_CSV_ERROR_CHANGED when the file the table reads its answers from has changed
 * (size, time or length) since it was loaded: answers not yet read can no longer be read. A
 * cheap check (one fstat), for a caller about to show answers or after showing them. */
gboolean    fe_csv_table_check_source  (const FeCsvTable  *table,
                                        GError           **error);
gboolean    fe_csv_table_cell_is_empty (const FeCsvTable *table,
                                        guint             row,
                                        guint             column);

/* The distinct non-empty answers of a column in its data rows (not its header rows), in the
 * order in which they first occur: G_MAXUINT when there are too many to list (free text, ids),
 * then fe_csv_table_get_text_stats() describes them. */
guint       fe_csv_table_get_n_values  (const FeCsvTable *table,
                                        guint             column);
/* Value @value of a listed column, how many rows give it and the first of them. */
const char *fe_csv_table_get_value     (const FeCsvTable *table,
                                        guint             column,
                                        guint             value,
                                        guint            *count,
                                        guint            *first_row);
/* The value a row gives in a listed column, or G_MAXUINT for an empty cell. */
guint       fe_csv_table_get_value_index (const FeCsvTable *table,
                                          guint             row,
                                          guint             column);

/* What loading saw of the answers of a column too varied to list, for guessing its role. */
typedef struct
{
  guint       n_answered;
  guint       n_integers;          /* answers that are whole numbers */
  gint64      min_integer;
  gint64      max_integer;
  gboolean    integers_distinct;   /* every answer is a different whole number */
  guint       n_with_semicolon;
  guint       n_with_comma;        /* counted up to 2 only */
  GHashTable *tokens;              /* ';'-separated option → count (GUINT_TO_POINTER), or
                                    * NULL when there are more than FE_CSV_MAX_TOKENS */
  guint       n_tokens;
} FeCsvTextStats;

#define FE_CSV_MAX_TOKENS 60

/* Fills @stats for a column that fe_csv_table_get_n_values() does not list; free it with
 * fe_csv_text_stats_clear(). */
void        fe_csv_table_get_text_stats (const FeCsvTable *table,
                                         guint             column,
                                         FeCsvTextStats   *stats);
void        fe_csv_text_stats_clear     (FeCsvTextStats   *stats);
/* Whether @text is a whole number (all of it, base 10), as loading and role inference read
 * one; the number in *@value. */
gboolean    fe_csv_parse_integer        (const char       *text,
                                         gint64           *value);
/* The physical line of the file on which a row starts (1-based; the header is on its own line). */
guint       fe_csv_table_get_line      (const FeCsvTable *table,
                                        guint             row);
/* Returns the column whose header is @name, or -1. */
int         fe_csv_table_find_column   (const FeCsvTable *table,
                                        const char       *name);
/* Returns the column headed by the first of @names (NULL-terminated, any letter case) that
 * heads one, or -1. */
int         fe_csv_table_find_any_column (const FeCsvTable   *table,
                                          const char * const *names);
/* A copy of the cell at @row of @column, or NULL when it is empty or @column is -1. */
char       *fe_csv_table_dup_cell_or_null (const FeCsvTable *table,
                                           guint             row,
                                           int               column);
/* The delimiter the file was read with. */
char        fe_csv_table_get_delimiter (const FeCsvTable *table);
/* Whether the table's numbers were written by the app (FeCsvOptions.numbers_plain). */
gboolean    fe_csv_table_numbers_are_plain (const FeCsvTable *table);
/* What was repaired while loading: char*, one sentence each naming the file and lines. */
GPtrArray  *fe_csv_table_get_warnings  (const FeCsvTable *table);
/* Adds a warning (taking @warning) for a table read from another kind of file. */
void        fe_csv_table_add_warning   (FeCsvTable       *table,
                                        char             *warning);
/* For a table parsed from text written for another file (a workbook's sheet): line L of that
 * text is line @line_map[L - 1] of the file, which fe_csv_table_get_line() then gives. */
void        fe_csv_table_set_line_map  (FeCsvTable       *table,
                                        const guint      *line_map,
                                        guint             n_lines);

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
