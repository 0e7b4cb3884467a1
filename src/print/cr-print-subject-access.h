/* cr-print-subject-access.h: everything held about one person, as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-store.h"

G_BEGIN_DECLS

gboolean cr_print_subject_access_to_pdf (CrStore    *store,
                                         gint64      person_id,
                                         const char *path,
                                         GError    **error);

G_END_DECLS
