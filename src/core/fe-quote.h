/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-bitset.h"
#include "fe-column.h"
#include "fe-types.h"

G_BEGIN_DECLS

/* What one respondent wrote, or the excerpt of it that was coded, with the codes it carries. */
struct _FeQuote
{
  guint           row;
  const FeColumn *column;  /* the open-text column it comes from */
  char           *text;
  char           *note;    /* NULL when there is none */
  GArray         *codes;   /* guint, levels of @column */
};

void       fe_quote_free                        (FeQuote        *quote);

/* The quotes behind a chart segment: of the respondents in @rows who gave @level (-1: any
 * answer) to @question. An open question's quotes are its answers or coded excerpts (only those
 * coded @level); a closed question's are the answers to its quotes_from column. */
GPtrArray *fe_study_collect_quotes              (FeStudy        *study,
                                                 const FeColumn *question,
                                                 int             level,
                                                 const FeBitset *rows);
/* Every open answer of one respondent, column by column. */
GPtrArray *fe_study_collect_respondent_quotes   (FeStudy        *study,
                                                 guint           row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeQuote, fe_quote_free)

G_END_DECLS
