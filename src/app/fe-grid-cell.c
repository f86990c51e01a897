/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-grid-cell.h"

struct _FeGridCell
{
  GtkWidget    parent_instance;

  char        *text;
  int          width_chars;
  PangoLayout *layout;  /* the text laid out at the width drawn last, or NULL */
};

G_DEFINE_FINAL_TYPE (FeGridCell, fe_grid_cell, GTK_TYPE_WIDGET)

static void
fe_grid_cell_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  FeGridCell *self = FE_GRID_CELL (widget);
  PangoFontMetrics *metrics = pango_context_get_metrics (gtk_widget_get_pango_context (widget),
                                                         NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* As GtkLabel counts width-chars: the wider of a character and a digit. */
      int char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                            pango_font_metrics_get_approximate_digit_width (metrics));

      *minimum = *natural = PANGO_PIXELS_CEIL (char_width * self->width_chars);
    }
  else
    {
      int ascent = pango_font_metrics_get_ascent (metrics);
      int descent = pango_font_metrics_get_descent (metrics);

      *minimum = *natural = PANGO_PIXELS_CEIL (ascent + descent);
      *minimum_baseline = *natural_baseline = PANGO_PIXELS_CEIL (ascent);
    }
  pango_font_metrics_unref (metrics);
}

static void
fe_grid_cell_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  FeGridCell *self = FE_GRID_CELL (widget);

  if (self->layout != NULL && pango_layout_get_width (self->layout) != width * PANGO_SCALE)
    g_clear_object (&self->layout);
}

static void
fe_grid_cell_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  FeGridCell *self = FE_GRID_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA color;
  int text_height;

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (widget, self->text);
      pango_layout_set_width (self->layout, width * PANGO_SCALE);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      pango_layout_set_alignment (self->layout,
                                  gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
                                  ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    }
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, &color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
#endif
  pango_layout_get_pixel_size (self->layout, NULL, &text_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (height - text_height) / 2.0f));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
fe_grid_cell_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (fe_grid_cell_parent_class)->css_changed (widget, change);
  /* The font may have changed with the style: laid out again, and measured again by GTK. */
  g_clear_object (&FE_GRID_CELL (widget)->layout);
}

static void
fe_grid_cell_finalize (GObject *object)
{
  FeGridCell *self = FE_GRID_CELL (object);

  g_free (self->text);
  g_clear_object (&self->layout);
  G_OBJECT_CLASS (fe_grid_cell_parent_class)->finalize (object);
}

static void
fe_grid_cell_class_init (FeGridCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = fe_grid_cell_finalize;
  widget_class->measure = fe_grid_cell_measure;
  widget_class->size_allocate = fe_grid_cell_size_allocate;
  widget_class->snapshot = fe_grid_cell_snapshot;
  widget_class->css_changed = fe_grid_cell_css_changed;
  /* Styled as the labels of a table's cells are. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
fe_grid_cell_init (FeGridCell *self)
{
}

GtkWidget *
fe_grid_cell_new (int width_chars)
{
  FeGridCell *self = g_object_new (FE_TYPE_GRID_CELL, NULL);

  self->width_chars = width_chars;
  return GTK_WIDGET (self);
}

void
fe_grid_cell_set_text (FeGridCell *self,
                       const char *text)
{
  g_return_if_fail (FE_IS_GRID_CELL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_object (&self->layout);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
  /* Its size is its font's, never its text's: drawn again, not measured again. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
fe_grid_cell_get_text (FeGridCell *self)
{
  g_return_val_if_fail (FE_IS_GRID_CELL (self), NULL);
  return self->text != NULL ? self->text : "";
}
