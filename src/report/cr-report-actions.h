/* cr-report-actions.h: the "You said, we did" action log for the council
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-store.h"

G_BEGIN_DECLS

gboolean cr_report_actions (CrStore     *store,
                            const char  *path,
                            gint64       group_id,
                            const char  *group_name,
                            GError     **error);

G_END_DECLS
