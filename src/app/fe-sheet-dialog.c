/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Which sheet of a workbook to open, when more than one holds something. */
#include "config.h"

#include "fe-sheet-dialog.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fe-xlsx-reader.h"

/* The visible sheets with data, when there are two or more: a new array of their names. */
static GPtrArray *
list_choices (GPtrArray *sheets)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; sheets != NULL && i < sheets->len; i++)
    {
      FeXlsxSheetInfo *info = g_ptr_array_index (sheets, i);

      if (info->has_data && !info->hidden)
        g_ptr_array_add (choices, g_strdup (info->name));
    }
  return choices->len >= 2 ? g_steal_pointer (&choices) : NULL;
}

typedef struct
{
  FeSheetChosenFunc  callback;
  gpointer           user_data;
  GPtrArray         *buttons;   /* GtkCheckButton*, one a choice */
  GPtrArray         *choices;   /* char* */
} Choice;

static void
choice_free (Choice *choice)
{
  g_ptr_array_unref (choice->buttons);
  g_ptr_array_unref (choice->choices);
  g_free (choice);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Choice           *choice)
{
  const char *sheet = NULL;

  /* Answered once: the dialog closes itself. */
  g_signal_handlers_disconnect_by_data (dialog, choice);
  if (g_strcmp0 (response, "open") == 0)
    for (guint i = 0; i < choice->buttons->len; i++)
      if (gtk_check_button_get_active (g_ptr_array_index (choice->buttons, i)))
        sheet = g_ptr_array_index (choice->choices, i);
  choice->callback (sheet, choice->user_data);
  choice_free (choice);
}

gboolean
fe_sheet_dialog_ask (GtkWindow         *parent,
                     const char        *path,
                     const char        *file_name,
                     FeSheetChosenFunc  callback,
                     gpointer           user_data)
{
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GPtrArray) choices = NULL;
  Choice *choice;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *scrolled;
  GtkCheckButton *group = NULL;

  g_return_val_if_fail (path != NULL && callback != NULL, FALSE);

  if (fe_xlsx_sniff_path (path) != FE_XLSX_KIND_ZIP)
    return FALSE;
  sheets = fe_xlsx_list_sheets (path, NULL);
  choices = list_choices (sheets);
  if (choices == NULL)
    return FALSE;

  choice = g_new0 (Choice, 1);
  choice->callback = callback;
  choice->user_data = user_data;
  choice->buttons = g_ptr_array_new ();
  choice->choices = g_ptr_array_ref (choices);

  body = g_strdup_printf (ngettext ("%s has %u sheet with data. Choose the one with the survey "
                                    "responses, one row per respondent.",
                                    "%s has %u sheets with data. Choose the one with the survey "
                                    "responses, one row per respondent.", choices->len),
                          file_name, choices->len);
  dialog = adw_message_dialog_new (parent, _("Choose a Sheet"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "open", _("_Open"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < choices->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (choices, i));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
      if (group == NULL)
        {
          group = GTK_CHECK_BUTTON (button);
          gtk_check_button_set_active (group, TRUE);
        }
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (choice->buttons, button);
    }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  g_signal_connect (dialog, "response", G_CALLBACK (on_response), choice);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
