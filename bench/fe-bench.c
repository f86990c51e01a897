/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Measures what a researcher waits for, on a responses file (see bench/README.md):
 *   fe-bench load FILE [--runs N]       open → every column stored → the first question tallied
 *   fe-bench refilter FILE [--runs N] [--changes N] [--verify]
 *                                       one filter changed → the chart split by the first
 *                                       attribute and every level count of the filter panel
 *   fe-bench render FILE [--runs N]     the first chart's layout and paint on an image surface
 * --threads N cuts the file into N parts, one thread each (default: one per core, at most 8).
 * --codebook FILE gives roles (bench/survey-codebook.csv makes the generated survey's 43 forces
 * an attribute to split by; without it, 43 values are more than an inferred attribute has). 
 * Each prints one JSON line; times are medians over the runs. Not installed. */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <cairo.h>

#include "fe-chart-layout.h"
#include "fe-csv-table-private.h"
#include "fe-filter.h"
#include "fe-json.h"
#include "fe-study.h"
#include "fe-tally.h"

static int runs = 3;
static int changes = 400;
static gboolean verify = FALSE;
static guint seed = 20261128;
static char *codebook = NULL;
static int threads = 0;

static GOptionEntry entries[] = {
  { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs to take the median of (3)", "N" },
  { "changes", 0, 0, G_OPTION_ARG_INT, &changes, "Filter changes per refilter run (400)", "N" },
  { "verify", 0, 0, G_OPTION_ARG_NONE, &verify, "Check every count against a recount", NULL },
  { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the random filter changes", "N" },
  { "codebook", 0, 0, G_OPTION_ARG_FILENAME, &codebook, "A codebook for the file", "FILE" },
  { "threads", 0, 0, G_OPTION_ARG_INT, &threads, "Parts parsed at once (one per core)", "N" },
  { NULL },
};

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

/* The value at @fraction (0.5: the median) of @times, sorted in place. */
static double
percentile (GArray *times,
            double  fraction)
{
  guint i;

  g_array_sort (times, compare_double);
  i = (guint) (fraction * (times->len - 1) + 0.5);
  return g_array_index (times, double, MIN (i, times->len - 1));
}

static FeStudy *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  FeStudy *study = fe_study_load (path, codebook, NULL, &error);

  if (study == NULL)
    {
      fprintf (stderr, "fe-bench: %s\n", error->message);
      exit (1);
    }
  return study;
}

/* The chart the app opens on: the first question that is not a respondent attribute. */
static FeColumn *
first_question (FeStudy *study)
{
  FeColumn *fallback = NULL;

  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);

      if (!fe_column_is_question (column))
        continue;
      if (column->role != FE_ROLE_ATTRIBUTE)
        return column;
      if (fallback == NULL)
        fallback = column;
    }
  return fallback;
}

static FeColumn *
first_attribute (FeStudy *study)
{
  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);

      if (column->role == FE_ROLE_ATTRIBUTE)
        return column;
    }
  return NULL;
}

/* The first chart's counts, which tests/test-bench.py checks against a recount of the file. */
static void
set_counts_members (JsonObject    *object,
                    const FeTally *tally)
{
  JsonArray *counts = json_array_new ();

  json_object_set_string_member (object, "question", tally->question->id);
  json_object_set_int_member (object, "base", tally->base);
  json_object_set_int_member (object, "answered", tally->answered);
  for (guint l = 0; l < tally->n_levels; l++)
    {
      JsonObject *level = json_object_new ();

      json_object_set_string_member (level, "label", fe_column_get_level (tally->question, l));
      json_object_set_int_member (level, "count", tally->counts[l]);
      json_array_add_object_element (counts, level);
    }
  json_object_set_array_member (object, "counts", counts);
}

static void
copy_member (JsonObject *from,
             const char *name,
             JsonNode   *node,
             gpointer    to)
{
  json_object_set_member (to, name, json_node_copy (node));
}

/* @object as one JSON line on stdout, the form bench/compare and the test read. */
static void
print_line (JsonObject *object)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;

  json_node_set_object (root, object);
  text = fe_json_to_data (root, FALSE);
  fputs (text, stdout);
}

static int
bench_load (const char *path)
{
  g_autoptr(GArray) first_chart = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) loads = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(JsonObject) out = json_object_new ();
  g_autoptr(JsonObject) counts = NULL;
  guint rows = 0;
  guint64 bytes = 0;
  GStatBuf st;

  if (g_stat (path, &st) == 0)
    bytes = (guint64) st.st_size;
  for (int run = 0; run < runs; run++)
    {
      double start = now_ms (), loaded, charted;
      g_autoptr(FeStudy) study = load (path);
      g_autoptr(FeFilter) filter = NULL;
      g_autoptr(FeBitset) universe = NULL;
      g_autoptr(FeTally) tally = NULL;
      FeColumn *question;

      loaded = now_ms ();
      question = first_question (study);
      filter = fe_filter_new (study);
      universe = fe_filter_compute_rows (filter);
      if (question != NULL)
        tally = fe_tally_compute (question, universe, NULL);
      charted = now_ms ();
      rows = fe_study_get_n_rows (study);
      g_array_append_val (loads, (double) { loaded - start });
      g_array_append_val (first_chart, (double) { charted - start });
      /* Kept apart from the study, which goes before the next run loads: two at once would
       * double the peak memory measured. */
      g_clear_pointer (&counts, json_object_unref);
      counts = json_object_new ();
      if (tally != NULL)
        set_counts_members (counts, tally);
    }

  json_object_set_int_member (out, "rows", rows);
  json_object_set_int_member (out, "bytes", (gint64) bytes);
  json_object_set_double_member (out, "first_chart_ms", percentile (first_chart, 0.5));
  json_object_set_double_member (out, "load_ms", percentile (loads, 0.5));
  json_object_set_int_member (out, "peak_rss_kib", peak_rss_kib ());
  json_object_set_int_member (out, "runs", runs);
  if (counts != NULL)
    json_object_foreach_member (counts, copy_member, out);
  print_line (out);
  return 0;
}

/* Every level count of a column under @rows, counted row by row from the stored values. */
static void
recount (FeStudy        *study,
         const FeColumn *column,
         const FeBitset *rows,
         guint          *counts)
{
  memset (counts, 0, sizeof (guint) * fe_column_get_n_levels (column));
  for (guint r = 0; r < fe_study_get_n_rows (study); r++)
    {
      if (!fe_bitset_get (rows, r))
        continue;
      if (column->values != NULL)
        {
          if (column->values[r] != 0)
            counts[column->values[r] - 1]++;
        }
      else
        for (guint l = 0; l < fe_column_get_n_levels (column); l++)
          counts[l] += fe_bitset_get (g_ptr_array_index (column->level_rows, l), r);
    }
}

/* The rows passing @filter except on @except, row by row. */
static FeBitset *
refilter_by_rows (FeStudy        *study,
                  GPtrArray      *columns,
                  const FeFilter *filter,
                  const FeColumn *except)
{
  FeBitset *rows = fe_bitset_copy (fe_study_get_universe (study));

  for (guint r = 0; r < fe_study_get_n_rows (study); r++)
    for (guint i = 0; i < columns->len && fe_bitset_get (rows, r); i++)
      {
        const FeColumn *column = g_ptr_array_index (columns, i);
        gboolean filtered = FALSE, passes = FALSE;

        if (column == except)
          continue;
        for (guint l = 0; l < fe_column_get_n_levels (column); l++)
          if (fe_filter_has_level (filter, column, l))
            {
              filtered = TRUE;
              passes |= fe_bitset_get (g_ptr_array_index (column->level_rows, l), r);
            }
        if (filtered && !passes)
          fe_bitset_clear_bit (rows, r);
      }
  return rows;
}

static void
check_equal (guint       got,
             guint       expected,
             const char *what)
{
  if (got != expected)
    {
      fprintf (stderr, "fe-bench: %s is %u, a recount gives %u\n", what, got, expected);
      exit (1);
    }
}

/* What one click costs in the app: the filters applied, the visible chart split by the first
 * attribute recounted, the sidebar's answered counts, and every level count of the filter panel
 * (each under the filters on the other columns). Returns a checksum so nothing is optimised
 * away. */
static guint
recount_view (FeStudy        *study,
              GPtrArray      *filterable,
              const FeFilter *filter,
              const FeColumn *question,
              const FeColumn *by)
{
  g_autoptr(FeBitset) rows = fe_filter_compute_rows (filter);
  g_autoptr(FeTally) tally = fe_tally_compute (question, rows, by);
  guint sum = tally->base + tally->answered;

  for (guint i = 0; i < filterable->len; i++)
    {
      const FeColumn *column = g_ptr_array_index (filterable, i);
      g_autoptr(FeBitset) except = fe_filter_compute_rows_except (filter, column);

      sum += fe_bitset_count_and (rows, column->answered);
      for (guint l = 0; l < fe_column_get_n_levels (column); l++)
        sum += fe_bitset_count_and (except, g_ptr_array_index (column->level_rows, l));
    }

  if (verify)
    {
      g_autofree guint *counts = g_new (guint, MAX (tally->n_levels, 1));

      recount (study, question, rows, counts);
      for (guint l = 0; l < tally->n_levels; l++)
        check_equal (tally->counts[l], counts[l], "a chart count");
      for (guint g = 0; g < tally->n_groups; g++)
        {
          g_autoptr(FeBitset) group = fe_bitset_copy (rows);

          fe_bitset_and (group, g_ptr_array_index (by->level_rows, g));
          recount (study, question, group, counts);
          check_equal (tally->groups[g].base, fe_bitset_count (group), "a group's base");
          for (guint l = 0; l < tally->n_levels; l++)
            check_equal (tally->groups[g].counts[l], counts[l], "a group's count");
        }
      for (guint i = 0; i < filterable->len; i++)
        {
          const FeColumn *column = g_ptr_array_index (filterable, i);
          g_autoptr(FeBitset) except = fe_filter_compute_rows_except (filter, column);
          g_autoptr(FeBitset) expected = refilter_by_rows (study, filterable, filter, column);
          g_autofree guint *panel = g_new (guint, MAX (fe_column_get_n_levels (column), 1));

          check_equal (fe_bitset_count (except), fe_bitset_count (expected), "a filter's rows");
          recount (study, column, expected, panel);
          for (guint l = 0; l < fe_column_get_n_levels (column); l++)
            check_equal (fe_bitset_count_and (except,
                                              g_ptr_array_index (column->level_rows, l)),
                         panel[l], "a filter panel count");
        }
    }
  return sum;
}

/* Picks or unpicks one level, as a click on a filter check box does; keeps at most three
 * columns filtered, as a person narrowing down would. */
static void
change_filter (FeFilter  *filter,
               GPtrArray *filterable,
               GRand     *rand)
{
  const FeColumn *column = g_ptr_array_index (filterable,
                                              g_rand_int_range (rand, 0, (gint32) filterable->len));
  guint level = (guint) g_rand_int_range (rand, 0, (gint32) fe_column_get_n_levels (column));

  if (fe_filter_has_level (filter, column, level))
    fe_filter_remove_level (filter, column, level);
  else
    {
      if (fe_filter_get_n_columns (filter) >= 3 && !fe_filter_has_level (filter, column, 0))
        fe_filter_clear_column (filter, fe_filter_get_column (filter, 0));
      fe_filter_add_level (filter, column, level);
    }
}

static int
bench_refilter (const char *path)
{
  g_autoptr(FeStudy) study = load (path);
  g_autoptr(GPtrArray) filterable = g_ptr_array_new ();
  g_autoptr(GArray) medians = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(JsonObject) out = json_object_new ();
  FeColumn *question = first_question (study);
  FeColumn *by = first_attribute (study);
  guint checksum = 0;

  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);

      if (fe_column_is_question (column) && fe_column_get_n_levels (column) > 0)
        g_ptr_array_add (filterable, column);
    }
  if (question == NULL || filterable->len == 0)
    {
      fprintf (stderr, "fe-bench: %s has no question to filter by\n", path);
      return 1;
    }

  for (int run = 0; run < runs; run++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed + (guint) run);
      g_autoptr(FeFilter) filter = fe_filter_new (study);
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

      /* Warm the caches as a first click would. */
      checksum += recount_view (study, filterable, filter, question, by);
      for (int i = 0; i < changes; i++)
        {
          double start;

          change_filter (filter, filterable, rand);
          start = now_ms ();
          checksum += recount_view (study, filterable, filter, question, by);
          g_array_append_val (times, (double) { now_ms () - start });
        }
      g_array_append_vals (all, times->data, times->len);
      g_array_append_val (medians, (double) { percentile (times, 0.5) });
    }

  json_object_set_int_member (out, "n", all->len);
  json_object_set_double_member (out, "median_ms", percentile (medians, 0.5));
  json_object_set_double_member (out, "p95_ms", percentile (all, 0.95));
  json_object_set_int_member (out, "rows", fe_study_get_n_rows (study));
  json_object_set_int_member (out, "columns", filterable->len);
  json_object_set_int_member (out, "checksum", checksum);
  print_line (out);
  return 0;
}

static int
bench_render (const char *path)
{
  g_autoptr(FeStudy) study = load (path);
  g_autoptr(FeFilter) filter = fe_filter_new (study);
  g_autoptr(FeBitset) rows = fe_filter_compute_rows (filter);
  g_autoptr(GArray) layouts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paints = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(JsonObject) out = json_object_new ();
  FeColumn *question = first_question (study);
  FeColumn *by = first_attribute (study);

  if (question == NULL)
    {
      fprintf (stderr, "fe-bench: %s has no question to chart\n", path);
      return 1;
    }
  for (int run = 0; run < MAX (runs, 1); run++)
    {
      g_autoptr(FeTally) tally = fe_tally_compute (question, rows, by);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 720);
      cairo_t *cr = cairo_create (surface);
      FeChartLayout *layout;
      FeChartSpec spec;
      double start, laid_out, painted;

      fe_chart_spec_init (&spec);
      spec.width = 1280;
      spec.height = 720;
      start = now_ms ();
      layout = fe_chart_layout_new (&spec, tally, NULL);
      laid_out = now_ms ();
      fe_chart_layout_paint (layout, cr);
      cairo_surface_flush (surface);
      painted = now_ms ();
      g_array_append_val (layouts, (double) { laid_out - start });
      g_array_append_val (paints, (double) { painted - laid_out });
      g_array_append_val (totals, (double) { painted - start });
      fe_chart_layout_free (layout);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  json_object_set_string_member (out, "question", question->id);
  json_object_set_string_member (out, "by", by ? by->id : "");
  json_object_set_double_member (out, "layout_ms", percentile (layouts, 0.5));
  json_object_set_double_member (out, "paint_ms", percentile (paints, 0.5));
  json_object_set_double_member (out, "median_ms", percentile (totals, 0.5));
  json_object_set_int_member (out, "runs", MAX (runs, 1));
  print_line (out);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("load|refilter|render FILE");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3 || runs < 1
      || changes < 1 || threads < 0 || threads > 8)
    {
      fprintf (stderr, "usage: fe-bench load|refilter|render FILE [--runs N] [--changes N] "
                       "[--verify] [--threads 1-8]\n");
      return 2;
    }
  fe_csv_table_set_tuning (0, 0, 0, (guint) threads);
  if (strcmp (argv[1], "load") == 0)
    return bench_load (argv[2]);
  if (strcmp (argv[1], "refilter") == 0)
    return bench_refilter (argv[2]);
  if (strcmp (argv[1], "render") == 0)
    return bench_render (argv[2]);
  fprintf (stderr, "fe-bench: unknown benchmark %s\n", argv[1]);
  return 2;
}
