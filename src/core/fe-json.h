/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @text as a JSON string literal, quotes included. */
void fe_json_append_string (GString    *out,
                            const char *text);

G_END_DECLS
