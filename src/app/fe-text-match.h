/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Case- and accent-insensitive search: "cafe" finds "Café". */

/* Folds @text to lower case without accents, one character for each character of @text. */
gunichar *fe_text_fold            (const char *text,
                                   glong      *n_chars);
/* Whether every word of @query occurs in @text. */
gboolean  fe_text_matches         (const char *text,
                                   const char *query);
/* A query folded once, to look for in many texts, on any thread. */
typedef struct _FeTextQuery FeTextQuery;
FeTextQuery *fe_text_query_new     (const char        *query);
gboolean     fe_text_query_matches (const FeTextQuery *self,
                                    const char        *text);
void         fe_text_query_free    (FeTextQuery       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeTextQuery, fe_text_query_free)
/* @text as Pango markup, escaped, with each occurrence of a word of @query highlighted. */
char     *fe_text_markup_matches  (const char *text,
                                   const char *query);

/* @text as a wrapping label can show it at a bounded cost: at most FE_TEXT_DISPLAY_MAX_CHARS
 * characters (then "…"), with a zero-width break opportunity after every
 * FE_TEXT_DISPLAY_MAX_WORD characters of one word. Pango breaks a long word in time quadratic
 * in its length: one answer of 10,000 letters without a space froze the window for 22 s. */
#define FE_TEXT_DISPLAY_MAX_CHARS 10000
#define FE_TEXT_DISPLAY_MAX_WORD 64
char     *fe_text_for_display     (const char *text);

G_END_DECLS
