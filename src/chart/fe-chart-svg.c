/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SVG written from the layout rather than through cairo's SVG surface, which turns every glyph
 * into a path: here text stays text, so a slide can be searched, edited and read aloud, and
 * every segment carries its description as a tooltip. */
#include "config.h"

#include "fe-chart-layout-private.h"

#include <string.h>

static void
append_number (GString    *out,
               const char *name,
               double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, " %s=\"%s\"", name,
                          g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

static void
append_color (GString            *out,
              const char         *name,
              const FeChartColor *color)
{
  g_autofree char *hex = fe_chart_color_to_hex (color);

  g_string_append_printf (out, " %s=\"%s\"", name, hex);
}

/* Whether XML 1.0 allows @c in a document at all, even as &#x1;: a label from the data can
 * hold any control character, and one of these would make the whole SVG unreadable. */
static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xa || c == 0xd || (c >= 0x20 && c <= 0xd7ff)
         || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autoptr(GString) allowed = g_string_new (NULL);
  g_autofree char *escaped = NULL;
  const char *end = text + strlen (text);

  for (const char *p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_unichar (allowed, 0xfffd);
          p++;
          continue;
        }
      if (is_xml_char (c))
        g_string_append_len (allowed, p, g_utf8_next_char (p) - p);
      else
        g_string_append_unichar (allowed, 0xfffd);
      p = g_utf8_next_char (p);
    }
  escaped = g_markup_escape_text (allowed->str, -1);
  g_string_append (out, escaped);
}

static void
append_marks (GString             *out,
              const FeChartLayout *layout,
              gboolean             above)
{
  for (guint i = 0; i < fe_chart_layout_get_n_marks (layout); i++)
    {
      const FeChartMark *mark = fe_chart_layout_get_mark (layout, i);

      if (mark->above != above)
        continue;
      if (mark->kind == FE_CHART_MARK_RECT)
        {
          g_string_append (out, "  <rect");
          append_number (out, "x", mark->x);
          append_number (out, "y", mark->y);
          append_number (out, "width", mark->w);
          append_number (out, "height", mark->h);
          append_color (out, "fill", &mark->color);
        }
      else
        {
          g_string_append (out, "  <line");
          append_number (out, "x1", mark->x);
          append_number (out, "y1", mark->y);
          append_number (out, "x2", mark->x + mark->w);
          append_number (out, "y2", mark->y + mark->h);
          append_color (out, "stroke", &mark->color);
          append_number (out, "stroke-width", mark->line_width);
        }
      g_string_append (out, "/>\n");
    }
}

static void
append_label (GString                *out,
              const FeChartLayout    *layout,
              const FeChartLabelItem *item)
{
  const char *anchor = item->align == FE_CHART_ALIGN_END ? "end"
                       : item->align == FE_CHART_ALIGN_CENTER ? "middle" : "start";

  for (guint i = 0; i < item->n_lines; i++)
    {
      double x = item->align == FE_CHART_ALIGN_END ? item->label.x + item->label.w
                 : item->align == FE_CHART_ALIGN_CENTER ? item->label.x + item->label.w / 2
                 : item->label.x;

      if (*item->lines[i] == '\0')
        continue;
      g_string_append (out, "  <text");
      append_number (out, "x", x);
      append_number (out, "y", fe_chart_label_line_baseline (item, i));
      append_number (out, "font-size", fe_chart_font_get_size (item->font, layout->font_scale));
      if (fe_chart_font_is_bold (item->font))
        g_string_append (out, " font-weight=\"bold\"");
      if (item->align != FE_CHART_ALIGN_START)
        g_string_append_printf (out, " text-anchor=\"%s\"", anchor);
      append_color (out, "fill", &item->color);
      g_string_append (out, ">");
      append_escaped (out, item->lines[i]);
      g_string_append (out, "</text>\n");
    }
}

/* The hatch names its ink: black reads on light fills, white on dark ones. */
static const char *
hatch_id (const FeChartColor *fill)
{
  FeChartColor ink = fe_chart_color_text_on (fill);

  return ink.red > 0.5 ? "fe-hatch-light" : "fe-hatch-dark";
}

static void
append_hatch_patterns (GString             *out,
                       const FeChartLayout *layout)
{
  char step[G_ASCII_DTOSTR_BUF_SIZE], width[G_ASCII_DTOSTR_BUF_SIZE];
  char opacity[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean any = FALSE;

  for (guint i = 0; i < layout->segments->len; i++)
    any |= fe_chart_layout_segment_is_hatched (layout, i);
  if (!any)
    return;
  g_ascii_formatd (step, sizeof step, "%.2f", FE_CHART_HATCH_STEP * G_SQRT2 / 2);
  g_ascii_formatd (width, sizeof width, "%.2f", FE_CHART_HATCH_WIDTH);
  g_ascii_formatd (opacity, sizeof opacity, "%.2f", FE_CHART_HATCH_OPACITY);
  g_string_append (out, "  <defs>\n");
  for (guint i = 0; i < 2; i++)
    g_string_append_printf (out, "    <pattern id=\"%s\" patternUnits=\"userSpaceOnUse\" "
                            "width=\"%s\" height=\"%s\" patternTransform=\"rotate(45)\">"
                            "<rect width=\"%s\" height=\"%s\" fill=\"%s\" "
                            "fill-opacity=\"%s\"/></pattern>\n",
                            i == 0 ? "fe-hatch-dark" : "fe-hatch-light", step, step, width, step,
                            i == 0 ? "#000000" : "#ffffff", opacity);
  g_string_append (out, "  </defs>\n");
}

/* Over a withheld or marked segment, letting the pointer through to its tooltip. */
static void
append_hatch (GString              *out,
              const FeChartLayout  *layout,
              const FeChartSegment *segment,
              const FeChartColor   *fill)
{
  g_string_append (out, "  <rect");
  append_number (out, "x", segment->x);
  append_number (out, "y", segment->y);
  append_number (out, "width", segment->w);
  append_number (out, "height", segment->h);
  g_string_append_printf (out, " fill=\"url(#%s)\" pointer-events=\"none\"", hatch_id (fill));
  if (!layout->withhold)
    append_color (out, "stroke", &layout->theme.text);
  g_string_append (out, "/>\n");
}

char *
fe_chart_layout_to_svg (const FeChartLayout *layout)
{
  g_autoptr(GString) out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                                         "version=\"1.1\" role=\"img\"");
  g_autoptr(GString) family = g_string_new (NULL);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  append_number (out, "width", layout->width);
  append_number (out, "height", layout->height);
  g_string_append_printf (out, " viewBox=\"0 0 %s",
                          g_ascii_formatd (buffer, sizeof buffer, "%.2f", layout->width));
  g_string_append_printf (out, " %s\"",
                          g_ascii_formatd (buffer, sizeof buffer, "%.2f", layout->height));
  append_escaped (family, layout->font_family);
  g_string_append_printf (out, " font-family=\"%s, sans-serif\">\n  <title>", family->str);
  append_escaped (out, layout->title);
  g_string_append (out, "</title>\n  <desc>");
  append_escaped (out, layout->summary);
  g_string_append (out, "</desc>\n  <rect");
  append_number (out, "x", 0);
  append_number (out, "y", 0);
  append_number (out, "width", layout->width);
  append_number (out, "height", layout->height);
  append_color (out, "fill", &layout->theme.background);
  g_string_append (out, "/>\n");

  append_hatch_patterns (out, layout);
  append_marks (out, layout, FALSE);
  for (guint i = 0; i < layout->segments->len; i++)
    {
      const FeChartSegment *segment = &g_array_index (layout->segments, FeChartSegment, i);
      FeChartColor fill = g_array_index (layout->fills, FeChartColor, i);

      g_string_append (out, "  <rect");
      append_number (out, "x", segment->x);
      append_number (out, "y", segment->y);
      append_number (out, "width", segment->w);
      append_number (out, "height", segment->h);
      append_color (out, "fill", &fill);
      g_string_append (out, "><title>");
      append_escaped (out, segment->description);
      g_string_append (out, "</title></rect>\n");
      if (fe_chart_layout_segment_is_hatched (layout, i))
        append_hatch (out, layout, segment, &fill);
    }
  append_marks (out, layout, TRUE);
  for (guint i = 0; i < layout->labels->len; i++)
    append_label (out, layout, &g_array_index (layout->labels, FeChartLabelItem, i));
  g_string_append (out, "</svg>\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
