/* cr-store-training.c: the course catalogue, who did what, the core
 * programme, courses each role requires, and the skills audit
 *
 * What the records add up to on a date is worked out by cr-training.c;
 * this file reads and writes them. A whole session's attendees are
 * recorded in one transaction: all of them or, if one can't be, none.
 * Recording the same person on the same course on the same day again
 * changes the status of the record already there (booked, then
 * completed) instead of adding a second.
 *
 * The training matrix and check read every record they need in one
 * statement, bucketed by person in C, never a statement a person.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-store-training.h"

#include "cr-date.h"
#include "cr-rules.h"
#include "cr-store-private.h"
#include "cr-store-rules.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

/* A person's display name, from people p. */
#define P_NAME                                                   \
  "coalesce(nullif(trim(p.given_name || ' ' || p.family_name), " \
  "''), '?')"

/* The current members of group ?1 on date ?2, as a subquery. */
#define CURRENT_MEMBERS                                    \
  "SELECT person_id FROM memberships WHERE group_id = ?1 " \
  "AND start_date <= ?2 AND (end_date IS NULL OR end_date >= ?2)"

static const char *const role_kinds[] = {
  [CR_ROLE_OFFICE] = "office",
  [CR_ROLE_MEMBERSHIP] = "membership",
};

void
cr_course_requirement_free (CrCourseRequirement *requirement)
{
  if (requirement == NULL)
    return;
  g_free (requirement->course_title);
  g_free (requirement->group_name);
  g_free (requirement->role);
  g_free (requirement);
}

void
cr_skill_audit_free (CrSkillAudit *skill)
{
  if (skill == NULL)
    return;
  g_free (skill->name);
  g_free (skill->holders);
  g_free (skill);
}

void
cr_expiring_certificate_free (CrExpiringCertificate *cert)
{
  if (cert == NULL)
    return;
  g_free (cert->person_name);
  g_free (cert->course_title);
  g_free (cert->done_on);
  g_free (cert->expires_on);
  g_free (cert->certificate);
  g_free (cert);
}

static const char *
column_text (sqlite3_stmt *stmt, int col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static char *
dup_column (sqlite3_stmt *stmt, int col)
{
  return g_strdup (column_text (stmt, col));
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

static gboolean
check_date (const char *date, const char *what, GError **error)
{
  GDate parsed;

  if (date != NULL && strlen (date) == 10 && cr_date_parse_iso (date, &parsed))
    return TRUE;
  g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
               _ ("The %s “%s” is not a real date."), what,
               date != NULL ? date : "");
  return FALSE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt, int index, const char *text)
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
            const char   *constraint_message,
            GError      **error)
{
  int rc = sqlite3_step (stmt);
  int ext = sqlite3_extended_errcode (_cr_store_get_db (self));

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (ext == SQLITE_CONSTRAINT_FOREIGNKEY)
    g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                         _ ("That person, course or group is no longer in "
                            "the file."));
  else if (ext == SQLITE_CONSTRAINT_UNIQUE ||
           ext == SQLITE_CONSTRAINT_PRIMARYKEY)
    g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_EXISTS,
                         constraint_message);
  else if ((rc & 0xff) == SQLITE_CONSTRAINT)
    g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                         constraint_message);
  else
    _cr_store_set_error (self, error, rc, doing);
  return FALSE;
}

static gint64
resolve_group (CrStore *self, gint64 group_id)
{
  return group_id > 0 ? group_id : cr_store_get_association_group (self);
}

/* ---- the catalogue ----------------------------------------------------- */

static gboolean
check_course (const char *title,
              guint       validity_months,
              gint64      cost,
              char      **clean_title,
              GError    **error)
{
  g_autofree char *t = g_strstrip (g_strdup (title != NULL ? title : ""));

  if (*t == '\0')
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _ ("Give the course a title."));
      return FALSE;
    }
  if (validity_months > 600)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _ ("A validity of %u months is over fifty years; leave it "
                      "empty for a course that never needs redoing."),
                   validity_months);
      return FALSE;
    }
  if (cost < 0)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _ ("A course can’t cost less than nothing."));
      return FALSE;
    }
  *clean_title = g_steal_pointer (&t);
  return TRUE;
}

/**
 * cr_store_add_course:
 * @title: the course's title, unique in the catalogue
 * @provider: (nullable): who runs it
 * @validity_months: how long a completion stays valid; 0 for ever
 * @cost: pence a place
 *
 * Returns: the new course's id, or 0 with @error set
 */
gint64
cr_store_add_course (CrStore    *self,
                     const char *title,
                     const char *provider,
                     guint       validity_months,
                     gint64      cost,
                     GError    **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *message = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), 0);

  if (!_cr_store_require_write (self, error) ||
      !check_course (title, validity_months, cost, &clean, error))
    return 0;
  stmt = _cr_store_prepare (self,
                            "INSERT INTO courses (title, provider, "
                            "validity_months, cost) VALUES (?1, ?2, ?3, ?4)",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 2, provider);
  if (validity_months > 0)
    sqlite3_bind_int (stmt, 3, (int) validity_months);
  sqlite3_bind_int64 (stmt, 4, cost);
  message =
      g_strdup_printf (_ ("There is already a course called “%s”."), clean);
  if (!step_write (self, stmt, _ ("adding the course"), message, error))
    return 0;
  return sqlite3_last_insert_rowid (_cr_store_get_db (self));
}

/**
 * cr_store_update_course:
 *
 * Changes a course; every record's expiry follows its new validity.
 */
gboolean
cr_store_update_course (CrStore    *self,
                        gint64      course_id,
                        const char *title,
                        const char *provider,
                        guint       validity_months,
                        gint64      cost,
                        GError    **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *message = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error) ||
      !check_course (title, validity_months, cost, &clean, error))
    return FALSE;
  stmt = _cr_store_prepare (self,
                            "UPDATE courses SET title = ?2, provider = ?3, "
                            "validity_months = ?4, cost = ?5 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, course_id);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 3, provider);
  if (validity_months > 0)
    sqlite3_bind_int (stmt, 4, (int) validity_months);
  sqlite3_bind_int64 (stmt, 5, cost);
  message =
      g_strdup_printf (_ ("There is already a course called “%s”."), clean);
  if (!step_write (self, stmt, _ ("changing the course"), message, error))
    return FALSE;
  if (sqlite3_changes (_cr_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                           _ ("That course is no longer in the file."));
      return FALSE;
    }
  return TRUE;
}

/**
 * cr_store_find_course:
 * @title: a course's title, in any case
 *
 * Returns: its id, or 0 (with @error set only if the file can't be read)
 */
gint64
cr_store_find_course (CrStore *self, const char *title, GError **error)
{
  sqlite3_stmt *stmt;
  gint64        id = 0;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), 0);

  stmt = _cr_store_prepare (
      self, "SELECT id FROM courses WHERE title = trim(?1)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, title != NULL ? title : "", -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_DONE;
    }
  if (!finish_read (self, stmt, rc, _ ("reading the courses"), error))
    return 0;
  return id;
}

/**
 * cr_store_list_courses:
 * @group_id: the group whose core programme sets each course's @core flag;
 *   0 for the association's
 * @on_date: (nullable): ISO date the programme is taken on; today if %NULL
 *
 * Returns: (transfer full) (element-type CrCourse): the catalogue by title
 */
GPtrArray *
cr_store_list_courses (CrStore    *self,
                       gint64      group_id,
                       const char *on_date,
                       GError    **error)
{
  g_autoptr (GPtrArray) list =
      g_ptr_array_new_with_free_func ((GDestroyNotify) cr_course_free);
  g_autofree char *today = on_date ? g_strdup (on_date) : cr_date_today_iso ();
  sqlite3_stmt    *stmt;
  int              rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt =
      _cr_store_prepare (self,
                         "SELECT c.id, c.title, c.provider, "
                         "ifnull(c.validity_months, 0), c.cost, "
                         "EXISTS (SELECT 1 FROM core_courses k "
                         "WHERE k.course_id = c.id "
                         "AND (k.group_id IS NULL OR k.group_id = ?1) "
                         "AND k.core_from <= ?2 "
                         "AND (k.core_until IS NULL OR k.core_until >= ?2)), "
                         "EXISTS (SELECT 1 FROM core_courses k "
                         "WHERE k.course_id = c.id AND k.group_id IS NULL "
                         "AND k.core_from <= ?2 "
                         "AND (k.core_until IS NULL OR k.core_until >= ?2)) "
                         "FROM courses c ORDER BY c.title",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, resolve_group (self, group_id));
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrCourse *c = g_new0 (CrCourse, 1);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->title = dup_column (stmt, 1);
      c->provider = dup_column (stmt, 2);
      c->validity_months = (guint) sqlite3_column_int (stmt, 3);
      c->cost = sqlite3_column_int64 (stmt, 4);
      c->core = sqlite3_column_int (stmt, 5) != 0;
      c->core_everywhere = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (list, c);
    }
  if (!finish_read (self, stmt, rc, _ ("reading the courses"), error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * cr_store_set_course_core:
 * @group_id: the group; 0 for every group
 * @core: whether the course is part of the core programme from @from_date
 * @from_date: ISO date the change takes effect
 *
 * Makes a course core from a date, or stops it being core from a date
 * (its last core day is the day before). Completion on earlier dates keeps
 * using the programme as it was. A span that would start on or after the
 * day it stops is removed altogether.
 */
gboolean
cr_store_set_course_core (CrStore    *self,
                          gint64      course_id,
                          gint64      group_id,
                          gboolean    core,
                          const char *from_date,
                          GError    **error)
{
  sqlite3_stmt *stmt;
  gboolean      open_span = FALSE;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error) ||
      !check_date (from_date, _ ("date"), error))
    return FALSE;

  stmt = _cr_store_prepare (self,
                            "SELECT 1 FROM core_courses WHERE course_id = ?1 "
                            "AND group_id IS ?2 AND core_until IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, course_id);
  if (group_id > 0)
    sqlite3_bind_int64 (stmt, 2, group_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      open_span = TRUE;
      rc = SQLITE_DONE;
    }
  if (!finish_read (self, stmt, rc, _ ("reading the core programme"), error))
    return FALSE;

  if (core)
    {
      if (open_span)
        return TRUE;
      stmt =
          _cr_store_prepare (self,
                             "INSERT INTO core_courses (course_id, group_id, "
                             "core_from) VALUES (?1, ?2, ?3)",
                             error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, course_id);
      if (group_id > 0)
        sqlite3_bind_int64 (stmt, 2, group_id);
      sqlite3_bind_text (stmt, 3, from_date, -1, SQLITE_TRANSIENT);
      return step_write (self, stmt, _ ("changing the core programme"),
                         _ ("That course can’t be made core."), error);
    }

  if (!open_span)
    return TRUE;
  if (!cr_store_begin (self, error))
    return FALSE;
  stmt = _cr_store_prepare (self,
                            "DELETE FROM core_courses WHERE course_id = ?1 "
                            "AND group_id IS ?2 AND core_until IS NULL "
                            "AND core_from >= ?3",
                            error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, course_id);
      if (group_id > 0)
        sqlite3_bind_int64 (stmt, 2, group_id);
      sqlite3_bind_text (stmt, 3, from_date, -1, SQLITE_TRANSIENT);
    }
  if (stmt == NULL ||
      !step_write (self, stmt, _ ("changing the core programme"), "", error))
    goto fail;
  stmt = _cr_store_prepare (self,
                            "UPDATE core_courses SET core_until = "
                            "date(?3, '-1 day') WHERE course_id = ?1 "
                            "AND group_id IS ?2 AND core_until IS NULL",
                            error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, course_id);
      if (group_id > 0)
        sqlite3_bind_int64 (stmt, 2, group_id);
      sqlite3_bind_text (stmt, 3, from_date, -1, SQLITE_TRANSIENT);
    }
  if (stmt == NULL ||
      !step_write (self, stmt, _ ("changing the core programme"), "", error))
    goto fail;
  return cr_store_commit (self, error);

fail:
  cr_store_rollback (self);
  return FALSE;
}

/**
 * cr_store_list_core_courses:
 * @group_id: a group; 0 for the association
 * @on_date: ISO date
 *
 * The programme in force on @on_date: the group's own core courses and
 * those core for every group.
 *
 * Returns: (transfer full) (element-type CrCoreCourse): by course id
 */
GArray *
cr_store_list_core_courses (CrStore    *self,
                            gint64      group_id,
                            const char *on_date,
                            GError    **error)
{
  g_autoptr (GArray) core = g_array_new (FALSE, FALSE, sizeof (CrCoreCourse));
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (on_date != NULL, NULL);

  stmt =
      _cr_store_prepare (self,
                         "SELECT DISTINCT c.id, ifnull(c.validity_months, 0) "
                         "FROM core_courses k JOIN courses c "
                         "ON c.id = k.course_id "
                         "WHERE (k.group_id IS NULL OR k.group_id = ?1) "
                         "AND k.core_from <= ?2 "
                         "AND (k.core_until IS NULL OR k.core_until >= ?2) "
                         "ORDER BY c.id",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, resolve_group (self, group_id));
  sqlite3_bind_text (stmt, 2, on_date, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrCoreCourse c = { sqlite3_column_int64 (stmt, 0),
                         (guint) sqlite3_column_int (stmt, 1) };

      g_array_append_val (core, c);
    }
  if (!finish_read (self, stmt, rc, _ ("reading the core programme"), error))
    return NULL;
  return g_steal_pointer (&core);
}

/* ---- records ----------------------------------------------------------- */

static gboolean
check_record (const char *date, CrTrainingStatus status, GError **error)
{
  g_autofree char *today = NULL;

  if (!check_date (date, _ ("training date"), error))
    return FALSE;
  if ((guint) status > CR_TRAINING_DID_NOT_ATTEND)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _ ("That is not a training status."));
      return FALSE;
    }
  today = cr_date_today_iso ();
  if (status != CR_TRAINING_BOOKED && strcmp (date, today) > 0)
    {
      g_autofree char *uk = cr_date_iso_to_uk (date);

      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _ ("The session on %s hasn’t happened yet; record the "
                      "places as booked, and as attended or completed "
                      "afterwards."),
                   uk);
      return FALSE;
    }
  return TRUE;
}

static gboolean
course_exists (CrStore *self, gint64 course_id, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean      found = FALSE;
  int           rc;

  stmt = _cr_store_prepare (self, "SELECT 1 FROM courses WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, course_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      found = TRUE;
      rc = SQLITE_DONE;
    }
  if (!finish_read (self, stmt, rc, _ ("reading the courses"), error))
    return FALSE;
  if (!found)
    g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                         _ ("That course is no longer in the catalogue."));
  return found;
}

/* Inserts or, for the same person, course and day, changes the status. */
static gboolean
upsert_record (CrStore         *self,
               gint64           person_id,
               gint64           course_id,
               const char      *date,
               CrTrainingStatus status,
               const char      *certificate,
               GError         **error)
{
  sqlite3_stmt *stmt;

  stmt = _cr_store_prepare (self,
                            "INSERT INTO training_records (person_id, "
                            "course_id, date, status, certificate) "
                            "VALUES (?1, ?2, ?3, ?4, ?5) "
                            "ON CONFLICT (person_id, course_id, date) "
                            "DO UPDATE SET status = excluded.status, "
                            "certificate = ifnull(excluded.certificate, "
                            "certificate)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, course_id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, cr_training_status_to_string (status), -1,
                     SQLITE_STATIC);
  bind_text_or_null (stmt, 5, certificate);
  return step_write (self, stmt, _ ("recording the training"),
                     _ ("That training record doesn’t fit together."), error);
}

/**
 * cr_store_add_training:
 * @date: ISO date of the session
 * @certificate: (nullable): the certificate's reference
 *
 * Records one person on one course. Recording the same person, course and
 * day again changes that record's status.
 *
 * Returns: the record's id, or 0 with @error set
 */
gint64
cr_store_add_training (CrStore         *self,
                       gint64           person_id,
                       gint64           course_id,
                       const char      *date,
                       CrTrainingStatus status,
                       const char      *certificate,
                       GError         **error)
{
  sqlite3_stmt *stmt;
  gint64        id = 0;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), 0);

  if (!_cr_store_require_write (self, error) ||
      !check_record (date, status, error) ||
      !course_exists (self, course_id, error) ||
      !upsert_record (self, person_id, course_id, date, status, certificate,
                      error))
    return 0;

  stmt = _cr_store_prepare (self,
                            "SELECT id FROM training_records WHERE "
                            "person_id = ?1 AND course_id = ?2 AND date = ?3",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, course_id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_DONE;
    }
  if (!finish_read (self, stmt, rc, _ ("reading the training"), error))
    return 0;
  return id;
}

/**
 * cr_store_update_training:
 * @certificate: (nullable): the certificate's reference; %NULL clears it
 */
gboolean
cr_store_update_training (CrStore         *self,
                          gint64           record_id,
                          CrTrainingStatus status,
                          const char      *certificate,
                          GError         **error)
{
  sqlite3_stmt    *stmt;
  g_autofree char *date = NULL;
  int              rc;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error))
    return FALSE;
  stmt = _cr_store_prepare (
      self, "SELECT date FROM training_records WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      date = dup_column (stmt, 0);
      rc = SQLITE_DONE;
    }
  if (!finish_read (self, stmt, rc, _ ("reading the training"), error))
    return FALSE;
  if (date == NULL)
    {
      g_set_error_literal (
          error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
          _ ("That training record is no longer in the file."));
      return FALSE;
    }
  if (!check_record (date, status, error))
    return FALSE;

  stmt = _cr_store_prepare (self,
                            "UPDATE training_records SET status = ?2, "
                            "certificate = ?3 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record_id);
  sqlite3_bind_text (stmt, 2, cr_training_status_to_string (status), -1,
                     SQLITE_STATIC);
  bind_text_or_null (stmt, 3, certificate);
  return step_write (self, stmt, _ ("changing the training"),
                     _ ("That training record doesn’t fit together."), error);
}

gboolean
cr_store_delete_training (CrStore *self, gint64 record_id, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error))
    return FALSE;
  stmt = _cr_store_prepare (self, "DELETE FROM training_records WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record_id);
  return step_write (self, stmt, _ ("removing the training"), "", error);
}

/**
 * cr_store_record_session:
 * @course_id: the course
 * @date: ISO date of the session
 * @status: what to record for everyone (booked, attended, completed …)
 * @person_ids: (element-type gint64): who was there
 *
 * Records a whole session in one transaction: everyone, or nobody if one
 * of them can't be recorded (the message names who).
 *
 * Returns: how many people were recorded; 0 with @error set
 */
guint
cr_store_record_session (CrStore         *self,
                         gint64           course_id,
                         const char      *date,
                         CrTrainingStatus status,
                         const GArray    *person_ids,
                         GError         **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail (person_ids != NULL, 0);

  if (!_cr_store_require_write (self, error) ||
      !check_record (date, status, error) ||
      !course_exists (self, course_id, error))
    return 0;
  if (person_ids->len == 0)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _ ("Tick at least one person who was at the "
                              "session."));
      return 0;
    }

  if (!cr_store_begin (self, error))
    return 0;
  for (guint i = 0; i < person_ids->len; i++)
    {
      gint64 id = g_array_index (person_ids, gint64, i);
      g_autoptr (GError) local = NULL;

      if (!upsert_record (self, id, course_id, date, status, NULL, &local))
        {
          cr_store_rollback (self);
          g_set_error (error, local->domain, local->code,
                       _ ("Nobody was recorded: person #%" G_GINT64_FORMAT
                          " could not be (%s)"),
                       id, local->message);
          return 0;
        }
    }
  if (!cr_store_commit (self, error))
    return 0;
  return person_ids->len;
}

static CrTrainingRecord *
record_from_row (sqlite3_stmt *stmt)
{
  CrTrainingRecord *r = g_new0 (CrTrainingRecord, 1);
  CrTrainingStatus  status = CR_TRAINING_BOOKED;

  /* Columns: id, person_id, name, course_id, title, date, status,
   * certificate, validity. */
  r->id = sqlite3_column_int64 (stmt, 0);
  r->person_id = sqlite3_column_int64 (stmt, 1);
  r->person_name = dup_column (stmt, 2);
  r->course_id = sqlite3_column_int64 (stmt, 3);
  r->course_title = dup_column (stmt, 4);
  r->date = dup_column (stmt, 5);
  cr_training_status_from_string (column_text (stmt, 6), &status);
  r->status = status;
  r->certificate = dup_column (stmt, 7);
  r->validity_months = (guint) sqlite3_column_int (stmt, 8);
  return r;
}

#define RECORD_COLUMNS                                            \
  "r.id, r.person_id, " P_NAME ", r.course_id, c.title, r.date, " \
  "r.status, r.certificate, ifnull(c.validity_months, 0) "

/**
 * cr_store_list_training:
 *
 * Returns: (transfer full) (element-type CrTrainingRecord): everything the
 *   person is recorded on, newest first
 */
GPtrArray *
cr_store_list_training (CrStore *self, gint64 person_id, GError **error)
{
  g_autoptr (GPtrArray) list =
      g_ptr_array_new_with_free_func ((GDestroyNotify) cr_training_record_free);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT " RECORD_COLUMNS "FROM training_records r "
                            "JOIN courses c ON c.id = r.course_id "
                            "JOIN people p ON p.id = r.person_id "
                            "WHERE r.person_id = ?1 "
                            "ORDER BY r.date DESC, c.title",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, record_from_row (stmt));
  if (!finish_read (self, stmt, rc, _ ("reading the training"), error))
    return NULL;
  return g_steal_pointer (&list);
}

/* Every record of the current members of @group_id on @on_date (or of
 * everyone, with @group_id 0), bucketed by person. With @completed_only,
 * only completions on or before @on_date: all check needs. */
static GHashTable *
records_by_person (CrStore    *self,
                   gint64      group_id,
                   const char *on_date,
                   gboolean    completed_only,
                   GError    **error)
{
  g_autoptr (GHashTable) by_person = g_hash_table_new_full (
      g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  sqlite3_stmt *stmt;
  int           rc;

  stmt = _cr_store_prepare (self,
                            "SELECT " RECORD_COLUMNS "FROM training_records r "
                            "JOIN courses c ON c.id = r.course_id "
                            "JOIN people p ON p.id = r.person_id "
                            "WHERE (?1 = 0 OR r.person_id IN (" CURRENT_MEMBERS
                            ")) "
                            "AND (?3 = 0 OR (r.status = 'completed' "
                            "AND r.date <= ?2)) "
                            "ORDER BY r.person_id, r.date",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_text (stmt, 2, on_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, completed_only);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64     person = sqlite3_column_int64 (stmt, 1);
      GPtrArray *list = g_hash_table_lookup (by_person, &person);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (
              (GDestroyNotify) cr_training_record_free);
          g_hash_table_insert (by_person, g_memdup2 (&person, sizeof person),
                               list);
        }
      g_ptr_array_add (list, record_from_row (stmt));
    }
  if (!finish_read (self, stmt, rc, _ ("reading the training"), error))
    return NULL;
  return g_steal_pointer (&by_person);
}

/**
 * cr_store_get_completion:
 * @group_id: whose core programme; 0 for the association's
 * @on_date: ISO date
 * @out: (out): the completion
 */
gboolean
cr_store_get_completion (CrStore      *self,
                         gint64        person_id,
                         gint64        group_id,
                         const char   *on_date,
                         CrCompletion *out,
                         GError      **error)
{
  g_autoptr (GArray) core = NULL;
  g_autoptr (GPtrArray) records = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  core = cr_store_list_core_courses (self, group_id, on_date, error);
  if (core == NULL)
    return FALSE;
  records = cr_store_list_training (self, person_id, error);
  if (records == NULL)
    return FALSE;
  *out = cr_training_completion (records, core, on_date);
  return TRUE;
}

/**
 * cr_store_foreach_training_row:
 * @group_id: the group whose current members make the rows, and whose
 *   core programme the completion is of; 0 for the association
 * @on_date: ISO date
 * @func: called for each member in register order; return %FALSE to stop
 *
 * Streams the training matrix: each current member with all their
 * records (booked ones to come included) and their completion.
 */
gboolean
cr_store_foreach_training_row (CrStore          *self,
                               gint64            group_id,
                               const char       *on_date,
                               CrTrainingRowFunc func,
                               gpointer          user_data,
                               GError          **error)
{
  g_autoptr (GHashTable) by_person = NULL;
  g_autoptr (GArray) core = NULL;
  g_autoptr (GPtrArray) none = g_ptr_array_new ();
  sqlite3_stmt *stmt;
  gint64        group = resolve_group (self, group_id);
  gboolean      go_on = TRUE;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (on_date != NULL && func != NULL, FALSE);

  core = cr_store_list_core_courses (self, group, on_date, error);
  if (core == NULL)
    return FALSE;
  by_person = records_by_person (self, group, on_date, FALSE, error);
  if (by_person == NULL)
    return FALSE;

  stmt = _cr_store_prepare (self,
                            "SELECT p.id, " P_NAME " FROM people p "
                            "WHERE p.id IN (" CURRENT_MEMBERS ") "
                            "ORDER BY p.sort_key, p.id",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group);
  sqlite3_bind_text (stmt, 2, on_date, -1, SQLITE_TRANSIENT);
  while (go_on && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrTrainingRow row = { 0 };
      GPtrArray    *records;

      row.person_id = sqlite3_column_int64 (stmt, 0);
      row.name = column_text (stmt, 1);
      records = g_hash_table_lookup (by_person, &row.person_id);
      row.records = records != NULL ? records : none;
      row.completion = cr_training_completion (row.records, core, on_date);
      go_on = func (&row, user_data);
    }
  if (!go_on)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  return finish_read (self, stmt, rc, _ ("reading the members"), error);
}

static gint
compare_expiring (gconstpointer a, gconstpointer b)
{
  const CrExpiringCertificate *x = *(CrExpiringCertificate **) a;
  const CrExpiringCertificate *y = *(CrExpiringCertificate **) b;
  int                          c = strcmp (x->expires_on, y->expires_on);

  return c != 0 ? c : g_utf8_collate (x->person_name, y->person_name);
}

/* Each course with a validity that the person has completed and that has
 * expired or expires within 60 days of @on_date. */
static void
collect_expiring (GPtrArray *records, const char *on_date, GPtrArray *out)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < records->len; i++)
    {
      CrTrainingRecord       *r = g_ptr_array_index (records, i);
      const CrTrainingRecord *latest = NULL;
      CrCourseState           state;
      CrExpiringCertificate  *cert;

      if (r->validity_months == 0 || r->status != CR_TRAINING_COMPLETED ||
          g_hash_table_contains (seen, &r->course_id))
        continue;
      g_hash_table_add (seen, &r->course_id);
      state = cr_training_course_state (records, r->course_id,
                                        r->validity_months, on_date, &latest);
      if (state != CR_COURSE_EXPIRING && state != CR_COURSE_EXPIRED)
        continue;
      cert = g_new0 (CrExpiringCertificate, 1);
      cert->person_id = latest->person_id;
      cert->person_name = g_strdup (latest->person_name);
      cert->course_id = latest->course_id;
      cert->course_title = g_strdup (latest->course_title);
      cert->done_on = g_strdup (latest->date);
      cert->expires_on =
          cr_training_expiry (latest->date, latest->validity_months);
      cert->certificate = g_strdup (latest->certificate);
      cert->state = state;
      g_ptr_array_add (out, cert);
    }
}

/**
 * cr_store_list_expiring:
 * @group_id: only the current members of this group; 0 for everyone
 * @on_date: ISO date
 *
 * Returns: (transfer full) (element-type CrExpiringCertificate): the
 *   certificates that have expired or expire within 60 days, soonest first
 */
GPtrArray *
cr_store_list_expiring (CrStore    *self,
                        gint64      group_id,
                        const char *on_date,
                        GError    **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (
      (GDestroyNotify) cr_expiring_certificate_free);
  g_autoptr (GHashTable) by_person = NULL;
  GHashTableIter iter;
  gpointer       value;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (on_date != NULL, NULL);

  by_person = records_by_person (self, group_id, on_date, TRUE, error);
  if (by_person == NULL)
    return NULL;
  g_hash_table_iter_init (&iter, by_person);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    collect_expiring (value, on_date, list);
  g_ptr_array_sort (list, compare_expiring);
  return g_steal_pointer (&list);
}

/* ---- roles ------------------------------------------------------------- */

/**
 * cr_store_add_requirement:
 * @group_id: the role in this group; 0 in any group
 * @role: an office title ("Treasurer") or a membership kind ("voting")
 * @renew_months: redo every so many months; 0 for the course's validity
 *
 * Returns: the requirement's id, or 0 with @error set
 */
gint64
cr_store_add_requirement (CrStore    *self,
                          gint64      course_id,
                          gint64      group_id,
                          CrRoleKind  role_kind,
                          const char *role,
                          guint       renew_months,
                          GError    **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (role != NULL ? role : ""));
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail ((guint) role_kind < G_N_ELEMENTS (role_kinds), 0);

  if (!_cr_store_require_write (self, error) ||
      !course_exists (self, course_id, error))
    return 0;
  if (*clean == '\0')
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _ ("Say which role needs the course: an office "
                              "such as Treasurer, or a kind of membership."));
      return 0;
    }
  if (renew_months > 600)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _ ("A renewal period over fifty years makes no "
                              "sense; leave it empty for none."));
      return 0;
    }
  stmt =
      _cr_store_prepare (self,
                         "INSERT INTO required_courses (course_id, group_id, "
                         "role_kind, role, renew_months) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)",
                         error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, course_id);
  if (group_id > 0)
    sqlite3_bind_int64 (stmt, 2, group_id);
  sqlite3_bind_text (stmt, 3, role_kinds[role_kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, clean, -1, SQLITE_TRANSIENT);
  if (renew_months > 0)
    sqlite3_bind_int (stmt, 5, (int) renew_months);
  if (!step_write (self, stmt, _ ("adding the requirement"),
                   _ ("That role already requires that course."), error))
    return 0;
  return sqlite3_last_insert_rowid (_cr_store_get_db (self));
}

/**
 * cr_store_list_requirements:
 *
 * Returns: (transfer full) (element-type CrCourseRequirement): by role
 */
GPtrArray *
cr_store_list_requirements (CrStore *self, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (
      (GDestroyNotify) cr_course_requirement_free);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt =
      _cr_store_prepare (self,
                         "SELECT q.id, q.course_id, c.title, "
                         "ifnull(q.group_id, 0), g.name, q.role_kind, q.role, "
                         "ifnull(q.renew_months, c.validity_months) "
                         "FROM required_courses q "
                         "JOIN courses c ON c.id = q.course_id "
                         "LEFT JOIN groups g ON g.id = q.group_id "
                         "ORDER BY q.role COLLATE NOCASE, c.title",
                         error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrCourseRequirement *q = g_new0 (CrCourseRequirement, 1);
      const char          *kind = column_text (stmt, 5);

      q->id = sqlite3_column_int64 (stmt, 0);
      q->course_id = sqlite3_column_int64 (stmt, 1);
      q->course_title = dup_column (stmt, 2);
      q->group_id = sqlite3_column_int64 (stmt, 3);
      q->group_name = dup_column (stmt, 4);
      q->role_kind = g_strcmp0 (kind, "membership") == 0 ? CR_ROLE_MEMBERSHIP
                                                         : CR_ROLE_OFFICE;
      q->role = dup_column (stmt, 6);
      q->renew_months = (guint) sqlite3_column_int (stmt, 7);
      g_ptr_array_add (list, q);
    }
  if (!finish_read (self, stmt, rc, _ ("reading the required courses"), error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * cr_store_remove_requirement:
 * @requirement_id: a requirement from cr_store_list_requirements()
 *
 * The role no longer needs the course; the training already recorded is
 * kept.
 *
 * Returns: %FALSE with @error set if it could not be removed (or was no
 *   longer there)
 */
gboolean
cr_store_remove_requirement (CrStore *self,
                             gint64   requirement_id,
                             GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error))
    return FALSE;
  stmt = _cr_store_prepare (self, "DELETE FROM required_courses WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, requirement_id);
  if (!step_write (self, stmt, _ ("removing the requirement"), "", error))
    return FALSE;
  if (sqlite3_changes (_cr_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                           _ ("That requirement is no longer in the file."));
      return FALSE;
    }
  return TRUE;
}

/**
 * cr_store_find_requirement:
 * @group_id: the group, or 0 for the role in any group
 *
 * Returns: the id of the requirement that @role (of @role_kind, any case)
 *   needs @course_id in @group_id, or 0 if there is none (or on error,
 *   with @error set)
 */
gint64
cr_store_find_requirement (CrStore    *self,
                           gint64      course_id,
                           gint64      group_id,
                           CrRoleKind  role_kind,
                           const char *role,
                           GError    **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (role != NULL ? role : ""));
  sqlite3_stmt    *stmt;
  gint64           id = 0;
  int              rc;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail ((guint) role_kind < G_N_ELEMENTS (role_kinds), 0);

  stmt = _cr_store_prepare (self,
                            "SELECT id FROM required_courses "
                            "WHERE course_id = ?1 AND ifnull(group_id, 0) = ?2 "
                            "AND role_kind = ?3 AND role = ?4 COLLATE NOCASE",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, course_id);
  sqlite3_bind_int64 (stmt, 2, MAX (group_id, 0));
  sqlite3_bind_text (stmt, 3, role_kinds[role_kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, clean, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_DONE;
    }
  if (!finish_read (self, stmt, rc, _ ("reading the required courses"), error))
    return 0;
  return id;
}

/**
 * cr_store_list_office_titles:
 *
 * The offices a requirement can be set for: the usual officers (Chair,
 * Vice-chair, Secretary, Treasurer) and every other title held in any
 * group or already named by a requirement, each once, whatever its case.
 *
 * Returns: (transfer full) (element-type utf8): the titles, the usual
 *   officers first, then the others in alphabetical order
 */
GPtrArray *
cr_store_list_office_titles (CrStore *self, GError **error)
{
  /* Titles as the file keeps them, matched to offices without regard to
   * case; not words of the interface. */
  static const char *const usual[] = { "Chair", "Vice-chair", "Secretary",
                                       "Treasurer" };
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) seen =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (usual); i++)
    {
      g_ptr_array_add (titles, g_strdup (usual[i]));
      g_hash_table_add (seen, g_utf8_casefold (usual[i], -1));
    }
  stmt = _cr_store_prepare (self,
                            "SELECT trim(role) FROM offices "
                            "UNION SELECT trim(role) FROM required_courses "
                            "WHERE role_kind = 'office' "
                            "ORDER BY 1 COLLATE NOCASE",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *title = column_text (stmt, 0);
      char       *key;

      if (title == NULL || *title == '\0')
        continue;
      key = g_utf8_casefold (title, -1);
      if (g_hash_table_contains (seen, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_add (seen, key);
      g_ptr_array_add (titles, g_strdup (title));
    }
  if (!finish_read (self, stmt, rc, _ ("reading the offices"), error))
    return NULL;
  return g_steal_pointer (&titles);
}

/* A person's role on a date: an office or a membership kind in a group. */
typedef struct
{
  gint64      person_id;
  const char *name;
  gint64      group_id;
  const char *group_name;
  CrRoleKind  kind;
  const char *role;
  const char *since;
} Role;

/**
 * cr_role_get_label:
 * @role: an office title, or a membership kind string
 *
 * Returns: (transfer none): how to show the role: the office as it is,
 *   a membership kind in words ("Voting member")
 */
const char *
cr_role_get_label (CrRoleKind kind, const char *role)
{
  if (kind == CR_ROLE_OFFICE)
    return role;
  if (g_strcmp0 (role, "voting") == 0)
    return _ ("Voting member");
  if (g_strcmp0 (role, "co-optee") == 0)
    return _ ("Co-opted member");
  if (g_strcmp0 (role, "associate") == 0)
    return _ ("Associate member");
  if (g_strcmp0 (role, "deputy") == 0)
    return _ ("Deputy");
  if (g_strcmp0 (role, "officer-support") == 0)
    return _ ("Officer support");
  return role;
}

static gboolean
requirement_applies (const CrCourseRequirement *q, const Role *role)
{
  return q->role_kind == role->kind &&
         (q->group_id == 0 || q->group_id == role->group_id) &&
         g_ascii_strcasecmp (q->role, role->role) == 0;
}

typedef gboolean (*RoleFunc) (const Role *role,
                              gpointer    user_data,
                              GError    **error);

/* Every current office and membership on @on_date, of @person_id (or of
 * everyone, 0), in @group_id (or every group, 0). */
static gboolean
foreach_role (CrStore    *self,
              gint64      person_id,
              gint64      group_id,
              const char *on_date,
              RoleFunc    func,
              gpointer    user_data,
              GError    **error)
{
  static const char *const sql[] = {
    "SELECT o.person_id, " P_NAME ", o.group_id, g.name, o.role, "
    "o.start_date FROM offices o JOIN people p ON p.id = o.person_id "
    "JOIN groups g ON g.id = o.group_id "
    "WHERE (?1 = 0 OR o.person_id = ?1) AND (?2 = 0 OR o.group_id = ?2) "
    "AND o.start_date <= ?3 AND (o.end_date IS NULL OR o.end_date >= ?3) "
    "AND (g.end_date IS NULL OR g.end_date >= ?3)",
    "SELECT m.person_id, " P_NAME ", m.group_id, g.name, m.kind, "
    "m.start_date FROM memberships m JOIN people p ON p.id = m.person_id "
    "JOIN groups g ON g.id = m.group_id "
    "WHERE (?1 = 0 OR m.person_id = ?1) AND (?2 = 0 OR m.group_id = ?2) "
    "AND m.start_date <= ?3 AND (m.end_date IS NULL OR m.end_date >= ?3) "
    "AND (g.end_date IS NULL OR g.end_date >= ?3)",
  };

  for (guint k = 0; k < G_N_ELEMENTS (sql); k++)
    {
      sqlite3_stmt *stmt = _cr_store_prepare (self, sql[k], error);
      int           rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, person_id);
      sqlite3_bind_int64 (stmt, 2, group_id);
      sqlite3_bind_text (stmt, 3, on_date, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          Role role = {
            sqlite3_column_int64 (stmt, 0),
            column_text (stmt, 1),
            sqlite3_column_int64 (stmt, 2),
            column_text (stmt, 3),
            k == 0 ? CR_ROLE_OFFICE : CR_ROLE_MEMBERSHIP,
            column_text (stmt, 4),
            column_text (stmt, 5),
          };

          if (!func (&role, user_data, error))
            {
              sqlite3_reset (stmt);
              return FALSE;
            }
        }
      if (!finish_read (self, stmt, rc, _ ("reading the roles"), error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GPtrArray  *requirements;
  GPtrArray  *records;
  const char *on_date;
  GPtrArray  *needs;
  GHashTable *seen;
} NeedsGather;

static gboolean
gather_need (const Role *role, gpointer user_data, GError **error)
{
  NeedsGather *n = user_data;

  for (guint i = 0; i < n->requirements->len; i++)
    {
      CrCourseRequirement    *q = g_ptr_array_index (n->requirements, i);
      const CrTrainingRecord *latest = NULL;
      g_autofree char        *key = NULL;
      CrRoleNeed             *need;

      if (!requirement_applies (q, role))
        continue;
      key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s:%" G_GINT64_FORMAT,
                             role->group_id, role->role, q->course_id);
      if (g_hash_table_contains (n->seen, key))
        continue;
      g_hash_table_add (n->seen, g_steal_pointer (&key));
      need = g_new0 (CrRoleNeed, 1);
      need->role = g_strdup (cr_role_get_label (role->kind, role->role));
      need->group_id = role->group_id;
      need->group_name = g_strdup (role->group_name);
      need->course_id = q->course_id;
      need->course_title = g_strdup (q->course_title);
      need->renew_months = q->renew_months;
      need->state = cr_training_course_state (
          n->records, q->course_id, q->renew_months, n->on_date, &latest);
      if (latest != NULL)
        {
          need->done_on = g_strdup (latest->date);
          need->expires_on = cr_training_expiry (latest->date, q->renew_months);
        }
      g_ptr_array_add (n->needs, need);
    }
  return TRUE;
}

/**
 * cr_store_list_role_needs:
 * @person_id: a person
 * @on_date: ISO date
 *
 * Every course the person's current offices and memberships require, and
 * where they stand with each: done, expiring, expired or not done.
 *
 * Returns: (transfer full) (element-type CrRoleNeed): by role
 */
GPtrArray *
cr_store_list_role_needs (CrStore    *self,
                          gint64      person_id,
                          const char *on_date,
                          GError    **error)
{
  g_autoptr (GPtrArray) requirements = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GPtrArray) needs =
      g_ptr_array_new_with_free_func ((GDestroyNotify) cr_role_need_free);
  g_autoptr (GHashTable) seen =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  NeedsGather n;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (person_id > 0 && on_date != NULL, NULL);

  requirements = cr_store_list_requirements (self, error);
  if (requirements == NULL)
    return NULL;
  records = cr_store_list_training (self, person_id, error);
  if (records == NULL)
    return NULL;
  n = (NeedsGather){ requirements, records, on_date, needs, seen };
  if (requirements->len > 0 &&
      !foreach_role (self, person_id, 0, on_date, gather_need, &n, error))
    return NULL;
  return g_steal_pointer (&needs);
}

/* ---- skills ------------------------------------------------------------ */

/**
 * cr_store_ensure_skill:
 * @name: "Chairing", "Minute taking" …
 *
 * Returns: the skill's id, added if it is new; 0 with @error set
 */
gint64
cr_store_ensure_skill (CrStore *self, const char *name, GError **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name != NULL ? name : ""));
  sqlite3_stmt    *stmt;
  gint64           id = 0;
  int              rc;

  g_return_val_if_fail (CR_IS_STORE (self), 0);

  if (*clean == '\0')
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _ ("Give the skill a name."));
      return 0;
    }
  stmt =
      _cr_store_prepare (self, "SELECT id FROM skills WHERE name = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_DONE;
    }
  if (!finish_read (self, stmt, rc, _ ("reading the skills"), error))
    return 0;
  if (id != 0)
    return id;

  if (!_cr_store_require_write (self, error))
    return 0;
  stmt =
      _cr_store_prepare (self, "INSERT INTO skills (name) VALUES (?1)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
  if (!step_write (self, stmt, _ ("adding the skill"),
                   _ ("That skill can’t be added."), error))
    return 0;
  return sqlite3_last_insert_rowid (_cr_store_get_db (self));
}

/**
 * cr_store_set_group_skill:
 * @wanted: how many members the group wants with the skill; 0: not wanted
 */
gboolean
cr_store_set_group_skill (CrStore *self,
                          gint64   group_id,
                          gint64   skill_id,
                          guint    wanted,
                          GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error))
    return FALSE;
  if (wanted > 1000)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _ ("Ask for at most a thousand people with a "
                              "skill."));
      return FALSE;
    }
  if (wanted == 0)
    stmt = _cr_store_prepare (self,
                              "DELETE FROM group_skills WHERE group_id = ?1 "
                              "AND skill_id = ?2",
                              error);
  else
    stmt = _cr_store_prepare (self,
                              "INSERT INTO group_skills (group_id, skill_id, "
                              "wanted) VALUES (?1, ?2, ?3) "
                              "ON CONFLICT (group_id, skill_id) "
                              "DO UPDATE SET wanted = excluded.wanted",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resolve_group (self, group_id));
  sqlite3_bind_int64 (stmt, 2, skill_id);
  if (wanted > 0)
    sqlite3_bind_int (stmt, 3, (int) wanted);
  return step_write (self, stmt, _ ("changing the skills wanted"),
                     _ ("That skill can’t be asked for."), error);
}

/**
 * cr_store_set_person_skill:
 * @has: whether the person has the skill
 * @noted_on: (nullable): ISO date it was noted
 */
gboolean
cr_store_set_person_skill (CrStore    *self,
                           gint64      person_id,
                           gint64      skill_id,
                           gboolean    has,
                           const char *noted_on,
                           GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error) ||
      (noted_on != NULL && !check_date (noted_on, _ ("date"), error)))
    return FALSE;
  if (!has)
    stmt = _cr_store_prepare (self,
                              "DELETE FROM person_skills WHERE person_id = ?1 "
                              "AND skill_id = ?2",
                              error);
  else
    stmt = _cr_store_prepare (self,
                              "INSERT INTO person_skills (person_id, skill_id, "
                              "noted_on) VALUES (?1, ?2, ?3) "
                              "ON CONFLICT (person_id, skill_id) DO NOTHING",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, skill_id);
  if (has)
    bind_text_or_null (stmt, 3, noted_on);
  return step_write (self, stmt, _ ("changing the skills"),
                     _ ("That skill can’t be recorded."), error);
}

/**
 * cr_store_list_person_skills:
 *
 * Returns: (transfer full) (element-type utf8): the person's skills by name
 */
GPtrArray *
cr_store_list_person_skills (CrStore *self, gint64 person_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT s.name FROM person_skills ps "
                            "JOIN skills s ON s.id = ps.skill_id "
                            "WHERE ps.person_id = ?1 ORDER BY s.name",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, dup_column (stmt, 0));
  if (!finish_read (self, stmt, rc, _ ("reading the skills"), error))
    return NULL;
  return g_steal_pointer (&list);
}

/* The first few names and how many more: a large association's list of
 * everyone with a skill is no use to read. */
#define MAX_HOLDERS 10

static char *
shorten_holders (const char *names, guint n)
{
  g_auto (GStrv) parts = NULL;
  g_autofree char *first = NULL;

  if (names == NULL || n <= MAX_HOLDERS)
    return g_strdup (names);
  parts = g_strsplit (names, ", ", MAX_HOLDERS + 1);
  if (g_strv_length (parts) <= MAX_HOLDERS)
    return g_strdup (names);
  g_clear_pointer (&parts[MAX_HOLDERS], g_free);
  first = g_strjoinv (", ", parts);
  return g_strdup_printf (_ ("%s and %u more"), first, n - MAX_HOLDERS);
}

/**
 * cr_store_skills_audit:
 * @group_id: a group; 0 for the association
 * @on_date: (nullable): ISO date for who is a member; today if %NULL
 *
 * Every skill the group wants or one of its current members has, with how
 * many members have it and who. A gap is a skill with @have below
 * @wanted.
 *
 * Returns: (transfer full) (element-type CrSkillAudit): by name
 */
GPtrArray *
cr_store_skills_audit (CrStore    *self,
                       gint64      group_id,
                       const char *on_date,
                       GError    **error)
{
  g_autoptr (GPtrArray) list =
      g_ptr_array_new_with_free_func ((GDestroyNotify) cr_skill_audit_free);
  g_autofree char *today = on_date ? g_strdup (on_date) : cr_date_today_iso ();
  sqlite3_stmt    *stmt;
  int              rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            "WITH members AS (" CURRENT_MEMBERS "), "
                            "held AS (SELECT ps.skill_id, count(*) AS n, "
                            "group_concat(" P_NAME ", ', ') AS names "
                            "FROM (SELECT ps.skill_id, ps.person_id "
                            "FROM person_skills ps "
                            "WHERE ps.person_id IN members) ps "
                            "JOIN people p ON p.id = ps.person_id "
                            "GROUP BY ps.skill_id) "
                            "SELECT s.id, s.name, ifnull(gs.wanted, 0), "
                            "ifnull(h.n, 0), h.names FROM skills s "
                            "LEFT JOIN group_skills gs ON gs.skill_id = s.id "
                            "AND gs.group_id = ?1 "
                            "LEFT JOIN held h ON h.skill_id = s.id "
                            "WHERE gs.wanted IS NOT NULL OR h.n IS NOT NULL "
                            "ORDER BY s.name",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, resolve_group (self, group_id));
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrSkillAudit *s = g_new0 (CrSkillAudit, 1);

      s->id = sqlite3_column_int64 (stmt, 0);
      s->name = dup_column (stmt, 1);
      s->wanted = (guint) sqlite3_column_int (stmt, 2);
      s->have = (guint) sqlite3_column_int (stmt, 3);
      s->holders = shorten_holders (column_text (stmt, 4), s->have);
      g_ptr_array_add (list, s);
    }
  if (!finish_read (self, stmt, rc, _ ("reading the skills"), error))
    return NULL;
  return g_steal_pointer (&list);
}

/* ---- check ------------------------------------------------------------- */

typedef struct
{
  gint64  id;
  char   *name;
  guint   threshold; /* 0: no rule */
  GArray *core;      /* of CrCoreCourse */
} TrainingGroup;

static void
training_group_free (gpointer data)
{
  TrainingGroup *g = data;

  g_free (g->name);
  g_clear_pointer (&g->core, g_array_unref);
  g_free (g);
}

/* The groups still running on @on_date (just @group_id, if not 0), each
 * with its threshold and core programme, into @groups (id → group). */
static gboolean
load_groups (CrStore    *self,
             gint64      group_id,
             const char *on_date,
             GHashTable *groups,
             gboolean   *any_core,
             GError    **error)
{
  GHashTableIter iter;
  TrainingGroup *g;
  sqlite3_stmt  *stmt;
  int            rc;

  stmt = _cr_store_prepare (self,
                            "SELECT id, name FROM groups "
                            "WHERE (?1 = 0 OR id = ?1) "
                            "AND (end_date IS NULL OR end_date >= ?2)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_text (stmt, 2, on_date, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g = g_new0 (TrainingGroup, 1);
      g->id = sqlite3_column_int64 (stmt, 0);
      g->name = dup_column (stmt, 1);
      g_hash_table_insert (groups, &g->id, g);
    }
  if (!finish_read (self, stmt, rc, _ ("reading the groups"), error))
    return FALSE;

  *any_core = FALSE;
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &g))
    {
      g_autoptr (CrRules) rules =
          cr_store_get_rules (self, g->id, on_date, error);

      if (rules == NULL)
        return FALSE;
      if (cr_rules_has (rules, CR_RULE_TRAINING_THRESHOLD_PERCENT))
        g->threshold =
            cr_rules_get_value (rules, CR_RULE_TRAINING_THRESHOLD_PERCENT);
      g->core = cr_store_list_core_courses (self, g->id, on_date, error);
      if (g->core == NULL)
        return FALSE;
      *any_core = *any_core || g->core->len > 0;
    }
  return TRUE;
}

void
cr_group_completion_free (CrGroupCompletion *completion)
{
  if (completion == NULL)
    return;
  g_free (completion->group_name);
  g_free (completion);
}

static gint
compare_group_completion (gconstpointer a, gconstpointer b)
{
  const CrGroupCompletion *x = *(CrGroupCompletion **) a;
  const CrGroupCompletion *y = *(CrGroupCompletion **) b;

  return g_utf8_collate (x->group_name, y->group_name);
}

/**
 * cr_store_list_group_completion:
 * @on_date: ISO date
 *
 * For each group still running with a core programme on @on_date: how
 * many current members it has, how many meet its threshold, and their
 * completion, read in a few statements whatever the size of the file.
 *
 * Returns: (transfer full) (element-type CrGroupCompletion): by name
 */
GPtrArray *
cr_store_list_group_completion (CrStore    *self,
                                const char *on_date,
                                GError    **error)
{
  g_autoptr (GHashTable) groups = g_hash_table_new_full (
      g_int64_hash, g_int64_equal, NULL, training_group_free);
  g_autoptr (GHashTable) out = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) records = NULL;
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (
      (GDestroyNotify) cr_group_completion_free);
  gboolean       any = FALSE;
  GHashTableIter iter;
  TrainingGroup *g;
  sqlite3_stmt  *stmt;
  int            rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (on_date != NULL, NULL);

  if (!load_groups (self, 0, on_date, groups, &any, error))
    return NULL;
  if (!any)
    return g_steal_pointer (&list);
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &g))
    {
      CrGroupCompletion *c;

      if (g->core->len == 0)
        continue;
      c = g_new0 (CrGroupCompletion, 1);
      c->group_id = g->id;
      c->group_name = g_strdup (g->name);
      c->threshold = g->threshold;
      c->core = g->core->len;
      g_ptr_array_add (list, c);
      g_hash_table_insert (out, &c->group_id, c);
    }

  records = records_by_person (self, 0, on_date, TRUE, error);
  if (records == NULL)
    return NULL;
  stmt =
      _cr_store_prepare (self,
                         "SELECT DISTINCT group_id, person_id FROM memberships "
                         "WHERE start_date <= ?1 "
                         "AND (end_date IS NULL OR end_date >= ?1)",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, on_date, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64             group = sqlite3_column_int64 (stmt, 0);
      gint64             person = sqlite3_column_int64 (stmt, 1);
      CrGroupCompletion *c = g_hash_table_lookup (out, &group);
      CrCompletion       done;

      if (c == NULL)
        continue;
      g = g_hash_table_lookup (groups, &group);
      done = cr_training_completion (g_hash_table_lookup (records, &person),
                                     g->core, on_date);
      c->members++;
      c->percent_sum += cr_completion_percent (done);
      if (c->threshold == 0 || cr_completion_meets (done, c->threshold))
        c->met++;
    }
  if (!finish_read (self, stmt, rc, _ ("reading the memberships"), error))
    return NULL;
  g_ptr_array_sort (list, compare_group_completion);
  return g_steal_pointer (&list);
}

typedef struct
{
  CrStore    *store;
  const char *on_date;
  GHashTable *groups;  /* id → TrainingGroup */
  GHashTable *records; /* person id → GPtrArray of completions */
  GHashTable *titles;  /* course id → title */
  GPtrArray  *requirements;
  GHashTable *seen; /* "person:course" already flagged */
  GPtrArray  *items;
} TrainingCheck;

static void
add_item (TrainingCheck *c, const Role *role, const char *date, char *detail)
{
  CrAttentionItem *item = g_new0 (CrAttentionItem, 1);

  item->rule = "training";
  item->subject_kind = CR_ATTENTION_PERSON;
  item->subject_id = role->person_id;
  item->subject = g_strdup (role->name);
  item->group_id = role->group_id;
  item->group_name = g_strdup (role->group_name);
  item->date = g_strdup (date);
  item->detail = detail;
  g_ptr_array_add (c->items, item);
}

static gboolean
first_time (TrainingCheck *c,
            const char    *what,
            gint64         person_id,
            gint64         course_id)
{
  char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                               what, person_id, course_id);

  if (g_hash_table_contains (c->seen, key))
    {
      g_free (key);
      return FALSE;
    }
  g_hash_table_add (c->seen, key);
  return TRUE;
}

static void
flag_expiry (TrainingCheck          *c,
             const Role             *role,
             CrCourseState           state,
             const CrTrainingRecord *latest,
             guint                   validity)
{
  g_autofree char *expiry = NULL;
  g_autofree char *uk = NULL;

  if ((state != CR_COURSE_EXPIRING && state != CR_COURSE_EXPIRED) ||
      latest == NULL ||
      !first_time (c, "expiry", role->person_id, latest->course_id))
    return;
  expiry = cr_training_expiry (latest->date, validity);
  uk = cr_date_iso_to_uk (expiry);
  add_item (c, role, expiry,
            state == CR_COURSE_EXPIRING
                ? g_strdup_printf (_ ("The certificate for “%s” expires on %s; "
                                      "book a refresher before then so it "
                                      "keeps counting."),
                                   latest->course_title, uk)
                : g_strdup_printf (_ ("The certificate for “%s” expired on %s "
                                      "and no longer counts; book a "
                                      "refresher."),
                                   latest->course_title, uk));
}

static char *
missing_titles (TrainingCheck *c, GPtrArray *records, GArray *core)
{
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < core->len; i++)
    {
      CrCoreCourse *k = &g_array_index (core, CrCoreCourse, i);
      CrCourseState state = cr_training_course_state (
          records, k->course_id, k->validity_months, c->on_date, NULL);

      if (state == CR_COURSE_CURRENT || state == CR_COURSE_EXPIRING)
        continue;
      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append (s, g_hash_table_lookup (c->titles, &k->course_id));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
check_role (const Role *role, gpointer user_data, GError **error)
{
  TrainingCheck *c = user_data;
  TrainingGroup *group = g_hash_table_lookup (c->groups, &role->group_id);
  GPtrArray     *records;

  if (group == NULL)
    return TRUE;
  records = g_hash_table_lookup (c->records, &role->person_id);

  /* The threshold applies to members; an office is checked only for the
   * courses the office itself requires. */
  if (role->kind == CR_ROLE_MEMBERSHIP && group->core->len > 0)
    {
      CrCompletion done =
          cr_training_completion (records, group->core, c->on_date);

      if (group->threshold > 0 &&
          !cr_completion_meets (done, group->threshold) &&
          first_time (c, "threshold", role->person_id, role->group_id))
        {
          g_autofree char *missing = missing_titles (c, records, group->core);

          add_item (c, role, role->since,
                    g_strdup_printf (_ ("Has completed %u of the %u core "
                                        "courses (%u%%); the terms of "
                                        "reference ask for %u%% of the core "
                                        "programme before full membership. "
                                        "Still to do: %s."),
                                     done.done, done.total,
                                     cr_completion_percent (done),
                                     group->threshold, missing));
        }
      for (guint i = 0; records != NULL && i < group->core->len; i++)
        {
          CrCoreCourse *k = &g_array_index (group->core, CrCoreCourse, i);
          const CrTrainingRecord *latest = NULL;
          CrCourseState           state;

          if (k->validity_months == 0)
            continue;
          state = cr_training_course_state (
              records, k->course_id, k->validity_months, c->on_date, &latest);
          flag_expiry (c, role, state, latest, k->validity_months);
        }
    }

  for (guint i = 0; i < c->requirements->len; i++)
    {
      CrCourseRequirement    *q = g_ptr_array_index (c->requirements, i);
      const CrTrainingRecord *latest = NULL;
      CrCourseState           state;

      if (!requirement_applies (q, role))
        continue;
      state = cr_training_course_state (records, q->course_id, q->renew_months,
                                        c->on_date, &latest);
      if (state == CR_COURSE_NOT_DONE &&
          first_time (c, "required", role->person_id, q->course_id))
        add_item (c, role, role->since,
                  g_strdup_printf (_ ("As %s of %s, must complete “%s”, "
                                      "which the role requires; it is not "
                                      "done yet. Book a place."),
                                   cr_role_get_label (role->kind, role->role),
                                   role->group_name, q->course_title));
      else
        flag_expiry (c, role, state, latest, q->renew_months);
    }
  return TRUE;
}

/**
 * cr_store_check_training:
 * @group_id: a group, or 0 for every group still running on @on_date
 * @on_date: ISO date
 * @items: (element-type CrAttentionItem): where the items are added
 *
 * Adds a `training` item for each member below their group's
 * training-threshold-percent, each certificate of a core or required
 * course that has expired or expires within 60 days, and each course a
 * current office or membership requires that the person hasn't done.
 */
gboolean
cr_store_check_training (CrStore    *self,
                         gint64      group_id,
                         const char *on_date,
                         GPtrArray  *items,
                         GError    **error)
{
  g_autoptr (GHashTable) groups = g_hash_table_new_full (
      g_int64_hash, g_int64_equal, NULL, training_group_free);
  g_autoptr (GHashTable) titles =
      g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (GHashTable) seen =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) records = NULL;
  g_autoptr (GPtrArray) requirements = NULL;
  gboolean      any = FALSE;
  TrainingCheck c;
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (on_date != NULL && items != NULL, FALSE);

  requirements = cr_store_list_requirements (self, error);
  if (requirements == NULL)
    return FALSE;

  stmt = _cr_store_prepare (self, "SELECT id, title FROM courses", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (titles,
                         g_memdup2 (&(gint64){ sqlite3_column_int64 (stmt, 0) },
                                    sizeof (gint64)),
                         dup_column (stmt, 1));
  if (!finish_read (self, stmt, rc, _ ("reading the courses"), error))
    return FALSE;
  /* No catalogue, nothing to check: a file that keeps no training pays
   * nothing for it. */
  if (g_hash_table_size (titles) == 0)
    return TRUE;

  if (!load_groups (self, group_id, on_date, groups, &any, error))
    return FALSE;
  any = any || requirements->len > 0;
  if (!any)
    return TRUE;

  records = records_by_person (self, 0, on_date, TRUE, error);
  if (records == NULL)
    return FALSE;

  c = (TrainingCheck){ self,   on_date,      groups, records,
                       titles, requirements, seen,   items };
  return foreach_role (self, 0, group_id, on_date, check_role, &c, error);
}
