/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Layout invariants, checked on every question of the sample study in every kind that can
 * show it, at several sizes and type scales, and on random tallies with long Welsh labels:
 * everything inside the canvas, no two labels overlapping, bars proportional on one axis,
 * stacked bars adding up to 100%, the n of every group on the chart, readable contrast, and a
 * hit-test and focus order that agree with what is drawn. */
#include "config.h"

#include <cairo.h>
#include <math.h>
#include <string.h>

#include "fe-chart-layout-private.h"
#include "fe-chart-test-util.h"
#include "fe-filter.h"
#include "fe-percent.h"

#define EPSILON 0.01

/* Which chart is being checked, for the failure messages. */
static char current_case[512];

#define fail(format, ...) g_error ("%s: " format, current_case, __VA_ARGS__)

static gboolean
overlaps (double ax, double ay, double aw, double ah,
          double bx, double by, double bw, double bh)
{
  return ax + aw > bx + EPSILON && bx + bw > ax + EPSILON
         && ay + ah > by + EPSILON && by + bh > ay + EPSILON;
}

static void
assert_inside (const FeChartLayout *layout,
               double               x,
               double               y,
               double               w,
               double               h,
               const char          *what)
{
  double width = fe_chart_layout_get_width (layout);
  double height = fe_chart_layout_get_height (layout);

  if (x < -EPSILON || y < -EPSILON || x + w > width + EPSILON || y + h > height + EPSILON
      || w < 0 || h < 0)
    fail ("%s at (%.2f, %.2f) %.2f × %.2f is outside the %.0f × %.0f canvas", what, x, y, w,
             h, width, height);
}

static void
check_inside (const FeChartLayout *layout)
{
  for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
    {
      const FeChartSegment *s = fe_chart_layout_get_segment (layout, i);

      assert_inside (layout, s->x, s->y, s->w, s->h, s->description);
      assert_inside (layout, s->target_x, s->target_y, s->target_w, s->target_h, "a target");
    }
  for (guint i = 0; i < fe_chart_layout_get_n_labels (layout); i++)
    {
      const FeChartLabel *l = fe_chart_layout_get_label (layout, i);

      assert_inside (layout, l->x, l->y, l->w, l->h, l->text);
    }
  for (guint i = 0; i < fe_chart_layout_get_n_marks (layout); i++)
    {
      const FeChartMark *m = fe_chart_layout_get_mark (layout, i);

      assert_inside (layout, MIN (m->x, m->x + m->w), MIN (m->y, m->y + m->h), fabs (m->w),
                     fabs (m->h), "a mark");
    }
}

static void
check_labels (const FeChartLayout *layout)
{
  guint n_labels = fe_chart_layout_get_n_labels (layout);
  const FeChartTheme *theme = fe_chart_theme_get (fe_chart_layout_get_dark (layout));

  for (guint i = 0; i < n_labels; i++)
    {
      const FeChartLabelItem *a = fe_chart_layout_get_label_item (layout, i);
      double contrast = fe_chart_color_contrast (&a->color, &a->background);

      g_assert_nonnull (a->label.text);
      g_assert_nonnull (a->label.full_text);
      if (contrast < 4.5)
        fail ("“%s” has a contrast of %.2f:1", a->label.text, contrast);

      for (guint j = i + 1; j < n_labels; j++)
        {
          const FeChartLabel *b = fe_chart_layout_get_label (layout, j);

          if (overlaps (a->label.x, a->label.y, a->label.w, a->label.h, b->x, b->y, b->w, b->h))
            fail ("“%s” overlaps “%s”", a->label.text, b->text);
        }

      if (a->on_segment >= 0)
        {
          const FeChartSegment *s = fe_chart_layout_get_segment (layout, (guint) a->on_segment);
          FeChartColor fill = fe_chart_layout_get_fill (layout, (guint) a->on_segment);

          g_assert_cmpfloat (fe_chart_color_contrast (&fill, &a->background), <, 1.0001);
          g_assert_true (a->label.x >= s->x - EPSILON && a->label.y >= s->y - EPSILON
                         && a->label.x + a->label.w <= s->x + s->w + EPSILON
                         && a->label.y + a->label.h <= s->y + s->h + EPSILON);
          continue;
        }
      /* A label on the background is not painted over by any bar. */
      g_assert_cmpfloat (fe_chart_color_contrast (&theme->background, &a->background), <, 1.0001);
      for (guint s = 0; s < fe_chart_layout_get_n_segments (layout); s++)
        {
          const FeChartSegment *segment = fe_chart_layout_get_segment (layout, s);

          if (overlaps (a->label.x, a->label.y, a->label.w, a->label.h, segment->x, segment->y,
                        segment->w, segment->h))
            fail ("“%s” lies on %s", a->label.text, segment->description);
        }
    }
}

/* Every group drawn has its n on the chart, never cut ("(n = 1…" would be a wrong n), and the
 * chart its total. */
static void
check_n_shown (const FeChartLayout *layout,
               const FeTally       *tally)
{
  g_autofree char *total = g_strdup_printf (tally->base == 1 ? "%u respondent"
                                                             : "%u respondents", tally->base);

  for (guint i = 0; i < fe_chart_layout_get_n_labels (layout); i++)
    {
      const char *text = fe_chart_layout_get_label (layout, i)->text;
      g_autofree char *flat = fe_chart_test_flatten (text);
      const char *n = strstr (flat, "(n ");

      if (n != NULL && strstr (n, "…") != NULL)
        fail ("“%s” cuts a group's n", text);
    }
  if (!fe_chart_test_has_label (layout, total))
    fail ("the total “%s” is not on the chart", total);
  if (tally->by == NULL || fe_chart_layout_get_kind (layout) == FE_CHART_KIND_BAR)
    return;
  for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
    {
      const FeChartSegment *s = fe_chart_layout_get_segment (layout, i);
      g_autofree char *n = g_strdup_printf ("(n = %u)", s->base);

      if (!fe_chart_test_has_label (layout, n))
        fail ("%s: its group's “%s” is not on the chart", s->description, n);
    }
}

static void
check_hit_test (const FeChartLayout *layout)
{
  double width = fe_chart_layout_get_width (layout);
  double height = fe_chart_layout_get_height (layout);

  for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
    {
      const FeChartSegment *s = fe_chart_layout_get_segment (layout, i);
      double x = s->w > 0 ? s->x + s->w / 2 : s->target_x + s->target_w / 2;
      double y = s->h > 0 ? s->y + s->h / 2 : s->target_y + s->target_h / 2;
      int hit = fe_chart_layout_hit_test (layout, x, y);

      if (hit != (int) i)
        fail ("the centre of %s hits segment %d, not %u", s->description, hit, i);
      g_assert_cmpfloat (s->target_w, >=, 6 - EPSILON);
    }
  g_assert_cmpint (fe_chart_layout_hit_test (layout, -5, -5), ==, -1);
  g_assert_cmpint (fe_chart_layout_hit_test (layout, width + 5, height / 2), ==, -1);
  g_assert_cmpint (fe_chart_layout_hit_test (layout, width / 2, height + 5), ==, -1);
  g_assert_cmpint (fe_chart_layout_hit_test (layout, 1, 1), ==, -1);
  g_assert_cmpint (fe_chart_layout_hit_test (layout, width - 1, height - 1), ==, -1);
}

/* The keyboard walks segments as they are read: down the rows, then along each. */
static void
check_focus_order (const FeChartLayout *layout)
{
  for (guint i = 1; i < fe_chart_layout_get_n_segments (layout); i++)
    {
      const FeChartSegment *a = fe_chart_layout_get_segment (layout, i - 1);
      const FeChartSegment *b = fe_chart_layout_get_segment (layout, i);
      gboolean same_row = fabs (a->y - b->y) < EPSILON;

      if (!(b->y > a->y + EPSILON || (same_row && b->x >= a->x - EPSILON)))
        fail ("%s comes after %s but is read before it", b->description, a->description);
    }
}

static void
check_bars (const FeChartLayout *layout)
{
  double ratio = -1;
  double x0 = -1;

  for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
    {
      const FeChartSegment *s = fe_chart_layout_get_segment (layout, i);

      if (x0 < 0)
        x0 = s->x;
      g_assert_cmpfloat_with_epsilon (s->x, x0, EPSILON);
      if (s->value == 0)
        {
          /* A zero is drawn as nothing, not as a misleading stub. */
          g_assert_cmpfloat (s->w, ==, 0);
          continue;
        }
      if (ratio < 0)
        ratio = s->w / s->value;
      if (fabs (s->w / s->value - ratio) > 1e-6 * ratio)
        fail ("%s: %.3f units for %.3f, but others have %.5f a unit", s->description, s->w,
                 s->value, ratio);
    }
}

/* Rows of a stacked chart: parts side by side, adding up to the whole bar, which has one
 * length for every row; a diverging chart also has one centre for every row. */
static void
check_stacked (const FeChartLayout *layout,
               const FeTally       *tally)
{
  gboolean diverging = fe_chart_layout_get_kind (layout) == FE_CHART_KIND_DIVERGING;
  guint n_levels = tally->n_levels;
  double full_length = -1, centre = -1;
  guint i = 0;

  while (i < fe_chart_layout_get_n_segments (layout))
    {
      const FeChartSegment *first = fe_chart_layout_get_segment (layout, i);
      double length = 0, left = 0, percent = 0;
      guint count = 0;

      for (; i < fe_chart_layout_get_n_segments (layout); i++)
        {
          const FeChartSegment *s = fe_chart_layout_get_segment (layout, i);

          if (s->group != first->group || fabs (s->y - first->y) > EPSILON)
            break;
          g_assert_cmpfloat_with_epsilon (s->x, first->x + length, 1e-6);
          g_assert_cmpuint (s->base, ==, first->base);
          g_assert_cmpuint (s->count, >, 0);
          length += s->w;
          count += s->count;
          percent += 100.0 * s->count / s->base;
          if ((guint) s->level < n_levels / 2)
            left += s->w;
          else if (n_levels % 2 == 1 && (guint) s->level == n_levels / 2)
            left += s->w / 2;
        }
      g_assert_cmpuint (count, ==, first->base);
      g_assert_cmpfloat_with_epsilon (percent, 100, 1e-6);
      if (!diverging)
        {
          if (full_length < 0)
            full_length = length;
          g_assert_cmpfloat_with_epsilon (length, full_length, 1e-6);
        }
      else
        {
          if (centre < 0)
            centre = first->x + left;
          g_assert_cmpfloat_with_epsilon (first->x + left, centre, 1e-6);
        }
    }

  /* One scale for all: each part's length is its share times the same factor. */
  for (guint j = 1; j < fe_chart_layout_get_n_segments (layout); j++)
    {
      const FeChartSegment *a = fe_chart_layout_get_segment (layout, 0);
      const FeChartSegment *b = fe_chart_layout_get_segment (layout, j);

      g_assert_cmpfloat_with_epsilon (a->w / ((double) a->count / a->base),
                                      b->w / ((double) b->count / b->base), 1e-6);
    }
}

static void
check_heatmap (const FeChartLayout *layout)
{
  const FeChartSegment *first = NULL;

  for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
    {
      const FeChartSegment *s = fe_chart_layout_get_segment (layout, i);

      if (first == NULL)
        first = s;
      g_assert_cmpfloat_with_epsilon (s->w, first->w, EPSILON);
      g_assert_cmpfloat_with_epsilon (s->h, first->h, EPSILON);
    }
}

static void
check_segments (const FeChartLayout *layout,
                const FeTally       *tally)
{
  for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
    {
      const FeChartSegment *s = fe_chart_layout_get_segment (layout, i);

      g_assert_cmpint (s->level, >=, 0);
      g_assert_cmpint (s->level, <, (int) tally->n_levels);
      g_assert_true (s->group >= -1 && (tally->by != NULL || s->group == -1));
      g_assert_true (s->description != NULL && *s->description != '\0');
      g_assert_nonnull (strstr (s->description,
                                fe_column_get_level (tally->question, (guint) s->level)));
      g_assert_cmpuint (s->count, <=, s->base);
    }
}

static void
check_layout (const FeChartLayout *layout,
              const FeTally       *tally)
{
  g_autofree char *summary = fe_chart_layout_describe (layout);
  g_autofree char *json = fe_chart_layout_to_json (layout);
  g_autoptr(JsonObject) data = fe_chart_test_parse_layout (json);

  check_inside (layout);
  check_labels (layout);
  check_segments (layout, tally);
  check_hit_test (layout);
  check_focus_order (layout);
  check_n_shown (layout, tally);
  switch (fe_chart_layout_get_kind (layout))
    {
    case FE_CHART_KIND_BAR:
    case FE_CHART_KIND_GROUPED_BAR:
      check_bars (layout);
      break;
    case FE_CHART_KIND_STACKED:
    case FE_CHART_KIND_DIVERGING:
      check_stacked (layout, tally);
      break;
    case FE_CHART_KIND_HEATMAP:
      check_heatmap (layout);
      break;
    case FE_CHART_KIND_AUTO:
    default:
      g_assert_not_reached ();
    }
  g_assert_true (summary != NULL && *summary != '\0');
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (data, "width"),
                                  fe_chart_layout_get_width (layout), 0.005);
}

/* Spec */

static void
test_spec_defaults (void)
{
  FeChartSpec spec;

  memset (&spec, 0xff, sizeof spec);
  fe_chart_spec_init (&spec);
  g_assert_cmpint (spec.kind, ==, FE_CHART_KIND_AUTO);
  g_assert_cmpint (spec.measure, ==, FE_CHART_MEASURE_PERCENT_BASE);
  g_assert_cmpint (spec.sort, ==, FE_CHART_SORT_CODEBOOK);
  g_assert_false (spec.dark);
  g_assert_cmpfloat (spec.width, ==, 800);
  g_assert_cmpfloat (spec.height, ==, 500);
  g_assert_cmpfloat (spec.text_scale, ==, 1);
  g_assert_null (spec.title);
  g_assert_null (spec.filter_text);
}

/* Project files, JSON and the command line name kinds, measures and sorts by these words:
 * they must never change. */
static void
test_spec_strings (void)
{
  static const char * const kinds[] = {
    [FE_CHART_KIND_AUTO] = "auto",
    [FE_CHART_KIND_BAR] = "bar",
    [FE_CHART_KIND_GROUPED_BAR] = "grouped-bar",
    [FE_CHART_KIND_STACKED] = "stacked",
    [FE_CHART_KIND_DIVERGING] = "diverging",
    [FE_CHART_KIND_HEATMAP] = "heatmap",
  };
  static const char * const measures[] = {
    [FE_CHART_MEASURE_COUNT] = "count",
    [FE_CHART_MEASURE_PERCENT_BASE] = "percent",
    [FE_CHART_MEASURE_PERCENT_ANSWERED] = "percent-answered",
  };

  for (FeChartKind kind = FE_CHART_KIND_AUTO; kind <= FE_CHART_KIND_HEATMAP; kind++)
    {
      FeChartKind parsed;

      g_assert_cmpstr (fe_chart_kind_to_string (kind), ==, kinds[kind]);
      g_assert_true (fe_chart_kind_from_string (fe_chart_kind_to_string (kind), &parsed));
      g_assert_cmpint (parsed, ==, kind);
      g_assert_nonnull (fe_chart_kind_get_name (kind));
    }
  for (FeChartMeasure measure = 0; measure <= FE_CHART_MEASURE_PERCENT_ANSWERED; measure++)
    {
      FeChartMeasure parsed;

      g_assert_cmpstr (fe_chart_measure_to_string (measure), ==, measures[measure]);
      g_assert_true (fe_chart_measure_from_string (fe_chart_measure_to_string (measure),
                                                   &parsed));
      g_assert_cmpint (parsed, ==, measure);
    }
  {
    FeChartKind kind;
    FeChartSort sort;

    g_assert_false (fe_chart_kind_from_string ("pie", &kind));
    g_assert_false (fe_chart_kind_from_string (NULL, &kind));
    g_assert_true (fe_chart_sort_from_string ("value", &sort));
    g_assert_cmpint (sort, ==, FE_CHART_SORT_VALUE);
    g_assert_cmpstr (fe_chart_sort_to_string (FE_CHART_SORT_CODEBOOK), ==, "codebook");
  }
}

static void
test_spec_resolve (void)
{
  const struct { const char *question, *by; FeChartKind kind; } cases[] = {
    { "vulnerabilities", NULL, FE_CHART_KIND_BAR },
    { "training_prepared", NULL, FE_CHART_KIND_BAR },
    { "training_prepared", "force", FE_CHART_KIND_DIVERGING },
    { "training", "force", FE_CHART_KIND_STACKED },
    { "role", "force", FE_CHART_KIND_STACKED },
    { "better_enabled", "force", FE_CHART_KIND_GROUPED_BAR },
    { "barriers", "role", FE_CHART_KIND_HEATMAP },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FeTally) tally = fe_chart_test_sample_tally (cases[i].question, cases[i].by);

      g_assert_cmpint (fe_chart_kind_resolve (FE_CHART_KIND_AUTO, tally), ==, cases[i].kind);
    }

  {
    g_autoptr(FeTally) coded = fe_chart_test_sample_tally ("vulnerabilities", "force");
    g_autoptr(FeTally) single = fe_chart_test_sample_tally ("training", NULL);

    /* Stacked parts of a question with several answers each would not add up to 100%. */
    g_assert_false (fe_chart_kind_applies (FE_CHART_KIND_STACKED, coded));
    g_assert_cmpint (fe_chart_kind_resolve (FE_CHART_KIND_STACKED, coded), !=,
                     FE_CHART_KIND_STACKED);
    g_assert_false (fe_chart_kind_applies (FE_CHART_KIND_DIVERGING, single));
    g_assert_false (fe_chart_kind_applies (FE_CHART_KIND_GROUPED_BAR, single));
    g_assert_true (fe_chart_kind_applies (FE_CHART_KIND_HEATMAP, coded));
  }
}

/* Palette */

static void
test_palette_contrast (void)
{
  for (int dark = 0; dark <= 1; dark++)
    {
      const FeChartTheme *theme = fe_chart_theme_get (dark);

      g_assert_cmpfloat (fe_chart_color_contrast (&theme->text, &theme->background), >=, 4.5);
      g_assert_cmpfloat (fe_chart_color_contrast (&theme->secondary_text, &theme->background),
                         >=, 4.5);
      /* Graphics need 3:1 (WCAG 1.4.11): the one-colour bar and the focus ring. */
      g_assert_cmpfloat (fe_chart_color_contrast (&theme->single_bar, &theme->background), >=, 3);
      g_assert_cmpfloat (fe_chart_color_contrast (&theme->focus, &theme->background), >=, 3);
    }

  /* Text on any fill is black or white, whichever reads better: never under 4.5:1. */
  for (guint r = 0; r <= 255; r += 15)
    for (guint g = 0; g <= 255; g += 15)
      for (guint b = 0; b <= 255; b += 15)
        {
          FeChartColor fill = fe_chart_color_from_hex (r << 16 | g << 8 | b);
          FeChartColor text = fe_chart_color_text_on (&fill);

          g_assert_cmpfloat (fe_chart_color_contrast (&fill, &text), >=, 4.5);
        }

  {
    FeChartColor black = { 0, 0, 0 }, white = { 1, 1, 1 };

    g_assert_cmpfloat_with_epsilon (fe_chart_color_contrast (&black, &white), 21, 1e-9);
  }
}

/* The desktop's high-contrast style, in every kind of chart, light and dark: every segment
 * keeps 3:1 against the background (WCAG 1.4.11), and so does what parts it from its
 * neighbours (a gap of background, drawn by fe_chart_layout_paint()); text and rings are pure. */
static void
test_high_contrast (void)
{
  const char *cases[][2] = {
    { "training", NULL }, { "vulnerabilities", "force" }, { "cop_definition_fit", "force" },
    { "training_prepared", NULL },
  };

  for (int dark = 0; dark <= 1; dark++)
    {
      const FeChartTheme *theme = fe_chart_theme_get_high_contrast (dark);

      g_assert_cmpfloat (fe_chart_color_contrast (&theme->text, &theme->background), >=, 15);
      g_assert_cmpfloat (fe_chart_color_contrast (&theme->focus, &theme->background), >=, 15);
      for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
        for (FeChartKind kind = FE_CHART_KIND_AUTO; kind <= FE_CHART_KIND_HEATMAP; kind++)
          {
            g_autoptr(FeTally) tally = fe_chart_test_sample_tally (cases[c][0], cases[c][1]);
            g_autoptr(FeChartLayout) layout = NULL;
            FeChartSpec spec;
            guint n_checked = 0;

            fe_chart_spec_init (&spec);
            spec.kind = kind;
            spec.width = 800;
            spec.height = 520;
            spec.dark = dark;
            spec.high_contrast = TRUE;
            layout = fe_chart_layout_new (&spec, tally, NULL);
            for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
              {
                FeChartColor fill = fe_chart_layout_get_fill (layout, i);

                g_assert_cmpfloat (fe_chart_color_contrast (&fill, &theme->background), >=, 3);
                n_checked++;
              }
            g_assert_cmpuint (n_checked, >, 0);
          }
    }
}

static void
test_palette_okabe_ito (void)
{
  g_autofree char *first = NULL;
  FeChartColor a = fe_chart_palette_category (FALSE, 0);

  first = fe_chart_color_to_hex (&a);
  g_assert_cmpstr (first, ==, "#0072b2");
  for (int dark = 0; dark <= 1; dark++)
    for (guint i = 0; i < 8; i++)
      for (guint j = i + 1; j < 8; j++)
        {
          FeChartColor ci = fe_chart_palette_category (dark, i);
          FeChartColor cj = fe_chart_palette_category (dark, j);

          g_assert_false (ci.red == cj.red && ci.green == cj.green && ci.blue == cj.blue);
        }
}

/* Lower half warm, upper half cool, a grey middle, each side darker towards its end. */
static void
test_palette_diverging (void)
{
  for (guint n = 2; n <= 11; n++)
    {
      for (guint l = 0; l < n; l++)
        {
          FeChartColor c = fe_chart_palette_diverging (l, n);

          if (l < n / 2)
            g_assert_cmpfloat (c.red, >, c.blue);
          else if (n % 2 == 1 && l == n / 2)
            {
              g_assert_cmpfloat (c.red, ==, c.blue);
              g_assert_cmpfloat (c.red, ==, c.green);
            }
          else
            g_assert_cmpfloat (c.blue, >, c.red);
        }
      for (guint l = 0; l + 1 < n / 2; l++)
        {
          FeChartColor outer = fe_chart_palette_diverging (l, n);
          FeChartColor inner = fe_chart_palette_diverging (l + 1, n);
          FeChartColor outer_high = fe_chart_palette_diverging (n - 1 - l, n);
          FeChartColor inner_high = fe_chart_palette_diverging (n - 2 - l, n);

          g_assert_cmpfloat (fe_chart_color_luminance (&outer), <,
                             fe_chart_color_luminance (&inner));
          g_assert_cmpfloat (fe_chart_color_luminance (&outer_high), <,
                             fe_chart_color_luminance (&inner_high));
        }
    }
}

/* Sample study */

typedef struct
{
  double width, height, text_scale;
} Size;

static const Size sizes[] = {
  { 480, 320, 1.0 },
  { 800, 500, 1.0 },
  { 1280, 720, 1.6 },
  { 640, 400, 2.0 },
};

/* The default spec, drawing @kind at @size. */
static void
spec_init_sized (FeChartSpec *spec,
                 FeChartKind  kind,
                 const Size  *size)
{
  fe_chart_spec_init (spec);
  spec->kind = kind;
  spec->width = size->width;
  spec->height = size->height;
  spec->text_scale = size->text_scale;
}

static guint n_checked;

static void
check_sample_question (FeColumn       *question,
                       FeColumn       *by,
                       const FeBitset *rows,
                       guint          *variant)
{
  g_autoptr(FeTally) tally = fe_tally_compute (question, rows, by);

  for (FeChartKind kind = FE_CHART_KIND_AUTO; kind <= FE_CHART_KIND_HEATMAP; kind++)
    {
      if (!fe_chart_kind_applies (kind, tally))
        continue;
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++, (*variant)++)
        {
          g_autoptr(FeChartLayout) layout = NULL;
          FeChartSpec spec;

          spec_init_sized (&spec, kind, &sizes[s]);
          /* Vary the rest so that every combination comes up across the questions. */
          spec.dark = *variant % 2;
          spec.measure = (FeChartMeasure) (*variant / 2 % 3);
          spec.sort = (FeChartSort) (*variant / 3 % 2);
          spec.filter_text = *variant % 5 == 0 ? "force = Gwent Police, North Wales Police" : NULL;
          spec.title = *variant % 7 == 0 ? "A title chosen for the briefing" : NULL;
          g_snprintf (current_case, sizeof current_case, "%s by %s, %s, %.0f × %.0f, text × %.1f",
                      question->id, by != NULL ? by->id : "nothing",
                      fe_chart_kind_to_string (kind), spec.width, spec.height, spec.text_scale);
          layout = fe_chart_layout_new (&spec, tally, NULL);
          g_assert_cmpint (fe_chart_layout_get_kind (layout), ==,
                           fe_chart_kind_resolve (kind, tally));
          check_layout (layout, tally);
          n_checked++;
        }
    }
}

static void
test_layout_sample (void)
{
  FeStudy *study = fe_chart_test_get_sample ();
  const char *splits[] = { NULL, "force", "role" };
  guint variant = 0;

  n_checked = 0;
  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *question = fe_study_get_column (study, c);

      if (!fe_column_is_question (question) || fe_column_get_n_levels (question) == 0)
        continue;
      for (guint b = 0; b < G_N_ELEMENTS (splits); b++)
        {
          FeColumn *by = splits[b] != NULL ? fe_study_find_column (study, splits[b]) : NULL;

          if (by == question)
            continue;
          check_sample_question (question, by, fe_study_get_universe (study), &variant);
        }
    }
  g_test_message ("%u sample layouts checked", n_checked);
  g_assert_cmpuint (n_checked, >, 300);
}

/* A filter leaves small and empty groups: the chart still holds together. */
static void
test_layout_sample_filtered (void)
{
  FeStudy *study = fe_chart_test_get_sample ();
  g_autoptr(FeFilter) filter = fe_filter_new (study);
  FeColumn *force = fe_study_find_column (study, "force");
  g_autoptr(FeBitset) rows = NULL;
  guint variant = 1;

  fe_filter_add_level (filter, force, (guint) fe_column_find_level (force, "North Wales Police"));
  fe_filter_add_level (filter, force, (guint) fe_column_find_level (force, "Gwent Police"));
  rows = fe_filter_compute_rows (filter);
  check_sample_question (fe_study_find_column (study, "training_prepared"), force, rows,
                         &variant);
  check_sample_question (fe_study_find_column (study, "vulnerabilities"),
                         fe_study_find_column (study, "role"), rows, &variant);
}

/* Random tallies */

static const char * const words[] = {
  "Yes", "No", "Heddlu Gwent", "Heddlu Dyfed-Powys", "Swyddog Cymorth Cymunedol yr Heddlu",
  "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch",
  "Gwasanaethau diogelu a chefnogi dioddefwyr camfanteisio rhywiol a masnachu pobl",
  "Cytuno'n gryf", "Anghytuno'n gryf", "Ddim yn siŵr", "Arall", "Substance use",
  "Public protection / safeguarding", "Fear of not being believed", "Ŵyr", "A",
  "Swyddogaeth ymateb a phlismona yn y gymdogaeth, gan gynnwys gwaith partneriaeth",
};

/* A quarter of the groups of 0 to 2, the rest of up to 149; one group in eight with no
 * answers, the others any number. */
static const FeChartTestTallyShape tally_shape = {
  .base_limit = 400,
  .small_one_in = 4, .small_from = 0, .small_limit = 3,
  .large_from = 0, .large_limit = 150,
  .none_answered_one_in = 8, .from_half = FALSE,
};

static FeTally *
random_tally (GRand    *rand,
              FeColumn *question,
              FeColumn *by)
{
  return fe_chart_test_random_tally (rand, question, by, &tally_shape);
}

/* Random, but reproducible: the seed is in the log and in every failure message, and
 * FE_TEST_SEED=<seed> replays that run (as does GLib's --seed). */
static guint32
random_seed (void)
{
  const char *replay = g_getenv ("FE_TEST_SEED");
  guint32 seed = replay != NULL ? (guint32) g_ascii_strtoull (replay, NULL, 10)
                                : (guint32) g_test_rand_int ();

  g_test_message ("seed %" G_GUINT32_FORMAT ": FE_TEST_SEED=%" G_GUINT32_FORMAT
                  " replays this run", seed, seed);
  return seed;
}

static void
test_layout_random (void)
{
  guint32 seed = random_seed ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  const FeRole roles[] = { FE_ROLE_ATTRIBUTE, FE_ROLE_ORDINAL, FE_ROLE_CHOICE, FE_ROLE_MULTI,
                           FE_ROLE_TEXT };
  /* Long Welsh labels, half the columns' with the longest phrase after them. */
  const FeChartTestNames names = { words, G_N_ELEMENTS (words), words[6] };

  for (guint i = 0; i < 150; i++)
    {
      FeRole role = roles[g_rand_int_range (rand, 0, G_N_ELEMENTS (roles))];
      FeColumn *question = fe_chart_test_random_column (rand, "q", role,
                                                        g_rand_int_range (rand, 0, 15), &names);
      FeColumn *by = g_rand_boolean (rand)
        ? fe_chart_test_random_column (rand, "by", FE_ROLE_ATTRIBUTE,
                                       g_rand_int_range (rand, 1, 10), &names)
        : NULL;
      FeTally *tally;
      FeChartSpec spec;

      question->coded = role == FE_ROLE_TEXT;
      tally = random_tally (rand, question, by);
      fe_chart_test_random_spec (rand, &spec, tally);
      spec.sort = g_rand_int_range (rand, 0, 2);
      spec.dark = g_rand_boolean (rand);
      spec.width = g_rand_double_range (rand, 480, 1600);
      spec.height = g_rand_double_range (rand, 320, 1000);
      spec.text_scale = g_rand_double_range (rand, 1, 2);
      spec.filter_text = g_rand_boolean (rand) ? words[6] : NULL;

      {
        g_autoptr(FeChartLayout) layout = NULL;

        g_snprintf (current_case, sizeof current_case,
                    "random %u (FE_TEST_SEED=%" G_GUINT32_FORMAT "): %s, %u levels by %u "
                    "groups, %.0f × %.0f, text × %.2f", i, seed,
                    fe_chart_kind_to_string (spec.kind), tally->n_levels, tally->n_groups,
                    spec.width, spec.height, spec.text_scale);
        layout = fe_chart_layout_new (&spec, tally, NULL);
        check_layout (layout, tally);
      }
      fe_chart_test_free_tally (tally);
    }
}

/* Particular behaviours */

/* A heat map of many large groups on a small canvas in large type: even at the smallest type
 * the columns are too narrow for "(n = 123)" unless the level labels give way, and with more
 * groups still the n has to break over two lines. Either way it is shown whole, never cut. */
static void
test_layout_heatmap_narrow (void)
{
  const guint group_counts[] = { 9, 12 };
  const Size narrow[] = { { 480, 320, 2.0 }, { 500, 580, 1.4 }, { 480, 1000, 1.0 } };

  for (guint t = 0; t < G_N_ELEMENTS (group_counts); t++)
    {
      FeColumn *question = fe_column_new (0, 0, "q");
      FeColumn *by = fe_column_new (1, 1, "by");
      FeTally *tally = g_new0 (FeTally, 1);

      question->role = FE_ROLE_CHOICE;
      for (guint l = 0; l < 4; l++)
        fe_column_add_level (question, words[6 + l % 2], 1);
      by->role = FE_ROLE_ATTRIBUTE;
      for (guint g = 0; g < group_counts[t]; g++)
        fe_column_add_level (by, words[4 + g % 3], 1);

      tally->question = question;
      tally->by = by;
      tally->n_levels = 4;
      tally->counts = g_new0 (guint, tally->n_levels);
      tally->n_groups = group_counts[t];
      tally->groups = g_new0 (FeTallyGroup, tally->n_groups);
      for (guint g = 0; g < tally->n_groups; g++)
        {
          FeTallyGroup *group = &tally->groups[g];

          group->group = g;
          group->base = 100 + 13 * g;
          group->answered = group->base - g;
          group->counts = g_new0 (guint, tally->n_levels);
          for (guint l = 0; l < tally->n_levels; l++)
            group->counts[l] = group->answered / 4 + (l < group->answered % 4);
          tally->base += group->base;
          tally->answered += group->answered;
          for (guint l = 0; l < tally->n_levels; l++)
            tally->counts[l] += group->counts[l];
        }

      for (guint s = 0; s < G_N_ELEMENTS (narrow); s++)
        {
          g_autoptr(FeChartLayout) layout = NULL;
          FeChartSpec spec;

          spec_init_sized (&spec, FE_CHART_KIND_HEATMAP, &narrow[s]);
          g_snprintf (current_case, sizeof current_case,
                      "narrow heat map, %u groups, %.0f × %.0f, text × %.1f", group_counts[t],
                      spec.width, spec.height, spec.text_scale);
          layout = fe_chart_layout_new (&spec, tally, NULL);
          g_assert_cmpint (fe_chart_layout_get_kind (layout), ==, FE_CHART_KIND_HEATMAP);
          check_layout (layout, tally);
        }
      fe_chart_test_free_tally (tally);
    }
}

static FeChartLayout *
sample_layout (const char  *question,
               const char  *by,
               FeChartKind  kind,
               FeTally    **tally_out)
{
  FeTally *tally = fe_chart_test_sample_tally (question, by);
  FeChartSpec spec;
  FeChartLayout *layout;

  fe_chart_spec_init (&spec);
  spec.kind = kind;
  layout = fe_chart_layout_new (&spec, tally, NULL);
  if (tally_out != NULL)
    *tally_out = tally;
  else
    fe_tally_free (tally);
  return layout;
}

static void
test_layout_zero_bar (void)
{
  g_autoptr(FeTally) tally = NULL;
  g_autoptr(FeChartLayout) layout = sample_layout ("better_enabled", "force",
                                                   FE_CHART_KIND_GROUPED_BAR, &tally);
  gboolean found = FALSE;

  for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
    {
      const FeChartSegment *s = fe_chart_layout_get_segment (layout, i);

      if (s->count != 0)
        continue;
      found = TRUE;
      g_assert_cmpfloat (s->w, ==, 0);
      g_assert_cmpfloat (s->target_w, >=, 6);
      g_assert_cmpint (fe_chart_layout_hit_test (layout, s->x + 2, s->y + s->h / 2), ==, (int) i);
      g_assert_nonnull (strstr (s->description, ": 0 of "));
    }
  g_assert_true (found);
}

/* A number as a tick or a value prints it, "40" or "40%", read back; FALSE for any other text
 * ("< 5", "–", a level's name). */
static gboolean
read_number (const char *text,
             double     *value)
{
  g_autofree char *plain = g_strdup (text);
  char *end;

  if (g_str_has_suffix (plain, "%"))
    plain[strlen (plain) - 1] = '\0';
  if (*plain == '\0' || !g_ascii_isdigit (*plain))
    return FALSE;
  *value = g_ascii_strtod (plain, &end);
  return *end == '\0';
}

/* What a grouped chart's JSON shows of its bars, as a script reads it: each drawn bar either
 * has its value printed at its end, on its line, or the chart has a labelled value axis under
 * its rows whose ticks stand where the bars' scale puts their values. A zero is a bar of no
 * length with its "0" wherever the others print theirs. Returns through @all_valued and @axis
 * which of the two the chart has. */
static void
check_grouped_values (const FeChartLayout *layout,
                      const FeChartSpec   *spec,
                      gboolean            *all_valued,
                      gboolean            *axis)
{
  g_autofree char *json = fe_chart_layout_to_json (layout);
  g_autoptr(JsonObject) data = fe_chart_test_parse_layout (json);
  JsonArray *segments = json_object_get_array_member (data, "segments");
  JsonArray *labels = json_object_get_array_member (data, "labels");
  g_autofree char *small = g_strdup_printf ("< %u", spec->min_cell);
  double bottom = 0, x0 = -1, per_unit = 0, longest = 0;
  guint n_ticks = 0, n_found = 0, n_missing = 0, n_missing_zero = 0;

  for (guint i = 0; i < json_array_get_length (segments); i++)
    {
      JsonObject *s = json_array_get_object_element (segments, i);
      double w = json_object_get_double_member (s, "w");
      double value = json_object_get_double_member (s, "value");

      bottom = MAX (bottom, json_object_get_double_member (s, "y")
                            + json_object_get_double_member (s, "h"));
      x0 = json_object_get_double_member (s, "x");
      /* From the longest bar, which the JSON's rounding to 0.01 disturbs least. */
      if (g_str_equal (json_object_get_string_member (s, "disclosure"), "shown") && value > 0
          && w > longest)
        {
          longest = w;
          per_unit = w / value;
        }
    }

  /* Ticks: numbers under the rows, each centred where the bars' scale puts its value. */
  for (guint i = 0; i < json_array_get_length (labels); i++)
    {
      JsonObject *l = json_array_get_object_element (labels, i);
      double y = json_object_get_double_member (l, "y"), value;

      if (y < bottom - EPSILON || y > bottom + 30
          || !read_number (json_object_get_string_member (l, "text"), &value))
        continue;
      n_ticks++;
      g_assert_cmpfloat (per_unit, >, 0);
      if (fabs (json_object_get_double_member (l, "x") + json_object_get_double_member (l, "w") / 2
                - (x0 + value * per_unit)) > 0.5)
        fail ("the tick “%s” is at %.2f, not under its value at %.2f",
              json_object_get_string_member (l, "text"), json_object_get_double_member (l, "x")
              + json_object_get_double_member (l, "w") / 2, x0 + value * per_unit);
    }
  *axis = n_ticks >= 2;

  for (guint i = 0; i < json_array_get_length (segments); i++)
    {
      JsonObject *s = json_array_get_object_element (segments, i);
      double end = json_object_get_double_member (s, "x") + json_object_get_double_member (s, "w");
      double middle = json_object_get_double_member (s, "y")
                      + json_object_get_double_member (s, "h") / 2;
      gboolean shown = g_str_equal (json_object_get_string_member (s, "disclosure"), "shown");
      const char *found = NULL;
      gboolean zero;

      if (!shown && json_object_get_double_member (s, "w") <= 0)
        continue;
      zero = json_object_get_double_member (s, "w") <= 0;
      for (guint j = 0; j < json_array_get_length (labels) && found == NULL; j++)
        {
          JsonObject *l = json_array_get_object_element (labels, j);
          double x = json_object_get_double_member (l, "x");
          double y = json_object_get_double_member (l, "y");
          double h = json_object_get_double_member (l, "h");

          /* On the bar's line: centred on it, a little past its end. */
          if (x >= end - EPSILON && x <= end + 12 && fabs (y + h / 2 - middle) <= 1)
            found = json_object_get_string_member (l, "text");
        }
      if (found == NULL)
        {
          n_missing += !zero;
          n_missing_zero += zero;
          continue;
        }
      n_found++;
      if (shown)
        {
          guint count = (guint) json_object_get_int_member (s, "count");
          guint base = (guint) json_object_get_int_member (s, "base");
          g_autofree char *expected = spec->measure == FE_CHART_MEASURE_COUNT
                                      ? g_strdup_printf ("%u", count)
                                      : fe_percent_format (count, base);

          if (base > 0 && !g_str_equal (found, expected))
            fail ("%s is labelled “%s”", json_object_get_string_member (s, "description"),
                  found);
        }
      else
        {
          g_autofree char *flat = fe_chart_test_flatten (found);

          if (!g_str_equal (flat, small) && !g_str_equal (flat, "–"))
            fail ("withheld %s is labelled “%s”", json_object_get_string_member (s,
                                                                                 "description"),
                  found);
        }
    }
  *all_valued = n_missing == 0 && n_missing_zero == 0;
  if (n_missing > 0 && !*axis)
    fail ("%u bars have no value and the chart no axis", n_missing);
  /* A zero keeps its slot and says "0" there, wherever the other bars print theirs. */
  if (n_missing_zero > 0 && n_found > 0)
    fail ("%u bars of no length have no value where others have", n_missing_zero);
}

/* Issue 16: grouped bars showed no numbers and no axis. Every drawn bar carries its value, in
 * the measure's format and with withheld numbers as their marks, or the chart has a value
 * axis; a chart with room for both has both. */
static void
test_layout_grouped_values (void)
{
  const struct { const char *question, *by; } charts[] = {
    { "better_enabled", "force" },
    { "better_enabled", "role" },
    { "training_prepared", "role" },
    { "training_prepared", "force" },
    { "vulnerabilities", "role" },
  };
  guint n_both = 0, n_axis_only = 0;

  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    {
      g_autoptr(FeTally) tally = fe_chart_test_sample_tally (charts[c].question, charts[c].by);

      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        for (guint k = 0; k <= 5; k += 5)
          for (FeChartMeasure measure = FE_CHART_MEASURE_COUNT;
               measure <= FE_CHART_MEASURE_PERCENT_BASE; measure++)
            {
              g_autoptr(FeChartLayout) layout = NULL;
              gboolean all_valued, axis;
              FeChartSpec spec;

              fe_chart_spec_init (&spec);
              spec.kind = FE_CHART_KIND_GROUPED_BAR;
              spec.measure = measure;
              spec.min_cell = k;
              spec.fold_small_groups = k > 0;
              spec.width = sizes[z].width;
              spec.height = sizes[z].height;
              spec.text_scale = sizes[z].text_scale;
              g_snprintf (current_case, sizeof current_case, "grouped %s by %s, %.0f × %.0f × "
                          "%.1f, k %u, %s", charts[c].question, charts[c].by, spec.width,
                          spec.height, spec.text_scale, k, fe_chart_measure_to_string (measure));
              layout = fe_chart_layout_new (&spec, tally, NULL);
              g_assert_cmpint (fe_chart_layout_get_kind (layout), ==, FE_CHART_KIND_GROUPED_BAR);
              check_grouped_values (layout, &spec, &all_valued, &axis);
              n_both += all_valued && axis;
              n_axis_only += !all_valued && axis;
            }
    }
  /* Both kinds of chart are among these: the test sees the fallback as well as the values. */
  g_assert_cmpuint (n_both, >, 0);
  g_assert_cmpuint (n_axis_only, >, 0);

  {
    g_autoptr(FeTally) tally = fe_chart_test_sample_tally ("better_enabled", "force");
    g_autoptr(FeChartLayout) layout = NULL;
    gboolean all_valued, axis;
    FeChartSpec spec;

    /* Two groups at the default size: room for both. */
    fe_chart_spec_init (&spec);
    spec.kind = FE_CHART_KIND_GROUPED_BAR;
    g_snprintf (current_case, sizeof current_case, "grouped better_enabled by force");
    layout = fe_chart_layout_new (&spec, tally, NULL);
    check_grouped_values (layout, &spec, &all_valued, &axis);
    g_assert_true (all_valued);
    g_assert_true (axis);
  }
}

static void
test_layout_sort (void)
{
  g_autoptr(FeTally) tally = fe_chart_test_sample_tally ("vulnerabilities", NULL);
  g_autoptr(FeChartLayout) layout = NULL;
  FeChartSpec spec;

  fe_chart_spec_init (&spec);
  spec.sort = FE_CHART_SORT_VALUE;
  layout = fe_chart_layout_new (&spec, tally, NULL);
  for (guint i = 1; i < fe_chart_layout_get_n_segments (layout); i++)
    g_assert_cmpfloat (fe_chart_layout_get_segment (layout, i - 1)->value, >=,
                       fe_chart_layout_get_segment (layout, i)->value);
}

static void
test_layout_diverging_centre (void)
{
  g_autoptr(FeTally) tally = NULL;
  g_autoptr(FeChartLayout) layout = sample_layout ("training_prepared", "force",
                                                   FE_CHART_KIND_DIVERGING, &tally);
  double centre = -1;

  /* The middle level ("Moderately well") straddles one line in every row. */
  for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
    {
      const FeChartSegment *s = fe_chart_layout_get_segment (layout, i);

      if (s->level != 2)
        continue;
      if (centre < 0)
        centre = s->x + s->w / 2;
      g_assert_cmpfloat_with_epsilon (s->x + s->w / 2, centre, 1e-6);
    }
  g_assert_cmpfloat (centre, >, 0);
  g_assert_true (fe_chart_test_has_label (layout, "All respondents (n = "));
  g_assert_true (fe_chart_test_has_label (layout, "Gwent Police (n = "));
}

/* "Don't know" and "N/A" after a scale are not its top end: a diverging bar leaves them out
 * and says so; a 100% bar keeps them. */
static void
test_layout_off_scale_answers (void)
{
  static const char * const levels[] = { "Very dissatisfied", "Dissatisfied",
                                         "Neither satisfied nor dissatisfied", "Satisfied",
                                         "Very satisfied", "Don't know", "N/A" };
  FeColumn *question = fe_column_new (0, 0, "satisfaction");
  FeColumn *by = fe_column_new (1, 1, "force");
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(FeTally) tally = NULL;
  g_autoptr(FeChartLayout) diverging = NULL;
  g_autoptr(FeChartLayout) stacked = NULL;
  FeChartSpec spec;
  gboolean off_scale_drawn = FALSE;

  question->role = FE_ROLE_ORDINAL;
  for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
    fe_column_add_level (question, levels[l], 1);
  by->role = FE_ROLE_ATTRIBUTE;
  fe_column_add_level (by, "Gwent Police", 1);
  fe_column_add_level (by, "South Wales Police", 1);
  g_assert_cmpuint (fe_column_get_n_scale_levels (question), ==, 5);
  tally = random_tally (rand, question, by);

  fe_chart_spec_init (&spec);
  spec.kind = FE_CHART_KIND_DIVERGING;
  spec.min_cell = 0;
  diverging = fe_chart_layout_new (&spec, tally, NULL);
  for (guint i = 0; i < fe_chart_layout_get_n_segments (diverging); i++)
    g_assert_cmpint (fe_chart_layout_get_segment (diverging, i)->level, <, 5);
  g_assert_true (fe_chart_test_has_label (diverging, "Not on the scale, so not in the bars: "
                                                  "“Don't know”, “N/A”."));

  spec.kind = FE_CHART_KIND_STACKED;
  stacked = fe_chart_layout_new (&spec, tally, NULL);
  for (guint i = 0; i < fe_chart_layout_get_n_segments (stacked); i++)
    off_scale_drawn |= fe_chart_layout_get_segment (stacked, i)->level >= 5;
  g_assert_true (off_scale_drawn);
  fe_column_free (question);
  fe_column_free (by);
}

static void
test_layout_long_labels (void)
{
  FeColumn *question = fe_column_new (0, 0, "hir");
  FeColumn *by = fe_column_new (1, 1, "heddlu");
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  FeTally *tally;
  FeChartSpec spec;
  gboolean cut = FALSE;

  question->role = FE_ROLE_MULTI;
  question->label = (g_free (question->label), g_strdup (words[16]));
  for (guint l = 0; l < 6; l++)
    fe_column_add_level (question, words[5 + l % 3], 1);
  by->role = FE_ROLE_ATTRIBUTE;
  for (guint g = 0; g < 6; g++)
    fe_column_add_level (by, words[g % 2 == 0 ? 4 : 6], 1);
  tally = random_tally (rand, question, by);

  for (FeChartKind kind = FE_CHART_KIND_BAR; kind <= FE_CHART_KIND_HEATMAP; kind++)
    {
      if (!fe_chart_kind_applies (kind, tally))
        continue;
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autoptr(FeChartLayout) layout = NULL;

          spec_init_sized (&spec, kind, &sizes[s]);
          g_snprintf (current_case, sizeof current_case, "long labels, %s, %.0f × %.0f",
                      fe_chart_kind_to_string (kind), spec.width, spec.height);
          layout = fe_chart_layout_new (&spec, tally, NULL);
          check_layout (layout, tally);
          for (guint i = 0; i < fe_chart_layout_get_n_labels (layout); i++)
            {
              const FeChartLabel *label = fe_chart_layout_get_label (layout, i);

              if (strstr (label->text, "…") != NULL)
                {
                  cut = TRUE;
                  g_assert_cmpstr (label->text, !=, label->full_text);
                }
            }
        }
    }
  g_assert_true (cut);
  fe_chart_test_free_tally (tally);
}

static void
test_layout_text_scale (void)
{
  g_autoptr(FeTally) tally = fe_chart_test_sample_tally ("training", NULL);
  g_autoptr(FeChartLayout) normal = NULL;
  g_autoptr(FeChartLayout) large = NULL;
  FeChartSpec spec;

  fe_chart_spec_init (&spec);
  spec.width = 1600;
  spec.height = 1000;
  normal = fe_chart_layout_new (&spec, tally, NULL);
  spec.text_scale = 1.75;
  large = fe_chart_layout_new (&spec, tally, NULL);
  /* The title is label 0: presentation type makes it taller. */
  g_assert_cmpfloat (fe_chart_layout_get_label (large, 0)->h, >,
                     fe_chart_layout_get_label (normal, 0)->h * 1.5);
}

static void
test_layout_describe (void)
{
  g_autoptr(FeChartLayout) bar = sample_layout ("vulnerabilities", NULL, FE_CHART_KIND_AUTO,
                                                NULL);
  g_autoptr(FeChartLayout) stacked = sample_layout ("training_prepared", "force",
                                                    FE_CHART_KIND_STACKED, NULL);
  g_autofree char *bar_text = fe_chart_layout_describe (bar);
  g_autofree char *stacked_text = fe_chart_layout_describe (stacked);

  g_assert_true (g_str_has_prefix (bar_text, "Bar chart: What vulnerabilities"));
  g_assert_nonnull (strstr (bar_text, "Largest: Substance use: "));
  g_assert_nonnull (strstr (stacked_text, "Gwent Police: mostly "));
  g_assert_cmpint (fe_chart_layout_find_segment (bar, 0, -1), ==, 0);
}

static void
test_layout_json (void)
{
  g_autoptr(FeChartLayout) layout = sample_layout ("training", "force", FE_CHART_KIND_AUTO, NULL);
  g_autofree char *json = fe_chart_layout_to_json (layout);
  g_autofree char *scaled_json = fe_chart_layout_to_json_scaled (layout, 2);
  g_autoptr(JsonObject) data = fe_chart_test_parse_layout (json);
  g_autoptr(JsonObject) scaled = fe_chart_test_parse_layout (scaled_json);
  JsonArray *segments = json_object_get_array_member (data, "segments");
  const FeChartSegment *first = fe_chart_layout_get_segment (layout, 0);
  JsonObject *first_json = json_array_get_object_element (segments, 0);
  gboolean described = FALSE;

  g_assert_cmpfloat (json_object_get_double_member (data, "width"), ==, 800);
  g_assert_cmpfloat (json_object_get_double_member (data, "height"), ==, 500);
  g_assert_cmpfloat (json_object_get_double_member (scaled, "width"), ==, 1600);
  g_assert_cmpfloat (json_object_get_double_member (scaled, "height"), ==, 1000);
  g_assert_cmpuint (json_array_get_length (segments), ==, fe_chart_layout_get_n_segments (layout));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (data, "labels")), ==,
                    fe_chart_layout_get_n_labels (layout));
  /* To two decimals, as a file that reads the same on every machine. */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (first_json, "w"), first->w,
                                  0.005);
  for (guint i = 0; i < json_array_get_length (segments); i++)
    described |= g_str_has_prefix (json_object_get_string_member (
                                     json_array_get_object_element (segments, i), "description"),
                                   "Yes, Gwent Police: ");
  g_assert_true (described);
}

/* A chart is laid out again at each filter click, and at each change of its size: Pango laid
 * every label out again each time. Now what a font map measured is kept, and a layout again in
 * the same space lays nothing out; in another space, it is the layout a new font map makes. */
static void
test_layout_again_measures_nothing_anew (void)
{
  g_autoptr(FeTally) tally = fe_chart_test_sample_tally ("training", "force");
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (font_map);
  g_autoptr(FeChartLayout) first = NULL;
  g_autoptr(FeChartLayout) again = NULL;
  g_autoptr(FeChartLayout) narrow = NULL;
  g_autoptr(FeChartLayout) fresh = NULL;
  g_autofree char *first_json = NULL;
  g_autofree char *again_json = NULL;
  g_autofree char *narrow_json = NULL;
  g_autofree char *fresh_json = NULL;
  FeChartSpec spec;
  guint n_laid_out;

  fe_chart_spec_init (&spec);
  first = fe_chart_layout_new (&spec, tally, context);
  n_laid_out = fe_chart_text_get_n_laid_out ();
  again = fe_chart_layout_new (&spec, tally, context);
  g_assert_cmpuint (fe_chart_text_get_n_laid_out (), ==, n_laid_out);
  first_json = fe_chart_layout_to_json (first);
  again_json = fe_chart_layout_to_json (again);
  g_assert_cmpstr (again_json, ==, first_json);

  spec.width = 430;
  narrow = fe_chart_layout_new (&spec, tally, context);
  g_assert_cmpuint (fe_chart_text_get_n_laid_out (), >, n_laid_out);
  {
    g_autoptr(PangoFontMap) new_map = pango_cairo_font_map_new ();
    PangoContext *new_context = pango_font_map_create_context (new_map);

    fresh = fe_chart_layout_new (&spec, tally, new_context);
    g_object_unref (new_context);
  }
  narrow_json = fe_chart_layout_to_json (narrow);
  fresh_json = fe_chart_layout_to_json (fresh);
  g_assert_cmpstr (narrow_json, ==, fresh_json);
  g_assert_cmpstr (narrow_json, !=, first_json);
  g_object_unref (context);
}

static void
read_pixel (cairo_surface_t *surface,
            double           x,
            double           y,
            FeChartColor    *color)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel = *(guint32 *) (void *) (data + (int) y * stride + (int) x * 4);

  *color = fe_chart_color_from_hex (pixel & 0xffffff);
}

static gboolean
same_color (const FeChartColor *a,
            const FeChartColor *b)
{
  return fabs (a->red - b->red) < 0.01 && fabs (a->green - b->green) < 0.01
         && fabs (a->blue - b->blue) < 0.01;
}

/* What is painted is what the layout says: each segment's fill at its centre, the
 * background in the margin, and a highlight that changes the segment. */
static void
test_layout_paint (void)
{
  for (int dark = 0; dark <= 1; dark++)
    {
      g_autoptr(FeTally) tally = fe_chart_test_sample_tally ("training_prepared", "force");
      g_autoptr(FeChartLayout) layout = NULL;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 500);
      cairo_t *cr = cairo_create (surface);
      const FeChartTheme *theme = fe_chart_theme_get (dark);
      FeChartSpec spec;
      FeChartColor color;
      const FeChartSegment *first;

      fe_chart_spec_init (&spec);
      spec.dark = dark;
      spec.kind = FE_CHART_KIND_STACKED;
      layout = fe_chart_layout_new (&spec, tally, NULL);
      fe_chart_layout_paint (layout, cr);
      cairo_surface_flush (surface);
      for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
        {
          const FeChartSegment *s = fe_chart_layout_get_segment (layout, i);
          FeChartColor fill = fe_chart_layout_get_fill (layout, i);

          if (s->w < 8)
            continue;
          /* Off the middle, where a value may be printed. */
          read_pixel (surface, s->x + 2, s->y + 2, &color);
          g_assert_true (same_color (&color, &fill));
        }
      read_pixel (surface, 3, 497, &color);
      g_assert_true (same_color (&color, &theme->background));

      first = fe_chart_layout_get_segment (layout, 0);
      fe_chart_layout_paint_highlight (layout, cr, 0, FALSE);
      cairo_surface_flush (surface);
      read_pixel (surface, first->x + 2, first->y + 2, &color);
      {
        FeChartColor fill = fe_chart_layout_get_fill (layout, 0);

        g_assert_false (same_color (&color, &fill));
      }
      fe_chart_layout_paint_highlight (layout, cr, 0, TRUE);
      cairo_surface_flush (surface);
      read_pixel (surface, first->x + first->w / 2, first->y - 3, &color);
      g_assert_true (same_color (&color, &theme->focus));
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* The window draws each mark (veil, selection ring, focus ring) into its own small area: a mark
 * that reached outside it would be cut off on screen. Painted alone on a transparent page, every
 * mark of every segment stays inside its area, and touches it. */
static void
test_layout_marks_inside_their_area (void)
{
  g_autoptr(FeTally) tally = fe_chart_test_sample_tally ("training_prepared", "force");
  g_autoptr(FeChartLayout) layout = NULL;
  FeChartSpec spec;
  FeChartColor accent = { 0.2, 0.4, 0.9 };

  fe_chart_spec_init (&spec);
  spec.kind = FE_CHART_KIND_STACKED;
  layout = fe_chart_layout_new (&spec, tally, NULL);
  g_assert_cmpuint (fe_chart_layout_get_n_segments (layout), >, 0);
  for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
    for (int mark = 0; mark < 3; mark++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 500);
        cairo_t *cr = cairo_create (surface);
        cairo_rectangle_t area = fe_chart_layout_get_mark_area (layout, (int) i);
        const unsigned char *data;
        int stride;
        guint inside = 0;

        if (mark == 2)
          fe_chart_layout_paint_focus (layout, cr, (int) i, &accent);
        else
          fe_chart_layout_paint_highlight (layout, cr, (int) i, mark == 1);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        data = cairo_image_surface_get_data (surface);
        stride = cairo_image_surface_get_stride (surface);
        for (int y = 0; y < 500; y++)
          for (int x = 0; x < 800; x++)
            {
              guint32 pixel = *(const guint32 *) (const void *) (data + y * stride + x * 4);

              if (pixel == 0)
                continue;
              g_assert_cmpfloat (x, >=, floor (area.x));
              g_assert_cmpfloat (x + 1, <=, ceil (area.x + area.width));
              g_assert_cmpfloat (y, >=, floor (area.y));
              g_assert_cmpfloat (y + 1, <=, ceil (area.y + area.height));
              inside++;
            }
        g_assert_cmpuint (inside, >, 0);
        cairo_surface_destroy (surface);
      }
}

static void
test_layout_no_levels (void)
{
  FeColumn *question = fe_column_new (0, 0, "empty");
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  FeTally *tally;
  FeChartSpec spec;
  g_autoptr(FeChartLayout) layout = NULL;

  question->role = FE_ROLE_CHOICE;
  tally = random_tally (rand, question, NULL);
  fe_chart_spec_init (&spec);
  layout = fe_chart_layout_new (&spec, tally, NULL);
  g_assert_cmpuint (fe_chart_layout_get_n_segments (layout), ==, 0);
  g_assert_cmpint (fe_chart_layout_hit_test (layout, 400, 250), ==, -1);
  g_assert_true (fe_chart_test_has_label (layout, "no answers to chart"));
  check_layout (layout, tally);
  fe_chart_test_free_tally (tally);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/spec/defaults", test_spec_defaults);
  g_test_add_func ("/chart/style/high-contrast", test_high_contrast);
  g_test_add_func ("/chart/spec/strings", test_spec_strings);
  g_test_add_func ("/chart/spec/resolve", test_spec_resolve);
  g_test_add_func ("/chart/palette/contrast", test_palette_contrast);
  g_test_add_func ("/chart/palette/okabe-ito", test_palette_okabe_ito);
  g_test_add_func ("/chart/palette/diverging", test_palette_diverging);
  g_test_add_func ("/chart/layout/sample", test_layout_sample);
  g_test_add_func ("/chart/layout/sample-filtered", test_layout_sample_filtered);
  g_test_add_func ("/chart/layout/random", test_layout_random);
  g_test_add_func ("/chart/layout/heatmap-narrow", test_layout_heatmap_narrow);
  g_test_add_func ("/chart/layout/zero-bar", test_layout_zero_bar);
  g_test_add_func ("/chart/layout/grouped-values", test_layout_grouped_values);
  g_test_add_func ("/chart/layout/sort", test_layout_sort);
  g_test_add_func ("/chart/layout/diverging-centre", test_layout_diverging_centre);
  g_test_add_func ("/chart/layout/off-scale-answers", test_layout_off_scale_answers);
  g_test_add_func ("/chart/layout/long-labels", test_layout_long_labels);
  g_test_add_func ("/chart/layout/text-scale", test_layout_text_scale);
  g_test_add_func ("/chart/layout/describe", test_layout_describe);
  g_test_add_func ("/chart/layout/json", test_layout_json);
  g_test_add_func ("/chart/layout/again-measures-nothing-anew",
                   test_layout_again_measures_nothing_anew);
  g_test_add_func ("/chart/layout/paint", test_layout_paint);
  g_test_add_func ("/chart/layout/marks-inside-their-area", test_layout_marks_inside_their_area);
  g_test_add_func ("/chart/layout/no-levels", test_layout_no_levels);

  status = g_test_run ();
  fe_chart_test_clear_sample ();
  return status;
}
