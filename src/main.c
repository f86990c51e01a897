/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cli/fe-cli.h"
#include "fe-application.h"
#include "fe-catalog.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(FeApplication) application = NULL;

  setlocale (LC_ALL, "");
  /* The process's language, once: the window's. $FE_LOCALEDIR names the catalogues built in
   * the build tree, for running uninstalled; a chart or pack in another language is given
   * that language's FeCatalog instead (fe-catalog.h). */
  bindtextdomain (GETTEXT_PACKAGE, fe_catalog_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The headless verbs never touch GTK, so they run without a display. */
  if (argc >= 2 && (fe_cli_is_verb (argv[1]) || fe_cli_is_mistyped_verb (argv[1])))
    return fe_cli_run (argc, argv);

  g_set_application_name (_("Findings Explorer"));
  application = fe_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
