/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FE_TYPE_WRAP_LABEL (fe_wrap_label_get_type ())

G_DECLARE_FINAL_TYPE (FeWrapLabel, fe_wrap_label, FE, WRAP_LABEL, GtkWidget)

/* Text wrapped to the width it is given, as tall as its lines: a label for the rows of a list
 * that binds them again and again (the quotes). GTK 4.8's wrapping GtkLabel lays a new text out
 * four times before it is drawn (on one line for its natural width, at its width in characters
 * for its minimum, for its height, and at its width); this one lays it out once for each width
 * it is measured or drawn at, keeping the last two, and asks for @width_chars characters' width
 * whatever its text ("width-chars"; "text" is its text). Selectable if asked ("selectable"), as
 * a GtkLabel is: by the pointer (a drag, a word by a double click, all by a triple one, a menu
 * on the right button), by Shift with the arrows, Home and End, by Ctrl+A; Ctrl+C emits
 * "copy-clipboard", which copies the selection unless a handler stops it. */
GtkWidget  *fe_wrap_label_new      (int          width_chars);
void        fe_wrap_label_set_text (FeWrapLabel *self,
                                    const char  *text);
/* Its text with Pango markup: the text without the tags is what it shows and gives. */
void        fe_wrap_label_set_markup (FeWrapLabel *self,
                                      const char  *markup);
const char *fe_wrap_label_get_text (FeWrapLabel *self);
void        fe_wrap_label_set_selectable (FeWrapLabel *self,
                                          gboolean     selectable);
gboolean    fe_wrap_label_get_selectable (FeWrapLabel *self);
/* Selects the characters from @start_offset to @end_offset (-1: the end), as
 * gtk_label_select_region() does. */
void        fe_wrap_label_select_region  (FeWrapLabel *self,
                                          int          start_offset,
                                          int          end_offset);
/* Whether some text is selected; its bounds, in characters. */
gboolean    fe_wrap_label_get_selection_bounds (FeWrapLabel *self,
                                                int         *start,
                                                int         *end);
/* How many times it has laid a text out, for tests. */
guint       fe_wrap_label_get_n_laid_out (FeWrapLabel *self);

G_END_DECLS
