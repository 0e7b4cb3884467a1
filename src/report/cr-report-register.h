/* cr-report-register.h: a group's attendance register, from the file to
 * a workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-store.h"

G_BEGIN_DECLS

gboolean cr_report_group_attendance (CrStore     *store,
                                     const char  *path,
                                     gint64       group_id,
                                     const char  *group_name,
                                     const char  *from,
                                     const char  *to,
                                     guint       *n_rows,
                                     guint       *n_meetings,
                                     GError     **error);

G_END_DECLS
