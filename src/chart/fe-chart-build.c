/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Geometry: a tally and a spec become segments, labels and marks. Everything is placed inside
 * the canvas, and labels never overlap: what does not fit is wrapped, ellipsized or left out
 * (a value left out of a thin bar is still in the segment's description and the data table). */
#include "config.h"

#include "fe-i18n.h"
#include <math.h>

#include "fe-chart-layout-private.h"
#include "fe-cooccurrence.h"
#include "fe-tally-fold.h"

/* The smallest width a pointer or a focus ring can find: a zero bar is drawn as nothing, but
 * it is still an answer that people can pick to read about. */
#define MIN_TARGET 6.0
/* The length of a withheld bar: there, visibly, but far from any real bar's length. */
#define STUB 10.0
#define NBSP "\u00a0"

/* A bar (or row, or column) of the chart: one group of the split, or everybody. */
typedef struct
{
  int          group;     /* level of the split-by column, -1 for everybody, or
                           * FE_CHART_GROUP_OTHER */
  int          row;       /* its row of the disclosure: -1 for everybody, else the tally's
                           * group index */
  const char  *name;
  guint        base;
  guint        answered;
  const guint *counts;
  double       key;       /* for sorting rows by value */
} Series;

typedef struct
{
  FeChartLayout     *layout;
  const FeChartSpec *spec;
  const FeChartData *data;
  const FeTally     *tally;
  char              *small_text;  /* "< 5" */
  gboolean           any_small;   /* something shown is withheld or marked as small */
  gboolean           any_hidden;  /* something shown is withheld to protect a small one */
  FeChartText       *text;
  const FeChartTheme *theme;
  gboolean           force;
  double             scale;     /* font scale in effect */
  double             margin;
  guint              title_lines;
  guint              note_lines;
  gboolean           compact;
  GArray            *series;    /* Series */
  gboolean           has_total; /* series 0 is "All respondents" above the groups */
  guint             *order;     /* levels in drawing order */
  /* the plot area, between the header (and legend) and the note */
  double             px, py, pw, ph;
  double             note_height;
  double             plot_bottom; /* where the drawn plot ends */
  gboolean           lost_n;      /* a group's n did not fit: try smaller type */
  gboolean           note_cut;    /* the note did not fit whole: try smaller type */
} Build;

static gboolean
kind_is_stacked (FeChartKind kind)
{
  return kind == FE_CHART_KIND_STACKED || kind == FE_CHART_KIND_DIVERGING;
}

/* A coded or multi-select question split by itself, drawn as its themes' co-occurrence. */
static gboolean
is_cooccurrence (const Build *b)
{
  return b->layout->kind == FE_CHART_KIND_HEATMAP && fe_cooccurrence_is (b->tally);
}

static gboolean
shows_overlap (const Build *b)
{
  return is_cooccurrence (b) && b->spec->measure == FE_CHART_MEASURE_OVERLAP;
}

static gboolean
uses_answered (const Build *b)
{
  return fe_chart_percent_of (b->layout->kind, b->spec->measure) == FE_PERCENT_OF_ANSWERED;
}

/* The respondents a segment is a share of. */
static guint
series_base (const Build  *b,
             const Series *series)
{
  return uses_answered (b) ? series->answered : series->base;
}

/* Whether the base of @series may be printed. In a marking layout only SMALL is told apart. */
static FeCellDisclosure
base_state (const Build  *b,
            const Series *series)
{
  FeCellDisclosure state = uses_answered (b) ? fe_chart_data_get_answered (b->data, series->row)
                                             : fe_chart_data_get_base (b->data, series->row);

  if (b->layout->mark)
    return state == FE_CELL_SMALL ? FE_CELL_SMALL : FE_CELL_SHOWN;
  return state;
}

/* Whether the count of @level in @series may be printed and drawn to scale. */
static FeCellDisclosure
cell_state (const Build  *b,
            const Series *series,
            guint         level)
{
  FeCellDisclosure state = fe_chart_data_get_cell (b->data, series->row, level);

  if (b->layout->mark)
    return state == FE_CELL_SMALL ? FE_CELL_SMALL : FE_CELL_SHOWN;
  return state;
}

static gboolean
withheld (const Build      *b,
          FeCellDisclosure  state)
{
  return b->layout->withhold && state != FE_CELL_SHOWN;
}

static double
measure_value (const Build *b,
               guint        count,
               guint        base)
{
  if (b->spec->measure == FE_CHART_MEASURE_COUNT)
    return count;
  return base > 0 ? 100.0 * count / base : 0.0;
}

/* A number as printed in the spec's measure: a count, or its share of @base rounded as
 * everywhere else (fe_percent_format()). */
static char *
format_value (const Build *b,
              guint        count,
              guint        base)
{
  if (b->spec->measure == FE_CHART_MEASURE_COUNT)
    return g_strdup_printf ("%u", count);
  return fe_percent_format (count, base);
}

/* What a withheld number is printed as: "< 5", or a dash for one hidden to protect it. */
static char *
format_withheld (const Build      *b,
                 FeCellDisclosure  state)
{
  if (state == FE_CELL_SMALL)
    return g_strdup (b->small_text);
  /* Translators: printed in place of a number withheld so that a small number cannot be
   * worked out from it */
  return g_strdup (C_("withheld", "–"));
}

/* The label of a segment: its value, or what stands in for it. */
static char *
format_cell (const Build      *b,
             FeCellDisclosure  state,
             guint             count,
             guint             base)
{
  if (withheld (b, state))
    return format_withheld (b, state);
  return format_value (b, count, base);
}

/* " (n = 12)", with no-break spaces so that it never wraps inside. */
static char *
format_n (guint n)
{
  /* Translators: the number of respondents a group's figures are of; keep the no-break
   * spaces */
  return g_strdup_printf (_(" (n = %u)"), n);
}

/* The n of a series as it may be printed: " (n = 12)", " (n < 5)" or " (n hidden)". */
static char *
format_series_n (const Build  *b,
                 const Series *series)
{
  FeCellDisclosure state = base_state (b, series);

  if (!withheld (b, state))
    return format_n (series_base (b, series));
  if (state == FE_CELL_SMALL)
    /* Translators: a group's number of respondents when it is below the disclosure threshold,
     * " (n < 5)"; keep the no-break spaces */
    return g_strdup_printf (_(" (n < %u)"), b->spec->min_cell);
  /* Translators: a group's number of respondents withheld so that a smaller one cannot be
   * worked out; keep the no-break space */
  return g_strdup (_(" (n hidden)"));
}

static char *
describe_withheld (const Build      *b,
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
                  guint             count,
                  guint             base,
                  FeCellDisclosure  state)
{
  g_autofree char *share = NULL;
  char *text;

  if (withheld (b, state))
    return describe_withheld (b, level, series, state);
  if (withheld (b, base_state (b, series)))
    return describe_count (b, level, series, count);

  /* The base is the chart's (fe_chart_percent_of()), said in words, as in the data table and
   * `summary`. */
  share = b->tally->both
          ? fe_percent_describe_both (count, base)
          : fe_percent_describe (count, base, uses_answered (b) ? FE_PERCENT_OF_ANSWERED
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

static GPtrArray *
lines_array_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) fe_chart_lines_free);
}

/* Adds a fitted label at (@x, @y), its top left corner; takes @lines. Returns its index. */
static int
place_label (Build        *b,
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

static double
lines_height (const FeChartLines *lines)
{
  return lines != NULL ? lines->n_lines * lines->line_height : 0;
}

static void
add_rect (Build        *b,
          double        x,
          double        y,
          double        w,
          double        h,
          FeChartColor  color)
{
  FeChartMark mark = { FE_CHART_MARK_RECT, FALSE, x, y, w, h, 0, color };

  g_array_append_val (b->layout->marks, mark);
}

static void
add_line (Build        *b,
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
static int
add_segment (Build        *b,
             int           level,
             const Series *series,
             guint         count,
             guint         base,
             double        x,
             double        y,
             double        w,
             double        h,
             FeChartColor  fill)
{
  FeChartSegment segment = { 0 };
  FeCellDisclosure state = cell_state (b, series, (guint) level);

  segment.level = level;
  segment.group = series->group;
  segment.disclosure = state;
  segment.base_disclosure = base_state (b, series);
  segment.description = describe_segment (b, fe_column_get_display_level (b->tally->question,
                                                                          (guint) level),
                                          series, count, base, state);
  /* What is withheld is not kept either, so that no consumer of the layout can print it. */
  if (!withheld (b, state))
    {
      segment.count = count;
      segment.value = measure_value (b, count, base);
    }
  if (!withheld (b, state) && !withheld (b, segment.base_disclosure))
    segment.base = base;
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
static void
label_inside (Build       *b,
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
  place_label (b, lines, value_text, FE_CHART_FONT_VALUE,
               segment->x + (segment->w - width) / 2, segment->y + (segment->h - height) / 2,
               FE_CHART_ALIGN_CENTER, fe_chart_color_text_on (&fill), fill, segment_index);
}

/* Data */

static void
collect_series (Build *b)
{
  const FeTally *tally = b->tally;
  gboolean stacked = kind_is_stacked (b->layout->kind);
  Series all = { -1, -1, tally->both ? _("All who answered both") : _("All respondents"),
                 tally->base, tally->answered, tally->counts };

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
      keys[l] = b->tally->counts[l];
      if (b->layout->withhold && fe_chart_data_get_cell (b->data, -1, l) != FE_CELL_SHOWN)
        keys[l] = 0.5;
    }
  if (is_cooccurrence (b))
    {
      g_free (b->order);
      b->order = fe_cooccurrence_order (b->tally);
    }
  else if (b->spec->sort == FE_CHART_SORT_VALUE && !kind_is_stacked (b->layout->kind))
    g_qsort_with_data (b->order, (gint) n, sizeof (guint), compare_levels, keys);
}

/* Positive share of an ordinal row, for sorting groups by how well they rate. */
static double
upper_share (const Series *series,
             guint         n_levels)
{
  guint upper = 0;

  for (guint l = n_levels - n_levels / 2; l < n_levels; l++)
    upper += series->counts[l];
  return series->answered > 0 ? (double) upper / series->answered : -1;
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
  if (is_cooccurrence (b))
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
        if (withheld (b, cell_state (b, series, l)))
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

  /* The totals first: a long filter is what gets cut when space runs out. */
  g_string_append (meta, totals);
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

      note_state (b, base_state (b, series));
      for (guint l = 0; l < b->tally->n_levels; l++)
        note_state (b, cell_state (b, series, l));
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

      if (segment->base > 0
          && (largest == NULL
              || (guint64) segment->count * largest->base
                 > (guint64) largest->count * segment->base))
        largest = segment;
    }
  return largest != NULL ? fe_percent_format (largest->count, largest->base)
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
static guint
scale_levels (const Build *b)
{
  return b->layout->kind == FE_CHART_KIND_DIVERGING ? scale_size (b) : b->tally->n_levels;
}

static char *
compose_note (const Build *b)
{
  const FeColumn *question = b->tally->question;
  gboolean split = b->tally->by != NULL && b->layout->kind != FE_CHART_KIND_BAR;
  g_autoptr(GString) note = g_string_new (NULL);

  if (is_cooccurrence (b))
    {
      g_autofree char *cells = fe_chart_cooccurrence_note (b->tally, shows_overlap (b));

      g_string_append (note, cells);
    }
  else if (scale_levels (b) < b->tally->n_levels)
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
  if (b->layout->kind == FE_CHART_KIND_DIVERGING && scale_levels (b) % 2 == 1)
    {
      g_string_append_c (note, ' ');
      g_string_append (note, _("The middle answer straddles the centre line."));
    }
  if (scale_levels (b) < b->tally->n_levels)
    {
      g_autoptr(GString) outside = g_string_new (NULL);

      for (guint l = scale_levels (b); l < b->tally->n_levels; l++)
        g_string_append_printf (outside, "%s“%s”", outside->len ? ", " : "",
                                fe_column_get_display_level (question, l));
      g_string_append_c (note, ' ');
      /* TRANSLATORS: %s lists answers such as “Don't know”, “N/A” */
      g_string_append_printf (note, _("Not on the scale, so not in the bars: %s."),
                              outside->str);
    }
  if (b->layout->kind == FE_CHART_KIND_HEATMAP && !is_cooccurrence (b))
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
      double height = lines_height (lines);

      place_label (b, lines, title_text (b), title_font, b->margin, y,
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
          double height = lines_height (lines);

          place_label (b, lines, fe_column_get_display_label (b->tally->question),
                       FE_CHART_FONT_SUBTITLE, b->margin, y, FE_CHART_ALIGN_START,
                       b->theme->text, b->theme->background, -1);
          y += height + 4 * b->scale;
        }
    }

  lines = fe_chart_text_fit (b->text, FE_CHART_FONT_META, meta, NULL, width,
                             b->compact ? 1 : 2);
  if (lines != NULL)
    {
      double height = lines_height (lines);

      place_label (b, lines, meta, FE_CHART_FONT_META, b->margin, y, FE_CHART_ALIGN_START,
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
      add_rect (b, x, y + (line_height - swatch) / 2, swatch, swatch, entries[i].color);
      place_label (b, lines, full, FE_CHART_FONT_LEGEND, x + swatch + gap, y,
                   FE_CHART_ALIGN_START, b->theme->text, b->theme->background, -1);
      x += entry_width + spacing;
    }
  return y + line_height;
}

static FeChartColor
level_color (const Build *b,
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
        LegendEntry entry = { series->name, format_series_n (b, series),
                              fe_chart_palette_category (b->layout->dark, s) };

        g_array_append_val (entries, entry);
      }
  else if (kind_is_stacked (b->layout->kind))
    for (guint l = 0; l < scale_levels (b); l++)
      {
        LegendEntry entry = { fe_column_get_display_level (b->tally->question, l), g_strdup (""),
                              level_color (b, l) };

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

  b->note_height = lines != NULL ? lines_height (lines) + 10 * b->scale : 0;
  b->note_cut = lines != NULL && lines->cut;
  return lines;
}

/* Row labels, right-aligned against @right and centred on @centre. */
static void
place_row_label (Build        *b,
                 FeChartLines *lines,
                 const char   *full,
                 double        right,
                 double        centre)
{
  double height = lines_height (lines);

  if (lines == NULL)
    return;
  place_label (b, lines, full, FE_CHART_FONT_LABEL, right - lines->width, centre - height / 2,
               FE_CHART_ALIGN_END, b->theme->text, b->theme->background, -1);
}

/* How many lines of label a row of @pitch can hold, up to @most. */
static guint
lines_for_pitch (const Build *b,
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
      b->plot_bottom = b->py + lines_height (lines);
      place_label (b, lines, _("This question has no answers to chart."), FE_CHART_FONT_LABEL,
                   b->px, b->py, FE_CHART_ALIGN_START, b->theme->secondary_text,
                   b->theme->background, -1);
    }
}

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
        if (series->counts[l] > 0 && series_base (b, series) > 0
            && !withheld (b, cell_state (b, series, l)))
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

  add_line (b, x0, y, x0 + length, y, 1, b->theme->rule, TRUE);
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
      add_line (b, x, y, x, y + tick, 1, b->theme->rule, TRUE);
      if (grid && value > 0)
        add_line (b, x, b->py, x, y, 1, b->theme->empty, FALSE);
      place_label (b, lines, text, FE_CHART_FONT_SMALL, x - lines->width / 2, y + tick,
                   FE_CHART_ALIGN_CENTER, b->theme->secondary_text, b->theme->background, -1);
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
  *bar = *pitch * (n_series > 1 ? 0.88 : 0.72) / n_series;
}

/* Bar and grouped bar: rows of levels, one bar per series in each, on one shared axis. A
 * grouped chart also labels that axis under its rows where there is room: its bars are thin,
 * and their values are the first thing to give way. Every group keeps its slot in every row,
 * a zero drawn as a bar of no length with its "0" beside it, so that a colour is always in the
 * same place and the row's label stays centred on its whole group of bars. */
static gboolean
build_bars (Build *b)
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
  g_autoptr(GPtrArray) row_labels = lines_array_new ();
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
  max_lines = lines_for_pitch (b, pitch, 3);

  for (guint s = 0; s < n_series; s++)
    {
      const Series *series = &g_array_index (b->series, Series, s);

      for (guint l = 0; l < n_levels; l++)
        {
          FeCellDisclosure state = cell_state (b, series, l);
          char *text = format_cell (b, state, series->counts[l], series_base (b, series));

          /* The axis is of what is drawn to scale: a withheld bar must not stretch it. */
          if (!withheld (b, state))
            axis_max = MAX (axis_max, measure_value (b, series->counts[l],
                                                     series_base (b, series)));
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
        place_row_label (b, g_steal_pointer (&g_ptr_array_index (row_labels, i)),
                         fe_column_get_display_level (tally->question, level), x0 - gap,
                         top + pitch / 2);

      for (guint s = 0; s < n_series; s++)
        {
          const Series *series = &g_array_index (b->series, Series, s);
          guint base = series_base (b, series);
          double value = measure_value (b, series->counts[level], base);
          double y = first + s * bar;
          double w = value / axis_max * length;
          const char *text = g_ptr_array_index (values, s * n_levels + level);
          FeChartLines *lines = show_values ? fe_chart_text_fit (b->text, value_font, text, NULL,
                                                                 value_width + 1, 1)
                                            : NULL;
          FeChartColor fill = grouped ? fe_chart_palette_category (b->layout->dark, s)
                                      : b->theme->single_bar;

          /* A withheld number is a stub of one fixed length, so that it cannot be measured,
           * and only beside its "< 5": a stub without it would read as a small bar. */
          if (withheld (b, cell_state (b, series, level)))
            w = lines != NULL ? MIN (STUB * b->scale, length * 0.1) : 0;
          add_segment (b, (int) level, series, series->counts[level], base, x0, y, w, bar,
                       fill);
          if (lines != NULL)
            place_label (b, lines, text, value_font, x0 + w + 6 * b->scale,
                         y + bar / 2 - value_height / 2, FE_CHART_ALIGN_START,
                         b->theme->text, b->theme->background, -1);
        }
    }

  add_line (b, x0, b->py, x0, b->py + n_levels * pitch, 1, b->theme->rule, TRUE);
  b->plot_bottom = b->py + n_levels * pitch;
  if (show_axis)
    {
      build_value_axis (b, x0, length, b->plot_bottom, axis_max, !show_values);
      b->plot_bottom += axis_height;
    }
  return TRUE;
}

/* The width of part @level of a stacked row as a share of the row: its count's share of those
 * who answered. A withheld part has none: any length, even a fixed stub, would sit in the bar
 * among parts drawn to scale and be read as one of them. It is marked beside the bar. */
static double
part_share (const Build  *b,
            const Series *series,
            guint         level)
{
  if (withheld (b, cell_state (b, series, level)))
    return 0;
  return series->answered > 0 ? (double) series->counts[level] / series->answered : 0;
}

/* Whether a row has nothing to draw: nobody in it answered, and that may be said. */
static gboolean
row_is_empty (const Build  *b,
              const Series *series)
{
  return series->answered == 0 && !withheld (b, base_state (b, series));
}

/* The scale's lower half (and half of its middle) go left of the centre line. */
static void
diverging_extent (const Build  *b,
                  const Series *series,
                  double       *left,
                  double       *right)
{
  guint n_levels = scale_levels (b);
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

static guint
side_count (const Series *series,
            guint         n_levels,
            gboolean      upper)
{
  guint count = 0;

  for (guint i = 0; i < n_levels / 2; i++)
    count += series->counts[side_level (n_levels, i, upper)];
  return count;
}

/* A side's total would give away a withheld part of it (total minus the parts shown). */
static gboolean
side_is_withheld (const Build  *b,
                  const Series *series,
                  gboolean      upper)
{
  guint n_levels = scale_levels (b);

  if (withheld (b, base_state (b, series)))
    return TRUE;
  for (guint i = 0; i < n_levels / 2; i++)
    if (withheld (b, cell_state (b, series, side_level (n_levels, i, upper))))
      return TRUE;
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
  guint count = side_count (series, scale_levels (b), upper);
  g_autofree char *text = NULL;
  FeChartLines *lines;
  double height = fe_chart_text_line_height (b->text, FE_CHART_FONT_VALUE);

  double taken;

  if (side_is_withheld (b, series, upper))
    return 0;
  text = format_value (b, count, series->answered);
  lines = fe_chart_text_fit (b->text, FE_CHART_FONT_VALUE, text, NULL, width + 1, 1);
  if (lines == NULL)
    return 0;
  taken = lines->width;
  place_label (b, lines, text, FE_CHART_FONT_VALUE, upper ? x : x - lines->width,
               centre - height / 2, upper ? FE_CHART_ALIGN_START : FE_CHART_ALIGN_END,
               b->theme->secondary_text, b->theme->background, -1);
  return taken;
}

/* A row whose number who answered is withheld: none of its parts may be drawn, nor even
 * marked, since which answers it has would tell what its few respondents said. */
static gboolean
row_is_withheld (const Build  *b,
                 const Series *series)
{
  return withheld (b, base_state (b, series));
}

/* What stands in the bar's place of a withheld row. */
static char *
describe_withheld_row (const Build  *b,
                       const Series *series)
{
  guint k = b->spec->min_cell;

  if (base_state (b, series) == FE_CELL_SMALL)
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
      FeCellDisclosure state = cell_state (b, series, l);
      g_autofree char *text = NULL;
      double width;

      if (!withheld (b, state))
        continue;
      text = format_withheld (b, state);
      width = fe_chart_text_measure (b->text, FE_CHART_FONT_VALUE, text);
      if (y >= 0)
        {
          double middle = y + bar / 2;
          FeChartLines *lines = fe_chart_text_fit (b->text, FE_CHART_FONT_VALUE, text, NULL,
                                                   width + 1, 1);
          int index = add_segment (b, (int) l, series, series->counts[l], series->answered, x,
                                   y, 0, bar, level_color (b, l));
          FeChartSegment *segment = &g_array_index (b->layout->segments, FeChartSegment, index);

          add_rect (b, x, middle - swatch / 2, swatch, swatch, level_color (b, l));
          if (lines != NULL)
            place_label (b, lines, text, FE_CHART_FONT_VALUE, x + swatch + gap,
                         middle - value_height / 2, FE_CHART_ALIGN_START, b->theme->text,
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
static gboolean
build_stacked (Build *b)
{
  gboolean diverging = b->layout->kind == FE_CHART_KIND_DIVERGING;
  guint n_levels = scale_levels (b);
  guint n_rows = b->series->len;
  double rows = n_rows + (b->has_total ? 0.5 : 0);
  double label_height = fe_chart_text_line_height (b->text, FE_CHART_FONT_LABEL);
  double gap = 10 * b->scale;
  double pitch = MIN (b->ph / rows, 2.4 * label_height + 12 * b->scale);
  double bar = MIN (pitch * 0.7, 34 * b->scale);
  double label_width = 0, side_width = 0, marker_width = 0, x0, x_left, length, scale;
  double centre = 0, max_left = 0, max_right = 0;
  guint max_lines = lines_for_pitch (b, pitch, 2);
  g_autoptr(GPtrArray) row_labels = lines_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (!b->force && (pitch < label_height || bar < 4))
    return FALSE;

  for (guint r = 0; r < n_rows; r++)
    {
      const Series *series = &g_array_index (b->series, Series, r);
      g_autofree char *suffix = format_series_n (b, series);
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
          g_autofree char *low = format_value (b, side_count (series, n_levels, FALSE),
                                               series->answered);
          g_autofree char *high = format_value (b, side_count (series, n_levels, TRUE),
                                                series->answered);

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

      place_row_label (b, g_steal_pointer (&g_ptr_array_index (row_labels, r)),
                       g_ptr_array_index (names, r), x0 - gap, middle);
      if (row_is_empty (b, series) || row_is_withheld (b, series))
        {
          g_autofree char *text = row_is_empty (b, series) ? g_strdup (_("No answers"))
                                                           : describe_withheld_row (b, series);
          FeChartLines *lines = fe_chart_text_fit (b->text, FE_CHART_FONT_VALUE, text, NULL,
                                                   b->px + b->pw - x_left, 1);

          if (lines != NULL)
            place_label (b, lines, text, FE_CHART_FONT_VALUE, x_left,
                         middle - lines_height (lines) / 2, FE_CHART_ALIGN_START,
                         b->theme->secondary_text, b->theme->background, -1);
          continue;
        }

      /* The centre line runs through the rows with a bar only, never through words. */
      if (diverging)
        add_line (b, centre, top - (b->has_total && r == 1 ? pitch / 2 : 0), centre,
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
          FeCellDisclosure state = cell_state (b, series, l);
          double w = part_share (b, series, l) * scale;
          FeChartColor fill = level_color (b, l);
          g_autofree char *text = NULL;
          int index;

          /* A part nobody gave is not drawn, so it is not a segment either; a withheld one is
           * marked after the bar. */
          if (count == 0 || withheld (b, state))
            continue;
          index = add_segment (b, (int) l, series, count, series->answered, x, y, w, bar, fill);
          text = format_cell (b, state, count, series->answered);
          label_inside (b, index, text);
          /* A hairline of background between parts, unless it would hide a thin one. */
          if (previous >= 0 && w >= 3
              && g_array_index (b->layout->segments, FeChartSegment, previous).w >= 3)
            add_line (b, x, y, x, y + bar, 1, b->theme->background, TRUE);
          previous = index;
          x += w;
        }
      place_markers (b, series, n_levels, end + 6 * b->scale, y, bar);
    }

  b->plot_bottom = b->py + rows * pitch;
  return TRUE;
}

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

/* Heat map: levels down, groups across, each cell shaded by its share of the group. */
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
        return cell_state (b, series, level);
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
  FeCellDisclosure state = cell_state (b, series, level);

  if (!shows_overlap (b) || column == level || withheld (b, state))
    return state;
  if (withheld (b, theme_cell_state (b, level, level))
      || withheld (b, theme_cell_state (b, column, column)))
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
  if (shows_overlap (b))
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

  if (withheld (b, state))
    {
      /* Nothing of a cell withheld for its mirror or its themes may stay in the layout. */
      segment->disclosure = state;
      segment->count = 0;
      segment->base = 0;
      segment->value = 0;
      g_free (segment->description);
      segment->description = describe_withheld (b, fe_column_get_display_level (b->tally->question,
                                                                                level),
                                                series, state);
      return format_withheld (b, state);
    }
  g_free (segment->description);
  segment->description = fe_chart_cooccurrence_describe (b->tally, level, (guint) series->row,
                                                         shows_overlap (b));
  segment->value = shows_overlap (b) && (guint) series->row != level
                   ? fe_cooccurrence_jaccard (b->tally, level, (guint) series->row)
                   : series->counts[level];
  return fe_chart_cooccurrence_format (b->tally, level, (guint) series->row, shows_overlap (b));
}

static gboolean
build_heatmap (Build *b)
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
  g_autoptr(GPtrArray) headers = lines_array_new ();
  g_autoptr(GPtrArray) n_labels = lines_array_new ();
  g_autoptr(GPtrArray) row_labels = lines_array_new ();

  /* The label column first, at most a third of the width, so the columns know their width. */
  for (guint i = 0; i < n_levels; i++)
    {
      const char *name = fe_column_get_display_level (tally->question, b->order[i]);

      label_width = MAX (label_width, fe_chart_text_measure (b->text, FE_CHART_FONT_LABEL, name));
    }
  {
    /* Columns wide enough for "100%" and their n, taken from the labels when space is short:
     * a long label can be cut, a number cannot. */
    g_autofree char *widest_n = g_strchug (format_n (tally->base));
    double shown = fe_chart_text_measure (b->text, FE_CHART_FONT_VALUE, "100%") + 6;
    double needed;

    for (guint c = 0; c < n_columns; c++)
      {
        g_autofree char *n = g_strchug (format_series_n (b, &g_array_index (b->series, Series,
                                                                            c)));

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
      g_autofree char *n = g_strchug (format_series_n (b, series));
      FeChartLines *name = fe_chart_text_fit (b->text, FE_CHART_FONT_VALUE, series->name, NULL,
                                              column - 4, b->compact ? 2 : 3);
      FeChartLines *n_lines = fit_column_n (b, n, column - 4);

      if (n_lines == NULL)
        b->lost_n = TRUE;
      header_height = MAX (header_height, lines_height (name));
      n_height = MAX (n_height, lines_height (n_lines));
      g_ptr_array_add (headers, name);
      g_ptr_array_add (n_labels, n_lines);
      /* Shades go up to the largest share shown: a withheld cell must not set the scale. */
      for (guint l = 0; l < n_levels; l++)
        if (series_base (b, series) > 0 && !withheld (b, cell_state (b, series, l)))
          largest = MAX (largest, is_cooccurrence (b) ? cooccurrence_shade (b, series, l)
                                                      : (double) series->counts[l]
                                                        / series_base (b, series));
    }
  if (b->lost_n && !b->force)
    return FALSE;
  n_height = MAX (n_height, fe_chart_text_line_height (b->text, FE_CHART_FONT_VALUE));

  top = b->py + header_height + n_height + 6 * b->scale;
  pitch = MIN ((b->py + b->ph - top) / n_levels, 2.4 * label_height + 8 * b->scale);
  if (!b->force && pitch < MAX (label_height, value_height) + 2)
    return FALSE;
  max_lines = lines_for_pitch (b, pitch, 2);

  for (guint c = 0; c < n_columns; c++)
    {
      FeChartLines *name = g_steal_pointer (&g_ptr_array_index (headers, c));
      FeChartLines *n_lines = g_steal_pointer (&g_ptr_array_index (n_labels, c));
      const Series *series = &g_array_index (b->series, Series, c);
      double n_top = top - 6 * b->scale - n_height;

      if (name != NULL)
        place_label (b, name, series->name, FE_CHART_FONT_VALUE,
                     x0 + c * column + (column - name->width) / 2, n_top - lines_height (name),
                     FE_CHART_ALIGN_CENTER, b->theme->text, b->theme->background, -1);
      if (n_lines != NULL)
        {
          g_autofree char *full = g_strchug (format_series_n (b, series));

          place_label (b, n_lines, full, FE_CHART_FONT_VALUE,
                       x0 + c * column + (column - n_lines->width) / 2, n_top,
                       FE_CHART_ALIGN_CENTER, b->theme->secondary_text, b->theme->background,
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
        place_row_label (b, lines, name, x0 - gap, y + pitch / 2);
      for (guint c = 0; c < n_columns; c++)
        {
          const Series *series = &g_array_index (b->series, Series, c);
          guint base = series_base (b, series);
          guint count = series->counts[level];
          FeCellDisclosure state = cell_state (b, series, level);
          double share = base > 0 ? (double) count / base : 0;
          FeChartColor fill;
          int index;
          g_autofree char *text = NULL;

          if (is_cooccurrence (b))
            {
              share = cooccurrence_shade (b, series, level);
              state = cooccurrence_state (b, series, level);
            }
          /* A withheld cell is not shaded by its share, which would tell it; nor is a
           * co-occurrence's diagonal, a theme's own count on another scale than the pairs. */
          fill = withheld (b, state) || (is_cooccurrence (b) && (guint) series->group == level)
                 ? b->theme->empty
                 : fe_chart_palette_sequential (b->layout->dark,
                                                largest > 0 ? share / largest : 0);
          index = add_segment (b, (int) level, series, count, base, x0 + c * column + 1,
                               y + 1, column - 2, pitch - 2, fill);
          if (is_cooccurrence (b))
            text = describe_cooccurrence (b, index, series, level, state);
          else
            text = format_cell (b, state, count, base);
          label_inside (b, index, text);
        }
    }
  b->plot_bottom = top + n_levels * pitch;
  return TRUE;
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
    fits = build_heatmap (&b);
  else if (kind_is_stacked (layout->kind))
    fits = build_stacked (&b);
  else
    fits = build_bars (&b);

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

      place_label (&b, g_steal_pointer (&note), note_text, FE_CHART_FONT_NOTE, b.margin,
                   b.plot_bottom + 10 * b.scale, FE_CHART_ALIGN_START, b.theme->secondary_text,
                   b.theme->background, -1);
    }

  g_clear_pointer (&note, fe_chart_lines_free);
  g_array_unref (b.series);
  g_free (b.order);
  g_free (b.small_text);
  return fits;
}
