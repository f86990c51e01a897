/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-bitset.h"
#include "fe-column.h"
#include "fe-types.h"

G_BEGIN_DECLS

/* Which respondents to count: for each filtered column a set of its levels; a respondent passes
 * a column with any of its levels and must pass every filtered column. */
FeFilter       *fe_filter_new                (FeStudy         *study);
FeFilter       *fe_filter_copy               (const FeFilter  *filter);
void            fe_filter_free               (FeFilter        *filter);
void            fe_filter_add_level          (FeFilter        *filter,
                                              const FeColumn  *column,
                                              guint            level);
/* Filters a numeric @column to the bins from @from to @to (fe_bins_select_range(): a range
 * must cover whole bins, so that the count is exact), in place of what it had. */
gboolean        fe_filter_set_range          (FeFilter        *filter,
                                              const FeColumn  *column,
                                              double           from,
                                              double           to,
                                              GError         **error);
void            fe_filter_remove_level       (FeFilter        *filter,
                                              const FeColumn  *column,
                                              guint            level);
gboolean        fe_filter_has_level          (const FeFilter  *filter,
                                              const FeColumn  *column,
                                              guint            level);
void            fe_filter_clear_column       (FeFilter        *filter,
                                              const FeColumn  *column);
void            fe_filter_clear              (FeFilter        *filter);
gboolean        fe_filter_is_empty           (const FeFilter  *filter);
/* The same respondents' levels picked on the same columns of the same study, in any order. */
gboolean        fe_filter_equal              (const FeFilter  *a,
                                              const FeFilter  *b);
/* The same, but for what each picks on @except: whether a level of @except counts the same
 * respondents under both. */
gboolean        fe_filter_equal_except       (const FeFilter  *a,
                                              const FeFilter  *b,
                                              const FeColumn  *except);
guint           fe_filter_get_n_columns      (const FeFilter  *filter);
const FeColumn *fe_filter_get_column         (const FeFilter  *filter,
                                              guint            index);
/* The rows of the study's respondents (its universe) that pass. */
FeBitset       *fe_filter_compute_rows       (const FeFilter  *filter);
/* The same, ignoring the filter on @column: what a level of that column would count if picked. */
FeBitset       *fe_filter_compute_rows_except (const FeFilter *filter,
                                               const FeColumn *column);
/* "force = Gwent Police, North Wales Police; role = PCSO", or "" */
char           *fe_filter_describe           (const FeFilter  *filter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeFilter, fe_filter_free)

G_END_DECLS
