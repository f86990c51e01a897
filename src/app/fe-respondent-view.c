/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-respondent-view.h"
#include "fe-compat.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fe-grid-cell.h"
#include "fe-respondent-list.h"
#include "fe-staged-list.h"

struct _FeRespondentView
{
  GtkBox              parent_instance;

  GtkLabel           *summary_label;
  GtkColumnView      *column_view;

  FeStudy            *study;
  FeRespondentList   *respondents;
  FeStagedList       *staged;  /* the respondents as the grid is given them */
  /* The rows to list once the view is on screen; a hidden grid need not follow every click. */
  FeBitset           *pending_rows;

  /* FeColumn → its FeRespondentOrder, made on a worker the first time the grid is sorted by
   * it; the study's data do not change, so neither do they. */
  GHashTable         *orders;
  /* The sort asked for by the headers, and its order being made. */
  const FeColumn     *sort_column;
  gboolean            sort_descending;
  GCancellable       *sorting;
  /* While set, a column's sorter only tells which column the headers sort by first. */
  gboolean            probing;
  const FeColumn     *probed;
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
    /* A copy: the sort reads every answer on a worker, and the study would keep each one. */
    g_autofree char *answer = fe_study_dup_answer (study, column, row);

    if (g_utf8_strlen (answer, -1) <= SNIPPET_CHARS)
      return g_steal_pointer (&answer);
    return g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (answer, SNIPPET_CHARS)
                                            - answer), answer);
  }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkWidget *label = fe_grid_cell_new (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory),
                                                                          "fe-width-chars")),
                                       g_object_get_data (G_OBJECT (factory), "fe-layouts"));

  g_object_set_data (G_OBJECT (label), "fe-column", data);
  g_object_set_data (G_OBJECT (label), "fe-view", g_object_get_data (G_OBJECT (factory),
                                                                     "fe-view"));
  /* The first column's cell names its row, the respondent, for a screen reader. */
  if (g_object_get_data (G_OBJECT (factory), "fe-first") != NULL)
    g_object_set_data (G_OBJECT (label), "fe-list-item", item);

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
show_cell (FeGridCell      *label,
           FeRespondentRow *item)
{
  FeRespondentView *self = g_object_get_data (G_OBJECT (label), "fe-view");
  GtkListItem *list_item = g_object_get_data (G_OBJECT (label), "fe-list-item");
  g_autofree char *text = cell_text (self->study, g_object_get_data (G_OBJECT (label),
                                                                     "fe-column"),
                                     fe_respondent_row_get_row (item));

  fe_grid_cell_set_text (label, text);
  if (list_item != NULL)
    {
      /* Translators: a respondent's row in the respondents table, read by a screen reader */
      g_autofree char *name = g_strdup_printf (_("Respondent %s"), text ? text : "");

      fe_compat_name_column_view_row (list_item, name);
    }
}

/* The item of a place in the list now stands for another respondent (the filter or the order
 * changed): the row is redrawn where it is. */
static void
on_item_row_changed (FeRespondentRow *item,
                     GParamSpec      *pspec,
                     FeGridCell      *label)
{
  show_cell (label, item);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  FeGridCell *label = FE_GRID_CELL (gtk_list_item_get_child (item));

  show_cell (label, gtk_list_item_get_item (item));
  g_signal_connect_object (gtk_list_item_get_item (item), "notify::row",
                           G_CALLBACK (on_item_row_changed), label, 0);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), on_item_row_changed,
                                        gtk_list_item_get_child (item));
}

typedef struct
{
  FeRespondentView *view;
  const FeColumn   *column;
} SortData;

/* The grid is never sorted by comparing items (a million of them, on the main thread): the
 * column view's sorter is asked once, with this in each column, which column it sorts by first
 * and which way; the order comes from that column's keys (see compute_keys()). */
static int
probe_sort_column (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  SortData *sort = data;

  if (!sort->view->probing)
    return GTK_ORDERING_EQUAL;
  sort->view->probed = sort->column;
  return GTK_ORDERING_SMALLER;
}

typedef struct
{
  gint64      number;   /* ids sort numerically first */
  char       *collated;
  guint       text;     /* index among the distinct texts */
} SortText;

static int
compare_sort_texts (gconstpointer a,
                    gconstpointer b)
{
  const SortText *x = a, *y = b;

  if (x->number != y->number)
    return x->number < y->number ? -1 : 1;
  return strcmp (x->collated, y->collated);
}

/* One key per row such that ordering by key orders as the cells read: ordinal and attribute
 * columns in their level order (no answer last), ids numerically, text as text. Texts are
 * ranked among the distinct ones, so each is collated once. NULL when cancelled. */
static guint32 *
compute_keys (FeStudy        *study,
              const FeColumn *column,
              GCancellable   *cancellable)
{
  guint n_rows = fe_study_get_n_rows (study);
  g_autofree guint32 *keys = g_new (guint32, MAX (n_rows, 1));
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autofree SortText *sorted = NULL;
  g_autofree guint32 *rank = NULL;

  if (column->values != NULL)
    {
      for (guint r = 0; r < n_rows; r++)
        keys[r] = column->values[r] ? column->values[r] : G_MAXUINT32;
      return g_steal_pointer (&keys);
    }

  index = g_hash_table_new (g_str_hash, g_str_equal);
  texts = g_ptr_array_new_with_free_func (g_free);
  for (guint r = 0; r < n_rows; r++)
    {
      char *text = cell_text (study, column, r);
      gpointer found;

      if (r % 4096 == 0 && g_cancellable_is_cancelled (cancellable))
        {
          g_free (text);
          return NULL;
        }
      if (text == NULL)
        text = g_strdup ("");
      if (g_hash_table_lookup_extended (index, text, NULL, &found))
        {
          keys[r] = GPOINTER_TO_UINT (found);
          g_free (text);
          continue;
        }
      keys[r] = texts->len;
      g_hash_table_insert (index, text, GUINT_TO_POINTER (texts->len));
      g_ptr_array_add (texts, text);
    }

  sorted = g_new (SortText, MAX (texts->len, 1));
  for (guint t = 0; t < texts->len; t++)
    {
      const char *text = g_ptr_array_index (texts, t);

      sorted[t].number = column->role == FE_ROLE_ID ? g_ascii_strtoll (text, NULL, 10) : 0;
      sorted[t].collated = g_utf8_collate_key (text, -1);
      sorted[t].text = t;
    }
  qsort (sorted, texts->len, sizeof (SortText), compare_sort_texts);
  rank = g_new (guint32, MAX (texts->len, 1));
  for (guint t = 0; t < texts->len; t++)
    {
      /* Texts that collate alike share a rank, so the file's order decides between them. */
      gboolean same = t > 0 && compare_sort_texts (&sorted[t - 1], &sorted[t]) == 0;

      rank[sorted[t].text] = same ? rank[sorted[t - 1].text] : t;
    }
  for (guint t = 0; t < texts->len; t++)
    g_free (sorted[t].collated);
  for (guint r = 0; r < n_rows; r++)
    keys[r] = rank[keys[r]];
  return g_steal_pointer (&keys);
}

typedef struct
{
  FeStudy        *study;
  const FeColumn *column;
} SortJob;

static void
sort_job_free (SortJob *job)
{
  g_object_unref (job->study);
  g_free (job);
}

static void
make_order (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  SortJob *job = data;
  guint32 *keys = compute_keys (job->study, job->column, cancellable);
  FeRespondentOrder *order = keys ? fe_respondent_order_new (keys, fe_study_get_n_rows
                                                                     (job->study), cancellable)
                                  : NULL;

  if (order == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  else
    g_task_return_pointer (task, order, (GDestroyNotify) fe_respondent_order_unref);
}

/* Which places the grid shows, from how far it is scrolled: the rows there are redrawn at once,
 * the others GTK keeps made a few at a time after. */
static void
tell_visible (FeRespondentView *self)
{
  guint first, n_shown;

  /* Of the rows the grid has, which its adjustment measures: fewer than the respondents while
   * they come a step a frame. */
  if (fe_staged_list_get_shown (self->staged,
                                g_list_model_get_n_items (G_LIST_MODEL (self->staged)),
                                &first, &n_shown))
    fe_respondent_list_set_visible (self->respondents, first, n_shown + 1);
  else
    /* Not laid out yet: the grid opens at its top, and no screen holds more rows than this. */
    fe_respondent_list_set_visible (self->respondents, 0, 60);
}

static void
apply_sort (FeRespondentView *self)
{
  tell_visible (self);
  fe_respondent_list_set_order (self->respondents,
                                self->sort_column ? g_hash_table_lookup (self->orders,
                                                                         self->sort_column)
                                                  : NULL,
                                self->sort_descending);
}

static void
on_order_made (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(FeRespondentView) self = data;
  SortJob *job = g_task_get_task_data (G_TASK (result));
  FeRespondentOrder *order = g_task_propagate_pointer (G_TASK (result), NULL);

  if (order == NULL)
    return;
  if (job->study != self->study)
    {
      fe_respondent_order_unref (order);
      return;
    }
  g_hash_table_insert (self->orders, (gpointer) job->column, order);
  if (g_task_get_cancellable (G_TASK (result)) == self->sorting)
    g_clear_object (&self->sorting);
  if (job->column == self->sort_column)
    apply_sort (self);
}

/* The old order stays on screen until the new one is made. */
static void
on_sort_changed (FeRespondentView *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  /* Two: a sorter finds an item equal to itself without asking its columns. */
  g_autoptr(FeRespondentRow) probe_a = g_object_new (FE_TYPE_RESPONDENT_ROW, NULL);
  g_autoptr(FeRespondentRow) probe_b = g_object_new (FE_TYPE_RESPONDENT_ROW, NULL);
  g_autoptr(GTask) task = NULL;
  SortJob *job;
  GtkOrdering ordering;

  self->probing = TRUE;
  self->probed = NULL;
  ordering = gtk_sorter_compare (sorter, probe_a, probe_b);
  self->probing = FALSE;
  self->sort_column = ordering == GTK_ORDERING_EQUAL ? NULL : self->probed;
  /* A column sorted backwards turns its sorter's answer round. */
  self->sort_descending = ordering == GTK_ORDERING_LARGER;

  g_cancellable_cancel (self->sorting);
  g_clear_object (&self->sorting);
  if (self->sort_column == NULL || self->study == NULL
      || g_hash_table_contains (self->orders, self->sort_column))
    {
      apply_sort (self);
      return;
    }
  self->sorting = g_cancellable_new ();
  job = g_new0 (SortJob, 1);
  job->study = g_object_ref (self->study);
  job->column = self->sort_column;
  task = g_task_new (NULL, self->sorting, on_order_made, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) sort_job_free);
  g_task_run_in_thread (task, make_order);
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
  g_object_set_data_full (G_OBJECT (factory), "fe-layouts", fe_grid_cell_layouts_new (),
                          (GDestroyNotify) fe_grid_cell_layouts_unref);
  if (g_list_model_get_n_items (gtk_column_view_get_columns (self->column_view)) == 0)
    g_object_set_data (G_OBJECT (factory), "fe-first", GINT_TO_POINTER (1));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) column);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), NULL);

  sort->view = self;
  sort->column = column;
  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_sort_column, sort, g_free));

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

static void
list_pending_rows (FeRespondentView *self)
{
  if (self->pending_rows == NULL)
    return;
  tell_visible (self);
  fe_respondent_list_set_rows (self->respondents, self->pending_rows);
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

  /* Its columns go with it, and the sorter changes as each does. */
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->column_view),
                                          on_sort_changed, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), FE_TYPE_RESPONDENT_VIEW);
  g_cancellable_cancel (self->sorting);
  g_clear_object (&self->sorting);
  g_clear_object (&self->respondents);
  g_clear_pointer (&self->orders, g_hash_table_unref);
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

  self->respondents = fe_respondent_list_new ();
  self->orders = g_hash_table_new_full (NULL, NULL, NULL,
                                        (GDestroyNotify) fe_respondent_order_unref);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sort_changed), self, G_CONNECT_SWAPPED);
  self->staged = fe_staged_list_new (G_LIST_MODEL (self->respondents),
                                     GTK_WIDGET (self->column_view));
  selection = gtk_no_selection_new (G_LIST_MODEL (self->staged));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

static void
use_study (FeRespondentView *self,
           FeStudy          *study)
{
  GListModel *columns;

  /* The old study's rows must not be bound to the new study's columns: empty the list before
   * the columns change; the caller lists the new rows after. */
  g_clear_pointer (&self->pending_rows, fe_bitset_free);
  fe_respondent_list_set_rows (self->respondents, NULL);
  columns = gtk_column_view_get_columns (self->column_view);
  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
  g_set_object (&self->study, study);
  g_cancellable_cancel (self->sorting);
  g_clear_object (&self->sorting);
  g_hash_table_remove_all (self->orders);
  self->sort_column = NULL;
  if (study == NULL)
    return;

  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);

      if (column->role != FE_ROLE_IGNORE)
        add_column (self, column);
    }
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

gboolean
fe_respondent_view_is_sorting (FeRespondentView *self)
{
  g_return_val_if_fail (FE_IS_RESPONDENT_VIEW (self), FALSE);
  return self->sorting != NULL;
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
