/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* Where a cell's bytes are in the text. Its length shares a word with a flag: set when the
 * bytes are the field as written, quotes and all, which libcsv must read again to give the
 * answer (fe_csv_decode_field()); clear when they are the answer itself. */
typedef struct
{
  guint32 offset;
  guint32 length;
} FeCsvSpan;

#define FE_CSV_SPAN_DECODE 0x80000000u
#define FE_CSV_SPAN_LENGTH(length) ((length) & 0x7fffffffu)
#define FE_CSV_MAX_CELL_BYTES 0x7fffffffu

/* One distinct value of a column. */
typedef struct
{
  guint64   hash;
  guint32   text;       /* offset of the NUL-terminated value in the dictionary's strings */
  guint32   length;
  guint32   count;      /* rows that give it, header rows included */
  guint32   first_row;  /* the first of them */
  FeCsvSpan first;      /* where it was first seen: any occurrence stands for the others */
} FeCsvEntry;

/* The distinct values of a column, each kept once; entries[0] is the empty value. */
typedef struct
{
  FeCsvEntry *entries;
  guint       n_entries;
  guint       entries_size;
  guint32    *slots;     /* open addressing: entry index + 1, 0 when free */
  guint       slot_mask;
  char       *strings;
  gsize       strings_length;
  gsize       strings_size;
} FeCsvDict;

void  fe_csv_dict_init       (FeCsvDict  *dict);
void  fe_csv_dict_clear      (FeCsvDict  *dict);
/* Adds a new entry for @text at free slot @slot. */
guint fe_csv_dict_add        (FeCsvDict  *dict,
                              guint       slot,
                              const char *text,
                              gsize       length,
                              guint64     hash,
                              guint       row,
                              FeCsvSpan   where);

static inline guint64
fe_csv_hash_bytes (const char *p,
                   gsize       n)
{
  guint64 h = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^ n;

  while (n >= 8)
    {
      guint64 w;

      memcpy (&w, p, 8);
      h = (h ^ w) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
      h ^= h >> 32;
      p += 8;
      n -= 8;
    }
  if (n > 0)
    {
      guint64 w = 0;

      memcpy (&w, p, n);
      h = (h ^ w) * G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
    }
  h ^= h >> 29;
  h *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  return h ^ (h >> 32);
}

/* Equal bytes, without a call for the short values most columns hold. */
static inline gboolean
fe_csv_same_bytes (const char *a,
                   const char *b,
                   gsize       n)
{
  guint64 wa, wb, wc, wd;

  if (n > 16)
    return memcmp (a, b, n) == 0;
  if (n >= 8)
    {
      memcpy (&wa, a, 8);
      memcpy (&wb, b, 8);
      memcpy (&wc, a + n - 8, 8);
      memcpy (&wd, b + n - 8, 8);
      return wa == wb && wc == wd;
    }
  for (gsize i = 0; i < n; i++)
    if (a[i] != b[i])
      return FALSE;
  return TRUE;
}

static inline const char *
fe_csv_dict_text (const FeCsvDict *dict,
                  guint            entry)
{
  return dict->strings + dict->entries[entry].text;
}

/* The entry of @text, added with @row and @where when new. Inline: loading calls it for
 * every cell of every listed column. */
static inline guint
fe_csv_dict_intern (FeCsvDict  *dict,
                    const char *text,
                    gsize       length,
                    guint64     hash,
                    guint       row,
                    FeCsvSpan   where,
                    gboolean   *added)
{
  guint i = (guint) hash & dict->slot_mask;

  for (; dict->slots[i] != 0; i = (i + 1) & dict->slot_mask)
    {
      const FeCsvEntry *entry = &dict->entries[dict->slots[i] - 1];

      if (entry->hash == hash && entry->length == length
          && fe_csv_same_bytes (dict->strings + entry->text, text, length))
        {
          *added = FALSE;
          return dict->slots[i] - 1;
        }
    }
  *added = TRUE;
  return fe_csv_dict_add (dict, i, text, length, hash, row, where);
}

G_END_DECLS
