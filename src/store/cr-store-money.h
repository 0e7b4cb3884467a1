/* cr-store-money.h: funders, grants, budgets, the cash book and expenses
 * claims
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-ledger.h"
#include "cr-store.h"
#include "cr-transaction-import.h"

G_BEGIN_DECLS

typedef enum
{
  CR_GRANT_DRAFT = 0,
  CR_GRANT_APPLIED,
  CR_GRANT_AWARDED,
  CR_GRANT_DECLINED,
  CR_GRANT_CLOSED,
} CrGrantStatus;

typedef enum
{
  CR_PAY_BANK = 0,
  CR_PAY_CASH,
  CR_PAY_CHEQUE,
  CR_PAY_CARD,
} CrPayMethod;

typedef enum
{
  CR_ACCOUNT_BANK = 0,
  CR_ACCOUNT_CASH,
} CrAccountKind;

typedef enum
{
  CR_CLAIM_TRAVEL = 0,
  CR_CLAIM_CHILDCARE,
  CR_CLAIM_PHONE,
  CR_CLAIM_OTHER,
} CrClaimKind;

typedef struct
{
  gint64 id;
  char  *name;
  char  *contact;
} CrFunder;

/* A grant. received and spent are worked out from the cash book when the
 * store hands a grant out; they are ignored when saving one. */
typedef struct
{
  gint64        id;
  gint64        funder_id;
  char         *funder; /* the funder's name */
  char         *name;
  char         *purpose;
  char         *applied_on; /* ISO or NULL */
  gint64        requested;  /* pence; 0 if not said */
  CrGrantStatus status;
  char         *awarded_on;   /* ISO or NULL */
  gint64        awarded;      /* pence; 0 unless awarded or closed */
  char         *period_start; /* ISO or NULL */
  char         *period_end;   /* ISO or NULL */
  char         *conditions;
  gboolean      restricted;
  gint64        received;
  gint64        spent;
} CrGrant;

typedef struct
{
  gint64   id;
  gint64   grant_id;
  gint64   category_id;
  char    *category;
  gint64   amount;
  gint64   spent;
  gboolean over;
} CrBudgetLine;

typedef struct
{
  gint64        id;
  char         *name;
  CrAccountKind kind;
  gint64        opening_balance;
  char         *opened_on;
  gint64        balance; /* opening plus every entry */
} CrAccount;

typedef struct
{
  gint64   id;
  char    *name;
  gboolean income; /* an income head, else spending */
} CrCategory;

/* One cash book entry: amount positive for money in, negative for money
 * out. balance is the account's running balance after it (read only). */
typedef struct
{
  gint64      id;
  gint64      account_id;
  char       *account;
  char       *date;  /* ISO */
  char       *party; /* payee or payer */
  char       *description;
  gint64      category_id; /* 0: none */
  char       *category;
  gint64      grant_id; /* 0: the association's own money */
  char       *grant;
  CrPayMethod method;
  char       *receipt;
  gint64      approved_at; /* a meeting, or 0 */
  gint64      amount;
  gint64      balance;
} CrCashEntry;

typedef struct
{
  gint64      id;
  gint64      person_id;
  char       *person; /* the claimant's name */
  CrClaimKind kind;
  char       *description;
  gint64      amount;
  char       *submitted_on;
  char       *approved_on;
  gint64      approved_by; /* a person, or 0 */
  char       *paid_on;
  gint64      entry_id; /* the cash book entry that paid it, or 0 */
} CrExpenseClaim;

typedef struct
{
  gint64 id;
  gint64 grant_id;
  char  *grant;
  char  *due_on;
  char  *submitted_on;
  char  *description;
} CrGrantReport;

/* Which entries to list; zero fields and NULL dates mean "any". */
typedef struct
{
  gint64      account_id;
  gint64      grant_id; /* -1: only those without a grant */
  gint64      category_id;
  const char *from; /* ISO, inclusive */
  const char *to;   /* ISO, inclusive */
} CrCashFilter;

typedef struct
{
  guint added;
  guint present; /* already in the cash book */
} CrTransactionCounts;

void cr_funder_free (CrFunder *funder);
void cr_grant_free (CrGrant *grant);
void cr_budget_line_free (CrBudgetLine *line);
void cr_account_free (CrAccount *account);
void cr_category_free (CrCategory *category);
void cr_cash_entry_free (CrCashEntry *entry);
void cr_expense_claim_free (CrExpenseClaim *claim);
void cr_grant_report_free (CrGrantReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrFunder, cr_funder_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrGrant, cr_grant_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrCashEntry, cr_cash_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrExpenseClaim, cr_expense_claim_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrAccount, cr_account_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrGrantReport, cr_grant_report_free)

const char *cr_grant_status_to_string (CrGrantStatus status);
const char *cr_grant_status_get_label (CrGrantStatus status);
const char *cr_pay_method_to_string (CrPayMethod method);
const char *cr_pay_method_get_label (CrPayMethod method);
const char *cr_claim_kind_get_label (CrClaimKind kind);
gboolean    cr_pay_method_from_string (const char *text, CrPayMethod *method);

gint64 cr_store_add_funder (CrStore    *self,
                            const char *name,
                            const char *contact,
                            GError    **error);
gint64 cr_store_find_funder (CrStore *self, const char *name, GError **error);
GPtrArray *cr_store_list_funders (CrStore *self, GError **error);
CrFunder  *cr_store_get_funder (CrStore *self, gint64 funder_id, GError **error);
gboolean
cr_store_update_funder (CrStore *self, const CrFunder *funder, GError **error);
gboolean cr_store_check_delete_funder (CrStore *self,
                                       gint64   funder_id,
                                       GError **error);
gboolean
cr_store_delete_funder (CrStore *self, gint64 funder_id, GError **error);

gint64
cr_store_save_grant (CrStore *self, const CrGrant *grant, GError **error);
CrGrant *cr_store_get_grant (CrStore *self, gint64 grant_id, GError **error);
gint64   cr_store_find_grant (CrStore *self, const char *name, GError **error);
GPtrArray *cr_store_list_grants (CrStore *self, GError **error);

gint64 cr_store_set_budget_line (CrStore *self,
                                 gint64   grant_id,
                                 gint64   category_id,
                                 gint64   amount,
                                 GError **error);
GPtrArray *
cr_store_list_budget_lines (CrStore *self, gint64 grant_id, GError **error);

gint64   cr_store_add_grant_report (CrStore    *self,
                                    gint64      grant_id,
                                    const char *due_on,
                                    const char *description,
                                    GError    **error);
gboolean cr_store_submit_grant_report (CrStore    *self,
                                       gint64      report_id,
                                       const char *submitted_on,
                                       GError    **error);
GPtrArray *
cr_store_list_grant_reports (CrStore *self, gint64 grant_id, GError **error);
CrGrantReport *
cr_store_get_grant_report (CrStore *self, gint64 report_id, GError **error);
gboolean cr_store_update_grant_report (CrStore    *self,
                                       gint64      report_id,
                                       const char *due_on,
                                       const char *description,
                                       GError    **error);
gboolean
cr_store_delete_grant_report (CrStore *self, gint64 report_id, GError **error);

gint64 cr_store_add_account (CrStore      *self,
                             const char   *name,
                             CrAccountKind kind,
                             gint64        opening_balance,
                             const char   *opened_on,
                             GError      **error);
gint64 cr_store_find_account (CrStore *self, const char *name, GError **error);
GPtrArray *cr_store_list_accounts (CrStore *self, GError **error);
CrAccount *
cr_store_get_account (CrStore *self, gint64 account_id, GError **error);
gboolean cr_store_update_account (CrStore         *self,
                                  const CrAccount *account,
                                  GError         **error);
gboolean cr_store_check_delete_account (CrStore *self,
                                        gint64   account_id,
                                        GError **error);
gboolean
cr_store_delete_account (CrStore *self, gint64 account_id, GError **error);

gint64 cr_store_add_category (CrStore    *self,
                              const char *name,
                              gboolean    income,
                              GError    **error);
gint64 cr_store_find_category (CrStore *self, const char *name, GError **error);
GPtrArray *cr_store_list_categories (CrStore *self, GError **error);

gint64
cr_store_save_entry (CrStore *self, const CrCashEntry *entry, GError **error);
gboolean cr_store_delete_entry (CrStore *self, gint64 entry_id, GError **error);
GPtrArray *cr_store_list_entries (CrStore            *self,
                                  const CrCashFilter *filter,
                                  GError            **error);
gint64
cr_store_get_balance_before (CrStore *self, const char *date, GError **error);
GArray *cr_store_list_funds (CrStore *self, GError **error);

gint64
cr_store_add_claim (CrStore *self, const CrExpenseClaim *claim, GError **error);
gboolean cr_store_approve_claim (CrStore    *self,
                                 gint64      claim_id,
                                 const char *approved_on,
                                 gint64      approved_by,
                                 GError    **error);
gint64   cr_store_pay_claim (CrStore    *self,
                             gint64      claim_id,
                             gint64      account_id,
                             const char *paid_on,
                             CrPayMethod method,
                             GError    **error);
gboolean cr_store_list_approving_meetings (
    CrStore *self, guint limit, GArray *ids, GPtrArray *labels, GError **error);
gint64 cr_store_find_claimant (CrStore *self, const char *name, GError **error);
GPtrArray *
cr_store_list_claims (CrStore *self, gint64 person_id, GError **error);

gboolean cr_store_import_transactions (CrStore             *self,
                                       CrTransactionImport *import,
                                       gint64               account_id,
                                       gint64               grant_id,
                                       gboolean             dry_run,
                                       CrTransactionCounts *counts,
                                       GError             **error);

gboolean cr_store_check_money (CrStore    *self,
                               gint64      group_id,
                               const char *on_date,
                               GPtrArray  *items,
                               GError    **error);

/* For cr_demo_fill(), in cr-demo-money.c. */
gboolean cr_demo_fill_money (CrStore     *store,
                             GRand       *rand,
                             const GDate *today,
                             GError     **error);

G_END_DECLS
