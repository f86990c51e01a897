/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How a study comes into the window: loading on a thread with progress, opening files (a
 * workbook's sheet asked for), reloading a project, the recent studies, drag and drop, and a
 * responses file that changed on disk. */
#include "config.h"

#include "fe-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fe-changed-banner.h"
#include "fe-sheet-dialog.h"

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
  fe_window_set_study (self, loaded->study, loaded->project,
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
void
fe_window_watch_responses (FeWindow  *self,
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


/* ---- Recent studies --------------------------------------------------------------------- */

void
fe_window_on_recent_activated (FeWindow      *self,
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


/* What brings a study in besides the Open dialog: files dropped on the window, the recent
 * studies on the welcome page, and the banner that offers to reload a file changed on disk. */
void
fe_window_install_loading (FeWindow *self)
{
  GtkDropTarget *drop;

  /* Under the header bar, above whatever the window shows. */
  self->changed_banner = fe_changed_banner_new (G_CALLBACK (on_reload_changed), self);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->main_stack))),
                              self->changed_banner,
                              gtk_widget_get_prev_sibling (GTK_WIDGET (self->main_stack)));
  g_signal_connect_swapped (self, "notify::is-active", G_CALLBACK (on_active_changed), self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  update_recent (self);
}
