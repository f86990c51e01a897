/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A chart or a briefing pack drawn in a language passed to it (FeChartSpec::catalog,
 * FeBriefOptions::catalog) has that language's words and codebook labels whatever the
 * process's language, and leaves the process and the study as they were: a Welsh pack from
 * an English window, an English chart from a Welsh one. */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "fe-brief.h"
#include "fe-catalog.h"
#include "fe-chart-layout.h"
#include "fe-chart-test-util.h"
#include "fe-i18n.h"
#include "fe-project.h"

static FeCatalog *
catalog (const char *language)
{
  g_autoptr(GError) error = NULL;
  FeCatalog *result = fe_catalog_new_for_language (language, &error);

  g_assert_no_error (error);
  return result;
}

/* Every word the chart draws, its title and summary included, on one line. */
static char *
chart_words (FeCatalog  *language,
             const char *question,
             const char *by)
{
  g_autoptr(FeTally) tally = fe_chart_test_sample_tally (question, by);
  g_autoptr(FeChartLayout) layout = NULL;
  g_autoptr(GString) words = g_string_new (NULL);
  g_autofree char *summary = NULL;
  FeChartSpec spec;

  fe_chart_spec_init (&spec);
  spec.catalog = language;
  spec.fold_small_groups = TRUE;
  spec.min_cell = 5;
  layout = fe_chart_layout_new (&spec, tally, NULL);
  for (guint i = 0; i < fe_chart_layout_get_n_labels (layout); i++)
    g_string_append_printf (words, "%s ", fe_chart_layout_get_label (layout, i)->text);
  summary = fe_chart_layout_describe (layout);
  g_string_append (words, summary);
  return fe_chart_test_flatten (words->str);
}

static void
assert_contains (const char *text,
                 const char *word)
{
  if (strstr (text, word) == NULL)
    g_error ("“%s” is not in: %s", word, text);
}

static void
assert_lacks (const char *text,
              const char *word)
{
  if (strstr (text, word) != NULL)
    g_error ("“%s” is in: %s", word, text);
}

/* Runs the rest of the test in a child process whose language, from its start, is
 * @language (LANGUAGE): a session in that language, as main.c sets it up. GLib decides once
 * per process whether to translate at all, so a process cannot be switched halfway. */
static gboolean
in_process_language (const char *language)
{
  g_autofree char *was = NULL;

  if (g_test_subprocess ())
    return TRUE;
  was = g_strdup (g_getenv ("LANGUAGE"));
  g_setenv ("LANGUAGE", language, TRUE);
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_setenv ("LANGUAGE", was != NULL ? was : "en", TRUE);
  g_test_trap_assert_passed ();
  return FALSE;
}

static void
test_welsh_chart_in_english_process (void)
{
  FeStudy *study = fe_chart_test_get_sample ();
  g_autoptr(FeCatalog) welsh = catalog ("cy");
  g_autofree char *cy = NULL;
  g_autofree char *en = NULL;

  if (!in_process_language ("en"))
    return;
  g_assert_cmpstr (C_("group", "Other"), ==, "Other");
  cy = chart_words (welsh, "training_prepared", "force");
  /* The chart's own words and the codebook's Welsh labels. */
  assert_contains (cy, "Arall");
  assert_contains (cy, "o ymatebwyr");
  assert_contains (cy, "Heddlu De Cymru");
  assert_lacks (cy, "South Wales Police");
  assert_lacks (cy, "respondents");

  /* The study and the process were left as they were: the next chart, given no language, is
   * in English. */
  g_assert_null (fe_study_get_language (study));
  g_assert_null (fe_catalog_get_thread_default ());
  en = chart_words (NULL, "training_prepared", "force");
  assert_contains (en, "South Wales Police");
  assert_contains (en, "Other");
  assert_lacks (en, "Heddlu");
  assert_lacks (en, "ymatebwyr");
}

static void
test_english_chart_in_welsh_process (void)
{
  FeStudy *study = fe_chart_test_get_sample ();
  g_autoptr(FeCatalog) english = catalog ("en");
  g_autofree char *cy = NULL;
  g_autofree char *en = NULL;

  /* A Welsh session: the process in Welsh, the study's labels in Welsh, as the window sets
   * them up. */
  if (!in_process_language ("cy"))
    return;
  g_assert_cmpstr (C_("group", "Other"), ==, "Arall");
  fe_study_set_language (study, "cy");
  cy = chart_words (NULL, "training_prepared", "force");
  assert_contains (cy, "Heddlu De Cymru");
  assert_contains (cy, "Arall");

  en = chart_words (english, "training_prepared", "force");
  assert_contains (en, "South Wales Police");
  assert_contains (en, "Other");
  assert_contains (en, "respondents");
  assert_lacks (en, "Heddlu");
  assert_lacks (en, "ymatebwyr");
  g_assert_cmpstr (fe_study_get_language (study), ==, "cy");
}

/* The text of a PDF, run together, by pdftotext; NULL when it is not installed. */
static char *
pdf_words (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { program, "-enc", "UTF-8", path, "-", NULL };
  int status;

  if (program == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return fe_chart_test_flatten (out);
}

typedef struct
{
  FeProject  *project;
  FeStudy    *study;
  FeCatalog  *catalog;
  const char *path;
  gboolean    written;
  guint       pages;
} Pack;

static void
count_page (guint    done,
            guint    total,
            gpointer data)
{
  Pack *pack = data;

  g_assert_cmpuint (done, ==, pack->pages + 1);
  g_assert_cmpuint (done, <=, total);
  pack->pages = done;
}

static gpointer
write_pack (gpointer data)
{
  Pack *pack = data;
  g_autoptr(GError) error = NULL;
  FeBriefOptions options = { 0 };

  options.min_cell = 5;
  options.fold_small_groups = TRUE;
  options.catalog = pack->catalog;
  options.progress = count_page;
  options.progress_data = pack;
  pack->written = fe_brief_write (pack->project, pack->study, &options, pack->path, &error);
  g_assert_no_error (error);
  return NULL;
}

static void
copy_sample_file (const char *dir,
                  const char *name)
{
  g_autofree char *from = g_build_filename (g_getenv ("FE_SAMPLE_DIR"), name, NULL);
  g_autofree char *to = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, (gssize) length, &error);
  g_assert_no_error (error);
}

/* The sample's files in a folder of their own, and its project and study loaded from there;
 * then the project file is deleted: a pack is made from the project in memory, its file gone,
 * its Welsh titles not. */
static char *
load_sample_copy (FeProject **project,
                  FeStudy   **study)
{
  const char *files[] = { "sample.findings", "responses.csv", "codebook.csv", "coding.csv" };
  char *dir = g_dir_make_tmp ("fe-pack-XXXXXX", NULL);
  g_autofree char *project_path = g_build_filename (dir, "sample.findings", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    copy_sample_file (dir, files[i]);
  *project = fe_project_load (project_path, &error);
  g_assert_no_error (error);
  *study = fe_project_load_study (*project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (project_path), ==, 0);
  return dir;
}

static void
remove_sample_copy (const char *dir)
{
  const char *files[] = { "responses.csv", "codebook.csv", "coding.csv", "pack.pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_welsh_pack_on_a_thread (void)
{
  g_autoptr(FeProject) project = NULL;
  g_autoptr(FeStudy) study = NULL;
  g_autoptr(FeCatalog) welsh = catalog ("cy");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *cy = NULL;
  Pack pack = { 0 };
  GThread *thread;

  if (!in_process_language ("en"))
    return;
  dir = load_sample_copy (&project, &study);
  path = g_build_filename (dir, "pack.pdf", NULL);
  pack.project = fe_project_copy (project);
  pack.study = study;
  pack.catalog = welsh;
  pack.path = path;
  thread = g_thread_new ("pack", write_pack, &pack);
  /* Meanwhile the main thread draws in the process's language, unchanged by the pack. */
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *words = chart_words (NULL, "force", NULL);

      assert_contains (words, "South Wales Police");
      g_assert_cmpstr (C_("group", "Other"), ==, "Other");
    }
  g_thread_join (thread);
  g_object_unref (pack.project);
  g_assert_true (pack.written);
  g_assert_cmpuint (pack.pages, >, 2);
  g_assert_null (fe_study_get_language (study));

  cy = pdf_words (path);
  if (cy != NULL)
    {
      assert_contains (cy, "Pecyn briffio");
      assert_contains (cy, "Tudalen 1 o");
      assert_contains (cy, "Dealltwriaeth yr heddlu");           /* title[cy] of [Project] */
      assert_contains (cy, "Nid oedd y rhan fwyaf o'r ymatebwyr"); /* title[cy] of a view */
      assert_contains (cy, "Heddlu De Cymru");
      assert_lacks (cy, "Briefing pack");
      assert_lacks (cy, "South Wales Police");
    }
  else
    g_test_message ("pdftotext is not installed: the pack's words are not read back");
  remove_sample_copy (dir);
}

static void
test_english_pack_in_welsh_process (void)
{
  g_autoptr(FeProject) project = NULL;
  g_autoptr(FeStudy) study = NULL;
  g_autoptr(FeCatalog) english = catalog ("en");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *en = NULL;
  Pack pack = { 0 };

  if (!in_process_language ("cy"))
    return;
  dir = load_sample_copy (&project, &study);
  path = g_build_filename (dir, "pack.pdf", NULL);
  fe_study_set_language (study, "cy");
  pack.project = project;
  pack.study = study;
  pack.catalog = english;
  pack.path = path;
  write_pack (&pack);
  g_assert_true (pack.written);
  g_assert_cmpstr (fe_study_get_language (study), ==, "cy");
  g_assert_cmpstr (C_("group", "Other"), ==, "Arall");

  en = pdf_words (path);
  if (en != NULL)
    {
      assert_contains (en, "Briefing pack");
      assert_contains (en, "Page 1 of");
      assert_contains (en, "Police understanding and application");
      assert_contains (en, "South Wales Police");
      assert_lacks (en, "Heddlu");
      assert_lacks (en, "Tudalen");
    }
  else
    g_test_message ("pdftotext is not installed: the pack's words are not read back");
  remove_sample_copy (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, fe_catalog_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/language/welsh-in-english", test_welsh_chart_in_english_process);
  g_test_add_func ("/chart/language/english-in-welsh", test_english_chart_in_welsh_process);
  g_test_add_func ("/chart/language/welsh-pack-on-a-thread", test_welsh_pack_on_a_thread);
  g_test_add_func ("/chart/language/english-pack-in-welsh", test_english_pack_in_welsh_process);
  status = g_test_run ();
  fe_chart_test_clear_sample ();
  return status;
}
