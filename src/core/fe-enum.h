/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* An enum value's name in project files, JSON and on the command line is its nick in the
 * GType that glib-mkenums generates from the header: written once, as a `nick=` annotation
 * beside the value, so that renaming a value can never change what was saved. */

/* The nick of @value, which must be one of @type's values. */
const char *fe_enum_to_nick   (GType       type,
                               int         value);
/* Finds the value whose nick is exactly @nick; FALSE for NULL or a nick @type has not. */
gboolean    fe_enum_from_nick (GType       type,
                               const char *nick,
                               int        *value);

/* Every nick of @type in the order of its values, "auto, bar, heatmap", for a message that
 * lists the choices. */
char       *fe_enum_dup_nicks (GType       type);

G_END_DECLS
