/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fe-quote.h"
#include "fe-study.h"

G_BEGIN_DECLS

/* Whether @quote is starred in the view on screen. */
typedef gboolean (*FeQuoteStarredFunc) (const FeQuote *quote,
                                        gpointer       data);

#define FE_TYPE_QUOTE_LIST (fe_quote_list_get_type ())

G_DECLARE_FINAL_TYPE (FeQuoteList, fe_quote_list, FE, QUOTE_LIST, GObject)

/* A segment's quotes as a GListModel of FeQuoteItem, made only as they are asked for: the list
 * holds the respondents' rows, and counts a million answers with a popcount. A respondent whose
 * answer was coded has a quote per excerpt; those (as many as the coding file has lines) are
 * made when the list is filled. */
FeQuoteList *fe_quote_list_new           (void);
void         fe_quote_list_clear         (FeQuoteList        *self);
/* The quotes of the respondents in @rows who gave @level (-1: any answer) to @question, as
 * fe_study_collect_quotes() collects them. @in_place: the items alive are given the quotes now
 * at their places and only the change of length is announced (at the end); the caller redraws
 * the rows it shows. */
void         fe_quote_list_set_segment   (FeQuoteList        *self,
                                          FeStudy            *study,
                                          const FeColumn     *question,
                                          int                 level,
                                          const FeBitset     *rows,
                                          gboolean            in_place);
/* Every open answer of the respondents in @rows, question by question, as
 * fe_study_collect_text_quotes() collects them. */
void         fe_quote_list_set_all_text  (FeQuoteList        *self,
                                          FeStudy            *study,
                                          const FeBitset     *rows,
                                          gboolean            in_place);
/* @quotes (FeQuote*, taken over), question by question in the order the questions first come,
 * each question's by respondent: a list made in full, for a few (the cell of two questions). */
void         fe_quote_list_set_quotes    (FeQuoteList        *self,
                                          FeStudy            *study,
                                          GPtrArray          *quotes,
                                          gboolean            in_place);
/* Lists only the quotes in which every word of @query occurs, in their words or in whom they
 * are attributed to (NULL or "": every quote), as the list fills again too. A worker looks for
 * them: the quotes listed stay until it has found a screenful, which replaces them in place
 * (see ::changed-in-place); the others are added below as they are found, and :searching says
 * when it has looked at every quote. */
void         fe_quote_list_set_search    (FeQuoteList        *self,
                                          const char         *query);
const char  *fe_quote_list_get_search    (FeQuoteList        *self);
gboolean     fe_quote_list_is_searching  (FeQuoteList        *self);
/* Every quote of the segment, searched or not. */
guint        fe_quote_list_get_n_quotes  (FeQuoteList        *self);
/* How many open questions the quotes come from (those with none left out); for each, its
 * column and its numbers. */
guint        fe_quote_list_get_n_groups  (FeQuoteList        *self);
const FeColumn *fe_quote_list_get_group  (FeQuoteList        *self,
                                          guint               group,
                                          guint              *n_quotes,
                                          guint              *n_respondents);
/* How many of its items are alive: those on screen, not every quote. */
guint        fe_quote_list_get_n_made    (FeQuoteList        *self);
/* Items are starred as @func says when made; fe_quote_list_update_stars() asks again for the
 * items alive. */
void         fe_quote_list_set_starred_func (FeQuoteList       *self,
                                             FeQuoteStarredFunc func,
                                             gpointer           data);
void         fe_quote_list_update_stars  (FeQuoteList        *self);

G_END_DECLS
