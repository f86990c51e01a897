/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes @data to @path as g_file_set_contents() does, a temporary file renamed into place so
 * that nobody ever reads half of it, but as an editor would: when @path is a symlink, the file
 * it names is replaced and the link kept; an existing file keeps its permission bits (a
 * project or export made read-only for the group stays so). GLib's error on failure. */
gboolean fe_file_replace_contents (const char  *path,
                                   const char  *data,
                                   gsize        length,
                                   GError     **error);

/* Whether @a and @b name the same existing file, through symlinks and other names. */
gboolean fe_file_is_same           (const char  *a,
                                    const char  *b);

G_END_DECLS
