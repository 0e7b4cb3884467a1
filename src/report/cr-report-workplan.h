/* cr-report-workplan.h: the work plan and its reviews, for the council
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-store.h"

G_BEGIN_DECLS

gboolean cr_report_workplan (CrStore    *store,
                             const char *path,
                             gint64      group_id,
                             const char *group_name,
                             const char *on_date,
                             GError    **error);

G_END_DECLS
