/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FE_TYPE_PREFERENCES_WINDOW (fe_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (FePreferencesWindow, fe_preferences_window, FE, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* The app's preferences, bound to @settings. */
GtkWindow *fe_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

G_END_DECLS
