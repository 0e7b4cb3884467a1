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

#include "cr-schema-private.h"

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
  {
    4,
    /* Meetings. A group's quorum is the rule text cr_quorum_rule_parse()
     * reads; NULL means CR_QUORUM_DEFAULT until the terms of reference
     * hold it. */
    "ALTER TABLE groups ADD COLUMN quorum TEXT"
    "  CHECK (quorum IS NULL OR length(trim(quorum)) > 0);"

    "CREATE TABLE meetings ("
    "  id INTEGER PRIMARY KEY,"
    "  group_id INTEGER NOT NULL REFERENCES groups (id),"
    "  date TEXT NOT NULL CHECK " ISO_DATE ("date") ","
    "  start_time TEXT CHECK " HH_MM_OR_NULL ("start_time") ","
    "  end_time TEXT CHECK " HH_MM_OR_NULL ("end_time") ","
    "  venue TEXT,"
    "  kind TEXT NOT NULL DEFAULT 'ordinary' CHECK (" ONE_OF4 ("kind",
    "'ordinary'", "'agm'", "'special'", "'sub-group'") "),"
    "  status TEXT NOT NULL DEFAULT 'planned' CHECK (" ONE_OF3 ("status",
    "'planned'", "'held'", "'cancelled'") "),"
    "  papers_sent_on TEXT CHECK " ISO_DATE_OR_NULL ("papers_sent_on") ","
    "  minutes_circulated_on TEXT"
    "    CHECK " ISO_DATE_OR_NULL ("minutes_circulated_on") ","
    "  minutes_approved_at INTEGER REFERENCES meetings (id)"
    "    ON DELETE SET NULL CHECK (minutes_approved_at IS NOT id),"
    "  notes TEXT,"
    "  CHECK (end_time IS NULL OR start_time IS NULL OR end_time >= start_time)"
    ") STRICT;"
    "CREATE INDEX meetings_by_group ON meetings (group_id, date);"
    "CREATE INDEX meetings_by_date ON meetings (date, id);"
    "CREATE INDEX meetings_by_approval ON meetings (minutes_approved_at)"
    "  WHERE minutes_approved_at IS NOT NULL;"

    /* Any other business is always last: at most one an agenda, and the
     * store keeps its position above every other item's. */
    "CREATE TABLE agenda_items ("
    "  id INTEGER PRIMARY KEY,"
    "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL CHECK (position > 0),"
    "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
    "  proposer_id INTEGER REFERENCES people (id),"
    "  proposed_on TEXT CHECK " ISO_DATE_OR_NULL ("proposed_on") ","
    "  standing INTEGER NOT NULL DEFAULT 0 CHECK " BOOLEAN ("standing") ","
    "  is_aob INTEGER NOT NULL DEFAULT 0 CHECK " BOOLEAN ("is_aob") ","
    "  minutes TEXT"
    ") STRICT;"
    "CREATE INDEX agenda_items_by_meeting ON agenda_items (meeting_id, position);"
    "CREATE UNIQUE INDEX agenda_items_one_aob ON agenda_items (meeting_id)"
    "  WHERE is_aob = 1;"

    /* One mark a person a meeting; a guest or officer is a person too,
     * who never counts towards the quorum. */
    "CREATE TABLE attendance ("
    "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
    "  person_id INTEGER NOT NULL REFERENCES people (id),"
    "  mark TEXT NOT NULL CHECK (" ONE_OF3 ("mark", "'present'",
    "'apologies'", "'absent'") "),"
    "  role TEXT NOT NULL DEFAULT 'member' CHECK (" ONE_OF3 ("role",
    "'member'", "'guest'", "'officer'") "),"
    "  PRIMARY KEY (meeting_id, person_id)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE INDEX attendance_by_person ON attendance (person_id, meeting_id);"

    /* The outcome is derived from the votes by cr_vote_outcome() and kept
     * so that a later change of rules never rewrites history. */
    "CREATE TABLE decisions ("
    "  id INTEGER PRIMARY KEY,"
    "  item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,"
    "  text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
    "  method TEXT NOT NULL CHECK (method = 'consensus' OR method = 'vote'),"
    "  votes_for INTEGER CHECK (votes_for >= 0),"
    "  votes_against INTEGER CHECK (votes_against >= 0),"
    "  votes_abstain INTEGER CHECK (votes_abstain >= 0),"
    "  casting_vote TEXT"
    "    CHECK (casting_vote = 'for' OR casting_vote = 'against'),"
    "  outcome TEXT NOT NULL CHECK (" ONE_OF4 ("outcome", "'carried'",
    "'defeated'", "'tied'", "'consensus'") "),"
    "  quorate_at_time INTEGER NOT NULL CHECK " BOOLEAN ("quorate_at_time") ","
    "  CHECK ((method = 'consensus') = (outcome = 'consensus')),"
    "  CHECK ((method = 'vote') = (votes_for IS NOT NULL"
    "    AND votes_against IS NOT NULL AND votes_abstain IS NOT NULL)),"
    "  CHECK (casting_vote IS NULL OR (method = 'vote'"
    "    AND votes_for = votes_against))"
    ") STRICT;"
    "CREATE INDEX decisions_by_item ON decisions (item_id);"

    /* The action log, "You said, we did". An action is owned by a person,
     * by a named officer or organisation, or by no one yet. */
    "CREATE TABLE actions ("
    "  id INTEGER PRIMARY KEY,"
    "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
    "  item_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,"
    "  description TEXT NOT NULL CHECK (length(trim(description)) > 0),"
    "  owner_person_id INTEGER REFERENCES people (id),"
    "  owner_text TEXT,"
    "  due_date TEXT CHECK " ISO_DATE_OR_NULL ("due_date") ","
    "  status TEXT NOT NULL DEFAULT 'open' CHECK (" ONE_OF4 ("status",
    "'open'", "'in-progress'", "'done'", "'dropped'") "),"
    "  outcome TEXT,"
    "  done_on TEXT CHECK " ISO_DATE_OR_NULL ("done_on") ","
    "  CHECK (owner_person_id IS NULL OR owner_text IS NULL),"
    "  CHECK (done_on IS NULL OR status = 'done')"
    ") STRICT;"
    "CREATE INDEX actions_by_meeting ON actions (meeting_id);"
    "CREATE INDEX actions_by_item ON actions (item_id) WHERE item_id IS NOT NULL;"
    "CREATE INDEX actions_by_status ON actions (status, due_date);",
    NULL,
  },
  {
    5,
    /* Terms of reference: numbered versions per group, each a draft (at
     * most one a group, the one being edited) or adopted on a date, maybe
     * at a meeting. The rules in force on a date are the adopted version's
     * with the latest adopted_on on or before it; an adopted version is
     * history and is never edited. A rule's value is the text
     * cr_rules_set() reads, "none" included; its key is checked by the app,
     * so a new rule needs no new step. */
    "CREATE TABLE terms ("
    "  id INTEGER PRIMARY KEY,"
    "  group_id INTEGER NOT NULL REFERENCES groups (id),"
    "  version INTEGER NOT NULL CHECK (version > 0),"
    "  status TEXT NOT NULL DEFAULT 'draft'"
    "    CHECK (status = 'draft' OR status = 'adopted'),"
    "  adopted_on TEXT CHECK " ISO_DATE_OR_NULL ("adopted_on") ","
    "  adopted_at_meeting INTEGER REFERENCES meetings (id) ON DELETE SET NULL,"
    "  created_on TEXT NOT NULL CHECK " ISO_DATE ("created_on") ","
    "  CHECK ((status = 'adopted') = (adopted_on IS NOT NULL)),"
    "  UNIQUE (group_id, version)"
    ") STRICT;"
    "CREATE UNIQUE INDEX terms_one_draft ON terms (group_id)"
    "  WHERE status = 'draft';"
    "CREATE INDEX terms_in_force ON terms (group_id, adopted_on, version)"
    "  WHERE status = 'adopted';"

    "CREATE TABLE terms_sections ("
    "  id INTEGER PRIMARY KEY,"
    "  version_id INTEGER NOT NULL REFERENCES terms (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL CHECK (position > 0),"
    "  heading TEXT NOT NULL CHECK (length(trim(heading)) > 0),"
    "  text TEXT NOT NULL DEFAULT '',"
    "  UNIQUE (version_id, position)"
    ") STRICT;"

    "CREATE TABLE terms_rules ("
    "  version_id INTEGER NOT NULL REFERENCES terms (id) ON DELETE CASCADE,"
    "  key TEXT NOT NULL CHECK (length(key) > 0),"
    "  value TEXT NOT NULL CHECK (length(trim(value)) > 0),"
    "  PRIMARY KEY (version_id, key)"
    ") STRICT, WITHOUT ROWID;",
    NULL,
  },
  { 6, _cr_schema_v6_money, NULL },
  { 7, _cr_schema_v7_training, NULL },
  { 8, _cr_schema_v8_privacy, NULL },
  { 9, _cr_schema_v9_workplan, NULL },
};

const CrMigration *
_cr_migrations_get (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
