/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A label that is one enormous word (a pasted hash, a runaway export) is cut to what the chart
 * can show, in time that does not grow with its length. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fe-chart-export.h"
#include "fe-study.h"
#include "fe-test-util.h"

#define WORD_LENGTH 100000

static void
test_hundred_kilobyte_label (void)
{
  g_autoptr(GString) csv = g_string_new ("participant,force\n");
  g_autofree char *word = g_strnfill (WORD_LENGTH, 'x');
  g_autofree char *responses = NULL;
  g_autofree char *codebook = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *svg_path = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = NULL;
  g_autoptr(FeTally) tally = NULL;
  FeChartSpec spec;
  gint64 start;
  gsize length;

  g_string_append_printf (csv, "1,%s\n2,Gwent\n3,%s\n4,Dyfed-Powys\n", word, word);
  responses = fe_test_write_file ("responses.csv", csv->str, (gssize) csv->len);
  codebook = fe_test_write_file ("codebook.csv", "column,role\nparticipant,id\n"
                                 "force,attribute\n", -1);
  study = fe_study_load (responses, codebook, NULL, &error);
  g_assert_no_error (error);
  tally = fe_tally_compute (fe_study_find_column (study, "force"),
                            fe_study_get_universe (study), NULL);
  dir = g_path_get_dirname (responses);
  svg_path = g_build_filename (dir, "chart.svg", NULL);
  json_path = g_build_filename (dir, "chart.json", NULL);

  fe_chart_spec_init (&spec);
  spec.min_cell = 0;
  start = g_get_monotonic_time ();
  g_assert_true (fe_chart_export (&spec, tally, FE_CHART_FORMAT_SVG, 1, svg_path, json_path,
                                  &error));
  g_assert_no_error (error);
  g_test_message ("a chart with a 100,000-character label exported in %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);

  /* The label is shown cut, with an ellipsis, beside the whole ones. */
  g_assert_true (g_file_get_contents (json_path, &json, &length, &error));
  g_assert_nonnull (strstr (json, "xxxxxxxxxx"));
  g_assert_nonnull (strstr (json, "…"));
  g_assert_nonnull (strstr (json, "Dyfed-Powys"));
  g_assert_true (g_file_get_contents (svg_path, &svg, &length, &error));
  g_assert_true (g_str_has_suffix (g_strchomp (svg), "</svg>"));
  g_unlink (svg_path);
  g_unlink (json_path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/long-text/hundred-kilobyte-label", test_hundred_kilobyte_label);
  return g_test_run ();
}
