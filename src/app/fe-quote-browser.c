/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-quote-browser.h"
#include "fe-compat.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fe-explore-state.h"
#include "fe-cell-quotes.h"
#include "fe-quote-item.h"
#include "fe-quote-row.h"
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

  GListStore         *quotes;
  GtkCustomFilter    *search_filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  char               *query;
  guint               n_respondents;
  /* When the quotes are every open answer of a segment: FeColumn → its numbers ("19 quotes ·
   * 17 respondents"), shown above its first quote; else NULL. */
  GHashTable         *group_counts;
  char               *all_text_note;  /* the note above every open answer of a segment */
  FeExploreState     *state;
};

G_DEFINE_FINAL_TYPE (FeQuoteBrowser, fe_quote_browser, GTK_TYPE_BOX)

enum {
  SIGNAL_COPIED,
  SIGNAL_STAR_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
match_quote (gpointer item,
             gpointer data)
{
  FeQuoteBrowser *self = data;
  const FeQuote *quote = fe_quote_item_get_quote (item);

  return self->query == NULL || fe_text_matches (quote->text, self->query)
         || fe_text_matches (fe_quote_item_get_attribution (item), self->query);
}

static void
update_summary (FeQuoteBrowser *self)
{
  guint n_quotes = g_list_model_get_n_items (G_LIST_MODEL (self->quotes));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *respondents = NULL;
  g_autofree char *quotes = NULL;
  g_autofree char *summary = NULL;

  respondents = g_strdup_printf (ngettext ("%u respondent", "%u respondents",
                                           self->n_respondents),
                                 self->n_respondents);
  quotes = g_strdup_printf (ngettext ("%u quote", "%u quotes", n_quotes), n_quotes);
  if (n_shown != n_quotes)
    /* Translators: "7 respondents, 5 quotes (2 match the search)" */
    summary = g_strdup_printf (ngettext ("%s, %s (%u matches the search)",
                                         "%s, %s (%u match the search)", n_shown),
                               respondents, quotes, n_shown);
  else
    /* Translators: "7 respondents, 5 quotes" */
    summary = g_strdup_printf (_("%s, %s"), respondents, quotes);
  gtk_label_set_text (self->summary_label, summary);
}

/* Rows that stay shown keep their binding; putting the same items back redraws their
 * highlights for the new search. */
static void
rebind_rows (FeQuoteBrowser *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->quotes));
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->quotes), i));
  g_list_store_splice (self->quotes, 0, n, items->pdata, n);
}

static void
on_search_changed (FeQuoteBrowser *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->query, g_free);
  if (*text != '\0')
    self->query = g_strdup (text);
  gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);
  rebind_rows (self);
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

  fe_quote_row_bind (row, item, self->query);
  fe_compat_name_list_item (list_item, name);
  fe_quote_row_set_group (row, group ? fe_column_get_display_label (group) : NULL,
                          group ? g_hash_table_lookup (self->group_counts, group) : NULL);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  data)
{
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
  g_clear_object (&self->quotes);
  g_clear_pointer (&self->query, g_free);
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

  gtk_widget_init_template (GTK_WIDGET (self));
  self->all_text_note = g_strdup (gtk_label_get_text (self->note_label));

  self->quotes = g_list_store_new (FE_TYPE_QUOTE_ITEM);
  self->search_filter = gtk_custom_filter_new (match_quote, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->quotes)),
                                              GTK_FILTER (self->search_filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
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

  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

static void
show_items (FeQuoteBrowser *self,
            FeStudy        *study,
            GPtrArray      *quotes,
            const char     *heading,
            guint           n_respondents)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  /* The quotes move into the items, which free them. */
  g_ptr_array_set_free_func (quotes, NULL);
  for (guint i = 0; i < quotes->len; i++)
    g_ptr_array_add (items, fe_quote_item_new (study, g_ptr_array_index (quotes, i)));
  g_ptr_array_unref (quotes);

  self->n_respondents = n_respondents;
  g_list_store_splice (self->quotes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->quotes)),
                       items->pdata, items->len);
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

  if (items->len > 0)
    gtk_stack_set_visible_child_name (self->content_stack, "list");
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Quotes"));
      adw_status_page_set_description (self->empty_page,
                                       _("Nobody in this segment wrote an answer to quote."));
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }
}

void
fe_quote_browser_show_quotes (FeQuoteBrowser *self,
                              FeStudy        *study,
                              GPtrArray      *quotes,
                              const char     *heading,
                              guint           n_respondents)
{
  g_return_if_fail (FE_IS_QUOTE_BROWSER (self));

  g_clear_pointer (&self->group_counts, g_hash_table_unref);
  show_items (self, study, quotes, heading, n_respondents);
}

void
fe_quote_browser_show_all_text (FeQuoteBrowser *self,
                                FeStudy        *study,
                                GPtrArray      *quotes,
                                const char     *heading,
                                guint           n_respondents)
{
  g_autoptr(GArray) groups = NULL;

  g_return_if_fail (FE_IS_QUOTE_BROWSER (self));

  groups = fe_quotes_group_by_question (quotes);
  g_clear_pointer (&self->group_counts, g_hash_table_unref);
  self->group_counts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint g = 0; g < groups->len; g++)
    {
      const FeQuoteGroup *group = &g_array_index (groups, FeQuoteGroup, g);
      g_autofree char *n_quotes = g_strdup_printf (ngettext ("%u quote", "%u quotes",
                                                             group->n_quotes),
                                                   group->n_quotes);
      g_autofree char *n_respondents_of = g_strdup_printf (ngettext ("%u respondent",
                                                                     "%u respondents",
                                                                     group->n_respondents),
                                                           group->n_respondents);

      /* Translators: an open question's numbers among a segment's answers: "19 quotes · 17
       * respondents" */
      g_hash_table_insert (self->group_counts, (gpointer) group->column,
                           g_strdup_printf (_("%s · %s"), n_quotes, n_respondents_of));
    }
  show_items (self, study, quotes, heading, n_respondents);
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
      || (item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position)) == NULL)
    return NULL;
  column = fe_quote_item_get_quote (item)->column;
  /* Of the quotes the search leaves, so a group keeps its heading when its first does not
   * match. */
  if (position > 0)
    previous = g_list_model_get_item (G_LIST_MODEL (self->filtered), position - 1);
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

  g_list_store_remove_all (self->quotes);
  g_clear_pointer (&self->group_counts, g_hash_table_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), FALSE);
  self->n_respondents = 0;
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
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query ? query : "");
  on_search_changed (self);
}

GListModel *
fe_quote_browser_get_model (FeQuoteBrowser *self)
{
  g_return_val_if_fail (FE_IS_QUOTE_BROWSER (self), NULL);
  return G_LIST_MODEL (self->filtered);
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
    item = first = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);
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

GListModel *
fe_quote_browser_get_quotes (FeQuoteBrowser *self)
{
  g_return_val_if_fail (FE_IS_QUOTE_BROWSER (self), NULL);
  return G_LIST_MODEL (self->quotes);
}

/* ---- Bound to an exploration state ---------------------------------------------------------- */

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
  /* A cell of two questions: what its respondents wrote to each, question by question. */
  cell = fe_query_collect_cell_quotes (query, (guint) level, group);
  gtk_label_set_text (self->note_label,
                      cell != NULL ? _("What the respondents in both wrote to each question, "
                                       "each quote with its themes.")
                                   : self->all_text_note);
  if (cell != NULL)
    fe_quote_browser_show_all_text (self, fe_query_get_study (query), cell, heading,
                                    fe_bitset_count (segment));
  else if (fe_column_has_quotes (question, level))
    fe_quote_browser_show_quotes (self, fe_query_get_study (query),
                                  fe_study_collect_quotes (fe_query_get_study (query), question,
                                                           level, rows),
                                  heading, fe_bitset_count (segment));
  else
    /* "What did the 56 who had no training say?": with no open question of its own, the
     * segment's respondents are still worth reading, in everything they wrote. */
    fe_quote_browser_show_all_text (self, fe_query_get_study (query),
                                    fe_study_collect_text_quotes (fe_query_get_study (query),
                                                                  segment),
                                    heading, fe_bitset_count (segment));
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
