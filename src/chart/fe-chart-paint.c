/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Painting a layout on any cairo_t: a widget's snapshot, a PNG, a PDF page. */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "fe-chart-layout-private.h"

static void
set_color (cairo_t            *cr,
           const FeChartColor *color)
{
  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
}

static void
paint_mark (cairo_t           *cr,
            const FeChartMark *mark)
{
  set_color (cr, &mark->color);
  if (mark->kind == FE_CHART_MARK_RECT)
    {
      cairo_rectangle (cr, mark->x, mark->y, mark->w, mark->h);
      cairo_fill (cr);
    }
  else
    {
      cairo_set_line_width (cr, mark->line_width);
      cairo_move_to (cr, mark->x, mark->y);
      cairo_rel_line_to (cr, mark->w, mark->h);
      cairo_stroke (cr);
    }
}

static void
paint_marks (const FeChartLayout *self,
             cairo_t             *cr,
             gboolean             above)
{
  for (guint i = 0; i < fe_chart_layout_get_n_marks (self); i++)
    {
      const FeChartMark *mark = fe_chart_layout_get_mark (self, i);

      if (mark->above == above)
        paint_mark (cr, mark);
    }
}

/* Line by line at the positions the layout measured, so every surface breaks text alike. */
static void
paint_label (const FeChartLayout    *self,
             cairo_t                *cr,
             PangoLayout            *layout,
             const FeChartLabelItem *item)
{
  PangoFontDescription *font = fe_chart_font_new (self->font_family, item->font,
                                                  self->font_scale);

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  set_color (cr, &item->color);
  for (guint i = 0; i < item->n_lines; i++)
    {
      double baseline;

      if (*item->lines[i] == '\0')
        continue;
      pango_layout_set_text (layout, item->lines[i], -1);
      baseline = pango_layout_get_baseline (layout) / (double) PANGO_SCALE;
      cairo_move_to (cr, fe_chart_label_line_x (item, i),
                     fe_chart_label_line_baseline (item, i) - baseline);
      pango_cairo_show_layout (cr, layout);
    }
}

/* Diagonal lines across a segment that is withheld (a stub, not to scale) or marked as small,
 * in black or white, whichever reads on its fill; a marked one is outlined too, since a small
 * number's bar can be too short to hatch. */
static void
paint_hatch (const FeChartLayout  *self,
             cairo_t              *cr,
             const FeChartSegment *segment,
             const FeChartColor   *fill)
{
  FeChartColor ink = fe_chart_color_text_on (fill);
  double x = segment->x, y = segment->y, w = segment->w, h = segment->h;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  /* Full strength in high contrast: the pattern is what says "withheld" or "small". */
  cairo_set_source_rgba (cr, ink.red, ink.green, ink.blue,
                         self->high_contrast ? 0.6 : FE_CHART_HATCH_OPACITY);
  cairo_set_line_width (cr, FE_CHART_HATCH_WIDTH);
  for (double d = -h; d < w + h; d += FE_CHART_HATCH_STEP)
    {
      cairo_move_to (cr, x + d, y + h);
      cairo_line_to (cr, x + d + h, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
  if (!self->withhold)
    {
      set_color (cr, &self->theme.text);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, x + 0.5, y + 0.5, MAX (w - 1, 0), MAX (h - 1, 0));
      cairo_stroke (cr);
    }
}

void
fe_chart_layout_paint (const FeChartLayout *self,
                       cairo_t             *cr)
{
  PangoContext *context;
  PangoLayout *layout;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  set_color (cr, &self->theme.background);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_fill (cr);

  paint_marks (self, cr, FALSE);
  for (guint i = 0; i < self->segments->len; i++)
    {
      const FeChartSegment *segment = &g_array_index (self->segments, FeChartSegment, i);

      if (segment->w <= 0 || segment->h <= 0)
        continue;
      set_color (cr, &g_array_index (self->fills, FeChartColor, i));
      cairo_rectangle (cr, segment->x, segment->y, segment->w, segment->h);
      cairo_fill (cr);
      if (fe_chart_layout_segment_is_hatched (self, i))
        paint_hatch (self, cr, segment, &g_array_index (self->fills, FeChartColor, i));
      /* High contrast: a gap of background around each segment, so that neighbours meet
       * only through it, and every edge has the fill's 3:1 against the background. */
      if (self->high_contrast && segment->w > 4 && segment->h > 4)
        {
          set_color (cr, &self->theme.background);
          cairo_set_line_width (cr, 2);
          cairo_rectangle (cr, segment->x, segment->y, segment->w, segment->h);
          cairo_stroke (cr);
        }
    }
  paint_marks (self, cr, TRUE);

  context = fe_chart_text_context_new (self->font_map, cr);
  layout = pango_layout_new (context);
  for (guint i = 0; i < self->labels->len; i++)
    paint_label (self, cr, layout, &g_array_index (self->labels, FeChartLabelItem, i));
  g_object_unref (layout);
  g_object_unref (context);
  cairo_restore (cr);
}

/* How far outside a segment's target its marks reach: the selection's background ring is 5
 * units wide from 2.5 units out, the focus ring's 4 units from 2 units out of the whole units
 * around the target; one more for antialiasing. */
#define MARK_REACH 6.0

cairo_rectangle_t
fe_chart_layout_get_mark_area (const FeChartLayout *self,
                               int                  segment)
{
  const FeChartSegment *s;
  cairo_rectangle_t nowhere = { 0, 0, 0, 0 };

  g_return_val_if_fail (self != NULL, nowhere);
  g_return_val_if_fail (segment >= 0 && (guint) segment < self->segments->len, nowhere);

  s = &g_array_index (self->segments, FeChartSegment, segment);
  return (cairo_rectangle_t) { s->target_x - MARK_REACH, s->target_y - MARK_REACH,
                               s->target_w + 2 * MARK_REACH, s->target_h + 2 * MARK_REACH };
}

void
fe_chart_layout_paint_highlight (const FeChartLayout *self,
                                 cairo_t             *cr,
                                 int                  segment,
                                 gboolean             selected)
{
  const FeChartSegment *s;
  const FeChartColor *ink = &self->theme.focus;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (segment >= 0 && (guint) segment < self->segments->len);

  s = &g_array_index (self->segments, FeChartSegment, segment);
  cairo_save (cr);
  if (!selected)
    {
      /* Hover: a veil of the text colour, which reads on every fill in both styles. */
      cairo_set_source_rgba (cr, ink->red, ink->green, ink->blue, 0.2);
      cairo_rectangle (cr, s->target_x, s->target_y, s->target_w, s->target_h);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, ink->red, ink->green, ink->blue, 0.8);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
  else
    {
      /* Selection and focus: a ring in the text colour around a ring of background, so that
       * it stands out against the segment, its neighbours and the page alike. */
      cairo_set_source_rgb (cr, self->theme.background.red, self->theme.background.green,
                            self->theme.background.blue);
      cairo_set_line_width (cr, 5);
      cairo_rectangle (cr, s->target_x - 2.5, s->target_y - 2.5, s->target_w + 5,
                       s->target_h + 5);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, ink->red, ink->green, ink->blue);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, s->target_x - 3, s->target_y - 3, s->target_w + 6,
                       s->target_h + 6);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
fe_chart_layout_paint_focus (const FeChartLayout *self,
                             cairo_t             *cr,
                             int                  segment,
                             const FeChartColor  *accent)
{
  const FeChartSegment *s;
  /* The middle of the accent line: 1 unit of background between it and the segment. */
  const double out = 2;
  double left, top, right, bottom;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (accent != NULL);
  g_return_if_fail (segment >= 0 && (guint) segment < self->segments->len);

  s = &g_array_index (self->segments, FeChartSegment, segment);
  /* Whole units, so that at one pixel to the unit the ring is crisp, not smeared over three. */
  left = floor (s->target_x) - out;
  top = floor (s->target_y) - out;
  right = ceil (s->target_x + s->target_w) + out;
  bottom = ceil (s->target_y + s->target_h) + out;
  cairo_save (cr);
  cairo_rectangle (cr, left, top, right - left, bottom - top);
  set_color (cr, &self->theme.background);
  cairo_set_line_width (cr, 4);
  cairo_stroke_preserve (cr);
  set_color (cr, accent);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  cairo_restore (cr);
}
