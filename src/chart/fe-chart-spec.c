/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-chart-spec.h"

#include <glib/gi18n-lib.h>

/* Past this many bars a grouped bar chart turns into a comb that nobody can read: a heat map
 * shows the same crosstab in a grid. */
#define MAX_GROUPED_GROUPS 5
#define MAX_GROUPED_BARS   36

static const char * const kind_ids[] = {
  [FE_CHART_KIND_AUTO] = "auto",
  [FE_CHART_KIND_BAR] = "bar",
  [FE_CHART_KIND_GROUPED_BAR] = "grouped-bar",
  [FE_CHART_KIND_STACKED] = "stacked",
  [FE_CHART_KIND_DIVERGING] = "diverging",
  [FE_CHART_KIND_HEATMAP] = "heatmap",
};

static const char * const measure_ids[] = {
  [FE_CHART_MEASURE_COUNT] = "count",
  [FE_CHART_MEASURE_PERCENT_BASE] = "percent",
  [FE_CHART_MEASURE_PERCENT_ANSWERED] = "percent-answered",
};

static const char * const sort_ids[] = {
  [FE_CHART_SORT_CODEBOOK] = "codebook",
  [FE_CHART_SORT_VALUE] = "value",
};

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

FeChartKind
fe_chart_kind_resolve (FeChartKind    kind,
                       const FeTally *tally)
{
  g_return_val_if_fail (tally != NULL, FE_CHART_KIND_BAR);

  if (kind != FE_CHART_KIND_AUTO && fe_chart_kind_applies (kind, tally))
    return kind;

  if (tally->by == NULL)
    return FE_CHART_KIND_BAR;
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
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_ids), NULL);

  return kind_ids[kind];
}

gboolean
fe_chart_kind_from_string (const char  *text,
                           FeChartKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (kind_ids); i++)
    if (g_strcmp0 (text, kind_ids[i]) == 0)
      {
        *kind = (FeChartKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
fe_chart_kind_get_name (FeChartKind kind)
{
  switch (kind)
    {
    case FE_CHART_KIND_AUTO:
      return _("Automatic chart");
    case FE_CHART_KIND_BAR:
      return _("Bar chart");
    case FE_CHART_KIND_GROUPED_BAR:
      return _("Grouped bar chart");
    case FE_CHART_KIND_STACKED:
      /* xgettext:no-c-format */
      return _("100% stacked bar chart");
    case FE_CHART_KIND_DIVERGING:
      return _("Diverging stacked bar chart");
    case FE_CHART_KIND_HEATMAP:
      return _("Heat map");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
fe_chart_measure_to_string (FeChartMeasure measure)
{
  g_return_val_if_fail ((guint) measure < G_N_ELEMENTS (measure_ids), NULL);

  return measure_ids[measure];
}

gboolean
fe_chart_measure_from_string (const char     *text,
                              FeChartMeasure *measure)
{
  g_return_val_if_fail (measure != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (measure_ids); i++)
    if (g_strcmp0 (text, measure_ids[i]) == 0)
      {
        *measure = (FeChartMeasure) i;
        return TRUE;
      }
  return FALSE;
}

const char *
fe_chart_sort_to_string (FeChartSort sort)
{
  g_return_val_if_fail ((guint) sort < G_N_ELEMENTS (sort_ids), NULL);

  return sort_ids[sort];
}

gboolean
fe_chart_sort_from_string (const char  *text,
                           FeChartSort *sort)
{
  g_return_val_if_fail (sort != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (sort_ids); i++)
    if (g_strcmp0 (text, sort_ids[i]) == 0)
      {
        *sort = (FeChartSort) i;
        return TRUE;
      }
  return FALSE;
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
