/* cr-money.h: amounts of money as whole pence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Money is always a gint64 count of pence: never a double, never strtod. */

/* The largest amount, either way, that cr_money_parse() accepts:
 * £1,000,000,000,000. Far beyond any association's books, and far enough
 * inside gint64 that sums of many such amounts cannot overflow. */
#define CR_MONEY_MAX_PENCE G_GINT64_CONSTANT (100000000000000)

#define CR_MONEY_ERROR (cr_money_error_quark ())

typedef enum
{
  CR_MONEY_ERROR_INVALID,
  CR_MONEY_ERROR_TOO_LARGE,
} CrMoneyError;

GQuark    cr_money_error_quark  (void);

gboolean  cr_money_parse        (const char   *text,
                                 gint64       *out_pence,
                                 GError      **error);
char     *cr_money_format       (gint64        pence);
char     *cr_money_format_plain (gint64        pence);

void      cr_money_split        (gint64        total,
                                 guint         n_parts,
                                 gint64       *parts);
gboolean  cr_money_allocate     (gint64        total,
                                 const guint  *weights,
                                 guint         n,
                                 gint64       *parts);

G_END_DECLS
