/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fe-chart-layout.h"
#include "fe-chart-style.h"
#include "fe-chart-text.h"

G_BEGIN_DECLS

typedef enum
{
  FE_CHART_ALIGN_START,
  FE_CHART_ALIGN_CENTER,
  FE_CHART_ALIGN_END,
} FeChartAlign;

/* A label with what it takes to paint it. */
typedef struct
{
  FeChartLabel  label;        /* first: fe_chart_layout_get_label() hands out its address */
  FeChartFont   font;
  FeChartAlign  align;
  FeChartColor  color;
  FeChartColor  background;   /* what the text is painted on, for its contrast */
  int           on_segment;   /* the segment it is painted inside, or -1 */
  char        **lines;
  double       *line_widths;
  guint         n_lines;
  double        line_height;
  double        baseline;
} FeChartLabelItem;

typedef enum
{
  FE_CHART_MARK_RECT,
  FE_CHART_MARK_LINE,
} FeChartMarkKind;

/* Everything drawn that is neither data nor text: swatches, baselines, separators. */
typedef struct
{
  FeChartMarkKind kind;
  gboolean        above;      /* painted over the segments */
  double          x, y, w, h; /* a line runs from (x, y) to (x + w, y + h) */
  double          line_width;
  FeChartColor    color;
} FeChartMark;

struct _FeChartLayout
{
  FeChartKind     kind;
  FeChartMeasure  measure;
  gboolean        dark;
  double          width;
  double          height;
  double          font_scale;  /* the text scale in effect once fitted to the canvas */
  char           *title;
  char           *summary;
  char           *font_family;
  PangoFontMap   *font_map;
  FeChartTheme    theme;
  GArray         *segments;    /* FeChartSegment */
  GArray         *fills;       /* FeChartColor, one per segment */
  GArray         *labels;      /* FeChartLabelItem */
  GArray         *marks;       /* FeChartMark */
};

/* Lays out @tally on @layout (whose arrays are empty) with fonts at @text's scale. Returns
 * FALSE when something does not fit and @force is not set: the caller tries smaller type. */
gboolean      fe_chart_layout_build        (FeChartLayout     *layout,
                                            const FeChartSpec *spec,
                                            const FeTally     *tally,
                                            FeChartText       *text,
                                            guint              attempt,
                                            gboolean           force);
void          fe_chart_layout_clear        (FeChartLayout     *layout);

const FeChartLabelItem *fe_chart_layout_get_label_item (const FeChartLayout *layout,
                                                        guint                index);
const FeChartMark      *fe_chart_layout_get_mark       (const FeChartLayout *layout,
                                                        guint                index);
guint                   fe_chart_layout_get_n_marks    (const FeChartLayout *layout);
FeChartColor            fe_chart_layout_get_fill       (const FeChartLayout *layout,
                                                        guint                segment);

/* The x of a label's line @index, and the baseline of that line. */
double        fe_chart_label_line_x        (const FeChartLabelItem *item,
                                            guint                   index);
double        fe_chart_label_line_baseline (const FeChartLabelItem *item,
                                            guint                   index);

/* The chart as SVG 1.1, text kept as text. */
char         *fe_chart_layout_to_svg       (const FeChartLayout *layout);

G_END_DECLS
