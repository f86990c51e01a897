/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every tally is checked against a recount done the slow way, row by row, on the values the
 * generator wrote: thousands of random studies, each under several random filters. */
#include <glib.h>

#include "fe-filter.h"
#include "fe-study.h"
#include "fe-tally.h"
#include "fe-test-util.h"

#define N_STUDIES 2000
#define N_FILTERS 5
#define MAX_ROWS 150

enum { ATTR_A, ATTR_B, ORDINAL, MULTI, CODED, N_QUESTIONS };

static const char * const question_ids[N_QUESTIONS] = { "region", "role", "agree", "topics",
                                                        "why" };
static const guint n_levels[N_QUESTIONS] = { 4, 3, 5, 5, 4 };
static const char * const agree_levels[] = { "Strongly disagree", "Disagree",
                                             "Neither agree nor disagree", "Agree",
                                             "Strongly agree" };

/* has[row][question] is a bitmask of the levels the row gave; 0 = no answer. */
typedef struct
{
  guint  n_rows;
  guint  has[MAX_ROWS][N_QUESTIONS];
  gboolean answered_text[MAX_ROWS];
} Truth;

static char *
level_name (guint question,
            guint level)
{
  if (question == ORDINAL)
    return g_strdup (agree_levels[level]);
  return g_strdup_printf ("%s-%u", question_ids[question], level);
}

static void
write_study (GRand  *rand,
             Truth  *truth,
             char  **responses,
             char  **codebook,
             char  **coding)
{
  g_autoptr(GString) r = g_string_new ("id,region,role,agree,topics,why\n");
  g_autoptr(GString) b = g_string_new ("column,role,label,levels,quotes_from\nid,id,,,\n");
  g_autoptr(GString) c = g_string_new ("respondent,question,code,excerpt,note\n");
  double p_empty = g_rand_double (rand);

  truth->n_rows = (guint) g_rand_int_range (rand, 1, MAX_ROWS + 1);
  for (guint q = 0; q < N_QUESTIONS; q++)
    {
      static const char * const roles[] = { "attribute", "attribute", "ordinal", "multi", "text" };

      g_string_append_printf (b, "%s,%s,,", question_ids[q], roles[q]);
      for (guint l = 0; l < n_levels[q]; l++)
        {
          g_autofree char *name = level_name (q, l);

          g_string_append_printf (b, "%s%s", l ? "|" : "", name);
        }
      g_string_append (b, ",\n");
    }

  for (guint row = 0; row < truth->n_rows; row++)
    {
      g_string_append_printf (r, "%u", row + 1);
      for (guint q = 0; q < N_QUESTIONS; q++)
        {
          guint mask = 0;

          truth->has[row][q] = 0;
          g_string_append_c (r, ',');
          if (g_rand_double (rand) < p_empty)
            continue;
          if (q == MULTI || q == CODED)
            mask = (guint) g_rand_int_range (rand, 0, 1 << n_levels[q]);
          else
            mask = 1u << g_rand_int_range (rand, 0, (gint32) n_levels[q]);

          if (q == CODED)
            {
              /* An answer may be left uncoded; a code always has an answer. */
              g_string_append_printf (r, "\"answer, %u\"", row);
              truth->answered_text[row] = TRUE;
              for (guint l = 0; l < n_levels[q]; l++)
                if (mask & (1u << l))
                  g_string_append_printf (c, "%u,why,why-%u,,\n", row + 1, l);
              truth->has[row][q] = mask;
              continue;
            }
          for (guint l = 0, first = 1; l < n_levels[q]; l++)
            if (mask & (1u << l))
              {
                g_autofree char *name = level_name (q, l);

                g_string_append_printf (r, "%s%s", first ? "" : ";", name);
                first = 0;
              }
          truth->has[row][q] = mask;
        }
      g_string_append_c (r, '\n');
    }

  *responses = fe_test_write_file ("responses.csv", r->str, -1);
  *codebook = fe_test_write_file ("codebook.csv", b->str, -1);
  *coding = fe_test_write_file ("coding.csv", c->str, -1);
}

static gboolean
row_answered (const Truth *truth,
              guint        row,
              guint        q)
{
  return q == CODED ? truth->answered_text[row] : truth->has[row][q] != 0;
}

static gboolean
row_is_complete (const Truth *truth,
                 guint        row)
{
  for (guint q = 0; q < N_QUESTIONS; q++)
    if (row_answered (truth, row, q))
      return TRUE;
  return FALSE;
}

typedef struct
{
  guint masks[N_QUESTIONS];  /* levels allowed per question; 0 = not filtered */
} RandomFilter;

static gboolean
row_passes (const Truth        *truth,
            const RandomFilter *filter,
            gboolean            include_incomplete,
            guint               row)
{
  if (!include_incomplete && !row_is_complete (truth, row))
    return FALSE;
  for (guint q = 0; q < N_QUESTIONS; q++)
    if (filter->masks[q] != 0 && (truth->has[row][q] & filter->masks[q]) == 0)
      return FALSE;
  return TRUE;
}

static void
check_tally (FeStudy            *study,
             const Truth        *truth,
             const RandomFilter *filter,
             guint               q,
             int                 by)
{
  FeColumn *question = fe_study_find_column (study, question_ids[q]);
  FeColumn *by_column = by >= 0 ? fe_study_find_column (study, question_ids[by]) : NULL;
  g_autoptr(FeFilter) fe_filter = fe_filter_new (study);
  g_autoptr(FeBitset) rows = NULL;
  g_autoptr(FeTally) tally = NULL;
  gboolean include = fe_study_get_include_incomplete (study);
  /* Split by a question, only those who answered both count, bases included. */
  gboolean both = by_column != NULL && by_column->role != FE_ROLE_ATTRIBUTE;

  for (guint f = 0; f < N_QUESTIONS; f++)
    for (guint l = 0; l < n_levels[f]; l++)
      if (filter->masks[f] & (1u << l))
        fe_filter_add_level (fe_filter, fe_study_find_column (study, question_ids[f]), l);
  rows = fe_filter_compute_rows (fe_filter);
  tally = fe_tally_compute (question, rows, by_column);

  for (int g = -1; g < (by >= 0 ? (int) n_levels[by] : 0); g++)
    {
      guint base = 0, answered = 0;
      guint counts[8] = { 0 };
      const guint *got_counts = g < 0 ? tally->counts : tally->groups[g].counts;

      for (guint row = 0; row < truth->n_rows; row++)
        {
          if (!row_passes (truth, filter, include, row))
            continue;
          if (g >= 0 && (truth->has[row][by] & (1u << g)) == 0)
            continue;
          if (both && (!row_answered (truth, row, q) || !row_answered (truth, row, (guint) by)))
            continue;
          base++;
          answered += row_answered (truth, row, q);
          for (guint l = 0; l < n_levels[q]; l++)
            counts[l] += (truth->has[row][q] >> l) & 1;
        }

      g_assert_cmpuint (g < 0 ? tally->base : tally->groups[g].base, ==, base);
      g_assert_cmpuint (g < 0 ? tally->answered : tally->groups[g].answered, ==, answered);
      g_assert_cmpuint (tally->n_levels, ==, n_levels[q]);
      for (guint l = 0; l < n_levels[q]; l++)
        g_assert_cmpuint (got_counts[l], ==, counts[l]);
    }
}

static void
test_tallies_match_recount (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);

  for (guint s = 0; s < N_STUDIES; s++)
    {
      Truth truth = { 0 };
      g_autofree char *responses = NULL;
      g_autofree char *codebook = NULL;
      g_autofree char *coding = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(FeStudy) study = NULL;

      write_study (rand, &truth, &responses, &codebook, &coding);
      study = fe_study_load (responses, codebook, coding, &error);
      g_assert_no_error (error);
      fe_study_set_include_incomplete (study, g_rand_boolean (rand));

      for (guint f = 0; f < N_FILTERS; f++)
        {
          RandomFilter filter = { { 0 } };

          for (guint q = 0; q < N_QUESTIONS; q++)
            if (g_rand_int_range (rand, 0, 3) == 0)
              filter.masks[q] = (guint) g_rand_int_range (rand, 1, 1 << n_levels[q]);

          for (guint q = 0; q < N_QUESTIONS; q++)
            check_tally (study, &truth, &filter, q, g_rand_int_range (rand, -1, N_QUESTIONS));
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/tally/random-recount", test_tallies_match_recount);
  return g_test_run ();
}
