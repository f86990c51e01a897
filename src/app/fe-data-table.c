/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-data-table.h"

#include <glib/gi18n.h>

#include "fe-compat.h"
#include "fe-explore-state.h"

/* The chart's numbers as a GtkColumnView: one row per level (a GtkStringList of its cells, the
 * level index in "fe-level"), a column per group. Every cell is named for a screen reader with
 * its row, its column and its value; every row with all of them. Activating a row (Enter, a
 * double click, a screen reader's action) emits "level-activated" and, bound to a state,
 * selects the level there: the same quotes as the level's segment open. */
struct _FeDataTable
{
  GtkBox          parent_instance;

  GtkLabel       *caption_label;
  GtkColumnView  *column_view;

  GListStore     *rows;    /* GtkStringList per level */
  GPtrArray      *cells;   /* GStrv per row, header first, for copying */
  FeExploreState *state;
  /* The state changed while the table was hidden behind the chart: rebuilding its columns then
   * was a sixth of every filter click, for a table nobody saw. */
  gboolean        stale;
};

G_DEFINE_FINAL_TYPE (FeDataTable, fe_data_table, GTK_TYPE_BOX)

enum {
  SIGNAL_LEVEL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A cell: its number in a label, named with its row and column, and an action (AT-SPI's
 * "cell.activate") that opens its row's quotes, as Enter on the row does: GTK 4.8 gives a
 * column view's rows no action a screen reader can call. */
#define FE_TYPE_TABLE_CELL (fe_table_cell_get_type ())
G_DECLARE_FINAL_TYPE (FeTableCell, fe_table_cell, FE, TABLE_CELL, GtkWidget)

struct _FeTableCell
{
  GtkWidget  parent_instance;
  GtkWidget *label;
  int        level;
};

G_DEFINE_FINAL_TYPE (FeTableCell, fe_table_cell, GTK_TYPE_WIDGET)

static void
table_cell_activate (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GtkWidget *table = gtk_widget_get_ancestor (widget, FE_TYPE_DATA_TABLE);

  if (table != NULL && FE_TABLE_CELL (widget)->level >= 0)
    g_signal_emit (table, signals[SIGNAL_LEVEL_ACTIVATED], 0, FE_TABLE_CELL (widget)->level);
}

static void
fe_table_cell_dispose (GObject *object)
{
  g_clear_pointer (&FE_TABLE_CELL (object)->label, gtk_widget_unparent);
  G_OBJECT_CLASS (fe_table_cell_parent_class)->dispose (object);
}

static void
fe_table_cell_class_init (FeTableCellClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fe_table_cell_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_CELL);
  gtk_widget_class_install_action (widget_class, "cell.activate", NULL, table_cell_activate);
}

static void
fe_table_cell_init (FeTableCell *self)
{
  self->level = -1;
  self->label = gtk_label_new (NULL);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

static void
on_copy_clicked (FeDataTable *self)
{
  g_autofree char *text = fe_data_table_dup_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static void
on_activate (FeDataTable *self,
             guint        position)
{
  g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  if (row != NULL)
    g_signal_emit (self, signals[SIGNAL_LEVEL_ACTIVATED], 0,
                   GPOINTER_TO_INT (g_object_get_data (row, "fe-level")));
}

static void
fe_data_table_dispose (GObject *object)
{
  FeDataTable *self = FE_DATA_TABLE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FE_TYPE_DATA_TABLE);
  g_clear_object (&self->state);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  G_OBJECT_CLASS (fe_data_table_parent_class)->dispose (object);
}

static void bring_up_to_date (FeDataTable *self);

static void
fe_data_table_map (GtkWidget *widget)
{
  bring_up_to_date (FE_DATA_TABLE (widget));
  GTK_WIDGET_CLASS (fe_data_table_parent_class)->map (widget);
}

static void
fe_data_table_class_init (FeDataTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fe_data_table_dispose;
  widget_class->map = fe_data_table_map;

  /* The level of the activated row (an index of the question's levels). */
  signals[SIGNAL_LEVEL_ACTIVATED] =
    g_signal_new ("level-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/findings_explorer/FindingsExplorer/"
                                               "ui/fe-data-table.ui");
  gtk_widget_class_bind_template_child (widget_class, FeDataTable, caption_label);
  gtk_widget_class_bind_template_child (widget_class, FeDataTable, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
}

static void
fe_data_table_init (FeDataTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fe_compat_name_column_view_header (self->column_view, _("Column titles"));
  self->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->rows = g_list_store_new (GTK_TYPE_STRING_LIST);
  gtk_column_view_set_model (self->column_view,
                             GTK_SELECTION_MODEL (gtk_single_selection_new (
                               G_LIST_MODEL (g_object_ref (self->rows)))));
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "fe-column"));
  FeTableCell *cell = g_object_new (FE_TYPE_TABLE_CELL, NULL);

  gtk_label_set_xalign (GTK_LABEL (cell->label), column == 0 ? 0 : 1);
  if (column > 0)
    gtk_widget_add_css_class (cell->label, "numeric");
  gtk_list_item_set_child (item, GTK_WIDGET (cell));
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           FeDataTable              *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "fe-column"));
  GtkStringList *row = gtk_list_item_get_item (item);
  const char * const *header = self->cells->len > 0 ? g_ptr_array_index (self->cells, 0) : NULL;
  const char *level = gtk_string_list_get_string (row, 0);
  const char *value = gtk_string_list_get_string (row, column);
  g_autofree char *name = NULL;

  FeTableCell *cell = FE_TABLE_CELL (gtk_list_item_get_child (item));

  gtk_label_set_text (GTK_LABEL (cell->label), value);
  cell->level = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "fe-level"));
  if (header == NULL)
    return;
  if (column == 0)
    {
      /* The row, as a screen reader reads it when it gets the focus: every cell with its
       * column. "Substance use: All (n = 95) 38 (40%)" */
      g_autoptr(GString) text = g_string_new (level);

      for (guint c = 1; c < g_list_model_get_n_items (G_LIST_MODEL (row)); c++)
        g_string_append_printf (text, c == 1 ? ": %s %s" : "; %s %s", header[c],
                                gtk_string_list_get_string (row, c));
      fe_compat_name_column_view_row (item, text->str);
      /* Translators: a data-table cell read aloud: row, column, then the cell's value */
      name = g_strdup_printf (_("%s, %s: %s"), level, header[0], value);
    }
  else
    name = g_strdup_printf (_("%s, %s: %s"), level, header[column], value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
clear_columns (FeDataTable *self)
{
  g_autoptr(GListModel) columns = g_object_ref (gtk_column_view_get_columns (self->column_view));

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
}

void
fe_data_table_set_tally (FeDataTable   *self,
                         const FeTally *tally,
                         FePercentOf    of,
                         const char    *weighted_by)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *caption = NULL;
  const char * const *header;

  g_return_if_fail (FE_IS_DATA_TABLE (self));

  g_list_store_remove_all (self->rows);
  clear_columns (self);
  g_ptr_array_set_size (self->cells, 0);
  if (tally == NULL)
    return;

  caption = g_strdup_printf (_("%s — base %u respondents, %u answered. %s"),
                             fe_column_get_display_label (tally->question), tally->base,
                             tally->answered, fe_percent_of_describe (tally, of));
  if (weighted_by != NULL && tally->w_counts != NULL)
    {
      g_autofree char *weighting = fe_percent_describe_weighting (weighted_by);
      char *weighted = g_strconcat (caption, " ", weighting, NULL);

      g_free (caption);
      caption = weighted;
    }
  gtk_label_set_text (self->caption_label, caption);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, caption, -1);

  /* The same cells as `summary` prints: one function makes both. */
  rows = fe_percent_table_new (tally, of);
  for (guint r = 0; r < rows->len; r++)
    g_ptr_array_add (self->cells, g_strdupv (g_ptr_array_index (rows, r)));

  header = g_ptr_array_index (self->cells, 0);
  for (guint c = 0; header[c] != NULL; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "fe-column", GUINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
      column = gtk_column_view_column_new (header[c], factory);
      gtk_column_view_column_set_expand (column, c == 0);
      gtk_column_view_append_column (self->column_view, column);
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint r = 1; r < self->cells->len; r++)
    {
      GtkStringList *row = gtk_string_list_new (g_ptr_array_index (self->cells, r));

      g_object_set_data (G_OBJECT (row), "fe-level", GINT_TO_POINTER ((int) r - 1));
      g_ptr_array_add (items, row);
    }
  g_list_store_splice (self->rows, 0, 0, items->pdata, items->len);
}

char *
fe_data_table_dup_text (FeDataTable *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (FE_IS_DATA_TABLE (self), NULL);

  bring_up_to_date (self);
  for (guint r = 0; r < self->cells->len; r++)
    {
      g_autofree char *line = g_strjoinv ("\t", g_ptr_array_index (self->cells, r));

      g_string_append_printf (text, "%s\n", line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_now (FeDataTable *self)
{
  FeQuery *query = fe_explore_state_get_query (self->state);
  const FeTally *tally = query != NULL ? fe_query_get_tally (query) : NULL;
  FeChartSpec spec;

  self->stale = FALSE;
  fe_explore_state_init_spec (self->state, &spec);
  fe_data_table_set_tally (self, tally, tally ? fe_chart_spec_get_percent_of (&spec, tally) : 0,
                           spec.weighted_by);
}

static void
show_state (FeDataTable *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    show_now (self);
  else
    self->stale = TRUE;
}

/* What the table shows is what the state explores now. */
static void
bring_up_to_date (FeDataTable *self)
{
  if (self->stale && self->state != NULL)
    show_now (self);
}

static void
on_level_activated (FeDataTable    *self,
                    int             level,
                    FeExploreState *state)
{
  fe_explore_state_select (state, level, -1);
}

void
fe_data_table_set_state (FeDataTable    *self,
                         FeExploreState *state)
{
  g_return_if_fail (FE_IS_DATA_TABLE (self));
  g_return_if_fail (FE_IS_EXPLORE_STATE (state));

  g_set_object (&self->state, state);
  /* Whose base a percentage is of depends on the kind of chart too (a 100 % bar). */
  g_signal_connect_object (state, "notify::query", G_CALLBACK (show_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (state, "notify::measure", G_CALLBACK (show_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (state, "notify::kind", G_CALLBACK (show_state), self,
                           G_CONNECT_SWAPPED);
  /* A row stands for its answer in every group: the level's quotes from all of them. */
  g_signal_connect_object (self, "level-activated", G_CALLBACK (on_level_activated), state, 0);
  show_state (self);
}

gboolean
fe_data_table_activate_level (FeDataTable *self,
                              int          level)
{
  g_return_val_if_fail (FE_IS_DATA_TABLE (self), FALSE);

  bring_up_to_date (self);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->rows)); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (GPOINTER_TO_INT (g_object_get_data (row, "fe-level")) == level)
        {
          g_signal_emit_by_name (self->column_view, "activate", i);
          return TRUE;
        }
    }
  return FALSE;
}
