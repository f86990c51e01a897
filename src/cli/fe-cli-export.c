/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `findings-explorer export`: one chart to PNG, SVG or PDF, for briefing packs and scripts.
 * Headless: the chart layer needs Cairo and Pango, never a display. */
#include "config.h"

#include "fe-i18n.h"
#include <math.h>

#include "fe-chart-enums.h"
#include "fe-chart-export.h"
#include "fe-enum.h"
#include "fe-cli-private.h"
#include "fe-tally.h"

typedef struct
{
  char     *question;
  char     *by;
  char     *kind;
  char     *measure;
  char     *sort;
  char     *title;
  char     *layout;
  char     *output;
  int       width;
  int       height;
  double    scale;
  double    text_scale;
  gboolean  dark;
  gboolean  fold_small;
  gboolean  no_fold;
  gboolean  weighted;
  char     *kinds;      /* the --kind choices, for --help */
} ExportOptions;

static void
export_options_clear (ExportOptions *options)
{
  g_clear_pointer (&options->kinds, g_free);
  g_clear_pointer (&options->question, g_free);
  g_clear_pointer (&options->by, g_free);
  g_clear_pointer (&options->kind, g_free);
  g_clear_pointer (&options->measure, g_free);
  g_clear_pointer (&options->sort, g_free);
  g_clear_pointer (&options->title, g_free);
  g_clear_pointer (&options->layout, g_free);
  g_clear_pointer (&options->output, g_free);
}

static void
add_entries (GOptionContext *context,
             ExportOptions  *options)
{
  const GOptionEntry entries[] = {
    { "question", 0, 0, G_OPTION_ARG_STRING, &options->question,
      N_("The question to chart"), N_("ID") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &options->by,
      N_("Split the chart by an attribute or another question"), N_("ID") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &options->kind, options->kinds, N_("KIND") },
    { "measure", 0, 0, G_OPTION_ARG_STRING, &options->measure,
      N_("count, percent (of each group's respondents), percent-answered, or overlap (a "
         "co-occurrence's Jaccard overlap)"), N_("MEASURE") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &options->sort,
      N_("codebook (the default) or value"), N_("ORDER") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &options->title,
      N_("A title instead of the question (which then goes under it)"), N_("TEXT") },
    { "width", 0, 0, G_OPTION_ARG_INT, &options->width,
      N_("Width in pixels (default 800)"), N_("PX") },
    { "height", 0, 0, G_OPTION_ARG_INT, &options->height,
      N_("Height in pixels (default 500)"), N_("PX") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &options->scale,
      N_("Pixels per pixel of a PNG, 2 for a HiDPI screen (default 1)"), N_("N") },
    { "text-scale", 0, 0, G_OPTION_ARG_DOUBLE, &options->text_scale,
      N_("Larger type for presenting, 1.5 for example (default 1)"), N_("N") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &options->dark,
      N_("Light text on a dark background"), NULL },
    /* Folding is the default now; the option stays so that scripts that ask for it run. */
    { "fold-small", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &options->fold_small, NULL,
      NULL },
    { "no-fold", 0, 0, G_OPTION_ARG_NONE, &options->no_fold,
      N_("Draw every group of --by on its own, however small (by default groups of fewer than "
         "--min-cell respondents are merged into “Other”)"), NULL },
    { "weighted", 0, 0, G_OPTION_ARG_NONE, &options->weighted,
      N_("Weight the percentages by the case weight the file declares (the numbers of "
         "respondents stay unweighted)"), NULL },
    { "layout", 0, 0, G_OPTION_ARG_FILENAME, &options->layout,
      N_("Also write every segment and label with its rectangle as JSON"), N_("LAYOUT.json") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options->output,
      N_("The file to write: .png, .svg or .pdf"), N_("FILE") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/* Everything that can be checked before the study is loaded. */
static gboolean
check_options (ExportOptions *options,
               FeChartSpec   *spec,
               FeChartFormat *format)
{
  if (options->question == NULL)
    {
      fe_cli_usage_error (_("Which question? Give --question ID."));
      return FALSE;
    }
  if (options->output == NULL)
    {
      fe_cli_usage_error (_("Where to? Give -o FILE.png, FILE.svg or FILE.pdf."));
      return FALSE;
    }
  if (!fe_chart_format_from_path (options->output, format))
    {
      fe_cli_usage_error (_("-o %s: the file name must end in .png, .svg or .pdf."),
                          options->output);
      return FALSE;
    }
  if (options->kind != NULL && !fe_chart_kind_from_string (options->kind, &spec->kind))
    {
      fe_cli_usage_error_choices ("--kind", options->kind, FE_TYPE_CHART_KIND);
      return FALSE;
    }
  if (options->measure != NULL && !fe_chart_measure_from_string (options->measure,
                                                                 &spec->measure))
    {
      fe_cli_usage_error_choices ("--measure", options->measure, FE_TYPE_CHART_MEASURE);
      return FALSE;
    }
  /* A count is of respondents, never weighted: asked for both, one would go unheeded. */
  if (options->weighted && (spec->measure == FE_CHART_MEASURE_COUNT
                            || spec->measure == FE_CHART_MEASURE_OVERLAP))
    {
      fe_cli_usage_error (_("--weighted weights percentages, and --measure %s draws none: "
                            "choose --measure percent or percent-answered."),
                          fe_chart_measure_to_string (spec->measure));
      return FALSE;
    }
  if (options->sort != NULL && !fe_chart_sort_from_string (options->sort, &spec->sort))
    {
      fe_cli_usage_error_choices ("--sort", options->sort, FE_TYPE_CHART_SORT);
      return FALSE;
    }
  if (options->width < 100 || options->width > 10000 || options->height < 100
      || options->height > 10000)
    {
      fe_cli_usage_error (_("--width and --height go from 100 to 10000 pixels; charts are laid "
                            "out for 480 × 320 and more."));
      return FALSE;
    }
  if (!(options->scale > 0 && options->scale <= 8)
      || options->width * options->scale > 16384 || options->height * options->scale > 16384)
    {
      fe_cli_usage_error (_("--scale goes above 0 up to 8, and a PNG at most 16384 pixels a "
                            "side."));
      return FALSE;
    }
  if (!(options->text_scale >= 0.5 && options->text_scale <= 4))
    {
      fe_cli_usage_error (_("--text-scale goes from 0.5 to 4."));
      return FALSE;
    }
  return TRUE;
}

/* Why @kind cannot draw @tally, as a usage error. */
static void
explain_kind (FeChartKind    kind,
              const FeTally *tally)
{
  const char *name = fe_chart_kind_to_string (kind);

  if (kind == FE_CHART_KIND_GROUPED_BAR || kind == FE_CHART_KIND_HEATMAP)
    fe_cli_usage_error (_("--kind %s compares groups: give --by ID too."), name);
  else if (!fe_chart_question_is_single (tally->question))
    fe_cli_usage_error (_("--kind %s: in %s one respondent can give several answers, so the "
                          "answers of a group do not add up to 100%%. Use bar, grouped-bar or "
                          "heatmap."),
                        name, tally->question->id);
  else
    fe_cli_usage_error (_("--kind %s needs an ordered scale (an ordinal question), and %s is "
                          "not one. Use stacked."),
                        name, tally->question->id);
}

int
fe_cli_export (int    argc,
               char **argv)
{
  FeCliStudyOptions options = FE_CLI_STUDY_OPTIONS_INIT;
  ExportOptions export = { .width = 800, .height = 500, .scale = 1.0, .text_scale = 1.0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FeStudy) study = NULL;
  g_autoptr(FeFilter) filter = NULL;
  g_autoptr(FeQuery) query = NULL;
  const FeTally *tally;
  g_autoptr(GError) error = NULL;
  FeChartSpec spec;
  FeChartFormat format = FE_CHART_FORMAT_PNG;
  FeColumn *question = NULL;
  FeColumn *by = NULL;
  const char *study_path = NULL;
  int exit_code = FE_CLI_EXIT_OK;

  context = g_option_context_new (_("STUDY"));
  fe_chart_spec_init (&spec);
  g_option_context_set_summary (context, _("Draw the chart of one question to a PNG, SVG or PDF "
                                           "file."));
  export.kinds = fe_enum_dup_nicks (FE_TYPE_CHART_KIND);
  add_entries (context, &export);
  fe_cli_add_min_cell_entry (context, &options,
                             N_("Show numbers of fewer than K respondents as “< K”, not to "
                                "scale, and hide what would give them away (default 5, or the "
                                "project's; 0 shows every number)"));
  fe_cli_add_lang_entry (context, &options,
                         N_("The language of the chart's words and of the codebook's labels: "
                            "en or cy (default: the current language)"));
  fe_cli_study_options_add_entries (context, &options);

  if (!fe_cli_parse (context, &options, &argc, &argv, &study_path, &exit_code))
    goto out;
  if (!check_options (&export, &spec, &format) || !fe_cli_check_min_cell (&options)
      || !fe_cli_check_lang (&options))
    {
      exit_code = FE_CLI_EXIT_USAGE;
      goto out;
    }
  if ((study = fe_cli_load_study (&options, study_path, &exit_code)) == NULL)
    goto out;
  if (!fe_cli_check_output (&options, study_path, "-o", export.output, &exit_code)
      || !fe_cli_check_output (&options, study_path, "--layout", export.layout, &exit_code))
    goto out;
  if (export.weighted && !fe_cli_check_weighted (study, study_path, &exit_code))
    goto out;
  if ((question = fe_cli_find_question (study, "--question", export.question, &exit_code))
      == NULL)
    goto out;
  if (fe_column_get_n_levels (question) == 0)
    {
      fe_cli_usage_error (_("--question %s is open text that is not coded: there is nothing to "
                            "count. Chart a closed or coded question."),
                          export.question);
      exit_code = FE_CLI_EXIT_USAGE;
      goto out;
    }
  if (export.by != NULL && (by = fe_cli_find_question (study, "--by", export.by, &exit_code))
      == NULL)
    goto out;
  if (by != NULL && fe_column_get_n_levels (by) == 0)
    {
      fe_cli_usage_error (_("--by %s: open text has no groups to split by; choose an attribute "
                            "or a closed question."),
                          export.by);
      exit_code = FE_CLI_EXIT_USAGE;
      goto out;
    }
  if ((filter = fe_cli_build_filter (study, options.filters, &exit_code)) == NULL)
    goto out;
  /* What leaves the screen is disclosure-controlled unless asked otherwise. */
  spec.min_cell = fe_cli_get_min_cell (&options, FE_CLI_DEFAULT_MIN_CELL);
  /* Drawn in the run's language (--lang, else the session's). */
  spec.catalog = fe_cli_get_catalog ();
  if (!fe_cli_check_query_set (filter, spec.min_cell, &exit_code))
    goto out;

  query = fe_query_new_weighted (study, filter, question, by, export.weighted);
  tally = fe_query_get_tally (query);
  if (!fe_chart_kind_applies (spec.kind, tally))
    {
      explain_kind (spec.kind, tally);
      exit_code = FE_CLI_EXIT_USAGE;
      goto out;
    }

  spec.width = export.width;
  spec.height = export.height;
  spec.text_scale = export.text_scale;
  spec.dark = export.dark;
  spec.title = export.title;
  fe_chart_spec_set_query (&spec, query);
  /* Small groups are folded before their numbers are withheld: "Other (n = 7)" tells more
   * than two rows of "< 5". */
  spec.fold_small_groups = !export.no_fold;
  if (!fe_chart_export (&spec, tally, format, export.scale, export.output, export.layout,
                        &error))
    {
      fe_cli_print_error (error->message);
      exit_code = FE_CLI_EXIT_BAD_DATA;
    }

out:
  export_options_clear (&export);
  fe_cli_study_options_clear (&options);
  return exit_code;
}
