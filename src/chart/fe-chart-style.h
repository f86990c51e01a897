/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue;  /* sRGB, 0 to 1 */
} FeChartColor;

/* The colours of a light or a dark chart. Text colours keep at least 4.5:1 against the
 * background (WCAG AA), which a test computes. */
typedef struct
{
  FeChartColor background;
  FeChartColor text;
  FeChartColor secondary_text;  /* notes, the filter line, "No answers" */
  FeChartColor rule;            /* baselines and the diverging centre line */
  FeChartColor empty;           /* the track of a group that has no answers */
  FeChartColor single_bar;      /* an ungrouped bar chart's one colour */
  FeChartColor focus;           /* the selection ring */
} FeChartTheme;

const FeChartTheme *fe_chart_theme_get              (gboolean            dark);
/* The high-contrast style's: white and black (or black and white), the rules and rings in the
 * text colour. */
const FeChartTheme *fe_chart_theme_get_high_contrast (gboolean           dark);
/* @fill moved towards @text until it has at least 3:1 (WCAG 1.4.11) against @background; its
 * hue kept as far as that allows. */
FeChartColor        fe_chart_color_for_high_contrast (const FeChartColor *fill,
                                                      const FeChartColor *background,
                                                      const FeChartColor *text);
/* Okabe–Ito, ordered so that neighbours differ most and the first ones stand out on @dark or
 * light backgrounds; cycles past eight. */
FeChartColor        fe_chart_palette_category       (gboolean            dark,
                                                     guint               index);
/* A colour-blind-safe diverging scheme (red–blue, ColorBrewer RdBu) for an ordered scale of
 * @n_levels: the lower half red, the upper half blue, a middle level grey. */
FeChartColor        fe_chart_palette_diverging      (guint               level,
                                                     guint               n_levels);
/* A sequential blue ramp for heat-map cells; @t from 0 (none) to 1 (the most). */
FeChartColor        fe_chart_palette_sequential     (gboolean            dark,
                                                     double              t);

/* WCAG 2 relative luminance and contrast ratio (1 to 21). */
double              fe_chart_color_luminance        (const FeChartColor *color);
double              fe_chart_color_contrast         (const FeChartColor *a,
                                                     const FeChartColor *b);
/* Black or white, whichever reads better on @fill: always at least 4.58:1. */
FeChartColor        fe_chart_color_text_on          (const FeChartColor *fill);
FeChartColor        fe_chart_color_from_hex         (guint32             rgb);
/* "#rrggbb" */
char               *fe_chart_color_to_hex           (const FeChartColor *color);

G_END_DECLS
