/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes fe_test_write_weighted_survey()'s .sav to the path given, for the command-line tests,
 * which have no ReadStat writer of their own. */
#include <glib.h>

#include "fe-test-sav.h"

int
main (int    argc,
      char **argv)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s OUTPUT.sav\n", argv[0]);
      return 2;
    }
  path = fe_test_write_weighted_survey ();
  if (!g_file_get_contents (path, &contents, &length, &error)
      || !g_file_set_contents (argv[1], contents, (gssize) length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
