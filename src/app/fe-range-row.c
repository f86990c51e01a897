/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-range-row.h"

#include <glib/gi18n.h>

#include "fe-filter.h"
#include "fe-query.h"

typedef struct
{
  FeExploreState *state;
  const FeColumn *column;
  GtkDropDown    *from;
  GtkDropDown    *to;
  gboolean        updating;
} RangeRow;

static void
on_range_changed (RangeRow *row)
{
  guint from = gtk_drop_down_get_selected (row->from);
  guint to = gtk_drop_down_get_selected (row->to);
  guint n_bins = row->column->bins->n_bins;
  g_autoptr(FeFilter) filter = NULL;

  if (row->updating || from == GTK_INVALID_LIST_POSITION || to == GTK_INVALID_LIST_POSITION)
    return;
  filter = fe_filter_copy (fe_explore_state_get_filter (row->state));
  fe_filter_clear_column (filter, row->column);
  /* Every bin is no filter at all: it keeps those who gave no number too. */
  if (from > 0 || to + 1 < n_bins)
    for (guint bin = MIN (from, to); bin <= MAX (from, to); bin++)
      fe_filter_add_level (filter, row->column, bin);
  fe_explore_state_set_filter (row->state, filter);
}

/* Follows the filter: the first and last bin kept, or the whole range. */
static void
on_query_changed (RangeRow *row)
{
  const FeFilter *filter = fe_explore_state_get_filter (row->state);
  guint n_bins = row->column->bins->n_bins;
  guint first = 0, last = n_bins - 1;
  gboolean any = FALSE;

  for (guint bin = 0; filter != NULL && bin < n_bins; bin++)
    if (fe_filter_has_level (filter, row->column, bin))
      {
        if (!any)
          first = bin;
        last = bin;
        any = TRUE;
      }
  if (!any)
    {
      first = 0;
      last = n_bins - 1;
    }
  row->updating = TRUE;
  gtk_drop_down_set_selected (row->from, first);
  gtk_drop_down_set_selected (row->to, last);
  row->updating = FALSE;
}

static void
on_state_notify (FeExploreState *state,
                 GParamSpec     *pspec,
                 GtkWidget      *box)
{
  on_query_changed (g_object_get_data (G_OBJECT (box), "fe-range-row"));
}

static GtkDropDown *
bin_list (const FeColumn *column,
          const char     *name)
{
  g_autoptr(GtkStringList) bins = gtk_string_list_new (NULL);
  GtkWidget *list;

  for (guint bin = 0; bin < column->bins->n_bins; bin++)
    gtk_string_list_append (bins, fe_column_get_display_level (column, bin));
  list = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&bins)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_widget_set_hexpand (list, TRUE);
  return GTK_DROP_DOWN (list);
}

GtkWidget *
fe_range_row_new (FeExploreState *state,
                  const FeColumn *column)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  RangeRow *row = g_new0 (RangeRow, 1);

  g_return_val_if_fail (column->bins != NULL, NULL);

  row->state = state;
  row->column = column;
  /* TRANSLATORS: a numeric question's range in the filter panel: "From [20–29] to [40–49]" */
  gtk_box_append (GTK_BOX (box), gtk_label_new (C_("range", "From")));
  row->from = bin_list (column, _("From bin"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->from));
  gtk_box_append (GTK_BOX (box), gtk_label_new (C_("range", "to")));
  row->to = bin_list (column, _("To bin"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->to));
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  g_object_set_data_full (G_OBJECT (box), "fe-range-row", row, g_free);

  on_query_changed (row);
  g_signal_connect_swapped (row->from, "notify::selected", G_CALLBACK (on_range_changed), row);
  g_signal_connect_swapped (row->to, "notify::selected", G_CALLBACK (on_range_changed), row);
  g_signal_connect_object (state, "notify::query", G_CALLBACK (on_state_notify), box, 0);
  return box;
}
