/* cr-store-meetings.c: meetings, agendas, attendance, quorum, decisions and
 * actions
 *
 * Who a meeting expects is worked out from memberships on its date, never
 * stored: a register that someone joins or leaves stays right for every
 * meeting before and after. The quorum counts voting members of the group
 * on that date who are not suspended or excluded (by the group or by the
 * association as a whole) and who are marked present as members; guests
 * and officers never count. A decision keeps the outcome derived from its
 * votes and whether the meeting was quorate when it was recorded, so an
 * inquorate one shows as "to be ratified".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-store-meetings.h"

#include "cr-date.h"
#include "cr-store-meetings-private.h"
#include "cr-store-rules.h"

#include "cr-store-private.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

/* A sanction that bars person @who on ?3 from a meeting of group ?2, with
 * the association's group as ?4: a suspension running then or an
 * exclusion, unless overturned on appeal. */
#define BARRED(who) \
  "EXISTS (SELECT 1 FROM conduct c WHERE c.person_id = " who \
  " AND (c.kind = 'suspension' OR c.kind = 'exclusion')" \
  " AND c.start_date <= ?3 AND (c.end_date IS NULL OR c.end_date >= ?3)" \
  " AND c.appeal_outcome IS NOT 'overturned'" \
  " AND (c.group_id IS NULL OR c.group_id = ?2 OR c.group_id = ?4))"

#define MEETING_COLUMNS \
  "m.id, m.group_id, g.name, m.date, m.start_time, m.end_time, m.venue, " \
  "m.kind, m.status, m.papers_sent_on, m.minutes_circulated_on, " \
  "m.minutes_approved_at, m.notes, " \
  CR_QUORUM_IN_FORCE ("m.group_id", "m.date") " " \
  "FROM meetings m JOIN groups g ON g.id = m.group_id "

#define ITEM_COLUMNS \
  "id, meeting_id, position, title, proposer_id, proposed_on, standing, " \
  "is_aob, minutes FROM agenda_items "

#define ACTION_COLUMNS \
  "a.id, a.meeting_id, a.item_id, a.description, a.owner_person_id, " \
  "a.owner_text, a.due_date, a.status, a.outcome, a.done_on, " \
  "coalesce(trim(p.given_name || ' ' || p.family_name), a.owner_text), " \
  "m.date, m.group_id, g.name " \
  "FROM actions a JOIN meetings m ON m.id = a.meeting_id " \
  "JOIN groups g ON g.id = m.group_id " \
  "LEFT JOIN people p ON p.id = a.owner_person_id "

void
cr_expected_attendee_free (CrExpectedAttendee *attendee)
{
  if (attendee == NULL)
    return;
  g_free (attendee->given_name);
  g_free (attendee->family_name);
  g_free (attendee->name);
  g_free (attendee);
}

void
cr_attendance_record_free (CrAttendanceRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->name);
  g_free (record->family_name);
  g_free (record);
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static gboolean
check_date (const char  *date,
            gboolean     required,
            const char  *what,
            GError     **error)
{
  int y, m, d;
  char tail;

  if (is_empty (date) && !required)
    return TRUE;
  if (date != NULL && strlen (date) == 10 &&
      sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
      g_date_valid_dmy (d, m, y))
    return TRUE;
  g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
               _("The %s “%s” is not a real date."), what, date ? date : "");
  return FALSE;
}

static gboolean
check_time (const char  *time,
            const char  *what,
            GError     **error)
{
  if (is_empty (time) ||
      (strlen (time) == 5 && g_ascii_isdigit (time[0]) &&
       g_ascii_isdigit (time[1]) && time[2] == ':' &&
       g_ascii_isdigit (time[3]) && g_ascii_isdigit (time[4]) &&
       (time[0] - '0') * 10 + (time[1] - '0') < 24 &&
       (time[3] - '0') * 10 + (time[4] - '0') < 60))
    return TRUE;
  g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
               _("The %s “%s” is not a time; write it like 18:30."), what,
               time);
  return FALSE;
}

static gboolean
check_text (const char  *text,
            const char  *message,
            GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));

  if (*copy != '\0')
    return TRUE;
  g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID, message);
  return FALSE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (is_empty (text))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
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
                 _("The file refused this while %s: %s."), doing,
                 sqlite3_errmsg (_cr_store_get_db (self)));
  else
    _cr_store_set_error (self, error, rc, doing);
  return FALSE;
}

static gboolean
check_changed (CrStore     *self,
               const char  *missing,
               GError     **error)
{
  if (sqlite3_changes (_cr_store_get_db (self)) > 0)
    return TRUE;
  g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                       missing);
  return FALSE;
}

static gboolean
finish_read (CrStore     *self,
             sqlite3_stmt *stmt,
             int          rc,
             const char  *doing,
             GError     **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  _cr_store_set_error (self, error, rc, doing);
  return FALSE;
}

/* ---- quorum ---------------------------------------------------------- */

/* The quorum rule a meeting of @group_id on @date is judged by, from
 * @text (CR_QUORUM_IN_FORCE's value). Tiers by households are resolved
 * with the rest of the rules in force then, which say how many
 * households the group covers. Anything unreadable falls back to
 * CR_QUORUM_DEFAULT with a warning, never a failure: a meeting can always
 * be shown. */
void
_cr_store_quorum_rule (CrStore      *self,
                       gint64        group_id,
                       const char   *date,
                       const char   *text,
                       CrQuorumRule *rule)
{
  g_autoptr (GError) error = NULL;

  if (text != NULL && g_str_has_prefix (text, "tiers"))
    {
      g_autoptr (CrRules) rules = cr_store_get_rules (self, group_id, date,
                                                      &error);

      if (rules != NULL)
        {
          *rule = rules->quorum;
          return;
        }
      g_warning ("The rules in force on %s can’t be read: %s", date,
                 error->message);
    }
  else if (text != NULL && cr_quorum_rule_parse (text, rule, &error))
    return;
  else if (text != NULL)
    g_warning ("A stored quorum is not a rule: %s", error->message);
  cr_quorum_rule_parse (CR_QUORUM_DEFAULT, rule, NULL);
}

/* Counts, for a meeting of @group_id on @date: all marks recorded, the
 * voting members who may take part, and those of them present. */
static gboolean
count_voting (CrStore     *self,
              gint64       meeting_id,
              gint64       group_id,
              const char  *date,
              guint       *n_marks,
              guint       *voting_members,
              guint       *voting_present,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cr_store_prepare (self,
                            "SELECT (SELECT count(*) FROM attendance "
                            "WHERE meeting_id = ?1), count(v.person_id), "
                            "coalesce(sum(a.mark = 'present' "
                            "AND a.role = 'member'), 0) "
                            "FROM (SELECT DISTINCT ms.person_id "
                            "FROM memberships ms WHERE ms.group_id = ?2 "
                            "AND ms.kind = 'voting' AND ms.start_date <= ?3 "
                            "AND (ms.end_date IS NULL OR ms.end_date >= ?3) "
                            "AND NOT " BARRED ("ms.person_id") ") v "
                            "LEFT JOIN attendance a ON a.meeting_id = ?1 "
                            "AND a.person_id = v.person_id",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, group_id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, cr_store_get_association_group (self));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *n_marks = sqlite3_column_int (stmt, 0);
      *voting_members = sqlite3_column_int (stmt, 1);
      *voting_present = sqlite3_column_int (stmt, 2);
      sqlite3_reset (stmt);
      return TRUE;
    }
  sqlite3_reset (stmt);
  _cr_store_set_error (self, error, rc, _("counting the quorum"));
  return FALSE;
}

static gboolean
fill_quorum (CrStore     *self,
             CrMeeting   *meeting,
             const char  *rule_text,
             GError     **error)
{
  CrQuorumRule rule;
  guint n_marks = 0;

  if (!count_voting (self, meeting->id, meeting->group_id, meeting->date,
                     &n_marks, &meeting->voting_members,
                     &meeting->voting_present, error))
    return FALSE;
  _cr_store_quorum_rule (self, meeting->group_id, meeting->date, rule_text,
                         &rule);
  meeting->quorum_required = cr_quorum_required (&rule, meeting->voting_members);
  if (meeting->status != CR_MEETING_STATUS_HELD || n_marks == 0)
    meeting->quorate = CR_QUORATE_UNKNOWN;
  else if (meeting->voting_present >= meeting->quorum_required)
    meeting->quorate = CR_QUORATE_YES;
  else
    meeting->quorate = CR_QUORATE_NO;
  return TRUE;
}

/* ---- meetings -------------------------------------------------------- */

static gboolean
check_meeting (const CrMeeting  *meeting,
               GError          **error)
{
  if (meeting->group_id <= 0)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _("Say which group the meeting is of."));
      return FALSE;
    }
  if (!check_date (meeting->date, TRUE, _("meeting date"), error) ||
      !check_time (meeting->start_time, _("start time"), error) ||
      !check_time (meeting->end_time, _("end time"), error) ||
      !check_date (meeting->papers_sent_on, FALSE, _("date the papers were sent"),
                   error) ||
      !check_date (meeting->minutes_circulated_on, FALSE,
                   _("date the minutes were circulated"), error))
    return FALSE;
  if (!is_empty (meeting->start_time) && !is_empty (meeting->end_time) &&
      strcmp (meeting->end_time, meeting->start_time) < 0)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _("The meeting ends before it starts."));
      return FALSE;
    }
  if (meeting->id > 0 && meeting->minutes_approved_at == meeting->id)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _("A meeting’s minutes are approved at a later "
                             "meeting, not at the meeting itself."));
      return FALSE;
    }
  return TRUE;
}

static void
bind_meeting (sqlite3_stmt    *stmt,
              const CrMeeting *meeting)
{
  sqlite3_bind_int64 (stmt, 1, meeting->group_id);
  sqlite3_bind_text (stmt, 2, meeting->date, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 3, meeting->start_time);
  bind_text_or_null (stmt, 4, meeting->end_time);
  bind_text_or_null (stmt, 5, meeting->venue);
  sqlite3_bind_text (stmt, 6, cr_meeting_kind_to_string (meeting->kind), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, cr_meeting_status_to_string (meeting->status),
                     -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 8, meeting->papers_sent_on);
  bind_text_or_null (stmt, 9, meeting->minutes_circulated_on);
  bind_id_or_null (stmt, 10, meeting->minutes_approved_at);
  bind_text_or_null (stmt, 11, meeting->notes);
}

/**
 * cr_store_add_meeting:
 * @meeting: the meeting; its id and quorum figures are ignored
 *
 * Returns: the new meeting's id, or 0 with @error set
 */
gint64
cr_store_add_meeting (CrStore          *self,
                      const CrMeeting  *meeting,
                      GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail (meeting != NULL, 0);
  g_return_val_if_fail ((guint) meeting->kind <= CR_MEETING_KIND_SUB_GROUP, 0);
  g_return_val_if_fail ((guint) meeting->status <= CR_MEETING_STATUS_CANCELLED, 0);

  if (!_cr_store_require_write (self, error) || !check_meeting (meeting, error))
    return 0;
  stmt = _cr_store_prepare (self,
                            "INSERT INTO meetings (group_id, date, start_time, "
                            "end_time, venue, kind, status, papers_sent_on, "
                            "minutes_circulated_on, minutes_approved_at, notes) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                            "?11)",
                            error);
  if (stmt == NULL)
    return 0;
  bind_meeting (stmt, meeting);
  if (!step_write (self, stmt,
                   _("That group, or the meeting that approved the minutes, "
                     "is no longer in the file."),
                   _("adding the meeting"), error))
    return 0;
  return sqlite3_last_insert_rowid (_cr_store_get_db (self));
}

/**
 * cr_store_update_meeting:
 * @meeting: the meeting as it should now be, by its id
 *
 * Saves every field of the meeting at once.
 */
gboolean
cr_store_update_meeting (CrStore          *self,
                         const CrMeeting  *meeting,
                         GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (meeting != NULL, FALSE);
  g_return_val_if_fail ((guint) meeting->kind <= CR_MEETING_KIND_SUB_GROUP, FALSE);
  g_return_val_if_fail ((guint) meeting->status <= CR_MEETING_STATUS_CANCELLED, FALSE);

  if (!_cr_store_require_write (self, error) || !check_meeting (meeting, error))
    return FALSE;
  stmt = _cr_store_prepare (self,
                            "UPDATE meetings SET group_id = ?1, date = ?2, "
                            "start_time = ?3, end_time = ?4, venue = ?5, "
                            "kind = ?6, status = ?7, papers_sent_on = ?8, "
                            "minutes_circulated_on = ?9, "
                            "minutes_approved_at = ?10, notes = ?11 "
                            "WHERE id = ?12",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_meeting (stmt, meeting);
  sqlite3_bind_int64 (stmt, 12, meeting->id);
  return step_write (self, stmt,
                     _("That group, or the meeting that approved the minutes, "
                       "is no longer in the file."),
                     _("saving the meeting"), error) &&
         check_changed (self, _("That meeting is no longer in the file."),
                        error);
}

static CrMeeting *
meeting_from_row (sqlite3_stmt *stmt)
{
  CrMeeting *m = cr_meeting_new ();

  m->id = sqlite3_column_int64 (stmt, 0);
  m->group_id = sqlite3_column_int64 (stmt, 1);
  m->group_name = dup_column (stmt, 2);
  m->date = dup_column (stmt, 3);
  m->start_time = dup_column (stmt, 4);
  m->end_time = dup_column (stmt, 5);
  m->venue = dup_column (stmt, 6);
  cr_meeting_kind_from_string (column_text (stmt, 7), &m->kind);
  cr_meeting_status_from_string (column_text (stmt, 8), &m->status);
  m->papers_sent_on = dup_column (stmt, 9);
  m->minutes_circulated_on = dup_column (stmt, 10);
  m->minutes_approved_at = sqlite3_column_int64 (stmt, 11);
  m->notes = dup_column (stmt, 12);
  return m;
}

/**
 * cr_store_get_meeting:
 *
 * Returns: (transfer full) (nullable): the meeting with its quorum
 *   figures, or %NULL with %CR_STORE_ERROR_NOT_FOUND
 */
CrMeeting *
cr_store_get_meeting (CrStore  *self,
                      gint64    meeting_id,
                      GError  **error)
{
  g_autoptr (CrMeeting) meeting = NULL;
  g_autofree char *rule = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT " MEETING_COLUMNS "WHERE m.id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      meeting = meeting_from_row (stmt);
      rule = dup_column (stmt, 13);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                   _("There is no meeting number %lld."),
                   (long long) meeting_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _cr_store_set_error (self, error, rc, _("reading the meeting"));
      return NULL;
    }
  if (!fill_quorum (self, meeting, rule, error))
    return NULL;
  return g_steal_pointer (&meeting);
}

/**
 * cr_store_delete_meeting:
 *
 * Deletes the meeting with its agenda, attendance, decisions and actions;
 * a meeting that approved its minutes no longer says so.
 */
gboolean
cr_store_delete_meeting (CrStore  *self,
                         gint64    meeting_id,
                         GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error))
    return FALSE;
  stmt = _cr_store_prepare (self, "DELETE FROM meetings WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  return step_write (self, stmt, _("Something still refers to this meeting."),
                     _("deleting the meeting"), error) &&
         check_changed (self, _("That meeting is no longer in the file."),
                        error);
}

/* The meeting, keeping its quorum rule text in @user_data for the counts
 * made once the list is read. */
static gpointer
meeting_and_rules_from_row (sqlite3_stmt *stmt,
                            gpointer      user_data)
{
  g_ptr_array_add (user_data, dup_column (stmt, 13));
  return meeting_from_row (stmt);
}

static GPtrArray *
list_meetings (CrStore   *self,
               gint64     group_id,
               gboolean   quorum,
               GError   **error)
{
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) cr_meeting_free);
  g_autoptr (GPtrArray) rules = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  if (group_id > 0)
    stmt = _cr_store_prepare (self,
                              "SELECT " MEETING_COLUMNS "WHERE m.group_id = ?1 "
                              "ORDER BY m.date, m.start_time, m.id",
                              error);
  else
    stmt = _cr_store_prepare (self,
                              "SELECT " MEETING_COLUMNS
                              "ORDER BY m.date, m.start_time, m.id",
                              error);
  if (stmt == NULL)
    return NULL;
  if (group_id > 0)
    sqlite3_bind_int64 (stmt, 1, group_id);
  if (!_cr_store_collect (self, stmt, meeting_and_rules_from_row, rules, list,
                          _("reading the meetings"), error))
    return NULL;

  /* The counts run once the list is read, so that no statement is stepped
   * inside another's loop. */
  for (guint i = 0; quorum && i < list->len; i++)
    if (!fill_quorum (self, g_ptr_array_index (list, i),
                      g_ptr_array_index (rules, i), error))
      return NULL;
  return g_steal_pointer (&list);
}

/**
 * cr_store_list_meetings:
 * @group_id: a group, or 0 for every group's
 *
 * Returns: (transfer full) (element-type CrMeeting): the meetings in date
 *   order, each with its quorum figures
 */
GPtrArray *
cr_store_list_meetings (CrStore  *self,
                        gint64    group_id,
                        GError  **error)
{
  return list_meetings (self, group_id, TRUE, error);
}

/**
 * cr_store_list_meetings_brief:
 * @group_id: a group, or 0 for every group's
 *
 * As cr_store_list_meetings(), without the quorum figures (quorate is
 * unknown): counting them costs some 0.2 ms a meeting, seconds for a
 * federation's file, when a list shows only a page of them at once.
 * cr_store_get_meeting() gives one meeting's figures.
 *
 * Returns: (transfer full) (element-type CrMeeting): the meetings in date
 *   order
 */
GPtrArray *
cr_store_list_meetings_brief (CrStore  *self,
                              gint64    group_id,
                              GError  **error)
{
  return list_meetings (self, group_id, FALSE, error);
}

/* Keeps the row's id in the GArray @user_data. */
static gpointer
id_from_row (sqlite3_stmt *stmt,
             gpointer      user_data)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);

  g_array_append_val ((GArray *) user_data, id);
  return NULL;
}

static GArray *
collect_ids (CrStore      *self,
             sqlite3_stmt *stmt,
             const char   *doing,
             GError      **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!_cr_store_collect (self, stmt, id_from_row, ids, NULL, doing, error))
    return NULL;
  return g_steal_pointer (&ids);
}

/**
 * cr_store_list_meeting_ids:
 * @group_id: a group, or 0 for every group's
 *
 * For a list model that builds each meeting as it is shown.
 *
 * Returns: (transfer full) (element-type gint64): the meetings' ids in date
 *   order
 */
GArray *
cr_store_list_meeting_ids (CrStore  *self,
                           gint64    group_id,
                           GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  if (group_id > 0)
    stmt = _cr_store_prepare (self,
                              "SELECT id FROM meetings WHERE group_id = ?1 "
                              "ORDER BY date, start_time, id",
                              error);
  else
    stmt = _cr_store_prepare (self,
                              "SELECT id FROM meetings "
                              "ORDER BY date, start_time, id",
                              error);
  if (stmt == NULL)
    return NULL;
  if (group_id > 0)
    sqlite3_bind_int64 (stmt, 1, group_id);
  return collect_ids (self, stmt, _("reading the meetings"), error);
}

/**
 * cr_store_set_group_quorum:
 * @rule: (nullable): a rule cr_quorum_rule_parse() reads ("4", "50%",
 *   "min(10,33%)", "none"), or %NULL for the default, CR_QUORUM_DEFAULT
 *
 * Keeps the rule in its usual form.
 */
gboolean
cr_store_set_group_quorum (CrStore     *self,
                           gint64       group_id,
                           const char  *rule,
                           GError     **error)
{
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error))
    return FALSE;
  if (!is_empty (rule))
    {
      CrQuorumRule parsed;
      GError *local = NULL;

      if (!cr_quorum_rule_parse (rule, &parsed, &local))
        {
          g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                               local->message);
          g_error_free (local);
          return FALSE;
        }
      text = cr_quorum_rule_to_string (&parsed);
    }

  stmt = _cr_store_prepare (self,
                            "UPDATE groups SET quorum = ?2 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  bind_text_or_null (stmt, 2, text);
  return step_write (self, stmt, _("That group is no longer in the file."),
                     _("saving the quorum"), error) &&
         check_changed (self, _("That group is no longer in the file."), error);
}

/**
 * cr_store_get_group_quorum:
 *
 * Returns: (transfer full) (nullable): the group's quorum rule, or
 *   CR_QUORUM_DEFAULT if it has none; %NULL with @error set
 */
char *
cr_store_get_group_quorum (CrStore  *self,
                           gint64    group_id,
                           GError  **error)
{
  sqlite3_stmt *stmt;
  char *rule = NULL;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self, "SELECT quorum FROM groups WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    rule = g_strdup (column_text (stmt, 0) ? column_text (stmt, 0)
                                           : CR_QUORUM_DEFAULT);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                         _("That group is no longer in the file."));
  else
    _cr_store_set_error (self, error, rc, _("reading the quorum"));
  sqlite3_reset (stmt);
  return rule;
}

/**
 * cr_store_get_quorum_in_force:
 * @group_id: a group
 * @date: ISO date of one of its meetings
 *
 * A meeting is judged by the rules in force on its date, not today's:
 * the quorum of the terms of reference adopted last on or before @date,
 * or the group's own quorum where they don't say.
 *
 * Returns: (transfer full) (nullable): the rule, CR_QUORUM_DEFAULT if the
 *   group has none; %NULL with @error set
 */
char *
cr_store_get_quorum_in_force (CrStore     *self,
                              gint64       group_id,
                              const char  *date,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  char *rule = NULL;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT " CR_QUORUM_IN_FORCE ("g.id", "?2") " "
                            "FROM groups g WHERE g.id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    rule = g_strdup (column_text (stmt, 0) ? column_text (stmt, 0)
                                           : CR_QUORUM_DEFAULT);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                         _("That group is no longer in the file."));
  else
    _cr_store_set_error (self, error, rc, _("reading the quorum"));
  sqlite3_reset (stmt);
  return rule;
}

/**
 * cr_store_get_meeting_offices:
 * @meeting_id: a meeting
 *
 * Who held an office at the meeting, for the minutes to name them by
 * title ("Jane Smith (Chair)"): the offices of the meeting's group held on
 * its date, and at a committee's meeting those of the association too,
 * whose officers sit on its committee. Someone with two offices has both,
 * the group's own first.
 *
 * Returns: (transfer full) (nullable): person id (gint64 *) → titles
 *   ("Chair", "Secretary, Treasurer"); %NULL with @error set
 */
GHashTable *
cr_store_get_meeting_offices (CrStore  *self,
                              gint64    meeting_id,
                              GError  **error)
{
  g_autoptr (GHashTable) offices = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  offices = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  stmt = _cr_store_prepare (self,
                            "SELECT o.person_id, o.role FROM meetings m "
                            "JOIN groups g ON g.id = m.group_id "
                            "JOIN offices o ON (o.group_id = m.group_id "
                            "OR (g.kind = 'committee' AND o.group_id = ?2)) "
                            "AND o.start_date <= m.date "
                            "AND (o.end_date IS NULL OR o.end_date >= m.date) "
                            "WHERE m.id = ?1 "
                            "ORDER BY o.person_id, o.group_id != m.group_id, "
                            "o.start_date, o.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, cr_store_get_association_group (self));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 person = sqlite3_column_int64 (stmt, 0);
      const char *role = column_text (stmt, 1);
      char *had = g_hash_table_lookup (offices, &person);

      if (had == NULL)
        g_hash_table_insert (offices, g_memdup2 (&person, sizeof person),
                             g_strdup (role));
      /* The same title in the group and the association is said once. */
      else if (g_ascii_strcasecmp (had, role) != 0)
        g_hash_table_insert (offices, g_memdup2 (&person, sizeof person),
                             g_strconcat (had, ", ", role, NULL));
    }
  if (!finish_read (self, stmt, rc, _("reading the officers"), error))
    return NULL;
  return g_steal_pointer (&offices);
}

/* ---- agendas --------------------------------------------------------- */

static gpointer
item_from_row (sqlite3_stmt *stmt,
               gpointer      user_data)
{
  CrAgendaItem *item = cr_agenda_item_new ();

  item->id = sqlite3_column_int64 (stmt, 0);
  item->meeting_id = sqlite3_column_int64 (stmt, 1);
  item->position = sqlite3_column_int (stmt, 2);
  item->title = dup_column (stmt, 3);
  item->proposer_id = sqlite3_column_int64 (stmt, 4);
  item->proposed_on = dup_column (stmt, 5);
  item->standing = sqlite3_column_int (stmt, 6);
  item->is_aob = sqlite3_column_int (stmt, 7);
  item->minutes = dup_column (stmt, 8);
  return item;
}

static CrAgendaItem *
get_item (CrStore  *self,
          gint64    item_id,
          GError  **error)
{
  CrAgendaItem *item = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cr_store_prepare (self, "SELECT " ITEM_COLUMNS "WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    item = item_from_row (stmt, NULL);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                         _("That agenda item is no longer in the file."));
  else
    _cr_store_set_error (self, error, rc, _("reading the agenda"));
  sqlite3_reset (stmt);
  return item;
}

/* The last ordinary item's position (0 if none) and any other business's
 * (0 if none). */
static gboolean
agenda_ends (CrStore  *self,
             gint64    meeting_id,
             guint    *last,
             guint    *aob,
             GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cr_store_prepare (self,
                            "SELECT coalesce(max(CASE WHEN is_aob = 0 "
                            "THEN position END), 0), "
                            "coalesce(max(CASE WHEN is_aob = 1 "
                            "THEN position END), 0) "
                            "FROM agenda_items WHERE meeting_id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *last = sqlite3_column_int (stmt, 0);
      *aob = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  _cr_store_set_error (self, error, rc, _("reading the agenda"));
  return FALSE;
}

static gboolean
move_aob (CrStore  *self,
          gint64    meeting_id,
          guint     position,
          GError  **error)
{
  sqlite3_stmt *stmt;

  stmt = _cr_store_prepare (self,
                            "UPDATE agenda_items SET position = ?2 "
                            "WHERE meeting_id = ?1 AND is_aob = 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int (stmt, 2, position);
  return _cr_store_step_done (self, stmt, error);
}

static gint64
insert_item (CrStore            *self,
             const CrAgendaItem *item,
             guint               position,
             GError            **error)
{
  sqlite3_stmt *stmt;

  stmt = _cr_store_prepare (self,
                            "INSERT INTO agenda_items (meeting_id, position, "
                            "title, proposer_id, proposed_on, standing, "
                            "is_aob, minutes) VALUES (?1, ?2, trim(?3), ?4, "
                            "?5, ?6, ?7, ?8)",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, item->meeting_id);
  sqlite3_bind_int (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, item->title, -1, SQLITE_TRANSIENT);
  bind_id_or_null (stmt, 4, item->proposer_id);
  bind_text_or_null (stmt, 5, item->proposed_on);
  sqlite3_bind_int (stmt, 6, item->standing ? 1 : 0);
  sqlite3_bind_int (stmt, 7, item->is_aob ? 1 : 0);
  bind_text_or_null (stmt, 8, item->minutes);
  if (!step_write (self, stmt,
                   _("That meeting, or the person proposing the item, is no "
                     "longer in the file."),
                   _("adding the agenda item"), error))
    return 0;
  return sqlite3_last_insert_rowid (_cr_store_get_db (self));
}

/**
 * cr_store_add_agenda_item:
 * @item: the item; its id and position are ignored
 *
 * Adds @item at the end of its meeting's agenda, before any other
 * business; any other business itself goes last, and an agenda has it
 * once.
 *
 * Returns: the new item's id, or 0 with @error set
 */
gint64
cr_store_add_agenda_item (CrStore             *self,
                          const CrAgendaItem  *item,
                          GError             **error)
{
  guint last = 0, aob = 0;
  gint64 id;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail (item != NULL, 0);

  if (!_cr_store_require_write (self, error) ||
      !check_text (item->title, _("An agenda item needs a title."), error) ||
      !check_date (item->proposed_on, FALSE, _("date the item was proposed"),
                   error))
    return 0;
  if (!cr_store_begin (self, error))
    return 0;
  if (!agenda_ends (self, item->meeting_id, &last, &aob, error))
    goto fail;

  if (item->is_aob)
    {
      if (aob > 0)
        {
          g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_EXISTS,
                               _("This agenda already ends with any other "
                                 "business."));
          goto fail;
        }
      id = insert_item (self, item, last + 1, error);
    }
  else
    {
      /* Any other business moves down to make room. */
      if (aob > 0 && !move_aob (self, item->meeting_id, last + 2, error))
        goto fail;
      id = insert_item (self, item, last + 1, error);
    }
  if (id == 0 || !cr_store_commit (self, error))
    goto fail;
  return id;

fail:
  cr_store_rollback (self);
  return 0;
}

/**
 * cr_store_update_agenda_item:
 * @item: the item as it should now be, by its id: its title, proposer,
 *   date proposed, whether it is standing, and its minute. Its place and
 *   whether it is any other business don't change here.
 */
gboolean
cr_store_update_agenda_item (CrStore             *self,
                             const CrAgendaItem  *item,
                             GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (!_cr_store_require_write (self, error) ||
      !check_text (item->title, _("An agenda item needs a title."), error) ||
      !check_date (item->proposed_on, FALSE, _("date the item was proposed"),
                   error))
    return FALSE;
  stmt = _cr_store_prepare (self,
                            "UPDATE agenda_items SET title = trim(?2), "
                            "proposer_id = ?3, proposed_on = ?4, "
                            "standing = ?5, minutes = ?6 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->id);
  sqlite3_bind_text (stmt, 2, item->title, -1, SQLITE_TRANSIENT);
  bind_id_or_null (stmt, 3, item->proposer_id);
  bind_text_or_null (stmt, 4, item->proposed_on);
  sqlite3_bind_int (stmt, 5, item->standing ? 1 : 0);
  bind_text_or_null (stmt, 6, item->minutes);
  return step_write (self, stmt,
                     _("The person proposing the item is no longer in the "
                       "file."),
                     _("saving the agenda item"), error) &&
         check_changed (self, _("That agenda item is no longer in the file."),
                        error);
}

/**
 * cr_store_move_agenda_item:
 * @direction: -1 to move the item up the agenda, 1 to move it down
 *
 * Swaps the item with its neighbour. An item already first, or just above
 * any other business, stays where it is; any other business itself can't
 * be moved (%CR_STORE_ERROR_INVALID).
 */
gboolean
cr_store_move_agenda_item (CrStore  *self,
                           gint64    item_id,
                           int       direction,
                           GError  **error)
{
  g_autoptr (CrAgendaItem) item = NULL;
  sqlite3_stmt *stmt;
  gint64 other_id = 0;
  guint other_position = 0;
  gboolean other_aob = FALSE;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (direction == -1 || direction == 1, FALSE);

  if (!_cr_store_require_write (self, error))
    return FALSE;
  item = get_item (self, item_id, error);
  if (item == NULL)
    return FALSE;
  if (item->is_aob)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _("Any other business always comes last."));
      return FALSE;
    }

  if (direction < 0)
    stmt = _cr_store_prepare (self,
                              "SELECT id, position, is_aob FROM agenda_items "
                              "WHERE meeting_id = ?1 AND position < ?2 "
                              "ORDER BY position DESC LIMIT 1",
                              error);
  else
    stmt = _cr_store_prepare (self,
                              "SELECT id, position, is_aob FROM agenda_items "
                              "WHERE meeting_id = ?1 AND position > ?2 "
                              "ORDER BY position LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->meeting_id);
  sqlite3_bind_int (stmt, 2, item->position);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      other_id = sqlite3_column_int64 (stmt, 0);
      other_position = sqlite3_column_int (stmt, 1);
      other_aob = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _("reading the agenda"));
      return FALSE;
    }
  if (other_id == 0 || other_aob)
    return TRUE;

  /* One statement, so the two never share a place even for a moment. */
  stmt = _cr_store_prepare (self,
                            "UPDATE agenda_items SET position = CASE id "
                            "WHEN ?1 THEN ?4 ELSE ?3 END "
                            "WHERE id = ?1 OR id = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->id);
  sqlite3_bind_int64 (stmt, 2, other_id);
  sqlite3_bind_int (stmt, 3, item->position);
  sqlite3_bind_int (stmt, 4, other_position);
  return _cr_store_step_done (self, stmt, error);
}

/**
 * cr_store_delete_agenda_item:
 *
 * Deletes the item and the decisions recorded on it; its actions stay with
 * the meeting. The items below it move up.
 */
gboolean
cr_store_delete_agenda_item (CrStore  *self,
                             gint64    item_id,
                             GError  **error)
{
  g_autoptr (CrAgendaItem) item = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error))
    return FALSE;
  item = get_item (self, item_id, error);
  if (item == NULL || !cr_store_begin (self, error))
    return FALSE;

  stmt = _cr_store_prepare (self, "DELETE FROM agenda_items WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, item_id);
  if (!step_write (self, stmt, _("Something still refers to this item."),
                   _("deleting the agenda item"), error))
    goto fail;
  stmt = _cr_store_prepare (self,
                            "UPDATE agenda_items SET position = position - 1 "
                            "WHERE meeting_id = ?1 AND position > ?2",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, item->meeting_id);
  sqlite3_bind_int (stmt, 2, item->position);
  if (!_cr_store_step_done (self, stmt, error) ||
      !cr_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  cr_store_rollback (self);
  return FALSE;
}

/**
 * cr_store_list_agenda:
 *
 * Returns: (transfer full) (element-type CrAgendaItem): the meeting's
 *   agenda in order, any other business last
 */
GPtrArray *
cr_store_list_agenda (CrStore  *self,
                      gint64    meeting_id,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT " ITEM_COLUMNS "WHERE meeting_id = ?1 "
                            "ORDER BY is_aob, position, id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  return _cr_store_collect_new (self, stmt, item_from_row,
                                (GDestroyNotify) cr_agenda_item_free,
                                _("reading the agenda"), error);
}

/* The group's meeting before @meeting_id that wasn't cancelled, or 0. */
static gboolean
previous_meeting (CrStore  *self,
                  gint64    meeting_id,
                  gint64   *previous,
                  GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cr_store_prepare (self,
                            "SELECT p.id FROM meetings m JOIN meetings p "
                            "ON p.group_id = m.group_id "
                            "AND (p.date < m.date OR (p.date = m.date "
                            "AND p.id < m.id)) AND p.status <> 'cancelled' "
                            "WHERE m.id = ?1 ORDER BY p.date DESC, p.id DESC "
                            "LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  rc = sqlite3_step (stmt);
  *previous = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;
  _cr_store_set_error (self, error, rc, _("reading the meetings"));
  return FALSE;
}

/**
 * cr_store_copy_standing_items:
 * @n_copied: (out) (optional): how many items were added
 *
 * Puts the standing items of the group's previous meeting (apologies,
 * minutes of the last meeting …) at the top of this meeting's agenda, in
 * their order, and any other business at the end if it was standing.
 * Items whose title is already on the agenda are not added twice; a first
 * meeting has nothing to copy.
 */
gboolean
cr_store_copy_standing_items (CrStore  *self,
                              gint64    meeting_id,
                              guint    *n_copied,
                              GError  **error)
{
  g_autoptr (GPtrArray) from = NULL;
  g_autoptr (GPtrArray) here = NULL;
  g_autoptr (GPtrArray) wanted = g_ptr_array_new ();
  CrAgendaItem *aob = NULL;
  gboolean have_aob = FALSE;
  gint64 previous = 0;
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (n_copied != NULL)
    *n_copied = 0;
  if (!_cr_store_require_write (self, error) ||
      !previous_meeting (self, meeting_id, &previous, error))
    return FALSE;
  if (previous == 0)
    return TRUE;
  from = cr_store_list_agenda (self, previous, error);
  here = from ? cr_store_list_agenda (self, meeting_id, error) : NULL;
  if (here == NULL)
    return FALSE;

  for (guint i = 0; i < from->len; i++)
    {
      CrAgendaItem *item = g_ptr_array_index (from, i);
      gboolean present = FALSE;

      if (!item->standing)
        continue;
      for (guint j = 0; j < here->len && !present; j++)
        {
          CrAgendaItem *mine = g_ptr_array_index (here, j);

          present = (item->is_aob && mine->is_aob) ||
                    g_utf8_collate (item->title, mine->title) == 0;
          have_aob |= mine->is_aob;
        }
      if (present)
        continue;
      if (item->is_aob)
        aob = item;
      else
        g_ptr_array_add (wanted, item);
    }

  if (!cr_store_begin (self, error))
    return FALSE;
  if (wanted->len > 0)
    {
      stmt = _cr_store_prepare (self,
                                "UPDATE agenda_items SET position = "
                                "position + ?2 WHERE meeting_id = ?1",
                                error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      sqlite3_bind_int (stmt, 2, wanted->len);
      if (!_cr_store_step_done (self, stmt, error))
        goto fail;
    }
  for (guint i = 0; i < wanted->len; i++)
    {
      CrAgendaItem copy = *(CrAgendaItem *) g_ptr_array_index (wanted, i);

      copy.meeting_id = meeting_id;
      copy.minutes = NULL;
      if (insert_item (self, &copy, i + 1, error) == 0)
        goto fail;
      n++;
    }
  if (aob != NULL && !have_aob)
    {
      CrAgendaItem copy = *aob;

      copy.meeting_id = meeting_id;
      copy.minutes = NULL;
      if (cr_store_add_agenda_item (self, &copy, error) == 0)
        goto fail;
      n++;
    }
  if (!cr_store_commit (self, error))
    goto fail;
  if (n_copied != NULL)
    *n_copied = n;
  return TRUE;

fail:
  cr_store_rollback (self);
  return FALSE;
}

/* ---- attendance ------------------------------------------------------ */

/**
 * cr_store_set_attendance:
 * @mark: present, apologies or absent (never %CR_ATTENDANCE_NONE: see
 *   cr_store_clear_attendance())
 * @role: in what capacity: a member, a guest or an officer
 *
 * Records one person's mark for one meeting, replacing any mark they had:
 * one call a click on the register.
 */
gboolean
cr_store_set_attendance (CrStore           *self,
                         gint64             meeting_id,
                         gint64             person_id,
                         CrAttendanceMark   mark,
                         CrAttendeeRole     role,
                         GError           **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (mark >= CR_ATTENDANCE_PRESENT &&
                        mark <= CR_ATTENDANCE_ABSENT, FALSE);
  g_return_val_if_fail ((guint) role <= CR_ATTENDEE_OFFICER, FALSE);

  if (!_cr_store_require_write (self, error))
    return FALSE;
  stmt = _cr_store_prepare (self,
                            "INSERT INTO attendance (meeting_id, person_id, "
                            "mark, role) VALUES (?1, ?2, ?3, ?4) "
                            "ON CONFLICT (meeting_id, person_id) DO UPDATE "
                            "SET mark = excluded.mark, role = excluded.role",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_text (stmt, 3, cr_attendance_mark_to_string (mark), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, cr_attendee_role_to_string (role), -1,
                     SQLITE_STATIC);
  return step_write (self, stmt,
                     _("That meeting or person is no longer in the file."),
                     _("saving the attendance"), error);
}

/**
 * cr_store_clear_attendance:
 *
 * Takes away the person's mark for the meeting, if they had one.
 */
gboolean
cr_store_clear_attendance (CrStore  *self,
                           gint64    meeting_id,
                           gint64    person_id,
                           GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error))
    return FALSE;
  stmt = _cr_store_prepare (self,
                            "DELETE FROM attendance WHERE meeting_id = ?1 "
                            "AND person_id = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  return _cr_store_step_done (self, stmt, error);
}

/* The group and date of a meeting. */
static gboolean
meeting_group_date (CrStore  *self,
                    gint64    meeting_id,
                    gint64   *group_id,
                    char    **date,
                    GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cr_store_prepare (self,
                            "SELECT group_id, date FROM meetings WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *group_id = sqlite3_column_int64 (stmt, 0);
      *date = dup_column (stmt, 1);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                 _("There is no meeting number %lld."), (long long) meeting_id);
  else
    _cr_store_set_error (self, error, rc, _("reading the meeting"));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

static char *
spoken_name (const char *given,
             const char *family)
{
  if (given == NULL || *given == '\0')
    return g_strdup (family ? family : "");
  if (family == NULL || *family == '\0')
    return g_strdup (given);
  return g_strdup_printf ("%s %s", given, family);
}

static gpointer
expected_from_row (sqlite3_stmt *stmt,
                   gpointer      user_data)
{
  CrExpectedAttendee *e = g_new0 (CrExpectedAttendee, 1);
  const char *sanction = column_text (stmt, 6);

  e->person_id = sqlite3_column_int64 (stmt, 0);
  e->given_name = dup_column (stmt, 1);
  e->family_name = dup_column (stmt, 2);
  e->name = spoken_name (e->given_name, e->family_name);
  e->membership_kind = sqlite3_column_int (stmt, 3);
  e->voting = e->membership_kind == CR_MEMBERSHIP_VOTING;
  cr_attendance_mark_from_string (column_text (stmt, 4), &e->mark);
  cr_attendee_role_from_string (column_text (stmt, 5), &e->role);
  if (g_strcmp0 (sanction, "exclusion") == 0)
    e->sanction = "exclusion";
  else if (g_strcmp0 (sanction, "suspension") == 0)
    e->sanction = "suspension";
  return e;
}

/**
 * cr_store_list_expected:
 *
 * Everyone the meeting expects: the members of its group on its date, by
 * family name then given name, each with their kind of membership, whether
 * they may vote, whether a sanction bars them that day, and their mark if
 * they have one.
 *
 * Returns: (transfer full) (element-type CrExpectedAttendee): the list
 */
GPtrArray *
cr_store_list_expected (CrStore  *self,
                        gint64    meeting_id,
                        GError  **error)
{
  g_autofree char *date = NULL;
  gint64 group_id = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  if (!meeting_group_date (self, meeting_id, &group_id, &date, error))
    return NULL;
  /* The kinds sort as CrMembershipKind counts them, voting first. */
  stmt = _cr_store_prepare (self,
                            "SELECT p.id, p.given_name, p.family_name, "
                            "min(CASE ms.kind WHEN 'voting' THEN 0 "
                            "WHEN 'co-optee' THEN 1 WHEN 'associate' THEN 2 "
                            "WHEN 'deputy' THEN 3 ELSE 4 END), "
                            "a.mark, a.role, "
                            "(SELECT c.kind FROM conduct c "
                            "WHERE c.person_id = p.id "
                            "AND (c.kind = 'suspension' "
                            "OR c.kind = 'exclusion') "
                            "AND c.start_date <= ?3 AND (c.end_date IS NULL "
                            "OR c.end_date >= ?3) "
                            "AND c.appeal_outcome IS NOT 'overturned' "
                            "AND (c.group_id IS NULL OR c.group_id = ?2 "
                            "OR c.group_id = ?4) "
                            "ORDER BY c.kind = 'exclusion' DESC LIMIT 1) "
                            "FROM memberships ms "
                            "JOIN people p ON p.id = ms.person_id "
                            "LEFT JOIN attendance a ON a.meeting_id = ?1 "
                            "AND a.person_id = ms.person_id "
                            "WHERE ms.group_id = ?2 AND ms.start_date <= ?3 "
                            "AND (ms.end_date IS NULL OR ms.end_date >= ?3) "
                            "GROUP BY p.id ORDER BY p.sort_key, p.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, group_id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, cr_store_get_association_group (self));
  return _cr_store_collect_new (self, stmt, expected_from_row,
                                (GDestroyNotify) cr_expected_attendee_free,
                                _("reading who is expected"), error);
}

static gpointer
attendance_from_row (sqlite3_stmt *stmt,
                     gpointer      user_data)
{
  CrAttendanceRecord *r = g_new0 (CrAttendanceRecord, 1);

  r->person_id = sqlite3_column_int64 (stmt, 0);
  r->name = spoken_name (column_text (stmt, 1), column_text (stmt, 2));
  r->family_name = dup_column (stmt, 2);
  cr_attendance_mark_from_string (column_text (stmt, 3), &r->mark);
  cr_attendee_role_from_string (column_text (stmt, 4), &r->role);
  return r;
}

/**
 * cr_store_list_attendance:
 *
 * Returns: (transfer full) (element-type CrAttendanceRecord): every mark
 *   recorded for the meeting: members, then guests, then officers, each by
 *   family name
 */
GPtrArray *
cr_store_list_attendance (CrStore  *self,
                          gint64    meeting_id,
                          GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT a.person_id, p.given_name, p.family_name, "
                            "a.mark, a.role FROM attendance a "
                            "JOIN people p ON p.id = a.person_id "
                            "WHERE a.meeting_id = ?1 ORDER BY "
                            "CASE a.role WHEN 'member' THEN 0 "
                            "WHEN 'guest' THEN 1 ELSE 2 END, p.sort_key, p.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  return _cr_store_collect_new (self, stmt, attendance_from_row,
                                (GDestroyNotify) cr_attendance_record_free,
                                _("reading the attendance"), error);
}

/**
 * cr_store_count_voting:
 * @voting_members: (out) (optional): the group's voting members on the
 *   meeting's date who are not suspended or excluded
 * @voting_present: (out) (optional): how many of them are marked present
 *   as members (guests and officers never count)
 */
gboolean
cr_store_count_voting (CrStore  *self,
                       gint64    meeting_id,
                       guint    *voting_members,
                       guint    *voting_present,
                       GError  **error)
{
  g_autofree char *date = NULL;
  gint64 group_id = 0;
  guint n_marks = 0, members = 0, present = 0;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!meeting_group_date (self, meeting_id, &group_id, &date, error) ||
      !count_voting (self, meeting_id, group_id, date, &n_marks, &members,
                     &present, error))
    return FALSE;
  if (voting_members != NULL)
    *voting_members = members;
  if (voting_present != NULL)
    *voting_present = present;
  return TRUE;
}

/**
 * cr_store_get_meeting_quorum:
 * @required: (out) (optional): voting members needed, by the group's rule
 * @present: (out) (optional): voting members present
 * @met: (out) (optional): whether enough are
 *
 * The quorum as the attendance stands now, whether or not the meeting has
 * been held.
 */
gboolean
cr_store_get_meeting_quorum (CrStore   *self,
                             gint64     meeting_id,
                             guint     *required,
                             guint     *present,
                             gboolean  *met,
                             GError   **error)
{
  g_autoptr (CrMeeting) meeting = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  meeting = cr_store_get_meeting (self, meeting_id, error);
  if (meeting == NULL)
    return FALSE;
  if (required != NULL)
    *required = meeting->quorum_required;
  if (present != NULL)
    *present = meeting->voting_present;
  if (met != NULL)
    *met = meeting->voting_present >= meeting->quorum_required;
  return TRUE;
}

/* ---- decisions ------------------------------------------------------- */

/* Checks a decision as typed and derives what is never typed: the
 * outcome, from the votes (a decision by consensus has none), and whether
 * the meeting was quorate, from its attendance as it stands and the rules
 * in force on its date. */
static gboolean
derive_decision (CrStore     *self,
                 CrDecision  *decision,
                 gboolean     chair_has_casting_vote,
                 GError     **error)
{
  g_autoptr (CrAgendaItem) item = NULL;
  gboolean met = FALSE;
  GError *local = NULL;
  gboolean vote = decision->method == CR_DECISION_VOTE;

  if (!check_text (decision->text, _("Say what was decided."), error))
    return FALSE;
  if (vote && !cr_vote_check (decision->votes_for, decision->votes_against,
                              decision->votes_abstain, decision->casting,
                              chair_has_casting_vote, &local))
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           local->message);
      g_error_free (local);
      return FALSE;
    }
  if (!vote && decision->casting != CR_CASTING_VOTE_NONE)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _("A decision by consensus has no casting vote."));
      return FALSE;
    }
  item = get_item (self, decision->item_id, error);
  if (item == NULL ||
      !cr_store_get_meeting_quorum (self, item->meeting_id, NULL, NULL, &met,
                                    error))
    return FALSE;

  if (vote)
    decision->outcome = cr_vote_outcome (decision->votes_for,
                                         decision->votes_against,
                                         decision->votes_abstain,
                                         decision->casting,
                                         chair_has_casting_vote);
  else
    {
      decision->outcome = CR_VOTE_CONSENSUS;
      decision->votes_for = decision->votes_against = 0;
      decision->votes_abstain = 0;
    }
  decision->quorate_at_time = met;
  return TRUE;
}

/* Binds ?2 … ?9 of an INSERT or UPDATE of a derived decision. */
static void
bind_decision (sqlite3_stmt     *stmt,
               const CrDecision *decision)
{
  sqlite3_bind_text (stmt, 2, decision->text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, cr_decision_method_to_string (decision->method),
                     -1, SQLITE_STATIC);
  if (decision->method == CR_DECISION_VOTE)
    {
      sqlite3_bind_int (stmt, 4, decision->votes_for);
      sqlite3_bind_int (stmt, 5, decision->votes_against);
      sqlite3_bind_int (stmt, 6, decision->votes_abstain);
    }
  else
    {
      sqlite3_bind_null (stmt, 4);
      sqlite3_bind_null (stmt, 5);
      sqlite3_bind_null (stmt, 6);
    }
  bind_text_or_null (stmt, 7, cr_casting_vote_to_string (decision->casting));
  sqlite3_bind_text (stmt, 8, cr_vote_outcome_to_string (decision->outcome),
                     -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, decision->quorate_at_time ? 1 : 0);
}

/**
 * cr_store_add_decision:
 * @decision: (inout): the decision's item, text, method, and for a vote
 *   the votes and any casting vote; its id, outcome and quorate_at_time
 *   are set here
 * @chair_has_casting_vote: whether the group's rules give the chair one
 *
 * Records a decision. The outcome is derived from the votes (a decision by
 * consensus has none), and whether the meeting was quorate from its
 * attendance as it stands: an inquorate decision is to be ratified.
 *
 * Returns: the new decision's id, or 0 with @error set
 */
gint64
cr_store_add_decision (CrStore     *self,
                       CrDecision  *decision,
                       gboolean     chair_has_casting_vote,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail (decision != NULL, 0);
  g_return_val_if_fail ((guint) decision->method <= CR_DECISION_VOTE, 0);
  g_return_val_if_fail ((guint) decision->casting <= CR_CASTING_VOTE_AGAINST, 0);

  if (!_cr_store_require_write (self, error) ||
      !derive_decision (self, decision, chair_has_casting_vote, error))
    return 0;

  stmt = _cr_store_prepare (self,
                            "INSERT INTO decisions (item_id, text, method, "
                            "votes_for, votes_against, votes_abstain, "
                            "casting_vote, outcome, quorate_at_time) "
                            "VALUES (?1, trim(?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, decision->item_id);
  bind_decision (stmt, decision);
  if (!step_write (self, stmt, _("That agenda item is no longer in the file."),
                   _("recording the decision"), error))
    return 0;
  decision->id = sqlite3_last_insert_rowid (_cr_store_get_db (self));
  return decision->id;
}

/**
 * cr_store_update_decision:
 * @decision: (inout): the decision as it should now be, by its id and on
 *   the same agenda item; its outcome and quorate_at_time are derived
 *   again here, as cr_store_add_decision() does
 * @chair_has_casting_vote: whether the group's rules give the chair one
 *
 * Corrects a decision: what was decided, how, and the votes. The outcome
 * is never typed, so a corrected count gives its own outcome. Nothing is
 * changed if the decision is refused.
 *
 * Returns: %TRUE if saved; %FALSE with @error set
 */
gboolean
cr_store_update_decision (CrStore     *self,
                          CrDecision  *decision,
                          gboolean     chair_has_casting_vote,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (decision != NULL, FALSE);
  g_return_val_if_fail ((guint) decision->method <= CR_DECISION_VOTE, FALSE);
  g_return_val_if_fail ((guint) decision->casting <= CR_CASTING_VOTE_AGAINST, FALSE);

  if (!_cr_store_require_write (self, error) ||
      !derive_decision (self, decision, chair_has_casting_vote, error))
    return FALSE;

  stmt = _cr_store_prepare (self,
                            "UPDATE decisions SET text = trim(?2), method = ?3, "
                            "votes_for = ?4, votes_against = ?5, "
                            "votes_abstain = ?6, casting_vote = ?7, "
                            "outcome = ?8, quorate_at_time = ?9 "
                            "WHERE id = ?10 AND item_id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, decision->item_id);
  bind_decision (stmt, decision);
  sqlite3_bind_int64 (stmt, 10, decision->id);
  return step_write (self, stmt, _("That agenda item is no longer in the file."),
                     _("saving the decision"), error) &&
         check_changed (self, _("That decision is no longer in the file."),
                        error);
}

/**
 * cr_store_delete_decision:
 *
 * Deletes one decision; its agenda item, minutes and actions stay.
 */
gboolean
cr_store_delete_decision (CrStore  *self,
                          gint64    decision_id,
                          GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error))
    return FALSE;
  stmt = _cr_store_prepare (self, "DELETE FROM decisions WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, decision_id);
  return step_write (self, stmt, _("Something still refers to this decision."),
                     _("deleting the decision"), error) &&
         check_changed (self, _("That decision is no longer in the file."),
                        error);
}

static gpointer
decision_from_row (sqlite3_stmt *stmt,
                   gpointer      user_data)
{
  CrDecision *d = cr_decision_new ();

  d->id = sqlite3_column_int64 (stmt, 0);
  d->item_id = sqlite3_column_int64 (stmt, 1);
  d->text = dup_column (stmt, 2);
  cr_decision_method_from_string (column_text (stmt, 3), &d->method);
  d->votes_for = sqlite3_column_int (stmt, 4);
  d->votes_against = sqlite3_column_int (stmt, 5);
  d->votes_abstain = sqlite3_column_int (stmt, 6);
  cr_casting_vote_from_string (column_text (stmt, 7), &d->casting);
  cr_vote_outcome_from_string (column_text (stmt, 8), &d->outcome);
  d->quorate_at_time = sqlite3_column_int (stmt, 9);
  return d;
}

/**
 * cr_store_list_decisions:
 *
 * Returns: (transfer full) (element-type CrDecision): the decisions on the
 *   agenda item, in the order they were made
 */
GPtrArray *
cr_store_list_decisions (CrStore  *self,
                         gint64    item_id,
                         GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT id, item_id, text, method, votes_for, "
                            "votes_against, votes_abstain, casting_vote, "
                            "outcome, quorate_at_time FROM decisions "
                            "WHERE item_id = ?1 ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  return _cr_store_collect_new (self, stmt, decision_from_row,
                                (GDestroyNotify) cr_decision_free,
                                _("reading the decisions"), error);
}

/* ---- actions --------------------------------------------------------- */

/**
 * cr_store_add_action:
 * @action: the action: its meeting, optionally its item (of the same
 *   meeting), description, owner (a person or a named officer or
 *   organisation, not both), due date, status and outcome. A done action
 *   without a done_on date is done today.
 *
 * Returns: the new action's id, or 0 with @error set
 */
gint64
cr_store_add_action (CrStore         *self,
                     const CrAction  *action,
                     GError         **error)
{
  g_autofree char *done_on = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail (action != NULL, 0);
  g_return_val_if_fail ((guint) action->status <= CR_ACTION_DROPPED, 0);

  if (!_cr_store_require_write (self, error) ||
      !check_text (action->description, _("Say what is to be done."), error) ||
      !check_date (action->due_date, FALSE, _("due date"), error) ||
      !check_date (action->done_on, FALSE, _("date it was done"), error))
    return 0;
  if (action->owner_person_id > 0 && !is_empty (action->owner_text))
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _("An action has one owner: a person, or a named "
                             "officer or organisation."));
      return 0;
    }
  if (action->item_id > 0)
    {
      g_autoptr (CrAgendaItem) item = get_item (self, action->item_id, error);

      if (item == NULL)
        return 0;
      if (item->meeting_id != action->meeting_id)
        {
          g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                               _("That agenda item belongs to another "
                                 "meeting."));
          return 0;
        }
    }
  if (action->status == CR_ACTION_DONE)
    done_on = is_empty (action->done_on) ? cr_date_today_iso ()
                                         : g_strdup (action->done_on);

  stmt = _cr_store_prepare (self,
                            "INSERT INTO actions (meeting_id, item_id, "
                            "description, owner_person_id, owner_text, "
                            "due_date, status, outcome, done_on) "
                            "VALUES (?1, ?2, trim(?3), ?4, ?5, ?6, ?7, ?8, ?9)",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, action->meeting_id);
  bind_id_or_null (stmt, 2, action->item_id);
  sqlite3_bind_text (stmt, 3, action->description, -1, SQLITE_TRANSIENT);
  bind_id_or_null (stmt, 4, action->owner_person_id);
  bind_text_or_null (stmt, 5, action->owner_text);
  bind_text_or_null (stmt, 6, action->due_date);
  sqlite3_bind_text (stmt, 7, cr_action_status_to_string (action->status), -1,
                     SQLITE_STATIC);
  bind_text_or_null (stmt, 8, action->outcome);
  bind_text_or_null (stmt, 9, done_on);
  if (!step_write (self, stmt,
                   _("That meeting, or the action’s owner, is no longer in "
                     "the file."),
                   _("adding the action"), error))
    return 0;
  return sqlite3_last_insert_rowid (_cr_store_get_db (self));
}

/**
 * cr_store_update_action:
 * @outcome: (nullable): what was done ("we did"); %NULL keeps the outcome
 *   already recorded, "" clears it
 * @done_on: (nullable): ISO date it was done, for @status done; today if
 *   %NULL. Any other status clears it.
 */
gboolean
cr_store_update_action (CrStore         *self,
                        gint64           action_id,
                        CrActionStatus   status,
                        const char      *outcome,
                        const char      *done_on,
                        GError         **error)
{
  g_autofree char *done = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) status <= CR_ACTION_DROPPED, FALSE);

  if (!_cr_store_require_write (self, error) ||
      !check_date (done_on, FALSE, _("date it was done"), error))
    return FALSE;
  if (status == CR_ACTION_DONE)
    done = is_empty (done_on) ? cr_date_today_iso () : g_strdup (done_on);

  stmt = _cr_store_prepare (self,
                            "UPDATE actions SET status = ?2, "
                            "outcome = CASE WHEN ?3 IS NULL THEN outcome "
                            "ELSE nullif(trim(?3), '') END, done_on = ?4 "
                            "WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action_id);
  sqlite3_bind_text (stmt, 2, cr_action_status_to_string (status), -1,
                     SQLITE_STATIC);
  if (outcome != NULL)
    sqlite3_bind_text (stmt, 3, outcome, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 4, done);
  return step_write (self, stmt, _("That action is no longer in the file."),
                     _("saving the action"), error) &&
         check_changed (self, _("That action is no longer in the file."),
                        error);
}

static gpointer
action_from_row (sqlite3_stmt *stmt,
                 gpointer      user_data)
{
  CrAction *a = cr_action_new ();

  a->id = sqlite3_column_int64 (stmt, 0);
  a->meeting_id = sqlite3_column_int64 (stmt, 1);
  a->item_id = sqlite3_column_int64 (stmt, 2);
  a->description = dup_column (stmt, 3);
  a->owner_person_id = sqlite3_column_int64 (stmt, 4);
  a->owner_text = dup_column (stmt, 5);
  a->due_date = dup_column (stmt, 6);
  cr_action_status_from_string (column_text (stmt, 7), &a->status);
  a->outcome = dup_column (stmt, 8);
  a->done_on = dup_column (stmt, 9);
  a->owner_name = dup_column (stmt, 10);
  a->meeting_date = dup_column (stmt, 11);
  a->group_id = sqlite3_column_int64 (stmt, 12);
  a->group_name = dup_column (stmt, 13);
  return a;
}

static GPtrArray *
collect_actions (CrStore      *self,
                 sqlite3_stmt *stmt,
                 GError      **error)
{
  return _cr_store_collect_new (self, stmt, action_from_row,
                                (GDestroyNotify) cr_action_free,
                                _("reading the actions"), error);
}

/**
 * cr_store_list_actions:
 *
 * Returns: (transfer full) (element-type CrAction): the actions agreed at
 *   the meeting, in the order they were added
 */
GPtrArray *
cr_store_list_actions (CrStore  *self,
                       gint64    meeting_id,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT " ACTION_COLUMNS
                            "WHERE a.meeting_id = ?1 ORDER BY a.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  return collect_actions (self, stmt, error);
}

/**
 * cr_store_list_action_log:
 * @filter: every action, the open ones (open or in progress) or the closed
 *   ones (done or dropped)
 * @group_id: a group, or 0 for every group's
 *
 * The "You said, we did" log, across meetings.
 *
 * Returns: (transfer full) (element-type CrAction): the actions, by the
 *   date of the meeting that agreed them
 */
GPtrArray *
cr_store_list_action_log (CrStore         *self,
                          CrActionFilter   filter,
                          gint64           group_id,
                          GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail ((guint) filter <= CR_ACTIONS_CLOSED, NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT " ACTION_COLUMNS
                            "WHERE (?1 = 0 OR m.group_id = ?1) "
                            "AND (?2 = 0 OR (?2 = 1) = (a.status = 'open' "
                            "OR a.status = 'in-progress')) "
                            "ORDER BY m.date, a.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int (stmt, 2, filter);
  return collect_actions (self, stmt, error);
}
