/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Turns the bytes of a text file into UTF-8 without a byte-order mark. Returns either @data
 * itself (advanced past a BOM) with *@converted NULL, or a newly allocated *@converted buffer that
 * the return value points into. Errors are in FE_CSV_ERROR and name the line and column. */
const char *fe_text_decode   (const char  *display_name,
                              const char  *data,
                              gsize        length,
                              gsize       *out_length,
                              char       **converted,
                              GError     **error);

/* The 1-based line and column (in characters) of byte @offset of UTF-8 @text. */
void        fe_text_position (const char  *text,
                              gsize        offset,
                              guint       *line,
                              guint       *column);

G_END_DECLS
