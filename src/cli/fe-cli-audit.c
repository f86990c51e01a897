/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `findings-explorer audit`: what a reader could work out from a project's saved views. */
#include "config.h"

#include "fe-i18n.h"

#include "fe-cli-private.h"
#include "fe-project-audit.h"

/* The threshold when neither --min-cell nor the project gives one, as for brief. */
#define DEFAULT_MIN_CELL 5

gboolean
fe_cli_print_audit (FeProject *project,
                    FeStudy   *study,
                    guint      k,
                    gboolean   fold_small_groups,
                    FILE      *out)
{
  g_autoptr(GPtrArray) left_out = NULL;
  g_autoptr(GPtrArray) findings = fe_project_audit (project, study, k, fold_small_groups,
                                                    &left_out);

  for (guint i = 0; i < left_out->len; i++)
    fprintf (out, "%s\n", (const char *) g_ptr_array_index (left_out, i));

  for (guint i = 0; i < findings->len; i++)
    fprintf (out, "%s\n", (const char *) g_ptr_array_index (findings, i));
  return findings->len == 0;
}

int
fe_cli_audit (int    argc,
              char **argv)
{
  FeCliStudyOptions options = FE_CLI_STUDY_OPTIONS_INIT;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FeStudy) study = NULL;
  const char *study_path = NULL;
  int exit_code = FE_CLI_EXIT_OK;
  gboolean no_fold = FALSE;
  guint k;
  const GOptionEntry entries[] = {
    { "no-fold", 0, 0, G_OPTION_ARG_NONE, &no_fold,
      N_("Audit split views with every group on its own, as brief --no-fold draws them"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("PROJECT"));
  g_option_context_set_summary (context, _("Check that nothing a project's saved views hold "
                                           "back can be worked out from what they print, "
                                           "nor from comparing two of them."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  fe_cli_add_min_cell_entry (context, &options,
                             N_("The disclosure threshold to check (default: the project's, "
                                "else 5)"));
  fe_cli_study_options_add_entries (context, &options);
  options.sample_is_project = TRUE;

  if (!fe_cli_parse (context, &options, &argc, &argv, &study_path, &exit_code))
    goto out;
  if (!fe_cli_check_min_cell (&options))
    {
      exit_code = FE_CLI_EXIT_USAGE;
      goto out;
    }
  if (study_path != NULL && !fe_cli_is_project_path (study_path))
    {
      fe_cli_usage_error (_("%s is not a project: give a .findings file, or --sample."),
                          study_path);
      exit_code = FE_CLI_EXIT_USAGE;
      goto out;
    }
  if ((study = fe_cli_load_study (&options, study_path, &exit_code)) == NULL)
    goto out;
  k = fe_cli_get_min_cell (&options, DEFAULT_MIN_CELL);
  if (fe_cli_print_audit (options.project, study, k, !no_fold, stdout))
    /* Translators: what `findings-explorer audit` prints when it finds nothing */
    printf (_("Nothing held back can be worked out (threshold %u).\n"), k);
  else
    exit_code = FE_CLI_EXIT_BAD_DATA;

out:
  fe_cli_study_options_clear (&options);
  return exit_code;
}
