/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _FeBitset   FeBitset;
typedef struct _FeColumn   FeColumn;
typedef struct _FeCsvTable FeCsvTable;
typedef struct _FeFilter   FeFilter;
typedef struct _FeQuote    FeQuote;
typedef struct _FeStudy    FeStudy;
typedef struct _FeTally    FeTally;

G_END_DECLS
