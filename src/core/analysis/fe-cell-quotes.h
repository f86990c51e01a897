/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-query.h"

G_BEGIN_DECLS

/* The quotes behind cell (@level, @group) of a table split by a question (FeTally.both): of
 * the respondents in both, what they wrote to the question (coded @level) and then to the
 * split (coded @group), each quote carrying its themes; in a co-occurrence table both come
 * from the one question, and an answer coded with both themes is listed once. NULL when the
 * split adds no quotes of its own (an attribute, a closed question without quotes_from), so
 * that the caller lists the question's quotes as it always has. */
GPtrArray *fe_query_collect_cell_quotes (const FeQuery *query,
                                         guint          level,
                                         int            group);

G_END_DECLS
