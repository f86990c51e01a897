/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fe-changed-banner.h"
#include "fe-chart-enums.h"
#include "fe-compat.h"
#include "fe-respondent-dialog.h"
#include "fe-sheet-dialog.h"
#include "fe-quote.h"
#include "fe-tally.h"


G_DEFINE_FINAL_TYPE (FeWindow, fe_window, ADW_TYPE_APPLICATION_WINDOW)


void
fe_window_show_toast (FeWindow   *self,
            const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

void
fe_window_show_error (FeWindow   *self,
            const char *heading,
            const char *message)
{
  g_free (self->last_error);
  self->last_error = g_strdup (message);
  fe_compat_alert (GTK_WINDOW (self), heading, message);
}

/* ---- Loading ---------------------------------------------------------------------------- */

typedef struct
{
  char         *path;       /* a responses CSV or a .findings project; NULL for the sample */
  char         *codebook;   /* chosen with the responses; NULL: look beside them */
  char         *coding;
  char         *sheet;      /* of a workbook: the sheet chosen; NULL: the first with data */
  FeProject    *project;    /* instead of a path: load this project's data again */
  gint         *permille;   /* how far the thread has got, read by the window */
  GCancellable *cancellable;
  GTask        *reload;     /* who waits for the study of a reload (fe_window_reload_project_async()) */
} LoadRequest;

typedef struct
{
  FeStudy   *study;
  FeProject *project;
  gboolean   is_sample;
} LoadResult;

static void
load_request_free (LoadRequest *request)
{
  g_free (request->path);
  g_free (request->codebook);
  g_free (request->coding);
  g_free (request->sheet);
  g_clear_object (&request->project);
  g_clear_pointer (&request->permille, g_atomic_rc_box_release);
  g_clear_object (&request->cancellable);
  /* A load that never finished (replaced, or its window closed) tells its waiter so. */
  if (request->reload != NULL)
    g_task_return_new_error (request->reload, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "%s", _("Another load replaced this one"));
  g_clear_object (&request->reload);
  g_free (request);
}

static void
load_result_free (LoadResult *result)
{
  g_clear_object (&result->study);
  g_clear_object (&result->project);
  g_free (result);
}

/* A codebook or coding file that sits beside the responses, named codebook.csv or
 * <responses>-codebook.csv (likewise coding), belongs to the study. */
static char *
find_companion (const char *responses,
                const char *kind)
{
  g_autofree char *dir = g_path_get_dirname (responses);
  g_autofree char *base = g_path_get_basename (responses);
  const char *dot = strrchr (base, '.');
  g_autofree char *stem = g_strndup (base, dot ? (gsize) (dot - base) : strlen (base));
  g_autofree char *plain = g_strdup_printf ("%s.csv", kind);
  g_autofree char *prefixed = g_strdup_printf ("%s-%s.csv", stem, kind);
  const char *names[] = { prefixed, plain };

  if (g_str_equal (base, plain))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

static gboolean
is_project_file (const char *path)
{
  return g_str_has_suffix (path, ".findings");
}

/* The sample opens as its project, with the saved views that tell the report's story. */
static FeProject *
load_sample_project (GError **error)
{
  g_autofree char *dir = fe_study_find_sample_dir ();
  g_autofree char *path = dir ? g_build_filename (dir, "sample.findings", NULL) : NULL;

  if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return fe_project_load (path, error);
  return NULL;
}

static void
report_progress (double   fraction,
                 gpointer data)
{
  g_atomic_int_set ((gint *) data, (gint) (fraction * 1000));
}

static LoadResult *
load (LoadRequest  *request,
      GError      **error)
{
  g_autoptr(FeProject) project = NULL;
  g_autoptr(FeStudy) study = NULL;
  FeLoadOptions options = {
    .cancellable = request->cancellable,
    .progress = report_progress,
    .progress_data = request->permille,
    .sheet = request->sheet,
  };
  LoadResult *result;

  if (request->project != NULL)
    {
      project = g_object_ref (request->project);
      study = fe_project_load_study (project, &options, error);
    }
  else if (request->path == NULL)
    {
      project = load_sample_project (error);
      study = project ? fe_project_load_study (project, &options, error)
                      : fe_study_load_sample (error);
    }
  else if (is_project_file (request->path))
    {
      project = fe_project_load (request->path, error);
      study = project ? fe_project_load_study (project, &options, error) : NULL;
    }
  else
    {
      g_autofree char *codebook = request->codebook ? g_strdup (request->codebook)
                                                    : find_companion (request->path, "codebook");
      g_autofree char *coding = request->coding ? g_strdup (request->coding)
                                                : find_companion (request->path, "coding");

      study = fe_study_load_full (request->path, codebook, coding, &options, error);
      if (study != NULL)
        project = fe_project_new_for_data (request->path, codebook, coding, study);
    }
  if (study == NULL)
    return NULL;

  result = g_new0 (LoadResult, 1);
  result->study = g_steal_pointer (&study);
  result->project = project ? g_steal_pointer (&project) : fe_project_new ();
  result->is_sample = request->path == NULL && request->project == NULL;
  return result;
}

static void
load_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  LoadResult *result = load (data, &error);

  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

/* A load that is over in a blink shows no progress page: it would only flicker. */
#define LOADING_PAGE_DELAY_US (150 * G_TIME_SPAN_MILLISECOND)

static gboolean
update_progress (gpointer data)
{
  FeWindow *self = data;
  gint permille = g_atomic_int_get (self->load_permille);

  if (g_get_monotonic_time () - self->load_started >= LOADING_PAGE_DELAY_US)
    gtk_stack_set_visible_child_name (self->main_stack, "loading");
  if (permille > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, permille / 1000.0);
  else
    gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
stop_loading_ui (FeWindow *self)
{
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->load_permille, g_atomic_rc_box_release);
  gtk_stack_set_visible_child_name (self->main_stack,
                                    fe_window_get_study (self) ? "study" : "welcome");
}

static void update_recent (FeWindow *self);

static void
remember_recent (FeWindow   *self,
                 const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  if (uri != NULL)
    gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

static void set_study (FeWindow  *self,
                       FeStudy   *study,
                       FeProject *project,
                       gboolean   is_sample);

static void
on_load_done (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  GWeakRef *window_ref = data;
  g_autoptr(FeWindow) self = g_weak_ref_get (window_ref);
  LoadRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  LoadResult *loaded = g_task_propagate_pointer (G_TASK (result), &error);

  g_weak_ref_clear (window_ref);
  g_free (window_ref);
  /* A load that another one replaced, or whose window closed, ends unseen. */
  if (self == NULL || g_task_get_cancellable (G_TASK (result)) != self->load_cancellable)
    {
      g_clear_pointer (&loaded, load_result_free);
      return;
    }
  stop_loading_ui (self);
  if (loaded == NULL)
    {
      g_clear_pointer (&self->view_after_load, fe_saved_view_free);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fe_window_show_error (self, _("Could Not Open the Survey Results"), error->message);
      if (request->reload != NULL)
        {
          g_task_return_error (request->reload, g_steal_pointer (&error));
          g_clear_object (&request->reload);
        }
      return;
    }

  if (request->path != NULL)
    remember_recent (self, request->path);
  set_study (self, loaded->study, loaded->project,
             request->project != NULL ? self->project_is_template : loaded->is_sample);
  load_result_free (loaded);

  if (self->view_after_load != NULL)
    {
      g_autoptr(GError) view_error = NULL;

      /* What was on screen may be gone (a column now ignored): the first question will do. */
      fe_window_show_view (self, self->view_after_load, &view_error);
      g_clear_pointer (&self->view_after_load, fe_saved_view_free);
      fe_view_list_select (self->view_list, self->active_view);
    }
  if (request->reload != NULL)
    {
      g_task_return_pointer (request->reload, g_object_ref (fe_window_get_study (self)),
                             g_object_unref);
      g_clear_object (&request->reload);
    }
}

static void
start_loading (FeWindow    *self,
               LoadRequest *request,
               const char  *what)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = g_strdup_printf (_("Opening %s…"), what);
  GWeakRef *window_ref;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->load_permille, g_atomic_rc_box_release);
  self->load_cancellable = g_cancellable_new ();
  self->load_permille = g_atomic_rc_box_new0 (gint);
  self->load_started = g_get_monotonic_time ();
  request->cancellable = g_object_ref (self->load_cancellable);
  g_clear_pointer (&self->last_error, g_free);
  /* What a reload comes back to means nothing to other data. */
  if (request->project == NULL)
    g_clear_pointer (&self->view_after_load, fe_saved_view_free);
  request->permille = g_atomic_rc_box_acquire (self->load_permille);

  gtk_label_set_text (self->loading_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  if (fe_window_get_study (self) == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "loading");
  if (self->pulse_source == 0)
    self->pulse_source = g_timeout_add (50, update_progress, self);

  /* The window is not the task's source: the thread holds the task until it stops, and the
   * last reference to a closed window must not be dropped there. */
  window_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (window_ref, self);
  task = g_task_new (NULL, self->load_cancellable, on_load_done, window_ref);
  g_task_set_task_data (task, request, (GDestroyNotify) load_request_free);
  /* Cancel answers at once; the thread notices soon after and stops. */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, load_in_thread);
}

void
fe_window_reload_project_async (FeWindow            *self,
                                GAsyncReadyCallback  callback,
                                gpointer             data)
{
  g_autoptr(GTask) task = NULL;
  LoadRequest *request;
  g_autofree char *name = NULL;

  g_return_if_fail (FE_IS_WINDOW (self));

  task = g_task_new (self, NULL, callback, data);
  g_task_set_source_tag (task, fe_window_reload_project_async);
  if (self->project == NULL || fe_window_get_study (self) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s",
                               _("There is no project to load again"));
      return;
    }

  g_clear_pointer (&self->view_after_load, fe_saved_view_free);
  if (fe_explore_state_get_question (self->state) != NULL)
    self->view_after_load = fe_window_capture_view (self);
  request = g_new0 (LoadRequest, 1);
  request->project = g_object_ref (self->project);
  request->reload = g_steal_pointer (&task);
  name = g_strdup (fe_study_get_name (fe_window_get_study (self)));
  start_loading (self, request, name);
}

FeStudy *
fe_window_reload_project_finish (FeWindow      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
fe_window_open_file (FeWindow *self,
                     GFile    *file)
{
  g_return_if_fail (FE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  fe_window_open_files (self, &file, 1);
}

typedef struct
{
  FeWindow    *window;
  LoadRequest *request;
  char        *name;
} SheetRequest;

static void
on_sheet_chosen (const char *sheet,
                 gpointer    data)
{
  SheetRequest *choice = data;

  if (sheet != NULL)
    {
      choice->request->sheet = g_strdup (sheet);
      start_loading (choice->window, g_steal_pointer (&choice->request), choice->name);
    }
  g_clear_pointer (&choice->request, load_request_free);
  g_object_unref (choice->window);
  g_free (choice->name);
  g_free (choice);
}

/* A workbook with several sheets with data: which is the responses is asked first. TRUE when
 * loading waits for the answer. */
static gboolean
ask_for_sheet (FeWindow    *self,
               LoadRequest *request,
               const char  *name)
{
  SheetRequest *choice = g_new0 (SheetRequest, 1);

  choice->request = request;
  choice->name = g_strdup (name);
  choice->window = g_object_ref (self);
  if (fe_sheet_dialog_ask (GTK_WINDOW (self), request->path, name, on_sheet_chosen, choice))
    return TRUE;
  g_object_unref (choice->window);
  g_free (choice->name);
  g_free (choice);
  return FALSE;
}

void
fe_window_open_files (FeWindow  *self,
                      GFile    **files,
                      guint      n_files)
{
  LoadRequest *request;
  g_autofree char *name = NULL;

  g_return_if_fail (FE_IS_WINDOW (self));
  g_return_if_fail (n_files > 0);

  request = g_new0 (LoadRequest, 1);
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        {
          fe_window_show_error (self, _("Could Not Open the Survey Results"),
                                _("Only files on this computer can be opened. Save the file "
                                  "locally first."));
          load_request_free (request);
          return;
        }
      /* One file is what it is; of several, a project wins, and the others are told apart by
       * their columns. */
      if (n_files == 1 || is_project_file (path))
        {
          g_free (request->path);
          request->path = g_steal_pointer (&path);
          g_free (name);
          name = g_file_get_basename (files[i]);
          if (is_project_file (request->path))
            break;
          continue;
        }
      switch (fe_data_file_guess_kind (path))
        {
        case FE_DATA_FILE_CODEBOOK:
          g_free (request->codebook);
          request->codebook = g_steal_pointer (&path);
          break;
        case FE_DATA_FILE_CODING:
          g_free (request->coding);
          request->coding = g_steal_pointer (&path);
          break;
        case FE_DATA_FILE_RESPONSES:
        default:
          if (request->path == NULL)
            {
              request->path = g_steal_pointer (&path);
              name = g_file_get_basename (files[i]);
            }
          break;
        }
    }
  if (request->path == NULL)
    {
      fe_window_show_error (self, _("Could Not Open the Survey Results"),
                            _("None of the chosen files holds survey results: they look like a "
                              "codebook or coding export. Choose the responses file with "
                              "them."));
      load_request_free (request);
      return;
    }
  if (is_project_file (request->path))
    {
      /* A project names its own data files. */
      g_clear_pointer (&request->codebook, g_free);
      g_clear_pointer (&request->coding, g_free);
    }
  else if (ask_for_sheet (self, request, name))
    return;
  start_loading (self, request, name);
}

void
fe_window_open_sample (FeWindow *self)
{
  g_return_if_fail (FE_IS_WINDOW (self));
  start_loading (self, g_new0 (LoadRequest, 1), _("the sample study"));
}

gboolean
fe_window_is_loading (FeWindow *self)
{
  g_return_val_if_fail (FE_IS_WINDOW (self), FALSE);
  return self->load_cancellable != NULL;
}

double
fe_window_get_load_fraction (FeWindow *self)
{
  g_return_val_if_fail (FE_IS_WINDOW (self), 0);
  return self->load_permille ? g_atomic_int_get (self->load_permille) / 1000.0 : 0;
}

/* ---- Notices about the data ----------------------------------------------------------------- */

/* What loaded but deserves a look (repaired rows, hidden identifying columns) is said once,
 * above the chart, with the full list a click away. */
static void
update_notice (FeWindow *self)
{
  GPtrArray *warnings = fe_study_get_warnings (fe_window_get_study (self));
  g_autofree char *hidden = fe_study_describe_hidden_columns (fe_window_get_study (self));
  g_autoptr(GString) text = g_string_new (hidden);

  if (warnings->len > 0)
    {
      if (text->len > 0)
        g_string_append (text, " ");
      g_string_append_printf (text, ngettext ("%u thing in the file was repaired or needs a "
                                              "look.",
                                              "%u things in the file were repaired or need a "
                                              "look.", warnings->len),
                              warnings->len);
    }
  gtk_label_set_text (self->notice_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_button), warnings->len > 0);
  gtk_revealer_set_reveal_child (self->notice_revealer, text->len > 0);
}

static void
on_notice_details (FeWindow *self)
{
  GPtrArray *warnings = fe_study_get_warnings (fe_window_get_study (self));
  g_autoptr(GString) body = g_string_new (NULL);
  const guint shown = MIN (warnings->len, 20);

  for (guint i = 0; i < shown; i++)
    g_string_append_printf (body, "%s%s", i ? "\n\n" : "",
                            (const char *) g_ptr_array_index (warnings, i));
  if (warnings->len > shown)
    {
      g_string_append (body, "\n\n");
      g_string_append_printf (body, ngettext ("…and %u more.", "…and %u more.",
                                              warnings->len - shown),
                              warnings->len - shown);
    }
  fe_compat_alert (GTK_WINDOW (self), _("What Was Repaired"), body->str);
}

static void
on_notice_dismissed (FeWindow *self)
{
  gtk_revealer_set_reveal_child (self->notice_revealer, FALSE);
}

/* ---- The study on screen ---------------------------------------------------------------- */

FeColumn *
fe_window_get_split (FeWindow *self)
{
  FeQuery *query = fe_explore_state_get_query (self->state);

  return query != NULL ? fe_query_get_split (query) : NULL;
}

/* The dropdown shows the split in effect, so that it never offers a question split by itself;
 * the split asked for comes back with the next question. */
static void
show_split (FeWindow *self)
{
  FeColumn *by = fe_window_get_split (self);
  guint selected = 0;

  for (guint i = 0; by != NULL && i < self->split_columns->len; i++)
    if (g_ptr_array_index (self->split_columns, i) == by)
      selected = i + 1;
  self->updating_controls = TRUE;
  gtk_drop_down_set_selected (self->split_dropdown, selected);
  self->updating_controls = FALSE;
}

/* Split choices carry their column's short name (fe_column_dup_short_label()) for the
 * dropdown's button, which has no room for a question. */
#define SHORT_LABEL_KEY "fe-short-label"

/* Takes @short_label. */
static void
append_split_choice (GListStore *choices,
                     const char *label,
                     char       *short_label)
{
  g_autoptr(GtkStringObject) choice = gtk_string_object_new (label);

  g_object_set_data_full (G_OBJECT (choice), SHORT_LABEL_KEY, short_label, g_free);
  g_list_store_append (choices, choice);
}

/* Adds the attributes (@attributes) or else the closed and coded questions a chart may be
 * split by; returns the position of @saved among the choices, or @selected. */
static guint
append_split_columns (FeWindow   *self,
                      GListStore *choices,
                      FeStudy    *study,
                      gboolean    attributes,
                      const char *saved,
                      guint       selected)
{
  for (guint c = 0; study != NULL && c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);

      if ((column->role == FE_ROLE_ATTRIBUTE) != attributes || !fe_column_is_question (column)
          || fe_column_get_n_levels (column) == 0)
        continue;
      g_ptr_array_add (self->split_columns, column);
      append_split_choice (choices, fe_column_get_display_label (column),
                           fe_column_dup_short_label (column));
      if (g_strcmp0 (saved, column->id) == 0)
        selected = self->split_columns->len;
    }
  return selected;
}

static void
update_split_choices (FeWindow *self)
{
  g_autoptr(GListStore) choices = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autofree char *saved = self->settings ? g_settings_get_string (self->settings, "split-by")
                                          : NULL;
  FeStudy *study = fe_window_get_study (self);
  guint selected = 0;

  g_ptr_array_set_size (self->split_columns, 0);
  append_split_choice (choices, _("None"), NULL);
  /* Attributes first, as ever; then any closed or coded question, whose table counts those
   * who answered both. */
  selected = append_split_columns (self, choices, study, TRUE, saved, selected);
  selected = append_split_columns (self, choices, study, FALSE, saved, selected);

  self->updating_controls = TRUE;
  gtk_drop_down_set_model (self->split_dropdown, G_LIST_MODEL (choices));
  self->updating_controls = FALSE;
  fe_explore_state_set_split (self->state, selected > 0 ? g_ptr_array_index (self->split_columns,
                                                                            selected - 1)
                                                      : NULL);
  show_split (self);
}

/* For the question button's template: the short name, and the whole question as its tooltip
 * when the button shows less. */
static char *
choice_short_label (GtkListItem     *item,
                    GtkStringObject *choice)
{
  const char *short_label;

  if (choice == NULL)
    return NULL;
  short_label = g_object_get_data (G_OBJECT (choice), SHORT_LABEL_KEY);
  return g_strdup (short_label != NULL ? short_label : gtk_string_object_get_string (choice));
}

static char *
choice_tooltip (GtkListItem     *item,
                GtkStringObject *choice)
{
  if (choice == NULL || g_object_get_data (G_OBJECT (choice), SHORT_LABEL_KEY) == NULL)
    return NULL;
  return g_strdup (gtk_string_object_get_string (choice));
}

static GtkListItemFactory *
choice_factory (const char *template)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autofree char *path = g_strconcat ("/io/github/findings_explorer/FindingsExplorer/ui/",
                                       template, NULL);

  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "choice_short_label", G_CALLBACK (choice_short_label),
                                           "choice_tooltip", G_CALLBACK (choice_tooltip),
                                           NULL);
  return gtk_builder_list_item_factory_new_from_resource (scope, path);
}

/* Questions are long: the split's button shows a short name, its popup each question whole and
 * wrapped. A sort or a chart kind is named in a few words, whole on the button and in the
 * popup. */
static void
set_dropdown_factories (GtkDropDown *dropdown,
                        gboolean     questions)
{
  g_autoptr(GtkListItemFactory) button = NULL;
  g_autoptr(GtkListItemFactory) popup = NULL;

  button = choice_factory (questions ? "fe-question-button-item.ui" : "fe-choice-item.ui");
  popup = choice_factory (questions ? "fe-question-choice-item.ui" : "fe-choice-item.ui");
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, popup);
}

static void
on_responses_changed (GFileMonitor      *monitor,
                      GFile             *file,
                      GFile             *other,
                      GFileMonitorEvent  event,
                      FeWindow          *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      /* Open answers are read from the file when shown: from a changed file they would be
       * missing or wrong, and one replaced whole leaves what is shown out of date. */
      fe_changed_banner_set_revealed (self->changed_banner, TRUE);
      break;
    default:
      break;
    }
}

/* Watches the responses file of the study on screen. */
static void
watch_responses (FeWindow  *self,
                 FeProject *project)
{
  const char *path = fe_project_get_responses (project);

  if (self->responses_monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->responses_monitor, self);
  g_clear_object (&self->responses_monitor);
  fe_changed_banner_set_revealed (self->changed_banner, FALSE);
  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      self->responses_monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL,
                                                     NULL);
    }
  if (self->responses_monitor != NULL)
    g_signal_connect (self->responses_monitor, "changed", G_CALLBACK (on_responses_changed),
                      self);
}

/* The window shows the banner as soon as it is active again, even where no monitor can
 * watch the file (some network shares): the check is one fstat. */
static void
on_active_changed (FeWindow *self)
{
  FeStudy *study = fe_window_get_study (self);

  if (study != NULL && gtk_window_is_active (GTK_WINDOW (self))
      && !fe_study_check_unchanged (study, NULL))
    fe_changed_banner_set_revealed (self->changed_banner, TRUE);
}

static void start_loading (FeWindow *self, LoadRequest *request, const char *what);

static void
on_reload_changed (FeWindow *self)
{
  LoadRequest *request;
  g_autofree char *name = NULL;

  fe_changed_banner_set_revealed (self->changed_banner, FALSE);
  if (self->project == NULL || fe_window_get_study (self) == NULL)
    return;
  /* A saved project checks that its views still fit the file; data opened on their own are
   * simply opened again, however many rows they now have. */
  if (fe_project_get_path (self->project) != NULL)
    {
      fe_window_reload_project_async (self, NULL, NULL);
      return;
    }
  request = g_new0 (LoadRequest, 1);
  request->path = g_strdup (fe_project_get_responses (self->project));
  request->codebook = g_strdup (fe_project_get_codebook (self->project));
  request->coding = g_strdup (fe_project_get_coding (self->project));
  if (request->path == NULL)
    {
      load_request_free (request);
      return;
    }
  name = g_path_get_basename (request->path);
  start_loading (self, request, name);
}

gboolean
fe_window_get_file_changed (FeWindow *self)
{
  g_return_val_if_fail (FE_IS_WINDOW (self), FALSE);
  return fe_changed_banner_get_revealed (self->changed_banner);
}

void
fe_window_reload_changed (FeWindow *self)
{
  g_return_if_fail (FE_IS_WINDOW (self));
  fe_changed_banner_activate (self->changed_banner);
}

static void
set_study (FeWindow  *self,
           FeStudy   *study,
           FeProject *project,
           gboolean   is_sample)
{
  /* Welsh labels from the codebook when the interface speaks Welsh. */
  fe_study_set_language (study, fe_study_language_from_locale ());
  /* A project keeps its own choice; fresh data follow the preference. */
  if (self->settings != NULL && fe_project_get_path (project) == NULL && !is_sample)
    fe_study_set_include_incomplete (study, g_settings_get_boolean (self->settings,
                                                                    "include-incomplete"));
  fe_explore_state_set_study (self->state, study);

  adw_view_switcher_title_set_view_switcher_enabled (self->window_title, TRUE);
  update_notice (self);
  update_split_choices (self);
  /* Only now: the project's threshold goes into the settings, and so into the state. */
  fe_window_set_project (self, project, is_sample);
  watch_responses (self, project);
  gtk_stack_set_visible_child_name (self->main_stack, "study");
  fe_window_update_actions (self);

  /* The first question worth a chart is shown. */
  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);

      if (fe_column_is_question (column) && fe_column_get_n_levels (column) > 0)
        {
          fe_explore_state_set_question (self->state, column);
          break;
        }
    }
}

static char *
describe_base (FeWindow *self,
               FeQuery  *query)
{
  guint n = fe_bitset_count (fe_query_get_rows (query));
  guint excluded = fe_study_get_n_excluded (fe_query_get_study (query));
  g_autofree char *respondents = NULL;

  if (fe_filter_is_empty (fe_query_get_filter (query)))
    respondents = g_strdup_printf (ngettext ("%u respondent", "%u respondents", n), n);
  else
    respondents = g_strdup_printf (ngettext ("%u respondent matches the filters",
                                             "%u respondents match the filters", n), n);
  if (n > 0 && n < fe_window_get_min_cell (self))
    {
      g_autofree char *small = g_strdup_printf (ngettext ("Only %u respondent matches these "
                                                          "filters: fewer than %u, so exports "
                                                          "and presentations will not show "
                                                          "them.",
                                                          "Only %u respondents match these "
                                                          "filters: fewer than %u, so exports "
                                                          "and presentations will not show "
                                                          "them.", n),
                                                n, fe_window_get_min_cell (self));

      gtk_widget_add_css_class (GTK_WIDGET (self->base_label), "warning");
      return g_steal_pointer (&small);
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->base_label), "warning");
  if (excluded == 0)
    return g_steal_pointer (&respondents);
  /* Translators: "95 respondents · 33 incomplete responses excluded" */
  return g_strdup_printf (ngettext ("%s · %u incomplete response excluded",
                                    "%s · %u incomplete responses excluded", excluded),
                          respondents, excluded);
}

static void
on_chip_clicked (GtkButton *button,
                 FeWindow  *self)
{
  const FeColumn *column = g_object_get_data (G_OBJECT (button), "fe-column");
  guint level = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "fe-level"));

  fe_explore_state_set_filter_level (self->state, column, level, FALSE);
}

static void
update_chips (FeWindow       *self,
              const FeFilter *filter)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_flow_box_remove (self->chips_box, child);

  for (guint i = 0; i < fe_filter_get_n_columns (filter); i++)
    {
      const FeColumn *column = fe_filter_get_column (filter, i);

      for (guint l = 0; l < fe_column_get_n_levels (column); l++)
        {
          GtkWidget *chip;
          GtkWidget *box;
          g_autofree char *question = NULL;
          g_autofree char *text = NULL;
          g_autofree char *tooltip = NULL;

          if (!fe_filter_has_level (filter, column, l))
            continue;
          /* A row of chips stays short; the tooltip says the whole question. */
          question = fe_column_dup_short_label (column);
          /* Translators: a filter chip: the question's short name (or the start of the
           * question), then the answer kept: "Force: Gwent Police", "Have you received
           * any…: No" */
          text = g_strdup_printf (_("%s: %s"), question, fe_column_get_display_level (column, l));
          box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
          gtk_box_append (GTK_BOX (box), gtk_label_new (text));
          gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
          chip = gtk_button_new ();
          gtk_button_set_child (GTK_BUTTON (chip), box);
          /* A pill around its words, not stretched to the widest chip's cell. */
          gtk_widget_set_halign (chip, GTK_ALIGN_START);
          gtk_widget_add_css_class (chip, "filter-chip");
          gtk_widget_add_css_class (chip, "flat");
          /* Translators: tooltip of a filter chip: "Remove filter force: Gwent Police" */
          tooltip = g_strdup_printf (_("Remove filter %s: %s"),
                                     fe_column_get_display_label (column),
                                     fe_column_get_display_level (column, l));
          gtk_widget_set_tooltip_text (chip, tooltip);
          gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          tooltip, -1);
          g_object_set_data (G_OBJECT (chip), "fe-column", (gpointer) column);
          g_object_set_data (G_OBJECT (chip), "fe-level", GUINT_TO_POINTER (l));
          g_signal_connect (chip, "clicked", G_CALLBACK (on_chip_clicked), self);
          gtk_flow_box_append (self->chips_box, chip);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->chips_bar), !fe_filter_is_empty (filter));
}

/* What the filters keep, above the chart: the base and a chip per answer kept. */
static void
show_base (FeWindow *self)
{
  FeQuery *query = fe_explore_state_get_query (self->state);
  g_autofree char *base = NULL;

  if (query == NULL)
    return;
  base = describe_base (self, query);
  gtk_label_set_text (self->base_label, base);
  update_chips (self, fe_query_get_filter (query));
}

static void
on_respondent_activated (FeWindow *self,
                         guint     row)
{
  gtk_window_present (fe_respondent_dialog_new (GTK_WINDOW (self), fe_window_get_study (self),
                                               row));
}

static void
on_star_requested (FeWindow    *self,
                   FeQuoteItem *item)
{
  fe_window_toggle_star (self, item);
}

static gboolean
fe_window_close_request (GtkWindow *window)
{
  GtkWindowClass *parent_class = GTK_WINDOW_CLASS (fe_window_parent_class);

  if (fe_window_confirm_close (FE_WINDOW (window)))
    return TRUE;
  return parent_class->close_request ? parent_class->close_request (window) : FALSE;
}

static void
on_quote_copied (FeWindow *self)
{
  fe_window_show_toast (self, _("Quote copied with its attribution"));
}

static void
on_split_changed (FeWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->split_dropdown);
  FeColumn *by;

  if (self->updating_controls)
    return;
  by = selected > 0 && selected <= self->split_columns->len
       ? g_ptr_array_index (self->split_columns, selected - 1) : NULL;
  /* A question picked as its own split is not split by itself (but for a co-occurrence
   * table, fe_query_split_in_effect()); and the dropdown coming to show the split in effect
   * (it notifies twice) changes nothing. */
  if ((by != NULL
       && fe_query_split_in_effect (fe_explore_state_get_question (self->state), by) == NULL)
      || by == fe_window_get_split (self))
    {
      show_split (self);
      return;
    }
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "split-by", by ? by->id : "");
  fe_explore_state_set_split (self->state, by);
}

/* ---- Recent studies --------------------------------------------------------------------- */

static void
on_recent_activated (FeWindow      *self,
                     GtkListBoxRow *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "fe-uri");
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  fe_window_open_file (self, file);
}

static void
update_recent (FeWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  GtkListBoxRow *old;
  guint shown = 0;

  while ((old = gtk_list_box_get_row_at_index (self->recent_list, 0)) != NULL)
    gtk_list_box_remove (self->recent_list, GTK_WIDGET (old));

  for (GList *l = items; l != NULL && shown < 5; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      GtkWidget *row;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFile) folder = NULL;
      g_autofree char *parent = NULL;

      /* Without an application name (a window made outside the app, in tests) any will do. */
      if ((g_get_application_name () != NULL
           && !gtk_recent_info_has_application (info, g_get_application_name ()))
          || !gtk_recent_info_exists (info))
        continue;
      file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      folder = g_file_get_parent (file);
      parent = folder ? g_file_get_parse_name (folder) : g_strdup ("");
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     gtk_recent_info_get_display_name (info));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), parent);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "fe-uri", g_strdup (gtk_recent_info_get_uri (info)),
                              g_free);
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_heading), shown > 0);
}

/* ---- Drag and drop ---------------------------------------------------------------------- */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         FeWindow      *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;
  {
    g_autoptr(GPtrArray) array = g_ptr_array_new ();

    for (GSList *l = files; l != NULL; l = l->next)
      g_ptr_array_add (array, l->data);
    fe_window_open_files (self, (GFile **) array->pdata, array->len);
  }
  g_slist_free (files);
  return TRUE;
}

/* ---- Settings ----------------------------------------------------------------------------- */

static void
on_include_incomplete_changed (FeWindow *self)
{
  FeStudy *study = fe_window_get_study (self);

  if (study == NULL)
    return;
  fe_study_set_include_incomplete (study, g_settings_get_boolean (self->settings,
                                                                  "include-incomplete"));
  fe_explore_state_requery (self->state);
}

static void
on_min_cell_changed (FeWindow *self)
{
  if (self->project != NULL)
    fe_project_set_min_cell (self->project, fe_explore_state_get_min_cell (self->state));
}

/* The sort order is a boolean in the settings, an enum in the state. */
static gboolean
sort_from_setting (GValue   *value,
                   GVariant *variant,
                   gpointer  data)
{
  g_value_set_enum (value, g_variant_get_boolean (variant) ? FE_CHART_SORT_VALUE
                                                            : FE_CHART_SORT_CODEBOOK);
  return TRUE;
}

static GVariant *
sort_to_setting (const GValue       *value,
                 const GVariantType *type,
                 gpointer            data)
{
  return g_variant_new_boolean (g_value_get_enum (value) == FE_CHART_SORT_VALUE);
}

/* The settings remember counts or percentages; a view's "percent of those who answered" is the
 * view's own. */
static GVariant *
measure_to_setting (const GValue       *value,
                    const GVariantType *type,
                    gpointer            data)
{
  return g_variant_new_string (g_value_get_enum (value) == FE_CHART_MEASURE_COUNT ? "count"
                                                                                  : "percent");
}

static gboolean
measure_from_setting (GValue   *value,
                      GVariant *variant,
                      gpointer  data)
{
  FeChartMeasure measure = FE_CHART_MEASURE_COUNT;

  fe_chart_measure_from_string (g_variant_get_string (variant, NULL), &measure);
  g_value_set_enum (value, measure);
  return TRUE;
}

static GSettings *
open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Run from a build tree without its schema, the app still works; it just forgets. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema ? g_settings_new (APP_ID) : NULL;
}

static void
bind_settings (FeWindow *self)
{
  g_autoptr(GAction) include = NULL;

  self->settings = open_settings ();
  if (self->settings == NULL)
    return;

  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
  include = g_settings_create_action (self->settings, "include-incomplete");
  g_action_map_add_action (G_ACTION_MAP (self), include);
  g_signal_connect_swapped (self->settings, "changed::include-incomplete",
                            G_CALLBACK (on_include_incomplete_changed), self);
  g_settings_bind (self->settings, "min-cell", self->state, "min-cell", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_swapped (self->state, "notify::min-cell",
                            G_CALLBACK (on_min_cell_changed), self);
  g_settings_bind_with_mapping (self->settings, "measure", self->state, "measure",
                                G_SETTINGS_BIND_DEFAULT, measure_from_setting,
                                measure_to_setting, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "sort-by-value", self->state, "sort",
                                G_SETTINGS_BIND_DEFAULT, sort_from_setting, sort_to_setting,
                                NULL, NULL);
}

/* The kinds in the order of FeChartKind, so that a choice's position is its kind. */
static void
set_kind_choices (GtkDropDown *dropdown)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GEnumClass) klass = g_type_class_ref (FE_TYPE_CHART_KIND);

  for (guint i = 0; i < klass->n_values; i++)
    {
      g_assert (klass->values[i].value == (int) i);
      gtk_string_list_append (kinds, fe_chart_kind_get_label (klass->values[i].value));
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (kinds));
}

/* ---- The state every panel shows ----------------------------------------------------------- */

static gboolean
enum_from_dropdown (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      data)
{
  g_value_set_enum (to, (int) g_value_get_uint (from));
  return TRUE;
}

static gboolean
enum_to_dropdown (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

static gboolean
measure_from_toggle (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      data)
{
  g_value_set_enum (to, g_value_get_boolean (from) ? FE_CHART_MEASURE_PERCENT_BASE
                                                   : FE_CHART_MEASURE_COUNT);
  return TRUE;
}

static gboolean
measure_to_toggle (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      data)
{
  g_value_set_boolean (to, g_value_get_enum (from) != FE_CHART_MEASURE_COUNT);
  return TRUE;
}

/* The sort dropdown lists its choices in the order of the enum, as the kinds are listed. */
G_STATIC_ASSERT (FE_CHART_SORT_CODEBOOK == 0 && FE_CHART_SORT_VALUE == 1);

/* The panels follow the state and change it; the window only keeps what is its own in step
 * (the base and chips above the chart, the split dropdown, the stars of the quotes). */
static void
bind_state (FeWindow *self)
{
  self->state = fe_explore_state_new ();
  /* Until settings or a project say otherwise. */
  fe_explore_state_set_min_cell (self->state, 5);
  fe_question_list_set_state (self->question_list, self->state);
  fe_filter_panel_set_state (self->filter_panel, self->state);
  fe_chart_view_set_state (self->chart_view, self->state);
  fe_data_table_set_state (self->data_table, self->state);
  fe_quote_browser_set_state (self->quote_browser, self->state);
  fe_respondent_view_set_state (self->respondent_view, self->state);
  g_object_bind_property_full (self->kind_dropdown, "selected", self->state, "kind",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               enum_from_dropdown, enum_to_dropdown, NULL, NULL);
  g_object_bind_property_full (self->sort_dropdown, "selected", self->state, "sort",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               enum_from_dropdown, enum_to_dropdown, NULL, NULL);
  g_object_bind_property_full (self->percent_button, "active", self->state, "measure",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               measure_from_toggle, measure_to_toggle, NULL, NULL);
  g_signal_connect_swapped (self->state, "notify::query", G_CALLBACK (show_base), self);
  g_signal_connect_swapped (self->state, "notify::min-cell", G_CALLBACK (show_base), self);
  g_signal_connect_swapped (self->state, "notify::question", G_CALLBACK (show_split), self);
  g_signal_connect_swapped (self->state, "notify::split", G_CALLBACK (show_split), self);
  g_signal_connect_swapped (self->state, "notify::query", G_CALLBACK (fe_window_update_actions),
                            self);
  g_signal_connect_swapped (self->state, "notify::respondent",
                            G_CALLBACK (fe_window_update_actions), self);
  /* After the quote browser has filled. */
  g_signal_connect_swapped (self->state, "notify::query", G_CALLBACK (fe_window_show_stars),
                            self);
  g_signal_connect_swapped (self->state, "notify::selection",
                            G_CALLBACK (fe_window_show_stars), self);
}

/* ---- GObject ------------------------------------------------------------------------------ */

static void
fe_window_dispose (GObject *object)
{
  FeWindow *self = FE_WINDOW (object);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->load_permille, g_atomic_rc_box_release);
  g_clear_pointer (&self->view_after_load, fe_saved_view_free);
  g_clear_pointer (&self->deleted_view, fe_saved_view_free);
  if (self->responses_monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->responses_monitor, self);
  g_clear_object (&self->responses_monitor);
  gtk_widget_dispose_template (GTK_WIDGET (self), FE_TYPE_WINDOW);
  g_clear_object (&self->settings);
  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_clear_object (&self->state);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  g_clear_pointer (&self->split_columns, g_ptr_array_unref);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_weak_pointer (&self->close_dialog);
  G_OBJECT_CLASS (fe_window_parent_class)->dispose (object);
}

static void
fe_window_class_init (FeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fe_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = fe_window_close_request;

  g_type_ensure (FE_TYPE_CHART_VIEW);
  g_type_ensure (FE_TYPE_DATA_TABLE);
  g_type_ensure (FE_TYPE_FILTER_PANEL);
  g_type_ensure (FE_TYPE_QUESTION_LIST);
  g_type_ensure (FE_TYPE_QUOTE_BROWSER);
  g_type_ensure (FE_TYPE_RESPONDENT_VIEW);
  g_type_ensure (FE_TYPE_VIEW_LIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/findings_explorer/FindingsExplorer/"
                                               "ui/fe-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, quotes_button);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, study_page);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, recent_heading);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, question_list);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, filter_panel);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, split_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, percent_button);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, chips_bar);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, chips_box);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, base_label);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, notice_label);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, notice_button);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, chart_view);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, data_table);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, quote_browser);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, respondent_view);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, view_list);
  gtk_widget_class_bind_template_callback (widget_class, on_quote_copied);
  gtk_widget_class_bind_template_callback (widget_class, on_star_requested);
  gtk_widget_class_bind_template_callback (widget_class, on_notice_details);
  gtk_widget_class_bind_template_callback (widget_class, on_notice_dismissed);
  gtk_widget_class_bind_template_callback (widget_class, on_respondent_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_activated);

  /* Bubbling up from the focused widget: a selectable label or an entry copies its own text
   * and a search entry takes Escape first; otherwise these act on the quote and selection. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK,
                                       "win.copy-quote", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "win.clear-selection", NULL);
}

/* ---- Layout: panes that fold in narrow windows ------------------------------------------ */

/* Side by side: the sidebar, the chart (at least its controls' width in English) and the
 * quotes. A window narrower than all three folds the quotes into an overlay, then the sidebar
 * too; a button in the header bar (and F9, Ctrl+F9) brings each back. 1366 px (a laptop, a
 * projector) shows all three; 1024 px the sidebar and the chart; 800 px the chart alone. */
#define SIDEBAR_WIDTH 300
#define QUOTES_WIDTH 360
#define CHART_MIN_WIDTH 680
#define WINDOW_MIN_HEIGHT 480
/* Breakpoints fold a little before the panes' widths run out, for a sidebar whose words are
 * longer than English (Welsh's needs 309 px). */
#define FOLD_SLACK 12

static void
on_pane_shown (FeWindow   *self,
               GParamSpec *pspec,
               GtkWidget  *pane)
{
  const char *name = pane == self->sidebar_pane ? "show-sidebar" : "show-quotes";
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_boolean (fe_compat_pane_get_shown (pane)));
}

static void
show_pane_action (GSimpleAction *action,
                  GVariant      *state,
                  gpointer       data)
{
  FeWindow *self = data;
  gboolean sidebar = g_str_equal (g_action_get_name (G_ACTION (action)), "show-sidebar");

  fe_compat_pane_set_shown (sidebar ? self->sidebar_pane : self->quotes_pane,
                            g_variant_get_boolean (state));
}

static void
on_main_page_changed (FeWindow *self)
{
  gboolean study = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack),
                              "study") == 0;

  gtk_widget_set_visible (self->sidebar_button, study);
  gtk_widget_set_visible (self->quotes_button, study);
}

static GtkWidget *
take_child (GtkBox    *box,
            GtkWidget *child)
{
  g_object_ref (child);
  gtk_box_remove (box, child);
  return child;
}

static void
build_layout (FeWindow *self)
{
  static const GActionEntry entries[] = {
    { "show-sidebar", NULL, NULL, "true", show_pane_action },
    { "show-quotes", NULL, NULL, "true", show_pane_action },
  };
  g_autoptr(GtkWidget) sidebar = take_child (self->study_page, self->sidebar_box);
  g_autoptr(GtkWidget) content = take_child (self->study_page, self->content_stack);
  g_autoptr(GtkWidget) quotes = take_child (self->study_page, GTK_WIDGET (self->quote_browser));
  g_autofree char *shown = g_strdup_printf ("notify::%s", fe_compat_pane_shown_property ());

  gtk_widget_set_size_request (content, CHART_MIN_WIDTH, -1);
  self->quotes_pane = fe_compat_pane_new (quotes, content, GTK_PACK_END, QUOTES_WIDTH);
  self->sidebar_pane = fe_compat_pane_new (sidebar, self->quotes_pane, GTK_PACK_START,
                                           SIDEBAR_WIDTH);
  gtk_widget_set_hexpand (self->sidebar_pane, TRUE);
  gtk_box_append (self->study_page, self->sidebar_pane);
  fe_compat_fold_panes (GTK_WIDGET (self), CHART_MIN_WIDTH, WINDOW_MIN_HEIGHT,
                        self->sidebar_pane, SIDEBAR_WIDTH + 1 + CHART_MIN_WIDTH + FOLD_SLACK,
                        self->quotes_pane,
                        SIDEBAR_WIDTH + 1 + CHART_MIN_WIDTH + 1 + QUOTES_WIDTH + FOLD_SLACK);

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  g_signal_connect_object (self->sidebar_pane, shown, G_CALLBACK (on_pane_shown), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->quotes_pane, shown, G_CALLBACK (on_pane_shown), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->main_stack, "notify::visible-child-name",
                           G_CALLBACK (on_main_page_changed), self, G_CONNECT_SWAPPED);
}

void
fe_window_dismiss_sidebar (FeWindow *self)
{
  g_return_if_fail (FE_IS_WINDOW (self));

  if (fe_compat_pane_get_folded (self->sidebar_pane))
    fe_compat_pane_set_shown (self->sidebar_pane, FALSE);
}

gboolean
fe_window_dismiss_overlay (FeWindow *self)
{
  GtkWidget *panes[] = { self->sidebar_pane, self->quotes_pane };

  g_return_val_if_fail (FE_IS_WINDOW (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
    if (fe_compat_pane_get_folded (panes[i]) && fe_compat_pane_get_shown (panes[i]))
      {
        fe_compat_pane_set_shown (panes[i], FALSE);
        return TRUE;
      }
  return FALSE;
}

void
fe_window_reveal_quotes (FeWindow *self)
{
  g_return_if_fail (FE_IS_WINDOW (self));

  fe_compat_pane_set_shown (self->quotes_pane, TRUE);
}

/* A question picked (in the sidebar, or by a view picked there) is what the sidebar was
 * brought over the chart for. */
static void
on_question_changed (FeWindow *self)
{
  fe_window_dismiss_sidebar (self);
}

/* A segment selected is what the quotes are for, also when they are folded away; none
 * selected, an empty quotes pane over the chart would only hide it. */
static void
on_selection_changed (FeWindow *self)
{
  if (fe_explore_state_get_selected_level (self->state) >= 0)
    fe_window_reveal_quotes (self);
  else if (fe_compat_pane_get_folded (self->quotes_pane))
    fe_compat_pane_set_shown (self->quotes_pane, FALSE);
}

/* A new question or split lets the selection go without notifying "selection". */
static void
on_query_changed (FeWindow *self)
{
  if (fe_explore_state_get_selected_level (self->state) < 0
      && fe_compat_pane_get_folded (self->quotes_pane))
    fe_compat_pane_set_shown (self->quotes_pane, FALSE);
}

static void
follow_state_with_panes (FeWindow *self)
{
  g_signal_connect_object (self->state, "notify::question", G_CALLBACK (on_question_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::selection", G_CALLBACK (on_selection_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::query", G_CALLBACK (on_query_changed),
                           self, G_CONNECT_SWAPPED);
}

static void
fe_window_init (FeWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  build_layout (self);

  /* The app's own symbolic icons, also when the window is made without the application. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (
                                      gtk_widget_get_display (GTK_WIDGET (self))),
                                    "/io/github/findings_explorer/FindingsExplorer/icons");
  self->split_columns = g_ptr_array_new ();
  bind_state (self);
  follow_state_with_panes (self);

  self->active_view = -1;
  fe_window_install_actions (self);
  fe_window_install_project_actions (self);
  fe_window_update_actions (self);
  set_dropdown_factories (self->split_dropdown, TRUE);
  set_dropdown_factories (self->sort_dropdown, FALSE);
  set_kind_choices (self->kind_dropdown);
  set_dropdown_factories (self->kind_dropdown, FALSE);
  g_signal_connect_swapped (self->split_dropdown, "notify::selected",
                            G_CALLBACK (on_split_changed), self);

  /* Under the header bar, above whatever the window shows. */
  self->changed_banner = fe_changed_banner_new (G_CALLBACK (on_reload_changed), self);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->main_stack))),
                              self->changed_banner,
                              gtk_widget_get_prev_sibling (GTK_WIDGET (self->main_stack)));
  g_signal_connect_swapped (self, "notify::is-active", G_CALLBACK (on_active_changed), self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  bind_settings (self);
  update_recent (self);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
}

FeWindow *
fe_window_new (GtkApplication *application)
{
  return g_object_new (FE_TYPE_WINDOW, "application", application, NULL);
}

FeStudy *
fe_window_get_study (FeWindow *self)
{
  g_return_val_if_fail (FE_IS_WINDOW (self), NULL);
  return fe_explore_state_get_study (self->state);
}

FeExploreState *
fe_window_get_state (FeWindow *self)
{
  g_return_val_if_fail (FE_IS_WINDOW (self), NULL);
  return self->state;
}

FeChartView *
fe_window_get_chart_view (FeWindow *self)
{
  g_return_val_if_fail (FE_IS_WINDOW (self), NULL);
  return self->chart_view;
}

FeQuoteBrowser *
fe_window_get_quote_browser (FeWindow *self)
{
  g_return_val_if_fail (FE_IS_WINDOW (self), NULL);
  return self->quote_browser;
}

FeFilterPanel *
fe_window_get_filter_panel (FeWindow *self)
{
  g_return_val_if_fail (FE_IS_WINDOW (self), NULL);
  return self->filter_panel;
}

const char *
fe_window_get_last_error (FeWindow *self)
{
  g_return_val_if_fail (FE_IS_WINDOW (self), NULL);
  return self->last_error;
}
