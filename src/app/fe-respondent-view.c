/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-respondent-view.h"
#include "fe-compat.h"

#include <glib/gi18n.h>

#include "fe-respondent-list.h"

struct _FeRespondentView
{
  GtkBox              parent_instance;

  GtkLabel           *summary_label;
  GtkColumnView      *column_view;

  FeStudy            *study;
  FeRespondentList   *respondents;
  /* The rows to list once the view is on screen; a hidden grid need not follow every click. */
  FeBitset           *pending_rows;
};

G_DEFINE_FINAL_TYPE (FeRespondentView, fe_respondent_view, GTK_TYPE_BOX)

enum {
  SIGNAL_RESPONDENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define SNIPPET_CHARS 60

/* What a cell shows for one respondent and one column. */
static char *
cell_text (FeStudy        *study,
           const FeColumn *column,
           guint           row)
{
  if (column->role == FE_ROLE_ID)
    return fe_study_dup_respondent_id (study, row);
  /* The answers as the study shows them: Welsh levels where the codebook has them. */
  if (fe_role_is_single_valued (column->role))
    return g_strdup (fe_study_get_display_level_label (study, column, row));
  if (column->role == FE_ROLE_MULTI || column->coded)
    {
      g_autoptr(GString) codes = g_string_new (NULL);

      for (guint l = 0; l < fe_column_get_n_levels (column); l++)
        if (fe_bitset_get (g_ptr_array_index (column->level_rows, l), row))
          g_string_append_printf (codes, "%s%s", codes->len ? "; " : "",
                                  fe_column_get_display_level (column, l));
      if (column->role == FE_ROLE_MULTI || codes->len > 0)
        return g_string_free (g_steal_pointer (&codes), FALSE);
    }
  {
    const char *answer = fe_study_get_answer (study, column, row);

    if (g_utf8_strlen (answer, -1) <= SNIPPET_CHARS)
      return g_strdup (answer);
    return g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (answer, SNIPPET_CHARS)
                                            - answer), answer);
  }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_width_chars (GTK_LABEL (label),
                             GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory),
                                                                 "fe-width-chars")));
  gtk_list_item_set_child (item, label);
}

/* Room for a column's answers as the study shows them: its longest level (Welsh ones are
 * longer), up to a snippet's worth; a short header alone would cut every answer. */
#define CELL_MAX_CHARS 24

static int
cell_width_chars (const FeColumn *column)
{
  glong widest = 0;

  if (column->role == FE_ROLE_ID)
    return 6;
  if (fe_column_get_n_levels (column) == 0 || column->role == FE_ROLE_MULTI || column->coded)
    return CELL_MAX_CHARS;
  for (guint l = 0; l < fe_column_get_n_levels (column); l++)
    widest = MAX (widest, g_utf8_strlen (fe_column_get_display_level (column, l), -1));
  return (int) CLAMP (widest, 4, CELL_MAX_CHARS);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  FeRespondentView *self = g_object_get_data (G_OBJECT (factory), "fe-view");
  const FeColumn *column = data;
  g_autofree char *text = cell_text (self->study, column,
                                     fe_respondent_row_get_row (gtk_list_item_get_item (item)));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text ? text : "");
  /* The row named by its first column, the respondent: "Respondent 17". */
  if (g_object_get_data (G_OBJECT (factory), "fe-first") != NULL)
    {
      /* Translators: a respondent's row in the respondents table, read by a screen reader */
      g_autofree char *name = g_strdup_printf (_("Respondent %s"), text ? text : "");

      fe_compat_name_column_view_row (item, name);
    }
}

typedef struct
{
  FeRespondentView *view;
  const FeColumn   *column;
} SortData;

/* Ordinal and attribute columns sort in their level order, ids numerically, text as text. */
static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  SortData *sort = data;
  FeStudy *study = sort->view->study;
  const FeColumn *column = sort->column;
  guint ra = fe_respondent_row_get_row ((gpointer) a);
  guint rb = fe_respondent_row_get_row ((gpointer) b);
  g_autofree char *ta = NULL;
  g_autofree char *tb = NULL;

  if (column->values != NULL)
    {
      /* Unanswered sorts last. */
      guint va = column->values[ra] ? column->values[ra] : G_MAXUINT;
      guint vb = column->values[rb] ? column->values[rb] : G_MAXUINT;

      return va < vb ? GTK_ORDERING_SMALLER : va > vb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
    }
  ta = cell_text (study, column, ra);
  tb = cell_text (study, column, rb);
  if (column->role == FE_ROLE_ID)
    {
      gint64 na = g_ascii_strtoll (ta, NULL, 10), nb = g_ascii_strtoll (tb, NULL, 10);

      if (na != nb)
        return na < nb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
    }
  return gtk_ordering_from_cmpfunc (g_utf8_collate (ta ? ta : "", tb ? tb : ""));
}

static void
add_column (FeRespondentView *self,
            const FeColumn   *column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  SortData *sort = g_new0 (SortData, 1);
  GtkColumnViewColumn *view_column;
  GtkSorter *sorter;
  g_autofree char *title = NULL;

  g_object_set_data (G_OBJECT (factory), "fe-view", self);
  g_object_set_data (G_OBJECT (factory), "fe-width-chars",
                     GINT_TO_POINTER (cell_width_chars (column)));
  if (g_list_model_get_n_items (gtk_column_view_get_columns (self->column_view)) == 0)
    g_object_set_data (G_OBJECT (factory), "fe-first", GINT_TO_POINTER (1));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) column);

  sort->view = self;
  sort->column = column;
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, sort, g_free));

  /* A column is named as the chart's dropdowns name it, in the study's language: its id
   * ("Q5_1", "force") is neither. */
  title = column->role == FE_ROLE_ID ? g_strdup (_("Respondent"))
                                     : fe_column_dup_short_label (column);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (sorter);
  g_object_unref (view_column);
}

static void
update_summary (FeRespondentView *self)
{
  guint n = self->pending_rows ? fe_bitset_count (self->pending_rows)
                               : g_list_model_get_n_items (G_LIST_MODEL (self->respondents));
  g_autofree char *text = g_strdup_printf (ngettext ("%u respondent — open a row to read all of "
                                                     "their answers",
                                                     "%u respondents — open a row to read all of "
                                                     "their answers", n), n);

  gtk_label_set_text (self->summary_label, text);
}

static void
on_row_activated (FeRespondentView *self,
                  guint             position)
{
  g_signal_emit (self, signals[SIGNAL_RESPONDENT_ACTIVATED], 0,
                 fe_respondent_view_get_row_at (self, position));
}

/* The view is detached while the list changes: told of a change, GTK 4.8's list views look at
 * every added item, a million of them after a filter click on a national survey, but a new
 * model costs only the rows on screen. */
static void
list_pending_rows (FeRespondentView *self)
{
  g_autoptr(GtkSelectionModel) selection = NULL;

  if (self->pending_rows == NULL)
    return;
  selection = g_object_ref (gtk_column_view_get_model (self->column_view));
  gtk_column_view_set_model (self->column_view, NULL);
  fe_respondent_list_set_rows (self->respondents, self->pending_rows);
  gtk_column_view_set_model (self->column_view, selection);
  g_clear_pointer (&self->pending_rows, fe_bitset_free);
}

static void
set_listed_rows (FeRespondentView *self,
                 const FeBitset   *rows)
{
  g_clear_pointer (&self->pending_rows, fe_bitset_free);
  if (rows == NULL)
    {
      fe_respondent_list_set_rows (self->respondents, NULL);
      return;
    }
  self->pending_rows = fe_bitset_copy (rows);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    list_pending_rows (self);
}

static void
fe_respondent_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (fe_respondent_view_parent_class)->map (widget);
  list_pending_rows (FE_RESPONDENT_VIEW (widget));
}

static void
fe_respondent_view_dispose (GObject *object)
{
  FeRespondentView *self = FE_RESPONDENT_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FE_TYPE_RESPONDENT_VIEW);
  g_clear_object (&self->respondents);
  g_clear_object (&self->study);
  g_clear_pointer (&self->pending_rows, fe_bitset_free);
  G_OBJECT_CLASS (fe_respondent_view_parent_class)->dispose (object);
}

static void
fe_respondent_view_class_init (FeRespondentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fe_respondent_view_dispose;
  widget_class->map = fe_respondent_view_map;

  signals[SIGNAL_RESPONDENT_ACTIVATED] =
    g_signal_new ("respondent-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/findings_explorer/FindingsExplorer/"
                                               "ui/fe-respondent-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FeRespondentView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FeRespondentView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
fe_respondent_view_init (FeRespondentView *self)
{
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  fe_compat_name_column_view_header (self->column_view, _("Column titles"));

  self->respondents = fe_respondent_list_new (gtk_column_view_get_sorter (self->column_view));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->respondents)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

static void
use_study (FeRespondentView *self,
           FeStudy          *study)
{
  GListModel *columns;

  /* The old study's rows must not be bound to the new study's columns: empty the list before
   * the columns change, and list the new rows after. */
  g_clear_pointer (&self->pending_rows, fe_bitset_free);
  fe_respondent_list_set_rows (self->respondents, NULL);
  columns = gtk_column_view_get_columns (self->column_view);
  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
  g_set_object (&self->study, study);
  if (study == NULL)
    return;

  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);

      if (column->role != FE_ROLE_IGNORE)
        add_column (self, column);
    }
  set_listed_rows (self, fe_study_get_universe (study));
  update_summary (self);
}

static void
list_rows (FeRespondentView *self,
           const FeBitset   *rows)
{
  if (self->study == NULL)
    return;
  set_listed_rows (self, rows);
  update_summary (self);
}

GListModel *
fe_respondent_view_get_model (FeRespondentView *self)
{
  g_return_val_if_fail (FE_IS_RESPONDENT_VIEW (self), NULL);
  list_pending_rows (self);
  return G_LIST_MODEL (self->respondents);
}

guint
fe_respondent_view_get_row_at (FeRespondentView *self,
                               guint             position)
{
  g_return_val_if_fail (FE_IS_RESPONDENT_VIEW (self), G_MAXUINT);
  list_pending_rows (self);
  return fe_respondent_list_get_row_at (self->respondents, position);
}

static void
on_query_changed (FeRespondentView *self,
                  GParamSpec       *pspec,
                  FeExploreState   *state)
{
  FeQuery *query = fe_explore_state_get_query (state);

  if (query == NULL)
    return;
  /* A new study comes as a new query: its columns first. */
  if (fe_query_get_study (query) != self->study)
    use_study (self, fe_query_get_study (query));
  list_rows (self, fe_query_get_rows (query));
}

void
fe_respondent_view_set_state (FeRespondentView *self,
                              FeExploreState   *state)
{
  g_return_if_fail (FE_IS_RESPONDENT_VIEW (self));
  g_return_if_fail (FE_IS_EXPLORE_STATE (state));

  g_signal_connect_object (state, "notify::query", G_CALLBACK (on_query_changed), self,
                           G_CONNECT_SWAPPED);
  on_query_changed (self, NULL, state);
}
