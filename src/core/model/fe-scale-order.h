/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-column.h"

G_BEGIN_DECLS

/* Why a closed question's answers were put in the order they have. */
typedef enum
{
  FE_ORDER_NONE,       /* no order in the words: by how often they were given */
  FE_ORDER_LIKERT,     /* a known Likert wording (agree, satisfied, likely…) */
  FE_ORDER_INTENSITY,  /* one word graded by its qualifiers: not at all / slightly / very X */
  FE_ORDER_FREQUENCY,  /* how often: never … always, once a year … every day */
  FE_ORDER_AMOUNT,     /* how much: not at all … a lot */
  FE_ORDER_EDUCATION,  /* less than high school … doctorate */
  FE_ORDER_BANDS,      /* numeric bands: under 18, 18–24 … 65 or over */
  FE_ORDER_YES_NO,     /* yes before no */
  FE_ORDER_NUMBERED,   /* a numbered scale: "1 - Strongly disagree" … "5 - Strongly agree" */
  FE_ORDER_NUMBERED_LIST, /* numbered answers that are no scale: "1. Burglary", "2. Theft" */
} FeOrderKind;

/* When the answers @values (char*) read as a scale, returns them in the scale's order, lowest
 * first, with answers outside the scale ("Don't know", "N/A", "Prefer not to say") after it;
 * sets *@kind and *@n_scale (how many of the returned levels are on the scale). A known Likert
 * wording also gains its levels that nobody chose. Otherwise NULL, with *@kind FE_ORDER_NONE. */
GPtrArray  *fe_scale_order                (GPtrArray   *values,
                                           FeOrderKind *kind,
                                           guint       *n_scale);

/* Whether @answer declines to place itself on a scale: "Don't know", "N/A", "Prefer not to
 * say"… */
gboolean    fe_answer_is_non_substantive  (const char  *answer);

/* The role value labels (an SPSS file's, a REDCap field's choices) give a single answer where
 * nothing else tells it: a scale their words recognise is ordinal, yes/no a choice, anything
 * else an attribute, in the labels' own order. *@kind: what fe_scale_order() found. */
FeRole      fe_scale_order_role           (GPtrArray   *labels,
                                           FeOrderKind *kind);
/* "frequency scale", "numeric bands"… (translated), or NULL for FE_ORDER_NONE. */
const char *fe_order_kind_describe        (FeOrderKind  kind);

G_END_DECLS
