/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Columns dialog: the researcher corrects how each column is read (its role, its label, the
 * order of its answers, how its numbers are written), and the study loads again with the
 * corrections at once. */
#include "config.h"

#include "fe-columns-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fe-compat.h"

/* A subtitle longer than this is cut: some labels are whole paragraphs of question text. */
#define SUBTITLE_CHARS 90

typedef struct
{
  FeColumnsDialog *dialog;
  char            *id;
  AdwExpanderRow  *row;
  GtkDropDown     *role;
  AdwEntryRow     *label;
  AdwComboRow     *numbers;        /* how a numeric column's numbers are written */
  GtkWidget       *levels_heading; /* above the rows of the levels, or NULL */
  GPtrArray       *level_widgets;  /* GtkWidget*, the rows of the levels */
  GPtrArray       *levels;         /* char*, the levels as the rows show them */
  FeRole           shown_role;
} ColumnRow;

struct _FeColumnsDialog
{
  AdwWindow             parent_instance;

  AdwPreferencesGroup  *columns_group;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;

  FeStudy              *study;
  GPtrArray            *corrections;  /* FeColumnCorrection* */
  GPtrArray            *rows;         /* ColumnRow*, in the study's order */
  GtkSizeGroup         *role_sizes;   /* the role menus line up */
  GHashTable           *rows_by_id;
  char                 *error;
  gboolean              updating;     /* the rows are being set from the study */
};

G_DEFINE_FINAL_TYPE (FeColumnsDialog, fe_columns_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CORRECTIONS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
fe_role_get_title (FeRole role)
{
  switch (role)
    {
    case FE_ROLE_ID:
      return _("Respondent ID");
    case FE_ROLE_ATTRIBUTE:
      return _("Attribute");
    case FE_ROLE_ORDINAL:
      return _("Ordered Scale");
    case FE_ROLE_CHOICE:
      return _("Single Choice");
    case FE_ROLE_MULTI:
      return _("Multiple Choice");
    case FE_ROLE_TEXT:
      return _("Open Text");
    case FE_ROLE_NUMERIC:
      return _("Numbers");
    case FE_ROLE_IGNORE:
    default:
      return _("Ignored");
    }
}

static gboolean
role_has_order (FeRole role)
{
  /* A numeric question's bins are in the order of their numbers, never another. */
  return (fe_role_is_single_valued (role) && role != FE_ROLE_NUMERIC) || role == FE_ROLE_MULTI;
}

static void
column_row_free (gpointer data)
{
  ColumnRow *row = data;

  g_free (row->id);
  g_ptr_array_unref (row->level_widgets);
  g_ptr_array_unref (row->levels);
  g_free (row);
}

static void
show_error (FeColumnsDialog *self,
            const char      *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
on_error_dismissed (FeColumnsDialog *self)
{
  show_error (self, NULL);
}

/* Reset All asks before it throws corrections away; with none, there is nothing to ask about. */
static void
update_reset (FeColumnsDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "columns.reset", self->corrections->len > 0);
}

static void
emit_changed (FeColumnsDialog *self)
{
  fe_column_corrections_prune (self->corrections);
  update_reset (self);
  show_error (self, NULL);
  g_signal_emit (self, signals[SIGNAL_CORRECTIONS_CHANGED], 0, self->corrections);
}

/* ---- Rows ------------------------------------------------------------------------------- */

static char *
shorten (const char *text)
{
  glong length = g_utf8_strlen (text, -1);
  g_autofree char *cut = NULL;

  if (length <= SUBTITLE_CHARS)
    return g_strdup (text);
  cut = g_utf8_substring (text, 0, SUBTITLE_CHARS - 1);
  return g_strdup_printf ("%s…", g_strstrip (cut));
}

static void on_move_clicked (GtkButton *button, ColumnRow *row);

static GtkWidget *
move_button (ColumnRow  *row,
             guint       level,
             int         delta,
             const char *level_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (delta < 0 ? "go-up-symbolic"
                                                               : "go-down-symbolic");
  g_autofree char *description = g_strdup_printf (delta < 0 ? _("Move “%s” up")
                                                            : _("Move “%s” down"),
                                                  level_label);

  gtk_widget_set_tooltip_text (button, delta < 0 ? _("Move Up") : _("Move Down"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "fe-level", GUINT_TO_POINTER (level));
  g_object_set_data (G_OBJECT (button), "fe-delta", GINT_TO_POINTER (delta));
  g_signal_connect (button, "clicked", G_CALLBACK (on_move_clicked), row);
  return button;
}

static void
clear_level_rows (ColumnRow *row)
{
  if (row->levels_heading != NULL)
    adw_expander_row_remove (row->row, row->levels_heading);
  row->levels_heading = NULL;
  for (guint i = 0; i < row->level_widgets->len; i++)
    adw_expander_row_remove (row->row, g_ptr_array_index (row->level_widgets, i));
  g_ptr_array_set_size (row->level_widgets, 0);
}

/* One row per level, in the order shown, each with buttons to move it. */
static void
fill_level_rows (ColumnRow *row)
{
  FeColumn *column;

  clear_level_rows (row);
  if (!role_has_order (row->shown_role) || row->levels->len == 0)
    return;
  {
    GtkWidget *heading = gtk_label_new (_("Order of the answers in charts and tables"));
    GtkWidget *heading_row = gtk_list_box_row_new ();

    gtk_label_set_xalign (GTK_LABEL (heading), 0);
    gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
    gtk_widget_add_css_class (heading, "caption-heading");
    gtk_widget_add_css_class (heading, "dim-label");
    gtk_widget_set_margin_start (heading, 12);
    gtk_widget_set_margin_end (heading, 12);
    gtk_widget_set_margin_top (heading, 9);
    gtk_widget_set_margin_bottom (heading, 9);
    gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (heading_row), heading);
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (heading_row), FALSE);
    gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (heading_row), FALSE);
    gtk_widget_set_focusable (heading_row, FALSE);
    adw_expander_row_add_row (row->row, heading_row);
    row->levels_heading = heading_row;
  }
  column = fe_study_find_column (row->dialog->study, row->id);
  for (guint l = 0; l < row->levels->len; l++)
    {
      const char *level = g_ptr_array_index (row->levels, l);
      /* Moved by its name in the data; shown as the study shows it (Welsh where the codebook
       * has it). */
      int index = column != NULL ? fe_column_find_level (column, level) : -1;
      const char *shown = index >= 0 ? fe_column_get_display_level (column, (guint) index)
                                     : level;
      GtkWidget *level_row = adw_action_row_new ();
      g_autofree char *number = g_strdup_printf ("%u", l + 1);
      GtkWidget *position = gtk_label_new (number);
      GtkWidget *up = move_button (row, l, -1, shown);
      GtkWidget *down = move_button (row, l, +1, shown);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (level_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (level_row), shown);
      gtk_widget_add_css_class (position, "dim-label");
      gtk_widget_add_css_class (position, "numeric");
      gtk_label_set_width_chars (GTK_LABEL (position), 2);
      gtk_label_set_xalign (GTK_LABEL (position), 1.0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (level_row), position);
      gtk_widget_set_sensitive (up, l > 0);
      gtk_widget_set_sensitive (down, l + 1 < row->levels->len);
      adw_action_row_add_suffix (ADW_ACTION_ROW (level_row), up);
      adw_action_row_add_suffix (ADW_ACTION_ROW (level_row), down);
      g_object_set_data (G_OBJECT (level_row), "fe-up", up);
      g_object_set_data (G_OBJECT (level_row), "fe-down", down);
      adw_expander_row_add_row (row->row, level_row);
      g_ptr_array_add (row->level_widgets, level_row);
    }
}

static gboolean
same_levels (GPtrArray      *levels,
             const FeColumn *column)
{
  if (levels->len != fe_column_get_n_levels (column))
    return FALSE;
  for (guint l = 0; l < levels->len; l++)
    if (g_strcmp0 (g_ptr_array_index (levels, l), fe_column_get_level (column, l)) != 0)
      return FALSE;
  return TRUE;
}

/* The choices of the Numbers row: as the answers tell, then each notation. */
enum { NUMBERS_AS_TOLD, NUMBERS_DECIMAL_DOT, NUMBERS_DECIMAL_COMMA };

/* How the Numbers row says a column is read now. */
static const char *
describe_notation (const FeColumn *column)
{
  switch (column->notation)
    {
    case FE_NOTATION_DECIMAL_COMMA:
      return _("Read with a comma before decimals: 1.234,5");
    case FE_NOTATION_PLAIN:
      return _("Read as plain numbers: 1234.5; numbers written otherwise are answers of their "
               "own");
    case FE_NOTATION_DECIMAL_DOT:
    default:
      return _("Read with a dot before decimals: 1,234.5");
    }
}

static void
update_numbers (ColumnRow      *row,
                const FeColumn *column)
{
  FeColumnCorrection *correction = fe_column_corrections_find (row->dialog->corrections,
                                                               row->id);

  /* A workbook's or a statistics file's numbers are written as the app writes them. */
  gtk_widget_set_visible (GTK_WIDGET (row->numbers),
                          column->role == FE_ROLE_NUMERIC
                          && !fe_study_numbers_are_plain (row->dialog->study));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row->numbers), describe_notation (column));
  adw_combo_row_set_selected (row->numbers,
                              correction == NULL || !correction->has_notation ? NUMBERS_AS_TOLD
                              : correction->notation == FE_NOTATION_DECIMAL_COMMA
                                ? NUMBERS_DECIMAL_COMMA : NUMBERS_DECIMAL_DOT);
}

/* The row as @column now is. */
static void
update_row (ColumnRow      *row,
            const FeColumn *column)
{
  FeColumnsDialog *self = row->dialog;
  g_autofree char *subtitle = NULL;
  gboolean editing_label;

  self->updating = TRUE;
  /* The question as the study shows it; the Label row below edits the codebook's own. */
  subtitle = g_strcmp0 (fe_column_get_display_label (column), column->id) != 0
             ? shorten (fe_column_get_display_label (column)) : NULL;
  adw_expander_row_set_subtitle (row->row, subtitle ? subtitle : "");
  gtk_drop_down_set_selected (row->role, column->role);

  /* What the researcher is typing is theirs until they apply it. */
  editing_label = gtk_widget_get_state_flags (GTK_WIDGET (row->label))
                  & GTK_STATE_FLAG_FOCUS_WITHIN;
  if (!editing_label
      && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row->label)), column->label) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row->label), column->label);
  update_numbers (row, column);

  if (row->shown_role != column->role || !same_levels (row->levels, column))
    {
      row->shown_role = column->role;
      g_ptr_array_set_size (row->levels, 0);
      for (guint l = 0; l < fe_column_get_n_levels (column); l++)
        g_ptr_array_add (row->levels, g_strdup (fe_column_get_level (column, l)));
      fill_level_rows (row);
    }
  self->updating = FALSE;
}

/* The role the researcher last asked for: the study may still be loading with it. */
static FeRole
wanted_role (ColumnRow *row)
{
  FeColumnCorrection *correction = fe_column_corrections_find (row->dialog->corrections,
                                                               row->id);

  return correction && correction->has_role ? correction->role : row->shown_role;
}

static void
on_role_selected (GtkDropDown *dropdown,
                  GParamSpec  *pspec,
                  ColumnRow   *row)
{
  FeColumnsDialog *self = row->dialog;
  FeRole role = (FeRole) gtk_drop_down_get_selected (dropdown);

  if (self->updating || role > FE_ROLE_NUMERIC || role == wanted_role (row))
    return;
  fe_columns_dialog_choose_role (self, row->id, role);
}

static void
on_numbers_selected (AdwComboRow *combo,
                     GParamSpec  *pspec,
                     ColumnRow   *row)
{
  guint selected = adw_combo_row_get_selected (combo);

  if (row->dialog->updating)
    return;
  fe_columns_dialog_choose_notation (row->dialog, row->id, selected != NUMBERS_AS_TOLD,
                                     selected == NUMBERS_DECIMAL_COMMA
                                     ? FE_NOTATION_DECIMAL_COMMA : FE_NOTATION_DECIMAL_DOT);
}

static void
on_label_applied (AdwEntryRow *entry,
                  ColumnRow   *row)
{
  FeColumnsDialog *self = row->dialog;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  FeColumn *column = fe_study_find_column (self->study, row->id);
  FeColumnCorrection *correction;

  if (self->updating || column == NULL || g_strcmp0 (text, column->label) == 0)
    return;
  correction = fe_column_corrections_ensure (self->corrections, row->id);
  /* Emptied: back to the codebook's label. */
  fe_column_correction_set_label (correction, text);
  emit_changed (self);
}

static void
on_move_clicked (GtkButton *button,
                 ColumnRow *row)
{
  guint level = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "fe-level"));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "fe-delta"));
  FeColumnsDialog *self = row->dialog;
  guint moved_to = (guint) ((int) level + delta);

  if (!fe_columns_dialog_move_level (self, row->id, level, delta))
    return;
  /* Keep the keyboard on the level that moved, so that it can move on. */
  if (moved_to < row->level_widgets->len)
    {
      GtkWidget *level_row = g_ptr_array_index (row->level_widgets, moved_to);
      GtkWidget *same = g_object_get_data (G_OBJECT (level_row), delta < 0 ? "fe-up" : "fe-down");
      GtkWidget *other = g_object_get_data (G_OBJECT (level_row), delta < 0 ? "fe-down" : "fe-up");

      gtk_widget_grab_focus (gtk_widget_get_sensitive (same) ? same : other);
    }
}

static GtkWidget *
role_dropdown (void)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  for (FeRole role = FE_ROLE_ID; role <= FE_ROLE_NUMERIC; role++)
    gtk_string_list_append (roles, fe_role_get_title (role));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&roles)), NULL);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  return dropdown;
}

static ColumnRow *
add_row (FeColumnsDialog *self,
         const FeColumn  *column)
{
  ColumnRow *row = g_new0 (ColumnRow, 1);
  g_autofree char *role_label = g_strdup_printf (_("Role of %s"), column->id);

  row->dialog = self;
  row->id = g_strdup (column->id);
  row->level_widgets = g_ptr_array_new ();
  row->levels = g_ptr_array_new_with_free_func (g_free);
  row->shown_role = column->role;

  row->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), column->id);
  fe_compat_name_expander_row (row->row, column->id);

  row->role = GTK_DROP_DOWN (role_dropdown ());
  fe_compat_name_control (GTK_WIDGET (row->role), role_label, _("How the column is read"));
  adw_expander_row_add_action (row->row, GTK_WIDGET (row->role));
  gtk_size_group_add_widget (self->role_sizes, GTK_WIDGET (row->role));

  row->label = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->label), _("Label"));
  adw_entry_row_set_show_apply_button (row->label, TRUE);
  adw_expander_row_add_row (row->row, GTK_WIDGET (row->label));

  {
    /* The subtitle says in words how the chosen way reads. */
    const char * const notations[] = { _("As the answers tell"), "1,234.5", "1.234,5", NULL };
    g_autoptr(GtkStringList) choices = gtk_string_list_new (notations);

    row->numbers = ADW_COMBO_ROW (adw_combo_row_new ());
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->numbers), _("Numbers Written As"));
    adw_combo_row_set_model (row->numbers, G_LIST_MODEL (choices));
    adw_expander_row_add_row (row->row, GTK_WIDGET (row->numbers));
  }

  g_ptr_array_add (self->rows, row);
  g_hash_table_insert (self->rows_by_id, row->id, row);
  adw_preferences_group_add (self->columns_group, GTK_WIDGET (row->row));

  /* Filled before the handlers are connected: setting them up is not a change. */
  row->shown_role = (FeRole) -1;
  update_row (row, column);
  g_signal_connect (row->role, "notify::selected", G_CALLBACK (on_role_selected), row);
  g_signal_connect (row->label, "apply", G_CALLBACK (on_label_applied), row);
  g_signal_connect (row->numbers, "notify::selected", G_CALLBACK (on_numbers_selected), row);
  return row;
}

static void
on_search_changed (FeColumnsDialog *self)
{
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (
                                               GTK_EDITABLE (self->search_entry)), -1);

  for (guint i = 0; i < self->rows->len; i++)
    {
      ColumnRow *row = g_ptr_array_index (self->rows, i);
      FeColumn *column = fe_study_find_column (self->study, row->id);
      g_autofree char *id = g_utf8_casefold (row->id, -1);
      g_autofree char *label = column ? g_utf8_casefold (column->label, -1) : NULL;
      g_autofree char *shown = column ? g_utf8_casefold (fe_column_get_display_label (column),
                                                         -1)
                                      : NULL;

      gtk_widget_set_visible (GTK_WIDGET (row->row),
                              *needle == '\0' || strstr (id, needle) != NULL
                              || (label != NULL && strstr (label, needle) != NULL)
                              || (shown != NULL && strstr (shown, needle) != NULL));
    }
}

/* ---- Actions ---------------------------------------------------------------------------- */

static void
on_reset_confirmed (FeColumnsDialog *self)
{
  g_ptr_array_set_size (self->corrections, 0);
  emit_changed (self);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GtkWidget *dialog;

  /* Every change applies at once and has no Undo, and a reset loses all of them: it asks. */
  dialog = fe_compat_confirm (GTK_WINDOW (widget), _("Reset All Columns?"),
                              _("Every role, label, order of answers and way of writing "
                                "numbers you changed is lost: each column is read again as the "
                                "codebook or the data say."),
                              "reset", _("_Reset All"));
  g_signal_connect_object (dialog, "response::reset", G_CALLBACK (on_reset_confirmed), widget,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

FeColumnCorrection *
fe_column_correction_with_role (FeStudy        *study,
                                GPtrArray      *corrections,
                                const FeColumn *column,
                                FeRole          role,
                                GError        **error)
{
  FeColumnCorrection *current = fe_column_corrections_find (corrections, column->id);
  g_autoptr(FeColumnCorrection) candidate = current ? fe_column_correction_copy (current)
                                                    : fe_column_correction_new (column->id);

  fe_column_correction_set_role (candidate, role);
  /* An order belongs to the levels of the role it was made for, a way of writing numbers to
   * numbers. */
  if (role != column->role
      && !(fe_role_is_single_valued (role) && fe_role_is_single_valued (column->role)))
    fe_column_correction_set_levels (candidate, NULL);
  if (role != FE_ROLE_NUMERIC)
    fe_column_correction_unset_notation (candidate);
  if (!fe_study_check_correction (study, candidate, error))
    return NULL;
  return g_steal_pointer (&candidate);
}

gboolean
fe_columns_dialog_choose_role (FeColumnsDialog *self,
                               const char      *column_id,
                               FeRole           role)
{
  ColumnRow *row;
  FeColumn *column;
  g_autoptr(FeColumnCorrection) candidate = NULL;
  FeColumnCorrection *current;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (FE_IS_COLUMNS_DIALOG (self), FALSE);
  g_return_val_if_fail (role <= FE_ROLE_NUMERIC, FALSE);

  row = g_hash_table_lookup (self->rows_by_id, column_id);
  column = fe_study_find_column (self->study, column_id);
  g_return_val_if_fail (row != NULL && column != NULL, FALSE);

  current = fe_column_corrections_find (self->corrections, column_id);
  candidate = fe_column_correction_with_role (self->study, self->corrections, column, role,
                                              &error);
  if (candidate == NULL)
    {
      self->updating = TRUE;
      gtk_drop_down_set_selected (row->role, wanted_role (row));
      self->updating = FALSE;
      show_error (self, error->message);
      return FALSE;
    }

  self->updating = TRUE;
  gtk_drop_down_set_selected (row->role, role);
  self->updating = FALSE;
  if (current != NULL)
    g_ptr_array_remove (self->corrections, current);
  g_ptr_array_add (self->corrections, g_steal_pointer (&candidate));
  emit_changed (self);
  return TRUE;
}

void
fe_columns_dialog_choose_notation (FeColumnsDialog *self,
                                   const char      *column_id,
                                   gboolean         chosen,
                                   FeNotation       notation)
{
  FeColumnCorrection *correction;

  g_return_if_fail (FE_IS_COLUMNS_DIALOG (self));
  g_return_if_fail (g_hash_table_contains (self->rows_by_id, column_id));

  correction = fe_column_corrections_find (self->corrections, column_id);
  if (correction != NULL ? chosen == correction->has_notation
                           && (!chosen || notation == correction->notation)
                         : !chosen)
    return;
  correction = fe_column_corrections_ensure (self->corrections, column_id);
  if (chosen)
    fe_column_correction_set_notation (correction, notation);
  else
    fe_column_correction_unset_notation (correction);
  emit_changed (self);
}

gboolean
fe_columns_dialog_move_level (FeColumnsDialog *self,
                              const char      *column_id,
                              guint            level,
                              int              delta)
{
  ColumnRow *row;
  FeColumnCorrection *correction;
  guint other;

  g_return_val_if_fail (FE_IS_COLUMNS_DIALOG (self), FALSE);

  row = g_hash_table_lookup (self->rows_by_id, column_id);
  g_return_val_if_fail (row != NULL, FALSE);
  if (!role_has_order (row->shown_role) || level >= row->levels->len
      || (delta < 0 && level == 0) || (delta > 0 && level + 1 >= row->levels->len))
    return FALSE;

  other = delta < 0 ? level - 1 : level + 1;
  {
    gpointer swap = g_ptr_array_index (row->levels, level);

    g_ptr_array_index (row->levels, level) = g_ptr_array_index (row->levels, other);
    g_ptr_array_index (row->levels, other) = swap;
  }
  fill_level_rows (row);

  correction = fe_column_corrections_ensure (self->corrections, column_id);
  g_ptr_array_add (row->levels, NULL);
  fe_column_correction_set_levels (correction, (const char * const *) row->levels->pdata);
  g_ptr_array_set_size (row->levels, row->levels->len - 1);
  emit_changed (self);
  return TRUE;
}

/* ---- The dialog ------------------------------------------------------------------------- */

static void
fe_columns_dialog_dispose (GObject *object)
{
  FeColumnsDialog *self = FE_COLUMNS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FE_TYPE_COLUMNS_DIALOG);
  G_OBJECT_CLASS (fe_columns_dialog_parent_class)->dispose (object);
}

static void
fe_columns_dialog_map (GtkWidget *widget)
{
  FeColumnsDialog *self = FE_COLUMNS_DIALOG (widget);

  GTK_WIDGET_CLASS (fe_columns_dialog_parent_class)->map (widget);
  /* The window would focus Reset All, the first thing in the header bar, where a stray Enter or
   * Space asks to throw every correction away: the first column has the focus instead. Only
   * once mapped can a row pass the focus on to its header. */
  if (self->rows->len > 0)
    gtk_widget_child_focus (GTK_WIDGET (((ColumnRow *) g_ptr_array_index (self->rows, 0))->row),
                            GTK_DIR_TAB_FORWARD);
}

static void
fe_columns_dialog_finalize (GObject *object)
{
  FeColumnsDialog *self = FE_COLUMNS_DIALOG (object);

  g_clear_object (&self->study);
  g_ptr_array_unref (self->corrections);
  g_hash_table_unref (self->rows_by_id);
  g_ptr_array_unref (self->rows);
  g_clear_object (&self->role_sizes);
  g_free (self->error);
  G_OBJECT_CLASS (fe_columns_dialog_parent_class)->finalize (object);
}

static void
fe_columns_dialog_class_init (FeColumnsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fe_columns_dialog_dispose;
  object_class->finalize = fe_columns_dialog_finalize;
  widget_class->map = fe_columns_dialog_map;

  signals[SIGNAL_CORRECTIONS_CHANGED] =
    g_signal_new ("corrections-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/findings_explorer/FindingsExplorer/"
                                               "ui/fe-columns-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FeColumnsDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, FeColumnsDialog, search_bar);
  gtk_widget_class_bind_template_child (widget_class, FeColumnsDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FeColumnsDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, FeColumnsDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_error_dismissed);
  gtk_widget_class_install_action (widget_class, "columns.reset", NULL, reset_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fe_columns_dialog_init (FeColumnsDialog *self)
{
  self->corrections = fe_column_corrections_new ();
  self->rows = g_ptr_array_new_with_free_func (column_row_free);
  self->rows_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->role_sizes = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}

FeColumnsDialog *
fe_columns_dialog_new (GtkWindow *parent,
                       FeStudy   *study,
                       GPtrArray *corrections)
{
  FeColumnsDialog *self;

  g_return_val_if_fail (FE_IS_STUDY (study), NULL);

  self = g_object_new (FE_TYPE_COLUMNS_DIALOG, "transient-for", parent, NULL);
  g_ptr_array_unref (self->corrections);
  self->corrections = fe_column_corrections_copy (corrections);
  update_reset (self);
  fe_columns_dialog_set_study (self, study);
  return self;
}

void
fe_columns_dialog_set_study (FeColumnsDialog *self,
                             FeStudy         *study)
{
  g_return_if_fail (FE_IS_COLUMNS_DIALOG (self));
  g_return_if_fail (FE_IS_STUDY (study));

  g_set_object (&self->study, study);
  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);
      ColumnRow *row = g_hash_table_lookup (self->rows_by_id, column->id);

      if (row == NULL)
        add_row (self, column);
      else
        update_row (row, column);
    }
  on_search_changed (self);
}

FeStudy *
fe_columns_dialog_get_study (FeColumnsDialog *self)
{
  g_return_val_if_fail (FE_IS_COLUMNS_DIALOG (self), NULL);
  return self->study;
}

GPtrArray *
fe_columns_dialog_get_corrections (FeColumnsDialog *self)
{
  g_return_val_if_fail (FE_IS_COLUMNS_DIALOG (self), NULL);
  return self->corrections;
}

void
fe_columns_dialog_set_corrections (FeColumnsDialog *self,
                                   GPtrArray       *corrections)
{
  g_return_if_fail (FE_IS_COLUMNS_DIALOG (self));

  g_ptr_array_unref (self->corrections);
  self->corrections = fe_column_corrections_copy (corrections);
  update_reset (self);
}

void
fe_columns_dialog_show_error (FeColumnsDialog *self,
                              const char      *message)
{
  g_return_if_fail (FE_IS_COLUMNS_DIALOG (self));
  show_error (self, message);
}

const char *
fe_columns_dialog_get_error (FeColumnsDialog *self)
{
  g_return_val_if_fail (FE_IS_COLUMNS_DIALOG (self), NULL);
  return self->error;
}
