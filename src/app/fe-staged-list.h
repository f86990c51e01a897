/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FE_TYPE_STAGED_LIST (fe_staged_list_get_type ())

G_DECLARE_FINAL_TYPE (FeStagedList, fe_staged_list, FE, STAGED_LIST, GObject)

/* The items of @model, in the same places, for a list @view: when the list grows from a few
 * items to many, the many come a step after each frame @view draws. GTK 4.8 makes a row for
 * each of the first two hundred items of a list at once, a few milliseconds each: a quote list
 * or the respondents grid shown anew froze the window for a third of a second. Newer GTK makes
 * only the rows on screen, and there every item is shown at once. */
FeStagedList *fe_staged_list_new     (GListModel   *model,
                                      GtkWidget    *view);
/* Shows only the first step of the items again, the others coming frame by frame: for a list
 * about to be given to its view anew. */
void          fe_staged_list_restart (FeStagedList *self);
/* The places the view shows of a list of @n_items (those its adjustment measures: the items it
 * had when last laid out), reckoned from how far it is scrolled: from @first, @n_shown of them.
 * FALSE while it is not laid out. */
gboolean      fe_staged_list_get_shown (FeStagedList *self,
                                        guint         n_items,
                                        guint        *first,
                                        guint        *n_shown);

G_END_DECLS
