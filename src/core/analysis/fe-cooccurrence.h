/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-tally.h"

G_BEGIN_DECLS

/* A co-occurrence table is a multi-select or coded question split by itself: cell (a, b)
 * counts the respondents who gave both a and b, symmetric, and its diagonal is each theme's
 * own count (fe_query_split_in_effect() lets only such a question split itself). */
gboolean fe_cooccurrence_is      (const FeTally *tally);
/* How much themes @a and @b overlap (Jaccard): those who gave both over those who gave
 * either, 0 to 1; 0 when nobody gave either. */
double   fe_cooccurrence_jaccard (const FeTally *tally,
                                  guint          a,
                                  guint          b);
/* The themes (n_levels of them) in an order that puts those raised together side by side:
 * average-linkage hierarchical clustering on 1 − Jaccard, each merge putting the cluster
 * with the earlier theme first, so that the order is the same every time. A table of more
 * than FE_COOCCURRENCE_MAX_CLUSTERED themes keeps the codebook's order, which people can
 * still follow where clustering would take too long. */
#define FE_COOCCURRENCE_MAX_CLUSTERED 400
guint   *fe_cooccurrence_order   (const FeTally *tally);

G_END_DECLS
