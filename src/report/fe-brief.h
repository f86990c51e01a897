/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-catalog.h"
#include "fe-chart-spec.h"
#include "fe-project.h"
#include "fe-study.h"

G_BEGIN_DECLS

#define FE_BRIEF_ERROR (fe_brief_error_quark ())

typedef enum
{
  FE_BRIEF_ERROR_NO_VIEWS,  /* the project has no saved views to brief on */
  FE_BRIEF_ERROR_RENDER,    /* cairo failed */
  FE_BRIEF_ERROR_WRITE,     /* the file could not be written */
  FE_BRIEF_ERROR_INVALID_VIEW, /* a saved view names a kind, measure or sort there is not */
} FeBriefError;

/* How to write a briefing pack. A zeroed struct prints every number (min_cell 0) in the
 * process's language. */
typedef struct
{
  guint       min_cell;           /* disclosure threshold k (fe-disclosure.h); 0: off */
  FeCatalog  *catalog;            /* the language of the pack's own words, of the data's labels
                                   * (the codebook's label_cy, levels_cy) and of the project's
                                   * titles (title[cy]), for this pack only: the study and the
                                   * process keep theirs, so a pack can be written in Welsh on
                                   * one thread while the window stays in English. NULL: the
                                   * process's language and the study's */
  gboolean    fold_small_groups;  /* merge groups of fewer than k into "Other" in charts */
  /* Called as each page of the pack is drawn, on the thread writing it: @done of @total. */
  void      (*progress)           (guint    done,
                                   guint    total,
                                   gpointer data);
  gpointer    progress_data;
} FeBriefOptions;

GQuark   fe_brief_error_quark (void);

/* Writes the briefing pack of @project, whose data are @study, to @path as an A4 PDF: a title
 * page (the study, the date, how many answered, by the study's main grouping), one page per
 * saved view (its title, the chart at A4 width with the view's settings and filters, its
 * takeaway, its filters and bases in words, its starred quotes with their attribution) and a
 * closing note on method (responses received and excluded, the disclosure threshold). Pages
 * are numbered ("Page 2 of 8"); text is text, in embedded fonts, so it can be selected and
 * searched. Under @options->min_cell nothing in it (chart, words, quotes, metadata) prints a
 * number of fewer than k respondents or what would give one away, and quotes from a group
 * smaller than k lose the attribute that names the group. Written to a temporary file and
 * renamed over @path. It reads @project and @study as they are in memory, never the project
 * file again, and changes neither: it may run on another thread as long as nothing changes
 * them meanwhile (give it a fe_project_copy()). */
gboolean fe_brief_write       (FeProject            *project,
                               FeStudy              *study,
                               const FeBriefOptions *options,
                               const char           *path,
                               GError              **error);

G_END_DECLS
