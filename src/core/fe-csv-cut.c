/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-csv-cut.h"

#include <csv.h>

/* Text after a guessed cut looked at to check it, and how. */
#define SPLIT_WINDOW (256 * 1024)
#define SPLIT_CANDIDATES 16
#define SPLIT_PROBE_RECORDS 32

typedef struct
{
  guint stride;
  guint fields;
  guint records;
  guint good;
} Probe;

static void
on_probe_field (void   *text,
                size_t  length,
                void   *data)
{
  ((Probe *) data)->fields++;
}

static void
on_probe_record (int   terminator,
                 void *data)
{
  Probe *probe = data;

  /* Only the first records count: libcsv reads on to the end of the piece it is given. */
  if (probe->records < SPLIT_PROBE_RECORDS)
    probe->good += probe->fields == probe->stride;
  probe->records++;
  probe->fields = 0;
}

/* How many of the records from @p, as libcsv reads them, have as many fields as the header. */
static guint
probe_records (char          delimiter,
               guint         stride,
               const guchar *p,
               const guchar *end)
{
  struct csv_parser parser;
  Probe probe = { stride, 0, 0, 0 };

  if (csv_init (&parser, 0) != 0)
    return 0;
  csv_set_delim (&parser, (unsigned char) delimiter);
  while (p < end && probe.records < SPLIT_PROBE_RECORDS)
    {
      gsize n = MIN ((gsize) 4096, (gsize) (end - p));

      csv_parse (&parser, p, n, on_probe_field, on_probe_record, &probe);
      p += n;
    }
  csv_free (&parser);
  return probe.good;
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

