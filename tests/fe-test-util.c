/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

static char *temp_dir;

/* Tests make folders inside theirs too (a project beside its data). */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
remove_temp_dir (void)
{
  remove_tree (temp_dir);
  g_clear_pointer (&temp_dir, g_free);
}

char *
fe_test_temp_path (const char *name)
{
  g_autoptr(GError) error = NULL;

  if (temp_dir == NULL)
    {
      temp_dir = g_dir_make_tmp ("fe-test-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (remove_temp_dir);
    }
  return g_build_filename (temp_dir, name, NULL);
}

char *
fe_test_write_file (const char *name,
                    const char *contents,
                    gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = fe_test_temp_path (name);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

gboolean
fe_test_wait_until (gboolean (*done) (gpointer),
                    gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

char *
fe_test_find_fixture (const char *folder,
                      const char *file)
{
  const char *root = g_getenv ("FE_FIXTURES_DIR");
  g_autofree char *path = NULL;

  if (root == NULL || *root == '\0')
    return NULL;
  path = g_build_filename (root, folder, file, NULL);
  return g_file_test (path, G_FILE_TEST_IS_REGULAR) ? g_steal_pointer (&path) : NULL;
}

gboolean
fe_test_any_contains (GPtrArray  *strings,
                      const char *part)
{
  for (guint i = 0; i < strings->len; i++)
    if (strstr (g_ptr_array_index (strings, i), part) != NULL)
      return TRUE;
  return FALSE;
}
