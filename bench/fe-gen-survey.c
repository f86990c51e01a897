/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes a national staff survey of any size for the benchmarks, the same for the same seed:
 *   fe-gen-survey ROWS [SEED] > survey.csv
 * 43 forces, 8 roles, 6 service bands, four five-point Likert items, a ';'-separated
 * multi-select of 15 themes and two open answers with commas, doubled quotes, line breaks and
 * Welsh letters: the shape of the file the performance targets were measured on. */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

static const char * const roles[] = {
  "Response officer", "Neighbourhood officer", "PCSO", "Detective",
  "Public protection", "Supervisor or manager", "Police staff (desk-based)", "Call handler",
};

static const char * const bands[] = {
  "Less than 2 years", "2 to 5 years", "6 to 10 years", "11 to 20 years",
  "21 to 30 years", "More than 30 years",
};

static const char * const agree[] = {
  "Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree",
};

static const char * const themes[] = {
  "Substance use", "Exploitation", "Lone working", "Financial issues", "Coercion or control",
  "Mental health", "Homelessness", "Lack of protection", "Gender", "Immigration status",
  "Stigma and discrimination", "Regulatory framework", "Training", "Partnership working",
  "Trust",
};

static const char * const phrases[] = {
  "Training would help, especially on safeguarding",
  "We need better \"\"joined-up\"\" working with partners",
  "Mae angen mwy o hyfforddiant ar y pwnc hwn",
  "Trust is low; engagement is hard, and it takes time",
  "Gweithio mewn partneriaeth â'r gwasanaethau iechyd",
  "Officers are unsure of the policy, so practice varies",
  "A specialist officer made a real difference\nto how people engaged",
  "Ni chefais unrhyw hyfforddiant, felly rwy'n ansicr",
};

static void
write_open_answer (GRand *rand)
{
  int n = g_rand_int_range (rand, 0, 4);

  if (n == 0)
    return;
  putchar ('"');
  for (int i = 0; i < n; i++)
    {
      if (i > 0)
        fputs (". ", stdout);
      fputs (phrases[g_rand_int_range (rand, 0, G_N_ELEMENTS (phrases))], stdout);
    }
  putchar ('"');
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GRand) rand = NULL;
  long rows;

  if (argc < 2 || (rows = strtol (argv[1], NULL, 10)) <= 0)
    {
      fprintf (stderr, "usage: fe-gen-survey ROWS [SEED] > survey.csv\n");
      return 2;
    }
  rand = g_rand_new_with_seed (argc > 2 ? (guint32) strtoul (argv[2], NULL, 10) : 20261128);

  fputs ("respondent,force,role,service,q1,q2,q3,q4,themes,why,improve\n", stdout);
  for (long r = 1; r <= rows; r++)
    {
      printf ("%ld,Force %02d,%s,%s", r, g_rand_int_range (rand, 1, 44),
              roles[g_rand_int_range (rand, 0, G_N_ELEMENTS (roles))],
              bands[g_rand_int_range (rand, 0, G_N_ELEMENTS (bands))]);
      for (int q = 0; q < 4; q++)
        {
          putchar (',');
          if (g_rand_int_range (rand, 0, 10) > 0)
            fputs (agree[g_rand_int_range (rand, 0, G_N_ELEMENTS (agree))], stdout);
        }
      putchar (',');
      for (guint t = 0, first = 1; t < G_N_ELEMENTS (themes); t++)
        if (g_rand_int_range (rand, 0, 5) == 0)
          {
            printf ("%s%s", first ? "" : ";", themes[t]);
            first = 0;
          }
      putchar (',');
      write_open_answer (rand);
      putchar (',');
      write_open_answer (rand);
      putchar ('\n');
    }
  return 0;
}
