/* cr-ledger.h: funds, balances and budget lines worked out from the cash
 * book, without a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CR_LEDGER_ERROR (cr_ledger_error_quark ())

typedef enum
{
  CR_LEDGER_ERROR_NOT_AWARDED, /* spending from a grant not (yet) awarded */
  CR_LEDGER_ERROR_NO_LINE,     /* a restricted grant without that line */
  CR_LEDGER_ERROR_OVERSPENT,   /* more than the grant awarded */
} CrLedgerError;

/* One cash book entry as the ledger sees it. @amount is pence, positive
 * for money in, negative for money out. @grant_id and @category_id are 0
 * when the entry has none. */
typedef struct
{
  gint64      id;
  gint64      account_id;
  gint64      grant_id;
  gint64      category_id;
  gint64      amount;
  const char *date; /* ISO */
} CrLedgerEntry;

/* One grant as the ledger sees it. */
typedef struct
{
  gint64      id;
  gboolean    awarded; /* awarded or closed: it may be spent */
  gboolean    restricted;
  gint64      amount;       /* the award, in pence */
  const char *period_start; /* ISO or NULL */
  const char *period_end;   /* ISO or NULL */
} CrLedgerGrant;

typedef struct
{
  gint64 grant_id;
  gint64 category_id;
  gint64 amount; /* budgeted */
} CrLedgerLine;

/* A fund: one restricted grant's money, or (grant_id 0) the association's
 * own unrestricted money. */
typedef struct
{
  gint64 grant_id;
  gint64 income;  /* money in, pence, >= 0 */
  gint64 spent;   /* money out, pence, >= 0 */
  gint64 balance; /* income - spent */
} CrFundBalance;

/* How much of a budget line is used. */
typedef struct
{
  gint64   grant_id;
  gint64   category_id;
  gint64   budget;
  gint64   spent;
  gboolean over; /* spent > budget */
} CrLineUse;

GQuark cr_ledger_error_quark (void);

GArray  *cr_ledger_fund_balances (const CrLedgerGrant *grants,
                                  guint                n_grants,
                                  const CrLedgerEntry *entries,
                                  guint                n_entries);
gint64   cr_ledger_grant_spent (gint64               grant_id,
                                const CrLedgerEntry *entries,
                                guint                n_entries);
void     cr_ledger_running_balance (gint64               opening,
                                    const CrLedgerEntry *entries,
                                    guint                n_entries,
                                    gint64              *balances);
GArray  *cr_ledger_line_use (const CrLedgerLine  *lines,
                             guint                n_lines,
                             const CrLedgerEntry *entries,
                             guint                n_entries);
gboolean cr_ledger_check_spend (const CrLedgerGrant *grant,
                                const char          *grant_name,
                                const CrLedgerLine  *lines,
                                guint                n_lines,
                                gint64               spent_before,
                                const CrLedgerEntry *entry,
                                GError             **error);
gboolean cr_ledger_unspent_late (const CrLedgerGrant *grant,
                                 gint64               spent,
                                 const char          *on_date,
                                 gint64              *unspent);

G_END_DECLS
