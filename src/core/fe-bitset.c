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
  guint count = 0;

  for (guint i = 0; i < set->n_words; i++)
    count += (guint) __builtin_popcountll (set->words[i]);
  return count;
}

guint
fe_bitset_count_and (const FeBitset *a,
                     const FeBitset *b)
{
  guint count = 0;

  g_assert (a->n_bits == b->n_bits);
  for (guint i = 0; i < a->n_words; i++)
    count += (guint) __builtin_popcountll (a->words[i] & b->words[i]);
  return count;
}

guint
fe_bitset_count_and3 (const FeBitset *a,
                      const FeBitset *b,
                      const FeBitset *c)
{
  guint count = 0;

  g_assert (a->n_bits == b->n_bits && a->n_bits == c->n_bits);
  for (guint i = 0; i < a->n_words; i++)
    count += (guint) __builtin_popcountll (a->words[i] & b->words[i] & c->words[i]);
  return count;
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
