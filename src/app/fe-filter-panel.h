/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fe-filter.h"
#include "fe-study.h"

G_BEGIN_DECLS

#define FE_TYPE_FILTER_PANEL (fe_filter_panel_get_type ())

G_DECLARE_FINAL_TYPE (FeFilterPanel, fe_filter_panel, FE, FILTER_PANEL, GtkBox)

/* Check boxes for the levels of every attribute and closed question, each with the count it
 * would have under the other filters. Edits @filter (owned by the caller) and emits "changed". */
void            fe_filter_panel_set_study        (FeFilterPanel  *self,
                                                  FeStudy        *study,
                                                  FeFilter       *filter);
/* Re-reads @filter and recounts, after it changed elsewhere. */
void            fe_filter_panel_refresh          (FeFilterPanel  *self);
GtkCheckButton *fe_filter_panel_get_check_button (FeFilterPanel  *self,
                                                  const FeColumn *column,
                                                  guint           level);
guint           fe_filter_panel_get_count        (FeFilterPanel  *self,
                                                  const FeColumn *column,
                                                  guint           level);

G_END_DECLS
