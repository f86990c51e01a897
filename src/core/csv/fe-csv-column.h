/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-csv-dict.h"
#include "fe-csv-stats.h"

G_BEGIN_DECLS

/* The first rows may become header rows (survey exports); they always stay values, so that
 * what is said about a column's text can leave them out. */
#define FE_CSV_HEAD_ROWS 3

/* A column keeps its answers as values until it has this many distinct ones (tunable for
 * tests), or this many bytes of them, in one thread's part of the file; then it keeps where
 * each answer is in the text instead. */
#define FE_CSV_DICT_MAX_VALUES 65536

/* The answers of one column, stored by column: a column with few distinct answers keeps each
 * once and a number per row (values); the others keep where each answer is (text). */
typedef struct
{
  gboolean    text;
  guint32    *ids;          /* values: entry per row, 0 = empty */
  FeCsvSpan  *spans;        /* text: where each answer is, or an empty span */
  FeCsvDict   dict;
  GHashTable *tokens_seen;  /* values: the ';'-separated options seen, made when the first is */
  gboolean    tokens_over;  /* too many options were seen for a multi-select */
  FeCsvStats  stats;        /* text: rows past the head rows */
  char       *head[FE_CSV_HEAD_ROWS];  /* text: the first rows' answers, NULL when empty */
  /* Listing: the values of the data rows, in order of first occurrence. */
  guint       n_listed;
  guint32    *listed;       /* entry ids */
  guint32    *position;     /* entry id → listing index, G_MAXUINT32 when not listed */
  guint32    *listed_count;
  guint32    *listed_first;
} FeCsvColumn;

/* A column of values with room for @capacity rows. */
void     fe_csv_column_init          (FeCsvColumn *column,
                                      gsize        capacity);
/* A column of text made in code. */
void     fe_csv_column_init_text     (FeCsvColumn *column);
void     fe_csv_column_clear         (FeCsvColumn *column);
void     fe_csv_column_grow          (FeCsvColumn *column,
                                      gsize        capacity);
/* Stores row @row's answer @text (NUL-terminated, @length > 0 bytes, found at @where). The
 * first @n_head rows stay values; past @max_values distinct values, or values that are mostly
 * new, the column turns to text. */
void     fe_csv_column_store         (FeCsvColumn *column,
                                      guint        row,
                                      const char  *text,
                                      gsize        length,
                                      FeCsvSpan    where,
                                      gsize        capacity,
                                      guint        n_head,
                                      guint        max_values);
void     fe_csv_column_store_empty   (FeCsvColumn *column,
                                      guint        row);
/* Appends @from's rows to @into's (@into holding the head rows), remapping values. */
void     fe_csv_column_merge         (FeCsvColumn *into,
                                      guint        into_rows,
                                      FeCsvColumn *from,
                                      guint        from_rows);
/* Lists the values of rows @first_row to @n_stored in order of first occurrence. */
void     fe_csv_column_build_listing (FeCsvColumn *column,
                                      guint        first_row,
                                      guint        n_stored);
gboolean fe_csv_column_has_answers   (const FeCsvColumn *column,
                                      guint              n_stored);

G_END_DECLS
