/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A multiple-response set of an SPSS .sav file (MRSETS): its members are one question.
 * libreadstat 1.1.8 does not report them, so they are read here from the file's dictionary
 * (record type 7, subtypes 7 and 19). */
typedef struct
{
  char      *name;            /* without the leading '$' */
  char      *label;           /* "" when the set has none */
  gboolean   dichotomy;       /* TRUE: each member counts one value; FALSE: categories */
  char      *counted;         /* dichotomies: the counted value as written ("1") */
  gboolean   counted_labels;  /* dichotomies: options are named by the counted value's label
                               * rather than the member's variable label */
  GPtrArray *members;         /* char*, as the record names them (short names, any case) */
} FeSavMrSet;

void       fe_sav_mr_set_free       (FeSavMrSet   *set);

/* Reads the dictionary of the .sav file at @path: its multiple-response sets (FeSavMrSet*, in
 * the file's order) into *@sets, and the map from each variable's 8-character short name to
 * its long name (both as written) into *@long_names. @encoding (or NULL: UTF-8, then
 * Windows-1252) is the file's character encoding. A file that is not a .sav, or whose
 * dictionary is damaged, gives no sets and FALSE; never more than the file holds is read. */
gboolean   fe_sav_read_dictionary   (const char   *path,
                                     const char   *encoding,
                                     GPtrArray   **sets,
                                     GHashTable  **long_names);

/* The same from the bytes of the dictionary (tests and fuzzing). */
gboolean   fe_sav_parse_dictionary  (const guint8 *data,
                                     gsize         length,
                                     const char   *encoding,
                                     GPtrArray   **sets,
                                     GHashTable  **long_names);

/* Parses the text of an MRSETS record: one set per line. Lines that do not parse are skipped. */
void       fe_sav_parse_mr_sets     (const char   *text,
                                     GPtrArray    *sets);

G_END_DECLS
