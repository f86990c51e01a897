/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the chart tests share: the sample study, reading labels and layouts as a person or a
 * script does, and random tallies. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "fe-chart-layout.h"
#include "fe-chart-spec.h"
#include "fe-study.h"

G_BEGIN_DECLS

/* The sample study, loaded once; fe_chart_test_clear_sample() lets it go. */
FeStudy *fe_chart_test_get_sample   (void);
void     fe_chart_test_clear_sample (void);

/* @question_id of the sample study over all its respondents, by @by_id (NULL: by nothing). */
FeTally *fe_chart_test_sample_tally (const char *question_id,
                                     const char *by_id);

/* Text as a reader sees it: no-break spaces as spaces, lines run together. */
char    *fe_chart_test_flatten      (const char *text);

/* Whether a label of @layout, read as fe_chart_test_flatten() reads it, holds @needle. */
gboolean fe_chart_test_has_label    (const FeChartLayout *layout,
                                     const char          *needle);

/* A layout's JSON (fe_chart_layout_to_json()) read back; asserts that it is JSON. */
JsonObject *fe_chart_test_parse_layout (const char *json);

/* Names for random columns: each label a word drawn from @words, a column's own followed by
 * @long_word half the time. */
typedef struct
{
  const char * const *words;
  guint               n_words;
  const char         *long_word;
} FeChartTestNames;

/* A column @id of @n_levels levels, its label and each level's (with the level's number after
 * it) drawn from @names; without them, named "@id", "@id 0", "@id 1"…. */
FeColumn *fe_chart_test_random_column (GRand                  *rand,
                                       const char             *id,
                                       FeRole                  role,
                                       guint                   n_levels,
                                       const FeChartTestNames *names);

/* How a random tally is drawn. Its base is in [0, base_limit) without groups; with them, one
 * group in small_one_in has a base in [small_from, small_limit), the others one in
 * [large_from, large_limit). Of a group's base, those who answered: none one time in
 * none_answered_one_in (0: never by that rule), otherwise any number from half the base
 * (from_half) or from none, up to all of it. */
typedef struct
{
  int      base_limit;
  int      small_one_in;
  int      small_from, small_limit;
  int      large_from, large_limit;
  int      none_answered_one_in;
  gboolean from_half;
} FeChartTestTallyShape;

/* A tally of @question (by @by, or NULL) with random counts of the @shape given: each
 * respondent who answered gives one level of a single-valued question, and each level of a
 * multi-select one a chance in three. Free it with fe_tally_free(), then the columns. */
FeTally *fe_chart_test_random_tally (GRand                       *rand,
                                     FeColumn                    *question,
                                     FeColumn                    *by,
                                     const FeChartTestTallyShape *shape);

/* Frees @tally and the columns it is of: for tallies made up in a test. */
void     fe_chart_test_free_tally   (FeTally *tally);

/* Starts @spec afresh with a random kind that can show @tally and a random measure. */
void     fe_chart_test_random_spec  (GRand         *rand,
                                     FeChartSpec   *spec,
                                     const FeTally *tally);

G_END_DECLS
