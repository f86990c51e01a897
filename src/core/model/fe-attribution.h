/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-bitset.h"
#include "fe-types.h"

G_BEGIN_DECLS

/* Who said it, as a researcher cites a quote: "Participant 87, South Wales Police" — the
 * respondent and their first attribute (the study's main grouping). */
char *fe_study_dup_attribution   (FeStudy       *study,
                                  guint          row);

/* What may be said of a quote's author where it leaves the screen under disclosure threshold
 * @k, for quotes listed among the respondents @listed (a chart segment under its filters;
 * NULL: the whole study). A reader knows every author in the list is one of @listed, so
 * naming an author's attributes names a group of @listed. The attributes are named in the
 * study's order, each as a chart folds small groups: among a group's authors, the answers
 * given by fewer than @k go unnamed together, and while they are fewer than @k in all, the
 * next smallest joins them. */
typedef struct _FeAttributionRule FeAttributionRule;

FeAttributionRule *fe_attribution_rule_new   (FeStudy           *study,
                                              const FeBitset    *listed,
                                              guint              k);
void               fe_attribution_rule_free  (FeAttributionRule *rule);
/* How many of @row's attributes may be named, from the first; -1 when not even the first
 * (their group among @listed is smaller than k): the author is then "a participant", without
 * their number, which would link the quote to their other answers. */
int                fe_attribution_rule_count (FeAttributionRule *rule,
                                              guint              row);
/* The quotes listed are all one respondent's, asked for by their number: their codes, all of
 * that respondent's, name no segment the reader did not know of, and the respondent is named
 * alike beside every quote. */
void               fe_attribution_rule_set_one_author (FeAttributionRule *rule);
/* How far each author of @quotes may be named in one list of them (a naming: read it with
 * fe_attribution_naming_get()). A quote's codes, shown beside it, are segments too: as far as the rule allows
 * among those listed who were given each code. An author is named alike beside every quote
 * (the least any allows), and a group only when all its authors are: otherwise those named
 * could be counted and taken from the group's printed count. */
GHashTable        *fe_attribution_rule_count_listing (FeAttributionRule *rule,
                                                      GPtrArray         *quotes);
/* A naming holds, for each author, how far they may be named (a count of the rule's); one
 * not in it is "a participant". */
int                fe_attribution_naming_get      (GHashTable *naming,
                                                   guint       row);
/* Names @row's author no further than @n_named, nor than the naming already does. */
void               fe_attribution_naming_keep_least (GHashTable *naming,
                                                     guint       row,
                                                     int         n_named);
/* The attribution of @row's author named as far as @n_named allows (a count of the rule's). */
char              *fe_study_dup_attribution_named (FeStudy *study,
                                                   guint    row,
                                                   int      n_named);
/* The attribution under the rule: "Participant 87, South Wales Police", or "a participant". */
char              *fe_attribution_rule_dup   (FeAttributionRule *rule,
                                              guint              row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeAttributionRule, fe_attribution_rule_free)

/* A quote with its attribution, ready to paste: 'text' (Participant 87, South Wales Police),
 * its author named as far as @n_named allows (G_MAXINT: everything said). */
char *fe_quote_dup_citation      (FeStudy           *study,
                                  const FeQuote     *quote,
                                  int                n_named);

G_END_DECLS
