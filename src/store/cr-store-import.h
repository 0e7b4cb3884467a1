/* cr-store-import.h: bringing checked rows into the file, all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-member-import.h"
#include "cr-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint added;     /* new people (each joins the association) */
  guint present;   /* already in the file: same name and postcode or email */
  guint repeated;  /* the same person twice in the file */
} CrImportCounts;

gboolean cr_store_import_people (CrStore        *self,
                                 GPtrArray      *rows,
                                 gboolean        dry_run,
                                 CrImportCounts *counts,
                                 GError        **error);

G_END_DECLS
