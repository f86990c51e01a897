/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unusual input in the window: a responses file that changes on disk while it is shown, and an
 * answer that is one enormous word. */
#include <adwaita.h>
#include <stdio.h>

#include "fe-app-test-util.h"
#include "fe-study.h"
#include "fe-text-match.h"
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

/* An answer of 100,000 letters without a space: the label that shows it is measured in well
 * under a second (unbounded, Pango took 22 s for 10,000). */
static void
test_enormous_word (void)
{
  g_autofree char *word = g_strnfill (100000, 'x');
  g_autofree char *shown = fe_text_for_display (word);
  GtkWidget *label = g_object_ref_sink (gtk_label_new (shown));
  int minimum = 0, natural = 0;
  gint64 start;

  g_assert_cmpuint (g_utf8_strlen (shown, -1), <, 12000);
  g_assert_true (g_str_has_suffix (shown, "…"));
  g_assert_true (g_str_has_prefix (shown, "xxxxxxxxxx"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  start = g_get_monotonic_time ();
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, 400, &minimum, &natural, NULL, NULL);
  g_test_message ("a label of a 100,000-letter answer measured in %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpint (natural, >, 0);
  g_object_unref (label);

  /* Ordinary answers are shown as they are. */
  g_free (shown);
  shown = fe_text_for_display ("A short answer, with words of ordinary length.");
  g_assert_cmpstr (shown, ==, "A short answer, with words of ordinary length.");
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app/robust/file-changed-banner-and-reload", test_banner_and_reload);
  g_test_add_func ("/app/robust/enormous-word", test_enormous_word);
  return g_test_run ();
}
