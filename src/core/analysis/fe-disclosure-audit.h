/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-disclosure.h"
#include "fe-tally.h"

G_BEGIN_DECLS

/* The interval attack on a table of printed numbers, and the suppression that defeats it.
 *
 * A reader who knows how a table adds up (rows to those who answered, groups to the whole)
 * and how it is printed (a "< k" is 1 to k − 1, a "–" is at least k, zeros print as 0) can
 * narrow every held-back number to an interval: for each sum, a part lies between the total
 * less the others' largest values and the total less their smallest, until nothing moves.
 * Held back is not hidden unless that interval stays wide:
 *   - a "< k" must still be able to be anything from its least (1, or 0 in a row held back
 *     whole) to k − 1;
 *   - a "–" must still span at least k (hi − lo ≥ k).
 * The audit finds the numbers that fail; protection holds back more until none does, among
 * the numbers the failing one adds up with: a zero (printed as "< k", so the reader cannot
 * tell it from a small number) before a cell, a cell before a total, and of those the ones
 * whose holding back the audit finds enough, fewest and smallest first (FeAuditChoice). */

/* The upper end of an interval nothing bounds. */
#define FE_AUDIT_UNBOUNDED G_MAXUINT

typedef struct _FeAudit FeAudit;

/* How fe_audit_protect() chooses what else to hold back. */
typedef enum
{
  /* The better of two: the old rule, and a search that tries the numbers a failing one adds
   * up with (one at a time, then two) for the cheapest that keeps it wide; each then prints
   * again whatever it held back needlessly. Never holds back more than the old rule. */
  FE_AUDIT_CHOICE_SEARCH,
  /* The old rule alone, kept to measure the search against: a zero, else the smallest cell,
   * a total last, until the attack fails. */
  FE_AUDIT_CHOICE_GREEDY,
} FeAuditChoice;

/* What kind of number an item is, which decides what is held back first when more must be:
 * cells before those who answered, those before the respondents of a row. */
typedef enum
{
  FE_AUDIT_CELL,
  FE_AUDIT_ANSWERED,
  FE_AUDIT_BASE,
} FeAuditKind;

FeAudit          *fe_audit_new             (guint              k);
void              fe_audit_free            (FeAudit           *audit);
/* A number of the table. @printed FALSE: the output leaves it out altogether, so the reader
 * knows nothing of it but that it is a count; it is then never held back, and protected only
 * when @guarded (a small number the sums would otherwise give away, such as the respondents
 * in no group of a split). @floor: the least a "< k" can be. Returns its index. */
guint             fe_audit_add             (FeAudit           *audit,
                                            guint              value,
                                            FeCellDisclosure   state,
                                            gboolean           printed,
                                            gboolean           guarded,
                                            guint              floor,
                                            FeAuditKind        kind);
/* @total is the sum of @parts. */
void              fe_audit_add_sum         (FeAudit           *audit,
                                            guint              total,
                                            const guint       *parts,
                                            guint              n_parts);
/* @part is at most @whole (those who chose a level of a multi-select question, of those who
 * answered it). */
void              fe_audit_add_at_most     (FeAudit           *audit,
                                            guint              part,
                                            guint              whole);
/* @whole less @part, a number of respondents printed nowhere: an item of @value, guarded when
 * @guard and it is small, with the sum @whole = @part + it. Returns its index. */
guint             fe_audit_add_difference  (FeAudit           *audit,
                                            guint              whole,
                                            guint              part,
                                            guint              value,
                                            gboolean           guard);
/* @item is printed elsewhere just as its state says (the unsplit view of the same question
 * beside a split one): the reader knows it, and holding it back here would hide nothing, so it
 * is never chosen to be. */
void              fe_audit_fix             (FeAudit           *audit,
                                            guint              item);
guint             fe_audit_get_n_items     (const FeAudit     *audit);
FeCellDisclosure  fe_audit_get_state       (const FeAudit     *audit,
                                            guint              item);
/* Runs the attack on what is printed now. */
void              fe_audit_solve           (FeAudit           *audit);
/* After fe_audit_solve(): what the reader can narrow @item to (@hi FE_AUDIT_UNBOUNDED when
 * nothing bounds it from above). */
void              fe_audit_get_interval    (const FeAudit     *audit,
                                            guint              item,
                                            guint             *lo,
                                            guint             *hi);
/* After fe_audit_solve(): whether @item is held back (or guarded) and yet narrowed too far. */
gboolean          fe_audit_is_revealed     (const FeAudit     *audit,
                                            guint              item);
/* Solves and counts the items revealed. */
guint             fe_audit_count_revealed  (FeAudit           *audit);
/* FE_AUDIT_CHOICE_SEARCH unless set. */
void              fe_audit_set_choice      (FeAudit           *audit,
                                            FeAuditChoice      choice);
/* Holds back more until nothing is revealed; returns how many more were held back. */
guint             fe_audit_protect         (FeAudit           *audit);

/* A tally as an output prints it: the whole row and one row per group, each with its cells,
 * its respondents (base) and those who answered, states laid out as FeDisclosure's (row 0 the
 * whole, row g + 1 group g; cells row × n_levels + level). */
typedef struct
{
  const FeTally    *tally;
  guint             k;
  FeCellDisclosure *cells;          /* (1 + n_groups) × n_levels */
  FeCellDisclosure *bases;          /* 1 + n_groups */
  FeCellDisclosure *answered;       /* 1 + n_groups */
  gboolean          whole_printed;  /* the whole row's cells are printed */
  gboolean          groups_printed; /* the groups' rows are printed */
  /* The whole row (cells and totals) is known as its states say from another output (a
   * split chart's question is also printed unsplit: the pack's bar chart, summary), whether or
   * not this one prints it: it is never held back here (fe_audit_fix()). */
  gboolean          whole_fixed;
  /* The last group ("Other", fewer than k) is left off the output: printed nowhere, but as
   * easily worked out as a printed group, so guarded like the respondents in no group. */
  gboolean          other_left_out;
} FeAuditTally;

/* Items of fe_audit_new_for_tally(): cells first, then the bases, then those who answered,
 * then (unprinted) the respondents in no group. */
guint             fe_audit_tally_cell      (const FeAuditTally *table,
                                            int                 group,
                                            guint               level);
guint             fe_audit_tally_base      (const FeAuditTally *table,
                                            int                 group);
guint             fe_audit_tally_answered  (const FeAuditTally *table,
                                            int                 group);
/* The sums that really hold: a single-answer question's levels add up to those who answered;
 * a single-valued split's groups (and the unprinted rest, respondents in no group) add up to
 * the whole. Multi-select cells are only each at most those who answered. */
FeAudit          *fe_audit_new_for_tally   (const FeAuditTally *table);
/* Copies the states of @audit back into @table. */
void              fe_audit_tally_store     (FeAuditTally       *table,
                                            const FeAudit      *audit);
/* Builds, protects (as @choice) and stores; returns how many more were held back. */
guint             fe_audit_tally_protect   (FeAuditTally       *table,
                                            FeAuditChoice       choice);

/* fe_disclosure_new_split() with the choice of what else to hold back made as @choice, to
 * measure one rule against the other. */
FeDisclosure     *fe_disclosure_new_full   (const FeTally      *tally,
                                            guint               k,
                                            gboolean            whole_printed,
                                            FeAuditChoice       choice);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeAudit, fe_audit_free)

G_END_DECLS
