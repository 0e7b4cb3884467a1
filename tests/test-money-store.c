/* test-money-store.c: grants, funds, the cash book, claims and bank
 * statement import, in a real file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cr-money.h"
#include "cr-person.h"
#include "cr-rules.h"
#include "cr-store-money.h"
#include "cr-store-people.h"

#include "cr-test-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  CrStore *store;
  gint64   funder;
  gint64   grant; /* restricted, £1,000: publicity £400, room hire £600 */
  gint64   bank;
  gint64   cash;
  gint64   publicity;
  gint64   room_hire;
  gint64   refreshments;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CrGrant grant = { 0 };

  f->dir = cr_test_make_tmpdir ("cr-money-XXXXXX");
  f->path = g_build_filename (f->dir, "test.commonroom", NULL);
  f->store = cr_store_create (f->path, "Elm Court TRA", &error);
  g_assert_no_error (error);

  f->funder = cr_store_add_funder (f->store, "Riverside Council", NULL, &error);
  g_assert_no_error (error);
  grant.funder_id = f->funder;
  grant.name = (char *) "Community Chest 2026";
  grant.status = CR_GRANT_AWARDED;
  grant.awarded_on = (char *) "2026-03-01";
  grant.awarded = 100000;
  grant.period_start = (char *) "2026-04-01";
  grant.period_end = (char *) "2027-03-31";
  grant.restricted = TRUE;
  f->grant = cr_store_save_grant (f->store, &grant, &error);
  g_assert_no_error (error);

  f->publicity = cr_store_find_category (f->store, "publicity", &error);
  f->room_hire = cr_store_find_category (f->store, "Room hire", &error);
  f->refreshments = cr_store_find_category (f->store, "Refreshments", &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->publicity, >, 0);
  g_assert_cmpint (f->room_hire, >, 0);
  cr_store_set_budget_line (f->store, f->grant, f->publicity, 40000, &error);
  g_assert_no_error (error);
  cr_store_set_budget_line (f->store, f->grant, f->room_hire, 60000, &error);
  g_assert_no_error (error);

  f->bank = cr_store_add_account (f->store, "Bank", CR_ACCOUNT_BANK, 25000,
                                  "2026-01-01", &error);
  g_assert_no_error (error);
  f->cash = cr_store_add_account (f->store, "Petty cash", CR_ACCOUNT_CASH, 0,
                                  NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          g_autoptr (GDir) sub = g_dir_open (child, 0, NULL);
          const char *n;

          while (sub != NULL && (n = g_dir_read_name (sub)) != NULL)
            {
              g_autofree char *c = g_build_filename (child, n, NULL);
              g_unlink (c);
            }
          g_rmdir (child);
        }
      else
        g_unlink (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
add_entry (Fixture    *f,
           gint64      account,
           const char *date,
           gint64      grant,
           gint64      category,
           gint64      amount,
           GError    **error)
{
  CrCashEntry e = { 0 };

  e.account_id = account;
  e.date = (char *) date;
  e.description = (char *) "Something";
  e.grant_id = grant;
  e.category_id = category;
  e.amount = amount;
  e.method = CR_PAY_BANK;
  return cr_store_save_entry (f->store, &e, error);
}

static gint64
count_entries (Fixture *f)
{
  g_autoptr (GPtrArray) all = cr_store_list_entries (f->store, NULL, NULL);

  return all->len;
}

static void
test_restricted_fund (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (CrGrant) grant = NULL;
  CrBudgetLine *line;

  /* The grant's payment in, then spending on its lines. */
  g_assert_cmpint (
      add_entry (f, f->bank, "2026-04-02", f->grant, 0, 100000, &error), >, 0);
  g_assert_cmpint (add_entry (f, f->bank, "2026-04-10", f->grant, f->publicity,
                              -30000, &error),
                   >, 0);
  g_assert_cmpint (add_entry (f, f->bank, "2026-04-11", f->grant, f->room_hire,
                              -50000, &error),
                   >, 0);
  g_assert_no_error (error);

  /* A line it hasn't got. */
  g_assert_cmpint (add_entry (f, f->bank, "2026-04-12", f->grant,
                              f->refreshments, -100, &error),
                   ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no budget line"));
  g_clear_error (&error);

  /* £200 left; £200.01 is refused, £150 over the publicity line is
   * allowed but flagged. */
  g_assert_cmpint (add_entry (f, f->bank, "2026-04-13", f->grant, f->publicity,
                              -20001, &error),
                   ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "£200.00"));
  g_clear_error (&error);
  g_assert_cmpint (add_entry (f, f->bank, "2026-04-13", f->grant, f->publicity,
                              -15000, &error),
                   >, 0);
  g_assert_no_error (error);

  lines = cr_store_list_budget_lines (f->store, f->grant, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 2);
  line = g_ptr_array_index (lines, 0);
  g_assert_cmpstr (line->category, ==, "Publicity");
  g_assert_cmpint (line->spent, ==, 45000);
  g_assert_true (line->over);
  line = g_ptr_array_index (lines, 1);
  g_assert_cmpint (line->spent, ==, 50000);
  g_assert_false (line->over);

  grant = cr_store_get_grant (f->store, f->grant, &error);
  g_assert_cmpint (grant->received, ==, 100000);
  g_assert_cmpint (grant->spent, ==, 95000);

  /* The refused entries left nothing behind. */
  g_assert_cmpint (count_entries (f), ==, 4);
}

static void
test_bad_amounts (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CrGrant grant = { 0 };

  g_assert_cmpint (add_entry (f, f->bank, "2026-04-02", 0, 0, 0, &error), ==,
                   0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "£0.00"));
  g_clear_error (&error);
  g_assert_cmpint (add_entry (f, f->bank, "2026-04-02", 0, 0,
                              CR_MONEY_SANE_PENCE + 1, &error),
                   ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (add_entry (f, f->bank, "2026-02-30", 0, 0, 100, &error), ==,
                   0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A negative award; an award on a grant only applied for. */
  grant.funder_id = f->funder;
  grant.name = (char *) "Bad";
  grant.status = CR_GRANT_AWARDED;
  grant.awarded_on = (char *) "2026-01-01";
  grant.awarded = -5;
  g_assert_cmpint (cr_store_save_grant (f->store, &grant, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "negative"));
  g_clear_error (&error);
  grant.status = CR_GRANT_APPLIED;
  grant.awarded = 500;
  g_assert_cmpint (cr_store_save_grant (f->store, &grant, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Spending from a grant only applied for. */
  grant.awarded = 0;
  grant.id = cr_store_save_grant (f->store, &grant, &error);
  g_assert_no_error (error);
  g_assert_cmpint (add_entry (f, f->bank, "2026-04-02", grant.id, f->publicity,
                              -100, &error),
                   ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not been awarded"));
  g_clear_error (&error);

  /* The award can't be cut below what was spent. */
  g_assert_cmpint (add_entry (f, f->bank, "2026-04-02", f->grant, f->publicity,
                              -30000, &error),
                   >, 0);
  {
    g_autoptr (CrGrant) g = cr_store_get_grant (f->store, f->grant, &error);

    g->awarded = 29999;
    g_assert_cmpint (cr_store_save_grant (f->store, g, &error), ==, 0);
    g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g->awarded = 30000;
    g_assert_cmpint (cr_store_save_grant (f->store, g, &error), ==, f->grant);
    g_assert_no_error (error);
  }
  g_assert_cmpint (count_entries (f), ==, 1);
}

static void
test_balances (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GArray) funds = NULL;
  CrCashFilter   filter = { 0 };
  CrFundBalance *fund;

  add_entry (f, f->bank, "2026-04-02", f->grant, 0, 100000, &error);
  add_entry (f, f->bank, "2026-04-05", f->grant, f->room_hire, -12345, &error);
  add_entry (f, f->bank, "2026-04-03", 0, f->refreshments, -1000, &error);
  add_entry (f, f->cash, "2026-04-04", 0, 0, 5000, &error);
  add_entry (f, f->cash, "2026-04-06", 0, f->refreshments, -499, &error);
  g_assert_no_error (error);

  accounts = cr_store_list_accounts (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 2);
  g_assert_cmpint (((CrAccount *) g_ptr_array_index (accounts, 0))->balance, ==,
                   25000 + 100000 - 12345 - 1000);
  g_assert_cmpint (((CrAccount *) g_ptr_array_index (accounts, 1))->balance, ==,
                   4501);

  /* Running balance per account, in date order. */
  filter.account_id = f->bank;
  entries = cr_store_list_entries (f->store, &filter, &error);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpint (((CrCashEntry *) g_ptr_array_index (entries, 0))->balance,
                   ==, 125000);
  g_assert_cmpint (((CrCashEntry *) g_ptr_array_index (entries, 1))->balance,
                   ==, 124000);
  g_assert_cmpint (((CrCashEntry *) g_ptr_array_index (entries, 2))->balance,
                   ==, 111655);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A period filter keeps the account's real balance. */
  filter.account_id = 0;
  filter.from = "2026-04-05";
  entries = cr_store_list_entries (f->store, &filter, &error);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpint (((CrCashEntry *) g_ptr_array_index (entries, 0))->balance,
                   ==, 111655);
  g_clear_pointer (&entries, g_ptr_array_unref);
  filter.from = NULL;
  filter.grant_id = -1;
  entries = cr_store_list_entries (f->store, &filter, &error);
  g_assert_cmpuint (entries->len, ==, 3);

  funds = cr_store_list_funds (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (funds->len, ==, 2);
  fund = &g_array_index (funds, CrFundBalance, 0);
  g_assert_cmpint (fund->balance, ==, 25000 - 1000 + 5000 - 499);
  fund = &g_array_index (funds, CrFundBalance, 1);
  g_assert_cmpint (fund->grant_id, ==, f->grant);
  g_assert_cmpint (fund->balance, ==, 100000 - 12345);

  g_assert_cmpint (cr_store_get_balance_before (f->store, "2026-04-04", &error),
                   ==, 25000 + 100000 - 1000);
}

static void
test_claims (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrPerson) person = cr_person_new ();
  g_autoptr (GPtrArray) claims = NULL;
  CrExpenseClaim  claim = { 0 };
  CrExpenseClaim *c;
  gint64          id, entry;

  cr_person_set_given_name (person, "Amara");
  cr_person_set_family_name (person, "Okafor");
  claim.person_id = cr_store_add_person (f->store, person, &error);
  g_assert_no_error (error);

  claim.kind = CR_CLAIM_CHILDCARE;
  claim.amount = -100;
  claim.submitted_on = (char *) "2026-05-01";
  g_assert_cmpint (cr_store_add_claim (f->store, &claim, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  claim.amount = 2400;
  id = cr_store_add_claim (f->store, &claim, &error);
  g_assert_no_error (error);

  /* Not approved yet: can't be paid. */
  g_assert_cmpint (cr_store_pay_claim (f->store, id, f->cash, "2026-05-03",
                                       CR_PAY_CASH, &error),
                   ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (
      cr_store_approve_claim (f->store, id, "2026-04-30", 0, &error));
  g_clear_error (&error);
  g_assert_true (
      cr_store_approve_claim (f->store, id, "2026-05-02", 0, &error));
  entry = cr_store_pay_claim (f->store, id, f->cash, "2026-05-03", CR_PAY_CASH,
                              &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry, >, 0);
  g_assert_cmpint (cr_store_pay_claim (f->store, id, f->cash, "2026-05-04",
                                       CR_PAY_CASH, &error),
                   ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  claims = cr_store_list_claims (f->store, 0, &error);
  g_assert_cmpuint (claims->len, ==, 1);
  c = g_ptr_array_index (claims, 0);
  g_assert_cmpstr (c->person, ==, "Amara Okafor");
  g_assert_cmpstr (c->paid_on, ==, "2026-05-03");
  g_assert_cmpint (c->entry_id, ==, entry);

  /* The entry paid a claim: deleting it is refused. */
  g_assert_false (cr_store_delete_entry (f->store, entry, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_assert_cmpint (count_entries (f), ==, 1);
}

static void
test_check (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items =
      g_ptr_array_new_with_free_func ((GDestroyNotify) cr_attention_item_free);
  CrAttentionItem *item;

  cr_store_add_grant_report (f->store, f->grant, "2026-10-15",
                             "Six-month report", &error);
  cr_store_add_grant_report (f->store, f->grant, "2026-12-31", "Year report",
                             &error);
  g_assert_no_error (error);

  /* 30 days ahead catches the first only. */
  g_assert_true (
      cr_store_check_money (f->store, 0, "2026-09-20", items, &error));
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (item->rule, ==, "grant-report-due");
  g_assert_cmpstr (item->date, ==, "2026-10-15");
  g_assert_nonnull (strstr (item->detail, "in 25 days"));
  g_ptr_array_set_size (items, 0);

  /* Nothing yet a month and a day before. */
  g_assert_true (
      cr_store_check_money (f->store, 0, "2026-09-14", items, &error));
  g_assert_cmpuint (items->len, ==, 0);

  /* After the period: both reports overdue and £1,000 unspent. */
  g_assert_true (
      cr_store_check_money (f->store, 0, "2027-04-02", items, &error));
  g_assert_cmpuint (items->len, ==, 3);
  item = g_ptr_array_index (items, 0);
  g_assert_nonnull (strstr (item->detail, "has not been sent"));
  item = g_ptr_array_index (items, 2);
  g_assert_cmpstr (item->rule, ==, "grant-unspent");
  g_assert_nonnull (strstr (item->detail, "£1,000.00 unspent"));
}

static CrTransactionImport *
import_of (const char *text)
{
  return cr_transaction_import_new_from_data (text, strlen (text), NULL);
}

static void
test_import (Fixture *f, gconstpointer data)
{
  const char *text =
      "Date,Description,Amount,Category,Grant,Receipt\n"
      "02/04/2026,Grant payment,1000.00,,Community Chest 2026,\n"
      "03/04/2026,Tea urn,-25.00,Refreshments,,R12\n"
      "03/04/2026,Tea urn,-25.00,Refreshments,,R13\n"
      "04/04/2026,Leaflets,-120.00,Publicity,Community Chest 2026,R14\n";
  g_autoptr (GError) error = NULL;
  CrTransactionCounts counts;

  {
    g_autoptr (CrTransactionImport) import = import_of (text);

    g_assert_true (cr_store_import_transactions (f->store, import, f->bank, 0,
                                                 TRUE, &counts, &error));
    g_assert_cmpuint (counts.added, ==, 4);
    g_assert_cmpint (count_entries (f), ==, 0);
  }
  {
    g_autoptr (CrTransactionImport) import = import_of (text);

    g_assert_true (cr_store_import_transactions (f->store, import, f->bank, 0,
                                                 FALSE, &counts, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (counts.added, ==, 4);
    g_assert_cmpint (count_entries (f), ==, 4);
  }
  {
    /* Again: nothing new, the two identical tea urns included. */
    g_autoptr (CrTransactionImport) import = import_of (text);

    g_assert_true (cr_store_import_transactions (f->store, import, f->bank, 0,
                                                 FALSE, &counts, &error));
    g_assert_cmpuint (counts.added, ==, 0);
    g_assert_cmpuint (counts.present, ==, 4);
    g_assert_cmpint (count_entries (f), ==, 4);
  }
  {
    /* One good row, one for an unknown grant, one a restricted line the
     * grant hasn't got: nothing goes in, both named by line. */
    g_autoptr (CrTransactionImport) import = import_of (
        "Date,Description,Amount,Category,Grant\n"
        "05/04/2026,Stamps,-3.00,Printing and postage,\n"
        "06/04/2026,Hall,-30.00,Room hire,No Such Grant\n"
        "07/04/2026,Biscuits,-4.00,Refreshments,Community Chest 2026\n");
    g_autofree char *problems = NULL;

    g_assert_false (cr_store_import_transactions (f->store, import, f->bank, 0,
                                                  FALSE, &counts, &error));
    g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "2 rows"));
    problems = cr_transaction_import_describe_problems (import, "b.csv", 0);
    g_assert_nonnull (
        strstr (problems, "b.csv:3: There is no grant “No Such Grant”"));
    g_assert_nonnull (strstr (
        problems, "b.csv:4: The grant “Community Chest 2026” is restricted"));
    g_assert_cmpint (count_entries (f), ==, 4);
  }
}

/* Accounts: edited in place; one with entries can't be deleted, and a
 * refusal changes nothing and leaves the file ready for the next edit. */
static void
test_account_edit_delete (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrAccount) bank = NULL;
  g_autoptr (CrAccount) after = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  CrAccount edit = { 0 };

  add_entry (f, f->bank, "2026-04-03", 0, f->refreshments, -1000, &error);
  g_assert_no_error (error);

  bank = cr_store_get_account (f->store, f->bank, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bank->name, ==, "Bank");
  g_assert_cmpint (bank->balance, ==, 24000);

  edit.id = f->bank;
  edit.name = (char *) "  Co-op current account ";
  edit.kind = CR_ACCOUNT_BANK;
  edit.opening_balance = 30000;
  edit.opened_on = (char *) "2026-02-01";
  g_assert_true (cr_store_update_account (f->store, &edit, &error));
  g_assert_no_error (error);
  after = cr_store_get_account (f->store, f->bank, &error);
  g_assert_cmpstr (after->name, ==, "Co-op current account");
  g_assert_cmpint (after->opening_balance, ==, 30000);
  g_assert_cmpstr (after->opened_on, ==, "2026-02-01");
  g_assert_cmpint (after->balance, ==, 29000);
  g_clear_pointer (&after, cr_account_free);

  /* Another account's name, a blank name and a bad date are refused. */
  edit.name = (char *) "petty CASH";
  g_assert_false (cr_store_update_account (f->store, &edit, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  edit.name = (char *) "  ";
  g_assert_false (cr_store_update_account (f->store, &edit, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  edit.name = (char *) "Bank";
  edit.opened_on = (char *) "2026-02-30";
  g_assert_false (cr_store_update_account (f->store, &edit, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  after = cr_store_get_account (f->store, f->bank, &error);
  g_assert_cmpstr (after->name, ==, "Co-op current account");
  g_assert_cmpstr (after->opened_on, ==, "2026-02-01");

  /* Referenced: refused in words, with the count, and nothing goes. */
  g_assert_false (cr_store_check_delete_account (f->store, f->bank, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Co-op current account”"));
  g_assert_nonnull (strstr (error->message, "1 entry"));
  g_clear_error (&error);
  g_assert_false (cr_store_delete_account (f->store, f->bank, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  accounts = cr_store_list_accounts (f->store, &error);
  g_assert_cmpuint (accounts->len, ==, 2);
  g_clear_pointer (&accounts, g_ptr_array_unref);

  /* The refusal rolled its transaction back: the next edit saves. */
  g_assert_true (cr_store_check_delete_account (f->store, f->cash, &error));
  g_assert_true (cr_store_delete_account (f->store, f->cash, &error));
  g_assert_no_error (error);
  accounts = cr_store_list_accounts (f->store, &error);
  g_assert_cmpuint (accounts->len, ==, 1);
  g_assert_false (cr_store_delete_account (f->store, f->cash, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (cr_store_get_account (f->store, f->cash, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
}

static void
test_funder_edit_delete (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrFunder) funder = NULL;
  g_autoptr (GPtrArray) funders = NULL;
  CrFunder edit = { 0 };
  gint64   other;

  edit.id = f->funder;
  edit.name = (char *) "Riverside Borough Council";
  edit.contact = (char *) "grants@riverside.example";
  g_assert_true (cr_store_update_funder (f->store, &edit, &error));
  g_assert_no_error (error);
  funder = cr_store_get_funder (f->store, f->funder, &error);
  g_assert_cmpstr (funder->name, ==, "Riverside Borough Council");
  g_assert_cmpstr (funder->contact, ==, "grants@riverside.example");

  other = cr_store_add_funder (f->store, "Lottery", NULL, &error);
  g_assert_no_error (error);
  edit.name = (char *) "LOTTERY";
  g_assert_false (cr_store_update_funder (f->store, &edit, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  /* The funder of a grant stays: the grant must say who gave it. */
  g_assert_false (cr_store_delete_funder (f->store, f->funder, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1 grant"));
  g_clear_error (&error);
  funders = cr_store_list_funders (f->store, &error);
  g_assert_cmpuint (funders->len, ==, 2);
  g_clear_pointer (&funders, g_ptr_array_unref);

  g_assert_true (cr_store_delete_funder (f->store, other, &error));
  g_assert_no_error (error);
  funders = cr_store_list_funders (f->store, &error);
  g_assert_cmpuint (funders->len, ==, 1);
  g_assert_cmpint (((CrFunder *) g_ptr_array_index (funders, 0))->id, ==,
                   f->funder);
}

static void
test_report_edit_delete (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrGrantReport) report = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  gint64 interim, final;

  interim = cr_store_add_grant_report (f->store, f->grant, "2026-09-30",
                                       "Interim report", &error);
  final = cr_store_add_grant_report (f->store, f->grant, "2027-04-30",
                                     "Final report", &error);
  g_assert_no_error (error);

  g_assert_true (cr_store_update_grant_report (
      f->store, interim, "2026-10-15", "Interim report and photos", &error));
  g_assert_no_error (error);
  report = cr_store_get_grant_report (f->store, interim, &error);
  g_assert_cmpstr (report->due_on, ==, "2026-10-15");
  g_assert_cmpstr (report->description, ==, "Interim report and photos");
  g_assert_cmpstr (report->grant, ==, "Community Chest 2026");
  g_clear_pointer (&report, cr_grant_report_free);

  /* A report must keep a real due date; the old one stays. */
  g_assert_false (
      cr_store_update_grant_report (f->store, interim, "", NULL, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  report = cr_store_get_grant_report (f->store, interim, &error);
  g_assert_cmpstr (report->due_on, ==, "2026-10-15");

  g_assert_true (cr_store_delete_grant_report (f->store, interim, &error));
  g_assert_no_error (error);
  reports = cr_store_list_grant_reports (f->store, f->grant, &error);
  g_assert_cmpuint (reports->len, ==, 1);
  g_assert_cmpint (((CrGrantReport *) g_ptr_array_index (reports, 0))->id, ==,
                   final);
  g_assert_false (cr_store_delete_grant_report (f->store, interim, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("CR_TODAY", "2026-06-01", TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/money-store/restricted-fund", test_restricted_fund);
  ADD ("/money-store/bad-amounts", test_bad_amounts);
  ADD ("/money-store/balances", test_balances);
  ADD ("/money-store/claims", test_claims);
  ADD ("/money-store/check", test_check);
  ADD ("/money-store/import", test_import);
  ADD ("/money-store/account/edit-delete", test_account_edit_delete);
  ADD ("/money-store/funder/edit-delete", test_funder_edit_delete);
  ADD ("/money-store/report/edit-delete", test_report_edit_delete);
#undef ADD

  return g_test_run ();
}
