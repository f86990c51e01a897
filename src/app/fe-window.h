/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fe-chart-view.h"
#include "fe-explore-state.h"
#include "fe-filter-panel.h"
#include "fe-filter.h"
#include "fe-quote-browser.h"
#include "fe-study.h"

G_BEGIN_DECLS

#define FE_TYPE_WINDOW (fe_window_get_type ())

G_DECLARE_FINAL_TYPE (FeWindow, fe_window, FE, WINDOW, AdwApplicationWindow)

FeWindow       *fe_window_new                (GtkApplication *application);
/* Loads on a worker thread; the window shows progress and stays responsive. */
void            fe_window_open_file          (FeWindow       *self,
                                              GFile          *file);
/* Responses chosen together with their codebook and coding export (a sandbox shows the app
 * only the files chosen), or a project. */
void            fe_window_open_files         (FeWindow       *self,
                                              GFile         **files,
                                              guint           n_files);
void            fe_window_open_sample        (FeWindow       *self);
gboolean        fe_window_is_loading         (FeWindow       *self);
/* The share of the current load done (0 to 1), 0 when nothing is loading. */
double          fe_window_get_load_fraction  (FeWindow       *self);
/* Loads the project's data again on the loading thread (after its corrections changed, say),
 * coming back to the same view; finishes with the new study, or the error that the window
 * showed (G_IO_ERROR_CANCELLED when another load replaced it or the window closed). */
void            fe_window_reload_project_async  (FeWindow            *self,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             data);
FeStudy        *fe_window_reload_project_finish (FeWindow            *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
/* Whether the window says that the responses file changed on disk since it was opened. */
gboolean        fe_window_get_file_changed   (FeWindow       *self);
/* Reloads after such a change, as the banner's Reload button does. */
void            fe_window_reload_changed     (FeWindow       *self);
FeStudy        *fe_window_get_study          (FeWindow       *self);
/* What the window explores: the study, question, split, filter, chart and selection. */
FeExploreState *fe_window_get_state          (FeWindow       *self);
FeChartView    *fe_window_get_chart_view     (FeWindow       *self);
FeQuoteBrowser *fe_window_get_quote_browser  (FeWindow       *self);
FeFilterPanel  *fe_window_get_filter_panel   (FeWindow       *self);
/* The message of the last error shown, or NULL. */
const char     *fe_window_get_last_error     (FeWindow       *self);

G_END_DECLS
