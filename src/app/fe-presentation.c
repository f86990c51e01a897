/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-presentation.h"

#include <glib/gi18n.h>
#include <math.h>

#include "fe-attribution.h"
#include "fe-chart-layout.h"
#include "fe-chart-view.h"
#include "fe-query-set.h"
#include "fe-quote.h"
#include "fe-tally.h"

struct _FePresentation
{
  AdwWindow      parent_instance;

  GtkLabel      *title_label;
  GtkLabel      *takeaway_label;
  GtkStack      *stack;
  FeChartView   *chart_view;
  GtkLabel      *quote_label;
  GtkLabel      *attribution_label;
  AdwStatusPage *problem_page;
  GtkLabel      *footer_label;

  FeStudy       *study;
  FeProject     *project;
  guint          k;
  gboolean       fold_small_groups;
  guint          view;
  int            quote;
  GPtrArray     *quotes;  /* FeQuote* starred in this view and still in the data */
  GHashTable    *starred_naming;  /* how far each starred quote's author may be named */
  double         scale;   /* the slide's type against a 720-pixel-high screen's */
  double         new_scale;
  guint          scale_source;
  gboolean       compact;   /* the headline made smaller for a chart that needs the room */
  guint          fit_source;
};

G_DEFINE_FINAL_TYPE (FePresentation, fe_presentation, ADW_TYPE_WINDOW)

/* A starred quote is shown only while the data still hold it, word for word. */
static FeQuote *
find_starred (FeStudy              *study,
              const FeStarredQuote *star)
{
  int row = fe_study_find_respondent (study, star->respondent);
  g_autoptr(GPtrArray) quotes = NULL;

  if (row < 0)
    return NULL;
  quotes = fe_study_collect_respondent_quotes (study, (guint) row);
  for (guint i = 0; i < quotes->len; i++)
    {
      FeQuote *quote = g_ptr_array_index (quotes, i);

      if (g_strcmp0 (quote->column->id, star->question) == 0
          && g_strcmp0 (quote->text, star->text) == 0)
        return g_ptr_array_steal_index (quotes, i);
    }
  return NULL;
}

static void
update_footer (FePresentation *self)
{
  g_autofree char *text = NULL;
  guint n_views = fe_project_get_n_views (self->project);

  if (self->quote >= 0)
    /* Translators: presentation footer: "View 2 of 5 · Quote 1 of 3" */
    text = g_strdup_printf (_("View %u of %u · Quote %d of %u"), self->view + 1, n_views,
                            self->quote + 1, self->quotes->len);
  else if (self->quotes->len > 0)
    text = g_strdup_printf (ngettext ("View %u of %u · ↓ %u starred quote",
                                      "View %u of %u · ↓ %u starred quotes", self->quotes->len),
                            self->view + 1, n_views, self->quotes->len);
  else
    text = g_strdup_printf (_("View %u of %u"), self->view + 1, n_views);
  gtk_label_set_text (self->footer_label, text);
}

static void
show_problem (FePresentation *self,
              const char     *message)
{
  adw_status_page_set_title (self->problem_page, _("This View Cannot Be Shown"));
  adw_status_page_set_description (self->problem_page, message);
  gtk_stack_set_visible_child_name (self->stack, "problem");
}

static void schedule_fit_check (FePresentation *self);
static void update_headline (FePresentation *self);

/* The type of a slide's chart, before it grows to fill the screen. */
#define SLIDE_CHART_TEXT_SCALE 1.5

static void
show_view (FePresentation *self)
{
  const FeSavedView *view = fe_project_get_view (self->project, self->view);
  g_autoptr(GError) error = NULL;
  g_autoptr(FeQuery) query = NULL;
  FeChartSpec spec;
  int level, group;
  const char *title, *takeaway;

  self->quote = -1;
  g_ptr_array_set_size (self->quotes, 0);
  /* Again at each slide's first quote: the window stays open beside the slides, and a view
   * edited there names its quotes anew. */
  g_clear_pointer (&self->starred_naming, g_hash_table_unref);
  title = fe_saved_view_get_localized (view, "title", fe_study_get_language (self->study));
  takeaway = fe_saved_view_get_localized (view, "takeaway", fe_study_get_language (self->study));
  gtk_label_set_text (self->title_label, title ? title : view->question);
  gtk_label_set_text (self->takeaway_label, takeaway ? takeaway : "");
  gtk_widget_set_visible (GTK_WIDGET (self->takeaway_label), takeaway != NULL);

  query = fe_saved_view_to_query (view, self->study, &level, &group, &error);
  if (query == NULL)
    {
      show_problem (self, error->message);
      update_footer (self);
      return;
    }
  /* The audience sees neither chart nor quotes of a filter they could set beside another
   * view and subtract; the explore view still shows it to the researcher. */
  if (!fe_query_check_query_set (query, self->k, &error))
    {
      show_problem (self, error->message);
      update_footer (self);
      return;
    }

  for (guint i = 0; i < view->starred->len; i++)
    {
      FeQuote *quote = find_starred (self->study, g_ptr_array_index (view->starred, i));

      if (quote != NULL)
        g_ptr_array_add (self->quotes, quote);
    }

  fe_chart_spec_init_for_view (&spec, view, self->k, self->fold_small_groups);
  fe_chart_spec_set_query (&spec, query);
  spec.text_scale = SLIDE_CHART_TEXT_SCALE;
  fe_chart_view_set_chart (self->chart_view, &spec, fe_query_dup_tally (query));
  gtk_stack_set_visible_child_name (self->stack, "chart");
  update_footer (self);
  if (self->compact)
    {
      self->compact = FALSE;
      update_headline (self);
    }
  schedule_fit_check (self);
}

static void
show_quote (FePresentation *self)
{
  const FeQuote *quote = g_ptr_array_index (self->quotes, (guint) self->quote);
  g_autofree char *attribution = NULL;
  g_autofree char *text = g_strdup_printf ("“%s”", quote->text);

  /* Named alike on every slide that stars it (fe_project_count_starred_naming()). */
  if (self->starred_naming == NULL)
    self->starred_naming = fe_project_count_starred_naming (self->project, self->study, self->k);
  attribution = fe_study_dup_attribution_named (self->study, quote->row,
                                                fe_attribution_naming_get (self->starred_naming,
                                                                           quote->row));

  gtk_label_set_text (self->quote_label, text);
  gtk_label_set_text (self->attribution_label, attribution);
  gtk_stack_set_visible_child_name (self->stack, "quote");
  update_footer (self);
}

void
fe_presentation_next (FePresentation *self)
{
  g_return_if_fail (FE_IS_PRESENTATION (self));
  if (self->view + 1 < fe_project_get_n_views (self->project))
    {
      self->view++;
      show_view (self);
    }
}

void
fe_presentation_previous (FePresentation *self)
{
  g_return_if_fail (FE_IS_PRESENTATION (self));
  if (self->view > 0)
    {
      self->view--;
      show_view (self);
    }
}

void
fe_presentation_next_quote (FePresentation *self)
{
  g_return_if_fail (FE_IS_PRESENTATION (self));
  if (self->quote + 1 < (int) self->quotes->len)
    {
      self->quote++;
      show_quote (self);
    }
}

static void
previous_quote (FePresentation *self)
{
  if (self->quote > 0)
    {
      self->quote--;
      show_quote (self);
    }
  else if (self->quote == 0)
    {
      self->quote = -1;
      gtk_stack_set_visible_child_name (self->stack, "chart");
      update_footer (self);
    }
}

/* A clicker has only forward and back, so these step through each view's starred quotes
 * before going on to the next view. */
static void
step_forward (FePresentation *self)
{
  if (self->quote + 1 < (int) self->quotes->len)
    fe_presentation_next_quote (self);
  else
    fe_presentation_next (self);
}

/* The same steps backwards: from a view's chart to the last quote of the view before. */
static void
step_back (FePresentation *self)
{
  if (self->quote >= 0)
    previous_quote (self);
  else if (self->view > 0)
    {
      fe_presentation_previous (self);
      if (self->quotes->len > 0)
        {
          self->quote = (int) self->quotes->len - 1;
          show_quote (self);
        }
    }
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FePresentation        *self)
{
  switch (keyval)
    {
    case GDK_KEY_Page_Down:
    case GDK_KEY_space:
      step_forward (self);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_BackSpace:
      step_back (self);
      return TRUE;
    case GDK_KEY_Right:
      fe_presentation_next (self);
      return TRUE;
    case GDK_KEY_Left:
      fe_presentation_previous (self);
      return TRUE;
    case GDK_KEY_Down:
      fe_presentation_next_quote (self);
      return TRUE;
    case GDK_KEY_Up:
      previous_quote (self);
      return TRUE;
    case GDK_KEY_Escape:
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    default:
      return FALSE;
    }
}

/* The slide's type is set for a 720-pixel-high screen (1280 × 720, a common projector); a
 * larger screen shows all of it larger, up to twice, as the same slide would be projected. */
#define SLIDE_HEIGHT 720.0

static void
scale_label (GtkLabel *label,
             double    scale)
{
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_scale_new (scale));
  gtk_label_set_attributes (label, attributes);
}

/* The headline grows less than the rest: the chart below it needs the height more. And a
 * chart that does not fit the slide at its type (a dozen rows of grouped bars at 1280 × 720,
 * whose withheld cells would lose their "< 5") gets a smaller headline's room. */
static void
update_headline (FePresentation *self)
{
  double scale = (1 + (self->scale - 1) / 2) * (self->compact ? 0.7 : 1.0);

  scale_label (self->title_label, scale);
  scale_label (self->takeaway_label, scale);
}

static gboolean
check_fit (gpointer data)
{
  FePresentation *self = data;
  const FeChartLayout *layout;

  self->fit_source = 0;
  if (self->compact
      || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "chart") != 0)
    return G_SOURCE_REMOVE;
  layout = fe_chart_view_get_layout (self->chart_view);
  if (layout != NULL
      && fe_chart_layout_get_text_scale (layout) < SLIDE_CHART_TEXT_SCALE - 0.01)
    {
      self->compact = TRUE;
      update_headline (self);
    }
  return G_SOURCE_REMOVE;
}

/* Once the slide is laid out at its size. */
static void
schedule_fit_check (FePresentation *self)
{
  if (self->fit_source == 0)
    self->fit_source = g_timeout_add (50, check_fit, self);
}

/* After the allocation that asked for it: new type sizes lay the slide out again. */
static gboolean
apply_scale (gpointer data)
{
  FePresentation *self = data;
  double scale = self->new_scale;

  self->scale_source = 0;
  self->scale = scale;
  update_headline (self);
  scale_label (self->quote_label, scale);
  scale_label (self->attribution_label, scale);
  scale_label (self->footer_label, scale);
  fe_chart_view_set_slide_scale (self->chart_view, scale);
  schedule_fit_check (self);
  return G_SOURCE_REMOVE;
}

static void
fe_presentation_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  FePresentation *self = FE_PRESENTATION (widget);
  /* In steps of an eighth, so that a window being resized does not scale at every pixel. */
  double scale = round (CLAMP (MIN (height / SLIDE_HEIGHT, width / (SLIDE_HEIGHT * 16 / 9)),
                               1.0, 2.0) * 8) / 8;

  GTK_WIDGET_CLASS (fe_presentation_parent_class)->size_allocate (widget, width, height,
                                                                   baseline);
  self->new_scale = scale;
  if (scale != self->scale && self->scale_source == 0)
    self->scale_source = g_idle_add (apply_scale, self);
}

static void
fe_presentation_dispose (GObject *object)
{
  FePresentation *self = FE_PRESENTATION (object);

  g_clear_handle_id (&self->scale_source, g_source_remove);
  g_clear_handle_id (&self->fit_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), FE_TYPE_PRESENTATION);
  g_clear_object (&self->study);
  g_clear_object (&self->project);
  g_clear_pointer (&self->quotes, g_ptr_array_unref);
  g_clear_pointer (&self->starred_naming, g_hash_table_unref);
  G_OBJECT_CLASS (fe_presentation_parent_class)->dispose (object);
}

static void
fe_presentation_class_init (FePresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fe_presentation_dispose;
  widget_class->size_allocate = fe_presentation_size_allocate;

  g_type_ensure (FE_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/findings_explorer/FindingsExplorer/"
                                               "ui/fe-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, FePresentation, title_label);
  gtk_widget_class_bind_template_child (widget_class, FePresentation, takeaway_label);
  gtk_widget_class_bind_template_child (widget_class, FePresentation, stack);
  gtk_widget_class_bind_template_child (widget_class, FePresentation, chart_view);
  gtk_widget_class_bind_template_child (widget_class, FePresentation, quote_label);
  gtk_widget_class_bind_template_child (widget_class, FePresentation, attribution_label);
  gtk_widget_class_bind_template_child (widget_class, FePresentation, problem_page);
  gtk_widget_class_bind_template_child (widget_class, FePresentation, footer_label);
}

static void
fe_presentation_init (FePresentation *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  fe_chart_view_set_presenting (self->chart_view, TRUE);
  self->quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) fe_quote_free);
  self->quote = -1;
  self->scale = 1.0;

  /* Before the chart, which would take the arrows to move between its segments. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

FePresentation *
fe_presentation_new (GtkWindow *parent,
                     FeStudy   *study,
                     FeProject *project,
                     guint      k,
                     gboolean   fold_small_groups,
                     guint      first_view)
{
  FePresentation *self;

  g_return_val_if_fail (FE_IS_STUDY (study), NULL);
  g_return_val_if_fail (FE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (first_view < fe_project_get_n_views (project), NULL);

  self = g_object_new (FE_TYPE_PRESENTATION, "transient-for", parent, NULL);
  self->study = g_object_ref (study);
  self->project = g_object_ref (project);
  self->k = k;
  self->fold_small_groups = fold_small_groups;
  self->view = first_view;
  show_view (self);
  return self;
}

guint
fe_presentation_get_view (FePresentation *self)
{
  g_return_val_if_fail (FE_IS_PRESENTATION (self), 0);
  return self->view;
}

int
fe_presentation_get_quote (FePresentation *self)
{
  g_return_val_if_fail (FE_IS_PRESENTATION (self), -1);
  return self->quote;
}

const char *
fe_presentation_get_quote_text (FePresentation *self)
{
  g_return_val_if_fail (FE_IS_PRESENTATION (self), NULL);
  return gtk_label_get_text (self->quote_label);
}

const char *
fe_presentation_get_attribution (FePresentation *self)
{
  g_return_val_if_fail (FE_IS_PRESENTATION (self), NULL);
  return gtk_label_get_text (self->attribution_label);
}

FeChartView *
fe_presentation_get_chart_view (FePresentation *self)
{
  g_return_val_if_fail (FE_IS_PRESENTATION (self), NULL);
  return self->chart_view;
}

GtkWidget *
fe_presentation_get_footer (FePresentation *self)
{
  g_return_val_if_fail (FE_IS_PRESENTATION (self), NULL);
  return GTK_WIDGET (self->footer_label);
}
