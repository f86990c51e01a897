/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The translation macros of every layer below the app (core, chart, report, cli): include this
 * in a .c file instead of <glib/gi18n-lib.h>. _(), C_() and ngettext() look their words up in
 * the catalogue pushed on the calling thread (fe_catalog_push_thread_default()) when there is
 * one, else in the process's (GETTEXT_PACKAGE, as main.c set it up). N_() and NC_() only mark,
 * as before. Never in a header. */
#pragma once

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fe-catalog.h"

G_BEGIN_DECLS

const char *fe_i18n_gettext   (const char *msgid) G_GNUC_FORMAT (1);
const char *fe_i18n_ngettext  (const char *msgid,
                               const char *msgid_plural,
                               gulong      n) G_GNUC_FORMAT (1) G_GNUC_FORMAT (2);
const char *fe_i18n_pgettext  (const char *joined,
                               gsize       msgid_offset) G_GNUC_FORMAT (1);
const char *fe_i18n_pgettext2 (const char *context,
                               const char *msgid) G_GNUC_FORMAT (2);

G_END_DECLS

#undef _
#undef C_
#undef ngettext
#define _(String) fe_i18n_gettext (String)
#define C_(Context, String) fe_i18n_pgettext (Context "\004" String, strlen (Context) + 1)
#define ngettext(Msgid, Plural, N) fe_i18n_ngettext (Msgid, Plural, N)
