/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-filter-panel.h"

#include "fe-grid-cell.h"
#include "fe-range-row.h"

#include <glib/gi18n.h>

typedef struct
{
  const FeColumn *column;
  guint           level;
  GtkCheckButton *check;
  FeGridCell     *count_label;
  GtkWidget      *levels;  /* the section's levels, folded or shown */
  guint           count;
  gboolean        stale;   /* not counted for the filter yet: folded, or not on screen */
} LevelRow;

struct _FeFilterPanel
{
  GtkBox    parent_instance;

  GtkBox   *content_box;

  FeExploreState *state;
  FeStudy        *study;     /* whose questions the sections are */
  GArray         *rows;      /* LevelRow */
  FeFilter       *counted;   /* the filter the counts are of, or NULL */
  gboolean        counted_incomplete;  /* and whether incomplete responses were counted */
  /* FeColumn → GPtrArray of its last Counts, the newest last: a filter switched off, or
   * clicked again, brings back counts made a moment ago. */
  GHashTable     *kept_counts;
  gboolean        updating;  /* set while check boxes follow the filter, not the user */
};

G_DEFINE_FINAL_TYPE (FeFilterPanel, fe_filter_panel, GTK_TYPE_BOX)

/* A column's counts under a filter on the other columns. */
typedef struct
{
  FeFilter *filter;
  gboolean  incomplete;  /* incomplete responses counted */
  guint    *counts;      /* per level row of the column */
} Counts;

#define COUNTS_KEPT 4

static void
counts_free (Counts *counts)
{
  fe_filter_free (counts->filter);
  g_free (counts->counts);
  g_free (counts);
}

static void
fe_filter_panel_dispose (GObject *object)
{
  FeFilterPanel *self = FE_FILTER_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FE_TYPE_FILTER_PANEL);
  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_clear_object (&self->state);
  g_clear_object (&self->study);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->counted, fe_filter_free);
  g_clear_pointer (&self->kept_counts, g_hash_table_unref);
  G_OBJECT_CLASS (fe_filter_panel_parent_class)->dispose (object);
}

static void
fe_filter_panel_class_init (FeFilterPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fe_filter_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/findings_explorer/FindingsExplorer/"
                                               "ui/fe-filter-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, FeFilterPanel, content_box);
}

static void
fe_filter_panel_init (FeFilterPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_array_new (FALSE, FALSE, sizeof (LevelRow));
  self->kept_counts = g_hash_table_new_full (NULL, NULL, NULL,
                                             (GDestroyNotify) g_ptr_array_unref);
}

static void
on_check_toggled (GtkCheckButton *check,
                  FeFilterPanel  *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "fe-level-row-index"));
  LevelRow *row;

  if (self->updating || index == 0)
    return;
  row = &g_array_index (self->rows, LevelRow, index - 1);

  /* The state counts again and tells every view, this panel among them, once. */
  fe_explore_state_set_filter_level (self->state, row->column, row->level,
                                     gtk_check_button_get_active (check));
}

static gboolean
column_is_filterable (const FeColumn *column)
{
  return (fe_role_is_single_valued (column->role) || column->role == FE_ROLE_MULTI)
         && fe_column_get_n_levels (column) > 0;
}

static GtkWidget *
build_level_row (FeFilterPanel  *self,
                 const FeColumn *column,
                 guint           level,
                 GtkWidget      *levels)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_check_button_new_with_label (fe_column_get_display_level (column,
                                                                                   level));
  GtkWidget *count = fe_grid_cell_new_count (fe_study_get_n_rows (self->study));
  LevelRow row = { column, level, GTK_CHECK_BUTTON (check), FE_GRID_CELL (count), levels, 0,
                   TRUE };

  gtk_widget_set_hexpand (check, TRUE);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), count);

  g_array_append_val (self->rows, row);
  g_object_set_data (G_OBJECT (check), "fe-level-row-index", GUINT_TO_POINTER (self->rows->len));
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), self);
  return box;
}

static void
on_header_toggled (GtkToggleButton *header,
                   GtkImage        *arrow)
{
  gboolean expanded = gtk_toggle_button_get_active (header);

  gtk_image_set_from_icon_name (arrow, expanded ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (header),
                               GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
}

static void show_stale_counts (FeFilterPanel *self);

/* A flat toggle button over the levels, not a GtkExpander: GTK 4.8's expander does not ask
 * for height-for-width, so a folded one was given one line's height while its wrapped title
 * drew three or more, over the sections below. A button measures its label height-for-width,
 * so each title wraps within its own row. */
static void
add_column_section (FeFilterPanel  *self,
                    const FeColumn *column,
                    gboolean        expanded)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_toggle_button_new ();
  GtkWidget *title = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *arrow = gtk_image_new ();
  GtkWidget *label = gtk_label_new (fe_column_get_display_label (column));
  GtkWidget *levels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_valign (arrow, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* Welsh compounds can be longer than the sidebar is wide. */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (title), arrow);
  gtk_box_append (GTK_BOX (title), label);
  gtk_button_set_child (GTK_BUTTON (header), title);
  gtk_widget_add_css_class (header, "flat");
  gtk_widget_add_css_class (header, "filter-header");
  /* With a box for its child the button has no label of its own to be named by. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (header),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  GTK_ACCESSIBLE_RELATION_CONTROLS, levels, NULL, -1);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (header), expanded);
  on_header_toggled (GTK_TOGGLE_BUTTON (header), GTK_IMAGE (arrow));
  g_signal_connect (header, "toggled", G_CALLBACK (on_header_toggled), arrow);
  g_object_bind_property (header, "active", levels, "visible", G_BINDING_SYNC_CREATE);

  gtk_widget_set_margin_start (levels, 12);
  if (column->bins != NULL)
    gtk_box_append (GTK_BOX (levels), fe_range_row_new (self->state, column));
  for (guint l = 0; l < fe_column_get_n_levels (column); l++)
    gtk_box_append (GTK_BOX (levels), build_level_row (self, column, l, levels));
  g_signal_connect_swapped (levels, "map", G_CALLBACK (show_stale_counts), self);
  gtk_box_append (GTK_BOX (section), header);
  gtk_box_append (GTK_BOX (section), levels);
  gtk_box_append (self->content_box, section);
}

static void
show_study (FeFilterPanel *self,
            FeStudy       *study)
{
  GtkWidget *child;

  g_set_object (&self->study, study);
  g_clear_pointer (&self->counted, fe_filter_free);
  g_hash_table_remove_all (self->kept_counts);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content_box))) != NULL)
    gtk_box_remove (self->content_box, child);
  g_array_set_size (self->rows, 0);
  if (study == NULL)
    return;

  /* Who answered first and open, then the closed questions folded. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint c = 0; c < fe_study_get_n_columns (study); c++)
      {
        FeColumn *column = fe_study_get_column (study, c);
        gboolean is_attribute = column->role == FE_ROLE_ATTRIBUTE;

        if (column_is_filterable (column) && is_attribute == (pass == 0))
          add_column_section (self, column, is_attribute);
      }
}

/* Each level counts what picking it would give under the filters on the other columns: the
 * levels of a column, rows @first to @end, are counted together, in one pass over those rows. */
static const guint *
count_levels (FeFilterPanel  *self,
              const FeColumn *column,
              guint           first,
              guint           end)
{
  gboolean incomplete = fe_study_get_include_incomplete (self->study);
  GPtrArray *kept = g_hash_table_lookup (self->kept_counts, column);
  FeQuery *query = self->state != NULL ? fe_explore_state_get_query (self->state) : NULL;
  g_autoptr(FeBitset) computed = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  const FeBitset *rows = NULL;
  Counts *counts;

  if (kept == NULL)
    {
      kept = g_ptr_array_new_with_free_func ((GDestroyNotify) counts_free);
      g_hash_table_insert (self->kept_counts, (gpointer) column, kept);
    }
  for (guint k = 0; k < kept->len; k++)
    {
      counts = g_ptr_array_index (kept, k);
      if (counts->incomplete == incomplete
          && fe_filter_equal_except (counts->filter, self->counted, column))
        return counts->counts;
    }

  /* A column the filter leaves alone counts under the query's own respondents. */
  if (query != NULL && fe_filter_equal (fe_query_get_filter (query), self->counted))
    {
      gboolean filtered = FALSE;

      for (guint c = 0; c < fe_filter_get_n_columns (self->counted); c++)
        filtered |= fe_filter_get_column (self->counted, c) == column;
      if (!filtered)
        rows = fe_query_get_rows (query);
    }
  if (rows == NULL)
    rows = computed = fe_filter_compute_rows_except (self->counted, column);
  sets = g_ptr_array_new ();
  for (guint i = first; i < end; i++)
    g_ptr_array_add (sets, g_ptr_array_index (column->level_rows,
                                              g_array_index (self->rows, LevelRow, i).level));
  counts = g_new0 (Counts, 1);
  counts->filter = fe_filter_copy (self->counted);
  counts->incomplete = incomplete;
  counts->counts = g_new (guint, end - first);
  fe_bitset_count_and_many (rows, NULL, (const FeBitset *const *) sets->pdata, sets->len, NULL,
                            counts->counts);
  if (kept->len == COUNTS_KEPT)
    g_ptr_array_remove_index (kept, 0);
  g_ptr_array_add (kept, counts);
  return counts->counts;
}

static void
count_column (FeFilterPanel *self,
              guint          first,
              guint          end)
{
  const FeColumn *column = g_array_index (self->rows, LevelRow, first).column;
  const guint *counts = count_levels (self, column, first, end);

  for (guint i = first; i < end; i++)
    {
      LevelRow *row = &g_array_index (self->rows, LevelRow, i);
      guint count = counts[i - first];
      g_autofree char *count_text = g_strdup_printf ("%u", count);
      g_autofree char *description = g_strdup_printf (ngettext ("%u respondent",
                                                                "%u respondents", count),
                                                      count);

      row->count = count;
      row->stale = FALSE;
      fe_grid_cell_set_text (row->count_label, count_text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->check),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }
}

/* The rows of the column of row @index: @first to @end. */
static void
find_column_rows (FeFilterPanel *self,
                  guint          index,
                  guint         *first,
                  guint         *end)
{
  const FeColumn *column = g_array_index (self->rows, LevelRow, index).column;

  for (*first = index; *first > 0
       && g_array_index (self->rows, LevelRow, *first - 1).column == column; (*first)--)
    ;
  for (*end = index + 1; *end < self->rows->len
       && g_array_index (self->rows, LevelRow, *end).column == column; (*end)++)
    ;
}

/* Counts the levels on screen not counted for the filter yet; those folded, or on another page
 * of the sidebar, when they are shown. */
static void
show_stale_counts (FeFilterPanel *self)
{
  if (self->counted == NULL)
    return;
  for (guint first = 0, end; first < self->rows->len; first = end)
    {
      LevelRow *row = &g_array_index (self->rows, LevelRow, first);

      find_column_rows (self, first, &first, &end);
      if (row->stale && gtk_widget_get_mapped (row->levels))
        count_column (self, first, end);
    }
}

static void
show_filter (FeFilterPanel *self)
{
  FeQuery *query = fe_explore_state_get_query (self->state);
  const FeFilter *filter;
  gboolean incomplete, other_respondents;

  if (query == NULL)
    return;
  /* A new study comes as a new query: its sections are built first. */
  if (fe_query_get_study (query) != self->study)
    show_study (self, fe_query_get_study (query));
  filter = fe_query_get_filter (query);
  incomplete = fe_study_get_include_incomplete (self->study);
  other_respondents = self->counted == NULL || self->counted_incomplete != incomplete;
  /* Another question, the same filter: the same counts. A column's levels count under the
   * filter on the other columns, so a click on one of them leaves that column's counts. The
   * same filter over other respondents (incomplete responses let in or out) changes them all. */
  if (other_respondents || !fe_filter_equal (self->counted, filter))
    {
      for (guint i = 0; i < self->rows->len; i++)
        {
          LevelRow *row = &g_array_index (self->rows, LevelRow, i);

          row->stale |= other_respondents
                        || !fe_filter_equal_except (self->counted, filter, row->column);
        }
      g_clear_pointer (&self->counted, fe_filter_free);
      self->counted = fe_filter_copy (filter);
      self->counted_incomplete = incomplete;
      show_stale_counts (self);
    }

  self->updating = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      LevelRow *row = &g_array_index (self->rows, LevelRow, i);

      gtk_check_button_set_active (row->check,
                                   fe_filter_has_level (filter, row->column, row->level));
    }
  self->updating = FALSE;
}

void
fe_filter_panel_set_state (FeFilterPanel  *self,
                           FeExploreState *state)
{
  g_return_if_fail (FE_IS_FILTER_PANEL (self));
  g_return_if_fail (self->state == NULL && FE_IS_EXPLORE_STATE (state));

  self->state = g_object_ref (state);
  /* The filter is the query's: a new query is a new filter, or the same under other
   * respondents. */
  g_signal_connect_swapped (state, "notify::query", G_CALLBACK (show_filter), self);
  show_filter (self);
}

static LevelRow *
find_row (FeFilterPanel  *self,
          const FeColumn *column,
          guint           level)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      LevelRow *row = &g_array_index (self->rows, LevelRow, i);

      if (row->column == column && row->level == level)
        return row;
    }
  return NULL;
}

GtkCheckButton *
fe_filter_panel_get_check_button (FeFilterPanel  *self,
                                  const FeColumn *column,
                                  guint           level)
{
  LevelRow *row;

  g_return_val_if_fail (FE_IS_FILTER_PANEL (self), NULL);
  row = find_row (self, column, level);
  return row ? row->check : NULL;
}

guint
fe_filter_panel_get_count (FeFilterPanel  *self,
                           const FeColumn *column,
                           guint           level)
{
  LevelRow *row;

  g_return_val_if_fail (FE_IS_FILTER_PANEL (self), 0);
  row = find_row (self, column, level);
  if (row == NULL)
    return 0;
  if (row->stale && self->counted != NULL)
    {
      guint first, end;

      find_column_rows (self, (guint) (row - (LevelRow *) self->rows->data), &first, &end);
      count_column (self, first, end);
    }
  return row->count;
}
