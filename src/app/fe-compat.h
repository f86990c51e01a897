/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The one place that knows which GTK and libadwaita we run on: GTK 4.8 / libadwaita 1.2 on
 * Debian 12, and newer in the Flatpak runtime. Everything else calls these. */

typedef void (*FeCompatFileCallback) (GFile    *file,
                                      gpointer  user_data);

/* Asks for a file to open (native, portal-friendly). @callback gets NULL when cancelled. */
void fe_compat_open_file  (GtkWindow            *parent,
                           const char           *title,
                           GListModel           *filters,
                           FeCompatFileCallback  callback,
                           gpointer              user_data);
/* Asks where to save; @initial_name is suggested. */
void fe_compat_save_file  (GtkWindow            *parent,
                           const char           *title,
                           const char           *initial_name,
                           FeCompatFileCallback  callback,
                           gpointer              user_data);
/* A modal message with one Close button. */
void fe_compat_alert      (GtkWindow            *parent,
                           const char           *heading,
                           const char           *body);
void fe_compat_show_about (GtkWindow            *parent);

G_END_DECLS
