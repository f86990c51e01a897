/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fixed-size set of rows. Filters and tallies are word-wise ANDs and popcounts over these, so
 * that re-tallying a million respondents touches 15,625 words per level rather than every row. */
typedef struct _FeBitset FeBitset;

FeBitset *fe_bitset_new          (guint           n_bits);
FeBitset *fe_bitset_new_full     (guint           n_bits);
FeBitset *fe_bitset_copy         (const FeBitset *set);
void      fe_bitset_free         (FeBitset       *set);
guint     fe_bitset_get_size     (const FeBitset *set);
void      fe_bitset_set          (FeBitset       *set,
                                  guint           bit);
void      fe_bitset_clear_bit    (FeBitset       *set,
                                  guint           bit);
gboolean  fe_bitset_get          (const FeBitset *set,
                                  guint           bit);
void      fe_bitset_fill         (FeBitset       *set,
                                  gboolean        value);
void      fe_bitset_assign       (FeBitset       *dest,
                                  const FeBitset *src);
void      fe_bitset_and          (FeBitset       *dest,
                                  const FeBitset *other);
void      fe_bitset_or           (FeBitset       *dest,
                                  const FeBitset *other);
void      fe_bitset_and_not      (FeBitset       *dest,
                                  const FeBitset *other);
guint     fe_bitset_count        (const FeBitset *set);
guint     fe_bitset_count_and    (const FeBitset *a,
                                  const FeBitset *b);
guint     fe_bitset_count_and3   (const FeBitset *a,
                                  const FeBitset *b,
                                  const FeBitset *c);
/* |@a ∧ @b| in *@base and |@a ∧ @b ∧ @sets[k]| in @counts[k], in one pass over @a and @b (@b
 * may be NULL: every row); @base may be NULL. What a tally of many levels needs. */
void      fe_bitset_count_and_many (const FeBitset        *a,
                                    const FeBitset        *b,
                                    const FeBitset *const *sets,
                                    guint                  n_sets,
                                    guint                 *base,
                                    guint                 *counts);

/* Which loop counts @n_words words on this processor: what the tests check they reach. */
typedef enum
{
  FE_BITSET_KERNEL_PORTABLE,  /* the compiler's popcount */
  FE_BITSET_KERNEL_POPCNT,    /* x86-64 POPCNT, a word at a time */
  FE_BITSET_KERNEL_AVX2,      /* x86-64 AVX2, four words at a time: from 16 words */
} FeBitsetKernel;

FeBitsetKernel fe_bitset_get_kernel (gsize n_words);

/* The words of the set, bit i of the set being bit i % 64 of word i / 64, for loops that fill
 * a set row by row at load time. Bits past the size must stay 0. */
guint64  *fe_bitset_peek_words   (FeBitset       *set);

/* Returns the first set bit at or after @from, or G_MAXUINT when there is none. */
guint     fe_bitset_next         (const FeBitset *set,
                                  guint           from);

#define FE_BITSET_FOREACH(set, bit) \
  for (guint bit = fe_bitset_next ((set), 0); bit != G_MAXUINT; bit = fe_bitset_next ((set), bit + 1))

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeBitset, fe_bitset_free)

G_END_DECLS
