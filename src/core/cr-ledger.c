/* cr-ledger.c: funds, balances and budget lines worked out from the cash
 * book, without a file
 *
 * The cash book's sign convention (see cr-schema-money.c): money in is
 * positive, money out negative. A restricted grant is a fund of its own
 * that pays only for its budget lines and never more than it awarded; all
 * else is the association's unrestricted money. The store feeds these
 * functions the rows it reads, so the rules are tested here without SQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-core"

#include "config.h"

#include "cr-ledger.h"

#include "cr-money.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* clang-format off */
G_DEFINE_QUARK (cr-ledger-error-quark, cr_ledger_error)
/* clang-format on */

/**
 * cr_ledger_fund_balances:
 * @grants: (array length=n_grants): the grants
 * @entries: (array length=n_entries): the cash book
 *
 * Shares the cash book out among the funds: one for each restricted grant
 * (in the order of @grants, even with no entries yet) and, first, the
 * unrestricted fund (grant_id 0), which holds every entry without a grant
 * or with an unrestricted one. Opening balances of accounts are not
 * entries; the caller adds them to the unrestricted fund.
 *
 * Returns: (transfer full) (element-type CrFundBalance): the funds, the
 *   unrestricted one first
 */
GArray *
cr_ledger_fund_balances (const CrLedgerGrant *grants,
                         guint                n_grants,
                         const CrLedgerEntry *entries,
                         guint                n_entries)
{
  GArray *funds = g_array_new (FALSE, TRUE, sizeof (CrFundBalance));
  g_autoptr (GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  CrFundBalance own = { 0 };

  g_return_val_if_fail (grants != NULL || n_grants == 0, funds);
  g_return_val_if_fail (entries != NULL || n_entries == 0, funds);

  g_array_append_val (funds, own);
  for (guint i = 0; i < n_grants; i++)
    {
      CrFundBalance fund = { grants[i].id, 0, 0, 0 };

      if (!grants[i].restricted)
        continue;
      g_array_append_val (funds, fund);
      g_hash_table_insert (index, (gpointer) &grants[i].id,
                           GUINT_TO_POINTER (funds->len - 1));
    }

  for (guint i = 0; i < n_entries; i++)
    {
      const CrLedgerEntry *e = &entries[i];
      gpointer             slot = NULL;
      CrFundBalance       *fund;

      if (e->grant_id == 0 ||
          !g_hash_table_lookup_extended (index, &e->grant_id, NULL, &slot))
        slot = GUINT_TO_POINTER (0);
      fund = &g_array_index (funds, CrFundBalance, GPOINTER_TO_UINT (slot));
      if (e->amount > 0)
        fund->income += e->amount;
      else
        fund->spent -= e->amount;
      fund->balance += e->amount;
    }
  return funds;
}

/**
 * cr_ledger_grant_spent:
 * @grant_id: a grant
 *
 * Returns: how much of the cash book's money out names @grant_id, in pence
 *   (a positive number)
 */
gint64
cr_ledger_grant_spent (gint64               grant_id,
                       const CrLedgerEntry *entries,
                       guint                n_entries)
{
  gint64 spent = 0;

  for (guint i = 0; i < n_entries; i++)
    if (entries[i].grant_id == grant_id && entries[i].amount < 0)
      spent -= entries[i].amount;
  return spent;
}

/**
 * cr_ledger_running_balance:
 * @opening: the account's balance before the first entry
 * @entries: (array length=n_entries): one account's entries, in order
 * @balances: (out caller-allocates) (array length=n_entries): the balance
 *   after each entry
 *
 * The running balance a bank statement shows.
 */
void
cr_ledger_running_balance (gint64               opening,
                           const CrLedgerEntry *entries,
                           guint                n_entries,
                           gint64              *balances)
{
  gint64 balance = opening;

  g_return_if_fail (entries != NULL || n_entries == 0);
  g_return_if_fail (balances != NULL || n_entries == 0);

  for (guint i = 0; i < n_entries; i++)
    {
      balance += entries[i].amount;
      balances[i] = balance;
    }
}

/**
 * cr_ledger_line_use:
 * @lines: (array length=n_lines): budget lines
 * @entries: (array length=n_entries): the cash book
 *
 * How much of each budget line has been spent: the money out that names
 * the line's grant and category, less any refund (money in) to it.
 *
 * Returns: (transfer full) (element-type CrLineUse): one a line, in the
 *   order of @lines; over is set when more was spent than budgeted
 */
GArray *
cr_ledger_line_use (const CrLedgerLine  *lines,
                    guint                n_lines,
                    const CrLedgerEntry *entries,
                    guint                n_entries)
{
  GArray *uses = g_array_sized_new (FALSE, TRUE, sizeof (CrLineUse), n_lines);

  for (guint i = 0; i < n_lines; i++)
    {
      CrLineUse use = { lines[i].grant_id, lines[i].category_id,
                        lines[i].amount, 0, FALSE };

      for (guint j = 0; j < n_entries; j++)
        if (entries[j].grant_id == lines[i].grant_id &&
            entries[j].category_id == lines[i].category_id)
          use.spent -= entries[j].amount;
      use.over = use.spent > use.budget;
      g_array_append_val (uses, use);
    }
  return uses;
}

/**
 * cr_ledger_check_spend:
 * @grant: the grant @entry names
 * @grant_name: its name, for messages
 * @lines: (array length=n_lines): @grant's budget lines (others are
 *   ignored)
 * @spent_before: what the grant has paid already, not counting @entry
 * @entry: the entry about to be saved
 *
 * Says whether @grant may pay for @entry: only an awarded grant holds any
 * money; a restricted grant pays only for its own budget lines, and never
 * more in all than it awarded. Money in to a grant (its payment) is always
 * allowed once it is awarded.
 *
 * Returns: %TRUE if it may; otherwise a #CR_LEDGER_ERROR with a message
 *   that says what to do
 */
gboolean
cr_ledger_check_spend (const CrLedgerGrant *grant,
                       const char          *grant_name,
                       const CrLedgerLine  *lines,
                       guint                n_lines,
                       gint64               spent_before,
                       const CrLedgerEntry *entry,
                       GError             **error)
{
  gboolean         has_line = FALSE;
  g_autofree char *awarded = NULL;
  g_autofree char *left = NULL;

  g_return_val_if_fail (grant != NULL, FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (!grant->awarded)
    {
      g_set_error (error, CR_LEDGER_ERROR, CR_LEDGER_ERROR_NOT_AWARDED,
                   _ ("The grant “%s” has not been awarded, so it holds no "
                      "money yet; record the award first, or leave the grant "
                      "out."),
                   grant_name);
      return FALSE;
    }
  if (entry->amount >= 0 || !grant->restricted)
    return TRUE;

  for (guint i = 0; i < n_lines; i++)
    if (lines[i].grant_id == grant->id &&
        lines[i].category_id == entry->category_id && entry->category_id != 0)
      has_line = TRUE;
  if (!has_line)
    {
      g_set_error (error, CR_LEDGER_ERROR, CR_LEDGER_ERROR_NO_LINE,
                   _ ("The grant “%s” is restricted and has no budget line "
                      "for this category; pay it from another fund, or add "
                      "the line to the grant’s budget if the funder agrees."),
                   grant_name);
      return FALSE;
    }

  if (spent_before - entry->amount > grant->amount)
    {
      awarded = cr_money_format (grant->amount);
      left = cr_money_format (MAX (grant->amount - spent_before, 0));
      g_set_error (error, CR_LEDGER_ERROR, CR_LEDGER_ERROR_OVERSPENT,
                   _ ("The grant “%s” awarded %s and only %s of it is left; "
                      "a restricted fund can’t pay more than it was given. "
                      "Pay the rest from the association’s own money."),
                   grant_name, awarded, left);
      return FALSE;
    }
  return TRUE;
}

/**
 * cr_ledger_unspent_late:
 * @spent: what the grant has paid
 * @on_date: ISO date of the check
 * @unspent: (out) (optional): what is left of the award
 *
 * Returns: %TRUE if the grant's period ended before @on_date and part of
 *   its award is still unspent; funders usually want it spent or returned
 */
gboolean
cr_ledger_unspent_late (const CrLedgerGrant *grant,
                        gint64               spent,
                        const char          *on_date,
                        gint64              *unspent)
{
  gint64 left;

  g_return_val_if_fail (grant != NULL, FALSE);
  g_return_val_if_fail (on_date != NULL, FALSE);

  left = grant->amount - spent;
  if (unspent != NULL)
    *unspent = left;
  return grant->awarded && left > 0 && grant->period_end != NULL &&
         strcmp (grant->period_end, on_date) < 0;
}
