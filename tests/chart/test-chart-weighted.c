/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Weighted percentages: a .sav's case weight, applied as SPSS's WEIGHT BY applies it, to the
 * percentages only. Counts, bases and every disclosure decision stay numbers of respondents. */
#include <math.h>
#include <readstat.h>
#include <string.h>

#include "fe-chart-layout.h"
#include "fe-chart-test-util.h"
#include "fe-percent.h"
#include "fe-project.h"
#include "fe-query.h"
#include "fe-test-sav.h"
#include "fe-test-util.h"

static FeStudy *
load_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  FeStudy *study = fe_study_load (path, NULL, NULL, &error);

  g_assert_no_error (error);
  return study;
}

static guint
share_of (const FeTally *tally,
          int            group,
          guint          level)
{
  FeShare share = fe_tally_get_share (tally, group, level, FE_PERCENT_OF_RESPONDENTS);

  return fe_share_round (&share);
}

static FeChartLayout *
layout_of (FeQuery        *query,
           FeChartMeasure  measure,
           guint           k)
{
  FeChartSpec spec;

  fe_chart_spec_init (&spec);
  fe_chart_spec_set_query (&spec, query);
  spec.measure = measure;
  spec.min_cell = k;
  return fe_chart_layout_new (&spec, fe_query_get_tally (query), NULL);
}

static void
test_written_weights (void)
{
  g_autofree char *path = fe_test_write_weighted_survey ();
  g_autoptr(FeStudy) study = load_ok (path);
  FeColumn *agree = fe_study_find_column (study, "agree");
  FeColumn *region = fe_study_find_column (study, "region");
  FeUnweighted none = fe_study_count_unweighted (study);
  g_autofree char *said = fe_study_describe_weight (study);
  g_autoptr(FeQuery) plain = fe_query_new (study, NULL, agree, NULL);
  g_autoptr(FeQuery) weighted = fe_query_new_weighted (study, NULL, agree, NULL, TRUE);
  g_autoptr(FeQuery) split = fe_query_new_weighted (study, NULL, agree, region, TRUE);
  const FeTally *tally = fe_query_get_tally (weighted);
  g_autoptr(FeChartLayout) layout = NULL;
  g_autoptr(FeChartLayout) counts = NULL;
  g_autofree char *json = NULL;

  g_assert_cmpstr (fe_study_get_weight_variable (study), ==, "wt");
  g_assert_nonnull (fe_study_get_weights (study));
  /* Missing, zero and negative weights weigh nothing, and are said to, by reason. */
  g_assert_cmpuint (none.missing, ==, 1);
  g_assert_cmpuint (none.zero, ==, 1);
  g_assert_cmpuint (none.negative, ==, 1);
  g_assert_nonnull (strstr (said, "3 respondents weigh nothing in weighted percentages, as in "
                                  "SPSS: 1 with no weight, 1 weighing 0, 1 with a negative "
                                  "weight."));

  /* Unweighted: 1 of 5 agree. Weighted: 3 of the 4 that weigh anything. */
  g_assert_null (fe_query_get_weighted_by (plain));
  g_assert_cmpuint (share_of (fe_query_get_tally (plain), -1, 0), ==, 20);
  g_assert_cmpstr (fe_query_get_weighted_by (weighted), ==, "wt");
  g_assert_cmpuint (tally->base, ==, 5);
  g_assert_cmpuint (tally->counts[0], ==, 1);
  g_assert_cmpuint (tally->counts[1], ==, 4);
  g_assert_cmpfloat (tally->w_base, ==, 4);
  g_assert_cmpuint (share_of (tally, -1, 0), ==, 75);
  g_assert_cmpuint (share_of (tally, -1, 1), ==, 25);
  /* Split, the same in each group; South weighs nothing, so has no weighted share at all. */
  g_assert_cmpuint (share_of (fe_query_get_tally (split), 0, 0), ==, 75);
  g_assert_cmpuint (fe_query_get_tally (split)->groups[1].base, ==, 2);
  {
    FeShare south = fe_tally_get_share (fe_query_get_tally (split), 1, 1,
                                        FE_PERCENT_OF_RESPONDENTS);
    g_autofree char *text = fe_share_format (&south);

    g_autofree char *words = fe_percent_describe (&south, FE_PERCENT_OF_RESPONDENTS);

    g_assert_cmpstr (text, ==, "");
    g_assert_cmpstr (words, ==, "2 of 2 respondents, none of them weighs anything");
  }

  /* The chart prints the weighted shares, its n unweighted, and says what weights them. */
  layout = layout_of (weighted, FE_CHART_MEASURE_PERCENT_BASE, 0);
  g_assert_cmpuint (fe_chart_layout_get_segment (layout, 0)->count, ==, 1);
  g_assert_cmpuint (fe_chart_layout_get_segment (layout, 0)->base, ==, 5);
  g_assert_cmpuint (fe_chart_layout_get_segment (layout, 0)->percent, ==, 75);
  g_assert_cmpfloat (fe_chart_layout_get_segment (layout, 0)->value, ==, 75);
  g_assert_cmpstr (fe_chart_layout_get_segment (layout, 0)->description, ==,
                   "Agree: 1 of 5 respondents, 75% weighted");
  g_assert_true (fe_chart_test_has_label (layout, "75%"));
  g_assert_true (fe_chart_test_has_label (layout, "5 respondents · Percentages weighted by wt"));
  json = fe_chart_layout_to_json (layout);
  g_assert_nonnull (strstr (json, "\"weighted_by\" : \"wt\""));
  /* Largest first is by the shares printed: Agree, though one respondent of five. */
  {
    FeChartSpec spec;
    g_autoptr(FeChartLayout) sorted = NULL;

    fe_chart_spec_init (&spec);
    fe_chart_spec_set_query (&spec, weighted);
    spec.sort = FE_CHART_SORT_VALUE;
    sorted = fe_chart_layout_new (&spec, tally, NULL);
    g_assert_cmpint (fe_chart_layout_get_segment (sorted, 0)->level, ==, 0);
    g_assert_cmpfloat (fe_chart_layout_get_segment (sorted, 0)->y, <,
                       fe_chart_layout_get_segment (sorted, 1)->y);
  }
  /* A 100% bar of a group where nobody weighs anything says so, rather than drawing nothing. */
  {
    FeChartSpec spec;
    g_autoptr(FeChartLayout) stacked = NULL;

    fe_chart_spec_init (&spec);
    fe_chart_spec_set_query (&spec, split);
    spec.kind = FE_CHART_KIND_STACKED;
    stacked = fe_chart_layout_new (&spec, fe_query_get_tally (split), NULL);
    g_assert_true (fe_chart_test_has_label (stacked, "No weighted share: nobody who answered weighs anything"));
  }
  /* A count is a count: not weighted, and not said to be. */
  counts = layout_of (weighted, FE_CHART_MEASURE_COUNT, 0);
  g_assert_cmpfloat (fe_chart_layout_get_segment (counts, 0)->value, ==, 1);
  g_assert_false (fe_chart_test_has_label (counts, "weighted"));
}

/* The fixture's weights read here with ReadStat itself, not through the app. */
typedef struct
{
  int     region;
  int     weight;
  GArray *regions;
  GArray *weights;
} FixtureValues;

static int
on_variable (int                  index,
             readstat_variable_t *variable,
             const char          *val_labels,
             void                *user_data)
{
  FixtureValues *values = user_data;

  if (g_strcmp0 (readstat_variable_get_name (variable), "Region") == 0)
    values->region = index;
  if (g_strcmp0 (readstat_variable_get_name (variable), "weightVar") == 0)
    values->weight = index;
  return READSTAT_HANDLER_OK;
}

static int
on_value (int                  obs_index,
          readstat_variable_t *variable,
          readstat_value_t     value,
          void                *user_data)
{
  FixtureValues *values = user_data;
  int index = readstat_variable_get_index (variable);
  double number = readstat_value_is_system_missing (value) ? NAN : readstat_double_value (value);

  if (index == values->region)
    g_array_append_val (values->regions, number);
  else if (index == values->weight)
    g_array_append_val (values->weights, number);
  return READSTAT_HANDLER_OK;
}

static void
test_fixture_weights (void)
{
  g_autofree char *path = fe_test_find_fixture ("spss", "savreaderwriter-spssio_test.sav");
  FixtureValues values = { -1, -1 };
  readstat_parser_t *parser;
  g_autoptr(FeStudy) study = NULL;
  g_autoptr(FeQuery) query = NULL;
  FeColumn *region;
  double sums[2] = { 0 };
  double total = 0;

  if (path == NULL)
    {
      g_test_skip ("the shared fixtures are not beside this checkout");
      return;
    }
  values.regions = g_array_new (FALSE, FALSE, sizeof (double));
  values.weights = g_array_new (FALSE, FALSE, sizeof (double));
  parser = readstat_parser_init ();
  readstat_set_variable_handler (parser, on_variable);
  readstat_set_value_handler (parser, on_value);
  g_assert_cmpint (readstat_parse_sav (parser, path, &values), ==, READSTAT_OK);
  readstat_parser_free (parser);
  g_assert_cmpuint (values.weights->len, ==, 9);
  for (guint i = 0; i < values.weights->len; i++)
    {
      double w = g_array_index (values.weights, double, i);
      int code = (int) g_array_index (values.regions, double, i);

      if (isnan (w) || w <= 0)
        continue;
      total += w;
      sums[code - 1] += w;
    }

  study = load_ok (path);
  region = fe_study_find_column (study, "Region");
  query = fe_query_new_weighted (study, NULL, region, NULL, TRUE);
  g_assert_cmpstr (fe_query_get_weighted_by (query), ==, "weightVar");
  for (guint l = 0; l < 2; l++)
    {
      guint level = (guint) fe_column_find_level (region, l == 0 ? "1" : "2");

      g_assert_cmpuint (share_of (fe_query_get_tally (query), -1, level), ==,
                        (guint) floor (100 * sums[l] / total + 0.5));
    }
  g_array_unref (values.regions);
  g_array_unref (values.weights);
}

/* Withheld unweighted, withheld weighted: the same cells, by the same rule, and no weighted
 * share left behind for them. */
static void
test_disclosure (void)
{
  /* North: 8 respondents, 1 of them disagreeing; South: 2. At k = 3 South's numbers and the one
   * North disagreement are withheld, and what would give them away. */
  const double agree[] = { 1, 1, 1, 1, 1, 1, 1, 2, 1, 2 };
  const double region[] = { 1, 1, 1, 1, 1, 1, 1, 1, 2, 2 };
  const double weights[] = { 1, 2, 1, 2, 1, 2, 1, 5, 3, 0.5 };
  g_autofree char *path = fe_test_write_weighted_sav ("disclosure.sav", G_N_ELEMENTS (agree),
                                                      agree, region, weights);
  g_autoptr(FeStudy) study = load_ok (path);
  FeColumn *q = fe_study_find_column (study, "agree");
  FeColumn *r = fe_study_find_column (study, "region");
  const FeChartKind kinds[] = { FE_CHART_KIND_BAR, FE_CHART_KIND_GROUPED_BAR,
                                FE_CHART_KIND_STACKED, FE_CHART_KIND_HEATMAP };

  for (guint split = 0; split < 2; split++)
    for (guint kind = 0; kind < G_N_ELEMENTS (kinds); kind++)
      {
        g_autoptr(FeQuery) plain = fe_query_new (study, NULL, q, split ? r : NULL);
        g_autoptr(FeQuery) weighted = fe_query_new_weighted (study, NULL, q, split ? r : NULL,
                                                             TRUE);
        FeChartSpec spec;
        g_autoptr(FeChartLayout) a = NULL;
        g_autoptr(FeChartLayout) b = NULL;
        guint withheld = 0;

        if (!split && kinds[kind] != FE_CHART_KIND_BAR)
          continue;
        fe_chart_spec_init (&spec);
        spec.kind = kinds[kind];
        spec.min_cell = 3;
        fe_chart_spec_set_query (&spec, plain);
        a = fe_chart_layout_new (&spec, fe_query_get_tally (plain), NULL);
        fe_chart_spec_set_query (&spec, weighted);
        b = fe_chart_layout_new (&spec, fe_query_get_tally (weighted), NULL);
        g_assert_cmpuint (fe_chart_layout_get_n_segments (a), ==,
                          fe_chart_layout_get_n_segments (b));
        for (guint i = 0; i < fe_chart_layout_get_n_segments (a); i++)
          {
            const FeChartSegment *sa = fe_chart_layout_get_segment (a, i);
            const FeChartSegment *sb = fe_chart_layout_get_segment (b, i);

            g_assert_cmpint (sa->disclosure, ==, sb->disclosure);
            g_assert_cmpint (sa->base_disclosure, ==, sb->base_disclosure);
            g_assert_cmpuint (sa->count, ==, sb->count);
            g_assert_cmpuint (sa->base, ==, sb->base);
            if (sb->disclosure == FE_CELL_SHOWN && sb->base_disclosure == FE_CELL_SHOWN)
              continue;
            withheld++;
            g_assert_cmpuint (sb->percent, ==, 0);
            if (sb->disclosure != FE_CELL_SHOWN)
              g_assert_cmpfloat (sb->value, ==, 0);
            g_assert_null (strstr (sb->description, "weighted"));
          }
        g_assert_cmpuint (fe_chart_layout_get_n_labels (a), ==,
                          fe_chart_layout_get_n_labels (b));
        /* A 100% bar with a part withheld is not drawn at all, weighted or not. */
        if (split && kinds[kind] != FE_CHART_KIND_STACKED)
          g_assert_cmpuint (withheld, >, 0);
        else if (!split)
          /* The whole row: 2 of 10 disagree, under k. */
          g_assert_cmpint (fe_chart_layout_get_segment (b, 1)->disclosure, ==, FE_CELL_SMALL);
      }
}

/* Weights a double cannot sum (two of 10^308, or an infinite one: no weighting writes either)
 * gave percentages of infinity over infinity, and one of 2 × 10^306 a percentage of infinity
 * (100 × its sum), cast to a whole number. Weights that overflow so give no weighted figures,
 * and a warning says why; an infinite weight is no weight. */
static void
test_weights_beyond_a_double (void)
{
  const double agree[] = { 1, 2, 2 };
  const double region[] = { 1, 1, 2 };
  const double huge[] = { 1e308, 1e308, 1 };
  const double large[] = { 2e306, 1, 1 };
  const double endless[] = { INFINITY, 2, 2 };
  g_autofree char *huge_path = fe_test_write_weighted_sav ("huge.sav", 3, agree, region, huge);
  g_autofree char *large_path = fe_test_write_weighted_sav ("large.sav", 3, agree, region,
                                                           large);
  g_autofree char *endless_path = fe_test_write_weighted_sav ("endless.sav", 3, agree, region,
                                                             endless);
  g_autoptr(FeStudy) beyond = load_ok (huge_path);
  g_autoptr(FeStudy) infinite = load_ok (endless_path);
  g_autoptr(FeStudy) hundredfold = load_ok (large_path);
  GPtrArray *warnings = fe_study_get_warnings (beyond);
  gboolean said = FALSE;

  g_assert_null (fe_study_get_weights (beyond));
  g_assert_null (fe_study_get_weights (hundredfold));
  /* The Data check page says why, not that the weight holds no numbers. */
  {
    g_autofree char *described = fe_study_describe_weight (beyond);

    g_assert_nonnull (strstr (described, "too large to work out percentages"));
    g_assert_null (strstr (described, "holds no numbers"));
  }
  for (guint i = 0; i < warnings->len; i++)
    said |= strstr (g_ptr_array_index (warnings, i), "too large to work out percentages")
            != NULL;
  g_assert_true (said);

  /* Infinity weighs nothing, as a missing weight does: 2 of the 2 that weigh disagree. */
  g_assert_nonnull (fe_study_get_weights (infinite));
  g_assert_cmpuint (fe_study_count_unweighted (infinite).missing, ==, 1);
  {
    g_autoptr(FeQuery) weighted = fe_query_new_weighted (infinite, NULL,
                                                         fe_study_find_column (infinite,
                                                                               "agree"),
                                                         NULL, TRUE);
    const FeTally *tally = fe_query_get_tally (weighted);

    g_assert_cmpfloat (tally->w_base, ==, 4);
    g_assert_cmpuint (share_of (tally, -1, 1), ==, 100);
  }
}

/* A saved view remembers that it is weighted; one saved before weighting loads unweighted; and
 * a weighted view of data that no longer weigh fails rather than showing other numbers. */
static void
test_saved_view (void)
{
  g_autofree char *data = fe_test_write_weighted_survey ();
  g_autofree char *dir = g_path_get_dirname (data);
  g_autofree char *project_path = g_build_filename (dir, "weighted.findings", NULL);
  g_autoptr(FeStudy) study = load_ok (data);
  g_autoptr(FeProject) project = fe_project_new_for_data (data, NULL, NULL, study);
  g_autoptr(FeProject) loaded = NULL;
  FeSavedView *view = fe_saved_view_new ();
  FeSavedView *old = fe_saved_view_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FeQuery) query = NULL;
  g_autoptr(FeQuery) unweighted = NULL;
  g_autoptr(FeQuery) refused = NULL;
  int level, group;

  view->question = g_strdup ("agree");
  view->weighted = TRUE;
  old->question = g_strdup ("agree");
  fe_project_add_view (project, view);
  fe_project_add_view (project, old);
  g_assert_true (fe_project_save (project, project_path, &error));
  g_assert_no_error (error);
  loaded = fe_project_load (project_path, &error);
  g_assert_no_error (error);
  g_assert_true (fe_project_get_view (loaded, 0)->weighted);
  g_assert_false (fe_project_get_view (loaded, 1)->weighted);
  query = fe_saved_view_to_query (fe_project_get_view (loaded, 0), study, &level, &group, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fe_query_get_weighted_by (query), ==, "wt");
  g_assert_cmpuint (share_of (fe_query_get_tally (query), -1, 0), ==, 75);
  unweighted = fe_saved_view_to_query (fe_project_get_view (loaded, 1), study, &level, &group,
                                       &error);
  g_assert_null (fe_query_get_weighted_by (unweighted));

  {
    g_autoptr(FeStudy) sample = g_object_ref (fe_chart_test_get_sample ());
    FeSavedView *barriers = fe_saved_view_copy (fe_project_get_view (loaded, 0));

    g_free (barriers->question);
    barriers->question = g_strdup ("barriers");
    refused = fe_saved_view_to_query (barriers, sample, &level, &group, &error);
    g_assert_null (refused);
    g_assert_error (error, FE_PROJECT_ERROR, FE_PROJECT_ERROR_CHANGED);
    g_assert_nonnull (strstr (error->message, "no longer declare a case weight"));
    fe_saved_view_free (barriers);
  }
}

int
main (int    argc,
      char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/weighted/written-weights", test_written_weights);
  g_test_add_func ("/chart/weighted/fixture-weights", test_fixture_weights);
  g_test_add_func ("/chart/weighted/disclosure", test_disclosure);
  g_test_add_func ("/chart/weighted/saved-view", test_saved_view);
  g_test_add_func ("/chart/weighted/weights-beyond-a-double", test_weights_beyond_a_double);
  result = g_test_run ();
  fe_chart_test_clear_sample ();
  return result;
}
