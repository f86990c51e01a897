/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-cooccurrence.h"

gboolean
fe_cooccurrence_is (const FeTally *tally)
{
  return tally != NULL && tally->by != NULL && tally->by == tally->question
         && tally->n_groups == tally->n_levels;
}

/* Those who gave both @a and @b: group @a of the split holds those who gave @a. */
static guint
both_count (const FeTally *tally,
            guint          a,
            guint          b)
{
  return tally->groups[a].counts[b];
}

double
fe_cooccurrence_jaccard (const FeTally *tally,
                         guint          a,
                         guint          b)
{
  guint both, either;

  g_return_val_if_fail (fe_cooccurrence_is (tally), 0);
  g_return_val_if_fail (a < tally->n_levels && b < tally->n_levels, 0);

  both = both_count (tally, a, b);
  either = both_count (tally, a, a) + both_count (tally, b, b) - both;
  return either > 0 ? (double) both / either : 0;
}

typedef struct
{
  GArray *members;  /* guint themes, in drawing order */
  gboolean merged;  /* into another cluster */
} Cluster;

guint *
fe_cooccurrence_order (const FeTally *tally)
{
  guint n;
  guint *order;
  g_autofree double *distance = NULL;
  g_autofree Cluster *clusters = NULL;
  guint next = 0;

  g_return_val_if_fail (fe_cooccurrence_is (tally), NULL);

  n = tally->n_levels;
  order = g_new (guint, MAX (n, 1));
  for (guint l = 0; l < n; l++)
    order[l] = l;
  if (n < 3 || n > FE_COOCCURRENCE_MAX_CLUSTERED)
    return order;

  /* Average linkage kept by the Lance–Williams update: the distance of a merged cluster to
   * another is the size-weighted mean of its parts' distances. */
  distance = g_new (double, (gsize) n * n);
  clusters = g_new0 (Cluster, n);
  for (guint a = 0; a < n; a++)
    {
      clusters[a].members = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (clusters[a].members, a);
      for (guint b = 0; b < n; b++)
        distance[a * n + b] = 1 - fe_cooccurrence_jaccard (tally, a, b);
    }
  for (guint step = 0; step + 1 < n; step++)
    {
      guint best_a = 0, best_b = 0;
      double best = G_MAXDOUBLE;

      for (guint a = 0; a < n; a++)
        for (guint b = a + 1; b < n && !clusters[a].merged; b++)
          if (!clusters[b].merged && distance[a * n + b] < best)
            {
              best = distance[a * n + b];
              best_a = a;
              best_b = b;
            }
      for (guint c = 0; c < n; c++)
        {
          double na = clusters[best_a].members->len, nb = clusters[best_b].members->len;
          double d;

          if (clusters[c].merged || c == best_a || c == best_b)
            continue;
          d = (na * distance[best_a * n + c] + nb * distance[best_b * n + c]) / (na + nb);
          distance[best_a * n + c] = distance[c * n + best_a] = d;
        }
      /* best_a < best_b and each cluster keeps its earliest theme first, so the cluster with
       * the earlier theme leads. */
      g_array_append_vals (clusters[best_a].members, clusters[best_b].members->data,
                           clusters[best_b].members->len);
      clusters[best_b].merged = TRUE;
    }
  for (guint c = 0; c < n; c++)
    {
      if (!clusters[c].merged)
        for (guint i = 0; i < clusters[c].members->len; i++)
          order[next++] = g_array_index (clusters[c].members, guint, i);
      g_array_unref (clusters[c].members);
    }
  return order;
}
