/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fe-explore-state.h"
#include "fe-quote-list.h"
#include "fe-study.h"

G_BEGIN_DECLS

#define FE_TYPE_QUOTE_BROWSER (fe_quote_browser_get_type ())

G_DECLARE_FINAL_TYPE (FeQuoteBrowser, fe_quote_browser, FE, QUOTE_BROWSER, GtkBox)

/* Shows the quotes of the segment selected in @state, as the state changes, and tells it the
 * respondent of the quote picked (fe_explore_state_set_respondent()). */
void        fe_quote_browser_set_state     (FeQuoteBrowser *self,
                                            FeExploreState *state);
/* The open question whose heading the quote shown at @position starts, or NULL (not the first
 * of its group, or not every open answer). */
const FeColumn *fe_quote_browser_get_group (FeQuoteBrowser *self,
                                            guint           position);
/* The note above the quotes when they are every open answer of a segment, or NULL. */
const char *fe_quote_browser_get_note      (FeQuoteBrowser *self);
void        fe_quote_browser_clear         (FeQuoteBrowser *self);
/* Stars the quotes as @func says, those shown now and those made as the list scrolls. */
void        fe_quote_browser_set_starred_func (FeQuoteBrowser     *self,
                                               FeQuoteStarredFunc  func,
                                               gpointer            data);
void        fe_quote_browser_focus_search  (FeQuoteBrowser *self);
void        fe_quote_browser_set_search    (FeQuoteBrowser *self,
                                            const char     *query);
/* Whether the search is still going through the quotes (on a worker, the matches shown as they
 * come). */
gboolean    fe_quote_browser_is_searching  (FeQuoteBrowser *self);
/* The quotes shown now (FeQuoteItem), after the search: a FeQuoteList, made as they are asked
 * for. */
GListModel *fe_quote_browser_get_model     (FeQuoteBrowser *self);
const char *fe_quote_browser_get_heading   (FeQuoteBrowser *self);
const char *fe_quote_browser_get_summary   (FeQuoteBrowser *self);
/* Copies the selected quote (or the first shown) with its attribution; FALSE when none. */
gboolean    fe_quote_browser_copy_quote    (FeQuoteBrowser *self);
void        fe_quote_browser_select        (FeQuoteBrowser *self,
                                            guint           position);
/* The selected quote (an FeQuoteItem), or NULL. */
gpointer    fe_quote_browser_get_selected  (FeQuoteBrowser *self);
/* Asks for @item to be starred (or unstarred): emits "star-requested". */
void        fe_quote_browser_request_star  (FeQuoteBrowser *self,
                                            gpointer        item);

G_END_DECLS
