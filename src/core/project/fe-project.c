/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-project-private.h"

#include <gio/gio.h>
#include "fe-i18n.h"

G_DEFINE_QUARK (fe-project-error-quark, fe_project_error)

G_DEFINE_FINAL_TYPE (FeProject, fe_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fe_project_finalize (GObject *object)
{
  FeProject *self = FE_PROJECT (object);

  g_free (self->path);
  g_free (self->responses);
  g_free (self->codebook);
  g_free (self->coding);
  g_free (self->sheet);
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

void
fe_project_set_modified (FeProject *self,
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
  fe_project_set_modified (self, TRUE);
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
  copy->sheet = g_strdup (self->sheet);
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
  fe_project_set_modified (self, TRUE);
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

  {
    g_autofree char *absolute = absolute_or_null (responses);

    /* Another workbook's sheets are not this one's. */
    if (g_strcmp0 (absolute, self->responses) != 0)
      g_clear_pointer (&self->sheet, g_free);
  }
  g_free (self->responses);
  g_free (self->codebook);
  g_free (self->coding);
  self->responses = absolute_or_null (responses);
  self->codebook = absolute_or_null (codebook);
  self->coding = absolute_or_null (coding);
  fe_project_set_modified (self, TRUE);
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
  if (merged.sheet == NULL)
    merged.sheet = self->sheet;

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
  g_free (self->sheet);
  self->sheet = g_strdup (fe_study_get_sheet (study));
  fe_project_set_modified (self, TRUE);
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
  fe_project_set_modified (self, TRUE);
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
  fe_project_set_modified (self, TRUE);
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
  fe_project_set_modified (self, TRUE);
}

void
fe_project_insert_view (FeProject   *self,
                        guint        index,
                        FeSavedView *view)
{
  g_return_if_fail (FE_IS_PROJECT (self));
  g_ptr_array_insert (self->views, (gint) MIN (index, self->views->len), view);
  fe_project_set_modified (self, TRUE);
}

void
fe_project_remove_view (FeProject *self,
                        guint      index)
{
  g_return_if_fail (FE_IS_PROJECT (self));
  g_return_if_fail (index < self->views->len);
  g_ptr_array_remove_index (self->views, index);
  fe_project_set_modified (self, TRUE);
}

void
fe_project_view_changed (FeProject *self)
{
  g_return_if_fail (FE_IS_PROJECT (self));
  fe_project_set_modified (self, TRUE);
}

gboolean
fe_project_get_modified (FeProject *self)
{
  g_return_val_if_fail (FE_IS_PROJECT (self), FALSE);
  return self->modified;
}
