/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-respondent-dialog.h"

#include <glib/gi18n.h>

#include "fe-attribution.h"
#include "fe-text-match.h"

struct _FeRespondentDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkBox         *answers_box;
};

G_DEFINE_FINAL_TYPE (FeRespondentDialog, fe_respondent_dialog, ADW_TYPE_WINDOW)

static void
fe_respondent_dialog_class_init (FeRespondentDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/findings_explorer/FindingsExplorer/"
                                               "ui/fe-respondent-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FeRespondentDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, FeRespondentDialog, answers_box);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fe_respondent_dialog_init (FeRespondentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static char *
codes_of (const FeColumn *column,
          guint           row)
{
  g_autoptr(GString) codes = g_string_new (NULL);

  for (guint l = 0; l < fe_column_get_n_levels (column); l++)
    if (fe_bitset_get (g_ptr_array_index (column->level_rows, l), row))
      g_string_append_printf (codes, "%s%s", codes->len ? " · " : "",
                              fe_column_get_display_level (column, l));
  return g_string_free (g_steal_pointer (&codes), FALSE);
}

static void
add_answer (FeRespondentDialog *self,
            const char         *question,
            const char         *answer,
            const char         *codes)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *shown = fe_text_for_display (answer);
  GtkWidget *heading = gtk_label_new (question);
  GtkWidget *text = gtk_label_new (shown);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), text);
  if (codes != NULL && *codes != '\0')
    {
      GtkWidget *code_label = gtk_label_new (codes);

      gtk_label_set_xalign (GTK_LABEL (code_label), 0);
      gtk_label_set_wrap (GTK_LABEL (code_label), TRUE);
      gtk_widget_add_css_class (code_label, "accent");
      gtk_box_append (GTK_BOX (box), code_label);
    }
  gtk_box_append (self->answers_box, box);
}

GtkWindow *
fe_respondent_dialog_new (GtkWindow *parent,
                          FeStudy   *study,
                          guint      row)
{
  FeRespondentDialog *self = g_object_new (FE_TYPE_RESPONDENT_DIALOG,
                                           "transient-for", parent, NULL);
  g_autofree char *title = fe_study_dup_attribution (study, row);

  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);
      g_autofree char *codes = NULL;
      const char *answer;

      if (column->role == FE_ROLE_ID || column->role == FE_ROLE_IGNORE)
        continue;
      answer = fe_study_get_answer (study, column, row);
      if (*answer == '\0')
        continue;
      if (column->coded)
        codes = codes_of (column, row);
      add_answer (self, fe_column_get_display_label (column), answer, codes);
    }
  return GTK_WINDOW (self);
}
