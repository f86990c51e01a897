/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fe-study.h"

G_BEGIN_DECLS

#define FE_TYPE_COLUMNS_DIALOG (fe_columns_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FeColumnsDialog, fe_columns_dialog, FE, COLUMNS_DIALOG, AdwWindow)

/* Lists the columns of @study, each with its role, label and the order of its answers, for the
 * researcher to correct. Every change emits "corrections-changed" (a GPtrArray of
 * FeColumnCorrection*, all of them, owned by the dialog) at once; the owner loads the study
 * again with them and hands the new study over with fe_columns_dialog_set_study(). */
FeColumnsDialog *fe_columns_dialog_new             (GtkWindow       *parent,
                                                    FeStudy         *study,
                                                    GPtrArray       *corrections);
void             fe_columns_dialog_set_study       (FeColumnsDialog *self,
                                                    FeStudy         *study);
FeStudy         *fe_columns_dialog_get_study       (FeColumnsDialog *self);
GPtrArray       *fe_columns_dialog_get_corrections (FeColumnsDialog *self);
/* Puts the dialog back to @corrections (copied) without emitting: after the owner undid a
 * change the data refused. */
void             fe_columns_dialog_set_corrections (FeColumnsDialog *self,
                                                    GPtrArray       *corrections);
/* Shows @message above the columns (NULL hides it). */
void             fe_columns_dialog_show_error      (FeColumnsDialog *self,
                                                    const char      *message);

/* What the row of @column does when the researcher picks @role in its menu, or presses a
 * level's Move Up (@delta -1) or Move Down (+1) button; for tests and keyboard shortcuts.
 * Returns FALSE when the dialog refused (and says why). */
gboolean         fe_columns_dialog_choose_role     (FeColumnsDialog *self,
                                                    const char      *column,
                                                    FeRole           role);
/* Says how @column's numbers are written, or with @chosen FALSE lets the answers tell. */
void             fe_columns_dialog_choose_notation (FeColumnsDialog *self,
                                                    const char      *column,
                                                    gboolean         chosen,
                                                    FeNotation       notation);
gboolean         fe_columns_dialog_move_level      (FeColumnsDialog *self,
                                                    const char      *column,
                                                    guint            level,
                                                    int              delta);
/* The role as the app names it to people: "Ordered Scale", "Multiple Choice"… */
const char      *fe_role_get_title                 (FeRole           role);
/* @column's correction in @corrections (or a new one) giving it @role, dropping a level order
 * made for another kind of levels; NULL with the reason when @study's answers cannot take it.
 * The Columns dialog and the Data check both change roles through it. */
FeColumnCorrection *fe_column_correction_with_role (FeStudy        *study,
                                                    GPtrArray      *corrections,
                                                    const FeColumn *column,
                                                    FeRole          role,
                                                    GError        **error);

/* The message the dialog shows about a refused change, or NULL. */
const char      *fe_columns_dialog_get_error       (FeColumnsDialog *self);

G_END_DECLS
