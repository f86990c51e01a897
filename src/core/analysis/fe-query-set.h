/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-filter.h"

G_BEGIN_DECLS

#define FE_QUERY_SET_ERROR (fe_query_set_error_quark ())

typedef enum
{
  FE_QUERY_SET_ERROR_TOO_FEW,    /* the filter keeps fewer than k respondents */
  FE_QUERY_SET_ERROR_TOO_CLOSE,  /* one filter choice fewer changes it by fewer than k */
} FeQuerySetError;

GQuark   fe_query_set_error_quark (void);

/* Query-set-size control: whether output filtered by @filter may leave the screen under
 * disclosure threshold @k (0: always). Cell suppression alone does not protect a filtered
 * output, because a reader can set it beside its parent (the same output with one filter
 * choice fewer: a column's filter left out, or one of its levels) and subtract: if the two
 * differ by fewer than k respondents, the difference is those few respondents' answers.
 * So the filter must keep at least k respondents, and each parent must differ from it by no
 * one or by at least k. FALSE with an error saying why, for the audience-facing paths (exports,
 * `summary`, `quotes`, presentation mode, the briefing pack); the explore view does not ask. */
gboolean fe_filter_check_query_set (const FeFilter *filter,
                                    guint           k,
                                    GError        **error);

G_END_DECLS
