/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A theme co-occurrence heat map's words: a coded or multi-select question split by itself. */
#include "config.h"

#include "fe-i18n.h"

#include "fe-chart-layout-private.h"
#include "fe-cooccurrence.h"

/* Two decimals: an overlap is not a percentage of anybody, and must not read as one. */
static char *
format_overlap (double overlap)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", overlap));
}

char *
fe_chart_cooccurrence_format (const FeTally *tally,
                              guint          row,
                              guint          column,
                              gboolean       overlap)
{
  if (overlap && row != column)
    return format_overlap (fe_cooccurrence_jaccard (tally, row, column));
  return g_strdup_printf ("%u", tally->groups[column].counts[row]);
}

char *
fe_chart_cooccurrence_describe (const FeTally *tally,
                                guint          row,
                                guint          column,
                                gboolean       overlap)
{
  const char *a = fe_column_get_display_level (tally->question, row);
  const char *b = fe_column_get_display_level (tally->question, column);
  guint both = tally->groups[column].counts[row];
  guint either;
  g_autofree char *jaccard = NULL;

  if (row == column)
    /* Translators: the diagonal of a co-occurrence table, "Substance use: 38 respondents
     * raised it" */
    return g_strdup_printf (ngettext ("%s: %u respondent raised it",
                                      "%s: %u respondents raised it", both),
                            a, both);
  if (!overlap)
    /* Translators: a cell of a co-occurrence table, "Substance use and Exploitation: 10
     * respondents raised both" */
    return g_strdup_printf (ngettext ("%s and %s: %u respondent raised both",
                                      "%s and %s: %u respondents raised both", both),
                            a, b, both);
  either = tally->groups[row].counts[row] + tally->groups[column].counts[column] - both;
  jaccard = format_overlap (fe_cooccurrence_jaccard (tally, row, column));
  /* Translators: a cell of a co-occurrence table shown as overlap, "Substance use and
   * Exploitation: overlap 0.21, 10 raised both of 47 who raised either" */
  return g_strdup_printf (ngettext ("%s and %s: overlap %s, %u raised both of %u who raised "
                                    "either",
                                    "%s and %s: overlap %s, %u raised both of %u who raised "
                                    "either", either),
                          a, b, jaccard, both, either);
}

char *
fe_chart_cooccurrence_note (const FeTally *tally,
                            gboolean       overlap)
{
  const char *cells = overlap
                      ? _("Each cell is the overlap of two themes (Jaccard): those who raised "
                          "both over those who raised either.")
                      : _("Each cell is the number of respondents who raised both themes.");
  const char *order = tally->n_levels > FE_COOCCURRENCE_MAX_CLUSTERED
                      ? _("Themes in codebook order.")
                      : _("Themes that are raised together sit together (average-linkage "
                          "clustering of their overlap).");

  /* Translators: the note of a co-occurrence heat map: what the cells are, then the
   * diagonal, then the order */
  return g_strdup_printf (_("%s The diagonal, unshaded, is each theme's own count. %s"), cells,
                          order);
}
