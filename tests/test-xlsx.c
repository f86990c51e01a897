/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Excel workbooks: the fixtures of ../shared/fixtures/xlsx (real exports and readxl's edge cases;
 * its README says where each comes from) read with the values, dates, booleans, merged cells,
 * sheets and counts they hold; workbooks written here with libarchive open like their CSV
 * twins; old, encrypted, damaged and oversized files fail with an error that says what to do. */
#include <archive.h>
#include <archive_entry.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "fe-bitset.h"
#include "fe-csv-table.h"
#include "fe-project.h"
#include "fe-study.h"
#include "fe-test-util.h"
#include "fe-xlsx-reader.h"

static FeCsvTable *
load_table (const char *path,
            const char *sheet,
            char      **sheet_name)
{
  g_autoptr(GError) error = NULL;
  FeCsvTable *table = fe_xlsx_load_table (path, sheet, NULL, sheet_name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static FeStudy *
load_study (const char *path,
            const char *sheet)
{
  g_autoptr(GError) error = NULL;
  FeLoadOptions options = { .sheet = sheet };
  FeStudy *study = fe_study_load_full (path, NULL, NULL, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (study);
  return study;
}

static void
assert_row (FeCsvTable         *table,
            guint               row,
            const char * const *cells)
{
  for (guint c = 0; cells[c] != NULL; c++)
    g_assert_cmpstr (fe_csv_table_get_cell (table, row, c), ==, cells[c]);
}

static guint
level_count (FeStudy    *study,
             const char *column_id,
             const char *level)
{
  FeColumn *column = fe_study_find_column (study, column_id);

  g_assert_nonnull (column);
  for (guint i = 0; i < column->levels->len; i++)
    if (strcmp (g_ptr_array_index (column->levels, i), level) == 0)
      return fe_bitset_count_and (g_ptr_array_index (column->level_rows, i),
                                  fe_study_get_universe (study));
  g_error ("“%s” has no level “%s”", column_id, level);
  return 0;
}

/* ---- The fixtures ---------------------------------------------------------------------------- */

static void
test_msforms (void)
{
  FE_TEST_FIXTURE_OR_SKIP (path, "xlsx", "msforms_nav-medlemsundersokelse.xlsx");
  g_autoptr(FeCsvTable) table = NULL;
  g_autoptr(FeStudy) study = NULL;
  g_autofree char *sheet = NULL;

  /* x: prefixes everywhere, <dimension ref="A1"/>, empty cells as t="s" without <v>. */
  table = load_table (path, NULL, &sheet);
  g_assert_cmpstr (sheet, ==, "Sheet1");
  g_assert_cmpuint (fe_csv_table_get_n_columns (table), ==, 13);
  g_assert_cmpuint (fe_csv_table_get_n_rows (table), ==, 25);
  g_assert_cmpstr (fe_csv_table_get_header (table, 0), ==, "ID");
  g_assert_cmpstr (fe_csv_table_get_header (table, 5), ==, "Hvor jobber du i NAV?");
  /* Times are serial numbers with an m/d/yy h:mm:ss style. */
  assert_row (table, 0, (const char * const[]) { "1", "2023-01-20 09:22:36",
                                                 "2023-01-20 09:23:23", "anonymous", "",
                                                 "Direktoratet", "Fornøyd", "Veldig fornøyd",
                                                 NULL });
  g_assert_cmpuint (fe_csv_table_get_line (table, 0), ==, 2);

  study = load_study (path, NULL);
  g_assert_cmpuint (fe_study_get_n_respondents (study), ==, 25);
  g_assert_cmpstr (fe_study_get_sheet (study), ==, "Sheet1");
  g_assert_cmpstr (fe_study_get_format_name (study), ==, "Excel workbook");
  g_assert_cmpstr (fe_column_get_role_name (fe_study_find_column (study, "ID")), ==, "id");
  g_assert_true (fe_study_find_column (study, "Start time")->metadata);
  g_assert_true (fe_study_find_column (study, "Email")->identifying);
  g_assert_cmpuint (level_count (study, "Hvor jobber du i NAV?", "Direktoratet"), ==, 18);
  g_assert_cmpuint (level_count (study, "Hvor jobber du i NAV?", "Linje"), ==, 7);
}

static void
test_msforms_quiz (void)
{
  FE_TEST_FIXTURE_OR_SKIP (path, "xlsx", "msforms-quiz_topic-of-talk.xlsx");
  g_autoptr(FeCsvTable) table = load_table (path, NULL, NULL);
  g_autoptr(FeStudy) study = NULL;
  guint multi_line = 0;

  g_assert_cmpuint (fe_csv_table_get_n_columns (table), ==, 16);
  g_assert_cmpuint (fe_csv_table_get_n_rows (table), ==, 10);
  g_assert_cmpstr (fe_csv_table_get_header (table, 5), ==, "Last modified time");
  g_assert_cmpstr (fe_csv_table_get_cell (table, 0, 4), ==, "First Name");
  /* Answer options with line breaks; an unanswered question is a cell the row omits. */
  for (guint r = 0; r < 10; r++)
    for (guint c = 6; c < 16; c++)
      multi_line += strchr (fe_csv_table_get_cell (table, r, c), '\n') != NULL;
  g_assert_cmpuint (multi_line, >, 50);
  g_assert_true (g_str_has_prefix (fe_csv_table_get_cell (table, 0, 6),
                                   "B Eine detaillierte manuelle Überprüfung des entwickelten "
                                   "Programmcodes\ndurch Kollegen"));
  g_assert_cmpstr (fe_csv_table_get_cell (table, 0, 9), ==, "");
  g_assert_cmpstr (fe_csv_table_get_cell (table, 0, 1), ==, "2024-06-28 16:42:59");

  study = load_study (path, NULL);
  g_assert_cmpuint (fe_study_get_n_respondents (study), ==, 10);
  g_assert_true (fe_study_find_column (study, "Last modified time")->metadata);
  g_assert_true (fe_study_find_column (study, "Name")->identifying);
}

static void
test_google_sheets (void)
{
  FE_TEST_FIXTURE_OR_SKIP (path, "xlsx", "google-sheets_doenerpreisumfrage-2023q1.xlsx");
  g_autoptr(FeCsvTable) table = NULL;
  g_autoptr(FeStudy) study = NULL;
  g_autofree char *sheet = NULL;
  const char *bundesland = "[1] In welchem Bundesland liegt der Dönerladen?";
  gboolean leading_zero = FALSE;

  table = load_table (path, NULL, &sheet);
  g_assert_cmpstr (sheet, ==, "Formularantworten 1");
  g_assert_cmpuint (fe_csv_table_get_n_columns (table), ==, 6);
  g_assert_cmpuint (fe_csv_table_get_n_rows (table), ==, 6596);
  g_assert_cmpstr (fe_csv_table_get_header (table, 0), ==, "Zeitstempel");
  g_assert_true (strstr (fe_csv_table_get_header (table, 3), "⁽²⁾") != NULL);
  /* Prices as text ("6.50") and as numbers (5.5) side by side, as typed. */
  assert_row (table, 0, (const char * const[]) { "2023-01-19 21:37:06", "Bayern", "6.50",
                                                 "87600", "", "", NULL });
  assert_row (table, 1, (const char * const[]) { "2023-01-19 21:39:20", "Schleswig-Holstein",
                                                 "5.5", "23758", "Reddit", NULL });
  for (guint r = 0; r < fe_csv_table_get_n_rows (table); r++)
    leading_zero = leading_zero || strcmp (fe_csv_table_get_cell (table, r, 3), "04668") == 0;
  g_assert_true (leading_zero);
  g_assert_cmpuint (fe_csv_table_get_line (table, 6595), ==, 6597);

  study = load_study (path, NULL);
  g_assert_cmpuint (fe_study_get_n_respondents (study), ==, 6596);
  g_assert_true (fe_study_find_column (study, "Zeitstempel")->metadata);
  g_assert_cmpuint (level_count (study, bundesland, "Nordrhein-Westfalen"), ==, 1302);
  g_assert_cmpuint (level_count (study, bundesland, "Bremen"), ==, 65);
}

static void
test_google_forms_via_excel (void)
{
  FE_TEST_FIXTURE_OR_SKIP (path, "xlsx", "google-forms-via-excel_gt-results-2017-18.xlsx");
  g_autoptr(FeCsvTable) table = NULL;
  g_autoptr(FeStudy) study = NULL;
  g_autofree char *sheet = NULL;

  table = load_table (path, NULL, &sheet);
  g_assert_cmpstr (sheet, ==, "in");
  g_assert_cmpuint (fe_csv_table_get_n_columns (table), ==, 12);
  g_assert_cmpuint (fe_csv_table_get_n_rows (table), ==, 117);
  assert_row (table, 0, (const char * const[]) { "2017-04-08 06:44:01", "1", "6", "September",
                                                 "28/30", "99", "45/50", "99", "99",
                                                 "NEST+m, TAG, Anderson, Q300", "NEST", "YES",
                                                 NULL });
  /* A row that omits its District and School Assigned cells. */
  assert_row (table, 1, (const char * const[]) { "2017-04-07 10:40:45", "K", "", "August", "25",
                                                 NULL });
  g_assert_cmpstr (fe_csv_table_get_cell (table, 1, 10), ==, "");

  study = load_study (path, NULL);
  g_assert_cmpuint (fe_study_get_n_respondents (study), ==, 117);
  g_assert_cmpuint (level_count (study, "Entering Grade Level", "K"), ==, 75);
  g_assert_cmpuint (level_count (study, "Entering Grade Level", "1"), ==, 27);
}

static void
test_types_1904 (void)
{
  FE_TEST_FIXTURE_OR_SKIP (path, "xlsx", "readxl_types-1904-booleans-errors.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sheets = fe_xlsx_list_sheets (path, &error);
  const char * const names[] = { "guess_me", "guess_max", "smorgasbord", "logical_coercion",
                                 "date_coercion", "numeric_coercion", "text_coercion" };
  g_autoptr(FeCsvTable) guess_me = NULL;
  g_autoptr(FeCsvTable) smorgasbord = NULL;
  g_autoptr(FeCsvTable) by_number = NULL;
  g_autoptr(FeCsvTable) by_case = NULL;
  g_autoptr(FeCsvTable) table = NULL;
  g_autofree char *sheet = NULL;
  GPtrArray *warnings;

  g_assert_no_error (error);
  g_assert_cmpuint (sheets->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < sheets->len; i++)
    {
      FeXlsxSheetInfo *info = g_ptr_array_index (sheets, i);

      g_assert_cmpstr (info->name, ==, names[i]);
      g_assert_true (info->has_data);
      g_assert_false (info->hidden);
    }
  g_assert_cmpuint (fe_xlsx_find_sheet (sheets, "smorgasbord"), ==, 3);
  g_assert_cmpuint (fe_xlsx_find_sheet (sheets, "SMORGASBORD"), ==, 3);
  g_assert_cmpuint (fe_xlsx_find_sheet (sheets, "3"), ==, 3);
  g_assert_cmpuint (fe_xlsx_find_sheet (sheets, "8"), ==, 0);
  g_assert_cmpuint (fe_xlsx_find_sheet (sheets, "nope"), ==, 0);

  /* The 1904 system: serial 41331 is 27 February 2017, not 26 February 2013. Booleans read as
   * Excel writes them in a CSV file; row 4, empty, is left out. */
  guess_me = load_table (path, NULL, &sheet);
  g_assert_cmpstr (sheet, ==, "guess_me");
  g_assert_cmpstr (fe_csv_table_get_header (guess_me, 2), ==, "date");
  g_assert_cmpuint (fe_csv_table_get_n_rows (guess_me), ==, 4);
  assert_row (guess_me, 0, (const char * const[]) { "", "TRUE", "2017-02-27", "1", "hello",
                                                    NULL });
  assert_row (guess_me, 2, (const char * const[]) { "", "TRUE", "2017-02-28", "3", "HELLO",
                                                    NULL });
  g_assert_cmpuint (fe_csv_table_get_line (guess_me, 1), ==, 3);
  g_assert_cmpuint (fe_csv_table_get_line (guess_me, 2), ==, 5);

  /* Formula strings, decimals, booleans from formulas; the seven error values read as not
   * answered and are counted in a warning that names them. */
  g_clear_pointer (&sheet, g_free);
  smorgasbord = load_table (path, "smorgasbord", &sheet);
  g_assert_cmpstr (sheet, ==, "smorgasbord");
  g_assert_cmpuint (fe_csv_table_get_n_rows (smorgasbord), ==, 19);
  assert_row (smorgasbord, 0, (const char * const[]) { "text formula", "HELLO WORLD", NULL });
  assert_row (smorgasbord, 2, (const char * const[]) { "double", "1.3", NULL });
  assert_row (smorgasbord, 3, (const char * const[]) { "integer", "0", NULL });
  assert_row (smorgasbord, 4, (const char * const[]) { "numeric formula", "1.69", NULL });
  assert_row (smorgasbord, 8, (const char * const[]) { "boolean formula false", "FALSE", NULL });
  assert_row (smorgasbord, 9, (const char * const[]) { "date", "2016-02-26", NULL });
  for (guint r = 11; r < 19; r++)
    {
      g_assert_true (g_str_has_prefix (fe_csv_table_get_cell (smorgasbord, r, 0), "error"));
      g_assert_cmpstr (fe_csv_table_get_cell (smorgasbord, r, 1), ==, "");
    }
  warnings = fe_csv_table_get_warnings (smorgasbord);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (strstr (g_ptr_array_index (warnings, 0), "8 cells hold Excel error values")
                 != NULL);
  g_assert_true (strstr (g_ptr_array_index (warnings, 0), "#DIV/0!") != NULL);

  by_number = load_table (path, "3", NULL);
  g_assert_cmpuint (fe_csv_table_get_n_rows (by_number), ==, 19);
  by_case = load_table (path, "Logical_Coercion", NULL);
  assert_row (by_case, 0, (const char * const[]) { "TRUE", "static logical", NULL });
  assert_row (by_case, 4, (const char * const[]) { "true", "string logical", NULL });

  table = fe_xlsx_load_table (path, "nope", NULL, NULL, &error);
  g_assert_null (table);
  g_assert_error (error, FE_XLSX_ERROR, FE_XLSX_ERROR_NO_SHEET);
  g_assert_true (strstr (error->message, "readxl_types-1904-booleans-errors.xlsx has no sheet "
                                         "“nope”") != NULL);
  g_assert_true (strstr (error->message, "“text_coercion”") != NULL);
}

static void
test_merged (void)
{
  FE_TEST_FIXTURE_OR_SKIP (path, "xlsx", "readxl_merged-cells.xlsx");
  g_autoptr(FeCsvTable) table = load_table (path, NULL, NULL);

  /* Merged ranges below the header keep their text in the first cell, as Excel's CSV does. */
  g_assert_cmpuint (fe_csv_table_get_n_columns (table), ==, 4);
  g_assert_cmpuint (fe_csv_table_get_n_rows (table), ==, 4);
  g_assert_cmpstr (fe_csv_table_get_header (table, 1), ==, "Col2");
  assert_row (table, 0, (const char * const[]) { "OneAndTwo", "", "5", "Test", NULL });
  assert_row (table, 1, (const char * const[]) { "Regular", "", "", "", NULL });
  assert_row (table, 2, (const char * const[]) { "FormulaFill", "", "", "", NULL });
  assert_row (table, 3, (const char * const[]) { "", "", "", "FormulaFill", NULL });
}

static void
test_richtext (void)
{
  FE_TEST_FIXTURE_OR_SKIP (path, "xlsx", "readxl_richtext-coloured.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sheets = fe_xlsx_list_sheets (path, &error);
  g_autoptr(FeCsvTable) table = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (sheets->len, ==, 3);
  g_assert_true (((FeXlsxSheetInfo *) g_ptr_array_index (sheets, 0))->has_data);
  g_assert_false (((FeXlsxSheetInfo *) g_ptr_array_index (sheets, 1))->has_data);
  g_assert_false (((FeXlsxSheetInfo *) g_ptr_array_index (sheets, 2))->has_data);

  table = load_table (path, NULL, NULL);
  g_assert_cmpuint (fe_csv_table_get_n_rows (table), ==, 1);
  assert_row (table, 0, (const char * const[]) { "tvalrval1rval2", "rval1rval2", NULL });

  g_assert_null (fe_xlsx_load_table (path, "Sheet2", NULL, NULL, &error));
  g_assert_error (error, FE_XLSX_ERROR, FE_XLSX_ERROR_EMPTY);
}

static void
test_x000d (void)
{
  FE_TEST_FIXTURE_OR_SKIP (path, "xlsx", "readxl_x000D-escapes.xlsx");
  g_autoptr(FeCsvTable) table = load_table (path, NULL, NULL);

  g_assert_cmpstr (fe_csv_table_get_header (table, 0), ==, "column_name");
  g_assert_cmpstr (fe_csv_table_get_cell (table, 0, 0), ==,
                   "first line of text \nsecond line of text \ni don't know what type of line "
                   "feed I've used \nlast line");
  g_assert_cmpstr (fe_csv_table_get_cell (table, 1, 0), ==,
                   "Will show \"_x000D_\" in every new line in cell above");
  /* The sheet's row, not the line of the text the cells were written to. */
  g_assert_cmpuint (fe_csv_table_get_line (table, 1), ==, 3);
}

static void
test_nonstandard_prefix (void)
{
  FE_TEST_FIXTURE_OR_SKIP (path, "xlsx", "readxl_nonstandard-ns-prefix.xlsx");
  g_autoptr(FeCsvTable) table = load_table (path, NULL, NULL);

  g_assert_cmpuint (fe_csv_table_get_n_columns (table), ==, 2);
  g_assert_cmpstr (fe_csv_table_get_header (table, 0), ==, "a");
  g_assert_cmpstr (fe_csv_table_get_header (table, 1), ==, "b");
  assert_row (table, 0, (const char * const[]) { "1", "3", NULL });
  assert_row (table, 1, (const char * const[]) { "2", "4", NULL });
}

/* ---- Workbooks written here ---------------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *data;
} Part;

static char *
write_zip (const char  *name,
           const Part  *parts,
           guint        n_parts)
{
  g_autofree char *path = fe_test_write_file (name, "", 0);
  struct archive *archive = archive_write_new ();

  g_assert_cmpint (archive_write_set_format_zip (archive), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (archive, path), ==, ARCHIVE_OK);
  for (guint i = 0; i < n_parts; i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      gsize length = strlen (parts[i].data);

      archive_entry_set_pathname (entry, parts[i].name);
      archive_entry_set_size (entry, (la_int64_t) length);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (archive, parts[i].data, length), ==, (la_ssize_t) length);
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_close (archive), ==, ARCHIVE_OK);
  archive_write_free (archive);
  return g_steal_pointer (&path);
}

#define MAIN_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define REL_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define DOC_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* A workbook of three sheets: "Notes", empty, then @sheet_xml as "Responses", with @strings as
 * its shared strings, then "Lookup", hidden. Styles: 0 General, 1 a date and time (22), 2 a
 * custom date (d/m/yyyy), 3 a duration ([h]:mm:ss), 4 a time (18, h:mm AM/PM), 5 a number whose
 * format quotes a "d" ("day" 0.00), 6 a percentage (9, 0%), 7 one with a decimal (0.0%). */
static char *
write_workbook (const char *name,
                const char *sheet_xml,
                const char *strings_xml)
{
  const Part parts[] = {
    { "[Content_Types].xml",
      "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
      "content-types\"/>" },
    { "_rels/.rels",
      "<?xml version=\"1.0\"?><Relationships xmlns=\"" PKG_NS "\"><Relationship Id=\"rId1\" "
      "Type=\"" DOC_TYPE "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>" },
    { "xl/workbook.xml",
      "<?xml version=\"1.0\"?><workbook xmlns=\"" MAIN_NS "\" xmlns:r=\"" REL_NS "\">"
      "<sheets><sheet name=\"Notes\" sheetId=\"1\" r:id=\"rId1\"/>"
      "<sheet name=\"Responses\" sheetId=\"2\" r:id=\"rId2\"/>"
      "<sheet name=\"Lookup\" sheetId=\"3\" state=\"hidden\" r:id=\"rId3\"/></sheets></workbook>" },
    { "xl/_rels/workbook.xml.rels",
      "<?xml version=\"1.0\"?><Relationships xmlns=\"" PKG_NS "\">"
      "<Relationship Id=\"rId1\" Type=\"" DOC_TYPE "/worksheet\" Target=\"worksheets/a.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"" DOC_TYPE "/worksheet\" Target=\"/xl/worksheets/b.xml\"/>"
      "<Relationship Id=\"rId3\" Type=\"" DOC_TYPE "/worksheet\" Target=\"worksheets/c.xml\"/>"
      "<Relationship Id=\"rId4\" Type=\"" DOC_TYPE "/styles\" Target=\"styles.xml\"/>"
      "<Relationship Id=\"rId5\" Type=\"" DOC_TYPE "/sharedStrings\" Target=\"strings.xml\"/>"
      "</Relationships>" },
    { "xl/worksheets/a.xml",
      "<?xml version=\"1.0\"?><worksheet xmlns=\"" MAIN_NS "\"><sheetData>"
      "<row r=\"1\"><c r=\"A1\" s=\"1\"/></row></sheetData></worksheet>" },
    { "xl/worksheets/b.xml", sheet_xml },
    { "xl/worksheets/c.xml",
      "<?xml version=\"1.0\"?><worksheet xmlns=\"" MAIN_NS "\"><sheetData>"
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>code</t></is></c>"
      "<c r=\"B1\" t=\"inlineStr\"><is><t>label</t></is></c></row>"
      "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>Yes</t></is></c>"
      "</row><row r=\"3\"><c r=\"A3\"><v>2</v></c><c r=\"B3\" t=\"inlineStr\"><is><t>No</t>"
      "</is></c></row></sheetData></worksheet>" },
    { "xl/styles.xml",
      "<?xml version=\"1.0\"?><styleSheet xmlns=\"" MAIN_NS "\"><numFmts count=\"1\">"
      "<numFmt numFmtId=\"164\" formatCode=\"d/m/yyyy;@\"/>"
      "<numFmt numFmtId=\"165\" formatCode=\"[h]:mm:ss\"/>"
      "<numFmt numFmtId=\"166\" formatCode=\"&quot;day&quot; 0.00\"/>"
      "<numFmt numFmtId=\"167\" formatCode=\"0.0%;[Red]-0.0%\"/></numFmts>"
      "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
      "<cellXfs count=\"8\"><xf numFmtId=\"0\"/><xf numFmtId=\"22\" applyNumberFormat=\"1\"/>"
      "<xf numFmtId=\"164\" applyNumberFormat=\"1\"/><xf numFmtId=\"165\"/>"
      "<xf numFmtId=\"18\"/><xf numFmtId=\"166\"/><xf numFmtId=\"9\"/><xf numFmtId=\"167\"/>"
      "</cellXfs></styleSheet>" },
    { "xl/strings.xml", strings_xml },
  };

  return write_zip (name, parts, G_N_ELEMENTS (parts));
}

static const char * const forces[] = { "Dyfed-Powys", "Gwent", "North Wales", "South Wales" };
static const char * const agreement[] = { "Strongly disagree", "Disagree",
                                          "Neither agree nor disagree", "Agree",
                                          "Strongly agree" };

static void
csv_field (GString    *csv,
           const char *text)
{
  g_autofree char *quoted = NULL;
  g_auto(GStrv) parts = g_strsplit (text, "\"", -1);

  quoted = g_strjoinv ("\"\"", parts);
  g_string_append_printf (csv, "\"%s\"", quoted);
}

/* The same 40 responses as a sheet (shared and inline strings, rich text, numbers, dates,
 * booleans, omitted cells) and as the CSV file Excel would save of it. */
static void
write_twins (char **xlsx_path,
             char **csv_path)
{
  g_autoptr(GString) sheet = g_string_new (NULL);
  g_autoptr(GString) strings = g_string_new (NULL);
  g_autoptr(GString) csv = g_string_new ("ID,Submitted,Force,Q1 The service was fair,Years,"
                                         "Consent,Comment\n");

  /* Shared strings: 0–3 the forces, 4 a comment with an escaped line break and quotes, 5–10
   * the header. */
  g_string_append (strings, "<?xml version=\"1.0\"?><sst xmlns=\"" MAIN_NS "\">");
  for (guint i = 0; i < G_N_ELEMENTS (forces); i++)
    g_string_append_printf (strings, "<si><t>%s</t></si>", forces[i]);
  g_string_append (strings, "<si><r><rPr><b/></rPr><t xml:space=\"preserve\">They said </t>"
                            "</r><r><t>&quot;wait&quot;_x000D_\nthen left</t></r>"
                            "<rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh></si>");
  g_string_append (strings, "<si><t>ID</t></si><si><t>Submitted</t></si><si><t>Force</t></si>"
                            "<si><t>Q1 The service was fair</t></si><si><t>Years</t></si>"
                            "<si><t>Consent</t></si><si><t>Comment</t></si></sst>");

  g_string_append (sheet, "<?xml version=\"1.0\"?><worksheet xmlns=\"" MAIN_NS "\">"
                          "<dimension ref=\"A1\"/><sheetData><row r=\"1\">");
  for (guint c = 0; c < 7; c++)
    g_string_append_printf (sheet, "<c r=\"%c1\" t=\"s\"><v>%u</v></c>", 'A' + c, 5 + c);
  g_string_append (sheet, "</row>");
  for (guint i = 0; i < 40; i++)
    {
      guint row = i + 2;
      /* 45352 is 1 March 2024; each response half a day and some minutes after the last. */
      double serial = 45352 + i * 0.5 + i * 7.0 / 1440;
      g_autoptr(GDateTime) base = g_date_time_new_utc (1899, 12, 30, 0, 0, 0);
      g_autoptr(GDateTime) when = g_date_time_add_seconds (base, (double) (gint64) (serial * 86400
                                                                                      + 0.5));
      g_autofree char *submitted = g_date_time_format (when, "%Y-%m-%d %H:%M");
      g_autofree char *years = NULL;
      g_autofree char *stored = NULL;

      g_string_append_printf (sheet, "<row r=\"%u\"><c r=\"A%u\"><v>%u</v></c>", row, row, i + 1);
      g_string_append_printf (sheet, "<c r=\"B%u\" s=\"1\"><v>%.10f</v></c>", row, serial);
      g_string_append_printf (csv, "%u,%s,", i + 1, submitted);
      if (i % 9 != 4)
        {
          g_string_append_printf (sheet, "<c r=\"C%u\" t=\"s\"><v>%u</v></c>", row, i % 4);
          csv_field (csv, forces[i % 4]);
        }
      g_string_append_c (csv, ',');
      /* Inline rich text, a run at a time. */
      if (i % 7 != 3)
        {
          const char *answer = agreement[(i * 3) % 5];
          const char *space = strchr (answer, ' ');

          if (space != NULL)
            g_string_append_printf (sheet, "<c r=\"D%u\" t=\"inlineStr\"><is><r><t>%.*s</t></r>"
                                           "<r><t xml:space=\"preserve\">%s</t></r></is></c>",
                                    row, (int) (space - answer), answer, space);
          else
            g_string_append_printf (sheet, "<c r=\"D%u\" t=\"inlineStr\"><is><t>%s</t></is></c>",
                                    row, answer);
          csv_field (csv, answer);
        }
      g_string_append_c (csv, ',');
      /* Whole numbers stored as 3.0 read as 3. */
      years = i % 3 == 0 ? g_strdup_printf ("%u.5", i % 11) : g_strdup_printf ("%u", i % 11);
      stored = i % 3 == 0 ? g_strdup (years) : g_strdup_printf ("%u.0", i % 11);
      g_string_append_printf (sheet, "<c r=\"E%u\" t=\"n\"><v>%s</v></c>", row, stored);
      g_string_append_printf (csv, "%s,", years);
      g_string_append_printf (sheet, "<c r=\"F%u\" t=\"b\"><v>%d</v></c>", row, i % 6 != 0);
      g_string_append_printf (csv, "%s,", i % 6 != 0 ? "TRUE" : "FALSE");
      if (i % 5 == 0)
        {
          g_string_append_printf (sheet, "<c r=\"G%u\" t=\"s\"><v>4</v></c>", row);
          csv_field (csv, "They said \"wait\"\r\nthen left");
        }
      else if (i % 5 == 1)
        {
          g_string_append_printf (sheet, "<c r=\"G%u\" t=\"inlineStr\"><is><t>Fine, thanks "
                                         "#%u</t></is></c>", row, i);
          g_string_append_printf (csv, "\"Fine, thanks #%u\"", i);
        }
      g_string_append (sheet, "</row>");
      g_string_append_c (csv, '\n');
    }
  g_string_append (sheet, "</sheetData></worksheet>");

  *xlsx_path = write_workbook ("twin.xlsx", sheet->str, strings->str);
  *csv_path = fe_test_write_file ("twin.csv", csv->str, -1);
}

static void
assert_same_study (FeStudy *a,
                   FeStudy *b)
{
  g_assert_cmpuint (fe_study_get_n_rows (a), ==, fe_study_get_n_rows (b));
  g_assert_cmpuint (fe_study_get_n_respondents (a), ==, fe_study_get_n_respondents (b));
  g_assert_cmpuint (fe_study_get_n_columns (a), ==, fe_study_get_n_columns (b));
  for (guint c = 0; c < fe_study_get_n_columns (a); c++)
    {
      FeColumn *ca = fe_study_get_column (a, c);
      FeColumn *cb = fe_study_get_column (b, c);

      g_assert_cmpstr (ca->id, ==, cb->id);
      g_assert_cmpstr (ca->label, ==, cb->label);
      g_assert_cmpstr (fe_column_get_role_name (ca), ==, fe_column_get_role_name (cb));
      g_assert_cmpstr (ca->group, ==, cb->group);
      g_assert_cmpuint (fe_bitset_count (ca->answered), ==, fe_bitset_count (cb->answered));
      g_assert_cmpuint (ca->levels->len, ==, cb->levels->len);
      for (guint l = 0; l < ca->levels->len; l++)
        {
          g_assert_cmpstr (g_ptr_array_index (ca->levels, l), ==,
                           g_ptr_array_index (cb->levels, l));
          g_assert_cmpuint (fe_bitset_count (g_ptr_array_index (ca->level_rows, l)), ==,
                            fe_bitset_count (g_ptr_array_index (cb->level_rows, l)));
        }
    }
}

static void
test_twin (void)
{
  g_autofree char *xlsx = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(FeStudy) from_xlsx = NULL;
  g_autoptr(FeStudy) from_csv = NULL;
  g_autoptr(FeCsvTable) table = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sheet = NULL;
  FeColumn *q1;

  write_twins (&xlsx, &csv);

  /* "Notes" has only a formatted cell: the first sheet with data is "Responses". */
  sheets = fe_xlsx_list_sheets (xlsx, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheets->len, ==, 3);
  g_assert_false (((FeXlsxSheetInfo *) g_ptr_array_index (sheets, 0))->has_data);
  g_assert_true (((FeXlsxSheetInfo *) g_ptr_array_index (sheets, 1))->has_data);
  g_assert_true (((FeXlsxSheetInfo *) g_ptr_array_index (sheets, 2))->hidden);

  table = load_table (xlsx, NULL, &sheet);
  g_assert_cmpstr (sheet, ==, "Responses");
  assert_row (table, 0, (const char * const[]) { "1", "2024-03-01 00:00", "Dyfed-Powys",
                                                 "Strongly disagree", "0.5", "FALSE",
                                                 "They said \"wait\"\nthen left", NULL });
  assert_row (table, 1, (const char * const[]) { "2", "2024-03-01 12:07", "Gwent",
                                                 "Agree", "1", "TRUE", "Fine, thanks #1",
                                                 NULL });
  /* Row 6 omits its Force cell. */
  g_assert_cmpstr (fe_csv_table_get_cell (table, 4, 2), ==, "");
  g_assert_cmpuint (fe_csv_table_get_line (table, 39), ==, 41);

  from_xlsx = load_study (xlsx, NULL);
  from_csv = load_study (csv, NULL);
  assert_same_study (from_xlsx, from_csv);
  g_assert_cmpuint (fe_study_get_n_respondents (from_xlsx), ==, 40);
  g_assert_cmpuint (level_count (from_xlsx, "Force", "Gwent"), ==,
                    level_count (from_csv, "Force", "Gwent"));
  q1 = fe_study_find_column (from_xlsx, "Q1 The service was fair");
  g_assert_cmpstr (fe_column_get_role_name (q1), ==, "ordinal");
  g_assert_cmpstr (g_ptr_array_index (q1->levels, 0), ==, "Strongly disagree");

  /* The hidden sheet is read when asked for by name. */
  g_clear_object (&from_xlsx);
  from_xlsx = load_study (xlsx, "Lookup");
  g_assert_cmpstr (fe_study_get_sheet (from_xlsx), ==, "Lookup");
}

/* A SurveyMonkey layout whose question spans its options' columns as one merged cell: read as
 * its CSV export, where the question stands over the first column. */
static void
test_merged_header (void)
{
  const char *strings = "<?xml version=\"1.0\"?><sst xmlns=\"" MAIN_NS "\"/>";
  g_autoptr(GString) sheet = g_string_new (NULL);
  g_autoptr(GString) csv = g_string_new (NULL);
  const char *services[] = { "Police", "Health", "Housing" };
  const char *ages[] = { "18-24", "25-34", "35-44" };
  g_autofree char *xlsx = NULL;
  g_autofree char *csv_path = NULL;
  g_autoptr(FeCsvTable) table = NULL;
  g_autoptr(FeStudy) from_xlsx = NULL;
  g_autoptr(FeStudy) from_csv = NULL;

  g_string_append (sheet, "<?xml version=\"1.0\"?><x:worksheet xmlns:x=\"" MAIN_NS "\">"
                          "<x:sheetData><x:row r=\"1\">"
                          "<x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>Respondent ID</x:t></x:is></x:c>"
                          "<x:c r=\"B1\" t=\"inlineStr\"><x:is><x:t>Which services did you "
                          "use?</x:t></x:is></x:c><x:c r=\"C1\"/><x:c r=\"D1\"/>"
                          "<x:c r=\"E1\" t=\"inlineStr\"><x:is><x:t>Age</x:t></x:is></x:c>"
                          "</x:row><x:row r=\"2\">");
  g_string_append (csv, "Respondent ID,Which services did you use?,,,Age\n,");
  for (guint k = 0; k < 3; k++)
    {
      g_string_append_printf (sheet, "<x:c r=\"%c2\" t=\"inlineStr\"><x:is><x:t>%s</x:t></x:is>"
                                     "</x:c>", 'B' + k, services[k]);
      g_string_append_printf (csv, "%s,", services[k]);
    }
  g_string_append (sheet, "<x:c r=\"E2\" t=\"inlineStr\"><x:is><x:t>Response</x:t></x:is></x:c>"
                          "</x:row>");
  g_string_append (csv, "Response\n");
  for (guint i = 0; i < 12; i++)
    {
      guint row = i + 3;

      g_string_append_printf (sheet, "<x:row r=\"%u\"><x:c r=\"A%u\"><x:v>%u</x:v></x:c>", row,
                              row, 1000 + i);
      g_string_append_printf (csv, "%u,", 1000 + i);
      for (guint k = 0; k < 3; k++)
        {
          if ((i + k) % 3 != 0)
            {
              g_string_append_printf (sheet, "<x:c r=\"%c%u\" t=\"inlineStr\"><x:is><x:t>%s"
                                             "</x:t></x:is></x:c>", 'B' + k, row, services[k]);
              g_string_append (csv, services[k]);
            }
          g_string_append_c (csv, ',');
        }
      g_string_append_printf (sheet, "<x:c r=\"E%u\" t=\"inlineStr\"><x:is><x:t>%s</x:t>"
                                     "</x:is></x:c></x:row>", row, ages[i % 3]);
      g_string_append_printf (csv, "%s\n", ages[i % 3]);
    }
  g_string_append (sheet, "</x:sheetData><x:mergeCells count=\"2\">"
                          "<x:mergeCell ref=\"B1:D1\"/><x:mergeCell ref=\"A1:A2\"/>"
                          "</x:mergeCells></x:worksheet>");
  xlsx = write_workbook ("surveymonkey.xlsx", sheet->str, strings);
  csv_path = fe_test_write_file ("surveymonkey.csv", csv->str, -1);

  /* The merged question names each column it spans; the vertical merge is not copied down. */
  table = load_table (xlsx, NULL, NULL);
  for (guint c = 1; c <= 3; c++)
    g_assert_cmpstr (fe_csv_table_get_header (table, c), ==, "Which services did you use?");
  g_assert_cmpstr (fe_csv_table_get_cell (table, 0, 0), ==, "");

  from_xlsx = load_study (xlsx, NULL);
  from_csv = load_study (csv_path, NULL);
  g_assert_cmpstr (fe_study_get_format_name (from_xlsx), ==, "SurveyMonkey");
  assert_same_study (from_xlsx, from_csv);
  g_assert_cmpuint (fe_study_get_n_respondents (from_xlsx), ==, 12);
}

/* A Qualtrics download as Apache POI writes it: every cell an inline string or a number, the
 * shared strings empty, <dimension ref="A1"/>, three header rows (ids, question texts, import
 * ids); identifying columns (IP address, location, e-mail) hidden as from its CSV twin. */
static void
test_qualtrics (void)
{
  static const char * const header[] = {
    "StartDate", "EndDate", "Status", "IPAddress", "Progress", "Finished", "ResponseId",
    "RecipientEmail", "LocationLatitude", "Q1", "Q2_1", "Q2_2", "Q3", NULL,
  };
  static const char * const texts[] = {
    "Start Date", "End Date", "Response Type", "IP Address", "Progress", "Finished",
    "Response ID", "Recipient Email", "Location Latitude", "Which force do you work for?",
    "How confident are you? - Spotting exploitation", "How confident are you? - Referring",
    "What would help?", NULL,
  };
  static const char * const levels[] = { "Not at all confident", "Slightly confident",
                                         "Moderately confident", "Very confident" };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) sheet = g_string_new (NULL);
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autofree char *xlsx = NULL;
  g_autofree char *csv_path = NULL;
  g_autoptr(FeStudy) from_xlsx = NULL;
  g_autoptr(FeStudy) from_csv = NULL;
  GPtrArray *hidden;

  g_ptr_array_add (rows, g_strdupv ((char **) header));
  g_ptr_array_add (rows, g_strdupv ((char **) texts));
  {
    GStrvBuilder *ids = g_strv_builder_new ();

    for (guint c = 0; header[c] != NULL; c++)
      {
        g_autofree char *id = g_strdup_printf ("{\"ImportId\":\"%s\"}", header[c]);

        g_strv_builder_add (ids, id);
      }
    g_ptr_array_add (rows, g_strv_builder_end (ids));
    g_strv_builder_unref (ids);
  }
  for (guint i = 0; i < 24; i++)
    {
      GStrvBuilder *row = g_strv_builder_new ();
      g_autofree char *start = g_strdup_printf ("2024-05-%02u 10:%02u:00", 1 + i % 28, i);
      g_autofree char *ip = g_strdup_printf ("192.168.1.%u", 10 + i);
      g_autofree char *id = g_strdup_printf ("R_%08u", 1000 + i * 37);
      g_autofree char *email = g_strdup_printf ("officer%u@example.police.uk", i);
      g_autofree char *latitude = g_strdup_printf ("51.%04u", 4000 + i * 13);
      gboolean finished = i % 8 != 7;

      g_strv_builder_add_many (row, start, start, "IP Address", ip, finished ? "100" : "40",
                               finished ? "True" : "False", id, email, latitude,
                               forces[i % 3], levels[i % 4], levels[(i / 2) % 4],
                               i % 3 == 0 ? "More training, \"real\" cases" : "", NULL);
      g_ptr_array_add (rows, g_strv_builder_end (row));
      g_strv_builder_unref (row);
    }

  g_string_append (sheet, "<?xml version=\"1.0\"?><worksheet xmlns=\"" MAIN_NS "\">"
                          "<dimension ref=\"A1\"/><sheetData>");
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      g_string_append_printf (sheet, "<row r=\"%u\">", r + 1);
      for (guint c = 0; cells[c] != NULL; c++)
        {
          g_autofree char *escaped = g_markup_escape_text (cells[c], -1);
          gint64 number;

          if (c > 0)
            g_string_append_c (csv, ',');
          csv_field (csv, cells[c]);
          if (*cells[c] == '\0')
            continue;
          if (fe_csv_parse_integer (cells[c], &number))
            g_string_append_printf (sheet, "<c r=\"%c%u\" t=\"n\"><v>%s</v></c>", 'A' + c, r + 1,
                                    cells[c]);
          else
            g_string_append_printf (sheet, "<c r=\"%c%u\" t=\"inlineStr\"><is><t>%s</t></is></c>",
                                    'A' + c, r + 1, escaped);
        }
      g_string_append (sheet, "</row>");
      g_string_append_c (csv, '\n');
    }
  g_string_append (sheet, "</sheetData></worksheet>");
  xlsx = write_workbook ("qualtrics.xlsx", sheet->str, "<sst xmlns=\"" MAIN_NS "\" count=\"0\"/>");
  csv_path = fe_test_write_file ("qualtrics.csv", csv->str, -1);

  from_xlsx = load_study (xlsx, NULL);
  from_csv = load_study (csv_path, NULL);
  g_assert_cmpstr (fe_study_get_format_name (from_xlsx), ==, "Qualtrics");
  assert_same_study (from_xlsx, from_csv);
  /* Three unfinished responses are left out; the grid's items are one group. */
  g_assert_cmpuint (fe_study_get_n_rows (from_xlsx), ==, 24);
  g_assert_cmpuint (fe_study_get_n_respondents (from_xlsx), ==, 21);
  g_assert_cmpstr (fe_study_find_column (from_xlsx, "Q2_1")->group, ==, "Q2");
  g_assert_cmpstr (fe_study_find_column (from_xlsx, "Q1")->label, ==,
                   "Which force do you work for?");
  hidden = fe_study_get_hidden_columns (from_xlsx);
  g_assert_cmpuint (hidden->len, ==, 3);
  for (guint i = 0; i < hidden->len; i++)
    {
      const char *id = ((FeColumn *) g_ptr_array_index (hidden, i))->id;

      g_assert_true (strcmp (id, "IPAddress") == 0 || strcmp (id, "RecipientEmail") == 0
                     || strcmp (id, "LocationLatitude") == 0);
    }
}

/* Numbers as Excel shows them, and serial numbers by their cell's number format. */
static void
test_number_formats (void)
{
  static const struct
  {
    const char *value;
    guint       style;
    const char *text;
  } cells[] = {
    { "45352", 2, "2024-03-01" },
    { "45352.75", 1, "2024-03-01 18:00" },
    { "60", 2, "1900-02-29" },
    { "59", 2, "1900-02-28" },
    { "61", 2, "1900-03-01" },
    { "1.5", 3, "36:00:00" },
    { "0.75", 4, "18:00" },
    { "0.2500115740740741", 4, "06:00:01" },
    { "3", 5, "3" },
    { "0.30000000000000004", 0, "0.3" },
    { "1E+20", 0, "1e+20" },
    { "123456789012", 0, "123456789012" },
    { "-3.0", 0, "-3" },
    { "-1", 2, "-1" },
    { "0.25", 6, "25%" },
    { "0.125", 7, "12.5%" },
    { "1", 7, "100.0%" },
    /* Half away from zero, of the number as Excel keeps it, as Excel shows it. */
    { "0.125", 6, "13%" },
    { "0.145", 6, "15%" },
    { "0.0125", 7, "1.3%" },
    { "-0.125", 6, "-13%" },
    { "-0.0001", 7, "0.0%" },
    { "-0.001", 6, "0%" },
    { "not a number", 0, "not a number" },
  };
  g_autoptr(GString) sheet = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr(FeCsvTable) table = NULL;

  g_string_append (sheet, "<?xml version=\"1.0\"?><worksheet xmlns=\"" MAIN_NS "\"><sheetData>"
                          "<row><c t=\"inlineStr\"><is><t>value</t></is></c>"
                          "<c t=\"inlineStr\"><is><t>note</t></is></c></row>");
  /* Neither rows nor cells say where they are: each follows the one before. */
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    g_string_append_printf (sheet, "<row><c s=\"%u\"><v>%s</v></c><c t=\"str\"><v>_x005F_x0041_ "
                                   "is _x0041_</v></c></row>", cells[i].style, cells[i].value);
  g_string_append (sheet, "</sheetData></worksheet>");
  path = write_workbook ("formats.xlsx", sheet->str, "<sst xmlns=\"" MAIN_NS "\"/>");
  table = load_table (path, NULL, NULL);
  g_assert_cmpuint (fe_csv_table_get_n_rows (table), ==, G_N_ELEMENTS (cells));
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_assert_cmpstr (fe_csv_table_get_cell (table, i, 0), ==, cells[i].text);
      g_assert_cmpstr (fe_csv_table_get_cell (table, i, 1), ==, "_x0041_ is A");
      g_assert_cmpuint (fe_csv_table_get_line (table, i), ==, i + 2);
    }
}

/* A workbook's numbers are its own: a cell shown as a percentage ("97%") among scores is no
 * score of 97, and a string typed "1,5" no number either; the scores are numbers. */
static void
test_shown_percent_is_no_number (void)
{
  g_autoptr(GString) sheet = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr(FeStudy) study = NULL;
  FeColumn *score;

  g_string_append (sheet, "<?xml version=\"1.0\"?><worksheet xmlns=\"" MAIN_NS "\"><sheetData>"
                          "<row><c t=\"inlineStr\"><is><t>id</t></is></c>"
                          "<c t=\"inlineStr\"><is><t>score</t></is></c></row>");
  for (guint i = 0; i < 40; i++)
    {
      if (i == 7)
        g_string_append_printf (sheet, "<row><c><v>%u</v></c><c s=\"6\"><v>0.97</v></c></row>",
                                i + 1);
      else if (i == 9)
        g_string_append_printf (sheet, "<row><c><v>%u</v></c><c t=\"inlineStr\"><is><t>1,5</t>"
                                       "</is></c></row>", i + 1);
      else
        g_string_append_printf (sheet, "<row><c><v>%u</v></c><c><v>%u</v></c></row>", i + 1,
                                10 + (i * 7) % 20);
    }
  g_string_append (sheet, "</sheetData></worksheet>");
  path = write_workbook ("shown-percent.xlsx", sheet->str, "<sst xmlns=\"" MAIN_NS "\"/>");
  study = load_study (path, NULL);
  score = fe_study_find_column (study, "score");
  g_assert_cmpint (score->role, ==, FE_ROLE_NUMERIC);
  g_assert_true (isnan (score->numbers[7]));
  g_assert_true (isnan (score->numbers[9]));
  g_assert_cmpint (fe_column_find_level (score, "97%"), >=, 0);
  g_assert_cmpint (fe_column_find_level (score, "1,5"), >=, 0);

  /* No way of writing numbers chosen for a CSV file changes a workbook's own. */
  {
    g_autoptr(GPtrArray) corrections = fe_column_corrections_new ();
    FeLoadOptions options = { .corrections = corrections };
    g_autoptr(GError) error = NULL;
    g_autoptr(FeStudy) corrected = NULL;

    fe_column_correction_set_notation (fe_column_corrections_ensure (corrections, "score"),
                                       FE_NOTATION_DECIMAL_COMMA);
    corrected = fe_study_load_full (path, NULL, NULL, &options, &error);
    g_assert_no_error (error);
    g_assert_true (fe_study_numbers_are_plain (corrected));
    g_assert_cmpfloat (fe_study_find_column (corrected, "score")->numbers[0], ==, 10);
  }
}

/* Entities that expand a thousandfold at each level: libxml2 refuses them, and the reader
 * says the part is damaged. */
static void
test_entity_expansion (void)
{
  const char *sheet =
    "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">"
    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
    "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
    "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
    "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">]>"
    "<worksheet xmlns=\"" MAIN_NS "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
    "<is><t>id</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
    "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>&f;</t></is>"
    "</c></row></sheetData></worksheet>";
  g_autofree char *path = write_workbook ("entities.xlsx", sheet, "<sst xmlns=\"" MAIN_NS "\"/>");
  g_autoptr(GError) error = NULL;
  g_autoptr(FeCsvTable) table = fe_xlsx_load_table (path, NULL, NULL, NULL, &error);

  /* Either refused, or read without the entity's text: never 300 MB of "a". */
  if (table == NULL)
    g_assert_error (error, FE_XLSX_ERROR, FE_XLSX_ERROR_CORRUPT);
  else
    g_assert_cmpuint (strlen (fe_csv_table_get_cell (table, 0, 1)), <, 1000);
}

/* ---- What is not a workbook, or too much of one ------------------------------------------ */

static void
assert_load_error (const char *path,
                   int         code,
                   const char *phrase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = fe_study_load (path, NULL, NULL, &error);
  g_autofree char *name = g_path_get_basename (path);

  g_assert_null (study);
  g_assert_error (error, FE_XLSX_ERROR, code);
  if (!g_str_has_prefix (error->message, name) || strstr (error->message, phrase) == NULL)
    g_error ("expected an error naming %s and saying “%s”, got “%s”", name, phrase,
             error->message);
}

static void
test_errors (void)
{
  static const char ole[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";
  g_autoptr(GString) encrypted = g_string_new_len (ole, 8);
  g_autoptr(GString) old = g_string_new_len (ole, 8);
  g_autofree char *xls = NULL;
  g_autofree char *protected = NULL;
  g_autofree char *twin = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *truncated = NULL;
  g_autofree char *odt = NULL;
  g_autofree char *bad_xml = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  const Part not_workbook[] = {
    { "mimetype", "application/vnd.oasis.opendocument.spreadsheet" },
    { "content.xml", "<?xml version=\"1.0\"?><office:document-content/>" },
  };

  g_string_append_len (old, "\0\0\0\0Workbook", 12);
  xls = fe_test_write_file ("survey.xls", old->str, (gssize) old->len);
  assert_load_error (xls, FE_XLSX_ERROR_OLD_FORMAT, "save it as an Excel Workbook (.xlsx)");

  /* An encrypted workbook is an OLE file with an EncryptedPackage stream. */
  g_string_append_len (encrypted, "\0\0\0\0", 4);
  for (const char *p = "EncryptedPackage"; *p != '\0'; p++)
    g_string_append_len (encrypted, (const char[]) { *p, 0 }, 2);
  protected = fe_test_write_file ("protected.xlsx", encrypted->str, (gssize) encrypted->len);
  assert_load_error (protected, FE_XLSX_ERROR_ENCRYPTED, "remove the password");

  write_twins (&twin, &csv);
  g_assert_true (g_file_get_contents (twin, &contents, &length, NULL));
  truncated = fe_test_write_file ("truncated.xlsx", contents, (gssize) length / 2);
  assert_load_error (truncated, FE_XLSX_ERROR_CORRUPT, "zip container is damaged");

  odt = write_zip ("sheet.ods", not_workbook, G_N_ELEMENTS (not_workbook));
  assert_load_error (odt, FE_XLSX_ERROR_NOT_WORKBOOK, "not an Excel workbook");

  bad_xml = write_workbook ("bad.xlsx", "<worksheet><sheetData><row></sheetData>",
                            "<sst xmlns=\"" MAIN_NS "\"/>");
  assert_load_error (bad_xml, FE_XLSX_ERROR_CORRUPT, "xl/worksheets/b.xml is not well-formed");

  /* More than the limit unpacked: refused, whatever the zip says of its sizes. */
  fe_xlsx_set_max_bytes (4096);
  assert_load_error (twin, FE_XLSX_ERROR_TOO_LARGE, "expands to more than 4.0");
  fe_xlsx_set_max_bytes (0);
}

/* A project opened on a workbook's second sheet opens that sheet again. */
static void
test_project_sheet (void)
{
  g_autofree char *xlsx = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *project_path = NULL;
  g_autoptr(FeStudy) study = NULL;
  g_autoptr(FeStudy) again = NULL;
  g_autoptr(FeProject) project = NULL;
  g_autoptr(FeProject) loaded = NULL;
  g_autoptr(GError) error = NULL;

  write_twins (&xlsx, &csv);
  study = load_study (xlsx, "Lookup");
  project = fe_project_new_for_data (xlsx, NULL, NULL, study);
  dir = g_path_get_dirname (xlsx);
  project_path = g_build_filename (dir, "lookup.findings", NULL);
  g_assert_true (fe_project_save (project, project_path, &error));
  g_assert_no_error (error);

  loaded = fe_project_load (project_path, &error);
  g_assert_no_error (error);
  again = fe_project_load_study (loaded, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fe_study_get_sheet (again), ==, "Lookup");
  g_assert_cmpuint (fe_study_get_n_rows (again), ==, 2);

  /* A copy of the project (a briefing pack's, written in the background) reads the same
   * sheet, not the workbook's first. */
  {
    g_autoptr(FeProject) copy = fe_project_copy (loaded);
    g_autoptr(FeStudy) copied = fe_project_load_study (copy, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (fe_study_get_sheet (copied), ==, "Lookup");
  }
}

/* A workbook's numbers have a dot before decimals only: 1.125 hours beside 40 are never
 * 1,125 hours, however a CSV file with such dots would be read. */
static void
test_decimals_are_never_thousands (void)
{
  g_autoptr(GString) sheet = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr(FeStudy) study = NULL;
  FeColumn *hours;

  g_string_append (sheet, "<?xml version=\"1.0\"?><worksheet xmlns=\"" MAIN_NS "\"><sheetData>"
                          "<row><c t=\"inlineStr\"><is><t>hours</t></is></c></row>");
  for (guint i = 0; i < 30; i++)
    g_string_append_printf (sheet, "<row><c><v>%s</v></c></row>",
                            i % 2 ? (i < 15 ? "1.125" : "2.375") : "");
  for (guint i = 0; i < 30; i++)
    g_string_append_printf (sheet, "<row><c><v>%u</v></c></row>", 40 + i);
  g_string_append (sheet, "</sheetData></worksheet>");
  path = write_workbook ("hours.xlsx", sheet->str, "<sst xmlns=\"" MAIN_NS "\"/>");
  study = load_study (path, NULL);
  hours = fe_study_find_column (study, "hours");
  g_assert_nonnull (hours);
  g_assert_cmpint (hours->role, ==, FE_ROLE_NUMERIC);
  g_assert_cmpfloat (hours->numbers[1], ==, 1.125);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xlsx/study/shown-percent", test_shown_percent_is_no_number);
  g_test_add_func ("/xlsx/fixtures/msforms", test_msforms);
  g_test_add_func ("/xlsx/fixtures/msforms-quiz", test_msforms_quiz);
  g_test_add_func ("/xlsx/fixtures/google-sheets", test_google_sheets);
  g_test_add_func ("/xlsx/fixtures/google-forms-via-excel", test_google_forms_via_excel);
  g_test_add_func ("/xlsx/fixtures/types-1904", test_types_1904);
  g_test_add_func ("/xlsx/fixtures/merged", test_merged);
  g_test_add_func ("/xlsx/fixtures/richtext", test_richtext);
  g_test_add_func ("/xlsx/fixtures/x000d", test_x000d);
  g_test_add_func ("/xlsx/fixtures/nonstandard-prefix", test_nonstandard_prefix);
  g_test_add_func ("/xlsx/twin", test_twin);
  g_test_add_func ("/xlsx/merged-header", test_merged_header);
  g_test_add_func ("/xlsx/qualtrics", test_qualtrics);
  g_test_add_func ("/xlsx/number-formats", test_number_formats);
  g_test_add_func ("/xlsx/entity-expansion", test_entity_expansion);
  g_test_add_func ("/xlsx/errors", test_errors);
  g_test_add_func ("/xlsx/project-sheet", test_project_sheet);
  g_test_add_func ("/xlsx/decimals-are-never-thousands", test_decimals_are_never_thousands);
  return g_test_run ();
}
