/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-filter.h"
#include "fe-query.h"
#include "fe-study.h"

G_BEGIN_DECLS

/* A filter of a saved view: a column and the labels of its chosen levels. */
typedef struct
{
  char  *column;
  GStrv  levels;
} FeViewFilter;

/* A quote a researcher starred to show with a view: whose, in which question, and its words. */
typedef struct
{
  char *respondent;
  char *question;
  char *text;
} FeStarredQuote;

/* A chart worth coming back to, as it was set up, with what it shows in one line. Ids and
 * labels rather than indices, so that a view survives a re-export of the data. */
typedef struct
{
  char      *title;
  char      *takeaway;
  char      *question;
  char      *by;              /* NULL: not split */
  char      *measure;         /* "count", "percent", or "overlap" (a co-occurrence) */
  char      *kind;            /* fe_chart_kind_to_string () names; "auto" */
  char      *sort;            /* "codebook" or "value" */
  gboolean   weighted;        /* percentages weighted by the study's case weight */
  GPtrArray *filters;         /* FeViewFilter* */
  char      *selected_level;  /* NULL: no segment selected */
  char      *selected_group;
  GPtrArray *starred;         /* FeStarredQuote* */
  GPtrArray *extra;           /* char*: key, value, key, value…: what the file says of the view
                               * that the app does not know (a title's translations), written
                               * back as it was */
  char      *group;           /* the file's group it was read from, "View 3"; NULL when new */
} FeSavedView;

FeSavedView *fe_saved_view_new        (void);
FeSavedView *fe_saved_view_copy       (const FeSavedView *view);
void         fe_saved_view_free       (FeSavedView       *view);
/* The view's title or takeaway (@key) in @lang ("cy", or "cy_GB" falling back to "cy") when the
 * project file gives one (title[cy]=…), else the view's own; NULL @lang: its own. */
const char  *fe_saved_view_get_localized (const FeSavedView *view,
                                          const char        *key,
                                          const char        *lang);
void         fe_saved_view_add_filter (FeSavedView       *view,
                                       const char        *column,
                                       const char *const *levels);
void         fe_saved_view_add_star   (FeSavedView       *view,
                                       const char        *respondent,
                                       const char        *question,
                                       const char        *text);

/* A view of @question split by @by (or not), under @filter, with the segment of @level and
 * @group selected (-1: none); its title, takeaway, measure, kind and sort are the caller's. */
FeSavedView *fe_saved_view_new_for    (const FeColumn    *question,
                                       const FeColumn    *by,
                                       const FeFilter    *filter,
                                       int                level,
                                       int                group);
/* What a saved view counts in @study (its question, split and filter), with its selected
 * segment's level and group in @level and @group (-1 when none). The one way from a view to
 * numbers: the window, presenting, the briefing pack and the audit all come through here.
 * Fails, saying which, when the view names a question, column or level the data no longer
 * have. */
FeQuery     *fe_saved_view_to_query   (const FeSavedView *view,
                                       FeStudy           *study,
                                       int               *level,
                                       int               *group,
                                       GError           **error);

G_END_DECLS
