/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FE_TYPE_SAVE_VIEW_DIALOG (fe_save_view_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FeSaveViewDialog, fe_save_view_dialog, FE, SAVE_VIEW_DIALOG, AdwWindow)

/* Asks for a view's title and takeaway; emits "save" (title, takeaway) and closes. */
FeSaveViewDialog *fe_save_view_dialog_new (GtkWindow  *parent,
                                           const char *title);

G_END_DECLS
