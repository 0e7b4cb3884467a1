/* cr-date.h: calendar dates, ISO in files and UK-style on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The years a person may type; anything outside is almost surely a typing
 * slip (1026 for 2026). */
#define CR_DATE_MIN_YEAR 1900
#define CR_DATE_MAX_YEAR 2200

#define CR_DATE_ERROR (cr_date_error_quark ())

typedef enum
{
  CR_DATE_ERROR_INVALID,
} CrDateError;

GQuark    cr_date_error_quark (void);

gboolean  cr_date_parse       (const char   *text,
                               GDate        *out,
                               GError      **error);
gboolean  cr_date_parse_iso   (const char   *iso,
                               GDate        *out);

char     *cr_date_to_iso      (const GDate  *date);
char     *cr_date_to_uk       (const GDate  *date);
char     *cr_date_iso_to_uk   (const char   *iso);
char     *cr_date_to_long     (const GDate  *date);

char     *cr_date_today_iso   (void);
void      cr_date_today       (GDate        *out);

int       cr_date_compare_iso (const char   *a,
                               const char   *b);
void      cr_date_add_months  (GDate        *date,
                               int           months);

G_END_DECLS
