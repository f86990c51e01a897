/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A bar across the top of the window saying that the responses file changed on disk since it
 * was opened, with a Reload button: an AdwBanner on libadwaita 1.3 and later, a revealer with
 * the same text and button on 1.2, which has no banner. */
GtkWidget *fe_changed_banner_new          (GCallback   on_reload,
                                           gpointer    user_data);
void       fe_changed_banner_set_revealed (GtkWidget  *banner,
                                           gboolean    revealed);
gboolean   fe_changed_banner_get_revealed (GtkWidget  *banner);
/* Presses Reload, as a click would (for tests). */
void       fe_changed_banner_activate     (GtkWidget  *banner);

G_END_DECLS
