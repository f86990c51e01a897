/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the chart builder's files share: the build in progress, the formatting and placing that
 * every kind uses (fe-chart-build.c), and each kind's layout of its plot area. */
#pragma once

#include "fe-chart-layout-private.h"

G_BEGIN_DECLS

/* The smallest width a pointer or a focus ring can find: a zero bar is drawn as nothing, but
 * it is still an answer that people can pick to read about. */
#define MIN_TARGET 6.0
/* The length of a withheld bar: there, visibly, but far from any real bar's length. */
#define STUB 10.0
#define NBSP "\u00a0"

/* A bar (or row, or column) of the chart: one group of the split, or everybody. */
typedef struct
{
  int          group;     /* level of the split-by column, -1 for everybody, or
                           * FE_CHART_GROUP_OTHER */
  int          row;       /* its row of the disclosure: -1 for everybody, else the tally's
                           * group index */
  const char  *name;
  guint        base;
  guint        answered;
  const guint *counts;
  /* The case weights behind base, answered and counts when the chart's percentages are
   * weighted (Build.weighted), else NULL. */
  double        w_base;
  double        w_answered;
  const double *w_counts;
  double       key;       /* for sorting rows by value */
} Series;

typedef struct
{
  FeChartLayout     *layout;
  const FeChartSpec *spec;
  const FeChartData *data;
  const FeTally     *tally;
  gboolean           weighted;    /* its percentages are of case weights (fe_chart_weighted()) */
  char              *small_text;  /* "< 5" */
  gboolean           any_small;   /* something shown is withheld or marked as small */
  gboolean           any_hidden;  /* something shown is withheld to protect a small one */
  FeChartText       *text;
  const FeChartTheme *theme;
  gboolean           force;
  double             scale;     /* font scale in effect */
  double             margin;
  guint              title_lines;
  guint              note_lines;
  gboolean           compact;
  GArray            *series;    /* Series */
  gboolean           has_total; /* series 0 is "All respondents" above the groups */
  guint             *order;     /* levels in drawing order */
  /* the plot area, between the header (and legend) and the note */
  double             px, py, pw, ph;
  double             note_height;
  double             plot_bottom; /* where the drawn plot ends */
  gboolean           lost_n;      /* a group's n did not fit: try smaller type */
  gboolean           note_cut;    /* the note did not fit whole: try smaller type */
} Build;

/* A coded or multi-select question split by itself, drawn as its themes' co-occurrence; and
 * whether it shows their overlap (Jaccard) rather than counts (fe-chart-build.c). */
gboolean fe_chart_build_is_cooccurrence (const Build *b);
gboolean fe_chart_build_shows_overlap   (const Build *b);

/* Values and how they are written, withheld or not (fe-chart-build.c). */
FeCellDisclosure fe_chart_build_base_state (const Build  *b,
                                            const Series *series);
char *fe_chart_build_describe_withheld (const Build      *b,
                                        const char       *level,
                                        const Series     *series,
                                        FeCellDisclosure  state);
FeCellDisclosure fe_chart_build_cell_state (const Build  *b,
                                            const Series *series,
                                            guint         level);
gboolean fe_chart_build_withheld (const Build      *b,
                                  FeCellDisclosure  state);
guint fe_chart_build_series_base (const Build  *b,
                                  const Series *series);
FeShare fe_chart_build_share (const Build  *b,
                              const Series *series,
                              guint         level);
double fe_chart_build_measure_value (const Build   *b,
                                     const FeShare *share);
char *fe_chart_build_format_value (const Build   *b,
                                   const FeShare *share);
char *fe_chart_build_format_withheld (const Build      *b,
                                      FeCellDisclosure  state);
char *fe_chart_build_format_cell (const Build      *b,
                                  FeCellDisclosure  state,
                                  const FeShare    *share);
char *fe_chart_build_format_n (guint n);
char *fe_chart_build_format_series_n (const Build  *b,
                                      const Series *series);

/* Placing what is drawn (fe-chart-build.c). */
GPtrArray *fe_chart_build_lines_array_new (void);
double fe_chart_build_lines_height (const FeChartLines *lines);
guint fe_chart_build_lines_for_pitch (const Build *b,
                                      double       pitch,
                                      guint        most);
int fe_chart_build_place_label (Build        *b,
                                FeChartLines *lines,
                                const char   *full_text,
                                FeChartFont   font,
                                double        x,
                                double        y,
                                FeChartAlign  align,
                                FeChartColor  color,
                                FeChartColor  background,
                                int           on_segment);
void fe_chart_build_place_row_label (Build        *b,
                                     FeChartLines *lines,
                                     const char   *full,
                                     double        right,
                                     double        centre);
void fe_chart_build_label_inside (Build       *b,
                                  int          segment_index,
                                  const char  *value_text);
void fe_chart_build_add_rect (Build        *b,
                              double        x,
                              double        y,
                              double        w,
                              double        h,
                              FeChartColor  color);
void fe_chart_build_add_line (Build        *b,
                              double        x1,
                              double        y1,
                              double        x2,
                              double        y2,
                              double        line_width,
                              FeChartColor  color,
                              gboolean      above);
int fe_chart_build_add_segment (Build        *b,
                                int           level,
                                const Series *series,
                                double        x,
                                double        y,
                                double        w,
                                double        h,
                                FeChartColor  fill);
FeChartColor fe_chart_build_level_color (const Build *b,
                                         guint        level);
guint fe_chart_build_scale_levels (const Build *b);

/* The kinds, each laying out its plot area: bars and grouped bars (fe-chart-bars.c), stacked
 * and diverging bars (fe-chart-stacked.c), the heat map (fe-chart-heatmap.c). */
gboolean fe_chart_build_build_bars (Build *b);
gboolean fe_chart_build_build_stacked (Build *b);
gboolean fe_chart_build_build_heatmap (Build *b);

G_END_DECLS
