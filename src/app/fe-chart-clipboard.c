/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Taking a chart into a slide deck: the clipboard and drag and drop carry the exported chart. */
#include "config.h"

#include "fe-chart-clipboard.h"

#include "fe-chart-export.h"

static GBytes *
render_png (const FeChartSpec *spec,
            const FeTally     *tally,
            GError           **error)
{
  return fe_chart_export_bytes (spec, tally, FE_CHART_FORMAT_PNG, FE_CHART_CLIPBOARD_SCALE,
                                error);
}

GdkContentProvider *
fe_chart_clipboard_provider_new (const FeChartSpec *spec,
                                 const FeTally     *tally,
                                 GError           **error)
{
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  GdkContentProvider *providers[2];

  png = render_png (spec, tally, error);
  if (png == NULL)
    return NULL;
  svg = fe_chart_export_bytes (spec, tally, FE_CHART_FORMAT_SVG, 1.0, error);
  if (svg == NULL)
    return NULL;
  /* The PNG first: most slide tools paste what is offered first that they can read. */
  providers[0] = gdk_content_provider_new_for_bytes ("image/png", png);
  providers[1] = gdk_content_provider_new_for_bytes ("image/svg+xml", svg);
  return gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
}

GdkContentProvider *
fe_chart_drag_provider_new (const FeChartSpec *spec,
                            const FeTally     *tally,
                            const char        *name,
                            GError           **error)
{
  g_autoptr(GBytes) png = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  GdkContentProvider *providers[2];

  png = render_png (spec, tally, error);
  if (png == NULL)
    return NULL;
  /* A folder of its own, so that the file keeps the question's name whatever else is there. */
  folder = g_dir_make_tmp ("findings-explorer-XXXXXX", error);
  if (folder == NULL)
    return NULL;
  file_name = g_strconcat (name, ".png", NULL);
  path = g_build_filename (folder, file_name, NULL);
  if (!g_file_set_contents (path, g_bytes_get_data (png, NULL), (gssize) g_bytes_get_size (png),
                            error))
    return NULL;
  file = g_file_new_for_path (path);
  providers[0] = gdk_content_provider_new_typed (G_TYPE_FILE, file);
  providers[1] = gdk_content_provider_new_for_bytes ("image/png", png);
  return gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
}
