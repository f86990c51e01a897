/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fe-chart-spec.h"
#include "fe-data-table.h"
#include "fe-project.h"
#include "fe-question-list.h"
#include "fe-quote-item.h"
#include "fe-respondent-view.h"
#include "fe-view-list.h"
#include "fe-window.h"

G_BEGIN_DECLS

struct _FeWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay  *toast_overlay;
  AdwViewSwitcherTitle *window_title;
  GtkMenuButton    *export_button;
  GtkMenuButton    *primary_menu_button;
  GtkStack         *main_stack;
  GtkWidget        *sidebar_button;     /* header toggles, shown with a study */
  GtkWidget        *quotes_button;
  GtkBox           *study_page;
  GtkWidget        *sidebar_box;
  GtkWidget        *content_stack;
  GtkWidget        *sidebar_pane;       /* folds over the content in narrow windows */
  GtkWidget        *quotes_pane;
  GtkListBox       *recent_list;
  GtkLabel         *recent_heading;
  GtkLabel         *loading_label;
  GtkProgressBar   *progress_bar;
  GtkStack         *sidebar_stack;
  FeQuestionList   *question_list;
  FeFilterPanel    *filter_panel;
  GtkDropDown      *split_dropdown;
  GtkToggleButton  *percent_button;
  GtkToggleButton  *weighted_button;
  GtkDropDown      *sort_dropdown;
  GtkDropDown      *kind_dropdown;
  GtkBox           *chips_bar;
  GtkFlowBox       *chips_box;
  GtkLabel         *base_label;
  GtkRevealer      *notice_revealer;
  GtkWidget        *changed_banner;     /* the responses file changed on disk: Reload */
  GFileMonitor     *responses_monitor;
  GtkLabel         *notice_label;
  GtkButton        *notice_button;
  GtkStack         *view_stack;
  FeChartView      *chart_view;
  FeDataTable      *data_table;
  FeQuoteBrowser   *quote_browser;
  FeRespondentView *respondent_view;

  FeViewList       *view_list;

  GSettings        *settings;
  FeProject        *project;
  gboolean          project_is_template;  /* the sample: saving asks where */
  int               active_view;          /* the saved view on screen, or -1 */
  FeExploreState   *state;          /* what is explored; the panels follow it */
  GPtrArray        *split_columns;  /* FeColumn*, the dropdown's items after "None" */
  gboolean          updating_controls;

  GCancellable     *load_cancellable;
  gint             *load_permille;     /* shared with the loading thread (g_atomic_rc_box) */
  gint64            load_started;      /* monotonic µs */
  guint             pulse_source;
  FeSavedView      *view_after_load;   /* what to show again once a reload is done */
  FeSavedView      *deleted_view;      /* the last view deleted, for Undo */
  guint             deleted_view_index;
  char             *last_error;
  GtkWidget        *close_dialog;      /* weak: "Save Changes?", while it asks */
};

void fe_window_show_toast       (FeWindow    *self,
                                 const char  *text);
void fe_window_show_error       (FeWindow    *self,
                                 const char  *heading,
                                 const char  *message);
/* The split in effect: none while the question shown is the split column itself. */
FeColumn *fe_window_get_split   (FeWindow    *self);
void fe_window_install_actions  (FeWindow    *self);
/* Loading (fe-window-loading.c): the drop target, recent studies and the changed-file banner;
 * what a loaded study does to the window (fe-window.c); watching its responses file. */
void fe_window_install_loading  (FeWindow    *self);
void fe_window_set_study        (FeWindow    *self,
                                 FeStudy     *study,
                                 FeProject   *project,
                                 gboolean     is_sample);
void fe_window_watch_responses  (FeWindow    *self,
                                 FeProject   *project);
void fe_window_on_recent_activated (FeWindow      *self,
                                    GtkListBoxRow *row);
/* Enables the actions that need a study only while one is loaded. */
void fe_window_update_actions   (FeWindow    *self);
/* Project, saved views and presentation (fe-window-project.c). */
void fe_window_install_project_actions (FeWindow *self);
void fe_window_set_project      (FeWindow    *self,
                                 FeProject   *project,
                                 gboolean     is_template);
void fe_window_apply_view       (FeWindow    *self,
                                 guint        index);
gboolean fe_window_show_view    (FeWindow           *self,
                                 const FeSavedView  *view,
                                 GError            **error);
FeSavedView *fe_window_capture_view (FeWindow *self);
/* The disclosure threshold now in force (0: off). */
guint fe_window_get_min_cell    (FeWindow    *self);
gboolean fe_window_confirm_close (FeWindow   *self);
/* Writes the briefing pack to @path once the audit (fe_project_audit()) passes; when it finds
 * numbers a reader could work out, asks first in a dialog listing them ("cancel", the
 * default, or "export"). */
void fe_window_export_brief     (FeWindow    *self,
                                 const char  *path);
/* Hides the sidebar when it lies over the chart (a narrow window): a choice made in it is
 * done. */
void fe_window_dismiss_sidebar  (FeWindow    *self);
/* Hides whichever pane lies over the chart (the sidebar first); whether one did. */
gboolean fe_window_dismiss_overlay (FeWindow  *self);
/* Shows the quotes pane, over the chart in a narrow window. */
void fe_window_reveal_quotes    (FeWindow    *self);
void fe_window_toggle_star      (FeWindow    *self,
                                 FeQuoteItem *item);
void fe_window_show_stars       (FeWindow    *self);

G_END_DECLS
