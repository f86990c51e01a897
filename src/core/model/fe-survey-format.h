/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-column.h"
#include "fe-csv-table.h"

G_BEGIN_DECLS

/* Which tool wrote a responses file; each lays out its header differently. */
typedef enum
{
  FE_SURVEY_FORMAT_PLAIN,             /* one header row: Google Forms, Typeform, Excel, ours */
  FE_SURVEY_FORMAT_QUALTRICS,         /* ids, question texts, {"ImportId": …} */
  FE_SURVEY_FORMAT_QUALTRICS_LEGACY,  /* V1…Vn and Q ids, then names and question texts */
  FE_SURVEY_FORMAT_SURVEYMONKEY,      /* question texts, then "Response" or option labels */
  FE_SURVEY_FORMAT_TAGUETTE,          /* highlights: id, document, tag, content */
  FE_SURVEY_FORMAT_SPSS,              /* an SPSS file read as names, then labels (fe-stat-file.h) */
  FE_SURVEY_FORMAT_STATA,             /* a Stata file, the same way */
  FE_SURVEY_FORMAT_LIMESURVEY,        /* id, submitdate, lastpage, startlanguage… then answers */
  FE_SURVEY_FORMAT_ALCHEMER,          /* Response ID, Time Started, Date Submitted, Status… */
  FE_SURVEY_FORMAT_REDCAP,            /* record_id…, a column per checkbox option: field___code */
} FeSurveyFormat;

/* What the header rows say about one column of the file. */
typedef struct
{
  guint     source_column;
  char     *id;
  char     *label;        /* the question text, NULL when the id is all there is */
  char     *group;        /* the stem shared by the items of a grid, or NULL */
  char     *group_label;  /* the grid's question text, or NULL */
  char     *option;       /* the option of a question this column stands for, or NULL */
  gboolean  metadata;     /* recorded by the platform, not asked */
  gboolean  identifying;  /* IP address, e-mail, location, name… */
  gboolean  is_id;        /* the platform's response id */
  gboolean  finished;     /* Qualtrics Finished: False marks an incomplete response */
  gboolean  progress;     /* Qualtrics Progress: below 100 marks an incomplete response */
} FeSourceColumn;

/* Recognises the layout of @table and moves its extra header rows (question texts, import ids,
 * option labels) out of the data. */
FeSurveyFormat fe_survey_format_detect   (FeCsvTable       *table);
/* Describes every column of @table: FeSourceColumn*, in file order. */
GPtrArray     *fe_survey_format_describe (const FeCsvTable *table,
                                          FeSurveyFormat    format);
const char    *fe_survey_format_get_name (FeSurveyFormat    format);
/* "Q5" of an item "Q5_1" of a grid or a group of options (a name ending in _ and digits),
 * or NULL. */
char          *fe_survey_format_dup_item_stem (const char *id);

/* Whether a column is named as an id: "Participant ID", "record_id", "UserNo". */
gboolean       fe_name_is_an_id          (const char       *name);
/* Whether a column name says it identifies people (e-mail, IP address, location, name). */
gboolean       fe_name_is_identifying    (const char       *name);
/* Whether the answers of @column look like e-mail or IP addresses (a bounded sample). */
gboolean       fe_values_are_identifying (const FeCsvTable *table,
                                          guint             column);

G_END_DECLS
