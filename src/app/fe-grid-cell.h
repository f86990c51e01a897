/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FE_TYPE_GRID_CELL (fe_grid_cell_get_type ())

G_DECLARE_FINAL_TYPE (FeGridCell, fe_grid_cell, FE, GRID_CELL, GtkWidget)

/* The texts a column's cells have laid out and drawn, shared by them: a column repeats a few
 * answers. */
typedef struct _FeGridCellLayouts FeGridCellLayouts;

FeGridCellLayouts *fe_grid_cell_layouts_new   (void);
void               fe_grid_cell_layouts_unref (FeGridCellLayouts *layouts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeGridCellLayouts, fe_grid_cell_layouts_unref)

/* One line of text, cut with "…" to its width: a label whose size never depends on its text. In
 * a cell of the respondents grid, GTK 4.8 measured every label of the thirty rows a filter
 * click renews, laying each text out two or three times; this one is measured once, by its font,
 * and lays its text out only to draw it. Also the counts beside the filters, which change with
 * every click. @layouts, or NULL: those the cell shares with the others of its column. */
GtkWidget  *fe_grid_cell_new        (int                width_chars,
                                     FeGridCellLayouts *layouts);
void        fe_grid_cell_set_text   (FeGridCell        *self,
                                     const char        *text);
const char *fe_grid_cell_get_text   (FeGridCell        *self);
/* Its text at the end of the line (a count), not at its start; not for a cell that shares its
 * column's layouts. */
void        fe_grid_cell_set_at_end (FeGridCell        *self,
                                     gboolean           at_end);
/* A count beside a filter or a question, dimmed at the end of its line, as wide as @most (the
 * study's count) whatever it shows: a new count draws again, and moves nothing. */
GtkWidget  *fe_grid_cell_new_count  (guint              most);

G_END_DECLS
