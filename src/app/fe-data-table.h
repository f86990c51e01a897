/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fe-explore-state.h"
#include "fe-percent.h"
#include "fe-tally.h"

G_BEGIN_DECLS

#define FE_TYPE_DATA_TABLE (fe_data_table_get_type ())

G_DECLARE_FINAL_TYPE (FeDataTable, fe_data_table, FE, DATA_TABLE, GtkBox)

/* The chart's numbers as a table (a GtkColumnView): one row per level, a column per group with its base, each
 * percentage of @of, the chart's (fe_chart_spec_get_percent_of()), weighted by @weighted_by
 * (the caption says so) when the tally is weighted. */
void  fe_data_table_set_tally   (FeDataTable   *self,
                                 const FeTally *tally,
                                 FePercentOf    of,
                                 const char    *weighted_by);
/* Shows the numbers of what @state explores, as it changes. */
void  fe_data_table_set_state   (FeDataTable    *self,
                                 FeExploreState *state);
/* Does what activating the row of @level does (Enter on it): emits "level-activated". FALSE
 * when no row shows @level. */
gboolean fe_data_table_activate_level (FeDataTable *self,
                                       int          level);
/* The table as tab-separated text, as Copy Table puts it on the clipboard. */
char *fe_data_table_dup_text    (FeDataTable   *self);

G_END_DECLS
