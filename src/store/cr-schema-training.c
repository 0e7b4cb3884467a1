/* cr-schema-training.c: schema step 7
 *
 * Training: courses, training records, required courses per role, skills.
 *
 * The core programme is dated, not a flag on the course: a course is core
 * for one group (or, with no group, for every group) from core_from to
 * core_until, its last day. Completion on a date uses the programme as it
 * stood that day, so a course that stops being core changes nobody's past
 * figures, and one that becomes core later doesn't either.
 *
 * A training record belongs to the person, not to a membership: someone who
 * leaves and rejoins keeps what they completed, and a course with a
 * validity still expires on its own clock (the expiry is derived from the
 * date and the course's validity_months, never stored, so changing a
 * course's validity corrects every record at once).
 *
 * A required course is tied to a role: an office title (role_kind
 * 'office', role 'Treasurer') or a membership kind (role_kind 'membership',
 * role 'voting', 'deputy' …), in one group or in every group; it must be
 * renewed every renew_months (NULL: the course's own validity).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-store-private.h"
#include "cr-schema-private.h"

/* The statements read best laid out as SQL. */
/* clang-format off */
const char _cr_schema_v7_training[] =
  "CREATE TABLE courses ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL UNIQUE COLLATE NOCASE"
  "    CHECK (length(trim(title)) > 0),"
  "  provider TEXT,"
  "  validity_months INTEGER"
  "    CHECK (validity_months IS NULL OR"
  "      (validity_months > 0 AND validity_months <= 600)),"
  "  cost INTEGER NOT NULL DEFAULT 0"
  "    CHECK (typeof(cost) = 'integer' AND cost >= 0),"
  "  notes TEXT"
  ") STRICT;"

  "CREATE TABLE core_courses ("
  "  id INTEGER PRIMARY KEY,"
  "  course_id INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,"
  "  group_id INTEGER REFERENCES groups (id),"
  "  core_from TEXT NOT NULL CHECK " ISO_DATE ("core_from") ","
  "  core_until TEXT CHECK (" ISO_DATE_OR_NULL ("core_until")
  "    AND (core_until IS NULL OR core_until >= core_from))"
  ") STRICT;"
  "CREATE INDEX core_courses_by_course ON core_courses (course_id, group_id);"

  "CREATE TABLE training_records ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES people (id),"
  "  course_id INTEGER NOT NULL REFERENCES courses (id),"
  "  date TEXT NOT NULL CHECK " ISO_DATE ("date") ","
  "  status TEXT NOT NULL CHECK (" ONE_OF4 ("status", "'booked'",
  "'attended'", "'completed'", "'did-not-attend'") "),"
  "  certificate TEXT,"
  "  UNIQUE (person_id, course_id, date)"
  ") STRICT;"
  "CREATE INDEX training_by_course ON training_records (course_id, date);"

  "CREATE TABLE required_courses ("
  "  id INTEGER PRIMARY KEY,"
  "  course_id INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,"
  "  group_id INTEGER REFERENCES groups (id),"
  "  role_kind TEXT NOT NULL"
  "    CHECK (role_kind = 'office' OR role_kind = 'membership'),"
  "  role TEXT NOT NULL CHECK (length(trim(role)) > 0),"
  "  renew_months INTEGER"
  "    CHECK (renew_months IS NULL OR"
  "      (renew_months > 0 AND renew_months <= 600))"
  ") STRICT;"
  "CREATE UNIQUE INDEX required_courses_once ON required_courses"
  "  (course_id, ifnull(group_id, 0), role_kind, role COLLATE NOCASE);"

  "CREATE TABLE skills ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0)"
  ") STRICT;"

  "CREATE TABLE group_skills ("
  "  group_id INTEGER NOT NULL REFERENCES groups (id),"
  "  skill_id INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,"
  "  wanted INTEGER NOT NULL DEFAULT 1 CHECK (wanted > 0 AND wanted <= 1000),"
  "  PRIMARY KEY (group_id, skill_id)"
  ") STRICT, WITHOUT ROWID;"

  "CREATE TABLE person_skills ("
  "  person_id INTEGER NOT NULL REFERENCES people (id),"
  "  skill_id INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,"
  "  noted_on TEXT CHECK " ISO_DATE_OR_NULL ("noted_on") ","
  "  PRIMARY KEY (person_id, skill_id)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE INDEX person_skills_by_skill ON person_skills (skill_id, person_id);";
/* clang-format on */
