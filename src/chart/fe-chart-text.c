/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-chart-text.h"

#include <string.h>

#define ELLIPSIS "…"

struct _FeChartText
{
  PangoFontMap         *font_map;
  PangoContext         *context;
  PangoLayout          *layout;
  char                 *family;
  double                scale;
  PangoFontDescription *fonts[FE_CHART_N_FONTS];
  double                line_heights[FE_CHART_N_FONTS];
  double                baselines[FE_CHART_N_FONTS];
};

/* Sizes in layout units (device-independent pixels) at text scale 1: a title that reads
 * across a room, labels at the size of GNOME's body text. */
static const double font_sizes[FE_CHART_N_FONTS] = {
  [FE_CHART_FONT_TITLE] = 19,
  [FE_CHART_FONT_LONG_TITLE] = 15.5,
  [FE_CHART_FONT_SUBTITLE] = 14,
  [FE_CHART_FONT_META] = 12.5,
  [FE_CHART_FONT_LABEL] = 13,
  [FE_CHART_FONT_VALUE] = 12,
  [FE_CHART_FONT_LEGEND] = 12.5,
  [FE_CHART_FONT_NOTE] = 11.5,
  [FE_CHART_FONT_SMALL] = 9.5,
};

/* ---- What was measured, kept with the font map ---------------------------------------------
 *
 * A chart is laid out again at each filter click and at each change of its size, with the same
 * labels in the same fonts: Pango laid every one of them out again, most of a layout's time.
 * What a font map measured is kept on it, keyed by everything the measure depends on: the font
 * (family, role, scale), the text and the space given; the font map's serial, which moves when
 * its fonts change, is part of the key. */

#define MAX_KEPT 4096

static GMutex kept_lock;
static guint n_laid_out;

static void
append_field (GString    *key,
              const char *field)
{
  field = field != NULL ? field : "";
  /* Each field prefixed with its length: no two keys of different fields can read alike. */
  g_string_append_printf (key, "%zu:%s", strlen (field), field);
}

/* The key of a measure (@kind) of @string in @font of @text's family and scale. */
static GString *
kept_key (FeChartText *text,
          char         kind,
          FeChartFont  font,
          const char  *string)
{
  GString *key = g_string_new (NULL);

  g_string_append_printf (key, "%c%u|%d|%.17g|", kind, pango_font_map_get_serial (text->font_map),
                          (int) font, text->scale);
  append_field (key, text->family);
  append_field (key, string);
  return key;
}

typedef struct
{
  GHashTable *values;  /* key → a copy of the bytes measured */
  GHashTable *lines;   /* key → FeChartLines *, or NULL when nothing fits */
} Kept;

static void
kept_free (Kept *kept)
{
  g_hash_table_unref (kept->values);
  g_hash_table_unref (kept->lines);
  g_free (kept);
}

static Kept *
get_kept (FeChartText *text)
{
  static GQuark quark;
  Kept *kept;

  if (quark == 0)
    quark = g_quark_from_static_string ("fe-chart-text-kept");
  kept = g_object_get_qdata (G_OBJECT (text->font_map), quark);
  if (kept == NULL)
    {
      kept = g_new0 (Kept, 1);
      kept->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      kept->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) fe_chart_lines_free);
      g_object_set_qdata_full (G_OBJECT (text->font_map), quark, kept,
                               (GDestroyNotify) kept_free);
    }
  return kept;
}

/* Copies the @size bytes kept under @key into @value; FALSE when none are. */
static gboolean
recall (FeChartText *text,
        GString     *key,
        gpointer     value,
        gsize        size)
{
  gpointer found;

  g_mutex_lock (&kept_lock);
  found = g_hash_table_lookup (get_kept (text)->values, key->str);
  if (found != NULL)
    memcpy (value, found, size);
  g_mutex_unlock (&kept_lock);
  return found != NULL;
}

/* Keeps @value under @key in @table, which forgets all it kept when full. Under kept_lock. */
static void
keep_in (GHashTable *table,
         GString    *key,
         gpointer    value)
{
  if (g_hash_table_size (table) >= MAX_KEPT)
    g_hash_table_remove_all (table);
  g_hash_table_insert (table, g_strndup (key->str, key->len), value);
}

static void
remember (FeChartText   *text,
          GString       *key,
          gconstpointer  value,
          gsize          size)
{
  g_mutex_lock (&kept_lock);
  keep_in (get_kept (text)->values, key, g_memdup2 (value, size));
  g_mutex_unlock (&kept_lock);
}

static FeChartLines *
copy_lines (const FeChartLines *lines)
{
  FeChartLines *copy;

  if (lines == NULL)
    return NULL;
  copy = g_memdup2 (lines, sizeof *lines);
  copy->lines = g_strdupv (lines->lines);
  copy->widths = g_memdup2 (lines->widths, sizeof (double) * lines->n_lines);
  return copy;
}

/* A copy of the lines kept under @key into @lines (NULL: nothing fitted); FALSE when none are. */
static gboolean
recall_lines (FeChartText   *text,
              GString       *key,
              FeChartLines **lines)
{
  gpointer found = NULL;
  gboolean kept;

  g_mutex_lock (&kept_lock);
  kept = g_hash_table_lookup_extended (get_kept (text)->lines, key->str, NULL, &found);
  if (kept)
    *lines = copy_lines (found);
  g_mutex_unlock (&kept_lock);
  return kept;
}

static void
remember_lines (FeChartText        *text,
                GString            *key,
                const FeChartLines *lines)
{
  g_mutex_lock (&kept_lock);
  keep_in (get_kept (text)->lines, key, copy_lines (lines));
  g_mutex_unlock (&kept_lock);
}

guint
fe_chart_text_get_n_laid_out (void)
{
  return (guint) g_atomic_int_get (&n_laid_out);
}

double
fe_chart_font_get_size (FeChartFont font,
                        double      scale)
{
  g_return_val_if_fail (font < FE_CHART_N_FONTS, 12);

  return font_sizes[font] * scale;
}

gboolean
fe_chart_font_is_bold (FeChartFont font)
{
  return font == FE_CHART_FONT_TITLE || font == FE_CHART_FONT_LONG_TITLE;
}

PangoFontDescription *
fe_chart_font_new (const char  *family,
                   FeChartFont  font,
                   double       scale)
{
  PangoFontDescription *description = pango_font_description_new ();

  pango_font_description_set_family (description, family);
  pango_font_description_set_weight (description, fe_chart_font_is_bold (font)
                                                  ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size (description,
                                            fe_chart_font_get_size (font, scale) * PANGO_SCALE);
  return description;
}

PangoContext *
fe_chart_text_context_new (PangoFontMap *font_map,
                           cairo_t      *cr)
{
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Hinted metrics snap advances to whole device pixels, so text would be wider or narrower
   * at each device scale than where the layout measured it. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_base_dir (context, PANGO_DIRECTION_LTR);
  if (cr != NULL)
    pango_cairo_update_context (cr, context);
  return context;
}

FeChartText *
fe_chart_text_new (PangoFontMap *font_map,
                   const char   *family)
{
  FeChartText *text = g_new0 (FeChartText, 1);

  text->font_map = g_object_ref (font_map);
  text->context = fe_chart_text_context_new (font_map, NULL);
  text->layout = pango_layout_new (text->context);
  text->family = g_strdup (family);
  fe_chart_text_set_scale (text, 1.0);
  return text;
}

void
fe_chart_text_free (FeChartText *text)
{
  if (text == NULL)
    return;
  for (guint i = 0; i < FE_CHART_N_FONTS; i++)
    g_clear_pointer (&text->fonts[i], pango_font_description_free);
  g_object_unref (text->layout);
  g_object_unref (text->context);
  g_object_unref (text->font_map);
  g_free (text->family);
  g_free (text);
}

void
fe_chart_text_set_scale (FeChartText *text,
                         double       scale)
{
  text->scale = scale;
  for (guint i = 0; i < FE_CHART_N_FONTS; i++)
    {
      g_autoptr(GString) key = NULL;
      double metrics[2];

      g_clear_pointer (&text->fonts[i], pango_font_description_free);
      text->fonts[i] = fe_chart_font_new (text->family, i, scale);
      key = kept_key (text, 'm', i, NULL);
      if (!recall (text, key, metrics, sizeof metrics))
        {
          PangoRectangle logical;

          pango_layout_set_font_description (text->layout, text->fonts[i]);
          pango_layout_set_width (text->layout, -1);
          pango_layout_set_text (text->layout, "Ag", -1);
          g_atomic_int_inc (&n_laid_out);
          pango_layout_get_extents (text->layout, NULL, &logical);
          metrics[0] = logical.height / (double) PANGO_SCALE;
          metrics[1] = pango_layout_get_baseline (text->layout) / (double) PANGO_SCALE;
          remember (text, key, metrics, sizeof metrics);
        }
      text->line_heights[i] = metrics[0];
      text->baselines[i] = metrics[1];
    }
}

double
fe_chart_text_get_scale (FeChartText *text)
{
  return text->scale;
}

const char *
fe_chart_text_get_family (FeChartText *text)
{
  return text->family;
}

PangoFontMap *
fe_chart_text_get_font_map (FeChartText *text)
{
  return text->font_map;
}

double
fe_chart_text_line_height (FeChartText *text,
                           FeChartFont  font)
{
  return text->line_heights[font];
}

double
fe_chart_text_measure (FeChartText *text,
                       FeChartFont  font,
                       const char  *string)
{
  g_autoptr(GString) key = kept_key (text, 'w', font, string);
  PangoRectangle logical;
  double width;

  if (recall (text, key, &width, sizeof width))
    return width;
  pango_layout_set_font_description (text->layout, text->fonts[font]);
  pango_layout_set_width (text->layout, -1);
  pango_layout_set_text (text->layout, string, -1);
  g_atomic_int_inc (&n_laid_out);
  pango_layout_get_extents (text->layout, NULL, &logical);
  width = logical.width / (double) PANGO_SCALE;
  remember (text, key, &width, sizeof width);
  return width;
}

void
fe_chart_lines_free (FeChartLines *lines)
{
  if (lines == NULL)
    return;
  g_strfreev (lines->lines);
  g_free (lines->widths);
  g_free (lines);
}

/* One line of text: tabs and line breaks in a label would otherwise break the layout. */
static char *
normalise (const char *string)
{
  char *copy = g_strdup (string != NULL ? string : "");

  for (char *p = copy; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return g_strstrip (copy);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c);
}

/* Breaks @string at @max_width, between words when every word fits and inside the longest
 * words (with a hyphen) only when one does not; fills @lines (char*) and @starts (byte
 * offsets). */
static void
wrap (FeChartText *text,
      FeChartFont  font,
      const char  *string,
      double       max_width,
      GPtrArray   *lines,
      GArray      *starts)
{
  PangoRectangle logical;

  pango_layout_set_font_description (text->layout, text->fonts[font]);
  pango_layout_set_width (text->layout, (int) (max_width * PANGO_SCALE));
  pango_layout_set_wrap (text->layout, PANGO_WRAP_WORD);
  pango_layout_set_text (text->layout, string, -1);
  g_atomic_int_inc (&n_laid_out);
  pango_layout_get_extents (text->layout, NULL, &logical);
  if (logical.width > max_width * PANGO_SCALE)
    pango_layout_set_wrap (text->layout, PANGO_WRAP_WORD_CHAR);

  for (GSList *l = pango_layout_get_lines_readonly (text->layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      const char *end = string + line->start_index + line->length;
      char *piece = g_strndup (string + line->start_index, (gsize) line->length);

      /* A word broken in two gets its hyphen, as Pango itself would draw it. */
      if (l->next != NULL && line->length > 0 && *end != '\0'
          && is_word_char (g_utf8_get_char (g_utf8_prev_char (end)))
          && is_word_char (g_utf8_get_char (end)))
        {
          char *hyphenated = g_strconcat (piece, "-", NULL);

          g_free (piece);
          piece = hyphenated;
        }
      g_ptr_array_add (lines, g_strstrip (piece));
      if (starts != NULL)
        g_array_append_val (starts, line->start_index);
    }
}

/* The longest start of @rest followed by an ellipsis and @suffix that fits, or NULL. */
static char *
ellipsize (FeChartText *text,
           FeChartFont  font,
           const char  *rest,
           const char  *suffix,
           double       max_width,
           gboolean    *suffix_lost)
{
  glong n_chars = g_utf8_strlen (rest, -1);
  glong low = 0, high = n_chars - 1;
  char *best = NULL;

  while (low <= high)
    {
      glong middle = (low + high) / 2;
      const char *end = g_utf8_offset_to_pointer (rest, middle);
      g_autofree char *prefix = g_strndup (rest, (gsize) (end - rest));
      char *candidate = g_strconcat (g_strchomp (prefix), ELLIPSIS, suffix, NULL);

      if (fe_chart_text_measure (text, font, candidate) <= max_width)
        {
          g_free (best);
          best = candidate;
          low = middle + 1;
        }
      else
        {
          g_free (candidate);
          high = middle - 1;
        }
    }

  if (best == NULL && *suffix != '\0')
    {
      /* Not even "… (n = 12)": give up the suffix before the name. */
      g_autofree char *whole = g_strconcat (rest, suffix, NULL);

      *suffix_lost = TRUE;
      return ellipsize (text, font, whole, "", max_width, suffix_lost);
    }
  return best;
}

/* Cuts @body (in place) after as many characters as @max_lines lines of @max_width could ever
 * show, so that the work of breaking and ellipsizing is bounded by the space, not by the text:
 * Pango breaks a 100,000-character word in time quadratic in its length. TRUE when it cut. */
static gboolean
bound_text (FeChartText *text,
            FeChartFont  font,
            char        *body,
            double       max_width,
            guint        max_lines)
{
  /* No glyph of a chart font is narrower than an eighth of the line height (a thin space or an
   * "i" is a quarter of an em or more); zero-width characters only end up cut a little early. */
  double narrowest = MAX (text->line_heights[font] / 8, 0.01);
  double per_line = MIN (max_width / narrowest + 1, (double) G_MAXINT32);
  guint64 limit = (guint64) MIN (per_line * max_lines + 16, (double) G_MAXINT32);
  char *p = body;

  for (guint64 n = 0; *p != '\0'; n++, p = g_utf8_next_char (p))
    if (n == limit)
      {
        *p = '\0';
        return TRUE;
      }
  return FALSE;
}

static FeChartLines *
fit_lines (FeChartText *text,
           FeChartFont  font,
           const char  *string,
           const char  *suffix,
           double       max_width,
           guint        max_lines)
{
  g_autofree char *body = normalise (string);
  g_autofree char *whole = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (int));
  FeChartLines *result;
  gboolean cut = FALSE;
  gboolean suffix_lost = FALSE;
  gboolean bounded;
  guint keep;

  if (suffix == NULL)
    suffix = "";
  if (max_lines == 0 || max_width < 1)
    return NULL;
  bounded = bound_text (text, font, body, max_width, max_lines);
  whole = g_strconcat (body, suffix, NULL);
  if (*whole == '\0')
    return NULL;

  wrap (text, font, whole, max_width, lines, NULL);
  if (lines->len > max_lines || bounded)
    {
      char *last;

      g_ptr_array_set_size (lines, 0);
      wrap (text, font, body, max_width, lines, starts);
      /* The suffix goes at the end of the last line that is kept, with as much of the body
       * before it as fits. */
      keep = MIN (lines->len, max_lines) - 1;
      g_ptr_array_set_size (lines, keep);
      last = ellipsize (text, font, body + g_array_index (starts, int, keep), suffix, max_width,
                        &suffix_lost);
      if (last == NULL)
        return NULL;
      g_ptr_array_add (lines, last);
      cut = TRUE;
    }

  result = g_new0 (FeChartLines, 1);
  result->widths = g_new0 (double, lines->len);
  for (guint i = 0; i < lines->len; i++)
    {
      char **line = (char **) &g_ptr_array_index (lines, i);

      result->widths[i] = fe_chart_text_measure (text, font, *line);
      /* A single glyph wider than the space: Pango lets it overflow, the chart must not. */
      if (result->widths[i] > max_width)
        {
          char *shorter = ellipsize (text, font, *line, "", max_width, &suffix_lost);

          g_free (*line);
          *line = shorter != NULL ? shorter : g_strdup ("");
          result->widths[i] = fe_chart_text_measure (text, font, *line);
          cut = TRUE;
        }
      result->width = MAX (result->width, result->widths[i]);
    }
  g_ptr_array_add (lines, NULL);
  result->n_lines = lines->len - 1;
  result->lines = (char **) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
  result->line_height = text->line_heights[font];
  result->baseline = text->baselines[font];
  result->cut = cut;
  {
    g_autofree char *kept = g_strchug (g_strdup (suffix));

    result->suffix_lost = suffix_lost || (*kept != '\0' && (result->n_lines == 0
                          || !g_str_has_suffix (result->lines[result->n_lines - 1], kept)));
  }
  return result;
}

FeChartLines *
fe_chart_text_fit (FeChartText *text,
                   FeChartFont  font,
                   const char  *string,
                   const char  *suffix,
                   double       max_width,
                   guint        max_lines)
{
  g_autoptr(GString) key = kept_key (text, 'f', font, string);
  FeChartLines *lines;

  append_field (key, suffix);
  g_string_append_printf (key, "%.17g|%u", max_width, max_lines);
  if (recall_lines (text, key, &lines))
    return lines;
  lines = fit_lines (text, font, string, suffix, max_width, max_lines);
  remember_lines (text, key, lines);
  return lines;
}
