/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <csv.h>
#include <glib.h>

#include "fe-csv-report.h"
#include "fe-csv-table-internal.h"

G_BEGIN_DECLS

typedef struct _FeCsvLoader FeCsvLoader;

#define FE_CSV_MAX_CHUNKS 8

typedef enum
{
  FE_CSV_CHUNK_OK,
  FE_CSV_CHUNK_ERROR,
  FE_CSV_CHUNK_CONVERT,       /* not UTF-8, or NUL bytes: convert the text and parse it again */
  FE_CSV_CHUNK_STOPPED,       /* cancelled, or no longer needed */
  FE_CSV_CHUNK_UNTERMINATED,  /* a quote never closes: an error, told once all parts are done */
} FeCsvChunkStatus;

/* A field of the record being parsed. */
typedef struct
{
  guint32   text;       /* offset of its NUL-terminated text in the chunk's record */
  guint32   length;
  gsize     raw_start;  /* where it is written */
  FeCsvSpan span;       /* where its answer is read again */
} FeCsvField;

/* One part of the text, parsed by its own libcsv parser into its own columns. */
typedef struct
{
  FeCsvLoader            *loader;
  gsize              start;
  gsize              end;          /* where this part stops: the next part's start, or the end */
  gsize              pos;          /* the next byte to give libcsv */
  gboolean           first;        /* it holds the header */
  struct csv_parser  parser;
  /* The record being parsed. */
  FeCsvField             *fields;
  guint              n_fields;
  guint              fields_size;
  char              *texts;        /* the texts of its fields, each NUL-terminated */
  gsize              texts_length;
  gsize              texts_size;
  gsize              field_start;  /* where the next field is written */
  gboolean           field_ended;  /* by the last piece */
  gboolean           record_ended;
  gboolean           out_of_memory;  /* a field's text could not be kept */
  /* The rows. */
  guint              n_rows;
  gsize              rows_size;
  FeCsvColumn       *columns;
  guint32           *row_offsets;
  FeCsvLines         short_rows;
  FeCsvLines         skipped;
  gsize              last_terminator;  /* + 1, 0 when no record ended yet */
  guint              skip_records;
  gboolean           header_taken;
  guint              since_check;
  FeCsvChunkStatus        status;
  GError            *error;
  gsize              done;         /* bytes parsed, read by the thread that reports progress */
  const guchar      *buf;          /* the text at hand, from text offset buf_offset */
  gsize              buf_offset;
  guchar            *block;
  gsize              block_size;
} FeCsvChunk;

/* The parse of a whole table: its parts, and the threads that parse them. */
struct _FeCsvLoader
{
  FeCsvTable         *table;
  const FeCsvOptions *options;
  gsize               length;
  guint               named_columns;
  FeCsvChunk               chunks[FE_CSV_MAX_CHUNKS];
  guint               n_chunks;
  GThreadPool        *pool;
  gint                stop;         /* atomic: the other parts are no longer wanted */
  GMutex              lock;
  GCond               cond;
  gint                n_finished;   /* atomic: parts done on the pool */
  gint64              last_report;
  gboolean            allow_split;
  gsize               block_size;   /* what a chunk reads at once */
  guint               dict_values;  /* values a column keeps before it turns to text */
};

void     fe_csv_chunk_init                (FeCsvChunk  *chunk,
                                           FeCsvLoader *loader,
                                           gsize        start,
                                           gsize        end,
                                           gboolean     first);
/* FALSE when the columns do not fit in memory. */
gboolean fe_csv_chunk_alloc_columns       (FeCsvChunk  *chunk,
                                           guint        stride);
void     fe_csv_chunk_clear               (FeCsvChunk  *chunk);
/* Parses from the chunk's position to its end (and the end of the text, when it is there),
 * setting its status. */
void     fe_csv_chunk_parse               (FeCsvChunk  *chunk);
/* Whether its parser, where it stopped, is between records (not inside a field). */
gboolean fe_csv_chunk_between_records     (const FeCsvChunk *chunk);
/* Where a quote that never closes opens: the line of its row when fields come before it in
 * the row, else the line after the last row's end, or 0 when that is in an earlier chunk. */
guint    fe_csv_chunk_unterminated_line   (const FeCsvChunk *chunk);

/* Reports the share of the text parsed, at most about 30 times a second unless @force. */
void     fe_csv_loader_report_progress    (FeCsvLoader *loader,
                                           gboolean     force);
/* Once the header is read: cuts the rest into parts and starts a thread for each but the
 * first, which @chunk (the header's) parses. */
void     fe_csv_loader_start_parts        (FeCsvLoader *loader,
                                           FeCsvChunk  *chunk);

G_END_DECLS
