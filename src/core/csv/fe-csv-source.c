/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-csv-source.h"
#include "fe-csv-table.h"

#include <errno.h>
#include <fcntl.h>
#include "fe-i18n.h"
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/* Reads of text answers after loading go through a window of the file. */
#define READ_WINDOW (64 * 1024)

void
fe_csv_source_init (FeCsvSource *source)
{
  memset (source, 0, sizeof *source);
  source->fd = -1;
  g_mutex_init (&source->lock);
}

void
fe_csv_source_clear (FeCsvSource *source)
{
  if (source->fd >= 0)
    close (source->fd);
  source->fd = -1;
  g_clear_pointer (&source->window, g_free);
  g_mutex_clear (&source->lock);
}

gboolean
fe_csv_set_changed_error (GError     **error,
                          const char  *display_name)
{
  g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_CHANGED,
               _("%s, line 1, column 1: the file changed while it was being read. Wait until "
                 "the program writing it (an export, a download or a sync) has finished, then "
                 "open it again."),
               display_name);
  return FALSE;
}

gboolean
fe_csv_set_io_error (GError     **error,
                     const char  *display_name,
                     int          saved_errno)
{
  if (saved_errno == EACCES || saved_errno == EPERM)
    g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_IO,
                 _("%s, line 1, column 1: you do not have permission to read this file. Ask "
                   "its owner for access, or copy it somewhere you may open it."),
                 display_name);
  else
    g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_IO,
                 _("%s, line 1, column 1: the file cannot be read (%s). Check that it exists "
                   "and that you may open it."),
                 display_name, g_strerror (saved_errno));
  return FALSE;
}

/* Reads text bytes [offset, offset + length) of a file source; FALSE when the file is shorter
 * than it was (it changed) or cannot be read. */
gboolean
fe_csv_source_pread (const FeCsvSource *source,
                     char              *buffer,
                     gsize              offset,
                     gsize              length,
                     int               *saved_errno)
{
  gsize done = 0;

  *saved_errno = 0;
  while (done < length)
    {
      gssize n = pread (source->fd, buffer + done, length - done,
                        (off_t) (source->base + offset + done));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          *saved_errno = errno;
          return FALSE;
        }
      if (n == 0)
        return FALSE;
      done += (gsize) n;
    }
  return TRUE;
}

gboolean
fe_csv_source_unchanged (const FeCsvSource *source)
{
  struct stat now;
  char extra;

  if (source->fd < 0)
    return TRUE;
  return fstat (source->fd, &now) == 0 && now.st_size == source->st.st_size
         && now.st_mtim.tv_sec == source->st.st_mtim.tv_sec
         && now.st_mtim.tv_nsec == source->st.st_mtim.tv_nsec
         && pread (source->fd, &extra, 1, source->st.st_size) == 0;
}

/* Appends text bytes [offset, offset + length) to @out; FALSE when the file changed since it
 * was loaded. Call with the source's lock held. */
gboolean
fe_csv_source_append (FeCsvSource *source,
                      gsize        offset,
                      gsize        length,
                      GString     *out)
{
  int saved_errno;

  if (source->fd < 0)
    {
      g_string_append_len (out, source->memory + offset, (gssize) length);
      return TRUE;
    }
  if (source->changed)
    return FALSE;
  if (offset >= source->window_start
      && offset + length <= source->window_start + source->window_length)
    {
      g_string_append_len (out, source->window + (offset - source->window_start),
                           (gssize) length);
      return TRUE;
    }

  /* A new window: the file must still be the one that was loaded. */
  if (!fe_csv_source_unchanged (source))
    {
      source->changed = TRUE;
      return FALSE;
    }
  if (length > READ_WINDOW)
    {
      gsize old = out->len;

      g_string_set_size (out, old + length);
      if (!fe_csv_source_pread (source, out->str + old, offset, length, &saved_errno))
        {
          g_string_truncate (out, old);
          source->changed = TRUE;
          return FALSE;
        }
      return TRUE;
    }
  if (source->window == NULL)
    source->window = g_malloc (READ_WINDOW);
  source->window_start = offset;
  source->window_length = MIN ((gsize) READ_WINDOW, source->length - offset);
  if (!fe_csv_source_pread (source, source->window, offset, source->window_length, &saved_errno))
    {
      source->window_length = 0;
      source->changed = TRUE;
      return FALSE;
    }
  g_string_append_len (out, source->window, (gssize) length);
  return TRUE;
}

gboolean
fe_csv_source_visit (FeCsvSource       *source,
                     gsize              end,
                     FeCsvBlockVisitor  visit,
                     gpointer           user_data)
{
  g_autofree char *block = NULL;
  gsize done = 0;

  if (source->fd < 0)
    {
      visit (source->memory, end, user_data);
      return TRUE;
    }
  block = g_malloc (1024 * 1024);
  while (done < end)
    {
      gsize n = MIN ((gsize) 1024 * 1024, end - done);
      int saved_errno;

      if (!fe_csv_source_pread (source, block, done, n, &saved_errno))
        return FALSE;
      visit (block, n, user_data);
      done += n;
    }
  return TRUE;
}

/* Line numbers of sorted text offsets, counted as fe_text_position() counts them. */
typedef struct
{
  const gsize *offsets;
  guint       *lines;
  guint        n;
  guint        next;
  gsize        at;       /* text offset of the block's first byte */
  guint        line;
  gboolean     after_cr;  /* the last byte of the previous block was a CR */
} LineCount;

static void
count_lines_in_block (const char *block,
                      gsize       length,
                      gpointer    user_data)
{
  LineCount *lc = user_data;

  for (gsize i = 0; i < length && lc->next < lc->n; i++)
    {
      gsize offset = lc->at + i;

      /* A CR counts when it is not followed by a LF; at the offset asked for it always does. */
      while (lc->next < lc->n && lc->offsets[lc->next] == offset)
        lc->lines[lc->next++] = lc->line + lc->after_cr;
      if (lc->after_cr)
        lc->line += block[i] != '\n';
      lc->after_cr = block[i] == '\r';
      lc->line += block[i] == '\n';
    }
  lc->at += length;
}

void
fe_csv_source_count_lines (FeCsvSource *source,
                           const gsize *offsets,
                           guint       *lines,
                           guint        n)
{
  LineCount lc = { offsets, lines, n, 0, 0, 1, FALSE };
  gsize end;

  if (n == 0)
    return;
  end = MIN (offsets[n - 1], source->length);
  if (!fe_csv_source_visit (source, end, count_lines_in_block, &lc))
    lc.after_cr = FALSE;
  while (lc.next < n)
    lines[lc.next++] = lc.line + lc.after_cr;
}

guint
fe_csv_source_line_at (FeCsvSource *source,
                       gsize        offset)
{
  guint line = 1;

  fe_csv_source_count_lines (source, &offset, &line, 1);
  return line;
}


/* Reads a whole regular file, refusing what would not fit, and noticing a file that grows,
 * shrinks or is rewritten meanwhile. */
gboolean
fe_csv_source_read_whole (FeCsvSource  *source,
                          const char   *display_name,
                          char        **contents_out,
                          GError      **error)
{
  gsize size = (gsize) source->st.st_size;
  g_autofree char *contents = g_try_malloc (size + 1);
  int saved_errno;

  if (contents == NULL)
    {
      g_autofree char *text = g_format_size ((guint64) size);

      g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_TOO_LARGE,
                   _("%s, line 1, column 1: the file is too large to load (%s). Findings "
                     "Explorer holds up to 4 GiB of text in memory. Split it into smaller files, "
                     "or leave out columns you do not need."),
                   display_name, text);
      return FALSE;
    }
  if (size > 0)
    {
      FeCsvSource whole = *source;

      whole.base = 0;
      if (!fe_csv_source_pread (&whole, contents, 0, size, &saved_errno))
        return saved_errno != 0 ? fe_csv_set_io_error (error, display_name, saved_errno)
                                : fe_csv_set_changed_error (error, display_name);
    }
  if (!fe_csv_source_unchanged (source))
    return fe_csv_set_changed_error (error, display_name);
  contents[size] = '\0';
  *contents_out = g_steal_pointer (&contents);
  return TRUE;
}

/* A folder, a pipe, a socket or a device, which cannot be read as a file: FALSE with @error. */
static gboolean
check_ordinary (const struct stat  *st,
                const char         *display_name,
                GError            **error)
{
  if (S_ISREG (st->st_mode))
    return TRUE;
  if (S_ISDIR (st->st_mode))
    g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_IO,
                 _("%s, line 1, column 1: this is a folder, not a CSV file. Choose the CSV file "
                   "inside it."),
                 display_name);
  else
    g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_IO,
                 _("%s, line 1, column 1: this is not an ordinary file but a pipe, a socket or "
                   "a device, which Findings Explorer cannot read. Save the data to a file and "
                   "open that file."),
                 display_name);
  return FALSE;
}

int
fe_csv_open_input (const char  *path,
                   const char  *display_name,
                   GStatBuf    *st,
                   GError     **error)
{
  GStatBuf before;
  int fd, flags;

  /* Opening a pipe waits for a writer, and opening a device may wait for it: look first, and
   * open without waiting in case the file is replaced in between. */
  if (g_stat (path, &before) != 0)
    return (fe_csv_set_io_error (error, display_name, errno), -1);
  if (!check_ordinary (&before, display_name, error))
    return -1;
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    return (fe_csv_set_io_error (error, display_name, errno), -1);
  if (fstat (fd, st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      return (fe_csv_set_io_error (error, display_name, saved_errno), -1);
    }
  if (!check_ordinary (st, display_name, error))
    {
      close (fd);
      return -1;
    }
  flags = fcntl (fd, F_GETFL);
  if (flags >= 0)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);
  return fd;
}

gboolean
fe_csv_source_open (FeCsvSource  *source,
                    const char   *path,
                    const char   *display_name,
                    GError      **error)
{
  int fd = fe_csv_open_input (path, display_name, &source->st, error);

  if (fd < 0)
    return FALSE;
  if ((guint64) source->st.st_size > FE_CSV_MAX_TEXT_BYTES)
    {
      g_autofree char *size = g_format_size ((guint64) source->st.st_size);

      close (fd);
      g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_TOO_LARGE,
                   _("%s, line 1, column 1: the file is too large to load (%s). Findings "
                     "Explorer holds up to 4 GiB of text in memory. Split it into smaller files, "
                     "or leave out columns you do not need."),
                   display_name, size);
      return FALSE;
    }
  source->fd = fd;
  return TRUE;
}
