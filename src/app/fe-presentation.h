/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fe-chart-view.h"
#include "fe-project.h"
#include "fe-study.h"

G_BEGIN_DECLS

#define FE_TYPE_PRESENTATION (fe_presentation_get_type ())

G_DECLARE_FINAL_TYPE (FePresentation, fe_presentation, FE, PRESENTATION, AdwWindow)

/* The project's saved views full screen, one at a time, with disclosure threshold @k applied
 * to every number and attribution. Page Down/Up and Space (what a clicker sends) step through
 * each view and then its starred quotes; Left/Right move between views and Down/Up between
 * a view's quotes; Escape leaves. */
FePresentation *fe_presentation_new          (GtkWindow      *parent,
                                              FeStudy        *study,
                                              FeProject      *project,
                                              guint           k,
                                              gboolean        fold_small_groups,
                                              guint           first_view);
guint           fe_presentation_get_view     (FePresentation *self);
/* -1 while the chart is shown, else the starred quote on screen. */
int             fe_presentation_get_quote    (FePresentation *self);
void            fe_presentation_next         (FePresentation *self);
void            fe_presentation_previous     (FePresentation *self);
void            fe_presentation_next_quote   (FePresentation *self);
const char     *fe_presentation_get_quote_text (FePresentation *self);
const char     *fe_presentation_get_attribution (FePresentation *self);
FeChartView    *fe_presentation_get_chart_view (FePresentation *self);
/* "View 2 of 6", as the room reads it. */
GtkWidget      *fe_presentation_get_footer   (FePresentation *self);

G_END_DECLS
