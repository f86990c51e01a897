/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The app's words in one language, read from its compiled catalogue (LANG/LC_MESSAGES/
 * findings-explorer.mo) without touching the process's locale, LANGUAGE or its text domain: a
 * chart or a briefing pack is drawn in Welsh by passing it the Welsh catalogue, while the
 * window around it stays in the reader's language. Immutable once made, so it may be shared
 * between threads; refcounted. */
typedef struct _FeCatalog FeCatalog;

#define FE_CATALOG_ERROR (fe_catalog_error_quark ())

typedef enum
{
  FE_CATALOG_ERROR_NOT_FOUND,  /* no catalogue for the language */
  FE_CATALOG_ERROR_CORRUPT,    /* not a .mo file, or one cut short or inconsistent */
} FeCatalogError;

GQuark       fe_catalog_error_quark (void);

/* Where the catalogues are: $FE_LOCALEDIR (the build tree's po/, for running uninstalled and
 * for tests), else the installed locale directory. */
const char  *fe_catalog_get_localedir   (void);

/* The source language's catalogue (English): every lookup gives back its msgid, with English
 * plurals. @language names it ("en", or NULL for "en"). */
FeCatalog   *fe_catalog_new_source      (const char  *language);
/* The catalogue of @language ("cy", "cy_GB.UTF-8": cy_GB, then cy) under
 * fe_catalog_get_localedir(); "en", "C", "POSIX" and NULL give the source catalogue. Fails
 * with FE_CATALOG_ERROR_NOT_FOUND when there is none, or _CORRUPT when it cannot be read. */
FeCatalog   *fe_catalog_new_for_language (const char  *language,
                                          GError     **error);
/* A catalogue from a .mo file, mapped rather than read; @language is what it is called. */
FeCatalog   *fe_catalog_new_from_file   (const char  *path,
                                         const char  *language,
                                         GError     **error);
/* A catalogue from the bytes of a .mo file (kept, not copied). Everything in it is checked
 * against its length before use: a file cut short, with a table or string out of bounds, or
 * with unsorted messages is refused with FE_CATALOG_ERROR_CORRUPT. */
FeCatalog   *fe_catalog_new_from_bytes  (GBytes      *bytes,
                                         const char  *language,
                                         GError     **error);
FeCatalog   *fe_catalog_ref             (FeCatalog   *self);
void         fe_catalog_unref           (FeCatalog   *self);

/* The language it is for: "cy", "en" (interned). */
const char  *fe_catalog_get_language    (const FeCatalog *self);
/* The translation of @msgid, or @msgid when the catalogue has none. */
const char  *fe_catalog_gettext         (const FeCatalog *self,
                                         const char      *msgid);
/* The form for @n by the catalogue's Plural-Forms rule; without a translation, @msgid for 1
 * and @msgid_plural otherwise. */
const char  *fe_catalog_ngettext        (const FeCatalog *self,
                                         const char      *msgid,
                                         const char      *msgid_plural,
                                         gulong           n);
/* @msgid in @context (msgctxt), or @msgid. */
const char  *fe_catalog_pgettext        (const FeCatalog *self,
                                         const char      *context,
                                         const char      *msgid);
/* The same with the context and the msgid already joined by "\004", as C_() does; returns
 * the part after the "\004" when there is no translation. */
const char  *fe_catalog_pgettext_joined (const FeCatalog *self,
                                         const char      *joined,
                                         gsize            msgid_offset);
/* Which plural form the catalogue's rule gives @n (0 for the source catalogue's 1). */
guint        fe_catalog_get_plural_form (const FeCatalog *self,
                                         gulong           n);

/* The catalogue the words drawn on this thread come from, for the time of one chart or pack:
 * the chart and report layers push the catalogue they are given and pop it when done, so
 * that their own words, the core's (filter descriptions, attributions) and the codebook's
 * labels (fe_column_get_display_label()) are in its language, on this thread only. Pushes
 * nest; NULL pushes nothing. */
void         fe_catalog_push_thread_default (FeCatalog *catalog);
void         fe_catalog_pop_thread_default  (FeCatalog *catalog);
/* The innermost catalogue pushed on this thread, or NULL: the process's language. */
FeCatalog   *fe_catalog_get_thread_default  (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeCatalog, fe_catalog_unref)

G_END_DECLS
