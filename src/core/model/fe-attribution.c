/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-attribution.h"

#include "fe-i18n.h"

#include "fe-quote.h"
#include "fe-study.h"

char *
fe_study_dup_attribution (FeStudy *study,
                          guint    row)
{
  return fe_study_dup_attribution_k (study, row, 0);
}

char *
fe_study_dup_attribution_k (FeStudy *study,
                            guint    row,
                            guint    k)
{
  g_autofree char *id = fe_study_dup_respondent_id (study, row);

  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);
      const char *group;
      guint group_size;

      if (column->role != FE_ROLE_ATTRIBUTE)
        continue;
      group = fe_study_get_display_level_label (study, column, row);
      if (group == NULL)
        break;
      /* Counted only when asked: a search looks at the attribution of a million quotes. */
      group_size = k == 0 ? 0
                   : fe_bitset_count_and (fe_study_get_universe (study),
                                          g_ptr_array_index (column->level_rows,
                                                             column->values[row] - 1));
      if (group_size < k)
        /* Translators: the attribution of a quote whose author is in a group too small to
         * name without identifying them */
        return g_strdup (_("a participant"));
      /* Translators: a quote's attribution: participant id, then e.g. their police force */
      return g_strdup_printf (_("Participant %s, %s"), id, group);
    }
  return g_strdup_printf (_("Participant %s"), id);
}

char *
fe_quote_dup_citation (FeStudy       *study,
                       const FeQuote *quote,
                       guint          k)
{
  g_autofree char *attribution = fe_study_dup_attribution_k (study, quote->row, k);

  return g_strdup_printf ("'%s' (%s)", quote->text, attribution);
}
