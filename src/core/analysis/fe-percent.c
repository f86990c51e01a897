/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-percent.h"
#include "fe-core-enums.h"
#include "fe-enum.h"
#include "fe-tally-fold.h"

#include "fe-i18n.h"
#include <math.h>

const char *
fe_percent_of_to_string (FePercentOf of)
{
  return fe_enum_to_nick (FE_TYPE_PERCENT_OF, of);
}

guint
fe_percent_round (guint count,
                  guint base)
{
  if (base == 0)
    return 0;
  /* floor (100 c / b + 1/2) without a double, whose 12.4999… would round down. */
  return (guint) ((200 * (guint64) count + base) / (2 * (guint64) base));
}

char *
fe_percent_format_rounded (gboolean something,
                           guint    rounded)
{
  if (something && rounded == 0)
    /* Translators: a share too small to round to 1% but not nothing */
    /* xgettext:no-c-format */
    return g_strdup (_("<1%"));
  /* Translators: a percentage, "58%" */
  return g_strdup_printf (_("%u%%"), rounded);
}

char *
fe_percent_format (guint count,
                   guint base)
{
  if (base == 0)
    return g_strdup ("");
  return fe_percent_format_rounded (count > 0, fe_percent_round (count, base));
}

guint
fe_share_round (const FeShare *share)
{
  if (!share->weighted)
    return fe_percent_round (share->count, share->base);
  if (share->w_base <= 0)
    return 0;
  /* Half away from zero as fe_percent_round(), with room for a sum of weights that lands a
   * hair under an exact half (12.4999…). */
  return (guint) floor (100.0 * share->w_count / share->w_base + 0.5 + 1e-9);
}

double
fe_share_value (const FeShare *share)
{
  if (!share->weighted)
    return share->base > 0 ? 100.0 * share->count / share->base : 0.0;
  return share->w_base > 0 ? 100.0 * share->w_count / share->w_base : 0.0;
}

char *
fe_share_format (const FeShare *share)
{
  if (!share->weighted)
    return fe_percent_format (share->count, share->base);
  if (share->base == 0 || share->w_base <= 0)
    return g_strdup ("");
  return fe_percent_format_rounded (share->w_count > 0, fe_share_round (share));
}

/* "13%", or "13% weighted" in a sentence where an unweighted n stands beside it. */
static char *
format_share_in_words (const FeShare *share)
{
  g_autofree char *percent = fe_share_format (share);

  if (!share->weighted)
    return g_steal_pointer (&percent);
  if (*percent == '\0')
    /* Translators: in place of a weighted percentage, after "5 of 5 respondents, ", when no
     * respondent of the base has a weight */
    return g_strdup (_("none of them weighs anything"));
  /* Translators: a weighted percentage beside an unweighted count, "13% weighted" */
  return g_strdup_printf (_("%s weighted"), percent);
}

char *
fe_percent_describe (const FeShare *share,
                     FePercentOf    of)
{
  g_autofree char *percent = NULL;
  guint count = share->count, base = share->base;

  if (base == 0)
    return g_strdup (of == FE_PERCENT_OF_ANSWERED
                     /* Translators: a group's share when none of it answered */
                     ? _("nobody answered")
                     /* Translators: a group's share when it has nobody in it */
                     : _("no respondents"));
  percent = format_share_in_words (share);
  if (of == FE_PERCENT_OF_ANSWERED)
    /* Translators: count of base who answered, percentage: "10 of 43 who answered, 23%" */
    return g_strdup_printf (ngettext ("%u of %u who answered, %s",
                                         "%u of %u who answered, %s", base),
                            count, base, percent);
  /* Translators: count of base respondents, percentage: "10 of 80 respondents, 13%" */
  return g_strdup_printf (ngettext ("%u of %u respondent, %s",
                                       "%u of %u respondents, %s", base),
                          count, base, percent);
}

char *
fe_percent_describe_both (const FeShare *share)
{
  g_autofree char *percent = NULL;
  guint count = share->count, base = share->base;

  if (base == 0)
    /* Translators: a cell's share when nobody answered both questions */
    return g_strdup (_("nobody answered both"));
  percent = format_share_in_words (share);
  /* Translators: count of base who answered both questions, percentage: "10 of 43 who
   * answered both, 23%" */
  return g_strdup_printf (ngettext ("%u of %u who answered both, %s",
                                    "%u of %u who answered both, %s", base),
                          count, base, percent);
}

char *
fe_percent_format_cell (const FeShare *share)
{
  g_autofree char *percent = NULL;

  if (share->base == 0)
    return g_strdup_printf ("%u", share->count);
  percent = fe_share_format (share);
  /* Translators: a table cell under a column that names its base: "10 of 80, 13%" */
  return g_strdup_printf (_("%u of %u, %s"), share->count, share->base, percent);
}

guint
fe_tally_get_base (const FeTally *tally,
                   int            group,
                   FePercentOf    of)
{
  gboolean answered = of == FE_PERCENT_OF_ANSWERED;

  g_return_val_if_fail (tally != NULL, 0);
  g_return_val_if_fail (group < (int) tally->n_groups, 0);

  if (group < 0)
    return answered ? tally->answered : tally->base;
  return answered ? tally->groups[group].answered : tally->groups[group].base;
}

FeShare
fe_tally_get_share (const FeTally *tally,
                    int            group,
                    guint          level,
                    FePercentOf    of)
{
  gboolean answered = of == FE_PERCENT_OF_ANSWERED;
  FeShare share = { 0 };

  g_return_val_if_fail (group < (int) tally->n_groups && level < tally->n_levels, share);

  share.base = fe_tally_get_base (tally, group, of);
  share.weighted = tally->w_counts != NULL;
  if (group < 0)
    {
      share.count = tally->counts[level];
      if (share.weighted)
        {
          share.w_count = tally->w_counts[level];
          share.w_base = answered ? tally->w_answered : tally->w_base;
        }
      return share;
    }
  share.count = tally->groups[group].counts[level];
  if (share.weighted)
    {
      share.w_count = tally->groups[group].w_counts[level];
      share.w_base = answered ? tally->groups[group].w_answered : tally->groups[group].w_base;
    }
  return share;
}

char *
fe_percent_describe_weighting (const char *weighted_by)
{
  /* Translators: beside a table or chart with weighted percentages; %s is the case-weight
   * variable */
  return g_strdup_printf (_("Percentages weighted by %s; counts and bases are numbers of "
                            "respondents, unweighted."), weighted_by);
}

const char *
fe_percent_of_describe (const FeTally *tally,
                        FePercentOf    of)
{
  gboolean split = tally->by != NULL;

  if (tally->both && tally->by == tally->question)
    return _("Percentages of those who raised each theme (the column's).");
  if (tally->both)
    return _("Percentages of those in each group who answered both questions.");
  if (of == FE_PERCENT_OF_ANSWERED)
    return split ? _("Percentages of those in each group who answered.")
                 : _("Percentages of those who answered.");
  return split ? _("Percentages of all respondents in each group.")
               : _("Percentages of all respondents.");
}

GPtrArray *
fe_percent_table_new (const FeTally *tally,
                      FePercentOf    of)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n_columns = tally->by != NULL ? tally->n_groups : 1;
  GPtrArray *header = g_ptr_array_new ();

  g_ptr_array_add (header, g_strdup (tally->question->coded ? _("Theme") : _("Answer")));
  for (guint g = 0; g < n_columns; g++)
    {
      int group = tally->by != NULL ? (int) g : -1;
      guint base = fe_tally_get_base (tally, group, of);

      g_ptr_array_add (header, tally->by != NULL
                               /* Translators: a group and the number its percentages are of */
                               ? g_strdup_printf (_("%s (n = %u)"),
                                                  tally->groups[g].group
                                                  == FE_TALLY_GROUP_OTHER
                                                  /* Translators: the group that small
                                                   * groups are folded into */
                                                  ? C_("group", "Other")
                                                  : fe_column_get_display_level (
                                                      tally->by, tally->groups[g].group),
                                                  base)
                               : g_strdup_printf (_("All (n = %u)"), base));
    }
  g_ptr_array_add (header, NULL);
  g_ptr_array_add (rows, g_ptr_array_free (header, FALSE));

  for (guint l = 0; l < tally->n_levels; l++)
    {
      GPtrArray *row = g_ptr_array_new ();

      g_ptr_array_add (row, g_strdup (fe_column_get_display_level (tally->question, l)));
      for (guint g = 0; g < n_columns; g++)
        {
          int group = tally->by != NULL ? (int) g : -1;
          FeShare share = fe_tally_get_share (tally, group, l, of);

          g_ptr_array_add (row, fe_percent_format_cell (&share));
        }
      g_ptr_array_add (row, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (row, FALSE));
    }
  return rows;
}
