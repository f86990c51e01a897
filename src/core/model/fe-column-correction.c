/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-column-correction.h"

FeColumnCorrection *
fe_column_correction_new (const char *column)
{
  FeColumnCorrection *correction;

  g_return_val_if_fail (column != NULL, NULL);

  correction = g_new0 (FeColumnCorrection, 1);
  correction->column = g_strdup (column);
  return correction;
}

GPtrArray *
fe_column_correction_copy_levels (GPtrArray *levels)
{
  GPtrArray *copy = g_ptr_array_new_full (levels->len, g_free);

  for (guint i = 0; i < levels->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (levels, i)));
  return copy;
}

FeColumnCorrection *
fe_column_correction_copy (const FeColumnCorrection *correction)
{
  FeColumnCorrection *copy;

  g_return_val_if_fail (correction != NULL, NULL);

  copy = fe_column_correction_new (correction->column);
  copy->has_role = correction->has_role;
  copy->role = correction->role;
  copy->label = g_strdup (correction->label);
  if (correction->levels != NULL)
    copy->levels = fe_column_correction_copy_levels (correction->levels);
  copy->fold_below = correction->fold_below;
  copy->has_notation = correction->has_notation;
  copy->notation = correction->notation;
  return copy;
}

void
fe_column_correction_free (FeColumnCorrection *correction)
{
  if (correction == NULL)
    return;
  g_free (correction->column);
  g_free (correction->label);
  g_clear_pointer (&correction->levels, g_ptr_array_unref);
  g_free (correction);
}

void
fe_column_correction_set_role (FeColumnCorrection *correction,
                               FeRole              role)
{
  g_return_if_fail (correction != NULL);
  g_return_if_fail (role <= FE_ROLE_NUMERIC);

  correction->has_role = TRUE;
  correction->role = role;
}

void
fe_column_correction_unset_role (FeColumnCorrection *correction)
{
  g_return_if_fail (correction != NULL);

  correction->has_role = FALSE;
  correction->role = 0;
}

void
fe_column_correction_set_notation (FeColumnCorrection *correction,
                                   FeNotation          notation)
{
  g_return_if_fail (correction != NULL);
  g_return_if_fail (notation == FE_NOTATION_DECIMAL_DOT || notation == FE_NOTATION_DECIMAL_COMMA);

  correction->has_notation = TRUE;
  correction->notation = notation;
}

void
fe_column_correction_unset_notation (FeColumnCorrection *correction)
{
  g_return_if_fail (correction != NULL);

  correction->has_notation = FALSE;
  correction->notation = 0;
}

void
fe_column_correction_set_label (FeColumnCorrection *correction,
                                const char         *label)
{
  g_return_if_fail (correction != NULL);

  g_clear_pointer (&correction->label, g_free);
  if (label != NULL && *label != '\0')
    correction->label = g_strdup (label);
}

void
fe_column_correction_set_levels (FeColumnCorrection *correction,
                                 const char * const *levels)
{
  g_return_if_fail (correction != NULL);

  g_clear_pointer (&correction->levels, g_ptr_array_unref);
  if (levels == NULL)
    return;
  correction->levels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; levels[i] != NULL; i++)
    g_ptr_array_add (correction->levels, g_strdup (levels[i]));
}

gboolean
fe_column_correction_is_empty (const FeColumnCorrection *correction)
{
  g_return_val_if_fail (correction != NULL, TRUE);
  return !correction->has_role && correction->label == NULL && correction->levels == NULL
         && correction->fold_below == 0 && !correction->has_notation;
}

static gboolean
levels_equal (GPtrArray *a,
              GPtrArray *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;
  return TRUE;
}

gboolean
fe_column_correction_equal (const FeColumnCorrection *a,
                            const FeColumnCorrection *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->column, b->column) == 0
         && a->has_role == b->has_role
         && (!a->has_role || a->role == b->role)
         && g_strcmp0 (a->label, b->label) == 0
         && levels_equal (a->levels, b->levels) && a->fold_below == b->fold_below
         && a->has_notation == b->has_notation
         && (!a->has_notation || a->notation == b->notation);
}

GPtrArray *
fe_column_corrections_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) fe_column_correction_free);
}

GPtrArray *
fe_column_corrections_copy (GPtrArray *corrections)
{
  GPtrArray *copy = fe_column_corrections_new ();

  for (guint i = 0; corrections != NULL && i < corrections->len; i++)
    g_ptr_array_add (copy, fe_column_correction_copy (g_ptr_array_index (corrections, i)));
  return copy;
}

FeColumnCorrection *
fe_column_corrections_find (GPtrArray  *corrections,
                            const char *column)
{
  g_return_val_if_fail (column != NULL, NULL);

  for (guint i = 0; corrections != NULL && i < corrections->len; i++)
    {
      FeColumnCorrection *correction = g_ptr_array_index (corrections, i);

      if (g_strcmp0 (correction->column, column) == 0)
        return correction;
    }
  return NULL;
}

FeColumnCorrection *
fe_column_corrections_ensure (GPtrArray  *corrections,
                              const char *column)
{
  FeColumnCorrection *correction;

  g_return_val_if_fail (corrections != NULL, NULL);

  correction = fe_column_corrections_find (corrections, column);
  if (correction == NULL)
    {
      correction = fe_column_correction_new (column);
      g_ptr_array_add (corrections, correction);
    }
  return correction;
}

void
fe_column_corrections_prune (GPtrArray *corrections)
{
  g_return_if_fail (corrections != NULL);

  for (guint i = corrections->len; i-- > 0;)
    if (fe_column_correction_is_empty (g_ptr_array_index (corrections, i)))
      g_ptr_array_remove_index (corrections, i);
}

gboolean
fe_column_corrections_equal (GPtrArray *a,
                             GPtrArray *b)
{
  guint n_a = a ? a->len : 0;
  guint n_b = b ? b->len : 0;

  if (n_a != n_b)
    return FALSE;
  for (guint i = 0; i < n_a; i++)
    {
      const FeColumnCorrection *mine = g_ptr_array_index (a, i);
      const FeColumnCorrection *theirs = fe_column_corrections_find (b, mine->column);

      if (theirs == NULL || !fe_column_correction_equal (mine, theirs))
        return FALSE;
    }
  return TRUE;
}
