/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-xlsx-reader.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include "fe-i18n.h"
#include <glib/gstdio.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "fe-csv-field.h"

/* How a workbook is read: one pass over the zip keeps its XML parts in memory (a sheet's
 * strings usually come after it, in Qualtrics downloads before it), then the workbook, its
 * relationships, shared strings and styles are read, and the sheet asked for is turned into
 * rows of text cells, written as CSV and parsed by the CSV loader. */

G_DEFINE_QUARK (fe-xlsx-error-quark, fe_xlsx_error)

#define DEFAULT_MAX_BYTES ((gsize) 1024 * 1024 * 1024)
/* Excel's grid. */
#define MAX_COLUMNS 16384
#define MAX_ROWS 1048576
#define MAX_ENTRIES 100000

static gsize max_bytes = DEFAULT_MAX_BYTES;

void
fe_xlsx_set_max_bytes (gsize bytes)
{
  max_bytes = bytes ? bytes : DEFAULT_MAX_BYTES;
}

void
fe_xlsx_sheet_info_free (FeXlsxSheetInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info);
}

/* ---- What the file is ---------------------------------------------------------------------- */

static const guchar zip_magic[] = { 'P', 'K', 3, 4 };
static const guchar empty_zip_magic[] = { 'P', 'K', 5, 6 };
static const guchar ole_magic[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

FeXlsxKind
fe_xlsx_sniff_path (const char *path)
{
  guchar head[8] = { 0 };
  gssize n;
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
  GStatBuf st;

  if (fd < 0)
    return FE_XLSX_KIND_NONE;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return FE_XLSX_KIND_NONE;
    }
  n = read (fd, head, sizeof head);
  close (fd);
  if (n >= 4 && (memcmp (head, zip_magic, 4) == 0 || memcmp (head, empty_zip_magic, 4) == 0))
    return FE_XLSX_KIND_ZIP;
  if (n == 8 && memcmp (head, ole_magic, 8) == 0)
    return FE_XLSX_KIND_OLE;
  return FE_XLSX_KIND_NONE;
}

/* An OLE compound file: an encrypted Office Open XML workbook keeps its package in a stream
 * named "EncryptedPackage" (in UTF-16 in the file's directory); any other is an old .xls. */
static void
set_ole_error (const char  *path,
               const char  *name,
               GError     **error)
{
  static const char wanted[] = "EncryptedPackage";
  guchar pattern[2 * sizeof wanted - 2];
  g_autofree guchar *buffer = g_malloc (1024 * 1024 + sizeof pattern);
  gboolean encrypted = FALSE;
  gsize carried = 0, total = 0;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  for (gsize i = 0; i + 1 < sizeof wanted; i++)
    {
      pattern[2 * i] = (guchar) wanted[i];
      pattern[2 * i + 1] = 0;
    }
  while (fd >= 0 && !encrypted && total < 256 * 1024 * 1024)
    {
      gssize n = read (fd, buffer + carried, 1024 * 1024);

      if (n <= 0)
        break;
      total += (gsize) n;
      n += (gssize) carried;
      for (gsize i = 0; i + sizeof pattern <= (gsize) n && !encrypted; i++)
        encrypted = buffer[i] == 'E' && memcmp (buffer + i, pattern, sizeof pattern) == 0;
      carried = MIN ((gsize) n, sizeof pattern - 1);
      memmove (buffer, buffer + n - carried, carried);
    }
  if (fd >= 0)
    close (fd);

  if (encrypted)
    g_set_error (error, FE_XLSX_ERROR, FE_XLSX_ERROR_ENCRYPTED,
                 _("%s is protected with a password, so it cannot be read. Open it in Excel, "
                   "remove the password (File › Info › Protect Workbook › Encrypt with "
                   "Password, then clear it) and save it as an Excel Workbook (.xlsx), or save "
                   "it as “CSV UTF-8”; then open that file."),
                 name);
  else
    g_set_error (error, FE_XLSX_ERROR, FE_XLSX_ERROR_OLD_FORMAT,
                 _("%s is an Excel 97–2003 workbook (.xls), which Findings Explorer cannot "
                   "read. Open it in Excel or LibreOffice Calc and save it as an Excel Workbook "
                   "(.xlsx) or as “CSV UTF-8” (comma delimited); then open that file."),
                 name);
}

/* ---- The zip container ---------------------------------------------------------------------- */

typedef struct
{
  char       *name;        /* the file's name, for messages */
  GHashTable *parts;       /* lower-cased part name → GBytes */
  gboolean    date1904;
  GPtrArray  *sheet_names; /* char* */
  GPtrArray  *sheet_parts; /* char*: the part of each sheet, lower-cased; "" when unknown */
  GArray     *sheet_hidden;  /* gboolean */
  GPtrArray  *strings;     /* char*: the shared strings */
  GArray     *xf_kinds;    /* guint8 per cell format: what its number format shows */
} Workbook;

static void
workbook_free (Workbook *wb)
{
  if (wb == NULL)
    return;
  g_free (wb->name);
  g_clear_pointer (&wb->parts, g_hash_table_unref);
  g_clear_pointer (&wb->sheet_names, g_ptr_array_unref);
  g_clear_pointer (&wb->sheet_parts, g_ptr_array_unref);
  g_clear_pointer (&wb->sheet_hidden, g_array_unref);
  g_clear_pointer (&wb->strings, g_ptr_array_unref);
  g_clear_pointer (&wb->xf_kinds, g_array_unref);
  g_free (wb);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Workbook, workbook_free)

static gboolean
wanted_part (const char *lower)
{
  return g_str_has_suffix (lower, ".xml") || g_str_has_suffix (lower, ".rels");
}

static void
set_too_large_error (Workbook  *wb,
                     GError   **error)
{
  g_autofree char *size = g_format_size_full (max_bytes, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, FE_XLSX_ERROR, FE_XLSX_ERROR_TOO_LARGE,
               _("%s expands to more than %s of data when unpacked, more than Findings "
                 "Explorer reads from a workbook (it may be a damaged or malicious file). Save "
                 "the sheet with the responses as “CSV UTF-8” and open that."),
               wb->name, size);
}

static void
set_zip_error (Workbook       *wb,
               struct archive *archive,
               const char     *part,
               GError        **error)
{
  const char *why = archive_error_string (archive);

  if (part != NULL)
    g_set_error (error, FE_XLSX_ERROR, FE_XLSX_ERROR_CORRUPT,
                 _("%s is damaged: its part %s cannot be unpacked (%s). Download or save the "
                   "workbook again."),
                 wb->name, part, why ? why : _("unknown error"));
  else
    g_set_error (error, FE_XLSX_ERROR, FE_XLSX_ERROR_CORRUPT,
                 _("%s is not a readable Excel workbook: its zip container is damaged (%s). "
                   "The file may be cut short or incompletely downloaded; download or save it "
                   "again."),
                 wb->name, why ? why : _("unknown error"));
}

static gboolean
read_parts (Workbook    *wb,
            const char  *path,
            GError     **error)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  gsize total = 0;
  guint n_entries = 0;
  gboolean ok = FALSE;
  int r;

  archive_read_support_format_zip_seekable (archive);
  if (archive_read_open_filename (archive, path, 64 * 1024) != ARCHIVE_OK)
    {
      int code = archive_errno (archive);

      if (code == ENOENT || code == EACCES || code == EISDIR || code == EIO || code == EPERM)
        g_set_error (error, FE_XLSX_ERROR, FE_XLSX_ERROR_IO, _("%s cannot be read: %s"),
                     wb->name, g_strerror (archive_errno (archive)));
      else
        set_zip_error (wb, archive, NULL, error);
      goto out;
    }
  while ((r = archive_read_next_header (archive, &entry)) != ARCHIVE_EOF)
    {
      const char *entry_name;
      g_autofree char *lower = NULL;
      GByteArray *data;

      if (r < ARCHIVE_WARN)
        {
          set_zip_error (wb, archive, NULL, error);
          goto out;
        }
      if (++n_entries > MAX_ENTRIES)
        {
          set_too_large_error (wb, error);
          goto out;
        }
      entry_name = archive_entry_pathname (entry);
      if (entry_name == NULL || archive_entry_filetype (entry) == AE_IFDIR)
        continue;
      lower = g_ascii_strdown (entry_name[0] == '/' ? entry_name + 1 : entry_name, -1);
      if (!wanted_part (lower))
        continue;
      if (archive_entry_is_encrypted (entry))
        {
          g_set_error (error, FE_XLSX_ERROR, FE_XLSX_ERROR_ENCRYPTED,
                       _("%s has encrypted parts, so it cannot be read. Open it in Excel, "
                         "remove the password and save it as an Excel Workbook (.xlsx), or "
                         "save it as “CSV UTF-8”; then open that file."),
                       wb->name);
          goto out;
        }
      /* What the zip's directory says it holds, when it says so, is refused before any of it
       * is unpacked; what it holds in fact is counted as it is. */
      if (archive_entry_size_is_set (entry)
          && (guint64) archive_entry_size (entry) > max_bytes - MIN (total, max_bytes))
        {
          set_too_large_error (wb, error);
          goto out;
        }
      data = g_byte_array_new ();
      for (;;)
        {
          guchar block[64 * 1024];
          la_ssize_t n = archive_read_data (archive, block, sizeof block);

          if (n == 0)
            break;
          if (n < 0)
            {
              g_byte_array_unref (data);
              set_zip_error (wb, archive, entry_name, error);
              goto out;
            }
          total += (gsize) n;
          if (total > max_bytes)
            {
              g_byte_array_unref (data);
              set_too_large_error (wb, error);
              goto out;
            }
          g_byte_array_append (data, block, (guint) n);
        }
      g_hash_table_replace (wb->parts, g_steal_pointer (&lower),
                            g_byte_array_free_to_bytes (data));
    }
  ok = TRUE;
out:
  archive_read_free (archive);
  return ok;
}

/* ---- XML ------------------------------------------------------------------------------------ */

typedef struct
{
  xmlTextReaderPtr reader;
  const char      *part;
  char            *message;  /* the first error libxml2 reported */
  int              line;
} Xml;

static void
on_xml_error (void                    *data,
              const char              *msg,
              xmlParserSeverities      severity,
              xmlTextReaderLocatorPtr  locator)
{
  Xml *xml = data;

  if (severity != XML_PARSER_SEVERITY_ERROR && severity != XML_PARSER_SEVERITY_VALIDITY_ERROR)
    return;
  if (xml->message == NULL)
    {
      xml->message = g_strstrip (g_strdup (msg));
      xml->line = xmlTextReaderLocatorLineNumber (locator);
    }
}

static void
set_xml_error (Workbook    *wb,
               Xml         *xml,
               GError     **error)
{
  if (xml->message != NULL)
    g_set_error (error, FE_XLSX_ERROR, FE_XLSX_ERROR_CORRUPT,
                 _("%s is damaged: its part %s is not well-formed XML (line %d: %s). Open it in "
                   "Excel and save it again, or save it as “CSV UTF-8”."),
                 wb->name, xml->part, xml->line, xml->message);
  else
    g_set_error (error, FE_XLSX_ERROR, FE_XLSX_ERROR_CORRUPT,
                 _("%s is damaged: its part %s is not well-formed XML. Open it in Excel and "
                   "save it again, or save it as “CSV UTF-8”."),
                 wb->name, xml->part);
}

/* Opens @part (@bytes) to be read, or says why it cannot be. */
static gboolean
xml_open (Workbook    *wb,
          Xml         *xml,
          GBytes      *bytes,
          const char  *part,
          GError     **error)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  memset (xml, 0, sizeof *xml);
  xml->part = part;
  if (length > G_MAXINT)
    {
      set_xml_error (wb, xml, error);
      return FALSE;
    }
  /* No network, no entities substituted, no DTD loaded, and libxml2's limits on the size of a
   * text and on entity amplification kept (no XML_PARSE_HUGE): a part is data, never
   * instructions, and a small one cannot grow into a large one. */
  xml->reader = xmlReaderForMemory (data ? data : "", (int) length, part, NULL,
                                    XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR
                                    | XML_PARSE_COMPACT);
  if (xml->reader == NULL)
    {
      set_xml_error (wb, xml, error);
      return FALSE;
    }
  xmlTextReaderSetErrorHandler (xml->reader, on_xml_error, xml);
  return TRUE;
}

static void
xml_close (Xml *xml)
{
  if (xml->reader != NULL)
    xmlFreeTextReader (xml->reader);
  g_free (xml->message);
  memset (xml, 0, sizeof *xml);
}

/* Closes @xml after reading it to the end (@r, the last xmlTextReaderRead()), saying so when
 * that end was an error. */
static gboolean
xml_finish (Workbook  *wb,
            Xml       *xml,
            int        r,
            GError   **error)
{
  if (r < 0)
    set_xml_error (wb, xml, error);
  xml_close (xml);
  return r >= 0;
}


/* Elements are matched by local name and namespace name, never by prefix: writers bind the
 * namespaces to any prefix (x:, none). Extensions (x14:workbookPr…) are other namespaces. */
static gboolean
is_element (Xml        *xml,
            const char *local_name)
{
  static const char * const namespaces[] = {
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
    "http://schemas.openxmlformats.org/package/2006/relationships",
  };
  const char *name = (const char *) xmlTextReaderConstLocalName (xml->reader);
  const char *ns = (const char *) xmlTextReaderConstNamespaceUri (xml->reader);

  if (name == NULL || strcmp (name, local_name) != 0)
    return FALSE;
  if (ns == NULL || *ns == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (namespaces); i++)
    if (strcmp (ns, namespaces[i]) == 0)
      return TRUE;
  return FALSE;
}

static char *
get_attribute (Xml        *xml,
               const char *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (xml->reader, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* An attribute in a relationships namespace, such as r:id, whatever its prefix: by namespace
 * name (transitional or strict), not by prefix. */
static char *
get_relationship_attribute (Xml        *xml,
                            const char *local_name)
{
  char *found = NULL;

  if (xmlTextReaderMoveToFirstAttribute (xml->reader) != 1)
    return NULL;
  do
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (xml->reader);
      const char *ns = (const char *) xmlTextReaderConstNamespaceUri (xml->reader);

      if (name != NULL && ns != NULL && strcmp (name, local_name) == 0
          && (g_str_has_suffix (ns, "/relationships")))
        {
          found = g_strdup ((const char *) xmlTextReaderConstValue (xml->reader));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (xml->reader) == 1);
  xmlTextReaderMoveToElement (xml->reader);
  return found;
}

static gboolean
is_text_node (int type)
{
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
         || type == XML_READER_TYPE_WHITESPACE
         || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* ECMA-376 escapes characters XML cannot hold as _xHHHH_ (a carriage return is _x000D_), and an
 * underscore that would start one as _x005F_. */
static void
append_unescaped (GString    *out,
                  const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *escape = strstr (p, "_x");

      if (escape == NULL)
        break;
      g_string_append_len (out, p, escape - p);
      if (g_ascii_isxdigit (escape[2]) && g_ascii_isxdigit (escape[3])
          && g_ascii_isxdigit (escape[4]) && g_ascii_isxdigit (escape[5]) && escape[6] == '_')
        {
          gunichar c = (gunichar) g_ascii_strtoull (escape + 2, NULL, 16);

          if (c != 0 && g_unichar_validate (c))
            g_string_append_unichar (out, c);
          else
            g_string_append_len (out, escape, 7);
          p = escape + 7;
        }
      else
        {
          g_string_append_len (out, escape, 2);
          p = escape + 2;
        }
    }
  g_string_append (out, p);
}

static GBytes *
get_part (Workbook   *wb,
          const char *part)
{
  g_autofree char *lower = g_ascii_strdown (part, -1);

  return g_hash_table_lookup (wb->parts, lower);
}

/* The part a relationship's target names, relative to the folder of @source. */
static char *
resolve_target (const char *source,
                const char *target)
{
  g_autofree char *dir = NULL;
  g_auto(GStrv) segments = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (target[0] == '/')
    return g_ascii_strdown (target + 1, -1);
  dir = g_path_get_dirname (source);
  joined = strcmp (dir, ".") == 0 ? g_strdup (target) : g_strconcat (dir, "/", target, NULL);
  segments = g_strsplit (joined, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (segments[i][0] == '\0' || strcmp (segments[i], ".") == 0)
        continue;
      if (strcmp (segments[i], "..") == 0)
        {
          if (parts->len > 0)
            g_ptr_array_remove_index (parts, parts->len - 1);
          continue;
        }
      g_ptr_array_add (parts, segments[i]);
    }
  g_ptr_array_add (parts, NULL);
  {
    g_autofree char *path = g_strjoinv ("/", (char **) parts->pdata);

    return g_ascii_strdown (path, -1);
  }
}

/* The relationships of @source: id → target part, and the first target of each type (by the
 * last segment of its type: "officeDocument", "sharedStrings", "styles"). */
static gboolean
read_relationships (Workbook    *wb,
                    const char  *source,
                    GHashTable  *by_id,
                    GHashTable  *by_type,
                    GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (source);
  g_autofree char *base = g_path_get_basename (source);
  g_autofree char *rels = strcmp (dir, ".") == 0
                          ? g_strdup_printf ("_rels/%s.rels", base)
                          : g_strdup_printf ("%s/_rels/%s.rels", dir, base);
  GBytes *bytes = get_part (wb, rels);
  Xml xml;
  int r;

  if (bytes == NULL)
    return TRUE;
  if (!xml_open (wb, &xml, bytes, rels, error))
    return FALSE;
  while ((r = xmlTextReaderRead (xml.reader)) == 1)
    {
      g_autofree char *id = NULL;
      g_autofree char *target = NULL;
      g_autofree char *type = NULL;
      g_autofree char *mode = NULL;

      if (xmlTextReaderNodeType (xml.reader) != XML_READER_TYPE_ELEMENT
          || !is_element (&xml, "Relationship"))
        continue;
      id = get_attribute (&xml, "Id");
      target = get_attribute (&xml, "Target");
      type = get_attribute (&xml, "Type");
      mode = get_attribute (&xml, "TargetMode");
      if (target == NULL || g_strcmp0 (mode, "External") == 0)
        continue;
      if (id != NULL && by_id != NULL)
        g_hash_table_insert (by_id, g_steal_pointer (&id), resolve_target (source, target));
      if (type != NULL && by_type != NULL)
        {
          const char *slash = strrchr (type, '/');
          const char *kind = slash ? slash + 1 : type;

          if (!g_hash_table_contains (by_type, kind))
            g_hash_table_insert (by_type, g_strdup (kind), resolve_target (source, target));
        }
    }
  return xml_finish (wb, &xml, r, error);
}

/* ---- Workbook, shared strings, styles ---------------------------------------------------- */

static gboolean
is_true (const char *value)
{
  return value != NULL && (strcmp (value, "1") == 0 || g_ascii_strcasecmp (value, "true") == 0
                           || g_ascii_strcasecmp (value, "on") == 0);
}

static gboolean
read_workbook_part (Workbook    *wb,
                    const char  *part,
                    GHashTable  *rel_ids,
                    GError     **error)
{
  GBytes *bytes = get_part (wb, part);
  Xml xml;
  int r;

  if (!xml_open (wb, &xml, bytes, part, error))
    return FALSE;
  while ((r = xmlTextReaderRead (xml.reader)) == 1)
    {
      if (xmlTextReaderNodeType (xml.reader) != XML_READER_TYPE_ELEMENT)
        continue;
      if (is_element (&xml, "workbookPr"))
        {
          g_autofree char *date1904 = get_attribute (&xml, "date1904");

          wb->date1904 = is_true (date1904);
        }
      else if (is_element (&xml, "sheet"))
        {
          g_autofree char *name = get_attribute (&xml, "name");
          g_autofree char *state = get_attribute (&xml, "state");
          g_autofree char *id = get_relationship_attribute (&xml, "id");
          const char *target = id ? g_hash_table_lookup (rel_ids, id) : NULL;
          gboolean hidden = state != NULL && strcmp (state, "visible") != 0;

          if (name == NULL)
            name = g_strdup_printf ("%u", wb->sheet_names->len + 1);
          g_ptr_array_add (wb->sheet_names, g_steal_pointer (&name));
          g_ptr_array_add (wb->sheet_parts, g_strdup (target ? target : ""));
          g_array_append_val (wb->sheet_hidden, hidden);
        }
    }
  return xml_finish (wb, &xml, r, error);
}

static gboolean
read_shared_strings (Workbook    *wb,
                     const char  *part,
                     GError     **error)
{
  GBytes *bytes = get_part (wb, part);
  g_autoptr(GString) raw = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean in_si = FALSE, in_t = FALSE;
  guint phonetic = 0;
  Xml xml;
  int r;

  if (bytes == NULL)
    return TRUE;
  if (!xml_open (wb, &xml, bytes, part, error))
    return FALSE;
  while ((r = xmlTextReaderRead (xml.reader)) == 1)
    {
      int type = xmlTextReaderNodeType (xml.reader);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (xml.reader);

          if (is_element (&xml, "si"))
            {
              g_string_truncate (raw, 0);
              in_si = !empty;
              if (empty)
                g_ptr_array_add (wb->strings, g_strdup (""));
            }
          else if (is_element (&xml, "rPh") && !empty)
            phonetic++;
          else if (is_element (&xml, "t") && !empty)
            in_t = TRUE;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (is_element (&xml, "si") && in_si)
            {
              g_string_truncate (text, 0);
              append_unescaped (text, raw->str);
              g_ptr_array_add (wb->strings, g_strdup (text->str));
              in_si = FALSE;
            }
          else if (is_element (&xml, "rPh") && phonetic > 0)
            phonetic--;
          else if (is_element (&xml, "t"))
            in_t = FALSE;
        }
      else if (in_si && in_t && phonetic == 0 && is_text_node (type))
        g_string_append (raw, (const char *) xmlTextReaderConstValue (xml.reader));
    }
  return xml_finish (wb, &xml, r, error);
}

/* What a number format shows of a serial number. */
enum
{
  SHOWS_NUMBER = 0,
  SHOWS_DATE = 1 << 0,
  SHOWS_TIME = 1 << 1,
  SHOWS_SECONDS = 1 << 2,
  SHOWS_ELAPSED = 1 << 3,  /* [h]:mm: hours past 24 */
  SHOWS_PERCENT = 1 << 4,  /* 0.00%: a hundred times the number, its decimals in the bits
                            * above (PERCENT_DECIMALS) */
};

#define PERCENT_DECIMALS(shows) ((guint) ((shows) >> 5))
#define SHOWS_PERCENT_WITH(decimals) ((guint8) (SHOWS_PERCENT | (MIN ((decimals), 7u) << 5)))

static guint8
builtin_format_kind (guint id)
{
  if (id == 9)
    return SHOWS_PERCENT_WITH (0);
  if (id == 10)
    return SHOWS_PERCENT_WITH (2);
  if (id >= 14 && id <= 17)
    return SHOWS_DATE;
  if (id == 18 || id == 20)
    return SHOWS_TIME;
  if (id == 46)
    return SHOWS_TIME | SHOWS_SECONDS | SHOWS_ELAPSED;
  if (id == 19 || id == 21 || id == 45 || id == 47)
    return SHOWS_TIME | SHOWS_SECONDS;
  if (id == 22)
    return SHOWS_DATE | SHOWS_TIME;
  /* Built in for East Asian locales. */
  if ((id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 58))
    return SHOWS_DATE;
  if (id >= 32 && id <= 35)
    return SHOWS_TIME | SHOWS_SECONDS;
  return SHOWS_NUMBER;
}

/* Whether a format code shows a date or a time: its first section's letters d, m, y, h, s
 * outside quoted text, escapes and [colour] or [$-locale] brackets; else whether it shows a
 * percentage (a % there), and with how many decimals. */
static guint8
custom_format_kind (const char *code)
{
  gboolean date = FALSE, time = FALSE, seconds = FALSE, month = FALSE, elapsed = FALSE;
  gboolean percent = FALSE, after_point = FALSE;
  guint decimals = 0;

  if (g_ascii_strcasecmp (code, "General") == 0)
    return SHOWS_NUMBER;
  for (const char *p = code; *p != '\0' && *p != ';'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (*p == '"')
        {
          const char *close = strchr (p + 1, '"');

          if (close == NULL)
            break;
          p = close;
        }
      else if (*p == '\\' || *p == '_' || *p == '*')
        {
          if (p[1] == '\0')
            break;
          p++;
        }
      else if (*p == '[')
        {
          const char *close = strchr (p + 1, ']');
          char first = g_ascii_tolower (p[1]);

          if (first == 'h' || first == 'm' || first == 's')
            time = TRUE, elapsed = TRUE, seconds = seconds || first == 's';
          if (close == NULL)
            break;
          p = close;
        }
      else if (g_ascii_strncasecmp (p, "AM/PM", 5) == 0)
        time = TRUE, p += 4;
      else if (g_ascii_strncasecmp (p, "A/P", 3) == 0)
        time = TRUE, p += 2;
      else if (c == 'd' || c == 'y')
        date = TRUE;
      else if (c == 'h')
        time = TRUE;
      else if (c == 's')
        time = TRUE, seconds = TRUE;
      else if (c == 'm')
        month = TRUE;
      else if (*p == '%')
        percent = TRUE;
      else if (*p == '.')
        after_point = TRUE;
      else if (after_point && (*p == '0' || *p == '#' || *p == '?'))
        decimals++;
      else if (after_point)
        after_point = FALSE;
    }
  if (month && !time)
    date = TRUE;
  if (percent && !date && !time)
    return SHOWS_PERCENT_WITH (decimals);
  return (date ? SHOWS_DATE : 0) | (time ? SHOWS_TIME : 0) | (seconds ? SHOWS_SECONDS : 0)
         | (elapsed && !date ? SHOWS_ELAPSED : 0);
}

static gboolean
read_styles (Workbook    *wb,
             const char  *part,
             GError     **error)
{
  GBytes *bytes = get_part (wb, part);
  g_autoptr(GHashTable) custom = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                        NULL);
  gboolean in_cell_xfs = FALSE;
  Xml xml;
  int r;

  if (bytes == NULL)
    return TRUE;
  if (!xml_open (wb, &xml, bytes, part, error))
    return FALSE;
  while ((r = xmlTextReaderRead (xml.reader)) == 1)
    {
      int type = xmlTextReaderNodeType (xml.reader);

      if (type == XML_READER_TYPE_END_ELEMENT && is_element (&xml, "cellXfs"))
        in_cell_xfs = FALSE;
      if (type != XML_READER_TYPE_ELEMENT)
        continue;
      if (is_element (&xml, "numFmt"))
        {
          g_autofree char *id = get_attribute (&xml, "numFmtId");
          g_autofree char *code = get_attribute (&xml, "formatCode");

          if (id != NULL && code != NULL)
            g_hash_table_insert (custom, GUINT_TO_POINTER ((guint) g_ascii_strtoull (id, NULL,
                                                                                    10)),
                                 GUINT_TO_POINTER ((guint) custom_format_kind (code) + 1));
        }
      else if (is_element (&xml, "cellXfs"))
        in_cell_xfs = !xmlTextReaderIsEmptyElement (xml.reader);
      else if (in_cell_xfs && is_element (&xml, "xf"))
        {
          g_autofree char *id_text = get_attribute (&xml, "numFmtId");
          guint id = id_text ? (guint) g_ascii_strtoull (id_text, NULL, 10) : 0;
          gpointer kind = g_hash_table_lookup (custom, GUINT_TO_POINTER (id));
          guint8 shows = kind ? (guint8) (GPOINTER_TO_UINT (kind) - 1) : builtin_format_kind (id);

          g_array_append_val (wb->xf_kinds, shows);
        }
    }
  return xml_finish (wb, &xml, r, error);
}

static Workbook *
workbook_open (const char  *path,
               GError     **error)
{
  static gsize xml_ready = 0;
  g_autoptr(Workbook) wb = g_new0 (Workbook, 1);
  g_autoptr(GHashTable) root_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            g_free);
  g_autoptr(GHashTable) rel_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         g_free);
  g_autoptr(GHashTable) rel_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           g_free);
  const char *workbook_part;
  const char *strings_part;
  const char *styles_part;

  /* Workbooks are read on loading threads: libxml2 is set up once, before any of them. */
  if (g_once_init_enter (&xml_ready))
    {
      xmlInitParser ();
      g_once_init_leave (&xml_ready, 1);
    }
  wb->name = g_path_get_basename (path);
  switch (fe_xlsx_sniff_path (path))
    {
    case FE_XLSX_KIND_OLE:
      set_ole_error (path, wb->name, error);
      return NULL;
    case FE_XLSX_KIND_NONE:
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, FE_XLSX_ERROR, FE_XLSX_ERROR_IO, _("%s cannot be read: %s"),
                       wb->name, g_strerror (ENOENT));
          return NULL;
        }
      break;
    case FE_XLSX_KIND_ZIP:
    default:
      break;
    }

  wb->parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) g_bytes_unref);
  wb->sheet_names = g_ptr_array_new_with_free_func (g_free);
  wb->sheet_parts = g_ptr_array_new_with_free_func (g_free);
  wb->sheet_hidden = g_array_new (FALSE, FALSE, sizeof (gboolean));
  wb->strings = g_ptr_array_new_with_free_func (g_free);
  wb->xf_kinds = g_array_new (FALSE, FALSE, sizeof (guint8));
  if (!read_parts (wb, path, error))
    return NULL;

  if (!read_relationships (wb, "", NULL, root_types, error))
    return NULL;
  workbook_part = g_hash_table_lookup (root_types, "officeDocument");
  if (workbook_part == NULL || get_part (wb, workbook_part) == NULL)
    workbook_part = "xl/workbook.xml";
  if (get_part (wb, workbook_part) == NULL)
    {
      g_set_error (error, FE_XLSX_ERROR, FE_XLSX_ERROR_NOT_WORKBOOK,
                   _("%s is a zip archive but not an Excel workbook: it holds no workbook part "
                     "(xl/workbook.xml). If it is an OpenDocument spreadsheet or another "
                     "program's file, save it from that program as an Excel Workbook (.xlsx) or "
                     "as “CSV UTF-8”."),
                   wb->name);
      return NULL;
    }
  if (!read_relationships (wb, workbook_part, rel_ids, rel_types, error)
      || !read_workbook_part (wb, workbook_part, rel_ids, error))
    return NULL;

  strings_part = g_hash_table_lookup (rel_types, "sharedStrings");
  styles_part = g_hash_table_lookup (rel_types, "styles");
  if (!read_shared_strings (wb, strings_part ? strings_part : "xl/sharedStrings.xml", error)
      || !read_styles (wb, styles_part ? styles_part : "xl/styles.xml", error))
    return NULL;

  /* A sheet without a relationship: Excel's default name for its part. */
  for (guint i = 0; i < wb->sheet_parts->len; i++)
    if (*(char *) g_ptr_array_index (wb->sheet_parts, i) == '\0')
      {
        g_free (wb->sheet_parts->pdata[i]);
        wb->sheet_parts->pdata[i] = g_strdup_printf ("xl/worksheets/sheet%u.xml", i + 1);
      }
  return g_steal_pointer (&wb);
}

/* ---- Sheets --------------------------------------------------------------------------------- */

typedef struct
{
  guint      number;  /* from 1 */
  GPtrArray *cells;   /* char* by column, NULL where empty */
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  if (row == NULL)
    return;
  g_ptr_array_unref (row->cells);
  g_free (row);
}

typedef struct
{
  guint first_row, last_row, first_column, last_column;  /* from 0 */
} Range;

typedef struct
{
  GPtrArray *rows;     /* Row*, in the order of their numbers */
  GArray    *merges;   /* Range */
  guint      n_columns;
  guint      n_errors; /* error values read as empty */
  GString   *errors;   /* the kinds seen, for the warning */
} Sheet;

static void
sheet_free (Sheet *sheet)
{
  if (sheet == NULL)
    return;
  g_ptr_array_unref (sheet->rows);
  g_array_unref (sheet->merges);
  g_string_free (sheet->errors, TRUE);
  g_free (sheet);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sheet, sheet_free)

/* A cell reference such as "C5": its column and row from 0; FALSE when it is not one. */
static gboolean
parse_reference (const char *ref,
                 guint      *column,
                 guint      *row)
{
  guint64 c = 0, r = 0;
  const char *p = ref;

  while (*p == '$')
    p++;
  if (!g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalpha (*p))
    {
      c = c * 26 + (guint64) (g_ascii_toupper (*p) - 'A' + 1);
      if (c > MAX_COLUMNS)
        return FALSE;
      p++;
    }
  if (*p == '$')
    p++;
  if (row == NULL)
    {
      *column = (guint) c - 1;
      return TRUE;
    }
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    {
      r = r * 10 + (guint64) (*p - '0');
      if (r > MAX_ROWS)
        return FALSE;
      p++;
    }
  if (*p != '\0' || r == 0)
    return FALSE;
  *column = (guint) c - 1;
  *row = (guint) r - 1;
  return TRUE;
}

static void
append_general_number (GString *out,
                       double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == floor (value) && fabs (value) < 1e15)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }
  g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
  g_string_append (out, buffer);
}

/* A serial number as the date and time it stands for, or FALSE when it stands for none. */
static gboolean
append_serial (GString *out,
               double   serial,
               gboolean date1904,
               guint8   shows)
{
  double days_part = floor (serial);
  gint64 days = (gint64) days_part;
  gint64 seconds = (gint64) llround ((serial - days_part) * 86400.0);

  if (!isfinite (serial) || serial < 0 || serial > 2958466.0)
    return FALSE;
  if (seconds >= 86400)
    {
      days++;
      seconds -= 86400;
    }
  if ((shows & SHOWS_DATE) && !(days == 0 && !date1904 && (shows & SHOWS_TIME)))
    {
      GDate date;

      if (!date1904 && days == 0)
        return FALSE;
      if (!date1904 && days == 60)
        /* Excel's 1900 system keeps Lotus 1-2-3's 29 February 1900. */
        g_string_append (out, "1900-02-29");
      else
        {
          if (date1904)
            g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1904);
          else if (days < 60)
            g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 1899);
          else
            g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);
          g_date_add_days (&date, (guint) days);
          if (!g_date_valid (&date) || g_date_get_year (&date) > 9999)
            return FALSE;
          g_string_append_printf (out, "%04u-%02u-%02u", g_date_get_year (&date),
                                  g_date_get_month (&date), g_date_get_day (&date));
        }
      if (!(shows & SHOWS_TIME))
        return TRUE;
      g_string_append_c (out, ' ');
    }
  /* A duration counts its days in hours; a time of day drops them. */
  if (shows & SHOWS_ELAPSED)
    seconds += days * 86400;
  if (shows & SHOWS_SECONDS || seconds % 60 != 0)
    g_string_append_printf (out, "%02" G_GINT64_FORMAT ":%02d:%02d", seconds / 3600,
                            (int) (seconds / 60 % 60), (int) (seconds % 60));
  else
    g_string_append_printf (out, "%02" G_GINT64_FORMAT ":%02d", seconds / 3600,
                            (int) (seconds / 60 % 60));
  return TRUE;
}

typedef struct
{
  guint    column;
  char    *type;
  guint    style;
  GString *value;   /* the text of <v> */
  GString *inline_text;  /* the text of <is> */
  gboolean has_value;
  gboolean has_inline;
} Cell;

static char *
cell_text (Workbook *wb,
           Sheet    *sheet,
           Cell     *cell)
{
  const char *type = cell->type ? cell->type : "n";
  GString *out = g_string_new (NULL);

  if (strcmp (type, "inlineStr") == 0 || (cell->has_inline && !cell->has_value))
    append_unescaped (out, cell->inline_text->str);
  else if (!cell->has_value)
    ;
  else if (strcmp (type, "s") == 0)
    {
      guint64 index = g_ascii_strtoull (cell->value->str, NULL, 10);

      if (index < wb->strings->len)
        g_string_append (out, g_ptr_array_index (wb->strings, index));
    }
  else if (strcmp (type, "str") == 0)
    append_unescaped (out, cell->value->str);
  else if (strcmp (type, "b") == 0)
    g_string_append (out, strtol (cell->value->str, NULL, 10) != 0 ? "TRUE" : "FALSE");
  else if (strcmp (type, "e") == 0)
    {
      g_autofree char *kind = g_strstrip (g_strdup (cell->value->str));

      sheet->n_errors++;
      if (*kind != '\0' && sheet->errors->len < 80
          && strstr (sheet->errors->str, kind) == NULL)
        g_string_append_printf (sheet->errors, "%s%s", sheet->errors->len ? ", " : "", kind);
    }
  else if (strcmp (type, "d") == 0)
    g_string_append (out, cell->value->str);
  else
    {
      g_autofree char *text = g_strstrip (g_strdup (cell->value->str));
      char *end = NULL;
      double value = g_ascii_strtod (text, &end);
      guint8 shows = cell->style < wb->xf_kinds->len
                     ? g_array_index (wb->xf_kinds, guint8, cell->style) : SHOWS_NUMBER;

      if (*text == '\0')
        ;
      else if (end == NULL || *end != '\0' || !isfinite (value))
        g_string_append (out, text);
      else if (shows & SHOWS_PERCENT)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];
          char format[8];

          double scale = pow (10, PERCENT_DECIMALS (shows));
          double shown;

          /* As Excel writes it in a CSV file: 0.125 in a 0.0% cell is 12.5%, in a 0% cell
           * 13%. Excel rounds half away from zero the number as it keeps it, to 15 digits
           * (0.145 is 14.5%, not the 14.4999… a double holds, so 15%). */
          g_ascii_formatd (buffer, sizeof buffer, "%.15g", value * 100 * scale);
          shown = round (g_ascii_strtod (buffer, NULL)) / scale;
          g_snprintf (format, sizeof format, "%%.%uf", PERCENT_DECIMALS (shows));
          /* A small negative share shows as 0%, 0.0%, never with a minus. */
          g_ascii_formatd (buffer, sizeof buffer, format, shown == 0 ? 0.0 : shown);
          g_string_append_printf (out, "%s%%", buffer);
        }
      else if (shows == SHOWS_NUMBER || !append_serial (out, value, wb->date1904, shows))
        {
          g_string_truncate (out, 0);
          append_general_number (out, value);
        }
    }
  return g_string_free (out, FALSE);
}

static Row *
sheet_row (Sheet *sheet,
           guint  number)
{
  Row *row;

  if (sheet->rows->len > 0)
    {
      Row *last = g_ptr_array_index (sheet->rows, sheet->rows->len - 1);

      if (last->number == number)
        return last;
      /* Rows out of order (no writer does it, but the format allows it). */
      if (last->number > number)
        for (guint i = 0; i < sheet->rows->len; i++)
          {
            Row *other = g_ptr_array_index (sheet->rows, i);

            if (other->number == number)
              return other;
          }
    }
  row = g_new0 (Row, 1);
  row->number = number;
  row->cells = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (sheet->rows, row);
  return row;
}

static gint
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *ra = *(Row * const *) a;
  const Row *rb = *(Row * const *) b;

  return ra->number < rb->number ? -1 : ra->number > rb->number;
}

static void
sheet_set_cell (Sheet *sheet,
                guint  row_number,
                guint  column,
                char  *text)
{
  Row *row;

  if (*text == '\0')
    {
      g_free (text);
      return;
    }
  row = sheet_row (sheet, row_number);
  if (row->cells->len <= column)
    g_ptr_array_set_size (row->cells, (gint) column + 1);
  g_free (row->cells->pdata[column]);
  row->cells->pdata[column] = text;
  sheet->n_columns = MAX (sheet->n_columns, column + 1);
}

static void
set_cancelled_error (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Loading was cancelled."));
}

/* Reads sheet @index; with @stop_at_data, only until a cell holds something. */
static Sheet *
read_sheet (Workbook      *wb,
            guint          index,
            gboolean       stop_at_data,
            GCancellable  *cancellable,
            GError       **error)
{
  const char *part = g_ptr_array_index (wb->sheet_parts, index);
  GBytes *bytes = get_part (wb, part);
  g_autoptr(Sheet) sheet = g_new0 (Sheet, 1);
  Cell cell = { 0 };
  gboolean in_cell = FALSE, in_v = FALSE, in_is = FALSE, in_t = FALSE;
  guint phonetic = 0, row_number = 0, next_column = 0, n_rows = 0;
  gboolean row_seen = FALSE;
  Xml xml;
  int r;

  sheet->rows = g_ptr_array_new_with_free_func (row_free);
  sheet->merges = g_array_new (FALSE, FALSE, sizeof (Range));
  sheet->errors = g_string_new (NULL);
  if (bytes == NULL)
    {
      /* A chart sheet or a dialog sheet has no cells. */
      return g_steal_pointer (&sheet);
    }
  if (!xml_open (wb, &xml, bytes, part, error))
    return NULL;
  cell.value = g_string_new (NULL);
  cell.inline_text = g_string_new (NULL);
  while ((r = xmlTextReaderRead (xml.reader)) == 1)
    {
      int type = xmlTextReaderNodeType (xml.reader);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (xml.reader);

          if (is_element (&xml, "row"))
            {
              g_autofree char *number = get_attribute (&xml, "r");
              guint64 n = number ? g_ascii_strtoull (number, NULL, 10) : 0;

              row_number = n >= 1 && n <= MAX_ROWS ? (guint) n - 1
                                                   : (row_seen ? row_number + 1 : 0);
              row_seen = TRUE;
              next_column = 0;
              if (++n_rows % 4096 == 0 && g_cancellable_is_cancelled (cancellable))
                {
                  set_cancelled_error (error);
                  goto fail;
                }
            }
          else if (is_element (&xml, "c"))
            {
              g_autofree char *ref = get_attribute (&xml, "r");
              g_autofree char *style = get_attribute (&xml, "s");
              guint column = next_column, ref_row = row_number;

              if (ref != NULL && parse_reference (ref, &column, &ref_row))
                row_number = ref_row;
              else
                column = next_column;
              if (column >= MAX_COLUMNS)
                continue;
              next_column = column + 1;
              g_free (cell.type);
              cell.type = get_attribute (&xml, "t");
              cell.column = column;
              cell.style = style ? (guint) g_ascii_strtoull (style, NULL, 10) : 0;
              g_string_truncate (cell.value, 0);
              g_string_truncate (cell.inline_text, 0);
              cell.has_value = cell.has_inline = FALSE;
              in_cell = !empty;
            }
          else if (in_cell && is_element (&xml, "v"))
            {
              in_v = !empty;
              cell.has_value = TRUE;
            }
          else if (in_cell && is_element (&xml, "is"))
            {
              in_is = !empty;
              cell.has_inline = TRUE;
            }
          else if (in_is && is_element (&xml, "rPh") && !empty)
            phonetic++;
          else if (in_is && is_element (&xml, "t"))
            in_t = !empty;
          else if (is_element (&xml, "mergeCell"))
            {
              g_autofree char *ref = get_attribute (&xml, "ref");
              g_auto(GStrv) ends = ref ? g_strsplit (ref, ":", 2) : NULL;
              Range range;

              if (ends != NULL && ends[0] != NULL && ends[1] != NULL
                  && parse_reference (ends[0], &range.first_column, &range.first_row)
                  && parse_reference (ends[1], &range.last_column, &range.last_row)
                  && range.first_row <= range.last_row
                  && range.first_column <= range.last_column)
                g_array_append_val (sheet->merges, range);
            }
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (in_cell && is_element (&xml, "c"))
            {
              in_cell = in_v = in_is = in_t = FALSE;
              phonetic = 0;
              sheet_set_cell (sheet, row_number, cell.column, cell_text (wb, sheet, &cell));
              if (stop_at_data && sheet->n_columns > 0)
                break;
            }
          else if (in_v && is_element (&xml, "v"))
            in_v = FALSE;
          else if (in_is && is_element (&xml, "is"))
            in_is = FALSE;
          else if (in_is && is_element (&xml, "rPh") && phonetic > 0)
            phonetic--;
          else if (in_t && is_element (&xml, "t"))
            in_t = FALSE;
        }
      else if (is_text_node (type))
        {
          if (in_v)
            g_string_append (cell.value, (const char *) xmlTextReaderConstValue (xml.reader));
          else if (in_t && phonetic == 0)
            g_string_append (cell.inline_text,
                             (const char *) xmlTextReaderConstValue (xml.reader));
        }
    }
  if (r < 0)
    {
      set_xml_error (wb, &xml, error);
      goto fail;
    }
  xml_close (&xml);
  g_free (cell.type);
  g_string_free (cell.value, TRUE);
  g_string_free (cell.inline_text, TRUE);
  g_ptr_array_sort (sheet->rows, compare_rows);
  return g_steal_pointer (&sheet);

fail:
  xml_close (&xml);
  g_free (cell.type);
  g_string_free (cell.value, TRUE);
  g_string_free (cell.inline_text, TRUE);
  return NULL;
}

/* The header row: the first with two cells or more (a title above it, merged across the
 * columns or not, has one), as the CSV loader finds it. */
static Row *
find_header_row (Sheet *sheet)
{
  for (guint i = 0; i < sheet->rows->len; i++)
    {
      Row *row = g_ptr_array_index (sheet->rows, i);
      guint n = 0;

      for (guint c = 0; c < row->cells->len; c++)
        n += row->cells->pdata[c] != NULL;
      if (n >= 2)
        return row;
    }
  return sheet->rows->len > 0 ? g_ptr_array_index (sheet->rows, 0) : NULL;
}

/* A merged cell of the header row names every column it spans. Merged cells below it are left
 * as Excel saves them in a CSV file: the text in the first cell only. */
static void
fill_header_merges (Sheet *sheet)
{
  Row *header = find_header_row (sheet);

  if (header == NULL)
    return;
  for (guint i = 0; i < sheet->merges->len; i++)
    {
      Range *range = &g_array_index (sheet->merges, Range, i);
      const char *text;

      if (range->first_row != header->number || range->first_column >= header->cells->len
          || range->last_column == range->first_column)
        continue;
      text = g_ptr_array_index (header->cells, range->first_column);
      if (text == NULL)
        continue;
      if (header->cells->len <= range->last_column)
        g_ptr_array_set_size (header->cells, (gint) range->last_column + 1);
      for (guint c = range->first_column + 1; c <= range->last_column; c++)
        if (header->cells->pdata[c] == NULL)
          header->cells->pdata[c] = g_strdup (text);
      sheet->n_columns = MAX (sheet->n_columns, range->last_column + 1);
    }
}

/* ---- Into a table ---------------------------------------------------------------------------- */

static gboolean
sheet_has_data (Sheet *sheet)
{
  return sheet->n_columns > 0;
}

guint
fe_xlsx_find_sheet (GPtrArray  *sheets,
                    const char *wanted)
{
  guint64 number;
  char *end = NULL;

  if (wanted == NULL || sheets == NULL)
    return 0;
  for (guint i = 0; i < sheets->len; i++)
    if (strcmp (((FeXlsxSheetInfo *) g_ptr_array_index (sheets, i))->name, wanted) == 0)
      return i + 1;
  for (guint i = 0; i < sheets->len; i++)
    {
      g_autofree char *a = g_utf8_casefold (((FeXlsxSheetInfo *) g_ptr_array_index (sheets, i))->name, -1);
      g_autofree char *b = g_utf8_casefold (wanted, -1);

      if (strcmp (a, b) == 0)
        return i + 1;
    }
  number = g_ascii_strtoull (wanted, &end, 10);
  if (end != wanted && *end == '\0' && number >= 1 && number <= sheets->len)
    return (guint) number;
  return 0;
}

static GPtrArray *
workbook_sheet_infos (Workbook *wb)
{
  GPtrArray *sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) fe_xlsx_sheet_info_free);

  for (guint i = 0; i < wb->sheet_names->len; i++)
    {
      FeXlsxSheetInfo *info = g_new0 (FeXlsxSheetInfo, 1);

      info->name = g_strdup (g_ptr_array_index (wb->sheet_names, i));
      info->hidden = g_array_index (wb->sheet_hidden, gboolean, i);
      g_ptr_array_add (sheets, info);
    }
  return sheets;
}

GPtrArray *
fe_xlsx_list_sheets (const char  *path,
                     GError     **error)
{
  g_autoptr(Workbook) wb = NULL;
  g_autoptr(GPtrArray) sheets = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  wb = workbook_open (path, error);
  if (wb == NULL)
    return NULL;
  sheets = workbook_sheet_infos (wb);
  for (guint i = 0; i < sheets->len; i++)
    {
      g_autoptr(Sheet) sheet = read_sheet (wb, i, TRUE, NULL, error);

      if (sheet == NULL)
        return NULL;
      ((FeXlsxSheetInfo *) g_ptr_array_index (sheets, i))->has_data = sheet_has_data (sheet);
    }
  return g_steal_pointer (&sheets);
}

FeCsvTable *
fe_xlsx_load_table (const char          *path,
                    const char          *wanted,
                    const FeCsvOptions  *options,
                    char               **sheet_name,
                    GError             **error)
{
  g_autoptr(Workbook) wb = NULL;
  g_autoptr(Sheet) sheet = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GString) csv = NULL;
  g_autoptr(GArray) line_map = NULL;
  g_autoptr(FeCsvTable) table = NULL;
  GCancellable *cancellable = options ? options->cancellable : NULL;
  FeCsvOptions csv_options = { 0 };
  guint index = G_MAXUINT;

  g_return_val_if_fail (path != NULL, NULL);

  wb = workbook_open (path, error);
  if (wb == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  sheets = workbook_sheet_infos (wb);
  if (sheets->len == 0)
    {
      g_set_error (error, FE_XLSX_ERROR, FE_XLSX_ERROR_EMPTY,
                   _("%s has no sheets. Check that it is the workbook with the survey results."),
                   wb->name);
      return NULL;
    }

  if (wanted != NULL && *wanted != '\0')
    {
      guint number = fe_xlsx_find_sheet (sheets, wanted);
      g_autoptr(GString) names = g_string_new (NULL);

      if (number == 0)
        {
          for (guint i = 0; i < sheets->len; i++)
            g_string_append_printf (names, "%s“%s”", i ? ", " : "",
                                    ((FeXlsxSheetInfo *) g_ptr_array_index (sheets, i))->name);
          g_set_error (error, FE_XLSX_ERROR, FE_XLSX_ERROR_NO_SHEET,
                       _("%s has no sheet “%s”. Its sheets are %s; name one of them, or give "
                         "its number from 1."),
                       wb->name, wanted, names->str);
          return NULL;
        }
      index = number - 1;
      sheet = read_sheet (wb, index, FALSE, cancellable, error);
      if (sheet == NULL)
        return NULL;
      if (!sheet_has_data (sheet))
        {
          g_set_error (error, FE_XLSX_ERROR, FE_XLSX_ERROR_EMPTY,
                       _("%s: sheet “%s” is empty. Choose the sheet with the survey results."),
                       wb->name, (const char *) g_ptr_array_index (wb->sheet_names, index));
          return NULL;
        }
    }
  else
    {
      /* The first visible sheet with data; else the first hidden one. */
      for (guint pass = 0; pass < 2 && sheet == NULL; pass++)
        for (guint i = 0; i < sheets->len && sheet == NULL; i++)
          {
            g_autoptr(Sheet) candidate = NULL;

            if (g_array_index (wb->sheet_hidden, gboolean, i) != (pass == 1))
              continue;
            candidate = read_sheet (wb, i, FALSE, cancellable, error);
            if (candidate == NULL)
              return NULL;
            if (sheet_has_data (candidate))
              {
                sheet = g_steal_pointer (&candidate);
                index = i;
              }
          }
      if (sheet == NULL)
        {
          g_set_error (error, FE_XLSX_ERROR, FE_XLSX_ERROR_EMPTY,
                       _("%s: every sheet of the workbook is empty. Export the survey results "
                         "again, including the responses."),
                       wb->name);
          return NULL;
        }
    }

  /* The parts are read: what is left to hold is the sheet's cells, then its text. */
  g_hash_table_remove_all (wb->parts);
  fill_header_merges (sheet);

  /* The rows as CSV, one record a row, and the row of the sheet on each line. */
  csv = g_string_new (NULL);
  line_map = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < sheet->rows->len; i++)
    {
      Row *row = g_ptr_array_index (sheet->rows, i);
      guint n_lines = 1;
      guint number = row->number + 1;

      for (guint c = 0; c < sheet->n_columns; c++)
        {
          const char *text = c < row->cells->len ? g_ptr_array_index (row->cells, c) : NULL;

          if (c > 0)
            g_string_append_c (csv, ',');
          if (text != NULL)
            fe_csv_append_quoted (csv, text, &n_lines);
        }
      g_string_append_c (csv, '\n');
      for (guint k = 0; k < n_lines; k++)
        g_array_append_val (line_map, number);
      g_clear_pointer (&sheet->rows->pdata[i], row_free);
      if (csv->len > max_bytes)
        {
          set_too_large_error (wb, error);
          return NULL;
        }
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (options != NULL)
    csv_options = *options;
  csv_options.delimiter = ',';
  csv_options.numbers_plain = TRUE;
  {
    gsize length = csv->len;

    table = fe_csv_table_parse_take (wb->name, g_string_free (g_steal_pointer (&csv), FALSE),
                                     length, &csv_options, error);
  }
  if (table == NULL)
    return NULL;
  fe_csv_table_set_line_map (table, (const guint *) line_map->data, line_map->len);
  if (sheet->n_errors > 0)
    fe_csv_table_add_warning (table,
                              g_strdup_printf (ngettext ("%s, sheet “%s”: %u cell holds an Excel "
                                                         "error value (%s); it is read as not "
                                                         "answered.",
                                                         "%s, sheet “%s”: %u cells hold Excel "
                                                         "error values (%s); they are read as "
                                                         "not answered.",
                                                         sheet->n_errors),
                                               wb->name,
                                               (const char *) g_ptr_array_index (wb->sheet_names,
                                                                                 index),
                                               sheet->n_errors, sheet->errors->str));
  if (sheet_name != NULL)
    *sheet_name = g_strdup (g_ptr_array_index (wb->sheet_names, index));
  return g_steal_pointer (&table);
}
