/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Turns the bytes of a text file into UTF-8 without a byte-order mark. Returns either @data
 * itself (advanced past a BOM) with *@converted NULL, or a newly allocated *@converted buffer that
 * the return value points into.
 *
 * UTF-8 (with or without BOM) and UTF-16 (with a BOM, or recognisably without one) are read as
 * they are. A file with no UTF-8 in it is read as Windows-1252, Latin-1 or Mac Roman, whichever
 * reads it with the fewest implausible characters; stray bytes in a UTF-8 file are read as
 * Windows-1252; NUL bytes in an otherwise textual file are dropped: each repair adds a sentence
 * to @warnings (char*, may be NULL) naming the encoding or the lines. Errors (binary files, broken UTF-16) are in
 * FE_CSV_ERROR and name the line and column. */
const char *fe_text_decode   (const char  *display_name,
                              const char  *data,
                              gsize        length,
                              gsize       *out_length,
                              char       **converted,
                              GPtrArray   *warnings,
                              GError     **error);

/* Decides from the first bytes of a file (@prefix: at least its first 8 KiB, or all of it) how
 * to read it without holding all of it: TRUE with *@bom_length set (0 or 3) when it may be
 * UTF-8, to be read as it is; TRUE with *@convert set when it must go through fe_text_decode()
 * (UTF-16); FALSE with @error, as fe_text_decode() would fail, for a binary file. */
gboolean    fe_text_sniff    (const char  *display_name,
                              const char  *prefix,
                              gsize        prefix_length,
                              gsize       *bom_length,
                              gboolean    *convert,
                              GError     **error);

/* The 1-based line and column (in characters) of byte @offset of UTF-8 @text. */
void        fe_text_position (const char  *text,
                              gsize        offset,
                              guint       *line,
                              guint       *column);

/* "3, 17 and 40" or "3, 17, 40, 52, 60 and 12 more": line numbers for a message. */
char       *fe_text_describe_lines (const GArray *lines,
                                    guint         n_lines);

/* @text cut to at most @max_chars characters, ending in "…" when cut: an answer quoted in a
 * message, which may be a 20 MB one. */
char       *fe_text_shorten        (const char   *text,
                                    guint         max_chars);

G_END_DECLS
