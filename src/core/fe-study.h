/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "fe-bitset.h"
#include "fe-column.h"
#include "fe-study-error.h"
#include "fe-types.h"

G_BEGIN_DECLS

#define FE_TYPE_STUDY (fe_study_get_type ())

G_DECLARE_FINAL_TYPE (FeStudy, fe_study, FE, STUDY, GObject)

FeStudy        *fe_study_load                    (const char     *responses_path,
                                                  const char     *codebook_path,
                                                  const char     *coding_path,
                                                  GError        **error);
FeStudy        *fe_study_load_sample             (GError        **error);
/* The folder of the bundled sample study: $FE_SAMPLE_DIR, else the installed copy, else the
 * source tree's. */
char           *fe_study_find_sample_dir         (void);

const char     *fe_study_get_name                (FeStudy        *self);
guint           fe_study_get_n_rows              (FeStudy        *self);
/* Respondents counted by default: all rows, or only the complete ones. */
const FeBitset *fe_study_get_universe            (FeStudy        *self);
guint           fe_study_get_n_respondents       (FeStudy        *self);
guint           fe_study_get_n_incomplete        (FeStudy        *self);
guint           fe_study_get_n_excluded          (FeStudy        *self);
gboolean        fe_study_get_include_incomplete  (FeStudy        *self);
void            fe_study_set_include_incomplete  (FeStudy        *self,
                                                  gboolean        include);

guint           fe_study_get_n_columns           (FeStudy        *self);
FeColumn       *fe_study_get_column              (FeStudy        *self,
                                                  guint           index);
FeColumn       *fe_study_find_column             (FeStudy        *self,
                                                  const char     *id);
FeColumn       *fe_study_get_id_column           (FeStudy        *self);
/* The ids of the columns that are questions, comma-separated, for "valid ones are …" messages. */
char           *fe_study_list_question_ids       (FeStudy        *self);

char           *fe_study_dup_respondent_id       (FeStudy        *self,
                                                  guint           row);
/* Returns the row of the respondent with @id, or -1. */
int             fe_study_find_respondent         (FeStudy        *self,
                                                  const char     *id);
/* The open answer (or raw cell) of @row in @column; "" when there is none. */
const char     *fe_study_get_answer              (FeStudy        *self,
                                                  const FeColumn *column,
                                                  guint           row);
/* The level label of @row in a single-valued @column, or NULL when unanswered. */
const char     *fe_study_get_level_label         (FeStudy        *self,
                                                  const FeColumn *column,
                                                  guint           row);

/* Things that loaded but deserve the researcher's attention: char*, one sentence each. */
GPtrArray      *fe_study_get_warnings            (FeStudy        *self);

G_END_DECLS
