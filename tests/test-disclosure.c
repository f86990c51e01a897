/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>

#include "fe-disclosure.h"
#include "fe-study.h"
#include "fe-tally.h"

static FeStudy *
sample_study (void)
{
  g_autoptr(GError) error = NULL;
  FeStudy *study = fe_study_load_sample (&error);

  g_assert_no_error (error);
  return study;
}

static int
group_of (FeStudy    *study,
          const char *label)
{
  return fe_column_find_level (fe_study_find_column (study, "force"), label);
}

static void
test_small_groups_are_suppressed (void)
{
  g_autoptr(FeStudy) study = sample_study ();
  FeColumn *training = fe_study_find_column (study, "training");
  FeColumn *force = fe_study_find_column (study, "force");
  g_autoptr(FeTally) tally = fe_tally_compute (training, fe_study_get_universe (study), force);
  g_autoptr(FeDisclosure) d = fe_disclosure_new (tally, 5);
  int north = group_of (study, "North Wales Police");
  int dyfed = group_of (study, "Dyfed-Powys Police");
  int south = group_of (study, "South Wales Police");

  g_assert_cmpint (fe_disclosure_get_base (d, north), ==, FE_CELL_SMALL);
  g_assert_cmpint (fe_disclosure_get_base (d, dyfed), ==, FE_CELL_SMALL);
  /* 95 less South Wales's 80 and Gwent's 12 would leave the small forces 3 between them. */
  g_assert_false (fe_disclosure_get_base (d, south) == FE_CELL_SHOWN
                  && fe_disclosure_get_base (d, group_of (study, "Gwent Police")) == FE_CELL_SHOWN
                  && fe_disclosure_get_base (d, -1) == FE_CELL_SHOWN);
  for (guint l = 0; l < tally->n_levels; l++)
    {
      g_assert_cmpint (fe_disclosure_get_cell (d, north, l), ==, FE_CELL_SMALL);
      g_assert_cmpint (fe_disclosure_get_cell (d, dyfed, l), ==, FE_CELL_SMALL);
    }
  g_assert_true (fe_disclosure_any (d));
}

static void
test_k_zero_shows_everything (void)
{
  g_autoptr(FeStudy) study = sample_study ();
  FeColumn *training = fe_study_find_column (study, "training");
  FeColumn *force = fe_study_find_column (study, "force");
  g_autoptr(FeTally) tally = fe_tally_compute (training, fe_study_get_universe (study), force);
  g_autoptr(FeDisclosure) d = fe_disclosure_new (tally, 0);

  g_assert_false (fe_disclosure_any (d));
}

/* No suppressed number can be worked out from the printed ones: in every row of a
 * single-answer question and in every level column, either nothing is held back or at least
 * two numbers are (or the total is). */
static void
assert_no_single_hidden (const FeTally      *tally,
                         const FeDisclosure *d)
{
  for (int g = -1; g < (int) tally->n_groups; g++)
    {
      guint hidden = 0;

      /* A row nobody answered is all zeros, however its cells are printed. */
      if (fe_disclosure_get_answered (d, g) != FE_CELL_SHOWN
          || (g < 0 ? tally->answered : tally->groups[g].answered) == 0)
        continue;
      for (guint l = 0; l < tally->n_levels; l++)
        hidden += fe_disclosure_get_cell (d, g, l) != FE_CELL_SHOWN;
      g_assert_cmpuint (hidden, !=, 1);
    }
  for (guint l = 0; tally->n_groups > 0 && l < tally->n_levels; l++)
    {
      guint hidden = 0;

      if (fe_disclosure_get_cell (d, -1, l) != FE_CELL_SHOWN)
        continue;
      for (int g = 0; g < (int) tally->n_groups; g++)
        hidden += fe_disclosure_get_cell (d, g, l) != FE_CELL_SHOWN;
      g_assert_cmpuint (hidden, !=, 1);
    }
}

static void
test_secondary_suppression (void)
{
  g_autoptr(FeStudy) study = sample_study ();
  FeColumn *force = fe_study_find_column (study, "force");
  const char *questions[] = { "training", "guidance_aware", "guidance_alignment",
                              "cop_definition_fit", "training_prepared" };

  for (guint q = 0; q < G_N_ELEMENTS (questions); q++)
    for (guint k = 2; k <= 10; k++)
      {
        FeColumn *question = fe_study_find_column (study, questions[q]);
        g_autoptr(FeTally) split = fe_tally_compute (question, fe_study_get_universe (study),
                                                     force);
        g_autoptr(FeTally) whole = fe_tally_compute (question, fe_study_get_universe (study),
                                                     NULL);
        g_autoptr(FeDisclosure) d_split = fe_disclosure_new (split, k);
        g_autoptr(FeDisclosure) d_whole = fe_disclosure_new (whole, k);

        assert_no_single_hidden (split, d_split);
        assert_no_single_hidden (whole, d_whole);
      }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/disclosure/small-groups", test_small_groups_are_suppressed);
  g_test_add_func ("/core/disclosure/k-zero", test_k_zero_shows_everything);
  g_test_add_func ("/core/disclosure/secondary", test_secondary_suppression);
  return g_test_run ();
}
