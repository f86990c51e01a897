/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-chart-layout.h"
#include "fe-chart-spec.h"

G_BEGIN_DECLS

#define FE_CHART_ERROR (fe_chart_error_quark ())

typedef enum
{
  FE_CHART_ERROR_FORMAT,  /* a file name whose extension is not .png, .svg or .pdf */
  FE_CHART_ERROR_SIZE,    /* a size or scale no surface can have */
  FE_CHART_ERROR_RENDER,  /* cairo failed */
  FE_CHART_ERROR_WRITE,   /* the file could not be written */
} FeChartError;

/* The nicks are the files' extensions (fe-enum.h). */
typedef enum
{
  FE_CHART_FORMAT_PNG,  /*< nick=png >*/
  FE_CHART_FORMAT_SVG,  /*< nick=svg >*/
  FE_CHART_FORMAT_PDF,  /*< nick=pdf >*/
} FeChartFormat;

GQuark      fe_chart_error_quark       (void);

/* From the extension of @path, case-insensitive. */
gboolean    fe_chart_format_from_path  (const char        *path,
                                        FeChartFormat     *format);

/* Renders the chart into memory: PNG at @device_scale pixels per layout unit; SVG in layout
 * units with text as text; PDF as one vector page, a layout unit being a CSS pixel (3/4 pt). */
GBytes     *fe_chart_layout_render     (const FeChartLayout *layout,
                                        FeChartFormat      format,
                                        double             device_scale,
                                        GError           **error);

/* Lays out and writes the chart to @path, and its layout as JSON to @layout_json_path (in the
 * export's pixels) when given. Each file is written to a temporary file and renamed over
 * @path, so a failed export never leaves half a file behind. */
gboolean    fe_chart_export            (const FeChartSpec *spec,
                                        const FeTally     *tally,
                                        FeChartFormat      format,
                                        double             device_scale,
                                        const char        *path,
                                        const char        *layout_json_path,
                                        GError           **error);

/* The same chart as fe_chart_export() writes, in memory: for the clipboard and for dragging
 * it out, so that a chart pasted into a slide is the exported one, disclosure control and
 * all. */
GBytes     *fe_chart_export_bytes      (const FeChartSpec *spec,
                                        const FeTally     *tally,
                                        FeChartFormat      format,
                                        double             device_scale,
                                        GError           **error);

G_END_DECLS
