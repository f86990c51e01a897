/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-bins.h"
#include "fe-bitset.h"
#include "fe-types.h"

G_BEGIN_DECLS

/* What set a column's role, for the researcher who checks it; inference says why in
 * FeColumn::inferred_because instead. The nicks are `inspect --json`'s "role_set_by". */
typedef enum
{
  /* the file's own structure: a platform's respondent id, its metadata, a highlights export */
  FE_ROLE_SOURCE_FILE,        /*< nick=file >*/
  FE_ROLE_SOURCE_CODEBOOK,    /*< nick=codebook >*/
  FE_ROLE_SOURCE_CORRECTION,  /*< nick=correction >*/
  /* an SPSS or Stata file's dictionary: value labels, measurement level, string type, MR sets;
   * FeColumn::inferred_because says which */
  FE_ROLE_SOURCE_DICTIONARY,  /*< nick=dictionary >*/
} FeRoleSource;

/* The nicks are the roles' names in codebooks, project files and JSON (fe-enum.h). */
typedef enum
{
  FE_ROLE_ID,         /*< nick=id >*/
  FE_ROLE_ATTRIBUTE,  /*< nick=attribute >*/
  FE_ROLE_ORDINAL,    /*< nick=ordinal >*/
  FE_ROLE_CHOICE,     /*< nick=choice >*/
  FE_ROLE_MULTI,      /*< nick=multi >*/
  FE_ROLE_TEXT,       /*< nick=text >*/
  FE_ROLE_IGNORE,     /*< nick=ignore >*/
  /* numbers (age, hours, salary) counted in bins (fe-bins.h): the bins are its levels */
  FE_ROLE_NUMERIC,    /*< nick=numeric >*/
} FeRole;

/* One code given to one respondent's open answer by the coding file. */
typedef struct
{
  guint  row;
  guint  code;
  char  *excerpt;  /* NULL: the whole answer is the quote */
  char  *note;     /* NULL when the coding file has none */
} FeCodingEntry;

/* A question (or any column) of the study, owned by its FeStudy and read-only outside it.
 * Levels are the answer options of a single-valued column, the options of a multi-select one,
 * or the codes of a coded open question; each has the set of rows that gave it. */
struct _FeColumn
{
  guint      index;
  guint      source_column;  /* the column of the responses file it was read from */
  char      *id;
  char      *label;
  char      *short_label;    /* the codebook's short_label; NULL: none */
  FeRole     role;
  gboolean   coded;
  GPtrArray *levels;         /* char* */
  GPtrArray *level_rows;     /* FeBitset*, one per level */
  FeBitset  *answered;
  guint32   *values;         /* single-valued roles: level + 1 per row, 0 = no answer */
  /* Numeric columns: each respondent's number (NaN: none), and the bins that are the first
   * levels; answers that are not numbers ("Prefer not to say") are levels after them. */
  double    *numbers;
  FeBins    *bins;
  FeNotation notation;       /* how its numbers are written: "3.525" may be 3,525 */
  FeColumn  *quotes_from;    /* the open question whose answers are this question's quotes */
  GArray    *codings;        /* FeCodingEntry in coding-file order, coded columns only */

  /* Survey-platform structure, all optional (NULL / FALSE / 0 in a plain CSV). */
  char      *group;          /* the stem of a grid (Qualtrics Q5 of Q5_1…Q5_n, a SurveyMonkey
                              * question spread over columns): items of one grid share it */
  char      *group_label;    /* the grid's question text, when known */
  gboolean   metadata;       /* recorded by the platform (dates, progress…), not asked */
  gboolean   identifying;    /* could identify a respondent (IP address, e-mail, location,
                              * name): hidden from every view and export by default */
  GArray    *members;        /* guint source columns of a question spread over one column
                              * per option (SurveyMonkey, Qualtrics, Typeform) */
  GPtrArray *member_options; /* char*, the option each member stands for */
  char       separator;      /* multi-select: ';' or ',' between options */
  GArray    *level_parents;  /* int per level: the parent code's level, or -1 */
  GPtrArray *level_descriptions; /* char* per level, NULL when none */
  /* Codebooks and codings may have 100,000 codes: finding one by name must not walk them. */
  GHashTable *level_index;   /* label → first level with it + 1; NULL for a few levels */
  GHashTable *level_codes;   /* char* code → char* level: what a raw export holds for a level
                              * (the codebook's codes, "1" for "Fever"); NULL: the levels */
  GHashTable *code_of_level; /* char* level → char* code, the codebook's first for it; NULL:
                              * none, or the answers were read as names */
  GHashTable *level_aliases; /* char* → char* level: another way the file may write a level
                              * (a REDCap checkbox column's "Dont know"); NULL: none */
  gboolean   headed_by_label; /* its header is its question, which the codebook found it by (a
                               * REDCap labels export), not the codebook's column name */
  GHashTable *child_index;   /* "parent\x1flabel" → first such level + 1; NULL: build when
                              * next asked */
  gboolean   child_index_duplicates; /* two levels share a parent and a label */

  /* What role inference found, shown on the Data check page and by `inspect`. */
  char      *inferred_because; /* why the role and order, translated; NULL when a codebook or
                                * a correction set them */
  gboolean   may_be_joined;   /* kept whole, though its answers may be comma-joined choices */
  int        other_level;     /* the level rare typed-in answers fold into, or -1 */
  FeColumn  *other_quotes;    /* what was typed for other_level ("Other (please specify)"),
                               * when it has a column of its own */
  guint      n_other_values;  /* how many different answers went into it */
  FeRoleSource role_source;   /* when not inferred: what set the role */

  /* Translations of the label and the levels (a codebook's label_cy, levels_cy), shown in
   * place of the source text when the study's display language has one; the source text
   * (label, levels) stays the canonical name that filters, views and projects use. */
  GHashTable *translations;  /* language → FeColumnTranslation*; NULL: none */
  const char *language;      /* interned display language (fe_study_set_language()), or
                              * NULL for the source text */
};

/* What a column reads in one language. */
typedef struct
{
  char       *label;        /* NULL: not translated */
  char       *short_label;  /* NULL: not translated */
  GHashTable *levels;       /* canonical level name → its translation */
} FeColumnTranslation;

FeColumn    *fe_column_new              (guint           index,
                                         guint           source_column,
                                         const char     *id);
void         fe_column_free             (FeColumn       *column);
const char  *fe_role_to_string          (FeRole          role);
gboolean     fe_role_from_string        (const char     *text,
                                         FeRole         *role);
gboolean     fe_role_is_single_valued   (FeRole          role);
/* The role as shown to people: a coded open question is "coded". */
const char  *fe_column_get_role_name    (const FeColumn *column);
guint        fe_column_get_n_levels     (const FeColumn *column);
const char  *fe_column_get_level        (const FeColumn *column,
                                         guint           level);
/* The code the responses file holds for @level (the codebook's codes), or NULL. */
const char  *fe_column_get_level_code   (const FeColumn *column,
                                         guint           level);
/* Returns the level whose label is @label, or -1. */
int          fe_column_find_level       (const FeColumn *column,
                                         const char     *label);
/* The level called @label directly under @parent (-1: at the top), or -1. */
int          fe_column_find_child_level (const FeColumn *column,
                                         int             parent,
                                         const char     *label);
guint        fe_column_add_level        (FeColumn       *column,
                                         const char     *label,
                                         guint           n_rows);
/* Translations. @language is a language code as in the codebook's label_XX ("cy"). */
void         fe_column_set_label_translation (FeColumn       *column,
                                              const char     *language,
                                              const char     *label);
void         fe_column_set_short_label_translation (FeColumn   *column,
                                                    const char *language,
                                                    const char *short_label);
void         fe_column_set_level_translation (FeColumn       *column,
                                              const char     *language,
                                              const char     *level,
                                              const char     *translation);
/* Forgets the label's translations (the label was changed). */
void         fe_column_clear_label_translations (FeColumn   *column);
/* The translation of the label or of a level into @language ("cy", or "cy_GB", which falls
 * back to "cy"), or NULL when there is none. */
const char  *fe_column_get_label_translation (const FeColumn *column,
                                              const char     *language);
const char  *fe_column_get_level_translation (const FeColumn *column,
                                              guint           level,
                                              const char     *language);
/* Whether the column has any translation into @language. */
gboolean     fe_column_has_language     (const FeColumn *column,
                                         const char     *language);
/* A level's name in @language ("cy"; NULL: the source text) when the column has it, else the
 * source text: for drawing in a language without changing the column's display language for
 * everyone else. */
const char  *fe_column_get_level_in     (const FeColumn *column,
                                         guint           level,
                                         const char     *language);
/* The language the display functions below use: the catalogue's pushed on this thread
 * (fe_catalog_push_thread_default(), while a chart or pack is drawn in a language of its own),
 * else the study's display language (fe_study_set_language()). */
const char  *fe_column_get_display_language (const FeColumn *column);
/* What people read: the label and level names in the display language when the column has
 * them, else the source text. Use these for everything shown (charts, exports,
 * descriptions), never to look a level up. */
const char  *fe_column_get_display_label (const FeColumn *column);
const char  *fe_column_get_display_level (const FeColumn *column,
                                          guint           level);
/* A name for the column where its question would not fit (a dropdown's button, a filter chip),
 * in the display language: the codebook's short label in that language, else its short_label
 * when the label is not translated either (a Welsh question is not named in English), else
 * the whole words that fit in 30 characters from the start of the display label, then "…".
 * Never the column id, which is not translated and, from survey platforms, says nothing
 * ("Q5_1"). */
char        *fe_column_dup_short_label  (const FeColumn *column);
/* Makes @language (interned, or NULL) the column's display language; FeStudy calls it. */
void         fe_column_set_language     (FeColumn       *column,
                                         const char     *language);

/* How many of an ordinal column's levels are on its scale: the answers after them ("Don't
 * know", "N/A", "Prefer not to say") stand outside it, and a diverging bar leaves them out. */
guint        fe_column_get_n_scale_levels (const FeColumn *column);

/* Why the column has its role, in a few translated words: FeColumn::inferred_because, or
 * what set it ("set by the codebook"). */
const char  *fe_column_describe_role_source (const FeColumn *column);

/* Whether the column can be counted as a chart: levels or codes to tally. */
gboolean     fe_column_is_question      (const FeColumn *column);

/* Code hierarchy: a parent code counts each respondent once for all its children. */
int          fe_column_get_level_parent (const FeColumn *column,
                                         guint           level);
void         fe_column_set_level_parent (FeColumn       *column,
                                         guint           level,
                                         int             parent);
/* Whether some other level has @level as its parent. */
gboolean     fe_column_level_has_children (const FeColumn *column,
                                           guint           level);
/* How deep a level sits in the hierarchy: 0 for a top-level code. */
guint        fe_column_get_level_depth  (const FeColumn *column,
                                         guint           level);
/* Whether @level is @ancestor or one of its descendants. */
gboolean     fe_column_level_is_within  (const FeColumn *column,
                                         guint           level,
                                         guint           ancestor);
/* The code's description from a codebook, or NULL. */
const char  *fe_column_get_level_description (const FeColumn *column,
                                              guint           level);
void         fe_column_set_level_description (FeColumn       *column,
                                              guint           level,
                                              const char     *description);
/* How many coded excerpts (highlights) carry @level itself. */
guint        fe_column_count_codings    (const FeColumn *column,
                                         guint           level);
/* Puts the levels in a new order: level i becomes the old level @order[i] (a permutation of
 * 0…n-1), with its rows, code parent, description and codings. */
void         fe_column_reorder_levels   (FeColumn       *column,
                                         const guint    *order);

G_END_DECLS
