/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `inspect`: what was read from a study's files and why, for a researcher to check before the
 * numbers go in front of anyone: each column's role and the reason for it, its levels in order,
 * what was folded or kept whole, what was hidden, and every repair and warning. */
#include "config.h"

#include "fe-i18n.h"

#include "fe-cli-private.h"
#include "fe-core-enums.h"
#include "fe-enum.h"
#include "fe-json.h"

static const char *
role_set_by (const FeColumn *column)
{
  if (column->inferred_because != NULL && column->role_source != FE_ROLE_SOURCE_DICTIONARY)
    return "inference";
  return fe_enum_to_nick (FE_TYPE_ROLE_SOURCE, column->role_source);
}

static gboolean
is_hidden (FeStudy        *study,
           const FeColumn *column)
{
  GPtrArray *hidden = fe_study_get_hidden_columns (study);

  for (guint i = 0; i < hidden->len; i++)
    if (g_ptr_array_index (hidden, i) == column)
      return TRUE;
  return FALSE;
}

/* ---- JSON ------------------------------------------------------------------------------- */

static JsonObject *
column_to_json (FeStudy        *study,
                const FeColumn *column)
{
  const FeBitset *universe = fe_study_get_universe (study);
  JsonObject *object = json_object_new ();
  JsonArray *levels = json_array_new ();

  json_object_set_string_member (object, "id", column->id);
  json_object_set_string_member (object, "label", column->label);
  json_object_set_string_member (object, "role", fe_column_get_role_name (column));
  json_object_set_string_member (object, "role_set_by", role_set_by (column));
  json_object_set_string_member (object, "reason", fe_column_describe_role_source (column));
  json_object_set_int_member (object, "answered",
                              column->answered ? fe_bitset_count_and (universe, column->answered)
                                               : 0);
  json_object_set_boolean_member (object, "hidden", is_hidden (study, column));
  json_object_set_boolean_member (object, "may_be_joined", column->may_be_joined);
  json_object_set_string_member (object, "other_level",
                                 column->other_level >= 0
                                 ? fe_column_get_level (column, (guint) column->other_level)
                                 : NULL);
  json_object_set_int_member (object, "other_values", column->n_other_values);
  if (column->role == FE_ROLE_ORDINAL)
    json_object_set_int_member (object, "scale_levels", fe_column_get_n_scale_levels (column));
  else
    json_object_set_null_member (object, "scale_levels");
  for (guint l = 0; l < fe_column_get_n_levels (column); l++)
    {
      JsonObject *level = json_object_new ();

      json_object_set_string_member (level, "label", fe_column_get_level (column, l));
      json_object_set_string_member (level, "code", fe_column_get_level_code (column, l));
      json_object_set_int_member (level, "count",
                                  fe_bitset_count_and (universe,
                                                       g_ptr_array_index (column->level_rows, l)));
      json_array_add_object_element (levels, level);
    }
  json_object_set_array_member (object, "levels", levels);
  return object;
}

static void
print_json (FeStudy *study)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonArray *columns = json_array_new ();
  JsonArray *hidden_ids = json_array_new ();
  JsonArray *warning_texts = json_array_new ();
  GPtrArray *hidden = fe_study_get_hidden_columns (study);
  GPtrArray *warnings = fe_study_get_warnings (study);
  g_autofree char *text = NULL;

  json_node_take_object (root, object);
  json_object_set_string_member (object, "study", fe_study_get_name (study));
  json_object_set_string_member (object, "format", fe_study_get_format_name (study));
  if (fe_study_get_sheet (study) != NULL)
    json_object_set_string_member (object, "sheet", fe_study_get_sheet (study));
  json_object_set_string_member (object, "weight", fe_study_get_weight_variable (study));
  if (fe_study_get_weights (study) != NULL)
    {
      /* The respondents --weighted leaves out of weighted percentages, by reason. */
      FeUnweighted none = fe_study_count_unweighted (study);
      JsonObject *unweighted = json_object_new ();

      json_object_set_int_member (unweighted, "missing", none.missing);
      json_object_set_int_member (unweighted, "zero", none.zero);
      json_object_set_int_member (unweighted, "negative", none.negative);
      json_object_set_object_member (object, "unweighted", unweighted);
    }
  json_object_set_int_member (object, "respondents", fe_study_get_n_respondents (study));
  json_object_set_int_member (object, "excluded", fe_study_get_n_excluded (study));
  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    json_array_add_object_element (columns,
                                   column_to_json (study, fe_study_get_column (study, c)));
  json_object_set_array_member (object, "columns", columns);
  for (guint i = 0; i < hidden->len; i++)
    json_array_add_string_element (hidden_ids,
                                   ((FeColumn *) g_ptr_array_index (hidden, i))->id);
  json_object_set_array_member (object, "hidden", hidden_ids);
  for (guint i = 0; i < warnings->len; i++)
    json_array_add_string_element (warning_texts, g_ptr_array_index (warnings, i));
  json_object_set_array_member (object, "warnings", warning_texts);
  text = fe_json_to_data (root, TRUE);
  fputs (text, stdout);
}

/* ---- Text ------------------------------------------------------------------------------- */

static void
append_levels_text (GString        *out,
                    FeStudy        *study,
                    const FeColumn *column)
{
  const FeBitset *universe = fe_study_get_universe (study);
  guint n_levels = fe_column_get_n_levels (column);
  guint n_scale = column->role == FE_ROLE_ORDINAL ? fe_column_get_n_scale_levels (column)
                                                  : n_levels;
  guint width = 0;

  for (guint l = 0; l < n_levels; l++)
    {
      g_autofree char *shown = fe_cli_dup_visible (fe_column_get_level (column, l));

      width = MAX (width, (guint) g_utf8_strlen (shown, -1));
    }
  for (guint l = 0; l < n_levels; l++)
    {
      g_autofree char *shown = fe_cli_dup_visible (fe_column_get_level (column, l));
      g_autofree char *count = NULL;

      count = g_strdup_printf ("%u", fe_bitset_count_and (universe,
                                                          g_ptr_array_index (column->level_rows,
                                                                             l)));
      g_string_append_printf (out, "  %3u. ", l + 1);
      fe_cli_append_padded (out, shown, width, FALSE);
      g_string_append (out, "  ");
      fe_cli_append_padded (out, count, 6, TRUE);
      if (fe_column_get_level_code (column, l) != NULL)
        {
          g_autofree char *code = fe_cli_dup_visible (fe_column_get_level_code (column, l));

          g_string_append_printf (out, "  ");
          g_string_append_printf (out, _("(code %s)"), code);
        }
      if (l >= n_scale)
        g_string_append_printf (out, "  %s", _("(outside the scale)"));
      else if ((int) l == column->other_level)
        g_string_append_printf (out, "  %s", _("(rare answers, folded together)"));
      g_string_append_c (out, '\n');
    }
}

static void
append_column_text (GString        *out,
                    FeStudy        *study,
                    const FeColumn *column)
{
  const FeBitset *universe = fe_study_get_universe (study);
  g_autofree char *id = fe_cli_dup_visible (column->id);
  g_autofree char *label = fe_cli_dup_visible (fe_column_get_display_label (column));
  g_autofree char *reason = fe_cli_dup_visible (fe_column_describe_role_source (column));
  guint answered = column->answered ? fe_bitset_count_and (universe, column->answered) : 0;

  g_string_append_printf (out, "%s", id);
  if (g_strcmp0 (column->label, column->id) != 0)
    g_string_append_printf (out, " — %s", label);
  g_string_append_c (out, '\n');
  /* Translators: "Role: ordinal: frequency scale" — the role, then why it was chosen */
  g_string_append_printf (out, "  %s %s: %s\n", _("Role:"), fe_column_get_role_name (column),
                          reason);
  g_string_append_printf (out, "  %s %u\n", _("Answered:"), answered);
  if (is_hidden (study, column))
    g_string_append_printf (out, "  ! %s\n",
                            _("Hidden: it could identify respondents."));
  if (column->may_be_joined)
    g_string_append_printf (out, "  ! %s\n",
                            _("These answers may be several choices joined by commas; they "
                              "are kept whole."));
  if (column->other_level >= 0)
    {
      g_autofree char *other = fe_cli_dup_visible (fe_column_get_level (column,
                                                                        (guint) column->other_level));

      g_string_append (out, "  ! ");
      g_string_append_printf (out, ngettext ("%u different answer went into “%s”.",
                                             "%u different answers went into “%s”.",
                                             column->n_other_values),
                              column->n_other_values, other);
      g_string_append_c (out, '\n');
    }
  if (fe_column_get_n_levels (column) > 0)
    {
      g_string_append_printf (out, "  %s\n", _("Levels, in order (respondents):"));
      append_levels_text (out, study, column);
    }
  g_string_append_c (out, '\n');
}

static void
print_text (FeStudy *study)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *hidden = fe_study_describe_hidden_columns (study);
  GPtrArray *warnings = fe_study_get_warnings (study);
  guint excluded = fe_study_get_n_excluded (study);
  g_autofree char *name = fe_cli_dup_visible (fe_study_get_name (study));

  g_string_append_printf (out, "%s %s\n", _("Study:"), name);
  g_string_append_printf (out, "%s %s\n", _("Format:"), fe_study_get_format_name (study));
  if (fe_study_get_sheet (study) != NULL)
    {
      g_autofree char *sheet = fe_cli_dup_visible (fe_study_get_sheet (study));

      g_string_append_printf (out, "%s %s\n", _("Sheet:"), sheet);
    }
  if (fe_study_get_weight_variable (study) != NULL)
    {
      g_autofree char *weight = fe_study_describe_weight (study);

      g_string_append_printf (out, "%s %s\n", _("Case weight:"), weight);
    }
  fe_cli_append_respondents (out, fe_study_get_n_respondents (study), excluded);
  g_string_append (out, "\n\n");

  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    append_column_text (out, study, fe_study_get_column (study, c));

  if (hidden != NULL)
    {
      g_autofree char *shown = fe_cli_dup_visible (hidden);

      g_string_append_printf (out, "%s\n\n", shown);
    }
  if (warnings->len == 0)
    g_string_append_printf (out, "%s\n", _("Nothing was repaired and nothing needs a look."));
  else
    {
      g_string_append_printf (out, ngettext ("%u repair or warning:", "%u repairs and warnings:",
                                             warnings->len),
                              warnings->len);
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < warnings->len; i++)
    {
      g_autofree char *shown = fe_cli_dup_visible (g_ptr_array_index (warnings, i));

      g_string_append_printf (out, "  - %s\n", shown);
    }
  fputs (out->str, stdout);
}

int
fe_cli_inspect (int    argc,
                char **argv)
{
  FeCliStudyOptions options = FE_CLI_STUDY_OPTIONS_INIT;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FeStudy) study = NULL;
  const char *study_path = NULL;
  int exit_code = FE_CLI_EXIT_OK;

  context = g_option_context_new (_("STUDY"));
  g_option_context_set_summary (context, _("Print what was read from a study and why: each "
                                           "column's role and the reason for it, its levels in "
                                           "order with their counts, the columns hidden and "
                                           "every repair and warning."));
  fe_cli_add_lang_entry (context, &options,
                         N_("The language of the output and of the codebook's labels: en or cy "
                            "(default: the current language)"));
  fe_cli_study_options_add_entries (context, &options);
  /* The warnings are part of what inspect prints, not a preamble on stderr. */
  options.reports_warnings = TRUE;

  if (!fe_cli_parse (context, &options, &argc, &argv, &study_path, &exit_code))
    goto out;
  if (!fe_cli_check_lang (&options))
    {
      exit_code = FE_CLI_EXIT_USAGE;
      goto out;
    }
  if (options.filters != NULL)
    {
      fe_cli_usage_error (_("inspect describes the whole study; --filter goes with summary and "
                            "quotes."));
      exit_code = FE_CLI_EXIT_USAGE;
      goto out;
    }
  if ((study = fe_cli_load_study (&options, study_path, &exit_code)) == NULL)
    goto out;

  if (options.json)
    print_json (study);
  else
    print_text (study);

out:
  fe_cli_study_options_clear (&options);
  return exit_code;
}
