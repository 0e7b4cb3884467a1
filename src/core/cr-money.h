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

/* The largest single amount the record books accept (£10,000,000): far
 * beyond any grant or payment a residents' association sees, so that a
 * slip of the keyboard (pence typed as pounds, a pasted account number) is
 * caught with a message rather than saved. */
#define CR_MONEY_SANE_PENCE G_GINT64_CONSTANT (1000000000)

#define CR_MONEY_ERROR (cr_money_error_quark ())

typedef enum
{
  CR_MONEY_ERROR_INVALID,
  CR_MONEY_ERROR_TOO_LARGE,
  CR_MONEY_ERROR_NOT_SANE,   /* zero, negative or absurd where it can't be */
} CrMoneyError;

typedef enum
{
  CR_MONEY_POSITIVE = 0,     /* more than nothing: a payment, a claim */
  CR_MONEY_NOT_NEGATIVE,     /* nothing or more: a budget, an award */
  CR_MONEY_NOT_ZERO,         /* either way but not nothing: a cash entry */
  CR_MONEY_ANY,              /* either way: a balance */
} CrMoneySign;

GQuark    cr_money_error_quark  (void);

gboolean  cr_money_parse        (const char   *text,
                                 gint64       *out_pence,
                                 GError      **error);
char     *cr_money_format       (gint64        pence);
char     *cr_money_format_plain (gint64        pence);

gboolean  cr_money_check_sane    (gint64        pence,
                                 CrMoneySign   sign,
                                 const char   *what,
                                 GError      **error);

void      cr_money_split        (gint64        total,
                                 guint         n_parts,
                                 gint64       *parts);
gboolean  cr_money_allocate     (gint64        total,
                                 const guint  *weights,
                                 guint         n,
                                 gint64       *parts);

G_END_DECLS
