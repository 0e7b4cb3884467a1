/* cr-store-privacy.c: everything held about one person
 *
 * Subject access is found generically: every table with a foreign key to
 * people is asked for its rows that point at the person, so a record book
 * added later (money, training, work plan, consent) is covered the day it
 * is added, without anyone remembering to list it here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-store-privacy.h"

#include "cr-store-people.h"
#include "cr-store-private.h"
#include "cr-store-rules.h"

#include "cr-date.h"
#include "cr-rules.h"

#include <glib/gi18n-lib.h>

void
cr_subject_table_free (CrSubjectTable *table)
{
  if (table == NULL)
    return;
  g_free (table->table);
  g_free (table->via);
  g_clear_pointer (&table->columns, g_ptr_array_unref);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

/**
 * cr_subject_table_get_title:
 * @table: a table of the file, such as "training_records"
 *
 * Returns: (transfer full): a heading for it: "Training records"
 */
char *
cr_subject_table_get_title (const char *table)
{
  char *title = g_strdup (table);

  g_strdelimit (title, "_", ' ');
  if (title[0] != '\0')
    title[0] = g_ascii_toupper (title[0]);
  return title;
}

static char *
column_text (sqlite3_stmt *stmt, int i)
{
  switch (sqlite3_column_type (stmt, i))
    {
      case SQLITE_NULL:
        return NULL;
      case SQLITE_BLOB:
        return g_strdup_printf (_ ("(binary data, %d bytes)"),
                                sqlite3_column_bytes (stmt, i));
      default:
        return g_utf8_make_valid ((const char *) sqlite3_column_text (stmt, i),
                                  sqlite3_column_bytes (stmt, i));
    }
}

/* The rows of @table whose @via is @person_id. Identifiers come from the
 * file's own schema, never from user text, and are quoted with %w; the
 * person is a bound parameter. Other columns of the row that point at
 * people (who approved a claim, say) name someone else: only that there is
 * another person is shown, never who. */
static CrSubjectTable *
read_table (sqlite3    *db,
            const char *table,
            const char *via,
            GHashTable *people_columns,
            gint64      person_id,
            int        *rc_out)
{
  g_autoptr (CrSubjectTable) out = g_new0 (CrSubjectTable, 1);
  sqlite3_stmt *stmt = NULL;
  gboolean      secondary;
  char         *sql;
  int           rc, n;

  /* Table and column names can't be bound; they come from the file's own
   * schema (PRAGMA foreign_key_list), quoted by %w. The person is bound. */
  sql = sqlite3_mprintf ("SELECT * FROM \"%w\" WHERE \"%w\" = ?1 ORDER BY 1",
                         table, via);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  sqlite3_free (sql);
  if (rc != SQLITE_OK)
    {
      *rc_out = rc;
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, person_id);

  out->table = g_strdup (table);
  out->via = g_strdup (via);
  out->columns = g_ptr_array_new_with_free_func (g_free);
  out->rows =
      g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  n = sqlite3_column_count (stmt);
  for (int i = 0; i < n; i++)
    g_ptr_array_add (out->columns, g_strdup (sqlite3_column_name (stmt, i)));

  /* A row found through a second key (who approved a claim) is about the
   * person in the table's person_id: of it, this person is shown what they
   * did and when, not the other person's details. */
  secondary = g_strcmp0 (via, "person_id") != 0 &&
              g_hash_table_contains (people_columns, "person_id");

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

      for (int i = 0; i < n; i++)
        {
          const char *name = sqlite3_column_name (stmt, i);

          if (secondary && g_strcmp0 (name, "id") != 0 &&
              g_strcmp0 (name, via) != 0 && !g_str_has_suffix (name, "_on") &&
              !g_hash_table_contains (people_columns, name))
            g_ptr_array_add (row,
                             g_strdup (_ ("(withheld: about another person)")));
          else if (g_strcmp0 (name, via) != 0 &&
                   g_hash_table_contains (people_columns, name) &&
                   sqlite3_column_type (stmt, i) != SQLITE_NULL &&
                   sqlite3_column_int64 (stmt, i) != person_id)
            g_ptr_array_add (row, g_strdup (_ ("(another person)")));
          else
            g_ptr_array_add (row, column_text (stmt, i));
        }
      g_ptr_array_add (out->rows, row);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      *rc_out = rc;
      return NULL;
    }
  return g_steal_pointer (&out);
}

static void
end_read (sqlite3 *db, gboolean owns_transaction)
{
  if (owns_transaction)
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
}

/**
 * cr_store_subject_access:
 * @self: a store
 * @person_id: the person who asked
 * @error: return location for a #CR_STORE_ERROR
 *
 * Everything the file holds about one person: their own row of people
 * (every column), then, table by table in name order, each row of every
 * table with a foreign key to people that points at them (found through
 * PRAGMA foreign_key_list). A table with two such keys is listed once for
 * each; tables with no rows for the person are left out.
 *
 * Returns: (transfer full) (element-type CrSubjectTable): the tables, the
 *   person's own first; %NULL on error
 */
GPtrArray *
cr_store_subject_access (CrStore *self, gint64 person_id, GError **error)
{
  g_autoptr (GPtrArray) tables = NULL;
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (GPtrArray) vias = NULL;
  g_autoptr (CrSubjectTable) own = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3      *db;
  gboolean      owns_transaction;
  int           rc = SQLITE_OK;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  db = _cr_store_get_db (self);
  tables =
      g_ptr_array_new_with_free_func ((GDestroyNotify) cr_subject_table_free);
  names = g_ptr_array_new_with_free_func (g_free);
  vias = g_ptr_array_new_with_free_func (g_free);

  /* Read in one transaction, so the tables agree with one another; a read
   * transaction, so a read-only store can answer too. */
  owns_transaction = sqlite3_get_autocommit (db);
  if (owns_transaction)
    sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);

  {
    g_autoptr (GHashTable) none = g_hash_table_new (g_str_hash, g_str_equal);

    own = read_table (db, "people", "id", none, person_id, &rc);
  }
  if (own == NULL)
    goto fail;
  if (own->rows->len == 0)
    {
      end_read (db, owns_transaction);
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                   _ ("There is no person number %lld."),
                   (long long) person_id);
      return NULL;
    }
  g_ptr_array_add (tables, g_steal_pointer (&own));

  rc = sqlite3_prepare_v2 (db,
                           "SELECT m.name, k.\"from\" FROM sqlite_schema m, "
                           "pragma_foreign_key_list(m.name) k "
                           "WHERE m.type = 'table' AND k.\"table\" = 'people' "
                           "AND m.name <> 'people' "
                           "ORDER BY m.name, k.\"from\"",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        g_ptr_array_add (
            names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
        g_ptr_array_add (
            vias, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto fail;

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr (GHashTable) people_columns =
          g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      CrSubjectTable *table;

      /* Every column of this table that points at a person. */
      for (guint j = 0; j < names->len; j++)
        if (g_str_equal (names->pdata[j], names->pdata[i]))
          g_hash_table_add (people_columns, g_strdup (vias->pdata[j]));

      table = read_table (db, names->pdata[i], vias->pdata[i], people_columns,
                          person_id, &rc);
      if (table == NULL)
        goto fail;
      if (table->rows->len == 0)
        cr_subject_table_free (table);
      else
        g_ptr_array_add (tables, table);
    }

  end_read (db, owns_transaction);
  return g_steal_pointer (&tables);

fail:
  /* Finalizing has cleared SQLite's own message; the code still says. */
  g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_FAILED,
               _ ("Could not gather what is held about the person: %s."),
               sqlite3_errstr (rc));
  end_read (db, owns_transaction);
  return NULL;
}

static const char *const purpose_names[CR_CONSENT_N_PURPOSES] = {
  "contact", "contact-post",   "contact-phone", "contact-email",
  "photos",  "share-landlord", "newsletter",
};

static const char *const purpose_labels[CR_CONSENT_N_PURPOSES] = {
  N_ ("Contact by post, phone or email"),
  N_ ("Contact by post"),
  N_ ("Contact by phone"),
  N_ ("Contact by email"),
  N_ ("Photographs"),
  N_ ("Sharing details with the landlord or council"),
  N_ ("Newsletter"),
};

static const char *const method_names[CR_CONSENT_N_METHODS] = {
  "form", "email", "verbal", "online", "unknown",
};

static const char *const method_labels[CR_CONSENT_N_METHODS] = {
  N_ ("On a form"), N_ ("By email"),     N_ ("Verbally"),
  N_ ("Online"),    N_ ("Not recorded"),
};

void
cr_consent_free (CrConsent *consent)
{
  if (consent == NULL)
    return;
  g_free (consent->given_on);
  g_free (consent->withdrawn_on);
  g_free (consent->notes);
  g_free (consent);
}

const char *
cr_consent_purpose_to_string (CrConsentPurpose purpose)
{
  g_return_val_if_fail (purpose < CR_CONSENT_N_PURPOSES, NULL);
  return purpose_names[purpose];
}

const char *
cr_consent_purpose_get_label (CrConsentPurpose purpose)
{
  g_return_val_if_fail (purpose < CR_CONSENT_N_PURPOSES, NULL);
  return _ (purpose_labels[purpose]);
}

const char *
cr_consent_method_to_string (CrConsentMethod method)
{
  g_return_val_if_fail (method < CR_CONSENT_N_METHODS, NULL);
  return method_names[method];
}

const char *
cr_consent_method_get_label (CrConsentMethod method)
{
  g_return_val_if_fail (method < CR_CONSENT_N_METHODS, NULL);
  return _ (method_labels[method]);
}

static guint
lookup (const char *const *names, guint n, const char *text)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (names[i], text) == 0)
      return i;
  return 0;
}

static char *
dup_text (sqlite3_stmt *stmt, int i)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, i));
}

/**
 * cr_store_list_consents:
 * @person_id: a person
 *
 * Returns: (transfer full) (element-type CrConsent): every consent the
 *   person gave, in force or withdrawn, oldest first; %NULL on error
 */
GPtrArray *
cr_store_list_consents (CrStore *self, gint64 person_id, GError **error)
{
  g_autoptr (GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT id, purpose, method, given_on, "
                            "withdrawn_on, notes FROM consents "
                            "WHERE person_id = ?1 "
                            "ORDER BY coalesce(given_on, ''), id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_consent_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrConsent *c = g_new0 (CrConsent, 1);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->person_id = person_id;
      c->purpose = lookup (purpose_names, CR_CONSENT_N_PURPOSES,
                           (const char *) sqlite3_column_text (stmt, 1));
      c->method = lookup (method_names, CR_CONSENT_N_METHODS,
                          (const char *) sqlite3_column_text (stmt, 2));
      c->given_on = dup_text (stmt, 3);
      c->withdrawn_on = dup_text (stmt, 4);
      c->notes = dup_text (stmt, 5);
      g_ptr_array_add (list, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _ ("reading the consents"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
check_date (const char *iso,
            gboolean    allow_null,
            const char *what,
            GError    **error)
{
  GDate date;

  if (iso == NULL && allow_null)
    return TRUE;
  g_date_clear (&date, 1);
  if (iso != NULL && cr_date_parse_iso (iso, &date))
    return TRUE;
  g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
               _ ("The date %s is not a date; write it as DD/MM/YYYY."), what);
  return FALSE;
}

/**
 * cr_store_add_consent:
 * @consent: what was agreed, by whom, how and when; its id is ignored
 *
 * Records a consent. A consent to be contacted also turns the person's
 * "consent to contact" on (a trigger keeps the two together).
 *
 * Returns: the new record's id, or 0 on error
 */
gint64
cr_store_add_consent (CrStore *self, const CrConsent *consent, GError **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail (consent != NULL, 0);
  g_return_val_if_fail (consent->purpose < CR_CONSENT_N_PURPOSES, 0);
  g_return_val_if_fail (consent->method < CR_CONSENT_N_METHODS, 0);

  if (!_cr_store_require_write (self, error))
    return 0;
  if (!check_date (consent->given_on, TRUE, _ ("the consent was given"), error))
    return 0;
  if (consent->withdrawn_on != NULL &&
      (!check_date (consent->withdrawn_on, FALSE, _ ("it was withdrawn"),
                    error)))
    return 0;
  if (consent->withdrawn_on != NULL && consent->given_on != NULL &&
      strcmp (consent->withdrawn_on, consent->given_on) < 0)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _ ("A consent can’t be withdrawn before it was given."));
      return 0;
    }

  stmt = _cr_store_prepare (self,
                            "INSERT INTO consents (person_id, purpose, "
                            "method, given_on, withdrawn_on, notes) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, consent->person_id);
  sqlite3_bind_text (stmt, 2, purpose_names[consent->purpose], -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, method_names[consent->method], -1, SQLITE_STATIC);
  if (consent->given_on != NULL)
    sqlite3_bind_text (stmt, 4, consent->given_on, -1, SQLITE_TRANSIENT);
  if (consent->withdrawn_on != NULL)
    sqlite3_bind_text (stmt, 5, consent->withdrawn_on, -1, SQLITE_TRANSIENT);
  if (consent->notes != NULL && *consent->notes != '\0')
    sqlite3_bind_text (stmt, 6, consent->notes, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                     _ ("There is no person number %lld."),
                     (long long) consent->person_id);
      else
        _cr_store_set_error (self, error, rc, _ ("recording the consent"));
      return 0;
    }
  return sqlite3_last_insert_rowid (_cr_store_get_db (self));
}

/**
 * cr_store_withdraw_consent:
 * @consent_id: a consent in force
 * @on_date: ISO: when it was withdrawn
 *
 * Marks a consent withdrawn; the record stays, as the history of what the
 * person agreed to. Withdrawing the last consent to be contacted turns the
 * person's "consent to contact" off.
 *
 * Returns: %TRUE if it was withdrawn
 */
gboolean
cr_store_withdraw_consent (CrStore    *self,
                           gint64      consent_id,
                           const char *on_date,
                           GError    **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error) ||
      !check_date (on_date, FALSE, _ ("it was withdrawn"), error))
    return FALSE;

  stmt = _cr_store_prepare (self,
                            "UPDATE consents SET withdrawn_on = ?2 "
                            "WHERE id = ?1 AND withdrawn_on IS NULL "
                            "AND (given_on IS NULL OR given_on <= ?2)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, consent_id);
  sqlite3_bind_text (stmt, 2, on_date, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _ ("withdrawing the consent"));
      return FALSE;
    }
  if (sqlite3_changes (_cr_store_get_db (self)) == 0)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _ ("That consent is not in force on that date: it was "
                      "already withdrawn, or given later."));
      return FALSE;
    }
  return TRUE;
}

/**
 * cr_store_check_privacy:
 * @group_id: 0 or the association's group: personal data is the
 *   association's; any other group gets no items
 * @on_date: ISO date
 * @items: (element-type CrAttentionItem): where the items go
 *
 * Adds a `retention` item for each former member whose contact details are
 * still held more than `retention-years` (the association's rule) after
 * their last membership ended.
 *
 * Returns: %FALSE on error
 */
gboolean
cr_store_check_privacy (CrStore    *self,
                        gint64      group_id,
                        const char *on_date,
                        GPtrArray  *items,
                        GError    **error)
{
  gint64 association = cr_store_get_association_group (self);
  g_autoptr (CrRules) rules = NULL;
  g_autofree char *offset = NULL;
  sqlite3_stmt    *stmt;
  guint            years;
  int              rc;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (on_date != NULL, FALSE);
  g_return_val_if_fail (items != NULL, FALSE);

  if (group_id != 0 && group_id != association)
    return TRUE;

  rules = cr_store_get_rules (self, association, on_date, error);
  if (rules == NULL)
    return FALSE;
  years = cr_rules_get_value (rules, CR_RULE_RETENTION_YEARS);
  if (years == 0)
    return TRUE;

  /* People who were members and are no longer, whose last membership
   * ended before the retention period, with contact details still held. */
  stmt = _cr_store_prepare (self,
                            "SELECT p.id, trim(p.given_name || ' ' || "
                            "p.family_name), max(m.end_date) AS ended "
                            "FROM people p JOIN memberships m "
                            "ON m.person_id = p.id "
                            "WHERE p.anonymised_on IS NULL AND "
                            "(p.address IS NOT NULL OR p.postcode IS NOT NULL "
                            "OR p.phone IS NOT NULL OR p.email IS NOT NULL) "
                            "GROUP BY p.id "
                            "HAVING count(m.end_date) = count(*) "
                            "AND ended < date(?1, ?2) "
                            "ORDER BY ended, p.id",
                            error);
  if (stmt == NULL)
    return FALSE;
  offset = g_strdup_printf ("-%u years", years);
  sqlite3_bind_text (stmt, 1, on_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, offset, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrAttentionItem *item = g_new0 (CrAttentionItem, 1);
      const char      *ended = (const char *) sqlite3_column_text (stmt, 2);
      g_autofree char *ended_uk = cr_date_iso_to_uk (ended);

      item->rule = "retention";
      item->subject_kind = CR_ATTENTION_PERSON;
      item->subject_id = sqlite3_column_int64 (stmt, 0);
      item->subject = dup_text (stmt, 1);
      item->group_id = association;
      item->group_name = g_strdup (cr_store_get_association_name (self));
      item->date = g_strdup (ended);
      item->detail = g_strdup_printf (
          g_dngettext (
              GETTEXT_PACKAGE,
              "%s stopped being a member on %s. The association keeps former "
              "members’ contact details for %u year: erase their details "
              "(Erase "
              "in their record, or “commonroom-cli erase %lld”). Attendance "
              "and "
              "totals stay.",
              "%s stopped being a member on %s. The association keeps former "
              "members’ contact details for %u years: erase their details "
              "(Erase "
              "in their record, or “commonroom-cli erase %lld”). Attendance "
              "and "
              "totals stay.",
              years),
          item->subject, ended_uk, years, (long long) item->subject_id);
      g_ptr_array_add (items, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _ ("checking data retention"));
      return FALSE;
    }
  return TRUE;
}

gboolean
cr_consent_purpose_from_string (const char *text, CrConsentPurpose *purpose)
{
  for (guint i = 0; i < CR_CONSENT_N_PURPOSES; i++)
    if (g_strcmp0 (purpose_names[i], text) == 0)
      {
        *purpose = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
cr_consent_method_from_string (const char *text, CrConsentMethod *method)
{
  for (guint i = 0; i < CR_CONSENT_N_METHODS; i++)
    if (g_strcmp0 (method_names[i], text) == 0)
      {
        *method = i;
        return TRUE;
      }
  return FALSE;
}

/* The person's name as spoken, or NULL if there is no such person. */
static char *
person_name (CrStore *self, gint64 person_id)
{
  sqlite3_stmt *stmt;
  char         *name = NULL;

  stmt = _cr_store_prepare (self,
                            "SELECT trim(given_name || ' ' || family_name) "
                            "FROM people WHERE id = ?1",
                            NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = dup_text (stmt, 0);
  sqlite3_reset (stmt);
  return name;
}

/**
 * cr_store_withdraw_purpose:
 * @person_id: a person
 * @purpose: what they no longer agree to
 * @on_date: ISO: when they withdrew it
 *
 * Withdraws every consent of @person_id to @purpose in force on @on_date,
 * in one transaction: all of them or, on error, none.
 *
 * Returns: how many were withdrawn; 0 with @error set if there was none
 *   to withdraw (%CR_STORE_ERROR_NOT_FOUND) or on failure
 */
guint
cr_store_withdraw_purpose (CrStore         *self,
                           gint64           person_id,
                           CrConsentPurpose purpose,
                           const char      *on_date,
                           GError         **error)
{
  sqlite3_stmt *stmt;
  guint         n;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail (purpose < CR_CONSENT_N_PURPOSES, 0);

  if (!_cr_store_require_write (self, error) ||
      !check_date (on_date, FALSE, _ ("it was withdrawn"), error))
    return 0;
  if (!cr_store_begin (self, error))
    return 0;

  /* Only what was given by then can be withdrawn then; a consent dated
   * later stays, and the message says so. */
  stmt = _cr_store_prepare (self,
                            "UPDATE consents SET withdrawn_on = ?3 "
                            "WHERE person_id = ?1 AND purpose = ?2 "
                            "AND withdrawn_on IS NULL "
                            "AND (given_on IS NULL OR given_on <= ?3)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, purpose_names[purpose], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, on_date, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _ ("withdrawing the consent"));
      goto fail;
    }
  n = sqlite3_changes (_cr_store_get_db (self));
  if (n == 0)
    {
      g_autofree char *uk = cr_date_iso_to_uk (on_date);
      g_autofree char *name = person_name (self, person_id);

      if (name == NULL)
        g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                     _ ("There is no person number %lld."),
                     (long long) person_id);
      else
        g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                     _ ("%s has no consent to “%s” in force on %s: it was "
                        "never given, already withdrawn, or given later."),
                     name, cr_consent_purpose_get_label (purpose), uk);
      goto fail;
    }
  if (!cr_store_commit (self, error))
    return 0;
  return n;

fail:
  cr_store_rollback (self);
  return 0;
}

/**
 * cr_store_consents_in_force:
 * @on_date: ISO date
 *
 * Every person's consents in force on @on_date (given by then, not yet
 * withdrawn), read in one query so a register of 100,000 asks once.
 *
 * Returns: (transfer full): person id (gint64 *) to purposes (bits, read
 *   with cr_consents_lookup()); %NULL on error
 */
GHashTable *
cr_store_consents_in_force (CrStore *self, const char *on_date, GError **error)
{
  g_autoptr (GHashTable) map = NULL;
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (on_date != NULL, NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT person_id, purpose FROM consents "
                            "WHERE (given_on IS NULL OR given_on <= ?1) "
                            "AND (withdrawn_on IS NULL OR withdrawn_on > ?1)",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, on_date, -1, SQLITE_TRANSIENT);
  map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64           id = sqlite3_column_int64 (stmt, 0);
      CrConsentPurpose purpose;
      gpointer         old;

      if (!cr_consent_purpose_from_string (
              (const char *) sqlite3_column_text (stmt, 1), &purpose))
        continue;
      old = g_hash_table_lookup (map, &id);
      g_hash_table_replace (
          map, g_memdup2 (&id, sizeof id),
          GUINT_TO_POINTER (GPOINTER_TO_UINT (old) | CR_CONSENT_BIT (purpose)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _ ("reading the consents"));
      return NULL;
    }
  return g_steal_pointer (&map);
}

/**
 * cr_consents_lookup:
 * @in_force: from cr_store_consents_in_force()
 *
 * Returns: the person's purposes in force, as CR_CONSENT_BIT()s
 */
guint
cr_consents_lookup (GHashTable *in_force, gint64 person_id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (in_force, &person_id));
}

/* Consent to be contacted "by post, phone or email" covers every means;
 * otherwise each means needs its own. */
gboolean
cr_consents_allow_phone (guint bits)
{
  return cr_consents_allow (bits, CR_CONSENT_CONTACT_PHONE);
}

gboolean
cr_consents_allow_email (guint bits)
{
  return cr_consents_allow (bits, CR_CONSENT_CONTACT_EMAIL);
}

/**
 * cr_consents_allow:
 * @bits: a person's purposes in force (cr_consents_lookup())
 * @purpose: what is to be done
 *
 * Returns: whether @purpose is agreed to, itself or, for a means of
 *   contact, through consent to be contacted by any means
 */
gboolean
cr_consents_allow (guint bits, CrConsentPurpose purpose)
{
  gboolean means = purpose == CR_CONSENT_CONTACT_POST ||
                   purpose == CR_CONSENT_CONTACT_PHONE ||
                   purpose == CR_CONSENT_CONTACT_EMAIL;

  g_return_val_if_fail (purpose < CR_CONSENT_N_PURPOSES, FALSE);

  if ((bits & CR_CONSENT_BIT (purpose)) != 0)
    return TRUE;
  return means && (bits & CR_CONSENT_BIT (CR_CONSENT_CONTACT)) != 0;
}

typedef struct
{
  GHashTable  *in_force;
  gboolean     leaves;
  CrPersonFunc func;
  gpointer     user_data;
} Consented;

static gboolean
consented_person (CrPerson *person, gpointer user_data)
{
  Consented *c = user_data;
  guint      bits = cr_consents_lookup (c->in_force, cr_person_get_id (person));

  if (!cr_consents_allow_phone (bits))
    cr_person_set_phone (person, NULL);
  if (!cr_consents_allow_email (bits))
    cr_person_set_email (person, NULL);
  /* What leaves the association names only those who agreed to it; the
   * others stay as a row, so counts by block, tenure and status add up. */
  if (c->leaves && (bits & CR_CONSENT_BIT (CR_CONSENT_SHARE_LANDLORD)) == 0)
    {
      cr_person_set_given_name (person, NULL);
      cr_person_set_family_name (person, _ ("Withheld: no consent to share"));
      cr_person_set_address (person, NULL);
      cr_person_set_postcode (person, NULL);
    }
  return c->func (person, c->user_data);
}

/**
 * cr_store_foreach_person_consented:
 * @on_date: (nullable): the ISO date statuses and consents are for; today
 *   if %NULL
 * @leaves: %TRUE for what leaves the association (for the council or the
 *   landlord): people who have not agreed to their details being shared
 *   are named "Withheld: no consent to share", without address or
 *   postcode, and come after everyone named, by block rather than by name
 * @func: called for each person in register order; return %FALSE to stop
 *
 * Streams the register as cr_store_foreach_person() does, each person
 * with only what their consents in force allow: a phone number to those
 * who agreed to be phoned (or contacted by any means), an email address
 * to those who agreed to email.
 */
gboolean
cr_store_foreach_person_consented (CrStore     *self,
                                   const char  *on_date,
                                   gboolean     leaves,
                                   CrPersonFunc func,
                                   gpointer     user_data,
                                   GError     **error)
{
  g_autoptr (GHashTable) in_force = NULL;
  g_autofree char *today = NULL;
  Consented        c;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  today = on_date != NULL ? g_strdup (on_date) : cr_date_today_iso ();
  in_force = cr_store_consents_in_force (self, today, error);
  if (in_force == NULL)
    return FALSE;
  c = (Consented){ in_force, leaves, func, user_data };
  if (leaves)
    return cr_store_foreach_person_shared_first (self, today, consented_person,
                                                 &c, error);
  return cr_store_foreach_person (self, today, consented_person, &c, error);
}

void
cr_erase_summary_free (CrEraseSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->name);
  g_free (summary->former_name);
  g_free (summary);
}

/**
 * cr_store_get_erase_summary:
 * @person_id: a person
 *
 * What cr_store_erase_person() would keep and remove of @person_id, for a
 * confirmation that names it.
 *
 * Returns: (transfer full): the summary, or %NULL with @error set
 */
CrEraseSummary *
cr_store_get_erase_summary (CrStore *self, gint64 person_id, GError **error)
{
  g_autoptr (CrEraseSummary) s = NULL;
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (
      self,
      "SELECT trim(given_name || ' ' || family_name), "
      "(SELECT count(*) FROM memberships WHERE person_id = ?1), "
      "(SELECT count(*) FROM offices WHERE person_id = ?1), "
      "(SELECT count(*) FROM attendance WHERE person_id = ?1), "
      "(SELECT count(*) FROM consents WHERE person_id = ?1), "
      "(SELECT count(*) FROM interests WHERE person_id = ?1), "
      "(address IS NOT NULL) + (block IS NOT NULL) + (postcode IS NOT NULL) "
      "+ (phone IS NOT NULL) + (email IS NOT NULL) + (notes IS NOT NULL) "
      "FROM people WHERE id = ?1",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      s = g_new0 (CrEraseSummary, 1);
      s->name = dup_text (stmt, 0);
      s->memberships = sqlite3_column_int (stmt, 1);
      s->offices = sqlite3_column_int (stmt, 2);
      s->attendance = sqlite3_column_int (stmt, 3);
      s->consents = sqlite3_column_int (stmt, 4);
      s->interests = sqlite3_column_int (stmt, 5);
      s->contact_fields = sqlite3_column_int (stmt, 6);
      /* The same words cr_store_erase_person() writes. */
      s->former_name =
          g_strdup_printf (_ ("Former member #%lld"), (long long) person_id);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                   _ ("There is no person number %lld."),
                   (long long) person_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _cr_store_set_error (self, error, rc, _ ("reading the person"));
      return NULL;
    }
  return g_steal_pointer (&s);
}
