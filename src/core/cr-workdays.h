/* cr-workdays.h: working days and England & Wales bank holidays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The years whose bank holidays are known exactly, one-off holidays and moved
 * ones included. Outside them the regular rules are applied. */
#define CR_WORKDAYS_FIRST_YEAR 1995
#define CR_WORKDAYS_LAST_YEAR  2100

/* No year has more bank holidays than this (2022 had ten). */
#define CR_WORKDAYS_MAX_PER_YEAR 12

gboolean    cr_workdays_is_bank_holiday   (const GDate  *date);
const char *cr_workdays_bank_holiday_name (const GDate  *date);
gboolean    cr_workdays_is_working_day    (const GDate  *date);

void        cr_workdays_add               (GDate        *date,
                                           int           n);
int         cr_workdays_between           (const GDate  *from,
                                           const GDate  *to);

guint       cr_workdays_list_year         (int           year,
                                           GDate        *dates,
                                           const char  **names,
                                           guint         max);

G_END_DECLS
