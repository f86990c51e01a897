/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FE_TYPE_APPLICATION (fe_application_get_type ())

G_DECLARE_FINAL_TYPE (FeApplication, fe_application, FE, APPLICATION, AdwApplication)

FeApplication *fe_application_new (void);

G_END_DECLS
