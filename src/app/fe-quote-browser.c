/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-quote-browser.h"
#include "fe-compat.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fe-explore-state.h"
#include "fe-cell-quotes.h"
#include "fe-quote-item.h"
#include "fe-quote-list.h"
#include "fe-quote-row.h"
#include "fe-staged-list.h"
#include "fe-text-match.h"

struct _FeQuoteBrowser
{
  GtkBox              parent_instance;

  GtkLabel           *heading_label;
  GtkLabel           *summary_label;
  GtkLabel           *note_label;
  GtkSearchEntry     *search_entry;
  GtkStack           *content_stack;
  AdwStatusPage      *empty_page;
  GtkListView        *list_view;

  FeQuoteList        *quotes;
  FeStagedList       *staged;  /* the quotes, as the view is given them; owned by selection */
  GtkSingleSelection *selection;
  gboolean            showing;  /* a segment's quotes, rather than "No Segment Selected" */
  guint               n_respondents;
  /* When the quotes are every open answer of a segment: FeColumn → its numbers ("19 quotes ·
   * 17 respondents"), shown above its first quote; else NULL. */
  GHashTable         *group_counts;
  char               *all_text_note;  /* the note above every open answer of a segment */
  FeExploreState     *state;
  /* The rows on screen (GtkListItem), to redraw their highlights when the search changes. */
  GHashTable         *bound;
  /* What the quotes listed are of, so that a filter click that leaves the segment's
   * respondents as they were does not list them again. */
  FeColumn           *listed_question;
  int                 listed_level;
  gboolean            listed_all_text;
  FeBitset           *listed_rows;
  /* Rows GTK keeps made off screen (GtkListItem) whose quotes changed, redrawn as they scroll
   * into view. */
  GHashTable         *stale;
  guint               n_laid_out;  /* items the view had when it was last laid out */
  GdkFrameClock      *frame_clock;  /* while realized, to look for stale rows laid out on screen */
  gulong              laid_out_handler;
  /* The rows may have moved since the last layout (the list changed in place, scrolled, or took
   * another length or height): the next one looks for stale rows on screen. */
  gboolean            rows_moved;
};

/* Rows either side of those reckoned on screen that are redrawn at once all the same. */
#define REDRAW_MARGIN 3

G_DEFINE_FINAL_TYPE (FeQuoteBrowser, fe_quote_browser, GTK_TYPE_BOX)

enum {
  SIGNAL_COPIED,
  SIGNAL_STAR_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_summary (FeQuoteBrowser *self)
{
  guint n_quotes = fe_quote_list_get_n_quotes (self->quotes);
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->quotes));
  g_autofree char *respondents = NULL;
  g_autofree char *quotes = NULL;
  g_autofree char *summary = NULL;

  /* A search's news after the segment was let go would count the quotes of none. */
  if (!self->showing)
    {
      gtk_label_set_text (self->summary_label, "");
      return;
    }
  respondents = g_strdup_printf (ngettext ("%u respondent", "%u respondents",
                                           self->n_respondents),
                                 self->n_respondents);
  quotes = g_strdup_printf (ngettext ("%u quote", "%u quotes", n_quotes), n_quotes);
  if (fe_quote_list_is_searching (self->quotes))
    /* Translators: "7 respondents, 5 quotes (searching…)" */
    summary = g_strdup_printf (_("%s, %s (searching…)"), respondents, quotes);
  else if (n_shown != n_quotes)
    /* Translators: "7 respondents, 5 quotes (2 match the search)" */
    summary = g_strdup_printf (ngettext ("%s, %s (%u matches the search)",
                                         "%s, %s (%u match the search)", n_shown),
                               respondents, quotes, n_shown);
  else
    /* Translators: "7 respondents, 5 quotes" */
    summary = g_strdup_printf (_("%s, %s"), respondents, quotes);
  gtk_label_set_text (self->summary_label, summary);
}

static void bind_row          (GtkSignalListItemFactory *factory,
                               GtkListItem              *list_item,
                               gpointer                  data);
static void redraw_bound_rows (FeQuoteBrowser           *self);
static void on_scrolled       (FeQuoteBrowser           *self);
static void on_laid_out       (FeQuoteBrowser           *self);
static void fe_quote_browser_realize   (GtkWidget *widget);
static void fe_quote_browser_unrealize (GtkWidget *widget);

/* The list looks for the matches, and gives the rows on screen their new quotes, highlighted,
 * when it has found a screenful (::changed-in-place). */
static void
on_search_changed (FeQuoteBrowser *self)
{
  fe_quote_list_set_search (self->quotes,
                            gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_summary (self);
}

/* Escape, as in every GNOME search. */
static void
on_stop_search (FeQuoteBrowser *self)
{
  fe_quote_browser_set_search (self, NULL);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  data)
{
  gtk_list_item_set_child (list_item, fe_quote_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  data)
{
  FeQuoteBrowser *self = data;
  FeQuoteRow *row = FE_QUOTE_ROW (gtk_list_item_get_child (list_item));
  const FeColumn *group = fe_quote_browser_get_group (self, gtk_list_item_get_position (list_item));

  FeQuoteItem *item = gtk_list_item_get_item (list_item);
  /* Translators: a quote as a screen reader reads its row: the words, then who said them */
  g_autofree char *name = g_strdup_printf (_("%s — %s"), fe_quote_item_get_quote (item)->text,
                                           fe_quote_item_get_attribution (item));

  g_hash_table_add (self->bound, list_item);
  g_hash_table_remove (self->stale, list_item);
  fe_quote_row_bind (row, item, fe_quote_list_get_search (self->quotes));
  fe_compat_name_list_item (list_item, name);
  fe_quote_row_set_group (row, group ? fe_column_get_display_label (group) : NULL,
                          group ? g_hash_table_lookup (self->group_counts, group) : NULL);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  data)
{
  FeQuoteBrowser *self = data;

  g_hash_table_remove (self->bound, list_item);
  g_hash_table_remove (self->stale, list_item);
  fe_quote_row_bind (FE_QUOTE_ROW (gtk_list_item_get_child (list_item)), NULL, NULL);
  fe_quote_row_set_group (FE_QUOTE_ROW (gtk_list_item_get_child (list_item)), NULL, NULL);
}

static void
on_selection_changed (FeQuoteBrowser *self)
{
  FeQuoteItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (self->state != NULL)
    fe_explore_state_set_respondent (self->state,
                                     item ? (int) fe_quote_item_get_quote (item)->row : -1);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  fe_quote_browser_copy_quote (FE_QUOTE_BROWSER (widget));
}

static void
copied_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_COPIED], 0);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  fe_quote_browser_focus_search (FE_QUOTE_BROWSER (widget));
}

static void
fe_quote_browser_dispose (GObject *object)
{
  FeQuoteBrowser *self = FE_QUOTE_BROWSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FE_TYPE_QUOTE_BROWSER);
  g_clear_object (&self->selection);
  /* A search still running would keep the list, and its news, a while longer. */
  if (self->quotes != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->quotes, self);
      fe_quote_list_set_search (self->quotes, NULL);
    }
  g_clear_object (&self->quotes);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_pointer (&self->listed_rows, fe_bitset_free);
  g_clear_pointer (&self->stale, g_hash_table_unref);
  g_clear_pointer (&self->group_counts, g_hash_table_unref);
  g_clear_pointer (&self->all_text_note, g_free);
  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_clear_object (&self->state);
  G_OBJECT_CLASS (fe_quote_browser_parent_class)->dispose (object);
}

static void
fe_quote_browser_class_init (FeQuoteBrowserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fe_quote_browser_dispose;
  widget_class->realize = fe_quote_browser_realize;
  widget_class->unrealize = fe_quote_browser_unrealize;

  /* The respondent row of the selected quote, or G_MAXUINT when none is selected. */
  signals[SIGNAL_COPIED] =
    g_signal_new ("copied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_STAR_REQUESTED] =
    g_signal_new ("star-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, FE_TYPE_QUOTE_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/findings_explorer/FindingsExplorer/"
                                               "ui/fe-quote-browser.ui");
  gtk_widget_class_bind_template_child (widget_class, FeQuoteBrowser, heading_label);
  gtk_widget_class_bind_template_child (widget_class, FeQuoteBrowser, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FeQuoteBrowser, note_label);
  gtk_widget_class_bind_template_child (widget_class, FeQuoteBrowser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FeQuoteBrowser, content_stack);
  gtk_widget_class_bind_template_child (widget_class, FeQuoteBrowser, empty_page);
  gtk_widget_class_bind_template_child (widget_class, FeQuoteBrowser, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);

  gtk_widget_class_install_action (widget_class, "quotes.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "quotes.copied", NULL, copied_action);
  gtk_widget_class_install_action (widget_class, "quotes.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK,
                                       "quotes.copy", NULL);
}

static void
fe_quote_browser_init (FeQuoteBrowser *self)
{
  GtkListItemFactory *factory;
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->all_text_note = g_strdup (gtk_label_get_text (self->note_label));

  self->quotes = fe_quote_list_new ();
  self->bound = g_hash_table_new (NULL, NULL);
  self->stale = g_hash_table_new (NULL, NULL);
  g_signal_connect_swapped (self->quotes, "items-changed", G_CALLBACK (update_summary), self);
  g_signal_connect_swapped (self->quotes, "notify::searching", G_CALLBACK (update_summary),
                            self);
  g_signal_connect_swapped (self->quotes, "changed-in-place", G_CALLBACK (redraw_bound_rows),
                            self);
  self->staged = fe_staged_list_new (G_LIST_MODEL (self->quotes), GTK_WIDGET (self->list_view));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->staged));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  /* The scrolled window gave the list its adjustment when the template was built. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_scrolled), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_laid_out), self,
                           G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

/* Whether the rows on screen can be redrawn where they are. */
static gboolean
can_redraw_in_place (FeQuoteBrowser *self)
{
  return gtk_widget_get_mapped (GTK_WIDGET (self->list_view))
         && g_hash_table_size (self->bound) > 0;
}

/* The range of places reckoned on screen, with a margin either side: where the view is, among
 * the items it had when it was last laid out (those its adjustment measures). */
static void
get_shown_range (FeQuoteBrowser *self,
                 guint          *first,
                 guint          *last)
{
  guint n_shown;

  if (!fe_staged_list_get_shown (self->staged, self->n_laid_out, first, &n_shown))
    {
      *first = 0;
      *last = G_MAXUINT;
      return;
    }
  *last = *first + n_shown + REDRAW_MARGIN;
  *first -= MIN (*first, REDRAW_MARGIN);
}

/* Binds again the stale rows laid out on screen, where GTK last put them. */
static void
redraw_stale_on_screen (FeQuoteBrowser *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  float height = (float) gtk_widget_get_height (GTK_WIDGET (self->list_view));
  GHashTableIter iter;
  gpointer list_item;

  g_hash_table_iter_init (&iter, self->stale);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    {
      graphene_rect_t bounds;

      if (gtk_widget_compute_bounds (gtk_list_item_get_child (list_item),
                                     GTK_WIDGET (self->list_view), &bounds)
          && bounds.size.height > 0
          && bounds.origin.y < height && bounds.origin.y + bounds.size.height > 0)
        g_ptr_array_add (rows, list_item);
    }
  for (guint i = 0; i < rows->len; i++)
    bind_row (NULL, g_ptr_array_index (rows, i), self);
}

/* After a layout that may have moved the rows: a stale row it brought on screen is bound again
 * before the frame is drawn (binding asks for another layout, which GTK runs in this frame). */
static void
on_frame_laid_out (GdkFrameClock  *clock,
                   FeQuoteBrowser *self)
{
  if (!self->rows_moved)
    return;
  self->rows_moved = FALSE;
  if (g_hash_table_size (self->stale) > 0 && gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    redraw_stale_on_screen (self);
}

static void
fe_quote_browser_realize (GtkWidget *widget)
{
  FeQuoteBrowser *self = FE_QUOTE_BROWSER (widget);

  GTK_WIDGET_CLASS (fe_quote_browser_parent_class)->realize (widget);
  self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  self->laid_out_handler = g_signal_connect_after (self->frame_clock, "layout",
                                                   G_CALLBACK (on_frame_laid_out), self);
}

static void
fe_quote_browser_unrealize (GtkWidget *widget)
{
  FeQuoteBrowser *self = FE_QUOTE_BROWSER (widget);

  g_clear_signal_handler (&self->laid_out_handler, self->frame_clock);
  g_clear_object (&self->frame_clock);
  GTK_WIDGET_CLASS (fe_quote_browser_parent_class)->unrealize (widget);
}

/* Binds again the stale rows in @first..@last; binding takes a row off the stale ones. */
static void
redraw_stale_in (FeQuoteBrowser *self,
                 guint           first,
                 guint           last)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer list_item;

  g_hash_table_iter_init (&iter, self->stale);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    {
      guint position = gtk_list_item_get_position (list_item);

      if (position >= first && position <= last)
        g_ptr_array_add (rows, list_item);
    }
  for (guint i = 0; i < rows->len; i++)
    bind_row (NULL, g_ptr_array_index (rows, i), self);
}

static void
on_scrolled (FeQuoteBrowser *self)
{
  guint first, last;

  self->rows_moved = TRUE;
  if (g_hash_table_size (self->stale) == 0)
    return;
  get_shown_range (self, &first, &last);
  redraw_stale_in (self, first, last);
}

/* The view's length is known again, to reckon where it scrolls to; rows its new layout brings
 * on screen are found once it is done (on_frame_laid_out). */
static void
on_laid_out (FeQuoteBrowser *self)
{
  self->n_laid_out = g_list_model_get_n_items (G_LIST_MODEL (self->staged));
  self->rows_moved = TRUE;
}

/* The list changed in place: the rows laid out on screen are redrawn now, any other the new
 * heights bring on screen before the frame is drawn, and the others GTK keeps made (two hundred
 * in all) as they scroll into view. */
static void
redraw_bound_rows (FeQuoteBrowser *self)
{
  guint n_quotes = g_list_model_get_n_items (G_LIST_MODEL (self->quotes));
  GHashTableIter iter;
  gpointer list_item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    if (gtk_list_item_get_position (list_item) < n_quotes)
      g_hash_table_add (self->stale, list_item);
  self->rows_moved = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    redraw_stale_on_screen (self);
  else
    redraw_stale_in (self, 0, G_MAXUINT);
}

/* GTK 4.8's list view, told that the rows it shows were replaced, looks for them among every
 * quote added, making each one: it is told nothing while the list changes, and given the new
 * one as a new model, which costs the rows on screen. */
static void
begin_change (FeQuoteBrowser *self,
              gboolean        in_place)
{
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (!in_place)
    gtk_list_view_set_model (self->list_view, NULL);
}

static void
end_change (FeQuoteBrowser *self,
            gboolean        in_place)
{
  if (in_place)
    return;
  g_hash_table_remove_all (self->stale);
  fe_staged_list_restart (self->staged);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

/* Shows the quotes the list holds now. */
static void
show_items (FeQuoteBrowser *self,
            const char     *heading,
            guint           n_respondents)
{
  guint n_quotes = g_list_model_get_n_items (G_LIST_MODEL (self->quotes));

  self->n_respondents = n_respondents;
  self->showing = TRUE;
  gtk_label_set_text (self->heading_label, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), self->group_counts != NULL);
  update_summary (self);
  {
    /* Said as the quotes fill: "Substance use: 38 respondents, 30 quotes". */
    /* Translators: announced when a segment's quotes fill the browser: heading, then counts */
    g_autofree char *news = g_strdup_printf (_("%s: %s"), heading,
                                             gtk_label_get_text (self->summary_label));

    fe_compat_announce (GTK_WIDGET (self->list_view), news);
  }

  if (n_quotes > 0)
    gtk_stack_set_visible_child_name (self->content_stack, "list");
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Quotes"));
      adw_status_page_set_description (self->empty_page,
                                       _("Nobody in this segment wrote an answer to quote."));
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }
}

static void
show_quotes (FeQuoteBrowser *self,
             FeStudy        *study,
             FeColumn       *question,
             int             level,
             const FeBitset *rows,
             const char     *heading,
             guint           n_respondents)
{
  gboolean in_place = can_redraw_in_place (self);

  g_clear_pointer (&self->group_counts, g_hash_table_unref);
  begin_change (self, in_place);
  fe_quote_list_set_segment (self->quotes, study, question, level, rows, in_place);
  end_change (self, in_place);
  show_items (self, heading, n_respondents);
}

/* Every open answer of the respondents in @rows, or @quotes (taken over; NULL: those), question
 * by question, each question's first quote under its heading and numbers. */
static void
show_all_text (FeQuoteBrowser *self,
               FeStudy        *study,
               const FeBitset *rows,
               GPtrArray      *quotes,
               const char     *heading,
               guint           n_respondents)
{
  gboolean in_place = can_redraw_in_place (self);

  g_clear_pointer (&self->group_counts, g_hash_table_unref);
  begin_change (self, in_place);
  if (quotes != NULL)
    fe_quote_list_set_quotes (self->quotes, study, quotes, in_place);
  else
    fe_quote_list_set_all_text (self->quotes, study, rows, in_place);
  /* Before the rows are bound: the first of each question shows them. */
  self->group_counts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint g = 0; g < fe_quote_list_get_n_groups (self->quotes); g++)
    {
      guint n_group_quotes, n_group_respondents;
      const FeColumn *column = fe_quote_list_get_group (self->quotes, g, &n_group_quotes,
                                                        &n_group_respondents);
      g_autofree char *n_quotes = g_strdup_printf (ngettext ("%u quote", "%u quotes",
                                                             n_group_quotes),
                                                   n_group_quotes);
      g_autofree char *n_respondents_of = g_strdup_printf (ngettext ("%u respondent",
                                                                     "%u respondents",
                                                                     n_group_respondents),
                                                           n_group_respondents);

      /* Translators: an open question's numbers among a segment's answers: "19 quotes · 17
       * respondents" */
      g_hash_table_insert (self->group_counts, (gpointer) column,
                           g_strdup_printf (_("%s · %s"), n_quotes, n_respondents_of));
    }
  end_change (self, in_place);
  show_items (self, heading, n_respondents);
}

const FeColumn *
fe_quote_browser_get_group (FeQuoteBrowser *self,
                            guint           position)
{
  g_autoptr(FeQuoteItem) item = NULL;
  g_autoptr(FeQuoteItem) previous = NULL;
  const FeColumn *column;

  g_return_val_if_fail (FE_IS_QUOTE_BROWSER (self), NULL);

  if (self->group_counts == NULL
      || (item = g_list_model_get_item (G_LIST_MODEL (self->quotes), position)) == NULL)
    return NULL;
  column = fe_quote_item_get_quote (item)->column;
  /* Of the quotes the search leaves, so a group keeps its heading when its first does not
   * match. */
  if (position > 0)
    previous = g_list_model_get_item (G_LIST_MODEL (self->quotes), position - 1);
  if (previous != NULL && fe_quote_item_get_quote (previous)->column == column)
    return NULL;
  return column;
}

const char *
fe_quote_browser_get_note (FeQuoteBrowser *self)
{
  g_return_val_if_fail (FE_IS_QUOTE_BROWSER (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->note_label))
         ? gtk_label_get_text (self->note_label) : NULL;
}

void
fe_quote_browser_clear (FeQuoteBrowser *self)
{
  g_return_if_fail (FE_IS_QUOTE_BROWSER (self));

  /* Cleared already: every filter click with no segment chosen comes here, and giving the view
   * its empty list again would lay the window out for nothing. */
  if (!self->showing && g_list_model_get_n_items (G_LIST_MODEL (self->quotes)) == 0)
    return;
  begin_change (self, FALSE);
  fe_quote_list_clear (self->quotes);
  end_change (self, FALSE);
  g_clear_pointer (&self->listed_rows, fe_bitset_free);
  g_clear_pointer (&self->group_counts, g_hash_table_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), FALSE);
  self->n_respondents = 0;
  self->showing = FALSE;
  gtk_label_set_text (self->heading_label, _("Quotes"));
  gtk_label_set_text (self->summary_label, "");
  adw_status_page_set_title (self->empty_page, _("No Segment Selected"));
  adw_status_page_set_description (self->empty_page,
                                   _("Click a bar to read the answers of the respondents "
                                     "behind it."));
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

void
fe_quote_browser_focus_search (FeQuoteBrowser *self)
{
  g_return_if_fail (FE_IS_QUOTE_BROWSER (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
fe_quote_browser_set_search (FeQuoteBrowser *self,
                             const char     *query)
{
  g_return_if_fail (FE_IS_QUOTE_BROWSER (self));
  /* Setting the text empties the entry first, and an empty search entry says so at once: the
   * list would fill with every quote only to be searched again. */
  g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query ? query : "");
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);
  on_search_changed (self);
}

gboolean
fe_quote_browser_is_searching (FeQuoteBrowser *self)
{
  g_return_val_if_fail (FE_IS_QUOTE_BROWSER (self), FALSE);
  return fe_quote_list_is_searching (self->quotes);
}

GListModel *
fe_quote_browser_get_model (FeQuoteBrowser *self)
{
  g_return_val_if_fail (FE_IS_QUOTE_BROWSER (self), NULL);
  return G_LIST_MODEL (self->quotes);
}

const char *
fe_quote_browser_get_heading (FeQuoteBrowser *self)
{
  g_return_val_if_fail (FE_IS_QUOTE_BROWSER (self), NULL);
  return gtk_label_get_text (self->heading_label);
}

const char *
fe_quote_browser_get_summary (FeQuoteBrowser *self)
{
  g_return_val_if_fail (FE_IS_QUOTE_BROWSER (self), NULL);
  return gtk_label_get_text (self->summary_label);
}

gboolean
fe_quote_browser_copy_quote (FeQuoteBrowser *self)
{
  g_autoptr(FeQuoteItem) first = NULL;
  FeQuoteItem *item;
  g_autofree char *citation = NULL;

  g_return_val_if_fail (FE_IS_QUOTE_BROWSER (self), FALSE);

  item = gtk_single_selection_get_selected_item (self->selection);
  if (item == NULL)
    item = first = g_list_model_get_item (G_LIST_MODEL (self->quotes), 0);
  if (item == NULL)
    return FALSE;

  citation = fe_quote_item_dup_citation (item);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), citation);
  g_signal_emit (self, signals[SIGNAL_COPIED], 0);
  return TRUE;
}

void
fe_quote_browser_select (FeQuoteBrowser *self,
                         guint           position)
{
  g_return_if_fail (FE_IS_QUOTE_BROWSER (self));
  gtk_single_selection_set_selected (self->selection, position);
}

gpointer
fe_quote_browser_get_selected (FeQuoteBrowser *self)
{
  g_return_val_if_fail (FE_IS_QUOTE_BROWSER (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

void
fe_quote_browser_request_star (FeQuoteBrowser *self,
                               gpointer        item)
{
  g_return_if_fail (FE_IS_QUOTE_BROWSER (self));
  g_return_if_fail (FE_IS_QUOTE_ITEM (item));
  g_signal_emit (self, signals[SIGNAL_STAR_REQUESTED], 0, item);
}

void
fe_quote_browser_set_starred_func (FeQuoteBrowser     *self,
                                   FeQuoteStarredFunc  func,
                                   gpointer            data)
{
  g_return_if_fail (FE_IS_QUOTE_BROWSER (self));
  fe_quote_list_set_starred_func (self->quotes, func, data);
  fe_quote_list_update_stars (self->quotes);
}

/* ---- Bound to an exploration state ---------------------------------------------------------- */

static gboolean
same_rows (const FeBitset *a,
           const FeBitset *b)
{
  guint n = fe_bitset_count (a);

  return fe_bitset_get_size (a) == fe_bitset_get_size (b) && fe_bitset_count (b) == n
         && fe_bitset_count_and (a, b) == n;
}

/* Whether the quotes listed are already those of these respondents' answers. */
static gboolean
already_listed (FeQuoteBrowser *self,
                FeColumn       *question,
                int             level,
                gboolean        all_text,
                const FeBitset *rows)
{
  return self->listed_rows != NULL && self->listed_question == question
         && self->listed_level == level && self->listed_all_text == all_text
         && same_rows (self->listed_rows, rows);
}

static void
show_state (FeQuoteBrowser *self)
{
  FeQuery *query = fe_explore_state_get_query (self->state);
  int level = fe_explore_state_get_selected_level (self->state);
  int group = fe_explore_state_get_selected_group (self->state);
  g_autoptr(FeBitset) rows = NULL;
  g_autoptr(FeBitset) segment = NULL;
  g_autofree char *heading = NULL;
  FeColumn *question, *split;
  const char *level_label;
  GPtrArray *cell;
  gboolean all_text;

  if (query == NULL || level < 0)
    {
      fe_quote_browser_clear (self);
      return;
    }
  question = fe_query_get_question (query);
  split = fe_query_get_split (query);
  rows = fe_query_dup_group_rows (query, group);
  segment = fe_query_dup_segment_rows (query, (guint) level, group);
  level_label = fe_column_get_display_level (question, (guint) level);
  if (group >= 0 && split != NULL)
    heading = g_strdup_printf ("%s · %s", level_label,
                               fe_column_get_display_level (split, (guint) group));
  else
    heading = g_strdup (level_label);
  /* A cell of two questions: what its respondents wrote to each, question by question (a few:
   * made in full). */
  cell = fe_query_collect_cell_quotes (query, (guint) level, group);
  gtk_label_set_text (self->note_label,
                      cell != NULL ? _("What the respondents in both wrote to each question, "
                                       "each quote with its themes.")
                                   : self->all_text_note);
  if (cell != NULL)
    {
      show_all_text (self, fe_query_get_study (query), segment, cell, heading,
                     fe_bitset_count (segment));
      g_clear_pointer (&self->listed_rows, fe_bitset_free);
      self->listed_question = NULL;
      return;
    }
  all_text = !fe_column_has_quotes (question, level);
  if (already_listed (self, question, level, all_text, all_text ? segment : rows))
    return;
  if (!all_text)
    show_quotes (self, fe_query_get_study (query), question, level, rows, heading,
                 fe_bitset_count (segment));
  else
    /* "What did the 56 who had no training say?": with no open question of its own, the
     * segment's respondents are still worth reading, in everything they wrote. */
    show_all_text (self, fe_query_get_study (query), segment, NULL, heading,
                   fe_bitset_count (segment));
  g_clear_pointer (&self->listed_rows, fe_bitset_free);
  self->listed_rows = fe_bitset_copy (all_text ? segment : rows);
  self->listed_question = question;
  self->listed_level = level;
  self->listed_all_text = all_text;
}

/* A search typed for one question's quotes would silently hide most of the next one's. */
static void
on_question_changed (FeQuoteBrowser *self)
{
  fe_quote_browser_set_search (self, NULL);
}

void
fe_quote_browser_set_state (FeQuoteBrowser *self,
                            FeExploreState *state)
{
  g_return_if_fail (FE_IS_QUOTE_BROWSER (self));
  g_return_if_fail (self->state == NULL && FE_IS_EXPLORE_STATE (state));

  self->state = g_object_ref (state);
  g_signal_connect_swapped (state, "notify::question", G_CALLBACK (on_question_changed), self);
  g_signal_connect_swapped (state, "notify::query", G_CALLBACK (show_state), self);
  g_signal_connect_swapped (state, "notify::selection", G_CALLBACK (show_state), self);
  show_state (self);
}
