/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-test-sav.h"

#include <math.h>
#include <readstat.h>

#include "fe-test-util.h"

gssize
fe_test_sav_write_bytes (const void *data,
                         gsize       length,
                         void       *user_data)
{
  g_byte_array_append (user_data, data, (guint) length);
  return (gssize) length;
}

char *
fe_test_write_weighted_sav (const char   *name,
                            guint         n,
                            const double *agree,
                            const double *region,
                            const double *weights)
{
  readstat_writer_t *writer = readstat_writer_init ();
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  readstat_label_set_t *agreement, *regions;
  readstat_variable_t *q, *r, *wt;

  readstat_set_data_writer (writer, fe_test_sav_write_bytes);
  agreement = readstat_add_label_set (writer, READSTAT_TYPE_DOUBLE, "agreement");
  readstat_label_double_value (agreement, 1, "Agree");
  readstat_label_double_value (agreement, 2, "Disagree");
  regions = readstat_add_label_set (writer, READSTAT_TYPE_DOUBLE, "regions");
  readstat_label_double_value (regions, 1, "North");
  readstat_label_double_value (regions, 2, "South");
  q = readstat_add_variable (writer, "agree", READSTAT_TYPE_DOUBLE, 0);
  readstat_variable_set_label (q, "Do you agree?");
  readstat_variable_set_label_set (q, agreement);
  readstat_variable_set_measure (q, READSTAT_MEASURE_NOMINAL);
  r = readstat_add_variable (writer, "region", READSTAT_TYPE_DOUBLE, 0);
  readstat_variable_set_label (r, "Region");
  readstat_variable_set_label_set (r, regions);
  readstat_variable_set_measure (r, READSTAT_MEASURE_NOMINAL);
  wt = readstat_add_variable (writer, "wt", READSTAT_TYPE_DOUBLE, 0);
  readstat_variable_set_measure (wt, READSTAT_MEASURE_SCALE);
  g_assert_cmpint (readstat_writer_set_fweight_variable (writer, wt), ==, READSTAT_OK);

  g_assert_cmpint (readstat_begin_writing_sav (writer, bytes, n), ==, READSTAT_OK);
  for (guint row = 0; row < n; row++)
    {
      readstat_begin_row (writer);
      readstat_insert_double_value (writer, q, agree[row]);
      readstat_insert_double_value (writer, r, region[row]);
      if (isnan (weights[row]))
        readstat_insert_missing_value (writer, wt);
      else
        readstat_insert_double_value (writer, wt, weights[row]);
      readstat_end_row (writer);
    }
  g_assert_cmpint (readstat_end_writing (writer), ==, READSTAT_OK);
  readstat_writer_free (writer);
  return fe_test_write_file (name, (const char *) bytes->data, bytes->len);
}

char *
fe_test_write_weighted_survey (void)
{
  const double agree[] = { 1, 2, 2, 2, 2 };
  const double region[] = { 1, 1, 2, 2, 1 };
  const double weights[] = { 3, 1, 0, NAN, -2 };

  return fe_test_write_weighted_sav ("weighted.sav", G_N_ELEMENTS (agree), agree, region,
                                     weights);
}
