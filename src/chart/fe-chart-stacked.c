/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bars stacked to 100%, and diverging bars that stack an ordered scale's two sides away from
 * its middle. */
#include "config.h"

#include "fe-chart-build-private.h"

#include "fe-i18n.h"
#include <math.h>

/* The width of part @level of a stacked row as a share of the row: its count's share of those
 * who answered. A withheld part has none: any length, even a fixed stub, would sit in the bar
 * among parts drawn to scale and be read as one of them. It is marked beside the bar. */
static double
part_share (const Build  *b,
            const Series *series,
            guint         level)
{
  FeShare share = fe_chart_build_share (b, series, level);

  if (fe_chart_build_withheld (b, fe_chart_build_cell_state (b, series, level)))
    return 0;
  return fe_share_value (&share) / 100;
}

/* Whether a row has nothing to draw: nobody in it answered (or, weighted, nobody who did
 * weighs anything), and that may be said. */
static gboolean
row_is_empty (const Build  *b,
              const Series *series)
{
  return (series->answered == 0 || (series->w_counts != NULL && series->w_answered <= 0))
         && !fe_chart_build_withheld (b, fe_chart_build_base_state (b, series));
}

/* The scale's lower half (and half of its middle) go left of the centre line. */
static void
diverging_extent (const Build  *b,
                  const Series *series,
                  double       *left,
                  double       *right)
{
  guint n_levels = fe_chart_build_scale_levels (b);
  guint half = n_levels / 2;

  *left = *right = 0;
  if (row_is_empty (b, series))
    return;
  for (guint l = 0; l < n_levels; l++)
    {
      double share = part_share (b, series, l);

      if (l < half)
        *left += share;
      else if (n_levels % 2 == 1 && l == half)
        {
          *left += share / 2;
          *right += share / 2;
        }
      else
        *right += share;
    }
}

/* The levels of one side of a diverging bar: the lower or the upper half, not the middle. */
static guint
side_level (guint    n_levels,
            guint    i,
            gboolean upper)
{
  return upper ? n_levels - 1 - i : i;
}

/* The levels of one side together, as a share of those who answered. */
static FeShare
side_share (const Build  *b,
            const Series *series,
            guint         n_levels,
            gboolean      upper)
{
  FeShare side = fe_chart_build_share (b, series, 0);

  side.count = 0;
  side.w_count = 0;
  for (guint i = 0; i < n_levels / 2; i++)
    {
      FeShare part = fe_chart_build_share (b, series, side_level (n_levels, i, upper));

      side.count += part.count;
      side.w_count += part.w_count;
    }
  return side;
}

/* A side's total would give away a withheld part of it (total minus the parts shown). */
static gboolean
side_is_withheld (const Build  *b,
                  const Series *series,
                  gboolean      upper)
{
  guint n_levels = fe_chart_build_scale_levels (b);

  if (fe_chart_build_withheld (b, fe_chart_build_base_state (b, series)))
    return TRUE;
  for (guint i = 0; i < n_levels / 2; i++)
    {
      guint level = side_level (n_levels, i, upper);

      if (fe_chart_build_withheld (b, fe_chart_build_cell_state (b, series, level)))
        return TRUE;
    }
  return FALSE;
}

/* A side total beside a diverging bar: what share rated low, what share rated high. Returns
 * the width it takes, 0 when it is withheld or does not fit. */
static double
side_label (Build        *b,
            const Series *series,
            gboolean      upper,
            double        x,
            double        centre,
            double        width)
{
  FeShare side = side_share (b, series, fe_chart_build_scale_levels (b), upper);
  g_autofree char *text = NULL;
  FeChartLines *lines;
  double height = fe_chart_text_line_height (b->text, FE_CHART_FONT_VALUE);

  double taken;

  if (side_is_withheld (b, series, upper))
    return 0;
  text = fe_chart_build_format_value (b, &side);
  lines = fe_chart_text_fit (b->text, FE_CHART_FONT_VALUE, text, NULL, width + 1, 1);
  if (lines == NULL)
    return 0;
  taken = lines->width;
  fe_chart_build_place_label (b, lines, text, FE_CHART_FONT_VALUE, upper ? x : x - lines->width,
                              centre - height / 2,
                              upper ? FE_CHART_ALIGN_START : FE_CHART_ALIGN_END,
                              b->theme->secondary_text, b->theme->background, -1);
  return taken;
}

/* A row whose number who answered is withheld: none of its parts may be drawn, nor even
 * marked, since which answers it has would tell what its few respondents said. */
static gboolean
row_is_withheld (const Build  *b,
                 const Series *series)
{
  return fe_chart_build_withheld (b, fe_chart_build_base_state (b, series));
}

/* What stands in the bar's place of a withheld row. */
static char *
describe_withheld_row (const Build  *b,
                       const Series *series)
{
  guint k = b->spec->min_cell;

  if (fe_chart_build_base_state (b, series) == FE_CELL_SMALL)
    /* Translators: in place of the bar of a group in a 100% bar chart */
    return g_strdup_printf (ngettext ("Fewer than %u answered: not shown as a distribution",
                                      "Fewer than %u answered: not shown as a distribution", k),
                            k);
  /* Translators: in place of the bar of a group in a 100% bar chart */
  return g_strdup (_("Not shown, so that a smaller number cannot be worked out"));
}

/* The marks of a row's withheld parts beside its bar: a swatch of the part's colour and "< 5"
 * or "–", in the scale's order. The width they take; with @y >= 0 they are placed from @x,
 * each the target of its segment, which has no width: nothing in the bar stands for it. */
static double
place_markers (Build        *b,
               const Series *series,
               guint         n_levels,
               double        x,
               double        y,
               double        bar)
{
  double value_height = fe_chart_text_line_height (b->text, FE_CHART_FONT_VALUE);
  double swatch = round (value_height * 0.75);
  double gap = 3 * b->scale;
  double spacing = 8 * b->scale;
  double start = x;

  if (row_is_withheld (b, series) || row_is_empty (b, series))
    return 0;
  for (guint l = 0; l < n_levels; l++)
    {
      FeCellDisclosure state = fe_chart_build_cell_state (b, series, l);
      g_autofree char *text = NULL;
      double width;

      if (!fe_chart_build_withheld (b, state))
        continue;
      text = fe_chart_build_format_withheld (b, state);
      width = fe_chart_text_measure (b->text, FE_CHART_FONT_VALUE, text);
      if (y >= 0)
        {
          double middle = y + bar / 2;
          FeChartLines *lines = fe_chart_text_fit (b->text, FE_CHART_FONT_VALUE, text, NULL,
                                                   width + 1, 1);
          int index = fe_chart_build_add_segment (b, (int) l, series, x, y, 0, bar,
                                                  fe_chart_build_level_color (b, l));
          FeChartSegment *segment = &g_array_index (b->layout->segments, FeChartSegment, index);

          fe_chart_build_add_rect (b, x, middle - swatch / 2, swatch, swatch,
                                   fe_chart_build_level_color (b, l));
          if (lines != NULL)
            fe_chart_build_place_label (b, lines, text, FE_CHART_FONT_VALUE, x + swatch + gap,
                                        middle - value_height / 2, FE_CHART_ALIGN_START,
                                        b->theme->text,
                                        b->theme->background, -1);
          segment->target_x = x;
          segment->target_w = swatch + gap + width;
        }
      x += swatch + gap + width + spacing;
    }
  return x > start ? x - start - spacing : 0;
}

/* 100% stacked and diverging bars: one row per series, parts in the scale's order, drawn to
 * scale; withheld parts are marked beside the bar, and a row whose size is withheld says so in
 * words instead of a bar. */
gboolean
fe_chart_build_build_stacked (Build *b)
{
  gboolean diverging = b->layout->kind == FE_CHART_KIND_DIVERGING;
  guint n_levels = fe_chart_build_scale_levels (b);
  guint n_rows = b->series->len;
  double rows = n_rows + (b->has_total ? 0.5 : 0);
  double label_height = fe_chart_text_line_height (b->text, FE_CHART_FONT_LABEL);
  double gap = 10 * b->scale;
  double pitch = MIN (b->ph / rows, 2.4 * label_height + 12 * b->scale);
  double bar = MIN (pitch * 0.7, 34 * b->scale);
  double label_width = 0, side_width = 0, marker_width = 0, x0, x_left, length, scale;
  double centre = 0, max_left = 0, max_right = 0;
  guint max_lines = fe_chart_build_lines_for_pitch (b, pitch, 2);
  g_autoptr(GPtrArray) row_labels = fe_chart_build_lines_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (!b->force && (pitch < label_height || bar < 4))
    return FALSE;

  for (guint r = 0; r < n_rows; r++)
    {
      const Series *series = &g_array_index (b->series, Series, r);
      g_autofree char *suffix = fe_chart_build_format_series_n (b, series);
      FeChartLines *lines = fe_chart_text_fit (b->text, FE_CHART_FONT_LABEL, series->name,
                                               suffix, b->pw * 0.32, max_lines);

      if (!b->force && (lines == NULL || lines->suffix_lost))
        {
          fe_chart_lines_free (lines);
          return FALSE;
        }
      label_width = MAX (label_width, lines != NULL ? lines->width : 0);
      g_ptr_array_add (row_labels, lines);
      g_ptr_array_add (names, g_strconcat (series->name, suffix, NULL));
      marker_width = MAX (marker_width, place_markers (b, series, n_levels, 0, -1, bar));
      if (diverging)
        {
          double left, right;
          FeShare n_low = side_share (b, series, n_levels, FALSE);
          FeShare n_high = side_share (b, series, n_levels, TRUE);
          g_autofree char *low = fe_chart_build_format_value (b, &n_low);
          g_autofree char *high = fe_chart_build_format_value (b, &n_high);

          diverging_extent (b, series, &left, &right);
          max_left = MAX (max_left, left);
          max_right = MAX (max_right, right);
          side_width = MAX (side_width, fe_chart_text_measure (b->text, FE_CHART_FONT_VALUE, low));
          side_width = MAX (side_width, fe_chart_text_measure (b->text, FE_CHART_FONT_VALUE, high));
        }
    }
  if (marker_width > 0)
    marker_width += 6 * b->scale;

  x0 = b->px + label_width + gap;
  x_left = diverging ? x0 + side_width + 6 * b->scale : x0;
  length = b->px + b->pw - (diverging ? side_width + 6 * b->scale : 0) - marker_width - x_left;
  if (length < 20)
    return FALSE;
  if (diverging)
    {
      scale = length / MAX (max_left + max_right, 1e-9);
      centre = x_left + max_left * scale;
    }
  else
    scale = length;

  for (guint r = 0; r < n_rows; r++)
    {
      const Series *series = &g_array_index (b->series, Series, r);
      double top = b->py + (r + (b->has_total && r > 0 ? 0.5 : 0)) * pitch;
      double middle = top + pitch / 2;
      double y = middle - bar / 2;
      double x, left, right, end;
      int previous = -1;

      fe_chart_build_place_row_label (b, g_steal_pointer (&g_ptr_array_index (row_labels, r)),
                                      g_ptr_array_index (names, r), x0 - gap, middle);
      if (row_is_empty (b, series) || row_is_withheld (b, series))
        {
          g_autofree char *text = !row_is_empty (b, series) ? describe_withheld_row (b, series)
                                  : series->answered == 0 ? g_strdup (_("No answers"))
                                  /* Translators: in place of the bar of a group in a weighted
                                   * 100% bar chart */
                                  : g_strdup (_("No weighted share: nobody who answered weighs "
                                                "anything"));
          FeChartLines *lines = fe_chart_text_fit (b->text, FE_CHART_FONT_VALUE, text, NULL,
                                                   b->px + b->pw - x_left, 1);

          if (lines != NULL)
            fe_chart_build_place_label (b, lines, text, FE_CHART_FONT_VALUE, x_left,
                                        middle - fe_chart_build_lines_height (lines) / 2,
                                        FE_CHART_ALIGN_START,
                                        b->theme->secondary_text, b->theme->background, -1);
          continue;
        }

      /* The centre line runs through the rows with a bar only, never through words. */
      if (diverging)
        fe_chart_build_add_line (b, centre, top - (b->has_total && r == 1 ? pitch / 2 : 0), centre,
                                 top + pitch, 1, b->theme->rule, TRUE);
      diverging_extent (b, series, &left, &right);
      x = diverging ? centre - left * scale : x_left;
      end = x + (left + right) * scale;
      if (!diverging)
        {
          end = x;
          for (guint l = 0; l < n_levels; l++)
            end += part_share (b, series, l) * scale;
        }
      if (diverging)
        {
          double taken;

          side_label (b, series, FALSE, x - 4 * b->scale, middle, side_width);
          taken = side_label (b, series, TRUE, end + 4 * b->scale, middle, side_width);
          if (taken > 0)
            end += 4 * b->scale + taken;
        }

      for (guint l = 0; l < n_levels; l++)
        {
          guint count = series->counts[l];
          FeCellDisclosure state = fe_chart_build_cell_state (b, series, l);
          double w = part_share (b, series, l) * scale;
          FeChartColor fill = fe_chart_build_level_color (b, l);
          g_autofree char *text = NULL;
          int index;

          /* A part nobody gave is not drawn, so it is not a segment either; a withheld one is
           * marked after the bar. */
          if (count == 0 || fe_chart_build_withheld (b, state))
            continue;
          FeShare share = fe_chart_build_share (b, series, l);

          index = fe_chart_build_add_segment (b, (int) l, series, x, y, w, bar, fill);
          text = fe_chart_build_format_cell (b, state, &share);
          fe_chart_build_label_inside (b, index, text);
          /* A hairline of background between parts, unless it would hide a thin one. */
          if (previous >= 0 && w >= 3
              && g_array_index (b->layout->segments, FeChartSegment, previous).w >= 3)
            fe_chart_build_add_line (b, x, y, x, y + bar, 1, b->theme->background, TRUE);
          previous = index;
          x += w;
        }
      place_markers (b, series, n_levels, end + 6 * b->scale, y, bar);
    }

  b->plot_bottom = b->py + rows * pitch;
  return TRUE;
}
