/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A reader of GNU .mo catalogues (the format msgfmt writes): a header of 32-bit words (magic,
 * revision, count, where the table of originals and the table of translations start), then
 * for each table N (length, offset) pairs, the originals sorted by byte so that a lookup is a
 * binary search. Every length and offset is checked against the file before the catalogue is
 * made, so a lookup never reads outside it. The hash table msgfmt adds is not needed and not
 * read. */
#include "config.h"

#include "fe-catalog.h"

#include <string.h>

#include "fe-i18n.h"  /* defines what it declares: fe_i18n_gettext()… */
#include "fe-plural.h"

#define MO_MAGIC         0x950412deu
#define MO_MAGIC_SWAPPED 0xde120495u
#define MO_HEADER_SIZE   28

struct _FeCatalog
{
  gatomicrefcount  ref_count;
  const char      *language;   /* interned */
  GBytes          *bytes;      /* NULL: the source catalogue */
  const guint8    *data;
  gsize            size;
  gboolean         swapped;
  guint32          n_strings;
  guint32          originals;  /* offset of the table of originals */
  guint32          translations;
  FePluralRule    *plural;
};

G_DEFINE_QUARK (fe-catalog-error-quark, fe_catalog_error)

const char *
fe_catalog_get_localedir (void)
{
  const char *localedir = g_getenv ("FE_LOCALEDIR");

  return localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR;
}

static guint32
read_word (const FeCatalog *self,
           gsize            offset)
{
  guint32 word;

  memcpy (&word, self->data + offset, sizeof word);
  return self->swapped ? GUINT32_SWAP_LE_BE (word) : word;
}

/* The string of entry @index of the table at @table: its bytes and length. Checked at load,
 * so only called on entries known to be in bounds. */
static const char *
entry_string (const FeCatalog *self,
              guint32          table,
              guint32          index,
              guint32         *length)
{
  gsize entry = (gsize) table + (gsize) index * 8;

  *length = read_word (self, entry);
  return (const char *) self->data + read_word (self, entry + 4);
}

static gboolean
check_entry (const FeCatalog *self,
             guint32          table,
             guint32          index)
{
  gsize entry = (gsize) table + (gsize) index * 8;
  guint32 length = read_word (self, entry);
  guint32 offset = read_word (self, entry + 4);

  /* The string and its terminating NUL lie inside the file. */
  return (gsize) offset < self->size && (gsize) length < self->size - offset
         && self->data[(gsize) offset + length] == '\0';
}

static FeCatalog *
catalog_new (const char *language)
{
  FeCatalog *self = g_new0 (FeCatalog, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->language = g_intern_string (language != NULL && *language != '\0' ? language : "en");
  return self;
}

FeCatalog *
fe_catalog_new_source (const char *language)
{
  FeCatalog *self = catalog_new (language);

  self->plural = fe_plural_rule_new_germanic ();
  return self;
}

/* The catalogue's own errors are not translated: they are about the translations, and no
 * one reads them but a developer (a caller without its catalogue falls back to the source
 * language, as gettext does). */
static gboolean
corrupt (GError     **error,
         const char  *language,
         const char  *why)
{
  g_set_error (error, FE_CATALOG_ERROR, FE_CATALOG_ERROR_CORRUPT,
               "The translation catalogue for “%s” is damaged: %s.", language, why);
  return FALSE;
}

/* The value of @field in the header ("Plural-Forms"), up to its line's end, or NULL. */
static char *
dup_header_field (const char *header,
                  gsize       length,
                  const char *field)
{
  gsize field_length = strlen (field);
  const char *line = header;
  const char *end = header + length;

  while (line < end)
    {
      const char *next = memchr (line, '\n', (gsize) (end - line));
      const char *stop = next != NULL ? next : end;

      if ((gsize) (stop - line) > field_length + 1
          && g_ascii_strncasecmp (line, field, field_length) == 0 && line[field_length] == ':')
        return g_strstrip (g_strndup (line + field_length + 1,
                                      (gsize) (stop - line) - field_length - 1));
      line = next != NULL ? next + 1 : end;
    }
  return NULL;
}

static gboolean
load (FeCatalog  *self,
      GError    **error)
{
  guint32 magic, revision;
  const char *previous = NULL;

  if (self->size < MO_HEADER_SIZE)
    return corrupt (error, self->language, "it is cut short");
  memcpy (&magic, self->data, sizeof magic);
  if (magic == MO_MAGIC_SWAPPED)
    self->swapped = TRUE;
  else if (magic != MO_MAGIC)
    return corrupt (error, self->language, "it is not a compiled catalogue");
  revision = read_word (self, 4);
  if ((revision >> 16) > 1)
    return corrupt (error, self->language, "its format is newer than this app reads");
  self->n_strings = read_word (self, 8);
  self->originals = read_word (self, 12);
  self->translations = read_word (self, 16);
  /* Both tables whole inside the file: N entries of 8 bytes from each offset. */
  if (self->n_strings > (self->size - MO_HEADER_SIZE) / 8
      || self->originals > self->size - (gsize) self->n_strings * 8
      || self->translations > self->size - (gsize) self->n_strings * 8
      || self->originals % 4 != 0 || self->translations % 4 != 0)
    return corrupt (error, self->language, "a table lies outside it");

  for (guint32 i = 0; i < self->n_strings; i++)
    {
      const char *original;
      guint32 length;

      if (!check_entry (self, self->originals, i) || !check_entry (self, self->translations, i))
        return corrupt (error, self->language, "a message lies outside it");
      /* Sorted, as the binary search needs: by the msgid (up to its first NUL; a plural
       * entry's msgid_plural follows it). */
      original = entry_string (self, self->originals, i, &length);
      if (previous != NULL && strcmp (previous, original) >= 0)
        return corrupt (error, self->language, "its messages are out of order");
      previous = original;
    }

  /* The header is the translation of "", first in the table. */
  if (self->n_strings > 0)
    {
      guint32 length;
      const char *original = entry_string (self, self->originals, 0, &length);

      if (*original == '\0')
        {
          const char *header = entry_string (self, self->translations, 0, &length);
          g_autofree char *plural_forms = dup_header_field (header, length, "Plural-Forms");

          if (plural_forms != NULL)
            {
              g_autoptr(GError) local_error = NULL;

              self->plural = fe_plural_rule_new_from_header (plural_forms, &local_error);
              if (self->plural == NULL)
                return corrupt (error, self->language, local_error->message);
            }
        }
    }
  if (self->plural == NULL)
    self->plural = fe_plural_rule_new_germanic ();
  return TRUE;
}

FeCatalog *
fe_catalog_new_from_bytes (GBytes      *bytes,
                           const char  *language,
                           GError     **error)
{
  g_autoptr(FeCatalog) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = catalog_new (language);
  self->bytes = g_bytes_ref (bytes);
  self->data = g_bytes_get_data (bytes, &self->size);
  if (self->data == NULL)
    self->size = 0;
  if (!load (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

FeCatalog *
fe_catalog_new_from_file (const char  *path,
                          const char  *language,
                          GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, FE_CATALOG_ERROR, FE_CATALOG_ERROR_NOT_FOUND, "%s",
                   local_error->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (file);
  return fe_catalog_new_from_bytes (bytes, language, error);
}

static gboolean
is_source_language (const char *language)
{
  gsize length;

  if (language == NULL || *language == '\0' || g_str_equal (language, "C")
      || g_str_equal (language, "POSIX") || g_str_has_prefix (language, "C."))
    return TRUE;
  length = strcspn (language, "_-.@");
  return length == 2 && g_ascii_strncasecmp (language, "en", 2) == 0;
}

FeCatalog *
fe_catalog_new_for_language (const char  *language,
                             GError     **error)
{
  g_autofree char *base = NULL;
  g_autofree char *territory = NULL;
  const char *candidates[2];

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (is_source_language (language))
    return fe_catalog_new_source (language == NULL || *language == '\0' || *language == 'C'
                                  || *language == 'P' ? "en"
                                                      : language);
  /* "cy_GB.UTF-8@euro": cy_GB, then cy, as gettext looks. */
  territory = g_strndup (language, strcspn (language, ".@"));
  base = g_strndup (language, strcspn (language, "_-.@"));
  candidates[0] = territory;
  candidates[1] = base;
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *path = NULL;

      if (i == 1 && g_str_equal (candidates[0], candidates[1]))
        break;
      /* A language is a name, never a path. */
      if (*candidates[i] == '\0' || strchr (candidates[i], '/') != NULL
          || strchr (candidates[i], '\\') != NULL || g_str_has_prefix (candidates[i], "."))
        continue;
      path = g_build_filename (fe_catalog_get_localedir (), candidates[i], "LC_MESSAGES",
                               GETTEXT_PACKAGE ".mo", NULL);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return fe_catalog_new_from_file (path, base, error);
    }
  g_set_error (error, FE_CATALOG_ERROR, FE_CATALOG_ERROR_NOT_FOUND,
               "There is no translation into “%s” in %s.", language,
               fe_catalog_get_localedir ());
  return NULL;
}

FeCatalog *
fe_catalog_ref (FeCatalog *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
fe_catalog_unref (FeCatalog *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->plural, fe_plural_rule_free);
  g_free (self);
}

const char *
fe_catalog_get_language (const FeCatalog *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->language;
}

/* The translation of @msgid (a plural entry's original is "msgid\0msgid_plural": it is found
 * by its msgid) and its length, NULs between plural forms included, or NULL. */
static const char *
lookup (const FeCatalog *self,
        const char      *msgid,
        guint32         *length)
{
  guint32 low = 0, high;

  if (self->bytes == NULL || msgid == NULL || *msgid == '\0')
    return NULL;
  high = self->n_strings;
  while (low < high)
    {
      guint32 middle = low + (high - low) / 2;
      guint32 original_length;
      const char *original = entry_string (self, self->originals, middle, &original_length);
      int order = strcmp (msgid, original);

      if (order == 0)
        {
          const char *translation = entry_string (self, self->translations, middle, length);

          /* An empty translation is an untranslated message. */
          return *length > 0 ? translation : NULL;
        }
      if (order < 0)
        high = middle;
      else
        low = middle + 1;
    }
  return NULL;
}

const char *
fe_catalog_gettext (const FeCatalog *self,
                    const char      *msgid)
{
  const char *translation;
  guint32 length;

  g_return_val_if_fail (self != NULL, msgid);

  translation = lookup (self, msgid, &length);
  return translation != NULL ? translation : msgid;
}

guint
fe_catalog_get_plural_form (const FeCatalog *self,
                            gulong           n)
{
  g_return_val_if_fail (self != NULL, 0);

  return fe_plural_rule_eval (self->plural, n);
}

const char *
fe_catalog_ngettext (const FeCatalog *self,
                     const char      *msgid,
                     const char      *msgid_plural,
                     gulong           n)
{
  const char *translation;
  guint32 length;

  g_return_val_if_fail (self != NULL, n == 1 ? msgid : msgid_plural);

  translation = lookup (self, msgid, &length);
  if (translation != NULL)
    {
      guint form = fe_plural_rule_eval (self->plural, n);
      const char *p = translation;
      const char *end = translation + length;

      /* The forms, one after another, each ended by a NUL (the last by the one past end). */
      for (guint i = 0; i < form && p < end; i++)
        p += strlen (p) + 1;
      if (p < end)
        return p;
    }
  return n == 1 ? msgid : msgid_plural;
}

const char *
fe_catalog_pgettext_joined (const FeCatalog *self,
                            const char      *joined,
                            gsize            msgid_offset)
{
  const char *translation;
  guint32 length;

  g_return_val_if_fail (self != NULL && joined != NULL, joined);

  translation = lookup (self, joined, &length);
  return translation != NULL ? translation : joined + msgid_offset;
}

const char *
fe_catalog_pgettext (const FeCatalog *self,
                     const char      *context,
                     const char      *msgid)
{
  g_autofree char *joined = NULL;
  const char *translation;
  guint32 length;

  g_return_val_if_fail (self != NULL && context != NULL && msgid != NULL, msgid);

  joined = g_strconcat (context, "\004", msgid, NULL);
  translation = lookup (self, joined, &length);
  return translation != NULL ? translation : msgid;
}

/* The catalogues pushed on this thread, innermost first. */
static void
free_stack (gpointer data)
{
  g_slist_free_full (data, (GDestroyNotify) fe_catalog_unref);
}

static GPrivate thread_catalogs = G_PRIVATE_INIT (free_stack);

void
fe_catalog_push_thread_default (FeCatalog *catalog)
{
  GSList *stack;

  if (catalog == NULL)
    return;
  stack = g_private_get (&thread_catalogs);
  /* g_private_set(), unlike g_private_replace(), leaves the old head alone: the list is the
   * same, one longer. */
  stack = g_slist_prepend (stack, fe_catalog_ref (catalog));
  g_private_set (&thread_catalogs, stack);
}

void
fe_catalog_pop_thread_default (FeCatalog *catalog)
{
  GSList *stack;

  if (catalog == NULL)
    return;
  stack = g_private_get (&thread_catalogs);
  g_return_if_fail (stack != NULL && stack->data == catalog);
  g_private_set (&thread_catalogs, stack->next);
  fe_catalog_unref (catalog);
  g_slist_free_1 (stack);
}

FeCatalog *
fe_catalog_get_thread_default (void)
{
  GSList *stack = g_private_get (&thread_catalogs);

  return stack != NULL ? stack->data : NULL;
}

/* fe-i18n.h */

const char *
fe_i18n_gettext (const char *msgid)
{
  FeCatalog *catalog = fe_catalog_get_thread_default ();

  if (catalog != NULL)
    return fe_catalog_gettext (catalog, msgid);
  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

const char *
fe_i18n_ngettext (const char *msgid,
                  const char *msgid_plural,
                  gulong      n)
{
  FeCatalog *catalog = fe_catalog_get_thread_default ();

  if (catalog != NULL)
    return fe_catalog_ngettext (catalog, msgid, msgid_plural, n);
  return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
}

const char *
fe_i18n_pgettext (const char *joined,
                  gsize       msgid_offset)
{
  FeCatalog *catalog = fe_catalog_get_thread_default ();

  if (catalog != NULL)
    return fe_catalog_pgettext_joined (catalog, joined, msgid_offset);
  return g_dpgettext (GETTEXT_PACKAGE, joined, msgid_offset);
}

const char *
fe_i18n_pgettext2 (const char *context,
                   const char *msgid)
{
  FeCatalog *catalog = fe_catalog_get_thread_default ();

  if (catalog != NULL)
    return fe_catalog_pgettext (catalog, context, msgid);
  return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);
}
