/* cr-schema-workplan.c: schema step 9
 *
 * Work plan and scrutiny reviews: priorities, reviews, stages, information
 * requests, recommendations.
 *
 * A group has one work plan a year, whose priorities each have a resident
 * lead (person_id, so the subject-access report and erasure find it). A
 * service review belongs to a group and a year and runs through the
 * stages of a panel's review process, each planned and done on a date, or
 * skipped; a stage with no row is not planned yet. Requests are what the
 * panel asks managers for: information (answered within
 * request-response-days) or comments on the findings (within
 * comments-due-days); the due date is kept on the row, so an alternative
 * deadline a manager agrees with the chair is simply written there. A
 * recommendation's action is a row of the action log, so what a review
 * achieved shows in "You said, we did".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-store-private.h"
#include "cr-schema-private.h"

/* The SQL reads as SQL, one clause a line. */
/* clang-format off */
#define NOT_BLANK(col) "(length(trim(" col ")) > 0)"
#define YEAR(col) "(" col " BETWEEN 1900 AND 2200)"

const char _cr_schema_v9_workplan[] =
  "CREATE TABLE work_plans ("
  "  id INTEGER PRIMARY KEY,"
  "  group_id INTEGER NOT NULL REFERENCES groups (id),"
  "  year INTEGER NOT NULL CHECK " YEAR ("year") ","
  "  agreed_on TEXT CHECK " ISO_DATE_OR_NULL ("agreed_on") ","
  "  notes TEXT,"
  "  UNIQUE (group_id, year)"
  ") STRICT;"

  /* person_id is the priority's resident lead. */
  "CREATE TABLE priorities ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES work_plans (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL CHECK (position > 0),"
  "  title TEXT NOT NULL CHECK " NOT_BLANK ("title") ","
  "  person_id INTEGER REFERENCES people (id),"
  "  staff_contact TEXT,"
  "  outputs TEXT,"
  "  status TEXT NOT NULL DEFAULT 'not-started' CHECK (" ONE_OF5 ("status",
  "'not-started'", "'on-track'", "'at-risk'", "'done'", "'dropped'") "),"
  "  review_on TEXT CHECK " ISO_DATE_OR_NULL ("review_on")
  ") STRICT;"
  "CREATE INDEX priorities_by_plan ON priorities (plan_id, position);"
  "CREATE INDEX priorities_by_person ON priorities (person_id)"
  "  WHERE person_id IS NOT NULL;"

  "CREATE TABLE reviews ("
  "  id INTEGER PRIMARY KEY,"
  "  group_id INTEGER NOT NULL REFERENCES groups (id),"
  "  year INTEGER NOT NULL CHECK " YEAR ("year") ","
  "  title TEXT NOT NULL CHECK " NOT_BLANK ("title") ","
  "  triggered_by TEXT NOT NULL CHECK (" ONE_OF5 ("triggered_by",
  "'responsive'", "'officer-request'", "'earlier-review'", "'complaints'",
  "'other'") "),"
  "  service_manager TEXT,"
  "  scope TEXT,"
  "  timescale TEXT,"
  "  status TEXT NOT NULL DEFAULT 'planned' CHECK (" ONE_OF4 ("status",
  "'planned'", "'in-progress'", "'complete'", "'withdrawn'") ")"
  ") STRICT;"
  "CREATE INDEX reviews_by_group ON reviews (group_id, year);"

  "CREATE TABLE review_stages ("
  "  review_id INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,"
  "  stage TEXT NOT NULL CHECK (" ONE_OF7 ("stage", "'initial-report'",
  "'letter-of-intent'", "'information-requests'", "'desk-review'",
  "'shadowing'", "'mystery-shopping'", "'surveys'") " OR " ONE_OF6 ("stage",
  "'interviews'", "'site-visits'", "'findings-report'",
  "'management-comments'", "'sign-off'", "'impact-assessment'") "),"
  "  planned_on TEXT CHECK " ISO_DATE_OR_NULL ("planned_on") ","
  "  done_on TEXT CHECK " ISO_DATE_OR_NULL ("done_on") ","
  "  skipped INTEGER NOT NULL DEFAULT 0 CHECK " BOOLEAN ("skipped") ","
  "  notes TEXT,"
  "  CHECK (skipped = 0 OR done_on IS NULL),"
  "  PRIMARY KEY (review_id, stage)"
  ") STRICT, WITHOUT ROWID;"

  "CREATE TABLE review_requests ("
  "  id INTEGER PRIMARY KEY,"
  "  review_id INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL DEFAULT 'information'"
  "    CHECK (kind = 'information' OR kind = 'comments'),"
  "  sent_to TEXT NOT NULL CHECK " NOT_BLANK ("sent_to") ","
  "  what TEXT NOT NULL CHECK " NOT_BLANK ("what") ","
  "  sent_on TEXT NOT NULL CHECK " ISO_DATE ("sent_on") ","
  "  response_due TEXT NOT NULL CHECK (" ISO_DATE ("response_due")
  "    AND response_due >= sent_on),"
  "  answered_on TEXT CHECK (" ISO_DATE_OR_NULL ("answered_on")
  "    AND (answered_on IS NULL OR answered_on >= sent_on)),"
  "  notes TEXT"
  ") STRICT;"
  "CREATE INDEX review_requests_by_review ON review_requests (review_id);"
  "CREATE INDEX review_requests_open ON review_requests (response_due)"
  "  WHERE answered_on IS NULL;"

  "CREATE TABLE recommendations ("
  "  id INTEGER PRIMARY KEY,"
  "  review_id INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL CHECK (position > 0),"
  "  text TEXT NOT NULL CHECK " NOT_BLANK ("text") ","
  "  response TEXT CHECK (" ONE_OF3 ("response", "'accepted'", "'partly'",
  "'rejected'") "),"
  "  reason TEXT,"
  "  responded_on TEXT CHECK " ISO_DATE_OR_NULL ("responded_on") ","
  "  action_id INTEGER REFERENCES actions (id) ON DELETE SET NULL,"
  "  impact_due TEXT CHECK " ISO_DATE_OR_NULL ("impact_due") ","
  "  impact_done_on TEXT CHECK " ISO_DATE_OR_NULL ("impact_done_on") ","
  "  impact_notes TEXT,"
  "  CHECK (response IS NOT 'rejected'"
  "    OR length(trim(coalesce(reason, ''))) > 0),"
  "  CHECK ((response IS NULL) = (responded_on IS NULL))"
  ") STRICT;"
  "CREATE INDEX recommendations_by_review ON recommendations (review_id,"
  "  position);"
  "CREATE UNIQUE INDEX recommendations_by_action ON recommendations"
  "  (action_id) WHERE action_id IS NOT NULL;";
/* clang-format on */
