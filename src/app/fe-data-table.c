/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-data-table.h"

#include <glib/gi18n.h>

#include "fe-explore-state.h"

struct _FeDataTable
{
  GtkBox     parent_instance;

  GtkLabel  *caption_label;
  GtkGrid   *grid;

  GPtrArray *cells;  /* GStrv per row, for copying */
};

G_DEFINE_FINAL_TYPE (FeDataTable, fe_data_table, GTK_TYPE_BOX)

static void
on_copy_clicked (FeDataTable *self)
{
  g_autofree char *text = fe_data_table_dup_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static void
fe_data_table_dispose (GObject *object)
{
  FeDataTable *self = FE_DATA_TABLE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FE_TYPE_DATA_TABLE);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  G_OBJECT_CLASS (fe_data_table_parent_class)->dispose (object);
}

static void
fe_data_table_class_init (FeDataTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fe_data_table_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/findings_explorer/FindingsExplorer/"
                                               "ui/fe-data-table.ui");
  gtk_widget_class_bind_template_child (widget_class, FeDataTable, caption_label);
  gtk_widget_class_bind_template_child (widget_class, FeDataTable, grid);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked);
}

static void
fe_data_table_init (FeDataTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

static void
add_row (FeDataTable        *self,
         const char * const *row,
         gboolean            header)
{
  guint y = self->cells->len;

  for (guint x = 0; row[x] != NULL; x++)
    {
      GtkWidget *label = gtk_label_new (row[x]);

      gtk_label_set_xalign (GTK_LABEL (label), x == 0 ? 0 : 1);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      if (header)
        gtk_widget_add_css_class (label, "heading");
      else if (x > 0)
        gtk_widget_add_css_class (label, "numeric");
      gtk_grid_attach (self->grid, label, (int) x, (int) y, 1, 1);
    }
  g_ptr_array_add (self->cells, g_strdupv ((char **) row));
}

void
fe_data_table_set_tally (FeDataTable   *self,
                         const FeTally *tally,
                         FePercentOf    of)
{
  GtkWidget *child;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *caption = NULL;

  g_return_if_fail (FE_IS_DATA_TABLE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_ptr_array_set_size (self->cells, 0);
  if (tally == NULL)
    return;

  caption = g_strdup_printf (_("%s — base %u respondents, %u answered. %s"),
                             fe_column_get_display_label (tally->question), tally->base,
                             tally->answered, fe_percent_of_describe (tally, of));
  gtk_label_set_text (self->caption_label, caption);

  /* The same cells as `summary` prints: one function makes both. */
  rows = fe_percent_table_new (tally, of);
  for (guint r = 0; r < rows->len; r++)
    add_row (self, g_ptr_array_index (rows, r), r == 0);
}

char *
fe_data_table_dup_text (FeDataTable *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (FE_IS_DATA_TABLE (self), NULL);

  for (guint r = 0; r < self->cells->len; r++)
    {
      g_autofree char *line = g_strjoinv ("\t", g_ptr_array_index (self->cells, r));

      g_string_append_printf (text, "%s\n", line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_state (FeDataTable    *self,
            GParamSpec     *pspec,
            FeExploreState *state)
{
  FeQuery *query = fe_explore_state_get_query (state);
  const FeTally *tally = query != NULL ? fe_query_get_tally (query) : NULL;
  FeChartSpec spec;

  fe_explore_state_init_spec (state, &spec);
  fe_data_table_set_tally (self, tally, tally ? fe_chart_spec_get_percent_of (&spec, tally) : 0);
}

void
fe_data_table_set_state (FeDataTable    *self,
                         FeExploreState *state)
{
  g_return_if_fail (FE_IS_DATA_TABLE (self));
  g_return_if_fail (FE_IS_EXPLORE_STATE (state));

  /* Whose base a percentage is of depends on the kind of chart too (a 100 % bar). */
  g_signal_connect_object (state, "notify::query", G_CALLBACK (show_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (state, "notify::measure", G_CALLBACK (show_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (state, "notify::kind", G_CALLBACK (show_state), self,
                           G_CONNECT_SWAPPED);
  show_state (self, NULL, state);
}
