/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

G_BEGIN_DECLS

/* The bytes of a field: what is blank around an answer, its line ends, whether it is UTF-8,
 * and reading a field again with libcsv. */

/* GLib's g_ascii_isspace() leaves out the vertical tab. */
static inline gboolean
fe_csv_is_blank (guchar c)
{
  return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Makes each CR and CR LF of @text a \n, in place; returns the new length. */
gsize         fe_csv_normalize_line_ends (char         *text,
                                          gsize         length);
/* Trims what starts at @from in @out and makes its line ends \n, as every cell is stored. */
void          fe_csv_tidy_cell           (GString      *out,
                                          gsize         from);
/* Appends the answer that the field written as @raw gives, as libcsv reads it alone, tidied. */
void          fe_csv_decode_field        (const char   *raw,
                                          gsize         length,
                                          char          delimiter,
                                          GString      *out);
/* Appends @text to @csv as one quoted field, each CR and CR LF made \n as the table keeps them;
 * adds the line ends it holds to @n_lines (NULL: not counted). */
void          fe_csv_append_quoted       (GString      *csv,
                                          const char   *text,
                                          guint        *n_lines);
/* Whether [@p, @end) is UTF-8 without NUL bytes. */
gboolean      fe_csv_is_utf8             (const guchar *p,
                                          const guchar *end);
/* Where text that a block cuts off at @end ends safely: before a UTF-8 sequence that may go on
 * past it, which is checked with the next block. */
const guchar *fe_csv_utf8_safe_end       (const guchar *start,
                                          const guchar *end);

/* The first delimiter or line end in [@p, @end), or @end: a field can only end there. */
static inline const guchar *
fe_csv_find_field_end (const guchar *p,
                const guchar *end,
                guchar        delim)
{
#ifdef __SSE2__
  const __m128i d = _mm_set1_epi8 ((char) delim);
  const __m128i cr = _mm_set1_epi8 ('\r');
  const __m128i lf = _mm_set1_epi8 ('\n');

  while (end - p >= 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *) p);
      int mask = _mm_movemask_epi8 (_mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (v, d),
                                                                _mm_cmpeq_epi8 (v, cr)),
                                                  _mm_cmpeq_epi8 (v, lf)));

      if (mask != 0)
        return p + __builtin_ctz ((unsigned) mask);
      p += 16;
    }
#endif
  while (p < end && *p != delim && *p != '\r' && *p != '\n')
    p++;
  return p;
}

G_END_DECLS
