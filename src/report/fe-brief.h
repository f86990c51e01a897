/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

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
 * current language. */
typedef struct
{
  guint       min_cell;           /* disclosure threshold k (fe-disclosure.h); 0: off */
  const char *lang;               /* "en", "cy"…: the language of the pack's own words and
                                   * of the data's labels (fe_study_set_language() while
                                   * writing); NULL or "": the current one and the study's.
                                   * Switching sets LANGUAGE for the whole process while
                                   * writing, so the app passes NULL */
  gboolean    fold_small_groups;  /* merge groups of fewer than k into "Other" in charts */
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
 * renamed over @path. */
gboolean fe_brief_write       (FeProject            *project,
                               FeStudy              *study,
                               const FeBriefOptions *options,
                               const char           *path,
                               GError              **error);

G_END_DECLS
