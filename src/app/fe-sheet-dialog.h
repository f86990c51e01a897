/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gets the chosen sheet's name, or NULL when the choice was cancelled. */
typedef void (*FeSheetChosenFunc) (const char *sheet,
                                   gpointer    user_data);

/* When @path is an Excel workbook with two visible sheets with data or more, asks which of
 * them (named in the workbook @file_name) holds the survey responses, the first chosen to begin
 * with, and returns TRUE: @callback gets the answer. Otherwise returns FALSE at once (a CSV
 * file, one sheet with data, or a workbook that cannot be read, which says why when it loads)
 * and @callback is not called. */
gboolean   fe_sheet_dialog_ask          (GtkWindow         *parent,
                                         const char        *path,
                                         const char        *file_name,
                                         FeSheetChosenFunc  callback,
                                         gpointer           user_data);

G_END_DECLS
