/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-csv-table.h"
#include "fe-csv-table-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "fe-text-decode.h"

/* How a file is read.
 *
 * A UTF-8 file is never held whole: it is read in blocks into two buffers, one per thread, and
 * parsed as it comes. The file stays open; answers too varied to store as values (free text,
 * ids) are kept as the offset and length of their bytes in it and read again when shown. Other
 * encodings (UTF-16, Windows-1252 repairs, NUL bytes) are converted once into one buffer, and
 * the same parser runs on that.
 *
 * Reading rather than mapping the file costs one copy per byte (a few tens of milliseconds for
 * 300 MB) but a file that is truncated while it is read, or later, gives a short read and a clear
 * error, never SIGBUS; and the pages of the file never count towards the process's memory.
 *
 * The parser follows libcsv's grammar (libcsv.c 3.0.3, not strict) byte for byte, which
 * tests/test-csv-scan.c checks against libcsv itself on random input: leading spaces and tabs
 * are skipped, a quote opens a quoted field only as its first character, a doubled quote inside
 * one is a quote, text after a closing quote continues the field, and blank lines are not rows.
 * It is written out here rather than called because libcsv copies every byte through a
 * callback (1.2 s for 300 MB on one core), and because it does not say where a field lies in
 * the file, which keeping text as offsets needs.
 *
 * Two threads share the parse: after the header, the rest is cut in two at a line end that a
 * look at the text around the middle takes to lie between records. The second thread starts
 * there; the first stops there only if its own parse ends a record exactly there, and otherwise
 * parses on to the end alone, so the guess can cost time but never change a result. Each
 * thread keeps its own per-column dictionaries, merged afterwards. */

G_DEFINE_QUARK (fe-csv-error-quark, fe_csv_error)

/* Cells are addressed with 32-bit offsets into the text. */
#define MAX_TEXT_BYTES ((gsize) G_MAXUINT32 - 1)

/* Span lengths share their word with a flag. */
#define SPAN_DECODE 0x80000000u
#define SPAN_LENGTH(length) ((length) & 0x7fffffffu)
#define MAX_CELL_BYTES 0x7fffffffu

/* Delimiter detection and title-line detection look at this much of the file only. */
#define PRESCAN_BYTES (64 * 1024)
#define PRESCAN_RECORDS 20

/* Lines kept for a message; the rest are only counted. */
#define MAX_LISTED_LINES 5

/* A column keeps its answers as values until it has this many distinct ones, or this many bytes
 * of them, in one thread's part of the file; then it keeps offsets into the file. */
#define DICT_MAX_VALUES 65536
#define DICT_MAX_BYTES (4 * 1024 * 1024)

/* A column with more distinct values than this, whose values are not made of a few ';'-joined
 * options and nearly all differ (nine in ten answers new), cannot be anything but open text or
 * an id for role inference: it keeps offsets at once, which spares hashing every answer. One
 * whose values repeat is a category however many it has (four hundred employers). */
#define DICT_TEXT_VALUES 256
/* Past this many, values that repeat less than twice each are taken for text too. */
#define DICT_CATEGORY_VALUES 4096

/* The first rows may become header rows (survey exports); they always stay values, so that
 * what is said about a column's text can leave them out. */
#define HEAD_ROWS 3

/* How often a thread looks at the cancellable and reports progress, in records. */
#define CHECK_EVERY 4096

/* Text around the middle of the file looked at to cut it between records. */
#define SPLIT_WINDOW (256 * 1024)
#define SPLIT_PROBE_RECORDS 32

/* Reads of text answers after loading go through a window of the file. */
#define READ_WINDOW (64 * 1024)

static gsize tuning_block_size = 4 * 1024 * 1024;
static gsize tuning_split_min = 4 * 1024 * 1024;
static guint tuning_dict_values = DICT_MAX_VALUES;

void
fe_csv_table_set_tuning (gsize block_size,
                         gsize split_min,
                         guint dict_values)
{
  tuning_block_size = block_size ? MAX (block_size, 16) : 4 * 1024 * 1024;
  tuning_split_min = split_min ? split_min : 4 * 1024 * 1024;
  tuning_dict_values = dict_values ? dict_values : DICT_MAX_VALUES;
}

typedef struct
{
  guint32 offset;
  guint32 length;  /* SPAN_LENGTH bytes, with SPAN_DECODE when they are quoted raw text */
} Span;

static const Span empty_span = { 0, 0 };

/* One distinct value of a column. */
typedef struct
{
  guint64 hash;
  guint32 text;       /* offset of the NUL-terminated value in the dictionary's strings */
  guint32 length;
  guint32 count;      /* rows that give it, header rows included */
  guint32 first_row;  /* the first of them */
  Span    first;      /* where it was first seen: any occurrence stands for the others */
} Entry;

typedef struct
{
  Entry   *entries;   /* entries[0] is the empty value */
  guint    n_entries;
  guint    entries_size;
  guint32 *slots;     /* open addressing: entry index + 1, 0 when free */
  guint    slot_mask;
  char    *strings;
  gsize    strings_length;
  gsize    strings_size;
} Dict;

/* What is known of the answers of a column kept as text, for role inference. */
typedef struct
{
  guint       n_answered;
  gboolean    not_integers;
  GArray     *integers;   /* gint64, every answer while all are whole numbers */
  gint64      min_integer;
  gint64      max_integer;
  guint       n_with_semicolon;
  guint       n_with_comma;
  GHashTable *tokens;     /* token → count; NULL once there are too many */
  guint       n_tokens;
} Stats;

typedef struct
{
  gboolean  text;     /* spans, not values */
  guint32  *ids;      /* values: entry per row, 0 = empty */
  Span     *spans;    /* text: where each answer is, or an empty span */
  Dict      dict;
  GHashTable *tokens_seen;  /* values: the ';'-separated options seen, made when the first is */
  gboolean  tokens_over;    /* too many options were seen for a multi-select */
  Stats     stats;    /* text: rows past the head rows */
  char     *head[HEAD_ROWS];  /* text: the first rows' answers, NULL when empty */
  /* Listing: the values of the data rows, in order of first occurrence. */
  guint     n_listed;
  guint32  *listed;   /* entry ids */
  guint32  *position; /* entry id → listing index, G_MAXUINT32 when not listed */
  guint32  *listed_count;
  guint32  *listed_first;
} Column;

typedef struct
{
  GArray *offsets;  /* gsize, the first few */
  guint   count;
} OffsetList;

typedef struct
{
  int          fd;             /* -1 for text held in memory */
  guint64      base;           /* file offset of the text's first byte (after a BOM) */
  struct stat  st;
  char        *memory;         /* the text, when held in memory */
  gsize        length;
  GMutex       lock;           /* the read window and the cell cache */
  char        *window;
  gsize        window_start;
  gsize        window_length;
  gboolean     changed;
} Source;

struct _FeCsvTable
{
  char       *name;
  guint       n_columns;   /* columns shown: without unnamed, empty trailing ones */
  guint       stride;      /* columns stored */
  guint       n_stored;    /* stored rows, header rows taken from the data included */
  guint       first_row;   /* stored rows taken as header rows */
  char        delimiter;
  GPtrArray  *header;      /* char*, a name for each shown column */
  GPtrArray  *header_cells; /* char*, the header line as written (stride) */
  Column     *columns;     /* stride */
  guint32    *row_offsets; /* text offset of each stored row */
  guint      *lines;       /* line of each stored row: given, or counted when first asked */
  gboolean    built;       /* made with fe_csv_table_new() */
  GPtrArray  *warnings;    /* char* */
  Source      source;
  GHashTable *cache;       /* stored row × stride + column → char*, cells read from the file */
  GString    *built_text;  /* the text of a table made with fe_csv_table_new() */
};

/* ---------------------------------------------------------------------------------------- */
/* Reading the text                                                                          */

static gboolean
set_changed_error (GError     **error,
                   const char  *display_name)
{
  g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_CHANGED,
               _("%s, line 1, column 1: the file changed while it was being read. Wait until "
                 "the program writing it (an export, a download or a sync) has finished, then "
                 "open it again."),
               display_name);
  return FALSE;
}

static gboolean
set_io_error (GError     **error,
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
static gboolean
source_pread (const Source *source,
              char         *buffer,
              gsize         offset,
              gsize         length,
              int          *saved_errno)
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

static gboolean
source_unchanged (const Source *source)
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
static gboolean
source_append (Source  *source,
               gsize    offset,
               gsize    length,
               GString *out)
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
  if (!source_unchanged (source))
    {
      source->changed = TRUE;
      return FALSE;
    }
  if (length > READ_WINDOW)
    {
      gsize old = out->len;

      g_string_set_size (out, old + length);
      if (!source_pread (source, out->str + old, offset, length, &saved_errno))
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
  if (!source_pread (source, source->window, offset, source->window_length, &saved_errno))
    {
      source->window_length = 0;
      source->changed = TRUE;
      return FALSE;
    }
  g_string_append_len (out, source->window, (gssize) length);
  return TRUE;
}

/* Calls @visit on the text from its start to @end in blocks; FALSE when it cannot be read. */
typedef void (*BlockVisitor) (const char *block, gsize length, gpointer user_data);

static gboolean
source_visit (Source       *source,
              gsize         end,
              BlockVisitor  visit,
              gpointer      user_data)
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

      if (!source_pread (source, block, done, n, &saved_errno))
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

static void
source_count_lines (Source      *source,
                    const gsize *offsets,
                    guint       *lines,
                    guint        n)
{
  LineCount lc = { offsets, lines, n, 0, 0, 1, FALSE };
  gsize end;

  if (n == 0)
    return;
  end = MIN (offsets[n - 1], source->length);
  if (!source_visit (source, end, count_lines_in_block, &lc))
    lc.after_cr = FALSE;
  while (lc.next < n)
    lines[lc.next++] = lc.line + lc.after_cr;
}

static guint
source_line_at (Source *source,
                gsize   offset)
{
  guint line = 1;

  source_count_lines (source, &offset, &line, 1);
  return line;
}

/* ---------------------------------------------------------------------------------------- */
/* The scanner                                                                               */

enum
{
  CLASS_PLAIN,
  CLASS_DELIM,
  CLASS_TERM,
  CLASS_QUOTE,
  CLASS_HIGH,
  CLASS_NUL,
  CLASS_CR,
};

typedef struct
{
  guint32 start;   /* offset in the block of the trimmed value, or of the raw text after the
                    * opening quote when it must be decoded */
  guint32 length;  /* with SPAN_DECODE */
} Field;

typedef struct
{
  guchar  delim;
  guint8  plain[256];   /* outside quotes */
  guint8  quoted[256];  /* inside quotes */
  Field  *fields;
  guint   n_fields;
  guint   fields_size;
  const guchar *record;      /* where the last record starts */
  const guchar *terminator;  /* its CR or LF, NULL when it ended with the text */
  guint   error_field;       /* the field of an unterminated quote */
} Scanner;

typedef enum
{
  SCAN_RECORD,
  SCAN_NONE,          /* only blank lines up to the end */
  SCAN_MORE,          /* a record goes on past the end: more text is needed */
  SCAN_BAD,           /* a NUL byte or bytes that are not UTF-8: the text must be converted */
  SCAN_UNTERMINATED,  /* a quoted field is still open at the end of the text */
  SCAN_TOO_LONG,      /* a field of 2 GiB or more */
} ScanResult;

static void
scanner_init (Scanner *s,
              char     delimiter)
{
  memset (s, 0, sizeof *s);
  s->delim = (guchar) delimiter;
  for (guint c = 0; c < 256; c++)
    {
      s->plain[c] = c >= 0x80 ? CLASS_HIGH : CLASS_PLAIN;
      s->quoted[c] = s->plain[c];
    }
  s->plain['\r'] = s->plain['\n'] = CLASS_TERM;
  s->plain[0] = s->quoted[0] = CLASS_NUL;
  s->quoted['"'] = CLASS_QUOTE;
  s->quoted['\r'] = CLASS_CR;
  s->plain[s->delim] = CLASS_DELIM;
  s->fields_size = 64;
  s->fields = g_new (Field, s->fields_size);
}

/* The first byte from @p on that ends a run of plain bytes outside quotes (a delimiter, a line
 * end, a NUL byte or a byte ≥ 0x80), or @end. Sixteen bytes at a time where SSE2 is there (all
 * x86-64): most of the time of a load goes here. */
static inline const guchar *
skip_plain (const Scanner *s,
            const guchar  *p,
            const guchar  *end)
{
#ifdef __SSE2__
  const __m128i delim = _mm_set1_epi8 ((char) s->delim);
  const __m128i cr = _mm_set1_epi8 ('\r');
  const __m128i lf = _mm_set1_epi8 ('\n');
  const __m128i zero = _mm_setzero_si128 ();

  while (end - p >= 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *) p);
      __m128i special = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (v, delim),
                                                    _mm_cmpeq_epi8 (v, cr)),
                                      _mm_or_si128 (_mm_cmpeq_epi8 (v, lf),
                                                    _mm_cmpeq_epi8 (v, zero)));
      int mask = _mm_movemask_epi8 (special) | _mm_movemask_epi8 (v);

      if (mask != 0)
        return p + __builtin_ctz ((unsigned) mask);
      p += 16;
    }
#endif
  while (p < end && s->plain[*p] == CLASS_PLAIN)
    p++;
  return p;
}

/* The same inside quotes: a quote, a CR, a NUL byte or a byte ≥ 0x80. */
static inline const guchar *
skip_quoted (const Scanner *s,
             const guchar  *p,
             const guchar  *end)
{
#ifdef __SSE2__
  const __m128i quote = _mm_set1_epi8 ('"');
  const __m128i cr = _mm_set1_epi8 ('\r');
  const __m128i zero = _mm_setzero_si128 ();

  while (end - p >= 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *) p);
      __m128i special = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (v, quote),
                                                    _mm_cmpeq_epi8 (v, cr)),
                                      _mm_cmpeq_epi8 (v, zero));
      int mask = _mm_movemask_epi8 (special) | _mm_movemask_epi8 (v);

      if (mask != 0)
        return p + __builtin_ctz ((unsigned) mask);
      p += 16;
    }
#endif
  while (p < end && s->quoted[*p] == CLASS_PLAIN)
    p++;
  return p;
}

static void
scanner_clear (Scanner *s)
{
  g_clear_pointer (&s->fields, g_free);
}

/* GLib's g_ascii_isspace() leaves out the vertical tab. */
static inline gboolean
is_blank (guchar c)
{
  return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Space or tab that libcsv skips around fields (not when it is the delimiter). */
static inline gboolean
is_space (guchar c,
          guchar delim)
{
  return (c == ' ' || c == '\t') && c != delim;
}

/* The length of the UTF-8 sequence at @p (a byte ≥ 0x80) as g_utf8_validate() accepts it: 0
 * when it is not valid, -1 when the text ends inside it. */
static inline int
utf8_sequence (const guchar *p,
               const guchar *end)
{
  guchar c = p[0];
  guchar lo = 0x80, hi = 0xbf;
  int n;

  if (c >= 0xc2 && c <= 0xdf)
    n = 2;
  else if (c >= 0xe0 && c <= 0xef)
    {
      n = 3;
      if (c == 0xe0)
        lo = 0xa0;
      else if (c == 0xed)
        hi = 0x9f;
    }
  else if (c >= 0xf0 && c <= 0xf4)
    {
      n = 4;
      if (c == 0xf0)
        lo = 0x90;
      else if (c == 0xf4)
        hi = 0x8f;
    }
  else
    return 0;

  for (int i = 1; i < n; i++)
    {
      if (p + i >= end)
        return -1;
      if (p[i] < lo || p[i] > hi)
        return 0;
      lo = 0x80;
      hi = 0xbf;
    }
  return n;
}

static inline void
add_field (Scanner      *s,
           const guchar *base,
           const guchar *start,
           const guchar *stop,
           guint32       flags)
{
  Field *f;

  if (G_UNLIKELY (s->n_fields == s->fields_size))
    {
      s->fields_size *= 2;
      s->fields = g_renew (Field, s->fields, s->fields_size);
    }
  if (flags == 0)
    {
      while (start < stop && is_blank (*start))
        start++;
      while (stop > start && is_blank (stop[-1]))
        stop--;
    }
  f = &s->fields[s->n_fields++];
  f->start = (guint32) (start - base);
  f->length = (guint32) (stop - start) | flags;
}

/* The rest of a quoted field whose closing quote at @p is followed by neither a delimiter nor
 * a line end: libcsv's states FIELD_BEGUN (quoted) and FIELD_MIGHT_HAVE_ENDED, one byte at a
 * time. Sets *@stop to where the field ends (its delimiter or line end, or the end of the text)
 * and returns the byte after it, or NULL with *@result. */
static const guchar *
scan_irregular_quoted (Scanner       *s,
                       const guchar  *p,
                       const guchar  *end,
                       gboolean       eof,
                       const guchar **stop,
                       gboolean      *ends_record,
                       ScanResult    *result)
{
  gboolean might_have_ended = TRUE;
  guint spaces = 0;

  for (p++;; p++)
    {
      guchar c;

      if (p == end)
        {
          if (!eof)
            *result = SCAN_MORE;
          else if (!might_have_ended)
            *result = SCAN_UNTERMINATED;
          else
            {
              *stop = end;
              *ends_record = TRUE;
              return end;
            }
          return NULL;
        }
      c = *p;
      if (c == 0)
        {
          *result = SCAN_BAD;
          return NULL;
        }
      if (c >= 0x80)
        {
          int n = utf8_sequence (p, end);

          if (n <= 0)
            {
              *result = n < 0 && !eof ? SCAN_MORE : SCAN_BAD;
              return NULL;
            }
          p += n - 1;
          might_have_ended = FALSE;
          spaces = 0;
          continue;
        }
      if (!might_have_ended)
        {
          if (c == '"')
            might_have_ended = TRUE;
          continue;
        }
      if (c == s->delim || c == '\r' || c == '\n')
        {
          *stop = p;
          *ends_record = c != s->delim;
          return p + 1;
        }
      if (c == ' ' || c == '\t')
        spaces++;
      else if (c == '"' && spaces > 0)
        spaces = 0;
      else
        {
          might_have_ended = FALSE;
          spaces = 0;
        }
    }
}

/* Parses the record at @p (after any blank lines) up to @end, which is the end of the text when
 * @eof. On SCAN_RECORD the fields are in s->fields and *@next is past the record. */
static ScanResult
scan_record (Scanner       *s,
             const guchar  *base,
             const guchar  *p,
             const guchar  *end,
             gboolean       eof,
             const guchar **next)
{
  const guchar delim = s->delim;
  const guint8 *plain = s->plain;
  const guint8 *quoted = s->quoted;

  s->n_fields = 0;
  while (p < end && (is_space (*p, delim) || *p == '\r' || *p == '\n'))
    p++;
  *next = p;
  if (p == end)
    return SCAN_NONE;
  s->record = p;

  for (;;)
    {
      const guchar *start;
      guchar c;

      /* At the start of a field: libcsv's FIELD_NOT_BEGUN. */
      while (p < end && is_space (*p, delim))
        p++;
      if (p == end)
        {
          if (!eof)
            return SCAN_MORE;
          add_field (s, base, p, p, 0);
          s->terminator = NULL;
          *next = p;
          return SCAN_RECORD;
        }
      c = *p;
      if (c == '\r' || c == '\n')
        {
          add_field (s, base, p, p, 0);
          s->terminator = p;
          *next = p + 1;
          return SCAN_RECORD;
        }
      if (c == delim)
        {
          add_field (s, base, p, p, 0);
          p++;
          continue;
        }

      if (c != '"')
        {
          /* Unquoted: up to the next delimiter or line end; a quote is a character. */
          start = p;
          for (;;)
            {
              p = skip_plain (s, p, end);
              if (p == end)
                {
                  if (!eof)
                    return SCAN_MORE;
                  if ((gsize) (p - start) > MAX_CELL_BYTES)
                    return SCAN_TOO_LONG;
                  add_field (s, base, start, p, 0);
                  s->terminator = NULL;
                  *next = p;
                  return SCAN_RECORD;
                }
              if (plain[*p] == CLASS_HIGH)
                {
                  int n = utf8_sequence (p, end);

                  if (n <= 0)
                    return n < 0 && !eof ? SCAN_MORE : SCAN_BAD;
                  p += n;
                  continue;
                }
              if (plain[*p] == CLASS_NUL)
                return SCAN_BAD;
              break;
            }
          if ((gsize) (p - start) > MAX_CELL_BYTES)
            return SCAN_TOO_LONG;
          add_field (s, base, start, p, 0);
          if (*p == delim)
            {
              p++;
              continue;
            }
          s->terminator = p;
          *next = p + 1;
          return SCAN_RECORD;
        }

      /* Quoted: up to a closing quote followed by a delimiter or a line end. */
      {
        guint32 flags = 0;
        const guchar *stop = NULL;
        const guchar *term = NULL;
        gboolean ends_record = FALSE;

        start = ++p;
        for (;;)
          {
            guint8 cls;

            p = skip_quoted (s, p, end);
            if (p == end)
              {
                if (!eof)
                  return SCAN_MORE;
                s->error_field = s->n_fields;
                return SCAN_UNTERMINATED;
              }
            cls = quoted[*p];
            if (cls == CLASS_HIGH)
              {
                int n = utf8_sequence (p, end);

                if (n <= 0)
                  return n < 0 && !eof ? SCAN_MORE : SCAN_BAD;
                p += n;
                continue;
              }
            if (cls == CLASS_NUL)
              return SCAN_BAD;
            if (cls == CLASS_CR)
              {
                flags = SPAN_DECODE;
                p++;
                continue;
              }
            /* A quote. */
            if (p + 1 == end)
              {
                if (!eof)
                  return SCAN_MORE;
                stop = p + 1;
                ends_record = TRUE;
                p = end;
                flags = SPAN_DECODE;
                break;
              }
            c = p[1];
            if (c == '"')
              {
                flags = SPAN_DECODE;
                p += 2;
                continue;
              }
            if (c == delim || c == '\r' || c == '\n')
              {
                if (flags != 0)
                  stop = p + 1;
                else
                  stop = p;
                ends_record = c != delim;
                term = ends_record ? p + 1 : NULL;
                p += 2;
                break;
              }
            {
              ScanResult result = SCAN_RECORD;
              const guchar *after = scan_irregular_quoted (s, p, end, eof, &stop, &ends_record,
                                                           &result);

              if (after == NULL)
                {
                  if (result == SCAN_UNTERMINATED)
                    s->error_field = s->n_fields;
                  return result;
                }
              flags = SPAN_DECODE;
              if (ends_record && stop < end)
                term = stop;
              p = after;
              break;
            }
          }
        if ((gsize) (stop - start) > MAX_CELL_BYTES)
          return SCAN_TOO_LONG;
        add_field (s, base, start, stop, flags);
        if (!ends_record)
          continue;
        s->terminator = term;
        *next = p;
        return SCAN_RECORD;
      }
    }
}

/* The text of a quoted field as libcsv gives it: @raw runs from after the opening quote to the
 * delimiter or line end that ended the field (or the end of the text). */
static void
decode_quoted (const char *raw,
               gsize       length,
               GString    *out)
{
  gboolean might_have_ended = FALSE;
  guint spaces = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = raw[i];

      if (!might_have_ended)
        {
          /* Up to the next quote in one go: most of an answer. */
          const char *quote = memchr (raw + i, '"', length - i);
          gsize stop = quote ? (gsize) (quote - raw) + 1 : length;

          g_string_append_len (out, raw + i, (gssize) (stop - i));
          i = stop - 1;
          if (quote != NULL)
            might_have_ended = TRUE;
        }
      else if (c == ' ' || c == '\t')
        {
          g_string_append_c (out, c);
          spaces++;
        }
      else if (c == '"' && spaces > 0)
        {
          spaces = 0;
          g_string_append_c (out, c);
        }
      else if (c == '"')
        might_have_ended = FALSE;
      else
        {
          might_have_ended = FALSE;
          spaces = 0;
          g_string_append_c (out, c);
        }
    }
  if (might_have_ended)
    g_string_truncate (out, out->len - MIN (out->len, spaces + 1));
}

/* Trims what starts at @from in @out and makes its line ends \n, as every cell is stored. */
static void
tidy_cell (GString *out,
           gsize    from)
{
  char *text = out->str + from;
  gsize length = out->len - from;
  gsize start = 0, end = length, written = 0;

  while (start < end && is_blank ((guchar) text[start]))
    start++;
  while (end > start && is_blank ((guchar) text[end - 1]))
    end--;
  if (memchr (text + start, '\r', end - start) == NULL)
    {
      memmove (text, text + start, end - start);
      g_string_truncate (out, from + (end - start));
      return;
    }
  for (gsize i = start; i < end; i++)
    {
      if (text[i] == '\r')
        {
          text[written++] = '\n';
          if (i + 1 < end && text[i + 1] == '\n')
            i++;
        }
      else
        text[written++] = text[i];
    }
  g_string_truncate (out, from + written);
}

/* Appends the cell text of a field whose bytes are at @raw. */
static void
append_field_text (const char *raw,
                   guint32     length,
                   GString    *out)
{
  gsize from = out->len;

  if ((length & SPAN_DECODE) == 0)
    {
      g_string_append_len (out, raw, SPAN_LENGTH (length));
      return;
    }
  decode_quoted (raw, SPAN_LENGTH (length), out);
  tidy_cell (out, from);
}

/* ---------------------------------------------------------------------------------------- */
/* Dictionaries                                                                              */

static inline guint64
hash_bytes (const char *p,
            gsize       n)
{
  guint64 h = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^ n;

  while (n >= 8)
    {
      guint64 w;

      memcpy (&w, p, 8);
      h = (h ^ w) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
      h ^= h >> 32;
      p += 8;
      n -= 8;
    }
  if (n > 0)
    {
      guint64 w = 0;

      memcpy (&w, p, n);
      h = (h ^ w) * G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
    }
  h ^= h >> 29;
  h *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  return h ^ (h >> 32);
}

static void
dict_init (Dict *dict)
{
  /* Small to start with: a file may have 100,000 columns of a value or two each. */
  dict->entries_size = 4;
  dict->entries = g_new0 (Entry, dict->entries_size);
  dict->n_entries = 1;
  dict->slot_mask = 7;
  dict->slots = g_new0 (guint32, dict->slot_mask + 1);
  dict->strings_size = 32;
  dict->strings = g_malloc (dict->strings_size);
  dict->strings[0] = '\0';
  dict->strings_length = 1;
}

static void
dict_clear (Dict *dict)
{
  g_clear_pointer (&dict->entries, g_free);
  g_clear_pointer (&dict->slots, g_free);
  g_clear_pointer (&dict->strings, g_free);
  dict->n_entries = 0;
}

static void
dict_grow_slots (Dict *dict)
{
  guint mask = dict->slot_mask * 2 + 1;
  guint32 *slots = g_new0 (guint32, (gsize) mask + 1);

  for (guint e = 1; e < dict->n_entries; e++)
    {
      guint i = (guint) dict->entries[e].hash & mask;

      while (slots[i] != 0)
        i = (i + 1) & mask;
      slots[i] = e + 1;
    }
  g_free (dict->slots);
  dict->slots = slots;
  dict->slot_mask = mask;
}

/* Equal bytes, without a call for the short values most columns hold. */
static inline gboolean
same_bytes (const char *a,
            const char *b,
            gsize       n)
{
  guint64 wa, wb, wc, wd;

  if (n > 16)
    return memcmp (a, b, n) == 0;
  if (n >= 8)
    {
      memcpy (&wa, a, 8);
      memcpy (&wb, b, 8);
      memcpy (&wc, a + n - 8, 8);
      memcpy (&wd, b + n - 8, 8);
      return wa == wb && wc == wd;
    }
  for (gsize i = 0; i < n; i++)
    if (a[i] != b[i])
      return FALSE;
  return TRUE;
}

static inline const char *
dict_text (const Dict *dict,
           guint       entry)
{
  return dict->strings + dict->entries[entry].text;
}

/* The entry of @text, added with @row and @where when new. */
static inline guint
dict_intern (Dict       *dict,
             const char *text,
             gsize       length,
             guint64     hash,
             guint       row,
             Span        where,
             gboolean   *added)
{
  guint i = (guint) hash & dict->slot_mask;
  Entry *entry;
  guint e;

  for (; dict->slots[i] != 0; i = (i + 1) & dict->slot_mask)
    {
      entry = &dict->entries[dict->slots[i] - 1];
      if (entry->hash == hash && entry->length == length
          && same_bytes (dict->strings + entry->text, text, length))
        {
          *added = FALSE;
          return dict->slots[i] - 1;
        }
    }

  if (dict->n_entries == dict->entries_size)
    {
      dict->entries_size *= 2;
      dict->entries = g_renew (Entry, dict->entries, dict->entries_size);
    }
  if (dict->strings_length + length + 1 > dict->strings_size)
    {
      while (dict->strings_length + length + 1 > dict->strings_size)
        dict->strings_size *= 2;
      dict->strings = g_realloc (dict->strings, dict->strings_size);
    }
  e = dict->n_entries++;
  entry = &dict->entries[e];
  entry->hash = hash;
  entry->text = (guint32) dict->strings_length;
  entry->length = (guint32) length;
  entry->count = 0;
  entry->first_row = row;
  entry->first = where;
  memcpy (dict->strings + dict->strings_length, text, length);
  dict->strings[dict->strings_length + length] = '\0';
  dict->strings_length += length + 1;
  dict->slots[i] = e + 1;
  if (dict->n_entries * 2 > dict->slot_mask)
    dict_grow_slots (dict);
  *added = TRUE;
  return e;
}

static gboolean
dict_is_full (const Dict *dict)
{
  return dict->n_entries > tuning_dict_values || dict->strings_length > DICT_MAX_BYTES;
}

/* ---------------------------------------------------------------------------------------- */
/* What is known of text columns                                                             */

static void
stats_init (Stats *stats)
{
  memset (stats, 0, sizeof *stats);
  stats->integers = g_array_new (FALSE, FALSE, sizeof (gint64));
  stats->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  stats->min_integer = G_MAXINT64;
  stats->max_integer = G_MININT64;
}

static void
stats_clear (Stats *stats)
{
  g_clear_pointer (&stats->integers, g_array_unref);
  g_clear_pointer (&stats->tokens, g_hash_table_unref);
}

gboolean
fe_csv_parse_integer (const char *text,
                      gint64     *value)
{
  char *end = NULL;
  gint64 quick = 0;
  const char *p = text;

  /* Plain digits, as ids are, without strtoll's locale-free but general path. */
  while (*p >= '0' && *p <= '9' && p - text < 18)
    quick = quick * 10 + (*p++ - '0');
  if (*p == '\0' && p > text)
    {
      *value = quick;
      return TRUE;
    }
  if (*text == '\0' || !(g_ascii_isdigit (*text) || *text == '-' || *text == '+'
                         || g_ascii_isspace (*text)))
    return FALSE;
  *value = g_ascii_strtoll (text, &end, 10);
  return end != text && *end == '\0';
}

static void
stats_add_token (Stats      *stats,
                 const char *start,
                 const char *end,
                 guint       count)
{
  g_autofree char *token = NULL;
  gpointer key, value;

  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  if (start == end)
    return;
  stats->n_tokens += count;
  token = g_strndup (start, (gsize) (end - start));
  if (g_hash_table_lookup_extended (stats->tokens, token, &key, &value))
    g_hash_table_insert (stats->tokens, g_steal_pointer (&token),
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + count));
  else
    g_hash_table_insert (stats->tokens, g_steal_pointer (&token), GUINT_TO_POINTER (count));
}

/* Counts @count answers @text (NUL-terminated, @length bytes). */
static void
stats_add (Stats      *stats,
           const char *text,
           gsize       length,
           guint       count)
{
  gint64 number;

  if (length == 0 || count == 0)
    return;
  stats->n_answered += count;
  if (!stats->not_integers)
    {
      if (fe_csv_parse_integer (text, &number))
        {
          for (guint i = 0; i < count; i++)
            g_array_append_val (stats->integers, number);
          stats->min_integer = MIN (stats->min_integer, number);
          stats->max_integer = MAX (stats->max_integer, number);
        }
      else
        {
          stats->not_integers = TRUE;
          g_array_set_size (stats->integers, 0);
        }
    }
  if (stats->n_with_comma < 2 && memchr (text, ',', length) != NULL)
    stats->n_with_comma = MIN (2, stats->n_with_comma + count);
  if (stats->tokens != NULL)
    {
      const char *p = text, *end = text + length;

      if (memchr (text, ';', length) != NULL)
        stats->n_with_semicolon += count;
      while (p < end)
        {
          const char *stop = memchr (p, ';', (gsize) (end - p));

          if (stop == NULL)
            stop = end;
          stats_add_token (stats, p, stop, count);
          p = stop + 1;
        }
      /* Past the limit of a multi-select question, the tokens do not matter any more. */
      if (g_hash_table_size (stats->tokens) > FE_CSV_MAX_TOKENS)
        g_clear_pointer (&stats->tokens, g_hash_table_unref);
    }
}

static void
stats_merge (Stats *into,
             Stats *from)
{
  into->n_answered += from->n_answered;
  if (from->not_integers || into->not_integers)
    {
      into->not_integers = TRUE;
      g_array_set_size (into->integers, 0);
    }
  else
    g_array_append_vals (into->integers, from->integers->data, from->integers->len);
  into->min_integer = MIN (into->min_integer, from->min_integer);
  into->max_integer = MAX (into->max_integer, from->max_integer);
  into->n_with_comma = MIN (2, into->n_with_comma + from->n_with_comma);
  into->n_with_semicolon += from->n_with_semicolon;
  into->n_tokens += from->n_tokens;
  if (into->tokens != NULL && from->tokens != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, from->tokens);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          gpointer old = g_hash_table_lookup (into->tokens, key);

          g_hash_table_insert (into->tokens, g_strdup (key),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (old)
                                                 + GPOINTER_TO_UINT (value)));
        }
      if (g_hash_table_size (into->tokens) > FE_CSV_MAX_TOKENS)
        g_clear_pointer (&into->tokens, g_hash_table_unref);
    }
  else
    g_clear_pointer (&into->tokens, g_hash_table_unref);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 ia = *(const gint64 *) a, ib = *(const gint64 *) b;

  return ia < ib ? -1 : ia > ib;
}

/* ---------------------------------------------------------------------------------------- */
/* Columns                                                                                   */

static void
column_clear (Column *column)
{
  g_clear_pointer (&column->ids, g_free);
  g_clear_pointer (&column->spans, g_free);
  g_clear_pointer (&column->tokens_seen, g_hash_table_unref);
  dict_clear (&column->dict);
  stats_clear (&column->stats);
  for (guint i = 0; i < HEAD_ROWS; i++)
    g_clear_pointer (&column->head[i], g_free);
  g_clear_pointer (&column->listed, g_free);
  g_clear_pointer (&column->position, g_free);
  g_clear_pointer (&column->listed_count, g_free);
  g_clear_pointer (&column->listed_first, g_free);
}

/* Turns a column of values into one of text: each row points at where its value was first
 * seen, and what the values say is counted into the stats. Rows below @n_head are header
 * candidates: their answers are kept aside instead. */
static void
column_to_text (Column *column,
                guint   n_rows,
                gsize   capacity,
                guint   n_head)
{
  Dict *dict = &column->dict;
  g_autofree guint32 *counts = g_new (guint32, dict->n_entries);

  g_assert (!column->text);
  column->spans = g_new (Span, capacity);
  for (guint r = 0; r < n_rows; r++)
    column->spans[r] = column->ids[r] ? dict->entries[column->ids[r]].first : empty_span;

  for (guint e = 0; e < dict->n_entries; e++)
    counts[e] = dict->entries[e].count;
  for (guint r = 0; r < MIN (n_head, n_rows); r++)
    if (column->ids[r] != 0)
      {
        counts[column->ids[r]]--;
        column->head[r] = g_strdup (dict_text (dict, column->ids[r]));
      }
  stats_init (&column->stats);
  for (guint e = 1; e < dict->n_entries; e++)
    stats_add (&column->stats, dict_text (dict, e), dict->entries[e].length, counts[e]);

  g_clear_pointer (&column->ids, g_free);
  g_clear_pointer (&column->tokens_seen, g_hash_table_unref);
  column->tokens_over = TRUE;
  dict_clear (dict);
  column->text = TRUE;
}

/* Notes the options of a new value; FALSE once there are too many for a multi-select. */
static gboolean
note_tokens (Column     *column,
             const char *text,
             gsize       length)
{
  const char *p = text, *end = text + length;

  if (column->tokens_over)
    return FALSE;
  /* Past DICT_TEXT_VALUES values with few options, it is a multi-select: it stays values. */
  if (column->dict.n_entries > 2 * DICT_TEXT_VALUES)
    return TRUE;
  while (p < end)
    {
      const char *stop = memchr (p, ';', (gsize) (end - p));
      const char *start = p;

      if (stop == NULL)
        stop = end;
      p = stop + 1;
      while (start < stop && g_ascii_isspace (*start))
        start++;
      while (stop > start && g_ascii_isspace (stop[-1]))
        stop--;
      if (start >= stop)
        continue;
      /* Made only now: a file may have 100,000 columns with nothing to note. */
      if (column->tokens_seen == NULL)
        column->tokens_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_add (column->tokens_seen, g_strndup (start, (gsize) (stop - start)));
    }
  if (column->tokens_seen == NULL || g_hash_table_size (column->tokens_seen) <= FE_CSV_MAX_TOKENS)
    return TRUE;
  g_clear_pointer (&column->tokens_seen, g_hash_table_unref);
  column->tokens_over = TRUE;
  return FALSE;
}

/* ---------------------------------------------------------------------------------------- */
/* Loading                                                                                   */

typedef struct _Loader Loader;

typedef enum
{
  CHUNK_OK,
  CHUNK_ERROR,
  CHUNK_CONVERT,   /* not UTF-8, or NUL bytes: convert the text and parse it again */
  CHUNK_STOPPED,   /* cancelled, or no longer needed */
  CHUNK_UNTERMINATED,  /* a quote never closes: an error, told once both parts are done */
} ChunkStatus;

typedef struct
{
  Loader       *loader;
  gsize         start;
  gsize         end;          /* where this part stops; the first may stop at the split */
  gboolean      to_eof;       /* it ends with the text */
  gboolean      first;        /* it holds the header */
  guint         n_rows;
  gsize         rows_size;
  Column       *columns;
  guint32      *row_offsets;
  OffsetList    short_rows;
  OffsetList    skipped;
  gsize         last_terminator;  /* + 1, 0 when no record ended yet */
  gsize         unterminated;     /* the record with an unterminated quote */
  guint         skip_records;
  gboolean      header_taken;
  ChunkStatus   status;
  GError       *error;
  gsize         done;             /* bytes parsed, read by the other thread */
  Scanner       scanner;
  GString      *scratch;
  guchar       *block;
  gsize         block_size;
} Chunk;

struct _Loader
{
  FeCsvTable         *table;
  const FeCsvOptions *options;
  gsize               length;
  guint               named_columns;
  Chunk               chunks[2];
  guint               n_chunks;
  GThread            *thread;
  gint                stop;         /* the second part is no longer wanted */
  GMutex              lock;
  GCond               cond;
  gint                second_done;  /* atomic: GLib's futex-based GMutex is invisible to
                                     * ThreadSanitizer, atomics are not */
  gint64              last_report;
  gboolean            allow_split;
};

static void
offset_list_add (OffsetList *list,
                 gsize       offset)
{
  if (list->offsets == NULL)
    list->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  if (list->offsets->len < MAX_LISTED_LINES)
    g_array_append_val (list->offsets, offset);
  list->count++;
}

static void
offset_list_clear (OffsetList *list)
{
  g_clear_pointer (&list->offsets, g_array_unref);
  list->count = 0;
}

static void
offset_list_merge (OffsetList *into,
                   OffsetList *from)
{
  guint count = into->count + from->count;

  for (guint i = 0; from->offsets != NULL && i < from->offsets->len; i++)
    offset_list_add (into, g_array_index (from->offsets, gsize, i));
  into->count = count;
}

static void
chunk_init (Chunk  *chunk,
            Loader *loader,
            gsize   start,
            gsize   end,
            gboolean first)
{
  memset (chunk, 0, sizeof *chunk);
  chunk->loader = loader;
  chunk->start = start;
  chunk->end = end;
  chunk->to_eof = end == loader->length;
  chunk->first = first;
  scanner_init (&chunk->scanner, loader->table->delimiter);
  chunk->scratch = g_string_sized_new (256);
}

/* FALSE when the columns do not fit in memory: a header line of millions of delimiters must
 * give an error, not abort. */
static gboolean
chunk_alloc_columns (Chunk *chunk,
                     guint  stride)
{
  /* The first rows of every column in 256 KiB, whatever the width: memory grows with the
   * file, not with its number of columns. */
  chunk->rows_size = CLAMP ((gsize) 65536 / MAX (stride, 1), 16, 1024);
  chunk->columns = g_try_new0 (Column, MAX (stride, 1));
  if (chunk->columns == NULL)
    return FALSE;
  for (guint c = 0; c < stride; c++)
    {
      dict_init (&chunk->columns[c].dict);
      chunk->columns[c].ids = g_new (guint32, chunk->rows_size);
    }
  chunk->row_offsets = g_new (guint32, chunk->rows_size);
  return TRUE;
}

static void
chunk_clear (Chunk *chunk)
{
  guint stride = chunk->loader->table->stride;

  for (guint c = 0; chunk->columns != NULL && c < stride; c++)
    column_clear (&chunk->columns[c]);
  g_clear_pointer (&chunk->columns, g_free);
  g_clear_pointer (&chunk->row_offsets, g_free);
  offset_list_clear (&chunk->short_rows);
  offset_list_clear (&chunk->skipped);
  g_clear_error (&chunk->error);
  scanner_clear (&chunk->scanner);
  if (chunk->scratch != NULL)
    g_string_free (g_steal_pointer (&chunk->scratch), TRUE);
  g_clear_pointer (&chunk->block, g_free);
}

static void
chunk_grow_rows (Chunk *chunk,
                 gsize  parsed)
{
  guint stride = chunk->loader->table->stride;
  gsize rows = chunk->rows_size * 2;

  /* Rows to come at the size of those so far, so that the arrays rarely move again. */
  if (parsed > 0)
    rows = MAX (rows, (gsize) ((double) chunk->n_rows * (chunk->end - chunk->start) / parsed
                               * 1.05) + 1024);
  chunk->rows_size = rows;
  for (guint c = 0; c < stride; c++)
    {
      Column *column = &chunk->columns[c];

      if (column->text)
        column->spans = g_renew (Span, column->spans, chunk->rows_size);
      else
        column->ids = g_renew (guint32, column->ids, chunk->rows_size);
    }
  chunk->row_offsets = g_renew (guint32, chunk->row_offsets, chunk->rows_size);
}

/* The text of field @f (in the block at @buf) in @text/@length: the block's bytes, or decoded
 * into the chunk's scratch. */
static inline void
field_text (Chunk        *chunk,
            const guchar *buf,
            const Field  *f,
            const char  **text,
            gsize        *length)
{
  if ((f->length & SPAN_DECODE) == 0)
    {
      *text = (const char *) buf + f->start;
      *length = f->length;
      return;
    }
  g_string_truncate (chunk->scratch, 0);
  append_field_text ((const char *) buf + f->start, f->length, chunk->scratch);
  *text = chunk->scratch->str;
  *length = chunk->scratch->len;
}

/* Whether a field's text might be empty once decoded: only when its bytes are all blanks and
 * quotes (a quoted field that decodes to nothing). */
static inline gboolean
raw_may_be_blank (const guchar *raw,
                  guint32       length)
{
  if ((length & SPAN_DECODE) == 0)
    return SPAN_LENGTH (length) == 0;
  for (guint32 i = 0; i < SPAN_LENGTH (length); i++)
    if (!is_blank (raw[i]) && raw[i] != '"')
      return FALSE;
  return TRUE;
}

static inline void
store_cell (Chunk        *chunk,
            Column       *column,
            const guchar *buf,
            gsize         buf_offset,
            const Field  *f)
{
  guint row = chunk->n_rows;
  const char *text;
  gsize length;
  Span where;

  if (f == NULL || f->length == 0)
    {
      if (column->text)
        column->spans[row] = empty_span;
      else
        column->ids[row] = 0;
      return;
    }
  if (column->text && column->stats.not_integers && column->stats.tokens == NULL
      && column->stats.n_with_comma >= 2 && !raw_may_be_blank (buf + f->start, f->length))
    {
      /* Nothing more to learn from the text itself: only where it is. */
      column->spans[row].offset = (guint32) (buf_offset + f->start);
      column->spans[row].length = f->length;
      column->stats.n_answered++;
      return;
    }
  field_text (chunk, buf, f, &text, &length);
  if (length == 0)
    {
      if (column->text)
        column->spans[row] = empty_span;
      else
        column->ids[row] = 0;
      return;
    }
  where.offset = (guint32) (buf_offset + f->start);
  where.length = f->length;

  if (!column->text)
    {
      gboolean added;
      guint e = dict_intern (&column->dict, text, length, hash_bytes (text, length), row, where,
                             &added);

      column->dict.entries[e].count++;
      column->ids[row] = e;
      if (G_UNLIKELY (added)
          && (!note_tokens (column, text, length) || dict_is_full (&column->dict))
          && (dict_is_full (&column->dict)
              || (column->dict.n_entries > DICT_TEXT_VALUES
                  && (guint64) column->dict.n_entries * 10 > (guint64) (row + 1) * 9)
              || (column->dict.n_entries > DICT_CATEGORY_VALUES
                  && (guint64) column->dict.n_entries * 2 > row + 1))
          && (!chunk->first || row >= HEAD_ROWS))
        column_to_text (column, row + 1, chunk->rows_size, chunk->first ? HEAD_ROWS : 0);
      return;
    }

  column->spans[row] = where;
  if (column->stats.not_integers && column->stats.tokens == NULL
      && column->stats.n_with_comma >= 2)
    {
      /* Nothing more to learn from the text itself. */
      column->stats.n_answered++;
      return;
    }
  if (text != chunk->scratch->str)
    {
      /* The stats read NUL-terminated text. */
      g_string_truncate (chunk->scratch, 0);
      g_string_append_len (chunk->scratch, text, (gssize) length);
      text = chunk->scratch->str;
    }
  stats_add (&column->stats, text, length, 1);
}

static gboolean
field_is_empty (Chunk        *chunk,
                const guchar *buf,
                const Field  *f)
{
  const char *text;
  gsize length;

  if (f->length == 0)
    return TRUE;
  if ((f->length & SPAN_DECODE) == 0)
    return FALSE;
  field_text (chunk, buf, f, &text, &length);
  return length == 0;
}

static gboolean
record_is_blank (Chunk        *chunk,
                 const guchar *buf,
                 guint         from)
{
  Scanner *s = &chunk->scanner;

  for (guint i = from; i < s->n_fields; i++)
    if (!field_is_empty (chunk, buf, &s->fields[i]))
      return FALSE;
  return TRUE;
}

static gboolean
header_looks_like_data (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const char *text = g_ptr_array_index (cells, i);
      char *end = NULL;

      if (*text == '\0')
        continue;
      g_ascii_strtod (text, &end);
      if (end == text || *end != '\0')
        return FALSE;
    }
  return TRUE;
}

static void loader_start_second (Loader *loader, Chunk *chunk, gsize from);

static gboolean
take_header (Chunk        *chunk,
             const guchar *buf,
             gsize         buf_offset)
{
  Loader *loader = chunk->loader;
  FeCsvTable *table = loader->table;
  Scanner *s = &chunk->scanner;

  for (guint i = 0; i < s->n_fields; i++)
    {
      const char *text;
      gsize length;

      field_text (chunk, buf, &s->fields[i], &text, &length);
      g_ptr_array_add (table->header_cells, g_strndup (text, length));
    }
  if (header_looks_like_data (table->header_cells))
    {
      guint line = source_line_at (&table->source, buf_offset + (gsize) (s->record - buf));

      g_set_error (&chunk->error, FE_CSV_ERROR, FE_CSV_ERROR_NO_HEADER,
                   _("%s, line %u, column 1: the first line holds numbers, not column names. "
                     "Add a header line naming each question, or export the file again with "
                     "column headers."),
                   table->name, line);
      return FALSE;
    }
  table->stride = s->n_fields;
  loader->named_columns = s->n_fields;
  while (loader->named_columns > 0
         && *(const char *) g_ptr_array_index (table->header_cells,
                                               loader->named_columns - 1) == '\0')
    loader->named_columns--;
  if (!chunk_alloc_columns (chunk, table->stride))
    {
      g_set_error (&chunk->error, FE_CSV_ERROR, FE_CSV_ERROR_TOO_LARGE,
                   _("%s, line 1: the header names %u columns, more than fit in memory. Export "
                     "only the questions you need, or split the file."),
                   table->name, table->stride);
      table->stride = 0;
      return FALSE;
    }
  chunk->header_taken = TRUE;
  return TRUE;
}

static gboolean
store_record (Chunk        *chunk,
              const guchar *buf,
              gsize         buf_offset)
{
  Loader *loader = chunk->loader;
  FeCsvTable *table = loader->table;
  Scanner *s = &chunk->scanner;
  gsize record_offset = buf_offset + (gsize) (s->record - buf);
  guint stride = table->stride;

  if (s->terminator != NULL)
    chunk->last_terminator = buf_offset + (gsize) (s->terminator - buf) + 1;

  /* Nothing in it (a blank line, or only delimiters): not a respondent. */
  if (record_is_blank (chunk, buf, 0))
    return TRUE;

  if (chunk->skip_records > 0)
    {
      chunk->skip_records--;
      offset_list_add (&chunk->skipped, record_offset);
      return TRUE;
    }
  if (!chunk->header_taken)
    {
      if (!take_header (chunk, buf, buf_offset))
        return FALSE;
      if (loader->allow_split)
        loader_start_second (loader, chunk, buf_offset + (gsize) (s->terminator ?
                                                                  s->terminator + 1 - buf : 0));
      return TRUE;
    }
  if (s->n_fields > stride && !record_is_blank (chunk, buf, stride))
    {
      guint line = source_line_at (&table->source, record_offset);

      g_set_error (&chunk->error, FE_CSV_ERROR, FE_CSV_ERROR_RAGGED,
                   _("%s, line %u, column %u: this row has %u fields but the header has %u. "
                     "Is there an unquoted comma in an answer? Put answers that contain the "
                     "delimiter in double quotes."),
                   table->name, line, stride + 1, s->n_fields, stride);
      return FALSE;
    }

  /* Too few fields: the missing answers are empty. Only worth a warning when a named column
   * goes without; a trailing delimiter on the header line alone is common. */
  if (s->n_fields < loader->named_columns)
    offset_list_add (&chunk->short_rows, record_offset);
  if (G_UNLIKELY (chunk->n_rows == chunk->rows_size))
    chunk_grow_rows (chunk, record_offset - chunk->start);
  for (guint c = 0; c < stride; c++)
    store_cell (chunk, &chunk->columns[c], buf, buf_offset,
                c < s->n_fields ? &s->fields[c] : NULL);
  chunk->row_offsets[chunk->n_rows++] = (guint32) record_offset;
  return TRUE;
}

/* Where a quoted answer that never closes starts: the line of its row when fields come before
 * it in the row, else the line after the last row's end (blank lines may lie between). Called
 * once both parts are done, as the second part's message may need where the first one ended. */
static void
set_unterminated_error (Chunk *chunk)
{
  Loader *loader = chunk->loader;
  FeCsvTable *table = loader->table;
  Scanner *s = &chunk->scanner;
  gsize last_terminator = chunk->last_terminator;
  guint line;

  if (last_terminator == 0 && !chunk->first)
    last_terminator = loader->chunks[0].last_terminator;
  if (s->error_field > 0)
    line = source_line_at (&table->source, chunk->unterminated);
  else if (last_terminator > 0)
    line = source_line_at (&table->source, last_terminator - 1) + 1;
  else
    line = 1;
  g_set_error (&chunk->error, FE_CSV_ERROR, FE_CSV_ERROR_UNTERMINATED_QUOTE,
               _("%s, line %u, column %u: a quoted answer starts here but its closing "
                 "double quote is missing, so the rest of the file would become one answer. "
                 "Add the missing quote."),
               table->name, line, s->error_field + 1);
}

static gboolean
chunk_should_stop (Chunk *chunk)
{
  Loader *loader = chunk->loader;

  if (!chunk->first && g_atomic_int_get (&loader->stop))
    return TRUE;
  return loader->options != NULL && g_cancellable_is_cancelled (loader->options->cancellable);
}

static void
report_progress (Loader   *loader,
                 gboolean  force)
{
  gint64 now;
  gsize done = 0;

  if (loader->options == NULL || loader->options->progress == NULL)
    return;
  now = g_get_monotonic_time ();
  if (!force && now - loader->last_report < G_USEC_PER_SEC / 30)
    return;
  loader->last_report = now;
  for (guint i = 0; i < loader->n_chunks; i++)
    done += (gsize) g_atomic_pointer_get (&loader->chunks[i].done);
  loader->options->progress (loader->length ? MIN (1.0, (double) done / loader->length) : 1.0,
                             loader->options->progress_data);
}

/* The first part was to stop where the second starts, but its last record goes on past that
 * point: the guess was wrong, and the first part parses the rest of the text itself. */
static void
loader_drop_second (Loader *loader)
{
  Chunk *first = &loader->chunks[0];

  if (loader->n_chunks < 2)
    return;
  g_debug ("%s: no record ends at byte %" G_GSIZE_FORMAT "; one thread parses on",
           loader->table->name, first->end);
  g_atomic_int_set (&loader->stop, 1);
  g_thread_join (g_steal_pointer (&loader->thread));
  chunk_clear (&loader->chunks[1]);
  loader->n_chunks = 1;
  first->end = loader->length;
  first->to_eof = TRUE;
}

/* Fills the chunk's block from @pos; returns FALSE with the chunk's error when the file cannot
 * be read as it was. */
static gboolean
chunk_read_block (Chunk        *chunk,
                  gsize        *block_pos,
                  gsize        *have,
                  gsize         pos)
{
  Source *source = &chunk->loader->table->source;
  gsize keep = *block_pos + *have - pos;
  gsize want;
  int saved_errno;

  if (keep > 0)
    memmove (chunk->block, chunk->block + (pos - *block_pos), keep);
  /* One record longer than the block: a larger block. */
  if (keep * 2 > chunk->block_size)
    {
      chunk->block_size = MAX (chunk->block_size * 2, keep * 2);
      chunk->block = g_realloc (chunk->block, chunk->block_size);
    }
  want = MIN (chunk->end - pos, chunk->block_size);
  if (want > keep
      && !source_pread (source, (char *) chunk->block + keep, pos + keep, want - keep,
                        &saved_errno))
    {
      if (saved_errno != 0)
        set_io_error (&chunk->error, chunk->loader->table->name, saved_errno);
      else
        set_changed_error (&chunk->error, chunk->loader->table->name);
      return FALSE;
    }
  *block_pos = pos;
  *have = want;
  return TRUE;
}

static void
chunk_parse (Chunk *chunk)
{
  Loader *loader = chunk->loader;
  Source *source = &loader->table->source;
  gsize pos = chunk->start;
  gsize block_pos = pos, have = 0;
  guint since_check = 0;

  if (source->fd >= 0)
    {
      chunk->block_size = tuning_block_size;
      chunk->block = g_malloc (chunk->block_size);
    }

  for (;;)
    {
      const guchar *buf;
      const guchar *p;
      ScanResult result;
      gsize limit;
      gboolean eof;

      if (chunk_should_stop (chunk))
        {
          chunk->status = CHUNK_STOPPED;
          return;
        }
      if (source->fd < 0)
        {
          buf = (const guchar *) source->memory;
          block_pos = 0;
          have = source->length;
        }
      else
        {
          if (!chunk_read_block (chunk, &block_pos, &have, pos))
            {
              chunk->status = CHUNK_ERROR;
              return;
            }
          buf = chunk->block;
        }

      p = buf + (pos - block_pos);
      for (;;)
        {
          const guchar *next;

          limit = MIN (block_pos + have, chunk->end);
          eof = limit == chunk->end && chunk->to_eof;
          result = scan_record (&chunk->scanner, buf, p, buf + (limit - block_pos), eof, &next);
          if (result != SCAN_RECORD)
            {
              if (result == SCAN_NONE || result == SCAN_MORE)
                p = next;
              break;
            }
          p = next;
          if (!store_record (chunk, buf, block_pos))
            {
              chunk->status = CHUNK_ERROR;
              return;
            }
          if (++since_check == CHECK_EVERY)
            {
              since_check = 0;
              g_atomic_pointer_set (&chunk->done, block_pos + (gsize) (p - buf) - chunk->start);
              if (chunk->first)
                report_progress (loader, FALSE);
              if (chunk_should_stop (chunk))
                {
                  chunk->status = CHUNK_STOPPED;
                  return;
                }
            }
        }

      pos = block_pos + (gsize) (p - buf);
      g_atomic_pointer_set (&chunk->done, pos - chunk->start);
      if (chunk->first)
        report_progress (loader, FALSE);
      switch (result)
        {
        case SCAN_BAD:
          chunk->status = CHUNK_CONVERT;
          return;
        case SCAN_UNTERMINATED:
          chunk->unterminated = block_pos + (gsize) (chunk->scanner.record - buf);
          chunk->status = CHUNK_UNTERMINATED;
          return;
        case SCAN_TOO_LONG:
          g_set_error (&chunk->error, FE_CSV_ERROR, FE_CSV_ERROR_TOO_LARGE,
                       _("%s, line %u: the file is larger than Findings Explorer can hold (4 GiB "
                         "of text). Split it into smaller files."),
                       loader->table->name,
                       source_line_at (source, block_pos + (gsize) (chunk->scanner.record - buf)));
          chunk->status = CHUNK_ERROR;
          return;
        case SCAN_RECORD:
        case SCAN_NONE:
        case SCAN_MORE:
        default:
          break;
        }
      if (eof && result != SCAN_MORE)
        {
          chunk->status = CHUNK_OK;
          return;
        }
      if (limit == chunk->end && !chunk->to_eof)
        {
          if (pos == chunk->end)
            {
              chunk->status = CHUNK_OK;
              return;
            }
          /* A record runs over the point where the second part starts. */
          loader_drop_second (loader);
        }
    }
}

static gpointer
second_thread (gpointer data)
{
  Chunk *chunk = data;
  Loader *loader = chunk->loader;

  chunk_parse (chunk);
  g_mutex_lock (&loader->lock);
  g_atomic_int_set (&loader->second_done, TRUE);
  g_cond_signal (&loader->cond);
  g_mutex_unlock (&loader->lock);
  return NULL;
}

/* After a record that ends at @p, knowing whether @p is inside quotes. */
static const guchar *
skip_past_line_end (const guchar *p,
                    const guchar *end,
                    gboolean      in_quotes)
{
  for (; p < end; p++)
    {
      if (*p == '"')
        in_quotes = !in_quotes;
      else if (!in_quotes && *p == '\r' && p + 1 < end && p[1] == '\n')
        return p + 2;
      else if (!in_quotes && (*p == '\n' || *p == '\r'))
        return p + 1;
    }
  return NULL;
}

/* How many of the records from @p have as many fields as the header. */
static guint
probe_records (Scanner      *s,
               guint         stride,
               const guchar *p,
               const guchar *end)
{
  guint good = 0;

  for (guint i = 0; i < SPLIT_PROBE_RECORDS; i++)
    {
      const guchar *next;
      ScanResult result = scan_record (s, p, p, end, FALSE, &next);

      if (result != SCAN_RECORD)
        break;
      good += s->n_fields == stride;
      p = next;
    }
  return good;
}

/* A line end near the middle of [from, to) that is likely between two records: of the two
 * readings of the text there (outside quotes or inside), the one under which the records that
 * follow have as many fields as the header. 0 when none is found. */
static gsize
find_split (Loader *loader,
            Chunk  *chunk,
            gsize   from)
{
  FeCsvTable *table = loader->table;
  Source *source = &table->source;
  gsize mid = from + (loader->length - from) / 2;
  gsize n = MIN ((gsize) SPLIT_WINDOW, loader->length - mid);
  g_autofree guchar *copy = NULL;
  const guchar *window, *end, *best = NULL;
  guint best_score = 0;
  int saved_errno;

  if (source->fd < 0)
    window = (const guchar *) source->memory + mid;
  else
    {
      copy = g_malloc (n);
      if (!source_pread (source, (char *) copy, mid, n, &saved_errno))
        return 0;
      window = copy;
    }
  end = window + n;
  for (int in_quotes = 0; in_quotes < 2; in_quotes++)
    {
      const guchar *start = skip_past_line_end (window, end, in_quotes);
      guint score;

      if (start == NULL)
        continue;
      score = probe_records (&chunk->scanner, table->stride, start, end);
      if (best == NULL || score > best_score)
        {
          best = start;
          best_score = score;
        }
    }
  return best != NULL ? mid + (gsize) (best - window) : 0;
}

static void
loader_start_second (Loader *loader,
                     Chunk  *chunk,
                     gsize   from)
{
  gsize split;

  if (from == 0 || loader->length - from < tuning_split_min)
    return;
  split = find_split (loader, chunk, from);
  if (split <= from || split >= loader->length)
    return;
  g_debug ("%s: the second thread starts at byte %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT,
           loader->table->name, split, loader->length);
  chunk_init (&loader->chunks[1], loader, split, loader->length, FALSE);
  loader->chunks[1].header_taken = TRUE;
  loader->n_chunks = 2;
  /* Without memory for a second set of columns, the first thread parses on alone. */
  if (!chunk_alloc_columns (&loader->chunks[1], loader->table->stride))
    {
      chunk_clear (&loader->chunks[1]);
      loader->n_chunks = 1;
      return;
    }
  chunk->end = split;
  chunk->to_eof = FALSE;
  loader->thread = g_thread_new ("fe-csv-load", second_thread, &loader->chunks[1]);
}

/* Waits for the second part, reporting progress and passing on a cancellation meanwhile. */
static void
loader_wait_second (Loader *loader)
{
  if (loader->n_chunks < 2)
    return;
  g_mutex_lock (&loader->lock);
  while (!g_atomic_int_get (&loader->second_done))
    {
      gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 30;

      g_cond_wait_until (&loader->cond, &loader->lock, until);
      g_mutex_unlock (&loader->lock);
      report_progress (loader, FALSE);
      g_mutex_lock (&loader->lock);
    }
  g_mutex_unlock (&loader->lock);
  g_thread_join (g_steal_pointer (&loader->thread));
}

/* Appends the second part's column to the first's, remapping its values. */
static void
merge_column (Column *into,
              guint   into_rows,
              Column *from,
              guint   from_rows,
              gboolean into_first)
{
  if (!into->text && !from->text)
    {
      Dict *dict = &into->dict;
      g_autofree guint32 *remap = g_new (guint32, from->dict.n_entries);

      remap[0] = 0;
      for (guint e = 1; e < from->dict.n_entries; e++)
        {
          const Entry *entry = &from->dict.entries[e];
          gboolean added;

          remap[e] = dict_intern (dict, dict_text (&from->dict, e), entry->length, entry->hash,
                                  into_rows + entry->first_row, entry->first, &added);
          dict->entries[remap[e]].count += entry->count;
        }
      into->ids = g_renew (guint32, into->ids, (gsize) into_rows + from_rows);
      for (guint r = 0; r < from_rows; r++)
        into->ids[into_rows + r] = remap[from->ids[r]];
      return;
    }

  if (!into->text)
    column_to_text (into, into_rows, into_rows, into_first ? HEAD_ROWS : 0);
  if (!from->text)
    column_to_text (from, from_rows, from_rows, 0);
  if (from_rows > 0)
    {
      into->spans = g_renew (Span, into->spans, (gsize) into_rows + from_rows);
      memcpy (into->spans + into_rows, from->spans, (gsize) from_rows * sizeof (Span));
    }
  stats_merge (&into->stats, &from->stats);
}

static gboolean
loader_merge (Loader  *loader,
              GError **error)
{
  FeCsvTable *table = loader->table;
  Chunk *first = &loader->chunks[0];
  Chunk *second = &loader->chunks[1];

  if (loader->n_chunks < 2)
    return TRUE;
  for (guint c = 0; c < table->stride; c++)
    merge_column (&first->columns[c], first->n_rows, &second->columns[c], second->n_rows, TRUE);
  if (second->n_rows > 0)
    {
      first->row_offsets = g_renew (guint32, first->row_offsets,
                                    (gsize) first->n_rows + second->n_rows);
      memcpy (first->row_offsets + first->n_rows, second->row_offsets,
              (gsize) second->n_rows * sizeof (guint32));
      first->n_rows += second->n_rows;
    }
  offset_list_merge (&first->short_rows, &second->short_rows);
  if (second->last_terminator > 0)
    first->last_terminator = second->last_terminator;
  chunk_clear (second);
  loader->n_chunks = 1;
  return TRUE;
}

/* ---------------------------------------------------------------------------------------- */
/* Finishing the table                                                                       */

static int
compare_by_first (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const guint32 *first = user_data;
  guint32 fa = first[*(const guint32 *) a], fb = first[*(const guint32 *) b];

  return fa < fb ? -1 : fa > fb;
}

/* The values of the data rows (rows from first_row on), in order of first occurrence. */
static void
column_build_listing (FeCsvTable *table,
                      Column     *column)
{
  Dict *dict = &column->dict;
  g_autofree guint32 *counts = g_new (guint32, dict->n_entries);
  g_autofree guint32 *first = g_new (guint32, dict->n_entries);
  guint pending = 0;

  g_clear_pointer (&column->listed, g_free);
  g_clear_pointer (&column->position, g_free);
  g_clear_pointer (&column->listed_count, g_free);
  g_clear_pointer (&column->listed_first, g_free);

  for (guint e = 0; e < dict->n_entries; e++)
    {
      counts[e] = dict->entries[e].count;
      first[e] = dict->entries[e].first_row;
    }
  for (guint r = 0; r < table->first_row; r++)
    counts[column->ids[r]]--;
  /* Values first seen in a header row: where do the data rows first give them? */
  for (guint e = 1; e < dict->n_entries; e++)
    if (first[e] < table->first_row && counts[e] > 0)
      {
        first[e] = G_MAXUINT32;
        pending++;
      }
  for (guint r = table->first_row; r < table->n_stored && pending > 0; r++)
    if (first[column->ids[r]] == G_MAXUINT32)
      {
        first[column->ids[r]] = r;
        pending--;
      }

  column->listed = g_new (guint32, dict->n_entries);
  column->position = g_new (guint32, dict->n_entries);
  column->n_listed = 0;
  for (guint e = 1; e < dict->n_entries; e++)
    if (counts[e] > 0)
      column->listed[column->n_listed++] = e;
  g_qsort_with_data (column->listed, (gint) column->n_listed, sizeof (guint32), compare_by_first,
                     first);
  column->listed_count = g_new (guint32, MAX (column->n_listed, 1));
  column->listed_first = g_new (guint32, MAX (column->n_listed, 1));
  for (guint e = 0; e < dict->n_entries; e++)
    column->position[e] = G_MAXUINT32;
  for (guint i = 0; i < column->n_listed; i++)
    {
      guint32 e = column->listed[i];

      column->position[e] = i;
      column->listed_count[i] = counts[e];
      column->listed_first[i] = first[e] - table->first_row;
    }
}

static gboolean
column_has_answers (FeCsvTable *table,
                    Column     *column)
{
  if (!column->text)
    return column->dict.n_entries > 1;
  if (column->stats.n_answered > 0)
    return TRUE;
  for (guint r = 0; r < table->n_stored; r++)
    if (SPAN_LENGTH (column->spans[r].length) != 0)
      return TRUE;
  return FALSE;
}

/* An unnamed column with nothing in it (a trailing delimiter on every line) is not a question.
 * Only trailing ones are left out, so that column numbers stay those of the file. */
static void
drop_empty_trailing_columns (FeCsvTable *table)
{
  table->n_columns = table->stride;
  while (table->n_columns > 1)
    {
      guint c = table->n_columns - 1;

      if (*(const char *) g_ptr_array_index (table->header_cells, c) != '\0'
          || column_has_answers (table, &table->columns[c]))
        break;
      table->n_columns--;
    }
}

static void
name_columns (FeCsvTable *table)
{
  for (guint c = 0; c < table->n_columns; c++)
    {
      const char *name = g_ptr_array_index (table->header_cells, c);

      if (*name == '\0')
        g_ptr_array_add (table->header, g_strdup_printf (_("Column %u"), c + 1));
      else
        g_ptr_array_add (table->header, g_strdup (name));
    }
}

static char *
describe_offsets (FeCsvTable *table,
                  OffsetList *list)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));

  g_array_set_size (lines, list->offsets->len);
  source_count_lines (&table->source, (const gsize *) list->offsets->data,
                      (guint *) lines->data, list->offsets->len);
  return fe_text_describe_lines (lines, list->count);
}

static void
add_parse_warnings (FeCsvTable *table,
                    Chunk      *chunk)
{
  if (chunk->skipped.count > 0)
    {
      g_autofree char *list = describe_offsets (table, &chunk->skipped);

      g_ptr_array_add (table->warnings,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s, line %s: this line above the column "
                                                     "names looks like a title, so it was "
                                                     "skipped.",
                                                     "%s, lines %s: these lines above the column "
                                                     "names look like a title, so they were "
                                                     "skipped.", chunk->skipped.count),
                                        table->name, list));
    }
  if (chunk->short_rows.count > 0)
    {
      g_autofree char *list = describe_offsets (table, &chunk->short_rows);

      g_ptr_array_add (table->warnings,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s, line %s: this row has fewer fields than "
                                                     "the header has columns; the missing answers "
                                                     "were left empty. Check that no field is "
                                                     "missing and that no answer breaks across "
                                                     "lines without quotes.",
                                                     "%s, lines %s: these rows have fewer fields "
                                                     "than the header has columns; the missing "
                                                     "answers were left empty. Check that no field "
                                                     "is missing and that no answer breaks across "
                                                     "lines without quotes.",
                                                     chunk->short_rows.count),
                                        table->name, list));
    }
}

/* Takes the parsed rows from the chunk into the table. */
static void
table_take_rows (FeCsvTable *table,
                 Chunk      *chunk)
{
  table->n_stored = chunk->n_rows;
  table->columns = g_steal_pointer (&chunk->columns);
  table->row_offsets = g_steal_pointer (&chunk->row_offsets);
  for (guint c = 0; c < table->stride; c++)
    {
      Column *column = &table->columns[c];

      if (column->text)
        {
          /* Sorted once, so that whether the numbers are distinct is a look at neighbours. */
          GArray *numbers = column->stats.integers;
          gboolean sorted = TRUE;

          for (guint i = 1; i < numbers->len && sorted; i++)
            sorted = g_array_index (numbers, gint64, i - 1) <= g_array_index (numbers, gint64, i);
          if (!column->stats.not_integers && !sorted)
            g_array_sort (numbers, compare_int64);
        }
      else
        column_build_listing (table, column);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Detecting the dialect                                                                     */

typedef void (*RecordVisitor) (const char *text, gsize start, gsize end, gpointer user_data);

/* Walks the records of the first bytes of @text, calling @visit with each record's bounds. */
static void
prescan_records (const char    *text,
                 gsize          length,
                 RecordVisitor  visit,
                 gpointer       user_data)
{
  gsize limit = MIN (length, PRESCAN_BYTES);
  gboolean quoted = FALSE;
  gsize start = 0;
  guint n_records = 0;

  for (gsize i = 0; i < limit && n_records < PRESCAN_RECORDS; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          if (i > start)
            {
              visit (text, start, i, user_data);
              n_records++;
            }
          start = i + 1;
        }
    }
  if (n_records == 0 && limit > start)
    visit (text, start, limit, user_data);
}

static const char delimiter_candidates[] = { ',', ';', '\t', '|' };

typedef struct
{
  guint  n_records;
  guint  counts[PRESCAN_RECORDS][G_N_ELEMENTS (delimiter_candidates)];
} DelimiterCounts;

static void
count_delimiters (const char *text,
                  gsize       start,
                  gsize       end,
                  gpointer    user_data)
{
  DelimiterCounts *dc = user_data;
  gboolean quoted = FALSE;

  if (dc->n_records >= PRESCAN_RECORDS)
    return;
  for (gsize i = start; i < end; i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (delimiter_candidates); k++)
          if (text[i] == delimiter_candidates[k])
            dc->counts[dc->n_records][k]++;
    }
  dc->n_records++;
}

/* The delimiter is the candidate that splits the most of the first records into the same
 * number of fields (a title line or a ragged row does not count against it), then the one
 * that splits them into the most fields; comma when none occurs. */
static char
detect_delimiter (const char *text,
                  gsize       length)
{
  DelimiterCounts dc = { 0 };
  guint best = 0, best_agree = 0, best_mode = 0;

  prescan_records (text, length, count_delimiters, &dc);

  for (guint k = 0; k < G_N_ELEMENTS (delimiter_candidates); k++)
    {
      guint mode = 0, agree = 0;

      for (guint i = 0; i < dc.n_records; i++)
        {
          guint value = dc.counts[i][k], same = 0;

          if (value == 0)
            continue;
          for (guint j = 0; j < dc.n_records; j++)
            same += dc.counts[j][k] == value;
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

typedef struct
{
  char   delimiter;
  guint  n_records;
  guint  non_empty[PRESCAN_RECORDS];
} FieldCounts;

static void
count_non_empty_fields (const char *text,
                        gsize       start,
                        gsize       end,
                        gpointer    user_data)
{
  FieldCounts *fc = user_data;
  gboolean quoted = FALSE;
  gboolean has_content = FALSE;
  guint non_empty = 0;

  if (fc->n_records >= PRESCAN_RECORDS)
    return;
  for (gsize i = start; i <= end; i++)
    {
      char c = i < end ? text[i] : fc->delimiter;

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && c == fc->delimiter)
        {
          non_empty += has_content;
          has_content = FALSE;
        }
      else if (!g_ascii_isspace (c))
        has_content = TRUE;
    }
  /* Records with nothing in them are skipped by the parser too. */
  if (non_empty > 0)
    fc->non_empty[fc->n_records++] = non_empty;
}

/* Title lines above the header ("Staff survey 2023", then a blank line): leading records with
 * at most one non-empty field, followed by a record with several. A one-column file has none. */
static guint
count_title_records (const char *text,
                     gsize       length,
                     char        delimiter)
{
  FieldCounts fc = { .delimiter = delimiter };

  prescan_records (text, length, count_non_empty_fields, &fc);
  for (guint i = 0; i < fc.n_records; i++)
    if (fc.non_empty[i] >= 2)
      return i;
  return 0;
}

/* ---------------------------------------------------------------------------------------- */
/* Loading, from a file or from memory                                                       */

static FeCsvTable *
table_new (const char *display_name)
{
  FeCsvTable *table = g_new0 (FeCsvTable, 1);

  table->name = g_strdup (display_name);
  table->delimiter = ',';
  table->header = g_ptr_array_new_with_free_func (g_free);
  table->header_cells = g_ptr_array_new_with_free_func (g_free);
  table->warnings = g_ptr_array_new_with_free_func (g_free);
  table->source.fd = -1;
  g_mutex_init (&table->source.lock);
  table->cache = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  return table;
}

typedef struct
{
  gboolean blank;
} BlankCheck;

static void
check_blank (const char *block,
             gsize       length,
             gpointer    user_data)
{
  BlankCheck *bc = user_data;

  for (gsize i = 0; i < length && bc->blank; i++)
    bc->blank = g_ascii_isspace (block[i]);
}

/* Parses the table's source (a file or text in memory), whose first @prefix_length bytes of
 * text are at @prefix. Returns CHUNK_CONVERT when the text must be converted first. */
static ChunkStatus
table_parse (FeCsvTable          *table,
             const char          *prefix,
             gsize                prefix_length,
             const FeCsvOptions  *options,
             GError             **error)
{
  Loader loader = { 0 };
  Chunk *first;
  ChunkStatus status;
  gint64 start = g_get_monotonic_time ();

  loader.table = table;
  loader.options = options;
  loader.length = table->source.length;
  loader.allow_split = TRUE;
  g_mutex_init (&loader.lock);
  g_cond_init (&loader.cond);

  table->delimiter = options != NULL && options->delimiter != '\0'
                     ? options->delimiter : detect_delimiter (prefix, prefix_length);
  first = &loader.chunks[0];
  chunk_init (first, &loader, 0, loader.length, TRUE);
  loader.n_chunks = 1;
  first->skip_records = count_title_records (prefix, prefix_length, table->delimiter);

  chunk_parse (first);
  g_debug ("%s: first part parsed at %.0f ms", table->name,
           (g_get_monotonic_time () - start) / 1000.0);
  if (first->status != CHUNK_OK && loader.n_chunks > 1)
    g_atomic_int_set (&loader.stop, 1);
  loader_wait_second (&loader);
  g_debug ("%s: second part parsed at %.0f ms", table->name,
           (g_get_monotonic_time () - start) / 1000.0);

  {
    Chunk *failed = first;

    status = first->status;
    if (status == CHUNK_OK && loader.n_chunks > 1)
      {
        failed = &loader.chunks[1];
        status = failed->status;
      }
    if (status == CHUNK_UNTERMINATED)
      {
        set_unterminated_error (failed);
        status = CHUNK_ERROR;
      }
    if (status == CHUNK_ERROR)
      g_propagate_error (error, g_steal_pointer (&failed->error));
  }
  if (status == CHUNK_STOPPED)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                         _("Loading was cancelled."));

  if (status == CHUNK_OK && !first->header_taken)
    {
      BlankCheck bc = { TRUE };

      if (!source_visit (&table->source, table->source.length, check_blank, &bc))
        bc.blank = FALSE;
      if (bc.blank)
        g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_EMPTY,
                     _("%s, line 1, column 1: the file is empty. Export the survey results again "
                       "and check that the export finished."),
                     table->name);
      else
        g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_EMPTY,
                     _("%s, line 1, column 1: the file has no column names and no answers, only "
                       "empty fields. Export the survey results again and check that the export "
                       "finished."),
                     table->name);
      status = CHUNK_ERROR;
    }

  if (status == CHUNK_OK)
    {
      loader_merge (&loader, error);
      table_take_rows (table, first);
      drop_empty_trailing_columns (table);
      name_columns (table);
      add_parse_warnings (table, first);
      report_progress (&loader, TRUE);
      g_debug ("%s: table ready at %.0f ms", table->name,
               (g_get_monotonic_time () - start) / 1000.0);
    }

  for (guint i = 0; i < loader.n_chunks; i++)
    chunk_clear (&loader.chunks[i]);
  g_mutex_clear (&loader.lock);
  g_cond_clear (&loader.cond);
  return status;
}

/* Resets a table whose parse must start again on converted text. */
static void
table_reset (FeCsvTable *table)
{
  for (guint c = 0; table->columns != NULL && c < table->stride; c++)
    column_clear (&table->columns[c]);
  g_clear_pointer (&table->columns, g_free);
  g_clear_pointer (&table->row_offsets, g_free);
  g_ptr_array_set_size (table->header, 0);
  g_ptr_array_set_size (table->header_cells, 0);
  g_ptr_array_set_size (table->warnings, 0);
  table->stride = table->n_columns = table->n_stored = 0;
}

/* Decodes @data (any encoding) into text the table owns and parses it. */
static FeCsvTable *
table_decode_and_parse (FeCsvTable          *table_owned,
                        const char          *data,
                        gsize                length,
                        gboolean             data_is_ours,
                        const FeCsvOptions  *options,
                        GError             **error)
{
  g_autoptr(FeCsvTable) table = table_owned;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  char *converted = NULL;
  const char *text;
  gsize text_length = 0;
  char *owned;

  text = fe_text_decode (table->name, data, length, &text_length, &converted, warnings, error);
  if (text == NULL)
    {
      if (data_is_ours)
        g_free ((char *) data);
      return NULL;
    }
  if (text_length > MAX_TEXT_BYTES)
    {
      g_free (converted);
      if (data_is_ours)
        g_free ((char *) data);
      g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_TOO_LARGE,
                   _("%s, line 1: the file is larger than Findings Explorer can hold (4 GiB of "
                     "text). Split it into smaller files."),
                   table->name);
      return NULL;
    }
  if (converted != NULL)
    owned = converted;
  else if (data_is_ours && text == data)
    owned = (char *) data;
  else
    {
      /* The caller's bytes need not end in a NUL. */
      owned = g_malloc (text_length + 1);
      memcpy (owned, text, text_length);
      owned[text_length] = '\0';
    }
  if (owned != data && data_is_ours)
    g_free ((char *) data);

  table_reset (table);
  table->source.memory = owned;
  table->source.length = text_length;
  {
    ChunkStatus status = table_parse (table, owned, MIN (text_length, (gsize) PRESCAN_BYTES),
                                      options, error);

    g_assert (status != CHUNK_CONVERT);
    if (status != CHUNK_OK)
      return NULL;
  }
  /* The decoder's repairs come first, as they happened first. */
  for (guint i = 0; i < warnings->len; i++)
    g_ptr_array_insert (table->warnings, (gint) i, g_strdup (g_ptr_array_index (warnings, i)));
  return g_steal_pointer (&table);
}

FeCsvTable *
fe_csv_table_parse_full (const char          *display_name,
                         const char          *data,
                         gsize                length,
                         const FeCsvOptions  *options,
                         GError             **error)
{
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  return table_decode_and_parse (table_new (display_name), data ? data : "", length, FALSE,
                                 options, error);
}

FeCsvTable *
fe_csv_table_parse (const char  *display_name,
                    const char  *data,
                    gsize        length,
                    GError     **error)
{
  return fe_csv_table_parse_full (display_name, data, length, NULL, error);
}

/* Reads a whole regular file, refusing what would not fit, and noticing a file that grows,
 * shrinks or is rewritten meanwhile. */
static gboolean
read_whole_file (Source      *source,
                 const char  *display_name,
                 char       **contents_out,
                 GError     **error)
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
      Source whole = *source;

      whole.base = 0;
      if (!source_pread (&whole, contents, 0, size, &saved_errno))
        return saved_errno != 0 ? set_io_error (error, display_name, saved_errno)
                                : set_changed_error (error, display_name);
    }
  if (!source_unchanged (source))
    return set_changed_error (error, display_name);
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
    return (set_io_error (error, display_name, errno), -1);
  if (!check_ordinary (&before, display_name, error))
    return -1;
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    return (set_io_error (error, display_name, errno), -1);
  if (fstat (fd, st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      return (set_io_error (error, display_name, saved_errno), -1);
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

static gboolean
open_file (Source      *source,
           const char  *path,
           const char  *display_name,
           GError     **error)
{
  int fd = fe_csv_open_input (path, display_name, &source->st, error);

  if (fd < 0)
    return FALSE;
  if ((guint64) source->st.st_size > MAX_TEXT_BYTES)
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

FeCsvTable *
fe_csv_table_load_full (const char          *path,
                        const FeCsvOptions  *options,
                        GError             **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(FeCsvTable) table = NULL;
  g_autofree char *prefix = NULL;
  Source *source;
  gsize size, prefix_length, bom = 0;
  gboolean convert = FALSE;
  int saved_errno;
  ChunkStatus status;

  g_return_val_if_fail (path != NULL, NULL);

  display_name = g_path_get_basename (path);
  table = table_new (display_name);
  source = &table->source;
  if (!open_file (source, path, display_name, error))
    return NULL;

  size = (gsize) source->st.st_size;
  prefix_length = MIN (size, (gsize) PRESCAN_BYTES + 3);
  prefix = g_malloc (prefix_length + 1);
  if (prefix_length > 0 && !source_pread (source, prefix, 0, prefix_length, &saved_errno))
    return saved_errno != 0 ? (set_io_error (error, display_name, saved_errno), NULL)
                            : (set_changed_error (error, display_name), NULL);
  prefix[prefix_length] = '\0';
  if (!fe_text_sniff (display_name, prefix, prefix_length, &bom, &convert, error))
    return NULL;

  if (!convert)
    {
      g_autoptr(GError) local_error = NULL;

      source->base = bom;
      source->length = size - bom;
      status = table_parse (table, prefix + bom, prefix_length - bom, options, &local_error);
      /* What was read is only worth an answer or an error if it is the whole file. */
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          && !source_unchanged (source))
        return (set_changed_error (error, display_name), NULL);
      if (status == CHUNK_OK)
        return g_steal_pointer (&table);
      if (status != CHUNK_CONVERT)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  /* Not UTF-8 as it is: converted once, into one buffer. */
  {
    char *contents = NULL;

    if (!read_whole_file (source, display_name, &contents, error))
      return NULL;
    close (source->fd);
    source->fd = -1;
    source->base = 0;
    return table_decode_and_parse (g_steal_pointer (&table), contents, size, TRUE, options,
                                   error);
  }
}

FeCsvTable *
fe_csv_table_load (const char  *path,
                   GError     **error)
{
  return fe_csv_table_load_full (path, NULL, error);
}

/* ---------------------------------------------------------------------------------------- */
/* Tables built in code                                                                      */

FeCsvTable *
fe_csv_table_new (const char         *display_name,
                  const char * const *header)
{
  FeCsvTable *table;
  guint n;

  g_return_val_if_fail (display_name != NULL && header != NULL, NULL);

  table = table_new (display_name);
  table->built = TRUE;
  table->built_text = g_string_new (NULL);
  table->source.memory = table->built_text->str;
  n = g_strv_length ((char **) header);
  for (guint c = 0; c < n; c++)
    {
      g_autoptr(GString) cell = g_string_new (header[c]);

      tidy_cell (cell, 0);
      g_ptr_array_add (table->header_cells, g_strdup (cell->str));
    }
  table->stride = n;
  table->n_columns = n;
  table->columns = g_new0 (Column, MAX (n, 1));
  for (guint c = 0; c < n; c++)
    {
      table->columns[c].text = TRUE;
      stats_init (&table->columns[c].stats);
    }
  name_columns (table);
  return table;
}

void
fe_csv_table_append_row (FeCsvTable         *table,
                         const char * const *cells,
                         guint               line)
{
  GString *text;

  g_return_if_fail (table != NULL && cells != NULL);
  g_return_if_fail (table->built);

  text = table->built_text;
  for (guint c = 0; c < table->stride; c++)
    {
      Column *column = &table->columns[c];
      gsize from = text->len;
      Span span;

      g_string_append (text, cells[c]);
      tidy_cell (text, from);
      span.offset = (guint32) from;
      span.length = (guint32) (text->len - from);
      column->spans = g_renew (Span, column->spans, (gsize) table->n_stored + 1);
      column->spans[table->n_stored] = span;
      stats_add (&column->stats, text->str + from, span.length, 1);
    }
  table->source.length = text->len;
  table->source.memory = text->str;
  table->lines = g_renew (guint, table->lines, (gsize) table->n_stored + 1);
  table->lines[table->n_stored] = line;
  table->n_stored++;
}

void
fe_csv_table_free (FeCsvTable *table)
{
  if (table == NULL)
    return;

  g_free (table->name);
  g_ptr_array_unref (table->header);
  g_ptr_array_unref (table->header_cells);
  for (guint c = 0; table->columns != NULL && c < table->stride; c++)
    column_clear (&table->columns[c]);
  g_free (table->columns);
  g_free (table->row_offsets);
  g_free (table->lines);
  g_ptr_array_unref (table->warnings);
  if (table->source.fd >= 0)
    close (table->source.fd);
  if (table->built_text != NULL)
    g_string_free (table->built_text, TRUE);
  else
    g_free (table->source.memory);
  g_free (table->source.window);
  g_mutex_clear (&table->source.lock);
  g_hash_table_unref (table->cache);
  g_free (table);
}

/* ---------------------------------------------------------------------------------------- */
/* Reading cells                                                                             */

const char *
fe_csv_table_get_name (const FeCsvTable *table)
{
  return table->name;
}

guint
fe_csv_table_get_n_columns (const FeCsvTable *table)
{
  return table->n_columns;
}

guint
fe_csv_table_get_n_rows (const FeCsvTable *table)
{
  return table->n_stored - table->first_row;
}

const char *
fe_csv_table_get_header (const FeCsvTable *table,
                         guint             column)
{
  g_return_val_if_fail (column < table->n_columns, NULL);
  return g_ptr_array_index (table->header, column);
}

/* Reads the text of a stored cell into @out. Call with the source's lock held. */
static const char *
read_stored_cell (FeCsvTable *table,
                  guint       stored_row,
                  guint       column,
                  GString    *out)
{
  const Column *col = &table->columns[column];
  Span span;

  if (!col->text)
    return dict_text (&col->dict, col->ids[stored_row]);
  span = col->spans[stored_row];
  g_string_truncate (out, 0);
  if (SPAN_LENGTH (span.length) == 0)
    return "";
  if ((span.length & SPAN_DECODE) == 0)
    {
      if (!source_append (&table->source, span.offset, span.length, out))
        g_string_truncate (out, 0);
      return out->str;
    }
  {
    g_autoptr(GString) raw = g_string_new (NULL);

    if (source_append (&table->source, span.offset, SPAN_LENGTH (span.length), raw))
      append_field_text (raw->str, span.length, out);
  }
  return out->str;
}

static const char *
get_stored_cell (const FeCsvTable *const_table,
                 guint             stored_row,
                 guint             column)
{
  /* The cache is filled on demand, behind a const table. */
  FeCsvTable *table = (FeCsvTable *) const_table;
  const Column *col = &table->columns[column];
  gpointer key;
  char *text;

  if (!col->text)
    return dict_text (&col->dict, col->ids[stored_row]);
  if (SPAN_LENGTH (col->spans[stored_row].length) == 0)
    return "";

  key = GSIZE_TO_POINTER ((gsize) stored_row * table->stride + column);
  g_mutex_lock (&table->source.lock);
  text = g_hash_table_lookup (table->cache, key);
  if (text == NULL)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      read_stored_cell (table, stored_row, column, out);
      /* A read that failed (the file changed) is not kept: it is not the answer. */
      if (out->len == 0)
        {
          g_mutex_unlock (&table->source.lock);
          return "";
        }
      text = g_string_free (g_steal_pointer (&out), FALSE);
      g_hash_table_insert (table->cache, key, text);
    }
  g_mutex_unlock (&table->source.lock);
  return text;
}

const char *
fe_csv_table_get_cell (const FeCsvTable *table,
                       guint             row,
                       guint             column)
{
  g_return_val_if_fail (row < fe_csv_table_get_n_rows (table) && column < table->n_columns,
                        NULL);
  return get_stored_cell (table, table->first_row + row, column);
}

const char *
fe_csv_table_read_cell (const FeCsvTable *const_table,
                        guint             row,
                        guint             column,
                        GString          *scratch)
{
  FeCsvTable *table = (FeCsvTable *) const_table;
  const char *text;

  g_return_val_if_fail (row < fe_csv_table_get_n_rows (table) && column < table->n_columns,
                        NULL);
  g_return_val_if_fail (scratch != NULL, NULL);

  if (!table->columns[column].text)
    return dict_text (&table->columns[column].dict,
                      table->columns[column].ids[table->first_row + row]);
  g_mutex_lock (&table->source.lock);
  text = read_stored_cell (table, table->first_row + row, column, scratch);
  g_mutex_unlock (&table->source.lock);
  return text;
}

gboolean
fe_csv_table_check_source (const FeCsvTable  *const_table,
                           GError           **error)
{
  FeCsvTable *table = (FeCsvTable *) const_table;
  gboolean changed;

  g_mutex_lock (&table->source.lock);
  if (!table->source.changed && !source_unchanged (&table->source))
    table->source.changed = TRUE;
  changed = table->source.changed;
  g_mutex_unlock (&table->source.lock);
  if (changed)
    g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_CHANGED,
                 _("%s: the file changed on disk after it was opened, so its open answers can "
                   "no longer be read from it. Open it again (Reload) to see the file as it is "
                   "now."),
                 table->name);
  return !changed;
}

const char *
fe_csv_table_read_cell_checked (const FeCsvTable  *table,
                                guint              row,
                                guint              column,
                                GString           *scratch,
                                GError           **error)
{
  const char *text = fe_csv_table_read_cell (table, row, column, scratch);

  /* An answer that was there when the file was loaded cannot read back empty. */
  if (*text == '\0' && !fe_csv_table_cell_is_empty (table, row, column))
    {
      if (!fe_csv_table_check_source (table, error))
        return NULL;
    }
  return text;
}

gboolean
fe_csv_table_cell_is_empty (const FeCsvTable *table,
                            guint             row,
                            guint             column)
{
  const Column *col;

  g_return_val_if_fail (row < fe_csv_table_get_n_rows (table) && column < table->n_columns,
                        TRUE);
  col = &table->columns[column];
  if (!col->text)
    return col->ids[table->first_row + row] == 0;
  return SPAN_LENGTH (col->spans[table->first_row + row].length) == 0;
}

guint
fe_csv_table_get_n_values (const FeCsvTable *table,
                           guint             column)
{
  g_return_val_if_fail (column < table->n_columns, 0);
  return table->columns[column].text ? G_MAXUINT : table->columns[column].n_listed;
}

const char *
fe_csv_table_get_value (const FeCsvTable *table,
                        guint             column,
                        guint             value,
                        guint            *count,
                        guint            *first_row)
{
  const Column *col;

  g_return_val_if_fail (column < table->n_columns, NULL);
  col = &table->columns[column];
  g_return_val_if_fail (!col->text && value < col->n_listed, NULL);
  if (count != NULL)
    *count = col->listed_count[value];
  if (first_row != NULL)
    *first_row = col->listed_first[value];
  return dict_text (&col->dict, col->listed[value]);
}

const guint32 *
fe_csv_table_peek_values (const FeCsvTable  *table,
                          guint              column,
                          const guint32    **position)
{
  const Column *col = &table->columns[column];

  g_return_val_if_fail (column < table->n_columns && !col->text, NULL);
  *position = col->position;
  return col->ids + table->first_row;
}

void
fe_csv_table_mark_answered (const FeCsvTable *table,
                            guint             column,
                            guint64          *words)
{
  const Column *col = &table->columns[column];
  guint n_rows = fe_csv_table_get_n_rows (table);

  g_return_if_fail (column < table->n_columns);
  if (!col->text)
    {
      const guint32 *ids = col->ids + table->first_row;

      for (guint r = 0; r < n_rows; r++)
        words[r / 64] |= (guint64) (ids[r] != 0) << (r % 64);
    }
  else
    {
      const Span *spans = col->spans + table->first_row;

      for (guint r = 0; r < n_rows; r++)
        words[r / 64] |= (guint64) (SPAN_LENGTH (spans[r].length) != 0) << (r % 64);
    }
}

guint
fe_csv_table_get_value_index (const FeCsvTable *table,
                              guint             row,
                              guint             column)
{
  const Column *col = &table->columns[column];
  guint32 id;

  g_return_val_if_fail (row < fe_csv_table_get_n_rows (table) && column < table->n_columns,
                        G_MAXUINT);
  if (col->text)
    return G_MAXUINT;
  id = col->ids[table->first_row + row];
  return id == 0 ? G_MAXUINT : col->position[id];
}

void
fe_csv_table_get_text_stats (const FeCsvTable *table,
                             guint             column,
                             FeCsvTextStats   *out)
{
  const Column *col;
  const Stats *stats;
  Stats head;
  gboolean distinct = TRUE;

  memset (out, 0, sizeof *out);
  g_return_if_fail (column < table->n_columns);
  col = &table->columns[column];
  g_return_if_fail (col->text);
  stats = &col->stats;

  /* The head rows that are data rows. */
  stats_init (&head);
  for (guint r = table->first_row; r < HEAD_ROWS; r++)
    if (col->head[r] != NULL)
      stats_add (&head, col->head[r], strlen (col->head[r]), 1);

  out->n_answered = stats->n_answered + head.n_answered;
  if (!stats->not_integers && !head.not_integers)
    {
      GArray *all = stats->integers;

      out->n_integers = out->n_answered;
      out->min_integer = MIN (stats->min_integer, head.min_integer);
      out->max_integer = MAX (stats->max_integer, head.max_integer);
      for (guint i = 1; i < all->len && distinct; i++)
        distinct = g_array_index (all, gint64, i - 1) != g_array_index (all, gint64, i);
      for (guint i = 0; i < head.integers->len && distinct; i++)
        {
          gint64 value = g_array_index (head.integers, gint64, i);
          guint found = 0;

          distinct = !g_array_binary_search (all, &value, compare_int64, &found);
          for (guint j = 0; j < i && distinct; j++)
            distinct = g_array_index (head.integers, gint64, j) != value;
        }
      out->integers_distinct = distinct;
    }
  out->n_with_semicolon = stats->n_with_semicolon + head.n_with_semicolon;
  out->n_with_comma = MIN (2, stats->n_with_comma + head.n_with_comma);
  out->n_tokens = stats->n_tokens + head.n_tokens;
  if (stats->tokens != NULL && head.tokens != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      out->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_iter_init (&iter, stats->tokens);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (out->tokens, g_strdup (key), value);
      g_hash_table_iter_init (&iter, head.tokens);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (out->tokens, g_strdup (key),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (out->tokens,
                                                                                      key))
                                               + GPOINTER_TO_UINT (value)));
      if (g_hash_table_size (out->tokens) > FE_CSV_MAX_TOKENS)
        g_clear_pointer (&out->tokens, g_hash_table_unref);
    }
  stats_clear (&head);
}

void
fe_csv_text_stats_clear (FeCsvTextStats *stats)
{
  g_clear_pointer (&stats->tokens, g_hash_table_unref);
}

guint
fe_csv_table_get_line (const FeCsvTable *const_table,
                       guint             row)
{
  FeCsvTable *table = (FeCsvTable *) const_table;
  guint line;

  g_return_val_if_fail (row < fe_csv_table_get_n_rows (table), 0);

  /* Counted once, when first asked: most loads never need a line number. */
  g_mutex_lock (&table->source.lock);
  if (table->lines == NULL)
    {
      g_autofree gsize *offsets = g_new (gsize, MAX (table->n_stored, 1));

      for (guint r = 0; r < table->n_stored; r++)
        offsets[r] = table->row_offsets[r];
      table->lines = g_new (guint, MAX (table->n_stored, 1));
      source_count_lines (&table->source, offsets, table->lines, table->n_stored);
    }
  line = table->lines[table->first_row + row];
  g_mutex_unlock (&table->source.lock);
  return line;
}

int
fe_csv_table_find_column (const FeCsvTable *table,
                          const char       *name)
{
  for (guint i = 0; i < table->n_columns; i++)
    if (g_strcmp0 (g_ptr_array_index (table->header, i), name) == 0)
      return (int) i;
  return -1;
}

char
fe_csv_table_get_delimiter (const FeCsvTable *table)
{
  return table->delimiter;
}

GPtrArray *
fe_csv_table_get_warnings (const FeCsvTable *table)
{
  return table->warnings;
}

void
fe_csv_table_take_header_rows (FeCsvTable *table,
                               guint       n_rows)
{
  g_return_if_fail (n_rows <= fe_csv_table_get_n_rows (table));

  if (n_rows == 0)
    return;
  table->first_row += n_rows;
  for (guint c = 0; c < table->stride; c++)
    if (!table->columns[c].text)
      column_build_listing (table, &table->columns[c]);
}

guint
fe_csv_table_get_n_header_rows (const FeCsvTable *table)
{
  return table->first_row + 1;
}

const char *
fe_csv_table_get_header_cell (const FeCsvTable *table,
                              guint             header_row,
                              guint             column)
{
  g_return_val_if_fail (header_row <= table->first_row && column < table->n_columns, NULL);

  if (header_row == 0)
    return g_ptr_array_index (table->header_cells, column);
  return get_stored_cell (table, header_row - 1, column);
}
