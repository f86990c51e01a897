/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-wrap-label.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fe-compat.h"

struct _FeWrapLabel
{
  GtkWidget    parent_instance;

  char          *text;
  PangoAttrList *attributes;  /* of a text given as markup, or NULL */
  int            width_chars;
  /* The text laid out at the two widths asked for last, the latest first; or NULL. A window
   * measures its rows for its minimum size too, between a measure and a draw at their width. */
  PangoLayout *layouts[2];
  guint        n_laid_out;

  gboolean     selectable;
  /* The selection, byte indices into the text: from where it was begun to where it was taken;
   * none while the anchor is -1 or both are one. */
  int          anchor;
  int          cursor;
  GtkWidget   *menu;          /* its context menu while it has been opened, or NULL */
};

G_DEFINE_FINAL_TYPE (FeWrapLabel, fe_wrap_label, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_TEXT,
  PROP_WIDTH_CHARS,
  PROP_SELECTABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  COPY_CLIPBOARD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
min_width (FeWrapLabel *self)
{
  return fe_compat_chars_width (GTK_WIDGET (self), self->width_chars);
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

  if (self->layouts[1] != NULL)
    layout = g_steal_pointer (&self->layouts[1]);
  else
    {
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
      pango_layout_set_attributes (layout, self->attributes);
    }
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout,
                              gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
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

static gboolean
has_selection (FeWrapLabel *self)
{
  return self->anchor >= 0 && self->anchor != self->cursor;
}

/* The selection's bytes, first to last; FALSE when nothing is selected. */
static gboolean
selected_bytes (FeWrapLabel *self,
                int         *start,
                int         *end)
{
  if (!has_selection (self))
    return FALSE;
  *start = MIN (self->anchor, self->cursor);
  *end = MAX (self->anchor, self->cursor);
  return TRUE;
}

static void
fe_wrap_label_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  FeWrapLabel *self = FE_WRAP_LABEL (widget);
  PangoLayout *layout;
  GdkRGBA color;
  int range[2];

  if (self->text == NULL || *self->text == '\0')
    return;
  fe_compat_get_color (widget, &color);
  layout = layout_at (self, gtk_widget_get_width (widget));
  if (selected_bytes (self, &range[0], &range[1]))
    {
      cairo_region_t *region = gdk_pango_layout_get_clip_region (layout, 0, 0, range, 1);
      GdkRGBA highlight;

      /* The accent, a shade that the text stays readable on in both styles, as GTK's labels
       * show a selection; the text's own colour where a theme has no accent. */
      if (!fe_compat_lookup_accent (widget, &highlight))
        highlight = color;
      highlight.alpha = 0.3f;
      for (int i = 0; i < cairo_region_num_rectangles (region); i++)
        {
          cairo_rectangle_int_t box;

          cairo_region_get_rectangle (region, i, &box);
          gtk_snapshot_append_color (snapshot, &highlight,
                                     &GRAPHENE_RECT_INIT (box.x, box.y, box.width, box.height));
        }
      cairo_region_destroy (region);
    }
  gtk_snapshot_append_layout (snapshot, layout, &color);
}

static void
select_bytes (FeWrapLabel *self,
              int          anchor,
              int          cursor)
{
  if (self->anchor == anchor && self->cursor == cursor)
    return;
  self->anchor = anchor;
  self->cursor = cursor;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static int
text_length (FeWrapLabel *self)
{
  return self->text != NULL ? (int) strlen (self->text) : 0;
}

/* The byte index of the character boundary nearest to @x, @y. */
static int
index_at (FeWrapLabel *self,
          double       x,
          double       y)
{
  PangoLayout *layout;
  int index, trailing;

  if (self->text == NULL || *self->text == '\0')
    return 0;
  layout = layout_at (self, gtk_widget_get_width (GTK_WIDGET (self)));
  pango_layout_xy_to_index (layout, (int) (x * PANGO_SCALE), (int) (y * PANGO_SCALE), &index,
                            &trailing);
  return (int) (g_utf8_offset_to_pointer (self->text + index, trailing) - self->text);
}

/* The word around @index, as a double click takes it. */
static void
select_word_at (FeWrapLabel *self,
                int          index)
{
  PangoLayout *layout = layout_at (self, gtk_widget_get_width (GTK_WIDGET (self)));
  const PangoLogAttr *attrs;
  int n_attrs;
  int offset = (int) g_utf8_pointer_to_offset (self->text, self->text + index);
  int start = offset, end = offset;

  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  while (start > 0 && !attrs[start].is_word_start)
    start--;
  while (end < n_attrs - 1 && !attrs[end].is_word_end)
    end++;
  select_bytes (self, (int) (g_utf8_offset_to_pointer (self->text, start) - self->text),
                (int) (g_utf8_offset_to_pointer (self->text, end) - self->text));
}

static void
popup_menu (FeWrapLabel *self,
            double       x,
            double       y)
{
  if (self->menu == NULL)
    {
      g_autoptr(GMenu) model = g_menu_new ();

      g_menu_append (model, _("_Copy"), "clipboard.copy");
      g_menu_append (model, _("Select _All"), "selection.select-all");
      self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (model));
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clipboard.copy", has_selection (self));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            FeWrapLabel     *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state;
  int index;

  if (!self->selectable)
    return;
  if (button == GDK_BUTTON_SECONDARY)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      popup_menu (self, x, y);
      return;
    }
  if (button != GDK_BUTTON_PRIMARY)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  index = index_at (self, x, y);
  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  if (n_press >= 3)
    select_bytes (self, 0, text_length (self));
  else if (n_press == 2)
    select_word_at (self, index);
  else if ((state & GDK_SHIFT_MASK) && self->anchor >= 0)
    select_bytes (self, self->anchor, index);
  else
    select_bytes (self, index, index);
}

/* A press in selectable text is the text's, as in a GtkLabel: the row it lies in does not take
 * it (nor the focus) as a click on the row. */
static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               FeWrapLabel    *self)
{
  if (self->selectable)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                FeWrapLabel    *self)
{
  double x, y;

  if (!self->selectable || self->anchor < 0
      || !gtk_gesture_drag_get_start_point (gesture, &x, &y))
    return;
  select_bytes (self, self->anchor, index_at (self, x + offset_x, y + offset_y));
}

/* Shift with an arrow, Home or End takes the selection on by a character or to an end. */
static gboolean
extend_selection (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   data)
{
  FeWrapLabel *self = FE_WRAP_LABEL (widget);
  int step = g_variant_get_int32 (args);
  int anchor = self->anchor >= 0 ? self->anchor : 0;
  int cursor = self->anchor >= 0 ? self->cursor : 0;

  if (!self->selectable || self->text == NULL)
    return FALSE;
  if (step < -1)
    cursor = 0;
  else if (step > 1)
    cursor = text_length (self);
  else if (step < 0 && cursor > 0)
    cursor = (int) (g_utf8_find_prev_char (self->text, self->text + cursor) - self->text);
  else if (step > 0 && cursor < text_length (self))
    cursor = (int) (g_utf8_next_char (self->text + cursor) - self->text);
  select_bytes (self, anchor, cursor);
  return TRUE;
}

static void
select_all_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FeWrapLabel *self = FE_WRAP_LABEL (widget);

  if (self->selectable)
    select_bytes (self, 0, text_length (self));
}

static void
copy_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_signal_emit (widget, signals[COPY_CLIPBOARD], 0);
}

/* What Ctrl+C copies when no handler has taken it: the selection, if any. */
static void
fe_wrap_label_real_copy_clipboard (FeWrapLabel *self)
{
  g_autofree char *selected = NULL;
  int start, end;

  if (!selected_bytes (self, &start, &end))
    return;
  selected = g_strndup (self->text + start, (gsize) (end - start));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), selected);
}

static void
fe_wrap_label_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  FeWrapLabel *self = FE_WRAP_LABEL (widget);

  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
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
    case PROP_SELECTABLE:
      g_value_set_boolean (value, self->selectable);
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
    case PROP_SELECTABLE:
      fe_wrap_label_set_selectable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fe_wrap_label_dispose (GObject *object)
{
  g_clear_pointer (&FE_WRAP_LABEL (object)->menu, gtk_widget_unparent);
  G_OBJECT_CLASS (fe_wrap_label_parent_class)->dispose (object);
}

static void
fe_wrap_label_finalize (GObject *object)
{
  FeWrapLabel *self = FE_WRAP_LABEL (object);

  g_free (self->text);
  g_clear_pointer (&self->attributes, pango_attr_list_unref);
  forget_layouts (self);
  G_OBJECT_CLASS (fe_wrap_label_parent_class)->finalize (object);
}

static void
fe_wrap_label_class_init (FeWrapLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fe_wrap_label_dispose;
  object_class->finalize = fe_wrap_label_finalize;
  object_class->get_property = fe_wrap_label_get_property;
  object_class->set_property = fe_wrap_label_set_property;
  widget_class->get_request_mode = fe_wrap_label_get_request_mode;
  widget_class->measure = fe_wrap_label_measure;
  widget_class->snapshot = fe_wrap_label_snapshot;
  widget_class->size_allocate = fe_wrap_label_size_allocate;
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
  properties[PROP_SELECTABLE] = g_param_spec_boolean ("selectable", NULL, NULL, FALSE,
                                                      G_PARAM_READWRITE
                                                      | G_PARAM_EXPLICIT_NOTIFY
                                                      | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* As GtkLabel's: Ctrl+C emits it; a handler may copy something else and stop it. */
  signals[COPY_CLIPBOARD] =
    g_signal_new_class_handler ("copy-clipboard", G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                                G_CALLBACK (fe_wrap_label_real_copy_clipboard),
                                NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "clipboard.copy", NULL, copy_activated);
  gtk_widget_class_install_action (widget_class, "selection.select-all", NULL,
                                   select_all_activated);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_c, GDK_CONTROL_MASK,
                                       "copy-clipboard", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK,
                                       "selection.select-all", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, extend_selection,
                                "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, extend_selection,
                                "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, GDK_SHIFT_MASK, extend_selection,
                                "i", -2);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_End, GDK_SHIFT_MASK, extend_selection,
                                "i", 2);
}

static void
fe_wrap_label_init (FeWrapLabel *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->width_chars = 20;
  self->anchor = -1;
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
}

GtkWidget *
fe_wrap_label_new (int width_chars)
{
  return g_object_new (FE_TYPE_WRAP_LABEL, "width-chars", width_chars, NULL);
}

static void
show_text (FeWrapLabel   *self,
           const char    *text,
           PangoAttrList *attributes)
{
  if (g_strcmp0 (self->text, text) == 0
      && (self->attributes == attributes
          || (self->attributes != NULL && attributes != NULL
              && pango_attr_list_equal (self->attributes, attributes))))
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_pointer (&self->attributes, pango_attr_list_unref);
  self->attributes = attributes != NULL ? pango_attr_list_ref (attributes) : NULL;
  self->anchor = -1;
  forget_layouts (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

void
fe_wrap_label_set_text (FeWrapLabel *self,
                        const char  *text)
{
  g_return_if_fail (FE_IS_WRAP_LABEL (self));

  show_text (self, text, NULL);
}

void
fe_wrap_label_set_markup (FeWrapLabel *self,
                          const char  *markup)
{
  g_autoptr(PangoAttrList) attributes = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (FE_IS_WRAP_LABEL (self));

  /* Markup is made by the app from escaped text; should it not parse, its characters are
   * shown as they are rather than nothing. */
  if (markup == NULL || !pango_parse_markup (markup, -1, 0, &attributes, &text, NULL, NULL))
    {
      show_text (self, markup, NULL);
      return;
    }
  show_text (self, text, attributes);
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

void
fe_wrap_label_set_selectable (FeWrapLabel *self,
                              gboolean     selectable)
{
  g_return_if_fail (FE_IS_WRAP_LABEL (self));

  selectable = !!selectable;
  if (self->selectable == selectable)
    return;
  self->selectable = selectable;
  if (!selectable)
    select_bytes (self, -1, -1);
  gtk_widget_set_focusable (GTK_WIDGET (self), selectable);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), selectable ? "text" : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTABLE]);
}

gboolean
fe_wrap_label_get_selectable (FeWrapLabel *self)
{
  g_return_val_if_fail (FE_IS_WRAP_LABEL (self), FALSE);

  return self->selectable;
}

void
fe_wrap_label_select_region (FeWrapLabel *self,
                             int          start_offset,
                             int          end_offset)
{
  glong length;

  g_return_if_fail (FE_IS_WRAP_LABEL (self));

  if (!self->selectable || self->text == NULL)
    return;
  length = g_utf8_strlen (self->text, -1);
  start_offset = start_offset < 0 ? (int) length : MIN (start_offset, (int) length);
  end_offset = end_offset < 0 ? (int) length : MIN (end_offset, (int) length);
  select_bytes (self, (int) (g_utf8_offset_to_pointer (self->text, start_offset) - self->text),
                (int) (g_utf8_offset_to_pointer (self->text, end_offset) - self->text));
}

gboolean
fe_wrap_label_get_selection_bounds (FeWrapLabel *self,
                                    int         *start,
                                    int         *end)
{
  int first = 0, last = 0;
  gboolean selected;

  g_return_val_if_fail (FE_IS_WRAP_LABEL (self), FALSE);

  /* A selection lies in a text: without one, both bounds are 0. */
  selected = selected_bytes (self, &first, &last);
  if (start != NULL)
    *start = selected ? (int) g_utf8_pointer_to_offset (self->text, self->text + first) : 0;
  if (end != NULL)
    *end = selected ? (int) g_utf8_pointer_to_offset (self->text, self->text + last) : 0;
  return selected;
}
