/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The one place that knows which GTK and libadwaita we run on: GTK 4.8 / libadwaita 1.2 on
 * Debian 12, and newer in the Flatpak runtime. Everything else calls these. */

typedef void (*FeCompatFileCallback) (GFile    *file,
                                      gpointer  user_data);

typedef void (*FeCompatFilesCallback) (GListModel *files,
                                       gpointer    user_data);

/* Asks for files to open (native, portal-friendly): one, or several that belong together.
 * @callback gets a list of GFile, or NULL when cancelled. */
void fe_compat_open_files (GtkWindow             *parent,
                           const char            *title,
                           GListModel            *filters,
                           FeCompatFilesCallback  callback,
                           gpointer               user_data);
/* Asks where to save; @initial_name is suggested. */
void fe_compat_save_file  (GtkWindow            *parent,
                           const char           *title,
                           const char           *initial_name,
                           FeCompatFileCallback  callback,
                           gpointer              user_data);
/* A modal message with one Close button. */
void fe_compat_alert      (GtkWindow            *parent,
                           const char           *heading,
                           const char           *body);
/* A modal question before something is lost: Cancel, which Enter, Escape and closing answer,
 * and the destructive @confirm response labelled @confirm_label. The caller connects to its
 * "response" signal and presents it. */
GtkWidget *fe_compat_confirm (GtkWindow          *parent,
                              const char         *heading,
                              const char         *body,
                              const char         *confirm,
                              const char         *confirm_label);
void fe_compat_show_about (GtkWindow            *parent);
/* The style's accent colour for @widget (libadwaita's "accent_color", the one that reads on
 * the window's background in light and dark styles); FALSE when the theme names none. */
gboolean fe_compat_lookup_accent (GtkWidget *widget,
                                  GdkRGBA   *color);

/* The colour @widget's style gives its text (foreground), for a widget that draws text itself. */
void     fe_compat_get_color     (GtkWidget *widget,
                                  GdkRGBA   *color);
/* The width of @n_chars characters in @widget's font, as GtkLabel counts its "width-chars": the
 * wider of a character and a digit, so many times; in pixels. */
int      fe_compat_chars_width   (GtkWidget *widget,
                                  int        n_chars);

/* A pane (the sidebar, the quotes) beside @content on the @side of it, @width pixels wide; in a
 * window too narrow for both, it folds into an overlay over @content, hidden until shown. On
 * libadwaita ≥ 1.4 an AdwOverlaySplitView, folded by fe_compat_fold_panes()' breakpoints; on
 * 1.2 an AdwFlap, which folds by itself when @content's width request and @width no longer
 * fit side by side. */
GtkWidget *fe_compat_pane_new         (GtkWidget   *pane,
                                       GtkWidget   *content,
                                       GtkPackType  side,
                                       int          width);
/* Folds @outer (the sidebar, whose content is @inner) below @outer_fold pixels of window width
 * and @inner (the quotes) below @inner_fold, the widths at which AdwFlap folds them by itself
 * on libadwaita 1.2; the window can then shrink to @min_width × @min_height (breakpoints need a
 * minimum size). Does nothing on 1.2, where the window's minimum is its content's. */
void       fe_compat_fold_panes       (GtkWidget   *window,
                                       int          min_width,
                                       int          min_height,
                                       GtkWidget   *outer,
                                       int          outer_fold,
                                       GtkWidget   *inner,
                                       int          inner_fold);
/* Whether the pane is folded into an overlay (a narrow window). */
gboolean   fe_compat_pane_get_folded  (GtkWidget   *split);
/* Whether the pane is shown, beside the content or over it. */
gboolean   fe_compat_pane_get_shown   (GtkWidget   *split);
void       fe_compat_pane_set_shown   (GtkWidget   *split,
                                       gboolean     shown);
/* The name of the boolean property that says whether the pane is shown, to bind or watch
 * ("notify::…"); likewise whether it is folded. */
const char *fe_compat_pane_shown_property  (void);
const char *fe_compat_pane_folded_property (void);

/* Accessibility */

/* Gives the rows of @row_class (a GtkListBoxRow subclass) an action a screen reader can use:
 * AT-SPI offers its "row.activate" action, which activates the row as Enter or a double click
 * does (GtkListBox::row-activated). */
void fe_compat_install_row_activate (GtkWidgetClass *row_class);
/* Names @widget (an icon-only button, a GtkMenuButton or a GtkDropDown) for assistive
 * technologies and gives it @tooltip (NULL: @label). On GTK 4.8 the focusable part of a menu
 * button or drop-down is a toggle button inside it that reads as "GtkToggleButton": it is
 * named as well. */
void fe_compat_name_control (GtkWidget  *widget,
                             const char *label,
                             const char *tooltip);
/* Gives @widget, made but not yet in a window, its tooltip without the trip to the X server
 * GTK 4.8 makes whenever a shown widget's tooltip is set (it asks where the pointer is). */
void fe_compat_set_new_tooltip (GtkWidget  *widget,
                                const char *text);
/* Names the row a list item's child sits in (GtkListItemWidget, the focusable one), so that a
 * screen reader reads @label rather than the widget's type. Call from "bind". */
void fe_compat_name_list_item (GtkListItem *item,
                               const char  *label);
/* The same for the row of a GtkColumnView that a cell's list item sits in (call from the first
 * column's "bind"), and for the view's row of column titles. */
void fe_compat_name_column_view_row    (GtkListItem   *item,
                                        const char    *label);
void fe_compat_name_column_view_header (GtkColumnView *view,
                                        const char    *label);
/* Names the header of an AdwExpanderRow, the row inside it that takes the focus and, in
 * libadwaita 1.2, reads as nothing. */
void fe_compat_name_expander_row (AdwExpanderRow *row,
                                  const char     *label);
/* Says @message to a screen reader: gtk_accessible_announce() on GTK ≥ 4.14; before, the
 * description of @region (a live region: a label that shows the same news) is updated, which
 * AT-SPI reports as a change. */
void fe_compat_announce (GtkWidget  *region,
                         const char *message);

G_END_DECLS
