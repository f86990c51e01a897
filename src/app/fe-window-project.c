/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's project: saving and opening .findings files, saved views, starred quotes,
 * presentation mode and the briefing pack. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fe-brief.h"
#include "fe-compat.h"
#include "fe-presentation.h"
#include "fe-project-audit.h"
#include "fe-quote-item.h"
#include "fe-save-view-dialog.h"
#include "fe-window-private.h"

guint
fe_window_get_min_cell (FeWindow *self)
{
  return fe_explore_state_get_min_cell (self->state);
}

static void
update_title (FeWindow *self)
{
  const char *path = self->project ? fe_project_get_path (self->project) : NULL;
  g_autofree char *name = path && !self->project_is_template ? g_path_get_basename (path)
                                                             : NULL;
  gboolean modified = self->project && fe_project_get_modified (self->project);
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  FeStudy *study = fe_window_get_study (self);

  if (study == NULL)
    return;
  /* Translators: the window subtitle of a study not saved as a project yet */
  subtitle = g_strdup_printf ("%s%s", modified ? "• " : "", name ? name : _("Unsaved project"));
  adw_view_switcher_title_set_title (self->window_title, fe_study_get_name (study));
  adw_view_switcher_title_set_subtitle (self->window_title, subtitle);
  title = g_strdup_printf ("%s%s — %s", modified ? "• " : "", fe_study_get_name (study),
                           _("Findings Explorer"));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
on_project_modified (FeWindow *self)
{
  update_title (self);
}

void
fe_window_set_project (FeWindow  *self,
                       FeProject *project,
                       gboolean   is_template)
{
  /* The same project reloaded (its corrections changed) keeps its place and its Undo. */
  gboolean same = project == self->project;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  self->project_is_template = is_template;
  if (!same)
    {
      self->active_view = -1;
      g_clear_pointer (&self->deleted_view, fe_saved_view_free);
    }
  g_signal_connect_swapped (project, "notify::modified", G_CALLBACK (on_project_modified), self);

  /* A project remembers its threshold; it becomes the one in force (and, through the
   * settings bound to the state, the one the next study starts with). */
  if (self->settings == NULL)
    fe_explore_state_set_min_cell (self->state, fe_project_get_min_cell (project));
  else if (fe_project_get_path (project) != NULL)
    g_settings_set_uint (self->settings, "min-cell", fe_project_get_min_cell (project));
  fe_view_list_set_project (self->view_list, project);
  if (fe_project_get_n_views (project) > 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "views");
  update_title (self);
  fe_window_update_actions (self);
}

/* Shows what @view describes; fails, saying why, when the data no longer have it. */
gboolean
fe_window_show_view (FeWindow           *self,
                     const FeSavedView  *view,
                     GError            **error)
{
  g_autoptr(FeQuery) query = NULL;
  FeChartSpec spec;
  int level, group;

  query = fe_saved_view_to_query (view, fe_window_get_study (self), &level, &group, error);
  if (query == NULL)
    return FALSE;

  fe_chart_spec_init_for_view (&spec, view, 0, FALSE);
  /* One change: the panels hear of it once, with everything in place. */
  g_object_freeze_notify (G_OBJECT (self->state));
  fe_explore_state_set_kind (self->state, spec.kind);
  fe_explore_state_set_measure (self->state, spec.measure);
  fe_explore_state_set_sort (self->state, spec.sort);
  fe_explore_state_show_query (self->state, query);
  fe_explore_state_select (self->state, level, group);
  g_object_thaw_notify (G_OBJECT (self->state));
  return TRUE;
}

void
fe_window_apply_view (FeWindow *self,
                      guint     index)
{
  g_autoptr(GError) error = NULL;

  if (!fe_window_show_view (self, fe_project_get_view (self->project, index), &error))
    {
      fe_window_show_error (self, _("Could Not Show the View"), error->message);
      return;
    }
  self->active_view = (int) index;
  fe_view_list_select (self->view_list, (int) index);
  fe_window_show_stars (self);
}

/* What is on screen, as a view to save or to come back to. */
FeSavedView *
fe_window_capture_view (FeWindow *self)
{
  FeQuery *query = fe_explore_state_get_query (self->state);
  FeChartSpec spec;
  FeSavedView *view;

  fe_explore_state_init_spec (self->state, &spec);
  view = fe_saved_view_new_for (fe_query_get_question (query), fe_query_get_split (query),
                                fe_query_get_filter (query),
                                fe_explore_state_get_selected_level (self->state),
                                fe_explore_state_get_selected_group (self->state));
  g_free (view->measure);
  g_free (view->kind);
  g_free (view->sort);
  view->measure = g_strdup (fe_chart_measure_to_string (spec.measure));
  view->kind = g_strdup (fe_chart_kind_to_string (spec.kind));
  view->sort = g_strdup (fe_chart_sort_to_string (spec.sort));
  view->weighted = fe_explore_state_get_weighted (self->state);
  return view;
}

static void
on_view_activated (FeWindow *self,
                   int       index)
{
  fe_window_dismiss_sidebar (self);
  fe_window_apply_view (self, (guint) index);
}

static void
on_view_deleted (FeWindow *self,
                 int       index)
{
  g_autofree char *message = NULL;
  FeSavedView *view = fe_project_get_view (self->project, (guint) index);
  AdwToast *toast;

  message = g_strdup_printf (_("View “%s” deleted"), view->title ? view->title : view->question);
  /* Kept for Undo until the next deletion. */
  g_clear_pointer (&self->deleted_view, fe_saved_view_free);
  self->deleted_view = fe_saved_view_copy (view);
  self->deleted_view_index = (guint) index;
  fe_project_remove_view (self->project, (guint) index);
  if (self->active_view == index)
    self->active_view = -1;
  else if (self->active_view > index)
    self->active_view--;
  fe_view_list_refresh (self->view_list);
  fe_window_show_stars (self);
  fe_window_update_actions (self);

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete-view");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_delete_view_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       data)
{
  FeWindow *self = data;

  if (self->deleted_view == NULL || self->project == NULL)
    return;
  fe_project_insert_view (self->project, self->deleted_view_index,
                          g_steal_pointer (&self->deleted_view));
  if (self->active_view >= (int) self->deleted_view_index)
    self->active_view++;
  fe_view_list_refresh (self->view_list);
  fe_view_list_select (self->view_list, self->active_view);
  fe_window_update_actions (self);
}

/* ---- Saving ----------------------------------------------------------------------------- */

static gboolean
save_to (FeWindow   *self,
         const char *path)
{
  g_autoptr(GError) error = NULL;

  fe_project_set_min_cell (self->project, fe_explore_state_get_min_cell (self->state));
  fe_project_set_include_incomplete (self->project,
                                     fe_study_get_include_incomplete (fe_window_get_study (self)));
  if (!fe_project_save (self->project, path, &error))
    {
      fe_window_show_error (self, _("Could Not Save the Project"), error->message);
      return FALSE;
    }
  self->project_is_template = FALSE;
  update_title (self);
  fe_window_show_toast (self, _("Project saved"));
  return TRUE;
}

static void
on_save_as_chosen (GFile    *file,
                   gpointer  data)
{
  g_autoptr(FeWindow) self = data;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autofree char *with_suffix = NULL;

  if (path == NULL)
    return;
  with_suffix = g_str_has_suffix (path, ".findings") ? g_strdup (path)
                                                     : g_strconcat (path, ".findings", NULL);
  save_to (self, with_suffix);
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  FeWindow *self = data;
  g_autofree char *name = NULL;

  if (self->project == NULL)
    return;
  name = g_strdup_printf ("%s.findings", fe_study_get_name (fe_window_get_study (self)));
  fe_compat_save_file (GTK_WINDOW (self), _("Save Project"), name, on_save_as_chosen,
                       g_object_ref (self));
}

static void
save_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       data)
{
  FeWindow *self = data;
  const char *path;

  if (self->project == NULL)
    return;
  path = fe_project_get_path (self->project);
  if (path == NULL || self->project_is_template)
    save_as_action (action, parameter, data);
  else
    save_to (self, path);
}

/* ---- Saved views and stars -------------------------------------------------------------- */

static void
on_view_named (FeWindow   *self,
               const char *title,
               const char *takeaway)
{
  FeSavedView *view = fe_window_capture_view (self);
  FeColumn *question = fe_explore_state_get_question (self->state);

  view->title = g_strdup (*title ? title : fe_column_get_display_label (question));
  view->takeaway = g_strdup (takeaway);
  fe_project_add_view (self->project, view);
  fe_window_update_actions (self);
  self->active_view = (int) fe_project_get_n_views (self->project) - 1;
  fe_view_list_refresh (self->view_list);
  fe_view_list_select (self->view_list, self->active_view);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "views");
}

static void
save_view_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       data)
{
  FeWindow *self = data;
  FeColumn *question = fe_explore_state_get_question (self->state);
  FeSaveViewDialog *dialog;

  if (self->project == NULL || question == NULL)
    return;
  dialog = fe_save_view_dialog_new (GTK_WINDOW (self), fe_column_get_display_label (question));
  g_signal_connect_object (dialog, "save", G_CALLBACK (on_view_named), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Stars a quote into the saved view on screen, or unstars it if it was starred. */
static int
find_star (FeSavedView   *view,
           const char    *respondent,
           const FeQuote *quote)
{
  for (guint i = 0; i < view->starred->len; i++)
    {
      const FeStarredQuote *star = g_ptr_array_index (view->starred, i);

      if (g_str_equal (star->respondent, respondent)
          && g_str_equal (star->question, quote->column->id)
          && g_str_equal (star->text, quote->text))
        return (int) i;
    }
  return -1;
}

static gboolean
quote_is_starred (const FeQuote *quote,
                  gpointer       data)
{
  FeWindow *self = data;
  FeSavedView *view = self->active_view >= 0 && self->project != NULL
                      ? fe_project_get_view (self->project, (guint) self->active_view) : NULL;
  g_autofree char *respondent = NULL;

  if (view == NULL)
    return FALSE;
  respondent = fe_study_dup_respondent_id (fe_window_get_study (self), quote->row);
  return find_star (view, respondent, quote) >= 0;
}

/* Stars the quotes on screen, and those scrolled to later, that the saved view on screen has
 * starred. */
void
fe_window_show_stars (FeWindow *self)
{
  fe_quote_browser_set_starred_func (self->quote_browser, quote_is_starred, self);
}

void
fe_window_toggle_star (FeWindow    *self,
                       FeQuoteItem *item)
{
  const FeQuote *quote = fe_quote_item_get_quote (item);
  FeSavedView *view;
  g_autofree char *respondent = NULL;
  int star;

  if (self->active_view < 0)
    {
      fe_window_show_toast (self, _("Save the view first, then star the quotes to show with it"));
      return;
    }
  view = fe_project_get_view (self->project, (guint) self->active_view);
  respondent = fe_study_dup_respondent_id (fe_window_get_study (self), quote->row);
  star = find_star (view, respondent, quote);
  if (star >= 0)
    {
      g_ptr_array_remove_index (view->starred, (guint) star);
      fe_quote_item_set_starred (item, FALSE);
      fe_project_view_changed (self->project);
      fe_window_show_toast (self, _("Quote unstarred"));
      return;
    }
  fe_saved_view_add_star (view, respondent, quote->column->id, quote->text);
  fe_quote_item_set_starred (item, TRUE);
  fe_project_view_changed (self->project);
  fe_window_show_toast (self, _("Quote starred for this view"));
}

static void
star_quote_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       data)
{
  FeWindow *self = data;
  FeQuoteItem *item = fe_quote_browser_get_selected (self->quote_browser);

  if (item != NULL)
    fe_window_toggle_star (self, item);
}

/* ---- Presenting --------------------------------------------------------------------------- */

static void
present_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  FeWindow *self = data;
  FePresentation *presentation;
  gboolean fold;

  if (self->project == NULL || fe_window_get_study (self) == NULL)
    return;
  if (fe_project_get_n_views (self->project) == 0)
    {
      fe_window_show_toast (self, _("Save a view first (Ctrl+D): presenting shows the saved "
                                    "views"));
      return;
    }
  fold = self->settings && g_settings_get_boolean (self->settings, "fold-small-groups");
  presentation = fe_presentation_new (GTK_WINDOW (self), fe_window_get_study (self), self->project,
                                      fe_window_get_min_cell (self), fold,
                                      self->active_view >= 0 ? (guint) self->active_view : 0);
  gtk_window_fullscreen (GTK_WINDOW (presentation));
  gtk_window_present (GTK_WINDOW (presentation));
}

/* How many findings the audit dialog lists before "and N more": the rest are in `audit`. */
#define AUDIT_FINDINGS_LISTED 8

static gboolean
brief_folds (FeWindow *self)
{
  /* The pack leaves the screen as presentations and exports do: folded unless turned off. */
  return self->settings && g_settings_get_boolean (self->settings, "fold-small-groups");
}

/* Writing the pack, off the main thread: the window stays live, a toast counts the pages.
 * The worker reads a copy of the project (the researcher may save a view meanwhile) and the
 * study the window has, never the files again. */

typedef struct
{
  gatomicrefcount ref_count;
  AdwToast       *toast;       /* main thread only */
  gint            done;        /* atomic: pages drawn */
  gint            total;       /* atomic */
  gint            pending;     /* atomic: an update is queued */
} BriefProgress;

typedef struct
{
  FeProject      *project;     /* a snapshot, the worker's alone */
  FeStudy        *study;
  FeBriefOptions  options;
  char           *path;
  BriefProgress  *progress;
  gulong          study_changed;   /* the study's notify::include-incomplete while writing */
  guint           n_study_changes;
} BriefJob;

static BriefProgress *
brief_progress_ref (BriefProgress *progress)
{
  g_atomic_ref_count_inc (&progress->ref_count);
  return progress;
}

static void
brief_progress_unref (BriefProgress *progress)
{
  /* The toast was let go of on the main thread already (on_brief_written()). */
  if (!g_atomic_ref_count_dec (&progress->ref_count))
    return;
  g_free (progress);
}

/* Whatever thread drops the task last: the toast and the signal handler were dealt with on
 * the main thread when the pack was done. */
static void
brief_job_free (BriefJob *job)
{
  g_clear_object (&job->project);
  g_clear_object (&job->study);
  g_clear_pointer (&job->options.catalog, fe_catalog_unref);
  g_clear_pointer (&job->path, g_free);
  g_clear_pointer (&job->progress, brief_progress_unref);
  g_free (job);
}

static gboolean
show_brief_progress (gpointer data)
{
  BriefProgress *progress = data;
  guint done, total;
  g_autofree char *title = NULL;

  g_atomic_int_set (&progress->pending, 0);
  done = (guint) g_atomic_int_get (&progress->done);
  total = (guint) g_atomic_int_get (&progress->total);
  if (progress->toast == NULL || total == 0)
    return G_SOURCE_REMOVE;
  /* Translators: while a briefing pack is written, "Writing the briefing pack: page 3 of 8" */
  title = g_strdup_printf (_("Writing the briefing pack: page %u of %u"), done, total);
  adw_toast_set_title (progress->toast, title);
  return G_SOURCE_REMOVE;
}

/* Called on the worker thread as each page is drawn. */
static void
on_brief_page (guint    done,
               guint    total,
               gpointer data)
{
  BriefProgress *progress = data;

  g_atomic_int_set (&progress->done, (gint) done);
  g_atomic_int_set (&progress->total, (gint) total);
  if (g_atomic_int_compare_and_exchange (&progress->pending, 0, 1))
    /* Always through the main loop, never run here: the toast is the main thread's. */
    g_idle_add_full (G_PRIORITY_DEFAULT, show_brief_progress, brief_progress_ref (progress),
                     (GDestroyNotify) brief_progress_unref);
}

static void
write_brief_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  BriefJob *job = task_data;
  GError *error = NULL;

  if (fe_brief_write (job->project, job->study, &job->options, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_study_changed_while_writing (BriefJob *job)
{
  job->n_study_changes++;
}

static void
on_brief_written (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  FeWindow *self = FE_WINDOW (source);
  BriefJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean written = g_task_propagate_boolean (G_TASK (result), &error);

  g_object_set_data (G_OBJECT (self), "fe-brief-writing", NULL);
  g_clear_signal_handler (&job->study_changed, job->study);
  if (job->progress->toast != NULL)
    adw_toast_dismiss (job->progress->toast);
  g_clear_object (&job->progress->toast);
  if (written && job->n_study_changes > 0)
    {
      /* "Include incomplete responses" was turned while the pages were counted: some pages
       * may count one way and some the other. The file is not left behind as if it were
       * right. */
      g_unlink (job->path);
      fe_window_show_error (self, _("Could Not Export the Briefing Pack"),
                            _("Which responses count changed while the pack was written. "
                              "Export it again."));
      return;
    }
  if (written)
    fe_window_show_toast (self, _("Briefing pack exported"));
  else
    fe_window_show_error (self, _("Could Not Export the Briefing Pack"), error->message);
}

static void
write_brief (FeWindow   *self,
             const char *path)
{
  g_autoptr(GTask) task = NULL;
  BriefJob *job;
  AdwToast *toast;

  if (g_object_get_data (G_OBJECT (self), "fe-brief-writing") != NULL)
    {
      fe_window_show_toast (self, _("A briefing pack is being written already"));
      return;
    }

  job = g_new0 (BriefJob, 1);
  job->project = fe_project_copy (self->project);
  job->study = g_object_ref (fe_window_get_study (self));
  job->path = g_strdup (path);
  job->options.min_cell = fe_window_get_min_cell (self);
  job->options.fold_small_groups = brief_folds (self);
  /* In the language the window shows the study in, passed down: the pack's words and the
   * codebook's labels alike (without its catalogue, the process's words). */
  job->options.catalog = fe_catalog_new_for_language (fe_study_get_language (job->study), NULL);
  job->progress = g_new0 (BriefProgress, 1);
  g_atomic_ref_count_init (&job->progress->ref_count);
  job->options.progress = on_brief_page;
  job->options.progress_data = job->progress;
  job->study_changed = g_signal_connect_swapped (job->study, "notify::include-incomplete",
                                                 G_CALLBACK (on_study_changed_while_writing),
                                                 job);

  toast = adw_toast_new (_("Writing the briefing pack…"));
  adw_toast_set_timeout (toast, 0);
  job->progress->toast = g_object_ref (toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  task = g_task_new (self, NULL, on_brief_written, NULL);
  g_task_set_source_tag (task, write_brief);
  g_task_set_task_data (task, job, (GDestroyNotify) brief_job_free);
  g_object_set_data (G_OBJECT (self), "fe-brief-writing", task);
  g_task_run_in_thread (task, write_brief_thread);
}

static void
on_audit_response (AdwMessageDialog *dialog,
                   const char       *response,
                   FeWindow         *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "fe-brief-path");

  if (g_str_equal (response, "export") && self->project != NULL
      && fe_window_get_study (self) != NULL)
    write_brief (self, path);
}

/* The dialog body: what the audit found, the first few findings one a line. */
static char *
describe_findings (GPtrArray *findings)
{
  g_autoptr(GString) body = g_string_new (NULL);
  guint listed = MIN (findings->len, AUDIT_FINDINGS_LISTED);

  g_string_append (body, _("A reader who does arithmetic on the pack could work out numbers "
                           "it withholds:"));
  g_string_append_c (body, '\n');
  for (guint i = 0; i < listed; i++)
    g_string_append_printf (body, "\n• %s", (const char *) g_ptr_array_index (findings, i));
  if (findings->len > listed)
    {
      guint more = findings->len - listed;

      g_string_append_c (body, '\n');
      /* Translators: after a list of audit findings cut short; `findings-explorer audit`
       * lists them all */
      g_string_append_printf (body, ngettext ("…and %u more (findings-explorer audit lists "
                                              "them all).",
                                              "…and %u more (findings-explorer audit lists "
                                              "them all).", more),
                              more);
    }
  g_string_append (body, "\n\n");
  g_string_append (body, _("Change or remove the views named, or export anyway if these "
                           "numbers may be shown."));
  return g_string_free (g_steal_pointer (&body), FALSE);
}

void
fe_window_export_brief (FeWindow   *self,
                        const char *path)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (FE_IS_WINDOW (self) && path != NULL);

  if (self->project == NULL || fe_window_get_study (self) == NULL)
    return;
  /* A pack goes to people outside the project: audited first, as `brief` does. Views the
   * query-set rule refuses are left out of the pack, which says why; they are not findings. */
  findings = fe_project_audit (self->project, fe_window_get_study (self),
                               fe_window_get_min_cell (self), brief_folds (self), NULL);
  if (findings->len == 0)
    {
      write_brief (self, path);
      return;
    }

  body = describe_findings (findings);
  /* Enter, Escape and closing the dialog all keep the pack from being written. */
  dialog = fe_compat_confirm (GTK_WINDOW (self), _("Numbers Could Be Worked Out"), body,
                              "export", _("_Export Anyway"));
  g_object_set_data_full (G_OBJECT (dialog), "fe-brief-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_audit_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_brief_chosen (GFile    *file,
                 gpointer  data)
{
  g_autoptr(FeWindow) self = data;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  if (path != NULL)
    fe_window_export_brief (self, path);
}

static void
export_brief_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       data)
{
  FeWindow *self = data;
  g_autofree char *name = NULL;

  if (self->project == NULL || fe_window_get_study (self) == NULL)
    return;
  if (fe_project_get_n_views (self->project) == 0)
    {
      fe_window_show_toast (self, _("Save a view first (Ctrl+D): the briefing pack has a page "
                                    "per saved view"));
      return;
    }
  name = g_strdup_printf ("%s-briefing.pdf", fe_study_get_name (fe_window_get_study (self)));
  fe_compat_save_file (GTK_WINDOW (self), _("Export Briefing Pack"), name, on_brief_chosen,
                       g_object_ref (self));
}

/* ---- Closing with unsaved changes --------------------------------------------------------- */

static gboolean
destroy_window (gpointer data)
{
  gtk_window_destroy (data);
  return G_SOURCE_REMOVE;
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   FeWindow         *self)
{
  if (g_str_equal (response, "discard"))
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_clear_object (&self->project);
      /* Not yet: the dialog, still answering, would be freed after the window it is transient
       * for and let go of it then. Once it has closed, the window goes. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_window, g_object_ref (self),
                       g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    {
      g_action_group_activate_action (G_ACTION_GROUP (self), "save", NULL);
    }
}

gboolean
fe_window_confirm_close (FeWindow *self)
{
  GtkWidget *dialog;

  if (self->project == NULL || !fe_project_get_modified (self->project))
    return FALSE;
  /* Quit and the close button can both ask while the question is open: it is asked once. */
  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return TRUE;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"),
                                   _("The project has unsaved views or stars. If you close "
                                     "without saving, they are lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
  g_set_weak_pointer (&self->close_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static const GActionEntry project_entries[] = {
  { "save", save_action },
  { "save-as", save_as_action },
  { "save-view", save_view_action },
  { "star-quote", star_quote_action },
  { "present", present_action },
  { "export-brief", export_brief_action },
  { "undo-delete-view", undo_delete_view_action },
};

void
fe_window_install_project_actions (FeWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), project_entries,
                                   G_N_ELEMENTS (project_entries), self);
  g_signal_connect_swapped (self->view_list, "view-activated", G_CALLBACK (on_view_activated),
                            self);
  g_signal_connect_swapped (self->view_list, "view-deleted", G_CALLBACK (on_view_deleted), self);
}
