/* cr-store-conduct.c: codes of conduct, sanctions, appeals, interests, and
 * erasing a person's details
 *
 * A suspension runs from its start to its last day; an exclusion has no
 * end. Either is lifted by an appeal that overturns it. Erasing a person
 * keeps every count the association reports (memberships, attendance,
 * sanctions by date) and removes everything that says who they were.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-store-conduct.h"

#include "cr-date.h"
#include "cr-person.h"
#include "cr-store-people.h"
#include "cr-store-private.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

static const char *const kinds[] = {
  [CR_CONDUCT_WARNING] = "warning",
  [CR_CONDUCT_SUSPENSION] = "suspension",
  [CR_CONDUCT_EXCLUSION] = "exclusion",
};

static const char *const outcomes[] = {
  [CR_APPEAL_NONE] = NULL,
  [CR_APPEAL_PENDING] = "pending",
  [CR_APPEAL_UPHELD] = "upheld",
  [CR_APPEAL_OVERTURNED] = "overturned",
};

void
cr_conduct_event_free (CrConductEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->start_date);
  g_free (event->end_date);
  g_free (event->reason);
  g_free (event->decided_by);
  g_free (event->appeal_lodged_on);
  g_free (event->appeal_decided_on);
  g_free (event);
}

void
cr_interest_free (CrInterest *interest)
{
  if (interest == NULL)
    return;
  g_free (interest->declared_on);
  g_free (interest->description);
  g_free (interest->ended_on);
  g_free (interest);
}

static gboolean
valid_iso (const char *date)
{
  int y, m, d;
  char tail;

  return date != NULL && strlen (date) == 10 &&
         sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
         g_date_valid_dmy (d, m, y);
}

static gboolean
check_date (const char  *date,
            gboolean     required,
            const char  *what,
            GError     **error)
{
  if ((date == NULL || *date == '\0') && !required)
    return TRUE;
  if (valid_iso (date))
    return TRUE;
  g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
               _("The %s “%s” is not a real date."), what, date ? date : "");
  return FALSE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static gboolean
step_write (CrStore      *self,
            sqlite3_stmt *stmt,
            const char   *doing,
            GError      **error)
{
  int rc = sqlite3_step (stmt);
  int ext = sqlite3_extended_errcode (_cr_store_get_db (self));

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (ext == SQLITE_CONSTRAINT_FOREIGNKEY)
    g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                         _("That person or group is no longer in the file."));
  else if ((rc & 0xff) == SQLITE_CONSTRAINT)
    g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                         _("The dates don’t fit together: an end comes before "
                           "its start, or a reason is missing."));
  else
    _cr_store_set_error (self, error, rc, doing);
  return FALSE;
}

/**
 * cr_store_add_conduct:
 * @event: the sanction; its id is ignored
 *
 * Records a warning, suspension or exclusion, with its appeal if one was
 * already made.
 *
 * Returns: the new record's id, or 0 with @error set
 */
gint64
cr_store_add_conduct (CrStore               *self,
                      const CrConductEvent  *event,
                      GError               **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail (event != NULL, 0);
  g_return_val_if_fail ((guint) event->kind < G_N_ELEMENTS (kinds), 0);
  g_return_val_if_fail ((guint) event->appeal_outcome < G_N_ELEMENTS (outcomes), 0);

  if (!_cr_store_require_write (self, error) ||
      !check_date (event->start_date, TRUE, _("start date"), error) ||
      !check_date (event->end_date, FALSE, _("end date"), error) ||
      !check_date (event->appeal_lodged_on, FALSE, _("appeal date"), error) ||
      !check_date (event->appeal_decided_on, FALSE, _("appeal decision date"),
                   error))
    return 0;

  reason = g_strstrip (g_strdup (event->reason ? event->reason : ""));
  if (*reason == '\0')
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _("Give the reason for the decision; the person "
                             "has a right to know it."));
      return 0;
    }
  if (event->kind == CR_CONDUCT_EXCLUSION && event->end_date != NULL &&
      *event->end_date != '\0')
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _("An exclusion has no end date; a time-limited "
                             "one is a suspension."));
      return 0;
    }

  stmt = _cr_store_prepare (self,
                            "INSERT INTO conduct (person_id, group_id, kind, "
                            "start_date, end_date, reason, decided_by, "
                            "appeal_lodged_on, appeal_outcome, "
                            "appeal_decided_on) VALUES (?1, ?2, ?3, ?4, ?5, "
                            "?6, ?7, ?8, ?9, ?10)",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, event->person_id);
  if (event->group_id > 0)
    sqlite3_bind_int64 (stmt, 2, event->group_id);
  sqlite3_bind_text (stmt, 3, kinds[event->kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, event->start_date, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 5, event->end_date);
  sqlite3_bind_text (stmt, 6, reason, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 7, event->decided_by);
  bind_text_or_null (stmt, 8, event->appeal_lodged_on);
  bind_text_or_null (stmt, 9, outcomes[event->appeal_outcome]);
  bind_text_or_null (stmt, 10, event->appeal_decided_on);
  if (!step_write (self, stmt, _("recording the decision"), error))
    return 0;
  return sqlite3_last_insert_rowid (_cr_store_get_db (self));
}

/**
 * cr_store_record_appeal:
 * @lodged_on: ISO date the appeal was made
 * @outcome: pending, upheld or overturned
 * @decided_on: (nullable): ISO date of the decision, unless pending
 */
gboolean
cr_store_record_appeal (CrStore          *self,
                        gint64            conduct_id,
                        const char       *lodged_on,
                        CrAppealOutcome   outcome,
                        const char       *decided_on,
                        GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (outcome > CR_APPEAL_NONE &&
                        (guint) outcome < G_N_ELEMENTS (outcomes), FALSE);

  if (!_cr_store_require_write (self, error) ||
      !check_date (lodged_on, TRUE, _("appeal date"), error) ||
      !check_date (decided_on, outcome != CR_APPEAL_PENDING,
                   _("appeal decision date"), error))
    return FALSE;

  stmt = _cr_store_prepare (self,
                            "UPDATE conduct SET appeal_lodged_on = ?2, "
                            "appeal_outcome = ?3, appeal_decided_on = ?4 "
                            "WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conduct_id);
  sqlite3_bind_text (stmt, 2, lodged_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, outcomes[outcome], -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 4, outcome == CR_APPEAL_PENDING ? NULL : decided_on);
  if (!step_write (self, stmt, _("recording the appeal"), error))
    return FALSE;
  if (sqlite3_changes (_cr_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                           _("That decision is not in the file."));
      return FALSE;
    }
  return TRUE;
}

static guint
index_of (const char *const *names,
          guint              n,
          const char        *text)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (names[i], text) == 0)
      return i;
  return 0;
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

static gpointer
conduct_from_row (sqlite3_stmt *stmt,
                  gpointer      user_data)
{
  CrConductEvent *e = g_new0 (CrConductEvent, 1);

  e->id = sqlite3_column_int64 (stmt, 0);
  e->person_id = sqlite3_column_int64 (stmt, 1);
  e->group_id = sqlite3_column_int64 (stmt, 2);
  e->kind = index_of (kinds, G_N_ELEMENTS (kinds),
                      (const char *) sqlite3_column_text (stmt, 3));
  e->start_date = dup_column (stmt, 4);
  e->end_date = dup_column (stmt, 5);
  e->reason = dup_column (stmt, 6);
  e->decided_by = dup_column (stmt, 7);
  e->appeal_lodged_on = dup_column (stmt, 8);
  e->appeal_outcome = index_of (outcomes, G_N_ELEMENTS (outcomes),
                                (const char *) sqlite3_column_text (stmt, 9));
  e->appeal_decided_on = dup_column (stmt, 10);
  return e;
}

/**
 * cr_store_list_conduct:
 *
 * Returns: (transfer full) (element-type CrConductEvent): the person's
 *   warnings, suspensions and exclusions, latest first
 */
GPtrArray *
cr_store_list_conduct (CrStore  *self,
                       gint64    person_id,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT id, person_id, group_id, kind, "
                            "start_date, end_date, reason, decided_by, "
                            "appeal_lodged_on, appeal_outcome, "
                            "appeal_decided_on FROM conduct "
                            "WHERE person_id = ?1 "
                            "ORDER BY start_date DESC, id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  return _cr_store_collect_new (self, stmt, conduct_from_row,
                                (GDestroyNotify) cr_conduct_event_free,
                                _("reading the conduct record"), error);
}

/**
 * cr_store_get_sanction:
 * @on_date: ISO date
 *
 * Whether the person is barred on @on_date: an exclusion or a running
 * suspension that no appeal has overturned.
 *
 * Returns: (nullable): "exclusion", "suspension", or %NULL if neither (or
 *   on error, with @error set)
 */
const char *
cr_store_get_sanction (CrStore     *self,
                       gint64       person_id,
                       const char  *on_date,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  const char *result = NULL;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (on_date != NULL, NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT kind FROM conduct WHERE person_id = ?1 "
                            "AND kind IN ('suspension', 'exclusion') "
                            "AND start_date <= ?2 "
                            "AND (end_date IS NULL OR end_date >= ?2) "
                            "AND appeal_outcome IS NOT 'overturned' "
                            "ORDER BY kind = 'exclusion' DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, on_date, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    result = g_str_equal ((const char *) sqlite3_column_text (stmt, 0),
                          "exclusion") ? "exclusion" : "suspension";
  else if (rc != SQLITE_DONE)
    _cr_store_set_error (self, error, rc, _("reading the conduct record"));
  sqlite3_reset (stmt);
  return result;
}

/**
 * cr_store_add_interest:
 * @declared_on: ISO date
 * @description: what the interest is ("Works for the housing contractor")
 *
 * Returns: the new declaration's id, or 0 with @error set
 */
gint64
cr_store_add_interest (CrStore     *self,
                       gint64       person_id,
                       const char  *declared_on,
                       const char  *description,
                       GError     **error)
{
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), 0);

  if (!_cr_store_require_write (self, error) ||
      !check_date (declared_on, TRUE, _("declaration date"), error))
    return 0;
  text = g_strstrip (g_strdup (description ? description : ""));
  if (*text == '\0')
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _("Say what the interest is."));
      return 0;
    }

  stmt = _cr_store_prepare (self,
                            "INSERT INTO interests (person_id, declared_on, "
                            "description) VALUES (?1, ?2, ?3)",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, declared_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
  if (!step_write (self, stmt, _("recording the interest"), error))
    return 0;
  return sqlite3_last_insert_rowid (_cr_store_get_db (self));
}

/**
 * cr_store_end_interest:
 * @ended_on: ISO date from which the interest no longer stands
 */
gboolean
cr_store_end_interest (CrStore     *self,
                       gint64       interest_id,
                       const char  *ended_on,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error) ||
      !check_date (ended_on, TRUE, _("end date"), error))
    return FALSE;
  stmt = _cr_store_prepare (self,
                            "UPDATE interests SET ended_on = ?2 "
                            "WHERE id = ?1 AND ended_on IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, interest_id);
  sqlite3_bind_text (stmt, 2, ended_on, -1, SQLITE_TRANSIENT);
  if (!step_write (self, stmt, _("ending the interest"), error))
    return FALSE;
  if (sqlite3_changes (_cr_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                           _("That declaration is not in the file, or has "
                             "already ended."));
      return FALSE;
    }
  return TRUE;
}

static gpointer
interest_from_row (sqlite3_stmt *stmt,
                   gpointer      user_data)
{
  CrInterest *i = g_new0 (CrInterest, 1);

  i->id = sqlite3_column_int64 (stmt, 0);
  i->person_id = sqlite3_column_int64 (stmt, 1);
  i->declared_on = dup_column (stmt, 2);
  i->description = dup_column (stmt, 3);
  i->ended_on = dup_column (stmt, 4);
  return i;
}

/**
 * cr_store_list_interests:
 *
 * Returns: (transfer full) (element-type CrInterest): the person's
 *   declarations, standing ones first
 */
GPtrArray *
cr_store_list_interests (CrStore  *self,
                         gint64    person_id,
                         GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT id, person_id, declared_on, description, "
                            "ended_on FROM interests WHERE person_id = ?1 "
                            "ORDER BY ended_on IS NOT NULL, declared_on DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  return _cr_store_collect_new (self, stmt, interest_from_row,
                                (GDestroyNotify) cr_interest_free,
                                _("reading the declarations"), error);
}

/**
 * cr_store_erase_person:
 *
 * Anonymises the person for good, in one transaction: the name becomes
 * "Former member #ID", contact details, notes and declarations go, and the
 * reasons given for any sanction are cleared. Memberships, offices,
 * attendance and sanctions stay, dated, so every count and total the
 * association has reported stays right.
 */
gboolean
cr_store_erase_person (CrStore  *self,
                       gint64    person_id,
                       GError  **error)
{
  static const char *const steps[] = {
    "UPDATE people SET given_name = '', family_name = ?2, sort_key = ?3, "
    "address = NULL, block = NULL, postcode = NULL, phone = NULL, "
    "email = NULL, consent_to_contact = 0, consent_date = NULL, "
    "notes = NULL, household_key = NULL, search_text = ?4, "
    "anonymised_on = ?5 WHERE id = ?1",
    "DELETE FROM interests WHERE person_id = ?1",
    "UPDATE conduct SET reason = 'Erased', decided_by = NULL, notes = NULL "
    "WHERE person_id = ?1",
  };
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  g_autofree char *search = NULL;
  g_autofree char *today = cr_date_today_iso ();

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error))
    return FALSE;

  /* Translators: what an erased person is called from then on */
  name = g_strdup_printf (_("Former member #%lld"), (long long) person_id);
  key = _cr_store_name_key ("", name);
  search = cr_search_fold (name);

  if (!cr_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      sqlite3_stmt *stmt = _cr_store_prepare (self, steps[i], error);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, person_id);
      if (i == 0)
        {
          sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, key, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 4, search, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 5, today, -1, SQLITE_TRANSIENT);
        }
      if (!step_write (self, stmt, _("erasing the person"), error))
        goto fail;
      if (i == 0 && sqlite3_changes (_cr_store_get_db (self)) == 0)
        {
          g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                       _("There is no person number %lld."),
                       (long long) person_id);
          goto fail;
        }
    }
  if (!cr_store_commit (self, error))
    return FALSE;

  /* secure_delete has zeroed the old text in the file's pages; the WAL
   * still holds the pages as they were until it is folded in and emptied.
   * Outside a transaction of the caller's only: inside one, the next
   * checkpoint does it. */
  if (!cr_store_checkpoint (self, error))
    return FALSE;
  return TRUE;

fail:
  cr_store_rollback (self);
  return FALSE;
}

const char *
cr_conduct_kind_get_label (CrConductKind kind)
{
  switch (kind)
    {
    case CR_CONDUCT_WARNING:
      return _("Warning");
    case CR_CONDUCT_SUSPENSION:
      return _("Suspension");
    case CR_CONDUCT_EXCLUSION:
      return _("Exclusion");
    default:
      return "";
    }
}

const char *
cr_appeal_outcome_get_label (CrAppealOutcome outcome)
{
  switch (outcome)
    {
    case CR_APPEAL_PENDING:
      return _("Appeal pending");
    case CR_APPEAL_UPHELD:
      return _("Upheld on appeal");
    case CR_APPEAL_OVERTURNED:
      return _("Overturned on appeal");
    case CR_APPEAL_NONE:
    default:
      return "";
    }
}
