/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-i18n.h"
#include <pango/pangocairo.h>

#include "fe-chart-layout-private.h"
#include "fe-core-enums.h"
#include "fe-enum.h"
#include "fe-json.h"
#include "fe-tally-fold.h"

/* Type shrinks in these steps until the chart fits its canvas; the last step is taken
 * whatever happens, leaving out what still does not fit. */
static const double attempt_scales[] = { 1.0, 1.0, 0.88, 0.76, 0.66 };

static void
segment_clear (gpointer data)
{
  FeChartSegment *segment = data;

  g_free (segment->description);
}

static void
label_item_clear (gpointer data)
{
  FeChartLabelItem *item = data;

  g_free (item->label.text);
  g_free (item->label.full_text);
  g_strfreev (item->lines);
  g_free (item->line_widths);
}

void
fe_chart_layout_clear (FeChartLayout *self)
{
  g_array_set_size (self->segments, 0);
  g_array_set_size (self->fills, 0);
  g_array_set_size (self->labels, 0);
  g_array_set_size (self->marks, 0);
}

static const char *
default_family (PangoContext *context)
{
  const PangoFontDescription *description = context != NULL
                                            ? pango_context_get_font_description (context)
                                            : NULL;
  const char *family = description != NULL ? pango_font_description_get_family (description)
                                           : NULL;

  return family != NULL && *family != '\0' ? family : "Sans";
}

static void
append_row (GString              *rows,
            const FeChartSegment *top,
            const FeChartSegment *first,
            const FeTally        *tally)
{
  const char *group = _("All respondents");
  g_autofree char *percent = NULL;

  if (first->group == FE_CHART_GROUP_OTHER)
    group = C_("group", "Other");
  else if (first->group >= 0 && tally->by != NULL)
    group = fe_column_get_display_level (tally->by, (guint) first->group);
  if (rows->len > 0)
    g_string_append (rows, "; ");
  if (top == NULL)
    {
      /* Translators: a group of a stacked chart whose numbers are all withheld (shown as
       * "< 5" or "–") */
      g_string_append_printf (rows, _("%s: numbers not shown"), group);
      return;
    }
  percent = top->base > 0 ? fe_percent_format_rounded (top->count > 0, top->percent)
                          : g_strdup ("");
  /* Translators: a group's most given answer, as in "Gwent Police: mostly Very well, 42%" */
  g_string_append_printf (rows, _("%s: mostly %s, %s"), group,
                          fe_column_get_display_level (tally->question, (guint) top->level),
                          percent);
}

/* Each row of a stacked chart by its most given answer among those shown. Rows are told apart
 * by their group: each group has one, and everybody's row is the one group -1. */
static char *
describe_rows (const FeChartLayout *self,
               const FeTally       *tally)
{
  g_autoptr(GString) rows = g_string_new (NULL);
  const FeChartSegment *first = NULL;
  const FeChartSegment *best = NULL;

  for (guint i = 0; i < self->segments->len; i++)
    {
      const FeChartSegment *segment = &g_array_index (self->segments, FeChartSegment, i);
      gboolean shown = !self->withhold || segment->disclosure == FE_CELL_SHOWN;

      if (first == NULL || segment->group != first->group)
        {
          if (first != NULL)
            append_row (rows, best, first, tally);
          first = segment;
          best = NULL;
        }
      if (shown && (best == NULL || segment->percent > best->percent
                    || (segment->percent == best->percent && segment->count > best->count)))
        best = segment;
    }
  if (first != NULL)
    append_row (rows, best, first, tally);
  return g_string_free (g_steal_pointer (&rows), FALSE);
}

static int
compare_by_value (gconstpointer a,
                  gconstpointer b)
{
  const FeChartSegment *sa = *(const FeChartSegment * const *) a;
  const FeChartSegment *sb = *(const FeChartSegment * const *) b;
  if (sa->percent != sb->percent)
    return sa->percent > sb->percent ? -1 : 1;
  return sa->count > sb->count ? -1 : (sa->count < sb->count);
}

/* The three largest shares, spoken as their segments' descriptions. */
static char *
describe_largest (const FeChartLayout *self)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->segments->len; i++)
    if (g_array_index (self->segments, FeChartSegment, i).count > 0)
      g_ptr_array_add (sorted, &g_array_index (self->segments, FeChartSegment, i));
  g_ptr_array_sort (sorted, compare_by_value);
  for (guint i = 0; i < MIN (sorted->len, 3); i++)
    {
      if (i > 0)
        g_string_append (text, "; ");
      g_string_append (text, ((FeChartSegment *) g_ptr_array_index (sorted, i))->description);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
compose_summary (const FeChartLayout *self,
                 const FeChartSpec   *spec,
                 const FeChartData   *data)
{
  const FeTally *tally = data->tally;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *totals = fe_chart_data_describe_totals (data);

  g_string_append_printf (summary, "%s: %s", fe_chart_kind_get_name (self->kind), self->title);
  /* A question already ends in its question mark. */
  if (!g_str_has_suffix (self->title, "?") && !g_str_has_suffix (self->title, "."))
    g_string_append_c (summary, '.');
  g_string_append_c (summary, ' ');
  if (spec->filter_text != NULL && *spec->filter_text != '\0')
    {
      g_string_append_printf (summary, _("Filter: %s"), spec->filter_text);
      g_string_append (summary, ". ");
    }
  if (*totals != '\0')
    g_string_append_printf (summary, "%s.", totals);
  if (self->weighted_by != NULL)
    {
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary, _("Percentages weighted by %s."), self->weighted_by);
    }
  if (tally->by != NULL && self->kind != FE_CHART_KIND_BAR)
    {
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary, ngettext ("By %s, %u group.", "By %s, %u groups.",
                                                 tally->n_groups),
                              fe_column_get_display_label (tally->by), tally->n_groups);
    }
  if (self->segments->len == 0)
    {
      g_string_append_c (summary, ' ');
      g_string_append (summary, _("Nothing to chart."));
    }
  else if (self->kind == FE_CHART_KIND_STACKED || self->kind == FE_CHART_KIND_DIVERGING)
    {
      g_autofree char *rows = describe_rows (self, tally);

      g_string_append_c (summary, ' ');
      g_string_append (summary, rows);
      g_string_append_c (summary, '.');
    }
  else
    {
      g_autofree char *largest = describe_largest (self);

      /* Everything withheld: nothing is the largest. */
      if (*largest == '\0')
        return g_string_free (g_steal_pointer (&summary), FALSE);
      g_string_append_c (summary, ' ');
      /* Translators: followed by the descriptions of the three largest segments */
      g_string_append_printf (summary, _("Largest: %s."), largest);
    }
  return g_string_free (g_steal_pointer (&summary), FALSE);
}

static void
row_n_clear (gpointer data)
{
  FeChartRowN *row = data;

  g_free (row->name);
}

static FeCellDisclosure
printed_state (const FeChartLayout *self,
               FeCellDisclosure     state)
{
  return self->withhold ? state : FE_CELL_SHOWN;
}

static void
add_row_n (FeChartLayout     *self,
           const FeChartData *data,
           int                row)
{
  const FeTally *tally = data->tally;
  FeChartRowN item = { 0 };

  item.group = row < 0 ? -1 : tally->groups[row].group == FE_TALLY_GROUP_OTHER
                                ? FE_CHART_GROUP_OTHER : (int) tally->groups[row].group;
  item.name = g_strdup (row < 0 ? _("All respondents") : fe_chart_group_name (tally,
                                                                              (guint) row));
  item.disclosure = printed_state (self, data->on_answered
                                         ? fe_chart_data_get_answered (data, row)
                                         : fe_chart_data_get_base (data, row));
  if (item.disclosure == FE_CELL_SHOWN)
    item.n = row < 0 ? (data->on_answered ? tally->answered : tally->base)
                     : (data->on_answered ? tally->groups[row].answered
                                          : tally->groups[row].base);
  g_array_append_val (self->rows_n, item);
}

/* The totals in the header and the n beside each row, as printed, for the JSON. */
static void
note_rows_n (FeChartLayout     *self,
             const FeChartData *data)
{
  const FeTally *tally = data->tally;

  self->total_base_disclosure = printed_state (self, fe_chart_data_get_base (data, -1));
  self->total_answered_disclosure = printed_state (self, fe_chart_data_get_answered (data, -1));
  if (self->total_base_disclosure == FE_CELL_SHOWN)
    self->total_base = tally->base;
  if (self->total_answered_disclosure == FE_CELL_SHOWN)
    self->total_answered = tally->answered;
  if (tally->by == NULL || self->kind == FE_CHART_KIND_BAR)
    return;
  if (data->whole_row)
    add_row_n (self, data, -1);
  for (guint g = 0; g < tally->n_groups; g++)
    if ((int) g != data->dropped)
      add_row_n (self, data, (int) g);
}

FeChartLayout *
fe_chart_layout_new (const FeChartSpec *spec,
                     const FeTally     *tally,
                     PangoContext      *context)
{
  FeChartLayout *self;
  g_autoptr(FeChartText) text = NULL;
  FeChartData data;
  double scale;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (tally != NULL && tally->question != NULL, NULL);
  g_return_val_if_fail (context == NULL || PANGO_IS_CONTEXT (context), NULL);

  /* Every word built below, the codebook's labels included, in the spec's language. */
  fe_catalog_push_thread_default (spec->catalog);
  fe_chart_data_init (&data, spec, tally);
  self = g_new0 (FeChartLayout, 1);
  self->kind = data.kind;
  self->withhold = data.withhold;
  self->mark = data.mark;
  self->min_cell = spec->min_cell;
  self->measure = spec->measure;
  self->percent_of = fe_chart_percent_of (data.kind, spec->measure);
  self->weighted_by = data.weighted ? g_strdup (spec->weighted_by) : NULL;
  self->dark = spec->dark;
  self->width = MAX (spec->width, 1);
  self->height = MAX (spec->height, 1);
  self->high_contrast = spec->high_contrast;
  self->theme = spec->high_contrast ? *fe_chart_theme_get_high_contrast (spec->dark)
                                    : *fe_chart_theme_get (spec->dark);
  self->font_map = g_object_ref (context != NULL ? pango_context_get_font_map (context)
                                                 : pango_cairo_font_map_get_default ());
  self->font_family = g_strdup (default_family (context));
  self->segments = g_array_new (FALSE, TRUE, sizeof (FeChartSegment));
  g_array_set_clear_func (self->segments, segment_clear);
  self->fills = g_array_new (FALSE, TRUE, sizeof (FeChartColor));
  self->labels = g_array_new (FALSE, TRUE, sizeof (FeChartLabelItem));
  g_array_set_clear_func (self->labels, label_item_clear);
  self->marks = g_array_new (FALSE, TRUE, sizeof (FeChartMark));
  self->rows_n = g_array_new (FALSE, TRUE, sizeof (FeChartRowN));
  g_array_set_clear_func (self->rows_n, row_n_clear);

  if (spec->title != NULL && *spec->title != '\0')
    self->title = g_strdup (spec->title);
  else
    self->title = g_strdup (fe_column_get_display_label (tally->question));

  scale = spec->text_scale > 0 ? CLAMP (spec->text_scale, 0.5, 4.0) : 1.0;
  text = fe_chart_text_new (self->font_map, self->font_family);
  for (guint i = 0; i < G_N_ELEMENTS (attempt_scales) + 2; i++)
    {
      gboolean last = i == G_N_ELEMENTS (attempt_scales) + 1;
      guint attempt = MIN (i, G_N_ELEMENTS (attempt_scales) - 1);
      /* Presentation type gives way, in the end, to what normal type would show. */
      double attempt_scale = i < G_N_ELEMENTS (attempt_scales) ? scale * attempt_scales[i]
                             : MIN (scale * attempt_scales[attempt], i == attempt + 1 ? 0.8 : 0.66);

      fe_chart_text_set_scale (text, attempt_scale);
      fe_chart_layout_clear (self);
      self->font_scale = attempt_scale;
      if (fe_chart_layout_build (self, spec, &data, text, attempt, last))
        break;
    }

  self->summary = compose_summary (self, spec, &data);
  note_rows_n (self, &data);
  fe_chart_data_clear (&data);
  fe_catalog_pop_thread_default (spec->catalog);
  return self;
}

void
fe_chart_layout_free (FeChartLayout *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->segments);
  g_array_unref (self->fills);
  g_array_unref (self->labels);
  g_array_unref (self->marks);
  g_array_unref (self->rows_n);
  g_object_unref (self->font_map);
  g_free (self->font_family);
  g_free (self->title);
  g_free (self->weighted_by);
  g_free (self->summary);
  g_free (self);
}

FeChartKind
fe_chart_layout_get_kind (const FeChartLayout *self)
{
  g_return_val_if_fail (self != NULL, FE_CHART_KIND_BAR);

  return self->kind;
}

double
fe_chart_layout_get_width (const FeChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->width;
}

double
fe_chart_layout_get_height (const FeChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->height;
}

gboolean
fe_chart_layout_get_dark (const FeChartLayout *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->dark;
}

double
fe_chart_layout_get_text_scale (const FeChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 1.0);

  return self->font_scale;
}

gboolean
fe_chart_layout_withholds (const FeChartLayout *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->withhold;
}

gboolean
fe_chart_layout_segment_is_hatched (const FeChartLayout *self,
                                    guint                index)
{
  const FeChartSegment *segment;

  g_return_val_if_fail (index < self->segments->len, FALSE);

  segment = &g_array_index (self->segments, FeChartSegment, index);
  if (self->withhold)
    return segment->disclosure != FE_CELL_SHOWN;
  return self->mark && segment->disclosure == FE_CELL_SMALL;
}

const char *
fe_chart_layout_get_title (const FeChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

guint
fe_chart_layout_get_n_segments (const FeChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->segments->len;
}

const FeChartSegment *
fe_chart_layout_get_segment (const FeChartLayout *self,
                             guint                index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->segments->len, NULL);

  return &g_array_index (self->segments, FeChartSegment, index);
}

int
fe_chart_layout_find_segment (const FeChartLayout *self,
                              int                  level,
                              int                  group)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->segments->len; i++)
    {
      const FeChartSegment *segment = &g_array_index (self->segments, FeChartSegment, i);

      if (segment->level == level && segment->group == group)
        return (int) i;
    }
  return -1;
}

guint
fe_chart_layout_get_n_labels (const FeChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->labels->len;
}

const FeChartLabel *
fe_chart_layout_get_label (const FeChartLayout *self,
                           guint                index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->labels->len, NULL);

  return &g_array_index (self->labels, FeChartLabelItem, index).label;
}

const FeChartLabelItem *
fe_chart_layout_get_label_item (const FeChartLayout *self,
                                guint                index)
{
  g_return_val_if_fail (index < self->labels->len, NULL);

  return &g_array_index (self->labels, FeChartLabelItem, index);
}

guint
fe_chart_layout_get_n_marks (const FeChartLayout *self)
{
  return self->marks->len;
}

const FeChartMark *
fe_chart_layout_get_mark (const FeChartLayout *self,
                          guint                index)
{
  g_return_val_if_fail (index < self->marks->len, NULL);

  return &g_array_index (self->marks, FeChartMark, index);
}

FeChartColor
fe_chart_layout_get_fill (const FeChartLayout *self,
                          guint                segment)
{
  g_return_val_if_fail (segment < self->fills->len, self->theme.text);

  return g_array_index (self->fills, FeChartColor, segment);
}

double
fe_chart_label_line_x (const FeChartLabelItem *item,
                       guint                   index)
{
  double spare = item->label.w - item->line_widths[index];

  switch (item->align)
    {
    case FE_CHART_ALIGN_CENTER:
      return item->label.x + spare / 2;
    case FE_CHART_ALIGN_END:
      return item->label.x + spare;
    case FE_CHART_ALIGN_START:
    default:
      return item->label.x;
    }
}

double
fe_chart_label_line_baseline (const FeChartLabelItem *item,
                              guint                   index)
{
  return item->label.y + index * item->line_height + item->baseline;
}

static gboolean
contains (double x,
          double y,
          double rx,
          double ry,
          double rw,
          double rh)
{
  return x >= rx && x < rx + rw && y >= ry && y < ry + rh;
}

int
fe_chart_layout_hit_test (const FeChartLayout *self,
                          double               x,
                          double               y)
{
  int found = -1;
  double best = G_MAXDOUBLE;

  g_return_val_if_fail (self != NULL, -1);

  /* What is drawn wins; only then the widened targets of zero and hairline bars, which may
   * reach over a neighbour's edge. */
  for (guint i = 0; i < self->segments->len; i++)
    {
      const FeChartSegment *s = &g_array_index (self->segments, FeChartSegment, i);

      if (contains (x, y, s->x, s->y, s->w, s->h))
        return (int) i;
    }
  for (guint i = 0; i < self->segments->len; i++)
    {
      const FeChartSegment *s = &g_array_index (self->segments, FeChartSegment, i);
      double dx, dy, distance;

      if (!contains (x, y, s->target_x, s->target_y, s->target_w, s->target_h))
        continue;
      /* Targets of neighbouring thin bars overlap: the nearest middle wins. */
      dx = x - (s->target_x + s->target_w / 2);
      dy = y - (s->target_y + s->target_h / 2);
      distance = dx * dx + dy * dy;
      if (found < 0 || distance < best)
        {
          found = (int) i;
          best = distance;
        }
    }
  return found;
}

int
fe_chart_layout_find_neighbour (const FeChartLayout *self,
                                int                  segment,
                                int                  dx,
                                int                  dy)
{
  const FeChartSegment *from;
  double from_x, from_y;
  double best = G_MAXDOUBLE;
  int found;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (segment >= 0 && (guint) segment < self->segments->len, -1);
  g_return_val_if_fail ((dx == 0) != (dy == 0), segment);

  from = &g_array_index (self->segments, FeChartSegment, segment);
  from_x = from->target_x + from->target_w / 2;
  from_y = from->target_y + from->target_h / 2;
  found = segment;
  for (guint i = 0; i < self->segments->len; i++)
    {
      const FeChartSegment *s = &g_array_index (self->segments, FeChartSegment, i);
      double x = s->target_x + s->target_w / 2;
      double y = s->target_y + s->target_h / 2;
      /* How far ahead its middle is; in the same row (or column) when its middle is within
       * the span of ours across the direction of travel. */
      double ahead = dx != 0 ? (x - from_x) * dx : (y - from_y) * dy;
      gboolean in_line = dx != 0
                           ? y >= from->target_y && y < from->target_y + from->target_h
                           : x >= from->target_x && x < from->target_x + from->target_w;

      if (ahead > 0 && in_line && ahead < best)
        {
          found = (int) i;
          best = ahead;
        }
    }
  return found;
}

/* Two decimals are finer than any device pixel, and keep a layout the same file from one machine
 * to the next. Rounded as "%.2f" prints them; json-glib then writes the nearest double in full
 * (0.28999999999999998 for 0.29), which reads back as exactly that number. */
static void
set_rounded_member (JsonObject *object,
                    const char *name,
                    double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
  json_object_set_double_member (object, name, g_ascii_strtod (buffer, NULL));
}

static void
set_rectangle_members (JsonObject *object,
                       double      x,
                       double      y,
                       double      w,
                       double      h,
                       double      scale)
{
  set_rounded_member (object, "x", x * scale);
  set_rounded_member (object, "y", y * scale);
  set_rounded_member (object, "w", w * scale);
  set_rounded_member (object, "h", h * scale);
}

static JsonArray *
groups_to_json (const FeChartLayout *self)
{
  JsonArray *groups = json_array_new ();

  for (guint i = 0; i < self->rows_n->len; i++)
    {
      const FeChartRowN *row = &g_array_index (self->rows_n, FeChartRowN, i);
      JsonObject *group = json_object_new ();

      json_object_set_int_member (group, "group", row->group);
      json_object_set_string_member (group, "name", row->name);
      fe_json_object_set_count_member (group, "n", row->n, row->disclosure == FE_CELL_SHOWN);
      json_object_set_string_member (group, "disclosure",
                                     fe_enum_to_nick (FE_TYPE_CELL_DISCLOSURE, row->disclosure));
      json_array_add_object_element (groups, group);
    }
  return groups;
}

static JsonArray *
segments_to_json (const FeChartLayout *self,
                  double               scale)
{
  JsonArray *segments = json_array_new ();

  for (guint i = 0; i < self->segments->len; i++)
    {
      const FeChartSegment *s = &g_array_index (self->segments, FeChartSegment, i);
      JsonObject *segment = json_object_new ();
      gboolean cell_withheld = self->withhold && s->disclosure != FE_CELL_SHOWN;
      gboolean base_withheld = cell_withheld
                               || (self->withhold && s->base_disclosure != FE_CELL_SHOWN);

      json_object_set_int_member (segment, "level", s->level);
      json_object_set_int_member (segment, "group", s->group);
      /* What is withheld is null, never a number: a script must not be able to print it. */
      fe_json_object_set_count_member (segment, "count", s->count, !cell_withheld);
      fe_json_object_set_count_member (segment, "base", s->base, !base_withheld);
      if (cell_withheld)
        json_object_set_null_member (segment, "value");
      else
        set_rounded_member (segment, "value", s->value);
      /* The percentage as every front end prints it, of "percent_of" above. */
      fe_json_object_set_count_member (segment, "percent", s->percent,
                                       !base_withheld && s->base > 0);
      json_object_set_string_member (segment, "disclosure",
                                     fe_enum_to_nick (FE_TYPE_CELL_DISCLOSURE, s->disclosure));
      set_rectangle_members (segment, s->x, s->y, s->w, s->h, scale);
      json_object_set_string_member (segment, "description", s->description);
      json_array_add_object_element (segments, segment);
    }
  return segments;
}

static JsonArray *
labels_to_json (const FeChartLayout *self,
                double               scale)
{
  JsonArray *labels = json_array_new ();

  for (guint i = 0; i < self->labels->len; i++)
    {
      const FeChartLabel *l = &g_array_index (self->labels, FeChartLabelItem, i).label;
      JsonObject *label = json_object_new ();

      json_object_set_string_member (label, "text", l->text);
      set_rectangle_members (label, l->x, l->y, l->w, l->h, scale);
      json_array_add_object_element (labels, label);
    }
  return labels;
}

char *
fe_chart_layout_to_json_scaled (const FeChartLayout *self,
                                double               scale)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  root = json_node_new (JSON_NODE_OBJECT);
  object = json_object_new ();
  json_node_take_object (root, object);
  set_rounded_member (object, "width", self->width * scale);
  set_rounded_member (object, "height", self->height * scale);
  json_object_set_string_member (object, "kind", fe_chart_kind_to_string (self->kind));
  json_object_set_string_member (object, "measure", fe_chart_measure_to_string (self->measure));
  json_object_set_string_member (object, "title", self->title);
  json_object_set_string_member (object, "description", self->summary);
  json_object_set_int_member (object, "min_cell", self->min_cell);
  json_object_set_string_member (object, "percent_of",
                                 fe_percent_of_to_string (self->percent_of));
  if (self->weighted_by != NULL)
    json_object_set_string_member (object, "weighted_by", self->weighted_by);
  fe_json_object_set_count_member (object, "base", self->total_base,
                                   self->total_base_disclosure == FE_CELL_SHOWN);
  fe_json_object_set_count_member (object, "answered", self->total_answered,
                                   self->total_answered_disclosure == FE_CELL_SHOWN);
  json_object_set_array_member (object, "groups", groups_to_json (self));
  json_object_set_array_member (object, "segments", segments_to_json (self, scale));
  json_object_set_array_member (object, "labels", labels_to_json (self, scale));
  return fe_json_to_data (root, TRUE);
}

char *
fe_chart_layout_to_json (const FeChartLayout *self)
{
  return fe_chart_layout_to_json_scaled (self, 1.0);
}

char *
fe_chart_layout_describe (const FeChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_strdup (self->summary);
}
