/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bars, and bars side by side for each group (grouped), with the value axis they share. */
#include "config.h"

#include "fe-chart-build-private.h"
#include "fe-chart-histogram.h"

#include <math.h>

/* A step between ticks of at least @least: 1, 2 or 5 times a power of ten, and never under one
 * (a count, or a whole percentage, as every value is printed). */
static double
tick_step (double least)
{
  double magnitude;
  double ratio;

  if (least <= 1)
    return 1;
  magnitude = pow (10, floor (log10 (least)));
  ratio = least / magnitude;
  return (ratio <= 1 ? 1 : ratio <= 2 ? 2 : ratio <= 5 ? 5 : 10) * magnitude;
}

/* A tick's value in the spec's measure: "40" or "40%", as the values beside bars read. */
static char *
format_tick (const Build *b,
             double       value)
{
  if (b->spec->measure == FE_CHART_MEASURE_COUNT)
    return g_strdup_printf ("%.0f", value);
  return fe_percent_format ((guint) round (value), 100);
}

/* Whether any bar is drawn to scale with a length: only then has a value axis a scale to
 * show. */
static gboolean
any_bar_to_scale (const Build *b)
{
  for (guint s = 0; s < b->series->len; s++)
    {
      const Series *series = &g_array_index (b->series, Series, s);

      for (guint l = 0; l < b->tally->n_levels; l++)
        if (series->counts[l] > 0 && fe_chart_build_series_base (b, series) > 0
            && !fe_chart_build_withheld (b, fe_chart_build_cell_state (b, series, l)))
          return TRUE;
    }
  return FALSE;
}

/* The value axis under the rows of a grouped bar chart, from @x0 over @length at @y: ticks at
 * round values up to @axis_max, each labelled, as far apart as their labels need. With
 * @grid, a faint line up through the rows from each tick, for bars too thin to print their
 * values. */
static void
build_value_axis (Build    *b,
                  double    x0,
                  double    length,
                  double    y,
                  double    axis_max,
                  gboolean  grid)
{
  g_autofree char *widest = format_tick (b, axis_max);
  double tick = 4 * b->scale;
  double spacing = fe_chart_text_measure (b->text, FE_CHART_FONT_SMALL, widest) + 12 * b->scale;
  double step = tick_step (axis_max / MAX (floor (length / spacing), 1));

  fe_chart_build_add_line (b, x0, y, x0 + length, y, 1, b->theme->rule, TRUE);
  for (double value = 0; value <= axis_max + 1e-9; value += step)
    {
      double x = x0 + value / axis_max * length;
      g_autofree char *text = format_tick (b, value);
      FeChartLines *lines = fe_chart_text_fit (b->text, FE_CHART_FONT_SMALL, text, NULL,
                                               spacing, 1);

      if (lines == NULL)
        continue;
      /* Centred on its tick, or not at all: a label pushed aside would name another value. */
      if (x + lines->width / 2 > b->px + b->pw + 0.01)
        {
          fe_chart_lines_free (lines);
          break;
        }
      fe_chart_build_add_line (b, x, y, x, y + tick, 1, b->theme->rule, TRUE);
      if (grid && value > 0)
        fe_chart_build_add_line (b, x, b->py, x, y, 1, b->theme->empty, FALSE);
      fe_chart_build_place_label (b, lines, text, FE_CHART_FONT_SMALL, x - lines->width / 2,
                                  y + tick,
                                  FE_CHART_ALIGN_CENTER, b->theme->secondary_text,
                                  b->theme->background, -1);
    }
}

/* The pitch of a row of bars and the thickness of a bar when the rows share @height: as thick
 * as the height allows, up to a comfortable most. */
static void
bar_geometry (const Build *b,
              double       height,
              double      *pitch,
              double      *bar)
{
  guint n_series = b->series->len;
  double max_bar = (n_series > 1 ? 20 : 30) * b->scale;

  *pitch = MIN (height / b->tally->n_levels, n_series * max_bar / 0.75);
  *bar = *pitch * (n_series > 1 ? 0.88 : fe_chart_histogram_applies (b->tally) ? 1 : 0.72)
         / n_series;
}

/* Bar and grouped bar: rows of levels, one bar per series in each, on one shared axis. A
 * grouped chart also labels that axis under its rows where there is room: its bars are thin,
 * and their values are the first thing to give way. Every group keeps its slot in every row,
 * a zero drawn as a bar of no length with its "0" beside it, so that a colour is always in the
 * same place and the row's label stays centred on its whole group of bars. */
gboolean
fe_chart_build_build_bars (Build *b)
{
  const FeTally *tally = b->tally;
  guint n_levels = tally->n_levels;
  guint n_series = b->series->len;
  gboolean grouped = n_series > 1;
  gboolean to_scale = grouped && any_bar_to_scale (b);
  double label_height = fe_chart_text_line_height (b->text, FE_CHART_FONT_LABEL);
  FeChartFont value_font = FE_CHART_FONT_VALUE;
  double value_height;
  double gap = 10 * b->scale;
  double axis_height = to_scale ? fe_chart_text_line_height (b->text, FE_CHART_FONT_SMALL)
                                  + 4 * b->scale : 0;
  double pitch, bar, room, value_width = 0, label_width = 0, axis_max = 0, x0, length;
  guint max_lines;
  gboolean show_values, show_axis;
  g_autoptr(GPtrArray) row_labels = fe_chart_build_lines_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  bar_geometry (b, b->ph - axis_height, &pitch, &bar);
  /* Where nothing fits (@force), the axis stays: the bars' values are the first to go. */
  show_axis = axis_height > 0 && b->ph > 2 * axis_height
              && (b->force || (pitch >= label_height && bar >= 2));
  /* The values say more than the axis: where the axis's room is what they lack, it goes. */
  if (show_axis && fe_chart_text_line_height (b->text, FE_CHART_FONT_SMALL) > bar)
    {
      double full_pitch, full_bar;

      bar_geometry (b, b->ph, &full_pitch, &full_bar);
      show_axis = fe_chart_text_line_height (b->text, FE_CHART_FONT_SMALL) > full_bar;
    }
  if (!show_axis)
    bar_geometry (b, b->ph, &pitch, &bar);
  if (!b->force && (pitch < label_height || bar < 2))
    return FALSE;
  /* A value fits beside its bar when its line is no taller than the bar (the row, for a
   * single bar): smaller type first, then none, never overlapping. */
  room = grouped ? bar : pitch;
  if (fe_chart_text_line_height (b->text, value_font) > room)
    value_font = FE_CHART_FONT_SMALL;
  value_height = fe_chart_text_line_height (b->text, value_font);
  show_values = value_height <= room;
  /* Without its values or its axis a grouped chart would be bars to guess at. */
  if (to_scale && !show_values && !show_axis && !b->force)
    return FALSE;
  max_lines = fe_chart_build_lines_for_pitch (b, pitch, 3);

  for (guint s = 0; s < n_series; s++)
    {
      const Series *series = &g_array_index (b->series, Series, s);

      for (guint l = 0; l < n_levels; l++)
        {
          FeCellDisclosure state = fe_chart_build_cell_state (b, series, l);
          FeShare share = fe_chart_build_share (b, series, l);
          char *text = fe_chart_build_format_cell (b, state, &share);

          /* The axis is of what is drawn to scale: a withheld bar must not stretch it. */
          if (!fe_chart_build_withheld (b, state))
            axis_max = MAX (axis_max, fe_chart_build_measure_value (b, &share));
          value_width = MAX (value_width, fe_chart_text_measure (b->text, value_font, text));
          g_ptr_array_add (values, text);
        }
    }
  if (axis_max <= 0)
    axis_max = 1;
  if (!show_values)
    value_width = 0;

  for (guint i = 0; i < n_levels; i++)
    {
      const char *name = fe_column_get_display_level (tally->question, b->order[i]);
      double most = MIN (b->pw * 0.4, b->pw - value_width - 2 * gap - b->pw * 0.3);
      FeChartLines *lines = fe_chart_text_fit (b->text, FE_CHART_FONT_LABEL, name, NULL, most,
                                               max_lines);

      label_width = MAX (label_width, lines != NULL ? lines->width : 0);
      g_ptr_array_add (row_labels, lines);
    }

  x0 = b->px + label_width + gap;
  length = b->px + b->pw - (show_values ? value_width + 6 * b->scale : 0) - x0;
  if (length < 10)
    return FALSE;

  for (guint i = 0; i < n_levels; i++)
    {
      guint level = b->order[i];
      double top = b->py + i * pitch;
      double first = top + (pitch - bar * n_series) / 2;

      if (g_ptr_array_index (row_labels, i) != NULL)
        fe_chart_build_place_row_label (b, g_steal_pointer (&g_ptr_array_index (row_labels, i)),
                                        fe_column_get_display_level (tally->question, level),
                                        x0 - gap,
                                        top + pitch / 2);

      for (guint s = 0; s < n_series; s++)
        {
          const Series *series = &g_array_index (b->series, Series, s);
          FeShare share = fe_chart_build_share (b, series, level);
          double value = fe_chart_build_measure_value (b, &share);
          double y = first + s * bar;
          double w = value / axis_max * length;
          double thickness = bar;
          const char *text = g_ptr_array_index (values, s * n_levels + level);
          FeChartLines *lines = show_values ? fe_chart_text_fit (b->text, value_font, text, NULL,
                                                                 value_width + 1, 1)
                                            : NULL;
          FeChartColor fill = grouped ? fe_chart_palette_category (b->layout->dark, s)
                                      : b->theme->single_bar;

          /* A withheld number is a stub of one fixed length, so that it cannot be measured,
           * and only beside its "< 5": a stub without it would read as a small bar. */
          if (fe_chart_build_withheld (b, fe_chart_build_cell_state (b, series, level)))
            w = lines != NULL ? MIN (STUB * b->scale, length * 0.1) : 0;
          if (n_series == 1 && fe_chart_histogram_applies (tally)
              && !fe_chart_histogram_is_bin (tally, level))
            thickness = bar * 0.6;
          fe_chart_build_add_segment (b, (int) level, series, x0, y + (bar - thickness) / 2, w,
                                      thickness, fill);
          if (lines != NULL)
            fe_chart_build_place_label (b, lines, text, value_font, x0 + w + 6 * b->scale,
                                        y + bar / 2 - value_height / 2, FE_CHART_ALIGN_START,
                                        b->theme->text, b->theme->background, -1);
        }
    }

  fe_chart_build_add_line (b, x0, b->py, x0, b->py + n_levels * pitch, 1, b->theme->rule, TRUE);
  b->plot_bottom = b->py + n_levels * pitch;
  if (show_axis)
    {
      build_value_axis (b, x0, length, b->plot_bottom, axis_max, !show_values);
      b->plot_bottom += axis_height;
    }
  return TRUE;
}
