/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-column.h"

G_BEGIN_DECLS

/* What a researcher corrected of how a column is read: its role, its label, the order of
 * its levels, and how its numbers are written. A correction is laid over the codebook (or the roles inferred without one) each
 * time the study loads; what it does not set stays as the codebook or the data say. */
typedef struct
{
  char      *column;    /* the column's id */
  gboolean   has_role;
  FeRole     role;
  char      *label;     /* NULL: keep */
  GPtrArray *levels;    /* char*: these levels first, in this order, then the others as they
                         * were; NULL: keep the order */
  guint      fold_below; /* answers given by fewer respondents than this go into "Other";
                          * 0: none */
  gboolean   has_notation;
  FeNotation notation;   /* a numeric column's in a CSV file: how its numbers are written
                          * (a dot or a comma before decimals), where the answers alone do not
                          * tell ("3,525") */
} FeColumnCorrection;

FeColumnCorrection *fe_column_correction_new        (const char               *column);
FeColumnCorrection *fe_column_correction_copy       (const FeColumnCorrection *correction);
void                fe_column_correction_free       (FeColumnCorrection       *correction);
void                fe_column_correction_set_role   (FeColumnCorrection       *correction,
                                                     FeRole                    role);
void                fe_column_correction_unset_role (FeColumnCorrection       *correction);
void                fe_column_correction_set_notation (FeColumnCorrection     *correction,
                                                       FeNotation              notation);
void                fe_column_correction_unset_notation (FeColumnCorrection   *correction);
/* NULL or "" keeps the codebook's label. */
void                fe_column_correction_set_label  (FeColumnCorrection       *correction,
                                                     const char               *label);
/* @levels is NULL-terminated; NULL keeps the order. */
void                fe_column_correction_set_levels (FeColumnCorrection       *correction,
                                                     const char * const       *levels);
/* A copy of a list of levels (char*) that frees its strings. */
GPtrArray          *fe_column_correction_copy_levels (GPtrArray               *levels);
/* Whether it corrects nothing. */
gboolean            fe_column_correction_is_empty   (const FeColumnCorrection *correction);
gboolean            fe_column_correction_equal      (const FeColumnCorrection *a,
                                                     const FeColumnCorrection *b);

/* A list of corrections is a GPtrArray of FeColumnCorrection* that owns them, at most one per
 * column. */
GPtrArray          *fe_column_corrections_new       (void);
/* A deep copy; NULL gives an empty list. */
GPtrArray          *fe_column_corrections_copy      (GPtrArray                *corrections);
FeColumnCorrection *fe_column_corrections_find      (GPtrArray                *corrections,
                                                     const char               *column);
/* The correction of @column, added (empty) when there is none. */
FeColumnCorrection *fe_column_corrections_ensure    (GPtrArray                *corrections,
                                                     const char               *column);
/* Drops the corrections that correct nothing. */
void                fe_column_corrections_prune     (GPtrArray                *corrections);
/* Same corrections, in any order; NULL is an empty list. */
gboolean            fe_column_corrections_equal     (GPtrArray                *a,
                                                     GPtrArray                *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeColumnCorrection, fe_column_correction_free)

G_END_DECLS
