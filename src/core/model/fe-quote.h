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

/* The quotes of one open question among a list of them, with their numbers. */
typedef struct
{
  const FeColumn *column;
  guint           first;          /* index of its first quote */
  guint           n_quotes;
  guint           n_respondents;  /* who wrote them */
} FeQuoteGroup;

void       fe_quote_free                        (FeQuote        *quote);

/* The quotes behind a chart segment: of the respondents in @rows who gave @level (-1: any
 * answer) to @question. An open question's quotes are its answers or coded excerpts (only those
 * coded @level); a closed question's are the answers to its quotes_from column. */
GPtrArray *fe_study_collect_quotes              (FeStudy        *study,
                                                 const FeColumn *question,
                                                 int             level,
                                                 const FeBitset *rows);
/* The column the quotes of a segment come from (NULL when its question has none), with the
 * respondents of @rows whose quotes they are (*@selected, to free) and the code the quotes must
 * carry (*@code, -1: any); what fe_study_collect_quotes() collects, for a list that makes its
 * quotes only as they are shown. */
const FeColumn *fe_study_select_quoted          (const FeColumn *question,
                                                 int             level,
                                                 const FeBitset *rows,
                                                 FeBitset      **selected,
                                                 int            *code);
/* Appends one respondent's quotes of @column: one per distinct excerpt of the row's coding (the
 * whole answer for entries without one, or when the row is not coded and has an answer),
 * carrying every code given to it; only those with @code (or a child of it) when it is not
 * -1. */
void       fe_study_collect_row_quotes          (FeStudy        *study,
                                                 const FeColumn *column,
                                                 guint           row,
                                                 int             code,
                                                 GPtrArray      *quotes);
/* Whether a segment of @question (@level, -1: any answer) has quotes of its own: an open
 * question, a quotes_from column, or what was typed into "Other". */
gboolean   fe_column_has_quotes                 (const FeColumn *question,
                                                 int             level);
/* Every open answer (or coded excerpt) of the respondents in @rows, open question by open
 * question in the study's order, and respondent by respondent within each. */
GPtrArray *fe_study_collect_text_quotes         (FeStudy        *study,
                                                 const FeBitset *rows);
/* The runs of @quotes that come from one open question (FeQuoteGroup), in their order; for the
 * quotes of fe_study_collect_text_quotes(). */
GArray    *fe_quotes_group_by_question          (GPtrArray      *quotes);
/* Every open answer of one respondent, column by column. */
GPtrArray *fe_study_collect_respondent_quotes   (FeStudy        *study,
                                                 guint           row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeQuote, fe_quote_free)

G_END_DECLS
