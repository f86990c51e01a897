/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-project.h"
#include "fe-study.h"

G_BEGIN_DECLS

/* What a reader could work out from a project's saved views at threshold @k: a sentence per
 * number the interval attack (fe-disclosure-audit.h) narrows too far in a view's table, and
 * per two views (or a view and all respondents) whose respondents differ by fewer than k, whose
 * difference gives those few people's answers away. Empty when nothing is revealed.
 * Each view is judged as the pack's chart draws it (fe_chart_data_init() with the pack's
 * spec), its question's unsplit counts known beside a split; @fold_small_groups as the pack
 * folds small groups (fe_tally_fold_small_groups()). A view whose filter the query-set rule refuses
 * (fe_filter_check_query_set()) is left out of the pack and so of the audit; @left_out, when
 * given, receives a sentence per such view. */
GPtrArray *fe_project_audit (FeProject  *project,
                             FeStudy    *study,
                             guint       k,
                             gboolean    fold_small_groups,
                             GPtrArray **left_out);

G_END_DECLS
