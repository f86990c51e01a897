/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FE_STUDY_ERROR (fe_study_error_quark ())

/* Problems with what the files say, rather than how they are written (that is FE_CSV_ERROR). */
typedef enum
{
  FE_STUDY_ERROR_NO_RESPONSES,
  FE_STUDY_ERROR_CODEBOOK,
  FE_STUDY_ERROR_CODING,
  FE_STUDY_ERROR_NO_SAMPLE,
  FE_STUDY_ERROR_CORRECTION,
} FeStudyError;

GQuark fe_study_error_quark (void);

G_END_DECLS
