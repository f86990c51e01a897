/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's actions: what the header bar, menus and shortcuts do. */
#include "config.h"

#include <glib/gi18n.h>

#include "fe-chart-export.h"
#include "fe-columns-dialog.h"
#include "fe-compat.h"
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

static void
on_export_chosen (GFile    *file,
                  gpointer  data)
{
  ExportRequest *request = data;
  FeWindow *self = request->window;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FeTally) tally = NULL;
  g_autofree char *filter_text = NULL;
  FeChartSpec spec;

  if (path != NULL && self->question != NULL)
    {
      /* Exports are for slides and briefing packs: light, landscape, crisp. */
      fe_window_init_spec (self, &spec);
      if (!fe_filter_check_query_set (self->filter, spec.min_cell, &error))
        {
          fe_window_show_error (self, _("Could Not Export the Chart"), error->message);
          g_object_unref (request->window);
          g_free (request);
          return;
        }
      spec.width = 1200;
      spec.height = 750;
      spec.mark_small = FALSE;
      spec.fold_small_groups = self->settings
                               && g_settings_get_boolean (self->settings, "fold-small-groups");
      filter_text = fe_filter_describe (self->filter);
      spec.filter_text = filter_text;
      tally = fe_tally_compute (self->question, self->rows, fe_window_get_split (self));
      if (fe_chart_export (&spec, tally, request->format,
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
export_chart_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       data)
{
  FeWindow *self = data;
  const char *extension = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;
  ExportRequest *request;

  if (self->question == NULL)
    return;
  request = g_new0 (ExportRequest, 1);
  name = g_strdup_printf ("%s.%s", self->question->id, extension);
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

  if (gtk_window_is_fullscreen (GTK_WINDOW (self)) && self->selected_level < 0)
    gtk_window_unfullscreen (GTK_WINDOW (self));
  fe_window_clear_selection (self);
}

static void
clear_filters_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       data)
{
  FeWindow *self = data;

  if (self->filter == NULL)
    return;
  fe_filter_clear (self->filter);
  fe_window_filters_changed (self);
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

/* Waits for the study that a change of the corrections loads, to hand it to the dialog that made
 * it (Columns or Data check); when the data refuse the change, puts the corrections back as
 * they were. */
typedef struct
{
  FeWindow        *window;    /* owns the watch, so that closing the dialog still reverts */
  GtkWidget       *dialog;    /* weak: an FeColumnsDialog or an FeDataCheck */
  FeStudy         *before;    /* the study on screen when the change was made */
  GPtrArray       *previous;  /* the corrections before the change */
  guint            source;
} StudyWatch;

static void
study_watch_free (gpointer data)
{
  StudyWatch *watch = data;

  g_clear_handle_id (&watch->source, g_source_remove);
  g_clear_weak_pointer (&watch->dialog);
  g_clear_object (&watch->before);
  g_ptr_array_unref (watch->previous);
  g_free (watch);
}

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

static gboolean
watch_study (gpointer data)
{
  StudyWatch *watch = data;
  FeWindow *self = watch->window;

  if (fe_window_is_loading (self))
    return G_SOURCE_CONTINUE;
  watch->source = 0;
  /* Also a window closing: its study and project go at dispose, the watch only at finalize. */
  if (self->study == NULL || self->project == NULL)
    return G_SOURCE_REMOVE;

  if (self->study == watch->before)
    {
      g_autofree char *message = NULL;

      /* The study did not load with the change (the window said why): undo it. */
      message = g_strdup_printf (_("That change was undone: %s"),
                                 fe_window_get_last_error (self)
                                 ? fe_window_get_last_error (self)
                                 : _("the survey results could not be read with it."));
      fe_project_set_corrections (self->project, watch->previous);
      if (watch->dialog != NULL)
        dialog_revert (watch->dialog, watch->previous, self->study, message);
      else
        fe_window_show_toast (self, message);
      return G_SOURCE_REMOVE;
    }
  if (watch->dialog != NULL)
    dialog_set_study (watch->dialog, self->study);
  return G_SOURCE_REMOVE;
}

static void
on_corrections_changed (GtkWidget *dialog,
                        GPtrArray *corrections,
                        FeWindow  *self)
{
  StudyWatch *watch;

  if (self->project == NULL || self->study == NULL)
    return;

  watch = g_new0 (StudyWatch, 1);
  watch->window = self;
  g_set_weak_pointer (&watch->dialog, dialog);
  watch->before = g_object_ref (self->study);
  watch->previous = fe_column_corrections_copy (fe_project_get_corrections (self->project));

  fe_project_set_corrections (self->project, corrections);
  fe_window_reload_project (self);
  watch->source = g_timeout_add (20, watch_study, watch);
  /* A newer change replaces the watch of an older one. */
  g_object_set_data_full (G_OBJECT (self), "fe-study-watch", watch, study_watch_free);
}

static void
columns_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  FeWindow *self = data;
  FeColumnsDialog *dialog;

  if (self->study == NULL || self->project == NULL)
    return;
  dialog = fe_columns_dialog_new (GTK_WINDOW (self), self->study,
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

  if (self->study == NULL || self->project == NULL)
    return;
  page = fe_data_check_new (GTK_WINDOW (self), self->study,
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
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries),
                                   self);
}

void
fe_window_update_actions (FeWindow *self)
{
  /* What acts on a study: on the welcome page they would do nothing, so they say so by being
   * greyed out rather than by ignoring a click or a shortcut. */
  static const char * const study_actions[] = {
    "export-chart", "search-quotes", "copy-quote", "clear-filters", "show-table", "columns",
    "data-check", "save", "save-as", "save-view", "star-quote", "present", "export-brief",
    "undo-delete-view",
  };
  gboolean has_study = self->study != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (study_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), study_actions[i]);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_study);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), has_study);
}
