/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-csv-stats.h"
#include "fe-csv-table.h"

#include <string.h>

void
fe_csv_stats_init (FeCsvStats *stats)
{
  memset (stats, 0, sizeof *stats);
  stats->integers = g_array_new (FALSE, FALSE, sizeof (gint64));
  stats->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  stats->min_integer = G_MAXINT64;
  stats->max_integer = G_MININT64;
}

void
fe_csv_stats_clear (FeCsvStats *stats)
{
  g_clear_pointer (&stats->integers, g_array_unref);
  g_clear_pointer (&stats->tokens, g_hash_table_unref);
}

gboolean
fe_csv_parse_integer (const char *text,
                      gint64     *value)
{
  char *end = NULL;
  gint64 quick = 0;
  const char *p = text;

  /* Plain digits, as ids are, without strtoll's locale-free but general path. */
  while (*p >= '0' && *p <= '9' && p - text < 18)
    quick = quick * 10 + (*p++ - '0');
  if (*p == '\0' && p > text)
    {
      *value = quick;
      return TRUE;
    }
  if (*text == '\0' || !(g_ascii_isdigit (*text) || *text == '-' || *text == '+'
                         || g_ascii_isspace (*text)))
    return FALSE;
  *value = g_ascii_strtoll (text, &end, 10);
  return end != text && *end == '\0';
}

static void
stats_add_token (FeCsvStats *stats,
                 const char *start,
                 const char *end,
                 guint       count)
{
  g_autofree char *token = NULL;
  gpointer key, value;

  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  if (start == end)
    return;
  stats->n_tokens += count;
  token = g_strndup (start, (gsize) (end - start));
  if (g_hash_table_lookup_extended (stats->tokens, token, &key, &value))
    g_hash_table_insert (stats->tokens, g_steal_pointer (&token),
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + count));
  else
    g_hash_table_insert (stats->tokens, g_steal_pointer (&token), GUINT_TO_POINTER (count));
}

void
fe_csv_stats_add (FeCsvStats *stats,
                  const char *text,
                  gsize       length,
                  guint       count)
{
  gint64 number;

  if (length == 0 || count == 0)
    return;
  stats->n_answered += count;
  if (!stats->not_integers)
    {
      if (fe_csv_parse_integer (text, &number))
        {
          for (guint i = 0; i < count; i++)
            g_array_append_val (stats->integers, number);
          stats->min_integer = MIN (stats->min_integer, number);
          stats->max_integer = MAX (stats->max_integer, number);
        }
      else
        {
          stats->not_integers = TRUE;
          g_array_set_size (stats->integers, 0);
        }
    }
  if (stats->n_with_comma < 2 && memchr (text, ',', length) != NULL)
    stats->n_with_comma = MIN (2, stats->n_with_comma + count);
  if (stats->tokens != NULL)
    {
      const char *p = text, *end = text + length;

      if (memchr (text, ';', length) != NULL)
        stats->n_with_semicolon += count;
      while (p < end)
        {
          const char *stop = memchr (p, ';', (gsize) (end - p));

          if (stop == NULL)
            stop = end;
          stats_add_token (stats, p, stop, count);
          p = stop + 1;
        }
      /* Past the limit of a multi-select question, the tokens do not matter any more. */
      if (g_hash_table_size (stats->tokens) > FE_CSV_MAX_TOKENS)
        g_clear_pointer (&stats->tokens, g_hash_table_unref);
    }
}

void
fe_csv_stats_merge (FeCsvStats *into,
                    FeCsvStats *from)
{
  into->n_answered += from->n_answered;
  if (from->not_integers || into->not_integers)
    {
      into->not_integers = TRUE;
      g_array_set_size (into->integers, 0);
    }
  else
    g_array_append_vals (into->integers, from->integers->data, from->integers->len);
  into->min_integer = MIN (into->min_integer, from->min_integer);
  into->max_integer = MAX (into->max_integer, from->max_integer);
  into->n_with_comma = MIN (2, into->n_with_comma + from->n_with_comma);
  into->n_with_semicolon += from->n_with_semicolon;
  into->n_tokens += from->n_tokens;
  if (into->tokens != NULL && from->tokens != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, from->tokens);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          gpointer old = g_hash_table_lookup (into->tokens, key);

          g_hash_table_insert (into->tokens, g_strdup (key),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (old)
                                                 + GPOINTER_TO_UINT (value)));
        }
      if (g_hash_table_size (into->tokens) > FE_CSV_MAX_TOKENS)
        g_clear_pointer (&into->tokens, g_hash_table_unref);
    }
  else
    g_clear_pointer (&into->tokens, g_hash_table_unref);
}

int
fe_csv_compare_int64 (gconstpointer a,
                      gconstpointer b)
{
  gint64 ia = *(const gint64 *) a, ib = *(const gint64 *) b;

  return ia < ib ? -1 : ia > ib;
}

gboolean
fe_csv_stats_settled (const FeCsvStats *stats)
{
  return stats->not_integers && stats->tokens == NULL && stats->n_with_comma >= 2;
}
