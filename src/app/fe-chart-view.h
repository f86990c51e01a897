/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fe-chart-layout.h"
#include "fe-chart-spec.h"
#include "fe-explore-state.h"
#include "fe-tally.h"

G_BEGIN_DECLS

#define FE_TYPE_CHART_VIEW (fe_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (FeChartView, fe_chart_view, FE, CHART_VIEW, GtkWidget)

/* The chart engine's layout in a widget: laid out at the widget's size and in its style, with
 * hover, tooltips, keyboard focus over segments and a selection. Emits "segment-activated" with
 * the segment index when a segment is clicked or Enter is pressed on it. */
GtkWidget           *fe_chart_view_new            (void);
/* Shows @tally (taken over) as @spec says; the size and dark style are the widget's own. */
void                 fe_chart_view_set_chart      (FeChartView       *self,
                                                   const FeChartSpec *spec,
                                                   FeTally           *tally);
void                 fe_chart_view_clear          (FeChartView       *self);
/* Shows what @state explores, as it changes, and selects through it: a click selects the
 * segment in @state, and a quote's respondent highlights their segments. */
void                 fe_chart_view_set_state      (FeChartView       *self,
                                                   FeExploreState    *state);
/* Does what a click at (@x, @y) does; FALSE when no segment is there. */
gboolean             fe_chart_view_click_at       (FeChartView       *self,
                                                   double             x,
                                                   double             y);
const FeChartLayout *fe_chart_view_get_layout     (FeChartView       *self);
const FeTally       *fe_chart_view_get_tally      (FeChartView       *self);
/* -1: none */
void                 fe_chart_view_set_selected   (FeChartView       *self,
                                                   int                segment);
int                  fe_chart_view_get_selected   (FeChartView       *self);
int                  fe_chart_view_get_focused    (FeChartView       *self);
/* Segments to mark, e.g. those the selected quote's respondent belongs to. */
void                 fe_chart_view_set_marked     (FeChartView       *self,
                                                   GArray            *segments);
/* A slide: the chart's type grows while the chart still fits the view as well, to fill a screen
 * rather than its top, and it follows no pointer (no hover, tooltip, click or focus). */
void                 fe_chart_view_set_presenting (FeChartView       *self,
                                                   gboolean           presenting);
/* While presenting, the chart's type times @scale: the slide's, larger on a larger screen. */
void                 fe_chart_view_set_slide_scale (FeChartView      *self,
                                                    double            scale);

G_END_DECLS
