/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cli/fe-cli.h"
#include "fe-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(FeApplication) application = NULL;
  const char *localedir = g_getenv ("FE_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* FE_LOCALEDIR names the catalogues built in the build tree, for running uninstalled. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The headless verbs never touch GTK, so they run without a display. */
  if (argc >= 2 && (fe_cli_is_verb (argv[1]) || fe_cli_is_mistyped_verb (argv[1])))
    return fe_cli_run (argc, argv);

  g_set_application_name (_("Findings Explorer"));
  application = fe_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
