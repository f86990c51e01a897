/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's actions: what the header bar, menus and shortcuts do. */
#include "config.h"

#include <glib/gi18n.h>

#include "fe-chart-clipboard.h"
#include "fe-chart-export.h"
#include "fe-columns-dialog.h"
#include "fe-compat.h"
#include "fe-cooccurrence.h"
#include "fe-data-check.h"
#include "fe-query-set.h"
#include "fe-tally.h"
#include "fe-window-private.h"

/* ---- Actions ---------------------------------------------------------------------------- */

static void
on_open_chosen (GListModel *files,
                gpointer    data)
{
  g_autoptr(FeWindow) self = data;
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (array, g_list_model_get_item (files, i));
  if (array->len > 0)
    fe_window_open_files (self, (GFile **) array->pdata, array->len);
}

static GListModel *
csv_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (csv, _("Survey Results and Projects"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "tsv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_filter_add_mime_type (csv,
                                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_suffix (csv, "xlsx");
  gtk_file_filter_add_suffix (csv, "findings");
  /* SPSS and Stata files (fe-stat-file.h). */
  gtk_file_filter_add_mime_type (csv, "application/x-spss-sav");
  gtk_file_filter_add_mime_type (csv, "application/x-spss-por");
  gtk_file_filter_add_mime_type (csv, "application/x-stata-dta");
  gtk_file_filter_add_suffix (csv, "sav");
  gtk_file_filter_add_suffix (csv, "zsav");
  gtk_file_filter_add_suffix (csv, "por");
  gtk_file_filter_add_suffix (csv, "dta");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, csv);
  g_list_store_append (filters, all);
  return G_LIST_MODEL (filters);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       data)
{
  FeWindow *self = data;
  g_autoptr(GListModel) filters = csv_filters ();

  fe_compat_open_files (GTK_WINDOW (self), _("Open Survey Results"), filters, on_open_chosen,
                       g_object_ref (self));
}

static void
open_sample_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       data)
{
  fe_window_open_sample (FE_WINDOW (data));
}

static void
cancel_load_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       data)
{
  FeWindow *self = data;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
}

typedef struct
{
  FeWindow     *window;
  FeChartFormat format;
} ExportRequest;

/* Exports are for slides and briefing packs: light, landscape, crisp. The chart copied or
 * dragged out is the same. FALSE when the filter picks too few respondents to show. */
static gboolean
init_export_spec (FeWindow     *self,
                  FeChartSpec  *spec,
                  GError      **error)
{
  fe_explore_state_init_spec (self->state, spec);
  if (!fe_query_check_query_set (fe_explore_state_get_query (self->state), spec->min_cell,
                                 error))
    return FALSE;
  spec->width = 1200;
  spec->height = 750;
  spec->mark_small = FALSE;
  spec->fold_small_groups = self->settings
                            && g_settings_get_boolean (self->settings, "fold-small-groups");
  return TRUE;
}

static void
on_export_chosen (GFile    *file,
                  gpointer  data)
{
  ExportRequest *request = data;
  FeWindow *self = request->window;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autoptr(GError) error = NULL;
  FeQuery *query = fe_explore_state_get_query (self->state);
  FeChartSpec spec;

  if (path != NULL && query != NULL && fe_query_get_tally (query) != NULL)
    {
      if (!init_export_spec (self, &spec, &error))
        {
          fe_window_show_error (self, _("Could Not Export the Chart"), error->message);
          g_object_unref (request->window);
          g_free (request);
          return;
        }
      if (fe_chart_export (&spec, fe_query_get_tally (query), request->format,
                           request->format == FE_CHART_FORMAT_PNG ? 2.0 : 1.0, path, NULL,
                           &error))
        fe_window_show_toast (self, _("Chart exported"));
      else
        fe_window_show_error (self, _("Could Not Export the Chart"), error->message);
    }
  g_object_unref (request->window);
  g_free (request);
}

static void
copy_chart_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       data)
{
  FeWindow *self = data;
  FeQuery *query = fe_explore_state_get_query (self->state);
  g_autoptr(GdkContentProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  FeChartSpec spec;

  if (query == NULL || fe_query_get_tally (query) == NULL)
    return;
  if (init_export_spec (self, &spec, &error))
    provider = fe_chart_clipboard_provider_new (&spec, fe_query_get_tally (query), &error);
  if (provider == NULL)
    {
      fe_window_show_error (self, _("Could Not Copy the Chart"), error->message);
      return;
    }
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
  fe_window_show_toast (self, _("Chart copied as an image"));
}

static GdkContentProvider *
on_chart_drag_prepare (GtkDragSource *source,
                       double         x,
                       double         y,
                       FeWindow      *self)
{
  FeQuery *query = fe_explore_state_get_query (self->state);
  g_autoptr(GError) error = NULL;
  GdkContentProvider *provider = NULL;
  FeChartSpec spec;

  if (query == NULL || fe_query_get_tally (query) == NULL
      || fe_query_get_tally (query)->n_levels == 0)
    return NULL;
  if (init_export_spec (self, &spec, &error))
    provider = fe_chart_drag_provider_new (&spec, fe_query_get_tally (query),
                                           fe_query_get_question (query)->id, &error);
  if (provider == NULL)
    fe_window_show_error (self, _("Could Not Drag the Chart"), error->message);
  return provider;
}

/* A co-occurrence heat map shows counts, or with this the themes' overlap (Jaccard). */
static void
overlap_action_changed (GSimpleAction *action,
                        GVariant      *state,
                        gpointer       data)
{
  FeWindow *self = data;

  fe_explore_state_set_measure (self->state, g_variant_get_boolean (state)
                                             ? FE_CHART_MEASURE_OVERLAP
                                             : FE_CHART_MEASURE_COUNT);
}

static void
show_overlap_state (FeWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "overlap");
  gboolean overlap = fe_explore_state_get_measure (self->state) == FE_CHART_MEASURE_OVERLAP;

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (overlap));
}

/* Percentages weighted by the data's case weight, or not. */
static void
weighted_action_changed (GSimpleAction *action,
                         GVariant      *state,
                         gpointer       data)
{
  FeWindow *self = data;

  fe_explore_state_set_weighted (self->state, g_variant_get_boolean (state));
}

static void
show_weighted_state (FeWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "weighted");

  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_boolean (fe_explore_state_get_weighted (self->state)));
}

static void
export_chart_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       data)
{
  FeWindow *self = data;
  const char *extension = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;
  ExportRequest *request;

  if (fe_explore_state_get_question (self->state) == NULL)
    return;
  request = g_new0 (ExportRequest, 1);
  name = g_strdup_printf ("%s.%s", fe_explore_state_get_question (self->state)->id, extension);
  if (!fe_chart_format_from_path (name, &request->format))
    request->format = FE_CHART_FORMAT_PNG;
  request->window = g_object_ref (self);
  fe_compat_save_file (GTK_WINDOW (self), _("Export Chart"), name, on_export_chosen, request);
}

static void
search_quotes_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       data)
{
  fe_window_reveal_quotes (FE_WINDOW (data));
  fe_quote_browser_focus_search (FE_WINDOW (data)->quote_browser);
}

static void
copy_quote_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       data)
{
  fe_quote_browser_copy_quote (FE_WINDOW (data)->quote_browser);
}

static void
clear_selection_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       data)
{
  FeWindow *self = data;

  /* A pane over the chart goes first, as any overlay does; the selection stays. */
  if (fe_window_dismiss_overlay (self))
    return;
  if (gtk_window_is_fullscreen (GTK_WINDOW (self))
      && fe_explore_state_get_selected_level (self->state) < 0)
    gtk_window_unfullscreen (GTK_WINDOW (self));
  fe_explore_state_select (self->state, -1, -1);
}

static void
clear_filters_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       data)
{
  FeWindow *self = data;

  fe_explore_state_clear_filter (self->state);
}

static void
fullscreen_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       data)
{
  GtkWindow *window = GTK_WINDOW (data);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static void
show_table_action (GSimpleAction *action,
                   GVariant      *state,
                   gpointer       data)
{
  FeWindow *self = data;
  gboolean show = g_variant_get_boolean (state);

  g_simple_action_set_state (action, state);
  gtk_stack_set_visible_child_name (self->view_stack, show ? "table" : "chart");
}

/* ---- Columns ---------------------------------------------------------------------------- */

/* What a change of the corrections (in Columns or Data check) waits for: the study it loads, to
 * hand to the dialog that made it; or the data refusing it, to put the corrections back. */
typedef struct
{
  GtkWidget *dialog;    /* weak: an FeColumnsDialog or an FeDataCheck */
  GPtrArray *previous;  /* the corrections before the change */
} CorrectionChange;

static void
correction_change_free (CorrectionChange *change)
{
  g_clear_weak_pointer (&change->dialog);
  g_ptr_array_unref (change->previous);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CorrectionChange, correction_change_free)

static void
dialog_set_study (GtkWidget *dialog,
                  FeStudy   *study)
{
  if (FE_IS_COLUMNS_DIALOG (dialog))
    fe_columns_dialog_set_study (FE_COLUMNS_DIALOG (dialog), study);
  else
    fe_data_check_set_study (FE_DATA_CHECK (dialog), study);
}

static void
dialog_revert (GtkWidget  *dialog,
               GPtrArray  *corrections,
               FeStudy    *study,
               const char *message)
{
  if (FE_IS_COLUMNS_DIALOG (dialog))
    {
      fe_columns_dialog_set_corrections (FE_COLUMNS_DIALOG (dialog), corrections);
      fe_columns_dialog_set_study (FE_COLUMNS_DIALOG (dialog), study);
      fe_columns_dialog_show_error (FE_COLUMNS_DIALOG (dialog), message);
    }
  else
    {
      fe_data_check_set_corrections (FE_DATA_CHECK (dialog), corrections);
      fe_data_check_set_study (FE_DATA_CHECK (dialog), study);
      fe_data_check_show_error (FE_DATA_CHECK (dialog), message);
    }
}

static void
on_corrections_reloaded (GObject      *source,
                         GAsyncResult *result,
                         gpointer      data)
{
  FeWindow *self = FE_WINDOW (source);
  g_autoptr(CorrectionChange) change = data;
  g_autoptr(FeStudy) study = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  study = fe_window_reload_project_finish (self, result, &error);
  if (study != NULL)
    {
      if (change->dialog != NULL)
        dialog_set_study (change->dialog, study);
      return;
    }
  /* A newer change, or the window closing, took over. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->project == NULL)
    return;
  /* The study did not load with the change (the window said why): undo it. */
  message = g_strdup_printf (_("That change was undone: %s"), error->message);
  fe_project_set_corrections (self->project, change->previous);
  if (change->dialog != NULL)
    dialog_revert (change->dialog, change->previous, fe_window_get_study (self), message);
  else
    fe_window_show_toast (self, message);
}

static void
on_corrections_changed (GtkWidget *dialog,
                        GPtrArray *corrections,
                        FeWindow  *self)
{
  CorrectionChange *change;

  if (self->project == NULL || fe_window_get_study (self) == NULL)
    return;

  change = g_new0 (CorrectionChange, 1);
  g_set_weak_pointer (&change->dialog, dialog);
  change->previous = fe_column_corrections_copy (fe_project_get_corrections (self->project));
  fe_project_set_corrections (self->project, corrections);
  fe_window_reload_project_async (self, on_corrections_reloaded, change);
}

static void
columns_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  FeWindow *self = data;
  FeColumnsDialog *dialog;

  if (fe_window_get_study (self) == NULL || self->project == NULL)
    return;
  dialog = fe_columns_dialog_new (GTK_WINDOW (self), fe_window_get_study (self),
                                  fe_project_get_corrections (self->project));
  g_signal_connect_object (dialog, "corrections-changed", G_CALLBACK (on_corrections_changed),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
data_check_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       data)
{
  FeWindow *self = data;
  FeDataCheck *page;

  if (fe_window_get_study (self) == NULL || self->project == NULL)
    return;
  page = fe_data_check_new (GTK_WINDOW (self), fe_window_get_study (self),
                            fe_project_get_corrections (self->project));
  g_signal_connect_object (page, "corrections-changed", G_CALLBACK (on_corrections_changed),
                           self, 0);
  gtk_window_present (GTK_WINDOW (page));
}

static const GActionEntry win_entries[] = {
  { "open", open_action },
  { "open-sample", open_sample_action },
  { "cancel-load", cancel_load_action },
  { "export-chart", export_chart_action, "s" },
  { "copy-chart", copy_chart_action },
  { "overlap", NULL, NULL, "false", overlap_action_changed },
  { "weighted", NULL, NULL, "false", weighted_action_changed },
  { "search-quotes", search_quotes_action },
  { "copy-quote", copy_quote_action },
  { "clear-selection", clear_selection_action },
  { "clear-filters", clear_filters_action },
  { "fullscreen", fullscreen_action },
  { "show-table", NULL, NULL, "false", show_table_action },
  { "columns", columns_action },
  { "data-check", data_check_action },
};

void
fe_window_install_actions (FeWindow *self)
{
  GtkDragSource *drag = gtk_drag_source_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries),
                                   self);
  /* Dragged out of the window, the chart lands in a slide or a folder as its exported PNG. */
  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_chart_drag_prepare), self);
  gtk_widget_add_controller (GTK_WIDGET (self->chart_view), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect_object (self->state, "notify::measure", G_CALLBACK (show_overlap_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::weighted", G_CALLBACK (show_weighted_state),
                           self, G_CONNECT_SWAPPED);
}

static void
enable (FeWindow   *self,
        const char *name,
        gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
fe_window_update_actions (FeWindow *self)
{
  /* An action that cannot act says so by being greyed out, in menus and for its shortcut,
   * rather than by ignoring a click. */
  static const char * const study_actions[] = {
    "search-quotes", "show-table", "columns", "data-check", "save", "save-as",
  };
  FeQuery *query = fe_explore_state_get_query (self->state);
  gboolean has_study = query != NULL;
  gboolean has_chart = has_study && fe_query_get_tally (query) != NULL
                       && fe_query_get_tally (query)->n_levels > 0;
  gboolean has_quote = fe_explore_state_get_respondent (self->state) >= 0;
  gboolean has_views = self->project != NULL && fe_project_get_n_views (self->project) > 0;

  for (guint i = 0; i < G_N_ELEMENTS (study_actions); i++)
    enable (self, study_actions[i], has_study);
  enable (self, "export-chart", has_chart);
  enable (self, "copy-chart", has_chart);
  enable (self, "overlap", has_chart && fe_cooccurrence_is (fe_query_get_tally (query)));
  enable (self, "save-view", has_chart);
  enable (self, "clear-filters",
          has_study && !fe_filter_is_empty (fe_query_get_filter (query)));
  enable (self, "copy-quote", has_quote);
  enable (self, "star-quote", has_quote);
  enable (self, "present", has_study && has_views);
  enable (self, "export-brief", has_study && has_views);
  enable (self, "undo-delete-view", has_study && self->deleted_view != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), has_chart);
}
