/* cr-report-annual.h: the council pack, one workbook a year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-store-annual.h"
#include "cr-store.h"

G_BEGIN_DECLS

/* The sheets of the pack, in tab order; tests find cells by these names. */
#define CR_ANNUAL_SHEET_COVER      "Cover"
#define CR_ANNUAL_SHEET_CHECKLIST  "Checklist"
#define CR_ANNUAL_SHEET_MEMBERSHIP "Membership"
#define CR_ANNUAL_SHEET_GROUPS     "Groups"
#define CR_ANNUAL_SHEET_MONTHS     "Months"
#define CR_ANNUAL_SHEET_MEETINGS   "Meetings"
#define CR_ANNUAL_SHEET_DECISIONS  "Decisions"
#define CR_ANNUAL_SHEET_ACTIONS    "Actions"
#define CR_ANNUAL_SHEET_MONEY      "Money"
#define CR_ANNUAL_SHEET_GRANTS     "Grants"
#define CR_ANNUAL_SHEET_BALANCES   "Balances"
#define CR_ANNUAL_SHEET_TRAINING   "Training"

/* One recognition point of the checklist, worked out from the figures. */
typedef struct
{
  const char *point;   /* static: "Constitution adopted" … */
  gboolean    checked; /* FALSE: the records to judge it are not kept */
  gboolean    met;
  char       *evidence; /* a sentence with the dates and counts */
} CrAnnualPoint;

void cr_annual_point_free (CrAnnualPoint *point);

GPtrArray *cr_annual_get_checklist (const CrAnnual *annual);

char *cr_annual_describe_period (const CrAnnual *annual);

/* The period's money in and out (by category) and held at its end (by
 * account), in pence: what the cover and the checklist quote. */
gint64 cr_annual_total_in   (const CrAnnual *annual);
gint64 cr_annual_total_out  (const CrAnnual *annual);
gint64 cr_annual_total_held (const CrAnnual *annual);

gboolean cr_report_annual (CrStore    *store,
                           const char *path,
                           const char *from,
                           const char *to,
                           GError    **error);

G_END_DECLS
