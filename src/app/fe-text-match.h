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
/* @text as Pango markup, escaped, with each occurrence of a word of @query highlighted. */
char     *fe_text_markup_matches  (const char *text,
                                   const char *query);

G_END_DECLS
