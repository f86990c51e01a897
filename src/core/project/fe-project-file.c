/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A project as a .findings key file: reading it (with what the app does not know of it kept)
 * and writing it back, paths relative to the file. */
#include "config.h"

#include "fe-project-private.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include "fe-i18n.h"

#include "fe-csv-table.h"
#include "fe-file.h"

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
  "title", "takeaway", "question", "by", "measure", "kind", "sort", "weighted", "selected-level",
  "selected-group", "filter-columns", "starred-respondents", "starred-questions",
  "starred-texts", NULL
};
static const char * const column_keys[] = { "column", "role", "label", "levels", "fold-below",
                                             "numbers", NULL };
/* How a correction writes a column's notation (FE_NOTATION_DECIMAL_DOT, _COMMA): as numbers
 * are written in it. */
static const char * const notation_names[] = { "1,234.5", "1.234,5", NULL };

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
  if (g_key_file_has_key (keys, group, "numbers", NULL))
    {
      g_autofree char *value = g_key_file_get_string (keys, group, "numbers", NULL);
      guint notation;

      for (notation = 0; notation_names[notation] != NULL; notation++)
        if (g_strcmp0 (value, notation_names[notation]) == 0)
          break;
      if (notation_names[notation] == NULL)
        {
          g_set_error (error, FE_PROJECT_ERROR, FE_PROJECT_ERROR_INVALID,
                       _("%s, [%s] numbers: “%s” is not a way of writing numbers. Use "
                         "1,234.5 (a dot before decimals) or 1.234,5 (a comma)."),
                       file_name, group, value != NULL ? value : "");
          return FALSE;
        }
      fe_column_correction_set_notation (correction, (FeNotation) notation);
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
  /* Absent from projects saved before weighting: unweighted, as they were. */
  view->weighted = g_key_file_get_boolean (keys, group, "weighted", NULL);
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
  self->sheet = dup_string_or_null (keys, PROJECT_GROUP, "sheet");
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
  if (view->weighted)
    g_key_file_set_boolean (keys, group, "weighted", TRUE);

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
      if (correction->has_notation)
        g_key_file_set_string (keys, group, "numbers", notation_names[correction->notation]);
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
    { "sheet", self->sheet != NULL },
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
  if (self->sheet != NULL)
    g_key_file_set_string (keys, PROJECT_GROUP, "sheet", self->sheet);
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
  fe_project_set_modified (self, FALSE);
  return TRUE;
}
