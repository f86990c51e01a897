/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "fe-i18n.h"

#include "fe-attribution.h"
#include "fe-cell-quotes.h"
#include "fe-cli-private.h"
#include "fe-chart-layout-private.h"
#include "fe-disclosure.h"
#include "fe-tally-fold.h"
#include "fe-json.h"
#include "fe-quote.h"

/* The first @n_named attributes of @row, as the attribution rule lets them be named. */
static void
append_attributes (FeStudy  *study,
                   guint     row,
                   int       n_named,
                   void    (*append) (const char *id, const char *label, gpointer data),
                   gpointer  data)
{
  for (guint c = 0; c < fe_study_get_n_columns (study) && n_named > 0; c++)
    {
      FeColumn *column = fe_study_get_column (study, c);
      const char *label;

      if (column->role != FE_ROLE_ATTRIBUTE)
        continue;
      /* Without a threshold every answered attribute is named, an unanswered one skipped. */
      if ((label = fe_study_get_level_label (study, column, row)) != NULL)
        append (column->id, label, data);
      n_named--;
    }
}

static void
add_attribute_member (const char *id,
                      const char *label,
                      gpointer    attributes)
{
  json_object_set_string_member (attributes, id, label);
}

static JsonObject *
quote_to_json (FeStudy       *study,
               const FeQuote *quote,
               GHashTable    *naming)
{
  g_autofree char *respondent = fe_study_dup_respondent_id (study, quote->row);
  int n_named = fe_attribution_naming_get (naming, quote->row);
  g_autofree char *citation = fe_quote_dup_citation (study, quote, n_named);
  JsonObject *object = json_object_new ();
  JsonArray *codes = json_array_new ();
  JsonObject *attributes = json_object_new ();

  /* "a participant" is all there is to say of them: their number would link this quote to
   * their other answers, their role and length of service single them out again. */
  json_object_set_string_member (object, "respondent", n_named < 0 ? NULL : respondent);
  json_object_set_string_member (object, "citation", citation);
  json_object_set_string_member (object, "question", quote->column->id);
  json_object_set_string_member (object, "text", quote->text);
  json_object_set_string_member (object, "note", quote->note);
  for (guint i = 0; i < quote->codes->len; i++)
    json_array_add_string_element (codes,
                                   fe_column_get_level (quote->column,
                                                        g_array_index (quote->codes, guint, i)));
  json_object_set_array_member (object, "codes", codes);
  append_attributes (study, quote->row, n_named, add_attribute_member, attributes);
  json_object_set_object_member (object, "attributes", attributes);
  return object;
}

static void
print_quotes_json (FeStudy    *study,
                   GPtrArray  *quotes,
                   GHashTable *naming)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  JsonArray *array = json_array_new ();
  g_autofree char *text = NULL;

  json_node_take_array (root, array);
  for (guint i = 0; i < quotes->len; i++)
    json_array_add_object_element (array,
                                   quote_to_json (study, g_ptr_array_index (quotes, i),
                                                  naming));
  text = fe_json_to_data (root, TRUE);
  fe_cli_print (text);
}

static JsonNode *
respondents_to_json (guint n,
                     guint k)
{
  /* Under the attribution rule, a group of fewer than k is not counted out. */
  if (n > 0 && n < k)
    return json_node_init_null (json_node_alloc ());
  return json_node_init_int (json_node_alloc (), n);
}

/* --all-text --json: {"respondents", "questions_left_out", "groups": [{"question", "label",
 * "respondents", "quotes": […]}…]}. */
static void
print_groups_json (FeStudy    *study,
                   GPtrArray  *quotes,
                   guint       n_respondents,
                   guint       n_left_out,
                   GHashTable *naming,
                   guint       k)
{
  g_autoptr(GArray) groups = fe_quotes_group_by_question (quotes);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonArray *array = json_array_new ();
  g_autofree char *text = NULL;

  json_node_take_object (root, object);
  json_object_set_member (object, "respondents", respondents_to_json (n_respondents, k));
  json_object_set_int_member (object, "questions_left_out", n_left_out);
  for (guint g = 0; g < groups->len; g++)
    {
      const FeQuoteGroup *group = &g_array_index (groups, FeQuoteGroup, g);
      JsonObject *item = json_object_new ();
      JsonArray *items = json_array_new ();

      json_object_set_string_member (item, "question", group->column->id);
      json_object_set_string_member (item, "label", group->column->label);
      json_object_set_member (item, "respondents", respondents_to_json (group->n_respondents, k));
      for (guint i = group->first; i < group->first + group->n_quotes; i++)
        json_array_add_object_element (items,
                                       quote_to_json (study, g_ptr_array_index (quotes, i),
                                                      naming));
      json_object_set_array_member (item, "quotes", items);
      json_array_add_object_element (array, item);
    }
  json_object_set_array_member (object, "groups", array);
  text = fe_json_to_data (root, TRUE);
  fe_cli_print (text);
}

static void
append_attribute_text (const char *id,
                       const char *label,
                       gpointer    text)
{
  g_string_append_printf (text, " · %s", label);
}

static char *
describe_author (FeStudy       *study,
                 GHashTable    *naming,
                 const FeQuote *quote)
{
  guint row = quote->row;
  g_autofree char *id = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  int n_named = fe_attribution_naming_get (naming, quote->row);

  if (n_named < 0)
    /* Translators: in place of "Participant 12" for a respondent in a group too small to
     * name; nothing else is said of them */
    return g_strdup (_("A participant"));
  id = fe_study_dup_respondent_id (study, row);
  g_string_printf (text, _("Participant %s"), id);
  append_attributes (study, row, n_named, append_attribute_text, text);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
count_respondents (GPtrArray *quotes)
{
  g_autoptr(GHashTable) authors = g_hash_table_new (g_direct_hash, g_direct_equal);

  /* A respondent's quotes need not be next to each other: the anonymous come last. */
  for (guint i = 0; i < quotes->len; i++)
    g_hash_table_add (authors,
                      GUINT_TO_POINTER (((const FeQuote *) g_ptr_array_index (quotes, i))->row
                                        + 1));
  return g_hash_table_size (authors);
}

static void
append_respondents (GString *out,
                     guint    n,
                     guint    k)
{
  /* Under the attribution rule, a group of fewer than k is not counted out either. */
  if (n > 0 && n < k)
    g_string_append_printf (out, ngettext ("fewer than %u respondent", "fewer than %u respondents",
                                           k), k);
  else
    g_string_append_printf (out, ngettext ("%u respondent", "%u respondents", n), n);
}

static void
append_quote (GString       *out,
              FeStudy       *study,
              const FeQuote *quote,
              GHashTable    *naming)
{
  g_autofree char *who = describe_author (study, naming, quote);
  g_auto(GStrv) lines = g_strsplit (quote->text, "\n", -1);

  g_string_append_printf (out, "\n%s\n  %s", who, quote->column->id);
  for (guint c = 0; c < quote->codes->len; c++)
    g_string_append_printf (out, "%s%s", c ? ", " : ": ",
                            fe_column_get_level (quote->column,
                                                 g_array_index (quote->codes, guint, c)));
  g_string_append_c (out, '\n');
  for (guint l = 0; lines[l] != NULL; l++)
    g_string_append_printf (out, "  %s%s%s\n", l == 0 ? "“" : " ", lines[l],
                            lines[l + 1] == NULL ? "”" : "");
  if (quote->note != NULL)
    g_string_append_printf (out, "  %s %s\n", _("Note:"), quote->note);
}

static void
print_quotes_text (FeStudy    *study,
                   GPtrArray  *quotes,
                   GHashTable *naming,
                   guint       k)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, ngettext ("%u quote", "%u quotes", quotes->len), quotes->len);
  g_string_append (out, " · ");
  append_respondents (out, count_respondents (quotes), k);
  g_string_append (out, "\n");
  for (guint i = 0; i < quotes->len; i++)
    append_quote (out, study, g_ptr_array_index (quotes, i), naming);
  fe_cli_print (out->str);
}

/* --all-text: the segment's @n_respondents, then each open question's quotes under a line
 * with its label and numbers. */
static void
print_groups_text (FeStudy    *study,
                   GPtrArray  *quotes,
                   guint       n_respondents,
                   guint       n_left_out,
                   GHashTable *naming,
                   guint       k)
{
  g_autoptr(GArray) groups = fe_quotes_group_by_question (quotes);
  g_autoptr(GString) out = g_string_new (NULL);

  append_respondents (out, n_respondents, k);
  g_string_append (out, " · ");
  g_string_append_printf (out, ngettext ("%u quote", "%u quotes", quotes->len), quotes->len);
  g_string_append (out, " · ");
  /* Translators: after "56 respondents · 120 quotes · ": what the quotes are */
  g_string_append_printf (out, ngettext ("every open answer they gave, from %u open question",
                                         "every open answer they gave, from %u open questions",
                                         groups->len), groups->len);
  g_string_append (out, "\n");
  if (n_left_out > 0)
    g_string_append_printf (out, ngettext ("Left out: the answers to %u open question that "
                                           "fewer than %u of them gave, which counted would give "
                                           "that number away.\n",
                                           "Left out: the answers to %u open questions that "
                                           "fewer than %u of them gave, which counted would give "
                                           "that number away.\n", n_left_out),
                            n_left_out, k);
  for (guint g = 0; g < groups->len; g++)
    {
      const FeQuoteGroup *group = &g_array_index (groups, FeQuoteGroup, g);

      g_string_append_printf (out, "\n== %s: %s\n   ", group->column->id, group->column->label);
      g_string_append_printf (out, ngettext ("%u quote", "%u quotes", group->n_quotes),
                              group->n_quotes);
      g_string_append (out, " · ");
      append_respondents (out, group->n_respondents, k);
      g_string_append (out, "\n");
      for (guint i = group->first; i < group->first + group->n_quotes; i++)
        append_quote (out, study, g_ptr_array_index (quotes, i), naming);
    }
  fe_cli_print (out->str);
}

/* --all-text: an open question fewer than k of the segment answered has its quotes left out,
 * since counted they would be that number. Returns how many questions were. */
static guint
leave_out_small_questions (GPtrArray *quotes,
                           guint      k)
{
  g_autoptr(GArray) groups = fe_quotes_group_by_question (quotes);
  guint n_left_out = 0;

  /* From the last, so that the earlier groups' places hold. */
  for (guint g = groups->len; k > 0 && g-- > 0;)
    {
      const FeQuoteGroup *group = &g_array_index (groups, FeQuoteGroup, g);

      if (group->n_respondents > 0 && group->n_respondents < k)
        {
          g_ptr_array_remove_range (quotes, group->first, group->n_quotes);
          n_left_out++;
        }
    }
  return n_left_out;
}

/* Anonymous quotes last within each question: in respondent order among the others, their
 * place would tell their author's number ("between Participant 24 and Participant 27"). */
static void
put_anonymous_last (GPtrArray  *quotes,
                    GHashTable *naming)
{
  g_autoptr(GPtrArray) ordered = g_ptr_array_sized_new (quotes->len);

  for (guint start = 0, end; start < quotes->len; start = end)
    {
      const FeColumn *column = ((const FeQuote *) g_ptr_array_index (quotes, start))->column;

      for (end = start;
           end < quotes->len && ((const FeQuote *) g_ptr_array_index (quotes, end))->column
                                == column;
           end++)
        ;
      for (int anonymous = 0; anonymous <= 1; anonymous++)
        for (guint i = start; i < end; i++)
          {
            const FeQuote *quote = g_ptr_array_index (quotes, i);

            if ((fe_attribution_naming_get (naming, quote->row) < 0) == anonymous)
              g_ptr_array_add (ordered, (gpointer) quote);
          }
    }
  memcpy (quotes->pdata, ordered->pdata, quotes->len * sizeof (gpointer));
}

/* Whether the split chart of @question by @by under @filter, folded as export draws it, prints
 * the count of @group's cell (@level, or those who answered when -1): refused if not. */
static gboolean
split_cell_printed (FeStudy        *study,
                    FeColumn       *question,
                    FeFilter       *filter,
                    FeColumn       *by,
                    int             group,
                    int             level,
                    guint           k,
                    int            *exit_code)
{
  g_autoptr(FeQuery) query = fe_query_new (study, filter, question, by);
  const FeTally *tally = fe_query_get_tally (query);
  g_autofree gboolean *in_other = g_new0 (gboolean, MAX (tally->n_groups, 1));
  FeCellDisclosure state = FE_CELL_SHOWN;
  gboolean folded = FALSE;
  FeChartSpec spec;
  FeChartData chart;

  fe_chart_spec_init (&spec);
  spec.min_cell = k;
  spec.fold_small_groups = TRUE;
  spec.answered_printed = TRUE;
  fe_chart_data_init (&chart, &spec, tally);
  fe_tally_fold_plan (tally, k, in_other);
  for (guint o = 0; o < tally->n_groups; o++)
    folded |= in_other[o] && tally->groups[o].group == (guint) group;
  for (guint g = 0; g < chart.tally->n_groups; g++)
    {
      gboolean here = fe_tally_group_is_other (chart.tally, g)
                      ? folded : chart.tally->groups[g].group == (guint) group;

      if (here)
        state = level >= 0 ? fe_chart_data_get_cell (&chart, (int) g, (guint) level)
                           : fe_chart_data_get_answered (&chart, (int) g);
    }
  fe_chart_data_clear (&chart);
  if (state == FE_CELL_SHOWN)
    return TRUE;
  {
    g_autofree char *message = g_strdup_printf (
      _("The chart of “%s” split by “%s” withholds how many in “%s” gave these quotes, so "
        "counted they would give it away. Lower --min-cell to read them yourself."),
      fe_column_get_display_label (question), fe_column_get_display_label (by),
      fe_column_get_display_level (by, (guint) group));

    fe_cli_print_error (message);
  }
  *exit_code = FE_CLI_EXIT_REFUSED;
  return FALSE;
}

/* Whether the chart of @question for @rows prints the count whose respondents' quotes would
 * be listed (@level's, or those who answered when @level is -1): refused with the reason if
 * not. */
static gboolean
fe_cli_quotes_count_printed (FeStudy        *study,
                             const FeColumn *question,
                             const FeBitset *rows,
                             int             level,
                             const FeFilter *filter,
                             guint           k,
                             int            *exit_code)
{
  g_autoptr(FeTally) tally = fe_tally_compute (question, rows, NULL);
  g_autoptr(FeDisclosure) disclosure = fe_disclosure_new (tally, k);
  g_autofree char *message = NULL;

  if (level >= 0 && fe_disclosure_get_cell (disclosure, -1, (guint) level) != FE_CELL_SHOWN)
    message = g_strdup_printf (_("The number of respondents who gave “%s” to “%s” is withheld "
                                 "where it is charted, so their quotes, counted, would give it "
                                 "away. Lower --min-cell to read them yourself."),
                               fe_column_get_display_level (question, (guint) level),
                               fe_column_get_display_label (question));
  else if (level < 0 && fe_disclosure_get_answered (disclosure, -1) == FE_CELL_HIDDEN)
    message = g_strdup_printf (_("The number of respondents who answered “%s” is withheld where "
                                 "it is charted, so their quotes, counted, would give it away. "
                                 "Lower --min-cell to read them yourself."),
                               fe_column_get_display_label (question));
  else if (level < 0 && fe_disclosure_get_answered (disclosure, -1) != FE_CELL_SHOWN)
    message = g_strdup_printf (
      fe_filter_is_empty (filter)
        ? _("Fewer respondents than the disclosure threshold (%u) answered “%s”, so their "
            "quotes, counted, would give the number away. Lower --min-cell to read them "
            "yourself.")
        : _("Fewer respondents than the disclosure threshold (%u) answered “%s” under the "
            "filter, so their quotes, counted, would give the number away. Widen the filter, "
            "or lower --min-cell to read them yourself."),
      k, fe_column_get_display_label (question));
  if (message == NULL)
    return TRUE;
  fe_cli_print_error (message);
  *exit_code = FE_CLI_EXIT_REFUSED;
  return FALSE;
}

int
fe_cli_quotes (int    argc,
               char **argv)
{
  FeCliStudyOptions options = FE_CLI_STUDY_OPTIONS_INIT;
  g_autofree char *question_id = NULL;
  g_autofree char *level_label = NULL;
  g_autofree char *by_id = NULL;
  g_autofree char *group_label = NULL;
  g_autofree char *respondent = NULL;
  gboolean all_text = FALSE;
  g_autoptr(GOptionContext) context = g_option_context_new (_("STUDY"));
  g_autoptr(FeStudy) study = NULL;
  g_autoptr(FeFilter) filter = NULL;
  g_autoptr(FeFilter) ungrouped = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(FeBitset) listed = NULL;
  g_autoptr(FeAttributionRule) rule = NULL;
  g_autoptr(GHashTable) naming = NULL;
  const GOptionEntry entries[] = {
    { "question", 0, 0, G_OPTION_ARG_STRING, &question_id,
      N_("The quotes behind a question"), N_("ID") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level_label,
      N_("Only respondents who gave this answer or code"), N_("LABEL") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by_id,
      N_("With --group: only respondents in one group of this attribute"), N_("ID") },
    { "group", 0, 0, G_OPTION_ARG_STRING, &group_label, N_("The group of --by"), N_("LABEL") },
    { "respondent", 0, 0, G_OPTION_ARG_STRING, &respondent,
      N_("Every open answer of one respondent"), N_("ID") },
    { "all-text", 0, 0, G_OPTION_ARG_NONE, &all_text,
      N_("With --question: every open answer of its respondents, by open question"), NULL },
    { NULL }
  };
  g_autoptr(GError) changed_error = NULL;
  FeColumn *question = NULL;
  const char *study_path = NULL;
  int exit_code = FE_CLI_EXIT_OK;
  int level = -1;
  guint n_respondents = 0;
  guint n_left_out = 0;
  guint k;

  g_option_context_set_summary (context, _("Print the verbatim answers behind a chart segment, "
                                           "or every answer of one respondent."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  fe_cli_add_min_cell_entry (context, &options,
                             N_("Attribute quotes from a group of fewer than K respondents to "
                                "“a participant” with nothing else said of them, and refuse a "
                                "filter that keeps or leaves out fewer than K (default 5, or the "
                                "project's; 0 shows everything)"));
  fe_cli_study_options_add_entries (context, &options);

  if (!fe_cli_parse (context, &options, &argc, &argv, &study_path, &exit_code))
    goto out;
  if (!fe_cli_check_min_cell (&options))
    {
      exit_code = FE_CLI_EXIT_USAGE;
      goto out;
    }
  if ((question_id == NULL) == (respondent == NULL))
    {
      fe_cli_usage_error (_("Give --question (the quotes behind a question) or --respondent "
                            "(every answer of one respondent)."));
      exit_code = FE_CLI_EXIT_USAGE;
      goto out;
    }
  if ((by_id == NULL) != (group_label == NULL)
      || ((level_label != NULL || all_text) && question_id == NULL))
    {
      fe_cli_usage_error (_("--by and --group go together, and --level and --all-text go with "
                            "--question."));
      exit_code = FE_CLI_EXIT_USAGE;
      goto out;
    }
  if ((study = fe_cli_load_study (&options, study_path, &exit_code)) == NULL)
    goto out;
  /* Quotes leave the screen as exports do: under the same threshold by default. */
  k = fe_cli_get_min_cell (&options, FE_CLI_DEFAULT_MIN_CELL);

  if (respondent != NULL)
    {
      int row = fe_study_find_respondent (study, respondent);

      if (row < 0)
        {
          fe_cli_usage_error (_("--respondent: there is no respondent “%s” in %s."), respondent,
                              fe_study_get_name (study));
          exit_code = FE_CLI_EXIT_USAGE;
          goto out;
        }
      quotes = fe_study_collect_respondent_quotes (study, (guint) row);
    }
  else
    {
      g_autoptr(FeQuery) query = NULL;
      g_autoptr(FeBitset) rows = NULL;
      FeColumn *by = NULL;
      int group = -1;

      if ((question = fe_cli_find_question (study, "--question", question_id, &exit_code)) == NULL)
        goto out;
      if (level_label != NULL && (level = fe_cli_find_level (question, level_label,
                                                              &exit_code)) < 0)
        goto out;
      if ((filter = fe_cli_build_filter (study, options.filters, &exit_code)) == NULL)
        goto out;
      if (by_id != NULL)
        {
          by = fe_cli_find_question (study, "--by", by_id, &exit_code);
          if (by == NULL || (group = fe_cli_find_level (by, group_label, &exit_code)) < 0)
            goto out;
          ungrouped = fe_filter_copy (filter);
          fe_filter_clear_column (filter, by);
          fe_filter_add_level (filter, by, (guint) group);
        }
      /* --by and --group filter as --filter does, and are checked with it. */
      if (!fe_cli_check_query_set (filter, k, &exit_code))
        goto out;
      /* So is --level: the quotes of one chart segment are those of a filter on the answer.
       * A segment of fewer than k respondents, or one all but a few of its question's, would
       * otherwise show those few people's words (set beside the question's quotes). */
      if (level >= 0)
        {
          g_autoptr(FeFilter) segment = fe_filter_copy (filter);

          /* A --filter on the question itself is replaced by the level: the segment is within
           * it, or empty and its quotes none. */
          fe_filter_clear_column (segment, question);
          fe_filter_add_level (segment, question, (guint) level);
          if (!fe_cli_check_query_set (segment, k, &exit_code))
            goto out;
        }
      /* Split by a question, a cell's quotes are what its respondents wrote to both (the
       * filter on the group leaves the split's rows as they are). */
      query = fe_query_new (study, filter, question,
                            fe_tally_split_is_question (by) ? fe_query_split_in_effect (question,
                                                                                        by)
                                                            : NULL);
      rows = fe_bitset_copy (fe_query_get_rows (query));
      /* Quotes, counted, are the count of those who gave them: where the question's chart of
       * these respondents withholds it, a segment's or those who answered, so are they. */
      if (k > 0 && !fe_cli_quotes_count_printed (study, question, rows, level, filter, k,
                                                 &exit_code))
        goto out;
      /* A group's segment is a cell of the split chart, which may withhold what the group's
       * own chart prints, to protect the other groups. */
      if (k > 0 && ungrouped != NULL && fe_role_is_single_valued (by->role)
          && !split_cell_printed (study, question, ungrouped, by, group, level, k, &exit_code))
        goto out;
      if (all_text)
        {
          /* The same respondents as the segment's own quotes (fe_study_collect_quotes()), the
           * same checks above, only every open question's answers. */
          if (level >= 0)
            {
              fe_bitset_free (rows);
              rows = fe_query_dup_segment_rows (query, (guint) level, -1);
            }
          else
            fe_bitset_and (rows, question->answered);
          n_respondents = fe_bitset_count (rows);
          quotes = fe_study_collect_text_quotes (study, rows);
          n_left_out = leave_out_small_questions (quotes, k);
          listed = fe_bitset_copy (rows);
        }
      else
        {
          if (level < 0
              || (quotes = fe_query_collect_cell_quotes (query, (guint) level, group)) == NULL)
            quotes = fe_study_collect_quotes (study, question, level, rows);
          listed = fe_query_dup_quoted_rows (query, level, level >= 0 ? group : -1);
        }
    }
  rule = fe_attribution_rule_new (study, listed, k);
  if (respondent != NULL)
    fe_attribution_rule_set_one_author (rule);
  naming = fe_attribution_rule_count_listing (rule, quotes);
  put_anonymous_last (quotes, naming);

  /* Answers read from a file that changed meanwhile would be missing: an error, not a short
   * list. */
  if (!fe_study_check_unchanged (study, &changed_error))
    {
      fprintf (stderr, "findings-explorer: %s\n", changed_error->message);
      exit_code = FE_CLI_EXIT_BAD_DATA;
      goto out;
    }

  if (all_text && options.json)
    print_groups_json (study, quotes, n_respondents, n_left_out, naming, k);
  else if (all_text)
    print_groups_text (study, quotes, n_respondents, n_left_out, naming, k);
  else if (options.json)
    print_quotes_json (study, quotes, naming);
  else
    print_quotes_text (study, quotes, naming, k);

out:
  fe_cli_study_options_clear (&options);
  return exit_code;
}
