/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-file.h"

#include <glib/gstdio.h>

/* More links than this in a chain is a loop; the write then fails on the last one. */
#define MAX_LINKS 40

static char *
resolve_links (const char *path)
{
  char *current = g_strdup (path);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *target = g_file_read_link (current, NULL);
      char *next;

      if (target == NULL)
        break;
      if (g_path_is_absolute (target))
        next = g_steal_pointer (&target);
      else
        {
          g_autofree char *dir = g_path_get_dirname (current);

          next = g_build_filename (dir, target, NULL);
        }
      g_free (current);
      current = next;
    }
  return current;
}

gboolean
fe_file_replace_contents (const char  *path,
                          const char  *data,
                          gsize        length,
                          GError     **error)
{
  g_autofree char *target = NULL;
  GStatBuf before;
  gboolean existed;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The rename replaces a symlink itself, so it is made onto the file the link names. */
  target = resolve_links (path);
  existed = g_stat (target, &before) == 0;
  if (!g_file_set_contents_full (target, data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 existed ? (int) (before.st_mode & 07777) : 0666, error))
    return FALSE;
  /* The umask may have taken bits off the new file; it can only take away, never add, so
   * until this the file was at most as open as before. */
  if (existed)
    g_chmod (target, (int) (before.st_mode & 07777));
  return TRUE;
}

gboolean
fe_file_is_same (const char *a,
                 const char *b)
{
  GStatBuf sa, sb;

  if (a == NULL || b == NULL || g_stat (a, &sa) != 0 || g_stat (b, &sb) != 0)
    return FALSE;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
