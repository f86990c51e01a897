/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Real exports that are unusually shaped: huge code lists, odd encodings, special files, files
 * that change after loading. */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "fe-csv-table.h"
#include "fe-project.h"
#include "fe-study.h"
#include "fe-test-util.h"

#define N_CODES 100000

static const char small_responses_csv[] =
  "participant,force,comment\n"
  "1,Gwent,first answer\n"
  "2,Dyfed-Powys,second answer\n"
  "3,Gwent,third answer\n";

/* 100,000 codes, half of them under 50 parents, each raised by one of three respondents: a
 * lookup that walked the codes would take minutes. */
static void
test_hundred_thousand_codes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) coding = g_string_new ("respondent,question,code\n");
  g_autoptr(GString) codebook = g_string_new ("column,role,levels\nparticipant,id,\n"
                                              "comment,text,\nforce,attribute,");
  g_autofree char *responses_path = NULL;
  g_autofree char *coding_path = NULL;
  g_autofree char *codebook_path = NULL;
  g_autoptr(FeStudy) study = NULL;
  FeColumn *comment, *force;
  gint64 start;
  int level, parent;

  for (guint i = 0; i < N_CODES; i++)
    {
      if (i % 2 == 0)
        g_string_append_printf (coding, "%u,comment,Theme %u\n", i % 3 + 1, i);
      else
        g_string_append_printf (coding, "%u,comment,Group %u/Theme %u\n", i % 3 + 1, i / 2 % 50,
                                i);
      g_string_append_printf (codebook, "Level %u|", i);
    }
  g_string_append (codebook, "Gwent|Dyfed-Powys\n");
  responses_path = fe_test_write_file ("responses.csv", small_responses_csv, -1);
  coding_path = fe_test_write_file ("coding.csv", coding->str, (gssize) coding->len);
  codebook_path = fe_test_write_file ("codebook.csv", codebook->str, (gssize) codebook->len);

  start = g_get_monotonic_time ();
  study = fe_study_load (responses_path, codebook_path, coding_path, &error);
  g_test_message ("100,000 codes and 100,000 levels loaded in %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_no_error (error);

  comment = fe_study_find_column (study, "comment");
  /* Every even code at the top, every odd one under its group, and the 50 groups. */
  g_assert_cmpuint (fe_column_get_n_levels (comment), ==, N_CODES + 50);
  level = fe_column_find_level (comment, "Theme 99998");
  g_assert_cmpint (level, >=, 0);
  g_assert_cmpint (fe_column_get_level_parent (comment, (guint) level), ==, -1);
  g_assert_true (fe_bitset_get (g_ptr_array_index (comment->level_rows, (guint) level),
                                99998 % 3));
  parent = fe_column_find_level (comment, "Group 49");
  g_assert_cmpint (parent, >=, 0);
  level = fe_column_find_child_level (comment, parent, "Theme 99999");
  g_assert_cmpint (level, >=, 0);
  g_assert_cmpstr (fe_column_get_level (comment, (guint) level), ==, "Theme 99999");
  g_assert_cmpint (fe_column_find_child_level (comment, parent, "Theme 99997"), ==, -1);

  force = fe_study_find_column (study, "force");
  g_assert_cmpuint (fe_column_get_n_levels (force), ==, N_CODES + 2);
  g_assert_cmpint (fe_column_find_level (force, "Level 54321"), ==, 54321);
  level = fe_column_find_level (force, "Dyfed-Powys");
  g_assert_cmpint (level, ==, N_CODES + 1);
  g_assert_cmpstr (fe_study_get_level_label (study, force, 1), ==, "Dyfed-Powys");
}

static gboolean
has_warning_with (GPtrArray  *warnings,
                  const char *prefix,
                  const char *part)
{
  for (guint i = 0; i < warnings->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (warnings, i), prefix)
        && strstr (g_ptr_array_index (warnings, i), part) != NULL)
      return TRUE;
  return FALSE;
}

/* SurveyMonkey on a Mac: Mac Roman, with no-break spaces (0xca) where spaces were typed, curly
 * quotes 0xd2/0xd3/0xd5 and é as 0x8e. Read as Windows-1252 it became "knowledgeÊof". */
static void
test_mac_roman (void)
{
  static const char mac[] =
    "participant,knowledge,why\n"
    "1,Not much\xca,\xd2I don\xd5t know\xd3 \xd0 my knowledge\xcaof it is slight\n"
    "2,A great deal,The caf\x8e had a leaflet \xc9\n"
    "3,Not much\xca,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = fe_study_load_data ("mac.csv", mac, sizeof mac - 1, NULL, &error);
  FeColumn *knowledge, *why;

  g_assert_no_error (error);
  knowledge = fe_study_find_column (study, "knowledge");
  why = fe_study_find_column (study, "why");
  g_assert_cmpuint (fe_column_get_n_levels (knowledge), ==, 2);
  g_assert_cmpstr (fe_column_get_level (knowledge, 0), ==, "Not much");
  g_assert_cmpstr (fe_column_get_level (knowledge, 1), ==, "A great deal");
  g_assert_cmpstr (fe_study_get_answer (study, why, 0), ==,
                   "“I don’t know” – my knowledge of it is slight");
  g_assert_cmpstr (fe_study_get_answer (study, why, 1), ==, "The café had a leaflet …");
  g_assert_true (has_warning_with (fe_study_get_warnings (study), "mac.csv: ", "Mac Roman"));
}

/* What Excel writes on Windows must not be taken for Mac Roman: its curly quotes and é read as
 * Mac Roman are letters too ("cafÈ"), so only counting implausible characters tells them
 * apart. */
static void
test_windows_1252_not_mac (void)
{
  static const char windows[] =
    "id,a\n1,caf\xe9 \x93quoted\x94 and don\x92t \x96 \x80" "5\n2,na\xefve r\xe9sum\xe9\n";
  static const char latin1[] = "id,a\n1,\xa9 Caf\xe9 Gw\xean\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(FeCsvTable) table = fe_csv_table_parse ("win.csv", windows, sizeof windows - 1,
                                                    &error);
  g_autoptr(FeCsvTable) latin = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (fe_csv_table_get_cell (table, 0, 1), ==, "café “quoted” and don’t – €5");
  g_assert_cmpstr (fe_csv_table_get_cell (table, 1, 1), ==, "naïve résumé");
  g_assert_true (has_warning_with (fe_csv_table_get_warnings (table), "win.csv: ",
                                   "Windows-1252"));

  latin = fe_csv_table_parse ("latin.csv", latin1, sizeof latin1 - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fe_csv_table_get_cell (latin, 0, 1), ==, "© Café Gwên");
  g_assert_true (has_warning_with (fe_csv_table_get_warnings (latin), "latin.csv: ", "Latin-1"));
}

/* A broken UTF-16 file is refused, and (under the sanitizer build) without leaking the whole
 * file it read to convert. */
static void
test_utf16_broken (void)
{
  /* "a,b\n" then a lone high surrogate. */
  static const char broken[] = "\xff\xfe" "a\0,\0b\0\n\0" "\x00\xd8,\0" "2\0\n\0";
  g_autofree char *path = fe_test_write_file ("broken16.csv", broken, sizeof broken - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(FeCsvTable) table = fe_csv_table_load (path, &error);

  g_assert_null (table);
  g_assert_error (error, FE_CSV_ERROR, FE_CSV_ERROR_ENCODING);
  fe_test_assert_error_at (error, "broken16.csv", 2, 1);
}

/* An odd byte at the end of a UTF-16 file is half a character: it is left out, and said. */
static void
test_utf16_odd_byte (void)
{
  static const char odd[] = "\xff\xfe" "a\0,\0b\0\n\0" "1\0,\0" "2\0\n\0" "X";
  g_autofree char *path = fe_test_write_file ("odd16.csv", odd, sizeof odd - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(FeCsvTable) table = fe_csv_table_load (path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (fe_csv_table_get_n_rows (table), ==, 1);
  g_assert_cmpstr (fe_csv_table_get_cell (table, 0, 1), ==, "2");
  g_assert_true (has_warning_with (fe_csv_table_get_warnings (table), "odd16.csv: ",
                                   "half a UTF-16 character"));
}

static void
assert_refused_at_once (const char *name,
                        GError     *error)
{
  g_assert_nonnull (error);
  fe_test_assert_error_at (error, name, 1, 1);
  g_assert_nonnull (strstr (error->message, "pipe, a socket or a device"));
}

/* A pipe, a socket or a device given as any input file is refused at once, naming it: opening
 * a pipe for reading used to wait for ever for a writer. */
static void
test_special_files (void)
{
  g_autofree char *responses = fe_test_write_file ("responses.csv", small_responses_csv, -1);
  g_autofree char *dir = g_path_get_dirname (responses);
  g_autofree char *fifo = g_build_filename (dir, "pipe.csv", NULL);
  g_autofree char *socket_path = g_build_filename (dir, "socket.csv", NULL);
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  int sock;
  g_autoptr(GError) error = NULL;
  struct { const char *path, *name; } special[3];

  /* Should anything wait, the test fails in seconds rather than hanging the suite. */
  alarm (10);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  sock = socket (AF_UNIX, SOCK_STREAM, 0);
  g_assert_cmpint (sock, >=, 0);
  g_assert_cmpuint (strlen (socket_path), <, sizeof address.sun_path);
  strcpy (address.sun_path, socket_path);
  g_assert_cmpint (bind (sock, (struct sockaddr *) &address, sizeof address), ==, 0);
  special[0].path = fifo;
  special[0].name = "pipe.csv";
  special[1].path = socket_path;
  special[1].name = "socket.csv";
  special[2].path = "/dev/zero";
  special[2].name = "zero";

  for (guint i = 0; i < G_N_ELEMENTS (special); i++)
    {
      const char *path = special[i].path, *name = special[i].name;
      g_autoptr(FeCsvTable) table = NULL;
      g_autoptr(FeStudy) study = NULL;
      g_autoptr(FeProject) project = NULL;

      table = fe_csv_table_load (path, &error);
      g_assert_null (table);
      g_assert_error (error, FE_CSV_ERROR, FE_CSV_ERROR_IO);
      assert_refused_at_once (name, error);
      g_clear_error (&error);

      study = fe_study_load (path, NULL, NULL, &error);
      g_assert_null (study);
      assert_refused_at_once (name, error);
      g_clear_error (&error);

      study = fe_study_load (responses, path, NULL, &error);
      g_assert_null (study);
      assert_refused_at_once (name, error);
      g_clear_error (&error);

      study = fe_study_load (responses, NULL, path, &error);
      g_assert_null (study);
      assert_refused_at_once (name, error);
      g_clear_error (&error);

      project = fe_project_load (path, &error);
      g_assert_null (project);
      assert_refused_at_once (name, error);
      g_clear_error (&error);

      g_assert_cmpint (fe_data_file_guess_kind (path), ==, FE_DATA_FILE_RESPONSES);
    }
  alarm (0);
  close (sock);
  g_unlink (fifo);
  g_unlink (socket_path);
}

#if !defined(__SANITIZE_ADDRESS__)
/* The address space in use now, from /proc (0 when it cannot be read). */
static guint64
address_space_in_use (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "VmSize:")) == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen ("VmSize:"), NULL, 10) * 1024;
}
#endif

/* A header of three million columns in a 6 MB file needs more memory than is left: loading
 * fails with an error naming the file, and does not abort. */
static void
test_too_many_columns (void)
{
#if defined(__SANITIZE_ADDRESS__)
  g_test_skip ("AddressSanitizer reserves address space that a limit on it would break");
#else
  if (g_test_subprocess ())
    {
      g_autoptr(GString) csv = g_string_new ("a");
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(FeCsvTable) table = NULL;
      struct rlimit limit;
      guint64 in_use;

      for (guint i = 1; i < 3000000; i++)
        g_string_append (csv, ",a");
      g_string_append (csv, "\n1\n");
      path = fe_test_write_file ("wide.csv", csv->str, (gssize) csv->len);
      in_use = address_space_in_use ();
      g_assert_cmpuint (in_use, >, 0);
      limit.rlim_cur = limit.rlim_max = in_use + 400 * 1024 * 1024;
      g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);

      table = fe_csv_table_load (path, &error);
      g_assert_null (table);
      g_assert_error (error, FE_CSV_ERROR, FE_CSV_ERROR_TOO_LARGE);
      g_assert_true (g_str_has_prefix (error->message, "wide.csv, line 1:"));
      return;
    }
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
#endif
}

/* 100,000 columns of two rows load, each with its answers. */
static void
test_wide_file (void)
{
  g_autoptr(GString) csv = g_string_new ("q0");
  g_autoptr(GError) error = NULL;
  g_autoptr(FeCsvTable) table = NULL;

  for (guint i = 1; i < 100000; i++)
    g_string_append_printf (csv, ",q%u", i);
  g_string_append (csv, "\n0");
  for (guint i = 1; i < 100000; i++)
    g_string_append_printf (csv, ",%u", i % 7);
  g_string_append (csv, "\n1");
  for (guint i = 1; i < 100000; i++)
    g_string_append_printf (csv, ",%u", i % 5);
  g_string_append_c (csv, '\n');
  table = fe_csv_table_parse ("wide.csv", csv->str, csv->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fe_csv_table_get_n_columns (table), ==, 100000);
  g_assert_cmpuint (fe_csv_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (fe_csv_table_get_header (table, 99999), ==, "q99999");
  g_assert_cmpstr (fe_csv_table_get_cell (table, 0, 99999), ==, "4");
  g_assert_cmpstr (fe_csv_table_get_cell (table, 1, 99998), ==, "3");
}

/* The responses file rewritten in place after loading (a sync, Excel saving over it): open
 * answers are read from the file when shown, and must come back as an error, not as empty
 * answers. */
static void
test_file_changed_after_loading (void)
{
  g_autoptr(GString) csv = g_string_new ("participant,comment\n");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = NULL;
  g_autofree char *first = NULL;
  g_autofree char *answer = NULL;
  FeColumn *comment;
  FILE *file;

  /* Thousands of different answers (more than one 64 KiB read): the column keeps where they
   * are in the file. */
  for (guint i = 1; i <= 4000; i++)
    g_string_append_printf (csv, "%u,Answer number %u says something different\n", i, i);
  path = fe_test_write_file ("changing.csv", csv->str, (gssize) csv->len);
  study = fe_study_load (path, NULL, NULL, &error);
  g_assert_no_error (error);
  comment = fe_study_find_column (study, "comment");
  g_assert_true (fe_study_check_unchanged (study, &error));
  g_assert_no_error (error);
  first = fe_study_read_answer (study, comment, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, "Answer number 1 says something different");

  file = fopen (path, "w");
  g_assert_nonnull (file);
  fputs ("participant,comment\n1,Rewritten\n", file);
  fclose (file);

  answer = fe_study_read_answer (study, comment, 3999, &error);
  g_assert_null (answer);
  g_assert_error (error, FE_CSV_ERROR, FE_CSV_ERROR_CHANGED);
  g_assert_true (g_str_has_prefix (error->message, "changing.csv: "));
  g_assert_nonnull (strstr (error->message, "Reload"));
  g_clear_error (&error);
  g_assert_false (fe_study_check_unchanged (study, &error));
  g_assert_error (error, FE_CSV_ERROR, FE_CSV_ERROR_CHANGED);
}

/* SPSS and Stata files are read with ReadStat, never as CSV (a portable file is text, and read
 * as CSV it gave twelve respondents of nonsense): a broken one is named for what it is. */
static void
test_statistics_files_named (void)
{
  static const struct { const char *bytes; gsize length; const char *kind; } files[] = {
    { "$FL2@(#) IBM SPSS STATISTICS 64-bit", 36, "an SPSS file" },
    { "<stata_dta><header><release>118</release>", 41, "a Stata file" },
  };
  g_autoptr(GString) portable = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = fe_test_write_file ("data.bin", files[i].bytes,
                                                  (gssize) files[i].length);
      g_autoptr(GError) error = NULL;
      g_autoptr(FeStudy) study = fe_study_load (path, NULL, NULL, &error);

      g_assert_null (study);
      g_assert_nonnull (strstr (error->message, files[i].kind));
    }

  for (guint i = 0; i < 200; i++)
    g_string_append_c (portable, "ABCDEFGH@"[i % 9]);
  g_string_append (portable, "ASCII SPSS PORT FILE                    \r\n00000-0000-0000\r\n");
  {
    g_autofree char *path = fe_test_write_file ("sample.por", portable->str, -1);
    g_autoptr(GError) error = NULL;
    g_autoptr(FeStudy) study = fe_study_load (path, NULL, NULL, &error);

    g_assert_null (study);
    g_assert_nonnull (strstr (error->message, "an SPSS portable file"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/robust-input/hundred-thousand-codes", test_hundred_thousand_codes);
  g_test_add_func ("/core/robust-input/mac-roman", test_mac_roman);
  g_test_add_func ("/core/robust-input/windows-1252-not-mac", test_windows_1252_not_mac);
  g_test_add_func ("/core/robust-input/utf16/broken", test_utf16_broken);
  g_test_add_func ("/core/robust-input/utf16/odd-byte", test_utf16_odd_byte);
  g_test_add_func ("/core/robust-input/special-files", test_special_files);
  g_test_add_func ("/core/robust-input/statistics-files", test_statistics_files_named);
  g_test_add_func ("/core/robust-input/wide-file", test_wide_file);
  g_test_add_func ("/core/robust-input/too-many-columns", test_too_many_columns);
  g_test_add_func ("/core/robust-input/changed-after-loading", test_file_changed_after_loading);
  return g_test_run ();
}
