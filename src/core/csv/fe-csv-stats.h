/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What loading learns of the answers of a column kept as text, for role inference
 * (FeCsvTextStats is what a caller sees of it). */
typedef struct
{
  guint       n_answered;
  gboolean    not_integers;
  GArray     *integers;   /* gint64, every answer while all are whole numbers */
  gint64      min_integer;
  gint64      max_integer;
  guint       n_with_semicolon;
  guint       n_with_comma;
  GHashTable *tokens;     /* ';'-separated option → count; NULL once there are too many */
  guint       n_tokens;
} FeCsvStats;

void     fe_csv_stats_init     (FeCsvStats *stats);
void     fe_csv_stats_clear    (FeCsvStats *stats);
/* Counts @count answers @text (NUL-terminated, @length bytes). */
void     fe_csv_stats_add      (FeCsvStats *stats,
                                const char *text,
                                gsize       length,
                                guint       count);
void     fe_csv_stats_merge    (FeCsvStats *into,
                                FeCsvStats *from);
/* Whether more answers could still change what the stats say of the column's role: not once
 * they are not numbers, hold too many options and contain commas. */
gboolean fe_csv_stats_settled  (const FeCsvStats *stats);
int      fe_csv_compare_int64  (gconstpointer a,
                                gconstpointer b);

G_END_DECLS
