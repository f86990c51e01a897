/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-column.h"

G_BEGIN_DECLS

/* A line's label and levels in another language: its label_XX and levels_XX columns. */
typedef struct
{
  char      *language;     /* "cy" of label_cy */
  char      *label;        /* NULL: not translated */
  char      *short_label;  /* its short_label_XX; NULL: not translated */
  GPtrArray *levels;       /* char*, one per level of the line's levels, in their order;
                            * NULL: not translated */
} FeCodebookTranslation;

/* One line of a codebook: what a column of the responses file is. */
typedef struct
{
  char      *column;
  char      *also_named;   /* the column's header where an export names columns by their
                            * question (a REDCap labels export); NULL: none */
  FeRole     role;
  gboolean   infer_role;   /* the line gives no role: inferred from the answers, as without
                            * the line, which gives the label only */
  gboolean   identifying;  /* could identify a respondent (a REDCap identifier): hidden */
  char      *label;        /* NULL: keep the column id */
  char      *short_label;  /* NULL: none, see fe_column_dup_short_label() */
  GPtrArray *levels;       /* NULL: levels as found in the data */
  GPtrArray *codes;        /* char*, what the responses file holds for each of levels, in
                            * their order (a raw export's "1" for "Fever"); NULL: the levels */
  GHashTable *aliases;     /* char* → char* level: other ways an export writes a level (REDCap's
                            * checkbox columns, "Dont know"); NULL: none */
  char      *quotes_from;  /* NULL: none */
  guint      line;
  GPtrArray *translations; /* FeCodebookTranslation*, one per language; NULL: none */
} FeCodebookEntry;

/* One code of a codes codebook (Taguette's tag,description export, or code,description,parent):
 * the codes of coded open questions, their descriptions and their hierarchy. */
typedef struct
{
  char  *code;         /* may be "parent/child" */
  char  *description;  /* NULL: none */
  char  *parent;       /* NULL: top level, or the parent given in the code itself */
  char  *question;     /* NULL: every coded question */
  guint  count;        /* "number of highlights" when the file gives it, else 0 */
  guint  line;
  GPtrArray *translations; /* FeCodebookTranslation* whose label is the code in that
                            * language (its code_XX column); NULL: none */
} FeCodebookCode;

/* "a | b | c": the parts between the bars, trimmed, empty ones left out. */
GPtrArray       *fe_codebook_split_levels (const char *text);
/* An empty array of FeCodebookEntry* that frees them (for codebooks made from other files). */
GPtrArray       *fe_codebook_entries_new (void);
FeCodebookEntry *fe_codebook_entry_new   (const char *column,
                                          FeRole      role,
                                          const char *label);

/* Reads a codebook CSV (column,role,label,levels,quotes_from) into FeCodebookEntry. An optional
 * short_label names the column where its question would not fit (a dropdown's button, a
 * filter chip); an optional codes column gives what the responses hold for each level. A REDCap
 * data dictionary reads as a codebook too (fe-redcap-dictionary.h). Optional columns label_XX, short_label_XX and levels_XX give the label, the
 * short label and the levels in language XX (label_cy, levels_cy): levels_XX must list as many
 * levels as levels, in the same order. */
GPtrArray *fe_codebook_load (const char  *path,
                             GError     **error);
/* Reads either kind of codebook: column entries into *@entries, or codes (a file with a
 * code or tag column) into *@codes; the other is set to an empty array. *@from_redcap says
 * whether the entries come from a REDCap data dictionary, whose export the responses are. */
gboolean   fe_codebook_load_full (const char  *path,
                                  GPtrArray  **entries,
                                  GPtrArray  **codes,
                                  gboolean    *from_redcap,
                                  GError     **error);

G_END_DECLS
