/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-question-list.h"

#include "fe-compat.h"

#include <glib/gi18n.h>

#include "fe-question-row.h"

struct _FeQuestionList
{
  GtkBox      parent_instance;

  GtkListBox     *list_box;

  FeExploreState *state;
  FeStudy        *study;      /* whose questions are listed */
  gboolean        following;  /* set while the selection follows the state, not the user */
};

G_DEFINE_FINAL_TYPE (FeQuestionList, fe_question_list, GTK_TYPE_BOX)

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
  return fe_question_row_get_column (FE_QUESTION_ROW (row));
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
  if (row != NULL && !self->following)
    fe_explore_state_set_question (self->state, row_column (self, row));
}

static void
on_row_activated (FeQuestionList *self,
                  GtkListBoxRow  *row)
{
  /* Selecting it opens it; activating the row already selected opens it again, in case
   * another way (a saved view) showed a different question meanwhile. */
  if (gtk_list_box_get_selected_row (self->list_box) != row)
    gtk_list_box_select_row (self->list_box, row);
  else
    fe_explore_state_set_question (self->state, row_column (self, row));
}

static void
fe_question_list_dispose (GObject *object)
{
  FeQuestionList *self = FE_QUESTION_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FE_TYPE_QUESTION_LIST);
  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_clear_object (&self->state);
  g_clear_object (&self->study);
  G_OBJECT_CLASS (fe_question_list_parent_class)->dispose (object);
}

static void
fe_question_list_class_init (FeQuestionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fe_question_list_dispose;

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

static void
show_study (FeQuestionList *self,
            FeStudy        *study)
{
  GtkListBoxRow *old;

  g_set_object (&self->study, study);
  while ((old = gtk_list_box_get_row_at_index (self->list_box, 0)) != NULL)
    gtk_list_box_remove (self->list_box, GTK_WIDGET (old));
  if (study == NULL)
    return;
  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);

      if (section_of (column) != SECTION_NONE)
        gtk_list_box_append (self->list_box, fe_question_row_new (column));
    }
}

static GtkListBoxRow *
find_row (FeQuestionList *self,
          const FeColumn *column)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    if (row_column (self, row) == column)
      return row;
  return NULL;
}

static void
show_question (FeQuestionList *self)
{
  GtkListBoxRow *row = find_row (self, fe_explore_state_get_question (self->state));

  self->following = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->list_box, row);
  else
    gtk_list_box_unselect_all (self->list_box);
  self->following = FALSE;
}

/* Each question's count: how many of the filtered respondents answered it. */
static void
show_counts (FeQuestionList *self)
{
  FeQuery *query = fe_explore_state_get_query (self->state);
  GtkListBoxRow *row;

  if (query == NULL)
    return;
  /* A new study comes as a new query: its questions are listed first. */
  if (fe_query_get_study (query) != self->study)
    {
      show_study (self, fe_query_get_study (query));
      show_question (self);
    }
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    fe_question_row_set_count (FE_QUESTION_ROW (row),
                               fe_bitset_count_and (fe_query_get_rows (query),
                                                    row_column (self, row)->answered));
}

void
fe_question_list_set_state (FeQuestionList *self,
                            FeExploreState *state)
{
  g_return_if_fail (FE_IS_QUESTION_LIST (self));
  g_return_if_fail (self->state == NULL && FE_IS_EXPLORE_STATE (state));

  self->state = g_object_ref (state);
  g_signal_connect_swapped (state, "notify::query", G_CALLBACK (show_counts), self);
  g_signal_connect_swapped (state, "notify::question", G_CALLBACK (show_question), self);
  show_counts (self);
  show_question (self);
}

void
fe_question_list_select (FeQuestionList *self,
                         const FeColumn *column)
{
  GtkListBoxRow *row;

  g_return_if_fail (FE_IS_QUESTION_LIST (self));

  if ((row = find_row (self, column)) != NULL)
    gtk_list_box_select_row (self->list_box, row);
}
