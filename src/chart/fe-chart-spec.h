/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-catalog.h"
#include "fe-percent.h"
#include "fe-project.h"
#include "fe-query.h"
#include "fe-tally.h"

G_BEGIN_DECLS

/* The nicks of these three are their names in project files' views, JSON and the command
 * line's options (fe-enum.h). */
typedef enum
{
  FE_CHART_KIND_AUTO,         /*< nick=auto >*/
  FE_CHART_KIND_BAR,          /*< nick=bar >*/
  FE_CHART_KIND_GROUPED_BAR,  /*< nick=grouped-bar >*/
  FE_CHART_KIND_STACKED,      /*< nick=stacked >*/
  FE_CHART_KIND_DIVERGING,    /*< nick=diverging >*/
  FE_CHART_KIND_HEATMAP,      /*< nick=heatmap >*/
} FeChartKind;

typedef enum
{
  FE_CHART_MEASURE_COUNT,             /*< nick=count >*/
  FE_CHART_MEASURE_PERCENT_BASE,      /*< nick=percent >*/
  FE_CHART_MEASURE_PERCENT_ANSWERED,  /*< nick=percent-answered >*/
  /* A co-occurrence heat map's Jaccard overlap (fe_cooccurrence_jaccard()); any other chart
   * draws percentages of its base in its place. */
  FE_CHART_MEASURE_OVERLAP,           /*< nick=overlap >*/
} FeChartMeasure;

typedef enum
{
  FE_CHART_SORT_CODEBOOK,  /*< nick=codebook >*/
  FE_CHART_SORT_VALUE,     /*< nick=value >*/
} FeChartSort;

/* What to draw. The strings are borrowed: they only need to live until the layout is built. */
typedef struct
{
  FeChartKind    kind;
  FeChartMeasure measure;
  FeChartSort    sort;
  gboolean       dark;
  /* The desktop's high-contrast style: pure background and text, every fill at least 3:1
   * against the background and parted from its neighbours by a gap of background, hatching
   * at full strength (fe_chart_theme_get_high_contrast(), fe_chart_color_for_high_contrast()). */
  gboolean       high_contrast;
  double         width;        /* in the layout's units (device-independent pixels) */
  double         height;
  double         text_scale;   /* 1.0 normal; larger for presentation */
  const char    *title;        /* NULL: the question's label */
  const char    *filter_text;  /* NULL or "": no filter */
  /* The variable the tally's weights are of (fe_query_get_weighted_by()): its percentages are
   * drawn and printed weighted, and say so; NULL, or a tally without weights: unweighted. A
   * count is never weighted. */
  const char    *weighted_by;
  /* Disclosure control (fe-disclosure.h): the threshold k, 0 to show every number as it is.
   * With k set, a number of fewer than k respondents is printed as "< k" and drawn as a
   * hatched stub, not to scale, and numbers that would let it be worked out by subtraction are
   * withheld too ("–"): what presentations and exports show. */
  guint          min_cell;
  /* With k set: print every number exactly and only mark (hatch) those under k, with a note
   * saying so. What the explore view shows the researcher; never for what leaves the screen. */
  gboolean       mark_small;
  /* With k set: merge the groups of the split that have fewer than k respondents into one
   * "Other" group (fe_tally_fold_small_groups()), which is itself withheld if still small. */
  gboolean       fold_small_groups;
  /* The output prints each group's number who answered beside its n, whatever the measure
   * (`summary`'s table does; a chart only when its shares are of those who answered): they add
   * up to the header's like the n, so they are protected like them. */
  gboolean       answered_printed;
  /* The language of the chart's words and of the codebook's labels on it (borrowed): the
   * chart is drawn in it whatever the process's language. NULL: the process's language and
   * the study's display language (fe_study_set_language()), as the window shows them. */
  FeCatalog     *catalog;
} FeChartSpec;

/* Bar, percent of each group's respondents, codebook order, light, 800 × 500, text scale 1;
 * every number shown (min_cell 0), nothing marked or folded; the process's language. */
void         fe_chart_spec_init           (FeChartSpec     *spec);
/* The chart a saved view asks for, as an audience sees it at threshold @k: the view's kind,
 * measure and sort over fe_chart_spec_init(). The one place a spec is made from a view. */
/* What the chart says of the query it draws: its filter, and what its percentages are weighted
 * by (both borrowed from @query). */
void         fe_chart_spec_set_query      (FeChartSpec       *spec,
                                           const FeQuery     *query);
void         fe_chart_spec_init_for_view  (FeChartSpec       *spec,
                                           const FeSavedView *view,
                                           guint              k,
                                           gboolean           fold_small_groups);

/* The kind to draw: AUTO, or a kind that cannot show @tally (a stacked bar of a multi-select
 * question, a grouped bar without a split), becomes the one that suits the question's role and
 * grouping. */
FeChartKind  fe_chart_kind_resolve        (FeChartKind      kind,
                                           const FeTally   *tally);
/* Whether @kind can show @tally as asked. */
gboolean     fe_chart_kind_applies        (FeChartKind      kind,
                                           const FeTally   *tally);
/* "auto", "bar", "grouped-bar", "stacked", "diverging", "heatmap" */
const char  *fe_chart_kind_to_string      (FeChartKind      kind);
gboolean     fe_chart_kind_from_string    (const char      *text,
                                           FeChartKind     *kind);
/* The kind as a person names it: "Grouped bar chart". */
const char  *fe_chart_kind_get_name       (FeChartKind      kind);
/* The kind among other kinds, as a choice: "Grouped Bars". */
const char  *fe_chart_kind_get_label      (FeChartKind      kind);
/* "count", "percent", "percent-answered" */
const char  *fe_chart_measure_to_string   (FeChartMeasure   measure);
gboolean     fe_chart_measure_from_string (const char      *text,
                                           FeChartMeasure  *measure);
/* "codebook", "value" */
const char  *fe_chart_sort_to_string      (FeChartSort      sort);
gboolean     fe_chart_sort_from_string    (const char      *text,
                                           FeChartSort     *sort);
/* Who the percentages of a chart of @kind (resolved, not AUTO) in @measure are of: those who
 * answered for a 100% bar or "percent-answered", else everybody in the group (a count's
 * description too). The data table and `summary` ask the same. */
FePercentOf  fe_chart_percent_of          (FeChartKind      kind,
                                           FeChartMeasure   measure);
/* The same for @spec drawing @tally. */
FePercentOf  fe_chart_spec_get_percent_of (const FeChartSpec *spec,
                                           const FeTally     *tally);
/* Whether each respondent gives at most one level (so the levels of a group add up to 100%). */
gboolean     fe_chart_question_is_single  (const FeColumn  *question);

G_END_DECLS
