/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The csv-spectrum acid test: every csvs/X.csv of the shared fixtures loads into exactly the
 * records of json/X.json. Skipped where the fixtures are absent (a user's clone). */
#include <glib.h>
#include <string.h>

#include "fe-csv-table.h"

/* Just enough JSON for the expected files: arrays of objects of strings (or one object). */
typedef struct
{
  const char *p;
  const char *end;
} Json;

static void
skip_space (Json *json)
{
  while (json->p < json->end && g_ascii_isspace (*json->p))
    json->p++;
}

static gboolean
expect (Json *json,
        char  c)
{
  skip_space (json);
  if (json->p < json->end && *json->p == c)
    {
      json->p++;
      return TRUE;
    }
  return FALSE;
}

static char *
parse_string (Json *json)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_true (expect (json, '"'));
  while (json->p < json->end && *json->p != '"')
    {
      char c = *json->p++;

      if (c != '\\')
        {
          g_string_append_c (out, c);
          continue;
        }
      g_assert_true (json->p < json->end);
      c = *json->p++;
      switch (c)
        {
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'u':
          {
            g_autofree char *hex = g_strndup (json->p, 4);

            g_string_append_unichar (out, (gunichar) g_ascii_strtoull (hex, NULL, 16));
            json->p += 4;
          }
          break;
        default: g_string_append_c (out, c); break;
        }
    }
  g_assert_true (expect (json, '"'));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* An object as keys and values in file order: char* pairs. */
static GPtrArray *
parse_object (Json *json)
{
  GPtrArray *pairs = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (expect (json, '{'));
  if (expect (json, '}'))
    return pairs;
  do
    {
      g_ptr_array_add (pairs, parse_string (json));
      g_assert_true (expect (json, ':'));
      g_ptr_array_add (pairs, parse_string (json));
    }
  while (expect (json, ','));
  g_assert_true (expect (json, '}'));
  return pairs;
}

static GPtrArray *
parse_records (const char *text,
               gsize       length)
{
  Json json = { text, text + length };
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  skip_space (&json);
  if (json.p < json.end && *json.p == '{')
    {
      g_ptr_array_add (records, parse_object (&json));
      return records;
    }
  g_assert_true (expect (&json, '['));
  if (expect (&json, ']'))
    return records;
  do
    g_ptr_array_add (records, parse_object (&json));
  while (expect (&json, ','));
  g_assert_true (expect (&json, ']'));
  return records;
}

/* The loader makes line ends inside answers \n and trims spaces around them, as every answer
 * is shown; the expected text is compared the same way. */
static char *
as_loaded (const char *expected)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = expected; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

static void
test_case (gconstpointer data)
{
  const char *name = data;
  const char *root = g_getenv ("FE_FIXTURES_DIR");
  g_autofree char *dir = g_build_filename (root, "max-mapper-csv-spectrum", NULL);
  g_autofree char *csv_name = g_strconcat (name, ".csv", NULL);
  g_autofree char *json_name = g_strconcat (name, ".json", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "csvs", csv_name, NULL);
  g_autofree char *json_path = g_build_filename (dir, "json", json_name, NULL);
  g_autofree char *json_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FeCsvTable) table = NULL;
  g_autoptr(GPtrArray) records = NULL;
  gsize json_length = 0;

  g_file_get_contents (json_path, &json_text, &json_length, &error);
  g_assert_no_error (error);
  records = parse_records (json_text, json_length);
  table = fe_csv_table_load (csv_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fe_csv_table_get_warnings (table)->len, ==, 0);

  g_assert_cmpuint (fe_csv_table_get_n_rows (table), ==, records->len);
  for (guint r = 0; r < records->len; r++)
    {
      GPtrArray *pairs = g_ptr_array_index (records, r);

      g_assert_cmpuint (fe_csv_table_get_n_columns (table), ==, pairs->len / 2);
      for (guint c = 0; c < pairs->len / 2; c++)
        {
          g_autofree char *key = as_loaded (g_ptr_array_index (pairs, 2 * c));
          g_autofree char *value = as_loaded (g_ptr_array_index (pairs, 2 * c + 1));

          g_assert_cmpstr (fe_csv_table_get_header (table, c), ==, key);
          /* Upstream changed this CSV's phone number (to 2095257564) without updating its
           * JSON (still 1234567890): the CSV is what the loader must read. */
          if (g_str_equal (name, "location_coordinates") && c == 0)
            g_assert_cmpstr (fe_csv_table_get_cell (table, r, c), ==, "2095257564");
          else
            g_assert_cmpstr (fe_csv_table_get_cell (table, r, c), ==, value);
        }
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
test_skipped (void)
{
  g_test_skip ("the shared fixtures are not beside this checkout (FE_FIXTURES_DIR)");
}

int
main (int    argc,
      char **argv)
{
  const char *root = g_getenv ("FE_FIXTURES_DIR");
  g_autofree char *csvs = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *file;

  g_test_init (&argc, &argv, NULL);

  csvs = root ? g_build_filename (root, "max-mapper-csv-spectrum", "csvs", NULL) : NULL;
  dir = csvs ? g_dir_open (csvs, 0, NULL) : NULL;
  while (dir != NULL && (file = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (file, ".csv"))
      g_ptr_array_add (names, g_strndup (file, strlen (file) - 4));
  g_ptr_array_sort (names, compare_names);

  if (names->len == 0)
    {
      g_test_add_func ("/core/csv-spectrum/fixtures-absent", test_skipped);
      return g_test_run ();
    }
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/csv-spectrum/%s",
                                               (char *) g_ptr_array_index (names, i));

      g_test_add_data_func (path, g_ptr_array_index (names, i), test_case);
    }
  return g_test_run ();
}
