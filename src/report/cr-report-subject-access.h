/* cr-report-subject-access.h: everything held about one person, as Excel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-store.h"

G_BEGIN_DECLS

gboolean cr_report_subject_access (CrStore    *store,
                                   gint64      person_id,
                                   const char *path,
                                   GError    **error);

G_END_DECLS
