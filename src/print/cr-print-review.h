/* cr-print-review.h: a service review's summary, printed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cr-page.h"
#include "cr-store.h"

G_BEGIN_DECLS

CrPageDoc *cr_print_review_build (CrStore    *store,
                                  gint64      review_id,
                                  const char *on_date,
                                  char      **title,
                                  GError    **error);
gboolean   cr_print_review_to_pdf (CrStore    *store,
                                   gint64      review_id,
                                   const char *on_date,
                                   const char *path,
                                   GError    **error);

G_END_DECLS
