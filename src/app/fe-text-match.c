/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-text-match.h"

#include <string.h>

static gunichar
fold_char (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

  /* The base letter of a decomposed character drops its accent. */
  if (g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)) > 0)
    c = decomposed[0];
  return g_unichar_tolower (c);
}

gunichar *
fe_text_fold (const char *text,
              glong      *n_chars)
{
  glong length = g_utf8_strlen (text, -1);
  gunichar *folded = g_new (gunichar, length + 1);
  const char *p = text;

  /* ASCII folds as it is lowered: a search over a million answers spends its time here. */
  for (glong i = 0; i < length; i++, p = g_utf8_next_char (p))
    folded[i] = (guchar) *p < 0x80 ? (gunichar) g_ascii_tolower (*p)
                                   : fold_char (g_utf8_get_char (p));
  folded[length] = 0;
  *n_chars = length;
  return folded;
}

static glong
find_folded (const gunichar *haystack,
             glong           haystack_length,
             const gunichar *needle,
             glong           needle_length,
             glong           from)
{
  for (glong i = from; i + needle_length <= haystack_length; i++)
    if (memcmp (haystack + i, needle, (gsize) needle_length * sizeof (gunichar)) == 0)
      return i;
  return -1;
}

static GPtrArray *
fold_words (const char *query)
{
  g_auto(GStrv) words = g_strsplit_set (query, " \t\n", -1);
  GPtrArray *folded = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; words[i] != NULL; i++)
    {
      glong length;

      if (*words[i] != '\0')
        g_ptr_array_add (folded, fe_text_fold (words[i], &length));
    }
  return folded;
}

static glong
unichar_length (const gunichar *text)
{
  glong length = 0;

  while (text[length] != 0)
    length++;
  return length;
}

struct _FeTextQuery
{
  GPtrArray *words;   /* gunichar *, folded */
  GArray    *lengths; /* glong, of each */
};

FeTextQuery *
fe_text_query_new (const char *query)
{
  FeTextQuery *self = g_new0 (FeTextQuery, 1);

  self->words = fold_words (query);
  self->lengths = g_array_sized_new (FALSE, FALSE, sizeof (glong), self->words->len);
  for (guint w = 0; w < self->words->len; w++)
    {
      glong length = unichar_length (g_ptr_array_index (self->words, w));

      g_array_append_val (self->lengths, length);
    }
  return self;
}

void
fe_text_query_free (FeTextQuery *self)
{
  g_ptr_array_unref (self->words);
  g_array_unref (self->lengths);
  g_free (self);
}

gboolean
fe_text_query_matches (const FeTextQuery *self,
                       const char        *text)
{
  g_autofree gunichar *haystack = NULL;
  glong length;

  if (self->words->len == 0)
    return TRUE;
  haystack = fe_text_fold (text, &length);
  for (guint w = 0; w < self->words->len; w++)
    if (find_folded (haystack, length, g_ptr_array_index (self->words, w),
                     g_array_index (self->lengths, glong, w), 0) < 0)
      return FALSE;
  return TRUE;
}

gboolean
fe_text_matches (const char *text,
                 const char *query)
{
  g_autoptr(FeTextQuery) compiled = fe_text_query_new (query);

  return fe_text_query_matches (compiled, text);
}

char *
fe_text_markup_matches (const char *text,
                        const char *query)
{
  g_autoptr(GPtrArray) words = fold_words (query);
  g_autofree gunichar *haystack = NULL;
  g_autofree gboolean *marked = NULL;
  g_autoptr(GString) markup = g_string_new (NULL);
  const char *p = text;
  glong length;

  haystack = fe_text_fold (text, &length);
  marked = g_new0 (gboolean, length + 1);
  for (guint w = 0; w < words->len; w++)
    {
      const gunichar *word = g_ptr_array_index (words, w);
      glong word_length = unichar_length (word);

      for (glong at = find_folded (haystack, length, word, word_length, 0); at >= 0;
           at = find_folded (haystack, length, word, word_length, at + 1))
        for (glong i = at; i < at + word_length; i++)
          marked[i] = TRUE;
    }

  for (glong i = 0; i < length; i++)
    {
      const char *next = g_utf8_next_char (p);
      g_autofree char *escaped = g_markup_escape_text (p, next - p);

      if (marked[i] && (i == 0 || !marked[i - 1]))
        g_string_append (markup, "<span weight=\"bold\" background=\"#f6d32d\" "
                                 "foreground=\"#000000\">");
      g_string_append (markup, escaped);
      if (marked[i] && !marked[i + 1])
        g_string_append (markup, "</span>");
      p = next;
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

char *
fe_text_for_display (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 16);
  guint n_chars = 0, word = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n_chars++ == FE_TEXT_DISPLAY_MAX_CHARS)
        {
          g_string_append (out, "…");
          break;
        }
      word = g_unichar_isspace (c) ? 0 : word + 1;
      if (word > FE_TEXT_DISPLAY_MAX_WORD)
        {
          g_string_append_unichar (out, 0x200b);
          word = 1;
        }
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}
