/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <string.h>

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

static void
test_error_ragged_short (void)
{
  assert_parse_error ("id,a,b\n1,\"two\nlines\",y\n2,x\n", -1, FE_CSV_ERROR_RAGGED, 4, 3);
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

static void
test_error_nul_byte (void)
{
  static const char text[] = "id,a\n1,ab\0c\n";

  assert_parse_error (text, sizeof text - 1, FE_CSV_ERROR_BINARY, 2, 5);
}

static void
test_error_invalid_utf8 (void)
{
  /* A Windows-1252 "é" (0xe9) in the third line, after "2,caf". */
  assert_parse_error ("id,a\n1,ok\n2,caf\xe9\n", -1, FE_CSV_ERROR_ENCODING, 3, 6);
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
  g_test_add_func ("/core/csv/error/ragged-short", test_error_ragged_short);
  g_test_add_func ("/core/csv/error/empty", test_error_empty);
  g_test_add_func ("/core/csv/error/no-header", test_error_no_header);
  g_test_add_func ("/core/csv/error/nul-byte", test_error_nul_byte);
  g_test_add_func ("/core/csv/error/invalid-utf8", test_error_invalid_utf8);
  g_test_add_func ("/core/csv/error/unterminated-quote", test_error_unterminated_quote);
  g_test_add_func ("/core/csv/error/directory", test_error_directory);
  g_test_add_func ("/core/csv/error/missing-file", test_error_missing_file);

  return g_test_run ();
}
