/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <math.h>

#include "fe-column.h"
#include "fe-csv-table.h"
#include "fe-scale-order.h"

G_BEGIN_DECLS

/* The level that rare answers fold into: typed-in ones, or a long list's tail on request. */
#define FE_OTHER_LEVEL "Other"

/* What role inference concluded about one column, and why, in words a researcher can check
 * on the Data check page and in `inspect`. */
typedef struct
{
  FeRole       role;
  GPtrArray   *levels;         /* char*, in order: single-valued and multi-select columns */
  GHashTable  *meanings;       /* level → what a numbered level means, as the question's text
                                * says ("9" → "Don't know"); NULL when it says none */
  guint        n_scale;        /* levels that are on the scale; the rest ("Don't know") follow */
  FeOrderKind  order;
  char         separator;      /* multi-select: ';' or ',' between options */
  gboolean     may_be_joined;  /* kept whole, though its answers may be comma-joined choices */
  gboolean     other_typed;    /* a choice whose rare typed-in answers fold into an "Other"
                                * level, the last of @levels */
  char        *reason;         /* why, translated: "frequency scale", "kept whole: …" */
  gboolean     looks_like_id;  /* every answer a different whole number */
  FeNotation   notation;       /* numeric: how its numbers are written */
} FeInference;

/* How a column writes its numbers, counted respondent by respondent. "3.525" may be 3,525
 * with a dot between thousands, as German and Dutch exports write it, or 3.525; "3,525" may be
 * 3,525 or 3.525 the same way. Other answers tell: "3.5" and "1,234.5" can only have a dot
 * before decimals, "3,5" and "1.250.000" a comma. */
typedef struct
{
  guint  decimal_dot;        /* numbers only a dot before decimals reads */
  guint  decimal_comma;      /* numbers only a comma before decimals reads */
  guint  short_dot;          /* … of them, those told only by one or two decimals: "3.5" */
  guint  short_comma;        /* … "2,5" */
  guint  ambiguous_dot;      /* one dot before three digits: "3.525" */
  guint  ambiguous_comma;    /* one comma before three digits: "3,525" */
  guint  ambiguous_dot_zero;   /* … of them, those ending in 0: "14.300" */
  guint  ambiguous_comma_zero; /* … "1,500" */
  const char *unit;          /* the first currency or percent sign met, or NULL */
  gboolean    mixed_units;   /* another sign met too: "$5" beside "£5" */
  guint  with_dot;           /* numbers with a dot, however read */
  guint  with_comma;         /* numbers with a comma, however read */
  guint  with_percent;       /* numbers with a percent sign ("45%") */
  guint  numbers;            /* numbers in either notation */
  guint  under_thousand;     /* whole numbers without a mark, under 1,000 */
  guint  other;              /* any other number */
  double largest_ambiguous;  /* the largest ambiguous number, its mark read before decimals */
  double smallest_plain;     /* the smallest whole number without a mark */
} FeNumberMarks;

#define FE_NUMBER_MARKS_INIT { .smallest_plain = INFINITY }

/* Counts @cell, given by @weight respondents: the bits FE_READ_DECIMAL_DOT and
 * FE_READ_DECIMAL_COMMA say in which notations it is a number, and *@as_dot and *@as_comma get
 * its value in each. */
#define FE_READ_DECIMAL_DOT   (1u << FE_NOTATION_DECIMAL_DOT)
#define FE_READ_DECIMAL_COMMA (1u << FE_NOTATION_DECIMAL_COMMA)
guint      fe_number_marks_add  (FeNumberMarks       *marks,
                                 const char          *cell,
                                 guint                weight,
                                 GString             *scratch,
                                 double              *as_dot,
                                 double              *as_comma);
/* Whether the marks counted, in a file separated by @delimiter, tell how the column writes
 * numbers, and *@notation how; when they do not, *@notation is how to read them all the same
 * if the researcher says the column holds numbers. */
gboolean   fe_number_marks_read (const FeNumberMarks *marks,
                                 char                 delimiter,
                                 FeNotation          *notation);

/* Guesses what a column of a survey export is, for studies loaded without a codebook. */
void       fe_role_infer       (const FeCsvTable  *table,
                                guint              column,
                                gboolean           id_taken,
                                FeInference       *inference);
void       fe_inference_clear  (FeInference       *inference);

typedef void (*FeOptionFunc) (const char *option,
                              gpointer    user_data);

/* Calls @emit with each option of a multi-select answer, trimmed. With ',' as @separator the
 * options themselves may contain commas ("Online course (e.g. Coursera, edX)"): the longest
 * run of comma-separated pieces that is a key of @known (option → anything) is one option,
 * never a naive split; unknown text keeps a bracketed part together. @scratch is reused. */
void       fe_split_options    (const char        *cell,
                                char               separator,
                                GHashTable        *known,
                                GString           *scratch,
                                FeOptionFunc       emit,
                                gpointer           user_data);

G_END_DECLS
