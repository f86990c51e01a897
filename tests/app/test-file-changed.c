/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The responses file changes on disk while the window shows it: the window says so and offers
 * to reload, rather than showing open answers that have silently gone empty. */
#include <adwaita.h>
#include <stdio.h>

#include "fe-app-test-util.h"
#include "fe-study.h"
#include "fe-test-util.h"

static gboolean
file_changed_shown (gpointer window)
{
  return fe_window_get_file_changed (window);
}

/* The study as the file now is (a new study may take the old one's address). */
static gboolean
reloaded (gpointer window)
{
  return fe_app_test_study_loaded (window)
         && fe_study_get_n_rows (fe_window_get_study (window)) == 2;
}

static void
test_banner_and_reload (void)
{
  g_autoptr(GString) csv = g_string_new ("participant,force,comment\n");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  FeWindow *window;
  FILE *out;

  for (guint i = 1; i <= 50; i++)
    g_string_append_printf (csv, "%u,%s,Answer %u\n", i, i % 2 ? "Gwent" : "Dyfed-Powys", i);
  path = fe_test_write_file ("responses.csv", csv->str, (gssize) csv->len);
  file = g_file_new_for_path (path);
  window = fe_app_test_open_window (file);
  fe_app_test_settle (200);
  g_assert_false (fe_window_get_file_changed (window));
  g_assert_cmpuint (fe_study_get_n_rows (fe_window_get_study (window)), ==, 50);

  /* Rewritten in place, as a sync or a spreadsheet saving over it would. */
  out = fopen (path, "w");
  g_assert_nonnull (out);
  fputs ("participant,force,comment\n1,Gwent,Only one now\n2,Gwent,And another\n", out);
  fclose (out);
  g_assert_true (fe_test_wait_until (file_changed_shown, window));

  fe_window_reload_changed (window);
  g_assert_true (fe_test_wait_until (reloaded, window));
  g_assert_false (fe_window_get_file_changed (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app/file-changed/banner-and-reload", test_banner_and_reload);
  return g_test_run ();
}
