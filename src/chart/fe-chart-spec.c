/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-chart-spec.h"

#include "fe-cooccurrence.h"

#include "fe-i18n.h"

#include "fe-chart-enums.h"
#include "fe-enum.h"

/* Past this many bars a grouped bar chart turns into a comb that nobody can read: a heat map
 * shows the same crosstab in a grid. */
#define MAX_GROUPED_GROUPS 5
#define MAX_GROUPED_BARS   36

void
fe_chart_spec_init (FeChartSpec *spec)
{
  g_return_if_fail (spec != NULL);

  *spec = (FeChartSpec) {
    .kind = FE_CHART_KIND_AUTO,
    .measure = FE_CHART_MEASURE_PERCENT_BASE,
    .sort = FE_CHART_SORT_CODEBOOK,
    .dark = FALSE,
    .width = 800,
    .height = 500,
    .text_scale = 1.0,
    .title = NULL,
    .filter_text = NULL,
    .weighted_by = NULL,
    .min_cell = 0,
    .mark_small = FALSE,
    .fold_small_groups = FALSE,
    .answered_printed = FALSE,
  };
}

gboolean
fe_chart_question_is_single (const FeColumn *question)
{
  g_return_val_if_fail (question != NULL, FALSE);

  return fe_role_is_single_valued (question->role) && !question->coded;
}

gboolean
fe_chart_kind_applies (FeChartKind    kind,
                       const FeTally *tally)
{
  g_return_val_if_fail (tally != NULL, FALSE);

  switch (kind)
    {
    case FE_CHART_KIND_AUTO:
    case FE_CHART_KIND_BAR:
      return TRUE;
    case FE_CHART_KIND_GROUPED_BAR:
    case FE_CHART_KIND_HEATMAP:
      return tally->by != NULL;
    case FE_CHART_KIND_STACKED:
      return fe_chart_question_is_single (tally->question);
    case FE_CHART_KIND_DIVERGING:
      /* Only an ordered scale has two sides and a middle. */
      return fe_chart_question_is_single (tally->question)
             && tally->question->role == FE_ROLE_ORDINAL;
    default:
      return FALSE;
    }
}

void
fe_chart_spec_set_query (FeChartSpec   *spec,
                         const FeQuery *query)
{
  spec->filter_text = fe_query_get_filter_text (query);
  spec->weighted_by = fe_query_get_weighted_by (query);
}

void
fe_chart_spec_init_for_view (FeChartSpec       *spec,
                             const FeSavedView *view,
                             guint              k,
                             gboolean           fold_small_groups)
{
  fe_chart_spec_init (spec);
  if (view->kind != NULL)
    fe_chart_kind_from_string (view->kind, &spec->kind);
  if (view->measure != NULL)
    fe_chart_measure_from_string (view->measure, &spec->measure);
  if (view->sort != NULL)
    fe_chart_sort_from_string (view->sort, &spec->sort);
  spec->min_cell = k;
  spec->fold_small_groups = fold_small_groups;
}

FeChartKind
fe_chart_kind_resolve (FeChartKind    kind,
                       const FeTally *tally)
{
  g_return_val_if_fail (tally != NULL, FE_CHART_KIND_BAR);

  if (kind != FE_CHART_KIND_AUTO && fe_chart_kind_applies (kind, tally))
    return kind;

  if (tally->by == NULL)
    return FE_CHART_KIND_BAR;
  /* Only a symmetric table shows which themes go together. */
  if (fe_cooccurrence_is (tally))
    return FE_CHART_KIND_HEATMAP;
  /* Bins side by side keep a histogram's shape for each group; stacked, it would be lost. */
  if (tally->question->role == FE_ROLE_NUMERIC && tally->n_groups <= MAX_GROUPED_GROUPS
      && tally->n_groups * tally->n_levels <= MAX_GROUPED_BARS)
    return FE_CHART_KIND_GROUPED_BAR;
  if (tally->question->role == FE_ROLE_ORDINAL && fe_chart_question_is_single (tally->question))
    return FE_CHART_KIND_DIVERGING;
  if (fe_chart_question_is_single (tally->question))
    return FE_CHART_KIND_STACKED;
  if (tally->n_groups <= MAX_GROUPED_GROUPS
      && tally->n_groups * tally->n_levels <= MAX_GROUPED_BARS)
    return FE_CHART_KIND_GROUPED_BAR;
  return FE_CHART_KIND_HEATMAP;
}

const char *
fe_chart_kind_to_string (FeChartKind kind)
{
  return fe_enum_to_nick (FE_TYPE_CHART_KIND, kind);
}

gboolean
fe_chart_kind_from_string (const char  *text,
                           FeChartKind *kind)
{
  int value;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (!fe_enum_from_nick (FE_TYPE_CHART_KIND, text, &value))
    return FALSE;
  *kind = (FeChartKind) value;
  return TRUE;
}

/* What each kind is called, once: on its own in a list of kinds, and in a sentence describing a
 * chart. */
static const struct
{
  const char *label;
  const char *name;
} kind_names[] = {
  [FE_CHART_KIND_AUTO] = { N_("Automatic"), N_("Automatic chart") },
  [FE_CHART_KIND_BAR] = { N_("Bars"), N_("Bar chart") },
  [FE_CHART_KIND_GROUPED_BAR] = { N_("Grouped Bars"), N_("Grouped bar chart") },
  [FE_CHART_KIND_STACKED] = {
    /* xgettext:no-c-format */
    N_("Stacked to 100%"),
    /* xgettext:no-c-format */
    N_("100% stacked bar chart") },
  [FE_CHART_KIND_DIVERGING] = { N_("Diverging"), N_("Diverging stacked bar chart") },
  [FE_CHART_KIND_HEATMAP] = { N_("Heat Map"), N_("Heat map") },
};

const char *
fe_chart_kind_get_name (FeChartKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  return _(kind_names[kind].name);
}

const char *
fe_chart_kind_get_label (FeChartKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  return _(kind_names[kind].label);
}

const char *
fe_chart_measure_to_string (FeChartMeasure measure)
{
  return fe_enum_to_nick (FE_TYPE_CHART_MEASURE, measure);
}

gboolean
fe_chart_measure_from_string (const char     *text,
                              FeChartMeasure *measure)
{
  int value;

  g_return_val_if_fail (measure != NULL, FALSE);

  if (!fe_enum_from_nick (FE_TYPE_CHART_MEASURE, text, &value))
    return FALSE;
  *measure = (FeChartMeasure) value;
  return TRUE;
}

const char *
fe_chart_sort_to_string (FeChartSort sort)
{
  return fe_enum_to_nick (FE_TYPE_CHART_SORT, sort);
}

gboolean
fe_chart_sort_from_string (const char  *text,
                           FeChartSort *sort)
{
  int value;

  g_return_val_if_fail (sort != NULL, FALSE);

  if (!fe_enum_from_nick (FE_TYPE_CHART_SORT, text, &value))
    return FALSE;
  *sort = (FeChartSort) value;
  return TRUE;
}

FePercentOf
fe_chart_percent_of (FeChartKind    kind,
                     FeChartMeasure measure)
{
  if (kind == FE_CHART_KIND_STACKED || kind == FE_CHART_KIND_DIVERGING
      || measure == FE_CHART_MEASURE_PERCENT_ANSWERED)
    return FE_PERCENT_OF_ANSWERED;
  return FE_PERCENT_OF_RESPONDENTS;
}

FePercentOf
fe_chart_spec_get_percent_of (const FeChartSpec *spec,
                              const FeTally     *tally)
{
  g_return_val_if_fail (spec != NULL && tally != NULL, FE_PERCENT_OF_RESPONDENTS);

  return fe_chart_percent_of (fe_chart_kind_resolve (spec->kind, tally), spec->measure);
}
