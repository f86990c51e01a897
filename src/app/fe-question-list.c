/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-question-list.h"

#include "fe-compat.h"

#include <glib/gi18n.h>

struct _FeQuestionList
{
  GtkBox      parent_instance;

  GtkListBox *list_box;

  FeStudy    *study;
};

G_DEFINE_FINAL_TYPE (FeQuestionList, fe_question_list, GTK_TYPE_BOX)

enum {
  SIGNAL_QUESTION_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  SECTION_RESPONDENTS,
  SECTION_CLOSED,
  SECTION_THEMES,
  SECTION_NONE,
} Section;

static Section
section_of (const FeColumn *column)
{
  if (!fe_column_is_question (column) || fe_column_get_n_levels (column) == 0)
    return SECTION_NONE;
  if (column->role == FE_ROLE_ATTRIBUTE)
    return SECTION_RESPONDENTS;
  if (column->coded)
    return SECTION_THEMES;
  return SECTION_CLOSED;
}

static const char *
section_title (Section section)
{
  switch (section)
    {
    case SECTION_RESPONDENTS:
      return _("Respondents");
    case SECTION_CLOSED:
      return _("Closed Questions");
    case SECTION_THEMES:
      return _("Themes");
    case SECTION_NONE:
    default:
      return NULL;
    }
}

static FeColumn *
row_column (FeQuestionList *self,
            GtkListBoxRow  *row)
{
  return g_object_get_data (G_OBJECT (row), "fe-column");
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       data)
{
  FeQuestionList *self = data;
  Section section = section_of (row_column (self, row));
  GtkWidget *header;

  if (before != NULL && section_of (row_column (self, before)) == section)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (section_title (section));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, before ? 12 : 6);
  gtk_widget_set_margin_bottom (header, 3);
  gtk_list_box_row_set_header (row, header);
}

static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       data)
{
  FeQuestionList *self = data;
  FeColumn *ca = row_column (self, a);
  FeColumn *cb = row_column (self, b);
  Section sa = section_of (ca), sb = section_of (cb);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  return ca->index < cb->index ? -1 : ca->index > cb->index;
}

static void
on_row_selected (FeQuestionList *self,
                 GtkListBoxRow  *row)
{
  if (row != NULL)
    g_signal_emit (self, signals[SIGNAL_QUESTION_SELECTED], 0, row_column (self, row)->index);
}

static void
on_row_activated (FeQuestionList *self,
                  GtkListBoxRow  *row)
{
  if (gtk_list_box_get_selected_row (self->list_box) != row)
    gtk_list_box_select_row (self->list_box, row);  /* "row-selected" opens it */
  else
    g_signal_emit (self, signals[SIGNAL_QUESTION_SELECTED], 0, row_column (self, row)->index);
}

static void
fe_question_list_dispose (GObject *object)
{
  FeQuestionList *self = FE_QUESTION_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FE_TYPE_QUESTION_LIST);
  g_clear_object (&self->study);
  G_OBJECT_CLASS (fe_question_list_parent_class)->dispose (object);
}

static void
fe_question_list_class_init (FeQuestionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fe_question_list_dispose;

  signals[SIGNAL_QUESTION_SELECTED] =
    g_signal_new ("question-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/findings_explorer/FindingsExplorer/"
                                               "ui/fe-question-list.ui");
  gtk_widget_class_bind_template_child (widget_class, FeQuestionList, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
fe_question_list_init (FeQuestionList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->list_box, update_header, self, NULL);
  gtk_list_box_set_sort_func (self->list_box, sort_rows, self, NULL);
}

static GtkWidget *
build_row (const FeColumn *column)
{
  /* Opened by activation too (Enter, a double click, a screen reader's action), not only by
   * moving the selection. */
  GtkWidget *row = fe_compat_activatable_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (fe_column_get_display_label (column));
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (row, fe_column_get_display_label (column));
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "fe-column", (gpointer) column);
  g_object_set_data (G_OBJECT (row), "fe-count-label", count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  fe_column_get_display_label (column), -1);
  return row;
}

void
fe_question_list_set_study (FeQuestionList *self,
                            FeStudy        *study)
{
  GtkListBoxRow *old;

  g_return_if_fail (FE_IS_QUESTION_LIST (self));

  while ((old = gtk_list_box_get_row_at_index (self->list_box, 0)) != NULL)
    gtk_list_box_remove (self->list_box, GTK_WIDGET (old));
  g_set_object (&self->study, study);
  if (study == NULL)
    return;

  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);

      if (section_of (column) != SECTION_NONE)
        gtk_list_box_append (self->list_box, build_row (column));
    }
  fe_question_list_update_counts (self, fe_study_get_universe (study));
}

void
fe_question_list_update_counts (FeQuestionList *self,
                                const FeBitset *rows)
{
  g_return_if_fail (FE_IS_QUESTION_LIST (self));

  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    {
      GtkLabel *count = g_object_get_data (G_OBJECT (row), "fe-count-label");
      g_autofree char *text = g_strdup_printf ("%u",
                                               fe_bitset_count_and (rows,
                                                                    row_column (self, row)
                                                                      ->answered));

      gtk_label_set_text (count, text);
    }
}

void
fe_question_list_select (FeQuestionList *self,
                         const FeColumn *column)
{
  GtkListBoxRow *row;

  g_return_if_fail (FE_IS_QUESTION_LIST (self));

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    if (row_column (self, row) == column)
      {
        gtk_list_box_select_row (self->list_box, row);
        return;
      }
}
