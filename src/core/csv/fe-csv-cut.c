/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-csv-cut.h"

#include "fe-csv-sniff.h"

/* Text after a guessed cut looked at to check it, and how. */
#define SPLIT_WINDOW (256 * 1024)
#define SPLIT_CANDIDATES 16
#define SPLIT_PROBE_RECORDS 32

/* How many of the first records from @p, as libcsv reads them, have as many fields as the
 * header. */
static guint
probe_records (char          delimiter,
               guint         stride,
               const guchar *p,
               const guchar *end)
{
  FeCsvShapes shapes;
  guint good = 0;

  fe_csv_read_shapes ((const char *) p, (gsize) (end - p), delimiter, SPLIT_PROBE_RECORDS,
                      &shapes);
  for (guint i = 0; i < shapes.n_records; i++)
    good += shapes.n_fields[i] == stride;
  return good;
}

/* A line end at or after @target after which libcsv reads records with as many fields as the
 * header, or 0. */
gsize
fe_csv_find_cut (FeCsvSource *source,
                 char         delimiter,
                 guint        stride,
                 gsize        target)
{
  gsize n = MIN ((gsize) SPLIT_WINDOW, source->length - target);
  g_autofree guchar *copy = NULL;
  const guchar *window, *end, *p, *best = NULL;
  guint best_score = 0;
  int saved_errno;

  if (source->fd < 0)
    window = (const guchar *) source->memory + target;
  else
    {
      copy = g_malloc (n);
      if (!fe_csv_source_pread (source, (char *) copy, target, n, &saved_errno))
        return 0;
      window = copy;
    }
  end = window + n;
  p = window;
  for (guint i = 0; i < SPLIT_CANDIDATES && p < end; i++)
    {
      guint score;

      while (p < end && *p != '\n' && *p != '\r')
        p++;
      if (p == end)
        break;
      p += p[0] == '\r' && p + 1 < end && p[1] == '\n' ? 2 : 1;
      score = probe_records (delimiter, stride, p, end);
      if (score > best_score)
        {
          best = p;
          best_score = score;
        }
      if (score == SPLIT_PROBE_RECORDS)
        break;
    }
  return best != NULL ? target + (gsize) (best - window) : 0;
}

