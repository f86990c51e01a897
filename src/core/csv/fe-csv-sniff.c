/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-csv-sniff.h"

#include <csv.h>
#include <string.h>

#define PRESCAN_RECORDS 20
#define SHAPE_PIECE 4096

typedef struct
{
  FeCsvShapes *shapes;
  guint        max_records;
  guint        fields;
  guint        non_empty;
} ShapeReader;

static void
on_shape_field (void   *field,
                size_t  length,
                void   *data)
{
  ShapeReader *reader = data;
  const char *text = field;

  reader->fields++;
  for (size_t i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      {
        reader->non_empty++;
        break;
      }
}

static void
on_shape_record (int   terminator,
                 void *data)
{
  ShapeReader *reader = data;
  FeCsvShapes *shapes = reader->shapes;

  /* libcsv reads on to the end of the piece it is given: only the first records count. */
  if (shapes->n_records < reader->max_records)
    {
      shapes->n_fields[shapes->n_records] = reader->fields;
      shapes->n_non_empty[shapes->n_records] = reader->non_empty;
      shapes->n_records++;
    }
  reader->fields = reader->non_empty = 0;
}

void
fe_csv_read_shapes (const char  *text,
                    gsize        length,
                    char         delimiter,
                    guint        max_records,
                    FeCsvShapes *shapes)
{
  struct csv_parser parser;
  ShapeReader reader = { shapes, MIN (max_records, FE_CSV_MAX_SHAPES), 0, 0 };

  memset (shapes, 0, sizeof *shapes);
  if (csv_init (&parser, 0) != 0)
    return;
  csv_set_delim (&parser, (unsigned char) delimiter);
  for (gsize at = 0; at < length && shapes->n_records < reader.max_records; at += SHAPE_PIECE)
    csv_parse (&parser, text + at, MIN ((gsize) SHAPE_PIECE, length - at), on_shape_field,
               on_shape_record, &reader);
  if (shapes->n_records == 0)
    csv_fini (&parser, on_shape_field, on_shape_record, &reader);
  csv_free (&parser);
}

/* The first records of @text; the rest of a large file says no more of its dialect. */
static void
prescan (const char  *text,
         gsize        length,
         char         delimiter,
         FeCsvShapes *shapes)
{
  fe_csv_read_shapes (text, MIN (length, (gsize) FE_CSV_PRESCAN_BYTES), delimiter,
                      PRESCAN_RECORDS, shapes);
}

static const char delimiter_candidates[] = { ',', ';', '\t', '|' };

char
fe_csv_sniff_delimiter (const char *text,
                        gsize       length)
{
  guint best = 0, best_agree = 0, best_mode = 0;

  for (guint k = 0; k < G_N_ELEMENTS (delimiter_candidates); k++)
    {
      FeCsvShapes ps;
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
  FeCsvShapes ps;
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
