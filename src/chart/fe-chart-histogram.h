/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-chart-spec.h"
#include "fe-tally.h"

G_BEGIN_DECLS

/* A numeric question's chart is a histogram: its bins are bars that touch, in the order of
 * their numbers whatever the sort, since a gap or a shuffle would break the shape people read.
 * Answers that are not numbers ("Prefer not to say") follow as thinner bars of their own. */
gboolean  fe_chart_histogram_applies     (const FeTally     *tally);
/* Whether @level is one of the bins, not an answer after them. */
gboolean  fe_chart_histogram_is_bin      (const FeTally     *tally,
                                          guint              level);
/* Appends the median and quartiles of the numbers of the respondents counted (not of the bins)
 * to a chart's @note, withheld under @spec's threshold. */
void      fe_chart_histogram_append_note (const FeTally     *tally,
                                          const FeChartSpec *spec,
                                          GString           *note);

G_END_DECLS
