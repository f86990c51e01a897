/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Sets @name to @count, or to null where it is withheld: a number that may not leave the screen
 * never leaves as a number, so no script can print it. */
void  fe_json_object_set_count_member (JsonObject *object,
                                       const char *name,
                                       guint       count,
                                       gboolean    shown);

/* @root as a JSON text ending in a newline: indented when @pretty, else on one line. */
char *fe_json_to_data                 (JsonNode   *root,
                                       gboolean    pretty);

G_END_DECLS
