/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ReadStat's data writer (readstat_set_data_writer()) into a GByteArray, the user data. */
gssize fe_test_sav_write_bytes (const void *data,
                                gsize       length,
                                void       *user_data);

/* Writes a .sav with ReadStat's writer, named @name in the tests' temporary folder, and returns
 * its path: a question "agree" (1 Agree, 2 Disagree), an attribute "region" (1 North,
 * 2 South) and the case weight it declares, "wt" (NaN: system-missing), one respondent per
 * index of the @n values of each. */
char *fe_test_write_weighted_sav (const char   *name,
                                  guint         n,
                                  const double *agree,
                                  const double *region,
                                  const double *weights);

/* Five respondents whose weights turn the shares around: Agree (weight 3), then Disagree
 * weighing 1, 0, nothing (missing) and -2. Unweighted, Agree is 1 of 5 (20%); weighted as SPSS
 * weights, 3 of 4 (75%), Disagree 25%, three respondents weighing nothing. */
char *fe_test_write_weighted_survey (void);

G_END_DECLS
