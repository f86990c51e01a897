/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fe-explore-state.h"

G_BEGIN_DECLS

/* A numeric question's range in the filter panel: "From [20–29] to [40–49]", two lists of its
 * bins. A range is whole bins, so what it keeps is exactly what the bins' counts say; picking
 * one filters at once, and the bins' check boxes below show the counts. The whole range is no
 * filter on the column. */
GtkWidget *fe_range_row_new (FeExploreState *state,
                             const FeColumn *column);

G_END_DECLS
