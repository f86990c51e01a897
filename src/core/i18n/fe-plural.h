/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A catalogue's plural rule: the C-like expression of its Plural-Forms header ("plural=(n==0) ?
 * 0 : (n==1) ? 1 : …"), parsed once and evaluated for each number. It knows n, decimal
 * integers, ! * / % + - < > <= >= == != && || ?: and parentheses, as GNU gettext does; an
 * expression longer, deeper or stranger than a catalogue's is refused, never half-read. */
typedef struct _FePluralRule FePluralRule;

#define FE_PLURAL_ERROR (fe_plural_error_quark ())

typedef enum
{
  FE_PLURAL_ERROR_PARSE,  /* not an expression of the kind above, or too long or deep */
} FePluralError;

GQuark        fe_plural_error_quark (void);

/* Parses @expression ("n != 1"). @n_forms (1…256) bounds what fe_plural_rule_eval() returns. */
FePluralRule *fe_plural_rule_new    (const char    *expression,
                                     guint          n_forms,
                                     GError       **error);
/* The rule of a Plural-Forms header value ("nplurals=2; plural=n != 1;"). */
FePluralRule *fe_plural_rule_new_from_header (const char *plural_forms,
                                              GError    **error);
/* English's rule: form 0 for 1, form 1 otherwise. */
FePluralRule *fe_plural_rule_new_germanic (void);
void          fe_plural_rule_free   (FePluralRule  *rule);
guint         fe_plural_rule_get_n_forms (const FePluralRule *rule);
/* The form for @n, from 0 to n_forms - 1 (an out-of-range answer, or a division by zero,
 * gives form 0, as GNU gettext does). */
guint         fe_plural_rule_eval   (const FePluralRule *rule,
                                     gulong              n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FePluralRule, fe_plural_rule_free)

G_END_DECLS
