/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the project's files share: the object itself (fe-project.c) and its key file
 * (fe-project-file.c). */
#pragma once

#include "fe-project.h"

G_BEGIN_DECLS

#define PROJECT_GROUP "Project"
#define VIEW_PREFIX "View "
#define COLUMN_PREFIX "Column "
#define DEFAULT_MIN_CELL 5

struct _FeProject
{
  GObject    parent_instance;

  char      *path;
  char      *responses;
  char      *codebook;
  char      *coding;
  guint      expected_rows;
  GStrv      expected_columns;
  gboolean   include_incomplete;
  guint      min_cell;
  GPtrArray *views;
  GPtrArray *corrections;     /* FeColumnCorrection* */
  char      *title;
  char      *loaded_title;     /* the title as the file gave it */
  char      *localized_title;  /* and in the reader's language */
  GKeyFile  *keys;             /* the file as loaded: what the app does not know of it (other
                                * languages, comments, newer keys) is saved again */
  gboolean   modified;
  int        version;          /* the file's, never saved lower */
  GPtrArray *warnings;         /* char*: what loaded but deserves a look */
};

/* Says whether the project differs from its file, notifying "modified" when that changes. */
void fe_project_set_modified (FeProject *self,
                              gboolean   modified);

G_END_DECLS
