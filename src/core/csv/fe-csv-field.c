/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-csv-field.h"

#include <csv.h>
#include <string.h>

gsize
fe_csv_normalize_line_ends (char  *text,
                            gsize  length)
{
  const char *cr = memchr (text, '\r', length);
  gsize written = cr != NULL ? (gsize) (cr - text) : length;

  for (gsize i = written; i < length; i++)
    {
      if (text[i] == '\r')
        {
          text[written++] = '\n';
          if (i + 1 < length && text[i + 1] == '\n')
            i++;
        }
      else
        text[written++] = text[i];
    }
  return written;
}

void
fe_csv_tidy_cell (GString *out,
                  gsize    from)
{
  char *text = out->str + from;
  gsize length = out->len - from;
  gsize start = 0, end = length;

  while (start < end && fe_csv_is_blank ((guchar) text[start]))
    start++;
  while (end > start && fe_csv_is_blank ((guchar) text[end - 1]))
    end--;
  if (start > 0)
    memmove (text, text + start, end - start);
  g_string_truncate (out, from + fe_csv_normalize_line_ends (text, end - start));
}

typedef struct
{
  GString  *out;
  gboolean  seen;
} DecodedField;

static void
on_decoded_field (void   *text,
                  size_t  length,
                  void   *data)
{
  DecodedField *decoded = data;

  if (!decoded->seen && length > 0)
    g_string_append_len (decoded->out, text, (gssize) length);
  decoded->seen = TRUE;
}

void
fe_csv_decode_field (const char *raw,
                     gsize       length,
                     char        delimiter,
                     GString    *out)
{
  struct csv_parser parser;
  DecodedField decoded = { out, FALSE };
  gsize from = out->len;

  if (csv_init (&parser, 0) != 0)
    return;
  csv_set_delim (&parser, (unsigned char) delimiter);
  csv_parse (&parser, raw, length, on_decoded_field, NULL, &decoded);
  csv_fini (&parser, on_decoded_field, NULL, &decoded);
  csv_free (&parser);
  fe_csv_tidy_cell (out, from);
}

/* The length of the UTF-8 sequence at @p (a byte ≥ 0x80) as g_utf8_validate() accepts it, or
 * 0 when it is not valid or the text ends inside it. */
static int
utf8_sequence (const guchar *p,
               const guchar *end)
{
  guchar c = p[0];
  guchar lo = 0x80, hi = 0xbf;
  int n;

  if (c >= 0xc2 && c <= 0xdf)
    n = 2;
  else if (c >= 0xe0 && c <= 0xef)
    {
      n = 3;
      if (c == 0xe0)
        lo = 0xa0;
      else if (c == 0xed)
        hi = 0x9f;
    }
  else if (c >= 0xf0 && c <= 0xf4)
    {
      n = 4;
      if (c == 0xf0)
        lo = 0x90;
      else if (c == 0xf4)
        hi = 0x8f;
    }
  else
    return 0;

  for (int i = 1; i < n; i++)
    {
      if (p + i >= end || p[i] < lo || p[i] > hi)
        return 0;
      lo = 0x80;
      hi = 0xbf;
    }
  return n;
}

/* Whether [@p, @end) is UTF-8 without NUL bytes; sixteen ASCII bytes at a time where SSE2 is
 * there (all x86-64). */
gboolean
fe_csv_is_utf8 (const guchar *p,
                const guchar *end)
{
  while (p < end)
    {
#ifdef __SSE2__
      const __m128i zero = _mm_setzero_si128 ();

      while (end - p >= 16)
        {
          __m128i v = _mm_loadu_si128 ((const __m128i *) p);

          if ((_mm_movemask_epi8 (_mm_cmpeq_epi8 (v, zero)) | _mm_movemask_epi8 (v)) != 0)
            break;
          p += 16;
        }
      if (p == end)
        break;
#endif
      if (*p == 0)
        return FALSE;
      if (*p < 0x80)
        p++;
      else
        {
          int n = utf8_sequence (p, end);

          if (n == 0)
            return FALSE;
          p += n;
        }
    }
  return TRUE;
}

/* Where text that a block cuts off ends safely: before a UTF-8 sequence that may go on past
 * @end, which is checked with the next block. */
const guchar *
fe_csv_utf8_safe_end (const guchar *start,
                      const guchar *end)
{
  const guchar *p = end;

  while (p > start && end - p < 4 && (p[-1] & 0xc0) == 0x80)
    p--;
  if (p > start && p[-1] >= 0xc0)
    return p - 1;
  return end;
}

void
fe_csv_append_quoted (GString    *csv,
                      const char *text,
                      guint      *n_lines)
{
  guint n = 0;

  g_string_append_c (csv, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append (csv, "\"\"");
      else if (*p == '\r')
        {
          g_string_append_c (csv, '\n');
          n++;
          if (p[1] == '\n')
            p++;
        }
      else
        {
          if (*p == '\n')
            n++;
          g_string_append_c (csv, *p);
        }
    }
  g_string_append_c (csv, '"');
  if (n_lines != NULL)
    *n_lines += n;
}
