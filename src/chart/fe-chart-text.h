/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* The type roles of a chart, each a size in layout units at text scale 1. */
typedef enum
{
  FE_CHART_FONT_TITLE,
  FE_CHART_FONT_LONG_TITLE,  /* a title that would take more than two lines */
  FE_CHART_FONT_SUBTITLE,
  FE_CHART_FONT_META,
  FE_CHART_FONT_LABEL,
  FE_CHART_FONT_VALUE,
  FE_CHART_FONT_LEGEND,
  FE_CHART_FONT_NOTE,
  FE_CHART_FONT_SMALL,   /* values beside the thin bars of a dense grouped chart */
  FE_CHART_N_FONTS,
} FeChartFont;

/* Measures and breaks text the way it will be painted: metrics unhinted and glyph positions
 * unrounded, so that a layout measured once paints the same at any device scale and in any
 * surface (PNG, SVG, PDF, a widget). */
typedef struct _FeChartText FeChartText;

typedef struct
{
  char   **lines;        /* what is shown, after wrapping and ellipsizing */
  double  *widths;       /* of each line */
  guint    n_lines;
  double   width;        /* of the widest line */
  double   line_height;
  double   baseline;     /* from the top of a line */
  gboolean cut;          /* some of the text is hidden behind an ellipsis */
  gboolean suffix_lost;  /* even the suffix did not fit whole */
} FeChartLines;

/* How many texts Pango has laid out for charts in this process: what a chart laid out again in
 * the same space, with the same words, does not add to. */
guint         fe_chart_text_get_n_laid_out   (void);
FeChartText  *fe_chart_text_new              (PangoFontMap  *font_map,
                                              const char    *family);
void          fe_chart_text_free             (FeChartText   *text);
void          fe_chart_text_set_scale        (FeChartText   *text,
                                              double         scale);
double        fe_chart_text_get_scale        (FeChartText   *text);
const char   *fe_chart_text_get_family       (FeChartText   *text);
PangoFontMap *fe_chart_text_get_font_map     (FeChartText   *text);

/* The font of @font at @scale; size in layout units. */
PangoFontDescription *fe_chart_font_new      (const char    *family,
                                              FeChartFont    font,
                                              double         scale);
double        fe_chart_font_get_size         (FeChartFont    font,
                                              double         scale);
gboolean      fe_chart_font_is_bold          (FeChartFont    font);

double        fe_chart_text_measure          (FeChartText   *text,
                                              FeChartFont    font,
                                              const char    *string);
double        fe_chart_text_line_height      (FeChartText   *text,
                                              FeChartFont    font);
/* Breaks @string (then @suffix, kept whole when anything must go: " (n = 12)") into at most
 * @max_lines lines no wider than @max_width, ellipsizing the last. Returns NULL when not even
 * an ellipsis fits. */
FeChartLines *fe_chart_text_fit              (FeChartText   *text,
                                              FeChartFont    font,
                                              const char    *string,
                                              const char    *suffix,
                                              double         max_width,
                                              guint          max_lines);
void          fe_chart_lines_free            (FeChartLines  *lines);

/* A context that measures or paints like fe_chart_text_fit() measured. @cr: NULL to measure. */
PangoContext *fe_chart_text_context_new      (PangoFontMap  *font_map,
                                              cairo_t       *cr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeChartText, fe_chart_text_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeChartLines, fe_chart_lines_free)

G_END_DECLS
