/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-bitset.h"

G_BEGIN_DECLS

/* Bins of a numeric question: the levels its answers are counted in. Edges are round (widths
 * of 1, 2, 2.5 or 5 × 10^k), about 5 to 12 bins; a bin holds its lower edge and not its upper
 * one. Far outliers go into an open first ("< 10") or last ("≥ 100") bin, so that
 * one salary of a million does not squash every other answer into one bar; so do answers from
 * 10^15 away from zero (no survey's numbers, but a missing-value code read as one). */
typedef struct
{
  guint    n_bins;
  double  *edges;     /* n_bins + 1; edges[0] may be -INFINITY, edges[n_bins] +INFINITY */
  gboolean integers;  /* every answer a whole number and every edge too: labels say the whole
                       * numbers a bin holds ("18–24") */
} FeBins;

/* Bins for the finite numbers among @values (NaN is no answer); NULL when there are none. */
FeBins   *fe_bins_new            (const double *values,
                                  gsize         n_values);
void      fe_bins_free           (FeBins       *bins);
/* The bin that holds @value. */
guint     fe_bins_find           (const FeBins *bins,
                                  double        value);
/* "18–24", "2.5–<5" (2.5 to under 5), "< 10", "≥ 100", "-10 – -1": the same in every
 * language, since they are the levels' names. */
char     *fe_bins_dup_label      (const FeBins *bins,
                                  guint         bin);
/* The bins a range from @from to @to holds (-INFINITY / +INFINITY: open): with whole numbers
 * both ends are in it ("18..24" is 18 to 24), otherwise @to is not (2.5..5 is 2.5 to under 5).
 * A range must cover whole bins: one that cuts a bin would count some of its respondents and
 * not others, which a count of bins cannot do exactly, so it is an error naming the edges. */
gboolean  fe_bins_select_range   (const FeBins *bins,
                                  double        from,
                                  double        to,
                                  guint        *first,
                                  guint        *last,
                                  GError      **error);
/* Reads a range "18..24", "65.." or "..17" (an open end is ±INFINITY). */
gboolean  fe_bins_parse_range    (const char   *text,
                                  double       *from,
                                  double       *to);
/* A number as the bins' labels write it: "2.5", "-1000.3", "18". */
char     *fe_number_format       (double        value);
/* Parses a whole cell as a number ("18", "-2.5", "1e3", " 4 "), in the C locale. */
gboolean  fe_number_parse        (const char   *text,
                                  double       *value);
/* How a column writes its numbers: the mark before decimals; the other one, if any, stands
 * between groups of three digits. */
typedef enum
{
  FE_NOTATION_DECIMAL_DOT,    /* "1234.5", "1,234.5" */
  FE_NOTATION_DECIMAL_COMMA,  /* "1234,5", "1.234,5" */
  FE_NOTATION_PLAIN,          /* "1234.5" only, as C writes it: no marks between thousands,
                               * no currency or percent sign */
} FeNotation;

/* The currency or percent sign @text is written with ("£", "%"), or NULL. */
const char *fe_number_unit       (const char   *text);
/* Parses a whole cell written in @notation, a currency sign before or after it or a percent
 * sign after it allowed ("£1,234.50", "-$5", "12,50 €", "45%": 45); a space may stand between
 * thousands too ("1 234,5"). A mark anywhere but between groups of three digits or before the
 * decimals makes no number ("1,2" in FE_NOTATION_DECIMAL_DOT). @scratch holds the number
 * rewritten. */
gboolean  fe_number_parse_written (const char   *text,
                                   FeNotation    notation,
                                   GString      *scratch,
                                   double       *value);

/* The quartiles of the numbers of @rows (NaN skipped), interpolated between the answers on
 * either side (as R's and Excel's QUARTILE.INC): @quartiles gets the lower quartile, the
 * median and the upper quartile. Returns how many numbers there were; with none, @quartiles
 * are NaN. */
guint     fe_numbers_quartiles   (const double   *numbers,
                                  const FeBitset *rows,
                                  double          quartiles[3]);

/* "Median 42; quartiles 31 and 55, of 270 numbers." for a chart's note and `summary`, rounded
 * to two decimals; with fewer than @k numbers (disclosure control, 0: none) it says they are
 * too few to state rather than print them, and where the chart withholds a count
 * (@withholding) it states neither the quartiles nor how many numbers there are: a quartile
 * between two bins, or the answered less the counts shown, gives a count withheld away.
 * Beside @weighted percentages it says the median and quartiles are not: they are of the
 * respondents' numbers as given. */
char     *fe_numbers_describe    (guint          n_numbers,
                                  const double   quartiles[3],
                                  guint          k,
                                  gboolean       withholding,
                                  gboolean       weighted);
/* A number rounded to two decimals, as fe_numbers_describe() writes it. */
char     *fe_number_format_rounded (double       value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeBins, fe_bins_free)

G_END_DECLS
