/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-query-set.h"

#include "fe-i18n.h"

G_DEFINE_QUARK (fe-query-set-error-quark, fe_query_set_error)

static guint
count_rows (const FeFilter *filter)
{
  g_autoptr(FeBitset) rows = fe_filter_compute_rows (filter);

  return fe_bitset_count (rows);
}

/* Whether @a and @b respondents, one set inside the other, differ by someone but by fewer
 * than @k. */
static gboolean
differ_by_few (guint a,
               guint b,
               guint k)
{
  guint difference = a > b ? a - b : b - a;

  return difference > 0 && difference < k;
}

gboolean
fe_filter_check_query_set (const FeFilter *filter,
                           guint           k,
                           GError        **error)
{
  guint n;

  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (k == 0 || fe_filter_is_empty (filter))
    return TRUE;

  n = count_rows (filter);
  if (n < k)
    {
      g_autofree char *described = fe_filter_describe (filter);

      /* The number itself is not printed: it is what is being protected. */
      g_set_error (error, FE_QUERY_SET_ERROR, FE_QUERY_SET_ERROR_TOO_FEW,
                   _("The filter “%s” keeps fewer respondents than the disclosure threshold "
                     "(%u), so what it shows could identify them. Widen the filter to show it "
                     "to others."),
                   described, k);
      return FALSE;
    }

  for (guint c = 0; c < fe_filter_get_n_columns (filter); c++)
    {
      const FeColumn *column = fe_filter_get_column (filter, c);
      g_autoptr(FeFilter) without = fe_filter_copy (filter);
      guint n_chosen = 0;

      fe_filter_clear_column (without, column);
      if (differ_by_few (count_rows (without), n, k))
        {
          g_set_error (error, FE_QUERY_SET_ERROR, FE_QUERY_SET_ERROR_TOO_CLOSE,
                       _("The filter on “%s” leaves out fewer respondents than the disclosure "
                         "threshold (%u): set beside the same figures without that filter, it "
                         "would show their answers. Leave that filter out, or leave out more."),
                       fe_column_get_display_label (column), k);
          return FALSE;
        }

      for (guint l = 0; l < fe_column_get_n_levels (column); l++)
        n_chosen += fe_filter_has_level (filter, column, l);
      /* With one level chosen, dropping it is dropping the column's filter: checked above. */
      if (n_chosen < 2)
        continue;
      for (guint l = 0; l < fe_column_get_n_levels (column); l++)
        {
          g_autoptr(FeFilter) fewer = NULL;

          if (!fe_filter_has_level (filter, column, l))
            continue;
          fewer = fe_filter_copy (filter);
          fe_filter_remove_level (fewer, column, l);
          if (differ_by_few (count_rows (fewer), n, k))
            {
              g_set_error (error, FE_QUERY_SET_ERROR, FE_QUERY_SET_ERROR_TOO_CLOSE,
                           _("“%s” adds fewer respondents than the disclosure threshold (%u) to the "
                             "filter on “%s”: set beside the same figures without it, the filter "
                             "would show their answers. Leave “%s” out of the filter."),
                           fe_column_get_display_level (column, l), k,
                           fe_column_get_display_label (column),
                           fe_column_get_display_level (column, l));
              return FALSE;
            }
        }
    }
  return TRUE;
}
