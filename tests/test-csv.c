/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "fe-csv-table.h"
#include "fe-test-util.h"

static FeCsvTable *
parse_ok (const char *text,
          gssize      length)
{
  g_autoptr(GError) error = NULL;
  FeCsvTable *table = fe_csv_table_parse ("test.csv", text,
                                          length < 0 ? strlen (text) : (gsize) length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
test_quoted_newline (void)
{
  g_autoptr(FeCsvTable) table = parse_ok ("id,answer,force\n"
                                          "1,\"first line\nsecond line\",Gwent\n"
                                          "2,plain,South Wales\n", -1);

  g_assert_cmpuint (fe_csv_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (fe_csv_table_get_cell (table, 0, 1), ==, "first line\nsecond line");
  /* Line numbers follow the file, not the records: the second record starts on line 4. */
  g_assert_cmpuint (fe_csv_table_get_line (table, 0), ==, 2);
  g_assert_cmpuint (fe_csv_table_get_line (table, 1), ==, 4);
}

static void
test_doubled_quotes (void)
{
  g_autoptr(FeCsvTable) table = parse_ok ("id,answer\n1,\"She said \"\"no\"\", twice\"\n", -1);

  g_assert_cmpstr (fe_csv_table_get_cell (table, 0, 1), ==, "She said \"no\", twice");
}

static void
test_bom_and_crlf (void)
{
  g_autoptr(FeCsvTable) table = parse_ok ("\xef\xbb\xbfid,answer\r\n1,\"a\r\nb\"\r\n2,c\r\n", -1);

  g_assert_cmpstr (fe_csv_table_get_header (table, 0), ==, "id");
  g_assert_cmpstr (fe_csv_table_get_cell (table, 0, 1), ==, "a\nb");
  g_assert_cmpuint (fe_csv_table_get_line (table, 1), ==, 4);
}

static void
test_cr_only (void)
{
  g_autoptr(FeCsvTable) table = parse_ok ("a,b\r1,2\r3,4\r", -1);

  g_assert_cmpuint (fe_csv_table_get_n_rows (table), ==, 2);
  g_assert_cmpuint (fe_csv_table_get_line (table, 1), ==, 3);
  g_assert_cmpstr (fe_csv_table_get_cell (table, 1, 1), ==, "4");
}

static void
test_semicolon_and_tab (void)
{
  g_autoptr(FeCsvTable) semi = parse_ok ("id;answer\n1;\"a;b\"\n", -1);
  g_autoptr(FeCsvTable) tab = parse_ok ("id\tanswer\n1\ta, b\n", -1);

  g_assert_cmpstr (fe_csv_table_get_cell (semi, 0, 1), ==, "a;b");
  g_assert_cmpstr (fe_csv_table_get_cell (tab, 0, 1), ==, "a, b");
}

static void
test_utf16 (void)
{
  /* "id,a\n1,é\n" in UTF-16 LE with its BOM. */
  static const char utf16[] = "\xff\xfe" "i\0d\0,\0a\0\n\0" "1\0,\0\xe9\0\n\0";
  g_autoptr(FeCsvTable) table = parse_ok (utf16, sizeof utf16 - 1);

  g_assert_cmpstr (fe_csv_table_get_cell (table, 0, 1), ==, "é");
}

static void
test_trailing_delimiter (void)
{
  g_autoptr(FeCsvTable) table = parse_ok ("id,answer,\n1,yes,\n2,no,\n", -1);

  g_assert_cmpuint (fe_csv_table_get_n_columns (table), ==, 2);
  g_assert_cmpuint (fe_csv_table_get_n_rows (table), ==, 2);
}

static void
test_blank_lines_skipped (void)
{
  g_autoptr(FeCsvTable) table = parse_ok ("id,answer\n\n1,yes\n\n2,no\n\n", -1);

  g_assert_cmpuint (fe_csv_table_get_n_rows (table), ==, 2);
  g_assert_cmpuint (fe_csv_table_get_line (table, 1), ==, 5);
}

static void
assert_parse_error (const char *text,
                    gssize      length,
                    int         code,
                    guint       line,
                    guint       column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FeCsvTable) table = fe_csv_table_parse ("broken.csv", text,
                                                    length < 0 ? strlen (text) : (gsize) length,
                                                    &error);

  g_assert_null (table);
  g_assert_error (error, FE_CSV_ERROR, code);
  fe_test_assert_error_at (error, "broken.csv", line, column);
}

static void
test_error_ragged_long (void)
{
  assert_parse_error ("id,a,b\n1,x,y\n2,x,y,z\n", -1, FE_CSV_ERROR_RAGGED, 3, 4);
}

/* A row with too few fields loads with its missing answers empty, and a warning names it. */
static void
test_ragged_short_repaired (void)
{
  g_autoptr(FeCsvTable) table = parse_ok ("id,a,b\n1,\"two\nlines\",y\n2,x\n3,z,w\n", -1);
  GPtrArray *warnings = fe_csv_table_get_warnings (table);

  g_assert_cmpuint (fe_csv_table_get_n_rows (table), ==, 3);
  g_assert_cmpstr (fe_csv_table_get_cell (table, 1, 1), ==, "x");
  g_assert_cmpstr (fe_csv_table_get_cell (table, 1, 2), ==, "");
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0), "test.csv, line 4:"));
}

static void
test_error_empty (void)
{
  assert_parse_error ("", 0, FE_CSV_ERROR_EMPTY, 1, 1);
  assert_parse_error ("\n\n", -1, FE_CSV_ERROR_EMPTY, 1, 1);
}

static void
test_error_no_header (void)
{
  assert_parse_error ("1,2,3\n4,5,6\n", -1, FE_CSV_ERROR_NO_HEADER, 1, 1);
}

/* A stray NUL in a text file is dropped, and the line named. */
static void
test_nul_byte_repaired (void)
{
  static const char text[] = "id,a\n1,ab\0c\n";
  g_autoptr(FeCsvTable) table = parse_ok (text, sizeof text - 1);
  GPtrArray *warnings = fe_csv_table_get_warnings (table);

  g_assert_cmpstr (fe_csv_table_get_cell (table, 0, 1), ==, "abc");
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0), "test.csv, line 2:"));
}

/* A file that is all Windows-1252 (what Excel writes on UK Windows) is read as such. */
static void
test_windows_1252 (void)
{
  g_autoptr(FeCsvTable) table = parse_ok ("id,a\n1,ok\n2,caf\xe9 \x93quoted\x94 \x80\n", -1);
  GPtrArray *warnings = fe_csv_table_get_warnings (table);

  g_assert_cmpstr (fe_csv_table_get_cell (table, 1, 1), ==, "café “quoted” €");
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "Windows-1252"));
}

/* Mostly UTF-8 with a few legacy bytes pasted in: UTF-8 stays, the bytes are repaired, and the
 * warning says which lines to check. */
static void
test_stray_bytes_repaired (void)
{
  g_autoptr(FeCsvTable) table = parse_ok ("id,a\n1,Caerdydd – Cymru\n2,na\xefve\n3,ok\n"
                                          "4,\xa3" "5\n", -1);
  GPtrArray *warnings = fe_csv_table_get_warnings (table);

  g_assert_cmpstr (fe_csv_table_get_cell (table, 0, 1), ==, "Caerdydd – Cymru");
  g_assert_cmpstr (fe_csv_table_get_cell (table, 1, 1), ==, "naïve");
  g_assert_cmpstr (fe_csv_table_get_cell (table, 3, 1), ==, "£5");
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0), "test.csv, lines 3 and 5:"));
}

static void
test_error_binary (void)
{
  static const char xlsx[] = "PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0";
  g_autoptr(GString) noise = g_string_new (NULL);

  assert_parse_error (xlsx, sizeof xlsx - 1, FE_CSV_ERROR_BINARY, 1, 1);
  for (guint i = 0; i < 4096; i++)
    g_string_append_c (noise, (char) ((i * 7919) % 256));
  assert_parse_error (noise->str, (gssize) noise->len, FE_CSV_ERROR_BINARY, 1, 1);
}

static void
test_error_bad_utf16 (void)
{
  /* A UTF-16 LE file whose second line holds an unpaired surrogate. */
  static const char text[] = "\xff\xfe" "a\0\n\0" "\x00\xd8" "x\0\n\0";

  assert_parse_error (text, sizeof text - 1, FE_CSV_ERROR_ENCODING, 2, 1);
}

static void
test_error_unterminated_quote (void)
{
  assert_parse_error ("id,a\n1,ok\n2,\"never closed\n3,more\n", -1,
                      FE_CSV_ERROR_UNTERMINATED_QUOTE, 3, 2);
}

static void
test_error_directory (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = fe_test_write_file ("inside.csv", "a\n1\n", -1);
  g_autofree char *dir = g_path_get_dirname (file);
  g_autofree char *name = g_path_get_basename (dir);
  g_autoptr(FeCsvTable) table = fe_csv_table_load (dir, &error);

  g_assert_null (table);
  g_assert_error (error, FE_CSV_ERROR, FE_CSV_ERROR_IO);
  fe_test_assert_error_at (error, name, 1, 1);
}

static void
test_error_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FeCsvTable) table = fe_csv_table_load ("/nonexistent/responses.csv", &error);

  g_assert_null (table);
  g_assert_error (error, FE_CSV_ERROR, FE_CSV_ERROR_IO);
  fe_test_assert_error_at (error, "responses.csv", 1, 1);
}

static void
test_utf16_without_bom (void)
{
  static const char text[] = "i\0d\0,\0a\0\n\0" "1\0,\0\xe9\0\n\0" "2\0,\0x\0\n\0";
  g_autoptr(FeCsvTable) table = parse_ok (text, sizeof text - 1);

  g_assert_cmpuint (fe_csv_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (fe_csv_table_get_cell (table, 0, 1), ==, "é");
}

static void
test_title_lines_skipped (void)
{
  g_autoptr(FeCsvTable) table = parse_ok ("Staff survey 2023,,,\n\n,,,\nid,force,agree,why\n"
                                          "1,Gwent,Agree,x\n", -1);
  GPtrArray *warnings = fe_csv_table_get_warnings (table);

  g_assert_cmpuint (fe_csv_table_get_n_columns (table), ==, 4);
  g_assert_cmpstr (fe_csv_table_get_header (table, 1), ==, "force");
  g_assert_cmpuint (fe_csv_table_get_n_rows (table), ==, 1);
  g_assert_cmpuint (fe_csv_table_get_line (table, 0), ==, 5);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0), "test.csv, line 1:"));

  /* A one-column file has no title to skip. */
  {
    g_autoptr(FeCsvTable) single = parse_ok ("answer\nyes\nno\n", -1);

    g_assert_cmpstr (fe_csv_table_get_header (single, 0), ==, "answer");
    g_assert_cmpuint (fe_csv_table_get_n_rows (single), ==, 2);
  }
}

static void
test_empty_rows_skipped (void)
{
  g_autoptr(FeCsvTable) table = parse_ok ("id,a,b\n,,\n1,x,y\n ,\t, \n2,z,w\n,,,,\n", -1);

  g_assert_cmpuint (fe_csv_table_get_n_rows (table), ==, 2);
  g_assert_cmpuint (fe_csv_table_get_line (table, 1), ==, 5);
  g_assert_cmpuint (fe_csv_table_get_warnings (table)->len, ==, 0);
}

static void
test_trailing_columns (void)
{
  /* Unnamed and empty: left out. Unnamed but answered: kept, and named. */
  g_autoptr(FeCsvTable) empty = parse_ok ("id,a,,\n1,x,,\n2,y\n", -1);
  g_autoptr(FeCsvTable) answered = parse_ok ("id,a,\n1,x,kept\n", -1);

  g_assert_cmpuint (fe_csv_table_get_n_columns (empty), ==, 2);
  g_assert_cmpuint (fe_csv_table_get_warnings (empty)->len, ==, 0);
  g_assert_cmpuint (fe_csv_table_get_n_columns (answered), ==, 3);
  g_assert_cmpstr (fe_csv_table_get_header (answered, 2), ==, "Column 3");
  g_assert_cmpstr (fe_csv_table_get_cell (answered, 0, 2), ==, "kept");
}

static void
test_delimiter_detection (void)
{
  /* Commas inside answers do not outvote the semicolons that split every line. */
  g_autoptr(FeCsvTable) semi = parse_ok ("id;why\n1;yes, often, daily\n2;no, never, ever\n", -1);
  g_autoptr(FeCsvTable) pipe = parse_ok ("id|a|b\n1|x|y\n", -1);
  g_autoptr(FeCsvTable) comma = parse_ok ("column,role,levels\nforce,attribute,A|B|C\n", -1);

  g_assert_cmpint (fe_csv_table_get_delimiter (semi), ==, ';');
  g_assert_cmpstr (fe_csv_table_get_cell (semi, 0, 1), ==, "yes, often, daily");
  g_assert_cmpint (fe_csv_table_get_delimiter (pipe), ==, '|');
  g_assert_cmpint (fe_csv_table_get_delimiter (comma), ==, ',');
  g_assert_cmpstr (fe_csv_table_get_cell (comma, 0, 2), ==, "A|B|C");
}

static void
test_delimiter_override (void)
{
  g_autoptr(GError) error = NULL;
  FeCsvOptions options = { .delimiter = ';' };
  static const char text[] = "id,name;answer\n1,x;y\n";
  g_autoptr(FeCsvTable) table = fe_csv_table_parse_full ("test.csv", text, sizeof text - 1,
                                                         &options, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (fe_csv_table_get_n_columns (table), ==, 2);
  g_assert_cmpstr (fe_csv_table_get_header (table, 0), ==, "id,name");
  g_assert_cmpstr (fe_csv_table_get_cell (table, 0, 1), ==, "y");
}

static void
test_tab_empty_field (void)
{
  g_autoptr(FeCsvTable) table = parse_ok ("a\tb\tc\n1\t\t3\n", -1);

  g_assert_cmpuint (fe_csv_table_get_n_columns (table), ==, 3);
  g_assert_cmpstr (fe_csv_table_get_cell (table, 0, 1), ==, "");
  g_assert_cmpstr (fe_csv_table_get_cell (table, 0, 2), ==, "3");
}

static void
test_mixed_line_ends (void)
{
  /* CRLF records, a bare LF inside a quoted answer, a lone CR ending a record. */
  g_autoptr(FeCsvTable) table = parse_ok ("id,a\r\n1,\"one\ntwo\"\r\n2,x\r3,y\n", -1);

  g_assert_cmpuint (fe_csv_table_get_n_rows (table), ==, 3);
  g_assert_cmpstr (fe_csv_table_get_cell (table, 0, 1), ==, "one\ntwo");
  g_assert_cmpuint (fe_csv_table_get_line (table, 1), ==, 4);
  g_assert_cmpuint (fe_csv_table_get_line (table, 2), ==, 5);
}

static void
test_header_rows (void)
{
  g_autoptr(FeCsvTable) table = parse_ok ("Q1,Q2\nHow old?,Why?\n{x},{y}\n30,because\n", -1);

  fe_csv_table_take_header_rows (table, 2);
  g_assert_cmpuint (fe_csv_table_get_n_rows (table), ==, 1);
  g_assert_cmpuint (fe_csv_table_get_n_header_rows (table), ==, 3);
  g_assert_cmpstr (fe_csv_table_get_header_cell (table, 1, 1), ==, "Why?");
  g_assert_cmpstr (fe_csv_table_get_cell (table, 0, 1), ==, "because");
  g_assert_cmpuint (fe_csv_table_get_line (table, 0), ==, 4);
}

static void
test_built_table (void)
{
  static const char * const header[] = { "id", "answer", NULL };
  static const char * const row[] = { "7", "  padded  " };
  g_autoptr(FeCsvTable) table = fe_csv_table_new ("built", header);

  fe_csv_table_append_row (table, row, 12);
  g_assert_cmpuint (fe_csv_table_get_n_rows (table), ==, 1);
  g_assert_cmpstr (fe_csv_table_get_cell (table, 0, 1), ==, "padded");
  g_assert_cmpuint (fe_csv_table_get_line (table, 0), ==, 12);
}

/* A pipe or a device never ends: refused before reading, not waited on. */
static void
test_error_not_a_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FeCsvTable) table = fe_csv_table_load ("/dev/zero", &error);

  g_assert_null (table);
  g_assert_error (error, FE_CSV_ERROR, FE_CSV_ERROR_IO);
  fe_test_assert_error_at (error, "zero", 1, 1);
}

/* Larger than the 4 GiB the arena addresses: refused from its size, without reading it. */
static void
test_error_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fe_test_write_file ("huge.csv", "id\n", -1);
  g_autoptr(FeCsvTable) table = NULL;

  if (truncate (path, (off_t) 5 << 30) != 0)
    {
      g_test_skip ("this file system cannot hold a sparse 5 GiB file");
      return;
    }
  table = fe_csv_table_load (path, &error);
  g_assert_null (table);
  g_assert_error (error, FE_CSV_ERROR, FE_CSV_ERROR_TOO_LARGE);
  fe_test_assert_error_at (error, "huge.csv", 1, 1);
  g_assert_cmpint (truncate (path, 0), ==, 0);
}

/* A file that grows while it is read (here one the kernel writes as it is read, and whose size
 * says 0) is refused rather than loaded half-way. */
static void
test_error_changed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FeCsvTable) table = NULL;

  if (!g_file_test ("/proc/self/status", G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("no /proc on this system");
      return;
    }
  table = fe_csv_table_load ("/proc/self/status", &error);
  g_assert_null (table);
  g_assert_error (error, FE_CSV_ERROR, FE_CSV_ERROR_CHANGED);
  fe_test_assert_error_at (error, "status", 1, 1);
}

static void
test_error_unreadable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fe_test_write_file ("secret.csv", "id\n1\n", -1);
  g_autoptr(FeCsvTable) table = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root may read any file");
      return;
    }
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  table = fe_csv_table_load (path, &error);
  g_assert_null (table);
  g_assert_error (error, FE_CSV_ERROR, FE_CSV_ERROR_IO);
  fe_test_assert_error_at (error, "secret.csv", 1, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/csv/quoted-newline", test_quoted_newline);
  g_test_add_func ("/core/csv/doubled-quotes", test_doubled_quotes);
  g_test_add_func ("/core/csv/bom-and-crlf", test_bom_and_crlf);
  g_test_add_func ("/core/csv/cr-only", test_cr_only);
  g_test_add_func ("/core/csv/semicolon-and-tab", test_semicolon_and_tab);
  g_test_add_func ("/core/csv/utf16", test_utf16);
  g_test_add_func ("/core/csv/trailing-delimiter", test_trailing_delimiter);
  g_test_add_func ("/core/csv/blank-lines", test_blank_lines_skipped);
  g_test_add_func ("/core/csv/error/ragged-long", test_error_ragged_long);
  g_test_add_func ("/core/csv/ragged-short", test_ragged_short_repaired);
  g_test_add_func ("/core/csv/error/empty", test_error_empty);
  g_test_add_func ("/core/csv/error/no-header", test_error_no_header);
  g_test_add_func ("/core/csv/nul-byte", test_nul_byte_repaired);
  g_test_add_func ("/core/csv/windows-1252", test_windows_1252);
  g_test_add_func ("/core/csv/stray-bytes", test_stray_bytes_repaired);
  g_test_add_func ("/core/csv/utf16-no-bom", test_utf16_without_bom);
  g_test_add_func ("/core/csv/title-lines", test_title_lines_skipped);
  g_test_add_func ("/core/csv/empty-rows", test_empty_rows_skipped);
  g_test_add_func ("/core/csv/trailing-columns", test_trailing_columns);
  g_test_add_func ("/core/csv/delimiter-detection", test_delimiter_detection);
  g_test_add_func ("/core/csv/delimiter-override", test_delimiter_override);
  g_test_add_func ("/core/csv/tab-empty-field", test_tab_empty_field);
  g_test_add_func ("/core/csv/mixed-line-ends", test_mixed_line_ends);
  g_test_add_func ("/core/csv/header-rows", test_header_rows);
  g_test_add_func ("/core/csv/built-table", test_built_table);
  g_test_add_func ("/core/csv/error/binary", test_error_binary);
  g_test_add_func ("/core/csv/error/bad-utf16", test_error_bad_utf16);
  g_test_add_func ("/core/csv/error/not-a-file", test_error_not_a_file);
  g_test_add_func ("/core/csv/error/too-large", test_error_too_large);
  g_test_add_func ("/core/csv/error/unreadable", test_error_unreadable);
  g_test_add_func ("/core/csv/error/changed", test_error_changed);
  g_test_add_func ("/core/csv/error/unterminated-quote", test_error_unterminated_quote);
  g_test_add_func ("/core/csv/error/directory", test_error_directory);
  g_test_add_func ("/core/csv/error/missing-file", test_error_missing_file);

  return g_test_run ();
}
