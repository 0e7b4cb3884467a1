/* cr-store-overview.c: what the Overview page shows
 *
 * The next planned meeting with the deadlines its rules set (those in
 * force on its date), the decisions of the latest meetings and the
 * actions still open, for one group or for all. Each query is small and
 * indexed: the Overview reads them every time it is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-store-overview.h"

#include "cr-date.h"
#include "cr-rules.h"
#include "cr-store-private.h"
#include "cr-store-rules.h"

#include <glib/gi18n-lib.h>

void
cr_next_meeting_free (CrNextMeeting *meeting)
{
  if (meeting == NULL)
    return;
  g_free (meeting->group_name);
  g_free (meeting->date);
  g_free (meeting->start_time);
  g_free (meeting->venue);
  g_free (meeting->kind);
  g_free (meeting->papers_by);
  g_free (meeting->agenda_by);
  g_free (meeting->notice_by);
  g_free (meeting->papers_sent_on);
  g_free (meeting);
}

void
cr_recent_decision_free (CrRecentDecision *decision)
{
  if (decision == NULL)
    return;
  g_free (decision->meeting_date);
  g_free (decision->group_name);
  g_free (decision->item);
  g_free (decision->text);
  g_free (decision->outcome);
  g_free (decision);
}

void
cr_open_action_free (CrOpenAction *action)
{
  if (action == NULL)
    return;
  g_free (action->group_name);
  g_free (action->description);
  g_free (action->owner);
  g_free (action->due_date);
  g_free (action->status);
  g_free (action);
}

static char *
dup_column (sqlite3_stmt *stmt, int col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

/* Prepares the one-group or the all-groups form of a statement: no OR
 * that would keep SQLite from its index. */
static sqlite3_stmt *
prepare_either (CrStore    *self,
                gint64      group_id,
                const char *all,
                const char *one,
                GError    **error)
{
  sqlite3_stmt *stmt = _cr_store_prepare (self, group_id ? one : all, error);

  if (stmt != NULL && group_id)
    sqlite3_bind_int64 (stmt, 1, group_id);
  return stmt;
}

/**
 * cr_store_get_next_meeting:
 * @group_id: a group, or 0 for any
 * @on_date: ISO date: the first planned meeting on or after it
 *
 * Returns: (transfer full) (nullable): the meeting with its deadlines, or
 *   %NULL with no meeting planned (@error unset) or with @error set
 */
CrNextMeeting *
cr_store_get_next_meeting (CrStore    *self,
                           gint64      group_id,
                           const char *on_date,
                           GError    **error)
{
  g_autoptr (CrNextMeeting) next = NULL;
  g_autoptr (CrRules) rules = NULL;
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (on_date != NULL, NULL);

  stmt =
      prepare_either (self, group_id,
                      "SELECT m.id, m.group_id, g.name, m.date, m.start_time, "
                      "m.venue, m.kind, m.papers_sent_on FROM meetings m "
                      "JOIN groups g ON g.id = m.group_id "
                      "WHERE m.date >= ?2 AND m.status = 'planned' "
                      "ORDER BY m.date, m.start_time, m.id LIMIT 1",
                      "SELECT m.id, m.group_id, g.name, m.date, m.start_time, "
                      "m.venue, m.kind, m.papers_sent_on FROM meetings m "
                      "JOIN groups g ON g.id = m.group_id "
                      "WHERE m.group_id = ?1 AND m.date >= ?2 "
                      "AND m.status = 'planned' "
                      "ORDER BY m.date, m.start_time, m.id LIMIT 1",
                      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 2, on_date, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      next = g_new0 (CrNextMeeting, 1);
      next->id = sqlite3_column_int64 (stmt, 0);
      next->group_id = sqlite3_column_int64 (stmt, 1);
      next->group_name = dup_column (stmt, 2);
      next->date = dup_column (stmt, 3);
      next->start_time = dup_column (stmt, 4);
      next->venue = dup_column (stmt, 5);
      next->kind = dup_column (stmt, 6);
      next->papers_sent_on = dup_column (stmt, 7);
      rc = SQLITE_DONE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _ ("reading the meetings"));
      return NULL;
    }
  if (next == NULL)
    return NULL;

  /* The deadlines of the rules the meeting will be held under. */
  rules = cr_store_get_rules (self, next->group_id, next->date, error);
  if (rules == NULL)
    return NULL;
  cr_rules_meeting_deadlines (
      rules, next->date, g_strcmp0 (next->kind, "agm") == 0, &next->papers_by,
      &next->agenda_by, &next->notice_by);
  return g_steal_pointer (&next);
}

/**
 * cr_store_list_recent_decisions:
 * @group_id: a group, or 0 for all
 * @on_date: ISO date: decisions of meetings held on or before it
 * @limit: at most this many
 *
 * Returns: (transfer full) (element-type CrRecentDecision): the latest
 *   decisions first; %NULL with @error
 */
GPtrArray *
cr_store_list_recent_decisions (CrStore    *self,
                                gint64      group_id,
                                const char *on_date,
                                guint       limit,
                                GError    **error)
{
  g_autoptr (GPtrArray) out = NULL;
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = prepare_either (self, group_id,
                         "SELECT m.id, m.date, g.name, i.title, d.text, "
                         "d.outcome, d.quorate_at_time FROM meetings m "
                         "JOIN groups g ON g.id = m.group_id "
                         "JOIN agenda_items i ON i.meeting_id = m.id "
                         "JOIN decisions d ON d.item_id = i.id "
                         "WHERE m.date <= ?2 AND m.status = 'held' "
                         "ORDER BY m.date DESC, m.id DESC, i.position, d.id "
                         "LIMIT ?3",
                         "SELECT m.id, m.date, g.name, i.title, d.text, "
                         "d.outcome, d.quorate_at_time FROM meetings m "
                         "JOIN groups g ON g.id = m.group_id "
                         "JOIN agenda_items i ON i.meeting_id = m.id "
                         "JOIN decisions d ON d.item_id = i.id "
                         "WHERE m.group_id = ?1 AND m.date <= ?2 "
                         "AND m.status = 'held' "
                         "ORDER BY m.date DESC, m.id DESC, i.position, d.id "
                         "LIMIT ?3",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 2, on_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, (int) limit);
  out =
      g_ptr_array_new_with_free_func ((GDestroyNotify) cr_recent_decision_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrRecentDecision *d = g_new0 (CrRecentDecision, 1);

      d->meeting_id = sqlite3_column_int64 (stmt, 0);
      d->meeting_date = dup_column (stmt, 1);
      d->group_name = dup_column (stmt, 2);
      d->item = dup_column (stmt, 3);
      d->text = dup_column (stmt, 4);
      d->outcome = dup_column (stmt, 5);
      d->quorate = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (out, d);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _ ("reading the decisions"));
      return NULL;
    }
  return g_steal_pointer (&out);
}

/**
 * cr_store_list_open_actions:
 * @group_id: a group, or 0 for all
 * @limit: at most this many
 *
 * Returns: (transfer full) (element-type CrOpenAction): open and
 *   in-progress actions, the earliest due first, those with no date
 *   last; %NULL with @error
 */
GPtrArray *
cr_store_list_open_actions (CrStore *self,
                            gint64   group_id,
                            guint    limit,
                            GError **error)
{
  g_autoptr (GPtrArray) out = NULL;
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = prepare_either (self, group_id,
                         "SELECT a.id, a.meeting_id, g.name, a.description, "
                         "a.owner_person_id, coalesce(nullif(trim(p.given_name "
                         "|| ' ' || p.family_name), ''), a.owner_text), "
                         "a.due_date, a.status FROM actions a "
                         "JOIN meetings m ON m.id = a.meeting_id "
                         "JOIN groups g ON g.id = m.group_id "
                         "LEFT JOIN people p ON p.id = a.owner_person_id "
                         "WHERE a.status IN ('open', 'in-progress') "
                         "ORDER BY a.due_date IS NULL, a.due_date, a.id "
                         "LIMIT ?2",
                         "SELECT a.id, a.meeting_id, g.name, a.description, "
                         "a.owner_person_id, coalesce(nullif(trim(p.given_name "
                         "|| ' ' || p.family_name), ''), a.owner_text), "
                         "a.due_date, a.status FROM actions a "
                         "JOIN meetings m ON m.id = a.meeting_id "
                         "JOIN groups g ON g.id = m.group_id "
                         "LEFT JOIN people p ON p.id = a.owner_person_id "
                         "WHERE m.group_id = ?1 "
                         "AND a.status IN ('open', 'in-progress') "
                         "ORDER BY a.due_date IS NULL, a.due_date, a.id "
                         "LIMIT ?2",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 2, (int) limit);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_open_action_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrOpenAction *a = g_new0 (CrOpenAction, 1);

      a->id = sqlite3_column_int64 (stmt, 0);
      a->meeting_id = sqlite3_column_int64 (stmt, 1);
      a->group_name = dup_column (stmt, 2);
      a->description = dup_column (stmt, 3);
      a->owner_person_id = sqlite3_column_int64 (stmt, 4);
      a->owner = dup_column (stmt, 5);
      a->due_date = dup_column (stmt, 6);
      a->status = dup_column (stmt, 7);
      g_ptr_array_add (out, a);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _ ("reading the actions"));
      return NULL;
    }
  return g_steal_pointer (&out);
}
