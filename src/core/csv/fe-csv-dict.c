/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-csv-dict.h"

void
fe_csv_dict_init (FeCsvDict *dict)
{
  /* Small to start with: a file may have 100,000 columns of a value or two each. */
  dict->entries_size = 4;
  dict->entries = g_new0 (FeCsvEntry, dict->entries_size);
  dict->n_entries = 1;
  dict->slot_mask = 7;
  dict->slots = g_new0 (guint32, dict->slot_mask + 1);
  dict->strings_size = 32;
  dict->strings = g_malloc (dict->strings_size);
  dict->strings[0] = '\0';
  dict->strings_length = 1;
}

void
fe_csv_dict_clear (FeCsvDict *dict)
{
  g_clear_pointer (&dict->entries, g_free);
  g_clear_pointer (&dict->slots, g_free);
  g_clear_pointer (&dict->strings, g_free);
  dict->n_entries = 0;
}

static void
grow_slots (FeCsvDict *dict)
{
  guint mask = dict->slot_mask * 2 + 1;
  guint32 *slots = g_new0 (guint32, (gsize) mask + 1);

  for (guint e = 1; e < dict->n_entries; e++)
    {
      guint i = (guint) dict->entries[e].hash & mask;

      while (slots[i] != 0)
        i = (i + 1) & mask;
      slots[i] = e + 1;
    }
  g_free (dict->slots);
  dict->slots = slots;
  dict->slot_mask = mask;
}

guint
fe_csv_dict_add (FeCsvDict  *dict,
                 guint       slot,
                 const char *text,
                 gsize       length,
                 guint64     hash,
                 guint       row,
                 FeCsvSpan   where)
{
  FeCsvEntry *entry;
  guint e;

  if (dict->n_entries == dict->entries_size)
    {
      dict->entries_size *= 2;
      dict->entries = g_renew (FeCsvEntry, dict->entries, dict->entries_size);
    }
  if (dict->strings_length + length + 1 > dict->strings_size)
    {
      while (dict->strings_length + length + 1 > dict->strings_size)
        dict->strings_size *= 2;
      dict->strings = g_realloc (dict->strings, dict->strings_size);
    }
  e = dict->n_entries++;
  entry = &dict->entries[e];
  entry->hash = hash;
  entry->text = (guint32) dict->strings_length;
  entry->length = (guint32) length;
  entry->count = 0;
  entry->first_row = row;
  entry->first = where;
  memcpy (dict->strings + dict->strings_length, text, length);
  dict->strings[dict->strings_length + length] = '\0';
  dict->strings_length += length + 1;
  dict->slots[slot] = e + 1;
  if (dict->n_entries * 2 > dict->slot_mask)
    grow_slots (dict);
  return e;
}
