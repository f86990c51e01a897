/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FE_TYPE_WRAP_LABEL (fe_wrap_label_get_type ())

G_DECLARE_FINAL_TYPE (FeWrapLabel, fe_wrap_label, FE, WRAP_LABEL, GtkWidget)

/* Text wrapped to the width it is given, as tall as its lines: a label for the details of a row
 * that a list binds again and again. GTK 4.8's wrapping GtkLabel lays a new text out four times
 * before it is drawn (on one line for its natural width, at its width in characters for its
 * minimum, for its height, and at its width); this one lays it out once for each width it is
 * measured or drawn at, keeping the last two, and asks for @width_chars characters' width
 * whatever its text ("width-chars"; "text" is its text). Not selectable. */
GtkWidget  *fe_wrap_label_new      (int          width_chars);
void        fe_wrap_label_set_text (FeWrapLabel *self,
                                    const char  *text);
const char *fe_wrap_label_get_text (FeWrapLabel *self);
/* How many times it has laid a text out, for tests. */
guint       fe_wrap_label_get_n_laid_out (FeWrapLabel *self);

G_END_DECLS
