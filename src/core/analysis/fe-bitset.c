/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-bitset.h"

#include <string.h>

struct _FeBitset
{
  guint   n_bits;
  guint   n_words;
  guint64 words[];
};

#define WORD_BITS 64

/* Counting is a popcount per word. Without -mpopcnt (x86-64's baseline has no POPCNT) the
 * compiler calls a table-driven routine several times slower; where AVX2 is there (most x86-64
 * since 2013) counting 256 bits at a time with a nibble look-up table (Muła's method) is about
 * twice as fast again. The processor is asked once, at the first count, and the loop built for
 * what it has is called: a plain test rather than an ifunc (target_clones), whose resolver runs
 * before sanitizer runtimes are ready and crashes ThreadSanitizer builds. */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define FE_HAVE_X86_KERNELS 1
#include <immintrin.h>

__attribute__((target ("avx2")))
static guint64
popcount_and_avx2 (const guint64 *a,
                   const guint64 *b,
                   gsize          n)
{
  const __m256i lookup = _mm256_setr_epi8 (0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
                                           0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
  const __m256i low = _mm256_set1_epi8 (0x0f);
  __m256i total = _mm256_setzero_si256 ();
  guint64 lanes[4], sum;
  gsize i = 0;

  while (i + 4 <= n)
    {
      /* Byte counts may add up to 8 × 4 = 32 per byte before they are summed into 64 bits. */
      __m256i bytes = _mm256_setzero_si256 ();
      gsize stop = MIN (n - n % 4, i + 4 * 8);

      for (; i < stop; i += 4)
        {
          __m256i v = _mm256_and_si256 (_mm256_loadu_si256 ((const __m256i *) (a + i)),
                                        _mm256_loadu_si256 ((const __m256i *) (b + i)));
          __m256i lo = _mm256_and_si256 (v, low);
          __m256i hi = _mm256_and_si256 (_mm256_srli_epi16 (v, 4), low);

          bytes = _mm256_add_epi8 (bytes, _mm256_add_epi8 (_mm256_shuffle_epi8 (lookup, lo),
                                                           _mm256_shuffle_epi8 (lookup, hi)));
        }
      total = _mm256_add_epi64 (total, _mm256_sad_epu8 (bytes, _mm256_setzero_si256 ()));
    }
  _mm256_storeu_si256 ((__m256i *) lanes, total);
  sum = lanes[0] + lanes[1] + lanes[2] + lanes[3];
  for (; i < n; i++)
    sum += (guint64) __builtin_popcountll (a[i] & b[i]);
  return sum;
}

__attribute__((target ("popcnt")))
static guint64
popcount_and_popcnt (const guint64 *a,
                     const guint64 *b,
                     gsize          n)
{
  guint64 sum = 0;

  for (gsize i = 0; i < n; i++)
    sum += (guint64) __builtin_popcountll (a[i] & b[i]);
  return sum;
}

enum { CPU_UNKNOWN, CPU_BASELINE, CPU_POPCNT, CPU_AVX2 };

static gint
cpu_level (void)
{
  static gint level = CPU_UNKNOWN;
  gint value = g_atomic_int_get (&level);

  if (value == CPU_UNKNOWN)
    {
      __builtin_cpu_init ();
      value = __builtin_cpu_supports ("avx2") ? CPU_AVX2
              : __builtin_cpu_supports ("popcnt") ? CPU_POPCNT : CPU_BASELINE;
      g_atomic_int_set (&level, value);
    }
  return value;
}
#endif

static guint64
popcount_and_portable (const guint64 *a,
                       const guint64 *b,
                       gsize          n)
{
  guint64 sum = 0;

  for (gsize i = 0; i < n; i++)
    sum += (guint64) __builtin_popcountll (a[i] & b[i]);
  return sum;
}

/* AVX2 pays for its set-up from this many words. */
#define AVX2_FROM_WORDS 16

FeBitsetKernel
fe_bitset_get_kernel (gsize n_words)
{
#ifdef FE_HAVE_X86_KERNELS
  switch (cpu_level ())
    {
    case CPU_AVX2:
      return n_words >= AVX2_FROM_WORDS ? FE_BITSET_KERNEL_AVX2 : FE_BITSET_KERNEL_POPCNT;
    case CPU_POPCNT:
      return FE_BITSET_KERNEL_POPCNT;
    default:
      break;
    }
#endif
  return FE_BITSET_KERNEL_PORTABLE;
}

/* |a ∧ b| over @n words, by the loop fe_bitset_get_kernel() names. */
static guint64
popcount_and (const guint64 *a,
              const guint64 *b,
              gsize          n)
{
  switch (fe_bitset_get_kernel (n))
    {
#ifdef FE_HAVE_X86_KERNELS
    case FE_BITSET_KERNEL_AVX2:
      return popcount_and_avx2 (a, b, n);
    case FE_BITSET_KERNEL_POPCNT:
      return popcount_and_popcnt (a, b, n);
#endif
    case FE_BITSET_KERNEL_PORTABLE:
    default:
      return popcount_and_portable (a, b, n);
    }
}

static FeBitset *
bitset_alloc (guint n_bits)
{
  guint n_words = (n_bits + WORD_BITS - 1) / WORD_BITS;
  FeBitset *set = g_malloc0 (sizeof (FeBitset) + (gsize) n_words * sizeof (guint64));

  set->n_bits = n_bits;
  set->n_words = n_words;
  return set;
}

/* Bits past n_bits in the last word are kept at zero so that counts never see them. */
static void
clear_tail (FeBitset *set)
{
  guint tail = set->n_bits % WORD_BITS;

  if (tail != 0)
    set->words[set->n_words - 1] &= (G_GUINT64_CONSTANT (1) << tail) - 1;
}

FeBitset *
fe_bitset_new (guint n_bits)
{
  return bitset_alloc (n_bits);
}

FeBitset *
fe_bitset_new_full (guint n_bits)
{
  FeBitset *set = bitset_alloc (n_bits);

  fe_bitset_fill (set, TRUE);
  return set;
}

FeBitset *
fe_bitset_copy (const FeBitset *set)
{
  FeBitset *copy;

  g_return_val_if_fail (set != NULL, NULL);

  copy = bitset_alloc (set->n_bits);
  memcpy (copy->words, set->words, (gsize) set->n_words * sizeof (guint64));
  return copy;
}

void
fe_bitset_free (FeBitset *set)
{
  g_free (set);
}

guint
fe_bitset_get_size (const FeBitset *set)
{
  return set->n_bits;
}

void
fe_bitset_set (FeBitset *set,
               guint     bit)
{
  g_assert (bit < set->n_bits);
  set->words[bit / WORD_BITS] |= G_GUINT64_CONSTANT (1) << (bit % WORD_BITS);
}

void
fe_bitset_clear_bit (FeBitset *set,
                     guint     bit)
{
  g_assert (bit < set->n_bits);
  set->words[bit / WORD_BITS] &= ~(G_GUINT64_CONSTANT (1) << (bit % WORD_BITS));
}

gboolean
fe_bitset_get (const FeBitset *set,
               guint           bit)
{
  g_assert (bit < set->n_bits);
  return (set->words[bit / WORD_BITS] >> (bit % WORD_BITS)) & 1;
}

void
fe_bitset_fill (FeBitset *set,
                gboolean  value)
{
  memset (set->words, value ? 0xff : 0, (gsize) set->n_words * sizeof (guint64));
  clear_tail (set);
}

void
fe_bitset_assign (FeBitset       *dest,
                  const FeBitset *src)
{
  g_assert (dest->n_bits == src->n_bits);
  memcpy (dest->words, src->words, (gsize) dest->n_words * sizeof (guint64));
}

void
fe_bitset_and (FeBitset       *dest,
               const FeBitset *other)
{
  g_assert (dest->n_bits == other->n_bits);
  for (guint i = 0; i < dest->n_words; i++)
    dest->words[i] &= other->words[i];
}

void
fe_bitset_or (FeBitset       *dest,
              const FeBitset *other)
{
  g_assert (dest->n_bits == other->n_bits);
  for (guint i = 0; i < dest->n_words; i++)
    dest->words[i] |= other->words[i];
}

void
fe_bitset_and_not (FeBitset       *dest,
                   const FeBitset *other)
{
  g_assert (dest->n_bits == other->n_bits);
  for (guint i = 0; i < dest->n_words; i++)
    dest->words[i] &= ~other->words[i];
}

guint
fe_bitset_count (const FeBitset *set)
{
  return (guint) popcount_and (set->words, set->words, set->n_words);
}

guint
fe_bitset_count_and (const FeBitset *a,
                     const FeBitset *b)
{
  g_assert (a->n_bits == b->n_bits);
  return (guint) popcount_and (a->words, b->words, a->n_words);
}

guint
fe_bitset_count_and3 (const FeBitset *a,
                      const FeBitset *b,
                      const FeBitset *c)
{
  guint count = 0;

  g_assert (a->n_bits == b->n_bits && a->n_bits == c->n_bits);
  fe_bitset_count_and_many (a, b, &c, 1, NULL, &count);
  return count;
}

void
fe_bitset_count_and_many (const FeBitset        *a,
                          const FeBitset        *b,
                          const FeBitset *const *sets,
                          guint                  n_sets,
                          guint                 *base,
                          guint                 *counts)
{
  guint64 total = 0;
  /* Blocks of words keep the intersection in L1 while each set is read once. */
  enum { BLOCK = 256 };
  guint64 both[BLOCK];

  g_assert (b == NULL || a->n_bits == b->n_bits);
  memset (counts, 0, sizeof (guint) * n_sets);
  for (guint start = 0; start < a->n_words; start += BLOCK)
    {
      guint n = MIN ((guint) BLOCK, a->n_words - start);
      guint64 any = 0;

      for (guint i = 0; i < n; i++)
        {
          both[i] = a->words[start + i] & (b ? b->words[start + i] : ~G_GUINT64_CONSTANT (0));
          any |= both[i];
        }
      /* A filtered group is often empty for long runs of rows. */
      if (any == 0)
        continue;
      total += popcount_and (both, both, n);
      for (guint k = 0; k < n_sets; k++)
        {
          g_assert (sets[k]->n_bits == a->n_bits);
          counts[k] += (guint) popcount_and (both, sets[k]->words + start, n);
        }
    }
  if (base != NULL)
    *base = (guint) total;
}

guint64 *
fe_bitset_peek_words (FeBitset *set)
{
  return set->words;
}

guint
fe_bitset_next (const FeBitset *set,
                guint           from)
{
  guint word_index;
  guint64 word;

  if (from >= set->n_bits)
    return G_MAXUINT;

  word_index = from / WORD_BITS;
  word = set->words[word_index] & (~G_GUINT64_CONSTANT (0) << (from % WORD_BITS));
  for (;;)
    {
      if (word != 0)
        return word_index * WORD_BITS + (guint) __builtin_ctzll (word);
      if (++word_index >= set->n_words)
        return G_MAXUINT;
      word = set->words[word_index];
    }
}
