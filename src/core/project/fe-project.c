/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-project.h"

#include "fe-csv-table.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include "fe-i18n.h"

#include "fe-file.h"

G_DEFINE_QUARK (fe-project-error-quark, fe_project_error)

#define PROJECT_GROUP "Project"
#define VIEW_PREFIX "View "
#define COLUMN_PREFIX "Column "
#define DEFAULT_MIN_CELL 5

struct _FeProject
{
  GObject    parent_instance;

  char      *path;
  char      *responses;
  char      *codebook;
  char      *coding;
  guint      expected_rows;
  GStrv      expected_columns;
  gboolean   include_incomplete;
  guint      min_cell;
  GPtrArray *views;
  GPtrArray *corrections;     /* FeColumnCorrection* */
  char      *title;
  char      *loaded_title;     /* the title as the file gave it */
  char      *localized_title;  /* and in the reader's language */
  GKeyFile  *keys;             /* the file as loaded: what the app does not know of it (other
                                * languages, comments, newer keys) is saved again */
  gboolean   modified;
  int        version;          /* the file's, never saved lower */
  GPtrArray *warnings;         /* char*: what loaded but deserves a look */
};

G_DEFINE_FINAL_TYPE (FeProject, fe_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
view_filter_free (gpointer data)
{
  FeViewFilter *filter = data;

  g_free (filter->column);
  g_strfreev (filter->levels);
  g_free (filter);
}

static void
starred_quote_free (gpointer data)
{
  FeStarredQuote *star = data;

  g_free (star->respondent);
  g_free (star->question);
  g_free (star->text);
  g_free (star);
}

FeSavedView *
fe_saved_view_new (void)
{
  FeSavedView *view = g_new0 (FeSavedView, 1);

  view->measure = g_strdup ("count");
  view->kind = g_strdup ("auto");
  view->sort = g_strdup ("codebook");
  view->filters = g_ptr_array_new_with_free_func (view_filter_free);
  view->starred = g_ptr_array_new_with_free_func (starred_quote_free);
  view->extra = g_ptr_array_new_with_free_func (g_free);
  return view;
}

static const char *
find_extra (const FeSavedView *view,
            const char        *key,
            const char        *lang)
{
  g_autofree char *name = g_strdup_printf ("%s[%s]", key, lang);

  for (guint i = 0; i + 1 < view->extra->len; i += 2)
    if (g_str_equal (g_ptr_array_index (view->extra, i), name))
      return g_ptr_array_index (view->extra, i + 1);
  return NULL;
}

const char *
fe_saved_view_get_localized (const FeSavedView *view,
                             const char        *key,
                             const char        *lang)
{
  const char *own;
  const char *localized = NULL;

  g_return_val_if_fail (view != NULL && key != NULL, NULL);

  own = g_str_equal (key, "title") ? view->title
        : g_str_equal (key, "takeaway") ? view->takeaway : NULL;
  if (lang != NULL && own != NULL)
    {
      g_autofree char *language = g_strndup (lang, strcspn (lang, "_.@"));

      localized = find_extra (view, key, lang);
      if (localized == NULL)
        localized = find_extra (view, key, language);
    }
  return localized != NULL && *localized != '\0' ? localized : own;
}

void
fe_saved_view_add_filter (FeSavedView       *view,
                          const char        *column,
                          const char *const *levels)
{
  FeViewFilter *filter = g_new0 (FeViewFilter, 1);

  filter->column = g_strdup (column);
  filter->levels = g_strdupv ((char **) levels);
  g_ptr_array_add (view->filters, filter);
}

void
fe_saved_view_add_star (FeSavedView *view,
                        const char  *respondent,
                        const char  *question,
                        const char  *text)
{
  FeStarredQuote *star = g_new0 (FeStarredQuote, 1);

  star->respondent = g_strdup (respondent);
  star->question = g_strdup (question);
  star->text = g_strdup (text);
  g_ptr_array_add (view->starred, star);
}

FeSavedView *
fe_saved_view_copy (const FeSavedView *view)
{
  FeSavedView *copy = fe_saved_view_new ();

  g_free (copy->measure);
  g_free (copy->kind);
  g_free (copy->sort);
  copy->title = g_strdup (view->title);
  copy->takeaway = g_strdup (view->takeaway);
  copy->question = g_strdup (view->question);
  copy->by = g_strdup (view->by);
  copy->measure = g_strdup (view->measure);
  copy->kind = g_strdup (view->kind);
  copy->sort = g_strdup (view->sort);
  copy->selected_level = g_strdup (view->selected_level);
  copy->selected_group = g_strdup (view->selected_group);
  copy->group = g_strdup (view->group);
  for (guint i = 0; i < view->filters->len; i++)
    {
      const FeViewFilter *filter = g_ptr_array_index (view->filters, i);

      fe_saved_view_add_filter (copy, filter->column, (const char *const *) filter->levels);
    }
  for (guint i = 0; i < view->starred->len; i++)
    {
      const FeStarredQuote *star = g_ptr_array_index (view->starred, i);

      fe_saved_view_add_star (copy, star->respondent, star->question, star->text);
    }
  for (guint i = 0; i < view->extra->len; i++)
    g_ptr_array_add (copy->extra, g_strdup (g_ptr_array_index (view->extra, i)));
  return copy;
}

void
fe_saved_view_free (FeSavedView *view)
{
  if (view == NULL)
    return;
  g_free (view->title);
  g_free (view->takeaway);
  g_free (view->question);
  g_free (view->by);
  g_free (view->measure);
  g_free (view->kind);
  g_free (view->sort);
  g_free (view->selected_level);
  g_free (view->selected_group);
  g_free (view->group);
  g_ptr_array_unref (view->filters);
  g_ptr_array_unref (view->starred);
  g_ptr_array_unref (view->extra);
  g_free (view);
}

FeSavedView *
fe_saved_view_new_for (const FeColumn *question,
                       const FeColumn *by,
                       const FeFilter *filter,
                       int             level,
                       int             group)
{
  FeSavedView *view = fe_saved_view_new ();

  view->question = g_strdup (question->id);
  view->by = by ? g_strdup (by->id) : NULL;
  view->selected_level = level >= 0 ? g_strdup (fe_column_get_level (question, (guint) level))
                                    : NULL;
  view->selected_group = by != NULL && group >= 0
                         ? g_strdup (fe_column_get_level (by, (guint) group)) : NULL;

  for (guint i = 0; filter != NULL && i < fe_filter_get_n_columns (filter); i++)
    {
      const FeColumn *column = fe_filter_get_column (filter, i);
      g_autoptr(GPtrArray) levels = g_ptr_array_new ();

      for (guint l = 0; l < fe_column_get_n_levels (column); l++)
        if (fe_filter_has_level (filter, column, l))
          g_ptr_array_add (levels, (gpointer) fe_column_get_level (column, l));
      g_ptr_array_add (levels, NULL);
      fe_saved_view_add_filter (view, column->id, (const char *const *) levels->pdata);
    }
  return view;
}

static gboolean
view_column (FeStudy     *study,
             const char  *id,
             const char  *title,
             FeColumn   **column,
             GError     **error)
{
  *column = fe_study_find_column (study, id);
  if (*column != NULL)
    return TRUE;
  g_set_error (error, FE_PROJECT_ERROR, FE_PROJECT_ERROR_CHANGED,
               _("The view “%s” uses “%s”, which the survey results no longer have."),
               title, id);
  return FALSE;
}

static gboolean
view_level (const FeColumn  *column,
            const char      *label,
            const char      *title,
            int             *level,
            GError         **error)
{
  *level = label ? fe_column_find_level (column, label) : -1;
  if (label == NULL || *level >= 0)
    return TRUE;
  g_set_error (error, FE_PROJECT_ERROR, FE_PROJECT_ERROR_CHANGED,
               _("The view “%s” uses the answer “%s” of “%s”, which the survey results no "
                 "longer have."),
               title, label, column->id);
  return FALSE;
}

gboolean
fe_saved_view_resolve (const FeSavedView *view,
                       FeStudy           *study,
                       FeColumn         **question,
                       FeColumn         **by,
                       FeFilter         **filter,
                       int               *level,
                       int               *group,
                       GError           **error)
{
  const char *title;
  g_autoptr(FeFilter) resolved = NULL;

  g_return_val_if_fail (view != NULL && FE_IS_STUDY (study), FALSE);

  title = view->title ? view->title : view->question;
  *by = NULL;
  *level = *group = -1;
  if (view->question == NULL || !view_column (study, view->question, title, question, error))
    return FALSE;
  if (view->by != NULL && !view_column (study, view->by, title, by, error))
    return FALSE;

  resolved = fe_filter_new (study);
  for (guint i = 0; i < view->filters->len; i++)
    {
      const FeViewFilter *clause = g_ptr_array_index (view->filters, i);
      FeColumn *column;

      if (!view_column (study, clause->column, title, &column, error))
        return FALSE;
      for (guint l = 0; clause->levels[l] != NULL; l++)
        {
          int found;

          if (!view_level (column, clause->levels[l], title, &found, error))
            return FALSE;
          fe_filter_add_level (resolved, column, (guint) found);
        }
    }

  if (!view_level (*question, view->selected_level, title, level, error)
      || (*by != NULL && !view_level (*by, view->selected_group, title, group, error)))
    return FALSE;
  *filter = g_steal_pointer (&resolved);
  return TRUE;
}

static void
fe_project_finalize (GObject *object)
{
  FeProject *self = FE_PROJECT (object);

  g_free (self->path);
  g_free (self->responses);
  g_free (self->codebook);
  g_free (self->coding);
  g_strfreev (self->expected_columns);
  g_ptr_array_unref (self->views);
  g_ptr_array_unref (self->corrections);
  g_free (self->title);
  g_free (self->loaded_title);
  g_free (self->localized_title);
  g_clear_pointer (&self->keys, g_key_file_unref);
  g_ptr_array_unref (self->warnings);
  G_OBJECT_CLASS (fe_project_parent_class)->finalize (object);
}

static void
fe_project_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FeProject *self = FE_PROJECT (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fe_project_class_init (FeProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fe_project_finalize;
  object_class->get_property = fe_project_get_property;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fe_project_init (FeProject *self)
{
  self->min_cell = DEFAULT_MIN_CELL;
  self->version = FE_PROJECT_VERSION;
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->views = g_ptr_array_new_with_free_func ((GDestroyNotify) fe_saved_view_free);
  self->corrections = fe_column_corrections_new ();
}

static void
set_modified (FeProject *self,
              gboolean   modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

FeProject *
fe_project_new (void)
{
  return g_object_new (FE_TYPE_PROJECT, NULL);
}

FeProject *
fe_project_new_for_data (const char *responses,
                         const char *codebook,
                         const char *coding,
                         FeStudy    *study)
{
  FeProject *self = fe_project_new ();

  fe_project_set_data_files (self, responses, codebook, coding);
  fe_project_remember_study (self, study);
  self->modified = FALSE;
  return self;
}

/* A path relative to @dir, climbing with ".." where it must, so that a project and its data
 * can move together (to another laptop, into a shared folder). */
static char *
relative_path (const char *dir,
               const char *path)
{
  g_auto(GStrv) from = g_strsplit (dir, G_DIR_SEPARATOR_S, -1);
  g_auto(GStrv) to = g_strsplit (path, G_DIR_SEPARATOR_S, -1);
  g_autoptr(GString) relative = g_string_new (NULL);
  guint common = 0;

  if (!g_path_is_absolute (path))
    return g_strdup (path);
  while (from[common] != NULL && to[common] != NULL && g_str_equal (from[common], to[common]))
    common++;
  for (guint i = common; from[i] != NULL; i++)
    if (*from[i] != '\0')
      g_string_append (relative, ".." G_DIR_SEPARATOR_S);
  for (guint i = common; to[i] != NULL; i++)
    g_string_append_printf (relative, "%s%s", to[i], to[i + 1] ? G_DIR_SEPARATOR_S : "");
  return g_string_free (g_steal_pointer (&relative), FALSE);
}

static char *
resolve_path (const char *dir,
              const char *path)
{
  g_autofree char *joined = NULL;
  g_autoptr(GFile) file = NULL;

  if (path == NULL || *path == '\0')
    return NULL;
  if (g_path_is_absolute (path))
    return g_strdup (path);
  joined = g_build_filename (dir, path, NULL);
  file = g_file_new_for_path (joined);
  return g_file_get_path (file);
}

static char *
dup_string_or_null (GKeyFile   *keys,
                    const char *group,
                    const char *key)
{
  g_autofree char *value = g_key_file_get_string (keys, group, key, NULL);

  if (value == NULL || *value == '\0')
    return NULL;
  return g_steal_pointer (&value);
}

static void
replace_string (char       **field,
                char        *value)
{
  if (value == NULL)
    return;
  g_free (*field);
  *field = value;
}

static const char * const view_keys[] = {
  "title", "takeaway", "question", "by", "measure", "kind", "sort", "selected-level",
  "selected-group", "filter-columns", "starred-respondents", "starred-questions",
  "starred-texts", NULL
};
static const char * const column_keys[] = { "column", "role", "label", "levels", NULL };

static gboolean
is_known_key (const char         *key,
              const char * const *known)
{
  return g_strv_contains (known, key) || g_str_has_prefix (key, "filter-levels-");
}

/* Keys of @group the app does not read (a title's translations, keys of a newer version),
 * as key, raw value pairs into @extra. */
static void
keep_unknown_keys (GKeyFile           *keys,
                   const char         *group,
                   const char * const *known,
                   GPtrArray          *extra)
{
  g_auto(GStrv) names = g_key_file_get_keys (keys, group, NULL, NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (!is_known_key (names[i], known))
      {
        g_ptr_array_add (extra, g_strdup (names[i]));
        g_ptr_array_add (extra, g_key_file_get_value (keys, group, names[i], NULL));
      }
}

static void
write_unknown_keys (GKeyFile   *keys,
                    const char *group,
                    GPtrArray  *extra)
{
  for (guint i = 0; i + 1 < extra->len; i += 2)
    if (g_ptr_array_index (extra, i + 1) != NULL)
      g_key_file_set_value (keys, group, g_ptr_array_index (extra, i),
                            g_ptr_array_index (extra, i + 1));
}

static gboolean
read_correction (GKeyFile    *keys,
                 const char  *group,
                 GPtrArray   *corrections,
                 const char  *file_name,
                 GError     **error)
{
  g_autofree char *column = dup_string_or_null (keys, group, "column");
  g_autofree char *role = dup_string_or_null (keys, group, "role");
  g_autofree char *label = dup_string_or_null (keys, group, "label");
  g_auto(GStrv) levels = g_key_file_get_string_list (keys, group, "levels", NULL, NULL);
  FeColumnCorrection *correction;
  FeRole parsed;

  if (column == NULL)
    return TRUE;
  correction = fe_column_corrections_ensure (corrections, column);
  if (role != NULL)
    {
      if (!fe_role_from_string (role, &parsed))
        {
          g_set_error (error, FE_PROJECT_ERROR, FE_PROJECT_ERROR_INVALID,
                       _("%s, [%s]: “%s” is not a role. Use one of id, attribute, ordinal, "
                         "choice, multi, text or ignore."),
                       file_name, group, role);
          return FALSE;
        }
      fe_column_correction_set_role (correction, parsed);
    }
  fe_column_correction_set_label (correction, label);
  if (levels != NULL)
    fe_column_correction_set_levels (correction, (const char * const *) levels);
  if (g_key_file_has_key (keys, group, "fold-below", NULL))
    {
      g_autofree char *value = g_key_file_get_value (keys, group, "fold-below", NULL);
      guint64 parsed_fold;

      if (value == NULL || !g_ascii_isdigit (*value)
          || !g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT, &parsed_fold, NULL))
        {
          g_set_error (error, FE_PROJECT_ERROR, FE_PROJECT_ERROR_INVALID,
                       _("%s, [%s] fold-below: “%s” is not a whole number. It is how many "
                         "respondents an answer needs to keep a bar of its own."),
                       file_name, group, value != NULL ? value : "");
          return FALSE;
        }
      correction->fold_below = (guint) parsed_fold;
    }
  return TRUE;
}

static FeSavedView *
read_view (GKeyFile   *keys,
           const char *group)
{
  FeSavedView *view = fe_saved_view_new ();
  g_auto(GStrv) filter_columns = g_key_file_get_string_list (keys, group, "filter-columns",
                                                             NULL, NULL);
  g_auto(GStrv) star_respondents = g_key_file_get_string_list (keys, group,
                                                               "starred-respondents", NULL,
                                                               NULL);
  g_auto(GStrv) star_questions = g_key_file_get_string_list (keys, group, "starred-questions",
                                                             NULL, NULL);
  g_auto(GStrv) star_texts = g_key_file_get_string_list (keys, group, "starred-texts", NULL,
                                                         NULL);

  view->group = g_strdup (group);
  view->title = dup_string_or_null (keys, group, "title");
  view->takeaway = dup_string_or_null (keys, group, "takeaway");
  view->question = dup_string_or_null (keys, group, "question");
  view->by = dup_string_or_null (keys, group, "by");
  replace_string (&view->measure, dup_string_or_null (keys, group, "measure"));
  replace_string (&view->kind, dup_string_or_null (keys, group, "kind"));
  replace_string (&view->sort, dup_string_or_null (keys, group, "sort"));
  view->selected_level = dup_string_or_null (keys, group, "selected-level");
  view->selected_group = dup_string_or_null (keys, group, "selected-group");
  keep_unknown_keys (keys, group, view_keys, view->extra);

  for (guint i = 0; filter_columns != NULL && filter_columns[i] != NULL; i++)
    {
      g_autofree char *key = g_strdup_printf ("filter-levels-%u", i + 1);
      g_auto(GStrv) levels = g_key_file_get_string_list (keys, group, key, NULL, NULL);

      if (levels != NULL)
        fe_saved_view_add_filter (view, filter_columns[i], (const char *const *) levels);
    }

  for (guint i = 0; star_respondents != NULL && star_respondents[i] != NULL; i++)
    {
      if (star_questions == NULL || star_texts == NULL
          || i >= g_strv_length (star_questions) || i >= g_strv_length (star_texts))
        break;
      fe_saved_view_add_star (view, star_respondents[i], star_questions[i], star_texts[i]);
    }
  return view;
}

/* Whether @path (absolute, as resolve_path() makes it) lies in @dir or a folder under it. */
static gboolean
path_is_inside (const char *dir,
                const char *path)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return g_file_has_prefix (file, folder);
}

/* A table outside the project's folder still opens, but the project no longer travels with
 * its data, and a shared project file could make the app read any file of the reader's:
 * said once, for the Data check. */
static void
check_confined (FeProject  *self,
                const char *dir,
                const char *key,
                const char *resolved)
{
  g_autofree char *name = NULL;

  if (resolved == NULL || path_is_inside (dir, resolved))
    return;
  name = g_path_get_basename (self->path);
  g_ptr_array_add (self->warnings,
                   g_strdup_printf (_("%s reads its %s from %s, outside the project's folder. "
                                      "It is read all the same, but a copy of the project will "
                                      "not find it: keep the tables beside the project."),
                                    name, key, resolved));
}

gboolean
fe_project_parse_min_cell (const char *text,
                           guint      *k)
{
  guint64 parsed;

  /* Digits only: no sign, no space, no decimal point, nothing after. */
  if (text == NULL || !g_ascii_isdigit (*text)
      || !g_ascii_string_to_unsigned (text, 10, 0, FE_PROJECT_MAX_MIN_CELL, &parsed, NULL))
    return FALSE;
  *k = (guint) parsed;
  return TRUE;
}

/* Anything but a whole number in range is refused rather than read as 0, which would switch
 * disclosure control off without a word. */
static gboolean
read_min_cell (GKeyFile    *keys,
               const char  *file_name,
               guint       *min_cell,
               GError     **error)
{
  g_autofree char *value = NULL;

  if (!g_key_file_has_key (keys, PROJECT_GROUP, "min-cell", NULL))
    return TRUE;
  value = g_key_file_get_value (keys, PROJECT_GROUP, "min-cell", NULL);
  if (value == NULL || !fe_project_parse_min_cell (g_strstrip (value), min_cell))
    {
      g_set_error (error, FE_PROJECT_ERROR, FE_PROJECT_ERROR_INVALID,
                   _("%s, [%s] min-cell: “%s” is not a whole number from 0 to %u. It is the "
                     "disclosure threshold, the fewest respondents a number may stand for: "
                     "5 is usual, 0 shows every number."),
                   file_name, PROJECT_GROUP, value != NULL ? value : "",
                   (guint) FE_PROJECT_MAX_MIN_CELL);
      return FALSE;
    }
  return TRUE;
}

/* A project chosen by mistake may be a pipe or a device: it is refused at once, not waited
 * on (fe_csv_open_input()). */
static gboolean
read_project_file (const char  *path,
                   const char  *display_name,
                   char       **data,
                   gsize       *length,
                   GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GStatBuf st;
  char block[65536];
  int fd = fe_csv_open_input (path, display_name, &st, error);

  if (fd < 0)
    return FALSE;
  for (;;)
    {
      gssize n = read (fd, block, sizeof block);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("%s, line 1, column 1: the file cannot be read (%s). Check that it "
                         "exists and that you may open it."),
                       display_name, g_strerror (saved_errno));
          return FALSE;
        }
      if (n == 0)
        break;
      g_string_append_len (text, block, n);
    }
  close (fd);
  *length = text->len;
  *data = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

FeProject *
fe_project_load (const char  *path,
                 GError     **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(FeProject) self = fe_project_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *dir = NULL;
  g_autofree char *responses = NULL;
  g_autofree char *codebook = NULL;
  g_autofree char *coding = NULL;
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  {
    g_autofree char *data = NULL;
    gsize length = 0;

    if (!read_project_file (path, name, &data, &length, &local_error))
      {
        g_set_error_literal (error, FE_PROJECT_ERROR, FE_PROJECT_ERROR_INVALID,
                             local_error->message);
        return NULL;
      }
    if (!g_key_file_load_from_data (keys, data, length,
                                    G_KEY_FILE_KEEP_COMMENTS | G_KEY_FILE_KEEP_TRANSLATIONS,
                                    &local_error))
      {
        g_set_error (error, FE_PROJECT_ERROR, FE_PROJECT_ERROR_INVALID,
                     _("%s, line 1, column 1: this is not a Findings Explorer project (%s)."),
                     name, local_error->message);
        return NULL;
      }
  }

  responses = dup_string_or_null (keys, PROJECT_GROUP, "responses");
  if (responses == NULL)
    {
      g_set_error (error, FE_PROJECT_ERROR, FE_PROJECT_ERROR_INVALID,
                   _("%s, line 1, column 1: the project does not say where its survey results "
                     "are (the “responses” key of [Project]). Open the results and save the "
                     "project again."),
                   name);
      return NULL;
    }

  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    self->path = g_file_get_path (file);
  }
  dir = g_path_get_dirname (self->path);
  self->responses = resolve_path (dir, responses);
  codebook = dup_string_or_null (keys, PROJECT_GROUP, "codebook");
  coding = dup_string_or_null (keys, PROJECT_GROUP, "coding");
  self->codebook = resolve_path (dir, codebook);
  self->coding = resolve_path (dir, coding);
  check_confined (self, dir, "responses", self->responses);
  check_confined (self, dir, "codebook", self->codebook);
  check_confined (self, dir, "coding", self->coding);
  if (g_key_file_has_key (keys, PROJECT_GROUP, "version", NULL))
    self->version = MAX (g_key_file_get_integer (keys, PROJECT_GROUP, "version", NULL), 1);
  if (self->version > FE_PROJECT_VERSION)
    g_ptr_array_add (self->warnings,
                     g_strdup_printf (_("%s was saved by a newer Findings Explorer (project "
                                        "version %d; this one knows version %d). What this one "
                                        "does not know is kept as it is but not used; saving "
                                        "keeps version %d."),
                                      name, self->version, FE_PROJECT_VERSION,
                                      self->version));
  self->expected_rows = (guint) g_key_file_get_integer (keys, PROJECT_GROUP, "rows", NULL);
  self->expected_columns = g_key_file_get_string_list (keys, PROJECT_GROUP, "columns", NULL,
                                                       NULL);
  self->include_incomplete = g_key_file_get_boolean (keys, PROJECT_GROUP, "include-incomplete",
                                                     NULL);
  if (!read_min_cell (keys, name, &self->min_cell, error))
    return NULL;

  self->title = dup_string_or_null (keys, PROJECT_GROUP, "title");
  self->loaded_title = g_strdup (self->title);
  if (self->title != NULL)
    self->localized_title = g_key_file_get_locale_string (keys, PROJECT_GROUP, "title", NULL,
                                                          NULL);

  groups = g_key_file_get_groups (keys, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], VIEW_PREFIX))
      g_ptr_array_add (self->views, read_view (keys, groups[i]));
    else if (g_str_has_prefix (groups[i], COLUMN_PREFIX)
             && !read_correction (keys, groups[i], self->corrections, name, error))
      return NULL;

  self->keys = g_steal_pointer (&keys);
  return g_steal_pointer (&self);
}

static void
write_view (GKeyFile          *keys,
            guint              number,
            const FeSavedView *view)
{
  g_autofree char *group = g_strdup_printf ("View %u", number);
  g_autoptr(GPtrArray) filter_columns = g_ptr_array_new ();
  g_autoptr(GPtrArray) respondents = g_ptr_array_new ();
  g_autoptr(GPtrArray) questions = g_ptr_array_new ();
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  const struct
  {
    const char *key;
    const char *value;
  } strings[] = {
    { "title", view->title },
    { "takeaway", view->takeaway },
    { "question", view->question },
    { "by", view->by },
    { "measure", view->measure },
    { "kind", view->kind },
    { "sort", view->sort },
    { "selected-level", view->selected_level },
    { "selected-group", view->selected_group },
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    if (strings[i].value != NULL)
      g_key_file_set_string (keys, group, strings[i].key, strings[i].value);

  for (guint i = 0; i < view->filters->len; i++)
    {
      const FeViewFilter *filter = g_ptr_array_index (view->filters, i);
      g_autofree char *key = g_strdup_printf ("filter-levels-%u", i + 1);

      g_ptr_array_add (filter_columns, filter->column);
      g_key_file_set_string_list (keys, group, key, (const char *const *) filter->levels,
                                  g_strv_length (filter->levels));
    }
  if (filter_columns->len > 0)
    g_key_file_set_string_list (keys, group, "filter-columns",
                                (const char *const *) filter_columns->pdata,
                                filter_columns->len);

  for (guint i = 0; i < view->starred->len; i++)
    {
      const FeStarredQuote *star = g_ptr_array_index (view->starred, i);

      g_ptr_array_add (respondents, star->respondent);
      g_ptr_array_add (questions, star->question);
      g_ptr_array_add (texts, star->text);
    }
  if (respondents->len > 0)
    {
      g_key_file_set_string_list (keys, group, "starred-respondents",
                                  (const char *const *) respondents->pdata, respondents->len);
      g_key_file_set_string_list (keys, group, "starred-questions",
                                  (const char *const *) questions->pdata, questions->len);
      g_key_file_set_string_list (keys, group, "starred-texts",
                                  (const char *const *) texts->pdata, texts->len);
    }
  write_unknown_keys (keys, group, view->extra);
}

/* Each correction as [Column n] with the column's id in it (ids may hold any character, a
 * group name may not), keeping what the file said of that column that the app does not know. */
static void
write_corrections (GKeyFile  *keys,
                   GPtrArray *corrections,
                   GKeyFile  *loaded)
{
  g_autoptr(GHashTable) extras = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_auto(GStrv) groups = loaded ? g_key_file_get_groups (loaded, NULL) : NULL;

  for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
    {
      g_autofree char *column = NULL;
      GPtrArray *extra;

      if (!g_str_has_prefix (groups[i], COLUMN_PREFIX))
        continue;
      column = dup_string_or_null (loaded, groups[i], "column");
      if (column == NULL || g_hash_table_contains (extras, column))
        continue;
      extra = g_ptr_array_new_with_free_func (g_free);
      keep_unknown_keys (loaded, groups[i], column_keys, extra);
      g_hash_table_insert (extras, g_steal_pointer (&column), extra);
    }

  for (guint i = 0; i < corrections->len; i++)
    {
      const FeColumnCorrection *correction = g_ptr_array_index (corrections, i);
      g_autofree char *group = g_strdup_printf (COLUMN_PREFIX "%u", i + 1);
      GPtrArray *extra = g_hash_table_lookup (extras, correction->column);

      g_key_file_set_string (keys, group, "column", correction->column);
      if (correction->has_role)
        g_key_file_set_string (keys, group, "role", fe_role_to_string (correction->role));
      if (correction->label != NULL)
        g_key_file_set_string (keys, group, "label", correction->label);
      if (correction->levels != NULL)
        g_key_file_set_string_list (keys, group, "levels",
                                    (const char * const *) correction->levels->pdata,
                                    correction->levels->len);
      if (correction->fold_below > 0)
        g_key_file_set_uint64 (keys, group, "fold-below", correction->fold_below);
      if (extra != NULL)
        write_unknown_keys (keys, group, extra);
    }
}

/* The file as it was loaded, less what the project writes anew: its views and corrections and
 * the keys of [Project] it knows. */
static GKeyFile *
keys_to_save (FeProject *self)
{
  GKeyFile *keys = g_key_file_new ();
  g_autofree char *data = NULL;
  g_auto(GStrv) groups = NULL;
  gsize length = 0;

  if (self->keys == NULL)
    return keys;
  data = g_key_file_to_data (self->keys, &length, NULL);
  if (!g_key_file_load_from_data (keys, data, length,
                                  G_KEY_FILE_KEEP_COMMENTS | G_KEY_FILE_KEEP_TRANSLATIONS, NULL))
    return keys;
  groups = g_key_file_get_groups (keys, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], VIEW_PREFIX) || g_str_has_prefix (groups[i], COLUMN_PREFIX))
      g_key_file_remove_group (keys, groups[i], NULL);
  /* The keys of [Project] it knows are set again in place (or removed when they no longer
   * apply), keeping the file's order. */
  return keys;
}

/* Views are written anew, but the comments a researcher wrote in one go with it, wherever it
 * has moved to: above each of its keys, and above the view when what was above it is rewritten
 * too (else that comment is still there, at the end of the group before). */
static void
keep_view_comments (GKeyFile          *loaded,
                    const FeSavedView *view,
                    GKeyFile          *keys,
                    guint              number)
{
  g_autofree char *group = g_strdup_printf ("View %u", number);
  g_auto(GStrv) loaded_keys = NULL;
  g_auto(GStrv) groups = NULL;

  if (loaded == NULL || view->group == NULL || !g_key_file_has_group (loaded, view->group))
    return;
  loaded_keys = g_key_file_get_keys (loaded, view->group, NULL, NULL);
  for (guint i = 0; loaded_keys != NULL && loaded_keys[i] != NULL; i++)
    {
      g_autofree char *comment = g_key_file_get_comment (loaded, view->group, loaded_keys[i],
                                                         NULL);

      if (comment != NULL && *comment != '\0'
          && g_key_file_has_key (keys, group, loaded_keys[i], NULL))
        g_key_file_set_comment (keys, group, loaded_keys[i], comment, NULL);
    }
  groups = g_key_file_get_groups (loaded, NULL);
  for (guint i = 1; groups[i] != NULL; i++)
    if (g_str_equal (groups[i], view->group)
        && (g_str_has_prefix (groups[i - 1], VIEW_PREFIX)
            || g_str_has_prefix (groups[i - 1], COLUMN_PREFIX)))
      {
        g_autofree char *comment = g_key_file_get_comment (loaded, view->group, NULL, NULL);

        if (comment != NULL && *comment != '\0')
          g_key_file_set_comment (keys, group, NULL, comment, NULL);
      }
}

static void
remove_unset_keys (FeProject *self,
                   GKeyFile  *keys)
{
  const struct
  {
    const char *key;
    gboolean    set;
  } optional[] = {
    { "title", self->title != NULL },
    { "responses", self->responses != NULL },
    { "codebook", self->codebook != NULL },
    { "coding", self->coding != NULL },
    { "rows", self->expected_rows > 0 },
    { "columns", self->expected_columns != NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (optional); i++)
    if (!optional[i].set)
      g_key_file_remove_key (keys, PROJECT_GROUP, optional[i].key, NULL);
}

gboolean
fe_project_save (FeProject   *self,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(GKeyFile) keys = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (FE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  absolute = g_file_get_path (file);
  dir = g_path_get_dirname (absolute);

  keys = keys_to_save (self);
  /* Never downgraded: a newer app must not read its own file as an older one's. */
  g_key_file_set_integer (keys, PROJECT_GROUP, "version",
                          MAX (self->version, FE_PROJECT_VERSION));
  if (self->title != NULL)
    g_key_file_set_string (keys, PROJECT_GROUP, "title", self->title);
  if (self->responses != NULL)
    {
      g_autofree char *responses = relative_path (dir, self->responses);

      g_key_file_set_string (keys, PROJECT_GROUP, "responses", responses);
    }
  if (self->codebook != NULL)
    {
      g_autofree char *codebook = relative_path (dir, self->codebook);

      g_key_file_set_string (keys, PROJECT_GROUP, "codebook", codebook);
    }
  if (self->coding != NULL)
    {
      g_autofree char *coding = relative_path (dir, self->coding);

      g_key_file_set_string (keys, PROJECT_GROUP, "coding", coding);
    }
  if (self->expected_rows > 0)
    g_key_file_set_integer (keys, PROJECT_GROUP, "rows", (gint) self->expected_rows);
  if (self->expected_columns != NULL)
    g_key_file_set_string_list (keys, PROJECT_GROUP, "columns",
                                (const char *const *) self->expected_columns,
                                g_strv_length (self->expected_columns));
  remove_unset_keys (self, keys);
  g_key_file_set_boolean (keys, PROJECT_GROUP, "include-incomplete", self->include_incomplete);
  g_key_file_set_integer (keys, PROJECT_GROUP, "min-cell", (gint) self->min_cell);

  for (guint i = 0; i < self->views->len; i++)
    {
      write_view (keys, i + 1, g_ptr_array_index (self->views, i));
      keep_view_comments (self->keys, g_ptr_array_index (self->views, i), keys, i + 1);
    }
  write_corrections (keys, self->corrections, self->keys);

  data = g_key_file_to_data (keys, &length, NULL);
  if (!fe_file_replace_contents (absolute, data, length, &local_error))
    {
      g_autofree char *name = g_path_get_basename (absolute);

      g_set_error (error, FE_PROJECT_ERROR, FE_PROJECT_ERROR_INVALID,
                   _("%s could not be saved (%s). The previous version, if any, is unchanged."),
                   name, local_error->message);
      return FALSE;
    }

  g_free (self->path);
  self->path = g_steal_pointer (&absolute);
  set_modified (self, FALSE);
  return TRUE;
}

GPtrArray *
fe_project_get_warnings (FeProject *self)
{
  g_return_val_if_fail (FE_IS_PROJECT (self), NULL);
  return self->warnings;
}

const char *
fe_project_get_path (FeProject *self)
{
  g_return_val_if_fail (FE_IS_PROJECT (self), NULL);
  return self->path;
}

const char *
fe_project_get_title (FeProject *self)
{
  g_return_val_if_fail (FE_IS_PROJECT (self), NULL);
  return self->title;
}

void
fe_project_set_title (FeProject  *self,
                      const char *title)
{
  g_return_if_fail (FE_IS_PROJECT (self));

  if (title != NULL && *title == '\0')
    title = NULL;
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  set_modified (self, TRUE);
}

const char *
fe_project_get_localized_title (FeProject *self)
{
  g_return_val_if_fail (FE_IS_PROJECT (self), NULL);

  if (self->localized_title != NULL && g_strcmp0 (self->title, self->loaded_title) == 0)
    return self->localized_title;
  return self->title;
}

char *
fe_project_dup_title_in (FeProject  *self,
                         const char *language)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (FE_IS_PROJECT (self), NULL);

  if (language == NULL || self->keys == NULL || self->title == NULL
      || g_strcmp0 (self->title, self->loaded_title) != 0)
    return g_strdup (self->title);
  /* title[cy_GB], then title[cy], from the file as it was loaded (held, not read again). */
  base = g_strndup (language, strcspn (language, "_-.@"));
  {
    const char *keys[] = { language, base };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      {
        g_autofree char *key = g_strdup_printf ("title[%s]", keys[i]);
        g_autofree char *value = NULL;

        if (!g_key_file_has_key (self->keys, PROJECT_GROUP, key, NULL))
          continue;
        value = g_key_file_get_string (self->keys, PROJECT_GROUP, key, NULL);
        if (value != NULL && *value != '\0')
          return g_steal_pointer (&value);
      }
  }
  return g_strdup (self->title);
}

FeProject *
fe_project_copy (FeProject *self)
{
  FeProject *copy;

  g_return_val_if_fail (FE_IS_PROJECT (self), NULL);

  copy = fe_project_new ();
  copy->path = g_strdup (self->path);
  copy->responses = g_strdup (self->responses);
  copy->codebook = g_strdup (self->codebook);
  copy->coding = g_strdup (self->coding);
  copy->expected_rows = self->expected_rows;
  copy->expected_columns = g_strdupv (self->expected_columns);
  copy->include_incomplete = self->include_incomplete;
  copy->min_cell = self->min_cell;
  for (guint i = 0; i < self->views->len; i++)
    g_ptr_array_add (copy->views, fe_saved_view_copy (g_ptr_array_index (self->views, i)));
  g_ptr_array_unref (copy->corrections);
  copy->corrections = fe_column_corrections_copy (self->corrections);
  copy->title = g_strdup (self->title);
  copy->loaded_title = g_strdup (self->loaded_title);
  copy->localized_title = g_strdup (self->localized_title);
  if (self->keys != NULL)
    {
      g_autofree char *data = NULL;
      gsize length = 0;

      data = g_key_file_to_data (self->keys, &length, NULL);
      copy->keys = g_key_file_new ();
      if (!g_key_file_load_from_data (copy->keys, data, length,
                                      G_KEY_FILE_KEEP_COMMENTS | G_KEY_FILE_KEEP_TRANSLATIONS,
                                      NULL))
        g_clear_pointer (&copy->keys, g_key_file_unref);
    }
  copy->modified = self->modified;
  copy->version = self->version;
  for (guint i = 0; i < self->warnings->len; i++)
    g_ptr_array_add (copy->warnings, g_strdup (g_ptr_array_index (self->warnings, i)));
  return copy;
}

GPtrArray *
fe_project_get_corrections (FeProject *self)
{
  g_return_val_if_fail (FE_IS_PROJECT (self), NULL);
  return self->corrections;
}

void
fe_project_set_corrections (FeProject *self,
                            GPtrArray *corrections)
{
  g_autoptr(GPtrArray) copy = NULL;

  g_return_if_fail (FE_IS_PROJECT (self));

  copy = fe_column_corrections_copy (corrections);
  fe_column_corrections_prune (copy);
  if (fe_column_corrections_equal (copy, self->corrections))
    return;
  g_ptr_array_unref (self->corrections);
  self->corrections = g_steal_pointer (&copy);
  set_modified (self, TRUE);
}

static char *
absolute_or_null (const char *path)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return NULL;
  file = g_file_new_for_path (path);
  return g_file_get_path (file);
}

void
fe_project_set_data_files (FeProject  *self,
                           const char *responses,
                           const char *codebook,
                           const char *coding)
{
  g_return_if_fail (FE_IS_PROJECT (self));

  g_free (self->responses);
  g_free (self->codebook);
  g_free (self->coding);
  self->responses = absolute_or_null (responses);
  self->codebook = absolute_or_null (codebook);
  self->coding = absolute_or_null (coding);
  set_modified (self, TRUE);
}

const char *
fe_project_get_responses (FeProject *self)
{
  g_return_val_if_fail (FE_IS_PROJECT (self), NULL);
  return self->responses;
}

const char *
fe_project_get_codebook (FeProject *self)
{
  g_return_val_if_fail (FE_IS_PROJECT (self), NULL);
  return self->codebook;
}

const char *
fe_project_get_coding (FeProject *self)
{
  g_return_val_if_fail (FE_IS_PROJECT (self), NULL);
  return self->coding;
}

static gboolean
check_file_exists (FeProject   *self,
                   const char  *path,
                   GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *project = NULL;

  if (path == NULL || g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  name = g_path_get_basename (path);
  project = self->path ? g_path_get_basename (self->path) : g_strdup ("");
  g_set_error (error, FE_PROJECT_ERROR, FE_PROJECT_ERROR_MISSING_FILE,
               _("%s cannot find %s where it was (%s). If you moved it, put it back beside the "
                 "project, or open the results and save the project again."),
               project, name, path);
  return FALSE;
}

static char *
missing_columns (FeProject *self,
                 FeStudy   *study)
{
  g_autoptr(GString) missing = g_string_new (NULL);

  for (guint i = 0; self->expected_columns && self->expected_columns[i] != NULL; i++)
    if (fe_study_find_column (study, self->expected_columns[i]) == NULL)
      g_string_append_printf (missing, "%s%s", missing->len ? ", " : "",
                              self->expected_columns[i]);
  return g_string_free (g_steal_pointer (&missing), FALSE);
}

FeStudy *
fe_project_load_study (FeProject           *self,
                       const FeLoadOptions *options,
                       GError             **error)
{
  g_autoptr(FeStudy) study = NULL;
  g_autoptr(GPtrArray) corrections = NULL;
  FeLoadOptions merged = { 0 };
  g_autofree char *missing = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (FE_IS_PROJECT (self), NULL);

  if (!check_file_exists (self, self->responses, error)
      || !check_file_exists (self, self->codebook, error)
      || !check_file_exists (self, self->coding, error))
    return NULL;

  if (options != NULL)
    merged = *options;
  corrections = fe_column_corrections_copy (self->corrections);
  for (guint i = 0; options != NULL && options->corrections != NULL
                    && i < options->corrections->len; i++)
    g_ptr_array_add (corrections,
                     fe_column_correction_copy (g_ptr_array_index (options->corrections, i)));
  merged.corrections = corrections;

  study = fe_study_load_full (self->responses, self->codebook, self->coding, &merged, error);
  if (study == NULL)
    return NULL;

  name = g_path_get_basename (self->responses);
  missing = missing_columns (self, study);
  if (*missing != '\0')
    {
      g_set_error (error, FE_PROJECT_ERROR, FE_PROJECT_ERROR_CHANGED,
                   _("%s has changed since the project was saved: these columns are gone: %s. "
                     "Saved views that use them would be wrong, so the project was not opened. "
                     "Open the results on their own to look at them."),
                   name, missing);
      return NULL;
    }
  if (self->expected_rows > 0 && fe_study_get_n_rows (study) != self->expected_rows)
    {
      g_set_error (error, FE_PROJECT_ERROR, FE_PROJECT_ERROR_CHANGED,
                   _("%s has changed since the project was saved: it had %u responses and now "
                     "has %u. Check that it is the right file; to use it, open it on its own "
                     "and save a new project."),
                   name, self->expected_rows, fe_study_get_n_rows (study));
      return NULL;
    }

  /* Said where the study's own warnings are: the window's notice, the CLI, the Data check. */
  for (guint i = 0; i < self->warnings->len; i++)
    g_ptr_array_add (fe_study_get_warnings (study),
                     g_strdup (g_ptr_array_index (self->warnings, i)));
  fe_study_set_include_incomplete (study, self->include_incomplete);
  return g_steal_pointer (&study);
}

void
fe_project_remember_study (FeProject *self,
                           FeStudy   *study)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();

  g_return_if_fail (FE_IS_PROJECT (self));
  g_return_if_fail (FE_IS_STUDY (study));

  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    g_ptr_array_add (columns, g_strdup (fe_study_get_column (study, c)->id));
  g_ptr_array_add (columns, NULL);
  g_strfreev (self->expected_columns);
  self->expected_columns = (GStrv) g_ptr_array_steal (columns, NULL);
  self->expected_rows = fe_study_get_n_rows (study);
  self->include_incomplete = fe_study_get_include_incomplete (study);
  set_modified (self, TRUE);
}

guint
fe_project_get_min_cell (FeProject *self)
{
  g_return_val_if_fail (FE_IS_PROJECT (self), DEFAULT_MIN_CELL);
  return self->min_cell;
}

void
fe_project_set_min_cell (FeProject *self,
                         guint      k)
{
  g_return_if_fail (FE_IS_PROJECT (self));
  if (self->min_cell == k)
    return;
  self->min_cell = k;
  set_modified (self, TRUE);
}

gboolean
fe_project_get_include_incomplete (FeProject *self)
{
  g_return_val_if_fail (FE_IS_PROJECT (self), FALSE);
  return self->include_incomplete;
}

void
fe_project_set_include_incomplete (FeProject *self,
                                   gboolean   include)
{
  g_return_if_fail (FE_IS_PROJECT (self));
  if (self->include_incomplete == !!include)
    return;
  self->include_incomplete = !!include;
  set_modified (self, TRUE);
}

guint
fe_project_get_n_views (FeProject *self)
{
  g_return_val_if_fail (FE_IS_PROJECT (self), 0);
  return self->views->len;
}

FeSavedView *
fe_project_get_view (FeProject *self,
                     guint      index)
{
  g_return_val_if_fail (FE_IS_PROJECT (self), NULL);
  g_return_val_if_fail (index < self->views->len, NULL);
  return g_ptr_array_index (self->views, index);
}

void
fe_project_add_view (FeProject   *self,
                     FeSavedView *view)
{
  g_return_if_fail (FE_IS_PROJECT (self));
  g_ptr_array_add (self->views, view);
  set_modified (self, TRUE);
}

void
fe_project_insert_view (FeProject   *self,
                        guint        index,
                        FeSavedView *view)
{
  g_return_if_fail (FE_IS_PROJECT (self));
  g_ptr_array_insert (self->views, (gint) MIN (index, self->views->len), view);
  set_modified (self, TRUE);
}

void
fe_project_remove_view (FeProject *self,
                        guint      index)
{
  g_return_if_fail (FE_IS_PROJECT (self));
  g_return_if_fail (index < self->views->len);
  g_ptr_array_remove_index (self->views, index);
  set_modified (self, TRUE);
}

void
fe_project_view_changed (FeProject *self)
{
  g_return_if_fail (FE_IS_PROJECT (self));
  set_modified (self, TRUE);
}

gboolean
fe_project_get_modified (FeProject *self)
{
  g_return_val_if_fail (FE_IS_PROJECT (self), FALSE);
  return self->modified;
}
