/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fe-chart-spec.h"

G_BEGIN_DECLS

/* The pixels per layout unit of a chart copied or dragged out: as `export` and the Export menu
 * draw a PNG, so that a slide gets the same chart whichever way it came. */
#define FE_CHART_CLIPBOARD_SCALE 2.0

/* What a copied chart offers: a PNG at FE_CHART_CLIPBOARD_SCALE and the SVG, for targets that
 * take vectors; NULL with @error when the chart cannot be drawn. */
GdkContentProvider *fe_chart_clipboard_provider_new (const FeChartSpec *spec,
                                                     const FeTally     *tally,
                                                     GError           **error);
/* What a chart dragged out of the window offers: a PNG file named @name (".png" added) in a
 * fresh temporary folder, for file managers and slide tools that take files, and the PNG
 * itself. */
GdkContentProvider *fe_chart_drag_provider_new      (const FeChartSpec *spec,
                                                     const FeTally     *tally,
                                                     const char        *name,
                                                     GError           **error);

G_END_DECLS
