/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-bins.h"

#include "fe-i18n.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MOST_BINS 12
/* Outliers are set apart only among enough answers to tell them from a spread. */
#define OUTLIER_MIN_ANSWERS 50
/* From a thousand million million a double soon no longer holds every whole number, and no
 * survey answer lies there: answers that far from zero (a system-missing code read as a number,
 * a slip of the keyboard) go into the open first or last bin, as outliers do. */
#define LARGEST_BINNED 1e15
/* Edges are whole multiples of a width: an answer at most this many widths from zero keeps
 * every multiple an exact double, so that neighbouring edges differ. */
#define MOST_WIDTHS_FROM_ZERO 70368744177664.0 /* 2^46 */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db;
}

/* Edge @index of bins @mantissa × 10^@exponent wide. Whole multiples of the mantissa scaled by
 * an exact power of ten, so that 0.3 is the double that "0.3" reads as, not 3 × 0.1. */
static double
edge_at (gint64 index,
         guint  mantissa,
         int    exponent)
{
  double whole = (double) (index * (gint64) mantissa);

  return exponent >= 0 ? whole * pow (10, exponent) : whole / pow (10, -exponent);
}

/* Drops from @sorted the answers below -LARGEST_BINNED or from LARGEST_BINNED up. */
static void
keep_within_binned (GArray *sorted)
{
  guint first = 0, last = sorted->len;

  while (first < sorted->len && g_array_index (sorted, double, first) < -LARGEST_BINNED)
    first++;
  while (last > first && g_array_index (sorted, double, last - 1) >= LARGEST_BINNED)
    last--;
  g_array_remove_range (sorted, last, sorted->len - last);
  g_array_remove_range (sorted, 0, first);
}

static gboolean
all_whole (const GArray *numbers)
{
  for (guint i = 0; i < numbers->len; i++)
    if (g_array_index (numbers, double, i) != floor (g_array_index (numbers, double, i)))
      return FALSE;
  return TRUE;
}

/* The widths to try, smallest first: 1, 2, 2.5, 5 × 10^k as mantissas of 10^(k-1). */
static const guint mantissas[] = { 10, 20, 25, 50 };

FeBins *
fe_bins_new (const double *values,
             gsize         n_values)
{
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean integers;
  double lo, hi, min, max;
  gboolean open_below = FALSE, open_above = FALSE;
  FeBins *bins;
  int exponent;

  for (gsize i = 0; i < n_values; i++)
    if (isfinite (values[i]))
      g_array_append_val (sorted, values[i]);
  if (sorted->len == 0)
    return NULL;
  g_array_sort (sorted, compare_doubles);
  integers = all_whole (sorted);
  min = g_array_index (sorted, double, 0);
  max = g_array_index (sorted, double, sorted->len - 1);

  bins = g_new0 (FeBins, 1);
  if (min == max && fabs (min) < LARGEST_BINNED)
    {
      /* One value: one bin that says it. */
      bins->n_bins = 1;
      bins->edges = g_new (double, 2);
      bins->edges[0] = min;
      bins->edges[1] = integers ? min + 1 : nextafter (min, INFINITY);
      bins->integers = integers;
      return bins;
    }
  keep_within_binned (sorted);
  if (sorted->len == 0)
    {
      /* Every answer out of reach: "< -1e+15", "≥ 1e+15", or when there are both, "< 1e+15"
       * and "≥ 1e+15". */
      gboolean below = min < 0, above = max > 0;

      bins->n_bins = below + above;
      bins->edges = g_new (double, bins->n_bins + 1);
      bins->edges[0] = below ? -INFINITY : LARGEST_BINNED;
      bins->edges[bins->n_bins] = above ? INFINITY : -LARGEST_BINNED;
      if (below && above)
        bins->edges[1] = LARGEST_BINNED;
      bins->integers = integers;
      return bins;
    }
  lo = g_array_index (sorted, double, 0);
  hi = g_array_index (sorted, double, sorted->len - 1);
  /* Whole numbers within reach keep whole edges, whatever lies in the open bins. */
  integers = all_whole (sorted);

  /* A range three times as wide as where 98 % of the answers lie has outliers at its ends
   * (a birth year of 1864 among 1960s–1990s). */
  if (sorted->len >= OUTLIER_MIN_ANSWERS)
    {
      double p1 = g_array_index (sorted, double, (sorted->len - 1) / 100);
      double p99 = g_array_index (sorted, double, sorted->len - 1 - (sorted->len - 1) / 100);

      if (p99 > p1 && hi - lo > 3 * (p99 - p1))
        {
          lo = p1;
          hi = p99;
        }
    }

  /* Answers of one value among those set apart start from bins one wide; a spread too small
   * for a double to divide into twelve does too. */
  exponent = (hi - lo) / MOST_BINS > 0 ? (int) floor (log10 ((hi - lo) / MOST_BINS)) : 0;
  for (;; exponent++)
    for (guint m = 0; m < G_N_ELEMENTS (mantissas); m++)
      {
        double width = edge_at (1, mantissas[m], exponent - 1);
        gint64 first, last;
        guint n;

        /* Whole numbers keep whole edges, so each bin says which numbers it holds. */
        if (integers && width < 1)
          continue;
        if (integers && width != floor (width))
          continue;
        /* Written so that a width of zero or infinity (10^k out of a double's range) fails. */
        if (!(fabs (lo) / width <= MOST_WIDTHS_FROM_ZERO
              && fabs (hi) / width <= MOST_WIDTHS_FROM_ZERO))
          continue;
        first = (gint64) floor (lo / width);
        last = (gint64) floor (hi / width);
        /* Division can land a hair beside an exact edge: the edges themselves decide. */
        while (edge_at (first, mantissas[m], exponent - 1) > lo)
          first--;
        while (edge_at (last + 1, mantissas[m], exponent - 1) <= hi)
          last++;
        while (edge_at (last, mantissas[m], exponent - 1) > hi)
          last--;
        n = (guint) (last - first + 1);
        if (n > MOST_BINS)
          continue;

        open_below = min < edge_at (first, mantissas[m], exponent - 1);
        open_above = max >= edge_at (last + 1, mantissas[m], exponent - 1);
        bins->n_bins = n + open_below + open_above;
        bins->edges = g_new (double, bins->n_bins + 1);
        bins->integers = integers;
        if (open_below)
          bins->edges[0] = -INFINITY;
        for (guint i = 0; i <= n; i++)
          bins->edges[open_below + i] = edge_at (first + i, mantissas[m], exponent - 1);
        if (open_above)
          bins->edges[bins->n_bins] = INFINITY;
        return bins;
      }
}

void
fe_bins_free (FeBins *bins)
{
  if (bins == NULL)
    return;
  g_free (bins->edges);
  g_free (bins);
}

guint
fe_bins_find (const FeBins *bins,
              double        value)
{
  guint lo = 0, hi = bins->n_bins - 1;

  /* The last bin whose lower edge is at or below @value. */
  while (lo < hi)
    {
      guint mid = (lo + hi + 1) / 2;

      if (bins->edges[mid] <= value)
        lo = mid;
      else
        hi = mid - 1;
    }
  return lo;
}

char *
fe_number_format (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Fifteen digits: what a double holds of a decimal, so 0.3 is "0.3". */
  g_ascii_formatd (buffer, sizeof buffer, "%.15g", value == 0 ? 0 : value);
  return g_strdup (buffer);
}

gboolean
fe_number_parse (const char *text,
                 double     *value)
{
  char *end;
  double number;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;
  number = g_ascii_strtod (text, &end);
  if (end == text)
    return FALSE;
  while (g_ascii_isspace (*end))
    end++;
  /* "inf", "nan" and hex are words or codes, not answers in numbers. */
  if (*end != '\0' || !isfinite (number) || strpbrk (text, "xXnNiI") != NULL)
    return FALSE;
  *value = number;
  return TRUE;
}

/* The signs amounts are written with, before or after the number. */
static const char * const currency_signs[] = { "£", "$", "€", "¥", NULL };

const char *
fe_number_unit (const char *text)
{
  for (guint i = 0; currency_signs[i] != NULL; i++)
    if (strstr (text, currency_signs[i]) != NULL)
      return currency_signs[i];
  return strchr (text, '%') != NULL ? "%" : NULL;
}

static const char *
skip_currency (const char *text)
{
  for (guint i = 0; currency_signs[i] != NULL; i++)
    if (g_str_has_prefix (text, currency_signs[i]))
      return text + strlen (currency_signs[i]);
  return text;
}

/* The length of the space at @p: a space, or a no-break space (narrow too, as French
 * typography writes it between thousands and before "%"); 0 for none. */
static gsize
space_length (const char *p)
{
  static const char * const spaces[] = { " ", "\u00a0", "\u202f" };

  for (guint i = 0; i < G_N_ELEMENTS (spaces); i++)
    if (g_str_has_prefix (p, spaces[i]))
      return strlen (spaces[i]);
  return 0;
}

/* The length of the mark between groups of digits at @p, @group or a space before a digit; 0
 * for none. */
static gsize
group_mark_length (const char *p,
                   char        group)
{
  gsize length = *p == group ? 1 : space_length (p);

  return length > 0 && g_ascii_isdigit (p[length]) ? length : 0;
}

gboolean
fe_number_parse_written (const char *text,
                         FeNotation  notation,
                         GString    *scratch,
                         double     *value)
{
  char group = notation == FE_NOTATION_DECIMAL_COMMA ? '.' : ',';
  char decimal = notation == FE_NOTATION_DECIMAL_COMMA ? ',' : '.';
  const char *p = text, *digits, *mark;
  gboolean currency;
  gsize lead, mark_length;

  if (notation == FE_NOTATION_PLAIN)
    return fe_number_parse (text, value);
  /* As C writes it, exponents and a lone ".5" included. */
  if (decimal == '.' && strchr (text, group) == NULL && fe_number_unit (text) == NULL
      && fe_number_parse (text, value))
    return TRUE;

  while (g_ascii_isspace (*p))
    p++;
  g_string_truncate (scratch, 0);
  if (*p == '-' || *p == '+')
    g_string_append_c (scratch, *p++);
  /* The minus sign of word processors and the web, "−3". */
  else if (g_str_has_prefix (p, "\u2212"))
    {
      g_string_append_c (scratch, '-');
      p += strlen ("\u2212");
    }
  digits = skip_currency (p);
  currency = digits != p;
  /* "£ 1,234.50" */
  for (gsize space; currency && (space = space_length (digits)) > 0;)
    digits += space;

  p = digits;
  lead = strspn (p, "0123456789");
  if (lead == 0)
    return FALSE;
  /* Groups of three digits, each after the same mark: the notation's, or a space as French
   * and Scandinavian exports write them ("12 500", with a no-break space too). */
  mark = p + lead;
  mark_length = group_mark_length (mark, group);
  if (mark_length > 0 && (lead > 3 || p[0] == '0'))
    return FALSE;
  g_string_append_len (scratch, p, (gssize) lead);
  p += lead;
  /* A mark before other than three digits ends the groups: the space before "€" too. */
  while (mark_length > 0 && strncmp (p, mark, mark_length) == 0
         && strspn (p + mark_length, "0123456789") == 3)
    {
      g_string_append_len (scratch, p + mark_length, 3);
      p += mark_length + 3;
    }
  if (*p == decimal)
    {
      gsize decimals = strspn (p + 1, "0123456789");

      if (decimals == 0)
        return FALSE;
      g_string_append_c (scratch, '.');
      g_string_append_len (scratch, p + 1, (gssize) decimals);
      p += 1 + decimals;
    }
  /* "12,50 €", "45 %" */
  for (gsize space; (space = space_length (p)) > 0;)
    p += space;
  if (!currency && *p == '%')
    p++;
  else if (!currency)
    p = skip_currency (p);
  while (g_ascii_isspace (*p))
    p++;
  return *p == '\0' && fe_number_parse (scratch->str, value);
}

/* An edge as short as fe_number_format() writes it, or with the digits it needs to read back
 * as itself: a range typed from a label then names that edge, and a label never says an edge
 * its bin does not start at ("100000000000.003" for 100000000000.0025). */
static char *
format_edge (double value)
{
  static const char * const longer[] = { "%.16g", "%.17g" };
  char *text = fe_number_format (value);

  for (guint i = 0; i < G_N_ELEMENTS (longer) && g_ascii_strtod (text, NULL) != value; i++)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_free (text);
      text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, longer[i], value));
    }
  return text;
}

char *
fe_bins_dup_label (const FeBins *bins,
                   guint         bin)
{
  double lower = bins->edges[bin], upper = bins->edges[bin + 1];
  g_autofree char *from = format_edge (lower);
  g_autofree char *to = NULL;

  g_return_val_if_fail (bin < bins->n_bins, NULL);

  /* Labels are the levels' names, which saved views and projects filter by: they are the
   * same in every language, so a view saved in English opens in Welsh. */
  if (isinf (lower))
    {
      to = format_edge (upper);
      return g_strdup_printf ("< %s", to);
    }
  if (isinf (upper))
    return g_strdup_printf ("≥ %s", from);
  if (bins->integers)
    {
      if (upper - 1 == lower)
        return g_steal_pointer (&from);
      to = format_edge (upper - 1);
      /* A dash between negative numbers would read as a minus sign without the spaces. */
      return g_strdup_printf (lower < 0 ? "%s – %s" : "%s–%s", from, to);
    }
  /* One answer's bin is the answer; a bin made wide by answers far from it says its range. */
  if (upper == nextafter (lower, INFINITY))
    return g_steal_pointer (&from);
  to = format_edge (upper);
  return g_strdup_printf ("%s–<%s", from, to);
}

gboolean
fe_bins_select_range (const FeBins *bins,
                      double        from,
                      double        to,
                      guint        *first,
                      guint        *last,
                      GError      **error)
{
  int a = -1, b = -1;
  gboolean exact = TRUE;

  for (guint i = 0; i < bins->n_bins; i++)
    {
      double lower = bins->edges[i];
      /* The largest number a bin holds, in the range's terms. */
      double upper = bins->integers ? bins->edges[i + 1] - 1 : bins->edges[i + 1];
      gboolean overlaps = bins->integers ? lower <= to && upper >= from
                                         : lower < to && upper > from;

      if (!overlaps)
        continue;
      if (a < 0)
        a = (int) i;
      b = (int) i;
      exact &= lower >= from && upper <= to;
    }
  if (a < 0 || !exact)
    {
      g_autoptr(GString) labels = g_string_new (NULL);

      for (guint i = 0; i < bins->n_bins; i++)
        {
          g_autofree char *label = fe_bins_dup_label (bins, i);

          if (labels->len > 0)
            g_string_append (labels, ", ");
          g_string_append (labels, label);
        }
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   a < 0 ? _("no answer lies in that range; the bins are %s")
                         : _("the range cuts a bin in two, and a bin is counted whole; begin "
                             "and end it where bins do: %s"),
                   labels->str);
      return FALSE;
    }
  *first = (guint) a;
  *last = (guint) b;
  return TRUE;
}

gboolean
fe_bins_parse_range (const char *text,
                     double     *from,
                     double     *to)
{
  const char *dots = strstr (text, "..");
  g_autofree char *low = NULL;

  if (dots == NULL)
    return FALSE;
  low = g_strstrip (g_strndup (text, (gsize) (dots - text)));
  *from = -INFINITY;
  *to = INFINITY;
  if (*low != '\0' && !fe_number_parse (low, from))
    return FALSE;
  if (dots[2] != '\0' && !fe_number_parse (dots + 2, to))
    return FALSE;
  return *from <= *to && (isfinite (*from) || isfinite (*to));
}

guint
fe_numbers_quartiles (const double   *numbers,
                      const FeBitset *rows,
                      double          quartiles[3])
{
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (double));

  FE_BITSET_FOREACH (rows, row)
    if (!isnan (numbers[row]))
      g_array_append_val (sorted, numbers[row]);
  for (guint q = 0; q < 3; q++)
    quartiles[q] = NAN;
  if (sorted->len == 0)
    return 0;
  g_array_sort (sorted, compare_doubles);
  for (guint q = 0; q < 3; q++)
    {
      double h = (sorted->len - 1) * (q + 1) / 4.0;
      guint below = (guint) floor (h);
      double x = g_array_index (sorted, double, below);
      double next = below + 1 < sorted->len ? g_array_index (sorted, double, below + 1) : x;
      double f = h - below;

      /* Two answers so far apart that their difference overflows (a missing-value code read
       * as a number) are weighed each on its own, which cannot. */
      if (f == 0)
        quartiles[q] = x;
      else if (isfinite (next - x))
        quartiles[q] = x + f * (next - x);
      else
        quartiles[q] = x * (1 - f) + next * f;
    }
  return sorted->len;
}

char *
fe_number_format_rounded (double value)
{
  /* Two decimals mean nothing where a double holds none (and × 100 could overflow). */
  if (fabs (value) >= LARGEST_BINNED)
    return fe_number_format (value);
  return fe_number_format (round (value * 100) / 100);
}

char *
fe_numbers_describe (guint        n_numbers,
                     const double quartiles[3],
                     guint        k,
                     gboolean     withholding,
                     gboolean     weighted)
{
  g_autofree char *lower = NULL, *median = NULL, *upper = NULL;

  if (n_numbers == 0)
    return g_strdup (_("Nobody counted gave a number."));
  if (k > 0 && n_numbers < k)
    return g_strdup_printf (ngettext ("Fewer than %u respondent gave a number: too few to "
                                      "state the median.",
                                      "Fewer than %u respondents gave a number: too few to "
                                      "state the median.", k), k);
  /* A median of whole numbers between two bins says how many are below it ("29.5" of 24 ages:
   * 12 under 30), and the bins shown then give the withheld ones; a quartile may be a
   * respondent's own number. */
  if (k > 0 && withholding)
    return g_strdup (_("The median and quartiles are not stated: with some counts withheld, "
                       "they would give them away."));
  lower = fe_number_format_rounded (quartiles[0]);
  median = fe_number_format_rounded (quartiles[1]);
  upper = fe_number_format_rounded (quartiles[2]);
  if (weighted)
    /* TRANSLATORS: under a histogram with weighted percentages: "Median 42; quartiles 31 and
     * 55, of 270 numbers, unweighted." */
    return g_strdup_printf (ngettext ("Median %s; quartiles %s and %s, of %u number, "
                                      "unweighted.",
                                      "Median %s; quartiles %s and %s, of %u numbers, "
                                      "unweighted.", n_numbers),
                            median, lower, upper, n_numbers);
  /* TRANSLATORS: under a histogram: "Median 42; quartiles 31 and 55, of 270 numbers." */
  return g_strdup_printf (ngettext ("Median %s; quartiles %s and %s, of %u number.",
                                    "Median %s; quartiles %s and %s, of %u numbers.",
                                    n_numbers),
                          median, lower, upper, n_numbers);
}
