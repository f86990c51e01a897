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
  gboolean     dot_groups_thousands; /* numeric: "3.525" is 3,525 */
} FeInference;

/* How a column writes numbers with dots, counted answer by answer: "3.525" may be 3,525 with a
 * dot between thousands, as German and Dutch exports write it, or 3.525. */
typedef struct
{
  guint  dotted;          /* numbers with a dot */
  guint  grouped;         /* … each one a dot between groups of three digits ("12.500") */
  guint  several;         /* … two dots or more ("1.250.000"): never decimals */
  guint  under_thousand;  /* whole numbers without a dot, under 1,000 */
  guint  other;           /* any other number */
  double largest_dotted;  /* the largest number with a dot, read as decimals */
  double smallest_plain;  /* the smallest whole number without one */
} FeDotCount;

#define FE_DOT_COUNT_INIT { .smallest_plain = INFINITY }

typedef enum
{
  FE_DOTS_DECIMAL,    /* no dots, or dots before decimals */
  FE_DOTS_THOUSANDS,  /* dots between thousands */
  FE_DOTS_UNSURE,     /* dots that could be either, and nothing to tell */
} FeDots;

/* Counts @cell: 1 for a number as written (its value in *@number), 2 for one only with its
 * dots between thousands taken out ("1.250.000"), 0 for no number. */
guint      fe_dot_count_add    (FeDotCount        *dots,
                                const char        *cell,
                                GString           *scratch,
                                double            *number);
/* What the dots counted say, in a file separated by @delimiter. */
FeDots     fe_dot_count_read   (const FeDotCount  *dots,
                                char               delimiter);

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
