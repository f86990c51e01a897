/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fe-study.h"

G_BEGIN_DECLS

#define FE_TYPE_RESPONDENT_DIALOG (fe_respondent_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FeRespondentDialog, fe_respondent_dialog, FE, RESPONDENT_DIALOG, AdwWindow)

/* Every answer and code of one respondent, question by question. */
GtkWindow *fe_respondent_dialog_new (GtkWindow *parent,
                                     FeStudy   *study,
                                     guint      row);

G_END_DECLS
