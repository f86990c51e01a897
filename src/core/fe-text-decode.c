/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-text-decode.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fe-csv-table.h"

void
fe_text_position (const char *text,
                  gsize       offset,
                  guint      *line,
                  guint      *column)
{
  guint l = 1;
  gsize line_start = 0;

  for (gsize i = 0; i < offset; i++)
    {
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= offset || text[i + 1] != '\n')))
        {
          l++;
          line_start = i + 1;
        }
    }

  *line = l;
  /* Counting lead bytes only keeps this safe on text whose tail is not yet known to be valid. */
  *column = 1;
  for (gsize i = line_start; i < offset; i++)
    if (((guchar) text[i] & 0xc0) != 0x80)
      (*column)++;
}

static gboolean
check_no_nul (const char  *display_name,
              const char  *text,
              gsize        length,
              GError     **error)
{
  const char *nul = memchr (text, '\0', length);
  guint line, column;

  if (nul == NULL)
    return TRUE;

  fe_text_position (text, (gsize) (nul - text), &line, &column);
  g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_BINARY,
               _("%s, line %u, column %u: the file contains a NUL byte, so it is not a plain "
                 "text CSV file. Export the survey results again as CSV and open that file."),
               display_name, line, column);
  return FALSE;
}

static const char *
decode_utf16 (const char  *display_name,
              const char  *data,
              gsize        length,
              const char  *charset,
              gsize       *out_length,
              char       **converted,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize bytes_read = 0;
  gsize bytes_written = 0;
  char *utf8;

  utf8 = g_convert (data, (gssize) length, "UTF-8", charset, &bytes_read, &bytes_written,
                    &local_error);
  if (utf8 == NULL)
    {
      /* Converting what came before the bad bytes tells us where they stand in the text. */
      g_autofree char *prefix = g_convert (data, (gssize) (bytes_read & ~(gsize) 1), "UTF-8",
                                           charset, NULL, NULL, NULL);
      guint line = 1, column = 1;

      if (prefix != NULL)
        fe_text_position (prefix, strlen (prefix), &line, &column);
      g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_ENCODING,
                   _("%s, line %u, column %u: the file starts as UTF-16 text but this part is "
                     "not valid UTF-16. Save the file again as “CSV UTF-8” and open that file."),
                   display_name, line, column);
      return NULL;
    }

  if (!check_no_nul (display_name, utf8, bytes_written, error))
    {
      g_free (utf8);
      return NULL;
    }

  *converted = utf8;
  *out_length = bytes_written;
  return utf8;
}

const char *
fe_text_decode (const char  *display_name,
                const char  *data,
                gsize        length,
                gsize       *out_length,
                char       **converted,
                GError     **error)
{
  const char *end = NULL;

  *converted = NULL;

  if (length >= 2 && (guchar) data[0] == 0xff && (guchar) data[1] == 0xfe)
    return decode_utf16 (display_name, data + 2, length - 2, "UTF-16LE", out_length, converted,
                         error);
  if (length >= 2 && (guchar) data[0] == 0xfe && (guchar) data[1] == 0xff)
    return decode_utf16 (display_name, data + 2, length - 2, "UTF-16BE", out_length, converted,
                         error);
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!check_no_nul (display_name, data, length, error))
    return NULL;

  if (!g_utf8_validate_len (data, length, &end))
    {
      guint line, column;

      fe_text_position (data, (gsize) (end - data), &line, &column);
      g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_ENCODING,
                   _("%s, line %u, column %u: this text is not valid UTF-8. Save the file again "
                     "as “CSV UTF-8” (in Excel: File › Save As › CSV UTF-8) and open that file."),
                   display_name, line, column);
      return NULL;
    }

  *out_length = length;
  return data;
}
