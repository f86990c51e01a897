/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-grid-cell.h"

#include <string.h>

#include "fe-compat.h"

/* A text of the column as drawn: laid out, and its render node in the colour it was last drawn
 * in. Cells that show the same text append the same node, which GTK also finds unchanged
 * without comparing its glyphs. */
typedef struct
{
  PangoLayout   *layout;
  GskRenderNode *node;   /* or NULL: not drawn yet */
  GdkRGBA        color;
} SharedText;

static void
shared_text_free (SharedText *text)
{
  g_object_unref (text->layout);
  g_clear_pointer (&text->node, gsk_render_node_unref);
  g_free (text);
}

struct _FeGridCellLayouts
{
  GHashTable           *by_text;  /* text → SharedText */
  PangoFontDescription *font;     /* what they were laid out in */
  int                   width;
  GtkTextDirection      direction;
  /* The cells that drew nothing, their column being scrolled out of sight, and the frame clock
   * after whose layouts the column is looked for again while there are any. */
  GHashTable           *unseen;
  GdkFrameClock        *clock;
  gulong                layout_handler;
};

/* A column shows a few hundred distinct texts at most before it forgets them all. */
#define LAYOUTS_KEPT 512

FeGridCellLayouts *
fe_grid_cell_layouts_new (void)
{
  FeGridCellLayouts *layouts = g_rc_box_new0 (FeGridCellLayouts);

  layouts->by_text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) shared_text_free);
  layouts->unseen = g_hash_table_new (NULL, NULL);
  return layouts;
}

static void
stop_looking (FeGridCellLayouts *layouts)
{
  if (layouts->clock != NULL)
    g_signal_handler_disconnect (layouts->clock, layouts->layout_handler);
  layouts->layout_handler = 0;
  g_clear_object (&layouts->clock);
}

static void
layouts_clear (FeGridCellLayouts *layouts)
{
  stop_looking (layouts);
  g_hash_table_unref (layouts->unseen);
  g_hash_table_unref (layouts->by_text);
  g_clear_pointer (&layouts->font, pango_font_description_free);
}

void
fe_grid_cell_layouts_unref (FeGridCellLayouts *layouts)
{
  g_rc_box_release_full (layouts, (GDestroyNotify) layouts_clear);
}

struct _FeGridCell
{
  GtkWidget          parent_instance;

  char              *text;
  int                width_chars;
  PangoLayout       *layout;   /* its own: the text laid out at the width drawn last, or NULL */
  FeGridCellLayouts *layouts;  /* those of the cell's column */
  gboolean           at_end;   /* the text at the end of the line, not its start */
  gboolean           unseen;   /* drew nothing, being out of sight (in layouts->unseen) */
};

G_DEFINE_FINAL_TYPE (FeGridCell, fe_grid_cell, GTK_TYPE_WIDGET)

/* A grid is often wider than its window (the Respondents grid shows about a third of its
 * columns 1400 pixels wide); GTK 4.8 draws every cell of the rows on screen, those scrolled out
 * of sight sideways too, and a filter click gives them all new texts. The cells of a column
 * scrolled out of sight draw nothing, and are drawn when a layout (a scroll, a resize, a column
 * moved) brings the column back into sight. */
static gboolean
out_of_sight (GtkWidget *cell)
{
  GtkWidget *window = gtk_widget_get_ancestor (cell, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (window == NULL || !gtk_widget_compute_bounds (cell, window, &bounds))
    return FALSE;
  return bounds.origin.x + bounds.size.width <= 0
         || bounds.origin.x >= gtk_widget_get_width (window);
}

static void
forget_unseen (FeGridCell *self)
{
  if (!self->unseen)
    return;
  self->unseen = FALSE;
  g_hash_table_remove (self->layouts->unseen, self);
  if (g_hash_table_size (self->layouts->unseen) == 0)
    stop_looking (self->layouts);
}

/* The cells of one column lie side by side with each other in every row: one of them tells
 * whether the column came back into sight. */
static void
look_for_unseen (GdkFrameClock     *clock,
                 FeGridCellLayouts *layouts)
{
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, layouts->unseen);
  if (!g_hash_table_iter_next (&iter, &cell, NULL) || out_of_sight (cell))
    return;
  g_hash_table_iter_init (&iter, layouts->unseen);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    {
      FE_GRID_CELL (cell)->unseen = FALSE;
      gtk_widget_queue_draw (cell);
    }
  g_hash_table_remove_all (layouts->unseen);
  stop_looking (layouts);
}

static void
remember_unseen (FeGridCell *self)
{
  FeGridCellLayouts *layouts = self->layouts;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->unseen || clock == NULL)
    return;
  self->unseen = TRUE;
  g_hash_table_add (layouts->unseen, self);
  if (layouts->clock != NULL && layouts->clock != clock)
    stop_looking (layouts);
  if (layouts->clock == NULL)
    {
      layouts->clock = g_object_ref (clock);
      /* After GTK's own handler: the cells are where this layout put them. */
      layouts->layout_handler = g_signal_connect (clock, "layout",
                                                  G_CALLBACK (look_for_unseen), layouts);
    }
}

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
  PangoFontMetrics *metrics;
  int ascent, descent;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = fe_compat_chars_width (widget, self->width_chars);
      return;
    }
  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (widget), NULL, NULL);
  ascent = pango_font_metrics_get_ascent (metrics);
  descent = pango_font_metrics_get_descent (metrics);
  *minimum = *natural = PANGO_PIXELS_CEIL (ascent + descent);
  *minimum_baseline = *natural_baseline = PANGO_PIXELS_CEIL (ascent);
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

static PangoLayout *
new_layout (FeGridCell *self,
            int         width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);

  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_alignment (layout,
                              (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
                              != self->at_end ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  return layout;
}

/* The text as laid out by any cell of the column in the same font, width and direction: a filter
 * click renews three hundred cells, most of them answers the column has shown already. */
static SharedText *
shared_text (FeGridCell *self,
             int         width)
{
  FeGridCellLayouts *layouts = self->layouts;
  const PangoFontDescription *font =
    pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  GtkTextDirection direction = gtk_widget_get_direction (GTK_WIDGET (self));
  SharedText *text;

  if (layouts->font == NULL || !pango_font_description_equal (layouts->font, font)
      || layouts->width != width || layouts->direction != direction
      || g_hash_table_size (layouts->by_text) >= LAYOUTS_KEPT)
    {
      g_hash_table_remove_all (layouts->by_text);
      g_clear_pointer (&layouts->font, pango_font_description_free);
      layouts->font = pango_font_description_copy (font);
      layouts->width = width;
      layouts->direction = direction;
    }
  text = g_hash_table_lookup (layouts->by_text, self->text);
  if (text == NULL)
    {
      text = g_new0 (SharedText, 1);
      text->layout = new_layout (self, width);
      g_hash_table_insert (layouts->by_text, g_strdup (self->text), text);
    }
  return text;
}

static void
fe_grid_cell_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  FeGridCell *self = FE_GRID_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  SharedText *shared = NULL;
  PangoLayout *layout;
  GdkRGBA color;
  int text_height;

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;
  if (self->layouts != NULL)
    {
      if (out_of_sight (widget))
        {
          remember_unseen (self);
          return;
        }
      forget_unseen (self);
      shared = shared_text (self, width);
      layout = shared->layout;
    }
  else
    {
      if (self->layout == NULL)
        self->layout = new_layout (self, width);
      layout = self->layout;
    }
  fe_compat_get_color (widget, &color);
  pango_layout_get_pixel_size (layout, NULL, &text_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (height - text_height) / 2.0f));
  if (shared != NULL)
    {
      if (shared->node == NULL || !gdk_rgba_equal (&shared->color, &color))
        {
          GtkSnapshot *text = gtk_snapshot_new ();

          gtk_snapshot_append_layout (text, layout, &color);
          g_clear_pointer (&shared->node, gsk_render_node_unref);
          shared->node = gtk_snapshot_free_to_node (text);
          shared->color = color;
        }
      if (shared->node != NULL)
        gtk_snapshot_append_node (snapshot, shared->node);
    }
  else
    gtk_snapshot_append_layout (snapshot, layout, &color);
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

/* An unmapped cell is not looked for; mapped again, it is drawn again, in sight or not. */
static void
fe_grid_cell_unmap (GtkWidget *widget)
{
  FeGridCell *self = FE_GRID_CELL (widget);

  if (self->unseen)
    {
      forget_unseen (self);
      gtk_widget_queue_draw (widget);
    }
  GTK_WIDGET_CLASS (fe_grid_cell_parent_class)->unmap (widget);
}

static void
fe_grid_cell_dispose (GObject *object)
{
  forget_unseen (FE_GRID_CELL (object));
  G_OBJECT_CLASS (fe_grid_cell_parent_class)->dispose (object);
}

static void
fe_grid_cell_finalize (GObject *object)
{
  FeGridCell *self = FE_GRID_CELL (object);

  g_free (self->text);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->layouts, fe_grid_cell_layouts_unref);
  G_OBJECT_CLASS (fe_grid_cell_parent_class)->finalize (object);
}

static void
fe_grid_cell_class_init (FeGridCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fe_grid_cell_dispose;
  object_class->finalize = fe_grid_cell_finalize;
  widget_class->measure = fe_grid_cell_measure;
  widget_class->size_allocate = fe_grid_cell_size_allocate;
  widget_class->snapshot = fe_grid_cell_snapshot;
  widget_class->unmap = fe_grid_cell_unmap;
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
fe_grid_cell_new (int                width_chars,
                  FeGridCellLayouts *layouts)
{
  FeGridCell *self = g_object_new (FE_TYPE_GRID_CELL, NULL);

  self->width_chars = width_chars;
  self->layouts = layouts != NULL ? g_rc_box_acquire (layouts) : NULL;
  return GTK_WIDGET (self);
}

GtkWidget *
fe_grid_cell_new_count (guint most)
{
  g_autofree char *widest = g_strdup_printf ("%u", most);
  GtkWidget *cell = fe_grid_cell_new ((int) strlen (widest), NULL);

  fe_grid_cell_set_at_end (FE_GRID_CELL (cell), TRUE);
  gtk_widget_add_css_class (cell, "dim-label");
  gtk_widget_add_css_class (cell, "numeric");
  return cell;
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

void
fe_grid_cell_set_at_end (FeGridCell *self,
                         gboolean    at_end)
{
  g_return_if_fail (FE_IS_GRID_CELL (self));
  g_return_if_fail (self->layouts == NULL);

  self->at_end = !!at_end;
  g_clear_object (&self->layout);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
fe_grid_cell_get_text (FeGridCell *self)
{
  g_return_val_if_fail (FE_IS_GRID_CELL (self), NULL);
  return self->text != NULL ? self->text : "";
}
