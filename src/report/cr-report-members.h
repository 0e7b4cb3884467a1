/* cr-report-members.h: the membership register for the council
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-store.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean    contact;   /* include phone, email and consent */
  gboolean    council;   /* for the council or landlord: name only those
                          * who agreed to share; implies no contact */
  gint64      group_id;  /* only this group's current members; 0 for all */
  const char *on_date;   /* ISO; statuses as on that day; NULL for today */
} CrMembersReportOptions;

gboolean cr_report_members (CrStore                       *store,
                            const char                    *path,
                            const CrMembersReportOptions  *options,
                            GError                       **error);

G_END_DECLS
