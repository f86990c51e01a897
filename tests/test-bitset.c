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

/* A set of @n_bits with each bit set with probability @density (0 to 1), and the same bits
 * in @plain, one gboolean a bit. */
static FeBitset *
random_set (GRand    *rand,
            guint     n_bits,
            double    density,
            gboolean *plain)
{
  FeBitset *set = fe_bitset_new (n_bits);

  for (guint bit = 0; bit < n_bits; bit++)
    {
      plain[bit] = g_rand_double (rand) < density;
      if (plain[bit])
        fe_bitset_set (set, bit);
    }
  return set;
}

/* The counts of every size around where the AVX2 loop takes over (16 words: 1,024 bits), up
 * past its inner block of 32 words and with tails of every length, against a plain count bit
 * by bit. On a processor with AVX2 the sets of 16 words and more are counted by it, as the
 * kernel check shows; elsewhere the same sizes test the loop it has. */
static void
test_counts_every_kernel (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1615);
  const double densities[] = { 0.0, 0.03, 0.5, 0.97, 1.0 };
  guint avx2_sizes = 0;

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  __builtin_cpu_init ();
  if (__builtin_cpu_supports ("avx2"))
    {
      g_assert_cmpint (fe_bitset_get_kernel (15), ==, FE_BITSET_KERNEL_POPCNT);
      g_assert_cmpint (fe_bitset_get_kernel (16), ==, FE_BITSET_KERNEL_AVX2);
      g_assert_cmpint (fe_bitset_get_kernel (1000), ==, FE_BITSET_KERNEL_AVX2);
    }
  else
    g_test_message ("no AVX2 here: the sizes it would count are counted by the loop there is");
#endif

  for (guint n_bits = 12 * 64 - 5; n_bits <= 48 * 64 + 70; n_bits += n_bits < 20 * 64 ? 1 : 37)
    for (guint d = 0; d < G_N_ELEMENTS (densities); d++)
      {
        g_autofree gboolean *pa = g_new (gboolean, n_bits);
        g_autofree gboolean *pb = g_new (gboolean, n_bits);
        g_autofree gboolean *pc = g_new (gboolean, n_bits);
        g_autoptr(FeBitset) a = random_set (rand, n_bits, densities[d], pa);
        g_autoptr(FeBitset) b = random_set (rand, n_bits, g_rand_double (rand), pb);
        g_autoptr(FeBitset) c = random_set (rand, n_bits, densities[G_N_ELEMENTS (densities)
                                                                   - 1 - d], pc);
        const FeBitset *sets[] = { b, c };
        guint plain_a = 0, plain_ab = 0, plain_abc = 0, plain_ac = 0;
        guint base = 0, counts[2];

        for (guint bit = 0; bit < n_bits; bit++)
          {
            plain_a += pa[bit];
            plain_ab += pa[bit] && pb[bit];
            plain_ac += pa[bit] && pc[bit];
            plain_abc += pa[bit] && pb[bit] && pc[bit];
          }
        g_assert_cmpuint (fe_bitset_count (a), ==, plain_a);
        g_assert_cmpuint (fe_bitset_count_and (a, b), ==, plain_ab);
        g_assert_cmpuint (fe_bitset_count_and3 (a, b, c), ==, plain_abc);
        fe_bitset_count_and_many (a, NULL, sets, G_N_ELEMENTS (sets), &base, counts);
        g_assert_cmpuint (base, ==, plain_a);
        g_assert_cmpuint (counts[0], ==, plain_ab);
        g_assert_cmpuint (counts[1], ==, plain_ac);
        if (fe_bitset_get_kernel ((n_bits + 63) / 64) == FE_BITSET_KERNEL_AVX2)
          avx2_sizes++;
      }
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  if (__builtin_cpu_supports ("avx2"))
    g_assert_cmpuint (avx2_sizes, >, 100);
#endif
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/bitset/counts-across-words", test_counts_across_words);
  g_test_add_func ("/core/bitset/counts-every-kernel", test_counts_every_kernel);
  return g_test_run ();
}
