/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fe-project.h"

G_BEGIN_DECLS

#define FE_TYPE_VIEW_LIST (fe_view_list_get_type ())

G_DECLARE_FINAL_TYPE (FeViewList, fe_view_list, FE, VIEW_LIST, GtkBox)

/* The project's saved views, titles and takeaways; emits "view-activated" and "view-deleted"
 * with the view's index. */
void fe_view_list_set_project (FeViewList *self,
                               FeProject  *project);
/* Rebuilds the rows after views were added, removed or renamed. */
void fe_view_list_refresh     (FeViewList *self);
void fe_view_list_select      (FeViewList *self,
                               int         index);

G_END_DECLS
