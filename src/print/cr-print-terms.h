/* cr-print-terms.h: a group's terms of reference, printed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "cr-page.h"
#include "cr-store.h"

G_BEGIN_DECLS

CrPageDoc *cr_print_terms_build (CrStore *store,
                                 gint64   group_id,
                                 gint64   version_id,
                                 char   **title,
                                 GError **error);
gboolean   cr_print_terms_to_pdf (CrStore    *store,
                                  gint64      group_id,
                                  gint64      version_id,
                                  const char *path,
                                  GError    **error);

G_END_DECLS
