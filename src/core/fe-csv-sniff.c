/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-csv-sniff.h"

#include <csv.h>
#include <string.h>

#define PRESCAN_RECORDS 20
#define PRESCAN_PIECE 4096

typedef struct
{
  guint n_records;
  guint n_fields[PRESCAN_RECORDS];
  guint n_non_empty[PRESCAN_RECORDS];
  guint fields;
  guint non_empty;
} Prescan;

static void
on_prescan_field (void   *field,
                  size_t  length,
                  void   *data)
{
  Prescan *ps = data;
  const char *text = field;

  ps->fields++;
  for (size_t i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      {
        ps->non_empty++;
        break;
      }
}

static void
on_prescan_record (int   terminator,
                   void *data)
{
  Prescan *ps = data;

  if (ps->n_records < PRESCAN_RECORDS)
    {
      ps->n_fields[ps->n_records] = ps->fields;
      ps->n_non_empty[ps->n_records] = ps->non_empty;
      ps->n_records++;
    }
  ps->fields = ps->non_empty = 0;
}

/* The first records of @text as libcsv reads them with @delimiter; a record cut off by the end
 * of what is looked at counts only when no record ends before it. */
static void
prescan (const char *text,
         gsize       length,
         char        delimiter,
         Prescan    *ps)
{
  struct csv_parser parser;
  gsize limit = MIN (length, (gsize) FE_CSV_PRESCAN_BYTES);

  memset (ps, 0, sizeof *ps);
  if (csv_init (&parser, 0) != 0)
    return;
  csv_set_delim (&parser, (unsigned char) delimiter);
  for (gsize at = 0; at < limit && ps->n_records < PRESCAN_RECORDS; at += PRESCAN_PIECE)
    csv_parse (&parser, text + at, MIN ((gsize) PRESCAN_PIECE, limit - at), on_prescan_field,
               on_prescan_record, ps);
  if (ps->n_records == 0)
    csv_fini (&parser, on_prescan_field, on_prescan_record, ps);
  csv_free (&parser);
}

static const char delimiter_candidates[] = { ',', ';', '\t', '|' };

char
fe_csv_sniff_delimiter (const char *text,
                        gsize       length)
{
  guint best = 0, best_agree = 0, best_mode = 0;

  for (guint k = 0; k < G_N_ELEMENTS (delimiter_candidates); k++)
    {
      Prescan ps;
      guint mode = 0, agree = 0;

      prescan (text, length, delimiter_candidates[k], &ps);
      for (guint i = 0; i < ps.n_records; i++)
        {
          guint value = ps.n_fields[i] - 1, same = 0;

          if (value == 0)
            continue;
          for (guint j = 0; j < ps.n_records; j++)
            same += ps.n_fields[j] - 1 == value;
          if (same > agree || (same == agree && value > mode))
            {
              agree = same;
              mode = value;
            }
        }
      if (agree > best_agree || (agree == best_agree && mode > best_mode))
        {
          best = k;
          best_agree = agree;
          best_mode = mode;
        }
    }
  return delimiter_candidates[best];
}

guint
fe_csv_sniff_title_records (const char *text,
                            gsize       length,
                            char        delimiter)
{
  Prescan ps;
  guint n = 0;

  prescan (text, length, delimiter, &ps);
  /* Records with nothing in them are skipped by the loader too. */
  for (guint i = 0; i < ps.n_records; i++)
    {
      if (ps.n_non_empty[i] == 0)
        continue;
      if (ps.n_non_empty[i] >= 2)
        return n;
      n++;
    }
  return 0;
}
