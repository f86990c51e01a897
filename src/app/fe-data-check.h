/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fe-study.h"

G_BEGIN_DECLS

#define FE_TYPE_DATA_CHECK (fe_data_check_get_type ())

G_DECLARE_FINAL_TYPE (FeDataCheck, fe_data_check, FE, DATA_CHECK, AdwWindow)

/* Shows what was read from @study's files and why, for the researcher to check: each column's
 * role with the reason for it, its answers in order with their counts, the hidden columns and
 * the repairs and warnings. Splitting comma-joined answers emits "corrections-changed" (a
 * GPtrArray of FeColumnCorrection*, all of them, owned by the page), as the Columns dialog
 * does; the owner loads the study again and hands it over with fe_data_check_set_study(). */
FeDataCheck *fe_data_check_new             (GtkWindow   *parent,
                                            FeStudy     *study,
                                            GPtrArray   *corrections);
void         fe_data_check_set_study       (FeDataCheck *self,
                                            FeStudy     *study);
FeStudy     *fe_data_check_get_study       (FeDataCheck *self);
/* Puts the page back to @corrections (copied) without emitting: after the owner undid a
 * change the data refused. */
void         fe_data_check_set_corrections (FeDataCheck *self,
                                            GPtrArray   *corrections);
/* Shows @message above the columns (NULL hides it). */
void         fe_data_check_show_error      (FeDataCheck *self,
                                            const char  *message);
/* What a column's Split button does: reads its answers as comma-joined choices. FALSE (and the
 * page says why) when the answers cannot be read so. */
gboolean     fe_data_check_split           (FeDataCheck *self,
                                            const char  *column);
/* What a long list's Fold button does: answers given by fewer than @fewer_than respondents go
 * into "Other" when the study loads again; 0 gives each its own bar again. */
void         fe_data_check_fold            (FeDataCheck *self,
                                            const char  *column,
                                            guint        fewer_than);
/* What a typed-in answer's Make a Level button does: @answer, folded into @column's "Other",
 * becomes a level of its own when the study loads again. */
void         fe_data_check_promote         (FeDataCheck *self,
                                            const char  *column,
                                            const char  *answer);
/* The row that describes @column, for tests: an AdwExpanderRow. */
GtkWidget   *fe_data_check_get_column_row  (FeDataCheck *self,
                                            const char  *column);

G_END_DECLS
