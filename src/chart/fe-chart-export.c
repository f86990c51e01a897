/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-chart-export.h"

#include <cairo-pdf.h>
#include "fe-i18n.h"
#include <math.h>

#include "fe-chart-enums.h"
#include "fe-chart-layout-private.h"
#include "fe-enum.h"
#include "fe-file.h"

/* Past this a PNG needs gigabytes; cairo's own limit is 32767 pixels a side. */
#define MAX_PIXELS_SIDE 16384.0
/* A CSS pixel in PDF points: charts come out the size they look on screen. */
#define POINTS_PER_UNIT 0.75

G_DEFINE_QUARK (fe-chart-error-quark, fe_chart_error)

gboolean
fe_chart_format_from_path (const char    *path,
                           FeChartFormat *format)
{
  const char *dot;
  g_autofree char *extension = NULL;
  int value;

  g_return_val_if_fail (path != NULL && format != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;
  extension = g_ascii_strdown (dot + 1, -1);
  if (!fe_enum_from_nick (FE_TYPE_CHART_FORMAT, extension, &value))
    return FALSE;
  *format = (FeChartFormat) value;
  return TRUE;
}

cairo_status_t
fe_chart_append_bytes (void                *closure,
                       const unsigned char *data,
                       unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, FE_CHART_ERROR, FE_CHART_ERROR_RENDER, _("Could not draw the chart: %s."),
               cairo_status_to_string (status));
  return FALSE;
}

static GBytes *
render_png (const FeChartLayout *layout,
            double               scale,
            GError             **error)
{
  int width = (int) ceil (layout->width * scale - 1e-6);
  int height = (int) ceil (layout->height * scale - 1e-6);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (width > MAX_PIXELS_SIDE || height > MAX_PIXELS_SIDE)
    {
      g_set_error (error, FE_CHART_ERROR, FE_CHART_ERROR_SIZE,
                   _("A PNG of %d × %d pixels is too large; the most is %.0f on a side."),
                   width, height, MAX_PIXELS_SIDE);
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  fe_chart_layout_paint (layout, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, fe_chart_append_bytes, bytes);
  cairo_surface_destroy (surface);
  if (!check_status (status, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static GBytes *
render_pdf (const FeChartLayout *layout,
            GError             **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (fe_chart_append_bytes, bytes,
                                                 layout->width * POINTS_PER_UNIT,
                                                 layout->height * POINTS_PER_UNIT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, layout->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, layout->summary);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Findings Explorer");
  cr = cairo_create (surface);
  cairo_scale (cr, POINTS_PER_UNIT, POINTS_PER_UNIT);
  fe_chart_layout_paint (layout, cr);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!check_status (status, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

GBytes *
fe_chart_layout_render (const FeChartLayout *layout,
                        FeChartFormat        format,
                        double               device_scale,
                        GError             **error)
{
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(device_scale > 0 && device_scale <= 16))
    {
      g_set_error (error, FE_CHART_ERROR, FE_CHART_ERROR_SIZE,
                   _("The scale must be above 0 and at most 16, not %g."), device_scale);
      return NULL;
    }

  switch (format)
    {
    case FE_CHART_FORMAT_PNG:
      return render_png (layout, device_scale, error);
    case FE_CHART_FORMAT_SVG:
      {
        char *svg = fe_chart_layout_to_svg (layout);

        return g_bytes_new_take (svg, strlen (svg));
      }
    case FE_CHART_FORMAT_PDF:
      return render_pdf (layout, error);
    default:
      g_set_error (error, FE_CHART_ERROR, FE_CHART_ERROR_FORMAT, _("Unknown chart format."));
      return NULL;
    }
}

static gboolean
write_file (const char  *path,
            const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (fe_file_replace_contents (path, data, length, &local_error))
    return TRUE;
  g_set_error (error, FE_CHART_ERROR, FE_CHART_ERROR_WRITE, _("Could not write %s: %s"), path,
               local_error->message);
  return FALSE;
}

/* Lays the chart out and renders it, its layout returned in @layout_out. */
static GBytes *
render_chart (const FeChartSpec  *spec,
              const FeTally      *tally,
              FeChartFormat       format,
              double              device_scale,
              FeChartLayout     **layout_out,
              GError            **error)
{
  g_autoptr(FeChartLayout) layout = NULL;
  GBytes *bytes;

  if (!(spec->width >= 1 && spec->height >= 1 && spec->width <= MAX_PIXELS_SIDE
        && spec->height <= MAX_PIXELS_SIDE))
    {
      g_set_error (error, FE_CHART_ERROR, FE_CHART_ERROR_SIZE,
                   _("A chart of %g × %g is not possible; width and height go from 1 to %.0f."),
                   spec->width, spec->height, MAX_PIXELS_SIDE);
      return NULL;
    }

  layout = fe_chart_layout_new (spec, tally, NULL);
  bytes = fe_chart_layout_render (layout, format, device_scale, error);
  if (bytes != NULL && layout_out != NULL)
    *layout_out = g_steal_pointer (&layout);
  return bytes;
}

static gboolean
export_chart (const FeChartSpec *spec,
                 const FeTally     *tally,
                 FeChartFormat      format,
                 double             device_scale,
                 const char        *path,
                 const char        *layout_json_path,
                 GError           **error)
{
  g_autoptr(FeChartLayout) layout = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (spec != NULL && tally != NULL && path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = render_chart (spec, tally, format, device_scale, &layout, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  if (!write_file (path, data, length, error))
    return FALSE;

  if (layout_json_path != NULL)
    {
      /* A PNG's pixels are layout units times the scale; vector formats keep layout units. */
      g_autofree char *json = fe_chart_layout_to_json_scaled (layout, format == FE_CHART_FORMAT_PNG
                                                                      ? device_scale : 1.0);

      if (!write_file (layout_json_path, json, strlen (json), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
fe_chart_export (const FeChartSpec *spec,
                 const FeTally     *tally,
                 FeChartFormat      format,
                 double             device_scale,
                 const char        *path,
                 const char        *layout_json_path,
                 GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (spec != NULL && tally != NULL && path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Its messages too in the chart's language. */
  fe_catalog_push_thread_default (spec->catalog);
  ok = export_chart (spec, tally, format, device_scale, path, layout_json_path, error);
  fe_catalog_pop_thread_default (spec->catalog);
  return ok;
}

GBytes *
fe_chart_export_bytes (const FeChartSpec *spec,
                       const FeTally     *tally,
                       FeChartFormat      format,
                       double             device_scale,
                       GError           **error)
{
  GBytes *bytes;

  g_return_val_if_fail (spec != NULL && tally != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  fe_catalog_push_thread_default (spec->catalog);
  bytes = render_chart (spec, tally, format, device_scale, NULL, error);
  fe_catalog_pop_thread_default (spec->catalog);
  return bytes;
}
