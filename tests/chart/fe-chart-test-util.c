/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-chart-test-util.h"

static FeStudy *sample;

FeStudy *
fe_chart_test_get_sample (void)
{
  g_autoptr(GError) error = NULL;

  if (sample == NULL)
    {
      sample = fe_study_load_sample (&error);
      g_assert_no_error (error);
    }
  return sample;
}

void
fe_chart_test_clear_sample (void)
{
  g_clear_object (&sample);
}

FeTally *
fe_chart_test_sample_tally (const char *question_id,
                            const char *by_id)
{
  FeStudy *study = fe_chart_test_get_sample ();
  FeColumn *question = fe_study_find_column (study, question_id);
  FeColumn *by = by_id != NULL ? fe_study_find_column (study, by_id) : NULL;

  g_assert_nonnull (question);
  g_assert_true (by_id == NULL || by != NULL);
  return fe_tally_compute (question, fe_study_get_universe (study), by);
}

char *
fe_chart_test_flatten (const char *text)
{
  g_autoptr(GString) flat = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (flat, c == 0x00a0 || c == '\n' ? ' ' : c);
    }
  return g_string_free (g_steal_pointer (&flat), FALSE);
}

JsonObject *
fe_chart_test_parse_layout (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

FeColumn *
fe_chart_test_random_column (GRand                  *rand,
                             const char             *id,
                             FeRole                  role,
                             guint                   n_levels,
                             const FeChartTestNames *names)
{
  FeColumn *column = fe_column_new (0, 0, id);

  column->role = role;
  g_free (column->label);
  if (names != NULL)
    {
      /* Whether the long word follows, then the word: in that order, for a seed to draw the
       * columns it always has. */
      const char *long_word = g_rand_boolean (rand) ? names->long_word : "";
      const char *word = names->words[g_rand_int_range (rand, 0, (int) names->n_words)];

      column->label = g_strdup_printf ("%s %s?", word, long_word);
    }
  else
    column->label = g_strdup (id);
  for (guint l = 0; l < n_levels; l++)
    {
      const char *word = names != NULL
                         ? names->words[g_rand_int_range (rand, 0, (int) names->n_words)] : id;
      g_autofree char *label = g_strdup_printf ("%s %u", word, l);

      fe_column_add_level (column, label, 1);
    }
  return column;
}

/* Counts for one group: @answered of @base spread over the levels, each respondent once for
 * a single-valued question, any number of times for a multi-select one. */
static void
random_counts (GRand                       *rand,
               const FeChartTestTallyShape *shape,
               gboolean                     single,
               guint                        n_levels,
               guint                        base,
               guint                       *answered,
               guint                       *counts)
{
  if (base == 0
      || (shape->none_answered_one_in > 0
          && g_rand_int_range (rand, 0, shape->none_answered_one_in) == 0))
    *answered = 0;
  else
    *answered = (guint) g_rand_int_range (rand, shape->from_half ? (int) base / 2 : 0,
                                          (int) base + 1);
  for (guint l = 0; l < n_levels; l++)
    counts[l] = 0;
  if (n_levels == 0)
    {
      *answered = 0;
      return;
    }
  for (guint r = 0; r < *answered; r++)
    {
      if (single)
        counts[g_rand_int_range (rand, 0, (int) n_levels)]++;
      else
        for (guint l = 0; l < n_levels; l++)
          counts[l] += g_rand_int_range (rand, 0, 3) == 0;
    }
}

FeTally *
fe_chart_test_random_tally (GRand                       *rand,
                            FeColumn                    *question,
                            FeColumn                    *by,
                            const FeChartTestTallyShape *shape)
{
  FeTally *tally = g_new0 (FeTally, 1);
  gboolean single = fe_chart_question_is_single (question);

  tally->question = question;
  tally->by = by;
  tally->n_levels = fe_column_get_n_levels (question);
  tally->counts = g_new0 (guint, MAX (tally->n_levels, 1));
  if (by == NULL)
    {
      tally->base = (guint) g_rand_int_range (rand, 0, shape->base_limit);
      random_counts (rand, shape, single, tally->n_levels, tally->base, &tally->answered,
                     tally->counts);
      return tally;
    }

  tally->n_groups = fe_column_get_n_levels (by);
  tally->groups = g_new0 (FeTallyGroup, MAX (tally->n_groups, 1));
  for (guint g = 0; g < tally->n_groups; g++)
    {
      FeTallyGroup *group = &tally->groups[g];

      group->group = g;
      group->base = (guint) (g_rand_int_range (rand, 0, shape->small_one_in) == 0
                             ? g_rand_int_range (rand, shape->small_from, shape->small_limit)
                             : g_rand_int_range (rand, shape->large_from, shape->large_limit));
      group->counts = g_new0 (guint, MAX (tally->n_levels, 1));
      random_counts (rand, shape, single, tally->n_levels, group->base, &group->answered,
                     group->counts);
      tally->base += group->base;
      tally->answered += group->answered;
      for (guint l = 0; l < tally->n_levels; l++)
        tally->counts[l] += group->counts[l];
    }
  return tally;
}

void
fe_chart_test_free_tally (FeTally *tally)
{
  /* The tally only reads its columns; here they are the test's own. */
  FeColumn *question = (FeColumn *) tally->question;
  FeColumn *by = (FeColumn *) tally->by;

  fe_tally_free (tally);
  fe_column_free (question);
  fe_column_free (by);
}

void
fe_chart_test_random_spec (GRand         *rand,
                           FeChartSpec   *spec,
                           const FeTally *tally)
{
  fe_chart_spec_init (spec);
  do
    spec->kind = g_rand_int_range (rand, FE_CHART_KIND_AUTO, FE_CHART_KIND_HEATMAP + 1);
  while (!fe_chart_kind_applies (spec->kind, tally));
  spec->measure = g_rand_int_range (rand, 0, 3);
}

gboolean
fe_chart_test_has_label (const FeChartLayout *layout,
                         const char          *needle)
{
  for (guint i = 0; i < fe_chart_layout_get_n_labels (layout); i++)
    {
      g_autofree char *flat = fe_chart_test_flatten (fe_chart_layout_get_label (layout, i)->text);

      if (strstr (flat, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}
