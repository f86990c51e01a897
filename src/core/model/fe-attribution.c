/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-attribution.h"

#include "fe-i18n.h"

#include "fe-quote.h"
#include "fe-study.h"

struct _FeAttributionRule
{
  FeStudy    *study;
  FeBitset   *listed;  /* @listed within the study's respondents; NULL when k is 0 */
  guint       k;
  GPtrArray  *attributes;  /* FeColumn*, the study's attributes in order */
  /* Authors who share every attribute share the answer: a segment can hold a million
   * quotes, and a few hundred groups. */
  GHashTable *counted;  /* "level,level,…" → count + 2 */
};

FeAttributionRule *
fe_attribution_rule_new (FeStudy        *study,
                         const FeBitset *listed,
                         guint           k)
{
  FeAttributionRule *rule = g_new0 (FeAttributionRule, 1);

  rule->study = study;
  rule->k = k;
  rule->attributes = g_ptr_array_new ();
  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    if (fe_study_get_column (study, c)->role == FE_ROLE_ATTRIBUTE)
      g_ptr_array_add (rule->attributes, fe_study_get_column (study, c));
  if (k > 0)
    {
      rule->listed = fe_bitset_copy (fe_study_get_universe (study));
      if (listed != NULL)
        fe_bitset_and (rule->listed, listed);
    }
  rule->counted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return rule;
}

void
fe_attribution_rule_free (FeAttributionRule *rule)
{
  if (rule == NULL)
    return;
  g_clear_pointer (&rule->listed, fe_bitset_free);
  g_ptr_array_unref (rule->attributes);
  g_hash_table_unref (rule->counted);
  g_free (rule);
}

static int
count_nameable (FeAttributionRule *rule,
                guint              row)
{
  g_autoptr(FeBitset) sharing = NULL;
  int n = 0;

  for (guint a = 0; a < rule->attributes->len; a++)
    {
      FeColumn *column = g_ptr_array_index (rule->attributes, a);

      if (column->values == NULL || column->values[row] == 0)
        break;
      if (rule->k > 0)
        {
          if (sharing == NULL)
            sharing = fe_bitset_copy (rule->listed);
          fe_bitset_and (sharing, g_ptr_array_index (column->level_rows,
                                                     column->values[row] - 1));
          if (fe_bitset_count (sharing) < rule->k)
            return n == 0 ? -1 : n;
        }
      n++;
    }
  return n;
}

int
fe_attribution_rule_count (FeAttributionRule *rule,
                           guint              row)
{
  g_autoptr(GString) key = g_string_new (NULL);
  gpointer found;
  int n;

  for (guint a = 0; a < rule->attributes->len; a++)
    {
      FeColumn *column = g_ptr_array_index (rule->attributes, a);

      g_string_append_printf (key, "%u,", column->values != NULL ? column->values[row] : 0);
    }
  if (g_hash_table_lookup_extended (rule->counted, key->str, NULL, &found))
    return GPOINTER_TO_INT (found) - 2;
  n = count_nameable (rule, row);
  g_hash_table_insert (rule->counted, g_string_free (g_steal_pointer (&key), FALSE),
                       GINT_TO_POINTER (n + 2));
  return n;
}

static char *
attribution (FeStudy *study,
             guint    row,
             int      n_named)
{
  g_autofree char *id = NULL;

  if (n_named < 0)
    /* Translators: the attribution of a quote whose author is in a group too small to
     * name without identifying them */
    return g_strdup (_("a participant"));
  id = fe_study_dup_respondent_id (study, row);
  for (guint c = 0; n_named > 0 && c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);

      if (column->role == FE_ROLE_ATTRIBUTE)
        /* Translators: a quote's attribution: participant id, then e.g. their police force */
        return g_strdup_printf (_("Participant %s, %s"), id,
                                fe_study_get_display_level_label (study, column, row));
    }
  return g_strdup_printf (_("Participant %s"), id);
}

char *
fe_attribution_rule_dup (FeAttributionRule *rule,
                         guint              row)
{
  return attribution (rule->study, row, fe_attribution_rule_count (rule, row));
}

char *
fe_study_dup_attribution (FeStudy *study,
                          guint    row)
{
  FeColumn *first = NULL;

  for (guint c = 0; c < fe_study_get_n_columns (study) && first == NULL; c++)
    if (fe_study_get_column (study, c)->role == FE_ROLE_ATTRIBUTE)
      first = fe_study_get_column (study, c);
  return attribution (study, row,
                      first != NULL && first->values != NULL && first->values[row] != 0);
}

char *
fe_quote_dup_citation (FeStudy           *study,
                       const FeQuote     *quote,
                       FeAttributionRule *rule)
{
  g_autofree char *who = rule != NULL ? fe_attribution_rule_dup (rule, quote->row)
                                      : fe_study_dup_attribution (study, quote->row);

  return g_strdup_printf ("'%s' (%s)", quote->text, who);
}
