/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-tally.h"

G_BEGIN_DECLS

/* Who a percentage is of. Every front end (chart, data table, `summary`, `export`, briefing
 * pack) asks the same question and so prints the same number for the same cell:
 * - RESPONDENTS: everybody in the group, whether or not they answered the question. What a
 *   bar, grouped bar or heat map shows as "percent", and what a count's description is of.
 * - ANSWERED: those in the group who answered the question. What "percent-answered" shows,
 *   and what a 100% (stacked or diverging) bar always is of, since its parts add up to them.
 * The nicks are the bases' names in JSON (fe-enum.h). */
typedef enum
{
  FE_PERCENT_OF_RESPONDENTS,  /*< nick=respondents >*/
  FE_PERCENT_OF_ANSWERED,     /*< nick=answered >*/
} FePercentOf;

/* "respondents" or "answered": the base's name in JSON. */
const char *fe_percent_of_to_string   (FePercentOf    of);

/* @count as a whole percentage of @base, rounded half away from zero (12.5 → 13) in integers,
 * so that no front end rounds it another way; 0 when @base is 0. */
guint       fe_percent_round          (guint          count,
                                       guint          base);
/* The percentage as printed: "13%", or "<1%" for a share that rounds to 0 but is not
 * nothing; "" when @base is 0 (there is no share of nobody). */
char       *fe_percent_format         (guint          count,
                                       guint          base);
/* A cell as a share of its base: respondents, and in a weighted tally the sums of their case
 * weights, whose ratio is then the percentage (a weighted percentage of an unweighted n, as
 * SPSS prints with WEIGHT BY). */
typedef struct
{
  guint    count;
  guint    base;
  gboolean weighted;
  double   w_count;
  double   w_base;
} FeShare;

/* The share as a percentage rounded as fe_percent_round(): of the weights when weighted. */
guint       fe_share_round            (const FeShare *share);
/* The share, 0 to 100, unrounded: what a bar is drawn to. */
double      fe_share_value            (const FeShare *share);
/* The percentage as printed (fe_percent_format()): "" when there is no share to speak of, when
 * the base is nobody or, weighted, weighs nothing. */
char       *fe_share_format           (const FeShare *share);
/* A percentage already rounded: "58%", or "<1%" for 0 of @something that is not nothing. */
char       *fe_percent_format_rounded (gboolean       something,
                                       guint          rounded);
/* The percentage with its base: "10 of 80 respondents, 13%" or "10 of 43 who answered,
 * 23%" ("…, 13% weighted" when weighted); "nobody answered" or "no respondents" when the base
 * is 0. */
char       *fe_percent_describe       (const FeShare *share,
                                       FePercentOf    of);
/* The same for a table split by a question (FeTally.both): "10 of 43 who answered both, 23%". */
char       *fe_percent_describe_both  (const FeShare *share);
/* A cell of a table whose columns name their base: "10 of 80, 13%" ("0" of an empty base). */
char       *fe_percent_format_cell    (const FeShare *share);

/* The base of the whole (@group -1) or of a group of @tally. */
guint       fe_tally_get_base         (const FeTally *tally,
                                       int            group,
                                       FePercentOf    of);
/* Cell @level of the whole (@group -1) or of a group of @tally, as a share of the base @of. */
FeShare     fe_tally_get_share        (const FeTally *tally,
                                       int            group,
                                       guint          level,
                                       FePercentOf    of);
/* One sentence saying the percentages are weighted by @weighted_by and the counts are not. */
char       *fe_percent_describe_weighting (const char *weighted_by);
/* One sentence naming the base of every percentage of @tally: "Percentages of all
 * respondents in each group.", or of those who answered both questions when it is split by
 * a question (whatever @of: the two bases are then one). */
const char *fe_percent_of_describe    (const FeTally *tally,
                                       FePercentOf    of);
/* The numbers of @tally as a table, as the app's data table shows them and `summary` prints
 * them: a header row ("Answer" or "Theme", then each group with its base, "Gwent Police
 * (n = 12)"), then a row per level, each cell fe_percent_format_cell(). A GPtrArray of
 * NULL-terminated GStrv rows. */
GPtrArray  *fe_percent_table_new      (const FeTally *tally,
                                       FePercentOf    of);

G_END_DECLS
