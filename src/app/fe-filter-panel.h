/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fe-explore-state.h"
#include "fe-filter.h"

G_BEGIN_DECLS

#define FE_TYPE_FILTER_PANEL (fe_filter_panel_get_type ())

G_DECLARE_FINAL_TYPE (FeFilterPanel, fe_filter_panel, FE, FILTER_PANEL, GtkBox)

/* Check boxes for the levels of every attribute and closed question of @state's study, each
 * with the count it would have under the other filters, following the state's filter and
 * changing it. */
void            fe_filter_panel_set_state        (FeFilterPanel  *self,
                                                  FeExploreState *state);
GtkCheckButton *fe_filter_panel_get_check_button (FeFilterPanel  *self,
                                                  const FeColumn *column,
                                                  guint           level);
guint           fe_filter_panel_get_count        (FeFilterPanel  *self,
                                                  const FeColumn *column,
                                                  guint           level);

G_END_DECLS
