/* cr-store-people.c: people, groups, memberships and offices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-store-people.h"

#include "cr-date.h"

#include "cr-store-private.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>

static const char *const group_kinds[] = {
  [CR_GROUP_KIND_ASSOCIATION] = "association",
  [CR_GROUP_KIND_COMMITTEE] = "committee",
  [CR_GROUP_KIND_SUB_GROUP] = "sub-group",
  [CR_GROUP_KIND_WORKING_GROUP] = "working-group",
  [CR_GROUP_KIND_PANEL] = "panel",
  [CR_GROUP_KIND_FOCUS_GROUP] = "focus-group",
};

static const char *const membership_kinds[] = {
  [CR_MEMBERSHIP_VOTING] = "voting",
  [CR_MEMBERSHIP_CO_OPTEE] = "co-optee",
  [CR_MEMBERSHIP_ASSOCIATE] = "associate",
  [CR_MEMBERSHIP_DEPUTY] = "deputy",
  [CR_MEMBERSHIP_OFFICER_SUPPORT] = "officer-support",
};

static const char *const end_reasons[] = {
  [CR_END_RESIGNED] = "resigned",
  [CR_END_LAPSED] = "lapsed",
  [CR_END_REMOVED] = "removed",
  [CR_END_TERM_ENDED] = "term-ended",
  [CR_END_MOVED_AWAY] = "moved-away",
  [CR_END_DIED] = "died",
  [CR_END_OTHER] = "other",
};

const char *
cr_group_kind_to_string (CrGroupKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (group_kinds), NULL);
  return group_kinds[kind];
}

const char *
cr_membership_kind_to_string (CrMembershipKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (membership_kinds), NULL);
  return membership_kinds[kind];
}

const char *
cr_end_reason_to_string (CrEndReason reason)
{
  g_return_val_if_fail (reason < G_N_ELEMENTS (end_reasons), NULL);
  return end_reasons[reason];
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

static void
bind_person (sqlite3_stmt *stmt,
             CrPerson     *person)
{
  g_autofree char *key = _cr_store_name_key (cr_person_get_given_name (person),
                                             cr_person_get_family_name (person));

  sqlite3_bind_text (stmt, 1, cr_person_get_given_name (person), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, cr_person_get_family_name (person), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, key, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 4, cr_person_get_address (person));
  bind_text_or_null (stmt, 5, cr_person_get_block (person));
  bind_text_or_null (stmt, 6, cr_person_get_postcode (person));
  bind_text_or_null (stmt, 7, cr_person_get_phone (person));
  bind_text_or_null (stmt, 8, cr_person_get_email (person));
  bind_text_or_null (stmt, 9, cr_tenure_to_string (cr_person_get_tenure (person)));
  sqlite3_bind_int (stmt, 10, cr_person_get_consent_to_contact (person));
  bind_text_or_null (stmt, 11, cr_person_get_consent_date (person));
  bind_text_or_null (stmt, 12, cr_person_get_conduct_signed_on (person));
  bind_text_or_null (stmt, 13, cr_person_get_notes (person));
  sqlite3_bind_text (stmt, 14, cr_person_dup_search_text (person), -1, g_free);
  {
    char *household = cr_person_dup_household_key (person);

    if (household != NULL)
      sqlite3_bind_text (stmt, 15, household, -1, g_free);
    else
      sqlite3_bind_null (stmt, 15);
  }
}

/**
 * _cr_store_people_fill_derived:
 *
 * Computes every person's search_text and household_key, for the
 * migration that adds them.
 */
gboolean
_cr_store_people_fill_derived (sqlite3  *db,
                               GError  **error)
{
  sqlite3_stmt *read = NULL;
  sqlite3_stmt *write = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT id, given_name, family_name, address, "
                           "block, postcode, email FROM people",
                           -1, &read, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "UPDATE people SET search_text = ?1, "
                             "household_key = ?2 WHERE id = ?3",
                             -1, &write, NULL);

  while (rc == SQLITE_OK && sqlite3_step (read) == SQLITE_ROW)
    {
      g_autoptr (CrPerson) person = cr_person_new ();
      char *household;

      cr_person_set_given_name (person, (const char *) sqlite3_column_text (read, 1));
      cr_person_set_family_name (person, (const char *) sqlite3_column_text (read, 2));
      cr_person_set_address (person, (const char *) sqlite3_column_text (read, 3));
      cr_person_set_block (person, (const char *) sqlite3_column_text (read, 4));
      cr_person_set_postcode (person, (const char *) sqlite3_column_text (read, 5));
      cr_person_set_email (person, (const char *) sqlite3_column_text (read, 6));

      sqlite3_bind_text (write, 1, cr_person_dup_search_text (person), -1, g_free);
      household = cr_person_dup_household_key (person);
      if (household != NULL)
        sqlite3_bind_text (write, 2, household, -1, g_free);
      else
        sqlite3_bind_null (write, 2);
      sqlite3_bind_int64 (write, 3, sqlite3_column_int64 (read, 0));
      if (sqlite3_step (write) != SQLITE_DONE)
        rc = sqlite3_errcode (db);
      sqlite3_reset (write);
    }

  if (rc != SQLITE_OK)
    g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_FAILED,
                 _("The people in the file could not be updated: %s."),
                 sqlite3_errmsg (db));
  sqlite3_finalize (read);
  sqlite3_finalize (write);
  return rc == SQLITE_OK;
}

static gboolean
check_person (CrPerson  *person,
              GError   **error)
{
  if (*cr_person_get_given_name (person) == '\0' &&
      *cr_person_get_family_name (person) == '\0')
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _("A person needs a name."));
      return FALSE;
    }
  return TRUE;
}

/**
 * cr_store_add_person:
 * @person: a new person; its id is set on success
 *
 * Returns: the new person's id, or 0 with @error set
 */
gint64
cr_store_add_person (CrStore   *self,
                     CrPerson  *person,
                     GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail (CR_IS_PERSON (person), 0);

  if (!_cr_store_require_write (self, error) || !check_person (person, error))
    return 0;

  stmt = _cr_store_prepare (self,
                            "INSERT INTO people (given_name, family_name, "
                            "sort_key, address, block, postcode, phone, email, "
                            "tenure, consent_to_contact, consent_date, "
                            "conduct_signed_on, notes, search_text, "
                            "household_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                            "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                            error);
  if (stmt == NULL)
    return 0;

  bind_person (stmt, person);
  if (!_cr_store_step_done (self, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (_cr_store_get_db (self));
  cr_person_set_id (person, id);
  return id;
}

/**
 * cr_store_update_person:
 * @person: a person read from this store, with edits
 *
 * Saves every field of @person at once.
 */
gboolean
cr_store_update_person (CrStore   *self,
                        CrPerson  *person,
                        GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (CR_IS_PERSON (person), FALSE);

  if (!_cr_store_require_write (self, error) || !check_person (person, error))
    return FALSE;

  stmt = _cr_store_prepare (self,
                            "UPDATE people SET given_name = ?1, "
                            "family_name = ?2, sort_key = ?3, address = ?4, "
                            "block = ?5, postcode = ?6, phone = ?7, "
                            "email = ?8, tenure = ?9, consent_to_contact = ?10, "
                            "consent_date = ?11, conduct_signed_on = ?12, "
                            "notes = ?13, search_text = ?14, "
                            "household_key = ?15 WHERE id = ?16",
                            error);
  if (stmt == NULL)
    return FALSE;

  bind_person (stmt, person);
  sqlite3_bind_int64 (stmt, 16, cr_person_get_id (person));
  if (!_cr_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (_cr_store_get_db (self)) == 0)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                   _("There is no person number %lld."),
                   (long long) cr_person_get_id (person));
      return FALSE;
    }
  return TRUE;
}

#define PERSON_COLUMNS                                                        \
  "p.id, p.given_name, p.family_name, p.address, p.block, p.postcode, "       \
  "p.phone, p.email, p.tenure, p.consent_to_contact, p.consent_date, "        \
  "p.conduct_signed_on, p.notes, "                                            \
  "(SELECT min(m.start_date) FROM memberships m WHERE m.person_id = p.id), "  \
  "EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id "             \
  "  AND m.start_date <= ?1 AND (m.end_date IS NULL OR m.end_date >= ?1)), "   \
  "(SELECT c.kind FROM conduct c WHERE c.person_id = p.id "                   \
  "  AND c.kind IN ('suspension', 'exclusion') AND c.start_date <= ?1 "       \
  "  AND (c.end_date IS NULL OR c.end_date >= ?1) "                           \
  "  AND c.appeal_outcome IS NOT 'overturned' "                               \
  "  ORDER BY c.kind = 'exclusion' DESC LIMIT 1), "                          \
  "(SELECT group_concat (x, '; ') FROM ("                                     \
  "  SELECT CASE WHEN g.kind = 'association' THEN o.role "                    \
  "    ELSE o.role || ' (' || g.name || ')' END AS x "                        \
  "  FROM offices o JOIN groups g ON g.id = o.group_id "                      \
  "  WHERE o.person_id = p.id AND o.start_date <= ?1 "                        \
  "    AND (o.end_date IS NULL OR o.end_date >= ?1) "                         \
  "  UNION ALL SELECT g.name FROM memberships m "                             \
  "  JOIN groups g ON g.id = m.group_id WHERE m.person_id = p.id "            \
  "    AND g.kind <> 'association' AND m.start_date <= ?1 "                   \
  "    AND (m.end_date IS NULL OR m.end_date >= ?1)))"

static const char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static CrPerson *
person_from_row (sqlite3_stmt *stmt,
                 const char   *today)
{
  CrPerson *person = cr_person_new ();
  CrTenure tenure = CR_TENURE_UNKNOWN;
  const char *joined = column_text (stmt, 13);
  CrPersonStatus status;

  cr_person_set_id (person, sqlite3_column_int64 (stmt, 0));
  cr_person_set_given_name (person, column_text (stmt, 1));
  cr_person_set_family_name (person, column_text (stmt, 2));
  cr_person_set_address (person, column_text (stmt, 3));
  cr_person_set_block (person, column_text (stmt, 4));
  cr_person_set_postcode (person, column_text (stmt, 5));
  cr_person_set_phone (person, column_text (stmt, 6));
  cr_person_set_email (person, column_text (stmt, 7));
  cr_tenure_from_string (column_text (stmt, 8), &tenure);
  cr_person_set_tenure (person, tenure);
  cr_person_set_consent (person, sqlite3_column_int (stmt, 9),
                         column_text (stmt, 10));
  cr_person_set_conduct_signed_on (person, column_text (stmt, 11));
  cr_person_set_notes (person, column_text (stmt, 12));

  if (sqlite3_column_int (stmt, 14))
    status = CR_PERSON_STATUS_CURRENT;
  else if (joined != NULL && g_strcmp0 (joined, today) <= 0)
    status = CR_PERSON_STATUS_FORMER;
  else
    status = CR_PERSON_STATUS_NONE;
  _cr_person_set_derived (person, status, joined);
  _cr_person_set_sanction (person, column_text (stmt, 15));
  _cr_person_set_roles (person, column_text (stmt, 16));

  return person;
}

/**
 * cr_store_get_person:
 * @on_date: (nullable): the ISO date their status is for; today if %NULL
 *
 * Returns: (transfer full): the person, or %NULL with @error set
 */
CrPerson *
cr_store_get_person (CrStore     *self,
                     gint64       id,
                     const char  *on_date,
                     GError     **error)
{
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  CrPerson *person = NULL;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  today = on_date ? g_strdup (on_date) : cr_date_today_iso ();
  stmt = _cr_store_prepare (self,
                            "SELECT " PERSON_COLUMNS
                            " FROM people p WHERE p.id = ?2",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    person = person_from_row (stmt, today);
  else if (rc == SQLITE_DONE)
    g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                 _("There is no person number %lld."), (long long) id);
  else
    _cr_store_set_error (self, error, rc, _("reading a person"));
  sqlite3_reset (stmt);

  return person;
}

/**
 * cr_store_list_person_ids:
 *
 * Every person's id in register order (family name, then given name).
 *
 * Returns: (transfer full) (element-type gint64): the ids
 */
GArray *
cr_store_list_person_ids (CrStore  *self,
                          GError  **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT id FROM people ORDER BY sort_key, id",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _("reading the register"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

#define CURRENT_MEMBER(p, d)                                                  \
  "EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = " p                \
  " AND m.start_date <= " d " AND (m.end_date IS NULL OR m.end_date >= " d "))"
#define EVER_MEMBER(p, d)                                                     \
  "EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = " p                \
  " AND m.start_date <= " d ")"

/**
 * cr_store_foreach_person_brief:
 * @id: one person's id, or 0 for everyone
 * @on_date: (nullable): the ISO date statuses are for; today if %NULL
 * @func: called for each person in register order; return %FALSE to stop
 *
 * Streams what the register's search and filters need, in one read.
 */
gboolean
cr_store_foreach_person_brief (CrStore            *self,
                               gint64              id,
                               const char         *on_date,
                               CrPersonBriefFunc   func,
                               gpointer            user_data,
                               GError            **error)
{
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  today = on_date ? g_strdup (on_date) : cr_date_today_iso ();
  stmt = _cr_store_prepare (self,
                            "SELECT p.id, p.search_text, "
                            CURRENT_MEMBER ("p.id", "?1") ", "
                            EVER_MEMBER ("p.id", "?1")
                            " FROM people p WHERE ?2 = 0 OR p.id = ?2"
                            " ORDER BY p.sort_key, p.id",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrPersonBrief brief;

      brief.id = sqlite3_column_int64 (stmt, 0);
      brief.search_text = column_text (stmt, 1);
      if (sqlite3_column_int (stmt, 2))
        brief.status = CR_PERSON_STATUS_CURRENT;
      else if (sqlite3_column_int (stmt, 3))
        brief.status = CR_PERSON_STATUS_FORMER;
      else
        brief.status = CR_PERSON_STATUS_NONE;
      if (!func (&brief, user_data))
        {
          rc = SQLITE_DONE;
          break;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _("reading the register"));
      return FALSE;
    }
  return TRUE;
}

static GArray *
collect_ids (CrStore       *self,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _("reading the register"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * cr_store_list_person_ids_sorted:
 * @sort: the column
 * @descending: whether to reverse it (ties stay in register order)
 * @on_date: (nullable): the ISO date statuses are for; today if %NULL
 *
 * Every person's id, sorted as the register's column headers ask.
 *
 * Returns: (transfer full) (element-type gint64): the ids
 */
GArray *
cr_store_list_person_ids_sorted (CrStore       *self,
                                 CrPersonSort   sort,
                                 gboolean       descending,
                                 const char    *on_date,
                                 GError       **error)
{
  /* Whole statements, not pieces glued at run time: every one is a
   * constant, so nothing a user types can reach the SQL. Blanks sort last
   * either way. */
  static const char *const statements[][2] = {
    [CR_PERSON_SORT_NAME] = {
      "SELECT p.id FROM people p ORDER BY p.sort_key, p.id",
      "SELECT p.id FROM people p ORDER BY p.sort_key DESC, p.id DESC" },
    [CR_PERSON_SORT_ADDRESS] = {
      "SELECT p.id FROM people p ORDER BY p.address IS NULL, "
      "p.household_key, p.sort_key, p.id",
      "SELECT p.id FROM people p ORDER BY p.address IS NULL, "
      "p.household_key DESC, p.sort_key, p.id" },
    [CR_PERSON_SORT_POSTCODE] = {
      "SELECT p.id FROM people p ORDER BY p.postcode IS NULL, "
      "upper(p.postcode), p.sort_key, p.id",
      "SELECT p.id FROM people p ORDER BY p.postcode IS NULL, "
      "upper(p.postcode) DESC, p.sort_key, p.id" },
    [CR_PERSON_SORT_TENURE] = {
      "SELECT p.id FROM people p ORDER BY p.tenure IS NULL, p.tenure, "
      "p.sort_key, p.id",
      "SELECT p.id FROM people p ORDER BY p.tenure IS NULL, p.tenure DESC, "
      "p.sort_key, p.id" },
    [CR_PERSON_SORT_STATUS] = {
      "SELECT p.id FROM people p ORDER BY "
      CURRENT_MEMBER ("p.id", "?1") " DESC, " EVER_MEMBER ("p.id", "?1")
      " DESC, p.sort_key, p.id",
      "SELECT p.id FROM people p ORDER BY "
      CURRENT_MEMBER ("p.id", "?1") ", " EVER_MEMBER ("p.id", "?1")
      ", p.sort_key, p.id" },
    [CR_PERSON_SORT_JOINED] = {
      "SELECT p.id FROM people p ORDER BY "
      "(SELECT min(m.start_date) FROM memberships m WHERE m.person_id = p.id)"
      " IS NULL, (SELECT min(m.start_date) FROM memberships m"
      " WHERE m.person_id = p.id), p.sort_key, p.id",
      "SELECT p.id FROM people p ORDER BY "
      "(SELECT min(m.start_date) FROM memberships m WHERE m.person_id = p.id)"
      " IS NULL, (SELECT min(m.start_date) FROM memberships m"
      " WHERE m.person_id = p.id) DESC, p.sort_key, p.id" },
  };
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail ((guint) sort < G_N_ELEMENTS (statements), NULL);

  stmt = _cr_store_prepare (self, statements[sort][descending ? 1 : 0], error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    {
      today = on_date ? g_strdup (on_date) : cr_date_today_iso ();
      sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
    }
  return collect_ids (self, stmt, error);
}

/**
 * cr_store_list_group_member_ids:
 * @group_id: a group
 * @on_date: (nullable): the ISO date; today if %NULL
 *
 * Returns: (transfer full) (element-type gint64): the ids of the people
 *   who are members of @group_id on @on_date, in no particular order
 */
GArray *
cr_store_list_group_member_ids (CrStore     *self,
                                gint64       group_id,
                                const char  *on_date,
                                GError     **error)
{
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  today = on_date ? g_strdup (on_date) : cr_date_today_iso ();
  stmt = _cr_store_prepare (self,
                            "SELECT DISTINCT m.person_id FROM memberships m "
                            "WHERE m.group_id = ?1 AND m.start_date <= ?2 "
                            "AND (m.end_date IS NULL OR m.end_date >= ?2)",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  return collect_ids (self, stmt, error);
}

/**
 * cr_store_foreach_person:
 * @on_date: (nullable): the ISO date statuses are for; today if %NULL
 * @func: called for each person in register order; return %FALSE to stop
 *
 * Streams the register without holding it all in memory.
 */
gboolean
cr_store_foreach_person (CrStore       *self,
                         const char    *on_date,
                         CrPersonFunc   func,
                         gpointer       user_data,
                         GError       **error)
{
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  today = on_date ? g_strdup (on_date) : cr_date_today_iso ();
  stmt = _cr_store_prepare (self,
                            "SELECT " PERSON_COLUMNS
                            " FROM people p ORDER BY p.sort_key, p.id",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (CrPerson) person = person_from_row (stmt, today);

      if (!func (person, user_data))
        {
          rc = SQLITE_DONE;
          break;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _("reading the register"));
      return FALSE;
    }
  return TRUE;
}

/**
 * cr_store_count_people:
 *
 * Returns: how many people the file holds, or -1 with @error set
 */
gint64
cr_store_count_people (CrStore  *self,
                       GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), -1);

  stmt = _cr_store_prepare (self, "SELECT count(*) FROM people", error);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    _cr_store_set_error (self, error, rc, _("reading the register"));
  sqlite3_reset (stmt);
  return n;
}

/**
 * cr_store_add_group:
 * @parent_id: the group it belongs to, or 0 for the association
 *
 * Returns: the new group's id, or 0 with @error set
 */
gint64
cr_store_add_group (CrStore      *self,
                    const char   *name,
                    CrGroupKind   kind,
                    gint64        parent_id,
                    GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);
  g_return_val_if_fail (kind < G_N_ELEMENTS (group_kinds), 0);

  if (!_cr_store_require_write (self, error))
    return 0;

  if (parent_id == 0 && kind != CR_GROUP_KIND_ASSOCIATION)
    parent_id = cr_store_get_association_group (self);

  stmt = _cr_store_prepare (self,
                            "INSERT INTO groups (name, kind, parent_id) "
                            "VALUES (trim(?1), ?2, ?3)",
                            error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, group_kinds[kind], -1, SQLITE_STATIC);
  if (parent_id > 0)
    sqlite3_bind_int64 (stmt, 3, parent_id);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      int rc = sqlite3_extended_errcode (_cr_store_get_db (self));

      sqlite3_reset (stmt);
      if (rc == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_EXISTS,
                     _("There is already a group called “%s”."), name);
      else if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                     _("A group needs a name, and its parent must exist."));
      else
        _cr_store_set_error (self, error, rc, _("adding the group"));
      return 0;
    }
  sqlite3_reset (stmt);

  return sqlite3_last_insert_rowid (_cr_store_get_db (self));
}

/**
 * cr_store_list_groups:
 *
 * The association first, then its groups by name.
 *
 * Returns: (transfer full) (element-type CrGroup): the groups
 */
GPtrArray *
cr_store_list_groups (CrStore  *self,
                      GError  **error)
{
  g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT id, name, kind, parent_id, end_date, "
                            "one_per_household FROM groups "
                            "ORDER BY kind <> 'association', name COLLATE NOCASE",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrGroup *group = cr_group_new (sqlite3_column_int64 (stmt, 0),
                                     column_text (stmt, 1),
                                     column_text (stmt, 2),
                                     sqlite3_column_int64 (stmt, 3));

      cr_group_set_end_date (group, column_text (stmt, 4));
      cr_group_set_one_per_household (group, sqlite3_column_int (stmt, 5));
      g_ptr_array_add (groups, group);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _("reading the groups"));
      return NULL;
    }
  return g_steal_pointer (&groups);
}

/**
 * cr_store_find_group:
 * @name: a group's name, in any case
 *
 * Returns: the group's id, or 0 with %CR_STORE_ERROR_NOT_FOUND
 */
gint64
cr_store_find_group (CrStore     *self,
                     const char  *name,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  stmt = _cr_store_prepare (self,
                            "SELECT id FROM groups WHERE name = trim(?1)",
                            error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                 _("There is no group called “%s”."), name);
  else
    _cr_store_set_error (self, error, rc, _("finding the group"));
  sqlite3_reset (stmt);
  return id;
}

static gboolean
check_iso_date (const char  *date,
                const char  *what,
                GError     **error)
{
  int y, m, d;
  char tail;

  if (date != NULL && strlen (date) == 10 &&
      sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
      g_date_valid_dmy (d, m, y))
    return TRUE;

  g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
               _("The %s “%s” is not a real date."), what,
               date ? date : "");
  return FALSE;
}

static gint64
insert_dated (CrStore     *self,
              const char  *sql,
              gint64       person_id,
              gint64       group_id,
              const char  *text,
              const char  *start_date,
              const char  *doing,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!_cr_store_require_write (self, error) ||
      !check_iso_date (start_date, _("start date"), error))
    return 0;

  stmt = _cr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, group_id);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, start_date, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (_cr_store_get_db (self)) ==
          SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                             _("That person or group is no longer in the "
                               "file."));
      else
        _cr_store_set_error (self, error, rc, doing);
      return 0;
    }
  return sqlite3_last_insert_rowid (_cr_store_get_db (self));
}

/* A group that admits one member a household refuses a second person from
 * an address that already has a member there on or after @start_date. */
static gboolean
check_household (CrStore     *self,
                 gint64       person_id,
                 gint64       group_id,
                 const char  *start_date,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cr_store_prepare (self,
                            "SELECT g.name, o.given_name, o.family_name, "
                            "o.address FROM groups g, people p, people o, "
                            "memberships m WHERE g.id = ?2 "
                            "AND g.one_per_household = 1 AND p.id = ?1 "
                            "AND p.household_key IS NOT NULL "
                            "AND o.household_key = p.household_key "
                            "AND o.id <> p.id AND m.person_id = o.id "
                            "AND m.group_id = g.id "
                            "AND (m.end_date IS NULL OR m.end_date >= ?3) "
                            "LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, group_id);
  sqlite3_bind_text (stmt, 3, start_date ? start_date : "", -1,
                     SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *other = g_strjoin (" ", column_text (stmt, 1),
                                          column_text (stmt, 2), NULL);

      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("%s admits one member a household, and %s at %s is "
                     "already a member. End that membership first, or "
                     "choose another group."),
                   column_text (stmt, 0), g_strstrip (other),
                   column_text (stmt, 3));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _("checking the household rule"));
      return FALSE;
    }
  return TRUE;
}

/**
 * cr_store_add_membership:
 * @start_date: ISO date of the first day of membership
 *
 * Returns: the membership's id, or 0 with @error set
 */
gint64
cr_store_add_membership (CrStore           *self,
                         gint64             person_id,
                         gint64             group_id,
                         CrMembershipKind   kind,
                         const char        *start_date,
                         GError           **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail (kind < G_N_ELEMENTS (membership_kinds), 0);

  if (!check_household (self, person_id, group_id, start_date, error))
    return 0;

  return insert_dated (self,
                       "INSERT INTO memberships (person_id, group_id, kind, "
                       "start_date) VALUES (?1, ?2, ?3, ?4)",
                       person_id, group_id, membership_kinds[kind],
                       start_date, _("adding the membership"), error);
}

static gboolean
end_dated (CrStore     *self,
           const char  *sql,
           gint64       id,
           const char  *end_date,
           const char  *reason,
           const char  *doing,
           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!_cr_store_require_write (self, error) ||
      !check_iso_date (end_date, _("end date"), error))
    return FALSE;

  stmt = _cr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, end_date, -1, SQLITE_TRANSIENT);
  if (reason != NULL)
    sqlite3_bind_text (stmt, 3, reason, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                     _("The end date %s is before the start date."), end_date);
      else
        _cr_store_set_error (self, error, rc, doing);
      return FALSE;
    }
  if (sqlite3_changes (_cr_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                           _("That is not in the file, or has already "
                             "ended."));
      return FALSE;
    }
  return TRUE;
}

/**
 * cr_store_end_membership:
 * @end_date: ISO date of the last day of membership
 *
 * Ends a current membership, keeping it in the record.
 */
gboolean
cr_store_end_membership (CrStore      *self,
                         gint64        membership_id,
                         const char   *end_date,
                         CrEndReason   reason,
                         GError      **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (reason < G_N_ELEMENTS (end_reasons), FALSE);

  return end_dated (self,
                    "UPDATE memberships SET end_date = ?2, end_reason = ?3 "
                    "WHERE id = ?1 AND end_date IS NULL",
                    membership_id, end_date, end_reasons[reason],
                    _("ending the membership"), error);
}

/**
 * cr_store_add_office:
 * @role: "Chair", "Treasurer" …
 *
 * Returns: the office's id, or 0 with @error set
 */
gint64
cr_store_add_office (CrStore     *self,
                     gint64       person_id,
                     gint64       group_id,
                     const char  *role,
                     const char  *start_date,
                     GError     **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail (role != NULL, 0);

  return insert_dated (self,
                       "INSERT INTO offices (person_id, group_id, role, "
                       "start_date) VALUES (?1, ?2, trim(?3), ?4)",
                       person_id, group_id, role, start_date,
                       _("adding the office"), error);
}

gboolean
cr_store_end_office (CrStore     *self,
                     gint64       office_id,
                     const char  *end_date,
                     GError     **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  return end_dated (self,
                    "UPDATE offices SET end_date = ?2 "
                    "WHERE id = ?1 AND end_date IS NULL",
                    office_id, end_date, NULL, _("ending the office"), error);
}

/**
 * cr_membership_free:
 *
 * Frees a membership from cr_store_list_memberships().
 */
void
cr_membership_free (CrMembership *membership)
{
  if (membership == NULL)
    return;
  g_free (membership->group_name);
  g_free (membership->start_date);
  g_free (membership->end_date);
  g_free (membership);
}

static gboolean
enum_from_string (const char *const *names,
                  guint              n_names,
                  const char        *text,
                  guint             *value)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (names[i], text) == 0)
      {
        *value = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * cr_store_list_memberships:
 * @person_id: a person
 *
 * Every membership the person has held, current ones first, then the
 * latest started.
 *
 * Returns: (transfer full) (element-type CrMembership): the memberships
 */
GPtrArray *
cr_store_list_memberships (CrStore  *self,
                           gint64    person_id,
                           GError  **error)
{
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) cr_membership_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT m.id, m.group_id, g.name, m.kind, "
                            "m.start_date, m.end_date, m.end_reason "
                            "FROM memberships m JOIN groups g "
                            "ON g.id = m.group_id WHERE m.person_id = ?1 "
                            "ORDER BY m.end_date IS NOT NULL, "
                            "m.start_date DESC, m.id DESC",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrMembership *m = g_new0 (CrMembership, 1);
      guint value = 0;

      m->id = sqlite3_column_int64 (stmt, 0);
      m->group_id = sqlite3_column_int64 (stmt, 1);
      m->group_name = g_strdup (column_text (stmt, 2));
      enum_from_string (membership_kinds, G_N_ELEMENTS (membership_kinds),
                        column_text (stmt, 3), &value);
      m->kind = value;
      m->start_date = g_strdup (column_text (stmt, 4));
      m->end_date = g_strdup (column_text (stmt, 5));
      value = CR_END_OTHER;
      enum_from_string (end_reasons, G_N_ELEMENTS (end_reasons),
                        column_text (stmt, 6), &value);
      m->end_reason = value;
      g_ptr_array_add (list, m);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _("reading the memberships"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * cr_store_set_group_one_per_household:
 * @one: whether @group_id admits one member a household
 */
gboolean
cr_store_set_group_one_per_household (CrStore   *self,
                                      gint64     group_id,
                                      gboolean   one,
                                      GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error))
    return FALSE;
  stmt = _cr_store_prepare (self,
                            "UPDATE groups SET one_per_household = ?2 "
                            "WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int (stmt, 2, one ? 1 : 0);
  return _cr_store_step_done (self, stmt, error);
}

/**
 * cr_membership_kind_get_label:
 *
 * Returns: (transfer none): the translated words for @kind
 */
const char *
cr_membership_kind_get_label (CrMembershipKind kind)
{
  switch (kind)
    {
    case CR_MEMBERSHIP_VOTING:
      return _("Voting member");
    case CR_MEMBERSHIP_CO_OPTEE:
      return _("Co-opted member");
    case CR_MEMBERSHIP_ASSOCIATE:
      return _("Associate (observer)");
    case CR_MEMBERSHIP_DEPUTY:
      return _("Deputy");
    case CR_MEMBERSHIP_OFFICER_SUPPORT:
      return _("Officer support");
    default:
      return "";
    }
}

/**
 * cr_end_reason_get_label:
 *
 * Returns: (transfer none): the translated words for @reason
 */
const char *
cr_end_reason_get_label (CrEndReason reason)
{
  switch (reason)
    {
    case CR_END_RESIGNED:
      return _("Resigned");
    case CR_END_LAPSED:
      return _("Lapsed");
    case CR_END_REMOVED:
      return _("Removed");
    case CR_END_TERM_ENDED:
      return _("Term ended");
    case CR_END_MOVED_AWAY:
      return _("Moved away");
    case CR_END_DIED:
      return _("Died");
    case CR_END_OTHER:
    default:
      return _("Other");
    }
}

/**
 * cr_office_free:
 *
 * Frees an office from cr_store_list_offices().
 */
void
cr_office_free (CrOffice *office)
{
  if (office == NULL)
    return;
  g_free (office->group_name);
  g_free (office->role);
  g_free (office->start_date);
  g_free (office->end_date);
  g_free (office);
}

/**
 * cr_store_list_offices:
 * @person_id: a person
 *
 * Returns: (transfer full) (element-type CrOffice): every office the person
 *   has held, current ones first
 */
GPtrArray *
cr_store_list_offices (CrStore  *self,
                       gint64    person_id,
                       GError  **error)
{
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) cr_office_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT o.id, o.group_id, g.name, o.role, "
                            "o.start_date, o.end_date FROM offices o "
                            "JOIN groups g ON g.id = o.group_id "
                            "WHERE o.person_id = ?1 "
                            "ORDER BY o.end_date IS NOT NULL, "
                            "o.start_date DESC, o.id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrOffice *o = g_new0 (CrOffice, 1);

      o->id = sqlite3_column_int64 (stmt, 0);
      o->group_id = sqlite3_column_int64 (stmt, 1);
      o->group_name = g_strdup (column_text (stmt, 2));
      o->role = g_strdup (column_text (stmt, 3));
      o->start_date = g_strdup (column_text (stmt, 4));
      o->end_date = g_strdup (column_text (stmt, 5));
      g_ptr_array_add (list, o);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _("reading the offices"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * cr_store_take_office:
 * @person_id: who takes the office
 * @role: "Chair", "Treasurer" …
 * @start_date: ISO date of their first day
 * @handed_over_by: (out) (optional): the id of the person who held it
 *   until the day before, or 0
 *
 * Gives @person_id the office, in one transaction. Whoever holds the same
 * role in the group hands it over: their term ends the day before.
 *
 * Returns: the new office's id, or 0 with @error set
 */
gint64
cr_store_take_office (CrStore     *self,
                      gint64       person_id,
                      gint64       group_id,
                      const char  *role,
                      const char  *start_date,
                      gint64      *handed_over_by,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  GDate date;
  char previous[11];
  gint64 holder = 0, holder_office = 0, id;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail (role != NULL, 0);

  if (handed_over_by != NULL)
    *handed_over_by = 0;
  if (!_cr_store_require_write (self, error) ||
      !check_iso_date (start_date, _("start date"), error))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, atoi (start_date + 8), atoi (start_date + 5),
                  atoi (start_date));
  g_date_subtract_days (&date, 1);
  g_date_strftime (previous, sizeof previous, "%Y-%m-%d", &date);

  stmt = _cr_store_prepare (self,
                            "SELECT id, person_id, start_date FROM offices "
                            "WHERE group_id = ?1 AND role = trim(?2) "
                            "COLLATE NOCASE AND end_date IS NULL "
                            "ORDER BY start_date DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_text (stmt, 2, role, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      holder_office = sqlite3_column_int64 (stmt, 0);
      holder = sqlite3_column_int64 (stmt, 1);
      if (g_strcmp0 (column_text (stmt, 2), start_date) >= 0)
        {
          g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                       _("The present holder of that office only started "
                         "on %s; a hand-over must come after that."),
                       column_text (stmt, 2));
          sqlite3_reset (stmt);
          return 0;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _("reading the offices"));
      return 0;
    }
  if (holder == person_id)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_EXISTS,
                           _("They already hold that office."));
      return 0;
    }

  if (!cr_store_begin (self, error))
    return 0;
  if (holder_office != 0 &&
      !cr_store_end_office (self, holder_office, previous, error))
    goto fail;
  id = cr_store_add_office (self, person_id, group_id, role, start_date, error);
  if (id == 0 || !cr_store_commit (self, error))
    goto fail;
  if (handed_over_by != NULL)
    *handed_over_by = holder;
  return id;

fail:
  cr_store_rollback (self);
  return 0;
}

/**
 * cr_store_foreach_person_shared_first:
 * @on_date: (nullable): the ISO date statuses and consents are for; today
 *   if %NULL
 * @func: called for each person; return %FALSE to stop
 *
 * Streams the register as cr_store_foreach_person() does, but in the
 * order a register that leaves the association needs: first, in register
 * order, everyone with a consent to share their details in force on the
 * day; then everyone else by block and id, so that where their rows fall
 * says nothing about their names (cr-store-privacy.c withholds those).
 */
gboolean
cr_store_foreach_person_shared_first (CrStore       *self,
                                      const char    *on_date,
                                      CrPersonFunc   func,
                                      gpointer       user_data,
                                      GError       **error)
{
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  today = on_date ? g_strdup (on_date) : cr_date_today_iso ();
  stmt = _cr_store_prepare (self,
                            "SELECT " PERSON_COLUMNS " FROM ("
                            "  SELECT p.*, EXISTS (SELECT 1 FROM consents c "
                            "    WHERE c.person_id = p.id "
                            "    AND c.purpose = 'share-landlord' "
                            "    AND (c.given_on IS NULL OR c.given_on <= ?1) "
                            "    AND (c.withdrawn_on IS NULL "
                            "      OR c.withdrawn_on > ?1)) AS shared "
                            "  FROM people p) p "
                            "ORDER BY p.shared DESC, "
                            "CASE WHEN p.shared THEN p.sort_key END, "
                            "coalesce (p.block, ''), p.id",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (CrPerson) person = person_from_row (stmt, today);

      if (!func (person, user_data))
        {
          rc = SQLITE_DONE;
          break;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _("reading the register"));
      return FALSE;
    }
  return TRUE;
}
