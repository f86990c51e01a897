/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The chart's keyboard focus: the segment it is on wears a ring in the desktop's accent colour
 * in light and dark styles, and a heat map's arrow keys move along its rows and columns. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>

#include "fe-app-test-util.h"
#include "fe-chart-layout.h"
#include "fe-chart-view.h"
#include "fe-compat.h"
#include "fe-test-util.h"
#include "fe-window-private.h"

static gboolean
kind_laid_out (gpointer data)
{
  FeWindow *window = data;
  const FeChartLayout *layout = fe_chart_view_get_layout (fe_window_get_chart_view (window));

  return layout != NULL
         && fe_chart_layout_get_kind (layout)
              == (FeChartKind) gtk_drop_down_get_selected (window->kind_dropdown);
}

/* Vulnerabilities by force, drawn as @kind. */
static FeChartView *
show_chart (FeWindow    *window,
            FeChartKind  kind)
{
  FeStudy *study = fe_window_get_study (window);

  fe_explore_state_show (fe_window_get_state (window),
                         fe_study_find_column (study, "vulnerabilities"),
                         fe_study_find_column (study, "force"));
  gtk_drop_down_set_selected (window->kind_dropdown, kind);
  g_assert_true (fe_test_wait_until (kind_laid_out, window));
  return fe_window_get_chart_view (window);
}

/* The colour of the pixel at (@x, @y) of @view as drawn on screen. */
static GdkRGBA
pixel_at (FeChartView *view,
          int          x,
          int          y)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "fe-chart-focus.png", NULL);
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;
  g_autofree guchar *data = NULL;
  guchar *p;

  fe_app_test_settle (100);
  g_assert_true (fe_app_test_save_png (GTK_WIDGET (view), path));
  texture = gdk_texture_new_from_filename (path, NULL);
  g_assert_nonnull (texture);
  g_unlink (path);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  g_assert_true (x >= 0 && x < width && y >= 0 && y < height);
  data = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, data, (gsize) width * 4);
  /* CAIRO_FORMAT_ARGB32 in the machine's order; the chart is opaque, so nothing to unpremultiply. */
  p = data + ((gsize) y * width + x) * 4;
  return (GdkRGBA) { p[2] / 255.0, p[1] / 255.0, p[0] / 255.0, p[3] / 255.0 };
}

static gboolean
same_colour (const GdkRGBA *a,
             const GdkRGBA *b)
{
  return fabs (a->red - b->red) < 0.02 && fabs (a->green - b->green) < 0.02
         && fabs (a->blue - b->blue) < 0.02;
}

/* The focus is on one of the chart's segments (each an accessible widget of its own). */
static gboolean
has_focus (gpointer widget)
{
  GtkWidget *child = gtk_widget_get_focus_child (widget);

  return child != NULL && gtk_widget_has_focus (child);
}

/* The pixels 2 px outside the focused segment's four sides carry the accent, and not before the
 * chart has the keyboard's focus. */
static void
assert_ring_in_accent (FeChartView *view,
                       int          segment)
{
  const FeChartSegment *s = fe_chart_layout_get_segment (fe_chart_view_get_layout (view),
                                                         (guint) segment);
  int middle_x = (int) (s->target_x + s->target_w / 2);
  int middle_y = (int) (s->target_y + s->target_h / 2);
  /* The ring is 2 px wide, 1 px out from the segment's edges rounded outwards to whole pixels. */
  const int sides[][2] = {
    { (int) floor (s->target_x) - 2, middle_y },
    { (int) ceil (s->target_x + s->target_w) + 1, middle_y },
    { middle_x, (int) floor (s->target_y) - 2 },
    { middle_x, (int) ceil (s->target_y + s->target_h) + 1 },
  };
  GdkRGBA accent;

  g_assert_true (fe_compat_lookup_accent (GTK_WIDGET (view), &accent));
  /* The ring is drawn while the chart has the focus of an active window. */
  g_assert_true (fe_test_wait_until (has_focus, view));
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      GdkRGBA pixel = pixel_at (view, sides[i][0], sides[i][1]);

      g_test_message ("side %u at (%d, %d): %g %g %g", i, sides[i][0], sides[i][1], pixel.red,
                      pixel.green, pixel.blue);
      g_assert_true (same_colour (&pixel, &accent));
    }
}

static void
test_focus_ring_in_accent (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeChartView *view = show_chart (window, FE_CHART_KIND_HEATMAP);
  AdwStyleManager *style = adw_style_manager_get_default ();
  const FeChartSegment *s;
  GdkRGBA accent, before;

  /* As after Tab and the arrow keys: on the cell of the second row and column, with neighbours
   * on every side. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_assert_true (fe_app_test_press_key (GTK_WIDGET (view), GDK_KEY_Home));
  g_assert_true (fe_app_test_press_key (GTK_WIDGET (view), GDK_KEY_Right));
  g_assert_true (fe_app_test_press_key (GTK_WIDGET (view), GDK_KEY_Down));
  g_assert_cmpint (fe_chart_view_get_selected (view), <, 0);
  assert_ring_in_accent (view, fe_chart_view_get_focused (view));

  /* Not while the focus is elsewhere. */
  g_assert_true (fe_compat_lookup_accent (GTK_WIDGET (view), &accent));
  s = fe_chart_layout_get_segment (fe_chart_view_get_layout (view),
                                   (guint) fe_chart_view_get_focused (view));
  gtk_widget_grab_focus (GTK_WIDGET (window->kind_dropdown));
  before = pixel_at (view, (int) floor (s->target_x) - 2, (int) (s->target_y + s->target_h / 2));
  g_assert_false (same_colour (&before, &accent));

  /* Dark cells and a dark window: the dark style's own accent. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (fe_test_wait_until (kind_laid_out, window));
  assert_ring_in_accent (view, fe_chart_view_get_focused (view));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* @key moves the focus from its cell to the nearest one in the direction (@dx, @dy), in the
 * same row or column, and @back returns it. */
static void
assert_step (FeChartView *view,
             guint        key,
             guint        back,
             int          dx,
             int          dy)
{
  const FeChartLayout *layout = fe_chart_view_get_layout (view);
  int start = fe_chart_view_get_focused (view);
  const FeChartSegment *from = fe_chart_layout_get_segment (layout, (guint) start);
  const FeChartSegment *to;

  g_assert_true (fe_app_test_press_key (GTK_WIDGET (view), key));
  to = fe_chart_layout_get_segment (layout, (guint) fe_chart_view_get_focused (view));
  g_assert_cmpfloat (dx != 0 ? (to->x - from->x) * dx : (to->y - from->y) * dy, >, 0);
  g_assert_cmpfloat (dx != 0 ? to->y : to->x, ==, dx != 0 ? from->y : from->x);
  g_assert_true (fe_app_test_press_key (GTK_WIDGET (view), back));
  g_assert_cmpint (fe_chart_view_get_focused (view), ==, start);
}

static void
test_heatmap_arrows_follow_the_grid (void)
{
  FeWindow *window = fe_app_test_open_window (NULL);
  FeChartView *view = show_chart (window, FE_CHART_KIND_HEATMAP);

  /* Home: the first cell in reading order, the grid's top left. */
  g_assert_true (fe_app_test_press_key (GTK_WIDGET (view), GDK_KEY_Home));
  g_assert_cmpint (fe_chart_view_get_focused (view), ==, 0);

  /* Right: the next cell of the same row; Down: the one below, in the same column, not the
   * next in reading order. Left and Up come back. */
  assert_step (view, GDK_KEY_Right, GDK_KEY_Left, 1, 0);
  assert_step (view, GDK_KEY_Down, GDK_KEY_Up, 0, 1);

  /* At the edge, an arrow with nowhere to go stays. */
  g_assert_true (fe_app_test_press_key (GTK_WIDGET (view), GDK_KEY_Up));
  g_assert_true (fe_app_test_press_key (GTK_WIDGET (view), GDK_KEY_Left));
  g_assert_cmpint (fe_chart_view_get_focused (view), ==, 0);

  /* Other charts keep reading order: Down is the next segment, wherever it is drawn. */
  view = show_chart (window, FE_CHART_KIND_BAR);
  g_assert_true (fe_app_test_press_key (GTK_WIDGET (view), GDK_KEY_Home));
  g_assert_true (fe_app_test_press_key (GTK_WIDGET (view), GDK_KEY_Down));
  g_assert_cmpint (fe_chart_view_get_focused (view), ==, 1);
  g_assert_true (fe_app_test_press_key (GTK_WIDGET (view), GDK_KEY_Right));
  g_assert_cmpint (fe_chart_view_get_focused (view), ==, 2);
  g_assert_true (fe_app_test_press_key (GTK_WIDGET (view), GDK_KEY_Left));
  g_assert_cmpint (fe_chart_view_get_focused (view), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app/chart-focus/ring-in-accent", test_focus_ring_in_accent);
  g_test_add_func ("/app/chart-focus/heatmap-arrows", test_heatmap_arrows_follow_the_grid);
  return g_test_run ();
}
