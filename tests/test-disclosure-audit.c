/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The interval attack: a reader who knows that a "< k" is 1 to k − 1 (zeros print as 0), that
 * a "–" is at least k, and that rows add up to those who answered and groups to the whole,
 * narrows every held-back number to an interval. fe_disclosure_new() must leave none of them
 * narrower than the audit allows, on the sample study and on random tables. */
#include <glib.h>

#include "fe-disclosure-audit.h"
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

/* What fe_disclosure_new() decided, as a table for the attack: everything printed. */
typedef struct
{
  FeAuditTally table;
} Printed;

static void
printed_init (Printed            *p,
              const FeTally      *tally,
              const FeDisclosure *d,
              guint               k)
{
  guint n_rows = 1 + tally->n_groups;

  p->table = (FeAuditTally) { .tally = tally, .k = k, .whole_printed = TRUE,
                              .groups_printed = TRUE };
  p->table.cells = g_new0 (FeCellDisclosure, n_rows * MAX (tally->n_levels, 1));
  p->table.bases = g_new0 (FeCellDisclosure, n_rows);
  p->table.answered = g_new0 (FeCellDisclosure, n_rows);
  for (int r = -1; r < (int) tally->n_groups; r++)
    {
      for (guint l = 0; l < tally->n_levels; l++)
        p->table.cells[(guint) (r + 1) * tally->n_levels + l] = fe_disclosure_get_cell (d, r, l);
      p->table.bases[r + 1] = fe_disclosure_get_base (d, r);
      p->table.answered[r + 1] = fe_disclosure_get_answered (d, r);
    }
}

static void
printed_clear (Printed *p)
{
  g_free (p->table.cells);
  g_free (p->table.bases);
  g_free (p->table.answered);
}

/* How many held-back numbers of @tally under @d the attack narrows too far. */
static guint
count_revealed (const FeTally      *tally,
                const FeDisclosure *d,
                guint               k)
{
  Printed p;
  g_autoptr(FeAudit) audit = NULL;
  guint n;

  printed_init (&p, tally, d, k);
  audit = fe_audit_new_for_tally (&p.table);
  n = fe_audit_count_revealed (audit);
  printed_clear (&p);
  return n;
}

/* The issue: South Wales, 32 answered, printed 6, 12, 8, "–", "< 5". */
static void
test_issue_row (void)
{
  const guint counts[] = { 6, 12, 8, 5, 1 };
  const FeCellDisclosure printed[] = { FE_CELL_SHOWN, FE_CELL_SHOWN, FE_CELL_SHOWN,
                                       FE_CELL_HIDDEN, FE_CELL_SMALL };
  g_autoptr(FeAudit) audit = fe_audit_new (5);
  guint parts[5];
  guint answered;
  guint lo, hi;

  for (guint l = 0; l < 5; l++)
    parts[l] = fe_audit_add (audit, counts[l], printed[l], TRUE, FALSE, 1, FE_AUDIT_CELL);
  answered = fe_audit_add (audit, 32, FE_CELL_SHOWN, TRUE, FALSE, 1, FE_AUDIT_ANSWERED);
  fe_audit_add_sum (audit, answered, parts, 5);

  /* Very well = 5 and Extremely well = 1, as the issue worked out. */
  g_assert_cmpuint (fe_audit_count_revealed (audit), ==, 2);
  fe_audit_get_interval (audit, parts[3], &lo, &hi);
  g_assert_cmpuint (lo, ==, 5);
  g_assert_cmpuint (hi, ==, 5);
  fe_audit_get_interval (audit, parts[4], &lo, &hi);
  g_assert_cmpuint (lo, ==, 1);
  g_assert_cmpuint (hi, ==, 1);

  g_assert_cmpuint (fe_audit_protect (audit), >, 0);
  g_assert_cmpuint (fe_audit_count_revealed (audit), ==, 0);
  fe_audit_get_interval (audit, parts[4], &lo, &hi);
  g_assert_cmpuint (lo, ==, 1);
  g_assert_cmpuint (hi, ==, 4);
}

/* The same row as the export prints it now: the attack from the issue fails. */
static void
test_issue_export (void)
{
  g_autoptr(FeStudy) study = sample_study ();
  FeColumn *question = fe_study_find_column (study, "training_prepared");
  FeColumn *force = fe_study_find_column (study, "force");
  g_autoptr(FeTally) tally = fe_tally_compute (question, fe_study_get_universe (study), force);
  g_autoptr(FeDisclosure) d = fe_disclosure_new (tally, 5);
  int south = fe_column_find_level (force, "South Wales Police");
  Printed p;
  g_autoptr(FeAudit) audit = NULL;
  guint lo, hi;

  g_assert_cmpuint (tally->groups[south].answered, ==, 32);
  g_assert_cmpuint (tally->groups[south].counts[4], ==, 1);
  printed_init (&p, tally, d, 5);
  audit = fe_audit_new_for_tally (&p.table);
  g_assert_cmpuint (fe_audit_count_revealed (audit), ==, 0);
  g_assert_cmpint (fe_disclosure_get_cell (d, south, 4), ==, FE_CELL_SMALL);
  fe_audit_get_interval (audit, fe_audit_tally_cell (&p.table, south, 4), &lo, &hi);
  /* Fewer than 5 gave that answer in all: a force's zero of it prints as "< 5" too, so South
   * Wales's "< 5" may be none. */
  g_assert_cmpint (fe_disclosure_get_cell (d, -1, 4), ==, FE_CELL_SMALL);
  g_assert_cmpuint (lo, ==, 0);
  g_assert_cmpuint (hi, ==, 4);
  g_assert_cmpint (fe_disclosure_get_cell (d, south, 3), !=, FE_CELL_SHOWN);
  fe_audit_get_interval (audit, fe_audit_tally_cell (&p.table, south, 3), &lo, &hi);
  g_assert_true (hi == FE_AUDIT_UNBOUNDED || hi - lo >= 5);
  printed_clear (&p);
}

/* Every question of the sample, split by nothing and by each attribute, at k 5 and 3. */
static void
test_sample_sweep (void)
{
  g_autoptr(FeStudy) study = sample_study ();
  const guint ks[] = { 5, 3 };
  guint n_tables = 0;

  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *question = fe_study_get_column (study, c);

      if (!fe_column_is_question (question) || fe_column_get_n_levels (question) == 0)
        continue;
      for (int b = -1; b < (int) fe_study_get_n_columns (study); b++)
        {
          FeColumn *by = b < 0 ? NULL : fe_study_get_column (study, (guint) b);

          if (by != NULL && (by == question || by->role != FE_ROLE_ATTRIBUTE))
            continue;
          for (guint i = 0; i < G_N_ELEMENTS (ks); i++)
            {
              g_autoptr(FeTally) tally = fe_tally_compute (question,
                                                           fe_study_get_universe (study), by);
              g_autoptr(FeDisclosure) d = fe_disclosure_new (tally, ks[i]);
              guint n = count_revealed (tally, d, ks[i]);

              if (n > 0)
                g_error ("%s by %s, k %u: %u held-back numbers narrowed too far", question->id,
                         by != NULL ? by->id : "nothing", ks[i], n);
              n_tables++;
            }
        }
    }
  g_assert_cmpuint (n_tables, >, 50);
}

static guint
count_held_back (const FeTally      *tally,
                 const FeDisclosure *d)
{
  guint n = 0;

  for (int r = -1; r < (int) tally->n_groups; r++)
    {
      for (guint l = 0; l < tally->n_levels; l++)
        n += fe_disclosure_get_cell (d, r, l) != FE_CELL_SHOWN;
      n += fe_disclosure_get_base (d, r) != FE_CELL_SHOWN;
      n += fe_disclosure_get_answered (d, r) != FE_CELL_SHOWN;
    }
  return n;
}

/* The search against the old rule on the same sweep, with the whole row printed and not:
 * never more held back in any table, and the attack still fails everywhere. */
static void
test_sample_search (void)
{
  g_autoptr(FeStudy) study = sample_study ();
  const guint ks[] = { 5, 3 };
  guint n_old = 0;
  guint n_new = 0;
  guint n_better = 0;
  guint n_old_whole = 0;
  guint n_new_whole = 0;

  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *question = fe_study_get_column (study, c);

      if (!fe_column_is_question (question) || fe_column_get_n_levels (question) == 0)
        continue;
      for (int b = -1; b < (int) fe_study_get_n_columns (study); b++)
        {
          FeColumn *by = b < 0 ? NULL : fe_study_get_column (study, (guint) b);
          g_autoptr(FeTally) tally = NULL;

          if (by != NULL && (by == question || by->role != FE_ROLE_ATTRIBUTE))
            continue;
          tally = fe_tally_compute (question, fe_study_get_universe (study), by);
          for (guint i = 0; i < G_N_ELEMENTS (ks); i++)
            for (guint whole = 0; whole < (by != NULL ? 2u : 1u); whole++)
              {
                g_autoptr(FeDisclosure) old = fe_disclosure_new_full (tally, ks[i], !whole,
                                                                      FE_AUDIT_CHOICE_GREEDY);
                g_autoptr(FeDisclosure) now = fe_disclosure_new_split (tally, ks[i], !whole);
                guint o = count_held_back (tally, old);
                guint n = count_held_back (tally, now);

                if (n > o)
                  g_error ("%s by %s, k %u: the search holds back %u, the old rule %u",
                           question->id, by != NULL ? by->id : "nothing", ks[i], n, o);
                if (!whole && count_revealed (tally, now, ks[i]) > 0)
                  g_error ("%s by %s, k %u: narrowed too far", question->id,
                           by != NULL ? by->id : "nothing", ks[i]);
                n_old += o;
                n_new += n;
                n_better += n < o;
                n_old_whole += whole ? 0 : o;
                n_new_whole += whole ? 0 : n;
              }
        }
    }
  g_test_message ("held back on the sweep: %u by the old rule, %u by the search "
                  "(fewer in %u tables); of them with the whole row printed %u and %u",
                  n_old, n_new, n_better, n_old_whole, n_new_whole);
  g_assert_cmpuint (n_new, <, n_old);
}

/* A 50 × 50 table of large counts and a few small ones: the search's tries are bounded, so it stays fast
 * (measured here, not asserted: see the benchmarks) and safe. */
static void
test_large (void)
{
  FeColumn single = { .id = (char *) "q", .role = FE_ROLE_CHOICE };
  FeColumn by = { .id = (char *) "by", .role = FE_ROLE_ATTRIBUTE };
  const guint n_levels = 50;
  const guint n_groups = 49;
  FeTally tally = { .question = &single, .by = &by, .n_levels = n_levels,
                    .n_groups = n_groups };
  g_autofree FeTallyGroup *groups = g_new0 (FeTallyGroup, n_groups);
  g_autofree guint *whole = g_new0 (guint, n_levels);
  g_autoptr(FeDisclosure) old = NULL;
  g_autoptr(FeDisclosure) now = NULL;
  gint64 t0, t1, t2;

  tally.counts = whole;
  tally.groups = groups;
  for (guint g = 0; g < n_groups; g++)
    {
      guint *counts = g_new0 (guint, n_levels);

      for (guint l = 0; l < n_levels; l++)
        {
          int dice = g_test_rand_int_range (0, 10);

          /* A few small numbers and zeros among large ones: the most work for protection. */
          counts[l] = (guint) (dice == 0 ? g_test_rand_int_range (1, 5)
                               : dice == 1 ? 0 : g_test_rand_int_range (5, 30));
          groups[g].answered += counts[l];
          whole[l] += counts[l];
        }
      groups[g].group = g;
      groups[g].base = groups[g].answered + (guint) g_test_rand_int_range (0, 3);
      groups[g].counts = counts;
      tally.base += groups[g].base;
      tally.answered += groups[g].answered;
    }
  t0 = g_get_monotonic_time ();
  old = fe_disclosure_new_full (&tally, 5, TRUE, FE_AUDIT_CHOICE_GREEDY);
  t1 = g_get_monotonic_time ();
  now = fe_disclosure_new (&tally, 5);
  t2 = g_get_monotonic_time ();
  g_test_message ("50 x 50: old rule %u held back in %.1f ms, search %u in %.1f ms",
                  count_held_back (&tally, old), (t1 - t0) / 1000.0,
                  count_held_back (&tally, now), (t2 - t1) / 1000.0);
  g_assert_cmpuint (count_held_back (&tally, now), <=, count_held_back (&tally, old));
  g_assert_cmpuint (count_revealed (&tally, now, 5), ==, 0);
  for (guint g = 0; g < n_groups; g++)
    g_free (groups[g].counts);
}

/* Random small tables, single-answer and multi-select, split or not, at random k. */
/* Counts that do not add up (cells summing to more than those who answered, groups to more
 * than the whole), as a corrupt or hand-made input can give: the sums cannot all hold, the
 * attack's bounds would cross and grow until they overflowed. It stops, and everything that
 * can be is held back. Run under the sanitizers (meson setup -Db_sanitize=address,undefined). */
static void
test_inconsistent (void)
{
  FeColumn single = { .id = (char *) "q", .role = FE_ROLE_CHOICE };
  FeColumn by = { .id = (char *) "by", .role = FE_ROLE_ATTRIBUTE };
  guint whole[] = { 30, 2 };
  guint first[] = { 25, 1 };
  guint second[] = { 20, 3 };
  FeTallyGroup groups[] = { { .group = 0, .base = 10, .answered = 10, .counts = first },
                            { .group = 1, .base = 10, .answered = 10, .counts = second } };
  FeTally tally = { .question = &single, .by = &by, .n_levels = 2, .base = 20, .answered = 20,
                    .counts = whole, .n_groups = 2, .groups = groups };
  g_autoptr(FeDisclosure) d = fe_disclosure_new (&tally, 5);
  g_autoptr(FeAudit) audit = fe_audit_new (5);
  guint items[4];

  for (int r = -1; r < 2; r++)
    for (guint l = 0; l < 2; l++)
      g_assert_cmpint (fe_disclosure_get_cell (d, r, l), !=, FE_CELL_SHOWN);

  /* Two sums over the same two parts, with different printed totals: a cycle that narrowed
   * for ever, each round pushing the crossed bounds further apart. */
  items[0] = fe_audit_add (audit, 8, FE_CELL_HIDDEN, TRUE, FALSE, 1, FE_AUDIT_CELL);
  items[1] = fe_audit_add (audit, 7, FE_CELL_HIDDEN, TRUE, FALSE, 1, FE_AUDIT_CELL);
  items[2] = fe_audit_add (audit, 10, FE_CELL_SHOWN, TRUE, FALSE, 1, FE_AUDIT_ANSWERED);
  items[3] = fe_audit_add (audit, 40, FE_CELL_SHOWN, TRUE, FALSE, 1, FE_AUDIT_BASE);
  fe_audit_add_sum (audit, items[2], items, 2);
  fe_audit_add_sum (audit, items[3], items, 2);
  /* Nothing can be vouched for: both held-back parts count as revealed, and protection holds
   * back both totals. */
  g_assert_cmpuint (fe_audit_count_revealed (audit), ==, 2);
  g_assert_cmpuint (fe_audit_protect (audit), ==, 2);
  g_assert_cmpint (fe_audit_get_state (audit, items[2]), ==, FE_CELL_HIDDEN);
  g_assert_cmpint (fe_audit_get_state (audit, items[3]), ==, FE_CELL_HIDDEN);
}

static void
test_random (void)
{
  FeColumn single = { .id = (char *) "q", .role = FE_ROLE_CHOICE };
  FeColumn multi = { .id = (char *) "m", .role = FE_ROLE_MULTI };
  FeColumn by = { .id = (char *) "by", .role = FE_ROLE_ATTRIBUTE };

  for (guint iteration = 0; iteration < 400; iteration++)
    {
      gboolean is_multi = g_test_rand_bit ();
      guint k = (guint) g_test_rand_int_range (2, 11);
      guint n_levels = (guint) g_test_rand_int_range (1, 7);
      guint n_groups = (guint) g_test_rand_int_range (0, 6);
      FeTally tally = { .question = is_multi ? &multi : &single,
                        .by = n_groups > 0 ? &by : NULL, .n_levels = n_levels,
                        .n_groups = n_groups };
      g_autofree FeTallyGroup *groups = g_new0 (FeTallyGroup, MAX (n_groups, 1));
      g_autofree guint *whole = g_new0 (guint, n_levels);
      g_autoptr(FeDisclosure) d = NULL;
      guint n;

      tally.counts = whole;
      tally.groups = groups;
      /* Groups of a few respondents and of many, and at times some in no group. */
      for (guint g = 0; g <= n_groups; g++)
        {
          guint *counts = g < n_groups ? g_new0 (guint, n_levels) : g_new0 (guint, n_levels);
          guint size = (guint) (g_test_rand_bit () ? g_test_rand_int_range (0, 8)
                                                   : g_test_rand_int_range (0, 60));
          guint answered = 0;

          if (g == n_groups && (n_groups == 0 || g_test_rand_int_range (0, 4) > 0))
            size = n_groups == 0 ? size : 0;
          for (guint person = 0; person < size; person++)
            {
              gboolean answers = g_test_rand_int_range (0, 5) > 0;

              answered += answers;
              for (guint l = 0; answers && l < n_levels; l++)
                if (is_multi ? g_test_rand_bit () : l == (guint) g_test_rand_int_range (0, (gint32) n_levels))
                  {
                    counts[l]++;
                    if (!is_multi)
                      break;
                  }
            }
          /* One answer each: the levels must add up to those who answered. */
          if (!is_multi)
            {
              answered = 0;
              for (guint l = 0; l < n_levels; l++)
                answered += counts[l];
            }
          tally.base += size;
          tally.answered += answered;
          for (guint l = 0; l < n_levels; l++)
            whole[l] += counts[l];
          if (g < n_groups)
            groups[g] = (FeTallyGroup) { .group = g, .base = size, .answered = answered,
                                         .counts = counts };
          else
            g_free (counts);
        }
      d = fe_disclosure_new (&tally, k);
      n = count_revealed (&tally, d, k);
      if (n > 0)
        g_error ("random table %u (k %u, %u levels, %u groups, %s): %u narrowed too far",
                 iteration, k, n_levels, n_groups, is_multi ? "multi" : "single", n);
      for (guint g = 0; g < n_groups; g++)
        g_free (groups[g].counts);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/disclosure-audit/issue-row", test_issue_row);
  g_test_add_func ("/core/disclosure-audit/issue-export", test_issue_export);
  g_test_add_func ("/core/disclosure-audit/sample", test_sample_sweep);
  g_test_add_func ("/core/disclosure-audit/sample-search", test_sample_search);
  g_test_add_func ("/core/disclosure-audit/large", test_large);
  g_test_add_func ("/core/disclosure-audit/random", test_random);
  g_test_add_func ("/core/disclosure-audit/inconsistent", test_inconsistent);
  return g_test_run ();
}
