/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Geometry: a tally and a spec become segments, labels and marks. Everything is placed inside
 * the canvas, and labels never overlap: what does not fit is wrapped, ellipsized or left out
 * (a value left out of a thin bar is still in the segment's description and the data table). */
#include "config.h"

#include "fe-i18n.h"
#include <math.h>

#include "fe-chart-build-private.h"
#include "fe-chart-histogram.h"
#include "fe-cooccurrence.h"
#include "fe-tally-fold.h"


static gboolean
kind_is_stacked (FeChartKind kind)
{
  return kind == FE_CHART_KIND_STACKED || kind == FE_CHART_KIND_DIVERGING;
}

gboolean
fe_chart_build_is_cooccurrence (const Build *b)
{
  return b->layout->kind == FE_CHART_KIND_HEATMAP && fe_cooccurrence_is (b->tally);
}

gboolean
fe_chart_build_shows_overlap (const Build *b)
{
  return fe_chart_build_is_cooccurrence (b) && b->spec->measure == FE_CHART_MEASURE_OVERLAP;
}

static gboolean
uses_answered (const Build *b)
{
  return fe_chart_percent_of (b->layout->kind, b->spec->measure) == FE_PERCENT_OF_ANSWERED;
}

/* The respondents a segment is a share of. */
guint
fe_chart_build_series_base (const Build  *b,
                            const Series *series)
{
  return uses_answered (b) ? series->answered : series->base;
}

/* Whether the base of @series may be printed. In a marking layout only SMALL is told apart. */
FeCellDisclosure
fe_chart_build_base_state (const Build  *b,
                           const Series *series)
{
  FeCellDisclosure state = uses_answered (b) ? fe_chart_data_get_answered (b->data, series->row)
                                             : fe_chart_data_get_base (b->data, series->row);

  if (b->layout->mark)
    return state == FE_CELL_SMALL ? FE_CELL_SMALL : FE_CELL_SHOWN;
  return state;
}

/* Whether the count of @level in @series may be printed and drawn to scale. */
FeCellDisclosure
fe_chart_build_cell_state (const Build  *b,
                           const Series *series,
                           guint         level)
{
  FeCellDisclosure state = fe_chart_data_get_cell (b->data, series->row, level);

  if (b->layout->mark)
    return state == FE_CELL_SMALL ? FE_CELL_SMALL : FE_CELL_SHOWN;
  return state;
}

gboolean
fe_chart_build_withheld (const Build      *b,
                         FeCellDisclosure  state)
{
  return b->layout->withhold && state != FE_CELL_SHOWN;
}

/* Level @level of @series as a share of the series' base, weighted when the chart is. */
FeShare
fe_chart_build_share (const Build  *b,
                      const Series *series,
                      guint         level)
{
  gboolean answered = uses_answered (b);
  FeShare share = { series->counts[level], answered ? series->answered : series->base };

  if (series->w_counts == NULL)
    return share;
  share.weighted = TRUE;
  share.w_count = series->w_counts[level];
  share.w_base = answered ? series->w_answered : series->w_base;
  return share;
}

double
fe_chart_build_measure_value (const Build   *b,
                              const FeShare *share)
{
  if (b->spec->measure == FE_CHART_MEASURE_COUNT)
    return share->count;
  return fe_share_value (share);
}

/* A number as printed in the spec's measure: a count, or its share of the base rounded as
 * everywhere else (fe_share_format()). */
char *
fe_chart_build_format_value (const Build   *b,
                             const FeShare *share)
{
  if (b->spec->measure == FE_CHART_MEASURE_COUNT)
    return g_strdup_printf ("%u", share->count);
  return fe_share_format (share);
}

/* What a withheld number is printed as: "< 5", or a dash for one hidden to protect it. */
char *
fe_chart_build_format_withheld (const Build      *b,
                                FeCellDisclosure  state)
{
  if (state == FE_CELL_SMALL)
    return g_strdup (b->small_text);
  /* Translators: printed in place of a number withheld so that a small number cannot be
   * worked out from it */
  return g_strdup (C_("withheld", "–"));
}

/* The label of a segment: its value, or what stands in for it. */
char *
fe_chart_build_format_cell (const Build      *b,
                            FeCellDisclosure  state,
                            const FeShare    *share)
{
  if (fe_chart_build_withheld (b, state))
    return fe_chart_build_format_withheld (b, state);
  return fe_chart_build_format_value (b, share);
}

/* " (n = 12)", with no-break spaces so that it never wraps inside. */
char *
fe_chart_build_format_n (guint n)
{
  /* Translators: the number of respondents a group's figures are of; keep the no-break
   * spaces */
  return g_strdup_printf (_(" (n = %u)"), n);
}

/* The n of a series as it may be printed: " (n = 12)", " (n < 5)" or " (n hidden)". */
char *
fe_chart_build_format_series_n (const Build  *b,
                                const Series *series)
{
  FeCellDisclosure state = fe_chart_build_base_state (b, series);

  if (!fe_chart_build_withheld (b, state))
    return fe_chart_build_format_n (fe_chart_build_series_base (b, series));
  if (state == FE_CELL_SMALL)
    /* Translators: a group's number of respondents when it is below the disclosure threshold,
     * " (n < 5)"; keep the no-break spaces */
    return g_strdup_printf (_(" (n < %u)"), b->spec->min_cell);
  /* Translators: a group's number of respondents withheld so that a smaller one cannot be
   * worked out; keep the no-break space */
  return g_strdup (_(" (n hidden)"));
}

char *
fe_chart_build_describe_withheld (const Build      *b,
                                  const char       *level,
                                  const Series     *series,
                                  FeCellDisclosure  state)
{
  gboolean whole = series->group == -1 && !b->has_total;
  guint k = b->spec->min_cell;

  if (state == FE_CELL_SMALL)
    return whole
      /* Translators: a segment below the disclosure threshold: "Gender: fewer than 5
       * respondents" */
      ? g_strdup_printf (ngettext ("%s: fewer than %u respondent", "%s: fewer than %u respondents",
                                   k), level, k)
      /* Translators: level, group: fewer than k respondents */
      : g_strdup_printf (ngettext ("%s, %s: fewer than %u respondent",
                                   "%s, %s: fewer than %u respondents", k),
                         level, series->name, k);
  return whole
    /* Translators: a segment withheld so that a small number cannot be worked out from it */
    ? g_strdup_printf (_("%s: not shown, so that a smaller number cannot be worked out"), level)
    : g_strdup_printf (_("%s, %s: not shown, so that a smaller number cannot be worked out"),
                       level, series->name);
}

/* A count shown beside a withheld base: no "of", no percentage. */
static char *
describe_count (const Build  *b,
                const char   *level,
                const Series *series,
                guint         count)
{
  if (series->group == -1 && !b->has_total)
    /* Translators: level: number of respondents */
    return g_strdup_printf (ngettext ("%s: %u respondent", "%s: %u respondents", count), level,
                            count);
  /* Translators: level, group: number of respondents */
  return g_strdup_printf (ngettext ("%s, %s: %u respondent", "%s, %s: %u respondents", count),
                          level, series->name, count);
}

static char *
describe_segment (const Build      *b,
                  const char       *level,
                  const Series     *series,
                  const FeShare    *shown,
                  FeCellDisclosure  state)
{
  g_autofree char *share = NULL;
  char *text;

  if (fe_chart_build_withheld (b, state))
    return fe_chart_build_describe_withheld (b, level, series, state);
  if (fe_chart_build_withheld (b, fe_chart_build_base_state (b, series)))
    return describe_count (b, level, series, shown->count);

  /* The base is the chart's (fe_chart_percent_of()), said in words, as in the data table and
   * `summary`. */
  share = b->tally->both
          ? fe_percent_describe_both (shown)
          : fe_percent_describe (shown, uses_answered (b) ? FE_PERCENT_OF_ANSWERED
                                                          : FE_PERCENT_OF_RESPONDENTS);
  if (series->group == -1 && !b->has_total)
    /* Translators: a segment: level, then its count, base and percentage */
    text = g_strdup_printf (_("%s: %s"), level, share);
  else
    /* Translators: a segment: level, group, then its count, base and percentage */
    text = g_strdup_printf (_("%s, %s: %s"), level, series->name, share);
  if (b->layout->mark && state == FE_CELL_SMALL)
    {
      char *marked = g_strdup_printf (ngettext ("%s (fewer than %u: withheld when presenting "
                                                "and in exports)",
                                                "%s (fewer than %u: withheld when presenting "
                                                "and in exports)", b->spec->min_cell),
                                      text, b->spec->min_cell);

      g_free (text);
      text = marked;
    }
  return text;
}

/* Labels */

GPtrArray *
fe_chart_build_lines_array_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) fe_chart_lines_free);
}

/* Adds a fitted label at (@x, @y), its top left corner; takes @lines. Returns its index. */
int
fe_chart_build_place_label (Build        *b,
                            FeChartLines *lines,
                            const char   *full_text,
                            FeChartFont   font,
                            double        x,
                            double        y,
                            FeChartAlign  align,
                            FeChartColor  color,
                            FeChartColor  background,
                            int           on_segment)
{
  FeChartLabelItem item = { 0 };

  g_assert (lines != NULL);
  item.label.text = g_strjoinv ("\n", lines->lines);
  item.label.full_text = g_strdup (full_text);
  item.label.x = x;
  item.label.y = y;
  item.label.w = lines->width;
  item.label.h = lines->n_lines * lines->line_height;
  item.font = font;
  item.align = align;
  item.color = color;
  item.background = background;
  item.on_segment = on_segment;
  item.lines = g_steal_pointer (&lines->lines);
  item.line_widths = g_steal_pointer (&lines->widths);
  item.n_lines = lines->n_lines;
  item.line_height = lines->line_height;
  item.baseline = lines->baseline;
  fe_chart_lines_free (lines);
  g_array_append_val (b->layout->labels, item);
  return (int) b->layout->labels->len - 1;
}

double
fe_chart_build_lines_height (const FeChartLines *lines)
{
  return lines != NULL ? lines->n_lines * lines->line_height : 0;
}

void
fe_chart_build_add_rect (Build        *b,
                         double        x,
                         double        y,
                         double        w,
                         double        h,
                         FeChartColor  color)
{
  FeChartMark mark = { FE_CHART_MARK_RECT, FALSE, x, y, w, h, 0, color };

  g_array_append_val (b->layout->marks, mark);
}

void
fe_chart_build_add_line (Build        *b,
                         double        x1,
                         double        y1,
                         double        x2,
                         double        y2,
                         double        line_width,
                         FeChartColor  color,
                         gboolean      above)
{
  FeChartMark mark = { FE_CHART_MARK_LINE, above, x1, y1, x2 - x1, y2 - y1, line_width, color };

  g_array_append_val (b->layout->marks, mark);
}

/* A segment of @level in @series; what it may print follows from cell_state(). */
int
fe_chart_build_add_segment (Build        *b,
                            int           level,
                            const Series *series,
                            double        x,
                            double        y,
                            double        w,
                            double        h,
                            FeChartColor  fill)
{
  FeChartSegment segment = { 0 };
  FeCellDisclosure state = fe_chart_build_cell_state (b, series, (guint) level);
  FeShare share = fe_chart_build_share (b, series, (guint) level);

  if (b->layout->high_contrast)
    fill = fe_chart_color_for_high_contrast (&fill, &b->theme->background, &b->theme->text);

  segment.level = level;
  segment.group = series->group;
  segment.disclosure = state;
  segment.base_disclosure = fe_chart_build_base_state (b, series);
  segment.description = describe_segment (b, fe_column_get_display_level (b->tally->question,
                                                                          (guint) level),
                                          series, &share, state);
  /* What is withheld is not kept either, so that no consumer of the layout can print it: nor
   * its weights, which would give the share away as well as the count. */
  if (!fe_chart_build_withheld (b, state))
    {
      segment.count = share.count;
      segment.value = fe_chart_build_measure_value (b, &share);
    }
  if (!fe_chart_build_withheld (b, state) && !fe_chart_build_withheld (b, segment.base_disclosure))
    {
      segment.base = share.base;
      segment.percent = fe_share_round (&share);
    }
  segment.x = x;
  segment.y = y;
  segment.w = w;
  segment.h = h;
  /* Widened along the bar from its base, and evenly about its middle across it, so that the
   * middle of a target is always the middle of its own bar. */
  segment.target_x = x;
  segment.target_w = MAX (w, MIN_TARGET);
  segment.target_h = MAX (h, MIN_TARGET);
  segment.target_y = y + h / 2 - segment.target_h / 2;
  g_array_append_val (b->layout->segments, segment);
  g_array_append_val (b->layout->fills, fill);
  return (int) b->layout->segments->len - 1;
}

/* A value printed inside its segment, when it fits there. */
void
fe_chart_build_label_inside (Build       *b,
                             int          segment_index,
                             const char  *value_text)
{
  const FeChartSegment *segment = &g_array_index (b->layout->segments, FeChartSegment,
                                                  segment_index);
  FeChartColor fill = g_array_index (b->layout->fills, FeChartColor, segment_index);
  double width = fe_chart_text_measure (b->text, FE_CHART_FONT_VALUE, value_text);
  double height = fe_chart_text_line_height (b->text, FE_CHART_FONT_VALUE);
  FeChartLines *lines;

  if (width + 6 > segment->w || height > segment->h)
    return;
  lines = fe_chart_text_fit (b->text, FE_CHART_FONT_VALUE, value_text, NULL, segment->w, 1);
  if (lines == NULL)
    return;
  fe_chart_build_place_label (b, lines, value_text, FE_CHART_FONT_VALUE,
                              segment->x + (segment->w - width) / 2,
                              segment->y + (segment->h - height) / 2,
                              FE_CHART_ALIGN_CENTER, fe_chart_color_text_on (&fill), fill,
                              segment_index);
}

/* Data */

static void
collect_series (Build *b)
{
  const FeTally *tally = b->tally;
  gboolean stacked = kind_is_stacked (b->layout->kind);
  Series all = { -1, -1, tally->both ? _("All who answered both") : _("All respondents"),
                 tally->base, tally->answered, tally->counts };

  if (b->weighted)
    {
      all.w_base = tally->w_base;
      all.w_answered = tally->w_answered;
      all.w_counts = tally->w_counts;
    }

  b->series = g_array_new (FALSE, FALSE, sizeof (Series));
  /* Stacked bars put everybody above the groups, to compare each group with the whole. */
  if (tally->by == NULL || b->layout->kind == FE_CHART_KIND_BAR
      || (stacked && b->data->whole_row))
    g_array_append_val (b->series, all);
  b->has_total = tally->by != NULL && stacked && b->data->whole_row;

  if (tally->by == NULL || b->layout->kind == FE_CHART_KIND_BAR)
    return;
  for (guint g = 0; g < tally->n_groups; g++)
    {
      const FeTallyGroup *group = &tally->groups[g];
      Series series;

      /* An "Other" still too small to show anything of. */
      if ((int) g == b->data->dropped)
        continue;
      series = (Series) {
        .group = group->group == FE_TALLY_GROUP_OTHER ? FE_CHART_GROUP_OTHER : (int) group->group,
        .row = (int) g,
        .name = fe_chart_group_name (tally, g),
        .base = group->base,
        .answered = group->answered,
        .counts = group->counts,
        .w_base = group->w_base,
        .w_answered = group->w_answered,
        .w_counts = b->weighted ? group->w_counts : NULL,
      };

      g_array_append_val (b->series, series);
    }
}

static int
compare_levels (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  const double *keys = data;
  guint la = *(const guint *) a, lb = *(const guint *) b;

  if (keys[la] != keys[lb])
    return keys[la] > keys[lb] ? -1 : 1;
  return la < lb ? -1 : (la > lb);
}

/* Levels in codebook order, or largest first. The parts of a stacked bar keep the scale's
 * order whatever the sort: reordering a Likert scale would break it. Withheld levels go after
 * every level shown with a count, in codebook order, so that their order tells nothing. */
static void
order_levels (Build *b)
{
  guint n = b->tally->n_levels;
  g_autofree double *keys = g_new (double, MAX (n, 1));

  b->order = g_new (guint, MAX (n, 1));
  for (guint l = 0; l < n; l++)
    {
      b->order[l] = l;
      /* Largest first by what is printed: the weighted share, when that is what it is (kept
       * above 1, as any count shown is, for the withheld to come after). */
      keys[l] = !b->weighted ? b->tally->counts[l]
                : b->tally->w_counts[l] > 0 ? 1 + b->tally->w_counts[l] : 0;
      if (b->layout->withhold && fe_chart_data_get_cell (b->data, -1, l) != FE_CELL_SHOWN)
        keys[l] = 0.5;
    }
  if (fe_chart_build_is_cooccurrence (b))
    {
      g_free (b->order);
      b->order = fe_cooccurrence_order (b->tally);
    }
  else if (b->spec->sort == FE_CHART_SORT_VALUE && !kind_is_stacked (b->layout->kind)
           && !fe_chart_histogram_applies (b->tally))
    g_qsort_with_data (b->order, (gint) n, sizeof (guint), compare_levels, keys);
}

/* Positive share of an ordinal row, for sorting groups by how well they rate. */
static double
upper_share (const Series *series,
             guint         n_levels)
{
  double upper = 0;

  if (series->w_counts != NULL)
    {
      for (guint l = n_levels - n_levels / 2; l < n_levels; l++)
        upper += series->w_counts[l];
      return series->w_answered > 0 ? upper / series->w_answered : -1;
    }
  for (guint l = n_levels - n_levels / 2; l < n_levels; l++)
    upper += series->counts[l];
  return series->answered > 0 ? upper / series->answered : -1;
}

static int
compare_series (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  const Series *sa = a, *sb = b;

  if (sa->key != sb->key)
    return sa->key > sb->key ? -1 : 1;
  return sa->row < sb->row ? -1 : (sa->row > sb->row);
}

/* Stacked rows sorted by value: groups with the most answers in the upper half first. Rows
 * with a withheld part go last, so that their place says nothing about it. */
static void
order_series (Build *b)
{
  guint first = b->has_total ? 1 : 0;

  /* Columns in the rows' order, so that the table stays symmetric about its diagonal. */
  if (fe_chart_build_is_cooccurrence (b))
    {
      for (guint s = 0; s < b->series->len; s++)
        for (guint i = 0; i < b->tally->n_levels; i++)
          if (b->order[i] == (guint) g_array_index (b->series, Series, s).group)
            g_array_index (b->series, Series, s).key = -(double) i;
      g_array_sort_with_data (b->series, compare_series, NULL);
      return;
    }

  if (b->spec->sort != FE_CHART_SORT_VALUE || !kind_is_stacked (b->layout->kind)
      || b->series->len <= first + 1 || b->tally->n_levels == 0)
    return;
  for (guint s = first; s < b->series->len; s++)
    {
      Series *series = &g_array_index (b->series, Series, s);

      series->key = upper_share (series, b->tally->n_levels);
      for (guint l = 0; l < b->tally->n_levels; l++)
        if (fe_chart_build_withheld (b, fe_chart_build_cell_state (b, series, l)))
          series->key = -2;
    }
  g_qsort_with_data (&g_array_index (b->series, Series, first), (gint) (b->series->len - first),
                     sizeof (Series), compare_series, NULL);
}

/* Header, legend and note */

static char *
compose_meta (const Build *b)
{
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *totals = fe_chart_data_describe_totals (b->data);

  /* The totals first: a long filter is what gets cut when space runs out. The weighting next,
   * beside the n it leaves unweighted. */
  g_string_append (meta, totals);
  if (b->layout->weighted_by != NULL)
    {
      if (meta->len > 0)
        g_string_append (meta, " · ");
      /* Translators: said under a chart whose percentages are weighted, beside its
       * (unweighted) numbers of respondents: "Percentages weighted by weightVar" */
      g_string_append_printf (meta, _("Percentages weighted by %s"), b->layout->weighted_by);
    }
  if (b->spec->filter_text != NULL && *b->spec->filter_text != '\0')
    {
      if (meta->len > 0)
        g_string_append (meta, " · ");
      g_string_append_printf (meta, _("Filter: %s"), b->spec->filter_text);
    }
  return g_string_free (g_steal_pointer (&meta), FALSE);
}

static void
note_state (Build            *b,
            FeCellDisclosure  state)
{
  b->any_small |= state == FE_CELL_SMALL;
  /* A marking layout hides nothing. */
  b->any_hidden |= state == FE_CELL_HIDDEN && b->layout->withhold;
}

/* Notes which kinds of withheld (or marked) number the chart will show, for its note. */
static void
survey_disclosure (Build *b)
{
  if (b->data->k == 0)
    return;
  for (guint s = 0; s < b->series->len; s++)
    {
      const Series *series = &g_array_index (b->series, Series, s);

      note_state (b, fe_chart_build_base_state (b, series));
      for (guint l = 0; l < b->tally->n_levels; l++)
        note_state (b, fe_chart_build_cell_state (b, series, l));
    }
  if (b->layout->withhold)
    {
      note_state (b, fe_chart_data_get_base (b->data, -1));
      note_state (b, fe_chart_data_get_answered (b->data, -1));
    }
}

/* What the chart withholds or marks, and what "Other" holds, in words. */
static void
append_disclosure_note (const Build *b,
                        GString     *note)
{
  guint k = b->spec->min_cell;

  if (b->layout->withhold && (b->any_small || b->any_hidden) && kind_is_stacked (b->layout->kind))
    {
      g_string_append_c (note, ' ');
      g_string_append_printf (note, ngettext ("Answers of fewer than %u respondent (%s), and "
                                              "numbers hidden so that they cannot be worked out "
                                              "(–), are not drawn: they are marked beside their "
                                              "bar.",
                                              "Answers of fewer than %u respondents (%s), and "
                                              "numbers hidden so that they cannot be worked out "
                                              "(–), are not drawn: they are marked beside their "
                                              "bar.", k),
                              k, b->small_text);
    }
  else if (b->layout->withhold && b->any_small && b->any_hidden)
    {
      g_string_append_c (note, ' ');
      g_string_append_printf (note, ngettext ("Groups and answers of fewer than %u respondent "
                                              "are shown as %s, not to scale; some other "
                                              "numbers are hidden (–) so that they cannot be "
                                              "worked out.",
                                              "Groups and answers of fewer than %u respondents "
                                              "are shown as %s, not to scale; some other "
                                              "numbers are hidden (–) so that they cannot be "
                                              "worked out.", k),
                              k, b->small_text);
    }
  else if (b->layout->withhold && b->any_small)
    {
      g_string_append_c (note, ' ');
      g_string_append_printf (note, ngettext ("Groups and answers of fewer than %u respondent "
                                              "are shown as %s, not to scale.",
                                              "Groups and answers of fewer than %u respondents "
                                              "are shown as %s, not to scale.", k),
                              k, b->small_text);
    }
  else if (b->layout->withhold && b->any_hidden)
    {
      g_string_append_c (note, ' ');
      g_string_append (note, _("Some numbers are hidden (–) so that smaller ones cannot be "
                               "worked out."));
    }
  else if (b->layout->mark && b->any_small)
    {
      g_string_append_c (note, ' ');
      g_string_append_printf (note, ngettext ("Hatched: fewer than %u respondent, shown as %s "
                                              "and not to scale when presenting and in exports.",
                                              "Hatched: fewer than %u respondents, shown as %s "
                                              "and not to scale when presenting and in exports.",
                                              k),
                              k, b->small_text);
    }
  if (b->data->other_names != NULL && b->layout->kind != FE_CHART_KIND_BAR)
    {
      g_string_append_c (note, ' ');
      if (b->data->dropped >= 0)
        /* Translators: the small groups left out of a chart, even together too few to show */
        g_string_append_printf (note, ngettext ("Not shown: %s, with fewer than %u respondent "
                                                "even together.",
                                                "Not shown: %s, with fewer than %u respondents "
                                                "even together.", k),
                                b->data->other_names, k);
      else
        /* Translators: the groups merged into "Other", the smallest first until together
         * they reach the threshold */
        g_string_append_printf (note, ngettext ("Other: %s, merged to reach %u respondent.",
                                                "Other: %s, merged to reach %u respondents.",
                                                k),
                                b->data->other_names, k);
    }
}

/* The largest share a heat map shades, as printed. */
static char *
format_largest_share (const Build *b)
{
  const FeChartSegment *largest = NULL;

  for (guint i = 0; i < b->layout->segments->len; i++)
    {
      const FeChartSegment *segment = &g_array_index (b->layout->segments, FeChartSegment, i);

      if (segment->base > 0 && (largest == NULL || segment->percent > largest->percent))
        largest = segment;
    }
  return largest != NULL ? fe_percent_format_rounded (largest->count > 0, largest->percent)
                         : fe_percent_format (0, 1);
}

/* How many levels are on the question's scale: "Don't know" and "N/A" after them are not. */
static guint
scale_size (const Build *b)
{
  guint n_scale;

  if (b->tally->n_levels != fe_column_get_n_levels (b->tally->question))
    return b->tally->n_levels;
  n_scale = fe_column_get_n_scale_levels (b->tally->question);
  return n_scale >= 2 ? n_scale : b->tally->n_levels;
}

/* The levels a diverging bar spreads about its centre: the scale's, not the answers after
 * it, which would otherwise count as its top end. */
guint
fe_chart_build_scale_levels (const Build *b)
{
  return b->layout->kind == FE_CHART_KIND_DIVERGING ? scale_size (b) : b->tally->n_levels;
}

static char *
compose_note (const Build *b)
{
  const FeColumn *question = b->tally->question;
  gboolean split = b->tally->by != NULL && b->layout->kind != FE_CHART_KIND_BAR;
  g_autoptr(GString) note = g_string_new (NULL);

  if (fe_chart_build_is_cooccurrence (b))
    {
      g_autofree char *cells = fe_chart_cooccurrence_note (b->tally,
                                                           fe_chart_build_shows_overlap (b));

      g_string_append (note, cells);
    }
  else if (fe_chart_build_scale_levels (b) < b->tally->n_levels)
    g_string_append (note, b->spec->measure == FE_CHART_MEASURE_COUNT
                     ? _("Numbers of respondents.")
                     : _("Percentages of those in each group who answered, answers off the "
                         "scale included."));
  else if (kind_is_stacked (b->layout->kind))
    g_string_append (note, b->spec->measure == FE_CHART_MEASURE_COUNT
                     /* xgettext:no-c-format */
                     ? _("Each bar is the 100% of its group who answered; labels are numbers "
                         "of respondents.")
                     /* xgettext:no-c-format */
                     : _("Each bar is the 100% of its group who answered."));
  else if (b->spec->measure == FE_CHART_MEASURE_COUNT)
    g_string_append (note, _("Numbers of respondents."));
  else if (b->tally->both)
    g_string_append (note, fe_percent_of_describe (b->tally, FE_PERCENT_OF_ANSWERED));
  else if (b->spec->measure == FE_CHART_MEASURE_PERCENT_ANSWERED)
    g_string_append (note, split ? _("Percentages of those in each group who answered.")
                                 : _("Percentages of those who answered."));
  else
    g_string_append (note, split ? _("Percentages of all respondents in each group.")
                                 : _("Percentages of all respondents."));

  append_disclosure_note (b, note);
  fe_chart_histogram_append_note (b->tally, b->spec, note);
  if (b->layout->kind == FE_CHART_KIND_DIVERGING && fe_chart_build_scale_levels (b) % 2 == 1)
    {
      g_string_append_c (note, ' ');
      g_string_append (note, _("The middle answer straddles the centre line."));
    }
  if (fe_chart_build_scale_levels (b) < b->tally->n_levels)
    {
      g_autoptr(GString) outside = g_string_new (NULL);

      for (guint l = fe_chart_build_scale_levels (b); l < b->tally->n_levels; l++)
        g_string_append_printf (outside, "%s“%s”", outside->len ? ", " : "",
                                fe_column_get_display_level (question, l));
      g_string_append_c (note, ' ');
      /* TRANSLATORS: %s lists answers such as “Don't know”, “N/A” */
      g_string_append_printf (note, _("Not on the scale, so not in the bars: %s."),
                              outside->str);
    }
  if (b->layout->kind == FE_CHART_KIND_HEATMAP && !fe_chart_build_is_cooccurrence (b))
    {
      g_autofree char *darkest = format_largest_share (b);

      g_string_append_c (note, ' ');
      g_string_append_printf (note, _("The stronger the colour, the larger the share of the "
                                      "group (at most %s)."), darkest);
    }
  if (question->coded)
    {
      g_string_append_c (note, ' ');
      g_string_append (note, _("Open answers coded into themes; one answer can raise several."));
    }
  else if (!fe_chart_question_is_single (question))
    {
      g_string_append_c (note, ' ');
      g_string_append (note, _("Respondents could choose more than one answer."));
    }
  return g_string_free (g_steal_pointer (&note), FALSE);
}

static const char *
title_text (const Build *b)
{
  if (b->spec->title != NULL && *b->spec->title != '\0')
    return b->spec->title;
  return fe_column_get_display_label (b->tally->question);
}

/* Title, question, filter and totals from the top; returns the y below them. */
static double
build_header (Build *b)
{
  const FeChartLayout *layout = b->layout;
  double width = layout->width - 2 * b->margin;
  double y = b->margin;
  g_autofree char *meta = compose_meta (b);
  FeChartFont title_font = FE_CHART_FONT_TITLE;
  FeChartLines *lines;

  /* A question as long as a paragraph gets smaller type rather than an ellipsis. */
  lines = fe_chart_text_fit (b->text, title_font, title_text (b), NULL, width, 2);
  if (lines == NULL || lines->cut)
    {
      fe_chart_lines_free (lines);
      title_font = FE_CHART_FONT_LONG_TITLE;
      lines = fe_chart_text_fit (b->text, title_font, title_text (b), NULL, width,
                                 b->title_lines);
    }
  if (lines != NULL)
    {
      double height = fe_chart_build_lines_height (lines);

      fe_chart_build_place_label (b, lines, title_text (b), title_font, b->margin, y,
                                  FE_CHART_ALIGN_START, b->theme->text, b->theme->background, -1);
      y += height + 4 * b->scale;
    }

  if (title_text (b) == b->spec->title && b->tally->question->label != NULL && !b->compact)
    {
      lines = fe_chart_text_fit (b->text, FE_CHART_FONT_SUBTITLE,
                                 fe_column_get_display_label (b->tally->question), NULL, width,
                                 2);
      if (lines != NULL)
        {
          double height = fe_chart_build_lines_height (lines);

          fe_chart_build_place_label (b, lines, fe_column_get_display_label (b->tally->question),
                                      FE_CHART_FONT_SUBTITLE, b->margin, y, FE_CHART_ALIGN_START,
                                      b->theme->text, b->theme->background, -1);
          y += height + 4 * b->scale;
        }
    }

  lines = fe_chart_text_fit (b->text, FE_CHART_FONT_META, meta, NULL, width,
                             b->compact ? 1 : 2);
  if (lines != NULL)
    {
      double height = fe_chart_build_lines_height (lines);

      fe_chart_build_place_label (b, lines, meta, FE_CHART_FONT_META, b->margin, y,
                                  FE_CHART_ALIGN_START,
                                  b->theme->secondary_text, b->theme->background, -1);
      y += height;
    }
  return y;
}

typedef struct
{
  const char   *name;
  char         *suffix;
  FeChartColor  color;
} LegendEntry;

/* Swatches and names flowing in rows from @y; returns the y below them. */
static double
build_legend (Build       *b,
              double       y,
              LegendEntry *entries,
              guint        n_entries)
{
  double left = b->margin;
  double right = b->layout->width - b->margin;
  double line_height = fe_chart_text_line_height (b->text, FE_CHART_FONT_LEGEND);
  double swatch = round (line_height * 0.75);
  double gap = 6 * b->scale;
  double spacing = 18 * b->scale;
  double x = left;

  if (n_entries == 0)
    return y;
  y += 10 * b->scale;
  for (guint i = 0; i < n_entries; i++)
    {
      FeChartLines *lines = fe_chart_text_fit (b->text, FE_CHART_FONT_LEGEND, entries[i].name,
                                               entries[i].suffix, right - left - swatch - gap,
                                               1);
      g_autofree char *full = g_strconcat (entries[i].name, entries[i].suffix, NULL);
      double entry_width;

      if (lines == NULL || lines->suffix_lost)
        b->lost_n = TRUE;
      if (lines == NULL)
        continue;
      entry_width = swatch + gap + lines->width;
      if (x > left && x + entry_width > right)
        {
          x = left;
          y += line_height + 4 * b->scale;
        }
      fe_chart_build_add_rect (b, x, y + (line_height - swatch) / 2, swatch, swatch,
                               entries[i].color);
      fe_chart_build_place_label (b, lines, full, FE_CHART_FONT_LEGEND, x + swatch + gap, y,
                                  FE_CHART_ALIGN_START, b->theme->text, b->theme->background, -1);
      x += entry_width + spacing;
    }
  return y + line_height;
}

FeChartColor
fe_chart_build_level_color (const Build *b,
                            guint        level)
{
  if (b->tally->question->role == FE_ROLE_ORDINAL && level >= scale_size (b))
    {
      /* Off the scale: greys, each lighter than the one before, none a colour of the scale. */
      double t = MIN (0.3 + 0.25 * (level - scale_size (b)), 0.8);
      FeChartColor grey = {
        b->theme->rule.red * (1 - t) + b->theme->background.red * t,
        b->theme->rule.green * (1 - t) + b->theme->background.green * t,
        b->theme->rule.blue * (1 - t) + b->theme->background.blue * t,
      };

      return grey;
    }
  if (b->tally->question->role == FE_ROLE_ORDINAL)
    return fe_chart_palette_diverging (level, scale_size (b));
  return fe_chart_palette_category (b->layout->dark, level);
}

static double
build_kind_legend (Build  *b,
                   double  y)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (LegendEntry));
  double bottom;

  if (b->layout->kind == FE_CHART_KIND_GROUPED_BAR)
    for (guint s = 0; s < b->series->len; s++)
      {
        const Series *series = &g_array_index (b->series, Series, s);
        LegendEntry entry = { series->name, fe_chart_build_format_series_n (b, series),
                              fe_chart_palette_category (b->layout->dark, s) };

        g_array_append_val (entries, entry);
      }
  else if (kind_is_stacked (b->layout->kind))
    for (guint l = 0; l < fe_chart_build_scale_levels (b); l++)
      {
        LegendEntry entry = { fe_column_get_display_level (b->tally->question, l), g_strdup (""),
                              fe_chart_build_level_color (b, l) };

        g_array_append_val (entries, entry);
      }

  bottom = build_legend (b, y, (LegendEntry *) (void *) entries->data, entries->len);
  for (guint i = 0; i < entries->len; i++)
    g_free (g_array_index (entries, LegendEntry, i).suffix);
  return bottom;
}

/* Reserves the note's lines at the bottom; it is placed under the plot once that is drawn. */
static FeChartLines *
fit_note (Build *b)
{
  g_autofree char *note = compose_note (b);
  FeChartLines *lines = fe_chart_text_fit (b->text, FE_CHART_FONT_NOTE, note, NULL,
                                           b->layout->width - 2 * b->margin, b->note_lines);

  b->note_height = lines != NULL ? fe_chart_build_lines_height (lines) + 10 * b->scale : 0;
  b->note_cut = lines != NULL && lines->cut;
  return lines;
}

/* Row labels, right-aligned against @right and centred on @centre. */
void
fe_chart_build_place_row_label (Build        *b,
                                FeChartLines *lines,
                                const char   *full,
                                double        right,
                                double        centre)
{
  double height = fe_chart_build_lines_height (lines);

  if (lines == NULL)
    return;
  fe_chart_build_place_label (b, lines, full, FE_CHART_FONT_LABEL, right - lines->width,
                              centre - height / 2,
                              FE_CHART_ALIGN_END, b->theme->text, b->theme->background, -1);
}

/* How many lines of label a row of @pitch can hold, up to @most. */
guint
fe_chart_build_lines_for_pitch (const Build *b,
                                double       pitch,
                                guint        most)
{
  double line_height = fe_chart_text_line_height (b->text, FE_CHART_FONT_LABEL);

  return (guint) CLAMP (floor (pitch / line_height + 1e-9), 0, most);
}

static void
no_levels_note (Build *b)
{
  FeChartLines *lines = fe_chart_text_fit (b->text, FE_CHART_FONT_LABEL,
                                           _("This question has no answers to chart."), NULL,
                                           b->pw, 2);

  if (lines != NULL)
    {
      b->plot_bottom = b->py + fe_chart_build_lines_height (lines);
      fe_chart_build_place_label (b, lines, _("This question has no answers to chart."),
                                  FE_CHART_FONT_LABEL,
                                  b->px, b->py, FE_CHART_ALIGN_START, b->theme->secondary_text,
                                  b->theme->background, -1);
    }
}

double
fe_chart_layout_margin (double width,
                        double height)
{
  return CLAMP (MIN (width, height) * 0.04, 8, 24);
}

gboolean
fe_chart_layout_build (FeChartLayout     *layout,
                       const FeChartSpec *spec,
                       const FeChartData *data,
                       FeChartText       *text,
                       guint              attempt,
                       gboolean           force)
{
  Build b = { 0 };
  const FeTally *tally = data->tally;
  FeChartLines *note;
  double top;
  gboolean fits;

  b.layout = layout;
  b.spec = spec;
  b.data = data;
  b.tally = tally;
  b.weighted = data->weighted;
  b.small_text = fe_chart_data_dup_small_text (data);
  b.text = text;
  b.theme = &layout->theme;
  b.force = force;
  b.scale = fe_chart_text_get_scale (text);
  b.margin = fe_chart_layout_margin (layout->width, layout->height);
  b.title_lines = attempt == 0 ? 4 : (attempt < 3 ? 2 : 1);
  /* The note says what is withheld and what "Other" holds: its last sentence matters as much
   * as its first, so it may take the lines it needs, and a note cut short even so makes the
   * chart try smaller type (a plot too short for its rows does the same). */
  b.note_lines = attempt == 0 ? 8 : (attempt < 3 ? 5 : 3);
  b.compact = attempt >= 2;

  collect_series (&b);
  order_levels (&b);
  order_series (&b);
  survey_disclosure (&b);

  top = build_header (&b);
  top = build_kind_legend (&b, top);
  note = fit_note (&b);
  b.px = b.margin;
  b.py = top + 14 * b.scale;
  b.pw = layout->width - 2 * b.margin;
  b.ph = layout->height - b.margin - b.note_height - b.py;
  b.plot_bottom = b.py;

  if (b.ph < 24 * b.scale && !force)
    fits = FALSE;
  else if (b.ph <= 0 || b.pw <= 0)
    fits = TRUE; /* nothing more can be drawn: a canvas far too small */
  else if (tally->n_levels == 0 || b.series->len == 0)
    {
      no_levels_note (&b);
      fits = TRUE;
    }
  else if (layout->kind == FE_CHART_KIND_HEATMAP)
    fits = fe_chart_build_build_heatmap (&b);
  else if (kind_is_stacked (layout->kind))
    fits = fe_chart_build_build_stacked (&b);
  else
    fits = fe_chart_build_build_bars (&b);

  if ((b.lost_n || b.note_cut) && !force)
    fits = FALSE;
  if (fits && note != NULL)
    {
      /* Rebuilt here rather than reused: the heat map's note names its darkest share, known
       * only now. */
      fe_chart_lines_free (note);
      note = fit_note (&b);
    }
  if (fits && note != NULL && b.plot_bottom + b.note_height <= layout->height - b.margin + 0.01)
    {
      g_autofree char *note_text = compose_note (&b);

      fe_chart_build_place_label (&b, g_steal_pointer (&note), note_text, FE_CHART_FONT_NOTE,
                                  b.margin,
                                  b.plot_bottom + 10 * b.scale, FE_CHART_ALIGN_START,
                                  b.theme->secondary_text,
                                  b.theme->background, -1);
    }

  g_clear_pointer (&note, fe_chart_lines_free);
  g_array_unref (b.series);
  g_free (b.order);
  g_free (b.small_text);
  return fits;
}
