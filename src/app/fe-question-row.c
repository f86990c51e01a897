/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-question-row.h"

#include "fe-compat.h"
#include "fe-grid-cell.h"

struct _FeQuestionRow
{
  GtkListBoxRow  parent_instance;

  GtkLabel      *label;
  FeGridCell    *count_label;

  FeColumn      *column;  /* owned by the study */
};

G_DEFINE_FINAL_TYPE (FeQuestionRow, fe_question_row, GTK_TYPE_LIST_BOX_ROW)

static void
fe_question_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FE_TYPE_QUESTION_ROW);
  G_OBJECT_CLASS (fe_question_row_parent_class)->dispose (object);
}

static void
fe_question_row_class_init (FeQuestionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fe_question_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/findings_explorer/FindingsExplorer/"
                                               "ui/fe-question-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FeQuestionRow, label);
  /* Opened by activation too (Enter, a double click, a screen reader's action), not only by
   * moving the selection. */
  fe_compat_install_row_activate (widget_class);
}

static void
fe_question_row_init (FeQuestionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fe_question_row_new (FeColumn *column)
{
  FeQuestionRow *self = g_object_new (FE_TYPE_QUESTION_ROW, NULL);
  const char *label = fe_column_get_display_label (column);

  self->column = column;
  /* As the filters' counts are: a filter click that changes every question's count draws them
   * again and lays out nothing. */
  self->count_label = FE_GRID_CELL (fe_grid_cell_new_count (fe_bitset_get_size (
                                                              column->answered)));
  gtk_box_append (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->label))),
                  GTK_WIDGET (self->count_label));
  gtk_label_set_text (self->label, label);
  fe_compat_set_new_tooltip (GTK_WIDGET (self), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return GTK_WIDGET (self);
}

FeColumn *
fe_question_row_get_column (FeQuestionRow *self)
{
  g_return_val_if_fail (FE_IS_QUESTION_ROW (self), NULL);
  return self->column;
}

void
fe_question_row_set_count (FeQuestionRow *self,
                           guint          count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  g_return_if_fail (FE_IS_QUESTION_ROW (self));
  fe_grid_cell_set_text (self->count_label, text);
}
