/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fe-changed-banner.h"
#include "fe-compat.h"
#include "fe-respondent-dialog.h"
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
  FeProject    *project;    /* instead of a path: load this project's data again */
  gint         *permille;   /* how far the thread has got, read by the window */
  GCancellable *cancellable;
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
  g_clear_object (&request->project);
  g_atomic_rc_box_release (request->permille);
  g_clear_object (&request->cancellable);
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
  gtk_stack_set_visible_child_name (self->main_stack, self->study ? "study" : "welcome");
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
  if (self->study == NULL)
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
fe_window_reload_project (FeWindow *self)
{
  LoadRequest *request;
  g_autofree char *name = NULL;

  g_return_if_fail (FE_IS_WINDOW (self));
  if (self->project == NULL || self->study == NULL)
    return;

  g_clear_pointer (&self->view_after_load, fe_saved_view_free);
  if (self->question != NULL)
    self->view_after_load = fe_window_capture_view (self);
  request = g_new0 (LoadRequest, 1);
  request->project = g_object_ref (self->project);
  name = g_strdup (fe_study_get_name (self->study));
  start_loading (self, request, name);
}

void
fe_window_open_file (FeWindow *self,
                     GFile    *file)
{
  g_return_if_fail (FE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  fe_window_open_files (self, &file, 1);
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
  GPtrArray *warnings = fe_study_get_warnings (self->study);
  g_autofree char *hidden = fe_study_describe_hidden_columns (self->study);
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
  GPtrArray *warnings = fe_study_get_warnings (self->study);
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
  return self->by != self->question ? self->by : NULL;
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

static void
update_split_choices (FeWindow *self)
{
  g_autoptr(GListStore) choices = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autofree char *saved = self->settings ? g_settings_get_string (self->settings, "split-by")
                                          : NULL;
  guint selected = 0;

  g_ptr_array_set_size (self->split_columns, 0);
  append_split_choice (choices, _("None"), NULL);
  for (guint c = 0; self->study != NULL && c < fe_study_get_n_columns (self->study); c++)
    {
      FeColumn *column = fe_study_get_column (self->study, c);

      if (column->role != FE_ROLE_ATTRIBUTE || fe_column_get_n_levels (column) == 0)
        continue;
      g_ptr_array_add (self->split_columns, column);
      append_split_choice (choices, fe_column_get_display_label (column),
                           fe_column_dup_short_label (column));
      if (g_strcmp0 (saved, column->id) == 0)
        selected = self->split_columns->len;
    }

  self->updating_controls = TRUE;
  gtk_drop_down_set_model (self->split_dropdown, G_LIST_MODEL (choices));
  self->updating_controls = FALSE;
  self->by = selected > 0 ? g_ptr_array_index (self->split_columns, selected - 1) : NULL;
  show_split (self);
}

static GtkLabel *
add_item_label (GtkListItem *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
  return GTK_LABEL (label);
}

static void
setup_label_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  add_item_label (item);
}

/* The popup shows each choice whole, a long question wrapped over lines rather than cut:
 * questions that start alike ("Which police force…", "Which of the following…") must be told
 * apart. The popup is as wide as its choices' least width (a wrapping label's longest word,
 * unless width-chars says more), but the list measures their height at their natural width:
 * both are one width, or wrapped rows overflow their measured height and the popup cuts them. */
static void
setup_wrapping_item (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  data)
{
  GtkLabel *label = add_item_label (item);

  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (label, 36);
  gtk_label_set_max_width_chars (label, 36);
}

static void
bind_string_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

/* The split's button: a question ellipsizes only when the toolbar is short of room, and then
 * keeps enough to recognise it (Welsh labels are longer) rather than a lone "…". */
static void
setup_short_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  GtkLabel *label = add_item_label (item);

  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (label, 7);
}

/* The short name, with the whole question in its tooltip. */
static void
bind_short_item (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  const char *whole = gtk_string_object_get_string (string);
  const char *short_label = g_object_get_data (G_OBJECT (string), SHORT_LABEL_KEY);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), short_label != NULL ? short_label : whole);
  gtk_widget_set_tooltip_text (label, short_label != NULL ? whole : NULL);
}

/* Questions are long: the split's button shows a short name, its popup each question whole and
 * wrapped. A sort or a chart kind is named in a few words, whole on the button and in the
 * popup. */
static void
set_dropdown_factories (GtkDropDown *dropdown,
                        gboolean     questions)
{
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) popup = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup",
                    questions ? G_CALLBACK (setup_short_item) : G_CALLBACK (setup_label_item),
                    NULL);
  g_signal_connect (button, "bind",
                    questions ? G_CALLBACK (bind_short_item) : G_CALLBACK (bind_string_item),
                    NULL);
  g_signal_connect (popup, "setup",
                    questions ? G_CALLBACK (setup_wrapping_item) : G_CALLBACK (setup_label_item),
                    NULL);
  g_signal_connect (popup, "bind", G_CALLBACK (bind_string_item), NULL);
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
  if (self->study != NULL && gtk_window_is_active (GTK_WINDOW (self))
      && !fe_study_check_unchanged (self->study, NULL))
    fe_changed_banner_set_revealed (self->changed_banner, TRUE);
}

static void start_loading (FeWindow *self, LoadRequest *request, const char *what);

static void
on_reload_changed (FeWindow *self)
{
  LoadRequest *request;
  g_autofree char *name = NULL;

  fe_changed_banner_set_revealed (self->changed_banner, FALSE);
  if (self->project == NULL || self->study == NULL)
    return;
  /* A saved project checks that its views still fit the file; data opened on their own are
   * simply opened again, however many rows they now have. */
  if (fe_project_get_path (self->project) != NULL)
    {
      fe_window_reload_project (self);
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
  g_set_object (&self->study, study);
  /* Welsh labels from the codebook when the interface speaks Welsh. */
  fe_study_set_language (study, fe_study_language_from_locale ());
  g_clear_pointer (&self->filter, fe_filter_free);
  self->filter = fe_filter_new (study);
  self->question = NULL;
  self->selected_level = -1;
  self->selected_group = -1;

  /* A project keeps its own choice; fresh data follow the preference. */
  if (self->settings != NULL && fe_project_get_path (project) == NULL && !is_sample)
    fe_study_set_include_incomplete (study, g_settings_get_boolean (self->settings,
                                                                    "include-incomplete"));

  adw_view_switcher_title_set_view_switcher_enabled (self->window_title, TRUE);
  fe_respondent_view_set_study (self->respondent_view, study);
  update_notice (self);
  fe_question_list_set_study (self->question_list, study);
  fe_filter_panel_set_study (self->filter_panel, study, self->filter);
  update_split_choices (self);
  fe_quote_browser_clear (self->quote_browser);
  /* Only now: the project's threshold goes into the settings, whose handlers redraw with the
   * study and filter in place everywhere. */
  fe_window_set_project (self, project, is_sample);
  watch_responses (self, project);
  gtk_stack_set_visible_child_name (self->main_stack, "study");
  fe_window_update_actions (self);
  fe_window_filters_changed (self);

  /* Selecting the first question draws it. */
  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);

      if (fe_column_is_question (column) && fe_column_get_n_levels (column) > 0)
        {
          fe_question_list_select (self->question_list, column);
          break;
        }
    }
}

static char *
describe_base (FeWindow *self)
{
  guint n = fe_bitset_count (self->rows);
  guint excluded = fe_study_get_n_excluded (self->study);
  g_autofree char *respondents = NULL;

  if (fe_filter_is_empty (self->filter))
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

  fe_filter_remove_level (self->filter, column, level);
  fe_window_filters_changed (self);
}

static void
update_chips (FeWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_flow_box_remove (self->chips_box, child);

  for (guint i = 0; i < fe_filter_get_n_columns (self->filter); i++)
    {
      const FeColumn *column = fe_filter_get_column (self->filter, i);

      for (guint l = 0; l < fe_column_get_n_levels (column); l++)
        {
          GtkWidget *chip;
          GtkWidget *box;
          g_autofree char *question = NULL;
          g_autofree char *text = NULL;
          g_autofree char *tooltip = NULL;

          if (!fe_filter_has_level (self->filter, column, l))
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
  gtk_widget_set_visible (GTK_WIDGET (self->chips_bar), !fe_filter_is_empty (self->filter));
}

void
fe_window_filters_changed (FeWindow *self)
{
  g_autofree char *base = NULL;

  g_return_if_fail (FE_IS_WINDOW (self));
  if (self->study == NULL)
    return;

  g_clear_pointer (&self->rows, fe_bitset_free);
  self->rows = fe_filter_compute_rows (self->filter);
  fe_filter_panel_refresh (self->filter_panel);
  fe_question_list_update_counts (self->question_list, self->rows);
  fe_respondent_view_set_rows (self->respondent_view, self->rows);
  update_chips (self);
  base = describe_base (self);
  gtk_label_set_text (self->base_label, base);
  fe_window_refresh_chart (self);
}

static void
show_segment_quotes (FeWindow *self)
{
  g_autoptr(FeBitset) rows = fe_bitset_copy (self->rows);
  g_autofree char *heading = NULL;
  const char *level_label;
  GPtrArray *quotes;
  guint n_respondents;

  if (self->selected_group >= 0)
    fe_bitset_and (rows, g_ptr_array_index (self->by->level_rows, (guint) self->selected_group));
  n_respondents = fe_bitset_count_and (rows, g_ptr_array_index (self->question->level_rows,
                                                                (guint) self->selected_level));
  level_label = fe_column_get_display_level (self->question, (guint) self->selected_level);
  if (self->selected_group >= 0)
    heading = g_strdup_printf ("%s · %s", level_label,
                               fe_column_get_display_level (self->by, (guint) self->selected_group));
  else
    heading = g_strdup (level_label);
  if (fe_column_has_quotes (self->question, self->selected_level))
    {
      quotes = fe_study_collect_quotes (self->study, self->question, self->selected_level, rows);
      fe_quote_browser_show_quotes (self->quote_browser, self->study, quotes, heading,
                                    n_respondents);
    }
  else
    {
      /* "What did the 56 who had no training say?": with no open question of its own, the
       * segment's respondents are still worth reading, in everything they wrote. */
      fe_bitset_and (rows, g_ptr_array_index (self->question->level_rows,
                                              (guint) self->selected_level));
      quotes = fe_study_collect_text_quotes (self->study, rows);
      fe_quote_browser_show_all_text (self->quote_browser, self->study, quotes, heading,
                                      n_respondents);
    }
  fe_window_show_stars (self);
}

void
fe_window_clear_selection (FeWindow *self)
{
  self->selected_level = -1;
  self->selected_group = -1;
  fe_chart_view_set_selected (self->chart_view, -1);
  fe_chart_view_set_marked (self->chart_view, NULL);
  fe_quote_browser_clear (self->quote_browser);
}

/* The kind dropdown lists the kinds in the order of FeChartKind. */
G_STATIC_ASSERT (FE_CHART_KIND_AUTO == 0 && FE_CHART_KIND_HEATMAP == 5);

/* The chart as the controls ask for it. */
void
fe_window_init_spec (FeWindow    *self,
           FeChartSpec *spec)
{
  fe_chart_spec_init (spec);
  /* Explore shows every number, small cells marked; exports and presenting hide them. */
  spec->min_cell = fe_window_get_min_cell (self);
  spec->mark_small = TRUE;
  spec->kind = (FeChartKind) gtk_drop_down_get_selected (self->kind_dropdown);
  spec->measure = gtk_toggle_button_get_active (self->percent_button)
                  ? FE_CHART_MEASURE_PERCENT_BASE : FE_CHART_MEASURE_COUNT;
  spec->sort = gtk_drop_down_get_selected (self->sort_dropdown) == 1
               ? FE_CHART_SORT_VALUE : FE_CHART_SORT_CODEBOOK;
}

void
fe_window_refresh_chart (FeWindow *self)
{
  FeChartSpec spec;
  g_autofree char *filter_text = NULL;
  FeTally *tally;
  FeColumn *by;
  const FeChartLayout *layout;
  int segment;

  if (self->question == NULL)
    return;

  by = fe_window_get_split (self);
  tally = fe_tally_compute (self->question, self->rows, by);
  filter_text = fe_filter_describe (self->filter);

  fe_window_init_spec (self, &spec);
  spec.filter_text = filter_text;

  fe_data_table_set_tally (self->data_table, tally,
                           fe_chart_spec_get_percent_of (&spec, tally));
  fe_chart_view_set_chart (self->chart_view, &spec, tally);

  if (self->selected_level < 0)
    return;
  if (by == NULL)
    self->selected_group = -1;
  layout = fe_chart_view_get_layout (self->chart_view);
  segment = layout ? fe_chart_layout_find_segment (layout, self->selected_level,
                                                   self->selected_group)
                   : -1;
  if (segment < 0 && layout != NULL)
    {
      fe_window_clear_selection (self);
      return;
    }
  fe_chart_view_set_selected (self->chart_view, segment);
  show_segment_quotes (self);
}

/* The question list and saved views both reach a new question through here. A search typed
 * for one question's quotes would silently hide most of the next one's. */
static void
set_question (FeWindow *self,
              FeColumn *question)
{
  if (question != self->question)
    fe_quote_browser_set_search (self->quote_browser, NULL);
  self->question = question;
  show_split (self);
  fe_window_clear_selection (self);
}

void
fe_window_show_question (FeWindow *self,
                         FeColumn *question,
                         FeColumn *by)
{
  g_return_if_fail (FE_IS_WINDOW (self));
  g_return_if_fail (question != NULL);

  self->by = by;
  if (self->question != question)
    fe_question_list_select (self->question_list, question);
  set_question (self, question);
  fe_window_refresh_chart (self);
}

static void
on_question_selected (FeWindow *self,
                      guint     column_index)
{
  FeColumn *question = fe_study_get_column (self->study, column_index);

  if (question == self->question)
    return;
  set_question (self, question);
  fe_window_refresh_chart (self);
}

static void
on_filters_changed (FeWindow *self)
{
  fe_window_filters_changed (self);
}

static void
on_segment_activated (FeWindow *self,
                      int       segment)
{
  const FeChartSegment *info;

  /* Clicking the selected segment again lets it go. */
  if (segment == fe_chart_view_get_selected (self->chart_view))
    {
      fe_window_clear_selection (self);
      return;
    }
  info = fe_chart_layout_get_segment (fe_chart_view_get_layout (self->chart_view),
                                      (guint) segment);
  self->selected_level = info->level;
  self->selected_group = info->group;
  fe_chart_view_set_selected (self->chart_view, segment);
  fe_chart_view_set_marked (self->chart_view, NULL);
  show_segment_quotes (self);
}

/* A row of the data table activated: the same quotes as its segment, as a click on the chart
 * opens them. Split into groups, a row stands for all of them: the level's quotes from every
 * group. */
static void
on_table_level_activated (FeWindow *self,
                          int       level)
{
  const FeChartLayout *layout = fe_chart_view_get_layout (self->chart_view);
  int segment = layout != NULL ? fe_chart_layout_find_segment (layout, level, -1) : -1;

  if (self->question == NULL || level < 0)
    return;
  if (segment >= 0)
    {
      if (segment != fe_chart_view_get_selected (self->chart_view))
        on_segment_activated (self, segment);
      return;
    }
  self->selected_level = level;
  self->selected_group = -1;
  fe_chart_view_set_selected (self->chart_view, -1);
  fe_chart_view_set_marked (self->chart_view, NULL);
  show_segment_quotes (self);
}

static void
on_quote_selected (FeWindow *self,
                   guint     row)
{
  const FeChartLayout *layout = fe_chart_view_get_layout (self->chart_view);
  g_autoptr(GArray) marked = NULL;

  if (row == G_MAXUINT || layout == NULL)
    {
      fe_chart_view_set_marked (self->chart_view, NULL);
      return;
    }

  /* Every segment the quote's respondent counts in. */
  marked = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
    {
      const FeChartSegment *segment = fe_chart_layout_get_segment (layout, i);
      int index = (int) i;

      if (!fe_bitset_get (g_ptr_array_index (self->question->level_rows, (guint) segment->level),
                          row))
        continue;
      if (segment->group >= 0
          && !fe_bitset_get (g_ptr_array_index (self->by->level_rows, (guint) segment->group),
                             row))
        continue;
      g_array_append_val (marked, index);
    }
  fe_chart_view_set_marked (self->chart_view, marked);
}

static void
on_respondent_activated (FeWindow *self,
                         guint     row)
{
  gtk_window_present (fe_respondent_dialog_new (GTK_WINDOW (self), self->study, row));
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
  /* A question picked as its own split is not split by itself; and the dropdown coming to
   * show the split in effect (it notifies twice) changes nothing. */
  if ((by != NULL && by == self->question) || by == fe_window_get_split (self))
    {
      show_split (self);
      return;
    }
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "split-by", by ? by->id : "");
  self->by = by;
  fe_window_clear_selection (self);
  fe_window_refresh_chart (self);
}

static void
on_measure_toggled (FeWindow *self)
{
  if (self->settings != NULL && !self->updating_controls)
    g_settings_set_string (self->settings, "measure",
                           gtk_toggle_button_get_active (self->percent_button) ? "percent"
                                                                               : "count");
  fe_window_refresh_chart (self);
}

static void
on_sort_changed (FeWindow *self)
{
  if (self->settings != NULL && !self->updating_controls)
    g_settings_set_boolean (self->settings, "sort-by-value",
                            gtk_drop_down_get_selected (self->sort_dropdown) == 1);
  fe_window_refresh_chart (self);
}

static void
on_kind_changed (FeWindow *self)
{
  fe_window_refresh_chart (self);
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
  if (self->study == NULL)
    return;
  fe_study_set_include_incomplete (self->study, g_settings_get_boolean (self->settings,
                                                                        "include-incomplete"));
  fe_window_filters_changed (self);
}

static void
on_min_cell_changed (FeWindow *self)
{
  if (self->project != NULL)
    fe_project_set_min_cell (self->project, g_settings_get_uint (self->settings, "min-cell"));
  fe_window_filters_changed (self);
}

static void
on_chart_settings_changed (FeWindow *self)
{
  g_autofree char *measure = g_settings_get_string (self->settings, "measure");

  self->updating_controls = TRUE;
  gtk_toggle_button_set_active (self->percent_button, g_str_equal (measure, "percent"));
  gtk_drop_down_set_selected (self->sort_dropdown,
                              g_settings_get_boolean (self->settings, "sort-by-value") ? 1 : 0);
  self->updating_controls = FALSE;
  fe_window_refresh_chart (self);
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
  g_signal_connect_swapped (self->settings, "changed::min-cell",
                            G_CALLBACK (on_min_cell_changed), self);
  g_signal_connect_swapped (self->settings, "changed::measure",
                            G_CALLBACK (on_chart_settings_changed), self);
  g_signal_connect_swapped (self->settings, "changed::sort-by-value",
                            G_CALLBACK (on_chart_settings_changed), self);
  on_chart_settings_changed (self);
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
  g_clear_pointer (&self->filter, fe_filter_free);
  g_clear_pointer (&self->rows, fe_bitset_free);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  g_clear_object (&self->study);
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
  gtk_widget_class_bind_template_child (widget_class, FeWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, quote_browser);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, respondent_view);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, view_list);
  gtk_widget_class_bind_template_callback (widget_class, on_question_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_segment_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_quote_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_quote_copied);
  gtk_widget_class_bind_template_callback (widget_class, on_star_requested);
  gtk_widget_class_bind_template_callback (widget_class, on_notice_details);
  gtk_widget_class_bind_template_callback (widget_class, on_notice_dismissed);
  gtk_widget_class_bind_template_callback (widget_class, on_respondent_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_measure_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_activated);

  /* Bubbling up from the focused widget: a selectable label or an entry copies its own text
   * and a search entry takes Escape first; otherwise these act on the quote and selection. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK,
                                       "win.copy-quote", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "win.clear-selection", NULL);
}

static void
fe_window_init (FeWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->data_table, "level-activated",
                            G_CALLBACK (on_table_level_activated), self);
  /* Every control named for a screen reader, down to the toggle inside a menu button or a
   * drop-down that GTK 4.8 leaves reading "GtkToggleButton". */
  fe_compat_name_control (GTK_WIDGET (self->primary_menu_button),
                          _("Main Menu"), NULL);
  fe_compat_name_control (GTK_WIDGET (self->export_button), _("Export Chart"), NULL);
  fe_compat_name_control (GTK_WIDGET (self->split_dropdown), _("Split by"),
                          _("Split the chart by an attribute"));
  fe_compat_name_control (GTK_WIDGET (self->sort_dropdown), _("Order of the bars"), NULL);
  fe_compat_name_control (GTK_WIDGET (self->kind_dropdown), _("Kind of chart"), NULL);
  /* The dividers take the focus (F8 moves them): named, but without a tooltip over the panes. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->outer_paned),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sidebar and Chart"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->inner_paned),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart and Quotes"), -1);

  /* The app's own symbolic icons, also when the window is made without the application. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (
                                      gtk_widget_get_display (GTK_WIDGET (self))),
                                    "/io/github/findings_explorer/FindingsExplorer/icons");
  self->split_columns = g_ptr_array_new ();
  self->selected_level = -1;
  self->selected_group = -1;

  self->active_view = -1;
  fe_window_install_actions (self);
  fe_window_install_project_actions (self);
  fe_window_update_actions (self);
  set_dropdown_factories (self->split_dropdown, TRUE);
  set_dropdown_factories (self->sort_dropdown, FALSE);
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
  return self->study;
}

FeFilter *
fe_window_get_filter (FeWindow *self)
{
  g_return_val_if_fail (FE_IS_WINDOW (self), NULL);
  return self->filter;
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
