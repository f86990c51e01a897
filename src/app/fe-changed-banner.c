/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-changed-banner.h"

#include <adwaita.h>
#include <glib/gi18n.h>

/* Shared by both kinds of banner. */
static const char *
banner_title (void)
{
  return _("The responses file changed on disk since it was opened. Reload it to see the "
           "answers as they are now.");
}

static const char *
banner_button (void)
{
  return _("_Reload");
}

#if ADW_CHECK_VERSION (1, 3, 0)

/* The project builds against the libadwaita 1.2 API (ADW_VERSION_MAX_ALLOWED), which marks
 * AdwBanner as unavailable: this branch is only compiled where the headers have it. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS

GtkWidget *
fe_changed_banner_new (GCallback on_reload,
                       gpointer  user_data)
{
  AdwBanner *banner = ADW_BANNER (adw_banner_new (banner_title ()));

  adw_banner_set_button_label (banner, banner_button ());
  g_signal_connect_swapped (banner, "button-clicked", on_reload, user_data);
  return GTK_WIDGET (banner);
}

void
fe_changed_banner_set_revealed (GtkWidget *banner,
                                gboolean   revealed)
{
  adw_banner_set_revealed (ADW_BANNER (banner), revealed);
}

gboolean
fe_changed_banner_get_revealed (GtkWidget *banner)
{
  return adw_banner_get_revealed (ADW_BANNER (banner));
}

void
fe_changed_banner_activate (GtkWidget *banner)
{
  g_signal_emit_by_name (banner, "button-clicked");
}

G_GNUC_END_IGNORE_DEPRECATIONS

#else

/* libadwaita 1.2: the same bar built from a revealer, a label and a button. */
GtkWidget *
fe_changed_banner_new (GCallback on_reload,
                       gpointer  user_data)
{
  GtkWidget *revealer = gtk_revealer_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (banner_title ());
  GtkWidget *button = gtk_button_new_with_mnemonic (banner_button ());

  gtk_widget_add_css_class (box, "fe-changed-banner");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_revealer_set_child (GTK_REVEALER (revealer), box);
  gtk_revealer_set_reveal_child (GTK_REVEALER (revealer), FALSE);
  g_signal_connect_swapped (button, "clicked", on_reload, user_data);
  g_object_set_data (G_OBJECT (revealer), "fe-reload-button", button);
  return revealer;
}

void
fe_changed_banner_set_revealed (GtkWidget *banner,
                                gboolean   revealed)
{
  gtk_revealer_set_reveal_child (GTK_REVEALER (banner), revealed);
}

gboolean
fe_changed_banner_get_revealed (GtkWidget *banner)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (banner));
}

void
fe_changed_banner_activate (GtkWidget *banner)
{
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (banner), "fe-reload-button"), "clicked");
}

#endif
