/* cr-store-money.c: funders, grants, budgets, the cash book and expenses
 * claims
 *
 * The cash book's sign convention, the funds and the restricted-fund rule
 * are described in cr-schema-money.c and worked out by cr-ledger.c; this
 * file reads and writes the rows. Every edit is its own transaction, and
 * every amount is checked with cr_money_check_sane() before SQL sees it, so
 * the user reads a sentence and never a constraint's name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-store-money.h"

#include "cr-date.h"
#include "cr-money.h"
#include "cr-rules.h"
#include "cr-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const char *const grant_statuses[] = {
  [CR_GRANT_DRAFT] = "draft",     [CR_GRANT_APPLIED] = "applied",
  [CR_GRANT_AWARDED] = "awarded", [CR_GRANT_DECLINED] = "declined",
  [CR_GRANT_CLOSED] = "closed",
};

static const char *const pay_methods[] = {
  [CR_PAY_BANK] = "bank",
  [CR_PAY_CASH] = "cash",
  [CR_PAY_CHEQUE] = "cheque",
  [CR_PAY_CARD] = "card",
};

/* The category each kind of claim is paid under. */
static const char *const claim_kinds[] = {
  [CR_CLAIM_TRAVEL] = "travel",
  [CR_CLAIM_CHILDCARE] = "childcare",
  [CR_CLAIM_PHONE] = "phone",
  [CR_CLAIM_OTHER] = "other",
};
static const char *const claim_categories[] = {
  [CR_CLAIM_TRAVEL] = "Travel",
  [CR_CLAIM_CHILDCARE] = "Childcare",
  [CR_CLAIM_PHONE] = "Phone",
  [CR_CLAIM_OTHER] = "Other spending",
};

const char *
cr_grant_status_to_string (CrGrantStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (grant_statuses), NULL);
  return grant_statuses[status];
}

const char *
cr_grant_status_get_label (CrGrantStatus status)
{
  switch (status)
    {
      case CR_GRANT_DRAFT:
        return _ ("Draft");
      case CR_GRANT_APPLIED:
        return _ ("Applied");
      case CR_GRANT_AWARDED:
        return _ ("Awarded");
      case CR_GRANT_DECLINED:
        return _ ("Declined");
      case CR_GRANT_CLOSED:
        return _ ("Closed");
      default:
        return "";
    }
}

const char *
cr_pay_method_to_string (CrPayMethod method)
{
  g_return_val_if_fail ((guint) method < G_N_ELEMENTS (pay_methods), NULL);
  return pay_methods[method];
}

const char *
cr_pay_method_get_label (CrPayMethod method)
{
  switch (method)
    {
      case CR_PAY_BANK:
        return _ ("Bank");
      case CR_PAY_CASH:
        return _ ("Cash");
      case CR_PAY_CHEQUE:
        return _ ("Cheque");
      case CR_PAY_CARD:
        return _ ("Card");
      default:
        return "";
    }
}

gboolean
cr_pay_method_from_string (const char *text, CrPayMethod *method)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (pay_methods); i++)
    if (g_ascii_strcasecmp (text, pay_methods[i]) == 0)
      {
        *method = (CrPayMethod) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cr_claim_kind_get_label (CrClaimKind kind)
{
  switch (kind)
    {
      case CR_CLAIM_TRAVEL:
        return _ ("Travel");
      case CR_CLAIM_CHILDCARE:
        return _ ("Childcare");
      case CR_CLAIM_PHONE:
        return _ ("Phone");
      case CR_CLAIM_OTHER:
        return _ ("Other");
      default:
        return "";
    }
}

static int
index_of (const char *const *names, guint n, const char *value)
{
  for (guint i = 0; value != NULL && i < n; i++)
    if (g_str_equal (names[i], value))
      return (int) i;
  return 0;
}

void
cr_funder_free (CrFunder *funder)
{
  if (funder == NULL)
    return;
  g_free (funder->name);
  g_free (funder->contact);
  g_free (funder);
}

void
cr_grant_free (CrGrant *grant)
{
  if (grant == NULL)
    return;
  g_free (grant->funder);
  g_free (grant->name);
  g_free (grant->purpose);
  g_free (grant->applied_on);
  g_free (grant->awarded_on);
  g_free (grant->period_start);
  g_free (grant->period_end);
  g_free (grant->conditions);
  g_free (grant);
}

void
cr_budget_line_free (CrBudgetLine *line)
{
  if (line == NULL)
    return;
  g_free (line->category);
  g_free (line);
}

void
cr_account_free (CrAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->name);
  g_free (account->opened_on);
  g_free (account);
}

void
cr_category_free (CrCategory *category)
{
  if (category == NULL)
    return;
  g_free (category->name);
  g_free (category);
}

void
cr_cash_entry_free (CrCashEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->account);
  g_free (entry->date);
  g_free (entry->party);
  g_free (entry->description);
  g_free (entry->category);
  g_free (entry->grant);
  g_free (entry->receipt);
  g_free (entry);
}

void
cr_expense_claim_free (CrExpenseClaim *claim)
{
  if (claim == NULL)
    return;
  g_free (claim->person);
  g_free (claim->description);
  g_free (claim->submitted_on);
  g_free (claim->approved_on);
  g_free (claim->paid_on);
  g_free (claim);
}

void
cr_grant_report_free (CrGrantReport *report)
{
  if (report == NULL)
    return;
  g_free (report->grant);
  g_free (report->due_on);
  g_free (report->submitted_on);
  g_free (report->description);
  g_free (report);
}

/* ---- helpers ---------------------------------------------------------- */

#define dup_text _cr_store_column_dup

/* What a failed read says it was doing, for every list of this file. */
#define READING _ ("reading the accounts")

static void
bind_text_or_null (sqlite3_stmt *stmt, int index, const char *text)
{
  g_autofree char *stripped = text ? g_strstrip (g_strdup (text)) : NULL;

  if (stripped == NULL || *stripped == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, stripped, -1, SQLITE_TRANSIENT);
}

static void
bind_id_or_null (sqlite3_stmt *stmt, int index, gint64 id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
finish_read (CrStore *self, sqlite3_stmt *stmt, int rc, GError **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  _cr_store_set_error (self, error, rc, READING);
  return FALSE;
}

/* Steps a write and turns a constraint into a sentence. */
static gboolean
step_write (CrStore *self, sqlite3_stmt *stmt, const char *what, GError **error)
{
  int rc = sqlite3_step (stmt);
  int ext = sqlite3_extended_errcode (_cr_store_get_db (self));

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (ext == SQLITE_CONSTRAINT_FOREIGNKEY)
    g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                 _ ("The %s refers to something no longer in the file (an "
                    "account, grant, category, person or meeting)."),
                 what);
  else if (ext == SQLITE_CONSTRAINT_UNIQUE)
    g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_EXISTS,
                 _ ("There is already a %s with that name."), what);
  else if ((rc & 0xff) == SQLITE_CONSTRAINT)
    g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                 _ ("The %s doesn’t fit together: check its dates and "
                    "amounts."),
                 what);
  else
    _cr_store_set_error (self, error, rc, _ ("saving the change"));
  return FALSE;
}

static gboolean
invalid (GError **error, const char *message)
{
  g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_date (const char *date,
            gboolean    required,
            const char *what,
            GError    **error)
{
  GDate parsed;

  if ((date == NULL || *date == '\0') && !required)
    return TRUE;
  if (date != NULL && cr_date_parse_iso (date, &parsed))
    return TRUE;
  g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
               _ ("The %s “%s” is not a real date."), what, date ? date : "");
  return FALSE;
}

static gboolean
check_money (gint64 pence, CrMoneySign sign, const char *what, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (cr_money_check_sane (pence, sign, what, &local))
    return TRUE;
  g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                       local->message);
  return FALSE;
}

static gboolean
check_name (const char *name, const char *message, GError **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  if (*stripped != '\0')
    return TRUE;
  return invalid (error, message);
}

/* Runs @edit's statements in one transaction, or none of them. */
static gboolean
end_edit (CrStore *self, gboolean ok, GError **error)
{
  if (!ok)
    {
      cr_store_rollback (self);
      return FALSE;
    }
  return cr_store_commit (self, error);
}

/* An id by name, or 0 (with no error) if there is none. */
static gint64
find_by_name (CrStore *self, const char *sql, const char *name, GError **error)
{
  sqlite3_stmt    *stmt = _cr_store_prepare (self, sql, error);
  g_autofree char *stripped = NULL;
  gint64           id = 0;
  int              rc;

  if (stmt == NULL)
    return 0;
  stripped = g_strstrip (g_strdup (name ? name : ""));
  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_DONE;
    }
  if (!finish_read (self, stmt, rc, error))
    return 0;
  return id;
}

/* ---- funders ---------------------------------------------------------- */

/**
 * cr_store_add_funder:
 * @name: the funder, as the association knows it
 * @contact: (nullable): who to write to
 *
 * Returns: the new funder's id, or 0 with @error set
 */
gint64
cr_store_add_funder (CrStore    *self,
                     const char *name,
                     const char *contact,
                     GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), 0);

  if (!_cr_store_require_write (self, error) ||
      !check_name (name, _ ("Give the funder’s name."), error))
    return 0;
  stmt = _cr_store_prepare (self,
                            "INSERT INTO funders (name, contact) "
                            "VALUES (trim(?1), ?2)",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 2, contact);
  if (!step_write (self, stmt, _ ("funder"), error))
    return 0;
  return sqlite3_last_insert_rowid (_cr_store_get_db (self));
}

/**
 * cr_store_find_funder:
 *
 * Returns: the funder called @name (case aside), or 0
 */
gint64
cr_store_find_funder (CrStore *self, const char *name, GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), 0);
  return find_by_name (self, "SELECT id FROM funders WHERE name = ?1", name,
                       error);
}

/**
 * cr_store_list_funders:
 *
 * Returns: (transfer full) (element-type CrFunder): by name
 */
static gpointer
read_funder (sqlite3_stmt *stmt, gpointer user_data)
{
  CrFunder *f = g_new0 (CrFunder, 1);

  f->id = sqlite3_column_int64 (stmt, 0);
  f->name = dup_text (stmt, 1);
  f->contact = dup_text (stmt, 2);
  return f;
}

GPtrArray *
cr_store_list_funders (CrStore *self, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  stmt = _cr_store_prepare (self,
                            "SELECT id, name, contact FROM funders "
                            "ORDER BY name",
                            error);
  if (stmt == NULL)
    return NULL;
  return _cr_store_collect_new (
      self, stmt, read_funder, (GDestroyNotify) cr_funder_free, READING, error);
}

/* ---- grants ----------------------------------------------------------- */

#define GRANT_COLUMNS                                                   \
  "SELECT g.id, g.funder_id, f.name, g.name, g.purpose, g.applied_on, " \
  "g.requested, g.status, g.awarded_on, g.awarded, g.period_start, "    \
  "g.period_end, g.conditions, g.restricted, "                          \
  "(SELECT coalesce(sum(amount), 0) FROM cash_entries e "               \
  "  WHERE e.grant_id = g.id AND e.amount > 0), "                       \
  "(SELECT coalesce(-sum(amount), 0) FROM cash_entries e "              \
  "  WHERE e.grant_id = g.id AND e.amount < 0) "                        \
  "FROM grants g JOIN funders f ON f.id = g.funder_id "

static gpointer
read_grant (sqlite3_stmt *stmt, gpointer user_data)
{
  CrGrant *g = g_new0 (CrGrant, 1);

  g->id = sqlite3_column_int64 (stmt, 0);
  g->funder_id = sqlite3_column_int64 (stmt, 1);
  g->funder = dup_text (stmt, 2);
  g->name = dup_text (stmt, 3);
  g->purpose = dup_text (stmt, 4);
  g->applied_on = dup_text (stmt, 5);
  g->requested = sqlite3_column_int64 (stmt, 6);
  g->status =
      (CrGrantStatus) index_of (grant_statuses, G_N_ELEMENTS (grant_statuses),
                                (const char *) sqlite3_column_text (stmt, 7));
  g->awarded_on = dup_text (stmt, 8);
  g->awarded = sqlite3_column_int64 (stmt, 9);
  g->period_start = dup_text (stmt, 10);
  g->period_end = dup_text (stmt, 11);
  g->conditions = dup_text (stmt, 12);
  g->restricted = sqlite3_column_int (stmt, 13) != 0;
  g->received = sqlite3_column_int64 (stmt, 14);
  g->spent = sqlite3_column_int64 (stmt, 15);
  return g;
}

/**
 * cr_store_get_grant:
 *
 * Returns: (transfer full) (nullable): the grant with what it has received
 *   and spent, or %NULL with %CR_STORE_ERROR_NOT_FOUND
 */
CrGrant *
cr_store_get_grant (CrStore *self, gint64 grant_id, GError **error)
{
  sqlite3_stmt *stmt;
  CrGrant      *grant = NULL;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  stmt = _cr_store_prepare (self, GRANT_COLUMNS "WHERE g.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, grant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      grant = read_grant (stmt, NULL);
      rc = SQLITE_DONE;
    }
  if (!finish_read (self, stmt, rc, error))
    return NULL;
  if (grant == NULL)
    g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                         _ ("That grant is no longer in the file."));
  return grant;
}

/**
 * cr_store_list_grants:
 *
 * Returns: (transfer full) (element-type CrGrant): every grant: those
 *   awarded first, then those being applied for, then the rest; each
 *   kind the most recent period first
 */
GPtrArray *
cr_store_list_grants (CrStore *self, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  stmt = _cr_store_prepare (self,
                            GRANT_COLUMNS
                            "ORDER BY g.status = 'awarded' DESC, "
                            "g.status = 'applied' OR g.status = 'draft' DESC, "
                            "coalesce(g.period_start, g.applied_on) DESC, "
                            "g.name",
                            error);
  if (stmt == NULL)
    return NULL;
  return _cr_store_collect_new (self, stmt, read_grant,
                                (GDestroyNotify) cr_grant_free, READING, error);
}

/**
 * cr_store_find_grant:
 *
 * Returns: the grant called @name (case aside), or 0
 */
gint64
cr_store_find_grant (CrStore *self, const char *name, GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), 0);
  return find_by_name (self, "SELECT id FROM grants WHERE name = ?1", name,
                       error);
}

/**
 * cr_store_save_grant:
 * @grant: the grant; id 0 adds a new one, otherwise that grant is changed
 *
 * An awarded or closed grant needs its award (more than nothing) and date;
 * any other has none. The award can't be cut below what has been spent.
 *
 * Returns: the grant's id, or 0 with @error set and nothing changed
 */
gint64
cr_store_save_grant (CrStore *self, const CrGrant *grant, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean      has_award;
  gint64        id;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail (grant != NULL, 0);
  g_return_val_if_fail ((guint) grant->status < G_N_ELEMENTS (grant_statuses),
                        0);

  has_award =
      grant->status == CR_GRANT_AWARDED || grant->status == CR_GRANT_CLOSED;
  if (!_cr_store_require_write (self, error) ||
      !check_name (grant->name,
                   _ ("Give the grant a name, such as the "
                      "funder’s scheme and the year."),
                   error) ||
      !check_date (grant->applied_on, FALSE, _ ("application date"), error) ||
      !check_date (grant->awarded_on, has_award, _ ("award date"), error) ||
      !check_date (grant->period_start, FALSE, _ ("start of the period"),
                   error) ||
      !check_date (grant->period_end, FALSE, _ ("end of the period"), error) ||
      !check_money (grant->requested, CR_MONEY_NOT_NEGATIVE,
                    _ ("The amount requested"), error))
    return 0;
  if (grant->funder_id <= 0)
    return invalid (error, _ ("Say which funder the grant is from.")) ? 0 : 0;
  if (has_award &&
      !check_money (grant->awarded, CR_MONEY_POSITIVE, _ ("The award"), error))
    return 0;
  if (!has_award && grant->awarded != 0)
    {
      invalid (error, _ ("Only an awarded grant has an award; set its status "
                         "to Awarded first."));
      return 0;
    }
  if (grant->period_start != NULL && grant->period_end != NULL &&
      *grant->period_start != '\0' && *grant->period_end != '\0' &&
      strcmp (grant->period_end, grant->period_start) < 0)
    {
      invalid (error, _ ("The grant’s period ends before it starts."));
      return 0;
    }

  if (!cr_store_begin (self, error))
    return 0;

  if (grant->id > 0)
    {
      g_autoptr (CrGrant) old = cr_store_get_grant (self, grant->id, error);

      if (old == NULL)
        return end_edit (self, FALSE, error);
      if (old->spent > 0 && (!has_award || grant->awarded < old->spent))
        {
          g_autofree char *spent = cr_money_format (old->spent);

          g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                       _ ("%s of this grant has been spent already; the award "
                          "can’t be less than that."),
                       spent);
          return end_edit (self, FALSE, error);
        }
      stmt = _cr_store_prepare (self,
                                "UPDATE grants SET funder_id = ?1, "
                                "name = trim(?2), purpose = ?3, "
                                "applied_on = ?4, requested = ?5, status = ?6, "
                                "awarded_on = ?7, awarded = ?8, "
                                "period_start = ?9, period_end = ?10, "
                                "conditions = ?11, restricted = ?12 "
                                "WHERE id = ?13",
                                error);
    }
  else
    stmt = _cr_store_prepare (self,
                              "INSERT INTO grants (funder_id, name, purpose, "
                              "applied_on, requested, status, awarded_on, "
                              "awarded, period_start, period_end, conditions, "
                              "restricted) VALUES (?1, trim(?2), ?3, ?4, ?5, "
                              "?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                              error);
  if (stmt == NULL)
    return end_edit (self, FALSE, error);

  sqlite3_bind_int64 (stmt, 1, grant->funder_id);
  sqlite3_bind_text (stmt, 2, grant->name, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 3, grant->purpose);
  bind_text_or_null (stmt, 4, grant->applied_on);
  if (grant->requested > 0)
    sqlite3_bind_int64 (stmt, 5, grant->requested);
  sqlite3_bind_text (stmt, 6, grant_statuses[grant->status], -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 7, has_award ? grant->awarded_on : NULL);
  if (has_award)
    sqlite3_bind_int64 (stmt, 8, grant->awarded);
  bind_text_or_null (stmt, 9, grant->period_start);
  bind_text_or_null (stmt, 10, grant->period_end);
  bind_text_or_null (stmt, 11, grant->conditions);
  sqlite3_bind_int (stmt, 12, grant->restricted ? 1 : 0);
  if (grant->id > 0)
    sqlite3_bind_int64 (stmt, 13, grant->id);
  if (!step_write (self, stmt, _ ("grant"), error))
    return end_edit (self, FALSE, error);

  id = grant->id > 0 ? grant->id
                     : sqlite3_last_insert_rowid (_cr_store_get_db (self));
  if (!end_edit (self, TRUE, error))
    return 0;
  return id;
}

/* ---- budget lines ----------------------------------------------------- */

/**
 * cr_store_set_budget_line:
 * @amount: what the grant budgets for @category_id, in pence
 *
 * Adds the line, or changes its amount if the grant has it already.
 *
 * Returns: the line's id, or 0 with @error set
 */
gint64
cr_store_set_budget_line (CrStore *self,
                          gint64   grant_id,
                          gint64   category_id,
                          gint64   amount,
                          GError **error)
{
  sqlite3_stmt *stmt;
  gint64        id;

  g_return_val_if_fail (CR_IS_STORE (self), 0);

  if (!_cr_store_require_write (self, error) ||
      !check_money (amount, CR_MONEY_NOT_NEGATIVE, _ ("A budget line"), error))
    return 0;
  if (category_id <= 0)
    {
      invalid (error, _ ("Say which category the budget line is for."));
      return 0;
    }
  if (!cr_store_begin (self, error))
    return 0;
  stmt = _cr_store_prepare (self,
                            "INSERT INTO budget_lines (grant_id, category_id, "
                            "amount) VALUES (?1, ?2, ?3) ON CONFLICT "
                            "(grant_id, category_id) DO UPDATE SET "
                            "amount = excluded.amount",
                            error);
  if (stmt == NULL)
    return end_edit (self, FALSE, error);
  sqlite3_bind_int64 (stmt, 1, grant_id);
  sqlite3_bind_int64 (stmt, 2, category_id);
  sqlite3_bind_int64 (stmt, 3, amount);
  if (!step_write (self, stmt, _ ("budget line"), error))
    return end_edit (self, FALSE, error);
  stmt = _cr_store_prepare (self,
                            "SELECT id FROM budget_lines "
                            "WHERE grant_id = ?1 AND category_id = ?2",
                            error);
  if (stmt == NULL)
    return end_edit (self, FALSE, error);
  sqlite3_bind_int64 (stmt, 1, grant_id);
  sqlite3_bind_int64 (stmt, 2, category_id);
  id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (!end_edit (self, TRUE, error))
    return 0;
  return id;
}

/**
 * cr_store_list_budget_lines:
 * @grant_id: a grant, or 0 for every grant's
 *
 * Returns: (transfer full) (element-type CrBudgetLine): each line with
 *   what has been spent on it and whether that is over the budget
 */
typedef struct
{
  GArray *lines; /* CrLedgerLine */
  GArray *spend; /* CrLedgerEntry, one a line */
} LineRows;

static gpointer
read_budget_line (sqlite3_stmt *stmt, gpointer user_data)
{
  LineRows     *rows = user_data;
  CrBudgetLine *b = g_new0 (CrBudgetLine, 1);
  CrLedgerLine  line;
  CrLedgerEntry total = { 0 };

  b->id = sqlite3_column_int64 (stmt, 0);
  b->grant_id = sqlite3_column_int64 (stmt, 1);
  b->category_id = sqlite3_column_int64 (stmt, 2);
  b->category = dup_text (stmt, 3);
  b->amount = sqlite3_column_int64 (stmt, 4);
  line.grant_id = b->grant_id;
  line.category_id = b->category_id;
  line.amount = b->amount;
  total.grant_id = b->grant_id;
  total.category_id = b->category_id;
  total.amount = sqlite3_column_int64 (stmt, 5);
  g_array_append_val (rows->lines, line);
  g_array_append_val (rows->spend, total);
  return b;
}

GPtrArray *
cr_store_list_budget_lines (CrStore *self, gint64 grant_id, GError **error)
{
  g_autoptr (GPtrArray) list =
      g_ptr_array_new_with_free_func ((GDestroyNotify) cr_budget_line_free);
  g_autoptr (GArray) lines = g_array_new (FALSE, TRUE, sizeof (CrLedgerLine));
  g_autoptr (GArray) spend = g_array_new (FALSE, TRUE, sizeof (CrLedgerEntry));
  g_autoptr (GArray) uses = NULL;
  LineRows      rows = { lines, spend };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  /* The spend per line is summed by SQL; the ledger decides what "over"
   * means, as it does for the tests. */
  stmt = _cr_store_prepare (self,
                            "SELECT b.id, b.grant_id, b.category_id, c.name, "
                            "b.amount, (SELECT coalesce(sum(e.amount), 0) "
                            "  FROM cash_entries e WHERE e.grant_id = "
                            "  b.grant_id AND e.category_id = b.category_id) "
                            "FROM budget_lines b JOIN money_categories c "
                            "ON c.id = b.category_id "
                            "WHERE ?1 = 0 OR b.grant_id = ?1 "
                            "ORDER BY b.grant_id, c.name",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, grant_id);
  if (!_cr_store_collect (self, stmt, read_budget_line, &rows, list, READING,
                          error))
    return NULL;

  uses =
      cr_ledger_line_use ((CrLedgerLine *) (void *) lines->data, lines->len,
                          (CrLedgerEntry *) (void *) spend->data, spend->len);
  for (guint i = 0; i < list->len; i++)
    {
      CrBudgetLine *b = g_ptr_array_index (list, i);
      CrLineUse    *use = &g_array_index (uses, CrLineUse, i);

      b->spent = use->spent;
      b->over = use->over;
    }
  return g_steal_pointer (&list);
}

/* ---- monitoring reports ----------------------------------------------- */

/**
 * cr_store_add_grant_report:
 * @due_on: ISO date the funder wants the report
 *
 * Returns: the report's id, or 0 with @error set
 */
gint64
cr_store_add_grant_report (CrStore    *self,
                           gint64      grant_id,
                           const char *due_on,
                           const char *description,
                           GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  if (!_cr_store_require_write (self, error) ||
      !check_date (due_on, TRUE, _ ("report due date"), error))
    return 0;
  stmt = _cr_store_prepare (self,
                            "INSERT INTO grant_reports (grant_id, "
                            "due_on, description) VALUES (?1, ?2, ?3)",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, grant_id);
  sqlite3_bind_text (stmt, 2, due_on, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 3, description);
  if (!step_write (self, stmt, _ ("monitoring report"), error))
    return 0;
  return sqlite3_last_insert_rowid (_cr_store_get_db (self));
}

/**
 * cr_store_submit_grant_report:
 * @submitted_on: ISO date it was sent, or %NULL to mark it not sent
 */
gboolean
cr_store_submit_grant_report (CrStore    *self,
                              gint64      report_id,
                              const char *submitted_on,
                              GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  if (!_cr_store_require_write (self, error) ||
      !check_date (submitted_on, FALSE, _ ("date sent"), error))
    return FALSE;
  stmt = _cr_store_prepare (self,
                            "UPDATE grant_reports SET submitted_on = ?1 "
                            "WHERE id = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_text_or_null (stmt, 1, submitted_on);
  sqlite3_bind_int64 (stmt, 2, report_id);
  return step_write (self, stmt, _ ("monitoring report"), error);
}

#define GRANT_REPORT_COLUMNS                            \
  "SELECT r.id, r.grant_id, g.name, r.due_on, "         \
  "r.submitted_on, r.description FROM grant_reports r " \
  "JOIN grants g ON g.id = r.grant_id "

static gpointer
read_grant_report (sqlite3_stmt *stmt, gpointer user_data)
{
  CrGrantReport *r = g_new0 (CrGrantReport, 1);

  r->id = sqlite3_column_int64 (stmt, 0);
  r->grant_id = sqlite3_column_int64 (stmt, 1);
  r->grant = dup_text (stmt, 2);
  r->due_on = dup_text (stmt, 3);
  r->submitted_on = dup_text (stmt, 4);
  r->description = dup_text (stmt, 5);
  return r;
}

/**
 * cr_store_list_grant_reports:
 * @grant_id: a grant, or 0 for all
 *
 * Returns: (transfer full) (element-type CrGrantReport): by due date
 */
GPtrArray *
cr_store_list_grant_reports (CrStore *self, gint64 grant_id, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  stmt =
      _cr_store_prepare (self,
                         GRANT_REPORT_COLUMNS "WHERE ?1 = 0 OR r.grant_id = ?1 "
                                              "ORDER BY r.due_on, r.id",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, grant_id);
  return _cr_store_collect_new (self, stmt, read_grant_report,
                                (GDestroyNotify) cr_grant_report_free, READING,
                                error);
}

/* ---- accounts and categories ------------------------------------------ */

/**
 * cr_store_add_account:
 * @opening_balance: pence in the account before its first entry
 *
 * Returns: the account's id, or 0 with @error set
 */
gint64
cr_store_add_account (CrStore      *self,
                      const char   *name,
                      CrAccountKind kind,
                      gint64        opening_balance,
                      const char   *opened_on,
                      GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  if (!_cr_store_require_write (self, error) ||
      !check_name (name,
                   _ ("Give the account a name, such as “Bank” or "
                      "“Petty cash”."),
                   error) ||
      !check_money (opening_balance, CR_MONEY_ANY, _ ("The opening balance"),
                    error) ||
      !check_date (opened_on, FALSE, _ ("opening date"), error))
    return 0;
  stmt = _cr_store_prepare (self,
                            "INSERT INTO accounts (name, kind, "
                            "opening_balance, opened_on) VALUES (trim(?1), ?2, "
                            "?3, ?4)",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kind == CR_ACCOUNT_CASH ? "cash" : "bank", -1,
                     SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, opening_balance);
  bind_text_or_null (stmt, 4, opened_on);
  if (!step_write (self, stmt, _ ("account"), error))
    return 0;
  return sqlite3_last_insert_rowid (_cr_store_get_db (self));
}

gint64
cr_store_find_account (CrStore *self, const char *name, GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), 0);
  return find_by_name (self, "SELECT id FROM accounts WHERE name = ?1", name,
                       error);
}

#define ACCOUNT_COLUMNS                                           \
  "SELECT a.id, a.name, a.kind, a.opening_balance, a.opened_on, " \
  "a.opening_balance + (SELECT coalesce(sum(amount), 0) FROM "    \
  "cash_entries e WHERE e.account_id = a.id) FROM accounts a "

static gpointer
read_account (sqlite3_stmt *stmt, gpointer user_data)
{
  CrAccount *a = g_new0 (CrAccount, 1);

  a->id = sqlite3_column_int64 (stmt, 0);
  a->name = dup_text (stmt, 1);
  a->kind =
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "cash") == 0
          ? CR_ACCOUNT_CASH
          : CR_ACCOUNT_BANK;
  a->opening_balance = sqlite3_column_int64 (stmt, 3);
  a->opened_on = dup_text (stmt, 4);
  a->balance = sqlite3_column_int64 (stmt, 5);
  return a;
}

/**
 * cr_store_list_accounts:
 *
 * Returns: (transfer full) (element-type CrAccount): bank accounts first,
 *   each with its balance now
 */
GPtrArray *
cr_store_list_accounts (CrStore *self, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  stmt =
      _cr_store_prepare (self, ACCOUNT_COLUMNS "ORDER BY a.kind, a.id", error);
  if (stmt == NULL)
    return NULL;
  return _cr_store_collect_new (self, stmt, read_account,
                                (GDestroyNotify) cr_account_free, READING,
                                error);
}

gint64
cr_store_add_category (CrStore    *self,
                       const char *name,
                       gboolean    income,
                       GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  if (!_cr_store_require_write (self, error) ||
      !check_name (name, _ ("Give the category a name."), error))
    return 0;
  stmt = _cr_store_prepare (self,
                            "INSERT INTO money_categories (name, kind) "
                            "VALUES (trim(?1), ?2)",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, income ? "income" : "expenditure", -1,
                     SQLITE_STATIC);
  if (!step_write (self, stmt, _ ("category"), error))
    return 0;
  return sqlite3_last_insert_rowid (_cr_store_get_db (self));
}

gint64
cr_store_find_category (CrStore *self, const char *name, GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), 0);
  return find_by_name (self, "SELECT id FROM money_categories WHERE name = ?1",
                       name, error);
}

/**
 * cr_store_list_categories:
 *
 * Returns: (transfer full) (element-type CrCategory): spending heads
 *   first, each side by name
 */
static gpointer
read_category (sqlite3_stmt *stmt, gpointer user_data)
{
  CrCategory *c = g_new0 (CrCategory, 1);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->name = dup_text (stmt, 1);
  c->income = sqlite3_column_int (stmt, 2) != 0;
  return c;
}

GPtrArray *
cr_store_list_categories (CrStore *self, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  stmt = _cr_store_prepare (self,
                            "SELECT id, name, kind = 'income' FROM "
                            "money_categories ORDER BY kind DESC, name",
                            error);
  if (stmt == NULL)
    return NULL;
  return _cr_store_collect_new (self, stmt, read_category,
                                (GDestroyNotify) cr_category_free, READING,
                                error);
}

/* ---- the cash book ---------------------------------------------------- */

/* Whether the grant @entry names may pay for it (cr_ledger_check_spend()),
 * counting every other entry already in the file. */
static gboolean
check_grant_spend (CrStore *self, const CrCashEntry *entry, GError **error)
{
  g_autoptr (GArray) lines = g_array_new (FALSE, TRUE, sizeof (CrLedgerLine));
  g_autoptr (GError) local = NULL;
  g_autoptr (CrGrant) grant = NULL;
  CrLedgerGrant lg = { 0 };
  CrLedgerEntry le = { 0 };
  sqlite3_stmt *stmt;
  gint64        spent_before = 0;
  int           rc;

  grant = cr_store_get_grant (self, entry->grant_id, error);
  if (grant == NULL)
    return FALSE;

  stmt = _cr_store_prepare (self,
                            "SELECT category_id, amount FROM "
                            "budget_lines WHERE grant_id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry->grant_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrLedgerLine line = { entry->grant_id, sqlite3_column_int64 (stmt, 0),
                            sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (lines, line);
    }
  if (!finish_read (self, stmt, rc, error))
    return FALSE;

  stmt = _cr_store_prepare (self,
                            "SELECT coalesce(-sum(amount), 0) FROM "
                            "cash_entries WHERE grant_id = ?1 AND amount < 0 "
                            "AND id IS NOT ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry->grant_id);
  bind_id_or_null (stmt, 2, entry->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      spent_before = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_DONE;
    }
  if (!finish_read (self, stmt, rc, error))
    return FALSE;

  lg.id = grant->id;
  lg.awarded =
      grant->status == CR_GRANT_AWARDED || grant->status == CR_GRANT_CLOSED;
  lg.restricted = grant->restricted;
  lg.amount = grant->awarded;
  lg.period_start = grant->period_start;
  lg.period_end = grant->period_end;
  le.id = entry->id;
  le.grant_id = entry->grant_id;
  le.category_id = entry->category_id;
  le.amount = entry->amount;
  le.date = entry->date;

  if (cr_ledger_check_spend (&lg, grant->name,
                             (CrLedgerLine *) (void *) lines->data, lines->len,
                             spent_before, &le, &local))
    return TRUE;
  g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                       local->message);
  return FALSE;
}

/* Saves one entry inside the caller's transaction. */
static gint64
save_entry (CrStore *self, const CrCashEntry *entry, GError **error)
{
  sqlite3_stmt *stmt;

  if (!check_date (entry->date, TRUE, _ ("date"), error) ||
      !check_name (entry->description,
                   _ ("Say what the money was for in the description."),
                   error) ||
      !check_money (entry->amount, CR_MONEY_NOT_ZERO, _ ("The amount"), error))
    return 0;
  if (entry->account_id <= 0)
    {
      invalid (error, _ ("Say which account the money went through."));
      return 0;
    }
  if ((guint) entry->method >= G_N_ELEMENTS (pay_methods))
    {
      invalid (error, _ ("Say how it was paid: bank, cash, cheque or card."));
      return 0;
    }
  if (entry->grant_id > 0 && !check_grant_spend (self, entry, error))
    return 0;

  if (entry->id > 0)
    stmt = _cr_store_prepare (self,
                              "UPDATE cash_entries SET account_id = ?1, "
                              "date = ?2, party = ?3, description = trim(?4), "
                              "category_id = ?5, grant_id = ?6, method = ?7, "
                              "receipt = ?8, approved_at = ?9, amount = ?10 "
                              "WHERE id = ?11",
                              error);
  else
    stmt = _cr_store_prepare (self,
                              "INSERT INTO cash_entries (account_id, date, "
                              "party, description, category_id, grant_id, "
                              "method, receipt, approved_at, amount) VALUES "
                              "(?1, ?2, ?3, trim(?4), ?5, ?6, ?7, ?8, ?9, ?10)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, entry->account_id);
  sqlite3_bind_text (stmt, 2, entry->date, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 3, entry->party);
  sqlite3_bind_text (stmt, 4, entry->description, -1, SQLITE_TRANSIENT);
  bind_id_or_null (stmt, 5, entry->category_id);
  bind_id_or_null (stmt, 6, entry->grant_id);
  sqlite3_bind_text (stmt, 7, pay_methods[entry->method], -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 8, entry->receipt);
  bind_id_or_null (stmt, 9, entry->approved_at);
  sqlite3_bind_int64 (stmt, 10, entry->amount);
  if (entry->id > 0)
    sqlite3_bind_int64 (stmt, 11, entry->id);
  if (!step_write (self, stmt, _ ("cash book entry"), error))
    return 0;
  if (entry->id > 0)
    {
      if (sqlite3_changes (_cr_store_get_db (self)) == 0)
        {
          g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                               _ ("That entry is no longer in the cash book."));
          return 0;
        }
      return entry->id;
    }
  return sqlite3_last_insert_rowid (_cr_store_get_db (self));
}

/**
 * cr_store_save_entry:
 * @entry: the entry; id 0 adds it, otherwise that entry is changed
 *
 * Refused with %CR_STORE_ERROR_INVALID and a sentence: no description, a
 * zero or absurd amount, a grant not awarded, a restricted grant paying for
 * a line it hasn't got or more than it awarded.
 *
 * Returns: the entry's id, or 0 with @error set and nothing changed
 */
gint64
cr_store_save_entry (CrStore *self, const CrCashEntry *entry, GError **error)
{
  gint64 id;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail (entry != NULL, 0);

  if (!cr_store_begin (self, error))
    return 0;
  id = save_entry (self, entry, error);
  if (!end_edit (self, id != 0, error))
    return 0;
  return id;
}

/**
 * cr_store_delete_entry:
 *
 * Takes an entry out of the cash book. An entry that paid an expenses
 * claim is refused: the claim would look unpaid.
 */
gboolean
cr_store_delete_entry (CrStore *self, gint64 entry_id, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean      paid_claim;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  if (!_cr_store_require_write (self, error) || !cr_store_begin (self, error))
    return FALSE;
  stmt = _cr_store_prepare (self,
                            "SELECT 1 FROM expense_claims "
                            "WHERE entry_id = ?1",
                            error);
  if (stmt == NULL)
    return end_edit (self, FALSE, error);
  sqlite3_bind_int64 (stmt, 1, entry_id);
  paid_claim = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (paid_claim)
    {
      invalid (error, _ ("This entry paid an expenses claim; it can’t be "
                         "deleted without the claim looking unpaid. Correct "
                         "it instead."));
      return end_edit (self, FALSE, error);
    }
  stmt =
      _cr_store_prepare (self, "DELETE FROM cash_entries WHERE id = ?1", error);
  if (stmt == NULL)
    return end_edit (self, FALSE, error);
  sqlite3_bind_int64 (stmt, 1, entry_id);
  return end_edit (self, step_write (self, stmt, _ ("cash book entry"), error),
                   error);
}

static gpointer
read_entry (sqlite3_stmt *stmt, gpointer user_data)
{
  CrCashEntry *e = g_new0 (CrCashEntry, 1);

  e->id = sqlite3_column_int64 (stmt, 0);
  e->account_id = sqlite3_column_int64 (stmt, 1);
  e->account = dup_text (stmt, 2);
  e->date = dup_text (stmt, 3);
  e->party = dup_text (stmt, 4);
  e->description = dup_text (stmt, 5);
  e->category_id = sqlite3_column_int64 (stmt, 6);
  e->category = dup_text (stmt, 7);
  e->grant_id = sqlite3_column_int64 (stmt, 8);
  e->grant = dup_text (stmt, 9);
  cr_pay_method_from_string ((const char *) sqlite3_column_text (stmt, 10),
                             &e->method);
  e->receipt = dup_text (stmt, 11);
  e->approved_at = sqlite3_column_int64 (stmt, 12);
  e->amount = sqlite3_column_int64 (stmt, 13);
  e->balance = sqlite3_column_int64 (stmt, 14);
  return e;
}

/**
 * cr_store_list_entries:
 * @filter: (nullable): which entries; %NULL for all
 *
 * Returns: (transfer full) (element-type CrCashEntry): by date, each with
 *   its account's running balance after it (counting every entry of the
 *   account, whatever the filter)
 */
GPtrArray *
cr_store_list_entries (CrStore            *self,
                       const CrCashFilter *filter,
                       GError            **error)
{
  CrCashFilter  none = { 0 };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  if (filter == NULL)
    filter = &none;

  /* The running balance is a window over the whole account, so it is
   * worked out before the filter applies. */
  stmt =
      _cr_store_prepare (self,
                         "SELECT * FROM (SELECT e.id, e.account_id, a.name, "
                         "e.date, e.party, e.description, e.category_id, "
                         "c.name, e.grant_id, g.name, e.method, e.receipt, "
                         "e.approved_at, e.amount, a.opening_balance + "
                         "sum(e.amount) OVER (PARTITION BY e.account_id "
                         "ORDER BY e.date, e.id) AS balance "
                         "FROM cash_entries e "
                         "JOIN accounts a ON a.id = e.account_id "
                         "LEFT JOIN money_categories c ON c.id = e.category_id "
                         "LEFT JOIN grants g ON g.id = e.grant_id) "
                         "WHERE (?1 = 0 OR account_id = ?1) "
                         "AND (?2 = 0 OR (?2 = -1 AND grant_id IS NULL) "
                         "  OR grant_id = ?2) "
                         "AND (?3 = 0 OR category_id = ?3) "
                         "AND (?4 IS NULL OR date >= ?4) "
                         "AND (?5 IS NULL OR date <= ?5) "
                         "ORDER BY date, id",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, filter->account_id);
  sqlite3_bind_int64 (stmt, 2, filter->grant_id);
  sqlite3_bind_int64 (stmt, 3, filter->category_id);
  bind_text_or_null (stmt, 4, filter->from);
  bind_text_or_null (stmt, 5, filter->to);
  return _cr_store_collect_new (self, stmt, read_entry,
                                (GDestroyNotify) cr_cash_entry_free, READING,
                                error);
}

/**
 * cr_store_get_balance_before:
 * @date: (nullable): ISO date; %NULL for the balance now
 *
 * Returns: what every account held together before @date (the opening
 *   balance of a period starting then), in pence; 0 with @error on failure
 */
gint64
cr_store_get_balance_before (CrStore *self, const char *date, GError **error)
{
  sqlite3_stmt *stmt;
  gint64        balance = 0;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  stmt = _cr_store_prepare (self,
                            "SELECT (SELECT coalesce(sum("
                            "opening_balance), 0) FROM accounts) + (SELECT "
                            "coalesce(sum(amount), 0) FROM cash_entries "
                            "WHERE ?1 IS NULL OR date < ?1)",
                            error);
  if (stmt == NULL)
    return 0;
  bind_text_or_null (stmt, 1, date);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      balance = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_DONE;
    }
  finish_read (self, stmt, rc, error);
  return balance;
}

/* Rows kept in the GArray @user_data, for the ledger: nothing to list. */
static gpointer
read_ledger_grant (sqlite3_stmt *stmt, gpointer user_data)
{
  CrLedgerGrant g = { 0 };

  g.id = sqlite3_column_int64 (stmt, 0);
  g.restricted = sqlite3_column_int (stmt, 1) != 0;
  g.amount = sqlite3_column_int64 (stmt, 2);
  g.awarded = sqlite3_column_int (stmt, 3) != 0;
  g_array_append_val ((GArray *) user_data, g);
  return NULL;
}

static gpointer
read_ledger_total (sqlite3_stmt *stmt, gpointer user_data)
{
  CrLedgerEntry e = { 0 };

  e.grant_id = sqlite3_column_int64 (stmt, 0);
  e.amount = sqlite3_column_int64 (stmt, 2);
  g_array_append_val ((GArray *) user_data, e);
  return NULL;
}

/**
 * cr_store_list_funds:
 *
 * Returns: (transfer full) (element-type CrFundBalance): the unrestricted
 *   fund first (with the accounts' opening balances as income), then one
 *   for each restricted grant; %NULL with @error set
 */
GArray *
cr_store_list_funds (CrStore *self, GError **error)
{
  g_autoptr (GArray) grants = g_array_new (FALSE, TRUE, sizeof (CrLedgerGrant));
  g_autoptr (GArray) totals = g_array_new (FALSE, TRUE, sizeof (CrLedgerEntry));
  GArray       *funds;
  sqlite3_stmt *stmt;
  gint64        opening;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt =
      _cr_store_prepare (self,
                         "SELECT id, restricted, coalesce(awarded, 0), "
                         "status = 'awarded' OR status = 'closed' FROM grants "
                         "ORDER BY id",
                         error);
  if (stmt == NULL)
    return NULL;
  if (!_cr_store_collect (self, stmt, read_ledger_grant, grants, NULL, READING,
                          error))
    return NULL;

  /* Money in and money out per grant, summed by SQL: the ledger shares
   * them among the funds as it would the entries themselves. */
  stmt = _cr_store_prepare (self,
                            "SELECT coalesce(grant_id, 0), amount > 0, "
                            "sum(amount) FROM cash_entries "
                            "GROUP BY 1, 2",
                            error);
  if (stmt == NULL)
    return NULL;
  if (!_cr_store_collect (self, stmt, read_ledger_total, totals, NULL, READING,
                          error))
    return NULL;

  opening = cr_store_get_balance_before (self, "0000-01-01", error);
  funds = cr_ledger_fund_balances (
      (CrLedgerGrant *) (void *) grants->data, grants->len,
      (CrLedgerEntry *) (void *) totals->data, totals->len);
  g_array_index (funds, CrFundBalance, 0).income += opening;
  g_array_index (funds, CrFundBalance, 0).balance += opening;
  return funds;
}

/* ---- expenses claims -------------------------------------------------- */

/**
 * cr_store_add_claim:
 * @claim: person, kind, amount (more than nothing), submitted date
 *
 * Returns: the claim's id, or 0 with @error set
 */
gint64
cr_store_add_claim (CrStore *self, const CrExpenseClaim *claim, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail (claim != NULL, 0);
  g_return_val_if_fail ((guint) claim->kind < G_N_ELEMENTS (claim_kinds), 0);

  if (!_cr_store_require_write (self, error) ||
      !check_money (claim->amount, CR_MONEY_POSITIVE, _ ("The claim"), error) ||
      !check_date (claim->submitted_on, TRUE, _ ("date of the claim"), error))
    return 0;
  stmt = _cr_store_prepare (self,
                            "INSERT INTO expense_claims (person_id, "
                            "kind, description, amount, submitted_on) VALUES "
                            "(?1, ?2, ?3, ?4, ?5)",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, claim->person_id);
  sqlite3_bind_text (stmt, 2, claim_kinds[claim->kind], -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 3, claim->description);
  sqlite3_bind_int64 (stmt, 4, claim->amount);
  sqlite3_bind_text (stmt, 5, claim->submitted_on, -1, SQLITE_TRANSIENT);
  if (!step_write (self, stmt, _ ("expenses claim"), error))
    return 0;
  return sqlite3_last_insert_rowid (_cr_store_get_db (self));
}

/**
 * cr_store_approve_claim:
 * @approved_by: the officer who approved it, or 0
 */
gboolean
cr_store_approve_claim (CrStore    *self,
                        gint64      claim_id,
                        const char *approved_on,
                        gint64      approved_by,
                        GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  if (!_cr_store_require_write (self, error) ||
      !check_date (approved_on, TRUE, _ ("approval date"), error))
    return FALSE;
  stmt = _cr_store_prepare (self,
                            "UPDATE expense_claims SET approved_on = ?1, "
                            "approved_by = ?2 WHERE id = ?3",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, approved_on, -1, SQLITE_TRANSIENT);
  bind_id_or_null (stmt, 2, approved_by);
  sqlite3_bind_int64 (stmt, 3, claim_id);
  if (!step_write (self, stmt,
                   _ ("expenses claim (approved before it was "
                      "made?)"),
                   error))
    return FALSE;
  if (sqlite3_changes (_cr_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                           _ ("That claim is no longer in the file."));
      return FALSE;
    }
  return TRUE;
}

/**
 * cr_store_pay_claim:
 * @account_id: the account it is paid from
 * @paid_on: ISO date
 *
 * Pays an approved claim: a cash book entry for the amount, under the
 * category of its kind, and the claim marked paid by it, together or not
 * at all. The entry names the claim, not the person, so that erasing the
 * person leaves no name in the cash book.
 *
 * Returns: the new entry's id, or 0 with @error set
 */
gint64
cr_store_pay_claim (CrStore    *self,
                    gint64      claim_id,
                    gint64      account_id,
                    const char *paid_on,
                    CrPayMethod method,
                    GError    **error)
{
  g_autofree char *description = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *approved_on = NULL;
  sqlite3_stmt    *stmt;
  CrCashEntry      entry = { 0 };
  gboolean         paid;
  gint64           amount;
  gint64           id;
  int              kind;
  int              rc;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  if (!_cr_store_require_write (self, error) ||
      !check_date (paid_on, TRUE, _ ("payment date"), error) ||
      !cr_store_begin (self, error))
    return 0;

  stmt = _cr_store_prepare (self,
                            "SELECT kind, amount, approved_on, "
                            "paid_on IS NOT NULL FROM expense_claims "
                            "WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return end_edit (self, FALSE, error);
  sqlite3_bind_int64 (stmt, 1, claim_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      finish_read (self, stmt, rc, error);
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                             _ ("That claim is no longer in the file."));
      return end_edit (self, FALSE, error);
    }
  kind_text = dup_text (stmt, 0);
  amount = sqlite3_column_int64 (stmt, 1);
  approved_on = dup_text (stmt, 2);
  paid = sqlite3_column_int (stmt, 3) != 0;
  sqlite3_reset (stmt);

  if (approved_on == NULL)
    {
      invalid (error, _ ("The claim has not been approved; approve it before "
                         "paying it."));
      return end_edit (self, FALSE, error);
    }
  if (paid)
    {
      invalid (error, _ ("The claim has been paid already."));
      return end_edit (self, FALSE, error);
    }
  if (strcmp (paid_on, approved_on) < 0)
    {
      invalid (error, _ ("A claim can’t be paid before it was approved."));
      return end_edit (self, FALSE, error);
    }

  kind = index_of (claim_kinds, G_N_ELEMENTS (claim_kinds), kind_text);
  description = g_strdup_printf (_ ("Expenses claim %" G_GINT64_FORMAT " (%s)"),
                                 claim_id, cr_claim_kind_get_label (kind));
  entry.account_id = account_id;
  entry.date = (char *) paid_on;
  entry.description = description;
  entry.category_id =
      cr_store_find_category (self, claim_categories[kind], NULL);
  entry.method = method;
  entry.amount = -amount;
  id = save_entry (self, &entry, error);
  if (id == 0)
    return end_edit (self, FALSE, error);

  stmt = _cr_store_prepare (self,
                            "UPDATE expense_claims SET paid_on = ?1, "
                            "entry_id = ?2 WHERE id = ?3",
                            error);
  if (stmt == NULL)
    return end_edit (self, FALSE, error);
  sqlite3_bind_text (stmt, 1, paid_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_int64 (stmt, 3, claim_id);
  if (!end_edit (self, step_write (self, stmt, _ ("expenses claim"), error),
                 error))
    return 0;
  return id;
}

/**
 * cr_store_list_approving_meetings:
 * @limit: how many, the most recent first
 * @ids: (element-type gint64): where to add each meeting's id
 * @labels: (element-type utf8): where to add "DD/MM/YYYY Group" for each
 *
 * The meetings held most recently, to say which one approved a spend.
 */
gboolean
cr_store_list_approving_meetings (
    CrStore *self, guint limit, GArray *ids, GPtrArray *labels, GError **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  stmt = _cr_store_prepare (self,
                            "SELECT m.id, m.date, g.name FROM meetings m "
                            "JOIN groups g ON g.id = m.group_id "
                            "WHERE m.status = 'held' "
                            "ORDER BY m.date DESC, m.id DESC LIMIT ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int) limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64           id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *uk =
          cr_date_iso_to_uk ((const char *) sqlite3_column_text (stmt, 1));

      g_array_append_val (ids, id);
      g_ptr_array_add (
          labels,
          g_strdup_printf ("%s %s", uk,
                           (const char *) sqlite3_column_text (stmt, 2)));
    }
  return finish_read (self, stmt, rc, error);
}

/**
 * cr_store_find_claimant:
 * @name: a person's full name, as the register shows it
 *
 * Finds the one person of that name (case aside) for an expenses claim.
 *
 * Returns: their id, or 0 with %CR_STORE_ERROR_NOT_FOUND (no one, or more
 *   than one person of that name)
 */
gint64
cr_store_find_claimant (CrStore *self, const char *name, GError **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  sqlite3_stmt    *stmt;
  gint64           id = 0;
  guint            n = 0;
  int              rc;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  stmt = _cr_store_prepare (self,
                            "SELECT id FROM people WHERE "
                            "anonymised_on IS NULL AND trim(given_name || ' ' "
                            "|| family_name) = ?1 COLLATE NOCASE LIMIT 2",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      n++;
    }
  if (!finish_read (self, stmt, rc, error))
    return 0;
  if (n == 1)
    return id;
  g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
               n == 0 ? _ ("No one called “%s” is in the register; add them "
                           "in Members first.")
                      : _ ("More than one person is called “%s”; open the "
                           "claim from their record instead."),
               stripped);
  return 0;
}

/**
 * cr_store_list_claims:
 * @person_id: one person's, or 0 for everyone's
 *
 * Returns: (transfer full) (element-type CrExpenseClaim): the newest first
 */
static gpointer
read_claim (sqlite3_stmt *stmt, gpointer user_data)
{
  CrExpenseClaim *c = g_new0 (CrExpenseClaim, 1);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->person_id = sqlite3_column_int64 (stmt, 1);
  c->person = dup_text (stmt, 2);
  c->kind = index_of (claim_kinds, G_N_ELEMENTS (claim_kinds),
                      (const char *) sqlite3_column_text (stmt, 3));
  c->description = dup_text (stmt, 4);
  c->amount = sqlite3_column_int64 (stmt, 5);
  c->submitted_on = dup_text (stmt, 6);
  c->approved_on = dup_text (stmt, 7);
  c->approved_by = sqlite3_column_int64 (stmt, 8);
  c->paid_on = dup_text (stmt, 9);
  c->entry_id = sqlite3_column_int64 (stmt, 10);
  return c;
}

GPtrArray *
cr_store_list_claims (CrStore *self, gint64 person_id, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  stmt = _cr_store_prepare (self,
                            "SELECT c.id, c.person_id, trim(p.given_name "
                            "|| ' ' || p.family_name), c.kind, c.description, "
                            "c.amount, c.submitted_on, c.approved_on, "
                            "c.approved_by, c.paid_on, c.entry_id "
                            "FROM expense_claims c JOIN people p "
                            "ON p.id = c.person_id "
                            "WHERE ?1 = 0 OR c.person_id = ?1 "
                            "ORDER BY c.submitted_on DESC, c.id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  return _cr_store_collect_new (self, stmt, read_claim,
                                (GDestroyNotify) cr_expense_claim_free, READING,
                                error);
}

/* ---- import ----------------------------------------------------------- */

/* How many entries like @row the account already holds. */
static gint64
count_present (CrStore                *self,
               gint64                  account_id,
               const CrTransactionRow *row,
               GError                **error)
{
  sqlite3_stmt *stmt;
  gint64        n = 0;
  int           rc;

  stmt = _cr_store_prepare (self,
                            "SELECT count(*) FROM cash_entries "
                            "WHERE account_id = ?1 AND date = ?2 "
                            "AND amount = ?3 AND description = trim(?4)",
                            error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, row->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, row->amount);
  sqlite3_bind_text (stmt, 4, row->description, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      n = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_DONE;
    }
  if (!finish_read (self, stmt, rc, error))
    return -1;
  return n;
}

/**
 * cr_store_import_transactions:
 * @import: a checked importer; problems the store finds (an unknown grant
 *   or category, a restricted fund overspent) are added to it
 * @account_id: the account the rows belong to; 0 for the first bank
 *   account, made if there is none
 * @grant_id: the grant for rows that name none, or 0
 * @dry_run: check and count, then change nothing
 *
 * Imports every row, or none. A row already in the account (same date,
 * amount and description) is not added again; a file that holds two such
 * rows adds the second only if the account has fewer than two, so
 * importing a statement twice changes nothing.
 *
 * Returns: %TRUE if every row could go in; otherwise nothing is changed,
 *   @error says how many rows need correcting and @import lists them
 */
gboolean
cr_store_import_transactions (CrStore             *self,
                              CrTransactionImport *import,
                              gint64               account_id,
                              gint64               grant_id,
                              gboolean             dry_run,
                              CrTransactionCounts *counts,
                              GError             **error)
{
  g_autoptr (GHashTable) seen =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) added =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray          *rows;
  GPtrArray          *problems;
  CrTransactionCounts local = { 0 };
  guint               n_problems;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (import != NULL, FALSE);

  if (counts == NULL)
    counts = &local;
  memset (counts, 0, sizeof *counts);
  problems = cr_transaction_import_get_problems (import);

  if (!cr_transaction_import_check (import))
    goto refuse;
  if (!_cr_store_require_write (self, error) || !cr_store_begin (self, error))
    return FALSE;

  if (account_id <= 0)
    {
      g_autoptr (GPtrArray) accounts = cr_store_list_accounts (self, error);

      if (accounts == NULL)
        return end_edit (self, FALSE, error);
      for (guint i = 0; i < accounts->len && account_id <= 0; i++)
        {
          CrAccount *a = g_ptr_array_index (accounts, i);

          if (a->kind == CR_ACCOUNT_BANK)
            account_id = a->id;
        }
      if (account_id <= 0)
        account_id = cr_store_add_account (self, _ ("Bank account"),
                                           CR_ACCOUNT_BANK, 0, NULL, error);
      if (account_id <= 0)
        return end_edit (self, FALSE, error);
    }

  rows = cr_transaction_import_get_rows (import);
  for (guint i = 0; i < rows->len; i++)
    {
      CrTransactionRow *row = g_ptr_array_index (rows, i);
      g_autoptr (GError) row_error = NULL;
      g_autofree char *key = NULL;
      CrCashEntry      entry = { 0 };
      guint            seen_before, added_before;
      gint64           present;

      entry.account_id = account_id;
      entry.date = row->date;
      entry.party = row->party;
      entry.description = row->description;
      entry.receipt = row->receipt;
      entry.amount = row->amount;
      entry.method = CR_PAY_BANK;
      entry.grant_id = grant_id;

      if (row->category != NULL)
        {
          entry.category_id =
              cr_store_find_category (self, row->category, error);
          if (entry.category_id == 0 && error != NULL && *error != NULL)
            return end_edit (self, FALSE, error);
          if (entry.category_id == 0)
            {
              g_autofree char *m = g_strdup_printf (
                  _ ("There is no category “%s”; use one of the "
                     "association’s categories, or add it "
                     "first."),
                  row->category);
              cr_transaction_import_add_problem (import, row->line, m);
              continue;
            }
        }
      if (row->grant != NULL)
        {
          entry.grant_id = cr_store_find_grant (self, row->grant, error);
          if (entry.grant_id == 0 && error != NULL && *error != NULL)
            return end_edit (self, FALSE, error);
          if (entry.grant_id == 0)
            {
              g_autofree char *m =
                  g_strdup_printf (_ ("There is no grant “%s”; add the grant "
                                      "first, or leave the cell empty."),
                                   row->grant);
              cr_transaction_import_add_problem (import, row->line, m);
              continue;
            }
        }

      /* The n-th copy of a row in the file is new only if the account
       * held fewer than n before this import began. */
      key = g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%s", row->date,
                             row->amount, row->description);
      seen_before = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key));
      added_before = GPOINTER_TO_UINT (g_hash_table_lookup (added, key));
      g_hash_table_replace (seen, g_strdup (key),
                            GUINT_TO_POINTER (seen_before + 1));
      present = count_present (self, account_id, row, error);
      if (present < 0)
        return end_edit (self, FALSE, error);
      if (present - (gint64) added_before >= (gint64) seen_before + 1)
        {
          counts->present++;
          continue;
        }

      if (save_entry (self, &entry, &row_error) == 0)
        {
          cr_transaction_import_add_problem (import, row->line,
                                             row_error->message);
          continue;
        }
      counts->added++;
      g_hash_table_replace (added, g_steal_pointer (&key),
                            GUINT_TO_POINTER (added_before + 1));
    }

  n_problems = problems->len;
  if (n_problems > 0)
    {
      cr_store_rollback (self);
      goto refuse;
    }
  if (dry_run)
    {
      cr_store_rollback (self);
      return TRUE;
    }
  return cr_store_commit (self, error);

refuse:
  n_problems = problems->len;
  g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE,
                            "Nothing was imported: %u row needs correcting "
                            "first.",
                            "Nothing was imported: %u rows need correcting "
                            "first.",
                            n_problems),
               n_problems);
  return FALSE;
}

/* ---- check ------------------------------------------------------------ */

static CrAttentionItem *
new_item (const char *rule,
          gint64      group_id,
          const char *group_name,
          gint64      grant_id,
          const char *subject,
          const char *date,
          char       *detail)
{
  CrAttentionItem *item = g_new0 (CrAttentionItem, 1);

  item->rule = rule;
  /* A grant is the association's: the item opens the association (there
   * is no grant kind of subject), and names the grant. */
  item->subject_kind = CR_ATTENTION_GROUP;
  item->subject_id = group_id;
  item->subject = g_strdup (subject);
  item->group_id = group_id;
  item->group_name = g_strdup (group_name);
  item->date = g_strdup (date);
  item->detail = detail;
  return item;
}

/**
 * cr_store_check_money:
 * @group_id: 0 or the association's group: money is the association's;
 *   any other group gets no money items
 * @on_date: ISO date
 * @items: (element-type CrAttentionItem): where to add the items
 *
 * Adds `grant-report-due` for each monitoring report not sent that is
 * overdue or due within 30 days, and `grant-unspent` for each grant whose
 * period has ended with part of its award unspent.
 */
gboolean
cr_store_check_money (CrStore    *self,
                      gint64      group_id,
                      const char *on_date,
                      GPtrArray  *items,
                      GError    **error)
{
  gint64        association = cr_store_get_association_group (self);
  const char   *association_name = cr_store_get_association_name (self);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (on_date != NULL, FALSE);
  g_return_val_if_fail (items != NULL, FALSE);

  if (group_id != 0 && group_id != association)
    return TRUE;

  stmt = _cr_store_prepare (self,
                            "SELECT r.due_on, g.id, g.name, f.name, "
                            "julianday(r.due_on) - julianday(?1) "
                            "FROM grant_reports r "
                            "JOIN grants g ON g.id = r.grant_id "
                            "JOIN funders f ON f.id = g.funder_id "
                            "WHERE r.submitted_on IS NULL "
                            "AND r.due_on <= date(?1, '+30 days') "
                            "AND g.status <> 'declined' "
                            "ORDER BY r.due_on, g.name",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, on_date, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char      *due = (const char *) sqlite3_column_text (stmt, 0);
      const char      *grant = (const char *) sqlite3_column_text (stmt, 2);
      const char      *funder = (const char *) sqlite3_column_text (stmt, 3);
      int              days = (int) sqlite3_column_double (stmt, 4);
      g_autofree char *due_uk = cr_date_iso_to_uk (due);
      char            *detail;

      if (days < 0)
        detail = g_strdup_printf (_ ("The monitoring report for the grant "
                                     "“%s” was due to %s on %s and has not "
                                     "been sent. Send it now, or ask the "
                                     "funder for a new date: the grant’s "
                                     "conditions require it."),
                                  grant, funder, due_uk);
      else
        detail =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The monitoring report for the "
                                          "grant “%s” is due to %s on %s, "
                                          "in %d day. Gather the spending "
                                          "and receipts for it.",
                                          "The monitoring report for the "
                                          "grant “%s” is due to %s on %s, "
                                          "in %d days. Gather the spending "
                                          "and receipts for it.",
                                          days),
                             grant, funder, due_uk, days);
      g_ptr_array_add (
          items, new_item ("grant-report-due", association, association_name,
                           sqlite3_column_int64 (stmt, 1), grant, due, detail));
    }
  if (!finish_read (self, stmt, rc, error))
    return FALSE;

  stmt = _cr_store_prepare (self,
                            "SELECT g.id, g.name, g.awarded, "
                            "g.period_start, g.period_end, g.restricted, "
                            "(SELECT coalesce(-sum(amount), 0) FROM "
                            "cash_entries e WHERE e.grant_id = g.id "
                            "AND e.amount < 0) FROM grants g "
                            "WHERE g.status = 'awarded' "
                            "AND g.period_end < ?1 ORDER BY g.period_end",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, on_date, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrLedgerGrant g = { 0 };
      const char   *name = (const char *) sqlite3_column_text (stmt, 1);
      gint64        unspent;

      g.id = sqlite3_column_int64 (stmt, 0);
      g.awarded = TRUE;
      g.amount = sqlite3_column_int64 (stmt, 2);
      g.period_start = (const char *) sqlite3_column_text (stmt, 3);
      g.period_end = (const char *) sqlite3_column_text (stmt, 4);
      g.restricted = sqlite3_column_int (stmt, 5) != 0;
      if (cr_ledger_unspent_late (&g, sqlite3_column_int64 (stmt, 6), on_date,
                                  &unspent))
        {
          g_autofree char *end_uk = cr_date_iso_to_uk (g.period_end);
          g_autofree char *left = cr_money_format (unspent);

          g_ptr_array_add (
              items, new_item ("grant-unspent", association, association_name,
                               g.id, name, g.period_end,
                               g_strdup_printf (_ ("The grant “%s” ended "
                                                   "on %s with %s "
                                                   "unspent. Ask the "
                                                   "funder whether it may "
                                                   "be kept or must be "
                                                   "returned, then close "
                                                   "the grant."),
                                                name, end_uk, left)));
        }
    }
  return finish_read (self, stmt, rc, error);
}

/* ---- editing and removing funders, accounts and reports --------------- */

/* Counts the rows @sql finds for @id; -1 with @error set. */
static gint64
count_for (CrStore *self, const char *sql, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = _cr_store_prepare (self, sql, error);
  gint64        n = 0;
  int           rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      n = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_DONE;
    }
  if (!finish_read (self, stmt, rc, error))
    return -1;
  return n;
}

/* Fails with NOT_FOUND, saying @missing, if the last write changed no row. */
static gboolean
changed_one (CrStore *self, const char *missing, GError **error)
{
  if (sqlite3_changes (_cr_store_get_db (self)) > 0)
    return TRUE;
  g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                       missing);
  return FALSE;
}

/* Runs a prepared one-id DELETE inside the caller's transaction. */
static gboolean
delete_by_id (CrStore    *self,
              const char *sql,
              gint64      id,
              const char *what,
              const char *missing,
              GError    **error)
{
  sqlite3_stmt *stmt = _cr_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return step_write (self, stmt, what, error) &&
         changed_one (self, missing, error);
}

/* Deletes the row @id if @check allows, the check and the delete in one
 * transaction so nothing can come to refer to it in between. */
static gboolean
delete_checked (CrStore *self,
                gboolean (*check) (CrStore *, gint64, GError **),
                const char *sql,
                gint64      id,
                const char *what,
                const char *missing,
                GError    **error)
{
  if (!_cr_store_require_write (self, error) || !cr_store_begin (self, error))
    return FALSE;
  return end_edit (self,
                   check (self, id, error) &&
                       delete_by_id (self, sql, id, what, missing, error),
                   error);
}

/* One row by id through @read, or NULL with NOT_FOUND saying @missing. */
static gpointer
get_by_id (CrStore       *self,
           const char    *sql,
           gint64         id,
           CrStoreRowFunc read_row,
           GDestroyNotify free_func,
           const char    *missing,
           GError       **error)
{
  sqlite3_stmt *stmt = _cr_store_prepare (self, sql, error);
  g_autoptr (GPtrArray) found = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  found =
      _cr_store_collect_new (self, stmt, read_row, free_func, READING, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                           missing);
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

/**
 * cr_store_get_funder:
 *
 * Returns: (transfer full): the funder, or %NULL with
 *   %CR_STORE_ERROR_NOT_FOUND
 */
CrFunder *
cr_store_get_funder (CrStore *self, gint64 funder_id, GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  return get_by_id (self, "SELECT id, name, contact FROM funders WHERE id = ?1",
                    funder_id, read_funder, (GDestroyNotify) cr_funder_free,
                    _ ("That funder is no longer in the file."), error);
}

/**
 * cr_store_update_funder:
 * @funder: the funder's id and its new name and contact
 *
 * Returns: %TRUE if saved; %FALSE with @error set and nothing changed
 */
gboolean
cr_store_update_funder (CrStore *self, const CrFunder *funder, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (funder != NULL, FALSE);

  if (!_cr_store_require_write (self, error) ||
      !check_name (funder->name, _ ("Give the funder’s name."), error))
    return FALSE;
  stmt = _cr_store_prepare (self,
                            "UPDATE funders SET name = trim(?1), contact = ?2 "
                            "WHERE id = ?3",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, funder->name, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 2, funder->contact);
  sqlite3_bind_int64 (stmt, 3, funder->id);
  return step_write (self, stmt, _ ("funder"), error) &&
         changed_one (self, _ ("That funder is no longer in the file."), error);
}

/* Whether the funder (@account FALSE) or account may go: not while the
 * grants it gave, or the entries made through it, are in the file, since
 * each grant must say who gave it and every balance and report already
 * sent is made from the entries. */
static gboolean
check_unused (CrStore *self, gboolean account, gint64 id, GError **error)
{
  g_autoptr (CrAccount) a = NULL;
  g_autoptr (CrFunder) f = NULL;
  gint64 n;

  if (account ? (a = cr_store_get_account (self, id, error)) == NULL
              : (f = cr_store_get_funder (self, id, error)) == NULL)
    return FALSE;
  n = count_for (self,
                 account
                     ? "SELECT count(*) FROM cash_entries WHERE account_id = ?1"
                     : "SELECT count(*) FROM grants WHERE funder_id = ?1",
                 id, error);
  if (n <= 0)
    return n == 0;
  if (account)
    g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE,
                              "The account “%s” has %d entry in the cash "
                              "book, so it can’t be deleted: the balances and "
                              "the reports already sent are made from it. "
                              "Change its name instead, or delete the entry "
                              "first.",
                              "The account “%s” has %d entries in the cash "
                              "book, so it can’t be deleted: the balances and "
                              "the reports already sent are made from them. "
                              "Change its name instead, or delete the entries "
                              "first.",
                              (gulong) n),
                 a->name, (int) n);
  else
    g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE,
                              "“%s” gave %d grant the accounts still show, so "
                              "it can’t be deleted: the grant must say who it "
                              "came from. Change its name instead if it is "
                              "wrong.",
                              "“%s” gave %d grants the accounts still show, "
                              "so it can’t be deleted: each grant must say who "
                              "it came from. Change its name instead if it is "
                              "wrong.",
                              (gulong) n),
                 f->name, (int) n);
  return FALSE;
}

/**
 * cr_store_check_delete_funder:
 *
 * Whether the funder may go: one whose grants the accounts still show may
 * not.
 *
 * Returns: %TRUE if it may; %FALSE with @error saying why not
 */
gboolean
cr_store_check_delete_funder (CrStore *self, gint64 funder_id, GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  return check_unused (self, FALSE, funder_id, error);
}

/**
 * cr_store_check_delete_account:
 *
 * Whether the account may go: one with entries in the cash book may not.
 *
 * Returns: %TRUE if it may; %FALSE with @error saying why not
 */
gboolean
cr_store_check_delete_account (CrStore *self, gint64 account_id, GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  return check_unused (self, TRUE, account_id, error);
}

/**
 * cr_store_delete_funder:
 *
 * Deletes a funder that gave no grant; one that did is refused
 * (cr_store_check_delete_funder()). The check and the delete are one
 * transaction, so a grant added meanwhile can't be orphaned.
 */
gboolean
cr_store_delete_funder (CrStore *self, gint64 funder_id, GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  return delete_checked (self, cr_store_check_delete_funder,
                         "DELETE FROM funders WHERE id = ?1", funder_id,
                         _ ("funder"),
                         _ ("That funder is no longer in the file."), error);
}

/**
 * cr_store_get_account:
 *
 * Returns: (transfer full): the account with its balance now, or %NULL
 *   with %CR_STORE_ERROR_NOT_FOUND
 */
CrAccount *
cr_store_get_account (CrStore *self, gint64 account_id, GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  return get_by_id (self, ACCOUNT_COLUMNS "WHERE a.id = ?1", account_id,
                    read_account, (GDestroyNotify) cr_account_free,
                    _ ("That account is no longer in the file."), error);
}

/**
 * cr_store_update_account:
 * @account: the account's id and its new name, kind, opening balance and
 *   opening date (its balance is ignored)
 *
 * Returns: %TRUE if saved; %FALSE with @error set and nothing changed
 */
gboolean
cr_store_update_account (CrStore         *self,
                         const CrAccount *account,
                         GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (account != NULL, FALSE);

  if (!_cr_store_require_write (self, error) ||
      !check_name (account->name,
                   _ ("Give the account a name, such as “Bank” or "
                      "“Petty cash”."),
                   error) ||
      !check_money (account->opening_balance, CR_MONEY_ANY,
                    _ ("The opening balance"), error) ||
      !check_date (account->opened_on, FALSE, _ ("opening date"), error))
    return FALSE;
  stmt = _cr_store_prepare (self,
                            "UPDATE accounts SET name = trim(?1), kind = ?2, "
                            "opening_balance = ?3, opened_on = ?4 "
                            "WHERE id = ?5",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, account->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2,
                     account->kind == CR_ACCOUNT_CASH ? "cash" : "bank", -1,
                     SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, account->opening_balance);
  bind_text_or_null (stmt, 4, account->opened_on);
  sqlite3_bind_int64 (stmt, 5, account->id);
  return step_write (self, stmt, _ ("account"), error) &&
         changed_one (self, _ ("That account is no longer in the file."),
                      error);
}

/**
 * cr_store_delete_account:
 *
 * Deletes an account with no entries; one with entries is refused
 * (cr_store_check_delete_account()), in the same transaction.
 */
gboolean
cr_store_delete_account (CrStore *self, gint64 account_id, GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  return delete_checked (self, cr_store_check_delete_account,
                         "DELETE FROM accounts WHERE id = ?1", account_id,
                         _ ("account"),
                         _ ("That account is no longer in the file."), error);
}

/**
 * cr_store_get_grant_report:
 *
 * Returns: (transfer full): the monitoring report, or %NULL with
 *   %CR_STORE_ERROR_NOT_FOUND
 */
CrGrantReport *
cr_store_get_grant_report (CrStore *self, gint64 report_id, GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  return get_by_id (self, GRANT_REPORT_COLUMNS "WHERE r.id = ?1", report_id,
                    read_grant_report, (GDestroyNotify) cr_grant_report_free,
                    _ ("That monitoring report is no longer in the file."),
                    error);
}

/**
 * cr_store_update_grant_report:
 * @due_on: ISO date the funder now wants it
 * @description: (nullable): what the funder asks for
 *
 * Returns: %TRUE if saved; %FALSE with @error set and nothing changed
 */
gboolean
cr_store_update_grant_report (CrStore    *self,
                              gint64      report_id,
                              const char *due_on,
                              const char *description,
                              GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  if (!_cr_store_require_write (self, error) ||
      !check_date (due_on, TRUE, _ ("report due date"), error))
    return FALSE;
  stmt = _cr_store_prepare (self,
                            "UPDATE grant_reports SET due_on = ?1, "
                            "description = ?2 WHERE id = ?3",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, due_on, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 2, description);
  sqlite3_bind_int64 (stmt, 3, report_id);
  return step_write (self, stmt, _ ("monitoring report"), error) &&
         changed_one (self,
                      _ ("That monitoring report is no longer in the file."),
                      error);
}

/**
 * cr_store_delete_grant_report:
 *
 * Deletes a monitoring report (nothing else refers to one): for a report
 * the funder no longer asks for, or one entered by mistake.
 */
gboolean
cr_store_delete_grant_report (CrStore *self, gint64 report_id, GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error))
    return FALSE;
  return delete_by_id (self, "DELETE FROM grant_reports WHERE id = ?1",
                       report_id, _ ("monitoring report"),
                       _ ("That monitoring report is no longer in the file."),
                       error);
}
