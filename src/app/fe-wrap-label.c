/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-wrap-label.h"

struct _FeWrapLabel
{
  GtkWidget    parent_instance;

  char        *text;
  int          width_chars;
  /* The text laid out at the two widths asked for last, the latest first; or NULL. A window
   * measures its rows for its minimum size too, between a measure and a draw at their width. */
  PangoLayout *layouts[2];
  guint        n_laid_out;
};

G_DEFINE_FINAL_TYPE (FeWrapLabel, fe_wrap_label, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_TEXT,
  PROP_WIDTH_CHARS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
min_width (FeWrapLabel *self)
{
  PangoFontMetrics *metrics = pango_context_get_metrics (
    gtk_widget_get_pango_context (GTK_WIDGET (self)), NULL, NULL);
  /* As GtkLabel counts width-chars: the wider of a character and a digit. */
  int char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                        pango_font_metrics_get_approximate_digit_width (metrics));

  pango_font_metrics_unref (metrics);
  return PANGO_PIXELS_CEIL (char_width * self->width_chars);
}

static void
forget_layouts (FeWrapLabel *self)
{
  g_clear_object (&self->layouts[0]);
  g_clear_object (&self->layouts[1]);
}

/* The text laid out at @width pixels: laid out again only at a width not asked for lately. */
static PangoLayout *
layout_at (FeWrapLabel *self,
           int          width)
{
  PangoLayout *layout;

  if (self->layouts[1] != NULL && pango_layout_get_width (self->layouts[1]) == width * PANGO_SCALE)
    {
      layout = self->layouts[1];
      self->layouts[1] = self->layouts[0];
      self->layouts[0] = layout;
    }
  if (self->layouts[0] != NULL && pango_layout_get_width (self->layouts[0]) == width * PANGO_SCALE)
    return self->layouts[0];

  layout = self->layouts[1] != NULL ? g_steal_pointer (&self->layouts[1])
                                    : gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                                      ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  self->n_laid_out++;
  self->layouts[1] = self->layouts[0];
  self->layouts[0] = layout;
  return layout;
}

static GtkSizeRequestMode
fe_wrap_label_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
fe_wrap_label_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  FeWrapLabel *self = FE_WRAP_LABEL (widget);
  int width;
  int height;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = min_width (self);
      return;
    }
  if (self->text == NULL || *self->text == '\0')
    {
      *minimum = *natural = 0;
      return;
    }
  /* Measured for no width (a window measures all it holds so), it answers for the width it
   * has: a row a list binds again keeps its width, and its text is laid out once, not also at
   * a width it is never given. */
  if (for_size >= 0)
    width = for_size;
  else if (gtk_widget_get_width (widget) > 0)
    width = gtk_widget_get_width (widget);
  else
    width = min_width (self);
  pango_layout_get_pixel_size (layout_at (self, width), NULL, &height);
  *minimum = *natural = height;
}

static void
fe_wrap_label_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  FeWrapLabel *self = FE_WRAP_LABEL (widget);
  GdkRGBA color;

  if (self->text == NULL || *self->text == '\0')
    return;
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, &color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
#endif
  gtk_snapshot_append_layout (snapshot, layout_at (self, gtk_widget_get_width (widget)), &color);
}

/* The font or the direction may have changed with the style: laid out again, and measured
 * again by GTK. */
static void
fe_wrap_label_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (fe_wrap_label_parent_class)->css_changed (widget, change);
  forget_layouts (FE_WRAP_LABEL (widget));
}

static void
fe_wrap_label_direction_changed (GtkWidget        *widget,
                                 GtkTextDirection  previous)
{
  GTK_WIDGET_CLASS (fe_wrap_label_parent_class)->direction_changed (widget, previous);
  forget_layouts (FE_WRAP_LABEL (widget));
  gtk_widget_queue_draw (widget);
}

static void
fe_wrap_label_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FeWrapLabel *self = FE_WRAP_LABEL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, fe_wrap_label_get_text (self));
      break;
    case PROP_WIDTH_CHARS:
      g_value_set_int (value, self->width_chars);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fe_wrap_label_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FeWrapLabel *self = FE_WRAP_LABEL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      fe_wrap_label_set_text (self, g_value_get_string (value));
      break;
    case PROP_WIDTH_CHARS:
      self->width_chars = g_value_get_int (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fe_wrap_label_finalize (GObject *object)
{
  FeWrapLabel *self = FE_WRAP_LABEL (object);

  g_free (self->text);
  forget_layouts (self);
  G_OBJECT_CLASS (fe_wrap_label_parent_class)->finalize (object);
}

static void
fe_wrap_label_class_init (FeWrapLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = fe_wrap_label_finalize;
  object_class->get_property = fe_wrap_label_get_property;
  object_class->set_property = fe_wrap_label_set_property;
  widget_class->get_request_mode = fe_wrap_label_get_request_mode;
  widget_class->measure = fe_wrap_label_measure;
  widget_class->snapshot = fe_wrap_label_snapshot;
  widget_class->css_changed = fe_wrap_label_css_changed;
  widget_class->direction_changed = fe_wrap_label_direction_changed;
  /* Styled, and read by a screen reader, as a label is. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                               | G_PARAM_STATIC_STRINGS);
  properties[PROP_WIDTH_CHARS] = g_param_spec_int ("width-chars", NULL, NULL, 0, G_MAXINT, 20,
                                                   G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fe_wrap_label_init (FeWrapLabel *self)
{
  self->width_chars = 20;
}

GtkWidget *
fe_wrap_label_new (int width_chars)
{
  return g_object_new (FE_TYPE_WRAP_LABEL, "width-chars", width_chars, NULL);
}

void
fe_wrap_label_set_text (FeWrapLabel *self,
                        const char  *text)
{
  g_return_if_fail (FE_IS_WRAP_LABEL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  forget_layouts (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
fe_wrap_label_get_text (FeWrapLabel *self)
{
  g_return_val_if_fail (FE_IS_WRAP_LABEL (self), NULL);

  return self->text != NULL ? self->text : "";
}

guint
fe_wrap_label_get_n_laid_out (FeWrapLabel *self)
{
  g_return_val_if_fail (FE_IS_WRAP_LABEL (self), 0);

  return self->n_laid_out;
}
