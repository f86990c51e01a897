/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The loader drives libcsv in blocks, one field at a time, on several threads at guessed cuts;
 * libcsv fed line by line on one thread is the reference. Random text made of the characters
 * that matter (delimiters, quotes, blanks, line ends, a two-byte letter) is read by the
 * reference (cells trimmed and their line ends made \n, blank rows skipped) and by the loader,
 * from memory and from a file, with blocks of a few bytes, two to five parts at every size and
 * columns turned to text after two values; cells, line numbers and errors must agree. */
#include <csv.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fe-csv-cut.h"
#include "fe-csv-table.h"
#include "fe-csv-table-private.h"
#include "fe-study.h"
#include "fe-test-util.h"

/* libcsv's parser state "inside a field" (libcsv.c: FIELD_BEGUN). */
#define LIBCSV_FIELD_BEGUN 2

typedef struct
{
  GPtrArray *rows;     /* GPtrArray of char*, non-blank records, the header first */
  GArray    *lines;    /* guint, the line each starts on */
  GPtrArray *row;
  guint      line;
  guint      row_start_line;
  guint      last_row_end_line;
  gboolean   unterminated;
  guint      unterminated_line;
  guint      unterminated_column;
} Reference;

static guint
count_line_breaks (const char *text,
                   gsize       length)
{
  guint breaks = 0;

  for (gsize i = 0; i < length; i++)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= length || text[i + 1] != '\n')))
      breaks++;
  return breaks;
}

static char *
tidy (const char *text,
      gsize       length)
{
  GString *out = g_string_new (NULL);
  gsize start = 0, end = length;

  while (start < end && (text[start] == ' ' || (text[start] >= '\t' && text[start] <= '\r')))
    start++;
  while (end > start && (text[end - 1] == ' ' || (text[end - 1] >= '\t' && text[end - 1] <= '\r')))
    end--;
  for (gsize i = start; i < end; i++)
    {
      if (text[i] == '\r')
        {
          g_string_append_c (out, '\n');
          if (i + 1 < end && text[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (out, text[i]);
    }
  return g_string_free (out, FALSE);
}

static void
on_field (void   *field,
          size_t  length,
          void   *data)
{
  Reference *ref = data;

  if (ref->row->len == 0)
    ref->row_start_line = ref->line - count_line_breaks (field, length);
  g_ptr_array_add (ref->row, tidy (field ? field : "", length));
}

static void
on_row_end (int   terminator,
            void *data)
{
  Reference *ref = data;
  gboolean blank = TRUE;

  ref->last_row_end_line = ref->line;
  for (guint i = 0; i < ref->row->len; i++)
    blank &= *(const char *) g_ptr_array_index (ref->row, i) == '\0';
  if (!blank)
    {
      g_ptr_array_add (ref->rows, g_steal_pointer (&ref->row));
      g_array_append_val (ref->lines, ref->row_start_line);
      ref->row = g_ptr_array_new_with_free_func (g_free);
    }
  else
    g_ptr_array_set_size (ref->row, 0);
}

static void
reference_parse (Reference  *ref,
                 const char *text,
                 gsize       length)
{
  struct csv_parser parser;
  gsize pos = 0;

  ref->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  ref->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  ref->row = g_ptr_array_new_with_free_func (g_free);
  g_assert_cmpint (csv_init (&parser, 0), ==, 0);
  ref->line = 1;
  while (pos < length)
    {
      gsize end = pos;

      while (end < length && text[end] != '\n' && text[end] != '\r')
        end++;
      if (end < length)
        end += text[end] == '\r' && end + 1 < length && text[end + 1] == '\n' ? 2 : 1;
      g_assert_cmpuint (csv_parse (&parser, text + pos, end - pos, on_field, on_row_end, ref),
                        ==, end - pos);
      pos = end;
      ref->line++;
    }
  ref->line = MAX (ref->line - 1, 1);
  if (parser.pstate == LIBCSV_FIELD_BEGUN && parser.quoted)
    {
      ref->unterminated = TRUE;
      ref->unterminated_line = ref->row->len > 0 ? ref->row_start_line
                                                 : ref->last_row_end_line + 1;
      ref->unterminated_column = ref->row->len + 1;
    }
  else
    csv_fini (&parser, on_field, on_row_end, ref);
  csv_free (&parser);
}

static void
reference_clear (Reference *ref)
{
  g_ptr_array_unref (ref->rows);
  g_array_unref (ref->lines);
  g_ptr_array_unref (ref->row);
}

/* What the loader must give for @text: its error's prefix, or NULL and the rows. */
static char *
expected_error (Reference *ref)
{
  GPtrArray *header = g_ptr_array_index (ref->rows, 0);

  /* A row with too many fields stops loading where it is; an open quote only at the end. */
  for (guint r = 1; r < ref->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (ref->rows, r);

      for (guint c = header->len; c < row->len; c++)
        if (*(const char *) g_ptr_array_index (row, c) != '\0')
          return g_strdup_printf ("line %u, column %u: this row has %u fields",
                                  g_array_index (ref->lines, guint, r), header->len + 1,
                                  row->len);
    }
  if (ref->unterminated)
    return g_strdup_printf ("line %u, column %u: a quoted", ref->unterminated_line,
                            ref->unterminated_column);
  return NULL;
}

static void
check_table (const char *text,
             gsize       length,
             FeCsvTable *table,
             GError     *error,
             Reference  *ref)
{
  g_autofree char *expected = expected_error (ref);
  GPtrArray *header = g_ptr_array_index (ref->rows, 0);

  if (expected != NULL)
    {
      if (error == NULL || strstr (error->message, expected) == NULL)
        g_error ("%s\nexpected an error with “%s”, got %s", g_strescape (text, NULL), expected,
                 error ? error->message : "none");
      return;
    }
  if (error != NULL)
    g_error ("%s\nunexpected error: %s", g_strescape (text, NULL), error->message);

  g_assert_cmpuint (fe_csv_table_get_n_rows (table), ==, ref->rows->len - 1);
  for (guint r = 1; r < ref->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (ref->rows, r);
      g_autoptr(GString) scratch = g_string_new (NULL);

      if (fe_csv_table_get_line (table, r - 1) != g_array_index (ref->lines, guint, r))
        g_error ("%s\nrow %u: line %u, libcsv says %u", g_strescape (text, NULL), r - 1,
                 fe_csv_table_get_line (table, r - 1), g_array_index (ref->lines, guint, r));
      for (guint c = 0; c < fe_csv_table_get_n_columns (table); c++)
        {
          const char *want = c < row->len ? g_ptr_array_index (row, c) : "";
          const char *got = fe_csv_table_get_cell (table, r - 1, c);

          if (strcmp (got, want) != 0
              || strcmp (fe_csv_table_read_cell (table, r - 1, c, scratch), want) != 0
              || fe_csv_table_cell_is_empty (table, r - 1, c) != (*want == '\0'))
            g_error ("%s\nrow %u column %u: “%s”, libcsv says “%s”", g_strescape (text, NULL),
                     r - 1, c, got, want);
        }
    }
  g_assert_cmpuint (fe_csv_table_get_n_columns (table), <=, header->len);
  (void) length;
}

static const char *const pieces[] = {
  "a", "b", "ab", " ", "\t", ",", ",", ",", "\"", "\"", "\"\"", "\r", "\n", "\n", "\r\n", "é",
  ";", "1", "22",
};

static char *
random_body (GRand *rand,
             gsize *length)
{
  GString *text = g_string_new ("h1,h2,h3\n");
  guint n = (guint) g_rand_int_range (rand, 0, 60);

  for (guint i = 0; i < n; i++)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  *length = text->len;
  return g_string_free (text, FALSE);
}

static void
load_and_check (const char *text,
                gsize       length,
                Reference  *ref,
                gboolean    from_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FeCsvTable) table = NULL;
  FeCsvOptions options = { .delimiter = ',' };

  if (from_file)
    {
      g_autofree char *path = fe_test_write_file ("scan.csv", text, (gssize) length);

      table = fe_csv_table_load_full (path, &options, &error);
    }
  else
    table = fe_csv_table_parse_full ("scan.csv", text, length, &options, &error);
  check_table (text, length, table, error, ref);
}

static void
test_random_against_libcsv (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);
  guint iterations = g_test_slow () ? 20000 : 3000;

  for (guint i = 0; i < iterations; i++)
    {
      gsize length;
      g_autofree char *text = random_body (rand, &length);
      Reference ref = { 0 };

      reference_parse (&ref, text, length);
      /* Plain, from memory and from a file. */
      fe_csv_table_set_tuning (0, 0, 0, 0);
      load_and_check (text, length, &ref, FALSE);
      if (i % 4 == 0)
        load_and_check (text, length, &ref, TRUE);
      /* Blocks of 16 bytes, always two to five parts, columns turned to text early. */
      fe_csv_table_set_tuning (16, 1, 2, 2 + i % 4);
      load_and_check (text, length, &ref, i % 2 == 0);
      fe_csv_table_set_tuning (0, 0, 0, 0);
      reference_clear (&ref);
    }
}

/* A survey of a few thousand rows: answers with quotes, line breaks and Welsh letters. */
static char *
random_survey (guint  rows,
               gsize *length)
{
  static const char *const forces[] = { "Gwent", "South Wales", "Dyfed-Powys", "North Wales" };
  static const char *const agree[] = { "Strongly disagree", "Disagree", "Agree",
                                       "Strongly agree" };
  static const char *const themes[] = { "Trust", "Training", "Stigma", "Exploitation" };
  static const char *const phrases[] = { "Mae angen mwy o hyfforddiant", "\"\"joined-up\"\" work",
                                         "line one\nline two", "costs, time; effort" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  GString *text = g_string_new ("id,force,q1,themes,why\r\n");

  for (guint r = 1; r <= rows; r++)
    {
      g_string_append_printf (text, "%u,%s,", r, forces[g_rand_int_range (rand, 0, 4)]);
      if (g_rand_int_range (rand, 0, 5) > 0)
        g_string_append (text, agree[g_rand_int_range (rand, 0, 4)]);
      g_string_append_c (text, ',');
      for (guint t = 0, first = 1; t < G_N_ELEMENTS (themes); t++)
        if (g_rand_int_range (rand, 0, 3) == 0)
          {
            g_string_append_printf (text, "%s%s", first ? "" : ";", themes[t]);
            first = 0;
          }
      g_string_append (text, ",\"");
      g_string_append (text, phrases[g_rand_int_range (rand, 0, 4)]);
      g_string_append_printf (text, " %u\"\r\n", g_rand_int_range (rand, 0, 50));
    }
  *length = text->len;
  return g_string_free (text, FALSE);
}

static void
assert_same_study (FeStudy *a,
                   FeStudy *b)
{
  g_assert_cmpuint (fe_study_get_n_rows (a), ==, fe_study_get_n_rows (b));
  g_assert_cmpuint (fe_study_get_n_columns (a), ==, fe_study_get_n_columns (b));
  for (guint c = 0; c < fe_study_get_n_columns (a); c++)
    {
      FeColumn *ca = fe_study_get_column (a, c), *cb = fe_study_get_column (b, c);

      g_assert_cmpstr (ca->id, ==, cb->id);
      g_assert_cmpint (ca->role, ==, cb->role);
      g_assert_cmpuint (fe_column_get_n_levels (ca), ==, fe_column_get_n_levels (cb));
      for (guint l = 0; l < fe_column_get_n_levels (ca); l++)
        {
          g_assert_cmpstr (fe_column_get_level (ca, l), ==, fe_column_get_level (cb, l));
          g_assert_cmpuint (fe_bitset_count (g_ptr_array_index (ca->level_rows, l)), ==,
                            fe_bitset_count (g_ptr_array_index (cb->level_rows, l)));
        }
      for (guint r = 0; r < fe_study_get_n_rows (a); r++)
        {
          g_autofree char *answer = fe_study_dup_answer (b, cb, r);

          g_assert_cmpstr (fe_study_get_answer (a, ca, r), ==, answer);
        }
    }
}

static void
test_split_survey (void)
{
  gsize length;
  g_autofree char *text = random_survey (3000, &length);
  g_autofree char *path = fe_test_write_file ("survey.csv", text, (gssize) length);
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) plain = NULL;
  g_autoptr(FeStudy) split = NULL;

  fe_csv_table_set_tuning (0, 0, 0, 0);
  plain = fe_study_load (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fe_study_find_column (plain, "q1")->role, ==, FE_ROLE_ORDINAL);
  g_assert_cmpint (fe_study_find_column (plain, "themes")->role, ==, FE_ROLE_MULTI);
  g_assert_cmpint (fe_study_find_column (plain, "id")->role, ==, FE_ROLE_ID);
  g_assert_cmpint (fe_study_find_respondent (plain, "2999"), ==, 2998);

  /* Blocks of 100 bytes and three parts: the same study. */
  fe_csv_table_set_tuning (100, 1, 0, 3);
  split = fe_study_load (path, NULL, NULL, &error);
  fe_csv_table_set_tuning (0, 0, 0, 0);
  g_assert_no_error (error);
  assert_same_study (plain, split);
}

/* Answers whose lines, read outside their quotes, are records as good as the real ones: the
 * guessed cuts fall inside quotes, and the result must not change. */
static void
test_wrong_cuts (void)
{
  GString *text = g_string_new ("id,force,q1,why\n");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) plain = NULL;
  g_autoptr(FeStudy) parts = NULL;

  for (guint r = 1; r <= 400; r++)
    {
      g_string_append_printf (text, "%u,Gwent,Agree,\"It started\n", r);
      for (guint l = 0; l < 40; l++)
        g_string_append_printf (text, "%u,Dyfed-Powys,Disagree,looks like a row\n", 9000 + l);
      g_string_append (text, "and ended here\"\n");
    }
  path = fe_test_write_file ("cuts.csv", text->str, (gssize) text->len);
  g_string_free (text, TRUE);

  fe_csv_table_set_tuning (0, 0, 0, 1);
  plain = fe_study_load (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fe_study_get_n_rows (plain), ==, 400);
  for (guint n = 2; n <= 8; n++)
    {
      fe_csv_table_set_tuning (4096, 1, 0, n);
      parts = fe_study_load (path, NULL, NULL, &error);
      g_assert_no_error (error);
      assert_same_study (plain, parts);
      g_clear_object (&parts);
    }
  fe_csv_table_set_tuning (0, 0, 0, 0);
}

/* A guessed cut is the line end after which the most of the first records have as many fields
 * as the header: the line end inside a quoted answer, after which one record is short and the
 * rest good, must lose to the next one, after which all are. */
static void
test_cut_between_records (void)
{
  GString *text = g_string_new ("id,force,why\n");
  FeCsvSource source;
  gsize target, cut;

  for (guint r = 1; r <= 200; r++)
    g_string_append_printf (text, "%u,Gwent,\"first line\nsecond line, with a comma\"\n", r);
  fe_csv_source_init (&source);
  source.memory = text->str;
  source.length = text->len;
  target = strstr (text->str + text->len / 2, "first line") - text->str;
  cut = fe_csv_find_cut (&source, ',', 3, target);
  g_assert_cmpuint (cut, >, target);
  g_assert_true (g_ascii_isdigit (text->str[cut]));
  g_assert_true (cut == 0 || text->str[cut - 1] == '\n');
  g_assert_true (g_str_has_prefix (text->str + cut - 2, "\"\n"));
  fe_csv_source_clear (&source);
  g_string_free (text, TRUE);
}

typedef struct
{
  guint  calls;
  double last;
} Progress;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpfloat (fraction, >=, progress->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  progress->last = fraction;
  progress->calls++;
}

static void
test_progress_and_cancel (void)
{
  gsize length;
  g_autofree char *text = random_survey (2000, &length);
  g_autofree char *path = fe_test_write_file ("progress.csv", text, (gssize) length);
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress progress = { 0 };
  FeLoadOptions options = { 0 };

  options.progress = on_progress;
  options.progress_data = &progress;
  study = fe_study_load_full (path, NULL, NULL, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress.calls, >=, 1);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_clear_object (&study);

  g_cancellable_cancel (cancellable);
  options.cancellable = cancellable;
  fe_csv_table_set_tuning (256, 1, 0, 0);
  study = fe_study_load_full (path, NULL, NULL, &options, &error);
  fe_csv_table_set_tuning (0, 0, 0, 0);
  g_assert_null (study);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/csv-scan/random-against-libcsv", test_random_against_libcsv);
  g_test_add_func ("/core/csv-scan/split-survey", test_split_survey);
  g_test_add_func ("/core/csv-scan/wrong-cuts", test_wrong_cuts);
  g_test_add_func ("/core/csv-scan/cut-between-records", test_cut_between_records);
  g_test_add_func ("/core/csv-scan/progress-and-cancel", test_progress_and_cancel);
  return g_test_run ();
}
