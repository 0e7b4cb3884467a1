/* cr-store-import.c: bringing checked rows into the file, all or nothing
 *
 * One transaction for the whole file: a crash, a full disk or one refused
 * row leaves the file as it was. A person already in the file (the same
 * name, and the same postcode or email) is counted, not added again, so
 * importing the same spreadsheet twice adds nobody twice.
 *
 * The rows are written in bulk: first into a temporary table of the
 * connection (in memory), then into people and memberships by one
 * statement each, so SQLite runs two statements for the file rather than
 * two hundred thousand. The tables' own CHECKs, foreign keys and triggers
 * (the consent records) run for every row just the same. If the bulk
 * write is refused, it is undone and the rows are written one at a time,
 * which finds the line to blame; a group that admits one member a
 * household is always imported one row at a time, since that rule is
 * checked here and not by the table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-store-import.h"

#include "cr-date.h"
#include "cr-store-people.h"
#include "cr-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const char *
or_empty (const char *text)
{
  return text ? text : "";
}

/* Where a key in the import's table of names came from. */
enum
{
  IN_FILE = 1,   /* a person already in the file */
  IN_IMPORT = 2, /* a row added earlier in this import */
};

/* The same name and the same postcode (both may be empty)... */
static char *
postcode_key (const char *name_key, const char *postcode)
{
  /* "=" marks a postcode, so a person without one never matches an
   * empty-but-present one: the query this replaces used IS. */
  return g_strconcat ("p", name_key, "\x1f", postcode != NULL ? "=" : "",
                      or_empty (postcode), NULL);
}

/* ...or the same name and email, the email compared without case as
 * SQLite's lower() does it (ASCII only). */
static char *
email_key (const char *name_key, const char *email)
{
  g_autofree char *lower = g_ascii_strdown (email, -1);

  return g_strconcat ("e", name_key, "\x1e", lower, NULL);
}

/* Every person of the file (anonymised ones apart) by both keys, read in
 * one pass: a lookup a row took two queries, the most of an import's
 * time after the inserts themselves. */
static GHashTable *
read_people_keys (CrStore *self, GError **error)
{
  g_autoptr (GHashTable) keys =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int           rc;

  stmt = _cr_store_prepare (self,
                            "SELECT sort_key, postcode, email FROM people "
                            "WHERE anonymised_on IS NULL",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name_key = (const char *) sqlite3_column_text (stmt, 0);
      const char *postcode = (const char *) sqlite3_column_text (stmt, 1);
      const char *email = (const char *) sqlite3_column_text (stmt, 2);

      g_hash_table_insert (keys, postcode_key (or_empty (name_key), postcode),
                           GINT_TO_POINTER (IN_FILE));
      if (email != NULL && *email != '\0')
        g_hash_table_insert (keys, email_key (or_empty (name_key), email),
                             GINT_TO_POINTER (IN_FILE));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc,
                           _ ("looking for people already there"));
      return NULL;
    }
  return g_steal_pointer (&keys);
}

static void
bind_or_null (sqlite3_stmt *stmt,
              int           index,
              const char   *text,
              void (*destroy) (void *))
{
  if (text == NULL || *text == '\0')
    {
      sqlite3_bind_null (stmt, index);
      if (destroy != SQLITE_STATIC && destroy != SQLITE_TRANSIENT)
        destroy ((void *) text);
    }
  else
    sqlite3_bind_text (stmt, index, text, -1, destroy);
}

/* Whether @group admits one member a household: that rule lives in
 * cr_store_add_membership(), not in the table, so such an import goes one
 * row at a time. */
static gboolean
one_per_household (CrStore *self, gint64 group, gboolean *one, GError **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  stmt = _cr_store_prepare (
      self, "SELECT one_per_household FROM groups WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group);
  rc = sqlite3_step (stmt);
  *one = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _ ("reading the group"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
exec_sql (CrStore *self, const char *sql, GError **error)
{
  int rc = sqlite3_exec (_cr_store_get_db (self), sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _cr_store_set_error (self, error, rc, _ ("adding the people"));
      return FALSE;
    }
  return TRUE;
}

/* The rows to add, in order, in memory; the columns of people, worked out
 * as cr_store_add_person() does (tests/test-import.c holds the two to the
 * same result), and the day they joined. */
static gboolean
stage_begin (CrStore *self, GError **error)
{
  return exec_sql (self,
                   "CREATE TEMP TABLE IF NOT EXISTS import_rows ("
                   "seq INTEGER PRIMARY KEY, given_name TEXT, "
                   "family_name TEXT, sort_key TEXT, address TEXT, block TEXT, "
                   "postcode TEXT, phone TEXT, email TEXT, tenure TEXT, "
                   "consent_to_contact INTEGER, consent_date TEXT, "
                   "conduct_signed_on TEXT, notes TEXT, search_text TEXT, "
                   "household_key TEXT, joined TEXT);"
                   "DELETE FROM temp.import_rows;",
                   error);
}

static gboolean
stage_row (
    CrStore *self, guint seq, CrImportRow *row, char *name_key, GError **error)
{
  CrPerson     *person = row->person;
  sqlite3_stmt *stmt;
  GDate         joined;

  /* cr_store_add_membership() refuses a date that is no date (SQLite's
   * date() lets 30 February through); one-at-a-time says which line. */
  if (!cr_date_parse_iso (row->joined, &joined))
    {
      g_free (name_key);
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _ ("The start date “%s” is not a real date."),
                   or_empty (row->joined));
      return FALSE;
    }

  stmt = _cr_store_prepare (self,
                            "INSERT INTO temp.import_rows VALUES (?1, ?2, ?3, "
                            "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                            "?15, ?16, ?17)",
                            error);
  if (stmt == NULL)
    {
      g_free (name_key);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_text (stmt, 2, cr_person_get_given_name (person), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, cr_person_get_family_name (person), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, name_key, -1, g_free);
  bind_or_null (stmt, 5, cr_person_get_address (person), SQLITE_STATIC);
  bind_or_null (stmt, 6, cr_person_get_block (person), SQLITE_STATIC);
  bind_or_null (stmt, 7, cr_person_get_postcode (person), SQLITE_STATIC);
  bind_or_null (stmt, 8, cr_person_get_phone (person), SQLITE_STATIC);
  bind_or_null (stmt, 9, cr_person_get_email (person), SQLITE_STATIC);
  bind_or_null (stmt, 10, cr_tenure_to_string (cr_person_get_tenure (person)),
                SQLITE_STATIC);
  sqlite3_bind_int (stmt, 11, cr_person_get_consent_to_contact (person));
  bind_or_null (stmt, 12, cr_person_get_consent_date (person), SQLITE_STATIC);
  bind_or_null (stmt, 13, cr_person_get_conduct_signed_on (person),
                SQLITE_STATIC);
  bind_or_null (stmt, 14, cr_person_get_notes (person), SQLITE_STATIC);
  sqlite3_bind_text (stmt, 15, cr_person_dup_search_text (person), -1, g_free);
  bind_or_null (stmt, 16, cr_person_dup_household_key (person), g_free);
  sqlite3_bind_text (stmt, 17, row->joined, -1, SQLITE_STATIC);
  if (!_cr_store_step_done (self, stmt, error))
    return FALSE;
  /* Nothing of this row stays bound once its people are gone. */
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

static gboolean
query_int64 (CrStore *self, const char *sql, gint64 *value, GError **error)
{
  sqlite3_stmt *stmt = _cr_store_prepare (self, sql, error);
  int           rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _cr_store_set_error (self, error, rc, _ ("adding the people"));
      return FALSE;
    }
  return TRUE;
}

/* Drops the indexes of @table and returns the statements that make them
 * again, as the file itself keeps them, so that it ends the transaction
 * with exactly the indexes it began with. */
static GPtrArray *
drop_indexes (CrStore *self, const char *table, GError **error)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) again = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int           rc;

  stmt = _cr_store_prepare (self,
                            "SELECT name, sql FROM sqlite_schema "
                            "WHERE type = 'index' AND tbl_name = ?1 "
                            "AND sql IS NOT NULL",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, _cr_store_column_dup (stmt, 0));
      g_ptr_array_add (again, _cr_store_column_dup (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _ ("adding the people"));
      return NULL;
    }
  for (guint i = 0; i < names->len; i++)
    {
      /* The name is the schema's own, from sqlite_schema, quoted. */
      char    *sql = sqlite3_mprintf ("DROP INDEX main.\"%w\"",
                                      (const char *) g_ptr_array_index (names, i));
      gboolean ok = exec_sql (self, sql, error);

      sqlite3_free (sql);
      if (!ok)
        return NULL;
    }
  return g_steal_pointer (&again);
}

static gboolean
make_indexes (CrStore *self, GPtrArray *again, GError **error)
{
  for (guint i = 0; again != NULL && i < again->len; i++)
    if (!exec_sql (self, g_ptr_array_index (again, i), error))
      return FALSE;
  return TRUE;
}

/* Every staged row into people, with the ids one-at-a-time inserts would
 * have given them (the next after the largest), then their memberships.
 *
 * An import that at least doubles a table is written with the table's
 * indexes dropped and made again afterwards: sorting the keys once is
 * about a third of the work of inserting 100,000 of them one at a time in
 * no order. It all happens inside the import's transaction, so the file
 * is never without them. */
static gboolean
stage_commit (CrStore *self, gint64 group, guint n_rows, GError **error)
{
  g_autoptr (GPtrArray) people_indexes = NULL;
  g_autoptr (GPtrArray) membership_indexes = NULL;
  sqlite3_stmt *stmt;
  gint64        base, memberships;

  if (!query_int64 (self, "SELECT ifnull (max (id), 0) FROM people", &base,
                    error) ||
      !query_int64 (self, "SELECT ifnull (max (id), 0) FROM memberships",
                    &memberships, error))
    return FALSE;
  /* An index can't be dropped under a statement still reading. */
  for (sqlite3_stmt *other = sqlite3_next_stmt (_cr_store_get_db (self), NULL);
       other != NULL;
       other = sqlite3_next_stmt (_cr_store_get_db (self), other))
    if (sqlite3_stmt_busy (other))
      n_rows = 0;
  if ((gint64) n_rows >= base &&
      (people_indexes = drop_indexes (self, "people", error)) == NULL)
    return FALSE;
  if ((gint64) n_rows >= memberships &&
      (membership_indexes = drop_indexes (self, "memberships", error)) == NULL)
    return FALSE;

  stmt = _cr_store_prepare (self,
                            "INSERT INTO people (id, given_name, family_name, "
                            "sort_key, address, block, postcode, phone, email, "
                            "tenure, consent_to_contact, consent_date, "
                            "conduct_signed_on, notes, search_text, "
                            "household_key) SELECT ?1 + seq, given_name, "
                            "family_name, sort_key, address, block, postcode, "
                            "phone, email, tenure, consent_to_contact, "
                            "consent_date, conduct_signed_on, notes, "
                            "search_text, household_key FROM temp.import_rows "
                            "ORDER BY seq",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, base);
  if (!_cr_store_step_done (self, stmt, error))
    return FALSE;

  stmt = _cr_store_prepare (self,
                            "INSERT INTO memberships (person_id, group_id, "
                            "kind, start_date) SELECT ?1 + seq, ?2, 'voting', "
                            "joined FROM temp.import_rows ORDER BY seq",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, base);
  sqlite3_bind_int64 (stmt, 2, group);
  return _cr_store_step_done (self, stmt, error) &&
         make_indexes (self, people_indexes, error) &&
         make_indexes (self, membership_indexes, error) &&
         exec_sql (self, "DELETE FROM temp.import_rows", error);
}

/**
 * cr_store_import_people:
 * @rows: (element-type CrImportRow): rows that cr_member_import_check()
 *   passed
 * @dry_run: count only; the file is not changed
 * @counts: (out): how many were added, already present, repeated
 *
 * Adds each new person and their membership of the association from the
 * day they joined, in one transaction.
 *
 * Returns: %TRUE if all went in (or would have); %FALSE with @error set and
 *   the file unchanged otherwise
 */
/* One pass over the rows: each is repeated, already present, or new;
 * new ones are staged (@bulk) or added there and then. */
static gboolean
import_rows (CrStore        *self,
             GPtrArray      *rows,
             gboolean        bulk,
             CrImportCounts *counts,
             GError        **error)
{
  g_autoptr (GHashTable) keys = NULL;
  gint64 association = cr_store_get_association_group (self);

  memset (counts, 0, sizeof *counts);
  keys = read_people_keys (self, error);
  if (keys == NULL || (bulk && !stage_begin (self, error)))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      CrImportRow     *row = g_ptr_array_index (rows, i);
      g_autofree char *name_key =
          _cr_store_name_key (cr_person_get_given_name (row->person),
                              cr_person_get_family_name (row->person));
      g_autofree char *by_postcode =
          postcode_key (name_key, cr_person_get_postcode (row->person));
      const char      *email = or_empty (cr_person_get_email (row->person));
      g_autofree char *by_email =
          *email != '\0' ? email_key (name_key, email) : NULL;
      int found_postcode =
          GPOINTER_TO_INT (g_hash_table_lookup (keys, by_postcode));
      int found_email =
          by_email != NULL
              ? GPOINTER_TO_INT (g_hash_table_lookup (keys, by_email))
              : 0;

      /* The same person twice in this file, then someone already there. */
      if (found_postcode == IN_IMPORT || found_email == IN_IMPORT)
        {
          counts->repeated++;
          continue;
        }
      if (found_postcode == IN_FILE || found_email == IN_FILE)
        {
          counts->present++;
          continue;
        }

      if (bulk)
        {
          if (!stage_row (self, counts->added + 1, row,
                          g_steal_pointer (&name_key), error))
            return FALSE;
        }
      else
        {
          gint64 id = cr_store_add_person (self, row->person, error);

          if (id == 0 || cr_store_add_membership (self, id, association,
                                                  CR_MEMBERSHIP_VOTING,
                                                  row->joined, error) == 0)
            {
              g_prefix_error (error, _ ("Line %u: "), row->line);
              return FALSE;
            }
          /* The row's person now has an id from this file; a second
           * import of the same rows must start from fresh people. */
          cr_person_set_id (row->person, 0);
        }
      g_hash_table_insert (keys, g_steal_pointer (&by_postcode),
                           GINT_TO_POINTER (IN_IMPORT));
      if (by_email != NULL)
        g_hash_table_insert (keys, g_steal_pointer (&by_email),
                             GINT_TO_POINTER (IN_IMPORT));
      counts->added++;
    }
  return !bulk || counts->added == 0 ||
         stage_commit (self, association, counts->added, error);
}

gboolean
cr_store_import_people (CrStore        *self,
                        GPtrArray      *rows,
                        gboolean        dry_run,
                        CrImportCounts *counts,
                        GError        **error)
{
  g_autoptr (GError) bulk_error = NULL;
  gboolean one_by_one = FALSE;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  if (!_cr_store_require_write (self, error) || !cr_store_begin (self, error))
    return FALSE;

  if (!one_per_household (self, cr_store_get_association_group (self),
                          &one_by_one, error))
    goto fail;
  if (!one_by_one && !import_rows (self, rows, TRUE, counts, &bulk_error))
    {
      /* A full disk or a damaged file is said as it is; anything else (a
       * refused row, a busy schema) is tried again one row at a time,
       * which also names the line to blame. */
      if (g_error_matches (bulk_error, CR_STORE_ERROR,
                           CR_STORE_ERROR_NO_SPACE) ||
          g_error_matches (bulk_error, CR_STORE_ERROR,
                           CR_STORE_ERROR_READ_ONLY) ||
          g_error_matches (bulk_error, CR_STORE_ERROR,
                           CR_STORE_ERROR_DAMAGED) ||
          g_error_matches (bulk_error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_OURS))
        {
          g_propagate_error (error, g_steal_pointer (&bulk_error));
          goto fail;
        }
      cr_store_rollback (self);
      if (!cr_store_begin (self, error))
        return FALSE;
      one_by_one = TRUE;
    }
  if (one_by_one && !import_rows (self, rows, FALSE, counts, error))
    goto fail;

  if (dry_run)
    {
      cr_store_rollback (self);
      return TRUE;
    }
  if (cr_store_commit (self, error))
    return TRUE;

fail:
  cr_store_rollback (self);
  memset (counts, 0, sizeof *counts);
  return FALSE;
}
