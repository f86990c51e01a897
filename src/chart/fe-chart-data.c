/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a spec makes of a tally before anything is placed: small groups folded into "Other",
 * the kind, and which numbers disclosure control lets through. */
#include "config.h"

#include "fe-i18n.h"

#include "fe-chart-layout-private.h"
#include "fe-cooccurrence.h"
#include "fe-disclosure-audit.h"
#include "fe-tally-fold.h"

static gboolean
kind_is_stacked (FeChartKind kind)
{
  return kind == FE_CHART_KIND_STACKED || kind == FE_CHART_KIND_DIVERGING;
}

/* The names of the groups folded into "Other", in the split's order. */
static char *
join_folded_groups (const FeTally *tally,
                    guint          k)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree gboolean *in_other = g_new0 (gboolean, MAX (tally->n_groups, 1));

  fe_tally_fold_plan (tally, k, in_other);
  for (guint g = 0; g < tally->n_groups; g++)
    {
      if (!in_other[g])
        continue;
      if (names->len > 0)
        /* Translators: between the names of groups in a list */
        g_string_append (names, C_("list", ", "));
      g_string_append (names, fe_column_get_display_level (tally->by, tally->groups[g].group));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Small groups merged into "Other", with the next smallest until it reaches k (see
 * fe_tally_fold_small_groups()). "Other" is smaller than k only when every group together is:
 * in a 100% bar chart, whose "All respondents" row would then be that "Other" again, the
 * groups stay apart and each is a row of words; elsewhere it is not drawn at all. */
static void
fold (FeChartData       *data,
      const FeChartSpec *spec,
      const FeTally     *tally)
{
  g_autoptr(FeTally) folded = fe_tally_fold_small_groups (tally, spec->min_cell);
  guint other;

  if (folded == NULL)
    return;
  other = folded->n_groups - 1;
  if (folded->groups[other].base < spec->min_cell)
    {
      if (kind_is_stacked (fe_chart_kind_resolve (spec->kind, folded)))
        return;
      data->dropped = (int) other;
    }
  data->other_names = join_folded_groups (tally, spec->min_cell);
  data->folded = g_steal_pointer (&folded);
  data->tally = data->folded;
}

static guint
n_rows (const FeChartData *data)
{
  return 1 + data->tally->n_groups;
}

static FeCellDisclosure *
cell_at (const FeChartData *data,
         int                row,
         guint              level)
{
  return &data->cells[(guint) (row + 1) * MAX (data->tally->n_levels, 1) + level];
}

/* Copies the decisions of @disclosure about its row @from into row @to. */
static void
copy_row (FeChartData        *data,
          const FeDisclosure *disclosure,
          int                 from,
          int                 to)
{
  for (guint l = 0; l < data->tally->n_levels; l++)
    *cell_at (data, to, l) = fe_disclosure_get_cell (disclosure, from, l);
  data->bases[to + 1] = fe_disclosure_get_base (disclosure, from);
  data->answered[to + 1] = fe_disclosure_get_answered (disclosure, from);
}

/* One row of the tally alone: the whole, or group @group. FeDisclosure keeps no pointer. */
static FeDisclosure *
disclose_row (const FeTally *tally,
              int            group,
              guint          k)
{
  FeTally row = *tally;

  row.by = NULL;
  row.n_groups = 0;
  row.groups = NULL;
  if (group >= 0)
    {
      row.base = tally->groups[group].base;
      row.answered = tally->groups[group].answered;
      row.counts = tally->groups[group].counts;
    }
  return fe_disclosure_new (&row, k);
}

/* The starting point: fe_disclosure_new() on each row alone. The whole row is decided as the
 * unsplit view of the question decides it, for that view prints it (the pack's bar chart,
 * summary), split or not: groups the chart shows must not make it hide more there, and a
 * split chart's groups are then protected against it (protect(), audit()). */
static void
disclose (FeChartData *data)
{
  const FeTally *tally = data->tally;
  g_autoptr(FeDisclosure) whole = disclose_row (tally, -1, data->k);

  copy_row (data, whole, -1, -1);
  if (tally->by == NULL || data->kind == FE_CHART_KIND_BAR)
    return;
  for (guint g = 0; g < tally->n_groups; g++)
    {
      g_autoptr(FeDisclosure) row = disclose_row (tally, (int) g, data->k);

      copy_row (data, row, -1, (int) g);
    }
  fe_disclosure_mask_small_levels (tally, data->k, data->cells);
}

/* A line of numbers that add up to a total. With the total printed and exactly one of them
 * held back, that one is the total less the others: the smallest other one is held back too,
 * or else the total — unless the total is known (@total_known: printed by the unsplit view),
 * when a printed zero is held back instead. With the total held back and all of them printed,
 * it is their sum: the smallest of them is held back. */
static gboolean
protect_line (FeCellDisclosure **states,
              const guint       *counts,
              guint              n,
              FeCellDisclosure  *total,
              gboolean           total_known)
{
  guint n_held = 0;
  int smallest = -1, zero = -1;

  for (guint i = 0; i < n; i++)
    {
      if (*states[i] != FE_CELL_SHOWN)
        n_held++;
      else if (counts[i] > 0 && (smallest < 0 || counts[i] < counts[smallest]))
        smallest = (int) i;
      else if (counts[i] == 0 && zero < 0)
        zero = (int) i;
    }
  if (*total != FE_CELL_SHOWN)
    {
      if (n_held > 0 || n == 0)
        return FALSE;
      /* All zero: a zero held back keeps the total from being their sum. */
      *states[smallest >= 0 ? (guint) smallest : 0] = FE_CELL_HIDDEN;
      return TRUE;
    }
  if (n_held != 1)
    return FALSE;
  if (smallest >= 0)
    *states[smallest] = FE_CELL_HIDDEN;
  else if (!total_known)
    *total = FE_CELL_HIDDEN;
  else if (zero >= 0)
    *states[zero] = FE_CELL_HIDDEN;
  else
    /* The held one is the known total itself: nothing more to hide. */
    return FALSE;
  return TRUE;
}

static guint
row_count (const FeTally *tally,
           int            row,
           guint          level)
{
  return row < 0 ? tally->counts[level] : tally->groups[row].counts[level];
}

static guint
row_denominator (const FeTally *tally,
                 int            row,
                 gboolean       answered)
{
  if (row < 0)
    return answered ? tally->answered : tally->base;
  return answered ? tally->groups[row].answered : tally->groups[row].base;
}

/* A share of a held-back base gives the base away: the row's printed shares go with it. */
static gboolean
hide_shares (FeChartData            *data,
             int                     row,
             const FeCellDisclosure *denominators)
{
  gboolean changed = FALSE;

  if (denominators[row + 1] == FE_CELL_SHOWN)
    return FALSE;
  for (guint l = 0; l < data->tally->n_levels; l++)
    if (*cell_at (data, row, l) == FE_CELL_SHOWN && row_count (data->tally, row, l) > 0)
      {
        *cell_at (data, row, l) = FE_CELL_HIDDEN;
        changed = TRUE;
      }
  return changed;
}

/* A co-occurrence table is symmetric: a cell held back on one side of its diagonal would be
 * read off the other, so each takes its mirror's state when that is held back. */
static gboolean
mirror_cells (FeChartData *data)
{
  gboolean changed = FALSE;

  for (guint g = 0; g < data->tally->n_groups; g++)
    for (guint l = 0; l < data->tally->n_levels; l++)
      {
        FeCellDisclosure *cell = cell_at (data, (int) g, l);
        FeCellDisclosure mirror = *cell_at (data, (int) l, g);

        if (*cell == FE_CELL_SHOWN && mirror != FE_CELL_SHOWN)
          {
            *cell = mirror;
            changed = TRUE;
          }
      }
  return changed;
}

/* What only the chart knows it prints, until nothing more changes. */
static void
protect (FeChartData       *data,
         const FeChartSpec *spec)
{
  const FeTally *tally = data->tally;
  gboolean stacked = kind_is_stacked (data->kind);
  gboolean whole_row = stacked && data->whole_row;
  gboolean on_answered = data->on_answered;
  /* A heat map's shade is a share whatever its labels say. */
  gboolean shares = stacked || data->kind == FE_CHART_KIND_HEATMAP
                    || spec->measure != FE_CHART_MEASURE_COUNT;
  gboolean single = fe_role_is_single_valued (tally->question->role);
  /* The whole row's totals and cells are printed as the unsplit view prints them, whatever
   * this chart does: a sum with one of them as its total is protected among its parts. */
  FeCellDisclosure whole;
  gboolean split = tally->by != NULL && data->kind != FE_CHART_KIND_BAR;
  gboolean by_single = split && fe_role_is_single_valued (tally->by->role);
  guint n_levels = tally->n_levels;
  g_autofree FeCellDisclosure **states = g_new (FeCellDisclosure *, MAX (n_rows (data),
                                                                         n_levels) + 1);
  g_autofree guint *counts = g_new (guint, MAX (n_rows (data), n_levels) + 1);
  FeCellDisclosure *denominators = on_answered ? data->answered : data->bases;
  gboolean changed = TRUE;

  if (!split)
    {
      /* The audit may hold back the whole's total rather than a second cell beside a small
       * one, knowing nothing of shares. */
      if (shares)
        hide_shares (data, -1, denominators);
      return;
    }
  while (changed)
    {
      guint n;

      changed = FALSE;
      /* The n of the groups add up to the total in the header: those of the respondents
       * (printed beside the chart in a briefing pack) and those who answered, when they are
       * what the chart prints. */
      /* A group left off the chart is in the sum all the same, held back ("< k"). */
      for (guint which = 0;
           by_single && which < (on_answered || spec->answered_printed ? 2u : 1u); which++)
        {
          FeCellDisclosure *line = which == 0 ? data->bases : data->answered;

          n = 0;
          for (guint g = 0; g < tally->n_groups; g++)
            {
              states[n] = &line[g + 1];
              counts[n++] = row_denominator (tally, (int) g, which == 1);
            }
          whole = line[0];
          changed |= protect_line (states, counts, n, &whole, TRUE);
        }
      for (int r = whole_row ? -1 : 0; shares && r < (int) tally->n_groups; r++)
        changed |= hide_shares (data, r, denominators);
      if (fe_cooccurrence_is (tally))
        changed |= mirror_cells (data);
      /* Each row adds up to those in it who answered (one answer each). */
      for (int r = 0; single && r < (int) tally->n_groups; r++)
        {
          for (guint l = 0; l < n_levels; l++)
            {
              states[l] = cell_at (data, r, l);
              counts[l] = row_count (tally, r, l);
            }
          changed |= protect_line (states, counts, n_levels, &data->answered[r + 1], FALSE);
        }
      /* Each column adds up to the whole row's part, printed here or by the unsplit view. */
      for (guint l = 0; by_single && l < n_levels; l++)
        {
          for (guint g = 0; g < tally->n_groups; g++)
            {
              states[g] = cell_at (data, (int) g, l);
              counts[g] = row_count (tally, (int) g, l);
            }
          whole = *cell_at (data, -1, l);
          changed |= protect_line (states, counts, tally->n_groups, &whole, TRUE);
        }
    }
}

void
fe_chart_data_get_audit_table (FeChartData  *data,
                               FeAuditTally *table)
{
  gboolean split = data->tally->by != NULL && data->kind != FE_CHART_KIND_BAR;

  *table = (FeAuditTally) { .tally = data->tally, .k = data->k, .cells = data->cells,
                            .bases = data->bases, .answered = data->answered,
                            .whole_printed = !split || data->whole_row,
                            .groups_printed = split, .whole_fixed = split,
                            .other_left_out = data->dropped >= 0 };
}

/* The chart's rules above see one line at a time; a grouped bar chart's small groups can still
 * be narrowed through the sums they share (two "< 5" bases adding up to 3). The interval
 * attack on the table as the chart prints it, the unsplit counts known and a group left off
 * guarded, is the judge: what it holds back, the rules above then follow through (a held-back
 * base takes its shares), until both agree. */
static void
audit (FeChartData       *data,
       const FeChartSpec *spec)
{
  FeAuditTally table;

  fe_chart_data_get_audit_table (data, &table);
  /* Each round holds back more: this ends. */
  while (fe_audit_tally_protect (&table, FE_AUDIT_CHOICE_SEARCH) > 0)
    protect (data, spec);
}

void
fe_chart_data_init (FeChartData       *data,
                    const FeChartSpec *spec,
                    const FeTally     *tally)
{
  g_return_if_fail (data != NULL && spec != NULL && tally != NULL);

  *data = (FeChartData) { 0 };
  data->tally = tally;
  data->dropped = -1;
  if (spec->min_cell > 0 && spec->fold_small_groups)
    fold (data, spec, tally);
  data->kind = fe_chart_kind_resolve (spec->kind, data->tally);
  data->whole_row = kind_is_stacked (data->kind) && data->tally->by != NULL
                    && data->folded == NULL;
  data->on_answered = fe_chart_percent_of (data->kind, spec->measure)
                      == FE_PERCENT_OF_ANSWERED;
  data->weighted = spec->weighted_by != NULL && data->tally->w_counts != NULL
                   && spec->measure != FE_CHART_MEASURE_COUNT
                   && !(data->kind == FE_CHART_KIND_HEATMAP && fe_cooccurrence_is (data->tally));
  data->k = spec->min_cell;
  /* Zeroed: FE_CELL_SHOWN. */
  data->cells = g_new0 (FeCellDisclosure, n_rows (data) * MAX (data->tally->n_levels, 1));
  data->bases = g_new0 (FeCellDisclosure, n_rows (data));
  data->answered = g_new0 (FeCellDisclosure, n_rows (data));
  if (data->k == 0)
    return;

  data->withhold = !spec->mark_small;
  data->mark = spec->mark_small;
  disclose (data);
  protect (data, spec);
  audit (data, spec);
}

void
fe_chart_data_clear (FeChartData *data)
{
  g_clear_pointer (&data->folded, fe_tally_free);
  g_clear_pointer (&data->other_names, g_free);
  g_clear_pointer (&data->cells, g_free);
  g_clear_pointer (&data->bases, g_free);
  g_clear_pointer (&data->answered, g_free);
  data->tally = NULL;
}

FeCellDisclosure
fe_chart_data_get_cell (const FeChartData *data,
                        int                row,
                        guint              level)
{
  g_return_val_if_fail (row >= -1 && (guint) (row + 1) < n_rows (data), FE_CELL_HIDDEN);
  g_return_val_if_fail (level < data->tally->n_levels, FE_CELL_HIDDEN);

  return *cell_at (data, row, level);
}

FeCellDisclosure
fe_chart_data_get_base (const FeChartData *data,
                        int                row)
{
  g_return_val_if_fail (row >= -1 && (guint) (row + 1) < n_rows (data), FE_CELL_HIDDEN);

  return data->bases[row + 1];
}

FeCellDisclosure
fe_chart_data_get_answered (const FeChartData *data,
                            int                row)
{
  g_return_val_if_fail (row >= -1 && (guint) (row + 1) < n_rows (data), FE_CELL_HIDDEN);

  return data->answered[row + 1];
}

const char *
fe_chart_group_name (const FeTally *tally,
                     guint          index)
{
  g_return_val_if_fail (tally != NULL && tally->by != NULL && index < tally->n_groups, NULL);

  if (tally->groups[index].group == FE_TALLY_GROUP_OTHER)
    /* Translators: the group that small groups are folded into, as in "Other (n < 5)" */
    return C_("group", "Other");
  return fe_column_get_display_level (tally->by, tally->groups[index].group);
}

char *
fe_chart_data_dup_small_text (const FeChartData *data)
{
  if (data->k == 0)
    return g_strdup ("");
  /* Translators: shown instead of a number of respondents that is too small to publish; keep
   * the no-break space, so that it never breaks between the sign and the number */
  return g_strdup_printf (_("< %u"), data->k);
}

static FeCellDisclosure
total_state (const FeChartData *data,
             gboolean           answered)
{
  if (!data->withhold)
    return FE_CELL_SHOWN;
  return answered ? data->answered[0] : data->bases[0];
}

char *
fe_chart_data_describe_totals (const FeChartData *data)
{
  const FeTally *tally = data->tally;
  FeCellDisclosure base = total_state (data, FALSE);
  FeCellDisclosure answered = total_state (data, TRUE);
  guint k = data->k;
  g_autoptr(GString) totals = g_string_new (NULL);

  /* Every number shown: the sentences the charts have always had. */
  if (base == FE_CELL_SHOWN && answered == FE_CELL_SHOWN)
    {
      if (tally->answered < tally->base)
        g_string_append_printf (totals, ngettext ("%u respondent, %u answered",
                                                  "%u respondents, %u answered", tally->base),
                                tally->base, tally->answered);
      else
        g_string_append_printf (totals, ngettext ("%u respondent", "%u respondents",
                                                  tally->base),
                                tally->base);
      return g_string_free (g_steal_pointer (&totals), FALSE);
    }

  if (base == FE_CELL_SHOWN)
    g_string_append_printf (totals, ngettext ("%u respondent", "%u respondents", tally->base),
                            tally->base);
  else if (base == FE_CELL_SMALL)
    /* Translators: the total of a chart below the disclosure threshold */
    g_string_append_printf (totals, ngettext ("fewer than %u respondent",
                                              "fewer than %u respondents", k), k);
  if (tally->answered < tally->base && answered != FE_CELL_HIDDEN)
    {
      if (totals->len > 0)
        g_string_append (totals, ", ");
      if (answered == FE_CELL_SHOWN)
        /* Translators: how many of a chart's respondents answered its question */
        g_string_append_printf (totals, ngettext ("%u answered", "%u answered", tally->answered),
                                tally->answered);
      else
        g_string_append_printf (totals, ngettext ("fewer than %u answered",
                                                  "fewer than %u answered", k), k);
    }
  return g_string_free (g_steal_pointer (&totals), FALSE);
}
