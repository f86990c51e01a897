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

/* When every one of @values is a wording of one known Likert scale (agree, well, likely,
 * satisfied, frequency, importance, extent), returns that whole scale in order, using the
 * spelling found in @values where it differs; otherwise NULL. */
GPtrArray *fe_likert_order     (GPtrArray         *values);

G_END_DECLS
