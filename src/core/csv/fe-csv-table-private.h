/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-csv-table.h"

G_BEGIN_DECLS

/* For tests: the size of the blocks a file is read in, the size of text from which each thread
 * gets a part, how many distinct values a column keeps before it keeps offsets into the file
 * instead, and how many parts the text is cut into (0 restores each default: one per core, at
 * most 8). Small values make records cross blocks, files split and columns turn to text, which
 * the defaults only do for large files. Not thread-safe: set before loading. */
void fe_csv_table_set_tuning (gsize block_size,
                              gsize split_min,
                              guint dict_values,
                              guint n_parts);

/* For building columns fast from a listed column (fe_csv_table_get_n_values() is not G_MAXUINT):
 * per data row, an id whose @position is the value's index (G_MAXUINT32 for an empty cell). */
const guint32 *fe_csv_table_peek_values (const FeCsvTable  *table,
                                         guint              column,
                                         const guint32    **position);

/* Sets the bit of every data row whose cell in @column is not empty, in the words of a bitset
 * of the table's rows. */
void           fe_csv_table_mark_answered (const FeCsvTable *table,
                                           guint             column,
                                           guint64          *words);

G_END_DECLS
