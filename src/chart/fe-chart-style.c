/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-chart-style.h"

#include <math.h>

#define HEX(rgb) { (((rgb) >> 16) & 0xff) / 255.0, (((rgb) >> 8) & 0xff) / 255.0, \
                   ((rgb) & 0xff) / 255.0 }

static const FeChartTheme light_theme = {
  .background = HEX (0xffffff),
  .text = HEX (0x1a1a1a),
  .secondary_text = HEX (0x595959),
  .rule = HEX (0x6e6e6e),
  .empty = HEX (0xececec),
  .single_bar = HEX (0x0072b2),
  .focus = HEX (0x1a1a1a),
};

static const FeChartTheme dark_theme = {
  .background = HEX (0x1e1e1e),
  .text = HEX (0xf2f2f2),
  .secondary_text = HEX (0xb8b8b8),
  .rule = HEX (0x9a9a9a),
  .empty = HEX (0x333333),
  .single_bar = HEX (0x56b4e9),
  .focus = HEX (0xf2f2f2),
};

static const FeChartTheme light_high_contrast_theme = {
  .background = HEX (0xffffff),
  .text = HEX (0x000000),
  .secondary_text = HEX (0x000000),
  .rule = HEX (0x000000),
  .empty = HEX (0xd0d0d0),
  .single_bar = HEX (0x005a8c),
  .focus = HEX (0x000000),
};

static const FeChartTheme dark_high_contrast_theme = {
  .background = HEX (0x000000),
  .text = HEX (0xffffff),
  .secondary_text = HEX (0xffffff),
  .rule = HEX (0xffffff),
  .empty = HEX (0x3a3a3a),
  .single_bar = HEX (0x7cc4f0),
  .focus = HEX (0xffffff),
};

/* Okabe & Ito (2008). Yellow goes last on light backgrounds, where it nearly vanishes, and the
 * dark blue goes later on dark ones for the same reason; black becomes grey on dark. */
static const guint32 okabe_ito_light[] = {
  0x0072b2, 0xe69f00, 0x009e73, 0xcc79a7, 0x56b4e9, 0xd55e00, 0x000000, 0xf0e442,
};
static const guint32 okabe_ito_dark[] = {
  0x56b4e9, 0xe69f00, 0x009e73, 0xcc79a7, 0xf0e442, 0xd55e00, 0x0072b2, 0xbbbbbb,
};

/* ColorBrewer RdBu, which stays distinguishable under the common colour-vision deficiencies;
 * outermost first on each side. */
static const guint32 diverging_low[] = { 0xb2182b, 0xd6604d, 0xf4a582, 0xfddbc7 };
static const guint32 diverging_high[] = { 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0 };
#define DIVERGING_MIDDLE 0xd4d4d4

/* ColorBrewer Blues on light; on dark the ramp rises from just above the background. */
static const guint32 sequential_light[] = { 0xf2f7fc, 0xc6dbef, 0x6baed6, 0x2171b5, 0x08306b };
static const guint32 sequential_dark[] = { 0x2a3038, 0x28496b, 0x2f6ea3, 0x5c9fd6, 0xb4d7f5 };

FeChartColor
fe_chart_color_from_hex (guint32 rgb)
{
  return (FeChartColor) HEX (rgb);
}

char *
fe_chart_color_to_hex (const FeChartColor *color)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) lround (CLAMP (color->red, 0, 1) * 255),
                          (guint) lround (CLAMP (color->green, 0, 1) * 255),
                          (guint) lround (CLAMP (color->blue, 0, 1) * 255));
}

const FeChartTheme *
fe_chart_theme_get (gboolean dark)
{
  return dark ? &dark_theme : &light_theme;
}

const FeChartTheme *
fe_chart_theme_get_high_contrast (gboolean dark)
{
  return dark ? &dark_high_contrast_theme : &light_high_contrast_theme;
}

static FeChartColor mix (FeChartColor a, FeChartColor b, double t);

FeChartColor
fe_chart_color_for_high_contrast (const FeChartColor *fill,
                                  const FeChartColor *background,
                                  const FeChartColor *text)
{
  FeChartColor color = *fill;

  for (double t = 0.05; fe_chart_color_contrast (&color, background) < 3.0 && t <= 1.0;
       t += 0.05)
    color = mix (*fill, *text, t);
  return color;
}

FeChartColor
fe_chart_palette_category (gboolean dark,
                           guint    index)
{
  const guint32 *palette = dark ? okabe_ito_dark : okabe_ito_light;

  return fe_chart_color_from_hex (palette[index % G_N_ELEMENTS (okabe_ito_light)]);
}

static FeChartColor
mix (FeChartColor a,
     FeChartColor b,
     double       t)
{
  return (FeChartColor) {
    a.red + (b.red - a.red) * t,
    a.green + (b.green - a.green) * t,
    a.blue + (b.blue - a.blue) * t,
  };
}

/* Position @t (0 to 1) along a ramp of @n stops. */
static FeChartColor
ramp (const guint32 *stops,
      guint          n,
      double         t)
{
  double position = CLAMP (t, 0, 1) * (n - 1);
  guint i = MIN ((guint) position, n - 2);

  return mix (fe_chart_color_from_hex (stops[i]), fe_chart_color_from_hex (stops[i + 1]),
              position - i);
}

/* The shade of the @rank-th level of one side (0 = outermost) when the side has @n_side
 * levels: few levels take the strong middle of the ramp, and the palest shade only comes in
 * when there are four or more, so that small scales keep clear contrast with the middle. */
static FeChartColor
side_shade (const guint32 *stops,
            guint          rank,
            guint          n_side)
{
  double first = n_side >= 3 ? 0.0 : 1.0 / 3;
  double last = n_side >= 4 ? 1.0 : 2.0 / 3;

  if (n_side <= 1)
    return ramp (stops, 4, first);
  return ramp (stops, 4, first + (last - first) * rank / (n_side - 1));
}

FeChartColor
fe_chart_palette_diverging (guint level,
                            guint n_levels)
{
  guint n_side = n_levels / 2;

  g_return_val_if_fail (level < n_levels, fe_chart_color_from_hex (DIVERGING_MIDDLE));

  if (level < n_side)
    return side_shade (diverging_low, level, n_side);
  if (n_levels % 2 == 1 && level == n_side)
    return fe_chart_color_from_hex (DIVERGING_MIDDLE);
  return side_shade (diverging_high, n_levels - 1 - level, n_side);
}

FeChartColor
fe_chart_palette_sequential (gboolean dark,
                             double   t)
{
  return dark ? ramp (sequential_dark, G_N_ELEMENTS (sequential_dark), t)
              : ramp (sequential_light, G_N_ELEMENTS (sequential_light), t);
}

static double
linear_channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
fe_chart_color_luminance (const FeChartColor *color)
{
  return 0.2126 * linear_channel (color->red) + 0.7152 * linear_channel (color->green)
         + 0.0722 * linear_channel (color->blue);
}

double
fe_chart_color_contrast (const FeChartColor *a,
                         const FeChartColor *b)
{
  double la = fe_chart_color_luminance (a);
  double lb = fe_chart_color_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

FeChartColor
fe_chart_color_text_on (const FeChartColor *fill)
{
  FeChartColor black = { 0, 0, 0 };
  FeChartColor white = { 1, 1, 1 };

  return fe_chart_color_contrast (fill, &black) >= fe_chart_color_contrast (fill, &white)
         ? black : white;
}
