/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-tally.h"

G_BEGIN_DECLS

/* How a number of a tally may leave the screen when every printed number must stand for at
 * least k respondents. The nicks are the states' names in JSON (fe-enum.h). */
typedef enum
{
  FE_CELL_SHOWN,   /*< nick=shown >*/
  /* fewer than k: printed as "< k", not drawn to scale */
  FE_CELL_SMALL,   /*< nick=small >*/
  /* large enough, but hidden so that a small cell cannot be worked out by subtracting the
   * other numbers from a printed total */
  FE_CELL_HIDDEN,  /*< nick=hidden >*/
} FeCellDisclosure;

typedef struct _FeDisclosure FeDisclosure;

/* Decides for every count, base and answered total of @tally. k = 0 shows everything. */
FeDisclosure     *fe_disclosure_new           (const FeTally      *tally,
                                               guint               k);
/* The same for an output that prints the groups of @tally but not its whole row's cells (its
 * totals still): a chart of "Other" and the large groups, where "All respondents" less the
 * large groups would be "Other" again. @whole_printed TRUE is fe_disclosure_new(). */
FeDisclosure     *fe_disclosure_new_split     (const FeTally      *tally,
                                               guint               k,
                                               gboolean            whole_printed);
void              fe_disclosure_free          (FeDisclosure       *disclosure);
guint             fe_disclosure_get_k         (const FeDisclosure *disclosure);
/* @group -1 is the whole (unsplit) row. */
FeCellDisclosure  fe_disclosure_get_cell      (const FeDisclosure *disclosure,
                                               int                 group,
                                               guint               level);
FeCellDisclosure  fe_disclosure_get_base      (const FeDisclosure *disclosure,
                                               int                 group);
FeCellDisclosure  fe_disclosure_get_answered  (const FeDisclosure *disclosure,
                                               int                 group);
/* In a split of @tally whose whole row's cell of a level is fewer than k ("< k"), every group's
 * zero of that level prints as "< k" too (@cells as FeDisclosure lays them out): otherwise four
 * groups' "< 5" under a whole "< 5" of 4 would each be exactly 1, since zeros print as 0. */
void              fe_disclosure_mask_small_levels (const FeTally    *tally,
                                                   guint             k,
                                                   FeCellDisclosure *cells);
/* Whether anything at all is held back, for a note under the chart. */
gboolean          fe_disclosure_any           (const FeDisclosure *disclosure);
/* "< 5", the text shown in place of a small number. */
char             *fe_disclosure_small_text    (const FeDisclosure *disclosure);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeDisclosure, fe_disclosure_free)

G_END_DECLS
