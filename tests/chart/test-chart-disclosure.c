/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Disclosure control in charts. With a threshold k, what a layout prints (labels, segment
 * numbers and descriptions, its JSON, SVG and summary) never holds a number of fewer than k
 * respondents, nor lets one be worked out: an attacker who knows every printed number and how
 * a tally adds up (rows to those who answered, groups to the whole, shares to their base)
 * recovers nothing that is withheld. Withheld numbers are stubs, not drawn to scale. Marking
 * (the explore view) keeps every number and hatches the small ones; folding merges small
 * groups into "Other". Checked on the sample study (North Wales 1, Dyfed-Powys 2) and on
 * random tallies. */
#include "config.h"

#include <cairo.h>
#include <math.h>
#include <string.h>

#include "fe-chart-layout-private.h"
#include "fe-chart-test-util.h"
#include "fe-disclosure-audit.h"
#include "fe-filter.h"
#include "fe-query-set.h"
#include "fe-tally-fold.h"

#define EPSILON 0.01

static char current_case[512];

#define fail(format, ...) g_error ("%s: " format, current_case, __VA_ARGS__)

/* The attacker */

/* What can be known: every number of the tally a layout draws, and whether it is printed. */
typedef struct
{
  const FeTally *tally;
  guint          n_rows;     /* 1 + n_groups: the whole, then each group */
  guint          n_levels;
  guint          n_vars;
  guint         *truth;
  gboolean      *known;
  gboolean      *withheld;   /* printed as "< k" or "–": must stay unknown */
} Model;

static guint
var_cell (const Model *m,
          int          row,
          guint        level)
{
  return (guint) (row + 1) * m->n_levels + level;
}

static guint
var_base (const Model *m,
          int          row)
{
  return m->n_rows * m->n_levels + (guint) (row + 1);
}

static guint
var_answered (const Model *m,
              int          row)
{
  return m->n_rows * m->n_levels + m->n_rows + (guint) (row + 1);
}

static int
row_of_group (const FeTally *tally,
              int            group)
{
  if (group == -1)
    return -1;
  for (guint g = 0; g < tally->n_groups; g++)
    if ((group == FE_CHART_GROUP_OTHER && tally->groups[g].group == FE_TALLY_GROUP_OTHER)
        || (group >= 0 && tally->groups[g].group == (guint) group))
      return (int) g;
  g_assert_not_reached ();
}

static void
model_init (Model         *m,
            const FeTally *tally)
{
  m->tally = tally;
  m->n_rows = 1 + tally->n_groups;
  m->n_levels = tally->n_levels;
  m->n_vars = m->n_rows * m->n_levels + 2 * m->n_rows;
  m->truth = g_new0 (guint, m->n_vars);
  m->known = g_new0 (gboolean, m->n_vars);
  m->withheld = g_new0 (gboolean, m->n_vars);
  for (int r = -1; r < (int) tally->n_groups; r++)
    {
      const guint *counts = r < 0 ? tally->counts : tally->groups[r].counts;

      for (guint l = 0; l < m->n_levels; l++)
        m->truth[var_cell (m, r, l)] = counts[l];
      m->truth[var_base (m, r)] = r < 0 ? tally->base : tally->groups[r].base;
      m->truth[var_answered (m, r)] = r < 0 ? tally->answered : tally->groups[r].answered;
    }
}

static void
model_clear (Model *m)
{
  g_free (m->truth);
  g_free (m->known);
  g_free (m->withheld);
}

static void
learn (Model    *m,
       guint     var,
       gboolean  printed)
{
  if (printed)
    m->known[var] = TRUE;
  else
    m->withheld[var] = TRUE;
}

/* What the layout prints, exactly as its JSON gives it. */
static void
read_layout (Model               *m,
             const FeChartLayout *layout,
             const FeChartData   *data,
             const FeChartSpec   *spec)
{
  FeChartKind kind = fe_chart_layout_get_kind (layout);
  gboolean stacked = kind == FE_CHART_KIND_STACKED || kind == FE_CHART_KIND_DIVERGING;
  /* Shares are printed as percentages, or drawn: the length of a part of a 100% bar, the
   * shade of a heat-map cell. */
  gboolean shares = spec->measure != FE_CHART_MEASURE_COUNT || stacked
                    || kind == FE_CHART_KIND_HEATMAP;

  learn (m, var_base (m, -1), layout->total_base_disclosure == FE_CELL_SHOWN);
  learn (m, var_answered (m, -1), layout->total_answered_disclosure == FE_CELL_SHOWN);
  for (guint i = 0; i < layout->rows_n->len; i++)
    {
      const FeChartRowN *row = &g_array_index (layout->rows_n, FeChartRowN, i);
      int r = row_of_group (m->tally, row->group);
      guint var = data->on_answered ? var_answered (m, r) : var_base (m, r);

      learn (m, var, row->disclosure == FE_CELL_SHOWN);
      if (row->disclosure == FE_CELL_SHOWN)
        g_assert_cmpuint (row->n, ==, m->truth[var]);
      else
        g_assert_cmpuint (row->n, ==, 0);
    }
  /* A part of a 100% bar that is not drawn is one nobody gave. */
  if (stacked)
    for (guint i = 0; i < layout->rows_n->len; i++)
      {
        const FeChartRowN *row = &g_array_index (layout->rows_n, FeChartRowN, i);
        int r = row_of_group (m->tally, row->group);

        for (guint l = 0; l < m->n_levels; l++)
          if (fe_chart_layout_find_segment (layout, (int) l, row->group) < 0
              && row->disclosure == FE_CELL_SHOWN)
            learn (m, var_cell (m, r, l), TRUE);
      }
  for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
    {
      const FeChartSegment *s = fe_chart_layout_get_segment (layout, i);
      int r = row_of_group (m->tally, s->group);
      guint var = var_cell (m, r, (guint) s->level);
      guint base_var = data->on_answered ? var_answered (m, r) : var_base (m, r);

      if (s->disclosure != FE_CELL_SHOWN)
        {
          learn (m, var, FALSE);
          if (s->count != 0 || s->base != 0 || s->value != 0)
            fail ("%s keeps its numbers", s->description);
          continue;
        }
      learn (m, var, TRUE);
      g_assert_cmpuint (s->count, ==, m->truth[var]);
      /* A share and its count give the base: count ÷ share. */
      if (shares && s->count > 0)
        m->known[base_var] = TRUE;
      if (s->base_disclosure == FE_CELL_SHOWN)
        {
          g_assert_cmpuint (s->base, ==, m->truth[base_var]);
          m->known[base_var] = TRUE;
        }
    }
}

/* Solves every sum with one unknown left, until nothing more can be learnt. */
static gboolean
solve (Model       *m,
       const guint *terms,
       guint        n_terms,
       guint        total)
{
  guint n_unknown = 0;
  int unknown = -1;

  for (guint i = 0; i < n_terms; i++)
    if (!m->known[terms[i]])
      {
        n_unknown++;
        unknown = (int) terms[i];
      }
  if (m->known[total] && n_unknown == 1)
    {
      m->known[unknown] = TRUE;
      return TRUE;
    }
  if (!m->known[total] && n_unknown == 0)
    {
      m->known[total] = TRUE;
      return TRUE;
    }
  return FALSE;
}

static void
attack (Model *m)
{
  const FeTally *tally = m->tally;
  gboolean single = fe_role_is_single_valued (tally->question->role);
  g_autofree guint *terms = g_new (guint, MAX (m->n_rows, m->n_levels) + 1);
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;
      /* Each row adds up to those in it who answered. */
      for (int r = -1; single && r < (int) tally->n_groups; r++)
        {
          for (guint l = 0; l < m->n_levels; l++)
            terms[l] = var_cell (m, r, l);
          changed |= solve (m, terms, m->n_levels, var_answered (m, r));
        }
      if (tally->by == NULL)
        continue;
      /* The groups add up to the whole: each level, the bases, those who answered. */
      for (guint l = 0; l < m->n_levels; l++)
        {
          for (guint g = 0; g < tally->n_groups; g++)
            terms[g] = var_cell (m, (int) g, l);
          changed |= solve (m, terms, tally->n_groups, var_cell (m, -1, l));
        }
      for (guint g = 0; g < tally->n_groups; g++)
        terms[g] = var_base (m, (int) g);
      changed |= solve (m, terms, tally->n_groups, var_base (m, -1));
      for (guint g = 0; g < tally->n_groups; g++)
        terms[g] = var_answered (m, (int) g);
      changed |= solve (m, terms, tally->n_groups, var_answered (m, -1));
    }
}

/* Whether a label says "< k" or "–" right after withheld segment @s, on its line: every
 * stub of a bar and every mark beside a 100% bar has one. */
static gboolean
has_withheld_label (const FeChartLayout  *layout,
                    const FeChartSegment *s,
                    const FeChartData    *data)
{
  g_autofree char *small = fe_chart_data_dup_small_text (data);
  const char *expected = s->disclosure == FE_CELL_SMALL ? small : "–";
  double middle = s->y + s->h / 2;

  for (guint i = 0; i < fe_chart_layout_get_n_labels (layout); i++)
    {
      const FeChartLabel *label = fe_chart_layout_get_label (layout, i);

      if (g_str_equal (label->text, expected) && label->y <= middle
          && middle <= label->y + label->h && label->x >= s->x + s->w - EPSILON
          && label->x <= s->x + s->w + 40)
        return TRUE;
    }
  return FALSE;
}

/* Nothing printed is under k; nothing withheld can be worked out; stubs are alike. */
static void
check_withheld (const FeChartLayout *layout,
                const FeChartSpec   *spec,
                const FeTally       *tally)
{
  FeChartData data;
  Model m = { 0 };
  double stub = -1;

  fe_chart_data_init (&data, spec, tally);
  model_init (&m, data.tally);
  read_layout (&m, layout, &data, spec);
  for (guint v = 0; v < m.n_vars; v++)
    if (m.known[v] && m.truth[v] > 0 && m.truth[v] < spec->min_cell)
      fail ("a number of %u, under %u, is printed (variable %u)", m.truth[v], spec->min_cell, v);
  {
    g_autofree gboolean *printed = g_memdup2 (m.known, sizeof (gboolean) * m.n_vars);

    attack (&m);
    for (guint v = 0; v < m.n_vars; v++)
      if (m.withheld[v] && m.known[v])
        {
          g_autoptr(GString) dump = g_string_new (NULL);

          /* Rows of cells, then base and answered: "12" printed, "(3)" withheld, "?" not. */
          for (int r = -1; r < (int) m.tally->n_groups; r++)
            {
              for (guint l = 0; l < m.n_levels; l++)
                {
                  guint var = var_cell (&m, r, l);

                  g_string_append_printf (dump, printed[var] ? " %u" : m.withheld[var]
                                          ? " (%u)" : " ?%u", m.truth[var]);
                }
              g_string_append_printf (dump, printed[var_base (&m, r)] ? " | base %u" :
                                      " | base ?%u", m.truth[var_base (&m, r)]);
              g_string_append_printf (dump, printed[var_answered (&m, r)] ? " answered %u\n" :
                                      " answered ?%u\n", m.truth[var_answered (&m, r)]);
            }
          fail ("withheld variable %u (%u) can be worked out from what is printed:\n%s", v,
                m.truth[v], dump->str);
        }
  }

  for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
    {
      const FeChartSegment *s = fe_chart_layout_get_segment (layout, i);

      if (s->disclosure == FE_CELL_SHOWN)
        continue;
      if (strstr (s->description, "fewer than") == NULL && strstr (s->description, "not shown")
          == NULL)
        fail ("withheld %s does not say why", s->description);
      if (!fe_chart_layout_segment_is_hatched (layout, i))
        fail ("withheld %s is not hatched", s->description);
      /* No length in a 100% bar, where it would be read among parts drawn to scale. */
      if ((fe_chart_layout_get_kind (layout) == FE_CHART_KIND_STACKED
           || fe_chart_layout_get_kind (layout) == FE_CHART_KIND_DIVERGING) && s->w > 0)
        fail ("withheld %s is drawn %.2f long in a 100%% bar", s->description, s->w);
      /* Elsewhere a stub of one length, not the number to scale (heat-map cells are all
       * alike), or none where its label could not be printed. */
      if (fe_chart_layout_get_kind (layout) != FE_CHART_KIND_HEATMAP
          && (s->w > 0 || (fe_chart_layout_get_kind (layout) != FE_CHART_KIND_BAR
                           && fe_chart_layout_get_kind (layout) != FE_CHART_KIND_GROUPED_BAR))
          && !has_withheld_label (layout, s, &data))
        fail ("withheld %s is drawn without its label", s->description);
      if (s->w == 0)
        continue;
      if (stub < 0)
        stub = s->w;
      if (fabs (s->w - stub) > EPSILON)
        fail ("withheld %s is %.2f long, another %.2f", s->description, s->w, stub);
    }
  model_clear (&m);
  fe_chart_data_clear (&data);
}

/* The sample study */

static const char * const splits[] = { NULL, "force", "role" };

static void
check_sample (FeChartSpec *spec,
              guint       *n_checked)
{
  FeStudy *study = fe_chart_test_get_sample ();

  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *question = fe_study_get_column (study, c);

      if (!fe_column_is_question (question) || fe_column_get_n_levels (question) == 0)
        continue;
      for (guint b = 0; b < G_N_ELEMENTS (splits); b++)
        {
          g_autoptr(FeTally) tally = fe_chart_test_sample_tally (question->id, splits[b]);

          if (splits[b] != NULL && g_str_equal (splits[b], question->id))
            continue;
          for (FeChartKind kind = FE_CHART_KIND_AUTO; kind <= FE_CHART_KIND_HEATMAP; kind++)
            for (FeChartMeasure measure = 0; measure <= FE_CHART_MEASURE_PERCENT_ANSWERED;
                 measure++)
              {
                g_autoptr(FeChartLayout) layout = NULL;

                if (!fe_chart_kind_applies (kind, tally))
                  continue;
                spec->kind = kind;
                spec->measure = measure;
                g_snprintf (current_case, sizeof current_case, "%s by %s, %s, %s, k %u%s",
                            question->id, splits[b] ? splits[b] : "nothing",
                            fe_chart_kind_to_string (kind), fe_chart_measure_to_string (measure),
                            spec->min_cell, spec->fold_small_groups ? ", folded" : "");
                layout = fe_chart_layout_new (spec, tally, NULL);
                check_withheld (layout, spec, tally);
                (*n_checked)++;
              }
        }
    }
}

static void
test_sample_withheld (void)
{
  guint n_checked = 0;
  FeChartSpec spec;

  const struct
  {
    guint    k;
    gboolean fold;
  } cases[] = { { 5, FALSE }, { 5, TRUE }, { 2, FALSE } };

  fe_chart_spec_init (&spec);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      spec.min_cell = cases[i].k;
      spec.fold_small_groups = cases[i].fold;
      check_sample (&spec, &n_checked);
    }
  g_test_message ("%u sample layouts checked", n_checked);
  g_assert_cmpuint (n_checked, >, 500);
}

/* The interval attack (fe-disclosure-audit.h) on what FeChartData lets through: no withheld
 * number narrowed too far. */
static void
audit_chart_data (FeChartData *data)
{
  FeAuditTally table;
  g_autoptr(FeAudit) audit = NULL;

  /* The table as the chart prints it: the unsplit counts known, a group left off guarded. */
  fe_chart_data_get_audit_table (data, &table);
  audit = fe_audit_new_for_tally (&table);
  fe_audit_solve (audit);
  for (guint i = 0; i < fe_audit_get_n_items (audit); i++)
    if (fe_audit_is_revealed (audit, i))
      {
        guint lo, hi;

        fe_audit_get_interval (audit, i, &lo, &hi);
        fail ("item %u (%s) narrowed to %u..%u", i,
              fe_audit_get_state (audit, i) == FE_CELL_SMALL ? "< k" : "–", lo, hi);
      }
}

/* Every export of the sample: each question, split by nothing and each attribute, filtered by
 * nothing and by each level of each attribute the query-set rule allows, in every kind and
 * measure, folded or not, at k 5 and 3. Only FeChartData is built, not the layout, which
 * prints what it says (see check_withheld()): this stays fast. */
static void
test_sample_audit_sweep (void)
{
  FeStudy *study = fe_chart_test_get_sample ();
  const guint ks[] = { 5, 3 };
  guint n_checked = 0;
  guint n_refused = 0;
  guint n_dropped = 0;
  FeChartSpec spec;

  fe_chart_spec_init (&spec);
  for (int f = -1; f < (int) fe_study_get_n_columns (study); f++)
    {
      FeColumn *filter_column = f < 0 ? NULL : fe_study_get_column (study, (guint) f);
      guint n_filters = filter_column == NULL ? 1 : fe_column_get_n_levels (filter_column);

      if (filter_column != NULL && filter_column->role != FE_ROLE_ATTRIBUTE)
        continue;
      for (guint fl = 0; fl < n_filters; fl++)
        for (guint i = 0; i < G_N_ELEMENTS (ks); i++)
          {
            g_autoptr(FeFilter) filter = fe_filter_new (study);
            g_autoptr(FeBitset) rows = NULL;
            g_autoptr(GError) error = NULL;

            if (filter_column != NULL)
              fe_filter_add_level (filter, filter_column, fl);
            if (!fe_filter_check_query_set (filter, ks[i], &error))
              {
                n_refused++;
                continue;
              }
            rows = fe_filter_compute_rows (filter);
            for (guint c = 0; c < fe_study_get_n_columns (study); c++)
              {
                FeColumn *question = fe_study_get_column (study, c);

                if (!fe_column_is_question (question) || fe_column_get_n_levels (question) == 0)
                  continue;
                for (int b = -1; b < (int) fe_study_get_n_columns (study); b++)
                  {
                    FeColumn *by = b < 0 ? NULL : fe_study_get_column (study, (guint) b);
                    g_autoptr(FeTally) tally = NULL;

                    if (by != NULL && (by == question || by->role != FE_ROLE_ATTRIBUTE))
                      continue;
                    tally = fe_tally_compute (question, rows, by);
                    /* Auto is one of the others. */
                    for (FeChartKind kind = FE_CHART_KIND_AUTO + 1; kind <= FE_CHART_KIND_HEATMAP;
                         kind++)
                      for (FeChartMeasure measure = 0;
                           measure <= FE_CHART_MEASURE_PERCENT_ANSWERED; measure++)
                        for (guint fold = 0; fold < (by != NULL ? 2u : 1u); fold++)
                          {
                            FeChartData data;

                            if (!fe_chart_kind_applies (kind, tally))
                              continue;
                            spec.kind = kind;
                            spec.measure = measure;
                            spec.min_cell = ks[i];
                            spec.fold_small_groups = fold;
                            g_snprintf (current_case, sizeof current_case,
                                        "%s by %s, filter %s = %u, %s, %s, k %u%s", question->id,
                                        by != NULL ? by->id : "nothing",
                                        filter_column != NULL ? filter_column->id : "nothing",
                                        fl, fe_chart_kind_to_string (kind),
                                        fe_chart_measure_to_string (measure), ks[i],
                                        fold ? ", folded" : "");
                            fe_chart_data_init (&data, &spec, tally);
                            audit_chart_data (&data);
                            n_checked++;
                            n_dropped += data.dropped >= 0;
                            fe_chart_data_clear (&data);
                          }
                  }
              }
          }
    }
  g_test_message ("%u exports audited, %u filters refused, %u charts leaving a group out",
                  n_checked, n_refused, n_dropped);
  g_assert_cmpuint (n_checked, >, 20000);
}

/* North Wales (1) and Dyfed-Powys (2): nothing of theirs is printed at k = 5; all of it at 0. */
static void
test_sample_small_forces (void)
{
  const char * const questions[] = { "training", "training_prepared", "vulnerabilities",
                                     "guidance_alignment", "role" };
  const char * const small[] = { "Dyfed-Powys Police", "North Wales Police" };

  for (guint q = 0; q < G_N_ELEMENTS (questions); q++)
    for (guint k = 0; k <= 5; k += 5)
      {
        g_autoptr(FeTally) tally = fe_chart_test_sample_tally (questions[q], "force");
        g_autoptr(FeChartLayout) layout = NULL;
        g_autofree char *json = NULL;
        g_autofree char *svg = NULL;
        g_autofree char *summary = NULL;
        gboolean stacked;
        FeChartSpec spec;

        fe_chart_spec_init (&spec);
        spec.min_cell = k;
        spec.kind = fe_chart_kind_applies (FE_CHART_KIND_GROUPED_BAR, tally)
                    && !fe_chart_question_is_single (tally->question)
                    ? FE_CHART_KIND_HEATMAP : FE_CHART_KIND_AUTO;
        layout = fe_chart_layout_new (&spec, tally, NULL);
        json = fe_chart_layout_to_json (layout);
        svg = fe_chart_layout_to_svg (layout);
        summary = fe_chart_layout_describe (layout);
        stacked = fe_chart_layout_get_kind (layout) == FE_CHART_KIND_STACKED
                  || fe_chart_layout_get_kind (layout) == FE_CHART_KIND_DIVERGING;
        g_snprintf (current_case, sizeof current_case, "%s by force, k %u", questions[q], k);
        for (guint i = 0; i < G_N_ELEMENTS (small); i++)
          {
            int group = fe_column_find_level (tally->by, small[i]);
            guint base = tally->groups[group].base;
            /* A 100% bar's n is of those who answered. */
            g_autofree char *exact = g_strdup_printf ("%s (n = %u)", small[i],
                                                      tally->groups[group].answered);
            g_autofree char *withheld = g_strdup_printf ("%s (n < 5)", small[i]);
            gboolean found_exact = FALSE, found_withheld = FALSE;

            g_assert_cmpuint (base, <, 5);
            for (guint l = 0; l < fe_chart_layout_get_n_labels (layout); l++)
              {
                const FeChartLabel *label = fe_chart_layout_get_label (layout, l);
                g_autofree char *flat = fe_chart_test_flatten (label->text);

                found_exact |= strstr (flat, exact) != NULL;
                found_withheld |= strstr (flat, withheld) != NULL;
              }
            /* A stacked chart names the group and its n on one label, and draws no
             * distribution of a group that small, not even stubs: it says so in words. */
            if (stacked)
              {
                g_assert_true (found_exact == (k == 0));
                g_assert_true (found_withheld == (k == 5));
                if (k == 5)
                  g_assert_nonnull (strstr (json, "Fewer than 5 answered: not shown as a "
                                                  "distribution"));
              }
            for (guint s = 0; s < fe_chart_layout_get_n_segments (layout); s++)
              {
                const FeChartSegment *segment = fe_chart_layout_get_segment (layout, s);
                g_autofree char *of_base = g_strdup_printf (" of %u ", segment->base);

                if (segment->group != group)
                  continue;
                if (k == 5 && stacked)
                  g_test_fail_printf ("%s: a group of %u drawn as a distribution", current_case,
                                      base);
                if (k == 5)
                  {
                    g_assert_cmpint (segment->disclosure, ==, FE_CELL_SMALL);
                    g_assert_cmpuint (segment->count, ==, 0);
                    g_assert_cmpuint (segment->base, ==, 0);
                    g_assert_nonnull (strstr (segment->description, "fewer than 5"));
                  }
                else
                  g_assert_nonnull (strstr (segment->description, of_base));
              }
            if (k == 5)
              {
                g_autofree char *pattern = g_strdup_printf (": [1-4] of %u respondent", base);

                g_assert_false (g_regex_match_simple (pattern, svg, 0, 0));
                g_assert_false (g_regex_match_simple (pattern, json, 0, 0));
                g_assert_false (g_regex_match_simple (pattern, summary, 0, 0));
              }
          }
        if (k == 5 && !stacked)
          g_assert_true (g_regex_match_simple ("\"count\"\\s*:\\s*null", json, 0, 0));
        else if (k == 0)
          g_assert_null (strstr (json, "null"));
      }
}

/* The explore view: every number exact, the small ones hatched and a note saying so. */
static void
test_mark_small (void)
{
  g_autoptr(FeTally) tally = fe_chart_test_sample_tally ("training", "force");
  g_autoptr(FeChartLayout) layout = NULL;
  int north = fe_column_find_level (tally->by, "North Wales Police");
  gboolean noted = FALSE;
  FeChartSpec spec;

  fe_chart_spec_init (&spec);
  spec.min_cell = 5;
  spec.mark_small = TRUE;
  layout = fe_chart_layout_new (&spec, tally, NULL);
  g_assert_false (fe_chart_layout_withholds (layout));
  for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
    {
      const FeChartSegment *s = fe_chart_layout_get_segment (layout, i);

      if (s->group == north)
        {
          g_assert_cmpint (s->disclosure, ==, FE_CELL_SMALL);
          g_assert_cmpuint (s->base, ==, 1);
          g_assert_cmpuint (s->count, ==, 1);
          g_assert_true (fe_chart_layout_segment_is_hatched (layout, i));
          g_assert_nonnull (strstr (s->description, "withheld when presenting"));
        }
      else if (s->disclosure == FE_CELL_SHOWN)
        g_assert_false (fe_chart_layout_segment_is_hatched (layout, i));
      /* Marking hides nothing: hidden cells do not exist here. */
      g_assert_cmpint (s->disclosure, !=, FE_CELL_HIDDEN);
    }
  for (guint i = 0; i < fe_chart_layout_get_n_labels (layout); i++)
    {
      g_autofree char *flat = fe_chart_test_flatten (fe_chart_layout_get_label (layout, i)->text);

      noted |= strstr (flat, "Hatched: fewer than 5 respondents") != NULL;
      g_assert_null (strstr (flat, "(n < 5)"));
    }
  g_assert_true (noted);
}

/* Issue 16: grouped bars print their values, and where they are too thin an axis labels
 * their scale. Neither prints a small number: a withheld bar with a length says "< 5" or "–"
 * at its end, a number at the end of a bar is never one under k, and what the axis adds is
 * only the scale of bars drawn to it. Checked where the values fit (large) and where only
 * the axis does (small). */
static void
test_grouped_small_cells (void)
{
  const char * const questions[] = { "better_enabled", "vulnerabilities", "training_prepared" };
  const double sizes[][2] = { { 1600, 1000 }, { 800, 500 }, { 480, 320 } };
  guint n_marks = 0;

  for (guint q = 0; q < G_N_ELEMENTS (questions); q++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      for (FeChartMeasure measure = 0; measure <= FE_CHART_MEASURE_PERCENT_ANSWERED; measure++)
        {
          g_autoptr(FeTally) tally = fe_chart_test_sample_tally (questions[q], "role");
          g_autoptr(FeChartLayout) layout = NULL;
          FeChartSpec spec;
          FeChartData data;

          fe_chart_spec_init (&spec);
          spec.kind = FE_CHART_KIND_GROUPED_BAR;
          spec.measure = measure;
          spec.min_cell = 5;
          spec.width = sizes[z][0];
          spec.height = sizes[z][1];
          g_snprintf (current_case, sizeof current_case, "grouped %s by role, %.0f × %.0f, %s",
                      questions[q], spec.width, spec.height,
                      fe_chart_measure_to_string (measure));
          layout = fe_chart_layout_new (&spec, tally, NULL);
          check_withheld (layout, &spec, tally);
          fe_chart_data_init (&data, &spec, tally);
          for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
            {
              const FeChartSegment *s = fe_chart_layout_get_segment (layout, i);
              double middle = s->y + s->h / 2;

              if (s->disclosure != FE_CELL_SHOWN)
                {
                  n_marks += s->w > 0 && has_withheld_label (layout, s, &data);
                  continue;
                }
              for (guint j = 0; j < fe_chart_layout_get_n_labels (layout); j++)
                {
                  const FeChartLabel *label = fe_chart_layout_get_label (layout, j);
                  char *end;
                  guint64 number;

                  if (label->y > middle || middle > label->y + label->h
                      || label->x < s->x + s->w - EPSILON || label->x > s->x + s->w + 40
                      || measure != FE_CHART_MEASURE_COUNT)
                    continue;
                  number = g_ascii_strtoull (label->text, &end, 10);
                  if (*end == '\0' && number > 0 && number < spec.min_cell)
                    fail ("%s is printed as %s", s->description, label->text);
                }
            }
          fe_chart_data_clear (&data);
        }
  /* The large charts have room for the marks: they are there, not left out. */
  g_assert_cmpuint (n_marks, >, 0);
}

/* @tally with its groups under @k folded, drawn as @kind by @spec. */
static FeChartLayout *
folded_layout (FeChartSpec   *spec,
               const FeTally *tally,
               guint          k,
               FeChartKind    kind)
{
  fe_chart_spec_init (spec);
  spec->min_cell = k;
  spec->fold_small_groups = TRUE;
  spec->kind = kind;
  return fe_chart_layout_new (spec, tally, NULL);
}

/* Folding: groups under k become "Other"; an "Other" still under k is left out of a grouped
 * chart, and not folded in a 100% bar chart (where two small groups protect each other), whose
 * small groups are rows of words, not distributions. */
static void
test_fold (void)
{
  g_autoptr(FeTally) tally = fe_chart_test_sample_tally ("vulnerabilities", "force");
  g_autoptr(FeTally) folded = fe_tally_fold_small_groups (tally, 5);
  g_autoptr(FeTally) big_other = fe_tally_fold_small_groups (tally, 13);
  g_autoptr(FeTally) training = fe_chart_test_sample_tally ("training", "force");
  guint other;

  /* The two small forces (3) are still under 5: Gwent (12), the next smallest, joins them. */
  g_assert_nonnull (folded);
  g_assert_cmpuint (folded->n_groups, ==, 2);
  other = folded->n_groups - 1;
  g_assert_true (fe_tally_group_is_other (folded, other));
  g_assert_cmpuint (folded->groups[other].base, ==, 15);
  g_assert_cmpuint (folded->base, ==, tally->base);
  for (guint l = 0; l < tally->n_levels; l++)
    g_assert_cmpuint (folded->groups[other].counts[l], ==,
                      tally->groups[1].counts[l] + tally->groups[2].counts[l]
                      + tally->groups[3].counts[l]);
  /* Nothing to fold without a threshold. */
  g_assert_null (fe_tally_fold_small_groups (tally, 0));
  /* One small group (North Wales, 1) takes the next smallest with it: never renamed alone. */
  {
    g_autoptr(FeTally) at_two = fe_tally_fold_small_groups (tally, 2);

    g_assert_nonnull (at_two);
    g_assert_cmpuint (at_two->n_groups, ==, 3);
    g_assert_cmpuint (at_two->groups[2].base, ==, 3);
  }
  /* South Wales, the largest, is never folded: "Other" of everybody would be no split. */
  {
    g_autoptr(FeTally) at_fifty = fe_tally_fold_small_groups (tally, 50);

    g_assert_nonnull (at_fifty);
    g_assert_cmpuint (at_fifty->n_groups, ==, 2);
    g_assert_cmpuint (at_fifty->groups[1].base, ==, 15);
  }
  /* At 13 Gwent (12) is small too: "Other" holds 15 and is shown like any group. */
  g_assert_nonnull (big_other);
  g_assert_cmpuint (big_other->n_groups, ==, 2);
  g_assert_cmpuint (big_other->groups[1].base, ==, 15);

  {
    g_autoptr(FeChartLayout) layout = NULL;
    FeChartSpec spec;
    gboolean noted = FALSE;

    layout = folded_layout (&spec, tally, 5, FE_CHART_KIND_GROUPED_BAR);
    for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
      g_assert_true (fe_chart_layout_get_segment (layout, i)->group <= 1);
    for (guint i = 0; i < fe_chart_layout_get_n_labels (layout); i++)
      {
        g_autofree char *flat = fe_chart_test_flatten (fe_chart_layout_get_label (layout, i)->text);

        noted |= strstr (flat, "Other: Gwent Police, Dyfed-Powys Police, North Wales "
                               "Police") != NULL;
      }
    g_assert_true (noted);
    g_snprintf (current_case, sizeof current_case, "vulnerabilities folded at 5");
    check_withheld (layout, &spec, tally);
  }
  {
    g_autoptr(FeChartLayout) layout = NULL;
    FeChartSpec spec;

    /* At 13 both of its answers (7 and 8) are small: what is held back is the audit's. */
    layout = folded_layout (&spec, training, 13, FE_CHART_KIND_STACKED);
    g_snprintf (current_case, sizeof current_case, "training folded at 13");
    check_withheld (layout, &spec, training);
  }
  {
    g_autoptr(FeChartLayout) layout = NULL;
    FeChartSpec spec;

    gboolean said = FALSE;

    /* Folded until "Other" reaches 5 (Gwent joins the small forces), the chart draws South
     * Wales and "Other" as distributions, and no "All respondents" row that would add them
     * up: nothing but the cells themselves is left to withhold. */
    layout = folded_layout (&spec, training, 5, FE_CHART_KIND_STACKED);
    g_assert_cmpint (fe_chart_layout_find_segment (layout, 0, FE_CHART_GROUP_OTHER), >=, 0);
    for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
      {
        g_assert_cmpint (fe_chart_layout_get_segment (layout, i)->group, !=, 3);
        g_assert_cmpint (fe_chart_layout_get_segment (layout, i)->group, !=, -1);
      }
    for (guint i = 0; i < fe_chart_layout_get_n_labels (layout); i++)
      {
        g_autofree char *flat = fe_chart_test_flatten (fe_chart_layout_get_label (layout, i)->text);

        said |= strstr (flat, "Other (n = 15)") != NULL;
        g_assert_null (strstr (flat, "(n hidden)"));
      }
    g_assert_true (said);
    g_snprintf (current_case, sizeof current_case, "training folded at 5");
    check_withheld (layout, &spec, training);
  }
}

/* Random tallies, with many small groups and cells */

/* A third of the groups under 5, the rest from 5 to 59; at least half of each answer. */
static const FeChartTestTallyShape tally_shape = {
  .base_limit = 60,
  .small_one_in = 3, .small_from = 0, .small_limit = 5,
  .large_from = 5, .large_limit = 60,
  .none_answered_one_in = 0, .from_half = TRUE,
};

static void
test_random_withheld (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  const FeRole roles[] = { FE_ROLE_ORDINAL, FE_ROLE_CHOICE, FE_ROLE_MULTI };

  for (guint i = 0; i < 500; i++)
    {
      FeRole role = roles[g_rand_int_range (rand, 0, G_N_ELEMENTS (roles))];
      FeColumn *question = fe_chart_test_random_column (rand, "q", role,
                                                        g_rand_int_range (rand, 1, 7), NULL);
      FeColumn *by = g_rand_int_range (rand, 0, 4) > 0
        ? fe_chart_test_random_column (rand, "by", FE_ROLE_ATTRIBUTE,
                                       g_rand_int_range (rand, 1, 6), NULL)
        : NULL;
      FeTally *tally = fe_chart_test_random_tally (rand, question, by, &tally_shape);
      g_autoptr(FeChartLayout) layout = NULL;
      FeChartSpec spec;

      fe_chart_test_random_spec (rand, &spec, tally);
      spec.min_cell = g_rand_int_range (rand, 2, 8);
      spec.fold_small_groups = g_rand_boolean (rand);
      g_snprintf (current_case, sizeof current_case,
                  "random %u: %s of a %s, %s, %u levels by %u groups, k %u%s", i,
                  fe_chart_kind_to_string (spec.kind), fe_role_to_string (role),
                  fe_chart_measure_to_string (spec.measure), tally->n_levels, tally->n_groups,
                  spec.min_cell, spec.fold_small_groups ? ", folded" : "");
      layout = fe_chart_layout_new (&spec, tally, NULL);
      check_withheld (layout, &spec, tally);
      fe_chart_test_free_tally (tally);
    }
}

/* What is painted: a withheld stub carries hatching, two colours within its rectangle. */
static void
test_paint_hatched (void)
{
  g_autoptr(FeTally) tally = fe_chart_test_sample_tally ("vulnerabilities", "force");
  g_autoptr(FeChartLayout) layout = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  FeChartSpec spec;
  int index;
  const FeChartSegment *s;
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);

  fe_chart_spec_init (&spec);
  spec.min_cell = 5;
  spec.kind = FE_CHART_KIND_HEATMAP;
  layout = fe_chart_layout_new (&spec, tally, NULL);
  index = fe_chart_layout_find_segment (layout, 0, fe_column_find_level (tally->by,
                                                                         "North Wales Police"));
  g_assert_cmpint (index, >=, 0);
  s = fe_chart_layout_get_segment (layout, (guint) index);
  g_assert_true (fe_chart_layout_segment_is_hatched (layout, (guint) index));

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 500);
  cr = cairo_create (surface);
  fe_chart_layout_paint (layout, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int y = (int) s->y + 2; y < (int) (s->y + s->h) - 2; y++)
    {
      guint32 pixel = *(guint32 *) (void *) (cairo_image_surface_get_data (surface)
                                             + y * cairo_image_surface_get_stride (surface)
                                             + ((int) s->x + 3) * 4);

      g_hash_table_add (colours, GUINT_TO_POINTER (pixel & 0xffffff));
    }
  cairo_surface_destroy (surface);
  g_assert_cmpuint (g_hash_table_size (colours), >=, 2);
}

/* Off by default: the spec of old callers shows every number. */
static void
test_defaults (void)
{
  g_autoptr(FeTally) tally = fe_chart_test_sample_tally ("training", "force");
  g_autoptr(FeChartLayout) layout = NULL;
  FeChartSpec spec;

  fe_chart_spec_init (&spec);
  g_assert_cmpuint (spec.min_cell, ==, 0);
  g_assert_false (spec.mark_small);
  g_assert_false (spec.fold_small_groups);
  layout = fe_chart_layout_new (&spec, tally, NULL);
  g_assert_false (fe_chart_layout_withholds (layout));
  for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
    {
      g_assert_cmpint (fe_chart_layout_get_segment (layout, i)->disclosure, ==, FE_CELL_SHOWN);
      g_assert_false (fe_chart_layout_segment_is_hatched (layout, i));
    }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/disclosure/defaults", test_defaults);
  g_test_add_func ("/chart/disclosure/sample", test_sample_withheld);
  g_test_add_func ("/chart/disclosure/audit-sweep", test_sample_audit_sweep);
  g_test_add_func ("/chart/disclosure/small-forces", test_sample_small_forces);
  g_test_add_func ("/chart/disclosure/mark-small", test_mark_small);
  g_test_add_func ("/chart/disclosure/fold", test_fold);
  g_test_add_func ("/chart/disclosure/grouped-small-cells", test_grouped_small_cells);
  g_test_add_func ("/chart/disclosure/random", test_random_withheld);
  g_test_add_func ("/chart/disclosure/paint", test_paint_hatched);

  status = g_test_run ();
  fe_chart_test_clear_sample ();
  return status;
}
