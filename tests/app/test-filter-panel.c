/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Filters page of the sample study: every filter header keeps its own row, whatever its
 * title's length, folded or open, in English and in Welsh; and the page scrolls. */
#include "config.h"

#include <adwaita.h>

#include "fe-app-test-util.h"
#include "fe-filter-panel.h"
#include "fe-window.h"

static void
collect_headers (GtkWidget *widget,
                 GPtrArray *headers)
{
  if (gtk_widget_has_css_class (widget, "filter-header"))
    {
      g_ptr_array_add (headers, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_headers (child, headers);
}

/* The bug gave a folded header one line's height and drew the rest of its wrapped title over
 * the headers below: the title must lie inside its header, and the header inside the panel. */
static void
assert_title_inside (FeFilterPanel   *panel,
                     GtkWidget       *header,
                     graphene_rect_t *header_bounds)
{
  GtkWidget *title = fe_app_test_find_widget (header, GTK_TYPE_LABEL);
  graphene_rect_t title_bounds;

  g_assert_nonnull (title);
  g_assert_true (gtk_widget_compute_bounds (title, GTK_WIDGET (panel), &title_bounds));
  g_assert_true (graphene_rect_contains_rect (header_bounds, &title_bounds));
  g_assert_cmpfloat (header_bounds->origin.x + header_bounds->size.width, <=,
                     gtk_widget_get_width (GTK_WIDGET (panel)));
}

static void
assert_headers_apart (FeFilterPanel *panel,
                      GPtrArray     *headers)
{
  for (guint i = 0; i < headers->len; i++)
    {
      graphene_rect_t a;

      g_assert_true (gtk_widget_compute_bounds (headers->pdata[i], GTK_WIDGET (panel), &a));
      assert_title_inside (panel, headers->pdata[i], &a);
      for (guint j = i + 1; j < headers->len; j++)
        {
          graphene_rect_t b;

          g_assert_true (gtk_widget_compute_bounds (headers->pdata[j], GTK_WIDGET (panel), &b));
          if (graphene_rect_intersection (&a, &b, NULL))
            g_error ("filter headers %u and %u intersect", i, j);
        }
    }
}

static void
check_filters_page (const char *language)
{
  FeWindow *window;
  FeFilterPanel *panel;
  GtkScrolledWindow *scrolled;
  GtkAdjustment *adjustment;
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();

  /* The study's labels follow the locale when it loads. */
  g_setenv ("LANGUAGE", language, TRUE);
  window = fe_app_test_open_window (NULL);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpstr (fe_study_get_language (fe_window_get_study (window)), ==, language);
  panel = fe_window_get_filter_panel (window);
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (panel),
                                                                   GTK_TYPE_STACK)),
                               GTK_WIDGET (panel));
  fe_app_test_settle (300);

  collect_headers (GTK_WIDGET (panel), headers);
  /* The sample's attributes open, and more closed questions folded than fit one screen. */
  g_assert_cmpuint (headers->len, >, 6);
  assert_headers_apart (panel, headers);
  for (guint i = 0; i < headers->len; i++)
    {
      gtk_toggle_button_set_active (headers->pdata[i], TRUE);
      fe_app_test_settle (50);
      assert_headers_apart (panel, headers);
    }

  /* The panel's own scrolled window holds the headers, and its content outgrows the page. */
  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (headers->pdata[0],
                                                           GTK_TYPE_SCROLLED_WINDOW));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (scrolled), GTK_WIDGET (panel)));
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_headers_apart_english (void)
{
  check_filters_page ("en");
}

static void
test_headers_apart_welsh (void)
{
  check_filters_page ("cy");
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app/filter-panel/headers-apart/en", test_headers_apart_english);
  g_test_add_func ("/app/filter-panel/headers-apart/cy", test_headers_apart_welsh);
  return g_test_run ();
}
