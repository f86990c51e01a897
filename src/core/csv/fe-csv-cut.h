/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fe-csv-source.h"

G_BEGIN_DECLS

/* Where to cut a file between records for another thread: a line end at or after @target
 * after which libcsv reads records with @stride fields each (of the first few line ends, the
 * one after which the most do), or 0. Only a guess: a line end inside a quoted answer can look
 * as good, which the parser of the part before it finds out. */
gsize fe_csv_find_cut (FeCsvSource *source,
                       char         delimiter,
                       guint        stride,
                       gsize        target);

G_END_DECLS
