/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli/fe-cli.h"

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc >= 2 && fe_cli_is_verb (argv[1]))
    return fe_cli_run (argc, argv);

  if (argc >= 2 && strcmp (argv[1], "--version") == 0)
    {
      printf ("findings-explorer %s\n", PACKAGE_VERSION);
      return 0;
    }

  fe_cli_print_usage (argc >= 2 && strcmp (argv[1], "--help") == 0 ? stdout : stderr);
  return argc >= 2 && strcmp (argv[1], "--help") == 0 ? 0 : 2;
}
