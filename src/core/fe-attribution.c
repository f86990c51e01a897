/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-attribution.h"

#include <glib/gi18n-lib.h>

#include "fe-quote.h"
#include "fe-study.h"

char *
fe_study_dup_attribution (FeStudy *study,
                          guint    row)
{
  g_autofree char *id = fe_study_dup_respondent_id (study, row);

  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);
      const char *group;

      if (column->role != FE_ROLE_ATTRIBUTE)
        continue;
      group = fe_study_get_level_label (study, column, row);
      if (group != NULL)
        /* Translators: a quote's attribution: participant id, then e.g. their police force */
        return g_strdup_printf (_("Participant %s, %s"), id, group);
      break;
    }
  return g_strdup_printf (_("Participant %s"), id);
}

char *
fe_quote_dup_citation (FeStudy       *study,
                       const FeQuote *quote)
{
  g_autofree char *attribution = fe_study_dup_attribution (study, quote->row);

  return g_strdup_printf ("'%s' (%s)", quote->text, attribution);
}
