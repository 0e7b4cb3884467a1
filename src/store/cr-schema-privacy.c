/* cr-schema-privacy.c: schema step 8
 *
 * Personal data: consent details and data retention.
 *
 * Consent is a record of its own: who agreed, to what, how, when, and when
 * they withdrew it. people.consent_to_contact and consent_date stay as the
 * summary every list and export already reads, kept true by triggers in
 * both directions, so the switch in the person editor and a consent record
 * never disagree:
 *
 *  - a consent to be contacted given or withdrawn updates the summary;
 *  - the switch turned on (or a person added or imported with consent)
 *    records a consent "to be contacted", given as the form says, unless
 *    one is in force already (the summary above turned it on); turned off,
 *    it withdraws every consent to be contacted still in force.
 *
 * Existing consent is carried over as one such record each, its method
 * unknown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-store-private.h"
#include "cr-schema-private.h"

/* The purposes that make up consent to be contacted. */
#define CONTACT_PURPOSE(col)                                            \
  "(" ONE_OF4 (col, "'contact'", "'contact-post'", "'contact-phone'",   \
               "'contact-email'") ")"

/* What the summary on people should say for @person. */
#define CONSENT_NOW(person)                                             \
  "EXISTS (SELECT 1 FROM consents c WHERE c.person_id = " person        \
  " AND c.withdrawn_on IS NULL AND " CONTACT_PURPOSE ("c.purpose") ")"
#define CONSENT_DATE_NOW(person)                                        \
  "(SELECT max(c.given_on) FROM consents c WHERE c.person_id = " person \
  " AND c.withdrawn_on IS NULL AND " CONTACT_PURPOSE ("c.purpose") ")"

/* Only a summary that changes is written: a person added with consent
 * gets its record and needs no second write (the demo and imports add
 * tens of thousands this way). */
#define SYNC_SUMMARY(person)                                            \
  "UPDATE people SET "                                                  \
  "  consent_to_contact = " CONSENT_NOW (person) ","                    \
  "  consent_date = " CONSENT_DATE_NOW (person) " "                     \
  "WHERE id = " person " AND (consent_to_contact IS NOT "               \
  CONSENT_NOW (person) " OR consent_date IS NOT "                       \
  CONSENT_DATE_NOW (person) ");"

const char _cr_schema_v8_privacy[] =
  "CREATE TABLE consents ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES people (id),"
  "  purpose TEXT NOT NULL CHECK (" ONE_OF7 ("purpose", "'contact'",
  "'contact-post'", "'contact-phone'", "'contact-email'", "'photos'",
  "'share-landlord'", "'newsletter'") "),"
  /* unknown: carried over from before consent was recorded in full. */
  "  method TEXT NOT NULL CHECK (" ONE_OF5 ("method", "'form'", "'email'",
  "'verbal'", "'online'", "'unknown'") "),"
  "  given_on TEXT CHECK " ISO_DATE_OR_NULL ("given_on") ","
  "  withdrawn_on TEXT CHECK " ISO_DATE_OR_NULL ("withdrawn_on") ","
  "  notes TEXT,"
  "  CHECK (withdrawn_on IS NULL OR given_on IS NULL OR"
  "         withdrawn_on >= given_on)"
  ") STRICT;"
  "CREATE INDEX consents_by_person ON consents (person_id);"

  "INSERT INTO consents (person_id, purpose, method, given_on) "
  "  SELECT id, 'contact', 'unknown', consent_date FROM people "
  "  WHERE consent_to_contact = 1;"

  "CREATE TRIGGER consents_given AFTER INSERT ON consents "
  "WHEN " CONTACT_PURPOSE ("NEW.purpose") " "
  "BEGIN " SYNC_SUMMARY ("NEW.person_id") " END;"
  "CREATE TRIGGER consents_changed AFTER UPDATE ON consents "
  "BEGIN " SYNC_SUMMARY ("NEW.person_id") " END;"
  "CREATE TRIGGER consents_removed AFTER DELETE ON consents "
  "WHEN " CONTACT_PURPOSE ("OLD.purpose") " "
  "BEGIN " SYNC_SUMMARY ("OLD.person_id") " END;"

  "CREATE TRIGGER people_consent_added AFTER INSERT ON people "
  "WHEN NEW.consent_to_contact = 1 "
  "BEGIN "
  "  INSERT INTO consents (person_id, purpose, method, given_on) "
  "  VALUES (NEW.id, 'contact', 'form', NEW.consent_date);"
  "END;"
  "CREATE TRIGGER people_consent_switched AFTER UPDATE OF consent_to_contact "
  "ON people WHEN NEW.consent_to_contact IS NOT OLD.consent_to_contact "
  "BEGIN "
  "  INSERT INTO consents (person_id, purpose, method, given_on) "
  "  SELECT NEW.id, 'contact', 'form', NEW.consent_date "
  "  WHERE NEW.consent_to_contact = 1 AND NOT EXISTS (SELECT 1 FROM "
  "    consents c WHERE c.person_id = NEW.id AND c.withdrawn_on IS NULL "
  "    AND " CONTACT_PURPOSE ("c.purpose") ");"
  /* The store has no "today" here; the file's date is as good, and never
   * earlier than the consent it ends. */
  "  UPDATE consents SET withdrawn_on = "
  "    max(coalesce(given_on, date('now')), date('now')) "
  "  WHERE NEW.consent_to_contact = 0 AND person_id = NEW.id AND "
  "    withdrawn_on IS NULL AND " CONTACT_PURPOSE ("purpose") ";"
  "END;";
