/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-types.h"

G_BEGIN_DECLS

/* Who said it, as a researcher cites a quote: "Participant 87, South Wales Police" — the
 * respondent and their first attribute (the study's main grouping). */
char *fe_study_dup_attribution   (FeStudy       *study,
                                  guint          row);
/* The same for what leaves the screen under disclosure threshold @k: a respondent whose group
 * has fewer than @k respondents is only "a participant". */
char *fe_study_dup_attribution_k (FeStudy       *study,
                                  guint          row,
                                  guint          k);

/* A quote with its attribution, ready to paste: 'text' (Participant 87, South Wales Police) */
char *fe_quote_dup_citation      (FeStudy       *study,
                                  const FeQuote *quote,
                                  guint          k);

G_END_DECLS
