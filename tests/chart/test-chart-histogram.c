/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A numeric question's histogram: bins as bars that touch, in the order of their numbers
 * whatever the sort; answers that are not numbers as thinner bars after them; the median and
 * quartiles of the respondents' own numbers in the note; split, a group of bars per bin. */
#include "config.h"

#include <string.h>

#include "fe-chart-layout.h"
#include "fe-study.h"
#include "fe-test-util.h"

static FeStudy *
load_numbers (void)
{
  g_autoptr(GString) csv = g_string_new ("id,hours,team\n");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  FeStudy *study;

  /* 1 to 40 hours, more of them in the middle; a few words; two teams. */
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (csv, "%u,%u,%s\n", i + 1, 1 + i % 20 + i % 21, i % 2 ? "A" : "B");
  g_string_append (csv, "201,Varies,A\n202,Varies,B\n203,Varies,A\n204,Varies,B\n205,Varies,A\n");
  path = fe_test_write_file ("hours.csv", csv->str, -1);
  study = fe_study_load (path, NULL, NULL, &error);
  g_assert_no_error (error);
  return study;
}

static const char *
find_label (const FeChartLayout *layout,
            const char          *start)
{
  for (guint i = 0; i < fe_chart_layout_get_n_labels (layout); i++)
    {
      const char *text = fe_chart_layout_get_label (layout, i)->full_text;

      if (text != NULL && strstr (text, start) != NULL)
        return text;
    }
  return NULL;
}

static void
test_bins_touch_in_order (void)
{
  g_autoptr(FeStudy) study = load_numbers ();
  FeColumn *hours = fe_study_find_column (study, "hours");
  g_autoptr(FeBitset) everybody = fe_bitset_new_full (fe_study_get_n_rows (study));
  g_autoptr(FeTally) tally = fe_tally_compute (hours, everybody, NULL);
  guint n_bins = hours->bins->n_bins;
  FeChartSpec spec;
  FeChartLayout *layout;
  const FeChartSegment *last_bin, *words;
  char *note;
  double q[3];

  g_assert_cmpstr (fe_column_get_role_name (hours), ==, "numeric");
  fe_chart_spec_init (&spec);
  /* Sorting by value would shuffle the bins and break the shape: they keep their order. */
  spec.sort = FE_CHART_SORT_VALUE;
  layout = fe_chart_layout_new (&spec, tally, NULL);
  g_assert_cmpuint (fe_chart_layout_get_n_segments (layout), ==, n_bins + 1);
  for (guint i = 0; i < n_bins; i++)
    {
      const FeChartSegment *s = fe_chart_layout_get_segment (layout, i);

      g_assert_cmpint (s->level, ==, (int) i);
      if (i > 0)
        {
          const FeChartSegment *above = fe_chart_layout_get_segment (layout, i - 1);

          /* No gap between bins. */
          g_assert_cmpfloat_with_epsilon (above->y + above->h, s->y, 0.01);
          g_assert_cmpfloat_with_epsilon (above->h, s->h, 0.01);
        }
    }
  last_bin = fe_chart_layout_get_segment (layout, n_bins - 1);
  words = fe_chart_layout_get_segment (layout, n_bins);
  g_assert_cmpstr (fe_column_get_level (hours, (guint) words->level), ==, "Varies");
  g_assert_cmpfloat (words->h, <, last_bin->h);
  g_assert_cmpfloat (words->y, >=, last_bin->y + last_bin->h);

  /* The median and quartiles of the 200 numbers, not of the bins. */
  g_assert_cmpuint (fe_numbers_quartiles (hours->numbers, everybody, q), ==, 200);
  note = fe_numbers_describe (200, q, 0, FALSE, FALSE);
  g_assert_nonnull (find_label (layout, note));
  g_free (note);
  fe_chart_layout_free (layout);
}

static void
test_split_is_grouped_bars (void)
{
  g_autoptr(FeStudy) study = load_numbers ();
  FeColumn *hours = fe_study_find_column (study, "hours");
  FeColumn *team = fe_study_find_column (study, "team");
  g_autoptr(FeBitset) everybody = fe_bitset_new_full (fe_study_get_n_rows (study));
  g_autoptr(FeTally) tally = fe_tally_compute (hours, everybody, team);
  FeChartSpec spec;
  FeChartLayout *layout;

  fe_chart_spec_init (&spec);
  layout = fe_chart_layout_new (&spec, tally, NULL);
  g_assert_cmpint (fe_chart_layout_get_kind (layout), ==, FE_CHART_KIND_GROUPED_BAR);
  g_assert_cmpuint (fe_chart_layout_get_n_segments (layout), ==,
                    2 * fe_column_get_n_levels (hours));
  /* Each bin's bars are together, bins in order down the chart. */
  for (guint i = 2; i < fe_chart_layout_get_n_segments (layout); i++)
    {
      const FeChartSegment *a = fe_chart_layout_get_segment (layout, i - 2);
      const FeChartSegment *b = fe_chart_layout_get_segment (layout, i);

      g_assert_cmpint (b->level, ==, a->level + 1);
      g_assert_cmpfloat (b->y, >, a->y);
    }
  fe_chart_layout_free (layout);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/histogram/bins-touch-in-order", test_bins_touch_in_order);
  g_test_add_func ("/chart/histogram/split-is-grouped-bars", test_split_is_grouped_bars);
  return g_test_run ();
}
