/* cr-store-import.c: bringing checked rows into the file, all or nothing
 *
 * One transaction for the whole file: a crash, a full disk or one refused
 * row leaves the file as it was. A person already in the file (the same
 * name, and the same postcode or email) is counted, not added again, so
 * importing the same spreadsheet twice adds nobody twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-store-import.h"

#include "cr-store-people.h"
#include "cr-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const char *
or_empty (const char *text)
{
  return text ? text : "";
}

static gboolean
lookup (CrStore     *self,
        const char  *sql,
        const char  *key,
        const char  *value,
        gboolean    *found,
        GError     **error)
{
  sqlite3_stmt *stmt = _cr_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (value != NULL && *value != '\0')
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _("looking for people already there"));
      return FALSE;
    }
  *found = rc == SQLITE_ROW;
  return TRUE;
}

/* The same name and the same postcode (both may be empty), or the same
 * name and email. Two lookups rather than one with OR, so each can use
 * its index: a register of 100,000 is searched in microseconds a row. */
static gboolean
already_present (CrStore     *self,
                 CrPerson    *person,
                 gboolean    *present,
                 GError     **error)
{
  g_autofree char *key = _cr_store_name_key (cr_person_get_given_name (person),
                                             cr_person_get_family_name (person));
  const char *email = or_empty (cr_person_get_email (person));

  if (!lookup (self,
               "SELECT 1 FROM people INDEXED BY people_by_postcode "
               "WHERE postcode IS ?2 AND sort_key = ?1 "
               "AND anonymised_on IS NULL LIMIT 1",
               key, cr_person_get_postcode (person), present, error))
    return FALSE;
  if (*present || *email == '\0')
    return TRUE;
  return lookup (self,
                 "SELECT 1 FROM people WHERE sort_key = ?1 "
                 "AND lower (email) = lower (?2) "
                 "AND anonymised_on IS NULL LIMIT 1",
                 key, email, present, error);
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
gboolean
cr_store_import_people (CrStore         *self,
                        GPtrArray       *rows,
                        gboolean         dry_run,
                        CrImportCounts  *counts,
                        GError         **error)
{
  g_autoptr (GHashTable) seen = NULL;
  gint64 association;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  if (!_cr_store_require_write (self, error) || !cr_store_begin (self, error))
    return FALSE;

  association = cr_store_get_association_group (self);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      CrImportRow *row = g_ptr_array_index (rows, i);
      g_autofree char *key = _cr_store_name_key (cr_person_get_given_name (row->person),
                                                 cr_person_get_family_name (row->person));
      g_autofree char *by_postcode = g_strconcat (key, "\x1f",
                                                  or_empty (cr_person_get_postcode (row->person)),
                                                  NULL);
      g_autofree char *email = g_ascii_strdown (or_empty (cr_person_get_email (row->person)), -1);
      g_autofree char *by_email = g_strconcat (key, "\x1e", email, NULL);
      gboolean present = FALSE;
      gint64 id;

      /* The same person twice in this file. */
      if (g_hash_table_contains (seen, by_postcode) ||
          (*email != '\0' && g_hash_table_contains (seen, by_email)))
        {
          counts->repeated++;
          continue;
        }
      if (!already_present (self, row->person, &present, error))
        goto fail;
      if (present)
        {
          counts->present++;
          continue;
        }

      id = cr_store_add_person (self, row->person, error);
      if (id == 0 ||
          cr_store_add_membership (self, id, association, CR_MEMBERSHIP_VOTING,
                                   row->joined, error) == 0)
        {
          g_prefix_error (error, _("Line %u: "), row->line);
          goto fail;
        }
      /* The row's person now has an id from this file; a second import
       * of the same rows must start from fresh people. */
      cr_person_set_id (row->person, 0);
      g_hash_table_add (seen, g_steal_pointer (&by_postcode));
      if (*email != '\0')
        g_hash_table_add (seen, g_steal_pointer (&by_email));
      counts->added++;
    }

  if (dry_run)
    {
      cr_store_rollback (self);
      return TRUE;
    }
  return cr_store_commit (self, error);

fail:
  cr_store_rollback (self);
  memset (counts, 0, sizeof *counts);
  return FALSE;
}
