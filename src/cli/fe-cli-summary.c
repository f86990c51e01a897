/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "fe-i18n.h"

#include "fe-cli-private.h"
/* FeChartData: a folded summary prints exactly what the chart of the same view withholds. */
#include "fe-chart-enums.h"
#include "fe-chart-layout-private.h"
#include "fe-chart-spec.h"
#include "fe-core-enums.h"
#include "fe-disclosure.h"
#include "fe-enum.h"
#include "fe-json.h"
#include "fe-percent.h"
#include "fe-tally.h"
#include "fe-tally-fold.h"

/* What summary may print of a tally: decided for the table alone (no split, or k = 0), or,
 * split, by the chart `export` draws of the same view, so that the two print the same
 * numbers. */
typedef struct
{
  const FeTally      *tally;  /* what is printed: the study's tally, or the chart's folded one */
  const FeDisclosure *table;  /* NULL when @chart decides */
  const FeChartData  *chart;
} Shown;

static FeCellDisclosure
shown_cell (const Shown *shown,
            int          group,
            guint        level)
{
  if (shown->table != NULL)
    return fe_disclosure_get_cell (shown->table, group, level);
  /* An "Other" still under k is not drawn: none of its numbers are printed. */
  if (group >= 0 && group == shown->chart->dropped)
    return FE_CELL_HIDDEN;
  return fe_chart_data_get_cell (shown->chart, group, level);
}

static FeCellDisclosure
shown_base (const Shown *shown,
            int          group)
{
  return shown->table != NULL ? fe_disclosure_get_base (shown->table, group)
                              : fe_chart_data_get_base (shown->chart, group);
}

static FeCellDisclosure
shown_answered (const Shown *shown,
                int          group)
{
  if (shown->table != NULL)
    return fe_disclosure_get_answered (shown->table, group);
  if (group >= 0 && group == shown->chart->dropped)
    return FE_CELL_HIDDEN;
  return fe_chart_data_get_answered (shown->chart, group);
}

/* Whether the whole row's answers are printed beside the groups. A chart split by a column
 * draws them only as the "All respondents" row of a 100% bar that folds nothing: elsewhere
 * they were never audited against its groups, and once folded the whole less the large groups
 * would be "Other"'s withheld answers again. */
static gboolean
shown_whole_levels (const Shown *shown)
{
  return shown->table != NULL || shown->tally->by == NULL || shown->chart->whole_row;
}

static guint
shown_k (const Shown *shown)
{
  return shown->table != NULL ? fe_disclosure_get_k (shown->table) : shown->chart->k;
}

static const char *
shown_group_name (const Shown *shown,
                  guint        group)
{
  return fe_chart_group_name (shown->tally, group);
}

/* A number as it may leave the screen: itself, "< k", or "–" where it is withheld so that a
 * small one cannot be worked out from it. */
static char *
format_number (const Shown      *shown,
               FeCellDisclosure  state,
               guint             n)
{
  if (state == FE_CELL_SHOWN)
    return g_strdup_printf ("%u", n);
  if (state == FE_CELL_SMALL)
    /* Translators: a number of fewer than k respondents, "< 5" */
    return g_strdup_printf (_("< %u"), shown_k (shown));
  /* Translators: in place of a number withheld so that a small number cannot be worked out
   * from it */
  return g_strdup (C_("withheld", "–"));
}

/* The disclosure of the base @of is of: a percentage of a withheld base would give it away. */
static FeCellDisclosure
get_base_state (const Shown *shown,
                int          group,
                FePercentOf  of)
{
  return of == FE_PERCENT_OF_ANSWERED ? shown_answered (shown, group)
                                      : shown_base (shown, group);
}

static gboolean
column_is_listed (const FeColumn *column)
{
  return column->role != FE_ROLE_ID && column->role != FE_ROLE_IGNORE;
}

/* An answered count of the overview, "< k" when it is one of fewer than @k respondents. */
static char *
format_answered (guint n,
                 guint k)
{
  if (n > 0 && n < k)
    /* Translators: a number of fewer than k respondents, "< 5" */
    return g_strdup_printf (_("< %u"), k);
  return g_strdup_printf ("%u", n);
}

static void
print_study_json (FeStudy        *study,
                  const FeBitset *rows,
                  guint           k)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonArray *questions = json_array_new ();
  g_autofree char *text = NULL;

  json_node_take_object (root, object);
  json_object_set_int_member (object, "respondents", fe_bitset_count (rows));
  json_object_set_int_member (object, "excluded", fe_study_get_n_excluded (study));
  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);
      JsonObject *question;
      guint answered;

      if (!column_is_listed (column))
        continue;
      question = json_object_new ();
      answered = fe_bitset_count_and (rows, column->answered);
      json_object_set_string_member (question, "id", column->id);
      json_object_set_string_member (question, "label", column->label);
      json_object_set_string_member (question, "role", fe_column_get_role_name (column));
      fe_json_object_set_count_member (question, "answered", answered,
                                       answered == 0 || answered >= k);
      json_array_add_object_element (questions, question);
    }
  json_object_set_array_member (object, "questions", questions);
  text = fe_json_to_data (root, TRUE);
  fputs (text, stdout);
}

static void
print_study_text (FeStudy        *study,
                  const FeBitset *rows,
                  const char     *filter_text,
                  guint           k)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint id_width = (guint) g_utf8_strlen (_("Question"), -1);
  guint excluded = fe_study_get_n_excluded (study);

  g_string_append_printf (out, "%s %s\n", _("Study:"), fe_study_get_name (study));
  fe_cli_append_respondents (out, fe_bitset_count (rows), excluded);
  g_string_append_c (out, '\n');
  if (*filter_text != '\0')
    g_string_append_printf (out, "%s %s\n", _("Filter:"), filter_text);
  g_string_append_c (out, '\n');

  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);

      if (column_is_listed (column))
        id_width = MAX (id_width, (guint) g_utf8_strlen (column->id, -1));
    }

  fe_cli_append_padded (out, _("Question"), id_width + 2, FALSE);
  fe_cli_append_padded (out, _("Role"), 11, FALSE);
  fe_cli_append_padded (out, _("Answered"), 9, TRUE);
  g_string_append_printf (out, "  %s\n", _("Label"));

  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);
      g_autofree char *answered = NULL;

      if (!column_is_listed (column))
        continue;
      answered = format_answered (fe_bitset_count_and (rows, column->answered), k);
      fe_cli_append_padded (out, column->id, id_width + 2, FALSE);
      fe_cli_append_padded (out, fe_column_get_role_name (column), 11, FALSE);
      fe_cli_append_padded (out, answered, 9, TRUE);
      g_string_append_printf (out, "  %s\n", fe_column_get_display_label (column));
    }
  fe_cli_print (out->str);
}

/* Each level's count with the base of its percentage beside it, so that a script never has
 * to guess which base a percentage is of. */
static JsonArray *
levels_to_json (const Shown *shown,
                int          group,
                FePercentOf  of)
{
  const FeTally *tally = shown->tally;
  const guint *counts = group < 0 ? tally->counts : tally->groups[group].counts;
  guint base = fe_tally_get_base (tally, group, of);
  FeCellDisclosure base_state = get_base_state (shown, group, of);
  JsonArray *levels = json_array_new ();

  for (guint l = 0; l < tally->n_levels; l++)
    {
      FeCellDisclosure state = shown_cell (shown, group, l);
      JsonObject *level = json_object_new ();
      /* Weighted when the tally is: the count and base beside it stay respondents. */
      FeShare share = fe_tally_get_share (tally, group, l, of);

      json_object_set_string_member (level, "label", fe_column_get_level (tally->question, l));
      fe_json_object_set_count_member (level, "count", counts[l], state == FE_CELL_SHOWN);
      fe_json_object_set_count_member (level, "base", base, base_state == FE_CELL_SHOWN);
      /* No share of nobody, nor of a base that weighs nothing: null, as the table's blank. */
      fe_json_object_set_count_member (level, "percent", fe_share_round (&share),
                                       base > 0 && (!share.weighted || share.w_base > 0)
                                       && state == FE_CELL_SHOWN
                                       && base_state == FE_CELL_SHOWN);
      if (state != FE_CELL_SHOWN)
        json_object_set_string_member (level, "withheld",
                                       fe_enum_to_nick (FE_TYPE_CELL_DISCLOSURE, state));
      json_array_add_object_element (levels, level);
    }
  return levels;
}

/* The labels of the groups folded into "Other". */
static JsonArray *
folded_to_json (const FeTally     *tally,
                const FeChartData *chart)
{
  g_autofree gboolean *in_other = g_new0 (gboolean, MAX (tally->n_groups, 1));
  JsonArray *folded = json_array_new ();

  fe_tally_fold_plan (tally, chart->k, in_other);
  for (guint g = 0; g < tally->n_groups; g++)
    if (in_other[g])
      json_array_add_string_element (folded,
                                     fe_column_get_level (tally->by, tally->groups[g].group));
  return folded;
}

/* A numeric question's bins' edges (null: open) and its quartiles from the numbers, null
 * when fewer than @k respondents gave one or a count is withheld, as is how many gave one
 * (fe_numbers_describe()). */
static JsonObject *
numbers_to_json (const FeTally *tally,
                 guint          k)
{
  const FeBins *bins = tally->question->bins;
  JsonObject *numbers = json_object_new ();
  JsonArray *edges = json_array_new ();
  gboolean shown = tally->n_numbers > 0
                   && (k == 0 || (tally->n_numbers >= k && !fe_tally_has_small_count (tally, k)));
  static const char * const names[] = { "lower_quartile", "median", "upper_quartile" };

  for (guint i = 0; i <= bins->n_bins; i++)
    if (isfinite (bins->edges[i]))
      json_array_add_double_element (edges, bins->edges[i]);
    else
      json_array_add_null_element (edges);
  json_object_set_array_member (numbers, "bin_edges", edges);
  json_object_set_boolean_member (numbers, "whole_numbers", bins->integers);
  fe_json_object_set_count_member (numbers, "n", tally->n_numbers,
                                   k == 0
                                   || ((tally->n_numbers == 0 || tally->n_numbers >= k)
                                       && !fe_tally_has_small_count (tally, k)));
  for (guint q = 0; q < 3; q++)
    if (shown)
      json_object_set_double_member (numbers, names[q], tally->quartiles[q]);
    else
      json_object_set_null_member (numbers, names[q]);
  return numbers;
}

static void
print_tally_json (const FeTally  *tally,
                  const Shown    *shown,
                  const char     *filter_text,
                  const char     *weighted_by,
                  FeChartMeasure  measure,
                  FePercentOf     of)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  const FeTally *printed = shown->tally;
  g_autofree char *text = NULL;

  json_node_take_object (root, object);
  json_object_set_string_member (object, "question", tally->question->id);
  json_object_set_string_member (object, "label", tally->question->label);
  json_object_set_string_member (object, "role", fe_column_get_role_name (tally->question));
  json_object_set_string_member (object, "filter", filter_text);
  json_object_set_string_member (object, "measure", fe_chart_measure_to_string (measure));
  /* What every "percent" below is weighted by; null: they are of respondents. */
  json_object_set_string_member (object, "weighted_by", weighted_by);
  /* Split by a question, every base is those who answered both, whatever the measure. */
  json_object_set_string_member (object, "percent_of",
                                 tally->both ? "both" : fe_percent_of_to_string (of));
  json_object_set_int_member (object, "min_cell", shown_k (shown));
  fe_json_object_set_count_member (object, "base", printed->base,
                                   shown_base (shown, -1) == FE_CELL_SHOWN);
  fe_json_object_set_count_member (object, "answered", printed->answered,
                                   shown_answered (shown, -1) == FE_CELL_SHOWN);
  if (tally->question->bins != NULL)
    json_object_set_object_member (object, "numbers", numbers_to_json (tally, shown_k (shown)));
  if (shown_whole_levels (shown))
    json_object_set_array_member (object, "levels", levels_to_json (shown, -1, of));
  else
    json_object_set_null_member (object, "levels");

  if (printed->by != NULL)
    {
      JsonArray *groups = json_array_new ();

      json_object_set_string_member (object, "by", printed->by->id);
      json_object_set_array_member (object, "folded",
                                    shown->chart != NULL && shown->chart->folded != NULL
                                    ? folded_to_json (tally, shown->chart)
                                    : json_array_new ());
      for (guint g = 0; g < printed->n_groups; g++)
        {
          const FeTallyGroup *group = &printed->groups[g];
          JsonObject *item = json_object_new ();

          /* The data's own label, as every other label here; "Other" is the chart's word. */
          json_object_set_string_member (item, "label",
                                         group->group == FE_TALLY_GROUP_OTHER
                                         ? shown_group_name (shown, g)
                                         : fe_column_get_level (printed->by, group->group));
          fe_json_object_set_count_member (item, "base", group->base,
                                           shown_base (shown, (int) g) == FE_CELL_SHOWN);
          fe_json_object_set_count_member (item, "answered", group->answered,
                                           shown_answered (shown, (int) g) == FE_CELL_SHOWN);
          json_object_set_array_member (item, "levels", levels_to_json (shown, (int) g, of));
          json_array_add_object_element (groups, item);
        }
      json_object_set_array_member (object, "groups", groups);
    }
  text = fe_json_to_data (root, TRUE);
  fe_cli_print (text);
}

/* Replaces in @rows (fe_percent_table_new()) what @shown withholds: a count under k by "< k",
 * a number that would give one away by "–", and a percentage of a withheld base. */
static void
withhold_table (GPtrArray   *rows,
                const Shown *shown,
                FePercentOf  of)
{
  const FeTally *tally = shown->tally;
  char **header = g_ptr_array_index (rows, 0);

  for (guint c = 1; header[c] != NULL; c++)
    {
      int group = tally->by != NULL ? (int) c - 1 : -1;
      FeCellDisclosure base_state = get_base_state (shown, group, of);

      if (base_state != FE_CELL_SHOWN)
        {
          g_autofree char *n = format_number (shown, base_state, 0);
          const char *name = tally->by != NULL
                             ? shown_group_name (shown, (guint) group)
                             /* Translators: the column of all respondents in a table */
                             : C_("all respondents", "All");

          g_free (header[c]);
          /* Translators: a group and its number of respondents withheld, "Gwent (n < 5)" */
          header[c] = g_strdup_printf (_("%s (n %s)"), name, n);
        }
      for (guint r = 1; r < rows->len; r++)
        {
          char **row = g_ptr_array_index (rows, r);
          guint level = r - 1;
          FeCellDisclosure state = shown_cell (shown, group, level);
          guint count = group < 0 ? tally->counts[level] : tally->groups[group].counts[level];

          if (state == FE_CELL_SHOWN && base_state == FE_CELL_SHOWN)
            continue;
          g_free (row[c]);
          row[c] = format_number (shown, state, count);
        }
    }
}

static void
print_tally_text (const Shown *shown,
                  const char  *filter_text,
                  const char  *weighted_by,
                  FePercentOf  of)
{
  const FeTally *tally = shown->tally;
  const FeColumn *question = tally->question;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = fe_percent_table_new (tally, of);
  const char * const *header = g_ptr_array_index (rows, 0);
  guint n_columns = g_strv_length ((char **) header);
  g_autofree guint *widths = g_new0 (guint, n_columns);

  withhold_table (rows, shown, of);

  g_string_append_printf (out, "%s (%s): %s\n", question->id, fe_column_get_role_name (question),
                          fe_column_get_display_label (question));
  if (tally->both && tally->by == tally->question && shown_base (shown, -1) == FE_CELL_SHOWN)
    /* Translators: the base of a co-occurrence table, "Base: 84 who answered" */
    g_string_append_printf (out, _("Base: %u who answered"), tally->base);
  else if (tally->both && shown_base (shown, -1) == FE_CELL_SHOWN)
    /* Translators: the base of a table split by another question, "Base: 23 who answered both
     * questions" */
    g_string_append_printf (out, _("Base: %u who answered both questions"), tally->base);
  else if (shown_base (shown, -1) == FE_CELL_SHOWN && shown_answered (shown, -1) == FE_CELL_SHOWN)
    g_string_append_printf (out, _("Base: %u respondents; answered: %u"), tally->base,
                            tally->answered);
  else
    {
      g_autofree char *base = format_number (shown, shown_base (shown, -1), tally->base);
      g_autofree char *answered = format_number (shown, shown_answered (shown, -1),
                                                 tally->answered);

      /* Translators: the base of a table with numbers withheld, "Base: < 5 respondents;
       * answered: < 5" */
      g_string_append_printf (out, _("Base: %s respondents; answered: %s"), base, answered);
    }
  g_string_append_c (out, '\n');
  if (*filter_text != '\0')
    g_string_append_printf (out, "%s %s\n", _("Filter:"), filter_text);
  if (shown->chart != NULL && shown->chart->other_names != NULL)
    /* Translators: under a summary table whose small groups are folded, "Other: Dyfed-Powys
     * Police, North Wales Police (--no-fold shows each)" */
    g_string_append_printf (out, _("Other: %s (--no-fold shows each)\n"),
                            shown->chart->other_names);
  g_string_append_printf (out, "%s\n", fe_percent_of_describe (tally, of));
  if (weighted_by != NULL)
    {
      g_autofree char *weighting = fe_percent_describe_weighting (weighted_by);

      g_string_append_printf (out, "%s\n", weighting);
    }
  if (tally->question->bins != NULL)
    {
      g_autofree char *numbers = fe_numbers_describe (tally->n_numbers, tally->quartiles,
                                                      shown_k (shown),
                                                      fe_tally_has_small_count (tally,
                                                                                shown_k (shown)),
                                                      weighted_by != NULL);

      g_string_append_printf (out, "%s\n", numbers);
    }
  g_string_append_c (out, '\n');

  for (guint r = 0; r < rows->len; r++)
    {
      const char * const *row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (row[c], -1));
    }
  for (guint r = 0; r < rows->len; r++)
    {
      const char * const *row = g_ptr_array_index (rows, r);

      fe_cli_append_padded (out, row[0], widths[0], FALSE);
      for (guint c = 1; c < n_columns; c++)
        {
          g_string_append (out, "  ");
          fe_cli_append_padded (out, row[c], widths[c], TRUE);
        }
      g_string_append_c (out, '\n');
    }
  fe_cli_print (out->str);
}

int
fe_cli_summary (int    argc,
                char **argv)
{
  FeCliStudyOptions options = FE_CLI_STUDY_OPTIONS_INIT;
  g_autofree char *question_id = NULL;
  g_autofree char *by_id = NULL;
  g_autofree char *measure_name = NULL;
  FeChartMeasure measure = FE_CHART_MEASURE_PERCENT_BASE;
  gboolean no_fold = FALSE;
  gboolean fold_small = FALSE;
  gboolean weighted = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FeStudy) study = NULL;
  g_autoptr(FeFilter) filter = NULL;
  g_autoptr(FeQuery) query = NULL;
  const FeBitset *rows;
  const char *filter_text;
  const GOptionEntry entries[] = {
    { "question", 0, 0, G_OPTION_ARG_STRING, &question_id,
      N_("Count the answers to one question"), N_("ID") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by_id,
      N_("Split the counts by an attribute or another question"), N_("ID") },
    { "measure", 0, 0, G_OPTION_ARG_STRING, &measure_name,
      N_("Which base the percentages are of, as in export: percent (each group's respondents, "
         "the default; count too) or percent-answered (those who answered)"), N_("MEASURE") },
    { "weighted", 0, 0, G_OPTION_ARG_NONE, &weighted,
      N_("Weight the percentages by the case weight the file declares (counts and bases stay "
         "numbers of respondents)"), NULL },
    /* As in export, where folding was once asked for: scripts that ask still run. */
    { "fold-small", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &fold_small, NULL, NULL },
    { "no-fold", 0, 0, G_OPTION_ARG_NONE, &no_fold,
      N_("Count every group of --by on its own, however small (by default groups of fewer than "
         "--min-cell respondents are merged into “Other”, as export draws them)"), NULL },
    { NULL }
  };
  FeColumn *question = NULL;
  FeColumn *by = NULL;
  const char *study_path = NULL;
  int exit_code = FE_CLI_EXIT_OK;
  guint k;

  context = g_option_context_new (_("STUDY"));
  g_option_context_set_summary (context, _("Print the respondents and the questions of a study, "
                                           "or the counts of one question."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  fe_cli_add_lang_entry (context, &options,
                         N_("The language of the output and of the codebook's labels: en or cy "
                            "(default: the current language)"));
  fe_cli_add_min_cell_entry (context, &options,
                             N_("Print counts of fewer than K respondents as “< K” and withhold "
                                "what would give them away, and refuse a filter that would "
                                "(default 5, or the project's; 0 shows every number)"));
  fe_cli_study_options_add_entries (context, &options);

  if (!fe_cli_parse (context, &options, &argc, &argv, &study_path, &exit_code))
    goto out;
  if (!fe_cli_check_lang (&options) || !fe_cli_check_min_cell (&options))
    {
      exit_code = FE_CLI_EXIT_USAGE;
      goto out;
    }
  if (measure_name != NULL && !fe_chart_measure_from_string (measure_name, &measure))
    {
      fe_cli_usage_error_choices ("--measure", measure_name, FE_TYPE_CHART_MEASURE);
      exit_code = FE_CLI_EXIT_USAGE;
      goto out;
    }
  if (by_id != NULL && question_id == NULL)
    {
      fe_cli_usage_error (_("--by splits the counts of a question: give --question too."));
      exit_code = FE_CLI_EXIT_USAGE;
      goto out;
    }
  if ((study = fe_cli_load_study (&options, study_path, &exit_code)) == NULL)
    goto out;
  if (weighted && !fe_cli_check_weighted (study, study_path, &exit_code))
    goto out;
  if (question_id != NULL
      && (question = fe_cli_find_question (study, "--question", question_id, &exit_code)) == NULL)
    goto out;
  if (by_id != NULL && (by = fe_cli_find_question (study, "--by", by_id, &exit_code)) == NULL)
    goto out;
  if (by != NULL && fe_column_get_n_levels (by) == 0)
    {
      fe_cli_usage_error (_("--by %s: open text has no groups to split by; choose an attribute "
                            "or a closed question."),
                          by_id);
      exit_code = FE_CLI_EXIT_USAGE;
      goto out;
    }
  if ((filter = fe_cli_build_filter (study, options.filters, &exit_code)) == NULL)
    goto out;
  k = fe_cli_get_min_cell (&options, FE_CLI_DEFAULT_MIN_CELL);
  if (!fe_cli_check_query_set (filter, k, &exit_code))
    goto out;

  query = fe_query_new_weighted (study, filter, question, by, weighted);
  rows = fe_query_get_rows (query);
  filter_text = fe_query_get_filter_text (query);

  if (question == NULL && options.json)
    print_study_json (study, rows, k);
  else if (question == NULL)
    print_study_text (study, rows, filter_text, k);
  else
    {
      const FeTally *tally = fe_query_get_tally (query);
      g_autoptr(FeDisclosure) disclosure = NULL;
      FeChartData chart = { 0 };
      Shown shown = { .tally = tally };
      /* Not a chart, so never a 100% bar: the base is the measure's, as on a bar chart. */
      FePercentOf of = fe_chart_percent_of (FE_CHART_KIND_BAR, measure);

      if (by != NULL && k > 0)
        {
          /* Folded or not, as `export --by` draws the same view, with the chart's own
           * decisions of what to withhold: the two print the same numbers, and set side by
           * side give away no more than either (two patterns of withholding would each hide
           * what the other shows). The table also prints each group's number who answered,
           * which the chart protects then too. */
          FeChartSpec spec;

          fe_chart_spec_init (&spec);
          spec.measure = measure;
          spec.min_cell = k;
          spec.fold_small_groups = !no_fold;
          spec.answered_printed = TRUE;
          fe_chart_data_init (&chart, &spec, tally);
          shown.tally = chart.tally;
          shown.chart = &chart;
        }
      else
        shown.table = disclosure = fe_disclosure_new (tally, k);

      if (options.json)
        print_tally_json (tally, &shown, filter_text, fe_query_get_weighted_by (query), measure,
                          of);
      else
        print_tally_text (&shown, filter_text, fe_query_get_weighted_by (query), of);
      fe_chart_data_clear (&chart);
    }

out:
  fe_cli_study_options_clear (&options);
  return exit_code;
}
