/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "fe-chart-spec.h"
#include "fe-chart-style.h"
#include "fe-chart-types.h"
#include "fe-disclosure.h"
#include "fe-tally.h"

G_BEGIN_DECLS

/* The group of a segment in the "Other" group of a chart whose small groups were folded
 * (FeChartSpec.fold_small_groups): it stands for several levels of the split-by column. */
#define FE_CHART_GROUP_OTHER (-2)

/* One drawn piece of data: a bar, a part of a stacked bar, a heat-map cell. */
typedef struct
{
  int     level;         /* level/code index of the question */
  int     group;         /* level index of the split-by column, -1 when not split (or the
                          * "All respondents" row of a stacked chart), FE_CHART_GROUP_OTHER */
  guint   count;         /* respondents in the segment; 0 when withheld (see below) */
  guint   base;          /* the base it is a share of; 0 when withheld */
  double  value;         /* what is drawn, in the spec's measure; 0 when withheld */
  /* Its share of the base as printed, weighted when the chart's percentages are
   * (fe_share_round()); 0 when its count or base is withheld. */
  guint   percent;
  /* FE_CELL_SHOWN, or why the segment's numbers are held back under the spec's min_cell:
   * FE_CELL_SMALL (fewer than k, printed "< k") or FE_CELL_HIDDEN (it would give a small one
   * away). In a layout that withholds (fe_chart_layout_withholds()), such a segment is a stub
   * not drawn to scale and its count, base and value are 0 so that no consumer can leak them;
   * in one that only marks (spec->mark_small), SMALL segments keep their exact numbers. */
  FeCellDisclosure disclosure;
  /* The same for the base alone: a shown count can be of a withheld base. */
  FeCellDisclosure base_disclosure;
  double  x, y, w, h;    /* the drawn rectangle in layout units; w is 0 for a zero bar */
  char   *description;   /* "Substance use, Gwent Police: 7 of 12 respondents, 58%" */
  /* Where pointer and focus find the segment: its rectangle, widened to a few units for a zero
   * or hairline bar so that it can still be hovered, clicked and ringed. */
  double  target_x, target_y, target_w, target_h;
} FeChartSegment;

/* One piece of text on the chart, as shown: lines joined by "\n", an ellipsis where cut. */
typedef struct
{
  char   *text;
  double  x, y, w, h;
  char   *full_text;     /* before wrapping and ellipsizing: a tooltip for a cut label */
} FeChartLabel;

/* A chart laid out for one size: every segment and label with its rectangle. It holds no
 * pointer to the tally, the study or the spec's strings. Immutable once built. */
FeChartLayout        *fe_chart_layout_new              (const FeChartSpec    *spec,
                                                        const FeTally        *tally,
                                                        PangoContext         *context);
void                  fe_chart_layout_free             (FeChartLayout        *layout);

FeChartKind           fe_chart_layout_get_kind         (const FeChartLayout  *layout);
double                fe_chart_layout_get_width        (const FeChartLayout  *layout);
double                fe_chart_layout_get_height       (const FeChartLayout  *layout);
gboolean              fe_chart_layout_get_dark         (const FeChartLayout  *layout);
/* The text scale the chart was laid out at: the spec's, or less where the spec's did not fit. */
double                fe_chart_layout_get_text_scale   (const FeChartLayout  *layout);
/* Whether numbers of fewer than the spec's min_cell are withheld (min_cell set and not
 * mark_small), rather than shown exactly or marked. */
gboolean              fe_chart_layout_withholds        (const FeChartLayout  *layout);
/* The title as drawn (the spec's, else the question's label). */
const char           *fe_chart_layout_get_title        (const FeChartLayout  *layout);

guint                 fe_chart_layout_get_n_segments   (const FeChartLayout  *layout);
/* Segments come in reading order (top to bottom, then left to right): the keyboard's order. */
const FeChartSegment *fe_chart_layout_get_segment      (const FeChartLayout  *layout,
                                                        guint                 index);
/* The segment of @level and @group, or -1 (a zero part of a stacked bar is not drawn). */
int                   fe_chart_layout_find_segment     (const FeChartLayout  *layout,
                                                        int                   level,
                                                        int                   group);
guint                 fe_chart_layout_get_n_labels     (const FeChartLayout  *layout);
const FeChartLabel   *fe_chart_layout_get_label        (const FeChartLayout  *layout,
                                                        guint                 index);

/* The segment at (@x, @y) in layout units, or -1. */
int                   fe_chart_layout_hit_test         (const FeChartLayout  *layout,
                                                        double                x,
                                                        double                y);
/* The nearest segment from @segment in the direction (@dx, @dy), one of them 0 and the other
 * -1 or 1, whose middle lies within @segment's row (or column); @segment itself when there is
 * none. A heat map's arrow keys move on its grid this way. */
int                   fe_chart_layout_find_neighbour   (const FeChartLayout  *layout,
                                                        int                   segment,
                                                        int                   dx,
                                                        int                   dy);

/* Paints the chart with its background at (0, 0) in user units of @cr. */
void                  fe_chart_layout_paint            (const FeChartLayout  *layout,
                                                        cairo_t              *cr);
/* Paints the hover (@selected FALSE) or selection and focus (@selected TRUE) mark of one
 * segment over a painted chart. */
void                  fe_chart_layout_paint_highlight  (const FeChartLayout  *layout,
                                                        cairo_t              *cr,
                                                        int                   segment,
                                                        gboolean              selected);
/* Where any mark of @segment (highlight, selection or focus ring) may paint: its target and
 * the rings around it, so that a mark can be drawn into that area alone. */
cairo_rectangle_t     fe_chart_layout_get_mark_area    (const FeChartLayout  *layout,
                                                        int                   segment);
/* Paints the keyboard focus ring of one segment over a painted chart: 2 units of @accent (the
 * desktop's accent colour) just outside its target, edged with the background so that it reads
 * on dark and light neighbours alike. */
void                  fe_chart_layout_paint_focus      (const FeChartLayout  *layout,
                                                        cairo_t              *cr,
                                                        int                   segment,
                                                        const FeChartColor   *accent);

/* {"width", "height", "kind", "measure", "title", "description", "min_cell", "percent_of",
 * "weighted_by" (only when its percentages are weighted),
 * "segments": [{"level", "group", "count", "base", "value", "percent", "disclosure", "x", "y",
 * "w", "h", "description"}…], "labels": [{"text", "x", "y", "w", "h"}…]}. "percent_of" is
 * "respondents" or "answered" (fe_chart_percent_of()), the base every segment's "percent"
 * (rounded as fe_percent_round(), of the case weights when "weighted_by" names the weight
 * variable, else of "count" and "base") is of, whatever the measure. "disclosure" is "shown",
 * "small" or "hidden"; in a layout that withholds, "count", "base" and "value" of a segment
 * that is not shown (and "base" of a withheld base) are null, never the number. */
char                 *fe_chart_layout_to_json          (const FeChartLayout  *layout);
/* The same with every coordinate multiplied by @scale: a PNG's pixels at a device scale. */
char                 *fe_chart_layout_to_json_scaled   (const FeChartLayout  *layout,
                                                        double                scale);
/* One paragraph summarising the chart for a screen reader. */
char                 *fe_chart_layout_describe         (const FeChartLayout  *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeChartLayout, fe_chart_layout_free)

G_END_DECLS
