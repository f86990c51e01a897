/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "fe-project-audit.h"

#include "fe-i18n.h"

#include "fe-brief.h"
#include "fe-chart-layout-private.h"
#include "fe-disclosure-audit.h"
#include "fe-filter.h"
#include "fe-query-set.h"
#include "fe-tally-fold.h"

static const char *
view_name (const FeSavedView *view)
{
  return view->title != NULL && *view->title != '\0' ? view->title : view->question;
}

static char *
describe_item (const FeAuditTally *table,
               guint               item)
{
  const FeTally *tally = table->tally;
  guint n_rows = 1 + tally->n_groups;
  guint row;
  const char *what;

  if (item < n_rows * tally->n_levels)
    {
      row = item / tally->n_levels;
      what = fe_column_get_display_level (tally->question, item % tally->n_levels);
    }
  else if (item < n_rows * (tally->n_levels + 1))
    {
      row = item - n_rows * tally->n_levels;
      /* Translators: the number of respondents of a row, in an audit finding */
      what = _("respondents");
    }
  else
    {
      row = item - n_rows * (tally->n_levels + 1);
      /* Translators: the number who answered, of a row, in an audit finding */
      what = _("answered");
    }
  return g_strdup_printf ("%s, %s", what,
                          row == 0 ? _("All respondents")
                          : fe_chart_group_name (tally, row - 1));
}

/* Each printed number of the view's chart as the pack draws it: the chart's own states
 * (fe_chart_data_init() with the pack's spec), judged as the chart judged them, so that the
 * audit and the drawing cannot disagree. @tally unsplit: the question's whole row, as the
 * pack's bar chart and summary print it whatever the view's kind. */
static void
audit_chart (GPtrArray         *findings,
             const FeSavedView *view,
             const FeTally     *tally,
             guint              k,
             gboolean           fold_small_groups)
{
  FeChartSpec spec;
  FeChartData data;
  FeAuditTally table;
  g_autoptr(FeAudit) audit = NULL;
  guint n_items;

  fe_chart_spec_init_for_view (&spec, view, k, fold_small_groups);
  if (tally->by == NULL)
    spec.kind = FE_CHART_KIND_BAR;
  fe_chart_data_init (&data, &spec, tally);
  fe_chart_data_get_audit_table (&data, &table);
  audit = fe_audit_new_for_tally (&table);
  fe_audit_solve (audit);
  /* The rows' items; the respondents in no group come after and are described by none. */
  n_items = (1 + table.tally->n_groups) * (table.tally->n_levels + 2);
  for (guint i = 0; i < n_items; i++)
    if (fe_audit_is_revealed (audit, i))
      {
        g_autofree char *what = describe_item (&table, i);
        guint lo, hi;

        fe_audit_get_interval (audit, i, &lo, &hi);
        /* Translators: an audit finding: view, cell, and the interval a reader can narrow a
         * held-back number to */
        g_ptr_array_add (findings, g_strdup_printf (_("%s: %s can be worked out to lie "
                                                      "between %u and %u."),
                                                    view_name (view), what, lo, hi));
      }
  fe_chart_data_clear (&data);
}

/* A group of respondents alike in which views hold them: the views' numbers can only ever be
 * added and subtracted group by group. */
typedef struct
{
  GArray *in;       /* gboolean per set: whether its respondents are in it */
  guint   size;
  guint   example;  /* one of its rows */
} Atom;

static void
atom_clear (gpointer data)
{
  g_array_unref (((Atom *) data)->in);
}

/* The groups of @sets' respondents (the first set holds them all). */
static GArray *
find_atoms (GPtrArray *sets)
{
  GArray *atoms = g_array_new (FALSE, FALSE, sizeof (Atom));
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) key = g_string_new (NULL);

  g_array_set_clear_func (atoms, atom_clear);
  FE_BITSET_FOREACH (g_ptr_array_index (sets, 0), row)
    {
      gpointer found;

      g_string_truncate (key, 0);
      for (guint s = 0; s < sets->len; s++)
        g_string_append_c (key, fe_bitset_get (g_ptr_array_index (sets, s), row) ? '1' : '0');
      if (g_hash_table_lookup_extended (index, key->str, NULL, &found))
        g_array_index (atoms, Atom, GPOINTER_TO_UINT (found)).size++;
      else
        {
          Atom atom = { g_array_sized_new (FALSE, FALSE, sizeof (gboolean), sets->len), 1, row };

          for (guint s = 0; s < sets->len; s++)
            {
              gboolean in = key->str[s] == '1';

              g_array_append_val (atom.in, in);
            }
          g_hash_table_insert (index, g_strdup (key->str), GUINT_TO_POINTER (atoms->len));
          g_array_append_val (atoms, atom);
        }
    }
  return atoms;
}

static void
describe_atom (const Atom *atom,
               GPtrArray  *names,
               GString    *in,
               GString    *out)
{
  for (guint s = 0; s < atom->in->len; s++)
    {
      GString *list = g_array_index (atom->in, gboolean, s) ? in : out;

      g_string_append_printf (list, "%s“%s”", list->len > 0 ? ", " : "",
                              (const char *) g_ptr_array_index (names, s));
    }
}

/* Whether the groups @row holds are, all of them and only them, one of the sets. */
static gboolean
is_a_set (GArray       *atoms,
          GArray       *order,
          const double *row,
          guint         n_sets)
{
  for (guint s = 0; s < n_sets; s++)
    {
      gboolean same = TRUE;

      for (guint c = 0; c < atoms->len && same; c++)
        same = (fabs (row[c]) > 1e-9)
               == g_array_index (g_array_index (atoms, Atom, g_array_index (order, guint, c)).in,
                                 gboolean, s);
      if (same)
        return TRUE;
    }
  return FALSE;
}

/* Sets a reader may add and subtract, several at a time: all respondents less a view per
 * force leaves the forces no view shows, however many views split them further. A
 * combination of the sets' numbers that holds only groups of fewer than k respondents gives
 * those people's answers away, unless two sets a few apart (@flagged) have said so already.
 * Such combinations are those of the set-by-group matrix with nothing in its groups of k or
 * more: eliminating those groups' columns first leaves them as the rows whose first number is
 * in a small group. */
static void
audit_combinations (GPtrArray      *findings,
                    GPtrArray      *sets,
                    GPtrArray      *names,
                    const FeBitset *flagged,
                    guint           k)
{
  g_autoptr(GArray) atoms = find_atoms (sets);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(FeBitset) used = NULL;  /* groups an earlier row holds */
  guint n = atoms->len, n_large = 0;

  for (int small = 0; small <= 1; small++)
    for (guint a = 0; a < n; a++)
      if ((g_array_index (atoms, Atom, a).size < k) == small)
        {
          g_array_append_val (order, a);
          n_large += !small;
        }
  /* Row echelon form, the groups of k or more first. */
  for (guint s = 0; s < sets->len; s++)
    {
      double *row = g_new0 (double, n);

      for (guint c = 0; c < n; c++)
        row[c] = g_array_index (g_array_index (atoms, Atom, g_array_index (order, guint, c)).in,
                                gboolean, s) ? 1 : 0;
      g_ptr_array_add (rows, row);
    }
  for (guint pivot_row = 0, c = 0; c < n && pivot_row < rows->len; c++)
    {
      guint best = pivot_row;

      for (guint r = pivot_row + 1; r < rows->len; r++)
        if (fabs (((double *) g_ptr_array_index (rows, r))[c])
            > fabs (((double *) g_ptr_array_index (rows, best))[c]))
          best = r;
      if (fabs (((double *) g_ptr_array_index (rows, best))[c]) < 1e-9)
        continue;
      {
        gpointer swap = rows->pdata[pivot_row];

        rows->pdata[pivot_row] = rows->pdata[best];
        rows->pdata[best] = swap;
      }
      for (guint r = 0; r < rows->len; r++)
        {
          double *pivot = g_ptr_array_index (rows, pivot_row), *other;
          double factor;

          if (r == pivot_row)
            continue;
          other = g_ptr_array_index (rows, r);
          factor = other[c] / pivot[c];
          if (fabs (factor) < 1e-12)
            continue;
          for (guint j = c; j < n; j++)
            other[j] -= factor * pivot[j];
        }
      pivot_row++;
    }

  /* What the views' numbers tell of the small groups is the span of the rows left with
   * nothing in a large one. It is safe only when that span is sums of whole blocks of groups,
   * each block k respondents or more (or a set itself): its reduced rows, scaled to lead with
   * 1, are then 0 or 1 and apart from each other, whatever the order of the groups. Anything
   * else (a difference, a group counted twice, two rows sharing a group) narrows some group
   * below k, counts being never negative. */
  used = fe_bitset_new (n);
  for (guint r = 0; r < rows->len; r++)
    {
      double *row = g_ptr_array_index (rows, r);
      g_autoptr(GString) in = g_string_new (NULL);
      g_autoptr(GString) out = g_string_new (NULL);
      const Atom *first = NULL;
      guint total = 0, n_groups = 0;
      gboolean any_large = FALSE, all_known = TRUE, blocks = TRUE;
      double lead = 0;

      for (guint c = 0; c < n_large; c++)
        any_large |= fabs (row[c]) > 1e-9;
      if (any_large)
        continue;
      for (guint c = n_large; c < n; c++)
        if (fabs (row[c]) > 1e-9)
          {
            const Atom *atom = &g_array_index (atoms, Atom, g_array_index (order, guint, c));

            lead = lead != 0 ? lead : row[c];
            all_known &= fe_bitset_get (flagged, atom->example);
            blocks &= fabs (row[c] / lead - 1) < 1e-9 && !fe_bitset_get (used, c);
            fe_bitset_set (used, c);
            first = first != NULL ? first : atom;
            total += atom->size;
            n_groups++;
          }
      if (first == NULL || all_known
          || (blocks && (total >= k || is_a_set (atoms, order, row, sets->len))))
        continue;
      describe_atom (first, names, in, out);
      if (n_groups == 1 && out->len == 0)
        g_ptr_array_add (findings,
                         g_strdup_printf (ngettext ("%u respondent is in every one of %s, fewer "
                                                    "than %u: adding and subtracting those "
                                                    "views' numbers gives that respondent's "
                                                    "answers away.",
                                                    "%u respondents are in every one of %s, "
                                                    "fewer than %u: adding and subtracting those "
                                                    "views' numbers gives those respondents' "
                                                    "answers away.", total),
                                          total, in->str, k));
      else if (n_groups == 1)
        g_ptr_array_add (findings,
                         g_strdup_printf (ngettext ("%u respondent is in %s but in none of %s, "
                                                    "fewer than %u: adding and subtracting those "
                                                    "views' numbers gives that respondent's "
                                                    "answers away.",
                                                    "%u respondents are in %s but in none of %s, "
                                                    "fewer than %u: adding and subtracting those "
                                                    "views' numbers gives those respondents' "
                                                    "answers away.", total),
                                          total, in->str, out->str, k));
      else if (out->len == 0)
        g_ptr_array_add (findings,
                         g_strdup_printf (_("Adding and subtracting the views' numbers sets "
                                            "apart %u respondents in %u groups of fewer than "
                                            "%u (the first: those in every one of %s), and "
                                            "gives their answers away."),
                                          total, n_groups, k, in->str));
      else
        g_ptr_array_add (findings,
                         g_strdup_printf (_("Adding and subtracting the views' numbers sets "
                                            "apart %u respondents in %u groups of fewer than "
                                            "%u (the first: those in %s but in none of %s), "
                                            "and gives their answers away."),
                                          total, n_groups, k, in->str, out->str));
    }
}

/* A row of numbers the pack prints of one question for one set of respondents: a view's chart
 * unsplit (printed beside a split one too), or one group of a split chart. */
typedef struct
{
  const FeColumn   *question;
  char             *name;
  FeBitset         *rows;
  guint             n_levels;
  guint            *counts;     /* per level, then those who answered, then the respondents */
  FeCellDisclosure *states;     /* likewise, as the pack prints them */
  gboolean          levels_printed; /* FALSE: only the two totals are (a split chart's whole) */
} PrintedRow;

static void
printed_row_clear (gpointer data)
{
  PrintedRow *row = data;

  g_free (row->name);
  fe_bitset_free (row->rows);
  g_free (row->counts);
  g_free (row->states);
}

/* Row @group (-1: the whole) of @data's chart of @tally, for @rows. A row of the same
 * respondents printed twice (a split's group and a view filtered to it) is one the reader
 * knows as the more telling of the two says it. */
static void
add_printed_row (GArray            *printed,
                 const FeChartData *data,
                 int                group,
                 FeBitset          *rows,
                 char              *name,
                 gboolean           levels_printed)
{
  const FeTally *tally = data->tally;
  const guint *counts = group < 0 ? tally->counts : tally->groups[group].counts;
  PrintedRow row = { tally->question, name, rows, tally->n_levels,
                     g_new (guint, tally->n_levels + 2),
                     g_new (FeCellDisclosure, tally->n_levels + 2), levels_printed };

  for (guint l = 0; l < tally->n_levels; l++)
    {
      row.counts[l] = counts[l];
      row.states[l] = fe_chart_data_get_cell (data, group, l);
    }
  row.counts[tally->n_levels] = group < 0 ? tally->answered : tally->groups[group].answered;
  row.states[tally->n_levels] = fe_chart_data_get_answered (data, group);
  row.counts[tally->n_levels + 1] = group < 0 ? tally->base : tally->groups[group].base;
  row.states[tally->n_levels + 1] = fe_chart_data_get_base (data, group);
  for (guint i = 0; i < printed->len; i++)
    {
      PrintedRow *same = &g_array_index (printed, PrintedRow, i);

      if (same->question != row.question || fe_bitset_count (same->rows) != fe_bitset_count (rows)
          || fe_bitset_count_and (same->rows, rows) != fe_bitset_count (rows))
        continue;
      for (guint item = 0; item < row.n_levels + 2; item++)
        if (row.states[item] == FE_CELL_SHOWN && (row.levels_printed || item >= row.n_levels))
          same->states[item] = FE_CELL_SHOWN;
      same->levels_printed |= row.levels_printed;
      printed_row_clear (&row);
      return;
    }
  g_array_append_val (printed, row);
}

/* The rows the pack prints of @view's question: its unsplit chart, and each group of its split
 * chart ("Other" as the groups folded into it), as the pack draws them. */
static void
collect_printed_rows (GArray            *printed,
                      const FeSavedView *view,
                      FeQuery           *query,
                      guint              k,
                      gboolean           fold_small_groups)
{
  FeColumn *question = fe_query_get_question (query);
  FeColumn *split = fe_query_get_split (query);
  const FeBitset *rows = fe_query_get_rows (query);
  g_autoptr(FeTally) whole = fe_tally_compute (question, rows, NULL);
  FeChartSpec spec;
  FeChartData data;

  if (split == NULL || !fe_role_is_single_valued (split->role))
    {
      fe_chart_spec_init_for_view (&spec, view, k, fold_small_groups);
      spec.kind = FE_CHART_KIND_BAR;
      fe_chart_data_init (&data, &spec, whole);
      add_printed_row (printed, &data, -1, fe_bitset_copy (rows), g_strdup (view_name (view)),
                       TRUE);
      fe_chart_data_clear (&data);
      return;
    }

  /* A split chart prints its whole row's numbers only in a 100% bar of unfolded groups; its
   * totals always. */
  fe_chart_spec_init_for_view (&spec, view, k, fold_small_groups);
  fe_chart_data_init (&data, &spec, fe_query_get_tally (query));
  add_printed_row (printed, &data, -1, fe_bitset_copy (rows), g_strdup (view_name (view)),
                   data.whole_row);
  if (data.tally->by != NULL && data.kind != FE_CHART_KIND_BAR)
    {
      const FeTally *original = fe_query_get_tally (query);
      g_autofree gboolean *in_other = g_new0 (gboolean, MAX (original->n_groups, 1));

      fe_tally_fold_plan (original, k, in_other);
      for (guint g = 0; g < data.tally->n_groups; g++)
        {
          FeBitset *members = fe_bitset_new (fe_bitset_get_size (rows));

          if (fe_tally_group_is_other (data.tally, g))
            {
              for (guint o = 0; o < original->n_groups; o++)
                if (in_other[o])
                  fe_bitset_or (members, g_ptr_array_index (split->level_rows,
                                                            original->groups[o].group));
            }
          else
            fe_bitset_or (members, g_ptr_array_index (split->level_rows,
                                                      data.tally->groups[g].group));
          fe_bitset_and (members, rows);
          add_printed_row (printed, &data, (int) g, members,
                           g_strdup_printf ("“%s”, %s", view_name (view),
                                            fe_chart_group_name (data.tally, g)),
                           TRUE);
        }
    }
  fe_chart_data_clear (&data);
}

/* @row's numbers in @audit as the reader knows them, with the sums they obey; the first item. */
static guint
add_row_items (FeAudit          *audit,
               const PrintedRow *row)
{
  gboolean single = fe_role_is_single_valued (row->question->role);
  guint first = fe_audit_get_n_items (audit);
  guint n = row->n_levels;

  /* In a row of fewer than k respondents every number prints as "< k", none known to be
   * more than 0. */
  gboolean small_row = row->states[n + 1] == FE_CELL_SMALL;

  for (guint i = 0; i < n + 2; i++)
    fe_audit_add (audit, row->counts[i], row->states[i], i >= n || row->levels_printed, FALSE,
                  row->counts[i] > 0 && !(small_row && i <= n) ? 1 : 0,
                  i < n ? FE_AUDIT_CELL : i == n ? FE_AUDIT_ANSWERED : FE_AUDIT_BASE);
  if (single)
    {
      g_autofree guint *parts = g_new (guint, MAX (n, 1));

      for (guint l = 0; l < n; l++)
        parts[l] = first + l;
      fe_audit_add_sum (audit, first + n, parts, n);
    }
  else
    for (guint l = 0; l < n; l++)
      fe_audit_add_at_most (audit, first + l, first + n);
  fe_audit_add_at_most (audit, first + n, first + n + 1);
  return first;
}

/* Whether the attack narrows @item too far, and to what. */
static gboolean
narrowed (const FeAudit *audit,
          guint          item,
          guint         *lo,
          guint         *hi)
{
  if (item == G_MAXUINT || !fe_audit_is_revealed (audit, item))
    return FALSE;
  fe_audit_get_interval (audit, item, lo, hi);
  return TRUE;
}

/* @outer less the @inner rows (within it, apart from each other) are the respondents in it but
 * in none of them: the interval attack on the printed rows, each of @outer's numbers the sum of
 * the others' and theirs, says what of them a reader can tell. Findings name what it narrows
 * too far: fewer than k respondents, or a number of them under k. */
static void
audit_difference (GPtrArray        *findings,
                  const PrintedRow *outer,
                  GPtrArray        *inner,
                  guint             k)
{
  g_autoptr(FeAudit) audit = fe_audit_new (k);
  g_autoptr(FeBitset) only = fe_bitset_copy (outer->rows);
  g_autoptr(FeTally) difference = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree guint *firsts = g_new (guint, inner->len);
  g_autofree guint *parts = g_new (guint, inner->len + 1);
  guint n = outer->n_levels, outer_first, n_only, lo, hi;
  g_autofree guint *items = g_new (guint, n + 2);
  g_autofree guint *not_given = g_new (guint, n);
  g_autofree guint *but_not = g_new (guint, n);
  gboolean single = fe_role_is_single_valued (outer->question->role);

  for (guint i = 0; i < inner->len; i++)
    {
      const PrintedRow *row = g_ptr_array_index (inner, i);

      fe_bitset_and_not (only, row->rows);
      g_string_append_printf (names, "%s%s", i > 0 ? _(" and ") : "", row->name);
    }
  n_only = fe_bitset_count (only);
  difference = fe_tally_compute (outer->question, only, NULL);
  outer_first = add_row_items (audit, outer);
  for (guint i = 0; i < inner->len; i++)
    firsts[i] = add_row_items (audit, g_ptr_array_index (inner, i));
  for (guint i = 0; i < n + 2; i++)
    {
      guint value = i < n ? difference->counts[i] : i == n ? difference->answered : n_only;

      items[i] = fe_audit_add (audit, value, FE_CELL_SMALL, FALSE, value > 0 && value < k,
                               value > 0 ? 1 : 0, FE_AUDIT_CELL);
      for (guint r = 0; r < inner->len; r++)
        parts[r] = firsts[r] + i;
      parts[inner->len] = items[i];
      fe_audit_add_sum (audit, outer_first + i, parts, inner->len + 1);
    }
  fe_audit_add_at_most (audit, items[n], items[n + 1]);
  for (guint l = 0; l < n; l++)
    {
      int parent = fe_column_get_level_parent (outer->question, l);

      fe_audit_add_at_most (audit, items[l], items[n]);
      /* Of several answers each, those of them who answered but did not give one ("2 did not
       * pick Drugs"), and of a theme under another, those who raised the parent but not it,
       * are numbers too. */
      not_given[l] = single ? G_MAXUINT
                     : fe_audit_add_difference (audit, items[n], items[l],
                                                difference->answered
                                                - MIN (difference->answered,
                                                       difference->counts[l]), TRUE);
      but_not[l] = parent < 0 ? G_MAXUINT
                   : fe_audit_add_difference (audit, items[parent], items[l],
                                              difference->counts[parent]
                                              - MIN (difference->counts[parent],
                                                     difference->counts[l]), TRUE);
    }
  fe_audit_solve (audit);

  for (guint l = 0; l < n; l++)
    if (narrowed (audit, but_not[l], &lo, &hi))
      {
        g_ptr_array_add (findings,
                         g_strdup_printf (_("%s less %s leaves %u respondents: set side by side, "
                                            "the numbers printed narrow those of them who raised "
                                            "“%s” but not “%s” to between %u and %u, fewer than "
                                            "%u."),
                                          outer->name, names->str, n_only,
                                          fe_column_get_display_level (
                                            outer->question,
                                            (guint) fe_column_get_level_parent (outer->question,
                                                                                l)),
                                          fe_column_get_display_level (outer->question, l), lo,
                                          hi, k));
        return;
      }
  for (guint l = 0; l < n; l++)
    if (narrowed (audit, not_given[l], &lo, &hi))
      {
        g_ptr_array_add (findings,
                         g_strdup_printf (_("%s less %s leaves %u respondents: set side by side, "
                                            "the numbers printed narrow those of them who "
                                            "answered but did not give “%s” to between %u and "
                                            "%u, fewer than %u."),
                                          outer->name, names->str, n_only,
                                          fe_column_get_display_level (outer->question, l), lo,
                                          hi, k));
        return;
      }
  for (guint i = 0; i < n + 2; i++)
    if (narrowed (audit, items[i], &lo, &hi))
      {
        if (i < n)
          g_ptr_array_add (findings,
                           g_strdup_printf (_("%s less %s leaves %u respondents: set side by "
                                              "side, the numbers printed narrow those of them "
                                              "counted in “%s” to between %u and %u, fewer than "
                                              "%u."),
                                            outer->name, names->str, n_only,
                                            fe_column_get_display_level (outer->question, i), lo,
                                            hi, k));
        else if (i == n)
          g_ptr_array_add (findings,
                           g_strdup_printf (_("%s less %s leaves %u respondents: set side by "
                                              "side, the numbers printed narrow how many of them "
                                              "answered to between %u and %u, fewer than %u."),
                                            outer->name, names->str, n_only, lo, hi, k));
        else
          g_ptr_array_add (findings,
                           g_strdup_printf (_("%s less %s leaves between %u and %u respondents, "
                                              "fewer than %u: set side by side, the numbers "
                                              "printed give their answers away."),
                                            outer->name, names->str, lo, hi, k));
        return;
      }
}

/* Rows of one question printed for respondents within another's are a third row, of those in
 * the one only: South Wales's chart less Gwent's within everyone's is the other forces'. Each
 * row within a larger one is taken alone, and so are the rows within it that share nobody,
 * together, starting from each of them (everyone less North and South is East, whatever other
 * rows lie within everyone). */
static void
audit_nested (GPtrArray *findings,
              GArray    *printed,
              guint      k)
{
  for (guint o = 0; o < printed->len; o++)
    {
      const PrintedRow *outer = &g_array_index (printed, PrintedRow, o);
      g_autoptr(GPtrArray) within = g_ptr_array_new ();
      g_autoptr(GHashTable) tried = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);
      guint n_outer = fe_bitset_count (outer->rows);

      for (guint i = 0; i < printed->len; i++)
        {
          PrintedRow *inner = &g_array_index (printed, PrintedRow, i);
          guint n_inner;
          g_autoptr(GPtrArray) alone = NULL;

          if (i == o || inner->question != outer->question)
            continue;
          n_inner = fe_bitset_count (inner->rows);
          if (n_inner == 0 || n_inner == n_outer
              || fe_bitset_count_and (inner->rows, outer->rows) != n_inner)
            continue;
          g_ptr_array_add (within, inner);
          alone = g_ptr_array_new ();
          g_ptr_array_add (alone, inner);
          audit_difference (findings, outer, alone, k);
        }
      for (guint seed = 0; seed < within->len; seed++)
        {
          g_autoptr(GPtrArray) apart = g_ptr_array_new ();
          g_autoptr(FeBitset) taken = fe_bitset_copy (((PrintedRow *) within->pdata[seed])->rows);
          g_autoptr(GString) members = g_string_new (NULL);

          g_ptr_array_add (apart, within->pdata[seed]);
          for (guint i = 0; i < within->len; i++)
            {
              gboolean in = i == seed;

              if (!in && fe_bitset_count_and (((PrintedRow *) within->pdata[i])->rows,
                                              taken) == 0)
                {
                  g_ptr_array_add (apart, within->pdata[i]);
                  fe_bitset_or (taken, ((PrintedRow *) within->pdata[i])->rows);
                  in = TRUE;
                }
              g_string_append_c (members, in ? '1' : '0');
            }
          if (apart->len < 2 || g_hash_table_contains (tried, members->str))
            continue;
          g_hash_table_add (tried, g_strdup (members->str));
          audit_difference (findings, outer, apart, k);
        }
    }
}

GPtrArray *
fe_project_audit (FeProject  *project,
                  FeStudy    *study,
                  guint       k,
                  gboolean    fold_small_groups,
                  GPtrArray **left_out)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) fe_bitset_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) printed = g_array_new (FALSE, FALSE, sizeof (PrintedRow));
  g_autoptr(FeBitset) flagged = NULL;

  g_return_val_if_fail (FE_IS_PROJECT (project) && study != NULL, findings);
  if (left_out != NULL)
    *left_out = g_ptr_array_new_with_free_func (g_free);
  if (k == 0)
    return findings;
  g_array_set_clear_func (printed, printed_row_clear);
  g_ptr_array_add (sets, fe_bitset_copy (fe_study_get_universe (study)));
  g_ptr_array_add (names, (gpointer) _("All respondents"));
  for (guint v = 0; v < fe_project_get_n_views (project); v++)
    {
      const FeSavedView *view = fe_project_get_view (project, v);
      g_autoptr(FeQuery) query = NULL;
      int level, group;

      /* A view the data no longer support draws nothing, so it reveals nothing. */
      query = fe_saved_view_to_query (view, study, &level, &group, NULL);
      if (query == NULL || fe_column_get_n_levels (fe_query_get_question (query)) == 0)
        continue;
      /* A view the query-set rule refuses is left out of every output, pack included: it
       * shows nothing to attack, and is no set to compare. */
      {
        g_autoptr(GError) refusal = NULL;

        if (!fe_query_check_query_set (query, k, &refusal))
          {
            if (left_out != NULL)
              /* Translators: a view the audit leaves out, and why */
              g_ptr_array_add (*left_out, g_strdup_printf (_("%s: left out. %s"),
                                                           view_name (view),
                                                           refusal->message));
            continue;
          }
      }
      if (fe_query_get_split (query) == NULL)
        audit_chart (findings, view, fe_query_get_tally (query), k, fold_small_groups);
      else
        {
          /* The unsplit chart of the same respondents is audited beside the split one. */
          g_autoptr(FeTally) whole = fe_tally_compute (fe_query_get_question (query),
                                                       fe_query_get_rows (query), NULL);

          audit_chart (findings, view, whole, k, fold_small_groups);
          audit_chart (findings, view, fe_query_get_tally (query), k, fold_small_groups);
        }
      collect_printed_rows (printed, view, query, k, fold_small_groups);
      g_ptr_array_add (sets, fe_bitset_copy (fe_query_get_rows (query)));
      g_ptr_array_add (names, (gpointer) view_name (view));
    }

  /* Two sets of respondents a few apart: subtracting one's counts from the other's gives those
   * few people's answers, whatever each table holds back. */
  flagged = fe_bitset_new (fe_bitset_get_size (g_ptr_array_index (sets, 0)));
  for (guint a = 0; a < sets->len; a++)
    for (guint b = a + 1; b < sets->len; b++)
      {
        g_autoptr(FeBitset) only_a = fe_bitset_copy (g_ptr_array_index (sets, a));
        g_autoptr(FeBitset) only_b = fe_bitset_copy (g_ptr_array_index (sets, b));
        guint difference;

        fe_bitset_and_not (only_a, g_ptr_array_index (sets, b));
        fe_bitset_and_not (only_b, g_ptr_array_index (sets, a));
        difference = fe_bitset_count (only_a) + fe_bitset_count (only_b);
        if (difference == 0 || difference >= k)
          continue;
        fe_bitset_or (flagged, only_a);
        fe_bitset_or (flagged, only_b);
        g_ptr_array_add (findings,
                         g_strdup_printf (ngettext ("%s and %s differ by %u respondent, fewer "
                                                    "than %u: comparing them gives that "
                                                    "respondent's answers away.",
                                                    "%s and %s differ by %u respondents, fewer "
                                                    "than %u: comparing them gives those "
                                                    "respondents' answers away.", difference),
                                          (const char *) g_ptr_array_index (names, a),
                                          (const char *) g_ptr_array_index (names, b),
                                          difference, k));
      }
  audit_combinations (findings, sets, names, flagged, k);
  audit_nested (findings, printed, k);
  return findings;
}
