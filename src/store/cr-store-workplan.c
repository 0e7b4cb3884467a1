/* cr-store-workplan.c: work plans, priorities and scrutiny reviews
 *
 * A priority is added to its group's plan for its year (made on first
 * use). The rules in force today limit how many priorities one resident
 * leads in a year (lead-max-priorities) and how many reviews a group plans
 * in a year (reviews-per-year-max); a change that would pass either limit
 * is refused, in the same transaction as the count, so two edits can't
 * both slip under it. A request's response date, when not given, is its
 * sent date plus request-response-days (or comments-due-days for
 * comments on the findings).
 *
 * cr_store_check_workplan() adds to `check`:
 * - request-overdue: a request unanswered after its response date; and a
 *   findings report that management has not commented on within
 *   comments-due-days of it, when no request for the comments was logged;
 * - recommendation-action: a recommendation accepted, or partly, with no
 *   action in the log to deliver it;
 * - impact-due: an impact assessment past its date, or within
 *   CR_IMPACT_NOTICE_DAYS days of it;
 * - lead-max-priorities, reviews-per-year-max: more than the rules in
 *   force allow in the year of the date checked, as when a rule was
 *   tightened after the plan was made.
 * Withdrawn reviews are left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-store-workplan.h"

#include "cr-date.h"
#include "cr-meeting.h"
#include "cr-rules.h"
#include "cr-store-meetings.h"
#include "cr-store-private.h"
#include "cr-store-rules.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#define PERSON_NAME(p) "trim(" p ".given_name || ' ' || " p ".family_name)"

/* ---- helpers ----------------------------------------------------------- */

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static gboolean
check_date (const char *date,
            gboolean    required,
            const char *what,
            GError    **error)
{
  GDate parsed;

  if (is_empty (date) && !required)
    return TRUE;
  if (date != NULL && cr_date_parse_iso (date, &parsed))
    return TRUE;
  if (is_empty (date))
    g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                 _ ("Give the %s."), what);
  else
    g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                 _ ("The %s “%s” is not a real date."), what, date);
  return FALSE;
}

static gboolean
check_text (const char *text, const char *message, GError **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));

  if (*copy != '\0')
    return TRUE;
  g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_year (guint year, GError **error)
{
  if (year >= 1900 && year <= 2200)
    return TRUE;
  g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
               _ ("%u is not a year a work plan can be for."), year);
  return FALSE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt, int index, const char *text)
{
  if (is_empty (text))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_id_or_null (sqlite3_stmt *stmt, int index, gint64 id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

#define dup_column _cr_store_column_dup

static const char *
column_text (sqlite3_stmt *stmt, int col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static gboolean
finish_read (CrStore      *self,
             sqlite3_stmt *stmt,
             int           rc,
             const char   *doing,
             GError      **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  _cr_store_set_error (self, error, rc, doing);
  return FALSE;
}

/* Steps a write and resets it; a foreign key that fails means something
 * the edit names has gone, described by @missing. */
static gboolean
step_write (CrStore      *self,
            sqlite3_stmt *stmt,
            const char   *missing,
            const char   *doing,
            GError      **error)
{
  int rc = sqlite3_step (stmt);
  int ext = sqlite3_extended_errcode (_cr_store_get_db (self));

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  if (ext == SQLITE_CONSTRAINT_FOREIGNKEY)
    g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                         missing);
  else if ((rc & 0xff) == SQLITE_CONSTRAINT)
    g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                 _ ("The file refused this while %s: %s."), doing,
                 sqlite3_errmsg (_cr_store_get_db (self)));
  else
    _cr_store_set_error (self, error, rc, doing);
  return FALSE;
}

/* Fails with NOT_FOUND, saying @missing, if the last write changed no row. */
static gboolean
check_changed (CrStore *self, const char *missing, GError **error)
{
  if (sqlite3_changes (_cr_store_get_db (self)) > 0)
    return TRUE;
  g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                       missing);
  return FALSE;
}

/* Runs a statement that gives one whole number; -1 with @error set. */
static gint64
query_count (CrStore *self, sqlite3_stmt *stmt, GError **error)
{
  int    rc = sqlite3_step (stmt);
  gint64 n = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;

  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _cr_store_set_error (self, error, rc, _ ("reading the work plan"));
      return -1;
    }
  return n;
}

/* The whole-number rule @key in force today for @group_id, or 0 if the
 * group's terms don't set it. */
static gboolean
rule_today (
    CrStore *self, gint64 group_id, CrRuleKey key, guint *value, GError **error)
{
  g_autofree char *today = cr_date_today_iso ();
  g_autoptr (CrRules) rules = cr_store_get_rules (self, group_id, today, error);

  if (rules == NULL)
    return FALSE;
  *value = cr_rules_get_value (rules, key);
  return TRUE;
}

static char *
person_name (CrStore *self, gint64 person_id)
{
  sqlite3_stmt *stmt = _cr_store_prepare (
      self, "SELECT " PERSON_NAME ("p") " FROM people p WHERE p.id = ?1", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = dup_column (stmt, 0);
  sqlite3_reset (stmt);
  return name != NULL ? name : g_strdup ("");
}

/* ---- priorities -------------------------------------------------------- */

#define PRIORITY_COLUMNS                                              \
  "p.id, w.group_id, w.year, p.position, p.title, p.person_id, "      \
  "p.staff_contact, p.outputs, p.status, p.review_on, " PERSON_NAME ( \
      "l") ", g.name "                                                \
           "FROM priorities p JOIN work_plans w ON w.id = p.plan_id " \
           "JOIN groups g ON g.id = w.group_id "                      \
           "LEFT JOIN people l ON l.id = p.person_id "

static gpointer
priority_from_row (sqlite3_stmt *stmt, gpointer user_data)
{
  CrPriority *p = g_new0 (CrPriority, 1);

  p->id = sqlite3_column_int64 (stmt, 0);
  p->group_id = sqlite3_column_int64 (stmt, 1);
  p->year = (guint) sqlite3_column_int (stmt, 2);
  p->position = (guint) sqlite3_column_int (stmt, 3);
  p->title = dup_column (stmt, 4);
  p->lead_person_id = sqlite3_column_int64 (stmt, 5);
  p->staff_contact = dup_column (stmt, 6);
  p->outputs = dup_column (stmt, 7);
  if (!cr_priority_status_from_string (column_text (stmt, 8), &p->status))
    p->status = CR_PRIORITY_NOT_STARTED;
  p->review_on = dup_column (stmt, 9);
  p->lead_name = dup_column (stmt, 10);
  p->group_name = dup_column (stmt, 11);
  return p;
}

/**
 * cr_store_list_priorities:
 * @group_id: a group, or 0 for every group's
 * @year: a plan's year, or 0 for every year
 *
 * Returns: (transfer full) (element-type CrPriority): the priorities in
 *   plan order
 */
GPtrArray *
cr_store_list_priorities (CrStore *self,
                          gint64   group_id,
                          guint    year,
                          GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT " PRIORITY_COLUMNS
                            "WHERE (?1 = 0 OR w.group_id = ?1) "
                            "AND (?2 = 0 OR w.year = ?2) "
                            "ORDER BY g.name, w.year, p.position, p.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int (stmt, 2, (int) year);
  return _cr_store_collect_new (self, stmt, priority_from_row,
                                (GDestroyNotify) cr_priority_free,
                                _ ("reading the work plan"), error);
}

static gint64
ensure_plan (CrStore *self, gint64 group_id, guint year, GError **error)
{
  sqlite3_stmt *stmt;

  stmt = _cr_store_prepare (self,
                            "INSERT INTO work_plans (group_id, year) "
                            "VALUES (?1, ?2) "
                            "ON CONFLICT (group_id, year) DO NOTHING",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int (stmt, 2, (int) year);
  if (!step_write (self, stmt, _ ("That group is no longer in the file."),
                   _ ("making the work plan"), error))
    return 0;
  stmt = _cr_store_prepare (self,
                            "SELECT id FROM work_plans "
                            "WHERE group_id = ?1 AND year = ?2",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int (stmt, 2, (int) year);
  return MAX (query_count (self, stmt, error), 0);
}

/* Refuses a lead who would lead more of the year's priorities than the
 * rules allow. @except is the priority being edited, which is not counted
 * twice. */
static gboolean
check_lead_limit (CrStore          *self,
                  const CrPriority *priority,
                  gint64            except,
                  GError          **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt    *stmt;
  guint            max = 0;
  gint64           n;

  if (priority->lead_person_id <= 0 || priority->status == CR_PRIORITY_DROPPED)
    return TRUE;
  if (!rule_today (self, priority->group_id, CR_RULE_LEAD_MAX_PRIORITIES, &max,
                   error))
    return FALSE;
  if (max == 0)
    return TRUE;

  stmt = _cr_store_prepare (self,
                            "SELECT count(*) FROM priorities p "
                            "JOIN work_plans w ON w.id = p.plan_id "
                            "WHERE w.group_id = ?1 AND w.year = ?2 "
                            "AND p.person_id = ?3 AND p.id != ?4 "
                            "AND p.status != 'dropped'",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, priority->group_id);
  sqlite3_bind_int (stmt, 2, (int) priority->year);
  sqlite3_bind_int64 (stmt, 3, priority->lead_person_id);
  sqlite3_bind_int64 (stmt, 4, except);
  n = query_count (self, stmt, error);
  if (n < 0)
    return FALSE;
  if (n < max)
    return TRUE;

  name = person_name (self, priority->lead_person_id);
  g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE,
                            "%s already leads %lld priority of the %u plan, "
                            "and the terms of reference allow a resident to "
                            "lead at most %u (lead-max-priorities). Choose "
                            "another lead, or hand one on first.",
                            "%s already leads %lld priorities of the %u plan, "
                            "and the terms of reference allow a resident to "
                            "lead at most %u (lead-max-priorities). Choose "
                            "another lead, or hand one on first.",
                            n),
               name, (long long) n, priority->year, max);
  return FALSE;
}

static gboolean
check_priority (const CrPriority *priority, GError **error)
{
  return check_year (priority->year, error) &&
         check_text (priority->title, _ ("Give the priority a title."),
                     error) &&
         check_date (priority->review_on, FALSE, _ ("review date"), error);
}

/**
 * cr_store_add_priority:
 * @priority: the new priority; its id and position are chosen here (it
 *   goes last in the plan)
 *
 * Returns: the new priority's id, or 0 with @error set and nothing saved
 */
gint64
cr_store_add_priority (CrStore          *self,
                       const CrPriority *priority,
                       GError          **error)
{
  sqlite3_stmt *stmt;
  gint64        plan, id;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail (priority != NULL, 0);

  if (!_cr_store_require_write (self, error) ||
      !check_priority (priority, error) || !cr_store_begin (self, error))
    return 0;

  if (!check_lead_limit (self, priority, 0, error) ||
      (plan = ensure_plan (self, priority->group_id, priority->year, error)) ==
          0)
    goto fail;

  stmt = _cr_store_prepare (self,
                            "INSERT INTO priorities (plan_id, position, title, "
                            "person_id, staff_contact, outputs, status, "
                            "review_on) VALUES (?1, (SELECT coalesce(max("
                            "position), 0) + 1 FROM priorities WHERE plan_id "
                            "= ?1), trim(?2), ?3, ?4, ?5, ?6, ?7)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, plan);
  sqlite3_bind_text (stmt, 2, priority->title, -1, SQLITE_TRANSIENT);
  bind_id_or_null (stmt, 3, priority->lead_person_id);
  bind_text_or_null (stmt, 4, priority->staff_contact);
  bind_text_or_null (stmt, 5, priority->outputs);
  sqlite3_bind_text (stmt, 6, cr_priority_status_to_string (priority->status),
                     -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 7, priority->review_on);
  if (!step_write (self, stmt,
                   _ ("The resident lead is no longer in the file."),
                   _ ("adding the priority"), error))
    goto fail;
  id = sqlite3_last_insert_rowid (_cr_store_get_db (self));
  if (!cr_store_commit (self, error))
    return 0;
  return id;

fail:
  cr_store_rollback (self);
  return 0;
}

/**
 * cr_store_update_priority:
 * @priority: the priority with its new values; its id, group and year say
 *   which (a priority stays in its plan)
 */
gboolean
cr_store_update_priority (CrStore          *self,
                          const CrPriority *priority,
                          GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (priority != NULL, FALSE);

  if (!_cr_store_require_write (self, error) ||
      !check_priority (priority, error) || !cr_store_begin (self, error))
    return FALSE;
  if (!check_lead_limit (self, priority, priority->id, error))
    goto fail;
  stmt = _cr_store_prepare (self,
                            "UPDATE priorities SET title = trim(?2), "
                            "person_id = ?3, staff_contact = ?4, outputs = ?5, "
                            "status = ?6, review_on = ?7 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, priority->id);
  sqlite3_bind_text (stmt, 2, priority->title, -1, SQLITE_TRANSIENT);
  bind_id_or_null (stmt, 3, priority->lead_person_id);
  bind_text_or_null (stmt, 4, priority->staff_contact);
  bind_text_or_null (stmt, 5, priority->outputs);
  sqlite3_bind_text (stmt, 6, cr_priority_status_to_string (priority->status),
                     -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 7, priority->review_on);
  if (!step_write (self, stmt,
                   _ ("The resident lead is no longer in the file."),
                   _ ("saving the priority"), error) ||
      !check_changed (self, _ ("That priority is no longer in the file."),
                      error))
    goto fail;
  return cr_store_commit (self, error);

fail:
  cr_store_rollback (self);
  return FALSE;
}

gboolean
cr_store_delete_priority (CrStore *self, gint64 priority_id, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error))
    return FALSE;
  stmt =
      _cr_store_prepare (self, "DELETE FROM priorities WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, priority_id);
  return step_write (self, stmt, "", _ ("removing the priority"), error) &&
         check_changed (self, _ ("That priority is no longer in the file."),
                        error);
}

/* ---- reviews ----------------------------------------------------------- */

#define REVIEW_COLUMNS                                                     \
  "r.id, r.group_id, r.year, r.title, r.triggered_by, r.service_manager, " \
  "r.scope, r.timescale, r.status, g.name "                                \
  "FROM reviews r JOIN groups g ON g.id = r.group_id "

static gpointer
review_from_row (sqlite3_stmt *stmt, gpointer user_data)
{
  CrReview *r = g_new0 (CrReview, 1);

  r->id = sqlite3_column_int64 (stmt, 0);
  r->group_id = sqlite3_column_int64 (stmt, 1);
  r->year = (guint) sqlite3_column_int (stmt, 2);
  r->title = dup_column (stmt, 3);
  if (!cr_review_trigger_from_string (column_text (stmt, 4), &r->trigger))
    r->trigger = CR_TRIGGER_OTHER;
  r->service_manager = dup_column (stmt, 5);
  r->scope = dup_column (stmt, 6);
  r->timescale = dup_column (stmt, 7);
  if (!cr_review_status_from_string (column_text (stmt, 8), &r->status))
    r->status = CR_REVIEW_PLANNED;
  r->group_name = dup_column (stmt, 9);
  return r;
}

/**
 * cr_store_list_reviews:
 * @group_id: a group, or 0 for every group's
 * @year: a year, or 0 for every year
 *
 * Returns: (transfer full) (element-type CrReview): the reviews, by group,
 *   year and when they were added
 */
GPtrArray *
cr_store_list_reviews (CrStore *self,
                       gint64   group_id,
                       guint    year,
                       GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT " REVIEW_COLUMNS
                            "WHERE (?1 = 0 OR r.group_id = ?1) "
                            "AND (?2 = 0 OR r.year = ?2) "
                            "ORDER BY g.name, r.year, r.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int (stmt, 2, (int) year);
  return _cr_store_collect_new (self, stmt, review_from_row,
                                (GDestroyNotify) cr_review_free,
                                _ ("reading the reviews"), error);
}

/**
 * cr_store_get_review:
 *
 * Returns: (transfer full): the review, or %NULL with
 *   %CR_STORE_ERROR_NOT_FOUND
 */
CrReview *
cr_store_get_review (CrStore *self, gint64 review_id, GError **error)
{
  sqlite3_stmt *stmt;
  CrReview     *review = NULL;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self, "SELECT " REVIEW_COLUMNS "WHERE r.id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, review_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    review = review_from_row (stmt, NULL);
  sqlite3_reset (stmt);
  if (review != NULL)
    return review;
  if (rc == SQLITE_DONE)
    g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                 _ ("There is no review number %lld."), (long long) review_id);
  else
    _cr_store_set_error (self, error, rc, _ ("reading the review"));
  return NULL;
}

/* Refuses a review that would make more in a year than the rules allow. */
static gboolean
check_review_limit (CrStore *self, const CrReview *review, GError **error)
{
  sqlite3_stmt *stmt;
  guint         max = 0;
  gint64        n;

  if (review->status == CR_REVIEW_WITHDRAWN)
    return TRUE;
  if (!rule_today (self, review->group_id, CR_RULE_REVIEWS_PER_YEAR_MAX, &max,
                   error))
    return FALSE;
  if (max == 0)
    return TRUE;
  stmt = _cr_store_prepare (self,
                            "SELECT count(*) FROM reviews WHERE group_id = ?1 "
                            "AND year = ?2 AND id != ?3 "
                            "AND status != 'withdrawn'",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, review->group_id);
  sqlite3_bind_int (stmt, 2, (int) review->year);
  sqlite3_bind_int64 (stmt, 3, review->id);
  n = query_count (self, stmt, error);
  if (n < 0)
    return FALSE;
  if (n < max)
    return TRUE;
  g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE,
                            "%u already has %lld service review planned, and "
                            "the terms of reference allow at most %u a year "
                            "(reviews-per-year-max). Plan it for another year, "
                            "or withdraw one first.",
                            "%u already has %lld service reviews planned, and "
                            "the terms of reference allow at most %u a year "
                            "(reviews-per-year-max). Plan it for another year, "
                            "or withdraw one first.",
                            n),
               review->year, (long long) n, max);
  return FALSE;
}

static gboolean
check_review (const CrReview *review, GError **error)
{
  return check_year (review->year, error) &&
         check_text (review->title,
                     _ ("Give the review a title: the service "
                        "it looks at."),
                     error);
}

/**
 * cr_store_add_review:
 *
 * Returns: the new review's id, or 0 with @error set and nothing saved
 */
gint64
cr_store_add_review (CrStore *self, const CrReview *review, GError **error)
{
  sqlite3_stmt *stmt;
  gint64        id;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail (review != NULL, 0);

  if (!_cr_store_require_write (self, error) || !check_review (review, error) ||
      !cr_store_begin (self, error))
    return 0;
  if (!check_review_limit (self, review, error))
    goto fail;
  stmt = _cr_store_prepare (self,
                            "INSERT INTO reviews (group_id, year, title, "
                            "triggered_by, service_manager, scope, timescale, "
                            "status) VALUES (?1, ?2, trim(?3), ?4, ?5, ?6, ?7, "
                            "?8)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, review->group_id);
  sqlite3_bind_int (stmt, 2, (int) review->year);
  sqlite3_bind_text (stmt, 3, review->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, cr_review_trigger_to_string (review->trigger), -1,
                     SQLITE_STATIC);
  bind_text_or_null (stmt, 5, review->service_manager);
  bind_text_or_null (stmt, 6, review->scope);
  bind_text_or_null (stmt, 7, review->timescale);
  sqlite3_bind_text (stmt, 8, cr_review_status_to_string (review->status), -1,
                     SQLITE_STATIC);
  if (!step_write (self, stmt, _ ("That group is no longer in the file."),
                   _ ("adding the review"), error))
    goto fail;
  id = sqlite3_last_insert_rowid (_cr_store_get_db (self));
  if (!cr_store_commit (self, error))
    return 0;
  return id;

fail:
  cr_store_rollback (self);
  return 0;
}

/**
 * cr_store_update_review:
 * @review: the review with its new values; its id says which
 */
gboolean
cr_store_update_review (CrStore *self, const CrReview *review, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (review != NULL, FALSE);

  if (!_cr_store_require_write (self, error) || !check_review (review, error) ||
      !cr_store_begin (self, error))
    return FALSE;
  if (!check_review_limit (self, review, error))
    goto fail;
  stmt = _cr_store_prepare (self,
                            "UPDATE reviews SET year = ?2, title = trim(?3), "
                            "triggered_by = ?4, service_manager = ?5, "
                            "scope = ?6, timescale = ?7, status = ?8 "
                            "WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, review->id);
  sqlite3_bind_int (stmt, 2, (int) review->year);
  sqlite3_bind_text (stmt, 3, review->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, cr_review_trigger_to_string (review->trigger), -1,
                     SQLITE_STATIC);
  bind_text_or_null (stmt, 5, review->service_manager);
  bind_text_or_null (stmt, 6, review->scope);
  bind_text_or_null (stmt, 7, review->timescale);
  sqlite3_bind_text (stmt, 8, cr_review_status_to_string (review->status), -1,
                     SQLITE_STATIC);
  if (!step_write (self, stmt, "", _ ("saving the review"), error) ||
      !check_changed (self, _ ("That review is no longer in the file."), error))
    goto fail;
  return cr_store_commit (self, error);

fail:
  cr_store_rollback (self);
  return FALSE;
}

/* ---- stages ------------------------------------------------------------ */

/* Fills in the stage of @user_data (every stage, in order) that the row
 * is about; adds nothing to the list itself. */
static gpointer
stage_from_row (sqlite3_stmt *stmt, gpointer user_data)
{
  GPtrArray     *list = user_data;
  CrReviewStage  stage;
  CrStageRecord *s;

  if (!cr_review_stage_from_string (column_text (stmt, 0), &stage))
    return NULL;
  s = g_ptr_array_index (list, stage);
  s->planned_on = dup_column (stmt, 1);
  s->done_on = dup_column (stmt, 2);
  s->skipped = sqlite3_column_int (stmt, 3) != 0;
  s->notes = dup_column (stmt, 4);
  return NULL;
}

/**
 * cr_store_list_review_stages:
 *
 * Returns: (transfer full) (element-type CrStageRecord): every one of the
 *   CR_STAGE_N stages, in order; a stage not planned yet has no dates
 */
GPtrArray *
cr_store_list_review_stages (CrStore *self, gint64 review_id, GError **error)
{
  g_autoptr (GPtrArray) list =
      g_ptr_array_new_with_free_func ((GDestroyNotify) cr_stage_record_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  for (guint i = 0; i < CR_STAGE_N; i++)
    {
      CrStageRecord *s = g_new0 (CrStageRecord, 1);

      s->stage = (CrReviewStage) i;
      g_ptr_array_add (list, s);
    }
  stmt = _cr_store_prepare (self,
                            "SELECT stage, planned_on, done_on, skipped, notes "
                            "FROM review_stages WHERE review_id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, review_id);
  if (!_cr_store_collect (self, stmt, stage_from_row, list, NULL,
                          _ ("reading the review’s stages"), error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * cr_store_set_review_stage:
 * @stage: the stage and its dates; a skipped stage has no done date
 *
 * Saves one stage's dates, refusing a done date before that of a stage of
 * an earlier phase. A planned review becomes in progress once a stage is
 * done.
 */
gboolean
cr_store_set_review_stage (CrStore             *self,
                           gint64               review_id,
                           const CrStageRecord *stage,
                           GError             **error)
{
  g_autoptr (GPtrArray) stages = NULL;
  g_autoptr (CrReview) review = NULL;
  CrStageRecord *slot;
  GError        *local = NULL;
  sqlite3_stmt  *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (stage != NULL && (guint) stage->stage < CR_STAGE_N,
                        FALSE);

  if (!_cr_store_require_write (self, error) ||
      !check_date (stage->planned_on, FALSE, _ ("planned date"), error) ||
      !check_date (stage->done_on, FALSE, _ ("date it was done"), error))
    return FALSE;
  if (stage->skipped && !is_empty (stage->done_on))
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _ ("A stage that was not used has no date it was "
                              "done; clear the date or untick “Not used”."));
      return FALSE;
    }
  if (!cr_store_begin (self, error))
    return FALSE;
  review = cr_store_get_review (self, review_id, error);
  if (review == NULL)
    goto fail;
  stages = cr_store_list_review_stages (self, review_id, error);
  if (stages == NULL)
    goto fail;
  slot = g_ptr_array_index (stages, stage->stage);
  g_free (slot->done_on);
  slot->done_on = g_strdup (stage->done_on);
  slot->skipped = stage->skipped;
  if (!cr_review_stages_check_order (stages, &local))
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           local->message);
      g_error_free (local);
      goto fail;
    }

  stmt = _cr_store_prepare (self,
                            "INSERT INTO review_stages (review_id, stage, "
                            "planned_on, done_on, skipped, notes) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                            "ON CONFLICT (review_id, stage) DO UPDATE SET "
                            "planned_on = excluded.planned_on, "
                            "done_on = excluded.done_on, "
                            "skipped = excluded.skipped, "
                            "notes = excluded.notes",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, review_id);
  sqlite3_bind_text (stmt, 2, cr_review_stage_to_string (stage->stage), -1,
                     SQLITE_STATIC);
  bind_text_or_null (stmt, 3, stage->planned_on);
  bind_text_or_null (stmt, 4, stage->done_on);
  sqlite3_bind_int (stmt, 5, stage->skipped ? 1 : 0);
  bind_text_or_null (stmt, 6, stage->notes);
  if (!step_write (self, stmt, _ ("That review is no longer in the file."),
                   _ ("saving the stage"), error))
    goto fail;

  if (!is_empty (stage->done_on) && review->status == CR_REVIEW_PLANNED)
    {
      stmt = _cr_store_prepare (self,
                                "UPDATE reviews SET status = 'in-progress' "
                                "WHERE id = ?1 AND status = 'planned'",
                                error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, review_id);
      if (!step_write (self, stmt, "", _ ("saving the review"), error))
        goto fail;
    }
  return cr_store_commit (self, error);

fail:
  cr_store_rollback (self);
  return FALSE;
}

/* ---- requests ---------------------------------------------------------- */

static gpointer
request_from_row (sqlite3_stmt *stmt, gpointer user_data)
{
  CrInfoRequest *r = g_new0 (CrInfoRequest, 1);

  r->id = sqlite3_column_int64 (stmt, 0);
  r->review_id = sqlite3_column_int64 (stmt, 1);
  r->kind = g_strcmp0 (column_text (stmt, 2), "comments") == 0
                ? CR_REQUEST_COMMENTS
                : CR_REQUEST_INFORMATION;
  r->sent_to = dup_column (stmt, 3);
  r->what = dup_column (stmt, 4);
  r->sent_on = dup_column (stmt, 5);
  r->response_due = dup_column (stmt, 6);
  r->answered_on = dup_column (stmt, 7);
  r->notes = dup_column (stmt, 8);
  return r;
}

/**
 * cr_store_list_review_requests:
 *
 * Returns: (transfer full) (element-type CrInfoRequest): the review's
 *   requests, by the date they were sent
 */
GPtrArray *
cr_store_list_review_requests (CrStore *self, gint64 review_id, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT id, review_id, kind, sent_to, what, "
                            "sent_on, response_due, answered_on, notes "
                            "FROM review_requests WHERE review_id = ?1 "
                            "ORDER BY sent_on, id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, review_id);
  return _cr_store_collect_new (self, stmt, request_from_row,
                                (GDestroyNotify) cr_info_request_free,
                                _ ("reading the requests"), error);
}

/**
 * cr_store_add_review_request:
 * @request: the request; with no response_due, the rules in force on the
 *   day it was sent give it (request-response-days, or comments-due-days
 *   for comments)
 *
 * Returns: the new request's id, or 0 with @error set
 */
gint64
cr_store_add_review_request (CrStore             *self,
                             const CrInfoRequest *request,
                             GError             **error)
{
  g_autoptr (CrReview) review = NULL;
  g_autofree char *due = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail (request != NULL, 0);

  if (!_cr_store_require_write (self, error) ||
      !check_text (request->sent_to, _ ("Say who the request went to."),
                   error) ||
      !check_text (request->what, _ ("Say what was asked for."), error) ||
      !check_date (request->sent_on, TRUE, _ ("date it was sent"), error) ||
      !check_date (request->response_due, FALSE, _ ("response date"), error) ||
      !check_date (request->answered_on, FALSE, _ ("date it was answered"),
                   error))
    return 0;
  review = cr_store_get_review (self, request->review_id, error);
  if (review == NULL)
    return 0;

  if (!is_empty (request->response_due))
    due = g_strdup (request->response_due);
  else
    {
      g_autoptr (CrRules) rules =
          cr_store_get_rules (self, review->group_id, request->sent_on, error);
      CrRuleKey key = request->kind == CR_REQUEST_COMMENTS
                          ? CR_RULE_COMMENTS_DUE_DAYS
                          : CR_RULE_REQUEST_RESPONSE_DAYS;

      if (rules == NULL)
        return 0;
      if (!cr_rules_has (rules, key))
        {
          g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                       _ ("Say when the response is due: %s’s terms of "
                          "reference don’t set %s."),
                       review->group_name, cr_rules_key_to_string (key));
          return 0;
        }
      due = cr_workplan_add_days (request->sent_on,
                                  cr_rules_get_value (rules, key));
    }
  if (strcmp (due, request->sent_on) < 0)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _ ("The response can’t be due before the request "
                              "was sent."));
      return 0;
    }
  if (!is_empty (request->answered_on) &&
      strcmp (request->answered_on, request->sent_on) < 0)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _ ("A request can’t be answered before it was "
                              "sent."));
      return 0;
    }

  stmt = _cr_store_prepare (self,
                            "INSERT INTO review_requests (review_id, kind, "
                            "sent_to, what, sent_on, response_due, "
                            "answered_on, notes) VALUES (?1, ?2, trim(?3), "
                            "trim(?4), ?5, ?6, ?7, ?8)",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, request->review_id);
  sqlite3_bind_text (stmt, 2, cr_request_kind_to_string (request->kind), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, request->sent_to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, request->what, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, request->sent_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, due, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 7, request->answered_on);
  bind_text_or_null (stmt, 8, request->notes);
  if (!step_write (self, stmt, _ ("That review is no longer in the file."),
                   _ ("adding the request"), error))
    return 0;
  return sqlite3_last_insert_rowid (_cr_store_get_db (self));
}

/**
 * cr_store_answer_review_request:
 * @answered_on: (nullable): ISO date the answer came; %NULL or "" marks it
 *   unanswered again
 */
gboolean
cr_store_answer_review_request (CrStore    *self,
                                gint64      request_id,
                                const char *answered_on,
                                GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error) ||
      !check_date (answered_on, FALSE, _ ("date it was answered"), error))
    return FALSE;
  stmt = _cr_store_prepare (self,
                            "UPDATE review_requests SET answered_on = ?2 "
                            "WHERE id = ?1 AND (?2 IS NULL OR ?2 >= sent_on)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, request_id);
  bind_text_or_null (stmt, 2, answered_on);
  if (!step_write (self, stmt, "", _ ("saving the answer"), error))
    return FALSE;
  if (sqlite3_changes (_cr_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _ ("That request is no longer in the file, or the "
                              "answer is dated before it was sent."));
      return FALSE;
    }
  return TRUE;
}

/**
 * cr_store_set_review_request_due:
 * @response_due: ISO date: the alternative deadline the manager gave the
 *   chair when the usual one could not be kept
 *
 * Moves a request's response date; never before it was sent.
 */
gboolean
cr_store_set_review_request_due (CrStore    *self,
                                 gint64      request_id,
                                 const char *response_due,
                                 GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error) ||
      !check_date (response_due, TRUE, _ ("response date"), error))
    return FALSE;
  stmt = _cr_store_prepare (self,
                            "UPDATE review_requests SET response_due = ?2 "
                            "WHERE id = ?1 AND ?2 >= sent_on",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, request_id);
  sqlite3_bind_text (stmt, 2, response_due, -1, SQLITE_TRANSIENT);
  if (!step_write (self, stmt, "", _ ("saving the new deadline"), error))
    return FALSE;
  if (sqlite3_changes (_cr_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _ ("That request is no longer in the file, or the "
                              "new deadline is before it was sent."));
      return FALSE;
    }
  return TRUE;
}

/* ---- recommendations --------------------------------------------------- */

static gpointer
recommendation_from_row (sqlite3_stmt *stmt, gpointer user_data)
{
  CrRecommendation *r = g_new0 (CrRecommendation, 1);

  r->id = sqlite3_column_int64 (stmt, 0);
  r->review_id = sqlite3_column_int64 (stmt, 1);
  r->position = (guint) sqlite3_column_int (stmt, 2);
  r->text = dup_column (stmt, 3);
  if (!cr_response_from_string (column_text (stmt, 4), &r->response))
    r->response = CR_RESPONSE_NONE;
  r->reason = dup_column (stmt, 5);
  r->responded_on = dup_column (stmt, 6);
  r->action_id = sqlite3_column_int64 (stmt, 7);
  r->impact_due = dup_column (stmt, 8);
  r->impact_done_on = dup_column (stmt, 9);
  r->impact_notes = dup_column (stmt, 10);
  r->action_text = dup_column (stmt, 11);
  r->action_status = dup_column (stmt, 12);
  r->action_outcome = dup_column (stmt, 13);
  r->action_owner = dup_column (stmt, 14);
  r->action_due = dup_column (stmt, 15);
  return r;
}

#define RECOMMENDATION_COLUMNS                                                 \
  "c.id, c.review_id, c.position, c.text, c.response, c.reason, "              \
  "c.responded_on, c.action_id, c.impact_due, c.impact_done_on, "              \
  "c.impact_notes, a.description, a.status, a.outcome, "                       \
  "coalesce(" PERSON_NAME (                                                    \
      "o") ", a.owner_text), a.due_date "                                      \
           "FROM recommendations c LEFT JOIN actions a ON a.id = c.action_id " \
           "LEFT JOIN people o ON o.id = a.owner_person_id "

/**
 * cr_store_list_recommendations:
 *
 * Returns: (transfer full) (element-type CrRecommendation): the review's
 *   recommendations in order, each with its action
 */
GPtrArray *
cr_store_list_recommendations (CrStore *self, gint64 review_id, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT " RECOMMENDATION_COLUMNS
                            "WHERE c.review_id = ?1 ORDER BY c.position, c.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, review_id);
  return _cr_store_collect_new (self, stmt, recommendation_from_row,
                                (GDestroyNotify) cr_recommendation_free,
                                _ ("reading the recommendations"), error);
}

static CrRecommendation *
get_recommendation (CrStore *self, gint64 id, GError **error)
{
  sqlite3_stmt     *stmt;
  CrRecommendation *rec = NULL;
  int               rc;

  stmt = _cr_store_prepare (
      self, "SELECT " RECOMMENDATION_COLUMNS "WHERE c.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    rec = recommendation_from_row (stmt, NULL);
  sqlite3_reset (stmt);
  if (rec == NULL && rc == SQLITE_DONE)
    g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                         _ ("That recommendation is no longer in the file."));
  else if (rec == NULL)
    _cr_store_set_error (self, error, rc, _ ("reading the recommendation"));
  return rec;
}

/**
 * cr_store_add_recommendation:
 *
 * Adds a recommendation, last, awaiting management's response.
 *
 * Returns: its id, or 0 with @error set
 */
gint64
cr_store_add_recommendation (CrStore    *self,
                             gint64      review_id,
                             const char *text,
                             GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), 0);

  if (!_cr_store_require_write (self, error) ||
      !check_text (text, _ ("Write the recommendation."), error))
    return 0;
  stmt =
      _cr_store_prepare (self,
                         "INSERT INTO recommendations (review_id, position, "
                         "text) VALUES (?1, (SELECT coalesce(max(position), "
                         "0) + 1 FROM recommendations WHERE review_id = ?1), "
                         "trim(?2))",
                         error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, review_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  if (!step_write (self, stmt, _ ("That review is no longer in the file."),
                   _ ("adding the recommendation"), error))
    return 0;
  return sqlite3_last_insert_rowid (_cr_store_get_db (self));
}

/**
 * cr_store_respond_recommendation:
 * @response: management's response; %CR_RESPONSE_NONE clears it
 * @reason: (nullable): why it was rejected (required) or partly accepted
 * @responded_on: (nullable): ISO date of the response; today if %NULL
 * @impact_due: (nullable): when its impact is to be assessed
 */
gboolean
cr_store_respond_recommendation (CrStore                 *self,
                                 gint64                   recommendation_id,
                                 CrRecommendationResponse response,
                                 const char              *reason,
                                 const char              *responded_on,
                                 const char              *impact_due,
                                 GError                 **error)
{
  g_autofree char *on = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) response <= CR_RESPONSE_REJECTED, FALSE);

  if (!_cr_store_require_write (self, error) ||
      !check_date (responded_on, FALSE, _ ("date of the response"), error) ||
      !check_date (impact_due, FALSE, _ ("impact assessment date"), error))
    return FALSE;
  if (response == CR_RESPONSE_REJECTED &&
      !check_text (reason,
                   _ ("Say why management rejected the "
                      "recommendation: the panel will want to know, "
                      "and may take it to the Head of Housing."),
                   error))
    return FALSE;
  if (response != CR_RESPONSE_NONE)
    on = is_empty (responded_on) ? cr_date_today_iso ()
                                 : g_strdup (responded_on);

  stmt = _cr_store_prepare (self,
                            "UPDATE recommendations SET response = ?2, "
                            "reason = ?3, responded_on = ?4, impact_due = ?5 "
                            "WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, recommendation_id);
  bind_text_or_null (stmt, 2, cr_response_to_string (response));
  bind_text_or_null (stmt, 3, reason);
  bind_text_or_null (stmt, 4, on);
  bind_text_or_null (stmt, 5, impact_due);
  return step_write (self, stmt, "", _ ("saving the response"), error) &&
         check_changed (self,
                        _ ("That recommendation is no longer in the "
                           "file."),
                        error);
}

/**
 * cr_store_find_meeting_for_review:
 * @on_date: ISO date
 *
 * Returns: the latest meeting of the review's group on or before @on_date
 *   (not cancelled), where an action for it can be recorded; 0 if there
 *   is none, with @error unset
 */
gint64
cr_store_find_meeting_for_review (CrStore    *self,
                                  gint64      review_id,
                                  const char *on_date,
                                  GError    **error)
{
  sqlite3_stmt *stmt;
  gint64        id = 0;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), 0);

  stmt = _cr_store_prepare (self,
                            "SELECT m.id FROM meetings m JOIN reviews r "
                            "ON r.group_id = m.group_id WHERE r.id = ?1 "
                            "AND m.date <= ?2 AND m.status != 'cancelled' "
                            "ORDER BY m.date DESC, m.id DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, review_id);
  sqlite3_bind_text (stmt, 2, on_date, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _cr_store_set_error (self, error, rc, _ ("reading the meetings"));
  return id;
}

/* Whether @meeting_id is one of the review's group's meetings that could
 * have agreed an action. */
static gboolean
check_action_meeting (CrStore *self,
                      gint64   review_id,
                      gint64   meeting_id,
                      GError **error)
{
  sqlite3_stmt *stmt;
  gint64        n;

  stmt = _cr_store_prepare (self,
                            "SELECT count(*) FROM meetings m JOIN reviews r "
                            "ON r.group_id = m.group_id WHERE r.id = ?1 "
                            "AND m.id = ?2 AND m.status != 'cancelled'",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, review_id);
  sqlite3_bind_int64 (stmt, 2, meeting_id);
  n = query_count (self, stmt, error);
  if (n < 0)
    return FALSE;
  if (n > 0)
    return TRUE;
  g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
               _ ("Meeting %lld is not a meeting of the group that runs this "
                  "review (or it was cancelled); choose one of its own "
                  "meetings."),
               (long long) meeting_id);
  return FALSE;
}

/**
 * cr_store_add_recommendation_action:
 * @meeting_id: the meeting that agreed the action (the log lists actions
 *   by meeting)
 * @owner_text: (nullable): the officer or team who delivers it
 * @due_date: (nullable): ISO date
 *
 * Adds the action that delivers an accepted (or partly accepted)
 * recommendation to the action log and links the two, both or neither.
 *
 * Returns: the action's id, or 0 with @error set
 */
gint64
cr_store_add_recommendation_action (CrStore    *self,
                                    gint64      recommendation_id,
                                    gint64      meeting_id,
                                    const char *owner_text,
                                    const char *due_date,
                                    GError    **error)
{
  g_autoptr (CrRecommendation) rec = NULL;
  g_autoptr (CrReview) review = NULL;
  g_autofree char *description = NULL;
  CrAction         action = { 0 };
  sqlite3_stmt    *stmt;
  gint64           id;

  g_return_val_if_fail (CR_IS_STORE (self), 0);

  if (!_cr_store_require_write (self, error) || !cr_store_begin (self, error))
    return 0;
  rec = get_recommendation (self, recommendation_id, error);
  if (rec == NULL)
    goto fail;
  if (rec->response != CR_RESPONSE_ACCEPTED &&
      rec->response != CR_RESPONSE_PARTLY)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _ ("Only a recommendation management accepted, in "
                              "whole or in part, gets an action."));
      goto fail;
    }
  if (rec->action_id > 0)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_EXISTS,
                           _ ("That recommendation already has its action in "
                              "the log."));
      goto fail;
    }
  review = cr_store_get_review (self, rec->review_id, error);
  if (review == NULL ||
      !check_action_meeting (self, rec->review_id, meeting_id, error))
    goto fail;
  /* Translators: an action in the log: "Repairs review: publish …" */
  description = g_strdup_printf (_ ("%s review: %s"), review->title, rec->text);
  action.meeting_id = meeting_id;
  action.description = description;
  action.owner_text = (char *) owner_text;
  action.due_date = (char *) due_date;
  action.status = CR_ACTION_OPEN;
  id = cr_store_add_action (self, &action, error);
  if (id == 0)
    goto fail;
  stmt = _cr_store_prepare (self,
                            "UPDATE recommendations SET action_id = ?2 "
                            "WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, recommendation_id);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!step_write (self, stmt, "", _ ("linking the action"), error) ||
      !cr_store_commit (self, error))
    goto fail;
  return id;

fail:
  cr_store_rollback (self);
  return 0;
}

/**
 * cr_store_set_recommendation_impact:
 * @done_on: (nullable): ISO date the impact was assessed; %NULL: not yet
 * @notes: (nullable): what the assessment found
 */
gboolean
cr_store_set_recommendation_impact (CrStore    *self,
                                    gint64      recommendation_id,
                                    const char *done_on,
                                    const char *notes,
                                    GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error) ||
      !check_date (done_on, FALSE, _ ("impact assessment date"), error))
    return FALSE;
  stmt = _cr_store_prepare (self,
                            "UPDATE recommendations SET impact_done_on = ?2, "
                            "impact_notes = ?3 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, recommendation_id);
  bind_text_or_null (stmt, 2, done_on);
  bind_text_or_null (stmt, 3, notes);
  return step_write (self, stmt, "", _ ("saving the impact assessment"),
                     error) &&
         check_changed (self,
                        _ ("That recommendation is no longer in the "
                           "file."),
                        error);
}

/* ---- removing reviews, requests and recommendations -------------------- */

/* What a chair would expect: removing a review, request or recommendation
 * takes the panel's own record of it away, but an action a meeting agreed
 * to deliver a recommendation is part of that meeting's minutes, so it
 * stays in the action log and in "You said, we did" (the schema unlinks
 * it). The window's confirmation says exactly that. */

static gpointer
count_row (sqlite3_stmt *stmt, gpointer user_data)
{
  CrReviewContents *contents = user_data;

  contents->stages = (guint) sqlite3_column_int (stmt, 0);
  contents->requests = (guint) sqlite3_column_int (stmt, 1);
  contents->recommendations = (guint) sqlite3_column_int (stmt, 2);
  contents->actions = (guint) sqlite3_column_int (stmt, 3);
  return NULL;
}

/**
 * cr_store_count_review_contents:
 * @contents: (out): what deleting the review would take with it
 *
 * For the confirmation that names what goes.
 */
gboolean
cr_store_count_review_contents (CrStore          *self,
                                gint64            review_id,
                                CrReviewContents *contents,
                                GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  memset (contents, 0, sizeof *contents);
  stmt = _cr_store_prepare (self,
                            "SELECT (SELECT count(*) FROM review_stages "
                            "  WHERE review_id = ?1), "
                            "(SELECT count(*) FROM review_requests "
                            "  WHERE review_id = ?1), "
                            "(SELECT count(*) FROM recommendations "
                            "  WHERE review_id = ?1), "
                            "(SELECT count(*) FROM recommendations "
                            "  WHERE review_id = ?1 AND action_id IS NOT NULL)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, review_id);
  return _cr_store_collect (self, stmt, count_row, contents, NULL,
                            _ ("reading the review"), error);
}

/**
 * cr_store_delete_review:
 *
 * Deletes a service review with its stages, requests and recommendations,
 * all in one transaction; the actions meetings agreed for its
 * recommendations stay in the action log.
 */
gboolean
cr_store_delete_review (CrStore *self, gint64 review_id, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error) || !cr_store_begin (self, error))
    return FALSE;
  stmt = _cr_store_prepare (self, "DELETE FROM reviews WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, review_id);
  if (!step_write (self, stmt, "", _ ("deleting the review"), error) ||
      !check_changed (self, _ ("That review is no longer in the file."),
                      error) ||
      !cr_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  cr_store_rollback (self);
  return FALSE;
}

/**
 * cr_store_get_review_request:
 *
 * Returns: (transfer full): the request, or %NULL with
 *   %CR_STORE_ERROR_NOT_FOUND
 */
CrInfoRequest *
cr_store_get_review_request (CrStore *self, gint64 request_id, GError **error)
{
  g_autoptr (GPtrArray) found = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT id, review_id, kind, sent_to, what, "
                            "sent_on, response_due, answered_on, notes "
                            "FROM review_requests WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, request_id);
  found = _cr_store_collect_new (self, stmt, request_from_row,
                                 (GDestroyNotify) cr_info_request_free,
                                 _ ("reading the requests"), error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                           _ ("That request is no longer in the file."));
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

/**
 * cr_store_delete_review_request:
 *
 * Deletes a request to managers, answered or not: for one logged by
 * mistake or withdrawn. Nothing else refers to a request.
 */
gboolean
cr_store_delete_review_request (CrStore *self,
                                gint64   request_id,
                                GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error))
    return FALSE;
  stmt = _cr_store_prepare (self, "DELETE FROM review_requests WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, request_id);
  return step_write (self, stmt, "", _ ("deleting the request"), error) &&
         check_changed (self, _ ("That request is no longer in the file."),
                        error);
}

/**
 * cr_store_get_recommendation:
 *
 * Returns: (transfer full): the recommendation with its action, or %NULL
 *   with %CR_STORE_ERROR_NOT_FOUND
 */
CrRecommendation *
cr_store_get_recommendation (CrStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  return get_recommendation (self, id, error);
}

/**
 * cr_store_delete_recommendation:
 *
 * Deletes a recommendation and numbers those after it down by one, so the
 * review's recommendations stay 1, 2, 3 … as the report prints them; one
 * transaction. Its action, if a meeting agreed one, stays in the log.
 */
gboolean
cr_store_delete_recommendation (CrStore *self,
                                gint64   recommendation_id,
                                GError **error)
{
  g_autoptr (CrRecommendation) rec = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error) || !cr_store_begin (self, error))
    return FALSE;
  rec = get_recommendation (self, recommendation_id, error);
  if (rec == NULL)
    goto fail;
  stmt = _cr_store_prepare (self, "DELETE FROM recommendations WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, recommendation_id);
  if (!step_write (self, stmt, "", _ ("deleting the recommendation"), error))
    goto fail;
  stmt =
      _cr_store_prepare (self,
                         "UPDATE recommendations SET position = position - 1 "
                         "WHERE review_id = ?1 AND position > ?2",
                         error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rec->review_id);
  sqlite3_bind_int (stmt, 2, (int) rec->position);
  if (!step_write (self, stmt, "", _ ("numbering the recommendations"),
                   error) ||
      !cr_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  cr_store_rollback (self);
  return FALSE;
}

static gpointer
meeting_choice_from_row (sqlite3_stmt *stmt, gpointer user_data)
{
  GArray          *ids = user_data;
  gint64           id = sqlite3_column_int64 (stmt, 0);
  g_autofree char *uk = cr_date_iso_to_uk (column_text (stmt, 1));
  CrMeetingKind    kind = CR_MEETING_KIND_ORDINARY;

  cr_meeting_kind_from_string (column_text (stmt, 2), &kind);
  g_array_append_val (ids, id);
  return g_strdup_printf ("%s %s", uk, cr_meeting_kind_get_label (kind));
}

/**
 * cr_store_list_review_meetings:
 * @ids: (element-type gint64): where to add each meeting's id
 * @labels: (element-type utf8): where to add "DD/MM/YYYY Kind" for each
 *
 * The meetings of the review's group that could have agreed an action
 * (held by today, not cancelled), the most recent first: the choices of
 * the meeting picker, whose first is the default, as
 * cr_store_find_meeting_for_review() finds it.
 */
gboolean
cr_store_list_review_meetings (CrStore   *self,
                               gint64     review_id,
                               GArray    *ids,
                               GPtrArray *labels,
                               GError   **error)
{
  g_autofree char *today = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL && labels != NULL, FALSE);

  today = cr_date_today_iso ();
  stmt = _cr_store_prepare (self,
                            "SELECT m.id, m.date, m.kind FROM meetings m "
                            "JOIN reviews r ON r.group_id = m.group_id "
                            "WHERE r.id = ?1 AND m.status != 'cancelled' "
                            "AND m.date <= ?2 "
                            "ORDER BY m.date DESC, m.id DESC",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, review_id);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  return _cr_store_collect (self, stmt, meeting_choice_from_row, ids, labels,
                            _ ("reading the meetings"), error);
}

/* ---- check ------------------------------------------------------------- */

static void
add_item (GPtrArray             *items,
          const char            *rule,
          CrAttentionSubjectKind kind,
          gint64                 subject_id,
          const char            *subject,
          gint64                 group_id,
          const char            *group_name,
          const char            *date,
          char                  *detail)
{
  CrAttentionItem *item = g_new0 (CrAttentionItem, 1);

  item->rule = rule;
  item->subject_kind = kind;
  item->subject_id = subject_id;
  item->subject = g_strdup (subject);
  item->group_id = group_id;
  item->group_name = g_strdup (group_name);
  item->date = g_strdup (date);
  item->detail = detail;
  g_ptr_array_add (items, item);
}

static char *
review_subject (const char *title)
{
  /* Translators: what an attention item is about: a service review. */
  return g_strdup_printf (_ ("Review: %s"), title);
}

static gboolean
check_requests (CrStore    *self,
                gint64      group_id,
                const char *on_date,
                GPtrArray  *items,
                GError    **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  stmt = _cr_store_prepare (self,
                            "SELECT q.kind, q.sent_to, q.what, q.sent_on, "
                            "q.response_due, v.id, v.title, v.group_id, g.name "
                            "FROM review_requests q "
                            "JOIN reviews v ON v.id = q.review_id "
                            "JOIN groups g ON g.id = v.group_id "
                            "WHERE q.response_due < ?1 AND q.sent_on <= ?1 "
                            "AND (q.answered_on IS NULL OR q.answered_on > ?1) "
                            "AND v.status != 'withdrawn' "
                            "AND (?2 = 0 OR v.group_id = ?2) "
                            "ORDER BY g.name, q.response_due, q.id",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, on_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, group_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *subject = review_subject (column_text (stmt, 6));
      g_autofree char *sent = cr_date_iso_to_uk (column_text (stmt, 3));
      g_autofree char *due = cr_date_iso_to_uk (column_text (stmt, 4));
      char            *detail;

      if (g_strcmp0 (column_text (stmt, 0), "comments") == 0)
        detail = g_strdup_printf (_ ("%s was sent the findings report on %s "
                                     "for comment, due by %s, and has not "
                                     "replied. The terms of reference give "
                                     "management a set time to comment: "
                                     "chase the comments, or sign the report "
                                     "off without them."),
                                  column_text (stmt, 1), sent, due);
      else
        detail = g_strdup_printf (_ ("%s was asked on %s for “%s”, due by %s, "
                                     "and has not answered. The manager "
                                     "should answer in time or write to the "
                                     "chair with another deadline: chase it "
                                     "up, or record the new date."),
                                  column_text (stmt, 1), sent,
                                  column_text (stmt, 2), due);
      add_item (items, "request-overdue", CR_ATTENTION_GROUP,
                sqlite3_column_int64 (stmt, 7), subject,
                sqlite3_column_int64 (stmt, 7), column_text (stmt, 8),
                column_text (stmt, 4), detail);
    }
  return finish_read (self, stmt, rc, _ ("reading the requests"), error);
}

/* Findings reports sent (the stage done) that management has not
 * commented on within comments-due-days, where no request for the
 * comments was logged (a logged one is checked as a request). */
static gboolean
check_comments (CrStore    *self,
                gint64      group_id,
                const char *on_date,
                GPtrArray  *items,
                GError    **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  stmt = _cr_store_prepare (self,
                            "SELECT v.id, v.title, v.group_id, g.name, "
                            "s.done_on, v.service_manager "
                            "FROM reviews v "
                            "JOIN review_stages s ON s.review_id = v.id "
                            "AND s.stage = 'findings-report' "
                            "JOIN groups g ON g.id = v.group_id "
                            "WHERE s.done_on <= ?1 AND v.status != 'withdrawn' "
                            "AND (?2 = 0 OR v.group_id = ?2) "
                            "AND NOT EXISTS (SELECT 1 FROM review_stages m "
                            "WHERE m.review_id = v.id "
                            "AND m.stage = 'management-comments' "
                            "AND (m.skipped = 1 OR m.done_on <= ?1)) "
                            "AND NOT EXISTS (SELECT 1 FROM review_stages m "
                            "WHERE m.review_id = v.id AND m.stage = 'sign-off' "
                            "AND m.done_on <= ?1) "
                            "AND NOT EXISTS (SELECT 1 FROM review_requests q "
                            "WHERE q.review_id = v.id AND q.kind = 'comments') "
                            "ORDER BY g.name, s.done_on",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, on_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, group_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64  group = sqlite3_column_int64 (stmt, 2);
      GError *local = NULL;
      g_autoptr (CrRules) rules =
          cr_store_get_rules (self, group, on_date, &local);
      g_autofree char *due = NULL;
      g_autofree char *due_uk = NULL;
      g_autofree char *sent_uk = NULL;
      g_autofree char *subject = NULL;
      guint            days;

      if (rules == NULL)
        {
          sqlite3_reset (stmt);
          g_propagate_error (error, local);
          return FALSE;
        }
      if (!cr_rules_has (rules, CR_RULE_COMMENTS_DUE_DAYS))
        continue;
      days = cr_rules_get_value (rules, CR_RULE_COMMENTS_DUE_DAYS);
      due = cr_workplan_add_days (column_text (stmt, 4), days);
      if (due == NULL || strcmp (due, on_date) >= 0)
        continue;
      due_uk = cr_date_iso_to_uk (due);
      sent_uk = cr_date_iso_to_uk (column_text (stmt, 4));
      subject = review_subject (column_text (stmt, 1));
      add_item (items, "request-overdue", CR_ATTENTION_GROUP, group, subject,
                group, column_text (stmt, 3), due,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The findings report went to "
                                              "management on %s; their "
                                              "comments were due within %u "
                                              "day, by %s, and none are "
                                              "recorded. Chase them, or sign "
                                              "the report off.",
                                              "The findings report went to "
                                              "management on %s; their "
                                              "comments were due within %u "
                                              "days, by %s, and none are "
                                              "recorded. Chase them, or sign "
                                              "the report off.",
                                              days),
                                 sent_uk, days, due_uk));
    }
  return finish_read (self, stmt, rc, _ ("reading the reviews"), error);
}

static gboolean
check_recommendations (CrStore    *self,
                       gint64      group_id,
                       const char *on_date,
                       GPtrArray  *items,
                       GError    **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  /* RECOMMENDATION_COLUMNS, then the review's. */
  stmt = _cr_store_prepare (self,
                            "SELECT c.id, c.review_id, c.position, c.text, "
                            "c.response, c.reason, c.responded_on, "
                            "c.action_id, c.impact_due, c.impact_done_on, "
                            "c.impact_notes, a.description, a.status, "
                            "a.outcome, NULL, NULL, v.title, v.group_id, "
                            "g.name FROM recommendations c "
                            "LEFT JOIN actions a ON a.id = c.action_id "
                            "JOIN reviews v ON v.id = c.review_id "
                            "JOIN groups g ON g.id = v.group_id "
                            "WHERE c.responded_on <= ?1 "
                            "AND v.status != 'withdrawn' "
                            "AND (?2 = 0 OR v.group_id = ?2) "
                            "ORDER BY g.name, v.id, c.position",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, on_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, group_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (CrRecommendation) rec = recommendation_from_row (stmt, NULL);
      g_autofree char *subject = review_subject (column_text (stmt, 16));
      g_autofree char *due_uk = NULL;
      gint64           group = sqlite3_column_int64 (stmt, 17);
      const char      *group_name = column_text (stmt, 18);

      switch (cr_recommendation_follow_up (rec, on_date))
        {
          case CR_FOLLOW_UP_ACTION:
            add_item (
                items, "recommendation-action", CR_ATTENTION_GROUP, group,
                subject, group, group_name, rec->responded_on,
                g_strdup_printf (_ ("Recommendation %u (“%s”) was %s, but "
                                    "no action in the log delivers it. "
                                    "Agree who does what by when, so the "
                                    "panel can monitor it."),
                                 rec->position, rec->text,
                                 rec->response == CR_RESPONSE_PARTLY
                                     ? _ ("partly accepted")
                                     : _ ("accepted")));
            break;

          case CR_FOLLOW_UP_IMPACT_LATE:
            due_uk = cr_date_iso_to_uk (rec->impact_due);
            add_item (items, "impact-due", CR_ATTENTION_GROUP, group, subject,
                      group, group_name, rec->impact_due,
                      g_strdup_printf (_ ("The impact of recommendation %u "
                                          "(“%s”) was to be assessed by %s and "
                                          "has not been. Plan the impact "
                                          "assessment with the panel."),
                                       rec->position, rec->text, due_uk));
            break;

          case CR_FOLLOW_UP_IMPACT_SOON:
            due_uk = cr_date_iso_to_uk (rec->impact_due);
            add_item (items, "impact-due", CR_ATTENTION_GROUP, group, subject,
                      group, group_name, rec->impact_due,
                      g_strdup_printf (_ ("The impact of recommendation %u "
                                          "(“%s”) is to be assessed by %s. "
                                          "Plan the impact assessment with the "
                                          "panel."),
                                       rec->position, rec->text, due_uk));
            break;

          case CR_FOLLOW_UP_NONE:
          case CR_FOLLOW_UP_RESPONSE:
          default:
            break;
        }
    }
  return finish_read (self, stmt, rc, _ ("reading the recommendations"), error);
}

static gboolean
check_limits (CrStore    *self,
              gint64      group_id,
              const char *on_date,
              GPtrArray  *items,
              GError    **error)
{
  g_autoptr (GHashTable) rules_by_group = g_hash_table_new_full (
      g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) cr_rules_free);
  sqlite3_stmt *stmt;
  guint         year = (guint) g_ascii_strtoull (on_date, NULL, 10);
  int           rc;

  /* Leads and review counts in the date's year, group by group; the
   * rules are read once a group. */
  stmt = _cr_store_prepare (
      self,
      "SELECT w.group_id, g.name, p.person_id, " PERSON_NAME (
          "l") ", count(*), 'lead' "
               "FROM priorities p "
               "JOIN work_plans w ON w.id = p.plan_id "
               "JOIN groups g ON g.id = w.group_id "
               "JOIN people l ON l.id = p.person_id "
               "WHERE w.year = ?1 AND p.status != 'dropped' "
               "AND (?2 = 0 OR w.group_id = ?2) "
               "GROUP BY w.group_id, p.person_id "
               "UNION ALL "
               "SELECT r.group_id, g.name, 0, '', count(*), "
               "'reviews' FROM reviews r "
               "JOIN groups g ON g.id = r.group_id "
               "WHERE r.year = ?1 AND r.status != 'withdrawn' "
               "AND (?2 = 0 OR r.group_id = ?2) "
               "GROUP BY r.group_id "
               "ORDER BY 2, 6, 4",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int) year);
  sqlite3_bind_int64 (stmt, 2, group_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64    group = sqlite3_column_int64 (stmt, 0);
      gint64    n = sqlite3_column_int64 (stmt, 4);
      gboolean  lead = g_strcmp0 (column_text (stmt, 5), "lead") == 0;
      CrRules  *rules = g_hash_table_lookup (rules_by_group, &group);
      CrRuleKey key =
          lead ? CR_RULE_LEAD_MAX_PRIORITIES : CR_RULE_REVIEWS_PER_YEAR_MAX;
      guint max;

      if (rules == NULL)
        {
          GError *local = NULL;

          rules = cr_store_get_rules (self, group, on_date, &local);
          if (rules == NULL)
            {
              sqlite3_reset (stmt);
              g_propagate_error (error, local);
              return FALSE;
            }
          g_hash_table_insert (rules_by_group, g_memdup2 (&group, sizeof group),
                               rules);
        }
      max = cr_rules_get_value (rules, key);
      if (max == 0 || n <= max)
        continue;
      if (lead)
        add_item (items, "lead-max-priorities", CR_ATTENTION_PERSON,
                  sqlite3_column_int64 (stmt, 2), column_text (stmt, 3), group,
                  column_text (stmt, 1), on_date,
                  g_strdup_printf (_ ("%s leads %lld priorities of the %u work "
                                      "plan; the terms of reference allow "
                                      "%u. Share the leads out at the "
                                      "six-monthly review."),
                                   column_text (stmt, 3), (long long) n, year,
                                   max));
      else
        add_item (items, "reviews-per-year-max", CR_ATTENTION_GROUP, group,
                  column_text (stmt, 1), group, column_text (stmt, 1), on_date,
                  g_strdup_printf (_ ("%lld service reviews are planned for "
                                      "%u; the terms of reference allow no "
                                      "more than %u a year. Move one to next "
                                      "year with the forum’s agreement."),
                                   (long long) n, year, max));
    }
  return finish_read (self, stmt, rc, _ ("reading the work plan"), error);
}

static int
compare_items (gconstpointer a, gconstpointer b, gpointer data)
{
  const CrAttentionItem *x = *(CrAttentionItem *const *) a;
  const CrAttentionItem *y = *(CrAttentionItem *const *) b;
  gint64                 association = *(gint64 *) data;
  int                    by_group;

  if ((x->group_id == association) != (y->group_id == association))
    return x->group_id == association ? -1 : 1;
  by_group = g_strcmp0 (x->group_name, y->group_name);
  if (by_group != 0)
    return by_group;
  return g_strcmp0 (x->date, y->date);
}

/**
 * cr_store_check_workplan:
 * @group_id: a group, or 0 for every group
 * @on_date: ISO date
 * @items: (element-type CrAttentionItem): where the items go
 *
 * Adds what the work plan and the reviews need on @on_date (see the top
 * of this file).
 */
gboolean
cr_store_check_workplan (CrStore    *self,
                         gint64      group_id,
                         const char *on_date,
                         GPtrArray  *items,
                         GError    **error)
{
  g_autoptr (GPtrArray) found = NULL;
  gint64 association;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (on_date != NULL, FALSE);
  g_return_val_if_fail (items != NULL, FALSE);

  found =
      g_ptr_array_new_with_free_func ((GDestroyNotify) cr_attention_item_free);
  if (!check_requests (self, group_id, on_date, found, error) ||
      !check_comments (self, group_id, on_date, found, error) ||
      !check_recommendations (self, group_id, on_date, found, error) ||
      !check_limits (self, group_id, on_date, found, error))
    return FALSE;

  /* In the order cr_store_check() promises: the association first, then
   * group by group by name, each group's by date. */
  association = cr_store_get_association_group (self);
  g_ptr_array_sort_with_data (found, compare_items, &association);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (items, g_steal_pointer (&g_ptr_array_index (found, i)));
  g_ptr_array_set_free_func (found, NULL);
  return TRUE;
}
