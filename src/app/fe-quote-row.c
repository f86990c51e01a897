/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-quote-row.h"

#include <glib/gi18n.h>

#include "fe-quote-browser.h"
#include "fe-text-match.h"
#include "fe-wrap-label.h"

struct _FeQuoteRow
{
  GtkBox       parent_instance;

  GtkWidget   *group_box;
  FeWrapLabel *group_label;
  FeWrapLabel *group_count_label;
  FeWrapLabel *attribution_label;
  FeWrapLabel *text_label;
  FeWrapLabel *attributes_label;
  FeWrapLabel *codes_label;
  FeWrapLabel *note_label;
  GtkButton   *copy_button;
  GtkButton   *star_button;

  FeQuoteItem *item;
  gboolean     shows_starred;  /* what the star button says now */
};

G_DEFINE_FINAL_TYPE (FeQuoteRow, fe_quote_row, GTK_TYPE_BOX)

static void
on_copy_clicked (FeQuoteRow *self)
{
  g_autofree char *citation = NULL;

  if (self->item == NULL)
    return;
  citation = fe_quote_item_dup_citation (self->item);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), citation);
  gtk_widget_activate_action (GTK_WIDGET (self), "quotes.copied", NULL);
}

/* Ctrl+C in the quote's text copies its selection, and nothing at all when there is none, and
 * the key goes no further. A click on the text leaves the focus there with nothing selected, so
 * without a selection the quote is what is copied, as the window's Ctrl+C would. */
static void
on_text_copy_clipboard (FeQuoteRow  *self,
                        FeWrapLabel *text)
{
  if (fe_wrap_label_get_selection_bounds (text, NULL, NULL))
    return;
  g_signal_stop_emission_by_name (text, "copy-clipboard");
  on_copy_clicked (self);
}

static void
on_star_clicked (FeQuoteRow *self)
{
  GtkWidget *browser = gtk_widget_get_ancestor (GTK_WIDGET (self), FE_TYPE_QUOTE_BROWSER);

  if (self->item != NULL && browser != NULL)
    fe_quote_browser_request_star (FE_QUOTE_BROWSER (browser), self->item);
}

/* What the star button says it does, in its tooltip and to a screen reader. */
static const char *
star_action (FeQuoteRow *self)
{
  return self->item != NULL && fe_quote_item_get_starred (self->item)
         ? _("Unstar") : _("Star for the Saved View");
}

/* The buttons' tooltips are asked for when shown, not set: GTK 4.8 asks the X server where the
 * pointer is each time a tooltip is set, a round trip for each of the two hundred rows a list
 * makes, and each row it binds again. */
static gboolean
on_query_button_tooltip (GtkWidget  *button,
                         int         x,
                         int         y,
                         gboolean    keyboard_mode,
                         GtkTooltip *tooltip,
                         FeQuoteRow *self)
{
  gtk_tooltip_set_text (tooltip, button == GTK_WIDGET (self->star_button)
                                 ? star_action (self) : _("Copy With Attribution"));
  return TRUE;
}

static void
show_starred (FeQuoteRow *self)
{
  gboolean starred = self->item != NULL && fe_quote_item_get_starred (self->item);

  if (self->star_button == NULL || starred == self->shows_starred)
    return;
  self->shows_starred = starred;
  gtk_button_set_icon_name (self->star_button, starred ? "starred-symbolic"
                                                       : "non-starred-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->star_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, star_action (self), -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->star_button), GTK_ACCESSIBLE_STATE_PRESSED,
                               starred ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                       : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
}

static void
set_item (FeQuoteRow  *self,
          FeQuoteItem *item)
{
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_set_object (&self->item, item);
  if (item != NULL)
    g_signal_connect_swapped (item, "notify::starred", G_CALLBACK (show_starred), self);
  show_starred (self);
}

static void
fe_quote_row_dispose (GObject *object)
{
  FeQuoteRow *self = FE_QUOTE_ROW (object);

  set_item (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FE_TYPE_QUOTE_ROW);
  G_OBJECT_CLASS (fe_quote_row_parent_class)->dispose (object);
}

static void
fe_quote_row_class_init (FeQuoteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fe_quote_row_dispose;

  g_type_ensure (FE_TYPE_WRAP_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/findings_explorer/FindingsExplorer/"
                                               "ui/fe-quote-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FeQuoteRow, group_box);
  gtk_widget_class_bind_template_child (widget_class, FeQuoteRow, group_label);
  gtk_widget_class_bind_template_child (widget_class, FeQuoteRow, group_count_label);
  gtk_widget_class_bind_template_child (widget_class, FeQuoteRow, attribution_label);
  gtk_widget_class_bind_template_child (widget_class, FeQuoteRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, FeQuoteRow, attributes_label);
  gtk_widget_class_bind_template_child (widget_class, FeQuoteRow, codes_label);
  gtk_widget_class_bind_template_child (widget_class, FeQuoteRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, FeQuoteRow, copy_button);
  gtk_widget_class_bind_template_child (widget_class, FeQuoteRow, star_button);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_star_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_text_copy_clipboard);
  gtk_widget_class_bind_template_callback (widget_class, on_query_button_tooltip);
}

static void
fe_quote_row_init (FeQuoteRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* A toggle for a screen reader, not pressed until a starred quote is shown. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->star_button), GTK_ACCESSIBLE_STATE_PRESSED,
                               GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
}

GtkWidget *
fe_quote_row_new (void)
{
  return g_object_new (FE_TYPE_QUOTE_ROW, NULL);
}

/* "Gwent Police · PCSO · 11 to 20 years" */
static char *
describe_attributes (FeStudy *study,
                     guint    row)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);
      const char *level;

      if (column->role != FE_ROLE_ATTRIBUTE)
        continue;
      level = fe_study_get_display_level_label (study, column, row);
      if (level != NULL)
        g_string_append_printf (text, "%s%s", text->len ? " · " : "", level);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_codes (const FeQuote *quote)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < quote->codes->len; i++)
    g_string_append_printf (text, "%s%s", i ? " · " : "",
                            fe_column_get_display_level (quote->column,
                                                         g_array_index (quote->codes, guint,
                                                                        i)));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
fe_quote_row_bind (FeQuoteRow  *self,
                   FeQuoteItem *item,
                   const char  *query)
{
  const FeQuote *quote;
  FeStudy *study;
  g_autofree char *shown = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *attributes = NULL;
  g_autofree char *codes = NULL;

  g_return_if_fail (FE_IS_QUOTE_ROW (self));

  set_item (self, item);
  if (item == NULL)
    return;

  quote = fe_quote_item_get_quote (item);
  study = fe_quote_item_get_study (item);
  attributes = describe_attributes (study, quote->row);
  codes = describe_codes (quote);

  fe_wrap_label_set_text (self->attribution_label, fe_quote_item_get_attribution (item));
  shown = fe_text_for_display (quote->text);
  markup = fe_text_markup_matches (shown, query ? query : "");
  fe_wrap_label_set_markup (self->text_label, markup);
  fe_wrap_label_set_text (self->attributes_label, attributes);
  fe_wrap_label_set_text (self->codes_label, codes);
  gtk_widget_set_visible (GTK_WIDGET (self->codes_label), *codes != '\0');
  fe_wrap_label_set_text (self->note_label, quote->note ? quote->note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), quote->note != NULL);
}

FeQuoteItem *
fe_quote_row_get_item (FeQuoteRow *self)
{
  g_return_val_if_fail (FE_IS_QUOTE_ROW (self), NULL);

  return self->item;
}

void
fe_quote_row_set_group (FeQuoteRow *self,
                        const char *title,
                        const char *counts)
{
  g_return_if_fail (FE_IS_QUOTE_ROW (self));

  fe_wrap_label_set_text (self->group_label, title ? title : "");
  fe_wrap_label_set_text (self->group_count_label, counts ? counts : "");
  gtk_widget_set_visible (self->group_box, title != NULL);
}
