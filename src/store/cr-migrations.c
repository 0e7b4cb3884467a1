/* cr-migrations.c: the schema, one numbered step at a time
 *
 * A file's schema version is its PRAGMA user_version. Opening a file runs
 * every step above its version in one transaction, after a backup copy.
 * Never edit a step that has shipped: add a new one.
 *
 * Dates are ISO text checked by date(x) IS x; a membership's or an office's
 * end_date is its last day (inclusive). sort_key is the name folded to
 * lower-case ASCII, family name first, so the register sorts "Ó Súilleabháin"
 * among the O's without a custom collation that other tools would lack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-store-private.h"

#define ISO_DATE(col) "(date(" col ") IS " col ")"
#define ISO_DATE_OR_NULL(col) "(" col " IS NULL OR date(" col ") IS " col ")"

/* "col IN (a, b, c)" written out as ORs: in a CHECK, SQLite builds a
 * temporary table for an IN list every time a row is written, which made
 * each insert of an import several times slower. A NULL passes, as it does
 * an IN. */
#define ONE_OF3(c, a, b, d) \
  c " = " a " OR " c " = " b " OR " c " = " d
#define ONE_OF5(c, a, b, d, e, f) \
  ONE_OF3 (c, a, b, d) " OR " c " = " e " OR " c " = " f
#define ONE_OF6(c, a, b, d, e, f, g) \
  ONE_OF5 (c, a, b, d, e, f) " OR " c " = " g
#define ONE_OF7(c, a, b, d, e, f, g, h) \
  ONE_OF6 (c, a, b, d, e, f, g) " OR " c " = " h

static const CrMigration migrations[] = {
  {
    1,
    "CREATE TABLE association ("
    "  id INTEGER PRIMARY KEY CHECK (id = 1),"
    "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
    "  created_on TEXT NOT NULL CHECK " ISO_DATE ("created_on")
    ") STRICT;"

    "CREATE TABLE groups ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE COLLATE NOCASE"
    "    CHECK (length(trim(name)) > 0),"
    "  kind TEXT NOT NULL CHECK (" ONE_OF6 ("kind", "'association'",
    "'committee'", "'sub-group'", "'working-group'", "'panel'",
    "'focus-group'") "),"
    "  parent_id INTEGER REFERENCES groups (id),"
    "  purpose TEXT,"
    "  end_date TEXT CHECK " ISO_DATE_OR_NULL ("end_date") ","
    "  one_per_household INTEGER NOT NULL DEFAULT 0"
    "    CHECK (one_per_household = 0 OR one_per_household = 1)"
    ") STRICT;"

    "CREATE TABLE people ("
    "  id INTEGER PRIMARY KEY,"
    "  given_name TEXT NOT NULL DEFAULT '',"
    "  family_name TEXT NOT NULL DEFAULT '',"
    "  sort_key TEXT NOT NULL DEFAULT '',"
    "  address TEXT,"
    "  block TEXT,"
    "  postcode TEXT,"
    "  phone TEXT,"
    "  email TEXT,"
    "  tenure TEXT CHECK (" ONE_OF3 ("tenure", "'tenant'", "'leaseholder'",
    "'other'") "),"
    "  consent_to_contact INTEGER NOT NULL DEFAULT 0"
    "    CHECK (consent_to_contact = 0 OR consent_to_contact = 1),"
    "  consent_date TEXT CHECK " ISO_DATE_OR_NULL ("consent_date") ","
    "  conduct_signed_on TEXT CHECK " ISO_DATE_OR_NULL ("conduct_signed_on") ","
    "  notes TEXT,"
    "  CHECK (length(trim(given_name)) + length(trim(family_name)) > 0)"
    ") STRICT;"
    "CREATE INDEX people_by_sort_key ON people (sort_key, id);",
    NULL,
  },
  {
    2,
    "CREATE TABLE memberships ("
    "  id INTEGER PRIMARY KEY,"
    "  person_id INTEGER NOT NULL REFERENCES people (id),"
    "  group_id INTEGER NOT NULL REFERENCES groups (id),"
    "  kind TEXT NOT NULL CHECK (" ONE_OF5 ("kind", "'voting'", "'co-optee'",
    "'associate'", "'deputy'", "'officer-support'") "),"
    "  start_date TEXT NOT NULL CHECK " ISO_DATE ("start_date") ","
    "  end_date TEXT CHECK (" ISO_DATE_OR_NULL ("end_date")
    "    AND (end_date IS NULL OR end_date >= start_date)),"
    "  end_reason TEXT CHECK (" ONE_OF7 ("end_reason", "'resigned'",
    "'lapsed'", "'removed'", "'term-ended'", "'moved-away'", "'died'",
    "'other'") "),"
    "  CHECK ((end_date IS NULL) = (end_reason IS NULL))"
    ") STRICT;"
    "CREATE INDEX memberships_by_person ON memberships (person_id, start_date);"
    "CREATE INDEX memberships_by_group ON memberships (group_id, start_date);"

    "CREATE TABLE offices ("
    "  id INTEGER PRIMARY KEY,"
    "  person_id INTEGER NOT NULL REFERENCES people (id),"
    "  group_id INTEGER NOT NULL REFERENCES groups (id),"
    "  role TEXT NOT NULL CHECK (length(trim(role)) > 0),"
    "  start_date TEXT NOT NULL CHECK " ISO_DATE ("start_date") ","
    "  end_date TEXT CHECK (" ISO_DATE_OR_NULL ("end_date")
    "    AND (end_date IS NULL OR end_date >= start_date))"
    ") STRICT;"
    "CREATE INDEX offices_by_person ON offices (person_id, start_date);"
    "CREATE INDEX offices_by_group ON offices (group_id, role, start_date);",
    NULL,
  },
  {
    3,
    /* search_text and household_key are derived from the person's own
     * fields by the app (see cr_person_dup_search_text()) and kept here so
     * that a register of 100,000 loads its search index in one read. */
    "ALTER TABLE people ADD COLUMN search_text TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE people ADD COLUMN household_key TEXT;"
    "ALTER TABLE people ADD COLUMN anonymised_on TEXT"
    "  CHECK " ISO_DATE_OR_NULL ("anonymised_on") ";"
    "CREATE INDEX people_by_household ON people (household_key)"
    "  WHERE household_key IS NOT NULL;"
    "CREATE INDEX people_by_postcode ON people (postcode, sort_key);"

    /* Warnings, suspensions and exclusions under a code of conduct, with
     * the appeal the person may make. */
    "CREATE TABLE conduct ("
    "  id INTEGER PRIMARY KEY,"
    "  person_id INTEGER NOT NULL REFERENCES people (id),"
    "  group_id INTEGER REFERENCES groups (id),"
    "  kind TEXT NOT NULL CHECK (" ONE_OF3 ("kind", "'warning'",
    "'suspension'", "'exclusion'") "),"
    "  start_date TEXT NOT NULL CHECK " ISO_DATE ("start_date") ","
    "  end_date TEXT CHECK (" ISO_DATE_OR_NULL ("end_date")
    "    AND (end_date IS NULL OR end_date >= start_date)),"
    "  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),"
    "  decided_by TEXT,"
    "  appeal_lodged_on TEXT CHECK " ISO_DATE_OR_NULL ("appeal_lodged_on") ","
    "  appeal_outcome TEXT CHECK (" ONE_OF3 ("appeal_outcome", "'pending'",
    "'upheld'", "'overturned'") "),"
    "  appeal_decided_on TEXT CHECK " ISO_DATE_OR_NULL ("appeal_decided_on") ","
    "  notes TEXT"
    ") STRICT;"
    "CREATE INDEX conduct_by_person ON conduct (person_id, start_date);"

    "CREATE TABLE interests ("
    "  id INTEGER PRIMARY KEY,"
    "  person_id INTEGER NOT NULL REFERENCES people (id),"
    "  declared_on TEXT NOT NULL CHECK " ISO_DATE ("declared_on") ","
    "  description TEXT NOT NULL CHECK (length(trim(description)) > 0),"
    "  ended_on TEXT CHECK (" ISO_DATE_OR_NULL ("ended_on")
    "    AND (ended_on IS NULL OR ended_on >= declared_on))"
    ") STRICT;"
    "CREATE INDEX interests_by_person ON interests (person_id, declared_on);",
    _cr_store_people_fill_derived,
  },
};

const CrMigration *
_cr_migrations_get (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
