/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Data check: what was read from the survey results and why, so that a researcher can check
 * it before the numbers are shown to anyone, and split answers that are joined choices. */
#include "config.h"

#include "fe-data-check.h"
#include "fe-compat.h"

#include <glib/gi18n.h>

#include "fe-columns-dialog.h"
#include "fe-role-inference.h"

struct _FeDataCheck
{
  AdwWindow            parent_instance;

  AdwPreferencesGroup *columns_group;
  AdwActionRow        *format_row;
  AdwActionRow        *respondents_row;
  AdwActionRow        *hidden_row;
  AdwActionRow        *weight_row;
  AdwExpanderRow      *warnings_row;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;

  FeStudy             *study;
  GPtrArray           *corrections;   /* FeColumnCorrection* */
  GPtrArray           *column_rows;   /* GtkWidget*, in the study's order */
  GPtrArray           *warning_rows;  /* GtkWidget*, inside warnings_row */
  GHashTable          *rows_by_id;    /* column id (owned by the study) → its row */
};

G_DEFINE_FINAL_TYPE (FeDataCheck, fe_data_check, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CORRECTIONS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A row that only says something: a wrapping label, not activatable. */
static GtkWidget *
text_row (const char *text,
          gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 9);
  gtk_widget_set_margin_bottom (label, 9);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  /* Read as what it says, not as an empty row. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return row;
}

static void
on_split_clicked (GtkButton   *button,
                  FeDataCheck *self)
{
  fe_data_check_split (self, g_object_get_data (G_OBJECT (button), "fe-column"));
}

static GtkWidget *
split_row (FeDataCheck    *self,
           const FeColumn *column)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Split"));
  g_autofree char *description = g_strdup_printf (_("Split the answers of %s"), column->id);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 _("These answers may be several choices joined by commas: "
                                   "split them?"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Each choice then counts on its own, as in a multiple-choice "
                                 "question. Columns can undo it."));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Read the answers as multiple choice"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
  /* The id belongs to the study, which the page keeps until the rows go. */
  g_object_set_data (G_OBJECT (button), "fe-column", column->id);
  g_signal_connect (button, "clicked", G_CALLBACK (on_split_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* From this many levels a list is long enough to offer folding its rare answers. */
#define MANY_LEVELS 12

static guint
current_fold (FeDataCheck *self,
              const char  *column_id)
{
  FeColumnCorrection *correction = fe_column_corrections_find (self->corrections, column_id);

  return correction != NULL ? correction->fold_below : 0;
}

static void
on_fold_clicked (GtkButton   *button,
                 FeDataCheck *self)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (button), "fe-spin");

  fe_data_check_fold (self, g_object_get_data (G_OBJECT (button), "fe-column"),
                      spin != NULL ? (guint) gtk_spin_button_get_value_as_int (spin) : 0);
}

/* A long list of answers: fold the rare ones into "Other" on request, or undo it. */
static GtkWidget *
fold_row (FeDataCheck    *self,
          const FeColumn *column)
{
  GtkWidget *row = adw_action_row_new ();
  guint folded = current_fold (self, column->id);
  GtkWidget *button = gtk_button_new_with_mnemonic (folded ? _("_Unfold") : _("_Fold"));
  GtkWidget *spin = NULL;

  if (folded > 0)
    {
      g_autofree char *title = g_strdup_printf (
        ngettext ("Answers given by fewer than %u respondent are folded into “%s”.",
                  "Answers given by fewer than %u respondents are folded into “%s”.", folded),
        folded, FE_OTHER_LEVEL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_tooltip_text (button, _("Give every answer a bar of its own again"));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Many different answers: fold the rare ones into "
                                       "“Other”?"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Answers given by fewer respondents than this make one "
                                     "bar. Make a Level brings one back."));
      spin = gtk_spin_button_new_with_range (2, 1000, 1);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 5);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Fewest respondents for a bar of its own"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      gtk_widget_set_tooltip_text (button, _("Fold the rare answers into “Other”"));
    }
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "fe-column", column->id);
  g_object_set_data (G_OBJECT (button), "fe-spin", spin);
  g_signal_connect (button, "clicked", G_CALLBACK (on_fold_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* The typed-in answers shown with a button to make each a level; the rest are only counted. */
#define MAX_TYPED_SHOWN 10

static void
on_promote_clicked (GtkButton   *button,
                    FeDataCheck *self)
{
  fe_data_check_promote (self, g_object_get_data (G_OBJECT (button), "fe-column"),
                         g_object_get_data (G_OBJECT (button), "fe-answer"));
}

/* Each typed-in answer most given, with a button that makes it a level of its own. */
static void
add_typed_rows (FeDataCheck    *self,
                AdwExpanderRow *expander,
                const FeColumn *column)
{
  g_autoptr(GArray) typed = fe_study_list_typed_answers (self->study, column);

  for (guint i = 0; i < MIN (typed->len, MAX_TYPED_SHOWN); i++)
    {
      const FeTypedAnswer *answer = &g_array_index (typed, FeTypedAnswer, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Make a Level"));
      g_autofree char *subtitle = g_strdup_printf (
        ngettext ("Typed by %u respondent", "Typed by %u respondents", answer->count),
        answer->count);
      /* Translators: the accessible name of the button beside a typed-in answer */
      g_autofree char *description = g_strdup_printf (_("Make “%s” a level of its own"),
                                                      answer->text);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), answer->text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Count this answer on its own, not in “Other”"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      description, -1);
      g_object_set_data (G_OBJECT (button), "fe-column", column->id);
      g_object_set_data_full (G_OBJECT (button), "fe-answer", g_strdup (answer->text), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_promote_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_expander_row_add_row (expander, row);
    }
}

/* One row per level, in the order charts show them, with how many respondents gave it. */
static void
add_level_rows (FeDataCheck    *self,
                AdwExpanderRow *expander,
                const FeColumn *column)
{
  const FeBitset *universe = fe_study_get_universe (self->study);
  guint n_levels = fe_column_get_n_levels (column);
  guint n_scale = column->role == FE_ROLE_ORDINAL ? fe_column_get_n_scale_levels (column)
                                                  : n_levels;

  for (guint l = 0; l < n_levels; l++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *number = g_strdup_printf ("%u", l + 1);
      g_autofree char *count = g_strdup_printf ("%u", fe_bitset_count_and (
                                                  universe,
                                                  g_ptr_array_index (column->level_rows, l)));
      GtkWidget *position = gtk_label_new (number);
      GtkWidget *count_label = gtk_label_new (count);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     fe_column_get_display_level (column, l));
      if (l >= n_scale)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Outside the scale"));
      else if ((int) l == column->other_level)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Rare answers, folded together"));
      gtk_widget_add_css_class (position, "dim-label");
      gtk_widget_add_css_class (position, "numeric");
      gtk_label_set_width_chars (GTK_LABEL (position), 2);
      gtk_label_set_xalign (GTK_LABEL (position), 1.0);
      gtk_widget_add_css_class (count_label, "numeric");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), position);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), count_label);
      adw_expander_row_add_row (expander, row);
    }
}

static GtkWidget *
column_row (FeDataCheck    *self,
            const FeColumn *column)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  guint answered = column->answered
                   ? fe_bitset_count_and (fe_study_get_universe (self->study), column->answered)
                   : 0;
  g_autofree char *subtitle = NULL;
  gboolean needs_look = column->may_be_joined || column->other_level >= 0;

  /* Translators: a column's role, why it has it, and how many answered: "Ordered Scale:
   * frequency scale · 94 answered" */
  subtitle = g_strdup_printf (_("%s: %s · %u answered"), fe_role_get_title (column->role),
                              fe_column_describe_role_source (column), answered);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), column->id);
  adw_expander_row_set_subtitle (row, subtitle);
  {
    /* Translators: a column's row in the data check, as a screen reader reads it */
    g_autofree char *name = g_strdup_printf (_("%s, %s"), column->id, subtitle);

    fe_compat_name_expander_row (row, name);
  }

  if (g_strcmp0 (column->label, column->id) != 0)
    adw_expander_row_add_row (row, text_row (fe_column_get_display_label (column), TRUE));
  if (column->may_be_joined)
    adw_expander_row_add_row (row, split_row (self, column));
  if (column->other_level >= 0)
    {
      g_autofree char *text = g_strdup_printf (
        ngettext ("%u different answer went into “%s”.",
                  "%u different answers went into “%s”.", column->n_other_values),
        column->n_other_values, fe_column_get_display_level (column,
                                                             (guint) column->other_level));

      adw_expander_row_add_row (row, text_row (text, FALSE));
      add_typed_rows (self, row, column);
    }
  if (fe_role_is_single_valued (column->role) && column->role != FE_ROLE_ORDINAL
      && column->members == NULL
      && (current_fold (self, column->id) > 0
          || (column->other_level < 0 && fe_column_get_n_levels (column) >= MANY_LEVELS)))
    adw_expander_row_add_row (row, fold_row (self, column));
  add_level_rows (self, row, column);

  if (needs_look)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");

      gtk_widget_set_tooltip_text (icon, _("Worth a look"));
      adw_expander_row_add_prefix (row, icon);
    }
  /* Nothing to unfold: an open-text column without notes has no rows under it. */
  adw_expander_row_set_enable_expansion (row, fe_column_get_n_levels (column) > 0 || needs_look
                                              || g_strcmp0 (column->label, column->id) != 0);
  adw_expander_row_set_expanded (row, column->may_be_joined);
  return GTK_WIDGET (row);
}

static void
clear_rows (FeDataCheck *self)
{
  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);
  g_hash_table_remove_all (self->rows_by_id);
  for (guint i = 0; i < self->warning_rows->len; i++)
    adw_expander_row_remove (self->warnings_row, g_ptr_array_index (self->warning_rows, i));
  g_ptr_array_set_size (self->warning_rows, 0);
}

static void
fill_file_rows (FeDataCheck *self)
{
  GPtrArray *warnings = fe_study_get_warnings (self->study);
  g_autofree char *hidden = fe_study_describe_hidden_columns (self->study);
  guint excluded = fe_study_get_n_excluded (self->study);
  g_autofree char *respondents = excluded > 0
    ? g_strdup_printf (ngettext ("%u, with %u incomplete response left out",
                                 "%u, with %u incomplete responses left out", excluded),
                       fe_study_get_n_respondents (self->study), excluded)
    : g_strdup_printf ("%u", fe_study_get_n_respondents (self->study));
  g_autofree char *count = NULL;
  g_autofree char *weight = NULL;

  if (fe_study_get_sheet (self->study) != NULL)
    {
      /* A workbook: which of its sheets, named as it is ("R&D" is no markup). */
      g_autofree char *format = g_strdup_printf (_("%s, sheet “%s”"),
                                                 fe_study_get_format_name (self->study),
                                                 fe_study_get_sheet (self->study));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->format_row), FALSE);
      adw_action_row_set_subtitle (self->format_row, format);
    }
  else
    adw_action_row_set_subtitle (self->format_row, fe_study_get_format_name (self->study));
  adw_action_row_set_subtitle (self->respondents_row, respondents);
  adw_action_row_set_subtitle (self->hidden_row, hidden ? hidden : _("None"));
  weight = fe_study_describe_weight (self->study);
  if (weight != NULL)
    adw_action_row_set_subtitle (self->weight_row, weight);
  gtk_widget_set_visible (GTK_WIDGET (self->weight_row), weight != NULL);

  count = warnings->len == 0
    ? g_strdup (_("Nothing was repaired and nothing needs a look."))
    : g_strdup_printf (ngettext ("%u repair or warning", "%u repairs and warnings",
                                 warnings->len), warnings->len);
  adw_expander_row_set_subtitle (self->warnings_row, count);
  {
    g_autofree char *name = g_strdup_printf (_("%s, %s"),
                                             adw_preferences_row_get_title (
                                               ADW_PREFERENCES_ROW (self->warnings_row)),
                                             count);

    fe_compat_name_expander_row (self->warnings_row, name);
  }
  adw_expander_row_set_enable_expansion (self->warnings_row, warnings->len > 0);
  for (guint i = 0; i < warnings->len; i++)
    {
      GtkWidget *row = text_row (g_ptr_array_index (warnings, i), FALSE);

      adw_expander_row_add_row (self->warnings_row, row);
      g_ptr_array_add (self->warning_rows, row);
    }
}

static void
rebuild (FeDataCheck *self)
{
  clear_rows (self);
  if (self->study == NULL)
    return;
  fill_file_rows (self);
  for (guint c = 0; c < fe_study_get_n_columns (self->study); c++)
    {
      FeColumn *column = fe_study_get_column (self->study, c);
      GtkWidget *row = column_row (self, column);

      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
      g_hash_table_insert (self->rows_by_id, column->id, row);
    }
}

/* ---- Public ----------------------------------------------------------------------------- */

void
fe_data_check_show_error (FeDataCheck *self,
                          const char  *message)
{
  g_return_if_fail (FE_IS_DATA_CHECK (self));

  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* Replaces @column_id's correction by @candidate and tells the owner. */
static void
apply_correction (FeDataCheck        *self,
                  const char         *column_id,
                  FeColumnCorrection *candidate)
{
  FeColumnCorrection *current = fe_column_corrections_find (self->corrections, column_id);

  if (current != NULL)
    g_ptr_array_remove (self->corrections, current);
  g_ptr_array_add (self->corrections, candidate);
  fe_column_corrections_prune (self->corrections);
  fe_data_check_show_error (self, NULL);
  g_signal_emit (self, signals[SIGNAL_CORRECTIONS_CHANGED], 0, self->corrections);
}

gboolean
fe_data_check_split (FeDataCheck *self,
                     const char  *column_id)
{
  FeColumn *column;
  g_autoptr(FeColumnCorrection) candidate = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (FE_IS_DATA_CHECK (self), FALSE);

  column = fe_study_find_column (self->study, column_id);
  g_return_val_if_fail (column != NULL, FALSE);

  candidate = fe_column_correction_with_role (self->study, self->corrections, column,
                                              FE_ROLE_MULTI, &error);
  if (candidate == NULL)
    {
      fe_data_check_show_error (self, error->message);
      return FALSE;
    }
  apply_correction (self, column_id, g_steal_pointer (&candidate));
  return TRUE;
}

void
fe_data_check_fold (FeDataCheck *self,
                    const char  *column_id,
                    guint        fewer_than)
{
  FeColumnCorrection *current;
  FeColumnCorrection *candidate;

  g_return_if_fail (FE_IS_DATA_CHECK (self));
  current = fe_column_corrections_find (self->corrections, column_id);
  candidate = current ? fe_column_correction_copy (current)
                      : fe_column_correction_new (column_id);
  candidate->fold_below = fewer_than;
  apply_correction (self, column_id, candidate);
}

void
fe_data_check_promote (FeDataCheck *self,
                       const char  *column_id,
                       const char  *answer)
{
  FeColumn *column;
  FeColumnCorrection *current;
  FeColumnCorrection *candidate;
  g_autoptr(GPtrArray) levels = g_ptr_array_new ();

  g_return_if_fail (FE_IS_DATA_CHECK (self));
  column = fe_study_find_column (self->study, column_id);
  g_return_if_fail (column != NULL && column->other_level >= 0);

  /* The levels as they stand, "Other" left to follow, and the promoted answer before it. */
  for (guint l = 0; l < fe_column_get_n_levels (column); l++)
    if ((int) l != column->other_level)
      g_ptr_array_add (levels, (gpointer) fe_column_get_level (column, l));
  g_ptr_array_add (levels, (gpointer) answer);
  g_ptr_array_add (levels, NULL);

  current = fe_column_corrections_find (self->corrections, column_id);
  candidate = current ? fe_column_correction_copy (current)
                      : fe_column_correction_new (column_id);
  fe_column_correction_set_levels (candidate, (const char * const *) levels->pdata);
  apply_correction (self, column_id, candidate);
}

GtkWidget *
fe_data_check_get_column_row (FeDataCheck *self,
                              const char  *column)
{
  g_return_val_if_fail (FE_IS_DATA_CHECK (self), NULL);
  return g_hash_table_lookup (self->rows_by_id, column);
}

void
fe_data_check_set_study (FeDataCheck *self,
                         FeStudy     *study)
{
  g_return_if_fail (FE_IS_DATA_CHECK (self));
  g_return_if_fail (FE_IS_STUDY (study));

  if (self->study == study)
    return;
  /* The rows point into the old study: they go before it does. */
  clear_rows (self);
  g_set_object (&self->study, study);
  rebuild (self);
}

FeStudy *
fe_data_check_get_study (FeDataCheck *self)
{
  g_return_val_if_fail (FE_IS_DATA_CHECK (self), NULL);
  return self->study;
}

void
fe_data_check_set_corrections (FeDataCheck *self,
                               GPtrArray   *corrections)
{
  g_return_if_fail (FE_IS_DATA_CHECK (self));

  g_ptr_array_unref (self->corrections);
  self->corrections = fe_column_corrections_copy (corrections);
}

FeDataCheck *
fe_data_check_new (GtkWindow *parent,
                   FeStudy   *study,
                   GPtrArray *corrections)
{
  FeDataCheck *self;

  g_return_val_if_fail (FE_IS_STUDY (study), NULL);

  self = g_object_new (FE_TYPE_DATA_CHECK, "transient-for", parent, NULL);
  fe_data_check_set_corrections (self, corrections);
  fe_data_check_set_study (self, study);
  return self;
}

/* ---- The page --------------------------------------------------------------------------- */

static void
fe_data_check_dispose (GObject *object)
{
  FeDataCheck *self = FE_DATA_CHECK (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FE_TYPE_DATA_CHECK);
  G_OBJECT_CLASS (fe_data_check_parent_class)->dispose (object);
}

static void
fe_data_check_finalize (GObject *object)
{
  FeDataCheck *self = FE_DATA_CHECK (object);

  g_hash_table_unref (self->rows_by_id);
  g_ptr_array_unref (self->column_rows);
  g_ptr_array_unref (self->warning_rows);
  g_ptr_array_unref (self->corrections);
  g_clear_object (&self->study);
  G_OBJECT_CLASS (fe_data_check_parent_class)->finalize (object);
}

static void
fe_data_check_class_init (FeDataCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fe_data_check_dispose;
  object_class->finalize = fe_data_check_finalize;

  signals[SIGNAL_CORRECTIONS_CHANGED] =
    g_signal_new ("corrections-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/findings_explorer/FindingsExplorer/"
                                               "ui/fe-data-check.ui");
  gtk_widget_class_bind_template_child (widget_class, FeDataCheck, columns_group);
  gtk_widget_class_bind_template_child (widget_class, FeDataCheck, format_row);
  gtk_widget_class_bind_template_child (widget_class, FeDataCheck, weight_row);
  gtk_widget_class_bind_template_child (widget_class, FeDataCheck, respondents_row);
  gtk_widget_class_bind_template_child (widget_class, FeDataCheck, hidden_row);
  gtk_widget_class_bind_template_child (widget_class, FeDataCheck, warnings_row);
  gtk_widget_class_bind_template_child (widget_class, FeDataCheck, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, FeDataCheck, error_label);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fe_data_check_init (FeDataCheck *self)
{
  self->corrections = fe_column_corrections_new ();
  self->column_rows = g_ptr_array_new ();
  self->warning_rows = g_ptr_array_new ();
  self->rows_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_init_template (GTK_WIDGET (self));
}
