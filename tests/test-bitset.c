/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>

#include "fe-bitset.h"

static void
test_counts_across_words (void)
{
  g_autoptr(FeBitset) a = fe_bitset_new (130);
  g_autoptr(FeBitset) b = fe_bitset_new (130);
  g_autoptr(FeBitset) full = fe_bitset_new_full (130);
  guint seen = 0;

  fe_bitset_set (a, 0);
  fe_bitset_set (a, 63);
  fe_bitset_set (a, 64);
  fe_bitset_set (a, 129);
  fe_bitset_set (b, 64);
  fe_bitset_set (b, 129);

  g_assert_cmpuint (fe_bitset_count (a), ==, 4);
  g_assert_cmpuint (fe_bitset_count (full), ==, 130);
  g_assert_cmpuint (fe_bitset_count_and (a, b), ==, 2);
  g_assert_cmpuint (fe_bitset_count_and3 (a, b, full), ==, 2);
  FE_BITSET_FOREACH (a, bit)
    {
      g_assert_true (bit == 0 || bit == 63 || bit == 64 || bit == 129);
      seen++;
    }
  g_assert_cmpuint (seen, ==, 4);

  fe_bitset_and_not (a, b);
  g_assert_cmpuint (fe_bitset_count (a), ==, 2);
  fe_bitset_or (a, b);
  g_assert_cmpuint (fe_bitset_count (a), ==, 4);
  fe_bitset_clear_bit (a, 0);
  g_assert_false (fe_bitset_get (a, 0));
  g_assert_cmpuint (fe_bitset_next (a, 0), ==, 63);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/bitset/counts-across-words", test_counts_across_words);
  return g_test_run ();
}
