/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A saved view: a chart worth coming back to, and the one way from it to numbers. */
#include "config.h"

#include "fe-saved-view.h"

#include "fe-i18n.h"

#include "fe-attribution.h"
#include "fe-project.h"

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
  copy->weighted = view->weighted;
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

FeQuery *
fe_saved_view_to_query (const FeSavedView *view,
                        FeStudy           *study,
                        int               *level,
                        int               *group,
                        GError           **error)
{
  const char *title;
  g_autoptr(FeFilter) resolved = NULL;
  FeColumn *question = NULL, *by = NULL;

  g_return_val_if_fail (view != NULL && FE_IS_STUDY (study), NULL);

  title = view->title ? view->title : view->question;
  *level = *group = -1;
  if (view->question == NULL || !view_column (study, view->question, title, &question, error))
    return NULL;
  if (view->by != NULL && !view_column (study, view->by, title, &by, error))
    return NULL;
  /* Unweighted figures under a view saved weighted would be other numbers than the ones it was
   * saved for, with nothing to tell them apart. */
  if (view->weighted && fe_study_get_weights (study) == NULL)
    {
      g_set_error (error, FE_PROJECT_ERROR, FE_PROJECT_ERROR_CHANGED,
                   _("The view “%s” shows weighted percentages, but the survey results no "
                     "longer declare a case weight."), title);
      return NULL;
    }

  resolved = fe_filter_new (study);
  for (guint i = 0; i < view->filters->len; i++)
    {
      const FeViewFilter *clause = g_ptr_array_index (view->filters, i);
      FeColumn *column;

      if (!view_column (study, clause->column, title, &column, error))
        return NULL;
      for (guint l = 0; clause->levels[l] != NULL; l++)
        {
          int found;

          if (!view_level (column, clause->levels[l], title, &found, error))
            return NULL;
          fe_filter_add_level (resolved, column, (guint) found);
        }
    }

  if (!view_level (question, view->selected_level, title, level, error)
      || (by != NULL && !view_level (by, view->selected_group, title, group, error)))
    return NULL;
  return fe_query_new_weighted (study, resolved, question,
                                fe_query_split_in_effect (question, by), view->weighted);
}

GHashTable *
fe_project_count_starred_naming (FeProject *project,
                                 FeStudy   *study,
                                 guint      k)
{
  GHashTable *least = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint v = 0; v < fe_project_get_n_views (project); v++)
    {
      const FeSavedView *view = fe_project_get_view (project, v);
      g_autoptr(FeQuery) query = NULL;
      g_autoptr(FeBitset) listed = NULL;
      g_autoptr(FeAttributionRule) rule = NULL;
      int level, group;

      if (view->starred->len == 0)
        continue;
      query = fe_saved_view_to_query (view, study, &level, &group, NULL);
      /* A view the data no longer support, or the query-set rule refuses, shows no quote. */
      if (query == NULL || !fe_query_check_query_set (query, k, NULL))
        continue;
      listed = fe_query_dup_quoted_rows (query, level, group);
      rule = fe_attribution_rule_new (study, listed, k);
      for (guint i = 0; i < view->starred->len; i++)
        {
          const FeStarredQuote *star = g_ptr_array_index (view->starred, i);
          int row = star->respondent != NULL ? fe_study_find_respondent (study, star->respondent)
                                             : -1;

          if (row >= 0)
            fe_attribution_naming_keep_least (least, (guint) row,
                                              fe_attribution_rule_count (rule, (guint) row));
        }
    }
  return least;
}
