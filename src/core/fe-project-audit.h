/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-project.h"
#include "fe-study.h"

G_BEGIN_DECLS

/* What a reader could work out from a project's saved views at threshold @k: a sentence per
 * number the interval attack (fe-disclosure-audit.h) narrows too far in a view's table, and
 * per two views (or a view and all respondents) whose respondents differ by fewer than k, whose
 * difference gives those few people's answers away. Empty when nothing is revealed. */
GPtrArray *fe_project_audit (FeProject *project,
                             FeStudy   *study,
                             guint      k);

G_END_DECLS
