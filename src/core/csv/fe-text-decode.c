/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-text-decode.h"

#include "fe-i18n.h"
#include <string.h>

#include "fe-csv-table.h"

/* Line numbers kept for a message; the rest are only counted. */
#define MAX_LISTED_LINES 5

/* How much of the file is looked at to tell text from a binary file. */
#define SNIFF_BYTES 8192

/* Windows-1252 0x80–0x9f; the five bytes it leaves undefined keep their Latin-1 meaning. */
static const gunichar cp1252_high[32] = {
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
};

/* Mac Roman 0x80–0xff, as Apple maps it since Mac OS 8.5 (0xdb is the euro sign). */
static const gunichar mac_roman_high[128] = {
  0x00c4, 0x00c5, 0x00c7, 0x00c9, 0x00d1, 0x00d6, 0x00dc, 0x00e1,
  0x00e0, 0x00e2, 0x00e4, 0x00e3, 0x00e5, 0x00e7, 0x00e9, 0x00e8,
  0x00ea, 0x00eb, 0x00ed, 0x00ec, 0x00ee, 0x00ef, 0x00f1, 0x00f3,
  0x00f2, 0x00f4, 0x00f6, 0x00f5, 0x00fa, 0x00f9, 0x00fb, 0x00fc,
  0x2020, 0x00b0, 0x00a2, 0x00a3, 0x00a7, 0x2022, 0x00b6, 0x00df,
  0x00ae, 0x00a9, 0x2122, 0x00b4, 0x00a8, 0x2260, 0x00c6, 0x00d8,
  0x221e, 0x00b1, 0x2264, 0x2265, 0x00a5, 0x00b5, 0x2202, 0x2211,
  0x220f, 0x03c0, 0x222b, 0x00aa, 0x00ba, 0x03a9, 0x00e6, 0x00f8,
  0x00bf, 0x00a1, 0x00ac, 0x221a, 0x0192, 0x2248, 0x2206, 0x00ab,
  0x00bb, 0x2026, 0x00a0, 0x00c0, 0x00c3, 0x00d5, 0x0152, 0x0153,
  0x2013, 0x2014, 0x201c, 0x201d, 0x2018, 0x2019, 0x00f7, 0x25ca,
  0x00ff, 0x0178, 0x2044, 0x20ac, 0x2039, 0x203a, 0xfb01, 0xfb02,
  0x2021, 0x00b7, 0x201a, 0x201e, 0x2030, 0x00c2, 0x00ca, 0x00c1,
  0x00cb, 0x00c8, 0x00cd, 0x00ce, 0x00cf, 0x00cc, 0x00d3, 0x00d4,
  0xf8ff, 0x00d2, 0x00da, 0x00db, 0x00d9, 0x0131, 0x02c6, 0x02dc,
  0x00af, 0x02d8, 0x02d9, 0x02da, 0x00b8, 0x02dd, 0x02db, 0x02c7,
};

/* The 8-bit encodings a file that is not UTF-8 may be in. */
typedef enum
{
  LEGACY_WINDOWS_1252,
  LEGACY_LATIN_1,
  LEGACY_MAC_ROMAN,
} Legacy;

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

char *
fe_text_describe_lines (const GArray *lines,
                        guint         n_lines)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint listed = MIN (lines->len, n_lines);

  for (guint i = 0; i < listed; i++)
    {
      if (i > 0 && i + 1 == listed && n_lines == listed)
        g_string_append (list, _(" and "));
      else if (i > 0)
        g_string_append (list, ", ");
      g_string_append_printf (list, "%u", g_array_index (lines, guint, i));
    }
  if (n_lines > listed)
    g_string_append_printf (list, _(" and %u more"), n_lines - listed);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* Remembers the line of a repair: the first few for the message, and how many in all. */
static void
note_line (GArray *lines,
           guint  *n_lines,
           guint   line)
{
  if (lines->len > 0 && g_array_index (lines, guint, lines->len - 1) == line)
    return;
  if (lines->len < MAX_LISTED_LINES)
    g_array_append_val (lines, line);
  (*n_lines)++;
}

static gboolean
is_line_break (const char *text,
               gsize       length,
               gsize       i)
{
  return text[i] == '\n' || (text[i] == '\r' && (i + 1 >= length || text[i + 1] != '\n'));
}

static const char *
binary_kind (const guchar *data,
             gsize         length)
{
  if (length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    return _("an Excel workbook (.xlsx) or another zip archive");
  if (length >= 4 && memcmp (data, "\xd0\xcf\x11\xe0", 4) == 0)
    return _("an old Excel workbook (.xls) or another Office document");
  if (length >= 4 && memcmp (data, "%PDF", 4) == 0)
    return _("a PDF document");
  if (length >= 4 && (memcmp (data, "\x89PNG", 4) == 0 || memcmp (data, "GIF8", 4) == 0
                      || memcmp (data, "\xff\xd8\xff", 3) == 0))
    return _("a picture");
  if (length >= 4 && memcmp (data, "\x7f" "ELF", 4) == 0)
    return _("a program");
  if (length >= 4 && (memcmp (data, "$FL2", 4) == 0 || memcmp (data, "$FL3", 4) == 0))
    return _("an SPSS data file (.sav, .zsav)");
  if (length >= 11 && memcmp (data, "<stata_dta>", 11) == 0)
    return _("a Stata data file (.dta)");
  /* A portable file is text, in 80-column lines that would read as CSV of nonsense: its
   * signature follows a 200-byte header of character-set tables. */
  if (g_strstr_len ((const char *) data, MIN (length, 512), "SPSS PORT FILE") != NULL)
    return _("an SPSS portable file (.por)");
  return NULL;
}

/* A text file has few control characters; a binary one (a picture, a workbook, a program) has
 * many. Only the start of the file is looked at. */
static gboolean
looks_binary (const guchar *data,
              gsize         length)
{
  gsize sample = MIN (length, SNIFF_BYTES);
  guint controls = 0;

  for (gsize i = 0; i < sample; i++)
    if ((data[i] < 0x20 && data[i] != '\t' && data[i] != '\n' && data[i] != '\r'
         && data[i] != '\f' && data[i] != '\v') || data[i] == 0x7f)
      controls++;
  return controls > 8 && controls * 20 > sample;
}

/* UTF-16 without a byte-order mark: text in the ASCII range has a NUL in every other byte. */
static const char *
sniff_utf16 (const guchar *data,
             gsize         length)
{
  gsize sample = MIN (length, SNIFF_BYTES) & ~(gsize) 1;
  guint even_nul = 0, odd_nul = 0;

  if (sample < 8)
    return NULL;
  for (gsize i = 0; i < sample; i += 2)
    {
      even_nul += data[i] == 0;
      odd_nul += data[i + 1] == 0;
    }
  if (odd_nul * 10 >= sample / 2 * 9 && even_nul == 0)
    return "UTF-16LE";
  if (even_nul * 10 >= sample / 2 * 9 && odd_nul == 0)
    return "UTF-16BE";
  return NULL;
}

static gboolean
set_binary_error (const char    *display_name,
                  const guchar  *data,
                  gsize          length,
                  GError       **error)
{
  const char *kind = binary_kind (data, length);

  if (kind != NULL)
    g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_BINARY,
                 _("%s, line 1, column 1: this is %s, not a CSV text file. Open it in the "
                   "program it comes from and save or export it as “CSV UTF-8”, then open that "
                   "file."),
                 display_name, kind);
  else
    g_set_error (error, FE_CSV_ERROR, FE_CSV_ERROR_BINARY,
                 _("%s, line 1, column 1: this file holds binary data, not CSV text. Export the "
                   "survey results again as CSV and open that file."),
                 display_name);
  return FALSE;
}

/* Drops NUL bytes (which some exports leave in empty fields) from otherwise textual data. */
static char *
drop_nul_bytes (const char *display_name,
                const char *text,
                gsize       length,
                gsize      *out_length,
                GPtrArray  *warnings)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  char *clean = g_malloc (length + 1);
  gsize written = 0;
  guint n_lines = 0;
  guint line = 1;

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\0')
        {
          note_line (lines, &n_lines, line);
          continue;
        }
      if (is_line_break (text, length, i))
        line++;
      clean[written++] = text[i];
    }
  clean[written] = '\0';
  *out_length = written;

  if (warnings != NULL)
    {
      g_autofree char *list = fe_text_describe_lines (lines, n_lines);

      g_ptr_array_add (warnings,
                       g_strdup_printf (ngettext (
                                                     "%s, line %s: the file contains NUL bytes, "
                                                     "which were removed. Check the answers on "
                                                     "that line.",
                                                     "%s, lines %s: the file contains NUL bytes, "
                                                     "which were removed. Check the answers on "
                                                     "those lines.", n_lines),
                                        display_name, list));
    }
  return clean;
}

static const char *
decode_utf16 (const char  *display_name,
              const char  *data,
              gsize        length,
              const char  *charset,
              gsize       *out_length,
              char       **converted,
              GPtrArray   *warnings,
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

  /* iconv converts whole characters only: a last odd byte is left over, not an error. */
  if (bytes_read < length && warnings != NULL)
    g_ptr_array_add (warnings,
                     g_strdup_printf (_("%s: the file ends in half a UTF-16 character, which was "
                                        "left out. Check the last answer; if the export was cut "
                                        "short, export the survey results again."),
                                      display_name));

  if (memchr (utf8, '\0', bytes_written) != NULL)
    {
      char *clean = drop_nul_bytes (display_name, utf8, bytes_written, &bytes_written, warnings);

      g_free (utf8);
      utf8 = clean;
    }

  *converted = utf8;
  *out_length = bytes_written;
  return utf8;
}

static gunichar
legacy_char (Legacy legacy,
             guchar byte)
{
  if (byte < 0x80)
    return byte;
  if (legacy == LEGACY_MAC_ROMAN)
    return mac_roman_high[byte - 0x80];
  if (byte < 0xa0 && legacy == LEGACY_WINDOWS_1252)
    return cp1252_high[byte - 0x80];
  return byte;
}

static void
append_legacy (GString *out,
               Legacy   legacy,
               guchar   byte)
{
  /* SurveyMonkey on a Mac writes a no-break space (0xca) where a space was typed: kept, a label
   * such as "Not much" would no longer match the codebook's levels or a Likert wording. */
  if (legacy == LEGACY_MAC_ROMAN && byte == 0xca)
    g_string_append_c (out, ' ');
  else if (byte < 0x80)
    g_string_append_c (out, (char) byte);
  else
    g_string_append_unichar (out, legacy_char (legacy, byte));
}

/* Characters that text in any Western language hardly ever holds, but that a byte read in the
 * wrong 8-bit encoding often becomes. */
static gboolean
is_rare_symbol (gunichar c)
{
  static const gunichar rare[] = {
    0x00a4, 0x00a6, 0x00a8, 0x00ac, 0x00af, 0x00b4, 0x00b8, 0x0131, 0x0192, 0x02c6, 0x02c7,
    0x02d8, 0x02d9, 0x02da, 0x02db, 0x02dc, 0x02dd, 0x03a9, 0x03c0, 0x2020, 0x2021, 0x201a,
    0x201e, 0x2030, 0x2044, 0x2202, 0x2206, 0x220f, 0x2211, 0x221a, 0x221e, 0x222b, 0x2248,
    0x2260, 0x2264, 0x2265, 0x25ca, 0xfb01, 0xfb02,
  };

  if (c >= 0xe000 && c <= 0xf8ff)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (rare); i++)
    if (rare[i] == c)
      return TRUE;
  return FALSE;
}

static gboolean
is_symbol (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_MATH_SYMBOL:
    case G_UNICODE_CURRENCY_SYMBOL:
    case G_UNICODE_MODIFIER_SYMBOL:
    case G_UNICODE_OTHER_SYMBOL:
    case G_UNICODE_OTHER_PUNCTUATION:
      return TRUE;
    default:
      return FALSE;
    }
}

/* How many of the file's 8-bit characters would be implausible read as @legacy: control
 * characters, rare symbols, a capital letter straight after a small one ("knowledgeÊof",
 * "cafŽ"), a symbol inside a word ("m·s"). Each wrong reading of the common letters and
 * punctuation of one encoding produces such characters in the other. */
static guint64
implausible_chars (const guchar *text,
                   gsize         length,
                   Legacy        legacy)
{
  guint64 score = 0;

  for (gsize i = 0; i < length; i++)
    {
      gunichar c, before, after;

      if (text[i] < 0x80)
        continue;
      c = legacy_char (legacy, text[i]);
      before = i > 0 ? legacy_char (legacy, text[i - 1]) : ' ';
      after = i + 1 < length ? legacy_char (legacy, text[i + 1]) : ' ';
      if (c >= 0x80 && c < 0xa0)
        score += 2;
      else if (is_rare_symbol (c))
        score++;
      else if (g_unichar_isupper (c) && g_unichar_islower (before))
        score++;
      else if (is_symbol (c) && g_ascii_isalpha (before) && g_ascii_isalpha (after))
        score++;
    }
  return score;
}

/* Which 8-bit encoding a file with no UTF-8 in it is in: Windows-1252 unless Mac Roman reads
 * it with fewer implausible characters; Latin-1 when it has no byte on which the two differ. */
static Legacy
guess_legacy (const guchar *text,
              gsize         length)
{
  gboolean any_c1 = FALSE;

  if (implausible_chars (text, length, LEGACY_MAC_ROMAN)
      < implausible_chars (text, length, LEGACY_WINDOWS_1252))
    return LEGACY_MAC_ROMAN;
  for (gsize i = 0; i < length && !any_c1; i++)
    any_c1 = text[i] >= 0x80 && text[i] < 0xa0;
  return any_c1 ? LEGACY_WINDOWS_1252 : LEGACY_LATIN_1;
}

/* Whether @text holds at least one valid UTF-8 sequence beyond ASCII. */
static gboolean
has_utf8_multibyte (const char *text,
                    gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      gunichar c;

      if ((guchar) text[i] < 0xc2)
        continue;
      c = g_utf8_get_char_validated (text + i, (gssize) MIN (length - i, 4));
      if (c != (gunichar) -1 && c != (gunichar) -2)
        return TRUE;
    }
  return FALSE;
}

/* The sentence that says which 8-bit encoding a file was read in. */
static char *
describe_legacy (const char *display_name,
                 Legacy      legacy)
{
  switch (legacy)
    {
    case LEGACY_MAC_ROMAN:
      return g_strdup_printf (_("%s: the file is not UTF-8, so it was read as Mac Roman (what "
                                "older programs on a Mac, such as SurveyMonkey exports opened "
                                "there, write). If accented letters look wrong, save it again "
                                "as “CSV UTF-8” and open that file."),
                              display_name);
    case LEGACY_LATIN_1:
      return g_strdup_printf (_("%s: the file is not UTF-8, so it was read as Latin-1 (ISO "
                                "8859-1, Western European). If accented letters look wrong, "
                                "save it again as “CSV UTF-8” and open that file."),
                              display_name);
    case LEGACY_WINDOWS_1252:
    default:
      return g_strdup_printf (_("%s: the file is not UTF-8, so it was read as Windows-1252 "
                                "(Western European, what Excel writes on Windows). If accented "
                                "letters look wrong, save it again as “CSV UTF-8” and open that "
                                "file."),
                              display_name);
    }
}

/* Keeps every valid UTF-8 sequence and reads each other byte as Windows-1252: right for a UTF-8
 * file into which a few legacy bytes were pasted. A file with no UTF-8 in it at all is read
 * whole in the 8-bit encoding that suits it best (Windows-1252 or Latin-1, what Excel writes on
 * Windows, or Mac Roman). */
static char *
repair_encoding (const char *display_name,
                 const char *text,
                 gsize       length,
                 gsize       valid_prefix,
                 gsize      *out_length,
                 GPtrArray  *warnings)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  GString *out = g_string_sized_new (length + length / 8 + 16);
  guint n_lines = 0;
  guint line = 1;

  if (!has_utf8_multibyte (text, length))
    {
      Legacy legacy = guess_legacy ((const guchar *) text, length);

      for (gsize i = 0; i < length; i++)
        append_legacy (out, legacy, (guchar) text[i]);
      if (warnings != NULL)
        g_ptr_array_add (warnings, describe_legacy (display_name, legacy));
      *out_length = out->len;
      return g_string_free (out, FALSE);
    }

  for (gsize i = 0; i < valid_prefix; i++)
    if (is_line_break (text, length, i))
      line++;
  g_string_append_len (out, text, (gssize) valid_prefix);

  for (gsize i = valid_prefix; i < length;)
    {
      guchar byte = (guchar) text[i];
      gunichar c;

      if (byte < 0x80)
        {
          if (is_line_break (text, length, i))
            line++;
          g_string_append_c (out, (char) byte);
          i++;
          continue;
        }

      c = g_utf8_get_char_validated (text + i, (gssize) MIN (length - i, 4));
      if (c != (gunichar) -1 && c != (gunichar) -2)
        {
          gsize n = (gsize) (g_utf8_next_char (text + i) - (text + i));

          g_string_append_len (out, text + i, (gssize) n);
          i += n;
          continue;
        }

      note_line (lines, &n_lines, line);
      append_legacy (out, LEGACY_WINDOWS_1252, byte);
      i++;
    }

  if (warnings != NULL)
    {
      g_autofree char *list = fe_text_describe_lines (lines, n_lines);

      g_ptr_array_add (warnings,
                       g_strdup_printf (ngettext (
                                                     "%s, line %s: some characters were not UTF-8 "
                                                     "and were read as Windows-1252. Check the "
                                                     "accented letters and symbols there.",
                                                     "%s, lines %s: some characters were not UTF-8 "
                                                     "and were read as Windows-1252. Check the "
                                                     "accented letters and symbols there.",
                                                     n_lines),
                                        display_name, list));
    }

  *out_length = out->len;
  return g_string_free (out, FALSE);
}

gboolean
fe_text_sniff (const char  *display_name,
               const char  *prefix,
               gsize        prefix_length,
               gsize       *bom_length,
               gboolean    *convert,
               GError     **error)
{
  const guchar *bytes = (const guchar *) prefix;
  gsize skip = 0;

  *bom_length = 0;
  *convert = FALSE;
  /* The same order of tests as fe_text_decode(), which these files then skip. */
  if (prefix_length >= 2 && ((bytes[0] == 0xff && bytes[1] == 0xfe)
                             || (bytes[0] == 0xfe && bytes[1] == 0xff)))
    {
      *convert = TRUE;
      return TRUE;
    }
  if (sniff_utf16 (bytes, prefix_length) != NULL)
    {
      *convert = TRUE;
      return TRUE;
    }
  if (prefix_length >= 3 && memcmp (prefix, "\xef\xbb\xbf", 3) == 0)
    skip = 3;
  if (binary_kind (bytes, prefix_length - skip) != NULL
      || looks_binary (bytes + skip, prefix_length - skip))
    return set_binary_error (display_name, bytes, prefix_length - skip, error);
  *bom_length = skip;
  return TRUE;
}

const char *
fe_text_decode (const char  *display_name,
                const char  *data,
                gsize        length,
                gsize       *out_length,
                char       **converted,
                GPtrArray   *warnings,
                GError     **error)
{
  const guchar *bytes = (const guchar *) data;
  g_autofree char *without_nul = NULL;
  const char *utf16;
  const char *end = NULL;

  *converted = NULL;

  if (length >= 2 && bytes[0] == 0xff && bytes[1] == 0xfe)
    return decode_utf16 (display_name, data + 2, length - 2, "UTF-16LE", out_length, converted,
                         warnings, error);
  if (length >= 2 && bytes[0] == 0xfe && bytes[1] == 0xff)
    return decode_utf16 (display_name, data + 2, length - 2, "UTF-16BE", out_length, converted,
                         warnings, error);
  if ((utf16 = sniff_utf16 (bytes, length)) != NULL)
    return decode_utf16 (display_name, data, length, utf16, out_length, converted, warnings,
                         error);
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (binary_kind (bytes, length) != NULL || looks_binary ((const guchar *) data, length))
    {
      set_binary_error (display_name, bytes, length, error);
      return NULL;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      without_nul = drop_nul_bytes (display_name, data, length, &length, warnings);
      data = without_nul;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      *converted = repair_encoding (display_name, data, length, (gsize) (end - data), out_length,
                                    warnings);
      return *converted;
    }

  *out_length = length;
  if (without_nul != NULL)
    {
      *converted = g_steal_pointer (&without_nul);
      return *converted;
    }
  return data;
}

char *
fe_text_shorten (const char *text,
                 guint       max_chars)
{
  const char *end = text;
  guint n = 0;
  g_autofree char *start = NULL;

  while (*end != '\0' && n < max_chars)
    {
      end = g_utf8_next_char (end);
      n++;
    }
  if (*end == '\0')
    return g_strdup (text);
  start = g_utf8_substring (text, 0, max_chars > 0 ? max_chars - 1 : 0);
  return g_strconcat (start, "…", NULL);
}
