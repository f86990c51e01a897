/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-column.h"
#include "fe-csv-table.h"

G_BEGIN_DECLS

/* Guesses what a column of a survey export is, for studies loaded without a codebook. Sets
 * *@levels to the ordered answer options of single-valued and multi-select columns. */
FeRole     fe_role_infer       (const FeCsvTable  *table,
                                guint              column,
                                gboolean           id_taken,
                                GPtrArray        **levels);

/* The same, also saying which separator a multi-select column's answers use (';' or ','). */
FeRole     fe_role_infer_full  (const FeCsvTable  *table,
                                guint              column,
                                gboolean           id_taken,
                                GPtrArray        **levels,
                                char              *separator);

typedef void (*FeOptionFunc) (const char *option,
                              gpointer    user_data);

/* Calls @emit with each option of a multi-select answer, trimmed. With ',' as @separator the
 * options themselves may contain commas ("Online course (e.g. Coursera, edX)"): the longest
 * run of comma-separated pieces that is a key of @known (option → anything) is one option,
 * never a naive split; unknown text keeps a bracketed part together. @scratch is reused. */
void       fe_split_options    (const char        *cell,
                                char               separator,
                                GHashTable        *known,
                                GString           *scratch,
                                FeOptionFunc       emit,
                                gpointer           user_data);

/* When every one of @values is a wording of one known Likert scale (agree, well, likely,
 * satisfied, frequency, importance, extent), returns that whole scale in order, using the
 * spelling found in @values where it differs; otherwise NULL. */
GPtrArray *fe_likert_order     (GPtrArray         *values);

G_END_DECLS
