/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-data-table.h"

#include <glib/gi18n.h>

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

static char *
format_cell (guint count,
             guint base)
{
  if (base == 0)
    return g_strdup_printf ("%u", count);
  /* Translators: a table cell: respondents, then their share of the group's base */
  return g_strdup_printf (_("%u (%.0f%%)"), count, 100.0 * count / base);
}

static void
add_row (FeDataTable *self,
         GPtrArray   *row,
         gboolean     header)
{
  guint y = self->cells->len;

  for (guint x = 0; x < row->len; x++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (row, x));

      gtk_label_set_xalign (GTK_LABEL (label), x == 0 ? 0 : 1);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      if (header)
        gtk_widget_add_css_class (label, "heading");
      else if (x > 0)
        gtk_widget_add_css_class (label, "numeric");
      gtk_grid_attach (self->grid, label, (int) x, (int) y, 1, 1);
    }
  g_ptr_array_add (row, NULL);
  g_ptr_array_add (self->cells, g_ptr_array_steal (row, NULL));
}

void
fe_data_table_set_tally (FeDataTable   *self,
                         const FeTally *tally)
{
  GtkWidget *child;
  g_autoptr(GPtrArray) header = g_ptr_array_new ();
  g_autofree char *caption = NULL;
  guint n_columns;

  g_return_if_fail (FE_IS_DATA_TABLE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_ptr_array_set_size (self->cells, 0);
  if (tally == NULL)
    return;

  caption = g_strdup_printf (_("%s — base %u respondents, %u answered"),
                             fe_column_get_display_label (tally->question), tally->base,
                             tally->answered);
  gtk_label_set_text (self->caption_label, caption);

  n_columns = tally->by ? tally->n_groups : 1;
  g_ptr_array_set_free_func (header, g_free);
  g_ptr_array_add (header, g_strdup (tally->question->coded ? _("Theme") : _("Answer")));
  for (guint g = 0; g < n_columns; g++)
    g_ptr_array_add (header, tally->by
                             ? g_strdup_printf (_("%s (n = %u)"),
                                                fe_column_get_display_level (
                                                  tally->by, tally->groups[g].group),
                                                tally->groups[g].base)
                             : g_strdup_printf (_("All (n = %u)"), tally->base));
  add_row (self, header, TRUE);

  for (guint l = 0; l < tally->n_levels; l++)
    {
      g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (row, g_strdup (fe_column_get_display_level (tally->question, l)));
      for (guint g = 0; g < n_columns; g++)
        g_ptr_array_add (row, tally->by ? format_cell (tally->groups[g].counts[l],
                                                       tally->groups[g].base)
                                        : format_cell (tally->counts[l], tally->base));
      add_row (self, row, FALSE);
    }
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
