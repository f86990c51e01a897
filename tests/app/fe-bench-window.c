/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Not a test: the window's frame-time benchmark (issue 17). Opens a study, replays what a
 * researcher does — choose questions, toggle filters on the chart page, on the Respondents page
 * and with a segment selected, sort the grid, type a quote search — and reports, for each kind
 * of action, the time from the action to the next frame the window presents (p50, p95, max),
 * where that time goes and how many pages of memory the action touched for the first time, and
 * the longest stall of the main loop, with the peak RSS.
 *
 *   xvfb-run -s '-screen 0 1600x1000x24' env GSK_RENDERER=cairo \
 *     _build/tests/app/fe-bench-window /tmp/survey-1m.csv --codebook bench/survey-codebook.csv
 *
 * An action runs on the main loop, as a click does: its own time is a stall too. */
#include <adwaita.h>
#include <stdio.h>
#include <sys/resource.h>

#include "fe-app-test-util.h"
#include "fe-chart-layout.h"
#include "fe-filter-panel.h"
#include "fe-question-list.h"
#include "fe-window-private.h"

/* Where an action's time to its frame goes, as the frame clock's signals divide it: the wait
 * from the action to the frame (GDK's X11 backend measures the window in an idle there when
 * anything changed size), the frame's update and layout, its snapshot and rendering, and what
 * GDK does after the paint (under Xvfb without a window manager, a round trip to the X server,
 * which answers once it has taken the frame in). */
typedef enum
{
  PHASE_BEFORE_FRAME,
  PHASE_LAYOUT,
  PHASE_RENDER,
  PHASE_AFTER_PAINT,
  N_PHASES
} Phase;

static const char * const phase_names[] = { "before_frame", "layout", "render", "after_paint" };

typedef struct
{
  const char *name;
  GArray     *to_frame;  /* gint64 µs from the action to the next frame presented (for a
                          * search, every match found) */
  gint64      longest_stall;
  GArray     *in_action;  /* gint64 µs spent in the action itself, before any frame */
  /* gint64 µs the main loop worked for it: the action, then the frame from its start to its
   * presentation, without the wait for the frame's turn (GDK paces frames to the display's
   * refresh, so an action just after a frame waits up to one refresh for the next) */
  GArray     *working;
  GArray     *phases[N_PHASES];  /* gint64 µs of each part of the time to the frame */
  /* gint64 pages the process touched for the first time from the action to its frame: an
   * action that needs memory the process never used (a frame larger than any before) pays for
   * each page, dearly under a virtual machine */
  GArray     *faults;
} Category;

static gint64 last_paint;
static gint64 last_frame_start;
static gint64 last_layout_end;
static gint64 last_render_end;
static gint64 last_tick;
static gint64 longest_gap;
static gboolean print_each;

static gint64
page_faults (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_minflt + usage.ru_majflt;
}

static void
on_before_paint (GdkFrameClock *clock,
                 gpointer       data)
{
  last_frame_start = g_get_monotonic_time ();
}

/* Connected after GTK's own handlers: the layout is done. */
static void
on_laid_out (GdkFrameClock *clock,
             gpointer       data)
{
  last_layout_end = g_get_monotonic_time ();
}

/* Connected after the handler of the window's surface: the frame is drawn. */
static void
on_painted (GdkFrameClock *clock,
            gpointer       data)
{
  last_render_end = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  last_paint = g_get_monotonic_time ();
}

/* A 1 ms timeout on the main loop: the longest time it waited is the longest stall. */
static gboolean
on_tick (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  longest_gap = MAX (longest_gap, now - last_tick);
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
run_until (gboolean (*done) (gpointer),
           gpointer   data,
           gint64     timeout_us)
{
  gint64 now = g_get_monotonic_time ();
  gint64 until = timeout_us > G_MAXINT64 - now ? G_MAXINT64 : now + timeout_us;

  while (!done (data))
    {
      if (g_get_monotonic_time () > until)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }
  return TRUE;
}

static gboolean
painted_since (gpointer data)
{
  return last_paint > *(gint64 *) data;
}

static gboolean
idle_for_a_while (gpointer data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

/* Lets whatever the last action started finish (a sort on a worker, a search), so that the
 * next action is timed on its own. */
static void
settle (int milliseconds)
{
  gint64 until = g_get_monotonic_time () + milliseconds * G_TIME_SPAN_MILLISECOND;

  run_until (idle_for_a_while, &until, G_MAXINT64);
}

typedef void (*Action) (FeWindow *window, gpointer data);

static void
time_action (Category *category,
             FeWindow *window,
             Action    action,
             gpointer  data)
{
  gint64 faults = page_faults ();
  gint64 start = g_get_monotonic_time ();
  gint64 to_frame;
  gint64 spent;

  longest_gap = 0;
  last_tick = start;
  action (window, data);
  spent = g_get_monotonic_time () - start;
  g_array_append_val (category->in_action, spent);
  /* A frame is asked for, so that an action that changes nothing still ends at one. */
  gtk_widget_queue_draw (GTK_WIDGET (window));
  if (!run_until (painted_since, &start, 10 * G_TIME_SPAN_SECOND))
    g_printerr ("fe-bench-window: no frame within 10 s of a %s\n", category->name);
  to_frame = last_paint - start;
  g_array_append_val (category->to_frame, to_frame);
  faults = page_faults () - faults;
  g_array_append_val (category->faults, faults);
  {
    gint64 frame_start = MAX (last_frame_start, start + spent);
    gint64 working = spent + (last_paint - frame_start);
    /* A frame with nothing to lay out or draw leaves those phases empty. */
    gint64 layout_end = MAX (last_layout_end, frame_start);
    gint64 render_end = MAX (last_render_end, layout_end);
    gint64 parts[N_PHASES] = { frame_start - (start + spent), layout_end - frame_start,
                               render_end - layout_end, last_paint - render_end };

    g_array_append_val (category->working, working);
    if (print_each)
      g_print ("%-32s %6.1f ms: action %.1f, before the frame %.1f, layout %.1f, render %.1f, "
               "after the paint %.1f; pages first touched %" G_GINT64_FORMAT "\n",
               category->name, to_frame / 1000.0, spent / 1000.0,
               parts[PHASE_BEFORE_FRAME] / 1000.0, parts[PHASE_LAYOUT] / 1000.0,
               parts[PHASE_RENDER] / 1000.0, parts[PHASE_AFTER_PAINT] / 1000.0, faults);
    for (guint p = 0; p < N_PHASES; p++)
      g_array_append_val (category->phases[p], parts[p]);
  }
  settle (150);
  category->longest_stall = MAX (category->longest_stall, MAX (longest_gap, to_frame));
}

static int
compare_values (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gint64
percentile (GArray *values,
            double  share)
{
  guint index;

  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_values);
  index = MIN (values->len - 1, (guint) (share * values->len));
  return g_array_index (values, gint64, index);
}

static double
percentile_ms (GArray *times,
               double  share)
{
  return percentile (times, share) / 1000.0;
}

/* ---- The script ------------------------------------------------------------------------- */

/* Nothing but the frame every action ends at: what a frame of this window costs by itself. */
static void
redraw_only (FeWindow *window,
             gpointer  data)
{
}

static void
choose_question (FeWindow *window,
                 gpointer  column)
{
  fe_question_list_select (window->question_list, column);
}

typedef struct
{
  FeColumn *column;
  guint     level;
} FilterLevel;

static void
toggle_filter (FeWindow *window,
               gpointer  data)
{
  FilterLevel *filter = data;
  GtkCheckButton *check = fe_filter_panel_get_check_button (window->filter_panel, filter->column,
                                                            filter->level);

  gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

static void
show_page (FeWindow *window,
           gpointer  name)
{
  adw_view_stack_set_visible_child_name (fe_app_test_find_widget (GTK_WIDGET (window),
                                                                  ADW_TYPE_VIEW_STACK),
                                         name);
}

static void
select_first_segment (FeWindow *window,
                      gpointer  data)
{
  const FeChartLayout *layout = fe_chart_view_get_layout (window->chart_view);
  const FeChartSegment *segment = fe_chart_layout_get_segment (layout, 0);

  fe_explore_state_select (window->state, segment->level, segment->group);
}

static void
sort_by_column (FeWindow *window,
                gpointer  data)
{
  GtkColumnView *view = fe_app_test_find_widget (GTK_WIDGET (window->respondent_view),
                                                 GTK_TYPE_COLUMN_VIEW);
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns,
                                                                 GPOINTER_TO_UINT (data));

  gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
}

/* The search as the entry starts it, without the entry's pause after a key, so that the time is
 * the search's. */
static void
type_search (FeWindow *window,
             gpointer  text)
{
  fe_quote_browser_set_search (window->quote_browser, text);
}

/* Thirty filter clicks on levels of the attributes, each one on and then off again: as many
 * as the script asks for, and enough that the p95 is not simply the slowest click. */
static void
toggle_filters (Category *category,
                FeWindow *window,
                GArray   *levels)
{
  for (guint i = 0; i < 30; i++)
    time_action (category, window, toggle_filter,
                 &g_array_index (levels, FilterLevel, (i / 2) % levels->len));
}

static gboolean
search_done (gpointer browser)
{
  return !fe_quote_browser_is_searching (browser);
}

static gboolean
study_loaded (gpointer window)
{
  return fe_app_test_study_loaded (window);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *codebook = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "codebook", 0, 0, G_OPTION_ARG_FILENAME, &codebook, "The study's codebook", "FILE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print one JSON line", NULL },
    { "each", 0, 0, G_OPTION_ARG_NONE, &print_each,
      "Also print each action's time and its parts, in the order of the script", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("RESPONSES.csv");
  g_autoptr(GError) error = NULL;
  Category idle = { "frame alone (no change)" }, questions = { "question change" },
           chart = { "filter click (chart)" }, respondents = { "filter click (respondents)" },
           selected = { "filter click (segment selected)" }, page = { "page switch" },
           sorting = { "grid sort" }, search = { "quote search key" },
           searched = { "search, every match found" },
           segment = { "segment click" };
  Category *categories[] = { &idle, &questions, &chart, &page, &respondents, &segment, &selected,
                             &sorting, &search, &searched };
  g_autoptr(GArray) levels = g_array_new (FALSE, FALSE, sizeof (FilterLevel));
  g_autoptr(GPtrArray) charted = g_ptr_array_new ();
  GFile *files[2];
  guint n_files = 0;
  FeWindow *window;
  FeStudy *study;
  gint64 load_start, longest = 0, p95_clicks = 0, p95_working = 0;
  struct rusage usage;
  guint tick_source;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("fe-bench-window: %s\n", error ? error->message : "give one responses file");
      return 2;
    }
  gtk_init ();
  adw_init ();
  fe_app_test_load_app_style ();
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      categories[i]->to_frame = g_array_new (FALSE, FALSE, sizeof (gint64));
      categories[i]->in_action = g_array_new (FALSE, FALSE, sizeof (gint64));
      categories[i]->working = g_array_new (FALSE, FALSE, sizeof (gint64));
      categories[i]->faults = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint p = 0; p < N_PHASES; p++)
        categories[i]->phases[p] = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  window = g_object_new (FE_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  files[n_files++] = g_file_new_for_commandline_arg (argv[1]);
  if (codebook != NULL)
    files[n_files++] = g_file_new_for_commandline_arg (codebook);
  load_start = g_get_monotonic_time ();
  fe_window_open_files (window, files, n_files);
  if (!run_until (study_loaded, window, 600 * G_TIME_SPAN_SECOND))
    {
      g_printerr ("fe-bench-window: %s did not load: %s\n", argv[1],
                  fe_window_get_last_error (window));
      return 1;
    }
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "before-paint",
                    G_CALLBACK (on_before_paint), NULL);
  g_signal_connect_after (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "layout",
                          G_CALLBACK (on_laid_out), NULL);
  g_signal_connect_after (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "paint",
                          G_CALLBACK (on_painted), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint), NULL);
  settle (500);
  if (!json)
    g_print ("loaded in %.1f s\n", (g_get_monotonic_time () - load_start) / 1e6);
  tick_source = g_timeout_add_full (G_PRIORITY_HIGH, 1, on_tick, NULL, NULL);

  study = fe_window_get_study (window);
  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);

      if (fe_column_is_question (column) && fe_column_get_n_levels (column) > 0)
        g_ptr_array_add (charted, column);
      if (column->role == FE_ROLE_ATTRIBUTE && fe_filter_panel_get_check_button (
                                                 window->filter_panel, column, 0) != NULL)
        for (guint l = 0; l < MIN (fe_column_get_n_levels (column), 3u); l++)
          g_array_append_val (levels, ((FilterLevel) { column, l }));
    }
  if (levels->len == 0 || charted->len < 2)
    {
      g_printerr ("fe-bench-window: the study needs an attribute and two questions\n");
      return 1;
    }

  /* Filters are clicked where a researcher clicks them: on the Filters page of the sidebar,
   * whose counts follow each click. */
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (
                                                                     window->filter_panel),
                                                                   GTK_TYPE_STACK)),
                               GTK_WIDGET (window->filter_panel));
  settle (200);
  for (guint i = 0; i < 10; i++)
    time_action (&idle, window, redraw_only, NULL);
  /* Ten question changes, going round the questions when a study has fewer. */
  for (guint i = 1; i <= 10; i++)
    time_action (&questions, window, choose_question,
                 g_ptr_array_index (charted, i % charted->len));

  toggle_filters (&chart, window, levels);
  time_action (&page, window, show_page, "respondents");
  toggle_filters (&respondents, window, levels);
  for (guint c = 1; c <= 3; c++)
    time_action (&sorting, window, sort_by_column, GUINT_TO_POINTER (c));
  time_action (&page, window, show_page, "chart");
  time_action (&segment, window, select_first_segment, NULL);
  toggle_filters (&selected, window, levels);
  {
    static const char * const typed[] = { "s", "su", "sub", "subs", "subst", "substa" };

    for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
      {
        gint64 start = g_get_monotonic_time ();
        gint64 took;

        time_action (&search, window, type_search, (gpointer) typed[i]);
        run_until (search_done, window->quote_browser, 60 * G_TIME_SPAN_SECOND);
        took = g_get_monotonic_time () - start;
        g_array_append_val (searched.to_frame, took);
      }
  }
  g_source_remove (tick_source);
  getrusage (RUSAGE_SELF, &usage);

  if (json)
    g_print ("{");
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      Category *category = categories[i];
      double p50 = percentile_ms (category->to_frame, 0.5);
      double p95 = percentile_ms (category->to_frame, 0.95);
      double max = percentile_ms (category->to_frame, 1.0);
      double in_action = percentile_ms (category->in_action, 0.5);
      double working_p50 = percentile_ms (category->working, 0.5);
      double working_p95 = percentile_ms (category->working, 0.95);

      longest = MAX (longest, category->longest_stall);
      if (g_str_has_prefix (category->name, "filter click")
          || category == &questions)
        {
          p95_clicks = MAX (p95_clicks, (gint64) (p95 * 1000));
          p95_working = MAX (p95_working, (gint64) (working_p95 * 1000));
        }
      if (json)
        {
          g_print ("\"%s\": {\"n\": %u, \"p50_ms\": %.1f, \"p95_ms\": %.1f, "
                   "\"max_ms\": %.1f, \"in_action_p50_ms\": %.1f, \"working_p50_ms\": %.1f, "
                   "\"working_p95_ms\": %.1f, \"longest_stall_ms\": %.1f, \"phases_p50_ms\": {",
                   category->name, category->to_frame->len, p50, p95, max, in_action,
                   working_p50, working_p95, category->longest_stall / 1000.0);
          for (guint p = 0; p < N_PHASES; p++)
            g_print ("%s\"%s\": %.2f", p > 0 ? ", " : "", phase_names[p],
                     percentile_ms (category->phases[p], 0.5));
          g_print ("}, \"page_faults_p50\": %" G_GINT64_FORMAT ", \"page_faults_max\": %"
                   G_GINT64_FORMAT "}, ", percentile (category->faults, 0.5),
                   percentile (category->faults, 1.0));
        }
      else
        {
          g_print ("%-32s n=%-3u input→frame p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  "
                   "(in the action %5.1f ms; working p50 %5.1f ms, p95 %5.1f ms)  "
                   "longest stall %6.1f ms\n",
                   category->name, category->to_frame->len, p50, p95, max, in_action,
                   working_p50, working_p95, category->longest_stall / 1000.0);
          if (category->phases[PHASE_BEFORE_FRAME]->len > 0)
            g_print ("%-32s p50 before the frame %.1f ms, layout %.1f ms, render %.1f ms, "
                     "after the paint %.1f ms; pages first touched p50 %" G_GINT64_FORMAT
                     ", max %" G_GINT64_FORMAT "\n", "",
                     percentile_ms (category->phases[PHASE_BEFORE_FRAME], 0.5),
                     percentile_ms (category->phases[PHASE_LAYOUT], 0.5),
                     percentile_ms (category->phases[PHASE_RENDER], 0.5),
                     percentile_ms (category->phases[PHASE_AFTER_PAINT], 0.5),
                     percentile (category->faults, 0.5), percentile (category->faults, 1.0));
        }
      g_array_unref (category->to_frame);
      g_array_unref (category->in_action);
      g_array_unref (category->working);
      g_array_unref (category->faults);
      for (guint p = 0; p < N_PHASES; p++)
        g_array_unref (category->phases[p]);
    }
  if (json)
    g_print ("\"p95_clicks_ms\": %.1f, \"p95_clicks_working_ms\": %.1f, "
             "\"longest_stall_ms\": %.1f, \"peak_rss_mib\": %.0f}\n",
             p95_clicks / 1000.0, p95_working / 1000.0, longest / 1000.0,
             usage.ru_maxrss / 1024.0);
  else
    g_print ("p95 of question changes and filter clicks %.1f ms (working %.1f ms); "
             "longest stall %.1f ms; peak RSS %.0f MiB\n",
             p95_clicks / 1000.0, p95_working / 1000.0, longest / 1000.0,
             usage.ru_maxrss / 1024.0);

  for (guint i = 0; i < n_files; i++)
    g_object_unref (files[i]);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
