/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-chart-histogram.h"

#include "fe-bins.h"
#include "fe-i18n.h"

gboolean
fe_chart_histogram_applies (const FeTally *tally)
{
  return tally->question->bins != NULL;
}

gboolean
fe_chart_histogram_is_bin (const FeTally *tally,
                           guint          level)
{
  return fe_chart_histogram_applies (tally) && level < tally->question->bins->n_bins;
}

void
fe_chart_histogram_append_note (const FeTally     *tally,
                                const FeChartSpec *spec,
                                GString           *note)
{
  g_autofree char *numbers = NULL;

  if (!fe_chart_histogram_applies (tally))
    return;
  /* Marking small numbers is for the researcher's own screen, which shows them all. */
  numbers = fe_numbers_describe (tally->n_numbers, tally->quartiles,
                                 spec->mark_small ? 0 : spec->min_cell,
                                 fe_tally_has_small_count (tally, spec->min_cell),
                                 spec->weighted_by != NULL && tally->w_counts != NULL);
  g_string_append_c (note, ' ');
  g_string_append (note, numbers);
  if (tally->n_levels > tally->question->bins->n_bins)
    {
      g_string_append_c (note, ' ');
      g_string_append (note, _("Answers that are not numbers are the last, thinner bars."));
    }
}
