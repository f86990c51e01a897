/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

/* This file alone may use API newer than our floor, behind version checks. */
#undef GDK_VERSION_MAX_ALLOWED
#undef ADW_VERSION_MAX_ALLOWED

#include "fe-compat.h"

#include <glib/gi18n.h>

typedef struct
{
  FeCompatFileCallback  callback;
  FeCompatFilesCallback files_callback;
  gpointer              user_data;
} FileRequest;

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_save_dialog_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  FileRequest *request = data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  request->callback (file, request->user_data);
  g_free (request);
}

static void
on_open_dialog_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  FileRequest *request = data;
  g_autoptr(GListModel) files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (source),
                                                                     result, NULL);

  request->files_callback (files, request->user_data);
  g_free (request);
}
#else
static void
on_native_response (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         data)
{
  FileRequest *request = data;

  if (request->files_callback != NULL)
    {
      g_autoptr(GListModel) files = NULL;

      if (response == GTK_RESPONSE_ACCEPT)
        files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      request->files_callback (files, request->user_data);
    }
  else
    {
      g_autoptr(GFile) file = NULL;

      if (response == GTK_RESPONSE_ACCEPT)
        file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      request->callback (file, request->user_data);
    }
  g_free (request);
  g_object_unref (dialog);
}
#endif

static void
ask_for_files (GtkWindow   *parent,
               const char  *title,
               gboolean     save,
               const char  *initial_name,
               GListModel  *filters,
               FileRequest *request)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_modal (dialog, TRUE);
    if (filters != NULL)
      gtk_file_dialog_set_filters (dialog, filters);
    if (save)
      {
        gtk_file_dialog_set_initial_name (dialog, initial_name);
        gtk_file_dialog_save (dialog, parent, NULL, on_save_dialog_done, request);
      }
    else
      gtk_file_dialog_open_multiple (dialog, parent, NULL, on_open_dialog_done, request);
  }
#else
  {
    GtkFileChooserNative *dialog;

    dialog = gtk_file_chooser_native_new (title, parent,
                                          save ? GTK_FILE_CHOOSER_ACTION_SAVE
                                               : GTK_FILE_CHOOSER_ACTION_OPEN,
                                          save ? _("_Save") : _("_Open"), _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
    gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), !save);
    if (save && initial_name != NULL)
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), initial_name);
    for (guint i = 0; filters != NULL && i < g_list_model_get_n_items (filters); i++)
      {
        g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

        gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
      }
    g_signal_connect (dialog, "response", G_CALLBACK (on_native_response), request);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
  }
#endif
}

void
fe_compat_open_files (GtkWindow             *parent,
                      const char            *title,
                      GListModel            *filters,
                      FeCompatFilesCallback  callback,
                      gpointer               user_data)
{
  FileRequest *request = g_new0 (FileRequest, 1);

  request->files_callback = callback;
  request->user_data = user_data;
  ask_for_files (parent, title, FALSE, NULL, filters, request);
}

void
fe_compat_save_file (GtkWindow            *parent,
                     const char           *title,
                     const char           *initial_name,
                     FeCompatFileCallback  callback,
                     gpointer              user_data)
{
  FileRequest *request = g_new0 (FileRequest, 1);

  request->callback = callback;
  request->user_data = user_data;
  ask_for_files (parent, title, TRUE, initial_name, NULL, request);
}

void
fe_compat_alert (GtkWindow  *parent,
                 const char *heading,
                 const char *body)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  AdwDialog *dialog = adw_alert_dialog_new (heading, body);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (parent));
#else
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
#endif
}

GtkWidget *
fe_compat_confirm (GtkWindow  *parent,
                   const char *heading,
                   const char *body,
                   const char *confirm,
                   const char *confirm_label)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    confirm, confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), confirm,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

void
fe_compat_show_about (GtkWindow *parent)
{
  static const char *developers[] = { "The Findings Explorer developers", NULL };

#if ADW_CHECK_VERSION (1, 5, 0)
  AdwDialog *about = adw_about_dialog_new ();
#define ABOUT_SET(kind, ...) adw_about_dialog_set_##kind (ADW_ABOUT_DIALOG (about), __VA_ARGS__)
#else
  GtkWidget *about = adw_about_window_new ();
#define ABOUT_SET(kind, ...) adw_about_window_set_##kind (ADW_ABOUT_WINDOW (about), __VA_ARGS__)
#endif

  ABOUT_SET (application_name, _("Findings Explorer"));
  ABOUT_SET (application_icon, APP_ID);
  ABOUT_SET (version, PACKAGE_VERSION);
  ABOUT_SET (developer_name, _("The Findings Explorer developers"));
  ABOUT_SET (developers, developers);
  ABOUT_SET (comments, _("Explore survey findings: filterable charts linked to the verbatim "
                         "answers behind every bar."));
  ABOUT_SET (license_type, GTK_LICENSE_GPL_3_0);
  /* Translators: put your name here so that it shows in the About window */
  ABOUT_SET (translator_credits, _("translator-credits"));
#undef ABOUT_SET

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (about, GTK_WIDGET (parent));
#else
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_present (GTK_WINDOW (about));
#endif
}

gboolean
fe_compat_lookup_accent (GtkWidget *widget,
                         GdkRGBA   *color)
{
  gboolean found;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (color != NULL, FALSE);

  /* GTK 4.10 deprecates the style context with no way to read a named colour in its place (a
   * libadwaita accent call arrives only in 1.6): this one lookup stays, on every version. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  found = gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_color",
                                          color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return found;
}

void
fe_compat_get_color (GtkWidget *widget,
                     GdkRGBA   *color)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (color != NULL);

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
}

int
fe_compat_chars_width (GtkWidget *widget,
                       int        n_chars)
{
  PangoFontMetrics *metrics;
  int char_width;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), 0);

  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (widget), NULL, NULL);
  char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                    pango_font_metrics_get_approximate_digit_width (metrics));
  pango_font_metrics_unref (metrics);
  return PANGO_PIXELS_CEIL (char_width * n_chars);
}

/* ---- Panes that fold in narrow windows ------------------------------------------------- */

#if ADW_CHECK_VERSION (1, 4, 0)
GtkWidget *
fe_compat_pane_new (GtkWidget   *pane,
                    GtkWidget   *content,
                    GtkPackType  side,
                    int          width)
{
  AdwOverlaySplitView *split = ADW_OVERLAY_SPLIT_VIEW (adw_overlay_split_view_new ());

  adw_overlay_split_view_set_sidebar_position (split, side);
  adw_overlay_split_view_set_sidebar_width_unit (split, ADW_LENGTH_UNIT_PX);
  adw_overlay_split_view_set_min_sidebar_width (split, width);
  adw_overlay_split_view_set_max_sidebar_width (split, width);
  adw_overlay_split_view_set_sidebar (split, pane);
  adw_overlay_split_view_set_content (split, content);
  return GTK_WIDGET (split);
}

void
fe_compat_fold_panes (GtkWidget *window,
                      int        min_width,
                      int        min_height,
                      GtkWidget *outer,
                      int        outer_fold,
                      GtkWidget *inner,
                      int        inner_fold)
{
  AdwBreakpoint *narrow, *narrower;

  /* The last breakpoint that matches applies alone, so the narrower one folds both. */
  narrow = adw_breakpoint_new (adw_breakpoint_condition_new_length (
                                 ADW_BREAKPOINT_CONDITION_MAX_WIDTH, inner_fold - 1,
                                 ADW_LENGTH_UNIT_SP));
  adw_breakpoint_add_setters (narrow, G_OBJECT (inner), "collapsed", TRUE, NULL);
  narrower = adw_breakpoint_new (adw_breakpoint_condition_new_length (
                                   ADW_BREAKPOINT_CONDITION_MAX_WIDTH, outer_fold - 1,
                                   ADW_LENGTH_UNIT_SP));
  adw_breakpoint_add_setters (narrower, G_OBJECT (inner), "collapsed", TRUE,
                              G_OBJECT (outer), "collapsed", TRUE, NULL);
  gtk_widget_set_size_request (window, min_width, min_height);
  adw_application_window_add_breakpoint (ADW_APPLICATION_WINDOW (window), narrow);
  adw_application_window_add_breakpoint (ADW_APPLICATION_WINDOW (window), narrower);
}

gboolean
fe_compat_pane_get_folded (GtkWidget *split)
{
  return adw_overlay_split_view_get_collapsed (ADW_OVERLAY_SPLIT_VIEW (split));
}

gboolean
fe_compat_pane_get_shown (GtkWidget *split)
{
  return adw_overlay_split_view_get_show_sidebar (ADW_OVERLAY_SPLIT_VIEW (split));
}

void
fe_compat_pane_set_shown (GtkWidget *split,
                          gboolean   shown)
{
  adw_overlay_split_view_set_show_sidebar (ADW_OVERLAY_SPLIT_VIEW (split), shown);
}

const char *
fe_compat_pane_shown_property (void)
{
  return "show-sidebar";
}

const char *
fe_compat_pane_folded_property (void)
{
  return "collapsed";
}
#else
GtkWidget *
fe_compat_pane_new (GtkWidget   *pane,
                    GtkWidget   *content,
                    GtkPackType  side,
                    int          width)
{
  AdwFlap *flap = ADW_FLAP (adw_flap_new ());
  GtkWidget *clamp = adw_clamp_new ();

  /* Side by side the flap gets its width request and the content the rest; folded, its
   * natural width, which a quote's long question would make most of the window's: the clamp
   * keeps it near the width beside the content. */
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), width * 6 / 5);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), width * 6 / 5);
  adw_clamp_set_child (ADW_CLAMP (clamp), pane);
  gtk_widget_set_size_request (clamp, width, -1);
  /* A pane that asks to expand would take half the window. */
  gtk_widget_set_hexpand (clamp, FALSE);
  /* Over the content, the pane needs a background of its own. */
  gtk_widget_add_css_class (clamp, "background");
  adw_flap_set_flap_position (flap, side);
  adw_flap_set_flap (flap, clamp);
  adw_flap_set_separator (flap, gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_flap_set_content (flap, content);
  return GTK_WIDGET (flap);
}

void
fe_compat_fold_panes (GtkWidget *window,
                      int        min_width,
                      int        min_height,
                      GtkWidget *outer,
                      int        outer_fold,
                      GtkWidget *inner,
                      int        inner_fold)
{
}

gboolean
fe_compat_pane_get_folded (GtkWidget *split)
{
  return adw_flap_get_folded (ADW_FLAP (split));
}

gboolean
fe_compat_pane_get_shown (GtkWidget *split)
{
  return adw_flap_get_reveal_flap (ADW_FLAP (split));
}

void
fe_compat_pane_set_shown (GtkWidget *split,
                          gboolean   shown)
{
  adw_flap_set_reveal_flap (ADW_FLAP (split), shown);
}

const char *
fe_compat_pane_shown_property (void)
{
  return "reveal-flap";
}

const char *
fe_compat_pane_folded_property (void)
{
  return "folded";
}
#endif

/* Accessibility */

static void
activatable_row_activate (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  gtk_widget_activate (widget);
}

void
fe_compat_install_row_activate (GtkWidgetClass *row_class)
{
  /* GTK exposes a widget's own actions as its AT-SPI actions. */
  gtk_widget_class_install_action (row_class, "row.activate", NULL, activatable_row_activate);
}

void
fe_compat_name_control (GtkWidget  *widget,
                        const char *label,
                        const char *tooltip)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (label != NULL);

  gtk_widget_set_tooltip_text (widget, tooltip != NULL ? tooltip : label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  if (GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget))
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        label, -1);
}

void
fe_compat_set_new_tooltip (GtkWidget  *widget,
                           const char *text)
{
  gboolean visible;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (gtk_widget_get_parent (widget) == NULL);

  visible = gtk_widget_get_visible (widget);
  /* Hidden, it asks nothing; shown again before it has a parent, nothing is laid out. */
  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  gtk_widget_set_visible (widget, visible);
}

void
fe_compat_name_list_item (GtkListItem *item,
                          const char  *label)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *row = child != NULL ? gtk_widget_get_parent (child) : NULL;

#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_list_item_set_accessible_label (item, label);
#endif
  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
}

void
fe_compat_name_column_view_row (GtkListItem *item,
                                const char  *label)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *cell = child != NULL ? gtk_widget_get_parent (child) : NULL;
  GtkWidget *row = cell != NULL ? gtk_widget_get_parent (cell) : NULL;

  /* GTK 4.8: label → GtkColumnViewCell → the row's GtkListItemWidget, the focusable one. */
  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
}

void
fe_compat_name_column_view_header (GtkColumnView *view,
                                   const char    *label)
{
  /* GTK 4.8 gives the view's first child, the row of titles, the focus and no name. */
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (view));

  if (header != NULL && !GTK_IS_SCROLLBAR (header))
    gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    label, -1);
}

static GtkWidget *
first_list_box_row (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LIST_BOX_ROW (child))
        return child;
      if ((found = first_list_box_row (child)) != NULL)
        return found;
    }
  return NULL;
}

void
fe_compat_name_expander_row (AdwExpanderRow *row,
                             const char     *label)
{
  GtkWidget *header = first_list_box_row (GTK_WIDGET (row));

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (header != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
}

void
fe_compat_announce (GtkWidget  *region,
                    const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (region));

  gtk_accessible_update_property (GTK_ACCESSIBLE (region), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message, -1);
#if GTK_CHECK_VERSION (4, 14, 0)
  gtk_accessible_announce (GTK_ACCESSIBLE (region), message,
                           GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
#endif
}
