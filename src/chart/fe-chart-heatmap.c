/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The heat map: a crosstab as a grid of shaded cells. */
#include "config.h"

#include "fe-chart-build-private.h"
#include "fe-cooccurrence.h"

/* A heat map column's n: on one line when it fits. When it does not, and the chart must be
 * drawn anyway, broken at its spaces, the no-break ones too: "(n =" over "129)" still tells
 * the n, where "(n = 1…" would tell a wrong one. NULL when not even that fits whole. */
static FeChartLines *
fit_column_n (const Build *b,
              const char  *n,
              double       max_width)
{
  FeChartLines *lines = fe_chart_text_fit (b->text, FE_CHART_FONT_VALUE, n, NULL, max_width, 1);
  g_auto(GStrv) words = NULL;
  g_autofree char *loose = NULL;
  g_autofree char *shown = NULL;

  if (lines != NULL && !lines->cut)
    return lines;
  g_clear_pointer (&lines, fe_chart_lines_free);
  if (!b->force)
    return NULL;

  words = g_strsplit (n, NBSP, -1);
  loose = g_strjoinv (" ", words);
  lines = fe_chart_text_fit (b->text, FE_CHART_FONT_VALUE, loose, NULL, max_width, 3);
  if (lines == NULL)
    return NULL;
  /* Broken only between words: not cut, and no word hyphenated. */
  shown = g_strjoinv (" ", lines->lines);
  if (lines->cut || g_strcmp0 (shown, g_strstrip (loose)) != 0)
    g_clear_pointer (&lines, fe_chart_lines_free);
  return lines;
}

/* The state of theme @level's count in the column of theme @column. */
static FeCellDisclosure
theme_cell_state (const Build *b,
                  guint        level,
                  guint        column)
{
  for (guint s = 0; s < b->series->len; s++)
    {
      const Series *series = &g_array_index (b->series, Series, s);

      if ((guint) series->row == column)
        return fe_chart_build_cell_state (b, series, level);
    }
  return FE_CELL_HIDDEN;
}

/* An overlap gives its pair's count away to whoever knows both themes' counts: it is shown
 * only when all three are. (The counts' own states are symmetric already: fe-chart-data.c.) */
static FeCellDisclosure
cooccurrence_state (const Build  *b,
                    const Series *series,
                    guint         level)
{
  guint column = (guint) series->row;
  FeCellDisclosure state = fe_chart_build_cell_state (b, series, level);

  if (!fe_chart_build_shows_overlap (b) || column == level || fe_chart_build_withheld (b, state))
    return state;
  if (fe_chart_build_withheld (b, theme_cell_state (b, level, level))
      || fe_chart_build_withheld (b, theme_cell_state (b, column, column)))
    return FE_CELL_HIDDEN;
  return state;
}

/* What shades a co-occurrence cell: its count or overlap; the diagonal, unshaded, none. */
static double
cooccurrence_shade (const Build  *b,
                    const Series *series,
                    guint         level)
{
  if ((guint) series->row == level)
    return 0;
  if (fe_chart_build_shows_overlap (b))
    return fe_cooccurrence_jaccard (b->tally, level, (guint) series->row);
  return series->counts[level];
}

/* The cell's words, in place of a share of its group; returns its label. */
static char *
describe_cooccurrence (Build            *b,
                       int               index,
                       const Series     *series,
                       guint             level,
                       FeCellDisclosure  state)
{
  FeChartSegment *segment = &g_array_index (b->layout->segments, FeChartSegment, index);
  gboolean overlap = fe_chart_build_shows_overlap (b);

  if (fe_chart_build_withheld (b, state))
    {
      const char *label = fe_column_get_display_level (b->tally->question, level);

      /* Nothing of a cell withheld for its mirror or its themes may stay in the layout. */
      segment->disclosure = state;
      segment->count = 0;
      segment->base = 0;
      segment->value = 0;
      g_free (segment->description);
      segment->description = fe_chart_build_describe_withheld (b, label, series, state);
      return fe_chart_build_format_withheld (b, state);
    }
  g_free (segment->description);
  segment->description = fe_chart_cooccurrence_describe (b->tally, level, (guint) series->row,
                                                         overlap);
  segment->value = overlap && (guint) series->row != level
                   ? fe_cooccurrence_jaccard (b->tally, level, (guint) series->row)
                   : series->counts[level];
  return fe_chart_cooccurrence_format (b->tally, level, (guint) series->row, overlap);
}

/* Heat map: levels down, groups across, each cell shaded by its share of the group. */
gboolean
fe_chart_build_build_heatmap (Build *b)
{
  const FeTally *tally = b->tally;
  guint n_levels = tally->n_levels;
  guint n_columns = b->series->len;
  double label_height = fe_chart_text_line_height (b->text, FE_CHART_FONT_LABEL);
  double value_height = fe_chart_text_line_height (b->text, FE_CHART_FONT_VALUE);
  double gap = 10 * b->scale;
  double label_width = 0, header_height = 0, n_height = 0, x0, column, pitch, top;
  double largest = 0;
  guint max_lines;
  g_autoptr(GPtrArray) headers = fe_chart_build_lines_array_new ();
  g_autoptr(GPtrArray) n_labels = fe_chart_build_lines_array_new ();

  /* The label column first, at most a third of the width, so the columns know their width. */
  for (guint i = 0; i < n_levels; i++)
    {
      const char *name = fe_column_get_display_level (tally->question, b->order[i]);

      label_width = MAX (label_width, fe_chart_text_measure (b->text, FE_CHART_FONT_LABEL, name));
    }
  {
    /* Columns wide enough for "100%" and their n, taken from the labels when space is short:
     * a long label can be cut, a number cannot. */
    g_autofree char *widest_n = g_strchug (fe_chart_build_format_n (tally->base));
    double shown = fe_chart_text_measure (b->text, FE_CHART_FONT_VALUE, "100%") + 6;
    double needed;

    for (guint c = 0; c < n_columns; c++)
      {
        const Series *series = &g_array_index (b->series, Series, c);
        g_autofree char *n = g_strchug (fe_chart_build_format_series_n (b, series));

        shown = MAX (shown, fe_chart_text_measure (b->text, FE_CHART_FONT_VALUE, n) + 6);
      }
    needed = MAX (shown, fe_chart_text_measure (b->text, FE_CHART_FONT_VALUE, widest_n) + 6);

    label_width = MIN (label_width, b->pw * 0.34);
    /* Drawn at the smallest type regardless, the labels give up more room, down to a tenth
     * of the width, before any column's n has to break over two lines. */
    label_width = MIN (label_width, MAX (b->pw * (b->force ? 0.1 : 0.2),
                                         b->pw - gap - n_columns * (b->force ? shown : needed)));
    x0 = b->px + label_width + gap;
    column = (b->px + b->pw - x0) / n_columns;
    if (!b->force && column < needed)
      return FALSE;
  }

  /* Column heads: the group's name over its n, which has a line of its own so that no
   * name, however long, can push it out. */
  for (guint c = 0; c < n_columns; c++)
    {
      const Series *series = &g_array_index (b->series, Series, c);
      g_autofree char *n = g_strchug (fe_chart_build_format_series_n (b, series));
      FeChartLines *name = fe_chart_text_fit (b->text, FE_CHART_FONT_VALUE, series->name, NULL,
                                              column - 4, b->compact ? 2 : 3);
      FeChartLines *n_lines = fit_column_n (b, n, column - 4);

      if (n_lines == NULL)
        b->lost_n = TRUE;
      header_height = MAX (header_height, fe_chart_build_lines_height (name));
      n_height = MAX (n_height, fe_chart_build_lines_height (n_lines));
      g_ptr_array_add (headers, name);
      g_ptr_array_add (n_labels, n_lines);
      /* Shades go up to the largest share shown: a withheld cell must not set the scale. */
      for (guint l = 0; l < n_levels; l++)
        {
          FeShare share = fe_chart_build_share (b, series, l);

          if (share.base > 0
              && !fe_chart_build_withheld (b, fe_chart_build_cell_state (b, series, l)))
            largest = MAX (largest, fe_chart_build_is_cooccurrence (b)
                                    ? cooccurrence_shade (b, series, l)
                                    : fe_share_value (&share) / 100);
        }
    }
  if (b->lost_n && !b->force)
    return FALSE;
  n_height = MAX (n_height, fe_chart_text_line_height (b->text, FE_CHART_FONT_VALUE));

  top = b->py + header_height + n_height + 6 * b->scale;
  pitch = MIN ((b->py + b->ph - top) / n_levels, 2.4 * label_height + 8 * b->scale);
  if (!b->force && pitch < MAX (label_height, value_height) + 2)
    return FALSE;
  max_lines = fe_chart_build_lines_for_pitch (b, pitch, 2);

  for (guint c = 0; c < n_columns; c++)
    {
      FeChartLines *name = g_steal_pointer (&g_ptr_array_index (headers, c));
      FeChartLines *n_lines = g_steal_pointer (&g_ptr_array_index (n_labels, c));
      const Series *series = &g_array_index (b->series, Series, c);
      double n_top = top - 6 * b->scale - n_height;

      if (name != NULL)
        fe_chart_build_place_label (b, name, series->name, FE_CHART_FONT_VALUE,
                                    x0 + c * column + (column - name->width) / 2,
                                    n_top - fe_chart_build_lines_height (name),
                                    FE_CHART_ALIGN_CENTER, b->theme->text, b->theme->background,
                                    -1);
      if (n_lines != NULL)
        {
          g_autofree char *full = g_strchug (fe_chart_build_format_series_n (b, series));

          fe_chart_build_place_label (b, n_lines, full, FE_CHART_FONT_VALUE,
                                      x0 + c * column + (column - n_lines->width) / 2, n_top,
                                      FE_CHART_ALIGN_CENTER, b->theme->secondary_text,
                                      b->theme->background,
                                      -1);
        }
    }

  for (guint i = 0; i < n_levels; i++)
    {
      guint level = b->order[i];
      const char *name = fe_column_get_display_level (tally->question, level);
      FeChartLines *lines = fe_chart_text_fit (b->text, FE_CHART_FONT_LABEL, name, NULL,
                                               label_width, max_lines);
      double y = top + i * pitch;

      if (lines != NULL)
        fe_chart_build_place_row_label (b, lines, name, x0 - gap, y + pitch / 2);
      for (guint c = 0; c < n_columns; c++)
        {
          const Series *series = &g_array_index (b->series, Series, c);
          FeShare cell = fe_chart_build_share (b, series, level);
          FeCellDisclosure state = fe_chart_build_cell_state (b, series, level);
          double share = fe_share_value (&cell) / 100;
          FeChartColor fill;
          int index;
          g_autofree char *text = NULL;

          if (fe_chart_build_is_cooccurrence (b))
            {
              share = cooccurrence_shade (b, series, level);
              state = cooccurrence_state (b, series, level);
            }
          /* A withheld cell is not shaded by its share, which would tell it; nor is a
           * co-occurrence's diagonal, a theme's own count on another scale than the pairs. */
          fill = fe_chart_build_withheld (b, state)
                 || (fe_chart_build_is_cooccurrence (b) && (guint) series->group == level)
                 ? b->theme->empty
                 : fe_chart_palette_sequential (b->layout->dark,
                                                largest > 0 ? share / largest : 0);
          index = fe_chart_build_add_segment (b, (int) level, series, x0 + c * column + 1, y + 1,
                                              column - 2, pitch - 2, fill);
          if (fe_chart_build_is_cooccurrence (b))
            text = describe_cooccurrence (b, index, series, level, state);
          else
            text = fe_chart_build_format_cell (b, state, &cell);
          fe_chart_build_label_inside (b, index, text);
        }
    }
  b->plot_bottom = top + n_levels * pitch;
  return TRUE;
}
