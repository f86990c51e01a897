/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Themes together in the window: a coded question as the split, a coded question split by
 * itself (its co-occurrence), and the chart taken to a slide as `export` draws it. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fe-app-test-util.h"
#include "fe-cell-quotes.h"
#include "fe-chart-layout.h"
#include "fe-chart-view.h"
#include "fe-cooccurrence.h"
#include "fe-presentation.h"
#include "fe-quote-browser.h"
#include "fe-quote-item.h"
#include "fe-quote.h"
#include "fe-test-util.h"
#include "fe-window-private.h"

static const char *binary_path;

static gboolean
chart_laid_out (gpointer data)
{
  return fe_chart_view_get_layout (fe_window_get_chart_view (data)) != NULL;
}

/* The split dropdown's position of @column, or 0 when it is not offered. */
static guint
split_choice (FeWindow *window,
              FeColumn *column)
{
  for (guint i = 0; i < window->split_columns->len; i++)
    if (g_ptr_array_index (window->split_columns, i) == column)
      return i + 1;
  return 0;
}

static void
test_coded_question_splits_and_splits_itself (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeStudy *study = fe_window_get_study (window);
  FeColumn *vulnerabilities = fe_study_find_column (study, "vulnerabilities");
  FeColumn *barriers = fe_study_find_column (study, "barriers");
  FeColumn *better_enabled = fe_study_find_column (study, "better_enabled");
  FeColumn *training = fe_study_find_column (study, "training");
  FeChartView *view = fe_window_get_chart_view (window);
  const FeTally *tally;

  g_assert_cmpuint (split_choice (window, barriers), >, 0);
  g_assert_cmpuint (split_choice (window, training), >, 0);

  fe_question_list_select (window->question_list, better_enabled);
  gtk_drop_down_set_selected (window->split_dropdown, split_choice (window, barriers));
  tally = fe_chart_view_get_tally (view);
  g_assert_true (tally->by == barriers);
  g_assert_true (tally->both);

  /* A coded question picked as its own split is its co-occurrence, drawn as a heat map. */
  fe_question_list_select (window->question_list, vulnerabilities);
  gtk_drop_down_set_selected (window->split_dropdown, split_choice (window, vulnerabilities));
  g_assert_cmpuint (gtk_drop_down_get_selected (window->split_dropdown), ==,
                    split_choice (window, vulnerabilities));
  tally = fe_chart_view_get_tally (view);
  g_assert_true (fe_cooccurrence_is (tally));
  g_assert_true (fe_test_wait_until (chart_laid_out, window));
  g_assert_cmpint (fe_chart_layout_get_kind (fe_chart_view_get_layout (view)), ==,
                   FE_CHART_KIND_HEATMAP);
  /* It has no percentages of a group: the % button says so instead of doing nothing. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->percent_button)));

  /* The chart's menu turns counts into overlap, only for a co-occurrence. */
  g_assert_true (g_action_get_enabled (g_action_map_lookup_action (G_ACTION_MAP (window),
                                                                   "overlap")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.overlap", NULL);
  g_assert_cmpint (fe_explore_state_get_measure (window->state), ==, FE_CHART_MEASURE_OVERLAP);
  fe_question_list_select (window->question_list, better_enabled);
  g_assert_false (g_action_get_enabled (g_action_map_lookup_action (G_ACTION_MAP (window),
                                                                    "overlap")));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->percent_button)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether @quote carries theme @code. */
static gboolean
carries (const FeQuote *quote,
         guint          code)
{
  for (guint i = 0; quote->codes != NULL && i < quote->codes->len; i++)
    if (g_array_index (quote->codes, guint, i) == code)
      return TRUE;
  return FALSE;
}

/* A cell of "better enabled × barriers" lists what its respondents wrote to both questions,
 * each quote with the theme it carries; a quote picked highlights the cells of its author. */
static void
test_cell_opens_quotes_from_both (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeStudy *study = fe_window_get_study (window);
  FeExploreState *state = fe_window_get_state (window);
  FeColumn *better_enabled = fe_study_find_column (study, "better_enabled");
  FeColumn *barriers = fe_study_find_column (study, "barriers");
  FeQuoteBrowser *browser = fe_window_get_quote_browser (window);
  GListModel *model = fe_quote_browser_get_model (browser);
  int level = fe_column_find_level (better_enabled, "Training and knowledge");
  int group = fe_column_find_level (barriers, "Lack of trust");
  const FeBitset *in_level = g_ptr_array_index (better_enabled->level_rows, (guint) level);
  const FeBitset *in_group = g_ptr_array_index (barriers->level_rows, (guint) group);
  guint from_question = 0, from_split = 0, expected_question = 0, expected_split = 0;
  FeQuery *query;

  fe_explore_state_show (state, better_enabled, barriers);
  fe_explore_state_select (state, level, group);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FeQuoteItem) item = g_list_model_get_item (model, i);
      const FeQuote *quote = fe_quote_item_get_quote (item);

      g_assert_true (fe_bitset_get (in_level, quote->row) && fe_bitset_get (in_group, quote->row));
      if (quote->column == better_enabled)
        {
          g_assert_true (carries (quote, (guint) level));
          from_question++;
        }
      else
        {
          g_assert_true (quote->column == barriers);
          g_assert_true (carries (quote, (guint) group));
          from_split++;
        }
    }
  /* Every coding of the cell's respondents with the cell's themes, counted directly. */
  for (guint i = 0; i < better_enabled->codings->len; i++)
    {
      const FeCodingEntry *entry = &g_array_index (better_enabled->codings, FeCodingEntry, i);

      if (entry->code == (guint) level && fe_bitset_get (in_group, entry->row)
          && fe_bitset_get (fe_query_get_rows (fe_explore_state_get_query (state)), entry->row))
        expected_question++;
    }
  for (guint i = 0; i < barriers->codings->len; i++)
    {
      const FeCodingEntry *entry = &g_array_index (barriers->codings, FeCodingEntry, i);

      if (entry->code == (guint) group && fe_bitset_get (in_level, entry->row)
          && fe_bitset_get (fe_query_get_rows (fe_explore_state_get_query (state)), entry->row))
        expected_split++;
    }
  g_assert_cmpuint (from_question, ==, expected_question);
  g_assert_cmpuint (from_split, ==, expected_split);
  g_assert_cmpuint (from_split, >, 0);

  /* The author of a quote picked is in the cell. */
  fe_quote_browser_select (browser, g_list_model_get_n_items (model) - 1);
  query = fe_explore_state_get_query (state);
  g_assert_cmpint (fe_explore_state_get_respondent (state), >=, 0);
  g_assert_true (fe_query_row_in_segment (query, (guint) fe_explore_state_get_respondent (state),
                                          (guint) level, group));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A co-occurrence cell lists each of its respondents' quotes together, once each, and so says
 * how many respondents wrote them. */
static void
test_cooccurrence_cell_quotes_count_each_respondent_once (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeStudy *study = fe_window_get_study (window);
  FeColumn *vulnerabilities = fe_study_find_column (study, "vulnerabilities");
  int substance = fe_column_find_level (vulnerabilities, "Substance use");
  int mental = fe_column_find_level (vulnerabilities, "Mental health");
  g_autoptr(FeQuery) query = fe_query_new (study, NULL, vulnerabilities, vulnerabilities);
  g_autoptr(GPtrArray) quotes = fe_query_collect_cell_quotes (query, (guint) substance, mental);
  g_autoptr(FeBitset) cell = fe_query_dup_segment_rows (query, (guint) substance, mental);
  g_autoptr(GHashTable) rows = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) groups = NULL;

  g_assert_nonnull (quotes);
  for (guint i = 0; i < quotes->len; i++)
    {
      const FeQuote *quote = g_ptr_array_index (quotes, i);

      g_assert_true (fe_bitset_get (cell, quote->row));
      g_assert_true (carries (quote, (guint) substance) || carries (quote, (guint) mental));
      for (guint j = 0; j < i; j++)
        g_assert_false (((FeQuote *) g_ptr_array_index (quotes, j))->row == quote->row
                        && g_strcmp0 (((FeQuote *) g_ptr_array_index (quotes, j))->text,
                                      quote->text) == 0);
      g_hash_table_add (rows, GUINT_TO_POINTER (quote->row + 1));
    }
  groups = fe_quotes_group_by_question (quotes);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpuint (g_array_index (groups, FeQuoteGroup, 0).n_respondents, ==,
                    g_hash_table_size (rows));
  g_assert_cmpuint (g_hash_table_size (rows), <=, fe_bitset_count (cell));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A saved co-occurrence view presents as its heat map: the split by itself is kept. */
static void
test_cooccurrence_view_presents (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = fe_study_load_sample (&error);
  g_autoptr(FeProject) project = fe_project_new ();
  FeSavedView *view = fe_saved_view_new ();
  FePresentation *presentation;
  FeChartView *chart;

  g_assert_no_error (error);
  view->title = g_strdup ("Substance use goes with mental health");
  view->question = g_strdup ("vulnerabilities");
  view->by = g_strdup ("vulnerabilities");
  fe_project_add_view (project, view);

  presentation = fe_presentation_new (NULL, study, project, 5, FALSE, 0);
  gtk_window_present (GTK_WINDOW (presentation));
  chart = fe_presentation_get_chart_view (presentation);
  g_assert_true (fe_cooccurrence_is (fe_chart_view_get_tally (chart)));
  fe_app_test_settle (300);
  g_assert_nonnull (fe_chart_view_get_layout (chart));
  g_assert_cmpint (fe_chart_layout_get_kind (fe_chart_view_get_layout (chart)), ==,
                   FE_CHART_KIND_HEATMAP);
  gtk_window_destroy (GTK_WINDOW (presentation));
}

typedef struct
{
  GBytes   *bytes;
  gboolean  done;
} PngRead;

static void
on_png_spliced (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  PngRead *read = data;

  g_assert_cmpint (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, NULL), >, 0);
  read->bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source));
  read->done = TRUE;
}

/* The clipboard's own content is written into the stream by the main loop: read it so too. */
static void
on_png_read (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  const char *mime = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, &mime, NULL);
  g_assert_nonnull (stream);
  g_assert_cmpstr (mime, ==, "image/png");
  g_output_stream_splice_async (out, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE
                                | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, on_png_spliced, data);
}

static gboolean
png_read_done (gpointer data)
{
  return ((PngRead *) data)->done;
}

/* The pixels of a PNG, RGBA, with its size. */
static guchar *
decode_png (GBytes *png,
            int    *width,
            int    *height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (png, &error);
  guchar *pixels;

  g_assert_no_error (error);
  *width = gdk_texture_get_width (texture);
  *height = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize) *width * *height * 4);
  gdk_texture_download (texture, pixels, (gsize) *width * 4);
  return pixels;
}

static GBytes *
read_file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* The vulnerabilities co-occurrence as `export` draws it for a slide: 1200 × 750 at 2×. */
static GBytes *
export_cooccurrence (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fe-themes-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "export.png", NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;
  int status = 0;
  const char *argv[] = { binary_path, "export", "--sample", "--question", "vulnerabilities",
                         "--by", "vulnerabilities", "--measure", "count", "--width", "1200",
                         "--height", "750", "--scale", "2", "-o", path, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  bytes = read_file_bytes (path);
  g_unlink (path);
  g_rmdir (dir);
  return bytes;
}

static void
test_copy_chart_is_the_export (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeStudy *study = fe_window_get_study (window);
  FeColumn *vulnerabilities = fe_study_find_column (study, "vulnerabilities");
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  static const char *mime_types[] = { "image/png", NULL };
  g_autofree guchar *copied_pixels = NULL;
  g_autofree guchar *exported_pixels = NULL;
  g_autoptr(GBytes) exported = NULL;
  PngRead read = { 0 };
  GdkContentFormats *formats;
  int copied_width, copied_height, exported_width, exported_height;

  fe_explore_state_set_measure (fe_window_get_state (window), FE_CHART_MEASURE_COUNT);
  fe_explore_state_show (fe_window_get_state (window), vulnerabilities, vulnerabilities);
  g_assert_true (fe_test_wait_until (chart_laid_out, window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-chart", NULL);

  /* Offered as a PNG and as an SVG. */
  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/png"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/svg+xml"));

  gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, NULL, on_png_read, &read);
  g_assert_true (fe_test_wait_until (png_read_done, &read));
  exported = export_cooccurrence ();

  copied_pixels = decode_png (read.bytes, &copied_width, &copied_height);
  exported_pixels = decode_png (exported, &exported_width, &exported_height);
  /* At 2×, as exported: 1200 × 750 layout units. */
  g_assert_cmpint (copied_width, ==, 2400);
  g_assert_cmpint (copied_width, ==, exported_width);
  g_assert_cmpint (copied_height, ==, exported_height);
  g_assert_true (memcmp (copied_pixels, exported_pixels,
                         (gsize) copied_width * copied_height * 4) == 0);

  g_bytes_unref (read.bytes);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The GtkDragSource on the chart: dragged out, the chart is the PNG `export` writes. */
static GtkDragSource *
find_drag_source (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DRAG_SOURCE (controller))
        return GTK_DRAG_SOURCE (controller);
    }
  return NULL;
}

static void
test_drag_chart_is_the_export (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeStudy *study = fe_window_get_study (window);
  FeColumn *vulnerabilities = fe_study_find_column (study, "vulnerabilities");
  GtkDragSource *source = find_drag_source (GTK_WIDGET (fe_window_get_chart_view (window)));
  g_autoptr(GdkContentProvider) provider = NULL;
  g_autoptr(GBytes) dragged = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autofree guchar *dragged_pixels = NULL;
  g_autofree guchar *exported_pixels = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;
  GValue value = G_VALUE_INIT;
  int dragged_width, dragged_height, exported_width, exported_height;

  g_assert_nonnull (source);
  fe_explore_state_set_measure (fe_window_get_state (window), FE_CHART_MEASURE_COUNT);
  fe_explore_state_show (fe_window_get_state (window), vulnerabilities, vulnerabilities);
  g_assert_true (fe_test_wait_until (chart_laid_out, window));
  g_signal_emit_by_name (source, "prepare", 10.0, 10.0, &provider);
  g_assert_nonnull (provider);

  g_value_init (&value, G_TYPE_FILE);
  g_assert_true (gdk_content_provider_get_value (provider, &value, &error));
  g_assert_no_error (error);
  path = g_file_get_path (g_value_get_object (&value));
  g_assert_true (g_str_has_suffix (path, "/vulnerabilities.png"));
  dragged = read_file_bytes (path);
  exported = export_cooccurrence ();

  dragged_pixels = decode_png (dragged, &dragged_width, &dragged_height);
  exported_pixels = decode_png (exported, &exported_width, &exported_height);
  g_assert_cmpint (dragged_width, ==, exported_width);
  g_assert_cmpint (dragged_height, ==, exported_height);
  g_assert_true (memcmp (dragged_pixels, exported_pixels,
                         (gsize) dragged_width * dragged_height * 4) == 0);

  folder = g_path_get_dirname (path);
  g_unlink (path);
  g_rmdir (folder);
  g_value_unset (&value);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  binary_path = g_getenv ("FE_BINARY");
  g_assert_nonnull (binary_path);

  g_test_add_func ("/app/themes/coded-question-splits-and-splits-itself",
                   test_coded_question_splits_and_splits_itself);
  g_test_add_func ("/app/themes/cell-opens-quotes-from-both", test_cell_opens_quotes_from_both);
  g_test_add_func ("/app/themes/cooccurrence-cell-quotes-count-each-respondent-once",
                   test_cooccurrence_cell_quotes_count_each_respondent_once);
  g_test_add_func ("/app/themes/cooccurrence-view-presents", test_cooccurrence_view_presents);
  g_test_add_func ("/app/themes/copy-chart-is-the-export", test_copy_chart_is_the_export);
  g_test_add_func ("/app/themes/drag-chart-is-the-export", test_drag_chart_is_the_export);
  return g_test_run ();
}
