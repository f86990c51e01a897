/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the window's tests (and fe-screenshot) share: opening a window, letting it draw, and
 * saving what it draws. */
#pragma once

#include <gtk/gtk.h>

#include "fe-window.h"

G_BEGIN_DECLS

/* Whether @window (an FeWindow) has loaded a study and is loading nothing more: for
 * fe_test_wait_until(). */
gboolean  fe_app_test_study_loaded (gpointer window);

/* A new 1400 × 900 window, shown, once it has loaded @file (NULL: the sample study). */
FeWindow *fe_app_test_open_window  (GFile *file);
/* The same, @width × @height. */
FeWindow *fe_app_test_open_window_sized (GFile *file,
                                         int    width,
                                         int    height);

/* @widget, or the first widget inside it (depth first), that is a @type; NULL: none is. */
gpointer  fe_app_test_find_widget  (GtkWidget *widget,
                                    GType      type);

/* @keyval, unmodified, to @widget's own key controllers, as if pressed while it had the
 * focus (Xvfb has no keyboard the tests can type on); whether one of them took it. */
gboolean  fe_app_test_press_key    (GtkWidget *widget,
                                    guint      keyval);

/* The first toplevel window that is a @type (a dialog the window opened), or NULL. */
gpointer  fe_app_test_find_toplevel (GType type);
/* Whether a toplevel of @type (a GType in a pointer, for fe_test_wait_until()) is on screen. */
gboolean  fe_app_test_toplevel_shown (gpointer type);

/* Runs the main loop for @milliseconds, for whatever is queued to happen and be drawn. */
void      fe_app_test_settle       (int milliseconds);

/* Renders @widget at its size, as it is drawn on screen, to a PNG file at @path; FALSE (and no
 * file) when it draws nothing. */
gboolean  fe_app_test_save_png     (GtkWidget  *widget,
                                    const char *path);

G_END_DECLS
