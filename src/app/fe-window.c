/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window: the frame that holds the panels, keeps its own header controls in step with the
 * exploration state, and asks before closing on unsaved work. How studies come in is in
 * fe-window-loading.c, actions in fe-window-actions.c, the project in fe-window-project.c. */
#include "config.h"

#include "fe-window-private.h"

#include <glib/gi18n.h>

#include "fe-chart-enums.h"
#include "fe-compat.h"
#include "fe-cooccurrence.h"
#include "fe-respondent-dialog.h"

G_DEFINE_FINAL_TYPE (FeWindow, fe_window, ADW_TYPE_APPLICATION_WINDOW)


void
fe_window_show_toast (FeWindow   *self,
            const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

void
fe_window_show_error (FeWindow   *self,
            const char *heading,
            const char *message)
{
  g_free (self->last_error);
  self->last_error = g_strdup (message);
  fe_compat_alert (GTK_WINDOW (self), heading, message);
}

/* ---- Notices about the data ----------------------------------------------------------------- */

/* What loaded but deserves a look (repaired rows, hidden identifying columns) is said once,
 * above the chart, with the full list a click away. */
static void
update_notice (FeWindow *self)
{
  GPtrArray *warnings = fe_study_get_warnings (fe_window_get_study (self));
  g_autofree char *hidden = fe_study_describe_hidden_columns (fe_window_get_study (self));
  g_autoptr(GString) text = g_string_new (hidden);

  if (warnings->len > 0)
    {
      if (text->len > 0)
        g_string_append (text, " ");
      g_string_append_printf (text, ngettext ("%u thing in the file was repaired or needs a "
                                              "look.",
                                              "%u things in the file were repaired or need a "
                                              "look.", warnings->len),
                              warnings->len);
    }
  gtk_label_set_text (self->notice_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_button), warnings->len > 0);
  gtk_revealer_set_reveal_child (self->notice_revealer, text->len > 0);
}

static void
on_notice_details (FeWindow *self)
{
  GPtrArray *warnings = fe_study_get_warnings (fe_window_get_study (self));
  g_autoptr(GString) body = g_string_new (NULL);
  const guint shown = MIN (warnings->len, 20);

  for (guint i = 0; i < shown; i++)
    g_string_append_printf (body, "%s%s", i ? "\n\n" : "",
                            (const char *) g_ptr_array_index (warnings, i));
  if (warnings->len > shown)
    {
      g_string_append (body, "\n\n");
      g_string_append_printf (body, ngettext ("…and %u more.", "…and %u more.",
                                              warnings->len - shown),
                              warnings->len - shown);
    }
  fe_compat_alert (GTK_WINDOW (self), _("What Was Repaired"), body->str);
}

static void
on_notice_dismissed (FeWindow *self)
{
  gtk_revealer_set_reveal_child (self->notice_revealer, FALSE);
}

/* ---- The study on screen ---------------------------------------------------------------- */

FeColumn *
fe_window_get_split (FeWindow *self)
{
  FeQuery *query = fe_explore_state_get_query (self->state);

  return query != NULL ? fe_query_get_split (query) : NULL;
}

/* The dropdown shows the split in effect, so that it never offers a question split by itself;
 * the split asked for comes back with the next question. */
static void
show_split (FeWindow *self)
{
  FeColumn *by = fe_window_get_split (self);
  guint selected = 0;

  for (guint i = 0; by != NULL && i < self->split_columns->len; i++)
    if (g_ptr_array_index (self->split_columns, i) == by)
      selected = i + 1;
  self->updating_controls = TRUE;
  gtk_drop_down_set_selected (self->split_dropdown, selected);
  self->updating_controls = FALSE;
}

/* Split choices carry their column's short name (fe_column_dup_short_label()) for the
 * dropdown's button, which has no room for a question. */
#define SHORT_LABEL_KEY "fe-short-label"

/* Takes @short_label. */
static void
append_split_choice (GListStore *choices,
                     const char *label,
                     char       *short_label)
{
  g_autoptr(GtkStringObject) choice = gtk_string_object_new (label);

  g_object_set_data_full (G_OBJECT (choice), SHORT_LABEL_KEY, short_label, g_free);
  g_list_store_append (choices, choice);
}

/* Adds the attributes (@attributes) or else the closed and coded questions a chart may be
 * split by; returns the position of @saved among the choices, or @selected. */
static guint
append_split_columns (FeWindow   *self,
                      GListStore *choices,
                      FeStudy    *study,
                      gboolean    attributes,
                      const char *saved,
                      guint       selected)
{
  for (guint c = 0; study != NULL && c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);

      if ((column->role == FE_ROLE_ATTRIBUTE) != attributes || !fe_column_is_question (column)
          || fe_column_get_n_levels (column) == 0)
        continue;
      g_ptr_array_add (self->split_columns, column);
      append_split_choice (choices, fe_column_get_display_label (column),
                           fe_column_dup_short_label (column));
      if (g_strcmp0 (saved, column->id) == 0)
        selected = self->split_columns->len;
    }
  return selected;
}

static void
update_split_choices (FeWindow *self)
{
  g_autoptr(GListStore) choices = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autofree char *saved = self->settings ? g_settings_get_string (self->settings, "split-by")
                                          : NULL;
  FeStudy *study = fe_window_get_study (self);
  guint selected = 0;

  g_ptr_array_set_size (self->split_columns, 0);
  append_split_choice (choices, _("None"), NULL);
  /* Attributes first, as ever; then any closed or coded question, whose table counts those
   * who answered both. */
  selected = append_split_columns (self, choices, study, TRUE, saved, selected);
  selected = append_split_columns (self, choices, study, FALSE, saved, selected);

  self->updating_controls = TRUE;
  gtk_drop_down_set_model (self->split_dropdown, G_LIST_MODEL (choices));
  self->updating_controls = FALSE;
  fe_explore_state_set_split (self->state, selected > 0 ? g_ptr_array_index (self->split_columns,
                                                                            selected - 1)
                                                      : NULL);
  show_split (self);
}

/* For the question button's template: the short name, and the whole question as its tooltip
 * when the button shows less. */
static char *
choice_short_label (GtkListItem     *item,
                    GtkStringObject *choice)
{
  const char *short_label;

  if (choice == NULL)
    return NULL;
  short_label = g_object_get_data (G_OBJECT (choice), SHORT_LABEL_KEY);
  return g_strdup (short_label != NULL ? short_label : gtk_string_object_get_string (choice));
}

static char *
choice_tooltip (GtkListItem     *item,
                GtkStringObject *choice)
{
  if (choice == NULL || g_object_get_data (G_OBJECT (choice), SHORT_LABEL_KEY) == NULL)
    return NULL;
  return g_strdup (gtk_string_object_get_string (choice));
}

static GtkListItemFactory *
choice_factory (const char *template)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autofree char *path = g_strconcat ("/io/github/findings_explorer/FindingsExplorer/ui/",
                                       template, NULL);

  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "choice_short_label", G_CALLBACK (choice_short_label),
                                           "choice_tooltip", G_CALLBACK (choice_tooltip),
                                           NULL);
  return gtk_builder_list_item_factory_new_from_resource (scope, path);
}

/* Questions are long: the split's button shows a short name, its popup each question whole and
 * wrapped. A sort or a chart kind is named in a few words, whole on the button and in the
 * popup. */
static void
set_dropdown_factories (GtkDropDown *dropdown,
                        gboolean     questions)
{
  g_autoptr(GtkListItemFactory) button = NULL;
  g_autoptr(GtkListItemFactory) popup = NULL;

  button = choice_factory (questions ? "fe-question-button-item.ui" : "fe-choice-item.ui");
  popup = choice_factory (questions ? "fe-question-choice-item.ui" : "fe-choice-item.ui");
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, popup);
}

void
fe_window_set_study (FeWindow  *self,
           FeStudy   *study,
           FeProject *project,
           gboolean   is_sample)
{
  /* Welsh labels from the codebook when the interface speaks Welsh. */
  fe_study_set_language (study, fe_study_language_from_locale ());
  /* A project keeps its own choice; fresh data follow the preference. */
  if (self->settings != NULL && fe_project_get_path (project) == NULL && !is_sample)
    fe_study_set_include_incomplete (study, g_settings_get_boolean (self->settings,
                                                                    "include-incomplete"));
  fe_explore_state_set_study (self->state, study);

  adw_view_switcher_title_set_view_switcher_enabled (self->window_title, TRUE);
  update_notice (self);
  update_split_choices (self);
  /* Only now: the project's threshold goes into the settings, and so into the state. */
  fe_window_set_project (self, project, is_sample);
  fe_window_watch_responses (self, project);
  gtk_stack_set_visible_child_name (self->main_stack, "study");
  fe_window_update_actions (self);

  /* The first question worth a chart is shown. */
  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);

      if (fe_column_is_question (column) && fe_column_get_n_levels (column) > 0)
        {
          fe_explore_state_set_question (self->state, column);
          break;
        }
    }
}

static char *
describe_base (FeWindow *self,
               FeQuery  *query)
{
  guint n = fe_bitset_count (fe_query_get_rows (query));
  guint excluded = fe_study_get_n_excluded (fe_query_get_study (query));
  g_autofree char *respondents = NULL;

  if (fe_filter_is_empty (fe_query_get_filter (query)))
    respondents = g_strdup_printf (ngettext ("%u respondent", "%u respondents", n), n);
  else
    respondents = g_strdup_printf (ngettext ("%u respondent matches the filters",
                                             "%u respondents match the filters", n), n);
  if (n > 0 && n < fe_window_get_min_cell (self))
    {
      g_autofree char *small = g_strdup_printf (ngettext ("Only %u respondent matches these "
                                                          "filters: fewer than %u, so exports "
                                                          "and presentations will not show "
                                                          "them.",
                                                          "Only %u respondents match these "
                                                          "filters: fewer than %u, so exports "
                                                          "and presentations will not show "
                                                          "them.", n),
                                                n, fe_window_get_min_cell (self));

      gtk_widget_add_css_class (GTK_WIDGET (self->base_label), "warning");
      return g_steal_pointer (&small);
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->base_label), "warning");
  if (excluded == 0)
    return g_steal_pointer (&respondents);
  /* Translators: "95 respondents · 33 incomplete responses excluded" */
  return g_strdup_printf (ngettext ("%s · %u incomplete response excluded",
                                    "%s · %u incomplete responses excluded", excluded),
                          respondents, excluded);
}

static void
on_chip_clicked (GtkButton *button,
                 FeWindow  *self)
{
  const FeColumn *column = g_object_get_data (G_OBJECT (button), "fe-column");
  guint level = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "fe-level"));

  fe_explore_state_set_filter_level (self->state, column, level, FALSE);
}

/* A chip for the answer @level of @column kept by the filter, which @text names. */
static GtkWidget *
new_chip (FeWindow       *self,
          const FeColumn *column,
          guint           level,
          const char     *text)
{
  GtkWidget *chip = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  g_autofree char *tooltip = NULL;

  gtk_box_append (GTK_BOX (box), gtk_label_new (text));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (chip), box);
  /* A pill around its words, not stretched to the widest chip's cell. */
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_widget_add_css_class (chip, "filter-chip");
  gtk_widget_add_css_class (chip, "flat");
  /* Translators: tooltip of a filter chip: "Remove filter force: Gwent Police" */
  tooltip = g_strdup_printf (_("Remove filter %s: %s"), fe_column_get_display_label (column),
                             fe_column_get_display_level (column, level));
  fe_compat_set_new_tooltip (chip, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  g_object_set_data (G_OBJECT (chip), "fe-column", (gpointer) column);
  g_object_set_data (G_OBJECT (chip), "fe-level", GUINT_TO_POINTER (level));
  g_object_set_data_full (G_OBJECT (chip), "fe-text", g_strdup (text), g_free);
  g_signal_connect (chip, "clicked", G_CALLBACK (on_chip_clicked), self);
  return chip;
}

typedef struct
{
  const FeColumn *column;
  guint           level;
  char           *text;
} ChipWanted;

static void
chip_wanted_clear (ChipWanted *wanted)
{
  g_free (wanted->text);
}

static gboolean
chip_is (GtkWidget        *flow_child,
         const ChipWanted *wanted)
{
  GObject *chip = G_OBJECT (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (flow_child)));

  return g_object_get_data (chip, "fe-column") == wanted->column
         && GPOINTER_TO_UINT (g_object_get_data (chip, "fe-level")) == wanted->level
         && g_strcmp0 (g_object_get_data (chip, "fe-text"), wanted->text) == 0;
}

/* A chip per answer the filter keeps. Those already shown stay: a filter click makes only the
 * chip it adds, a question chosen none, and a chip with the keyboard focus keeps it. */
static void
update_chips (FeWindow       *self,
              const FeFilter *filter)
{
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (ChipWanted));
  GtkWidget *child;
  guint position;

  g_array_set_clear_func (wanted, (GDestroyNotify) chip_wanted_clear);
  for (guint i = 0; i < fe_filter_get_n_columns (filter); i++)
    {
      const FeColumn *column = fe_filter_get_column (filter, i);
      /* A row of chips stays short; the tooltip says the whole question. */
      g_autofree char *question = fe_column_dup_short_label (column);

      for (guint l = 0; l < fe_column_get_n_levels (column); l++)
        if (fe_filter_has_level (filter, column, l))
          {
            ChipWanted chip = { column, l, NULL };

            /* Translators: a filter chip: the question's short name (or the start of the
             * question), then the answer kept: "Force: Gwent Police", "Have you received
             * any…: No" */
            chip.text = g_strdup_printf (_("%s: %s"), question,
                                         fe_column_get_display_level (column, l));
            g_array_append_val (wanted, chip);
          }
    }

  /* The chips no longer wanted go; those left keep their order. */
  child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box));
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      gboolean keep = FALSE;

      for (guint w = 0; w < wanted->len && !keep; w++)
        keep = chip_is (child, &g_array_index (wanted, ChipWanted, w));
      if (!keep)
        gtk_flow_box_remove (self->chips_box, child);
      child = next;
    }
  /* The new ones come in at their places; a chip found out of order is made again there, and
   * its old self, left past the end, goes. */
  for (position = 0; position < wanted->len; position++)
    {
      const ChipWanted *chip = &g_array_index (wanted, ChipWanted, position);
      GtkFlowBoxChild *shown = gtk_flow_box_get_child_at_index (self->chips_box, (int) position);

      if (shown == NULL || !chip_is (GTK_WIDGET (shown), chip))
        gtk_flow_box_insert (self->chips_box, new_chip (self, chip->column, chip->level,
                                                        chip->text),
                             (int) position);
    }
  while ((child = GTK_WIDGET (gtk_flow_box_get_child_at_index (self->chips_box,
                                                              (int) position))) != NULL)
    gtk_flow_box_remove (self->chips_box, child);
  gtk_widget_set_visible (GTK_WIDGET (self->chips_bar), !fe_filter_is_empty (filter));
}

/* A theme co-occurrence has no percentages of a group: it shows counts, or the themes' overlap
 * from the chart's menu, and the % button says so rather than doing nothing. */
static void
show_measure_choices (FeWindow *self,
                      FeQuery  *query)
{
  const FeTally *tally = fe_query_get_tally (query);
  gboolean cooccurrence = tally != NULL && fe_cooccurrence_is (tally);

  /* Set only when it changes: a tooltip set costs GTK 4.8 a trip to the X server. */
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->percent_button)) == !cooccurrence)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->percent_button), !cooccurrence);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->percent_button),
                               cooccurrence
                               ? _("A theme co-occurrence shows counts, or the themes' overlap "
                                   "from the chart's menu")
                               : _("Show percentages of each group's respondents"));
}

/* The weighting switch: there only for data that declare a case weight, and greyed out, saying
 * why, where the chart shows no percentages to weight. */
static void
show_weighting (FeWindow *self)
{
  FeStudy *study = fe_explore_state_get_study (self->state);
  FeQuery *query = fe_explore_state_get_query (self->state);
  const FeTally *tally = query != NULL ? fe_query_get_tally (query) : NULL;
  gboolean can = study != NULL && fe_study_get_weights (study) != NULL;
  gboolean counts = fe_explore_state_get_measure (self->state) != FE_CHART_MEASURE_PERCENT_BASE
                    && fe_explore_state_get_measure (self->state)
                       != FE_CHART_MEASURE_PERCENT_ANSWERED;
  gboolean cooccurrence = tally != NULL && fe_cooccurrence_is (tally);
  g_autofree char *tooltip = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->weighted_button), can);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                             "weighted")),
                               can && !counts && !cooccurrence);
  if (!can)
    return;
  if (cooccurrence)
    tooltip = g_strdup (_("A theme co-occurrence shows counts, which are never weighted"));
  else if (counts)
    /* Translators: why the Weighted button is greyed out while the chart shows counts */
    /* xgettext:no-c-format */
    tooltip = g_strdup (_("Weighting applies to percentages: counts are always of "
                          "respondents. Choose % to weight them."));
  else
    /* Translators: %s is the case-weight variable the data declare */
    tooltip = g_strdup_printf (_("Weight the percentages by %s (the numbers of respondents "
                                 "stay unweighted)"),
                               fe_study_get_weight_variable (study));
  /* Set only when it changes: a tooltip set costs GTK 4.8 a trip to the X server. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self->weighted_button)), tooltip) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->weighted_button), tooltip);
}

/* What the filters keep, above the chart: the base and a chip per answer kept. */
static void
show_base (FeWindow *self)
{
  FeQuery *query = fe_explore_state_get_query (self->state);
  g_autofree char *base = NULL;

  if (query == NULL)
    return;
  base = describe_base (self, query);
  gtk_label_set_text (self->base_label, base);
  show_measure_choices (self, query);
  update_chips (self, fe_query_get_filter (query));
  show_weighting (self);
}

static void
on_respondent_activated (FeWindow *self,
                         guint     row)
{
  gtk_window_present (fe_respondent_dialog_new (GTK_WINDOW (self), fe_window_get_study (self),
                                               row));
}

static void
on_star_requested (FeWindow    *self,
                   FeQuoteItem *item)
{
  fe_window_toggle_star (self, item);
}

static gboolean
fe_window_close_request (GtkWindow *window)
{
  GtkWindowClass *parent_class = GTK_WINDOW_CLASS (fe_window_parent_class);

  if (fe_window_confirm_close (FE_WINDOW (window)))
    return TRUE;
  return parent_class->close_request ? parent_class->close_request (window) : FALSE;
}

static void
on_quote_copied (FeWindow *self)
{
  fe_window_show_toast (self, _("Quote copied with its attribution"));
}

static void
on_split_changed (FeWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->split_dropdown);
  FeColumn *by;

  if (self->updating_controls)
    return;
  by = selected > 0 && selected <= self->split_columns->len
       ? g_ptr_array_index (self->split_columns, selected - 1) : NULL;
  /* A question picked as its own split is not split by itself (but for a co-occurrence
   * table, fe_query_split_in_effect()); and the dropdown coming to show the split in effect
   * (it notifies twice) changes nothing. */
  if ((by != NULL
       && fe_query_split_in_effect (fe_explore_state_get_question (self->state), by) == NULL)
      || by == fe_window_get_split (self))
    {
      show_split (self);
      return;
    }
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "split-by", by ? by->id : "");
  fe_explore_state_set_split (self->state, by);
}

/* ---- Settings ----------------------------------------------------------------------------- */

static void
on_include_incomplete_changed (FeWindow *self)
{
  FeStudy *study = fe_window_get_study (self);

  if (study == NULL)
    return;
  fe_study_set_include_incomplete (study, g_settings_get_boolean (self->settings,
                                                                  "include-incomplete"));
  fe_explore_state_requery (self->state);
}

static void
on_min_cell_changed (FeWindow *self)
{
  if (self->project != NULL)
    fe_project_set_min_cell (self->project, fe_explore_state_get_min_cell (self->state));
}

/* The sort order is a boolean in the settings, an enum in the state. */
static gboolean
sort_from_setting (GValue   *value,
                   GVariant *variant,
                   gpointer  data)
{
  g_value_set_enum (value, g_variant_get_boolean (variant) ? FE_CHART_SORT_VALUE
                                                            : FE_CHART_SORT_CODEBOOK);
  return TRUE;
}

static GVariant *
sort_to_setting (const GValue       *value,
                 const GVariantType *type,
                 gpointer            data)
{
  return g_variant_new_boolean (g_value_get_enum (value) == FE_CHART_SORT_VALUE);
}

/* The settings remember counts or percentages; a view's "percent of those who answered" is the
 * view's own. */
static GVariant *
measure_to_setting (const GValue       *value,
                    const GVariantType *type,
                    gpointer            data)
{
  return g_variant_new_string (g_value_get_enum (value) == FE_CHART_MEASURE_COUNT ? "count"
                                                                                  : "percent");
}

static gboolean
measure_from_setting (GValue   *value,
                      GVariant *variant,
                      gpointer  data)
{
  FeChartMeasure measure = FE_CHART_MEASURE_COUNT;

  fe_chart_measure_from_string (g_variant_get_string (variant, NULL), &measure);
  g_value_set_enum (value, measure);
  return TRUE;
}

static GSettings *
open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Run from a build tree without its schema, the app still works; it just forgets. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema ? g_settings_new (APP_ID) : NULL;
}

static void
bind_settings (FeWindow *self)
{
  g_autoptr(GAction) include = NULL;

  self->settings = open_settings ();
  if (self->settings == NULL)
    return;

  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
  include = g_settings_create_action (self->settings, "include-incomplete");
  g_action_map_add_action (G_ACTION_MAP (self), include);
  g_signal_connect_swapped (self->settings, "changed::include-incomplete",
                            G_CALLBACK (on_include_incomplete_changed), self);
  g_settings_bind (self->settings, "min-cell", self->state, "min-cell", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_swapped (self->state, "notify::min-cell",
                            G_CALLBACK (on_min_cell_changed), self);
  g_settings_bind_with_mapping (self->settings, "measure", self->state, "measure",
                                G_SETTINGS_BIND_DEFAULT, measure_from_setting,
                                measure_to_setting, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "sort-by-value", self->state, "sort",
                                G_SETTINGS_BIND_DEFAULT, sort_from_setting, sort_to_setting,
                                NULL, NULL);
}

/* The kinds in the order of FeChartKind, so that a choice's position is its kind. */
static void
set_kind_choices (GtkDropDown *dropdown)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GEnumClass) klass = g_type_class_ref (FE_TYPE_CHART_KIND);

  for (guint i = 0; i < klass->n_values; i++)
    {
      g_assert (klass->values[i].value == (int) i);
      gtk_string_list_append (kinds, fe_chart_kind_get_label (klass->values[i].value));
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (kinds));
}

/* ---- The state every panel shows ----------------------------------------------------------- */

static gboolean
enum_from_dropdown (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      data)
{
  g_value_set_enum (to, (int) g_value_get_uint (from));
  return TRUE;
}

static gboolean
enum_to_dropdown (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

static gboolean
measure_from_toggle (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      data)
{
  g_value_set_enum (to, g_value_get_boolean (from) ? FE_CHART_MEASURE_PERCENT_BASE
                                                   : FE_CHART_MEASURE_COUNT);
  return TRUE;
}

static gboolean
measure_to_toggle (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      data)
{
  g_value_set_boolean (to, g_value_get_enum (from) != FE_CHART_MEASURE_COUNT);
  return TRUE;
}

/* The sort dropdown lists its choices in the order of the enum, as the kinds are listed. */
G_STATIC_ASSERT (FE_CHART_SORT_CODEBOOK == 0 && FE_CHART_SORT_VALUE == 1);

/* The panels follow the state and change it; the window only keeps what is its own in step
 * (the base and chips above the chart, the split dropdown, the stars of the quotes). */
static void
bind_state (FeWindow *self)
{
  self->state = fe_explore_state_new ();
  /* Until settings or a project say otherwise. */
  fe_explore_state_set_min_cell (self->state, 5);
  fe_question_list_set_state (self->question_list, self->state);
  fe_filter_panel_set_state (self->filter_panel, self->state);
  fe_chart_view_set_state (self->chart_view, self->state);
  fe_data_table_set_state (self->data_table, self->state);
  fe_quote_browser_set_state (self->quote_browser, self->state);
  fe_respondent_view_set_state (self->respondent_view, self->state);
  g_object_bind_property_full (self->kind_dropdown, "selected", self->state, "kind",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               enum_from_dropdown, enum_to_dropdown, NULL, NULL);
  g_object_bind_property_full (self->sort_dropdown, "selected", self->state, "sort",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               enum_from_dropdown, enum_to_dropdown, NULL, NULL);
  g_object_bind_property_full (self->percent_button, "active", self->state, "measure",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               measure_from_toggle, measure_to_toggle, NULL, NULL);
  g_signal_connect_swapped (self->state, "notify::query", G_CALLBACK (show_base), self);
  g_signal_connect_swapped (self->state, "notify::min-cell", G_CALLBACK (show_base), self);
  g_signal_connect_swapped (self->state, "notify::measure", G_CALLBACK (show_weighting), self);
  g_signal_connect_swapped (self->state, "notify::question", G_CALLBACK (show_split), self);
  g_signal_connect_swapped (self->state, "notify::split", G_CALLBACK (show_split), self);
  g_signal_connect_swapped (self->state, "notify::query", G_CALLBACK (fe_window_update_actions),
                            self);
  g_signal_connect_swapped (self->state, "notify::respondent",
                            G_CALLBACK (fe_window_update_actions), self);
  /* After the quote browser has filled. */
  g_signal_connect_swapped (self->state, "notify::query", G_CALLBACK (fe_window_show_stars),
                            self);
  g_signal_connect_swapped (self->state, "notify::selection",
                            G_CALLBACK (fe_window_show_stars), self);
}

/* ---- GObject ------------------------------------------------------------------------------ */

static void
fe_window_dispose (GObject *object)
{
  FeWindow *self = FE_WINDOW (object);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->load_permille, g_atomic_rc_box_release);
  g_clear_pointer (&self->view_after_load, fe_saved_view_free);
  g_clear_pointer (&self->deleted_view, fe_saved_view_free);
  if (self->responses_monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->responses_monitor, self);
  g_clear_object (&self->responses_monitor);
  gtk_widget_dispose_template (GTK_WIDGET (self), FE_TYPE_WINDOW);
  g_clear_object (&self->settings);
  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_clear_object (&self->state);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  g_clear_pointer (&self->split_columns, g_ptr_array_unref);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_weak_pointer (&self->close_dialog);
  G_OBJECT_CLASS (fe_window_parent_class)->dispose (object);
}

static void
fe_window_class_init (FeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fe_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = fe_window_close_request;

  g_type_ensure (FE_TYPE_CHART_VIEW);
  g_type_ensure (FE_TYPE_DATA_TABLE);
  g_type_ensure (FE_TYPE_FILTER_PANEL);
  g_type_ensure (FE_TYPE_QUESTION_LIST);
  g_type_ensure (FE_TYPE_QUOTE_BROWSER);
  g_type_ensure (FE_TYPE_RESPONDENT_VIEW);
  g_type_ensure (FE_TYPE_VIEW_LIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/findings_explorer/FindingsExplorer/"
                                               "ui/fe-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, quotes_button);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, study_page);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, recent_heading);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, question_list);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, filter_panel);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, split_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, percent_button);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, weighted_button);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, chips_bar);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, chips_box);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, base_label);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, notice_label);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, notice_button);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, chart_view);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, data_table);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, quote_browser);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, respondent_view);
  gtk_widget_class_bind_template_child (widget_class, FeWindow, view_list);
  gtk_widget_class_bind_template_callback (widget_class, on_quote_copied);
  gtk_widget_class_bind_template_callback (widget_class, on_star_requested);
  gtk_widget_class_bind_template_callback (widget_class, on_notice_details);
  gtk_widget_class_bind_template_callback (widget_class, on_notice_dismissed);
  gtk_widget_class_bind_template_callback (widget_class, on_respondent_activated);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_recent_activated",
                                                G_CALLBACK (fe_window_on_recent_activated));

  /* Bubbling up from the focused widget: a selectable label or an entry copies its own text
   * and a search entry takes Escape first; otherwise these act on the quote and selection. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK,
                                       "win.copy-quote", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "win.clear-selection", NULL);
}

/* ---- Layout: panes that fold in narrow windows ------------------------------------------ */

/* Side by side: the sidebar, the chart (at least its controls' width in English) and the
 * quotes. A window narrower than all three folds the quotes into an overlay, then the sidebar
 * too; a button in the header bar (and F9, Ctrl+F9) brings each back. 1366 px (a laptop, a
 * projector) shows all three; 1024 px the sidebar and the chart; 800 px the chart alone. */
#define SIDEBAR_WIDTH 300
#define QUOTES_WIDTH 360
#define CHART_MIN_WIDTH 680
#define WINDOW_MIN_HEIGHT 480
/* Breakpoints fold a little before the panes' widths run out, for a sidebar whose words are
 * longer than English (Welsh's needs 309 px). */
#define FOLD_SLACK 12

static void
on_pane_shown (FeWindow   *self,
               GParamSpec *pspec,
               GtkWidget  *pane)
{
  const char *name = pane == self->sidebar_pane ? "show-sidebar" : "show-quotes";
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_boolean (fe_compat_pane_get_shown (pane)));
}

static void
show_pane_action (GSimpleAction *action,
                  GVariant      *state,
                  gpointer       data)
{
  FeWindow *self = data;
  gboolean sidebar = g_str_equal (g_action_get_name (G_ACTION (action)), "show-sidebar");

  fe_compat_pane_set_shown (sidebar ? self->sidebar_pane : self->quotes_pane,
                            g_variant_get_boolean (state));
}

static void
on_main_page_changed (FeWindow *self)
{
  gboolean study = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack),
                              "study") == 0;

  gtk_widget_set_visible (self->sidebar_button, study);
  gtk_widget_set_visible (self->quotes_button, study);
}

static GtkWidget *
take_child (GtkBox    *box,
            GtkWidget *child)
{
  g_object_ref (child);
  gtk_box_remove (box, child);
  return child;
}

static void
build_layout (FeWindow *self)
{
  static const GActionEntry entries[] = {
    { "show-sidebar", NULL, NULL, "true", show_pane_action },
    { "show-quotes", NULL, NULL, "true", show_pane_action },
  };
  g_autoptr(GtkWidget) sidebar = take_child (self->study_page, self->sidebar_box);
  g_autoptr(GtkWidget) content = take_child (self->study_page, self->content_stack);
  g_autoptr(GtkWidget) quotes = take_child (self->study_page, GTK_WIDGET (self->quote_browser));
  g_autofree char *shown = g_strdup_printf ("notify::%s", fe_compat_pane_shown_property ());

  gtk_widget_set_size_request (content, CHART_MIN_WIDTH, -1);
  self->quotes_pane = fe_compat_pane_new (quotes, content, GTK_PACK_END, QUOTES_WIDTH);
  self->sidebar_pane = fe_compat_pane_new (sidebar, self->quotes_pane, GTK_PACK_START,
                                           SIDEBAR_WIDTH);
  gtk_widget_set_hexpand (self->sidebar_pane, TRUE);
  gtk_box_append (self->study_page, self->sidebar_pane);
  fe_compat_fold_panes (GTK_WIDGET (self), CHART_MIN_WIDTH, WINDOW_MIN_HEIGHT,
                        self->sidebar_pane, SIDEBAR_WIDTH + 1 + CHART_MIN_WIDTH + FOLD_SLACK,
                        self->quotes_pane,
                        SIDEBAR_WIDTH + 1 + CHART_MIN_WIDTH + 1 + QUOTES_WIDTH + FOLD_SLACK);

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  g_signal_connect_object (self->sidebar_pane, shown, G_CALLBACK (on_pane_shown), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->quotes_pane, shown, G_CALLBACK (on_pane_shown), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->main_stack, "notify::visible-child-name",
                           G_CALLBACK (on_main_page_changed), self, G_CONNECT_SWAPPED);
}

void
fe_window_dismiss_sidebar (FeWindow *self)
{
  g_return_if_fail (FE_IS_WINDOW (self));

  if (fe_compat_pane_get_folded (self->sidebar_pane))
    fe_compat_pane_set_shown (self->sidebar_pane, FALSE);
}

gboolean
fe_window_dismiss_overlay (FeWindow *self)
{
  GtkWidget *panes[] = { self->sidebar_pane, self->quotes_pane };

  g_return_val_if_fail (FE_IS_WINDOW (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
    if (fe_compat_pane_get_folded (panes[i]) && fe_compat_pane_get_shown (panes[i]))
      {
        fe_compat_pane_set_shown (panes[i], FALSE);
        return TRUE;
      }
  return FALSE;
}

void
fe_window_reveal_quotes (FeWindow *self)
{
  g_return_if_fail (FE_IS_WINDOW (self));

  fe_compat_pane_set_shown (self->quotes_pane, TRUE);
}

/* A question picked (in the sidebar, or by a view picked there) is what the sidebar was
 * brought over the chart for. */
static void
on_question_changed (FeWindow *self)
{
  fe_window_dismiss_sidebar (self);
}

/* A segment selected is what the quotes are for, also when they are folded away; none
 * selected, an empty quotes pane over the chart would only hide it. */
static void
on_selection_changed (FeWindow *self)
{
  if (fe_explore_state_get_selected_level (self->state) >= 0)
    fe_window_reveal_quotes (self);
  else if (fe_compat_pane_get_folded (self->quotes_pane))
    fe_compat_pane_set_shown (self->quotes_pane, FALSE);
}

/* A new question or split lets the selection go without notifying "selection". */
static void
on_query_changed (FeWindow *self)
{
  if (fe_explore_state_get_selected_level (self->state) < 0
      && fe_compat_pane_get_folded (self->quotes_pane))
    fe_compat_pane_set_shown (self->quotes_pane, FALSE);
}

static void
follow_state_with_panes (FeWindow *self)
{
  g_signal_connect_object (self->state, "notify::question", G_CALLBACK (on_question_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::selection", G_CALLBACK (on_selection_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::query", G_CALLBACK (on_query_changed),
                           self, G_CONNECT_SWAPPED);
}

static void
fe_window_init (FeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_layout (self);
  /* Every control named for a screen reader, down to the toggle inside a menu button or a
   * drop-down that GTK 4.8 leaves reading "GtkToggleButton". */
  fe_compat_name_control (GTK_WIDGET (self->primary_menu_button), _("Main Menu"), NULL);
  fe_compat_name_control (GTK_WIDGET (self->export_button), _("Export Chart"), NULL);
  fe_compat_name_control (GTK_WIDGET (self->split_dropdown), _("Split by"),
                          _("Split the chart by an attribute"));
  fe_compat_name_control (GTK_WIDGET (self->sort_dropdown), _("Order of the bars"), NULL);
  fe_compat_name_control (GTK_WIDGET (self->kind_dropdown), _("Kind of chart"), NULL);

  /* The app's own symbolic icons, also when the window is made without the application. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (
                                      gtk_widget_get_display (GTK_WIDGET (self))),
                                    "/io/github/findings_explorer/FindingsExplorer/icons");
  self->split_columns = g_ptr_array_new ();
  bind_state (self);
  follow_state_with_panes (self);

  self->active_view = -1;
  fe_window_install_actions (self);
  fe_window_install_project_actions (self);
  fe_window_update_actions (self);
  set_dropdown_factories (self->split_dropdown, TRUE);
  set_dropdown_factories (self->sort_dropdown, FALSE);
  set_kind_choices (self->kind_dropdown);
  set_dropdown_factories (self->kind_dropdown, FALSE);
  g_signal_connect_swapped (self->split_dropdown, "notify::selected",
                            G_CALLBACK (on_split_changed), self);

  bind_settings (self);
  fe_window_install_loading (self);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
}

FeWindow *
fe_window_new (GtkApplication *application)
{
  return g_object_new (FE_TYPE_WINDOW, "application", application, NULL);
}

FeStudy *
fe_window_get_study (FeWindow *self)
{
  g_return_val_if_fail (FE_IS_WINDOW (self), NULL);
  return fe_explore_state_get_study (self->state);
}

FeExploreState *
fe_window_get_state (FeWindow *self)
{
  g_return_val_if_fail (FE_IS_WINDOW (self), NULL);
  return self->state;
}

FeChartView *
fe_window_get_chart_view (FeWindow *self)
{
  g_return_val_if_fail (FE_IS_WINDOW (self), NULL);
  return self->chart_view;
}

FeQuoteBrowser *
fe_window_get_quote_browser (FeWindow *self)
{
  g_return_val_if_fail (FE_IS_WINDOW (self), NULL);
  return self->quote_browser;
}

FeFilterPanel *
fe_window_get_filter_panel (FeWindow *self)
{
  g_return_val_if_fail (FE_IS_WINDOW (self), NULL);
  return self->filter_panel;
}

const char *
fe_window_get_last_error (FeWindow *self)
{
  g_return_val_if_fail (FE_IS_WINDOW (self), NULL);
  return self->last_error;
}
