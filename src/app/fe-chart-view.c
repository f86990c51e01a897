/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-chart-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "fe-compat.h"
#include "fe-explore-state.h"

struct _FeChartView
{
  GtkWidget      parent_instance;

  FeChartSpec    spec;
  char          *title;
  char          *filter_text;
  char          *weighted_by;
  FeTally       *tally;
  FeChartLayout *layout;
  GskRenderNode *chart_node;  /* the static chart, redrawn only when layout or style change */
  int            hovered;
  int            selected;
  int            focused;
  GArray        *marked;      /* int */
  gboolean       presenting;  /* scaled to fill the view, and no hover, tooltip or click */
  double         slide_scale; /* the slide's type against a 720-pixel-high screen's */
  FeExploreState *state;      /* what the chart shows, when it explores one */
  GPtrArray     *targets;     /* FeChartTarget, one per segment, in reading order */
};

G_DEFINE_FINAL_TYPE (FeChartView, fe_chart_view, GTK_TYPE_WIDGET)

/* A segment as an object of its own for assistive technologies and the keyboard: a toggle
 * button without content laid over the segment's target, named by the segment's description
 * (the layout JSON's), with its position ("3 of 12") and an action (AT-SPI "click") that
 * selects it exactly as a click on the chart does. It draws nothing and takes no pointer
 * events: the chart paints the segment, its selection and the focus ring, and the pointer's
 * hit test stays the chart's. One path for GTK 4.8 and later: widgets give AT-SPI the same
 * tree as GtkAccessible objects would on GTK ≥ 4.10, and they can be tested here. */
#define FE_TYPE_CHART_TARGET (fe_chart_target_get_type ())
G_DECLARE_FINAL_TYPE (FeChartTarget, fe_chart_target, FE, CHART_TARGET, GtkButton)

struct _FeChartTarget
{
  GtkButton parent_instance;
  int       index;
};

G_DEFINE_FINAL_TYPE (FeChartTarget, fe_chart_target, GTK_TYPE_BUTTON)

static void
fe_chart_target_class_init (FeChartTargetClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Not "button": no theme's padding or minimum size, so that it fits the smallest segment. */
  gtk_widget_class_set_css_name (widget_class, "chartsegment");
  /* Activating the selected segment lets it go, as a click does: a toggle (a button with a
   * pressed state, as ARIA has it, where GTK has no toggle role yet). */
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOGGLE_BUTTON);
#else
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
#endif
}

static void
fe_chart_target_init (FeChartTarget *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), FALSE);
}

enum {
  SIGNAL_SEGMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
invalidate_layout (FeChartView *self)
{
  g_clear_pointer (&self->layout, fe_chart_layout_free);
  g_clear_pointer (&self->chart_node, gsk_render_node_unref);
  /* The segments' targets move with the layout. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
update_description (FeChartView *self)
{
  g_autofree char *summary = NULL;

  if (self->layout == NULL)
    return;
  /* The whole chart in one paragraph, updated whenever its numbers change (a filter, a split):
   * AT-SPI sends the change of description. */
  summary = fe_chart_layout_describe (self->layout);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  fe_chart_layout_get_title (self->layout),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
}

static gboolean
contains_focus (FeChartView *self)
{
  GtkWidget *child = gtk_widget_get_focus_child (GTK_WIDGET (self));

  return child != NULL && gtk_widget_has_focus (child);
}

static void
on_target_clicked (FeChartTarget *target,
                   FeChartView   *self);

/* One target per segment, named and placed as the layout says; its selection state. */
static void
sync_targets (FeChartView *self)
{
  guint n = self->layout != NULL ? fe_chart_layout_get_n_segments (self->layout) : 0;

  while (self->targets->len > n)
    {
      GtkWidget *target = g_ptr_array_steal_index (self->targets, self->targets->len - 1);

      gtk_widget_unparent (target);
    }
  while (self->targets->len < n)
    {
      FeChartTarget *target = g_object_new (FE_TYPE_CHART_TARGET, NULL);

      target->index = (int) self->targets->len;
      g_signal_connect (target, "clicked", G_CALLBACK (on_target_clicked), self);
      gtk_widget_set_parent (GTK_WIDGET (target), GTK_WIDGET (self));
      g_ptr_array_add (self->targets, target);
    }
  for (guint i = 0; i < n; i++)
    {
      const FeChartSegment *segment = fe_chart_layout_get_segment (self->layout, i);
      /* Translators: a chart segment's position among the chart's segments: "3 of 12" */
      g_autofree char *position = g_strdup_printf (_("%u of %u"), i + 1, n);

      gtk_accessible_update_property (g_ptr_array_index (self->targets, i),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, segment->description,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, position,
                                      -1);
      gtk_accessible_update_relation (g_ptr_array_index (self->targets, i),
                                      GTK_ACCESSIBLE_RELATION_POS_IN_SET, (int) i + 1,
                                      GTK_ACCESSIBLE_RELATION_SET_SIZE, (int) n,
                                      -1);
      gtk_accessible_update_state (g_ptr_array_index (self->targets, i),
                                   GTK_ACCESSIBLE_STATE_PRESSED,
                                   (int) i == self->selected ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                             : GTK_ACCESSIBLE_TRISTATE_FALSE,
                                   -1);
    }
}

/* The thinnest bar, or heat-map row, drawn. */
static double
thinnest_bar (const FeChartLayout *layout)
{
  double thinnest = G_MAXDOUBLE;

  for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
    {
      const FeChartSegment *segment = fe_chart_layout_get_segment (layout, i);

      if (segment->h > 0)
        thinnest = MIN (thinnest, segment->h);
    }
  return thinnest;
}

/* Labels wrapped short of their whole text or ellipsized. */
static guint
count_cut_labels (const FeChartLayout *layout)
{
  guint cut = 0;

  for (guint i = 0; i < fe_chart_layout_get_n_labels (layout); i++)
    {
      const FeChartLabel *label = fe_chart_layout_get_label (layout, i);

      cut += label->full_text != NULL && strstr (label->text, "…") != NULL
             && strstr (label->full_text, "…") == NULL;
    }
  return cut;
}

/* Bottom of the lowest thing drawn. */
static double
drawn_height (const FeChartLayout *layout)
{
  double bottom = 0;

  for (guint i = 0; i < fe_chart_layout_get_n_segments (layout); i++)
    {
      const FeChartSegment *segment = fe_chart_layout_get_segment (layout, i);

      bottom = MAX (bottom, segment->y + segment->h);
    }
  for (guint i = 0; i < fe_chart_layout_get_n_labels (layout); i++)
    {
      const FeChartLabel *label = fe_chart_layout_get_label (layout, i);

      bottom = MAX (bottom, label->y + label->h);
    }
  return bottom;
}

/* A slide's chart: its type grown with the screen (the slide scale) and then up to 1.75 times
 * more, as large as the chart still fits the slide at that size as well as it did at the spec's
 * type (no bar thinner, no label cut or dropped): a short chart fills the screen rather
 * than its top third and reads from the back of a room, and a long one stays as it was. Beyond
 * 1.75 the chart's title would outgrow the slide's. */
#define PRESENTING_MAX_GROWTH 1.75
#define PRESENTING_STEPS 8

static FeChartLayout *
fit_layout (FeChartView  *self,
            PangoContext *context)
{
  FeChartSpec spec = self->spec;
  double base = spec.text_scale > 0 ? spec.text_scale : 1.0;
  double most = base * self->slide_scale * PRESENTING_MAX_GROWTH;
  FeChartLayout *layout = fe_chart_layout_new (&spec, self->tally, context);
  double thinnest = thinnest_bar (layout);
  guint cut = count_cut_labels (layout);
  /* Larger type must not cost a label: a grouped chart drops its values first. */
  guint n_labels = fe_chart_layout_get_n_labels (layout);

  if (fe_chart_layout_get_text_scale (layout) < base)
    return layout;
  for (int step = PRESENTING_STEPS; step > 0; step--)
    {
      FeChartLayout *larger;

      spec.text_scale = base + (most - base) * step / PRESENTING_STEPS;
      larger = fe_chart_layout_new (&spec, self->tally, context);
      if (fe_chart_layout_get_text_scale (larger) >= spec.text_scale
          && thinnest_bar (larger) >= thinnest * 0.98
          && count_cut_labels (larger) <= cut
          && fe_chart_layout_get_n_labels (larger) >= n_labels
          && drawn_height (larger) <= spec.height)
        {
          fe_chart_layout_free (layout);
          return larger;
        }
      fe_chart_layout_free (larger);
    }
  return layout;
}

static gboolean
ensure_layout (FeChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->layout != NULL)
    return TRUE;
  if (self->tally == NULL || width <= 0 || height <= 0)
    return FALSE;

  self->spec.width = width;
  self->spec.height = height;
  self->spec.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  self->spec.high_contrast =
    adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  if (self->presenting)
    self->layout = fit_layout (self, gtk_widget_get_pango_context (GTK_WIDGET (self)));
  else
    self->layout = fe_chart_layout_new (&self->spec, self->tally,
                                        gtk_widget_get_pango_context (GTK_WIDGET (self)));
  update_description (self);
  sync_targets (self);
  return TRUE;
}

/* Read at each frame rather than kept: the accent follows the style without a signal. */
static FeChartColor
accent_color (FeChartView *self)
{
  GdkRGBA rgba;

  /* High contrast: the ring in the text colour, solid, never a tint of the accent. */
  if (self->spec.high_contrast)
    return fe_chart_theme_get_high_contrast (self->spec.dark)->focus;
  if (!fe_compat_lookup_accent (GTK_WIDGET (self), &rgba))
    return fe_chart_theme_get (self->spec.dark)->focus;  /* a theme without one: the text's */
  return (FeChartColor) { rgba.red, rgba.green, rgba.blue };
}

typedef enum
{
  MARK_VEIL,       /* hovered, or marked from elsewhere */
  MARK_SELECTION,
  MARK_FOCUS,
} Mark;

/* A mark is drawn in a node of its own area, not of the whole chart: the software renderer
 * composites a drawing node over all of its bounds, and a ring drawn in a node as large as the
 * chart cost a pass over the chart's every pixel at each frame. */
static void
append_mark (FeChartView *self,
             GtkSnapshot *snapshot,
             int          segment,
             Mark         mark)
{
  cairo_rectangle_t area = fe_chart_layout_get_mark_area (self->layout, segment);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (area.x, area.y, area.width, area.height);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

  if (mark == MARK_FOCUS)
    {
      FeChartColor accent = accent_color (self);

      fe_chart_layout_paint_focus (self->layout, cr, segment, &accent);
    }
  else
    fe_chart_layout_paint_highlight (self->layout, cr, segment, mark == MARK_SELECTION);
  cairo_destroy (cr);
}

static void
fe_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  FeChartView *self = FE_CHART_VIEW (widget);
  graphene_rect_t bounds;
  cairo_t *cr;

  if (!ensure_layout (self))
    return;

  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (widget),
                      gtk_widget_get_height (widget));
  if (self->chart_node == NULL)
    {
      GtkSnapshot *chart = gtk_snapshot_new ();

      cr = gtk_snapshot_append_cairo (chart, &bounds);
      fe_chart_layout_paint (self->layout, cr);
      cairo_destroy (cr);
      self->chart_node = gtk_snapshot_free_to_node (chart);
    }
  if (self->chart_node != NULL)
    gtk_snapshot_append_node (snapshot, self->chart_node);

  for (guint i = 0; self->marked != NULL && i < self->marked->len; i++)
    append_mark (self, snapshot, g_array_index (self->marked, int, i), MARK_VEIL);
  if (self->hovered >= 0)
    append_mark (self, snapshot, self->hovered, MARK_VEIL);
  if (self->selected >= 0)
    append_mark (self, snapshot, self->selected, MARK_SELECTION);
  /* Whenever the chart has the focus, not only while GTK shows focus (it stops 3 s after the
   * last key): the ring is where the next arrow key starts. The selection ring marks a selected
   * segment already. */
  if (self->focused >= 0 && (guint) self->focused < fe_chart_layout_get_n_segments (self->layout)
      && contains_focus (self) && self->focused != self->selected)
    append_mark (self, snapshot, self->focused, MARK_FOCUS);
}

static void
show_selection (FeChartView *self);

static void
fe_chart_view_map (GtkWidget *widget)
{
  FeChartView *self = FE_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (fe_chart_view_parent_class)->map (widget);
  if (self->state != NULL && self->layout == NULL)
    show_selection (self);
}

static void
fe_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  FeChartView *self = FE_CHART_VIEW (widget);

  if (self->layout == NULL || self->spec.width != width || self->spec.height != height)
    {
      g_clear_pointer (&self->layout, fe_chart_layout_free);
      g_clear_pointer (&self->chart_node, gsk_render_node_unref);
      ensure_layout (self);
    }
  /* Each segment's target over it, widened as the pointer's is for a hairline bar. */
  for (guint i = 0; i < self->targets->len; i++)
    {
      const FeChartSegment *segment = fe_chart_layout_get_segment (self->layout, i);
      GtkAllocation area = {
        (int) floor (segment->target_x), (int) floor (segment->target_y),
        MAX ((int) ceil (segment->target_w), 1), MAX ((int) ceil (segment->target_h), 1),
      };

      gtk_widget_size_allocate (g_ptr_array_index (self->targets, i), &area, -1);
    }
}

static void
fe_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 240;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 520;
}

static void
set_hovered (FeChartView *self,
             int          segment)
{
  if (self->hovered == segment)
    return;
  self->hovered = segment;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), segment >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           FeChartView              *self)
{
  /* A projected slide follows no pointer. */
  if (self->presenting)
    return;
  set_hovered (self, self->layout ? fe_chart_layout_hit_test (self->layout, x, y) : -1);
}

static void
on_leave (GtkEventControllerMotion *controller,
          FeChartView              *self)
{
  set_hovered (self, -1);
}

static void
activate_segment (FeChartView *self,
                  int          segment)
{
  self->focused = segment;
  g_signal_emit (self, signals[SIGNAL_SEGMENT_ACTIVATED], 0, segment);
}

static void
on_click (GtkGestureClick *gesture,
          int              n_press,
          double           x,
          double           y,
          FeChartView      *self)
{
  if (!self->presenting)
    fe_chart_view_click_at (self, x, y);
}

static gboolean
on_query_tooltip (GtkWidget   *widget,
                  int          x,
                  int          y,
                  gboolean     keyboard_mode,
                  GtkTooltip  *tooltip,
                  FeChartView *self)
{
  int segment;
  const FeChartSegment *info;
  GdkRectangle area;

  if (self->layout == NULL || self->presenting)
    return FALSE;
  segment = keyboard_mode ? self->focused : fe_chart_layout_hit_test (self->layout, x, y);
  if (segment < 0)
    return FALSE;

  info = fe_chart_layout_get_segment (self->layout, (guint) segment);
  area.x = (int) info->x;
  area.y = (int) info->y;
  area.width = MAX ((int) info->w, 1);
  area.height = MAX ((int) info->h, 1);
  gtk_tooltip_set_text (tooltip, info->description);
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

/* Moves the keyboard focus to @segment's target while the focus is in the chart: a screen
 * reader follows it there and reads the segment. */
static void
set_focused (FeChartView *self,
             int          segment)
{
  self->focused = segment;
  if (segment >= 0 && (guint) segment < self->targets->len
      && gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_grab_focus (g_ptr_array_index (self->targets, (guint) segment));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A target clicked through AT-SPI (or Enter on it): what a click on its segment does. */
static void
on_target_clicked (FeChartTarget *target,
                   FeChartView   *self)
{
  if (self->layout == NULL || (guint) target->index >= fe_chart_layout_get_n_segments (self->layout))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (target));
  activate_segment (self, target->index);
}

static void
move_focus (FeChartView *self,
            int          delta)
{
  int n = self->layout ? (int) fe_chart_layout_get_n_segments (self->layout) : 0;

  if (n == 0)
    return;
  if (self->focused < 0)
    set_focused (self, delta > 0 ? 0 : n - 1);
  else
    set_focused (self, CLAMP (self->focused + delta, 0, n - 1));
}

/* A heat map is a grid, so the arrows move along its rows and columns; every other chart is read
 * as one line, in reading order, forward with Right or Down and back with Left or Up. */
static void
step_focus (FeChartView *self,
            int          dx,
            int          dy)
{
  int n = self->layout ? (int) fe_chart_layout_get_n_segments (self->layout) : 0;

  if (self->focused < 0 || self->focused >= n
      || fe_chart_layout_get_kind (self->layout) != FE_CHART_KIND_HEATMAP)
    {
      move_focus (self, dx + dy);
      return;
    }
  set_focused (self, fe_chart_layout_find_neighbour (self->layout, self->focused, dx, dy));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FeChartView           *self)
{
  int n = self->layout ? (int) fe_chart_layout_get_n_segments (self->layout) : 0;

  switch (keyval)
    {
    case GDK_KEY_Right:
      step_focus (self, 1, 0);
      return TRUE;
    case GDK_KEY_Down:
      step_focus (self, 0, 1);
      return TRUE;
    case GDK_KEY_Left:
      step_focus (self, -1, 0);
      return TRUE;
    case GDK_KEY_Up:
      step_focus (self, 0, -1);
      return TRUE;
    /* The first and the last segment, wherever the focus is (or when it is nowhere yet). */
    case GDK_KEY_Home:
      if (n > 0)
        set_focused (self, 0);
      return TRUE;
    case GDK_KEY_End:
      if (n > 0)
        set_focused (self, n - 1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->focused >= 0 && self->focused < n)
        activate_segment (self, self->focused);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_focus_changed (FeChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The focus came to a segment's target: by Tab, an arrow key, or a screen reader. */
static void
fe_chart_view_set_focus_child (GtkWidget *widget,
                               GtkWidget *child)
{
  FeChartView *self = FE_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (fe_chart_view_parent_class)->set_focus_child (widget, child);
  if (FE_IS_CHART_TARGET (child))
    self->focused = FE_CHART_TARGET (child)->index;
  gtk_widget_queue_draw (widget);
}

/* The chart is one stop of the Tab chain, as a composite widget is: Tab enters it on the
 * segment last focused (the first, the first time) and leaves it from any segment; the arrow
 * keys, Home and End move among the segments. Every segment is focusable all the same, so that
 * a screen reader can send the focus to any of them. */
static gboolean
fe_chart_view_focus (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  FeChartView *self = FE_CHART_VIEW (widget);
  guint target;

  if (gtk_widget_get_focus_child (widget) != NULL || self->targets->len == 0)
    return FALSE;
  target = self->focused >= 0 && (guint) self->focused < self->targets->len
           ? (guint) self->focused : 0;
  return gtk_widget_grab_focus (g_ptr_array_index (self->targets, target));
}

static gboolean
fe_chart_view_grab_focus (GtkWidget *widget)
{
  return fe_chart_view_focus (widget, GTK_DIR_TAB_FORWARD)
         || gtk_widget_get_focus_child (widget) != NULL;
}

static void
on_dark_changed (FeChartView *self)
{
  invalidate_layout (self);
}

static void
fe_chart_view_dispose (GObject *object)
{
  FeChartView *self = FE_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_clear_object (&self->state);
  invalidate_layout (self);
  g_clear_pointer (&self->tally, fe_tally_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->filter_text, g_free);
  g_clear_pointer (&self->weighted_by, g_free);
  g_clear_pointer (&self->marked, g_array_unref);
  for (guint i = 0; self->targets != NULL && i < self->targets->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->targets, i));
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  G_OBJECT_CLASS (fe_chart_view_parent_class)->dispose (object);
}

static void
fe_chart_view_class_init (FeChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fe_chart_view_dispose;
  widget_class->snapshot = fe_chart_view_snapshot;
  widget_class->size_allocate = fe_chart_view_size_allocate;
  widget_class->map = fe_chart_view_map;
  widget_class->measure = fe_chart_view_measure;
  widget_class->focus = fe_chart_view_focus;
  widget_class->grab_focus = fe_chart_view_grab_focus;
  widget_class->set_focus_child = fe_chart_view_set_focus_child;

  signals[SIGNAL_SEGMENT_ACTIVATED] =
    g_signal_new ("segment-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "chart");
  /* A group of segments, named by the chart's title and described by its summary. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fe_chart_view_init (FeChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  fe_chart_spec_init (&self->spec);
  self->hovered = self->selected = self->focused = -1;
  self->slide_scale = 1.0;
  self->targets = g_ptr_array_new ();

  /* The focus goes to the segments' targets, not to the chart itself. */
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (click, "released", G_CALLBACK (on_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_changed), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (on_dark_changed), self);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::high-contrast",
                            G_CALLBACK (on_dark_changed), self);
}

GtkWidget *
fe_chart_view_new (void)
{
  return g_object_new (FE_TYPE_CHART_VIEW, NULL);
}

void
fe_chart_view_set_chart (FeChartView       *self,
                         const FeChartSpec *spec,
                         FeTally           *tally)
{
  g_return_if_fail (FE_IS_CHART_VIEW (self));
  g_return_if_fail (spec != NULL && tally != NULL);

  g_free (self->title);
  g_free (self->filter_text);
  g_free (self->weighted_by);
  self->spec = *spec;
  self->title = g_strdup (spec->title);
  self->filter_text = g_strdup (spec->filter_text);
  self->weighted_by = g_strdup (spec->weighted_by);
  self->spec.title = self->title;
  self->spec.filter_text = self->filter_text;
  self->spec.weighted_by = self->weighted_by;

  /* Another question (or grouping) has other segments: keyboard focus starts again. */
  if (self->tally == NULL || self->tally->question != tally->question
      || self->tally->by != tally->by)
    self->focused = -1;
  g_clear_pointer (&self->tally, fe_tally_free);
  self->tally = tally;
  self->hovered = -1;
  g_clear_pointer (&self->marked, g_array_unref);
  invalidate_layout (self);
  /* Lay out now, so that callers (and tests) can look segments up before the first frame; on
   * another page, when the chart is shown again. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_layout (self);
}

gboolean
fe_chart_view_click_at (FeChartView *self,
                        double       x,
                        double       y)
{
  int segment;

  g_return_val_if_fail (FE_IS_CHART_VIEW (self), FALSE);

  segment = ensure_layout (self) ? fe_chart_layout_hit_test (self->layout, x, y) : -1;
  if (segment < 0)
    return FALSE;
  self->focused = segment;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  activate_segment (self, segment);
  return TRUE;
}

void
fe_chart_view_clear (FeChartView *self)
{
  g_return_if_fail (FE_IS_CHART_VIEW (self));

  g_clear_pointer (&self->tally, fe_tally_free);
  self->hovered = self->selected = self->focused = -1;
  invalidate_layout (self);
  sync_targets (self);
}

const FeChartLayout *
fe_chart_view_get_layout (FeChartView *self)
{
  g_return_val_if_fail (FE_IS_CHART_VIEW (self), NULL);
  ensure_layout (self);
  return self->layout;
}

const FeTally *
fe_chart_view_get_tally (FeChartView *self)
{
  g_return_val_if_fail (FE_IS_CHART_VIEW (self), NULL);
  return self->tally;
}

void
fe_chart_view_set_selected (FeChartView *self,
                            int          segment)
{
  g_return_if_fail (FE_IS_CHART_VIEW (self));

  if (self->selected == segment)
    return;
  self->selected = segment;
  if (segment >= 0)
    self->focused = segment;
  sync_targets (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
fe_chart_view_get_selected (FeChartView *self)
{
  g_return_val_if_fail (FE_IS_CHART_VIEW (self), -1);
  return self->selected;
}

int
fe_chart_view_get_focused (FeChartView *self)
{
  g_return_val_if_fail (FE_IS_CHART_VIEW (self), -1);
  return self->focused;
}

void
fe_chart_view_set_marked (FeChartView *self,
                          GArray      *segments)
{
  g_return_if_fail (FE_IS_CHART_VIEW (self));

  g_clear_pointer (&self->marked, g_array_unref);
  if (segments != NULL)
    self->marked = g_array_ref (segments);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
fe_chart_view_set_presenting (FeChartView *self,
                              gboolean     presenting)
{
  g_return_if_fail (FE_IS_CHART_VIEW (self));

  presenting = !!presenting;
  if (self->presenting == presenting)
    return;
  self->presenting = presenting;
  gtk_widget_set_focusable (GTK_WIDGET (self), !presenting);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), !presenting);
  set_hovered (self, -1);
  invalidate_layout (self);
}

void
fe_chart_view_set_slide_scale (FeChartView *self,
                               double       scale)
{
  g_return_if_fail (FE_IS_CHART_VIEW (self));
  g_return_if_fail (scale > 0);

  if (self->slide_scale == scale)
    return;
  self->slide_scale = scale;
  if (self->presenting)
    invalidate_layout (self);
}

/* ---- Bound to an exploration state ---------------------------------------------------------- */

static int
find_selected_segment (FeChartView *self)
{
  int level = fe_explore_state_get_selected_level (self->state);

  if (level < 0 || !ensure_layout (self))
    return -1;
  return fe_chart_layout_find_segment (self->layout, level,
                                       fe_explore_state_get_selected_group (self->state));
}

static void
show_selection (FeChartView *self)
{
  int segment;

  /* Not laid out on another page: the selection is found when the chart is shown again. */
  if (self->layout == NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  segment = find_selected_segment (self);

  g_clear_pointer (&self->marked, g_array_unref);
  /* A selection the chart no longer draws (its group folded into "Other") goes; a whole answer
   * of a split chart (its row of the data table) is one no segment draws alone. */
  if (segment < 0 && fe_explore_state_get_selected_group (self->state) >= 0 && self->layout)
    fe_explore_state_select (self->state, -1, -1);
  fe_chart_view_set_selected (self, segment);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
show_state (FeChartView *self)
{
  FeQuery *query = fe_explore_state_get_query (self->state);
  FeChartSpec spec;

  if (query == NULL || fe_query_get_tally (query) == NULL)
    {
      fe_chart_view_clear (self);
      return;
    }
  fe_explore_state_init_spec (self->state, &spec);
  fe_chart_view_set_chart (self, &spec, fe_query_dup_tally (query));
  show_selection (self);
}

/* Every segment the highlighted respondent counts in: where a quote's author stands. */
static void
show_respondent (FeChartView *self)
{
  FeQuery *query = fe_explore_state_get_query (self->state);
  int row = fe_explore_state_get_respondent (self->state);
  g_autoptr(GArray) marked = NULL;

  if (row < 0 || query == NULL || !ensure_layout (self))
    {
      fe_chart_view_set_marked (self, NULL);
      return;
    }
  marked = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < fe_chart_layout_get_n_segments (self->layout); i++)
    {
      const FeChartSegment *segment = fe_chart_layout_get_segment (self->layout, i);
      int index = (int) i;

      if (fe_query_row_in_segment (query, (guint) row, (guint) segment->level, segment->group))
        g_array_append_val (marked, index);
    }
  fe_chart_view_set_marked (self, marked);
}

static void
on_segment_activated (FeChartView *self,
                      int          segment)
{
  const FeChartSegment *info;

  /* Clicking the selected segment again lets it go. */
  if (segment == self->selected)
    {
      fe_explore_state_select (self->state, -1, -1);
      return;
    }
  info = fe_chart_layout_get_segment (self->layout, (guint) segment);
  fe_explore_state_select (self->state, info->level, info->group);
}

void
fe_chart_view_set_state (FeChartView    *self,
                         FeExploreState *state)
{
  g_return_if_fail (FE_IS_CHART_VIEW (self));
  g_return_if_fail (self->state == NULL && FE_IS_EXPLORE_STATE (state));

  self->state = g_object_ref (state);
  g_signal_connect_swapped (state, "notify::query", G_CALLBACK (show_state), self);
  g_signal_connect_swapped (state, "notify::kind", G_CALLBACK (show_state), self);
  g_signal_connect_swapped (state, "notify::measure", G_CALLBACK (show_state), self);
  g_signal_connect_swapped (state, "notify::sort", G_CALLBACK (show_state), self);
  g_signal_connect_swapped (state, "notify::min-cell", G_CALLBACK (show_state), self);
  g_signal_connect_swapped (state, "notify::selection", G_CALLBACK (show_selection), self);
  g_signal_connect_swapped (state, "notify::respondent", G_CALLBACK (show_respondent), self);
  g_signal_connect (self, "segment-activated", G_CALLBACK (on_segment_activated), NULL);
  show_state (self);
}
