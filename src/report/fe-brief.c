/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The briefing pack: an A4 PDF of a project's saved views for a force's leadership. Text is
 * laid out with Pango and shown as text (never as paths), so cairo embeds the fonts and the
 * words can be selected, searched and read aloud; charts are the chart layer's layouts painted
 * as vectors. Pages are written twice: once to count them and learn where each view starts,
 * then for real, so that every page can say "Page 2 of 8" and the contents give page numbers. */
#include "config.h"

#include "fe-brief.h"

#include <cairo-pdf.h>
#include "fe-i18n.h"
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "fe-attribution.h"
#include "fe-chart-enums.h"
#include "fe-enum.h"
#include "fe-file.h"
#include "fe-query-set.h"
#include "fe-chart-layout-private.h"
#include "fe-quote.h"

/* A4 in PostScript points. */
#define PAGE_WIDTH      595.276
#define PAGE_HEIGHT     841.890
#define MARGIN_X        62.0
#define MARGIN_TOP      62.0
#define MARGIN_BOTTOM   74.0
#define FOOTER_BASELINE (PAGE_HEIGHT - 40.0)
#define CONTENT_WIDTH   (PAGE_WIDTH - 2 * MARGIN_X)
/* A chart's layout unit is a CSS pixel, 3/4 of a point: charts print at the size they have on
 * screen, so their type is as legible on paper as in the app. */
#define POINTS_PER_UNIT 0.75
/* The least height a chart is given on a page, in layout units, before its quotes go over
 * the page instead. */
#define MIN_CHART_HEIGHT 210.0
/* Space around the lines on filters and bases under a chart, in points. */
#define BASES_SPACE 24.0
/* Where a quote's text starts, right of its rule. */
#define QUOTE_INDENT    16.0

G_DEFINE_QUARK (fe-brief-error-quark, fe_brief_error)

typedef enum
{
  STYLE_KICKER,
  STYLE_TITLE,
  STYLE_SUBTITLE,
  STYLE_HEADING,
  STYLE_SECTION,
  STYLE_TAKEAWAY,
  STYLE_BODY,
  STYLE_NOTE,
  STYLE_QUOTE,
  STYLE_ATTRIBUTION,
  STYLE_FIGURE,
  STYLE_FOOTER,
  N_STYLES,
} Style;

typedef struct
{
  double      size;        /* points */
  PangoWeight weight;
  PangoStyle  slant;
  guint32     color;
  double      spacing;     /* extra space between lines, points */
} StyleInfo;

/* Ink at 4.5:1 or more on white; the accent is the chart layer's first Okabe–Ito blue. */
#define INK       0x1c1c1c
#define SECONDARY 0x595959
#define ACCENT    0x0b5f8f

static const StyleInfo styles[N_STYLES] = {
  [STYLE_KICKER] = { 10.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, ACCENT, 0 },
  [STYLE_TITLE] = { 25, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, INK, 2 },
  [STYLE_SUBTITLE] = { 13, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, SECONDARY, 1 },
  [STYLE_HEADING] = { 19, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, INK, 1 },
  [STYLE_SECTION] = { 12, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, INK, 0 },
  [STYLE_TAKEAWAY] = { 13, PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL, INK, 2.5 },
  [STYLE_BODY] = { 10.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, INK, 3 },
  [STYLE_NOTE] = { 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, SECONDARY, 2 },
  [STYLE_QUOTE] = { 10.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, INK, 3 },
  [STYLE_ATTRIBUTION] = { 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, SECONDARY, 0 },
  [STYLE_FIGURE] = { 30, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, ACCENT, 0 },
  [STYLE_FOOTER] = { 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, SECONDARY, 0 },
};

typedef struct
{
  FeProject            *project;
  FeStudy              *study;
  const FeBriefOptions *options;
  guint                 k;
  const char           *lang;        /* the pack's language, for the project's translated
                                      * titles (title[cy]=…) */
  char                 *title;
  char                 *date;

  cairo_t              *cr;          /* NULL while counting pages */
  cairo_surface_t      *surface;
  PangoFontMap         *font_map;
  PangoContext         *context;
  PangoLayout          *layout;
  double                y;           /* where the next block starts */
  guint                 page;        /* the page being written, from 1 */
  guint                 n_pages;     /* 0 while counting */
  gboolean              page_open;
  GArray               *view_pages;  /* guint: the first page of each view, learnt counting */
  GHashTable           *starred_naming;  /* fe_project_count_starred_naming() */
  guint                 methods_page;
} Writer;

/* Titles */

/* A view's title in the pack's language; without one, its question as the data show it. */
static char *
dup_view_title (Writer            *w,
                guint              index,
                const FeSavedView *view)
{
  FeColumn *question;

  if (view->title != NULL && *view->title != '\0')
    return g_strdup (fe_saved_view_get_localized (view, "title", w->lang));
  question = view->question != NULL ? fe_study_find_column (w->study, view->question) : NULL;
  if (question != NULL)
    return g_strdup (fe_column_get_display_label (question));
  return g_strdup (view->question);
}

static char *
dup_title (Writer *w)
{
  const char *path = fe_project_get_path (w->project);
  g_autofree char *title = NULL;
  g_autofree char *base = NULL;

  /* A project may name its study ("title" in [Project]); otherwise its file does. */
  title = fe_project_dup_title_in (w->project, w->lang);
  if (title != NULL && *title != '\0')
    return g_steal_pointer (&title);
  if (path == NULL)
    return g_strdup (fe_study_get_name (w->study));
  base = g_path_get_basename (path);
  if (g_str_has_suffix (base, ".findings"))
    base[strlen (base) - strlen (".findings")] = '\0';
  return g_steal_pointer (&base);
}

/* "14 March 2026", with the month's name translated; SOURCE_DATE_EPOCH makes it
 * reproducible. */
static char *
dup_date (void)
{
  static const char * const months[] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
    NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
    NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
    NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
  };
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) now = NULL;

  if (epoch != NULL && *epoch != '\0')
    now = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
  if (now == NULL)
    now = g_date_time_new_now_local ();
  /* Translators: a date: day, month name, year ("14 March 2026"); reorder with %2$s etc. */
  return g_strdup_printf (C_("date", "%1$d %2$s %3$d"), g_date_time_get_day_of_month (now),
                          fe_i18n_pgettext2 ("month",
                                        months[g_date_time_get_month (now) - 1]),
                          g_date_time_get_year (now));
}

/* Pages and text */

static void
set_ink (Writer  *w,
         guint32  rgb)
{
  cairo_set_source_rgb (w->cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static void
set_style (Writer    *w,
           Style      style,
           double     width,
           PangoAlignment alignment)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, "Sans");
  pango_font_description_set_absolute_size (font, styles[style].size * PANGO_SCALE);
  pango_font_description_set_weight (font, styles[style].weight);
  pango_font_description_set_style (font, styles[style].slant);
  pango_layout_set_font_description (w->layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (w->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (w->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (w->layout, alignment);
  pango_layout_set_spacing (w->layout, (int) (styles[style].spacing * PANGO_SCALE));
  pango_layout_set_attributes (w->layout, NULL);
}

/* Places one line of the layout with its top at (@x, @y). */
static void
show_line (Writer          *w,
           PangoLayoutIter *iter,
           double           x,
           double           y)
{
  PangoRectangle logical;
  double baseline;

  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  baseline = (pango_layout_iter_get_baseline (iter) - logical.y) / (double) PANGO_SCALE;
  cairo_move_to (w->cr, x + logical.x / (double) PANGO_SCALE, y + baseline);
  pango_cairo_show_layout_line (w->cr, pango_layout_iter_get_line_readonly (iter));
}

static void
show_footer (Writer *w)
{
  g_autofree char *number = NULL;
  PangoLayoutIter *iter;

  if (w->cr == NULL)
    return;
  /* Translators: the page number at the foot of every page of a briefing pack */
  number = g_strdup_printf (_("Page %u of %u"), w->page, w->n_pages);
  set_ink (w, styles[STYLE_FOOTER].color);
  cairo_set_line_width (w->cr, 0.5);
  cairo_move_to (w->cr, MARGIN_X, FOOTER_BASELINE - 14);
  cairo_line_to (w->cr, PAGE_WIDTH - MARGIN_X, FOOTER_BASELINE - 14);
  cairo_stroke (w->cr);

  set_style (w, STYLE_FOOTER, CONTENT_WIDTH * 0.7, PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (w->layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (w->layout, w->title, -1);
  iter = pango_layout_get_iter (w->layout);
  show_line (w, iter, MARGIN_X, FOOTER_BASELINE - 9);
  pango_layout_iter_free (iter);
  pango_layout_set_ellipsize (w->layout, PANGO_ELLIPSIZE_NONE);

  set_style (w, STYLE_FOOTER, CONTENT_WIDTH, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (w->layout, number, -1);
  iter = pango_layout_get_iter (w->layout);
  show_line (w, iter, MARGIN_X, FOOTER_BASELINE - 9);
  pango_layout_iter_free (iter);
}

static void
end_page (Writer *w)
{
  if (!w->page_open)
    return;
  show_footer (w);
  if (w->cr != NULL)
    {
      cairo_show_page (w->cr);
      if (w->options->progress != NULL)
        w->options->progress (w->page, w->n_pages, w->options->progress_data);
    }
  w->page_open = FALSE;
}

static void
begin_page (Writer *w)
{
  end_page (w);
  w->page++;
  w->page_open = TRUE;
  w->y = MARGIN_TOP;
}

static double
room_left (Writer *w)
{
  return PAGE_HEIGHT - MARGIN_BOTTOM - w->y;
}

/* Starts a new page unless @height fits on this one. */
static void
keep_together (Writer *w,
               double  height)
{
  if (height > room_left (w) && w->y > MARGIN_TOP + 1)
    begin_page (w);
}

/* The height of @text in @style at @width. */
static double
measure (Writer     *w,
         Style       style,
         const char *text,
         double      width)
{
  PangoRectangle logical;

  set_style (w, style, width, PANGO_ALIGN_LEFT);
  pango_layout_set_text (w->layout, text, -1);
  pango_layout_get_extents (w->layout, NULL, &logical);
  return logical.height / (double) PANGO_SCALE;
}

/* A paragraph from the current y, broken across pages between lines when it must be; with
 * @rule, a bar in the accent colour runs down its left, as beside a quote. */
static void
write_text (Writer         *w,
            Style           style,
            const char     *text,
            double          indent,
            PangoAlignment  alignment,
            gboolean        rule,
            double          space_after)
{
  PangoLayoutIter *iter;
  double top = w->y;

  set_style (w, style, CONTENT_WIDTH - indent, alignment);
  pango_layout_set_text (w->layout, text, -1);
  iter = pango_layout_get_iter (w->layout);
  do
    {
      PangoRectangle logical;
      double height;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = logical.height / (double) PANGO_SCALE + styles[style].spacing;
      if (w->y + height - styles[style].spacing > PAGE_HEIGHT - MARGIN_BOTTOM)
        {
          /* The footer uses the layout: find the same line in it again after. */
          int index = pango_layout_iter_get_index (iter);

          pango_layout_iter_free (iter);
          begin_page (w);
          set_style (w, style, CONTENT_WIDTH - indent, alignment);
          pango_layout_set_text (w->layout, text, -1);
          iter = pango_layout_get_iter (w->layout);
          while (pango_layout_iter_get_index (iter) < index && pango_layout_iter_next_line (iter))
            ;
          top = w->y;
        }
      if (w->cr != NULL)
        {
          set_ink (w, styles[style].color);
          show_line (w, iter, MARGIN_X + indent, w->y);
          if (rule)
            {
              set_ink (w, ACCENT);
              cairo_rectangle (w->cr, MARGIN_X + 2, top, 2.5, w->y + height - top
                               - (pango_layout_iter_at_last_line (iter)
                                  ? styles[style].spacing : 0));
              cairo_fill (w->cr);
            }
        }
      w->y += height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  w->y += space_after - styles[style].spacing;
}

static void
write_paragraph (Writer     *w,
                 Style       style,
                 const char *text,
                 double      space_after)
{
  write_text (w, style, text, 0, PANGO_ALIGN_LEFT, FALSE, space_after);
}

/* Two columns on one line: a name and, right-aligned at @right, a number. */
static void
write_row (Writer     *w,
           Style       style,
           const char *left,
           const char *right,
           double      right_edge)
{
  PangoLayoutIter *iter;
  PangoRectangle logical;
  double height;

  set_style (w, style, right_edge - 70, PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (w->layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (w->layout, left, -1);
  pango_layout_get_extents (w->layout, NULL, &logical);
  height = logical.height / (double) PANGO_SCALE + 5;
  keep_together (w, height);
  if (w->cr != NULL)
    {
      set_ink (w, styles[style].color);
      iter = pango_layout_get_iter (w->layout);
      show_line (w, iter, MARGIN_X, w->y);
      pango_layout_iter_free (iter);
      set_style (w, style, right_edge, PANGO_ALIGN_RIGHT);
      pango_layout_set_text (w->layout, right, -1);
      iter = pango_layout_get_iter (w->layout);
      show_line (w, iter, MARGIN_X, w->y);
      pango_layout_iter_free (iter);
      cairo_set_source_rgb (w->cr, 0.85, 0.85, 0.85);
      cairo_set_line_width (w->cr, 0.5);
      cairo_move_to (w->cr, MARGIN_X, w->y + height - 2);
      cairo_line_to (w->cr, MARGIN_X + right_edge, w->y + height - 2);
      cairo_stroke (w->cr);
    }
  pango_layout_set_ellipsize (w->layout, PANGO_ELLIPSIZE_NONE);
  w->y += height;
}

/* A heading kept with what follows it (@keep points of it). */
static void
write_heading (Writer     *w,
               Style       style,
               const char *text,
               double      keep,
               double      space_after)
{
  keep_together (w, measure (w, style, text, CONTENT_WIDTH) + keep);
  write_paragraph (w, style, text, space_after);
}

/* Numbers under disclosure */

/* "80", "< 5" for a number held back as small, or a dash for one hidden to protect it. */
static char *
format_count (guint            k,
              FeCellDisclosure state,
              guint            count)
{
  if (k == 0 || state == FE_CELL_SHOWN)
    return g_strdup_printf ("%u", count);
  if (state == FE_CELL_SMALL)
    /* Translators: shown instead of a number of respondents that is too small to publish; keep
     * the no-break space, so that it never breaks between the sign and the number */
    return g_strdup_printf (_("< %u"), k);
  /* Translators: in place of a number hidden so that a small number cannot be worked out */
  return g_strdup (C_("withheld", "–"));
}

/* The study's main grouping (the first attribute, as quotes are attributed by it). */
static FeColumn *
main_grouping (FeStudy *study)
{
  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);

      if (column->role == FE_ROLE_ATTRIBUTE && fe_column_get_n_levels (column) > 0)
        return column;
    }
  return NULL;
}

/* "Dyfed-Powys Police, North Wales Police": the groups too small to name a quote's author by. */
static char *
dup_small_groups (Writer *w)
{
  FeColumn *grouping = main_grouping (w->study);
  g_autoptr(FeTally) tally = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  if (grouping == NULL || w->k == 0)
    return g_strdup ("");
  tally = fe_tally_compute (grouping, fe_study_get_universe (w->study), NULL);
  for (guint l = 0; l < tally->n_levels; l++)
    if (tally->counts[l] > 0 && tally->counts[l] < w->k)
      {
        if (names->len > 0)
          g_string_append (names, C_("list", ", "));
        g_string_append (names, fe_column_get_display_level (grouping, l));
      }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The title page */

static void
write_contents (Writer *w)
{
  write_heading (w, STYLE_SECTION, _("Contents"), 40, 8);
  for (guint i = 0; i < fe_project_get_n_views (w->project); i++)
    {
      const FeSavedView *view = fe_project_get_view (w->project, i);
      g_autofree char *title = dup_view_title (w, i, view);
      guint page = i < w->view_pages->len ? g_array_index (w->view_pages, guint, i) : 0;
      g_autofree char *number = g_strdup_printf ("%u", page);

      write_row (w, STYLE_BODY, title, number, CONTENT_WIDTH);
    }
  {
    /* Translators: the last entry of a briefing pack's contents */
    g_autofree char *number = g_strdup_printf ("%u", w->methods_page);

    write_row (w, STYLE_BODY, _("About these figures"), number, CONTENT_WIDTH);
  }
}

static void
write_who_answered (Writer *w)
{
  FeColumn *grouping = main_grouping (w->study);
  g_autoptr(FeTally) tally = NULL;
  g_autoptr(FeDisclosure) disclosure = NULL;

  if (grouping == NULL)
    return;
  tally = fe_tally_compute (grouping, fe_study_get_universe (w->study), NULL);
  if (w->k > 0)
    disclosure = fe_disclosure_new (tally, w->k);
  write_heading (w, STYLE_SECTION, _("Who answered"), 60, 2);
  write_paragraph (w, STYLE_NOTE, fe_column_get_display_label (grouping), 6);
  for (guint l = 0; l < tally->n_levels; l++)
    {
      FeCellDisclosure state = disclosure != NULL ? fe_disclosure_get_cell (disclosure, -1, l)
                                                  : FE_CELL_SHOWN;
      g_autofree char *count = format_count (w->k, state, tally->counts[l]);

      write_row (w, STYLE_BODY, fe_column_get_display_level (grouping, l), count,
                 CONTENT_WIDTH * 0.6);
    }
  w->y += 18;
}

static void
write_title_page (Writer *w)
{
  guint n = fe_study_get_n_respondents (w->study);
  guint received = fe_study_get_n_rows (w->study);
  guint excluded = fe_study_get_n_excluded (w->study);
  g_autofree char *prepared = NULL;
  g_autofree char *figure = NULL;
  g_autofree char *responses = NULL;

  begin_page (w);
  w->y += 40;
  write_paragraph (w, STYLE_KICKER, _("Briefing pack"), 10);
  write_paragraph (w, STYLE_TITLE, w->title, 10);
  /* Translators: the date a briefing pack was made, "Prepared 14 March 2026" */
  prepared = g_strdup_printf (_("Prepared %s"), w->date);
  write_paragraph (w, STYLE_SUBTITLE, prepared, 34);

  /* The whole study is never a small cell worth hiding; if it were, nothing could be shown. */
  figure = g_strdup_printf ("%u", n);
  write_paragraph (w, STYLE_FIGURE, figure, 2);
  if (excluded > 0 && !fe_study_get_include_incomplete (w->study))
    responses = g_strdup_printf (ngettext ("respondents in the figures, of %u response "
                                           "received (%u incomplete left out)",
                                           "respondents in the figures, of %u responses "
                                           "received (%u incomplete left out)", received),
                                 received, excluded);
  else
    responses = g_strdup_printf (ngettext ("respondents in the figures, of %u response received",
                                           "respondents in the figures, of %u responses received",
                                           received),
                                 received);
  write_paragraph (w, STYLE_BODY, responses, 26);

  write_who_answered (w);
  write_contents (w);

  if (w->k > 0)
    {
      g_autofree char *small = g_strdup_printf (ngettext ("Numbers of fewer than %u respondent "
                                                          "are shown as “< %u” throughout; see "
                                                          "page %u.",
                                                          "Numbers of fewer than %u respondents "
                                                          "are shown as “< %u” throughout; see "
                                                          "page %u.", w->k),
                                                w->k, w->k, w->methods_page);

      w->y += 14;
      write_paragraph (w, STYLE_NOTE, small, 0);
    }
  end_page (w);
}

/* A view's page */

static guint
groups_drawn (const FeChartData *data)
{
  if (data->tally->by == NULL)
    return 0;
  return data->tally->n_groups - (data->dropped >= 0 ? 1 : 0);
}

/* A chart as tall as its rows need on a page, in layout units. */
static double
chart_height (const FeChartData *data)
{
  const FeTally *tally = data->tally;
  guint groups = groups_drawn (data);
  double rows;

  switch (data->kind)
    {
    case FE_CHART_KIND_GROUPED_BAR:
      rows = tally->n_levels * (0.4 + 0.5 * MAX (groups, 1));
      break;
    case FE_CHART_KIND_STACKED:
    case FE_CHART_KIND_DIVERGING:
      rows = groups + 2.5;
      break;
    case FE_CHART_KIND_HEATMAP:
      rows = tally->n_levels + 2;
      break;
    case FE_CHART_KIND_BAR:
    case FE_CHART_KIND_AUTO:
    default:
      rows = tally->n_levels;
      break;
    }
  return CLAMP (170 + rows * 26, MIN_CHART_HEIGHT, 620);
}

/* The least height at which a chart still prints its values: a grouped bar chart labels a
 * bar only when the bar is as thick as a line of type. Below it, its quotes go over the
 * page instead. */
static double
chart_min_height (const FeChartData *data)
{
  if (data->kind == FE_CHART_KIND_GROUPED_BAR)
    return MIN (150 + data->tally->n_levels * MAX (groups_drawn (data), 1) * 18.0, 640);
  return MIN_CHART_HEIGHT;
}

/* The chart is as wide as the text plus its own blank border, so that its title and labels
 * line up with the page's text. */
static double
chart_width (double height)
{
  double margin = fe_chart_layout_margin (G_MAXDOUBLE, height);

  return CONTENT_WIDTH / POINTS_PER_UNIT + 2 * margin;
}

static void
write_chart (Writer        *w,
             FeChartLayout *layout)
{
  double width = fe_chart_layout_get_width (layout) * POINTS_PER_UNIT;
  double height = fe_chart_layout_get_height (layout) * POINTS_PER_UNIT;

  keep_together (w, height);
  if (w->cr != NULL)
    {
      cairo_save (w->cr);
      cairo_translate (w->cr, MARGIN_X + (CONTENT_WIDTH - width) / 2, w->y);
      cairo_scale (w->cr, POINTS_PER_UNIT, POINTS_PER_UNIT);
      fe_chart_layout_paint (layout, w->cr);
      cairo_restore (w->cr);
    }
  w->y += height;
}

/* "South Wales Police 80, Gwent Police 12, Dyfed-Powys Police < 5": the groups of a split
 * chart with their n, printed only as the chart prints them. */
static char *
describe_groups (const FeChartData *data)
{
  const FeTally *tally = data->tally;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint g = 0; g < tally->n_groups; g++)
    {
      FeCellDisclosure state = data->withhold ? fe_chart_data_get_base (data, (int) g)
                                              : FE_CELL_SHOWN;
      g_autofree char *n = NULL;

      if ((int) g == data->dropped)
        continue;
      n = format_count (data->k, state, tally->groups[g].base);
      if (text->len > 0)
        g_string_append (text, C_("list", ", "));
      /* Translators: a group and its number of respondents, "Gwent Police 12" */
      g_string_append_printf (text, C_("group and n", "%s %s"),
                              fe_chart_group_name (tally, g), n);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The filters and bases of a chart in words, from what the chart itself shows. */
static char *
compose_bases (Writer            *w,
               const FeChartData *data,
               const char        *filter_text,
               const char        *weighted_by)
{
  g_autofree char *totals = fe_chart_data_describe_totals (data);
  g_autoptr(GString) text = g_string_new (NULL);

  if (filter_text != NULL && *filter_text != '\0')
    /* Translators: the filter of a chart in a briefing pack, "Filter: Which police force do
     * you work for? = Gwent Police." */
    g_string_append_printf (text, _("Filter: %s."), filter_text);
  else
    g_string_append (text, _("No filter: all respondents."));
  if (*totals != '\0')
    {
      g_string_append_c (text, ' ');
      /* Translators: the respondents a chart counts, "Base: 95 respondents, 39 answered." */
      g_string_append_printf (text, _("Base: %s."), totals);
    }
  if (data->withhold && fe_chart_data_get_base (data, -1) == FE_CELL_SMALL)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("These filters leave fewer than %u respondent, "
                                              "so the chart shows no numbers.",
                                              "These filters leave fewer than %u respondents, "
                                              "so the chart shows no numbers.", w->k),
                              w->k);
    }
  if (data->tally->by != NULL && data->kind != FE_CHART_KIND_BAR)
    {
      g_autofree char *groups = describe_groups (data);

      g_string_append_c (text, ' ');
      /* Translators: the groups of a split chart with their numbers, "Split by “Which police
       * force do you work for?”: South Wales Police 80, Gwent Police 12." */
      g_string_append_printf (text, _("Split by “%s”: %s."),
                              fe_column_get_display_label (data->tally->by), groups);
    }
  if (data->weighted)
    {
      g_autofree char *weighting = fe_percent_describe_weighting (weighted_by);

      g_string_append_c (text, ' ');
      g_string_append (text, weighting);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The respondent's answer to @question (or to the open question its quotes come from) holds
 * the starred words: the quote still exists in the data. */
static gboolean
find_quote (Writer               *w,
            const FeStarredQuote *star,
            guint                *row)
{
  FeColumn *column;
  int found;

  if (star->respondent == NULL || star->question == NULL || star->text == NULL
      || *star->text == '\0')
    return FALSE;
  found = fe_study_find_respondent (w->study, star->respondent);
  column = fe_study_find_column (w->study, star->question);
  if (found < 0 || column == NULL)
    return FALSE;
  if (column->role != FE_ROLE_TEXT && column->quotes_from != NULL)
    column = column->quotes_from;
  if (column->role != FE_ROLE_TEXT)
    return FALSE;
  {
    g_autofree char *answer = fe_study_dup_answer (w->study, column, (guint) found);

    if (answer == NULL || strstr (answer, star->text) == NULL)
      return FALSE;
  }
  *row = (guint) found;
  return TRUE;
}

/* A quote set apart: the words, then who said them. */
static void
compose_quote (Writer               *w,
               const FeStarredQuote *star,
               guint                 row,
               char                **quoted,
               char                **line)
{
  /* What fe_quote_dup_citation() writes, set as a block: without the group that would name
   * the author when it is smaller than k, and alike on every page that stars it. */
  g_autofree char *attribution = fe_study_dup_attribution_named (
    w->study, row, fe_attribution_naming_get (w->starred_naming, row));

  /* Translators: a quote set apart on a briefing pack's page */
  *quoted = g_strdup_printf (_("“%s”"), star->text);
  /* Translators: the line under a quote: who said it */
  *line = g_strdup_printf (_("— %s"), attribution);
}

static double
quote_height (Writer     *w,
              const char *quoted,
              const char *line)
{
  return measure (w, STYLE_QUOTE, quoted, CONTENT_WIDTH - QUOTE_INDENT) + 3
         + measure (w, STYLE_ATTRIBUTION, line, CONTENT_WIDTH - QUOTE_INDENT) + 12;
}

/* The height of a view's quotes, heading and all, to leave them room under the chart. */
static double
quotes_height (Writer            *w,
               const FeSavedView *view)
{
  double height = 0;

  for (guint i = 0; i < view->starred->len; i++)
    {
      const FeStarredQuote *star = g_ptr_array_index (view->starred, i);
      g_autofree char *quoted = NULL;
      g_autofree char *line = NULL;
      guint row;

      if (!find_quote (w, star, &row))
        {
          height += 20;
          continue;
        }
      if (height == 0)
        height += measure (w, STYLE_SECTION, _("In their words"), CONTENT_WIDTH) + 8;
      compose_quote (w, star, row, &quoted, &line);
      height += quote_height (w, quoted, line);
    }
  return height;
}

static void
write_quotes (Writer            *w,
              const FeSavedView *view)
{
  guint n_missing = 0;
  gboolean any = FALSE;

  for (guint i = 0; i < view->starred->len; i++)
    {
      const FeStarredQuote *star = g_ptr_array_index (view->starred, i);
      g_autofree char *quoted = NULL;
      g_autofree char *line = NULL;
      double height;
      guint row;

      if (!find_quote (w, star, &row))
        {
          n_missing++;
          continue;
        }
      compose_quote (w, star, row, &quoted, &line);
      /* A quote is not split from its author, nor the heading from the first quote, unless a
       * quote is longer than a page. */
      height = MIN (quote_height (w, quoted, line), PAGE_HEIGHT / 2);
      if (!any)
        write_heading (w, STYLE_SECTION, _("In their words"), height, 8);
      else
        keep_together (w, height);
      any = TRUE;
      write_text (w, STYLE_QUOTE, quoted, QUOTE_INDENT, PANGO_ALIGN_LEFT, TRUE, 3);
      write_text (w, STYLE_ATTRIBUTION, line, QUOTE_INDENT, PANGO_ALIGN_LEFT, FALSE, 12);
    }
  if (n_missing > 0)
    {
      g_autofree char *missing = g_strdup_printf (ngettext ("%u starred quote is no longer in "
                                                            "the data and has been left out.",
                                                            "%u starred quotes are no longer "
                                                            "in the data and have been left "
                                                            "out.", n_missing),
                                                  n_missing);

      write_paragraph (w, STYLE_NOTE, missing, 8);
    }
}

static void
init_spec (FeChartSpec       *spec,
           const FeSavedView *view,
           const FeBriefOptions *options)
{
  fe_chart_spec_init_for_view (spec, view, options->min_cell, options->fold_small_groups);
  spec->width = CONTENT_WIDTH / POINTS_PER_UNIT;
  spec->catalog = options->catalog;
}

static void
write_view (Writer            *w,
            guint              index,
            const FeSavedView *view)
{
  g_autofree char *title = dup_view_title (w, index, view);
  const char *takeaway = fe_saved_view_get_localized (view, "takeaway", w->lang);
  g_autofree char *kicker = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) refusal = NULL;
  g_autoptr(FeQuery) query = NULL;
  int level, group_index;

  begin_page (w);
  if (w->n_pages == 0)
    g_array_append_val (w->view_pages, w->page);
  /* Translators: above a view's title in a briefing pack, "View 2 of 6" */
  kicker = g_strdup_printf (_("View %u of %u"), index + 1, fe_project_get_n_views (w->project));
  write_paragraph (w, STYLE_KICKER, kicker, 6);
  write_paragraph (w, STYLE_HEADING, title, 8);
  if (takeaway != NULL && *takeaway != '\0')
    write_text (w, STYLE_TAKEAWAY, takeaway, QUOTE_INDENT, PANGO_ALIGN_LEFT, TRUE, 16);

  query = fe_saved_view_to_query (view, w->study, &level, &group_index, &error);
  if (query == NULL)
    {
      /* A view the data no longer support is said so, not drawn wrong. */
      g_autofree char *why = g_strdup_printf (_("This view cannot be drawn from the data: %s"),
                                              error->message);

      write_paragraph (w, STYLE_BODY, why, 12);
    }
  else if (!fe_query_check_query_set (query, w->k, &refusal))
    {
      /* Neither chart nor quotes: set beside the pack's other views, either would give away
       * the few respondents the filter keeps or leaves out. */
      g_autofree char *why = g_strdup_printf (_("This view is left out of the pack: %s"),
                                              refusal->message);

      write_paragraph (w, STYLE_BODY, why, 12);
      end_page (w);
      return;
    }
  else if (fe_column_get_n_levels (fe_query_get_question (query)) == 0)
    write_paragraph (w, STYLE_BODY, _("This view’s question is open text that is not coded: "
                                      "there is nothing to chart."), 12);
  else
    {
      const char *filter_text = fe_query_get_filter_text (query);
      const FeTally *tally = fe_query_get_tally (query);
      g_autoptr(FeChartLayout) layout = NULL;
      g_autofree char *bases = NULL;
      FeChartData data;
      FeChartSpec spec;

      init_spec (&spec, view, w->options);
      fe_chart_spec_set_query (&spec, query);
      fe_chart_data_init (&data, &spec, tally);
      bases = compose_bases (w, &data, filter_text, spec.weighted_by);
      /* As tall as the chart wants, less what keeps its words and quotes on the same page. */
      spec.height = chart_height (&data);
      {
        double room = (room_left (w) - quotes_height (w, view) - BASES_SPACE
                       - measure (w, STYLE_NOTE, bases, CONTENT_WIDTH)) / POINTS_PER_UNIT;

        if (room < spec.height)
          spec.height = MAX (room, chart_min_height (&data));
      }
      spec.width = chart_width (spec.height);
      /* The chart's own fonts (Sans), from the same font map as the page's. */
      layout = fe_chart_layout_new (&spec, tally, NULL);
      write_chart (w, layout);
      w->y += BASES_SPACE / 2;
      write_paragraph (w, STYLE_NOTE, bases, BASES_SPACE / 2);
      fe_chart_data_clear (&data);
    }
  write_quotes (w, view);
  end_page (w);
}

/* The closing note on method */

static void
write_methods (Writer *w)
{
  guint received = fe_study_get_n_rows (w->study);
  guint excluded = fe_study_get_n_excluded (w->study);
  guint incomplete = fe_study_get_n_incomplete (w->study);
  guint n = fe_study_get_n_respondents (w->study);
  g_autofree char *responses = NULL;
  g_autofree char *small_groups = dup_small_groups (w);
  const char *codebook = fe_project_get_codebook (w->project);
  const char *coding = fe_project_get_coding (w->project);

  begin_page (w);
  w->methods_page = w->page;
  write_paragraph (w, STYLE_HEADING, _("About these figures"), 14);

  write_heading (w, STYLE_SECTION, _("Responses"), 40, 4);
  if (fe_study_get_include_incomplete (w->study) || excluded == 0)
    responses = g_strdup_printf (ngettext ("%u response was received, and every one is in the "
                                           "figures (%u of them incomplete).",
                                           "%u responses were received, and every one is in the "
                                           "figures (%u of them incomplete).", received),
                                 received, incomplete);
  else
    responses = g_strdup_printf (ngettext ("%u response was received. %u were left out as "
                                           "incomplete: they answered nothing beyond the "
                                           "consent question, or the survey marked them "
                                           "unfinished. The figures are of the other %u "
                                           "respondents.",
                                           "%u responses were received. %u were left out as "
                                           "incomplete: they answered nothing beyond the "
                                           "consent question, or the survey marked them "
                                           "unfinished. The figures are of the other %u "
                                           "respondents.", received),
                                 received, excluded, n);
  write_paragraph (w, STYLE_BODY, responses, 6);
  write_paragraph (w, STYLE_BODY, _("Respondents could skip questions, so each chart gives its "
                                    "own base: how many it counts, and how many of them "
                                    "answered. Percentages are of the base the chart names."),
                   6);
  if (coding != NULL)
    write_paragraph (w, STYLE_BODY, _("Open answers were coded into themes. A theme counts "
                                      "each respondent who raised it once, and one answer can "
                                      "raise several themes, so themes do not add up to the "
                                      "number who answered."),
                     6);
  w->y += 10;

  write_heading (w, STYLE_SECTION, _("Protecting respondents"), 40, 4);
  if (w->k > 0)
    {
      g_autofree char *rule = g_strdup_printf (
        ngettext ("So that no respondent can be recognised, no number of fewer than %u "
                  "respondent is printed: a group, an answer or a total that small is shown as "
                  "“< %u” and drawn as a short hatched bar, not to scale. Where such a number "
                  "could be worked out by subtracting the others from a total, another number "
                  "is hidden as well, shown as “–”.",
                  "So that no respondent can be recognised, no number of fewer than %u "
                  "respondents is printed: a group, an answer or a total that small is shown as "
                  "“< %u” and drawn as a short hatched bar, not to scale. Where such a number "
                  "could be worked out by subtracting the others from a total, another number "
                  "is hidden as well, shown as “–”.", w->k),
        w->k, w->k);

      write_paragraph (w, STYLE_BODY, rule, 6);
      if (*small_groups != '\0')
        {
          g_autofree char *quotes = g_strdup_printf (
            _("Quotes are attributed by participant number and group. Quotes from respondents "
              "in a group of fewer than %u (%s) are attributed to “a participant”."),
            w->k, small_groups);

          write_paragraph (w, STYLE_BODY, quotes, 6);
        }
      if (w->options->fold_small_groups)
        {
          g_autofree char *fold = g_strdup_printf (
            _("In charts split by group, groups of fewer than %u respondents are combined as "
              "“Other”, together with the next smallest groups until “Other” has at least "
              "%u; each chart’s note names them."), w->k, w->k);

          write_paragraph (w, STYLE_BODY, fold, 6);
        }
    }
  else
    write_paragraph (w, STYLE_BODY, _("No disclosure control was applied: every number is "
                                      "exact, however few respondents it counts, and quotes "
                                      "name their author’s group. Do not share this pack "
                                      "beyond the research team."),
                     6);
  w->y += 10;

  write_heading (w, STYLE_SECTION, _("Sources"), 40, 4);
  {
    g_autofree char *responses_name = g_path_get_basename (fe_project_get_responses (w->project));
    g_autofree char *codebook_name = codebook != NULL ? g_path_get_basename (codebook) : NULL;
    g_autofree char *coding_name = coding != NULL ? g_path_get_basename (coding) : NULL;
    g_autoptr(GString) sources = g_string_new (NULL);

    g_string_append_printf (sources, _("Survey results: %s."), responses_name);
    if (codebook_name != NULL)
      {
        g_string_append_c (sources, ' ');
        g_string_append_printf (sources, _("Codebook: %s."), codebook_name);
      }
    if (coding_name != NULL)
      {
        g_string_append_c (sources, ' ');
        g_string_append_printf (sources, _("Coding of open answers: %s."), coding_name);
      }
    g_string_append_c (sources, ' ');
    g_string_append (sources, _("Charts and figures by Findings Explorer."));
    write_paragraph (w, STYLE_BODY, sources->str, 6);
  }
  end_page (w);
}

/* Writing */

static void
write_pack (Writer *w)
{
  w->page = 0;
  w->page_open = FALSE;
  write_title_page (w);
  for (guint i = 0; i < fe_project_get_n_views (w->project); i++)
    write_view (w, i, fe_project_get_view (w->project, i));
  write_methods (w);
}

static void
writer_set_context (Writer *w)
{
  g_clear_object (&w->layout);
  g_clear_object (&w->context);
  w->context = fe_chart_text_context_new (w->font_map, w->cr);
  w->layout = pango_layout_new (w->context);
}

static void
add_outline (Writer *w)
{
  for (guint i = 0; i < fe_project_get_n_views (w->project) && i < w->view_pages->len; i++)
    {
      const FeSavedView *view = fe_project_get_view (w->project, i);
      g_autofree char *title = dup_view_title (w, i, view);
      g_autofree char *link = g_strdup_printf ("page=%u", g_array_index (w->view_pages, guint,
                                                                         i));

      cairo_pdf_surface_add_outline (w->surface, CAIRO_PDF_OUTLINE_ROOT, title, link, 0);
    }
  {
    g_autofree char *link = g_strdup_printf ("page=%u", w->methods_page);

    cairo_pdf_surface_add_outline (w->surface, CAIRO_PDF_OUTLINE_ROOT, _("About these figures"),
                                   link, 0);
  }
}

static GBytes *
render (Writer  *w,
        GError **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_status_t status;

  /* First pass: count the pages, learn where each view and the note on method begin. */
  w->cr = NULL;
  w->n_pages = 0;
  writer_set_context (w);
  write_pack (w);

  w->n_pages = w->page;
  w->surface = cairo_pdf_surface_create_for_stream (fe_chart_append_bytes, bytes, PAGE_WIDTH,
                                                    PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (w->surface, CAIRO_PDF_METADATA_TITLE, w->title);
  cairo_pdf_surface_set_metadata (w->surface, CAIRO_PDF_METADATA_SUBJECT, _("Briefing pack"));
  cairo_pdf_surface_set_metadata (w->surface, CAIRO_PDF_METADATA_CREATOR, "Findings Explorer");
  w->cr = cairo_create (w->surface);
  writer_set_context (w);
  write_pack (w);
  add_outline (w);

  status = cairo_status (w->cr);
  cairo_destroy (w->cr);
  w->cr = NULL;
  cairo_surface_finish (w->surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (w->surface);
  cairo_surface_destroy (w->surface);
  w->surface = NULL;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, FE_BRIEF_ERROR, FE_BRIEF_ERROR_RENDER,
                   _("Could not draw the briefing pack: %s."), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* A view that asks for a pie chart or a "bogus" measure would otherwise be drawn as the
 * default chart, numbers the researcher never chose, in a pack that looks fine. */
static gboolean
check_views (FeProject  *project,
             GError    **error)
{
  const char *path = fe_project_get_path (project);
  g_autofree char *name = path != NULL ? g_path_get_basename (path) : g_strdup ("");

  for (guint i = 0; i < fe_project_get_n_views (project); i++)
    {
      const FeSavedView *view = fe_project_get_view (project, i);
      g_autofree char *group = view->group != NULL ? g_strdup (view->group)
                                                   : g_strdup_printf ("View %u", i + 1);
      FeChartKind kind;
      FeChartMeasure measure;
      FeChartSort sort;
      const char *key = NULL, *value = NULL;
      g_autofree char *choices = NULL;
      GType type = G_TYPE_INVALID;

      if (view->kind != NULL && !fe_chart_kind_from_string (view->kind, &kind))
        key = "kind", value = view->kind, type = FE_TYPE_CHART_KIND;
      else if (view->measure != NULL
               && !fe_chart_measure_from_string (view->measure, &measure))
        key = "measure", value = view->measure, type = FE_TYPE_CHART_MEASURE;
      else if (view->sort != NULL && !fe_chart_sort_from_string (view->sort, &sort))
        key = "sort", value = view->sort, type = FE_TYPE_CHART_SORT;
      if (key == NULL)
        continue;
      choices = fe_enum_dup_nicks (type);
      g_set_error (error, FE_BRIEF_ERROR, FE_BRIEF_ERROR_INVALID_VIEW,
                   /* Translators: project file, [View n], key, its value, the values allowed */
                   _("%s, [%s]: %s=%s is not something Findings Explorer can draw. Choose one "
                     "of %s, or remove the line to use the default."),
                   name, group, key, value, choices);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_brief (FeProject            *project,
             FeStudy              *study,
             const FeBriefOptions *options,
             const char           *path,
             GError              **error)
{
  Writer w = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok = FALSE;

  if (fe_project_get_n_views (project) == 0)
    {
      g_set_error (error, FE_BRIEF_ERROR, FE_BRIEF_ERROR_NO_VIEWS,
                   _("The project has no saved views: save the charts to brief on as views "
                     "first."));
      return FALSE;
    }
  if (!check_views (project, error))
    return FALSE;

  w.project = project;
  w.study = study;
  w.options = options;
  w.k = options->min_cell;
  /* The project's own translated titles (title[cy]) follow the pack's words; without a
   * catalogue, the reader's language. */
  w.lang = options->catalog != NULL ? fe_catalog_get_language (options->catalog)
                                    : fe_study_language_from_locale ();
  w.title = dup_title (&w);
  w.date = dup_date ();
  /* Pango's default font map is the calling thread's own: a pack can be written off the main
   * thread. */
  w.font_map = g_object_ref (pango_cairo_font_map_get_default ());
  w.view_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  w.starred_naming = fe_project_count_starred_naming (project, study, w.k);

  bytes = render (&w, error);
  if (bytes != NULL)
    {
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      ok = fe_file_replace_contents (path, data, length, &local_error);
      if (!ok)
        g_set_error (error, FE_BRIEF_ERROR, FE_BRIEF_ERROR_WRITE, _("Could not write %s: %s"),
                     path, local_error->message);
    }

  g_clear_object (&w.layout);
  g_clear_object (&w.context);
  g_clear_object (&w.font_map);
  g_clear_pointer (&w.view_pages, g_array_unref);
  g_clear_pointer (&w.starred_naming, g_hash_table_unref);
  g_free (w.title);
  g_free (w.date);
  return ok;
}

gboolean
fe_brief_write (FeProject            *project,
                FeStudy              *study,
                const FeBriefOptions *options,
                const char           *path,
                GError              **error)
{
  const FeBriefOptions defaults = { 0 };
  gboolean ok;

  g_return_val_if_fail (FE_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (FE_IS_STUDY (study), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  /* Every word of the pack, the core's and the codebook's labels included, in its language,
   * on this thread only: the study and the process are left as they are. */
  fe_catalog_push_thread_default (options->catalog);
  ok = write_brief (project, study, options, path, error);
  fe_catalog_pop_thread_default (options->catalog);
  return ok;
}
