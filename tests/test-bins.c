/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A numeric question's bins: round edges, labels that say what a bin holds, outliers apart,
 * ranges that cover whole bins, and quartiles from the numbers themselves. */
#include <float.h>
#include <glib.h>
#include <math.h>
#include <string.h>

#include "fe-bins.h"

static FeBins *
bins_of (const double *values,
         gsize         n)
{
  FeBins *bins = fe_bins_new (values, n);

  g_assert_nonnull (bins);
  /* Every number lands in the bin whose edges hold it. */
  for (gsize i = 0; i < n; i++)
    if (!isnan (values[i]))
      {
        guint bin = fe_bins_find (bins, values[i]);

        g_assert_cmpfloat (bins->edges[bin], <=, values[i]);
        g_assert_cmpfloat (values[i], <, bins->edges[bin + 1]);
      }
  return bins;
}

static void
assert_label (const FeBins *bins,
              guint         bin,
              const char   *expected)
{
  g_autofree char *label = fe_bins_dup_label (bins, bin);

  g_assert_cmpstr (label, ==, expected);
}

static void
test_ages (void)
{
  double ages[] = { 18, 19, 24, 25, 33, 47, 51, 64, 65, 79, 90, NAN };
  g_autoptr(FeBins) bins = bins_of (ages, G_N_ELEMENTS (ages));

  /* 18 to 90 in tens: round edges, 5 to 12 bins, each naming its whole years. */
  g_assert_true (bins->integers);
  g_assert_cmpuint (bins->n_bins, ==, 9);
  g_assert_cmpfloat (bins->edges[0], ==, 10);
  assert_label (bins, 0, "10–19");
  assert_label (bins, 8, "90–99");
  g_assert_cmpuint (fe_bins_find (bins, 19), ==, 0);
  g_assert_cmpuint (fe_bins_find (bins, 20), ==, 1);
}

static void
test_narrow_whole_numbers (void)
{
  double years[30];

  for (guint i = 0; i < 30; i++)
    years[i] = 18 + i % 13;
  {
    g_autoptr(FeBins) bins = bins_of (years, 30);

    /* Thirteen whole years: bins of two (never 2.5, which would split a year). */
    g_assert_cmpuint (bins->n_bins, ==, 7);
    assert_label (bins, 0, "18–19");
    assert_label (bins, 6, "30–31");
  }
}

static void
test_decimals (void)
{
  double hours[] = { 0, 0.25, 0.3, 0.35, 0.7, 1.05 };
  g_autoptr(FeBins) bins = bins_of (hours, G_N_ELEMENTS (hours));
  g_autofree char *edge = fe_number_format (bins->edges[3]);

  g_assert_false (bins->integers);
  g_assert_cmpuint (bins->n_bins, ==, 11);
  /* 0.1 wide: edges as the decimals read, not 3 × 0.1 = 0.30000000000000004, so that an
   * answer of 0.3 is in the bin that starts at 0.3. */
  g_assert_cmpstr (edge, ==, "0.3");
  g_assert_cmpfloat (bins->edges[3], ==, 0.3);
  g_assert_cmpuint (fe_bins_find (bins, 0.3), ==, 3);
  g_assert_cmpuint (fe_bins_find (bins, 0.25), ==, 2);
  assert_label (bins, 0, "0–<0.1");
  assert_label (bins, 10, "1–<1.1");
}

static void
test_negative (void)
{
  double values[] = { -1000.3, -1.4, 1.1, 1.2, 1000.3 };
  double changes[] = { -23, -17, -9, -4, 0, 3, 8, 12 };
  g_autoptr(FeBins) bins = bins_of (values, G_N_ELEMENTS (values));
  g_autoptr(FeBins) whole = bins_of (changes, G_N_ELEMENTS (changes));

  g_assert_cmpuint (bins->n_bins, <=, 12);
  assert_label (bins, 0, "-1200–<-1000");
  /* A dash between negative numbers would read as a minus sign. */
  assert_label (whole, 0, "-25 – -21");
  assert_label (whole, whole->n_bins - 1, "10–14");
}

static void
test_one_value (void)
{
  double same[] = { 7, 7, 7, NAN };
  double decimal[] = { 2.5 };
  g_autoptr(FeBins) bins = bins_of (same, G_N_ELEMENTS (same));
  g_autoptr(FeBins) one = bins_of (decimal, 1);
  double none[] = { NAN, NAN };

  g_assert_cmpuint (bins->n_bins, ==, 1);
  assert_label (bins, 0, "7");
  assert_label (one, 0, "2.5");
  g_assert_null (fe_bins_new (none, 2));
  g_assert_null (fe_bins_new (NULL, 0));
}

static void
test_outliers (void)
{
  g_autofree double *salaries = g_new (double, 200);
  g_autoptr(FeBins) bins = NULL;

  for (guint i = 0; i < 198; i++)
    salaries[i] = 20000 + i * 150;
  salaries[198] = 1000000;
  salaries[199] = 5;
  bins = bins_of (salaries, 200);

  /* One salary of a million does not squash the rest into one bar. */
  g_assert_cmpuint (bins->n_bins, <=, 14);
  g_assert_true (isinf (bins->edges[0]) && bins->edges[0] < 0);
  g_assert_true (isinf (bins->edges[bins->n_bins]));
  assert_label (bins, 0, "< 20000");
  assert_label (bins, bins->n_bins - 1, "≥ 50000");
  g_assert_cmpuint (fe_bins_find (bins, 1000000), ==, bins->n_bins - 1);
  g_assert_cmpuint (fe_bins_find (bins, 5), ==, 0);
}

/* A fuzzed SPSS file gave answers of ±DBL_MAX (what SPSS stores as system-missing and HIGHEST):
 * the range overflowed to infinity, a double was cast out of a long's range, and the search for
 * edges ran on for good. Answers that far out now go into the open end bins; every answer is in
 * exactly one bin, and the bins come back at once. */
static void
test_answers_out_of_reach (void)
{
  double ends[] = { -DBL_MAX, DBL_MAX, 3, 4, 9 };
  double only_high[] = { DBL_MAX, 1e300, 2e15 };
  double only_low[] = { -DBL_MAX, -1e16 };
  double both[] = { -DBL_MAX, DBL_MAX };
  double one_kept[] = { 7, 7, 1e300 };
  /* Answers a hair apart far from zero: edges one apart would be the same double. */
  double close[] = { 900000000000000.25, 900000000000000.5, 900000000000000.75 };
  double tiny[] = { 1e-310, 3e-310 };
  g_autoptr(FeBins) with_ends = bins_of (ends, G_N_ELEMENTS (ends));
  g_autoptr(FeBins) high = bins_of (only_high, G_N_ELEMENTS (only_high));
  g_autoptr(FeBins) low = bins_of (only_low, G_N_ELEMENTS (only_low));
  g_autoptr(FeBins) apart = bins_of (both, G_N_ELEMENTS (both));
  g_autoptr(FeBins) kept = bins_of (one_kept, G_N_ELEMENTS (one_kept));
  g_autoptr(FeBins) near = bins_of (close, G_N_ELEMENTS (close));
  g_autoptr(FeBins) small = bins_of (tiny, G_N_ELEMENTS (tiny));
  g_autofree char *near_label = fe_bins_dup_label (near, 0);

  /* 3 to 9 in bins of one, with the two far answers apart at either end. */
  g_assert_cmpuint (with_ends->n_bins, ==, 9);
  assert_label (with_ends, 0, "< 3");
  assert_label (with_ends, 1, "3");
  assert_label (with_ends, 8, "≥ 10");
  g_assert_cmpuint (fe_bins_find (with_ends, -DBL_MAX), ==, 0);
  g_assert_cmpuint (fe_bins_find (with_ends, DBL_MAX), ==, 8);

  g_assert_cmpuint (high->n_bins, ==, 1);
  assert_label (high, 0, "≥ 1e+15");
  g_assert_cmpuint (low->n_bins, ==, 1);
  assert_label (low, 0, "< -1e+15");
  g_assert_cmpuint (apart->n_bins, ==, 2);
  assert_label (apart, 0, "< 1e+15");
  assert_label (apart, 1, "≥ 1e+15");

  g_assert_cmpuint (kept->n_bins, ==, 2);
  assert_label (kept, 0, "7");
  assert_label (kept, 1, "≥ 8");

  /* Whole numbers keep whole bins though a far answer set apart is not whole. */
  {
    double whole_and_far[] = { 1, 2, 3, 1e15 + 0.5 };
    g_autoptr(FeBins) whole = bins_of (whole_and_far, G_N_ELEMENTS (whole_and_far));

    g_assert_true (whole->integers);
    assert_label (whole, 0, "1");
    assert_label (whole, whole->n_bins - 1, "≥ 4");
  }

  /* Labels say their edges exactly, even where fifteen digits do not: a bin that starts at
   * 100000000000.0025 does not read as starting at .003. */
  {
    double fine[] = { 100000000000.0025, 100000000000.0274 };
    g_autoptr(FeBins) labelled = bins_of (fine, G_N_ELEMENTS (fine));
    double from, to;

    for (guint b = 0; b < labelled->n_bins; b++)
      {
        g_autofree char *label = fe_bins_dup_label (labelled, b);
        g_autofree char *range = NULL;
        g_auto(GStrv) sides = g_strsplit (label, "–<", 2);

        g_assert_cmpuint (g_strv_length (sides), ==, 2);
        g_assert_cmpfloat (g_ascii_strtod (sides[0], NULL), ==, labelled->edges[b]);
        g_assert_cmpfloat (g_ascii_strtod (sides[1], NULL), ==, labelled->edges[b + 1]);
        /* A range typed from the label takes the bin whole. */
        range = g_strdup_printf ("%s..%s", sides[0], sides[1]);
        g_assert_true (fe_bins_parse_range (range, &from, &to));
        {
          guint first, last;
          g_autoptr(GError) error = NULL;

          g_assert_true (fe_bins_select_range (labelled, from, to, &first, &last, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (first, ==, b);
          g_assert_cmpuint (last, ==, b);
        }
      }
  }

  /* Mostly far answers, closely spread: the outlier rule looks only at the answers in reach
   * (the far ones' percentiles, taken for its ends, would have put its start past its end). */
  {
    double mostly_far[500];
    g_autoptr(FeBins) far = NULL;

    for (guint i = 0; i < 498; i++)
      mostly_far[i] = 1e16 + 2 * (i % 2);
    mostly_far[498] = 1;
    mostly_far[499] = 100;
    far = bins_of (mostly_far, G_N_ELEMENTS (mostly_far));
    g_assert_cmpuint (far->n_bins, <=, 13);
    assert_label (far, 0, "0–9");
    g_assert_cmpuint (fe_bins_find (far, 1e16), ==, far->n_bins - 1);
    g_assert_true (isinf (far->edges[far->n_bins]));
  }

  /* One bin wide enough for the three, which says its range, not one of them. */
  g_assert_cmpuint (near->n_bins, ==, 1);
  g_assert_true (strstr (near_label, "–<") != NULL);
  g_assert_cmpuint (small->n_bins, >=, 1);
}

static void
test_ranges (void)
{
  double ages[] = { 18, 24, 25, 33, 47, 51, 64, 65, 79, 90 };
  g_autoptr(FeBins) bins = bins_of (ages, G_N_ELEMENTS (ages));
  g_autoptr(GError) error = NULL;
  guint first, last;
  double from, to;

  g_assert_true (fe_bins_parse_range ("20..39", &from, &to));
  g_assert_true (fe_bins_select_range (bins, from, to, &first, &last, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (last, ==, 2);

  g_assert_true (fe_bins_parse_range ("65..", &from, &to));
  g_assert_true (isinf (to));
  g_assert_false (fe_bins_select_range (bins, from, to, &first, &last, &error));
  /* 65 cuts 60–69: refused, naming the bins, rather than counted as something else. */
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "60–69"));
  g_clear_error (&error);
  g_assert_true (fe_bins_parse_range ("60..", &from, &to));
  g_assert_true (fe_bins_select_range (bins, from, to, &first, &last, &error));
  g_assert_cmpuint (first, ==, 5);
  g_assert_cmpuint (last, ==, bins->n_bins - 1);

  g_assert_false (fe_bins_parse_range ("18-24", &from, &to));
  g_assert_false (fe_bins_parse_range ("..", &from, &to));
  g_assert_false (fe_bins_parse_range ("30..20", &from, &to));
}

static void
test_parse (void)
{
  double value;

  g_assert_true (fe_number_parse (" 4 ", &value) && value == 4);
  g_assert_true (fe_number_parse ("-2.5", &value) && value == -2.5);
  g_assert_true (fe_number_parse ("1e3", &value) && value == 1000);
  g_assert_false (fe_number_parse ("nan", &value));
  g_assert_false (fe_number_parse ("inf", &value));
  g_assert_false (fe_number_parse ("0x10", &value));
  g_assert_false (fe_number_parse ("1,5", &value));
  g_assert_false (fe_number_parse ("", &value));
}

/* A number as a column writes it: its marks where that notation puts them, a currency sign
 * before or after; a mark anywhere else makes no number, never another one. */
static void
test_parse_written (void)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  const FeNotation dot = FE_NOTATION_DECIMAL_DOT, comma = FE_NOTATION_DECIMAL_COMMA;
  double value;

  g_assert_true (fe_number_parse_written ("£12,322.25", dot, scratch, &value)
                 && value == 12322.25);
  g_assert_true (fe_number_parse_written ("-$1,250,000", dot, scratch, &value)
                 && value == -1250000);
  g_assert_true (fe_number_parse_written ("1e3", dot, scratch, &value) && value == 1000);
  g_assert_true (fe_number_parse_written ("24.467,98", comma, scratch, &value)
                 && value == 24467.98);
  g_assert_true (fe_number_parse_written ("12,50 €", comma, scratch, &value) && value == 12.5);
  g_assert_true (fe_number_parse_written ("12,50\u00a0€", comma, scratch, &value)
                 && value == 12.5);
  g_assert_true (fe_number_parse_written ("3.525", comma, scratch, &value) && value == 3525);
  g_assert_false (fe_number_parse_written ("1,2", dot, scratch, &value));
  g_assert_false (fe_number_parse_written ("1,2345", dot, scratch, &value));
  g_assert_false (fe_number_parse_written ("1234,567", dot, scratch, &value));
  g_assert_false (fe_number_parse_written ("0,123", dot, scratch, &value));
  g_assert_false (fe_number_parse_written ("3.5", comma, scratch, &value));
  g_assert_false (fe_number_parse_written ("£", dot, scratch, &value));
  g_assert_false (fe_number_parse_written ("£5 £", dot, scratch, &value));
  g_assert_false (fe_number_parse_written ("5,", comma, scratch, &value));
  /* Spaces between thousands, as French exports write them; a space before a sign. */
  g_assert_true (fe_number_parse_written ("1 234,5", comma, scratch, &value) && value == 1234.5);
  g_assert_true (fe_number_parse_written ("12\u202f500", dot, scratch, &value) && value == 12500);
  g_assert_true (fe_number_parse_written ("12 €", dot, scratch, &value) && value == 12);
  g_assert_true (fe_number_parse_written ("1 250 €", dot, scratch, &value) && value == 1250);
  g_assert_true (fe_number_parse_written ("12\u00a0500\u00a0€", comma, scratch, &value)
                 && value == 12500);
  g_assert_false (fe_number_parse_written ("1 234,5", dot, scratch, &value));
  g_assert_false (fe_number_parse_written ("10 15", dot, scratch, &value));
  g_assert_false (fe_number_parse_written ("1 2345", comma, scratch, &value));
  g_assert_false (fe_number_parse_written ("1.234 567", comma, scratch, &value));
  /* The minus sign of word processors. */
  g_assert_true (fe_number_parse_written ("\u22123.5", dot, scratch, &value) && value == -3.5);
  /* A percentage is its number of hundredths. */
  g_assert_true (fe_number_parse_written ("45%", dot, scratch, &value) && value == 45);
  g_assert_true (fe_number_parse_written ("12,5 %", comma, scratch, &value) && value == 12.5);
  g_assert_false (fe_number_parse_written ("%45", dot, scratch, &value));
  g_assert_false (fe_number_parse_written ("£45%", dot, scratch, &value));
}

static void
test_quartiles (void)
{
  double numbers[] = { 1, 2, 3, 4, NAN, 100 };
  g_autoptr(FeBitset) rows = fe_bitset_new_full (G_N_ELEMENTS (numbers));
  double q[3];
  g_autofree char *text = NULL;

  /* Of 1, 2, 3, 4, 100: interpolated as R and Excel's QUARTILE.INC do. */
  g_assert_cmpuint (fe_numbers_quartiles (numbers, rows, q), ==, 5);
  g_assert_cmpfloat (q[0], ==, 2);
  g_assert_cmpfloat (q[1], ==, 3);
  g_assert_cmpfloat (q[2], ==, 4);
  fe_bitset_clear_bit (rows, 5);
  g_assert_cmpuint (fe_numbers_quartiles (numbers, rows, q), ==, 4);
  g_assert_cmpfloat (q[0], ==, 1.75);
  g_assert_cmpfloat (q[1], ==, 2.5);
  text = fe_numbers_describe (4, q, 0, FALSE, FALSE);
  g_assert_cmpstr (text, ==, "Median 2.5; quartiles 1.75 and 3.25, of 4 numbers.");
  g_clear_pointer (&text, g_free);
  /* Beside weighted percentages, they say they are not weighted themselves. */
  text = fe_numbers_describe (4, q, 0, FALSE, TRUE);
  g_assert_cmpstr (text, ==, "Median 2.5; quartiles 1.75 and 3.25, of 4 numbers, unweighted.");
  g_clear_pointer (&text, g_free);
  /* Where a count is withheld, neither how many gave a number (the answered less it) nor the
   * quartiles (a median between two bins is a count below it) are said. */
  text = fe_numbers_describe (4, q, 3, TRUE, FALSE);
  g_assert_null (strstr (text, "2.5"));
  g_assert_null (strstr (text, "4"));
  g_clear_pointer (&text, g_free);
  /* Under the disclosure threshold the quartiles are not stated. */
  text = fe_numbers_describe (4, q, 5, FALSE, FALSE);
  g_assert_null (strstr (text, "2.5"));
  g_clear_pointer (&text, g_free);

  /* Answers whose difference overflows a double still have the median between them, not an
   * infinity, and the note says it without overflowing either. */
  {
    double far[] = { -DBL_MAX, DBL_MAX };
    g_autoptr(FeBitset) both = fe_bitset_new_full (2);

    g_assert_cmpuint (fe_numbers_quartiles (far, both, q), ==, 2);
    g_assert_cmpfloat (q[1], ==, 0);
    g_assert_true (isfinite (q[0]) && q[0] < 0);
    g_assert_true (isfinite (q[2]) && q[2] > 0);
    text = fe_numbers_describe (2, q, 0, FALSE, FALSE);
    g_assert_null (strstr (text, "inf"));
    g_assert_nonnull (strstr (text, "Median 0;"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/bins/ages", test_ages);
  g_test_add_func ("/core/bins/parse-written", test_parse_written);
  g_test_add_func ("/core/bins/narrow-whole-numbers", test_narrow_whole_numbers);
  g_test_add_func ("/core/bins/decimals", test_decimals);
  g_test_add_func ("/core/bins/negative", test_negative);
  g_test_add_func ("/core/bins/one-value", test_one_value);
  g_test_add_func ("/core/bins/outliers", test_outliers);
  g_test_add_func ("/core/bins/answers-out-of-reach", test_answers_out_of_reach);
  g_test_add_func ("/core/bins/ranges", test_ranges);
  g_test_add_func ("/core/bins/parse", test_parse);
  g_test_add_func ("/core/bins/quartiles", test_quartiles);
  return g_test_run ();
}
