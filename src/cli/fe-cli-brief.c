/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `findings-explorer brief`: a project's saved views as an A4 briefing pack (PDF), the same
 * pack as the app's Export Briefing Pack. Headless: Cairo and Pango, never a display. */
#include "config.h"

#include "fe-i18n.h"

#include "fe-brief.h"
#include "fe-cli-private.h"

int
fe_cli_brief (int    argc,
              char **argv)
{
  FeCliStudyOptions options = FE_CLI_STUDY_OPTIONS_INIT;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FeStudy) study = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  gboolean fold_small = FALSE;
  gboolean no_fold = FALSE;
  gboolean force = FALSE;
  const char *study_path = NULL;
  int exit_code = FE_CLI_EXIT_OK;
  FeBriefOptions brief = { 0 };

  {
    const GOptionEntry entries[] = {
      /* Folding is the default now; the option stays so that scripts that ask for it run. */
      { "fold-small", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &fold_small, NULL, NULL },
      { "no-fold", 0, 0, G_OPTION_ARG_NONE, &no_fold,
        N_("Draw every group of a split chart on its own, however small (by default groups of "
           "fewer than K respondents are merged into “Other”)"), NULL },
      { "include-incomplete", 0, 0, G_OPTION_ARG_NONE, &options.include_incomplete,
        N_("Count responses that answered nothing beyond consent"), NULL },
      { "sample", 0, 0, G_OPTION_ARG_NONE, &options.sample,
        N_("Use the sample study's project instead of a file"), NULL },
      { "force", 0, 0, G_OPTION_ARG_NONE, &force,
        N_("Write the pack even when the audit finds numbers a reader could work out"), NULL },
      { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
        N_("The PDF file to write"), N_("FILE.pdf") },
      { NULL }
    };

    context = g_option_context_new (_("PROJECT"));
    g_option_context_set_summary (context, _("Write a project's saved views as an A4 briefing "
                                             "pack (PDF): a title page, one page per view with "
                                             "its chart, takeaway and starred quotes, and a "
                                             "note on method."));
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
    fe_cli_add_min_cell_entry (context, &options,
                               N_("Show numbers of fewer than K respondents as “< K” and "
                                  "attribute quotes from groups that small to “a participant” "
                                  "(default: the project's, else 5; 0 shows every number)"));
    fe_cli_add_lang_entry (context, &options,
                           N_("The language of the pack: en or cy (default: the current "
                              "language)"));
  }
  options.sample_is_project = TRUE;

  if (!fe_cli_parse (context, &options, &argc, &argv, &study_path, &exit_code))
    goto out;
  if (!fe_cli_check_min_cell (&options) || !fe_cli_check_lang (&options))
    {
      exit_code = FE_CLI_EXIT_USAGE;
      goto out;
    }
  if (output == NULL)
    {
      fe_cli_usage_error (_("Where to? Give -o FILE.pdf."));
      exit_code = FE_CLI_EXIT_USAGE;
      goto out;
    }
  if (!g_str_has_suffix (output, ".pdf") && !g_str_has_suffix (output, ".PDF"))
    {
      fe_cli_usage_error (_("-o %s: a briefing pack is a PDF; the file name must end in .pdf."),
                          output);
      exit_code = FE_CLI_EXIT_USAGE;
      goto out;
    }
  if (study_path != NULL && !fe_cli_is_project_path (study_path))
    {
      fe_cli_usage_error (_("%s is not a project. A briefing pack is made of a project's saved "
                            "views: give a .findings file, or --sample."),
                          study_path);
      exit_code = FE_CLI_EXIT_USAGE;
      goto out;
    }
  if ((study = fe_cli_load_study (&options, study_path, &exit_code)) == NULL)
    goto out;
  if (!fe_cli_check_output (&options, study_path, "-o", output, &exit_code))
    goto out;

  brief.min_cell = fe_cli_get_min_cell (&options, FE_CLI_DEFAULT_MIN_CELL);
  /* A pack goes to people outside the project: it is audited first (findings-explorer audit). */
  /* Views the query-set rule refuses are left out of the pack (it says why), not audited. */
  if (!fe_cli_print_audit (options.project, study, brief.min_cell, !no_fold, stderr) && !force)
    {
      fe_cli_usage_error (_("The audit above finds numbers a reader could work out; no pack "
                            "written. Change the views, or give --force to write it anyway."));
      exit_code = FE_CLI_EXIT_BAD_DATA;
      goto out;
    }
  brief.catalog = fe_cli_get_catalog ();
  brief.fold_small_groups = !no_fold;
  if (!fe_brief_write (options.project, study, &brief, output, &error))
    {
      fe_cli_print_error (error->message);
      exit_code = g_error_matches (error, FE_BRIEF_ERROR, FE_BRIEF_ERROR_NO_VIEWS)
                  ? FE_CLI_EXIT_USAGE : FE_CLI_EXIT_BAD_DATA;
    }

out:
  fe_cli_study_options_clear (&options);
  return exit_code;
}
