/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The one place that knows which GTK and libadwaita we run on: GTK 4.8 / libadwaita 1.2 on
 * Debian 12, and newer in the Flatpak runtime. Everything else calls these. */

typedef void (*FeCompatFileCallback) (GFile    *file,
                                      gpointer  user_data);

typedef void (*FeCompatFilesCallback) (GListModel *files,
                                       gpointer    user_data);

/* Asks for files to open (native, portal-friendly): one, or several that belong together.
 * @callback gets a list of GFile, or NULL when cancelled. */
void fe_compat_open_files (GtkWindow             *parent,
                           const char            *title,
                           GListModel            *filters,
                           FeCompatFilesCallback  callback,
                           gpointer               user_data);
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
/* A modal question before something is lost: Cancel, which Enter, Escape and closing answer,
 * and the destructive @confirm response labelled @confirm_label. The caller connects to its
 * "response" signal and presents it. */
GtkWidget *fe_compat_confirm (GtkWindow          *parent,
                              const char         *heading,
                              const char         *body,
                              const char         *confirm,
                              const char         *confirm_label);
void fe_compat_show_about (GtkWindow            *parent);
/* The style's accent colour for @widget (libadwaita's "accent_color", the one that reads on
 * the window's background in light and dark styles); FALSE when the theme names none. */
gboolean fe_compat_lookup_accent (GtkWidget *widget,
                                  GdkRGBA   *color);

G_END_DECLS
