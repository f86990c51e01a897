/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The csv-spectrum acid test: every csvs/X.csv of the shared fixtures loads into exactly the
 * records of json/X.json. Skipped where the fixtures are absent (a user's clone). */
#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "fe-csv-table.h"

/* The expected records: an array of objects of strings, or one object. */
static JsonArray *
load_records (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonArray *records;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  if (JSON_NODE_HOLDS_ARRAY (root))
    return json_array_ref (json_node_get_array (root));
  records = json_array_new ();
  json_array_add_object_element (records, json_object_ref (json_node_get_object (root)));
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
  g_autoptr(GError) error = NULL;
  g_autoptr(FeCsvTable) table = NULL;
  g_autoptr(JsonArray) records = load_records (json_path);

  table = fe_csv_table_load (csv_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fe_csv_table_get_warnings (table)->len, ==, 0);

  g_assert_cmpuint (fe_csv_table_get_n_rows (table), ==, json_array_get_length (records));
  for (guint r = 0; r < json_array_get_length (records); r++)
    {
      JsonObject *record = json_array_get_object_element (records, r);
      /* In file order, as the columns are. */
      g_autoptr(GList) keys = json_object_get_members (record);
      guint c = 0;

      g_assert_cmpuint (fe_csv_table_get_n_columns (table), ==, g_list_length (keys));
      for (const GList *k = keys; k != NULL; k = k->next, c++)
        {
          g_autofree char *key = as_loaded (k->data);
          g_autofree char *value = as_loaded (json_object_get_string_member (record, k->data));

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
