/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exports: a PNG of the asked size times the scale, an SVG that is well-formed XML with the
 * chart's text as text, a PDF of one vector page; written whole or not at all. */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fe-chart-export.h"
#include "fe-chart-layout-private.h"
#include "fe-chart-test-util.h"
#include "fe-study.h"
#include "fe-test-util.h"

static FeStudy *sample;
static char *work_dir;

static FeTally *
sample_tally (const char *question_id,
              const char *by_id)
{
  g_autoptr(GError) error = NULL;

  if (sample == NULL)
    {
      sample = fe_study_load_sample (&error);
      g_assert_no_error (error);
    }
  return fe_tally_compute (fe_study_find_column (sample, question_id),
                           fe_study_get_universe (sample),
                           by_id != NULL ? fe_study_find_column (sample, by_id) : NULL);
}

static char *
work_path (const char *name)
{
  if (work_dir == NULL)
    {
      g_autofree char *marker = fe_test_write_file ("marker", "", 0);

      work_dir = g_path_get_dirname (marker);
    }
  return g_build_filename (work_dir, name, NULL);
}

static void
test_format_from_path (void)
{
  FeChartFormat format;

  g_assert_true (fe_chart_format_from_path ("chart.png", &format));
  g_assert_cmpint (format, ==, FE_CHART_FORMAT_PNG);
  g_assert_true (fe_chart_format_from_path ("/tmp/Briefing Pack.SVG", &format));
  g_assert_cmpint (format, ==, FE_CHART_FORMAT_SVG);
  g_assert_true (fe_chart_format_from_path ("a.b.pdf", &format));
  g_assert_cmpint (format, ==, FE_CHART_FORMAT_PDF);
  g_assert_false (fe_chart_format_from_path ("chart.jpeg", &format));
  g_assert_false (fe_chart_format_from_path ("chart", &format));
  g_assert_false (fe_chart_format_from_path ("charts.png/chart", &format));
}

static void
test_png_size (void)
{
  const double scales[] = { 1, 2, 1.5 };

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autoptr(FeTally) tally = sample_tally ("training_prepared", "force");
      g_autofree char *path = work_path ("chart.png");
      g_autoptr(GError) error = NULL;
      cairo_surface_t *surface;
      FeChartSpec spec;

      fe_chart_spec_init (&spec);
      spec.width = 640;
      spec.height = 400;
      spec.dark = i == 1;
      g_assert_true (fe_chart_export (&spec, tally, FE_CHART_FORMAT_PNG, scales[i], path, NULL,
                                      &error));
      g_assert_no_error (error);
      surface = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) (640 * scales[i]));
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) (400 * scales[i]));
      cairo_surface_destroy (surface);
    }
}

typedef struct
{
  GString   *text;
  gboolean   in_text;
  GPtrArray *texts;
  char      *root;
  guint      rects;
} SvgReader;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              data,
           GError              **error)
{
  SvgReader *reader = data;

  if (reader->root == NULL)
    reader->root = g_strdup (element);
  reader->in_text = strcmp (element, "text") == 0;
  g_string_truncate (reader->text, 0);
  reader->rects += strcmp (element, "rect") == 0;
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              data,
         GError              **error)
{
  SvgReader *reader = data;

  if (strcmp (element, "text") == 0)
    g_ptr_array_add (reader->texts, g_strdup (reader->text->str));
  reader->in_text = FALSE;
}

static void
svg_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              data,
          GError              **error)
{
  SvgReader *reader = data;

  if (reader->in_text)
    g_string_append_len (reader->text, text, (gssize) length);
}

static gboolean
has_text (GPtrArray  *texts,
          const char *line)
{
  for (guint i = 0; i < texts->len; i++)
    if (strcmp (g_ptr_array_index (texts, i), line) == 0)
      return TRUE;
  return FALSE;
}

static void
test_svg (void)
{
  const struct { const char *question, *by; } charts[] = {
    { "vulnerabilities", NULL }, { "training_prepared", "force" }, { "barriers", "role" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    {
      g_autoptr(FeTally) tally = sample_tally (charts[c].question, charts[c].by);
      g_autofree char *path = work_path ("chart.svg");
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(FeChartLayout) layout = NULL;
      const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
      SvgReader reader = { g_string_new (NULL), FALSE, g_ptr_array_new_with_free_func (g_free),
                           NULL, 0 };
      GMarkupParseContext *context;
      FeChartSpec spec;
      gsize length;

      fe_chart_spec_init (&spec);
      spec.dark = c == 1;
      g_assert_true (fe_chart_export (&spec, tally, FE_CHART_FORMAT_SVG, 1, path, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_assert_true (g_str_has_prefix (contents, "<?xml"));

      context = g_markup_parse_context_new (&parser, 0, &reader, NULL);
      g_assert_true (g_markup_parse_context_parse (context, contents, (gssize) length, &error));
      g_assert_true (g_markup_parse_context_end_parse (context, &error));
      g_assert_no_error (error);
      g_markup_parse_context_free (context);
      g_assert_cmpstr (reader.root, ==, "svg");

      /* Every line of every label is there as text. */
      layout = fe_chart_layout_new (&spec, tally, NULL);
      g_assert_cmpuint (reader.rects, >=, fe_chart_layout_get_n_segments (layout));
      for (guint i = 0; i < fe_chart_layout_get_n_labels (layout); i++)
        {
          g_auto(GStrv) lines = g_strsplit (fe_chart_layout_get_label (layout, i)->text, "\n",
                                            -1);

          for (guint l = 0; lines[l] != NULL; l++)
            if (*lines[l] != '\0' && !has_text (reader.texts, lines[l]))
              g_error ("the SVG does not have the text “%s”", lines[l]);
        }
      g_string_free (reader.text, TRUE);
      g_ptr_array_unref (reader.texts);
      g_free (reader.root);
    }
}

/* The PDF holds compressed binary streams, so no string function can search it. */
static guint
count_occurrences (const char *data,
                   gsize       length,
                   const char *needle,
                   gboolean    whole_word)
{
  gsize needle_length = strlen (needle);
  guint count = 0;

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (data + i, needle, needle_length) == 0
        && !(whole_word && i + needle_length < length && g_ascii_isalpha (data[i + needle_length])))
      count++;
  return count;
}

static void
test_pdf (void)
{
  for (int dark = 0; dark <= 1; dark++)
    {
      g_autoptr(FeTally) tally = sample_tally ("better_enabled", "force");
      g_autofree char *path = work_path ("chart.pdf");
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      FeChartSpec spec;
      gsize length;

      fe_chart_spec_init (&spec);
      spec.dark = dark;
      g_assert_true (fe_chart_export (&spec, tally, FE_CHART_FORMAT_PDF, 1, path, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      g_assert_cmpuint (count_occurrences (contents, length, "/Type /Page", TRUE), ==, 1);
      /* Vector: no page is an embedded image. */
      g_assert_cmpuint (count_occurrences (contents, length, "/Subtype /Image", FALSE), ==, 0);
      /* A page of 800 × 500 CSS pixels is 600 × 375 points. */
      g_assert_cmpuint (count_occurrences (contents, length, "/MediaBox [ 0 0 600 375 ]", FALSE),
                        ==, 1);
    }
}

static void
test_layout_json (void)
{
  g_autoptr(FeTally) tally = sample_tally ("training", "force");
  g_autofree char *path = work_path ("chart@2.png");
  g_autofree char *json_path = work_path ("chart.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonObject) data = NULL;
  FeChartSpec spec;

  fe_chart_spec_init (&spec);
  g_assert_true (fe_chart_export (&spec, tally, FE_CHART_FORMAT_PNG, 2, path, json_path,
                                  &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (json_path, &json, NULL, &error));
  data = fe_chart_test_parse_layout (json);
  g_assert_cmpfloat (json_object_get_double_member (data, "width"), ==, 1600);
  g_assert_cmpfloat (json_object_get_double_member (data, "height"), ==, 1000);
}

static void
test_write_errors (void)
{
  g_autoptr(FeTally) tally = sample_tally ("training", NULL);
  g_autofree char *missing = work_path ("no-such-folder/chart.png");
  g_autofree char *existing = work_path ("existing.svg");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = NULL;
  FeChartSpec spec;
  const char *name;

  fe_chart_spec_init (&spec);
  g_assert_false (fe_chart_export (&spec, tally, FE_CHART_FORMAT_PNG, 1, missing, NULL, &error));
  g_assert_error (error, FE_CHART_ERROR, FE_CHART_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);

  g_assert_false (fe_chart_export (&spec, tally, FE_CHART_FORMAT_PNG, 0, existing, NULL, &error));
  g_assert_error (error, FE_CHART_ERROR, FE_CHART_ERROR_SIZE);
  g_clear_error (&error);
  spec.width = 0;
  g_assert_false (fe_chart_export (&spec, tally, FE_CHART_FORMAT_PNG, 1, existing, NULL, &error));
  g_assert_error (error, FE_CHART_ERROR, FE_CHART_ERROR_SIZE);
  g_clear_error (&error);
  spec.width = 800;

  /* Replacing a file goes through a temporary file and a rename: nothing else is left. */
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  g_assert_true (fe_chart_export (&spec, tally, FE_CHART_FORMAT_SVG, 1, existing, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  dir = g_dir_open (work_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, "existing.svg.") != NULL)
      g_error ("a temporary file was left behind: %s", name);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/export/format-from-path", test_format_from_path);
  g_test_add_func ("/chart/export/png-size", test_png_size);
  g_test_add_func ("/chart/export/svg", test_svg);
  g_test_add_func ("/chart/export/pdf", test_pdf);
  g_test_add_func ("/chart/export/layout-json", test_layout_json);
  g_test_add_func ("/chart/export/write-errors", test_write_errors);

  status = g_test_run ();
  g_clear_object (&sample);
  g_free (work_dir);
  return status;
}
