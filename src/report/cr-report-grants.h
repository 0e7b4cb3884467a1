/* cr-report-grants.h: the treasurer's grants and cash book workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-store.h"

G_BEGIN_DECLS

/* The figures the workbook's totals carry, for the caller to show or a
 * test to compare. Pence. */
typedef struct
{
  gint64 awarded; /* every grant listed on the summary */
  gint64 spent_in_period;
  gint64 income;      /* the cash book of the period */
  gint64 expenditure; /* as a positive number */
  gint64 opening;
  gint64 closing;
} CrGrantsReportTotals;

gboolean cr_report_grants (CrStore              *store,
                           const char           *path,
                           const char           *from,
                           const char           *to,
                           CrGrantsReportTotals *totals,
                           GError              **error);

G_END_DECLS
