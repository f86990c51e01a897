/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "fe-saved-view.h"
#include "fe-study.h"

G_BEGIN_DECLS

#define FE_PROJECT_ERROR (fe_project_error_quark ())

/* The newest project file version this app knows. A newer file opens with a warning and is
 * saved with its own version, never this one. */
#define FE_PROJECT_VERSION 1

/* The largest disclosure threshold (min-cell) a project or --min-cell may give. */
#define FE_PROJECT_MAX_MIN_CELL 1000

typedef enum
{
  FE_PROJECT_ERROR_INVALID,
  FE_PROJECT_ERROR_MISSING_FILE,
  FE_PROJECT_ERROR_CHANGED,
} FeProjectError;

GQuark fe_project_error_quark (void);

#define FE_TYPE_PROJECT (fe_project_get_type ())

G_DECLARE_FINAL_TYPE (FeProject, fe_project, FE, PROJECT, GObject)

/* A .findings file: where the data are (relative to the project), saved views, starred quotes
 * and the disclosure threshold. It never holds respondents' data itself. */
FeProject   *fe_project_new                  (void);
/* A new, unsaved and unmodified project for data just loaded into @study. */
FeProject   *fe_project_new_for_data         (const char  *responses,
                                              const char  *codebook,
                                              const char  *coding,
                                              FeStudy     *study);
FeProject   *fe_project_load                 (const char  *path,
                                              GError     **error);
/* A deep copy of everything it holds (views, corrections, the file as loaded, the modified
 * flag): a snapshot another thread can read while the app goes on changing the original. */
FeProject   *fe_project_copy                 (FeProject   *self);
/* Writes to a temporary file and renames it over @path, so a crash or a full disk never
 * leaves a broken project behind. */
gboolean     fe_project_save                 (FeProject   *self,
                                              const char  *path,
                                              GError     **error);
const char  *fe_project_get_path             (FeProject   *self);
/* What loaded but deserves a look: tables outside the project's folder, a version newer than
 * this app knows. fe_project_load_study() adds them to the study's warnings. */
GPtrArray   *fe_project_get_warnings         (FeProject   *self);
/* The project's title (the "title" key of [Project]), or NULL. */
const char  *fe_project_get_title            (FeProject   *self);
void         fe_project_set_title            (FeProject   *self,
                                              const char  *title);
/* The title in the reader's language when the file has it (title[cy]=…) and the title was not
 * changed since; otherwise the title. */
const char  *fe_project_get_localized_title  (FeProject   *self);
/* The title in @language ("cy", "cy_GB": title[cy_GB], then title[cy]) from the file as it
 * was loaded, when the title was not changed since; otherwise the title (or NULL). For a
 * pack in a language of its own; read from memory, never from the file again. */
char        *fe_project_dup_title_in         (FeProject   *self,
                                              const char  *language);

/* How the researcher corrected the roles, labels and level orders the codebook gives or loading
 * infers: FeColumnCorrection*, owned by the project; fe_project_load_study() applies them. */
GPtrArray   *fe_project_get_corrections      (FeProject   *self);
/* Copies @corrections (NULL: none), leaving out empty ones; marks the project modified when
 * they differ from the ones it had. */
void         fe_project_set_corrections      (FeProject   *self,
                                              GPtrArray   *corrections);

void         fe_project_set_data_files       (FeProject   *self,
                                              const char  *responses,
                                              const char  *codebook,
                                              const char  *coding);
/* Absolute paths; NULL when the project has none. */
const char  *fe_project_get_responses        (FeProject   *self);
const char  *fe_project_get_codebook         (FeProject   *self);
const char  *fe_project_get_coding           (FeProject   *self);
/* Loads the data files with the project's corrections (after any in @options, which may be
 * NULL) and checks that they are still what the project was made on (same columns, same
 * number of rows); otherwise fails saying what changed. */
FeStudy     *fe_project_load_study           (FeProject           *self,
                                              const FeLoadOptions *options,
                                              GError             **error);
/* Notes what the data look like now, for the check above. */
void         fe_project_remember_study       (FeProject   *self,
                                              FeStudy     *study);

/* Reads a disclosure threshold written as a whole number from 0 to FE_PROJECT_MAX_MIN_CELL
 * ("5"); FALSE, @k untouched, for anything else ("five", "5.0", "-3", " 5"). */
gboolean     fe_project_parse_min_cell       (const char  *text,
                                              guint       *k);
guint        fe_project_get_min_cell         (FeProject   *self);
void         fe_project_set_min_cell         (FeProject   *self,
                                              guint        k);
gboolean     fe_project_get_include_incomplete (FeProject *self);
void         fe_project_set_include_incomplete (FeProject *self,
                                                gboolean   include);

guint        fe_project_get_n_views          (FeProject   *self);
FeSavedView *fe_project_get_view             (FeProject   *self,
                                              guint        index);
/* Takes @view. */
void         fe_project_add_view             (FeProject   *self,
                                              FeSavedView *view);
/* Takes @view and puts it at @index (at the end when past it): undoing a removal. */
void         fe_project_insert_view          (FeProject   *self,
                                              guint        index,
                                              FeSavedView *view);
void         fe_project_remove_view          (FeProject   *self,
                                              guint        index);
/* Marks the project as changed after editing a view in place. */
void         fe_project_view_changed         (FeProject   *self);
gboolean     fe_project_get_modified         (FeProject   *self);

/* How far the author of each quote starred in @project's views may be named under threshold
 * @k where the views are shown together (a briefing pack, a presentation): the least any view
 * that stars the quote allows (fe_attribution_rule_count() among that view's authors), so
 * that a quote reads alike on every page. A naming: read it with fe_attribution_naming_get(). */
GHashTable  *fe_project_count_starred_naming (FeProject *project,
                                              FeStudy   *study,
                                              guint      k);

G_END_DECLS
