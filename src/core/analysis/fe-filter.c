/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-filter.h"

#include <string.h>

#include "fe-study.h"

typedef struct
{
  const FeColumn *column;
  GArray         *levels;  /* guint, sorted */
} Clause;

struct _FeFilter
{
  FeStudy *study;
  GArray  *clauses;  /* Clause, in the order the columns were first filtered */
};

static void
clause_clear (gpointer data)
{
  Clause *clause = data;

  g_array_unref (clause->levels);
}

FeFilter *
fe_filter_new (FeStudy *study)
{
  FeFilter *filter = g_new0 (FeFilter, 1);

  g_return_val_if_fail (FE_IS_STUDY (study), NULL);

  filter->study = g_object_ref (study);
  filter->clauses = g_array_new (FALSE, FALSE, sizeof (Clause));
  g_array_set_clear_func (filter->clauses, clause_clear);
  return filter;
}

FeFilter *
fe_filter_copy (const FeFilter *filter)
{
  FeFilter *copy = fe_filter_new (filter->study);

  for (guint i = 0; i < filter->clauses->len; i++)
    {
      const Clause *clause = &g_array_index (filter->clauses, Clause, i);
      Clause dup = { clause->column, g_array_copy (clause->levels) };

      g_array_append_val (copy->clauses, dup);
    }
  return copy;
}

void
fe_filter_free (FeFilter *filter)
{
  if (filter == NULL)
    return;
  g_array_unref (filter->clauses);
  g_object_unref (filter->study);
  g_free (filter);
}

static int
find_clause (const FeFilter *filter,
             const FeColumn *column)
{
  for (guint i = 0; i < filter->clauses->len; i++)
    if (g_array_index (filter->clauses, Clause, i).column == column)
      return (int) i;
  return -1;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint ua = *(const guint *) a;
  guint ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

void
fe_filter_add_level (FeFilter       *filter,
                     const FeColumn *column,
                     guint           level)
{
  int at;
  Clause *clause;

  g_return_if_fail (filter != NULL && column != NULL);
  g_return_if_fail (level < fe_column_get_n_levels (column));

  if (fe_filter_has_level (filter, column, level))
    return;

  at = find_clause (filter, column);
  if (at < 0)
    {
      Clause fresh = { column, g_array_new (FALSE, FALSE, sizeof (guint)) };

      g_array_append_val (filter->clauses, fresh);
      at = (int) filter->clauses->len - 1;
    }
  clause = &g_array_index (filter->clauses, Clause, at);
  g_array_append_val (clause->levels, level);
  g_array_sort (clause->levels, compare_uint);
}

gboolean
fe_filter_set_range (FeFilter       *filter,
                     const FeColumn *column,
                     double          from,
                     double          to,
                     GError        **error)
{
  guint first, last;

  g_return_val_if_fail (column->bins != NULL, FALSE);

  if (!fe_bins_select_range (column->bins, from, to, &first, &last, error))
    return FALSE;
  fe_filter_clear_column (filter, column);
  for (guint bin = first; bin <= last; bin++)
    fe_filter_add_level (filter, column, bin);
  return TRUE;
}

void
fe_filter_remove_level (FeFilter       *filter,
                        const FeColumn *column,
                        guint           level)
{
  int at = find_clause (filter, column);
  Clause *clause;

  if (at < 0)
    return;
  clause = &g_array_index (filter->clauses, Clause, at);
  for (guint i = 0; i < clause->levels->len; i++)
    if (g_array_index (clause->levels, guint, i) == level)
      {
        g_array_remove_index (clause->levels, i);
        break;
      }
  if (clause->levels->len == 0)
    g_array_remove_index (filter->clauses, (guint) at);
}

gboolean
fe_filter_has_level (const FeFilter *filter,
                     const FeColumn *column,
                     guint           level)
{
  int at = find_clause (filter, column);
  const Clause *clause;

  if (at < 0)
    return FALSE;
  clause = &g_array_index (filter->clauses, Clause, at);
  for (guint i = 0; i < clause->levels->len; i++)
    if (g_array_index (clause->levels, guint, i) == level)
      return TRUE;
  return FALSE;
}

void
fe_filter_clear_column (FeFilter       *filter,
                        const FeColumn *column)
{
  int at = find_clause (filter, column);

  if (at >= 0)
    g_array_remove_index (filter->clauses, (guint) at);
}

void
fe_filter_clear (FeFilter *filter)
{
  g_array_set_size (filter->clauses, 0);
}

gboolean
fe_filter_is_empty (const FeFilter *filter)
{
  return filter->clauses->len == 0;
}

guint
fe_filter_get_n_columns (const FeFilter *filter)
{
  return filter->clauses->len;
}

const FeColumn *
fe_filter_get_column (const FeFilter *filter,
                      guint           index)
{
  g_return_val_if_fail (index < filter->clauses->len, NULL);
  return g_array_index (filter->clauses, Clause, index).column;
}

FeBitset *
fe_filter_compute_rows_except (const FeFilter *filter,
                               const FeColumn *except)
{
  FeBitset *rows = fe_bitset_copy (fe_study_get_universe (filter->study));
  g_autoptr(FeBitset) any_level = NULL;

  for (guint i = 0; i < filter->clauses->len; i++)
    {
      const Clause *clause = &g_array_index (filter->clauses, Clause, i);

      if (clause->column == except)
        continue;
      if (any_level == NULL)
        any_level = fe_bitset_new (fe_bitset_get_size (rows));
      fe_bitset_fill (any_level, FALSE);
      for (guint l = 0; l < clause->levels->len; l++)
        fe_bitset_or (any_level, g_ptr_array_index (clause->column->level_rows,
                                                    g_array_index (clause->levels, guint, l)));
      fe_bitset_and (rows, any_level);
    }
  return rows;
}

/* Every clause of @a but that on @except is one of @b's, with the same levels. */
static gboolean
clauses_within (const FeFilter *a,
                const FeFilter *b,
                const FeColumn *except)
{
  for (guint i = 0; i < a->clauses->len; i++)
    {
      const Clause *clause = &g_array_index (a->clauses, Clause, i);
      int at;
      const GArray *levels;

      if (clause->column == except)
        continue;
      at = find_clause (b, clause->column);
      if (at < 0)
        return FALSE;
      /* Both sorted. */
      levels = g_array_index (b->clauses, Clause, at).levels;
      if (levels->len != clause->levels->len
          || memcmp (levels->data, clause->levels->data, levels->len * sizeof (guint)) != 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
fe_filter_equal_except (const FeFilter *a,
                        const FeFilter *b,
                        const FeColumn *except)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->study == b->study && clauses_within (a, b, except) && clauses_within (b, a, except);
}

gboolean
fe_filter_equal (const FeFilter *a,
                 const FeFilter *b)
{
  return fe_filter_equal_except (a, b, NULL);
}

FeBitset *
fe_filter_compute_rows (const FeFilter *filter)
{
  return fe_filter_compute_rows_except (filter, NULL);
}

char *
fe_filter_describe (const FeFilter *filter)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < filter->clauses->len; i++)
    {
      const Clause *clause = &g_array_index (filter->clauses, Clause, i);

      g_string_append_printf (text, "%s%s = ", i ? "; " : "",
                              fe_column_get_display_label (clause->column));
      for (guint l = 0; l < clause->levels->len; l++)
        g_string_append_printf (text, "%s%s", l ? ", " : "",
                                fe_column_get_display_level (
                                  clause->column, g_array_index (clause->levels, guint, l)));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
