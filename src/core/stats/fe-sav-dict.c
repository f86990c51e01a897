/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-sav-dict.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* The dictionary is read whole; a real one is at most a few megabytes. */
#define MAX_DICTIONARY_BYTES (64u * 1024 * 1024)
#define HEADER_BYTES 176

void
fe_sav_mr_set_free (FeSavMrSet *set)
{
  if (set == NULL)
    return;
  g_free (set->name);
  g_free (set->label);
  g_free (set->counted);
  g_clear_pointer (&set->members, g_ptr_array_unref);
  g_free (set);
}

/* A decimal number at *@p (at most 9 digits), past it. */
static gboolean
take_number (const char **p,
             const char  *end,
             gsize       *value)
{
  const char *q = *p;
  gsize n = 0;
  guint digits = 0;

  while (q < end && g_ascii_isdigit (*q) && digits < 9)
    {
      n = n * 10 + (gsize) (*q - '0');
      q++;
      digits++;
    }
  if (digits == 0)
    return FALSE;
  *p = q;
  *value = n;
  return TRUE;
}

/* "<length> <bytes>": a counted string, past it. */
static char *
take_counted (const char **p,
              const char  *end)
{
  gsize length;
  const char *q = *p;

  if (!take_number (&q, end, &length) || q >= end || *q != ' ')
    return NULL;
  q++;
  if (length > (gsize) (end - q))
    return NULL;
  *p = q + length;
  return g_strndup (q, length);
}

static void
skip_spaces (const char **p,
             const char  *end)
{
  while (*p < end && **p == ' ')
    (*p)++;
}

/* One line: $name=D<len> <value> <len> <label> var var… (C: no counted value; E: a flag
 * 1 or 11 before it, 11 naming the options by the counted value's labels). */
static FeSavMrSet *
parse_line (const char *p,
            const char *end)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  g_autofree char *counted = NULL;
  g_autofree char *label = NULL;
  const char *equals = memchr (p, '=', (gsize) (end - p));
  gboolean dichotomy, counted_labels = FALSE;
  FeSavMrSet *set;
  char type;

  if (equals == NULL || equals == p)
    return NULL;
  if (*p == '$')
    p++;
  if (equals <= p)
    return NULL;
  name = g_strndup (p, (gsize) (equals - p));
  p = equals + 1;
  if (p >= end)
    return NULL;
  type = *p++;
  if (type != 'C' && type != 'D' && type != 'E')
    return NULL;
  dichotomy = type != 'C';
  if (type == 'E')
    {
      gsize flag;

      skip_spaces (&p, end);
      if (!take_number (&p, end, &flag))
        return NULL;
      counted_labels = flag == 11;
      skip_spaces (&p, end);
    }
  if (dichotomy && (counted = take_counted (&p, end)) == NULL)
    return NULL;
  skip_spaces (&p, end);
  if ((label = take_counted (&p, end)) == NULL)
    return NULL;
  while (p < end)
    {
      const char *start;

      skip_spaces (&p, end);
      start = p;
      while (p < end && *p != ' ')
        p++;
      if (p > start)
        g_ptr_array_add (members, g_strndup (start, (gsize) (p - start)));
    }
  if (members->len == 0)
    return NULL;

  set = g_new0 (FeSavMrSet, 1);
  set->name = g_steal_pointer (&name);
  set->label = g_strstrip (g_steal_pointer (&label));
  set->dichotomy = dichotomy;
  set->counted = counted != NULL ? g_strstrip (g_steal_pointer (&counted)) : NULL;
  set->counted_labels = counted_labels;
  set->members = g_steal_pointer (&members);
  return set;
}

void
fe_sav_parse_mr_sets (const char *text,
                      GPtrArray  *sets)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *end = strchr (p, '\n');
      FeSavMrSet *set;

      if (end == NULL)
        end = p + strlen (p);
      /* Some writers end lines with "\r\n" or pad with spaces. */
      {
        const char *trimmed = end;

        while (trimmed > p && (trimmed[-1] == '\r' || trimmed[-1] == ' '))
          trimmed--;
        set = parse_line (p, trimmed);
      }
      if (set != NULL)
        g_ptr_array_add (sets, set);
      p = *end ? end + 1 : end;
    }
}

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         at;
  gboolean      swap;
} Reader;

static gboolean
read_bytes (Reader       *r,
            gsize         n,
            const guint8 **out)
{
  if (n > r->length - r->at)
    return FALSE;
  if (out != NULL)
    *out = r->data + r->at;
  r->at += n;
  return TRUE;
}

static gboolean
read_int32 (Reader *r,
            gint32 *value)
{
  const guint8 *p;
  guint32 v;

  if (!read_bytes (r, 4, &p))
    return FALSE;
  memcpy (&v, p, 4);
  if (r->swap)
    v = GUINT32_SWAP_LE_BE (v);
  *value = (gint32) v;
  return TRUE;
}

/* The record's text in UTF-8, from the file's encoding. */
static char *
to_utf8 (const guint8 *bytes,
         gsize         length,
         const char   *encoding)
{
  char *converted;

  if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
    {
      converted = g_convert ((const char *) bytes, (gssize) length, "UTF-8", encoding, NULL,
                             NULL, NULL);
      if (converted != NULL)
        return converted;
    }
  if (g_utf8_validate ((const char *) bytes, (gssize) length, NULL))
    return g_strndup ((const char *) bytes, length);
  converted = g_convert ((const char *) bytes, (gssize) length, "UTF-8", "WINDOWS-1252", NULL,
                         NULL, NULL);
  return converted != NULL ? converted
                           : g_utf8_make_valid ((const char *) bytes, (gssize) length);
}

/* "SHORT=Long name\tSHORT2=Other": short name → long name. */
static void
parse_long_names (const char *text,
                  GHashTable *long_names)
{
  g_auto(GStrv) pairs = g_strsplit (text, "\t", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *equals = strchr (pairs[i], '=');

      if (equals == NULL || equals == pairs[i] || equals[1] == '\0')
        continue;
      *equals = '\0';
      g_hash_table_replace (long_names, g_strdup (pairs[i]), g_strdup (equals + 1));
    }
}

gboolean
fe_sav_parse_dictionary (const guint8 *data,
                         gsize         length,
                         const char   *encoding,
                         GPtrArray   **sets_out,
                         GHashTable  **long_names_out)
{
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) fe_sav_mr_set_free);
  g_autoptr(GHashTable) long_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            g_free);
  Reader r = { data, length, 0, FALSE };
  gint32 layout;
  gboolean ok = FALSE;

  *sets_out = NULL;
  *long_names_out = NULL;
  if (length < HEADER_BYTES || (memcmp (data, "$FL2", 4) != 0 && memcmp (data, "$FL3", 4) != 0))
    goto out;
  r.at = 64;
  if (!read_int32 (&r, &layout))
    goto out;
  if (layout != 2 && layout != 3)
    {
      r.swap = TRUE;
      layout = (gint32) GUINT32_SWAP_LE_BE ((guint32) layout);
      if (layout != 2 && layout != 3)
        goto out;
    }
  r.at = HEADER_BYTES;

  for (;;)
    {
      gint32 type;

      if (!read_int32 (&r, &type))
        goto out;
      switch (type)
        {
        case 2:  /* a variable */
          {
            gint32 var_type, has_label, n_missing, print, write;

            if (!read_int32 (&r, &var_type) || !read_int32 (&r, &has_label)
                || !read_int32 (&r, &n_missing) || !read_int32 (&r, &print)
                || !read_int32 (&r, &write) || !read_bytes (&r, 8, NULL))
              goto out;
            if (has_label == 1)
              {
                gint32 label_length;

                if (!read_int32 (&r, &label_length) || label_length < 0
                    || !read_bytes (&r, ((gsize) label_length + 3) / 4 * 4, NULL))
                  goto out;
              }
            if (n_missing < -3 || n_missing > 3
                || !read_bytes (&r, (gsize) ABS (n_missing) * 8, NULL))
              goto out;
            break;
          }
        case 3:  /* value labels, then the variables they label (type 4) */
          {
            gint32 count, type4, n_vars;

            if (!read_int32 (&r, &count) || count < 0)
              goto out;
            for (gint32 i = 0; i < count; i++)
              {
                const guint8 *label_length;

                if (!read_bytes (&r, 8, NULL) || !read_bytes (&r, 1, &label_length)
                    || !read_bytes (&r, ((gsize) *label_length + 1 + 7) / 8 * 8 - 1, NULL))
                  goto out;
              }
            if (!read_int32 (&r, &type4) || type4 != 4 || !read_int32 (&r, &n_vars)
                || n_vars < 0 || !read_bytes (&r, (gsize) n_vars * 4, NULL))
              goto out;
            break;
          }
        case 6:  /* document lines */
          {
            gint32 n_lines;

            if (!read_int32 (&r, &n_lines) || n_lines < 0
                || !read_bytes (&r, (gsize) n_lines * 80, NULL))
              goto out;
            break;
          }
        case 7:  /* extensions: 7 and 19 MR sets, 13 long names */
          {
            gint32 subtype, size, count;
            const guint8 *bytes;
            gsize n;

            if (!read_int32 (&r, &subtype) || !read_int32 (&r, &size) || !read_int32 (&r, &count)
                || size < 0 || count < 0
                || (size > 0 && (gsize) count > G_MAXSIZE / (gsize) size))
              goto out;
            n = (gsize) size * (gsize) count;
            if (!read_bytes (&r, n, &bytes))
              goto out;
            if (subtype == 7 || subtype == 19 || subtype == 13)
              {
                g_autofree char *text = to_utf8 (bytes, n, encoding);

                if (text == NULL)
                  break;
                if (subtype == 13)
                  parse_long_names (text, long_names);
                else
                  fe_sav_parse_mr_sets (text, sets);
              }
            break;
          }
        case 999:  /* the end of the dictionary */
          ok = TRUE;
          goto out;
        default:
          goto out;
        }
    }
out:
  /* Sets read before damage are still sets; the caller learns the dictionary was cut. */
  *sets_out = g_steal_pointer (&sets);
  *long_names_out = g_steal_pointer (&long_names);
  return ok;
}

gboolean
fe_sav_read_dictionary (const char  *path,
                        const char  *encoding,
                        GPtrArray  **sets,
                        GHashTable **long_names)
{
  FILE *file = fopen (path, "rb");
  g_autofree guint8 *data = NULL;
  gsize length;
  long size;

  if (file == NULL)
    return fe_sav_parse_dictionary ((const guint8 *) "", 0, encoding, sets, long_names);

  /* The dictionary precedes the data; a file larger than the bound is read up to it only. */
  if (fseek (file, 0, SEEK_END) != 0 || (size = ftell (file)) < 0 || fseek (file, 0, SEEK_SET) != 0)
    size = MAX_DICTIONARY_BYTES;
  size = MIN (size, (long) MAX_DICTIONARY_BYTES);
  data = g_malloc ((gsize) size + 1);
  length = fread (data, 1, (gsize) size, file);
  fclose (file);
  return fe_sav_parse_dictionary (data, length, encoding, sets, long_names);
}
