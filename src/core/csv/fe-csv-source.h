/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sys/stat.h>

G_BEGIN_DECLS

/* Cells are addressed with 32-bit offsets into the text. */
#define FE_CSV_MAX_TEXT_BYTES ((gsize) G_MAXUINT32 - 1)

/* Where a table's text comes from: a UTF-8 file that stays open and is read again when an
 * answer is shown, or text held in memory (converted from another encoding, or built in code).
 *
 * Reading rather than mapping the file costs one copy per byte (a few tens of milliseconds for
 * 300 MB) but a file that is truncated while it is read, or later, gives a short read and a
 * clear error, never SIGBUS; and the pages of the file never count towards the process's
 * memory. */
typedef struct
{
  int          fd;             /* -1 for text held in memory */
  guint64      base;           /* file offset of the text's first byte (after a BOM) */
  struct stat  st;
  char        *memory;         /* the text, when held in memory */
  gsize        length;
  GMutex       lock;           /* the read window and the table's cell cache */
  char        *window;
  gsize        window_start;
  gsize        window_length;
  gboolean     changed;
} FeCsvSource;

void     fe_csv_source_init          (FeCsvSource  *source);
/* Closes the file and frees the window; the memory is the table's to free. */
void     fe_csv_source_clear         (FeCsvSource  *source);

gboolean fe_csv_set_changed_error    (GError      **error,
                                      const char   *display_name);
gboolean fe_csv_set_io_error         (GError      **error,
                                      const char   *display_name,
                                      int           saved_errno);

/* Opens a regular file of at most 4 GiB as @source's file. */
gboolean fe_csv_source_open          (FeCsvSource  *source,
                                      const char   *path,
                                      const char   *display_name,
                                      GError      **error);
/* Reads the whole file into a NUL-terminated buffer, noticing a file that changes meanwhile. */
gboolean fe_csv_source_read_whole    (FeCsvSource  *source,
                                      const char   *display_name,
                                      char        **contents,
                                      GError      **error);

/* Reads text bytes [offset, offset + length) of a file source; FALSE when the file is shorter
 * than it was (it changed) or cannot be read, with *@saved_errno 0 in the first case. */
gboolean fe_csv_source_pread         (const FeCsvSource *source,
                                      char              *buffer,
                                      gsize              offset,
                                      gsize              length,
                                      int               *saved_errno);
/* FALSE when the file is no longer the one that was opened (size, time, length). */
gboolean fe_csv_source_unchanged     (const FeCsvSource *source);
/* Appends text bytes [offset, offset + length) to @out; FALSE when the file changed since it
 * was loaded. Call with the source's lock held. */
gboolean fe_csv_source_append        (FeCsvSource  *source,
                                      gsize         offset,
                                      gsize         length,
                                      GString      *out);

typedef void (*FeCsvBlockVisitor) (const char *block,
                                   gsize       length,
                                   gpointer    user_data);

/* Calls @visit on the text from its start to @end in blocks; FALSE when it cannot be read. */
gboolean fe_csv_source_visit         (FeCsvSource      *source,
                                      gsize             end,
                                      FeCsvBlockVisitor visit,
                                      gpointer          user_data);
/* The lines (1-based, as fe_text_position() counts them) of @n sorted text offsets. */
void     fe_csv_source_count_lines   (FeCsvSource  *source,
                                      const gsize  *offsets,
                                      guint        *lines,
                                      guint         n);
guint    fe_csv_source_line_at       (FeCsvSource  *source,
                                      gsize         offset);

G_END_DECLS
