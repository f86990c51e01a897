/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-csv-table.h"

G_BEGIN_DECLS

/* Whether @table is a REDCap data dictionary (Project Setup › Data Dictionary › Download):
 * one line per field, "Variable / Field Name", "Field Type", "Field Label", "Choices…". */
gboolean   fe_redcap_dictionary_recognise (const FeCsvTable *table);

/* The codebook a REDCap data dictionary makes (FeCodebookEntry*, fe_codebook_entries_new()):
 * each field's label, its role from its type, and for radio, dropdown, checkbox, yes/no and
 * true/false fields its choices as levels with their codes, which a raw export holds. Fields
 * marked as identifiers are hidden; the record id, descriptive text and fields whose role the
 * answers tell better (plain text, dates) are left to inference with their label. */
GPtrArray *fe_redcap_dictionary_read      (const FeCsvTable *table);

G_END_DECLS
